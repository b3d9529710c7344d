//! Registered units with no report that counts: "chưa nộp", with the files they sent that
//! failed.

use super::app::Part;
use crate::i18n::words;
use crate::i18n::{group_name, tier_name};
use crate::state::in_filter;
use yew::prelude::*;

#[function_component(MissingList)]
pub fn missing_list(p: &Part) -> Html {
    let state = &p.state;
    let lang = state.lang;
    let (Some(season), Some(c)) = (&state.season, state.loaded_catalog()) else {
        return html! {};
    };
    let catalog = &c.catalog;
    let rows: Vec<Html> = season
        .missing
        .iter()
        .filter(|m| in_filter(&m.unit.tier, &m.unit.group, state.tier.as_deref(), state.group.as_deref()))
        .map(|m| {
            let failed: Vec<&str> = m
                .failed
                .iter()
                .filter_map(|&i| season.entries.get(i).map(|e| e.file.as_str()))
                .collect();
            html! {
                <tr data-unit={m.unit.code.clone()}>
                    <td>{ &m.unit.code }</td>
                    <td>{ &m.unit.name }</td>
                    <td>{ tier_name(catalog, &m.unit.tier, season.period, lang) }</td>
                    <td>{ group_name(catalog, &m.unit.group, lang) }</td>
                    <td>{ if failed.is_empty() { words::missing_list::NOT_SUBMITTED.get(lang).to_owned() } else {
                        format!("{}: {}", words::missing_list::SENT_BUT_FAILED.get(lang), failed.join("; ")) } }</td>
                </tr>
            }
        })
        .collect();
    html! {
        <section class="missing">
            <h2 id="missing-title">{ words::missing_list::UNITS_NOT_SUBMITTED.get(lang) }</h2>
            if rows.is_empty() {
                <p>{ words::missing_list::NONE_MISSING.get(lang) }</p>
            } else {
                // On a phone the table scrolls in its own box, not the page (a
                // region in the tab order, so the keyboard scrolls it too).
                <div class="scroll" tabindex="0" role="region" aria-labelledby="missing-title">
                <table aria-labelledby="missing-title" data-testid="missing">
                    <thead><tr>
                        <th scope="col">{ words::missing_list::UNIT_CODE.get(lang) }</th>
                        <th scope="col">{ words::missing_list::UNIT.get(lang) }</th>
                        <th scope="col">{ words::missing_list::TIER.get(lang) }</th>
                        <th scope="col">{ words::missing_list::CLUSTER_BLOCK.get(lang) }</th>
                        <th scope="col">{ words::missing_list::STATUS.get(lang) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                </div>
            }
        </section>
    }
}
