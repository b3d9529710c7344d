//! The unit's signing key on this computer.
//!
//! The private key is a **non-extractable** WebCrypto Ed25519 key in IndexedDB: pages and
//! scripts of the portal's origin can use it only through this app's signing, and nobody can
//! copy it out. It gets there only after its password-protected backup was downloaded *and
//! re-opened in the app* (a page cannot know a download was kept; re-opening the file proves
//! it). Where the browser has no Ed25519 in WebCrypto, only the backup is kept, unlocked with
//! its password once per session. The old plaintext entry (`tdg.key.v1` in localStorage) is
//! moved the same way and then deleted.
//!
//! Making, restoring and forgetting run under one lock (`navigator.locks`) shared by every tab,
//! and re-read the storage inside it: a double click or two tabs make one key.
//!
//! Those steps, the storage and the lock are JavaScript loaded on demand (`web/keys.js`, with
//! Argon2 in `backup-worker.js`): the app's own WebAssembly only names the storage, passes the
//! page's random bytes, and turns the answers into [`KeyInfo`] and [`KeyError`]. Written in
//! Rust they cost the first load about 20 KB (async state machines, serde for the backup
//! worker's messages) for something a unit does once a year.

use crate::signer::SignerError;
use crate::state::{KeyInfo, KeyProtection};
use serde::{Deserialize, Serialize};
use tdg_signer_api::Refusal;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where a key lives. Training-mode keys (workshops) have their own area: they need no
/// backup and are never the unit's key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyArea {
    Unit,
    Training,
}

impl KeyArea {
    fn name(self) -> &'static str {
        match self {
            KeyArea::Unit => "unit",
            KeyArea::Training => "training",
        }
    }

    /// The IndexedDB database of this area.
    pub fn database(self, namespace: &str) -> String {
        format!("{namespace}.keys.{}", self.name())
    }

    /// The `navigator.locks` name that serialises changes to this area.
    pub fn lock(self, namespace: &str) -> String {
        format!("{namespace}.keys.{}.lock", self.name())
    }

    /// The old plaintext localStorage entry to migrate (only the unit ever had one).
    pub fn legacy_entry(self) -> Option<&'static str> {
        match self {
            KeyArea::Unit => Some(LEGACY_ENTRY),
            KeyArea::Training => None,
        }
    }

    /// Whether a new key must be backed up (and the backup re-opened) before it is used.
    pub fn needs_backup(self) -> bool {
        matches!(self, KeyArea::Unit)
    }
}

const LEGACY_ENTRY: &str = "tdg.key.v1";

// Storage names carry this deployment's namespace (`storage::namespace`), the one the drafts
// use: two deployments on one origin keep separate keys, a `file:` copy uses a fixed one.
use crate::storage::namespace;
#[cfg(test)]
use crate::storage::namespace_for;

/// The unit's key as the app kept it before: the Ed25519 seed in hex with its identity, in
/// plain text in localStorage. Read only to migrate it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredKey {
    pub seed: String,
    pub did: String,
    pub fingerprint: String,
}

/// What the old entry holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Legacy {
    Absent,
    Key(StoredKey),
    /// Damaged; with the fingerprint it names, if it names one.
    Unreadable(String),
}

/// Reads the old entry's text: a key only if its seed is 32 bytes of hex. `keys.js` reads it
/// by the same rule (`parseLegacy`) when it moves the key; this one shows it at start-up.
pub fn parse_legacy(text: &str) -> Legacy {
    match serde_json::from_str::<StoredKey>(text) {
        Ok(key) if key.seed.len() == 64 && key.seed.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Legacy::Key(key)
        }
        // Only the fingerprint, if it is there: a small struct, not `serde_json::Value`,
        // whose generic code the app does not otherwise carry.
        _ => Legacy::Unreadable(
            serde_json::from_str::<Named>(text)
                .map(|n| n.fingerprint)
                .unwrap_or_default(),
        ),
    }
}

