use crate::components::error_summary::field_anchor;
use crate::components::evidence_editor::EvidenceEditor;
use crate::components::number_input::NumberInput;
use crate::i18n::{assess as words, says};
use crate::shared::Shared;
use crate::state::{Action, AnswerEdit};
use tdg_model::catalog::{Criterion, EvidenceRule, Measure, Provenance, MATURITY_LEVELS};
use tdg_model::explain::explain_criterion;
use tdg_model::field_label::{error_text, field_label, field_name, Field};
use tdg_model::score::{AnswerError, Basis, CriterionResult};
use tdg_model::units::{format_points, format_share};
use tdg_model::Catalog;
use tdg_model::{Answer, Lang, Status};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CriterionCardProps {
    /// The catalog (compared by identity) and where the criterion is in it.
    pub catalog: Shared<Catalog>,
    pub tier: usize,
    pub index: usize,
    /// The year assessed: a criterion's target may differ by year (`Criterion::targets`).
    pub period: i32,
    pub result: CriterionResult,
    pub answer: Option<Answer>,
    pub errors: Vec<AnswerError>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// The errors of one criterion, each said once, by the field it is about.
struct FieldErrors<'a> {
    criterion: &'a Criterion,
    errors: &'a [AnswerError],
    lang: Lang,
}

impl FieldErrors<'_> {
    /// The message for `field`, in the criterion's own words.
    fn of(&self, field: Field) -> Option<AttrValue> {
        self.errors
            .iter()
            .find(|e| Field::parse(&e.field) == field)
            .map(|e| AttrValue::from(error_text(Some(self.criterion), e, self.lang)))
    }

    /// Messages about no input of this card (an imported answer with a field this criterion
    /// does not take, or about the whole answer): said once, at the top of the answer.
    fn unplaced(&self) -> Vec<String> {
        let card = format!("c-{}", self.criterion.id);
        self.errors
            .iter()
            .filter(|e| field_anchor(self.criterion, Field::parse(&e.field)) == card)
            .map(|e| error_text(Some(self.criterion), e, self.lang))
            .collect()
    }

    /// The evidence items' messages, by position.
    fn evidence(&self) -> Vec<(usize, AttrValue)> {
        self.errors
            .iter()
            .filter_map(|e| match Field::parse(&e.field) {
                Field::Evidence(i) => Some((
                    i,
                    AttrValue::from(error_text(Some(self.criterion), e, self.lang)),
                )),
                _ => None,
            })
            .collect()
    }
}

/// One criterion: the plan's wording and where it comes from, an input that fits its kind,
/// its evidence, its points and why.
/// The id of a criterion card's title: the card is labelled by it, and its evidence buttons are
/// described by it.
pub fn title_id(criterion: &str) -> String {
    format!("c-{criterion}-title")
}

#[function_component(CriterionCard)]
pub fn criterion_card(props: &CriterionCardProps) -> Html {
    let lang = props.lang;
    let Some(c) = props
        .catalog
        .tiers
        .get(props.tier)
        .and_then(|t| t.criteria.get(props.index))
    else {
        return html! {};
    };
    let r = &props.result;
    let answer = props.answer.clone().unwrap_or_default();
    let id = c.id.clone();
    let on_edit = {
        let id = id.clone();
        props
            .on_action
            .reform(move |edit: AnswerEdit| Action::Edit {
                criterion: id.clone(),
                edit,
            })
    };
    let errors = FieldErrors {
        criterion: c,
        errors: &props.errors,
        lang,
    };
    let unplaced = errors.unplaced();
    let (status_class, status_text) = status(r, lang);
    let (points, max) = (format_points(r.points, lang), format_points(r.max, lang));
    // Not applicable is not zero of the maximum: "— · Không áp dụng (không tính 12 điểm)".
    let na = r.status == Status::NotApplicable;
    // The evidence is for the reason as soon as "không áp dụng" is chosen, before the reason is
    // written (review 7, L7: until then the status is "incomplete", not "not applicable").
    let na_chosen = answer.not_applicable.is_some();
    html! {
        // tabindex -1: the error summary can move the focus here for an error about the whole answer.
        <article class={classes!("criterion", status_class)} id={format!("c-{id}")} tabindex="-1" aria-labelledby={title_id(&id)}>
            <header>
                <h3 id={title_id(&id)}>{ c.text.get(lang) }</h3>
                if na {
                    <p class="points">
                        <strong>{ "—" }</strong>
                        <span class="status-text">{ says::not_applicable_status(lang, &max) }</span>
                    </p>
                } else {
                    <p class="points" aria-label={says::points_label(lang, &points, &max)}>
                        <strong>{ points.clone() }</strong>{ format!("/{max}") }
                        <span class="status-text">{ status_text }</span>
                    </p>
                }
            </header>
            { provenance(&props.catalog, c, lang) }
            <details class="help"><summary>{ words::HOW_TO_ANSWER.get(lang) }</summary><p>{ c.help.get(lang) }</p></details>
            if !unplaced.is_empty() {
                <div class="answer-error">
                    { for unplaced.iter().map(|m| html! { <p class="field-error">{ m.clone() }</p> }) }
                </div>
            }
            { not_applicable(c, &answer, lang, &on_edit, &errors) }
            if answer.not_applicable.is_none() {
                <div class="inputs">{ inputs(c, props.period, &answer, &r.basis, lang, &on_edit, &errors) }</div>
            }
            <p class="why"><span class="why-label">{ words::WHY.get(lang) }</span>{ explain_criterion(c, r, lang) }</p>
            <EvidenceEditor criterion={AttrValue::from(id.clone())} evidence={answer.evidence.clone()}
                required={c.evidence == EvidenceRule::Required && !na_chosen} for_reason={na_chosen} errors={errors.evidence()} {lang} on_edit={on_edit.clone()} />
        </article>
    }
}

