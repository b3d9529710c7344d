//! The fuzz targets: one body each, called by the stable harness (`harness.rs`), by libFuzzer
//! (`fuzz/fuzz_targets/`) and by the corpus replay test (`tests/corpus.rs`). A body panics on a
//! finding: a panic of the code under test, or a broken property (an `assert!` here). Otherwise
//! it returns a short name of what happened, which the stable harness uses as its only feedback
//! (an input with a new outcome joins the pool).

use crate::fixtures::{self, fixtures, BACKUP_PASSWORD};
use serde_json::Value;
use tdg_model::draft::{import_draft, DraftFile, UnitInfo};
use tdg_model::{score, AnswerSheet, Catalog};
use tdg_report::backup::{self, BackupError};
use tdg_report::strict_json::{self, StrictJsonError};
use tdg_report::verify::ReportError;
use tdg_report::{hex, jcs, verify, Report, VerifyOptions};

/// Argon2 cost a fuzz case may ask for; dearer files are cut down to it before opening (the
/// bounds of `backup.rs` itself allow a GiB and 16 passes: seconds per case).
pub const FUZZ_MAX_MEMORY_KIB: u64 = 64;
pub const FUZZ_MAX_ITERATIONS: u64 = 2;
pub const FUZZ_MAX_PARALLELISM: u64 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    StrictJson,
    VerifyReport,
    BackupOpen,
    DraftImport,
    Catalog,
    Hex,
}

pub const ALL: [Target; 6] = [
    Target::StrictJson,
    Target::VerifyReport,
    Target::BackupOpen,
    Target::DraftImport,
    Target::Catalog,
    Target::Hex,
];

impl Target {
    /// Also the corpus folder's name, `fuzz/corpus/<name>/`.
    pub fn name(self) -> &'static str {
        match self {
            Target::StrictJson => "strict_json",
            Target::VerifyReport => "verify_report",
            Target::BackupOpen => "backup_open",
            Target::DraftImport => "draft_import",
            Target::Catalog => "catalog",
            Target::Hex => "hex",
        }
    }

    pub fn from_name(name: &str) -> Option<Target> {
        ALL.into_iter().find(|t| t.name() == name)
    }

    /// Runs one input; panics on a finding.
    pub fn run(self, data: &[u8]) -> String {
        match self {
            Target::StrictJson => strict_json_target(data),
            Target::VerifyReport => verify_target(data),
            Target::BackupOpen => backup_target(data),
            Target::DraftImport => draft_target(data),
            Target::Catalog => catalog_target(data),
            Target::Hex => hex_target(data),
        }
    }

    /// The inputs the corpus starts from (`tdg-fuzz seed` writes them to `fuzz/corpus/`).
    pub fn seeds(self) -> Vec<(String, Vec<u8>)> {
        let named = |items: Vec<(&str, Vec<u8>)>| {
            items
                .into_iter()
                .map(|(n, b)| (format!("seed-{n}"), b))
                .collect()
        };
        let valid = fixtures::VALID_REPORT.to_vec();
        let valid_text = String::from_utf8_lossy(fixtures::VALID_REPORT).into_owned();
        match self {
            Target::StrictJson => named(vec![
                ("valid-report.json", valid),
                (
                    "numbers.json",
                    br#"[0, -1, 9007199254740991, -9007199254740991, 1.0, 1e0, -0, 9007199254740992]"#
                        .to_vec(),
                ),
                (
                    "escapes.json",
                    "{\"\\u0000\\b\\f\\n\\r\\t\\\"\\\\\\/\": \"\\ud83d\\ude00 \u{1f600} \u{fb33} é\", \"\\u00e9\": [true, false, null]}"
                        .as_bytes()
                        .to_vec(),
                ),
                ("duplicate.json", br#"{"a": {"b": 1, "b": 2}}"#.to_vec()),
                ("deep.json", {
                    let mut d = "[".repeat(64);
                    d.push_str(&"]".repeat(64));
                    d.into_bytes()
                }),
            ]),
            Target::VerifyReport => named(vec![
                ("valid.json", valid),
                ("big-size-signed.json", fixtures::big_size_report()),
                (
                    "compact.json",
                    serde_json::to_vec(&fixtures().original_value).expect("serialises"),
                ),
                (
                    "context-appended.json",
                    valid_text
                        .replacen(
                            "\"https://www.w3.org/ns/credentials/v2\"\n  ],",
                            "\"https://www.w3.org/ns/credentials/v2\",\n    \"https://example.org/x\"\n  ],",
                            1,
                        )
                        .into_bytes(),
                ),
                (
                    "big-count.json",
                    valid_text
                        .replacen("\"count\": 3,", "\"count\": 9007199254740993,", 1)
                        .into_bytes(),
                ),
            ]),
            Target::BackupOpen => named(vec![
                ("cheap.json", fixtures::cheap_backup([42; 32], 8, 1).into_bytes()),
                ("cheap-2.json", fixtures::cheap_backup([7; 32], 16, 2).into_bytes()),
                (
                    "expensive.json",
                    fixtures::cheap_backup([9; 32], 8, 1)
                        .replacen("\"memoryKib\": 8", "\"memoryKib\": 1048576", 1)
                        .replacen("\"iterations\": 1", "\"iterations\": 16", 1)
                        .into_bytes(),
                ),
            ]),
            Target::DraftImport => fixtures::SAMPLES
                .iter()
                .filter_map(|(name, bytes)| {
                    let sheet: AnswerSheet = serde_json::from_slice(bytes).ok()?;
                    let draft = tdg_model::draft::Draft {
                        unit: UnitInfo {
                            name: "UBND xã Ví Dụ".into(),
                            code: "XA-01".into(),
                            group: "Cụm 1".into(),
                        },
                        sheet,
                        document: Default::default(),
                    };
                    let file = DraftFile::new(&fixtures().catalog, &draft);
                    Some((format!("seed-{name}.json"), file.to_json().into_bytes()))
                })
                .collect(),
            Target::Catalog => named(vec![
                ("shipped.json", fixtures::CATALOG.to_vec()),
                ("one-tier.json", small_catalog(1, 3)),
                ("two-tiers.json", small_catalog(2, 1)),
                ("empty-object.json", b"{}".to_vec()),
            ]),
            Target::Hex => named(vec![
                ("lower.txt", b"00ff7fa5".to_vec()),
                ("upper.txt", b"ABCDEF".to_vec()),
                ("odd.txt", b"abc".to_vec()),
                ("salt.txt", hex::encode(&[1; 16]).into_bytes()),
            ]),
        }
    }
}

