//! `tdg-fuzz`: the fuzz targets of issue 8 in one place, shared by the stable harness
//! (`cargo xtask fuzz`), libFuzzer (`fuzz/`, when a nightly compiler is there) and the corpus
//! replay tests that `cargo xtask test` runs on stable.

pub mod fixtures;
pub mod harness;
pub mod mutate;
pub mod rng;
pub mod targets;

pub use targets::{Target, ALL};
