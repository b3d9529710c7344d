//! From files to entries: each file verified on its own (one bad file never stops a season), and
//! each verified report reduced to the [`Entry`] the ranking reads.

use crate::entry::{CriterionPoints, Entry, UnitKey};
use tdg_model::score::Status;
use tdg_model::Date;
use tdg_report::trust::TrustList;
use tdg_report::verify::{KnownCatalog, ReportError};
use tdg_report::{verify, Verdict, VerifyOptions};

/// One file the office handed over, with the day it says it received it.
pub struct SeasonFile<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
    pub received_on: Option<Date>,
}

/// What verification made of one file.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Not a report this tool reads: never dropped, listed with the reason.
    Unreadable(ReportError),
    Verified(Box<Verdict>),
}

/// What the office checks every file against.
pub struct Season<'a> {
    pub catalogs: &'a [KnownCatalog],
    pub trust: &'a TrustList,
    /// The year being collected.
    pub period: i32,
}

/// Verifies one file.
pub fn verify_file(season: &Season, file: &SeasonFile) -> Outcome {
    let options = VerifyOptions {
        catalogs: season.catalogs,
        trust: Some(season.trust),
        received_on: file.received_on,
        period: Some(season.period),
        expect_sha256: None,
    };
    match verify(file.bytes, &options) {
        Ok(verdict) => Outcome::Verified(Box::new(verdict)),
        Err(e) => Outcome::Unreadable(e),
    }
}

/// The entry of a verified report. The ranking total is the official one where the office gave
/// a received date, otherwise the signed one.
pub fn entry(file: &SeasonFile, verdict: &Verdict) -> Entry {
    let official = verdict.official_total();
    Entry {
        file: file.name.to_owned(),
        unit: UnitKey {
            code: verdict.unit.code.clone(),
            name: verdict.unit.name.clone(),
            tier: verdict.unit.tier.clone(),
            variant: verdict.unit.variant.clone(),
            group: verdict.unit.group.clone(),
        },
        period: verdict.period,
        created: verdict.created.clone(),
        received_on: file.received_on,
        passes: verdict.passes(),
        total: official.unwrap_or(verdict.stored_total),
        official: official.is_some(),
        band: verdict.stored_band.clone(),
        rescaled: false,
        criteria: verdict
            .stored_criteria
            .iter()
            .map(|c| CriterionPoints {
                id: c.id.clone(),
                points: c.points,
                max: c.max,
                // Full points of a scored answer is the target reached (scoring gives the
                // maximum exactly at the target).
                met_target: c.status == Status::Scored && c.points == c.max,
            })
            .collect(),
    }
}

/// The register: every unit the trust list holds a key for, in its order.
pub fn register(trust: &TrustList) -> Vec<UnitKey> {
    trust
        .keys
        .iter()
        .map(|k| UnitKey {
            code: k.unit_code.clone(),
            name: k.unit_name.clone(),
            tier: k.tier.clone(),
            variant: k.variant.clone(),
            group: k.group.clone(),
        })
        .collect()
}
