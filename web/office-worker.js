// One of the office view's workers: reads and verifies its share of a season's reports with the
// same WebAssembly module as the page (its `season_*` functions), so the page stays responsive.
// The page starts one per core and settles the season once every share is back.
// Messages:
//   {kind:'open', files:[{at, name, bytes | error}], trust, catalog, received} → {kind:'more'} (asks
//     the page for the next batch, answered {kind:'files', files:[…]}; none: the page
//     has dealt every file), {kind:'progress', done, total}… then {kind:'counts', counts, total}
//     (reads and verifies its files but for their period; `counts`: how many reports declare
//     each year, JSON; `at`: the file's place in the page's list)
//   {kind:'verify', period} → {kind:'progress', done, total}… then {kind:'part', part, timings, memory}
//     (`part`: tdg_office::session::SeasonPart as JSON)
//   {kind:'warm', rounds} → {kind:'warmed'} (verifies a shipped report `rounds` times: see
//     season_worker.rs)
// Errors come back as {kind:'error', message: '{"vi","en"}'}.
import init, * as office from './office_web.js';

let wasm;
const ready = init({ module_or_path: new URL('office_web_bg.wasm', import.meta.url) }).then((w) => { wasm = w; });
// Progress is posted at most this often by each worker: enough for a bar that moves, few enough
// that redrawing it does not take the cores the workers verify on.
const PROGRESS_MS = 250;
// The worker's own clock as the page's (performance.now() counts from each one's origin).
const clock = () => performance.timeOrigin + performance.now();
let timings = {};

// The page's answer to {kind:'more'}: the next batch of files.
let dealt = null;
function more() {
  postMessage({ kind: 'more' });
  return new Promise((resolve) => { dealt = resolve; });
}

async function open({ files, trust, catalog, received }) {
  timings = { start: clock() };
  office.season_open(trust, catalog, received);
  // The page deals its files' bytes a batch at a time to whichever worker asks, so that no
  // worker waits for another at the end; the next batch is asked for as soon as one arrives.
  // The period is not known yet (the page settles it over every worker's files), so each
  // report's period check waits for it (season_set_period).
  // Each file comes as its bytes, or why the page could not read it.
  const read = (dealt) => Promise.allSettled(dealt.map((f) => (f.bytes ? f.bytes : Promise.reject(new Error(f.error)))))
    .then((results) => ({ results }));
  let batch = files;
  let next = files.length > 0 ? more() : Promise.resolve([]);
  let last = 0;
  while (batch.length > 0) {
    const { results } = await read(batch);
    results.forEach((r, j) => {
      const { at, name } = batch[j];
      if (r.status === 'fulfilled') office.season_add(at, name, new Uint8Array(r.value));
      else office.season_add_unread(at, name, String(r.reason && r.reason.message ? r.reason.message : r.reason));
    });
    const done = office.season_verify(0x7fffffff);
    const now = performance.now();
    if (now - last > PROGRESS_MS) {
      last = now;
      postMessage({ kind: 'progress', done, total: office.season_total() });
    }
    // Asked for when this batch came: usually here by now.
    batch = await next;
    next = batch.length > 0 ? more() : Promise.resolve([]);
  }
  timings.read = clock(); // read and verified, but for the period
  return { kind: 'counts', counts: office.season_period_counts(), total: office.season_total() };
}

function verify({ period }) {
  office.season_set_period(period);
  const total = office.season_total();
  let done = 0;
  let last = 0;
  postMessage({ kind: 'progress', done, total });
  while (done < total) {
    done = office.season_verify(16);
    const now = performance.now();
    if (now - last > PROGRESS_MS || done >= total) {
      last = now;
      postMessage({ kind: 'progress', done, total });
    }
  }
  timings.verified = clock();
  const part = office.season_part();
  timings.part = clock();
  // What the worker holds once its share is verified: its JavaScript heap (where the browser
  // tells) and the module's memory, which keeps the files for a later check.
  const memory = { wasm: wasm ? wasm.memory.buffer.byteLength : 0, heap: performance.memory ? performance.memory.usedJSHeapSize : 0 };
  return { kind: 'part', part, timings, memory };
}

self.onmessage = async ({ data }) => {
  // The next batch, for the season being opened (its handler is waiting in `open`).
  if (data.kind === 'files') { const resolve = dealt; dealt = null; if (resolve) resolve(data.files); return; }
  try {
    await ready;
    if (data.kind === 'warm') { office.season_warm_up(data.rounds); postMessage({ kind: 'warmed' }); }
    else if (data.kind === 'open') postMessage(await open(data));
    else if (data.kind === 'verify') postMessage(verify(data));
  } catch (e) {
    const message = typeof e === 'string' ? e
      : JSON.stringify({ vi: 'Lỗi khi kiểm tra: ' + e, en: 'Checking failed: ' + e });
    postMessage({ kind: 'error', message });
  }
};
