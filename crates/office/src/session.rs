//! A season opened a little at a time, for the office view's worker: files are added as they
//! are read (an archive is unpacked on the spot), verified a few at a time so that the page can
//! show a progress bar, then analysed once. The result, [`SeasonView`], is what the page renders:
//! plain data, every check already in words, so the page holds no rule of its own.

use crate::analysis::{settle, Analysis, RowOutcome};
use crate::archive::{has_extension, unzip, Handed, Unread};
use crate::entry::{Entry, UnitKey};
use crate::intake::{
    check_period, entry, most_declared, period_counts, verify_file_in, Outcome, SeasonFile,
};
use crate::missing::Missing;
use crate::ranking::{RankedEntry, TieBreaker};
use crate::standing::Standing;
use crate::stats::BandCount;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use tdg_model::units::MilliPoints;
use tdg_model::Localized;
use tdg_model::{Date, Lang};
use tdg_report::keys::canonical_did;
use tdg_report::trust::TrustList;
use tdg_report::verdict_text::{self, report_error_vi, Check, Mark};
use tdg_report::verify::{FileHashCheck, KnownCatalog, ProofCheck};
use tdg_report::Verdict;

/// Why a season could not be opened, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("{}", .text.en)]
pub struct SessionError {
    #[serde(flatten)]
    pub text: tdg_model::Text,
}

/// The place of a file added without one: after the placed files, in its part's order (one
/// session's files, or the parts in the order given, as before the page dealt in batches).
const UNPLACED: u32 = u32::MAX;

/// A season being opened.
pub struct Session {
    catalogs: Vec<KnownCatalog>,
    trust: TrustList,
    received_on: Option<Date>,
    period: Option<i32>,
    handed: Vec<Handed>,
    skipped: Vec<String>,
    /// Where each of `handed` (then each of `skipped`) came from in the office's list: the
    /// page deals its files to the workers a batch at a time, as each asks for more, so a
    /// worker's files are not one run of the list, and [`merge`] puts them back in its order.
    /// A file from inside an archive has the archive's place.
    at: Vec<u32>,
    skipped_at: Vec<u32>,
    /// `outcomes[i]` is the outcome of the i-th readable file, in the order handed.
    outcomes: Vec<Outcome>,
}

impl Session {
    /// A season checked against the trust list and catalog files given as bytes, with the
    /// office's received date (none: timing is not checked) and period (none: the year most
    /// reports declare, as `tdg batch` does).
    pub fn new(
        trust: &[u8],
        catalog: &[u8],
        received_on: Option<Date>,
        period: Option<i32>,
    ) -> Result<Session, SessionError> {
        let trust = TrustList::from_json(trust).map_err(|e| SessionError {
            text: tdg_model::Text::new(
                format!(
                    "Danh sách khóa tin cậy không đọc được: {}",
                    e.message(tdg_model::Lang::Vi)
                ),
                format!("The trust list cannot be read: {e}"),
            ),
        })?;
        let catalog = KnownCatalog::from_bytes(catalog).map_err(|e| SessionError {
            text: tdg_model::Text::new(
                format!("Danh mục tiêu chí không đọc được: {}", e.message(Lang::Vi)),
                format!("The catalog cannot be read: {}", e.message(Lang::En)),
            ),
        })?;
        Ok(Session {
            catalogs: vec![catalog],
            trust,
            received_on,
            period,
            handed: Vec::new(),
            skipped: Vec::new(),
            at: Vec::new(),
            skipped_at: Vec::new(),
            outcomes: Vec::new(),
        })
    }

    /// Adds one file the office handed over: a `.zip` is unpacked, a `.json` is read as a
    /// report, anything else (a folder's notes, a scanned letter) is listed as skipped, as
    /// `tdg batch` does inside folders. Returns how many files are now waiting or verified.
    pub fn add(&mut self, name: &str, bytes: Vec<u8>) -> usize {
        self.add_at(UNPLACED, name, bytes)
    }

