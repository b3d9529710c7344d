use crate::i18n::{tr, trs};
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
    let untitled = tr(lang, "(chưa đặt tên đơn vị)", "(no unit name)");
    html! {
        <section class="draft-history" aria-labelledby="history-title">
            <h2 id="history-title">{ tr(lang, "Các bản nháp trước", "Previous drafts") }</h2>
            <p class="muted">{ trs(lang,
                format!("Khi nhập bản nháp, mở đơn vị mẫu hoặc xóa làm lại, bản đang làm được giữ ở đây (tối đa {} bản; đơn vị mẫu không được giữ).", tdg_model::history::HISTORY_LEN),
                format!("Importing a draft, opening a sample or starting again keeps the draft you were working on here (up to {}; samples are not kept).", tdg_model::history::HISTORY_LEN)) }</p>
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
                            <span class="history-what">{ trs(lang,
                                format!("{who} ({answers} tiêu chí đã trả lời)"),
                                format!("{who} ({answers} criteria answered)")) }</span>
                            <button type="button" onclick={restore}
                                aria-label={trs(lang, format!("Khôi phục bản nháp {name} lúc {when}"), format!("Restore the draft {name} of {when}"))}>
                                { tr(lang, "Khôi phục", "Restore") }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
