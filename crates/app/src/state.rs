//! The app's state and the one reducer that changes it. Pure: tested natively. Scores are not
//! stored here: the view derives them from the draft with `tdg_model::score`.

pub mod embed;

use crate::i18n::state as words;
use crate::shared::Shared;
use crate::storage::Kept;
pub use embed::{EmbedAction, EmbedState, StorageAccess, StorageStart};
use std::rc::Rc;
use tdg_model::draft::{Authority, DocField, Draft, StoredDraft, UnitInfo};
use tdg_model::history;
use tdg_model::{Answer, AnswerSheet, Catalog, Date, Evidence, Lang, ScopedSheet};

/// A catalog with the bytes it was read from (a report names their SHA-256).
#[derive(Debug, PartialEq)]
pub struct LoadedCatalog {
    pub catalog: Shared<Catalog>,
    pub bytes: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CatalogState {
    Loading,
    Ready(Shared<LoadedCatalog>),
    /// The message to show, in both languages.
    Failed {
        text: tdg_model::Text,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Assess,
    Print,
}

/// The unit's public key, as shown to people, and how its private key is kept.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KeyInfo {
    pub did: String,
    pub fingerprint: String,
    pub protection: KeyProtection,
}

/// How the unit's private key is kept on this computer (see `key_store.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum KeyProtection {
    /// A non-extractable WebCrypto key in IndexedDB: usable, never readable.
    Browser,
    /// Only its password-protected backup (browsers without Ed25519 in WebCrypto): the
    /// password unlocks it once per session.
    Password,
    /// Made, its backup downloaded, but the backup not yet re-opened: not usable yet.
    Pending,
    /// The seed in plain text under the old `tdg.key.v1` entry: moved at the next signing.
    Legacy,
    /// Something is stored but cannot be used (damaged): replaced only after a confirmation.
    Unreadable,
}

/// The last report signed from the current draft (the file itself went to the user's downloads).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedInfo {
    pub file_name: String,
    pub sha256: String,
    /// The day the report carries as its submission day (the signing day).
    pub signed_on: Date,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// A message for the user, announced to screen readers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: tdg_model::Text,
}

impl Notice {
    /// `text` is a fixed sentence (`i18n::W`), a sentence with figures (`tdg_model::Text`
    /// from an `i18n` function) or a typed error's `Localized::both()`.
    pub fn error(text: impl Into<tdg_model::Text>) -> Notice {
        Notice {
            kind: NoticeKind::Error,
            text: text.into(),
        }
    }
    pub fn info(text: impl Into<tdg_model::Text>) -> Notice {
        Notice {
            kind: NoticeKind::Info,
            text: text.into(),
        }
    }
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.text.vi,
            Lang::En => &self.text.en,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    /// The user chose the language (or a stored choice was found): `embed.json`'s default
    /// language does not replace it.
    pub lang_chosen: bool,
    pub catalog: CatalogState,
    pub screen: Screen,
    pub draft: Draft,
    /// The draft is a sample unit opened for training (never kept as a previous draft).
    pub sample: bool,
    /// The drafts an import, a sample, a reset or a restore replaced, newest first.
    pub history: Vec<StoredDraft>,
    /// Stored texts that could not be read, set aside until the user deletes them.
    pub kept: Vec<Kept>,
    /// Another tab saved this draft while this tab had changes of its own: nothing is saved
    /// until the user chooses which to keep.
    pub conflict: bool,
    pub key: Option<KeyInfo>,
    pub signed: Option<SignedInfo>,
    pub notice: Option<Notice>,
    /// The training exercise being worked on (training mode), by its id: set when the
    /// exercise opened its sample, gone when another draft replaces that sample.
    pub exercise: Option<String>,
    /// Embedding in a portal (`state/embed.rs`).
    pub embed: EmbedState,
    /// A new version of the site is installed in the offline cache and waits for the user to
    /// reload (web/offline.js). Kept apart from `notice`, which other messages replace.
    pub update_ready: bool,
    /// Embedded where the browser refuses the offline cache (web/offline.js): offline use
    /// needs the tool's own tab.
    pub embedded_offline: bool,
    /// The unit's name and code as they were when another tier was chosen: the start screen
    /// says they were kept from that tier until the user changes them (`carried_from`).
    pub unit_carried: Option<CarriedUnit>,
}

/// What a change of tier kept of the unit (the fields are the same for every tier, only their
/// labels change: a commune's name would otherwise stand as an enterprise's without a word).
#[derive(Clone, Debug, PartialEq)]
pub struct CarriedUnit {
    pub from_tier: String,
    pub unit: UnitInfo,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitField {
    Name,
    Code,
    Group,
}

/// One change to the printed report's details (none of them is signed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocEdit {
    Text(DocField, String),
    /// The day the unit intends to send the report (`None`: today).
    SendOn(Option<Date>),
    Authority(Authority),
}

