//! The season handed on: the workbook and the CSV (made on the page with `tdg_office::export`,
//! from the season and the appraisals as they stand), the printable summary, and the appraisal
//! file.

use super::app::{Handle, Part};
use crate::browser;
use crate::i18n::tr;
use crate::state::{Action, Notice};
use crate::storage;
use tdg_model::Localized;
use tdg_office::export::Export;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn failed(state: &Handle, vi: String, en: String) {
    state.dispatch(Action::Notify(Notice::error(vi, en)));
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
                failed(
                    &state,
                    format!("Không tạo được tệp Excel: {e}"),
                    format!("The workbook could not be made: {e}"),
                );
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
                failed(
                    &state,
                    format!("Không tạo được tệp CSV: {e}"),
                    format!("The CSV could not be made: {e}"),
                );
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
                failed(
                    &state,
                    format!("Không tải được tệp thẩm định: {e}"),
                    format!("The appraisal file could not be saved: {e}"),
                );
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
                    Err(e) => {
                        return failed(
                            &state,
                            format!("Không đọc được tệp: {e}"),
                            format!("Cannot read the file: {e}"),
                        )
                    }
                };
                match tdg_office::appraisal::parse(&bytes, &c.catalog) {
                    Ok(imported) => {
                        let mut all = (*state.appraisals).clone();
                        all.merge(imported.clone());
                        storage::save_appraisals(&all);
                        state.dispatch(Action::ImportAppraisals(imported));
                        state.dispatch(Action::Notify(Notice::info(
                            format!("Đã nhập ý kiến thẩm định từ {}.", file.name()),
                            format!("Appraisals imported from {}.", file.name()),
                        )));
                    }
                    Err(e) => failed(
                        &state,
                        format!("{}: {}", file.name(), e.message(tdg_model::Lang::Vi)),
                        format!("{}: {e}", file.name()),
                    ),
                }
            });
        })
    };
    html! {
        <section class="exports no-print">
            <h2>{ tr(lang, "Xuất kết quả", "Export") }</h2>
            <button type="button" onclick={on_xlsx}>{ tr(lang, "Tải tệp Excel (.xlsx)", "Download the workbook (.xlsx)") }</button>
            {" "}<button type="button" onclick={on_csv}>{ tr(lang, "Tải tệp CSV", "Download the CSV") }</button>
            {" "}<button type="button" onclick={on_print}>{ tr(lang, "In bảng tổng hợp", "Print the summary table") }</button>
            <p>
                <button type="button" onclick={on_export_appraisals}>{ tr(lang, "Tải tệp thẩm định (.json)", "Download the appraisals (.json)") }</button>
                {" "}<label for="import-appraisals">{ tr(lang, "Nhập tệp thẩm định", "Import appraisals") }</label>
                <input id="import-appraisals" type="file" accept=".json,application/json" onchange={on_import_appraisals} />
            </p>
        </section>
    }
}
