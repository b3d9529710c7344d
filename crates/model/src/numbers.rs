//! Numbers that read the same everywhere. RFC 8785 (JCS) writes every number through an IEEE
//! double, so an integer beyond ±(2^53−1) signs the same as its neighbour (2^53 + 1 is
//! canonicalised as 2^53), while serde reads the exact integer: the signature would cover one
//! value and the verifier would show another. JavaScript reads such numbers rounded, too. So
//! every file this tool reads (reports, answer sheets, drafts) holds integers written as
//! integers, within ±`MAX_SAFE_INTEGER`, and nothing else:
//!
//! - `1.0`, `1e0`, `1E2`, `0.5` are refused (a fraction or an exponent is not an integer token;
//!   `1.0` and `1` sign the same, but the typed layer may read them differently);
//! - `-0` is refused (it parses as the double −0.0, canonicalises as `0`);
//! - `9007199254740992` (2^53) and beyond, either sign, are refused.

use crate::text::Lang;

/// The largest integer that an IEEE double, hence JCS and JavaScript, carries exactly
/// (JavaScript's `Number.MAX_SAFE_INTEGER`, 2^53 − 1). The one bound for every number read.
pub const MAX_SAFE_INTEGER: i64 = 9_007_199_254_740_991;

/// True when `n` is within ±`MAX_SAFE_INTEGER`.
pub fn is_safe_integer(n: i64) -> bool {
    (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&n)
}

/// Why a number token is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberProblem {
    /// A fraction or an exponent (`1.0`, `1e0`).
    NotInteger,
    /// `-0`.
    NegativeZero,
    /// Beyond ±`MAX_SAFE_INTEGER`.
    OutOfRange,
}

/// A number token that is not a safe integer, where it is (line and column from 1; the column
/// counts characters, not bytes, so that it matches what an editor shows).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the number {token} at line {line}, column {column} {}", self.reason(Lang::En))]
pub struct UnsafeNumber {
    /// The token as written (cut to 40 characters).
    pub token: String,
    pub line: usize,
    pub column: usize,
    pub problem: NumberProblem,
}

impl UnsafeNumber {
    fn reason(&self, lang: Lang) -> String {
        match (self.problem, lang) {
            (NumberProblem::NotInteger, Lang::En) => {
                "is not an integer: only integers are allowed (no fraction, no exponent)".into()
            }
            (NumberProblem::NotInteger, Lang::Vi) => {
                "không phải số nguyên: chỉ dùng số nguyên (không có phần thập phân, không có số mũ)"
                    .into()
            }
            (NumberProblem::NegativeZero, Lang::En) => "is not allowed: write 0".into(),
            (NumberProblem::NegativeZero, Lang::Vi) => "không hợp lệ: hãy viết 0".into(),
            (NumberProblem::OutOfRange, Lang::En) => {
                format!("is outside the range of exact integers, ±{MAX_SAFE_INTEGER}")
            }
            (NumberProblem::OutOfRange, Lang::Vi) => {
                format!("nằm ngoài khoảng số nguyên chính xác ±{MAX_SAFE_INTEGER}")
            }
        }
    }
}

impl crate::Localized for UnsafeNumber {
    /// The whole sentence in `lang`.
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Vi => format!(
                "số {} ở dòng {}, cột {} {}",
                self.token,
                self.line,
                self.column,
                self.reason(Lang::Vi)
            ),
        }
    }
}

/// Judges one number token as written in JSON.
pub fn check_number_token(token: &str) -> Option<NumberProblem> {
    if token.contains(['.', 'e', 'E']) {
        return Some(NumberProblem::NotInteger);
    }
    let digits = token.strip_prefix('-').unwrap_or(token);
    if token.starts_with('-') && !digits.is_empty() && digits.bytes().all(|b| b == b'0') {
        return Some(NumberProblem::NegativeZero);
    }
    // More digits than u64 holds is out of range too; a malformed token is left to the parser.
    match digits.parse::<u64>() {
        Ok(n) if n <= MAX_SAFE_INTEGER.unsigned_abs() => None,
        Ok(_) => Some(NumberProblem::OutOfRange),
        Err(_) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            Some(NumberProblem::OutOfRange)
        }
        Err(_) => None,
    }
}

