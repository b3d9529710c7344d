// The app shell, as a person meets it: Vietnamese first, tiers from the catalog, language switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openApp, screenshot } from './browser.mjs';

let context;
before(async () => { context = await openBrowser(); });
after(async () => { await context?.close(); });

test('opens in Vietnamese with the tiers of the catalog', async () => {
  const { page, problems } = await openApp(context);
  await page.getByRole('heading', { level: 1, name: 'Tự đánh giá chuyển đổi số' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  const commune = page.getByLabel(/Cấp xã, phường, đặc khu/);
  await commune.check();
  assert.ok(await commune.isChecked());
  const district = page.getByLabel(/Cấp quận, huyện/);
  assert.ok(await district.isDisabled(), 'the district tier is not offered for 2026');
  await page.getByLabel('Năm đánh giá').selectOption('2024');
  assert.ok(await district.isEnabled(), 'the district tier is offered for 2024');
  await screenshot(page, 'start-desktop');
  assert.deepEqual(problems, []);
});

test('switches to English and remembers it after a reload', async () => {
  const { page, problems } = await openApp(context);
  // The start screen of a first visit (the test above left a draft with a tier chosen).
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Digital-transformation self-assessment' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  // The enterprise tier offers its variants once chosen, in the language on screen.
  assert.equal(await page.getByLabel('IT enterprises', { exact: true }).count(), 0, 'no variant before a tier');
  await page.getByLabel(/^Enterprises/).check();
  await page.getByLabel('IT enterprises', { exact: true }).check();
  assert.ok(await page.getByLabel('Enterprises in general', { exact: true }).isVisible());
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Digital-transformation self-assessment' }).waitFor();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tự đánh giá chuyển đổi số' }).waitFor();
  assert.deepEqual(problems, []);
});

test('fits a 360 px phone', async () => {
  const { page, problems } = await openApp(context, { width: 360, height: 740 });
  // Start as a first-time user: no draft saved by the tests above.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel(/Doanh nghiệp/).first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
  await screenshot(page, 'start-360');
  assert.deepEqual(problems, []);
});

test('text typed in decomposed form (NFD) is kept in NFC', async () => {
  const { page, problems } = await openApp(context);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const nfd = 'UBND xã Tiên Lãng'.normalize('NFD');
  assert.notEqual(nfd, 'UBND xã Tiên Lãng');
  await page.getByLabel('Tên đơn vị').fill(nfd);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('tdg@/#draft')).draft.unit.name);
  assert.equal(saved, 'UBND xã Tiên Lãng'.normalize('NFC'));
  assert.deepEqual(problems, []);
});

test('runs under a portal sub-path: every URL it uses is relative', async () => {
  const page = await context.newPage();
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto(new URL('cong-thong-tin/tu-danh-gia/', process.env.TDG_BASE_URL ?? 'http://127.0.0.1:8080/').href);
  await page.getByLabel(/Cấp xã, phường, đặc khu/).waitFor();
  assert.deepEqual(failed, []);
});
