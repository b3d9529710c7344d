//! Calendar dates without a date library: ISO `YYYY-MM-DD` in files, `dd/mm/yyyy` for people.

use crate::text::Lang;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a date in the form YYYY-MM-DD")]
pub struct DateError(pub String);

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day, a real date).
    pub fn parse_iso(text: &str) -> Result<Date, DateError> {
        let err = || DateError(text.to_string());
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(err());
        }
        let num = |range: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = &text[range];
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y as i32, m as u8, d as u8).ok_or_else(err)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`), for date differences.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::days_since_epoch`] (Hinnant's `civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// `dd/mm/yyyy`, the form Vietnamese documents use (and this tool shows in both languages).
    pub fn display_vn(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

/// Why a date typed as `dd/mm/yyyy` was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DmyError {
    #[error("no date was typed")]
    Empty,
    #[error("type the date as day/month/year, for example 05/03/2026")]
    Form,
    #[error("there is no day {day:02}/{month:02}/{year:04}{}", if (1..=12).contains(month) { "" } else { ": the month must be 1 to 12 (type day/month/year, for example 05/03/2026)" })]
    NoSuchDay { day: u32, month: u32, year: u32 },
    /// A date after the latest the field allows: a document cannot be dated after today, so
    /// such a date is most often a mistyped year.
    #[error("{} is after today ({}): check the year", .0.display_vn(), .1.display_vn())]
    AfterLatest(Date, Date),
}

impl crate::Localized for DmyError {
    /// The message for the person who typed it, in `lang`.
    fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, e) => {
                let mut text = e.to_string();
                if let Some(first) = text.get(..1) {
                    text.replace_range(..1, &first.to_uppercase());
                }
                text + "."
            }
            (Lang::Vi, DmyError::Empty) => "Chưa nhập ngày.".into(),
            (Lang::Vi, DmyError::Form) => {
                "Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/03/2026.".into()
            }
            (Lang::Vi, DmyError::NoSuchDay { day, month, year }) if (1..=12).contains(month) => {
                format!("Không có ngày {day:02}/{month:02}/{year:04}.")
            }
            (Lang::Vi, DmyError::AfterLatest(day, latest)) => format!(
                "Ngày {} ở sau hôm nay ({}): hãy kiểm tra lại năm.",
                day.display_vn(),
                latest.display_vn()
            ),
            // A month over 12 is most often a date typed year or month first (review 7, L2).
            (Lang::Vi, DmyError::NoSuchDay { day, month, year }) => format!(
                "Không có ngày {day:02}/{month:02}/{year:04}: tháng phải từ 1 đến 12 (nhập ngày/tháng/năm, ví dụ 05/03/2026)."
            ),
        }
    }
}

impl Date {
    /// Parses a date as people type it here: `d/m/yyyy` or `dd/mm/yyyy` (day first, whatever
    /// the browser's locale), surrounding spaces ignored. A year has four digits, so "5/3/26"
    /// is refused rather than guessed at.
    pub fn parse_dmy(text: &str) -> Result<Date, DmyError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(DmyError::Empty);
        }
        let parts: Vec<&str> = text.split('/').collect();
        let [day, month, year] = parts.as_slice() else {
            return Err(DmyError::Form);
        };
        let number = |part: &str, digits: std::ops::RangeInclusive<usize>| -> Option<u32> {
            (digits.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        };
        let (Some(day), Some(month), Some(year)) = (
            number(day, 1..=2),
            number(month, 1..=2),
            number(year, 4..=4),
        ) else {
            return Err(DmyError::Form);
        };
        // Each part has at most four ASCII digits, so the narrowing casts cannot truncate.
        Date::new(year as i32, month as u8, day as u8).ok_or(DmyError::NoSuchDay {
            day,
            month,
            year,
        })
    }

    /// `parse_dmy`, and no later than `latest` where the field has a latest day (a document's
    /// date: not after today).
    pub fn parse_dmy_until(text: &str, latest: Option<Date>) -> Result<Date, DmyError> {
        let day = Date::parse_dmy(text)?;
        match latest {
            Some(latest) if day > latest => Err(DmyError::AfterLatest(day, latest)),
            _ => Ok(day),
        }
    }

    /// The date line of a Vietnamese administrative document (Decree 30/2020/NĐ-CP, Appendix
    /// I): "Hải Phòng, ngày 05 tháng 3 năm 2026". Days below 10 and the months 1 and 2 take a
    /// leading zero (so no digit can be added in front by hand); months 3 to 12 do not.
    pub fn document_line(self, place: &str) -> String {
        let month = if self.month <= 2 {
            format!("{:02}", self.month)
        } else {
            self.month.to_string()
        };
        format!(
            "{place}, ngày {:02} tháng {month} năm {}",
            self.day, self.year
        )
    }
}

