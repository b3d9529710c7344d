use crate::i18n::training_banner as words;
use crate::state::{Action, Notice};
use tdg_model::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrainingBannerProps {
    pub lang: Lang,
    /// The portal's configuration keeps the page in training mode: no way out here.
    pub forced: bool,
    pub on_action: Callback<Action>,
}

/// Always in view in training mode: what the mode means, the reset for the next participant,
/// and the way out.
#[function_component(TrainingBanner)]
pub fn training_banner(props: &TrainingBannerProps) -> Html {
    let lang = props.lang;
    let on_reset = {
        let dispatch = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            let ask = words::DELETE_EVERY_TRAINING_DRAFT.get(lang);
            if !crate::browser::confirm(ask) {
                return;
            }
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(refused) = crate::training::reset().await {
                    dispatch.emit(Action::Notify(Notice::error(refused)));
                }
            });
        })
    };
    let on_leave = {
        let dispatch = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(refused) = crate::training::switch(false) {
                dispatch.emit(Action::Notify(Notice::error(refused)));
            }
        })
    };
    html! {
        <section class="training-banner no-print" aria-labelledby="training-title">
            <h2 id="training-title">{ words::TRAINING_MODE.get(lang) }</h2>
            <p>{ words::DRAFTS_KEY_MODE_KEPT.get(lang) }</p>
            <div class="actions">
                <button type="button" onclick={on_reset}>{ words::RESET_NEXT_PARTICIPANT.get(lang) }</button>
                if !props.forced {
                    <button type="button" class="secondary" onclick={on_leave}>{ words::LEAVE_TRAINING_MODE.get(lang) }</button>
                }
            </div>
        </section>
    }
}
