//! The app's state and the one reducer that changes it. Pure: tested natively.

use std::rc::Rc;
use tdg_model::{Catalog, Lang};

/// What the app knows about its catalog.
#[derive(Clone, Debug, PartialEq)]
pub enum CatalogState {
    Loading,
    Ready(Rc<Catalog>),
    /// The message to show, in both languages.
    Failed {
        vi: String,
        en: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub catalog: CatalogState,
    pub period: i32,
    pub tier: Option<String>,
    pub variant: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    CatalogLoaded(Rc<Catalog>),
    CatalogFailed { vi: String, en: String },
    SetPeriod(i32),
    ChooseTier(String),
    ChooseVariant(String),
}

/// The year units report for by default: the current one (reports are due before 01/12).
pub const DEFAULT_PERIOD: i32 = 2026;

impl AppState {
    pub fn new(lang: Lang, period: i32) -> AppState {
        AppState {
            lang,
            catalog: CatalogState::Loading,
            period,
            tier: None,
            variant: None,
        }
    }

    pub fn catalog(&self) -> Option<&Rc<Catalog>> {
        match &self.catalog {
            CatalogState::Ready(c) => Some(c),
            _ => None,
        }
    }

    /// Applies one action. Choices that do not fit the catalog or the period are ignored, so the
    /// state never names a tier that does not exist for its year.
    pub fn reduce(&self, action: Action) -> AppState {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::CatalogLoaded(catalog) => {
                next.catalog = CatalogState::Ready(catalog);
                next.drop_unfit_choices();
            }
            Action::CatalogFailed { vi, en } => next.catalog = CatalogState::Failed { vi, en },
            Action::SetPeriod(period) => {
                let in_range = self.catalog().is_none_or(|c| c.periods.contains(period));
                if in_range {
                    next.period = period;
                    next.drop_unfit_choices();
                }
            }
            Action::ChooseTier(id) => {
                let fits = self
                    .catalog()
                    .and_then(|c| c.tier(&id))
                    .is_some_and(|t| t.periods.contains(self.period));
                if fits {
                    next.variant = None;
                    next.tier = Some(id);
                }
            }
            Action::ChooseVariant(id) => {
                let tier = self
                    .tier
                    .as_deref()
                    .and_then(|t| self.catalog().and_then(|c| c.tier(t)));
                if tier.is_some_and(|t| t.variant(&id).is_some()) {
                    next.variant = Some(id);
                }
            }
        }
        next
    }

    fn drop_unfit_choices(&mut self) {
        let Some(catalog) = self.catalog().cloned() else {
            return;
        };
        let tier = self.tier.as_deref().and_then(|t| catalog.tier(t));
        if !tier.is_some_and(|t| t.periods.contains(self.period)) {
            self.tier = None;
            self.variant = None;
        }
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

    fn catalog() -> Rc<Catalog> {
        let bytes = include_bytes!("../../../assets/catalogs/hp-175-kh-ubnd.json");
        Rc::new(Catalog::from_json(bytes).expect("shipped catalog is valid"))
    }

    fn ready() -> AppState {
        AppState::new(Lang::Vi, 2026).reduce(Action::CatalogLoaded(catalog()))
    }

    #[test]
    fn language_switches() {
        let s = ready().reduce(Action::SetLang(Lang::En));
        assert_eq!(s.lang, Lang::En);
    }

    #[test]
    fn chooses_a_tier_that_exists_for_the_period() {
        let s = ready().reduce(Action::ChooseTier("xa-phuong".into()));
        assert_eq!(s.tier.as_deref(), Some("xa-phuong"));
        let s = s.reduce(Action::ChooseTier("quan-huyen".into()));
        assert_eq!(
            s.tier.as_deref(),
            Some("xa-phuong"),
            "no district tier in 2026"
        );
        let s = s.reduce(Action::ChooseTier("khong-co".into()));
        assert_eq!(s.tier.as_deref(), Some("xa-phuong"));
    }

    #[test]
    fn changing_the_period_drops_a_tier_that_no_longer_exists() {
        let s = ready()
            .reduce(Action::SetPeriod(2024))
            .reduce(Action::ChooseTier("quan-huyen".into()));
        assert_eq!(s.tier.as_deref(), Some("quan-huyen"));
        let s = s.reduce(Action::SetPeriod(2026));
        assert_eq!((s.period, s.tier.as_deref()), (2026, None));
        let s = s.reduce(Action::SetPeriod(2040));
        assert_eq!(s.period, 2026, "outside the catalog's periods");
    }

    #[test]
    fn variants_belong_to_the_chosen_tier() {
        let s = ready().reduce(Action::ChooseTier("doanh-nghiep".into()));
        let s = s.reduce(Action::ChooseVariant("can-bo".into()));
        assert_eq!(s.variant, None);
        let s = s.reduce(Action::ChooseVariant("cntt".into()));
        assert_eq!(s.variant.as_deref(), Some("cntt"));
        let s = s.reduce(Action::ChooseTier("xa-phuong".into()));
        assert_eq!(s.variant, None, "a new tier starts without a variant");
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
}
