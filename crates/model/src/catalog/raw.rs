//! How serde's derives read the catalog's tagged enums: one flat struct per enum, converted
//! (deriving internal tagging makes serde buffer every value first). `Catalog::from_json` no
//! longer uses the derives (`read.rs` reads the catalog by hand, with the same rules); they
//! stay as the oracle of `tests/catalog_reader.rs`, and this file with them.

use super::{BonusCondition, Level, Measure, PenaltyCondition, Provenance};
use crate::text::Text;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RawMeasure {
    kind: String,
    target: Option<u32>,
    numerator: Option<Text>,
    denominator: Option<Text>,
    levels: Option<Vec<Level>>,
    unit: Option<Text>,
}

fn need<T>(value: Option<T>, kind: &str, field: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("a measure of kind {kind} needs \"{field}\""))
}

impl TryFrom<RawMeasure> for Measure {
    type Error = String;

    fn try_from(raw: RawMeasure) -> Result<Measure, String> {
        let kind = raw.kind.as_str();
        Ok(match kind {
            "ratio" => Measure::Ratio {
                target: need(raw.target, kind, "target")?,
                numerator: need(raw.numerator, kind, "numerator")?,
                denominator: need(raw.denominator, kind, "denominator")?,
            },
            "yesNo" => Measure::YesNo,
            "levels" => Measure::Levels {
                levels: need(raw.levels, kind, "levels")?,
            },
            "count" => Measure::Count {
                target: need(raw.target, kind, "target")?,
                unit: need(raw.unit, kind, "unit")?,
            },
            // An out-of-range level becomes 0 here and is reported, located, by validation.
            "maturity" => Measure::Maturity {
                target: u8::try_from(need(raw.target, kind, "target")?).unwrap_or(0),
            },
            // Validation lists an unknown kind with the other problems, with its place.
            _ => Measure::Unknown,
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RawProvenance {
    source: String,
    section: Option<String>,
    quote: Option<String>,
    reason: Option<Text>,
}

impl TryFrom<RawProvenance> for Provenance {
    type Error = String;

    fn try_from(raw: RawProvenance) -> Result<Provenance, String> {
        match raw.source.as_str() {
            "plan" => Ok(Provenance::Plan {
                section: raw.section.ok_or("a plan provenance needs \"section\"")?,
                quote: raw.quote.ok_or("a plan provenance needs \"quote\"")?,
            }),
            "defaultModel" => Ok(Provenance::DefaultModel {
                reason: raw
                    .reason
                    .ok_or("a defaultModel provenance needs \"reason\"")?,
            }),
            other => Err(format!(
                "unknown provenance source \"{other}\" (expected plan or defaultModel)"
            )),
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RawBonusCondition {
    kind: String,
    days_before: Option<u32>,
    margin: Option<u32>,
    min_denominator: Option<u64>,
}

impl TryFrom<RawBonusCondition> for BonusCondition {
    type Error = String;

    fn try_from(raw: RawBonusCondition) -> Result<BonusCondition, String> {
        Ok(match raw.kind.as_str() {
            "earlySubmission" => BonusCondition::EarlySubmission {
                days_before: raw
                    .days_before
                    .ok_or("earlySubmission needs \"daysBefore\"")?,
            },
            "exceedTarget" => BonusCondition::ExceedTarget {
                margin: raw.margin.ok_or("exceedTarget needs \"margin\"")?,
                min_denominator: raw
                    .min_denominator
                    .ok_or("exceedTarget needs \"minDenominator\"")?,
            },
            _ => BonusCondition::Unknown,
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RawPenaltyCondition {
    kind: String,
}

impl From<RawPenaltyCondition> for PenaltyCondition {
    fn from(raw: RawPenaltyCondition) -> PenaltyCondition {
        match raw.kind.as_str() {
            "lateSubmission" => PenaltyCondition::LateSubmission,
            _ => PenaltyCondition::Unknown,
        }
    }
}
