//! What the app keeps on the device (localStorage): the draft, the previous drafts, drafts set
//! aside because they could not be read, and the language (the unit's key: `key_store.rs`,
//! under the same namespace). Failures (private
//! mode, full quota) come back as errors for the UI to show; nothing here panics. Everything is
//! written with serde_json's pretty printer, the one the exported draft uses too, so that the
//! app carries one JSON writer, not two.
//!
//! Nothing stored is ever wiped by the app on its own: a draft it cannot read (written by a
//! newer version, or damaged) is moved aside to a key of its own that only the user's explicit
//! "delete" removes. Keys carry a namespace taken from the page's address, so two deployments on
//! one origin keep separate drafts. Two tabs share the keys: a save only replaces the text this
//! tab last read or wrote (compare, then set), so one tab never silently overwrites another's.

use std::cell::RefCell;
use tdg_model::draft::{StoredDraft, StoredDraftError};
use tdg_model::{history, Lang};

/// The keys of the app before namespaces (one shared slot per origin).
const LEGACY_LANG_KEY: &str = "tdg.lang";
const LEGACY_DRAFT_KEY: &str = "tdg.draft.v1";
const LEGACY_BACKUP_KEY: &str = "tdg.draft.backup.v1";

const DRAFT: &str = "draft";
const HISTORY: &str = "history";
const LANG: &str = "lang";
const KEPT: &str = "kept.";

thread_local! {
    /// The storage granted through the Storage Access API (a cross-site frame), used instead
    /// of `window.localStorage`, which stays blocked there (`crate::portal`).
    static GRANTED: RefCell<Option<web_sys::Storage>> = const { RefCell::new(None) };
}

/// From now on, everything is stored in `storage` (the handle's `localStorage`).
pub fn use_granted(storage: web_sys::Storage) {
    GRANTED.with(|g| *g.borrow_mut() = Some(storage));
}

pub(crate) fn local_storage() -> Option<web_sys::Storage> {
    GRANTED
        .with(|g| g.borrow().clone())
        .or_else(|| web_sys::window()?.local_storage().ok().flatten())
}

fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Why something could not be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError;

fn set(key: &str, value: &str) -> Result<(), StoreError> {
    local_storage()
        .ok_or(StoreError)?
        .set_item(key, value)
        .map_err(|_| StoreError)
}

fn remove(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(key);
    }
}

/// The namespace for a page at `protocol` + `pathname`: the directory of the page for http(s)
/// (`/a/b/index.html` and `/a/b/` share `/a/b/`), one fixed name for `file:` (a USB stick
/// mounted at another path still finds its drafts). A `#` cannot occur in a path, so it
/// separates the namespace from the name.
pub fn namespace_for(protocol: &str, pathname: &str) -> String {
    if protocol == "file:" {
        return "tdg@file:".into();
    }
    let dir = pathname.rfind('/').map_or("/", |i| &pathname[..=i]);
    format!("tdg@{dir}")
}

/// This page's namespace (for every key the app stores, the unit's key too).
pub fn namespace() -> String {
    let location = web_sys::window().map(|w| w.location());
    let part = |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        location
            .as_ref()
            .and_then(|l| f(l).ok())
            .unwrap_or_default()
    };
    namespace_for(&part(|l| l.protocol()), &part(|l| l.pathname()))
}

