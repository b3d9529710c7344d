//! The season's table: one row per file, every check in its own column, the totals signed,
//! official and appraised side by side with their bands, the rank (by the appraised total where
//! there is one), a mark on totals rescaled by "không áp dụng" answers, and why a file fails.

use super::app::Part;
use super::file_details::FileDetails;
use crate::i18n::words;
use crate::i18n::{band_name, group_name, points, points_parts, tier_name};
use crate::state::{appraised_ranking, rows_in_view, table_rows, Action};
use tdg_model::units::format_int;
use tdg_model::Lang;
use tdg_office::session::{CheckMark, CheckView, FileView};
use tdg_office::Standing;
use tdg_report::verdict_text::Check;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Every check of a file in one cell (walk-through M4: one column per check made the table
/// 2,849 px wide): a pass of all says so; otherwise each failure (✗) and note (!) in the page's
/// language, cut with "…" in the row and read whole in the file's details or on hover.
fn checks_cell(f: &FileView, lang: Lang, open: Callback<MouseEvent>) -> Html {
    // The SHA-256 line is information (the code to compare with the paper copy), not a warning:
    // it is on every row, so it is read in the details, never as a "!" here (review).
    let said: Vec<&CheckView> = f
        .checks
        .iter()
        .zip(Check::ALL)
        .filter(|(c, check)| !is_information(c, *check) && c.mark != CheckMark::Pass)
        .map(|(c, _)| c)
        .collect();
    let hover = f
        .checks
        .iter()
        .zip(Check::ALL)
        .map(|(c, check)| {
            let mark = match c.mark {
                _ if is_information(c, check) => "ℹ",
                CheckMark::Pass => "✓",
                CheckMark::Fail => "✗",
                CheckMark::Note => "!",
            };
            format!(
                "{mark} {}: {}",
                check.heading(lang),
                both(lang, &c.text.vi, &c.text.en).replace('\n', " / ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let failed = said.iter().any(|c| c.mark == CheckMark::Fail);
    html! {
        <td data-col="checks" class={classes!(if failed { "fail" } else { "pass" })} title={hover}>
            <button type="button" class="link details" onclick={open} data-details={f.file.clone()}
                aria-label={words::report_table::details_of(lang, &f.file)}>{ "i" }</button>
            if said.is_empty() {
                {"✓ "}{ words::report_table::PASSES_EVERY_CHECK.get(lang) }
            } else {
                { for said.iter().map(|c| {
                    let (class, mark) = if c.mark == CheckMark::Fail { ("fail", "✗ ") } else { ("note", "! ") };
                    html! { <span class={class}>{ mark }{ c.text.get(lang).to_owned() }{" "}</span> }
                }) }
            }
        </td>
    }
}

/// A line that informs and asks nothing: the file's SHA-256 when no expected code was given.
pub fn is_information(c: &CheckView, check: Check) -> bool {
    check == Check::FileHash && c.mark == CheckMark::Note
}

fn standing_text(f: &FileView, lang: Lang) -> &'static str {
    match f.standing {
        None => words::report_table::UNREADABLE.get(lang),
        Some(Standing::Counted) => words::report_table::COUNTED.get(lang),
        Some(Standing::Superseded { .. }) => words::report_table::REPLACED_LATER_REPORT.get(lang),
        Some(Standing::Failed) => words::report_table::FAILS_CHECK.get(lang),
    }
}

/// Every row of the table is this high (CSS: `#season tbody tr`), so the rows in view follow
/// from the scroll position alone.
pub const ROW_PX: u32 = 34;
/// On a narrow screen each report is a card of this height instead (CSS: the `37.5rem` media
/// query of office.css), still one fixed height, so the same virtual scrolling works.
pub const CARD_PX: u32 = 232;
/// The width below which the table shows cards (the same query as office.css: at 360 px the
/// ten columns cut every cell short and pushed the buttons out of view).
const NARROW: &str = "(max-width: 37.5rem)";

fn narrow_now() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(NARROW).ok().flatten())
        .is_some_and(|m| m.matches())
}
/// Rows drawn beyond each edge of the view.
const EXTRA_ROWS: usize = 10;
/// The view's height before it is measured (about 70vh on a laptop).
const VIEWPORT_PX: u32 = 680;

#[function_component(ReportTable)]
pub fn report_table(p: &Part) -> Html {
    let state = &p.state;
    let lang = state.lang;
    // Where the table is scrolled to and how high its view is: local to the table, so that
    // scrolling renders only the table.
    let scroll = use_state(|| (0u32, VIEWPORT_PX));
    let narrow = use_state_eq(narrow_now);
    {
        // Cards or rows follow the window's width as it changes (a phone turned, a window
        // resized): the row height the scrolling counts with changes with them.
        let narrow = narrow.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "resize", move |_| narrow.set(narrow_now()))
            });
            move || drop(listener)
        });
    }
    let row_px = if *narrow { CARD_PX } else { ROW_PX };
    let view = use_node_ref();
    let (Some(season), Some(c)) = (state.season.clone(), state.loaded_catalog().cloned()) else {
        return html! {};
    };
    let catalog = c.catalog.clone();
    // Ranking with appraisals and the rows: recomputed only when the season, the appraisals or
    // the filters change, never on other state changes.
    let rows = use_memo(
        (
            season.clone(),
            state.appraisals.clone(),
            catalog.clone(),
            state.tier.clone(),
            state.group.clone(),
            state.search.clone(),
        ),
        |(season, appraisals, catalog, tier, group, search)| {
            let (ranked, appraised) = appraised_ranking(season, appraisals, catalog);
            table_rows(
                season,
                &ranked,
                &appraised,
                tier.as_deref(),
                group.as_deref(),
                search,
            )
        },
    );
    {
        // The season's table is on screen: the figure `tests/bench/office.mjs` reads.
        use_effect_with(season.clone(), |_| {
            crate::season_worker::mark("office:shown")
        });
    }
    let on_scroll = {
        let scroll = scroll.clone();
        let view = view.clone();
        Callback::from(move |_: Event| {
            if let Some(el) = view.cast::<web_sys::Element>() {
                let top = u32::try_from(el.scroll_top()).unwrap_or(0);
                let height = u32::try_from(el.client_height()).unwrap_or(VIEWPORT_PX);
                if (top, height) != *scroll {
                    scroll.set((top, height));
                }
            }
        })
    };
    let on_search = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default();
            state.dispatch(Action::Search(value));
        })
    };
    let (start, end) = rows_in_view(rows.len(), scroll.0, scroll.1, row_px, EXTRA_ROWS);
    let columns = 10;
    let spacer = |n: usize| {
        (n > 0).then(|| {
            html! {
                // The `height` attribute, not a style: the page's CSP allows no inline style.
                <tr class="spacer" aria-hidden="true">
                    <td colspan={columns.to_string()} height={(n as u64 * u64::from(row_px)).to_string()}></td>
                </tr>
            }
        })
    };
    let rows_html = rows[start..end].iter().enumerate().map(|(i, row)| {
        let f = &season.files[row.file];
        let entry = f.entry.map(|e| &season.entries[e]);
        let edit = {
            let state = state.clone();
            let e = f.entry;
            Callback::from(move |_| state.dispatch(Action::Edit(e)))
        };
        let rank = row.rank.as_ref().map(|r| {
            format!("{}{}", r.rank, if r.tied { "=" } else { "" })
        });
        let unit = f.unit.as_ref();
        let band = f.band.as_deref().map(|b| band_name(&catalog, b, lang)).unwrap_or_default();
        let details = {
            let state = state.clone();
            let file = row.file;
            Callback::from(move |_| state.dispatch(Action::Details(Some(file))))
        };
        // One total: the official one where the received date gave one, else the signed one;
        // both on hover.
        let total = f.official_total.or(f.signed_total);
        let said = |t: Option<u32>| t.map_or_else(|| "—".to_owned(), |t| points(t, lang));
        let totals_said = words::file_details::totals(lang, &said(f.signed_total), &said(f.official_total));
        let unit_said = unit.map(|u| format!("{} — {}", u.code, u.name)).unwrap_or_default();
        let place = unit.map(|u| format!("{} · {}", tier_name(&catalog, &u.tier, f.period, lang), group_name(&catalog, &u.group, lang))).unwrap_or_default();
        html! {
            <tr data-file={f.file.clone()} data-unit={unit.map(|u| u.code.clone()).unwrap_or_default()} aria-rowindex={(start + i + 2).to_string()} class={classes!(if f.passes { "ok" } else { "failed" })}>
                // `data-label`: a card (narrow screen) names its figures, as the header does.
                <td class="rank" data-label={words::report_table::RANK.get(lang)}>{ rank.unwrap_or_default() }</td>
                <td data-col="unit" title={unit_said.clone()}>
                    if let Some(u) = unit {
                        <span class="unit-code">{ &u.code }</span>
                        <span class="unit-sep">{ " — " }</span>
                        <span class="unit-name">{ &u.name }</span>
                        // Only on a card: the wide table has its own column for the group.
                        <span class="unit-place">{ place.clone() }</span>
                    }
                </td>
                <td class="file wide" data-col="file" title={f.file.clone()}>{ &f.file }</td>
                <td class="wide" data-col="group" title={place.clone()}>{ unit.map(|u| group_name(&catalog, &u.group, lang)).unwrap_or_default() }</td>
                if let Some(why) = &f.unreadable {
                    <td class="fail" data-col="checks" title={both(lang, &why.text.vi, &why.text.en)}>
                        {"✗ "}{ why.text.get(lang).to_owned() }
                    </td>
                } else {
                    { checks_cell(f, lang, details) }
                }
                <td class="wide" data-col="standing" title={f.notes.iter().map(|n| both(lang, &n.text.vi, &n.text.en)).collect::<Vec<_>>().join("\n")}>
                    { standing_text(f, lang) }
                    { for f.notes.iter().map(|n| html! { <span class="note">{" ! "}{ n.text.get(lang).to_owned() }</span> }) }
                </td>
                <td class="num" data-col="total" data-label={words::report_table::TOTAL.get(lang)} title={totals_said}>{ total.map(|t| points_in_column(t, lang)) }</td>
                <td class="wide" data-col="band" title={if f.rescaled { words::report_table::RESCALED_HINT.get(lang) } else { "" }}>
                    { band }
                    if f.rescaled {
                        <span class="rescaled">{ words::report_table::RESCALED_MARK.get(lang) }</span>
                    }
                    if let Some(a) = &row.appraised {
                        <span data-col="appraised-band">{ " → " }{ band_name(&catalog, &a.band, lang) }</span>
                    }
                </td>
                <td class="num wide" data-col="appraised" data-label={words::report_table::APPRAISED_LABEL.get(lang)}>{ row.appraised.as_ref().map(|a| points_in_column(a.total, lang)) }</td>
                <td class="no-print" data-col="action">
                    if entry.is_some() && row.rank.is_some() {
                        <button type="button" onclick={edit} aria-label={words::report_table::appraise(lang, unit.map(|u| u.name.as_str()).unwrap_or_default())}>
                            { words::report_table::APPRAISE.get(lang) }
                        </button>
                    }
                </td>
            </tr>
        }
    });
    let count = format_int(rows.len() as u64, lang);
    html! {
        <section class="season-table no-print">
            <h2 id="table-title">{ words::report_table::REPORTS_RECEIVED.get(lang) }</h2>
            <p class="field">
                <label for="table-search">{ words::report_table::SEARCH.get(lang) }</label>
                <input id="table-search" type="search" value={state.search.clone()} oninput={on_search} />
                <span class="hint" role="status" data-testid="table-count">{ words::report_table::rows(lang, &count) }</span>
            </p>
            <p class="hint">{ words::report_table::ROWS_IN_VIEW_HINT.get(lang) }</p>
            <div class="table-view" ref={view} onscroll={on_scroll} tabindex="0" role="region"
                aria-label={words::report_table::TABLE_REGION.get(lang)}>
            <table id="season" aria-labelledby="table-title" aria-rowcount={(rows.len() + 1).to_string()} data-rows={rows.len().to_string()}>
                <thead><tr aria-rowindex="1">
                    { heading(words::report_table::RANK.get(lang), "c-rank") }
                    { heading(words::report_table::UNIT.get(lang), "c-unit") }
                    { heading(words::report_table::FILE.get(lang), "c-file wide") }
                    { heading(words::report_table::CLUSTER_BLOCK.get(lang), "c-group wide") }
                    { heading(words::report_table::CHECKS.get(lang), "c-checks") }
                    { heading(words::report_table::STANDING.get(lang), "c-standing wide") }
                    { heading(words::report_table::TOTAL.get(lang), "c-num") }
                    { heading(words::report_table::BAND.get(lang), "c-band wide") }
                    { heading(words::report_table::APPRAISED_HEADING.get(lang), "c-num wide") }
                    <th scope="col" class="no-print c-action"><span class="sr-only">{ words::report_table::ACTIONS.get(lang) }</span></th>
                </tr></thead>
                <tbody>
                    { for spacer(start) }
                    { for rows_html }
                    { for spacer(rows.len() - end) }
                </tbody>
            </table>
            </div>
            <FileDetails state={state.clone()} />
        </section>
    }
}

/// Points in a number column: the decimals in a box as wide as ",000", so that the column lines
/// up on the decimal sign ("29,21" above "29,007") while the text stays as written.
fn points_in_column(milli: u32, lang: Lang) -> Html {
    let (whole, decimals) = points_parts(milli, lang);
    html! { <>{ whole }<span class="decimals">{ decimals }</span></> }
}

fn heading(h: &str, class: &'static str) -> Html {
    html! { <th scope="col" class={class}>{ h.to_owned() }</th> }
}

/// A cell's hover text: the sentence in the page's language, then in the other (a cell shows
/// one line; a long sentence is cut with "…").
fn both(lang: Lang, vi: &str, en: &str) -> String {
    match lang {
        Lang::Vi => format!("{vi}\n{en}"),
        Lang::En => format!("{en}\n{vi}"),
    }
}