#[derive(Deserialize)]
struct Named {
    #[serde(default)]
    fingerprint: String,
}

fn local_storage() -> Option<web_sys::Storage> {
    crate::storage::local_storage()
}

/// The old plaintext entry of the unit's key.
pub fn load_key() -> Legacy {
    match local_storage().and_then(|s| s.get_item(LEGACY_ENTRY).ok().flatten()) {
        None => Legacy::Absent,
        Some(text) => parse_legacy(&text),
    }
}

/// At start-up, before IndexedDB answers: the old entry, if any (shown as to be moved).
pub fn legacy_info() -> Option<KeyInfo> {
    legacy_key_info(&load_key())
}

fn legacy_key_info(legacy: &Legacy) -> Option<KeyInfo> {
    match legacy {
        Legacy::Absent => None,
        Legacy::Key(k) => Some(KeyInfo {
            did: k.did.clone(),
            fingerprint: k.fingerprint.clone(),
            protection: KeyProtection::Legacy,
        }),
        Legacy::Unreadable(fingerprint) => Some(unreadable(fingerprint.clone())),
    }
}

fn unreadable(fingerprint: String) -> KeyInfo {
    KeyInfo {
        did: String::new(),
        fingerprint,
        protection: KeyProtection::Unreadable,
    }
}

#[wasm_bindgen(inline_js = "
const loaded = new Map();
export function load_script(name) {
  // keys.js and key-steps.js sit at the site's root; this snippet in snippets/<crate>/.
  if (!loaded.has(name)) {
    loaded.set(name, import(new URL('../../' + name, import.meta.url).href).catch((error) => {
      loaded.delete(name);
      throw error;
    }));
  }
  return loaded.get(name);
}
")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn load_script(name: &str) -> Result<JsValue, JsValue>;
}

/// `keys.js` (the storage, what the panel shows, signing) and `key-steps.js` (the steps that
/// change the key, with the lock and the backup worker). Bytes go as copied `Uint8Array`s,
/// never as views of this module's memory, which may move while the promise waits.
#[wasm_bindgen]
extern "C" {
    type KeysModule;
    #[wasm_bindgen(method, catch)]
    async fn current(this: &KeysModule, db: &str, legacy: Option<&str>)
        -> Result<JsValue, JsValue>;
    /// `key-steps.js`: the steps for one area of keys.
    #[wasm_bindgen(method)]
    fn area(this: &KeysModule, db: &str, lock: &str, legacy: Option<&str>, training: bool)
        -> Steps;
    type Steps;
    #[wasm_bindgen(method, catch)]
    async fn begin(
        this: &Steps,
        password: &str,
        label: &str,
        seed: &str,
        salt: &str,
        nonce: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    async fn finish(
        this: &Steps,
        file: &js_sys::Uint8Array,
        password: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    async fn restore(
        this: &Steps,
        file: &js_sys::Uint8Array,
        password: &str,
        confirm: &js_sys::Function,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    async fn forget(this: &Steps) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    async fn unlock(
        this: &KeysModule,
        db: &str,
        password: &str,
        training: bool,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = storedBackup)]
    async fn stored_backup(this: &KeysModule, db: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, js_name = sessionSeed)]
    fn session_seed(this: &KeysModule, did: &str) -> Option<String>;
    #[wasm_bindgen(method, catch, js_name = signStored)]
    async fn sign_stored(
        this: &KeysModule,
        db: &str,
        data: &js_sys::Uint8Array,
    ) -> Result<JsValue, JsValue>;

    /// A key as `keys.js` answers it: `{ did, fingerprint, protection }`, and from `begin`
    /// also `backup` and `madeHere`.
    type Answer;
    #[wasm_bindgen(method, getter)]
    fn did(this: &Answer) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn fingerprint(this: &Answer) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn protection(this: &Answer) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn backup(this: &Answer) -> Option<String>;
    #[wasm_bindgen(method, getter, js_name = madeHere)]
    fn made_here(this: &Answer) -> Option<bool>;

    /// What `keys.js` throws: `{ kind, text?, expected?, opened?, fingerprint? }`.
    type Fault;
    #[wasm_bindgen(method, getter)]
    fn kind(this: &Fault) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn text(this: &Fault) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn expected(this: &Fault) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn opened(this: &Fault) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn fingerprint(this: &Fault) -> Option<String>;
}

/// What went wrong with the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// The signing module or the backup worker (Argon2) failed or refused (wrong password…).
    Signer(SignerError),
    /// The browser's storage (IndexedDB) failed: private mode, full, blocked.
    Storage(String),
    /// WebCrypto failed to import or use the key.
    WebCrypto(String),
    /// The re-opened file is the backup of another key than the one just made.
    NotThisKey { expected: String, opened: String },
    /// The stored key needs its password first (browsers without Ed25519 in WebCrypto).
    Locked,
    /// No usable key (none, or pending).
    NoKey,
    /// What is stored cannot be used (with the fingerprint it names, if any): it is replaced
    /// only by a restore or after "forget", each confirmed.
    Unreadable(String),
    /// The user declined to replace the key.
    Declined,
    /// No secure random numbers.
    Random,
}

