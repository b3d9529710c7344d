//! Reading untrusted JSON: a size limit, UTF-8, no duplicate keys, bounded nesting, integers
//! only. A report whose meaning depends on which of two equal keys a parser keeps must be
//! refused, not guessed; so must a number that JCS (through an IEEE double) and the typed layer
//! (exactly) would read differently: `1.0`, `1e0`, `-0`, and integers beyond
//! ±`tdg_model::MAX_SAFE_INTEGER` (see `tdg_model::numbers` for the rule and why).

use crate::numbers::{find_unsafe_number, is_safe_integer, UnsafeNumber};
use crate::text::Localized;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// Reports larger than this are refused before parsing (a real report is a few tens of KB).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Deeper nesting than this is refused (a report nests about 8 levels).
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StrictJsonError {
    #[error("the file is {size} bytes, more than the {max} bytes allowed")]
    TooLarge { size: usize, max: usize },
    #[error("the file is not UTF-8 text (first bad byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error("the key \"{key}\" appears twice in one object (line {line}, column {column})")]
    DuplicateKey {
        key: String,
        line: usize,
        column: usize,
    },
    #[error("the JSON nests deeper than {max} levels (line {line}, column {column})")]
    TooDeep {
        max: usize,
        line: usize,
        column: usize,
    },
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// A number that is not an integer, is `-0`, or is beyond ±(2^53 − 1).
    #[error(transparent)]
    UnsafeNumber(#[from] UnsafeNumber),
}

impl StrictJsonError {
    /// The Vietnamese, located as the English (`Display`) is.
    fn vietnamese(&self) -> String {
        match self {
            StrictJsonError::TooLarge { size, max } => {
                format!("tệp dài {size} byte, quá giới hạn {max} byte")
            }
            StrictJsonError::NotUtf8 { offset } => {
                format!("tệp không phải văn bản UTF-8 (byte lỗi đầu tiên ở vị trí {offset})")
            }
            StrictJsonError::DuplicateKey { key, line, column } => {
                format!(
                    "khóa “{key}” xuất hiện hai lần trong một đối tượng (dòng {line}, cột {column})"
                )
            }
            StrictJsonError::TooDeep { max, line, column } => {
                format!("JSON lồng sâu quá {max} cấp (dòng {line}, cột {column})")
            }
            StrictJsonError::Syntax { line, column, .. } => {
                format!(
                    "không phải JSON hợp lệ ở dòng {line}, cột {column} (tệp bị cắt hoặc bị sửa)"
                )
            }
            StrictJsonError::UnsafeNumber(n) => n.message(crate::text::Lang::Vi),
        }
    }
}

/// Vietnamese from `vietnamese`, English from `Display`.
impl crate::Localized for StrictJsonError {
    fn message(&self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::Vi => self.vietnamese(),
            crate::Lang::En => self.to_string(),
        }
    }
}

/// Parses `bytes` into a value after checking every rule above.
pub fn parse(bytes: &[u8]) -> Result<serde_json::Value, StrictJsonError> {
    parse_at_most(bytes, MAX_BYTES)
}

/// The same with another size limit (a draft, an answers file).
pub fn parse_at_most(bytes: &[u8], max: usize) -> Result<serde_json::Value, StrictJsonError> {
    if bytes.len() > max {
        return Err(StrictJsonError::TooLarge {
            size: bytes.len(),
            max,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| StrictJsonError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    let mut de = serde_json::Deserializer::from_str(text);
    let value = (Strict { depth: 0 })
        .deserialize(&mut de)
        .and_then(|value| de.end().map(|()| value))
        .map_err(classify)?;
    // After the syntax check, so that the tokens scanned are the ones the parser read.
    if let Some(number) = find_unsafe_number(text) {
        return Err(number.into());
    }
    Ok(value)
}

/// The JSON pointer of the first number in `value` that is not a safe integer (a value built in
/// code rather than parsed, e.g. a report about to be signed), with the number as text.
pub fn unsafe_number_in(value: &serde_json::Value) -> Option<(String, String)> {
    use serde_json::Value;
    match value {
        Value::Number(n) => {
            let safe = n.as_i64().is_some_and(is_safe_integer)
                || n.as_u64()
                    .is_some_and(|u| i64::try_from(u).is_ok_and(is_safe_integer));
            (!safe).then(|| (String::new(), n.to_string()))
        }
        Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            unsafe_number_in(item).map(|(path, n)| (format!("/{i}{path}"), n))
        }),
        Value::Object(map) => map.iter().find_map(|(key, item)| {
            // The key is escaped only on the path found: escaping every key cost more than the
            // search itself.
            unsafe_number_in(item).map(|(path, n)| {
                let key = key.replace('~', "~0").replace('/', "~1");
                (format!("/{key}{path}"), n)
            })
        }),
        _ => None,
    }
}

fn classify(e: serde_json::Error) -> StrictJsonError {
    let (line, column) = (e.line(), e.column());
    let message = e.to_string();
    if let Some(rest) = message.strip_prefix("duplicate key: ") {
        let key = rest.split(" at line").next().unwrap_or(rest).to_string();
        return StrictJsonError::DuplicateKey { key, line, column };
    }
    if message.starts_with("too deep") || message.starts_with("recursion limit exceeded") {
        return StrictJsonError::TooDeep {
            max: MAX_DEPTH,
            line,
            column,
        };
    }
    StrictJsonError::Syntax {
        line,
        column,
        message,
    }
}

/// Checks `text` for syntax, duplicate keys and depth without building anything: for files read
/// straight into typed structures (answers, drafts), where one key given twice would otherwise
/// be read as its last value, silently.
pub fn check_structure(text: &str) -> Result<(), StrictJsonError> {
    let mut de = serde_json::Deserializer::from_str(text);
    (Checker { depth: 0 })
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(classify)
}

/// Walks the document once, checking keys and depth, keeping nothing.
struct Checker {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Checker {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Checker {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let depth = enter::<A::Error>(self.depth)?;
        while seq.next_element_seed(Checker { depth })?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let depth = enter::<A::Error>(self.depth)?;
        let mut seen = std::collections::BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom(format_args!("duplicate key: {key}")));
            }
            map.next_value_seed(Checker { depth })?;
        }
        Ok(())
    }
}

