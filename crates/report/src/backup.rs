//! Password-protected key backup: Argon2id (memory 64 MiB, 3 passes, 1 lane when writing)
//! derives a 256-bit key from the password and a random 16-byte salt; XChaCha20-Poly1305 with a
//! random 24-byte nonce seals the 32-byte Ed25519 seed, with the key's did:key as associated
//! data so the file cannot be relabelled.
//!
//! Reading accepts the parameters a file names up to [`MAX_MEMORY_KIB`] and [`MAX_ITERATIONS`]
//! (files written before 2026-11 used 19 MiB and 2 passes and still open); more is refused
//! before any work, since a hostile file could otherwise ask for a gigabyte and freeze the tab.

use crate::keys::{PublicKey, UnitKey};
use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};

pub const BACKUP_KIND: &str = "tdg-key-backup";
pub const BACKUP_VERSION: u32 = 1;
pub const MIN_PASSWORD_CHARS: usize = 12;
/// What [`seal`] writes.
pub const MEMORY_KIB: u32 = 65_536;
pub const ITERATIONS: u32 = 3;
pub const PARALLELISM: u32 = 1;
/// The most a backup file may ask of the computer that opens it.
pub const MAX_MEMORY_KIB: u32 = 262_144;
pub const MAX_ITERATIONS: u32 = 4;
pub const MAX_PARALLELISM: u32 = 4;

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
    /// Made in training mode: opens only for training (see [`KeyUse`]). Bound to the sealed
    /// seed (associated data), so removing it makes the file unreadable, not a unit's key.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub training: bool,
    pub kdf: Kdf,
    pub cipher: Cipher,
    /// Hex of the sealed seed (32 bytes + 16-byte tag).
    pub ciphertext: String,
}

/// What a key is for. A workshop's key is made in training mode, its password known to the
/// whole room: it must never become a unit's signing key (review H1 of the walk-through).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyUse {
    /// A unit's real reports: a training backup is refused.
    Unit,
    /// Training mode: any backup opens (its reports carry the training mark anyway).
    Training,
}

/// The associated data the seed is sealed with: the key's did, marked for training keys.
fn associated_data(did: &str, training: bool) -> String {
    if training {
        format!("{did}#training")
    } else {
        did.to_string()
    }
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
    #[error(
        "the backup file could not be opened: the password is wrong or the file is damaged. \
         Type the password set when the key was made again (upper and lower case differ; \
         switch off Vietnamese typing tools such as Unikey or EVKey while typing it). If the \
         password is lost and the key not yet registered: forget the key on this computer \
         and make a new one"
    )]
    WrongPasswordOrDamaged,
    #[error(
        "this is the backup of a training key: it cannot sign a real report. Make a new key \
         for the unit"
    )]
    TrainingKey,
    #[error("the backup restores another key than the one it names")]
    KeyMismatch,
    #[error(
        "the backup file asks for {memory_kib} KiB of memory, {iterations} passes and \
         {parallelism} lanes, more than this program allows ({MAX_MEMORY_KIB} KiB, \
         {MAX_ITERATIONS} passes, {MAX_PARALLELISM} lanes): it was not made by this program, \
         or it was altered"
    )]
    TooCostly {
        memory_kib: u32,
        iterations: u32,
        parallelism: u32,
    },
}

