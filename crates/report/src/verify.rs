//! Verification: each check separate, none panicking. The stored results are re-scored with
//! the same function the unit used (design invariant 1).

use crate::keys::{KeyError, PublicKey};
use crate::proof::{self, ProofError};
use crate::report::{sha256_hex, Report, Unit, REPORT_VERSION};
use crate::strict_json::{self, StrictJsonError};
use crate::trust::TrustList;
use serde::Serialize;
use tdg_model::units::MilliPoints;
use tdg_model::{score, Catalog, Date};

/// A catalog the verifier knows, with the SHA-256 of its file.
pub struct KnownCatalog {
    pub catalog: Catalog,
    pub sha256: String,
}

impl KnownCatalog {
    pub fn from_bytes(bytes: &[u8]) -> Result<KnownCatalog, tdg_model::CatalogError> {
        Ok(KnownCatalog {
            catalog: Catalog::from_json(bytes)?,
            sha256: sha256_hex(bytes),
        })
    }
}

/// What the office gives the verifier.
#[derive(Default)]
pub struct VerifyOptions<'a> {
    pub catalogs: &'a [KnownCatalog],
    pub trust: Option<&'a TrustList>,
    /// The day the office received the report; without it, the report's own date is used.
    pub received_on: Option<Date>,
}

/// Why a file is not a report at all (nothing else can be checked).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Json(#[from] StrictJsonError),
    #[error("not a report: reportVersion is missing")]
    NoVersion,
    #[error(
        "report version {0} is not supported by this tool (it reads version {REPORT_VERSION})"
    )]
    UnknownVersion(String),
    #[error("not a report: {0}")]
    Shape(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "status", content = "reason")]
pub enum ProofCheck {
    Valid,
    /// The issuer is not a did:key this tool can read.
    BadIssuer(String),
    /// The proof was made with another key than the issuer's.
    IssuerMismatch,
    Invalid(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "status", content = "units")]
pub enum KeyCheck {
    NotChecked,
    Registered,
    /// The key is registered, but for other units.
    RegisteredForOther(Vec<String>),
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CatalogCheck {
    NotChecked,
    Known,
    /// Same id and version, other bytes: the catalog was changed.
    HashMismatch,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "status", content = "differences")]
pub enum ResultsCheck {
    NotChecked,
    Equal,
    Differ(Vec<String>),
    /// The answers do not fit the catalog (tier, variant or period).
    Unscorable(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "status", content = "days")]
pub enum TimingCheck {
    NotChecked,
    OnTime,
    /// Days after the deadline day (0 = on the deadline day itself, which is already late).
    Late(i64),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    pub sha256: String,
    pub unit: Unit,
    pub period: i32,
    pub issuer: String,
    pub fingerprint: Option<String>,
    pub stored_total: MilliPoints,
    pub stored_band: String,
    pub proof: ProofCheck,
    pub key: KeyCheck,
    pub catalog: CatalogCheck,
    pub results: ResultsCheck,
    pub timing: TimingCheck,
}

impl Verdict {
    /// True when every check that was asked for passed.
    pub fn passes(&self) -> bool {
        self.proof == ProofCheck::Valid
            && matches!(self.key, KeyCheck::NotChecked | KeyCheck::Registered)
            && matches!(self.catalog, CatalogCheck::NotChecked | CatalogCheck::Known)
            && matches!(self.results, ResultsCheck::NotChecked | ResultsCheck::Equal)
            && matches!(self.timing, TimingCheck::NotChecked | TimingCheck::OnTime)
    }
}

