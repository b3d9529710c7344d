//! Verification: each check separate, none panicking. The stored results are re-scored with
//! the same function the unit used (design invariant 1).

use crate::keys::{did_key_id, KeyError, PublicKey};
use crate::proof::{self, ProofError};
use crate::report::{sha256_hex, Report, Unit, REPORT_VERSION};
use crate::strict_json::{self, StrictJsonError};
use crate::timestamp;
use crate::trust::{normalize_label, Declared, Registration, TrustList};
use serde::{Deserialize, Serialize};
use tdg_model::score::CriterionResult;
use tdg_model::units::MilliPoints;

use tdg_model::{score, Catalog, Date, Text, Timing};

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

/// What the office gives the verifier. Without a trust list and a known catalog a report never
/// passes: the verifier does not pass a check it was not given the means to make.
#[derive(Default)]
pub struct VerifyOptions<'a> {
    pub catalogs: &'a [KnownCatalog],
    pub trust: Option<&'a TrustList>,
    /// The day the office received the report. Only this day sets the official timing (early
    /// bonus, late penalty): the report's own dates come from the signing computer's clock.
    pub received_on: Option<Date>,
    /// The reporting year the office is collecting.
    pub period: Option<i32>,
    /// The SHA-256 printed on the paper copy, to bind the paper to this file.
    pub expect_sha256: Option<&'a str>,
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
    Invalid(#[serde(serialize_with = "as_text")] ProofError),
}

/// An error serialised as its English sentence (as the verdict's JSON always gave it).
fn as_text<S: serde::Serializer, E: std::fmt::Display>(e: &E, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(e)
}

/// The report's own dates: `validFrom` and the proof's `created` are RFC 3339 timestamps, and
/// `submittedOn` is the signing day (the same UTC day as `created`, give or take one day for the
/// signer's time zone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "status")]
pub enum DatesCheck {
    Consistent,
    #[serde(rename_all = "camelCase")]
    BadTimestamp {
        field: String,
        value: String,
    },
    #[serde(rename_all = "camelCase")]
    NotTheSigningDay {
        submitted_on: Date,
        created_on: Date,
    },
    /// `validFrom` and the proof's `created` fall on different UTC days.
    #[serde(rename_all = "camelCase")]
    ValidFromNotCreated {
        valid_from: Date,
        created_on: Date,
    },
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
    Differ(Vec<Difference>),
    /// The answers do not fit the catalog (tier, variant or period).
    Unscorable(#[serde(serialize_with = "as_text")] tdg_model::score::ScoreError),
}

/// One way the signed results differ from the re-score, with the catalog's names, so that
/// each reads in the office's language without ids (`verdict_text` words it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    /// Answers to criteria that are not the tier's (ids: no criterion of the tier names them).
    ForeignAnswers(Vec<String>),
    /// The results equal the re-score's values but hold fields it does not write.
    ExtraFields,
    Total {
        stored: MilliPoints,
        rescored: MilliPoints,
    },
    Band {
        stored: Text,
        rescored: Text,
    },
    Criterion {
        name: Text,
        stored: MilliPoints,
        rescored: MilliPoints,
    },
    MissingCriterion(Text),
    /// Nothing above, yet not equal.
    Other,
}

impl Serialize for Difference {
    /// As its English sentence, as the verdict's JSON always gave it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&crate::verdict_text::difference(self, tdg_model::Lang::En))
    }
}

/// The official timing, from the office's received date. The signed results keep the unit's
/// own timing lines (that is what it signed); the official total replaces them with the lines
/// the received date gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "status")]
pub enum TimingCheck {
    /// No received date was given: no official total.
    NotChecked,
    /// A received date was given, but the report's catalog is unknown or its answers do not
    /// fit it: no official total (the catalog and results checks say why).
    Unscorable,
    #[serde(rename_all = "camelCase")]
    Official {
        timing: Timing,
        total: MilliPoints,
        band: String,
        /// The signed timing lines (early bonus, late penalty) differ from the official ones.
        /// This is a difference of dates, not tampering.
        lines_changed: bool,
    },
    /// The report says it was submitted after the office received it: impossible.
    #[serde(rename_all = "camelCase")]
    SubmittedAfterReceipt {
        submitted_on: Date,
        received_on: Date,
    },
    /// Received before the reporting year it declares began (a report "for next year").
    #[serde(rename_all = "camelCase")]
    ReceivedBeforeItsYear { period: i32, received_on: Date },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "status")]
