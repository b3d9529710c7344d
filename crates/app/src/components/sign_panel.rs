use crate::i18n::says;
use crate::i18n::sign_panel as words;
use crate::i18n::unit::UnitLabels;
use crate::key_store::{self, KeyError};
use crate::shared::Shared;
use crate::state::{Action, KeyInfo, KeyProtection, LoadedCatalog, Notice, SignedInfo};
use crate::views::sign::{display_fingerprint, SignEvent, SignFlow, SignRequest, SignStep as Step};
use std::cell::RefCell;
use std::rc::Rc;
use tdg_model::draft::Draft;
use tdg_model::Lang;
use tdg_model::Localized;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SignPanelProps {
    pub catalog: Shared<LoadedCatalog>,
    pub draft: Draft,
    pub unit_key: Option<KeyInfo>,
    pub signed: Option<SignedInfo>,
    /// Answers with errors: signing such a report (or one with open criteria) asks first.
    pub errors: usize,
    /// The criteria as the progress line counts them, said beside the button.
    pub progress: crate::state::Progress,
    /// The portal embedding the tool, when it may receive the report (`embed.json`).
    #[prop_or_default]
    pub portal_name: Option<tdg_model::Text>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

const MIN_PASSWORD: usize = 12;
const NEW_PASSWORD: &str = "new-password";
const NEW_PASSWORD_AGAIN: &str = "new-password-again";

fn failed(dispatch: &Callback<Action>, e: &KeyError) {
    dispatch.emit(Action::Notify(Notice::error(e.both())));
}

/// Runs `work` unless the panel is busy already (a double click, a click during signing),
/// showing the busy state meanwhile.
fn run_busy(
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

/// The panel's state that the flows' events change.
#[derive(Clone)]
struct Fields {
    dispatch: Callback<Action>,
    step: UseStateHandle<Step>,
    password: UseStateHandle<String>,
    password_again: UseStateHandle<String>,
    suggested: UseStateHandle<String>,
    reopen_password: UseStateHandle<String>,
    unlock_password: UseStateHandle<String>,
    just_created: UseStateHandle<bool>,
}

impl Fields {
    fn apply(&self, event: SignEvent) {
        match event {
            SignEvent::Apply(action) => self.dispatch.emit(*action),
            SignEvent::Signed(info, json) => {
                // The portal's button sends this text: it stays in this app's memory.
                crate::portal::report_signed(&info.file_name, &info.sha256, &json);
                self.dispatch.emit(Action::Signed(info));
            }
            SignEvent::Step(step) => self.step.set(step),
            SignEvent::Suggested(words) => {
                self.password.set(words.clone());
                self.password_again.set(words.clone());
                self.suggested.set(words);
            }
            SignEvent::Created => {
                self.password.set(String::new());
                self.password_again.set(String::new());
                self.suggested.set(String::new());
                self.just_created.set(true);
            }
            SignEvent::PasswordUsed => {
                self.reopen_password.set(String::new());
                self.unlock_password.set(String::new());
            }
        }
    }
}

/// What starting a flow needs.
struct Panel {
    catalog: Shared<LoadedCatalog>,
    draft: Draft,
    lang: Lang,
    busy: UseStateHandle<bool>,
    guard: Rc<RefCell<bool>>,
    fields: Fields,
}

impl Panel {
    /// Runs `flow` in the on-demand module (`views::sign_flow`, loaded on the first one). The
    /// flows that make, use or replace the key hold the busy state; suggesting a passphrase,
    /// downloading the backup again and forgetting do not, as before they moved.
    fn start(&self, flow: SignFlow, key: Option<KeyInfo>, password: String) {
        let request = SignRequest {
            flow,
            draft: self.draft.clone(),
            key,
            password,
            training: crate::training::is_on(),
            lang: self.lang,
        };
        let (catalog, fields) = (self.catalog.clone(), self.fields.clone());
        let work = Box::pin(async move {
            let dispatch = fields.dispatch.clone();
            let outcome =
                crate::views::sign_flow(&catalog.bytes, &request, move |e| fields.apply(e)).await;
            if let Err(text) = outcome {
                dispatch.emit(Action::Notify(Notice::error(text)));
            }
        });
        match flow {
            SignFlow::Suggest | SignFlow::DownloadAgain | SignFlow::Forget => {
                wasm_bindgen_futures::spawn_local(work)
            }
            _ => run_busy(&self.guard, &self.busy, work),
        }
    }
}

/// Signing: the unit's key (made at the first signing, backed up with a password, the backup
/// re-opened, then kept as a non-extractable browser key), the signed report's download, its
/// SHA-256 and the key's fingerprint. The flows run in the on-demand module `tdg-views`
/// (`sign_flows.rs`), the cryptography in the signing module and the backup worker, all loaded
/// on first use; this panel keeps its markup, its fields and the checks that need no module.
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

    let panel = Rc::new(Panel {
        catalog: props.catalog.clone(),
        draft: props.draft.clone(),
        lang,
        busy: busy.clone(),
        guard,
        fields: Fields {
            dispatch: props.on_action.clone(),
            step: step.clone(),
            password: password.clone(),
            password_again: password_again.clone(),
            suggested: suggested.clone(),
            reopen_password: reopen_password.clone(),
            unlock_password: unlock_password.clone(),
            just_created: just_created.clone(),
        },
    });
    // A flow with the panel's key and no password.
    let flow = |flow: SignFlow| {
        let (panel, key) = (panel.clone(), props.unit_key.clone());
        Callback::from(move |_: MouseEvent| panel.start(flow, key.clone(), String::new()))
    };
    // A flow with the panel's key and the password typed in `field`.
    let with_password = |flow: SignFlow, field: &UseStateHandle<String>| {
        let (panel, key, field) = (panel.clone(), props.unit_key.clone(), field.clone());
        Callback::from(move |_: MouseEvent| panel.start(flow, key.clone(), (*field).clone()))
    };

    let on_sign = {
        let (panel, step, key) = (panel.clone(), step.clone(), props.unit_key.clone());
        let (open, errors) = (props.progress.open, props.errors);
        Callback::from(move |_: MouseEvent| {
            if (open > 0 || errors > 0)
                && !crate::browser::confirm(&says::sign_anyway(lang, open, errors))
            {
                return;
            }
            let dispatch = &panel.fields.dispatch;
            let (unit, sheet) = (&panel.draft.unit, &panel.draft.sheet);
            let (no_name, no_code) = (unit.name.trim().is_empty(), unit.code.trim().is_empty());
            if no_name || no_code {
                let said =
                    words::enter_unit_fields(&panel.catalog.catalog, sheet, no_name, no_code);
                dispatch.emit(Action::Notify(Notice::error(said)));
                return;
            }
            let (step, said, panel) = (step.clone(), dispatch.clone(), panel.clone());
            let next = move |key: Option<KeyInfo>| match key {
                None => step.set(Step::Create),
                Some(k) => match k.protection {
                    KeyProtection::Legacy => step.set(Step::Create),
                    KeyProtection::Pending => step.set(Step::Reopen),
                    KeyProtection::Unreadable => {
                        failed(&said, &KeyError::Unreadable(k.fingerprint.clone()))
                    }
                    KeyProtection::Browser | KeyProtection::Password => {
                        panel.start(SignFlow::Sign, Some(k), String::new())
                    }
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

    // A password problem is said under its field, where the user is typing (review 7, H1:
    // the page's notice was thousands of pixels above the button on a phone).
    let password_error = use_state(|| None::<(&'static str, tdg_model::Text)>);
    let on_create = {
        let (panel, password, password_again) =
            (panel.clone(), password.clone(), password_again.clone());
        let (key, password_error) = (props.unit_key.clone(), password_error.clone());
        Callback::from(move |_: MouseEvent| {
            let typed = password.chars().count();
            let problem = if typed < MIN_PASSWORD {
                Some((NEW_PASSWORD, words::password_too_short(MIN_PASSWORD, typed)))
            } else if *password != *password_again {
                Some((NEW_PASSWORD_AGAIN, words::TWO_PASSWORDS_DIFFER.into()))
            } else {
                None
            };
            if let Some((field, _)) = &problem {
                crate::components::error_summary::focus(field);
            } else {
                panel.start(SignFlow::Create, key.clone(), (*password).clone());
            }
            password_error.set(problem);
        })
    };
    // Typing in a password field clears what was said about it.
    let password_input = |state: &UseStateHandle<String>| {
        let (bind, password_error) = (super::bind_text(state), password_error.clone());
        Callback::from(move |e: InputEvent| {
            password_error.set(None);
            bind.emit(e)
        })
    };
    let error_of = |field: &'static str| {
        password_error
            .as_ref()
            .filter(|(f, _)| *f == field)
            .map(|(_, text)| text.get(lang).to_owned())
    };
    let (new_error, again_error) = (error_of(NEW_PASSWORD), error_of(NEW_PASSWORD_AGAIN));

    let on_forget = {
        let (panel, key) = (panel.clone(), props.unit_key.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(key) = &key else { return };
            // Asked before the module loads: nothing is fetched for a "no".
            if crate::browser::confirm(&words::forget_key_question(lang, &key.fingerprint)) {
                panel.start(SignFlow::Forget, Some(key.clone()), String::new());
            }
        })
    };

    let on_suggest = flow(SignFlow::Suggest);
    let on_download_again = flow(SignFlow::DownloadAgain);
    let on_reopen = with_password(SignFlow::Reopen, &reopen_password);
    let on_unlock = with_password(SignFlow::Unlock, &unlock_password);
    let on_restore = with_password(SignFlow::Restore, &restore_password);

    let text_input = super::bind_text;
    let go_print = props
        .on_action
        .reform(|_: MouseEvent| Action::Go(crate::state::Screen::Print));
    let legacy = props
        .unit_key
        .as_ref()
        .is_some_and(|k| k.protection == KeyProtection::Legacy);
    html! {
        <section class="sign" id={super::step_bar::SIGN_SECTION} aria-labelledby="sign-title" aria-busy={(*busy).to_string()}>
            // tabindex -1: the step bar's "Ký, tải" moves the focus here. Nothing is sent: "tải".
            <h2 id="sign-title" tabindex="-1">{ words::SIGN_DOWNLOAD_REPORT.get(lang) }</h2>
            if props.unit_key.is_none() {
                <p class="explain">{ words::first_signing(lang, UnitLabels::of_sheet(&props.catalog.catalog, &props.draft.sheet, lang).title) }</p>
            }
            // What is still open is said beside the button, with the way to it (review 7, H2: the
            // only word was a dialog once the button was pressed).
            if props.progress.open > 0 || props.progress.to_correct > 0 {
                <p class="sign-incomplete" data-testid="sign-incomplete">
                    { says::provisional(lang, props.progress.open, props.progress.to_correct) }{ " " }
                    <button type="button" class="link-button" onclick={Callback::from(|_: MouseEvent| to_first_open())}>
                        { words::TO_FIRST_OPEN.get(lang) }
                    </button>
                </p>
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
                        <input id="new-password" type="password" autocomplete="new-password" value={(*password).clone()} oninput={password_input(&password)}
                            aria-invalid={new_error.is_some().to_string()} aria-describedby={new_error.is_some().then_some("new-password-error")} />
                        if let Some(message) = new_error {
                            <p class="field-error" id="new-password-error" role="alert">{ message }</p>
                        }</div>
                    <div class="field"><label for="new-password-again">{ words::PASSWORD_AGAIN.get(lang) }</label>
                        <input id="new-password-again" type="password" autocomplete="new-password" value={(*password_again).clone()} oninput={password_input(&password_again)}
                            aria-invalid={again_error.is_some().to_string()} aria-describedby={again_error.is_some().then_some("new-password-again-error")} />
                        if let Some(message) = again_error {
                            <p class="field-error" id="new-password-again-error" role="alert">{ message }</p>
                        }</div>
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

/// Focuses the first criterion not answered yet or to correct, in the page's order (its card
/// takes the focus; the browser scrolls it into view).
fn to_first_open() {
    let first = gloo::utils::document()
        .query_selector("article.criterion.open, article.criterion.invalid")
        .ok()
        .flatten();
    if let Some(card) = first {
        crate::components::error_summary::focus(&card.id());
    }
}