/// What a date field shows while someone types: digits and `/` only, at most `dd/mm/yyyy`. A
/// `/` is added after a two-digit day or month, so "05032026" becomes "05/03/2026"; a `.` or
/// `-` typed as a separator counts as `/`; "5/3/2026" keeps its one-digit parts.
pub fn mask_dmy(typed: &str) -> String {
    // A whole date written year first (pasted from another system, "2026-03-05") is turned
    // round rather than read as day 20, month 26 (review 7, L2).
    if let Some(dmy) = iso_as_dmy(typed.trim()) {
        return dmy;
    }
    let mut out = String::new();
    // Digits in the part being typed, and how many `/` are written.
    let (mut digits, mut slashes) = (0usize, 0usize);
    for c in typed.chars() {
        let limit = if slashes < 2 { 2 } else { 4 };
        match c {
            '0'..='9' => {
                if digits == limit && slashes < 2 {
                    out.push('/');
                    slashes += 1;
                    digits = 0;
                }
                let limit = if slashes < 2 { 2 } else { 4 };
                if digits < limit {
                    out.push(c);
                    digits += 1;
                }
            }
            '/' | '.' | '-' if slashes < 2 && digits > 0 => {
                out.push('/');
                slashes += 1;
                digits = 0;
            }
            _ => {}
        }
    }
    out
}

