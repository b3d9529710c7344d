use crate::components::evidence_editor::EvidenceEditor;
use crate::components::number_input::NumberInput;
use crate::i18n::{tr, trs};
use crate::shared::Shared;
use crate::state::{Action, AnswerEdit};
use tdg_model::catalog::{Criterion, Measure, Provenance, MATURITY_LEVELS};
use tdg_model::explain::{describe_error, explain_criterion};
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
    pub result: CriterionResult,
    pub answer: Option<Answer>,
    pub errors: Vec<AnswerError>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// One criterion: the plan's wording and where it comes from, an input that fits its kind,
/// its evidence, its points and why.
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
    let field_error = |field: &str| {
        props
            .errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| AttrValue::from(describe_error(e, lang)))
    };
    let (status_class, status_text) = status(r, lang);
    html! {
        <article class={classes!("criterion", status_class)} id={format!("c-{id}")} aria-labelledby={format!("c-{id}-title")}>
            <header>
                <h3 id={format!("c-{id}-title")}>{ c.text.get(lang) }</h3>
                <p class="points" aria-label={trs(lang, format!("Điểm: {} trên {}", format_points(r.points, lang), format_points(r.max, lang)), format!("Points: {} of {}", format_points(r.points, lang), format_points(r.max, lang)))}>
                    <strong>{ format_points(r.points, lang) }</strong>{ format!("/{}", format_points(r.max, lang)) }
                    <span class="status-text">{ status_text }</span>
                </p>
            </header>
            { provenance(c, lang) }
            <details class="help"><summary>{ tr(lang, "Hướng dẫn trả lời", "How to answer") }</summary><p>{ c.help.get(lang) }</p></details>
            <div class="inputs">{ inputs(c, &answer, &r.basis, lang, &on_edit, &field_error) }</div>
            <p class="why"><span class="why-label">{ tr(lang, "Vì sao có điểm này: ", "Why this score: ") }</span>{ explain_criterion(c, r, lang) }</p>
            if !props.errors.is_empty() {
                <ul class="answer-errors" role="alert">
                    { for props.errors.iter().map(|e| html! { <li>{ describe_error(e, lang) }</li> }) }
                </ul>
            }
            <EvidenceEditor criterion={AttrValue::from(id.clone())} evidence={answer.evidence.clone()} {lang} on_edit={on_edit.clone()} />
        </article>
    }
}

fn status(r: &CriterionResult, lang: Lang) -> (&'static str, String) {
    match r.status {
        Status::Open => ("open", tr(lang, "Chưa trả lời", "Not answered").into()),
        Status::Incomplete => ("open", tr(lang, "Trả lời chưa đủ", "Incomplete").into()),
        Status::Invalid => ("invalid", tr(lang, "Có lỗi", "Has an error").into()),
        Status::MissingEvidence => (
            "missing-evidence",
            trs(
                lang,
                format!(
                    "Thiếu minh chứng (mất {} điểm)",
                    format_points(r.potential, lang)
                ),
                format!(
                    "Evidence missing (costs {} points)",
                    format_points(r.potential, lang)
                ),
            ),
        ),
        Status::Scored => ("scored", tr(lang, "Đã tính điểm", "Scored").into()),
        Status::NotApplicable => ("scored", tr(lang, "Không áp dụng", "Not applicable").into()),
    }
}

fn provenance(c: &Criterion, lang: Lang) -> Html {
    match &c.provenance {
        Provenance::Plan { section, quote } => html! {
            <details class="provenance plan">
                <summary>{ trs(lang, format!("Theo Kế hoạch 175/KH-UBND, mục {section}"), format!("From Plan 175/KH-UBND, section {section}")) }</summary>
                <blockquote lang="vi">{ format!("“{quote}”") }</blockquote>
                if !c.model_note.is_blank() { <p>{ c.model_note.get(lang) }</p> }
            </details>
        },
        Provenance::DefaultModel { reason } => html! {
            <details class="provenance default-model">
                <summary>{ tr(lang, "Mô hình mặc định (Kế hoạch không quy định)", "Default model (not set by the plan)") }</summary>
                <p>{ reason.get(lang) }</p>
            </details>
        },
    }
}

fn inputs(
    c: &Criterion,
    answer: &Answer,
    basis: &Basis,
    lang: Lang,
    on_edit: &Callback<AnswerEdit>,
    field_error: &dyn Fn(&str) -> Option<AttrValue>,
) -> Html {
    let id = &c.id;
    match &c.measure {
        Measure::Ratio {
            target,
            numerator,
            denominator,
        } => {
            // The share the model computed (none while the answer is incomplete or wrong).
            let share = match basis {
                Basis::Ratio { share, .. } => Some(format_share(*share, lang)),
                _ => None,
            };
            html! { <>
                <NumberInput id={format!("{id}-num")} label={AttrValue::from(numerator.get(lang).to_string())} value={answer.numerator} {lang}
                    error={field_error("numerator")} on_change={on_edit.reform(AnswerEdit::Numerator)} />
                <NumberInput id={format!("{id}-den")} label={AttrValue::from(denominator.get(lang).to_string())} value={answer.denominator} {lang}
                    error={field_error("denominator")} on_change={on_edit.reform(AnswerEdit::Denominator)} />
                <p class="share" aria-live="polite">
                    { trs(lang, format!("Tỷ lệ: {} (chỉ tiêu {})", share.clone().unwrap_or_else(|| "—".into()), format_share(*target, lang)),
                          format!("Share: {} (target {})", share.unwrap_or_else(|| "—".into()), format_share(*target, lang))) }
                </p>
            </> }
        }
        Measure::YesNo => radio_group(
            id,
            tr(lang, "Trả lời", "Answer"),
            &[
                ("yes", tr(lang, "Đã thực hiện", "Done").to_string()),
                ("no", tr(lang, "Chưa thực hiện", "Not done").to_string()),
            ],
            answer.yes.map(|y| if y { "yes" } else { "no" }.to_string()),
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
                tr(lang, "Mức đạt được", "Level reached"),
                &options,
                answer.level.clone(),
                on_edit.reform(|v: String| AnswerEdit::Level(Some(v))),
            )
        }
        Measure::Count { target, unit } => html! {
            <NumberInput id={format!("{id}-count")} label={AttrValue::from(trs(lang, format!("Số {} (chỉ tiêu {target})", unit.get(lang)), format!("Number of {} (target {target})", unit.get(lang))))}
                value={answer.count} {lang} error={field_error("count")} on_change={on_edit.reform(AnswerEdit::Count)} />
        },
        Measure::Maturity { target } => {
            let on_change = on_edit.reform(|e: Event| {
                let v = e
                    .target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value();
                AnswerEdit::Maturity(v.parse().ok())
            });
            html! {
                <div class="field">
                    <label for={format!("{id}-maturity")}>{ trs(lang, format!("Mức trưởng thành số (mục tiêu mức {target})"), format!("Digital maturity level (target {target})")) }</label>
                    <select id={format!("{id}-maturity")} onchange={on_change}>
                        <option value="" selected={answer.maturity.is_none()}>{ tr(lang, "— Chưa chọn —", "— Not chosen —") }</option>
                        { for MATURITY_LEVELS.iter().enumerate().map(|(i, (vi, en))| html! {
                            <option value={i.to_string()} selected={answer.maturity == Some(i as i64)}>{ format!("{i} — {}", if lang == Lang::Vi { vi } else { en }) }</option>
                        }) }
                    </select>
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
    on_pick: Callback<String>,
) -> Html {
    html! {
        <fieldset class="choices">
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
        </fieldset>
    }
}
