//! `cargo xtask dist`: the deployable static site in `dist/`, size-optimised, relative URLs only.

use crate::process;
use crate::tools;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// wasm-opt's flags for the unit's modules. `--low-memory-unused` lets it fold constant
/// offsets into loads and stores, as Emscripten does: sound when nothing lives in the first
/// KiB of memory, and Rust's wasm32 layout puts the 1 MiB stack there, growing down from 1 MiB,
/// so only a stack about to overflow would reach it; `low_memory_unused` checks each module's
/// data before the flag is used. Measured on the app: 342,730 → 339,407 B gzip (`-Oz` then
/// this flag).
pub const UNIT_LEVEL: &str = "-Oz --low-memory-unused";

/// Builds `dist/` and returns its path.
pub fn run(root: &Path) -> Result<PathBuf> {
    tools::ensure_wasm_target()?;
    tools::check_bindgen_version(root)?;
    let release = run_cargo_build(root)?;
    let dist = root.join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist).with_context(|| format!("clearing {}", dist.display()))?;
    }
    std::fs::create_dir_all(&dist)?;
    let modules = [
        // The app, and the signing module it loads on first use (cryptography stays out of
        // the first load).
        ("tdg-app.wasm", "tdg_app", UNIT_LEVEL),
        ("tdg_signer.wasm", "tdg_signer", UNIT_LEVEL),
        // What the app loads when the user needs it (the print view, the sign panel's flows,
        // training's exercises: crates/views).
        ("tdg_views.wasm", "tdg_views", UNIT_LEVEL),
        // The receiving office's view (office.html): its own module, page and worker, so the
        // unit's first load does not grow. Its own crates are built for speed (Cargo.toml);
        // `-O1`: `-Oz` took minutes on this 1.7 MB module, and the office loads it once.
        ("tdg_office_web.wasm", "office_web", "-O1"),
    ];
    for (file, name, level) in modules {
        glue(root, &release.join(file), name, &dist)?;
        if level.contains("--low-memory-unused") {
            let wasm = dist.join(format!("{name}_bg.wasm"));
            low_memory_unused(&std::fs::read(&wasm)?)
                .with_context(|| format!("{}: wasm-opt's --low-memory-unused", wasm.display()))?;
        }
    }
    // wasm-opt is single-threaded and takes 20 s a module: run them side by side.
    wasm_opt_all(
        root,
        &modules
            .iter()
            .map(|(_, name, level)| (dist.join(format!("{name}_bg.wasm")), *level))
            .collect::<Vec<_>>(),
    )?;
    crate::cache::prune(&root.join("target").join("tools").join("wasm-opt-cache"));
    copy_dir(&root.join("web"), &dist)?;
    // The catalogs, and the sample units and exercises for training workshops.
    for folder in ["catalogs", "samples", "training"] {
        copy_dir(
            &root.join("assets").join(folder),
            &dist.join("assets").join(folder),
        )?;
    }
    preload_modules(&dist)?;
    offline_cache(&dist)?;
    // Last: the copies are of the final files (sw.js included). Not of a file an administrator
    // edits in place: a server would go on sending the stale copy of the edited file.
    crate::precompress::run(root, &dist, edited_in_place)?;
    eprintln!("dist/ is ready: {}", dist.display());
    Ok(dist)
}

/// Writes `<link rel="modulepreload">` for the app's JS glue and the snippets it imports into
/// dist/index.html, so the browser asks for them with the page's first requests instead of one
/// import level at a time (boot.js, then tdg_app.js, then its snippets: two round trips more
/// before the app starts, on a slow connection 100 ms or more each).
fn preload_modules(dist: &Path) -> Result<()> {
    let glue = std::fs::read_to_string(dist.join("tdg_app.js")).context("reading tdg_app.js")?;
    let mut modules = vec!["tdg_app.js".to_owned()];
    modules.extend(static_imports(&glue));
    // A path read wrongly would only be a preload that fails: say so here instead.
    if let Some(missing) = modules.iter().find(|m| !dist.join(m).is_file()) {
        anyhow::bail!("tdg_app.js imports {missing}, which is not in dist/: the module preloads would be wrong");
    }
    let path = dist.join("index.html");
    let index = std::fs::read_to_string(&path).context("reading dist/index.html")?;
    let boot = "<script type=\"module\" src=\"boot.js\"></script>";
    if !index.contains(boot) {
        anyhow::bail!("web/index.html lacks {boot}: the module preloads go before it");
    }
    let links: String = modules
        .iter()
        .map(|m| format!("<link rel=\"modulepreload\" href=\"{m}\">\n"))
        .collect();
    std::fs::write(&path, index.replacen(boot, &format!("{links}{boot}"), 1))?;
    Ok(())
}

