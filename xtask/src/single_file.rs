//! `cargo xtask dist --single-file`: the whole site as one HTML file for a USB stick
//! (`dist-single/tdg-hai-phong.html`, docs/offline.md), made from the built `dist/` (no second
//! build): the app and signing module, the styles, the catalog and the sample units inlined,
//! opened from file:// with no network at all.
//!
//! Chromium refuses module imports and workers from file:// URLs, so every ES module of the
//! site becomes a function in one inline script (`to_function`: its static imports and exports
//! rewritten, `import()` and `import.meta.url` redirected), run by `single_runtime.js`; binary
//! files are base64 in non-executed script elements; workers start from blob: URLs. The CSP
//! allows the one script and the one style by their SHA-256 hashes and no request
//! (`connect-src 'none'`).

use anyhow::{bail, Context, Result};
use base64::Engine;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the file is written, relative to the workspace root.
pub const OUTPUT: &str = "dist-single/tdg-hai-phong.html";

const RUNTIME: &str = include_str!("single_runtime.js");

/// Modules of `dist/` that the single file leaves out: the offline cache has no place on a
/// file:// page.
const LEFT_OUT: &[&str] = &["sw.js", "offline.js"];

/// Pages of their own that the unit's single file does not carry: the receiving office's view
/// (its module alone is larger than the whole tool) and the portal's example host page.
const OTHER_PAGES: &[&str] = &["office", "embed-example"];

/// The parameters every module function takes (see single_runtime.js).
const PARAMS: &str = "__req, __meta_url, __import, fetch, Worker";

/// Writes the single file from `dist` and returns its path.
pub fn write(root: &Path, dist: &Path) -> Result<PathBuf> {
    let html = build(dist)?;
    let out = root.join(OUTPUT);
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&out, html).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("single file is ready: {}", out.display());
    Ok(out)
}

/// A module of the site as a function, and the modules it imports statically.
struct Module {
    function: String,
    imports: Vec<String>,
}

fn build(dist: &Path) -> Result<String> {
    let mut paths = Vec::new();
    crate::dist::list_files(dist, &mut paths)?;
    let mut modules = BTreeMap::new();
    let mut files = BTreeMap::new();
    for path in &paths {
        let name = crate::dist::relative_name(dist, path);
        if OTHER_PAGES.iter().any(|page| name.starts_with(page)) {
            continue;
        }
        if name.ends_with(".js") && !LEFT_OUT.contains(&name.as_str()) {
            let source = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            let module = to_function(&name, &source).with_context(|| format!("inlining {name}"))?;
            modules.insert(name, module);
        } else if name.ends_with(".wasm") || name.ends_with(".json") {
            files.insert(name, std::fs::read(path)?);
        }
    }
    if !modules.contains_key("boot.js") {
        bail!("dist/boot.js is missing: run cargo xtask dist first");
    }
    let script = page_script(&modules, &files)?;
    let style = std::fs::read_to_string(dist.join("style.css")).context("reading style.css")?;
    refuse_closing_tag(&style, "style")?;
    let index = std::fs::read_to_string(dist.join("index.html")).context("reading index.html")?;
    let body = body_of(&index)?;
    let icon =
        base64::engine::general_purpose::STANDARD.encode(std::fs::read(dist.join("icon.svg"))?);
    let csp = policy(&script, &style);

    let mut html = String::with_capacity(
        files.values().map(|f| f.len() * 4 / 3 + 100).sum::<usize>() + script.len() + 10_000,
    );
    html.push_str("<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n"
    ));
    html.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    html.push_str(&format!("<title>{}</title>\n", title_of(&index)));
    html.push_str(&format!(
        "<link rel=\"icon\" href=\"data:image/svg+xml;base64,{icon}\" type=\"image/svg+xml\">\n"
    ));
    html.push_str(&format!(
        "<style>{style}</style>\n</head>\n<body>\n{body}\n"
    ));
    for (name, bytes) in &files {
        html.push_str(&format!(
            "<script type=\"application/octet-stream\" data-file=\"{name}\">{}</script>\n",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        ));
    }
    html.push_str(&format!("<script>{script}</script>\n</body>\n</html>\n"));
    Ok(html)
}

