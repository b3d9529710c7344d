//! The part of the state that embedding adds (`tdg-portal` parses; this decides what a parsed
//! message, link or file does to the draft). Pure, tested natively like the rest of the
//! reducer. A child module of `state`, so that it uses the reducer's own steps
//! (`keep_current`, `open`) rather than copies of them.

use super::{Action, AppState, Notice, Screen, UnitField};
use crate::i18n::embed as words;
use tdg_model::draft::StoredDraft;
use tdg_model::history;
use tdg_model::Localized;
use tdg_portal::deep_link::{DeepLink, Why};
use tdg_portal::protocol::Configure;
use tdg_portal::{EmbedConfig, Loaded};

/// Whether the draft can be kept on this device.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StorageAccess {
    /// Storage works (top level, or a same-site frame).
    #[default]
    Available,
    /// A cross-site frame with third-party storage blocked: the user is offered the button
    /// that asks for access.
    Blocked,
    /// The browser refused access: the user is offered a new tab and the draft export.
    Refused,
    /// A cross-site frame whose storage works but is partitioned by the host's site (what
    /// Chrome does with third-party cookies blocked): the draft is kept, but apart from the
    /// tool's own drafts and key (those of the tool opened directly). The user may ask to use
    /// the tool's own storage; a refusal changes nothing.
    Partitioned,
    /// Access was granted: the site's storage is used through the granted handle.
    Granted,
}

/// What a cross-site frame does about storage at start-up (`crate::portal::check_storage`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageStart {
    /// The frame has its site's own storage (same site, or third-party cookies allowed).
    Own,
    /// Access was granted before (the browser keeps the grant): take it now, without a click.
    Take,
    /// No storage at all: offer the button that asks for it.
    Blocked,
    /// The host site's partition: offer the tool's own storage.
    Partitioned,
}

