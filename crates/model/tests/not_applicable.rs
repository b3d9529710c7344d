//! "Không áp dụng": where the catalog allows it, a criterion may be answered not applicable with
//! a reason; its maximum leaves the total, which is rescaled in exact integers (round half up in
//! milli-points). 0 of 0 no longer earns full points where "not applicable" exists.

mod common;
use common::*;
use tdg_model::explain::{describe_error, explain_criterion, rescale_line, summary_line};
use tdg_model::gap::plan;
use tdg_model::score::{rescale, AnswerIssue, Basis, Rescaled};
use tdg_model::{score, Answer, AnswerSheet, Lang, NotApplicable, Status};

fn not_applicable(reason: &str) -> Answer {
    Answer {
        not_applicable: Some(NotApplicable {
            reason: reason.into(),
        }),
        ..Answer::default()
    }
}

/// A department with every criterion at full points, except the ones given.
fn department(changes: &[(&str, Answer)]) -> AnswerSheet {
    let mut answers: Vec<(&str, Answer)> = vec![
        ("sn.nhiem-vu", ratio(10, 10)),
        ("sn.dvc-toan-trinh", ratio(10, 10)),
        ("sn.dinh-danh", ratio(10, 10)),
        ("sn.ho-so-truc-tuyen", ratio(9, 10)),
        ("sn.du-lieu-mo", level("cung-cap")),
        ("sn.bao-cao", ratio(5, 5)),
        ("sn.ho-so-dien-tu", level("day-du")),
        ("sn.nen-tang-du-lieu", level("ai")),
        ("sn.giam-sat-so", ratio(5, 10)),
        ("sn.tuyen-truyen", count(12)),
        ("sn.an-toan", level("dat")),
        ("sn.ke-hoach-phat-dong", yes(true)),
        ("sn.mo-hinh-hay", yes(true)),
    ];
    for (id, a) in changes {
        let slot = answers
            .iter_mut()
            .find(|(k, _)| k == id)
            .expect("a department criterion");
        slot.1 = a.clone();
    }
    sheet("so-nganh", None, &answers)
}

#[test]
fn rescaling_rounds_half_up_in_exact_integers() {
    assert_eq!(rescale(68_500, 100_000, 80_000), 85_625, "exact");
    assert_eq!(rescale(1, 100_000, 200_000), 1, "0.5 rounds up");
    assert_eq!(rescale(1, 100_000, 300_000), 0, "0.333 rounds down");
    assert_eq!(rescale(2, 100_000, 300_000), 1, "0.667 rounds up");
    assert_eq!(rescale(80_000, 100_000, 80_000), 100_000, "full stays full");
    assert_eq!(rescale(5, 100_000, 0), 0, "nothing applies: nothing earned");
    assert_eq!(
        rescale(u32::MAX, u32::MAX, 1),
        u32::MAX,
        "saturates, never wraps"
    );
}

#[test]
fn a_criterion_that_does_not_apply_leaves_the_maximum_and_the_total_is_rescaled() {
    let catalog = catalog();
    let full = score(&catalog, &department(&[])).expect("scores");
    assert_eq!((full.base, full.rescaled.as_ref()), (100_000, None));
    // No inspection function: 8 of 100 points leave; 44 of the other 92 are earned.
    let s = department(&[
        (
            "sn.giam-sat-so",
            not_applicable("Đơn vị không có chức năng kiểm tra"),
        ),
        ("sn.nhiem-vu", ratio(0, 10)),
        ("sn.ho-so-truc-tuyen", ratio(0, 10)),
        ("sn.tuyen-truyen", count(0)),
        ("sn.an-toan", level("chua")),
        ("sn.bao-cao", ratio(0, 5)),
        ("sn.ho-so-dien-tu", level("chua")),
    ]);
    let r = score(&catalog, &s).expect("scores");
    let c = r.criterion("sn.giam-sat-so").expect("present");
    assert_eq!((c.status, c.points), (Status::NotApplicable, 0));
    assert_eq!(
        c.basis,
        Basis::NotApplicable {
            reason: "Đơn vị không có chức năng kiểm tra".into()
        }
    );
    let unscaled: u32 = r.criteria.iter().map(|c| c.points).sum();
    assert_eq!(unscaled, 44_000, "12 + 8 + 8 + 6 + 5 + 5");
    assert_eq!(
        r.rescaled,
        Some(Rescaled {
            full_max: 100_000,
            applicable_max: 92_000,
            unscaled_base: 44_000
        })
    );
    assert_eq!(
        r.base, 47_826,
        "44 × 100 / 92 = 47.8260…, half up to the milli-point"
    );
    assert_eq!(r.index, 478_260);
    assert_eq!(r.not_applicable, 1);
    assert_eq!(r.answered, 13, "not applicable is an answer");
    assert_eq!(r.open, 0);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let line = rescale_line(&r, Lang::Vi).expect("rescaled");
    assert_eq!(
        line,
        "Quy đổi về thang 100 điểm vì 1 tiêu chí không áp dụng (điểm tối đa còn 92): 44 × 100 : 92 = 47,826 điểm (làm tròn nửa lên đến 0,001 điểm)."
    );
    assert!(summary_line(&catalog, &r, Lang::Vi).contains("đã quy đổi"));
    assert!(summary_line(&catalog, &r, Lang::En).contains("rescaled"));
    let criterion = &catalog.tier("so-nganh").expect("tier").criteria[8];
    assert_eq!(criterion.id, "sn.giam-sat-so");
    let why = explain_criterion(criterion, c, Lang::Vi);
    assert!(
        why.starts_with("Không áp dụng: Đơn vị không có chức năng kiểm tra."),
        "{why}"
    );
    assert!(rescale_line(&full, Lang::Vi).is_none());
    let answer = not_applicable("Đơn vị không có chức năng kiểm tra");
    assert_eq!(
        tdg_model::explain::describe_answer(criterion, Some(&answer), Lang::Vi),
        "Không áp dụng"
    );
}

