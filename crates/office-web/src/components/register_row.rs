//! One registration of the register: read, or edited in place (the unit's name and cluster or
//! block, revoking its key from a day, removing a key entered by mistake).

use super::app::Handle;
use super::date_field::DateField;
use super::register_panel::current;
use crate::i18n::{tier_name, tr, trs};
use crate::state::{Action, Notice};
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

#[function_component(RegisterRow)]
pub fn register_row(p: &RegisterRowProps) -> Html {
    let state = p.state.clone();
    let lang = state.lang;
    let k = &p.entry;
    let editing = use_state(|| false);
    let name = use_state(|| k.unit_name.clone());
    let group = use_state(|| k.group.clone());
    let revoke = use_state(|| None::<Date>);
    let text_input = |value: &UseStateHandle<String>| {
        let value = value.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            value.set(input.value());
        })
    };
    let on_edit = {
        let (editing, name, group) = (editing.clone(), name.clone(), group.clone());
        let (n, g) = (k.unit_name.clone(), k.group.clone());
        Callback::from(move |_| {
            name.set(n.clone());
            group.set(g.clone());
            editing.set(true);
        })
    };
    let on_cancel = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(false))
    };
    let on_save = {
        let (state, editing) = (state.clone(), editing.clone());
        let (name, group, revoke) = (name.clone(), group.clone(), revoke.clone());
        let (index, code) = (p.index, k.unit_code.clone());
        Callback::from(move |_| {
            let mut register = current(&state);
            register.edit_unit(&code, &name, &group);
            if let Some(day) = *revoke {
                register.revoke(index, day);
            }
            state.dispatch(Action::EditRegister(register));
            editing.set(false);
        })
    };
    let on_remove = {
        let state = state.clone();
        let (index, code) = (p.index, k.unit_code.clone());
        Callback::from(move |_| {
            let mut register = current(&state);
            if register.remove(index).is_some() {
                state.dispatch(Action::EditRegister(register));
                // Said, not silent: the office can add the key again from its file.
                state.dispatch(Action::Notify(Notice::info(
                    format!("Đã xóa một khóa của đơn vị {code} khỏi sổ đăng ký."),
                    format!("A key of the unit {code} was removed from the register."),
                )));
            }
        })
    };
    let on_revoke = {
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
    let fingerprint = PublicKey::from_did(&k.did)
        .map(|key| key.fingerprint())
        .unwrap_or_else(|_| k.did.clone());
    let standing = match (k.revoked_on, k.valid_until) {
        (Some(r), _) => trs(
            lang,
            format!("Thu hồi từ {}", r.display_vn()),
            format!("Revoked from {}", r.display_vn()),
        ),
        (None, Some(u)) => trs(
            lang,
            format!("Hiệu lực đến {}", u.display_vn()),
            format!("Valid until {}", u.display_vn()),
        ),
        (None, None) => tr(lang, "Còn hiệu lực", "In force").to_owned(),
    };
    let id = format!("reg-{}", p.index);
    let code = k.unit_code.clone();
    html! {
        <tr data-unit={k.unit_code.clone()}>
            <td>{ &k.unit_code }</td>
            if *editing {
                <td><input id={format!("{id}-name")} type="text" value={(*name).clone()} oninput={text_input(&name)}
                    aria-label={trs(lang, format!("Tên đơn vị {code}"), format!("Name of the unit {code}"))} /></td>
                <td>{ tier }</td>
                <td><input id={format!("{id}-group")} type="text" value={(*group).clone()} oninput={text_input(&group)}
                    aria-label={trs(lang, format!("Cụm/Khối của đơn vị {code}"), format!("Cluster or block of the unit {code}"))} /></td>
            } else {
                <td>{ &k.unit_name }</td>
                <td>{ tier }</td>
                <td>{ &k.group }</td>
            }
            <td title={k.did.clone()}><code>{ fingerprint }</code></td>
            <td>{ k.valid_from.display_vn() }</td>
            <td>
                { standing }
                if *editing && k.revoked_on.is_none() {
                    <DateField id={format!("{id}-revoke")} lang={lang} on_change={on_revoke}
                        label={trs(lang, format!("Thu hồi khóa của {code} từ ngày (không bắt buộc)"), format!("Revoke {code}'s key from (optional)"))} />
                }
            </td>
            <td class="actions">
                if *editing {
                    <button type="button" onclick={on_save}>{ tr(lang, "Lưu", "Save") }</button>
                    <button type="button" onclick={on_cancel}>{ tr(lang, "Hủy", "Cancel") }</button>
                    <button type="button" onclick={on_remove}
                        aria-label={trs(lang, format!("Xóa khóa này của {code}"), format!("Remove this key of {code}"))}>{ tr(lang, "Xóa khóa", "Remove key") }</button>
                } else {
                    <button type="button" onclick={on_edit}
                        aria-label={trs(lang, format!("Sửa {code}"), format!("Edit {code}"))}>{ tr(lang, "Sửa", "Edit") }</button>
                }
            </td>
        </tr>
    }
}
