//! Explanations for people: which answer, which rule, which target gave each number.
//! The app, `tdg` and the printed copy all use these sentences.

use crate::catalog::{Catalog, Criterion, Measure, MATURITY_LEVELS};
use crate::score::{AnswerError, AnswerIssue, Assessment, Basis, CriterionResult, Status};
use crate::text::Lang;
use crate::units::{format_int, format_points, format_share};

/// Why a criterion has the points it has, in one or two sentences.
pub fn explain_criterion(criterion: &Criterion, result: &CriterionResult, lang: Lang) -> String {
    let pts = |p| format_points(p, lang);
    let (max, points) = (pts(result.max), pts(result.potential));
    let worth = match lang {
        Lang::Vi => format!("→ {points}/{max} điểm."),
        Lang::En => format!("→ {points} of {max} points."),
    };
    let basis = describe_basis(criterion, &result.basis, lang);
    match (result.status, lang) {
        (Status::Open, Lang::Vi) => format!("Chưa trả lời: chưa tính điểm (tối đa {max} điểm)."),
        (Status::Open, Lang::En) => format!("Not answered yet: no points counted (up to {max})."),
        // The fields by their own labels (crate::field_label), never "numerator".
        (Status::Incomplete, _) => {
            use crate::field_label::{field_name, Field};
            let (a, b) = (
                field_name(criterion, Field::Numerator, lang),
                field_name(criterion, Field::Denominator, lang),
            );
            match lang {
                Lang::Vi => format!("Trả lời chưa đủ: cần nhập cả “{a}” và “{b}” (tối đa {max} điểm)."),
                Lang::En => format!("Incomplete: both “{a}” and “{b}” are needed (up to {max} points)."),
            }
        }
        (Status::Invalid, Lang::Vi) => "Câu trả lời có lỗi: 0 điểm cho đến khi sửa.".into(),
        (Status::Invalid, Lang::En) => "The answer has an error: 0 points until fixed.".into(),
        // Never "→ 40/40 điểm" followed by "0 điểm": what it is worth is said as a condition.
        (Status::MissingEvidence, Lang::Vi) => format!(
            "{} Chưa có minh chứng nên được 0 điểm; có minh chứng sẽ được {points}/{max} điểm (tiêu chí bắt buộc có minh chứng).",
            sentence(&basis)
        ),
        (Status::MissingEvidence, Lang::En) => format!(
            "{} No evidence yet, so 0 points; with evidence it gets {points} of {max} points (evidence is required).",
            sentence(&basis)
        ),
        (Status::Scored, _) => format!("{basis} {worth}"),
        (Status::NotApplicable, Lang::Vi) => format!(
            "{basis} Không tính vào tổng: {max} điểm của tiêu chí được loại khỏi điểm tối đa và tổng điểm được quy đổi lại."
        ),
        (Status::NotApplicable, Lang::En) => format!(
            "{basis} Left out of the total: its {max} points leave the maximum and the total is rescaled."
        ),
    }
}

