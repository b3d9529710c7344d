//! Scoring: every kind and edge, timing rules, bands, field-level errors.

mod common;
use common::*;
use tdg_model::score::AnswerIssue;
use tdg_model::{score, Answer, Date, Lang, ScoreError, Status};

fn points_of(tier: &str, variant: Option<&str>, id: &str, answer: Answer) -> (u32, Status) {
    let catalog = catalog();
    let mut s = sheet(tier, variant, &[(id, answer)]);
    if tier == "quan-huyen" {
        s.period = 2024; // the district tier ended with 2024
    }
    let result = score(&catalog, &s).expect("scores");
    let c = result.criterion(id).expect("criterion present");
    (c.points, c.status)
}

#[test]
fn ratio_is_proportional_to_target_and_capped() {
    // Commune files online: target 70%, 40 points.
    let p = |n, d| points_of("xa-phuong", None, "xp.ho-so-truc-tuyen", ratio(n, d)).0;
    assert_eq!(p(700, 1000), 40_000, "exactly at target");
    assert_eq!(p(950, 1000), 40_000, "above target is capped at max");
    assert_eq!(
        p(350, 1000),
        20_000,
        "half the target gives half the points"
    );
    assert_eq!(p(1, 3), 19_047, "rounded down: 40 × (1/3) / 0.7 = 19.047…");
    assert_eq!(p(0, 1000), 0);
}

/// Review H3: a commune answering 0 of 0 on its main criterion (40 of its 100 points) got full
/// points. Now 0 of 0 is an error next to the total's field, and the commune's criterion, which
/// cannot be "không áp dụng", does not offer that way out.
#[test]
fn zero_of_zero_is_an_error_not_full_points() {
    let catalog = catalog();
    let s = sheet("xa-phuong", None, &[("xp.ho-so-truc-tuyen", ratio(0, 0))]);
    let r = score(&catalog, &s).expect("scores");
    let c = r.criterion("xp.ho-so-truc-tuyen").expect("present");
    assert_eq!((c.status, c.points, c.potential), (Status::Invalid, 0, 0));
    assert_eq!(r.base, 0);
    let e = &r.errors[0];
    assert_eq!(
        (e.field.as_str(), &e.issue),
        ("denominator", &AnswerIssue::EmptyDenominator)
    );
    let criterion = catalog
        .tier("xa-phuong")
        .and_then(|t| t.criteria.iter().find(|c| c.id == "xp.ho-so-truc-tuyen"))
        .expect("criterion");
    let vi = tdg_model::field_label::error_text(Some(criterion), e, Lang::Vi);
    assert_eq!(vi, "“Tổng số hồ sơ (trừ hồ sơ mật)” phải lớn hơn 0.");
    assert!(
        !vi.contains("không áp dụng"),
        "no way out the card lacks: {vi}"
    );
    // A denominator of 0 is wrong even before the numerator is typed.
    let s = sheet(
        "xa-phuong",
        None,
        &[(
            "xp.ho-so-truc-tuyen",
            Answer {
                denominator: Some(0),
                ..Answer::default()
            },
        )],
    );
    let r = score(&catalog, &s).expect("scores");
    assert_eq!(r.criteria[0].status, Status::Invalid);
}

#[test]
fn yes_no_levels_count_maturity() {
    assert_eq!(
        points_of("quan-huyen", None, "qh.du-lieu-mo", yes(true)).0,
        10_000
    );
    assert_eq!(
        points_of("quan-huyen", None, "qh.du-lieu-mo", yes(false)),
        (0, Status::Scored)
    );
    assert_eq!(
        points_of("so-nganh", None, "sn.du-lieu-mo", level("danh-muc")).0,
        4_000
    );
    assert_eq!(
        points_of("so-nganh", None, "sn.du-lieu-mo", level("cung-cap")).0,
        8_000
    );
    assert_eq!(
        points_of("so-nganh", None, "sn.tuyen-truyen", count(6)).0,
        2_000,
        "6 of 12 × 4"
    );
    assert_eq!(
        points_of("so-nganh", None, "sn.tuyen-truyen", count(40)).0,
        4_000,
        "capped"
    );
    let m = |n| {
        points_of(
            "doanh-nghiep",
            Some("chung"),
            "dn.truong-thanh-so",
            maturity(n),
        )
        .0
    };
    assert_eq!(m(0), 0);
    assert_eq!(m(2), 20_000, "2 of target 3 × 30");
    assert_eq!(m(3), 30_000);
    assert_eq!(m(5), 30_000);
}

