//! How many units of each cluster or block reached each band (the appraised band where the
//! office appraised the unit, its own otherwise), for the chosen tier and group.

use super::app::Part;
use crate::i18n::words;
use crate::i18n::{band_name, group_name, tier_name};
use crate::state::{appraised_bands, in_filter};
use yew::prelude::*;

#[function_component(BandTable)]
pub fn band_table(p: &Part) -> Html {
    let state = &p.state;
    let lang = state.lang;
    let (Some(season), Some(c)) = (&state.season, state.loaded_catalog()) else {
        return html! {};
    };
    let catalog = &c.catalog;
    let bands = appraised_bands(season, &state.appraisals, catalog);
    let rows = bands.iter().filter(|b| {
        in_filter(
            &b.tier,
            &b.group,
            state.tier.as_deref(),
            state.group.as_deref(),
        )
    });
    html! {
        <section class="bands">
            <h2 id="bands-title">{ words::band_table::UNITS_PER_BAND_CLUSTER.get(lang) }</h2>
            <table aria-labelledby="bands-title" data-testid="band-counts">
                <thead><tr>
                    <th scope="col">{ words::band_table::TIER.get(lang) }</th>
                    <th scope="col">{ words::band_table::CLUSTER_BLOCK.get(lang) }</th>
                    <th scope="col">{ words::band_table::BAND.get(lang) }</th>
                    <th scope="col">{ words::band_table::UNITS.get(lang) }</th>
                </tr></thead>
                <tbody>{ for rows.map(|b| html! {
                    <tr>
                        <td>{ tier_name(catalog, &b.tier, season.period, lang) }</td>
                        <td>{ group_name(catalog, &b.group, lang) }</td>
                        <td>{ band_name(catalog, &b.band, lang) }</td>
                        <td class="num">{ b.count }</td>
                    </tr>
                }) }</tbody>
            </table>
        </section>
    }
}