/// A value that parses strictly: canonicalises, re-reads to itself, and holds safe integers
/// only; the lax reader agrees with it.
fn strict_json_target(data: &[u8]) -> String {
    let value = match strict_json::parse(data) {
        Ok(v) => v,
        Err(e) => return format!("err:{}", json_error_kind(&e)),
    };
    assert_eq!(
        strict_json::unsafe_number_in(&value),
        None,
        "a number the strict reader should have refused"
    );
    let canonical = jcs::canonicalize(&value).expect("a strictly parsed value canonicalises");
    let again = strict_json::parse(canonical.as_bytes()).expect("JCS output parses strictly");
    assert_eq!(again, value, "JCS output reads back to another value");
    assert_eq!(
        jcs::canonicalize(&again).as_deref(),
        Ok(canonical.as_str()),
        "JCS is not idempotent"
    );
    let lax: Value = serde_json::from_slice(data).expect("strict accepted what serde refuses");
    assert_eq!(lax, value, "the strict and the lax reader disagree");
    "ok".into()
}

fn json_error_kind(e: &StrictJsonError) -> &'static str {
    match e {
        StrictJsonError::TooLarge { .. } => "tooLarge",
        StrictJsonError::NotUtf8 { .. } => "notUtf8",
        StrictJsonError::DuplicateKey { .. } => "duplicateKey",
        StrictJsonError::TooDeep { .. } => "tooDeep",
        StrictJsonError::Syntax { .. } => "syntax",
        StrictJsonError::UnsafeNumber(_) => "unsafeNumber",
    }
}

/// A mutated report that passes every check must read exactly as the original: same answers,
/// results, unit, everything (only whitespace, key order and escapes may change).
fn verify_target(data: &[u8]) -> String {
    let f = fixtures();
    let options = VerifyOptions {
        catalogs: &f.known,
        trust: Some(&f.trust),
        ..VerifyOptions::default()
    };
    let verdict = match verify(data, &options) {
        Ok(v) => v,
        Err(ReportError::Json(e)) => return format!("err:{}", json_error_kind(&e)),
        Err(ReportError::NoVersion) => return "err:noVersion".into(),
        Err(ReportError::UnknownVersion(_)) => return "err:unknownVersion".into(),
        Err(ReportError::Shape(_)) => return "err:shape".into(),
    };
    if !verdict.passes() {
        return format!(
            "fails:{},{},{},{},{}",
            variant_name(&verdict.proof),
            variant_name(&verdict.key),
            variant_name(&verdict.catalog),
            variant_name(&verdict.results),
            variant_name(&verdict.timing)
        );
    }
    let value = strict_json::parse(data).expect("it passed, so it parses");
    let report: Report = serde_json::from_value(value.clone()).expect("it passed, so it reads");
    assert!(
        f.signed.contains(&value),
        "a report that passes holds other JSON than any document that was signed"
    );
    if value == f.original_value {
        assert_eq!(
            report, f.original_report,
            "a report that passes reads differently from the one that was signed"
        );
    }
    "passes".into()
}

