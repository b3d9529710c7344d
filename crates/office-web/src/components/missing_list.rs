//! Registered units with no report that counts: "chưa nộp", with the files they sent that
//! failed.

use super::app::Part;
use crate::i18n::{group_name, tier_name, tr};
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
                    <td>{ if failed.is_empty() { tr(lang, "chưa nộp", "not submitted").to_owned() } else {
                        format!("{}: {}", tr(lang, "đã gửi nhưng không đạt", "sent but failed"), failed.join("; ")) } }</td>
                </tr>
            }
        })
        .collect();
    html! {
        <section class="missing">
            <h2 id="missing-title">{ tr(lang, "Đơn vị chưa nộp", "Units not submitted") }</h2>
            if rows.is_empty() {
                <p>{ tr(lang, "Mọi đơn vị đã đăng ký đều có báo cáo được tính.", "Every registered unit has a report that counts.") }</p>
            } else {
                <table aria-labelledby="missing-title" data-testid="missing">
                    <thead><tr>
                        <th scope="col">{ tr(lang, "Mã đơn vị", "Unit code") }</th>
                        <th scope="col">{ tr(lang, "Tên đơn vị", "Unit") }</th>
                        <th scope="col">{ tr(lang, "Cấp", "Tier") }</th>
                        <th scope="col">{ tr(lang, "Cụm, khối thi đua", "Cluster or block") }</th>
                        <th scope="col">{ tr(lang, "Tình trạng", "Status") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
        </section>
    }
}
