//! The app's side of embedding (the rules are in `tdg-portal`, tested natively): reads
//! `embed.json`, applies its theme, listens to the host page and posts to it, and asks for
//! storage access when the tool is framed by another site. Nothing here decides anything a
//! parser or the reducer could decide; it only talks to the browser.

use crate::browser::js_text;
use crate::state::{Action, EmbedAction, StorageStart};
use std::cell::RefCell;
use tdg_portal::protocol::{AppMessage, Configure, Gate, HostMessage};
use tdg_portal::{EmbedConfig, Loaded};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Beside `index.html`, edited by the portal's administrator.
pub const EMBED_URL: &str = "embed.json";

/// The last report signed in this page (its exact text), for the button that sends it to the
/// portal. Kept here, not in the state: the state holds only its name and hash.
struct LastReport {
    file_name: String,
    sha256: String,
    json: String,
}

#[derive(Default)]
struct Link {
    gate: Gate,
    last_report: Option<LastReport>,
    last_height: u32,
}

thread_local! {
    static LINK: RefCell<Link> = RefCell::new(Link::default());
}

/// Reads `embed.json`. No file (a plain deployment): the defaults, silently. A file that
/// cannot be read: the defaults and the problems, which the app shows.
pub async fn load_config() -> Loaded {
    let loaded = match crate::catalog_source::fetch_bytes(EMBED_URL).await {
        Ok(bytes) => tdg_portal::config::parse(&bytes),
        Err(_) => Loaded::default(),
    };
    LINK.with(|l| l.borrow_mut().gate = Gate::new(loaded.config.allowed_origins.clone()));
    apply_theme(&loaded.config);
    loaded
}

/// The theme's colours as CSS custom properties on `<html>` (through the CSSOM, which the
/// page's CSP allows; the values were checked to be colours).
fn apply_theme(config: &EmbedConfig) {
    let Some(html) = gloo::utils::document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    for (name, value) in &config.theme {
        let _ = html.style().set_property(name, value);
    }
}

/// True when the page is inside a frame.
pub fn is_embedded() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.top() {
        Ok(Some(top)) => top != window,
        // A cross-origin top that cannot even be compared is another page.
        _ => true,
    }
}

/// Posts `message` to the embedding page, once per allowed origin: the browser delivers it only
/// where the parent's origin is exactly that one, so nothing reaches a page not listed.
pub fn post(message: &AppMessage) {
    if !is_embedded() {
        return;
    }
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let Ok(data) = js_sys::JSON::parse(&message.to_json()) else {
        return;
    };
    let allowed = LINK.with(|l| l.borrow().gate.allowed().to_vec());
    for origin in allowed {
        let _ = parent.post_message(&data, origin.as_str());
    }
}

/// How many messages from the host were rejected (shown on `<html data-portal-rejected>` for
/// the portal's developers).
fn count_rejected(count: u64) {
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.set_attribute("data-portal-rejected", &count.to_string());
    }
}

/// Listens to the host page; `on_configure` gets each `configure` that passed the gate. Drop
/// the listener to stop.
pub fn listen(on_configure: impl Fn(Configure) + 'static) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&gloo::utils::window(), "message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let origin = event.origin();
        // A structured clone that is not JSON (a function, a cycle) is rejected like bad JSON.
        let text = js_sys::JSON::stringify(&event.data())
            .ok()
            .and_then(|s| s.as_string());
        let outcome = LINK.with(|l| {
            let mut link = l.borrow_mut();
            let outcome = link.gate.receive(&origin, text.as_deref());
            (outcome, link.gate.rejected())
        });
        match outcome {
            (Ok(HostMessage::Configure(c)), _) => on_configure(c),
            (Err(_), count) => count_rejected(count),
        }
    })
}

