use crate::i18n::update as words;
use tdg_model::Lang;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UpdateNoticeProps {
    pub lang: Lang,
}

/// "Có phiên bản mới": the offline cache holds a new deployment. Reloading activates it
/// (web/offline.js); until the user chooses, the page keeps running on the version it started
/// with, so the files of two versions never mix. The draft is saved at every change, so a
/// reload loses nothing.
#[function_component(UpdateNotice)]
pub fn update_notice(props: &UpdateNoticeProps) -> Html {
    let lang = props.lang;
    let reload = Callback::from(|_: MouseEvent| apply_update());
    html! {
        <div class="notice info update no-print" role="status">
            <p>{ words::READY.get(lang) }</p>
            <button type="button" onclick={reload}>{ words::RELOAD.get(lang) }</button>
        </div>
    }
}

/// `globalThis.tdgOffline.applyUpdate()`, or a plain reload where offline.js is absent.
fn apply_update() {
    let apply = js_sys::Reflect::get(&js_sys::global(), &"tdgOffline".into())
        .and_then(|offline| js_sys::Reflect::get(&offline, &"applyUpdate".into()))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
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

/// True when web/offline.js already found a new version before the app listened.
pub fn update_already_ready() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"tdgOffline".into())
        .and_then(|offline| js_sys::Reflect::get(&offline, &"updateReady".into()))
        .is_ok_and(|ready| ready.is_truthy())
}
