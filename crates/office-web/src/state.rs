//! The office view's state and the one reducer that changes it. Pure: tested natively. The
//! season itself is what the worker sent (`SeasonView`); rankings with appraisals and the rows
//! of the table are derived in [`crate::state::table_rows`], never stored.

use std::rc::Rc;
use tdg_model::{Catalog, Date, Lang};
use tdg_office::appraisal::{rank_appraised, AppraisalFile, Appraised, UnitAppraisal};
use tdg_office::register::{Register, RowError};
use tdg_office::session::{FileView, SeasonView};
use tdg_office::{RankedEntry, Standing};
use tdg_report::trust::normalize_label;
use yew::Reducible;

/// A file the office picked, read into memory (the trust list, a catalog).
#[derive(Debug, Clone, PartialEq)]
pub struct Picked {
    pub name: String,
    pub bytes: Rc<Vec<u8>>,
}

/// The catalog the season is checked against, with the bytes the worker gets.
#[derive(Debug, Clone)]
pub struct LoadedCatalog {
    pub file: Picked,
    pub catalog: Rc<Catalog>,
    /// The shipped catalog (fetched from `assets/catalogs/`), not one the office picked.
    pub shipped: bool,
}

/// Equal contents, as derived, but one catalog is equal to itself without a look inside: every
/// part of the page compares its state with the last one at every redraw, and walking the
/// whole catalog each time was a sixth of the page's time while a season was checked.
impl PartialEq for LoadedCatalog {
    fn eq(&self, other: &Self) -> bool {
        self.file == other.file
            && self.shipped == other.shipped
            && (Rc::ptr_eq(&self.catalog, &other.catalog) || self.catalog == other.catalog)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum CatalogState {
    Loading,
    Ready(LoadedCatalog),
    Failed { text: tdg_model::Text },
}

/// A register read from a file that would replace one the office already has: kept aside until
/// the office says whether to replace, merge or keep (an import with failed rows or far fewer
/// units must not wipe the register unasked).
#[derive(Debug, Clone, PartialEq)]
pub struct PendingRegister {
    pub register: Register,
    pub source: String,
    pub errors: Vec<RowError>,
}

/// The office's answer about a [`PendingRegister`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterChoice {
    Replace,
    /// New units and keys are added; what the register has is kept.
    Merge,
    Keep,
}

/// Where the verification stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Run {
    Idle,
    Running { done: u32, total: u32 },
    Done,
    Failed { text: tdg_model::Text },
}

/// A message for the office, in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: tdg_model::Text,
    pub error: bool,
    /// It offers to undo the change it reports (a key removed): [`OfficeState::undo`].
    pub undo: bool,
}

impl Notice {
    pub fn new(vi: impl Into<String>, en: impl Into<String>, error: bool) -> Notice {
        Notice {
            text: tdg_model::Text::new(vi, en),
            error,
            undo: false,
        }
    }

    pub fn error(vi: impl Into<String>, en: impl Into<String>) -> Notice {
        Notice::new(vi, en, true)
    }

    pub fn info(vi: impl Into<String>, en: impl Into<String>) -> Notice {
        Notice::new(vi, en, false)
    }
}

/// Compared field by field in this order (derived): every part of the page compares its state
/// with the last one at every redraw, so what changes most (the run's progress) comes first,
/// and a state that changed is told from the last one without walking the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeState {
    pub run: Run,
    pub lang: Lang,
    /// The report files handed over (their names; the files stay with the page).
    pub reports: Vec<String>,
    /// The unit register (the trust list the season is checked against), as loaded from a
    /// trust list, imported from a spreadsheet or edited here.
    pub register: Option<Rc<Register>>,
    /// Where the register came from ("trust.json", "don-vi.xlsx"), for the form's hint.
    pub register_source: String,
    /// The rows the last import could not take, each with its line and column.
    pub register_errors: Rc<Vec<RowError>>,
    /// A register read from a file, waiting for the office to say replace, merge or keep.
    pub pending_register: Option<Rc<PendingRegister>>,
    /// The register before the last key was removed, while its notice offers to undo that.
    pub undo: Option<Rc<Register>>,
    /// The register the shown season was checked against: when the office edits the register
    /// after, the season is checked again.
    pub checked_with: Option<Rc<Register>>,
    pub catalog: CatalogState,
    /// Entered by the office; `None`: timing is not checked, and the page says so.
    pub received: Option<Date>,
    /// `None`: the year most reports declare.
    pub period: Option<i32>,
    pub season: Option<Rc<SeasonView>>,
    pub tier: Option<String>,
    pub group: Option<String>,
    /// The table's search box: only the rows whose file, unit code or name contain it (the
    /// table shows only the rows in view, so the browser's find-in-page cannot reach the rest).
    pub search: String,
    pub appraisals: Rc<AppraisalFile>,
    /// The entry whose appraisal is being edited.
    pub editing: Option<usize>,
    /// The file whose checks are shown in full (index into `SeasonView::files`).
    pub details: Option<usize>,
    pub notice: Option<Notice>,
}

