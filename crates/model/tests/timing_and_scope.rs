//! The one timing rule (`Catalog::timing`) and the one "which answers are scored" rule
//! (`scored_sheet`), which the app, the signer, the verifier and `tdg` share.

mod common;
use common::*;
use tdg_model::{score, scored_sheet, Date, Timing};

fn day(iso: &str) -> Date {
    Date::parse_iso(iso).expect("a real date")
}

#[test]
fn the_deadline_day_itself_is_one_day_late() {
    let c = catalog();
    assert_eq!(
        c.timing("xa-phuong", 2026, day("2026-11-30")),
        Timing::OnTime { days_early: 1 }
    );
    assert_eq!(
        c.timing("xa-phuong", 2026, day("2026-12-01")),
        Timing::Late { days_late: 1 }
    );
    assert_eq!(
        c.timing("so-nganh", 2026, day("2026-12-31")),
        Timing::Late { days_late: 31 }
    );
    assert_eq!(
        c.timing("so-nganh", 2026, day("2026-11-16")),
        Timing::OnTime { days_early: 15 }
    );
}

#[test]
fn the_deadline_binds_state_units_not_enterprises_or_individuals() {
    let c = catalog();
    for tier in ["so-nganh", "quan-huyen", "xa-phuong"] {
        assert!(c.deadline_binds(tier), "{tier}");
    }
    for tier in ["doanh-nghiep", "ca-nhan"] {
        assert!(!c.deadline_binds(tier), "{tier}");
        assert_eq!(c.timing(tier, 2026, day("2026-12-20")), Timing::NotBound);
    }
}

#[test]
fn an_enterprise_is_neither_rewarded_nor_penalised_for_its_date() {
    let c = catalog();
    let mut late = sheet("doanh-nghiep", Some("chung"), &[]);
    late.submitted_on = Some(day("2026-12-20"));
    let mut early = late.clone();
    early.submitted_on = Some(day("2026-10-01"));
    for s in [late, early] {
        let r = score(&c, &s).expect("scores");
        assert!(r.penalties.is_empty() && r.bonus.is_empty(), "{r:?}");
        assert_eq!(r.on_time, None);
    }
}

#[test]
fn the_scored_sheet_keeps_only_the_tier_and_variant_answers() {
    let c = catalog();
    let commune = c.tier("xa-phuong").expect("tier");
    let department = c.tier("so-nganh").expect("tier");
    let commune_id = commune.criteria[0].id.clone();
    let department_id = department.criteria[0].id.clone();
    let mut s = sheet(
        "so-nganh",
        None,
        &[
            (commune_id.as_str(), yes(true)),
            (department_id.as_str(), count(3)),
            ("khong-co", yes(true)),
        ],
    );
    let scoped = scored_sheet(&c, &s);
    assert_eq!(
        scoped.sheet.answers.keys().collect::<Vec<_>>(),
        vec![&department_id]
    );
    let mut aside = vec![commune_id.clone(), "khong-co".to_string()];
    aside.sort();
    assert_eq!(scoped.set_aside, aside);
    // The other tier's answers never reach the score, so they raise no error either.
    let r = score(&c, &scoped.sheet).expect("scores");
    assert!(r
        .errors
        .iter()
        .all(|e| e.criterion != commune_id && e.criterion != "khong-co"));
    // Switching back finds them: the scoping never changes the sheet it was given.
    s.tier = "xa-phuong".into();
    let back = scored_sheet(&c, &s);
    assert!(back.sheet.answers.contains_key(&commune_id));
    assert!(!back.sheet.answers.contains_key(&department_id));
}

#[test]
fn a_variant_keeps_only_its_own_criteria() {
    let c = catalog();
    let tier = c.tier("doanh-nghiep").expect("tier");
    let only_cntt = tier
        .criteria
        .iter()
        .find(|k| k.variants == ["cntt"])
        .expect("the IT-enterprise variant has a criterion of its own");
    let s = sheet("doanh-nghiep", Some("chung"), &[(&only_cntt.id, yes(true))]);
    let scoped = scored_sheet(&c, &s);
    assert!(scoped.sheet.answers.is_empty());
    assert_eq!(scoped.set_aside, vec![only_cntt.id.clone()]);
}

/// A year keeps only the criteria assessed that year: in 2025 the phase-1 review is scored and
/// the unit's own plan is set aside (kept in the draft); in 2026 the other way round. Both
/// years' full answers reach 100.
#[test]
fn a_year_keeps_only_the_criteria_assessed_that_year() {
    let c = catalog();
    let answers = [
        ("xp.ke-hoach-phat-dong", yes(true)),
        ("xp.tong-ket-giai-doan-1", yes(true)),
    ];
    let mut s = sheet("xa-phuong", None, &answers);
    s.period = 2025;
    let scoped = scored_sheet(&c, &s);
    assert_eq!(
        scoped.sheet.answers.keys().collect::<Vec<_>>(),
        vec!["xp.tong-ket-giai-doan-1"]
    );
    assert_eq!(scoped.set_aside, vec!["xp.ke-hoach-phat-dong".to_string()]);
    let r = score(&c, &scoped.sheet).expect("scores");
    assert!(r.criterion("xp.ke-hoach-phat-dong").is_none());
    let full: u32 = r.criteria.iter().map(|c| c.max).sum();
    assert_eq!(full, 100_000);
    s.period = 2026;
    let scoped = scored_sheet(&c, &s);
    assert_eq!(
        scoped.set_aside,
        vec!["xp.tong-ket-giai-doan-1".to_string()]
    );
    let r = score(&c, &scoped.sheet).expect("scores");
    assert!(r.criterion("xp.tong-ket-giai-doan-1").is_none());
    let full: u32 = r.criteria.iter().map(|c| c.max).sum();
    assert_eq!(full, 100_000);
    // Unscoped, an answer for a criterion not assessed that year is an error, as for another
    // tier's: a signed report cannot carry it.
    let r = score(&c, &s).expect("scores");
    assert!(r
        .errors
        .iter()
        .any(|e| e.criterion == "xp.tong-ket-giai-doan-1"));
}

#[test]
fn an_unknown_tier_keeps_every_answer_so_scoring_names_the_tier() {
    let c = catalog();
    let s = sheet("khong-co", None, &[("a", yes(true))]);
    assert_eq!(scored_sheet(&c, &s).sheet, s);
}

/// Review M8: the timing lines say which deadline (with its year) and which sending date they
/// assume; nothing for a tier the deadline does not bind.
#[test]
fn the_deadline_line_names_the_year_and_the_assumed_date() {
    use tdg_model::explain::deadline_line;
    let catalog = catalog();
    let s = sheet("quan-huyen", None, &[]);
    let mut s = s;
    s.period = 2024;
    let r = score(&catalog, &s).expect("scores");
    let day = tdg_model::Date::new(2026, 11, 28).expect("date");
    assert_eq!(
        deadline_line(&catalog, &r, day, false, tdg_model::Lang::Vi).as_deref(),
        Some("Hạn gửi báo cáo: trước ngày 01/12/2024; ngày gửi dự kiến: 28/11/2026.")
    );
    let person = sheet("ca-nhan", Some("can-bo"), &[]);
    let r = score(&catalog, &person).expect("scores");
    assert_eq!(
        deadline_line(&catalog, &r, day, false, tdg_model::Lang::Vi),
        None
    );
}
