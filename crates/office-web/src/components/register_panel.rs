//! The unit register on the page: imported from a spreadsheet (CSV or Excel), listed, edited
//! (each row, and a form to add a unit), downloaded as the trust list JSON or as CSV. Every rule
//! is `tdg_office::register`'s; the app stores the register and checks the season again after
//! a change.

use super::app::{Handle, Part};
use super::register_form::RegisterForm;
use super::register_row::RegisterRow;
use crate::browser;
use crate::i18n::words;
use crate::state::{Action, Notice, RegisterChoice};
use tdg_model::units::format_int;
use tdg_office::register::{read, to_csv, Column, Register};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The keys a fingerprint in an imported or typed row may stand for: those already registered
/// and those that signed a report of the season on show (its proof holding). A unit reads its
/// fingerprint off its print; the office can then register it before it has the key itself.
pub fn known_keys(state: &Handle) -> Vec<String> {
    let registered = state
        .register
        .iter()
        .flat_map(|r| r.keys.iter().map(|k| k.did.clone()));
    let signed = state
        .season
        .iter()
        .flat_map(|s| s.files.iter().filter_map(|f| f.signed_by.clone()));
    // Repeats are fine: the register reads each key once, by its canonical form.
    registered.chain(signed).collect()
}

/// The register as it stands, or an empty one for the office to fill.
pub fn current(state: &Handle) -> Register {
    state.register.as_deref().cloned().unwrap_or_default()
}

fn notify(state: &Handle, notice: Notice) {
    state.dispatch(Action::Notify(notice));
}

