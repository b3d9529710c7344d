//! `tdg-views`: the app's views that only some visits need, in a WebAssembly module of their
//! own that the app loads when the user opens one (`crates/app/src/views.rs`, the host side), so
//! that they are not part of the first load. The components are the app's own (`tdg-app` as a
//! library); this crate only mounts them and carries what the user does back to the app.
//!
//! The print view: `print_open` reads the catalog's bytes with `Catalog::from_json` and scores
//! the draft with `tdg_model::score` (through the app's `assess`), the same code as the app, so
//! the printed total is the one on screen; `print_update` shows a changed draft;
//! `print_close` removes it.
//!
//! Training mode's exercises (`exercises_read`): the file read and checked against the
//! catalog, answered as strings (`tdg_app::views::exercises_to_wire`).
//!
//! The sign panel's flows (`sign_flow`): making, re-opening, restoring, unlocking and
//! forgetting the key, and signing (`tdg_app::sign_flows`); the panel stays in the app and
//! applies what comes back (`tdg_app::views::sign`).

use std::cell::RefCell;
use std::rc::Rc;
use tdg_app::components::print_view::PrintView;
use tdg_app::shared::Shared;
use tdg_app::state::{Action, SignedInfo};
use tdg_app::views::sign::{SignEvent, SignRequest};
use tdg_app::views::{exercises_to_wire, PrintEvent, PrintInput};
use tdg_model::Localized;
use tdg_model::{Catalog, Lang};
use wasm_bindgen::prelude::*;
use yew::prelude::*;

thread_local! {
    /// The mounted print view (one at a time).
    static OPEN: RefCell<Option<yew::AppHandle<PrintRoot>>> = const { RefCell::new(None) };
    /// How `print_update` reaches the mounted view's state.
    static SET_INPUT: RefCell<Option<UseStateSetter<Rc<PrintInput>>>> = const { RefCell::new(None) };
}

#[derive(Properties, PartialEq)]
struct RootProps {
    catalog: Shared<Catalog>,
    initial: Rc<PrintInput>,
    events: Callback<PrintEvent>,
}

#[function_component(PrintRoot)]
fn print_root(props: &RootProps) -> Html {
    let input = use_state(|| props.initial.clone());
    SET_INPUT.with(|slot| *slot.borrow_mut() = Some(input.setter()));
    let catalog = props.catalog.clone();
    let assessment = use_memo((*input).clone(), |input| {
        let sheet = tdg_model::scored_sheet(&catalog, &input.draft.sheet).sheet;
        tdg_app::components::app::assess(&catalog, &sheet, input.day).map(Rc::new)
    });
    let Some(assessment) = (*assessment).clone() else {
        return html! {};
    };
    let events = props.events.clone();
    let on_action = Callback::from(move |action: Action| {
        if let Some(event) = PrintEvent::from_action(action) {
            events.emit(event);
        }
    });
    html! {
        <PrintView catalog={props.catalog.clone()} draft={input.draft.clone()} {assessment}
            signed={input.signed.as_ref().map(SignedInfo::from)} fingerprint={input.fingerprint.clone()}
            day={input.day} today={input.today} lang={input.lang} training={input.training} {on_action} />
    }
}

/// The catalog's bytes the app sends, read with the same code as the app's.
fn read_catalog(bytes: &[u8]) -> Result<Catalog, JsValue> {
    Catalog::from_json(bytes).map_err(|e| {
        JsValue::from_str(&format!(
            "{} / {}",
            e.message(Lang::Vi),
            e.message(Lang::En)
        ))
    })
}

fn read_input(input: &str) -> Result<PrintInput, JsValue> {
    serde_json::from_str(input).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Mounts the print view in `root`. `host(kind, field, text)` receives what the user does
/// (`PrintEvent::encode`).
#[wasm_bindgen]
pub fn print_open(
    root: web_sys::Element,
    catalog: &[u8],
    input: &str,
    host: js_sys::Function,
) -> Result<(), JsValue> {
    let catalog = read_catalog(catalog)?;
    let initial = Rc::new(read_input(input)?);
    print_close();
    let events = Callback::from(move |event: PrintEvent| {
        let (kind, field, text) = event.encode();
        let _ = host.call3(&JsValue::NULL, &kind.into(), &field.into(), &text.into());
    });
    let props = RootProps {
        catalog: Shared::new(catalog),
        initial,
        events,
    };
    let app = yew::Renderer::<PrintRoot>::with_root_and_props(root, props).render();
    OPEN.with(|open| *open.borrow_mut() = Some(app));
    Ok(())
}

/// Shows a changed input (the draft, the signature, the language…) in the mounted view.
#[wasm_bindgen]
pub fn print_update(input: &str) -> Result<(), JsValue> {
    let input = Rc::new(read_input(input)?);
    // Out of the cell first: setting re-renders, and the render puts the setter back.
    let setter = SET_INPUT.with(|slot| slot.borrow().clone());
    if let Some(setter) = setter {
        setter.set(input);
    }
    Ok(())
}

/// Removes the print view (the app left the print screen).
#[wasm_bindgen]
pub fn print_close() {
    SET_INPUT.with(|slot| slot.borrow_mut().take());
    if let Some(app) = OPEN.with(|open| open.borrow_mut().take()) {
        app.destroy();
    }
}

/// Runs a sign panel flow (`SignRequest` as JSON) with the catalog's bytes; `host(kind,
/// strings)` receives each `SignEvent` (`SignEvent::encode`). Settles when the flow is over.
#[wasm_bindgen]
pub async fn sign_flow(
    catalog: Vec<u8>,
    request: String,
    host: js_sys::Function,
) -> Result<(), JsValue> {
    let request: SignRequest =
        serde_json::from_str(&request).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let emit = move |event: SignEvent| {
        if let Some((kind, parts)) = event.encode() {
            let parts: js_sys::Array = parts.into_iter().map(JsValue::from).collect();
            let _ = host.call2(&JsValue::NULL, &kind.into(), &parts);
        }
    };
    tdg_app::sign_flows::run(&catalog, request, &emit).await;
    Ok(())
}

/// Reads and checks an exercises file against the catalog (`tdg_app::training`): the set, or
/// why it cannot be used, as strings (`tdg_app::views::exercises_to_wire`).
#[wasm_bindgen]
pub fn exercises_read(catalog: &[u8], file: &[u8]) -> Result<js_sys::Array, JsValue> {
    let catalog = read_catalog(catalog)?;
    let read = tdg_app::training::check_exercises(file, &catalog);
    Ok(exercises_to_wire(&read)
        .into_iter()
        .map(JsValue::from)
        .collect())
}
