use crate::i18n::says;
use crate::i18n::sign_panel as words;
use crate::key_store::{self, KeyError};
use crate::shared::Shared;
use crate::state::{Action, KeyInfo, KeyProtection, LoadedCatalog, Notice, SignedInfo};
use std::cell::RefCell;
use std::rc::Rc;
use tdg_model::draft::Draft;
use tdg_model::Lang;
use tdg_model::Localized;
use tdg_signer_api::PrepareRequest;
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
    /// The portal embedding the tool, when it may receive the report (`embed.json`).
    #[prop_or_default]
    pub portal_name: Option<tdg_model::Text>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// The panel's own step in making or unlocking the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Idle,
    /// Choose the backup's password; the key is made (or the old one protected).
    Create,
    /// Re-open the downloaded backup file with its password.
    Reopen,
    /// Unlock a key kept only as its backup (browsers without Ed25519 in WebCrypto).
    Unlock,
}

const MIN_PASSWORD: usize = 12;

fn failed(dispatch: &Callback<Action>, e: &KeyError) {
    dispatch.emit(Action::Notify(Notice::error(e.both())));
}

fn backup_name(draft: &Draft) -> String {
    tdg_model::draft::key_backup_file_name(&draft.unit.code, crate::training::is_on())
}

fn download_backup(dispatch: &Callback<Action>, name: &str, file: &str) {
    if crate::browser::download(name, "application/json", file.as_bytes()).is_err() {
        dispatch.emit(Action::Notify(Notice::error(
            crate::i18n::files::DOWNLOAD_REFUSED,
        )));
    }
}

/// Scores, signs with the stored key (WebCrypto, or the unlocked backup) and downloads.
async fn sign_and_download(
    catalog: Shared<LoadedCatalog>,
    draft: Draft,
    key: KeyInfo,
    dispatch: Callback<Action>,
) -> Result<(), KeyError> {
    // One reading of the clock: the report's submission day is the day the view shows.
    let signed_on = crate::browser::today();
    let request = PrepareRequest {
        draft,
        did: key.did.clone(),
        submitted_on: signed_on.to_string(),
        created: crate::browser::now_rfc3339(),
        training: crate::training::is_on(),
    };
    let prepared = crate::signer::prepare_report(&catalog.bytes, &request)
        .await
        .map_err(KeyError::Signer)?;
    let data = key_store::hex_bytes(&prepared.hash_data)?;
    let signature = key_store::sign(crate::training::key_area(), &key, &data).await?;
    let signed = crate::signer::finish_report(&prepared, &signature)
        .await
        .map_err(KeyError::Signer)?;
    if crate::browser::download(
        &signed.file_name,
        "application/json",
        signed.json.as_bytes(),
    )
    .is_err()
    {
        dispatch.emit(Action::Notify(Notice::error(
            crate::i18n::files::DOWNLOAD_REFUSED,
        )));
    }
    let name = signed.file_name.clone();
    crate::portal::report_signed(&signed.file_name, &signed.sha256, &signed.json);
    dispatch.emit(Action::Signed(SignedInfo {
        file_name: signed.file_name,
        sha256: signed.sha256,
        signed_on,
    }));
    dispatch.emit(Action::Notify(Notice::info(words::signed_downloaded(
        &name,
    ))));
    Ok(())
}

/// Runs `work` unless the panel is busy already (a double click, a click during signing),
/// showing the busy state meanwhile.
fn run_busy<F>(guard: &Rc<RefCell<bool>>, busy: &UseStateHandle<bool>, work: F)
where
    F: std::future::Future<Output = ()> + 'static,
{
    spawn_busy(guard, busy, Box::pin(work));
}

/// Not generic: one copy of the task glue in the app, whatever the work.
fn spawn_busy(
    guard: &Rc<RefCell<bool>>,
    busy: &UseStateHandle<bool>,
    work: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>,
) {
    if guard.replace(true) {
        return;
    }
    busy.set(true);
    let (guard, busy) = (guard.clone(), busy.clone());
    wasm_bindgen_futures::spawn_local(async move {
        work.await;
        *guard.borrow_mut() = false;
        busy.set(false);
    });
}