#[function_component(RegisterPanel)]
pub fn register_panel(p: &Part) -> Html {
    let state = p.state.clone();
    let lang = state.lang;
    let on_import = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            input.set_value("");
            let Some(catalog) = state.loaded_catalog().map(|c| c.catalog.clone()) else {
                notify(
                    &state,
                    Notice::error(
                        words::register_panel::NO_CATALOG_YET.vi,
                        words::register_panel::NO_CATALOG_YET.en,
                    ),
                );
                return;
            };
            let (state, known, mut register) = (state.clone(), known_keys(&state), current(&state));
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let bytes = match browser::read_file(&file).await {
                    Ok(b) => b,
                    Err(e) => {
                        let text = words::common::named_file_unreadable(&name, &e);
                        notify(&state, Notice::error(text.vi, text.en));
                        return;
                    }
                };
                match read(&bytes, &catalog, &known) {
                    Ok(imported) => {
                        notify(
                            &state,
                            words::register_panel::read_keys(
                                &name,
                                imported.keys.len(),
                                imported.errors.len(),
                            ),
                        );
                        register.replace(imported.keys);
                        // Asked first when it would replace a register the office has.
                        state.dispatch(Action::OfferRegister {
                            register,
                            source: name,
                            errors: imported.errors,
                        });
                    }
                    Err(e) => notify(&state, words::common::in_file(&name, &e)),
                }
            });
        })
    };
    let download = |name: &'static str, mime: &'static str, make: fn(&Register) -> String| {
        let state = state.clone();
        Callback::from(move |_| {
            if let Err(e) = browser::download(name, make(&current(&state)).as_bytes(), mime) {
                notify(&state, words::common::download_failed(&e));
            }
        })
    };
    let on_json = download("trust.json", "application/json", Register::trust_json);
    let on_csv = download("so-dang-ky.csv", "text/csv;charset=utf-8", |r| {
        to_csv(&r.keys)
    });
    let on_office = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut register = current(&state);
            register.office = input.value().trim().to_owned();
            state.dispatch(Action::EditRegister(register));
        })
    };
    let register = current(&state);
    let count = format_int(register.keys.len() as u64, lang);
    let units = format_int(register.unit_count() as u64, lang);
    let choose = |choice: RegisterChoice| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ChooseRegister(choice)))
    };
    let pending_title = use_node_ref();
    {
        // The question is where the office looks next: it has the focus when it appears.
        let title = pending_title.clone();
        use_effect_with(state.pending_register.is_some(), move |shown| {
            if *shown {
                if let Some(el) = title.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let pending = state.pending_register.as_ref().map(|p| {
        let question = words::register::replace_question(
            lang,
            (register.unit_count(), register.keys.len()),
            &p.source,
            (p.register.unit_count(), p.register.keys.len()),
            p.errors.len(),
        );
        html! {
            <div class="register-pending" role="group" aria-labelledby="register-pending-title" data-testid="register-pending">
                <h3 id="register-pending-title" tabindex="-1" ref={pending_title.clone()}>{ words::register::PENDING_TITLE.get(lang) }</h3>
                <p>{ question }</p>
                <button type="button" onclick={choose(RegisterChoice::Replace)}>{ words::register::REPLACE.get(lang) }</button>
                {" "}
                <button type="button" onclick={choose(RegisterChoice::Merge)}>{ words::register::MERGE.get(lang) }</button>
                {" "}
                <button type="button" onclick={choose(RegisterChoice::Keep)}>{ words::register::KEEP_REGISTER.get(lang) }</button>
            </div>
        }
    });
    let headings = [
        Column::Code,
        Column::Name,
        Column::Tier,
        Column::Group,
        Column::Key,
        Column::ValidFrom,
    ];
    html! {
        <section class="register no-print" aria-labelledby="register-title">
            <h2 id="register-title">{ words::register_panel::TITLE.get(lang) }</h2>
            { for pending }
            <p data-testid="register-count">{ words::register_panel::counts(lang, &units, &count) }</p>
            <div class="field">
                <label for="register-import">{ words::register_panel::IMPORT.get(lang) }</label>
                <input id="register-import" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    onchange={on_import} aria-describedby="register-import-hint" />
                <span id="register-import-hint" class="hint">{ words::register_panel::IMPORT_HINT.get(lang) }</span>
            </div>
            if !state.register_errors.is_empty() {
                <div class="register-errors" data-testid="register-errors">
                    <h3>{ words::register_panel::ROWS_NOT_IMPORTED.get(lang) }</h3>
                    <ul>
                        { for state.register_errors.iter().map(|e| html! { <li>{ e.message(lang) }</li> }) }
                    </ul>
                </div>
            }
            <div class="field">
                <label for="register-office">{ words::register_panel::OFFICE_KEEPING_REGISTER.get(lang) }</label>
                <input id="register-office" type="text" value={register.office.clone()} onchange={on_office} />
            </div>
            <p>
                <button type="button" onclick={on_json}>{ words::register_panel::DOWNLOAD_TRUST_LIST.get(lang) }</button>
                {" "}
                <button type="button" onclick={on_csv}>{ words::register_panel::DOWNLOAD_CSV.get(lang) }</button>
            </p>
            <details>
                <summary>{ words::register_panel::view_and_edit(lang, &count) }</summary>
                <div class="scroll register-view" role="region" tabindex="0"
                    aria-label={words::register_panel::TITLE.get(lang)}>
                    <table id="register">
                        <thead><tr>
                            { for headings.iter().map(|c| html! { <th scope="col">{ match c {
                                // The list shows the short fingerprint people compare; the whole
                                // did:key is on hover and in the downloads.
                                Column::Key => words::register_panel::KEY.get(lang),
                                c => c.name(lang),
                            } }</th> }) }
                            <th scope="col">{ words::register_panel::STATUS.get(lang) }</th>
                            <th scope="col">{ words::register_panel::ACTIONS.get(lang) }</th>
                        </tr></thead>
                        <tbody>
                            { for register.keys.iter().enumerate().map(|(i, k)| html! {
                                <RegisterRow key={format!("{i}-{}", k.did)} state={state.clone()} index={i} entry={k.clone()} />
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
            <RegisterForm state={state.clone()} />
        </section>
    }
}
