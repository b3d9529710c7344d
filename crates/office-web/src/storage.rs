//! What the office view keeps on the device: the appraisals (its own key, `office.appraisals`),
//! the unit register (`office.register`) and the language (the unit app's `lang` key: one choice for the whole site). Keys carry the
//! same namespace as the unit app's (`tdg@<page directory>#name`, `tdg@file:#name`), so two
//! deployments on one origin keep separate appraisals. Nothing here panics; a failure to store
//! comes back as an error for the page to show.

use tdg_model::Lang;
use tdg_office::appraisal::AppraisalFile;
use tdg_office::register::Register;

const APPRAISALS: &str = "office.appraisals";
const REGISTER: &str = "office.register";
const LANG: &str = "lang";

/// The namespace of a page at `protocol` + `pathname` (the unit app's rule: the page's
/// directory, or one fixed name for `file:` pages).
pub fn namespace_for(protocol: &str, pathname: &str) -> String {
    match protocol {
        "file:" => "tdg@file:".to_owned(),
        _ => format!(
            "tdg@{}",
            &pathname[..pathname.rfind('/').map_or(0, |i| i + 1)]
        ),
    }
}

fn key(name: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let ns = namespace_for(&location.protocol().ok()?, &location.pathname().ok()?);
    Some(format!("{ns}#{name}"))
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(name: &str) -> Option<String> {
    storage()?.get_item(&key(name)?).ok().flatten()
}

/// The stored appraisals: none stored is an empty file; a stored text that cannot be read is
/// returned as an error (and left where it is: only the office replaces it).
pub fn load_appraisals() -> Result<AppraisalFile, String> {
    match get(APPRAISALS) {
        None => Ok(AppraisalFile::default()),
        Some(text) => serde_json::from_str(&text).map_err(|e| e.to_string()),
    }
}

fn set(name: &str, text: &str) -> bool {
    let (Some(s), Some(k)) = (storage(), key(name)) else {
        return false;
    };
    s.set_item(&k, text).is_ok()
}

/// Stores the appraisals; `false` when the browser refused (private mode, full).
pub fn save_appraisals(file: &AppraisalFile) -> bool {
    set(APPRAISALS, &file.to_json())
}

/// The stored register: `Ok(None)` when none is stored; a stored text that cannot be read is
/// an error (left where it is, as the appraisals are).
pub fn load_register() -> Result<Option<Register>, String> {
    get(REGISTER)
        .map(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
        .transpose()
}

/// Stores the register; `false` when the browser refused (private mode, quota full).
pub fn save_register(register: &Register) -> bool {
    // A register is strings and dates: serialising it cannot fail.
    set(
        REGISTER,
        &serde_json::to_string(register).unwrap_or_default(),
    )
}

/// The page's language: `?lang=en` (or `vi`) in its address first, as the unit's app honours a
/// link's language; otherwise the one chosen last on this site; otherwise Vietnamese.
pub fn load_lang() -> Lang {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    lang_in_query(&search)
        .or_else(|| get(LANG).and_then(|code| Lang::from_code(&code)))
        .unwrap_or_default()
}

/// The `lang` parameter of a query string (`?lang=en&x=1`), when it names a language.
pub fn lang_in_query(search: &str) -> Option<Lang> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "lang")
        .and_then(|(_, v)| Lang::from_code(&v.to_ascii_lowercase()))
}

pub fn save_lang(lang: Lang) {
    if let (Some(s), Some(k)) = (storage(), key(LANG)) {
        let _ = s.set_item(&k, lang.code());
    }
}

#[cfg(test)]
mod tests {
    use super::{lang_in_query, namespace_for};
    use tdg_model::Lang;

    #[test]
    fn a_links_lang_parameter_chooses_the_language() {
        assert_eq!(lang_in_query("?lang=en"), Some(Lang::En));
        assert_eq!(lang_in_query("?x=1&lang=EN"), Some(Lang::En));
        assert_eq!(lang_in_query("?lang=vi"), Some(Lang::Vi));
        assert_eq!(lang_in_query("?lang=fr"), None);
        assert_eq!(lang_in_query(""), None);
        assert_eq!(lang_in_query("?language=en"), None);
    }

    #[test]
    fn the_namespace_is_the_unit_apps() {
        assert_eq!(namespace_for("https:", "/a/b/office.html"), "tdg@/a/b/");
        assert_eq!(namespace_for("http:", "/"), "tdg@/");
        assert_eq!(
            namespace_for("file:", "/media/usb/office.html"),
            "tdg@file:"
        );
    }
}
