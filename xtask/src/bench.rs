//! `cargo xtask bench`: measurements that print figures (never pass/fail timings).

use anyhow::{bail, Result};
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The first-load budget we hold ourselves to (DEVELOPERS.md): 150 KiB gzipped.
const FIRST_LOAD_BUDGET: u64 = 150 * 1024;

pub fn run(root: &Path) -> Result<()> {
    let dist = root.join("dist");
    if !dist.join("index.html").exists() {
        bail!("dist/ is missing: run `cargo xtask dist` first");
    }
    sizes(&dist)
}

fn sizes(dist: &Path) -> Result<()> {
    let mut files = Vec::new();
    collect(dist, &mut files)?;
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
    println!(
        "first load (all of dist/) gzip: {:.1} KiB of a {} KiB budget",
        gz_total as f64 / 1024.0,
        FIRST_LOAD_BUDGET / 1024
    );
    Ok(())
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len() as u64)
}
