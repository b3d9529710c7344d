//! The `postMessage` API between the tool (in an iframe) and the portal's page, version 1.
//! Every message is a JSON object `{ "protocol": "tdg-embed", "version": 1, "type": …, … }`.
//!
//! App → host: `ready`, `resize`, `configured`, `report-signed` (file name and SHA-256 only),
//! and `report` (the signed file itself, only after the user pressed the button naming the
//! portal). Host → app: `configure`. A message from an origin not in `embed.json`, or one that
//! is not exactly as documented (an unknown field, a wrong type, another version), is rejected
//! and counted, never acted on: a portal that sends something else learns of it from the count
//! and `docs/embedding.md`, not from the tool guessing.

use crate::origin::{is_allowed, Origin};
use serde_json::{json, Map, Value};
use tdg_model::Lang;

pub const PROTOCOL: &str = "tdg-embed";
pub const VERSION: i64 = 1;
/// A `configure` is a few hundred bytes.
pub const MAX_BYTES: usize = 16 * 1024;
/// Longest unit name, code, cluster, tier or variant accepted.
pub const MAX_TEXT: usize = 300;

/// What the host may ask, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostMessage {
    Configure(Configure),
}

/// Pre-filled values: only what the host gave (`None`: not given).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Configure {
    pub unit_name: Option<String>,
    pub unit_code: Option<String>,
    pub cluster: Option<String>,
    pub tier: Option<String>,
    pub variant: Option<String>,
    pub period: Option<i32>,
    pub lang: Option<Lang>,
}

/// Why a message was not acted on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    #[error("the sender's origin is not in embed.json")]
    Origin,
    #[error("the message is not a JSON object")]
    NotObject,
    #[error("the message is larger than {MAX_BYTES} bytes")]
    TooLarge,
    #[error("\"protocol\" is not \"tdg-embed\"")]
    Protocol,
    #[error("\"version\" is not 1")]
    Version,
    #[error("unknown message type")]
    UnknownType,
    #[error("unknown field {0}")]
    UnknownField(String),
    #[error("wrong type at {0}")]
    WrongType(String),
    #[error("value not accepted at {0}")]
    BadValue(String),
}

/// Reads messages from the host: only from allowed origins, only exactly as documented.
#[derive(Clone, Debug, Default)]
pub struct Gate {
    allowed: Vec<Origin>,
    rejected: u64,
    last: Option<Rejection>,
}

impl Gate {
    pub fn new(allowed: Vec<Origin>) -> Gate {
        Gate {
            allowed,
            ..Gate::default()
        }
    }

    /// `origin` is the event's `origin`; `data` the message as JSON text (`None` when it could
    /// not be turned into JSON at all). The origin is checked before anything is read.
    pub fn receive(&mut self, origin: &str, data: Option<&str>) -> Result<HostMessage, Rejection> {
        let result = if is_allowed(&self.allowed, origin) {
            data.ok_or(Rejection::NotObject).and_then(parse_host)
        } else {
            Err(Rejection::Origin)
        };
        if let Err(e) = &result {
            self.rejected += 1;
            self.last = Some(e.clone());
        }
        result
    }

    /// How many messages were rejected since the page loaded.
    pub fn rejected(&self) -> u64 {
        self.rejected
    }

    pub fn last_rejection(&self) -> Option<&Rejection> {
        self.last.as_ref()
    }

    pub fn allowed(&self) -> &[Origin] {
        &self.allowed
    }
}

/// Parses one message from the host, strictly.
pub fn parse_host(text: &str) -> Result<HostMessage, Rejection> {
    if text.len() > MAX_BYTES {
        return Err(Rejection::TooLarge);
    }
    let value = tdg_model::strict_json::parse_at_most(text.as_bytes(), MAX_BYTES)
        .map_err(|_| Rejection::NotObject)?;
    let Value::Object(mut map) = value else {
        return Err(Rejection::NotObject);
    };
    if map.remove("protocol").as_ref().and_then(Value::as_str) != Some(PROTOCOL) {
        return Err(Rejection::Protocol);
    }
    if map.remove("version").as_ref().and_then(Value::as_i64) != Some(VERSION) {
        return Err(Rejection::Version);
    }
    match map.remove("type").as_ref().and_then(Value::as_str) {
        Some("configure") => configure(map).map(HostMessage::Configure),
        _ => Err(Rejection::UnknownType),
    }
}

