//! `cargo xtask serve`: builds `dist/` and serves it on 127.0.0.1. A small static server, so that
//! nothing beyond the Rust toolchain is needed; also used by the end-to-end tests.

use crate::precompress::{Encoding, ENCODINGS};
use anyhow::{Context, Result};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// A sub-path under which the site is served as well (see `respond`).
pub const SUB_PATH: &str = "/cong-thong-tin/tu-danh-gia/";

pub fn run(root: &Path, port: u16) -> Result<()> {
    let dist = crate::dist::run(root)?;
    let listener = TcpListener::bind(("127.0.0.1", port)).with_context(|| {
        format!(
            "port {port} is busy: try cargo xtask serve --port {}",
            port.wrapping_add(1)
        )
    })?;
    println!(
        "Serving {} at http://127.0.0.1:{port}/ (Ctrl+C to stop)",
        dist.display()
    );
    serve_forever(listener, dist, None);
    Ok(())
}

/// Serves `dist` on an ephemeral port in a background thread; returns the base URL.
pub fn spawn(dist: PathBuf) -> Result<String> {
    spawn_with_embed(dist, |_| None).map(|(url, _)| url)
}

/// The same, with `embed.json` answered by `embed(port)` instead of the file when it gives a
/// text (the end-to-end tests allow a host page on `http://localhost:<port>`, a port known
/// only once bound). Returns the base URL and the port.
pub fn spawn_with_embed(
    dist: PathBuf,
    embed: impl FnOnce(u16) -> Option<String>,
) -> Result<(String, u16)> {
    let listener = TcpListener::bind(("127.0.0.1", 0))?;
    let port = listener.local_addr()?.port();
    let url = format!("http://127.0.0.1:{port}/");
    let embed = embed(port);
    std::thread::spawn(move || serve_forever(listener, dist, embed));
    Ok((url, port))
}

fn serve_forever(listener: TcpListener, dist: PathBuf, embed: Option<String>) {
    let embed = std::sync::Arc::new(embed);
    for stream in listener.incoming().flatten() {
        let (dist, embed) = (dist.clone(), embed.clone());
        std::thread::spawn(move || {
            let _ = respond(stream, &dist, embed.as_deref());
        });
    }
}

/// The `frame-ancestors` policy from `embed.json` (read at each request: the administrator
/// edits the file without a restart). Without a usable file only the site itself may frame
/// the tool.
fn frame_ancestors(dist: &Path, embed: Option<&str>) -> String {
    let text = match embed {
        Some(text) => Some(text.as_bytes().to_vec()),
        None => std::fs::read(dist.join("embed.json")).ok(),
    };
    text.map(|bytes| tdg_portal::config::parse(&bytes).config)
        .unwrap_or_default()
        .frame_ancestors()
}