/// One change to one criterion's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerEdit {
    Numerator(Option<i64>),
    Denominator(Option<i64>),
    Yes(Option<bool>),
    Level(Option<String>),
    Count(Option<i64>),
    Maturity(Option<i64>),
    Note(String),
    AddEvidence(Evidence),
    RemoveEvidence(usize),
    /// "Không áp dụng" chosen (the figures are cleared: a criterion that does not apply has
    /// none) or withdrawn.
    NotApplicable(bool),
    NotApplicableReason(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    CatalogLoaded(Shared<LoadedCatalog>),
    CatalogFailed {
        text: tdg_model::Text,
    },
    /// What was found on the device at start-up.
    Restore {
        draft: Option<StoredDraft>,
        history: Vec<StoredDraft>,
        kept: Vec<Kept>,
        /// Texts set aside at this start (the user is told).
        set_aside_now: usize,
        key: Option<KeyInfo>,
    },
    SetPeriod(i32),
    ChooseTier(String),
    ChooseVariant(String),
    SetUnit(UnitField, String),
    /// The printed report's details. They are not in the signed report, so a signed report
    /// stays signed.
    EditDocument(DocEdit),
    Go(Screen),
    Edit {
        criterion: String,
        edit: AnswerEdit,
    },
    /// An imported draft or a sample unit replaces the draft; the old one is kept as a previous
    /// draft (unless it was a sample), stamped `at`.
    ReplaceDraft {
        draft: Draft,
        sample: bool,
        notice: Notice,
        at: String,
    },
    /// The previous draft at `index` (0: the newest) comes back; the current one is kept.
    RestorePrevious {
        index: usize,
        at: String,
    },
    Reset {
        at: String,
    },
    /// Another tab changed the previous drafts.
    HistoryChanged(Vec<StoredDraft>),
    /// Another tab saved the draft and this tab had nothing unsaved: it shows that draft.
    OtherTabSaved(StoredDraft),
    /// Another tab saved the draft while this tab had unsaved changes.
    TabConflict,
    /// The user takes the other tab's draft; this tab's is kept as a previous draft.
    TakeOtherTab {
        other: StoredDraft,
        at: String,
    },
    /// The user keeps this tab's draft; the other tab's is kept as a previous draft.
    KeepThisTab {
        other: Option<StoredDraft>,
    },
    /// The user deleted a kept text.
    ForgetKept(String),
    KeyReady(KeyInfo),
    /// The key was removed from this computer ("Forget this key").
    KeyForgotten,
    Signed(SignedInfo),
    /// A training exercise opens its sample unit (as `ReplaceDraft` does) and becomes the
    /// exercise being worked on.
    StartExercise {
        id: String,
        draft: Draft,
        notice: Notice,
        at: String,
    },
    Notify(Notice),
    DismissNotice,
    /// Embedding in a portal: `embed.json`, the host's messages, deep links, storage access.
    Embed(EmbedAction),
    /// The offline cache holds a new version (web/offline.js said so).
    UpdateReady,
    /// Embedded, and the browser refused the offline cache (web/offline.js said so).
    EmbeddedOffline,
}

/// The year units report for by default: the current one (reports are due before 01/12).
pub const DEFAULT_PERIOD: i32 = 2026;

impl AppState {
    pub fn new(lang: Lang, period: i32) -> AppState {
        let sheet = AnswerSheet {
            period,
            ..AnswerSheet::default()
        };
        AppState {
            lang,
            lang_chosen: false,
            catalog: CatalogState::Loading,
            screen: Screen::Start,
            draft: Draft {
                unit: UnitInfo::default(),
                sheet,
                document: Default::default(),
            },
            sample: false,
            history: Vec::new(),
            kept: Vec::new(),
            conflict: false,
            key: None,
            signed: None,
            notice: None,
            exercise: None,
            embed: EmbedState::default(),
            update_ready: false,
            embedded_offline: false,
            unit_carried: None,
        }
    }

    /// The tier the unit's name and code were typed for, while they stand unchanged under
    /// another tier: the start screen asks the user to check them.
    pub fn carried_from(&self) -> Option<&tdg_model::Tier> {
        let carried = self.unit_carried.as_ref()?;
        let unchanged =
            carried.unit.name == self.draft.unit.name && carried.unit.code == self.draft.unit.code;
        (unchanged && carried.from_tier != self.draft.sheet.tier)
            .then(|| self.catalog()?.tier(&carried.from_tier))
            .flatten()
    }

    pub fn catalog(&self) -> Option<&Catalog> {
        match &self.catalog {
            CatalogState::Ready(c) => Some(&c.catalog),
            _ => None,
        }
    }

    pub fn tier(&self) -> Option<&tdg_model::Tier> {
        self.catalog()?.tier(&self.draft.sheet.tier)
    }

    /// True when tier (and variant, where the tier has some) are chosen: the form can open.
    pub fn ready_to_assess(&self) -> bool {
        self.tier()
            .is_some_and(|t| t.variants.is_empty() || self.draft.sheet.variant.is_some())
    }

    /// The sheet to score and sign: only the chosen tier's and variant's answers (the model's
    /// rule; answers typed for another tier stay in the draft, so switching back loses nothing).
    pub fn scoped_sheet(&self) -> ScopedSheet {
        match self.catalog() {
            Some(catalog) => tdg_model::scored_sheet(catalog, &self.draft.sheet),
            None => ScopedSheet {
                sheet: self.draft.sheet.clone(),
                set_aside: Vec::new(),
            },
        }
    }

    pub fn sheet_for_scoring(&self) -> AnswerSheet {
        self.scoped_sheet().sheet
    }

    /// The day the draft is scored as sent on (early bonus, late penalty): the signing day
    /// once signed, since that is what the report carries; before that the day the unit
    /// intends to send it (a what-if), by default `today`.
    pub fn send_day(&self, today: Date) -> Date {
        match &self.signed {
            Some(signed) => signed.signed_on,
            None => self.draft.document.send_on.unwrap_or(today),
        }
    }

    /// Offers the chosen tier's usual signature block in the print's form, unless the unit
    /// typed its own (the rule is the model's: `DocumentDetails::suggest_signer`); `left` is
    /// the tier the draft had before, whose suggestion may be replaced.
    fn suggest_signer(&mut self, left: Option<&tdg_model::Tier>) {
        let from = left.and_then(|t| t.signer.clone());
        let to = self.tier().and_then(|t| t.signer.clone());
        self.draft
            .document
            .suggest_signer(from.as_ref(), to.as_ref());
    }

