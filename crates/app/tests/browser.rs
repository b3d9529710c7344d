//! In-browser tests of the app's components, in headless Chromium (`cargo xtask test`).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use tdg_app::components::app::{App, AppProps};
use tdg_model::Catalog;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn catalog() -> Rc<Catalog> {
    let bytes = include_bytes!("../../../assets/catalogs/hp-175-kh-ubnd.json");
    Rc::new(Catalog::from_json(bytes).expect("shipped catalog is valid"))
}

async fn mount() -> web_sys::Element {
    let document = gloo::utils::document();
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.clear();
    }
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            catalog: Some(catalog()),
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

fn click(root: &web_sys::Element, selector: &str) {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no element {selector}"))
        .dyn_into::<web_sys::HtmlElement>()
        .expect("html element")
        .click();
}

#[wasm_bindgen_test]
async fn shows_the_tiers_of_the_catalog_in_vietnamese() {
    let root = mount().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Tự đánh giá chuyển đổi số"), "{text}");
    assert!(text.contains("Cấp xã, phường, đặc khu"));
    let radios = root.query_selector_all("input[name=tier]").expect("query");
    assert_eq!(radios.length(), 5);
    // The district tier ended with 2024: not selectable for 2026.
    let district = root
        .query_selector("#tier-quan-huyen")
        .expect("q")
        .expect("district radio");
    assert!(district.has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn language_switch_and_tier_choice() {
    let root = mount().await;
    click(&root, "button.lang-switch");
    yew::scheduler::flush().await;
    let text = root.text_content().unwrap_or_default();
    assert!(
        text.contains("Digital-transformation self-assessment"),
        "{text}"
    );
    assert!(text.contains("Commune level"));
    click(&root, "#tier-doanh-nghiep");
    yew::scheduler::flush().await;
    assert!(root
        .query_selector(".tier.chosen #tier-doanh-nghiep")
        .expect("q")
        .is_some());
    assert!(
        root.query_selector("#variant-cntt").expect("q").is_some(),
        "variants appear"
    );
    let stored = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item("tdg.lang").ok().flatten());
    assert_eq!(
        stored.as_deref(),
        Some("en"),
        "the language choice is remembered"
    );
}
