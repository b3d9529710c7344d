//! Previous drafts: the drafts an import, a sample, a reset or a restore replaced, newest first,
//! bounded (the oldest is dropped). Samples opened for training are never kept here, so opening
//! samples can never push a unit's own work out.

use crate::draft::{DraftHeader, StoredDraft, StoredDraftError, STORED_DRAFT_VERSION};
use serde::{Deserialize, Serialize};

/// How many previous drafts are kept.
pub const HISTORY_LEN: usize = 10;
// Issue 8 asks for at least five.
const _: () = assert!(HISTORY_LEN >= 5);

/// Puts `entry` first. A sample or a blank draft is not kept; the same draft kept earlier moves
/// to the front instead of taking a second place.
pub fn push(history: &mut Vec<StoredDraft>, entry: StoredDraft) {
    if entry.sample || is_blank(&entry) {
        return;
    }
    history.retain(|e| e.draft != entry.draft);
    history.insert(0, entry);
    history.truncate(HISTORY_LEN);
}

/// Nothing typed: no unit, no tier, no answer.
fn is_blank(entry: &StoredDraft) -> bool {
    let d = &entry.draft;
    d.unit == Default::default() && d.sheet.tier.is_empty() && d.sheet.answers.is_empty()
}

/// Two tabs may change the list at once: `theirs` is what is stored now, `base` what this tab
/// last read or wrote, `mine` this tab's list. The result keeps the other tab's additions and
/// removals as well as this tab's, newest first, bounded.
pub fn merge(
    base: &[StoredDraft],
    mine: &[StoredDraft],
    theirs: &[StoredDraft],
) -> Vec<StoredDraft> {
    let mut out: Vec<StoredDraft> = theirs
        .iter()
        .filter(|e| !base.contains(e) || mine.contains(e))
        .cloned()
        .collect();
    for e in mine {
        if !base.contains(e) && !out.contains(e) {
            // Newest first: RFC 3339 times in UTC with seconds order as text. (An insertion,
            // not a sort: a generic sort costs the app a few KB of WebAssembly.)
            let at = out
                .iter()
                .position(|o| o.saved_at < e.saved_at)
                .unwrap_or(out.len());
            out.insert(at, e.clone());
        }
    }
    out.truncate(HISTORY_LEN);
    out
}

#[derive(Serialize)]
struct HistoryOut<'a> {
    version: u32,
    entries: &'a [StoredDraft],
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HistoryIn {
    #[allow(dead_code)] // checked through the header first
    version: u32,
    entries: Vec<StoredDraft>,
}

pub fn to_json(history: &[StoredDraft]) -> String {
    serde_json::to_string_pretty(&HistoryOut {
        version: STORED_DRAFT_VERSION,
        entries: history,
    })
    .unwrap_or_default()
}

