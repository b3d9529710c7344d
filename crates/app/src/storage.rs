//! What the app keeps on the device (localStorage): the draft, the previous draft and the
//! language (the unit's key: `key_store.rs`). Failures (private mode, full quota) come back as errors for the UI to
//! show; nothing here panics. Everything is written with serde_json's pretty printer, the one
//! the exported draft uses too, so that the app carries one JSON writer, not two.

use tdg_model::draft::Draft;
use tdg_model::Lang;

const LANG_KEY: &str = "tdg.lang";
const DRAFT_KEY: &str = "tdg.draft.v1";
const BACKUP_KEY: &str = "tdg.draft.backup.v1";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
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

/// The remembered language, Vietnamese when none is remembered or storage is unavailable.
pub fn load_lang() -> Lang {
    get(LANG_KEY)
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

pub fn save_lang(lang: Lang) -> Result<(), StoreError> {
    set(LANG_KEY, lang.code())
}

/// The saved draft; a damaged one is ignored (and left in place for a person to look at).
pub fn load_draft() -> Option<Draft> {
    serde_json::from_str(&get(DRAFT_KEY)?).ok()
}

pub fn load_backup() -> Option<Draft> {
    serde_json::from_str(&get(BACKUP_KEY)?).ok()
}

pub fn save_drafts(draft: &Draft, backup: Option<&Draft>) -> Result<(), StoreError> {
    set(
        DRAFT_KEY,
        &serde_json::to_string_pretty(draft).map_err(|_| StoreError)?,
    )?;
    match backup {
        Some(b) => set(
            BACKUP_KEY,
            &serde_json::to_string_pretty(b).map_err(|_| StoreError)?,
        ),
        None => {
            remove(BACKUP_KEY);
            Ok(())
        }
    }
}
