//! Just enough of an XLSX reader for the register: the first sheet's cells as text, with date
//! cells as `yyyy-mm-dd`. `calamine` reads the same in a few lines, but its XML parser carries
//! every legacy text encoding's tables, which grew the office's WebAssembly module by a third
//! (800 KB to 1,072 KB gzip); this reader costs a few KB on the `zip` the office already has.
//! The tests write workbooks with `rust_xlsxwriter` and compare with `calamine`.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use tdg_model::Date;

/// A part of the workbook larger than this is refused (a register of thousands of units is a
/// few MB; a zip bomb is not read to its end).
const MAX_PART: u64 = 32 * 1024 * 1024;

/// The first sheet: rows as Excel numbers them (1-based) with their cells from column A.
pub type Sheet = Vec<(usize, Vec<String>)>;

struct Book {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
}

impl Book {
    /// A part's text, or `None` when the workbook has no such part.
    fn part(&mut self, path: &str) -> Result<Option<String>, String> {
        let entry = match self.zip.by_name(path) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(e.to_string()),
        };
        if entry.size() > MAX_PART {
            return Err(format!("{path} is too large"));
        }
        let mut text = String::new();
        entry
            .take(MAX_PART)
            .read_to_string(&mut text)
            .map_err(|e| format!("{path}: {e}"))?;
        Ok(Some(text))
    }
}

/// One XML tag as met in the text: its name (without a namespace prefix), its attributes, and
/// whether it opens, closes or is empty (`<x/>`).
struct Tag<'a> {
    name: &'a str,
    attrs: &'a str,
    closing: bool,
    empty: bool,
}

impl Tag<'_> {
    fn attr(&self, wanted: &str) -> Option<String> {
        let mut rest = self.attrs;
        while let Some(eq) = rest.find('=') {
            let key = rest[..eq].trim();
            let key = key.rsplit(':').next().unwrap_or(key);
            let after = rest[eq + 1..].trim_start();
            let quote = after.chars().next()?;
            let body = &after[1..];
            let end = body.find(quote)?;
            if key == wanted {
                return Some(unescape(&body[..end]));
            }
            rest = &body[end + 1..];
        }
        None
    }
}

/// Walks the tags of `xml`, handing each with the text that follows it (up to the next tag).
fn walk<'a>(xml: &'a str, mut f: impl FnMut(&Tag<'a>, &'a str)) {
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else { return };
        let inside = &after[..close];
        rest = &after[close + 1..];
        if inside.starts_with('?') || inside.starts_with('!') {
            continue;
        }
        let closing = inside.starts_with('/');
        let empty = inside.ends_with('/');
        let inside = inside.trim_start_matches('/').trim_end_matches('/');
        let (name, attrs) = inside
            .split_once(|c: char| c.is_whitespace())
            .unwrap_or((inside, ""));
        let name = name.rsplit(':').next().unwrap_or(name);
        let text = &rest[..rest.find('<').unwrap_or(rest.len())];
        f(
            &Tag {
                name,
                attrs,
                closing,
                empty,
            },
            text,
        );
    }
}

/// XML's five entities and character references.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let Some(semi) = after.find(';') else {
            out.push_str(&rest[amp..]);
            return out;
        };
        let entity = &after[..semi];
        let ch = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => out.push(c),
            None => out.push_str(&rest[amp..amp + semi + 2]),
        }
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    out
}

/// The shared strings: each `<si>`'s text runs joined (phonetic runs left out).
fn shared_strings(xml: &str) -> Vec<String> {
    let mut strings = Vec::new();
    let mut current = String::new();
    let mut in_t = false;
    let mut in_phonetic = false;
    walk(xml, |tag, text| match (tag.name, tag.closing) {
        ("si", false) if !tag.empty => current.clear(),
        ("si", false) => strings.push(String::new()),
        ("si", true) => strings.push(std::mem::take(&mut current)),
        ("rPh", closing) => in_phonetic = !closing && !tag.empty,
        ("t", false) if !tag.empty => {
            in_t = true;
            if !in_phonetic {
                current.push_str(&unescape(text));
            }
        }
        ("t", true) => in_t = false,
        _ => {
            // Text after an inner tag of a run (none in practice) still belongs to it.
            if in_t && !in_phonetic {
                current.push_str(&unescape(text));
            }
        }
    });
    strings
}

