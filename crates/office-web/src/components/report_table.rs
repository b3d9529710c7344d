//! The season's table: one row per file, every check in its own column, the totals signed,
//! official and appraised side by side with their bands, the rank (by the appraised total where
//! there is one), a mark on totals rescaled by "không áp dụng" answers, and why a file fails.

use super::app::Part;
use super::file_details::FileDetails;
use crate::i18n::{band_name, group_name, points, tier_name, tr, trs};
use crate::state::{appraised_ranking, rows_in_view, table_rows, Action};
use tdg_model::units::format_int;
use tdg_model::Lang;
use tdg_office::export::check_heading;
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
                check_heading(check, lang),
                both(lang, &c.text.vi, &c.text.en).replace('\n', " / ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let failed = said.iter().any(|c| c.mark == CheckMark::Fail);
    html! {
        <td data-col="checks" class={classes!(if failed { "fail" } else { "pass" })} title={hover}>
            <button type="button" class="link details" onclick={open} data-details={f.file.clone()}
                aria-label={trs(lang, format!("Chi tiết kiểm tra {}", f.file), format!("Check details of {}", f.file))}>{ "i" }</button>
            if said.is_empty() {
                {"✓ "}{ tr(lang, "Đạt mọi mục", "Passes every check") }
            } else {
                { for said.iter().map(|c| {
                    let (class, mark) = if c.mark == CheckMark::Fail { ("fail", "✗ ") } else { ("note", "! ") };
                    html! { <span class={class}>{ mark }{ trs(lang, c.text.vi.clone(), c.text.en.clone()) }{" "}</span> }
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
        None => tr(lang, "Không đọc được", "Unreadable"),
        Some(Standing::Counted) => tr(lang, "Được tính", "Counted"),
        Some(Standing::Superseded { .. }) => tr(
            lang,
            "Đã có báo cáo gửi sau thay thế",
            "Replaced by a later report",
        ),
        Some(Standing::Failed) => tr(lang, "Không đạt kiểm tra", "Fails a check"),
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
        let totals_said = trs(lang,
            format!("Tổng điểm đã ký: {}; tổng điểm chính thức: {}", f.signed_total.map(|t| points(t, lang)).unwrap_or_else(|| "—".into()), f.official_total.map(|t| points(t, lang)).unwrap_or_else(|| "—".into())),
            format!("Signed total: {}; official total: {}", f.signed_total.map(|t| points(t, lang)).unwrap_or_else(|| "—".into()), f.official_total.map(|t| points(t, lang)).unwrap_or_else(|| "—".into())));
        let unit_said = unit.map(|u| format!("{} — {}", u.code, u.name)).unwrap_or_default();
        let place = unit.map(|u| format!("{} · {}", tier_name(&catalog, &u.tier, f.period, lang), group_name(&catalog, &u.group, lang))).unwrap_or_default();
        html! {
            <tr data-file={f.file.clone()} data-unit={unit.map(|u| u.code.clone()).unwrap_or_default()} aria-rowindex={(start + i + 2).to_string()} class={classes!(if f.passes { "ok" } else { "failed" })}>
                // `data-label`: a card (narrow screen) names its figures, as the header does.
                <td class="rank" data-label={tr(lang, "Hạng", "Rank")}>{ rank.unwrap_or_default() }</td>
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
                        {"✗ "}{ trs(lang, why.text.vi.clone(), why.text.en.clone()) }
                    </td>
                } else {
                    { checks_cell(f, lang, details) }
                }
                <td class="wide" data-col="standing" title={f.notes.iter().map(|n| both(lang, &n.text.vi, &n.text.en)).collect::<Vec<_>>().join("\n")}>
                    { standing_text(f, lang) }
                    { for f.notes.iter().map(|n| html! { <span class="note">{" ! "}{ trs(lang, n.text.vi.clone(), n.text.en.clone()) }</span> }) }
                </td>
                <td class="num" data-col="total" data-label={tr(lang, "Tổng điểm", "Total")} title={totals_said}>{ total.map(|t| points(t, lang)).unwrap_or_default() }</td>
                <td class="wide" data-col="band" title={if f.rescaled { tr(lang, "Tổng điểm đã quy đổi vì có tiêu chí “không áp dụng”", "Total rescaled: some criteria are “not applicable”") } else { "" }}>
                    { band }
                    if f.rescaled {
                        <span class="rescaled">{ tr(lang, " (quy đổi)", " (rescaled)") }</span>
                    }
                    if let Some(a) = &row.appraised {
                        <span data-col="appraised-band">{ " → " }{ band_name(&catalog, &a.band, lang) }</span>
                    }
                </td>
                <td class="num wide" data-col="appraised" data-label={tr(lang, "Thẩm định", "Appraised")}>{ row.appraised.as_ref().map(|a| points(a.total, lang)).unwrap_or_default() }</td>
                <td class="no-print" data-col="action">
                    if entry.is_some() && row.rank.is_some() {
                        <button type="button" onclick={edit} aria-label={trs(lang,
                            format!("Thẩm định {}", unit.map(|u| u.name.as_str()).unwrap_or_default()),
                            format!("Appraise {}", unit.map(|u| u.name.as_str()).unwrap_or_default()))}>
                            { tr(lang, "Thẩm định", "Appraise") }
                        </button>
                    }
                </td>
            </tr>
        }
    });
    let count = format_int(rows.len() as u64, lang);
    html! {
        <section class="season-table no-print">
            <h2 id="table-title">{ tr(lang, "Các báo cáo đã nhận", "Reports received") }</h2>
            <p class="field">
                <label for="table-search">{ tr(lang, "Tìm trong bảng (tên tệp, mã hoặc tên đơn vị)", "Find in the table (file, unit code or name)") }</label>
                <input id="table-search" type="search" value={state.search.clone()} oninput={on_search} />
                <span class="hint" role="status" data-testid="table-count">{ trs(lang, format!("{count} dòng"), format!("{count} rows")) }</span>
            </p>
            <p class="hint">{ tr(lang,
                "Bảng chỉ vẽ các dòng đang xem: cuộn trong bảng (hoặc chọn bảng rồi dùng phím mũi tên, Page Down) để xem tiếp; tệp Excel, CSV và bản in có đủ mọi dòng.",
                "The table draws only the rows in view: scroll in it (or focus it and use the arrow keys, Page Down) to see more; the workbook, the CSV and the printout have every row.") }</p>
            <div class="table-view" ref={view} onscroll={on_scroll} tabindex="0" role="region"
                aria-label={tr(lang, "Bảng các báo cáo đã nhận (cuộn để xem tiếp)", "Table of the reports received (scroll for more)")}>
            <table id="season" aria-labelledby="table-title" aria-rowcount={(rows.len() + 1).to_string()} data-rows={rows.len().to_string()}>
                <thead><tr aria-rowindex="1">
                    { heading(tr(lang, "Hạng", "Rank"), "c-rank") }
                    { heading(tr(lang, "Đơn vị", "Unit"), "c-unit") }
                    { heading(tr(lang, "Tệp", "File"), "c-file wide") }
                    { heading(tr(lang, "Cụm, khối thi đua", "Cluster or block"), "c-group wide") }
                    { heading(tr(lang, "Kiểm tra (i: chi tiết)", "Checks (i: details)"), "c-checks") }
                    { heading(tr(lang, "Tình trạng", "Standing"), "c-standing wide") }
                    { heading(tr(lang, "Tổng điểm", "Total"), "c-num") }
                    { heading(tr(lang, "Xếp loại (→ thẩm định)", "Band (→ appraised)"), "c-band wide") }
                    { heading(tr(lang, "Điểm thẩm định", "Appraised"), "c-num wide") }
                    <th scope="col" class="no-print c-action"><span class="sr-only">{ tr(lang, "Thao tác", "Actions") }</span></th>
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
