//! Embedding in a portal, wired into the app: a hook that starts the service in `portal.rs`
//! once (embed.json, the host's messages, the height, storage access, the deep link, `ready`),
//! and the panels it may need (`prefill_confirm`, `storage_access`, `storage_share`). The decisions are the
//! reducer's (`state/embed.rs`).

use crate::components::prefill_confirm::prefill_confirm;
use crate::components::storage_access::storage_access;
use crate::components::storage_share::storage_share;
use crate::state::{Action, AppState, CatalogState, EmbedAction, StorageAccess};
use std::cell::RefCell;
use std::rc::Rc;
use tdg_portal::deep_link::Why;
use tdg_portal::protocol::AppMessage;
use yew::prelude::*;

type Kept = (
    gloo::events::EventListener,
    Option<crate::portal::HeightWatch>,
);

#[hook]
pub fn use_embedding(state: &UseReducerHandle<AppState>) {
    // The listener reads the state of the moment (to tell the host whether it waits for the
    // user), not the one of the first render.
    let latest = use_mut_ref(|| None::<UseReducerHandle<AppState>>);
    *latest.borrow_mut() = Some(state.clone());
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let kept: Rc<RefCell<Option<Kept>>> = Rc::default();
            let keep = kept.clone();
            let dispatch = Callback::from(move |a: Action| dispatcher.dispatch(a));
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = crate::portal::load_config().await;
                crate::training::follow_portal(loaded.config.training_mode);
                let embedded = crate::portal::is_embedded();
                dispatch.emit(Action::Embed(EmbedAction::ConfigLoaded {
                    loaded,
                    embedded,
                }));
                // Listening at top level too: a portal may open the tool in a tab of its own
                // (and every message from elsewhere is counted as rejected).
                let to_state = dispatch.clone();
                let listener = crate::portal::listen(move |c| {
                    let waiting = latest
                        .borrow()
                        .as_ref()
                        .is_some_and(|s| s.prefill_conflicts(&c));
                    to_state.emit(Action::Embed(EmbedAction::Configure(c)));
                    crate::portal::post(&AppMessage::Configured {
                        waiting_for_user: waiting,
                    });
                });
                *keep.borrow_mut() = Some((listener, crate::portal::watch_height()));
                crate::portal::check_storage(dispatch).await;
            });
            move || drop(kept.take())
        });
    }
    let catalog = match &state.catalog {
        CatalogState::Ready(c) => Some(c.clone()),
        _ => None,
    };
    {
        // `ready` once the catalog is there and embed.json was read.
        let posted = use_mut_ref(|| false);
        use_effect_with(
            (catalog.clone(), state.embed.embedded),
            move |(catalog, embedded)| {
                if let (Some(c), true) = (catalog, *embedded) {
                    if !posted.replace(true) {
                        let (id, bytes) = (c.catalog.id.clone(), c.bytes.clone());
                        wasm_bindgen_futures::spawn_local(crate::portal::post_ready(id, bytes));
                    }
                }
            },
        );
    }
    {
        // The deep link, once the catalog can say which tiers and samples exist.
        let done = use_mut_ref(|| false);
        let (dispatcher, lang) = (state.dispatcher(), state.lang);
        use_effect_with(catalog, move |catalog| {
            let Some(catalog) = catalog else { return };
            if done.replace(true) {
                return;
            }
            let mut link = crate::portal::take_deep_link();
            if link.is_empty() {
                return;
            }
            let choices = crate::samples::choices(&catalog.catalog, lang);
            let sample = link.sample.take().and_then(|name| {
                let found = choices.into_iter().find(|(id, _)| *id == name);
                if found.is_none() {
                    link.ignore(&format!("sample={name}"), Why::NotInCatalog);
                }
                found
            });
            dispatcher.dispatch(Action::Embed(EmbedAction::DeepLink(link)));
            if let Some((name, label)) = sample {
                let dispatch = Callback::from(move |a: Action| dispatcher.dispatch(a));
                crate::samples::open(name, label, None, dispatch);
            }
        });
    }
}

/// The host's values waiting for the user, and the storage panel of a blocked or partitioned
/// frame.
pub fn embedding_panels(state: &AppState, on_action: &Callback<Action>) -> Html {
    html! {
        <>
            if let Some(waiting) = &state.embed.prefill {
                { prefill_confirm(waiting, &state.draft, state.lang, on_action) }
            }
            if matches!(state.embed.storage, StorageAccess::Blocked | StorageAccess::Refused) {
                { storage_access(state, on_action) }
            }
            if state.embed.storage == StorageAccess::Partitioned {
                { storage_share(state.lang, on_action) }
            }
        </>
    }
}
