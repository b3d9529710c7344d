use crate::i18n::draft_history as words;
use crate::state::Action;
use tdg_model::draft::StoredDraft;
use tdg_model::{Catalog, Lang};
use yew::prelude::*;

/// The previous drafts, newest first, each with when it was replaced, whose it is, and a
/// button that brings it back (the current draft then joins the list). A view function, not a
/// component: it is part of the start screen, and each component costs the first load a few KB
/// of WebAssembly.
pub fn draft_history(
    history: &[StoredDraft],
    catalog: &Catalog,
    lang: Lang,
    on_action: &Callback<Action>,
) -> Html {
    if history.is_empty() {
        return html! {};
    }
    let untitled = words::NO_UNIT_NAME.get(lang);
    html! {
        <section class="draft-history" aria-labelledby="history-title">
            <h2 id="history-title">{ words::PREVIOUS_DRAFTS.get(lang) }</h2>
            <p class="muted">{ words::explain(lang, tdg_model::history::HISTORY_LEN) }</p>
            <ol class="history-list">
                { for history.iter().enumerate().map(|(index, entry)| {
                    let when = crate::browser::local_date_time(&entry.saved_at);
                    let name = if entry.draft.unit.name.trim().is_empty() { untitled.to_string() } else { entry.draft.unit.name.clone() };
                    let who = match catalog.tier(&entry.draft.sheet.tier) {
                        Some(t) => format!("{name} — {}", t.name_for(entry.draft.sheet.period).get(lang)),
                        None => name.clone(),
                    };
                    let answers = entry.draft.sheet.answers.len();
                    let restore = on_action.reform(move |_: MouseEvent| Action::RestorePrevious { index, at: crate::browser::now_rfc3339() });
                    html! {
                        <li>
                            <span class="history-when">{ when.clone() }</span>
                            <span class="history-what">{ words::entry(lang, &who, answers) }</span>
                            <button type="button" onclick={restore}
                                aria-label={words::restore_label(lang, &name, &when)}>
                                { words::RESTORE.get(lang) }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
