//! One function component per file.

pub mod app;
pub mod appraisal_editor;
pub mod band_table;
pub mod charts;
pub mod date_field;
pub mod exports;
pub mod file_details;
pub mod filters;
pub mod heat_map;
pub mod missing_list;
pub mod open_form;
pub mod print_summary;
pub mod progress_bar;
pub mod register_form;
pub mod register_panel;
pub mod register_row;
pub mod report_table;
