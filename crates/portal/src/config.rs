//! `embed.json`: the file beside `index.html` that a portal's administrator edits without a
//! rebuild. Every problem is located (a JSON pointer, or the line and column of a syntax error)
//! and said in both languages. Nothing in it can widen what the tool does by accident: a file
//! that cannot be read gives the safe defaults (no origin allowed, Vietnamese, the shipped
//! colours, training mode off), a field that is wrong gives that field's default, and an origin
//! that is wrong is left out of the list. The app shows the problems as a notice.
//!
//! ```json
//! {
//!   "version": 1,
//!   "portalName": { "vi": "Cổng thông tin điện tử thành phố", "en": "the city portal" },
//!   "allowedOrigins": ["https://haiphong.gov.vn"],
//!   "defaultLanguage": "vi",
//!   "theme": { "--brand": "#0b4f9c" },
//!   "trainingMode": false
//! }
//! ```

use crate::origin::{Origin, OriginError};
use serde_json::{Map, Value};
use tdg_model::strict_json::{self, StrictJsonError};
use tdg_model::{Lang, Text};

/// The only version of the file this app reads.
pub const VERSION: i64 = 1;
/// A real file is a few hundred bytes.
pub const MAX_BYTES: usize = 64 * 1024;
pub const MAX_ORIGINS: usize = 32;
pub const MAX_THEME: usize = 32;
pub const MAX_NAME_CHARS: usize = 120;

/// What the app and the server take from `embed.json`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedConfig {
    /// The origins that may embed the tool and exchange messages with it. Empty: none.
    pub allowed_origins: Vec<Origin>,
    /// The portal's name, for the button "Gửi báo cáo lên <name>".
    pub portal_name: Option<Text>,
    /// The language when the user has not chosen one on this device.
    pub default_lang: Option<Lang>,
    /// CSS custom properties (`--brand` → `#0b4f9c`), checked to be colours.
    pub theme: Vec<(String, String)>,
    /// Training mode on (the lead's training mode reads it).
    pub training_mode: bool,
}

impl EmbedConfig {
    /// The `Content-Security-Policy` value that lets exactly these origins (and the site
    /// itself) frame the tool. `frame-ancestors` cannot be given in a `<meta>` tag, so the
    /// server sends it.
    pub fn frame_ancestors(&self) -> String {
        let mut value = String::from("frame-ancestors 'self'");
        for origin in &self.allowed_origins {
            value.push(' ');
            value.push_str(origin.as_str());
        }
        value
    }
}

/// Where a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole (its own message says the line and column where it has one).
    File,
    /// A JSON pointer (`/allowedOrigins/2`).
    Pointer(String),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    #[error("{0}")]
    Json(StrictJsonError),
    #[error("the file is not a JSON object")]
    NotObject,
    #[error("\"version\" must be 1 (this app reads version 1 only)")]
    Version,
    #[error("unknown field (ignored)")]
    UnknownField,
    #[error("expected {}", .0.1)]
    WrongType((&'static str, &'static str)),
    #[error("{0} (left out)")]
    Origin(OriginError),
    #[error("more than {0} entries (the rest are ignored)")]
    TooMany(usize),
    #[error("the language is \"vi\" or \"en\"")]
    Lang,
    #[error("a theme property is a CSS custom property in lower case (--brand)")]
    ThemeName,
    #[error(
        "a theme value is a colour: #rgb, #rrggbb, #rrggbbaa, rgb(…), rgba(…), hsl(…) or hsla(…)"
    )]
    ThemeValue,
    #[error("both \"vi\" and \"en\" are required, each at most {MAX_NAME_CHARS} characters with no control characters")]
    Name,
}

/// One problem of the file, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub at: Location,
    pub kind: ProblemKind,
}

impl Problem {
    fn at(pointer: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            at: Location::Pointer(pointer.into()),
            kind,
        }
    }
}

