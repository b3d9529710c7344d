use crate::components::assess::AssessScreen;
use crate::components::exercise_status::ExerciseStatus;
use crate::components::exercises::{Exercises, ExercisesState};
use crate::components::header::Header;
use crate::components::notice::NoticeArea;
use crate::components::offline_notice::{already_said, OfflineNotice};
use crate::components::print_host::PrintHost;
use crate::components::progress_line::progress_line;
use crate::components::start::StartScreen;
use crate::components::step_bar::step_bar;
use crate::components::tab_conflict::tab_conflict;
use crate::components::training_banner::TrainingBanner;
use crate::i18n::app as words;
use crate::i18n::{t, Msg};
use crate::shared::Shared;
use crate::state::{
    Action, AppState, CatalogState, LoadedCatalog, Notice, Progress, Screen, StorageAccess,
    DEFAULT_PERIOD,
};
use crate::storage::{OtherTabSave, SaveError};
use crate::views::{PrintInput, PrintSigned};
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
    // Before anything is read: training mode reads and writes its own area.
    crate::training::init();
    let loaded = crate::storage::load(&crate::browser::now_precise());
    // The key of before IndexedDB is a unit's key: never training's.
    let key = (!crate::training::is_on())
        .then(crate::key_store::legacy_info)
        .flatten();
    let mut state = AppState::new(loaded.lang, DEFAULT_PERIOD);
    state.lang_chosen = loaded.lang_stored;
    state.reduce(Action::Restore {
        draft: loaded.draft,
        history: loaded.history,
        kept: loaded.kept,
        set_aside_now: loaded.set_aside_now,
        key,
    })
}

/// The frame's storage is blocked and the storage panel explains it (before the state knows,
/// `portal::storage_blocked` says so).
fn storage_panel_shown(storage: StorageAccess) -> bool {
    matches!(storage, StorageAccess::Blocked | StorageAccess::Refused)
}

fn not_saved() -> Notice {
    Notice::error(crate::i18n::app::NOT_SAVED)
}