impl KeyError {
    fn texts(&self) -> (String, String) {
        crate::i18n::key_store::texts(self)
    }

    /// The error `keys.js` threw, from its `kind` and its fields; anything else it could
    /// throw (a bug, a browser failure) is told as a storage failure with its text.
    fn from_fault(kind: &str, field: impl Fn(&str) -> Option<String>) -> Option<KeyError> {
        let text = || field("text").unwrap_or_default();
        Some(match kind {
            "storage" => KeyError::Storage(text()),
            "webcrypto" => KeyError::WebCrypto(text()),
            "notThisKey" => KeyError::NotThisKey {
                expected: field("expected").unwrap_or_default(),
                opened: field("opened").unwrap_or_default(),
            },
            "unreadable" => KeyError::Unreadable(field("fingerprint").unwrap_or_default()),
            "noKey" => KeyError::NoKey,
            "declined" => KeyError::Declined,
            "refused" => KeyError::Signer(match serde_json::from_str::<Refusal>(&text()) {
                Ok(refusal) => SignerError::Refused(refusal),
                Err(_) => SignerError::BadReply(text()),
            }),
            "crashed" => KeyError::Signer(SignerError::Crashed(text())),
            "load" => KeyError::Signer(SignerError::Load(text())),
            "badReply" => KeyError::Signer(SignerError::BadReply(text())),
            _ => return None,
        })
    }
}

impl tdg_model::Localized for KeyError {
    fn message(&self, lang: tdg_model::Lang) -> String {
        let (vi, en) = self.texts();
        crate::i18n::trs(lang, vi, en)
    }

    fn both(&self) -> (String, String) {
        self.texts()
    }
}

fn fault(thrown: JsValue) -> KeyError {
    // Getters on `null` or a string would throw: only objects are read.
    let known = thrown.is_object().then(|| {
        let fault: &Fault = thrown.unchecked_ref();
        let kind = fault.kind().unwrap_or_default();
        KeyError::from_fault(&kind, |name| match name {
            "text" => fault.text(),
            "expected" => fault.expected(),
            "opened" => fault.opened(),
            _ => fault.fingerprint(),
        })
    });
    known
        .flatten()
        .unwrap_or_else(|| KeyError::Storage(crate::browser::js_text(thrown)))
}

/// What a stored or found key is called in `keys.js`.
fn protection_of(text: &str) -> Option<KeyProtection> {
    match text {
        "browser" => Some(KeyProtection::Browser),
        "password" => Some(KeyProtection::Password),
        "pending" => Some(KeyProtection::Pending),
        "legacy" => Some(KeyProtection::Legacy),
        "unreadable" => Some(KeyProtection::Unreadable),
        _ => None,
    }
}

