//! The stable fuzzing harness's command line (`cargo xtask fuzz` runs it):
//!
//! ```text
//! tdg-fuzz run [--seconds N | --executions N] [--target NAME]... [--seed N]
//!              [--corpus fuzz/corpus] [--findings target/fuzz/findings] [--verbose] [--grow-corpus]
//! tdg-fuzz seed [--corpus fuzz/corpus]     # writes every target's seeds into the corpus
//! tdg-fuzz list                            # the target names
//! ```
//! Exits with 1 when a run found something.

use std::path::PathBuf;
use std::time::{Duration, Instant};
use tdg_fuzz::harness::{fuzz, Budget};
use tdg_fuzz::{Target, ALL};

fn main() {
    match run(std::env::args().skip(1).collect()) {
        Ok(found) => std::process::exit(i32::from(found)),
        Err(message) => {
            eprintln!("error: {message}");
            std::process::exit(2);
        }
    }
}

fn run(args: Vec<String>) -> Result<bool, String> {
    let mut targets = Vec::new();
    let mut seconds = None;
    let mut executions = None;
    let mut seed = 1u64;
    let mut verbose = false;
    let mut grow = false;
    let mut corpus = PathBuf::from("fuzz/corpus");
    let mut findings = PathBuf::from("target/fuzz/findings");
    let command = args.first().cloned().unwrap_or_default();
    let mut rest = args.iter().skip(1);
    while let Some(flag) = rest.next() {
        let mut value = || rest.next().ok_or(format!("{flag} needs a value"));
        let number = |v: &String| {
            v.parse::<u64>()
                .map_err(|_| format!("{flag} takes a number, not '{v}'"))
        };
        match flag.as_str() {
            "--seconds" => seconds = Some(number(value()?)?),
            "--executions" => executions = Some(number(value()?)?),
            "--seed" => seed = number(value()?)?,
            "--verbose" => verbose = true,
            "--grow-corpus" => grow = true,
            "--corpus" => corpus = PathBuf::from(value()?),
            "--findings" => findings = PathBuf::from(value()?),
            "--target" => {
                let name = value()?;
                targets.push(
                    Target::from_name(name)
                        .ok_or(format!("no target '{name}' (there are: {})", names()))?,
                );
            }
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    if targets.is_empty() {
        targets = ALL.to_vec();
    }
    match command.as_str() {
        "list" => {
            println!("{}", names());
            Ok(false)
        }
        "seed" => {
            for target in targets {
                let dir = corpus.join(target.name());
                std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                for (name, bytes) in target.seeds() {
                    // Large seeds (the shipped catalog) stay in the code only.
                    if bytes.len() <= MAX_CORPUS_FILE {
                        std::fs::write(dir.join(&name), bytes)
                            .map_err(|e| format!("{name}: {e}"))?;
                    }
                }
            }
            Ok(false)
        }
        "run" => {
            let budget = Budget {
                time: seconds
                    .or(if executions.is_none() { Some(10) } else { None })
                    .map(Duration::from_secs),
                executions,
                seed,
            };
            let mut found = false;
            for target in targets {
                let started = Instant::now();
                let stats = fuzz(target, &corpus, Some(&findings), &budget);
                let secs = started.elapsed().as_secs_f64();
                println!(
                    "{:<14} {:>9} executions in {:>5.1} s ({:>7.0}/s), {} outcomes, pool {}, {} findings",
                    target.name(),
                    stats.executions,
                    secs,
                    stats.executions as f64 / secs.max(1e-9),
                    stats.outcomes.len(),
                    stats.pool_size,
                    stats.findings.len()
                );
                if verbose {
                    for (outcome, count) in &stats.outcomes {
                        println!("  {count:>9}  {outcome}");
                    }
                }
                if grow {
                    let dir = corpus.join(target.name());
                    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                    let kept = stats.added.iter().filter(|b| b.len() <= MAX_CORPUS_FILE).take(MAX_GROWTH);
                    for bytes in kept {
                        let name = format!("pool-{}", &tdg_report::report::sha256_hex(bytes)[..16]);
                        std::fs::write(dir.join(&name), bytes).map_err(|e| format!("{name}: {e}"))?;
                    }
                }
                for finding in &stats.findings {
                    found = true;
                    let file = finding
                        .file
                        .as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| "(not written)".into());
                    println!("  finding: {}\n    input: {file}", finding.message);
                }
            }
            Ok(found)
        }
        _ => Err("usage: tdg-fuzz <run|seed|list> [--seconds N] [--executions N] [--target NAME] [--seed N] [--corpus DIR] [--findings DIR]".into()),
    }
}

/// Corpus files stay small: the whole corpus is committed.
const MAX_CORPUS_FILE: usize = 16 * 1024;
/// At most this many new inputs per target and run join the corpus (`--grow-corpus`).
const MAX_GROWTH: usize = 12;

fn names() -> String {
    ALL.iter().map(|t| t.name()).collect::<Vec<_>>().join(", ")
}
