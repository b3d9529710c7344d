//! Loads the catalog file the page ships with, by a relative URL (works under any sub-path).

use crate::browser::js_text;
use crate::state::LoadedCatalog;
use tdg_model::{Catalog, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why the catalog could not be loaded, in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub vi: String,
    pub en: String,
}

pub async fn fetch_catalog(url: &str) -> Result<LoadedCatalog, LoadError> {
    let bytes = fetch_bytes(url).await.map_err(|detail| LoadError {
        vi: format!("Không đọc được tệp {url}: {detail}"),
        en: format!("Could not read {url}: {detail}"),
    })?;
    let catalog = Catalog::from_json(&bytes).map_err(|e| LoadError {
        vi: e.message(Lang::Vi),
        en: e.message(Lang::En),
    })?;
    Ok(LoadedCatalog {
        catalog: crate::shared::Shared::new(catalog),
        bytes,
    })
}

/// The bytes at a URL relative to the page.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(js_text)?;
    let response: web_sys::Response = response.dyn_into().map_err(js_text)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(js_text)?)
        .await
        .map_err(js_text)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