impl BackupError {
    fn vietnamese(&self) -> String {
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
                "Không mở được tệp sao lưu: mật khẩu không đúng hoặc tệp bị hỏng. Hãy gõ lại \
                 mật khẩu đã đặt khi tạo khóa (phân biệt chữ hoa, chữ thường; tắt bộ gõ tiếng \
                 Việt như Unikey, EVKey khi gõ). Nếu quên mật khẩu và khóa chưa đăng ký: bấm \
                 “Quên khóa này trên máy này” rồi tạo khóa mới."
                    .into()
            }
            BackupError::TrainingKey => "Đây là tệp sao lưu của khóa tập huấn: không dùng để \
                 ký báo cáo thật. Hãy tạo khóa mới cho đơn vị."
                .into(),
            BackupError::KeyMismatch => {
                "Tệp sao lưu khôi phục một khóa khác với khóa nó ghi.".into()
            }
            BackupError::TooCostly {
                memory_kib,
                iterations,
                parallelism,
            } => format!(
                "Tệp sao lưu đòi {memory_kib} KiB bộ nhớ, {iterations} lượt và {parallelism} luồng, \
                 vượt mức chương trình cho phép ({MAX_MEMORY_KIB} KiB, {MAX_ITERATIONS} lượt, \
                 {MAX_PARALLELISM} luồng): tệp không do chương trình này tạo, hoặc đã bị sửa."
            ),
        }
    }
}