impl Default for OfficeState {
    fn default() -> Self {
        OfficeState {
            lang: Lang::Vi,
            reports: Vec::new(),
            register: None,
            register_source: String::new(),
            register_errors: Rc::new(Vec::new()),
            pending_register: None,
            undo: None,
            checked_with: None,
            catalog: CatalogState::Loading,
            received: None,
            period: None,
            run: Run::Idle,
            season: None,
            tier: None,
            group: None,
            search: String::new(),
            appraisals: Rc::new(AppraisalFile::default()),
            editing: None,
            details: None,
            notice: None,
        }
    }
}

pub enum Action {
    SetLang(Lang),
    AddReports(Vec<String>),
    ClearReports,
    /// A register from a trust list or an import (`source`: the file's name); `errors`: the
    /// rows the import could not take (they are listed; the good rows are in `register`).
    LoadRegister {
        register: Register,
        source: String,
        errors: Vec<RowError>,
    },
    /// A register read from a file (an import, a trust list): loaded at once when the page has
    /// none (or the same), otherwise kept aside and the office is asked ([`RegisterChoice`]).
    OfferRegister {
        register: Register,
        source: String,
        errors: Vec<RowError>,
    },
    /// The office's answer about the register kept aside.
    ChooseRegister(RegisterChoice),
    /// The register after an edit on the page (already checked).
    EditRegister(Register),
    /// Removes registration `index` (asked first on the page); the notice offers to undo it.
    RemoveKey(usize),
    /// Puts back the register as it was before the last removal.
    Undo,
    /// The register stored on this device, at start (no import happened).
    RestoreRegister(Register),
    Catalog(CatalogState),
    SetReceived(Option<Date>),
    SetPeriod(Option<i32>),
    Started {
        total: u32,
    },
    Progress {
        done: u32,
        total: u32,
    },
    Finished(Rc<SeasonView>),
    Failed {
        text: tdg_model::Text,
    },
    FilterTier(Option<String>),
    FilterGroup(Option<String>),
    Search(String),
    Edit(Option<usize>),
    /// Shows a file's checks in full (or closes them).
    Details(Option<usize>),
    /// Sets a unit's appraisal (no criteria: removes it).
    Appraise(UnitAppraisal),
    /// Appraisals read from a file (already validated): they replace those of the same units.
    ImportAppraisals(AppraisalFile),
    /// The stored appraisals, at start.
    LoadAppraisals(AppraisalFile),
    Notify(Notice),
    DismissNotice,
}

impl OfficeState {
    /// A season is shown, and the register was edited since it was checked: check it again.
    pub fn needs_recheck(&self) -> bool {
        self.season.is_some()
            && !self.running()
            && self.register.is_some()
            && self.register != self.checked_with
    }

    pub fn running(&self) -> bool {
        matches!(self.run, Run::Running { .. })
    }

    /// Everything a season needs is there: reports, the trust list, a catalog.
    pub fn can_run(&self) -> bool {
        !self.reports.is_empty()
            && self.register.is_some()
            && matches!(self.catalog, CatalogState::Ready(_))
            && !self.running()
    }

    pub fn loaded_catalog(&self) -> Option<&LoadedCatalog> {
        match &self.catalog {
            CatalogState::Ready(c) => Some(c),
            _ => None,
        }
    }
}

