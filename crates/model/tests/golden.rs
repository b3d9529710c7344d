//! Golden results: each sample unit under assets/samples scores exactly as recorded in
//! tests/fixtures/golden. `UPDATE_GOLDEN=1 cargo test -p tdg-model --test golden` rewrites them
//! (review the diff: a changed number is a changed scoring model).

mod common;
use std::path::PathBuf;
use tdg_model::gap::{advice, plan};
use tdg_model::{score, AnswerSheet};

/// The sample units (also served to the app for training) live in assets/samples.
fn root_samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples")
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// The same document `tdg score --json` prints.
pub fn result_json(sheet: &AnswerSheet) -> String {
    let catalog = common::catalog();
    let assessment = score(&catalog, sheet).expect("fixture fits the catalog");
    let advice = advice(&catalog, sheet, &assessment);
    let value = serde_json::json!({ "assessment": assessment, "advice": advice });
    serde_json::to_string_pretty(&value).expect("serialises") + "\n"
}

#[test]
fn every_sample_unit_matches_its_golden_result() {
    let mut names: Vec<_> = std::fs::read_dir(root_samples())
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    assert!(names.len() >= 7, "a sample for every tier and variant");
    for path in names {
        let sheet: AnswerSheet =
            serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("valid answers");
        let golden = fixtures()
            .join("golden")
            .join(path.file_name().expect("name"));
        let actual = result_json(&sheet);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(golden.parent().expect("parent")).expect("mkdir");
            std::fs::write(&golden, &actual).expect("write golden");
        }
        let expected = std::fs::read_to_string(&golden)
            .unwrap_or_else(|_| panic!("missing {}", golden.display()));
        assert_eq!(actual, expected, "{} changed", path.display());
    }
}

/// The worked example of docs/scoring.md, checked by hand there and by this test here.
#[test]
fn worked_example_of_the_scoring_docs() {
    let bytes = std::fs::read(root_samples().join("vi-du-xa.json")).expect("example");
    let sheet: AnswerSheet = serde_json::from_slice(&bytes).expect("valid");
    let catalog = common::catalog();
    let a = score(&catalog, &sheet).expect("scores");
    let points = |id: &str| a.criterion(id).expect(id).points;
    assert_eq!(points("xp.ho-so-truc-tuyen"), 32_000, "40 × 56% / 70%");
    assert_eq!(
        points("xp.dvc-truc-tuyen"),
        10_000,
        "50% meets the 50% target"
    );
    assert_eq!(points("xp.tuyen-truyen"), 5_000, "10 × 3 / 6");
    assert_eq!(points("xp.to-cong-nghe-so"), 8_000, "10 × 80% / 100%");
    assert_eq!(
        points("xp.ky-nang-so"),
        0,
        "80% meets the target, but no evidence"
    );
    assert_eq!(a.criterion("xp.ky-nang-so").expect("c").potential, 10_000);
    assert_eq!(points("xp.an-toan"), 5_000, "half of 10");
    assert_eq!(
        points("xp.ke-hoach-phat-dong"),
        5_000,
        "VI.1: done, with its document"
    );
    assert_eq!(points("xp.mo-hinh-hay"), 0, "III.2: not done");
    assert_eq!(a.base, 65_000);
    assert_eq!(a.index, 650_000);
    assert_eq!(a.open, 0);
    assert_eq!(a.bonus_total, 1_000, "sent 21 days before 01/12");
    assert_eq!(a.total, 66_000);
    assert_eq!(a.band, "hoan-thanh");
    let p = plan(&catalog, &sheet, &a).expect("a band above");
    assert_eq!((p.target_band.as_str(), p.deficit), ("tot", 4_000));
    assert_eq!(p.steps.len(), 1, "the smallest single step that covers 4");
    assert_eq!(p.steps[0].criterion, "xp.tuyen-truyen");
    assert_eq!(p.steps[0].gain, 5_000, "3 more activities: 6 of 6");
}
