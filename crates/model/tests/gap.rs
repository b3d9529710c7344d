//! The gap planner: the fewest, smallest changes that reach the next band.

mod common;
use common::*;
use tdg_model::gap::{describe_step, plan, Action};
use tdg_model::{score, Answer, Lang};

#[test]
fn trims_the_last_ratio_step_to_the_exact_amount() {
    let catalog = catalog();
    // Files 400/1000 (target 70%): 22.857 of 40. Everything else full: 82.857 → "tốt".
    let s = sheet(
        "xa-phuong",
        None,
        &[
            ("xp.ho-so-truc-tuyen", ratio(400, 1000)),
            ("xp.dvc-truc-tuyen", ratio(500, 1000)),
            ("xp.tuyen-truyen", count(6)),
            ("xp.to-cong-nghe-so", ratio(10, 10)),
            ("xp.ky-nang-so", ratio(40, 50)),
            ("xp.an-toan", level("dat")),
            ("xp.ke-hoach-phat-dong", yes(true)),
            ("xp.mo-hinh-hay", yes(true)),
        ],
    );
    let r = score(&catalog, &s).expect("scores");
    assert_eq!((r.base, r.band.as_str()), (82_857, "tot"));
    let p = plan(&catalog, &s, &r).expect("a band above");
    assert_eq!(p.target_band, "xuat-sac");
    assert_eq!(p.deficit, 7_143);
    assert_eq!(p.steps.len(), 1);
    // 90 points need 40 × n / 700 ≥ 30.000 → n ≥ 525: 125 more files.
    assert_eq!(
        p.steps[0].action,
        Action::RaiseNumerator {
            more: 125,
            numerator: 525,
            denominator: 1000
        }
    );
    let mut after = s.clone();
    after
        .answers
        .insert("xp.ho-so-truc-tuyen".into(), ratio(525, 1000));
    assert_eq!(score(&catalog, &after).expect("scores").band, "xuat-sac");
    let mut short = s.clone();
    short
        .answers
        .insert("xp.ho-so-truc-tuyen".into(), ratio(524, 1000));
    assert_eq!(
        score(&catalog, &short).expect("scores").band,
        "tot",
        "one fewer is not enough"
    );
    let text = describe_step(&catalog, &p.steps[0], Lang::Vi);
    assert!(
        text.starts_with("Tăng “Số hồ sơ xử lý trên môi trường mạng” thêm 125"),
        "{text}"
    );
}

#[test]
fn picks_the_fewest_steps_and_names_missing_evidence() {
    let catalog = catalog();
    let mut no_evidence = ratio(700, 1000);
    no_evidence.evidence.clear();
    let s = sheet(
        "xa-phuong",
        None,
        &[
            ("xp.ho-so-truc-tuyen", no_evidence),
            ("xp.dvc-truc-tuyen", ratio(100, 1000)),
            ("xp.tuyen-truyen", count(6)),
            ("xp.to-cong-nghe-so", ratio(0, 10)),
            ("xp.ky-nang-so", ratio(40, 50)),
            ("xp.an-toan", level("chua")),
            ("xp.ke-hoach-phat-dong", yes(true)),
            ("xp.mo-hinh-hay", yes(true)),
        ],
    );
    let r = score(&catalog, &s).expect("scores");
    assert_eq!(r.band, "khong-hoan-thanh"); // 3 + 5 + 0 + 10 + 0 + 5 + 5 = 28
    let p = plan(&catalog, &s, &r).expect("plan");
    assert_eq!(p.target_band, "hoan-thanh");
    // 22 points missing: adding the evidence (+40) alone is enough.
    assert_eq!(p.steps.len(), 1);
    assert!(
        matches!(p.steps[0].action, Action::AddEvidence { then: None }),
        "{p:?}"
    );
    assert!(p.reachable);
}

#[test]
fn top_band_has_no_plan_and_open_criteria_count_as_answerable() {
    let catalog = catalog();
    let s = sheet(
        "xa-phuong",
        None,
        &[("xp.ho-so-truc-tuyen", ratio(700, 1000))],
    );
    let r = score(&catalog, &s).expect("scores");
    let p = plan(&catalog, &s, &r).expect("plan");
    assert!(p.steps.iter().any(|s| s.action == Action::Answer));
    let full: Vec<(&str, Answer)> = vec![
        ("xp.ho-so-truc-tuyen", ratio(700, 1000)),
        ("xp.dvc-truc-tuyen", ratio(500, 1000)),
        ("xp.tuyen-truyen", count(6)),
        ("xp.to-cong-nghe-so", ratio(10, 10)),
        ("xp.ky-nang-so", ratio(40, 50)),
        ("xp.an-toan", level("dat")),
        ("xp.ke-hoach-phat-dong", yes(true)),
        ("xp.mo-hinh-hay", yes(true)),
    ];
    let s = sheet("xa-phuong", None, &full);
    let r = score(&catalog, &s).expect("scores");
    assert_eq!(r.band, "xuat-sac");
    assert!(plan(&catalog, &s, &r).is_none());
}
