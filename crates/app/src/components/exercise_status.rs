use crate::i18n::exercise_status as words;
use tdg_model::training::Exercise;
use tdg_model::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExerciseStatusProps {
    pub exercise: Exercise,
    /// The goal is met by the live score.
    pub met: bool,
    pub lang: Lang,
}

/// The exercise being worked on, above the form: its question, and whether the participant's
/// figures meet its goal yet (announced politely when that changes).
#[function_component(ExerciseStatus)]
pub fn exercise_status(props: &ExerciseStatusProps) -> Html {
    let (lang, e) = (props.lang, &props.exercise);
    let (class, status) = if props.met {
        (
            "exercise-status met",
            words::EXERCISE_GOAL_REACHED.get(lang),
        )
    } else {
        (
            "exercise-status",
            words::EXERCISE_GOAL_NOT_REACHED.get(lang),
        )
    };
    html! {
        <section class="exercise no-print" aria-labelledby="exercise-title">
            <h2 id="exercise-title">{ words::EXERCISE.get(lang) }{ e.title.get(lang) }</h2>
            <p>{ e.question.get(lang) }</p>
            <details>
                <summary>{ crate::i18n::exercises::HINT.get(lang) }</summary>
                <p>{ e.hint.get(lang) }</p>
            </details>
            <p class={class} role="status">{ status }</p>
        </section>
    }
}