    /// Applies one action. Choices that do not fit the catalog or the period are ignored, so the
    /// state never names a tier that does not exist for its year.
    pub fn reduce(&self, action: Action) -> AppState {
        let mut next = self.clone();
        // Whatever replaces the draft ends the exercise that opened it.
        if matches!(
            action,
            Action::ReplaceDraft { .. } | Action::RestorePrevious { .. } | Action::Reset { .. }
        ) {
            next.exercise = None;
        }
        match action {
            Action::SetLang(lang) => {
                next.lang = lang;
                next.lang_chosen = true;
            }
            Action::StartExercise {
                id,
                draft,
                notice,
                at,
            } => {
                next = next.reduce(Action::ReplaceDraft {
                    draft,
                    sample: true,
                    notice,
                    at,
                });
                next.exercise = Some(id);
            }
            Action::CatalogLoaded(catalog) => {
                let first = self.catalog == CatalogState::Loading;
                next.catalog = CatalogState::Ready(catalog);
                next.drop_unfit_choices();
                // A draft restored before the catalog arrived opens where the user left it.
                if first && next.ready_to_assess() {
                    next.screen = Screen::Assess;
                }
            }
            Action::CatalogFailed { text } => next.catalog = CatalogState::Failed { text },
            Action::Restore {
                draft,
                history,
                kept,
                set_aside_now,
                key,
            } => {
                if let Some(stored) = draft {
                    next.draft = stored.draft;
                    next.unit_carried = None;
                    next.sample = stored.sample;
                }
                next.history = history;
                next.kept = kept;
                next.key = key;
                if set_aside_now > 0 {
                    next.notice = Some(Notice::error(words::DRAFT_DATA_COMPUTER_COULD));
                }
                next.drop_unfit_choices();
                if next.ready_to_assess() {
                    next.screen = Screen::Assess;
                }
            }
            Action::SetPeriod(period) => {
                if self.catalog().is_none_or(|c| c.periods.contains(period)) {
                    next.draft.sheet.period = period;
                    next.drop_unfit_choices();
                    next.signed = None;
                }
            }
            Action::ChooseTier(id) => {
                let fits = self
                    .catalog()
                    .and_then(|c| c.tier(&id))
                    .is_some_and(|t| t.periods.contains(self.draft.sheet.period));
                if fits && id != self.draft.sheet.tier {
                    let unit = &self.draft.unit;
                    let typed = !unit.name.trim().is_empty() || !unit.code.trim().is_empty();
                    next.unit_carried = match &self.unit_carried {
                        // Still unchanged since an earlier switch: it was typed for that tier.
                        Some(c) if self.carried_from().is_some() => Some(c.clone()),
                        _ if typed && !self.draft.sheet.tier.is_empty() => Some(CarriedUnit {
                            from_tier: self.draft.sheet.tier.clone(),
                            unit: unit.clone(),
                        }),
                        _ => None,
                    };
                    next.draft.sheet.variant = None;
                    next.draft.sheet.tier = id;
                    next.signed = None;
                    next.suggest_signer(self.tier());
                }
            }
            Action::ChooseVariant(id) => {
                if self.tier().is_some_and(|t| t.variant(&id).is_some()) {
                    next.draft.sheet.variant = Some(id);
                    next.signed = None;
                }
            }
            Action::SetUnit(field, value) => {
                let unit = &mut next.draft.unit;
                match field {
                    UnitField::Name => unit.name = value,
                    UnitField::Code => unit.code = value,
                    UnitField::Group => unit.group = value,
                }
                next.signed = None;
            }
            Action::EditDocument(edit) => {
                let document = &mut next.draft.document;
                match edit {
                    DocEdit::Text(field, value) => document.set(field, value),
                    DocEdit::SendOn(day) => document.send_on = day,
                    DocEdit::Authority(authority) => document.signer_authority = authority,
                }
            }
            Action::Go(screen) => {
                if screen == Screen::Start || self.ready_to_assess() {
                    next.screen = screen;
                }
            }
            Action::Edit { criterion, edit } => {
                let known = self
                    .tier()
                    .is_some_and(|t| t.criteria.iter().any(|c| c.id == criterion));
                if known {
                    apply_edit(&mut next.draft.sheet, criterion, edit);
                    next.signed = None;
                }
            }
            Action::ReplaceDraft {
                draft,
                sample,
                notice,
                at,
            } => {
                next.keep_current(&at);
                next.draft = draft;
                next.unit_carried = None;
                // A sample of a past year carries the day it was sent: scored as sent today,
                // the 2024 district would open with a late penalty by surprise (review M8).
                if sample && next.draft.document.send_on.is_none() {
                    next.draft.document.send_on = next.draft.sheet.submitted_on;
                }
                next.suggest_signer(None);
                next.sample = sample;
                next.signed = None;
                next.notice = Some(notice);
                next.drop_unfit_choices();
                next.screen = if next.ready_to_assess() {
                    Screen::Assess
                } else {
                    Screen::Start
                };
            }
            Action::RestorePrevious { index, at } => {
                if let Some(previous) = self.history.get(index) {
                    next.history.remove(index);
                    next.keep_current(&at);
                    next.open(
                        previous.clone(),
                        Notice::info(words::PREVIOUS_DRAFT_RESTORED),
                    );
                }
            }
            Action::Reset { at } => {
                next.keep_current(&at);
                next.draft = AppState::new(self.lang, self.draft.sheet.period).draft;
                next.unit_carried = None;
                next.sample = false;
                next.signed = None;
                next.screen = Screen::Start;
                next.notice = Some(if self.sample {
                    Notice::info(words::SAMPLE_UNIT_CLOSED_SAMPLES)
                } else {
                    Notice::info(words::DRAFT_CLEARED_CLEARED_DRAFT)
                });
            }
            Action::HistoryChanged(list) => next.history = list,
            Action::OtherTabSaved(stored) => {
                next.open(stored, Notice::info(words::DRAFT_ALSO_OPEN_ANOTHER))
            }
            Action::TabConflict => {
                next.conflict = true;
                next.notice = Some(Notice::error(words::DRAFT_WAS_JUST_CHANGED));
            }
            Action::TakeOtherTab { other, at } => {
                next.keep_current(&at);
                next.conflict = false;
                next.open(other, Notice::info(words::OTHER_TAB_DRAFT_OPEN));
            }
            Action::KeepThisTab { other } => {
                if let Some(other) = other {
                    history::push(&mut next.history, other);
                }
                next.conflict = false;
                next.notice = Some(Notice::info(words::TAB_DRAFT_KEPT_OTHER));
            }
            Action::ForgetKept(key) => next.kept.retain(|k| k.key != key),
            Action::KeyReady(key) => next.key = Some(key),
            Action::KeyForgotten => next.key = None,
            Action::Signed(signed) => next.signed = Some(signed),
            Action::Notify(notice) => next.notice = Some(notice),
            Action::DismissNotice => next.notice = None,
            Action::Embed(action) => next.reduce_embed(action),
            Action::UpdateReady => next.update_ready = true,
            Action::EmbeddedOffline => next.embedded_offline = true,
        }
        next
    }

