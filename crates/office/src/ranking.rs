//! Ranking inside each tier and each cluster or block: by total, then by the tie-breakers; units
//! still tied share a rank (1, 1, 3: "standard competition ranking").

use crate::entry::Entry;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The tie-breakers are catalog data (the default model): `Catalog::tie_breakers`.
pub use tdg_model::catalog::TieBreaker;

/// One counted report's place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RankedEntry {
    /// Index into the entries given to [`rank`].
    pub entry: usize,
    pub tier: String,
    /// The cluster or block as the first of its reports spelled it.
    pub group: String,
    /// 1 is first; tied units share the rank, and the next rank skips (1, 1, 3).
    pub rank: u32,
    /// Another unit has the same rank.
    pub tied: bool,
    /// How many units are ranked in this tier and group.
    pub of: u32,
}

/// Ranks the entries at `counted` (indexes into `entries`), each tier and group on its own.
/// Groups are compared with `group_key` (the caller's normalisation of free-text names).
/// The result is ordered by tier, group and rank.
pub fn rank(
    entries: &[Entry],
    counted: &[usize],
    tie_breakers: &[TieBreaker],
    group_key: impl Fn(&str) -> String,
) -> Vec<RankedEntry> {
    let mut by_group: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for &i in counted {
        let e = &entries[i];
        by_group
            .entry((e.unit.tier.clone(), group_key(&e.unit.group)))
            .or_default()
            .push(i);
    }
    let mut groups: Vec<_> = by_group.into_iter().collect();
    // "Cụm thi đua số 2" before "Cụm thi đua số 10", as people number them.
    groups.sort_by(|((tier_a, a), _), ((tier_b, b), _)| {
        tier_a.cmp(tier_b).then_with(|| natural_order(a, b))
    });
    let mut ranked = Vec::with_capacity(counted.len());
    for ((tier, _), mut members) in groups {
        let compare = |a: &usize, b: &usize| order(&entries[*a], &entries[*b], tie_breakers);
        // The unit code last, so that tied units are listed the same way in every run.
        members.sort_by(|a, b| {
            compare(a, b).then_with(|| entries[*a].unit.code.cmp(&entries[*b].unit.code))
        });
        let of = u32::try_from(members.len()).unwrap_or(u32::MAX);
        // Every group was made by pushing a member, so `members[0]` exists.
        let group = entries[members[0]].unit.group.clone();
        let mut rank = 1;
        for (position, &i) in members.iter().enumerate() {
            if position > 0 && compare(&members[position - 1], &i) != Ordering::Equal {
                rank = u32::try_from(position + 1).unwrap_or(u32::MAX);
            }
            let tied_with =
                |j: Option<&usize>| j.is_some_and(|j| compare(j, &i) == Ordering::Equal);
            ranked.push(RankedEntry {
                entry: i,
                tier: tier.clone(),
                group: group.clone(),
                rank,
                tied: tied_with(position.checked_sub(1).and_then(|p| members.get(p)))
                    || tied_with(members.get(position + 1)),
                of,
            });
        }
    }
    ranked
}

/// Compares text with its runs of digits as numbers: "số 2" < "số 10".
pub fn natural_order(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (da, db) = (digits(a), digits(b));
        if da > 0 && db > 0 {
            let (na, ra) = a.split_at(da);
            let (nb, rb) = b.split_at(db);
            let (na, nb) = (na.trim_start_matches('0'), nb.trim_start_matches('0'));
            let by_number = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
            if by_number != Ordering::Equal {
                return by_number;
            }
            (a, b) = (ra, rb);
            continue;
        }
        let mut ca = a.chars();
        let mut cb = b.chars();
        match (ca.next(), cb.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x != y => return x.cmp(&y),
            _ => (a, b) = (ca.as_str(), cb.as_str()),
        }
    }
}

/// `Less` when `a` ranks before `b`.
fn order(a: &Entry, b: &Entry, tie_breakers: &[TieBreaker]) -> Ordering {
    let mut ordering = b.total.cmp(&a.total);
    for rule in tie_breakers {
        ordering = ordering.then_with(|| match rule {
            TieBreaker::TargetsMet => b.targets_met().cmp(&a.targets_met()),
            TieBreaker::EarlierReceipt => match (a.received_on, b.received_on) {
                (Some(a), Some(b)) => a.cmp(&b),
                _ => Ordering::Equal,
            },
        });
    }
    ordering
}
