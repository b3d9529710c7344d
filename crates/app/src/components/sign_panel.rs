use crate::i18n::tr;
use crate::shared::Shared;
use crate::signer::{self, SignerError};
use crate::state::{Action, KeyInfo, LoadedCatalog, Notice, SignedInfo};
use crate::storage::{self, StoredKey};
use tdg_model::draft::{file_safe_code, Draft};
use tdg_model::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SignPanelProps {
    pub catalog: Shared<LoadedCatalog>,
    pub draft: Draft,
    pub unit_key: Option<KeyInfo>,
    pub signed: Option<SignedInfo>,
    /// Criteria still open and answers with errors: signing such a report asks first.
    pub open: u32,
    pub errors: usize,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

fn failed(e: SignerError) -> Action {
    Action::Notify(Notice::error(e.vi, e.en))
}

/// Keeps a key's seed and identity on this device; tells the app about it.
fn keep_key(identity: signer::Identity, dispatch: &Callback<Action>) -> bool {
    let stored = StoredKey {
        seed: identity.seed,
        did: identity.did,
        fingerprint: identity.fingerprint,
    };
    if storage::save_key(&stored).is_err() {
        dispatch.emit(Action::Notify(Notice::error(
            "Không lưu được khóa trên máy này (bộ nhớ trình duyệt bị chặn hoặc đầy).",
            "The key could not be kept on this computer (browser storage blocked or full).",
        )));
        return false;
    }
    dispatch.emit(Action::KeyReady(KeyInfo {
        did: stored.did,
        fingerprint: stored.fingerprint,
    }));
    true
}

/// The seed of this device's key, making (and keeping) a new key at the first signing.
async fn device_seed(
    dispatch: &Callback<Action>,
    just_created: &UseStateHandle<bool>,
) -> Option<String> {
    if let Some(key) = storage::load_key() {
        return Some(key.seed);
    }
    let Ok(seed) = crate::browser::random_hex::<32>() else {
        dispatch.emit(Action::Notify(Notice::error(
            "Trình duyệt không tạo được số ngẫu nhiên an toàn.",
            "The browser cannot make secure random numbers.",
        )));
        return None;
    };
    match signer::public_identity(&seed).await {
        Ok(identity) => keep_key(identity, dispatch).then(|| {
            just_created.set(true);
            seed
        }),
        Err(e) => {
            dispatch.emit(failed(e));
            None
        }
    }
}

/// Signing: the unit's key (made at the first signing, backed up with a password, restorable
/// on another computer), the signed report's download, its SHA-256 and the key's fingerprint.
/// The cryptography runs in the signing module, loaded on first use.
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
            let (catalog, draft, dispatch, just_created) = (
                catalog.clone(),
                draft.clone(),
                dispatch.clone(),
                just_created.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let Some(seed) = device_seed(&dispatch, &just_created).await else {
                    return;
                };
                let draft_json = serde_json::to_string_pretty(&draft).unwrap_or_default();
                let today = crate::browser::today().to_string();
                match signer::sign(
                    &catalog.bytes,
                    &draft_json,
                    &seed,
                    &today,
                    &crate::browser::now_rfc3339(),
                )
                .await
                {
                    Ok(signed) => {
                        if crate::browser::download(
                            &signed.file_name,
                            "application/json",
                            signed.json.as_bytes(),
                        )
                        .is_err()
                        {
                            dispatch.emit(Action::Notify(Notice::error(
                                "Trình duyệt không cho tải tệp xuống.",
                                "The browser refused the download.",
                            )));
                        }
                        let name = signed.file_name.clone();
                        dispatch.emit(Action::Signed(SignedInfo {
                            file_name: signed.file_name,
                            sha256: signed.sha256,
                        }));
                        dispatch.emit(Action::Notify(Notice::info(
                            format!("Đã ký và tải xuống {name}."),
                            format!("Signed and downloaded {name}."),
                        )));
                    }
                    Err(e) => dispatch.emit(failed(e)),
                }
            });
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
            let Some(key) = storage::load_key() else {
                return;
            };
            if *password != *password_again {
                return dispatch.emit(Action::Notify(Notice::error(
                    "Hai mật khẩu không khớp.",
                    "The two passwords differ.",
                )));
            }
            let (Ok(salt), Ok(nonce)) = (
                crate::browser::random_hex::<16>(),
                crate::browser::random_hex::<24>(),
            ) else {
                return;
            };
            let label = format!("{} ({})", draft.unit.name, draft.unit.code);
            let name = format!("{}-khoa-sao-luu.json", file_safe_code(&draft.unit.code));
            let (password, password_again, dispatch) =
                (password.clone(), password_again.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match signer::seal_backup(&key.seed, &password, &label, &salt, &nonce).await {
                    Ok(json) => {
                        let _ =
                            crate::browser::download(&name, "application/json", json.as_bytes());
                        password.set(String::new());
                        password_again.set(String::new());
                        dispatch.emit(Action::Notify(Notice::info(
                            format!("Đã lưu tệp sao lưu khóa {name}. Giữ tệp và mật khẩu ở nơi an toàn, tách riêng nhau."),
                            format!("Key backup saved as {name}. Keep the file and the password safe, apart from each other."),
                        )));
                    }
                    Err(e) => dispatch.emit(failed(e)),
                }
            });
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
                    Ok(Some((_, bytes))) => match signer::open_backup(&bytes, &password).await {
                        Ok(identity) => {
                            let fp = identity.fingerprint.clone();
                            if keep_key(identity, &dispatch) {
                                dispatch.emit(Action::Notify(Notice::info(
                                    format!("Đã khôi phục khóa {fp} trên máy này."),
                                    format!("Key {fp} restored on this computer."),
                                )));
                            }
                        }
                        Err(e) => dispatch.emit(failed(e)),
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
                    <p>{ format!("{} {}", tr(lang, "Đã ký:", "Signed:"), signed.file_name) }</p>
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
