use crate::i18n::exercises as words;
use crate::shared::Shared;
use crate::state::{Action, LoadedCatalog, Notice};
use std::rc::Rc;
use tdg_model::training::{Exercise, ExerciseSet};
use tdg_model::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The exercises as far as they are loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum ExercisesState {
    Loading,
    Ready(Rc<ExerciseSet>),
    Failed(tdg_model::Text),
}

#[derive(Properties, PartialEq)]
pub struct ExercisesProps {
    pub exercises: ExercisesState,
    pub catalog: Shared<LoadedCatalog>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
    /// A trainer's exercises file was imported and checked.
    pub on_imported: Callback<Rc<ExerciseSet>>,
}

/// Training mode's start: the exercises, each opening its sample unit, and the import of a
/// trainer's own exercises file.
#[function_component(Exercises)]
pub fn exercises(props: &ExercisesProps) -> Html {
    let lang = props.lang;
    let list = match &props.exercises {
        ExercisesState::Loading => {
            html! { <p role="status">{ words::LOADING_EXERCISES.get(lang) }</p> }
        }
        ExercisesState::Failed(text) => html! {
            <p class="error" role="alert">{ words::EXERCISES_FILE_CANNOT_USED.get(lang) }{ text.get(lang) }</p>
        },
        ExercisesState::Ready(set) => html! {
            <>
                <p class="hint">{ set.provenance.get(lang) }</p>
                <ol class="exercise-list">
                    { for set.exercises.iter().map(|e| exercise_item(e, lang, &props.on_action)) }
                </ol>
            </>
        },
    };
    let on_import = {
        let (catalog, dispatch, imported) = (
            props.catalog.clone(),
            props.on_action.clone(),
            props.on_imported.clone(),
        );
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let (catalog, dispatch, imported) =
                (catalog.clone(), dispatch.clone(), imported.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let chosen = crate::browser::read_chosen_file(&input).await;
                input.set_value("");
                let Ok(Some((name, bytes))) = chosen else {
                    return;
                };
                match crate::training::import_exercises(&bytes, &catalog).await {
                    Ok(set) => {
                        dispatch.emit(Action::Notify(Notice::info(words::imported(
                            set.exercises.len(),
                            &name,
                        ))));
                        imported.emit(Rc::new(set));
                    }
                    Err(why) => dispatch.emit(Action::Notify(Notice::error(words::not_imported(
                        &name, why,
                    )))),
                }
            });
        })
    };
    html! {
        <section class="exercises" aria-labelledby="exercises-title">
            <h2 id="exercises-title">{ words::TRAINING_EXERCISES.get(lang) }</h2>
            { list }
            <div class="field">
                <label for="exercises-file">{ words::IMPORT_TRAINER_EXERCISES_FILE.get(lang) }</label>
                <input id="exercises-file" type="file" accept=".json,application/json" onchange={on_import} />
            </div>
        </section>
    }
}

fn exercise_item(e: &Exercise, lang: Lang, on_action: &Callback<Action>) -> Html {
    let on_open = {
        let (dispatch, id, sample, label) = (
            on_action.clone(),
            e.id.clone(),
            e.sample.clone(),
            e.title.get(Lang::Vi).to_string(),
        );
        Callback::from(move |_: MouseEvent| {
            crate::samples::open(
                sample.clone(),
                label.clone(),
                Some(id.clone()),
                dispatch.clone(),
            )
        })
    };
    html! {
        <li class="exercise-item">
            <h3>{ e.title.get(lang) }</h3>
            <p>{ e.question.get(lang) }</p>
            <details>
                <summary>{ words::HINT.get(lang) }</summary>
                <p>{ e.hint.get(lang) }</p>
            </details>
            <details>
                <summary>{ words::ANSWER.get(lang) }</summary>
                <p>{ e.answer.get(lang) }</p>
            </details>
            <button type="button" onclick={on_open}>{ words::DO_EXERCISE.get(lang) }</button>
        </li>
    }
}