/// The modules a script imports statically by a `./` path (`import … from './x.js'`, one
/// import a line, as wasm-bindgen writes them), as paths relative to it, each once, in order.
fn static_imports(source: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for line in source.lines().map(str::trim_start) {
        if !line.starts_with("import ") {
            continue;
        }
        let Some((_, spec)) = line.rsplit_once(" from ") else {
            continue;
        };
        let spec = spec.trim().trim_end_matches(';');
        let spec = spec.trim_matches(|c| c == '\'' || c == '"');
        if let Some(path) = spec.strip_prefix("./") {
            if !found.iter().any(|f| f == path) {
                found.push(path.to_owned());
            }
        }
    }
    found
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
        if name == "sw.js" || edited_in_place(&name) || crate::precompress::is_copy(&name) {
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

/// The standard library is rebuilt for the site's modules, for size, and a panic aborts at
/// once instead of first formatting its message. Nothing changes for the user: a panic was
/// already a trap (`panic = "abort"`), and the signing module's crash is still told by its
/// `RuntimeError`. What is lost is the message Yew's panic hook wrote to the console; the
/// console now says `RuntimeError: unreachable`. To chase a crash, `TDG_PANIC_MESSAGES=1
/// cargo xtask dist` builds with rustup's prebuilt standard library and its messages.
///
/// Measured on the app's module, gzip -9 after wasm-opt: 356,340 B with the prebuilt standard
/// library, 335,269 B rebuilt with `immediate-abort`, 330,948 B with `optimize_for_size` too
/// (the signing module 219,585 → 201,108 B, the on-demand views 282,897 → 264,705 B). The
/// ready time did not move (alternated runs, docs/first-load.md, third round).
///
/// `-Zbuild-std` and `immediate-abort` are unstable: `RUSTC_BOOTSTRAP=1` lets the stable
/// toolchain use them. It applies to every rustc call and build script of that cargo run
/// (proc-macro2 and thiserror turn on nightly features when they see it), hence the build's
/// own target directory, `SITE_TARGET`. `tools::can_rebuild_std` checks the toolchain first
/// (`immediate-abort` appeared in rustc 1.92); where it cannot, or the rebuilt build fails,
/// the site is built with the prebuilt standard library, with a warning.
const REBUILT_STD: [&str; 5] = [
    "-Zbuild-std=std,panic_abort",
    "-Zbuild-std-features=optimize_for_size",
    "-Zpanic-immediate-abort",
    "--config",
    "profile.release.panic=\"immediate-abort\"",
];

/// The site's build directory, under `target/`: apart from `target/release`, whose build
/// scripts and proc macros the bench's native release builds use without `RUSTC_BOOTSTRAP`
/// (sharing them rebuilt nearly everything at each switch).
const SITE_TARGET: &str = "site";

/// `cargo build` of the four modules into `target_dir`.
fn site_build(root: &Path, target_dir: &Path) -> Command {
    let mut build = Command::new("cargo");
    build
        .current_dir(root)
        .arg("build")
        .arg("--target-dir")
        .arg(target_dir)
        .args([
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
        ]);
    build
}

/// Builds the four modules; returns the directory that holds them.
fn run_cargo_build(root: &Path) -> Result<PathBuf> {
    let target_dir = root.join("target").join(SITE_TARGET);
    let release = target_dir.join(tools::WASM_TARGET).join("release");
    if std::env::var_os("TDG_PANIC_MESSAGES").is_some() {
        eprintln!(
            "TDG_PANIC_MESSAGES: the prebuilt standard library, panics say why in the console"
        );
    } else if tools::can_rebuild_std() {
        // The first rebuild fetches the standard library's own crates from crates.io: where it
        // cannot, or the unstable flags changed, the prebuilt one still makes a site (a real
        // compile error then fails again below, with its message).
        let rebuilt = process::run(
            site_build(root, &target_dir)
                .env("RUSTC_BOOTSTRAP", "1")
                .args(REBUILT_STD),
        );
        match rebuilt {
            Ok(()) => return Ok(release),
            Err(e) => tools::prebuilt_std_warning(&format!("{e:#}")),
        }
    }
    process::run(&mut site_build(root, &target_dir))?;
    Ok(release)
}

/// wasm-bindgen's JS glue for `wasm` as `<name>.js` + `<name>_bg.wasm` (and its `snippets/`).
/// The output is cached under `target/tools/bindgen-cache/<name>-<key>/`, keyed by the input's
/// bytes and the pinned wasm-bindgen version: on an unchanged module a warm `cargo xtask test`
/// spent 13.6 s here (8.9 s on the office's module) making the same files again.
fn glue(root: &Path, wasm: &Path, name: &str, dist: &Path) -> Result<()> {
    let started = std::time::Instant::now();
    let input = std::fs::read(wasm).with_context(|| format!("reading {}", wasm.display()))?;
    let cache_root = root.join("target").join("tools").join("bindgen-cache");
    let key = format!(
        "{name}-{}",
        cache_key(&input, false, tools::WASM_BINDGEN_VERSION)
    );
    let cached = cache_root.join(&key);
    if cached.join(DONE).exists() {
        copy_cached(&cached, dist)?;
        eprintln!("wasm-bindgen {name}: unchanged input, cached result");
        return Ok(());
    }
    // Entries of this module made from older inputs are never used again: only the newest
    // is kept, so the cache stays as large as one build's output.
    if let Ok(entries) = std::fs::read_dir(&cache_root) {
        for entry in entries.flatten() {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            if file_name
                .strip_prefix(name)
                .is_some_and(|rest| rest.starts_with('-'))
            {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    std::fs::create_dir_all(&cached)?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(wasm)
        .out_name(name)
        .web(true)?
        .typescript(false)
        .omit_default_module_path(false)
        .generate(&cached)
        .with_context(|| format!("generating the JS glue of {name} with wasm-bindgen"))?;
    // Written last: a run stopped half-way leaves an entry without it, made again next time.
    std::fs::write(cached.join(DONE), b"")?;
    copy_cached(&cached, dist)?;
    eprintln!(
        "wasm-bindgen {name}: {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The marker of a complete entry of the wasm-bindgen cache (never copied into `dist/`).
const DONE: &str = ".complete";

fn copy_cached(cached: &Path, dist: &Path) -> Result<()> {
    copy_dir(cached, dist)?;
    let marker = dist.join(DONE);
    if marker.exists() {
        std::fs::remove_file(marker)?;
    }
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
        crate::cache::touch(&cached);
        eprintln!(
            "wasm-opt {level} {}: unchanged input, cached result",
            wasm.display()
        );
        return Ok(());
    }
    let wasm_opt = tools::wasm_opt(root)?;
    let started = std::time::Instant::now();
    let mut command = Command::new("node");
    command.arg(wasm_opt).args(level.split_whitespace());
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

/// Whether every data segment of the module lies at or above 1 KiB: what
/// `--low-memory-unused` assumes (a module made otherwise is an error, never optimised wrongly).
fn low_memory_unused(wasm: &[u8]) -> Result<()> {
    fn leb(bytes: &[u8], at: &mut usize) -> Result<u64> {
        let (mut value, mut shift) = (0u64, 0);
        loop {
            let byte = *bytes.get(*at).context("a truncated module")?;
            *at += 1;
            value |= u64::from(byte & 0x7f).checked_shl(shift).unwrap_or(0);
            shift += 7;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
    }
    if wasm.get(..4) != Some(b"\0asm".as_slice()) {
        anyhow::bail!("not a WebAssembly module");
    }
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = usize::try_from(leb(wasm, &mut at)?)?;
        let end = at + size;
        if id == 11 {
            let count = leb(wasm, &mut at)?;
            for _ in 0..count {
                // Only active segments of memory 0 with an `i32.const` offset are expected.
                match (leb(wasm, &mut at)?, wasm.get(at)) {
                    (0, Some(0x41)) => at += 1,
                    _ => anyhow::bail!("a data segment of an unexpected kind"),
                }
                // A signed LEB, taken as the 32-bit address it stands for.
                let offset = leb(wasm, &mut at)? & 0xffff_ffff;
                if offset < 1024 {
                    anyhow::bail!("a data segment at {offset}, under 1 KiB");
                }
                at += 1; // `end`
                let length = usize::try_from(leb(wasm, &mut at)?)?;
                at += length;
            }
        }
        at = end;
    }
    Ok(())
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
    fn the_static_imports_of_wasm_bindgens_glue_are_found_once_each() {
        let glue = "import { a } from './snippets/x-1/inline0.js';\n\
                    import * as import1 from \"./snippets/x-1/inline3.js\"\n\
                    import { b } from './snippets/x-1/inline0.js';\n\
                    import * as import2 from \"./snippets/tdg-app-7b5fa33b769342bb/inline4.js\"\n\
                    const m = import('./later.js');\n\
                    \"./tdg_app_bg.js\": import0,\n";
        assert_eq!(
            static_imports(glue),
            [
                "snippets/x-1/inline0.js",
                "snippets/x-1/inline3.js",
                "snippets/tdg-app-7b5fa33b769342bb/inline4.js"
            ]
        );
    }

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

    /// A module with one data segment at `offset` (a signed LEB of at most 32 bits).
    fn module_with_data_at(offset: u32) -> Vec<u8> {
        let mut leb = Vec::new();
        let mut value = i64::from(offset as i32);
        loop {
            let byte = (value & 0x7f) as u8;
            value >>= 7;
            let done = (value == 0 && byte & 0x40 == 0) || (value == -1 && byte & 0x40 != 0);
            leb.push(if done { byte } else { byte | 0x80 });
            if done {
                break;
            }
        }
        let mut segment = vec![1, 0, 0x41];
        segment.extend(&leb);
        segment.extend([0x0b, 2, 7, 7]);
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend([11, segment.len() as u8]);
        wasm.extend(segment);
        wasm
    }

    #[test]
    fn low_memory_is_unused_only_with_every_data_segment_above_1_kib() {
        assert!(low_memory_unused(&module_with_data_at(1_048_576)).is_ok());
        assert!(low_memory_unused(&module_with_data_at(1024)).is_ok());
        assert!(low_memory_unused(&module_with_data_at(1023)).is_err());
        assert!(low_memory_unused(&module_with_data_at(8)).is_err());
        assert!(low_memory_unused(b"\0asm\x01\0\0\0").is_ok());
        assert!(low_memory_unused(b"not wasm").is_err());
    }
}
