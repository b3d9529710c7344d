//! The one scoring implementation (design invariant 1): the browser, `tdg` and the verifier all
//! call [`score`] over the same catalog.

use crate::answer::{Answer, AnswerSheet, EvidenceDefect};
use crate::catalog::{
    BonusCondition, Catalog, Criterion, EvidenceRule, Measure, PenaltyCondition, Tier, Timing,
    MAX_MATURITY,
};
use crate::units::{BasisPoints, MilliPoints, FULL_SHARE};
use serde::{Deserialize, Serialize};

/// Errors that stop scoring altogether: the sheet does not fit the catalog.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScoreError {
    #[error("tier '{0}' is not in the catalog")]
    UnknownTier(String),
    #[error("tier '{tier}' needs a variant: one of {choices}")]
    VariantRequired { tier: String, choices: String },
    #[error("'{variant}' is not a variant of tier '{tier}'")]
    UnknownVariant { tier: String, variant: String },
    #[error("the catalog does not serve the period {0}")]
    PeriodOutsideCatalog(i32),
    #[error("tier '{tier}' does not exist for the period {period}")]
    TierNotInPeriod { tier: String, period: i32 },
}

impl ScoreError {
    fn vietnamese(&self) -> String {
        match self {
            ScoreError::UnknownTier(t) => format!("Danh mục không có cấp '{t}'."),
            ScoreError::VariantRequired { tier, choices } => {
                format!("Cấp '{tier}' cần chọn phân loại: {choices}.")
            }
            ScoreError::UnknownVariant { tier, variant } => {
                format!("'{variant}' không phải là phân loại của cấp '{tier}'.")
            }
            ScoreError::PeriodOutsideCatalog(p) => {
                format!("Danh mục này không áp dụng cho kỳ đánh giá năm {p}.")
            }
            ScoreError::TierNotInPeriod { tier, period } => {
                format!("Cấp '{tier}' không còn (hoặc chưa có) trong năm {period}.")
            }
        }
    }
}

/// Vietnamese from `vietnamese`, English from `Display`.
impl crate::Localized for ScoreError {
    fn message(&self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::Vi => self.vietnamese(),
            crate::Lang::En => self.to_string(),
        }
    }
}

/// A field-level problem in one answer. The criterion scores zero until it is fixed; nothing
/// is clamped silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerError {
    pub criterion: String,
    /// The field at fault: `numerator`, `level`, `evidence[1]`, or empty for the whole answer.
    pub field: String,
    pub issue: AnswerIssue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum AnswerIssue {
    /// The tier (or variant) has no criterion with this id.
    UnknownCriterion,
    /// A value field that this kind of criterion does not take.
    #[serde(rename_all = "camelCase")]
    FieldNotForKind {
        expected: String,
    },
    Negative,
    NumeratorAboveDenominator,
    #[serde(rename_all = "camelCase")]
    UnknownLevel {
        level: String,
    },
    #[serde(rename_all = "camelCase")]
    MaturityOutOfRange {
        value: i64,
    },
    NoDocumentNumber,
    NotALink,
    BadFileHash,
    /// "Not applicable" on a criterion whose catalog entry does not allow it.
    NotApplicableNotAllowed,
    /// "Not applicable" without the reason the catalog requires.
    NotApplicableReasonMissing,
    /// "Not applicable" and a value at the same time.
    NotApplicableWithValue,
    /// 0 of 0: nothing to measure earns nothing (a commune with no work files would otherwise
    /// get the criterion's full points). Where the catalog allows it, the unit marks the
    /// criterion "not applicable" with its reason instead.
    EmptyDenominator,
}

/// What happened to one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// No answer yet. Unanswered is not zero: the result is provisional while any is open.
    Open,
    /// Partly answered (e.g. numerator without denominator).
    Incomplete,
    /// The answer has a field-level error.
    Invalid,
    /// Answered, but the required evidence is missing: no points until it is given.
    MissingEvidence,
    Scored,
    /// Answered "không áp dụng" where the catalog allows it: its maximum leaves the total.
    NotApplicable,
}

