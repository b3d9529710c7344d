use crate::components::draft_history::draft_history;
use crate::components::draft_tools::DraftTools;
use crate::components::kept_drafts::kept_drafts;
use crate::components::tier_picker::TierPicker;
use crate::i18n::{document_details as doc_words, says, start as words, unit};
use crate::shared::Shared;
use crate::state::{Action, AppState, LoadedCatalog, Screen, UnitField};
use tdg_model::draft::{DocField, Draft};
use tdg_model::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub state: UseReducerHandle<AppState>,
    pub catalog: Shared<LoadedCatalog>,
    pub on_action: Callback<Action>,
}

/// Step 1: the year, the tier (and variant), the unit; or a sample unit for training; or a
/// draft file.
#[function_component(StartScreen)]
pub fn start_screen(props: &StartProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let catalog = &props.catalog.catalog;
    let draft = &state.draft;
    let unit_input = |field: UnitField| {
        props.on_action.reform(move |e: InputEvent| {
            Action::SetUnit(
                field,
                crate::browser::nfc(
                    &e.target_unchecked_into::<web_sys::HtmlInputElement>()
                        .value(),
                ),
            )
        })
    };
    let begin = props
        .on_action
        .reform(|_: MouseEvent| Action::Go(Screen::Assess));
    let tier = (!draft.sheet.tier.is_empty()).then(|| draft.sheet.tier.clone());
    let labels = unit::UnitLabels::of_sheet(catalog, &draft.sheet, lang);
    html! {
        <>
        // Who is assessed first: the unit's fields are named after the tier ("Họ và tên" for
        // a person, "Tên doanh nghiệp" for an enterprise).
        <TierPicker catalog={catalog.clone()} {lang} period={draft.sheet.period} {tier}
            variant={draft.sheet.variant.clone()} on_action={props.on_action.clone()} />
        <section class="start-unit" aria-labelledby="unit-title">
            <h2 id="unit-title">{ labels.title }</h2>
            <p class="muted">{ unit::REQUIRED_NOTE.get(lang) }</p>
            if let Some(from) = state.carried_from() {
                <p class="note unit-carried" role="note">
                    { says::unit_carried(lang, from.name_for(draft.sheet.period).get(lang)) }
                </p>
            }
            <div class="unit-fields">
                { required_field("unit-name", labels.name, &draft.unit.name, Some("organization"), unit_input(UnitField::Name), None, lang) }
                { required_field("unit-code", labels.code, &draft.unit.code, None, unit_input(UnitField::Code), labels.code_hint, lang) }
                // A person is nominated with their position and workplace (plan, individuals):
                // asked here with the name, not only when printing (review 7, M4).
                if tdg_model::draft::reports_as_individual(&draft.sheet.tier) {
                    { person_field("person-position", DocField::PersonPosition, doc_words::POSITION.get(lang), draft, &props.on_action) }
                    { person_field("person-workplace", DocField::PersonWorkplace, doc_words::WORKPLACE.get(lang), draft, &props.on_action) }
                }
                if let Some(label) = labels.group {
                    { group_field(catalog, draft, label, lang, &props.on_action, unit_input(UnitField::Group)) }
                }
            </div>
        </section>
        <div class="begin">
            <button type="button" class="primary" disabled={!state.ready_to_assess()} onclick={begin}>
                { if draft.sheet.answers.is_empty() { words::BEGIN.get(lang) } else { words::CONTINUE.get(lang) } }
            </button>
            if !state.ready_to_assess() {
                <p class="muted">{ words::CHOOSE_FIRST.get(lang) }</p>
            }
        </div>
        <Samples catalog={props.catalog.clone()} {lang} on_action={props.on_action.clone()} />
        { kept_drafts(&state.kept, lang, &props.on_action) }
        <DraftTools catalog={props.catalog.clone()} draft={draft.clone()} has_previous={!state.history.is_empty()} {lang} on_action={props.on_action.clone()} />
        { draft_history(&state.history, catalog, lang, &props.on_action) }
        // The office's page is a separate module: nothing of it is in the unit's load.
        <p class="office-link"><a href="office.html">{ words::RECEIVING_OFFICE_CHECK_COMPILE.get(lang) }</a></p>
        </>
    }
}

