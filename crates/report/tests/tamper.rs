//! The tamper suite: a valid report and its altered variants under tests/fixtures/reports, each
//! with its expected verdict in `expected.json`. `TDG_WRITE_FIXTURES=1 cargo test -p tdg-report
//! --test tamper` regenerates the files (deterministically: fixed keys, fixed dates).

use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;
use tdg_model::Localized;
use tdg_model::{AnswerSheet, Catalog, Date};
use tdg_report::proof::{self, ProofOptions};
use tdg_report::report::sign_report;
use tdg_report::trust::Registration;
use tdg_report::trust::TrustList;
use tdg_report::verify::{CatalogCheck, ProofCheck, ResultsCheck, TimingCheck};
use tdg_report::{verify, KnownCatalog, SignRequest, UnitKey, Verdict, VerifyOptions};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dir() -> PathBuf {
    root().join("tests/fixtures/reports")
}

fn catalog_bytes() -> Vec<u8> {
    std::fs::read(root().join("assets/catalogs/hp-175-kh-ubnd.json")).expect("catalog")
}

/// The test unit's key, and two others: an attacker's and another registered unit's.
fn unit_key() -> UnitKey {
    UnitKey::from_seed(*b"tdg test unit XA-TEST-01 key....")
}
fn attacker_key() -> UnitKey {
    UnitKey::from_seed(*b"tdg test attacker key...........")
}
fn other_unit_key() -> UnitKey {
    UnitKey::from_seed(*b"tdg test unit XA-TEST-02 key....")
}
/// Registered for XA-TEST-04, revoked on 2026-11-05 (before the fixtures' signing day).
fn revoked_key() -> UnitKey {
    UnitKey::from_seed(*b"tdg test unit XA-TEST-04 key....")
}

fn sheet() -> AnswerSheet {
    let bytes = std::fs::read(root().join("assets/samples/vi-du-xa.json")).expect("answers");
    serde_json::from_slice(&bytes).expect("valid answers")
}

fn sign_with(key: &UnitKey, catalog_bytes: &[u8], sheet: &AnswerSheet, submitted: &str) -> Value {
    sign_at(
        key,
        catalog_bytes,
        sheet,
        submitted,
        &format!("{submitted}T02:00:00Z"),
    )
}

fn sign_at(
    key: &UnitKey,
    catalog_bytes: &[u8],
    sheet: &AnswerSheet,
    submitted: &str,
    created: &str,
) -> Value {
    sign_for(key, catalog_bytes, sheet, submitted, created, false)
}

fn sign_for(
    key: &UnitKey,
    catalog_bytes: &[u8],
    sheet: &AnswerSheet,
    submitted: &str,
    created: &str,
    training: bool,
) -> Value {
    let catalog = Catalog::from_json(&catalog_bytes_or_shipped(catalog_bytes)).expect("catalog");
    let request = SignRequest {
        training,
        catalog: &catalog,
        catalog_bytes,
        unit_name: "UBND xã Ví Dụ".into(),
        unit_code: "XA-TEST-01".into(),
        unit_group: "Cụm thi đua số 1".into(),
        sheet,
        submitted_on: Date::parse_iso(submitted).expect("date"),
        created: created.to_string(),
    };
    let signed = sign_report(&request, key).expect("signs");
    serde_json::from_str(&signed.json).expect("json")
}

/// A catalog whose bytes differ only by a trailing space still parses as the shipped one.
fn catalog_bytes_or_shipped(bytes: &[u8]) -> Vec<u8> {
    if Catalog::from_json(bytes).is_ok() {
        bytes.to_vec()
    } else {
        catalog_bytes()
    }
}

fn valid() -> Value {
    sign_with(&unit_key(), &catalog_bytes(), &sheet(), "2026-11-10")
}

/// Re-signs `doc` (without its proof) with `key`, the verification method naming `method_key`.
fn resign(doc: &Value, key: &UnitKey, issuer_of: &UnitKey) -> Value {
    let mut unsigned = doc.clone();
    let map = unsigned.as_object_mut().expect("object");
    map.remove("proof");
    map.insert("issuer".into(), issuer_of.public().did().into());
    let options = ProofOptions {
        created: "2026-11-10T02:00:00Z".into(),
        verification_method: key.public().verification_method(),
    };
    proof::sign(&unsigned, &options, key).expect("signs")
}

fn pretty(v: &Value) -> Vec<u8> {
    (serde_json::to_string_pretty(v).expect("json") + "\n").into_bytes()
}

