//! In-browser tests of the app's components, in headless Chromium (`cargo xtask test`).
#![cfg(target_arch = "wasm32")]

use tdg_app::components::app::{App, AppProps};
use tdg_app::shared::Shared;
use tdg_app::state::LoadedCatalog;
use tdg_model::Catalog;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn catalog() -> Shared<LoadedCatalog> {
    let bytes = include_bytes!("../../../assets/catalogs/hp-175-kh-ubnd.json").to_vec();
    let catalog = Shared::new(Catalog::from_json(&bytes).expect("shipped catalog is valid"));
    Shared::new(LoadedCatalog { catalog, bytes })
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
        .and_then(|s| s.get_item(&tdg_app::storage::key("lang")).ok().flatten());
    assert_eq!(
        stored.as_deref(),
        Some("en"),
        "the language choice is remembered"
    );
}

fn set_input(root: &web_sys::Element, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = root
        .query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no input {selector}"))
        .dyn_into()
        .expect("input");
    input.set_value(value);
    let event = web_sys::InputEvent::new("input").expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

fn text_of(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn typing_counts_updates_the_points_and_total() {
    let root = mount().await;
    click(&root, "#tier-xa-phuong");
    yew::scheduler::flush().await;
    click(&root, ".begin button");
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "[data-testid=total]"), "0");
    set_input(&root, "#xp\\.ho-so-truc-tuyen-num", "350");
    set_input(&root, "#xp\\.ho-so-truc-tuyen-den", "1000");
    yew::scheduler::flush().await;
    // 35% of a 70% target: half of 40 points, but no evidence yet: 0 and "costs 20".
    let card = text_of(&root, "#c-xp\\.ho-so-truc-tuyen");
    assert!(card.contains("Thiếu minh chứng (mất 20 điểm)"), "{card}");
    assert!(card.contains("Tỷ lệ: 35% (chỉ tiêu 70%)"), "{card}");
    // The evidence form is folded until "Thêm minh chứng".
    assert!(root
        .query_selector("#xp\\.ho-so-truc-tuyen-ev-number")
        .expect("q")
        .is_none());
    click(&root, "#c-xp\\.ho-so-truc-tuyen .add-evidence");
    yew::scheduler::flush().await;
    set_input(&root, "#xp\\.ho-so-truc-tuyen-ev-number", "12/BC-UBND");
    yew::scheduler::flush().await;
    click(&root, "#c-xp\\.ho-so-truc-tuyen .evidence-add button");
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "[data-testid=total]"), "20");
    // Nonsense is refused at the field, not clamped.
    set_input(&root, "#xp\\.ho-so-truc-tuyen-num", "1200");
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "[data-testid=total]"), "0");
    // Said once, by the field, in the criterion's own words; linked from the summary on top.
    let card = text_of(&root, "#c-xp\\.ho-so-truc-tuyen");
    let message =
        "“Số hồ sơ xử lý trên môi trường mạng” không được lớn hơn “Tổng số hồ sơ (trừ hồ sơ mật)”.";
    assert_eq!(card.matches(message).count(), 1, "{card}");
    assert!(!card.contains("xp.ho-so-truc-tuyen"), "{card}");
    assert!(text_of(&root, ".error-summary").contains(message));
    assert_eq!(text_of(&root, "[data-testid=to-correct]"), "1");
}
