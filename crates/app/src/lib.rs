//! `tdg-app`: the Yew single-page app. It renders the model's results and stores the user's work
//! on the device; every number it shows comes from `tdg-model`.

pub mod browser;
pub mod catalog_source;
pub mod components;
pub mod i18n;
pub mod in_view;
pub mod key_store;
pub mod portal;
pub mod samples;
pub mod shared;
pub mod sign_flows;
pub mod signer;
pub mod state;
pub mod storage;
pub mod training;
pub mod views;

pub use components::app::App;

/// Where the shipped catalog lives, relative to the page (the app runs under any sub-path).
pub const CATALOG_URL: &str = "assets/catalogs/hp-175-kh-ubnd.json";

/// Mounts the app on `#app` (or the body when the page has no such element).
pub fn start() {
    catalog_source::request_early(CATALOG_URL);
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}

#[cfg(test)]
mod tests {
    /// The page asks for the catalog while the WebAssembly downloads, so the app's own request
    /// finds it there: the preload must name the same file, or the browser fetches it twice.
    #[test]
    fn the_page_preloads_the_catalog_the_app_fetches() {
        let page = include_str!("../../../web/index.html");
        let preload = format!(
            "<link rel=\"preload\" href=\"{}\" as=\"fetch\" type=\"application/json\" crossorigin>",
            super::CATALOG_URL
        );
        assert!(page.contains(&preload), "web/index.html lacks {preload}");
    }
}
