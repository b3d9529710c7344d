use crate::i18n::{t, Msg};
use crate::shared::Shared;
use crate::state::Action;
use tdg_model::{Catalog, Lang, Tier};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TierPickerProps {
    pub catalog: Shared<Catalog>,
    pub lang: Lang,
    pub period: i32,
    pub tier: Option<String>,
    pub variant: Option<String>,
    pub on_action: Callback<Action>,
}

/// The year, then the tiers of the catalog as radio buttons (and the variant, where the tier has some).
#[function_component(TierPicker)]
pub fn tier_picker(props: &TierPickerProps) -> Html {
    let lang = props.lang;
    let catalog = &props.catalog;
    let last = catalog.periods.to.unwrap_or(catalog.periods.from + 10);
    let on_period = props.on_action.reform(|e: Event| {
        let value = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .and_then(|s| s.value().parse().ok())
            .unwrap_or(crate::state::DEFAULT_PERIOD);
        Action::SetPeriod(value)
    });
    html! {
        <section class="start" aria-labelledby="choose-tier">
            // The heading names the section; the legend below asks the question (said once).
            <h2 id="choose-tier">{ t(lang, Msg::YearAndTier) }</h2>
            <p class="period-note">{ catalog.period_note.get(lang) }</p>
            <label for="period">{ t(lang, Msg::Period) }</label>
            <select id="period" onchange={on_period}>
                { for (catalog.periods.from..=last).rev().map(|y| html! {
                    <option value={y.to_string()} selected={y == props.period}>{ y }</option>
                }) }
            </select>
            <fieldset class="tiers">
                <legend>{ t(lang, Msg::ChooseTier) }</legend>
                { for catalog.tiers.iter().map(|tier| tier_option(props, tier)) }
            </fieldset>
            { variant_choice(props) }
        </section>
    }
}

fn tier_option(props: &TierPickerProps, tier: &Tier) -> Html {
    let lang = props.lang;
    let usable = tier.periods.contains(props.period);
    let checked = props.tier.as_deref() == Some(tier.id.as_str());
    let id = format!("tier-{}", tier.id);
    let tier_id = tier.id.clone();
    let onchange = props
        .on_action
        .reform(move |_: Event| Action::ChooseTier(tier_id.clone()));
    // The criteria of the chosen year (the phase-1 review is assessed in 2025 only).
    let assessed: Vec<_> = tier
        .criteria
        .iter()
        .filter(|c| c.assessed_in(props.period))
        .collect();
    let from_plan = assessed.iter().filter(|c| c.provenance.is_plan()).count();
    html! {
        <div class={classes!("tier", checked.then_some("chosen"), (!usable).then_some("unusable"))}>
            <input type="radio" name="tier" id={id.clone()} value={tier.id.clone()}
                checked={checked} disabled={!usable} {onchange} />
            <label for={id}>
                <span class="tier-name">{ tier.name_for(props.period).get(lang) }</span>
                <span class="tier-members">{ tier.members.get(lang) }</span>
                <span class="tier-count">
                    { format!("{} {} ({} {}, {} {})", assessed.len(), t(lang, Msg::CriteriaCount),
                        from_plan, t(lang, Msg::FromPlan), assessed.len() - from_plan, t(lang, Msg::DefaultModel)) }
                </span>
                if !usable { <span class="tier-unusable">{ t(lang, Msg::NoTierForPeriod) }</span> }
            </label>
        </div>
    }
}

fn variant_choice(props: &TierPickerProps) -> Html {
    let lang = props.lang;
    let Some(tier) = props.tier.as_deref().and_then(|id| props.catalog.tier(id)) else {
        return html! {};
    };
    if tier.variants.is_empty() {
        return html! {};
    }
    html! {
        <fieldset class="variants">
            <legend>{ t(lang, Msg::Variant) }</legend>
            { for tier.variants.iter().map(|v| {
                let id = format!("variant-{}", v.id);
                let vid = v.id.clone();
                let onchange = props.on_action.reform(move |_: Event| Action::ChooseVariant(vid.clone()));
                html! {
                    <div class="variant">
                        <input type="radio" name="variant" id={id.clone()} value={v.id.clone()}
                            checked={props.variant.as_deref() == Some(v.id.as_str())} {onchange} />
                        <label for={id}>{ v.name.get(lang) }</label>
                    </div>
                }
            }) }
        </fieldset>
    }
}
