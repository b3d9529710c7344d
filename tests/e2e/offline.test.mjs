// The offline cache (web/sw.js, docs/offline.md), under a portal's sub-path: one visit, then
// the server is gone and the browser offline, and the app still starts, scores, signs (the
// signing module and the backup worker from the cache) and prints. Then a new deployment
// (another sw.js version) is offered as "Có phiên bản mới"; "Tải lại" switches to it and the
// old version's cache is deleted. In a same-site iframe the cache works; embedded cross-site,
// where the browser refuses it, the app says offline use needs its own tab.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, normalize, extname } from 'node:path';
import { openBrowser, OUT, screenshot } from './browser.mjs';
import { verifyAsOffice } from './office.mjs';
import { openCommuneSample, signFirstTime, toPrint } from './signing.mjs';

const DIST = process.env.TDG_DIST ?? 'dist';
const SUB_PATH = '/cong-thong-tin/tu-danh-gia/';
const FILES = join(OUT, 'files', 'offline');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/// A static server of dist/ under SUB_PATH that this test can stop (the network gone) and
/// restart as another deployment (`version` replaces sw.js's version). /host.html is a portal's
/// page embedding the app from 127.0.0.1: cross-site when opened from localhost.
function serve(port, version) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (path === '/host.html') {
      const app = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
      response.writeHead(200, { 'Content-Type': TYPES['.html'] });
      response.end(`<!doctype html><title>Cổng thông tin</title><iframe src="${app}" width="900" height="700"></iframe>`);
      return;
    }
    let file = path.startsWith(SUB_PATH) ? normalize(join(DIST, path.slice(SUB_PATH.length))) : null;
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !file.startsWith(normalize(DIST)) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    let body = readFileSync(file);
    if (version && file.endsWith('sw.js')) body = body.toString().replace(/const VERSION = '[^']+';/, `const VERSION = '${version}';`);
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    response.end(body);
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

function stop(server) {
  server.closeAllConnections();
  return new Promise((ok) => server.close(ok));
}

/// The caches of this origin, once the service worker is active and controls the page.
const cachesWhenReady = (page) => page.evaluate(async () => {
  const registration = await navigator.serviceWorker.ready;
  while (!navigator.serviceWorker.controller) await new Promise((ok) => setTimeout(ok, 50));
  const names = await caches.keys();
  const counts = {};
  for (const name of names) counts[name] = (await (await caches.open(name)).keys()).length;
  return { scope: registration.scope, counts };
});

test('after one visit the app starts, scores, signs and prints offline; a new deployment shows "Có phiên bản mới"', async () => {
  mkdirSync(FILES, { recursive: true });
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const version = sw.match(/const VERSION = '([^']+)';/)[1];
  const listed = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1]);
  assert.ok(listed.includes('tdg_signer_bg.wasm') && listed.includes('backup-worker.js') && listed.includes('assets/catalogs/hp-175-kh-ubnd.json'));
  let server = await serve(0);
  const port = server.address().port;
  const url = `http://127.0.0.1:${port}${SUB_PATH}`;
  const context = await openBrowser({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('dialog', (d) => d.accept());
    await page.goto(url);
    await page.getByLabel('Chọn đơn vị mẫu').waitFor();
    const first = await cachesWhenReady(page);
    assert.equal(first.scope, url, 'the worker serves the sub-path the site is under');
    // One versioned cache, complete; and the portal's configuration, edited in place, kept apart.
    assert.deepEqual(first.counts, { [`tdg-${version}`]: listed.length, 'tdg-edited-in-place': 1 }, 'one cache, complete');

    // The network is gone: the server stopped and the browser offline.
    await stop(server);
    await context.setOffline(true);
    const fromNetwork = [];
    page.on('response', (r) => { if (!r.fromServiceWorker() && r.url().startsWith('http')) fromNetwork.push(r.url()); });
    await page.reload();
    await openCommuneSample(page);
    const report = await signFirstTime(page, FILES, 'offline');
    assert.match(verifyAsOffice(report), /ĐẠT \/ PASS/);
    await toPrint(page);
    assert.deepEqual(fromNetwork, [], 'every file came from the offline cache');

    // A new deployment: the notice, then "Tải lại" moves to it and the old cache is deleted.
    await context.setOffline(false);
    server = await serve(port, `${version}-next`);
    await page.reload();
    const notice = page.getByRole('status').filter({ hasText: 'Có phiên bản mới' });
    await notice.waitFor();
    await screenshot(page, 'offline-new-version');
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Tải lại' }).click()]);
    await page.waitForFunction((v) => caches.keys().then((k) => { const versions = k.filter((n) => n !== 'tdg-edited-in-place'); return versions.length === 1 && versions[0] === `tdg-${v}`; }), `${version}-next`);
    await page.locator('#main').waitFor();
    assert.equal(await notice.count(), 0, 'the reloaded page runs the new version');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await stop(server);
  }
});

test('in a same-site iframe the offline cache works; embedded cross-site the app says to open it in its own tab', async () => {
  const server = await serve(0);
  const port = server.address().port;
  const context = await openBrowser({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    // Same site (127.0.0.1 in 127.0.0.1): the frame gets its worker and says nothing.
    await page.goto(`http://127.0.0.1:${port}/host.html`);
    // goto waits for the frame's load too.
    const frame = page.frames().find((f) => f.url().includes(SUB_PATH));
    const scope = await frame.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
    assert.equal(scope, `http://127.0.0.1:${port}${SUB_PATH}`);
    const app = page.frameLocator('iframe');
    await app.locator('#main').waitFor();
    assert.equal(await app.getByText('công cụ chỉ chạy khi có mạng').count(), 0);

    // Cross-site (localhost embeds 127.0.0.1): the browser refuses the worker; the app says so.
    await page.goto(`http://localhost:${port}/host.html`);
    const note = app.getByRole('status').filter({ hasText: 'công cụ chỉ chạy khi có mạng' });
    await note.waitFor();
    const link = note.getByRole('link', { name: 'Mở công cụ trong thẻ riêng' });
    assert.equal(await link.getAttribute('href'), `http://127.0.0.1:${port}${SUB_PATH}`);
    assert.equal(await link.getAttribute('target'), '_blank');
    await screenshot(page, 'offline-embedded-cross-site');
  } finally {
    await context.close();
    await stop(server);
  }
});
