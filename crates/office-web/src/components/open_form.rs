//! Opening a season: the reports (files, a folder, drag and drop, `.zip`), the trust list, the
//! catalog (the shipped one unless the office picks another), the received date (never
//! defaulted: without it timing is not checked, and the form says so) and the period.

use super::app::Part;
use super::date_field::DateField;
use crate::browser;
use crate::i18n::words;
use crate::season_worker;
use crate::state::{Action, CatalogState, LoadedCatalog, Notice, Picked};
use std::rc::Rc;
use tdg_model::units::format_int;
use tdg_model::{Catalog, Date};
use tdg_office::intake::register;
use tdg_office::register::Register;
use tdg_office::session::{merge, SeasonPart, SeasonView};
use tdg_report::trust::TrustList;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn input_of(e: &Event) -> Option<HtmlInputElement> {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
}

fn first_file(e: &Event) -> Option<web_sys::File> {
    input_of(e)?.files()?.get(0)
}

#[function_component(OpenForm)]
pub fn open_form(p: &Part) -> Html {
    let state = p.state.clone();
    let lang = state.lang;
    let dragging = use_state(|| false);
    let add_from = |folder: bool| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some(input) = input_of(&e) else { return };
            if let Some(list) = input.files() {
                let names = season_worker::keep_files(&list, folder);
                state.dispatch(Action::AddReports(names));
            }
            // The same files can be chosen again after "clear".
            input.set_value("");
        })
    };
    let on_files = add_from(false);
    let on_folder = add_from(true);
    let on_drop = {
        let state = state.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let Some(data) = e.data_transfer() else {
                return;
            };
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let names = season_worker::keep_dropped(&data).await;
                state.dispatch(Action::AddReports(names));
            });
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_clear = {
        let state = state.clone();
        Callback::from(move |_| {
            season_worker::forget_files();
            state.dispatch(Action::ClearReports);
        })
    };
    let on_trust = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some(file) = first_file(&e) else { return };
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let action = match browser::read_file(&file).await {
                    Ok(bytes) => match TrustList::from_json(&bytes) {
                        // Asked first when it would replace a register the office has.
                        Ok(list) => Action::OfferRegister {
                            register: Register::from_trust(list),
                            source: name.clone(),
                            errors: Vec::new(),
                        },
                        Err(e) => Action::Notify(words::common::in_file(&name, &e)),
                    },
                    Err(e) => Action::Notify({
                        let text = words::common::named_file_unreadable(&name, &e);
                        Notice::error(text.vi, text.en)
                    }),
                };
                state.dispatch(action);
            });
        })
    };
    let on_catalog = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some(file) = first_file(&e) else { return };
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match browser::read_file(&file).await {
                    Err(e) => CatalogState::Failed {
                        text: words::common::named_file_unreadable(&file.name(), &e),
                    },
                    Ok(bytes) => match Catalog::from_json(&bytes) {
                        Ok(catalog) => CatalogState::Ready(LoadedCatalog {
                            file: Picked {
                                name: file.name(),
                                bytes: Rc::new(bytes),
                            },
                            catalog: Rc::new(catalog),
                            shipped: false,
                        }),
                        Err(e) => CatalogState::Failed {
                            text: words::common::in_file_text(&file.name(), &e),
                        },
                    },
                };
                state.dispatch(Action::Catalog(loaded));
            });
        })
    };
    let on_received = {
        let state = state.clone();
        Callback::from(move |day: Option<Date>| state.dispatch(Action::SetReceived(day)))
    };
    let on_period = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let value = input_of(&e).map(|i| i.value()).unwrap_or_default();
            state.dispatch(Action::SetPeriod(value.trim().parse().ok()));
        })
    };
    let on_run = {
        let state = state.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            run(state.clone());
        })
    };
    let catalog_line = match &state.catalog {
        CatalogState::Loading => words::open_form::LOADING_CATALOG.get(lang).to_owned(),
        CatalogState::Ready(c) => words::open_form::catalog_in_use(lang, &c.file.name, c.shipped),
        CatalogState::Failed { text } => text.get(lang).to_owned(),
    };
    let count = format_int(state.reports.len() as u64, lang);
    html! {
        <form class="open-season no-print" onsubmit={on_run} aria-labelledby="open-title">
            <h2 id="open-title">{ words::open_form::OPEN_SEASON.get(lang) }</h2>
            <div
                class={classes!("drop-zone", dragging.then_some("dragging"))}
                ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}
            >
                <p>{ words::open_form::DROP_HINT.get(lang) }</p>
                // The browser's own picker text ("No file chosen") is hidden: the inputs are
                // emptied after each pick so that files add up, and it contradicted the count
                // below (walk-through L7). The labels are the buttons; the count says the rest.
                <input id="reports" class="file-input" type="file" multiple=true accept=".json,.zip,application/json,application/zip" onchange={on_files} disabled={state.running()} />
                <label for="reports" class="file-button">{ words::open_form::REPORT_FILES.get(lang) }</label>
                <input id="folder" class="file-input" type="file" webkitdirectory=true onchange={on_folder} disabled={state.running()} />
                <label for="folder" class="file-button">{ words::open_form::FOLDER_REPORTS.get(lang) }</label>
                <p role="status" data-testid="picked">
                    { words::open_form::files_chosen(lang, &count) }
                    if !state.reports.is_empty() {
                        {" "}<button type="button" onclick={on_clear} disabled={state.running()}>{ words::open_form::CLEAR.get(lang) }</button>
                    }
                </p>
            </div>
            <div class="field">
                <label for="trust">{ words::open_form::TRUST_LIST.get(lang) }</label>
                <input id="trust" type="file" accept=".json,application/json" onchange={on_trust} />
                if let Some(r) = &state.register {
                    <span class="hint" data-testid="register-line">{ words::open_form::register_in_use(lang, &state.register_source, &format_int(r.keys.len() as u64, lang)) }</span>
                }
            </div>
            <div class="field">
                <label for="catalog">{ words::open_form::ANOTHER_CATALOG.get(lang) }</label>
                <input id="catalog" type="file" accept=".json,application/json" onchange={on_catalog} />
                <span class="hint" data-testid="catalog-line">{ catalog_line }</span>
            </div>
            <div class="field">
                <DateField id="received" lang={lang} on_change={on_received}
                    label={words::open_form::RECEIVED_DATE.get(lang)} />
                if state.received.is_none() {
                    <span class="hint warn" data-testid="no-received">{ words::open_form::NO_RECEIVED_DATE.get(lang) }</span>
                }
            </div>
            <div class="field">
                <label for="period">{ words::open_form::REPORTING_YEAR.get(lang) }</label>
                <input id="period" type="number" min="2020" max="2100" onchange={on_period} />
            </div>
            <button type="submit" class="primary" disabled={!state.can_run()}>
                { words::open_form::CHECK_COMPILE.get(lang) }
            </button>
        </form>
    }
}

