//! The app's state and the one reducer that changes it. Pure: tested natively. Scores are not
//! stored here: the view derives them from the draft with `tdg_model::score`.

use crate::shared::Shared;
use std::rc::Rc;
use tdg_model::draft::{Draft, UnitInfo};
use tdg_model::{Answer, AnswerSheet, Catalog, Evidence, Lang, ScopedSheet};

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
        vi: String,
        en: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Assess,
    Print,
}

/// The unit's public key, as shown to people, and how its private key is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyInfo {
    pub did: String,
    pub fingerprint: String,
    pub protection: KeyProtection,
}

/// How the unit's private key is kept on this computer (see `key_store.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    pub vi: String,
    pub en: String,
}

impl Notice {
    pub fn error(vi: impl Into<String>, en: impl Into<String>) -> Notice {
        Notice {
            kind: NoticeKind::Error,
            vi: vi.into(),
            en: en.into(),
        }
    }
    pub fn info(vi: impl Into<String>, en: impl Into<String>) -> Notice {
        Notice {
            kind: NoticeKind::Info,
            vi: vi.into(),
            en: en.into(),
        }
    }
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub catalog: CatalogState,
    pub screen: Screen,
    pub draft: Draft,
    /// The draft an import, a sample or a reset replaced: one step back is always possible.
    pub backup: Option<Draft>,
    pub key: Option<KeyInfo>,
    pub signed: Option<SignedInfo>,
    pub notice: Option<Notice>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitField {
    Name,
    Code,
    Group,
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
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    CatalogLoaded(Shared<LoadedCatalog>),
    CatalogFailed {
        vi: String,
        en: String,
    },
    /// The draft and backup found on the device at start-up.
    Restore {
        draft: Draft,
        backup: Option<Draft>,
        key: Option<KeyInfo>,
    },
    SetPeriod(i32),
    ChooseTier(String),
    ChooseVariant(String),
    SetUnit(UnitField, String),
    Go(Screen),
    Edit {
        criterion: String,
        edit: AnswerEdit,
    },
    /// An imported draft or a sample unit replaces the draft; the old one becomes the backup.
    ReplaceDraft {
        draft: Draft,
        notice: Notice,
    },
    RestoreBackup,
    Reset,
    KeyReady(KeyInfo),
    /// The key was removed from this computer ("Forget this key").
    KeyForgotten,
    Signed(SignedInfo),
    Notify(Notice),
    DismissNotice,
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
            catalog: CatalogState::Loading,
            screen: Screen::Start,
            draft: Draft {
                unit: UnitInfo::default(),
                sheet,
            },
            backup: None,
            key: None,
            signed: None,
            notice: None,
        }
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

