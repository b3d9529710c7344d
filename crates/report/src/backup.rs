//! Password-protected key backup: Argon2id (memory 19 MiB, 2 passes, 1 lane: OWASP's minimum
//! for Argon2id) derives a 256-bit key from the password and a random 16-byte salt;
//! XChaCha20-Poly1305 with a random 24-byte nonce seals the 32-byte Ed25519 seed, with the key's
//! did:key as associated data so the file cannot be relabelled.

use crate::keys::{PublicKey, UnitKey};
use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};

pub const BACKUP_KIND: &str = "tdg-key-backup";
pub const BACKUP_VERSION: u32 = 1;
pub const MIN_PASSWORD_CHARS: usize = 8;
const MEMORY_KIB: u32 = 19_456;
const ITERATIONS: u32 = 2;
const PARALLELISM: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeyBackup {
    pub kind: String,
    pub version: u32,
    /// The public key this backup restores, so a person can see whose it is without the password.
    pub did: String,
    pub fingerprint: String,
    /// Free text for people: the unit's name and code.
    #[serde(default)]
    pub label: String,
    pub kdf: Kdf,
    pub cipher: Cipher,
    /// Hex of the sealed seed (32 bytes + 16-byte tag).
    pub ciphertext: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Kdf {
    pub name: String,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    pub salt: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Cipher {
    pub name: String,
    pub nonce: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    PasswordTooShort,
    #[error("this is not a key backup file: {0}")]
    NotABackup(String),
    #[error("key backup version {0} is not supported (expected 1)")]
    UnknownVersion(u32),
    #[error("unsupported protection ({0})")]
    Unsupported(String),
    #[error("wrong password, or the backup file is damaged")]
    WrongPasswordOrDamaged,
    #[error("the backup restores another key than the one it names")]
    KeyMismatch,
}

impl BackupError {
    pub fn message_vi(&self) -> String {
        match self {
            BackupError::PasswordTooShort => {
                format!("Mật khẩu cần ít nhất {MIN_PASSWORD_CHARS} ký tự.")
            }
            BackupError::NotABackup(_) => "Đây không phải tệp sao lưu khóa.".into(),
            BackupError::UnknownVersion(v) => {
                format!("Không hỗ trợ tệp sao lưu khóa phiên bản {v}.")
            }
            BackupError::Unsupported(what) => format!("Không hỗ trợ cách bảo vệ này ({what})."),
            BackupError::WrongPasswordOrDamaged => {
                "Sai mật khẩu, hoặc tệp sao lưu đã bị hỏng.".into()
            }
            BackupError::KeyMismatch => {
                "Tệp sao lưu khôi phục một khóa khác với khóa nó ghi.".into()
            }
        }
    }
}

fn argon2(
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
) -> Result<Argon2<'static>, BackupError> {
    let params = Params::new(memory_kib, iterations, parallelism, Some(32))
        .map_err(|e| BackupError::Unsupported(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

fn derive(password: &str, kdf: &Kdf, salt: &[u8]) -> Result<[u8; 32], BackupError> {
    // Bounds keep a hostile file from asking for gigabytes or hours.
    if kdf.name != "argon2id"
        || kdf.memory_kib > 1_048_576
        || kdf.iterations > 16
        || kdf.parallelism > 8
    {
        return Err(BackupError::Unsupported(format!(
            "{} m={} t={} p={}",
            kdf.name, kdf.memory_kib, kdf.iterations, kdf.parallelism
        )));
    }
    let mut out = [0u8; 32];
    argon2(kdf.memory_kib, kdf.iterations, kdf.parallelism)?
        .hash_password_into(password.as_bytes(), salt, &mut out)
        .map_err(|e| BackupError::Unsupported(e.to_string()))?;
    Ok(out)
}

/// Seals `key` under `password`. `salt` and `nonce` must be fresh random bytes.
pub fn seal(
    key: &UnitKey,
    password: &str,
    label: &str,
    salt: [u8; 16],
    nonce: [u8; 24],
) -> Result<KeyBackup, BackupError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(BackupError::PasswordTooShort);
    }
    let public = key.public();
    let kdf = Kdf {
        name: "argon2id".into(),
        memory_kib: MEMORY_KIB,
        iterations: ITERATIONS,
        parallelism: PARALLELISM,
        salt: crate::hex::encode(&salt),
    };
    let derived = derive(password, &kdf, &salt)?;
    let did = public.did();
    let cipher = XChaCha20Poly1305::new((&derived).into());
    let sealed = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &key.seed(),
                aad: did.as_bytes(),
            },
        )
        .map_err(|_| BackupError::Unsupported("encryption failed".into()))?;
    Ok(KeyBackup {
        kind: BACKUP_KIND.into(),
        version: BACKUP_VERSION,
        fingerprint: public.fingerprint(),
        did,
        label: label.to_string(),
        kdf,
        cipher: Cipher {
            name: "xchacha20poly1305".into(),
            nonce: crate::hex::encode(&nonce),
        },
        ciphertext: crate::hex::encode(&sealed),
    })
}

