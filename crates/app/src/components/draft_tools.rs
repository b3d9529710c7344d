use crate::i18n::draft_tools as words;
use crate::shared::Shared;
use crate::state::{Action, LoadedCatalog, Notice};
use tdg_model::draft::{import_draft, Draft, DraftFile};
use tdg_model::Lang;
use tdg_model::Localized;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DraftToolsProps {
    pub catalog: Shared<LoadedCatalog>,
    pub draft: Draft,
    pub has_previous: bool,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// Export and import of the draft file, restoring the newest previous draft, starting over.
#[function_component(DraftTools)]
pub fn draft_tools(props: &DraftToolsProps) -> Html {
    let lang = props.lang;
    let on_export = {
        let (catalog, draft, dispatch) = (
            props.catalog.clone(),
            props.draft.clone(),
            props.on_action.clone(),
        );
        Callback::from(move |_: MouseEvent| export_draft(&catalog.catalog, &draft, &dispatch))
    };
    let on_import = {
        let (catalog, dispatch) = (props.catalog.clone(), props.on_action.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let (catalog, dispatch) = (catalog.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = crate::browser::read_chosen_file(&input).await;
                input.set_value("");
                match outcome {
                    Ok(Some((name, bytes))) => match import_draft(&bytes, &catalog.catalog) {
                        Ok(draft) => dispatch.emit(Action::ReplaceDraft {
                            draft,
                            sample: false,
                            notice: Notice::info(words::draft_imported_previous_draft(&name)),
                            at: crate::browser::now_rfc3339(),
                        }),
                        Err(e) => dispatch.emit(Action::Notify(Notice::error(e.both()))),
                    },
                    Ok(None) => {}
                    Err(_) => {
                        dispatch.emit(Action::Notify(Notice::error(crate::i18n::files::NOT_READ)))
                    }
                }
            });
        })
    };
    let on_restore = props
        .on_action
        .reform(|_: MouseEvent| Action::RestorePrevious {
            index: 0,
            at: crate::browser::now_rfc3339(),
        });
    let on_reset = {
        let dispatch = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            let question = words::CLEAR_AND_START_AGAIN.get(lang);
            if crate::browser::confirm(question) {
                dispatch.emit(Action::Reset {
                    at: crate::browser::now_rfc3339(),
                });
            }
        })
    };
    html! {
        <section class="draft-tools" aria-labelledby="draft-title">
            <h2 id="draft-title">{ words::DRAFT.get(lang) }</h2>
            <p class="muted">{ words::EVERY_CHANGE_SAVED_ONCE.get(lang) }</p>
            <div class="buttons">
                <button type="button" onclick={on_export}>{ words::EXPORT_DRAFT.get(lang) }</button>
                // The input stays in the tab order (visually hidden); its label is the visible button.
                <input id="import-draft" class="visually-hidden-file" type="file" accept=".json,application/json" onchange={on_import} />
                <label class="file-button" for="import-draft">{ words::IMPORT_DRAFT_FILE.get(lang) }</label>
                if props.has_previous {
                    <button type="button" onclick={on_restore}>{ words::RESTORE_PREVIOUS_DRAFT.get(lang) }</button>
                }
                <button type="button" class="danger" onclick={on_reset}>{ words::CLEAR_START_AGAIN.get(lang) }</button>
            </div>
        </section>
    }
}

/// Downloads the draft file (also offered where the browser refuses storage in a frame).
pub fn export_draft(catalog: &tdg_model::Catalog, draft: &Draft, dispatch: &Callback<Action>) {
    let json = DraftFile::new(catalog, draft).to_json();
    let code = tdg_model::draft::file_safe_code(&draft.unit.code);
    let name = format!("{code}-{}-ban-nhap.json", draft.sheet.period);
    if crate::browser::download(&name, "application/json", json.as_bytes()).is_err() {
        dispatch.emit(Action::Notify(Notice::error(
            crate::i18n::files::DOWNLOAD_REFUSED,
        )));
    }
}