/// The first number token in `text` that is not a safe integer. Only tokens outside strings
/// count; the text is not otherwise checked (run it on text a JSON parser has accepted, so
/// that the tokens are what the parser read).
pub fn find_unsafe_number(text: &str) -> Option<UnsafeNumber> {
    // Every report, draft and answers file passes here (the office reads thousands at once):
    // the scan keeps no line or column, which are counted only for the token it reports.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i = past_string(bytes, i + 1),
            b'-' | b'0'..=b'9' => {
                let end = bytes[i..]
                    .iter()
                    .position(|c| !matches!(c, b'0'..=b'9' | b'+' | b'-' | b'.' | b'e' | b'E'))
                    .map_or(bytes.len(), |n| i + n);
                // The token is ASCII, so these byte offsets are character boundaries.
                let token = text.get(i..end).unwrap_or_default();
                if let Some(problem) = check_number_token(token) {
                    let (line, column) = line_and_column(bytes, i);
                    return Some(UnsafeNumber {
                        token: token.chars().take(40).collect(),
                        line,
                        column,
                        problem,
                    });
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    None
}

/// The offset just past the closing quote of a string whose contents start at `from` (the end
/// of the text when it is not closed). An escaped character is skipped, so `\"` does not close.
fn past_string(bytes: &[u8], mut from: usize) -> usize {
    while let Some(n) = bytes
        .get(from..)
        .unwrap_or_default()
        .iter()
        .position(|&c| c == b'"' || c == b'\\')
    {
        let at = from + n;
        if bytes[at] == b'"' {
            return at + 1;
        }
        from = at + 2;
    }
    bytes.len()
}

/// The 1-based line and column of byte `at`: a column is a character (the continuation bytes of
/// a UTF-8 character do not count), an escape's backslash is one.
fn line_and_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |n| n + 1);
    let column = 1 + before[line_start..]
        .iter()
        .filter(|&&b| b & 0xc0 != 0x80)
        .count();
    (line, column)
}

/// Why a count typed in a form is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountProblem {
    /// A decimal part ("12,5", "5.5") or anything that is not digits.
    NotWhole,
    /// Beyond ±`MAX_SAFE_INTEGER`.
    TooLarge,
}

