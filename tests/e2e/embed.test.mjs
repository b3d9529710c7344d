// Embedding in a portal across two sites (issue 11): the host page on http://localhost:<port>,
// the tool on http://127.0.0.1:<port> (another site).
//
// Storage in a cross-site frame with third-party cookies blocked depends on storage
// partitioning (docs/embedding.md, section 5, has the measurements and the source lines):
// - Partitioning off (Playwright's default, microsoft/playwright#32230; a browser whose policy
//   turns it off): the frame has no storage. Chromium 156 checks a frame's non-cookie storage
//   without the frame's storage-access grant (ContentSettingsManagerImpl::AllowStorageAccess,
//   crbug.com/40247160), so even granted, the handle's localStorage and IndexedDB stay
//   "access denied": the tool takes its refused path ("Mở trong thẻ mới", the draft export).
// - Partitioning on (Chrome as it ships, since version 115): the frame keeps its draft in the
//   portal's partition; once the user allows storage access (the content setting the browser's
//   prompt writes), the tool uses its own storage through the handle (handle.localStorage and
//   handle.indexedDB), the same as when opened directly, over reloads.
// The DevTools protocol's grant (Browser.setPermission) is not that content setting: it only
// overrides what the permission API answers, so requestStorageAccess resolves, but the browser
// does not see the grant when the handle binds its storage (with partitioning on it even ends the
// frame's renderer: "Binding a StorageAccessHandle requires third-party cookie access"). The
// granted test therefore writes the user's grant into the profile, between two launches.
// With third-party cookies allowed, the whole portal flow runs in the frame: configure, sign,
// the report on the button, a draft kept over a reload. A page on an origin not in embed.json
// gets nothing and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser, BASE_URL, OUT, screenshot, SLOW } from './browser.mjs';

const APP = BASE_URL;
const HOST = process.env.TDG_EMBED_HOST_URL ?? 'http://localhost:8080/';
const OTHER = process.env.TDG_EMBED_OTHER_URL ?? 'http://localhost:8081/';
const FILES = join(OUT, 'files', 'embed');
const PASSWORD = 'mat-khau-12-ky-tu';
const CATALOG = 'assets/catalogs/hp-175-kh-ubnd.json';
const hostPage = (base) => `${base}embed-example.html?app=${encodeURIComponent(APP)}`;

before(() => mkdirSync(FILES, { recursive: true }));

let blocked;
let allowed;
before(async () => {
  [blocked, allowed] = await Promise.all([openBrowser({ blockThirdPartyCookies: true }), openBrowser({ blockThirdPartyCookies: false })]);
});
after(async () => {
  await Promise.all([blocked?.close(), allowed?.close()]);
  for (const c of [blocked, allowed]) if (c) rmSync(c.profileDir, { recursive: true, force: true });
});

/// The host page with the tool in its frame, once the tool said `ready`.
async function openHost(context, base = HOST) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => d.accept());
  await page.goto(hostPage(base));
  const frame = await toolFrame(page);
  await waitForMessage(page, 'ready');
  return { page, frame, problems };
}

/// The tool's frame inside the host page, once it has rendered.
async function toolFrame(page) {
  const frame = page.frameLocator('#tool');
  await frame.getByLabel('Tên đơn vị').or(frame.getByRole('heading', { name: 'Kết quả tự chấm' })).first().waitFor();
  return frame;
}

const received = (page, type) => page.evaluate((type) => window.received.filter((m) => m.type === type), type);
async function waitForMessage(page, type) {
  await page.waitForFunction((type) => window.received.some((m) => m.type === type), type, { timeout: 20000 });
  return (await received(page, type)).at(-1);
}
const appFrame = (page) => page.frames().find((f) => f.url().startsWith(APP));
// The host page's "Điền sẵn" button, pressed through the DOM: the host's iframe grows with the
// tool's content, and a mouse click on a button above a frame that is resizing can land in the
// frame (what is tested is the message, not the example page's layout).
const configure = (page) => page.getByRole('button', { name: /Điền sẵn vào công cụ/ }).evaluate((b) => b.click());