pub enum PeriodCheck {
    NotChecked,
    Expected,
    #[serde(rename_all = "camelCase")]
    Other {
        expected: i32,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "status")]
pub enum FileHashCheck {
    NotChecked,
    Equal,
    #[serde(rename_all = "camelCase")]
    Differs {
        expected: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    pub sha256: String,
    pub unit: Unit,
    pub period: i32,
    pub submitted_on: Date,
    pub issuer: String,
    pub fingerprint: Option<String>,
    pub stored_total: MilliPoints,
    pub stored_band: String,
    /// The proof's `created` timestamp as written (empty when there is none).
    pub created: String,
    /// The signed results per criterion: what the office's statistics read once the report
    /// passes (they then equal their re-score).
    #[serde(skip)]
    pub stored_criteria: Vec<CriterionResult>,
    /// The signed total was rescaled over the applicable maximum ("không áp dụng").
    #[serde(skip)]
    pub stored_rescaled: bool,
    pub proof: ProofCheck,
    pub dates: DatesCheck,
    /// `None` when no trust list was given.
    pub key: Option<Registration>,
    /// The unit's name as the office registered it, when the report declares another one (the
    /// key is bound to the code; the name is shown so that a person sees the difference).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registered_name: Option<String>,
    pub catalog: CatalogCheck,
    /// Integrity: the stored results equal a re-score with the report's own `submittedOn`.
    pub results: ResultsCheck,
    pub timing: TimingCheck,
    pub period_check: PeriodCheck,
    pub file_hash: FileHashCheck,
    /// Signed in training mode (a workshop): whatever else holds, never a submission.
    pub training: bool,
}

impl Verdict {
    /// The proof alone: the file is unchanged since a holder of the issuer's key signed it.
    /// Says nothing about who that is, or whether the numbers add up.
    pub fn proof_valid(&self) -> bool {
        self.proof == ProofCheck::Valid
    }

    /// True only when every check passed, the key and the catalog included: a verdict made
    /// without a trust list or a known catalog never passes.
    pub fn passes(&self) -> bool {
        self.proof_valid()
            && self.dates == DatesCheck::Consistent
            && self.key == Some(Registration::Valid)
            && self.catalog == CatalogCheck::Known
            && self.results == ResultsCheck::Equal
            && !matches!(
                self.timing,
                TimingCheck::SubmittedAfterReceipt { .. }
                    | TimingCheck::ReceivedBeforeItsYear { .. }
            )
            && !matches!(self.period_check, PeriodCheck::Other { .. })
            && !matches!(self.file_hash, FileHashCheck::Differs { .. })
            && !self.training
    }

