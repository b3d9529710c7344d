use crate::i18n::kept_drafts as words;
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
            <h2 id="kept-title">{ words::DRAFTS_SET_ASIDE.get(lang) }</h2>
            <p>{ words::APP_COULD_NOT_READ.get(lang) }</p>
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
                                dispatch.emit(Action::Notify(Notice::error(crate::i18n::files::DOWNLOAD_REFUSED)));
                            }
                        })
                    };
                    let delete = {
                        let (key, dispatch) = (kept.key.clone(), on_action.clone());
                        Callback::from(move |_: MouseEvent| {
                            let question = words::DELETE_SET_ASIDE_DATA.get(lang);
                            if crate::browser::confirm(question) {
                                crate::storage::forget_kept(&key);
                                dispatch.emit(Action::ForgetKept(key.clone()));
                            }
                        })
                    };
                    html! {
                        <li>
                            <span>{ words::kept_entry(lang, &when, kept.bytes, (&vi, &en)) }</span>
                            <div class="buttons">
                                <button type="button" onclick={download}>{ words::DOWNLOAD_FILE.get(lang) }</button>
                                <button type="button" class="danger" onclick={delete}>{ words::DELETE.get(lang) }</button>
                            </div>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
