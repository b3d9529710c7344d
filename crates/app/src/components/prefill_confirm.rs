use crate::i18n::tr;
use crate::state::{Action, EmbedAction};
use tdg_model::draft::Draft;
use tdg_model::Lang;
use tdg_portal::protocol::Configure;
use yew::prelude::*;

/// The host page offered values that would replace what the user entered: both are shown and
/// the user chooses (nothing typed is overwritten without asking). A view function.
pub fn prefill_confirm(
    waiting: &Configure,
    draft: &Draft,
    lang: Lang,
    on_action: &Callback<Action>,
) -> Html {
    let sheet = &draft.sheet;
    let rows: Vec<(&str, String, String)> = [
        (
            tr(lang, "Tên đơn vị", "Unit name"),
            waiting.unit_name.clone(),
            draft.unit.name.clone(),
        ),
        (
            tr(lang, "Mã đơn vị", "Unit code"),
            waiting.unit_code.clone(),
            draft.unit.code.clone(),
        ),
        (
            tr(lang, "Cụm, khối thi đua", "Emulation cluster or block"),
            waiting.cluster.clone(),
            draft.unit.group.clone(),
        ),
        (
            tr(lang, "Năm đánh giá", "Assessment year"),
            waiting.period.map(|p| p.to_string()),
            sheet.period.to_string(),
        ),
        (
            tr(lang, "Đối tượng", "Tier"),
            waiting.tier.clone(),
            sheet.tier.clone(),
        ),
        (
            tr(lang, "Phân loại", "Type"),
            waiting.variant.clone(),
            sheet.variant.clone().unwrap_or_default(),
        ),
    ]
    .into_iter()
    .filter_map(|(label, offered, current)| offered.map(|o| (label, current, o)))
    .collect();
    let accept = on_action.reform(|_: MouseEvent| Action::Embed(EmbedAction::AcceptPrefill));
    let decline = on_action.reform(|_: MouseEvent| Action::Embed(EmbedAction::DeclinePrefill));
    html! {
        <div class="tab-conflict" role="group" aria-labelledby="prefill-title" data-testid="prefill-confirm">
            <p id="prefill-title"><strong>{ tr(lang,
                "Trang nhúng công cụ đề nghị điền sẵn thông tin khác với thông tin bạn đã nhập:",
                "The page embedding the tool offers details that differ from what you entered:") }</strong></p>
            <ul>
                { for rows.into_iter().map(|(label, current, offered)| html! {
                    <li>{ format!("{label}: {} “{current}” — {} “{offered}”",
                        tr(lang, "bạn đã nhập", "you entered"), tr(lang, "trang nhúng đề nghị", "the page offers")) }</li>
                }) }
            </ul>
            <div class="buttons">
                <button type="button" onclick={accept}>{ tr(lang, "Dùng thông tin của trang nhúng", "Use the page's details") }</button>
                <button type="button" onclick={decline}>{ tr(lang, "Giữ thông tin đã nhập", "Keep what I entered") }</button>
            </div>
        </div>
    }
}
