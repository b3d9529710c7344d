//! Running `tdg` from the tests, in the repository's root (where the assets are).

use std::path::PathBuf;
use std::process::{Command, Output};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn tdg(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tdg"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("tdg runs")
}
