//! The office view: open a season, watch it being checked, read the table, appraise, export.

use super::{
    appraisal_editor::AppraisalEditor, band_table::BandTable, charts::Charts, exports::Exports,
    filters::Filters, heat_map::HeatMap, missing_list::MissingList, open_form::OpenForm,
    print_summary::PrintSummary, progress_bar::ProgressBar, register_panel::RegisterPanel,
    report_table::ReportTable,
};
use crate::i18n::{tr, words};
use crate::state::{Action, CatalogState, LoadedCatalog, Notice, OfficeState, Picked};
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
                Err(e) => state.dispatch(Action::Notify(Notice::error(
                    format!("Không đọc được các ý kiến thẩm định đã lưu (vẫn để nguyên): {e}"),
                    format!("The stored appraisals cannot be read (left as they are): {e}"),
                ))),
            }
            match storage::load_register() {
                Ok(Some(register)) => state.dispatch(Action::RestoreRegister(register)),
                Ok(None) => {}
                Err(e) => state.dispatch(Action::Notify(Notice::error(
                    format!("Không đọc được sổ đăng ký đã lưu (vẫn để nguyên): {e}"),
                    format!("The stored register cannot be read (left as it is): {e}"),
                ))),
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
                        text: tdg_model::Text::new(
                            format!("Không tải được danh mục tiêu chí: {e}"),
                            format!("The catalog could not be loaded: {e}"),
                        ),
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
                    state.dispatch(Action::Notify(Notice::error("Trình duyệt không lưu được sổ đăng ký (bộ nhớ của trang đã đầy hoặc bị chặn): \
                             sổ vẫn dùng được trên trang này, hãy tải sổ về máy (CSV hoặc trust.json).", "The browser could not store the register (the page's storage is full or \
                             blocked): it still works on this page; download it (CSV or trust.json).")));
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
            <h1>{ tr(lang, "Cơ quan tiếp nhận: kiểm tra, tổng hợp báo cáo", "Receiving office: check and compile reports") }</h1>
            <nav>
                <a href="index.html">{ tr(lang, "← Trang tự đánh giá của đơn vị", "← The unit's self-assessment") }</a>
                {" "}
                <button type="button" onclick={switch} lang={other.code()}>
                    { if lang == Lang::Vi { "English" } else { "Tiếng Việt" } }
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