    /// [`Session::add`] for the file at place `at` of the office's list (the page deals its
    /// files to several workers; see [`merge`]).
    pub fn add_at(&mut self, at: u32, name: &str, bytes: Vec<u8>) -> usize {
        if !has_extension(name, "json") && !has_extension(name, "zip") {
            self.skipped.push(name.to_owned());
        } else if has_extension(name, "zip") {
            unzip(
                name,
                std::io::Cursor::new(bytes),
                &mut self.handed,
                &mut self.skipped,
            );
        } else {
            self.handed.push(Handed {
                name: name.to_owned(),
                bytes: Ok(bytes),
            });
        }
        self.at.resize(self.handed.len(), at);
        self.skipped_at.resize(self.skipped.len(), at);
        self.handed.len()
    }

    /// A file that could not even be read (the browser's reader failed), listed with why.
    pub fn add_unread(&mut self, name: &str, why: Unread) {
        self.add_unread_at(UNPLACED, name, why);
    }

    /// [`Session::add_unread`] for the file at place `at` of the office's list.
    pub fn add_unread_at(&mut self, at: u32, name: &str, why: Unread) {
        self.handed.push(Handed {
            name: name.to_owned(),
            bytes: Err(why),
        });
        self.at.push(at);
    }

    /// Files handed over so far (inside archives counted one by one).
    pub fn total(&self) -> usize {
        self.handed.len()
    }

    /// The period checked: the office's, or the year most readable reports declare.
    pub fn period(&mut self) -> Option<i32> {
        if self.period.is_none() {
            if let Some(p) = most_declared(&self.period_counts()) {
                self.set_period(p);
            }
        }
        self.period
    }

    /// How many of this session's readable reports declare each year: the office view adds the
    /// counts of its workers and gives each the period with [`Session::set_period`]. A report
    /// already verified counts with the period its verdict read (the same field, so the same
    /// year); only the others are read again for it: reading every file a second time was a
    /// tenth of a worker's time.
    pub fn period_counts(&self) -> BTreeMap<i32, u32> {
        let files = self.files();
        let (verified, waiting) = files.split_at(self.outcomes.len().min(files.len()));
        let mut counts = period_counts(waiting);
        for (outcome, file) in self.outcomes.iter().zip(verified) {
            match outcome {
                Outcome::Verified(verdict) => *counts.entry(verdict.period).or_default() += 1,
                Outcome::Unreadable(_) => {
                    for (year, n) in period_counts(std::slice::from_ref(file)) {
                        *counts.entry(year).or_default() += n;
                    }
                }
            }
        }
        counts
    }

    /// The period to check, settled over every worker's files: the reports verified without it
    /// get their period check now, the others are verified with it.
    pub fn set_period(&mut self, period: i32) {
        self.period = Some(period);
        for outcome in &mut self.outcomes {
            if let Outcome::Verified(verdict) = outcome {
                check_period(verdict, period);
            }
        }
    }

