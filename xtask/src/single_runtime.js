// The loader of the single file (`cargo xtask dist --single-file`, docs/offline.md), inlined
// by xtask/src/single_file.rs. A page opened from file:// may not import modules by URL nor
// start workers from file URLs, and its CSP allows no request at all (connect-src 'none'). So
// every module of the site is a function here, evaluated on first use; the binary files (the
// two WebAssembly modules, the catalog, the samples) are base64 in non-executed
// <script type="application/octet-stream" data-file="…"> elements; and workers start from
// blob: URLs holding this loader, the modules they import and the files they read.
//
// Each module function receives, instead of the browser's: `__req` (its static imports),
// `__meta_url` (its import.meta.url: where the file would sit beside the page), `__import`
// (dynamic import()), `fetch` (answers from the inlined files only) and `Worker` (blob:
// workers). Nothing else of the page is changed: the app reads the catalog and samples through
// `globalThis.tdgSingleFile.file(url)` (crates/app/src/catalog_source.rs).
function tdgRun(base, modules, files, plans, entry) {
  'use strict';
  const evaluated = new Map();
  const blobs = new Map();
  /// A URL inside the page's folder as the name it stands for (query kept), else null.
  const keyOf = (href) => {
    const url = new URL(href, base).href;
    return url.startsWith(base) ? url.slice(base.length) : null;
  };
  const nameOf = (key) => key.split(/[?#]/)[0];
  const bytes = (name) => {
    const text = files[name];
    if (typeof text !== 'string') return null;
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
    const raw = atob(text);
    const out = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i += 1) out[i] = raw.charCodeAt(i);
    return out;
  };
  const TYPES = { wasm: 'application/wasm', json: 'application/json' };
  const fileAt = (href) => {
    const key = keyOf(href);
    return key === null ? null : bytes(nameOf(key));
  };
  async function localFetch(input) {
    const href = input instanceof Request ? input.url : String(input);
    const body = fileAt(href);
    if (body === null) throw new TypeError(`${href}: not inside this file (the single file makes no request)`);
    const type = TYPES[nameOf(keyOf(href)).split('.').pop()] ?? 'application/octet-stream';
    return new Response(body, { headers: { 'Content-Type': type } });
  }
  /// The blob: URL of a worker of this file: this loader, the worker's modules and its files.
  function workerUrl(url) {
    const key = keyOf(String(url));
    const plan = key === null ? undefined : plans[nameOf(key)];
    if (!plan) return url; // Not one of ours: the CSP (worker-src blob:) decides.
    const name = nameOf(key);
    if (!blobs.has(name)) {
      const own = plan.modules.map((m) => `${JSON.stringify(m)}: ${modules[m]}`).join(',\n');
      const data = JSON.stringify(Object.fromEntries(plan.files.map((f) => [f, files[f]])));
      const source = `'use strict';\n(${tdgRun})(${JSON.stringify(base)}, {\n${own}\n}, ${data}, {}, ${JSON.stringify(name)});\n`;
      blobs.set(name, URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    }
    return blobs.get(name);
  }
  const PageWorker = globalThis.Worker;
  // Our blob workers are classic scripts (the loader has no import or export): Chromium
  // refuses module workers from blob: URLs made by a file:// page (an opaque origin).
  const LocalWorker = PageWorker && class extends PageWorker {
    constructor(url, options) {
      const own = workerUrl(url);
      super(own, own === url ? options : { ...options, type: 'classic' });
    }
  };
  function load(key) {
    if (key === null) throw new TypeError('a module outside the page\'s folder');
    if (!evaluated.has(key)) {
      const name = nameOf(key);
      const define = modules[name];
      if (typeof define !== 'function') throw new TypeError(`${name}: not inside this file`);
      const meta = base + name;
      const req = (spec) => load(keyOf(new URL(spec, meta).href));
      const dynamicImport = async (spec) => load(keyOf(new URL(String(spec), meta).href));
      // A query makes a fresh instance, as the browser would (the signing module after a crash).
      evaluated.set(key, define(req, meta, dynamicImport, localFetch, LocalWorker));
    }
    return evaluated.get(key);
  }
  if (typeof document !== 'undefined') globalThis.tdgSingleFile = Object.freeze({ file: fileAt });
  load(entry);
}
