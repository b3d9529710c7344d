use crate::i18n::app as words;
use crate::state::{Action, Notice, NoticeKind};
use tdg_model::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub notice: Option<Notice>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// The message area: errors are alerts, other messages polite status updates, so screen readers
/// announce both. The region is always in the page so that announcements are not missed.
#[function_component(NoticeArea)]
pub fn notice_area(props: &NoticeProps) -> Html {
    let lang = props.lang;
    let (role, class) = match props.notice.as_ref().map(|n| n.kind) {
        Some(NoticeKind::Error) => ("alert", "notice error"),
        _ => ("status", "notice info"),
    };
    let dismiss = props
        .on_action
        .reform(|_: MouseEvent| Action::DismissNotice);
    html! {
        <div class={classes!(class, props.notice.is_none().then_some("empty"))} role={role} aria-live={if role == "alert" { "assertive" } else { "polite" }}>
            if let Some(notice) = &props.notice {
                <p>{ notice.text(lang) }</p>
                <button type="button" class="dismiss" onclick={dismiss}>{ words::DISMISS.get(lang) }</button>
            }
        </div>
    }
}
