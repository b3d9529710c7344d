//! From files to entries: each file verified on its own (one bad file never stops a season), and
//! each verified report reduced to the [`Entry`] the ranking reads.

use crate::entry::{CriterionPoints, Entry, UnitKey};
use tdg_model::score::Status;
use tdg_model::Date;
use tdg_report::trust::TrustList;
use tdg_report::verify::{KnownCatalog, PeriodCheck, ReportError};
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
    verify_file_in(season.catalogs, season.trust, Some(season.period), file)
}

/// Verifies one file for `period`, or with the period not yet known (then
/// [`check_period`] makes its period check once it is).
pub fn verify_file_in(
    catalogs: &[KnownCatalog],
    trust: &TrustList,
    period: Option<i32>,
    file: &SeasonFile,
) -> Outcome {
    let options = VerifyOptions {
        catalogs,
        trust: Some(trust),
        received_on: file.received_on,
        period,
        expect_sha256: None,
    };
    match verify(file.bytes, &options) {
        Ok(verdict) => Outcome::Verified(Box::new(verdict)),
        Err(e) => Outcome::Unreadable(e),
    }
}

/// The period check of a report verified before the period was known, as `tdg_report::verify`
/// makes it (nothing else in a verdict depends on the period asked for).
pub fn check_period(verdict: &mut Verdict, period: i32) {
    verdict.period_check = if verdict.period == period {
        PeriodCheck::Expected
    } else {
        PeriodCheck::Other { expected: period }
    };
}

/// Verifies every file, on every core where there are threads (natively; in the browser the
/// caller's worker runs this one after another). `result[i]` is the outcome of `files[i]`.
pub fn verify_all(season: &Season, files: &[SeasonFile]) -> Vec<Outcome> {
    crate::parallel::map_on_every_core(files, |f| verify_file(season, f))
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
        rescaled: verdict.stored_rescaled,
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
                not_applicable: c.status == Status::NotApplicable,
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

/// The year most readable reports declare: the period when the office did not name one. Only
/// the period is read (every other field skipped), so this pass costs a fraction of the
/// verification that follows, which reads each file strictly.
pub fn most_declared_period(files: &[SeasonFile]) -> Option<i32> {
    most_declared(&period_counts(files))
}

/// How many readable reports declare each year. Counts of several workers add up, so the
/// office view settles its period over all its files before any worker verifies one.
pub fn period_counts(files: &[SeasonFile]) -> std::collections::BTreeMap<i32, u32> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Report {
        credential_subject: Subject,
    }
    #[derive(serde::Deserialize)]
    struct Subject {
        period: i32,
    }
    let declared = crate::parallel::map_on_every_core(files, |f| {
        serde_json::from_slice::<Report>(f.bytes)
            .ok()
            .map(|r| r.credential_subject.period)
    });
    let mut counts = std::collections::BTreeMap::<i32, u32>::new();
    for period in declared.into_iter().flatten() {
        *counts.entry(period).or_default() += 1;
    }
    counts
}

/// The year with the most reports (the later year on a tie).
pub fn most_declared(counts: &std::collections::BTreeMap<i32, u32>) -> Option<i32> {
    counts.iter().max_by_key(|(_, n)| **n).map(|(p, _)| *p)
}