fn status(r: &CriterionResult, lang: Lang) -> (&'static str, String) {
    match r.status {
        Status::Open => ("open", words::NOT_ANSWERED.get(lang).into()),
        Status::Incomplete => ("open", words::INCOMPLETE.get(lang).into()),
        Status::Invalid => ("invalid", words::TO_CORRECT.get(lang).into()),
        Status::MissingEvidence => (
            "missing-evidence",
            says::missing_evidence_status(lang, &format_points(r.potential, lang)),
        ),
        Status::Scored => ("scored", words::SCORED.get(lang).into()),
        Status::NotApplicable => ("scored", words::NOT_APPLICABLE.get(lang).into()),
    }
}

fn provenance(catalog: &Catalog, c: &Criterion, lang: Lang) -> Html {
    match &c.provenance {
        Provenance::Plan { section, quote } => html! {
            <details class="provenance plan">
                <summary>{ says::from_plan(lang, &catalog.citation(section, lang)) }</summary>
                <blockquote lang="vi">{ format!("“{quote}”") }</blockquote>
                if !c.model_note.is_blank() { <p>{ c.model_note.get(lang) }</p> }
            </details>
        },
        Provenance::DefaultModel { reason } => html! {
            <details class="provenance default-model">
                <summary>{ words::DEFAULT_SCORING.get(lang) }</summary>
                <p>{ reason.get(lang) }</p>
            </details>
        },
    }
}

/// "Không áp dụng", where the catalog allows it: a choice that says when it is meant, and the
/// reason the unit gives. Chosen, it replaces the figures (a criterion that does not apply has
/// none) and the total is rescaled over the applicable maximum.
fn not_applicable(
    c: &Criterion,
    answer: &Answer,
    lang: Lang,
    on_edit: &Callback<AnswerEdit>,
    errors: &FieldErrors,
) -> Html {
    let Some(rule) = &c.not_applicable else {
        return html! {};
    };
    let (choice_id, reason_id) = (
        field_anchor(c, Field::NotApplicable),
        field_anchor(c, Field::NotApplicableReason),
    );
    let hint_id = format!("{choice_id}-hint");
    let chosen = answer.not_applicable.is_some();
    let on_choose = on_edit.reform(|e: Event| {
        AnswerEdit::NotApplicable(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked(),
        )
    });
    let on_reason = on_edit.reform(|e: InputEvent| {
        AnswerEdit::NotApplicableReason(
            e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                .value(),
        )
    });
    let reason = answer
        .not_applicable
        .as_ref()
        .map(|n| n.reason.clone())
        .unwrap_or_default();
    let reason_error = errors.of(Field::NotApplicableReason);
    let reason_error_id = format!("{reason_id}-error");
    html! {
        <div class="not-applicable">
            <div class="choice">
                <input type="checkbox" id={choice_id.clone()} checked={chosen} onchange={on_choose}
                    aria-describedby={hint_id.clone()} />
                <label for={choice_id}>{ words::NOT_APPLICABLE_CHOICE.get(lang) }{ words::NOT_APPLICABLE_CLEARS.get(lang) }</label>
            </div>
            <p class="hint" id={hint_id}>{ format!("{}. {}", rule.when.get(lang).trim_end_matches('.'), words::NOT_APPLICABLE_EFFECT.get(lang)) }</p>
            if chosen {
                <div class="field">
                    <label for={reason_id.clone()}>{ field_name(c, Field::NotApplicableReason, lang) }
                        if rule.reason_required { { format!(" {}", crate::i18n::unit::REQUIRED.get(lang)) } }</label>
                    <textarea id={reason_id} value={reason} oninput={on_reason} rows="2"
                        aria-required={rule.reason_required.to_string()}
                        aria-invalid={reason_error.is_some().to_string()}
                        aria-describedby={reason_error.is_some().then(|| reason_error_id.clone())} />
                    if let Some(error) = reason_error {
                        <p class="field-error" id={reason_error_id}>{ error }</p>
                    }
                </div>
            }
        </div>
    }
}

