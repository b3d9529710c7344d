//! Upkeep of the build caches under `target/tools/` (wasm-opt's results, the compressed
//! copies): each entry is keyed by its input, so an entry of an older build is never used
//! again, and without upkeep the caches only grow (129 MB of wasm-opt results after ten
//! sessions). An entry used is touched; one unused for two weeks is removed. Two weeks, not
//! "this build only": switching between the named build (`TDG_WASM_NAMES=1`) and the shipped
//! one must not redo wasm-opt each time.

use std::path::Path;
use std::time::{Duration, SystemTime};

/// How long an unused entry is kept.
const KEEP: Duration = Duration::from_secs(14 * 24 * 60 * 60);

/// Marks the cached file `path` as used now.
pub fn touch(path: &Path) {
    if let Ok(file) = std::fs::OpenOptions::new().write(true).open(path) {
        let _ = file.set_modified(SystemTime::now());
    }
}

/// Removes the files of `dir` not used (written or touched) for two weeks. Failures are
/// ignored: a cache that cannot be trimmed still works.
pub fn prune(dir: &Path) {
    prune_older_than(dir, SystemTime::now().checked_sub(KEEP));
}

fn prune_older_than(dir: &Path, cutoff: Option<SystemTime>) {
    let (Some(cutoff), Ok(entries)) = (cutoff, std::fs::read_dir(dir)) else {
        return;
    };
    for entry in entries.flatten() {
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|modified| modified < cutoff);
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_unused_for_two_weeks_goes_and_one_touched_stays() {
        let dir = std::env::temp_dir().join(format!("tdg-cache-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let (old, used) = (dir.join("old.wasm"), dir.join("used.wasm"));
        for path in [&old, &used] {
            std::fs::write(path, b"x").unwrap_or_else(|e| panic!("{e}"));
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .unwrap_or_else(|e| panic!("{e}"));
            let month_ago = SystemTime::now() - Duration::from_secs(30 * 24 * 60 * 60);
            file.set_modified(month_ago)
                .unwrap_or_else(|e| panic!("{e}"));
        }
        touch(&used);
        prune(&dir);
        assert!(!old.exists(), "unused for a month");
        assert!(used.exists(), "touched now");
        assert_eq!(
            std::fs::read(&used).ok().as_deref(),
            Some(&b"x"[..]),
            "touching keeps the bytes"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
