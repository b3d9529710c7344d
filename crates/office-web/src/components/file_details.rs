//! One file's checks in full, on demand (the table's row shows them in one cell, cut with "…"):
//! every check by its name with its sentence, the unit, where it is ranked, the totals.

use super::app::Part;
use super::report_table::is_information;
use crate::i18n::words;
use crate::i18n::{group_name, points, tier_name};
use crate::state::Action;
use tdg_office::session::CheckMark;
use tdg_report::verdict_text::Check;
use yew::prelude::*;

#[function_component(FileDetails)]
pub fn file_details(p: &Part) -> Html {
    let state = &p.state;
    let lang = state.lang;
    let title = use_node_ref();
    {
        // Opened by "i": the panel's heading has the focus, so the keyboard and a screen reader
        // are where the details are (review).
        let title = title.clone();
        use_effect_with(state.details, move |shown| {
            if shown.is_some() {
                if let Some(el) = title.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let (Some(i), Some(season), Some(c)) = (state.details, &state.season, state.loaded_catalog())
    else {
        return html! {};
    };
    let Some(f) = season.files.get(i) else {
        return html! {};
    };
    let close = {
        let state = state.clone();
        let file = f.file.clone();
        Callback::from(move |_| {
            state.dispatch(Action::Details(None));
            focus_opener(&file);
        })
    };
    let catalog = &c.catalog;
    let total = |t: Option<u32>| t.map_or_else(|| "—".to_owned(), |t| points(t, lang));
    html! {
        <section class="file-details" aria-labelledby="file-details-title" data-testid="file-details">
            <h3 id="file-details-title" tabindex="-1" ref={title}>{ words::file_details::title(lang, &f.file) }</h3>
            if let Some(u) = &f.unit {
                <p>{ format!("{} — {} · {} · {}", u.code, u.name, tier_name(catalog, &u.tier, f.period, lang), group_name(catalog, &u.group, lang)) }</p>
            }
            if let Some(why) = &f.unreadable {
                <p class="fail">{"✗ "}{ why.text.get(lang).to_owned() }</p>
            }
            <ul>
                { for f.checks.iter().zip(Check::ALL).map(|(c, check)| {
                    let (class, mark) = match c.mark {
                        _ if is_information(c, check) => ("info", "ℹ"),
                        CheckMark::Pass => ("pass", "✓"),
                        CheckMark::Fail => ("fail", "✗"),
                        CheckMark::Note => ("note", "!"),
                    };
                    html! { <li class={class}><strong>{ format!("{mark} {}: ", check.heading(lang)) }</strong>{ c.text.get(lang).to_owned() }</li> }
                }) }
                { for f.notes.iter().map(|n| html! { <li class="note">{"! "}{ n.text.get(lang).to_owned() }</li> }) }
            </ul>
            <p>{ words::file_details::totals(lang, &total(f.signed_total), &total(f.official_total)) }</p>
            <button type="button" onclick={close}>{ words::common::CLOSE.get(lang) }</button>
        </section>
    }
}

/// Closed: the focus goes back to the "i" that opened the panel (or to the table, when that row
/// has scrolled out of the drawn ones).
fn focus_opener(file: &str) {
    use wasm_bindgen::JsCast;
    let document = gloo::utils::document();
    let buttons = document
        .query_selector_all("#season button[data-details]")
        .ok();
    let opener = buttons.and_then(|list| {
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .find(|b| b.get_attribute("data-details").as_deref() == Some(file))
    });
    let target = opener.or_else(|| {
        document
            .query_selector(".table-view")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    });
    if let Some(el) = target {
        let _ = el.focus();
    }
}
