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
//! The storage code is JavaScript loaded on demand (`keys.js`, with Argon2 in
//! `backup-worker.js`), not part of the app's first load.

use crate::signer::SignerError;
use crate::state::{KeyInfo, KeyProtection};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use tdg_signer_api::{Opened, Refusal, SealRequest, Sealed};
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

/// Reads the old entry's text: a key only if its seed is 32 bytes of hex.
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
    web_sys::window()?.local_storage().ok().flatten()
}

/// The old plaintext entry of the unit's key.
pub fn load_key() -> Legacy {
    match local_storage().and_then(|s| s.get_item(LEGACY_ENTRY).ok().flatten()) {
        None => Legacy::Absent,
        Some(text) => parse_legacy(&text),
    }
}

fn forget_legacy() {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(LEGACY_ENTRY);
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
let loaded;
export function load_keys() {
  // keys.js sits at the site's root; this snippet in snippets/<crate>/.
  loaded ??= import(new URL('../../keys.js', import.meta.url).href).catch((error) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn load_keys() -> Result<JsValue, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    /// `keys.js`.
    type KeysModule;
    #[wasm_bindgen(method, catch, js_name = readRecord)]
    async fn read_record(this: &KeysModule, db: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = writeRecord)]
    async fn write_record(
        this: &KeysModule,
        db: &str,
        protection: &str,
        did: &str,
        fingerprint: &str,
        backup: &str,
        key: &JsValue,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = deleteRecord)]
    async fn delete_record(this: &KeysModule, db: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = withLock)]
    async fn with_lock(
        this: &KeysModule,
        name: &str,
        task: &js_sys::Function,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = importKey)]
    async fn import_key(this: &KeysModule, pkcs8: &[u8]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = signStored)]
    async fn sign_stored(this: &KeysModule, db: &str, data: &[u8]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = inWorker)]
    async fn in_worker(
        this: &KeysModule,
        op: &str,
        args: &js_sys::Array,
    ) -> Result<JsValue, JsValue>;

    /// A stored key record (IndexedDB).
    type Record;
    #[wasm_bindgen(method, getter)]
    fn protection(this: &Record) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn did(this: &Record) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn fingerprint(this: &Record) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn backup(this: &Record) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn key(this: &Record) -> JsValue;

    /// Why the backup worker failed: `{ kind: "refused" | "crashed" | "load", text }`.
    type WorkerFault;
    #[wasm_bindgen(method, getter)]
    fn kind(this: &WorkerFault) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn text(this: &WorkerFault) -> Option<String>;
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
    pub fn message(&self) -> (String, String) {
        match self {
            KeyError::Signer(e) => e.message(),
            KeyError::Storage(why) => (
                format!("Trình duyệt không lưu được khóa (bộ nhớ bị chặn, đầy, hoặc chế độ riêng tư): {why}"),
                format!("The browser could not store the key (storage blocked, full, or private mode): {why}"),
            ),
            KeyError::WebCrypto(why) => (
                format!("Bộ mật mã của trình duyệt (WebCrypto) báo lỗi: {why}"),
                format!("The browser's cryptography (WebCrypto) failed: {why}"),
            ),
            KeyError::NotThisKey { expected, opened } => (
                format!("Tệp này là bản sao lưu của khóa {opened}, không phải của khóa {expected} vừa tạo. Hãy chọn tệp vừa tải xuống."),
                format!("This file is the backup of key {opened}, not of the key {expected} just made. Choose the file that just downloaded."),
            ),
            KeyError::Locked => (
                "Hãy nhập mật khẩu của tệp sao lưu khóa để mở khóa trong phiên này.".into(),
                "Enter the key backup's password to unlock the key for this session.".into(),
            ),
            KeyError::NoKey => (
                "Chưa có khóa dùng được trên máy này.".into(),
                "There is no usable key on this computer.".into(),
            ),
            KeyError::Unreadable(fingerprint) => {
                let fp = if fingerprint.is_empty() { "?" } else { fingerprint };
                (
                    format!("Khóa lưu trên máy này (dấu vân tay {fp}) không đọc được. Hãy khôi phục nó từ tệp sao lưu, hoặc bấm “Quên khóa này trên máy này” trước khi tạo khóa mới."),
                    format!("The key kept on this computer (fingerprint {fp}) cannot be read. Restore it from its backup, or use “Forget this key on this computer” before making a new one."),
                )
            }
            KeyError::Declined => (
                "Đã giữ nguyên khóa hiện có.".into(),
                "The existing key is kept.".into(),
            ),
            KeyError::Random => (
                "Trình duyệt không tạo được số ngẫu nhiên an toàn.".into(),
                "The browser cannot make secure random numbers.".into(),
            ),
        }
    }
}