fn enter<E: de::Error>(depth: usize) -> Result<usize, E> {
    if depth >= MAX_DEPTH {
        return Err(E::custom("too deep"));
    }
    Ok(depth + 1)
}

/// Builds the value in one pass, refusing duplicate keys and nesting deeper than [`MAX_DEPTH`]
/// (a separate checking pass before serde_json's own parse doubled the cost of reading a report).
struct Strict {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, i: i64) -> Result<Value, E> {
        Ok(i.into())
    }
    fn visit_u64<E>(self, u: u64) -> Result<Value, E> {
        Ok(u.into())
    }
    fn visit_f64<E: de::Error>(self, f: f64) -> Result<Value, E> {
        // serde_json never hands over a non-finite double; the check keeps this total.
        serde_json::Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(|| E::custom("a number JSON cannot carry"))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let depth = enter::<A::Error>(self.depth)?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Strict { depth })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let depth = enter::<A::Error>(self.depth)?;
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            // One search of the object per key, not two (a report's or a catalog's every key).
            match object.entry(key) {
                serde_json::map::Entry::Occupied(seen) => {
                    return Err(de::Error::custom(format_args!(
                        "duplicate key: {}",
                        seen.key()
                    )));
                }
                serde_json::map::Entry::Vacant(slot) => {
                    slot.insert(map.next_value_seed(Strict { depth })?);
                }
            }
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_each_kind_of_bad_input_with_its_own_error() {
        assert!(
            matches!(parse(br#"{"a":1,"a":2}"#), Err(StrictJsonError::DuplicateKey { key, .. }) if key == "a")
        );
        assert!(matches!(
            parse(br#"{"x":{"b":1,"c":{"b":2},"b":3}}"#),
            Err(StrictJsonError::DuplicateKey { .. })
        ));
        assert!(matches!(
            parse(&[b'"', 0xff, b'"']),
            Err(StrictJsonError::NotUtf8 { offset: 1 })
        ));
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(matches!(
            parse(deep.as_bytes()),
            Err(StrictJsonError::TooDeep { .. })
        ));
        let ok_depth = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(ok_depth.as_bytes()).is_ok());
        assert!(matches!(
            parse(&vec![b' '; MAX_BYTES + 1]),
            Err(StrictJsonError::TooLarge { .. })
        ));
        assert!(matches!(
            parse(b"{\"a\":"),
            Err(StrictJsonError::Syntax { .. })
        ));
        assert!(matches!(
            parse(b"{} {}"),
            Err(StrictJsonError::Syntax { .. })
        ));
        for (text, token) in [
            ("{\"a\":\n [1.0]}", "1.0"),
            ("[1e0]", "1e0"),
            ("[-0]", "-0"),
            ("[9007199254740992]", "9007199254740992"),
            ("[-9007199254740992]", "-9007199254740992"),
            ("[100000000000000000000000]", "100000000000000000000000"),
        ] {
            assert!(
                matches!(parse(text.as_bytes()), Err(StrictJsonError::UnsafeNumber(ref n)) if n.token == token),
                "{text}"
            );
        }
        let located = parse(b"{\"a\":\n [1.0]}").expect_err("1.0");
        assert!(
            located.to_string().contains("line 2, column 3"),
            "{located}"
        );
        assert!(parse(b"[9007199254740991, -9007199254740991, 0, \"1.5\"]").is_ok());
        assert_eq!(
            parse(br#"{"a":[1,{"b":null}]}"#).ok(),
            Some(serde_json::json!({"a":[1,{"b":null}]}))
        );
    }

    #[test]
    fn finds_unsafe_numbers_in_values_built_in_code() {
        use serde_json::json;
        assert_eq!(
            unsafe_number_in(&json!({"a": [1, -2, {"b": 9_007_199_254_740_991u64}]})),
            None
        );
        assert_eq!(
            unsafe_number_in(&json!({"a": [1, {"b/c": 9_007_199_254_740_992u64}]})),
            Some(("/a/1/b~1c".into(), "9007199254740992".into()))
        );
        assert_eq!(
            unsafe_number_in(&json!({"x": 1.5})),
            Some(("/x".into(), "1.5".into()))
        );
        assert!(unsafe_number_in(&json!([i64::MIN])).is_some());
    }
}
