//! RFC 8785 JSON Canonicalization Scheme over `serde_json::Value`.
//!
//! Object members sorted by their keys' UTF-16 code units; strings escaped as ECMAScript's
//! `JSON.stringify` does; numbers in ECMAScript's shortest form. Our own reports hold integers
//! only, but a verifier must canonicalise any document (the W3C vectors, other issuers).

use serde_json::{Map, Number, Value};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JcsError {
    #[error("a number that JSON cannot carry (NaN or infinite)")]
    NonFiniteNumber,
}

pub fn canonicalize(value: &Value) -> Result<String, JcsError> {
    let mut out = String::new();
    write_value(value, &mut out)?;
    Ok(out)
}

fn write_value(value: &Value, out: &mut String) -> Result<(), JcsError> {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(n, out)?,
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out)?;
            }
            out.push(']');
        }
        Value::Object(map) => write_object(map, out)?,
    }
    Ok(())
}

/// The canonical form of the object `map` with its top-level member `without` left out and,
/// where `replaced` is given, that member's value replaced (added if absent): what a Data
/// Integrity proof hashes (the document without its proof, under the proof's `@context`),
/// written without copying the document.
pub fn canonicalize_object(
    map: &Map<String, Value>,
    without: &str,
    replaced: Option<(&str, &Value)>,
) -> Result<String, JcsError> {
    let mut entries: Vec<(&str, &Value)> = map
        .iter()
        .filter(|(key, _)| key.as_str() != without)
        .map(|(key, value)| match replaced {
            Some((k, v)) if k == key.as_str() => (k, v),
            _ => (key.as_str(), value),
        })
        .collect();
    if let Some((k, v)) = replaced.filter(|(k, _)| !map.contains_key(*k)) {
        entries.push((k, v));
    }
    let mut out = String::new();
    write_members(entries, &mut out)?;
    Ok(out)
}

fn write_object(map: &Map<String, Value>, out: &mut String) -> Result<(), JcsError> {
    write_members(map.iter().map(|(k, v)| (k.as_str(), v)).collect(), out)
}

fn write_members(mut entries: Vec<(&str, &Value)>, out: &mut String) -> Result<(), JcsError> {
    // Usually already in order (serde_json keeps keys sorted by UTF-8, the same order as UTF-16
    // below U+E000): the sort then only confirms it.
    entries.sort_by(|a, b| utf16_order(a.0, b.0));
    out.push('{');
    for (i, (key, value)) in entries.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(key, out);
        out.push(':');
        write_value(value, out)?;
    }
    out.push('}');
    Ok(())
}

/// Orders keys by their UTF-16 code units (RFC 8785 section 3.2.3). UTF-8 bytes give the same
/// order unless a key holds a character from U+E000 up (UTF-8 lead byte 0xEE or above), where
/// surrogate pairs sort below U+E000–U+FFFF.
fn utf16_order(a: &str, b: &str) -> std::cmp::Ordering {
    let high = |s: &str| s.bytes().any(|byte| byte >= 0xEE);
    if high(a) || high(b) {
        a.encode_utf16().cmp(b.encode_utf16())
    } else {
        a.as_bytes().cmp(b.as_bytes())
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    // Runs of characters that need no escape are copied whole: almost every string in a report
    // is one such run, and copying it char by char was a fifth of verifying a report.
    let mut run_start = 0;
    for (i, byte) in s.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x09 => "\\t",
            0x0a => "\\n",
            0x0c => "\\f",
            0x0d => "\\r",
            0..=0x1f => "",
            _ => continue,
        };
        // `i` is at an ASCII byte, so both slices end on character boundaries.
        out.push_str(&s[run_start..i]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{byte:04x}"));
        } else {
            out.push_str(escape);
        }
        run_start = i + 1;
    }
    out.push_str(&s[run_start..]);
    out.push('"');
}

fn write_number(n: &Number, out: &mut String) -> Result<(), JcsError> {
    use std::fmt::Write;
    // Safe integers, all a report holds, are written in place; writing to a String cannot fail.
    match (n.as_i64(), n.as_u64()) {
        (Some(i), _) if i.unsigned_abs() < (1u64 << 53) => {
            let _ = write!(out, "{i}");
        }
        (_, Some(u)) if u < (1u64 << 53) => {
            let _ = write!(out, "{u}");
        }
        _ => out.push_str(&number(n)?),
    }
    Ok(())
}

/// ECMAScript's Number.prototype.toString for finite doubles (RFC 8785 section 3.2.2.3).
fn number(n: &Number) -> Result<String, JcsError> {
    if let Some(i) = n.as_i64() {
        if i.unsigned_abs() < (1u64 << 53) {
            return Ok(i.to_string());
        }
    }
    if let Some(u) = n.as_u64() {
        if u < (1u64 << 53) {
            return Ok(u.to_string());
        }
    }
    let f = n.as_f64().ok_or(JcsError::NonFiniteNumber)?;
    es_number(f)
}