thread_local! {
    /// Training mode (a workshop): set once at start-up, for the page's whole life.
    static TRAINING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The prefix of training mode's keys: its drafts never mix with the unit's own, and a reset
/// for the next participant removes exactly these.
const TRAINING_PREFIX: &str = "training.";

/// Puts the page in training mode (or not) before anything is read.
pub fn use_training_area(on: bool) {
    TRAINING.with(|t| t.set(on));
}

/// The full key of `name` in this page's namespace, in training mode's own area when it is on.
pub fn key(name: &str) -> String {
    if TRAINING.with(std::cell::Cell::get) {
        format!("{}#{TRAINING_PREFIX}{name}", namespace())
    } else {
        page_key(name)
    }
}

/// The key of `name` in the page's namespace whatever the mode (the mode's own switch).
pub fn page_key(name: &str) -> String {
    format!("{}#{name}", namespace())
}

pub fn read_page_key(name: &str) -> Option<String> {
    get(&page_key(name))
}

pub fn write_page_key(name: &str, value: Option<&str>) -> Result<(), StoreError> {
    match value {
        Some(v) => set(&page_key(name), v),
        None => {
            remove(&page_key(name));
            Ok(())
        }
    }
}

/// A text in training's own area, whatever the mode.
pub fn read_training(name: &str) -> Option<String> {
    get(&page_key(&format!("{TRAINING_PREFIX}{name}")))
}

pub fn write_training(name: &str, text: &str) -> Result<(), StoreError> {
    set(&page_key(&format!("{TRAINING_PREFIX}{name}")), text)
}

/// Removes everything training mode stored on this page (drafts, previous drafts, kept
/// texts, imported exercises): the next participant starts clean. The unit's own keys are
/// never touched: they do not carry the prefix.
pub fn clear_training_area() -> Result<(), StoreError> {
    let storage = local_storage().ok_or(StoreError)?;
    let prefix = page_key(TRAINING_PREFIX);
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(&prefix))
        .collect();
    for k in keys {
        storage.remove_item(&k).map_err(|_| StoreError)?;
    }
    Ok(())
}

/// What this tab last read from or wrote to the shared keys.
#[derive(Default)]
struct Synced {
    draft_text: Option<String>,
    draft: Option<StoredDraft>,
    /// This tab has changes it could not write because another tab wrote first.
    pending: bool,
    history: Vec<StoredDraft>,
    /// Keys holding text that could not be set aside: never written by this tab.
    protected: Vec<String>,
}

thread_local! {
    static SYNCED: RefCell<Synced> = RefCell::new(Synced::default());
}

/// A stored text that could not be read, kept aside under its own key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    pub key: String,
    /// When it was set aside (RFC 3339).
    pub at: String,
    pub bytes: usize,
    pub why: StoredDraftError,
}

/// What the app finds on the device at start-up.
#[derive(Default)]
pub struct Loaded {
    pub lang: Lang,
    /// A language was stored (the user chose one on this device).
    pub lang_stored: bool,
    pub draft: Option<StoredDraft>,
    pub history: Vec<StoredDraft>,
    pub kept: Vec<Kept>,
    /// How many texts were set aside just now (the user is told).
    pub set_aside_now: usize,
}

/// Reads everything at start-up: migrates the keys of before namespaces once, moves what
/// cannot be read aside, and remembers what it read (for the compare-then-set saves).
pub fn load(now: &str) -> Loaded {
    let mut loaded = Loaded::default();
    let mut synced = Synced::default();
    // The keys of before namespaces are a unit's own work: never taken into training's area.
    if !TRAINING.with(std::cell::Cell::get) {
        loaded.set_aside_now += migrate_legacy(now);
    }
    // The language is the person's, whatever the mode: switching to training keeps it.
    let lang = get(&page_key(LANG)).and_then(|code| Lang::from_code(&code));
    loaded.lang_stored = lang.is_some();
    loaded.lang = lang.unwrap_or_default();
    let draft_key = key(DRAFT);
    if let Some(text) = get(&draft_key) {
        match StoredDraft::parse(&text) {
            Ok(d) => {
                synced.draft = Some(d.clone());
                synced.draft_text = Some(text);
                loaded.draft = Some(d);
            }
            Err(_) => {
                loaded.set_aside_now += 1;
                match set_aside(&text, now, DRAFT) {
                    Ok(()) => remove(&draft_key),
                    Err(_) => {
                        synced.protected.push(draft_key);
                        synced.draft_text = Some(text);
                    }
                }
            }
        }
    }
    let history_key = key(HISTORY);
    if let Some(text) = get(&history_key) {
        match history::parse(&text) {
            Ok(list) => synced.history = list,
            Err(_) => {
                loaded.set_aside_now += 1;
                match set_aside(&text, now, HISTORY) {
                    Ok(()) => remove(&history_key),
                    Err(_) => synced.protected.push(history_key),
                }
            }
        }
    }
    loaded.history = synced.history.clone();
    loaded.kept = list_kept();
    SYNCED.with(|s| *s.borrow_mut() = synced);
    loaded
}