/// The page's CSP: nothing but the one inline script and the one inline style (by hash), the
/// WebAssembly they compile, blob: workers and the images the app makes; no request at all.
fn policy(script: &str, style: &str) -> String {
    format!(
        "default-src 'none'; script-src '{}' 'wasm-unsafe-eval'; style-src '{}'; img-src data: blob:; connect-src 'none'; worker-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'",
        csp_hash(script),
        csp_hash(style)
    )
}

/// `sha256-<base64>` of an inline element's text, as CSP compares it.
fn csp_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
    )
}

/// The one inline script: reads the inlined files, then runs boot.js through the loader.
fn page_script(
    modules: &BTreeMap<String, Module>,
    files: &BTreeMap<String, Vec<u8>>,
) -> Result<String> {
    let runtime = RUNTIME
        .find("function tdgRun")
        .map(|start| RUNTIME[start..].trim_end())
        .context("single_runtime.js lacks function tdgRun")?;
    let mut list = Vec::new();
    for (name, module) in modules {
        list.push(format!(
            "{}: {}",
            serde_json::to_string(name)?,
            module.function
        ));
    }
    let mut plans = serde_json::Map::new();
    for name in modules.keys().filter(|n| n.ends_with("-worker.js")) {
        let needed = closure(modules, name)?;
        // A module `x.js` that the worker imports reads its WebAssembly `x_bg.wasm`.
        let wasm: Vec<String> = needed
            .iter()
            .filter_map(|m| m.strip_suffix(".js"))
            .map(|stem| format!("{stem}_bg.wasm"))
            .filter(|w| files.contains_key(w))
            .collect();
        plans.insert(
            name.clone(),
            serde_json::json!({ "modules": needed, "files": wasm }),
        );
    }
    let script = format!(
        "\n'use strict';\n{{\nconst files = {{}};\nfor (const element of document.querySelectorAll('script[type=\"application/octet-stream\"][data-file]')) files[element.dataset.file] = element.textContent;\n({runtime})(new URL('.', location.href).href, {{\n{}\n}}, files, {}, 'boot.js');\n}}\n",
        list.join(",\n"),
        serde_json::Value::Object(plans)
    );
    refuse_closing_tag(&script, "script")?;
    Ok(script)
}

/// `name` and every module it imports statically, imported ones first.
fn closure(modules: &BTreeMap<String, Module>, name: &str) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    let mut stack = vec![name.to_string()];
    while let Some(next) = stack.pop() {
        if out.contains(&next) {
            continue;
        }
        let module = modules
            .get(&next)
            .with_context(|| format!("{next} is imported but not in dist/"))?;
        out.push(next);
        stack.extend(module.imports.iter().cloned());
    }
    out.reverse();
    Ok(out)
}

/// An inline element's text must not close it early (nor open an HTML comment in a script).
fn refuse_closing_tag(text: &str, tag: &str) -> Result<()> {
    let lower = text.to_ascii_lowercase();
    if lower.contains(&format!("</{tag}")) || (tag == "script" && lower.contains("<!--")) {
        bail!("an inlined {tag} contains </{tag} or <!--: it cannot be inlined as is");
    }
    Ok(())
}

fn body_of(index: &str) -> Result<&str> {
    let start = index.find("<body>").context("index.html has no <body>")? + "<body>".len();
    let end = index
        .rfind("</body>")
        .context("index.html has no </body>")?;
    Ok(index[start..end].trim())
}

fn title_of(index: &str) -> &str {
    index
        .find("<title>")
        .and_then(|s| {
            let rest = &index[s + "<title>".len()..];
            rest.find("</title>").map(|e| &rest[..e])
        })
        .unwrap_or("Tự đánh giá chuyển đổi số — Hải Phòng")
}