impl tdg_model::Localized for Problem {
    /// The problem for people, with its place: `embed.json, /allowedOrigins/1: …`.
    fn message(&self, lang: Lang) -> String {
        let place = match &self.at {
            Location::File => String::from("embed.json"),
            Location::Pointer(p) => format!("embed.json, {p}"),
        };
        let what = match lang {
            Lang::En => self.kind.to_string(),
            Lang::Vi => match &self.kind {
                ProblemKind::Json(e) => e.message(tdg_model::Lang::Vi),
                ProblemKind::NotObject => "tệp không phải một đối tượng JSON".into(),
                ProblemKind::Version => {
                    "\"version\" phải là 1 (ứng dụng này chỉ đọc phiên bản 1)".into()
                }
                ProblemKind::UnknownField => "trường không được biết (bỏ qua)".into(),
                ProblemKind::WrongType((vi, _)) => format!("cần {vi}"),
                ProblemKind::Origin(e) => format!("{} (bị bỏ ra)", e.message(tdg_model::Lang::Vi)),
                ProblemKind::TooMany(n) => format!("quá {n} mục (phần thừa bị bỏ qua)"),
                ProblemKind::Lang => "ngôn ngữ là \"vi\" hoặc \"en\"".into(),
                ProblemKind::ThemeName => {
                    "thuộc tính giao diện là biến CSS viết thường (--brand)".into()
                }
                ProblemKind::ThemeValue => "giá trị giao diện là một màu: #rgb, #rrggbb, #rrggbbaa, rgb(…), rgba(…), hsl(…) hoặc hsla(…)".into(),
                ProblemKind::Name => format!("cần cả \"vi\" và \"en\", mỗi tên tối đa {MAX_NAME_CHARS} ký tự, không có ký tự điều khiển"),
            },
        };
        format!("{place}: {what}")
    }
}

/// The configuration in force and what was wrong with the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    pub config: EmbedConfig,
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// True when the file could not be used at all (the defaults are in force).
    pub fn fell_back(&self) -> bool {
        self.problems.iter().any(|p| p.at == Location::File)
    }
}

const OBJECT: (&str, &str) = ("một đối tượng { … }", "an object { … }");
const ARRAY: (&str, &str) = ("một danh sách [ … ]", "a list [ … ]");
const STRING: (&str, &str) = ("một chuỗi \"…\"", "a string \"…\"");
const BOOL: (&str, &str) = ("true hoặc false", "true or false");

/// Reads `embed.json`. Never fails: problems fall back to defaults and are listed.
pub fn parse(bytes: &[u8]) -> Loaded {
    let mut loaded = Loaded::default();
    let value = match strict_json::parse_at_most(bytes, MAX_BYTES) {
        Ok(v) => v,
        Err(e) => return whole_file(ProblemKind::Json(e)),
    };
    let Value::Object(map) = value else {
        return whole_file(ProblemKind::NotObject);
    };
    if map.get("version").and_then(Value::as_i64) != Some(VERSION) {
        return whole_file(ProblemKind::Version);
    }
    let problems = &mut loaded.problems;
    let config = &mut loaded.config;
    for (key, value) in &map {
        let pointer = format!("/{}", escape(key));
        match key.as_str() {
            "version" => {}
            "allowedOrigins" => config.allowed_origins = origins(value, &pointer, problems),
            "portalName" => config.portal_name = portal_name(value, &pointer, problems),
            "defaultLanguage" => match value.as_str().map(Lang::from_code) {
                Some(Some(lang)) => config.default_lang = Some(lang),
                Some(None) => problems.push(Problem::at(pointer, ProblemKind::Lang)),
                None => problems.push(Problem::at(pointer, ProblemKind::WrongType(STRING))),
            },
            "theme" => config.theme = theme(value, &pointer, problems),
            "trainingMode" => match value {
                Value::Bool(on) => config.training_mode = *on,
                _ => problems.push(Problem::at(pointer, ProblemKind::WrongType(BOOL))),
            },
            _ => problems.push(Problem::at(pointer, ProblemKind::UnknownField)),
        }
    }
    loaded
}

fn whole_file(kind: ProblemKind) -> Loaded {
    Loaded {
        config: EmbedConfig::default(),
        problems: vec![Problem {
            at: Location::File,
            kind,
        }],
    }
}

/// RFC 6901: `~` and `/` inside a key.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn origins(value: &Value, pointer: &str, problems: &mut Vec<Problem>) -> Vec<Origin> {
    let Value::Array(items) = value else {
        problems.push(Problem::at(pointer, ProblemKind::WrongType(ARRAY)));
        return Vec::new();
    };
    if items.len() > MAX_ORIGINS {
        problems.push(Problem::at(pointer, ProblemKind::TooMany(MAX_ORIGINS)));
    }
    let mut list: Vec<Origin> = Vec::new();
    for (i, item) in items.iter().enumerate().take(MAX_ORIGINS) {
        let at = format!("{pointer}/{i}");
        match item.as_str().map(Origin::parse) {
            Some(Ok(origin)) => {
                if !list.contains(&origin) {
                    list.push(origin);
                }
            }
            Some(Err(e)) => problems.push(Problem::at(at, ProblemKind::Origin(e))),
            None => problems.push(Problem::at(at, ProblemKind::WrongType(STRING))),
        }
    }
    list
}