/// Opening never panics, costs milliseconds (Argon2 capped), and a key it restores is the key
/// the file names.
fn backup_target(data: &[u8]) -> String {
    let capped;
    let mut input = data;
    if let Ok(mut value) = strict_json::parse(data) {
        if let Some(kdf) = value.get_mut("kdf").and_then(Value::as_object_mut) {
            let mut changed = false;
            for (field, max) in [
                ("memoryKib", FUZZ_MAX_MEMORY_KIB),
                ("iterations", FUZZ_MAX_ITERATIONS),
                ("parallelism", FUZZ_MAX_PARALLELISM),
            ] {
                if kdf
                    .get(field)
                    .and_then(Value::as_u64)
                    .is_some_and(|v| v > max)
                {
                    kdf.insert(field.into(), max.into());
                    changed = true;
                }
            }
            if changed {
                capped = serde_json::to_vec(&value).expect("a value serialises");
                input = &capped;
            }
        }
    }
    match backup::open(input, BACKUP_PASSWORD, backup::KeyUse::Unit) {
        Ok(key) => {
            let named = strict_json::parse(input)
                .ok()
                .and_then(|v| v.get("did").and_then(Value::as_str).map(String::from));
            assert_eq!(
                named.as_deref(),
                Some(key.public().did().as_str()),
                "a backup opened to another key than the one it names"
            );
            "opens".into()
        }
        Err(e) => format!(
            "err:{}",
            match e {
                BackupError::PasswordTooShort => "passwordTooShort",
                BackupError::NotABackup(_) => "notABackup",
                BackupError::UnknownVersion(_) => "unknownVersion",
                BackupError::Unsupported(_) => "unsupported",
                BackupError::WrongPasswordOrDamaged => "wrongPasswordOrDamaged",
                BackupError::KeyMismatch => "keyMismatch",
                BackupError::TooCostly { .. } => "tooCostly",
                BackupError::TrainingKey => "trainingKey",
            }
        ),
    }
}

/// An imported draft exports to a file that imports to the same draft, and it can be scored
/// without a panic.
fn draft_target(data: &[u8]) -> String {
    let catalog = &fixtures().catalog;
    match import_draft(data, catalog) {
        Ok(draft) => {
            let again = DraftFile::new(catalog, &draft).to_json();
            assert_eq!(
                import_draft(again.as_bytes(), catalog).as_ref(),
                Ok(&draft),
                "an imported draft does not survive export and import"
            );
            if !draft.sheet.tier.is_empty() {
                let _ = score(catalog, &draft.sheet);
            }
            "ok".into()
        }
        Err(e) => format!("err:{}", variant_name(&e)),
    }
}

/// A catalog that reads is valid, survives a write and a read, and scores an empty answer sheet
/// of each tier and variant without a panic.
fn catalog_target(data: &[u8]) -> String {
    let catalog = match Catalog::from_json(data) {
        Ok(c) => c,
        Err(e) => return format!("err:{}", variant_name(&e)),
    };
    assert!(
        catalog.problems().is_empty(),
        "a catalog read with problems"
    );
    let written = serde_json::to_vec(&catalog).expect("a catalog serialises");
    assert_eq!(
        Catalog::from_json(&written).as_ref(),
        Ok(&catalog),
        "a catalog does not survive a write and a read"
    );
    for tier in catalog.tiers.iter().take(16) {
        let variants: Vec<Option<String>> = if tier.variants.is_empty() {
            vec![None]
        } else {
            tier.variants.iter().map(|v| Some(v.id.clone())).collect()
        };
        for variant in variants.into_iter().take(8) {
            let sheet = AnswerSheet {
                tier: tier.id.clone(),
                variant,
                period: tier.periods.from,
                submitted_on: None,
                answers: Default::default(),
            };
            let _ = score(&catalog, &sheet);
        }
    }
    "ok".into()
}

/// `decode` accepts exactly whole pairs of hex digits and `encode` inverts it.
fn hex_target(data: &[u8]) -> String {
    let encoded = hex::encode(data);
    assert_eq!(
        hex::decode(&encoded).as_deref(),
        Some(data),
        "encode/decode"
    );
    let text = String::from_utf8_lossy(data);
    let is_hex = text.len().is_multiple_of(2) && text.bytes().all(|b| b.is_ascii_hexdigit());
    match hex::decode(&text) {
        Some(bytes) => {
            assert!(is_hex, "decode accepted text that is not hex: {text:?}");
            assert_eq!(hex::encode(&bytes), text.to_ascii_lowercase(), "round trip");
            assert_eq!(
                hex::decode_array::<3>(&text),
                <[u8; 3]>::try_from(bytes.as_slice()).ok()
            );
            "hex".into()
        }
        None => {
            assert!(!is_hex, "decode refused hex text: {text:?}");
            "not-hex".into()
        }
    }
}

/// `Foo` of `Foo { .. }` or `Foo(..)`: an error's kind without its details, as an outcome.
fn variant_name(e: &impl std::fmt::Debug) -> String {
    format!("{e:?}")
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// The shipped catalog cut down to its first `tiers` tiers and `criteria` criteria each: small
/// seeds that mutate faster than 80 KB (whether they stay valid is for the fuzzer to find).
fn small_catalog(tiers: usize, criteria: usize) -> Vec<u8> {
    let mut value: Value = serde_json::from_slice(fixtures::CATALOG).unwrap_or_default();
    if let Some(list) = value.get_mut("tiers").and_then(Value::as_array_mut) {
        list.truncate(tiers);
        for tier in list {
            if let Some(c) = tier.get_mut("criteria").and_then(Value::as_array_mut) {
                c.truncate(criteria);
            }
        }
    }
    serde_json::to_vec_pretty(&value).unwrap_or_default()
}
