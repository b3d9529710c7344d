//! Reads JSON documents, one per line, and prints each one's RFC 8785 canonical form on a line
//! of its own (JCS escapes every line break inside strings, so a line is a document), or
//! `error: ...`. The differential test (tests/e2e/jcs-differential.test.mjs) compares this with
//! the npm `canonicalize` package.

use std::io::{BufRead, Write};

fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let printed = match line {
            Ok(line) => match serde_json::from_str::<serde_json::Value>(&line) {
                Ok(value) => {
                    tdg_report::jcs::canonicalize(&value).unwrap_or_else(|e| format!("error: {e}"))
                }
                Err(e) => format!("error: {e}"),
            },
            Err(e) => format!("error: {e}"),
        };
        if writeln!(out, "{printed}").is_err() {
            std::process::exit(1);
        }
    }
    if out.flush().is_err() {
        std::process::exit(1);
    }
}
