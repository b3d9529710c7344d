//! W3C Data Integrity proofs with the `eddsa-jcs-2022` cryptosuite (vc-di-eddsa, section 3.3):
//! hashData = SHA-256(JCS(proofConfig)) ‖ SHA-256(JCS(document without proof)),
//! proofValue = base58btc multibase of the Ed25519 signature of hashData.

use crate::jcs::{canonicalize, canonicalize_object, JcsError};
use crate::keys::{PublicKey, UnitKey};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

pub const CRYPTOSUITE: &str = "eddsa-jcs-2022";
pub const PROOF_TYPE: &str = "DataIntegrityProof";
pub const PROOF_PURPOSE: &str = "assertionMethod";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    #[error("the document has no proof")]
    Missing,
    #[error("the document or its proof is not a JSON object")]
    NotAnObject,
    #[error("the proof's {0} is missing or not a string")]
    MissingField(&'static str),
    #[error("the proof is not a {PROOF_TYPE} with cryptosuite {CRYPTOSUITE}")]
    WrongSuite,
    #[error("the proof's purpose is not {PROOF_PURPOSE}")]
    WrongPurpose,
    #[error("the proof's @context is not the start of the document's @context")]
    ContextMismatch,
    #[error("the proofValue is not a base58btc multibase Ed25519 signature")]
    BadProofValue,
    #[error("the file was changed after it was signed, or not signed with the key it names")]
    SignatureMismatch,
    #[error(transparent)]
    Canonical(#[from] JcsError),
}

impl ProofError {
    /// The same reason in Vietnamese (the English is `Display`).
    fn vietnamese(&self) -> String {
        match self {
            ProofError::Missing => "tệp không có chữ ký".into(),
            ProofError::NotAnObject => "tệp hoặc phần chữ ký không phải một đối tượng JSON".into(),
            ProofError::MissingField(field) => {
                format!("phần chữ ký thiếu trường {field}, hoặc trường đó không phải chuỗi")
            }
            ProofError::WrongSuite => {
                format!("chữ ký không theo chuẩn {PROOF_TYPE} với bộ mã {CRYPTOSUITE}")
            }
            ProofError::WrongPurpose => format!("mục đích của chữ ký không phải {PROOF_PURPOSE}"),
            ProofError::ContextMismatch => {
                "@context của chữ ký không phải phần đầu @context của tệp".into()
            }
            ProofError::BadProofValue => {
                "giá trị chữ ký (proofValue) không phải chữ ký Ed25519 dạng base58btc".into()
            }
            ProofError::SignatureMismatch => {
                "nội dung tệp đã bị sửa sau khi ký, hoặc không ký bằng khóa ghi trong tệp".into()
            }
            ProofError::Canonical(e) => {
                format!("tệp có giá trị không chuẩn hóa được theo JCS (chi tiết kỹ thuật: {e})")
            }
        }
    }
}

/// Vietnamese from `vietnamese`, English from `Display`.
impl tdg_model::Localized for ProofError {
    fn message(&self, lang: tdg_model::Lang) -> String {
        match lang {
            tdg_model::Lang::Vi => self.vietnamese(),
            tdg_model::Lang::En => self.to_string(),
        }
    }
}

/// The proof options a signer chooses: when, with which verification method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProofOptions {
    pub created: String,
    pub verification_method: String,
}

/// A proof ready to be signed: the proof configuration and the bytes an Ed25519 key signs.
/// Signing is split in two (prepare, then [`assemble`]) so that a key that cannot leave the
/// browser's WebCrypto signs the same bytes that `ed25519-dalek` signs natively: one path, and
/// the W3C vector covers both.
#[derive(Clone, Debug, PartialEq)]
pub struct PreparedProof {
    /// The proof without its `proofValue`.
    pub config: Map<String, Value>,
    /// SHA-256(JCS(proof config)) ‖ SHA-256(JCS(document)): 64 bytes.
    pub hash_data: [u8; 64],
}

/// The proof configuration and hash data for `document` (which must not have a proof).
pub fn prepare(document: &Value, options: &ProofOptions) -> Result<PreparedProof, ProofError> {
    let secured = document.as_object().ok_or(ProofError::NotAnObject)?;
    let mut config = Map::new();
    config.insert("type".into(), PROOF_TYPE.into());
    config.insert("cryptosuite".into(), CRYPTOSUITE.into());
    config.insert("created".into(), options.created.clone().into());
    config.insert(
        "verificationMethod".into(),
        options.verification_method.clone().into(),
    );
    config.insert("proofPurpose".into(), PROOF_PURPOSE.into());
    if let Some(context) = secured.get("@context") {
        config.insert("@context".into(), context.clone());
    }
    let hash_data = hash_data(&Value::Object(config.clone()), secured, None)?;
    Ok(PreparedProof { config, hash_data })
}

