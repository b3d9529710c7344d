use crate::i18n::tr;
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
            <p id="conflict-title"><strong>{ tr(lang,
                "Bản nháp đang được sửa ở hai thẻ. Thẻ này tạm ngừng lưu.",
                "The draft is being edited in two tabs. This tab has stopped saving.") }</strong></p>
            <div class="buttons">
                <button type="button" onclick={take_other}>{ tr(lang, "Mở bản của thẻ kia", "Open the other tab's draft") }</button>
                <button type="button" onclick={keep_mine}>{ tr(lang, "Giữ bản của thẻ này", "Keep this tab's draft") }</button>
            </div>
        </div>
    }
}