    /// Shows `stored` as the current draft, with `notice`.
    fn open(&mut self, stored: StoredDraft, notice: Notice) {
        self.draft = stored.draft;
        self.sample = stored.sample;
        self.signed = None;
        self.drop_unfit_choices();
        self.notice = Some(notice);
    }

    /// Keeps the current draft as a previous draft (samples and blank drafts are not kept).
    fn keep_current(&mut self, at: &str) {
        let current = StoredDraft::new(self.draft.clone(), at, self.sample);
        history::push(&mut self.history, current);
    }

    fn drop_unfit_choices(&mut self) {
        let catalog = match &self.catalog {
            CatalogState::Ready(c) => c.catalog.clone(),
            _ => return,
        };
        let period = self.draft.sheet.period;
        let tier = catalog.tier(&self.draft.sheet.tier);
        if !tier.is_some_and(|t| t.periods.contains(period)) {
            self.draft.sheet.tier.clear();
            self.draft.sheet.variant = None;
            self.screen = Screen::Start;
        } else if let (Some(t), Some(v)) = (tier, &self.draft.sheet.variant) {
            if t.variant(v).is_none() {
                self.draft.sheet.variant = None;
            }
        }
        if !catalog.periods.contains(period) {
            self.draft.sheet.period = DEFAULT_PERIOD;
        }
    }
}

fn apply_edit(sheet: &mut AnswerSheet, criterion: String, edit: AnswerEdit) {
    let answer = sheet.answers.entry(criterion.clone()).or_default();
    match edit {
        AnswerEdit::Numerator(v) => answer.numerator = v,
        AnswerEdit::Denominator(v) => answer.denominator = v,
        AnswerEdit::Yes(v) => answer.yes = v,
        AnswerEdit::Level(v) => answer.level = v,
        AnswerEdit::Count(v) => answer.count = v,
        AnswerEdit::Maturity(v) => answer.maturity = v,
        AnswerEdit::Note(text) => answer.note = text,
        AnswerEdit::AddEvidence(e) => answer.evidence.push(e),
        AnswerEdit::NotApplicable(true) => {
            let reason = answer.not_applicable.take().unwrap_or_default();
            *answer = Answer {
                not_applicable: Some(reason),
                evidence: std::mem::take(&mut answer.evidence),
                note: std::mem::take(&mut answer.note),
                ..Answer::default()
            };
        }
        AnswerEdit::NotApplicable(false) => answer.not_applicable = None,
        AnswerEdit::NotApplicableReason(reason) => {
            answer
                .not_applicable
                .get_or_insert_with(Default::default)
                .reason = reason
        }
        AnswerEdit::RemoveEvidence(i) => {
            if i < answer.evidence.len() {
                answer.evidence.remove(i);
            }
        }
    }
    if *answer == Answer::default() {
        sheet.answers.remove(&criterion);
    }
}

/// Where the unit stands, criterion by criterion: each criterion is in exactly one of the three
/// counts, so they always add up to the total (an answer with an error is "to correct", neither
/// answered nor open).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub answered: u32,
    pub open: u32,
    pub to_correct: u32,
    pub total: u32,
}

impl Progress {
    pub fn of(assessment: &tdg_model::Assessment) -> Progress {
        use tdg_model::Status;
        let mut p = Progress {
            answered: 0,
            open: 0,
            to_correct: 0,
            total: 0,
        };
        for c in &assessment.criteria {
            p.total += 1;
            match c.status {
                Status::Scored | Status::MissingEvidence | Status::NotApplicable => p.answered += 1,
                Status::Open | Status::Incomplete => p.open += 1,
                Status::Invalid => p.to_correct += 1,
            }
        }
        p
    }
}

