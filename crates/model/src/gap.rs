//! The gap planner: the least a unit must change to reach the next band.
//!
//! Each criterion below its maximum offers one step that brings it to full points (adding the
//! missing evidence, raising a count, answering it). Taking the largest steps first gives the
//! fewest steps; the last step is then swapped for the smallest one that still closes the gap,
//! and a ratio or count step is trimmed to the exact amount needed.

use crate::answer::{AnswerSheet, Evidence};
use crate::catalog::{Catalog, Criterion, Measure, Tier};
use crate::score::{score, Assessment, Basis, CriterionResult, Status};
use crate::text::Lang;
use crate::units::{format_int, format_points, MilliPoints, FULL_SHARE};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GapPlan {
    pub target_band: String,
    /// Points missing to reach the band.
    pub deficit: MilliPoints,
    pub steps: Vec<Step>,
    /// False when even full points on every criterion would not reach the band
    /// (e.g. because of a penalty).
    pub reachable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub criterion: String,
    /// The criterion's own points the step adds (before any rescaling).
    #[serde(default)]
    pub points: MilliPoints,
    /// What the step adds to the total: the criterion's points, rescaled like the base when
    /// some criteria are "not applicable" (round half up).
    pub gain: MilliPoints,
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Action {
    /// Answer an open criterion (the gain is the most it can give).
    Answer,
    /// Correct an answer that has an error.
    Fix,
    /// Add evidence to an answer that lacks it; `then` is a further change, if any.
    #[serde(rename_all = "camelCase")]
    AddEvidence { then: Option<Box<Action>> },
    /// Raise a ratio's numerator by `more` (to `numerator` of `denominator`).
    #[serde(rename_all = "camelCase")]
    RaiseNumerator {
        more: u64,
        numerator: u64,
        denominator: u64,
    },
    /// Do what a yes/no criterion asks.
    Do,
    #[serde(rename_all = "camelCase")]
    ReachLevel { level: String },
    #[serde(rename_all = "camelCase")]
    RaiseCount { more: u64, count: u64 },
    #[serde(rename_all = "camelCase")]
    ReachMaturity { level: u8 },
}

/// The plan to reach the band above `assessment.band`, or `None` at the top band.
///
/// When some criteria are "not applicable" the total is rescaled, so the steps (in the
/// criteria's own points) must close the deficit in unscaled points:
/// `ceil(deficit × applicable_max / full_max)`. `deficit` stays in total points.
pub fn plan(catalog: &Catalog, sheet: &AnswerSheet, assessment: &Assessment) -> Option<GapPlan> {
    let bands = catalog.bands(&assessment.tier);
    let position = bands.iter().position(|b| b.id == assessment.band)?;
    let target = bands.get(position.checked_sub(1)?)?;
    let tier = catalog.tier(&assessment.tier)?;
    let deficit = target.min_points.saturating_sub(assessment.total);
    let needed = match &assessment.rescaled {
        None => deficit,
        Some(r) => {
            let n = (u128::from(deficit) * u128::from(r.applicable_max))
                .div_ceil(u128::from(r.full_max.max(1)));
            u32::try_from(n).unwrap_or(u32::MAX)
        }
    };
    let mut candidates: Vec<Step> = criteria_with_results(tier, sheet, assessment)
        .filter_map(|(c, r)| full_step(&c.measure_for(sheet.period), c, r))
        .collect();
    candidates.sort_by(|a, b| {
        b.gain
            .cmp(&a.gain)
            .then_with(|| a.criterion.cmp(&b.criterion))
    });
    let reachable = candidates.iter().map(|s| s.gain).sum::<u32>() >= needed;
    let mut steps = Vec::new();
    let mut remaining = needed;
    let mut pool = candidates;
    while remaining > 0 && !pool.is_empty() {
        // The smallest step that closes the gap alone, else the largest step.
        let pick = pool.iter().rposition(|s| s.gain >= remaining).unwrap_or(0);
        let step = pool.remove(pick);
        remaining = remaining.saturating_sub(step.gain);
        steps.push(step);
    }
    trim_last(tier, sheet, assessment, &mut steps, needed);
    if let Some(r) = &assessment.rescaled {
        for step in &mut steps {
            step.gain = crate::score::rescale(step.gain, r.full_max, r.applicable_max);
        }
    }
    steps.sort_by_key(|s| std::cmp::Reverse(s.gain));
    Some(GapPlan {
        target_band: target.id.clone(),
        deficit,
        steps,
        reachable,
    })
}

fn criteria_with_results<'a>(
    tier: &'a Tier,
    sheet: &'a AnswerSheet,
    assessment: &'a Assessment,
) -> impl Iterator<Item = (&'a Criterion, &'a CriterionResult)> + 'a {
    // `score` lists the results in the tier's order, so a zip pairs them in linear time (a
    // lookup by id per criterion made a 1,000-criterion plan quadratic). The id check guards
    // against an assessment made for another tier.
    tier.criteria_for(sheet.variant.as_deref(), sheet.period)
        .zip(assessment.criteria.iter())
        .filter(|(c, r)| c.id == r.id)
}