    /// Applies one action. Choices that do not fit the catalog or the period are ignored, so the
    /// state never names a tier that does not exist for its year.
    pub fn reduce(&self, action: Action) -> AppState {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::CatalogLoaded(catalog) => {
                let first = self.catalog == CatalogState::Loading;
                next.catalog = CatalogState::Ready(catalog);
                next.drop_unfit_choices();
                // A draft restored before the catalog arrived opens where the user left it.
                if first && next.ready_to_assess() {
                    next.screen = Screen::Assess;
                }
            }
            Action::CatalogFailed { vi, en } => next.catalog = CatalogState::Failed { vi, en },
            Action::Restore { draft, backup, key } => {
                next.draft = draft;
                next.backup = backup;
                next.key = key;
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
                    next.draft.sheet.variant = None;
                    next.draft.sheet.tier = id;
                    next.signed = None;
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
            Action::ReplaceDraft { draft, notice } => {
                next.backup = Some(self.draft.clone());
                next.draft = draft;
                next.signed = None;
                next.notice = Some(notice);
                next.drop_unfit_choices();
                next.screen = if next.ready_to_assess() {
                    Screen::Assess
                } else {
                    Screen::Start
                };
            }
            Action::RestoreBackup => {
                if let Some(backup) = &self.backup {
                    next.backup = Some(self.draft.clone());
                    next.draft = backup.clone();
                    next.signed = None;
                    next.drop_unfit_choices();
                    next.notice = Some(Notice::info(
                        "Đã khôi phục bản nháp trước đó.",
                        "The previous draft is restored.",
                    ));
                }
            }
            Action::Reset => {
                next.backup = Some(self.draft.clone());
                next.draft = AppState::new(self.lang, self.draft.sheet.period).draft;
                next.signed = None;
                next.screen = Screen::Start;
                next.notice = Some(Notice::info(
                    "Đã xóa bản nháp. Có thể khôi phục bản vừa xóa bằng nút “Khôi phục bản nháp trước”.",
                    "The draft is cleared. The cleared draft can be restored with “Restore previous draft”.",
                ));
            }
            Action::KeyReady(key) => next.key = Some(key),
            Action::KeyForgotten => next.key = None,
            Action::Signed(signed) => next.signed = Some(signed),
            Action::Notify(notice) => next.notice = Some(notice),
            Action::DismissNotice => next.notice = None,
        }
        next
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

impl yew::Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(AppState::reduce(&self, action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn replacing_the_draft_keeps_the_old_one_as_backup() {
        let mine = commune().reduce(edit("xp.tuyen-truyen", AnswerEdit::Count(Some(3))));
        let mut other = mine.draft.clone();
        other.unit.name = "Mẫu".into();
        let s = mine.reduce(Action::ReplaceDraft {
            draft: other.clone(),
            notice: Notice::info("a", "b"),
        });
        assert_eq!(s.draft, other);
        assert_eq!(s.backup.as_ref(), Some(&mine.draft));
        assert_eq!(s.screen, Screen::Assess);
        let back = s.reduce(Action::RestoreBackup);
        assert_eq!(back.draft, mine.draft);
        assert_eq!(
            back.backup.as_ref(),
            Some(&other),
            "restoring is itself undoable"
        );
    }

    #[test]
    fn reset_clears_the_draft_but_keeps_it_as_backup() {
        let mine = commune().reduce(edit("xp.tuyen-truyen", AnswerEdit::Count(Some(3))));
        let s = mine.reduce(Action::Reset);
        assert!(s.draft.sheet.answers.is_empty());
        assert_eq!(s.draft.sheet.tier, "");
        assert_eq!(s.screen, Screen::Start);
        assert_eq!(s.backup.as_ref(), Some(&mine.draft));
    }

    #[test]
    fn any_change_to_the_draft_invalidates_the_signed_report() {
        let signed = SignedInfo {
            file_name: "a.json".into(),
            sha256: "00".into(),
        };
        let s = commune().reduce(Action::Signed(signed));
        assert!(s.signed.is_some());
        let s = s.reduce(edit("xp.tuyen-truyen", AnswerEdit::Count(Some(3))));
        assert!(s.signed.is_none());
    }

    #[test]
    fn a_restored_draft_opens_the_form() {
        let draft = commune().draft;
        let s = AppState::new(Lang::Vi, 2026).reduce(Action::Restore {
            draft,
            backup: None,
            key: None,
        });
        assert_eq!(s.screen, Screen::Start, "no catalog yet");
        let s = s.reduce(Action::CatalogLoaded(loaded()));
        assert!(s.ready_to_assess());
        assert_eq!(s.screen, Screen::Assess);
        let s = ready().reduce(Action::Restore {
            draft: commune().draft,
            backup: None,
            key: None,
        });
        assert_eq!(s.screen, Screen::Assess);
    }

    #[test]
    fn a_failed_catalog_keeps_its_message() {
        let s = AppState::new(Lang::Vi, 2026).reduce(Action::CatalogFailed {
            vi: "lỗi".into(),
            en: "error".into(),
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
}
