//! The signing module (`tdg-signer`), loaded on first use: Ed25519, Argon2 and the report code
//! are not part of the first load. Its functions are typed imports (methods of the loaded
//! module); what goes in and out is `tdg-signer-api`, the definition the module uses too.
//! A failure says what failed: the module could not be loaded, it stopped (a WebAssembly
//! trap, after which the next call loads a fresh instance), it refused the input (its own
//! bilingual message), or it answered something this app does not understand.

use serde::de::DeserializeOwned;
use tdg_signer_api::{PrepareRequest, Prepared, Refusal, Signed};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = "
let loaded;
let generation = 0;
export function load_signer() {
  // This snippet lives in snippets/<crate>/; the signer sits at the site's root, next to the app.
  // After a crash or a failed load the URL changes (?instance=N): a fresh module instance, not
  // the browser's cached (and broken) one.
  loaded ??= (async () => {
    const url = new URL('../../tdg_signer.js', import.meta.url);
    if (generation > 0) url.searchParams.set('instance', String(generation));
    const mod = await import(url.href);
    await mod.default({ module_or_path: new URL('../../tdg_signer_bg.wasm', import.meta.url) });
    return mod;
  })();
  return loaded;
}
export function drop_signer() {
  loaded = undefined;
  generation += 1;
}
")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn load_signer() -> Result<JsValue, JsValue>;
    fn drop_signer();
}

#[wasm_bindgen]
extern "C" {
    /// The loaded `tdg_signer.js` module; its methods are the functions in
    /// `tdg_signer_api::names`.
    type SignerModule;
    #[wasm_bindgen(method, catch)]
    fn prepare_report(
        this: &SignerModule,
        catalog: &[u8],
        request: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn finish_report(
        this: &SignerModule,
        prepared: &str,
        signature: &[u8],
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn sign_with_seed(this: &SignerModule, seed: &str, data: &[u8]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn passphrase(this: &SignerModule, random: &[u8]) -> Result<JsValue, JsValue>;
}

/// What went wrong with the signing module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignerError {
    /// Its files could not be fetched or started (network, server, browser).
    Load(String),
    /// It stopped with a WebAssembly trap; the next call loads it again.
    Crashed(String),
    /// It refused the input, and said why.
    Refused(Refusal),
    /// Its answer is not what this app expects (app and module of different versions).
    BadReply(String),
}

impl SignerError {
    /// The message for people, in both languages.
    pub fn message(&self) -> (String, String) {
        match self {
            SignerError::Load(why) => (
                format!("Không tải được phần ký số (tdg_signer): {why}. Kiểm tra kết nối tới trang rồi thử lại."),
                format!("The signing module (tdg_signer) could not be loaded: {why}. Check the connection to the site and try again."),
            ),
            SignerError::Crashed(why) => (
                format!("Phần ký số bị dừng đột ngột ({why}). Nó sẽ được tải lại: hãy thử lại."),
                format!("The signing module stopped unexpectedly ({why}). It will be loaded again: try again."),
            ),
            SignerError::Refused(r) => (r.vi.clone(), r.en.clone()),
            SignerError::BadReply(why) => (
                format!("Phần ký số trả lời không đúng dạng ({why}): ứng dụng và phần ký số khác phiên bản? Hãy tải lại trang."),
                format!("The signing module answered in an unexpected form ({why}): app and module of different versions? Reload the page."),
            ),
        }
    }
}

/// Classifies a value thrown by the module, and drops a crashed module.
fn fault(thrown: JsValue) -> SignerError {
    if thrown.is_instance_of::<js_sys::WebAssembly::RuntimeError>() {
        drop_signer();
        return SignerError::Crashed(crate::browser::js_text(thrown));
    }
    if let Some(refusal) = thrown
        .as_string()
        .and_then(|text| serde_json::from_str::<Refusal>(&text).ok())
    {
        return SignerError::Refused(refusal);
    }
    // A TypeError ("… is not a function"): the module lacks a function this app calls.
    SignerError::BadReply(crate::browser::js_text(thrown))
}

async fn module() -> Result<SignerModule, SignerError> {
    match load_signer().await {
        Ok(module) => Ok(module.unchecked_into()),
        Err(e) => {
            drop_signer();
            Err(SignerError::Load(crate::browser::js_text(e)))
        }
    }
}

fn text(reply: Result<JsValue, JsValue>) -> Result<String, SignerError> {
    reply
        .map_err(fault)?
        .as_string()
        .ok_or_else(|| SignerError::BadReply("not text".into()))
}

/// JSON for the module, written with the pretty printer: the one the app already carries for
/// drafts (the compact writer would add a second copy of the draft's serialising code).
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, SignerError> {
    serde_json::to_string_pretty(value).map_err(|e| SignerError::BadReply(e.to_string()))
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, SignerError> {
    serde_json::from_str(text).map_err(|e| SignerError::BadReply(e.to_string()))
}

/// Scores the draft and builds the unsigned report of the key `request.did`.
pub async fn prepare_report(
    catalog: &[u8],
    request: &PrepareRequest,
) -> Result<Prepared, SignerError> {
    let request = to_json(request)?;
    parse(&text(module().await?.prepare_report(catalog, &request))?)
}

/// The signed report from a prepared one and the signature of its hash data.
pub async fn finish_report(prepared: &Prepared, signature: &[u8]) -> Result<Signed, SignerError> {
    let prepared = to_json(prepared)?;
    parse(&text(module().await?.finish_report(&prepared, signature))?)
}

/// Ed25519 by the module, for browsers without Ed25519 in WebCrypto.
pub async fn sign_with_seed(seed_hex: &str, data: &[u8]) -> Result<Vec<u8>, SignerError> {
    let reply = module()
        .await?
        .sign_with_seed(seed_hex, data)
        .map_err(fault)?;
    reply
        .dyn_into::<js_sys::Uint8Array>()
        .map(|a| a.to_vec())
        .map_err(|_| SignerError::BadReply("not bytes".into()))
}

/// A generated passphrase (8 words, 64 bits) from 8 secure random bytes.
pub async fn passphrase(random: &[u8]) -> Result<String, SignerError> {
    text(module().await?.passphrase(random))
}
