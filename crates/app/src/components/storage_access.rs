use crate::i18n::tr;
use crate::state::{Action, AppState, CatalogState, StorageAccess};
use yew::prelude::*;

/// In a frame of another site whose storage the browser blocks: why the draft would be lost,
/// the button that asks for storage access (the Storage Access API needs the user's click),
/// and, when the browser refuses, the tool in a tab of its own and the draft export. A view
/// function.
pub fn storage_access(state: &AppState, on_action: &Callback<Action>) -> Html {
    let lang = state.lang;
    let ask = {
        let dispatch = on_action.clone();
        Callback::from(move |_: MouseEvent| {
            wasm_bindgen_futures::spawn_local(crate::portal::take_storage(dispatch.clone()))
        })
    };
    let export = match &state.catalog {
        CatalogState::Ready(catalog) => {
            let (catalog, draft, dispatch) =
                (catalog.clone(), state.draft.clone(), on_action.clone());
            let on_export = Callback::from(move |_: MouseEvent| {
                crate::components::draft_tools::export_draft(&catalog.catalog, &draft, &dispatch)
            });
            html! { <button type="button" onclick={on_export}>{ tr(lang, "Xuất bản nháp ra tệp", "Export the draft to a file") }</button> }
        }
        _ => html! {},
    };
    let refused = state.embed.storage == StorageAccess::Refused;
    html! {
        <div class="tab-conflict" role="group" aria-labelledby="storage-title" data-testid="storage-access">
            <p id="storage-title"><strong>{ if refused {
                tr(lang, "Trình duyệt không cho phép lưu bản nháp trong khung này.",
                    "The browser does not allow saving the draft in this frame.")
            } else {
                tr(lang, "Bản nháp chưa được lưu: công cụ đang nằm trong trang của một trang web khác, và trình duyệt chặn lưu trữ ở đây.",
                    "The draft is not being saved: the tool sits inside another website's page, and the browser blocks storage here.")
            } }</strong></p>
            <p>{ if refused {
                tr(lang, "Hãy mở công cụ trong thẻ mới (ở đó bản nháp được lưu trên máy), hoặc xuất bản nháp ra tệp trước khi đóng trang.",
                    "Open the tool in a new tab (there the draft is saved on this device), or export the draft to a file before closing the page.")
            } else {
                tr(lang, "Nếu cho phép, bản nháp và khóa của đơn vị được lưu trên máy này như khi mở công cụ trực tiếp; không có gì được gửi đi.",
                    "If you allow it, the draft and the unit's key are kept on this device as when the tool is opened directly; nothing is sent anywhere.")
            } }</p>
            <div class="buttons">
                if !refused {
                    <button type="button" class="primary" onclick={ask}>{ tr(lang, "Cho phép lưu bản nháp trong khung này", "Allow saving the draft in this frame") }</button>
                }
                <a href={crate::portal::new_tab_url(state)} target="_blank" rel="noopener">{ tr(lang, "Mở trong thẻ mới", "Open in a new tab") }</a>
                { export }
            </div>
        </div>
    }
}