#[test]
fn missing_evidence_costs_the_points_and_says_so() {
    let mut a = ratio(700, 1000);
    a.evidence.clear();
    let (points, status) = points_of("xa-phuong", None, "xp.ho-so-truc-tuyen", a.clone());
    assert_eq!((points, status), (0, Status::MissingEvidence));
    let catalog = catalog();
    let r = score(
        &catalog,
        &sheet("xa-phuong", None, &[("xp.ho-so-truc-tuyen", a)]),
    )
    .expect("scores");
    assert_eq!(
        r.criterion("xp.ho-so-truc-tuyen")
            .expect("present")
            .potential,
        40_000
    );
    assert_eq!(r.missing_evidence, 1);
}

#[test]
fn unanswered_is_open_not_zero() {
    let catalog = catalog();
    let r = score(&catalog, &sheet("xa-phuong", None, &[])).expect("scores");
    assert_eq!(r.open, 8);
    assert!(r.is_provisional());
    assert!(r.criteria.iter().all(|c| c.status == Status::Open));
    let half = Answer {
        numerator: Some(3),
        ..Answer::default()
    };
    let (_, status) = points_of("xa-phuong", None, "xp.ho-so-truc-tuyen", half);
    assert_eq!(status, Status::Incomplete);
}

#[test]
fn nonsense_answers_get_field_errors_not_clamping() {
    let catalog = catalog();
    let bad = [
        (
            "xp.ho-so-truc-tuyen",
            ratio(1200, 1000),
            "numerator",
            AnswerIssue::NumeratorAboveDenominator,
        ),
        (
            "xp.dvc-truc-tuyen",
            ratio(-1, 10),
            "numerator",
            AnswerIssue::Negative,
        ),
        ("xp.tuyen-truyen", count(-3), "count", AnswerIssue::Negative),
        (
            "xp.an-toan",
            level("sieu-cap"),
            "level",
            AnswerIssue::UnknownLevel {
                level: "sieu-cap".into(),
            },
        ),
        ("sn.khong-co", yes(true), "", AnswerIssue::UnknownCriterion),
        (
            "xp.to-cong-nghe-so",
            yes(true),
            "yes",
            AnswerIssue::FieldNotForKind {
                expected: "numerator + denominator".into(),
            },
        ),
    ];
    let answers: Vec<(&str, Answer)> = bad.iter().map(|(id, a, _, _)| (*id, a.clone())).collect();
    let r = score(&catalog, &sheet("xa-phuong", None, &answers)).expect("scores");
    for (id, _, field, issue) in &bad {
        assert!(
            r.errors
                .iter()
                .any(|e| &e.criterion == id && e.field == *field && &e.issue == issue),
            "no error {issue:?} on {id}.{field}: {:?}",
            r.errors
        );
        if let Some(c) = r.criterion(id) {
            assert_eq!((c.points, c.status), (0, Status::Invalid), "{id}");
        }
    }
    let m = score(
        &catalog,
        &sheet(
            "doanh-nghiep",
            Some("chung"),
            &[("dn.truong-thanh-so", maturity(6))],
        ),
    )
    .expect("scores");
    assert_eq!(
        m.errors[0].issue,
        AnswerIssue::MaturityOutOfRange { value: 6 }
    );
    let mut e = yes(true);
    e.evidence = vec![tdg_model::Evidence::Link {
        url: "javascript:alert(1)".into(),
    }];
    let r = score(
        &catalog,
        &sheet("quan-huyen", None, &[("qh.du-lieu-mo", e)]),
    );
    let r = r.expect_err("district tier is not in 2026");
    assert_eq!(
        r,
        ScoreError::TierNotInPeriod {
            tier: "quan-huyen".into(),
            period: 2026
        }
    );
}

