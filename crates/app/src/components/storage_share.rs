use crate::i18n::storage_share as words;
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
                <p id="storage-share-title"><strong>{ words::DRAFT_FRAME_SAVED_EMBEDDING.get(lang) }</strong></p>
                <p>{ words::DRAFTS_UNIT_KEY_TOOL.get(lang) }</p>
            </div>
            <button type="button" onclick={ask}>{ words::USE_TOOL_OWN_DRAFTS.get(lang) }</button>
        </div>
    }
}
