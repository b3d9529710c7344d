//! The report document: a W3C Verifiable Credential 2.0 whose subject is the unit's
//! self-assessment, signed with an eddsa-jcs-2022 proof. Integers only in the signed content.

use crate::keys::{PublicKey, UnitKey};
use crate::proof::{self, PreparedProof, ProofOptions};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use tdg_model::{score, Answer, AnswerSheet, Assessment, Catalog, Date};

/// The report format this code writes and reads; any other value is refused.
pub const REPORT_VERSION: u32 = 1;
pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
pub const REPORT_TYPE: &str = "DigitalTransformationSelfAssessment";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Report {
    /// Exactly `[VC_CONTEXT]` when read: another or an extra context could change what the
    /// terms mean to a JSON-LD processor, while our proof and our reader would not notice.
    #[serde(rename = "@context", deserialize_with = "exact_context")]
    pub context: Vec<String>,
    #[serde(rename = "type", deserialize_with = "exact_types")]
    pub types: Vec<String>,
    pub report_version: u32,
    /// The unit's `did:key`.
    pub issuer: String,
    /// When the report was signed (RFC 3339, UTC).
    pub valid_from: String,
    pub credential_subject: Subject,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof: Option<serde_json::Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Subject {
    pub unit: Unit,
    pub period: i32,
    pub submitted_on: Date,
    pub catalog: CatalogRef,
    pub answers: BTreeMap<String, Answer>,
    pub results: Assessment,
    /// Made in training mode (a workshop), signed as such: never a submission. Left out when
    /// false, so a real report reads exactly as before the field existed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub training: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Unit {
    pub name: String,
    pub code: String,
    pub tier: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// The emulation cluster or block (cụm, khối thi đua) the unit is ranked in.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CatalogRef {
    pub id: String,
    pub version: String,
    /// SHA-256 of the catalog file's bytes, lowercase hex.
    pub sha256: String,
}

fn exact_context<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let context = Vec::<String>::deserialize(d)?;
    if context != [VC_CONTEXT] {
        return Err(serde::de::Error::custom(format_args!(
            "@context must be exactly [\"{VC_CONTEXT}\"]"
        )));
    }
    Ok(context)
}

fn exact_types<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let types = Vec::<String>::deserialize(d)?;
    if types != ["VerifiableCredential", REPORT_TYPE] {
        return Err(serde::de::Error::custom(format_args!(
            "type must be exactly [\"VerifiableCredential\", \"{REPORT_TYPE}\"]"
        )));
    }
    Ok(types)
}

/// A signed report as saved: the file's text and its SHA-256 (printed on the paper copy).
#[derive(Clone, Debug, PartialEq)]
pub struct SignedReport {
    pub json: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SignError {
    #[error("the unit needs a name and a code")]
    MissingUnit,
    #[error(transparent)]
    Score(#[from] tdg_model::ScoreError),
    #[error(transparent)]
    Proof(#[from] proof::ProofError),
    #[error("the report could not be written as JSON: {0}")]
    Json(String),
    /// A number the report would sign but a verifier would refuse (see `strict_json`).
    #[error(
        "the number {number} at {path} is outside the range of exact integers, ±{}",
        tdg_model::MAX_SAFE_INTEGER
    )]
    UnsafeNumber { path: String, number: String },
    #[error("the prepared report has no valid issuer key")]
    BadIssuer,
    #[error("the signature does not match the prepared report and its key")]
    BadSignature,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    crate::hex::encode(&Sha256::digest(bytes))
}

/// What the signer supplies besides the answers.
pub struct SignRequest<'a> {
    pub catalog: &'a Catalog,
    /// The catalog file's bytes, whose hash the report names.
    pub catalog_bytes: &'a [u8],
    pub unit_name: String,
    pub unit_code: String,
    pub unit_group: String,
    pub sheet: &'a AnswerSheet,
    pub submitted_on: Date,
    /// RFC 3339 UTC timestamp of signing, e.g. `2026-11-20T08:30:00Z`.
    pub created: String,
    /// Made in training mode: the report says so, under the signature.
    pub training: bool,
}

