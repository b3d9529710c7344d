//! Filter the table by tier and by cluster or block (the ranking is inside each).

use super::app::Part;
use crate::i18n::words;
use crate::i18n::{group_name, tier_name};
use crate::state::Action;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

fn selected(e: &Event) -> Option<String> {
    let value = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())?
        .value();
    (!value.is_empty()).then_some(value)
}

#[function_component(Filters)]
pub fn filters(p: &Part) -> Html {
    let state = &p.state;
    let lang = state.lang;
    let (Some(season), Some(c)) = (&state.season, state.loaded_catalog()) else {
        return html! {};
    };
    let catalog = &c.catalog;
    let mut tiers: Vec<&str> = season.ranked.iter().map(|r| r.tier.as_str()).collect();
    tiers.dedup();
    let mut groups: Vec<&str> = season
        .ranked
        .iter()
        .filter(|r| state.tier.as_deref().is_none_or(|t| t == r.tier))
        .map(|r| r.group.as_str())
        .collect();
    groups.dedup();
    let on_tier = {
        let state = state.clone();
        Callback::from(move |e: Event| state.dispatch(Action::FilterTier(selected(&e))))
    };
    let on_group = {
        let state = state.clone();
        Callback::from(move |e: Event| state.dispatch(Action::FilterGroup(selected(&e))))
    };
    html! {
        <section class="filters no-print">
            <label for="filter-tier">{ words::filters::TIER.get(lang) }</label>
            <select id="filter-tier" onchange={on_tier}>
                <option value="" selected={state.tier.is_none()}>{ words::filters::ALL.get(lang) }</option>
                { for tiers.iter().map(|t| html! {
                    <option value={t.to_string()} selected={state.tier.as_deref() == Some(*t)}>{ tier_name(catalog, t, season.period, lang) }</option>
                }) }
            </select>
            <label for="filter-group">{ words::filters::CLUSTER_BLOCK.get(lang) }</label>
            <select id="filter-group" onchange={on_group}>
                <option value="" selected={state.group.is_none()}>{ words::filters::ALL.get(lang) }</option>
                { for groups.iter().map(|g| html! {
                    <option value={g.to_string()} selected={state.group.as_deref() == Some(*g)}>{ group_name(catalog, g, lang) }</option>
                }) }
            </select>
        </section>
    }
}
