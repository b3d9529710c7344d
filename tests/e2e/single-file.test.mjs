// The single file for a USB stick (`cargo xtask dist --single-file`, docs/offline.md): opened
// from file:// with every network request refused, the sample commune is assessed and signed
// (the signing module and the backup worker come from inside the file), the report downloads,
// and `tdg verify` accepts it. Its CSP allows only its own hashed script and style.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomFillSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openBrowser, OUT, screenshot } from './browser.mjs';
import { verifyAsOffice } from './office.mjs';
import { openCommuneSample, signFirstTime, toPrint } from './signing.mjs';

const SINGLE = process.env.TDG_SINGLE_FILE ?? 'dist-single/tdg-hai-phong.html';
const FILES = join(OUT, 'files', 'single-file');

test('the single file works from file:// with no network: assess a commune, sign, download, tdg verify accepts', async () => {
  mkdirSync(FILES, { recursive: true });
  const html = readFileSync(SINGLE, 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(csp, /connect-src 'none'/);
  assert.match(csp, /worker-src blob:/);
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  assert.doesNotMatch(html, /<script[^>]* src=|<link[^>]* rel="stylesheet"/, 'nothing is loaded from beside the file');

  const context = await openBrowser();
  try {
    // Every request that is not the file itself (or data:, blob:) is refused and recorded.
    const requests = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('request', (r) => {
      if (!/^(file|data|blob):/.test(r.url())) problems.push(`request: ${r.url()}`);
    });
    // "Sign with criteria still open?": yes, as the keys tests do.
    page.on('dialog', (d) => d.accept());
    await page.goto(pathToFileURL(resolve(SINGLE)).href);
    const workers = [];
    page.on('worker', (w) => workers.push(w.url()));
    await openCommuneSample(page);
    // An evidence file on the first criterion, hashed in the hash worker (a blob: worker).
    const evidence = join(FILES, 'minh-chung.bin');
    const bytes = randomFillSync(new Uint8Array(3 * 1024 * 1024));
    writeFileSync(evidence, bytes);
    const card = page.getByRole('article').first();
    await card.getByRole('button', { name: 'Thêm minh chứng' }).click();
    await card.getByLabel('Loại minh chứng').selectOption('file');
    await card.getByLabel(/Chọn tệp/).setInputFiles(evidence);
    await card.getByText(createHash('sha256').update(bytes).digest('hex')).waitFor();
    assert.equal(workers.length, 1, 'hashed in a worker');
    const report = await signFirstTime(page, FILES, 'single-file');
    const verified = verifyAsOffice(report);
    assert.match(verified, /✓ chữ ký hợp lệ/);
    assert.match(verified, /ĐẠT \/ PASS/);
    assert.equal(workers.length, 2, 'the backup sealed and opened in a second worker');
    assert.ok(workers.every((w) => w.startsWith('blob:')), workers.join(', '));
    const signed = JSON.parse(readFileSync(report, 'utf8'));
    assert.equal(signed.credentialSubject.unit.tier, 'xa-phuong');
    await toPrint(page);
    await screenshot(page, 'single-file-print');
    assert.deepEqual(requests, [], 'no request left the page');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
