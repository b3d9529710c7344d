//! The page's side of `office-worker.js`: one worker for the page's life, so that the season it
//! verified stays there for the exports. The report files go to the worker as `File` objects
//! (structured clone: no copy of their contents on the page) and are read there, so the page
//! never blocks on reading or verifying. Dropped folders are walked here, in JavaScript, because
//! only the drop event can reach their entries.

use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "
let worker;
let pending = null;
function theWorker() {
  if (!worker) {
    // This snippet lives in snippets/<crate>/; the worker sits at the site's root.
    worker = new Worker(new URL('../../office-worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = (m) => {
      const d = m.data;
      if (!pending) return;
      if (d.kind === 'progress') { pending.progress(d.done, d.total); return; }
      const p = pending; pending = null;
      if (d.kind === 'error') p.reject(d.message); else p.resolve(d.result);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      const p = pending; pending = null; worker = undefined;
      if (p) p.reject(JSON.stringify({ vi: 'Không chạy được phần kiểm tra: ' + e.message, en: 'The checking worker failed: ' + e.message }));
    };
  }
  return worker;
}
function ask(message, progress, transfer) {
  if (pending) return Promise.reject(JSON.stringify({ vi: 'Đang bận, xin chờ.', en: 'Busy, please wait.' }));
  return new Promise((resolve, reject) => {
    pending = { resolve, reject, progress: progress || (() => {}) };
    theWorker().postMessage(message, transfer || []);
  });
}
const files = [];
export function add_files(list, fromFolder) {
  const names = [];
  for (const f of list) {
    const name = (fromFolder && f.webkitRelativePath) || f.name;
    files.push({ name, file: f });
    names.push(name);
  }
  return names;
}
export function clear_files() { files.length = 0; }
async function walk(entry, prefix, out) {
  if (entry.isFile) {
    out.push({ name: prefix + entry.name, file: await new Promise((ok, ko) => entry.file(ok, ko)) });
  } else if (entry.isDirectory) {
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise((ok, ko) => reader.readEntries(ok, ko));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, prefix + entry.name + '/', out);
    }
  }
}
export async function add_dropped(dataTransfer) {
  const entries = Array.from(dataTransfer.items || [])
    .map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
  const out = [];
  if (entries.length > 0 && entries.every((e) => e)) {
    for (const e of entries) await walk(e, '', out);
  } else {
    for (const f of dataTransfer.files) out.push({ name: f.name, file: f });
  }
  out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  files.push(...out);
  return out.map((f) => f.name);
}
export function run_season(trust, catalog, received, period, progress) {
  return ask({ kind: 'open', files: files.slice(), trust, catalog, received, period }, progress);
}
export function export_csv() { return ask({ kind: 'csv' }); }
export function export_xlsx() { return ask({ kind: 'xlsx' }); }
")]
extern "C" {
    /// Keeps the files for the next season; returns their names.
    fn add_files(list: &web_sys::FileList, from_folder: bool) -> Array;
    fn clear_files();
    fn add_dropped(data: &web_sys::DataTransfer) -> Promise;
    fn run_season(
        trust: &Uint8Array,
        catalog: &Uint8Array,
        received: &str,
        period: i32,
        progress: &Function,
    ) -> Promise;
    fn export_csv() -> Promise;
    fn export_xlsx() -> Promise;
}

/// Why the worker refused or failed, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct WorkerError {
    pub vi: String,
    pub en: String,
}

fn worker_error(e: JsValue) -> WorkerError {
    let text = e.as_string().unwrap_or_else(|| format!("{e:?}"));
    serde_json::from_str(&text).unwrap_or(WorkerError {
        vi: format!("Lỗi khi kiểm tra: {text}"),
        en: format!("Checking failed: {text}"),
    })
}

fn names(array: Array) -> Vec<String> {
    array.iter().filter_map(|v| v.as_string()).collect()
}

/// Keeps files chosen in an input (`from_folder`: named by their path inside the folder).
pub fn keep_files(list: &web_sys::FileList, from_folder: bool) -> Vec<String> {
    names(add_files(list, from_folder))
}

/// Keeps the files (and folders, walked) dropped on the page.
pub async fn keep_dropped(data: &web_sys::DataTransfer) -> Vec<String> {
    match JsFuture::from(add_dropped(data)).await {
        Ok(v) => names(v.unchecked_into()),
        Err(_) => Vec::new(),
    }
}

pub fn forget_files() {
    clear_files();
}

/// Verifies the kept files in the worker; `progress(done, total)` as it goes. Returns the
/// season as JSON.
pub async fn verify(
    trust: &[u8],
    catalog: &[u8],
    received: &str,
    period: i32,
    progress: impl FnMut(u32, u32) + 'static,
) -> Result<String, WorkerError> {
    let progress = Closure::<dyn FnMut(u32, u32)>::new(progress);
    let result = JsFuture::from(run_season(
        &Uint8Array::from(trust),
        &Uint8Array::from(catalog),
        received,
        period,
        progress.as_ref().unchecked_ref(),
    ))
    .await;
    // The worker sends no progress once it has answered.
    drop(progress);
    result
        .map_err(worker_error)
        .map(|v| v.as_string().unwrap_or_default())
}

pub async fn csv() -> Result<String, WorkerError> {
    JsFuture::from(export_csv())
        .await
        .map_err(worker_error)
        .map(|v| v.as_string().unwrap_or_default())
}

pub async fn xlsx() -> Result<Vec<u8>, WorkerError> {
    JsFuture::from(export_xlsx())
        .await
        .map_err(worker_error)
        .map(|v| Uint8Array::new(&v).to_vec())
}
