//! How the explanations and the answer errors read for a first-time user (issue 9): the
//! criterion's own labels, never an id or "tử số", and never "→ 40/40 điểm" then "0 điểm".

mod common;
use common::*;
use tdg_model::explain::explain_criterion;
use tdg_model::field_label::error_summary_text;
use tdg_model::{score, Answer, Lang};

fn explain(id: &str, answer: Answer, lang: Lang) -> String {
    let catalog = catalog();
    let s = sheet("xa-phuong", None, &[(id, answer)]);
    let r = score(&catalog, &s).expect("scores");
    let tier = catalog.tier("xa-phuong").expect("tier");
    let c = tier
        .criteria
        .iter()
        .find(|c| c.id == id)
        .expect("criterion");
    let result = r.criterion(id).expect("result");
    explain_criterion(c, result, lang)
}

#[test]
fn missing_evidence_never_says_full_points_then_zero() {
    let no_evidence = Answer {
        evidence: vec![],
        ..ratio(700, 1000)
    };
    let vi = explain("xp.ho-so-truc-tuyen", no_evidence.clone(), Lang::Vi);
    assert!(!vi.contains('→'), "{vi}");
    assert!(
        vi.contains("Chưa có minh chứng nên được 0 điểm; có minh chứng sẽ được 40/40 điểm"),
        "{vi}"
    );
    let en = explain("xp.ho-so-truc-tuyen", no_evidence, Lang::En);
    assert!(
        en.contains("No evidence yet, so 0 points; with evidence it gets 40 of 40 points"),
        "{en}"
    );
}

#[test]
fn an_incomplete_ratio_names_its_fields_by_their_labels() {
    let half = Answer {
        numerator: Some(5),
        ..Answer::default()
    };
    let vi = explain("xp.ho-so-truc-tuyen", half, Lang::Vi);
    assert!(!vi.contains("tử số"), "{vi}");
    assert!(
        vi.contains(
            "cần nhập cả “Số hồ sơ xử lý trên môi trường mạng” và “Tổng số hồ sơ (trừ hồ sơ mật)”"
        ),
        "{vi}"
    );
}

#[test]
fn every_error_of_a_scored_sheet_reads_without_ids() {
    let catalog = catalog();
    let s = sheet(
        "xa-phuong",
        None,
        &[
            ("xp.ho-so-truc-tuyen", ratio(1200, 1000)),
            ("xp.tuyen-truyen", count(-1)),
            ("xp.an-toan", level("khong-co")),
        ],
    );
    let r = score(&catalog, &s).expect("scores");
    assert_eq!(r.errors.len(), 3);
    let tier = catalog.tier("xa-phuong").expect("tier");
    for e in &r.errors {
        let c = tier.criteria.iter().find(|c| c.id == e.criterion);
        let text = error_summary_text(c, e, Lang::Vi);
        assert!(
            !text.contains("xp.") && !text.contains("khong-co"),
            "{text}"
        );
        assert!(
            text.starts_with(c.expect("criterion").text.get(Lang::Vi)),
            "{text}"
        );
    }
}

/// Review L1 and L3: a basis followed by the evidence sentence ends with a full stop, and a
/// count reads "3 sản phẩm, dịch vụ (chỉ tiêu: 1)", not "3 so với chỉ tiêu 1 sản phẩm".
#[test]
fn explanations_are_punctuated_and_counts_carry_their_unit() {
    let no_evidence = Answer {
        evidence: vec![],
        ..ratio(700, 1000)
    };
    let vi = explain("xp.ho-so-truc-tuyen", no_evidence, Lang::Vi);
    assert!(vi.contains("(đạt chỉ tiêu). Chưa có minh chứng"), "{vi}");
    let vi = explain("xp.tuyen-truyen", count(3), Lang::Vi);
    assert!(vi.starts_with("3 hoạt động (chỉ tiêu: 6) → "), "{vi}");
}