/// Scores the answers and signs the report with the unit's key (natively, `ed25519-dalek`).
/// The same two steps as a WebCrypto signing: [`prepare_report`], sign the hash data,
/// [`finish_report`].
pub fn sign_report(request: &SignRequest, key: &UnitKey) -> Result<SignedReport, SignError> {
    let prepared = prepare_report(request, &key.public())?;
    finish_report(&prepared, &key.sign(&prepared.proof.hash_data))
}

/// An unsigned report and the bytes its issuer's key must sign.
#[derive(Clone, Debug, PartialEq)]
pub struct PreparedReport {
    /// The report without its proof.
    pub unsigned: serde_json::Value,
    pub options: ProofOptions,
    pub proof: PreparedProof,
    pub public: PublicKey,
}

impl PreparedReport {
    /// Rebuilds a prepared report from its unsigned document and proof creation time, e.g.
    /// after the document went to the browser's WebCrypto and back: the hash data is computed
    /// again here, never taken from outside.
    pub fn from_unsigned(unsigned: &str, created: &str) -> Result<PreparedReport, SignError> {
        let unsigned: serde_json::Value =
            serde_json::from_str(unsigned).map_err(|e| SignError::Json(e.to_string()))?;
        let issuer = unsigned
            .get("issuer")
            .and_then(serde_json::Value::as_str)
            .ok_or(SignError::BadIssuer)?;
        let public = PublicKey::from_did(issuer).map_err(|_| SignError::BadIssuer)?;
        PreparedReport::new(unsigned, created.to_string(), public)
    }

    fn new(
        unsigned: serde_json::Value,
        created: String,
        public: PublicKey,
    ) -> Result<PreparedReport, SignError> {
        let options = ProofOptions {
            created,
            verification_method: public.verification_method(),
        };
        let proof = proof::prepare(&unsigned, &options)?;
        Ok(PreparedReport {
            unsigned,
            options,
            proof,
            public,
        })
    }
}

/// Adds the proof made of `signature` (Ed25519 over `prepared.proof.hash_data`, by whichever
/// implementation holds the key) and writes the file. A signature by another key is refused
/// here, before a report that no verifier would accept is handed out.
pub fn finish_report(
    prepared: &PreparedReport,
    signature: &[u8; 64],
) -> Result<SignedReport, SignError> {
    if !prepared
        .public
        .verify_strict(&prepared.proof.hash_data, signature)
    {
        return Err(SignError::BadSignature);
    }
    let signed = proof::assemble(&prepared.unsigned, &prepared.proof, signature)?;
    let json =
        serde_json::to_string_pretty(&signed).map_err(|e| SignError::Json(e.to_string()))? + "\n";
    let sha256 = sha256_hex(json.as_bytes());
    Ok(SignedReport { json, sha256 })
}

/// Scores the answers and builds the unsigned report of `public`'s unit, with its hash data.
pub fn prepare_report(
    request: &SignRequest,
    public: &PublicKey,
) -> Result<PreparedReport, SignError> {
    if request.unit_name.trim().is_empty() || request.unit_code.trim().is_empty() {
        return Err(SignError::MissingUnit);
    }
    // Only the chosen tier's answers enter the report: what is signed is what the screen scored.
    let mut sheet = tdg_model::scored_sheet(request.catalog, request.sheet).sheet;
    sheet.submitted_on = Some(request.submitted_on);
    let results = score(request.catalog, &sheet)?;
    // A cluster typed before switching to a tier that is not ranked in one (an enterprise, a
    // person) stays in the draft, hidden; it must not be signed as if the screen had shown it.
    let ranked_in_group = request
        .catalog
        .tier(&sheet.tier)
        .is_some_and(|t| t.group_label(sheet.period).is_some());
    let group = if ranked_in_group {
        request.unit_group.trim().to_string()
    } else {
        String::new()
    };
    let report = Report {
        context: vec![VC_CONTEXT.to_string()],
        types: vec!["VerifiableCredential".into(), REPORT_TYPE.into()],
        report_version: REPORT_VERSION,
        issuer: public.did(),
        valid_from: request.created.clone(),
        credential_subject: Subject {
            unit: Unit {
                name: request.unit_name.trim().to_string(),
                code: request.unit_code.trim().to_string(),
                tier: sheet.tier.clone(),
                variant: sheet.variant.clone(),
                group,
            },
            period: sheet.period,
            submitted_on: request.submitted_on,
            catalog: CatalogRef {
                id: request.catalog.id.clone(),
                version: request.catalog.version.clone(),
                sha256: sha256_hex(request.catalog_bytes),
            },
            answers: sheet.answers.clone(),
            results,
            training: request.training,
        },
        proof: None,
    };
    let unsigned = serde_json::to_value(&report).map_err(|e| SignError::Json(e.to_string()))?;
    if let Some((path, number)) = crate::strict_json::unsafe_number_in(&unsigned) {
        return Err(SignError::UnsafeNumber { path, number });
    }
    PreparedReport::new(unsigned, request.created.clone(), *public)
}

