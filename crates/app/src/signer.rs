//! The signing module (`tdg-signer`), loaded on first use: Ed25519, Argon2 and the report code
//! are not part of the first load. Its functions are typed imports (methods of the loaded
//! module); what goes in and out is `tdg-signer-api`, the definition the module uses too.
//! A failure says what failed: the module could not be loaded, it stopped (a WebAssembly
//! trap, after which the next call loads a fresh instance), it refused the input (its own
//! bilingual message), or it answered something this app does not understand.

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
        unsigned: &str,
        created: &str,
        file_name: &str,
        signature: &[u8],
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn sign_with_seed(this: &SignerModule, seed: &str, data: &[u8]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn passphrase(this: &SignerModule, random: &[u8]) -> Result<JsValue, JsValue>;

    /// A reply of the module, `JSON.parse`d: [`Prepared`] or [`Signed`], read by field. The
    /// browser's JSON reader instead of serde's: the app carries no reader for these types.
    type Reply;
    #[wasm_bindgen(method, getter)]
    fn unsigned(this: &Reply) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn created(this: &Reply) -> Option<String>;
    #[wasm_bindgen(method, getter, js_name = hashData)]
    fn hash_data(this: &Reply) -> Option<String>;
    #[wasm_bindgen(method, getter, js_name = fileName)]
    fn file_name(this: &Reply) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn sha256(this: &Reply) -> Option<String>;
    #[wasm_bindgen(method, getter)]
    fn json(this: &Reply) -> Option<String>;
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
    fn texts(&self) -> (String, String) {
        crate::i18n::signer::texts(self)
    }
}

impl tdg_model::Localized for SignerError {
    fn message(&self, lang: tdg_model::Lang) -> String {
        let (vi, en) = self.texts();
        crate::i18n::trs(lang, vi, en)
    }

    fn both(&self) -> (String, String) {
        self.texts()
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

/// The module's JSON reply, read by the browser's `JSON.parse`.
fn reply(text: &str) -> Result<Reply, SignerError> {
    js_sys::JSON::parse(text)
        .ok()
        .filter(JsValue::is_object)
        .map(JsCast::unchecked_into)
        .ok_or_else(|| SignerError::BadReply("not JSON".into()))
}

/// A field every reply of its kind has.
fn field(value: Option<String>, name: &str) -> Result<String, SignerError> {
    value.ok_or_else(|| SignerError::BadReply(format!("no {name}")))
}

/// Scores the draft and builds the unsigned report of the key `request.did`.
pub async fn prepare_report(
    catalog: &[u8],
    request: &PrepareRequest,
) -> Result<Prepared, SignerError> {
    let request = to_json(request)?;
    let r = reply(&text(module().await?.prepare_report(catalog, &request))?)?;
    Ok(Prepared {
        unsigned: field(r.unsigned(), "unsigned")?,
        created: field(r.created(), "created")?,
        hash_data: field(r.hash_data(), "hashData")?,
        file_name: field(r.file_name(), "fileName")?,
    })
}

/// The signed report from a prepared one and the signature of its hash data.
pub async fn finish_report(prepared: &Prepared, signature: &[u8]) -> Result<Signed, SignerError> {
    let signer = module().await?;
    let r = reply(&text(signer.finish_report(
        &prepared.unsigned,
        &prepared.created,
        &prepared.file_name,
        signature,
    ))?)?;
    Ok(Signed {
        file_name: field(r.file_name(), "fileName")?,
        sha256: field(r.sha256(), "sha256")?,
        json: field(r.json(), "json")?,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The names the getters read are the ones the module writes (tdg-signer-api's serde).
    #[test]
    fn replies_are_read_by_their_serialised_field_names() {
        let source = include_str!("signer.rs");
        let prepared = Prepared {
            unsigned: String::new(),
            created: String::new(),
            hash_data: String::new(),
            file_name: String::new(),
        };
        let signed = Signed {
            file_name: String::new(),
            sha256: String::new(),
            json: String::new(),
        };
        let mut names = Vec::new();
        for value in [
            serde_json::to_value(&prepared).expect("json"),
            serde_json::to_value(&signed).expect("json"),
        ] {
            names.extend(value.as_object().expect("object").keys().cloned());
        }
        for name in names {
            let getter = [
                format!("js_name = {name})]"),
                format!("getter)]\n    fn {name}("),
            ];
            assert!(
                getter.iter().any(|g| source.contains(g.as_str())),
                "no getter reads {name}"
            );
        }
    }
}
