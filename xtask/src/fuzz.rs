//! `cargo xtask fuzz [--seconds N] [--target NAME]... [--engine libfuzzer|stable] [--grow-corpus]`:
//! runs every fuzz target of `crates/fuzz` for N seconds each (default 60) and prints, per
//! target, the executions and the findings. A finding is written to a file under
//! `target/fuzz-findings/<target>/` that can be copied into `fuzz/corpus/<target>/` as it is
//! (the corpus replay test in `cargo xtask test` then keeps it fixed).
//!
//! Engines: `libfuzzer` (the default) builds `fuzz/` with libFuzzer's coverage instrumentation
//! on the stable compiler, with the flags `cargo fuzz --sanitizer none` passes (no nightly, no
//! cargo-fuzz needed; a C++ compiler builds libFuzzer itself). `stable` runs the harness of
//! `crates/fuzz` (no instrumentation, outcome-guided), which needs nothing but cargo.

use crate::process;
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const USAGE: &str = "usage: cargo xtask fuzz [--seconds N] [--target NAME]... [--engine libfuzzer|stable] [--grow-corpus]";

/// The coverage flags cargo-fuzz passes with `--sanitizer none`: all of them stable options.
const COVERAGE_FLAGS: &str = "-Cpasses=sancov-module \
    -Cllvm-args=-sanitizer-coverage-level=4 \
    -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
    -Cllvm-args=-sanitizer-coverage-pc-table \
    -Cllvm-args=-sanitizer-coverage-trace-compares \
    --cfg fuzzing";

#[derive(Debug, PartialEq)]
struct Options {
    seconds: u64,
    targets: Vec<String>,
    libfuzzer: bool,
    grow: bool,
}

fn parse(args: &[String]) -> Result<Options> {
    let mut options = Options {
        seconds: 60,
        targets: Vec::new(),
        libfuzzer: true,
        grow: false,
    };
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let mut value = || {
            rest.next()
                .with_context(|| format!("{flag} needs a value\n{USAGE}"))
        };
        match flag.as_str() {
            "--seconds" => {
                let v = value()?;
                options.seconds = v
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .with_context(|| format!("--seconds takes a positive number, not '{v}'"))?;
            }
            "--target" => options.targets.push(value()?.clone()),
            "--engine" => match value()?.as_str() {
                "libfuzzer" => options.libfuzzer = true,
                "stable" => options.libfuzzer = false,
                other => bail!("--engine takes libfuzzer or stable, not '{other}'"),
            },
            "--grow-corpus" => options.grow = true,
            other => bail!("unknown argument '{other}'\n{USAGE}"),
        }
    }
    Ok(options)
}

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let options = parse(args)?;
    if options.grow && options.libfuzzer {
        bail!("--grow-corpus works with --engine stable (libFuzzer keeps too many inputs)");
    }
    let findings_dir = root.join("target").join("fuzz-findings");
    let harness = build_harness(root)?;
    let targets = if options.targets.is_empty() {
        let out = Command::new(&harness).arg("list").output()?;
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .split(", ")
            .map(String::from)
            .collect()
    } else {
        options.targets.clone()
    };
    if !options.libfuzzer {
        let mut cmd = Command::new(&harness);
        cmd.current_dir(root)
            .args(["run", "--seconds", &options.seconds.to_string()])
            .arg("--findings")
            .arg(&findings_dir);
        for t in &targets {
            cmd.args(["--target", t]);
        }
        if options.grow {
            cmd.arg("--grow-corpus");
        }
        eprintln!("$ {}", process::describe(&cmd));
        let status = cmd.status()?;
        println!(
            "engine: stable harness; findings (if any) under {}",
            findings_dir.display()
        );
        if !status.success() {
            bail!("the fuzzers found something (listed above)");
        }
        return Ok(());
    }
    let binary = build_libfuzzer(root)?;
    let mut found = 0;
    let mut lines = Vec::new();
    for target in &targets {
        let (executions, coverage, finding) =
            run_libfuzzer(root, &binary, target, options.seconds, &findings_dir)?;
        let line = format!(
            "{target:<14} {executions:>9} executions in {} s, coverage {coverage:>5} edges, {}",
            options.seconds,
            match &finding {
                Some(file) => format!("1 finding: {}", file.display()),
                None => "0 findings".into(),
            }
        );
        println!("{line}");
        lines.push(line);
        found += usize::from(finding.is_some());
    }
    println!("\nengine: libFuzzer (stable compiler, coverage-guided)");
    for line in lines {
        println!("{line}");
    }
    if found > 0 {
        bail!("{found} target(s) found something; the inputs are listed above");
    }
    Ok(())
}

