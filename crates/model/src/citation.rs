//! Citing the catalog's legal basis the Vietnamese way: section `IV.1.a` of Plan 175/KH-UBND is
//! "điểm a khoản 1 Mục IV Kế hoạch số 175/KH-UBND" (point, clause, section, document), and in
//! English "point a, clause 1, section IV of Plan No. 175/KH-UBND". The document's name comes
//! from the catalog (`basis.citeAs`), so a catalog with another basis cites correctly.

use crate::catalog::{Catalog, LegalBasis};
use crate::date::Date;
use crate::text::Lang;

/// One part of a section id: `IV` (Mục), `1` (khoản), `a` (điểm).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Parts<'a> {
    section: &'a str,
    clause: Option<&'a str>,
    point: Option<&'a str>,
}

/// Reads a section id of the form `ROMAN[.NUMBER[.LETTER]]` (`IV`, `VI.5`, `IV.1.đ`).
/// `None` when it has another form: validation refuses such an id in a plan provenance.
fn parse(section: &str) -> Option<Parts<'_>> {
    let mut it = section.split('.');
    let roman = it.next()?;
    let clause = it.next();
    let point = it.next();
    if it.next().is_some()
        || roman.is_empty()
        || !roman.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
    {
        return None;
    }
    if clause.is_some_and(|c| c.is_empty() || !c.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    // A point is one lowercase Vietnamese letter: a, b, c, d, đ, e, …
    if point.is_some_and(|p| {
        let mut chars = p.chars();
        !matches!((chars.next(), chars.next()), (Some(c), None) if c.is_ascii_lowercase() || c == 'đ')
    }) {
        return None;
    }
    Some(Parts {
        section: roman,
        clause,
        point,
    })
}

/// Whether `section` is a section id this module can cite.
pub fn is_citable(section: &str) -> bool {
    parse(section).is_some()
}

/// The place inside the document, without the document: "điểm a khoản 1 Mục IV" /
/// "point a, clause 1, section IV". An id of another form is given as it is.
pub fn place(section: &str, lang: Lang) -> String {
    let Some(p) = parse(section) else {
        return match lang {
            Lang::Vi => format!("Mục {section}"),
            Lang::En => format!("section {section}"),
        };
    };
    let mut parts = Vec::with_capacity(3);
    let (point, clause, sec) = match lang {
        Lang::Vi => ("điểm", "khoản", "Mục"),
        Lang::En => ("point", "clause", "section"),
    };
    if let Some(x) = p.point {
        parts.push(format!("{point} {x}"));
    }
    if let Some(x) = p.clause {
        parts.push(format!("{clause} {x}"));
    }
    parts.push(format!("{sec} {}", p.section));
    match lang {
        Lang::Vi => parts.join(" "),
        Lang::En => parts.join(", "),
    }
}

/// The full citation of a section of the catalog's basis: "điểm a khoản 1 Mục IV Kế hoạch số
/// 175/KH-UBND" / "point a, clause 1, section IV of Plan No. 175/KH-UBND".
pub fn cite(basis: &LegalBasis, section: &str, lang: Lang) -> String {
    let doc = basis.cite_as.get(lang);
    match lang {
        Lang::Vi => format!("{} {doc}", place(section, lang)),
        Lang::En => format!("{} of {doc}", place(section, lang)),
    }
}

/// A date as administrative documents write it (Decree 30/2020/NĐ-CP): a leading zero for days
/// below 10 and for months 1 and 2 only: "15/7/2022", "05/02/2025", "01/12/2025".
pub fn document_date(date: Date) -> String {
    let month = if date.month < 3 {
        format!("{:02}", date.month)
    } else {
        date.month.to_string()
    };
    format!("{:02}/{month}/{}", date.day, date.year)
}

/// The basis named in full: "Kế hoạch số 175/KH-UBND ngày 15/7/2022 của Ủy ban nhân dân thành
/// phố Hải Phòng" / "Plan No. 175/KH-UBND of 15/7/2022 of the Hải Phòng People's Committee".
pub fn basis_line(basis: &LegalBasis, lang: Lang) -> String {
    let date = document_date(basis.date);
    let (doc, issuer) = (basis.cite_as.get(lang), basis.issuer.get(lang));
    match lang {
        Lang::Vi => format!("{doc} ngày {date} của {issuer}"),
        Lang::En => format!("{doc} of {date}, {issuer}"),
    }
}

impl Catalog {
    /// The citation of `section` of this catalog's basis (see [`cite`]).
    pub fn citation(&self, section: &str, lang: Lang) -> String {
        cite(&self.basis, section, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    fn basis() -> LegalBasis {
        LegalBasis {
            number: "175/KH-UBND".into(),
            date: Date::new(2022, 7, 15).expect("a real day"),
            issuer: Text::new(
                "Ủy ban nhân dân thành phố Hải Phòng",
                "the Hải Phòng People's Committee",
            ),
            title: Text::new("Kế hoạch …", "Plan …"),
            short_title: Text::new("Kế hoạch", "Plan"),
            cite_as: Text::new("Kế hoạch số 175/KH-UBND", "Plan No. 175/KH-UBND"),
        }
    }

    #[test]
    fn cites_point_clause_and_section_the_vietnamese_way() {
        let b = basis();
        for (section, lang, want) in [
            (
                "IV.1.a",
                Lang::Vi,
                "điểm a khoản 1 Mục IV Kế hoạch số 175/KH-UBND",
            ),
            (
                "IV.1.a",
                Lang::En,
                "point a, clause 1, section IV of Plan No. 175/KH-UBND",
            ),
            (
                "IV.1.đ",
                Lang::Vi,
                "điểm đ khoản 1 Mục IV Kế hoạch số 175/KH-UBND",
            ),
            ("VI.5", Lang::Vi, "khoản 5 Mục VI Kế hoạch số 175/KH-UBND"),
            ("II", Lang::En, "section II of Plan No. 175/KH-UBND"),
        ] {
            assert_eq!(cite(&b, section, lang), want);
        }
    }

    #[test]
    fn only_section_ids_of_the_plan_form_are_citable() {
        for ok in ["IV", "VI.5", "IV.1.a", "IV.1.đ", "III.1"] {
            assert!(is_citable(ok), "{ok}");
        }
        for bad in ["", "4.1.a", "IV.a", "IV.1.ab", "IV.1.a.i", "IV..a", "iv.1"] {
            assert!(!is_citable(bad), "{bad}");
        }
        assert_eq!(place("Phụ lục", Lang::Vi), "Mục Phụ lục");
    }

    #[test]
    fn dates_follow_decree_30() {
        let d = |y, m, day| Date::new(y, m, day).expect("a real day");
        assert_eq!(document_date(d(2022, 7, 15)), "15/7/2022");
        assert_eq!(document_date(d(2025, 2, 5)), "05/02/2025");
        assert_eq!(document_date(d(2025, 12, 1)), "01/12/2025");
        assert_eq!(
            basis_line(&basis(), Lang::Vi),
            "Kế hoạch số 175/KH-UBND ngày 15/7/2022 của Ủy ban nhân dân thành phố Hải Phòng"
        );
    }
}
