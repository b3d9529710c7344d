//! The appraisal (thẩm định) of one unit: an appraised score per criterion with a reason. Kept
//! in this browser (`storage.rs`) and in the season's appraisal file, never in the signed
//! report; the rules (limits, the recomputed total and band) are `tdg_office::appraisal`'s.

use super::app::Part;
use crate::i18n::points;
use crate::i18n::words;
use crate::state::Action;
use crate::storage;
use std::collections::BTreeMap;
use tdg_model::Lang;
use tdg_office::appraisal::{check_criterion, parse_points, CriterionAppraisal, UnitAppraisal};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// An appraisal refused: said in the criterion's row, next to the field at fault
/// (walk-through M1), with the criterion named in its own words for whoever hears it alone.
#[derive(Clone, PartialEq)]
struct RowError {
    criterion: String,
    /// The reason's field is at fault (else the points').
    reason: bool,
    text: tdg_model::Text,
}

fn value(e: &InputEvent) -> String {
    e.target()
        .and_then(|t| {
            t.dyn_ref::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| {
                    t.dyn_ref::<web_sys::HtmlTextAreaElement>()
                        .map(|i| i.value())
                })
        })
        .unwrap_or_default()
}

/// A criterion's own words in `lang`; its id only if the catalog does not have it.
fn criterion_name(catalog: &tdg_model::Catalog, tier: &str, id: &str, lang: Lang) -> String {
    catalog
        .tier(tier)
        .and_then(|t| t.criterion(id))
        .map_or_else(|| id.to_string(), |c| c.text.get(lang).to_string())
}

/// Brings the editor's heading into view and gives it the focus.
fn focus_heading() {
    let heading = gloo::utils::document()
        .get_element_by_id("appraisal-title")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        heading.scroll_into_view();
        // A failed focus (the element just went away) leaves the page as it was.
        let _ = heading.focus();
    }
}

