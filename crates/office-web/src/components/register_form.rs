//! Adding a unit (or a new key of a unit) to the register, checked as an imported row is: each
//! problem is said under its own field.

use super::app::Handle;
use super::date_field::DateField;
use super::register_panel::{current, known_keys};
use crate::i18n::tier_name;
use crate::i18n::words;
use crate::state::Action;
use tdg_model::{Date, Lang};
use tdg_office::register::{Cells, Column, Problem};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// A field's label: the column's name, except where the page already has a field of that name
/// (the table's tier filter is "Cấp").
fn label(column: Column, lang: Lang) -> &'static str {
    match column {
        Column::Tier => words::register_form::TIER_LABEL.get(lang),
        Column::Key => words::register_form::KEY.get(lang),
        Column::ValidFrom => words::register_form::KEY_VALID_FROM.get(lang),
        c => c.name(lang),
    }
}

/// Moves the focus to the form's field `id`.
fn focus(id: &str) {
    let field = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(field) = field {
        let _ = field.focus();
    }
}

#[derive(Properties, PartialEq)]
pub struct RegisterFormProps {
    pub state: Handle,
}

#[function_component(RegisterForm)]
pub fn register_form(p: &RegisterFormProps) -> Html {
    let state = p.state.clone();
    let lang = state.lang;
    let cells = use_state(Cells::default);
    let problems = use_state(Vec::<(Column, Problem)>::new);
    let set = |column: Column| {
        let cells = cells.clone();
        Callback::from(move |value: String| {
            let mut c = (*cells).clone();
            match column {
                Column::Code => c.code = value,
                Column::Name => c.name = value,
                Column::Tier => {
                    c.tier = value;
                    c.variant.clear();
                }
                Column::Variant => c.variant = value,
                Column::Group => c.group = value,
                Column::Key => c.key = value,
                _ => c.valid_from = value,
            }
            cells.set(c);
        })
    };
    let text = |column: Column| {
        set(column).reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value())
    };
    let choice = |column: Column| {
        set(column).reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value())
    };
    let on_from = set(Column::ValidFrom)
        .reform(|d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default());
    let on_add = {
        let (state, cells, problems) = (state.clone(), cells.clone(), problems.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(catalog) = state.loaded_catalog().map(|c| c.catalog.clone()) else {
                return;
            };
            let mut register = current(&state);
            match register.add(&cells, &catalog, &known_keys(&state)) {
                Ok(()) => {
                    let code = cells.code.trim().to_owned();
                    problems.set(Vec::new());
                    // Ready for the next unit: its own code, name and key, typed afresh (a
                    // second press would only be refused as a repeat); the tier, cluster and
                    // date are often the next unit's too.
                    cells.set(Cells {
                        code: String::new(),
                        name: String::new(),
                        key: String::new(),
                        ..(*cells).clone()
                    });
                    state.dispatch(Action::EditRegister(register));
                    state.dispatch(Action::Notify(words::register_form::unit_added(&code)));
                    focus("reg-code");
                }
                Err(found) => problems.set(found),
            }
        })
    };
    {
        // A refused submit takes the office to the first field in error (in the form's order),
        // where its message is said.
        use_effect_with(problems.clone(), |problems| {
            let first = [
                (Column::Code, "reg-code"),
                (Column::Name, "reg-name"),
                (Column::Tier, "reg-tier"),
                (Column::Variant, "reg-variant"),
                (Column::Group, "reg-group"),
                (Column::Key, "reg-key"),
                (Column::ValidFrom, "reg-from"),
                (Column::ValidUntil, "reg-from"),
                (Column::RevokedOn, "reg-from"),
            ]
            .into_iter()
            .find(|(column, _)| problems.iter().any(|(c, _)| c == column));
            if let Some((_, id)) = first {
                focus(id);
            }
        });
    }
    let catalog = state.loaded_catalog().map(|c| c.catalog.clone());
    let tiers: Vec<(String, String)> = catalog
        .iter()
        .flat_map(|c| {
            c.tiers
                .iter()
                .map(|t| (t.id.clone(), tier_name(c, &t.id, None, lang)))
        })
        .collect();
    let variants: Vec<(String, String)> = catalog
        .as_ref()
        .and_then(|c| c.tier(&cells.tier))
        .map(|t| {
            t.variants
                .iter()
                .map(|v| (v.id.clone(), v.name.get(lang).to_owned()))
                .collect()
        })
        .unwrap_or_default();
    let error_of = |column: Column| -> Option<String> {
        let said: Vec<String> = problems
            .iter()
            .filter(|(c, _)| *c == column)
            .map(|(_, p)| p.message(lang))
            .collect();
        (!said.is_empty()).then(|| said.join("; "))
    };
    let field = |column: Column, id: &'static str, input: Html| {
        let error = error_of(column);
        html! {
            <div class="field">
                <label for={id}>{ label(column, lang) }</label>
                { input }
                if let Some(e) = error {
                    <p id={format!("{id}-error")} class="field-error" role="alert">{ e }</p>
                }
            </div>
        }
    };
    let described = |column: Column, id: &str| error_of(column).map(|_| format!("{id}-error"));
    let invalid = |column: Column| error_of(column).is_some().to_string();
    html! {
        <form class="register-add" onsubmit={on_add} aria-labelledby="register-add-title">
            <h3 id="register-add-title">{ words::register_form::TITLE.get(lang) }</h3>
            { field(Column::Code, "reg-code", html! {
                <input id="reg-code" type="text" value={cells.code.clone()} oninput={text(Column::Code)}
                    aria-invalid={invalid(Column::Code)} aria-describedby={described(Column::Code, "reg-code")} />
            }) }
            { field(Column::Name, "reg-name", html! {
                <input id="reg-name" type="text" value={cells.name.clone()} oninput={text(Column::Name)}
                    aria-invalid={invalid(Column::Name)} aria-describedby={described(Column::Name, "reg-name")} />
            }) }
            { field(Column::Tier, "reg-tier", html! {
                <select id="reg-tier" onchange={choice(Column::Tier)}
                    aria-invalid={invalid(Column::Tier)} aria-describedby={described(Column::Tier, "reg-tier")}>
                    <option value="" selected={cells.tier.is_empty()}>{ words::register_form::CHOOSE_TIER.get(lang) }</option>
                    { for tiers.iter().map(|(id, name)| html! { <option value={id.clone()} selected={*id == cells.tier}>{ name }</option> }) }
                </select>
            }) }
            if !variants.is_empty() {
                { field(Column::Variant, "reg-variant", html! {
                    <select id="reg-variant" onchange={choice(Column::Variant)}
                        aria-invalid={invalid(Column::Variant)} aria-describedby={described(Column::Variant, "reg-variant")}>
                        <option value="" selected={cells.variant.is_empty()}>{ words::register_form::CHOOSE_VARIANT.get(lang) }</option>
                        { for variants.iter().map(|(id, name)| html! { <option value={id.clone()} selected={*id == cells.variant}>{ name }</option> }) }
                    </select>
                }) }
            }
            { field(Column::Group, "reg-group", html! {
                <input id="reg-group" type="text" value={cells.group.clone()} oninput={text(Column::Group)} />
            }) }
            { field(Column::Key, "reg-key", html! {
                <input id="reg-key" type="text" value={cells.key.clone()} oninput={text(Column::Key)} spellcheck="false"
                    aria-invalid={invalid(Column::Key)} aria-describedby={described(Column::Key, "reg-key")} />
            }) }
            <DateField id="reg-from" lang={lang} on_change={on_from} label={label(Column::ValidFrom, lang)}
                error={error_of(Column::ValidFrom).or_else(|| error_of(Column::ValidUntil)).map(AttrValue::from)} />
            <button type="submit" disabled={catalog.is_none()}>{ words::register_form::ADD.get(lang) }</button>
        </form>
    }
}