pub fn es_number(f: f64) -> Result<String, JcsError> {
    if !f.is_finite() {
        return Err(JcsError::NonFiniteNumber);
    }
    if f == 0.0 {
        return Ok("0".into());
    }
    let sign = if f < 0.0 { "-" } else { "" };
    // Rust's `{:e}` prints the shortest digits that round-trip, as ECMAScript requires.
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let k = digits.len() as i32;
    // ECMAScript's n: the value is 0.digits × 10^n.
    let n = exp.parse::<i32>().unwrap_or(0) + 1;
    let body = if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        format!("{}.{}", &digits[..n as usize], &digits[n as usize..])
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let e = n - 1;
        let exp_sign = if e < 0 { '-' } else { '+' };
        let mantissa = if k == 1 {
            digits.clone()
        } else {
            format!("{}.{}", &digits[..1], &digits[1..])
        };
        format!("{mantissa}e{exp_sign}{}", e.abs())
    };
    Ok(format!("{sign}{body}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// RFC 8785 appendix B (and section 3.2.2.3) number examples.
    #[test]
    fn numbers_as_ecmascript_prints_them() {
        let cases: [(u64, &str); 12] = [
            (0x0000000000000000, "0"),
            (0x8000000000000000, "0"),
            (0x0000000000000001, "5e-324"),
            (0x8000000000000001, "-5e-324"),
            (0x7fefffffffffffff, "1.7976931348623157e+308"),
            (0x4340000000000000, "9007199254740992"),
            (0x444b1ae4d6e2ef50, "1e+21"),
            (0x444b1ae4d6e2ef4f, "999999999999999900000"),
            (0x3eb0c6f7a0b5ed8d, "0.000001"),
            (0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"),
            (0x41b3de4355555555, "333333333.3333333"),
            (0xc43211ede4974a35, "-333333333333333300000"),
        ];
        for (bits, expected) in cases {
            assert_eq!(
                es_number(f64::from_bits(bits)).expect("finite"),
                expected,
                "{bits:#x}"
            );
        }
        assert!(es_number(f64::NAN).is_err());
        assert_eq!(es_number(4.5).expect("finite"), "4.5");
        assert_eq!(es_number(0.002).expect("finite"), "0.002");
        assert_eq!(es_number(1e30).expect("finite"), "1e+30");
    }

    /// A decimal read from text is the correctly rounded double, so that its canonical form is
    /// the one every other implementation prints (found by the differential test against npm
    /// canonicalize: serde_json's default parser read this to a neighbouring double).
    #[test]
    fn numbers_read_from_text_canonicalise_as_written_when_shortest() {
        for text in [
            "2.2526544129915563e+248",
            "5e-324",
            "1.7976931348623157e+308",
            "0.1",
            "123456789.12345679",
        ] {
            let value: Value = serde_json::from_str(text).expect("a number");
            assert_eq!(canonicalize(&value).expect("finite"), text);
        }
    }

    /// RFC 8785 section 3.2.3: sorting by UTF-16 code units, not by code points or bytes.
    #[test]
    fn sorts_keys_by_utf16_code_units() {
        let value = json!({
            "\u{20ac}": "Euro Sign", "\r": "Carriage Return", "\u{fb33}": "Hebrew Letter Dalet With Dagesh",
            "1": "One", "\u{1f600}": "Emoji: Grinning Face", "\u{80}": "Control", "\u{f6}": "Latin Small Letter O With Diaeresis"
        });
        let text = canonicalize(&value).expect("ok");
        let order = [
            "\"\\r\"",
            "\"1\"",
            "\"\u{80}\"",
            "\"\u{f6}\"",
            "\"\u{20ac}\"",
            "\"\u{1f600}\"",
            "\"\u{fb33}\"",
        ];
        let positions: Vec<usize> = order
            .iter()
            .map(|k| text.find(k).expect("key present"))
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
    }

    /// RFC 8785 section 3.2.2.2: string escaping.
    #[test]
    fn an_object_without_one_member_and_with_another_replaced_reads_as_its_edited_copy() {
        let doc =
            json!({"@context": ["a"], "proof": {"x": 1}, "\u{1F600}": 2, "\u{FB33}": 3, "b": [1]});
        let map = doc.as_object().expect("an object");
        let context = json!(["a", "b"]);
        let mut edited = map.clone();
        edited.remove("proof");
        edited.insert("@context".into(), context.clone());
        assert_eq!(
            canonicalize_object(map, "proof", Some(("@context", &context))),
            canonicalize(&Value::Object(edited.clone()))
        );
        edited.insert("added".into(), json!(true));
        let mut without_added = edited.clone();
        without_added.remove("added");
        assert_eq!(
            canonicalize_object(&without_added, "none", Some(("added", &json!(true)))),
            canonicalize(&Value::Object(edited))
        );
    }

    #[test]
    fn escapes_strings_like_json_stringify() {
        let value = json!({"string": "\u{20ac}$\u{000f}\u{000a}A'\u{0042}\u{0022}\u{005c}\\\"/", "literals": [null, true, false]});
        assert_eq!(
            canonicalize(&value).expect("ok"),
            r#"{"literals":[null,true,false],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        );
    }
}
