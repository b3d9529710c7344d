// The office view's worker: verifies and re-scores a season's reports with the same
// WebAssembly module as the page (its `season_*` functions), so the page stays responsive.
// Messages: {kind:'open', files:[{name, file}], trust, catalog, received, period} answers
// progress messages then {kind:'done', result: <season JSON>}; {kind:'csv'} and {kind:'xlsx'}
// export the season verified last. Errors come back as {kind:'error', message: '{"vi","en"}'}.
import init, * as office from './office_web.js';

const ready = init({ module_or_path: new URL('office_web_bg.wasm', import.meta.url) });
// Progress is posted at most this often: enough for a smooth bar, few enough messages.
const PROGRESS_MS = 50;

async function open({ files, trust, catalog, received, period }) {
  office.season_open(trust, catalog, received, period);
  // Read many files at once (the reads overlap), hand them over in the order given.
  const READ_AHEAD = 64;
  for (let i = 0; i < files.length; i += READ_AHEAD) {
    const part = files.slice(i, i + READ_AHEAD);
    const read = await Promise.allSettled(part.map(({ file }) => file.arrayBuffer()));
    read.forEach((r, j) => {
      if (r.status === 'fulfilled') office.season_add(part[j].name, new Uint8Array(r.value));
      else office.season_add_unread(part[j].name, String(r.reason && r.reason.message ? r.reason.message : r.reason));
    });
  }
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
  return office.season_finish();
}

self.onmessage = async ({ data }) => {
  try {
    await ready;
    if (data.kind === 'open') {
      postMessage({ kind: 'done', result: await open(data) });
    } else if (data.kind === 'csv') {
      postMessage({ kind: 'done', result: office.season_csv() });
    } else if (data.kind === 'xlsx') {
      const bytes = office.season_xlsx();
      postMessage({ kind: 'done', result: bytes }, [bytes.buffer]);
    }
  } catch (e) {
    const message = typeof e === 'string' ? e
      : JSON.stringify({ vi: 'Lỗi khi kiểm tra: ' + e, en: 'Checking failed: ' + e });
    postMessage({ kind: 'error', message });
  }
};