#[test]
fn tier_variant_and_period_are_checked() {
    let catalog = catalog();
    let mut s = sheet("doanh-nghiep", None, &[]);
    assert!(matches!(
        score(&catalog, &s),
        Err(ScoreError::VariantRequired { .. })
    ));
    s.variant = Some("x".into());
    assert!(matches!(
        score(&catalog, &s),
        Err(ScoreError::UnknownVariant { .. })
    ));
    s.variant = Some("cntt".into());
    assert_eq!(score(&catalog, &s).expect("it variant").criteria.len(), 5);
    s.period = 2031;
    assert_eq!(
        score(&catalog, &s),
        Err(ScoreError::PeriodOutsideCatalog(2031))
    );
    let mut d = sheet("quan-huyen", None, &[]);
    d.period = 2024;
    assert!(score(&catalog, &d).is_ok(), "district tier serves 2024");
    assert!(matches!(
        score(&catalog, &sheet("tinh", None, &[])),
        Err(ScoreError::UnknownTier(_))
    ));
}

fn full_commune(submitted: &str) -> tdg_model::AnswerSheet {
    let mut s = sheet(
        "xa-phuong",
        None,
        &[
            ("xp.ho-so-truc-tuyen", ratio(900, 1000)),
            ("xp.dvc-truc-tuyen", ratio(500, 1000)),
            ("xp.tuyen-truyen", count(6)),
            ("xp.to-cong-nghe-so", ratio(10, 10)),
            ("xp.ky-nang-so", ratio(40, 50)),
            ("xp.an-toan", level("dat")),
            ("xp.ke-hoach-phat-dong", yes(true)),
            ("xp.mo-hinh-hay", yes(true)),
        ],
    );
    s.submitted_on = Some(Date::parse_iso(submitted).expect("date"));
    s
}

#[test]
fn early_bonus_exceed_bonus_and_late_penalty() {
    let catalog = catalog();
    let early = score(&catalog, &full_commune("2026-11-10")).expect("scores");
    assert_eq!(early.base, 100_000);
    // 90% against 70%: exceeds by 20 points ≥ 10 → one exceed bonus; 21 days early → early bonus.
    assert_eq!(early.bonus_total, 2_000);
    assert_eq!(early.total, 102_000);
    assert_eq!(early.on_time, Some(true));
    let on_last_day = score(&catalog, &full_commune("2026-11-30")).expect("scores");
    assert_eq!(
        (on_last_day.penalty_total, on_last_day.on_time),
        (0, Some(true))
    );
    let late = score(&catalog, &full_commune("2026-12-01")).expect("scores");
    assert_eq!((late.penalty_total, late.on_time), (3_000, Some(false)));
    assert_eq!(late.total, 100_000 + 1_000 - 3_000);
    assert_eq!(late.band, "xuat-sac");
    assert_eq!(early.index, 1_000_000);
}

/// A total with a bonus never reads "102/100".
#[test]
fn totals_with_adjustments_say_what_they_include() {
    use tdg_model::explain::total_text;
    let catalog = catalog();
    let early = score(&catalog, &full_commune("2026-11-10")).expect("scores");
    assert_eq!(total_text(&early, Lang::Vi), "102 (gồm 2 điểm thưởng)");
    assert_eq!(total_text(&early, Lang::En), "102 (including a bonus of 2)");
    let late = score(&catalog, &full_commune("2026-12-01")).expect("scores");
    assert_eq!(
        total_text(&late, Lang::Vi),
        "98 (gồm 1 điểm thưởng, trừ 3 điểm)"
    );
    let plain = score(&catalog, &sheet("xa-phuong", None, &[])).expect("scores");
    assert_eq!(total_text(&plain, Lang::Vi), "0/100");
    let line = tdg_model::explain::summary_line(&catalog, &early, Lang::Vi);
    assert!(
        line.starts_with("Tổng điểm 102 (gồm 2 điểm thưởng) (tỷ lệ điểm đạt 100%)"),
        "{line}"
    );
    assert!(
        !line.contains("chỉ số"),
        "not to be taken for the national DTI index"
    );
}

