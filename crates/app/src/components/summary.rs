use crate::i18n::{says, summary as words};
use crate::shared::Shared;
use crate::state::Progress;
use std::rc::Rc;
use tdg_model::explain::{band_line, deadline_line, rescale_line, rule_name};
use tdg_model::units::{format_index, format_points};
use tdg_model::{Assessment, Catalog, Date, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub catalog: Shared<Catalog>,
    pub assessment: Rc<Assessment>,
    /// The day the draft is scored as sent on (`AppState::send_day`), and whether that is
    /// the signing day.
    pub day: Date,
    pub signed: bool,
    pub lang: Lang,
}

/// The summary beside the criteria: the total in points (a bonus is said as such, never as
/// "103/100"), the band, the counts (answered + not answered + to correct = all), missing
/// evidence, bonus and penalty lines.
#[function_component(Summary)]
pub fn summary(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let a = &props.assessment;
    let catalog = &props.catalog;
    let pts = |p| format_points(p, lang);
    let rule_name = |id: &str| rule_name(catalog, id, lang);
    let progress = Progress::of(a);
    let note = says::total_note(
        lang,
        (a.bonus_total > 0).then(|| pts(a.bonus_total)).as_deref(),
        (a.penalty_total > 0)
            .then(|| pts(a.penalty_total))
            .as_deref(),
    );
    html! {
        <section class="summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{ words::TITLE.get(lang) }</h2>
            <p class="total" aria-live="polite" aria-atomic="true">
                <span class="total-label">{ words::TOTAL.get(lang) }</span>
                <strong data-testid="total">{ pts(a.total) }</strong><span>{ crate::i18n::steps::POINTS.get(lang) }</span>
                if let Some(note) = note { <span class="total-note" data-testid="total-note">{ note }</span> }
            </p>
            // No band (and no colour) until everything is answered: "Chưa xếp mức: …".
            <p class={classes!("band", format!("band-{}", a.settled_band().unwrap_or("unsettled")))} data-testid="band">{ band_line(catalog, a, lang) }</p>
            if let Some(caveat) = catalog.band_caveat(&a.tier).filter(|_| a.settled_band().is_some()) {
                <p class="band-caveat" data-testid="band-caveat">{ caveat.get(lang) }</p>
            }
            if let Some(line) = rescale_line(a, lang) {
                <p class="rescaled" data-testid="rescaled">{ line }</p>
            }
            <dl class="figures">
                <dt>{ words::CRITERIA_POINTS.get(lang) }</dt><dd>{ says::points_of(lang, &pts(a.base), "100") }</dd>
                <dt>{ words::SHARE.get(lang) }</dt><dd>{ format_index(a.index, lang) }</dd>
                <dt>{ words::ANSWERED.get(lang) }</dt><dd data-testid="answered">{ format!("{}/{}", progress.answered, progress.total) }</dd>
                <dt class="part-of">{ words::MISSING_EVIDENCE.get(lang) }</dt><dd data-testid="missing-evidence">{ a.missing_evidence }</dd>
                <dt>{ words::OPEN.get(lang) }</dt><dd>{ progress.open }</dd>
                <dt>{ words::TO_CORRECT.get(lang) }</dt><dd data-testid="to-correct">{ progress.to_correct }</dd>
                { for a.bonus.iter().map(|b| html! { <><dt>{ rule_name(&b.rule) }</dt><dd>{ format!("+{}", pts(b.points)) }</dd></> }) }
                if a.bonus.iter().map(|b| b.points).sum::<u32>() > a.bonus_total {
                    <dt>{ words::BONUS_CAP.get(lang) }</dt><dd>{ pts(a.bonus_total) }</dd>
                }
                { for a.penalties.iter().map(|p| html! { <><dt>{ rule_name(&p.rule) }</dt><dd>{ format!("−{}", pts(p.points)) }</dd></> }) }
            </dl>
            // Which date the timing lines assume, and where to change it (review M8).
            if let Some(line) = deadline_line(catalog, a, props.day, props.signed, lang) {
                <p class="deadline" data-testid="deadline">{ line }
                    if !props.signed { { format!(" {}", words::CHANGE_DATE.get(lang)) } }</p>
            }
            <p class="model-note">{ words::MODEL_NOTE.get(lang) }</p>
            if progress.open > 0 || progress.to_correct > 0 {
                <p class="provisional">{ says::provisional(lang, progress.open, progress.to_correct) }</p>
            }
            if a.missing_evidence > 0 {
                <p class="warning">{ says::missing_evidence(lang, a.missing_evidence) }</p>
            }
        </section>
    }
}
