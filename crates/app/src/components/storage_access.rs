use crate::i18n::storage_access as words;
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
            html! { <button type="button" onclick={on_export}>{ words::EXPORT_DRAFT_FILE.get(lang) }</button> }
        }
        _ => html! {},
    };
    let refused = state.embed.storage == StorageAccess::Refused;
    html! {
        <div class="tab-conflict" role="group" aria-labelledby="storage-title" data-testid="storage-access">
            <p id="storage-title"><strong>{ if refused {
                words::BROWSER_DOES_NOT_ALLOW.get(lang)
            } else {
                words::DRAFT_NOT_BEING_SAVED.get(lang)
            } }</strong></p>
            <p>{ if refused {
                words::OPEN_TOOL_NEW_TAB.get(lang)
            } else {
                words::IF_ALLOW_DRAFT_UNIT.get(lang)
            } }</p>
            <div class="buttons">
                if !refused {
                    <button type="button" class="primary" onclick={ask}>{ words::ALLOW_SAVING_DRAFT_FRAME.get(lang) }</button>
                }
                <a href={crate::portal::new_tab_url(state)} target="_blank" rel="noopener">{ words::OPEN_NEW_TAB.get(lang) }</a>
                { export }
            </div>
        </div>
    }
}