test('third-party cookies blocked, partitioning off: storage refused, access asked for on a click and refused, the refused path offered, the host still configures', async () => {
  const { page, frame, problems } = await openHost(blocked);
  const ready = (await received(page, 'ready'))[0];
  assert.equal(ready.catalog.sha256, createHash('sha256').update(readFileSync(CATALOG)).digest('hex'));
  assert.equal(ready.appVersion, '0.1.0');

  // The frame's storage is refused, and the tool says why (once: no "not saved" notice).
  const denied = await appFrame(page).evaluate(() => { try { window.localStorage.length; return 'usable'; } catch (e) { return e.name; } });
  assert.equal(denied, 'SecurityError');
  await frame.getByTestId('storage-access').waitFor();
  assert.equal(await frame.getByText('Không lưu được bản nháp').count(), 0);
  await screenshot(page, 'embed-storage-blocked');

  // The permission, granted through the DevTools protocol: the tool's origin inside the host's.
  const cdp = await blocked.newCDPSession(page);
  await cdp.send('Browser.setPermission', {
    permission: { name: 'storage-access' },
    setting: 'granted',
    origin: new URL(HOST).origin,
    embeddedOrigin: new URL(APP).origin,
  });
  assert.equal(await appFrame(page).evaluate(async () => (await navigator.permissions.query({ name: 'storage-access' })).state), 'granted');
  await frame.getByRole('button', { name: 'Cho phép lưu bản nháp trong khung này' }).click();
  // Partitioning off (Playwright's default): the handle's storage is refused too (as with the
  // user's own grant: docs/embedding.md, section 5). The tool at top level (with the current
  // choices as a deep link) and the draft export are offered.
  await frame.getByText('Trình duyệt không cho phép lưu bản nháp trong khung này.').waitFor();
  assert.equal(await frame.getByText('Đã được phép lưu').count(), 0);
  const link = frame.getByRole('link', { name: 'Mở trong thẻ mới' });
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('href'), /^\/\?year=2026&lang=vi$/);
  await frame.getByRole('button', { name: 'Xuất bản nháp ra tệp' }).waitFor();
  await screenshot(page, 'embed-storage-refused');

  // The host pre-fills the unit and the tier, in memory.
  await configure(page);
  assert.equal((await waitForMessage(page, 'configured')).status, 'applied');
  assert.equal(await frame.getByLabel('Tên đơn vị').inputValue(), 'UBND xã Tiên Lãng');
  assert.equal(await frame.getByLabel('Mã đơn vị').inputValue(), 'XA-TL-01');
  assert.match(await link.getAttribute('href'), /^\/\?tier=xa-phuong&year=2026&lang=vi$/);
  assert.deepEqual(problems, []);
  await page.close();
});

const unitName = (scope) => scope.getByLabel('Tên đơn vị');
/// Waits until the unit's name in `scope` (a page or a frame locator) reads `name`.
async function waitForUnitName(scope, name) {
  const field = unitName(scope);
  for (let i = 0; i < 100 && (await field.inputValue()) !== name; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await field.inputValue(), name);
}
/// The "Đơn vị" step of a draft open on the results.
const unitStep = (scope) => scope.getByRole('navigation', { name: 'Các bước' }).getByRole('button', { name: 'Đơn vị', exact: true }).click();
/// Clicks `button` in `scope` and saves the download that follows under `name`: its text.
async function download(page, button, name) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), button.click()]);
  const path = join(FILES, name);
  await file.saveAs(path);
  return readFileSync(path, 'utf8');
}
const signer = (report) => JSON.parse(report).proof.verificationMethod;