fn portal_name(value: &Value, pointer: &str, problems: &mut Vec<Problem>) -> Option<Text> {
    let Value::Object(map) = value else {
        problems.push(Problem::at(pointer, ProblemKind::WrongType(OBJECT)));
        return None;
    };
    for key in map.keys().filter(|k| *k != "vi" && *k != "en") {
        problems.push(Problem::at(
            format!("{pointer}/{}", escape(key)),
            ProblemKind::UnknownField,
        ));
    }
    let name = |lang: &str| {
        map.get(lang)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|t| {
                !t.is_empty()
                    && t.chars().count() <= MAX_NAME_CHARS
                    && !t.chars().any(char::is_control)
            })
            .map(String::from)
    };
    match (name("vi"), name("en")) {
        (Some(vi), Some(en)) => Some(Text { vi, en }),
        _ => {
            problems.push(Problem::at(pointer, ProblemKind::Name));
            None
        }
    }
}

fn theme(value: &Value, pointer: &str, problems: &mut Vec<Problem>) -> Vec<(String, String)> {
    let Value::Object(map) = value else {
        problems.push(Problem::at(pointer, ProblemKind::WrongType(OBJECT)));
        return Vec::new();
    };
    if map.len() > MAX_THEME {
        problems.push(Problem::at(pointer, ProblemKind::TooMany(MAX_THEME)));
    }
    theme_entries(map, pointer, problems)
}

fn theme_entries(
    map: &Map<String, Value>,
    pointer: &str,
    problems: &mut Vec<Problem>,
) -> Vec<(String, String)> {
    let mut theme = Vec::new();
    for (name, value) in map.iter().take(MAX_THEME) {
        let at = format!("{pointer}/{}", escape(name));
        if !is_custom_property(name) {
            problems.push(Problem::at(at, ProblemKind::ThemeName));
            continue;
        }
        match value.as_str() {
            Some(colour) if is_colour(colour.trim()) => {
                theme.push((name.clone(), colour.trim().to_string()))
            }
            Some(_) => problems.push(Problem::at(at, ProblemKind::ThemeValue)),
            None => problems.push(Problem::at(at, ProblemKind::WrongType(STRING))),
        }
    }
    theme
}

/// `--` then lower-case letters, digits and hyphens: nothing that could name a real property.
fn is_custom_property(name: &str) -> bool {
    name.strip_prefix("--").is_some_and(|rest| {
        !rest.is_empty()
            && rest.len() <= 40
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    })
}