fn storage_error(e: JsValue) -> KeyError {
    KeyError::Storage(crate::browser::js_text(e))
}

async fn module() -> Result<KeysModule, KeyError> {
    load_keys()
        .await
        .map(JsCast::unchecked_into)
        .map_err(|e| KeyError::Signer(SignerError::Load(crate::browser::js_text(e))))
}

thread_local! {
    /// The seed of a key kept only as its backup, once unlocked in this session (page).
    static SESSION: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

fn session_seed(did: &str) -> Option<String> {
    SESSION.with(|s| {
        s.borrow()
            .as_ref()
            .filter(|(d, _)| d == did)
            .map(|(_, seed)| seed.clone())
    })
}

fn remember_session(opened: &Opened) {
    SESSION.with(|s| *s.borrow_mut() = Some((opened.did.clone(), opened.seed.clone())));
}

/// The stored record and the old entry, as one answer.
struct Found {
    info: Option<KeyInfo>,
    backup: Option<String>,
    legacy: Legacy,
}

fn protection_of(text: &str) -> Option<KeyProtection> {
    match text {
        "browser" => Some(KeyProtection::Browser),
        "password" => Some(KeyProtection::Password),
        "pending" => Some(KeyProtection::Pending),
        _ => None,
    }
}

fn protection_name(protection: KeyProtection) -> &'static str {
    match protection {
        KeyProtection::Browser => "browser",
        KeyProtection::Password => "password",
        KeyProtection::Pending => "pending",
        KeyProtection::Legacy => "legacy",
        KeyProtection::Unreadable => "unreadable",
    }
}

async fn find(keys: &KeysModule, area: KeyArea) -> Result<Found, KeyError> {
    let legacy = match area.legacy_entry() {
        Some(_) => load_key(),
        None => Legacy::Absent,
    };
    let record = keys
        .read_record(&area.database(&namespace()))
        .await
        .map_err(storage_error)?;
    if record.is_null() || record.is_undefined() {
        return Ok(Found {
            info: legacy_key_info(&legacy),
            backup: None,
            legacy,
        });
    }
    let record: Record = record.unchecked_into();
    let fingerprint = record.fingerprint().unwrap_or_default();
    // A record that says "browser" must hold the key itself.
    let holds_key = record.key().is_object();
    let info = match (
        record.protection().as_deref().and_then(protection_of),
        record.did(),
    ) {
        (Some(KeyProtection::Browser), _) if !holds_key => unreadable(fingerprint),
        (Some(protection), Some(did)) if !did.is_empty() => KeyInfo {
            did,
            fingerprint,
            protection,
        },
        _ => unreadable(fingerprint),
    };
    Ok(Found {
        info: Some(info),
        backup: record.backup(),
        legacy,
    })
}

/// The key of `area` on this computer, if any.
pub async fn current(area: KeyArea) -> Result<Option<KeyInfo>, KeyError> {
    let keys = module().await?;
    Ok(find(&keys, area).await?.info)
}

/// Runs `task` under the area's lock, shared by every tab of this origin.
async fn locked<T: 'static>(
    keys: &KeysModule,
    area: KeyArea,
    task: impl std::future::Future<Output = Result<T, KeyError>> + 'static,
) -> Result<T, KeyError> {
    let slot: Rc<RefCell<Option<Result<T, KeyError>>>> = Rc::new(RefCell::new(None));
    let filled = slot.clone();
    run_locked(
        keys,
        &area.lock(&namespace()),
        Box::pin(async move {
            let result = task.await;
            *filled.borrow_mut() = Some(result);
        }),
    )
    .await?;
    let result = slot.borrow_mut().take();
    result.unwrap_or(Err(KeyError::Storage("the lock was not granted".into())))
}

/// The lock itself, not generic: one copy of the promise glue in the app, whatever the task.
async fn run_locked(
    keys: &KeysModule,
    name: &str,
    work: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>,
) -> Result<(), KeyError> {
    let run = Closure::once_into_js(move || {
        wasm_bindgen_futures::future_to_promise(async move {
            work.await;
            Ok(JsValue::UNDEFINED)
        })
    });
    keys.with_lock(name, run.unchecked_ref())
        .await
        .map(|_| ())
        .map_err(storage_error)
}

