//! `cargo xtask test`: every test there is, ending with one line `N passed, N failed`.
//!
//! Steps: formatting and lints (one check each), native tests of every crate, the site build,
//! and the end-to-end tests that drive the built site in headless Chromium (the app's
//! components are tested there, on the site as it ships, and natively through the reducer).

use crate::process::{self, tee};
use crate::tools;
use anyhow::Result;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    broken_steps: Vec<String>,
}

impl Tally {
    fn check(&mut self, name: &str, ok: bool) {
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
            self.broken_steps.push(name.to_string());
        }
    }

    /// Adds the counts a runner printed; a runner that failed without counting a failure
    /// (a build error, say) counts as one failed check.
    fn runner(&mut self, name: &str, ok: bool, counts: (u64, u64)) {
        self.passed += counts.0;
        self.failed += counts.1;
        if !ok && counts.1 == 0 {
            self.failed += 1;
        }
        if !ok {
            self.broken_steps.push(name.to_string());
        }
    }
}

pub fn run(root: &Path) -> Result<()> {
    let started = Instant::now();
    let mut tally = Tally::default();
    let cargo = || {
        let mut c = Command::new("cargo");
        c.current_dir(root);
        c
    };

    // Chromium and the npm tools download while the Rust code compiles.
    let installs = tools::install_in_background(root);

    step("formatting");
    tally.check(
        "cargo fmt --check",
        process::run(cargo().args(["fmt", "--all", "--check"])).is_ok(),
    );

    step("lints");
    let clippy = cargo()
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .status();
    tally.check("cargo clippy", clippy.is_ok_and(|s| s.success()));
    // The app, the on-demand views and the office view's page only compile for WebAssembly as
    // they ship: lint them there too.
    tools::ensure_wasm_target()?;
    let clippy_wasm = cargo()
        .args([
            "clippy",
            "--package",
            "tdg-app",
            "--package",
            "tdg-views",
            "--package",
            "tdg-office-web",
            "--target",
            tools::WASM_TARGET,
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .status();
    tally.check(
        "cargo clippy (wasm32)",
        clippy_wasm.is_ok_and(|s| s.success()),
    );

    step("native tests (every crate)");
    // Doc-tests cost a rustdoc run per library crate (7 s warm, for none at all): they run
    // only when a doc comment somewhere holds a Rust code block.
    let mut native = cargo();
    native.args(["test", "--workspace"]);
    if !any_doc_test(&root.join("crates"))? {
        native.args(["--lib", "--bins", "--tests"]);
    }
    let (ok, out) = tee(&mut native)?;
    tally.runner("native tests", ok, cargo_counts(&out));

    // The downloads started at the top must be there before wasm-opt and the browser run.
    let installed = installs
        .join()
        .unwrap_or_else(|_| Err(anyhow::anyhow!("the install thread panicked")));
    if let Err(e) = &installed {
        eprintln!("error: {e:#}");
        tally.check("install Chromium and the npm tools", false);
    }

    step("site build (dist/)");
    let dist = crate::dist::run(root);
    tally.check("cargo xtask dist", dist.is_ok());
    if let Ok(dist) = dist {
        step("end-to-end tests (headless Chromium on the built site)");
        // The end-to-end tests compare the page with `tdg` on the same answers.
        let built = process::run(cargo().args(["build", "--quiet", "--package", "tdg-cli"]));
        tally.check("cargo build tdg-cli", built.is_ok());
        // The JCS differential test compares our canonical JSON with npm canonicalize's.
        let built = process::run(cargo().args([
            "build",
            "--quiet",
            "--package",
            "tdg-fuzz",
            "--bin",
            "tdg-jcs",
        ]));
        tally.check("cargo build tdg-jcs", built.is_ok());
        // The single file for a USB stick, from the dist/ just built (no second build).
        let single = crate::single_file::write(root, &dist);
        tally.check("single file (dist-single/)", single.is_ok());
        if let Err(e) = &single {
            eprintln!("error: {e:#}");
        }
        // The embedding test (tests/e2e/embed.test.mjs): the app on 127.0.0.1 lets a host
        // page on http://localhost:<same port> embed it (another site); a second server gives
        // a page on an origin that is not allowed.
        let (base_url, port) = crate::serve::spawn_with_embed(dist.clone(), |port| {
            Some(test_embed_json(&format!("http://localhost:{port}")))
        })?;
        let other_url = crate::serve::spawn(dist.clone())?;
        // Each test's browser profile goes under target/, emptied before and after the run
        // (they are 10–50 MB each, and tests do not delete them).
        let profiles = root.join("target").join("e2e-profiles");
        let _ = std::fs::remove_dir_all(&profiles);
        std::fs::create_dir_all(&profiles)?;
        // tests/e2e/run.mjs: node's test runner, several files at a time (it reads
        // `TDG_E2E_CONCURRENCY`), the longest first by the last run's times.
        let (ok, out) = tee(Command::new("node")
            .current_dir(root)
            .arg("tests/e2e/run.mjs")
            .env("TDG_BASE_URL", &base_url)
            .env("TDG_EMBED_HOST_URL", format!("http://localhost:{port}/"))
            .env(
                "TDG_EMBED_OTHER_URL",
                other_url.replace("127.0.0.1", "localhost"),
            )
            .env("TDG_DIST", &dist)
            .env("TDG_SINGLE_FILE", root.join(crate::single_file::OUTPUT))
            .env("TDG_CHROMIUM", tools::CHROMIUM)
            .env("TDG_BIN", root.join("target").join("debug").join("tdg"))
            .env(
                "TDG_JCS_BIN",
                root.join("target").join("debug").join("tdg-jcs"),
            )
            .env("TDG_OUT", root.join("target").join("e2e"))
            .env("TMPDIR", &profiles))?;
        let _ = std::fs::remove_dir_all(&profiles);
        tally.runner("end-to-end tests", ok, tap_counts(&out));
    } else if let Err(e) = dist {
        eprintln!("error: {e:#}");
    }

    eprintln!(
        "\ncargo xtask test took {:.0} s ({})",
        started.elapsed().as_secs_f64(),
        step_times()
    );
    if !tally.broken_steps.is_empty() {
        eprintln!("failed: {}", tally.broken_steps.join(", "));
    }
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed > 0 {
        std::process::exit(1);
    }
    Ok(())
}

/// The `embed.json` the end-to-end tests serve: `host` may embed the app.
pub fn test_embed_json(host: &str) -> String {
    serde_json::json!({
        "version": 1,
        "portalName": { "vi": "Cổng thử nghiệm", "en": "the test portal" },
        "allowedOrigins": [host],
        "defaultLanguage": "vi",
        "trainingMode": false
    })
    .to_string()
}

/// When each step started, to print where the time went (the budget is 3 minutes warm).
static STEPS: std::sync::Mutex<Vec<(String, Instant)>> = std::sync::Mutex::new(Vec::new());

fn step(name: &str) {
    eprintln!("\n==> {name}");
    if let Ok(mut steps) = STEPS.lock() {
        steps.push((name.to_string(), Instant::now()));
    }
}

/// Seconds per step, in order.
fn step_times() -> String {
    let Ok(steps) = STEPS.lock() else {
        return String::new();
    };
    let now = Instant::now();
    let ends = steps.iter().skip(1).map(|(_, t)| *t).chain([now]);
    steps
        .iter()
        .zip(ends)
        .map(|((name, start), end)| format!("{name} {:.0} s", (end - *start).as_secs_f64()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Whether a `.rs` file under `dir` has a doc comment with a code block rustdoc would run: a
/// fence with no language or a Rust one (` ```text `, ` ```json `… are not run). Doc comments
/// written as `/** */` or `#[doc = include_str!(…)]` are not read: none are used.
fn any_doc_test(dir: &Path) -> Result<bool> {
    let mut files = Vec::new();
    crate::dist::list_files(dir, &mut files)?;
    for file in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "rs"))
    {
        if has_doc_test(&std::fs::read_to_string(file)?) {
            return Ok(true);
        }
    }
    Ok(false)
}

fn has_doc_test(source: &str) -> bool {
    let mut in_block = false;
    for line in source.lines() {
        let line = line.trim_start();
        let Some(doc) = line
            .strip_prefix("///")
            .or_else(|| line.strip_prefix("//!"))
        else {
            continue;
        };
        let Some(tag) = doc.trim().strip_prefix("```") else {
            continue;
        };
        if in_block {
            in_block = false;
            continue;
        }
        in_block = true;
        let tag = tag.trim();
        // rustdoc's rule: no tag, or tags naming Rust (`rust`, `should_panic`, `no_run`, …);
        // any other word (`text`, `json`, `sh`) makes the block not Rust. `ignore` is not run.
        let words: Vec<&str> = tag
            .split([',', ' '])
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect();
        let rust_words = [
            "rust",
            "should_panic",
            "no_run",
            "compile_fail",
            "edition2015",
            "edition2018",
            "edition2021",
            "edition2024",
        ];
        if words.iter().all(|w| rust_words.contains(w)) {
            return true;
        }
    }
    false
}

/// Sums libtest's `test result: ok. N passed; M failed; …` lines.
fn cargo_counts(output: &str) -> (u64, u64) {
    let mut counts = (0, 0);
    for line in output
        .lines()
        .filter(|l| l.trim_start().starts_with("test result:"))
    {
        counts.0 += number_before(line, " passed");
        counts.1 += number_before(line, " failed");
    }
    counts
}

/// Node's TAP summary: `# pass N` and `# fail N`.
fn tap_counts(output: &str) -> (u64, u64) {
    let value = |key: &str| {
        output
            .lines()
            .filter_map(|l| l.strip_prefix(key))
            .filter_map(|n| n.trim().parse::<u64>().ok())
            .sum()
    };
    (value("# pass "), value("# fail "))
}

fn number_before(line: &str, word: &str) -> u64 {
    line.find(word)
        .and_then(|end| line[..end].rsplit(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_doc_tests_but_not_text_blocks() {
        assert!(!has_doc_test("//! ```text\n//! tdg-fuzz run\n//! ```\n"));
        assert!(!has_doc_test("/// ```json\n/// {}\n/// ```\nfn f() {}\n"));
        assert!(!has_doc_test("/// ```ignore\n/// f();\n/// ```\n"));
        assert!(has_doc_test("/// ```\n/// assert!(true);\n/// ```\n"));
        assert!(has_doc_test(
            "    /// ```rust,no_run\n    /// f();\n    /// ```\n"
        ));
        // The closing fence of a text block is not the opening of a Rust one.
        assert!(!has_doc_test("//! ```sh\n//! ls\n//! ```\n//! Then:\n"));
        assert!(!has_doc_test("// ```\nlet x = 1;\n"));
    }

    #[test]
    fn counts_libtest_and_tap_summaries() {
        let out = "test result: ok. 12 passed; 0 failed; 1 ignored\nfoo\ntest result: FAILED. 3 passed; 2 failed;\n";
        assert_eq!(cargo_counts(out), (15, 2));
        assert_eq!(tap_counts("ok 1\n# tests 4\n# pass 3\n# fail 1\n"), (3, 1));
    }
}
