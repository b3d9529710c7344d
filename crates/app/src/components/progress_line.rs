use crate::i18n::{says, steps as words};
use crate::state::Progress;
use tdg_model::units::MilliPoints;
use tdg_model::Lang;
use yew::prelude::*;

/// Answered / not answered / to correct, and the total, in the bar that stays in view. Not a
/// live region: the summary's total already is one, and this line would repeat it on every key.
/// A view function, not a component: a component costs the first load a few KB.
pub fn progress_line(p: Progress, total: MilliPoints, lang: Lang) -> Html {
    let total = tdg_model::units::format_points(total, lang);
    html! {
        <p class="progress-line">
            <progress max={p.total.to_string()} value={p.answered.to_string()} aria-hidden="true"></progress>
            <span data-testid="progress">{ says::progress(lang, p.answered, p.total, p.open, p.to_correct) }</span>
            <strong class="progress-total">{ format!("{total} {}", words::POINTS.get(lang)) }</strong>
        </p>
    }
}
