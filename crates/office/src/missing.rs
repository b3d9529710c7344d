//! Registered units with no report that counts: "chưa nộp" in the office's table.

use crate::entry::{normalize_code, Entry, UnitKey};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// A registered unit with no counted report in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Missing {
    pub unit: UnitKey,
    /// Reports of this unit that failed a check (indexes into the entries): the unit did send
    /// something, and the office will want to tell it why it does not count.
    pub failed: Vec<usize>,
}

/// The registered units (the register: the trust list's units; each once, whatever number of keys it has) that have no counted report
/// for `period`, in register order.
pub fn not_submitted(
    register: &[UnitKey],
    entries: &[Entry],
    counted: &[usize],
    period: i32,
) -> Vec<Missing> {
    let key = |tier: &str, code: &str| (tier.to_owned(), normalize_code(code));
    let submitted: HashSet<_> = counted
        .iter()
        .map(|&i| &entries[i])
        .filter(|e| e.period == period)
        .map(|e| key(&e.unit.tier, &e.unit.code))
        .collect();
    let mut failed: HashMap<_, Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if !e.passes && e.period == period {
            failed
                .entry(key(&e.unit.tier, &e.unit.code))
                .or_default()
                .push(i);
        }
    }
    let mut seen = HashSet::new();
    register
        .iter()
        .filter(|u| seen.insert(key(&u.tier, &u.code)))
        .filter(|u| !submitted.contains(&key(&u.tier, &u.code)))
        .map(|u| Missing {
            unit: u.clone(),
            failed: failed
                .get(&key(&u.tier, &u.code))
                .cloned()
                .unwrap_or_default(),
        })
        .collect()
}
