//! Compressed copies of the site's files, written beside them in `dist/` (`app.wasm.gz`,
//! `app.wasm.br`), for web servers that send a file's ready-made copy to a browser that accepts
//! it (nginx `gzip_static` and `brotli_static`, docs/offline.md) instead of compressing on each
//! request, usually at a low level. gzip at its best level (what the bench's first-load figure
//! counts), brotli at quality 11 (about a fifth smaller again). A server that does not look for
//! them sends the files themselves: nothing else uses the copies.
//!
//! Brotli 11 takes seconds on the largest modules, so each copy is cached under
//! `target/tools/compress-cache/`, keyed by the file's SHA-256 (entries unused for two weeks
//! are removed: `cache.rs`).

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The encodings of the copies, in a server's order of preference (the smaller first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
}

pub const ENCODINGS: [Encoding; 2] = [Encoding::Brotli, Encoding::Gzip];

impl Encoding {
    /// The copy's extension, after the file's own.
    fn extension(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gz",
        }
    }

    /// Its name in `Accept-Encoding` and `Content-Encoding`.
    pub fn content_coding(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }
}

/// The compression settings below, as part of each cached copy's name.
const SETTINGS: &str = "-gz9-br11w24";

/// Files smaller than this are sent as they are: a copy saves less than a request's headers.
const SMALLEST: u64 = 1024;

/// The kinds of file worth compressing (text and WebAssembly; images here are SVG).
const COMPRESSIBLE: [&str; 7] = ["html", "js", "css", "json", "wasm", "svg", "webmanifest"];

/// Removes the copies of `path`, a file changed after `cargo xtask dist` wrote them (a server
/// would go on sending them).
pub fn remove_copies(path: &Path) -> Result<()> {
    for encoding in ENCODINGS {
        match std::fs::remove_file(copy_of(path, encoding)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    Ok(())
}

/// Whether `name` is a compressed copy (never a file of the site itself).
pub fn is_copy(name: &str) -> bool {
    ENCODINGS.iter().any(|e| {
        name.strip_suffix(e.extension())
            .is_some_and(|n| n.ends_with('.'))
    })
}

/// Writes the gzip and brotli copies of every compressible file of `dist` not in `skip`, on
/// every core (the largest files first, so that one of them does not finish alone at the end).
pub fn run(root: &Path, dist: &Path, skip: impl Fn(&str) -> bool) -> Result<()> {
    let cache = root.join("target").join("tools").join("compress-cache");
    std::fs::create_dir_all(&cache)?;
    let mut paths = Vec::new();
    crate::dist::list_files(dist, &mut paths)?;
    let mut files = Vec::new();
    for path in paths {
        let name = crate::dist::relative_name(dist, &path);
        let size = std::fs::metadata(&path)?.len();
        if !skip(&name) && !is_copy(&name) && compressible(&name) && size >= SMALLEST {
            files.push((size, path));
        }
    }
    files.sort_by(|a, b| b.cmp(a));
    let started = std::time::Instant::now();
    let queue = std::sync::Mutex::new(files.into_iter().map(|(_, path)| path));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let written = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..cores)
            .map(|_| {
                scope.spawn(|| -> Result<usize> {
                    let mut written = 0;
                    // A poisoned queue means another worker panicked: stop, its error is enough.
                    while let Some(path) = queue.lock().ok().and_then(|mut q| q.next()) {
                        write_copies(&cache, &path)?;
                        written += 2;
                    }
                    Ok(written)
                })
            })
            .collect();
        workers.into_iter().try_fold(0, |sum, worker| {
            let written = worker
                .join()
                .unwrap_or_else(|_| Err(anyhow::anyhow!("a compression thread panicked")))?;
            Ok::<usize, anyhow::Error>(sum + written)
        })
    })?;
    eprintln!(
        "compressed copies (.gz, .br): {written} in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    crate::cache::prune(&cache);
    Ok(())
}

/// `path.gz` and `path.br`.
fn write_copies(cache: &Path, path: &Path) -> Result<()> {
    let bytes = std::fs::read(path)?;
    for encoding in ENCODINGS {
        let copy = cached_copy(cache, &bytes, encoding)?;
        std::fs::write(copy_of(path, encoding), copy)?;
    }
    Ok(())
}

fn compressible(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| COMPRESSIBLE.contains(&ext))
}

/// Where the copy of `path` in `encoding` is (`a.wasm` → `a.wasm.br`).
pub fn copy_of(path: &Path, encoding: Encoding) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(encoding.extension());
    PathBuf::from(name)
}

/// The copy of `bytes` in `encoding`, from the cache or made (and cached).
fn cached_copy(cache: &Path, bytes: &[u8], encoding: Encoding) -> Result<Vec<u8>> {
    // The settings are part of the key: a change of level makes new copies.
    let key = Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
        + SETTINGS;
    let cached = cache.join(format!("{key}.{}", encoding.extension()));
    if let Ok(copy) = std::fs::read(&cached) {
        crate::cache::touch(&cached);
        return Ok(copy);
    }
    let copy = compress(bytes, encoding)?;
    // Written under another name and renamed: a run stopped midway leaves no half copy.
    let partial = cache.join(format!("{key}.{}.partial", encoding.extension()));
    std::fs::write(&partial, &copy)?;
    std::fs::rename(&partial, &cached).with_context(|| format!("caching {}", cached.display()))?;
    Ok(copy)
}

/// `bytes` compressed in `encoding`, at the levels above (gzip's best is also what the bench
/// counts for each file).
pub fn compress(bytes: &[u8], encoding: Encoding) -> Result<Vec<u8>> {
    match encoding {
        Encoding::Gzip => {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            encoder.write_all(bytes)?;
            Ok(encoder.finish()?)
        }
        Encoding::Brotli => {
            let mut out = Vec::new();
            let params = brotli::enc::BrotliEncoderParams {
                quality: 11,
                lgwin: 24,
                size_hint: bytes.len(),
                ..Default::default()
            };
            brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
            Ok(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// Each copy decompresses to the file's bytes; a browser that accepts the encoding gets
    /// exactly the file.
    #[test]
    fn copies_decompress_to_the_file() {
        let bytes: Vec<u8> = (0..2_000u32)
            .flat_map(|i| format!("{{\"n\": {i}, \"tên\": \"Sở {}\"}}\n", i % 97).into_bytes())
            .collect();
        let gz = compress(&bytes, Encoding::Gzip).expect("gzip");
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut back)
            .expect("gunzip");
        assert_eq!(back, bytes);
        let br = compress(&bytes, Encoding::Brotli).expect("brotli");
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).expect("unbrotli");
        assert_eq!(back, bytes);
        assert!(br.len() < gz.len() && gz.len() < bytes.len() / 4);
    }

    #[test]
    fn only_the_sites_text_and_modules_get_copies() {
        assert!(compressible("tdg_app_bg.wasm"));
        assert!(compressible("assets/catalogs/hp-175-kh-ubnd.json"));
        assert!(compressible("manifest.webmanifest"));
        assert!(!compressible("icon.png"));
        assert!(!compressible("README"));
        assert!(is_copy("tdg_app_bg.wasm.br") && is_copy("style.css.gz"));
        assert!(!is_copy("style.css") && !is_copy("a.abr"));
        assert_eq!(
            copy_of(Path::new("dist/a.wasm"), Encoding::Brotli),
            PathBuf::from("dist/a.wasm.br")
        );
    }
}