/// The key in an answer; one this app cannot read is unreadable, never guessed at.
fn key_info(answer: &Answer) -> KeyInfo {
    let fingerprint = answer.fingerprint().unwrap_or_default();
    match (
        answer.protection().as_deref().and_then(protection_of),
        answer.did(),
    ) {
        (Some(protection), Some(did))
            if protection == KeyProtection::Unreadable || !did.is_empty() =>
        {
            KeyInfo {
                did,
                fingerprint,
                protection,
            }
        }
        _ => unreadable(fingerprint),
    }
}

async fn load(script: &str) -> Result<KeysModule, KeyError> {
    load_script(script)
        .await
        .map(JsCast::unchecked_into)
        .map_err(|e| KeyError::Signer(SignerError::Load(crate::browser::js_text(e))))
}

/// `keys.js`: loaded when the signing panel shows.
async fn module() -> Result<KeysModule, KeyError> {
    load("keys.js").await
}

/// `key-steps.js`: loaded when the user makes, re-opens, restores, unlocks or forgets a key.
async fn steps() -> Result<KeysModule, KeyError> {
    load("key-steps.js").await
}

/// The steps that change `area`'s key.
async fn steps_of(area: KeyArea) -> Result<Steps, KeyError> {
    let (db, lock, legacy) = place(area);
    Ok(steps()
        .await?
        .area(&db, &lock, legacy, area == KeyArea::Training))
}

/// Where `area`'s key is kept in this deployment: its database, its lock, its old entry.
fn place(area: KeyArea) -> (String, String, Option<&'static str>) {
    let ns = namespace();
    (area.database(&ns), area.lock(&ns), area.legacy_entry())
}

/// A key answer (or `null`) from `keys.js`.
fn answered(reply: Result<JsValue, JsValue>) -> Result<Option<KeyInfo>, KeyError> {
    let reply = reply.map_err(fault)?;
    Ok(reply.is_object().then(|| key_info(reply.unchecked_ref())))
}

fn required(reply: Result<JsValue, JsValue>) -> Result<KeyInfo, KeyError> {
    answered(reply)?.ok_or(KeyError::NoKey)
}

/// The key of `area` on this computer, if any.
pub async fn current(area: KeyArea) -> Result<Option<KeyInfo>, KeyError> {
    let (db, _, legacy) = place(area);
    answered(module().await?.current(&db, legacy).await)
}

/// The first step of making the unit's key (or of moving the old plaintext one): seals it
/// under `password` and keeps it as *pending* with its backup. The caller downloads
/// `Begun::backup`; the key is usable only after [`finish`] re-opened that file. If another
/// tab (or click) got there first, its key is returned instead and nothing new is made.
pub async fn begin(area: KeyArea, password: String, label: String) -> Result<Begun, KeyError> {
    let (Ok(seed), Ok(salt), Ok(nonce)) = (
        crate::browser::random_hex::<32>(),
        crate::browser::random_hex::<16>(),
        crate::browser::random_hex::<24>(),
    ) else {
        return Err(KeyError::Random);
    };
    let reply = steps_of(area)
        .await?
        .begin(&password, &label, &seed, &salt, &nonce)
        .await
        .map_err(fault)?;
    let answer: &Answer = reply.unchecked_ref();
    Ok(Begun {
        info: key_info(answer),
        backup: answer.backup(),
        made_here: answer.made_here().unwrap_or(false),
    })
}

/// What [`begin`] did.
pub struct Begun {
    pub info: KeyInfo,
    /// The backup file's text, to download (again).
    pub backup: Option<String>,
    /// False when another tab or click had already made the key.
    pub made_here: bool,
}