/// A department with no administrative procedures and no inspections used to get 0 of 0 =
/// full points (up to 28 points free); now 0 of 0 is an error that says what to do.
#[test]
fn zero_of_zero_is_no_longer_free_where_not_applicable_exists() {
    let catalog = catalog();
    let s = department(&[
        ("sn.dvc-toan-trinh", ratio(0, 0)),
        ("sn.dinh-danh", ratio(0, 0)),
        ("sn.giam-sat-so", ratio(0, 0)),
    ]);
    let r = score(&catalog, &s).expect("scores");
    for id in ["sn.dvc-toan-trinh", "sn.dinh-danh", "sn.giam-sat-so"] {
        let c = r.criterion(id).expect(id);
        assert_eq!((c.status, c.points), (Status::Invalid, 0), "{id}");
    }
    assert_eq!(r.base, 72_000, "the 28 points are not given away");
    let e = r
        .errors
        .iter()
        .find(|e| e.criterion == "sn.giam-sat-so")
        .expect("an error");
    assert_eq!(
        (e.field.as_str(), &e.issue),
        ("denominator", &AnswerIssue::EmptyDenominator)
    );
    assert_eq!(
        describe_error(e, Lang::Vi),
        "sn.giam-sat-so.denominator: tổng số phải lớn hơn 0"
    );
    let criterion = catalog
        .tier("so-nganh")
        .and_then(|t| t.criteria.iter().find(|c| c.id == "sn.giam-sat-so"))
        .expect("criterion");
    let beside = tdg_model::field_label::error_text(Some(criterion), e, Lang::Vi);
    assert!(
        beside.ends_with(
            "phải lớn hơn 0. Nếu đơn vị không phát sinh nội dung này, hãy chọn “Tiêu chí này không áp dụng đối với đơn vị” và ghi lý do."
        ),
        "{beside}"
    );
    let beside = tdg_model::field_label::error_text(Some(criterion), e, Lang::En);
    assert!(
        beside.contains("choose “This criterion does not apply to the unit”"),
        "{beside}"
    );
    // Marked not applicable instead, the same department scores 72 of 72: 100.
    let s = department(&[
        (
            "sn.dvc-toan-trinh",
            not_applicable("Không có thủ tục hành chính"),
        ),
        ("sn.dinh-danh", not_applicable("Không có hồ sơ trực tuyến")),
        (
            "sn.giam-sat-so",
            not_applicable("Không có chức năng kiểm tra"),
        ),
    ]);
    let r = score(&catalog, &s).expect("scores");
    assert_eq!((r.base, r.not_applicable), (100_000, 3));
}

