use crate::i18n::date_input as words;
use tdg_model::date::{mask_dmy, DmyError};
use tdg_model::Localized;
use tdg_model::{Date, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DateInputProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: Option<Date>,
    /// A date typed in full, or `None` when the field is left empty.
    pub on_change: Callback<Option<Date>>,
    /// Told `true` when the field is left holding text that is not a date (its error is then
    /// shown under it), `false` once it holds a date or nothing: a form that adds what the
    /// field holds must refuse rather than drop the text (review 7, H3).
    #[prop_or_default]
    pub on_unreadable: Callback<bool>,
    /// The latest day the field takes (a document's date: today); a later one is refused like
    /// an unreadable one, and said so (review 7: a future evidence date went unquestioned).
    #[prop_or_default]
    pub latest: Option<Date>,
    pub lang: Lang,
}

/// A date typed and shown as dd/mm/yyyy whatever the browser's locale. A native date input
/// follows the browser's interface language (mm/dd/yyyy in an English browser), not the
/// page's, so this is a text input with a mask: slashes come by themselves, and a date that
/// cannot be read says why, in the page's language, once the field is left.
#[function_component(DateInput)]
pub fn date_input(props: &DateInputProps) -> Html {
    let lang = props.lang;
    let text = use_state(|| props.value.map(Date::display_vn).unwrap_or_default());
    let error = use_state(|| None::<DmyError>);
    {
        // A value set from outside (another tab, a restored draft) replaces what is shown,
        // unless what is shown already means that date ("5/3/2026" for 05/03/2026).
        let (text, error) = (text.clone(), error.clone());
        use_effect_with(props.value, move |value| {
            if Date::parse_dmy(&text).ok() != *value {
                text.set(value.map(Date::display_vn).unwrap_or_default());
                error.set(None);
            }
        });
    }
    let on_input = {
        let (text, error, on_change) = (text.clone(), error.clone(), props.on_change.clone());
        let (unreadable, latest) = (props.on_unreadable.clone(), props.latest);
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let masked = mask_dmy(&input.value());
            if masked != input.value() {
                input.set_value(&masked);
            }
            // A complete date counts at once; a partial one waits for the field to be left.
            if let Ok(day) = Date::parse_dmy_until(&masked, latest) {
                error.set(None);
                unreadable.emit(false);
                on_change.emit(Some(day));
            }
            text.set(masked);
        })
    };
    let on_leave = {
        let (text, error, on_change) = (text.clone(), error.clone(), props.on_change.clone());
        let (value, unreadable, latest) = (props.value, props.on_unreadable.clone(), props.latest);
        Callback::from(
            move |_: FocusEvent| match Date::parse_dmy_until(&text, latest) {
                Ok(day) => {
                    error.set(None);
                    unreadable.emit(false);
                    text.set(day.display_vn());
                }
                Err(DmyError::Empty) => {
                    error.set(None);
                    unreadable.emit(false);
                    on_change.emit(None);
                    // Show what the field now means: nothing, or the parent's default (today for
                    // the send date), which may be the value it already had.
                    text.set(value.map(Date::display_vn).unwrap_or_default());
                }
                Err(e) => {
                    unreadable.emit(true);
                    error.set(Some(e));
                }
            },
        )
    };
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let described = match *error {
        Some(_) => format!("{hint_id} {error_id}"),
        None => hint_id.clone(),
    };
    // No "dd/mm/yyyy" placeholder: English letters in a Vietnamese form, and the hint below
    // already shows the format with an example.
    html! {
        <div class="field date-field">
            <label for={props.id.clone()}>{ &props.label }</label>
            <input id={props.id.clone()} type="text" inputmode="numeric" autocomplete="off"
                maxlength="10"
                value={(*text).clone()} oninput={on_input} onblur={on_leave}
                aria-invalid={error.is_some().to_string()} aria-describedby={described} />
            <span id={hint_id} class="field-hint">{ words::DAY_MONTH_YEAR_EXAMPLE.get(lang) }</span>
            if let Some(e) = *error {
                <p id={error_id} class="field-error" role="alert">{ e.message(lang) }</p>
            }
        </div>
    }
}
