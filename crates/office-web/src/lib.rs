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
        vi: "Chưa mở mùa báo cáo nào.".into(),
        en: "No season is open.".into(),
    })
}

fn with_session<T>(f: impl FnOnce(&mut Session) -> T) -> Result<T, JsValue> {
    SESSION.with(|s| s.borrow_mut().as_mut().map(f).ok_or_else(no_season))
}

/// Worker: opens a season. `received` is `YYYY-MM-DD` or empty (timing not checked); `period`
/// 0 means the year most reports declare. Throws a `{vi, en}` JSON text when refused.
#[wasm_bindgen]
pub fn season_open(
    trust: &[u8],
    catalog: &[u8],
    received: &str,
    period: i32,
) -> Result<(), JsValue> {
    let received_on = if received.is_empty() {
        None
    } else {
        Some(Date::parse_iso(received).map_err(|e| {
            refusal(&SessionError {
                vi: format!("Ngày nhận không hợp lệ: {e}"),
                en: format!("The received date is not valid: {e}"),
            })
        })?)
    };
    let period = (period != 0).then_some(period);
    let session = Session::new(trust, catalog, received_on, period).map_err(|e| refusal(&e))?;
    SESSION.with(|s| *s.borrow_mut() = Some(session));
    Ok(())
}

/// Worker: one file's bytes (a `.zip` is unpacked). Returns the number of files so far.
#[wasm_bindgen]
pub fn season_add(name: &str, bytes: Vec<u8>) -> Result<u32, JsValue> {
    with_session(|s| u32::try_from(s.add(name, bytes)).unwrap_or(u32::MAX))
}

/// Worker: a file the browser could not read, listed with the browser's reason.
#[wasm_bindgen]
pub fn season_add_unread(name: &str, reason: &str) -> Result<(), JsValue> {
    with_session(|s| {
        s.add_unread(
            name,
            Unread {
                vi: format!("trình duyệt không đọc được tệp: {reason}"),
                en: format!("the browser could not read the file: {reason}"),
            },
        );
    })
}

/// Worker: the number of files to verify (the period is settled here, once every file is in).
#[wasm_bindgen]
pub fn season_total() -> Result<u32, JsValue> {
    with_session(|s| {
        s.period();
        u32::try_from(s.total()).unwrap_or(u32::MAX)
    })
}

/// Worker: verifies up to `count` more files; returns how many are done.
#[wasm_bindgen]
pub fn season_verify(count: u32) -> Result<u32, JsValue> {
    with_session(|s| u32::try_from(s.verify_next(count as usize)).unwrap_or(u32::MAX))
}

/// Worker: the analysed season as JSON (`tdg_office::session::SeasonView`).
#[wasm_bindgen]
pub fn season_finish() -> Result<String, JsValue> {
    with_session(|s| serde_json::to_string(&s.finish()).unwrap_or_default())
}

/// Worker: the CSV export (UTF-8 with BOM) of the analysed season.
#[wasm_bindgen]
pub fn season_csv() -> Result<String, JsValue> {
    with_session(|s| {
        s.analysis()
            .map(|a| tdg_office::export::csv(a, s.catalog()))
            .ok_or_else(no_season)
    })?
}

/// Worker: the XLSX workbook of the analysed season.
#[wasm_bindgen]
pub fn season_xlsx() -> Result<Vec<u8>, JsValue> {
    with_session(|s| {
        let a = s.analysis().ok_or_else(no_season)?;
        tdg_office::export::xlsx(a, s.catalog()).map_err(|e| {
            refusal(&SessionError {
                vi: e.message_vi(),
                en: e.to_string(),
            })
        })
    })?
}
