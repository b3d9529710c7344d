use crate::components::assess::AssessScreen;
use crate::components::header::Header;
use crate::components::notice::NoticeArea;
use crate::components::offline_notice::{already_said, OfflineNotice};
use crate::components::print_view::PrintView;
use crate::components::progress_line::progress_line;
use crate::components::start::StartScreen;
use crate::components::step_bar::step_bar;
use crate::components::tab_conflict::tab_conflict;
use crate::i18n::{t, Msg};
use crate::shared::Shared;
use crate::state::{
    Action, AppState, CatalogState, LoadedCatalog, Notice, Progress, Screen, DEFAULT_PERIOD,
};
use crate::storage::{OtherTabSave, SaveError};
use std::rc::Rc;
use tdg_model::draft::StoredDraft;
use tdg_model::{score, AnswerSheet, Assessment, Catalog, Date};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// A catalog to start with instead of fetching one (tests, embedded builds).
    #[prop_or_default]
    pub catalog: Option<Shared<LoadedCatalog>>,
}

/// The state at start-up: the language, draft, previous drafts, texts set aside and key found
/// on this device.
fn initial_state() -> AppState {
    let loaded = crate::storage::load(&crate::browser::now_precise());
    let key = crate::key_store::legacy_info();
    AppState::new(loaded.lang, DEFAULT_PERIOD).reduce(Action::Restore {
        draft: loaded.draft,
        history: loaded.history,
        kept: loaded.kept,
        set_aside_now: loaded.set_aside_now,
        key,
    })
}

fn not_saved() -> Notice {
    let text = crate::i18n::app::NOT_SAVED;
    Notice::error(text.vi, text.en)
}

