//! How an answer's fields are named for people, and how an answer error reads.
//!
//! An error names its field by the label the person sees beside it (the criterion's own words
//! from the catalog: "Số hồ sơ xử lý trên môi trường mạng"), never by an internal id
//! ("xp.ho-so-truc-tuyen.numerator") or a generic word ("tử số"). The app's inputs take their
//! labels from here too, so the message and the field can never name it differently.

use crate::catalog::{Criterion, Measure};
use crate::score::{AnswerError, AnswerIssue};
use crate::text::Lang;

/// The answer fields a criterion can have, as the score's errors name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Numerator,
    Denominator,
    Yes,
    Level,
    Count,
    Maturity,
    /// The n-th piece of evidence, from 0.
    Evidence(usize),
    /// The "không áp dụng" choice, and its reason.
    NotApplicable,
    NotApplicableReason,
    /// The answer as a whole.
    Whole,
}

impl Field {
    /// Reads the score's field name (`numerator`, `evidence[1]`, empty for the whole answer).
    /// A name this version does not know is the whole answer: it is still said, never lost.
    pub fn parse(name: &str) -> Field {
        match name {
            "numerator" => Field::Numerator,
            "denominator" => Field::Denominator,
            "yes" => Field::Yes,
            "level" => Field::Level,
            "count" => Field::Count,
            "maturity" => Field::Maturity,
            "notApplicable" => Field::NotApplicable,
            "notApplicable.reason" => Field::NotApplicableReason,
            _ => name
                .strip_prefix("evidence[")
                .and_then(|rest| rest.strip_suffix(']'))
                .and_then(|n| n.parse().ok())
                .map_or(Field::Whole, Field::Evidence),
        }
    }
}

/// The label of the "không áp dụng" choice on a criterion's card: the app shows it, and the
/// 0-of-0 error names it, so both say the same words.
pub const NOT_APPLICABLE_CHOICE_VI: &str = "Tiêu chí này không áp dụng đối với đơn vị";
pub const NOT_APPLICABLE_CHOICE_EN: &str = "This criterion does not apply to the unit";

