//! A season opened a little at a time, for the office view's worker: files are added as they
//! are read (an archive is unpacked on the spot), verified a few at a time so that the page can
//! show a progress bar, then analysed once. The result, [`SeasonView`], is what the page renders:
//! plain data, every check already in words, so the page holds no rule of its own.

use crate::analysis::{analyse_outcomes, Analysis, RowOutcome};
use crate::archive::{has_extension, unzip, Handed, Unread};
use crate::entry::{Entry, UnitKey};
use crate::intake::{most_declared_period, verify_file, Outcome, Season, SeasonFile};
use crate::missing::Missing;
use crate::ranking::RankedEntry;
use crate::standing::Standing;
use crate::stats::BandCount;
use serde::{Deserialize, Serialize};
use tdg_model::units::MilliPoints;
use tdg_model::{Date, Lang};
use tdg_report::trust::TrustList;
use tdg_report::verdict_text::{self, report_error_vi, Check, Mark};
use tdg_report::verify::KnownCatalog;

/// Why a season could not be opened, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("{en}")]
pub struct SessionError {
    pub vi: String,
    pub en: String,
}

/// A season being opened.
pub struct Session {
    catalogs: Vec<KnownCatalog>,
    trust: TrustList,
    received_on: Option<Date>,
    period: Option<i32>,
    handed: Vec<Handed>,
    skipped: Vec<String>,
    /// `outcomes[i]` is the outcome of the i-th readable file, in the order handed.
    outcomes: Vec<Outcome>,
    analysis: Option<(Analysis, i32)>,
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
            vi: format!("Danh sách khóa tin cậy không đọc được: {}", e.message_vi()),
            en: format!("The trust list cannot be read: {e}"),
        })?;
        let catalog = KnownCatalog::from_bytes(catalog).map_err(|e| SessionError {
            vi: format!("Danh mục tiêu chí không đọc được: {}", e.message(Lang::Vi)),
            en: format!("The catalog cannot be read: {}", e.message(Lang::En)),
        })?;
        Ok(Session {
            catalogs: vec![catalog],
            trust,
            received_on,
            period,
            handed: Vec::new(),
            skipped: Vec::new(),
            outcomes: Vec::new(),
            analysis: None,
        })
    }

    /// Adds one file the office handed over: a `.zip` is unpacked, a `.json` is read as a
    /// report, anything else (a folder's notes, a scanned letter) is listed as skipped, as
    /// `tdg batch` does inside folders. Returns how many files are now waiting or verified.
    pub fn add(&mut self, name: &str, bytes: Vec<u8>) -> usize {
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
        self.handed.len()
    }

    /// A file that could not even be read (the browser's reader failed), listed with why.
    pub fn add_unread(&mut self, name: &str, why: Unread) {
        self.handed.push(Handed {
            name: name.to_owned(),
            bytes: Err(why),
        });
    }

    /// Files handed over so far (inside archives counted one by one).
    pub fn total(&self) -> usize {
        self.handed.len()
    }

    /// The period checked: the office's, or the year most readable reports declare.
    pub fn period(&mut self) -> Option<i32> {
        if self.period.is_none() {
            self.period = most_declared_period(&self.files());
        }
        self.period
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

    /// Verifies up to `count` more files; returns how many of [`Session::total`] are done
    /// (unreadable files count as done). Call [`Session::period`] first, after the last
    /// [`Session::add`].
    pub fn verify_next(&mut self, count: usize) -> usize {
        let Some(period) = self.period() else {
            // No readable report: nothing to verify.
            return self.total();
        };
        let season = Season {
            catalogs: &self.catalogs,
            trust: &self.trust,
            period,
        };
        let files = self.files();
        let start = self.outcomes.len();
        let end = files.len().min(start + count);
        let new: Vec<Outcome> = files[start..end]
            .iter()
            .map(|f| verify_file(&season, f))
            .collect();
        self.outcomes.extend(new);
        self.done()
    }

    fn done(&self) -> usize {
        self.outcomes.len() + self.handed.iter().filter(|h| h.bytes.is_err()).count()
    }

    /// Verifies what is left, analyses the season and describes it for the page.
    pub fn finish(&mut self) -> SeasonView {
        while self.done() < self.total() && self.period().is_some() {
            self.verify_next(usize::MAX);
        }
        let period = self.period.unwrap_or_default();
        let season = Season {
            catalogs: &self.catalogs,
            trust: &self.trust,
            period,
        };
        let outcomes = std::mem::take(&mut self.outcomes);
        let files = self.files();
        // The catalog's tie-breakers (default model), as `tdg batch` uses them.
        let tie_breakers = self
            .catalogs
            .first()
            .map_or(&[][..], |k| k.catalog.tie_breakers());
        let analysis = analyse_outcomes(&season, &files, outcomes, tie_breakers);
        let view = season_view(
            &analysis,
            &self.handed,
            &self.skipped,
            self.period,
            self.received_on,
        );
        self.analysis = Some((analysis, period));
        view
    }

    /// The analysis [`Session::finish`] made, for the exports.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analysis.as_ref().map(|(a, _)| a)
    }

    /// The catalog the season is checked against.
    pub fn catalog(&self) -> Option<&tdg_model::Catalog> {
        self.catalogs.first().map(|k| &k.catalog)
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
    pub vi: String,
    pub en: String,
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

/// The page's view of an analysis; `handed` lists every file in the order handed (those the
/// reader failed on among them), `skipped` the files inside archives that were not read.
pub fn season_view(
    a: &Analysis,
    handed: &[Handed],
    skipped: &[String],
    period: Option<i32>,
    received_on: Option<Date>,
) -> SeasonView {
    let mut rows = a.rows.iter();
    let files = handed
        .iter()
        .filter_map(|h| match &h.bytes {
            Err(why) => Some(FileView {
                file: h.name.clone(),
                unreadable: Some(why.clone()),
                ..FileView::empty()
            }),
            Ok(_) => rows.next().map(|row| match &row.outcome {
                RowOutcome::Unreadable(e) => FileView {
                    file: row.file.clone(),
                    unreadable: Some(Unread {
                        vi: report_error_vi(e),
                        en: e.to_string(),
                    }),
                    ..FileView::empty()
                },
                RowOutcome::Report {
                    verdict,
                    entry,
                    standing,
                    ..
                } => {
                    let to_view = |l: tdg_report::verdict_text::CheckLine| CheckView {
                        mark: mark(l.mark),
                        vi: l.vi,
                        en: l.en,
                    };
                    let checks: Vec<CheckView> = Check::ALL
                        .iter()
                        .map(|c| to_view(c.line(verdict)))
                        .collect();
                    // The lines beyond the checks (a registered name that differs).
                    let notes = verdict_text::lines(verdict)
                        .into_iter()
                        .map(to_view)
                        .filter(|l| !checks.contains(l))
                        .collect();
                    FileView {
                        file: row.file.clone(),
                        unreadable: None,
                        entry: Some(*entry),
                        unit: Some(a.entries[*entry].unit.clone()),
                        passes: verdict.passes(),
                        standing: Some(*standing),
                        checks,
                        notes,
                        signed_total: Some(verdict.stored_total),
                        official_total: verdict.official_total(),
                        band: Some(verdict.stored_band.clone()),
                        rescaled: verdict.stored_rescaled,
                    }
                }
            }),
        })
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

impl FileView {
    fn empty() -> FileView {
        FileView {
            file: String::new(),
            unreadable: None,
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
        }
    }
}
