//! The season handed on: the workbook and the CSV (made on the page with `tdg_office::export`,
//! from the season and the appraisals as they stand), the printable summary, and the appraisal
//! file.

use super::app::{Handle, Part};
use crate::browser;
use crate::i18n::words;
use crate::state::{Action, Notice};
use crate::storage;
use tdg_office::export::Export;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn failed(state: &Handle, notice: Notice) {
    state.dispatch(Action::Notify(notice));
}

/// An export of the season on the page, with the appraisals as they stand.
fn exported<T>(
    state: &Handle,
    make: impl FnOnce(&Export) -> Result<T, String>,
) -> Result<T, String> {
    let (Some(season), Some(c)) = (state.season.as_ref(), state.loaded_catalog()) else {
        return Err("no season".into());
    };
    make(&Export::new(season, &c.catalog, &state.appraisals))
}

fn file_stem(state: &Handle) -> String {
    let period = state
        .season
        .as_ref()
        .and_then(|s| s.period)
        .map(|p| p.to_string())
        .unwrap_or_default();
    format!("tong-hop-{period}")
}

#[function_component(Exports)]
pub fn exports(p: &Part) -> Html {
    let state = &p.state;
    let lang = state.lang;
    let on_xlsx = {
        let state = state.clone();
        Callback::from(move |_| {
            let made = exported(&state, |x| {
                tdg_office::export::xlsx(x).map_err(|e| e.to_string())
            })
            .and_then(|bytes| {
                browser::download(
                    &format!("{}.xlsx", file_stem(&state)),
                    &bytes,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                )
            });
            if let Err(e) = made {
                failed(&state, words::exports::workbook_failed(&e));
            }
        })
    };
    let on_csv = {
        let state = state.clone();
        Callback::from(move |_| {
            // Decimals the way a spreadsheet in the page's language reads them ("30,911" in
            // Vietnamese, where "30.911" would be thirty thousand).
            let lang = state.lang;
            let made =
                exported(&state, |x| Ok(tdg_office::export::csv_in(x, lang))).and_then(|text| {
                    browser::download(
                        &format!("{}.csv", file_stem(&state)),
                        text.as_bytes(),
                        "text/csv;charset=utf-8",
                    )
                });
            if let Err(e) = made {
                failed(&state, words::exports::csv_failed(&e));
            }
        })
    };
    let on_print = Callback::from(|_| browser::print());
    let on_export_appraisals = {
        let state = state.clone();
        Callback::from(move |_| {
            let name = format!(
                "tham-dinh-{}.json",
                file_stem(&state).trim_start_matches("tong-hop-")
            );
            if let Err(e) = browser::download(
                &name,
                state.appraisals.to_json().as_bytes(),
                "application/json",
            ) {
                failed(&state, words::exports::appraisals_not_saved(&e));
            }
        })
    };
    let on_import_appraisals = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            input.set_value("");
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let Some(c) = state.loaded_catalog().cloned() else {
                    return;
                };
                let bytes = match browser::read_file(&file).await {
                    Ok(b) => b,
                    Err(e) => return failed(&state, words::common::file_unreadable(&e)),
                };
                match tdg_office::appraisal::parse(&bytes, &c.catalog) {
                    Ok(imported) => {
                        let mut all = (*state.appraisals).clone();
                        all.merge(imported.clone());
                        storage::save_appraisals(&all);
                        state.dispatch(Action::ImportAppraisals(imported));
                        state.dispatch(Action::Notify(words::exports::appraisals_imported(
                            &file.name(),
                        )));
                    }
                    Err(e) => failed(&state, words::common::in_file(&file.name(), &e)),
                }
            });
        })
    };
    html! {
        <section class="exports no-print">
            <h2>{ words::exports::EXPORT.get(lang) }</h2>
            <button type="button" onclick={on_xlsx}>{ words::exports::DOWNLOAD_WORKBOOK.get(lang) }</button>
            {" "}<button type="button" onclick={on_csv}>{ words::exports::DOWNLOAD_CSV.get(lang) }</button>
            {" "}<button type="button" onclick={on_print}>{ words::exports::PRINT_SUMMARY_TABLE.get(lang) }</button>
            <p>
                <button type="button" onclick={on_export_appraisals}>{ words::exports::DOWNLOAD_APPRAISALS.get(lang) }</button>
                {" "}<label for="import-appraisals">{ words::exports::IMPORT_APPRAISALS.get(lang) }</label>
                <input id="import-appraisals" type="file" accept=".json,application/json" onchange={on_import_appraisals} />
            </p>
        </section>
    }
}