/// Reads a backup file and restores the key, or says exactly why it cannot.
pub fn open(bytes: &[u8], password: &str) -> Result<UnitKey, BackupError> {
    let value =
        crate::strict_json::parse(bytes).map_err(|e| BackupError::NotABackup(e.to_string()))?;
    if value.get("kind").and_then(|k| k.as_str()) != Some(BACKUP_KIND) {
        return Err(BackupError::NotABackup(
            "no \"kind\": \"tdg-key-backup\"".into(),
        ));
    }
    if let Some(version) = value
        .get("version")
        .and_then(|v| v.as_u64())
        .filter(|v| *v != u64::from(BACKUP_VERSION))
    {
        return Err(BackupError::UnknownVersion(
            version.min(u64::from(u32::MAX)) as u32,
        ));
    }
    let backup: KeyBackup =
        serde_json::from_value(value).map_err(|e| BackupError::NotABackup(e.to_string()))?;
    if backup.cipher.name != "xchacha20poly1305" {
        return Err(BackupError::Unsupported(backup.cipher.name));
    }
    use crate::hex::{decode, decode_array};
    let damaged = BackupError::WrongPasswordOrDamaged;
    let salt = decode(&backup.kdf.salt).ok_or(damaged.clone())?;
    let nonce: [u8; 24] = decode_array(&backup.cipher.nonce).ok_or(damaged.clone())?;
    let sealed = decode(&backup.ciphertext).ok_or(damaged)?;
    let derived = derive(password, &backup.kdf, &salt)?;
    let cipher = XChaCha20Poly1305::new((&derived).into());
    let seed = cipher
        .decrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &sealed,
                aad: backup.did.as_bytes(),
            },
        )
        .map_err(|_| BackupError::WrongPasswordOrDamaged)?;
    let seed: [u8; 32] = seed
        .try_into()
        .map_err(|_| BackupError::WrongPasswordOrDamaged)?;
    let key = UnitKey::from_seed(seed);
    if PublicKey::from_did(&backup.did).ok() != Some(key.public()) {
        return Err(BackupError::KeyMismatch);
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backup_json(password: &str) -> String {
        let key = UnitKey::from_seed([42; 32]);
        let backup =
            seal(&key, password, "UBND xã Ví Dụ (XA-001)", [1; 16], [2; 24]).expect("seals");
        serde_json::to_string_pretty(&backup).expect("json")
    }

    #[test]
    fn restores_with_the_right_password_only() {
        let json = backup_json("mật khẩu đủ dài");
        let key = open(json.as_bytes(), "mật khẩu đủ dài").expect("opens");
        assert_eq!(key.public(), UnitKey::from_seed([42; 32]).public());
        assert_eq!(
            open(json.as_bytes(), "mật khẩu sai!").err(),
            Some(BackupError::WrongPasswordOrDamaged)
        );
    }

    #[test]
    fn refuses_short_passwords_damaged_and_foreign_files() {
        assert_eq!(
            seal(&UnitKey::from_seed([1; 32]), "ngắn", "", [0; 16], [0; 24]).err(),
            Some(BackupError::PasswordTooShort)
        );
        let json = backup_json("password-123");
        let flipped = json
            .replacen("\"ciphertext\": \"", "\"ciphertext\": \"00", 1)
            .replacen("\"ciphertext\": \"00", "\"ciphertext\": \"", 1);
        assert!(
            open(flipped.as_bytes(), "password-123").is_ok(),
            "unchanged round trip"
        );
        let mut value: serde_json::Value = serde_json::from_str(&json).expect("json");
        let ct = value["ciphertext"].as_str().expect("hex").to_string();
        let damaged = format!(
            "{}{}",
            if ct.starts_with('0') { "1" } else { "0" },
            &ct[1..]
        );
        value["ciphertext"] = damaged.into();
        let text = serde_json::to_string(&value).expect("json");
        assert_eq!(
            open(text.as_bytes(), "password-123").err(),
            Some(BackupError::WrongPasswordOrDamaged)
        );
        let other = UnitKey::from_seed([9; 32]).public().did();
        value = serde_json::from_str(&json).expect("json");
        value["did"] = other.into();
        let relabelled = serde_json::to_string(&value).expect("json");
        assert_eq!(
            open(relabelled.as_bytes(), "password-123").err(),
            Some(BackupError::WrongPasswordOrDamaged)
        );
        assert!(matches!(open(b"{}", "x"), Err(BackupError::NotABackup(_))));
        assert!(matches!(
            open(b"not json", "x"),
            Err(BackupError::NotABackup(_))
        ));
        let v2 = json.replace("\"version\": 1", "\"version\": 2");
        assert_eq!(
            open(v2.as_bytes(), "password-123").err(),
            Some(BackupError::UnknownVersion(2))
        );
    }
}
