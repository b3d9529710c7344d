//! A structure-aware mutator: besides byte edits, it rewrites number tokens into the forms that
//! read differently in JCS and in the typed layer (`1.0`, `1e0`, `-0`, 2^53 and its
//! neighbours), re-serialises a JSON document with shuffled key order, escaped characters and
//! other whitespace (changes that must not change a verdict), appends an `@context`, duplicates
//! and drops keys, and splices other inputs in.

use crate::rng::Rng;
use serde_json::Value;

/// Tokens worth inserting as they are.
const DICTIONARY: &[&str] = &[
    "1.0",
    "1e0",
    "1E+2",
    "-0",
    "9007199254740991",
    "9007199254740992",
    "9007199254740993",
    "-9007199254740992",
    "18446744073709551616",
    "1e400",
    "\\u0000",
    "\\ud83d\\ude00",
    "\\ud800",
    "\\/",
    "\"@context\"",
    "\"reportVersion\"",
    "\"proof\"",
    "null",
    "true",
    "[]",
    "{}",
    ",",
    ":",
    "\"\"",
    "+",
    "\u{1f600}",
    "é",
];

/// One mutation of `input`; `pool` gives material to splice.
pub fn mutate(input: &[u8], pool: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut out = match rng.below(10) {
        0..=2 => bytes(input, rng),
        3 => dictionary(input, rng),
        4 | 5 => number_form(input, rng).unwrap_or_else(|| bytes(input, rng)),
        6 | 7 => structural(input, rng).unwrap_or_else(|| bytes(input, rng)),
        8 => splice(input, pool, rng),
        _ => {
            let once = structural(input, rng).unwrap_or_else(|| input.to_vec());
            number_form(&once, rng).unwrap_or(once)
        }
    };
    // Some inputs stay short, so that hex and small documents are explored too.
    if out.len() > 1 << 20 {
        out.truncate(1 << 20);
    }
    out
}

fn bytes(input: &[u8], rng: &mut Rng) -> Vec<u8> {
    const INTERESTING: &[u8] = b"\"\\{}[],:0123456789-+.eEabcdefABCDEF \n\t\x00\x7f\xff\xc3";
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        let byte = if rng.one_in(2) {
            INTERESTING[rng.below(INTERESTING.len())]
        } else {
            rng.next_u64() as u8
        };
        match rng.below(4) {
            0 if at < out.len() => out[at] = byte,
            1 => out.insert(at, byte),
            2 if at < out.len() => {
                out.remove(at);
            }
            _ if at < out.len() => out[at] ^= 1 << rng.below(8),
            _ => out.push(byte),
        }
    }
    out
}

fn dictionary(input: &[u8], rng: &mut Rng) -> Vec<u8> {
    let token = rng.pick(DICTIONARY).copied().unwrap_or("0").as_bytes();
    let at = rng.below(input.len() + 1);
    let mut out = input[..at].to_vec();
    out.extend_from_slice(token);
    // Replace as many bytes as inserted, or insert.
    let skip = if rng.one_in(2) { token.len() } else { 0 };
    out.extend_from_slice(input.get(at + skip..).unwrap_or_default());
    out
}

/// Where JSON number tokens start: a digit or `-` outside strings, after no other digit.
fn number_starts(input: &[u8]) -> Vec<usize> {
    let mut starts = Vec::new();
    let (mut in_string, mut escaped) = (false, false);
    for (i, &b) in input.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else if (b.is_ascii_digit() || b == b'-')
            && (i == 0 || !matches!(input[i - 1], b'0'..=b'9' | b'-' | b'.' | b'e' | b'E' | b'+'))
        {
            starts.push(i);
        }
    }
    starts
}

/// Replaces one number token by another form of a number: a fraction or exponent form of the
/// same value, `-0`, the bounds of the exact range and beyond, a neighbour.
fn number_form(input: &[u8], rng: &mut Rng) -> Option<Vec<u8>> {
    // Inside strings too, now and then (dates, hashes), but mostly real number tokens.
    let mut starts = if rng.one_in(8) {
        (0..input.len())
            .filter(|&i| input[i].is_ascii_digit() && (i == 0 || !input[i - 1].is_ascii_digit()))
            .collect()
    } else {
        number_starts(input)
    };
    // Half the time only long numbers: where the range of exact integers ends.
    let digits_at = |i: usize| {
        input[i..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b'-')
            .count()
    };
    if rng.one_in(2) && starts.iter().any(|&i| digits_at(i) >= 6) {
        starts.retain(|&i| digits_at(i) >= 6);
    }
    let &start = rng.pick(&starts)?;
    let end = (start + 1..input.len())
        .find(|&i| !input[i].is_ascii_digit())
        .unwrap_or(input.len());
    let token = std::str::from_utf8(&input[start..end]).ok()?;
    let forms = [
        format!("{token}.0"),
        format!("{token}e0"),
        format!("{token}E+00"),
        format!("{token}.5"),
        "-0".to_string(),
        "9007199254740991".to_string(),
        "9007199254740992".to_string(),
        "9007199254740993".to_string(),
        "-9007199254740993".to_string(),
        format!("{token}000000000000000000000"),
        format!("0{token}"),
        format!("{}", token.parse::<i64>().ok()?.wrapping_add(1)),
        format!("{}", token.parse::<i64>().ok()?.wrapping_sub(1)),
    ];
    let form = rng.pick(&forms)?;
    let mut out = input[..start].to_vec();
    out.extend_from_slice(form.as_bytes());
    out.extend_from_slice(&input[end..]);
    Some(out)
}

