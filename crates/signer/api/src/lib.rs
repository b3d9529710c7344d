//! The boundary between the app and its on-demand signing module (`tdg-signer`): the names of
//! the module's functions and the shapes of what they take and return, defined once and used
//! by both sides. Values cross as JSON text of these types; bytes cross as `Uint8Array`.
//! Pure data: no cryptography here, so the app can link it without growing.

use serde::{Deserialize, Serialize};
use tdg_model::draft::Draft;

/// The functions the signing module exports (wasm-bindgen names). The app's typed imports and
/// the worker script use exactly these.
pub mod names {
    pub const PREPARE_REPORT: &str = "prepare_report";
    pub const FINISH_REPORT: &str = "finish_report";
    pub const SIGN_WITH_SEED: &str = "sign_with_seed";
    pub const PASSPHRASE: &str = "passphrase";
    pub const SEAL_BACKUP: &str = "seal_backup";
    pub const OPEN_BACKUP: &str = "open_backup";
}

/// Why the module refused an input, in both languages. Thrown (as JSON text) by every
/// function of the module; a crash or a load failure is told apart by the app, not here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    #[serde(flatten)]
    pub text: tdg_model::Text,
}

impl Refusal {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Refusal {
        Refusal {
            text: tdg_model::Text::new(vi, en),
        }
    }

    pub fn to_json(&self) -> String {
        // Two strings always serialise; the fallback only keeps this total.
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{\"vi\":\"\",\"en\":\"\"}"))
    }
}

/// `prepare_report(catalog_bytes, request)`: score the draft and build the unsigned report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PrepareRequest {
    pub draft: Draft,
    /// The signing key's `did:key` (the private key may be a WebCrypto key the module never sees).
    pub did: String,
    /// `YYYY-MM-DD`, the local date of sending.
    pub submitted_on: String,
    /// RFC 3339 UTC time of signing.
    pub created: String,
    /// Training mode: the report is signed as a training report (never a submission).
    #[serde(default)]
    pub training: bool,
}

/// What `prepare_report` returns: the bytes to sign, and what `finish_report(unsigned,
/// created, file_name, signature)` needs back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Prepared {
    /// The unsigned report (JSON text); `finish_report` recomputes the hash data from it.
    pub unsigned: String,
    pub created: String,
    /// SHA-256(JCS(proof config)) ‖ SHA-256(JCS(report)), 64 bytes in hex: what Ed25519 signs.
    pub hash_data: String,
    pub file_name: String,
}

/// What `finish_report` returns: the file to download.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Signed {
    pub file_name: String,
    pub sha256: String,
    pub json: String,
}

/// `seal_backup(request)`: the password-protected backup file of a seed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SealRequest {
    /// 32 bytes, hex.
    pub seed: String,
    pub password: String,
    pub label: String,
    /// 16 random bytes, hex.
    pub salt: String,
    /// 24 random bytes, hex.
    pub nonce: String,
    /// Sealed as a training key (training mode's area): it never opens for a unit.
    #[serde(default)]
    pub training: bool,
}

/// What `seal_backup` returns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Sealed {
    pub did: String,
    pub fingerprint: String,
    /// The backup file's text.
    pub file: String,
}

/// What `open_backup(file_bytes, password)` returns: the key, to import and then drop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Opened {
    pub did: String,
    pub fingerprint: String,
    /// 32 bytes, hex: only for browsers without Ed25519 in WebCrypto (kept in memory).
    pub seed: String,
    /// PKCS#8 DER of the key, hex: what WebCrypto imports as a non-extractable key.
    pub pkcs8: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_are_json_with_both_languages() {
        let text = Refusal::new("Sai \"mật khẩu\"", "Wrong password").to_json();
        let back: Refusal = serde_json::from_str(&text).expect("json");
        assert_eq!(back.text.vi, "Sai \"mật khẩu\"");
        assert_eq!(back.text.en, "Wrong password");
    }

    #[test]
    fn field_names_are_camel_case_and_strict() {
        let prepared = Prepared {
            unsigned: "{}".into(),
            created: "2026-11-20T00:00:00Z".into(),
            hash_data: "00".into(),
            file_name: "x.json".into(),
        };
        let text = serde_json::to_string(&prepared).expect("json");
        assert!(text.contains("\"hashData\"") && text.contains("\"fileName\""));
        assert!(serde_json::from_str::<Prepared>(&text.replace("hashData", "hash")).is_err());
    }
}
