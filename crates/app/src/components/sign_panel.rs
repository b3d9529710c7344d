use crate::i18n::{tr, trs};
use crate::state::{Action, KeyInfo, LoadedCatalog, Notice, SignedInfo};
use crate::storage::{self, StoredKey};
use std::rc::Rc;
use tdg_model::draft::Draft;
use tdg_model::Lang;
use tdg_report::backup;
use tdg_report::report::{file_name, file_safe_code, sign_report, SignRequest};
use tdg_report::UnitKey;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SignPanelProps {
    pub catalog: Rc<LoadedCatalog>,
    pub draft: Draft,
    pub unit_key: Option<KeyInfo>,
    pub signed: Option<SignedInfo>,
    /// Criteria still open and answers with errors: signing such a report asks first.
    pub open: u32,
    pub errors: usize,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn seed_from_hex(text: &str) -> Option<[u8; 32]> {
    let bytes: Option<Vec<u8>> = (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect();
    bytes?.try_into().ok()
}

/// The key kept on this device, if any.
fn device_key() -> Option<UnitKey> {
    storage::load_key()
        .and_then(|k| seed_from_hex(&k.seed))
        .map(UnitKey::from_seed)
}

fn keep_key(key: &UnitKey) -> Result<KeyInfo, Notice> {
    let public = key.public();
    let stored = StoredKey {
        seed: hex(&key.seed()),
        did: public.did(),
        fingerprint: public.fingerprint(),
    };
    storage::save_key(&stored).map_err(|_| {
        Notice::error(
            "Không lưu được khóa trên máy này (bộ nhớ trình duyệt bị chặn hoặc đầy).",
            "The key could not be kept on this computer (browser storage blocked or full).",
        )
    })?;
    Ok(KeyInfo {
        did: stored.did,
        fingerprint: stored.fingerprint,
    })
}

/// Signing: the unit's key (made at the first signing, backed up with a password, restorable
/// on another computer), the signed report's download, its SHA-256 and the key's fingerprint.
#[function_component(SignPanel)]
pub fn sign_panel(props: &SignPanelProps) -> Html {
    let lang = props.lang;
    let password = use_state(String::new);
    let password_again = use_state(String::new);
    let restore_password = use_state(String::new);
    let just_created = use_state(|| false);
    let on_sign = {
        let (catalog, draft, dispatch, just_created) = (
            props.catalog.clone(),
            props.draft.clone(),
            props.on_action.clone(),
            just_created.clone(),
        );
        let (open, errors) = (props.open, props.errors);
        Callback::from(move |_: MouseEvent| {
            if (open > 0 || errors > 0) && !crate::browser::confirm(&match lang {
                Lang::Vi => format!("Báo cáo còn {open} tiêu chí chưa trả lời và {errors} lỗi trong câu trả lời. Vẫn ký và tải báo cáo?"),
                Lang::En => format!("The report still has {open} open criteria and {errors} answer errors. Sign and download it anyway?"),
            }) {
                return;
            }
            if draft.unit.name.trim().is_empty() || draft.unit.code.trim().is_empty() {
                dispatch.emit(Action::Notify(Notice::error(
                    "Cần nhập tên và mã đơn vị (ở bước Bắt đầu) trước khi ký.",
                    "Enter the unit's name and code (on the Start step) before signing.",
                )));
                return;
            }
            let key = match device_key() {
                Some(k) => k,
                None => match crate::browser::random::<32>() {
                    Ok(seed) => {
                        let key = UnitKey::from_seed(seed);
                        match keep_key(&key) {
                            Ok(info) => {
                                dispatch.emit(Action::KeyReady(info));
                                just_created.set(true);
                            }
                            Err(notice) => return dispatch.emit(Action::Notify(notice)),
                        }
                        key
                    }
                    Err(_) => {
                        return dispatch.emit(Action::Notify(Notice::error(
                            "Trình duyệt không tạo được số ngẫu nhiên an toàn.",
                            "The browser cannot make secure random numbers.",
                        )))
                    }
                },
            };
            let request = SignRequest {
                catalog: &catalog.catalog,
                catalog_bytes: &catalog.bytes,
                unit_name: draft.unit.name.clone(),
                unit_code: draft.unit.code.clone(),
                unit_group: draft.unit.group.clone(),
                sheet: &draft.sheet,
                submitted_on: crate::browser::today(),
                created: crate::browser::now_rfc3339(),
            };
            match sign_report(&request, &key) {
                Ok(signed) => {
                    let name = file_name(&draft.unit.code, draft.sheet.period);
                    if crate::browser::download(&name, "application/json", signed.json.as_bytes())
                        .is_err()
                    {
                        dispatch.emit(Action::Notify(Notice::error(
                            "Trình duyệt không cho tải tệp xuống.",
                            "The browser refused the download.",
                        )));
                    }
                    dispatch.emit(Action::Signed(SignedInfo {
                        file_name: name.clone(),
                        sha256: signed.sha256,
                        json: Rc::new(signed.json),
                    }));
                    dispatch.emit(Action::Notify(Notice::info(
                        format!("Đã ký và tải xuống {name}."),
                        format!("Signed and downloaded {name}."),
                    )));
                }
                Err(e) => dispatch.emit(Action::Notify(Notice::error(
                    format!("Không ký được báo cáo: {e}"),
                    format!("The report could not be signed: {e}"),
                ))),
            }
        })
    };
    let on_backup = {
        let (password, password_again, dispatch, draft) = (
            password.clone(),
            password_again.clone(),
            props.on_action.clone(),
            props.draft.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(key) = device_key() else { return };
            if *password != *password_again {
                return dispatch.emit(Action::Notify(Notice::error(
                    "Hai mật khẩu không khớp.",
                    "The two passwords differ.",
                )));
            }
            let (Ok(salt), Ok(nonce)) = (
                crate::browser::random::<16>(),
                crate::browser::random::<24>(),
            ) else {
                return;
            };
            let label = format!("{} ({})", draft.unit.name, draft.unit.code);
            match backup::seal(&key, &password, &label, salt, nonce) {
                Ok(b) => {
                    let json = serde_json::to_string_pretty(&b).unwrap_or_default();
                    let name = format!("{}-khoa-sao-luu.json", file_safe_code(&draft.unit.code));
                    let _ = crate::browser::download(&name, "application/json", json.as_bytes());
                    password.set(String::new());
                    password_again.set(String::new());
                    dispatch.emit(Action::Notify(Notice::info(
                        format!("Đã lưu tệp sao lưu khóa {name}. Giữ tệp và mật khẩu ở nơi an toàn, tách riêng nhau."),
                        format!("Key backup saved as {name}. Keep the file and the password safe, apart from each other."),
                    )));
                }
                Err(e) => {
                    dispatch.emit(Action::Notify(Notice::error(e.message_vi(), e.to_string())))
                }
            }
        })
    };
    let on_restore = {
        let (restore_password, dispatch) = (restore_password.clone(), props.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(input) = gloo::utils::document().get_element_by_id("key-backup-file") else {
                return;
            };
            let input: web_sys::HtmlInputElement = wasm_bindgen::JsCast::unchecked_into(input);
            let (password, dispatch) = ((*restore_password).clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match crate::browser::read_chosen_file(&input).await {
                    Ok(Some((_, bytes))) => match backup::open(&bytes, &password) {
                        Ok(key) => match keep_key(&key) {
                            Ok(info) => {
                                let fp = info.fingerprint.clone();
                                dispatch.emit(Action::KeyReady(info));
                                dispatch.emit(Action::Notify(Notice::info(
                                    format!("Đã khôi phục khóa {fp} trên máy này."),
                                    format!("Key {fp} restored on this computer."),
                                )));
                            }
                            Err(n) => dispatch.emit(Action::Notify(n)),
                        },
                        Err(e) => dispatch
                            .emit(Action::Notify(Notice::error(e.message_vi(), e.to_string()))),
                    },
                    Ok(None) => dispatch.emit(Action::Notify(Notice::error(
                        "Hãy chọn tệp sao lưu khóa.",
                        "Choose the key backup file.",
                    ))),
                    Err(_) => dispatch.emit(Action::Notify(Notice::error(
                        "Không đọc được tệp.",
                        "The file could not be read.",
                    ))),
                }
            });
        })
    };
    // Passwords too are kept in NFC, so that the same Vietnamese password typed on another
    // computer (whose keyboard may produce decomposed marks) opens the backup.
    let text_input = super::bind_text;
    let go_print = props
        .on_action
        .reform(|_: MouseEvent| Action::Go(crate::state::Screen::Print));
    html! {
        <section class="sign" aria-labelledby="sign-title">
            <h2 id="sign-title">{ tr(lang, "Ký và gửi báo cáo", "Sign and send the report") }</h2>
            if props.unit_key.is_none() {
                <p class="explain">{ tr(lang,
                    "Lần ký đầu tiên sẽ tạo khóa ký của đơn vị ngay trên máy này. Khóa dùng để chứng minh báo cáo không bị sửa sau khi ký và do cùng một đơn vị gửi qua các năm. Khóa không thay chữ ký, con dấu trên bản in. Sau khi tạo, hãy lưu tệp sao lưu khóa có mật khẩu và đăng ký dấu vân tay khóa với cơ quan thường trực.",
                    "The first signing makes the unit's signing key on this computer. The key proves that the report was not changed after signing and that it comes from the same unit year after year. It does not replace the signature and seal on the printed copy. Once it exists, save the password-protected key backup and register the key's fingerprint with the office.") }</p>
            }
            <button type="button" class="primary" onclick={on_sign}>{ tr(lang, "Ký và tải báo cáo (JSON)", "Sign and download the report (JSON)") }</button>
            if let Some(signed) = &props.signed {
                <div class="signed" data-testid="signed">
                    <p>{ trs(lang, format!("Đã ký: {}", signed.file_name), format!("Signed: {}", signed.file_name)) }</p>
                    <p class="mono">{ format!("SHA-256: {}", signed.sha256) }</p>
                    <button type="button" onclick={go_print}>{ tr(lang, "Xem bản in", "Printable copy") }</button>
                </div>
            }
            if let Some(key) = &props.unit_key {
                <div class={classes!("key", (*just_created).then_some("highlight"))}>
                    <p>{ tr(lang, "Dấu vân tay khóa (đăng ký với cơ quan thường trực):", "Key fingerprint (register it with the office):") }</p>
                    <p class="fingerprint mono" data-testid="fingerprint">{ &key.fingerprint }</p>
                    <details open={*just_created}>
                        <summary>{ tr(lang, "Lưu tệp sao lưu khóa có mật khẩu", "Save a password-protected key backup") }</summary>
                        <div class="field"><label for="backup-password">{ tr(lang, "Mật khẩu (ít nhất 8 ký tự)", "Password (at least 8 characters)") }</label>
                            <input id="backup-password" type="password" autocomplete="new-password" value={(*password).clone()} oninput={text_input(&password)} /></div>
                        <div class="field"><label for="backup-password-again">{ tr(lang, "Nhập lại mật khẩu", "Password again") }</label>
                            <input id="backup-password-again" type="password" autocomplete="new-password" value={(*password_again).clone()} oninput={text_input(&password_again)} /></div>
                        <button type="button" onclick={on_backup}>{ tr(lang, "Lưu tệp sao lưu khóa", "Save the key backup") }</button>
                    </details>
                </div>
            }
            <details class="restore-key">
                <summary>{ tr(lang, "Dùng khóa đã sao lưu (máy khác)", "Use a backed-up key (from another computer)") }</summary>
                <div class="field"><label for="key-backup-file">{ tr(lang, "Tệp sao lưu khóa", "Key backup file") }</label>
                    <input id="key-backup-file" type="file" accept=".json,application/json" /></div>
                <div class="field"><label for="restore-password">{ tr(lang, "Mật khẩu của tệp sao lưu", "The backup's password") }</label>
                    <input id="restore-password" type="password" autocomplete="current-password" value={(*restore_password).clone()} oninput={text_input(&restore_password)} /></div>
                <button type="button" onclick={on_restore}>{ tr(lang, "Khôi phục khóa", "Restore the key") }</button>
            </details>
        </section>
    }
}
