//! The criteria catalog: tiers, criteria, targets, weights, bands, bonus and penalty rules, the
//! receiving office and the deadline. It is data (design invariant 3): the office publishes a new
//! catalog file without a code change. `docs/catalog.md` documents every field.

mod raw;
mod read;
mod validate;

pub use validate::{CatalogError, CatalogIssue, CatalogProblem, Expected};

use crate::text::Text;
use crate::units::{BasisPoints, MilliPoints};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Catalog {
    pub id: String,
    pub version: String,
    pub title: Text,
    /// The document this catalog implements and cites (plan number, date, how to cite it):
    /// a phase-2 catalog with another basis prints correctly with no code change.
    pub basis: LegalBasis,
    pub legal_references: Vec<LegalReference>,
    /// The reporting years this catalog serves.
    pub periods: YearRange,
    /// What the app tells users about the periods (e.g. that 2026 uses the 2025 targets as floor).
    #[serde(default)]
    pub period_note: Text,
    /// Who receives the reports, by period: the office changed in 2025.
    pub offices: Vec<Office>,
    pub deadline: Deadline,
    /// The standing office's own deadline for the city-wide summary (plan VI.3: before 31/12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_deadline: Option<OfficeDeadline>,
    /// The classification bands, one set per group of tiers (every tier in exactly one set).
    pub band_sets: Vec<BandSet>,
    pub bonus: BonusRules,
    pub penalties: Vec<PenaltyRule>,
    /// The content areas of the plan's section II.
    pub groups: Vec<Group>,
    pub tiers: Vec<Tier>,
    /// The emulation clusters (cụm) and blocks (khối) a unit is ranked in, listed only where a
    /// source lists them; empty otherwise (then `emulation_groups_note` says why).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emulation_groups: Vec<EmulationGroup>,
    #[serde(default, skip_serializing_if = "Text::is_blank")]
    pub emulation_groups_note: Text,
    /// How the office orders units with the same total; absent: tied units share a rank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ranking: Option<Ranking>,
}

/// The rules that order units with the same total, in the order they apply. The plan sets
/// none: they are the default model, kept here so an office changes them without a rebuild.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Ranking {
    pub tie_breakers: Vec<TieBreaker>,
    pub provenance: Provenance,
}

/// A rule that orders two units with the same total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TieBreaker {
    /// More criteria at their target ranks first.
    TargetsMet,
    /// Received earlier ranks first; units without a received date are not separated by it.
    EarlierReceipt,
}

impl TieBreaker {
    /// The rule's name in the catalog file.
    pub fn id(self) -> &'static str {
        match self {
            TieBreaker::TargetsMet => "targetsMet",
            TieBreaker::EarlierReceipt => "earlierReceipt",
        }
    }
}

impl Catalog {
    /// The tie-breakers in the order they apply (none when the catalog sets none).
    pub fn tie_breakers(&self) -> &[TieBreaker] {
        self.ranking.as_ref().map_or(&[], |r| &r.tie_breakers)
    }
}

/// The document a catalog implements, and how to cite it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LegalBasis {
    /// Number and symbol, e.g. `175/KH-UBND`.
    pub number: String,
    pub date: crate::date::Date,
    /// Who issued it, e.g. "Ủy ban nhân dân thành phố Hải Phòng".
    pub issuer: Text,
    /// Its full title (trích yếu).
    pub title: Text,
    /// A short title for headings, e.g. "Kế hoạch phát động phong trào thi đua chuyển đổi số".
    pub short_title: Text,
    /// How the document is named in a citation: "Kế hoạch số 175/KH-UBND", "Plan No. 175/KH-UBND".
    pub cite_as: Text,
}

/// The standing office's own deadline: its city-wide summary is due before this day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OfficeDeadline {
    pub before_day: u8,
    pub before_month: u8,
    /// To whom the summary goes, e.g. "Ủy ban nhân dân thành phố (qua Ban Thi đua - Khen thưởng)".
    pub to: Text,
    pub provenance: Provenance,
}

/// Bands for some tiers, with where they come from and an optional caveat the print and the
/// summary show beside the band (e.g. that a state unit's self-score is not its official
/// quality classification).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BandSet {
    pub id: String,
    pub tiers: Vec<String>,
    /// From the highest minimum down; the last starts at 0. Band ids are unique in the catalog.
    pub bands: Vec<Band>,
    #[serde(default, skip_serializing_if = "Text::is_blank")]
    pub caveat: Text,
    pub provenance: Provenance,
}

