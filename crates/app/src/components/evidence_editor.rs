use crate::components::date_input::DateInput;
use crate::i18n::evidence as words;
use crate::state::AnswerEdit;
use tdg_model::{Date, Evidence, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EvidenceEditorProps {
    pub criterion: AttrValue,
    pub evidence: Vec<Evidence>,
    /// The criterion scores nothing without evidence: said before it is answered.
    #[prop_or_default]
    pub required: bool,
    /// The criterion is marked "không áp dụng": evidence then backs the reason, if any.
    #[prop_or_default]
    pub for_reason: bool,
    /// The model's messages about pieces of evidence, by position, said beside each piece.
    #[prop_or_default]
    pub errors: Vec<(usize, AttrValue)>,
    pub lang: Lang,
    pub on_edit: Callback<AnswerEdit>,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Document,
    Link,
    File,
}

/// The evidence of one criterion: what is there, and a form to add a document, a link or a
/// file, folded until "Thêm minh chứng" (an open form on every card made the page long and the
/// DOM heavy). A file is hashed here, on the device; only its name, size and SHA-256 are kept.
#[function_component(EvidenceEditor)]
pub fn evidence_editor(props: &EvidenceEditorProps) -> Html {
    let lang = props.lang;
    let adding = use_state(|| false);
    let kind = use_state(|| Kind::Document);
    let number = use_state(String::new);
    let date = use_state(|| None::<Date>);
    // Set as the date field is left (before the button's click), read at the click: a cell, so
    // the click sees it without waiting for a render.
    let date_unreadable = use_mut_ref(|| false);
    let title = use_state(String::new);
    let url = use_state(String::new);
    let error = use_state(|| None::<&'static str>);
    // Bytes hashed and the file's size while a file is being hashed.
    let hashing = use_state(|| None::<(f64, f64)>);
    let id = |suffix: &str| format!("{}-ev-{suffix}", props.criterion);
    // Typing in the field an error is about clears the error: it said what was missing.
    let text_input = |state: &UseStateHandle<String>| {
        let (bind, error) = (super::bind_text(state), error.clone());
        Callback::from(move |e: InputEvent| {
            error.set(None);
            bind.emit(e)
        })
    };
    let on_kind = {
        let (kind, error) = (kind.clone(), error.clone());
        Callback::from(move |e: Event| {
            error.set(None);
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
        let adding = adding.clone();
        let (kind, number, date, title, url, error) = (
            kind.clone(),
            number.clone(),
            date.clone(),
            title.clone(),
            url.clone(),
            error.clone(),
        );
        let on_edit = props.on_edit.clone();
        let (date_unreadable, date_id) = (date_unreadable.clone(), id("date"));
        Callback::from(move |_: MouseEvent| {
            if *kind == Kind::Document && *date_unreadable.borrow() {
                // The date field says what is wrong under itself; nothing is added, and the
                // typed text stays for the user to correct.
                crate::components::error_summary::focus(&date_id);
                return;
            }
            let evidence = match *kind {
                Kind::Document => Evidence::Document {
                    number: number.trim().to_string(),
                    date: *date,
                    title: title.trim().to_string(),
                },
                Kind::Link => Evidence::Link {
                    url: url.trim().to_string(),
                },
                Kind::File => return,
            };
            if let Some(defect) = evidence.defect() {
                error.set(Some(match defect {
                    tdg_model::answer::EvidenceDefect::NoDocumentNumber => {
                        words::NO_NUMBER.get(lang)
                    }
                    tdg_model::answer::EvidenceDefect::NotALink => words::NOT_A_LINK.get(lang),
                    tdg_model::answer::EvidenceDefect::BadFileHash => words::BAD_FILE.get(lang),
                }));
                return;
            }
            error.set(None);
            number.set(String::new());
            date.set(None);
            title.set(String::new());
            url.set(String::new());
            adding.set(false);
            on_edit.emit(AnswerEdit::AddEvidence(evidence));
        })
    };
    let on_file = {
        let adding = adding.clone();
        let on_edit = props.on_edit.clone();
        let (error, hashing) = (error.clone(), hashing.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let (on_edit, error, hashing, adding) = (
                on_edit.clone(),
                error.clone(),
                hashing.clone(),
                adding.clone(),
            );
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
                        adding.set(false);
                        on_edit.emit(AnswerEdit::AddEvidence(Evidence::File {
                            name,
                            size,
                            sha256,
                        }))
                    }
                    Err(crate::browser::HashError::TooLarge(_)) => {
                        error.set(Some(words::TOO_LARGE.get(lang)))
                    }
                    Err(crate::browser::HashError::Failed(_)) => {
                        error.set(Some(words::UNREADABLE.get(lang)))
                    }
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
    let toggle = {
        let adding = adding.clone();
        Callback::from(move |_: MouseEvent| adding.set(!*adding))
    };
    // Opened: the focus goes to the form's first field. Folded again (evidence added): back to
    // the button, rather than lost with the button that was pressed.
    let (kind_ref, toggle_ref) = (use_node_ref(), use_node_ref());
    let was_open = use_mut_ref(|| false);
    {
        let (kind_ref, toggle_ref) = (kind_ref.clone(), toggle_ref.clone());
        use_effect_with(*adding, move |open| {
            let target = match (*open, *was_open.borrow()) {
                (true, _) => Some(kind_ref),
                (false, true) => Some(toggle_ref),
                (false, false) => None,
            };
            *was_open.borrow_mut() = *open;
            if let Some(el) = target.and_then(|r| r.cast::<web_sys::HtmlElement>()) {
                let _ = el.focus();
            }
        });
    }
    let form_id = id("form");
    let heading = if props.for_reason {
        words::FOR_REASON
    } else if props.required {
        words::REQUIRED
    } else {
        words::TITLE
    };
    html! {
        <div class="evidence">
            <h4>{ heading.get(lang) }</h4>
            if !props.evidence.is_empty() {
                <ul class="evidence-list">
                    { for props.evidence.iter().enumerate().map(|(i, e)| {
                        let remove = props.on_edit.reform(move |_: MouseEvent| AnswerEdit::RemoveEvidence(i));
                        let error = props.errors.iter().find(|(at, _)| *at == i).map(|(_, m)| m.clone());
                        let error_id = id(&format!("item-{i}-error"));
                        html! {
                            // tabindex -1: the error summary moves the focus to a faulty piece.
                            <li id={id(&format!("item-{i}"))} tabindex="-1" aria-describedby={error.is_some().then(|| error_id.clone())}>
                                <span>{ describe(e, lang) }</span>
                                <button type="button" class="link-button" onclick={remove}
                                    aria-label={format!("{} {}", words::REMOVE_NTH.get(lang), i + 1)}>
                                    { words::REMOVE.get(lang) }
                                </button>
                                if let Some(error) = error {
                                    <p class="field-error" id={error_id}>{ error }</p>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
            <div class="evidence-row">
                if props.evidence.is_empty() {
                    <p class="muted">{ words::NONE_YET.get(lang) }</p>
                }
                // Eight cards have eight "Thêm minh chứng": the card's title says which one.
                <button type="button" class="add-evidence" ref={toggle_ref} aria-expanded={adding.to_string()}
                    aria-describedby={crate::components::criterion_card::title_id(&props.criterion)}
                    aria-controls={(*adding).then(|| form_id.clone())} onclick={toggle}>{ words::ADD.get(lang) }</button>
            </div>
            if *adding {
            <div class="evidence-add" id={form_id}>
                <div class="field">
                    <label for={id("kind")}>{ words::KIND.get(lang) }</label>
                    <select id={id("kind")} ref={kind_ref} onchange={on_kind}>
                        <option value="document" selected={*kind == Kind::Document}>{ words::DOCUMENT.get(lang) }</option>
                        <option value="link" selected={*kind == Kind::Link}>{ words::LINK.get(lang) }</option>
                        <option value="file" selected={*kind == Kind::File}>{ words::FILE.get(lang) }</option>
                    </select>
                </div>
                { match *kind {
                    Kind::Document => html! { <>
                        <div class="field"><label for={id("number")}>{ words::NUMBER.get(lang) }</label>
                            <input id={id("number")} type="text" value={(*number).clone()} oninput={text_input(&number)} placeholder="125/BC-UBND"
                                aria-invalid={error.is_some().to_string()} aria-describedby={error.is_some().then(|| id("number-error"))} />
                            if let Some(message) = *error {
                                <p class="field-error" id={id("number-error")} role="alert">{ message }</p>
                            }</div>
                        <DateInput id={id("date")} label={words::DATE.get(lang)} value={*date}
                            on_change={{ let date = date.clone(); Callback::from(move |d| date.set(d)) }}
                            on_unreadable={{ let cell = date_unreadable.clone(); Callback::from(move |bad| *cell.borrow_mut() = bad) }}
                            latest={Some(crate::browser::today())} {lang} />
                        <div class="field wide"><label for={id("title")}>{ words::SUMMARY.get(lang) }</label>
                            <input id={id("title")} type="text" value={(*title).clone()} oninput={text_input(&title)} /></div>
                        <button type="button" onclick={on_add.clone()}>{ words::ADD_DOCUMENT.get(lang) }</button>
                    </> },
                    Kind::Link => html! { <>
                        <div class="field wide"><label for={id("url")}>{ words::LINK.get(lang) }</label>
                            <input id={id("url")} type="url" value={(*url).clone()} oninput={text_input(&url)} placeholder="https://"
                                aria-invalid={error.is_some().to_string()} aria-describedby={error.is_some().then(|| id("url-error"))} />
                            if let Some(message) = *error {
                                <p class="field-error" id={id("url-error")} role="alert">{ message }</p>
                            }</div>
                        <button type="button" onclick={on_add.clone()}>{ words::ADD_LINK.get(lang) }</button>
                    </> },
                    Kind::File => html! {
                        <div class="field wide">
                            <label for={id("file")}>{ words::CHOOSE_FILE.get(lang) }</label>
                            <input id={id("file")} type="file" onchange={on_file} disabled={percent.is_some()} />
                            if let Some(percent) = percent {
                                <div class="hash-progress" role="status">
                                    <label for={id("progress")}>{ words::HASHING.get(lang) }</label>
                                    <progress id={id("progress")} max="100" value={percent.to_string()}>{ format!("{percent} %") }</progress>
                                    <span>{ format!("{percent} %") }</span>
                                </div>
                            }
                        </div>
                    },
                } }
                // A number or link error is said by its field; only a file's is said here.
                if let Some(message) = (*error).filter(|_| *kind == Kind::File) {
                    <p class="field-error" role="alert">{ message }</p>
                }
            </div>
            }
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
                .map(|d| format!(" {} {}", words::OF_DATE.get(lang), d.display_vn()))
                .unwrap_or_default();
            let title = if title.is_empty() {
                String::new()
            } else {
                format!(": {title}")
            };
            format!("{} {number}{date}{title}", words::DOCUMENT.get(lang))
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