/// The figures behind a criterion's points, for the explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Basis {
    None,
    #[serde(rename_all = "camelCase")]
    Ratio {
        numerator: u64,
        denominator: u64,
        share: BasisPoints,
        target: BasisPoints,
    },
    /// "Không áp dụng", with the unit's reason.
    #[serde(rename_all = "camelCase")]
    NotApplicable {
        reason: String,
    },
    #[serde(rename_all = "camelCase")]
    YesNo {
        yes: bool,
    },
    #[serde(rename_all = "camelCase")]
    Level {
        level: String,
        share: BasisPoints,
    },
    #[serde(rename_all = "camelCase")]
    Count {
        count: u64,
        target: u32,
    },
    #[serde(rename_all = "camelCase")]
    Maturity {
        level: u8,
        target: u8,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CriterionResult {
    pub id: String,
    pub group: String,
    pub max: MilliPoints,
    /// Points awarded.
    pub points: MilliPoints,
    /// Points the answer is worth once its evidence is given (equal to `points` otherwise).
    pub potential: MilliPoints,
    pub status: Status,
    pub basis: Basis,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupResult {
    pub id: String,
    pub points: MilliPoints,
    pub max: MilliPoints,
}

/// A bonus or penalty line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Adjustment {
    pub rule: String,
    pub points: MilliPoints,
    /// How many times the rule applied (criteria exceeding their target, for example).
    pub times: u32,
}

/// The whole result of scoring one answer sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    pub tier: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    pub period: i32,
    pub criteria: Vec<CriterionResult>,
    pub groups: Vec<GroupResult>,
    /// Sum of the criteria's points, out of 100; rescaled over the applicable maximum when
    /// some criteria are "not applicable" (see `rescaled`).
    pub base: MilliPoints,
    /// "Tỷ lệ điểm đạt" (share of points achieved): the base as a 0–1 value in millionths.
    /// Not the national DTI index, whatever the scale they share.
    pub index: u32,
    /// Present when some criteria are "not applicable": how the base was rescaled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rescaled: Option<Rescaled>,
    pub bonus: Vec<Adjustment>,
    /// Sum of bonus lines, capped by the catalog.
    pub bonus_total: MilliPoints,
    pub penalties: Vec<Adjustment>,
    pub penalty_total: MilliPoints,
    /// base + bonus − penalties, never below zero.
    pub total: MilliPoints,
    pub band: String,
    /// Criteria still open or incomplete: the band may still change.
    pub open: u32,
    pub answered: u32,
    /// Criteria answered but without their required evidence.
    pub missing_evidence: u32,
    /// Criteria answered "not applicable" (counted in `answered` too).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub not_applicable: u32,
    pub errors: Vec<AnswerError>,
    /// Whether the report is on time; `None` when no submission date is known or the deadline
    /// does not bind the tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_time: Option<bool>,
}

/// How a base was rescaled because some criteria do not apply:
/// `base = round_half_up(unscaled_base × full_max / applicable_max)`, in milli-points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rescaled {
    /// The maximum of every criterion of the tier (and variant): 100 points.
    pub full_max: MilliPoints,
    /// The maximum of the criteria that apply.
    pub applicable_max: MilliPoints,
    /// The sum of the criteria's points before rescaling.
    pub unscaled_base: MilliPoints,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// `value × full / applicable`, rounded half up, in exact integers; 0 when nothing applies.
pub fn rescale(value: MilliPoints, full: MilliPoints, applicable: MilliPoints) -> MilliPoints {
    if applicable == 0 {
        return 0;
    }
    let num = 2 * u128::from(value) * u128::from(full) + u128::from(applicable);
    let den = 2 * u128::from(applicable);
    // value ≤ applicable ≤ full for a valid catalog, so this fits; saturate anyway.
    u32::try_from(num / den).unwrap_or(u32::MAX)
}

impl Assessment {
    pub fn is_provisional(&self) -> bool {
        self.open > 0
    }

    /// Criteria whose answer has an error (scored 0 until corrected).
    pub fn to_correct(&self) -> u32 {
        self.criteria
            .iter()
            .filter(|c| c.status == Status::Invalid)
            .count() as u32
    }

