//! The sign panel's flows: making, re-opening, restoring, unlocking and forgetting the key, and
//! signing. They run in the on-demand module `tdg-views` (crates/views, `sign_flow`), never in
//! the app's own WebAssembly: the panel (`components/sign_panel.rs`) sends a
//! [`SignRequest`] and applies the [`SignEvent`]s that come back (`views/sign.rs`). Together
//! with the key store's steps and the signing module's glue they are about 40 KB of code a unit
//! runs once a year.
//!
//! Nothing here reads the app's page-wide state (training mode, the portal's link): what a flow
//! needs comes in the request, and what the app must keep goes back as an event.

use crate::i18n::sign_panel as words;
use crate::key_store::{self, KeyArea, KeyError};
use crate::state::{Action, KeyInfo, KeyProtection, Notice, SignedInfo};
use crate::views::sign::{SignEvent, SignFlow, SignRequest, SignStep};
use tdg_model::Localized;
use tdg_signer_api::PrepareRequest;

/// Where the flows' events go.
type Emit<'a> = &'a dyn Fn(SignEvent);

fn notify(emit: Emit, notice: Notice) {
    emit(SignEvent::apply(Action::Notify(notice)));
}

fn failed(emit: Emit, e: &KeyError) {
    notify(emit, Notice::error(e.both()));
}

fn area(request: &SignRequest) -> KeyArea {
    if request.training {
        KeyArea::Training
    } else {
        KeyArea::Unit
    }
}

fn backup_name(request: &SignRequest) -> String {
    tdg_model::draft::key_backup_file_name(&request.draft.unit.code, request.training)
}

fn download(emit: Emit, name: &str, file: &str) {
    if crate::browser::download(name, "application/json", file.as_bytes()).is_err() {
        notify(emit, Notice::error(crate::i18n::files::DOWNLOAD_REFUSED));
    }
}

/// Runs `request`'s flow; what it did is told through `emit`, errors included.
pub async fn run(catalog: &[u8], request: SignRequest, emit: Emit<'_>) {
    match request.flow {
        SignFlow::Sign => sign(catalog, &request, emit).await,
        SignFlow::Suggest => suggest(emit).await,
        SignFlow::Create => create(&request, emit).await,
        SignFlow::DownloadAgain => download_again(&request, emit).await,
        SignFlow::Reopen => reopen(catalog, &request, emit).await,
        SignFlow::Unlock => unlock(catalog, &request, emit).await,
        SignFlow::Forget => forget(&request, emit).await,
        SignFlow::Restore => restore(&request, emit).await,
    }
}

/// Signs with the request's key; a key that needs its password first asks for it.
async fn sign(catalog: &[u8], request: &SignRequest, emit: Emit<'_>) {
    let Some(key) = &request.key else {
        return failed(emit, &KeyError::NoKey);
    };
    match sign_and_download(catalog, request, key, emit).await {
        Ok(()) => {}
        Err(KeyError::Locked) => emit(SignEvent::Step(SignStep::Unlock)),
        Err(e) => failed(emit, &e),
    }
}

/// Scores, signs with the stored key (WebCrypto, or the unlocked backup) and downloads.
async fn sign_and_download(
    catalog: &[u8],
    request: &SignRequest,
    key: &KeyInfo,
    emit: Emit<'_>,
) -> Result<(), KeyError> {
    // One reading of the clock: the report's submission day is the day the view shows.
    let signed_on = crate::browser::today();
    let prepare = PrepareRequest {
        draft: request.draft.clone(),
        did: key.did.clone(),
        submitted_on: signed_on.to_string(),
        created: crate::browser::now_rfc3339(),
        training: request.training,
    };
    let prepared = crate::signer::prepare_report(catalog, &prepare)
        .await
        .map_err(KeyError::Signer)?;
    let data = key_store::hex_bytes(&prepared.hash_data)?;
    let signature = key_store::sign(area(request), key, &data).await?;
    let signed = crate::signer::finish_report(&prepared, &signature)
        .await
        .map_err(KeyError::Signer)?;
    download(emit, &signed.file_name, &signed.json);
    let notice = Notice::info(words::signed_downloaded(&signed.file_name));
    emit(SignEvent::Signed(
        SignedInfo {
            file_name: signed.file_name,
            sha256: signed.sha256,
            signed_on,
        },
        signed.json,
    ));
    notify(emit, notice);
    Ok(())
}

async fn suggest(emit: Emit<'_>) {
    let Ok(random) = crate::browser::random::<8>() else {
        return failed(emit, &KeyError::Random);
    };
    match crate::signer::passphrase(&random).await {
        Ok(words) => emit(SignEvent::Suggested(words)),
        Err(e) => failed(emit, &KeyError::Signer(e)),
    }
}

