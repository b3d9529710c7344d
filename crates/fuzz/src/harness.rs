//! The stable harness: no coverage instrumentation (that needs a nightly compiler), but a seeded,
//! time-bounded loop of structure-aware mutations over the corpus, whose only feedback is the
//! target's outcome name: an input with an outcome not seen before joins the pool. A panic is a
//! finding; each distinct one (by message and place) is written to a file that can be added to
//! the corpus as it is.

use crate::mutate::mutate;
use crate::rng::Rng;
use crate::targets::Target;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a run did.
#[derive(Debug, Default)]
pub struct Stats {
    pub executions: u64,
    /// Distinct outcomes seen, with how often.
    pub outcomes: BTreeMap<String, u64>,
    pub findings: Vec<Finding>,
    pub pool_size: usize,
    /// The inputs that joined the pool (each had an outcome not seen before).
    pub added: Vec<Vec<u8>>,
}

#[derive(Debug, Clone)]
pub struct Finding {
    pub message: String,
    pub input: Vec<u8>,
    /// Where the input was written, if a folder was given.
    pub file: Option<PathBuf>,
}

/// How long, or how many cases, and from which seed.
pub struct Budget {
    pub time: Option<Duration>,
    pub executions: Option<u64>,
    pub seed: u64,
}

/// The files of `fuzz/corpus/<target>/`, sorted by name (missing folder: none).
pub fn corpus(dir: &Path, target: Target) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join(target.name()))
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
        .collect()
}

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `target` on `input`, catching a panic and its message and place.
pub fn run_one(target: Target, input: &[u8]) -> Result<String, String> {
    catch(|| target.run(input))
}

/// Runs `f`, turning a panic into `Err("message at file:line")`, printing nothing.
pub fn catch(f: impl FnOnce() -> String) -> Result<String, String> {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let payload = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".into());
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{payload}{place}")));
    }));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    panic::set_hook(previous);
    result.map_err(|_| {
        LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "a panic".into())
    })
}

/// Fuzzes `target` from its seeds and `corpus_dir`, writing findings under `findings_dir`.
pub fn fuzz(
    target: Target,
    corpus_dir: &Path,
    findings_dir: Option<&Path>,
    budget: &Budget,
) -> Stats {
    let started = Instant::now();
    let mut rng = Rng::new(budget.seed);
    let mut pool: Vec<Vec<u8>> = target.seeds().into_iter().map(|(_, b)| b).collect();
    pool.extend(corpus(corpus_dir, target).into_iter().map(|(_, b)| b));
    let mut stats = Stats::default();
    let mut seen_findings = BTreeSet::new();
    // The pool is bounded so that a long run does not turn into a memory test.
    const MAX_POOL: usize = 2_000;
    let mut case = 0usize;
    let initial = pool.len();
    loop {
        if budget.executions.is_some_and(|n| stats.executions >= n)
            || budget.time.is_some_and(|t| started.elapsed() >= t)
        {
            break;
        }
        // The pool's own entries first (each once, unmutated), then mutations.
        let input = match case < initial {
            true => pool[case].clone(),
            false => {
                // Half the parents from the seeds and corpus: the pool fills with broken
                // inputs, and the deep checks are reached from nearly valid ones.
                let from = if rng.one_in(2) { initial } else { pool.len() };
                let parent = pool[rng.below(from)].clone();
                let mut child = mutate(&parent, &pool, &mut rng);
                // Stacked mutations now and then: one change rarely gets past the first check.
                while rng.one_in(3) {
                    child = mutate(&child, &pool, &mut rng);
                }
                child
            }
        };
        case += 1;
        stats.executions += 1;
        match run_one(target, &input) {
            Ok(outcome) => {
                let count = stats.outcomes.entry(outcome).or_insert(0);
                *count += 1;
                if *count == 1 && pool.len() < MAX_POOL {
                    pool.push(input);
                }
            }
            Err(message) => {
                // One finding per place of panic: the message often quotes the input.
                let place = message
                    .rsplit(" at ")
                    .next()
                    .unwrap_or(&message)
                    .to_string();
                if seen_findings.insert(place) {
                    let file = findings_dir.and_then(|dir| write_finding(dir, target, &input));
                    stats.findings.push(Finding {
                        message,
                        input,
                        file,
                    });
                }
            }
        }
    }
    stats.pool_size = pool.len();
    stats.added = pool.split_off(initial);
    stats
}

fn write_finding(dir: &Path, target: Target, input: &[u8]) -> Option<PathBuf> {
    let dir = dir.join(target.name());
    std::fs::create_dir_all(&dir).ok()?;
    let name = format!("finding-{}", &tdg_report::report::sha256_hex(input)[..16]);
    let path = dir.join(name);
    std::fs::write(&path, input).ok()?;
    Some(path)
}
