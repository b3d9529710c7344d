use crate::components::criterion_card::CriterionCard;
use crate::components::gap_plan::GapPlanView;
use crate::components::sign_panel::SignPanel;
use crate::components::summary::Summary;
use crate::i18n::{tr, trs};
use crate::shared::Shared;
use crate::state::{Action, AppState, LoadedCatalog, Screen};
use std::rc::Rc;
use tdg_model::units::format_points;
use tdg_model::{Assessment, ScopedSheet};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AssessProps {
    pub state: UseReducerHandle<AppState>,
    pub catalog: Shared<LoadedCatalog>,
    pub assessment: Rc<Assessment>,
    pub on_action: Callback<Action>,
}

/// Step 2: the criteria by content area, with the summary, the gap plan and signing beside them.
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
    let plan = tdg_model::gap::plan(catalog, &sheet, a);
    let variant = sheet
        .variant
        .as_deref()
        .and_then(|v| tier.variant(v))
        .map(|v| format!(" — {}", v.name.get(lang)))
        .unwrap_or_default();
    let to_start = props
        .on_action
        .reform(|_: MouseEvent| Action::Go(Screen::Start));
    let to_print = props
        .on_action
        .reform(|_: MouseEvent| Action::Go(Screen::Print));
    html! {
        <div class="assess">
            <div class="assess-top">
                <div>
                    <p class="unit-line"><strong>{ if state.draft.unit.name.is_empty() { tr(lang, "(chưa nhập tên đơn vị)", "(no unit name yet)").to_string() } else { state.draft.unit.name.clone() } }</strong></p>
                    <p class="muted">{ format!("{}{variant} · {} {}", tier.name.get(lang), tr(lang, "năm", "year"), sheet.period) }</p>
                </div>
                <div class="buttons">
                    <button type="button" onclick={to_start}>{ tr(lang, "← Đơn vị, đối tượng, bản nháp", "← Unit, tier, draft") }</button>
                    <button type="button" onclick={to_print}>{ tr(lang, "Bản in", "Printable copy") }</button>
                </div>
            </div>
            if !set_aside.is_empty() {
                <p class="note set-aside" role="note">{ trs(lang,
                    format!("{} câu trả lời đã nhập cho cấp hoặc phân loại khác vẫn được giữ trong bản nháp, nhưng không được chấm điểm và không đưa vào báo cáo.", set_aside.len()),
                    format!("{} answer(s) typed for another tier or type are kept in the draft, but are not scored and do not go into the report.", set_aside.len())) }</p>
            }
            <div class="assess-grid">
                <div class="criteria">
                    { for a.groups.iter().map(|g| {
                        let group = catalog.group(&g.id);
                        html! {
                            <section class="group" aria-labelledby={format!("g-{}", g.id)}>
                                <h2 id={format!("g-{}", g.id)}>
                                    { format!("{} {}", g.id, group.map(|x| x.name.get(lang)).unwrap_or("")) }
                                    <span class="group-points">{ trs(lang, format!("{}/{} điểm", format_points(g.points, lang), format_points(g.max, lang)), format!("{}/{} points", format_points(g.points, lang), format_points(g.max, lang))) }</span>
                                </h2>
                                { for tier.indexed_criteria_for(sheet.variant.as_deref()).zip(a.criteria.iter()).filter(|(_, r)| r.group == g.id).map(|((index, c), r)| html! {
                                    <CriterionCard key={c.id.clone()} catalog={shared.clone()} tier={tier_index} {index} result={r.clone()}
                                        answer={sheet.answers.get(&c.id).cloned()}
                                        errors={a.errors.iter().filter(|e| e.criterion == c.id).cloned().collect::<Vec<_>>()}
                                        {lang} on_action={props.on_action.clone()} />
                                }) }
                            </section>
                        }
                    }) }
                </div>
                <aside class="side">
                    <Summary catalog={catalog.clone()} assessment={a.clone()} {lang} />
                    <GapPlanView catalog={catalog.clone()} {plan} {lang} />
                    <SignPanel catalog={props.catalog.clone()} draft={state.draft.clone()} unit_key={state.key.clone()} signed={state.signed.clone()} open={a.open} errors={a.errors.len()} {lang} on_action={props.on_action.clone()} />
                </aside>
            </div>
            // On narrow screens the summary sits below the criteria: this bar keeps the total in
            // view (the full summary above is what screen readers use).
            <div class="mini-summary" aria-hidden="true">
                <span>{ tr(lang, "Tổng điểm", "Total") }</span>
                <strong>{ format!("{}/100", format_points(a.total, lang)) }</strong>
                <span>{ tdg_model::explain::band_name(catalog, &a.band, lang) }</span>
            </div>
        </div>
    }
}
