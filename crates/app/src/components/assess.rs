use crate::components::criterion_group::CriterionGroup;
use crate::components::error_summary::error_summary;
use crate::components::gap_plan::GapPlanView;
use crate::components::sign_panel::SignPanel;
use crate::components::summary::Summary;
use crate::i18n::{assess as words, says, unit};
use crate::shared::Shared;
use crate::state::{Action, AppState, LoadedCatalog};
use std::rc::Rc;
use tdg_model::{Assessment, ScopedSheet};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AssessProps {
    pub state: UseReducerHandle<AppState>,
    pub catalog: Shared<LoadedCatalog>,
    pub assessment: Rc<Assessment>,
    pub on_action: Callback<Action>,
}

/// Step 2: the criteria by content area, errors listed first, the summary and the gap plan
/// beside them, and signing (step 3) under them.
#[function_component(AssessScreen)]
pub fn assess_screen(props: &AssessProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let catalog = &props.catalog.catalog;
    let a = &props.assessment;
    let Some(tier) = state.tier() else {
        return html! {};
    };
    let tier_index = catalog
        .tiers
        .iter()
        .position(|t| t.id == tier.id)
        .unwrap_or(0);
    let shared = catalog.clone();
    let ScopedSheet { sheet, set_aside } = state.scoped_sheet();
    // Shared with each content area, which compares only its own answers.
    let scored = Rc::new(sheet);
    let sheet = &*scored;
    let not_this_year: Vec<&str> = set_aside
        .iter()
        .filter_map(|id| tier.criterion(id))
        .filter(|c| !c.assessed_in(sheet.period))
        .map(|c| c.text.get(lang))
        .collect();
    let next = tdg_model::gap::next_year(catalog, sheet, a);
    let before_signing = tdg_model::gap::before_signing(a);
    let variant = sheet
        .variant
        .as_deref()
        .and_then(|v| tier.variant(v))
        .map(|v| format!(" — {}", v.name.get(lang)))
        .unwrap_or_default();
    html! {
        <div class="assess">
            <div class="assess-top">
                <p class="unit-line"><strong>{ if state.draft.unit.name.is_empty() { unit::no_name(lang, unit::UnitLabels::of_sheet(&props.catalog.catalog, &state.draft.sheet, lang).name) } else { state.draft.unit.name.clone() } }</strong></p>
                <p class="muted">{ format!("{}{variant} · {} {}", tier.name_for(sheet.period).get(lang), words::YEAR.get(lang), sheet.period) }</p>
            </div>
            // The tier's own criteria not assessed this year are named (the 2025 review takes
            // the unit's plan's place); other answers set aside are counted.
            if !not_this_year.is_empty() {
                <p class="note set-aside" role="note">{ says::not_assessed_in(lang, sheet.period, &not_this_year) }</p>
            }
            if set_aside.len() > not_this_year.len() {
                <p class="note set-aside" role="note">{ says::set_aside(lang, set_aside.len() - not_this_year.len()) }</p>
            }
            { error_summary(tier, &a.errors, lang) }
            <div class="assess-grid">
                <div class="criteria">
                    { for a.groups.iter().map(|g| html! {
                        <CriterionGroup key={g.id.clone()} catalog={shared.clone()} tier={tier_index} group={g.clone()}
                            assessment={a.clone()} sheet={scored.clone()} {lang} on_action={props.on_action.clone()} />
                    }) }
                </div>
                <aside class="side">
                    <Summary catalog={catalog.clone()} assessment={a.clone()} day={state.send_day(crate::browser::today())} signed={state.signed.is_some()} {lang} />
                    <GapPlanView catalog={catalog.clone()} {next} {before_signing} {lang} />
                </aside>
            </div>
            // Signing is a step of its own, full width under the criteria: never at the bottom
            // of a scrolling side column. The step bar leads here.
            <SignPanel catalog={props.catalog.clone()} draft={state.draft.clone()} unit_key={state.key.clone()} signed={state.signed.clone()} errors={a.errors.len()} progress={crate::state::Progress::of(a)} portal_name={state.embed.portal_name()} {lang} on_action={props.on_action.clone()} />
        </div>
    }
}
