use crate::i18n::tr;
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
                            notice: Notice::info(
                                format!("Đã nhập bản nháp từ {name}. Bản nháp trước được giữ để khôi phục."),
                                format!("Draft imported from {name}. The previous draft is kept and can be restored."),
                            ),
                            at: crate::browser::now_rfc3339(),
                        }),
                        Err(e) => dispatch.emit(Action::Notify(Notice::error(e.message(Lang::Vi), e.message(Lang::En)))),
                    },
                    Ok(None) => {}
                    Err(_) => dispatch.emit(Action::Notify(Notice::error("Không đọc được tệp.", "The file could not be read."))),
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
            let question = match lang {
                Lang::Vi => "Xóa bản nháp hiện tại và bắt đầu lại? (Có thể khôi phục bản vừa xóa.)",
                Lang::En => {
                    "Clear the current draft and start again? (The cleared draft can be restored.)"
                }
            };
            if crate::browser::confirm(question) {
                dispatch.emit(Action::Reset {
                    at: crate::browser::now_rfc3339(),
                });
            }
        })
    };
    html! {
        <section class="draft-tools" aria-labelledby="draft-title">
            <h2 id="draft-title">{ tr(lang, "Bản nháp", "Draft") }</h2>
            <p class="muted">{ tr(lang, "Mọi thay đổi được lưu ngay trên máy này.", "Every change is saved at once on this computer.") }</p>
            <div class="buttons">
                <button type="button" onclick={on_export}>{ tr(lang, "Xuất bản nháp", "Export the draft") }</button>
                // The input stays in the tab order (visually hidden); its label is the visible button.
                <input id="import-draft" class="visually-hidden-file" type="file" accept=".json,application/json" onchange={on_import} />
                <label class="file-button" for="import-draft">{ tr(lang, "Nhập bản nháp từ tệp", "Import a draft file") }</label>
                if props.has_previous {
                    <button type="button" onclick={on_restore}>{ tr(lang, "Khôi phục bản nháp trước", "Restore previous draft") }</button>
                }
                <button type="button" class="danger" onclick={on_reset}>{ tr(lang, "Xóa và làm lại", "Clear and start again") }</button>
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
            "Trình duyệt không cho tải tệp xuống.",
            "The browser refused the download.",
        )));
    }
}
