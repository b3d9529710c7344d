//! One file's checks in full, on demand (the table's row shows them in one cell, cut with "…"):
//! every check by its name with its sentence, the unit, where it is ranked, the totals.

use super::app::Part;
use crate::i18n::{group_name, points, tier_name, tr, trs};
use crate::state::Action;
use tdg_office::session::CheckMark;
use tdg_report::verdict_text::Check;
use yew::prelude::*;

#[function_component(FileDetails)]
pub fn file_details(p: &Part) -> Html {
    let state = &p.state;
    let lang = state.lang;
    let (Some(i), Some(season), Some(c)) = (state.details, &state.season, state.loaded_catalog())
    else {
        return html! {};
    };
    let Some(f) = season.files.get(i) else {
        return html! {};
    };
    let close = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Details(None)))
    };
    let catalog = &c.catalog;
    let total = |t: Option<u32>| t.map_or_else(|| "—".to_owned(), |t| points(t, lang));
    html! {
        <section class="file-details" aria-labelledby="file-details-title" data-testid="file-details">
            <h3 id="file-details-title">{ trs(lang, format!("Chi tiết kiểm tra: {}", f.file), format!("Check details: {}", f.file)) }</h3>
            if let Some(u) = &f.unit {
                <p>{ format!("{} — {} · {} · {}", u.code, u.name, tier_name(catalog, &u.tier, f.period, lang), group_name(catalog, &u.group, lang)) }</p>
            }
            if let Some(why) = &f.unreadable {
                <p class="fail">{"✗ "}{ trs(lang, why.text.vi.clone(), why.text.en.clone()) }</p>
            }
            <ul>
                { for f.checks.iter().zip(Check::ALL).map(|(c, check)| {
                    let (class, mark) = match c.mark {
                        CheckMark::Pass => ("pass", "✓"),
                        CheckMark::Fail => ("fail", "✗"),
                        CheckMark::Note => ("note", "!"),
                    };
                    html! { <li class={class}><strong>{ format!("{mark} {}: ", check.heading(lang)) }</strong>{ trs(lang, c.text.vi.clone(), c.text.en.clone()) }</li> }
                }) }
                { for f.notes.iter().map(|n| html! { <li class="note">{"! "}{ trs(lang, n.text.vi.clone(), n.text.en.clone()) }</li> }) }
            </ul>
            <p>{ trs(lang,
                format!("Tổng điểm đã ký: {}; tổng điểm chính thức: {}", total(f.signed_total), total(f.official_total)),
                format!("Signed total: {}; official total: {}", total(f.signed_total), total(f.official_total))) }</p>
            <button type="button" onclick={close}>{ tr(lang, "Đóng", "Close") }</button>
        </section>
    }
}
