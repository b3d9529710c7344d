//! The criteria catalog: tiers, criteria, targets, weights, bands, bonus and penalty rules, the
//! receiving office and the deadline. It is data (design invariant 3): the office publishes a new
//! catalog file without a code change. `docs/catalog.md` documents every field.

mod raw;
mod validate;

pub use validate::{CatalogError, CatalogProblem};

use crate::text::Text;
use crate::units::{BasisPoints, MilliPoints};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Catalog {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub legal_references: Vec<LegalReference>,
    /// The reporting years this catalog serves.
    pub periods: YearRange,
    /// What the app tells users about the periods (e.g. that 2026 uses the 2025 targets as floor).
    #[serde(default)]
    pub period_note: Text,
    /// Who receives the reports, by period: the office changed in 2025.
    pub offices: Vec<Office>,
    pub deadline: Deadline,
    pub bands: Vec<Band>,
    pub bonus: BonusRules,
    pub penalties: Vec<PenaltyRule>,
    /// The content areas of the plan's section II.
    pub groups: Vec<Group>,
    pub tiers: Vec<Tier>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LegalReference {
    pub number: String,
    pub date: crate::date::Date,
    pub title: Text,
}

/// Inclusive range of reporting years; `to: None` means open-ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct YearRange {
    pub from: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<i32>,
}