impl Reducible for OfficeState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetLang(lang) => s.lang = lang,
            Action::AddReports(names) => {
                // While a season runs, its files are fixed: what is added waits for the next.
                if !s.running() {
                    s.reports.extend(names);
                }
            }
            Action::ClearReports => {
                if !s.running() {
                    s.reports.clear();
                }
            }
            Action::LoadRegister {
                register,
                source,
                errors,
            } => {
                s.register = Some(Rc::new(register));
                s.register_source = source;
                s.register_errors = Rc::new(errors);
                s.undo = None;
            }
            Action::OfferRegister {
                register,
                source,
                errors,
            } => {
                let has = s.register.as_ref().is_some_and(|r| !r.keys.is_empty());
                let same = s.register.as_ref().is_some_and(|r| r.keys == register.keys);
                if has && !same {
                    s.pending_register = Some(Rc::new(PendingRegister {
                        register,
                        source,
                        errors,
                    }));
                } else {
                    s.pending_register = None;
                    s.register = Some(Rc::new(register));
                    s.register_source = source;
                    s.register_errors = Rc::new(errors);
                    s.undo = None;
                }
            }
            Action::ChooseRegister(choice) => {
                if let Some(p) = s.pending_register.take() {
                    let p = Rc::unwrap_or_clone(p);
                    let register = match choice {
                        RegisterChoice::Keep => None,
                        RegisterChoice::Replace => Some(p.register),
                        RegisterChoice::Merge => {
                            let mut kept = s.register.as_deref().cloned().unwrap_or_default();
                            kept.merge(p.register);
                            Some(kept)
                        }
                    };
                    if let Some(register) = register {
                        s.register = Some(Rc::new(register));
                        s.register_source = p.source;
                        s.register_errors = Rc::new(p.errors);
                        s.undo = None;
                    }
                }
            }
            Action::EditRegister(register) => {
                s.register = Some(Rc::new(register));
                s.register_errors = Rc::new(Vec::new());
                s.undo = None;
            }
            Action::RemoveKey(index) => {
                if let Some(before) = s.register.clone() {
                    let mut register = (*before).clone();
                    if let Some(k) = register.remove(index) {
                        s.register = Some(Rc::new(register));
                        s.undo = Some(before);
                        let mut notice = crate::i18n::words::register::key_removed(&k.unit_code);
                        notice.undo = true;
                        s.notice = Some(notice);
                    }
                }
            }
            Action::Undo => {
                if let Some(before) = s.undo.take() {
                    s.register = Some(before);
                    s.notice = Some(crate::i18n::words::register::key_restored());
                }
            }
            Action::RestoreRegister(register) => {
                // A register picked while the stored one was being read is the office's choice.
                if s.register.is_none() {
                    s.register = Some(Rc::new(register));
                }
            }
            Action::Catalog(c) => {
                // A catalog the office picked is never replaced by the shipped one arriving late.
                let picked = matches!(&s.catalog, CatalogState::Ready(c) if !c.shipped);
                let shipped = matches!(&c, CatalogState::Ready(c) if c.shipped);
                if !(picked && shipped) {
                    s.catalog = c;
                }
            }
            Action::SetReceived(d) => s.received = d,
            Action::SetPeriod(p) => s.period = p,
            Action::Started { total } => {
                s.run = Run::Running { done: 0, total };
                s.checked_with = s.register.clone();
                // A report of what was done stays (a unit added, a key removed or revoked,
                // appraisals imported): the season is often checked again because of that very
                // change, and a notice gone at once is never read out (nor its undo reached).
                // A previous error goes: this run may not meet it again.
                s.notice = s.notice.take().filter(|n| n.undo || !n.error);
            }
            Action::Progress { done, total } => {
                // Messages from the worker arrive in order; a late one never moves the bar back.
                if let Run::Running { done: before, .. } = s.run {
                    s.run = Run::Running {
                        done: done.max(before).min(total),
                        total,
                    };
                }
            }
            Action::Finished(view) => {
                s.run = Run::Done;
                s.season = Some(view);
                s.editing = None;
                s.details = None;
                // A filter on a tier or group the new season lacks would hide every row.
                s.tier = None;
                s.group = None;
                s.search.clear();
            }
            Action::Failed { text } => s.run = Run::Failed { text },
            Action::FilterTier(t) => {
                s.tier = t;
                s.group = None;
            }
            Action::FilterGroup(g) => s.group = g,
            Action::Search(text) => s.search = text,
            Action::Edit(e) => s.editing = e,
            Action::Details(f) => s.details = f,
            Action::Appraise(unit) => {
                let mut file = (*s.appraisals).clone();
                file.set(unit);
                s.appraisals = Rc::new(file);
                s.editing = None;
            }
            Action::ImportAppraisals(other) => {
                let mut file = (*s.appraisals).clone();
                file.merge(other);
                s.appraisals = Rc::new(file);
            }
            Action::LoadAppraisals(file) => s.appraisals = Rc::new(file),
            Action::Notify(n) => s.notice = Some(n),
            Action::DismissNotice => {
                s.notice = None;
                // The undo is offered by the notice only.
                s.undo = None;
            }
        }
        Rc::new(s)
    }
}

/// One row of the office's table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Index into `SeasonView::files`.
    pub file: usize,
    /// Its place (with appraisals), when it counts.
    pub rank: Option<RankedEntry>,
    pub appraised: Option<Appraised>,
}