/// Every variant: file name, bytes, expected summary.
fn variants() -> Vec<(&'static str, Vec<u8>, Value)> {
    let ok = json!({"proof":"valid","dates":"consistent","key":"valid","catalog":"known","results":"equal","passes":true});
    let with = |changes: Value| {
        let mut e = ok.clone();
        for (k, v) in changes.as_object().expect("object") {
            e[k] = v.clone();
        }
        e["passes"] = false.into();
        e
    };
    let v = valid();
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut d = v.clone();
        f(&mut d);
        pretty(&d)
    };
    let valid_text = String::from_utf8(pretty(&v)).expect("utf-8");
    let mut deep = String::from("{\"reportVersion\":1,\"x\":");
    deep.push_str(&"[".repeat(100));
    deep.push_str(&"]".repeat(100));
    deep.push('}');
    let mut late_sheet = sheet();
    late_sheet.submitted_on = None;
    let mut inflated = v.clone();
    inflated["credentialSubject"]["results"]["total"] = 95_000.into();
    inflated["credentialSubject"]["results"]["band"] = "xuat-sac".into();
    let inflated = resign(&inflated, &unit_key(), &unit_key());
    let mut unknown_catalog = v.clone();
    unknown_catalog["credentialSubject"]["catalog"]["version"] = "2099.1".into();
    let unknown_catalog = resign(&unknown_catalog, &unit_key(), &unit_key());
    let mut other_catalog = v.clone();
    other_catalog["credentialSubject"]["catalog"]["sha256"] = "0".repeat(64).into();
    let other_catalog_signed = resign(&other_catalog, &unit_key(), &unit_key());
    // 2^53 signed as it is; 2^53 + 1 canonicalises (through a double) to the same text, so the
    // same signature covers it: a verifier that read on would show a number nobody signed.
    let mut big = v.clone();
    big["credentialSubject"]["answers"]["xp.tuyen-truyen"]["count"] = (1u64 << 53).into();
    let big_text =
        String::from_utf8(pretty(&resign(&big, &unit_key(), &unit_key()))).expect("utf-8");
    let mut extra_context = v.clone();
    extra_context["@context"]
        .as_array_mut()
        .expect("@context is an array")
        .push("https://example.org/extra-terms/v1".into());
    let extra_context = resign(&extra_context, &unit_key(), &unit_key());
    let unregistered = UnitKey::from_seed(*b"tdg test unit XA-TEST-03 key....");
    let training = sign_for(
        &unit_key(),
        &catalog_bytes(),
        &sheet(),
        "2026-11-10",
        "2026-11-10T02:00:00Z",
        true,
    );
    vec![
        ("valid.json", pretty(&v), ok.clone()),
        // Every check passes but the purpose: a workshop's report is never a submission.
        ("training.json", pretty(&training), with(json!({}))),
        (
            "changed-answer.json",
            edit(&|d| {
                d["credentialSubject"]["answers"]["xp.ho-so-truc-tuyen"]["numerator"] = 700.into()
            }),
            with(json!({"proof":"invalid","results":"differ"})),
        ),
        (
            "changed-result.json",
            edit(&|d| d["credentialSubject"]["results"]["total"] = 98_500.into()),
            with(json!({"proof":"invalid","results":"differ"})),
        ),
        (
            "changed-unit-name.json",
            edit(&|d| d["credentialSubject"]["unit"]["name"] = "UBND xã Khác".into()),
            with(json!({"proof":"invalid"})),
        ),
        (
            "changed-unit-code.json",
            edit(&|d| d["credentialSubject"]["unit"]["code"] = "XA-TEST-02".into()),
            with(json!({"proof":"invalid","key":"otherUnits"})),
        ),
        (
            "changed-period.json",
            edit(&|d| d["credentialSubject"]["period"] = 2025.into()),
            with(json!({"proof":"invalid","results":"differ"})),
        ),
        (
            "changed-submission-date.json",
            edit(&|d| d["credentialSubject"]["submittedOn"] = "2026-11-01".into()),
            with(json!({"proof":"invalid","dates":"notTheSigningDay"})),
        ),
        (
            "changed-evidence.json",
            edit(&|d| {
                d["credentialSubject"]["answers"]["xp.an-toan"]["evidence"][0]["number"] =
                    "99/PA-UBND".into()
            }),
            with(json!({"proof":"invalid"})),
        ),
        (
            "proof-removed.json",
            edit(&|d| {
                d.as_object_mut().expect("object").remove("proof");
            }),
            with(json!({"proof":"invalid","dates":"badTimestamp"})),
        ),
        (
            "proofvalue-garbage.json",
            edit(&|d| d["proof"]["proofValue"] = "z!!not-base58!!".into()),
            with(json!({"proof":"invalid"})),
        ),
        (
            "proofvalue-of-another-document.json",
            {
                let other = sign_with(&unit_key(), &catalog_bytes(), &sheet(), "2026-11-11");
                edit(&|d| d["proof"]["proofValue"] = other["proof"]["proofValue"].clone())
            },
            with(json!({"proof":"invalid"})),
        ),
        (
            "proof-created-changed.json",
            edit(&|d| d["proof"]["created"] = "2026-11-11T02:00:00Z".into()),
            with(json!({"proof":"invalid","dates":"validFromNotCreated"})),
        ),
        (
            "wrong-cryptosuite.json",
            edit(&|d| d["proof"]["cryptosuite"] = "eddsa-rdfc-2022".into()),
            with(json!({"proof":"invalid"})),
        ),
        (
            "key-swapped.json",
            pretty(&resign(&v, &attacker_key(), &attacker_key())),
            with(json!({"key":"unknown"})),
        ),
        (
            "resigned-other-key-same-issuer.json",
            pretty(&resign(&v, &attacker_key(), &unit_key())),
            with(json!({"proof":"issuerMismatch"})),
        ),
        (
            "signed-by-other-registered-unit.json",
            pretty(&resign(&v, &other_unit_key(), &other_unit_key())),
            with(json!({"key":"otherUnits"})),
        ),
        (
            "unregistered-key.json",
            pretty(&resign(&v, &unregistered, &unregistered)),
            with(json!({"key":"unknown"})),
        ),
        (
            "issuer-not-did-key.json",
            edit(&|d| d["issuer"] = "https://example.org/issuer".into()),
            with(json!({"proof":"badIssuer","key":"unknown"})),
        ),
        (
            "catalog-hash-changed.json",
            pretty(&other_catalog),
            with(json!({"proof":"invalid","catalog":"hashMismatch","results":"notChecked"})),
        ),
        (
            "catalog-hash-changed-resigned.json",
            pretty(&other_catalog_signed),
            with(json!({"catalog":"hashMismatch","results":"notChecked"})),
        ),
        (
            "catalog-unknown.json",
            pretty(&unknown_catalog),
            with(json!({"catalog":"unknown","results":"notChecked"})),
        ),
        (
            "inflated-results-signed.json",
            pretty(&inflated),
            with(json!({"results":"differ"})),
        ),
        (
            "late.json",
            pretty(&sign_with(
                &unit_key(),
                &catalog_bytes(),
                &late_sheet,
                "2026-12-05",
            )),
            // Late is not a failure of the report: the office's received date sets the penalty.
            ok.clone(),
        ),
        (
            "backdated-clock.json",
            // The signing computer's clock was set back: created and submittedOn agree, so
            // integrity holds; only the office's received date can take the bonus away.
            pretty(&sign_with(
                &unit_key(),
                &catalog_bytes(),
                &late_sheet,
                "2026-10-20",
            )),
            ok.clone(),
        ),
        (
            "submitted-not-the-signing-day.json",
            pretty(&sign_at(
                &unit_key(),
                &catalog_bytes(),
                &late_sheet,
                "2026-11-01",
                "2026-11-20T02:00:00Z",
            )),
            with(json!({"dates":"notTheSigningDay"})),
        ),
        (
            "submitted-day-before-in-utc.json",
            // Signed at 06:30 in Hải Phòng (UTC+7) on 2026-11-10: 23:30 UTC the day before.
            pretty(&sign_at(
                &unit_key(),
                &catalog_bytes(),
                &late_sheet,
                "2026-11-10",
                "2026-11-09T23:30:00Z",
            )),
            ok.clone(),
        ),
        (
            "valid-from-not-a-timestamp.json",
            pretty(&{
                let mut d = v.clone();
                d["validFrom"] = "10/11/2026".into();
                resign(&d, &unit_key(), &unit_key())
            }),
            with(json!({"dates":"badTimestamp"})),
        ),
        (
            "declared-other-cluster.json",
            pretty(&{
                let mut d = v.clone();
                d["credentialSubject"]["unit"]["group"] = "Cụm thi đua số 2".into();
                resign(&d, &unit_key(), &unit_key())
            }),
            with(json!({"key":"mismatch"})),
        ),
        (
            "declared-cluster-other-spacing-and-case.json",
            pretty(&{
                let mut d = v.clone();
                d["credentialSubject"]["unit"]["group"] = "  cụm THI  đua số 1 ".into();
                resign(&d, &unit_key(), &unit_key())
            }),
            ok.clone(),
        ),
        (
            "declared-other-tier.json",
            pretty(&{
                let mut d = v.clone();
                d["credentialSubject"]["unit"]["tier"] = "quan-huyen".into();
                resign(&d, &unit_key(), &unit_key())
            }),
            with(json!({"key":"mismatch","results":"unscorable"})),
        ),
        (
            "declared-other-name.json",
            pretty(&{
                let mut d = v.clone();
                d["credentialSubject"]["unit"]["name"] = "UBND phường Thử Nghiệm".into();
                resign(&d, &unit_key(), &unit_key())
            }),
            ok.clone(),
        ),
        (
            "results-with-an-added-field.json",
            // Signed by the unit itself, with a number the re-score does not write: other tools
            // reading the file would show it, so it must not pass.
            pretty(&{
                let mut d = v.clone();
                d["credentialSubject"]["results"]["officialTotal"] = 99_000.into();
                resign(&d, &unit_key(), &unit_key())
            }),
            with(json!({"results":"differ"})),
        ),
        (
            "answers-of-another-tier.json",
            pretty(&{
                let mut d = v.clone();
                d["credentialSubject"]["answers"]["sn.dinh-danh"] = json!({"yes": true});
                resign(&d, &unit_key(), &unit_key())
            }),
            with(json!({"results":"differ"})),
        ),
        (
            "valid-from-another-day.json",
            pretty(&{
                let mut d = v.clone();
                d["validFrom"] = "2031-01-01T00:00:00Z".into();
                resign(&d, &unit_key(), &unit_key())
            }),
            with(json!({"dates":"validFromNotCreated"})),
        ),
        (
            "type-changed.json",
            pretty(&{
                let mut d = v.clone();
                d["type"] = json!(["VerifiableCredential", "SomethingElse"]);
                resign(&d, &unit_key(), &unit_key())
            }),
            json!({"error":"shape"}),
        ),
        (
            "next-year-period.json",
            // A unit declaring next year's period: signed honestly, but the office's received
            // date must not count it as a year early.
            pretty(&{
                let mut next = late_sheet.clone();
                next.period = 2027;
                sign_with(&unit_key(), &catalog_bytes(), &next, "2026-12-05")
            }),
            ok.clone(),
        ),
        (
            "revoked-key.json",
            pretty(&{
                let mut d = v.clone();
                d["credentialSubject"]["unit"]["code"] = "XA-TEST-04".into();
                resign(&d, &revoked_key(), &revoked_key())
            }),
            with(json!({"key":"revoked"})),
        ),
        (
            "duplicate-key.json",
            valid_text
                .replacen(
                    "\"reportVersion\": 1,",
                    "\"reportVersion\": 1,\n  \"reportVersion\": 1,",
                    1,
                )
                .into_bytes(),
            json!({"error":"duplicateKey"}),
        ),
        (
            "duplicate-key-inside-results.json",
            valid_text
                .replacen(
                    "\"total\": 66000",
                    "\"total\": 66000,\n      \"total\": 98500",
                    1,
                )
                .into_bytes(),
            json!({"error":"duplicateKey"}),
        ),
        (
            "truncated.json",
            valid_text.as_bytes()[..valid_text.len() / 2].to_vec(),
            json!({"error":"syntax"}),
        ),
        (
            "not-utf8.json",
            {
                let mut b = valid_text.clone().into_bytes();
                b[40] = 0xff;
                b
            },
            json!({"error":"notUtf8"}),
        ),
        (
            "deep-nesting.json",
            deep.into_bytes(),
            json!({"error":"tooDeep"}),
        ),
        (
            "unknown-version.json",
            valid_text
                .replacen("\"reportVersion\": 1", "\"reportVersion\": 2", 1)
                .into_bytes(),
            json!({"error":"unknownVersion"}),
        ),
        (
            "no-version.json",
            valid_text
                .replacen("\"reportVersion\": 1,", "", 1)
                .into_bytes(),
            json!({"error":"noVersion"}),
        ),
        (
            "extra-field.json",
            edit(&|d| d["credentialSubject"]["approvedBy"] = "Chủ tịch".into()),
            json!({"error":"shape"}),
        ),
        ("empty.json", Vec::new(), json!({"error":"syntax"})),
        (
            "big-integer-signed.json",
            big_text.clone().into_bytes(),
            json!({"error":"unsafeNumber"}),
        ),
        (
            "big-integer-neighbour.json",
            big_text
                .replacen("9007199254740992", "9007199254740993", 1)
                .into_bytes(),
            json!({"error":"unsafeNumber"}),
        ),
        (
            "count-written-as-fraction.json",
            valid_text
                .replacen("\"count\": 3,", "\"count\": 3.0,", 1)
                .into_bytes(),
            json!({"error":"unsafeNumber"}),
        ),
        (
            "count-written-with-exponent.json",
            valid_text
                .replacen("\"count\": 3,", "\"count\": 3e0,", 1)
                .into_bytes(),
            json!({"error":"unsafeNumber"}),
        ),
        (
            "context-appended.json",
            pretty(&extra_context),
            json!({"error":"shape"}),
        ),
    ]
}

