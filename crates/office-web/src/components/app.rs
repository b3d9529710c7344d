//! The office view: open a season, watch it being checked, read the table, appraise, export.

use super::{
    appraisal_editor::AppraisalEditor, band_table::BandTable, charts::Charts, exports::Exports,
    filters::Filters, heat_map::HeatMap, missing_list::MissingList, open_form::OpenForm,
    print_summary::PrintSummary, progress_bar::ProgressBar, register_panel::RegisterPanel,
    report_table::ReportTable,
};
use crate::i18n::words;
use crate::state::{Action, CatalogState, LoadedCatalog, OfficeState, Picked};
use crate::{browser, storage, CATALOG_URL};
use std::rc::Rc;
use tdg_model::Localized;
use tdg_model::{Catalog, Lang};
use yew::prelude::*;

/// The state handle every part of the page reads and dispatches to.
pub type Handle = UseReducerHandle<OfficeState>;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(OfficeState::default);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            state.dispatch(Action::SetLang(storage::load_lang()));
            match storage::load_appraisals() {
                Ok(file) => state.dispatch(Action::LoadAppraisals(file)),
                Err(e) => {
                    state.dispatch(Action::Notify(words::app::stored_appraisals_unreadable(&e)))
                }
            }
            match storage::load_register() {
                Ok(Some(register)) => state.dispatch(Action::RestoreRegister(register)),
                Ok(None) => {}
                Err(e) => {
                    state.dispatch(Action::Notify(words::app::stored_register_unreadable(&e)))
                }
            }
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match browser::fetch_bytes(CATALOG_URL).await {
                    Ok(bytes) => match Catalog::from_json(&bytes) {
                        Ok(catalog) => CatalogState::Ready(LoadedCatalog {
                            file: Picked {
                                name: CATALOG_URL.rsplit('/').next().unwrap_or_default().into(),
                                bytes: Rc::new(bytes),
                            },
                            catalog: Rc::new(catalog),
                            shipped: true,
                        }),
                        Err(e) => CatalogState::Failed {
                            text: tdg_model::Text::new(e.message(Lang::Vi), e.message(Lang::En)),
                        },
                    },
                    Err(e) => CatalogState::Failed {
                        text: words::app::catalog_not_loaded(&e),
                    },
                };
                state.dispatch(Action::Catalog(loaded));
            });
        });
    }
    // Every change of the register is stored at once (never silently lost: a refusal is said).
    {
        let state = state.clone();
        use_effect_with(state.register.clone(), move |register| {
            if let Some(register) = register {
                if !storage::save_register(register) {
                    state.dispatch(Action::Notify(crate::state::Notice::error(
                        words::app::REGISTER_NOT_STORED.vi,
                        words::app::REGISTER_NOT_STORED.en,
                    )));
                }
            }
        });
    }
    {
        // Also when a run ends: a register edited while it ran was not the one it checked.
        let state = state.clone();
        let deps = (state.register.clone(), state.running());
        use_effect_with(deps, move |_| {
            if state.needs_recheck() {
                super::open_form::run(state.clone());
            }
        });
    }
    // The sections below the table are drawn a moment after it (a task later), so that the
    // table shows as soon as the season is settled: `below` is the season drawn in full.
    let below = use_state(|| None::<usize>);
    {
        let below = below.clone();
        use_effect_with(state.season.clone(), move |season| {
            let key = season.as_ref().map(|s| Rc::as_ptr(s) as usize);
            let timeout = key
                .map(|key| gloo::timers::callback::Timeout::new(0, move || below.set(Some(key))));
            move || drop(timeout)
        });
    }
    let whole = state.season.as_ref().map(|s| Rc::as_ptr(s) as usize) == *below;
    let lang = state.lang;
    // The document says its language (screen readers, hyphenation, the e2e's `?lang=en` check).
    use_effect_with(lang, |lang| {
        if let Some(html) = gloo::utils::document().document_element() {
            let _ = html.set_attribute("lang", lang.code());
        }
    });
    let other = match lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    };
    let switch = {
        let state = state.clone();
        Callback::from(move |_| {
            storage::save_lang(other);
            state.dispatch(Action::SetLang(other));
        })
    };
    let notice = state.notice.as_ref().map(|n| {
        let dismiss = {
            let state = state.clone();
            Callback::from(move |_| state.dispatch(Action::DismissNotice))
        };
        let undo = (n.undo && state.undo.is_some()).then(|| {
            let state = state.clone();
            Callback::from(move |_| state.dispatch(Action::Undo))
        });
        html! {
            <div class={classes!("notice", n.error.then_some("error"))} role={if n.error { "alert" } else { "status" }}>
                <p>{ if lang == Lang::Vi { &n.text.vi } else { &n.text.en } }</p>
                if let Some(undo) = undo {
                    <button type="button" onclick={undo}>{ words::common::UNDO.get(lang) }</button>
                }
                <button type="button" onclick={dismiss}>{ words::common::CLOSE.get(lang) }</button>
            </div>
        }
    });
    html! {
        <>
        <header class="office-header no-print">
            <h1>{ words::app::TITLE.get(lang) }</h1>
            <nav>
                <a href="index.html">{ words::app::TO_UNIT_APP.get(lang) }</a>
                {" "}
                <button type="button" onclick={switch} lang={other.code()}>
                    { words::app::SWITCH_TO.get(lang) }
                </button>
            </nav>
        </header>
        <main>
            { for notice }
            <OpenForm state={state.clone()} />
            <RegisterPanel state={state.clone()} />
            <ProgressBar state={state.clone()} />
            if state.season.is_some() {
                <Filters state={state.clone()} />
                <ReportTable state={state.clone()} />
                <AppraisalEditor state={state.clone()} />
                if whole {
                    <BandTable state={state.clone()} />
                    <MissingList state={state.clone()} />
                    <Charts state={state.clone()} />
                    <HeatMap state={state.clone()} />
                    <Exports state={state.clone()} />
                    <PrintSummary state={state.clone()} />
                }
            }
        </main>
        </>
    }
}

/// Props of every part of the page: the state handle.
#[derive(Properties, PartialEq, Clone)]
pub struct Part {
    pub state: Handle,
}