/// The season ranked with the appraisals: the ranking and, per entry, its appraisal.
pub fn appraised_ranking(
    season: &SeasonView,
    appraisals: &AppraisalFile,
    catalog: &Catalog,
) -> (Vec<RankedEntry>, Vec<Option<Appraised>>) {
    rank_appraised(
        &season.entries,
        &season.ranked,
        appraisals,
        catalog,
        catalog.tie_breakers(),
    )
}

/// Band counts per cluster or block with the appraisals: an appraised unit in its appraised band.
pub fn appraised_bands(
    season: &SeasonView,
    appraisals: &AppraisalFile,
    catalog: &Catalog,
) -> Vec<tdg_office::BandCount> {
    let (_, appraised) = appraised_ranking(season, appraisals, catalog);
    tdg_office::appraisal::appraised_band_counts(&season.entries, &season.ranked, &appraised)
}

/// Whether a tier and group pass the filter (groups compared as the ranking compares them).
pub fn in_filter(tier: &str, group: &str, f_tier: Option<&str>, f_group: Option<&str>) -> bool {
    f_tier.is_none_or(|t| t == tier)
        && f_group.is_none_or(|g| normalize_label(g) == normalize_label(group))
}

/// Whether a file matches the search box: its name, unit code or unit name contains the text,
/// whatever the case, spacing or Unicode form. An empty search matches every file.
pub fn matches_search(f: &FileView, search: &str) -> bool {
    let needle = normalize_label(search);
    needle.is_empty()
        || std::iter::once(f.file.as_str())
            .chain(
                f.unit
                    .iter()
                    .flat_map(|u| [u.code.as_str(), u.name.as_str()]),
            )
            .any(|text| normalize_label(text).contains(&needle))
}

/// The rows to show: the counted reports of the chosen tier and group in ranking order (by the
/// appraised total where there is one), then every other file there (replaced, failed), then,
/// with no filter, the files that could not be read; only those matching `search`.
pub fn table_rows(
    season: &SeasonView,
    ranked: &[RankedEntry],
    appraised: &[Option<Appraised>],
    tier: Option<&str>,
    group: Option<&str>,
    search: &str,
) -> Vec<Row> {
    let mut file_of = vec![None; season.entries.len()];
    for (i, f) in season.files.iter().enumerate() {
        if let Some(e) = f.entry {
            file_of[e] = Some(i);
        }
    }
    let mut rows: Vec<Row> = ranked
        .iter()
        .filter(|r| in_filter(&r.tier, &r.group, tier, group))
        .filter_map(|r| {
            Some(Row {
                file: file_of.get(r.entry).copied().flatten()?,
                rank: Some(r.clone()),
                appraised: appraised.get(r.entry).cloned().flatten(),
            })
        })
        .collect();
    let unfiltered = tier.is_none() && group.is_none();
    rows.extend(
        season
            .files
            .iter()
            .enumerate()
            .filter(|(_, f)| f.standing != Some(Standing::Counted))
            .filter(|(_, f)| match &f.unit {
                Some(u) => in_filter(&u.tier, &u.group, tier, group),
                None => unfiltered,
            })
            .map(|(i, _)| Row {
                file: i,
                rank: None,
                appraised: None,
            }),
    );
    rows.retain(|r| matches_search(&season.files[r.file], search));
    rows
}

