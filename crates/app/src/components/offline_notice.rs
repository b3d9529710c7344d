use crate::i18n::offline as words;
use tdg_model::Lang;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OfflineNoticeProps {
    pub lang: Lang,
    /// A new version waits in the offline cache.
    pub update_ready: bool,
    /// Embedded (cross-site) where the browser refuses the offline cache.
    pub embedded_offline: bool,
}

/// What the offline cache (web/offline.js, docs/offline.md) has to say, if anything.
///
/// "Có phiên bản mới": the cache holds a new deployment. Reloading activates it; until the
/// user chooses, the page keeps running on the version it started with, so the files of two
/// versions never mix. The draft is saved at every change, so a reload loses nothing.
///
/// Embedded where the browser refuses a service worker (another site's page), the tool works
/// only online: offline use needs it in its own tab, which the link opens.
#[function_component(OfflineNotice)]
pub fn offline_notice(props: &OfflineNoticeProps) -> Html {
    let lang = props.lang;
    let reload = Callback::from(|_: MouseEvent| apply_update());
    let own_tab = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    html! {
        <>
            if props.update_ready {
                <div class="notice info update no-print" role="status">
                    <p>{ words::UPDATE_READY.get(lang) }</p>
                    <button type="button" onclick={reload}>{ words::RELOAD.get(lang) }</button>
                </div>
            }
            if props.embedded_offline {
                <div class="notice info embedded-offline no-print" role="status">
                    <p>{ words::EMBEDDED.get(lang) }</p>
                    <a href={own_tab} target="_blank" rel="noopener">{ words::OWN_TAB.get(lang) }</a>
                </div>
            }
        </>
    }
}

/// `globalThis.tdgOffline.applyUpdate()`, or a plain reload where offline.js is absent.
fn apply_update() {
    let apply = offline_field("applyUpdate").and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match apply {
        Some(apply) => {
            let _ = apply.call0(&JsValue::UNDEFINED);
        }
        None => {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    }
}

/// A field of `globalThis.tdgOffline` (web/offline.js), if the script ran.
fn offline_field(name: &str) -> Option<JsValue> {
    let offline = js_sys::Reflect::get(&js_sys::global(), &"tdgOffline".into()).ok()?;
    if offline.is_undefined() {
        return None;
    }
    js_sys::Reflect::get(&offline, &name.into()).ok()
}

/// True when web/offline.js already said `name` (`updateReady`, `embeddedOffline`) before the
/// app listened for its event.
pub fn already_said(name: &str) -> bool {
    offline_field(name).is_some_and(|v| v.is_truthy())
}