    /// The band, once every criterion is answered (or marked not applicable) and none is in
    /// error; `None` before that. The total is computed all along, but a band given at 0 of 8
    /// answered ("Không hoàn thành nhiệm vụ" in red on a blank page) judges answers that are
    /// not there yet. (`band` itself stays in the signed results, as computed.)
    pub fn settled_band(&self) -> Option<&str> {
        (self.open == 0 && self.to_correct() == 0).then_some(self.band.as_str())
    }

    pub fn criterion(&self, id: &str) -> Option<&CriterionResult> {
        self.criteria.iter().find(|c| c.id == id)
    }
}

/// Finds the tier and checks that the sheet's variant and period fit it.
pub fn resolve_tier<'c>(catalog: &'c Catalog, sheet: &AnswerSheet) -> Result<&'c Tier, ScoreError> {
    let tier = catalog
        .tier(&sheet.tier)
        .ok_or_else(|| ScoreError::UnknownTier(sheet.tier.clone()))?;
    match (&sheet.variant, tier.variants.is_empty()) {
        (None, false) => {
            let ids: Vec<&str> = tier.variants.iter().map(|v| v.id.as_str()).collect();
            return Err(ScoreError::VariantRequired {
                tier: tier.id.clone(),
                choices: ids.join(", "),
            });
        }
        (Some(v), _) if tier.variant(v).is_none() => {
            return Err(ScoreError::UnknownVariant {
                tier: tier.id.clone(),
                variant: v.clone(),
            });
        }
        _ => {}
    }
    if !catalog.periods.contains(sheet.period) {
        return Err(ScoreError::PeriodOutsideCatalog(sheet.period));
    }
    if !tier.periods.contains(sheet.period) {
        return Err(ScoreError::TierNotInPeriod {
            tier: tier.id.clone(),
            period: sheet.period,
        });
    }
    Ok(tier)
}

/// Scores an answer sheet against a (validated) catalog.
pub fn score(catalog: &Catalog, sheet: &AnswerSheet) -> Result<Assessment, ScoreError> {
    let tier = resolve_tier(catalog, sheet)?;
    let variant = sheet.variant.as_deref();
    let mut errors = Vec::new();
    let criteria: Vec<CriterionResult> = tier
        .criteria_for(variant, sheet.period)
        .map(|c| {
            let measure = c.measure_for(sheet.period);
            score_criterion(c, &measure, sheet.answers.get(&c.id), &mut errors)
        })
        .collect();
    for id in sheet.answers.keys() {
        if !criteria.iter().any(|c| &c.id == id) {
            errors.push(AnswerError {
                criterion: id.clone(),
                field: String::new(),
                issue: AnswerIssue::UnknownCriterion,
            });
        }
    }
    let groups = group_subtotals(catalog, &criteria);
    let unscaled: MilliPoints = criteria.iter().map(|c| c.points).sum();
    let full_max: MilliPoints = criteria.iter().map(|c| c.max).sum();
    let applicable_max: MilliPoints = criteria
        .iter()
        .filter(|c| c.status != Status::NotApplicable)
        .map(|c| c.max)
        .sum();
    let (base, rescaled) = if applicable_max < full_max {
        let rescaled = Rescaled {
            full_max,
            applicable_max,
            unscaled_base: unscaled,
        };
        (rescale(unscaled, full_max, applicable_max), Some(rescaled))
    } else {
        (unscaled, None)
    };
    let timing = timing_of(catalog, tier, sheet);
    let bonus = bonus_lines(catalog, tier, sheet, &criteria, timing);
    let bonus_total = bonus
        .iter()
        .map(|b| b.points)
        .sum::<u32>()
        .min(catalog.bonus.cap);
    let penalties = penalty_lines(catalog, timing);
    let penalty_total: MilliPoints = penalties.iter().map(|p| p.points).sum();
    let total = (base + bonus_total).saturating_sub(penalty_total);
    let count = |f: &dyn Fn(Status) -> bool| criteria.iter().filter(|c| f(c.status)).count() as u32;
    Ok(Assessment {
        tier: tier.id.clone(),
        variant: sheet.variant.clone(),
        period: sheet.period,
        open: count(&|s| matches!(s, Status::Open | Status::Incomplete)),
        answered: count(&|s| {
            matches!(
                s,
                Status::Scored | Status::MissingEvidence | Status::NotApplicable
            )
        }),
        missing_evidence: count(&|s| s == Status::MissingEvidence),
        not_applicable: count(&|s| s == Status::NotApplicable),
        band: band_for(catalog, &tier.id, total),
        index: base.saturating_mul(10),
        rescaled,
        criteria,
        groups,
        base,
        bonus,
        bonus_total,
        penalties,
        penalty_total,
        total,
        errors,
        on_time: timing.and_then(|t| match t {
            Timing::NotBound => None,
            t => Some(!t.is_late()),
        }),
    })
}

