//! Function components, one per file.

pub mod app;
pub mod header;
pub mod tier_picker;