/// Scores the draft as it would be if sent on `day` (see `AppState::send_day`).
pub fn assess(catalog: &Catalog, sheet: &AnswerSheet, day: Date) -> Option<Assessment> {
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
                    Err(e) => state.dispatch(Action::CatalogFailed { text: e.text }),
                }
            }),
        });
    }
    {
        // Every change is saved at once (design invariant 8), unless another tab saved the
        // draft meanwhile: then nothing is written until the user chooses.
        let dispatch = state.dispatcher();
        // Storage granted in a frame (`portal.rs`): the draft is saved then too.
        use_effect_with(
            (
                state.draft.clone(),
                state.sample,
                state.conflict,
                state.embed.storage,
            ),
            move |(draft, sample, conflict, storage)| {
                if *conflict {
                    return;
                }
                let record =
                    StoredDraft::new(draft.clone(), crate::browser::now_rfc3339(), *sample);
                match crate::storage::save_draft(&record) {
                    Ok(()) => {}
                    Err(SaveError::OtherTab) => dispatch.dispatch(Action::TabConflict),
                    // In a blocked frame the storage panel says why, once.
                    Err(SaveError::Blocked) if storage_panel_shown(*storage) => {}
                    Err(SaveError::Blocked) if crate::portal::storage_blocked() => {}
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
                Err(_) if crate::portal::storage_blocked() => {}
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
        // Only a language the user chose is kept (embed.json's default applies otherwise).
        use_effect_with((state.lang, state.lang_chosen), move |(lang, chosen)| {
            if *chosen {
                let _ = crate::storage::save_lang(*lang);
            }
            if let Some(html) = gloo::utils::document().document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
        });
    }
    crate::components::embedding::use_embedding(&state);
    let training = crate::training::is_on();
    let exercises = use_state(|| ExercisesState::Loading);
    {
        let exercises = exercises.clone();
        let catalog = match &state.catalog {
            CatalogState::Ready(c) if training => Some(c.clone()),
            _ => None,
        };
        use_effect_with(catalog, move |catalog| {
            if let Some(catalog) = catalog.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    exercises.set(match crate::training::load_exercises(&catalog).await {
                        Ok(set) => ExercisesState::Ready(Rc::new(set)),
                        Err((vi, en)) => ExercisesState::Failed(tdg_model::Text::new(vi, en)),
                    });
                });
            }
        });
    }
    let on_imported = {
        let exercises = exercises.clone();
        Callback::from(move |set| exercises.set(ExercisesState::Ready(set)))
    };
    let signing = crate::in_view::use_in_view(
        super::step_bar::SIGN_SECTION,
        state.screen == Screen::Assess,
    );
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
        (CatalogState::Failed { text }, _, _) => html! {
            <div class="error" role="alert">
                <strong>{ t(lang, Msg::CatalogFailed) }</strong>
                <p lang="vi">{ &text.vi }</p>
                <p lang="en">{ &text.en }</p>
            </div>
        },
        (_, Some(catalog), Some(a)) if state.screen == Screen::Assess => html! {
            <>
                { exercise_status(&state, &exercises, &catalog.catalog, &a) }
                <AssessScreen state={state.clone()} {catalog} assessment={a} on_action={dispatch.clone()} />
            </>
        },
        (_, Some(catalog), Some(_)) if state.screen == Screen::Print => html! {
            <PrintHost {catalog} input={PrintInput { draft: state.draft.clone(), signed: state.signed.as_ref().map(PrintSigned::from),
                fingerprint: state.key.as_ref().map(|k| k.fingerprint.clone()), day, today, lang, training }} on_action={dispatch.clone()} />
        },
        (_, Some(catalog), _) => html! {
            <>
                if training {
                    <Exercises exercises={(*exercises).clone()} catalog={catalog.clone()} {lang} on_action={dispatch.clone()} {on_imported} />
                }
                <StartScreen state={state.clone()} {catalog} on_action={dispatch.clone()} />
            </>
        },
        _ => html! {},
    };
    // The steps and, once a tier is chosen, the progress line: always in view (sticky), and the
    // page's message with them, so that an error said after a button far down the page is seen
    // where the user is (review 7, H1: on a phone it was 7,000 px above the sign button).
    let notice =
        html! { <NoticeArea notice={state.notice.clone()} {lang} on_action={dispatch.clone()} /> };
    let unit_step = match &state.catalog {
        CatalogState::Ready(c) => c
            .catalog
            .tier(&state.draft.sheet.tier)
            .and_then(|t| t.unit_title()),
        _ => None,
    };
    let (bar, notice) = match (&state.catalog, (*assessment).as_ref()) {
        (CatalogState::Ready(_), a) => (
            html! {
                <div class="sticky-bar no-print">
                    { step_bar(state.screen, signing, state.ready_to_assess(), unit_step.map(|t| t.get(lang)), lang, &dispatch) }
                    if let Some(a) = a.filter(|_| state.ready_to_assess()) {
                        { progress_line(Progress::of(a), a.total, lang) }
                    }
                    { notice }
                </div>
            },
            html! {},
        ),
        _ => (html! {}, notice),
    };
    html! {
        <>
            <Header {lang} on_action={dispatch.clone()} />
            if training {
                <TrainingBanner {lang} forced={state.embed.config.training_mode} on_action={dispatch.clone()} />
            }
            { bar }
            <OfflineNotice {lang} update_ready={state.update_ready} embedded_offline={state.embedded_offline} />
            { notice }
            { crate::components::embedding::embedding_panels(&state, &dispatch) }
            if state.conflict {
                { tab_conflict(lang, &dispatch) }
            }
            <main id="main" class={classes!((state.screen == Screen::Print).then_some("printing"))}>{ body }</main>
            <footer>
                <p>{ t(lang, Msg::PrivacyNote) }</p>
                if !training {
                    { enter_training(lang, &dispatch) }
                }
            </footer>
        </>
    }
}

/// The exercise being worked on, with whether the live score meets its goal.
fn exercise_status(
    state: &AppState,
    exercises: &ExercisesState,
    catalog: &Catalog,
    assessment: &Assessment,
) -> Html {
    let (Some(id), ExercisesState::Ready(set)) = (&state.exercise, exercises) else {
        return html! {};
    };
    let Some(exercise) = set.find(id) else {
        return html! {};
    };
    let met = exercise.goal.met(catalog, assessment);
    html! { <ExerciseStatus exercise={exercise.clone()} {met} lang={state.lang} /> }
}

/// The trainer's way into training mode, at the foot of the page: a unit never needs it.
fn enter_training(lang: tdg_model::Lang, dispatch: &Callback<Action>) -> Html {
    let dispatch = dispatch.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        let ask = words::TRAINING_MODE_WORKSHOPS_SEPARATE.get(lang);
        if crate::browser::confirm(ask) {
            if let Err(refused) = crate::training::switch(true) {
                dispatch.emit(Action::Notify(Notice::error(refused)));
            }
        }
    });
    html! {
        <p><button type="button" class="link-button" {onclick}>{ words::TRAINING_MODE_TRAINERS.get(lang) }</button></p>
    }
}