/// Bytes from the signer's lowercase hex.
pub fn hex_bytes(text: &str) -> Result<Vec<u8>, KeyError> {
    (0..text.len())
        .step_by(2)
        .map(|i| {
            text.get(i..i + 2)
                .and_then(|b| u8::from_str_radix(b, 16).ok())
        })
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(|| KeyError::Signer(SignerError::BadReply("hex".into())))
}

/// The second step: the user re-opened the pending key's backup file with its password,
/// which proves the file was kept. Only then is the key imported and the seed dropped.
pub async fn finish(area: KeyArea, file: Vec<u8>, password: String) -> Result<KeyInfo, KeyError> {
    let file = js_sys::Uint8Array::from(file.as_slice());
    required(steps_of(area).await?.finish(&file, &password).await)
}

/// Restores a key from its backup (another computer). `confirm` is asked, with the
/// fingerprint of the key it would replace, before anything different is replaced.
pub async fn restore(
    area: KeyArea,
    file: Vec<u8>,
    password: String,
    confirm: impl Fn(&str) -> bool + 'static,
) -> Result<KeyInfo, KeyError> {
    let file = js_sys::Uint8Array::from(file.as_slice());
    // Alive until the answer: `key-steps.js` calls it, at most once, inside the lock.
    let confirm = Closure::<dyn Fn(String) -> bool>::new(move |fp: String| confirm(&fp));
    let steps = steps_of(area).await?;
    required(
        steps
            .restore(&file, &password, confirm.as_ref().unchecked_ref())
            .await,
    )
}

/// Removes the key from this computer (after the caller's confirmation).
pub async fn forget(area: KeyArea) -> Result<(), KeyError> {
    steps_of(area)
        .await?
        .forget()
        .await
        .map(|_| ())
        .map_err(fault)
}

/// Unlocks a key kept only as its backup, for this session.
pub async fn unlock(area: KeyArea, password: String) -> Result<(), KeyError> {
    let (db, _, _) = place(area);
    steps()
        .await?
        .unlock(&db, &password, area == KeyArea::Training)
        .await
        .map(|_| ())
        .map_err(fault)
}

/// The stored backup file of the key (to download again).
pub async fn stored_backup(area: KeyArea) -> Result<Option<String>, KeyError> {
    let (db, _, _) = place(area);
    let reply = module().await?.stored_backup(&db).await.map_err(fault)?;
    Ok(reply.as_string())
}