fn inputs(
    c: &Criterion,
    period: i32,
    answer: &Answer,
    basis: &Basis,
    lang: Lang,
    on_edit: &Callback<AnswerEdit>,
    errors: &FieldErrors,
) -> Html {
    let id = &c.id;
    let label = |field| AttrValue::from(field_label(c, period, field, lang));
    let anchor = |field| AttrValue::from(field_anchor(c, field));
    // The year's target, as the model scores it (the measure's own one is the default).
    match &*c.measure_for(period) {
        Measure::Ratio { target, .. } => {
            // The share the model computed (none while the answer is incomplete or wrong).
            let share = match basis {
                Basis::Ratio { share, .. } => format_share(*share, lang),
                _ => "—".into(),
            };
            html! { <>
                <NumberInput id={anchor(Field::Numerator)} label={label(Field::Numerator)} value={answer.numerator} {lang}
                    error={errors.of(Field::Numerator)} on_change={on_edit.reform(AnswerEdit::Numerator)} />
                <NumberInput id={anchor(Field::Denominator)} label={label(Field::Denominator)} value={answer.denominator} {lang}
                    error={errors.of(Field::Denominator)} on_change={on_edit.reform(AnswerEdit::Denominator)} />
                <p class="share" aria-live="polite">{ says::share_line(lang, &share, &format_share(*target, lang)) }</p>
            </> }
        }
        Measure::YesNo => radio_group(
            id,
            &label(Field::Yes),
            &[
                ("yes", words::DONE.get(lang).to_string()),
                ("no", words::NOT_DONE.get(lang).to_string()),
            ],
            answer.yes.map(|y| if y { "yes" } else { "no" }.to_string()),
            errors.of(Field::Yes),
            on_edit.reform(|v: String| AnswerEdit::Yes(Some(v == "yes"))),
        ),
        Measure::Levels { levels } => {
            let options: Vec<(&str, String)> = levels
                .iter()
                .map(|l| {
                    (
                        l.id.as_str(),
                        format!("{} ({})", l.name.get(lang), format_share(l.share, lang)),
                    )
                })
                .collect();
            radio_group(
                id,
                &label(Field::Level),
                &options,
                answer.level.clone(),
                errors.of(Field::Level),
                on_edit.reform(|v: String| AnswerEdit::Level(Some(v))),
            )
        }
        Measure::Count { .. } => html! {
            <NumberInput id={anchor(Field::Count)} label={label(Field::Count)}
                value={answer.count} {lang} error={errors.of(Field::Count)} on_change={on_edit.reform(AnswerEdit::Count)} />
        },
        Measure::Maturity { .. } => {
            let on_change = on_edit.reform(|e: Event| {
                let v = e
                    .target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value();
                AnswerEdit::Maturity(v.parse().ok())
            });
            let select_id = field_anchor(c, Field::Maturity);
            let error = errors.of(Field::Maturity);
            let error_id = format!("{select_id}-error");
            html! {
                <div class="field">
                    <label for={select_id.clone()}>{ label(Field::Maturity) }</label>
                    <select id={select_id.clone()} onchange={on_change} aria-invalid={error.is_some().to_string()}
                        aria-describedby={error.is_some().then(|| error_id.clone())}>
                        <option value="" selected={answer.maturity.is_none()}>{ words::NOT_CHOSEN.get(lang) }</option>
                        { for MATURITY_LEVELS.iter().enumerate().map(|(i, (vi, en))| html! {
                            <option value={i.to_string()} selected={answer.maturity == Some(i as i64)}>{ format!("{i} — {}", if lang == Lang::Vi { vi } else { en }) }</option>
                        }) }
                    </select>
                    if let Some(error) = error {
                        <p class="field-error" id={error_id}>{ error }</p>
                    }
                </div>
            }
        }
        Measure::Unknown => html! {},
    }
}

fn radio_group(
    id: &str,
    legend: &str,
    options: &[(&str, String)],
    chosen: Option<String>,
    error: Option<AttrValue>,
    on_pick: Callback<String>,
) -> Html {
    let error_id = format!("{id}-choices-error");
    html! {
        // tabindex -1: the error summary moves the focus to the group.
        <fieldset class="choices" id={format!("{id}-choices")} tabindex="-1"
            aria-describedby={error.is_some().then(|| error_id.clone())}>
            <legend>{ legend }</legend>
            { for options.iter().map(|(value, label)| {
                let input_id = format!("{id}-{value}");
                let value = value.to_string();
                let checked = chosen.as_deref() == Some(value.as_str());
                let onchange = { let v = value.clone(); on_pick.reform(move |_: Event| v.clone()) };
                html! {
                    <div class="choice">
                        <input type="radio" name={format!("{id}-choice")} id={input_id.clone()} value={value} {checked} {onchange} />
                        <label for={input_id}>{ label.clone() }</label>
                    </div>
                }
            }) }
            if let Some(error) = error {
                <p class="field-error" id={error_id}>{ error }</p>
            }
        </fieldset>
    }
}
