//! Bilingual text: Vietnamese first, English second.

use serde::{Deserialize, Serialize};

/// The two languages of the tool. Vietnamese is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The BCP 47 code, for `<html lang>` and stored preferences.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A message a person reads, said in the language on screen. Every error the app, the office
/// and `tdg` show implements it: the one way a message is said in Vietnamese or English.
pub trait Localized {
    fn message(&self, lang: Lang) -> String;

    /// Both languages, Vietnamese first: for a notice that keeps both (the app switches
    /// language without losing it) or a terminal that prints both.
    fn both(&self) -> (String, String) {
        (self.message(Lang::Vi), self.message(Lang::En))
    }
}

/// A text given in both languages. Both must be present and non-empty in a valid catalog.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    #[serde(default)]
    pub vi: String,
    #[serde(default)]
    pub en: String,
}

/// A fixed sentence of an interface in both languages, written in the program (the unit's app
/// and the office page name theirs in their own `i18n` modules).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct W {
    pub vi: &'static str,
    pub en: &'static str,
}

impl W {
    pub const fn new(vi: &'static str, en: &'static str) -> W {
        W { vi, en }
    }

    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }
}

impl From<W> for Text {
    fn from(w: W) -> Text {
        Text::new(w.vi, w.en)
    }
}

/// A pair in the order `Localized::both` gives it: Vietnamese, then English.
impl From<(String, String)> for Text {
    fn from((vi, en): (String, String)) -> Text {
        Text { vi, en }
    }
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }

    /// True when both languages are empty (an optional text that was left out).
    pub fn is_blank(&self) -> bool {
        self.vi.trim().is_empty() && self.en.trim().is_empty()
    }

    /// True when either language is missing: a catalog with such a text is refused.
    pub fn is_incomplete(&self) -> bool {
        self.vi.trim().is_empty() || self.en.trim().is_empty()
    }
}
