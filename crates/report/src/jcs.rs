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
        Value::Number(n) => out.push_str(&number(n)?),
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

fn write_object(map: &Map<String, Value>, out: &mut String) -> Result<(), JcsError> {
    let mut entries: Vec<(&String, &Value)> = map.iter().collect();
    entries.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
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

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{9}' => out.push_str("\\t"),
            '\u{a}' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\u{d}' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
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
    fn escapes_strings_like_json_stringify() {
        let value = json!({"string": "\u{20ac}$\u{000f}\u{000a}A'\u{0042}\u{0022}\u{005c}\\\"/", "literals": [null, true, false]});
        assert_eq!(
            canonicalize(&value).expect("ok"),
            r#"{"literals":[null,true,false],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        );
    }
}