/// An ES module `name` (a path relative to `dist/`) as a function of `PARAMS` that returns its
/// exports. Knows the forms this site's modules and wasm-bindgen's output use, at the start of
/// a line: `import X from`, `import { a, b as c } from`, `import X, { … } from`,
/// `import * as X from`, `import 'x'`; `export function|async function|class|const|let`,
/// `export { a, b as c }`. Anything else at a line's start that imports or exports is an error
/// (never silently left in place).
fn to_function(name: &str, source: &str) -> Result<Module> {
    let lines: Vec<&str> = source.lines().collect();
    let mut body = String::with_capacity(source.len() + 256);
    let mut exports: Vec<(String, String)> = Vec::new();
    let mut imports = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.starts_with("import ") || line.starts_with("import{") {
            let mut statement = line.to_string();
            while import_spec(&statement).is_none() {
                i += 1;
                let Some(next) = lines.get(i) else {
                    bail!("an import statement without its module: {line}");
                };
                statement.push('\n');
                statement.push_str(next);
            }
            let (clause, spec) = import_spec(&statement).context("checked above")?;
            imports.push(resolve(name, &spec)?);
            body.push_str(&import_as_const(clause.trim(), &spec)?);
            body.push('\n');
        } else if let Some(rest) = line.strip_prefix("export ") {
            if let Some(list) = rest.trim().strip_prefix('{') {
                let list = list
                    .trim_end_matches(';')
                    .trim_end()
                    .strip_suffix('}')
                    .with_context(|| format!("an export list over several lines: {line}"))?;
                for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    let (local, exported) = item.split_once(" as ").unwrap_or((item, item));
                    exports.push((exported.trim().to_string(), local.trim().to_string()));
                }
            } else {
                let keyword = ["async function ", "function ", "class ", "const ", "let "]
                    .into_iter()
                    .find(|k| rest.starts_with(k))
                    .with_context(|| {
                        format!("an export form the single file does not know: {line}")
                    })?;
                let ident: String = rest[keyword.len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                    .collect();
                if ident.is_empty() {
                    bail!("an export without a name: {line}");
                }
                exports.push((ident.clone(), ident));
                body.push_str(rest);
                body.push('\n');
            }
        } else {
            body.push_str(line);
            body.push('\n');
        }
        i += 1;
    }
    let body = body.replace("import.meta.url", "__meta_url");
    if body.contains("import.meta") {
        bail!("uses import.meta beyond import.meta.url");
    }
    let body = dynamic_imports(&body);
    let getters: Vec<String> = exports
        .iter()
        .map(|(exported, local)| format!("get {exported}() {{ return {local}; }}"))
        .collect();
    Ok(Module {
        function: format!(
            "function ({PARAMS}) {{\n'use strict';\n{body}return {{ {} }};\n}}",
            getters.join(", ")
        ),
        imports,
    })
}

/// The clause and the module of a complete import statement, or None while it is incomplete.
fn import_spec(statement: &str) -> Option<(String, String)> {
    let rest = statement.strip_prefix("import")?;
    let trimmed = rest.trim_start();
    // A side-effect import: import './x.js';
    if let Some(quote) = trimmed.chars().next().filter(|c| *c == '\'' || *c == '"') {
        let end = trimmed[1..].find(quote)?;
        return Some((String::new(), trimmed[1..1 + end].to_string()));
    }
    let from = rest.rfind("from")?;
    let after = rest[from + 4..].trim_start();
    let quote = after.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let end = after[1..].find(quote)?;
    Some((rest[..from].to_string(), after[1..1 + end].to_string()))
}

fn import_as_const(clause: &str, spec: &str) -> Result<String> {
    let module = format!("__req({})", serde_json::to_string(spec)?);
    if clause.is_empty() {
        return Ok(format!("{module};"));
    }
    if let Some(namespace) = clause.strip_prefix("* as ") {
        return Ok(format!("const {} = {module};", namespace.trim()));
    }
    let (default, named) = match clause.find('{') {
        Some(0) => (None, Some(clause)),
        Some(brace) => (
            Some(clause[..brace].trim().trim_end_matches(',').trim()),
            Some(&clause[brace..]),
        ),
        None => (Some(clause), None),
    };
    let mut fields = Vec::new();
    if let Some(default) = default {
        if default.contains(char::is_whitespace) || default.contains('*') {
            bail!("an import form the single file does not know: import {clause}");
        }
        fields.push(format!("default: {default}"));
    }
    if let Some(named) = named {
        let inner = named
            .trim()
            .strip_prefix('{')
            .and_then(|n| n.strip_suffix('}'))
            .with_context(|| {
                format!("an import form the single file does not know: import {clause}")
            })?;
        for item in inner.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match item.split_once(" as ") {
                Some((imported, local)) => {
                    fields.push(format!("{}: {}", imported.trim(), local.trim()))
                }
                None => fields.push(item.to_string()),
            }
        }
    }
    Ok(format!("const {{ {} }} = {module};", fields.join(", ")))
}

