//! `tdg-signer`: a second, small WebAssembly module that the app loads only when the user signs
//! or handles the key backup, so that Ed25519, Argon2 and the report code stay out of the first
//! load. What goes in and out is defined once, in `tdg-signer-api`; every function throws a
//! [`Refusal`] (JSON text) when it refuses its input.
//!
//! Signing is in two steps so that the private key can stay a non-extractable WebCrypto key:
//! [`prepare_report`] gives the 64 bytes to sign, the app signs them with WebCrypto (or, where
//! the browser lacks Ed25519, with [`sign_with_seed`]), and [`finish_report`] assembles the
//! proof. `tdg_report::sign_report` (the command line) runs the same two steps.

use tdg_model::Localized;
use tdg_model::{Catalog, Date, Lang};
use tdg_report::report::{file_name, finish_report as finish, prepare_report as prepare};
use tdg_report::report::{PreparedReport, SignRequest};
use tdg_report::{backup, hex, PublicKey, UnitKey};
use tdg_signer_api::{Opened, PrepareRequest, Prepared, Refusal, SealRequest, Sealed, Signed};
use wasm_bindgen::prelude::*;

fn thrown(refusal: Refusal) -> JsValue {
    JsValue::from_str(&refusal.to_json())
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, Refusal> {
    serde_json::to_string(value).map_err(|e| Refusal::new(e.to_string(), e.to_string()))
}

fn input<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Refusal> {
    serde_json::from_str(text).map_err(|e| {
        Refusal::new(
            format!("Phần ký số nhận dữ liệu sai dạng: {e}"),
            format!("The signing module was given malformed input: {e}"),
        )
    })
}

fn seed(text: &str) -> Result<[u8; 32], Refusal> {
    hex::decode_array(text).ok_or_else(|| {
        Refusal::new(
            "Khóa đưa vào phần ký số bị hỏng.",
            "The key given to the signing module is damaged.",
        )
    })
}

fn not_signed(e: impl std::fmt::Display) -> Refusal {
    Refusal::new(
        format!("Không ký được báo cáo: {e}"),
        format!("The report could not be signed: {e}"),
    )
}

fn backup_refusal(e: backup::BackupError) -> Refusal {
    Refusal::new(e.message(tdg_model::Lang::Vi), e.to_string())
}

pub fn prepare_report_json(catalog_bytes: &[u8], request: &str) -> Result<String, Refusal> {
    let request: PrepareRequest = input(request)?;
    let catalog = Catalog::from_json(catalog_bytes)
        .map_err(|e| Refusal::new(e.message(Lang::Vi), e.message(Lang::En)))?;
    let submitted_on = Date::parse_iso(&request.submitted_on).map_err(not_signed)?;
    let public = PublicKey::from_did(&request.did).map_err(not_signed)?;
    let draft = &request.draft;
    let sign_request = SignRequest {
        training: request.training,
        catalog: &catalog,
        catalog_bytes,
        unit_name: draft.unit.name.clone(),
        unit_code: draft.unit.code.clone(),
        unit_group: draft.unit.group.clone(),
        sheet: &draft.sheet,
        submitted_on,
        created: request.created.clone(),
    };
    let prepared = prepare(&sign_request, &public).map_err(not_signed)?;
    json(&Prepared {
        unsigned: json(&prepared.unsigned)?,
        created: request.created,
        hash_data: hex::encode(&prepared.proof.hash_data),
        file_name: file_name(&draft.unit.code, draft.sheet.period, request.training),
    })
}

/// The fields of [`Prepared`] come back one by one (the hash data is recomputed from the
/// unsigned report): the app then needs no JSON writer for them.
pub fn finish_report_json(
    unsigned: &str,
    created: &str,
    file_name: &str,
    signature: &[u8],
) -> Result<String, Refusal> {
    let signature: [u8; 64] = signature
        .try_into()
        .map_err(|_| not_signed("the signature is not 64 bytes"))?;
    let report = PreparedReport::from_unsigned(unsigned, created).map_err(not_signed)?;
    let signed = finish(&report, &signature).map_err(not_signed)?;
    json(&Signed {
        file_name: file_name.to_string(),
        sha256: signed.sha256,
        json: signed.json,
    })
}

pub fn seal_backup_json(request: &str) -> Result<String, Refusal> {
    let request: SealRequest = input(request)?;
    let key = UnitKey::from_seed(seed(&request.seed)?);
    let random = || Refusal::new("Thiếu số ngẫu nhiên.", "Random bytes are missing.");
    let salt: [u8; 16] = hex::decode_array(&request.salt).ok_or_else(random)?;
    let nonce: [u8; 24] = hex::decode_array(&request.nonce).ok_or_else(random)?;
    let sealed = backup::seal(
        &key,
        &request.password,
        &request.label,
        key_use(request.training),
        salt,
        nonce,
    )
    .map_err(backup_refusal)?;
    let file = serde_json::to_string_pretty(&sealed)
        .map_err(|e| Refusal::new(e.to_string(), e.to_string()))?
        + "\n";
    json(&Sealed {
        did: sealed.did,
        fingerprint: sealed.fingerprint,
        file,
    })
}

/// What a key is for: training mode's area, or the unit's.
fn key_use(training: bool) -> backup::KeyUse {
    if training {
        backup::KeyUse::Training
    } else {
        backup::KeyUse::Unit
    }
}

/// Opens a backup for the unit's area, or for training mode's (`training`): a training key
/// never opens for the unit.
pub fn open_backup_json(bytes: &[u8], password: &str, training: bool) -> Result<String, Refusal> {
    let key = backup::open(bytes, password, key_use(training)).map_err(backup_refusal)?;
    let public = key.public();
    json(&Opened {
        did: public.did(),
        fingerprint: public.fingerprint(),
        seed: hex::encode(&key.seed()),
        pkcs8: hex::encode(&key.pkcs8()),
    })
}

pub fn passphrase_text(random: &[u8]) -> Result<String, Refusal> {
    let random: [u8; backup::PASSPHRASE_WORDS] = random
        .try_into()
        .map_err(|_| Refusal::new("Thiếu số ngẫu nhiên.", "Random bytes are missing."))?;
    Ok(backup::passphrase(&random))
}

/// Scores the draft and builds the unsigned report; returns [`Prepared`] (JSON).
#[wasm_bindgen]
pub fn prepare_report(catalog_bytes: &[u8], request: &str) -> Result<String, JsValue> {
    prepare_report_json(catalog_bytes, request).map_err(thrown)
}

/// The signed report ([`Signed`], JSON) from the fields of a [`Prepared`] and the 64-byte
/// Ed25519 signature of its hash data; a signature that does not verify is refused.
#[wasm_bindgen]
pub fn finish_report(
    unsigned: &str,
    created: &str,
    file_name: &str,
    signature: &[u8],
) -> Result<String, JsValue> {
    finish_report_json(unsigned, created, file_name, signature).map_err(thrown)
}

/// Ed25519 with a seed held in memory: for browsers whose WebCrypto lacks Ed25519.
#[wasm_bindgen]
pub fn sign_with_seed(seed_hex: &str, data: &[u8]) -> Result<Vec<u8>, JsValue> {
    let key = UnitKey::from_seed(seed(seed_hex).map_err(thrown)?);
    Ok(key.sign(data).to_vec())
}

/// A generated passphrase from 8 random bytes (64 bits).
#[wasm_bindgen]
pub fn passphrase(random: &[u8]) -> Result<String, JsValue> {
    passphrase_text(random).map_err(thrown)
}

/// The password-protected backup of a seed ([`SealRequest`] in, [`Sealed`] out). Runs Argon2:
/// called from the backup worker, never on the page's thread.
#[wasm_bindgen]
pub fn seal_backup(request: &str) -> Result<String, JsValue> {
    seal_backup_json(request).map_err(thrown)
}

/// The key inside a backup file ([`Opened`]); refuses costly parameters before any work.
/// Runs Argon2: called from the backup worker.
#[wasm_bindgen]
pub fn open_backup(bytes: &[u8], password: &str, training: bool) -> Result<String, JsValue> {
    open_backup_json(bytes, password, training).map_err(thrown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tdg_signer_api::names;

    const SEED: &str = "0707070707070707070707070707070707070707070707070707070707070707";
    const CATALOG: &[u8] = include_bytes!("../../../assets/catalogs/hp-175-kh-ubnd.json");

    fn request(did: &str) -> String {
        let sheet: tdg_model::AnswerSheet =
            serde_json::from_slice(include_bytes!("../../../assets/samples/xa-phuong.json"))
                .expect("sample");
        let draft = tdg_model::draft::Draft {
            unit: tdg_model::draft::UnitInfo {
                name: "UBND xã A".into(),
                code: "XA-A".into(),
                group: String::new(),
            },
            sheet,
            document: Default::default(),
        };
        serde_json::to_string(&PrepareRequest {
            draft,
            did: did.into(),
            submitted_on: "2026-11-20".into(),
            created: "2026-11-20T01:02:03Z".into(),
            training: false,
        })
        .expect("json")
    }

    /// The browser's path (prepare, sign the hash data elsewhere, finish) gives a report the
    /// verifier accepts; a signature by another key is refused with a message.
    #[test]
    fn prepared_and_finished_reports_verify() {
        let key = UnitKey::from_seed(seed(SEED).expect("seed"));
        let prepared: Prepared = serde_json::from_str(
            &prepare_report_json(CATALOG, &request(&key.public().did())).expect("prepares"),
        )
        .expect("json");
        assert_eq!(prepared.file_name, "XA-A-2026-bao-cao.json");
        let data = hex::decode(&prepared.hash_data).expect("hex");
        assert_eq!(data.len(), 64);
        let finish = |signature: &[u8]| {
            finish_report_json(
                &prepared.unsigned,
                &prepared.created,
                &prepared.file_name,
                signature,
            )
        };
        let signed: Signed =
            serde_json::from_str(&finish(&key.sign(&data)).expect("finishes")).expect("json");
        assert_eq!(signed.file_name, "XA-A-2026-bao-cao.json");
        let known = [tdg_report::KnownCatalog::from_bytes(CATALOG).expect("catalog")];
        let options = tdg_report::VerifyOptions {
            catalogs: &known,
            trust: None,
            ..Default::default()
        };
        let verdict = tdg_report::verify(signed.json.as_bytes(), &options).expect("a report");
        // No trust list here, so the verdict cannot pass; the proof and the re-score must hold.
        assert!(verdict.proof_valid(), "{verdict:?}");
        assert_eq!(verdict.results, tdg_report::verify::ResultsCheck::Equal);
        let other = UnitKey::from_seed([8; 32]).sign(&data);
        let refused = finish(&other).expect_err("refused");
        assert!(
            refused.text.en.contains("signature does not match"),
            "{refused:?}"
        );
        assert!(refused.text.vi.starts_with("Không ký được"), "{refused:?}");
    }

    #[test]
    fn backup_round_trip_gives_the_key_and_its_pkcs8() {
        let seal = SealRequest {
            seed: SEED.into(),
            password: "mat-khau-thu".into(),
            label: "XA-A".into(),
            salt: "01".repeat(16),
            nonce: "02".repeat(24),
            training: false,
        };
        let sealed: Sealed = serde_json::from_str(
            &seal_backup_json(&serde_json::to_string(&seal).expect("json")).expect("seals"),
        )
        .expect("json");
        let opened: Opened = serde_json::from_str(
            &open_backup_json(sealed.file.as_bytes(), "mat-khau-thu", false).expect("opens"),
        )
        .expect("json");
        assert_eq!(
            (&opened.did, &opened.fingerprint),
            (&sealed.did, &sealed.fingerprint)
        );
        assert_eq!(opened.seed, SEED);
        assert_eq!(
            opened.pkcs8,
            format!("302e020100300506032b657004220420{SEED}")
        );
        let wrong =
            open_backup_json(sealed.file.as_bytes(), "mat-khau-sai", false).expect_err("wrong");
        assert!(wrong
            .text
            .vi
            .starts_with("Không mở được tệp sao lưu: mật khẩu không đúng"));
        assert!(
            wrong.text.vi.contains("Unikey"),
            "says what to do: {wrong:?}"
        );
        // Training mode's key: refused for the unit, opened for training.
        let training = SealRequest {
            training: true,
            ..seal.clone()
        };
        let sealed: Sealed = serde_json::from_str(
            &seal_backup_json(&serde_json::to_string(&training).expect("json")).expect("seals"),
        )
        .expect("json");
        let refused =
            open_backup_json(sealed.file.as_bytes(), "mat-khau-thu", false).expect_err("unit");
        assert!(refused
            .text
            .vi
            .starts_with("Đây là tệp sao lưu của khóa tập huấn"));
        assert!(open_backup_json(sealed.file.as_bytes(), "mat-khau-thu", true).is_ok());
        let short = SealRequest {
            password: "ngắn".into(),
            ..seal
        };
        let refused =
            seal_backup_json(&serde_json::to_string(&short).expect("json")).expect_err("short");
        assert!(
            refused.text.en.contains("at least 12 characters"),
            "{refused:?}"
        );
    }

    #[test]
    fn malformed_input_is_refused_not_a_crash() {
        let refused = prepare_report_json(CATALOG, "{").expect_err("refused");
        assert!(refused
            .text
            .en
            .starts_with("The signing module was given malformed input"));
        assert!(prepare_report_json(CATALOG, &request("did:key:zNope")).is_err());
        assert!(finish_report_json("{}", "2026-11-20T00:00:00Z", "x.json", &[0; 64]).is_err());
        assert!(finish_report_json("{", "", "", &[0; 63]).is_err());
        assert!(passphrase_text(&[1, 2, 3]).is_err());
        assert_eq!(
            passphrase_text(&[0; 8]).expect("words").split('-').count(),
            8
        );
    }

    /// The exported names are the ones the app and the worker call (tdg-signer-api::names).
    #[test]
    fn exported_names_are_the_shared_ones() {
        let source = include_str!("lib.rs");
        for name in [
            names::PREPARE_REPORT,
            names::FINISH_REPORT,
            names::SIGN_WITH_SEED,
            names::PASSPHRASE,
            names::SEAL_BACKUP,
            names::OPEN_BACKUP,
        ] {
            assert!(
                source.contains(&format!("#[wasm_bindgen]\npub fn {name}(")),
                "{name} is not exported"
            );
        }
    }
}