/// The id of the highest band of `tier` whose minimum the total reaches.
pub fn band_for(catalog: &Catalog, tier: &str, total: MilliPoints) -> String {
    let bands = catalog.bands(tier);
    bands
        .iter()
        .find(|b| total >= b.min_points)
        .or(bands.last())
        .map(|b| b.id.clone())
        .unwrap_or_default()
}

fn group_subtotals(catalog: &Catalog, criteria: &[CriterionResult]) -> Vec<GroupResult> {
    catalog
        .groups
        .iter()
        .filter(|g| criteria.iter().any(|c| c.group == g.id))
        .map(|g| {
            let mine = criteria.iter().filter(|c| c.group == g.id);
            let (points, max) = mine.fold((0, 0), |(p, m), c| (p + c.points, m + c.max));
            GroupResult {
                id: g.id.clone(),
                points,
                max,
            }
        })
        .collect()
}

/// The sheet's standing against the deadline; `None` when no submission day is known.
fn timing_of(catalog: &Catalog, tier: &Tier, sheet: &AnswerSheet) -> Option<Timing> {
    sheet
        .submitted_on
        .map(|day| catalog.timing(&tier.id, sheet.period, day))
}

fn bonus_lines(
    catalog: &Catalog,
    tier: &Tier,
    sheet: &AnswerSheet,
    criteria: &[CriterionResult],
    timing: Option<Timing>,
) -> Vec<Adjustment> {
    let mut lines = Vec::new();
    for rule in &catalog.bonus.rules {
        let times = match rule.when {
            BonusCondition::EarlySubmission { days_before } => {
                u32::from(timing.is_some_and(|t| t.days_early() >= days_before))
            }
            BonusCondition::ExceedTarget {
                margin,
                min_denominator,
            } => exceeding_criteria(tier, sheet, criteria, margin, min_denominator),
            BonusCondition::Unknown => 0,
        };
        if times > 0 {
            lines.push(Adjustment {
                rule: rule.id.clone(),
                points: rule.points.saturating_mul(times),
                times,
            });
        }
    }
    lines
}

/// Ratio criteria, scored with evidence, whose target (for the period) is below 100%, whose
/// share reaches the target plus `margin` (100% at most) and whose denominator is at least
/// `min_denominator`.
fn exceeding_criteria(
    tier: &Tier,
    sheet: &AnswerSheet,
    criteria: &[CriterionResult],
    margin: BasisPoints,
    min_denominator: u64,
) -> u32 {
    let mut times = 0;
    for (criterion, result) in tier
        .criteria_for(sheet.variant.as_deref(), sheet.period)
        .zip(criteria)
    {
        if let (
            Measure::Ratio { target, .. },
            Basis::Ratio {
                share, denominator, ..
            },
            Status::Scored,
        ) = (
            &*criterion.measure_for(sheet.period),
            &result.basis,
            result.status,
        ) {
            let bar = (target + margin).min(FULL_SHARE);
            if *target < FULL_SHARE && *share >= bar && *denominator >= min_denominator {
                times += 1;
            }
        }
    }
    times
}

fn penalty_lines(catalog: &Catalog, timing: Option<Timing>) -> Vec<Adjustment> {
    catalog
        .penalties
        .iter()
        .filter(|p| match p.when {
            PenaltyCondition::LateSubmission => timing.is_some_and(Timing::is_late),
            PenaltyCondition::Unknown => false,
        })
        .map(|p| Adjustment {
            rule: p.id.clone(),
            points: p.points,
            times: 1,
        })
        .collect()
}

/// `max × num / den`, rounded down and capped at `max`. `den` must not be zero.
fn share_of(max: MilliPoints, num: u128, den: u128) -> MilliPoints {
    if den == 0 {
        return 0;
    }
    let points = u128::from(max) * num / den;
    points.min(u128::from(max)) as MilliPoints
}

