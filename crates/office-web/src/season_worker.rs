//! The page's side of `office-worker.js`: one worker per core (at most four: more gain
//! nothing on an office's machine, and each holds a copy of the module), kept
//! for the page's life. The page reads the report files as soon as they are picked (the browser
//! reads them off the page's thread) and deals their bytes a batch at a time to whichever worker
//! asks; each verifies what it is dealt, so the page never blocks on reading or verifying. The period is settled over every share first (the workers
//! count the years their reports declare; the office crate picks); the shares come back as
//! `SeasonPart`s that the page merges. Dropped folders are walked here, in JavaScript, because
//! only the drop event can reach their entries. Each step leaves a User Timing measure
//! (`office:read-verify`, `office:period`, `office:part`, per worker) and the workers' memory in the
//! mark `office:memory`, for `tests/bench/office.mjs`.

use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "
const MAX_WORKERS = 4;
// Below this many files a second worker costs more (its start) than it saves.
const MIN_PER_WORKER = 64;
// Files dealt to a worker at a time: small enough that the workers end together (a batch is
// about 40 ms of a worker's time), large enough that asking costs nothing.
const BATCH = 16;
const pool = [];
let busy = false;
function newWorker() {
  // This snippet lives in snippets/<crate>/; the worker sits at the site's root.
  return new Worker(new URL('../../office-worker.js', import.meta.url), { type: 'module' });
}
function ask(i, message, progress, deal) {
  return new Promise((resolve, reject) => {
    const worker = pool[i];
    worker.onmessage = (m) => {
      const d = m.data;
      if (d.kind === 'progress') { if (progress) progress(d); return; }
      if (d.kind === 'more') {
        (deal ? deal() : Promise.resolve([])).then((files) => worker.postMessage({ kind: 'files', files }));
        return;
      }
      if (d.kind === 'warmed') return; // the warm-up's answer, when it ends after this ask began
      if (d.kind === 'error') reject(d.message); else resolve(d);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      // A worker that failed is not used again.
      pool[i] = warmed(newWorker());
      reject(JSON.stringify({ vi: 'Không chạy được phần kiểm tra: ' + e.message, en: 'The checking worker failed: ' + e.message }));
    };
    worker.postMessage(message);
  });
}
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const cores = () => Math.max(1, Math.min(navigator.hardwareConcurrency || 1, MAX_WORKERS));
// The workers start (and compile the module) as soon as the office picks files, while it picks
// the trust list and the date, not when it presses the button.
// Each new worker first verifies a shipped report a few times (`warm`): the engine compiles
// WebAssembly with a fast baseline tier and optimises what runs hot only later, so a worker's
// first season was verified at a third of the speed of the next one.
const WARM_UP_ROUNDS = 40;
function warmed(worker) { worker.postMessage({ kind: 'warm', rounds: WARM_UP_ROUNDS }); return worker; }
function warm() { while (pool.length < cores()) pool.push(warmed(newWorker())); }
// And before that, once the page is idle after loading: each worker compiles the module, which
// took about half a second of the first season's time when started only at the files' choice.
// (This snippet also runs inside the workers, which have no idle callback and start no workers.)
if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 3000 });
export async function run_season(trust, catalog, received, period, choose, progress) {
  if (busy) throw JSON.stringify({ vi: 'Đang bận, xin chờ.', en: 'Busy, please wait.' });
  busy = true;
  try {
    const all = files.slice();
    const n = Math.max(1, Math.min(cores(), Math.ceil(all.length / MIN_PER_WORKER)));
    while (pool.length < n) pool.push(warmed(newWorker()));
    // The files are dealt a batch at a time to whichever worker asks next (each asks as soon as
    // it has a batch, so that it reads one while it verifies the other): no worker waits long
    // for another at the end, and the first files are verified while the page still posts the
    // rest (posting a File costs the page a look at its size, about half a millisecond).
    let dealt = 0;
    const deal = async () => {
      const batch = all.slice(dealt, dealt + BATCH).map((f, j) => ({ at: dealt + j, f }));
      dealt += batch.length;
      // The bytes the page read when the files were picked: posting a File made the page ask
      // the browser for its size, about half a millisecond a file on the page's thread (it
      // then competed with the workers for the cores); bytes are copied as they are.
      const read = await Promise.all(batch.map(({ f }) => f.read));
      return batch.map(({ at, f }, j) => ({ at, name: f.name, ...read[j] }));
    };
    const ids = [...Array(n).keys()];
    const done = ids.map(() => 0);
    const totals = ids.map(() => 0);
    // Files inside archives count one by one once a worker has opened them.
    const total = () => Math.max(all.length, sum(totals) + all.length - dealt);
    const opened = await Promise.all(ids.map(async (i) => ask(i, { kind: 'open', files: await deal(), trust, catalog, received }, (d) => {
      done[i] = d.done;
      totals[i] = d.total;
      progress(sum(done), total());
    }, deal)));
    const chosen = period || choose(opened.map((o) => o.counts));
    opened.forEach((o, i) => { totals[i] = o.total; });
    const parts = await Promise.all(ids.map((i) => ask(i, { kind: 'verify', period: chosen }, (d) => {
      done[i] = d.done;
      progress(sum(done), sum(totals));
    })));
    // The workers' clocks are absolute; the page's measures count from its own origin.
    const at = (t) => t - performance.timeOrigin;
    parts.forEach(({ timings: t }, i) => {
      performance.measure('office:read-verify:' + i, { start: at(t.start), end: at(t.read) });
      performance.measure('office:period:' + i, { start: at(t.read), end: at(t.verified) });
      performance.measure('office:part:' + i, { start: at(t.verified), end: at(t.part) });
    });
    performance.mark('office:memory', { detail: parts.map((p) => p.memory) });
    return parts.map((p) => p.part);
  } finally {
    busy = false;
  }
}
export function mark(name) { performance.mark(name); }
// Each file kept: {name, file, read}, `read` the promise of its bytes ({bytes}) or of why the
// browser could not read it ({error}), started as soon as the file is picked, while the office
// picks the trust list and the date.
const files = [];
function reading(file) {
  return file.arrayBuffer().then((bytes) => ({ bytes }), (e) => ({ error: String(e && e.message ? e.message : e) }));
}
export function add_files(list, fromFolder) {
  warm();
  const names = [];
  for (const f of list) {
    const name = (fromFolder && f.webkitRelativePath) || f.name;
    files.push({ name, file: f, read: reading(f) });
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
  warm();
  const entries = Array.from(dataTransfer.items || [])
    .map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
  const out = [];
  if (entries.length > 0 && entries.every((e) => e)) {
    for (const e of entries) await walk(e, '', out);
  } else {
    for (const f of dataTransfer.files) out.push({ name: f.name, file: f });
  }
  out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const f of out) f.read = reading(f.file);
  files.push(...out);
  return out.map((f) => f.name);
}
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
        choose: &Function,
        progress: &Function,
    ) -> Promise;
    /// A User Timing mark (`performance.mark`).
    pub fn mark(name: &str);
}