#[test]
fn bands_follow_the_total() {
    let catalog = catalog();
    let band = |t| tdg_model::score::band_for(&catalog, "xa-phuong", t);
    assert_eq!(band(90_000), "xuat-sac");
    assert_eq!(band(89_999), "tot");
    assert_eq!(band(70_000), "tot");
    assert_eq!(band(50_000), "hoan-thanh");
    assert_eq!(band(49_999), "khong-hoan-thanh");
    assert_eq!(band(0), "khong-hoan-thanh");
}

/// Enterprises and individuals have no "nhiệm vụ": their bands are their own, and state units
/// keep the four with a caveat that the self-score is not the official classification.
#[test]
fn each_tier_has_bands_that_fit_it() {
    let catalog = catalog();
    for tier in ["doanh-nghiep", "ca-nhan"] {
        let band = |t| tdg_model::score::band_for(&catalog, tier, t);
        assert_eq!(band(95_000), "tieu-bieu", "{tier}");
        assert_eq!(band(70_000), "tich-cuc", "{tier}");
        assert_eq!(band(50_000), "tham-gia", "{tier}");
        assert_eq!(band(49_999), "chua-dat", "{tier}");
        assert!(catalog.band_caveat(tier).is_none(), "{tier}");
        let names: Vec<&str> = catalog
            .bands(tier)
            .iter()
            .map(|b| b.name.vi.as_str())
            .collect();
        assert_eq!(names, ["Tiêu biểu", "Tích cực", "Tham gia", "Chưa đạt"]);
        assert!(names.iter().all(|n| !n.contains("nhiệm vụ")));
    }
    for tier in ["so-nganh", "quan-huyen", "xa-phuong"] {
        let caveat = catalog
            .band_caveat(tier)
            .expect("state units carry the caveat");
        assert_eq!(
            caveat.vi,
            "Mức tự chấm theo tiêu chí thi đua chuyên đề; không thay thế đánh giá, xếp loại chất lượng."
        );
        assert!(!catalog.band_set(tier).expect("set").provenance.is_plan());
    }
    let r = score(&catalog, &sheet("doanh-nghiep", Some("chung"), &[])).expect("scores");
    assert_eq!(r.band, "chua-dat");
    assert_eq!(
        tdg_model::explain::band_name(&catalog, &r.band, tdg_model::Lang::Vi),
        "Chưa đạt"
    );
}

#[test]
fn group_subtotals_add_up() {
    let catalog = catalog();
    let r = score(&catalog, &full_commune("2026-11-20")).expect("scores");
    let sum: u32 = r.groups.iter().map(|g| g.points).sum();
    assert_eq!(sum, r.base);
    assert_eq!(r.groups.iter().map(|g| g.max).sum::<u32>(), 100_000);
}

#[test]
fn answers_are_described_for_the_printed_copy() {
    use tdg_model::explain::describe_answer;
    use tdg_model::Lang;
    let catalog = catalog();
    let tier = catalog.tier("xa-phuong").expect("tier");
    let c = |id: &str| tier.criteria.iter().find(|c| c.id == id).expect(id);
    assert_eq!(
        describe_answer(c("xp.ho-so-truc-tuyen"), Some(&ratio(1863, 3120)), Lang::Vi),
        "1.863/3.120"
    );
    assert_eq!(
        describe_answer(c("xp.tuyen-truyen"), Some(&count(4)), Lang::En),
        "4 activities"
    );
    assert_eq!(
        describe_answer(c("xp.an-toan"), Some(&level("chua")), Lang::Vi),
        "Chưa triển khai"
    );
    assert_eq!(
        describe_answer(c("xp.an-toan"), None, Lang::Vi),
        "Chưa trả lời"
    );
}
