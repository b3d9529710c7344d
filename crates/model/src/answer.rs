//! A unit's answers: one entry per criterion, with the evidence that backs it.
//!
//! Every value field is optional so that a half-typed answer (a numerator without its
//! denominator yet) is still a valid draft; scoring says what is missing instead of refusing it.

use crate::date::Date;
use crate::numbers::{find_unsafe_number, UnsafeNumber};
use crate::strict_json::StrictJsonError;
use crate::text::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The answers file: tier, period, submission date and the answers by criterion id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnswerSheet {
    /// May be left out of a file when the tool is told the tier another way (`tdg score --tier`).
    #[serde(default)]
    pub tier: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// The reporting year; 0 in a file means "given another way" (`tdg score --period`).
    #[serde(default)]
    pub period: i32,
    /// The day the report is (or will be) submitted; timing rules need it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_on: Option<Date>,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

/// Why an answers file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerSheetError {
    #[error("the answers file is not UTF-8 text (first bad byte at offset {0})")]
    NotUtf8(usize),
    #[error("not a valid answers file at line {line}, column {column}: {message}")]
    Invalid {
        line: usize,
        column: usize,
        message: String,
    },
    #[error(transparent)]
    UnsafeNumber(#[from] UnsafeNumber),
    /// Nested too deep, or a key given twice in one object.
    #[error("not a valid answers file: {0}")]
    Structure(StrictJsonError),
}

impl crate::Localized for AnswerSheetError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (AnswerSheetError::NotUtf8(offset), Lang::Vi) => {
                format!("tệp câu trả lời không phải văn bản UTF-8 (byte lỗi đầu tiên ở vị trí {offset})")
            }
            (AnswerSheetError::Invalid { line, column, .. }, Lang::Vi) => {
                format!("tệp câu trả lời không hợp lệ ở dòng {line}, cột {column}")
            }
            (AnswerSheetError::UnsafeNumber(n), Lang::Vi) => {
                format!("tệp câu trả lời không hợp lệ: {}", n.message(Lang::Vi))
            }
            (AnswerSheetError::Structure(e), Lang::Vi) => {
                format!(
                    "tệp câu trả lời không hợp lệ: {}",
                    e.message(crate::Lang::Vi)
                )
            }
        }
    }
}

impl AnswerSheet {
    /// Reads an answers file: JSON syntax first, then every number (integers within
    /// ±`MAX_SAFE_INTEGER` only, see `numbers`), then the fields.
    pub fn from_json(bytes: &[u8]) -> Result<AnswerSheet, AnswerSheetError> {
        let text =
            std::str::from_utf8(bytes).map_err(|e| AnswerSheetError::NotUtf8(e.valid_up_to()))?;
        let invalid = |e: serde_json::Error| AnswerSheetError::Invalid {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        };
        // Syntax, depth, and no key given twice (serde would keep the last one, silently).
        crate::strict_json::check_structure(text).map_err(|e| match e {
            StrictJsonError::Syntax {
                line,
                column,
                message,
            } => AnswerSheetError::Invalid {
                line,
                column,
                message,
            },
            other => AnswerSheetError::Structure(other),
        })?;
        if let Some(number) = find_unsafe_number(text) {
            return Err(number.into());
        }
        serde_json::from_str(text).map_err(invalid)
    }
}

/// One criterion's answer. Which value fields apply depends on the criterion's kind:
/// `numerator` + `denominator` (ratio), `yes` (yes/no), `level` (levels), `count` (count),
/// `maturity` (maturity level 0–5). Counts are signed so that a negative number reaches the
/// scorer and gets a field-level error rather than a parse failure.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Answer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yes: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maturity: Option<i64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// "Không áp dụng": the criterion does not apply to this unit, for the reason given. Only
    /// where the catalog allows it, and with no value field beside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<NotApplicable>,
}

/// An answer's "not applicable", with the unit's reason (required where the catalog says so).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotApplicable {
    #[serde(default)]
    pub reason: String,
}

