//! `cargo xtask <command>`: the project's build, serve, test and measurement tasks.
//! Nothing here downloads a binary from outside the package registries (see
//! `../shared/toolchain.md`): tools come from crates.io, npm and Debian.

mod bench;
mod cache;
mod dist;
mod fuzz;
mod precompress;
mod process;
mod serve;
mod single_file;
mod test;
mod tools;

use anyhow::{bail, Result};
use std::path::PathBuf;

/// The shipped catalog, relative to `dist/` (and to `assets/`'s parent).
pub const CATALOG_PATH: &str = "assets/catalogs/hp-175-kh-ubnd.json";

const USAGE: &str = "usage: cargo xtask <serve [--port N] | dist [--single-file] | test | bench | fuzz [--seconds N] [--target NAME]... [--engine libfuzzer|stable] [--grow-corpus]>";

fn main() {
    if let Err(error) = run() {
        eprintln!("error: {error:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("serve") => serve::run(&workspace_root(), port_from(&args[1..])?),
        Some("dist") => {
            let single = match &args[1..] {
                [] => false,
                [flag] if flag == "--single-file" => true,
                _ => bail!("{USAGE}"),
            };
            let root = workspace_root();
            let dist = dist::run(&root)?;
            // From the dist/ just built: no second build.
            if single {
                single_file::write(&root, &dist)?;
            }
            Ok(())
        }
        Some("test") => test::run(&workspace_root()),
        Some("bench") => bench::run(&workspace_root()),
        Some("fuzz") => fuzz::run(&workspace_root(), &args[1..]),
        _ => bail!("{USAGE}"),
    }
}

fn port_from(args: &[String]) -> Result<u16> {
    match args {
        [] => Ok(8080),
        [flag, value] if flag == "--port" => value
            .parse()
            .map_err(|_| anyhow::anyhow!("--port takes a number from 1 to 65535, not '{value}'")),
        _ => bail!("{USAGE}"),
    }
}

/// The workspace root: the parent of this crate's folder.
pub fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}