/// An emulation cluster (cụm) or block (khối): the group a unit is ranked in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmulationGroup {
    pub id: String,
    pub kind: EmulationGroupKind,
    pub name: Text,
    /// The tiers whose units belong to it.
    pub tiers: Vec<String>,
    pub periods: YearRange,
    pub provenance: Provenance,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum EmulationGroupKind {
    /// Cụm thi đua (communes, wards, special zones).
    Cluster,
    /// Khối thi đua (departments and organisations).
    Block,
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
    /// The tiers this entry is for; empty means every tier without an entry of its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<String>,
    /// When the unit does not address the office directly: the body it sends its report
    /// through (the print's "Kính gửi"), e.g. its district in 2022–2024.
    #[serde(default, skip_serializing_if = "Text::is_blank")]
    pub via: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

impl Office {
    /// Whom the unit addresses its report to: `via` when set, else the office itself.
    pub fn addressee(&self) -> &Text {
        if self.via.is_blank() {
            &self.name
        } else {
            &self.via
        }
    }
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
    /// For each ratio criterion whose target is below 100%, whose share reaches the target
    /// plus this margin (or 100%) and whose denominator is at least `min_denominator`:
    /// `points` once per such criterion (one inspection out of one is not "exceeding").
    #[serde(rename_all = "camelCase")]
    ExceedTarget {
        margin: BasisPoints,
        min_denominator: u64,
    },
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
    /// The tier's name for some periods, when it differs from `name` (the commune tier is
    /// "xã, phường, thị trấn" to 2024 and "xã, phường, đặc khu" from 2025).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<PeriodName>,
    /// Who belongs to the tier, in the plan's words and today's (e.g. xã, phường, đặc khu).
    pub members: Text,
    pub provenance: Provenance,
    /// How the plan applies to this tier where that needs saying (e.g. section IV.1.a and
    /// the districts).
    #[serde(default, skip_serializing_if = "Text::is_blank")]
    pub note: Text,
    /// Whether candidates of this tier are put forward with a report of achievements (báo cáo
    /// thành tích) signed by the person and confirmed by the head of the unit: individuals.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub achievements_report: bool,
    /// What the start screen asks of a unit of this tier, in its own words ("Họ và tên" for a
    /// person, "Tên doanh nghiệp" for an enterprise) and whether it names a cluster or block.
    /// Absent: the generic "Tên đơn vị", "Mã đơn vị", "Cụm, khối thi đua".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_fields: Option<UnitFields>,
    /// The signature block a unit of this tier usually prints, offered in the print's form
    /// until the unit types its own. Absent: nothing is suggested (a person signs in person).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<SignerSuggestion>,
    pub periods: YearRange,
    /// Empty when the tier has no variants; otherwise a unit picks exactly one.
    #[serde(default)]
    pub variants: Vec<Variant>,
    pub criteria: Vec<Criterion>,
}

/// The labels of a tier's unit fields. The values are stored the same way for every tier
/// (`UnitInfo`: name, code, group); only what they are called changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UnitFields {
    /// What the one who reports is called on the screens: the first step's name and heading,
    /// and where signing asks for it ("Doanh nghiệp", "Người báo cáo"). Blank: "Đơn vị".
    #[serde(default, skip_serializing_if = "Text::is_blank")]
    pub title: Text,
    pub name: Text,
    pub code: Text,
    /// What the code is, for the field's hint (e.g. that an enterprise's code is its tax code).
    #[serde(default, skip_serializing_if = "Text::is_blank")]
    pub code_hint: Text,
    /// The cluster or block field's label, by period. A period with no entry has no such field:
    /// enterprises and individuals are put forward by their unit, not ranked in a cluster.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group: Vec<PeriodName>,
    pub provenance: Provenance,
}