impl Answer {
    /// True when no value field is filled in and the answer is not "not applicable" (evidence
    /// alone does not answer a criterion).
    pub fn has_no_value(&self) -> bool {
        self.not_applicable.is_none()
            && self.numerator.is_none()
            && self.denominator.is_none()
            && self.yes.is_none()
            && self.level.is_none()
            && self.count.is_none()
            && self.maturity.is_none()
    }
}

/// What backs an answer. Files are never stored or sent: only their name, size and SHA-256,
/// computed on the device (design invariant 4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", try_from = "RawEvidence")]
pub enum Evidence {
    /// An official document: number (e.g. `125/BC-UBND`), date and title.
    #[serde(rename_all = "camelCase")]
    Document {
        number: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<Date>,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        title: String,
    },
    /// A public link (http or https).
    #[serde(rename_all = "camelCase")]
    Link { url: String },
    /// A local file, identified by its hash.
    #[serde(rename_all = "camelCase")]
    File {
        name: String,
        size: u64,
        sha256: String,
    },
}

/// Evidence as read: one flat struct, converted by kind (see `catalog/raw.rs` for why serde's
/// internal tagging is not used for reading).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawEvidence {
    kind: String,
    number: Option<String>,
    date: Option<Date>,
    title: Option<String>,
    url: Option<String>,
    name: Option<String>,
    size: Option<u64>,
    sha256: Option<String>,
}

impl TryFrom<RawEvidence> for Evidence {
    type Error = String;

    fn try_from(raw: RawEvidence) -> Result<Evidence, String> {
        let need = |v: Option<String>, field: &str| {
            v.ok_or_else(|| format!("{} evidence needs \"{field}\"", raw.kind))
        };
        match raw.kind.as_str() {
            "document" => Ok(Evidence::Document {
                number: need(raw.number.clone(), "number")?,
                date: raw.date,
                title: raw.title.unwrap_or_default(),
            }),
            "link" => Ok(Evidence::Link {
                url: need(raw.url.clone(), "url")?,
            }),
            "file" => Ok(Evidence::File {
                name: need(raw.name.clone(), "name")?,
                size: raw.size.ok_or("file evidence needs \"size\"")?,
                sha256: need(raw.sha256.clone(), "sha256")?,
            }),
            other => Err(format!(
                "unknown evidence kind \"{other}\" (expected document, link or file)"
            )),
        }
    }
}

impl Evidence {
    /// Why this piece of evidence cannot count, if it cannot.
    pub fn defect(&self) -> Option<EvidenceDefect> {
        match self {
            Evidence::Document { number, .. } if number.trim().is_empty() => {
                Some(EvidenceDefect::NoDocumentNumber)
            }
            Evidence::Link { url } if !is_web_link(url) => Some(EvidenceDefect::NotALink),
            Evidence::File { sha256, name, .. }
                if name.trim().is_empty()
                    || sha256.len() != 64
                    || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) =>
            {
                Some(EvidenceDefect::BadFileHash)
            }
            _ => None,
        }
    }
}