    fn files(&self) -> Vec<SeasonFile<'_>> {
        self.handed
            .iter()
            .filter_map(|h| {
                h.bytes.as_deref().ok().map(|bytes| SeasonFile {
                    name: &h.name,
                    bytes,
                    received_on: self.received_on,
                })
            })
            .collect()
    }

    /// Verifies up to `count` more of the files added so far; returns how many of
    /// [`Session::total`] are done (unreadable files count as done). Before the period is set,
    /// files are verified without it and their period check is made by
    /// [`Session::set_period`]: the office view's workers verify while they still read.
    pub fn verify_next(&mut self, count: usize) -> usize {
        let files = self.files();
        let start = self.outcomes.len();
        let end = files.len().min(start.saturating_add(count));
        let new: Vec<Outcome> = files[start..end]
            .iter()
            .map(|f| verify_file_in(&self.catalogs, &self.trust, self.period, f))
            .collect();
        self.outcomes.extend(new);
        self.done()
    }

    fn done(&self) -> usize {
        self.outcomes.len() + self.handed.iter().filter(|h| h.bytes.is_err()).count()
    }

    /// Verifies what is left and describes this session's files for the page: every file a
    /// row, every readable report an entry. Which report counts and the ranking need every
    /// worker's entries: [`merge`] settles them. The verdicts are dropped here (the page gets
    /// what it shows); the files' bytes stay for a later check.
    pub fn part(&mut self) -> SeasonPart {
        self.period();
        while self.done() < self.total() {
            self.verify_next(usize::MAX);
        }
        let mut outcomes = std::mem::take(&mut self.outcomes).into_iter();
        let mut entries = Vec::new();
        let files = self
            .handed
            .iter()
            .filter_map(|h| match &h.bytes {
                Err(why) => Some(FileView::unreadable(&h.name, why.clone())),
                Ok(bytes) => outcomes.next().map(|o| match o {
                    Outcome::Unreadable(e) => FileView::unreadable(
                        &h.name,
                        Unread {
                            text: tdg_model::Text::new(report_error_vi(&e), e.to_string()),
                        },
                    ),
                    Outcome::Verified(verdict) => {
                        let file = SeasonFile {
                            name: &h.name,
                            bytes,
                            received_on: self.received_on,
                        };
                        entries.push(entry(&file, &verdict));
                        file_view(&h.name, &verdict, entries.len() - 1, Standing::Failed)
                    }
                }),
            })
            .collect();
        SeasonPart {
            period: self.period,
            received_on: self.received_on,
            files,
            entries,
            skipped: self.skipped.clone(),
            at: self.at.clone(),
            skipped_at: self.skipped_at.clone(),
        }
    }

    /// This session alone, settled: [`Session::part`] then [`merge`].
    pub fn finish(&mut self, tie_breakers: &[TieBreaker]) -> SeasonView {
        let part = self.part();
        let register = crate::intake::register(&self.trust);
        merge(vec![part], &register, tie_breakers)
    }

    /// The catalog the season is checked against.
    pub fn catalog(&self) -> Option<&tdg_model::Catalog> {
        self.catalogs.first().map(|k| &k.catalog)
    }
}

/// One worker's share of a season: its files as rows, its readable reports as entries (the
/// rows' `entry` index into them), before the season is settled. Crosses to the page as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SeasonPart {
    /// The period checked (none when no file declares one).
    pub period: Option<i32>,
    pub received_on: Option<Date>,
    pub files: Vec<FileView>,
    pub entries: Vec<Entry>,
    pub skipped: Vec<String>,
    /// The place in the office's list of each file's source, `files[i]` from `at[i]`
    /// ([`Session::add_at`]); empty: the files are one run of the list.
    #[serde(default)]
    pub at: Vec<u32>,
    /// The same for `skipped`.
    #[serde(default)]
    pub skipped_at: Vec<u32>,
}

