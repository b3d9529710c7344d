//! `cargo xtask dist`: the deployable static site in `dist/`, size-optimised, relative URLs only.

use crate::process;
use crate::tools;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds `dist/` and returns its path.
pub fn run(root: &Path) -> Result<PathBuf> {
    tools::ensure_wasm_target()?;
    tools::check_bindgen_version(root)?;
    run_cargo_build(root)?;
    let dist = root.join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist).with_context(|| format!("clearing {}", dist.display()))?;
    }
    std::fs::create_dir_all(&dist)?;
    let release = root.join("target").join(tools::WASM_TARGET).join("release");
    // The app, and the signing module it loads on first use (cryptography stays out of the
    // first load).
    glue(root, &release.join("tdg-app.wasm"), "tdg_app", &dist, "-Oz")?;
    glue(
        root,
        &release.join("tdg_signer.wasm"),
        "tdg_signer",
        &dist,
        "-Oz",
    )?;
    // The receiving office's view (office.html): its own module, page and worker, so the unit's
    // first load does not grow. Built for speed (`[profile.office]`); `-O1`: `-Oz` took
    // minutes on this 1.7 MB module, and the office loads it once, on a page of its own.
    let office = root.join("target").join(tools::WASM_TARGET).join("office");
    glue(
        root,
        &office.join("tdg_office_web.wasm"),
        "office_web",
        &dist,
        "-O1",
    )?;
    copy_dir(&root.join("web"), &dist)?;
    // The catalogs, and the sample units for training workshops.
    for folder in ["catalogs", "samples"] {
        copy_dir(
            &root.join("assets").join(folder),
            &dist.join("assets").join(folder),
        )?;
    }
    eprintln!("dist/ is ready: {}", dist.display());
    Ok(dist)
}

fn run_cargo_build(root: &Path) -> Result<()> {
    process::run(Command::new("cargo").current_dir(root).args([
        "build",
        "--release",
        "--package",
        "tdg-app",
        "--package",
        "tdg-signer",
        "--target",
        tools::WASM_TARGET,
    ]))?;
    // The office's module, optimised for speed (Cargo.toml, `[profile.office]`).
    process::run(Command::new("cargo").current_dir(root).args([
        "build",
        "--profile",
        "office",
        "--package",
        "tdg-office-web",
        "--target",
        tools::WASM_TARGET,
    ]))
}

/// wasm-bindgen's JS glue for `wasm` as `<name>.js` + `<name>_bg.wasm`, then wasm-opt at
/// `level` (`-Oz`, `-O1`…).
fn glue(root: &Path, wasm: &Path, name: &str, dist: &Path, level: &str) -> Result<()> {
    let started = std::time::Instant::now();
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(wasm)
        .out_name(name)
        .web(true)?
        .typescript(false)
        .omit_default_module_path(false)
        .generate(dist)
        .with_context(|| format!("generating the JS glue of {name} with wasm-bindgen"))?;
    eprintln!(
        "wasm-bindgen {name}: {:.1} s",
        started.elapsed().as_secs_f64()
    );
    optimise(root, &dist.join(format!("{name}_bg.wasm")), level)
}

/// `wasm-opt <level>` (`-Oz` for the unit's modules), in place. With `TDG_WASM_NAMES=1` the function names are kept (`-g`), so
/// that `twiggy top -r dist/tdg_app_bg.wasm` says where the bytes go (the files are then larger
/// than the shipped ones: measure sizes without it). The result is cached under
/// `target/tools/wasm-opt-cache/`, keyed by the input's bytes and the flags: wasm-opt takes
/// half a minute, and a warm `cargo xtask test` would otherwise spend it on unchanged modules.
fn optimise(root: &Path, wasm: &Path, level: &str) -> Result<()> {
    let keep_names = std::env::var_os("TDG_WASM_NAMES").is_some();
    let input = std::fs::read(wasm)?;
    let cache_dir = root.join("target").join("tools").join("wasm-opt-cache");
    let cached = cache_dir.join(format!("{}.wasm", cache_key(&input, keep_names, level)));
    if cached.exists() {
        std::fs::copy(&cached, wasm)?;
        eprintln!("wasm-opt {level}: unchanged input, cached result");
        return Ok(());
    }
    let wasm_opt = tools::wasm_opt(root)?;
    let started = std::time::Instant::now();
    let mut command = Command::new("node");
    command.arg(wasm_opt).arg(level);
    if keep_names {
        command.arg("-g");
    }
    process::run(command.arg(wasm).arg("-o").arg(wasm))?;
    eprintln!("wasm-opt {level}: {:.1} s", started.elapsed().as_secs_f64());
    std::fs::create_dir_all(&cache_dir)?;
    std::fs::copy(wasm, &cached)?;
    Ok(())
}

/// A cache key for wasm-opt's input: SipHash with fixed keys (stable from run to run), the
/// length and the flags. Not a security boundary: the cache is the developer's own target/.
fn cache_key(input: &[u8], keep_names: bool, level: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    input.hash(&mut hasher);
    keep_names.hash(&mut hasher);
    // `-Oz` alone hashes as before, so the cache made before levels existed still serves.
    if level != "-Oz" {
        level.hash(&mut hasher);
    }
    format!("{:016x}-{}", hasher.finish(), input.len())
}

pub fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}
