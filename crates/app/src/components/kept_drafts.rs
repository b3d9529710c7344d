use crate::i18n::{tr, trs};
use crate::state::{Action, Notice};
use crate::storage::Kept;
use tdg_model::Lang;
use yew::prelude::*;

/// Stored texts the app could not read (a newer version's draft, a damaged entry): set aside,
/// never overwritten; the user can download each one as a file, and delete it on request.
/// A view function of the start screen (see `draft_history`).
pub fn kept_drafts(kept: &[Kept], lang: Lang, on_action: &Callback<Action>) -> Html {
    if kept.is_empty() {
        return html! {};
    }
    html! {
        <section class="kept-drafts" aria-labelledby="kept-title">
            <h2 id="kept-title">{ tr(lang, "Bản nháp cất riêng", "Drafts set aside") }</h2>
            <p>{ tr(lang,
                "Ứng dụng không đọc được các dữ liệu dưới đây nên đã cất riêng, không ghi đè và không tự xóa. Hãy tải về để giữ (ví dụ, mở bằng phiên bản mới hơn của ứng dụng hoặc gửi cho người hỗ trợ).",
                "The app could not read the data below, so it set it aside: it is not overwritten and not deleted automatically. Download it to keep it (for example, to open it with a newer version of the app, or to send it to support).") }</p>
            <ul class="kept-list">
                { for kept.iter().map(|kept| {
                    let when = crate::browser::local_date_time(&kept.at);
                    let (vi, en) = (kept.why.reason(Lang::Vi), kept.why.reason(Lang::En));
                    let download = {
                        let (key, dispatch) = (kept.key.clone(), on_action.clone());
                        let name = format!("ban-nhap-cat-rieng-{}.json", kept.at.replace([':', '.'], "-"));
                        Callback::from(move |_: MouseEvent| {
                            let text = crate::storage::kept_text(&key).unwrap_or_default();
                            if crate::browser::download(&name, "application/json", text.as_bytes()).is_err() {
                                dispatch.emit(Action::Notify(Notice::error("Trình duyệt không cho tải tệp xuống.", "The browser refused the download.")));
                            }
                        })
                    };
                    let delete = {
                        let (key, dispatch) = (kept.key.clone(), on_action.clone());
                        Callback::from(move |_: MouseEvent| {
                            let question = tr(lang,
                                "Xóa hẳn dữ liệu cất riêng này khỏi máy? Không thể hoàn tác. (Nên tải về trước.)",
                                "Delete this set-aside data from this computer for good? This cannot be undone. (Download it first.)");
                            if crate::browser::confirm(question) {
                                crate::storage::forget_kept(&key);
                                dispatch.emit(Action::ForgetKept(key.clone()));
                            }
                        })
                    };
                    html! {
                        <li>
                            <span>{ trs(lang,
                                format!("Cất lúc {when}, {} byte: {vi}.", kept.bytes),
                                format!("Set aside {when}, {} bytes: {en}.", kept.bytes)) }</span>
                            <div class="buttons">
                                <button type="button" onclick={download}>{ tr(lang, "Tải về tệp", "Download as a file") }</button>
                                <button type="button" class="danger" onclick={delete}>{ tr(lang, "Xóa", "Delete") }</button>
                            </div>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