fn trust() -> TrustList {
    let bytes = std::fs::read(dir().join("trust-list.json")).expect("trust list fixture");
    TrustList::from_json(&bytes).expect("valid trust list")
}

fn summary(result: &Result<Verdict, tdg_report::verify::ReportError>) -> Value {
    use tdg_report::strict_json::StrictJsonError as J;
    use tdg_report::verify::ReportError as E;
    let v = match result {
        Err(E::Json(J::DuplicateKey { .. })) => return json!({"error":"duplicateKey"}),
        Err(E::Json(J::Syntax { .. })) => return json!({"error":"syntax"}),
        Err(E::Json(J::NotUtf8 { .. })) => return json!({"error":"notUtf8"}),
        Err(E::Json(J::TooDeep { .. })) => return json!({"error":"tooDeep"}),
        Err(E::Json(J::TooLarge { .. })) => return json!({"error":"tooLarge"}),
        Err(E::Json(J::UnsafeNumber(_))) => return json!({"error":"unsafeNumber"}),
        Err(E::UnknownVersion(_)) => return json!({"error":"unknownVersion"}),
        Err(E::NoVersion) => return json!({"error":"noVersion"}),
        Err(E::Shape(_)) => return json!({"error":"shape"}),
        Ok(v) => v,
    };
    let status = |v: Value| v["status"].as_str().unwrap_or("?").to_string();
    json!({
        "proof": match v.proof { ProofCheck::Valid => "valid", ProofCheck::Invalid(_) => "invalid", ProofCheck::IssuerMismatch => "issuerMismatch", ProofCheck::BadIssuer(_) => "badIssuer" },
        "dates": status(serde_json::to_value(&v.dates).expect("json")),
        "key": match &v.key { None => "notChecked".to_string(), Some(r) => status(serde_json::to_value(r).expect("json")) },
        "catalog": match v.catalog { CatalogCheck::Known => "known", CatalogCheck::Unknown => "unknown", CatalogCheck::HashMismatch => "hashMismatch", CatalogCheck::NotChecked => "notChecked" },
        "results": match v.results { ResultsCheck::Equal => "equal", ResultsCheck::Differ(_) => "differ", ResultsCheck::NotChecked => "notChecked", ResultsCheck::Unscorable(_) => "unscorable" },
        "passes": v.passes(),
    })
}

