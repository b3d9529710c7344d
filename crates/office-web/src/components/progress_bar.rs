//! The progress of a season being checked, with counts ("Đã kiểm tra 340/1.000 tệp"), and
//! the result's summary line once it is done.

use super::app::Part;
use crate::i18n::progress_line;
use crate::i18n::words;
use crate::state::Run;
use tdg_model::units::format_int;
use yew::prelude::*;

#[function_component(ProgressBar)]
pub fn progress_bar(p: &Part) -> Html {
    let state = &p.state;
    let lang = state.lang;
    match &state.run {
        Run::Idle => html! {},
        Run::Running { done, total } => html! {
            <section class="progress no-print" aria-live="polite">
                <label for="season-progress">{ progress_line(lang, *done, *total) }</label>
                <progress id="season-progress" max={total.to_string()} value={done.to_string()} />
            </section>
        },
        Run::Failed { text } => html! {
            <div class="notice error" role="alert"><p>{ text.get(lang) }</p></div>
        },
        Run::Done => {
            let Some(season) = &state.season else {
                return html! {};
            };
            let n = |x: usize| format_int(x as u64, lang);
            let period = season
                .period
                .map(|p| p.to_string())
                .unwrap_or_else(|| "—".into());
            html! {
                <section class="summary" role="status" data-testid="season-summary">
                    <p>{ words::progress_bar::season_counts(lang, &period,
                        &n(season.files.len()), &n(season.ranked.len()), &n(season.failed()), &n(season.missing.len())) }</p>
                    if let Some(day) = season.received_on {
                        <p>{ words::progress_bar::received_on(lang, &day.display_vn()) }</p>
                    } else {
                        <p class="warn" data-testid="timing-not-checked">{ words::progress_bar::TIMING_NOT_CHECKED.get(lang) }</p>
                    }
                    if !season.skipped.is_empty() {
                        <p>{ words::progress_bar::skipped(lang, &season.skipped.join(", ")) }</p>
                    }
                </section>
            }
        }
    }
}
