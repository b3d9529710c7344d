//! `tdg-signer`: a second, small WebAssembly module that the app loads only when the user signs
//! or handles the key backup, so that Ed25519, Argon2 and the report code stay out of the first
//! load. Every function takes and returns JSON text; errors are `{"vi": …, "en": …}`.

use serde::Serialize;
use tdg_model::draft::Draft;
use tdg_model::{Catalog, Date, Lang};
use tdg_report::report::{file_name, sign_report, SignRequest};
use tdg_report::UnitKey;
use tdg_report::{backup, hex};
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
struct Message {
    vi: String,
    en: String,
}

fn error(vi: impl Into<String>, en: impl Into<String>) -> JsValue {
    let m = Message {
        vi: vi.into(),
        en: en.into(),
    };
    JsValue::from_str(&serde_json::to_string(&m).unwrap_or_default())
}

fn json<T: Serialize>(value: &T) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(|e| error(e.to_string(), e.to_string()))
}

fn seed(text: &str) -> Result<[u8; 32], JsValue> {
    hex::decode_array(text).ok_or_else(|| {
        error(
            "Khóa lưu trên máy bị hỏng.",
            "The key kept on this computer is damaged.",
        )
    })
}

#[derive(Serialize)]
struct Identity {
    seed: String,
    did: String,
    fingerprint: String,
}

fn identity(key: &UnitKey) -> Identity {
    let public = key.public();
    Identity {
        seed: hex::encode(&key.seed()),
        did: public.did(),
        fingerprint: public.fingerprint(),
    }
}

/// The public identity (did:key, fingerprint) of a 32-byte seed given in hex.
#[wasm_bindgen]
pub fn public_identity(seed_hex: &str) -> Result<String, JsValue> {
    json(&identity(&UnitKey::from_seed(seed(seed_hex)?)))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Signed {
    file_name: String,
    sha256: String,
    json: String,
}

/// Scores the draft and signs the report. `submitted_on` is `YYYY-MM-DD`, `created` RFC 3339.
#[wasm_bindgen]
pub fn sign(
    catalog_bytes: &[u8],
    draft_json: &str,
    seed_hex: &str,
    submitted_on: &str,
    created: &str,
) -> Result<String, JsValue> {
    let catalog = Catalog::from_json(catalog_bytes)
        .map_err(|e| error(e.message(Lang::Vi), e.message(Lang::En)))?;
    let draft: Draft =
        serde_json::from_str(draft_json).map_err(|e| error(e.to_string(), e.to_string()))?;
    let submitted_on =
        Date::parse_iso(submitted_on).map_err(|e| error(e.to_string(), e.to_string()))?;
    let key = UnitKey::from_seed(seed(seed_hex)?);
    let request = SignRequest {
        catalog: &catalog,
        catalog_bytes,
        unit_name: draft.unit.name.clone(),
        unit_code: draft.unit.code.clone(),
        unit_group: draft.unit.group.clone(),
        sheet: &draft.sheet,
        submitted_on,
        created: created.to_string(),
    };
    let signed = sign_report(&request, &key).map_err(|e| {
        error(
            format!("Không ký được báo cáo: {e}"),
            format!("The report could not be signed: {e}"),
        )
    })?;
    json(&Signed {
        file_name: file_name(&draft.unit.code, draft.sheet.period),
        sha256: signed.sha256,
        json: signed.json,
    })
}

/// The password-protected backup file of the key (salt 16 bytes, nonce 24 bytes, in hex).
#[wasm_bindgen]
pub fn seal_backup(
    seed_hex: &str,
    password: &str,
    label: &str,
    salt_hex: &str,
    nonce_hex: &str,
) -> Result<String, JsValue> {
    let key = UnitKey::from_seed(seed(seed_hex)?);
    let bad = || error("Thiếu số ngẫu nhiên.", "Random bytes are missing.");
    let salt: [u8; 16] = hex::decode_array(salt_hex).ok_or_else(bad)?;
    let nonce: [u8; 24] = hex::decode_array(nonce_hex).ok_or_else(bad)?;
    let sealed = backup::seal(&key, password, label, salt, nonce)
        .map_err(|e| error(e.message_vi(), e.to_string()))?;
    serde_json::to_string_pretty(&sealed).map_err(|e| error(e.to_string(), e.to_string()))
}

/// Restores a key from its backup file; returns its identity (with the seed, to keep).
#[wasm_bindgen]
pub fn open_backup(bytes: &[u8], password: &str) -> Result<String, JsValue> {
    let key = backup::open(bytes, password).map_err(|e| error(e.message_vi(), e.to_string()))?;
    json(&identity(&key))
}

#[cfg(test)]
mod tests {
    // Only success paths here: the error paths build `JsValue`s, which exist only in the
    // browser (the end-to-end tests cover them there).
    use super::*;

    const SEED: &str = "0707070707070707070707070707070707070707070707070707070707070707";

    #[test]
    fn signs_a_report_the_verifier_accepts() {
        let catalog = include_bytes!("../../../assets/catalogs/hp-175-kh-ubnd.json");
        let sheet: tdg_model::AnswerSheet =
            serde_json::from_slice(include_bytes!("../../../assets/samples/xa-phuong.json"))
                .expect("sample");
        let draft = Draft {
            unit: tdg_model::draft::UnitInfo {
                name: "UBND xã A".into(),
                code: "XA-A".into(),
                group: String::new(),
            },
            sheet,
        };
        let out = sign(
            catalog,
            &serde_json::to_string(&draft).expect("json"),
            SEED,
            "2026-11-20",
            "2026-11-20T01:02:03Z",
        )
        .expect("signs");
        let signed: serde_json::Value = serde_json::from_str(&out).expect("json");
        assert_eq!(signed["fileName"], "XA-A-2026-bao-cao.json");
        let known = [tdg_report::KnownCatalog::from_bytes(catalog).expect("catalog")];
        let options = tdg_report::VerifyOptions {
            catalogs: &known,
            trust: None,
            ..Default::default()
        };
        let verdict =
            tdg_report::verify(signed["json"].as_str().expect("text").as_bytes(), &options)
                .expect("a report");
        // No trust list here, so the verdict cannot pass; the proof and the re-score must hold.
        assert!(verdict.proof_valid(), "{verdict:?}");
        assert_eq!(verdict.results, tdg_report::verify::ResultsCheck::Equal);
    }

    #[test]
    fn backup_round_trip_gives_the_same_identity() {
        let identity: serde_json::Value =
            serde_json::from_str(&public_identity(SEED).expect("ok")).expect("json");
        let backup = seal_backup(
            SEED,
            "mat-khau-thu",
            "XA-A",
            &"01".repeat(16),
            &"02".repeat(24),
        )
        .expect("seals");
        let restored: serde_json::Value =
            serde_json::from_str(&open_backup(backup.as_bytes(), "mat-khau-thu").expect("opens"))
                .expect("json");
        assert_eq!(restored, identity);
        assert_eq!(restored["seed"], SEED);
    }
}