/// The file name the app downloads: `<unit-code>-<year>-bao-cao.json`, code made file-safe.
pub use tdg_model::draft::{file_safe_code, report_file_name as file_name};

impl Report {
    /// The answer sheet inside the report, to re-score.
    pub fn sheet(&self) -> AnswerSheet {
        let s = &self.credential_subject;
        AnswerSheet {
            tier: s.unit.tier.clone(),
            variant: s.unit.variant.clone(),
            period: s.period,
            submitted_on: Some(s.submitted_on),
            answers: s.answers.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_sign_a_number_a_verifier_would_refuse() {
        let catalog_bytes = include_bytes!("../../../assets/catalogs/hp-175-kh-ubnd.json");
        let catalog = Catalog::from_json(catalog_bytes).expect("catalog");
        let mut sheet: AnswerSheet =
            serde_json::from_slice(include_bytes!("../../../assets/samples/vi-du-xa.json"))
                .expect("sample");
        let request = |sheet: &AnswerSheet| {
            sign_report(
                &SignRequest {
                    training: false,
                    catalog: &catalog,
                    catalog_bytes,
                    unit_name: "UBND xã Ví Dụ".into(),
                    unit_code: "XA-01".into(),
                    unit_group: String::new(),
                    sheet,
                    submitted_on: Date::parse_iso("2026-11-10").expect("date"),
                    created: "2026-11-10T02:00:00Z".into(),
                },
                &UnitKey::from_seed([7; 32]),
            )
        };
        assert!(request(&sheet).is_ok());
        let answer = sheet
            .answers
            .values_mut()
            .find(|a| a.count.is_some())
            .expect("the sample has a count");
        answer.count = Some(tdg_model::MAX_SAFE_INTEGER + 1);
        assert!(matches!(
            request(&sheet),
            Err(SignError::UnsafeNumber { ref number, .. }) if number == "9007199254740992"
        ));
    }

    /// The start screen hides the cluster field for an enterprise or a person; a cluster typed
    /// before switching tier stays in the draft but is never signed.
    #[test]
    fn a_hidden_cluster_is_not_signed() {
        let catalog_bytes = include_bytes!("../../../assets/catalogs/hp-175-kh-ubnd.json");
        let catalog = Catalog::from_json(catalog_bytes).expect("catalog");
        let group_signed = |sample: &[u8]| {
            let sheet: AnswerSheet = serde_json::from_slice(sample).expect("sample");
            let request = SignRequest {
                training: false,
                catalog: &catalog,
                catalog_bytes,
                unit_name: "Đơn vị".into(),
                unit_code: "DV-01".into(),
                unit_group: " Cụm thi đua số 1 ".into(),
                sheet: &sheet,
                submitted_on: Date::parse_iso("2026-11-10").expect("date"),
                created: "2026-11-10T02:00:00Z".into(),
            };
            let signed = sign_report(&request, &UnitKey::from_seed([7; 32])).expect("signs");
            let doc: serde_json::Value = serde_json::from_str(&signed.json).expect("json");
            doc["credentialSubject"]["unit"]["group"].clone()
        };
        let enterprise = include_bytes!("../../../assets/samples/doanh-nghiep-chung.json");
        let person = include_bytes!("../../../assets/samples/ca-nhan-khac.json");
        let commune = include_bytes!("../../../assets/samples/xa-phuong.json");
        assert!(group_signed(enterprise).is_null());
        assert!(group_signed(person).is_null());
        assert_eq!(group_signed(commune), "Cụm thi đua số 1");
    }

    #[test]
    fn reads_only_the_vc_2_context() {
        let valid: serde_json::Value =
            serde_json::from_slice(include_bytes!("../../../tests/fixtures/reports/valid.json"))
                .expect("json");
        assert!(serde_json::from_value::<Report>(valid.clone()).is_ok());
        for context in [
            serde_json::json!([VC_CONTEXT, "https://example.org/extra/v1"]),
            serde_json::json!(["https://example.org/extra/v1", VC_CONTEXT]),
            serde_json::json!([]),
            serde_json::json!(["https://www.w3.org/2018/credentials/v1"]),
        ] {
            let mut doc = valid.clone();
            doc["@context"] = context.clone();
            let err = serde_json::from_value::<Report>(doc).expect_err("refused");
            assert!(
                err.to_string().contains("@context must be exactly"),
                "{context}: {err}"
            );
        }
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_name("XA-001", 2026, false), "XA-001-2026-bao-cao.json");
        assert_eq!(file_name("../x y", 2026, false), "---x-y-2026-bao-cao.json");
        assert_eq!(file_name(" ", 2026, false), "don-vi-2026-bao-cao.json");
        assert_eq!(
            file_name("XA-001", 2026, true),
            "XA-001-2026-bao-cao-TAP-HUAN.json"
        );
    }
}

#[cfg(test)]
mod split_tests {
    use super::*;