fn pick(lang: Lang, vi: String, en: String) -> String {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// The label of `field` for this criterion, as its input shows it: its name and, for a count
/// or a maturity level, the target beside it: `period`'s, the one it is scored on
/// (`Criterion::measure_for`).
pub fn field_label(criterion: &Criterion, period: i32, field: Field, lang: Lang) -> String {
    let name = field_name(criterion, field, lang);
    match (field, &*criterion.measure_for(period)) {
        (Field::Count, Measure::Count { target, unit }) => pick(
            lang,
            format!("{name} (chỉ tiêu: {target} {})", unit.get(lang)),
            format!("{name} (target: {target} {})", unit.get(lang)),
        ),
        (Field::Maturity, Measure::Maturity { target }) => pick(
            lang,
            format!("{name} (mục tiêu mức {target})"),
            format!("{name} (target level {target})"),
        ),
        _ => name,
    }
}

/// The name of `field` for this criterion, as a message quotes it: the label without the
/// target (review 7, L4: an error quoting "Số hoạt động (chỉ tiêu: 6 hoạt động)" read as if
/// the target were wrong).
pub fn field_name(criterion: &Criterion, field: Field, lang: Lang) -> String {
    match (field, &criterion.measure) {
        (Field::Numerator, Measure::Ratio { numerator, .. }) => numerator.get(lang).to_string(),
        (Field::Denominator, Measure::Ratio { denominator, .. }) => {
            denominator.get(lang).to_string()
        }
        (Field::Count, Measure::Count { unit, .. }) => pick(
            lang,
            format!("Số {}", unit.get(lang)),
            format!("Number of {}", unit.get(lang)),
        ),
        (Field::Maturity, Measure::Maturity { .. }) => pick(
            lang,
            "Mức độ chuyển đổi số".into(),
            "Level of digital transformation".into(),
        ),
        (Field::Level, Measure::Levels { .. }) => {
            pick(lang, "Mức đạt được".into(), "Level reached".into())
        }
        (Field::Yes, Measure::YesNo) => pick(lang, "Trả lời".into(), "Answer".into()),
        (Field::Evidence(i), _) => pick(
            lang,
            format!("Minh chứng thứ {}", i + 1),
            format!("Evidence no. {}", i + 1),
        ),
        // A field this criterion does not take (an imported answer): said in plain words.
        (Field::Numerator, _) => pick(lang, "số đạt được".into(), "the count achieved".into()),
        (Field::Denominator, _) => pick(lang, "tổng số".into(), "the total".into()),
        (Field::Yes, _) => pick(lang, "Đã/Chưa thực hiện".into(), "Done/Not done".into()),
        (Field::Level, _) => pick(lang, "mức".into(), "the level".into()),
        (Field::Count, _) => pick(lang, "số lượng".into(), "the number".into()),
        (Field::Maturity, _) => pick(
            lang,
            "mức độ chuyển đổi số".into(),
            "the level of digital transformation".into(),
        ),
        (Field::NotApplicable, _) => pick(lang, "Không áp dụng".into(), "Not applicable".into()),
        (Field::NotApplicableReason, _) => pick(
            lang,
            "Lý do không áp dụng".into(),
            "Why it does not apply".into(),
        ),
        (Field::Whole, _) => criterion.text.get(lang).to_string(),
    }
}

/// An answer error as it is said beside its field: the field by its label, what is wrong and,
/// where it helps, what to do. `criterion` is `None` when the chosen tier has no such criterion.
pub fn error_text(criterion: Option<&Criterion>, error: &AnswerError, lang: Lang) -> String {
    let Some(c) = criterion else {
        return pick(
            lang,
            "Câu trả lời này thuộc một tiêu chí không có ở đối tượng, phân loại đã chọn.".into(),
            "This answer belongs to a criterion the chosen tier or type does not have.".into(),
        );
    };
    let field = Field::parse(&error.field);
    let label = field_name(c, field, lang);
    match &error.issue {
        AnswerIssue::UnknownCriterion => pick(
            lang,
            "Câu trả lời này thuộc một tiêu chí không có ở đối tượng, phân loại đã chọn.".into(),
            "This answer belongs to a criterion the chosen tier or type does not have.".into(),
        ),
        AnswerIssue::FieldNotForKind { .. } => pick(
            lang,
            format!("Tiêu chí này không trả lời bằng “{label}”: hãy xóa giá trị đó và trả lời lại."),
            format!("This criterion is not answered with “{label}”: remove that value and answer again."),
        ),
        AnswerIssue::Negative => pick(
            lang,
            format!("“{label}” không được là số âm."),
            format!("“{label}” must not be negative."),
        ),
        AnswerIssue::NumeratorAboveDenominator => {
            let total = field_name(c, Field::Denominator, lang);
            pick(
                lang,
                format!("“{label}” không được lớn hơn “{total}”."),
                format!("“{label}” cannot be larger than “{total}”."),
            )
        }
        AnswerIssue::UnknownLevel { .. } => pick(
            lang,
            format!("“{label}”: mức đã lưu không có trong danh mục của tiêu chí này; hãy chọn lại."),
            format!("“{label}”: the stored level is not in this criterion's list; choose again."),
        ),
        AnswerIssue::MaturityOutOfRange { value } => pick(
            lang,
            format!("“{label}” phải từ 0 đến 5 (đang là {value})."),
            format!("“{label}” must be from 0 to 5 (it is {value})."),
        ),
        AnswerIssue::NoDocumentNumber => pick(
            lang,
            format!("“{label}” thiếu số, ký hiệu văn bản: hãy xóa và thêm lại."),
            format!("“{label}” has no document number: remove it and add it again."),
        ),
        AnswerIssue::NotALink => pick(
            lang,
            format!("“{label}”: đường dẫn phải bắt đầu bằng http:// hoặc https://."),
            format!("“{label}”: the link must start with http:// or https://."),
        ),
        AnswerIssue::BadFileHash => pick(
            lang,
            format!("“{label}”: tệp thiếu tên hoặc mã SHA-256 không hợp lệ; hãy xóa và chọn lại tệp."),
            format!("“{label}”: the file has no name or an invalid SHA-256; remove it and choose the file again."),
        ),
        AnswerIssue::NotApplicableNotAllowed => pick(
            lang,
            "Tiêu chí này không được chọn “không áp dụng”: hãy trả lời bằng số liệu.".into(),
            "This criterion cannot be answered “not applicable”: answer it with figures.".into(),
        ),
        AnswerIssue::NotApplicableReasonMissing => pick(
            lang,
            "Đã chọn “không áp dụng”: hãy ghi lý do.".into(),
            "Marked “not applicable”: give the reason.".into(),
        ),
        AnswerIssue::NotApplicableWithValue => pick(
            lang,
            format!("Đã chọn “không áp dụng” thì không nhập “{label}”: hãy xóa số liệu hoặc bỏ chọn “không áp dụng”."),
            format!("An answer marked “not applicable” takes no “{label}”: remove the figure or untick “not applicable”."),
        ),
        AnswerIssue::EmptyDenominator => {
            let total = field_name(c, Field::Denominator, lang);
            let must = pick(
                lang,
                format!("“{total}” phải lớn hơn 0."),
                format!("“{total}” must be above 0."),
            );
            // The way out only where the catalog offers it, in the words of the choice itself.
            if c.allows_not_applicable() {
                let hint = pick(
                    lang,
                    format!(" Nếu đơn vị không phát sinh nội dung này, hãy chọn “{NOT_APPLICABLE_CHOICE_VI}” và ghi lý do."),
                    format!(" If the unit has nothing of the kind, choose “{NOT_APPLICABLE_CHOICE_EN}” and give the reason."),
                );
                format!("{must}{hint}")
            } else {
                must
            }
        }
    }
}

/// The same error for a list of all errors (the summary at the top of the screen): the
/// criterion's own wording first, so the line is understood away from its card.
pub fn error_summary_text(
    criterion: Option<&Criterion>,
    error: &AnswerError,
    lang: Lang,
) -> String {
    let text = error_text(criterion, error, lang);
    match criterion {
        Some(c) if Field::parse(&error.field) != Field::Whole => {
            format!("{}: {text}", c.text.get(lang))
        }
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{EvidenceRule, Provenance};
    use crate::text::Text;

    fn ratio() -> Criterion {
        serde_json::from_value(serde_json::json!({
            "id": "xp.ho-so-truc-tuyen",
            "group": "G3",
            "text": { "vi": "Hồ sơ được xử lý trên môi trường mạng", "en": "Files processed online" },
            "help": { "vi": "h", "en": "h" },
            "maxPoints": 40000,
            "measure": { "kind": "ratio", "target": 7000,
                "numerator": { "vi": "Số hồ sơ xử lý trên môi trường mạng", "en": "Files processed online" },
                "denominator": { "vi": "Tổng số hồ sơ (trừ hồ sơ mật)", "en": "All files (secret files excluded)" } },
            "evidence": "required",
            "provenance": { "source": "defaultModel", "reason": { "vi": "r", "en": "r" } }
        }))
        .expect("a valid criterion")
    }

    fn error(field: &str, issue: AnswerIssue) -> AnswerError {
        AnswerError {
            criterion: "xp.ho-so-truc-tuyen".into(),
            field: field.into(),
            issue,
        }
    }

    #[test]
    fn the_fixture_is_what_it_says() {
        let c = ratio();
        assert_eq!(c.evidence, EvidenceRule::Required);
        assert!(matches!(c.provenance, Provenance::DefaultModel { .. }));
        assert_eq!(
            c.text,
            Text::new(
                "Hồ sơ được xử lý trên môi trường mạng",
                "Files processed online"
            )
        );
    }

    #[test]
    fn numerator_above_denominator_names_both_fields_by_their_labels() {
        let c = ratio();
        let e = error("numerator", AnswerIssue::NumeratorAboveDenominator);
        let vi = error_text(Some(&c), &e, Lang::Vi);
        assert_eq!(
            vi,
            "“Số hồ sơ xử lý trên môi trường mạng” không được lớn hơn “Tổng số hồ sơ (trừ hồ sơ mật)”."
        );
        assert!(!vi.contains("xp.") && !vi.contains("numerator") && !vi.contains("tử số"));
        let en = error_text(Some(&c), &e, Lang::En);
        assert_eq!(
            en,
            "“Files processed online” cannot be larger than “All files (secret files excluded)”."
        );
    }

    #[test]
    fn no_message_carries_an_id_a_field_name_or_french_quotes() {
        let c = ratio();
        let issues = [
            ("numerator", AnswerIssue::Negative),
            ("denominator", AnswerIssue::Negative),
            ("numerator", AnswerIssue::NumeratorAboveDenominator),
            (
                "yes",
                AnswerIssue::FieldNotForKind {
                    expected: "numerator + denominator".into(),
                },
            ),
            (
                "level",
                AnswerIssue::UnknownLevel {
                    level: "muc-x".into(),
                },
            ),
            ("maturity", AnswerIssue::MaturityOutOfRange { value: 9 }),
            ("evidence[1]", AnswerIssue::NoDocumentNumber),
            ("evidence[0]", AnswerIssue::NotALink),
            ("evidence[2]", AnswerIssue::BadFileHash),
            ("", AnswerIssue::UnknownCriterion),
        ];
        for (field, issue) in issues {
            for lang in [Lang::Vi, Lang::En] {
                let e = error(field, issue.clone());
                for text in [
                    error_text(Some(&c), &e, lang),
                    error_summary_text(Some(&c), &e, lang),
                ] {
                    assert!(!text.contains("xp.ho-so"), "{text}");
                    assert!(!text.contains("evidence["), "{text}");
                    assert!(
                        !text.contains("numerator") && !text.contains("muc-x"),
                        "{text}"
                    );
                    assert!(!text.contains('«'), "{text}");
                    // English keeps its apostrophes; Vietnamese never quotes with '…'.
                    assert!(lang == Lang::En || !text.contains('\''), "{text}");
                }
            }
        }
    }

    #[test]
    fn evidence_errors_name_the_piece_by_its_place() {
        let c = ratio();
        let e = error("evidence[1]", AnswerIssue::NoDocumentNumber);
        assert_eq!(
            error_text(Some(&c), &e, Lang::Vi),
            "“Minh chứng thứ 2” thiếu số, ký hiệu văn bản: hãy xóa và thêm lại."
        );
    }

    #[test]
    fn the_summary_line_starts_with_the_criterion() {
        let c = ratio();
        let e = error("denominator", AnswerIssue::Negative);
        assert_eq!(
            error_summary_text(Some(&c), &e, Lang::Vi),
            "Hồ sơ được xử lý trên môi trường mạng: “Tổng số hồ sơ (trừ hồ sơ mật)” không được là số âm."
        );
    }

    #[test]
    fn field_names_parse_and_unknown_ones_mean_the_whole_answer() {
        assert_eq!(Field::parse("evidence[12]"), Field::Evidence(12));
        assert_eq!(Field::parse("count"), Field::Count);
        assert_eq!(Field::parse(""), Field::Whole);
        assert_eq!(Field::parse("evidence[x]"), Field::Whole);
        assert_eq!(Field::parse("somethingNew"), Field::Whole);
    }

    #[test]
    fn count_and_maturity_labels_are_those_of_the_inputs() {
        let mut c = ratio();
        c.measure = Measure::Count {
            target: 6,
            unit: Text::new("hoạt động", "activities"),
        };
        assert_eq!(
            field_label(&c, 2026, Field::Count, Lang::Vi),
            "Số hoạt động (chỉ tiêu: 6 hoạt động)"
        );
        // A year with a target of its own shows that one.
        c.targets = vec![crate::catalog::PeriodTarget {
            periods: crate::catalog::YearRange {
                from: 2026,
                to: Some(2026),
            },
            target: 8,
        }];
        assert_eq!(
            field_label(&c, 2026, Field::Count, Lang::Vi),
            "Số hoạt động (chỉ tiêu: 8 hoạt động)"
        );
        assert_eq!(
            field_label(&c, 2025, Field::Count, Lang::Vi),
            "Số hoạt động (chỉ tiêu: 6 hoạt động)"
        );
        c.targets.clear();
        // A message quotes the field by its name, without the target.
        assert_eq!(field_name(&c, Field::Count, Lang::Vi), "Số hoạt động");
        c.measure = Measure::Maturity { target: 3 };
        assert_eq!(
            field_label(&c, 2026, Field::Maturity, Lang::Vi),
            "Mức độ chuyển đổi số (mục tiêu mức 3)"
        );
        assert_eq!(
            field_name(&c, Field::Maturity, Lang::En),
            "Level of digital transformation"
        );
        let negative = AnswerError {
            criterion: c.id.clone(),
            field: "maturity".into(),
            issue: AnswerIssue::MaturityOutOfRange { value: 7 },
        };
        assert_eq!(
            error_text(Some(&c), &negative, Lang::Vi),
            "“Mức độ chuyển đổi số” phải từ 0 đến 5 (đang là 7)."
        );
    }
}
