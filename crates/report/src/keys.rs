//! Ed25519 unit keys, `did:key` identifiers and the short fingerprint people compare.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

/// Multicodec prefix of an Ed25519 public key (varint 0xed).
const ED25519_PUB: [u8; 2] = [0xed, 0x01];
/// Multicodec prefix of an Ed25519 private key (varint 0x1300).
const ED25519_PRIV: [u8; 2] = [0x80, 0x26];
/// SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 (Ed25519) }, OCTET STRING { OCTET STRING (32) } }
const PKCS8_ED25519_HEADER: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("not a did:key identifier")]
    NotDidKey,
    #[error("not base58btc multibase (it must start with 'z')")]
    NotMultibase,
    #[error("not an Ed25519 key (wrong multicodec prefix or length)")]
    NotEd25519,
    #[error("the public key is not a valid Ed25519 point")]
    BadPoint,
}

/// A unit's signing key. The seed never leaves the device except inside a password-protected
/// backup.
pub struct UnitKey {
    signing: SigningKey,
}

impl UnitKey {
    /// From 32 random bytes (the caller's: `crypto.getRandomValues` or the OS).
    pub fn from_seed(seed: [u8; 32]) -> UnitKey {
        UnitKey {
            signing: SigningKey::from_bytes(&seed),
        }
    }

    pub fn seed(&self) -> [u8; 32] {
        self.signing.to_bytes()
    }

    /// The key as PKCS#8 DER (RFC 8410): a fixed 16-byte header, then the seed. This is the
    /// form in which the browser's WebCrypto imports an Ed25519 key (as non-extractable).
    pub fn pkcs8(&self) -> [u8; 48] {
        let mut der = [0u8; 48];
        der[..16].copy_from_slice(&PKCS8_ED25519_HEADER);
        der[16..].copy_from_slice(&self.seed());
        der
    }

    pub fn public(&self) -> PublicKey {
        PublicKey(self.signing.verifying_key())
    }

    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.signing.sign(message).to_bytes()
    }

    /// From a `z3u2…` private-key multibase (the W3C vectors' form).
    pub fn from_private_multibase(text: &str) -> Result<UnitKey, KeyError> {
        let bytes = decode_multibase(text)?;
        let seed: [u8; 32] = bytes
            .strip_prefix(&ED25519_PRIV[..])
            .and_then(|s| s.try_into().ok())
            .ok_or(KeyError::NotEd25519)?;
        Ok(UnitKey::from_seed(seed))
    }
}

/// A unit's public key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

impl PublicKey {
    /// `z6Mk…`: base58btc multibase of the multicodec-prefixed key.
    pub fn multibase(&self) -> String {
        let mut bytes = ED25519_PUB.to_vec();
        bytes.extend_from_slice(self.0.as_bytes());
        format!("z{}", bs58::encode(bytes).into_string())
    }

    pub fn from_multibase(text: &str) -> Result<PublicKey, KeyError> {
        let bytes = decode_multibase(text)?;
        let key: [u8; 32] = bytes
            .strip_prefix(&ED25519_PUB[..])
            .and_then(|s| s.try_into().ok())
            .ok_or(KeyError::NotEd25519)?;
        VerifyingKey::from_bytes(&key)
            .map(PublicKey)
            .map_err(|_| KeyError::BadPoint)
    }

    /// `did:key:z6Mk…`
    pub fn did(&self) -> String {
        format!("did:key:{}", self.multibase())
    }

    /// `did:key:z6Mk…#z6Mk…`, the verification method of a did:key.
    pub fn verification_method(&self) -> String {
        let mb = self.multibase();
        format!("did:key:{mb}#{mb}")
    }

    /// From `did:key:z6Mk…`, with or without the `#fragment`; the fragment must match.
    pub fn from_did(did: &str) -> Result<PublicKey, KeyError> {
        PublicKey::from_multibase(did_key_id(did)?)
    }

    /// Ed25519 verification with the strict checks (no small-order keys, canonical signatures).
    pub fn verify_strict(&self, message: &[u8], signature: &[u8; 64]) -> bool {
        self.0
            .verify_strict(message, &Signature::from_bytes(signature))
            .is_ok()
    }

    /// A short form for people to read aloud and compare: 80 bits of SHA-256 of the key,
    /// `3F2A-91C0-77DE-0B12-AA45`.
    pub fn fingerprint(&self) -> String {
        let digest = Sha256::digest(self.0.as_bytes());
        let hex: Vec<String> = digest[..10]
            .chunks(2)
            .map(|c| format!("{:02X}{:02X}", c[0], c[1]))
            .collect();
        hex.join("-")
    }
}

/// The key's multibase (`z6Mk…`) in `did:key:z6Mk…`, with or without the `#fragment` (which must
/// match), not decoded. Two identifiers that [`PublicKey::from_did`] reads name the same key
/// exactly when these are equal: base58 and the multicodec prefix are one-to-one, and keys are
/// equal when their bytes are.
pub fn did_key_id(did: &str) -> Result<&str, KeyError> {
    let rest = did.strip_prefix("did:key:").ok_or(KeyError::NotDidKey)?;
    match rest.split_once('#') {
        Some((id, fragment)) if fragment != id => Err(KeyError::NotDidKey),
        Some((id, _)) => Ok(id),
        None => Ok(rest),
    }
}

/// `did` in its one written form, `did:key:z6Mk…` without the `#fragment` (not decoded: see
/// [`did_key_id`]), as [`PublicKey::did`] writes it.
pub fn canonical_did(did: &str) -> Result<String, KeyError> {
    did_key_id(did).map(|id| format!("did:key:{id}"))
}

fn decode_multibase(text: &str) -> Result<Vec<u8>, KeyError> {
    let body = text.strip_prefix('z').ok_or(KeyError::NotMultibase)?;
    bs58::decode(body)
        .into_vec()
        .map_err(|_| KeyError::NotMultibase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn w3c_key_pair_round_trips() {
        let key =
            UnitKey::from_private_multibase("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq")
                .expect("vector key");
        assert_eq!(
            key.public().multibase(),
            "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
        );
        let did = key.public().did();
        assert_eq!(PublicKey::from_did(&did), Ok(key.public()));
        assert_eq!(
            PublicKey::from_did(&key.public().verification_method()),
            Ok(key.public())
        );
        assert_eq!(
            PublicKey::from_did("did:web:example.com"),
            Err(KeyError::NotDidKey)
        );
        assert_eq!(
            PublicKey::from_did("did:key:6Mk"),
            Err(KeyError::NotMultibase)
        );
        assert_eq!(key.public().fingerprint().len(), 24);
    }

    #[test]
    fn pkcs8_is_the_rfc_8410_header_and_the_seed() {
        let der = UnitKey::from_seed([3; 32]).pkcs8();
        assert_eq!(
            crate::hex::encode(&der[..16]),
            "302e020100300506032b657004220420"
        );
        assert_eq!(der[16..], [3; 32]);
    }

    #[test]
    fn signatures_verify_only_for_their_message() {
        let key = UnitKey::from_seed([7; 32]);
        let sig = key.sign(b"bao cao");
        assert!(key.public().verify_strict(b"bao cao", &sig));
        assert!(!key.public().verify_strict(b"bao cao!", &sig));
        assert!(!UnitKey::from_seed([8; 32])
            .public()
            .verify_strict(b"bao cao", &sig));
    }
}