/// The keys of before namespaces, taken over once by the first deployment opened after the
/// update (they were one slot for the whole origin). A legacy key is removed only once its
/// text is safely stored under the namespace; a draft that would replace one already there is
/// set aside instead. Returns how many texts were set aside.
fn migrate_legacy(now: &str) -> usize {
    let mut set_aside_now = 0;
    if let Some(lang) = get(LEGACY_LANG_KEY) {
        if get(&page_key(LANG)).is_some() || set(&page_key(LANG), &lang).is_ok() {
            remove(LEGACY_LANG_KEY);
        }
    }
    if let Some(text) = get(LEGACY_DRAFT_KEY) {
        let moved = if get(&key(DRAFT)).is_none() {
            set(&key(DRAFT), &text)
        } else {
            set_aside_now += 1;
            set_aside(&text, now, DRAFT)
        };
        if moved.is_ok() {
            remove(LEGACY_DRAFT_KEY);
        }
    }
    if let Some(text) = get(LEGACY_BACKUP_KEY) {
        let moved = match StoredDraft::parse(&text) {
            Ok(mut previous) => {
                previous.saved_at = now.to_string();
                let mut list = get(&key(HISTORY))
                    .and_then(|t| history::parse(&t).ok())
                    .unwrap_or_default();
                history::push(&mut list, previous);
                set(&key(HISTORY), &history::to_json(&list))
            }
            Err(_) => {
                set_aside_now += 1;
                set_aside(&text, now, "backup")
            }
        };
        if moved.is_ok() {
            remove(LEGACY_BACKUP_KEY);
        }
    }
    set_aside_now
}

/// Stores `text` under a new kept key; an existing key is never reused.
fn set_aside(text: &str, now: &str, what: &str) -> Result<(), StoreError> {
    let base = key(&format!("{KEPT}{now}.{what}"));
    let mut candidate = base.clone();
    let mut n = 1;
    while get(&candidate).is_some() {
        candidate = format!("{base}.{n}");
        n += 1;
    }
    set(&candidate, text)
}

/// Every text set aside in this namespace, oldest first.
pub fn list_kept() -> Vec<Kept> {
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    let prefix = key(KEPT);
    let found = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|k| {
            let rest = k.strip_prefix(&prefix)?.to_string();
            let text = get(&k)?;
            // `<time>.<what>[.<n>]`; the time itself contains dots (milliseconds).
            let at = rest
                .split_once('Z')
                .map_or(rest.clone(), |(t, _)| format!("{t}Z"));
            let why = if rest.contains(".history") {
                history::parse(&text).err()
            } else {
                StoredDraft::parse(&text).err()
            }
            .unwrap_or(StoredDraftError::Damaged("kept by an earlier start".into()));
            Some(Kept {
                key: k,
                at,
                bytes: text.len(),
                why,
            })
        });
    // Oldest first (the key starts with the time), by insertion: no generic sort in the app.
    let mut kept: Vec<Kept> = Vec::new();
    for k in found {
        let at = kept
            .iter()
            .position(|o| o.key > k.key)
            .unwrap_or(kept.len());
        kept.insert(at, k);
    }
    kept
}

/// The exact text kept under `key` (to download it).
pub fn kept_text(key: &str) -> Option<String> {
    key.starts_with(&self::key(KEPT))
        .then(|| get(key))
        .flatten()
}

/// Deletes one kept text: only ever on the user's explicit request.
pub fn forget_kept(key: &str) {
    if key.starts_with(&self::key(KEPT)) {
        remove(key);
    }
}

pub fn save_lang(lang: Lang) -> Result<(), StoreError> {
    set(&page_key(LANG), lang.code())
}

/// Why the draft was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Storage refused (blocked, full), or the key holds text that must not be overwritten.
    Blocked,
    /// Another tab saved the draft since this tab last read or wrote it.
    OtherTab,
}

/// Saves the current draft, unless another tab has saved since this tab last read or wrote it
/// (then nothing is written: `SaveError::OtherTab`). The same draft is not written twice.
pub fn save_draft(record: &StoredDraft) -> Result<(), SaveError> {
    SYNCED.with(|s| {
        let mut s = s.borrow_mut();
        let draft_key = key(DRAFT);
        if s.protected.contains(&draft_key) {
            return Err(SaveError::Blocked);
        }
        if s.draft
            .as_ref()
            .is_some_and(|d| d.draft == record.draft && d.sample == record.sample)
        {
            return Ok(());
        }
        if get(&draft_key) != s.draft_text {
            s.pending = true;
            return Err(SaveError::OtherTab);
        }
        let text = record.to_json();
        set(&draft_key, &text).map_err(|_| SaveError::Blocked)?;
        s.draft_text = Some(text);
        s.draft = Some(record.clone());
        s.pending = false;
        Ok(())
    })
}

