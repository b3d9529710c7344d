//! `tdg-report`: the signed report. RFC 8785 canonical JSON, W3C Data Integrity proofs with the
//! eddsa-jcs-2022 cryptosuite, did:key unit keys, password-protected key backups, the office's
//! trust list, and verification that re-scores the answers with `tdg-model`.

pub mod backup;
pub mod hex;
pub mod jcs;
pub mod keys;
pub mod proof;
pub mod report;
pub mod strict_json;
pub mod timestamp;
pub mod trust;
pub mod verdict_text;
pub mod verify;

pub use keys::{PublicKey, UnitKey};
pub use report::{sign_report, Report, SignRequest, SignedReport};
pub use verify::{verify, KnownCatalog, Verdict, VerifyOptions};
