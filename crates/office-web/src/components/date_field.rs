//! A date typed as dd/mm/yyyy whatever the browser's locale (a native date input shows
//! mm/dd/yyyy in an English browser, walk-through L6). The parsing and the mask are
//! `tdg_model::date`'s, shared with the unit's app; only the field is drawn here.

use crate::i18n::words;
use tdg_model::date::{mask_dmy, DmyError};
use tdg_model::Localized;
use tdg_model::{Date, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DateFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub lang: Lang,
    /// A whole date typed, or `None` once the field is left empty.
    pub on_change: Callback<Option<Date>>,
    /// An error of the form around it (e.g. a register row's), said under the field.
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[function_component(DateField)]
pub fn date_field(p: &DateFieldProps) -> Html {
    let text = use_state(String::new);
    let wrong = use_state(|| None::<DmyError>);
    let on_input = {
        let (text, wrong, on_change) = (text.clone(), wrong.clone(), p.on_change.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let masked = mask_dmy(&input.value());
            if masked != input.value() {
                input.set_value(&masked);
            }
            // A whole date counts at once; a part of one waits until the field is left.
            if let Ok(day) = Date::parse_dmy(&masked) {
                wrong.set(None);
                on_change.emit(Some(day));
            }
            text.set(masked);
        })
    };
    let on_leave = {
        let (text, wrong, on_change) = (text.clone(), wrong.clone(), p.on_change.clone());
        Callback::from(move |_: FocusEvent| match Date::parse_dmy(&text) {
            Ok(_) => wrong.set(None),
            Err(DmyError::Empty) => {
                wrong.set(None);
                on_change.emit(None);
            }
            Err(e) => {
                wrong.set(Some(e));
                on_change.emit(None);
            }
        })
    };
    let hint = format!("{}-hint", p.id);
    let error_id = format!("{}-error", p.id);
    let message = wrong
        .map(|e| e.message(p.lang))
        .or_else(|| p.error.as_ref().map(|e| e.to_string()));
    let described = match message {
        Some(_) => format!("{hint} {error_id}"),
        None => hint.clone(),
    };
    html! {
        <div class="field date-field">
            <label for={p.id.clone()}>{ &p.label }</label>
            <input id={p.id.clone()} type="text" inputmode="numeric" autocomplete="off" maxlength="10"
                value={(*text).clone()} oninput={on_input} onblur={on_leave}
                aria-invalid={message.is_some().to_string()} aria-describedby={described} />
            <span id={hint} class="hint">{ words::date_field::DAY_MONTH_YEAR_EXAMPLE.get(p.lang) }</span>
            if let Some(m) = message {
                <p id={error_id} class="field-error" role="alert">{ m }</p>
            }
        </div>
    }
}