#[function_component(AppraisalEditor)]
pub fn appraisal_editor(p: &Part) -> Html {
    let state = &p.state;
    let lang = state.lang;
    // Per criterion: the typed points and reason; filled from the stored appraisal on opening.
    let typed = use_state(BTreeMap::<String, (String, String)>::new);
    let error = use_state(|| None::<RowError>);
    let editing = state.editing;
    {
        let typed = typed.clone();
        let error = error.clone();
        let start: BTreeMap<String, (String, String)> = editing
            .zip(state.season.as_ref())
            .and_then(|(e, s)| {
                let entry = s.entries.get(e)?;
                let unit = state.appraisals.unit(&entry.unit.tier, &entry.unit.code)?;
                Some(
                    unit.criteria
                        .iter()
                        .map(|c| {
                            (
                                c.criterion.clone(),
                                (points(c.milli_points, lang), c.reason.clone()),
                            )
                        })
                        .collect(),
                )
            })
            .unwrap_or_default();
        use_effect_with(editing, move |editing| {
            typed.set(start);
            error.set(None);
            // The editor is drawn below the whole table: without this, "Thẩm định" seemed to
            // do nothing (walk-through H2). The focus goes to its heading, which is scrolled
            // into view, so a keyboard or screen-reader user lands in it too.
            if editing.is_some() {
                focus_heading();
            }
        });
    }
    let (Some(e), Some(season), Some(c)) = (editing, &state.season, state.loaded_catalog()) else {
        return html! {};
    };
    let Some(entry) = season.entries.get(e) else {
        return html! {};
    };
    let catalog = c.catalog.clone();
    let tier = catalog.tier(&entry.unit.tier);
    let save = {
        let state = state.clone();
        let typed = typed.clone();
        let error = error.clone();
        let entry = entry.clone();
        let catalog = catalog.clone();
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            let mut criteria = Vec::new();
            for (id, (pts, reason)) in typed.iter() {
                if pts.trim().is_empty() && reason.trim().is_empty() {
                    continue;
                }
                // Named as the office reads it, never by its id (walk-through M1).
                let name = |lang| criterion_name(&catalog, &entry.unit.tier, id, lang);
                let Some(milli_points) = parse_points(pts) else {
                    error.set(Some(RowError {
                        criterion: id.clone(),
                        reason: false,
                        text: words::appraisal_editor::not_a_number(
                            &name(Lang::Vi),
                            &name(Lang::En),
                        ),
                    }));
                    return;
                };
                let c = CriterionAppraisal {
                    criterion: id.clone(),
                    milli_points,
                    reason: reason.trim().to_owned(),
                };
                if let Err(e) = check_criterion(&catalog, &entry.unit.tier, &c, id) {
                    error.set(Some(RowError {
                        criterion: id.clone(),
                        reason: e.at.ends_with("/reason"),
                        text: words::appraisal_editor::about(
                            &name(Lang::Vi),
                            &name(Lang::En),
                            &e.text,
                        ),
                    }));
                    return;
                }
                criteria.push(c);
            }
            let unit = UnitAppraisal {
                tier: entry.unit.tier.clone(),
                unit_code: entry.unit.code.clone(),
                criteria,
            };
            let mut file = (*state.appraisals).clone();
            file.set(unit.clone());
            if !storage::save_appraisals(&file) {
                state.dispatch(Action::Notify(crate::state::Notice::error(
                    words::appraisal_editor::NOT_STORED.vi,
                    words::appraisal_editor::NOT_STORED.en,
                )));
            }
            state.dispatch(Action::Appraise(unit));
        })
    };
    let cancel = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Edit(None)))
    };
    let rows = entry.criteria.iter().map(|cp| {
        let label = tier
            .and_then(|t| t.criterion(&cp.id))
            .map_or_else(|| cp.id.clone(), |k| k.text.get(lang).to_owned());
        let (pts, reason) = typed.get(&cp.id).cloned().unwrap_or_default();
        let set = |which: usize| {
            let typed = typed.clone();
            let id = cp.id.clone();
            Callback::from(move |e: InputEvent| {
                let mut map = (*typed).clone();
                let slot = map.entry(id.clone()).or_default();
                if which == 0 { slot.0 = value(&e) } else { slot.1 = value(&e) }
                typed.set(map);
            })
        };
        let pid = format!("appraise-{}", cp.id);
        let rid = format!("reason-{}", cp.id);
        let eid = format!("appraise-error-{}", cp.id);
        let wrong = error.as_ref().filter(|e| e.criterion == cp.id);
        // The field at fault points at the message under it.
        let at = |reason_field: bool| {
            wrong
                .filter(|e| e.reason == reason_field)
                .map(|_| eid.clone())
        };
        let invalid = |reason_field: bool| at(reason_field).is_some().to_string();
        html! {
            <tr class={classes!(wrong.is_some().then_some("invalid"))}>
                <th scope="row">{ label }</th>
                <td class="num">{ format!("{} / {}", points(cp.points, lang), points(cp.max, lang)) }</td>
                <td><label class="sr-only" for={pid.clone()}>{ words::appraisal_editor::APPRAISED_POINTS.get(lang) }</label>
                    <input id={pid} inputmode="decimal" value={pts} oninput={set(0)} size="6"
                        aria-invalid={invalid(false)} aria-describedby={at(false)} />
                    if let Some(e) = wrong.filter(|e| !e.reason) {
                        <p id={eid.clone()} class="field-error" role="alert">{ e.text.get(lang).to_owned() }</p>
                    }
                </td>
                <td><label class="sr-only" for={rid.clone()}>{ words::appraisal_editor::REASON.get(lang) }</label>
                    <textarea id={rid} value={reason} oninput={set(1)} rows="1"
                        aria-invalid={invalid(true)} aria-describedby={at(true)} />
                    if let Some(e) = wrong.filter(|e| e.reason) {
                        <p id={eid.clone()} class="field-error" role="alert">{ e.text.get(lang).to_owned() }</p>
                    }
                </td>
            </tr>
        }
    });
    html! {
        <section class="appraisal no-print" aria-labelledby="appraisal-title">
            <h2 id="appraisal-title" tabindex="-1">{ words::appraisal_editor::title(lang, &entry.unit.name, &entry.unit.code) }</h2>
            <p class="hint">{ words::appraisal_editor::HINT.get(lang) }</p>
            <form onsubmit={save}>
                <table>
                    <thead><tr>
                        <th scope="col">{ words::appraisal_editor::CRITERION.get(lang) }</th>
                        <th scope="col">{ words::appraisal_editor::SELF_MAXIMUM.get(lang) }</th>
                        <th scope="col">{ words::appraisal_editor::APPRAISED_POINTS.get(lang) }</th>
                        <th scope="col">{ words::appraisal_editor::REASON.get(lang) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                if error.is_some() {
                    // The message itself is in the criterion's row; this says where to look.
                    <p class="error">{ words::appraisal_editor::NOT_SAVED_SEE_ERROR.get(lang) }</p>
                }
                <button type="submit" class="primary">{ words::appraisal_editor::SAVE_APPRAISAL.get(lang) }</button>
                {" "}<button type="button" onclick={cancel}>{ words::common::CLOSE.get(lang) }</button>
            </form>
        </section>
    }
}
