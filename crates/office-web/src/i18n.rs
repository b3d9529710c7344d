//! The office view's words, in both languages: Vietnamese first, the language of the office.

use tdg_model::{Catalog, Lang};

/// `vi` or `en`, whichever the page shows: fixed words (`&'static str`) and sentences with
/// figures (`String`) alike.
pub fn tr<T>(lang: Lang, vi: T, en: T) -> T {
    if lang == Lang::En {
        en
    } else {
        vi
    }
}

/// [`tr`] for sentences with figures (reads better at the call sites that build them).
pub use tr as trs;

/// "Đã kiểm tra 340/1.000 tệp": the progress line, numbers written the language's way.
pub fn progress_line(lang: Lang, done: u32, total: u32) -> String {
    let n = |x: u32| tdg_model::units::format_int(u64::from(x), lang);
    trs(
        lang,
        format!("Đã kiểm tra {}/{} tệp", n(done), n(total)),
        format!("Checked {}/{} files", n(done), n(total)),
    )
}

/// A tier as the catalog names it in `lang` for `period` (tiers are renamed over the years: the
/// catalog's names by period, never a name written here), or its id. No period: the current name.
pub fn tier_name(catalog: &Catalog, id: &str, period: Option<i32>, lang: Lang) -> String {
    catalog.tier(id).map_or_else(
        || id.to_owned(),
        |t| match period {
            Some(p) => t.name_for(p).get(lang).to_owned(),
            None => t.name.get(lang).to_owned(),
        },
    )
}

/// A band as the catalog names it in `lang`, or its id.
pub fn band_name(catalog: &Catalog, id: &str, lang: Lang) -> String {
    tdg_model::explain::band_name(catalog, id, lang)
}

/// A cluster or block: its name where the catalog lists it, otherwise the text the unit typed;
/// "—" for none.
pub fn group_name(catalog: &Catalog, group: &str, lang: Lang) -> String {
    if group.trim().is_empty() {
        return "—".to_owned();
    }
    catalog
        .emulation_groups
        .iter()
        .find(|g| g.id == group)
        .map_or_else(|| group.to_owned(), |g| g.name.get(lang).to_owned())
}

/// Points as people write them in `lang` ("85,5" or "85.5").
pub fn points(milli: u32, lang: Lang) -> String {
    tdg_model::units::format_points(milli, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tier_is_named_for_the_reports_period() {
        let catalog = Catalog::from_json(include_bytes!(
            "../../../assets/catalogs/hp-175-kh-ubnd.json"
        ))
        .expect("the shipped catalog");
        assert_eq!(
            tier_name(&catalog, "xa-phuong", Some(2024), Lang::Vi),
            "Cấp xã, phường, thị trấn"
        );
        assert_eq!(
            tier_name(&catalog, "xa-phuong", Some(2026), Lang::Vi),
            "Cấp xã, phường, đặc khu"
        );
        assert_eq!(
            tier_name(&catalog, "xa-phuong", Some(2024), Lang::En),
            "Commune level: communes, wards, townships"
        );
    }

    #[test]
    fn progress_counts_are_written_the_languages_way() {
        assert_eq!(
            progress_line(Lang::Vi, 340, 1000),
            "Đã kiểm tra 340/1.000 tệp"
        );
        assert_eq!(
            progress_line(Lang::En, 340, 1000),
            "Checked 340/1,000 files"
        );
    }
}