/// The usual signature block of a tier's report under the signing conventions of Decree
/// 30/2020/NĐ-CP (a commune's People's Committee, a collective body, signs "TM. ỦY BAN NHÂN
/// DÂN / CHỦ TỊCH"; a department's director signs in their own name). Printed in Vietnamese
/// whatever the screen's language, as the paper is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignerSuggestion {
    #[serde(default)]
    pub authority: crate::draft::Authority,
    /// After the abbreviation: "ỦY BAN NHÂN DÂN" in "TM. ỦY BAN NHÂN DÂN".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub on_behalf_of: String,
    pub position: String,
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PeriodName {
    pub periods: YearRange,
    pub name: Text,
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
    /// The reporting years this criterion is assessed in; empty means every year of its tier
    /// (the phase-1 review, khoản 1 Mục III, is assessed in 2025 only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<YearRange>,
    pub text: Text,
    pub help: Text,
    pub measure: Measure,
    /// Targets for some periods that replace the measure's own `target` (ratio, count and
    /// maturity only). Periods not listed use the measure's target.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<PeriodTarget>,
    pub max_points: MilliPoints,
    pub evidence: EvidenceRule,
    /// Present when a unit may answer "không áp dụng" (not applicable): its maximum then leaves
    /// the total, which is rescaled over the applicable maximum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<NotApplicableRule>,
    pub provenance: Provenance,
    /// What this project chose for a criterion the plan states (target, levels, evidence):
    /// the plan gives targets, never points or grades, so those are the default model.
    #[serde(default, skip_serializing_if = "Text::is_blank")]
    pub model_note: Text,
}

/// A target for some periods (see `Criterion::targets`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PeriodTarget {
    pub periods: YearRange,
    pub target: u32,
}

/// When a criterion may be answered "not applicable".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotApplicableRule {
    /// Whether the answer must give a (non-blank) reason.
    pub reason_required: bool,
    /// When a unit may say so, e.g. "the unit handles no administrative procedure".
    pub when: Text,
    pub provenance: Provenance,
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
    /// Digital-transformation level 0–5 of the national enterprise index in force for the
    /// period (Decision 1970/QĐ-BTTTT for 2022–2024), against a target level.
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

    /// The plan section, when the plan is the source.
    pub fn section(&self) -> Option<&str> {
        match self {
            Provenance::Plan { section, .. } => Some(section),
            Provenance::DefaultModel { .. } => None,
        }
    }
}

/// Names of the levels 0–5 of the national enterprise index (Decision 1970/QĐ-BTTTT; the
/// criterion's help says which index applies to the period).
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
        let catalog = read::catalog(bytes)?;
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

    /// The office that receives reports for `year` from tiers without an entry of their own.
    pub fn office_for(&self, year: i32) -> Option<&Office> {
        self.offices
            .iter()
            .find(|o| o.tiers.is_empty() && o.periods.contains(year))
    }

    /// The office that receives reports of `tier` for `year`: the tier's own entry (communes
    /// through their district in 2022–2024, enterprises and individuals through their unit or
    /// locality), else the general one. The print's "Kính gửi" is its `addressee()`.
    pub fn office_for_tier(&self, tier: &str, year: i32) -> Option<&Office> {
        self.offices
            .iter()
            .find(|o| o.periods.contains(year) && o.tiers.iter().any(|t| t == tier))
            .or_else(|| self.office_for(year))
    }

    /// The band set of `tier`.
    pub fn band_set(&self, tier: &str) -> Option<&BandSet> {
        self.band_sets
            .iter()
            .find(|s| s.tiers.iter().any(|t| t == tier))
    }

    /// The bands of `tier`, highest first (empty for a tier the catalog does not have).
    pub fn bands(&self, tier: &str) -> &[Band] {
        self.band_set(tier)
            .map(|s| s.bands.as_slice())
            .unwrap_or(&[])
    }

    /// A band by id (band ids are unique across the catalog's sets).
    pub fn band(&self, id: &str) -> Option<&Band> {
        self.band_sets
            .iter()
            .flat_map(|s| s.bands.iter())
            .find(|b| b.id == id)
    }

    /// What the print and the summary say beside `tier`'s band, if anything.
    pub fn band_caveat(&self, tier: &str) -> Option<&Text> {
        self.band_set(tier)
            .map(|s| &s.caveat)
            .filter(|c| !c.is_blank())
    }

    /// The clusters and blocks a unit of `tier` may be ranked in for `period`.
    pub fn emulation_groups<'a>(
        &'a self,
        tier: &'a str,
        period: i32,
    ) -> impl Iterator<Item = &'a EmulationGroup> + 'a {
        self.emulation_groups
            .iter()
            .filter(move |g| g.periods.contains(period) && g.tiers.iter().any(|t| t == tier))
    }

    /// The first day on which the office's city-wide summary for `year` is late.
    pub fn office_deadline_for(&self, year: i32) -> Option<crate::date::Date> {
        let d = self.office_deadline.as_ref()?;
        crate::date::Date::new(year, d.before_month, d.before_day)
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
    /// The criteria assessed for `variant` (all variants when the tier has none) in the
    /// reporting year `period`.
    pub fn criteria_for<'a>(
        &'a self,
        variant: Option<&'a str>,
        period: i32,
    ) -> impl Iterator<Item = &'a Criterion> + 'a {
        self.indexed_criteria_for(variant, period).map(|(_, c)| c)
    }

    /// The same, with each criterion's position in `criteria`.
    pub fn indexed_criteria_for<'a>(
        &'a self,
        variant: Option<&'a str>,
        period: i32,
    ) -> impl Iterator<Item = (usize, &'a Criterion)> + 'a {
        self.criteria
            .iter()
            .enumerate()
            .filter(move |(_, c)| c.applies_to(variant) && c.assessed_in(period))
    }

    /// The years in which the set of criteria may change, within `periods`: the tier's first
    /// year and each year a criterion starts or stops being assessed. Checking these years
    /// checks every set of criteria a unit can meet (an open-ended tier included).
    pub fn years_with_their_own_criteria(&self) -> Vec<i32> {
        let mut years = std::collections::BTreeSet::from([self.periods.from]);
        for range in self.criteria.iter().flat_map(|c| &c.years) {
            years.insert(range.from);
            if let Some(to) = range.to {
                years.insert(to.saturating_add(1));
            }
        }
        years
            .into_iter()
            .filter(|y| self.periods.contains(*y))
            .collect()
    }

    pub fn variant(&self, id: &str) -> Option<&Variant> {
        self.variants.iter().find(|v| v.id == id)
    }

    /// The criterion `id` of this tier, whatever its variant.
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// The tier's name for `period`: "xã, phường, thị trấn" to 2024, "xã, phường, đặc khu"
    /// from 2025, as the catalog says.
    /// The label of the cluster or block field for `period`: `Some(None)` when the catalog
    /// gives no label of its own (the generic "cụm, khối" applies), `None` when units of this
    /// tier are not ranked in one that year (no field, nothing printed).
    pub fn group_label(&self, period: i32) -> Option<Option<&Text>> {
        match &self.unit_fields {
            None => Some(None),
            Some(f) => f
                .group
                .iter()
                .find(|g| g.periods.contains(period))
                .map(|g| Some(&g.name)),
        }
    }

    /// What the one who reports is called on the screens, where the catalog names it
    /// (`unitFields.title`); `None`: the generic "Đơn vị".
    pub fn unit_title(&self) -> Option<&Text> {
        self.unit_fields
            .as_ref()
            .map(|f| &f.title)
            .filter(|t| !t.is_blank())
    }

    pub fn name_for(&self, period: i32) -> &Text {
        self.names
            .iter()
            .find(|n| n.periods.contains(period))
            .map(|n| &n.name)
            .unwrap_or(&self.name)
    }
}