/// The step that brings a criterion to its full points, if it is not there yet. A criterion
/// that does not apply offers none.
fn full_step(measure: &Measure, criterion: &Criterion, result: &CriterionResult) -> Option<Step> {
    let gain = result.max.checked_sub(result.points).filter(|g| *g > 0)?;
    let action = match result.status {
        Status::Open | Status::Incomplete => Action::Answer,
        Status::Invalid => Action::Fix,
        Status::MissingEvidence => Action::AddEvidence {
            then: raise_to_full(measure, &result.basis).map(Box::new),
        },
        Status::Scored => raise_to_full(measure, &result.basis)?,
        Status::NotApplicable => return None,
    };
    Some(Step {
        criterion: criterion.id.clone(),
        points: gain,
        gain,
        action,
    })
}

/// The change of answer that earns full points, or `None` when the answer already does.
fn raise_to_full(measure: &Measure, basis: &Basis) -> Option<Action> {
    match (measure, basis) {
        (
            Measure::Ratio { target, .. },
            Basis::Ratio {
                numerator,
                denominator,
                ..
            },
        ) => {
            let needed = ratio_numerator_for(*target, *denominator, 1, 1);
            (needed > *numerator).then(|| Action::RaiseNumerator {
                more: needed - numerator,
                numerator: needed,
                denominator: *denominator,
            })
        }
        (Measure::YesNo, Basis::YesNo { yes: false }) => Some(Action::Do),
        (Measure::Levels { levels }, Basis::Level { share, .. }) => levels
            .iter()
            .find(|l| l.share == FULL_SHARE && l.share > *share)
            .map(|l| Action::ReachLevel {
                level: l.id.clone(),
            }),
        (Measure::Count { target, .. }, Basis::Count { count, .. }) => {
            (u64::from(*target) > *count).then(|| Action::RaiseCount {
                more: u64::from(*target) - count,
                count: u64::from(*target),
            })
        }
        (Measure::Maturity { target }, Basis::Maturity { level, .. }) => {
            (target > level).then_some(Action::ReachMaturity { level: *target })
        }
        _ => None,
    }
}

/// The least numerator whose points reach `wanted / of` of the maximum (`wanted == of` means
/// full points): `ceil(wanted × den × target / (of × 10000))`, exact in integers.
fn ratio_numerator_for(target: u32, denominator: u64, wanted: u64, of: u64) -> u64 {
    let num = u128::from(wanted) * u128::from(denominator) * u128::from(target);
    let den = u128::from(of) * u128::from(FULL_SHARE);
    let n = num.div_ceil(den.max(1)) as u64;
    n.min(denominator)
}

/// Trims the last step to the smallest raise that still closes the gap.
fn trim_last(
    tier: &Tier,
    sheet: &AnswerSheet,
    assessment: &Assessment,
    steps: &mut [Step],
    deficit: MilliPoints,
) {
    let others: MilliPoints = steps.iter().rev().skip(1).map(|s| s.gain).sum();
    let Some(last) = steps.last_mut() else { return };
    let Some((criterion, result)) =
        criteria_with_results(tier, sheet, assessment).find(|(c, _)| c.id == last.criterion)
    else {
        return;
    };
    let needed = deficit.saturating_sub(others);
    let wanted = u64::from((result.points + needed).min(result.max));
    let max = u64::from(result.max);
    match (
        &*criterion.measure_for(sheet.period),
        &result.basis,
        &last.action,
    ) {
        (
            Measure::Ratio { target, .. },
            Basis::Ratio {
                numerator,
                denominator,
                ..
            },
            Action::RaiseNumerator { .. },
        ) => {
            let n = ratio_numerator_for(*target, *denominator, wanted, max);
            if n > *numerator {
                let points = ratio_points(result.max, n, *denominator, *target);
                last.gain = points - result.points;
                last.points = last.gain;
                last.action = Action::RaiseNumerator {
                    more: n - numerator,
                    numerator: n,
                    denominator: *denominator,
                };
            }
        }
        (Measure::Count { target, .. }, Basis::Count { count, .. }, Action::RaiseCount { .. }) => {
            let n = (wanted * u64::from(*target)).div_ceil(max.max(1));
            if n > *count {
                let points = (u128::from(result.max) * u128::from(n) / u128::from(*target))
                    .min(u128::from(result.max)) as u32;
                last.gain = points - result.points;
                last.points = last.gain;
                last.action = Action::RaiseCount {
                    more: n - count,
                    count: n,
                };
            }
        }
        _ => {}
    }
}