fn worker_fault(e: JsValue) -> KeyError {
    let fault: WorkerFault = e.unchecked_into();
    let text = fault.text().unwrap_or_default();
    KeyError::Signer(match fault.kind().as_deref() {
        Some("refused") => match serde_json::from_str::<Refusal>(&text) {
            Ok(refusal) => SignerError::Refused(refusal),
            Err(_) => SignerError::BadReply(text),
        },
        Some("crashed") => SignerError::Crashed(text),
        _ => SignerError::Load(text),
    })
}

async fn seal(
    keys: &KeysModule,
    seed: &str,
    password: &str,
    label: &str,
) -> Result<Sealed, KeyError> {
    let (Ok(salt), Ok(nonce)) = (
        crate::browser::random_hex::<16>(),
        crate::browser::random_hex::<24>(),
    ) else {
        return Err(KeyError::Random);
    };
    let request = SealRequest {
        seed: seed.to_string(),
        password: password.to_string(),
        label: label.to_string(),
        salt,
        nonce,
    };
    let request = crate::signer::to_json(&request).map_err(KeyError::Signer)?;
    let reply = keys
        .in_worker("seal", &js_sys::Array::of1(&request.into()))
        .await
        .map_err(worker_fault)?;
    parse(reply)
}

/// Opens a backup file in the worker (Argon2 off the page's thread).
async fn open(keys: &KeysModule, file: &[u8], password: &str) -> Result<Opened, KeyError> {
    let args = js_sys::Array::of2(&js_sys::Uint8Array::from(file), &password.into());
    let reply = keys.in_worker("open", &args).await.map_err(worker_fault)?;
    parse(reply)
}

fn parse<T: serde::de::DeserializeOwned>(reply: JsValue) -> Result<T, KeyError> {
    reply
        .as_string()
        .and_then(|text| serde_json::from_str(&text).ok())
        .ok_or_else(|| KeyError::Signer(SignerError::BadReply("backup worker".into())))
}

/// The first step of making the unit's key (or of moving the old plaintext one): seals it
/// under `password` and keeps it as *pending* with its backup. The caller downloads
/// `Begun::backup`; the key is usable only after [`finish`] re-opened that file. If another
/// tab (or click) got there first, its key is returned instead and nothing new is made.
pub async fn begin(area: KeyArea, password: String, label: String) -> Result<Begun, KeyError> {
    let keys = module().await?;
    let inner: KeysModule = keys.clone().unchecked_into();
    locked(&keys, area, async move {
        let found = find(&inner, area).await?;
        if let Some(info) = found
            .info
            .as_ref()
            .filter(|i| i.protection == KeyProtection::Unreadable)
        {
            return Err(KeyError::Unreadable(info.fingerprint.clone()));
        }
        if let Some(info) = found.info.filter(|i| i.protection != KeyProtection::Legacy) {
            return Ok(Begun {
                info,
                backup: found.backup,
                made_here: false,
            });
        }
        let seed = match found.legacy {
            Legacy::Key(old) => old.seed,
            _ => crate::browser::random_hex::<32>().map_err(|_| KeyError::Random)?,
        };
        let sealed = seal(&inner, &seed, &password, &label).await?;
        let info = KeyInfo {
            did: sealed.did,
            fingerprint: sealed.fingerprint,
            protection: KeyProtection::Pending,
        };
        store(&inner, area, &info, &sealed.file, &JsValue::NULL).await?;
        Ok(Begun {
            info,
            backup: Some(sealed.file),
            made_here: true,
        })
    })
    .await
}

/// What [`begin`] did.
pub struct Begun {
    pub info: KeyInfo,
    /// The backup file's text, to download (again).
    pub backup: Option<String>,
    /// False when another tab or click had already made the key.
    pub made_here: bool,
}

async fn store(
    keys: &KeysModule,
    area: KeyArea,
    info: &KeyInfo,
    backup: &str,
    key: &JsValue,
) -> Result<(), KeyError> {
    keys.write_record(
        &area.database(&namespace()),
        protection_name(info.protection),
        &info.did,
        &info.fingerprint,
        backup,
        key,
    )
    .await
    .map(|_| ())
    .map_err(storage_error)
}