/// The season from every worker's part, its files in the office's order (by their places;
/// files without one after them, in the order of the parts): which report counts, the ranking, who did not submit
/// (against `register`), the band counts. Every part was checked for the same period and
/// received date.
pub fn merge(
    parts: Vec<SeasonPart>,
    register: &[UnitKey],
    tie_breakers: &[TieBreaker],
) -> SeasonView {
    let period = parts.iter().find_map(|p| p.period);
    let received_on = parts.iter().find_map(|p| p.received_on);
    // (place in the office's list, file, its entry)
    let mut placed = Vec::new();
    let mut skipped = Vec::new();
    for part in parts {
        let mut entries: Vec<Option<Entry>> = part.entries.into_iter().map(Some).collect();
        let at = |i: usize, places: &[u32]| places.get(i).copied().unwrap_or(UNPLACED);
        for (i, mut f) in part.files.into_iter().enumerate() {
            let e = f
                .entry
                .take()
                .and_then(|e| entries.get_mut(e).and_then(Option::take));
            placed.push((at(i, &part.at), f, e));
        }
        skipped.extend(
            part.skipped
                .into_iter()
                .enumerate()
                .map(|(i, name)| (at(i, &part.skipped_at), name)),
        );
    }
    // Stable: the files of one place (an archive's) keep their order, as do parts without
    // places.
    placed.sort_by_key(|(at, _, _)| *at);
    skipped.sort_by_key(|(at, _)| *at);
    let skipped: Vec<String> = skipped.into_iter().map(|(_, name)| name).collect();
    let mut files = Vec::with_capacity(placed.len());
    let mut entries = Vec::new();
    for (_, mut f, e) in placed {
        if let Some(e) = e {
            f.entry = Some(entries.len());
            entries.push(e);
        }
        files.push(f);
    }
    let settled = settle(&entries, register, period.unwrap_or_default(), tie_breakers);
    for f in &mut files {
        if let Some(e) = f.entry {
            f.standing = settled.standing.get(e).copied();
        }
    }
    SeasonView {
        period,
        received_on,
        timing_checked: received_on.is_some() && settled.timing_checked,
        files,
        entries,
        ranked: settled.ranked,
        missing: settled.missing,
        bands: settled.bands,
        skipped,
    }
}

/// How a check came out, as the page marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CheckMark {
    Pass,
    Fail,
    Note,
}

/// One check of one report, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckView {
    pub mark: CheckMark,
    #[serde(flatten)]
    pub text: tdg_model::Text,
}

/// One file the office handed over, as a row of the page's table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileView {
    pub file: String,
    /// Why the file is not a report this tool reads (then every other field is empty).
    pub unreadable: Option<Unread>,
    /// Index into [`SeasonView::entries`].
    pub entry: Option<usize>,
    pub unit: Option<UnitKey>,
    pub passes: bool,
    pub standing: Option<Standing>,
    /// One per [`Check::ALL`], in that order: each check its own column.
    pub checks: Vec<CheckView>,
    /// What the office must see besides the checks (a registered name that differs).
    pub notes: Vec<CheckView>,
    pub signed_total: Option<MilliPoints>,
    pub official_total: Option<MilliPoints>,
    pub band: Option<String>,
    pub rescaled: bool,
    /// The period the report declares.
    pub period: Option<i32>,
    /// The file's SHA-256 (lowercase hex), to compare with the paper copy; empty when unreadable.
    pub sha256: String,
    /// The key that signed the report (`did:key:…`), when the proof holds: a fingerprint in a
    /// register the office imports may name it (units read their fingerprint off their print).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<String>,
}

/// The season as the office view shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SeasonView {
    /// None when no file could be read as a report (the office named no period).
    pub period: Option<i32>,
    pub received_on: Option<Date>,
    pub timing_checked: bool,
    pub files: Vec<FileView>,
    pub entries: Vec<Entry>,
    pub ranked: Vec<RankedEntry>,
    pub missing: Vec<Missing>,
    pub bands: Vec<BandCount>,
    /// Files inside archives that are not `.json`, listed, not read.
    pub skipped: Vec<String>,
}

impl SeasonView {
    /// Files that do not count because they failed or could not be read.
    pub fn failed(&self) -> usize {
        self.files
            .iter()
            .filter(|f| f.standing.is_none() || f.standing == Some(Standing::Failed))
            .count()
    }
}

fn mark(m: Mark) -> CheckMark {
    match m {
        Mark::Pass => CheckMark::Pass,
        Mark::Fail => CheckMark::Fail,
        Mark::Note => CheckMark::Note,
    }
}

