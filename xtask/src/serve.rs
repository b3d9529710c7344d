//! `cargo xtask serve`: builds `dist/` and serves it on 127.0.0.1. A small static server, so that
//! nothing beyond the Rust toolchain is needed; also used by the end-to-end tests.

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
    serve_forever(listener, dist);
    Ok(())
}

/// Serves `dist` on an ephemeral port in a background thread; returns the base URL.
pub fn spawn(dist: PathBuf) -> Result<String> {
    let listener = TcpListener::bind(("127.0.0.1", 0))?;
    let url = format!("http://127.0.0.1:{}/", listener.local_addr()?.port());
    std::thread::spawn(move || serve_forever(listener, dist));
    Ok(url)
}

fn serve_forever(listener: TcpListener, dist: PathBuf) {
    for stream in listener.incoming().flatten() {
        let dist = dist.clone();
        std::thread::spawn(move || {
            let _ = respond(stream, &dist);
        });
    }
}

fn respond(mut stream: TcpStream, dist: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; the body of a GET is empty.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
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
    let (status, body, mime) = match (
        method,
        file.and_then(|f| std::fs::read(&f).ok().map(|b| (b, f))),
    ) {
        ("GET" | "HEAD", Some((body, file))) => ("200 OK", body, mime_for(&file)),
        ("GET" | "HEAD", None) => (
            "404 Not Found",
            b"not found".to_vec(),
            "text/plain; charset=utf-8",
        ),
        _ => (
            "405 Method Not Allowed",
            Vec::new(),
            "text/plain; charset=utf-8",
        ),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
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
}