fn write_fixtures() {
    std::fs::create_dir_all(dir()).expect("mkdir");
    let list = json!({
        "trustListVersion": 2,
        "office": "Sở Khoa học và Công nghệ thành phố Hải Phòng (danh sách thử nghiệm / test list)",
        "keys": [
            {"unitCode": "XA-TEST-01", "unitName": "UBND xã Ví Dụ", "did": unit_key().public().did(),
             "tier": "xa-phuong", "group": "Cụm thi đua số 1", "validFrom": "2026-01-01"},
            {"unitCode": "XA-TEST-02", "unitName": "UBND phường Thử Nghiệm", "did": other_unit_key().public().did(),
             "tier": "xa-phuong", "group": "Cụm thi đua số 1", "validFrom": "2026-01-01"},
            {"unitCode": "XA-TEST-04", "unitName": "UBND xã Thu Hồi", "did": revoked_key().public().did(),
             "tier": "xa-phuong", "group": "Cụm thi đua số 1", "validFrom": "2026-01-01", "revokedOn": "2026-11-05"},
            // The same key registered again (another group) without the revocation: a revoked
            // key stays revoked whatever other entry names it.
            {"unitCode": "XA-TEST-04", "unitName": "UBND xã Thu Hồi", "did": revoked_key().public().did(),
             "tier": "xa-phuong", "group": "Khối thi đua số 2", "validFrom": "2026-01-01"},
        ]
    });
    std::fs::write(dir().join("trust-list.json"), pretty(&list)).expect("write");
    let v1 = json!({
        "trustListVersion": 1,
        "office": "Sở Khoa học và Công nghệ thành phố Hải Phòng (danh sách thử nghiệm / test list)",
        "keys": [
            {"unitCode": "XA-TEST-01", "unitName": "UBND xã Ví Dụ", "did": unit_key().public().did()},
            {"unitCode": "XA-TEST-02", "unitName": "UBND phường Thử Nghiệm", "did": other_unit_key().public().did()},
        ]
    });
    std::fs::write(dir().join("trust-list-v1.json"), pretty(&v1)).expect("write");
    let mut expected = BTreeMap::new();
    for (name, bytes, summary) in variants() {
        std::fs::write(dir().join(name), bytes).expect("write");
        expected.insert(name.to_string(), summary);
    }
    std::fs::write(dir().join("expected.json"), pretty(&json!(expected))).expect("write");
}