/// Verifies one report file.
pub fn verify(bytes: &[u8], options: &VerifyOptions) -> Result<Verdict, ReportError> {
    let value = strict_json::parse(bytes)?;
    match value.get("reportVersion") {
        None => return Err(ReportError::NoVersion),
        Some(v) if v.as_u64() != Some(u64::from(REPORT_VERSION)) => {
            return Err(ReportError::UnknownVersion(v.to_string()))
        }
        Some(_) => {}
    }
    let report: Report =
        serde_json::from_value(value.clone()).map_err(|e| ReportError::Shape(e.to_string()))?;
    let issuer_key = PublicKey::from_did(&report.issuer);
    let proof = check_proof(&value, &issuer_key);
    let key = check_key(&report, options.trust);
    let known = options.catalogs.iter().find(|k| {
        k.catalog.id == report.credential_subject.catalog.id
            && k.catalog.version == report.credential_subject.catalog.version
    });
    let catalog = match (options.catalogs.is_empty(), known) {
        (true, _) => CatalogCheck::NotChecked,
        (false, None) => CatalogCheck::Unknown,
        (false, Some(k)) if k.sha256 != report.credential_subject.catalog.sha256 => {
            CatalogCheck::HashMismatch
        }
        (false, Some(_)) => CatalogCheck::Known,
    };
    let trusted_catalog = known
        .filter(|_| catalog == CatalogCheck::Known)
        .map(|k| &k.catalog);
    Ok(Verdict {
        sha256: sha256_hex(bytes),
        results: check_results(&report, trusted_catalog),
        timing: check_timing(&report, trusted_catalog, options.received_on),
        fingerprint: issuer_key.as_ref().ok().map(PublicKey::fingerprint),
        unit: report.credential_subject.unit.clone(),
        period: report.credential_subject.period,
        issuer: report.issuer.clone(),
        stored_total: report.credential_subject.results.total,
        stored_band: report.credential_subject.results.band.clone(),
        proof,
        key,
        catalog,
    })
}

fn check_proof(value: &serde_json::Value, issuer_key: &Result<PublicKey, KeyError>) -> ProofCheck {
    let issuer_key = match issuer_key {
        Ok(k) => k,
        Err(e) => return ProofCheck::BadIssuer(e.to_string()),
    };
    match proof::verification_method(value) {
        None => return ProofCheck::Invalid(ProofError::Missing.to_string()),
        Some(method) if PublicKey::from_did(method).ok().as_ref() != Some(issuer_key) => {
            return ProofCheck::IssuerMismatch
        }
        Some(_) => {}
    }
    match proof::verify(value, issuer_key) {
        Ok(()) => ProofCheck::Valid,
        Err(e) => ProofCheck::Invalid(e.to_string()),
    }
}

fn check_key(report: &Report, trust: Option<&TrustList>) -> KeyCheck {
    let Some(trust) = trust else {
        return KeyCheck::NotChecked;
    };
    let units = trust.units_of(&report.issuer);
    if units.contains(&report.credential_subject.unit.code.as_str()) {
        KeyCheck::Registered
    } else if units.is_empty() {
        KeyCheck::Unknown
    } else {
        KeyCheck::RegisteredForOther(units.into_iter().map(String::from).collect())
    }
}

fn check_results(report: &Report, catalog: Option<&Catalog>) -> ResultsCheck {
    let Some(catalog) = catalog else {
        return ResultsCheck::NotChecked;
    };
    let rescored = match score(catalog, &report.sheet()) {
        Ok(r) => r,
        Err(e) => return ResultsCheck::Unscorable(e.to_string()),
    };
    let stored = &report.credential_subject.results;
    if &rescored == stored {
        return ResultsCheck::Equal;
    }
    let mut differences = Vec::new();
    let pts = |p| tdg_model::units::format_points(p, tdg_model::Lang::En);
    if stored.total != rescored.total {
        differences.push(format!(
            "total: stored {} but the answers give {}",
            pts(stored.total),
            pts(rescored.total)
        ));
    }
    if stored.band != rescored.band {
        differences.push(format!(
            "band: stored {} but the answers give {}",
            stored.band, rescored.band
        ));
    }
    for r in &rescored.criteria {
        match stored.criterion(&r.id) {
            Some(s) if s != r => differences.push(format!(
                "{}: stored {} but the answers give {}",
                r.id,
                pts(s.points),
                pts(r.points)
            )),
            None => differences.push(format!("{}: missing from the stored results", r.id)),
            _ => {}
        }
    }
    if differences.is_empty() {
        differences.push("the stored results differ from the re-scored ones".into());
    }
    ResultsCheck::Differ(differences)
}

fn check_timing(
    report: &Report,
    catalog: Option<&Catalog>,
    received_on: Option<Date>,
) -> TimingCheck {
    let subject = &report.credential_subject;
    let Some(deadline) = catalog.and_then(|c| c.deadline_for(subject.period)) else {
        return TimingCheck::NotChecked;
    };
    let day = received_on.unwrap_or(subject.submitted_on);
    let late_by = day.days_since_epoch() - deadline.days_since_epoch();
    if late_by < 0 {
        TimingCheck::OnTime
    } else {
        TimingCheck::Late(late_by)
    }
}
