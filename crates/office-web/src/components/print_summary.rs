//! "Bảng tổng hợp kết quả tự đánh giá": the printable summary in the manner of Decree 30/2020,
//! one line per ranked unit with the self-assessed and appraised results. Shown on screen too,
//! below the exports; printing shows only this.

use super::app::Part;
use crate::i18n::words;
use crate::i18n::{band_name, group_name, points, tier_name};
use crate::state::{appraised_ranking, in_filter};
use yew::prelude::*;

#[function_component(PrintSummary)]
pub fn print_summary(p: &Part) -> Html {
    let state = &p.state;
    let lang = state.lang;
    let (Some(season), Some(c)) = (&state.season, state.loaded_catalog()) else {
        return html! {};
    };
    let catalog = &c.catalog;
    let (ranked, appraised) = appraised_ranking(season, &state.appraisals, catalog);
    let rows = ranked
        .iter()
        .filter(|r| in_filter(&r.tier, &r.group, state.tier.as_deref(), state.group.as_deref()))
        .enumerate()
        .map(|(i, r)| {
            let e = &season.entries[r.entry];
            let a = appraised.get(r.entry).cloned().flatten();
            html! {
                <tr>
                    <td class="num">{ i + 1 }</td>
                    <td>{ &e.unit.name }</td>
                    <td>{ tier_name(catalog, &r.tier, Some(e.period), lang) }</td>
                    <td>{ group_name(catalog, &r.group, lang) }</td>
                    <td class="num">{ points(e.total, lang) }{ if e.rescaled { "*" } else { "" } }</td>
                    <td>{ band_name(catalog, &e.band, lang) }</td>
                    <td class="num">{ a.as_ref().map(|a| points(a.total, lang)).unwrap_or_default() }</td>
                    <td>{ a.as_ref().map(|a| band_name(catalog, &a.band, lang)).unwrap_or_default() }</td>
                    <td class="num">{ format!("{}{}", r.rank, if r.tied { "=" } else { "" }) }</td>
                </tr>
            }
        });
    let received = season
        .received_on
        .map(|d| d.display_vn())
        .unwrap_or_else(|| words::print_summary::NOT_ENTERED.get(lang).to_owned());
    html! {
        <section class="print-summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{ words::print_summary::TITLE.get(lang) }</h2>
            <p>{ words::print_summary::period_received(lang, season.period.unwrap_or_default(), &received) }</p>
            // Nine columns: on a phone the table scrolls in its own box, not the page (a
            // region in the tab order, so the keyboard scrolls it too).
            <div class="scroll" tabindex="0" role="region" aria-labelledby="summary-title">
            <table>
                <thead><tr>
                    <th scope="col">{ words::print_summary::NO.get(lang) }</th>
                    <th scope="col">{ words::print_summary::UNIT.get(lang) }</th>
                    <th scope="col">{ words::print_summary::TIER.get(lang) }</th>
                    <th scope="col">{ words::print_summary::CLUSTER_BLOCK.get(lang) }</th>
                    <th scope="col">{ words::print_summary::SELF_ASSESSED_TOTAL.get(lang) }</th>
                    <th scope="col">{ words::print_summary::SELF_ASSESSED_BAND.get(lang) }</th>
                    <th scope="col">{ words::print_summary::APPRAISED_TOTAL.get(lang) }</th>
                    <th scope="col">{ words::print_summary::APPRAISED_BAND.get(lang) }</th>
                    <th scope="col">{ words::print_summary::RANK_CLUSTER_BLOCK.get(lang) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            </div>
            <p class="hint">{ words::print_summary::FOOTNOTE.get(lang) }</p>
        </section>
    }
}