#[test]
fn every_variant_gets_its_expected_verdict() {
    if std::env::var_os("TDG_WRITE_FIXTURES").is_some() {
        write_fixtures();
    }
    let expected: BTreeMap<String, Value> =
        serde_json::from_slice(&std::fs::read(dir().join("expected.json")).expect("expected.json"))
            .expect("json");
    assert!(
        expected.len() >= 21,
        "a valid report and at least 20 variants"
    );
    let catalogs = [KnownCatalog::from_bytes(&catalog_bytes()).expect("catalog")];
    let trust = trust();
    let options = VerifyOptions {
        catalogs: &catalogs,
        trust: Some(&trust),
        ..VerifyOptions::default()
    };
    for (name, want) in &expected {
        let bytes =
            std::fs::read(dir().join(name)).unwrap_or_else(|_| panic!("missing fixture {name}"));
        assert_eq!(&summary(&verify(&bytes, &options)), want, "{name}");
    }
}

#[test]
fn the_committed_fixtures_are_what_the_generator_makes() {
    for (name, bytes, _) in variants() {
        let committed =
            std::fs::read(dir().join(name)).unwrap_or_else(|_| panic!("missing fixture {name}"));
        assert!(
            committed == bytes,
            "{name} differs from the generator's output: regenerate with TDG_WRITE_FIXTURES=1"
        );
    }
}

fn read_fixture(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|_| panic!("missing fixture {name}"))
}

fn verify_with(name: &str, received: Option<&str>) -> Verdict {
    verify_received(&read_fixture(name), received)
}

fn verify_bytes(bytes: &[u8]) -> Verdict {
    verify_received(bytes, None)
}

/// A full verification against the fixtures' trust list and the shipped catalog.
fn verify_received(bytes: &[u8], received: Option<&str>) -> Verdict {
    let catalogs = [KnownCatalog::from_bytes(&catalog_bytes()).expect("catalog")];
    let trust = trust();
    let options = VerifyOptions {
        catalogs: &catalogs,
        trust: Some(&trust),
        received_on: received.map(|d| Date::parse_iso(d).expect("date")),
        ..VerifyOptions::default()
    };
    verify(bytes, &options).expect("a report")
}

#[test]
fn a_training_report_never_passes_as_a_submission_and_cannot_be_made_into_one() {
    let made = |training| {
        sign_for(
            &unit_key(),
            &catalog_bytes(),
            &sheet(),
            "2026-11-10",
            "2026-11-10T02:00:00Z",
            training,
        )
    };
    let real = made(false);
    assert!(real["credentialSubject"].get("training").is_none());
    assert!(verify_bytes(&pretty(&real)).passes());

    let training = made(true);
    assert_eq!(training["credentialSubject"]["training"], true);
    let verdict = verify_bytes(&pretty(&training));
    assert!(verdict.proof_valid() && verdict.training);
    assert!(!verdict.passes(), "a training report is never a submission");
    let purpose = tdg_report::verdict_text::Check::Purpose.line(&verdict);
    assert_eq!(purpose.mark, tdg_report::verdict_text::Mark::Fail);
    assert!(purpose.text.vi.contains("tập huấn"), "{}", purpose.text.vi);

    // Dropping the mark (or setting it false) breaks the signature: it is under the proof.
    for edit in [Value::Null, Value::Bool(false)] {
        let mut forged = training.clone();
        let subject = forged["credentialSubject"]
            .as_object_mut()
            .expect("subject");
        match edit {
            Value::Null => subject.remove("training"),
            other => subject.insert("training".into(), other),
        };
        let verdict = verify_bytes(&pretty(&forged));
        assert!(!verdict.proof_valid() && !verdict.passes());
    }
}

#[test]
fn without_a_trust_list_or_a_catalog_nothing_passes() {
    let bytes = read_fixture("valid.json");
    let verdict = verify(&bytes, &VerifyOptions::default()).expect("a report");
    assert!(verdict.proof_valid());
    assert_eq!(
        (
            verdict.key.clone(),
            verdict.catalog.clone(),
            verdict.results.clone()
        ),
        (None, CatalogCheck::NotChecked, ResultsCheck::NotChecked)
    );
    assert!(!verdict.passes(), "a proof alone must never pass");
    let catalogs = [KnownCatalog::from_bytes(&catalog_bytes()).expect("catalog")];
    let no_trust = VerifyOptions {
        catalogs: &catalogs,
        ..VerifyOptions::default()
    };
    assert!(!verify(&bytes, &no_trust).expect("report").passes());
    let trust = trust();
    let no_catalog = VerifyOptions {
        trust: Some(&trust),
        ..VerifyOptions::default()
    };
    assert!(!verify(&bytes, &no_catalog).expect("report").passes());
}

#[test]
fn without_a_received_date_timing_is_not_judged_and_there_is_no_official_total() {
    let v = verify_with("late.json", None);
    assert_eq!(v.timing, TimingCheck::NotChecked);
    assert_eq!(v.official_total(), None);
    assert!(v.passes());
}

#[test]
fn a_backdated_clock_keeps_integrity_but_loses_the_bonus_at_the_office() {
    // Signed "2026-10-20" (computer clock set back): the unit's own results carry the early
    // bonus, and they are exactly what it signed.
    let signed = verify_with("backdated-clock.json", None);
    assert_eq!(signed.results, ResultsCheck::Equal);
    // The office received it on 2026-11-25: 6 days early, no early bonus.
    let official = verify_with("backdated-clock.json", Some("2026-11-25"));
    assert_eq!(
        official.results,
        ResultsCheck::Equal,
        "timing is not tampering"
    );
    let TimingCheck::Official {
        timing,
        total,
        lines_changed,
        ..
    } = official.timing.clone()
    else {
        panic!("official timing expected: {:?}", official.timing)
    };
    assert_eq!(timing, tdg_model::Timing::OnTime { days_early: 6 });
    assert!(lines_changed);
    assert_eq!(
        total,
        official.stored_total - 1_000,
        "the early bonus is gone"
    );
    assert!(
        official.passes(),
        "a difference of dates alone is not a failure"
    );
}

