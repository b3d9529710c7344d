//! Appraisal (thẩm định): the file is validated with located messages, the appraised total is
//! recomputed from the appraised points (rescaled like the model's, bonus and penalty kept), the
//! band follows, and the ranking uses the appraised total where there is one.

use tdg_model::score::rescale;
use tdg_model::Catalog;
use tdg_office::appraisal::*;
use tdg_office::{rank, CriterionPoints, Entry, UnitKey};
use tdg_report::trust::normalize_label;

const CATALOG: &[u8] = include_bytes!("../../../assets/catalogs/hp-175-kh-ubnd.json");

fn catalog() -> Catalog {
    Catalog::from_json(CATALOG).expect("the shipped catalog")
}

fn points(id: &str, points: u32, max: u32, not_applicable: bool) -> CriterionPoints {
    CriterionPoints {
        id: id.into(),
        points,
        max,
        met_target: points == max,
        not_applicable,
    }
}

/// A commune with 40 + 10 points of 50 on two criteria, 20 more elsewhere and `bonus` on top.
fn entry(code: &str, bonus: u32) -> Entry {
    Entry {
        file: format!("{code}.json"),
        unit: UnitKey {
            code: code.into(),
            name: format!("Xã {code}"),
            tier: "xa-phuong".into(),
            variant: None,
            group: "Cụm 1".into(),
        },
        period: 2026,
        created: "2026-11-20T08:00:00Z".into(),
        received_on: None,
        passes: true,
        total: 70_000 + bonus,
        official: false,
        band: "tot".into(),
        rescaled: false,
        criteria: vec![
            points("xp.ho-so-truc-tuyen", 40_000, 40_000, false),
            points("xp.dvc-truc-tuyen", 10_000, 10_000, false),
            points("xp.tuyen-truyen", 20_000, 50_000, false),
        ],
    }
}

fn appraisal(code: &str, criterion: &str, milli_points: u32) -> UnitAppraisal {
    UnitAppraisal {
        tier: "xa-phuong".into(),
        unit_code: code.into(),
        criteria: vec![CriterionAppraisal {
            criterion: criterion.into(),
            milli_points,
            reason: "Minh chứng không khớp".into(),
        }],
    }
}

#[test]
fn the_appraised_points_replace_the_units_and_the_band_follows() {
    let e = entry("XA-1", 2_000);
    let a = appraise(
        &e,
        &appraisal("XA-1", "xp.ho-so-truc-tuyen", 25_000),
        &catalog(),
    );
    // 72 − 40 + 25: the bonus of 2 points stays.
    assert_eq!(a.total, 57_000);
    assert_eq!(a.band, "hoan-thanh");
}

#[test]
fn a_rescaled_total_is_appraised_on_the_same_scale() {
    let mut e = entry("XA-1", 0);
    e.criteria[1].not_applicable = true;
    e.criteria[1].points = 0;
    // The unit's base: (40 + 20) × 100 / 90.
    let own = rescale(60_000, 100_000, 90_000);
    e.total = own;
    let a = appraise(
        &e,
        &appraisal("XA-1", "xp.tuyen-truyen", 35_000),
        &catalog(),
    );
    assert_eq!(a.total, rescale(75_000, 100_000, 90_000));
    assert_eq!(a.total, 83_333);
}

#[test]
fn the_ranking_uses_the_appraised_total_where_there_is_one() {
    let entries = vec![entry("XA-1", 5_000), entry("XA-2", 0)];
    let ranked = rank(&entries, &[0, 1], catalog().tie_breakers(), normalize_label);
    assert_eq!(ranked[0].entry, 0);
    let mut file = AppraisalFile::default();
    file.set(appraisal("xa-1 ", "xp.ho-so-truc-tuyen", 30_000));
    let (again, appraised) = rank_appraised(
        &entries,
        &ranked,
        &file,
        &catalog(),
        catalog().tie_breakers(),
    );
    assert_eq!(again.iter().map(|r| r.entry).collect::<Vec<_>>(), [1, 0]);
    assert_eq!(appraised[0].as_ref().map(|a| a.total), Some(65_000));
    assert_eq!(appraised[1], None);
}

