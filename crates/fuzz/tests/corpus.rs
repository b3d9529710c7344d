//! The committed corpora (fuzz/corpus/<target>/) replayed as ordinary tests, so that
//! `cargo xtask test` (stable) runs every input any fuzzer ever kept or found; and a short seeded
//! run of the stable harness per target.

use std::path::PathBuf;
use tdg_fuzz::fixtures::{cheap_backup, BACKUP_PASSWORD};
use tdg_fuzz::harness::{catch, corpus, fuzz, run_one, Budget};
use tdg_fuzz::{Target, ALL};

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus")
}

#[test]
fn every_corpus_input_runs_without_a_finding() {
    let mut failures = Vec::new();
    let mut total = 0;
    for target in ALL {
        let files = corpus(&corpus_dir(), target);
        assert!(
            files.len() >= 3,
            "fuzz/corpus/{} has {} files; run `tdg-fuzz seed`",
            target.name(),
            files.len()
        );
        for (path, bytes) in files {
            total += 1;
            if let Err(message) = run_one(target, &bytes) {
                failures.push(format!("{}: {message}", path.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(if tests/fixtures/reports/valid.json was regenerated, the verify_report inputs derived \
         from the old one may now fail: rerun `cargo run -p tdg-fuzz --bin tdg-fuzz -- seed` and \
         delete the fuzz/corpus/verify_report/pool-* files named above)",
        failures.join("\n")
    );
    assert!(total >= 6 * 3);
}

#[test]
fn the_committed_seeds_are_what_the_generator_makes() {
    for target in ALL {
        for (name, bytes) in target.seeds() {
            if bytes.len() > 16 * 1024 {
                continue;
            }
            let path = corpus_dir().join(target.name()).join(&name);
            let committed = std::fs::read(&path).unwrap_or_default();
            assert!(
                committed == bytes,
                "{} differs from the generator: run `cargo run -p tdg-fuzz --bin tdg-fuzz -- seed`",
                path.display()
            );
        }
    }
}

/// A short run of every target from a fixed seed: a few hundred mutations each, the same on
/// every machine (the loop is bounded by executions, not time).
#[test]
fn a_short_seeded_run_of_every_target_finds_nothing() {
    for target in ALL {
        let executions = match target {
            Target::Catalog => 30,
            Target::VerifyReport | Target::BackupOpen => 150,
            _ => 400,
        };
        let stats = fuzz(
            target,
            &corpus_dir(),
            None,
            &Budget {
                time: None,
                executions: Some(executions),
                seed: 2026,
            },
        );
        assert_eq!(stats.executions, executions);
        assert!(
            stats.findings.is_empty(),
            "{}: {:?}",
            target.name(),
            stats
                .findings
                .iter()
                .map(|f| &f.message)
                .collect::<Vec<_>>()
        );
        assert!(
            stats.outcomes.len() >= 2,
            "{}: {:?}",
            target.name(),
            stats.outcomes
        );
    }
}

/// The harness sees a finding: a panic is caught with its message and place, silently.
#[test]
fn a_panic_is_a_finding_with_its_place() {
    let caught = catch(|| panic!("boom {}", 42)).expect_err("a panic");
    assert!(
        caught.starts_with("boom 42 at ") && caught.contains("corpus.rs:"),
        "{caught}"
    );
    assert_eq!(catch(|| "fine".into()), Ok("fine".into()));
    // The hex target's property holds on our decoder (a sign is not a hex digit).
    assert_eq!(run_one(Target::Hex, b"+f"), Ok("not-hex".into()));
}

/// The seed backups are opened by the real reader: the fuzz cases start from valid files.
#[test]
fn cheap_backups_open_with_the_real_reader() {
    let text = cheap_backup([42; 32], 8, 1);
    let key = tdg_report::backup::open(
        text.as_bytes(),
        BACKUP_PASSWORD,
        tdg_report::backup::KeyUse::Unit,
    )
    .expect("opens");
    assert_eq!(
        key.public(),
        tdg_report::UnitKey::from_seed([42; 32]).public()
    );
    assert_eq!(
        run_one(Target::BackupOpen, text.as_bytes()),
        Ok("opens".into())
    );
}

/// Without the number rule this file passed with a valid signature while reading 2^53 + 1 (the
/// stable harness found it in a minute with the rule taken out); now it is refused.
#[test]
fn the_big_integer_neighbour_found_by_fuzzing_is_refused() {
    let bytes = std::fs::read(
        corpus_dir().join("verify_report/found-without-number-rule-2p53-neighbour.json"),
    )
    .expect("committed");
    assert_eq!(
        run_one(Target::VerifyReport, &bytes),
        Ok("err:unsafeNumber".into())
    );
}
