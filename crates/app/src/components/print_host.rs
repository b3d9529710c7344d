use crate::i18n::print_host as words;
use crate::state::{Action, LoadedCatalog};
use crate::views::{PrintEvent, PrintInput, ViewsModule};
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrintHostProps {
    pub catalog: crate::shared::Shared<LoadedCatalog>,
    /// What the view shows.
    pub input: PrintInput,
    pub on_action: Callback<Action>,
}

/// Where the module stands.
#[derive(Clone, PartialEq)]
enum Stage {
    Loading,
    Open,
    Failed(String, String),
}

/// The function the module calls with each `PrintEvent` (`kind`, `field`, `text`).
type Host = Closure<dyn Fn(u32, u32, String)>;

/// What lives as long as the view is on screen: the module once open, the latest input (the
/// draft may change while the module loads), and the function the module calls back.
#[derive(Default)]
struct Mounted {
    module: Option<ViewsModule>,
    input: String,
    host: Option<Host>,
    gone: bool,
}

/// The print view (step 4), from the on-demand module `tdg-views` (see `views.rs`): this app
/// keeps the state and applies what the user changes there; the module renders into the
/// element below. Until it is loaded a status line says so; if it cannot be loaded, why, with
/// a button to try again.
#[function_component(PrintHost)]
pub fn print_host(props: &PrintHostProps) -> Html {
    let root = use_node_ref();
    let stage = use_state(|| Stage::Loading);
    let attempt = use_state(|| 0u32);
    let mounted = use_mut_ref(Mounted::default);
    let lang = props.input.lang;
    // The pretty printer: the writer this app already carries for drafts.
    let input = serde_json::to_string_pretty(&props.input).unwrap_or_default();
    {
        let mounted = mounted.clone();
        use_effect_with(input, move |input| {
            let mut m = mounted.borrow_mut();
            m.input = input.clone();
            if let Some(module) = &m.module {
                let _ = module.print_update(input);
            }
        });
    }
    {
        let (mounted, stage, root) = (mounted.clone(), stage.clone(), root.clone());
        let catalog = props.catalog.clone();
        let on_action = props.on_action.clone();
        use_effect_with(*attempt, move |_| {
            mounted.borrow_mut().gone = false;
            let opening = mounted.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = crate::views::module().await;
                let mut m = opening.borrow_mut();
                let Some(element) = root.cast::<web_sys::Element>().filter(|_| !m.gone) else {
                    return;
                };
                let module = match loaded {
                    Ok(module) => module,
                    Err(why) => {
                        let (vi, en) = words::module_not_loaded(&why);
                        return stage.set(Stage::Failed(vi, en));
                    }
                };
                let host = Host::new(move |kind, field, text| {
                    // Applied after the module's event handler returns: going back closes the
                    // module, which must not happen while its handler runs.
                    if let Some(event) = PrintEvent::decode(kind, field, text) {
                        let on_action = on_action.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            on_action.emit(event.into_action())
                        });
                    }
                });
                match module.print_open(
                    &element,
                    &catalog.bytes,
                    &m.input,
                    host.as_ref().unchecked_ref(),
                ) {
                    Ok(()) => {
                        m.module = Some(module);
                        m.host = Some(host);
                        stage.set(Stage::Open);
                    }
                    Err(e) => {
                        let why = crate::browser::js_text(e);
                        let (vi, en) = words::could_not_open(&why);
                        stage.set(Stage::Failed(vi, en));
                    }
                }
            });
            move || {
                let mut m = mounted.borrow_mut();
                m.gone = true;
                if let Some(module) = m.module.take() {
                    module.print_close();
                }
                m.host = None;
            }
        });
    }
    let retry = {
        let (attempt, stage) = (attempt.clone(), stage.clone());
        Callback::from(move |_: MouseEvent| {
            stage.set(Stage::Loading);
            attempt.set(*attempt + 1);
        })
    };
    html! {
        <>
            if *stage == Stage::Loading {
                <p class="status" role="status">{ words::LOADING_PRINTED_COPY.get(lang) }</p>
            }
            if let Stage::Failed(vi, en) = &*stage {
                <div class="error" role="alert">
                    <p lang="vi">{ vi }</p>
                    <p lang="en">{ en }</p>
                    <button type="button" onclick={retry}>{ words::TRY_AGAIN.get(lang) }</button>
                </div>
            }
            // The module's own Yew app renders in here: this app never renders children into it.
            <div class="print-host" ref={root}></div>
        </>
    }
}