fn respond(mut stream: TcpStream, dist: &Path, embed: Option<&str>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read the headers (only Accept-Encoding matters here); the body of a GET is empty.
    let mut header = String::new();
    let mut accept_encoding = String::new();
    while reader.read_line(&mut header)? > 2 {
        if let Some((name, value)) = header.split_once(':') {
            // A header given twice counts as one list.
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept_encoding.push_str(value.trim());
                accept_encoding.push(',');
            }
        }
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    // The same site also answers under a portal-like sub-path, so the tests can prove that every
    // URL the app uses is relative.
    let path = path
        .strip_prefix(SUB_PATH)
        .map(|rest| format!("/{rest}"))
        .unwrap_or_else(|| path.to_string());
    let file = resolve(dist, &path);
    let found = match embed.filter(|_| path == "/embed.json") {
        Some(text) => Some((text.as_bytes().to_vec(), PathBuf::from("embed.json"), None)),
        None => file.and_then(|f| {
            // As a server with gzip_static and brotli_static does: the file's ready-made copy
            // when the browser accepts its encoding (so every end-to-end test runs on them);
            // with no copy, or one that cannot be read, the file itself.
            let copy = copy_for(&f, &accept_encoding).and_then(|e| {
                let bytes = std::fs::read(crate::precompress::copy_of(&f, e)).ok()?;
                Some((bytes, Some(e)))
            });
            let (body, encoding) = copy.or_else(|| Some((std::fs::read(&f).ok()?, None)))?;
            Some((body, f, encoding))
        }),
    };
    let (status, body, mime, encoding) = match (method, found) {
        ("GET" | "HEAD", Some((body, file, encoding))) => {
            ("200 OK", body, mime_for(&file), encoding)
        }
        ("GET" | "HEAD", None) => (
            "404 Not Found",
            b"not found".to_vec(),
            "text/plain; charset=utf-8",
            None,
        ),
        _ => (
            "405 Method Not Allowed",
            Vec::new(),
            "text/plain; charset=utf-8",
            None,
        ),
    };
    // `frame-ancestors` cannot be set in a <meta> tag: only a header makes the browser refuse
    // to show the tool inside a page not listed in embed.json.
    let coding = match encoding {
        Some(encoding) => format!("Content-Encoding: {}\r\n", encoding.content_coding()),
        None => String::new(),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\n{coding}Vary: Accept-Encoding\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nContent-Security-Policy: {}\r\nConnection: close\r\n\r\n",
        body.len(),
        frame_ancestors(dist, embed)
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// The copy to send instead of `file`: its brotli, else its gzip copy, when `accept_encoding`
/// accepts that encoding and `cargo xtask dist` wrote the copy (xtask/src/precompress.rs).
fn copy_for(file: &Path, accept_encoding: &str) -> Option<Encoding> {
    ENCODINGS.into_iter().find(|e| {
        accepts(accept_encoding, e.content_coding())
            && crate::precompress::copy_of(file, *e).is_file()
    })
}

/// Whether an Accept-Encoding value accepts `coding` (listed, and not with `q=0`).
fn accepts(accept_encoding: &str, coding: &str) -> bool {
    accept_encoding.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let named = parts.next().is_some_and(|c| c.eq_ignore_ascii_case(coding));
        // `q=0` (any case) refuses it; so does a weight that is not a number.
        let refused = parts.any(|p| match p.split_once('=') {
            Some((name, q)) if name.trim().eq_ignore_ascii_case("q") => !q
                .trim()
                .parse::<f32>()
                .is_ok_and(|q| q.is_finite() && q > 0.0),
            _ => false,
        });
        named && !refused
    })
}

/// Maps a URL path to a file under `dist`, refusing anything that would leave it.
fn resolve(dist: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let mut file = dist.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn mime_for(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_leave_dist() {
        let dist = std::env::temp_dir();
        assert_eq!(resolve(&dist, "/../etc/passwd"), None);
        assert_eq!(resolve(&dist, "/%2e%2e/etc/passwd"), None);
        assert_eq!(percent_decode("/a%20b"), Some("/a b".into()));
    }

    #[test]
    fn a_copy_is_sent_only_in_an_encoding_the_browser_accepts() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(accepts("gzip;q=1.0, BR;q=0.5", "br"));
        assert!(!accepts("gzip, br;q=0", "br"));
        assert!(!accepts("gzip, br;Q=0", "br"));
        assert!(!accepts("gzip, br;q=NaN", "br"));
        assert!(accepts("gzip,deflate,,br,", "br"));
        assert!(!accepts("gzip, deflate", "br"));
        assert!(!accepts("", "gzip"));
        let dir = std::env::temp_dir().join(format!("tdg-serve-copies-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let file = dir.join("app.wasm");
        std::fs::write(&file, b"wasm").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(copy_for(&file, "gzip, br"), None, "no copy written");
        std::fs::write(dir.join("app.wasm.gz"), b"gz").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(copy_for(&file, "gzip, br"), Some(Encoding::Gzip));
        std::fs::write(dir.join("app.wasm.br"), b"br").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(copy_for(&file, "gzip, br"), Some(Encoding::Brotli));
        assert_eq!(copy_for(&file, "gzip"), Some(Encoding::Gzip));
        assert_eq!(copy_for(&file, "identity"), None);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn frame_ancestors_come_from_embed_json() {
        let dist = std::env::temp_dir().join(format!("tdg-serve-test-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(frame_ancestors(&dist, None), "frame-ancestors 'self'");
        let file = r#"{"version":1,"allowedOrigins":["https://Cong.HaiPhong.gov.vn"]}"#;
        std::fs::write(dist.join("embed.json"), file).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            frame_ancestors(&dist, None),
            "frame-ancestors 'self' https://cong.haiphong.gov.vn"
        );
        // A broken file: only the site itself.
        std::fs::write(dist.join("embed.json"), "{\"version\":1,")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(frame_ancestors(&dist, None), "frame-ancestors 'self'");
        let given = r#"{"version":1,"allowedOrigins":["http://localhost:8080"]}"#;
        assert_eq!(
            frame_ancestors(&dist, Some(given)),
            "frame-ancestors 'self' http://localhost:8080"
        );
        let _ = std::fs::remove_dir_all(&dist);
    }
}