fn ratio_points(max: MilliPoints, numerator: u64, denominator: u64, target: u32) -> MilliPoints {
    let num = u128::from(max) * u128::from(numerator) * u128::from(FULL_SHARE);
    let den = u128::from(denominator) * u128::from(target);
    (num / den.max(1)).min(u128::from(max)) as MilliPoints
}

/// What the summary says about next year, beside the band.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "plan")]
pub enum NextYear {
    /// Criteria are still open or in error: no band yet, so no plan (answering is this
    /// year's work, not a measure for next year).
    Unsettled,
    /// The tier does not exist next year (the district tier ended with 2024): no plan.
    TierEnds,
    /// Already in the top band.
    Top,
    /// The measures for next year, assuming the evidence still missing is added before
    /// signing (that is this year's work: [`before_signing`]).
    Plan(GapPlan),
}

/// The plan for next year, or why there is none.
pub fn next_year(catalog: &Catalog, sheet: &AnswerSheet, assessment: &Assessment) -> NextYear {
    if assessment.settled_band().is_none() {
        return NextYear::Unsettled;
    }
    let ends = catalog
        .tier(&assessment.tier)
        .is_none_or(|t| !t.periods.contains(assessment.period + 1));
    if ends {
        return NextYear::TierEnds;
    }
    // Credit the missing evidence: a placeholder document per criterion that lacks it.
    let mut projected = sheet.clone();
    for r in &assessment.criteria {
        if r.status == Status::MissingEvidence {
            if let Some(answer) = projected.answers.get_mut(&r.id) {
                answer.evidence.push(Evidence::Document {
                    number: "…".into(),
                    date: None,
                    title: String::new(),
                });
            }
        }
    }
    let with_evidence = match score(catalog, &projected) {
        Ok(a) => a,
        Err(_) => return NextYear::Unsettled,
    };
    match plan(catalog, sheet, &with_evidence) {
        Some(p) => NextYear::Plan(p),
        None => NextYear::Top,
    }
}

/// Everything the summary advises beside the score, in one value: this year's work before
/// signing and the measures for next year. `tdg score --json` prints it beside the assessment,
/// so the command line and the screen never disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Advice {
    pub before_signing: Vec<Step>,
    pub next_year: NextYear,
}

/// The advice for `assessment` of `sheet`.
pub fn advice(catalog: &Catalog, sheet: &AnswerSheet, assessment: &Assessment) -> Advice {
    Advice {
        before_signing: before_signing(assessment),
        next_year: next_year(catalog, sheet, assessment),
    }
}

/// This year's work before signing: the criteria answered without their required evidence,
/// each with the points (rescaled like the total) the evidence brings now.
pub fn before_signing(assessment: &Assessment) -> Vec<Step> {
    assessment
        .criteria
        .iter()
        .filter(|r| r.status == Status::MissingEvidence && r.potential > 0)
        .map(|r| Step {
            criterion: r.id.clone(),
            points: r.potential,
            gain: match &assessment.rescaled {
                Some(s) => crate::score::rescale(r.potential, s.full_max, s.applicable_max),
                None => r.potential,
            },
            action: Action::AddEvidence { then: None },
        })
        .collect()
}

/// A step as a sentence: what to do and what it gains.
pub fn describe_step(catalog: &Catalog, step: &Step, lang: Lang) -> String {
    let criterion = catalog
        .tiers
        .iter()
        .flat_map(|t| t.criteria.iter())
        .find(|c| c.id == step.criterion);
    let name = criterion
        .map(|c| c.text.get(lang).to_string())
        .unwrap_or_default();
    let what = criterion
        .map(|c| describe_action(c, &step.action, lang))
        .unwrap_or_default();
    format!("{what} — “{name}” ({})", gain_text(step, lang))
}