impl YearRange {
    pub fn contains(&self, year: i32) -> bool {
        year >= self.from && self.to.is_none_or(|to| year <= to)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Office {
    pub name: Text,
    pub periods: YearRange,
}

/// Reports for year Y are due *before* `day/month` of year Y (plan VI.5: "trước ngày 01/12").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Deadline {
    pub before_day: u8,
    pub before_month: u8,
    pub provenance: Provenance,
    /// The tiers the deadline binds: only their reports earn the early bonus or the late
    /// penalty. Enterprises and individuals are put forward through a unit, not due by a date.
    pub binds: DeadlineBinds,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeadlineBinds {
    pub tiers: Vec<String>,
    pub provenance: Provenance,
}

/// How a day stands against the reporting deadline, for one tier and period: the one timing
/// rule that scoring, verification, the app and `tdg` share.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "status")]
pub enum Timing {
    /// The deadline does not bind this tier: no early bonus, no late penalty.
    NotBound,
    /// Before the deadline day; `days_early` (at least 1) days from the day to the deadline day.
    #[serde(rename_all = "camelCase")]
    OnTime { days_early: u32 },
    /// On or after the deadline day; `days_late` is 1 on the deadline day itself (a report due
    /// "before 01/12" and sent on 01/12 is one day late).
    #[serde(rename_all = "camelCase")]
    Late { days_late: u32 },
}

impl Timing {
    pub fn is_late(self) -> bool {
        matches!(self, Timing::Late { .. })
    }

    /// Days before the deadline day, 0 when late or not bound.
    pub fn days_early(self) -> u32 {
        match self {
            Timing::OnTime { days_early } => days_early,
            _ => 0,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Band {
    pub id: String,
    pub name: Text,
    /// Lowest final total (bonus and penalties included) that reaches this band.
    pub min_points: MilliPoints,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BonusRules {
    /// No unit gets more bonus than this, whatever the rules add up to.
    pub cap: MilliPoints,
    pub rules: Vec<BonusRule>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BonusRule {
    pub id: String,
    pub name: Text,
    pub when: BonusCondition,
    pub points: MilliPoints,
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    rename_all = "camelCase",
    tag = "kind",
    try_from = "raw::RawBonusCondition"
)]
pub enum BonusCondition {
    /// Submitted at least this many days before the deadline.
    #[serde(rename_all = "camelCase")]
    EarlySubmission { days_before: u32 },
    /// For each ratio criterion whose target is below 100% and whose share reaches the target
    /// plus this margin (or 100%): `points` once per such criterion.
    #[serde(rename_all = "camelCase")]
    ExceedTarget { margin: BasisPoints },
    #[serde(other)]
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PenaltyRule {
    pub id: String,
    pub name: Text,
    pub when: PenaltyCondition,
    pub points: MilliPoints,
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    rename_all = "camelCase",
    tag = "kind",
    from = "raw::RawPenaltyCondition"
)]
pub enum PenaltyCondition {
    /// Submitted on or after the deadline day.
    LateSubmission,
    #[serde(other)]
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub name: Text,
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Tier {
    pub id: String,
    pub name: Text,
    /// Who belongs to the tier, in the plan's words and today's (e.g. xã, phường, đặc khu).
    pub members: Text,
    pub provenance: Provenance,
    pub periods: YearRange,
    /// Empty when the tier has no variants; otherwise a unit picks exactly one.
    #[serde(default)]
    pub variants: Vec<Variant>,
    pub criteria: Vec<Criterion>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Variant {
    pub id: String,
    pub name: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub group: String,
    /// The variants this criterion applies to; empty means all of the tier's variants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    pub text: Text,
    pub help: Text,
    pub measure: Measure,
    pub max_points: MilliPoints,
    pub evidence: EvidenceRule,
    pub provenance: Provenance,
    /// What this project chose for a criterion the plan states (target, levels, evidence):
    /// the plan gives targets, never points or grades, so those are the default model.
    #[serde(default, skip_serializing_if = "Text::is_blank")]
    pub model_note: Text,
}

/// How a criterion is answered and how its achievement is measured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", try_from = "raw::RawMeasure")]
pub enum Measure {
    /// Two counts, numerator of denominator, against a target share.
    #[serde(rename_all = "camelCase")]
    Ratio {
        target: BasisPoints,
        numerator: Text,
        denominator: Text,
    },
    /// Done or not done.
    YesNo,
    /// Graded answers, each worth a share of the maximum.
    #[serde(rename_all = "camelCase")]
    Levels { levels: Vec<Level> },
    /// A count against a target count.
    #[serde(rename_all = "camelCase")]
    Count { target: u32, unit: Text },
    /// Digital-maturity level 0–5 of Decision 1970/QĐ-BTTTT, against a target level.
    #[serde(rename_all = "camelCase")]
    Maturity { target: u8 },
    /// A kind this version of the tool does not know: always refused by validation.
    #[serde(other)]
    Unknown,
}

impl Measure {
    pub fn kind_name(&self) -> &'static str {
        match self {
            Measure::Ratio { .. } => "ratio",
            Measure::YesNo => "yesNo",
            Measure::Levels { .. } => "levels",
            Measure::Count { .. } => "count",
            Measure::Maturity { .. } => "maturity",
            Measure::Unknown => "unknown",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub name: Text,
    /// Share of the maximum points this answer earns.
    pub share: BasisPoints,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum EvidenceRule {
    /// No points until at least one piece of evidence is given (DTI practice).
    Required,
    Optional,
}

/// Where a criterion, target, rule or group comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    rename_all = "camelCase",
    tag = "source",
    try_from = "raw::RawProvenance"
)]
pub enum Provenance {
    /// Stated by Plan 175/KH-UBND, in the given section, with the plan's own words.
    #[serde(rename_all = "camelCase")]
    Plan { section: String, quote: String },
    /// Chosen by this project because the plan sets no such thing; the reason says why.
    #[serde(rename_all = "camelCase")]
    DefaultModel { reason: Text },
}

impl Provenance {
    pub fn is_plan(&self) -> bool {
        matches!(self, Provenance::Plan { .. })
    }
}

/// Names of the maturity levels of Decision 1970/QĐ-BTTTT (national enterprise index).
pub const MATURITY_LEVELS: [(&str, &str); 6] = [
    ("Chưa bắt đầu", "Not started"),
    ("Khởi động", "Starting"),
    ("Bắt đầu", "Beginning"),
    ("Hình thành", "Forming"),
    ("Nâng cao", "Advanced"),
    ("Dẫn dắt", "Leading"),
];
pub const MAX_MATURITY: u8 = 5;

impl Catalog {
    /// Parses and validates a catalog file; every problem found is listed.
    pub fn from_json(bytes: &[u8]) -> Result<Catalog, CatalogError> {
        let text = std::str::from_utf8(bytes).map_err(|e| CatalogError::NotUtf8 {
            offset: e.valid_up_to(),
        })?;
        let catalog: Catalog = serde_json::from_str(text).map_err(|e| CatalogError::Syntax {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        let problems = catalog.problems();
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(CatalogError::Invalid(problems))
        }
    }

    pub fn tier(&self, id: &str) -> Option<&Tier> {
        self.tiers.iter().find(|t| t.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The office that receives reports for `year`, if the catalog names one.
    pub fn office_for(&self, year: i32) -> Option<&Office> {
        self.offices.iter().find(|o| o.periods.contains(year))
    }

    /// The first day on which a report for `year` is late.
    pub fn deadline_for(&self, year: i32) -> Option<crate::date::Date> {
        crate::date::Date::new(year, self.deadline.before_month, self.deadline.before_day)
    }

    /// Whether the reporting deadline binds `tier` (and so its bonus and penalty apply).
    pub fn deadline_binds(&self, tier: &str) -> bool {
        self.deadline.binds.tiers.iter().any(|t| t == tier)
    }

    /// How a report of `tier` for `period`, sent on `day`, stands against the deadline.
    pub fn timing(&self, tier: &str, period: i32, day: crate::date::Date) -> Timing {
        let Some(deadline) = self
            .deadline_for(period)
            .filter(|_| self.deadline_binds(tier))
        else {
            return Timing::NotBound;
        };
        let before = deadline.days_since_epoch() - day.days_since_epoch();
        // Days between two dates of this calendar fit in u32 many times over; saturate anyway.
        let days = |d: i64| u32::try_from(d).unwrap_or(u32::MAX);
        if before > 0 {
            Timing::OnTime {
                days_early: days(before),
            }
        } else {
            Timing::Late {
                days_late: days(1 - before),
            }
        }
    }
}

impl Tier {
    /// The criteria that apply to `variant` (all of them when the tier has no variants).
    pub fn criteria_for<'a>(
        &'a self,
        variant: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Criterion> + 'a {
        self.indexed_criteria_for(variant).map(|(_, c)| c)
    }

    /// The same, with each criterion's position in `criteria`.
    pub fn indexed_criteria_for<'a>(
        &'a self,
        variant: Option<&'a str>,
    ) -> impl Iterator<Item = (usize, &'a Criterion)> + 'a {
        self.criteria
            .iter()
            .enumerate()
            .filter(move |(_, c)| match variant {
                Some(v) => c.variants.is_empty() || c.variants.iter().any(|x| x == v),
                None => true,
            })
    }

    pub fn variant(&self, id: &str) -> Option<&Variant> {
        self.variants.iter().find(|v| v.id == id)
    }
}
