//! The heat map: the criteria (rows) against the units (columns) of one cluster or block at a
//! time, chosen in a list (a block can have two hundred units: one at a time stays readable),
//! each cell the unit's points as a share of the criterion's maximum, in five print-safe steps
//! with a legend, and the same figures as a table. The figures are `tdg_office::heat_map`'s.

use super::app::Part;
use crate::i18n::words;
use crate::i18n::{group_name, tier_name};
use tdg_office::heat_map;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Light to dark for 0–19 %, 20–39 %, 40–59 %, 60–79 %, 80–100 %; grey where the criterion does
/// not apply. Distinct in grey too, so a black-and-white print reads.
const STEPS: [&str; 5] = ["#f1f5fb", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];
const NONE: &str = "#d1d5db";
const CELL: usize = 18;
const LABEL_W: usize = 170;
const HEAD_H: usize = 96;

fn step(share: u32) -> usize {
    usize::try_from(share / 2_000).unwrap_or(4).min(4)
}

/// A share in basis points as a whole percentage, rounded half up.
fn percent(share: u32) -> u32 {
    (share + 50) / 100
}

#[function_component(HeatMap)]
pub fn heat_map_view(p: &Part) -> Html {
    let state = &p.state;
    let lang = state.lang;
    let chosen = use_state(|| None::<usize>);
    let (Some(season), Some(c)) = (&state.season, state.loaded_catalog()) else {
        return html! {};
    };
    let catalog = &c.catalog;
    let mut groups: Vec<(&str, &str)> = season
        .ranked
        .iter()
        .map(|r| (r.tier.as_str(), r.group.as_str()))
        .collect();
    groups.dedup();
    if groups.is_empty() {
        return html! {};
    }
    // The list's choice, else the table's filter, else the first.
    let index = chosen
        .filter(|&i| i < groups.len())
        .or_else(|| {
            groups.iter().position(|(t, g)| {
                state.tier.as_deref().is_none_or(|f| f == *t)
                    && state.group.as_deref().is_none_or(|f| f == *g)
            })
        })
        .unwrap_or(0);
    let (tier, group) = groups[index];
    let map = heat_map(&season.entries, &season.ranked, tier, group);
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
                .and_then(|s| s.value().parse().ok());
            chosen.set(value);
        })
    };
    let label = |t: &str, g: &str| {
        format!(
            "{} · {}",
            tier_name(catalog, t, season.period, lang),
            group_name(catalog, g, lang)
        )
    };
    let criterion_text = |id: &str| {
        catalog
            .tier(tier)
            .and_then(|t| t.criterion(id))
            .map_or_else(|| id.to_owned(), |c| c.text.get(lang).to_owned())
    };
    let code = |u: usize| season.entries[u].unit.code.clone();
    let width = LABEL_W + map.units.len() * CELL + 10;
    let height = HEAD_H + map.criteria.len() * CELL + 40;
    let title = words::heat_map::title(lang, &label(tier, group));
    let heads = map.units.iter().enumerate().map(|(j, &u)| {
        let x = LABEL_W + j * CELL + CELL / 2;
        html! {
            <text x={x.to_string()} y={(HEAD_H - 4).to_string()} font-size="10" transform={format!("rotate(-60 {x} {})", HEAD_H - 4)}>{ code(u) }</text>
        }
    });
    let rows = map.criteria.iter().zip(&map.cells).enumerate().map(|(i, (id, cells))| {
        let y = HEAD_H + i * CELL;
        let cells = cells.iter().zip(&map.units).enumerate().map(|(j, (share, &u))| {
            let (fill, text) = match share {
                Some(s) => (STEPS[step(*s)], format!("{}%", percent(*s))),
                None => (NONE, words::heat_map::NOT_APPLICABLE.get(lang).to_owned()),
            };
            html! {
                <rect x={(LABEL_W + j * CELL).to_string()} y={y.to_string()} width={(CELL - 1).to_string()} height={(CELL - 1).to_string()} fill={fill}>
                    <title>{ format!("{} · {id}: {text}", code(u)) }</title>
                </rect>
            }
        }).collect::<Html>();
        html! {
            <g>
                <text x={(LABEL_W - 6).to_string()} y={(y + CELL - 5).to_string()} text-anchor="end" font-size="11">{ id.clone() }</text>
                { cells }
            </g>
        }
    });
    let legend_y = HEAD_H + map.criteria.len() * CELL + 14;
    let legend = STEPS.iter().enumerate().map(|(k, fill)| {
        let x = k * 90;
        html! {
            <g>
                <rect x={x.to_string()} y={legend_y.to_string()} width="12" height="12" fill={*fill} stroke="#6b7280" stroke-width="0.5" />
                <text x={(x + 16).to_string()} y={(legend_y + 10).to_string()} font-size="11">{ format!("{}–{}%", k * 20, if k == 4 { 100 } else { k * 20 + 19 }) }</text>
            </g>
        }
    });
    html! {
        <section class="heat-map" aria-labelledby="heat-title">
            <h2 id="heat-title">{ words::heat_map::TITLE.get(lang) }</h2>
            <p class="field no-print">
                <label for="heat-group">{ words::heat_map::CLUSTER_BLOCK_SHOWN.get(lang) }</label>
                <select id="heat-group" onchange={on_choose}>
                    { for groups.iter().enumerate().map(|(i, (t, g))| html! {
                        <option value={i.to_string()} selected={i == index}>{ label(t, g) }</option>
                    }) }
                </select>
            </p>
            <figure>
                <div class="scroll">
                <svg role="img" aria-labelledby="chart-heat-title" width={width.to_string()} height={height.to_string()}
                    viewBox={format!("0 0 {width} {height}")} data-testid="chart-heat">
                    <title id="chart-heat-title">{ title.clone() }</title>
                    { for heads }
                    { for rows }
                    { for legend }
                    <rect x="460" y={legend_y.to_string()} width="12" height="12" fill={NONE} />
                    <text x="476" y={(legend_y + 10).to_string()} font-size="11">{ words::heat_map::NOT_APPLICABLE.get(lang) }</text>
                </svg>
                </div>
                <figcaption>{ title.clone() }</figcaption>
            </figure>
            <details>
                <summary>{ words::heat_map::FIGURES_TABLE.get(lang) }</summary>
                <div class="scroll">
                <table class="heat-data" data-testid="heat-data">
                    <caption>{ title }</caption>
                    <thead><tr>
                        <th scope="col">{ words::heat_map::CRITERION.get(lang) }</th>
                        { for map.units.iter().map(|&u| html! { <th scope="col" title={season.entries[u].unit.name.clone()}>{ code(u) }</th> }) }
                    </tr></thead>
                    <tbody>{ for map.criteria.iter().zip(&map.cells).map(|(id, cells)| html! {
                        <tr>
                            <th scope="row" title={criterion_text(id)}>{ id.clone() }</th>
                            { for cells.iter().map(|s| html! {
                                <td class="num">{ s.map(|s| format!("{}%", percent(s))).unwrap_or_else(|| "—".into()) }</td>
                            }) }
                        </tr>
                    }) }</tbody>
                </table>
                </div>
            </details>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_fall_in_five_steps_and_read_as_whole_percentages() {
        assert_eq!(
            [0, 1_999, 2_000, 7_999, 8_000, 10_000].map(step),
            [0, 0, 1, 3, 4, 4]
        );
        assert_eq!([0, 7_449, 7_450, 10_000].map(percent), [0, 74, 75, 100]);
    }
}