    /// The official total: the signed total with the timing lines of the received date.
    pub fn official_total(&self) -> Option<MilliPoints> {
        match self.timing {
            TimingCheck::Official { total, .. } => Some(total),
            _ => None,
        }
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
    // Read from the parsed tree by reference: cloning it was a sixth of verifying a report.
    let report = Report::deserialize(&value).map_err(|e| ReportError::Shape(e.to_string()))?;
    let issuer_key = PublicKey::from_did(&report.issuer);
    let proof = check_proof(&value, &report.issuer, &issuer_key);
    let created = proof::created(&value).unwrap_or_default();
    let dates = check_dates(&report, created);
    let subject = &report.credential_subject;
    // Revocation and validity are judged by the office's day where it has one: the signer's
    // clock, and so `created`, can be set back (docs/security.md).
    let judged_on = options
        .received_on
        .or_else(|| timestamp::utc_day(created).ok())
        .unwrap_or(subject.submitted_on);
    let key = options.trust.map(|t| {
        let declared = Declared {
            code: &subject.unit.code,
            tier: &subject.unit.tier,
            variant: subject.unit.variant.as_deref(),
            group: &subject.unit.group,
        };
        t.judge(&report.issuer, &declared, judged_on)
    });
    let known = options.catalogs.iter().find(|k| {
        k.catalog.id == subject.catalog.id && k.catalog.version == subject.catalog.version
    });
    let key = key.map(|r| {
        let names = known.or(options.catalogs.first()).map(|k| &k.catalog);
        named(r, names, subject.period)
    });
    let registered_name = options
        .trust
        .and_then(|t| t.registered_name(&report.issuer, &subject.unit.code))
        .filter(|name| normalize_label(name) != normalize_label(&subject.unit.name))
        .map(String::from);
    let catalog = match (options.catalogs.is_empty(), known) {
        (true, _) => CatalogCheck::NotChecked,
        (false, None) => CatalogCheck::Unknown,
        (false, Some(k)) if k.sha256 != subject.catalog.sha256 => CatalogCheck::HashMismatch,
        (false, Some(_)) => CatalogCheck::Known,
    };
    let trusted_catalog = known
        .filter(|_| catalog == CatalogCheck::Known)
        .map(|k| &k.catalog);
    let sha256 = sha256_hex(bytes);
    Ok(Verdict {
        results: check_results(
            &report,
            value
                .get("credentialSubject")
                .and_then(|s| s.get("results")),
            trusted_catalog,
        ),
        timing: check_timing(&report, trusted_catalog, options.received_on),
        period_check: match options.period {
            None => PeriodCheck::NotChecked,
            Some(p) if p == subject.period => PeriodCheck::Expected,
            Some(expected) => PeriodCheck::Other { expected },
        },
        file_hash: match options.expect_sha256 {
            None => FileHashCheck::NotChecked,
            Some(h) if h.trim().eq_ignore_ascii_case(&sha256) => FileHashCheck::Equal,
            Some(h) => FileHashCheck::Differs {
                expected: h.trim().to_ascii_lowercase(),
            },
        },
        sha256,
        fingerprint: issuer_key.as_ref().ok().map(PublicKey::fingerprint),
        unit: subject.unit.clone(),
        period: subject.period,
        submitted_on: subject.submitted_on,
        issuer: report.issuer.clone(),
        stored_total: subject.results.total,
        stored_band: subject.results.band.clone(),
        created: created.to_owned(),
        stored_criteria: subject.results.criteria.clone(),
        stored_rescaled: subject.results.rescaled.is_some(),
        training: subject.training,
        proof,
        dates,
        key,
        registered_name,
        catalog,
    })
}

fn check_dates(report: &Report, created: &str) -> DatesCheck {
    let bad = |field: &str, value: &str| DatesCheck::BadTimestamp {
        field: field.into(),
        value: value.into(),
    };
    let Ok(valid_from) = timestamp::utc_day(&report.valid_from) else {
        return bad("validFrom", &report.valid_from);
    };
    let Ok(created_on) = timestamp::utc_day(created) else {
        return bad("proof.created", created);
    };
    // The signer writes one moment into both; a validFrom on another day was written by hand.
    if valid_from != created_on {
        return DatesCheck::ValidFromNotCreated {
            valid_from,
            created_on,
        };
    }
    let submitted_on = report.credential_subject.submitted_on;
    // A signer east or west of UTC may be one calendar day off UTC; never more.
    if (submitted_on.days_since_epoch() - created_on.days_since_epoch()).abs() > 1 {
        return DatesCheck::NotTheSigningDay {
            submitted_on,
            created_on,
        };
    }
    DatesCheck::Consistent
}

/// A registration mismatch with the catalog's names of the tiers and variants it compares, so
/// the office reads "Sở, ban, ngành", not `so-nganh`.
fn named(registration: Registration, catalog: Option<&Catalog>, period: i32) -> Registration {
    let (mut fields, catalog) = match (registration, catalog) {
        (Registration::Mismatch { fields }, Some(catalog)) => (fields, catalog),
        (other, _) => return other,
    };
    for f in &mut fields {
        let name = |id: &str| match f.field.as_str() {
            "tier" => catalog.tier(id).map(|t| t.name_for(period).clone()),
            "variant" => catalog
                .tiers
                .iter()
                .find_map(|t| t.variant(id))
                .map(|v| v.name.clone()),
            _ => None,
        };
        f.registered_name = name(&f.registered);
        f.declared_name = name(&f.declared);
    }
    Registration::Mismatch { fields }
}

fn check_proof(
    value: &serde_json::Value,
    issuer: &str,
    issuer_key: &Result<PublicKey, KeyError>,
) -> ProofCheck {
    let issuer_key = match issuer_key {
        Ok(k) => k,
        Err(e) => return ProofCheck::BadIssuer(e.to_string()),
    };
    match proof::verification_method(value) {
        None => return ProofCheck::Invalid(ProofError::Missing),
        // The method names the issuer's key when it reads as the same key id: decoding it too
        // (a point decompression) gave the same answer at a tenth of a wasm worker's
        // signature time.
        Some(method) if did_key_id(method).ok() != did_key_id(issuer).ok() => {
            return ProofCheck::IssuerMismatch
        }
        Some(_) => {}
    }
    match proof::verify(value, issuer_key) {
        Ok(()) => ProofCheck::Valid,
        Err(e) => ProofCheck::Invalid(e),
    }
}

fn check_results(
    report: &Report,
    stored_json: Option<&serde_json::Value>,
    catalog: Option<&Catalog>,
) -> ResultsCheck {
    let Some(catalog) = catalog else {
        return ResultsCheck::NotChecked;
    };
    let sheet = report.sheet();
    let rescored = match score(catalog, &sheet) {
        Ok(r) => r,
        Err(e) => return ResultsCheck::Unscorable(e),
    };
    // A report holds only its tier's answers (what the signer puts in): another tier's answers
    // are a report no honest signer made.
    let set_aside = tdg_model::scored_sheet(catalog, &sheet).set_aside;
    if !set_aside.is_empty() {
        return ResultsCheck::Differ(vec![Difference::ForeignAnswers(set_aside)]);
    }
    let stored = &report.credential_subject.results;
    // The typed values, and the JSON as signed: a field the re-score does not write (an
    // "officialTotal" added by hand) would otherwise be signed, shown by other tools, and never
    // checked.
    // The stored results were read from that JSON, so equal JSON means equal values too.
    if stored_json.is_some_and(|raw| serde_json::to_value(&rescored).ok().as_ref() == Some(raw)) {
        return ResultsCheck::Equal;
    }
    if &rescored == stored {
        return ResultsCheck::Differ(vec![Difference::ExtraFields]);
    }
    let mut differences = Vec::new();
    if stored.total != rescored.total {
        differences.push(Difference::Total {
            stored: stored.total,
            rescored: rescored.total,
        });
    }
    if stored.band != rescored.band {
        let band = |id: &str| {
            catalog
                .bands(&rescored.tier)
                .iter()
                .find(|b| b.id == id)
                .map_or_else(|| Text::new(id, id), |b| b.name.clone())
        };
        differences.push(Difference::Band {
            stored: band(&stored.band),
            rescored: band(&rescored.band),
        });
    }
    let name = |id: &str| {
        catalog
            .tier(&rescored.tier)
            .and_then(|t| t.criterion(id))
            .map_or_else(|| Text::new(id, id), |c| c.text.clone())
    };
    for r in &rescored.criteria {
        match stored.criterion(&r.id) {
            Some(s) if s != r => differences.push(Difference::Criterion {
                name: name(&r.id),
                stored: s.points,
                rescored: r.points,
            }),
            None => differences.push(Difference::MissingCriterion(name(&r.id))),
            _ => {}
        }
    }
    if differences.is_empty() {
        differences.push(Difference::Other);
    }
    ResultsCheck::Differ(differences)
}

fn check_timing(
    report: &Report,
    catalog: Option<&Catalog>,
    received_on: Option<Date>,
) -> TimingCheck {
    let Some(received_on) = received_on else {
        return TimingCheck::NotChecked;
    };
    let Some(catalog) = catalog else {
        return TimingCheck::Unscorable;
    };
    let subject = &report.credential_subject;
    if subject.submitted_on > received_on {
        return TimingCheck::SubmittedAfterReceipt {
            submitted_on: subject.submitted_on,
            received_on,
        };
    }
    // A report for next year received this year would count as hundreds of days early.
    if received_on.year < subject.period {
        return TimingCheck::ReceivedBeforeItsYear {
            period: subject.period,
            received_on,
        };
    }
    let mut sheet = report.sheet();
    sheet.submitted_on = Some(received_on);
    let Ok(official) = score(catalog, &sheet) else {
        // The results check reports why the answers cannot be scored.
        return TimingCheck::Unscorable;
    };
    let stored = &subject.results;
    TimingCheck::Official {
        timing: catalog.timing(&subject.unit.tier, subject.period, received_on),
        lines_changed: official.bonus != stored.bonus || official.penalties != stored.penalties,
        total: official.total,
        band: official.band,
    }
}
