//! `cargo xtask bench`: measurements that print figures (never pass/fail timings).
//!
//! 1. The size of every file in `dist/` (raw and gzip -9) against the first-load budget, and
//!    of the single file (`dist-single/`).
//! 2. Native timings of the pure crates: re-scoring 1,000 criteria (one keystroke), verifying
//!    and re-scoring 1,000 signed reports, and the office's season of 10,000 on every core.
//! 3. In headless Chromium on the built site: time until the app is ready, and from a keystroke
//!    to the updated total; the office view from 1,000 report files to the last row shown.

use anyhow::{bail, Result};
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The first-load budget we hold ourselves to (DEVELOPERS.md): 150 KiB gzipped.
const FIRST_LOAD_BUDGET: u64 = 150 * 1024;

/// The files (by path prefix in `dist/`) that the page fetches only on demand.
const ON_DEMAND: &[&str] = &[
    "assets/samples",
    "tdg_signer",
    "hash-worker.js",
    "backup-worker.js",
    "key-steps.js",
    // Fetched by the browser after the page has started (the service worker, then the whole
    // site into its cache in the background; the manifest for installing): nothing waits on them.
    "sw.js",
    "manifest.webmanifest",
    // The receiving office's page: never part of the unit's load.
    "office",
    // The portal's example host page, and training exercises (fetched in training mode only).
    "embed-example",
    "assets/training",
];

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
    let (mut raw_total, mut gz_total, mut first_load) = (0u64, 0u64, 0u64);
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
        // Sample units are fetched only when a trainer opens one, the signing module only when
        // a unit signs or handles its key, the workers only when a file is hashed or a backup
        // sealed or opened, `key-steps.js` only when a key is made, re-opened, restored,
        // unlocked or forgotten. `keys.js` counts: it loads when the assessment screen shows.
        if !ON_DEMAND.iter().any(|prefix| name.starts_with(prefix)) {
            first_load += gz;
        }
    }
    println!("{:<44} {raw_total:>10} {gz_total:>10}", "total");
    println!(
        "first load (everything but the samples, the signing module, the two workers, key-steps.js, sw.js and the manifest), gzip: {:.1} KiB of a {} KiB budget",
        first_load as f64 / 1024.0,
        FIRST_LOAD_BUDGET / 1024
    );
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
    crate::tools::ensure_chromium()?;
    crate::tools::ensure_e2e_packages(root)?;
    let big_url = crate::serve::spawn(thousand_criteria_site(root, &dist)?)?;
    let url = crate::serve::spawn(dist)?;
    let started = Instant::now();
    let status = Command::new("node")
        .current_dir(root)
        .arg("tests/bench/browser.mjs")
        .env("TDG_BASE_URL", &url)
        .env("TDG_BIG_URL", &big_url)
        .env("TDG_CHROMIUM", crate::tools::CHROMIUM)
        .status()?;
    if !status.success() {
        bail!(
            "the browser benchmark failed after {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    // The office view: 1,000 reports from files to the last row (tdg makes the season).
    crate::process::run(Command::new("cargo").current_dir(root).args([
        "build",
        "--quiet",
        "--package",
        "tdg-cli",
    ]))?;
    let status = Command::new("node")
        .current_dir(root)
        .arg("tests/bench/office.mjs")
        .env("TDG_BASE_URL", &url)
        .env("TDG_CHROMIUM", crate::tools::CHROMIUM)
        .env("TDG_BIN", root.join("target").join("debug").join("tdg"))
        .env("TDG_OUT", root.join("target").join("bench"))
        .status()?;
    if !status.success() {
        bail!("the office view's benchmark failed");
    }
    Ok(())
}