/// The page's view of an analysis (`tdg batch`): its rows, then the files that could not be
/// read at all (`unread`), and the files inside archives that were not read (`skipped`).
pub fn season_view(
    a: &Analysis,
    unread: &[(String, Unread)],
    skipped: &[String],
    period: Option<i32>,
    received_on: Option<Date>,
) -> SeasonView {
    let files = a
        .rows
        .iter()
        .map(|row| match &row.outcome {
            RowOutcome::Unreadable(e) => FileView::unreadable(
                &row.file,
                Unread {
                    text: tdg_model::Text::new(report_error_vi(e), e.to_string()),
                },
            ),
            RowOutcome::Report {
                verdict,
                entry,
                standing,
                ..
            } => file_view(&row.file, verdict, *entry, *standing),
        })
        .chain(
            unread
                .iter()
                .map(|(name, why)| FileView::unreadable(name, why.clone())),
        )
        .collect();
    SeasonView {
        period,
        received_on,
        timing_checked: received_on.is_some() && a.timing_checked,
        files,
        entries: a.entries.clone(),
        ranked: a.ranked.clone(),
        missing: a.missing.clone(),
        bands: a.bands.clone(),
        skipped: skipped.to_vec(),
    }
}

/// A verified report as a row: every check in words, in [`Check::ALL`]'s order.
fn file_view(name: &str, verdict: &Verdict, entry: usize, standing: Standing) -> FileView {
    let to_view = |l: tdg_report::verdict_text::CheckLine| CheckView {
        mark: mark(l.mark),
        text: tdg_model::Text::new(l.text.vi, l.text.en),
    };
    let lines: Vec<_> = Check::ALL.iter().map(|c| c.line(verdict)).collect();
    // The lines beyond the checks (a registered name that differs).
    let notes = verdict_text::lines(verdict)
        .into_iter()
        .filter(|l| !lines.contains(l))
        .map(to_view)
        .collect();
    let checks = Check::ALL
        .iter()
        .zip(lines)
        .map(|(c, l)| match (c, &verdict.file_hash) {
            // The verifier's sentence names a command-line flag; the office's table and exports
            // say what to do with what they show.
            (Check::FileHash, FileHashCheck::NotChecked) => paper_copy(&verdict.sha256),
            _ => to_view(l),
        })
        .collect();
    FileView {
        file: name.to_owned(),
        unreadable: None,
        entry: Some(entry),
        unit: Some(UnitKey {
            code: verdict.unit.code.clone(),
            name: verdict.unit.name.clone(),
            tier: verdict.unit.tier.clone(),
            variant: verdict.unit.variant.clone(),
            group: verdict.unit.group.clone(),
        }),
        passes: verdict.passes(),
        standing: Some(standing),
        checks,
        notes,
        signed_total: Some(verdict.stored_total),
        official_total: verdict.official_total(),
        band: Some(verdict.stored_band.clone()),
        rescaled: verdict.stored_rescaled,
        period: Some(verdict.period),
        sha256: verdict.sha256.clone(),
        // Canonical (no `#fragment`): the register compares keys as text. The proof held, so
        // the issuer is a key's did; its id is read off the text, not decoded again.
        signed_by: (verdict.proof == ProofCheck::Valid)
            .then(|| canonical_did(&verdict.issuer).ok())
            .flatten(),
    }
}

/// The SHA-256 check where nobody compared it yet: the hash, and what to compare it with.
pub fn paper_copy(sha256: &str) -> CheckView {
    CheckView {
        mark: CheckMark::Note,
        text: tdg_model::Text::new(
            format!("đối chiếu với mã SHA-256 in trên bản giấy: {sha256}"),
            format!("compare with the SHA-256 printed on the paper copy: {sha256}"),
        ),
    }
}

impl FileView {
    fn unreadable(name: &str, why: Unread) -> FileView {
        FileView {
            file: name.to_owned(),
            unreadable: Some(why),
            entry: None,
            unit: None,
            passes: false,
            standing: None,
            checks: Vec::new(),
            notes: Vec::new(),
            signed_total: None,
            official_total: None,
            band: None,
            rescaled: false,
            period: None,
            sha256: String::new(),
            signed_by: None,
        }
    }
}
