//! Function components, one per file.

pub mod app;
pub mod assess;
pub mod criterion_card;
pub mod criterion_group;
pub mod date_input;
pub mod document_details;
pub mod draft_history;
pub mod draft_tools;
pub mod embedding;
pub mod error_summary;
pub mod evidence_editor;
pub mod exercise_status;
pub mod exercises;
pub mod gap_plan;
pub mod header;
pub mod kept_drafts;
pub mod notice;
pub mod number_input;
pub mod offline_notice;
pub mod prefill_confirm;
pub mod print_host;
pub mod print_view;
pub mod progress_line;
pub mod sign_panel;
pub mod start;
pub mod step_bar;
pub mod storage_access;
pub mod storage_share;
pub mod summary;
pub mod tab_conflict;
pub mod tier_picker;
pub mod training_banner;

use yew::{Callback, InputEvent, TargetCast, UseStateHandle};

/// An `oninput` handler that keeps a text field's value (in NFC) in a state handle.
pub fn bind_text(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| {
        state.set(crate::browser::nfc(
            &e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
        ))
    })
}