fn protection_text(lang: Lang, protection: KeyProtection) -> &'static str {
    match protection {
        KeyProtection::Browser => words::BROWSER_KEEPS_KEY_NOBODY.get(lang),
        KeyProtection::Password => words::BROWSER_CANNOT_KEEP_UNCOPYABLE.get(lang),
        KeyProtection::Pending => words::KEY_MADE_BUT_NOT.get(lang),
        KeyProtection::Legacy => words::KEY_KEPT_UNPROTECTED_OLDER.get(lang),
        KeyProtection::Unreadable => words::KEY_KEPT_COMPUTER_CANNOT.get(lang),
    }
}

/// Signing: the unit's key (made at the first signing, backed up with a password, the backup
/// re-opened, then kept as a non-extractable browser key), the signed report's download, its
/// SHA-256 and the key's fingerprint. The cryptography runs in the signing module and the
/// backup worker, loaded on first use.
#[function_component(SignPanel)]
pub fn sign_panel(props: &SignPanelProps) -> Html {
    let lang = props.lang;
    let step = use_state(|| Step::Idle);
    let busy = use_state(|| false);
    // Set synchronously by the first click, before any re-render could disable the button.
    let guard = use_mut_ref(|| false);
    let password = use_state(String::new);
    let password_again = use_state(String::new);
    let suggested = use_state(String::new);
    let reopen_password = use_state(String::new);
    let unlock_password = use_state(String::new);
    let restore_password = use_state(String::new);
    let just_created = use_state(|| false);

    // What IndexedDB holds (the start-up state only knew the old localStorage entry).
    {
        let dispatch = props.on_action.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match key_store::current(crate::training::key_area()).await {
                    Ok(Some(info)) => dispatch.emit(Action::KeyReady(info)),
                    Ok(None) => dispatch.emit(Action::KeyForgotten),
                    // Said at signing, where it matters, not on every page load.
                    Err(KeyError::Signer(crate::signer::SignerError::Load(_))) => {}
                    Err(e) => failed(&dispatch, &e),
                }
            });
        });
    }

    let start_signing = {
        let (catalog, draft, dispatch, step, busy, guard) = (
            props.catalog.clone(),
            props.draft.clone(),
            props.on_action.clone(),
            step.clone(),
            busy.clone(),
            guard.clone(),
        );
        move |key: KeyInfo| {
            let (catalog, draft, dispatch, step) = (
                catalog.clone(),
                draft.clone(),
                dispatch.clone(),
                step.clone(),
            );
            run_busy(&guard, &busy, async move {
                match sign_and_download(catalog, draft, key, dispatch.clone()).await {
                    Ok(()) => {}
                    Err(KeyError::Locked) => step.set(Step::Unlock),
                    Err(e) => failed(&dispatch, &e),
                }
            });
        }
    };

    let on_sign = {
        let (draft, dispatch, step, key) = (
            props.draft.clone(),
            props.on_action.clone(),
            step.clone(),
            props.unit_key.clone(),
        );
        let start_signing = start_signing.clone();
        let (open, errors) = (props.open, props.errors);
        Callback::from(move |_: MouseEvent| {
            if (open > 0 || errors > 0)
                && !crate::browser::confirm(&says::sign_anyway(lang, open, errors))
            {
                return;
            }
            if draft.unit.name.trim().is_empty() || draft.unit.code.trim().is_empty() {
                dispatch.emit(Action::Notify(Notice::error(words::ENTER_UNIT_NAME_CODE)));
                return;
            }
            let (step, said, start_signing) =
                (step.clone(), dispatch.clone(), start_signing.clone());
            let next = move |key: Option<KeyInfo>| match key {
                None => step.set(Step::Create),
                Some(k) => match k.protection {
                    KeyProtection::Legacy => step.set(Step::Create),
                    KeyProtection::Pending => step.set(Step::Reopen),
                    KeyProtection::Unreadable => {
                        failed(&said, &KeyError::Unreadable(k.fingerprint.clone()))
                    }
                    KeyProtection::Browser | KeyProtection::Password => start_signing(k),
                },
            };
            match &key {
                Some(k) => next(Some(k.clone())),
                // Not known yet: just after a reload the stored key may still be on its way
                // from IndexedDB. Asked here rather than offering to make a key the unit has.
                None => {
                    let dispatch = dispatch.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        match key_store::current(crate::training::key_area()).await {
                            Ok(found) => {
                                if let Some(info) = &found {
                                    dispatch.emit(Action::KeyReady(info.clone()));
                                }
                                next(found);
                            }
                            Err(e) => failed(&dispatch, &e),
                        }
                    });
                }
            }
        })
    };

    let on_suggest = {
        let (password, password_again, suggested, dispatch) = (
            password.clone(),
            password_again.clone(),
            suggested.clone(),
            props.on_action.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Ok(random) = crate::browser::random::<8>() else {
                return failed(&dispatch, &KeyError::Random);
            };
            let (password, password_again, suggested, dispatch) = (
                password.clone(),
                password_again.clone(),
                suggested.clone(),
                dispatch.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match crate::signer::passphrase(&random).await {
                    Ok(words) => {
                        password.set(words.clone());
                        password_again.set(words.clone());
                        suggested.set(words);
                    }
                    Err(e) => failed(&dispatch, &KeyError::Signer(e)),
                }
            });
        })
    };

    let on_create = {
        let (password, password_again, suggested, dispatch, draft, step, busy, guard, created) = (
            password.clone(),
            password_again.clone(),
            suggested.clone(),
            props.on_action.clone(),
            props.draft.clone(),
            step.clone(),
            busy.clone(),
            guard.clone(),
            just_created.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if *password != *password_again {
                return dispatch.emit(Action::Notify(Notice::error(words::TWO_PASSWORDS_DIFFER)));
            }
            if password.chars().count() < MIN_PASSWORD {
                return dispatch.emit(Action::Notify(Notice::error(
                    words::password_needs_least_characters(&MIN_PASSWORD),
                )));
            }
            let label = format!("{} ({})", draft.unit.name, draft.unit.code);
            let name = backup_name(&draft);
            let (pw, dispatch, step, password, password_again, suggested, created) = (
                (*password).clone(),
                dispatch.clone(),
                step.clone(),
                password.clone(),
                password_again.clone(),
                suggested.clone(),
                created.clone(),
            );
            run_busy(&guard, &busy, async move {
                match key_store::begin(crate::training::key_area(), pw, label).await {
                    Ok(begun) => {
                        let fp = begun.info.fingerprint.clone();
                        if begun.made_here {
                            if let Some(file) = &begun.backup {
                                download_backup(&dispatch, &name, file);
                            }
                            dispatch.emit(Action::Notify(Notice::info(
                                words::key_made_backup_downloaded(&fp, &name),
                            )));
                        } else {
                            dispatch.emit(Action::Notify(Notice::info(
                                words::key_was_already_made(&fp),
                            )));
                        }
                        let ready = matches!(
                            begun.info.protection,
                            KeyProtection::Browser | KeyProtection::Password
                        );
                        dispatch.emit(Action::KeyReady(begun.info));
                        password.set(String::new());
                        password_again.set(String::new());
                        suggested.set(String::new());
                        created.set(true);
                        step.set(if ready { Step::Idle } else { Step::Reopen });
                    }
                    Err(e) => failed(&dispatch, &e),
                }
            });
        })
    };

    let on_download_again = {
        let (dispatch, draft) = (props.on_action.clone(), props.draft.clone());
        Callback::from(move |_: MouseEvent| {
            let (dispatch, name) = (dispatch.clone(), backup_name(&draft));
            wasm_bindgen_futures::spawn_local(async move {
                match key_store::stored_backup(crate::training::key_area()).await {
                    Ok(Some(file)) => download_backup(&dispatch, &name, &file),
                    Ok(None) => failed(&dispatch, &KeyError::NoKey),
                    Err(e) => failed(&dispatch, &e),
                }
            });
        })
    };

    let on_reopen = {
        let (reopen_password, dispatch, step, busy, guard) = (
            reopen_password.clone(),
            props.on_action.clone(),
            step.clone(),
            busy.clone(),
            guard.clone(),
        );
        let (catalog, draft) = (props.catalog.clone(), props.draft.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(input) = file_input("key-reopen-file") else {
                return;
            };
            let (pw, dispatch, step, reopen_password) = (
                (*reopen_password).clone(),
                dispatch.clone(),
                step.clone(),
                reopen_password.clone(),
            );
            let (catalog, draft) = (catalog.clone(), draft.clone());
            run_busy(&guard, &busy, async move {
                let Some(bytes) = chosen_file(&input, &dispatch).await else {
                    return;
                };
                match key_store::finish(crate::training::key_area(), bytes, pw).await {
                    Ok(info) => {
                        let fp = info.fingerprint.clone();
                        dispatch.emit(Action::KeyReady(info.clone()));
                        dispatch.emit(Action::Notify(Notice::info(words::backup_opens_key_ready(
                            &fp,
                        ))));
                        reopen_password.set(String::new());
                        step.set(Step::Idle);
                        match sign_and_download(catalog, draft, info, dispatch.clone()).await {
                            Ok(()) => {}
                            Err(e) => failed(&dispatch, &e),
                        }
                    }
                    Err(e) => failed(&dispatch, &e),
                }
            });
        })
    };

    let on_unlock = {
        let (unlock_password, dispatch, step, key) = (
            unlock_password.clone(),
            props.on_action.clone(),
            step.clone(),
            props.unit_key.clone(),
        );
        let start_signing = start_signing.clone();
        let (busy, guard) = (busy.clone(), guard.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(key) = key.clone() else { return };
            let (pw, dispatch, step, unlock_password, start_signing) = (
                (*unlock_password).clone(),
                dispatch.clone(),
                step.clone(),
                unlock_password.clone(),
                start_signing.clone(),
            );
            run_busy(&guard, &busy, async move {
                match key_store::unlock(crate::training::key_area(), pw).await {
                    Ok(()) => {
                        unlock_password.set(String::new());
                        step.set(Step::Idle);
                        // `run_busy` refuses while this task holds the flag: sign after it.
                        wasm_bindgen_futures::spawn_local(async move { start_signing(key) });
                    }
                    Err(e) => failed(&dispatch, &e),
                }
            });
        })
    };

    let on_forget = {
        let (dispatch, key, step) = (
            props.on_action.clone(),
            props.unit_key.clone(),
            step.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(key) = &key else { return };
            let question = words::forget_key_question(lang, &key.fingerprint);
            if !crate::browser::confirm(&question) {
                return;
            }
            let (dispatch, fp, step) = (dispatch.clone(), key.fingerprint.clone(), step.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match key_store::forget(crate::training::key_area()).await {
                    Ok(()) => {
                        dispatch.emit(Action::KeyForgotten);
                        step.set(Step::Idle);
                        dispatch.emit(Action::Notify(Notice::info(words::key_forgotten_computer(
                            &fp,
                        ))));
                    }
                    Err(e) => failed(&dispatch, &e),
                }
            });
        })
    };

    let on_restore = {
        let (restore_password, dispatch, busy, guard) = (
            restore_password.clone(),
            props.on_action.clone(),
            busy.clone(),
            guard.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(input) = file_input("key-backup-file") else {
                return;
            };
            let (password, dispatch) = ((*restore_password).clone(), dispatch.clone());
            run_busy(&guard, &busy, async move {
                let Some(bytes) = chosen_file(&input, &dispatch).await else {
                    return;
                };
                let confirm = move |fingerprint: &str| {
                    crate::browser::confirm(&words::replace_key_question(
                        lang,
                        &display_fingerprint(fingerprint),
                    ))
                };
                match key_store::restore(crate::training::key_area(), bytes, password, confirm)
                    .await
                {
                    Ok(info) => {
                        let fp = info.fingerprint.clone();
                        dispatch.emit(Action::KeyReady(info));
                        dispatch.emit(Action::Notify(Notice::info(words::key_restored_computer(
                            &fp,
                        ))));
                    }
                    Err(e) => failed(&dispatch, &e),
                }
            });
        })
    };

    let text_input = super::bind_text;
    let go_print = props
        .on_action
        .reform(|_: MouseEvent| Action::Go(crate::state::Screen::Print));
    let legacy = props
        .unit_key
        .as_ref()
        .is_some_and(|k| k.protection == KeyProtection::Legacy);
    html! {
        <section class="sign" aria-labelledby="sign-title" aria-busy={(*busy).to_string()}>
            // tabindex -1: the step bar's "Ký, tải" moves the focus here. Nothing is sent: "tải".
            <h2 id="sign-title" tabindex="-1">{ words::SIGN_DOWNLOAD_REPORT.get(lang) }</h2>
            if props.unit_key.is_none() {
                <p class="explain">{ words::FIRST_SIGNING_MAKES_UNIT.get(lang) }</p>
            }
            <button type="button" class="primary" onclick={on_sign} disabled={*busy}>
                { if *busy { words::WORKING.get(lang) } else { words::SIGN_DOWNLOAD_REPORT_JSON.get(lang) } }
            </button>
            if *step == Step::Create {
                <div class="key-setup" data-testid="key-create">
                    <p>{ if legacy {
                        words::PROTECT_EXISTING_KEY_CHOOSE.get(lang)
                    } else {
                        words::MAKE_SIGNING_KEY_CHOOSE.get(lang)
                    } }</p>
                    <div class="field"><label for="new-password">{ words::PASSWORD_LEAST_12_CHARACTERS.get(lang) }</label>
                        <input id="new-password" type="password" autocomplete="new-password" value={(*password).clone()} oninput={text_input(&password)} /></div>
                    <div class="field"><label for="new-password-again">{ words::PASSWORD_AGAIN.get(lang) }</label>
                        <input id="new-password-again" type="password" autocomplete="new-password" value={(*password_again).clone()} oninput={text_input(&password_again)} /></div>
                    <button type="button" onclick={on_suggest}>{ words::SUGGEST_PASSPHRASE.get(lang) }</button>
                    if !suggested.is_empty() {
                        <p>{ words::SUGGESTED_PASSPHRASE_8_WORDS.get(lang) }</p>
                        <p class="mono" data-testid="passphrase">{ (*suggested).clone() }</p>
                    }
                    <button type="button" class="primary" onclick={on_create} disabled={*busy}>{ words::MAKE_KEY_DOWNLOAD_BACKUP.get(lang) }</button>
                </div>
            }
            if *step == Step::Reopen || props.unit_key.as_ref().is_some_and(|k| k.protection == KeyProtection::Pending) {
                <div class="key-setup" data-testid="key-reopen">
                    <p>{ words::RE_OPEN_BACKUP_FILE.get(lang) }</p>
                    <div class="field"><label for="key-reopen-file">{ words::BACKUP_FILE_JUST_DOWNLOADED.get(lang) }</label>
                        <input id="key-reopen-file" type="file" accept=".json,application/json" /></div>
                    <div class="field"><label for="reopen-password">{ words::DOWNLOADED_FILE_PASSWORD.get(lang) }</label>
                        <input id="reopen-password" type="password" autocomplete="current-password" value={(*reopen_password).clone()} oninput={text_input(&reopen_password)} /></div>
                    <button type="button" class="primary" onclick={on_reopen} disabled={*busy}>{ words::OPEN_BACKUP_SIGN.get(lang) }</button>
                    <button type="button" onclick={on_download_again.clone()}>{ words::DOWNLOAD_BACKUP_AGAIN.get(lang) }</button>
                </div>
            }
            if *step == Step::Unlock {
                <div class="key-setup" data-testid="key-unlock">
                    <div class="field"><label for="unlock-password">{ words::KEY_BACKUP_PASSWORD_UNLOCKS.get(lang) }</label>
                        <input id="unlock-password" type="password" autocomplete="current-password" value={(*unlock_password).clone()} oninput={text_input(&unlock_password)} /></div>
                    <button type="button" class="primary" onclick={on_unlock} disabled={*busy}>{ words::UNLOCK_SIGN.get(lang) }</button>
                </div>
            }
            if let Some(signed) = &props.signed {
                <div class="signed" data-testid="signed">
                    <p>{ format!("{} {}", words::SIGNED.get(lang), signed.file_name) }</p>
                    <p class="mono">{ format!("SHA-256: {}", signed.sha256) }</p>
                    <button type="button" onclick={go_print}>{ words::PRINTABLE_COPY.get(lang) }</button>
                    if let Some(portal) = props.portal_name.as_ref().filter(|_| crate::portal::has_report(&signed.sha256)) {
                        { send_to_portal(portal, &signed.sha256, lang, &props.on_action) }
                    }
                </div>
            }
            if let Some(key) = &props.unit_key {
                <div class={classes!("key", (*just_created).then_some("highlight"))}>
                    <p>{ if crate::training::is_on() {
                        words::TRAINING_KEY_FINGERPRINT_NEVER.get(lang)
                    } else {
                        words::KEY_FINGERPRINT_REGISTER_OFFICE.get(lang)
                    } }</p>
                    <p class="fingerprint mono" data-testid="fingerprint">{ display_fingerprint(&key.fingerprint) }</p>
                    <p data-testid="key-protection">{ protection_text(lang, key.protection) }</p>
                    if matches!(key.protection, KeyProtection::Browser | KeyProtection::Password) {
                        <button type="button" onclick={on_download_again}>{ words::DOWNLOAD_KEY_BACKUP_AGAIN.get(lang) }</button>
                    }
                    <button type="button" onclick={on_forget}>{ words::FORGET_KEY_COMPUTER.get(lang) }</button>
                </div>
            }
            <details class="restore-key">
                <summary>{ words::USE_BACKED_UP_KEY.get(lang) }</summary>
                <div class="field"><label for="key-backup-file">{ words::KEY_BACKUP_FILE.get(lang) }</label>
                    <input id="key-backup-file" type="file" accept=".json,application/json" /></div>
                <div class="field"><label for="restore-password">{ words::BACKUP_PASSWORD.get(lang) }</label>
                    <input id="restore-password" type="password" autocomplete="current-password" value={(*restore_password).clone()} oninput={text_input(&restore_password)} /></div>
                <button type="button" onclick={on_restore} disabled={*busy}>{ words::RESTORE_KEY.get(lang) }</button>
            </details>
        </section>
    }
}

