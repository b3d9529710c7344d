use crate::i18n::{assess as words, says};
use tdg_model::field_label::{error_summary_text, Field};
use tdg_model::score::AnswerError;
use tdg_model::{Criterion, Lang, Measure, Tier};
use yew::prelude::*;

/// The element that stands for `field` of a criterion: its input where the card has one,
/// otherwise the evidence item or the card itself. The card gives these ids to its elements,
/// the summary links to them: one rule for both.
pub fn field_anchor(criterion: &Criterion, field: Field) -> String {
    let id = &criterion.id;
    match (field, &criterion.measure) {
        (Field::Numerator, Measure::Ratio { .. }) => format!("{id}-num"),
        (Field::Denominator, Measure::Ratio { .. }) => format!("{id}-den"),
        (Field::Count, Measure::Count { .. }) => format!("{id}-count"),
        (Field::Maturity, Measure::Maturity { .. }) => format!("{id}-maturity"),
        (Field::Yes, Measure::YesNo) | (Field::Level, Measure::Levels { .. }) => {
            format!("{id}-choices")
        }
        (Field::Evidence(i), _) => format!("{id}-ev-item-{i}"),
        (Field::NotApplicable, _) => format!("{id}-na"),
        (Field::NotApplicableReason, _) => format!("{id}-na-reason"),
        _ => format!("c-{id}"),
    }
}

/// Every answer error at the top of the form, each a link that moves the focus to its field
/// (where the error itself is said). A plain list in a region: no role on the list, so its
/// items stay list items for screen readers. A view function, not a component: a component
/// costs the first load a few KB.
pub fn error_summary(tier: &Tier, errors: &[AnswerError], lang: Lang) -> Html {
    if errors.is_empty() {
        return html! {};
    }
    html! {
        <section class="error-summary" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{ says::errors_count(lang, errors.len()) }</h2>
            <p>{ words::ERRORS_INTRO.get(lang) }</p>
            <ul>
                { for errors.iter().map(|e| {
                    let criterion = tier.criterion(&e.criterion);
                    let anchor = criterion.map(|c| field_anchor(c, Field::parse(&e.field)));
                    let text = error_summary_text(criterion, e, lang);
                    match anchor {
                        Some(anchor) => {
                            let target = anchor.clone();
                            let onclick = Callback::from(move |ev: MouseEvent| {
                                ev.prevent_default();
                                focus(&target);
                            });
                            html! { <li><a href={format!("#{anchor}")} {onclick}>{ text }</a></li> }
                        }
                        None => html! { <li>{ text }</li> },
                    }
                }) }
            </ul>
        </section>
    }
}

/// Moves the focus to the element (the browser scrolls it into view); the URL is left alone.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
