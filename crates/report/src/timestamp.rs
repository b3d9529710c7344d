//! RFC 3339 timestamps (`validFrom`, the proof's `created`), read strictly, down to the UTC day
//! they fall on: the verifier compares that day with `submittedOn` and judges key validity by it.

use tdg_model::Date;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not an RFC 3339 timestamp such as 2026-11-20T08:30:00Z")]
pub struct TimestampError(pub String);

/// The UTC calendar day of an RFC 3339 timestamp: `YYYY-MM-DDTHH:MM:SS`, optional fraction,
/// then `Z` or an offset `±HH:MM`.
pub fn utc_day(text: &str) -> Result<Date, TimestampError> {
    let err = || TimestampError(text.to_string());
    let b = text.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b't') || b[13] != b':' || b[16] != b':' {
        return Err(err());
    }
    let local_day = Date::parse_iso(&text[..10]).map_err(|_| err())?;
    let two = |at: usize, max: u32| -> Result<u32, TimestampError> {
        let part = text.get(at..at + 2).ok_or_else(err)?;
        let n: u32 = part
            .bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
            .ok_or_else(err)?;
        (n <= max).then_some(n).ok_or_else(err)
    };
    let (hour, minute) = (two(11, 23)?, two(14, 59)?);
    two(17, 60)?; // 60: a leap second
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return Err(err());
        }
        rest = &fraction[digits..];
    }
    let offset_minutes: i64 = match rest.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let at = text.len() - 5;
            let minutes = i64::from(two(at, 23)? * 60 + two(at + 3, 59)?);
            if *sign == b'+' {
                minutes
            } else {
                -minutes
            }
        }
        _ => return Err(err()),
    };
    let local_minutes = i64::from(hour * 60 + minute);
    let utc_minutes = local_minutes - offset_minutes;
    let day_shift = utc_minutes.div_euclid(24 * 60);
    Ok(Date::from_days_since_epoch(
        local_day.days_since_epoch() + day_shift,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(iso: &str) -> Date {
        Date::parse_iso(iso).expect("date")
    }

    #[test]
    fn reads_the_utc_day() {
        assert_eq!(utc_day("2026-11-20T08:30:00Z"), Ok(d("2026-11-20")));
        assert_eq!(utc_day("2026-11-20T08:30:00.123Z"), Ok(d("2026-11-20")));
        assert_eq!(utc_day("2026-11-20T06:30:00+07:00"), Ok(d("2026-11-19")));
        assert_eq!(utc_day("2026-12-31T20:00:00-05:00"), Ok(d("2027-01-01")));
    }

    #[test]
    fn refuses_what_is_not_a_timestamp() {
        for bad in [
            "",
            "2026-11-20",
            "2026-11-20 08:30:00Z",
            "2026-02-30T08:30:00Z",
            "2026-11-20T24:00:00Z",
            "2026-11-20T08:30:00",
            "2026-11-20T08:30:00.Z",
            "2026-11-20T08:30:00+7:00",
            "2026-11-20T08:30:00Zjunk",
            "2026-11-20T08:3a:00Z",
        ] {
            assert!(utc_day(bad).is_err(), "{bad}");
        }
    }
}
