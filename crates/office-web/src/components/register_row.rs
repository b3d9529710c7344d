//! One registration of the register: read, or edited in place (the unit's name and cluster or
//! block), its key revoked from a day (the usual way: reports signed before stay explained), or
//! removed (a key entered by mistake: asked first, and the notice offers to undo it).

use super::app::Handle;
use super::date_field::DateField;
use super::register_panel::current;
use crate::i18n::{tier_name, words};
use crate::state::Action;
use tdg_model::Date;
use tdg_report::keys::PublicKey;
use tdg_report::trust::RegisteredKey;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RegisterRowProps {
    pub state: Handle,
    pub index: usize,
    pub entry: RegisteredKey,
}

/// What the row shows besides the registration.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Read,
    Edit,
    /// "Xóa khóa" was pressed: the row asks first, pointing to revoking.
    ConfirmRemove,
    /// "Thu hồi khóa" was pressed: the day is asked.
    Revoke,
}

/// The columns of the register's table (the second row of a registration spans them).
const COLUMNS: usize = 8;

#[function_component(RegisterRow)]
pub fn register_row(p: &RegisterRowProps) -> Html {
    let state = p.state.clone();
    let lang = state.lang;
    let k = &p.entry;
    let mode = use_state(|| Mode::Read);
    let name = use_state(|| k.unit_name.clone());
    let group = use_state(|| k.group.clone());
    let revoke = use_state(|| None::<Date>);
    // A refusal said under its field: the name (empty) or the revocation day.
    let error = use_state(|| None::<String>);
    let text_input = |value: &UseStateHandle<String>| {
        let value = value.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            value.set(input.value());
        })
    };
    let to = |next: Mode| {
        let (mode, error, name, group) = (mode.clone(), error.clone(), name.clone(), group.clone());
        let (n, g) = (k.unit_name.clone(), k.group.clone());
        Callback::from(move |_: MouseEvent| {
            if next == Mode::Edit {
                name.set(n.clone());
                group.set(g.clone());
            }
            error.set(None);
            mode.set(next);
        })
    };
    let on_save = {
        let (state, mode, error) = (state.clone(), mode.clone(), error.clone());
        let (name, group) = (name.clone(), group.clone());
        let code = k.unit_code.clone();
        Callback::from(move |_| {
            let mut register = current(&state);
            match register.edit_unit(&code, &name, &group) {
                Ok(_) => {
                    state.dispatch(Action::EditRegister(register));
                    mode.set(Mode::Read);
                }
                Err(problem) => error.set(Some(problem.message(state.lang))),
            }
        })
    };
    let on_remove = {
        let state = state.clone();
        let index = p.index;
        Callback::from(move |_| state.dispatch(Action::RemoveKey(index)))
    };
    let on_revoke = {
        let (state, mode, error, revoke) =
            (state.clone(), mode.clone(), error.clone(), revoke.clone());
        let (index, code) = (p.index, k.unit_code.clone());
        Callback::from(move |_| {
            let lang = state.lang;
            let Some(day) = *revoke else {
                error.set(Some(
                    words::register::REVOKE_DAY_NEEDED.get(lang).to_owned(),
                ));
                return;
            };
            let mut register = current(&state);
            match register.revoke(index, day) {
                Ok(_) => {
                    state.dispatch(Action::EditRegister(register));
                    state.dispatch(Action::Notify(words::register::revoked(&code, day)));
                    mode.set(Mode::Read);
                }
                Err(problem) => error.set(Some(problem.message(lang))),
            }
        })
    };
    let on_day = {
        let revoke = revoke.clone();
        Callback::from(move |day: Option<Date>| revoke.set(day))
    };
    let tier = state
        .loaded_catalog()
        .map(|c| tier_name(&c.catalog, &k.tier, None, lang))
        .unwrap_or_else(|| k.tier.clone());
    let tier = match &k.variant {
        Some(v) => format!("{tier} ({v})"),
        None => tier,
    };
    // Once per key, not at every redraw: decoding a key is a point decompression, and the rows
    // redraw at every step of a season's progress bar.
    let fingerprint = use_memo(k.did.clone(), |did| {
        PublicKey::from_did(did)
            .map(|key| key.fingerprint())
            .unwrap_or_else(|_| did.clone())
    });
    let standing = words::register::standing(lang, k.revoked_on, k.valid_until);
    let id = format!("reg-{}", p.index);
    let code = k.unit_code.clone();
    let editing = *mode == Mode::Edit;
    let name_error = editing.then(|| (*error).clone()).flatten();
    let second = match *mode {
        Mode::Read | Mode::Edit => None,
        Mode::ConfirmRemove => Some(html! {
            <div class="register-confirm" role="group" aria-labelledby={format!("{id}-question")}>
                <p id={format!("{id}-question")}>{ words::register::remove_question(lang, &code, fingerprint.as_str()) }</p>
                <button type="button" class="danger" onclick={on_remove}>{ words::register::REMOVE_FOR_GOOD.get(lang) }</button>
                {" "}
                <button type="button" onclick={to(Mode::Revoke)}>{ words::register::REVOKE_INSTEAD.get(lang) }</button>
                {" "}
                <button type="button" onclick={to(Mode::Read)}>{ words::register::KEEP_KEY.get(lang) }</button>
            </div>
        }),
        Mode::Revoke => Some(html! {
            <div class="register-confirm" role="group" aria-labelledby={format!("{id}-revoke-title")}>
                <p id={format!("{id}-revoke-title")}>{ words::register::revoke_explained(lang, &code, k.valid_from) }</p>
                <DateField id={format!("{id}-revoke")} lang={lang} on_change={on_day}
                    label={words::register::revoke_label(lang, &code)}
                    error={(*error).clone().map(AttrValue::from)} />
                <button type="button" onclick={on_revoke}>{ words::register::CONFIRM_REVOKE.get(lang) }</button>
                {" "}
                <button type="button" onclick={to(Mode::Read)}>{ words::common::CANCEL.get(lang) }</button>
            </div>
        }),
    };
    html! {
        <>
        <tr data-unit={k.unit_code.clone()}>
            <td>{ &k.unit_code }</td>
            if editing {
                <td>
                    <input id={format!("{id}-name")} type="text" value={(*name).clone()} oninput={text_input(&name)}
                        aria-label={words::register::name_of(lang, &code)}
                        aria-invalid={name_error.is_some().to_string()}
                        aria-describedby={name_error.as_ref().map(|_| format!("{id}-name-error"))} />
                    if let Some(e) = &name_error {
                        <p id={format!("{id}-name-error")} class="field-error" role="alert">{ e }</p>
                    }
                </td>
                <td>{ tier }</td>
                <td><input id={format!("{id}-group")} type="text" value={(*group).clone()} oninput={text_input(&group)}
                    aria-label={words::register::group_of(lang, &code)} /></td>
            } else {
                <td>{ &k.unit_name }</td>
                <td>{ tier }</td>
                <td>{ &k.group }</td>
            }
            <td title={k.did.clone()}><code>{ fingerprint.to_string() }</code></td>
            <td>{ k.valid_from.display_vn() }</td>
            <td>{ standing }</td>
            <td class="actions">
                if editing {
                    <button type="button" onclick={on_save}>{ words::common::SAVE.get(lang) }</button>
                    <button type="button" onclick={to(Mode::Read)}>{ words::common::CANCEL.get(lang) }</button>
                    <button type="button" onclick={to(Mode::ConfirmRemove)}
                        aria-label={words::register::remove_this_key(lang, &code)}>{ words::register::REMOVE_KEY.get(lang) }</button>
                } else {
                    <button type="button" onclick={to(Mode::Edit)}
                        aria-label={words::register::edit(lang, &code)}>{ words::common::EDIT.get(lang) }</button>
                    if k.revoked_on.is_none() {
                        {" "}
                        <button type="button" onclick={to(Mode::Revoke)}
                            aria-label={words::register::revoke_key_of(lang, &code)}>{ words::register::REVOKE_KEY.get(lang) }</button>
                    }
                }
            </td>
        </tr>
        if let Some(second) = second {
            <tr class="register-more">
                <td colspan={COLUMNS.to_string()}>{ second }</td>
            </tr>
        }
        </>
    }
}