/// The height watcher: dropped, it stops.
pub struct HeightWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for HeightWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Posts the content's height whenever it changes (a ResizeObserver on `<body>`), so the host
/// can size its iframe without a scrollbar.
pub fn watch_height() -> Option<HeightWatch> {
    if !is_embedded() {
        return None;
    }
    let callback = Closure::<dyn FnMut()>::new(|| {
        let document = gloo::utils::document();
        let Some(body) = document.body() else {
            return;
        };
        // The body's own height (the html element is at least the frame's height).
        let height = body.get_bounding_client_rect().height().ceil().max(0.0) as u32;
        let changed = LINK.with(|l| {
            let mut link = l.borrow_mut();
            let changed = link.last_height != height;
            link.last_height = height;
            changed
        });
        if changed {
            post(&AppMessage::Resize { height });
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    let body = gloo::utils::document().body()?;
    observer.observe(&body);
    Some(HeightWatch {
        observer,
        _callback: callback,
    })
}

/// Says to the host that the tool is ready, with the catalog's id and SHA-256.
pub async fn post_ready(catalog_id: String, catalog_bytes: Vec<u8>) {
    if !is_embedded() {
        return;
    }
    let sha256 = match JsFuture::from(sha256_hex(&js_sys::Uint8Array::from(
        catalog_bytes.as_slice(),
    )))
    .await
    {
        Ok(hex) => hex.as_string().unwrap_or_default(),
        Err(_) => String::new(),
    };
    post(&AppMessage::Ready {
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        catalog_id,
        catalog_sha256: sha256,
    });
}

/// A report was just signed: the host learns its name and hash; its text is kept for the
/// user's button.
pub fn report_signed(file_name: &str, sha256: &str, json: &str) {
    LINK.with(|l| {
        l.borrow_mut().last_report = Some(LastReport {
            file_name: file_name.into(),
            sha256: sha256.into(),
            json: json.into(),
        })
    });
    post(&AppMessage::ReportSigned {
        file_name: file_name.into(),
        sha256: sha256.into(),
    });
}

/// Sends the signed report with this hash to the host, on the user's press of the button naming
/// the portal. False when this page holds no such report (signed in an earlier visit).
pub fn send_report(sha256: &str) -> bool {
    let message = LINK.with(|l| {
        l.borrow()
            .last_report
            .as_ref()
            .filter(|r| r.sha256 == sha256)
            .map(|r| AppMessage::Report {
                file_name: r.file_name.clone(),
                sha256: r.sha256.clone(),
                report: r.json.clone(),
            })
    });
    match message {
        Some(m) => {
            post(&m);
            true
        }
        None => false,
    }
}

/// True when this page holds the text of the report with this hash.
pub fn has_report(sha256: &str) -> bool {
    LINK.with(|l| {
        l.borrow()
            .last_report
            .as_ref()
            .is_some_and(|r| r.sha256 == sha256)
    })
}

#[wasm_bindgen(inline_js = "
export function sha256_hex(bytes) {
  return crypto.subtle.digest('SHA-256', bytes).then((d) =>
    Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join(''));
}
")]
extern "C" {
    fn sha256_hex(bytes: &js_sys::Uint8Array) -> js_sys::Promise;
}

// The Storage Access API, which web-sys does not have yet.
#[wasm_bindgen]
extern "C" {
    /// What `document.requestStorageAccess({ all: true })` resolves to: the unpartitioned
    /// storage of this site, granted to this frame.
    pub type StorageAccessHandle;
    #[wasm_bindgen(method, catch, getter, js_name = localStorage)]
    fn local_storage(this: &StorageAccessHandle) -> Result<web_sys::Storage, JsValue>;

    #[wasm_bindgen(catch, js_namespace = document, js_name = requestStorageAccess)]
    fn request_access(types: &js_sys::Object) -> Result<js_sys::Promise, JsValue>;

    #[wasm_bindgen(catch, js_namespace = document, js_name = hasStorageAccess)]
    fn has_access() -> Result<js_sys::Promise, JsValue>;

    #[wasm_bindgen(catch, js_namespace = ["navigator", "permissions"], js_name = query)]
    fn query_permission(descriptor: &js_sys::Object) -> Result<js_sys::Promise, JsValue>;
}

/// True when this page cannot use its storage (a cross-site frame with third-party storage
/// blocked: `localStorage` throws).
pub fn storage_blocked() -> bool {
    web_sys::window().is_some_and(|w| w.local_storage().is_err())
}

fn object(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

/// True when the user (or the browser's settings) already granted storage access to this site
/// inside its embedder: it can then be taken without a click.
pub async fn storage_access_granted() -> bool {
    let Ok(promise) = query_permission(&object(&[("name", "storage-access".into())])) else {
        return false;
    };
    let Ok(status) = JsFuture::from(promise).await else {
        return false;
    };
    js_sys::Reflect::get(&status, &"state".into())
        .ok()
        .and_then(|s| s.as_string())
        .is_some_and(|s| s == "granted")
}

/// Asks for this site's own storage in this frame (on the user's click, or when already
/// granted). On success the app's drafts use the handle's `localStorage`, and the unit's key
/// (`web/keys.js`, `web/key-steps.js`) its IndexedDB and locks, through
/// `globalThis.tdgStorageHandle`.
pub async fn request_storage_access() -> Result<(), String> {
    let promise = request_access(&object(&[("all", true.into())])).map_err(js_text)?;
    let handle: StorageAccessHandle = JsFuture::from(promise)
        .await
        .map_err(js_text)?
        .unchecked_into();
    let storage = handle.local_storage().map_err(js_text)?;
    let _ = js_sys::Reflect::set(&js_sys::global(), &"tdgStorageHandle".into(), &handle);
    crate::storage::use_granted(storage);
    Ok(())
}

/// Takes this site's storage in the frame (see `request_storage_access`) and opens what it
/// holds; tells the state when the browser refuses.
pub async fn take_storage(dispatch: yew::Callback<Action>) {
    match request_storage_access().await {
        Ok(()) => {
            let loaded = crate::storage::load(&crate::browser::now_precise());
            dispatch.emit(Action::Embed(EmbedAction::StorageGranted {
                draft: loaded.draft,
                history: loaded.history,
                at: crate::browser::now_rfc3339(),
            }));
        }
        Err(_) => dispatch.emit(Action::Embed(EmbedAction::StorageRefused)),
    }
}

/// True when this document already has its site's own storage and cookies (top level, a
/// same-site frame, a browser that allows third-party cookies, or access already taken).
async fn has_storage_access() -> bool {
    let Ok(promise) = has_access() else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// At start-up in a cross-site frame: storage already granted to this site inside this host
/// is taken at once (no click needed; the grant is the browser's, kept until the user or the
/// browser withdraws it). Otherwise a frame whose storage is blocked offers the button that
/// asks for it, and a frame whose storage is partitioned by the host's site (Chrome with
/// third-party cookies blocked) offers to use the tool's own drafts and key.
pub async fn check_storage(dispatch: yew::Callback<Action>) {
    if !is_embedded() {
        return;
    }
    let blocked = storage_blocked();
    // The permission is asked only when the frame lacks its own storage.
    let has_access = has_storage_access().await;
    let granted = (blocked || !has_access) && storage_access_granted().await;
    match StorageStart::decide(blocked, has_access, granted) {
        StorageStart::Own => {}
        StorageStart::Take => take_storage(dispatch).await,
        StorageStart::Blocked => dispatch.emit(Action::Embed(EmbedAction::StorageBlocked)),
        StorageStart::Partitioned => dispatch.emit(Action::Embed(EmbedAction::StoragePartitioned)),
    }
}

/// `?tier=…&year=…` as the page was opened, then removed from the address, so that a reload
/// keeps what the user did since rather than applying the link again.
pub fn take_deep_link() -> tdg_portal::DeepLink {
    let Some(window) = web_sys::window() else {
        return tdg_portal::DeepLink::default();
    };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let link = tdg_portal::DeepLink::parse(&search);
    if !search.is_empty() {
        if let (Ok(history), Ok(path)) = (window.history(), location.pathname()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
        }
    }
    link
}

/// The address of this page at top level with the current choices, for "Mở trong thẻ mới".
pub fn new_tab_url(state: &crate::state::AppState) -> String {
    let link = tdg_portal::DeepLink {
        tier: Some(state.draft.sheet.tier.clone()).filter(|t| !t.is_empty()),
        variant: state.draft.sheet.variant.clone(),
        year: Some(state.draft.sheet.period),
        lang: Some(state.lang),
        ..Default::default()
    };
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "./".into());
    format!("{path}{}", link.to_query())
}