/// A criterion's points before the evidence rule, or why there are none.
enum Valued {
    Open,
    Incomplete,
    Invalid,
    Worth(MilliPoints, Basis),
    NotApplicable(String),
}

fn score_criterion(
    criterion: &Criterion,
    measure: &Measure,
    answer: Option<&Answer>,
    errors: &mut Vec<AnswerError>,
) -> CriterionResult {
    let before = errors.len();
    let valued = match answer {
        None => Valued::Open,
        Some(a) if a.not_applicable.is_some() => not_applicable(criterion, a, errors),
        Some(a) => value_answer(criterion, measure, a, errors),
    };
    let evidence_ok = answer.is_some_and(|a| check_evidence(criterion, a, errors));
    let invalid = errors.len() > before;
    let (status, potential, basis) = match valued {
        _ if invalid => (Status::Invalid, 0, Basis::None),
        Valued::Open => (Status::Open, 0, Basis::None),
        Valued::Incomplete => (Status::Incomplete, 0, Basis::None),
        Valued::Invalid => (Status::Invalid, 0, Basis::None),
        Valued::NotApplicable(reason) => {
            (Status::NotApplicable, 0, Basis::NotApplicable { reason })
        }
        // A zero-point answer ("not done") needs no evidence: there is nothing to back.
        Valued::Worth(p, basis)
            if p == 0 || evidence_ok || criterion.evidence == EvidenceRule::Optional =>
        {
            (Status::Scored, p, basis)
        }
        Valued::Worth(p, basis) => (Status::MissingEvidence, p, basis),
    };
    CriterionResult {
        id: criterion.id.clone(),
        group: criterion.group.clone(),
        max: criterion.max_points,
        points: if status == Status::Scored {
            potential
        } else {
            0
        },
        potential,
        status,
        basis,
    }
}

/// True when the answer carries at least one usable piece of evidence; defects are errors.
fn check_evidence(criterion: &Criterion, answer: &Answer, errors: &mut Vec<AnswerError>) -> bool {
    let mut usable = false;
    for (i, e) in answer.evidence.iter().enumerate() {
        match e.defect() {
            None => usable = true,
            Some(defect) => errors.push(AnswerError {
                criterion: criterion.id.clone(),
                field: format!("evidence[{i}]"),
                issue: match defect {
                    EvidenceDefect::NoDocumentNumber => AnswerIssue::NoDocumentNumber,
                    EvidenceDefect::NotALink => AnswerIssue::NotALink,
                    EvidenceDefect::BadFileHash => AnswerIssue::BadFileHash,
                },
            }),
        }
    }
    usable
}

/// Records a field-level error of `criterion`'s answer: the answer is then invalid.
fn reject(
    errors: &mut Vec<AnswerError>,
    criterion: &Criterion,
    field: &str,
    issue: AnswerIssue,
) -> Valued {
    errors.push(AnswerError {
        criterion: criterion.id.clone(),
        field: field.into(),
        issue,
    });
    Valued::Invalid
}

/// An answer marked "not applicable": allowed by the catalog, with its reason, and no value.
fn not_applicable(criterion: &Criterion, a: &Answer, errors: &mut Vec<AnswerError>) -> Valued {
    let mut err = |field: &str, issue| reject(errors, criterion, field, issue);
    let reason = a
        .not_applicable
        .as_ref()
        .map(|n| n.reason.trim().to_string())
        .unwrap_or_default();
    let Some(rule) = &criterion.not_applicable else {
        return err("notApplicable", AnswerIssue::NotApplicableNotAllowed);
    };
    if let Some(field) = value_fields(a).find(|(_, set)| *set).map(|(f, _)| f) {
        return err(field, AnswerIssue::NotApplicableWithValue);
    }
    if rule.reason_required && reason.is_empty() {
        return err(
            "notApplicable.reason",
            AnswerIssue::NotApplicableReasonMissing,
        );
    }
    Valued::NotApplicable(reason)
}