/// Whether a number format shows a date: the built-in ids 14–22 and 45–47, or a format code
/// with a day, month or year part outside quotes and brackets.
fn is_date_format(id: u32, code: Option<&str>) -> bool {
    if (14..=22).contains(&id) || (45..=47).contains(&id) {
        return true;
    }
    let Some(code) = code else { return false };
    let mut quoted = false;
    let mut bracket = false;
    code.chars().any(|c| {
        match c {
            '"' => quoted = !quoted,
            '[' => bracket = true,
            ']' => bracket = false,
            _ => {}
        }
        !quoted && !bracket && matches!(c.to_ascii_lowercase(), 'd' | 'm' | 'y')
    })
}

/// Which cell styles (`s` indices) show dates.
fn date_styles(xml: &str) -> Vec<bool> {
    let mut codes: HashMap<u32, String> = HashMap::new();
    let mut styles = Vec::new();
    let mut in_xfs = false;
    walk(xml, |tag, _| match tag.name {
        "numFmt" if !tag.closing => {
            if let (Some(id), Some(code)) = (
                tag.attr("numFmtId").and_then(|i| i.parse().ok()),
                tag.attr("formatCode"),
            ) {
                codes.insert(id, code);
            }
        }
        "cellXfs" => in_xfs = !tag.closing && !tag.empty,
        "xf" if in_xfs && !tag.closing => {
            let id = tag
                .attr("numFmtId")
                .and_then(|i| i.parse().ok())
                .unwrap_or(0);
            styles.push(is_date_format(id, codes.get(&id).map(String::as_str)));
        }
        _ => {}
    });
    styles
}

/// The first sheet's part: the workbook's first `<sheet>`, through the workbook's relations.
fn first_sheet_path(book: &mut Book) -> Result<String, String> {
    let fallback = "xl/worksheets/sheet1.xml".to_owned();
    let Some(workbook) = book.part("xl/workbook.xml")? else {
        return Err("it has no xl/workbook.xml".into());
    };
    let mut id = None;
    walk(&workbook, |tag, _| {
        if tag.name == "sheet" && id.is_none() {
            id = tag.attr("id");
        }
    });
    let Some(rels) = book.part("xl/_rels/workbook.xml.rels")? else {
        return Ok(fallback);
    };
    let mut target = None;
    walk(&rels, |tag, _| {
        if tag.name == "Relationship" && tag.attr("Id") == id && target.is_none() {
            target = tag.attr("Target");
        }
    });
    Ok(match target {
        Some(t) if t.starts_with('/') => t.trim_start_matches('/').to_owned(),
        Some(t) => format!("xl/{t}"),
        None => fallback,
    })
}