/// A basis followed by another sentence ends with a full stop: "(đạt chỉ tiêu). Chưa có…".
fn sentence(text: &str) -> String {
    if text.is_empty() || text.ends_with('.') {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

fn describe_basis(criterion: &Criterion, basis: &Basis, lang: Lang) -> String {
    let share = |s| format_share(s, lang);
    let int = |n| format_int(n, lang);
    match (basis, lang) {
        (Basis::None, _) => String::new(),
        (
            Basis::Ratio {
                numerator,
                denominator,
                share: s,
                target,
            },
            Lang::Vi,
        ) => format!(
            "{}/{} = {} so với chỉ tiêu {}{}",
            int(*numerator),
            int(*denominator),
            share(*s),
            share(*target),
            if s >= target {
                " (đạt chỉ tiêu)"
            } else {
                " (điểm theo tỷ lệ đạt được so với chỉ tiêu)"
            }
        ),
        (
            Basis::Ratio {
                numerator,
                denominator,
                share: s,
                target,
            },
            Lang::En,
        ) => format!(
            "{}/{} = {} against a target of {}{}",
            int(*numerator),
            int(*denominator),
            share(*s),
            share(*target),
            if s >= target {
                " (target met)"
            } else {
                " (points in proportion to the target)"
            }
        ),
        (Basis::NotApplicable { reason }, Lang::Vi) => {
            format!("Không áp dụng: {}.", reason.trim_end_matches('.'))
        }
        (Basis::NotApplicable { reason }, Lang::En) => {
            format!("Not applicable: {}.", reason.trim_end_matches('.'))
        }
        (Basis::YesNo { yes: true }, Lang::Vi) => "Đã thực hiện.".into(),
        (Basis::YesNo { yes: false }, Lang::Vi) => "Chưa thực hiện.".into(),
        (Basis::YesNo { yes: true }, Lang::En) => "Done.".into(),
        (Basis::YesNo { yes: false }, Lang::En) => "Not done.".into(),
        (Basis::Level { level, share: s }, _) => {
            let name = level_name(criterion, level, lang);
            match lang {
                Lang::Vi => format!("Mức “{name}”: {} số điểm.", share(*s)),
                Lang::En => format!("Level “{name}”: {} of the points.", share(*s)),
            }
        }
        // "3 sản phẩm, dịch vụ (chỉ tiêu: 1)": the count with its unit, the target after it.
        (Basis::Count { count, target }, Lang::Vi) => format!(
            "{} {} (chỉ tiêu: {})",
            int(*count),
            unit(criterion, lang),
            int(u64::from(*target)),
        ),
        (Basis::Count { count, target }, Lang::En) => format!(
            "{} {} (target: {})",
            int(*count),
            unit(criterion, lang),
            int(u64::from(*target)),
        ),
        (Basis::Maturity { level, target }, _) => {
            let name = maturity_name(*level, lang);
            let target_name = maturity_name(*target, lang);
            match lang {
                Lang::Vi => format!("Mức độ chuyển đổi số {level} ({name}) so với mục tiêu mức {target} ({target_name})."),
                Lang::En => format!("Maturity level {level} ({name}) against target level {target} ({target_name})."),
            }
        }
    }
}

fn unit(criterion: &Criterion, lang: Lang) -> String {
    match &criterion.measure {
        Measure::Count { unit, .. } => unit.get(lang).to_string(),
        _ => String::new(),
    }
}

pub fn level_name(criterion: &Criterion, level: &str, lang: Lang) -> String {
    match &criterion.measure {
        Measure::Levels { levels } => levels
            .iter()
            .find(|l| l.id == level)
            .map(|l| l.name.get(lang).to_string())
            .unwrap_or_else(|| level.to_string()),
        _ => level.to_string(),
    }
}

pub fn maturity_name(level: u8, lang: Lang) -> &'static str {
    let (vi, en) = MATURITY_LEVELS
        .get(usize::from(level))
        .copied()
        .unwrap_or(("?", "?"));
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// A field-level answer error, for people.
pub fn describe_error(error: &AnswerError, lang: Lang) -> String {
    use AnswerIssue::*;
    let what = match (&error.issue, lang) {
        (UnknownCriterion, Lang::Vi) => "cấp/phân loại đã chọn không có tiêu chí này".to_string(),
        (UnknownCriterion, Lang::En) => "the chosen tier/variant has no such criterion".to_string(),
        (FieldNotForKind { expected }, Lang::Vi) => format!("tiêu chí này chỉ nhận: {expected}"),
        (FieldNotForKind { expected }, Lang::En) => {
            format!("this criterion only takes: {expected}")
        }
        (Negative, Lang::Vi) => "không được là số âm".into(),
        (Negative, Lang::En) => "must not be negative".into(),
        (NumeratorAboveDenominator, Lang::Vi) => "tử số lớn hơn mẫu số".into(),
        (NumeratorAboveDenominator, Lang::En) => {
            "the numerator is larger than the denominator".into()
        }
        (UnknownLevel { level }, Lang::Vi) => format!("mức '{level}' không có trong danh mục"),
        (UnknownLevel { level }, Lang::En) => format!("level '{level}' is not in the catalog"),
        (MaturityOutOfRange { value }, Lang::Vi) => {
            format!("mức độ chuyển đổi số {value} không nằm trong 0–5")
        }
        (MaturityOutOfRange { value }, Lang::En) => {
            format!("maturity level {value} is not within 0–5")
        }
        (NoDocumentNumber, Lang::Vi) => "minh chứng văn bản thiếu số, ký hiệu".into(),
        (NoDocumentNumber, Lang::En) => "the document evidence has no number".into(),
        (NotALink, Lang::Vi) => "đường dẫn phải bắt đầu bằng http:// hoặc https://".into(),
        (NotALink, Lang::En) => "the link must start with http:// or https://".into(),
        (BadFileHash, Lang::Vi) => "tệp minh chứng thiếu tên hoặc mã SHA-256 không hợp lệ".into(),
        (BadFileHash, Lang::En) => "the evidence file has no name or an invalid SHA-256".into(),
        (NotApplicableNotAllowed, Lang::Vi) => {
            "tiêu chí này không được chọn “không áp dụng”".into()
        }
        (NotApplicableNotAllowed, Lang::En) => {
            "this criterion cannot be answered “not applicable”".into()
        }
        (NotApplicableReasonMissing, Lang::Vi) => "cần ghi lý do không áp dụng".into(),
        (NotApplicableReasonMissing, Lang::En) => "give the reason why it does not apply".into(),
        (NotApplicableWithValue, Lang::Vi) => {
            "đã chọn “không áp dụng” thì không nhập số liệu".into()
        }
        (NotApplicableWithValue, Lang::En) => {
            "an answer marked “not applicable” takes no figure".into()
        }
        (EmptyDenominator, Lang::Vi) => "tổng số phải lớn hơn 0".into(),
        (EmptyDenominator, Lang::En) => "the total must be above 0".into(),
    };
    let field = if error.field.is_empty() {
        String::new()
    } else {
        format!(".{}", error.field)
    };
    format!("{}{}: {}", error.criterion, field, what)
}

/// The name of the band `id` (band ids are unique across the catalog's sets), or the id.
pub fn band_name(catalog: &Catalog, id: &str, lang: Lang) -> String {
    catalog
        .band(id)
        .map(|b| b.name.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// The band as the summary and the print give it: its name once settled
/// ([`Assessment::settled_band`]), else "Chưa xếp mức: còn 8 tiêu chí chưa trả lời".
pub fn band_line(catalog: &Catalog, a: &Assessment, lang: Lang) -> String {
    if let Some(band) = a.settled_band() {
        return band_name(catalog, band, lang);
    }
    let (open, fix) = (a.open, a.to_correct());
    let mut parts = Vec::new();
    if open > 0 {
        parts.push(match lang {
            Lang::Vi => format!("còn {open} tiêu chí chưa trả lời"),
            Lang::En => format!("{open} criteria not answered yet"),
        });
    }
    if fix > 0 {
        parts.push(match lang {
            Lang::Vi => format!("{fix} tiêu chí cần sửa"),
            Lang::En => format!("{fix} to correct"),
        });
    }
    match lang {
        Lang::Vi => format!("Chưa xếp mức: {}", parts.join(", ")),
        Lang::En => format!("No band yet: {}", parts.join(", ")),
    }
}

/// The band on the printed report. Never "Tự xếp loại", the very term of the official quality
/// classification: "Mức đạt theo tiêu chí thi đua chuyên đề: Hoàn thành tốt nhiệm vụ", with the
/// band set's caveat in brackets at the same size, where the catalog gives one; "Chưa xếp
/// mức: …" until every criterion is answered.
pub fn print_band_line(catalog: &Catalog, a: &Assessment, lang: Lang) -> String {
    let line = band_line(catalog, a, lang);
    if a.settled_band().is_none() {
        return format!("{line}.");
    }
    let lead = match lang {
        Lang::Vi => "Mức đạt theo tiêu chí thi đua chuyên đề",
        Lang::En => "Band on the movement's criteria",
    };
    match catalog.band_caveat(&a.tier) {
        Some(caveat) => format!(
            "{lead}: {line} ({}).",
            caveat.get(lang).trim_end_matches('.')
        ),
        None => format!("{lead}: {line}."),
    }
}

/// The deadline with its year and the day the report is scored as sent on, beside the early
/// bonus and late penalty lines: "Hạn gửi báo cáo: trước ngày 01/12/2026; ngày gửi dự kiến:
/// 28/11/2026." (`signed`: "ngày ký" instead). `None` where the deadline does not bind the tier.
pub fn deadline_line(
    catalog: &Catalog,
    a: &Assessment,
    day: crate::date::Date,
    signed: bool,
    lang: Lang,
) -> Option<String> {
    if !catalog.deadline_binds(&a.tier) {
        return None;
    }
    let deadline = catalog.deadline_for(a.period)?.display_vn();
    let day = day.display_vn();
    Some(match (lang, signed) {
        (Lang::Vi, false) => {
            format!("Hạn gửi báo cáo: trước ngày {deadline}; ngày gửi dự kiến: {day}.")
        }
        (Lang::Vi, true) => format!("Hạn gửi báo cáo: trước ngày {deadline}; ngày ký: {day}."),
        (Lang::En, false) => {
            format!("Deadline: before {deadline}; intended sending date: {day}.")
        }
        (Lang::En, true) => format!("Deadline: before {deadline}; signed on {day}."),
    })
}

/// The name of the 0–1 line: "Tỷ lệ điểm đạt", never "chỉ số", so nobody takes it for the
/// national DTI index.
pub fn rate_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Tỷ lệ điểm đạt",
        Lang::En => "Share of points achieved",
    }
}

/// How the total was rescaled, when some criteria do not apply, as a sum a council can check
/// by hand: "Quy đổi về thang 100 điểm vì 2 tiêu chí không áp dụng (điểm tối đa còn 80):
/// 68,5 × 100 : 80 = 85,625 điểm (làm tròn nửa lên đến 0,001 điểm)."
pub fn rescale_line(a: &Assessment, lang: Lang) -> Option<String> {
    let r = a.rescaled.as_ref()?;
    let p = |x| format_points(x, lang);
    let (applicable, full, from, to) = (
        p(r.applicable_max),
        p(r.full_max),
        p(r.unscaled_base),
        p(a.base),
    );
    let n = a.not_applicable;
    Some(match lang {
        Lang::Vi => format!(
            "Quy đổi về thang {full} điểm vì {n} tiêu chí không áp dụng (điểm tối đa còn {applicable}): {from} × {full} : {applicable} = {to} điểm (làm tròn nửa lên đến 0,001 điểm)."
        ),
        Lang::En => format!(
            "Rescaled to {full} points because {n} criteria do not apply (maximum now {applicable}): {from} × {full} / {applicable} = {to} points (rounded half up to 0.001 point)."
        ),
    })
}

/// The answer itself, in a few words (the printed table's "result" column).
pub fn describe_answer(
    criterion: &Criterion,
    answer: Option<&crate::Answer>,
    lang: Lang,
) -> String {
    let open = match lang {
        Lang::Vi => "Chưa trả lời",
        Lang::En => "Not answered",
    };
    let Some(a) = answer.filter(|a| !a.has_no_value()) else {
        return open.into();
    };
    if a.not_applicable.is_some() {
        return match lang {
            Lang::Vi => "Không áp dụng".into(),
            Lang::En => "Not applicable".into(),
        };
    }
    let int = |n: Option<i64>| format_int(n.unwrap_or(0).max(0) as u64, lang);
    match &criterion.measure {
        Measure::Ratio { .. } => format!("{}/{}", int(a.numerator), int(a.denominator)),
        Measure::YesNo => match (a.yes, lang) {
            (Some(true), Lang::Vi) => "Đã thực hiện".into(),
            (Some(true), Lang::En) => "Done".into(),
            (_, Lang::Vi) => "Chưa thực hiện".into(),
            (_, Lang::En) => "Not done".into(),
        },
        Measure::Levels { .. } => a
            .level
            .as_deref()
            .map(|l| level_name(criterion, l, lang))
            .unwrap_or_default(),
        Measure::Count { unit, .. } => format!("{} {}", int(a.count), unit.get(lang)),
        Measure::Maturity { .. } => {
            let level = a.maturity.unwrap_or(0).clamp(0, 5) as u8;
            format!(
                "{} {level} ({})",
                if lang == Lang::Vi { "Mức" } else { "Level" },
                maturity_name(level, lang)
            )
        }
        Measure::Unknown => String::new(),
    }
}

/// The name of the bonus or penalty rule `id`, or the id itself.
pub fn rule_name(catalog: &Catalog, id: &str, lang: Lang) -> String {
    let bonus = catalog
        .bonus
        .rules
        .iter()
        .find(|r| r.id == id)
        .map(|r| r.name.get(lang));
    let penalty = catalog
        .penalties
        .iter()
        .find(|r| r.id == id)
        .map(|r| r.name.get(lang));
    bonus.or(penalty).unwrap_or(id).to_string()
}

/// The total as people read it: "68,5/100" without adjustments; with a bonus or a penalty
/// never "103/100" but "103 (gồm 3 điểm thưởng)", "98 (gồm 1 điểm thưởng, trừ 3 điểm)".
pub fn total_text(a: &Assessment, lang: Lang) -> String {
    let p = |x| format_points(x, lang);
    let total = p(a.total);
    let mut parts = Vec::new();
    if a.bonus_total > 0 {
        parts.push(match lang {
            Lang::Vi => format!("gồm {} điểm thưởng", p(a.bonus_total)),
            Lang::En => format!("including a bonus of {}", p(a.bonus_total)),
        });
    }
    if a.penalty_total > 0 {
        parts.push(match lang {
            Lang::Vi => format!("trừ {} điểm", p(a.penalty_total)),
            Lang::En => format!("less a penalty of {}", p(a.penalty_total)),
        });
    }
    if parts.is_empty() {
        format!("{total}/100")
    } else {
        format!("{total} ({})", parts.join(", "))
    }
}

/// One-line summary: total, share of points achieved, and the band once settled ("Chưa xếp
/// mức: còn 2 tiêu chí chưa trả lời" before: [`band_line`], the rule the screen and the print
/// follow too).
pub fn summary_line(catalog: &Catalog, a: &Assessment, lang: Lang) -> String {
    let band = band_line(catalog, a, lang);
    let total = total_text(a, lang);
    let index = crate::units::format_index(a.index, lang);
    let rescaled = match (a.rescaled.is_some(), lang) {
        (false, _) => "",
        (true, Lang::Vi) => ", đã quy đổi do có tiêu chí không áp dụng",
        (true, Lang::En) => ", rescaled: some criteria do not apply",
    };
    match lang {
        Lang::Vi => format!("Tổng điểm {total} (tỷ lệ điểm đạt {index}{rescaled}) — {band}"),
        Lang::En => format!("Total {total} (share of points achieved {index}{rescaled}) — {band}"),
    }
}