/// "+10 điểm"; when the total is rescaled, both scales: "+5 điểm, tức 6,25 điểm sau quy đổi"
/// (the deficit is said in total points, the criterion's maximum in its own).
fn gain_text(step: &Step, lang: Lang) -> String {
    let gain = format_points(step.gain, lang);
    let own = format_points(step.points, lang);
    match lang {
        Lang::Vi if step.points != 0 && step.points != step.gain => {
            format!("+{own} điểm, tức {gain} điểm sau quy đổi")
        }
        Lang::En if step.points != 0 && step.points != step.gain => {
            format!("+{own} points, {gain} after rescaling")
        }
        Lang::Vi => format!("+{gain} điểm"),
        Lang::En => format!("+{gain} points"),
    }
}

/// A missing-evidence step as this year's work: "Bổ sung minh chứng cho “…” (+10 điểm ngay
/// năm nay)".
pub fn describe_evidence_step(catalog: &Catalog, step: &Step, lang: Lang) -> String {
    let name = catalog
        .tiers
        .iter()
        .flat_map(|t| t.criteria.iter())
        .find(|c| c.id == step.criterion)
        .map(|c| c.text.get(lang).to_string())
        .unwrap_or_default();
    let gain = gain_text(step, lang);
    match lang {
        Lang::Vi => format!("Bổ sung minh chứng cho “{name}” ({gain} ngay năm nay)"),
        Lang::En => format!("Add the evidence for “{name}” ({gain} this year)"),
    }
}

fn describe_action(criterion: &Criterion, action: &Action, lang: Lang) -> String {
    let int = |n| format_int(n, lang);
    match (action, lang) {
        (Action::Answer, Lang::Vi) => "Trả lời tiêu chí (được tối đa)".into(),
        (Action::Answer, Lang::En) => "Answer the criterion (at most)".into(),
        (Action::Fix, Lang::Vi) => "Sửa lỗi trong câu trả lời".into(),
        (Action::Fix, Lang::En) => "Correct the answer's error".into(),
        (Action::AddEvidence { then: None }, Lang::Vi) => "Bổ sung minh chứng".into(),
        (Action::AddEvidence { then: None }, Lang::En) => "Add the evidence".into(),
        (Action::AddEvidence { then: Some(next) }, Lang::Vi) => {
            format!(
                "Bổ sung minh chứng và {}",
                lower_first(&describe_action(criterion, next, lang))
            )
        }
        (Action::AddEvidence { then: Some(next) }, Lang::En) => {
            format!(
                "Add the evidence and {}",
                lower_first(&describe_action(criterion, next, lang))
            )
        }
        (
            Action::RaiseNumerator {
                more,
                numerator,
                denominator,
            },
            _,
        ) => {
            let label = match &criterion.measure {
                Measure::Ratio { numerator, .. } => numerator.get(lang).to_string(),
                _ => String::new(),
            };
            // "Reach at least X%": X is rounded up to the 0,01%, so that reaching the printed
            // share always means reaching the numerator (rounded down, 69,97% for 1,235 of
            // 1,765 would let 1,234 pass as enough).
            let den = u128::from((*denominator).max(1));
            let share = crate::units::format_share(
                (u128::from(*numerator) * u128::from(FULL_SHARE)).div_ceil(den) as u32,
                lang,
            );
            // A measure for next year (a share to reach), with this year's figures as the
            // reference; never "raise this year's number" (review M1).
            let now = numerator.saturating_sub(*more);
            match lang {
                Lang::Vi => format!(
                    "Đạt tỷ lệ từ {share} cho “{label}” (năm nay {}/{}; với cùng tổng số là thêm {})",
                    int(now),
                    int(*denominator),
                    int(*more)
                ),
                Lang::En => format!(
                    "Reach a share of at least {share} for “{label}” (this year {} of {}; with the same total, {} more)",
                    int(now),
                    int(*denominator),
                    int(*more)
                ),
            }
        }
        (Action::Do, Lang::Vi) => "Thực hiện nội dung của tiêu chí".into(),
        (Action::Do, Lang::En) => "Do what the criterion asks".into(),
        (Action::ReachLevel { level }, _) => {
            let name = crate::explain::level_name(criterion, level, lang);
            match lang {
                Lang::Vi => format!("Đạt mức “{name}”"),
                Lang::En => format!("Reach the level “{name}”"),
            }
        }
        (Action::RaiseCount { more, count }, _) => {
            let unit = match &criterion.measure {
                Measure::Count { unit, .. } => unit.get(lang).to_string(),
                _ => String::new(),
            };
            match lang {
                Lang::Vi => format!("Thêm {} {unit} (lên {})", int(*more), int(*count)),
                Lang::En => format!("Add {} more {unit} (to {})", int(*more), int(*count)),
            }
        }
        (Action::ReachMaturity { level }, _) => {
            let name = crate::explain::maturity_name(*level, lang);
            match lang {
                Lang::Vi => format!("Đạt mức độ chuyển đổi số {level} ({name})"),
                Lang::En => format!("Reach digital-maturity level {level} ({name})"),
            }
        }
    }
}

