use crate::i18n::tr;
use crate::state::AnswerEdit;
use tdg_model::{Date, Evidence, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EvidenceEditorProps {
    pub criterion: AttrValue,
    pub evidence: Vec<Evidence>,
    pub lang: Lang,
    pub on_edit: Callback<AnswerEdit>,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Document,
    Link,
    File,
}

/// The evidence of one criterion: what is there, and a small form to add a document, a link or
/// a file. A file is hashed here, on the device; only its name, size and SHA-256 are kept.
#[function_component(EvidenceEditor)]
pub fn evidence_editor(props: &EvidenceEditorProps) -> Html {
    let lang = props.lang;
    let kind = use_state(|| Kind::Document);
    let number = use_state(String::new);
    let date = use_state(String::new);
    let title = use_state(String::new);
    let url = use_state(String::new);
    let error = use_state(|| None::<&'static str>);
    // Bytes hashed and the file's size while a file is being hashed.
    let hashing = use_state(|| None::<(f64, f64)>);
    let id = |suffix: &str| format!("{}-ev-{suffix}", props.criterion);
    let text_input = super::bind_text;
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            kind.set(match value.as_str() {
                "link" => Kind::Link,
                "file" => Kind::File,
                _ => Kind::Document,
            });
        })
    };
    let on_add = {
        let (kind, number, date, title, url, error) = (
            kind.clone(),
            number.clone(),
            date.clone(),
            title.clone(),
            url.clone(),
            error.clone(),
        );
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| {
            let evidence = match *kind {
                Kind::Document => Evidence::Document {
                    number: number.trim().to_string(),
                    date: Date::parse_iso(&date).ok(),
                    title: title.trim().to_string(),
                },
                Kind::Link => Evidence::Link {
                    url: url.trim().to_string(),
                },
                Kind::File => return,
            };
            if let Some(defect) = evidence.defect() {
                error.set(Some(match defect {
                    tdg_model::answer::EvidenceDefect::NoDocumentNumber => tr(
                        lang,
                        "Cần nhập số, ký hiệu văn bản.",
                        "Enter the document's number.",
                    ),
                    tdg_model::answer::EvidenceDefect::NotALink => tr(
                        lang,
                        "Đường dẫn phải bắt đầu bằng http:// hoặc https://.",
                        "The link must start with http:// or https://.",
                    ),
                    tdg_model::answer::EvidenceDefect::BadFileHash => {
                        tr(lang, "Tệp không hợp lệ.", "The file is not valid.")
                    }
                }));
                return;
            }
            error.set(None);
            number.set(String::new());
            date.set(String::new());
            title.set(String::new());
            url.set(String::new());
            on_edit.emit(AnswerEdit::AddEvidence(evidence));
        })
    };
    let on_file = {
        let on_edit = props.on_edit.clone();
        let (error, hashing) = (error.clone(), hashing.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let (on_edit, error, hashing) = (on_edit.clone(), error.clone(), hashing.clone());
            let (name, size) = (file.name(), file.size() as u64);
            error.set(None);
            hashing.set(Some((0.0, size as f64)));
            wasm_bindgen_futures::spawn_local(async move {
                // The file is read a slice at a time in a worker, never whole into this page.
                let progress = {
                    let hashing = hashing.clone();
                    move |done, total| hashing.set(Some((done, total)))
                };
                let outcome = crate::browser::sha256_of_file(&file, progress).await;
                hashing.set(None);
                input.set_value("");
                match outcome {
                    Ok(sha256) => {
                        on_edit.emit(AnswerEdit::AddEvidence(Evidence::File { name, size, sha256 }))
                    }
                    Err(crate::browser::HashError::TooLarge(_)) => error.set(Some(tr(
                        lang,
                        "Tệp lớn hơn 2 GB: trình duyệt không tính mã SHA-256 cho tệp lớn như vậy. Hãy ghi minh chứng là văn bản hoặc đường dẫn.",
                        "The file is larger than 2 GB: the browser does not hash files that large. Record the evidence as a document or a link instead.",
                    ))),
                    Err(crate::browser::HashError::Failed(_)) => error.set(Some(tr(
                        lang,
                        "Không đọc được tệp hoặc không tính được mã SHA-256 của tệp.",
                        "The file could not be read or its SHA-256 could not be computed.",
                    ))),
                }
            });
        })
    };
    let percent = hashing.map(|(done, total)| {
        if total > 0.0 {
            (done / total * 100.0).floor() as u32
        } else {
            100
        }
    });
    html! {
        <div class="evidence">
            <h4>{ tr(lang, "Minh chứng", "Evidence") }</h4>
            if props.evidence.is_empty() {
                <p class="muted">{ tr(lang, "Chưa có minh chứng.", "No evidence yet.") }</p>
            } else {
                <ul class="evidence-list">
                    { for props.evidence.iter().enumerate().map(|(i, e)| {
                        let remove = props.on_edit.reform(move |_: MouseEvent| AnswerEdit::RemoveEvidence(i));
                        html! {
                            <li>
                                <span>{ describe(e, lang) }</span>
                                <button type="button" class="link-button" onclick={remove}
                                    aria-label={format!("{} {}", tr(lang, "Xóa minh chứng", "Remove evidence"), i + 1)}>
                                    { tr(lang, "Xóa", "Remove") }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            // Open while nothing backs the answer; folded away once something does.
            <details class="evidence-add-wrap" open={props.evidence.is_empty()}>
            <summary>{ tr(lang, "Thêm minh chứng", "Add evidence") }</summary>
            <div class="evidence-add">
                <div class="field">
                    <label for={id("kind")}>{ tr(lang, "Thêm minh chứng loại", "Add evidence of kind") }</label>
                    <select id={id("kind")} onchange={on_kind}>
                        <option value="document" selected={*kind == Kind::Document}>{ tr(lang, "Văn bản", "Document") }</option>
                        <option value="link" selected={*kind == Kind::Link}>{ tr(lang, "Đường dẫn", "Link") }</option>
                        <option value="file" selected={*kind == Kind::File}>{ tr(lang, "Tệp trên máy (chỉ lưu mã băm)", "File on this computer (hash only)") }</option>
                    </select>
                </div>
                { match *kind {
                    Kind::Document => html! { <>
                        <div class="field"><label for={id("number")}>{ tr(lang, "Số, ký hiệu văn bản", "Document number") }</label>
                            <input id={id("number")} type="text" value={(*number).clone()} oninput={text_input(&number)} placeholder="125/BC-UBND" /></div>
                        <div class="field"><label for={id("date")}>{ tr(lang, "Ngày ban hành", "Date") }</label>
                            <input id={id("date")} type="date" value={(*date).clone()} oninput={text_input(&date)} /></div>
                        <div class="field wide"><label for={id("title")}>{ tr(lang, "Trích yếu", "Title") }</label>
                            <input id={id("title")} type="text" value={(*title).clone()} oninput={text_input(&title)} /></div>
                        <button type="button" onclick={on_add.clone()}>{ tr(lang, "Thêm văn bản", "Add document") }</button>
                    </> },
                    Kind::Link => html! { <>
                        <div class="field wide"><label for={id("url")}>{ tr(lang, "Đường dẫn", "Link") }</label>
                            <input id={id("url")} type="url" value={(*url).clone()} oninput={text_input(&url)} placeholder="https://" /></div>
                        <button type="button" onclick={on_add.clone()}>{ tr(lang, "Thêm đường dẫn", "Add link") }</button>
                    </> },
                    Kind::File => html! {
                        <div class="field wide">
                            <label for={id("file")}>{ tr(lang, "Chọn tệp (tệp không rời khỏi máy; chỉ ghi tên, dung lượng và mã SHA-256)", "Choose a file (it stays on this computer; only its name, size and SHA-256 are kept)") }</label>
                            <input id={id("file")} type="file" onchange={on_file} disabled={percent.is_some()} />
                            if let Some(percent) = percent {
                                <div class="hash-progress" role="status">
                                    <label for={id("progress")}>{ tr(lang, "Đang tính mã SHA-256 của tệp", "Computing the file's SHA-256") }</label>
                                    <progress id={id("progress")} max="100" value={percent.to_string()}>{ format!("{percent} %") }</progress>
                                    <span>{ format!("{percent} %") }</span>
                                </div>
                            }
                        </div>
                    },
                } }
                if let Some(message) = *error {
                    <p class="field-error" role="alert">{ message }</p>
                }
            </div>
            </details>
        </div>
    }
}

/// One line for a piece of evidence.
pub fn describe(e: &Evidence, lang: Lang) -> String {
    match e {
        Evidence::Document {
            number,
            date,
            title,
        } => {
            let date = date
                .map(|d| format!(" {} {}", tr(lang, "ngày", "of"), d.display_vn()))
                .unwrap_or_default();
            let title = if title.is_empty() {
                String::new()
            } else {
                format!(": {title}")
            };
            format!("{} {number}{date}{title}", tr(lang, "Văn bản", "Document"))
        }
        Evidence::Link { url } => url.clone(),
        Evidence::File { name, size, sha256 } => {
            format!(
                "{name} ({} B, SHA-256 {sha256})",
                tdg_model::units::format_int(*size, lang)
            )
        }
    }
}