/// Hands the season to the workers, follows them to the end and settles the season from their
/// shares, against the register as it stands (the page's, edits included).
pub fn run(state: super::app::Handle) {
    let (Some(register), Some(catalog)) = (state.register.clone(), state.loaded_catalog().cloned())
    else {
        return;
    };
    let trust = register.trust_json().into_bytes();
    let received = state.received.map(|d| d.to_string()).unwrap_or_default();
    let period = state.period.unwrap_or(0);
    state.dispatch(Action::Started {
        total: state.reports.len() as u32,
    });
    wasm_bindgen_futures::spawn_local(async move {
        let progress = {
            let state = state.clone();
            move |done, total| state.dispatch(Action::Progress { done, total })
        };
        let result =
            season_worker::verify(&trust, &catalog.file.bytes, &received, period, progress).await;
        match result.map(|parts| settle(&parts, &register, &catalog.catalog)) {
            Ok(Ok(view)) => {
                season_worker::mark("office:settled");
                state.dispatch(Action::Finished(Rc::new(view)));
            }
            Ok(Err(e)) => state.dispatch(Action::Failed {
                text: words::open_form::result_unreadable(&e),
            }),
            Err(e) => state.dispatch(Action::Failed { text: e.text }),
        }
    });
}

/// The season from the workers' shares (JSON), against the register.
fn settle(parts: &[String], units: &Register, catalog: &Catalog) -> Result<SeasonView, String> {
    let parts = parts
        .iter()
        .map(|p| serde_json::from_str::<SeasonPart>(p))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    Ok(merge(
        parts,
        &register(&units.trust_list()),
        catalog.tie_breakers(),
    ))
}
