//! One verified report, reduced to what the office ranks and counts.

use serde::{Deserialize, Serialize};
use tdg_model::units::MilliPoints;
use tdg_model::Date;

/// Who a report is for, as the report declares it (and the key's registration confirmed, when
/// the report passes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnitKey {
    pub code: String,
    pub name: String,
    pub tier: String,
    pub variant: Option<String>,
    /// The cluster or block (cụm, khối thi đua); empty where the unit is in none.
    pub group: String,
}

/// A criterion's points in one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CriterionPoints {
    pub id: String,
    pub points: MilliPoints,
    pub max: MilliPoints,
    /// The answer reached the plan's target (full points of a scored answer).
    pub met_target: bool,
    /// Answered "không áp dụng": its maximum left the total, which was rescaled (an appraisal
    /// rescales the same way).
    #[serde(default)]
    pub not_applicable: bool,
}

/// One report file that could be read as a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// The file's name as the office handed it over: how a person finds it again.
    pub file: String,
    pub unit: UnitKey,
    pub period: i32,
    /// The proof's `created` timestamp (RFC 3339, UTC): orders two reports of one unit signed
    /// on the same day.
    pub created: String,
    /// The day the office says it received the file.
    pub received_on: Option<Date>,
    /// Every verification check passed.
    pub passes: bool,
    /// The total the ranking uses: the official total where a received date gave one, otherwise
    /// the signed total (and `official` says which).
    pub total: MilliPoints,
    pub official: bool,
    pub band: String,
    /// The total was rescaled over the applicable maximum ("không áp dụng" answers).
    pub rescaled: bool,
    pub criteria: Vec<CriterionPoints>,
}

impl Entry {
    /// Criteria that reached their target: the first tie-breaker of the default model.
    pub fn targets_met(&self) -> usize {
        self.criteria.iter().filter(|c| c.met_target).count()
    }
}

/// Unit codes are typed by people: case and surrounding spaces do not make another unit.
pub fn normalize_code(code: &str) -> String {
    code.trim().to_uppercase()
}
