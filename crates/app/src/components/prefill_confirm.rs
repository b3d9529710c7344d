use crate::i18n::prefill_confirm as words;
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
            crate::i18n::unit::NAME.get(lang),
            waiting.unit_name.clone(),
            draft.unit.name.clone(),
        ),
        (
            crate::i18n::unit::CODE.get(lang),
            waiting.unit_code.clone(),
            draft.unit.code.clone(),
        ),
        (
            crate::i18n::unit::GROUP.get(lang),
            waiting.cluster.clone(),
            draft.unit.group.clone(),
        ),
        (
            words::ASSESSMENT_YEAR.get(lang),
            waiting.period.map(|p| p.to_string()),
            sheet.period.to_string(),
        ),
        (
            words::TIER.get(lang),
            waiting.tier.clone(),
            sheet.tier.clone(),
        ),
        (
            words::TYPE.get(lang),
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
            <p id="prefill-title"><strong>{ words::PAGE_EMBEDDING_TOOL_OFFERS.get(lang) }</strong></p>
            <ul>
                { for rows.into_iter().map(|(label, current, offered)| html! {
                    <li>{ format!("{label}: {} “{current}” — {} “{offered}”",
                        words::ENTERED.get(lang), words::PAGE_OFFERS.get(lang)) }</li>
                }) }
            </ul>
            <div class="buttons">
                <button type="button" onclick={accept}>{ words::USE_PAGE_DETAILS.get(lang) }</button>
                <button type="button" onclick={decline}>{ words::KEEP_WHAT_I_ENTERED.get(lang) }</button>
            </div>
        </div>
    }
}