#[test]
fn the_received_date_sets_the_late_penalty() {
    let v = verify_with("valid.json", Some("2026-12-03"));
    let TimingCheck::Official { timing, total, .. } = v.timing.clone() else {
        panic!("official timing expected")
    };
    assert_eq!(timing, tdg_model::Timing::Late { days_late: 3 });
    // Signed with the early bonus (+1), officially late (−3).
    assert_eq!(total, v.stored_total - 1_000 - 3_000);
}

#[test]
fn a_name_other_than_the_registered_one_is_shown_beside_it() {
    let v = verify_with("declared-other-name.json", None);
    assert!(
        v.passes(),
        "the key is bound to the code; the name is for people"
    );
    assert_eq!(v.registered_name.as_deref(), Some("UBND xã Ví Dụ"));
    let lines = tdg_report::verdict_text::lines(&v);
    assert!(lines
        .iter()
        .any(|l| l.text.en.contains("unit name registered: “UBND xã Ví Dụ”")));
    assert_eq!(verify_with("valid.json", None).registered_name, None);
}

#[test]
fn a_report_for_next_year_is_not_counted_a_year_early() {
    let v = verify_with("next-year-period.json", Some("2026-12-05"));
    assert!(
        matches!(
            v.timing,
            TimingCheck::ReceivedBeforeItsYear { period: 2027, .. }
        ),
        "{:?}",
        v.timing
    );
    assert!(!v.passes());
}

#[test]
fn a_report_submitted_after_it_was_received_is_refused() {
    let v = verify_with("valid.json", Some("2026-11-09"));
    assert!(matches!(
        v.timing,
        TimingCheck::SubmittedAfterReceipt { .. }
    ));
    assert!(!v.passes());
}

/// The trust list, XA-TEST-04 as its reports declare it, and its key (revoked on 2026-11-05).
fn revoked_unit() -> (TrustList, tdg_report::trust::Declared<'static>, String) {
    let unit = tdg_report::trust::Declared {
        code: "XA-TEST-04",
        tier: "xa-phuong",
        variant: None,
        group: "Cụm thi đua số 1",
    };
    (trust(), unit, revoked_key().public().did())
}

fn day(iso: &str) -> Date {
    Date::parse_iso(iso).expect("date")
}

#[test]
fn revocation_is_judged_by_the_received_date() {
    // XA-TEST-04's key was revoked on 2026-11-05; its report was created on 2026-11-10.
    assert!(matches!(
        verify_with("revoked-key.json", None).key,
        Some(Registration::Revoked { .. })
    ));
    // The same key judged for a report received before the revocation stays valid: check the
    // rule directly (the signer's clock cannot move the office's received day).
    let (trust, unit, did) = revoked_unit();
    assert_eq!(
        trust.judge(&did, &unit, day("2026-11-04")),
        Registration::Valid
    );
    assert!(matches!(
        trust.judge(&did, &unit, day("2026-11-05")),
        Registration::Revoked { .. }
    ));
    assert!(matches!(
        trust.judge(&did, &unit, day("2025-12-31")),
        Registration::NotYetValid { .. }
    ));
}

#[test]
fn a_registered_key_is_found_whether_the_issuer_carries_its_fragment_or_not() {
    let (trust, unit, did) = revoked_unit();
    // The issuer written with the key's fragment names the same registered key; a fragment of
    // another key, or no did:key at all, names none.
    let id = did.strip_prefix("did:key:").expect("a did:key");
    assert_eq!(
        trust.judge(&format!("{did}#{id}"), &unit, day("2026-11-04")),
        Registration::Valid
    );
    let other = format!("{did}#z6MkOther");
    assert_eq!(
        trust.judge(&other, &unit, day("2026-11-04")),
        Registration::Unknown
    );
    assert_eq!(
        trust.judge(id, &unit, day("2026-11-04")),
        Registration::Unknown
    );
}

/// A list written by hand may give a key with its `#fragment`: it is read in the one form the
/// register compares (one key, one unit), the same key as the bare form.
#[test]
fn a_trust_list_keeps_each_key_in_one_form() {
    let bytes = std::fs::read(dir().join("trust-list.json")).expect("trust list fixture");
    let mut list: Value = serde_json::from_slice(&bytes).expect("JSON");
    let did = list["keys"][0]["did"].as_str().expect("a did").to_owned();
    let id = did.strip_prefix("did:key:").expect("a did:key");
    list["keys"][0]["did"] = format!("{did}#{id}").into();
    let read = TrustList::from_json(&serde_json::to_vec(&list).expect("bytes")).expect("valid");
    assert_eq!(read.keys[0].did, did);
}

#[test]
fn period_and_paper_hash_are_compared_when_given() {
    let bytes = read_fixture("valid.json");
    let catalogs = [KnownCatalog::from_bytes(&catalog_bytes()).expect("catalog")];
    let trust = trust();
    let upper = tdg_report::report::sha256_hex(&bytes).to_ascii_uppercase();
    let check = |period: Option<i32>, expect: Option<&str>| {
        let options = VerifyOptions {
            catalogs: &catalogs,
            trust: Some(&trust),
            period,
            expect_sha256: expect,
            ..VerifyOptions::default()
        };
        verify(&bytes, &options).expect("a report").passes()
    };
    assert!(check(Some(2026), Some(&upper)), "hex case does not matter");
    assert!(!check(Some(2025), None));
    assert!(!check(None, Some("00ff")));
}

#[test]
fn a_version_1_trust_list_is_refused_with_the_way_to_convert_it() {
    let err = TrustList::from_json(&read_fixture("trust-list-v1.json")).expect_err("v1");
    assert_eq!(err, tdg_report::trust::TrustListError::Version1);
    assert!(err.to_string().contains("tdg trust convert"));
    assert!(err
        .message(tdg_model::Lang::Vi)
        .contains("tdg trust convert"));
}

