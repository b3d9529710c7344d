use crate::i18n::{tr, trs};
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

/// "What is the least we must change to reach the next band?"
#[function_component(GapPlanView)]
pub fn gap_plan_view(props: &GapPlanProps) -> Html {
    let lang = props.lang;
    let Some(plan) = &props.plan else {
        return html! {
            <section class="gap" aria-labelledby="gap-title">
                <h2 id="gap-title">{ tr(lang, "Để lên mức cao hơn", "To reach the next band") }</h2>
                <p>{ tr(lang, "Đơn vị đang ở mức cao nhất.", "The unit is in the top band.") }</p>
            </section>
        };
    };
    let band = band_name(&props.catalog, &plan.target_band, lang);
    html! {
        <section class="gap" aria-labelledby="gap-title">
            <h2 id="gap-title">{ trs(lang, format!("Để đạt «{band}»"), format!("To reach “{band}”")) }</h2>
            <p>{ trs(lang, format!("Cần thêm {} điểm. Ít thay đổi nhất:", format_points(plan.deficit, lang)), format!("{} more points needed. The fewest changes:", format_points(plan.deficit, lang))) }</p>
            <ol class="steps">
                { for plan.steps.iter().map(|s| html! { <li>{ describe_step(&props.catalog, s, lang) }</li> }) }
            </ol>
            if !plan.reachable {
                <p class="warning">{ tr(lang, "Không thể đạt mức này chỉ bằng điểm tiêu chí (có điểm trừ).", "This band cannot be reached through the criteria alone (a penalty applies).") }</p>
            }
        </section>
    }
}