/// Reads the stored list; a newer or damaged one is an error (its text is then set aside whole).
pub fn parse(text: &str) -> Result<Vec<StoredDraft>, StoredDraftError> {
    let damaged = |e: serde_json::Error| StoredDraftError::Damaged(e.to_string());
    let header: DraftHeader = serde_json::from_str(text).map_err(damaged)?;
    match header.version {
        Some(v) if v == u64::from(STORED_DRAFT_VERSION) => {}
        Some(v) if v > u64::from(STORED_DRAFT_VERSION) => return Err(StoredDraftError::Newer(v)),
        _ => return Err(StoredDraftError::Damaged("no known version".into())),
    }
    let list: HistoryIn = serde_json::from_str(text).map_err(damaged)?;
    if let Some(e) = list
        .entries
        .iter()
        .find(|e| e.version != STORED_DRAFT_VERSION)
    {
        return Err(if e.version > STORED_DRAFT_VERSION {
            StoredDraftError::Newer(u64::from(e.version))
        } else {
            StoredDraftError::Damaged(format!("an entry of version {}", e.version))
        });
    }
    Ok(list.entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Draft, UnitInfo};

    fn entry(name: &str, at: &str, sample: bool) -> StoredDraft {
        let draft = Draft {
            unit: UnitInfo {
                name: name.into(),
                ..UnitInfo::default()
            },
            ..Draft::default()
        };
        StoredDraft::new(draft, at, sample)
    }

    fn names(history: &[StoredDraft]) -> Vec<&str> {
        history.iter().map(|e| e.draft.unit.name.as_str()).collect()
    }

    #[test]
    fn keeps_at_least_five_newest_first_and_drops_the_oldest() {
        let mut history = Vec::new();
        for i in 0..HISTORY_LEN + 2 {
            push(
                &mut history,
                entry(
                    &format!("d{i}"),
                    &format!("2026-11-28T06:{i:02}:00Z"),
                    false,
                ),
            );
        }
        assert_eq!(history.len(), HISTORY_LEN);
        assert_eq!(history[0].draft.unit.name, format!("d{}", HISTORY_LEN + 1));
        assert!(!names(&history).contains(&"d0") && !names(&history).contains(&"d1"));
        // The same draft again moves to the front, it does not take two places.
        push(&mut history, entry("d5", "2026-11-28T07:00:00Z", false));
        assert_eq!(history.len(), HISTORY_LEN);
        assert_eq!(names(&history).iter().filter(|n| **n == "d5").count(), 1);
        assert_eq!(history[0].saved_at, "2026-11-28T07:00:00Z");
    }

    #[test]
    fn samples_and_blank_drafts_never_push_a_real_draft_out() {
        let mut history = Vec::new();
        for i in 0..HISTORY_LEN {
            push(
                &mut history,
                entry(&format!("real{i}"), "2026-11-28T06:00:00Z", false),
            );
        }
        let before = history.clone();
        for i in 0..3 * HISTORY_LEN {
            push(
                &mut history,
                entry(&format!("sample{i}"), "2026-11-28T08:00:00Z", true),
            );
            push(
                &mut history,
                StoredDraft::new(Draft::default(), "2026-11-28T08:00:00Z", false),
            );
        }
        assert_eq!(history, before);
    }

    #[test]
    fn two_tabs_changing_the_list_at_once_lose_nothing() {
        let a = entry("a", "2026-11-28T06:00:00Z", false);
        let b = entry("b", "2026-11-28T06:01:00Z", false);
        let mine_new = entry("mine", "2026-11-28T06:03:00Z", false);
        let theirs_new = entry("theirs", "2026-11-28T06:02:00Z", false);
        let base = vec![b.clone(), a.clone()];
        // This tab restored `a` (removed it) and kept a new one; the other tab kept another.
        let mine = vec![mine_new.clone(), b.clone()];
        let theirs = vec![theirs_new.clone(), b.clone(), a.clone()];
        assert_eq!(
            merge(&base, &mine, &theirs),
            vec![mine_new, theirs_new, b.clone()]
        );
        // The other tab removed `b`: it stays removed.
        assert_eq!(merge(&base, &base, std::slice::from_ref(&a)), vec![a]);
    }

    #[test]
    fn the_stored_list_round_trips_and_a_newer_one_is_refused() {
        let list = vec![entry("a", "2026-11-28T06:00:00Z", false)];
        let json = to_json(&list);
        assert_eq!(parse(&json), Ok(list));
        assert_eq!(
            parse(&json.replacen("\"version\": 2", "\"version\": 5", 1)),
            Err(StoredDraftError::Newer(5))
        );
        // An entry (the last "version") written by a newer app makes the list unreadable too.
        let at = json.rfind("\"version\": 2").expect("the entry's version");
        let newer_entry = format!("{}\"version\": 5{}", &json[..at], &json[at + 12..]);
        assert_eq!(parse(&newer_entry), Err(StoredDraftError::Newer(5)));
        assert!(matches!(parse("[]"), Err(StoredDraftError::Damaged(_))));
    }
}
