//! `tdg-model`: the criteria catalog, a unit's answers, the one scoring function, explanations
//! and the gap planner. Pure Rust: no browser, no I/O, no floating point.

pub mod answer;
pub mod catalog;
pub mod citation;
pub mod date;
pub mod draft;
pub mod explain;
pub mod field_label;
pub mod gap;
pub mod history;
pub mod numbers;
pub mod scope;
pub mod score;
pub mod strict_json;
pub mod text;
pub mod training;
pub mod units;

pub use answer::{Answer, AnswerSheet, Evidence, NotApplicable};
pub use catalog::Timing;
pub use catalog::{Catalog, CatalogError, Criterion, Measure, Tier};
pub use date::Date;
pub use numbers::MAX_SAFE_INTEGER;
pub use scope::{scored_sheet, ScopedSheet};
pub use score::{score, Assessment, ScoreError, Status};
pub use text::{Lang, Localized, Text};