/// The cluster or block: picked from the catalog's list where it has one for the tier and year
/// (its id is what the report and the trust list compare), typed where no list exists.
fn group_field(
    catalog: &tdg_model::Catalog,
    draft: &Draft,
    label: &str,
    lang: Lang,
    on_action: &Callback<Action>,
    typed: Callback<InputEvent>,
) -> Html {
    let groups: Vec<_> = catalog
        .emulation_groups(&draft.sheet.tier, draft.sheet.period)
        .collect();
    if groups.is_empty() {
        return html! {
            <div class="field"><label for="unit-group">{ label.to_string() }</label>
                <input id="unit-group" type="text" value={draft.unit.group.clone()} oninput={typed} /></div>
        };
    }
    let chosen = draft.unit.group.clone();
    let listed = groups.iter().any(|g| g.id == chosen);
    let onchange = on_action.reform(|e: Event| {
        Action::SetUnit(
            UnitField::Group,
            e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value(),
        )
    });
    html! {
        <div class="field"><label for="unit-group">{ label.to_string() }</label>
            <select id="unit-group" {onchange}>
                <option value="" selected={chosen.is_empty()}>{ unit::GROUP_CHOOSE.get(lang) }</option>
                // A name typed before the list existed stays visible until the unit picks.
                if !chosen.is_empty() && !listed {
                    <option value={chosen.clone()} selected=true>{ chosen.clone() }</option>
                }
                { for groups.iter().map(|g| html! {
                    <option value={g.id.clone()} selected={g.id == chosen}>{ g.name.get(lang) }</option>
                }) }
            </select></div>
    }
}

/// A text field the unit must fill in: "(bắt buộc)" in its label (said once: no asterisk
/// beside it) and `aria-required`, with the catalog's hint where it has one. Not blocking: a
/// first look at the form needs no name, signing does.
fn required_field(
    id: &'static str,
    label: &str,
    value: &str,
    autocomplete: Option<&'static str>,
    oninput: Callback<InputEvent>,
    hint: Option<&str>,
    lang: Lang,
) -> Html {
    let hint_id = format!("{id}-hint");
    html! {
        <div class="field">
            <label for={id}>{ label.to_string() }
                <span class="required-word">{ format!(" {}", unit::REQUIRED.get(lang)) }</span></label>
            <input {id} type="text" {autocomplete} required=true aria-required="true" value={value.to_string()} {oninput}
                aria-describedby={hint.map(|_| hint_id.clone())} />
            if let Some(hint) = hint { <p class="hint" id={hint_id}>{ hint.to_string() }</p> }
        </div>
    }
}

/// A person's own line for the printed report, kept with the print's details (the same field
/// as there).
fn person_field(
    id: &'static str,
    field: DocField,
    label: &str,
    draft: &Draft,
    on_action: &Callback<Action>,
) -> Html {
    let oninput = super::document_details::edit_text(on_action, field);
    html! {
        <div class="field">
            <label for={id}>{ label.to_string() }</label>
            <input {id} type="text" value={draft.document.get(field).to_string()} {oninput} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SamplesProps {
    catalog: Shared<LoadedCatalog>,
    lang: Lang,
    on_action: Callback<Action>,
}

/// Sample units of every tier, for workshops: they load into the draft (the current draft is
/// kept as a previous draft; a sample itself is never kept, so samples cannot push a unit's own
/// drafts out).
#[function_component(Samples)]
fn samples(props: &SamplesProps) -> Html {
    let lang = props.lang;
    let choices = crate::samples::choices(&props.catalog.catalog, lang);
    let selected = use_state(|| "vi-du-xa".to_string());
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |e: Event| {
            selected.set(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            )
        })
    };
    let on_load = {
        let (selected, dispatch) = (selected.clone(), props.on_action.clone());
        let label = choices
            .iter()
            .find(|(id, _)| *id == *selected)
            .map(|(_, l)| l.clone())
            .unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            crate::samples::open((*selected).clone(), label.clone(), None, dispatch.clone())
        })
    };
    html! {
        <section class="samples" aria-labelledby="samples-title">
            <h2 id="samples-title">{ words::SAMPLES_TITLE.get(lang) }</h2>
            <div class="field">
                <label for="sample">{ words::CHOOSE_SAMPLE.get(lang) }</label>
                <select id="sample" onchange={on_select}>
                    { for choices.iter().map(|(id, label)| html! { <option value={id.clone()} selected={*id == *selected}>{ label.clone() }</option> }) }
                </select>
            </div>
            <button type="button" onclick={on_load}>{ words::OPEN_SAMPLE.get(lang) }</button>
        </section>
    }
}