#[test]
fn an_appraisal_with_no_criteria_removes_the_units_and_an_import_replaces_by_unit() {
    let mut file = AppraisalFile::default();
    file.set(appraisal("XA-1", "xp.ho-so-truc-tuyen", 1_000));
    file.set(appraisal("XA-2", "xp.ho-so-truc-tuyen", 2_000));
    let mut other = AppraisalFile::default();
    other.set(appraisal("XA-2", "xp.tuyen-truyen", 3_000));
    file.merge(other);
    assert_eq!(file.units.len(), 2);
    assert_eq!(
        file.unit("xa-phuong", "XA-2")
            .map(|u| u.criteria[0].milli_points),
        Some(3_000)
    );
    file.set(UnitAppraisal {
        criteria: vec![],
        ..appraisal("XA-1", "", 0)
    });
    assert!(file.unit("xa-phuong", "XA-1").is_none());
}

#[test]
fn the_file_round_trips_and_every_problem_is_located_in_both_languages() {
    let catalog = catalog();
    let mut file = AppraisalFile::default();
    file.set(appraisal("XA-1", "xp.ho-so-truc-tuyen", 25_500));
    assert_eq!(parse(file.to_json().as_bytes(), &catalog), Ok(file.clone()));
    let refused = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&file.to_json()).expect("json");
        edit(&mut v);
        parse(v.to_string().as_bytes(), &catalog).expect_err("refused")
    };
    let e = refused(&|v| v["format"] = "other".into());
    assert_eq!(e.at, "/format");
    let e = refused(&|v| v["version"] = 2.into());
    assert_eq!(e.at, "/version");
    let e = refused(&|v| v["units"][0]["tier"] = "nowhere".into());
    assert_eq!(e.at, "/units/0/tier");
    let e = refused(&|v| v["units"][0]["criteria"][0]["criterion"] = "xp.none".into());
    assert_eq!(e.at, "/units/0/criteria/0/criterion");
    let e = refused(&|v| v["units"][0]["criteria"][0]["milliPoints"] = 40_001.into());
    assert_eq!(e.at, "/units/0/criteria/0/milliPoints");
    assert!(e.text.vi.contains("vượt điểm tối đa"), "{}", e.text.vi);
    assert!(e.text.en.contains("exceed"), "{}", e.text.en);
    let e = refused(&|v| v["units"][0]["criteria"][0]["reason"] = "  ".into());
    assert_eq!(e.at, "/units/0/criteria/0/reason");
    let e = refused(&|v| {
        let c = v["units"][0]["criteria"][0].clone();
        v["units"][0]["criteria"]
            .as_array_mut()
            .expect("array")
            .push(c);
    });
    assert_eq!(e.at, "/units/0/criteria/1/criterion");
    let e = refused(&|v| v["extra"] = 1.into());
    assert!(
        e.text.vi.starts_with("tệp thẩm định sai cấu trúc"),
        "{}",
        e.text.vi
    );
    assert!(parse(b"{\"format\":1,\"format\":2}", &catalog).is_err());
}

#[test]
fn typed_points_are_read_in_thousandths_with_either_decimal_mark() {
    assert_eq!(parse_points("8"), Some(8_000));
    assert_eq!(parse_points(" 8,5 "), Some(8_500));
    assert_eq!(parse_points("8.125"), Some(8_125));
    assert_eq!(parse_points("0"), Some(0));
    for bad in ["", "-1", "8,1234", "8,5,1", "abc", ",5", "1e3"] {
        assert_eq!(parse_points(bad), None, "{bad}");
    }
}

#[test]
fn an_appraised_unit_counts_in_its_appraised_band() {
    use tdg_office::appraisal::{appraised_band_counts, Appraised};
    use tdg_office::{rank, CriterionPoints, Entry, UnitKey};
    let entry = |code: &str, band: &str| Entry {
        file: format!("{code}.json"),
        unit: UnitKey {
            code: code.into(),
            name: code.into(),
            tier: "xa-phuong".into(),
            variant: None,
            group: "Cụm 1".into(),
        },
        period: 2026,
        created: String::new(),
        received_on: None,
        passes: true,
        total: 90_000,
        official: false,
        band: band.into(),
        rescaled: false,
        criteria: vec![CriterionPoints {
            id: "c".into(),
            points: 1,
            max: 1,
            met_target: true,
            not_applicable: false,
        }],
    };
    let entries = [entry("A", "xuat-sac"), entry("B", "xuat-sac")];
    let ranked = rank(&entries, &[0, 1], &[], |g| g.to_owned());
    let appraised = [
        None,
        Some(Appraised {
            total: 60_000,
            band: "kha".into(),
        }),
    ];
    let counts: Vec<(String, u32)> = appraised_band_counts(&entries, &ranked, &appraised)
        .into_iter()
        .map(|b| (b.band, b.count))
        .collect();
    assert_eq!(counts, [("kha".to_owned(), 1), ("xuat-sac".to_owned(), 1)]);
}