test('third-party cookies blocked, partitioning on (Chrome as it ships): the frame keeps its own draft; once the user allows storage access, the tool uses its own drafts and key through the handle, over a reload', async () => {
  const options = { blockThirdPartyCookies: true, storagePartitioning: true };
  let context = await openBrowser(options);
  const profile = context.profileDir;
  try {
    // The tool opened directly: a draft and the unit's key in its own storage.
    const direct = await context.newPage();
    direct.on('dialog', (d) => d.accept());
    await direct.goto(APP);
    await unitName(direct).fill('UBND xã Tiên Lãng (mở trực tiếp)');
    await direct.getByLabel('Mã đơn vị').fill('XA-TL-01');
    await direct.getByLabel(/Cấp xã, phường, đặc khu/).check();
    await direct.getByRole('button', { name: 'Bắt đầu đánh giá →' }).click();
    await direct.getByRole('button', { name: 'Ký và tải báo cáo (JSON)' }).click();
    await direct.getByLabel('Mật khẩu (ít nhất 12 ký tự)').fill(PASSWORD);
    await direct.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
    await download(direct, direct.getByRole('button', { name: 'Tạo khóa và tải tệp sao lưu' }), 'direct-backup.json');
    await direct.getByLabel('Tệp sao lưu vừa tải').setInputFiles(join(FILES, 'direct-backup.json'));
    await direct.getByLabel('Mật khẩu của tệp vừa tải').fill(PASSWORD);
    const directReport = await download(direct, direct.getByRole('button', { name: 'Mở tệp sao lưu và ký' }), 'direct-report.json');
    await direct.close();

    // In the portal: the frame's storage works (the portal's partition), without the tool's draft.
    let { page, frame, problems } = await openHost(context);
    const tool = appFrame(page);
    assert.equal(await tool.evaluate(() => document.hasStorageAccess()), false);
    assert.equal(await tool.evaluate(() => typeof window.localStorage.length), 'number');
    await frame.getByTestId('storage-share').waitFor();
    assert.equal(await unitName(frame).inputValue(), '');
    await unitName(frame).fill('UBND xã Tiên Lãng (trong cổng, chưa cho phép)');
    await screenshot(page, 'embed-storage-partitioned');
    // Not granted: the browser refuses (headless shows no prompt); the frame's draft stays.
    await frame.getByRole('button', { name: 'Dùng bản nháp và khóa của công cụ trên máy này' }).click();
    await frame.getByText('Trình duyệt không cho phép dùng bản nháp và khóa của công cụ trong khung này').waitFor();
    assert.equal(await frame.getByRole('link', { name: 'Mở trong thẻ mới' }).count(), 0);
    assert.equal(await unitName(frame).inputValue(), 'UBND xã Tiên Lãng (trong cổng, chưa cho phép)');
    assert.deepEqual(problems, []);
    await context.close();

    // The user's grant, as the browser keeps it: the tool's site inside the portal's site.
    context = await openBrowser({ ...options, profile, storageAccessGrants: [['http://127.0.0.1', 'http://localhost']] });
    ({ page, frame, problems } = await openHost(context));
    // Granted before: the tool takes its own storage at once and opens its own draft, on its
    // results; the frame's draft is kept among the previous drafts.
    await frame.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
    assert.equal(await appFrame(page).evaluate(() => document.hasStorageAccess()), true);
    assert.equal(await frame.getByTestId('storage-share').count(), 0);
    // The unit's key, from the handle's IndexedDB: the report is signed at once, by the same key.
    const framed = await download(page, frame.getByRole('button', { name: 'Ký và tải báo cáo (JSON)' }), 'framed-report.json');
    assert.equal(signer(framed), signer(directReport));
    await unitStep(frame);
    assert.equal(await unitName(frame).inputValue(), 'UBND xã Tiên Lãng (mở trực tiếp)');
    await unitName(frame).fill('UBND xã Tiên Lãng (trong cổng)');
    // Through the handle: the tool's own localStorage, not the partition's.
    await appFrame(page).waitForFunction(() => Object.values(window.tdgStorageHandle.localStorage).some((v) => v.includes('(trong cổng)')));
    assert.equal(await appFrame(page).evaluate(() => Object.values(localStorage).some((v) => v.includes('UBND xã Tiên Lãng (trong cổng)"'))), false);
    await screenshot(page, 'embed-storage-granted');

    // A reload keeps it (the grant persists: taken again without a click).
    await page.reload();
    frame = await toolFrame(page);
    await frame.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
    await unitStep(frame);
    await waitForUnitName(frame, 'UBND xã Tiên Lãng (trong cổng)');
    // And the tool opened directly has it: one storage.
    const again = await context.newPage();
    await again.goto(APP);
    await again.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
    await unitStep(again);
    await waitForUnitName(again, 'UBND xã Tiên Lãng (trong cổng)');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('third-party cookies allowed: configured by the host, the report sent only on the button, the draft kept over a reload', async () => {
  let { page, frame, problems } = await openHost(allowed);
  assert.equal(await frame.getByTestId('storage-access').count(), 0);
  await configure(page);
  assert.equal((await waitForMessage(page, 'configured')).status, 'applied');
  assert.equal(await frame.getByLabel('Tên đơn vị').inputValue(), 'UBND xã Tiên Lãng');

  // What the user types is not replaced without asking.
  await frame.getByLabel('Tên đơn vị').fill('UBND xã Tiên Lãng (đã sửa)');
  await configure(page);
  await frame.getByTestId('prefill-confirm').waitFor();
  await page.waitForFunction(() => window.received.filter((m) => m.type === 'configured').length === 2);
  assert.equal((await received(page, 'configured')).at(-1).status, 'waiting-for-user');
  await frame.getByRole('button', { name: 'Giữ thông tin đã nhập' }).click();
  assert.equal(await frame.getByLabel('Tên đơn vị').inputValue(), 'UBND xã Tiên Lãng (đã sửa)');

  // Sign in the frame: the key is made, its backup downloaded and re-opened.
  await frame.getByRole('button', { name: 'Bắt đầu đánh giá →' }).click();
  await frame.getByRole('button', { name: 'Ký và tải báo cáo (JSON)' }).click();
  await frame.getByLabel('Mật khẩu (ít nhất 12 ký tự)').fill(PASSWORD);
  await frame.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
  const [backup] = await Promise.all([
    page.waitForEvent('download', { timeout: SLOW }),
    frame.getByRole('button', { name: 'Tạo khóa và tải tệp sao lưu' }).click(),
  ]);
  const backupPath = join(FILES, 'backup.json');
  await backup.saveAs(backupPath);
  await frame.getByLabel('Tệp sao lưu vừa tải').setInputFiles(backupPath);
  await frame.getByLabel('Mật khẩu của tệp vừa tải').fill(PASSWORD);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: SLOW }),
    frame.getByRole('button', { name: 'Mở tệp sao lưu và ký' }).click(),
  ]);
  const reportPath = join(FILES, 'report.json');
  await download.saveAs(reportPath);
  const fileHash = createHash('sha256').update(readFileSync(reportPath)).digest('hex');

  // The host learns the name and hash at once; the report itself only on the button.
  const signed = await waitForMessage(page, 'report-signed');
  assert.deepEqual(Object.keys(signed).sort(), ['fileName', 'protocol', 'sha256', 'type', 'version']);
  assert.equal(signed.sha256, fileHash);
  assert.equal(signed.fileName, download.suggestedFilename());
  assert.deepEqual(await received(page, 'report'), []);
  await frame.getByRole('button', { name: 'Gửi báo cáo lên Cổng thử nghiệm' }).click();
  const report = await waitForMessage(page, 'report');
  assert.equal(report.sha256, fileHash);
  assert.equal(report.report, readFileSync(reportPath, 'utf8'));
  assert.deepEqual(await received(page, 'report-checked'), [{ type: 'report-checked', ok: true }]);
  const heights = (await received(page, 'resize')).map((m) => m.height);
  assert.ok(heights.length > 0 && heights.every((h) => Number.isInteger(h) && h > 0), `heights ${heights}`);
  await screenshot(page, 'embed-report-sent');
  assert.deepEqual(problems, []);

  // A reload keeps the draft (with third-party cookies allowed, the frame has its storage).
  await page.reload();
  frame = await toolFrame(page);
  await frame.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
  await frame.getByRole('navigation', { name: 'Các bước' }).getByRole('button', { name: 'Đơn vị', exact: true }).click();
  assert.equal(await frame.getByLabel('Tên đơn vị').inputValue(), 'UBND xã Tiên Lãng (đã sửa)');
  await page.close();
});