/// Reads a count as people type it in a form: digits, optionally grouped by thousands with
/// `.` (Vietnamese, "1.200"), `,` (English, "1,200") or spaces ("1 200"), and a leading `-`.
/// A group that is not three digits is a decimal part, refused rather than read as a bigger
/// number ("12,5" is not 125; review 7, L3). `Ok(None)`: nothing typed.
pub fn parse_count(typed: &str) -> Result<Option<i64>, CountProblem> {
    let text = typed.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let mut groups = unsigned.split(['.', ',', ' ']);
    let first = groups.next().unwrap_or_default();
    let whole = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let mut digits = first.to_string();
    let grouped_right = whole(first) && first.len() <= 3 || !unsigned.contains(['.', ',', ' ']);
    for group in groups {
        if !(grouped_right && group.len() == 3 && whole(group)) {
            return Err(CountProblem::NotWhole);
        }
        digits.push_str(group);
    }
    if !whole(&digits) {
        return Err(CountProblem::NotWhole);
    }
    let n = digits
        .parse::<i64>()
        .ok()
        .map(|n| if negative { -n } else { n })
        .filter(|n| is_safe_integer(*n))
        .ok_or(CountProblem::TooLarge)?;
    Ok(Some(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Localized;

    #[test]
    fn judges_each_number_form() {
        for ok in [
            "0",
            "1",
            "-1",
            "9007199254740991",
            "-9007199254740991",
            "120",
        ] {
            assert_eq!(check_number_token(ok), None, "{ok}");
        }
        for (bad, problem) in [
            ("1.0", NumberProblem::NotInteger),
            ("1e0", NumberProblem::NotInteger),
            ("1E2", NumberProblem::NotInteger),
            ("-0.5", NumberProblem::NotInteger),
            ("-0", NumberProblem::NegativeZero),
            ("9007199254740992", NumberProblem::OutOfRange),
            ("9007199254740993", NumberProblem::OutOfRange),
            ("-9007199254740992", NumberProblem::OutOfRange),
            ("18446744073709551616", NumberProblem::OutOfRange),
            ("123456789012345678901234567890", NumberProblem::OutOfRange),
        ] {
            assert_eq!(check_number_token(bad), Some(problem), "{bad}");
        }
        assert!(is_safe_integer(MAX_SAFE_INTEGER) && !is_safe_integer(MAX_SAFE_INTEGER + 1));
        assert!(!is_safe_integer(i64::MIN));
    }

    #[test]
    fn finds_the_first_bad_number_with_its_place_and_skips_strings() {
        let text = "{\"tên\": \"1.5 -0 \\\" 2e9\",\n  \"a\": [1, -2, 3.0]}";
        let found = find_unsafe_number(text).expect("3.0 is found");
        assert_eq!(
            (found.token.as_str(), found.line, found.column),
            ("3.0", 2, 16)
        );
        assert_eq!(found.problem, NumberProblem::NotInteger);
        assert!(found.to_string().contains("line 2, column 16"), "{found}");
        assert!(found.message(Lang::Vi).contains("dòng 2, cột 16"));
        assert_eq!(find_unsafe_number("{\"a\": [1, -2, 3]}"), None);
        let big = find_unsafe_number("[9007199254740992]").expect("2^53");
        assert_eq!(big.problem, NumberProblem::OutOfRange);
        assert!(big.message(Lang::Vi).contains("±9007199254740991"));
    }

    /// The scan as it was before it stopped counting lines and columns on the way: the place
    /// it reports is the same.
    fn counted_on_the_way(text: &str) -> Option<(String, usize, usize)> {
        let bytes = text.as_bytes();
        let (mut line, mut column, mut in_string, mut i) = (1, 1, false, 0);
        while i < bytes.len() {
            let b = bytes[i];
            if in_string {
                match b {
                    b'\\' => {
                        i += 1;
                        column += 1;
                    }
                    b'"' => in_string = false,
                    _ => {}
                }
            } else if b == b'"' {
                in_string = true;
            } else if b == b'-' || b.is_ascii_digit() {
                let end = bytes[i..]
                    .iter()
                    .position(|c| !matches!(c, b'0'..=b'9' | b'+' | b'-' | b'.' | b'e' | b'E'))
                    .map_or(bytes.len(), |n| i + n);
                let token = &text[i..end];
                if check_number_token(token).is_some() {
                    return Some((token.chars().take(40).collect(), line, column));
                }
                column += end - i;
                i = end;
                continue;
            } else if b == b'\n' {
                line += 1;
                column = 1;
                i += 1;
                continue;
            }
            if b & 0xc0 != 0x80 {
                column += 1;
            }
            i += 1;
        }
        None
    }

    proptest::proptest! {
        #[test]
        fn reports_the_place_the_counting_scan_reported(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("\"tên \\\" 1.5\"".to_string()),
                    proptest::strategy::Just("\n".to_string()),
                    proptest::strategy::Just(", ".to_string()),
                    proptest::strategy::Just("\"đ\\\\\"".to_string()),
                    "-?[0-9]{1,17}(\\.[0-9])?(e[0-9])?",
                    "[a-zà-ỹ {}\\[\\]:]{0,6}",
                ],
                0..12,
            )
        ) {
            let text = parts.concat();
            let found = find_unsafe_number(&text).map(|u| (u.token, u.line, u.column));
            proptest::prop_assert_eq!(found, counted_on_the_way(&text));
        }
    }

    #[test]
    fn the_place_counts_characters_and_an_unclosed_string_ends_the_scan() {
        let found = find_unsafe_number("{\"ấp\": 1, \"b\": 2.5}").expect("2.5");
        assert_eq!((found.line, found.column), (1, 16));
        assert_eq!(find_unsafe_number("[\"2.5, 3.5\\"), None);
        assert_eq!(find_unsafe_number("[\"a\\"), None);
    }

    #[test]
    fn a_count_is_read_with_its_thousands_and_never_with_a_decimal_part() {
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_count(" 1250 "), Ok(Some(1250)));
        assert_eq!(parse_count("1.200"), Ok(Some(1200)));
        assert_eq!(parse_count("1,200"), Ok(Some(1200)));
        assert_eq!(parse_count("1 200 000"), Ok(Some(1_200_000)));
        assert_eq!(parse_count("-3"), Ok(Some(-3)));
        assert_eq!(parse_count("12,5"), Err(CountProblem::NotWhole));
        assert_eq!(parse_count("5.5"), Err(CountProblem::NotWhole));
        assert_eq!(parse_count("1.2000"), Err(CountProblem::NotWhole));
        assert_eq!(parse_count("1234.567"), Err(CountProblem::NotWhole));
        assert_eq!(parse_count("12a"), Err(CountProblem::NotWhole));
        assert_eq!(parse_count("1."), Err(CountProblem::NotWhole));
        assert_eq!(parse_count("9007199254740992"), Err(CountProblem::TooLarge));
        assert_eq!(
            parse_count("9.007.199.254.740.991"),
            Ok(Some(MAX_SAFE_INTEGER))
        );
    }
}
