//! The W3C eddsa-jcs-2022 test vector, both ways: we verify their signed document, and signing
//! their unsigned document with their key and proof options reproduces their proofValue.

use serde_json::Value;
use tdg_report::jcs::canonicalize;
use tdg_report::proof::{self, ProofOptions};
use tdg_report::{PublicKey, UnitKey};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../../tests/fixtures/w3c/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing {path}"))
}

fn key_pair() -> (UnitKey, PublicKey) {
    let pair: Value = serde_json::from_str(&fixture("keyPair.json")).expect("json");
    let secret =
        UnitKey::from_private_multibase(pair["privateKeyMultibase"].as_str().expect("str"))
            .expect("key");
    let public =
        PublicKey::from_multibase(pair["publicKeyMultibase"].as_str().expect("str")).expect("key");
    assert_eq!(secret.public(), public);
    (secret, public)
}

fn signed() -> Value {
    serde_json::from_str(&fixture("signedJCS.json")).expect("json")
}

#[test]
fn verifies_the_w3c_signed_document() {
    let (_, public) = key_pair();
    assert_eq!(proof::verify(&signed(), &public), Ok(()));
    let mut tampered = signed();
    tampered["credentialSubject"]["alumniOf"] = "Another School".into();
    assert_eq!(
        proof::verify(&tampered, &public),
        Err(proof::ProofError::SignatureMismatch)
    );
}

#[test]
fn canonical_form_of_the_w3c_document() {
    let mut unsigned = signed();
    unsigned.as_object_mut().expect("object").remove("proof");
    assert_eq!(
        canonicalize(&unsigned).expect("jcs"),
        fixture("canonDocJCS.txt")
    );
}

#[test]
fn reproduces_the_w3c_proof_value() {
    let (secret, _) = key_pair();
    let signed = signed();
    let mut unsigned = signed.clone();
    unsigned.as_object_mut().expect("object").remove("proof");
    let options = ProofOptions {
        created: signed["proof"]["created"]
            .as_str()
            .expect("created")
            .to_string(),
        verification_method: signed["proof"]["verificationMethod"]
            .as_str()
            .expect("vm")
            .to_string(),
    };
    let ours = proof::sign(&unsigned, &options, &secret).expect("signs");
    assert_eq!(ours["proof"]["proofValue"], signed["proof"]["proofValue"]);
    assert_eq!(ours, signed, "the whole secured document is the vector's");
}
