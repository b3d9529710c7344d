//! What the app keeps on the device (localStorage). Failures (private mode, full quota) are
//! reported to the caller, never panicked on.

use tdg_model::Lang;

const LANG_KEY: &str = "tdg.lang";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The remembered language, Vietnamese when none is remembered or storage is unavailable.
pub fn load_lang() -> Lang {
    local_storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// Remembers the language; returns false when the browser refused to store it.
pub fn save_lang(lang: Lang) -> bool {
    local_storage().is_some_and(|s| s.set_item(LANG_KEY, lang.code()).is_ok())
}
