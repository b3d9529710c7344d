//! `cargo xtask bench`: measurements that print figures (never pass/fail timings).
//!
//! 1. The size of every file in `dist/` (raw and gzip -9), and of the single file
//!    (`dist-single/`).
//! 2. Native timings of the pure crates: re-scoring 1,000 criteria (one keystroke), verifying
//!    and re-scoring 1,000 signed reports, and the office's season of 10,000 on every core.
//! 3. In headless Chromium on the built site (`tests/bench/browser.mjs`), issue 12's figures
//!    against their budgets, each the median of at least 10 runs at 1× and 4× CPU throttling:
//!    the first load (every request until ready, from the browser's network log: raw, gzip -9,
//!    brotli 11), ready with the department sample restored from storage and where that time
//!    goes, keystroke → total in the DOM and → next frame painted (with the Event Timing API's
//!    durations), a keystroke's main-thread time by kind from a trace, and a keystroke with
//!    1,000 criteria; then the office view from 1,000 report files to the last row shown.

use anyhow::{bail, Result};
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

pub fn run(root: &Path) -> Result<()> {
    let dist = root.join("dist");
    if !dist.join("index.html").exists() {
        bail!("dist/ is missing: run `cargo xtask dist` first");
    }
    sizes(&dist)?;
    single_file(root, &dist)?;
    println!();
    native(root)?;
    println!();
    browser(root, dist)
}

fn sizes(dist: &Path) -> Result<()> {
    let mut files = Vec::new();
    crate::dist::list_files(dist, &mut files)?;
    files.sort();
    println!("{:<44} {:>10} {:>10}", "file (dist/)", "raw B", "gzip -9 B");
    let (mut raw_total, mut gz_total) = (0u64, 0u64);
    for file in &files {
        let bytes = std::fs::read(file)?;
        let gz = gzip_len(&bytes)?;
        let name = file
            .strip_prefix(dist)
            .unwrap_or(file)
            .display()
            .to_string();
        println!("{name:<44} {:>10} {:>10}", bytes.len(), gz);
        raw_total += bytes.len() as u64;
        gz_total += gz;
    }
    println!("{:<44} {raw_total:>10} {gz_total:>10}", "total");
    // Which of these files a first visit fetches is the browser's to say, not a list's: the
    // first load against its budget is counted from the network log (the browser figures).
    println!("the first load against its 150 KiB budget: see `browser: first load` below");
    Ok(())
}

/// The single file for a USB stick, made from `dist/` (a second or so, no build): its size.
fn single_file(root: &Path, dist: &Path) -> Result<()> {
    let path = crate::single_file::write(root, dist)?;
    let bytes = std::fs::read(&path)?;
    println!(
        "single file {}: {} B raw, {} B gzip -9",
        crate::single_file::OUTPUT,
        bytes.len(),
        gzip_len(&bytes)?
    );
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len() as u64)
}

/// The pure crates' timings, built in release mode like the shipped code.
fn native(root: &Path) -> Result<()> {
    // The pure crates' timings, then the office's season (10,000 reports, every core).
    for (package, example) in [
        ("tdg-report", "native_bench"),
        ("tdg-office", "season_bench"),
    ] {
        let status = Command::new("cargo")
            .current_dir(root)
            .args([
                "run",
                "--quiet",
                "--release",
                "--package",
                package,
                "--example",
                example,
            ])
            .status()?;
        if !status.success() {
            bail!("the native benchmark {example} failed");
        }
    }
    Ok(())
}

/// A copy of `dist/` whose commune tier has 1,000 criteria (the shipped six, repeated, 0.1 point
/// each), to time a keystroke where the form is as large as we promise to handle.
fn thousand_criteria_site(root: &Path, dist: &Path) -> Result<PathBuf> {
    let site = root.join("target").join("bench-dist");
    if site.exists() {
        std::fs::remove_dir_all(&site)?;
    }
    crate::dist::copy_dir(dist, &site)?;
    let path = site.join(crate::CATALOG_PATH);
    let mut catalog: serde_json::Value = serde_json::from_slice(&std::fs::read(&path)?)?;
    let tiers = catalog["tiers"]
        .as_array_mut()
        .ok_or_else(|| anyhow::anyhow!("catalog without tiers"))?;
    for tier in tiers.iter_mut().filter(|t| t["id"] == "xa-phuong") {
        let base = tier["criteria"].as_array().cloned().unwrap_or_default();
        let many: Vec<serde_json::Value> = (0..1_000)
            .map(|i| {
                let mut c = base[i % base.len()].clone();
                c["id"] = format!("{}-n{i}", c["id"].as_str().unwrap_or("c")).into();
                c["maxPoints"] = 100.into();
                c
            })
            .collect();
        tier["criteria"] = many.into();
    }
    std::fs::write(&path, serde_json::to_vec(&catalog)?)?;
    Ok(site)
}

fn browser(root: &Path, dist: PathBuf) -> Result<()> {
    crate::tools::ensure_chromium(None)?;
    crate::tools::ensure_e2e_packages(root)?;
    let big_url = crate::serve::spawn(thousand_criteria_site(root, &dist)?)?;
    let url = crate::serve::spawn(dist)?;
    // Every Chromium profile the scripts make goes here, and goes when they end: the disk is
    // shared and the profiles are not wanted afterwards.
    let profiles = root.join("target").join("bench").join("profiles");
    std::fs::create_dir_all(&profiles)?;
    let started = Instant::now();
    let status = Command::new("node")
        .current_dir(root)
        .arg("tests/bench/browser.mjs")
        .env("TDG_BASE_URL", &url)
        .env("TDG_BIG_URL", &big_url)
        .env("TDG_CHROMIUM", crate::tools::CHROMIUM)
        .env("TMPDIR", &profiles)
        .status();
    let _ = std::fs::remove_dir_all(&profiles);
    if !status?.success() {
        bail!(
            "the browser benchmark failed after {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    // The office view: 1,000 reports from files to the last row (tdg makes the season). In
    // release, like the native timings above: on a fresh machine the bench builds one profile.
    crate::process::run(Command::new("cargo").current_dir(root).args([
        "build",
        "--quiet",
        "--release",
        "--package",
        "tdg-cli",
    ]))?;
    std::fs::create_dir_all(&profiles)?;
    let status = Command::new("node")
        .current_dir(root)
        .arg("tests/bench/office.mjs")
        .env("TDG_BASE_URL", &url)
        .env("TDG_CHROMIUM", crate::tools::CHROMIUM)
        .env("TDG_BIN", root.join("target").join("release").join("tdg"))
        .env("TDG_OUT", root.join("target").join("bench"))
        .env("TMPDIR", &profiles)
        .status();
    let _ = std::fs::remove_dir_all(&profiles);
    if !status?.success() {
        bail!("the office view's benchmark failed");
    }
    Ok(())
}