impl StorageStart {
    /// `blocked`: `window.localStorage` throws; `has_access`: `document.hasStorageAccess()`;
    /// `granted`: the `storage-access` permission is already granted.
    pub fn decide(blocked: bool, has_access: bool, granted: bool) -> Self {
        match (blocked, has_access, granted) {
            (false, true, _) => Self::Own,
            (_, _, true) => Self::Take,
            (true, _, false) => Self::Blocked,
            (false, false, false) => Self::Partitioned,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedState {
    /// `embed.json` (the defaults until it is read, or when it cannot be).
    pub config: EmbedConfig,
    /// The page is framed by another page.
    pub embedded: bool,
    /// Values from the host that would replace what the user typed: waiting for the user.
    pub prefill: Option<Configure>,
    pub storage: StorageAccess,
}

impl EmbedState {
    /// The portal's name for the button that sends the report, when a host may receive it.
    pub fn portal_name(&self) -> Option<tdg_model::Text> {
        if !self.embedded || self.config.allowed_origins.is_empty() {
            return None;
        }
        Some(
            self.config
                .portal_name
                .clone()
                .unwrap_or_else(|| crate::i18n::embed::THE_PORTAL.into()),
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum EmbedAction {
    /// `embed.json` was read (or found missing: the defaults).
    ConfigLoaded {
        loaded: Loaded,
        embedded: bool,
    },
    /// The host page sent `configure`.
    Configure(Configure),
    /// The user takes the host's values over what they typed.
    AcceptPrefill,
    /// The user keeps what they typed.
    DeclinePrefill,
    /// The page was opened with `?tier=…&year=…&lang=…` (samples are opened by the app,
    /// which fetches them).
    DeepLink(DeepLink),
    StorageBlocked,
    /// The frame's storage works but is the host site's partition (see
    /// `StorageAccess::Partitioned`).
    StoragePartitioned,
    StorageRefused,
    /// Access granted: what the site's storage holds, read through the handle.
    StorageGranted {
        draft: Option<StoredDraft>,
        history: Vec<StoredDraft>,
        at: String,
    },
}

impl AppState {
    /// True when `c` would replace something the user typed or chose (the app then tells the
    /// host it waits for the user).
    pub fn prefill_conflicts(&self, c: &Configure) -> bool {
        let mut copy = self.clone();
        copy.apply_configure(c, false).is_some()
    }

    pub(super) fn reduce_embed(&mut self, action: EmbedAction) {
        match action {
            EmbedAction::ConfigLoaded { loaded, embedded } => {
                if let (Some(lang), false) = (loaded.config.default_lang, self.lang_chosen) {
                    self.lang = lang;
                }
                if !loaded.problems.is_empty() {
                    let list = |lang| {
                        loaded
                            .problems
                            .iter()
                            .map(|p| p.message(lang))
                            .collect::<Vec<_>>()
                            .join("; ")
                    };
                    self.notice = Some(Notice::error(crate::i18n::embed::config_problems(
                        loaded.fell_back(),
                        &list(tdg_model::Lang::Vi),
                        &list(tdg_model::Lang::En),
                    )));
                }
                self.embed.config = loaded.config;
                self.embed.embedded = embedded;
            }
            EmbedAction::Configure(c) => {
                self.embed.prefill = self.apply_configure(&c, false);
                if self.embed.prefill.is_some() {
                    self.notice = Some(Notice::info(words::PAGE_EMBEDDING_TOOL_OFFERS));
                }
            }
            EmbedAction::AcceptPrefill => {
                if let Some(c) = self.embed.prefill.take() {
                    self.apply_configure(&c, true);
                }
            }
            EmbedAction::DeclinePrefill => self.embed.prefill = None,
            EmbedAction::DeepLink(link) => self.open_link(link),
            EmbedAction::StorageBlocked => self.embed.storage = StorageAccess::Blocked,
            EmbedAction::StoragePartitioned => self.embed.storage = StorageAccess::Partitioned,
            // The frame's own (partitioned) storage still keeps the draft: only say so.
            EmbedAction::StorageRefused if self.embed.storage == StorageAccess::Partitioned => {
                self.notice = Some(Notice::info(words::BROWSER_DOES_NOT_ALLOW))
            }
            EmbedAction::StorageRefused => self.embed.storage = StorageAccess::Refused,
            EmbedAction::StorageGranted { draft, history, at } => {
                self.embed.storage = StorageAccess::Granted;
                // What was done before access was granted joins what the storage holds.
                let unsaved = std::mem::replace(&mut self.history, history);
                for entry in unsaved.into_iter().rev() {
                    history::push(&mut self.history, entry);
                }
                match draft {
                    Some(stored) if stored.draft != self.draft => {
                        self.keep_current(&at);
                        self.open(stored, Notice::info(words::SAVING_FRAME_ALLOWED_SAVED));
                        if self.ready_to_assess() {
                            self.screen = Screen::Assess;
                        }
                    }
                    _ => self.notice = Some(Notice::info(words::SAVING_ALLOWED_DRAFT_FRAME)),
                }
            }
        }
    }

    /// Fills what is empty (or equal) from `c`; what would replace the user's own entry is
    /// applied only with `overwrite`, and otherwise returned as what waits for the user.
    fn apply_configure(&mut self, c: &Configure, overwrite: bool) -> Option<Configure> {
        let mut waiting = Configure::default();
        if let Some(lang) = c.lang {
            self.lang = lang;
        }
        let unit = [
            (UnitField::Name, &c.unit_name, &mut waiting.unit_name),
            (UnitField::Code, &c.unit_code, &mut waiting.unit_code),
            (UnitField::Group, &c.cluster, &mut waiting.cluster),
        ];
        for (field, given, wait) in unit {
            let Some(given) = given else { continue };
            let current = match field {
                UnitField::Name => &self.draft.unit.name,
                UnitField::Code => &self.draft.unit.code,
                UnitField::Group => &self.draft.unit.group,
            };
            if current == given {
                continue;
            }
            if current.trim().is_empty() || overwrite {
                *self = self.reduce(Action::SetUnit(field, given.clone()));
            } else {
                *wait = Some(given.clone());
            }
        }
        // The year, tier and variant go together: a tier means nothing without its year.
        let sheet = &self.draft.sheet;
        let differs = c.period.is_some_and(|p| p != sheet.period)
            || c.tier.as_ref().is_some_and(|t| *t != sheet.tier)
            || c.variant
                .as_ref()
                .is_some_and(|v| Some(v) != sheet.variant.as_ref());
        if differs {
            if sheet.tier.is_empty() || overwrite {
                self.choose(c.period, c.tier.as_deref(), c.variant.as_deref());
            } else {
                waiting.period = c.period;
                waiting.tier = c.tier.clone();
                waiting.variant = c.variant.clone();
            }
        }
        (waiting != Configure::default()).then_some(waiting)
    }

    /// The year, then the tier, then the variant, each checked by the reducer.
    fn choose(&mut self, period: Option<i32>, tier: Option<&str>, variant: Option<&str>) {
        if let Some(p) = period {
            *self = self.reduce(Action::SetPeriod(p));
        }
        if let Some(t) = tier {
            *self = self.reduce(Action::ChooseTier(t.into()));
        }
        if let Some(v) = variant {
            *self = self.reduce(Action::ChooseVariant(v.into()));
        }
    }

    fn open_link(&mut self, mut link: DeepLink) {
        if let Some(lang) = link.lang {
            // A link's language is a choice: an embed.json read after it (its default
            // language) must not switch the page back (a race seen in portal-config.test.mjs).
            self.lang = lang;
            self.lang_chosen = true;
        }
        self.choose(link.year, link.tier.as_deref(), link.variant.as_deref());
        let sheet = &self.draft.sheet;
        let mut unused = Vec::new();
        if let Some(y) = link.year.filter(|y| *y != sheet.period) {
            unused.push(format!("year={y}"));
        }
        if let Some(t) = link.tier.as_ref().filter(|t| **t != sheet.tier) {
            unused.push(format!("tier={t}"));
        }
        if let Some(v) = link
            .variant
            .as_ref()
            .filter(|v| Some(*v) != sheet.variant.as_ref())
        {
            unused.push(format!("variant={v}"));
        }
        for param in unused {
            link.ignore(&param, Why::NotInCatalog);
        }
        if link.tier.is_some() && self.ready_to_assess() {
            self.screen = Screen::Assess;
        }
        if !link.ignored.is_empty() {
            let list = |lang| {
                link.ignored
                    .iter()
                    .map(|i| i.message(lang))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            self.notice = Some(Notice::error(crate::i18n::embed::link_ignored(
                &list(tdg_model::Lang::Vi),
                &list(tdg_model::Lang::En),
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::loaded;
    use super::*;
    use crate::state::{CatalogState, DEFAULT_PERIOD};
    use tdg_model::Lang;
    use tdg_model::Text;

    fn ready() -> AppState {
        AppState::new(Lang::Vi, DEFAULT_PERIOD).reduce(Action::CatalogLoaded(loaded()))
    }

    fn embed(action: EmbedAction) -> Action {
        Action::Embed(action)
    }

    fn configure() -> Configure {
        Configure {
            unit_name: Some("UBND xã Tiên Lãng".into()),
            unit_code: Some("XA-01".into()),
            cluster: Some("Cụm 3".into()),
            tier: Some("xa-phuong".into()),
            variant: None,
            period: Some(2026),
            lang: None,
        }
    }

    #[test]
    fn configure_fills_an_empty_draft() {
        let s = ready().reduce(embed(EmbedAction::Configure(configure())));
        assert_eq!(s.draft.unit.name, "UBND xã Tiên Lãng");
        assert_eq!(s.draft.unit.code, "XA-01");
        assert_eq!(s.draft.unit.group, "Cụm 3");
        assert_eq!(s.draft.sheet.tier, "xa-phuong");
        assert_eq!(s.embed.prefill, None);
        assert!(!ready().prefill_conflicts(&configure()));
    }

    #[test]
    fn configure_never_overwrites_what_the_user_typed_without_asking() {
        let typed = ready()
            .reduce(Action::SetUnit(
                UnitField::Name,
                "UBND phường Lê Chân".into(),
            ))
            .reduce(Action::ChooseTier("so-nganh".into()));
        assert!(typed.prefill_conflicts(&configure()));
        let s = typed.reduce(embed(EmbedAction::Configure(configure())));
        // What was empty is filled; what was typed stays until the user chooses.
        assert_eq!(s.draft.unit.name, "UBND phường Lê Chân");
        assert_eq!(s.draft.unit.code, "XA-01");
        assert_eq!(s.draft.sheet.tier, "so-nganh");
        let waiting = s.embed.prefill.clone().unwrap_or_default();
        assert_eq!(waiting.unit_name.as_deref(), Some("UBND xã Tiên Lãng"));
        assert_eq!(waiting.unit_code, None);
        assert_eq!(waiting.tier.as_deref(), Some("xa-phuong"));
        assert!(s.notice.is_some());

        let declined = s.reduce(embed(EmbedAction::DeclinePrefill));
        assert_eq!(declined.draft.unit.name, "UBND phường Lê Chân");
        assert_eq!(declined.draft.sheet.tier, "so-nganh");
        assert_eq!(declined.embed.prefill, None);

        let accepted = s.reduce(embed(EmbedAction::AcceptPrefill));
        assert_eq!(accepted.draft.unit.name, "UBND xã Tiên Lãng");
        assert_eq!(accepted.draft.sheet.tier, "xa-phuong");
        assert_eq!(accepted.embed.prefill, None);
    }

    #[test]
    fn configure_with_an_unknown_tier_changes_no_tier() {
        let c = Configure {
            tier: Some("khong-co".into()),
            ..Configure::default()
        };
        let s = ready().reduce(embed(EmbedAction::Configure(c)));
        assert_eq!(s.draft.sheet.tier, "");
        assert_eq!(s.embed.prefill, None);
    }

    #[test]
    fn a_deep_link_opens_the_form_and_reports_what_it_could_not_use() {
        let s = ready().reduce(embed(EmbedAction::DeepLink(DeepLink::parse(
            "?tier=xa-phuong&year=2026&lang=en",
        ))));
        assert_eq!(s.draft.sheet.tier, "xa-phuong");
        assert_eq!(s.draft.sheet.period, 2026);
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.screen, Screen::Assess);
        assert_eq!(s.notice, None);

        // The district tier does not exist for 2026; a made-up parameter is reported too.
        let s = ready().reduce(embed(EmbedAction::DeepLink(DeepLink::parse(
            "?tier=quan-huyen&year=2026&utm=x",
        ))));
        assert_eq!(s.draft.sheet.tier, "");
        assert_eq!(s.screen, Screen::Start);
        let notice = s.notice.map(|n| n.text.en).unwrap_or_default();
        assert!(
            notice.contains("tier=quan-huyen (not in the catalog for that year)"),
            "{notice}"
        );
        assert!(notice.contains("utm=x (unknown parameter)"), "{notice}");
    }

    #[test]
    fn the_default_language_applies_only_when_the_user_chose_none() {
        let file = br#"{"version":1,"defaultLanguage":"en","allowedOrigins":["https://cong.vn"]}"#;
        let loaded = tdg_portal::config::parse(file);
        let load = |s: AppState| {
            s.reduce(embed(EmbedAction::ConfigLoaded {
                loaded: loaded.clone(),
                embedded: true,
            }))
        };
        let s = load(ready());
        assert_eq!(s.lang, Lang::En);
        assert_eq!(
            s.embed.portal_name().map(|n| n.vi),
            Some("cổng thông tin".into())
        );
        assert_eq!(
            load(ready().reduce(Action::SetLang(Lang::Vi))).lang,
            Lang::Vi
        );
        // A deep link's language is a choice too, whichever arrives first.
        let vi_default = tdg_portal::config::parse(
            br#"{"version":1,"defaultLanguage":"vi","allowedOrigins":[]}"#,
        );
        let linked = ready().reduce(embed(EmbedAction::DeepLink(DeepLink::parse("?lang=en"))));
        let s = linked.reduce(embed(EmbedAction::ConfigLoaded {
            loaded: vi_default,
            embedded: false,
        }));
        assert_eq!(s.lang, Lang::En);
        // Not embedded: no portal to send to.
        let top = ready().reduce(embed(EmbedAction::ConfigLoaded {
            loaded: loaded.clone(),
            embedded: false,
        }));
        assert_eq!(top.embed.portal_name(), None);
    }

    #[test]
    fn a_broken_embed_file_is_said_and_gives_the_defaults() {
        let s = ready().reduce(embed(EmbedAction::ConfigLoaded {
            loaded: tdg_portal::config::parse(b"{\"version\":1,\n\"allowedOrigins\":[}"),
            embedded: true,
        }));
        assert_eq!(s.embed.config, EmbedConfig::default());
        assert_eq!(s.embed.portal_name(), None);
        let notice = s.notice.unwrap_or_else(|| Notice::info(Text::default()));
        assert!(notice.text.vi.contains("dòng 2"), "{}", notice.text.vi);
        assert!(
            notice.text.en.contains("safe defaults"),
            "{}",
            notice.text.en
        );
    }

    #[test]
    fn granted_storage_opens_the_saved_draft_and_keeps_the_one_in_progress() {
        let stored = StoredDraft::new(
            ready()
                .reduce(Action::SetUnit(UnitField::Name, "Đã lưu".into()))
                .reduce(Action::ChooseTier("xa-phuong".into()))
                .draft,
            "2026-11-27T08:00:00Z",
            false,
        );
        let typed = ready()
            .reduce(embed(EmbedAction::StorageBlocked))
            .reduce(Action::SetUnit(UnitField::Name, "Gõ trong khung".into()));
        assert_eq!(typed.embed.storage, StorageAccess::Blocked);
        let s = typed.reduce(embed(EmbedAction::StorageGranted {
            draft: Some(stored.clone()),
            history: Vec::new(),
            at: "2026-11-28T08:00:00Z".into(),
        }));
        assert_eq!(s.embed.storage, StorageAccess::Granted);
        assert_eq!(s.draft, stored.draft);
        assert_eq!(s.screen, Screen::Assess);
        assert_eq!(s.history.len(), 1);
        assert_eq!(s.history[0].draft.unit.name, "Gõ trong khung");
        // Nothing stored yet: the draft in progress stays (and is saved by the app).
        let s = typed.reduce(embed(EmbedAction::StorageGranted {
            draft: None,
            history: Vec::new(),
            at: "2026-11-28T08:00:00Z".into(),
        }));
        assert_eq!(s.draft.unit.name, "Gõ trong khung");
        assert!(matches!(s.catalog, CatalogState::Ready(_)));
    }

    #[test]
    fn a_refusal_in_a_partitioned_frame_keeps_its_storage_and_says_so() {
        let s = ready()
            .reduce(embed(EmbedAction::StoragePartitioned))
            .reduce(Action::SetUnit(UnitField::Name, "Gõ trong khung".into()))
            .reduce(embed(EmbedAction::StorageRefused));
        // Not the refused panel (new tab, export): the frame's own storage keeps the draft.
        assert_eq!(s.embed.storage, StorageAccess::Partitioned);
        assert_eq!(s.draft.unit.name, "Gõ trong khung");
        let notice = s.notice.unwrap_or_else(|| Notice::error(Text::default()));
        assert!(
            notice.text.vi.contains("Bản nháp vẫn được lưu"),
            "{}",
            notice.text.vi
        );
        assert!(notice.text.en.contains("still saved"), "{}", notice.text.en);
        // In a blocked frame, a refusal is the refused path.
        let s = ready()
            .reduce(embed(EmbedAction::StorageBlocked))
            .reduce(embed(EmbedAction::StorageRefused));
        assert_eq!(s.embed.storage, StorageAccess::Refused);
    }

    #[test]
    fn access_granted_in_a_partitioned_frame_opens_the_tools_own_draft() {
        let own = StoredDraft::new(
            ready()
                .reduce(Action::SetUnit(UnitField::Name, "Mở trực tiếp".into()))
                .draft,
            "2026-11-27T08:00:00Z",
            false,
        );
        let s = ready()
            .reduce(Action::SetUnit(UnitField::Name, "Trong cổng".into()))
            .reduce(embed(EmbedAction::StoragePartitioned))
            .reduce(embed(EmbedAction::StorageGranted {
                draft: Some(own.clone()),
                history: Vec::new(),
                at: "2026-11-28T08:00:00Z".into(),
            }));
        assert_eq!(s.embed.storage, StorageAccess::Granted);
        assert_eq!(s.draft.unit.name, "Mở trực tiếp");
        // The partition's draft is not lost: it is among the previous drafts.
        assert_eq!(s.history.len(), 1);
        assert_eq!(s.history[0].draft.unit.name, "Trong cổng");
    }

    #[test]
    fn a_frame_takes_a_grant_at_start_and_otherwise_offers_what_its_storage_allows() {
        use StorageStart::*;
        // Its own storage already: nothing to ask, whatever the permission.
        assert_eq!(StorageStart::decide(false, true, false), Own);
        assert_eq!(StorageStart::decide(false, true, true), Own);
        // Granted before: taken at once, blocked or partitioned.
        assert_eq!(StorageStart::decide(true, false, true), Take);
        assert_eq!(StorageStart::decide(false, false, true), Take);
        assert_eq!(StorageStart::decide(true, true, true), Take);
        // Not granted: the button that fits.
        assert_eq!(StorageStart::decide(true, false, false), Blocked);
        assert_eq!(StorageStart::decide(true, true, false), Blocked);
        assert_eq!(StorageStart::decide(false, false, false), Partitioned);
    }
}
