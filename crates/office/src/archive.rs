//! Reports handed over in a `.zip` archive, read the same way by `tdg batch` and by the office
//! view in the browser (which has the archive's bytes, not a file). Nothing is dropped silently:
//! what cannot be read is listed with the reason, what is not a `.json` file is listed as
//! skipped.

use std::io::{Read, Seek};
use tdg_model::Localized;
use tdg_report::strict_json::{StrictJsonError, MAX_BYTES};

/// A report file's bytes, or why they could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handed {
    /// The name as the office gave it (inside a zip: `archive.zip/inner/path.json`).
    pub name: String,
    pub bytes: Result<Vec<u8>, Unread>,
}

/// Why a file was not read, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Unread {
    #[serde(flatten)]
    pub text: tdg_model::Text,
}

impl Unread {
    pub fn io(e: &std::io::Error) -> Unread {
        Unread {
            text: tdg_model::Text::new(
                format!("không đọc được tệp: {e}"),
                format!("cannot read the file: {e}"),
            ),
        }
    }

    pub fn too_large(size: u64) -> Unread {
        let e = StrictJsonError::TooLarge {
            size: usize::try_from(size).unwrap_or(usize::MAX),
            max: MAX_BYTES,
        };
        Unread {
            text: tdg_model::Text::new(e.message(tdg_model::Lang::Vi), e.to_string()),
        }
    }

    fn zip(e: &zip::result::ZipError) -> Unread {
        Unread {
            text: tdg_model::Text::new(
                format!("không mở được tệp nén .zip: {e}"),
                format!("cannot open the .zip archive: {e}"),
            ),
        }
    }
}

/// A zip archive may hold at most this much in all, unpacked (a zip bomb stops here).
pub const MAX_ZIP_TOTAL: u64 = 2 * 1024 * 1024 * 1024;

/// `name` ends in `.ext`, whatever the case.
pub fn has_extension(name: &str, ext: &str) -> bool {
    std::path::Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// Every `.json` file inside the archive `name` (read from `reader`), in the archive's own
/// order, each with at most one byte over the report size limit; the other files' names go to
/// `skipped`. An archive that cannot be opened is one unreadable entry named after it.
pub fn unzip<R: Read + Seek>(
    name: &str,
    reader: R,
    handed: &mut Vec<Handed>,
    skipped: &mut Vec<String>,
) {
    let mut archive = match zip::ZipArchive::new(reader) {
        Ok(a) => a,
        Err(e) => {
            handed.push(Handed {
                name: name.to_owned(),
                bytes: Err(Unread::zip(&e)),
            });
            return;
        }
    };
    let mut unpacked = 0u64;
    for index in 0..archive.len() {
        let entry = archive.by_index(index);
        let inner = entry
            .as_ref()
            .ok()
            .and_then(|e| e.name().ok().map(|n| n.into_owned()))
            .unwrap_or_else(|| format!("#{index}"));
        let full = format!("{name}/{inner}");
        if inner.ends_with('/') {
            continue; // A folder entry.
        }
        if entry.is_ok() && !has_extension(&inner, "json") {
            skipped.push(full);
            continue;
        }
        let bytes = match entry {
            Err(e) => Err(Unread::zip(&e)),
            Ok(entry) if entry.size() > MAX_BYTES as u64 => Err(Unread::too_large(entry.size())),
            Ok(_) if unpacked > MAX_ZIP_TOTAL => Err(Unread::too_large(unpacked)),
            Ok(entry) => {
                let mut bytes = Vec::new();
                // The declared size can lie: read at most one byte over the limit.
                match entry.take(MAX_BYTES as u64 + 1).read_to_end(&mut bytes) {
                    Ok(n) => {
                        unpacked += n as u64;
                        Ok(bytes)
                    }
                    Err(e) => Err(Unread::io(&e)),
                }
            }
        };
        handed.push(Handed { name: full, bytes });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    fn archive(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in files {
            out.start_file(*name, zip::write::SimpleFileOptions::default())
                .expect("a new entry in memory");
            out.write_all(bytes).expect("writing to memory");
        }
        out.finish().expect("finishing in memory").into_inner()
    }

    #[test]
    fn reads_json_entries_and_lists_the_others_as_skipped() {
        let bytes = archive(&[("a/x.json", b"{}"), ("note.txt", b"hi"), ("y.JSON", b"[]")]);
        let (mut handed, mut skipped) = (Vec::new(), Vec::new());
        unzip("s.zip", Cursor::new(bytes), &mut handed, &mut skipped);
        let names: Vec<&str> = handed.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(names, ["s.zip/a/x.json", "s.zip/y.JSON"]);
        assert_eq!(handed[0].bytes.as_deref(), Ok(&b"{}"[..]));
        assert_eq!(skipped, ["s.zip/note.txt"]);
    }

    #[test]
    fn a_damaged_archive_is_one_unreadable_entry_with_both_languages() {
        let (mut handed, mut skipped) = (Vec::new(), Vec::new());
        unzip(
            "bad.zip",
            Cursor::new(b"PK not really".to_vec()),
            &mut handed,
            &mut skipped,
        );
        assert_eq!(handed.len(), 1);
        let why = handed[0].bytes.as_ref().expect_err("not a zip");
        assert!(
            why.text.vi.starts_with("không mở được tệp nén .zip"),
            "{}",
            why.text.vi
        );
        assert!(
            why.text.en.starts_with("cannot open the .zip archive"),
            "{}",
            why.text.en
        );
    }
}