/// What another tab's save means for this tab.
#[derive(Debug, Clone, PartialEq)]
pub enum OtherTabSave {
    /// This tab had nothing unsaved: it shows the other tab's draft.
    Follow(StoredDraft),
    /// Both tabs changed the draft: the user chooses.
    Conflict,
}

/// Called when another tab changed a key (the `storage` event). `None` when it does not
/// concern this tab's draft or changes nothing.
pub fn other_tab_saved(changed_key: &str, now: &str) -> Option<OtherTabSave> {
    if changed_key != key(DRAFT) {
        return None;
    }
    let text = get(changed_key)?;
    SYNCED.with(|s| {
        let mut s = s.borrow_mut();
        if s.draft_text.as_deref() == Some(text.as_str()) {
            return None;
        }
        match StoredDraft::parse(&text) {
            Ok(d) if !s.pending => {
                s.draft_text = Some(text);
                s.draft = Some(d.clone());
                Some(OtherTabSave::Follow(d))
            }
            Ok(_) => Some(OtherTabSave::Conflict),
            Err(_) => {
                // A newer version of the app in another tab: keep its text, whatever is chosen.
                let _ = set_aside(&text, now, DRAFT);
                s.pending = true;
                Some(OtherTabSave::Conflict)
            }
        }
    })
}

/// Ends a conflict: this tab accepts what is stored now as what it last read, so its next save
/// (if the user keeps this tab's draft) replaces it. Returns the stored draft (which becomes
/// the shown draft, or a previous draft when the user keeps this tab's).
pub fn accept_stored_draft() -> Option<StoredDraft> {
    SYNCED.with(|s| {
        let mut s = s.borrow_mut();
        s.draft_text = get(&key(DRAFT));
        s.draft = s
            .draft_text
            .as_deref()
            .and_then(|t| StoredDraft::parse(t).ok());
        s.pending = false;
        s.draft.clone()
    })
}

/// Saves the previous drafts, merged with what another tab may have saved meanwhile. Returns
/// the list as stored (which the state takes when it differs from its own).
pub fn save_history(mine: &[StoredDraft]) -> Result<Vec<StoredDraft>, StoreError> {
    SYNCED.with(|s| {
        let mut s = s.borrow_mut();
        let history_key = key(HISTORY);
        if s.protected.contains(&history_key) {
            return Err(StoreError);
        }
        if mine == s.history.as_slice() {
            return Ok(mine.to_vec());
        }
        let theirs = get(&history_key)
            .and_then(|t| history::parse(&t).ok())
            .unwrap_or_default();
        let merged = if theirs == s.history {
            mine.to_vec()
        } else {
            history::merge(&s.history, mine, &theirs)
        };
        set(&history_key, &history::to_json(&merged))?;
        s.history = merged.clone();
        Ok(merged)
    })
}

/// The previous drafts another tab just saved, if `changed_key` is the list.
pub fn other_tab_history(changed_key: &str) -> Option<Vec<StoredDraft>> {
    if changed_key != key(HISTORY) {
        return None;
    }
    let list = history::parse(&get(changed_key)?).ok()?;
    SYNCED.with(|s| s.borrow_mut().history = list.clone());
    Some(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_namespace_is_the_page_directory_or_one_for_files() {
        assert_eq!(namespace_for("https:", "/"), "tdg@/");
        assert_eq!(namespace_for("https:", "/index.html"), "tdg@/");
        assert_eq!(
            namespace_for("http:", "/cong-thong-tin/tu-danh-gia/"),
            "tdg@/cong-thong-tin/tu-danh-gia/"
        );
        assert_eq!(
            namespace_for("http:", "/cong-thong-tin/tu-danh-gia/index.html"),
            "tdg@/cong-thong-tin/tu-danh-gia/"
        );
        assert_ne!(
            namespace_for("http:", "/a/tu-danh-gia/"),
            namespace_for("http:", "/b/tu-danh-gia/")
        );
        assert_eq!(
            namespace_for("file:", "/media/usb/tdg/index.html"),
            namespace_for("file:", "/run/media/an/USB/tdg/index.html")
        );
        assert_eq!(namespace_for("", ""), "tdg@/");
    }
}