/// The table's rows in view: it shows only those (and a few more on each side, so that a quick
/// scroll does not show blank rows), each of a fixed height; the rest are a blank space of the
/// same height, so the scroll bar is the whole table's. Returns the first row shown and the row
/// after the last.
pub fn rows_in_view(
    rows: usize,
    scroll_top: u32,
    viewport: u32,
    row_height: u32,
    extra: usize,
) -> (usize, usize) {
    let row_height = row_height.max(1);
    let first = usize::try_from(scroll_top / row_height).unwrap_or(usize::MAX);
    let visible = usize::try_from(viewport.div_ceil(row_height)).unwrap_or(usize::MAX);
    let start = first.saturating_sub(extra).min(rows);
    let end = first
        .saturating_add(visible)
        .saturating_add(extra)
        .min(rows);
    (start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tdg_office::archive::Unread;
    use tdg_office::{CriterionPoints, Entry, UnitKey};

    fn reduce(state: OfficeState, action: Action) -> OfficeState {
        (*Rc::new(state).reduce(action)).clone()
    }

    fn picked(name: &str) -> Picked {
        Picked {
            name: name.into(),
            bytes: Rc::new(b"{}".to_vec()),
        }
    }

    fn load_register() -> Action {
        Action::LoadRegister {
            register: Register::default(),
            source: "trust.json".into(),
            errors: vec![],
        }
    }

    #[test]
    fn a_loaded_catalog_equals_itself_and_an_equal_copy_but_not_another() {
        let s = ready();
        let CatalogState::Ready(loaded) = &s.catalog else {
            panic!("ready() loads a catalog")
        };
        assert_eq!(loaded, &loaded.clone());
        let mut copy = loaded.clone();
        copy.catalog = Rc::new((*loaded.catalog).clone());
        assert_eq!(loaded, &copy);
        let mut other = copy.clone();
        Rc::make_mut(&mut other.catalog).id.push('x');
        assert_ne!(loaded, &other);
        // Progress makes another state, told apart from the last one.
        let running = reduce(s.clone(), Action::Started { total: 10 });
        let moved = reduce(running.clone(), Action::Progress { done: 5, total: 10 });
        assert_ne!(running, moved);
        assert_eq!(moved, moved.clone());
    }

    fn ready() -> OfficeState {
        let catalog = Catalog::from_json(include_bytes!(
            "../../../assets/catalogs/hp-175-kh-ubnd.json"
        ))
        .expect("the shipped catalog");
        let mut s = OfficeState::default();
        s = reduce(s, Action::AddReports(vec!["a.json".into()]));
        s = reduce(s, load_register());
        reduce(
            s,
            Action::Catalog(CatalogState::Ready(LoadedCatalog {
                file: picked("hp.json"),
                catalog: Rc::new(catalog),
                shipped: true,
            })),
        )
    }

    #[test]
    fn a_season_runs_only_with_reports_a_trust_list_and_a_catalog() {
        let s = OfficeState::default();
        assert!(!s.can_run());
        let s = reduce(s, Action::AddReports(vec!["a.json".into()]));
        assert!(!s.can_run());
        let s = reduce(s, load_register());
        assert!(!s.can_run(), "no catalog yet");
        assert!(ready().can_run());
        let running = reduce(ready(), Action::Started { total: 1 });
        assert!(!running.can_run(), "one season at a time");
    }

    #[test]
    fn a_run_keeps_the_report_of_what_was_done_and_drops_an_old_error() {
        let added = reduce(
            ready(),
            Action::Notify(crate::i18n::words::register_form::unit_added("XA-01")),
        );
        let running = reduce(added, Action::Started { total: 1 });
        assert!(running
            .notice
            .as_ref()
            .is_some_and(|n| !n.error && n.text.vi.contains("XA-01")));
        let failed = reduce(ready(), Action::Notify(Notice::error("lỗi", "error")));
        assert_eq!(reduce(failed, Action::Started { total: 1 }).notice, None);
    }

    #[test]
    fn an_edited_register_has_the_shown_season_checked_again() {
        let s = reduce(ready(), Action::Started { total: 1 });
        assert!(!s.needs_recheck(), "no season shown yet");
        let s = reduce(s, Action::Finished(Rc::new(season())));
        assert!(!s.needs_recheck(), "checked with this register");
        let edited = Register {
            office: "Sở".into(),
            ..Register::default()
        };
        let s = reduce(s, Action::EditRegister(edited.clone()));
        assert!(s.needs_recheck());
        let s = reduce(s, Action::Started { total: 1 });
        assert!(!s.needs_recheck(), "a run is under way");
        let s = reduce(s, Action::Finished(Rc::new(season())));
        assert!(!s.needs_recheck());
        assert_eq!(s.checked_with.as_deref(), Some(&edited));
    }

    #[test]
    fn an_import_lists_its_bad_rows_until_the_next_change_and_the_stored_register_never_replaces_a_picked_one(
    ) {
        use tdg_office::register::{Column, Problem};
        let bad = RowError {
            line: 7,
            column: Column::Tier,
            problem: Problem::UnknownTier {
                text: "thôn".into(),
                accepted: tdg_model::Text::new("xa-phuong", "xa-phuong"),
            },
        };
        let s = reduce(
            OfficeState::default(),
            Action::LoadRegister {
                register: Register::default(),
                source: "don-vi.csv".into(),
                errors: vec![bad.clone()],
            },
        );
        assert_eq!(*s.register_errors, vec![bad]);
        assert_eq!(s.register_source, "don-vi.csv");
        let stored = Register {
            office: "stored".into(),
            keys: vec![],
        };
        let s = reduce(s, Action::RestoreRegister(stored.clone()));
        assert_eq!(s.register.as_deref(), Some(&Register::default()));
        let s = reduce(s, Action::EditRegister(stored.clone()));
        assert!(s.register_errors.is_empty());
        let fresh = reduce(
            OfficeState::default(),
            Action::RestoreRegister(stored.clone()),
        );
        assert_eq!(fresh.register.as_deref(), Some(&stored));
    }

    fn registered(codes: &[&str]) -> Register {
        use tdg_report::keys::UnitKey;
        Register {
            office: "Sở".into(),
            keys: codes
                .iter()
                .enumerate()
                .map(|(i, code)| tdg_report::trust::RegisteredKey {
                    unit_code: (*code).into(),
                    unit_name: format!("Xã {code}"),
                    did: UnitKey::from_seed([i as u8 + 1; 32]).public().did(),
                    tier: "xa-phuong".into(),
                    variant: None,
                    group: "Cụm 1".into(),
                    valid_from: Date::parse_iso("2026-01-01").expect("a date"),
                    valid_until: None,
                    revoked_on: None,
                })
                .collect(),
        }
    }

    fn offer(s: OfficeState, register: Register, source: &str) -> OfficeState {
        reduce(
            s,
            Action::OfferRegister {
                register,
                source: source.into(),
                errors: vec![],
            },
        )
    }
    #[test]
    fn a_file_never_replaces_a_register_unasked_and_can_be_merged_into_it() {
        // No register yet: the file is the register, nothing to ask.
        let s = offer(
            OfficeState::default(),
            registered(&["A", "B", "C"]),
            "trust.json",
        );
        assert_eq!(s.register.as_ref().map(|r| r.keys.len()), Some(3));
        assert_eq!(s.pending_register, None);
        // The same keys again: nothing to ask either.
        let s = offer(s, registered(&["A", "B", "C"]), "again.json");
        assert_eq!(s.pending_register, None);
        assert_eq!(s.register_source, "again.json");
        // A smaller file: kept aside, the register untouched until the office answers.
        let small = Register {
            keys: registered(&["A", "B", "C", "D"]).keys[2..].to_vec(),
            ..registered(&[])
        };
        let asked = offer(s.clone(), small.clone(), "it.csv");
        assert_eq!(asked.register, s.register);
        assert_eq!(
            asked.pending_register.as_ref().map(|p| p.source.as_str()),
            Some("it.csv")
        );
        let kept = reduce(asked.clone(), Action::ChooseRegister(RegisterChoice::Keep));
        assert_eq!(
            (kept.register.clone(), kept.pending_register.clone()),
            (s.register.clone(), None)
        );
        let replaced = reduce(
            asked.clone(),
            Action::ChooseRegister(RegisterChoice::Replace),
        );
        assert_eq!(replaced.register.as_deref(), Some(&small));
        assert_eq!(replaced.register_source, "it.csv");
        // Merged: C is there already, D is new.
        let merged = reduce(asked, Action::ChooseRegister(RegisterChoice::Merge));
        let codes: Vec<String> = merged
            .register
            .iter()
            .flat_map(|r| r.keys.iter().map(|k| k.unit_code.clone()))
            .collect();
        assert_eq!(codes, ["A", "B", "C", "D"]);
    }

    #[test]
    fn a_removed_key_can_be_put_back_until_the_register_changes_otherwise() {
        let s = offer(
            OfficeState::default(),
            registered(&["A", "B"]),
            "trust.json",
        );
        let removed = reduce(s.clone(), Action::RemoveKey(0));
        assert_eq!(removed.register.as_ref().map(|r| r.keys.len()), Some(1));
        assert!(removed
            .notice
            .as_ref()
            .is_some_and(|n| n.undo && n.text.vi.contains('A')));
        // The season checked again after the removal keeps the notice and its undo.
        let rechecked = reduce(removed.clone(), Action::Started { total: 1 });
        assert!(rechecked.notice.as_ref().is_some_and(|n| n.undo));
        let back = reduce(rechecked, Action::Undo);
        assert_eq!(back.register, s.register);
        assert_eq!(back.undo, None);
        // Undo twice does nothing more; out of range removes nothing.
        assert_eq!(reduce(back.clone(), Action::Undo).register, s.register);
        assert_eq!(reduce(s.clone(), Action::RemoveKey(9)).register, s.register);
        // Another change after the removal: the undo is gone (it would lose that change).
        let edited = reduce(removed.clone(), Action::EditRegister(registered(&["B"])));
        assert_eq!(edited.undo, None);
        assert_eq!(
            reduce(edited, Action::Undo).register.map(|r| r.keys.len()),
            Some(1)
        );
        let dismissed = reduce(removed, Action::DismissNotice);
        assert_eq!(dismissed.undo, None);
    }

    #[test]
    fn the_received_date_is_never_set_unless_the_office_enters_it() {
        let s = ready();
        assert_eq!(s.received, None);
        let day = Date::parse_iso("2026-11-27").ok();
        let s = reduce(s, Action::SetReceived(day));
        assert_eq!(s.received, day);
        let s = reduce(s, Action::SetReceived(None));
        assert_eq!(s.received, None);
    }

    #[test]
    fn progress_only_moves_forward_and_files_are_fixed_while_a_season_runs() {
        let s = reduce(ready(), Action::Started { total: 10 });
        let s = reduce(s, Action::Progress { done: 6, total: 10 });
        let s = reduce(s, Action::Progress { done: 4, total: 10 });
        assert_eq!(s.run, Run::Running { done: 6, total: 10 });
        let s = reduce(s, Action::AddReports(vec!["late.json".into()]));
        let s = reduce(s, Action::ClearReports);
        assert_eq!(s.reports, ["a.json"]);
        let s = reduce(
            s,
            Action::Failed {
                text: tdg_model::Text::new("x", "x"),
            },
        );
        assert!(s.can_run());
    }

    #[test]
    fn a_picked_catalog_is_not_replaced_by_the_shipped_one_arriving_late() {
        let s = ready();
        let picked_catalog = match &s.catalog {
            CatalogState::Ready(c) => LoadedCatalog {
                shipped: false,
                file: picked("mine.json"),
                ..c.clone()
            },
            _ => unreachable!("ready() has a catalog"),
        };
        let s = reduce(
            s,
            Action::Catalog(CatalogState::Ready(picked_catalog.clone())),
        );
        let shipped = LoadedCatalog {
            shipped: true,
            ..picked_catalog
        };
        let s = reduce(s, Action::Catalog(CatalogState::Ready(shipped)));
        assert_eq!(
            s.loaded_catalog().map(|c| c.file.name.as_str()),
            Some("mine.json")
        );
    }

    fn entry(code: &str, group: &str, total: u32) -> Entry {
        Entry {
            file: format!("{code}.json"),
            unit: UnitKey {
                code: code.into(),
                name: code.into(),
                tier: "xa-phuong".into(),
                variant: None,
                group: group.into(),
            },
            period: 2026,
            created: String::new(),
            received_on: None,
            passes: true,
            total,
            official: false,
            band: "tot".into(),
            rescaled: false,
            criteria: vec![CriterionPoints {
                id: "xp.ho-so-truc-tuyen".into(),
                points: 40_000,
                max: 40_000,
                met_target: true,
                not_applicable: false,
            }],
        }
    }

    fn file(i: usize, e: &Entry, standing: Option<Standing>) -> FileView {
        FileView {
            file: e.file.clone(),
            unreadable: None,
            entry: Some(i),
            unit: Some(e.unit.clone()),
            passes: standing != Some(Standing::Failed),
            standing,
            checks: vec![],
            notes: vec![],
            signed_total: Some(e.total),
            official_total: None,
            band: Some(e.band.clone()),
            rescaled: false,
            period: Some(2026),
            sha256: String::new(),
            signed_by: None,
        }
    }

    fn season() -> SeasonView {
        let entries = vec![
            entry("A", "Cụm 1", 70_000),
            entry("B", "Cụm 1", 80_000),
            entry("C", "Cụm 2", 90_000),
            entry("D", "Cụm 1", 10_000),
        ];
        let catalog = Catalog::from_json(include_bytes!(
            "../../../assets/catalogs/hp-175-kh-ubnd.json"
        ))
        .expect("the shipped catalog");
        let ranked = tdg_office::rank(
            &entries,
            &[0, 1, 2],
            catalog.tie_breakers(),
            normalize_label,
        );
        let mut files: Vec<FileView> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                file(
                    i,
                    e,
                    Some(if i == 3 {
                        Standing::Failed
                    } else {
                        Standing::Counted
                    }),
                )
            })
            .collect();
        files.push(FileView {
            file: "broken.json".into(),
            unreadable: Some(Unread {
                text: tdg_model::Text::new("hỏng", "broken"),
            }),
            entry: None,
            unit: None,
            passes: false,
            standing: None,
            checks: vec![],
            notes: vec![],
            signed_total: None,
            official_total: None,
            band: None,
            rescaled: false,
            period: None,
            sha256: String::new(),
            signed_by: None,
        });
        SeasonView {
            period: Some(2026),
            received_on: None,
            timing_checked: false,
            files,
            entries,
            ranked,
            missing: vec![],
            bands: vec![],
            skipped: vec![],
        }
    }

    #[test]
    fn rows_are_ranked_inside_the_filter_then_the_other_files() {
        let s = season();
        let catalog = match ready().catalog {
            CatalogState::Ready(c) => c.catalog,
            _ => unreachable!("ready() has a catalog"),
        };
        let (ranked, appraised) = appraised_ranking(&s, &AppraisalFile::default(), &catalog);
        let names = |rows: Vec<Row>| -> Vec<String> {
            rows.iter().map(|r| s.files[r.file].file.clone()).collect()
        };
        assert_eq!(
            names(table_rows(&s, &ranked, &appraised, None, None, "")),
            ["B.json", "A.json", "C.json", "D.json", "broken.json"]
        );
        assert_eq!(
            names(table_rows(
                &s,
                &ranked,
                &appraised,
                Some("xa-phuong"),
                Some("cụm  1"),
                ""
            )),
            ["B.json", "A.json", "D.json"]
        );
        // An appraisal of B below A puts A first, with B's appraised total beside it.
        let mut file = AppraisalFile::default();
        file.set(UnitAppraisal {
            tier: "xa-phuong".into(),
            unit_code: "B".into(),
            criteria: vec![tdg_office::appraisal::CriterionAppraisal {
                criterion: "xp.ho-so-truc-tuyen".into(),
                milli_points: 20_000,
                reason: "thử".into(),
            }],
        });
        let (ranked, appraised) = appraised_ranking(&s, &file, &catalog);
        let rows = table_rows(&s, &ranked, &appraised, None, Some("Cụm 1"), "");
        assert_eq!(names(rows.clone()), ["A.json", "B.json", "D.json"]);
        assert_eq!(rows[1].appraised.as_ref().map(|a| a.total), Some(60_000));
        assert_eq!(rows[1].rank.as_ref().map(|r| r.rank), Some(2));
    }

    #[test]
    fn the_search_box_finds_a_file_by_name_code_or_unit_whatever_the_case() {
        let s = season();
        let catalog = match ready().catalog {
            CatalogState::Ready(c) => c.catalog,
            _ => unreachable!("ready() has a catalog"),
        };
        let (ranked, appraised) = appraised_ranking(&s, &AppraisalFile::default(), &catalog);
        let found = |search: &str| -> Vec<String> {
            table_rows(&s, &ranked, &appraised, None, None, search)
                .iter()
                .map(|r| s.files[r.file].file.clone())
                .collect()
        };
        assert_eq!(found("c.JSON"), ["C.json"]);
        assert_eq!(found("  d "), ["D.json"]);
        assert_eq!(found("BROKEN"), ["broken.json"]);
        assert_eq!(found("").len(), 5);
        assert!(found("nothing like it").is_empty());
        let searched = reduce(ready(), Action::Search("a".into()));
        assert_eq!(searched.search, "a");
        let next = reduce(searched, Action::Finished(Rc::new(season())));
        assert_eq!(next.search, "", "a new season shows every row");
    }

    #[test]
    fn only_the_rows_in_view_are_shown_and_the_last_is_reachable() {
        // 1,000 rows of 34 px in a 680 px window: 20 in view, 10 more each side.
        assert_eq!(rows_in_view(1000, 0, 680, 34, 10), (0, 30));
        assert_eq!(rows_in_view(1000, 34 * 500, 680, 34, 10), (490, 530));
        // Scrolled to the bottom: the last row is shown.
        assert_eq!(rows_in_view(1000, 34 * 1000 - 680, 680, 34, 10).1, 1000);
        // Past the end (a table that shrank under the scroll), nothing out of range.
        assert_eq!(rows_in_view(5, 34 * 900, 680, 34, 10), (5, 5));
        assert_eq!(rows_in_view(0, 0, 680, 0, 10), (0, 0));
    }

    #[test]
    fn a_new_season_clears_the_filter_and_the_editor() {
        let s = reduce(ready(), Action::FilterTier(Some("xa-phuong".into())));
        let s = reduce(s, Action::FilterGroup(Some("Cụm 1".into())));
        let s = reduce(s, Action::FilterTier(Some("so-nganh".into())));
        assert_eq!(s.group, None, "a group belongs to a tier");
        let s = reduce(s, Action::Edit(Some(0)));
        let s = reduce(s, Action::Details(Some(4)));
        assert_eq!(s.details, Some(4));
        let s = reduce(s, Action::Finished(Rc::new(season())));
        assert_eq!(
            (s.tier.clone(), s.group.clone(), s.editing, s.details),
            (None, None, None, None)
        );
        assert_eq!(s.run, Run::Done);
    }
}
