//! What the targets check against, built once per process: the shipped catalog, the tamper
//! suite's valid report and trust list, and cheap key backups. Compiled in, so that a fuzzer
//! binary runs from any directory.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use std::sync::OnceLock;
use tdg_model::Catalog;
use tdg_report::backup::{Cipher, Kdf, KeyBackup, BACKUP_KIND, BACKUP_VERSION};
use tdg_report::trust::TrustList;
use tdg_report::{KnownCatalog, Report, UnitKey};

pub const CATALOG: &[u8] = include_bytes!("../../../assets/catalogs/hp-175-kh-ubnd.json");
pub const VALID_REPORT: &[u8] = include_bytes!("../../../tests/fixtures/reports/valid.json");
pub const TRUST_LIST: &[u8] = include_bytes!("../../../tests/fixtures/reports/trust-list.json");
pub const SAMPLES: [(&str, &[u8]); 4] = [
    (
        "xa-phuong",
        include_bytes!("../../../assets/samples/xa-phuong.json"),
    ),
    (
        "vi-du-xa",
        include_bytes!("../../../assets/samples/vi-du-xa.json"),
    ),
    (
        "so-nganh",
        include_bytes!("../../../assets/samples/so-nganh.json"),
    ),
    (
        "doanh-nghiep-cntt",
        include_bytes!("../../../assets/samples/doanh-nghiep-cntt.json"),
    ),
];
/// The password of every seed backup.
pub const BACKUP_PASSWORD: &str = "mat-khau-fuzz";

/// The tamper suite's unit key (crates/report/tests/tamper.rs), registered in its trust list.
pub const UNIT_SEED: [u8; 32] = *b"tdg test unit XA-TEST-01 key....";

pub struct Fixtures {
    pub catalog: Catalog,
    pub known: [KnownCatalog; 1],
    pub trust: TrustList,
    /// The valid report, as the verifier's strict reader reads it.
    pub original_value: serde_json::Value,
    pub original_report: Report,
    /// Every document the unit key signed that a fuzz case starts from (read laxly): a report
    /// that passes must be one of them.
    pub signed: Vec<serde_json::Value>,
}

/// The fixtures; a broken fixture is a bug of the repository, not a finding, hence `expect`.
pub fn fixtures() -> &'static Fixtures {
    static FIXTURES: OnceLock<Fixtures> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let original_value =
            tdg_report::strict_json::parse(VALID_REPORT).expect("valid.json parses");
        Fixtures {
            catalog: Catalog::from_json(CATALOG).expect("the shipped catalog is valid"),
            known: [KnownCatalog::from_bytes(CATALOG).expect("the shipped catalog is valid")],
            trust: TrustList::from_json(TRUST_LIST).expect("the trust list fixture is valid"),
            original_report: serde_json::from_value(original_value.clone())
                .expect("valid.json is a report"),
            signed: [VALID_REPORT.to_vec(), big_size_report()]
                .iter()
                .map(|b| serde_json::from_slice(b).expect("signed fixtures are JSON"))
                .collect(),
            original_value,
        }
    })
}

/// The valid report with one more piece of evidence, a file of 2^53 bytes, signed by the unit
/// key as an old signer would have signed it. Its neighbour 2^53 + 1 canonicalises to the same
/// text, so carries the same signature: a verifier without the number rule passes a report
/// that reads 2^53 + 1, which the oracle of `verify_report` catches.
pub fn big_size_report() -> Vec<u8> {
    let mut value: serde_json::Value =
        serde_json::from_slice(VALID_REPORT).expect("valid.json is JSON");
    let created = value["validFrom"].clone();
    let map = value.as_object_mut().expect("a report is an object");
    map.remove("proof");
    if let Some(evidence) =
        map["credentialSubject"]["answers"]["xp.tuyen-truyen"]["evidence"].as_array_mut()
    {
        evidence.push(serde_json::json!({
            "kind": "file", "name": "anh-tuyen-truyen.zip", "size": 1u64 << 53, "sha256": "ab".repeat(32)
        }));
    }
    let key = UnitKey::from_seed(UNIT_SEED);
    let options = tdg_report::proof::ProofOptions {
        created: created
            .as_str()
            .unwrap_or("2026-11-10T02:00:00Z")
            .to_string(),
        verification_method: key.public().verification_method(),
    };
    let signed = tdg_report::proof::sign(&value, &options, &key).expect("signs");
    (serde_json::to_string_pretty(&signed).expect("serialises") + "\n").into_bytes()
}

/// A key backup in the format of `tdg_report::backup`, sealed with Argon2id at `memory_kib`
/// and `iterations` (the real `seal` always uses the expensive defaults; a fuzzer needs
/// milliseconds per case). `tests/corpus.rs` checks that `backup::open` restores it.
pub fn cheap_backup(seed: [u8; 32], memory_kib: u32, iterations: u32) -> String {
    let key = UnitKey::from_seed(seed);
    let did = key.public().did();
    let salt = [seed[0]; 16];
    let nonce = [seed[1]; 24];
    let mut derived = [0u8; 32];
    Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(memory_kib, iterations, 1, Some(32)).expect("valid Argon2 parameters"),
    )
    .hash_password_into(BACKUP_PASSWORD.as_bytes(), &salt, &mut derived)
    .expect("Argon2 with valid parameters");
    let sealed = XChaCha20Poly1305::new((&derived).into())
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &key.seed(),
                aad: did.as_bytes(),
            },
        )
        .expect("sealing 32 bytes");
    let backup = KeyBackup {
        kind: BACKUP_KIND.into(),
        version: BACKUP_VERSION,
        fingerprint: key.public().fingerprint(),
        did,
        label: "UBND xã Ví Dụ (XA-FUZZ)".into(),
        training: false,
        kdf: Kdf {
            name: "argon2id".into(),
            memory_kib,
            iterations,
            parallelism: 1,
            salt: tdg_report::hex::encode(&salt),
        },
        cipher: Cipher {
            name: "xchacha20poly1305".into(),
            nonce: tdg_report::hex::encode(&nonce),
        },
        ciphertext: tdg_report::hex::encode(&sealed),
    };
    serde_json::to_string_pretty(&backup).expect("a backup serialises") + "\n"
}
