//! The few browser services the app needs: the clock, randomness, downloads, reading a chosen
//! file, hashing a file, printing. Each returns an error instead of panicking.

use tdg_model::Date;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Today's date on this computer (local time: what the user sees on the calendar).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

/// The current time in UTC, RFC 3339 with seconds.
pub fn now_rfc3339() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    // `2026-11-20T08:30:00.123Z` → `2026-11-20T08:30:00Z`
    match iso.split_once('.') {
        Some((head, _)) => format!("{head}Z"),
        None => iso,
    }
}

/// The current time in UTC with milliseconds (`2026-11-20T08:30:00.123Z`): distinct enough to
/// name a stored text.
pub fn now_precise() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// An RFC 3339 time as this computer's local date and time, `dd/mm/yyyy hh:mm`; empty when it
/// is not a time.
pub fn local_date_time(rfc3339: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return String::new();
    }
    format!(
        "{:02}/{:02}/{} {:02}:{:02}",
        date.get_date(),
        date.get_month() + 1,
        date.get_full_year(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Cryptographically secure random bytes from `crypto.getRandomValues`.
pub fn random<const N: usize>() -> Result<[u8; N], String> {
    let crypto = web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(|_| "no crypto in this browser")?;
    let mut bytes = [0u8; N];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| "crypto.getRandomValues failed")?;
    Ok(bytes)
}

/// Offers `bytes` as a download named `file_name`. Nothing is sent anywhere.
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(js_text)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_text)?;
    let document = gloo::utils::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(js_text)?
        .dyn_into()
        .map_err(|_| "no anchor element".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
        anchor.click();
        let _ = body.remove_child(&anchor);
    }
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The bytes of the first file chosen in an `<input type=file>`.
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
) -> Result<Option<(String, Vec<u8>)>, String> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return Ok(None);
    };
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(js_text)?;
    Ok(Some((
        file.name(),
        js_sys::Uint8Array::new(&buffer).to_vec(),
    )))
}

/// Text in Unicode NFC, the form Vietnamese text must be stored in (some keyboards type NFD,
/// with separate combining marks). Uses the browser's own tables: no extra bytes in the app.
pub fn nfc(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFC").into()
}

pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Asks the user to confirm (the browser's own dialog, keyboard-accessible).
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

/// A JavaScript error as text.
pub(crate) fn js_text(value: JsValue) -> String {
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

/// `N` random bytes in hex.
pub fn random_hex<const N: usize>() -> Result<String, String> {
    Ok(hex(&random::<N>()?))
}

/// Lowercase hex (the signing module's `tdg_report::hex`, which the app does not link).
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[wasm_bindgen(inline_js = "
export function hash_file(file, progress) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (f, value) => { if (!settled) { settled = true; f(value); } };
    // Without a worker (a page opened from file://, an old browser): WebCrypto on the whole
    // file, in JavaScript memory (never copied into WebAssembly), for files up to 256 MiB.
    const direct = async () => {
      if (file.size > 256 * 1024 * 1024) throw 'no-worker';
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
      return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    };
    const fallback = () => direct().then((h) => settle(resolve, h), (e) => settle(reject, String(e)));
    let worker;
    try {
      // This snippet lives in snippets/<crate>/; the worker sits at the site's root.
      worker = new Worker(new URL('../../hash-worker.js', import.meta.url), { type: 'module' });
    } catch (e) {
      fallback();
      return;
    }
    worker.onmessage = (m) => {
      if (settled) return;
      const d = m.data;
      if (d.total !== undefined) { progress(d.done, d.total); return; }
      worker.terminate();
      if (typeof d.sha256 === 'string') settle(resolve, d.sha256); else settle(reject, String(d.error));
    };
    worker.onerror = (e) => { e.preventDefault(); worker.terminate(); fallback(); };
    worker.postMessage(file);
  });
}
")]
extern "C" {
    fn hash_file(file: &web_sys::File, progress: &js_sys::Function) -> js_sys::Promise;
}

/// The largest evidence file hashed (2 GiB): beyond that, browsers may refuse to read it.
pub const MAX_HASHED_FILE: u64 = 2 * 1024 * 1024 * 1024;

/// Why a file has no hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HashError {
    TooLarge(u64),
    /// The browser could not read or hash it (the reason, as the browser gave it).
    Failed(String),
}

/// SHA-256 of a chosen file, lowercase hex, computed in a worker a slice at a time (the file is
/// never copied into WebAssembly); `progress(done, total)` in bytes as it goes.
pub async fn sha256_of_file(
    file: &web_sys::File,
    progress: impl FnMut(f64, f64) + 'static,
) -> Result<String, HashError> {
    let size = file.size() as u64;
    if size > MAX_HASHED_FILE {
        return Err(HashError::TooLarge(size));
    }
    let progress = Closure::<dyn FnMut(f64, f64)>::new(progress);
    let outcome = JsFuture::from(hash_file(file, progress.as_ref().unchecked_ref())).await;
    // The script calls `progress` no more once the promise is settled: it can go.
    drop(progress);
    let hex = outcome.map_err(|e| HashError::Failed(js_text(e)))?;
    hex.as_string()
        .filter(|h| h.len() == 64)
        .ok_or_else(|| HashError::Failed("no digest".into()))
}