/// Parses the input (laxly) and writes it back with changes; `None` when it is not JSON.
fn structural(input: &[u8], rng: &mut Rng) -> Option<Vec<u8>> {
    let mut value: Value = serde_json::from_slice(input).ok()?;
    match rng.below(6) {
        // Semantics kept: key order, escapes and whitespace only.
        0..=2 => {}
        3 => {
            if let Some(context) = value.get_mut("@context").and_then(Value::as_array_mut) {
                context.push("https://example.org/extra/v1".into());
            }
        }
        4 => edit_random_leaf(&mut value, rng),
        _ => drop_random_key(&mut value, rng),
    }
    let mut out = String::new();
    let style = Style {
        pretty: rng.one_in(2),
        escape_one_in: [0, 4, 32][rng.below(3)],
        duplicate_one_in: if rng.one_in(8) { 16 } else { 0 },
    };
    write(&value, &style, rng, 0, &mut out);
    Some(out.into_bytes())
}

struct Style {
    pretty: bool,
    /// Escape a character as `\uXXXX` one time in this many (0: never).
    escape_one_in: usize,
    /// Write a member twice one time in this many (0: never).
    duplicate_one_in: usize,
}

fn write(value: &Value, style: &Style, rng: &mut Rng, depth: usize, out: &mut String) {
    let newline = |out: &mut String, depth: usize| {
        if style.pretty {
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
        }
    };
    match value {
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                write(item, style, rng, depth + 1, out);
            }
            newline(out, depth);
            out.push(']');
        }
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            // Fisher–Yates: another key order, which JCS must make irrelevant.
            for i in (1..entries.len()).rev() {
                entries.swap(i, rng.below(i + 1));
            }
            out.push('{');
            let mut first = true;
            for (key, item) in entries {
                let times = if style.duplicate_one_in > 0 && rng.one_in(style.duplicate_one_in) {
                    2
                } else {
                    1
                };
                for _ in 0..times {
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    newline(out, depth + 1);
                    write_string(key, style, rng, out);
                    out.push_str(if style.pretty { ": " } else { ":" });
                    write(item, style, rng, depth + 1, out);
                }
            }
            newline(out, depth);
            out.push('}');
        }
        Value::String(s) => write_string(s, style, rng, out),
        other => out.push_str(&other.to_string()),
    }
}

fn write_string(s: &str, style: &Style, rng: &mut Rng, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        let escape = style.escape_one_in > 0 && rng.one_in(style.escape_one_in);
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' if escape => out.push_str("\\/"),
            c if escape || (c as u32) < 0x20 => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn edit_random_leaf(value: &mut Value, rng: &mut Rng) {
    match value {
        Value::Array(items) if !items.is_empty() => {
            let i = rng.below(items.len());
            edit_random_leaf(&mut items[i], rng);
        }
        Value::Object(map) if !map.is_empty() => {
            let i = rng.below(map.len());
            if let Some((_, item)) = map.iter_mut().nth(i) {
                edit_random_leaf(item, rng);
            }
        }
        Value::Number(n) => {
            *value = match rng.below(3) {
                0 => (n.as_i64().unwrap_or(0).wrapping_add(1)).into(),
                1 => (-1).into(),
                _ => Value::String(n.to_string()),
            }
        }
        Value::String(s) => s.push(['x', 'é', '\u{1f600}', '\0'][rng.below(4)]),
        Value::Bool(b) => *b = !*b,
        _ => *value = Value::Null,
    }
}

fn drop_random_key(value: &mut Value, rng: &mut Rng) {
    if let Value::Object(map) = value {
        if map.is_empty() {
            return;
        }
        let i = rng.below(map.len());
        let key = map.keys().nth(i).cloned();
        if let Some(key) = key {
            if rng.one_in(3) {
                map.remove(&key);
            } else if let Some(item) = map.get_mut(&key) {
                drop_random_key(item, rng);
            }
        }
    }
}

fn splice(input: &[u8], pool: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let Some(other) = rng.pick(pool) else {
        return input.to_vec();
    };
    let from = rng.below(other.len() + 1);
    let to = from + rng.below(other.len() - from + 1).min(256);
    let at = rng.below(input.len() + 1);
    let mut out = input[..at].to_vec();
    out.extend_from_slice(&other[from..to]);
    out.extend_from_slice(&input[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Re-serialising with shuffled keys, escapes and whitespace keeps the value.
    #[test]
    fn structural_rewrites_keep_the_value_when_asked_to() {
        let text = "{\"a/b\": [1, {\"é\": \"x\\u0001\u{1f600}\"}], \"c\": null, \"d\": true}";
        let value: Value = serde_json::from_str(text).expect("json");
        let mut rng = Rng::new(7);
        for _ in 0..50 {
            let style = Style {
                pretty: rng.one_in(2),
                escape_one_in: 2,
                duplicate_one_in: 0,
            };
            let mut out = String::new();
            write(&value, &style, &mut rng, 0, &mut out);
            let back: Value = serde_json::from_str(&out).expect("valid JSON");
            assert_eq!(back, value, "{out}");
        }
    }

    #[test]
    fn number_forms_replace_a_whole_token() {
        let mut rng = Rng::new(1);
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..200 {
            let out = number_form(b"{\"count\": 35}", &mut rng).expect("a number");
            seen.insert(String::from_utf8(out).expect("utf-8"));
        }
        assert!(seen.contains("{\"count\": 35.0}"), "{seen:?}");
        assert!(seen.contains("{\"count\": 9007199254740993}"), "{seen:?}");
        assert!(seen.contains("{\"count\": -0}"), "{seen:?}");
    }
}