/// Scores the draft as it would be if sent on `day` (see `AppState::send_day`).
fn assess(catalog: &Catalog, sheet: &AnswerSheet, day: Date) -> Option<Assessment> {
    let mut sheet = sheet.clone();
    sheet.submitted_on = Some(day);
    score(catalog, &sheet).ok()
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(initial_state);
    {
        let state = state.clone();
        let given = props.catalog.clone();
        use_effect_with((), move |_| match given {
            Some(catalog) => state.dispatch(Action::CatalogLoaded(catalog)),
            None => wasm_bindgen_futures::spawn_local(async move {
                match crate::catalog_source::fetch_catalog(crate::CATALOG_URL).await {
                    Ok(loaded) => state.dispatch(Action::CatalogLoaded(Shared::new(loaded))),
                    Err(e) => state.dispatch(Action::CatalogFailed { vi: e.vi, en: e.en }),
                }
            }),
        });
    }
    {
        // Every change is saved at once (design invariant 8), unless another tab saved the
        // draft meanwhile: then nothing is written until the user chooses.
        let dispatch = state.dispatcher();
        use_effect_with(
            (state.draft.clone(), state.sample, state.conflict),
            move |(draft, sample, conflict)| {
                if *conflict {
                    return;
                }
                let record =
                    StoredDraft::new(draft.clone(), crate::browser::now_rfc3339(), *sample);
                match crate::storage::save_draft(&record) {
                    Ok(()) => {}
                    Err(SaveError::OtherTab) => dispatch.dispatch(Action::TabConflict),
                    Err(SaveError::Blocked) => dispatch.dispatch(Action::Notify(not_saved())),
                }
            },
        );
    }
    {
        let dispatch = state.dispatcher();
        use_effect_with(state.history.clone(), move |history| {
            match crate::storage::save_history(history) {
                // Another tab changed the list meanwhile: show the merged one.
                Ok(stored) if stored != *history => {
                    dispatch.dispatch(Action::HistoryChanged(stored))
                }
                Ok(_) => {}
                Err(_) => dispatch.dispatch(Action::Notify(not_saved())),
            }
        });
    }
    {
        // Another tab of this origin changed a stored key.
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |event| {
                    let Some(key) = event
                        .dyn_ref::<web_sys::StorageEvent>()
                        .and_then(|e| e.key())
                    else {
                        return;
                    };
                    let now = crate::browser::now_precise();
                    if let Some(change) = crate::storage::other_tab_saved(&key, &now) {
                        dispatch.dispatch(match change {
                            OtherTabSave::Follow(stored) => Action::OtherTabSaved(stored),
                            OtherTabSave::Conflict => Action::TabConflict,
                        });
                    } else if let Some(list) = crate::storage::other_tab_history(&key) {
                        dispatch.dispatch(Action::HistoryChanged(list));
                    }
                });
            move || drop(listener)
        });
    }
    {
        // What the offline cache (web/offline.js) says: a new deployment is ready, or, embedded
        // in another site, there can be no offline cache. Said before the app listened, or after.
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listeners: Vec<_> = [
                ("updateReady", "tdg-update-ready", Action::UpdateReady),
                (
                    "embeddedOffline",
                    "tdg-embedded-offline",
                    Action::EmbeddedOffline,
                ),
            ]
            .into_iter()
            .map(|(field, event, action)| {
                if already_said(field) {
                    dispatch.dispatch(action.clone());
                }
                let dispatch = dispatch.clone();
                gloo::events::EventListener::new(&gloo::utils::window(), event, move |_| {
                    dispatch.dispatch(action.clone())
                })
            })
            .collect();
            move || drop(listeners)
        });
    }
    {
        use_effect_with(state.lang, move |lang| {
            let _ = crate::storage::save_lang(*lang);
            if let Some(html) = gloo::utils::document().document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
        });
    }
    // A new screen starts at its top.
    use_effect_with(state.screen, |_| {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    // One callback for the app's whole life: components whose other props did not change then
    // skip re-rendering (a new callback each render would re-render all 1,000 criteria).
    let dispatch = use_callback(state.dispatcher(), |action: Action, dispatcher| {
        dispatcher.dispatch(action)
    });
    let loaded = match &state.catalog {
        CatalogState::Ready(c) => Some(c.clone()),
        _ => None,
    };
    let sheet = state.sheet_for_scoring();
    let today = crate::browser::today();
    let day = state.send_day(today);
    let assessment = use_memo((sheet, loaded.clone(), day), |(sheet, loaded, day)| {
        loaded
            .as_ref()
            .and_then(|l| assess(&l.catalog, sheet, *day))
            .map(Rc::new)
    });
    let lang = state.lang;
    let body = match (&state.catalog, loaded, (*assessment).clone()) {
        (CatalogState::Loading, _, _) => {
            html! { <p class="status" role="status">{ t(lang, Msg::LoadingCatalog) }</p> }
        }
        (CatalogState::Failed { vi, en }, _, _) => html! {
            <div class="error" role="alert">
                <strong>{ t(lang, Msg::CatalogFailed) }</strong>
                <p lang="vi">{ vi }</p>
                <p lang="en">{ en }</p>
            </div>
        },
        (_, Some(catalog), Some(a)) if state.screen == Screen::Assess => html! {
            <AssessScreen state={state.clone()} {catalog} assessment={a} on_action={dispatch.clone()} />
        },
        (_, Some(catalog), Some(a)) if state.screen == Screen::Print => html! {
            <PrintView catalog={catalog.catalog.clone()} draft={state.draft.clone()} assessment={a} signed={state.signed.clone()}
                fingerprint={state.key.as_ref().map(|k| k.fingerprint.clone())} {day} {today} {lang} on_action={dispatch.clone()} />
        },
        (_, Some(catalog), _) => html! {
            <StartScreen state={state.clone()} {catalog} on_action={dispatch.clone()} />
        },
        _ => html! {},
    };
    // The steps and, once a tier is chosen, the progress line: always in view (sticky).
    let bar = match (&state.catalog, (*assessment).as_ref()) {
        (CatalogState::Ready(_), a) => html! {
            <div class="sticky-bar no-print">
                { step_bar(state.screen, state.ready_to_assess(), lang, &dispatch) }
                if let Some(a) = a.filter(|_| state.ready_to_assess()) {
                    { progress_line(Progress::of(a), a.total, lang) }
                }
            </div>
        },
        _ => html! {},
    };
    html! {
        <>
            <Header {lang} on_action={dispatch.clone()} />
            { bar }
            <OfflineNotice {lang} update_ready={state.update_ready} embedded_offline={state.embedded_offline} />
            <NoticeArea notice={state.notice.clone()} {lang} on_action={dispatch.clone()} />
            if state.conflict {
                { tab_conflict(lang, &dispatch) }
            }
            <main id="main" class={classes!((state.screen == Screen::Print).then_some("printing"))}>{ body }</main>
            <footer><p>{ t(lang, Msg::PrivacyNote) }</p></footer>
        </>
    }
}
