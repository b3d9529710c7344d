//! Loads the catalog file the page ships with, by a relative URL (works under any sub-path).

use crate::browser::js_text;
use crate::state::LoadedCatalog;
use tdg_model::Localized;
use tdg_model::{Catalog, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why the catalog could not be loaded, in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub text: tdg_model::Text,
}

pub async fn fetch_catalog(url: &str) -> Result<LoadedCatalog, LoadError> {
    let bytes = fetch_bytes(url).await.map_err(|detail| LoadError {
        text: crate::i18n::files::not_read(url, &detail),
    })?;
    let catalog = Catalog::from_json(&bytes).map_err(|e| LoadError {
        text: tdg_model::Text::new(e.message(Lang::Vi), e.message(Lang::En)),
    })?;
    mark("tdg:catalog-parsed");
    Ok(LoadedCatalog {
        catalog: crate::shared::Shared::new(catalog),
        bytes,
    })
}

/// The bytes at a URL relative to the page: from the single file's inlined copy when there
/// is one, else fetched.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    if let Some(bytes) = inlined(url) {
        return Ok(bytes);
    }
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

/// The single file (`cargo xtask dist --single-file`, docs/offline.md) carries the catalog and
/// the samples inside the page and allows no request at all (`connect-src 'none'`): its script
/// defines `globalThis.tdgSingleFile.file(url)`, which returns their bytes (a `Uint8Array`),
/// or null for a file it does not hold. Elsewhere it is absent and this returns `None`.
fn inlined(url: &str) -> Option<Vec<u8>> {
    let single = js_sys::Reflect::get(&js_sys::global(), &"tdgSingleFile".into()).ok()?;
    if single.is_undefined() {
        return None;
    }
    let file: js_sys::Function = js_sys::Reflect::get(&single, &"file".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let bytes: js_sys::Uint8Array = file.call1(&single, &url.into()).ok()?.dyn_into().ok()?;
    Some(bytes.to_vec())
}

/// A User Timing mark (`performance.mark(name)`): `cargo xtask bench` reads this one to tell the
/// catalog's parsing from the first render in the ready time. Through `Reflect`, so web-sys's
/// Performance bindings stay out of the first load; where there is no `performance`, nothing.
fn mark(name: &str) {
    let Ok(performance) = js_sys::Reflect::get(&js_sys::global(), &"performance".into()) else {
        return;
    };
    if let Ok(mark) = js_sys::Reflect::get(&performance, &"mark".into()) {
        if let Ok(mark) = mark.dyn_into::<js_sys::Function>() {
            let _ = mark.call1(&performance, &name.into());
        }
    }
}