/// Why the worker refused or failed, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct WorkerError {
    #[serde(flatten)]
    pub text: tdg_model::Text,
}

fn worker_error(e: JsValue) -> WorkerError {
    let text = e.as_string().unwrap_or_else(|| format!("{e:?}"));
    serde_json::from_str(&text).unwrap_or(WorkerError {
        text: tdg_model::Text::new(
            format!("Lỗi khi kiểm tra: {text}"),
            format!("Checking failed: {text}"),
        ),
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

/// Verifies the kept files in the workers; `progress(done, total)` as it goes. `period` 0: the
/// year most reports declare, over every worker's files. Returns each worker's share as JSON
/// (`tdg_office::session::SeasonPart`), in the order of the files.
pub async fn verify(
    trust: &[u8],
    catalog: &[u8],
    received: &str,
    period: i32,
    progress: impl FnMut(u32, u32) + 'static,
) -> Result<Vec<String>, WorkerError> {
    let progress = Closure::<dyn FnMut(u32, u32)>::new(progress);
    let choose = Closure::<dyn FnMut(Array) -> i32>::new(|counts: Array| {
        let mut all = std::collections::BTreeMap::<i32, u32>::new();
        for c in counts.iter().filter_map(|c| c.as_string()) {
            // The workers wrote these counts; one that does not parse counts nothing.
            let part: std::collections::BTreeMap<i32, u32> =
                serde_json::from_str(&c).unwrap_or_default();
            for (year, n) in part {
                *all.entry(year).or_default() += n;
            }
        }
        tdg_office::intake::most_declared(&all).unwrap_or(0)
    });
    let result = JsFuture::from(run_season(
        &Uint8Array::from(trust),
        &Uint8Array::from(catalog),
        received,
        period,
        choose.as_ref().unchecked_ref(),
        progress.as_ref().unchecked_ref(),
    ))
    .await;
    // The workers send no progress once they have answered.
    drop(progress);
    drop(choose);
    result
        .map_err(worker_error)
        .map(|v| names(v.unchecked_into()))
}

/// Worker, before any file: verifies a shipped report `rounds` times, so that the verifying
/// code is optimised by the time the office's files arrive. Nothing is kept.
#[wasm_bindgen]
pub fn season_warm_up(rounds: u32) {
    // A valid signed report of the test fixtures (regenerated with them when the catalog
    // changes). No catalog and no trust list: what is warmed is reading, canonicalising,
    // hashing and checking the proof, most of a report's time.
    const SAMPLE: &[u8] = include_bytes!("../../../tests/fixtures/reports/valid.json");
    let options = tdg_report::verify::VerifyOptions {
        catalogs: &[],
        trust: None,
        received_on: None,
        period: None,
        expect_sha256: None,
    };
    for _ in 0..rounds {
        // black_box: the result is unused, and the work must not be optimised away.
        std::hint::black_box(tdg_report::verify::verify(
            std::hint::black_box(SAMPLE),
            &options,
        ))
        .ok();
    }
}