/// Why the number rule exists: without it these files carry a valid signature while the typed
/// layer reads a value nobody signed (2^53 + 1), or a float where an integer was signed.
#[test]
fn unsafe_numbers_would_otherwise_carry_a_valid_signature() {
    for name in [
        "big-integer-neighbour.json",
        "count-written-as-fraction.json",
        "count-written-with-exponent.json",
        "context-appended.json",
    ] {
        let bytes = std::fs::read(dir().join(name)).expect("fixture");
        let lax: Value = serde_json::from_slice(&bytes).expect("plain JSON");
        assert_eq!(
            proof::verify(&lax, &unit_key().public()),
            Ok(()),
            "{name}: the signature alone does not catch it"
        );
    }
}

#[test]
fn our_reports_hold_integers_only() {
    fn no_floats(v: &Value) -> bool {
        match v {
            Value::Number(n) => n.is_i64() || n.is_u64(),
            Value::Array(a) => a.iter().all(no_floats),
            Value::Object(m) => m.values().all(no_floats),
            _ => true,
        }
    }
    assert!(no_floats(&valid()));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// Random mutations never panic the verifier, and a mutated report that still passes has
    /// the same canonical content as the original (only insignificant whitespace changed).
    #[test]
    fn random_mutations_never_panic_or_pass_changed_content(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..4)
    ) {
        let original = std::fs::read(dir().join("valid.json")).expect("valid");
        let mut bytes = original.clone();
        for (at, byte, op) in edits {
            let i = at.index(bytes.len().max(1));
            match op {
                0 if !bytes.is_empty() => bytes[i] = byte,
                1 => bytes.insert(i.min(bytes.len()), byte),
                _ if !bytes.is_empty() => { bytes.remove(i); }
                _ => {}
            }
        }
        let catalogs = [KnownCatalog::from_bytes(&catalog_bytes()).expect("catalog")];
        let trust = trust();
        let options = VerifyOptions { catalogs: &catalogs, trust: Some(&trust), ..VerifyOptions::default() };
        if let Ok(verdict) = verify(&bytes, &options) {
            if verdict.passes() {
                let a: Value = serde_json::from_slice(&original).expect("json");
                let b: Value = serde_json::from_slice(&bytes).expect("passed, so it parses");
                prop_assert_eq!(a, b);
            }
        }
    }
}

