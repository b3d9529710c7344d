//! `tdg-office-web`: the receiving office's view (`office.html`). One WebAssembly module with two
//! entry points: [`run_app`] renders the page, and the `season_*` functions are what
//! `office-worker.js` calls, so verification and re-scoring run in a Web Worker and the page
//! stays responsive. Every rule (which report counts, the ranking, appraisal, the exports) is
//! `tdg-office`'s; this crate renders, stores the appraisals and moves bytes.

pub mod browser;
pub mod components;
pub mod i18n;
pub mod season_worker;
pub mod state;
pub mod storage;

use std::cell::RefCell;
use tdg_model::Date;
use tdg_office::archive::Unread;
use tdg_office::session::{Session, SessionError};
use wasm_bindgen::prelude::*;

/// Where the shipped catalog lives, relative to the page.
pub const CATALOG_URL: &str = "assets/catalogs/hp-175-kh-ubnd.json";

/// Mounts the office view on `#app`.
#[wasm_bindgen]
pub fn run_app() {
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            yew::Renderer::<components::app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<components::app::App>::new().render();
        }
    }
}

thread_local! {
    /// The worker's season: one at a time, kept after analysis for the exports.
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
}

fn refusal(e: &SessionError) -> JsValue {
    JsValue::from_str(&serde_json::to_string(e).unwrap_or_default())
}

fn no_season() -> JsValue {
    refusal(&SessionError {
        text: tdg_model::Text::new(
            i18n::words::worker::NO_SEASON.vi,
            i18n::words::worker::NO_SEASON.en,
        ),
    })
}

fn with_session<T>(f: impl FnOnce(&mut Session) -> T) -> Result<T, JsValue> {
    SESSION.with(|s| s.borrow_mut().as_mut().map(f).ok_or_else(no_season))
}

/// Worker: opens its share of a season. `received` is `YYYY-MM-DD` or empty (timing not
/// checked). Throws a `{vi, en}` JSON text when refused.
#[wasm_bindgen]
pub fn season_open(trust: &[u8], catalog: &[u8], received: &str) -> Result<(), JsValue> {
    let received_on = if received.is_empty() {
        None
    } else {
        Some(Date::parse_iso(received).map_err(|e| {
            refusal(&SessionError {
                text: i18n::words::worker::bad_received_date(&e.to_string()),
            })
        })?)
    };
    let session = Session::new(trust, catalog, received_on, None).map_err(|e| refusal(&e))?;
    SESSION.with(|s| *s.borrow_mut() = Some(session));
    Ok(())
}

/// Worker: one file's bytes (a `.zip` is unpacked), the file at place `at` of the page's list.
/// Returns the number of files so far.
#[wasm_bindgen]
pub fn season_add(at: u32, name: &str, bytes: Vec<u8>) -> Result<u32, JsValue> {
    with_session(|s| u32::try_from(s.add_at(at, name, bytes)).unwrap_or(u32::MAX))
}

/// Worker: a file the browser could not read, listed with the browser's reason.
#[wasm_bindgen]
pub fn season_add_unread(at: u32, name: &str, reason: &str) -> Result<(), JsValue> {
    with_session(|s| {
        s.add_unread_at(
            at,
            name,
            Unread {
                text: i18n::words::worker::browser_could_not_read(reason),
            },
        );
    })
}

/// Worker: how many of its reports declare each year (JSON `{"2026": 120}`), for the page to
/// settle the period over every worker's files.
#[wasm_bindgen]
pub fn season_period_counts() -> Result<String, JsValue> {
    with_session(|s| serde_json::to_string(&s.period_counts()).unwrap_or_default())
}

/// Worker: the period to check (the office's, or the one the page settled; 0 when no file
/// declares one: then nothing is readable and nothing is verified).
#[wasm_bindgen]
pub fn season_set_period(period: i32) -> Result<(), JsValue> {
    with_session(|s| {
        if period != 0 {
            s.set_period(period);
        }
    })
}

/// Worker: the number of files to verify.
#[wasm_bindgen]
pub fn season_total() -> Result<u32, JsValue> {
    with_session(|s| u32::try_from(s.total()).unwrap_or(u32::MAX))
}

/// Worker: verifies up to `count` more files; returns how many are done.
#[wasm_bindgen]
pub fn season_verify(count: u32) -> Result<u32, JsValue> {
    with_session(|s| u32::try_from(s.verify_next(count as usize)).unwrap_or(u32::MAX))
}

/// Worker: its share, verified, as JSON (`tdg_office::session::SeasonPart`).
#[wasm_bindgen]
pub fn season_part() -> Result<String, JsValue> {
    with_session(|s| serde_json::to_string(&s.part()).unwrap_or_default())
}
