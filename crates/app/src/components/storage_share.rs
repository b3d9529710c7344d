use crate::i18n::tr;
use crate::state::Action;
use tdg_model::Lang;
use yew::prelude::*;

/// In a frame of another site whose storage works but is the host site's partition (Chrome
/// with third-party cookies blocked): the draft is kept, apart from the tool's own drafts and
/// key. The button asks for the tool's own storage (the Storage Access API needs the user's
/// click; the browser may ask the user). A view function.
pub fn storage_share(lang: Lang, on_action: &Callback<Action>) -> Html {
    let ask = {
        let dispatch = on_action.clone();
        Callback::from(move |_: MouseEvent| {
            wasm_bindgen_futures::spawn_local(crate::portal::take_storage(dispatch.clone()))
        })
    };
    // An information, not an error: the draft is being saved.
    html! {
        <div class="notice info no-print" role="group" aria-labelledby="storage-share-title" data-testid="storage-share">
            <div>
                <p id="storage-share-title"><strong>{ tr(lang,
                    "Bản nháp trong khung này được lưu riêng cho trang nhúng.",
                    "The draft in this frame is saved for this embedding page only.") }</strong></p>
                <p>{ tr(lang,
                    "Bản nháp và khóa của đơn vị khi mở công cụ trực tiếp không dùng được ở đây. Nếu cho phép, khung này dùng chung chúng (trên máy này; không có gì được gửi đi).",
                    "The drafts and the unit's key of the tool opened directly are not available here. If you allow it, this frame shares them (on this device; nothing is sent anywhere).") }</p>
            </div>
            <button type="button" onclick={ask}>{ tr(lang,
                "Dùng bản nháp và khóa của công cụ trên máy này",
                "Use the tool's own drafts and key on this device") }</button>
        </div>
    }
}