/// The stable harness, optimised with overflow checks (`[profile.fuzz]`).
fn build_harness(root: &Path) -> Result<PathBuf> {
    process::run(Command::new("cargo").current_dir(root).args([
        "build",
        "--quiet",
        "--profile",
        "fuzz",
        "--package",
        "tdg-fuzz",
        "--bin",
        "tdg-fuzz",
    ]))?;
    Ok(root.join("target").join("fuzz").join("tdg-fuzz"))
}

fn build_libfuzzer(root: &Path) -> Result<PathBuf> {
    let target_dir = root.join("target").join("libfuzzer");
    // An explicit --target keeps RUSTFLAGS off the build scripts (they would not link with the
    // coverage hooks), as cargo-fuzz does.
    let host = host_triple()?;
    process::run(
        Command::new("cargo")
            .current_dir(root.join("fuzz"))
            .args(["build", "--quiet", "--release", "--target", &host])
            .args(["--bin", "tdg-libfuzzer"])
            .env("CARGO_TARGET_DIR", &target_dir)
            .env("RUSTFLAGS", COVERAGE_FLAGS),
    )
    .context("building libFuzzer on the stable compiler (try --engine stable)")?;
    Ok(target_dir.join(host).join("release").join("tdg-libfuzzer"))
}

fn host_triple() -> Result<String> {
    let out = Command::new("rustc").arg("-vV").output()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .map(String::from)
        .context("rustc -vV names no host")
}

/// Runs one target; returns its executions, the coverage libFuzzer reached (edges) and the
/// file of a finding, if any.
fn run_libfuzzer(
    root: &Path,
    binary: &Path,
    target: &str,
    seconds: u64,
    findings_dir: &Path,
) -> Result<(u64, String, Option<PathBuf>)> {
    let committed = root.join("fuzz").join("corpus").join(target);
    // New inputs go to a scratch folder (libFuzzer writes to the first folder given): it keeps
    // hundreds, too many to commit; `--engine stable --grow-corpus` adds a capped few.
    let scratch = root.join("target").join("libfuzzer-corpus").join(target);
    let artifacts = findings_dir.join(target);
    std::fs::create_dir_all(&scratch)?;
    std::fs::create_dir_all(&artifacts)?;
    let before = list(&artifacts);
    let mut cmd = Command::new(binary);
    cmd.current_dir(root)
        .env("TDG_FUZZ_TARGET", target)
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .args([
            "-print_final_stats=1",
            "-max_len=65536",
            "-timeout=10",
            "-rss_limit_mb=2048",
        ])
        .arg(&scratch)
        .arg(&committed)
        .stdout(Stdio::null());
    eprintln!("$ {}", process::describe(&cmd));
    let out = cmd.output()?;
    let log = String::from_utf8_lossy(&out.stderr);
    let executions = log
        .lines()
        .filter_map(|l| l.strip_prefix("stat::number_of_executed_units:"))
        .filter_map(|n| n.trim().parse().ok())
        .next_back()
        .unwrap_or(0);
    // libFuzzer's last status line: `#N DONE cov: C ft: F corp: …`.
    let coverage = log
        .lines()
        .filter(|l| l.contains(" DONE "))
        .filter_map(|l| l.split("cov: ").nth(1))
        .filter_map(|rest| rest.split_whitespace().next())
        .next_back()
        .unwrap_or("?")
        .to_string();
    let finding = list(&artifacts).into_iter().find(|p| !before.contains(p));
    if let Some(file) = &finding {
        let tail: Vec<&str> = log.lines().rev().take(40).collect();
        eprintln!("{}", tail.into_iter().rev().collect::<Vec<_>>().join("\n"));
        eprintln!("finding written to {}", file.display());
    } else if !out.status.success() {
        eprintln!("{log}");
        bail!("libFuzzer stopped without a finding ({})", out.status);
    }
    Ok((executions, coverage, finding))
}

fn list(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_its_arguments() {
        let args = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
        assert_eq!(
            parse(&args("--seconds 5 --target hex --engine stable")).expect("valid"),
            Options {
                seconds: 5,
                targets: vec!["hex".into()],
                libfuzzer: false,
                grow: false
            }
        );
        assert_eq!(parse(&[]).expect("defaults").seconds, 60);
        assert!(parse(&args("--seconds 0")).is_err());
        assert!(parse(&args("--engine afl")).is_err());
        assert!(parse(&args("--bogus")).is_err());
    }
}