/// The JSON Schema under assets/schema names exactly the fields we write, at the levels where
/// it forbids others.
#[test]
fn schema_matches_the_report_we_write() {
    let schema: Value = serde_json::from_slice(
        &std::fs::read(root().join("assets/schema/report-v1.schema.json")).expect("schema"),
    )
    .expect("json");
    let report = valid();
    let check = |schema: &Value, doc: &Value, at: &str| {
        let props: Vec<&String> = schema["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .collect();
        for key in doc.as_object().expect("object").keys() {
            assert!(props.contains(&key), "{at}.{key} is not in the schema");
        }
        for required in schema["required"].as_array().expect("required") {
            assert!(
                doc.get(required.as_str().expect("str")).is_some(),
                "{at}: required {required} missing"
            );
        }
    };
    // Every integer is bounded as the readers bound it, and the context is exact.
    fn integers_bounded(schema: &Value) -> bool {
        match schema {
            Value::Object(m) if m.get("type") == Some(&json!("integer")) => {
                let bound = |k: &str| m.get(k).and_then(Value::as_i64);
                bound("maximum").is_some_and(|x| x <= tdg_model::MAX_SAFE_INTEGER)
                    && bound("minimum").is_some_and(|x| x >= -tdg_model::MAX_SAFE_INTEGER)
            }
            Value::Object(m) => m.values().all(integers_bounded),
            Value::Array(a) => a.iter().all(integers_bounded),
            _ => true,
        }
    }
    assert!(integers_bounded(&schema));
    assert_eq!(
        schema["properties"]["@context"]["const"],
        json!([tdg_report::report::VC_CONTEXT])
    );
    check(&schema, &report, "report");
    let subject = &schema["properties"]["credentialSubject"];
    check(subject, &report["credentialSubject"], "credentialSubject");
    check(
        &subject["properties"]["unit"],
        &report["credentialSubject"]["unit"],
        "unit",
    );
    check(
        &subject["properties"]["catalog"],
        &report["credentialSubject"]["catalog"],
        "catalog",
    );
    check(
        &subject["properties"]["results"],
        &report["credentialSubject"]["results"],
        "results",
    );
}

/// What is signed is what was shown: answers typed for another tier stay in the draft but never
/// enter the report, so the report holds no answer its own tier does not have.
#[test]
fn a_report_holds_only_its_own_tier_answers() {
    let catalog = Catalog::from_json(&catalog_bytes()).expect("catalog");
    let mut mixed = sheet();
    let department = catalog.tier("so-nganh").expect("tier");
    for c in &department.criteria {
        mixed.answers.insert(
            c.id.clone(),
            tdg_model::Answer {
                yes: Some(true),
                ..tdg_model::Answer::default()
            },
        );
    }
    let report = sign_with(&unit_key(), &catalog_bytes(), &mixed, "2026-11-10");
    let tier = catalog.tier("xa-phuong").expect("tier");
    let answers = report["credentialSubject"]["answers"]
        .as_object()
        .expect("answers");
    assert!(!answers.is_empty());
    for id in answers.keys() {
        assert!(
            tier.criteria.iter().any(|c| &c.id == id),
            "{id} is not a commune criterion"
        );
    }
    assert_eq!(
        report["credentialSubject"]["results"]["errors"],
        json!([]),
        "the other tier's answers raise no error the screen did not show"
    );
    assert_eq!(
        report,
        valid(),
        "the same report as without the other answers"
    );
}

/// A report whose answers say "không áp dụng" carries them (answers and rescaled results),
/// fits the schema, and the verifier re-scores them: the same answers without the "not
/// applicable" give other results.
#[test]
fn not_applicable_answers_are_signed_and_re_scored() {
    let bytes = std::fs::read(root().join("assets/samples/so-nganh-khong-ap-dung.json"))
        .expect("the department sample");
    let department: AnswerSheet = serde_json::from_slice(&bytes).expect("valid answers");
    let doc = sign_with(&unit_key(), &catalog_bytes(), &department, "2026-11-10");
    let subject = &doc["credentialSubject"];
    assert_eq!(
        subject["answers"]["sn.dinh-danh"]["notApplicable"]["reason"],
        json!("Ban không tiếp nhận hồ sơ dịch vụ công trực tuyến")
    );
    assert_eq!(
        subject["results"]["rescaled"],
        json!({"fullMax": 100000, "applicableMax": 80000, "unscaledBase": 68500})
    );
    assert_eq!(subject["results"]["notApplicable"], json!(2));
    let schema: Value = serde_json::from_slice(
        &std::fs::read(root().join("assets/schema/report-v1.schema.json")).expect("schema"),
    )
    .expect("json");
    let results = &schema["properties"]["credentialSubject"]["properties"]["results"];
    for key in subject["results"].as_object().expect("object").keys() {
        assert!(
            results["properties"].get(key).is_some(),
            "results.{key} is not in the schema"
        );
    }
    let answer = &schema["properties"]["credentialSubject"]["properties"]["answers"]
        ["additionalProperties"]["properties"];
    assert!(answer.get("notApplicable").is_some());
    let catalogs = [KnownCatalog::from_bytes(&catalog_bytes()).expect("catalog")];
    let options = VerifyOptions {
        catalogs: &catalogs,
        ..VerifyOptions::default()
    };
    let verdict = verify(&pretty(&doc), &options).expect("a report");
    assert_eq!(verdict.results, ResultsCheck::Equal);
    // The answers changed (the "not applicable" dropped, 0 of 0 typed instead) and re-signed
    // with the old results: re-scoring finds the difference.
    let mut forged = doc.clone();
    for id in ["sn.dinh-danh", "sn.dvc-toan-trinh"] {
        forged["credentialSubject"]["answers"][id] = json!({"numerator": 0, "denominator": 0});
    }
    let forged = resign(&forged, &unit_key(), &unit_key());
    let verdict = verify(&pretty(&forged), &options).expect("a report");
    assert!(
        matches!(verdict.results, ResultsCheck::Differ(_)),
        "{:?}",
        verdict.results
    );
}

/// The office reads each failure in its own language, with the catalog's names: no English
/// inside a Vietnamese sentence, no ids, the decimal comma (walk-through review H3).
#[test]
fn each_failure_reads_in_the_office_language_with_names_not_ids() {
    use tdg_report::verdict_text::Check;
    let read = |name: &str, check: Check| check.line(&verify_with(name, Some("2026-11-27")));
    let proof = read("changed-answer.json", Check::Proof);
    assert_eq!(
        proof.text.vi,
        "chữ ký không hợp lệ: nội dung tệp đã bị sửa sau khi ký, hoặc không ký bằng khóa ghi trong tệp"
    );
    let results = read("inflated-results-signed.json", Check::Results);
    assert!(
        results.text.vi.starts_with(
            "kết quả ghi trong báo cáo khác khi chấm lại: tổng điểm ghi trong báo cáo "
        ),
        "{}",
        results.text.vi
    );
    assert!(
        results.text.vi.contains(", chấm lại từ câu trả lời được "),
        "{}",
        results.text.vi
    );
    let tier = read("declared-other-tier.json", Check::Key);
    assert!(
        tier.text.vi.contains("cấp: báo cáo khai “"),
        "{}",
        tier.text.vi
    );
    for line in [&proof, &results, &tier] {
        for english in ["the ", "stored", "but", "xa-phuong", "so-nganh", "xp."] {
            assert!(
                !line.text.vi.contains(english),
                "“{english}” in: {}",
                line.text.vi
            );
        }
    }
    // A received date with an unusable catalog: the reason is the catalog, not the date.
    let timing = read("catalog-unknown.json", Check::Timing);
    assert!(
        timing.text.vi.contains("không chấm lại được theo danh mục"),
        "{}",
        timing.text.vi
    );
    let unscorable = read("declared-other-tier.json", Check::Results);
    assert!(
        !unscorable.text.vi.contains("does not"),
        "{}",
        unscorable.text.vi
    );
}

#[test]
fn the_verification_method_is_the_issuers_key_only_in_a_form_that_names_it() {
    // The method is compared with the issuer as a key id, not decoded: each form must get the
    // verdict that decoding it gave.
    let key = unit_key();
    let mb = key.public().multibase();
    let other = attacker_key().public().multibase();
    let cases = [
        (format!("did:key:{mb}"), true),
        (format!("did:key:{mb}#{mb}"), true),
        (format!("did:key:{mb}#{other}"), false),
        (format!("did:key:{other}#{other}"), false),
        (format!("did:key:{other}"), false),
        (format!("did:web:{mb}"), false),
        (format!("did:key:{mb}#"), false),
        (format!("did:key:{}", &mb[1..]), false),
        (format!("did:key:{mb}1"), false),
    ];
    let mut unsigned = valid();
    unsigned.as_object_mut().expect("object").remove("proof");
    for (method, same) in cases {
        let options = ProofOptions {
            created: "2026-11-10T02:00:00Z".into(),
            verification_method: method.clone(),
        };
        let signed = proof::sign(&unsigned, &options, &key).expect("signs");
        let verdict = verify_bytes(&pretty(&signed));
        let expected = if same {
            ProofCheck::Valid
        } else {
            ProofCheck::IssuerMismatch
        };
        assert_eq!(verdict.proof, expected, "{method}");
    }
}