/// A colour, and only a colour: a value can then never carry `url(…)`, `;` or a comment.
pub fn is_colour(value: &str) -> bool {
    if let Some(hex) = value.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit());
    }
    let lower = value.to_ascii_lowercase();
    ["rgb(", "rgba(", "hsl(", "hsla("].iter().any(|f| {
        lower
            .strip_prefix(f)
            .and_then(|r| r.strip_suffix(')'))
            .is_some_and(|args| {
                !args.is_empty()
                    && args.len() <= 60
                    && args
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b" .,%/".contains(&b) || b"deg".contains(&b))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tdg_model::Localized;

    fn pointers(loaded: &Loaded) -> Vec<String> {
        loaded
            .problems
            .iter()
            .map(|p| match &p.at {
                Location::File => "FILE".to_string(),
                Location::Pointer(p) => p.clone(),
            })
            .collect()
    }

    #[test]
    fn reads_a_good_file() {
        let loaded = parse(
            r##"{
              "version": 1,
              "portalName": { "vi": "Cổng thông tin thành phố", "en": "the city portal" },
              "allowedOrigins": ["https://HaiPhong.gov.vn/", "http://localhost:8080"],
              "defaultLanguage": "en",
              "theme": { "--brand": "#0b4f9c", "--bg": "rgb(245, 247, 251)" },
              "trainingMode": true
            }"##
            .as_bytes(),
        );
        assert_eq!(loaded.problems, vec![]);
        let c = &loaded.config;
        assert_eq!(
            c.allowed_origins
                .iter()
                .map(Origin::as_str)
                .collect::<Vec<_>>(),
            ["https://haiphong.gov.vn", "http://localhost:8080"]
        );
        assert_eq!(
            c.portal_name.as_ref().map(|n| n.vi.as_str()),
            Some("Cổng thông tin thành phố")
        );
        assert_eq!(c.default_lang, Some(Lang::En));
        assert_eq!(c.theme.len(), 2);
        assert!(c.training_mode);
        assert_eq!(
            c.frame_ancestors(),
            "frame-ancestors 'self' https://haiphong.gov.vn http://localhost:8080"
        );
    }

    #[test]
    fn a_broken_file_gives_the_safe_defaults_with_a_located_message() {
        let loaded = parse(b"{\n  \"version\": 1,\n  \"allowedOrigins\": [\"https://a.vn\",]\n}");
        assert!(loaded.fell_back());
        assert_eq!(loaded.config, EmbedConfig::default());
        assert_eq!(loaded.config.frame_ancestors(), "frame-ancestors 'self'");
        let en = loaded.problems[0].message(Lang::En);
        let vi = loaded.problems[0].message(Lang::Vi);
        assert!(en.contains("line 3"), "{en}");
        assert!(vi.contains("dòng 3"), "{vi}");
        for bad in [
            &b"[]"[..],
            b"{}",
            b"{\"version\": 2}",
            b"{\"version\": \"1\"}",
            b"\xff",
            b"{\"version\":1,\"version\":1}",
        ] {
            let loaded = parse(bad);
            assert!(loaded.fell_back(), "{:?}", String::from_utf8_lossy(bad));
            assert_eq!(loaded.config, EmbedConfig::default());
        }
        assert!(parse(&vec![b' '; MAX_BYTES + 1]).fell_back());
    }

    #[test]
    fn a_wrong_field_falls_back_alone_and_is_located_by_pointer() {
        let loaded = parse(
            r##"{
              "version": 1,
              "allowedOrigins": ["https://*.haiphong.gov.vn", "https://ok.vn", 3, "https://ok.vn"],
              "defaultLanguage": "fr",
              "theme": { "--brand": "url(https://evil.vn/x.png)", "color": "#fff", "--ink": 5, "--ok": "#1b7f3b" },
              "trainingMode": "yes",
              "portalName": { "vi": "Cổng", "fr": "x" },
              "extra/field": 1
            }"##
            .as_bytes(),
        );
        assert!(!loaded.fell_back());
        assert_eq!(
            loaded
                .config
                .allowed_origins
                .iter()
                .map(Origin::as_str)
                .collect::<Vec<_>>(),
            ["https://ok.vn"]
        );
        assert_eq!(loaded.config.default_lang, None);
        assert_eq!(
            loaded.config.theme,
            vec![("--ok".to_string(), "#1b7f3b".to_string())]
        );
        assert!(!loaded.config.training_mode);
        assert_eq!(loaded.config.portal_name, None);
        let mut found = pointers(&loaded);
        found.sort();
        assert_eq!(
            found,
            [
                "/allowedOrigins/0",
                "/allowedOrigins/2",
                "/defaultLanguage",
                "/extra~1field",
                "/portalName",
                "/portalName/fr",
                "/theme/--brand",
                "/theme/--ink",
                "/theme/color",
                "/trainingMode",
            ]
        );
        let wildcard = loaded
            .problems
            .iter()
            .find(|p| p.at == Location::Pointer("/allowedOrigins/0".into()))
            .map(|p| (p.message(Lang::Vi), p.message(Lang::En)));
        let (vi, en) = wildcard.unwrap_or_default();
        assert!(
            vi.starts_with("embed.json, /allowedOrigins/0: không chấp nhận ký tự đại diện"),
            "{vi}"
        );
        assert!(
            en.starts_with("embed.json, /allowedOrigins/0: wildcards"),
            "{en}"
        );
    }

    #[test]
    fn too_many_entries_are_cut_and_said() {
        let list: Vec<String> = (0..40).map(|i| format!("\"https://a{i}.vn\"")).collect();
        let text = format!("{{\"version\":1,\"allowedOrigins\":[{}]}}", list.join(","));
        let loaded = parse(text.as_bytes());
        assert_eq!(loaded.config.allowed_origins.len(), MAX_ORIGINS);
        assert_eq!(pointers(&loaded), ["/allowedOrigins"]);
    }

    #[test]
    fn colours_only() {
        for good in [
            "#fff",
            "#0b4f9c",
            "#0b4f9c80",
            "rgb(1, 2, 3)",
            "rgba(1 2 3 / 50%)",
            "hsl(210deg 80% 40%)",
        ] {
            assert!(is_colour(good), "{good}");
        }
        for bad in [
            "#ggg",
            "#12345",
            "red; background: url(x)",
            "rgb(1,2,3);x",
            "expression(alert(1))",
            "rgb()",
            "var(--x)",
            "",
        ] {
            assert!(!is_colour(bad), "{bad}");
        }
    }
}
