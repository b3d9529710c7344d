//! Loads the catalog file the page ships with, by a relative URL (works under any sub-path).

use crate::browser::js_text;
use crate::state::LoadedCatalog;
use tdg_model::Localized;
use tdg_model::{Catalog, Lang};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
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
    mark("tdg:catalog-received");
    let catalog = Catalog::from_json(&bytes).map_err(|e| LoadError {
        text: tdg_model::Text::new(e.message(Lang::Vi), e.message(Lang::En)),
    })?;
    mark("tdg:catalog-parsed");
    Ok(LoadedCatalog {
        catalog: crate::shared::Shared::new(catalog),
        bytes,
    })
}

thread_local! {
    /// A request made at start-up (`request_early`), with its URL, until `fetch_bytes` takes it.
    static EARLY: std::cell::RefCell<Option<(String, js_sys::Promise)>> = const { std::cell::RefCell::new(None) };
}

/// Asks for `url` now, before the app's first render: the answer then arrives while the app
/// draws its loading line and runs its first effects, instead of after them (the effect that
/// wants the catalog runs only once the first render has been painted). The next
/// `fetch_bytes(url)` takes this request; nothing is asked for twice. In the single file (no
/// requests at all) it does nothing.
pub fn request_early(url: &str) {
    if single_file().is_some() {
        return;
    }
    if let Some(window) = web_sys::window() {
        let request = window.fetch_with_str(url);
        // Its failure is read when the request is taken; until then it must not be reported
        // as an unhandled rejection.
        let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
        let _ = request.catch(&ignore);
        // Called at most once, for the page's life.
        ignore.forget();
        EARLY.with(|early| *early.borrow_mut() = Some((url.to_owned(), request)));
    }
}

/// The request `request_early` made for `url`, once.
fn take_early(url: &str) -> Option<js_sys::Promise> {
    EARLY.with(|early| {
        let mut early = early.borrow_mut();
        match early.as_ref() {
            Some((asked, _)) if asked == url => early.take().map(|(_, request)| request),
            _ => None,
        }
    })
}

/// The bytes at a URL relative to the page: from the single file's inlined copy when there
/// is one, else fetched (or taken from the request made at start-up).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    if let Some(bytes) = inlined(url) {
        return Ok(bytes);
    }
    let request = match take_early(url) {
        Some(request) => request,
        None => web_sys::window().ok_or("no window")?.fetch_with_str(url),
    };
    let response = JsFuture::from(request).await.map_err(js_text)?;
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
    let single = single_file()?;
    let file: js_sys::Function = js_sys::Reflect::get(&single, &"file".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let bytes: js_sys::Uint8Array = file.call1(&single, &url.into()).ok()?.dyn_into().ok()?;
    Some(bytes.to_vec())
}

/// The single file's `globalThis.tdgSingleFile`, where there is one.
fn single_file() -> Option<JsValue> {
    let single = js_sys::Reflect::get(&js_sys::global(), &"tdgSingleFile".into()).ok()?;
    (!single.is_undefined()).then_some(single)
}

/// A User Timing mark (`performance.mark(name)`): `cargo xtask bench` reads these two to tell
/// the catalog's reading from the first render in the ready time. Through `Reflect`, so web-sys's
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
