use crate::shared::Shared;
use tdg_model::explain::band_name;
use tdg_model::gap::{describe_evidence_step, describe_step, words, NextYear, Step};
use tdg_model::units::format_points;
use tdg_model::{Catalog, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GapPlanProps {
    pub catalog: Shared<Catalog>,
    /// What the model says about next year (`tdg_model::gap::next_year`).
    pub next: NextYear,
    /// The evidence still missing: this year's work (`tdg_model::gap::before_signing`).
    pub before_signing: Vec<Step>,
    pub lang: Lang,
}

/// "Trước khi ký": the evidence to add this year, in its own box; then "what is the least the
/// unit must do over the coming year to reach the next band?": measures to take, never figures
/// to adjust (this year's figures are what happened), and only once the band is settled.
#[function_component(GapPlanView)]
pub fn gap_plan_view(props: &GapPlanProps) -> Html {
    let lang = props.lang;
    let catalog = &props.catalog;
    let before = if props.before_signing.is_empty() {
        html! {}
    } else {
        html! {
            <section class="before-signing" aria-labelledby="before-signing-title" data-testid="before-signing">
                <h2 id="before-signing-title">{ words::before_signing(lang) }</h2>
                <p>{ words::before_signing_intro(lang) }</p>
                <ul>{ for props.before_signing.iter().map(|s| html! { <li>{ describe_evidence_step(catalog, s, lang) }</li> }) }</ul>
            </section>
        }
    };
    let next = match &props.next {
        NextYear::Unsettled => plain(words::next_year(lang), words::unsettled(lang)),
        NextYear::TierEnds => plain(words::next_year(lang), words::tier_ends(lang)),
        NextYear::Top => plain(words::top(lang), words::at_top(lang)),
        NextYear::Plan(plan) => {
            let band = band_name(catalog, &plan.target_band, lang);
            html! {
                <section class="gap" aria-labelledby="gap-title" data-testid="gap-plan">
                    <h2 id="gap-title">{ words::title(&band, lang) }</h2>
                    <p>{ words::intro(&format_points(plan.deficit, lang), lang) }</p>
                    <ol class="steps">
                        { for plan.steps.iter().map(|s| html! { <li>{ describe_step(catalog, s, lang) }</li> }) }
                    </ol>
                    if !plan.reachable {
                        <p class="warning">{ words::unreachable(lang) }</p>
                    }
                    <p class="muted small-note">{ words::honest(lang) }</p>
                </section>
            }
        }
    };
    html! { <>{ before }{ next }</> }
}

fn plain(title: &str, text: &str) -> Html {
    html! {
        <section class="gap" aria-labelledby="gap-title" data-testid="gap-plan">
            <h2 id="gap-title">{ title.to_string() }</h2>
            <p>{ text.to_string() }</p>
        </section>
    }
}
