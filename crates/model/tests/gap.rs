//! The gap planner: the fewest, smallest changes that reach the next band.

mod common;
use common::*;
use tdg_model::explain::{band_line, print_band_line};
use tdg_model::gap::{
    before_signing, describe_evidence_step, describe_step, next_year, plan, Action, NextYear,
};
use tdg_model::{score, Answer, Lang};

/// A commune at 82.857 ("tốt") with `plan` as its answer to the plan-and-launch criterion:
/// files 400/1000 (target 70%: 22.857 of 40), everything else full.
fn commune_at_tot(plan: Answer) -> tdg_model::AnswerSheet {
    sheet(
        "xa-phuong",
        None,
        &[
            ("xp.ho-so-truc-tuyen", ratio(400, 1000)),
            ("xp.dvc-truc-tuyen", ratio(500, 1000)),
            ("xp.tuyen-truyen", count(6)),
            ("xp.to-cong-nghe-so", ratio(10, 10)),
            ("xp.ky-nang-so", ratio(40, 50)),
            ("xp.an-toan", level("dat")),
            ("xp.ke-hoach-phat-dong", plan),
            ("xp.mo-hinh-hay", yes(true)),
        ],
    )
}

#[test]
fn trims_the_last_ratio_step_to_the_exact_amount() {
    let catalog = catalog();
    let s = commune_at_tot(yes(true));
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
        text.starts_with(
            "Đạt tỷ lệ từ 52,5% cho “Số hồ sơ xử lý trên môi trường mạng” (năm nay 400/1.000; với cùng tổng số là thêm 125)"
        ),
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

/// Review M1: a blank or half-answered sheet gets no band ("Chưa xếp mức: còn 8 tiêu chí chưa
/// trả lời") and no plan for next year: answering is this year's work.
#[test]
fn no_band_and_no_plan_until_everything_is_answered() {
    let catalog = catalog();
    let blank = sheet("xa-phuong", None, &[]);
    let r = score(&catalog, &blank).expect("scores");
    assert_eq!(
        r.band, "khong-hoan-thanh",
        "the signed results keep the band as computed"
    );
    assert_eq!(r.settled_band(), None);
    assert_eq!(
        band_line(&catalog, &r, Lang::Vi),
        "Chưa xếp mức: còn 8 tiêu chí chưa trả lời"
    );
    assert_eq!(next_year(&catalog, &blank, &r), NextYear::Unsettled);
    // An answer in error counts too.
    let wrong = sheet("xa-phuong", None, &[("xp.ho-so-truc-tuyen", ratio(5, 4))]);
    let r = score(&catalog, &wrong).expect("scores");
    assert_eq!(
        band_line(&catalog, &r, Lang::Vi),
        "Chưa xếp mức: còn 7 tiêu chí chưa trả lời, 1 tiêu chí cần sửa"
    );
    assert!(print_band_line(&catalog, &r, Lang::Vi).starts_with("Chưa xếp mức"));
}

/// Review M1 and M2: missing evidence is this year's work, in its own list ("Trước khi ký"),
/// never a step of next year's plan; the plan for next year assumes it is added.
#[test]
fn missing_evidence_is_before_signing_not_next_year() {
    let catalog = catalog();
    let mut no_evidence = yes(true);
    no_evidence.evidence.clear();
    let s = commune_at_tot(no_evidence);
    let r = score(&catalog, &s).expect("scores");
    assert_eq!(r.settled_band(), Some("tot"));
    let before = before_signing(&r);
    assert_eq!(before.len(), 1);
    assert_eq!(
        describe_evidence_step(&catalog, &before[0], Lang::Vi),
        "Bổ sung minh chứng cho “Ban hành kế hoạch cụ thể và phát động phong trào thi đua chuyển đổi số tại đơn vị” (+5 điểm ngay năm nay)"
    );
    let NextYear::Plan(p) = next_year(&catalog, &s, &r) else {
        panic!("a plan");
    };
    assert!(
        p.steps
            .iter()
            .all(|s| !matches!(s.action, Action::AddEvidence { .. })),
        "{p:?}"
    );
    // With the evidence (+5) the total is 82.857, so 7.143 are missing, not 12.143.
    assert_eq!(p.deficit, 7_143);
    let line = print_band_line(&catalog, &r, Lang::Vi);
    assert_eq!(
        line,
        "Mức đạt theo tiêu chí thi đua chuyên đề: Hoàn thành tốt nhiệm vụ (Mức tự chấm theo tiêu chí thi đua chuyên đề; không thay thế đánh giá, xếp loại chất lượng)."
    );
    assert!(!line.contains("Tự xếp loại"));
}

/// Review M8: the district tier ended with 2024, so a 2024 district gets no "Năm sau" plan.
#[test]
fn no_plan_for_a_tier_that_ends() {
    let catalog = catalog();
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/samples/quan-huyen.json"
    ))
    .expect("sample");
    let s: tdg_model::AnswerSheet = serde_json::from_slice(&bytes).expect("sheet");
    let r = score(&catalog, &s).expect("scores");
    assert!(r.settled_band().is_some(), "the sample answers everything");
    assert_eq!(next_year(&catalog, &s, &r), NextYear::TierEnds);
}

/// Review M4: with criteria not applicable, a step says both scales, so "+5" beside "Cần thêm
/// 4,375 điểm" (rescaled) is not read as too much or too little.
#[test]
fn a_rescaled_step_gives_both_scales() {
    let catalog = catalog();
    let step = tdg_model::gap::Step {
        criterion: "sn.an-toan".into(),
        points: 5_000,
        gain: 6_250,
        action: Action::Do,
    };
    let text = describe_step(&catalog, &step, Lang::Vi);
    assert!(
        text.ends_with("(+5 điểm, tức 6,25 điểm sau quy đổi)"),
        "{text}"
    );
}

/// The share a ratio step asks for is rounded up: reaching the printed share must mean reaching
/// the numerator. 1,235 of 1,765 is 69,9716…%: "69,97%" would be met by 1,234 (69,915%).
#[test]
fn a_ratio_step_rounds_its_share_up() {
    let catalog = catalog();
    let step = tdg_model::gap::Step {
        criterion: "xp.ho-so-truc-tuyen".into(),
        points: 10_000,
        gain: 10_000,
        action: Action::RaiseNumerator {
            more: 35,
            numerator: 1_235,
            denominator: 1_765,
        },
    };
    let text = describe_step(&catalog, &step, Lang::Vi);
    assert!(text.starts_with("Đạt tỷ lệ từ 69,98% "), "{text}");
}