fn configure(map: Map<String, Value>) -> Result<Configure, Rejection> {
    let mut c = Configure::default();
    for (key, value) in map {
        let at = format!("/{key}");
        match key.as_str() {
            "unit" => {
                let Value::Object(unit) = value else {
                    return Err(Rejection::WrongType(at));
                };
                for (field, value) in unit {
                    let at = format!("/unit/{field}");
                    let slot = match field.as_str() {
                        "name" => &mut c.unit_name,
                        "code" => &mut c.unit_code,
                        "cluster" => &mut c.cluster,
                        _ => return Err(Rejection::UnknownField(at)),
                    };
                    *slot = Some(text(value, &at)?);
                }
            }
            "tier" => c.tier = Some(identifier(value, &at)?),
            "variant" => c.variant = Some(identifier(value, &at)?),
            "period" => {
                let year = value.as_i64().ok_or(Rejection::WrongType(at.clone()))?;
                c.period = Some(year_in_range(year).ok_or(Rejection::BadValue(at))?);
            }
            "lang" => {
                let code = value.as_str().ok_or(Rejection::WrongType(at.clone()))?;
                c.lang = Some(Lang::from_code(code).ok_or(Rejection::BadValue(at))?);
            }
            _ => return Err(Rejection::UnknownField(at)),
        }
    }
    Ok(c)
}

/// A name, code or cluster: text without control characters, not too long.
fn text(value: Value, at: &str) -> Result<String, Rejection> {
    let Value::String(s) = value else {
        return Err(Rejection::WrongType(at.into()));
    };
    if s.chars().count() > MAX_TEXT || s.chars().any(char::is_control) {
        return Err(Rejection::BadValue(at.into()));
    }
    Ok(s)
}

/// A catalog id (tier, variant): lower-case letters, digits and hyphens. Whether it exists is
/// the catalog's business (the app's reducer ignores ids it does not know).
fn identifier(value: Value, at: &str) -> Result<String, Rejection> {
    let s = text(value, at)?;
    if is_identifier(&s) {
        Ok(s)
    } else {
        Err(Rejection::BadValue(at.into()))
    }
}

pub(crate) fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Years a report can be for.
pub(crate) fn year_in_range(year: i64) -> Option<i32> {
    (2000..=2100)
        .contains(&year)
        .then(|| i32::try_from(year).ok())
        .flatten()
}

/// What the tool tells the host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppMessage {
    /// The tool is loaded and listening.
    Ready {
        app_version: String,
        catalog_id: String,
        catalog_sha256: String,
    },
    /// The content's height in CSS pixels, so the iframe needs no scrollbar.
    Resize { height: u32 },
    /// A `configure` was read: applied, or waiting for the user to accept values that would
    /// replace what they typed.
    Configured { waiting_for_user: bool },
    /// A report was signed: its name and hash, nothing of its content.
    ReportSigned { file_name: String, sha256: String },
    /// The signed report, sent because the user pressed the button naming the portal.
    Report {
        file_name: String,
        sha256: String,
        /// The file's exact text (its SHA-256 is `sha256`).
        report: String,
    },
}