fn value_answer(
    criterion: &Criterion,
    measure: &Measure,
    a: &Answer,
    errors: &mut Vec<AnswerError>,
) -> Valued {
    let mut err = |field: &str, issue| reject(errors, criterion, field, issue);
    if let Some(field) = foreign_field(measure, a) {
        let expected = expected_fields(measure).to_string();
        return err(field, AnswerIssue::FieldNotForKind { expected });
    }
    let max = criterion.max_points;
    match measure {
        Measure::Ratio { target, .. } => match (a.numerator, a.denominator) {
            (Some(n), _) if n < 0 => err("numerator", AnswerIssue::Negative),
            (_, Some(d)) if d < 0 => err("denominator", AnswerIssue::Negative),
            (Some(n), Some(d)) if n > d => err("numerator", AnswerIssue::NumeratorAboveDenominator),
            // 0 of 0 is never full points (issue 9 §2, review H3): the total must be above 0,
            // or, where the catalog allows it, the criterion is marked not applicable.
            (_, Some(0)) => err("denominator", AnswerIssue::EmptyDenominator),
            (Some(n), Some(d)) => {
                let (n, d) = (n as u64, d as u64);
                let share = (u128::from(n) * u128::from(FULL_SHARE) / u128::from(d)) as u32;
                let points = share_of(
                    max,
                    u128::from(n) * u128::from(FULL_SHARE),
                    u128::from(d) * u128::from(*target),
                );
                let basis = Basis::Ratio {
                    numerator: n,
                    denominator: d,
                    share,
                    target: *target,
                };
                Valued::Worth(points, basis)
            }
            (None, None) => Valued::Open,
            _ => Valued::Incomplete,
        },
        Measure::YesNo => match a.yes {
            Some(yes) => Valued::Worth(if yes { max } else { 0 }, Basis::YesNo { yes }),
            None => Valued::Open,
        },
        Measure::Levels { levels } => match &a.level {
            None => Valued::Open,
            Some(id) => match levels.iter().find(|l| &l.id == id) {
                Some(l) => Valued::Worth(
                    share_of(max, u128::from(l.share), u128::from(FULL_SHARE)),
                    Basis::Level {
                        level: l.id.clone(),
                        share: l.share,
                    },
                ),
                None => err("level", AnswerIssue::UnknownLevel { level: id.clone() }),
            },
        },
        Measure::Count { target, .. } => match a.count {
            None => Valued::Open,
            Some(n) if n < 0 => err("count", AnswerIssue::Negative),
            Some(n) => Valued::Worth(
                share_of(max, u128::from(n as u64), u128::from(*target)),
                Basis::Count {
                    count: n as u64,
                    target: *target,
                },
            ),
        },
        Measure::Maturity { target } => match a.maturity {
            None => Valued::Open,
            Some(n) if !(0..=i64::from(MAX_MATURITY)).contains(&n) => {
                err("maturity", AnswerIssue::MaturityOutOfRange { value: n })
            }
            Some(n) => Valued::Worth(
                share_of(max, n as u128, u128::from(*target)),
                Basis::Maturity {
                    level: n as u8,
                    target: *target,
                },
            ),
        },
        Measure::Unknown => Valued::Open,
    }
}

/// Each value field of an answer and whether it is filled in.
fn value_fields(a: &Answer) -> impl Iterator<Item = (&'static str, bool)> {
    [
        ("numerator", a.numerator.is_some()),
        ("denominator", a.denominator.is_some()),
        ("yes", a.yes.is_some()),
        ("level", a.level.is_some()),
        ("count", a.count.is_some()),
        ("maturity", a.maturity.is_some()),
    ]
    .into_iter()
}

/// The first value field filled in that the criterion's kind does not take.
fn foreign_field(measure: &Measure, a: &Answer) -> Option<&'static str> {
    let allowed = expected_fields(measure);
    value_fields(a)
        .find(|(name, set)| *set && !allowed.split(" + ").any(|x| x == *name))
        .map(|(name, _)| name)
}

fn expected_fields(measure: &Measure) -> &'static str {
    match measure {
        Measure::Ratio { .. } => "numerator + denominator",
        Measure::YesNo => "yes",
        Measure::Levels { .. } => "level",
        Measure::Count { .. } => "count",
        Measure::Maturity { .. } => "maturity",
        Measure::Unknown => "",
    }
}
