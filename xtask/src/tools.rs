//! The tools the build and the tests need, installed on first use from the package registries.

use crate::process::{exists, run, run_logged};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The wasm-bindgen version that `wasm-bindgen-cli-support` in xtask/Cargo.toml is pinned to.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
const BINARYEN_NPM: &str = "binaryen@132.0.0";

pub fn ensure_wasm_target() -> Result<()> {
    let out = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .context("rustup is needed to add the WebAssembly target")?;
    if !String::from_utf8_lossy(&out.stdout)
        .lines()
        .any(|l| l.trim() == WASM_TARGET)
    {
        eprintln!("Installing the Rust target {WASM_TARGET} (once)…");
        run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    }
    Ok(())
}

/// Whether `cargo xtask dist` can rebuild the standard library for the site's modules
/// (`dist::REBUILT_STD`): rustup's `rust-src` (added here when missing) and a rustc that knows
/// the `immediate-abort` panic strategy. When not, a warning says why and the site is built
/// with the prebuilt standard library: larger (about 25 KB gzip on the app's module), the same
/// for the user, rather than not built at all.
pub fn can_rebuild_std() -> bool {
    // The rustc check first: it takes milliseconds and needs no network.
    let why = if !knows_immediate_abort() {
        "this rustc does not know -Cpanic=immediate-abort (it needs 1.92 or later)"
    } else if !rust_src_present() && !add_rust_src() {
        "rustup could not add rust-src"
    } else {
        return true;
    };
    prebuilt_std_warning(why);
    false
}

/// Said when the site is built with the prebuilt standard library instead of a rebuilt one.
pub fn prebuilt_std_warning(why: &str) {
    eprintln!(
        "warning: {why}: building the site with the prebuilt standard library, its modules \
         are about 8 % larger (docs/first-load.md, third round)"
    );
}

fn rust_src_present() -> bool {
    Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .map(|out| {
            PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
                .join("lib/rustlib/src/rust/library/std/Cargo.toml")
        })
        .is_some_and(|path| path.is_file())
}

fn add_rust_src() -> bool {
    eprintln!("Installing the standard library's sources, rustup's rust-src (once)…");
    run(Command::new("rustup").args(["component", "add", "rust-src"]))
        .map_err(|e| eprintln!("warning: {e:#}"))
        .is_ok()
}

/// Asks rustc itself: milliseconds, and no build started that would fail half-way.
fn knows_immediate_abort() -> bool {
    Command::new("rustc")
        .env("RUSTC_BOOTSTRAP", "1")
        .args([
            "-Zunstable-options",
            "-Cpanic=immediate-abort",
            "--print",
            "cfg",
        ])
        .args(["--target", WASM_TARGET])
        .output()
        .is_ok_and(|out| out.status.success())
}

/// Fails clearly when Cargo.lock's wasm-bindgen differs from the pinned glue generator.
pub fn check_bindgen_version(root: &Path) -> Result<()> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).context("reading Cargo.lock")?;
    let locked = locked_version(&lock, "wasm-bindgen");
    if locked.as_deref() != Some(WASM_BINDGEN_VERSION) {
        bail!(
            "Cargo.lock has wasm-bindgen {} but xtask generates glue with wasm-bindgen-cli-support {WASM_BINDGEN_VERSION}. \
             They must be equal: pin `wasm-bindgen = \"={WASM_BINDGEN_VERSION}\"` in crates/app/Cargo.toml, \
             or move both (and WASM_BINDGEN_VERSION in xtask/src/tools.rs) to the same new version.",
            locked.unwrap_or_else(|| "(none)".into())
        );
    }
    Ok(())
}

fn locked_version(lock: &str, name: &str) -> Option<String> {
    let needle = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == needle {
            let version = lines
                .next()?
                .trim()
                .strip_prefix("version = \"")?
                .strip_suffix('"')?;
            return Some(version.to_string());
        }
    }
    None
}

pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's Chromium (for the end-to-end tests and the bench), installed with apt-get when
/// missing. `log` takes apt-get's output when the install runs beside a build.
pub fn ensure_chromium(log: Option<&Path>) -> Result<()> {
    if Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    eprintln!("Chromium is missing: installing Debian's chromium (about 2 minutes)…");
    let root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false);
    let apt = |args: &[&str]| -> Result<()> {
        let mut cmd = if root {
            Command::new("apt-get")
        } else {
            Command::new("sudo")
        };
        if !root {
            cmd.arg("apt-get");
        }
        cmd.env("DEBIAN_FRONTEND", "noninteractive");
        match log {
            Some(log) => run_logged(cmd.args(args), log),
            None => run(cmd.args(args)),
        }
    };
    apt(&["update"])?;
    apt(&["install", "-y", "chromium"])
}

/// What the site build and the end-to-end tests download (Chromium, npm's wasm-opt and the
/// test packages), fetched on a thread of its own: it waits on the network while the compiler
/// works. Its output goes to `target/tools/install.log`, printed only if it fails.
pub fn install_in_background(root: &Path) -> std::thread::JoinHandle<Result<()>> {
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        let dir = root.join("target").join("tools");
        std::fs::create_dir_all(&dir)?;
        let log = dir.join("install.log");
        ensure_chromium(Some(&log))?;
        wasm_opt_logged(&root, Some(&log))?;
        ensure_e2e_packages_logged(&root, Some(&log))
    })
}

fn ensure_node() -> Result<()> {
    if !exists("node") || !exists("npm") {
        bail!("Node.js and npm are needed (for wasm-opt and the end-to-end tests): apt-get install -y nodejs npm");
    }
    Ok(())
}

/// The `wasm-opt` of npm's binaryen package (Debian's is too old for Rust 1.95's output).
pub fn wasm_opt(root: &Path) -> Result<PathBuf> {
    wasm_opt_logged(root, None)
}

fn wasm_opt_logged(root: &Path, log: Option<&Path>) -> Result<PathBuf> {
    let dir = root.join("target").join("tools").join("npm");
    let bin = dir
        .join("node_modules")
        .join("binaryen")
        .join("bin")
        .join("wasm-opt");
    if !bin.exists() {
        ensure_node()?;
        eprintln!(
            "Installing {BINARYEN_NPM} from npm into {} (once)…",
            dir.display()
        );
        std::fs::create_dir_all(&dir)?;
        let mut npm = Command::new("npm");
        npm.args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&dir)
            .arg(BINARYEN_NPM);
        match log {
            Some(log) => run_logged(&mut npm, log)?,
            None => run(&mut npm)?,
        }
    }
    Ok(bin)
}

/// The end-to-end tests' npm packages (playwright-core, no browser download), from the lock file.
pub fn ensure_e2e_packages(root: &Path) -> Result<()> {
    ensure_e2e_packages_logged(root, None)
}

fn ensure_e2e_packages_logged(root: &Path, log: Option<&Path>) -> Result<()> {
    let dir = root.join("tests").join("e2e");
    let modules = dir.join("node_modules");
    let packages = ["playwright-core", "axe-core", "canonicalize"];
    if packages.iter().any(|p| !modules.join(p).exists()) {
        ensure_node()?;
        let mut npm = Command::new("npm");
        npm.args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir);
        match log {
            Some(log) => run_logged(&mut npm, log)?,
            None => run(&mut npm)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_locked_version() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(locked_version(lock, "yew"), None);
    }
}