/// "BC12" → 54 (0-based column of a cell reference).
fn column_of(reference: &str) -> Option<usize> {
    let letters: String = reference
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let n = letters.bytes().fold(0usize, |n, b| {
        n * 26 + usize::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    Some(n - 1)
}

/// An Excel serial day (1900 system) as a date: day 25569 is 1970-01-01.
fn serial_date(serial: f64) -> Option<Date> {
    (serial.is_finite() && (1.0..2_958_466.0).contains(&serial))
        .then(|| Date::from_days_since_epoch(serial.floor() as i64 - 25_569))
}

/// A number cell's text: as Excel shows a whole number (a code typed as 1234), else as is.
fn number_text(value: &str) -> String {
    match value.parse::<f64>() {
        Ok(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
        _ => value.to_owned(),
    }
}

/// The first sheet of the workbook `bytes`, every cell as text.
pub fn first_sheet(bytes: &[u8]) -> Result<Sheet, String> {
    let zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).map_err(|e| e.to_string())?;
    let mut book = Book { zip };
    let path = first_sheet_path(&mut book)?;
    let Some(sheet) = book.part(&path)? else {
        return Err(format!("it has no {path}"));
    };
    let strings = book
        .part("xl/sharedStrings.xml")?
        .map(|x| shared_strings(&x))
        .unwrap_or_default();
    let dates = book
        .part("xl/styles.xml")?
        .map(|x| date_styles(&x))
        .unwrap_or_default();
    let mut rows: Sheet = Vec::new();
    // The cell being read: its column, type, style, and what its <v> or <t> held.
    let mut cell: Option<(usize, String, usize, String)> = None;
    let mut next_row = 1usize;
    let mut next_col = 0usize;
    let mut in_value = false;
    walk(&sheet, |tag, text| match (tag.name, tag.closing) {
        ("row", false) => {
            let r = tag
                .attr("r")
                .and_then(|r| r.parse().ok())
                .unwrap_or(next_row);
            next_row = r + 1;
            next_col = 0;
            rows.push((r, Vec::new()));
        }
        ("c", false) => {
            let col = tag
                .attr("r")
                .and_then(|r| column_of(&r))
                .unwrap_or(next_col);
            next_col = col + 1;
            let kind = tag.attr("t").unwrap_or_default();
            let style = tag.attr("s").and_then(|s| s.parse().ok()).unwrap_or(0);
            cell = Some((col, kind, style, String::new()));
            if tag.empty {
                cell = None;
            }
        }
        ("v" | "t", false) if !tag.empty => {
            in_value = true;
            if let Some((_, _, _, value)) = cell.as_mut() {
                value.push_str(&unescape(text));
            }
        }
        ("v" | "t", true) => in_value = false,
        ("c", true) => {
            let Some((col, kind, style, value)) = cell.take() else {
                return;
            };
            let text = match kind.as_str() {
                "s" => value
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| strings.get(i).cloned())
                    .unwrap_or_default(),
                "b" => (value.trim() == "1").to_string(),
                "str" | "inlineStr" | "e" => value,
                _ if dates.get(style).copied().unwrap_or(false) => value
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .and_then(serial_date)
                    .map_or(value.clone(), |d| d.to_string()),
                _ => number_text(value.trim()),
            };
            if let Some((_, cells)) = rows.last_mut() {
                if cells.len() <= col {
                    cells.resize(col + 1, String::new());
                }
                cells[col] = text;
            }
        }
        _ => {
            if in_value {
                if let Some((_, _, _, value)) = cell.as_mut() {
                    value.push_str(&unescape(text));
                }
            }
        }
    });
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_references_are_read() {
        assert_eq!(
            unescape("A &amp; B &lt;3&gt; &quot;x&quot; &#7843;&#x1EA1; &bogus;"),
            "A & B <3> \"x\" ảạ &bogus;"
        );
    }

    #[test]
    fn columns_and_serial_days() {
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("BC12"), Some(54));
        assert_eq!(column_of("12"), None);
        assert_eq!(serial_date(46086.0), Date::new(2026, 3, 5));
        assert_eq!(serial_date(-3.0), None);
        assert!(is_date_format(14, None));
        assert!(is_date_format(164, Some("dd/mm/yyyy")));
        assert!(!is_date_format(164, Some("0.00")));
        assert!(!is_date_format(164, Some("\"day\" 0")));
    }

    /// A workbook with text, numbers, a date, rich text and an empty column, read as calamine
    /// reads it.
    #[test]
    fn a_workbook_reads_as_calamine_reads_it() {
        use calamine::{Data, Reader, Xlsx};
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let date = Format::new().set_num_format("dd/mm/yyyy");
        let bold = Format::new().set_bold();
        sheet.write_string(0, 0, "Mã đơn vị").expect("a cell");
        sheet.write_string(0, 2, "A & <B> “C”").expect("a cell");
        sheet.write_number(1, 0, 1234.0).expect("a cell");
        sheet.write_number(1, 1, 12.5).expect("a cell");
        let day = ExcelDateTime::from_ymd(2026, 3, 5).expect("a date");
        sheet
            .write_datetime_with_format(1, 2, &day, &date)
            .expect("a cell");
        sheet
            .write_rich_string(3, 1, &[(&bold, "Xã "), (&Format::default(), "Một")])
            .expect("a cell");
        sheet.write_boolean(3, 3, true).expect("a cell");
        let bytes = book.save_to_buffer().expect("a workbook");
        let mine = first_sheet(&bytes).expect("read");
        assert_eq!(
            mine,
            vec![
                (
                    1,
                    vec!["Mã đơn vị".into(), String::new(), "A & <B> “C”".into()]
                ),
                (2, vec!["1234".into(), "12.5".into(), "2026-03-05".into()]),
                (
                    4,
                    vec![String::new(), "Xã Một".into(), String::new(), "true".into()]
                ),
            ]
        );
        let mut theirs = Xlsx::new(Cursor::new(bytes)).expect("calamine");
        let range = theirs
            .worksheet_range_at(0)
            .expect("a sheet")
            .expect("read");
        assert_eq!(
            range.get_value((3, 1)),
            Some(&Data::String("Xã Một".into()))
        );
        assert_eq!(range.get_value((1, 1)), Some(&Data::Float(12.5)));
        assert!(first_sheet(b"PK\x03\x04 not a zip").is_err());
    }
}