/// `import(` (not a method or a longer name) becomes `__import(`.
fn dynamic_imports(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find("import(") {
        let before = rest[..at].chars().next_back();
        let part_of_name =
            before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.');
        out.push_str(&rest[..at]);
        out.push_str(if part_of_name { "import(" } else { "__import(" });
        rest = &rest[at + "import(".len()..];
    }
    out.push_str(rest);
    out
}

/// The path, relative to `dist/`, of `spec` imported from the module `from`.
fn resolve(from: &str, spec: &str) -> Result<String> {
    if !(spec.starts_with("./") || spec.starts_with("../")) {
        bail!("a bare or absolute import: {spec}");
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in spec.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts
                    .pop()
                    .with_context(|| format!("{spec} leaves dist/"))?;
            }
            other => parts.push(other),
        }
    }
    Ok(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_and_exports_become_a_function() {
        let source = "import init, { a, b as c } from './x.js';\nimport * as n from \"./snippets/s/inline0.js\"\nimport {\n  d,\n} from '../y.js';\nimport './side.js';\nexport function f() { return import(new URL('z.js', import.meta.url).href); }\nexport const g = 1;\nconst h = 2;\nexport { h as default, h };\nobj.import(1);\n";
        let module = to_function("sub/m.js", source).expect("every form is known");
        let f = &module.function;
        assert!(
            f.starts_with("function (__req, __meta_url, __import, fetch, Worker) {"),
            "{f}"
        );
        assert!(
            f.contains("const { default: init, a, b: c } = __req(\"./x.js\");"),
            "{f}"
        );
        assert!(
            f.contains("const n = __req(\"./snippets/s/inline0.js\");"),
            "{f}"
        );
        assert!(f.contains("const { d } = __req(\"../y.js\");"), "{f}");
        assert!(f.contains("__req(\"./side.js\");"), "{f}");
        assert!(
            f.contains("function f() { return __import(new URL('z.js', __meta_url).href); }"),
            "{f}"
        );
        assert!(
            f.contains("obj.import(1);"),
            "a method named import is left alone: {f}"
        );
        assert!(f.contains("return { get f() { return f; }, get g() { return g; }, get default() { return h; }, get h() { return h; } };"), "{f}");
        assert!(!f.contains("export "), "{f}");
        assert_eq!(
            module.imports,
            [
                "sub/x.js",
                "sub/snippets/s/inline0.js",
                "y.js",
                "sub/side.js"
            ]
        );
    }

    #[test]
    fn unknown_forms_are_refused_not_left_in_place() {
        assert!(to_function("m.js", "export default 1;\n").is_err());
        assert!(to_function("m.js", "const a = import.meta.resolve('x');\n").is_err());
        assert!(to_function("m.js", "import x from 'bare';\n").is_err());
        assert!(to_function("m.js", "import { a } from\n").is_err());
        assert!(refuse_closing_tag("let s = '</script>';", "script").is_err());
    }

    #[test]
    fn the_policy_allows_only_the_hashed_inline_code_and_no_request() {
        let csp = policy("x", "y");
        // printf x | openssl dgst -sha256 -binary | base64
        assert!(csp.contains("script-src 'sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE=' 'wasm-unsafe-eval'"), "{csp}");
        assert!(csp.contains("connect-src 'none'"));
        assert!(csp.contains("worker-src blob:"));
        assert!(!csp.contains("'unsafe-inline'") && !csp.contains("'unsafe-eval'"));
    }
}
