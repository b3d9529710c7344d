//! What `tdg batch` is handed: files, folders (walked recursively) and `.zip` archives, each
//! report read with the report size limit. Nothing is dropped silently: what cannot be read,
//! and what is skipped because it is not a `.json` file, is listed with the reason.

use std::io::Read;
use std::path::Path;
use tdg_office::archive::{has_extension, unzip, Handed, Unread};
use tdg_report::strict_json::MAX_BYTES;

/// Every report file under `paths`, in the order given (a folder's files sorted by name, an
/// archive's in its own order),
/// plus the files skipped (not `.json`) with their names.
pub fn gather(paths: &[String]) -> (Vec<Handed>, Vec<String>) {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        let p = Path::new(path);
        if p.is_dir() {
            walk(p, &mut found, &mut skipped);
        } else if has_extension(path, "zip") {
            unzip_file(path, &mut found, &mut skipped);
        } else {
            // A file named on the command line is read whatever its name: the office chose it.
            found.push(Found::ToRead(path.clone()));
        }
    }
    // Ten thousand small files read one after another took a fifth of the batch's time.
    let read = tdg_office::parallel::map_on_every_core(&found, |f| match f {
        Found::ToRead(path) => Some(read_file(path)),
        Found::Read(_) => None,
    });
    // One result per item, in order: each file to read has its `Some` (were one missing, the
    // file is read here rather than left out).
    let handed = found
        .into_iter()
        .zip(read)
        .map(|(f, read)| match f {
            Found::Read(handed) => handed,
            Found::ToRead(path) => read.unwrap_or_else(|| read_file(&path)),
        })
        .collect();
    (handed, skipped)
}

/// A report file in the order it was found: on disk (read afterwards, on every core), or
/// already read from an archive, or what could not be.
enum Found {
    ToRead(String),
    Read(Handed),
}

fn walk(dir: &Path, found: &mut Vec<Found>, skipped: &mut Vec<String>) {
    let mut children: Vec<_> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(e) => {
            found.push(Found::Read(Handed {
                name: dir.display().to_string(),
                bytes: Err(Unread::io(&e)),
            }));
            return;
        }
    };
    children.sort();
    for child in children {
        let name = child.display().to_string();
        if child.is_dir() {
            walk(&child, found, skipped);
        } else if has_extension(&name, "json") {
            found.push(Found::ToRead(name));
        } else if has_extension(&name, "zip") {
            unzip_file(&name, found, skipped);
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

/// An archive on disk, read by the office crate's reader (the browser's reads its bytes).
fn unzip_file(path: &str, found: &mut Vec<Found>, skipped: &mut Vec<String>) {
    let mut handed = Vec::new();
    match std::fs::File::open(path) {
        Ok(file) => unzip(path, file, &mut handed, skipped),
        Err(e) => handed.push(Handed {
            name: path.to_owned(),
            bytes: Err(Unread::io(&e)),
        }),
    }
    found.extend(handed.into_iter().map(Found::Read));
}
