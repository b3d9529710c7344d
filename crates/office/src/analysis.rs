//! A whole season in one call: every file verified, which report counts, the ranking, who did
//! not submit and the statistics. The office view and `tdg batch` both show this.

use crate::entry::{Entry, UnitKey};
use crate::intake::{entry, register, verify_all, Outcome, Season, SeasonFile};
use crate::missing::{not_submitted, Missing};
use crate::ranking::{rank, RankedEntry, TieBreaker};
use crate::standing::{standings, Standing};
use crate::stats::{band_counts, criterion_stats, BandCount, CriterionStats};
use tdg_report::trust::normalize_label;
use tdg_report::verdict_text::{self, CheckLine};
use tdg_report::verify::ReportError;
use tdg_report::Verdict;

/// One file handed over, as the office's table shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct FileRow {
    pub file: String,
    pub outcome: RowOutcome,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RowOutcome {
    /// Not a report this tool reads; `verdict_text::report_error_vi` and `Display` say why.
    Unreadable(ReportError),
    Report {
        verdict: Box<Verdict>,
        /// Index of its entry in [`Analysis::entries`].
        entry: usize,
        standing: Standing,
        /// Every check on its own line.
        checks: Vec<CheckLine>,
        /// Its place, when it counts.
        rank: Option<RankedEntry>,
    },
}

/// The season, analysed.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub rows: Vec<FileRow>,
    pub entries: Vec<Entry>,
    /// Ordered by tier, cluster or block, and rank.
    pub ranked: Vec<RankedEntry>,
    pub missing: Vec<Missing>,
    pub bands: Vec<BandCount>,
    pub criteria: Vec<CriterionStats>,
    /// Every ranked total is official (a received date was given for each counted report).
    pub timing_checked: bool,
}

impl Analysis {
    pub fn failed_files(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| match &r.outcome {
                RowOutcome::Unreadable(_) => true,
                RowOutcome::Report { standing, .. } => *standing == Standing::Failed,
            })
            .count()
    }
}

/// Verifies every file against `season` (on every core natively) and analyses the result.
pub fn analyse(season: &Season, files: &[SeasonFile], tie_breakers: &[TieBreaker]) -> Analysis {
    analyse_outcomes(season, files, verify_all(season, files), tie_breakers)
}

/// The analysis of files already verified (a worker pool, or the browser's worker, verified
/// them): `outcomes[i]` is the outcome of `files[i]`.
pub fn analyse_outcomes(
    season: &Season,
    files: &[SeasonFile],
    outcomes: Vec<Outcome>,
    tie_breakers: &[TieBreaker],
) -> Analysis {
    let mut entries = Vec::new();
    let mut rows = Vec::with_capacity(files.len());
    for (file, outcome) in files.iter().zip(outcomes) {
        let outcome = match outcome {
            Outcome::Unreadable(e) => RowOutcome::Unreadable(e),
            Outcome::Verified(verdict) => {
                entries.push(entry(file, &verdict));
                RowOutcome::Report {
                    checks: verdict_text::lines(&verdict),
                    verdict,
                    entry: entries.len() - 1,
                    standing: Standing::Failed,
                    rank: None,
                }
            }
        };
        rows.push(FileRow {
            file: file.name.to_owned(),
            outcome,
        });
    }
    let settled = settle(
        &entries,
        &register(season.trust),
        season.period,
        tie_breakers,
    );
    let mut place = vec![None; entries.len()];
    for r in &settled.ranked {
        place[r.entry] = Some(r.clone());
    }
    for row in &mut rows {
        if let RowOutcome::Report {
            entry,
            standing: s,
            rank,
            ..
        } = &mut row.outcome
        {
            *s = settled.standing[*entry];
            *rank = place[*entry].take();
        }
    }
    Analysis {
        missing: settled.missing,
        bands: settled.bands,
        criteria: settled.criteria,
        timing_checked: settled.timing_checked,
        rows,
        entries,
        ranked: settled.ranked,
    }
}

/// What the entries of a whole season settle: which report counts, the ranking, who did not
/// submit, the statistics. One function for `tdg batch` and for the office view, which verifies
/// its files in several workers and settles the season once they are all back.
#[derive(Debug, Clone, PartialEq)]
pub struct Settled {
    /// One per entry.
    pub standing: Vec<Standing>,
    pub ranked: Vec<RankedEntry>,
    pub missing: Vec<Missing>,
    pub bands: Vec<BandCount>,
    pub criteria: Vec<CriterionStats>,
    /// Every ranked total is official.
    pub timing_checked: bool,
}

/// Settles a season's entries against the register (the registered units) for `period`.
pub fn settle(
    entries: &[Entry],
    register: &[UnitKey],
    period: i32,
    tie_breakers: &[TieBreaker],
) -> Settled {
    let standing = standings(entries);
    let counted: Vec<usize> = (0..entries.len())
        .filter(|&i| standing[i] == Standing::Counted)
        .collect();
    let ranked = rank(entries, &counted, tie_breakers, normalize_label);
    Settled {
        missing: not_submitted(register, entries, &counted, period),
        bands: band_counts(entries, &ranked),
        criteria: criterion_stats(entries, &counted),
        timing_checked: counted.iter().all(|&i| entries[i].official),
        standing,
        ranked,
    }
}
