//! How many units of each cluster or block reached each band (the appraised band where the
//! office appraised the unit, its own otherwise), for the chosen tier and group.

use super::app::Part;
use crate::i18n::{band_name, group_name, tier_name, tr};
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
            <h2 id="bands-title">{ tr(lang, "Số đơn vị theo xếp loại, từng cụm, khối", "Units per band, by cluster or block") }</h2>
            <table aria-labelledby="bands-title" data-testid="band-counts">
                <thead><tr>
                    <th scope="col">{ tr(lang, "Cấp", "Tier") }</th>
                    <th scope="col">{ tr(lang, "Cụm, khối thi đua", "Cluster or block") }</th>
                    <th scope="col">{ tr(lang, "Xếp loại", "Band") }</th>
                    <th scope="col">{ tr(lang, "Số đơn vị", "Units") }</th>
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
