use crate::i18n::number as words;
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

/// Why the text typed is not passed on.
#[derive(Clone, Copy, PartialEq)]
enum Refused {
    NotWhole,
    /// Beyond ±(2^53−1): another reader of the report would read another number.
    TooLarge,
}

/// A labelled whole-number input. Text that is not a whole number (or one too large to read the
/// same everywhere) is kept on screen with a message and not passed on; an empty field means
/// "not answered".
#[function_component(NumberInput)]
pub fn number_input(props: &NumberInputProps) -> Html {
    let local_error = use_state(|| None::<Refused>);
    let oninput = {
        let on_change = props.on_change.clone();
        let local_error = local_error.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            let cleaned: String = text
                .trim()
                .chars()
                .filter(|c| *c != '.' && *c != ' ')
                .collect();
            let digits = !cleaned.is_empty()
                && cleaned
                    .trim_start_matches('-')
                    .bytes()
                    .all(|b| b.is_ascii_digit());
            if cleaned.is_empty() && !input.validity().bad_input() {
                local_error.set(None);
                on_change.emit(None);
            } else if let Some(n) = cleaned
                .parse::<i64>()
                .ok()
                .filter(|n| tdg_model::numbers::is_safe_integer(*n))
            {
                local_error.set(None);
                on_change.emit(Some(n));
            } else if digits {
                local_error.set(Some(Refused::TooLarge));
            } else {
                local_error.set(Some(Refused::NotWhole));
            }
        })
    };
    let error_id = format!("{}-error", props.id);
    let message = match *local_error {
        Some(Refused::NotWhole) => Some(AttrValue::from(words::NOT_WHOLE.get(props.lang))),
        Some(Refused::TooLarge) => Some(AttrValue::from(words::TOO_LARGE.get(props.lang))),
        None => props.error.clone(),
    };
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input id={props.id.clone()} type="number" inputmode="numeric" step="1"
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
