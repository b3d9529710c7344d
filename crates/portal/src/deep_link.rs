//! Deep links: `index.html?tier=xa&year=2026&lang=vi` opens the commune form for 2026, so a
//! portal can link straight to "xã, phường, đặc khu, 2026"; `sample=xa` opens a sample unit for
//! training. A value that cannot be one of these is ignored and reported, never guessed at;
//! whether a tier or sample exists is the catalog's business (the app checks).

use crate::protocol::{is_identifier, year_in_range};
use tdg_model::Lang;

/// What a link asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeepLink {
    pub tier: Option<String>,
    pub variant: Option<String>,
    pub year: Option<i32>,
    pub lang: Option<Lang>,
    pub sample: Option<String>,
    /// Parameters not used, with why.
    pub ignored: Vec<Ignored>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    /// `name=value` as written (decoded, cut to 60 characters).
    pub param: String,
    pub why: Why,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    Unknown,
    Repeated,
    BadValue,
    /// The app's own check: no such tier, variant or sample in the catalog for that year.
    NotInCatalog,
}

impl tdg_model::Localized for Ignored {
    fn message(&self, lang: Lang) -> String {
        let why = match (lang, self.why) {
            (Lang::Vi, Why::Unknown) => "tham số không được biết",
            (Lang::En, Why::Unknown) => "unknown parameter",
            (Lang::Vi, Why::Repeated) => "tham số lặp lại (dùng giá trị đầu tiên)",
            (Lang::En, Why::Repeated) => "repeated (the first value is used)",
            (Lang::Vi, Why::BadValue) => "giá trị không hợp lệ",
            (Lang::En, Why::BadValue) => "not a valid value",
            (Lang::Vi, Why::NotInCatalog) => "không có trong danh mục cho năm này",
            (Lang::En, Why::NotInCatalog) => "not in the catalog for that year",
        };
        format!("{} ({why})", self.param)
    }
}

impl DeepLink {
    /// Parses `location.search` (with or without its `?`).
    pub fn parse(search: &str) -> DeepLink {
        let mut link = DeepLink::default();
        let query = search.strip_prefix('?').unwrap_or(search);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let (Some(name), Some(value)) = (decode(raw_name), decode(raw_value)) else {
                link.ignore(pair, Why::BadValue);
                continue;
            };
            let shown = format!("{name}={value}");
            let taken = match name.as_str() {
                "tier" => set(&mut link.tier, id(&value)),
                "variant" => set(&mut link.variant, id(&value)),
                "sample" => set(&mut link.sample, id(&value)),
                "year" => set(
                    &mut link.year,
                    value
                        .parse::<i64>()
                        .ok()
                        .filter(|_| value.len() == 4)
                        .and_then(year_in_range),
                ),
                "lang" => set(&mut link.lang, Lang::from_code(&value)),
                _ => Err(Why::Unknown),
            };
            if let Err(why) = taken {
                link.ignore(&shown, why);
            }
        }
        link
    }

    /// Records that `param` was not used.
    pub fn ignore(&mut self, param: &str, why: Why) {
        self.ignored.push(Ignored {
            param: param.chars().take(60).collect(),
            why,
        });
    }

    /// True when the link asks for nothing (and reports nothing).
    pub fn is_empty(&self) -> bool {
        *self == DeepLink::default()
    }

    /// The query that asks for this (`?tier=xa&year=2026&lang=vi`), for "open in a new tab".
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(t) = &self.tier {
            parts.push(format!("tier={}", encode(t)));
        }
        if let Some(v) = &self.variant {
            parts.push(format!("variant={}", encode(v)));
        }
        if let Some(y) = self.year {
            parts.push(format!("year={y}"));
        }
        if let Some(l) = self.lang {
            parts.push(format!("lang={}", l.code()));
        }
        if let Some(s) = &self.sample {
            parts.push(format!("sample={}", encode(s)));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

fn set<T>(slot: &mut Option<T>, value: Option<T>) -> Result<(), Why> {
    match (slot.is_some(), value) {
        (true, _) => Err(Why::Repeated),
        (false, Some(v)) => {
            *slot = Some(v);
            Ok(())
        }
        (false, None) => Err(Why::BadValue),
    }
}

fn id(value: &str) -> Option<String> {
    is_identifier(value).then(|| value.to_string())
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte, UTF-8 required.
fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Ids are `[a-z0-9_-]`: nothing to escape, but a value that is not one is escaped anyway.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tdg_model::Localized;

    #[test]
    fn reads_the_portal_link() {
        let link = DeepLink::parse("?tier=xa&year=2026&lang=en&sample=vi-du-xa&variant=dn-cntt");
        assert_eq!(link.tier.as_deref(), Some("xa"));
        assert_eq!(link.variant.as_deref(), Some("dn-cntt"));
        assert_eq!(link.year, Some(2026));
        assert_eq!(link.lang, Some(Lang::En));
        assert_eq!(link.sample.as_deref(), Some("vi-du-xa"));
        assert!(link.ignored.is_empty());
        assert!(DeepLink::parse("").is_empty());
        assert!(DeepLink::parse("?").is_empty());
    }

    #[test]
    fn bad_values_are_ignored_and_reported() {
        let link = DeepLink::parse(
            "tier=XA%20PHUONG&year=20x6&lang=fr&utm_source=cong&year=2026&tier=xa&tier=so&sample=%E0&lang",
        );
        // The first valid value of a repeated parameter wins; the bad ones are reported.
        assert_eq!(link.tier.as_deref(), Some("xa"));
        assert_eq!(link.year, Some(2026));
        assert_eq!(link.lang, None);
        assert_eq!(link.sample, None);
        let said: Vec<(String, Why)> = link
            .ignored
            .iter()
            .map(|i| (i.param.clone(), i.why))
            .collect();
        assert_eq!(
            said,
            vec![
                ("tier=XA PHUONG".into(), Why::BadValue),
                ("year=20x6".into(), Why::BadValue),
                ("lang=fr".into(), Why::BadValue),
                ("utm_source=cong".into(), Why::Unknown),
                ("tier=so".into(), Why::Repeated),
                ("sample=%E0".into(), Why::BadValue),
                ("lang=".into(), Why::BadValue),
            ]
        );
        assert_eq!(
            link.ignored[1].message(Lang::Vi),
            "year=20x6 (giá trị không hợp lệ)"
        );
        assert_eq!(
            link.ignored[3].message(Lang::En),
            "utm_source=cong (unknown parameter)"
        );
        for year in ["1999", "2101", "02026", "-2026", "+2026"] {
            assert_eq!(
                DeepLink::parse(&format!("year={year}")).year,
                None,
                "{year}"
            );
        }
        let long = format!("x={}", "a".repeat(500));
        assert_eq!(DeepLink::parse(&long).ignored[0].param.chars().count(), 60);
    }

    #[test]
    fn a_query_round_trips() {
        let link = DeepLink {
            tier: Some("doanh-nghiep".into()),
            variant: Some("cntt".into()),
            year: Some(2024),
            lang: Some(Lang::Vi),
            sample: None,
            ignored: Vec::new(),
        };
        assert_eq!(
            link.to_query(),
            "?tier=doanh-nghiep&variant=cntt&year=2024&lang=vi"
        );
        assert_eq!(DeepLink::parse(&link.to_query()), link);
        assert_eq!(DeepLink::default().to_query(), "");
    }
}
