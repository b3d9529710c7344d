//! Training mode ("Chế độ tập huấn"), a service: whether the page is in it, where its drafts and
//! key live, switching it, resetting it for the next participant, and its exercises.
//!
//! The mode is fixed for the page's life: switching stores the choice and reloads, so that
//! no draft of one mode is ever saved into the other's area. In training mode the drafts live
//! under their own prefix (`storage.rs`), the key in its own area (`KeyArea::Training`), and
//! every report is signed with `training: true`, which every verifier refuses as a submission.

use crate::key_store::{self, KeyArea};
use crate::state::LoadedCatalog;
use crate::storage;
use tdg_model::training::ExerciseSet;
use tdg_model::Localized;
use tdg_model::{Catalog, Lang};

/// The page's switch, outside training's own area.
const FLAG: &str = "training-mode";
/// An exercises file the trainer imported (inside training's area: a reset removes it).
const IMPORTED: &str = "exercises";
/// The shipped exercises, beside the app.
pub const EXERCISES_URL: &str = "assets/training/exercises.json";

thread_local! {
    static ON: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Reads the switch once at start-up, before any draft is read (the portal's configuration
/// arrives later and switches through [`follow_portal`]).
pub fn init() {
    let on = storage::read_page_key(FLAG).as_deref() == Some("1");
    ON.with(|o| o.set(on));
    storage::use_training_area(on);
}

pub fn is_on() -> bool {
    ON.with(std::cell::Cell::get)
}

/// Where the signing key lives in this mode: never the unit's key in a workshop.
pub fn key_area() -> KeyArea {
    if is_on() {
        KeyArea::Training
    } else {
        KeyArea::Unit
    }
}

/// Why the mode could not be switched or reset, in both languages.
pub fn not_stored() -> (String, String) {
    let text = crate::i18n::training::NOT_STORED;
    (text.vi.into(), text.en.into())
}

/// The portal's `embed.json` turns training mode on (a workshop's deployment): the page
/// switches to it once. Where the switch cannot be stored (blocked storage), the page stays
/// as it is rather than reload in a loop.
pub fn follow_portal(training_mode: bool) {
    if training_mode && !is_on() {
        let _ = switch(true);
    }
}

/// Stores the choice and reloads the page in the other mode.
pub fn switch(on: bool) -> Result<(), (String, String)> {
    storage::write_page_key(FLAG, on.then_some("1")).map_err(|_| not_stored())?;
    reload();
    Ok(())
}

/// Removes training's drafts, imported exercises and key, then reloads: the next participant
/// starts from a clean page. The unit's own drafts and key are never touched.
pub async fn reset() -> Result<(), (String, String)> {
    storage::clear_training_area().map_err(|_| not_stored())?;
    key_store::forget(KeyArea::Training)
        .await
        .map_err(|e| e.both())?;
    reload();
    Ok(())
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// The exercises: the trainer's imported file if there is one, else the shipped file.
pub async fn load_exercises(catalog: &LoadedCatalog) -> Result<ExerciseSet, (String, String)> {
    if let Some(text) = storage::read_training(IMPORTED) {
        return read(text.as_bytes(), catalog).await;
    }
    let bytes = crate::catalog_source::fetch_bytes(EXERCISES_URL)
        .await
        .map_err(|detail| crate::i18n::training::exercises_not_read(EXERCISES_URL, &detail))?;
    read(&bytes, catalog).await
}

/// Checks an exercises file the trainer picked and keeps it in training's area.
pub async fn import_exercises(
    bytes: &[u8],
    catalog: &LoadedCatalog,
) -> Result<ExerciseSet, (String, String)> {
    let set = read(bytes, catalog).await?;
    let text = String::from_utf8_lossy(bytes);
    storage::write_training(IMPORTED, &text).map_err(|_| not_stored())?;
    Ok(set)
}

/// Read and checked in the on-demand module (`views::read_exercises`): training mode is known
/// at start, so only a workshop's page loads it, and the reader (strict JSON, the exercises'
/// checks and their messages: about 24 KB of code) is not in every unit's first load.
async fn read(bytes: &[u8], catalog: &LoadedCatalog) -> Result<ExerciseSet, (String, String)> {
    crate::views::read_exercises(&catalog.bytes, bytes).await
}

/// Reads and checks an exercises file: the module's side (crates/views, `exercises_read`).
pub fn check_exercises(bytes: &[u8], catalog: &Catalog) -> Result<ExerciseSet, (String, String)> {
    // A sample's tier is not known before it is opened: a goal's band is checked then.
    ExerciseSet::from_json(bytes, catalog, |_| None)
        .map_err(|e| (e.message(Lang::Vi), e.message(Lang::En)))
}
