//! The signing module (`tdg-signer`), loaded on first use: Ed25519, Argon2 and the report code
//! are not part of the first load. Its functions take and return JSON text; its errors are
//! `{"vi": …, "en": …}`.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = "
let loaded;
export function load_signer() {
  // This snippet lives in snippets/<crate>/; the signer sits at the site's root, next to the app.
  loaded ??= import(new URL('../../tdg_signer.js', import.meta.url).href).then(async (mod) => {
    await mod.default({ module_or_path: new URL('../../tdg_signer_bg.wasm', import.meta.url) });
    return mod;
  });
  return loaded;
}
")]
extern "C" {
    fn load_signer() -> js_sys::Promise;
}

/// Why the signer could not do something, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SignerError {
    pub vi: String,
    pub en: String,
}

impl SignerError {
    fn unavailable() -> SignerError {
        SignerError {
            vi: "Không tải được phần ký số (tdg_signer). Hãy tải lại trang.".into(),
            en: "The signing module (tdg_signer) could not be loaded. Reload the page.".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Identity {
    pub seed: String,
    pub did: String,
    pub fingerprint: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Signed {
    pub file_name: String,
    pub sha256: String,
    pub json: String,
}

async fn call(name: &str, args: &[JsValue]) -> Result<String, SignerError> {
    let module = wasm_bindgen_futures::JsFuture::from(load_signer())
        .await
        .map_err(|_| SignerError::unavailable())?;
    let function: js_sys::Function = js_sys::Reflect::get(&module, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(SignerError::unavailable)?;
    let array = js_sys::Array::new();
    for a in args {
        array.push(a);
    }
    match function.apply(&JsValue::NULL, &array) {
        Ok(value) => value.as_string().ok_or_else(SignerError::unavailable),
        Err(e) => Err(e
            .as_string()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_else(SignerError::unavailable)),
    }
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, SignerError> {
    serde_json::from_str(text).map_err(|_| SignerError::unavailable())
}

fn bytes(data: &[u8]) -> JsValue {
    js_sys::Uint8Array::from(data).into()
}

pub async fn public_identity(seed_hex: &str) -> Result<Identity, SignerError> {
    parse(&call("public_identity", &[seed_hex.into()]).await?)
}

pub async fn sign(
    catalog: &[u8],
    draft_json: &str,
    seed_hex: &str,
    submitted_on: &str,
    created: &str,
) -> Result<Signed, SignerError> {
    let args = [
        bytes(catalog),
        draft_json.into(),
        seed_hex.into(),
        submitted_on.into(),
        created.into(),
    ];
    parse(&call("sign", &args).await?)
}

/// The backup file's text.
pub async fn seal_backup(
    seed_hex: &str,
    password: &str,
    label: &str,
    salt_hex: &str,
    nonce_hex: &str,
) -> Result<String, SignerError> {
    call(
        "seal_backup",
        &[
            seed_hex.into(),
            password.into(),
            label.into(),
            salt_hex.into(),
            nonce_hex.into(),
        ],
    )
    .await
}

pub async fn open_backup(file: &[u8], password: &str) -> Result<Identity, SignerError> {
    parse(&call("open_backup", &[bytes(file), password.into()]).await?)
}
