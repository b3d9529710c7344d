// The office's unit register (office.html): imported from a CSV with a bad row (named by line and
// column), a unit added on the page by the fingerprint of the key that signed its report (the
// report then passes the registered-key check: the season is checked again), a unit renamed, and the register downloaded as CSV (imports back the same)
// and as the trust list JSON that `tdg batch --trust` reads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser, openApp, BASE_URL, OUT, SLOW } from './browser.mjs';
import { TDG, CATALOG } from './office.mjs';

let context;
let season;
before(async () => {
  mkdirSync(OUT, { recursive: true });
  season = join(OUT, `office-register-${process.pid}-${Date.now()}`);
  execFileSync(TDG, ['demo-season', '--catalog', CATALOG, '--out', season]);
  context = await openBrowser();
});
after(async () => { await context?.close(); });

const dmy = (iso) => (iso ? iso.split('-').reverse().join('/') : '');
const quote = (s) => `"${String(s).replaceAll('"', '""')}"`;

test('the register imports from CSV naming its bad row, is edited on the page, re-checks the season and exports as CSV and trust list', async () => {
  const trust = JSON.parse(readFileSync(join(season, 'trust.json'), 'utf8'));
  const added = trust.keys.find((k) => k.unitCode === 'DEMO-XA-010');
  const rows = trust.keys.filter((k) => k !== added)
    .map((k) => [k.unitCode, k.unitName, k.tier, k.variant ?? '', k.group, k.did, dmy(k.validFrom), dmy(k.validUntil), dmy(k.revokedOn)]);
  // Line 7 (the header is line 1): a tier the catalog does not have.
  rows.splice(5, 0, ['DEMO-XA-999', 'Xã lỗi (minh hoạ)', 'thôn', '', 'Cụm thi đua số 1', added.did, '27/11/2025', '', '']);
  const header = ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Loại', 'Cụm/Khối', 'Khóa (did:key)', 'Hiệu lực từ', 'Hiệu lực đến', 'Ngày thu hồi'];
  const csvPath = join(season, 'so-dang-ky.csv');
  writeFileSync(csvPath, '\ufeff' + [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n');

  const { page, problems } = await openApp(context, { width: 1280, height: 900 });
  await page.goto(new URL('office.html', BASE_URL).href);
  await page.getByTestId('catalog-line').filter({ hasText: 'hp-175-kh-ubnd.json' }).waitFor();
  const reports = ['DEMO-XA-010.json', 'DEMO-XA-011.json', 'DEMO-SN-010.json'];
  await page.getByLabel('Các tệp báo cáo (.json, .zip)').setInputFiles(reports.map((f) => join(season, 'bao-cao', f)));
  await page.getByLabel('Nhập sổ đăng ký từ tệp CSV hoặc Excel').setInputFiles(csvPath);
  const errors = page.getByTestId('register-errors');
  await errors.waitFor();
  // The message lists what the tier column accepts.
  const said = await errors.locator('li').allTextContents();
  assert.equal(said.length, 1);
  assert.match(said[0], /^Dòng 7, cột “Cấp”: danh mục không có cấp “thôn”; hãy ghi một trong: .*“Cấp xã, phường, đặc khu” \(xa-phuong\)/);
  assert.match(await page.getByTestId('register-count').textContent(), /^273 đơn vị, 273 khóa/);

  // The received date is typed day first, whatever the browser's locale (walk-through L6).
  await page.getByLabel('Ngày nhận (do cơ quan nhập)').fill('27/11/2026');
  await page.getByTestId('no-received').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Kiểm tra và tổng hợp' }).click();
  await page.getByTestId('season-summary').waitFor();
  const row = page.locator('#season tr[data-file="DEMO-XA-010.json"]');
  await page.waitForFunction(() => document.querySelector('#season tr[data-file="DEMO-XA-010.json"]')?.classList.contains('failed'));

  // Adding the unit on the page: a mistake first, said next to its field.
  await page.getByLabel('Mã đơn vị', { exact: true }).fill('DEMO-XA-010');
  await page.getByLabel('Tên đơn vị', { exact: true }).fill(added.unitName);
  await page.getByLabel('Cấp của đơn vị').selectOption('xa-phuong');
  await page.getByLabel('Cụm/Khối', { exact: true }).fill(added.group);
  await page.getByLabel('Khóa (did:key hoặc dấu vân tay)').fill('did:key:z6MkNOPE');
  await page.getByLabel('Khóa có hiệu lực từ').fill('27/11/2025');
  await page.getByRole('button', { name: 'Thêm vào sổ' }).click();
  const keyError = page.locator('#reg-key-error');
  await keyError.waitFor();
  assert.match(await keyError.textContent(), /“did:key:z6MkNOPE” không dùng được làm khóa: /);
  assert.equal(await page.getByLabel('Khóa (did:key hoặc dấu vân tay)').getAttribute('aria-describedby'), 'reg-key-error');
  // The focus is on the field in error, where its message is.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'reg-key');
  // The key by its fingerprint, as the unit reads it off its print: the register has no such
  // key, but the season's report DEMO-XA-010.json was signed with it (its proof holds).
  const [{ verdict }] = JSON.parse(execFileSync(TDG, ['verify', '--proof-only', '--json', join(season, 'bao-cao', 'DEMO-XA-010.json')], { encoding: 'utf8' }));
  assert.equal(verdict.issuer, added.did);
  assert.match(verdict.fingerprint, /^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
  await page.getByLabel('Khóa (did:key hoặc dấu vân tay)').fill(verdict.fingerprint.toLowerCase());
  await page.getByRole('button', { name: 'Thêm vào sổ' }).click();
  await keyError.waitFor({ state: 'detached' });
  // The form is ready for the next unit: code, name and key emptied, the cluster kept, the
  // focus on the code.
  assert.equal(await page.getByLabel('Mã đơn vị', { exact: true }).inputValue(), '');
  assert.equal(await page.getByLabel('Tên đơn vị', { exact: true }).inputValue(), '');
  assert.equal(await page.getByLabel('Khóa (did:key hoặc dấu vân tay)').inputValue(), '');
  assert.equal(await page.getByLabel('Cụm/Khối', { exact: true }).inputValue(), added.group);
  assert.equal(await page.getByLabel('Khóa có hiệu lực từ').inputValue(), '27/11/2025');
  // What was done is said, and stays while the season is checked again because of it.
  await page.getByRole('status').filter({ hasText: 'Đã thêm đơn vị DEMO-XA-010 vào sổ đăng ký.' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'reg-code');
  // The season is checked again against the edited register: the report now passes.
  await page.waitForFunction(() => document.querySelector('#season tr[data-file="DEMO-XA-010.json"]')?.classList.contains('ok'));
  assert.equal(await row.getAttribute('class'), 'ok');
  assert.match(await page.getByTestId('register-count').textContent(), /^274 đơn vị, 274 khóa/);

  // Renaming a unit in the list.
  await page.getByText(/^Xem và sửa sổ đăng ký/).click();
  await page.getByRole('button', { name: 'Sửa DEMO-XA-011' }).click();
  await page.getByLabel('Tên đơn vị DEMO-XA-011').fill('Xã minh hoạ số 11 (đổi tên)');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  assert.match(await page.locator('#register tr[data-unit="DEMO-XA-011"]').textContent(), /Xã minh hoạ số 11 \(đổi tên\)/);

  // Removing a key asks first, points to revoking, and can be undone.
  await page.getByRole('button', { name: 'Sửa DEMO-XA-012' }).click();
  await page.getByRole('button', { name: 'Xóa khóa này của DEMO-XA-012' }).click();
  const question = page.locator('.register-confirm');
  assert.match(await question.textContent(), /Xóa hẳn khóa .* của DEMO-XA-012 khỏi sổ\?.*“Thu hồi khóa”/);
  assert.match(await page.getByTestId('register-count').textContent(), /^274 đơn vị, 274 khóa/);
  await page.getByRole('button', { name: 'Xóa hẳn khóa này' }).click();
  await page.getByTestId('register-count').filter({ hasText: /^273 đơn vị, 273 khóa/ }).waitFor();
  await page.getByRole('button', { name: 'Hoàn tác' }).click();
  await page.getByTestId('register-count').filter({ hasText: /^274 đơn vị, 274 khóa/ }).waitFor();
  assert.equal(await page.locator('#register tr[data-unit="DEMO-XA-012"]').count(), 1);

  // Revoking is an action of its own, with its day; a day before the key counts is refused.
  await page.getByRole('button', { name: 'Thu hồi khóa của DEMO-XA-013' }).click();
  const revokeDay = page.getByLabel('Thu hồi khóa của DEMO-XA-013 từ ngày');
  await revokeDay.fill('01/01/2020');
  await page.getByRole('button', { name: 'Thu hồi từ ngày này' }).click();
  await page.getByText(/ngày thu hồi trước ngày khóa bắt đầu có hiệu lực/).waitFor();
  await revokeDay.fill('01/12/2026');
  await page.getByRole('button', { name: 'Thu hồi từ ngày này' }).click();
  await page.locator('#register tr[data-unit="DEMO-XA-013"]').filter({ hasText: 'Thu hồi từ 01/12/2026' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Thu hồi khóa của DEMO-XA-013' }).count(), 0);

  // Downloaded as CSV (UTF-8 with a BOM), it imports back the same: no bad row, every key.
  const [csv] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByRole('button', { name: 'Tải sổ đăng ký (CSV)' }).click()]);
  const csvBack = join(season, 'so-dang-ky-tai-ve.csv');
  await csv.saveAs(csvBack);
  const bytes = readFileSync(csvBack);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(bytes.toString('utf8'), /Xã minh hoạ số 11 \(đổi tên\)/);
  await page.getByLabel('Nhập sổ đăng ký từ tệp CSV hoặc Excel').setInputFiles(csvBack);
  await page.getByTestId('register-line').filter({ hasText: 'so-dang-ky-tai-ve.csv' }).waitFor();
  assert.equal(await errors.count(), 0);
  assert.match(await page.getByTestId('register-count').textContent(), /^274 đơn vị, 274 khóa/);

  // A file with far fewer units (and a failed row) is not taken unasked: the page says how many
  // units each has and how many rows failed; merged, the register keeps every unit.
  const k11 = trust.keys.find((k) => k.unitCode === 'DEMO-XA-011');
  const smallPath = join(season, 'so-nho.csv');
  writeFileSync(smallPath, '\ufeff' + [header,
    ['DEMO-XA-011', 'Xã minh hoạ số 11', 'Cấp xã', '', k11.group, k11.did, dmy(k11.validFrom), '', ''],
    ['DEMO-XA-998', 'Xã lỗi', 'thôn', '', '', k11.did, '01/01/2026', '', '']].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n');
  await page.getByLabel('Nhập sổ đăng ký từ tệp CSV hoặc Excel').setInputFiles(smallPath);
  const pending = page.getByTestId('register-pending');
  await pending.waitFor();
  assert.match(await pending.textContent(), /Sổ đăng ký đang có 274 đơn vị \(274 khóa\)\. Tệp so-nho\.csv có 1 đơn vị \(1 khóa\); 1 dòng lỗi không nhập được/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'register-pending-title');
  await pending.getByRole('button', { name: /^Gộp/ }).click();
  await pending.waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('register-count').textContent(), /^274 đơn vị, 274 khóa/);

  // Downloaded as the trust list, `tdg batch --trust` takes it and the added unit passes.
  const [json] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByRole('button', { name: 'Tải danh sách khóa tin cậy (trust.json)' }).click()]);
  const trustBack = join(season, 'trust-tai-ve.json');
  await json.saveAs(trustBack);
  const list = JSON.parse(readFileSync(trustBack, 'utf8'));
  assert.equal(list.trustListVersion, 2);
  assert.equal(list.keys.length, 274);
  const batch = spawnSync(TDG, ['batch', '--trust', trustBack, '--catalog', CATALOG, '--received', '2026-11-27', '--json',
    join(season, 'bao-cao', 'DEMO-XA-010.json')], { encoding: 'utf8' });
  assert.equal(batch.status, 0, batch.stdout + batch.stderr);

  // Kept in this browser: after a reload the register is there, with the new name.
  await page.reload();
  await page.getByTestId('register-count').filter({ hasText: /^274 đơn vị, 274 khóa/ }).waitFor();
  await page.getByText(/^Xem và sửa sổ đăng ký/).click();
  assert.match(await page.locator('#register tr[data-unit="DEMO-XA-011"]').textContent(), /đổi tên/);

  // The page's storage full: an edit still works on the page, and the page says it was not kept.
  const fillers = await page.evaluate(() => {
    // Big pieces first, then smaller ones, until not one more character fits.
    let n = 0;
    for (let size = 1 << 20; size >= 16; size >>= 2) {
      const chunk = 'x'.repeat(size);
      try { for (;;) localStorage.setItem(`filler-${n++}`, chunk); } catch { /* full at this size */ }
    }
    return n;
  });
  await page.getByRole('button', { name: 'Sửa DEMO-XA-012' }).click();
  // A longer name than the stored one: the register no longer fits.
  await page.getByLabel('Tên đơn vị DEMO-XA-012').fill(`Xã minh hoạ số 12 (khi bộ nhớ đầy)${' dài'.repeat(200)}`);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Trình duyệt không lưu được sổ đăng ký' }).waitFor();
  assert.match(await page.locator('#register tr[data-unit="DEMO-XA-012"]').textContent(), /khi bộ nhớ đầy/);
  await page.evaluate((n) => { for (let i = 0; i < n; i++) localStorage.removeItem(`filler-${i}`); }, fillers);
  assert.deepEqual(problems, []);
  await page.close();
});