/// Imports an opened key as non-extractable (or keeps only its backup where the browser
/// lacks Ed25519), replacing what is stored; deletes the old plaintext entry.
async fn import(
    keys: &KeysModule,
    area: KeyArea,
    opened: &Opened,
    backup: &str,
) -> Result<KeyInfo, KeyError> {
    let pkcs8 = hex_bytes(&opened.pkcs8)?;
    let key = keys
        .import_key(&pkcs8)
        .await
        .map_err(|e| KeyError::WebCrypto(crate::browser::js_text(e)))?;
    let protection = if key.is_null() {
        remember_session(opened);
        KeyProtection::Password
    } else {
        KeyProtection::Browser
    };
    let info = KeyInfo {
        did: opened.did.clone(),
        fingerprint: opened.fingerprint.clone(),
        protection,
    };
    store(keys, area, &info, backup, &key).await?;
    if area.legacy_entry().is_some() {
        forget_legacy();
    }
    Ok(info)
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
    let keys = module().await?;
    let opened = open(&keys, &file, &password).await?;
    let inner: KeysModule = keys.clone().unchecked_into();
    locked(&keys, area, async move {
        let found = find(&inner, area).await?;
        match found.info {
            Some(info) if info.protection == KeyProtection::Pending && info.did == opened.did => {
                let text = String::from_utf8_lossy(&file).into_owned();
                import(&inner, area, &opened, &text).await
            }
            // Another tab finished first: nothing to do.
            Some(info) if info.did == opened.did => Ok(info),
            Some(info) => Err(KeyError::NotThisKey {
                expected: info.fingerprint,
                opened: opened.fingerprint,
            }),
            None => Err(KeyError::NoKey),
        }
    })
    .await
}

/// Restores a key from its backup (another computer). `confirm` is asked, with the
/// fingerprint of the key it would replace, before anything different is replaced.
pub async fn restore(
    area: KeyArea,
    file: Vec<u8>,
    password: String,
    confirm: impl Fn(&str) -> bool + 'static,
) -> Result<KeyInfo, KeyError> {
    let keys = module().await?;
    let opened = open(&keys, &file, &password).await?;
    let inner: KeysModule = keys.clone().unchecked_into();
    locked(&keys, area, async move {
        let found = find(&inner, area).await?;
        if let Some(info) = &found.info {
            if info.did != opened.did && !confirm(&info.fingerprint) {
                return Err(KeyError::Declined);
            }
        }
        let text = String::from_utf8_lossy(&file).into_owned();
        import(&inner, area, &opened, &text).await
    })
    .await
}

/// Removes the key from this computer (after the caller's confirmation).
pub async fn forget(area: KeyArea) -> Result<(), KeyError> {
    let keys = module().await?;
    let inner: KeysModule = keys.clone().unchecked_into();
    locked(&keys, area, async move {
        inner
            .delete_record(&area.database(&namespace()))
            .await
            .map_err(storage_error)?;
        if area.legacy_entry().is_some() {
            forget_legacy();
        }
        SESSION.with(|s| *s.borrow_mut() = None);
        Ok(())
    })
    .await
}

/// Unlocks a key kept only as its backup, for this session.
pub async fn unlock(area: KeyArea, password: String) -> Result<(), KeyError> {
    let keys = module().await?;
    let found = find(&keys, area).await?;
    let backup = found.backup.ok_or(KeyError::NoKey)?;
    let opened = open(&keys, backup.as_bytes(), &password).await?;
    remember_session(&opened);
    Ok(())
}

/// The stored backup file of the key (to download again).
pub async fn stored_backup(area: KeyArea) -> Result<Option<String>, KeyError> {
    let keys = module().await?;
    Ok(find(&keys, area).await?.backup)
}

/// The Ed25519 signature of `data` by the area's key.
pub async fn sign(area: KeyArea, key: &KeyInfo, data: &[u8]) -> Result<Vec<u8>, KeyError> {
    match key.protection {
        KeyProtection::Browser => {
            let keys = module().await?;
            let signature = keys
                .sign_stored(&area.database(&namespace()), data)
                .await
                .map_err(|e| KeyError::WebCrypto(crate::browser::js_text(e)))?;
            Ok(js_sys::Uint8Array::new(&signature).to_vec())
        }
        KeyProtection::Password => {
            let seed = session_seed(&key.did).ok_or(KeyError::Locked)?;
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

    #[test]
    fn stored_protections_read_back() {
        for p in [
            KeyProtection::Browser,
            KeyProtection::Password,
            KeyProtection::Pending,
        ] {
            assert_eq!(protection_of(protection_name(p)), Some(p));
        }
        assert_eq!(protection_of("legacy"), None, "never stored in IndexedDB");
    }
}