/// Lower-cases the first letter of one of our own action sentences, which all begin with an
/// ASCII letter or "Đ". (`char::to_lowercase` would bring Unicode's case tables, about 10 KB,
/// into the browser app for this one use.)
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some('Đ') => std::iter::once('đ').chain(chars).collect(),
        Some(first) => std::iter::once(first.to_ascii_lowercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::lower_first;

    #[test]
    fn lowers_the_first_letter_of_our_sentences() {
        assert_eq!(lower_first("Đạt mức “A”"), "đạt mức “A”");
        assert_eq!(lower_first("Tăng “B” thêm 5"), "tăng “B” thêm 5");
        assert_eq!(lower_first("Raise “C”"), "raise “C”");
        assert_eq!(lower_first(""), "");
    }
}

/// How the plan reads, on screen and in `tdg score`: decided once, here.
pub mod words {
    use crate::text::Lang;

    fn pick(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    pub fn before_signing(lang: Lang) -> &'static str {
        pick(lang, "Trước khi ký", "Before signing")
    }

    pub fn before_signing_intro(lang: Lang) -> &'static str {
        pick(
            lang,
            "Việc của năm nay: tiêu chí đã trả lời nhưng thiếu minh chứng bắt buộc được 0 điểm cho đến khi bổ sung.",
            "This year's work: a criterion answered without its required evidence scores 0 until the evidence is added.",
        )
    }

    pub fn next_year(lang: Lang) -> &'static str {
        pick(lang, "Năm sau", "Next year")
    }

    pub fn unsettled(lang: Lang) -> &'static str {
        pick(
            lang,
            "Các việc cần làm cho năm sau hiện ra khi mọi tiêu chí đã được trả lời (hoặc chọn “không áp dụng”) và không còn câu trả lời cần sửa.",
            "The measures for next year appear once every criterion is answered (or marked “not applicable”) and nothing is left to correct.",
        )
    }

    pub fn tier_ends(lang: Lang) -> &'static str {
        pick(
            lang,
            "Cấp này không còn trong các năm sau, nên không có việc cần làm cho năm sau.",
            "This tier does not exist in the following years, so there are no measures for next year.",
        )
    }

    pub fn top(lang: Lang) -> &'static str {
        pick(
            lang,
            "Năm sau: giữ mức cao nhất",
            "Next year: keep the top band",
        )
    }

    pub fn at_top(lang: Lang) -> &'static str {
        pick(
            lang,
            "Kết quả đang ở mức cao nhất.",
            "The result is in the top band.",
        )
    }

    pub fn unreachable(lang: Lang) -> &'static str {
        pick(
            lang,
            "Không thể đạt mức này chỉ bằng điểm tiêu chí (có điểm trừ).",
            "This band cannot be reached through the criteria alone (a penalty applies).",
        )
    }

    pub fn honest(lang: Lang) -> &'static str {
        pick(
            lang,
            "Đây là những việc cần làm để cải thiện trong năm tới, không phải số liệu để điều chỉnh: số liệu năm nay phải đúng thực tế.",
            "These are measures to take to improve over the coming year, not figures to adjust: this year's figures must be what happened.",
        )
    }

    pub fn title(band: &str, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("Năm sau, để đạt mức tự chấm “{band}”"),
            Lang::En => format!("Next year, to reach the self-assessed band “{band}”"),
        }
    }

    pub fn intro(deficit: &str, lang: Lang) -> String {
        match lang {
            Lang::Vi => {
                format!("Cần thêm {deficit} điểm. Những việc ít nhất cần làm được trong năm tới:")
            }
            Lang::En => format!(
                "{deficit} more points needed. The fewest measures to take over the coming year:"
            ),
        }
    }
}
