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
    let modules = [
        // The app, and the signing module it loads on first use (cryptography stays out of
        // the first load).
        ("tdg-app.wasm", "tdg_app", "-Oz"),
        ("tdg_signer.wasm", "tdg_signer", "-Oz"),
        // Views the app loads when the user opens them (the print view: crates/views).
        ("tdg_views.wasm", "tdg_views", "-Oz"),
        // The receiving office's view (office.html): its own module, page and worker, so the
        // unit's first load does not grow. Its own crates are built for speed (Cargo.toml);
        // `-O1`: `-Oz` took minutes on this 1.7 MB module, and the office loads it once.
        ("tdg_office_web.wasm", "office_web", "-O1"),
    ];
    for (file, name, _) in modules {
        glue(&release.join(file), name, &dist)?;
    }
    // wasm-opt is single-threaded and takes 20 s a module: run them side by side.
    wasm_opt_all(
        root,
        &modules
            .iter()
            .map(|(_, name, level)| (dist.join(format!("{name}_bg.wasm")), *level))
            .collect::<Vec<_>>(),
    )?;
    copy_dir(&root.join("web"), &dist)?;
    // The catalogs, and the sample units and exercises for training workshops.
    for folder in ["catalogs", "samples", "training"] {
        copy_dir(
            &root.join("assets").join(folder),
            &dist.join("assets").join(folder),
        )?;
    }
    offline_cache(&dist)?;
    eprintln!("dist/ is ready: {}", dist.display());
    Ok(dist)
}

/// Writes this deployment's version and file list into `dist/sw.js` (the offline cache,
/// docs/offline.md). The version is a hash of every shipped file's path and bytes: any change
/// makes a new sw.js, which browsers pick up and offer as "Có phiên bản mới".
fn offline_cache(dist: &Path) -> Result<()> {
    let sw = dist.join("sw.js");
    let template = std::fs::read_to_string(&sw).context("reading dist/sw.js")?;
    let files = cached_files(dist)?;
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    let written = fill_service_worker(&template, &version_of(&files), &names)?;
    std::fs::write(&sw, written)?;
    Ok(())
}

/// The files the service worker caches, as (path relative to `dist/` with `/`, bytes), sorted:
/// everything but sw.js itself and the top-level `*.json` an administrator edits in place.
pub fn cached_files(dist: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let mut paths = Vec::new();
    list_files(dist, &mut paths)?;
    let mut files = Vec::new();
    for path in paths {
        let name = relative_name(dist, &path);
        if name == "sw.js" || edited_in_place(&name) {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        files.push((name, bytes));
    }
    files.sort();
    Ok(files)
}

/// A top-level JSON file beside index.html (a portal's configuration, a trainer's exercises):
/// changed on the server without a rebuild, so it is never pinned to a version.
fn edited_in_place(name: &str) -> bool {
    !name.contains('/') && name.ends_with(".json")
}

/// `path` relative to `dist`, with `/` separators whatever the system.
pub fn relative_name(dist: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(dist).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

pub fn list_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            list_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// SHA-256 over each file's name, length and bytes (so moving bytes between files changes
/// it too), the first 16 hex digits.
fn version_of(files: &[(String, Vec<u8>)]) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for (name, bytes) in files {
        hasher.update((name.len() as u64).to_le_bytes());
        hasher.update(name.as_bytes());
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    }
    hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The service worker with its two placeholders filled; an error if either is missing (a
/// worker without them would cache nothing, silently).
fn fill_service_worker(template: &str, version: &str, files: &[&str]) -> Result<String> {
    const VERSION: &str = "__TDG_VERSION__";
    const FILES: &str = "['__TDG_FILES__']";
    if !template.contains(VERSION) || !template.contains(FILES) {
        anyhow::bail!("web/sw.js lacks the placeholders {VERSION} and {FILES}");
    }
    let list = serde_json::to_string(files)?;
    Ok(template.replace(VERSION, version).replace(FILES, &list))
}

fn run_cargo_build(root: &Path) -> Result<()> {
    process::run(Command::new("cargo").current_dir(root).args([
        "build",
        "--release",
        "--package",
        "tdg-app",
        "--package",
        "tdg-signer",
        "--package",
        "tdg-views",
        "--package",
        "tdg-office-web",
        "--target",
        tools::WASM_TARGET,
    ]))
}

/// wasm-bindgen's JS glue for `wasm` as `<name>.js` + `<name>_bg.wasm`.
fn glue(wasm: &Path, name: &str, dist: &Path) -> Result<()> {
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
    Ok(())
}

/// wasm-opt on each (module, level), as many at once as there are cores.
fn wasm_opt_all(root: &Path, modules: &[(PathBuf, &str)]) -> Result<()> {
    // Installed once, before the threads, so that they do not race to install it.
    tools::wasm_opt(root)?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for batch in modules.chunks(cores.max(1)) {
        std::thread::scope(|scope| {
            let running: Vec<_> = batch
                .iter()
                .map(|(wasm, level)| scope.spawn(move || optimise(root, wasm, level)))
                .collect();
            running.into_iter().try_for_each(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("a wasm-opt thread panicked")))
            })
        })?;
    }
    Ok(())
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
        eprintln!(
            "wasm-opt {level} {}: unchanged input, cached result",
            wasm.display()
        );
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
    eprintln!(
        "wasm-opt {level} {}: {:.1} s",
        wasm.display(),
        started.elapsed().as_secs_f64()
    );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_changes_with_any_byte_and_any_name() {
        let files = |name: &str, byte: u8| vec![(name.to_string(), vec![1, 2, byte])];
        let base = version_of(&files("a.js", 3));
        assert_eq!(base.len(), 16);
        assert_eq!(base, version_of(&files("a.js", 3)));
        assert_ne!(base, version_of(&files("a.js", 4)));
        assert_ne!(base, version_of(&files("b.js", 3)));
    }

    #[test]
    fn the_service_worker_gets_its_version_and_files() {
        let template = "const VERSION = '__TDG_VERSION__';\nconst FILES = ['__TDG_FILES__'];\n";
        let filled = fill_service_worker(template, "0123", &["index.html", "a b.js"])
            .expect("the template has both placeholders");
        assert_eq!(
            filled,
            "const VERSION = '0123';\nconst FILES = [\"index.html\",\"a b.js\"];\n"
        );
        assert!(fill_service_worker("const FILES = [];", "0123", &[]).is_err());
    }

    #[test]
    fn top_level_json_is_edited_in_place_and_not_pinned() {
        assert!(edited_in_place("embed.json"));
        assert!(!edited_in_place("assets/catalogs/hp-175-kh-ubnd.json"));
        assert!(!edited_in_place("manifest.webmanifest"));
    }
}
