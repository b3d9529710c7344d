//! The figures the office pushes next year: bands per cluster, and how each criterion went.

use crate::entry::Entry;
use crate::ranking::RankedEntry;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use tdg_model::units::{BasisPoints, MilliPoints};

/// How many counted units of a tier and group reached a band.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BandCount {
    pub tier: String,
    pub group: String,
    pub band: String,
    pub count: u32,
}

/// Band counts per tier and group, from a ranking (which holds only counted reports).
pub fn band_counts(entries: &[Entry], ranked: &[RankedEntry]) -> Vec<BandCount> {
    band_counts_by(ranked, |i| &entries[i].band)
}

/// Band counts per tier and group with each entry's band given by `band_of` (an appraised band
/// where the office appraised the unit).
pub fn band_counts_by<'a>(
    ranked: &'a [RankedEntry],
    band_of: impl Fn(usize) -> &'a str,
) -> Vec<BandCount> {
    let mut counts: BTreeMap<(&str, &str, &str), u32> = BTreeMap::new();
    for r in ranked {
        *counts
            .entry((&r.tier, &r.group, band_of(r.entry)))
            .or_default() += 1;
    }
    counts
        .into_iter()
        .map(|((tier, group, band), count)| BandCount {
            tier: tier.to_owned(),
            group: group.to_owned(),
            band: band.to_owned(),
            count,
        })
        .collect()
}

/// One criterion over the reports that answer it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CriterionStats {
    pub tier: String,
    pub criterion: String,
    pub reports: u32,
    pub max: MilliPoints,
    /// Mean points, rounded half up to the milli-point.
    pub average: MilliPoints,
    /// Share of the reports at the plan's target, in basis points, rounded half up.
    pub met_target: BasisPoints,
}

impl CriterionStats {
    /// The mean as a share of the maximum, in basis points: what "weakest" compares.
    pub fn attainment(&self) -> BasisPoints {
        ratio(u64::from(self.average), u64::from(self.max), 10_000)
    }
}

/// Statistics per tier and criterion over the given reports (indexes into `entries`), in the
/// catalog's criterion order as the first report lists it.
pub fn criterion_stats(entries: &[Entry], reports: &[usize]) -> Vec<CriterionStats> {
    #[derive(Default)]
    struct Sum {
        order: usize,
        n: u64,
        points: u64,
        met: u64,
        max: MilliPoints,
    }
    let mut sums: BTreeMap<(&str, &str), Sum> = BTreeMap::new();
    for &i in reports {
        let e = &entries[i];
        for (order, c) in e.criteria.iter().enumerate() {
            let sum = sums.entry((&e.unit.tier, &c.id)).or_insert_with(|| Sum {
                order,
                ..Sum::default()
            });
            sum.n += 1;
            sum.points += u64::from(c.points);
            sum.met += u64::from(c.met_target);
            sum.max = sum.max.max(c.max);
        }
    }
    let mut stats: Vec<(usize, CriterionStats)> = sums
        .into_iter()
        .map(|((tier, criterion), s)| {
            (
                s.order,
                CriterionStats {
                    tier: tier.to_owned(),
                    criterion: criterion.to_owned(),
                    reports: u32::try_from(s.n).unwrap_or(u32::MAX),
                    max: s.max,
                    average: ratio(s.points, s.n, 1),
                    met_target: ratio(s.met, s.n, 10_000),
                },
            )
        })
        .collect();
    stats.sort_by(|(a_order, a), (b_order, b)| a.tier.cmp(&b.tier).then(a_order.cmp(b_order)));
    stats.into_iter().map(|(_, s)| s).collect()
}

/// The `count` criteria with the lowest attainment in each tier and group.
pub fn weakest_criteria(
    entries: &[Entry],
    ranked: &[RankedEntry],
    count: usize,
) -> BTreeMap<(String, String), Vec<CriterionStats>> {
    let mut members: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for r in ranked {
        members
            .entry((r.tier.clone(), r.group.clone()))
            .or_default()
            .push(r.entry);
    }
    members
        .into_iter()
        .map(|(key, reports)| {
            let mut stats = criterion_stats(entries, &reports);
            stats.sort_by_key(|s| s.attainment());
            stats.truncate(count);
            (key, stats)
        })
        .collect()
}