fn is_web_link(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.contains(char::is_whitespace))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceDefect {
    NoDocumentNumber,
    NotALink,
    BadFileHash,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Localized;

    #[test]
    fn an_answers_file_with_a_key_given_twice_is_refused() {
        let twice =
            br#"{"tier": "xa-phuong", "answers": {"xp.a": {"count": 1}, "xp.a": {"count": 9}}}"#;
        let error = AnswerSheet::from_json(twice).expect_err("refused");
        assert!(matches!(
            &error,
            AnswerSheetError::Structure(StrictJsonError::DuplicateKey { key, .. }) if key == "xp.a"
        ));
        assert!(error.message(Lang::Vi).contains("“xp.a” xuất hiện hai lần"));
        assert!(AnswerSheet::from_json(
            br#"{"tier": "xa-phuong", "answers": {"xp.a": {"count": 1}}}"#
        )
        .is_ok());
    }

    #[test]
    fn evidence_defects() {
        let doc = |n: &str| Evidence::Document {
            number: n.into(),
            date: None,
            title: String::new(),
        };
        assert_eq!(doc("  ").defect(), Some(EvidenceDefect::NoDocumentNumber));
        assert_eq!(doc("12/BC-UBND").defect(), None);
        assert_eq!(
            Evidence::Link {
                url: "ftp://x".into()
            }
            .defect(),
            Some(EvidenceDefect::NotALink)
        );
        assert_eq!(
            Evidence::Link {
                url: "https://haiphong.gov.vn/a".into()
            }
            .defect(),
            None
        );
        let file = |h: &str| Evidence::File {
            name: "a.pdf".into(),
            size: 1,
            sha256: h.into(),
        };
        assert_eq!(file("ab").defect(), Some(EvidenceDefect::BadFileHash));
        assert_eq!(file(&"a".repeat(64)).defect(), None);
    }

    #[test]
    fn evidence_reads_each_kind_and_names_what_is_missing() {
        let read = |text: &str| serde_json::from_str::<Evidence>(text).map_err(|e| e.to_string());
        assert_eq!(
            read(r#"{"kind":"link","url":"https://a.vn"}"#),
            Ok(Evidence::Link {
                url: "https://a.vn".into()
            })
        );
        assert!(read(r#"{"kind":"document"}"#)
            .expect_err("no number")
            .contains("document evidence needs \"number\""));
        assert!(read(r#"{"kind":"fax","number":"1"}"#)
            .expect_err("unknown kind")
            .contains("unknown evidence kind \"fax\""));
        assert!(read(r#"{"kind":"link","url":"https://a.vn","extra":1}"#).is_err());
        let file = Evidence::File {
            name: "a.pdf".into(),
            size: 3,
            sha256: "ab".repeat(32),
        };
        let text = serde_json::to_string(&file).expect("json");
        assert!(
            text.starts_with(r#"{"kind":"file""#),
            "written with its tag first: {text}"
        );
        assert_eq!(read(&text), Ok(file));
    }

    #[test]
    fn answer_sheets_refuse_numbers_that_do_not_read_the_same_everywhere() {
        let sheet = |count: &str| {
            format!(
                "{{\"tier\":\"xa\",\"period\":2026,\n\"answers\":{{\"x\":{{\"count\":{count}}}}}}}"
            )
        };
        let ok =
            AnswerSheet::from_json(sheet("9007199254740991").as_bytes()).expect("2^53-1 is exact");
        assert_eq!(ok.answers["x"].count, Some(9_007_199_254_740_991));
        for bad in [
            "9007199254740992",
            "9007199254740993",
            "-9007199254740992",
            "1.0",
            "1e0",
            "-0",
        ] {
            let err = AnswerSheet::from_json(sheet(bad).as_bytes()).expect_err(bad);
            assert!(
                matches!(err, AnswerSheetError::UnsafeNumber(ref n) if n.line == 2),
                "{bad}: {err}"
            );
            assert!(err.message(Lang::Vi).contains("dòng 2"), "{bad}");
            assert!(err.message(Lang::En).contains("line 2"), "{bad}");
        }
        // Read with serde alone, as the app reads the draft it saved itself, a big integer still
        // loads: refusing it there would drop the unit's stored work on the next start
        // (invariant 8). Files from outside go through `from_json`, `import_draft` and
        // `strict_json`; signing refuses it too (`SignError::UnsafeNumber`).
        let stored =
            serde_json::from_str::<AnswerSheet>(&sheet("9007199254740993")).expect("loads");
        assert_eq!(stored.answers["x"].count, Some(9_007_199_254_740_993));
        assert!(matches!(
            AnswerSheet::from_json(b"{\"tier\": "),
            Err(AnswerSheetError::Invalid { line: 1, .. })
        ));
    }

    #[test]
    fn answer_sheet_rejects_unknown_fields() {
        let text = r#"{"tier":"xa","period":2026,"answers":{"x":{"numerator":1,"bogus":2}}}"#;
        assert!(serde_json::from_str::<AnswerSheet>(text).is_err());
    }
}