#[test]
fn not_applicable_needs_the_catalogs_leave_a_reason_and_no_figure() {
    let catalog = catalog();
    let issue_of = |s: AnswerSheet, id: &str| {
        let r = score(&catalog, &s).expect("scores");
        let c = r.criterion(id).expect(id);
        assert_eq!((c.status, c.points), (Status::Invalid, 0), "{id}");
        assert!(
            r.rescaled.is_none(),
            "an invalid answer still counts in the maximum"
        );
        let e = r.errors.iter().find(|e| e.criterion == id).expect("error");
        (e.field.clone(), e.issue.clone())
    };
    assert_eq!(
        issue_of(
            department(&[("sn.nhiem-vu", not_applicable("Không có nhiệm vụ"))]),
            "sn.nhiem-vu"
        ),
        ("notApplicable".into(), AnswerIssue::NotApplicableNotAllowed)
    );
    for blank in ["", "   "] {
        assert_eq!(
            issue_of(
                department(&[("sn.giam-sat-so", not_applicable(blank))]),
                "sn.giam-sat-so"
            ),
            (
                "notApplicable.reason".into(),
                AnswerIssue::NotApplicableReasonMissing
            )
        );
    }
    let mut both = not_applicable("Không có chức năng kiểm tra");
    both.numerator = Some(3);
    assert_eq!(
        issue_of(department(&[("sn.giam-sat-so", both)]), "sn.giam-sat-so"),
        ("numerator".into(), AnswerIssue::NotApplicableWithValue)
    );
}

#[test]
fn the_gap_plan_skips_what_does_not_apply_and_closes_the_rescaled_gap() {
    let catalog = catalog();
    let s = department(&[
        (
            "sn.giam-sat-so",
            not_applicable("Không có chức năng kiểm tra"),
        ),
        ("sn.ho-so-truc-tuyen", ratio(0, 10)),
        ("sn.nhiem-vu", ratio(5, 10)),
    ]);
    let r = score(&catalog, &s).expect("scores");
    // 72.5 of 92 → 78.804: "tốt"; 90 needs 11.196 more, that is 10.301 unscaled points.
    assert_eq!((r.base, r.band.as_str()), (78_804, "tot"));
    let p = plan(&catalog, &s, &r).expect("a band above");
    assert_eq!(p.deficit, 11_196);
    assert_eq!(p.steps.len(), 1);
    assert_eq!(
        p.steps[0].action,
        tdg_model::gap::Action::RaiseNumerator {
            more: 8,
            numerator: 8,
            denominator: 10
        },
        "12 × 8/10 / 90% = 10.666 ≥ 10.301; 7 of 10 gives 9.333"
    );
    assert_eq!(
        p.steps[0].gain, 11_593,
        "10.666 unscaled points add 11.593 (11.5934…) to the rescaled total"
    );
    assert!(p.steps.iter().all(|s| s.criterion != "sn.giam-sat-so"));
    let mut after = s.clone();
    for step in &p.steps {
        if let tdg_model::gap::Action::RaiseNumerator {
            numerator,
            denominator,
            ..
        } = step.action
        {
            after.answers.insert(
                step.criterion.clone(),
                ratio(numerator as i64, denominator as i64),
            );
        }
    }
    assert_eq!(score(&catalog, &after).expect("scores").band, p.target_band);
}

#[test]
fn not_applicable_answers_read_and_write_in_camel_case() {
    let text = r#"{"tier":"so-nganh","period":2026,"answers":{"sn.dinh-danh":{"notApplicable":{"reason":"Không có hồ sơ"}}}}"#;
    let sheet = AnswerSheet::from_json(text.as_bytes()).expect("valid");
    let a = &sheet.answers["sn.dinh-danh"];
    assert_eq!(
        a.not_applicable.as_ref().map(|n| n.reason.as_str()),
        Some("Không có hồ sơ")
    );
    assert!(!a.has_no_value(), "not applicable is an answer");
    assert!(serde_json::to_string(&sheet)
        .expect("json")
        .contains(r#""notApplicable":{"reason":"Không có hồ sơ"}"#));
    let bad = r#"{"tier":"so-nganh","period":2026,"answers":{"x":{"notApplicable":{"why":"?"}}}}"#;
    assert!(AnswerSheet::from_json(bad.as_bytes()).is_err());
}

/// "Exceeding" needs a meaningful base: one inspection out of one is not exceeding a target.
#[test]
fn the_exceed_bonus_needs_the_minimum_denominator() {
    let catalog = catalog();
    let bonus = |n: i64, d: i64| {
        let s = department(&[("sn.giam-sat-so", ratio(n, d))]);
        score(&catalog, &s)
            .expect("scores")
            .bonus
            .iter()
            .find(|b| b.rule == "vuot-chi-tieu")
            .map_or(0, |b| b.times)
    };
    // Target 50% + 10 points margin: 60% on at least 10 cases.
    assert_eq!(bonus(1, 1), 0, "1 of 1 is 100% but no base");
    assert_eq!(bonus(9, 9), 0, "9 of 9: below the minimum of 10");
    assert_eq!(bonus(6, 10), 1, "6 of 10 reaches 60% on 10 cases");
    assert_eq!(bonus(59, 100), 0, "59% is short of the bar");
}