impl Criterion {
    /// Whether this criterion is assessed for `variant` (`None`: a tier without variants, or
    /// every variant).
    pub fn applies_to(&self, variant: Option<&str>) -> bool {
        match variant {
            Some(v) => self.variants.is_empty() || self.variants.iter().any(|x| x == v),
            None => true,
        }
    }

    /// Whether this criterion is assessed in the reporting year `period`.
    pub fn assessed_in(&self, period: i32) -> bool {
        self.years.is_empty() || self.years.iter().any(|r| r.contains(period))
    }

    /// The target for `period`: a per-period entry, else the measure's own.
    pub fn target_for(&self, period: i32) -> Option<u32> {
        let own = match &self.measure {
            Measure::Ratio { target, .. } | Measure::Count { target, .. } => *target,
            Measure::Maturity { target } => u32::from(*target),
            _ => return None,
        };
        Some(
            self.targets
                .iter()
                .find(|t| t.periods.contains(period))
                .map_or(own, |t| t.target),
        )
    }

    /// The measure as it applies to `period` (its target replaced by the period's, if any).
    pub fn measure_for(&self, period: i32) -> std::borrow::Cow<'_, Measure> {
        use std::borrow::Cow;
        let Some(t) = self
            .targets
            .iter()
            .find(|t| t.periods.contains(period))
            .map(|t| t.target)
        else {
            return Cow::Borrowed(&self.measure);
        };
        let mut m = self.measure.clone();
        match &mut m {
            Measure::Ratio { target, .. } | Measure::Count { target, .. } => *target = t,
            // Validation keeps a maturity target within 1..=5.
            Measure::Maturity { target } => *target = u8::try_from(t).unwrap_or(MAX_MATURITY),
            _ => {}
        }
        Cow::Owned(m)
    }

    /// Whether a unit may answer "not applicable".
    pub fn allows_not_applicable(&self) -> bool {
        self.not_applicable.is_some()
    }
}
