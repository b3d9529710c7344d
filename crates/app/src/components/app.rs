use crate::components::header::Header;
use crate::components::tier_picker::TierPicker;
use crate::i18n::{t, Msg};
use crate::state::{Action, AppState, CatalogState, DEFAULT_PERIOD};
use std::rc::Rc;
use tdg_model::Catalog;
use yew::prelude::*;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// A catalog to start with instead of fetching one (tests, embedded builds).
    #[prop_or_default]
    pub catalog: Option<Rc<Catalog>>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(|| AppState::new(crate::storage::load_lang(), DEFAULT_PERIOD));
    {
        let state = state.clone();
        let given = props.catalog.clone();
        use_effect_with((), move |_| match given {
            Some(catalog) => state.dispatch(Action::CatalogLoaded(catalog)),
            None => wasm_bindgen_futures::spawn_local(async move {
                match crate::catalog_source::fetch_catalog(crate::CATALOG_URL).await {
                    Ok(c) => state.dispatch(Action::CatalogLoaded(Rc::new(c))),
                    Err(e) => state.dispatch(Action::CatalogFailed { vi: e.vi, en: e.en }),
                }
            }),
        });
    }
    {
        let lang = state.lang;
        use_effect_with(lang, move |lang| {
            crate::storage::save_lang(*lang);
            if let Some(html) = gloo::utils::document().document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
        });
    }
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let lang = state.lang;
    let body = match &state.catalog {
        CatalogState::Loading => {
            html! { <p class="status" role="status">{ t(lang, Msg::LoadingCatalog) }</p> }
        }
        CatalogState::Failed { vi, en } => html! {
            <div class="error" role="alert">
                <strong>{ t(lang, Msg::CatalogFailed) }</strong>
                <p lang="vi">{ vi }</p>
                <p lang="en">{ en }</p>
            </div>
        },
        CatalogState::Ready(catalog) => html! {
            <TierPicker catalog={catalog.clone()} lang={lang} period={state.period}
                tier={state.tier.clone()} variant={state.variant.clone()} on_action={dispatch.clone()} />
        },
    };
    html! {
        <>
            <Header lang={lang} on_action={dispatch} />
            <main id="main">{ body }</main>
            <footer><p>{ t(lang, Msg::PrivacyNote) }</p></footer>
        </>
    }
}