    const CATALOG: &[u8] = include_bytes!("../../../assets/catalogs/hp-175-kh-ubnd.json");
    const SHEET: &[u8] = include_bytes!("../../../assets/samples/xa-phuong.json");

    fn with_request<T>(f: impl FnOnce(&SignRequest) -> T) -> T {
        let catalog = Catalog::from_json(CATALOG).expect("catalog");
        let sheet: AnswerSheet = serde_json::from_slice(SHEET).expect("sheet");
        let request = SignRequest {
            training: false,
            catalog: &catalog,
            catalog_bytes: CATALOG,
            unit_name: "UBND xã A".into(),
            unit_code: "XA-A".into(),
            unit_group: String::new(),
            sheet: &sheet,
            submitted_on: Date::parse_iso("2026-11-20").expect("date"),
            created: "2026-11-20T01:02:03Z".into(),
        };
        f(&request)
    }

    /// WebCrypto's path: prepare with the public key only, let another Ed25519 implementation
    /// sign the hash data, send the unsigned document away and back, finish. It must give the
    /// very file `sign_report` gives.
    #[test]
    fn prepared_then_finished_is_the_native_signature() {
        let key = UnitKey::from_seed([5; 32]);
        let native = with_request(|r| sign_report(r, &key)).expect("signs");
        let prepared = with_request(|r| prepare_report(r, &key.public())).expect("prepares");
        let text = serde_json::to_string(&prepared.unsigned).expect("json");
        let back = PreparedReport::from_unsigned(&text, "2026-11-20T01:02:03Z").expect("back");
        assert_eq!(back.proof.hash_data, prepared.proof.hash_data);
        let external = ed25519_dalek::SigningKey::from_bytes(&[5; 32]);
        let signature = ed25519_dalek::Signer::sign(&external, &back.proof.hash_data).to_bytes();
        assert_eq!(finish_report(&back, &signature), Ok(native));
    }

    #[test]
    fn a_signature_by_another_key_is_refused() {
        let key = UnitKey::from_seed([5; 32]);
        let prepared = with_request(|r| prepare_report(r, &key.public())).expect("prepares");
        let other = UnitKey::from_seed([6; 32]).sign(&prepared.proof.hash_data);
        assert_eq!(
            finish_report(&prepared, &other),
            Err(SignError::BadSignature)
        );
        assert_eq!(
            PreparedReport::from_unsigned("{\"issuer\": \"did:web:x\"}", "2026").err(),
            Some(SignError::BadIssuer)
        );
    }
}