/// The Ed25519 signature of `data` by the area's key.
pub async fn sign(area: KeyArea, key: &KeyInfo, data: &[u8]) -> Result<Vec<u8>, KeyError> {
    let keys = module().await?;
    match key.protection {
        KeyProtection::Browser => {
            let (db, _, _) = place(area);
            let data = js_sys::Uint8Array::from(data);
            let signature = keys.sign_stored(&db, &data).await.map_err(fault)?;
            Ok(js_sys::Uint8Array::new(&signature).to_vec())
        }
        KeyProtection::Password => {
            let seed = keys.session_seed(&key.did).ok_or(KeyError::Locked)?;
            crate::signer::sign_with_seed(&seed, data)
                .await
                .map_err(KeyError::Signer)
        }
        _ => Err(KeyError::NoKey),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_and_training_keys_never_share_storage() {
        let ns = namespace_for("https:", "/cong-thong-tin/tu-danh-gia/index.html");
        assert_eq!(ns, "tdg@/cong-thong-tin/tu-danh-gia/");
        assert_ne!(KeyArea::Unit.database(&ns), KeyArea::Training.database(&ns));
        assert_ne!(KeyArea::Unit.lock(&ns), KeyArea::Training.lock(&ns));
        assert_eq!(KeyArea::Training.legacy_entry(), None);
        assert_eq!(KeyArea::Unit.legacy_entry(), Some("tdg.key.v1"));
        assert!(KeyArea::Unit.needs_backup() && !KeyArea::Training.needs_backup());
    }

    #[test]
    fn deployments_on_one_origin_keep_separate_keys() {
        let a = namespace_for("https:", "/a/");
        let b = namespace_for("https:", "/b/index.html");
        assert_ne!(KeyArea::Unit.database(&a), KeyArea::Unit.database(&b));
        assert_eq!(namespace_for("http:", "/"), "tdg@/");
        assert_eq!(
            namespace_for("file:", "/home/x/dist/index.html"),
            "tdg@file:"
        );
    }

    #[test]
    fn a_damaged_old_entry_is_unreadable_with_its_fingerprint() {
        let good = format!(
            "{{\"seed\":\"{}\",\"did\":\"did:key:z6Mk\",\"fingerprint\":\"AAAA\"}}",
            "ab".repeat(32)
        );
        assert!(matches!(parse_legacy(&good), Legacy::Key(_)));
        let short = good.replace(&"ab".repeat(32), "abcd");
        assert_eq!(parse_legacy(&short), Legacy::Unreadable("AAAA".into()));
        assert_eq!(parse_legacy("{not json"), Legacy::Unreadable(String::new()));
    }

    /// The names `keys.js` and `key-steps.js` use for protections and failures are the ones
    /// read here.
    const KEYS_JS: &str = concat!(
        include_str!("../../../web/keys.js"),
        include_str!("../../../web/key-steps.js")
    );

    #[test]
    fn protections_are_named_as_in_keys_js() {
        for (name, p) in [
            ("browser", KeyProtection::Browser),
            ("password", KeyProtection::Password),
            ("pending", KeyProtection::Pending),
            ("legacy", KeyProtection::Legacy),
            ("unreadable", KeyProtection::Unreadable),
        ] {
            assert_eq!(protection_of(name), Some(p));
            assert!(KEYS_JS.contains(&format!("'{name}'")), "{name}");
        }
        assert_eq!(protection_of("Browser"), None);
    }

    #[test]
    fn every_failure_keys_js_throws_is_told_apart() {
        let fields = |name: &str| Some(format!("<{name}>"));
        let refusal =
            |name: &str| (name == "text").then(|| "{\"vi\":\"Sai\",\"en\":\"Wrong\"}".to_string());
        let cases = [
            ("storage", KeyError::Storage("<text>".into())),
            ("webcrypto", KeyError::WebCrypto("<text>".into())),
            (
                "notThisKey",
                KeyError::NotThisKey {
                    expected: "<expected>".into(),
                    opened: "<opened>".into(),
                },
            ),
            ("unreadable", KeyError::Unreadable("<fingerprint>".into())),
            ("noKey", KeyError::NoKey),
            ("declined", KeyError::Declined),
            (
                "refused",
                KeyError::Signer(SignerError::BadReply("<text>".into())),
            ),
            (
                "crashed",
                KeyError::Signer(SignerError::Crashed("<text>".into())),
            ),
            ("load", KeyError::Signer(SignerError::Load("<text>".into()))),
            (
                "badReply",
                KeyError::Signer(SignerError::BadReply("<text>".into())),
            ),
        ];
        for (kind, expected) in cases {
            assert_eq!(KeyError::from_fault(kind, fields), Some(expected), "{kind}");
            // Thrown by the scripts themselves, or by the worker they relay.
            let thrown = [format!("fault('{kind}'"), format!("kind: '{kind}'")];
            let worker = ["refused", "crashed", "load"].contains(&kind);
            assert!(
                thrown.iter().any(|t| KEYS_JS.contains(t.as_str())) || worker,
                "the scripts never throw {kind}"
            );
        }
        assert_eq!(
            KeyError::from_fault("refused", refusal),
            Some(KeyError::Signer(SignerError::Refused(Refusal::new(
                "Sai", "Wrong"
            ))))
        );
        assert_eq!(KeyError::from_fault("TypeError", fields), None);
    }
}