test('a page on an origin not in embed.json gets nothing and changes nothing', async () => {
  const page = await allowed.newPage();
  await page.goto(hostPage(OTHER));
  // frame-ancestors: the browser refuses to show the tool inside this page at all.
  await page.waitForTimeout(1500);
  const inFrame = page.frames().find((f) => f !== page.mainFrame());
  const shown = inFrame ? await inFrame.evaluate(() => document.getElementById('app') !== null).catch(() => false) : false;
  assert.equal(shown, false, 'the tool is not shown in a page not listed');
  // The example host says what to do rather than waiting forever.
  await page.getByText('Công cụ chưa trả lời. Thêm “').waitFor({ timeout: 10000 });
  // The same page opens the tool in a window of its own and sends it a configure.
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.evaluate((app) => { window.tool = window.open(app); }, APP),
  ]);
  await popup.getByLabel('Tên đơn vị').or(popup.getByRole('heading', { name: 'Kết quả tự chấm' })).first().waitFor();
  await popup.waitForTimeout(300);
  const before = await popup.evaluate(() => document.getElementById('unit-name')?.value ?? null);
  await page.evaluate(() => {
    window.tool.postMessage({ protocol: 'tdg-embed', version: 1, type: 'configure', unit: { name: 'Kẻ lạ', code: 'LA-01' }, tier: 'so-nganh' }, '*');
  });
  await popup.waitForFunction(() => Number(document.documentElement.dataset.portalRejected ?? 0) >= 1);
  assert.equal(await popup.evaluate(() => document.getElementById('unit-name')?.value ?? null), before);
  assert.equal(await popup.getByText('Kẻ lạ').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.received), []);
  await popup.close();
  await page.close();
});
