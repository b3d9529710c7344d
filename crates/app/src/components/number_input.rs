use crate::i18n::number as words;
use tdg_model::numbers::{parse_count, CountProblem};
use tdg_model::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NumberInputProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: Option<i64>,
    pub lang: Lang,
    /// An error from the model about this field (e.g. numerator above denominator).
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub on_change: Callback<Option<i64>>,
}

/// A labelled whole-number input. Text that is not a whole number (or one too large to read the
/// same everywhere) is kept on screen with a message and not passed on; an empty field means
/// "not answered".
#[function_component(NumberInput)]
pub fn number_input(props: &NumberInputProps) -> Html {
    let local_error = use_state(|| None::<CountProblem>);
    let oninput = {
        let on_change = props.on_change.clone();
        let local_error = local_error.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            match parse_count(&input.value()) {
                Ok(n) => {
                    local_error.set(None);
                    on_change.emit(n);
                }
                Err(problem) => local_error.set(Some(problem)),
            }
        })
    };
    let error_id = format!("{}-error", props.id);
    let message = match *local_error {
        Some(CountProblem::NotWhole) => Some(AttrValue::from(words::NOT_WHOLE.get(props.lang))),
        Some(CountProblem::TooLarge) => Some(AttrValue::from(words::TOO_LARGE.get(props.lang))),
        None => props.error.clone(),
    };
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            // A text field: a number field hands over what the browser's locale made of the text
            // ("12,5" arrived as 125), so the tool reads the text itself (`parse_count`).
            <input id={props.id.clone()} type="text" inputmode="numeric" autocomplete="off"
                value={props.value.map(|v| v.to_string()).unwrap_or_default()}
                aria-invalid={message.is_some().to_string()}
                aria-describedby={message.is_some().then(|| error_id.clone())}
                {oninput} />
            if let Some(message) = message {
                <p class="field-error" id={error_id}>{ message }</p>
            }
        </div>
    }
}
