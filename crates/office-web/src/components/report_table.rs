//! The season's table: one row per file, every check in its own column, the totals signed,
//! official and appraised side by side with their bands, the rank (by the appraised total where
//! there is one), a mark on totals rescaled by "không áp dụng" answers, and why a file fails.

use super::app::Part;
use crate::i18n::{band_name, group_name, points, tier_name, tr, trs};
use crate::state::{appraised_ranking, table_rows, Action};
use tdg_model::Lang;
use tdg_office::session::{CheckMark, CheckView, FileView};
use tdg_office::Standing;
use tdg_report::verdict_text::Check;
use yew::prelude::*;

fn check_cell(c: &CheckView, lang: Lang) -> Html {
    let (text, other) = match lang {
        Lang::Vi => (&c.vi, &c.en),
        Lang::En => (&c.en, &c.vi),
    };
    match c.mark {
        // A pass is a mark (its column names the check): the sentence is there for whoever
        // points at it. One text node per cell: a thousand rows stay quick to lay out.
        CheckMark::Pass => html! {
            <td class="pass" title={text.clone()}>{"✓"}</td>
        },
        CheckMark::Fail => html! {
            <td class="fail" title={other.clone()}>{"✗ "}{ text }</td>
        },
        CheckMark::Note => html! {
            <td class="note" title={other.clone()}>{"! "}{ text }</td>
        },
    }
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

#[function_component(ReportTable)]
pub fn report_table(p: &Part) -> Html {
    let state = &p.state;
    let lang = state.lang;
    let (Some(season), Some(c)) = (state.season.clone(), state.loaded_catalog().cloned()) else {
        return html! {};
    };
    let catalog = c.catalog.clone();
    // Ranking with appraisals and the rows: recomputed only when the season, the appraisals or
    // the filter change, never on other state changes.
    let rows = use_memo(
        (
            season.clone(),
            state.appraisals.clone(),
            catalog.clone(),
            state.tier.clone(),
            state.group.clone(),
        ),
        |(season, appraisals, catalog, tier, group)| {
            let (ranked, appraised) = appraised_ranking(season, appraisals, catalog);
            table_rows(
                season,
                &ranked,
                &appraised,
                tier.as_deref(),
                group.as_deref(),
            )
        },
    );
    let heading = |h: &str| html! { <th scope="col">{ h.to_owned() }</th> };
    let rows_html = rows.iter().map(|row| {
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
        html! {
            <tr data-file={f.file.clone()} class={classes!(if f.passes { "ok" } else { "failed" })}>
                <td class="rank">{ rank.unwrap_or_default() }</td>
                <td class="file">{ &f.file }</td>
                <td>{ unit.map(|u| u.code.clone()).unwrap_or_default() }</td>
                <td>{ unit.map(|u| u.name.clone()).unwrap_or_default() }</td>
                <td>{ unit.map(|u| tier_name(&catalog, &u.tier, lang)).unwrap_or_default() }</td>
                <td>{ unit.map(|u| group_name(&catalog, &u.group, lang)).unwrap_or_default() }</td>
                if let Some(why) = &f.unreadable {
                    <td class="fail" colspan={Check::ALL.len().to_string()} title={if lang == Lang::Vi { why.en.clone() } else { why.vi.clone() }}>
                        {"✗ "}{ trs(lang, why.vi.clone(), why.en.clone()) }
                    </td>
                } else {
                    { for f.checks.iter().map(|c| check_cell(c, lang)) }
                }
                <td>
                    { standing_text(f, lang) }
                    { for f.notes.iter().map(|n| html! { <div class="note">{"! "}{ trs(lang, n.vi.clone(), n.en.clone()) }</div> }) }
                </td>
                <td class="num">{ f.signed_total.map(|t| points(t, lang)).unwrap_or_default() }</td>
                <td class="num" data-col="official">{ f.official_total.map(|t| points(t, lang)).unwrap_or_default() }</td>
                <td>
                    { f.band.as_deref().map(|b| band_name(&catalog, b, lang)).unwrap_or_default() }
                    if f.rescaled {
                        <span class="rescaled" title={tr(lang, "Tổng điểm đã quy đổi vì có tiêu chí “không áp dụng”", "Total rescaled: some criteria are “not applicable”")}>{ tr(lang, " (quy đổi, có tiêu chí không áp dụng)", " (rescaled, some criteria not applicable)") }</span>
                    }
                </td>
                <td class="num" data-col="appraised">{ row.appraised.as_ref().map(|a| points(a.total, lang)).unwrap_or_default() }</td>
                <td data-col="appraised-band">{ row.appraised.as_ref().map(|a| band_name(&catalog, &a.band, lang)).unwrap_or_default() }</td>
                <td class="no-print">
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
    html! {
        <section class="season-table no-print">
            <h2 id="table-title">{ tr(lang, "Các báo cáo đã nhận", "Reports received") }</h2>
            <div class="scroll">
            <table id="season" aria-labelledby="table-title" data-rows={rows.len().to_string()}>
                <thead><tr>
                    { heading(tr(lang, "Thứ hạng", "Rank")) }
                    { heading(tr(lang, "Tệp", "File")) }
                    { heading(tr(lang, "Mã đơn vị", "Unit code")) }
                    { heading(tr(lang, "Tên đơn vị", "Unit")) }
                    { heading(tr(lang, "Cấp", "Tier")) }
                    { heading(tr(lang, "Cụm, khối thi đua", "Cluster or block")) }
                    { for Check::ALL.iter().map(|c| heading(c.heading(lang))) }
                    { heading(tr(lang, "Tình trạng", "Standing")) }
                    { heading(tr(lang, "Tổng điểm đã ký", "Signed total")) }
                    { heading(tr(lang, "Tổng điểm chính thức", "Official total")) }
                    { heading(tr(lang, "Xếp loại tự đánh giá", "Self-assessed band")) }
                    { heading(tr(lang, "Điểm thẩm định", "Appraised total")) }
                    { heading(tr(lang, "Xếp loại thẩm định", "Appraised band")) }
                    <th scope="col" class="no-print"><span class="sr-only">{ tr(lang, "Thao tác", "Actions") }</span></th>
                </tr></thead>
                <tbody>{ for rows_html }</tbody>
            </table>
            </div>
        </section>
    }
}
