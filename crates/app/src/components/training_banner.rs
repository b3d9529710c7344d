use crate::i18n::tr;
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
            let ask = tr(
                lang,
                "Xóa mọi bản nháp, bài tập đã nhập và khóa tập huấn trên máy này để học viên tiếp theo bắt đầu lại? Bản nháp và khóa thật của đơn vị không bị ảnh hưởng. Các tệp đã tải xuống (tên kết thúc bằng “TAP-HUAN”) vẫn còn trong thư mục Tải về: hãy xóa bằng tay.",
                "Delete every training draft, imported exercise and the training key on this computer, so that the next participant starts afresh? The unit's own drafts and key are not affected. Files already downloaded (names ending in “TAP-HUAN”) stay in the Downloads folder: delete them by hand.",
            );
            if !crate::browser::confirm(ask) {
                return;
            }
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err((vi, en)) = crate::training::reset().await {
                    dispatch.emit(Action::Notify(Notice::error(vi, en)));
                }
            });
        })
    };
    let on_leave = {
        let dispatch = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err((vi, en)) = crate::training::switch(false) {
                dispatch.emit(Action::Notify(Notice::error(vi, en)));
            }
        })
    };
    html! {
        <section class="training-banner no-print" aria-labelledby="training-title">
            <h2 id="training-title">{ tr(lang, "Chế độ tập huấn", "Training mode") }</h2>
            <p>{ tr(
                lang,
                "Bản nháp và khóa ở chế độ này tách riêng khỏi bản nháp và khóa thật của đơn vị. Báo cáo ký ở đây được ghi là báo cáo tập huấn: không có giá trị nộp.",
                "Drafts and the key in this mode are kept apart from the unit's own. Reports signed here are marked as training reports: not valid as a submission.",
            ) }</p>
            <div class="actions">
                <button type="button" onclick={on_reset}>{ tr(lang, "Làm lại cho học viên tiếp theo", "Reset for the next participant") }</button>
                if !props.forced {
                    <button type="button" class="secondary" onclick={on_leave}>{ tr(lang, "Thoát chế độ tập huấn", "Leave training mode") }</button>
                }
            </div>
        </section>
    }
}