impl AppMessage {
    pub fn to_json(&self) -> String {
        let envelope = |kind: &str, fields: Value| {
            let mut map = Map::new();
            map.insert("protocol".into(), PROTOCOL.into());
            map.insert("version".into(), VERSION.into());
            map.insert("type".into(), kind.into());
            if let Value::Object(fields) = fields {
                map.extend(fields);
            }
            Value::Object(map).to_string()
        };
        match self {
            AppMessage::Ready {
                app_version,
                catalog_id,
                catalog_sha256,
            } => envelope(
                "ready",
                json!({ "appVersion": app_version, "catalog": { "id": catalog_id, "sha256": catalog_sha256 } }),
            ),
            AppMessage::Resize { height } => envelope("resize", json!({ "height": height })),
            AppMessage::Configured { waiting_for_user } => envelope(
                "configured",
                json!({ "status": if *waiting_for_user { "waiting-for-user" } else { "applied" } }),
            ),
            AppMessage::ReportSigned { file_name, sha256 } => envelope(
                "report-signed",
                json!({ "fileName": file_name, "sha256": sha256 }),
            ),
            AppMessage::Report {
                file_name,
                sha256,
                report,
            } => envelope(
                "report",
                json!({ "fileName": file_name, "sha256": sha256, "report": report }),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gate() -> Gate {
        let origin =
            Origin::parse("https://cong.haiphong.gov.vn").unwrap_or_else(|e| panic!("{e}"));
        Gate::new(vec![origin])
    }
    const PORTAL: &str = "https://cong.haiphong.gov.vn";

    #[test]
    fn reads_a_full_configure() {
        let text = r#"{"protocol":"tdg-embed","version":1,"type":"configure",
            "unit":{"name":"UBND xã Tiên Lãng","code":"XA-01","cluster":"Cụm 3"},
            "tier":"xa","variant":"dn-cntt","period":2026,"lang":"en"}"#;
        let mut g = gate();
        assert_eq!(
            g.receive(PORTAL, Some(text)),
            Ok(HostMessage::Configure(Configure {
                unit_name: Some("UBND xã Tiên Lãng".into()),
                unit_code: Some("XA-01".into()),
                cluster: Some("Cụm 3".into()),
                tier: Some("xa".into()),
                variant: Some("dn-cntt".into()),
                period: Some(2026),
                lang: Some(Lang::En),
            }))
        );
        assert_eq!(g.rejected(), 0);
        let only_name =
            r#"{"protocol":"tdg-embed","version":1,"type":"configure","unit":{"name":"A"}}"#;
        assert!(
            matches!(parse_host(only_name), Ok(HostMessage::Configure(c)) if c.unit_name.as_deref() == Some("A") && c.tier.is_none())
        );
    }

    #[test]
    fn rejects_and_counts_everything_else() {
        let ok = r#"{"protocol":"tdg-embed","version":1,"type":"configure","tier":"xa"}"#;
        let cases: Vec<(&str, Option<&str>, Rejection)> = vec![
            ("https://evil.vn", Some(ok), Rejection::Origin),
            ("null", Some(ok), Rejection::Origin),
            ("http://cong.haiphong.gov.vn", Some(ok), Rejection::Origin),
            (PORTAL, None, Rejection::NotObject),
            (PORTAL, Some("\"configure\""), Rejection::NotObject),
            (PORTAL, Some("{"), Rejection::NotObject),
            (PORTAL, Some(r#"{"version":1,"type":"configure"}"#), Rejection::Protocol),
            (PORTAL, Some(r#"{"protocol":"tdg-embed","version":2,"type":"configure"}"#), Rejection::Version),
            (PORTAL, Some(r#"{"protocol":"tdg-embed","version":"1","type":"configure"}"#), Rejection::Version),
            (PORTAL, Some(r#"{"protocol":"tdg-embed","version":1,"type":"report"}"#), Rejection::UnknownType),
            (PORTAL, Some(r#"{"protocol":"tdg-embed","version":1}"#), Rejection::UnknownType),
            (PORTAL, Some(r#"{"protocol":"tdg-embed","version":1,"type":"configure","sign":true}"#), Rejection::UnknownField("/sign".into())),
            (PORTAL, Some(r#"{"protocol":"tdg-embed","version":1,"type":"configure","unit":{"name":"A","key":"x"}}"#), Rejection::UnknownField("/unit/key".into())),
            (PORTAL, Some(r#"{"protocol":"tdg-embed","version":1,"type":"configure","unit":"A"}"#), Rejection::WrongType("/unit".into())),
            (PORTAL, Some(r#"{"protocol":"tdg-embed","version":1,"type":"configure","unit":{"name":5}}"#), Rejection::WrongType("/unit/name".into())),
            (PORTAL, Some(r#"{"protocol":"tdg-embed","version":1,"type":"configure","period":"2026"}"#), Rejection::WrongType("/period".into())),
            (PORTAL, Some(r#"{"protocol":"tdg-embed","version":1,"type":"configure","period":1999}"#), Rejection::BadValue("/period".into())),
            (PORTAL, Some(r#"{"protocol":"tdg-embed","version":1,"type":"configure","lang":"fr"}"#), Rejection::BadValue("/lang".into())),
            (PORTAL, Some(r#"{"protocol":"tdg-embed","version":1,"type":"configure","tier":"Xa Phuong"}"#), Rejection::BadValue("/tier".into())),
            (PORTAL, Some("{\"protocol\":\"tdg-embed\",\"version\":1,\"type\":\"configure\",\"unit\":{\"name\":\"a\\u0000b\"}}"), Rejection::BadValue("/unit/name".into())),
            (PORTAL, Some(r#"{"protocol":"tdg-embed","version":1,"type":"configure","tier":"xa","tier":"so"}"#), Rejection::NotObject),
        ];
        let mut g = gate();
        for (i, (origin, data, expected)) in cases.iter().enumerate() {
            assert_eq!(g.receive(origin, *data), Err(expected.clone()), "case {i}");
            assert_eq!(g.rejected(), i as u64 + 1);
        }
        let big = format!(
            r#"{{"protocol":"tdg-embed","version":1,"type":"configure","tier":"{}"}}"#,
            "a".repeat(MAX_BYTES)
        );
        assert_eq!(g.receive(PORTAL, Some(&big)), Err(Rejection::TooLarge));
        let long_name = format!(
            r#"{{"protocol":"tdg-embed","version":1,"type":"configure","unit":{{"name":"{}"}}}}"#,
            "ă".repeat(MAX_TEXT + 1)
        );
        assert_eq!(
            g.receive(PORTAL, Some(&long_name)),
            Err(Rejection::BadValue("/unit/name".into()))
        );
        // A message from an origin not allowed is never even parsed: the same answer for garbage.
        assert_eq!(
            g.receive("https://evil.vn", Some("{")),
            Err(Rejection::Origin)
        );
        assert_eq!(g.last_rejection(), Some(&Rejection::Origin));
        // Nothing allowed (no embed.json, or a broken one): everything is refused.
        assert_eq!(
            Gate::default().receive(PORTAL, Some(ok)),
            Err(Rejection::Origin)
        );
    }

    #[test]
    fn app_messages_carry_the_envelope_and_only_their_fields() {
        let parse =
            |m: &AppMessage| serde_json::from_str::<Value>(&m.to_json()).unwrap_or(Value::Null);
        let signed = parse(&AppMessage::ReportSigned {
            file_name: "XA-01-2026-bao-cao.json".into(),
            sha256: "ab".repeat(32),
        });
        assert_eq!(
            signed,
            json!({"protocol":"tdg-embed","version":1,"type":"report-signed","fileName":"XA-01-2026-bao-cao.json","sha256":"ab".repeat(32)})
        );
        let ready = parse(&AppMessage::Ready {
            app_version: "0.1.0".into(),
            catalog_id: "hp-175".into(),
            catalog_sha256: "cd".repeat(32),
        });
        assert_eq!(ready["type"], "ready");
        assert_eq!(ready["catalog"]["id"], "hp-175");
        assert_eq!(parse(&AppMessage::Resize { height: 812 })["height"], 812);
        assert_eq!(
            parse(&AppMessage::Configured {
                waiting_for_user: true
            })["status"],
            "waiting-for-user"
        );
        let report = parse(&AppMessage::Report {
            file_name: "a.json".into(),
            sha256: "00".into(),
            report: "{\"a\":1}\n".into(),
        });
        assert_eq!(report["report"], "{\"a\":1}\n");
    }
}