/// "2026-03-05" (or "2026-3-5") as "05/03/2026"; anything else is not a year-first date.
fn iso_as_dmy(text: &str) -> Option<String> {
    let digits = |part: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    (parts.next().is_none() && digits(year, 4..=4) && digits(month, 1..=2) && digits(day, 1..=2))
        .then(|| format!("{day:0>2}/{month:0>2}/{year}"))
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse_iso(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Localized;

    fn says(error: &DmyError, vi: &str, en: &str) {
        assert_eq!(error.message(Lang::Vi), vi);
        assert_eq!(error.message(Lang::En), en);
    }

    #[test]
    fn a_date_after_the_latest_is_refused_with_both_dates() {
        let today = Date::new(2026, 11, 29).expect("a real day");
        assert_eq!(Date::parse_dmy_until("29/11/2026", Some(today)), Ok(today));
        assert!(Date::parse_dmy_until("30/11/2027", None).is_ok());
        let late = Date::parse_dmy_until("5/3/2027", Some(today)).expect_err("after today");
        says(
            &late,
            "Ngày 05/03/2027 ở sau hôm nay (29/11/2026): hãy kiểm tra lại năm.",
            "05/03/2027 is after today (29/11/2026): check the year.",
        );
        // What cannot be read is said as before, whatever the latest day.
        assert_eq!(
            Date::parse_dmy_until("32/1/2026", Some(today)),
            Date::parse_dmy("32/1/2026")
        );
    }

    #[test]
    fn parses_only_real_dates() {
        assert_eq!(
            Date::parse_iso("2026-11-30"),
            Ok(Date {
                year: 2026,
                month: 11,
                day: 30
            })
        );
        assert!(Date::parse_iso("2026-02-29").is_err());
        assert!(Date::parse_iso("2024-02-29").is_ok());
        assert!(Date::parse_iso("2026-13-01").is_err());
        assert!(Date::parse_iso("26-11-30").is_err());
        assert!(Date::parse_iso("2026-1-300").is_err());
        assert!(Date::parse_iso("2026-+1-30").is_err());
        assert!(Date::parse_iso("").is_err());
        assert!(Date::parse_iso("２０２６-11-30").is_err());
    }

    #[test]
    fn counts_days() {
        let d = |s| Date::parse_iso(s).expect("valid test date");
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(
            d("2026-12-01").days_since_epoch() - d("2026-11-16").days_since_epoch(),
            15
        );
        assert_eq!(
            d("2025-03-01").days_since_epoch() - d("2025-02-28").days_since_epoch(),
            1
        );
        assert_eq!(d("2026-11-26").display_vn(), "26/11/2026");
        for text in [
            "1970-01-01",
            "2024-02-29",
            "2026-12-31",
            "2000-03-01",
            "1969-12-31",
        ] {
            assert_eq!(
                Date::from_days_since_epoch(d(text).days_since_epoch()),
                d(text)
            );
        }
    }

    #[test]
    fn reads_day_first_whatever_the_locale() {
        let d = |y, m, day| Date::new(y, m, day).expect("real date");
        assert_eq!(Date::parse_dmy("05/03/2026"), Ok(d(2026, 3, 5)));
        assert_eq!(Date::parse_dmy(" 5/3/2026 "), Ok(d(2026, 3, 5)));
        assert_eq!(Date::parse_dmy("29/02/2024"), Ok(d(2024, 2, 29)));
        // Month first (the en-US habit) is a day that does not exist, not a silent swap.
        assert_eq!(
            Date::parse_dmy("03/25/2026"),
            Err(DmyError::NoSuchDay {
                day: 3,
                month: 25,
                year: 2026
            })
        );
        assert_eq!(
            Date::parse_dmy("31/02/2026"),
            Err(DmyError::NoSuchDay {
                day: 31,
                month: 2,
                year: 2026
            })
        );
        assert_eq!(Date::parse_dmy(""), Err(DmyError::Empty));
        assert_eq!(Date::parse_dmy("   "), Err(DmyError::Empty));
        for bad in [
            "5/3/26",
            "2026-03-05",
            "05032026",
            "05/03/2026/1",
            "005/03/2026",
            "0a/03/2026",
            "+5/03/2026",
            "05/03/２０２６",
            "//",
        ] {
            assert_eq!(Date::parse_dmy(bad), Err(DmyError::Form), "{bad}");
        }
    }

    #[test]
    fn date_errors_read_in_both_languages() {
        let no_day = DmyError::NoSuchDay {
            day: 31,
            month: 2,
            year: 2026,
        };
        assert_eq!(no_day.message(Lang::Vi), "Không có ngày 31/02/2026.");
        assert_eq!(no_day.message(Lang::En), "There is no day 31/02/2026.");
        assert!(DmyError::Form.message(Lang::Vi).contains("ngày/tháng/năm"));
        assert!(DmyError::Form.message(Lang::En).contains("day/month/year"));
        assert_eq!(DmyError::Empty.message(Lang::En), "No date was typed.");
    }

    #[test]
    fn a_date_pasted_year_first_is_turned_round_and_a_month_over_12_says_how_to_type() {
        assert_eq!(mask_dmy("2026-03-05"), "05/03/2026");
        assert_eq!(mask_dmy(" 2026-3-5 "), "05/03/2026");
        assert_eq!(
            Date::parse_dmy(&mask_dmy("2026-03-05")),
            Date::new(2026, 3, 5).ok_or(DmyError::Form)
        );
        // Typed digit by digit, the year first still reads as day and month: the error says how.
        let typed = Date::parse_dmy(&mask_dmy("20260305")).expect_err("no month 26");
        says(
            &typed,
            "Không có ngày 20/26/0305: tháng phải từ 1 đến 12 (nhập ngày/tháng/năm, ví dụ 05/03/2026).",
            "There is no day 20/26/0305: the month must be 1 to 12 (type day/month/year, for example 05/03/2026).",
        );
        assert_eq!(
            Date::parse_dmy("31/02/2026")
                .expect_err("no 31 February")
                .message(Lang::Vi),
            "Không có ngày 31/02/2026."
        );
    }

    #[test]
    fn the_mask_writes_dd_mm_yyyy_as_one_types() {
        assert_eq!(mask_dmy("05032026"), "05/03/2026");
        assert_eq!(mask_dmy("0503"), "05/03");
        assert_eq!(mask_dmy("050"), "05/0");
        assert_eq!(mask_dmy("05/03/2026"), "05/03/2026");
        assert_eq!(mask_dmy("5/3/2026"), "5/3/2026");
        assert_eq!(mask_dmy("5.3.2026"), "5/3/2026");
        assert_eq!(mask_dmy("05-03-2026"), "05/03/2026");
        assert_eq!(
            mask_dmy("05/03/20261999"),
            "05/03/2026",
            "the year stops at four digits"
        );
        assert_eq!(mask_dmy("ab05//03x2026"), "05/03/2026");
        assert_eq!(mask_dmy("/"), "", "no separator before a digit");
        assert_eq!(mask_dmy(""), "");
        // Every masked text either parses or is refused with a reason; nothing panics.
        for typed in ["3", "31/1", "31/12/9999", "00/00/0000", "99999999"] {
            let _ = Date::parse_dmy(&mask_dmy(typed));
        }
        assert_eq!(
            Date::parse_dmy(&mask_dmy("00000000")),
            Err(DmyError::NoSuchDay {
                day: 0,
                month: 0,
                year: 0
            })
        );
    }

    #[test]
    fn the_document_date_line_follows_decree_30() {
        let line = |y, m, d| Date::new(y, m, d).expect("real").document_line("Hải Phòng");
        assert_eq!(line(2026, 3, 5), "Hải Phòng, ngày 05 tháng 3 năm 2026");
        assert_eq!(line(2026, 1, 9), "Hải Phòng, ngày 09 tháng 01 năm 2026");
        assert_eq!(line(2026, 2, 10), "Hải Phòng, ngày 10 tháng 02 năm 2026");
        assert_eq!(line(2026, 9, 30), "Hải Phòng, ngày 30 tháng 9 năm 2026");
        assert_eq!(line(2026, 11, 28), "Hải Phòng, ngày 28 tháng 11 năm 2026");
        assert_eq!(line(2026, 12, 1), "Hải Phòng, ngày 01 tháng 12 năm 2026");
    }
}