/// A fingerprint for people; an unreadable key has none.
fn display_fingerprint(fingerprint: &str) -> String {
    if fingerprint.is_empty() {
        "????-????-????-????-????".into()
    } else {
        fingerprint.to_string()
    }
}

fn file_input(id: &str) -> Option<web_sys::HtmlInputElement> {
    let element = gloo::utils::document().get_element_by_id(id)?;
    Some(wasm_bindgen::JsCast::unchecked_into(element))
}

/// The bytes of the file chosen in `input`, or a message.
async fn chosen_file(
    input: &web_sys::HtmlInputElement,
    dispatch: &Callback<Action>,
) -> Option<Vec<u8>> {
    match crate::browser::read_chosen_file(input).await {
        Ok(Some((_, bytes))) => Some(bytes),
        Ok(None) => {
            dispatch.emit(Action::Notify(Notice::error(words::CHOOSE_KEY_BACKUP_FILE)));
            None
        }
        Err(_) => {
            dispatch.emit(Action::Notify(Notice::error(crate::i18n::files::NOT_READ)));
            None
        }
    }
}

/// The button that sends the signed report to the portal embedding the tool: the report leaves
/// only on this press, and only to an origin listed in embed.json.
fn send_to_portal(
    portal: &tdg_model::Text,
    sha256: &str,
    lang: Lang,
    on_action: &Callback<Action>,
) -> Html {
    let name = portal.get(lang).to_string();
    let (sha256, names) = (sha256.to_string(), portal.clone());
    let onclick = on_action.reform(move |_: MouseEvent| {
        Action::Notify(if crate::portal::send_report(&sha256) {
            Notice::info(words::handed_to_portal(&names))
        } else {
            Notice::error(words::PAGE_NO_LONGER_HOLDS)
        })
    });
    html! {
        <button type="button" class="primary" {onclick}>
            { format!("{} {name}", words::SEND_REPORT.get(lang)) }
        </button>
    }
}