async fn create(request: &SignRequest, emit: Emit<'_>) {
    let draft = &request.draft;
    let label = format!("{} ({})", draft.unit.name, draft.unit.code);
    let name = backup_name(request);
    match key_store::begin(area(request), request.password.clone(), label).await {
        Ok(begun) => {
            let fp = begun.info.fingerprint.clone();
            if begun.made_here {
                if let Some(file) = &begun.backup {
                    download(emit, &name, file);
                }
                notify(
                    emit,
                    Notice::info(words::key_made_backup_downloaded(&fp, &name)),
                );
            } else {
                notify(emit, Notice::info(words::key_was_already_made(&fp)));
            }
            let ready = matches!(
                begun.info.protection,
                KeyProtection::Browser | KeyProtection::Password
            );
            emit(SignEvent::apply(Action::KeyReady(begun.info)));
            emit(SignEvent::Created);
            emit(SignEvent::Step(if ready {
                SignStep::Idle
            } else {
                SignStep::Reopen
            }));
        }
        Err(e) => failed(emit, &e),
    }
}

async fn download_again(request: &SignRequest, emit: Emit<'_>) {
    match key_store::stored_backup(area(request)).await {
        Ok(Some(file)) => download(emit, &backup_name(request), &file),
        Ok(None) => failed(emit, &KeyError::NoKey),
        Err(e) => failed(emit, &e),
    }
}

async fn reopen(catalog: &[u8], request: &SignRequest, emit: Emit<'_>) {
    let Some(bytes) = chosen_file("key-reopen-file", emit).await else {
        return;
    };
    match key_store::finish(area(request), bytes, request.password.clone()).await {
        Ok(info) => {
            let fp = info.fingerprint.clone();
            emit(SignEvent::apply(Action::KeyReady(info.clone())));
            notify(emit, Notice::info(words::backup_opens_key_ready(&fp)));
            emit(SignEvent::PasswordUsed);
            emit(SignEvent::Step(SignStep::Idle));
            if let Err(e) = sign_and_download(catalog, request, &info, emit).await {
                failed(emit, &e);
            }
        }
        Err(e) => failed(emit, &e),
    }
}

async fn unlock(catalog: &[u8], request: &SignRequest, emit: Emit<'_>) {
    match key_store::unlock(area(request), request.password.clone()).await {
        Ok(()) => {
            emit(SignEvent::PasswordUsed);
            emit(SignEvent::Step(SignStep::Idle));
            sign(catalog, request, emit).await;
        }
        Err(e) => failed(emit, &e),
    }
}

/// The panel asked the user before it started this flow.
async fn forget(request: &SignRequest, emit: Emit<'_>) {
    let Some(key) = &request.key else { return };
    match key_store::forget(area(request)).await {
        Ok(()) => {
            emit(SignEvent::apply(Action::KeyForgotten));
            emit(SignEvent::Step(SignStep::Idle));
            notify(
                emit,
                Notice::info(words::key_forgotten_computer(&key.fingerprint)),
            );
        }
        Err(e) => failed(emit, &e),
    }
}

async fn restore(request: &SignRequest, emit: Emit<'_>) {
    let Some(bytes) = chosen_file("key-backup-file", emit).await else {
        return;
    };
    let lang = request.lang;
    let confirm = move |fingerprint: &str| {
        crate::browser::confirm(&words::replace_key_question(
            lang,
            &crate::views::sign::display_fingerprint(fingerprint),
        ))
    };
    match key_store::restore(area(request), bytes, request.password.clone(), confirm).await {
        Ok(info) => {
            let fp = info.fingerprint.clone();
            emit(SignEvent::apply(Action::KeyReady(info)));
            notify(emit, Notice::info(words::key_restored_computer(&fp)));
        }
        Err(e) => failed(emit, &e),
    }
}

/// The bytes of the file chosen in the input `id`, or a message.
async fn chosen_file(id: &str, emit: Emit<'_>) -> Option<Vec<u8>> {
    let element = gloo::utils::document().get_element_by_id(id)?;
    let input: web_sys::HtmlInputElement = wasm_bindgen::JsCast::unchecked_into(element);
    match crate::browser::read_chosen_file(&input).await {
        Ok(Some((_, bytes))) => Some(bytes),
        Ok(None) => {
            notify(emit, Notice::error(words::CHOOSE_KEY_BACKUP_FILE));
            None
        }
        Err(_) => {
            notify(emit, Notice::error(crate::i18n::files::NOT_READ));
            None
        }
    }
}