/// Vietnamese from `vietnamese`, English from `Display`.
impl tdg_model::Localized for BackupError {
    fn message(&self, lang: tdg_model::Lang) -> String {
        match lang {
            tdg_model::Lang::Vi => self.vietnamese(),
            tdg_model::Lang::En => self.to_string(),
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

/// Refuses, before any work, what this program does not make or would take too long.
pub fn check_kdf(kdf: &Kdf) -> Result<(), BackupError> {
    if kdf.name != "argon2id" {
        return Err(BackupError::Unsupported(kdf.name.clone()));
    }
    if kdf.memory_kib > MAX_MEMORY_KIB
        || kdf.iterations > MAX_ITERATIONS
        || kdf.parallelism > MAX_PARALLELISM
    {
        return Err(BackupError::TooCostly {
            memory_kib: kdf.memory_kib,
            iterations: kdf.iterations,
            parallelism: kdf.parallelism,
        });
    }
    Ok(())
}

fn derive(password: &str, kdf: &Kdf, salt: &[u8]) -> Result<[u8; 32], BackupError> {
    check_kdf(kdf)?;
    let mut out = [0u8; 32];
    argon2(kdf.memory_kib, kdf.iterations, kdf.parallelism)?
        .hash_password_into(password.as_bytes(), salt, &mut out)
        .map_err(|e| BackupError::Unsupported(e.to_string()))?;
    Ok(out)
}

/// Seals `key` under `password`, for `key_use`. `salt` and `nonce` must be fresh random bytes.
pub fn seal(
    key: &UnitKey,
    password: &str,
    label: &str,
    key_use: KeyUse,
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
    let training = key_use == KeyUse::Training;
    let cipher = XChaCha20Poly1305::new((&derived).into());
    let sealed = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &key.seed(),
                aad: associated_data(&did, training).as_bytes(),
            },
        )
        .map_err(|_| BackupError::Unsupported("encryption failed".into()))?;
    Ok(KeyBackup {
        kind: BACKUP_KIND.into(),
        version: BACKUP_VERSION,
        fingerprint: public.fingerprint(),
        did,
        label: label.to_string(),
        training,
        kdf,
        cipher: Cipher {
            name: "xchacha20poly1305".into(),
            nonce: crate::hex::encode(&nonce),
        },
        ciphertext: crate::hex::encode(&sealed),
    })
}

/// Reads a backup file and restores the key for `key_use`, or says exactly why it cannot.
pub fn open(bytes: &[u8], password: &str, key_use: KeyUse) -> Result<UnitKey, BackupError> {
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
    // Before any work: a training key never opens for a unit, whatever the password.
    if backup.training && key_use == KeyUse::Unit {
        return Err(BackupError::TrainingKey);
    }
    check_kdf(&backup.kdf)?;
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
                aad: associated_data(&backup.did, backup.training).as_bytes(),
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

/// Words in a generated passphrase; each is one of 256, so 8 bits each.
pub const PASSPHRASE_WORDS: usize = 8;

/// A passphrase of [`PASSPHRASE_WORDS`] words from 256 plain ASCII words (one per random
/// byte): 64 bits of entropy, typed on any keyboard, and always longer than
/// [`MIN_PASSWORD_CHARS`]. `random` must come from a secure source.
pub fn passphrase(random: &[u8; PASSPHRASE_WORDS]) -> String {
    random
        .iter()
        .map(|b| WORDS[usize::from(*b)])
        .collect::<Vec<_>>()
        .join("-")
}

/// Short, distinct English words in plain ASCII: typed with the Vietnamese input method off,
/// they read the same on every computer (no composed or decomposed marks).
#[rustfmt::skip]
const WORDS: [&str; 256] = [
    "acid", "acorn", "actor", "adobe", "agent", "album", "alpha", "amber", "angle", "ankle",
    "apple", "apron", "arena", "armor", "arrow", "atlas", "attic", "bacon", "badge", "bagel",
    "baker", "banjo", "barn", "basil", "basin", "beach", "beard", "bench", "berry", "bison",
    "blade", "blank", "blaze", "bloom", "board", "boat", "bonus", "boots", "brave", "bread",
    "brick", "brook", "brush", "bugle", "cabin", "cable", "camel", "canoe", "cargo", "cedar",
    "cello", "chalk", "charm", "chess", "cider", "clay", "cliff", "clock", "cloud", "coast",
    "cobra", "cocoa", "comet", "coral", "crane", "crisp", "crown", "cubic", "daisy", "dance",
    "delta", "denim", "diary", "dingo", "disco", "donut", "drum", "eagle", "earth", "easel", "echo",
    "elbow", "ember", "epoch", "ferry", "fiber", "field", "fig", "flame", "flute", "focus", "fox",
    "frost", "fudge", "garlic", "gecko", "ginger", "globe", "glove", "goose", "grape", "gravel",
    "guitar", "hammer", "harbor", "hazel", "helmet", "heron", "honey", "hornet", "husky", "igloo",
    "island", "ivory", "jacket", "jaguar", "jelly", "jigsaw", "jungle", "kayak", "kernel", "kettle",
    "kiwi", "koala", "ladder", "lagoon", "lemon", "lentil", "lilac", "linen", "lizard", "llama",
    "lotus", "magnet", "mango", "maple", "marble", "meadow", "melon", "meteor", "mint", "mirror",
    "mohair", "moose", "mosaic", "motor", "muffin", "nectar", "needle", "nickel", "noodle",
    "nutmeg", "oasis", "ocean", "olive", "onion", "opal", "orbit", "orchid", "otter", "owl",
    "oyster", "paddle", "palm", "panda", "papaya", "parrot", "pasta", "peach", "pebble", "pepper",
    "piano", "pickle", "pilot", "pine", "pixel", "planet", "plaza", "plum", "polar", "pony",
    "poppy", "potato", "prism", "pulse", "puzzle", "quartz", "quiet", "quilt", "rabbit", "radar",
    "radish", "raft", "rain", "raven", "reef", "ribbon", "river", "robin", "rocket", "rose", "ruby",
    "saddle", "safari", "salad", "salmon", "sandal", "satin", "scarf", "seal", "shell", "silver",
    "sketch", "sled", "snail", "sonar", "spice", "spruce", "squid", "stamp", "star", "stone",
    "storm", "sugar", "summit", "sunset", "swan", "tablet", "tango", "teapot", "tiger", "timber",
    "toast", "tomato", "topaz", "torch", "tulip", "tuna", "turtle", "tunnel", "valley", "velvet",
    "violet", "walnut", "walrus", "wagon", "wheat", "willow", "window", "winter", "wizard", "yacht",
    "yogurt", "zebra", "zenith", "zinc",
];

#[cfg(test)]
mod tests {
    use super::*;
    use tdg_model::Localized;

    fn backup_json(password: &str) -> String {
        let key = UnitKey::from_seed([42; 32]);
        let backup = seal(
            &key,
            password,
            "UBND xã Ví Dụ (XA-001)",
            KeyUse::Unit,
            [1; 16],
            [2; 24],
        )
        .expect("seals");
        serde_json::to_string_pretty(&backup).expect("json")
    }

    #[test]
    fn restores_with_the_right_password_only() {
        let json = backup_json("mật khẩu đủ dài");
        let key = open(json.as_bytes(), "mật khẩu đủ dài", KeyUse::Unit).expect("opens");
        assert_eq!(key.public(), UnitKey::from_seed([42; 32]).public());
        assert_eq!(
            open(json.as_bytes(), "mật khẩu sai!", KeyUse::Unit).err(),
            Some(BackupError::WrongPasswordOrDamaged)
        );
    }

    #[test]
    fn refuses_short_passwords_damaged_and_foreign_files() {
        assert_eq!(
            seal(
                &UnitKey::from_seed([1; 32]),
                "ngắn",
                "",
                KeyUse::Unit,
                [0; 16],
                [0; 24]
            )
            .err(),
            Some(BackupError::PasswordTooShort)
        );
        let json = backup_json("password-123");
        let flipped = json
            .replacen("\"ciphertext\": \"", "\"ciphertext\": \"00", 1)
            .replacen("\"ciphertext\": \"00", "\"ciphertext\": \"", 1);
        assert!(
            open(flipped.as_bytes(), "password-123", KeyUse::Unit).is_ok(),
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
            open(text.as_bytes(), "password-123", KeyUse::Unit).err(),
            Some(BackupError::WrongPasswordOrDamaged)
        );
        let other = UnitKey::from_seed([9; 32]).public().did();
        value = serde_json::from_str(&json).expect("json");
        value["did"] = other.into();
        let relabelled = serde_json::to_string(&value).expect("json");
        assert_eq!(
            open(relabelled.as_bytes(), "password-123", KeyUse::Unit).err(),
            Some(BackupError::WrongPasswordOrDamaged)
        );
        assert!(matches!(
            open(b"{}", "x", KeyUse::Unit),
            Err(BackupError::NotABackup(_))
        ));
        assert!(matches!(
            open(b"not json", "x", KeyUse::Unit),
            Err(BackupError::NotABackup(_))
        ));
        let v2 = json.replace("\"version\": 1", "\"version\": 2");
        assert_eq!(
            open(v2.as_bytes(), "password-123", KeyUse::Unit).err(),
            Some(BackupError::UnknownVersion(2))
        );
    }

    #[test]
    fn writes_64_mib_3_passes_and_wants_12_characters() {
        let backup: KeyBackup = serde_json::from_str(&backup_json("mười hai ký tự")).expect("json");
        assert_eq!(
            (
                backup.kdf.memory_kib,
                backup.kdf.iterations,
                backup.kdf.parallelism
            ),
            (65_536, 3, 1)
        );
        assert_eq!(
            seal(
                &UnitKey::from_seed([1; 32]),
                "elevenchars",
                "",
                KeyUse::Unit,
                [0; 16],
                [0; 24]
            )
            .err(),
            Some(BackupError::PasswordTooShort)
        );
    }

    /// A hostile file asks for 1 GiB, or many passes: refused at once, with a message naming
    /// what it asked for (timed: no Argon2 work is done first).
    #[test]
    fn refuses_costly_parameters_before_any_work() {
        let json = backup_json("password-123");
        for (field, value) in [
            ("memoryKib", 1_048_576),
            ("memoryKib", 262_145),
            ("iterations", 5),
            ("parallelism", 5),
        ] {
            let mut hostile: serde_json::Value = serde_json::from_str(&json).expect("json");
            hostile["kdf"][field] = value.into();
            let text = serde_json::to_string(&hostile).expect("json");
            let started = std::time::Instant::now();
            let refused = open(text.as_bytes(), "password-123", KeyUse::Unit).err();
            assert!(
                matches!(refused, Some(BackupError::TooCostly { .. })),
                "{field}={value}: {refused:?}"
            );
            assert!(started.elapsed() < std::time::Duration::from_millis(50));
            let refused = refused.expect("an error");
            assert!(refused.to_string().contains("262144 KiB"), "{refused}");
            assert!(
                refused.message(tdg_model::Lang::Vi).contains("vượt mức"),
                "{refused:?}"
            );
        }
        // The limits themselves are allowed.
        let mut edge: serde_json::Value = serde_json::from_str(&json).expect("json");
        edge["kdf"]["iterations"] = 4.into();
        let text = serde_json::to_string(&edge).expect("json");
        assert_eq!(
            open(text.as_bytes(), "password-123", KeyUse::Unit).err(),
            Some(BackupError::WrongPasswordOrDamaged),
            "4 passes are derived (and give another key, so the tag fails)"
        );
    }

    /// A backup written by the app before 2026-11 (Argon2id 19 MiB, 2 passes, an 11-character
    /// password, which was allowed then) still opens.
    #[test]
    fn opens_a_backup_in_the_old_format() {
        let file = include_bytes!("../../../tests/fixtures/keys/backup-19mib-2-passes.json");
        let backup: KeyBackup = serde_json::from_slice(file).expect("json");
        assert_eq!((backup.kdf.memory_kib, backup.kdf.iterations), (19_456, 2));
        let key = open(file, "mat-khau-cu", KeyUse::Unit).expect("opens");
        assert_eq!(key.public().did(), backup.did);
        assert_eq!(key.public().fingerprint(), backup.fingerprint);
    }

    /// A workshop's key (its password known to the room) never opens as a unit's key: refused
    /// before any work, and removing the mark breaks the file instead of freeing the key.
    #[test]
    fn a_training_key_never_opens_for_a_unit() {
        let key = UnitKey::from_seed([5; 32]);
        let backup = seal(
            &key,
            "mat-khau-tap-huan",
            "Tập huấn",
            KeyUse::Training,
            [3; 16],
            [4; 24],
        )
        .expect("seals");
        assert!(backup.training);
        let json = serde_json::to_string_pretty(&backup).expect("json");
        assert!(json.contains("\"training\": true"));
        assert_eq!(
            open(json.as_bytes(), "mat-khau-tap-huan", KeyUse::Unit).err(),
            Some(BackupError::TrainingKey)
        );
        let opened = open(json.as_bytes(), "mat-khau-tap-huan", KeyUse::Training).expect("opens");
        assert_eq!(opened.public(), key.public());
        let mut stripped: serde_json::Value = serde_json::from_str(&json).expect("json");
        stripped.as_object_mut().expect("object").remove("training");
        let stripped = serde_json::to_string(&stripped).expect("json");
        assert_eq!(
            open(stripped.as_bytes(), "mat-khau-tap-huan", KeyUse::Unit).err(),
            Some(BackupError::WrongPasswordOrDamaged)
        );
        // A unit's key also opens in training mode, and its file has no mark.
        let unit = backup_json("password-123");
        assert!(!unit.contains("training"));
        assert!(open(unit.as_bytes(), "password-123", KeyUse::Training).is_ok());
    }

    #[test]
    fn passphrases_are_long_enough_and_differ_with_the_randomness() {
        let a = passphrase(&[0, 1, 2, 3, 4, 5, 6, 255]);
        assert_eq!(a, "acid-acorn-actor-adobe-agent-album-alpha-zinc");
        assert!(a.chars().count() >= MIN_PASSWORD_CHARS && a.is_ascii());
        assert_ne!(a, passphrase(&[0, 1, 2, 3, 4, 5, 6, 254]));
        let shortest = WORDS.iter().map(|w| w.len()).min().unwrap_or(0);
        let separators = PASSPHRASE_WORDS - 1;
        assert!(shortest * PASSPHRASE_WORDS + separators >= MIN_PASSWORD_CHARS);
        let distinct: std::collections::BTreeSet<_> = WORDS.iter().collect();
        assert_eq!(distinct.len(), 256, "8 bits per word");
    }
}
