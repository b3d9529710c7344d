//! Which report of a unit counts. A unit may send several reports (a correction, a resend); the
//! latest that passes every check counts, and the others are listed beside it, never dropped.

use crate::entry::{normalize_code, Entry};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::HashMap;

/// What the office does with one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Standing {
    /// The report that counts for its unit and period.
    Counted,
    /// A valid report replaced by a later one of the same unit (the index of the one counted).
    Superseded { by: usize },
    /// The report failed a check: it never counts.
    Failed,
}

/// The standing of each entry, in the entries' order. One pass to find each unit's latest
/// passing report, one to mark the others: linear in the number of reports.
pub fn standings(entries: &[Entry]) -> Vec<Standing> {
    let mut latest: HashMap<(i32, &str, String), usize> = HashMap::new();
    for (i, entry) in entries.iter().enumerate().filter(|(_, e)| e.passes) {
        let key = (
            entry.period,
            entry.unit.tier.as_str(),
            normalize_code(&entry.unit.code),
        );
        latest
            .entry(key)
            .and_modify(|best| {
                if later(entry, &entries[*best]) == Ordering::Greater {
                    *best = i;
                }
            })
            .or_insert(i);
    }
    entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            if !entry.passes {
                return Standing::Failed;
            }
            let key = (
                entry.period,
                entry.unit.tier.as_str(),
                normalize_code(&entry.unit.code),
            );
            match latest.get(&key) {
                Some(&best) if best != i => Standing::Superseded { by: best },
                _ => Standing::Counted,
            }
        })
        .collect()
}

/// Orders two reports of one unit by when they were sent: the office's received date first (it
/// is the office's own fact), then the proof's timestamp, then the file name, so the choice
/// never depends on the order the files were handed over.
fn later(a: &Entry, b: &Entry) -> Ordering {
    a.received_on
        .cmp(&b.received_on)
        .then_with(|| a.created.cmp(&b.created))
        .then_with(|| a.file.cmp(&b.file))
}
