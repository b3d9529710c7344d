//! What `tdg batch` is handed: files, folders (walked recursively) and `.zip` archives, each
//! report read with the report size limit. Nothing is dropped silently: what cannot be read,
//! and what is skipped because it is not a `.json` file, is listed with the reason.

use std::io::Read;
use std::path::Path;
use tdg_report::strict_json::{StrictJsonError, MAX_BYTES};

/// A report file's bytes, or why they could not be read.
pub struct Handed {
    /// The path as the office gave it (inside a zip: `archive.zip/inner/path.json`).
    pub name: String,
    pub bytes: Result<Vec<u8>, Unread>,
}

/// Why a file was not read, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    pub vi: String,
    pub en: String,
}

impl Unread {
    fn io(e: &std::io::Error) -> Unread {
        Unread {
            vi: format!("không đọc được tệp: {e}"),
            en: format!("cannot read the file: {e}"),
        }
    }

    fn too_large(size: u64) -> Unread {
        let e = StrictJsonError::TooLarge {
            size: usize::try_from(size).unwrap_or(usize::MAX),
            max: MAX_BYTES,
        };
        Unread {
            vi: e.message_vi(),
            en: e.to_string(),
        }
    }

    fn zip(e: &zip::result::ZipError) -> Unread {
        Unread {
            vi: format!("không mở được tệp nén .zip: {e}"),
            en: format!("cannot open the .zip archive: {e}"),
        }
    }
}

/// A zip archive may hold at most this much in all, unpacked (a zip bomb stops here).
const MAX_ZIP_TOTAL: u64 = 2 * 1024 * 1024 * 1024;

/// Every report file under `paths`, in the order given (a folder's files sorted by name, an
/// archive's in its own order),
/// plus the files skipped (not `.json`) with their names.
pub fn gather(paths: &[String]) -> (Vec<Handed>, Vec<String>) {
    let mut handed = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        let p = Path::new(path);
        if p.is_dir() {
            walk(p, &mut handed, &mut skipped);
        } else if has_extension(path, "zip") {
            unzip(path, &mut handed, &mut skipped);
        } else {
            // A file named on the command line is read whatever its name: the office chose it.
            handed.push(read_file(path));
        }
    }
    (handed, skipped)
}

fn has_extension(name: &str, ext: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn walk(dir: &Path, handed: &mut Vec<Handed>, skipped: &mut Vec<String>) {
    let mut children: Vec<_> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(e) => {
            handed.push(Handed {
                name: dir.display().to_string(),
                bytes: Err(Unread::io(&e)),
            });
            return;
        }
    };
    children.sort();
    for child in children {
        let name = child.display().to_string();
        if child.is_dir() {
            walk(&child, handed, skipped);
        } else if has_extension(&name, "json") {
            handed.push(read_file(&name));
        } else if has_extension(&name, "zip") {
            unzip(&name, handed, skipped);
        } else {
            skipped.push(name);
        }
    }
}

fn read_file(path: &str) -> Handed {
    let bytes = std::fs::File::open(path).and_then(|f| {
        let mut bytes = Vec::new();
        f.take(MAX_BYTES as u64 + 1).read_to_end(&mut bytes)?;
        Ok(bytes)
    });
    Handed {
        name: path.to_owned(),
        bytes: match bytes {
            // One byte over the limit is enough to know: the verifier refuses it by size.
            Ok(bytes) => Ok(bytes),
            Err(e) => Err(Unread::io(&e)),
        },
    }
}

fn unzip(path: &str, handed: &mut Vec<Handed>, skipped: &mut Vec<String>) {
    let archive = std::fs::File::open(path)
        .map_err(|e| Unread::io(&e))
        .and_then(|f| zip::ZipArchive::new(f).map_err(|e| Unread::zip(&e)));
    let mut archive = match archive {
        Ok(a) => a,
        Err(why) => {
            handed.push(Handed {
                name: path.to_owned(),
                bytes: Err(why),
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
        let name = format!("{path}/{inner}");
        if inner.ends_with('/') {
            continue; // A folder entry.
        }
        if entry.is_ok() && !has_extension(&inner, "json") {
            skipped.push(name);
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
        handed.push(Handed { name, bytes });
    }
}
