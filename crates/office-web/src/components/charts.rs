//! Charts drawn as inline SVG, each with a `<title>` and a table beside it that says the same
//! (the band table above is the band chart's): the bands per cluster or block as stacked bars,
//! and the histogram of the ranked totals. Plain shapes and text: they print as they show.

use super::app::Part;
use crate::i18n::words;
use crate::i18n::{band_name, group_name, points};
use crate::state::{appraised_bands, in_filter};
use tdg_office::histogram;
use yew::prelude::*;

/// Fills for up to six bands, best first (print-safe, distinct in grey too).
const FILLS: [&str; 6] = [
    "#1b7f3b", "#5aa469", "#e0b040", "#b3261e", "#6b7280", "#9aa5b8",
];

/// A tier, a group, and its band counts (band id, units).
type GroupBands<'a> = (&'a str, &'a str, Vec<(&'a str, u32)>);

#[function_component(Charts)]
pub fn charts(p: &Part) -> Html {
    let state = &p.state;
    let lang = state.lang;
    let (Some(season), Some(c)) = (&state.season, state.loaded_catalog()) else {
        return html! {};
    };
    let catalog = &c.catalog;
    let (f_tier, f_group) = (state.tier.as_deref(), state.group.as_deref());
    // Bands per group, as stacked horizontal bars.
    let mut groups: Vec<GroupBands> = Vec::new();
    let bands = appraised_bands(season, &state.appraisals, catalog);
    for b in bands
        .iter()
        .filter(|b| in_filter(&b.tier, &b.group, f_tier, f_group))
    {
        match groups.last_mut() {
            Some((t, g, bands)) if *t == b.tier && *g == b.group => bands.push((&b.band, b.count)),
            _ => groups.push((&b.tier, &b.group, vec![(&b.band, b.count)])),
        }
    }
    let mut band_ids: Vec<&str> = Vec::new();
    for tier in groups.iter().map(|(t, _, _)| *t) {
        for band in catalog.bands(tier) {
            if !band_ids.contains(&band.id.as_str()) {
                band_ids.push(&band.id);
            }
        }
    }
    let fill =
        |band: &str| FILLS[band_ids.iter().position(|b| *b == band).unwrap_or(0) % FILLS.len()];
    let (row_h, label_w, bar_w) = (22, 190, 420);
    let most = groups
        .iter()
        .map(|(_, _, bands)| bands.iter().map(|(_, n)| n).sum::<u32>())
        .max()
        .unwrap_or(1)
        .max(1);
    // The legend: one band a line under the bars, so that no name runs into the next
    // (side by side, long band names overlapped: walk-through L8).
    let legend_top = groups.len() * row_h + 8;
    let legend_line = 18;
    let bands_height = legend_top + band_ids.len() * legend_line + 4;
    let bars = groups.iter().enumerate().map(|(i, (_, group, bands))| {
        let y = i * row_h;
        let mut x = 0u32;
        let segments = bands.iter().map(|(band, n)| {
            let w = n * bar_w / most;
            let seg = html! {
                <rect x={(label_w + x).to_string()} y={y.to_string()} width={w.to_string()} height={(row_h - 4).to_string()} fill={fill(band)}>
                    <title>{ format!("{}: {}", band_name(catalog, band, lang), n) }</title>
                </rect>
            };
            x += w;
            seg
        }).collect::<Html>();
        html! {
            <g>
                <text x={(label_w - 6).to_string()} y={(y + row_h - 9).to_string()} text-anchor="end" font-size="12">{ group_name(catalog, group, lang) }</text>
                { segments }
            </g>
        }
    });
    let legend = band_ids.iter().enumerate().map(|(i, b)| {
        let y = legend_top + i * legend_line;
        html! {
            <g class="legend">
                <rect x={label_w.to_string()} y={y.to_string()} width="12" height="12" fill={fill(b)} />
                <text x={(label_w + 16).to_string()} y={(y + 10).to_string()} font-size="11">{ band_name(catalog, b, lang) }</text>
            </g>
        }
    });
    // The histogram of the ranked totals, in tens of points.
    let totals = season
        .ranked
        .iter()
        .filter(|r| in_filter(&r.tier, &r.group, f_tier, f_group))
        .map(|r| season.entries[r.entry].total);
    let buckets = histogram(totals, 10_000);
    let top = buckets.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let (col_w, hist_h) = (44u32, 160u32);
    let columns = buckets.iter().enumerate().map(|(i, b)| {
        let h = b.count * hist_h / top;
        let x = i as u32 * col_w + 30;
        html! {
            <g>
                <rect x={x.to_string()} y={(hist_h - h + 10).to_string()} width={(col_w - 6).to_string()} height={h.to_string()} fill="#0b4f9c">
                    <title>{ format!("{}–{}: {}", points(b.from, lang), points(b.to, lang), b.count) }</title>
                </rect>
                <text x={(x + (col_w - 6) / 2).to_string()} y={(hist_h + 24).to_string()} text-anchor="middle" font-size="11">{ points(b.from, lang) }</text>
                <text x={(x + (col_w - 6) / 2).to_string()} y={(hist_h - h + 6).to_string()} text-anchor="middle" font-size="11">{ b.count }</text>
            </g>
        }
    });
    let bands_title = words::charts::BANDS_CLUSTER_BLOCK.get(lang);
    let hist_title = words::charts::DISTRIBUTION_TOTALS.get(lang);
    html! {
        <section class="charts">
            <h2>{ words::charts::CHARTS.get(lang) }</h2>
            <figure>
                <svg role="img" aria-labelledby="chart-bands-title" width={(label_w + bar_w + 10).to_string()} height={bands_height.to_string()}
                    viewBox={format!("0 0 {} {}", label_w + bar_w + 10, bands_height)} data-testid="chart-bands">
                    <title id="chart-bands-title">{ bands_title }</title>
                    { for bars }
                    { for legend }
                </svg>
                <figcaption>{ bands_title }{ words::charts::FIGURES_TABLE_ABOVE.get(lang) }</figcaption>
            </figure>
            <figure>
                <svg role="img" aria-labelledby="chart-hist-title" width={(buckets.len() as u32 * col_w + 40).to_string()} height={(hist_h + 34).to_string()} data-testid="chart-histogram">
                    <title id="chart-hist-title">{ hist_title }</title>
                    { for columns }
                </svg>
                <figcaption>{ hist_title }</figcaption>
            </figure>
            // The figure's caption already shows the title: the table's is for screen readers,
            // or the printout showed it twice (walk-through L8).
            <table class="chart-data" data-testid="histogram-data">
                <caption class="sr-only">{ words::charts::FIGURES_DISTRIBUTION_TOTALS.get(lang) }</caption>
                <thead><tr>
                    <th scope="col">{ words::charts::TOTAL.get(lang) }</th>
                    <th scope="col">{ words::charts::UNITS.get(lang) }</th>
                </tr></thead>
                <tbody>{ for buckets.iter().enumerate().map(|(i, b)| {
                    let (from, to) = (points(b.from, lang), points(b.to, lang));
                    // The last bar also holds 100 points and totals above it (a bonus).
                    let last = i + 1 == buckets.len();
                    let range = words::charts::bar_range(lang, &from, (!last).then_some(to.as_str()));
                    html! { <tr><td>{ range }</td><td class="num">{ b.count }</td></tr> }
                }) }</tbody>
            </table>
        </section>
    }
}
