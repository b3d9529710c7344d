use crate::i18n::{gap as words, says};
use crate::shared::Shared;
use tdg_model::explain::band_name;
use tdg_model::gap::{describe_step, GapPlan};
use tdg_model::units::format_points;
use tdg_model::{Catalog, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GapPlanProps {
    pub catalog: Shared<Catalog>,
    pub plan: Option<GapPlan>,
    pub lang: Lang,
}

/// "What is the least the unit must do over the coming year to reach the next band?": measures
/// to take, never figures to adjust (this year's figures are what happened).
#[function_component(GapPlanView)]
pub fn gap_plan_view(props: &GapPlanProps) -> Html {
    let lang = props.lang;
    let Some(plan) = &props.plan else {
        return html! {
            <section class="gap" aria-labelledby="gap-title">
                <h2 id="gap-title">{ words::TOP.get(lang) }</h2>
                <p>{ words::AT_TOP.get(lang) }</p>
            </section>
        };
    };
    let band = band_name(&props.catalog, &plan.target_band, lang);
    html! {
        <section class="gap" aria-labelledby="gap-title">
            <h2 id="gap-title">{ says::gap_title(lang, &band) }</h2>
            <p>{ says::gap_intro(lang, &format_points(plan.deficit, lang)) }</p>
            <ol class="steps">
                { for plan.steps.iter().map(|s| html! { <li>{ describe_step(&props.catalog, s, lang) }</li> }) }
            </ol>
            if !plan.reachable {
                <p class="warning">{ words::UNREACHABLE.get(lang) }</p>
            }
            <p class="muted small-note">{ words::HONEST.get(lang) }</p>
        </section>
    }
}
