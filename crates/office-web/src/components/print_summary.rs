//! "Bảng tổng hợp kết quả tự đánh giá": the printable summary in the manner of Decree 30/2020,
//! one line per ranked unit with the self-assessed and appraised results. Shown on screen too,
//! below the exports; printing shows only this.

use super::app::Part;
use crate::i18n::{band_name, group_name, points, tier_name, tr, trs};
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
        .unwrap_or_else(|| {
            tr(
                lang,
                "chưa nhập (chưa kiểm tra thời hạn)",
                "not entered (timing not checked)",
            )
            .to_owned()
        });
    html! {
        <section class="print-summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{ tr(lang, "Bảng tổng hợp kết quả tự đánh giá", "Summary of the self-assessment results") }</h2>
            <p>{ trs(lang,
                format!("Năm {} · ngày nhận: {received}", season.period.unwrap_or_default()),
                format!("Period {} · received: {received}", season.period.unwrap_or_default())) }</p>
            <table>
                <thead><tr>
                    <th scope="col">{ tr(lang, "STT", "No.") }</th>
                    <th scope="col">{ tr(lang, "Đơn vị", "Unit") }</th>
                    <th scope="col">{ tr(lang, "Cấp", "Tier") }</th>
                    <th scope="col">{ tr(lang, "Cụm, khối thi đua", "Cluster or block") }</th>
                    <th scope="col">{ tr(lang, "Điểm tự đánh giá", "Self-assessed total") }</th>
                    <th scope="col">{ tr(lang, "Xếp loại tự đánh giá", "Self-assessed band") }</th>
                    <th scope="col">{ tr(lang, "Điểm thẩm định", "Appraised total") }</th>
                    <th scope="col">{ tr(lang, "Xếp loại thẩm định", "Appraised band") }</th>
                    <th scope="col">{ tr(lang, "Thứ hạng trong cụm, khối", "Rank in cluster or block") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="hint">{ tr(lang,
                "* Tổng điểm đã quy đổi vì có tiêu chí “không áp dụng”. Thứ hạng theo điểm thẩm định nếu có, nếu không theo điểm tự đánh giá.",
                "* Total rescaled: some criteria are “not applicable”. Ranked by the appraised total where there is one, otherwise the self-assessed.") }</p>
        </section>
    }
}