impl yew::Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(AppState::reduce(&self, action))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use tdg_model::Text;

    pub fn loaded() -> Shared<LoadedCatalog> {
        let bytes = include_bytes!("../../../assets/catalogs/hp-175-kh-ubnd.json").to_vec();
        Shared::new(LoadedCatalog {
            catalog: Shared::new(Catalog::from_json(&bytes).expect("shipped catalog is valid")),
            bytes,
        })
    }

    fn ready() -> AppState {
        AppState::new(Lang::Vi, 2026).reduce(Action::CatalogLoaded(loaded()))
    }

    fn commune() -> AppState {
        ready().reduce(Action::ChooseTier("xa-phuong".into()))
    }

    fn edit(criterion: &str, edit: AnswerEdit) -> Action {
        Action::Edit {
            criterion: criterion.into(),
            edit,
        }
    }

    #[test]
    fn not_applicable_replaces_the_figures_keeps_the_evidence_and_counts_as_answered() {
        let id = "sn.dinh-danh";
        let doc = Evidence::Document {
            number: "12/QĐ-UBND".into(),
            date: None,
            title: String::new(),
        };
        let s = ready()
            .reduce(Action::ChooseTier("so-nganh".into()))
            .reduce(edit(id, AnswerEdit::Numerator(Some(3))))
            .reduce(edit(id, AnswerEdit::AddEvidence(doc.clone())))
            .reduce(edit(id, AnswerEdit::NotApplicable(true)));
        let answer = &s.draft.sheet.answers[id];
        assert_eq!(
            answer.numerator, None,
            "a criterion that does not apply has no figures"
        );
        assert_eq!(answer.evidence, vec![doc]);
        let catalog = loaded();
        let score = |s: &AppState| {
            tdg_model::score(&catalog.catalog, &s.sheet_for_scoring()).expect("scores")
        };
        // Without its reason it is to correct; with it, answered, and the total is rescaled.
        assert_eq!(Progress::of(&score(&s)).to_correct, 1);
        let s = s.reduce(edit(
            id,
            AnswerEdit::NotApplicableReason("Không tiếp nhận".into()),
        ));
        let a = score(&s);
        assert_eq!(
            (Progress::of(&a).answered, Progress::of(&a).to_correct),
            (1, 0)
        );
        assert!(a.rescaled.is_some());
        // Withdrawn: an open criterion again, the reason gone with the choice.
        let s = s.reduce(edit(id, AnswerEdit::NotApplicable(false)));
        assert_eq!(s.draft.sheet.answers[id].not_applicable, None);
        assert!(score(&s).rescaled.is_none());
    }

    #[test]
    fn an_answer_in_error_is_to_correct_and_the_counts_add_up() {
        // 1,200 files processed out of 1,000: an error, neither answered nor open.
        let s = commune()
            .reduce(edit(
                "xp.ho-so-truc-tuyen",
                AnswerEdit::Numerator(Some(1200)),
            ))
            .reduce(edit(
                "xp.ho-so-truc-tuyen",
                AnswerEdit::Denominator(Some(1000)),
            ));
        let catalog = loaded();
        let a = tdg_model::score(&catalog.catalog, &s.sheet_for_scoring()).expect("scores");
        let p = Progress::of(&a);
        // As many criteria as the catalog gives the commune tier.
        let n = a.criteria.len() as u32;
        assert!(n >= 6);
        assert_eq!(
            p,
            Progress {
                answered: 0,
                open: n - 1,
                to_correct: 1,
                total: n
            }
        );
        assert_eq!(p.answered + p.open + p.to_correct, p.total);
        // Corrected, it is answered.
        let s = s.reduce(edit(
            "xp.ho-so-truc-tuyen",
            AnswerEdit::Numerator(Some(800)),
        ));
        let a = tdg_model::score(&catalog.catalog, &s.sheet_for_scoring()).expect("scores");
        assert_eq!(
            (Progress::of(&a).answered, Progress::of(&a).to_correct),
            (1, 0)
        );
    }

    #[test]
    fn language_switches() {
        assert_eq!(ready().reduce(Action::SetLang(Lang::En)).lang, Lang::En);
    }

    #[test]
    fn chooses_a_tier_that_exists_for_the_period() {
        let s = commune();
        assert_eq!(s.draft.sheet.tier, "xa-phuong");
        assert!(s.ready_to_assess());
        let s = s.reduce(Action::ChooseTier("quan-huyen".into()));
        assert_eq!(s.draft.sheet.tier, "xa-phuong", "no district tier in 2026");
        let s = s.reduce(Action::ChooseTier("khong-co".into()));
        assert_eq!(s.draft.sheet.tier, "xa-phuong");
    }

    #[test]
    fn changing_the_period_drops_a_tier_that_no_longer_exists() {
        let s = ready()
            .reduce(Action::SetPeriod(2024))
            .reduce(Action::ChooseTier("quan-huyen".into()));
        assert_eq!(s.draft.sheet.tier, "quan-huyen");
        let s = s.reduce(Action::SetPeriod(2026));
        assert_eq!(
            (s.draft.sheet.period, s.draft.sheet.tier.as_str()),
            (2026, "")
        );
        let s = s.reduce(Action::SetPeriod(2040));
        assert_eq!(s.draft.sheet.period, 2026, "outside the catalog's periods");
    }

    /// Review M7: the print's signer starts as the tier's usual block (a commune's People's
    /// Committee signs "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"), follows a change of tier while
    /// untouched, and is never replaced once the unit typed its own.
    #[test]
    fn the_signer_follows_the_tier_until_the_unit_types_its_own() {
        let doc = |s: &AppState| {
            let d = &s.draft.document;
            (
                d.signer_authority,
                d.signer_on_behalf_of.clone(),
                d.signer_position.clone(),
            )
        };
        let s = commune();
        assert_eq!(
            doc(&s),
            (Authority::Tm, "ỦY BAN NHÂN DÂN".into(), "CHỦ TỊCH".into())
        );
        let s = s.reduce(Action::ChooseTier("so-nganh".into()));
        assert_eq!(doc(&s), (Authority::None, "".into(), "GIÁM ĐỐC".into()));
        let s = s.reduce(Action::ChooseTier("ca-nhan".into()));
        assert_eq!(doc(&s), (Authority::None, "".into(), "".into()));
        let typed = commune().reduce(Action::EditDocument(DocEdit::Text(
            DocField::SignerPosition,
            "PHÓ CHỦ TỊCH".into(),
        )));
        let s = typed.reduce(Action::ChooseTier("so-nganh".into()));
        assert_eq!(
            doc(&s),
            (
                Authority::Tm,
                "ỦY BAN NHÂN DÂN".into(),
                "PHÓ CHỦ TỊCH".into()
            )
        );
    }

    /// Walk-through L10: a commune's name kept under "Tên doanh nghiệp" is said, until the user
    /// changes it or goes back to the commune; a name typed for the enterprise is not flagged.
    #[test]
    fn a_unit_name_kept_across_a_change_of_tier_is_said_until_changed() {
        let from = |s: &AppState| s.carried_from().map(|t| t.id.clone());
        let s = commune().reduce(Action::SetUnit(UnitField::Name, "UBND xã An Lư".into()));
        assert_eq!(from(&s), None);
        let s = s.reduce(Action::ChooseTier("doanh-nghiep".into()));
        assert_eq!(from(&s).as_deref(), Some("xa-phuong"));
        // A second switch still names the tier it was typed for.
        let s = s.reduce(Action::ChooseTier("so-nganh".into()));
        assert_eq!(from(&s).as_deref(), Some("xa-phuong"));
        assert_eq!(
            from(&s.reduce(Action::ChooseTier("xa-phuong".into()))),
            None,
            "back where it was typed"
        );
        let s = s.reduce(Action::SetUnit(UnitField::Name, "Sở Xây dựng".into()));
        assert_eq!(from(&s), None, "changed by the user");
        assert_eq!(
            from(&s.reduce(Action::ChooseTier("ca-nhan".into()))).as_deref(),
            Some("so-nganh"),
            "typed for the department, then carried to the individual"
        );
        // Nothing typed, nothing said.
        assert_eq!(
            from(&commune().reduce(Action::ChooseTier("so-nganh".into()))),
            None
        );
    }

    #[test]
    fn variants_belong_to_the_chosen_tier_and_gate_the_form() {
        let s = ready().reduce(Action::ChooseTier("doanh-nghiep".into()));
        assert!(!s.ready_to_assess());
        assert_eq!(s.reduce(Action::Go(Screen::Assess)).screen, Screen::Start);
        let s = s.reduce(Action::ChooseVariant("can-bo".into()));
        assert_eq!(s.draft.sheet.variant, None);
        let s = s.reduce(Action::ChooseVariant("cntt".into()));
        assert_eq!(s.draft.sheet.variant.as_deref(), Some("cntt"));
        assert_eq!(s.reduce(Action::Go(Screen::Assess)).screen, Screen::Assess);
        let s = s.reduce(Action::ChooseTier("xa-phuong".into()));
        assert_eq!(
            s.draft.sheet.variant, None,
            "a new tier starts without a variant"
        );
    }

    #[test]
    fn edits_build_answers_and_empty_answers_disappear() {
        let s = commune()
            .reduce(edit(
                "xp.ho-so-truc-tuyen",
                AnswerEdit::Numerator(Some(700)),
            ))
            .reduce(edit(
                "xp.ho-so-truc-tuyen",
                AnswerEdit::Denominator(Some(1000)),
            ));
        let a = &s.draft.sheet.answers["xp.ho-so-truc-tuyen"];
        assert_eq!((a.numerator, a.denominator), (Some(700), Some(1000)));
        let doc = Evidence::Link {
            url: "https://x.vn/a".into(),
        };
        let s = s.reduce(edit("xp.ho-so-truc-tuyen", AnswerEdit::AddEvidence(doc)));
        assert_eq!(
            s.draft.sheet.answers["xp.ho-so-truc-tuyen"].evidence.len(),
            1
        );
        let s = s
            .reduce(edit("xp.ho-so-truc-tuyen", AnswerEdit::RemoveEvidence(0)))
            .reduce(edit("xp.ho-so-truc-tuyen", AnswerEdit::RemoveEvidence(5)))
            .reduce(edit("xp.ho-so-truc-tuyen", AnswerEdit::Numerator(None)))
            .reduce(edit("xp.ho-so-truc-tuyen", AnswerEdit::Denominator(None)));
        assert!(s.draft.sheet.answers.is_empty());
        let s = s.reduce(edit("sn.nhiem-vu", AnswerEdit::Count(Some(1))));
        assert!(
            s.draft.sheet.answers.is_empty(),
            "a criterion of another tier is not edited"
        );
    }

    #[test]
    fn answers_of_another_tier_stay_in_the_draft_but_are_not_scored() {
        let s = commune().reduce(edit("xp.tuyen-truyen", AnswerEdit::Count(Some(3))));
        let s = s.reduce(Action::ChooseTier("so-nganh".into()));
        assert!(s.sheet_for_scoring().answers.is_empty());
        let s = s.reduce(Action::ChooseTier("xa-phuong".into()));
        assert_eq!(
            s.sheet_for_scoring().answers["xp.tuyen-truyen"].count,
            Some(3)
        );
    }

    fn replace(draft: Draft, sample: bool, at: &str) -> Action {
        Action::ReplaceDraft {
            draft,
            sample,
            notice: Notice::info(Text::new("a", "b")),
            at: at.into(),
        }
    }

    #[test]
    fn an_exercise_opens_its_sample_and_ends_when_another_draft_replaces_it() {
        let s = commune().reduce(Action::SetUnit(UnitField::Name, "UBND xã A".into()));
        let own = s.draft.clone();
        let sample = named(&s, "Đơn vị mẫu");
        let s = s.reduce(Action::StartExercise {
            id: "xa-minh-chung".into(),
            draft: sample.clone(),
            notice: Notice::info(Text::new("a", "b")),
            at: "t1".into(),
        });
        assert_eq!(s.exercise.as_deref(), Some("xa-minh-chung"));
        assert!(s.sample, "an exercise's draft is a sample: never kept");
        assert_eq!(s.draft, sample);
        assert_eq!(s.history[0].draft, own, "the participant's draft is kept");
        assert_eq!(s.screen, Screen::Assess);
        let edited = s.reduce(edit("xp.tuyen-truyen", AnswerEdit::Count(Some(6))));
        assert_eq!(edited.exercise.as_deref(), Some("xa-minh-chung"));
        for action in [
            replace(own.clone(), false, "t2"),
            Action::RestorePrevious {
                index: 0,
                at: "t2".into(),
            },
            Action::Reset { at: "t2".into() },
        ] {
            assert_eq!(s.reduce(action).exercise, None);
        }
    }

    fn named(s: &AppState, name: &str) -> Draft {
        let mut d = s.draft.clone();
        d.unit.name = name.into();
        d
    }

    fn history_names(s: &AppState) -> Vec<&str> {
        s.history
            .iter()
            .map(|e| e.draft.unit.name.as_str())
            .collect()
    }

    #[test]
    fn replacing_the_draft_keeps_the_old_one_as_a_previous_draft() {
        let mine = commune().reduce(edit("xp.tuyen-truyen", AnswerEdit::Count(Some(3))));
        let other = named(&mine, "Nhập");
        let s = mine.reduce(replace(other.clone(), false, "2026-11-28T06:00:00Z"));
        assert_eq!(s.draft, other);
        assert_eq!(s.history.len(), 1);
        assert_eq!(s.history[0].draft, mine.draft);
        assert_eq!(s.history[0].saved_at, "2026-11-28T06:00:00Z");
        assert_eq!(s.screen, Screen::Assess);
        let back = s.reduce(Action::RestorePrevious {
            index: 0,
            at: "2026-11-28T06:01:00Z".into(),
        });
        assert_eq!(back.draft, mine.draft);
        assert_eq!(
            back.history.iter().map(|e| &e.draft).collect::<Vec<_>>(),
            vec![&other],
            "restoring keeps the current draft"
        );
        assert_eq!(
            back.reduce(Action::RestorePrevious {
                index: 5,
                at: String::new()
            }),
            back
        );
    }

    #[test]
    fn several_previous_drafts_are_kept_and_each_can_be_restored() {
        let mut s = ready();
        for i in 0..7 {
            let d = named(&s, &format!("Đơn vị {i}"));
            s = s.reduce(replace(d, false, &format!("2026-11-28T06:0{i}:00Z")));
        }
        assert_eq!(s.draft.unit.name, "Đơn vị 6");
        assert_eq!(
            history_names(&s),
            vec![
                "Đơn vị 5",
                "Đơn vị 4",
                "Đơn vị 3",
                "Đơn vị 2",
                "Đơn vị 1",
                "Đơn vị 0"
            ],
            "at least five, newest first (the blank draft at the start is not kept)"
        );
        let s = s.reduce(Action::RestorePrevious {
            index: 3,
            at: "2026-11-28T07:00:00Z".into(),
        });
        assert_eq!(s.draft.unit.name, "Đơn vị 2");
        assert_eq!(
            history_names(&s),
            vec![
                "Đơn vị 6",
                "Đơn vị 5",
                "Đơn vị 4",
                "Đơn vị 3",
                "Đơn vị 1",
                "Đơn vị 0"
            ]
        );
    }

    #[test]
    fn opening_samples_never_pushes_a_real_draft_out() {
        let mut s = commune();
        for i in 0..tdg_model::history::HISTORY_LEN {
            let d = named(&s, &format!("Thật {i}"));
            s = s.reduce(replace(d, false, "2026-11-28T06:00:00Z"));
        }
        let real_current = s.draft.clone();
        let real_history = s.history.clone();
        for i in 0..3 * tdg_model::history::HISTORY_LEN {
            let d = named(&s, &format!("Mẫu {i}"));
            s = s.reduce(replace(d, true, "2026-11-28T07:00:00Z"));
            assert!(s.sample);
        }
        // Only the real draft the first sample replaced entered the list (the oldest dropped).
        assert_eq!(s.history[0].draft, real_current);
        assert_eq!(s.history[1..], real_history[..real_history.len() - 1]);
        assert!(s.history.iter().all(|e| !e.sample));
        // Restoring the real draft does not keep the sample either.
        let s = s.reduce(Action::RestorePrevious {
            index: 0,
            at: "2026-11-28T08:00:00Z".into(),
        });
        assert_eq!(s.draft, real_current);
        assert!(!s.sample);
        assert_eq!(s.history[..], real_history[..real_history.len() - 1]);
    }

    #[test]
    fn reset_clears_the_draft_but_keeps_it_as_a_previous_draft() {
        let mine = commune().reduce(edit("xp.tuyen-truyen", AnswerEdit::Count(Some(3))));
        let s = mine.reduce(Action::Reset {
            at: "2026-11-28T06:00:00Z".into(),
        });
        assert!(s.draft.sheet.answers.is_empty());
        assert_eq!(s.draft.sheet.tier, "");
        assert_eq!(s.screen, Screen::Start);
        assert_eq!(s.history[0].draft, mine.draft);
        // A sample is closed, not kept, and the notice does not promise it back.
        let sample = s.reduce(replace(mine.draft.clone(), true, "2026-11-28T06:01:00Z"));
        let closed = sample.reduce(Action::Reset {
            at: "2026-11-28T06:02:00Z".into(),
        });
        assert_eq!(closed.history, sample.history);
        assert!(closed
            .notice
            .is_some_and(|n| n.text.en.contains("samples are not kept")));
    }

    #[test]
    fn another_tab_saving_is_followed_or_asked_about_and_nothing_is_lost() {
        let mine = commune().reduce(edit("xp.tuyen-truyen", AnswerEdit::Count(Some(3))));
        let theirs = StoredDraft::new(named(&mine, "Thẻ kia"), "2026-11-28T06:00:00Z", false);
        // Nothing unsaved here: this tab shows the other tab's draft, and says so.
        let s = mine.reduce(Action::OtherTabSaved(theirs.clone()));
        assert_eq!(s.draft, theirs.draft);
        assert_eq!(s.notice.as_ref().map(|n| n.kind), Some(NoticeKind::Info));
        // Unsaved changes here: this tab stops saving until the user chooses.
        let s = mine.reduce(Action::TabConflict);
        assert!(s.conflict);
        assert_eq!(s.draft, mine.draft, "what was typed here stays on screen");
        assert!(s
            .notice
            .as_ref()
            .is_some_and(|n| n.text.vi.contains("tạm ngừng lưu")));
        let taken = s.reduce(Action::TakeOtherTab {
            other: theirs.clone(),
            at: "2026-11-28T06:01:00Z".into(),
        });
        assert!(!taken.conflict);
        assert_eq!(taken.draft, theirs.draft);
        assert_eq!(
            taken.history[0].draft, mine.draft,
            "this tab's work is kept"
        );
        let kept = s.reduce(Action::KeepThisTab {
            other: Some(theirs.clone()),
        });
        assert!(!kept.conflict);
        assert_eq!(kept.draft, mine.draft);
        assert_eq!(kept.history[0], theirs, "the other tab's work is kept");
    }

    #[test]
    fn any_change_to_the_draft_invalidates_the_signed_report() {
        let signed = SignedInfo {
            file_name: "a.json".into(),
            sha256: "00".into(),
            signed_on: day(2026, 11, 20),
        };
        let s = commune().reduce(Action::Signed(signed));
        assert!(s.signed.is_some());
        let s = s.reduce(edit("xp.tuyen-truyen", AnswerEdit::Count(Some(3))));
        assert!(s.signed.is_none());
    }

    fn restore(draft: Draft, set_aside_now: usize) -> Action {
        Action::Restore {
            draft: Some(StoredDraft::new(draft, "", false)),
            history: Vec::new(),
            kept: Vec::new(),
            set_aside_now,
            key: None,
        }
    }

    #[test]
    fn a_draft_set_aside_at_start_is_told_in_both_languages() {
        let s = ready().reduce(restore(Draft::default(), 0));
        assert_eq!(s.notice, None);
        let s = ready().reduce(restore(Draft::default(), 1));
        let notice = s.notice.expect("told");
        assert_eq!(notice.kind, NoticeKind::Error);
        assert!(notice.text.vi.contains("Bản nháp cất riêng"));
        assert!(notice.text.en.contains("Drafts set aside"));
    }

    #[test]
    fn a_restored_draft_opens_the_form() {
        let draft = commune().draft;
        let s = AppState::new(Lang::Vi, 2026).reduce(restore(draft, 0));
        assert_eq!(s.screen, Screen::Start, "no catalog yet");
        let s = s.reduce(Action::CatalogLoaded(loaded()));
        assert!(s.ready_to_assess());
        assert_eq!(s.screen, Screen::Assess);
        let s = ready().reduce(restore(commune().draft, 0));
        assert_eq!(s.screen, Screen::Assess);
    }

    #[test]
    fn a_failed_catalog_keeps_its_message() {
        let s = AppState::new(Lang::Vi, 2026).reduce(Action::CatalogFailed {
            text: tdg_model::Text::new("lỗi", "error"),
        });
        assert!(matches!(s.catalog, CatalogState::Failed { .. }));
        assert!(s.catalog().is_none());
    }

    #[test]
    fn a_forgotten_key_is_gone_and_a_new_one_replaces_it() {
        let key = |fingerprint: &str, protection| KeyInfo {
            did: format!("did:key:z{fingerprint}"),
            fingerprint: fingerprint.into(),
            protection,
        };
        let state = ready().reduce(Action::KeyReady(key("AAAA", KeyProtection::Pending)));
        let state = state.reduce(Action::KeyReady(key("AAAA", KeyProtection::Browser)));
        assert_eq!(
            state.key.as_ref().map(|k| k.protection),
            Some(KeyProtection::Browser)
        );
        let state = state.reduce(Action::KeyForgotten);
        assert_eq!(state.key, None);
    }

    fn day(year: i32, month: u8, day: u8) -> Date {
        Date::new(year, month, day).expect("a real test date")
    }

    #[test]
    fn document_details_are_kept_and_a_signed_report_stays_signed() {
        let signed = SignedInfo {
            file_name: "a.json".into(),
            sha256: "00".into(),
            signed_on: day(2026, 11, 20),
        };
        let s = commune().reduce(Action::Signed(signed.clone()));
        let s = s
            .reduce(Action::EditDocument(DocEdit::Text(
                DocField::Number,
                "12".into(),
            )))
            .reduce(Action::EditDocument(DocEdit::Authority(Authority::Kt)))
            .reduce(Action::EditDocument(DocEdit::Text(
                DocField::PersonName,
                "Lê Văn C".into(),
            )));
        assert_eq!(s.draft.document.number, "12");
        assert_eq!(s.draft.document.signer_authority, Authority::Kt);
        assert_eq!(s.draft.document.person_name, "Lê Văn C");
        assert_eq!(s.signed, Some(signed), "none of it is in the signed report");
    }

    #[test]
    fn the_intended_send_day_is_a_what_if_until_the_report_is_signed() {
        let today = day(2026, 11, 28);
        let s = commune();
        assert_eq!(s.send_day(today), today, "by default, today");
        let s = s.reduce(Action::EditDocument(DocEdit::SendOn(Some(day(
            2026, 12, 15,
        )))));
        assert_eq!(s.send_day(today), day(2026, 12, 15));
        let signed = s.reduce(Action::Signed(SignedInfo {
            file_name: "a.json".into(),
            sha256: "00".into(),
            signed_on: today,
        }));
        assert_eq!(
            signed.send_day(today),
            today,
            "the report carries the signing day"
        );
        // An answer changed after signing: no report is shown, the what-if is back.
        let changed = signed.reduce(edit("xp.tuyen-truyen", AnswerEdit::Count(Some(3))));
        assert_eq!(changed.send_day(today), day(2026, 12, 15));
        let cleared = changed.reduce(Action::EditDocument(DocEdit::SendOn(None)));
        assert_eq!(cleared.send_day(today), today);
    }

    #[test]
    fn the_offline_cache_notices_stay_whatever_other_messages_come() {
        let s = ready();
        assert!(!s.update_ready);
        let s = s.reduce(Action::UpdateReady);
        assert!(s.update_ready);
        let s = s
            .reduce(Action::Notify(Notice::info(Text::new("x", "x"))))
            .reduce(Action::DismissNotice);
        assert!(
            s.update_ready,
            "dismissing a message keeps the new-version notice"
        );
    }

    #[test]
    fn a_sample_is_scored_as_sent_on_its_own_day() {
        let today = day(2026, 11, 28);
        let mut draft = Draft::default();
        draft.sheet.tier = "quan-huyen".into();
        draft.sheet.period = 2024;
        draft.sheet.submitted_on = Some(day(2024, 11, 25));
        let s = AppState::new(Lang::Vi, 2024).reduce(replace(draft.clone(), true, "t"));
        assert_eq!(s.send_day(today), day(2024, 11, 25));
        // A unit's own draft keeps the what-if of today.
        let s = AppState::new(Lang::Vi, 2024).reduce(replace(draft, false, "t"));
        assert_eq!(s.send_day(today), today);
    }
}
