//! The few browser services the app needs: the clock, randomness, downloads, reading a chosen
//! file, printing. Each returns an error instead of panicking.

use tdg_model::Date;
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

/// SHA-256 of `bytes`, lowercase hex, by the browser's own WebCrypto (no hashing code in the
/// app). `crypto.subtle` needs a secure context: https, or http on 127.0.0.1 / localhost.
pub async fn sha256_hex(bytes: &[u8]) -> Result<String, String> {
    let subtle = web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(|_| "no crypto")?
        .subtle();
    let promise = subtle
        .digest_with_str_and_u8_array("SHA-256", bytes)
        .map_err(js_text)?;
    let digest = JsFuture::from(promise).await.map_err(js_text)?;
    Ok(hex(&js_sys::Uint8Array::new(&digest).to_vec()))
}

/// Lowercase hex (the signing module's `tdg_report::hex`, which the app does not link).
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