/// `numerator × scale ÷ denominator`, rounded half up; 0 when there is nothing to divide by.
fn ratio(numerator: u64, denominator: u64, scale: u64) -> u32 {
    if denominator == 0 {
        return 0;
    }
    let scaled = u128::from(numerator) * u128::from(scale);
    let rounded = (scaled * 2 + u128::from(denominator)) / (u128::from(denominator) * 2);
    u32::try_from(rounded).unwrap_or(u32::MAX)
}

/// One bar of a histogram of totals: the units whose total is in `[from, to)` (the last bar
/// includes 100 points).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    pub from: MilliPoints,
    pub to: MilliPoints,
    pub count: u32,
}

/// The totals in buckets of `width` milli-points from 0 to 100 points; totals above 100 points
/// (a bonus) go to the last bucket. `width` 0 is read as 10 points.
pub fn histogram(totals: impl IntoIterator<Item = MilliPoints>, width: MilliPoints) -> Vec<Bucket> {
    const FULL: MilliPoints = 100_000;
    let width = if width == 0 { 10_000 } else { width.min(FULL) };
    let n = FULL.div_ceil(width);
    let mut buckets: Vec<Bucket> = (0..n)
        .map(|i| Bucket {
            from: i * width,
            to: ((i + 1) * width).min(FULL),
            count: 0,
        })
        .collect();
    for t in totals {
        let i = usize::try_from((t / width).min(n - 1)).unwrap_or(0);
        buckets[i].count += 1;
    }
    buckets
}

#[cfg(test)]
mod tests {
    use super::histogram;

    #[test]
    fn totals_fall_in_tens_and_a_hundred_or_more_in_the_last_bar() {
        let h = histogram([0, 9_999, 10_000, 95_000, 100_000, 104_000], 10_000);
        assert_eq!(h.len(), 10);
        assert_eq!(
            h.iter().map(|b| b.count).collect::<Vec<_>>(),
            [2, 1, 0, 0, 0, 0, 0, 0, 0, 3]
        );
        assert_eq!((h[9].from, h[9].to), (90_000, 100_000));
        assert_eq!(histogram([], 0).len(), 10);
    }
}

/// The heat map of one tier's cluster or block: criteria (rows) against units (columns), each
/// cell the unit's points as a share of the criterion's maximum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeatMap {
    /// Criterion ids, in the catalog's order as the first report lists them.
    pub criteria: Vec<String>,
    /// The ranked entries shown, in ranking order (indexes into the entries).
    pub units: Vec<usize>,
    /// `cells[criterion][unit]`: the share in basis points; `None` where the unit's report has
    /// no such criterion or it was answered "không áp dụng".
    pub cells: Vec<Vec<Option<BasisPoints>>>,
}

/// The heat map of the ranked units of `tier` and `group` (as the ranking spells the group).
pub fn heat_map(entries: &[Entry], ranked: &[RankedEntry], tier: &str, group: &str) -> HeatMap {
    let units: Vec<usize> = ranked
        .iter()
        .filter(|r| r.tier == tier && r.group == group)
        .map(|r| r.entry)
        .collect();
    let mut criteria: Vec<String> = Vec::new();
    for &u in &units {
        for c in &entries[u].criteria {
            if !criteria.contains(&c.id) {
                criteria.push(c.id.clone());
            }
        }
    }
    let cells = criteria
        .iter()
        .map(|id| {
            units
                .iter()
                .map(|&u| {
                    entries[u]
                        .criteria
                        .iter()
                        .find(|c| &c.id == id && !c.not_applicable)
                        .map(|c| ratio(u64::from(c.points), u64::from(c.max), 10_000))
                })
                .collect()
        })
        .collect();
    HeatMap {
        criteria,
        units,
        cells,
    }
}
