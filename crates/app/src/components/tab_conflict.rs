use crate::i18n::tab_conflict as words;
use crate::state::Action;
use tdg_model::Lang;
use yew::prelude::*;

/// Shown while this tab and another both changed the draft: this tab saves nothing until the
/// user chooses; either way the draft not chosen is kept as a previous draft. A view function
/// (see `draft_history`).
pub fn tab_conflict(lang: Lang, on_action: &Callback<Action>) -> Html {
    let take_other = on_action.reform(|_: MouseEvent| {
        match crate::storage::accept_stored_draft() {
            Some(other) => Action::TakeOtherTab {
                other,
                at: crate::browser::now_rfc3339(),
            },
            // The other tab's text cannot be read here (a newer app): it was set aside.
            None => Action::KeepThisTab { other: None },
        }
    });
    let keep_mine = on_action.reform(|_: MouseEvent| Action::KeepThisTab {
        other: crate::storage::accept_stored_draft(),
    });
    html! {
        <div class="tab-conflict" role="group" aria-labelledby="conflict-title">
            <p id="conflict-title"><strong>{ words::DRAFT_BEING_EDITED_TWO.get(lang) }</strong></p>
            <div class="buttons">
                <button type="button" onclick={take_other}>{ words::OPEN_OTHER_TAB_DRAFT.get(lang) }</button>
                <button type="button" onclick={keep_mine}>{ words::KEEP_TAB_DRAFT.get(lang) }</button>
            </div>
        </div>
    }
}
