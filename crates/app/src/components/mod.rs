//! Function components, one per file.

pub mod app;
pub mod assess;
pub mod criterion_card;
pub mod draft_tools;
pub mod evidence_editor;
pub mod gap_plan;
pub mod header;
pub mod notice;
pub mod number_input;
pub mod print_view;
pub mod sign_panel;
pub mod start;
pub mod summary;
pub mod tier_picker;