/// `document` with the prepared proof and the Ed25519 `signature` of its hash data.
pub fn assemble(
    document: &Value,
    prepared: &PreparedProof,
    signature: &[u8; 64],
) -> Result<Value, ProofError> {
    let mut secured = document.as_object().ok_or(ProofError::NotAnObject)?.clone();
    let mut config = prepared.config.clone();
    config.insert(
        "proofValue".into(),
        format!("z{}", bs58::encode(signature).into_string()).into(),
    );
    secured.insert("proof".into(), Value::Object(config));
    Ok(Value::Object(secured))
}

/// Adds an eddsa-jcs-2022 proof to `document` (which must not have one).
pub fn sign(document: &Value, options: &ProofOptions, key: &UnitKey) -> Result<Value, ProofError> {
    let prepared = prepare(document, options)?;
    assemble(document, &prepared, &key.sign(&prepared.hash_data))
}

/// Checks the proof of `secured` against `key`. The caller resolves the key from the proof's
/// verification method (see [`verification_method`]).
pub fn verify(secured: &Value, key: &PublicKey) -> Result<(), ProofError> {
    let object = secured.as_object().ok_or(ProofError::NotAnObject)?;
    let proof = object
        .get("proof")
        .ok_or(ProofError::Missing)?
        .as_object()
        .ok_or(ProofError::NotAnObject)?;
    let text = |field: &'static str| {
        proof
            .get(field)
            .and_then(Value::as_str)
            .ok_or(ProofError::MissingField(field))
    };
    if text("type")? != PROOF_TYPE || text("cryptosuite")? != CRYPTOSUITE {
        return Err(ProofError::WrongSuite);
    }
    if text("proofPurpose")? != PROOF_PURPOSE {
        return Err(ProofError::WrongPurpose);
    }
    let signature = decode_signature(text("proofValue")?)?;
    let mut options = proof.clone();
    options.remove("proofValue");
    let proof_context = proof.get("@context");
    if let Some(proof_context) = proof_context {
        if !context_starts_with(object.get("@context"), proof_context) {
            return Err(ProofError::ContextMismatch);
        }
    }
    let replaced = proof_context.map(|c| ("@context", c));
    let hash = hash_data(&Value::Object(options), object, replaced)?;
    if key.verify_strict(&hash, &signature) {
        Ok(())
    } else {
        Err(ProofError::SignatureMismatch)
    }
}

/// The proof's `created` timestamp, if there is one.
pub fn created(secured: &Value) -> Option<&str> {
    secured.get("proof")?.get("created")?.as_str()
}

/// The proof's `verificationMethod`, if there is one.
pub fn verification_method(secured: &Value) -> Option<&str> {
    secured.get("proof")?.get("verificationMethod")?.as_str()
}

/// SHA-256(JCS(config)) ‖ SHA-256(JCS(document without its proof, `replaced` member swapped in)).
fn hash_data(
    config: &Value,
    document: &Map<String, Value>,
    replaced: Option<(&str, &Value)>,
) -> Result<[u8; 64], ProofError> {
    let mut hash = [0u8; 64];
    hash[..32].copy_from_slice(&Sha256::digest(canonicalize(config)?.as_bytes()));
    let unsecured = canonicalize_object(document, "proof", replaced)?;
    hash[32..].copy_from_slice(&Sha256::digest(unsecured.as_bytes()));
    Ok(hash)
}

fn decode_signature(proof_value: &str) -> Result<[u8; 64], ProofError> {
    let body = proof_value
        .strip_prefix('z')
        .ok_or(ProofError::BadProofValue)?;
    let bytes = bs58::decode(body)
        .into_vec()
        .map_err(|_| ProofError::BadProofValue)?;
    bytes.try_into().map_err(|_| ProofError::BadProofValue)
}

/// The document's @context must start with every value of the proof's, in order.
fn context_starts_with(document: Option<&Value>, proof: &Value) -> bool {
    let as_list = |v: &Value| match v {
        Value::Array(items) => items.clone(),
        other => vec![other.clone()],
    };
    let Some(document) = document else {
        return false;
    };
    let (document, proof) = (as_list(document), as_list(proof));
    document.len() >= proof.len() && document.iter().zip(&proof).all(|(a, b)| a == b)
}
