// The receiving office's view (office.html): the demonstration season opened in the browser
// gives what `tdg batch` gives (every defect flagged with its own message, the same ranking),
// an appraisal changes the appraised column, and the exports download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openBrowser, openApp, BASE_URL, OUT, SLOW } from './browser.mjs';
import { TDG, CATALOG } from './office.mjs';

const RECEIVED = '2026-11-27';
const AXE = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
let context;
let season;
let expected;

before(async () => {
  mkdirSync(OUT, { recursive: true });
  season = join(OUT, `office-season-${process.pid}-${Date.now()}`);
  execFileSync(TDG, ['demo-season', '--catalog', CATALOG, '--out', season]);
  // The season fails on purpose: tdg batch exits 1 and prints its JSON all the same.
  const batch = spawnSync(TDG, ['batch', '--trust', join(season, 'trust.json'), '--catalog', CATALOG,
    '--received', RECEIVED, '--json', join(season, 'bao-cao')], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(batch.status, 1, batch.stderr);
  expected = JSON.parse(batch.stdout);
  context = await openBrowser();
});
after(async () => { await context?.close(); });

async function openSeason({ received = RECEIVED, only, within = context } = {}) {
  // openApp fails the test on console errors and requests to other origins; then the office page.
  const { page, problems } = await openApp(within, { width: 1600, height: 1000 });
  await page.goto(new URL('office.html', BASE_URL).href);
  await page.getByTestId('catalog-line').filter({ hasText: 'hp-175-kh-ubnd.json' }).waitFor();
  const dir = join(season, 'bao-cao');
  const names = readdirSync(dir).filter((f) => !only || only.includes(f));
  await page.getByLabel('Các tệp báo cáo (.json, .zip)').setInputFiles(names.map((f) => join(dir, f)));
  // Only the page's count is shown: the browser's "No file chosen" (the input is emptied after
  // each pick) contradicted it (walk-through L7).
  assert.match(await page.getByTestId('picked').textContent(), new RegExp(`^${names.length} tệp đã chọn`));
  for (const id of ['#reports', '#folder']) {
    assert.equal(await page.locator(id).evaluate((e) => getComputedStyle(e).opacity), '0', id);
  }
  assert.ok(await page.getByText('Các tệp báo cáo (.json, .zip)').isVisible());
  await page.getByLabel('Danh sách khóa tin cậy (trust.json)').setInputFiles(join(season, 'trust.json'));
  // Nothing defaults the received date, and the form says what that means.
  await page.getByTestId('no-received').waitFor();
  // Typed day first, as the field asks (dd/mm/yyyy whatever the browser's locale).
  if (received) await page.getByLabel('Ngày nhận (do cơ quan nhập)').fill(received.split('-').reverse().join('/'));
  await page.getByRole('button', { name: 'Kiểm tra và tổng hợp' }).click();
  await page.getByTestId('season-summary').waitFor();
  return { page, problems };
}

test('every defect is flagged with its own message and a cluster is ranked as tdg batch says; an appraisal moves the unit', async () => {
  const { page, problems } = await openSeason();
  const failing = expected.files.filter((f) => !f.passes);
  assert.ok(failing.length >= 12, `${failing.length} failing files`);
  // The totals line up on the decimal sign whatever their number of decimals ("29,21" above
  // "29,007"), and their text stays as written.
  const totals = await page.locator('#season tbody td[data-col=total]').evaluateAll((cells) => cells
    .filter((c) => c.textContent)
    .map((c) => ({ text: c.textContent, sign: c.querySelector('.decimals').getBoundingClientRect().left })));
  const lengths = new Set(totals.map((t) => (t.text.split(',')[1] ?? '').length));
  assert.ok(lengths.size >= 2, `the rows in view need totals with different decimals: ${totals.map((t) => t.text)}`);
  for (const t of totals) assert.match(t.text, /^\d+(,\d{1,3})?$/);
  const signs = totals.map((t) => t.sign);
  assert.ok(Math.max(...signs) - Math.min(...signs) < 0.5, `decimal signs at ${signs.join(', ')} for ${totals.map((t) => t.text).join(', ')}`);
  // The table draws only the rows in view: the search box brings any file into it.
  const search = page.getByLabel('Tìm trong bảng (tên tệp, mã hoặc tên đơn vị)');
  for (const f of failing) {
    await search.fill(basename(f.file));
    const row = page.locator(`#season tr[data-file="${basename(f.file)}"]`);
    const text = await row.textContent();
    const messages = f.error ? [f.error.vi] : f.checks.filter((c) => c.mark === '✗').map((c) => c.vi);
    assert.ok(messages.length > 0, f.file);
    for (const m of messages) assert.ok(text.includes(m), `${basename(f.file)}: “${m}” not in “${text}”`);
  }
  // The resend: the earlier report is listed as replaced, not dropped.
  await search.fill('DEMO-XA-005');
  assert.match(await page.locator('#season tr[data-file="DEMO-XA-005.json"]').textContent(), /Đã có báo cáo gửi sau thay thế/);
  // The SHA-256 line is information, not a "!" warning on every row: the row says nothing of
  // it; the details give it, in the page's terms, never a command-line flag.
  const notes = await page.locator('#season tr[data-file="DEMO-XA-005.json"] [data-col=checks] .note').allTextContents();
  assert.ok(notes.every((t) => !t.includes('SHA-256')), notes.join(' | '));
  await page.getByRole('button', { name: 'Chi tiết kiểm tra DEMO-XA-005.json' }).click();
  const sha = await page.getByTestId('file-details').locator('li.info').allTextContents();
  assert.ok(sha.some((t) => t.includes('bản giấy')), sha.join(' | '));
  assert.ok(sha.every((t) => !t.includes('--expect')), sha.join(' | '));
  // The panel has the focus when opened, and gives it back to its "i" when closed.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'file-details-title');
  await page.getByTestId('file-details').getByRole('button', { name: 'Đóng' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.details), 'DEMO-XA-005.json');
  await search.fill('');
  assert.equal(await page.locator('#season').getAttribute('data-rows'), String(expected.files.length));
  // Only the rows in view are drawn; scrolled to the end, the last row is.
  assert.ok(await page.locator('#season tbody tr[data-file]').count() < 60);
  await page.locator('.table-view').evaluate((v) => { v.scrollTop = v.scrollHeight; });
  await page.locator(`#season tr[aria-rowindex="${expected.files.length + 1}"]`).waitFor();
  await page.locator('.table-view').evaluate((v) => { v.scrollTop = 0; });
  // Not submitted, as tdg batch lists them (the sections below the table come a moment later).
  await page.getByTestId('missing').waitFor();
  const missing = await page.getByTestId('missing').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.unit));
  assert.deepEqual(missing, expected.notSubmitted.map((m) => m.unit.code));
  // The charts render, each with its title, and their figures add up to the ranking.
  assert.ok(await page.getByTestId('chart-bands').locator('rect').count() > 10);
  assert.equal(await page.getByRole('img', { name: 'Phân bố tổng điểm (mỗi cột 10 điểm)' }).count(), 1);
  // The heat map: one cluster or block at a time, each chosen in its list; its table says the same.
  const heatGroups = await page.getByLabel('Cụm, khối thi đua của bản đồ').locator('option').count();
  assert.equal(heatGroups, new Set(expected.ranking.map((r) => `${r.tier}|${r.group}`)).size);
  await page.getByLabel('Cụm, khối thi đua của bản đồ').selectOption({ index: heatGroups - 1 });
  const heatUnits = await page.getByTestId('heat-data').locator('thead th').count() - 1;
  const heatCriteria = await page.getByTestId('heat-data').locator('tbody tr').count();
  assert.ok(heatUnits > 3 && heatCriteria > 5, `${heatUnits} units, ${heatCriteria} criteria`);
  assert.ok(await page.getByTestId('chart-heat').locator('rect').count() >= heatUnits * heatCriteria);
  // The band chart's legend: no name runs into another or into a bar (walk-through L8).
  const overlaps = await page.getByTestId('chart-bands').evaluate((svg) => {
    const boxes = [...svg.querySelectorAll('text, rect')].map((e) => [e.textContent, e.getBoundingClientRect()]);
    const legend = [...svg.querySelectorAll('.legend text')].map((e) => e.getBoundingClientRect());
    const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return legend.flatMap((l) => boxes.filter(([, b]) => b !== l && !(b.left === l.left && b.top === l.top) && hit(l, b)).map(([t]) => t));
  });
  assert.deepEqual(overlaps, []);
  // Printed, the histogram's title shows once (its table's caption is for screen readers).
  await page.emulateMedia({ media: 'print' });
  const titles = await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.textContent.trim() === 'Phân bố tổng điểm (mỗi cột 10 điểm)' && e.getBoundingClientRect().width > 1).length);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(titles, 1);
  const histogram = await page.locator('table.chart-data tbody td.num').allTextContents();
  assert.equal(histogram.reduce((sum, n) => sum + Number(n), 0), expected.ranking.length);
  // The page as the office sees it (the viewport: a full-page shot of a 300-row table is slow).
  mkdirSync(join(OUT, 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(OUT, 'screenshots', 'office-view-season.png') });

  // The table fits its view at 1280 px and at 360 px (walk-through M4), in a labelled region
  // that the keyboard reaches (M5); a row's checks read in full on demand.
  const view = page.getByRole('region', { name: 'Bảng các báo cáo đã nhận (cuộn để xem tiếp)' });
  assert.equal(await view.getAttribute('tabindex'), '0');
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    const [scroll, client, pageWidth] = await view.evaluate((v) => [v.scrollWidth, v.clientWidth, document.documentElement.scrollWidth]);
    assert.ok(scroll <= client, `${width} px: the table is ${scroll} px wide in a ${client} px view`);
    assert.ok(pageWidth <= width, `${width} px: the page is ${pageWidth} px wide`);
  }
  await page.setViewportSize({ width: 1600, height: 1000 });
  const failed = failing.find((f) => !f.error);
  await search.fill(basename(failed.file));
  await page.getByRole('button', { name: `Chi tiết kiểm tra ${basename(failed.file)}` }).click();
  const details = await page.getByTestId('file-details').textContent();
  for (const c of failed.checks.filter((c) => c.mark === '✗')) assert.ok(details.includes(c.vi), `details: “${c.vi}”`);
  await page.getByTestId('file-details').getByRole('button', { name: 'Đóng' }).click();
  await search.fill('');

  // A cluster is ranked as tdg batch ranks it, and an appraisal changes the appraised column
  // and the rank.
  const group = 'Cụm thi đua số 6';
  const want = expected.files.filter((f) => f.rank && f.rank.group === group)
    .sort((a, b) => a.rank.rank - b.rank.rank)
    .map((f) => [`${f.rank.rank}${f.rank.tied ? '=' : ''}`, f.unit.code]);
  assert.ok(want.length > 3);
  await page.getByLabel('Cấp', { exact: true }).selectOption('xa-phuong');
  await page.getByLabel('Cụm, khối thi đua', { exact: true }).selectOption(group);
  const ranked = async () => page.locator('#season tbody tr').evaluateAll((rows) => rows
    .filter((r) => r.querySelector('td.rank').textContent !== '')
    .map((r) => [r.querySelector('td.rank').textContent, r.dataset.unit]));
  assert.deepEqual(await ranked(), want);
  // Appraise the first unit: its first criterion down to 0 points.
  const first = want[0][1];
  const row = page.locator('#season tbody tr').filter({ hasText: first });
  assert.equal(await row.locator('[data-col=appraised]').textContent(), '');
  await row.getByRole('button', { name: /^Thẩm định/ }).click();
  const editor = page.locator('section.appraisal');
  // The editor opens where the person is: its heading has the focus and is in view.
  await page.waitForFunction(() => document.activeElement?.id === 'appraisal-title');
  assert.ok(await editor.getByRole('heading').first().isVisible());
  const box = await page.locator('#appraisal-title').boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box && box.y + box.height > 0 && box.y < viewport.height, `the heading is on screen: ${JSON.stringify(box)}`);
  await editor.locator('input').first().fill('0');
  // Without a reason: refused, naming the criterion in its own words, never by its id.
  await editor.getByRole('button', { name: 'Lưu thẩm định' }).click();
  const noReason = page.getByText(/cần ghi lý do thẩm định/);
  await noReason.waitFor();
  assert.match(await noReason.textContent(), /^“[^”]+”: cần ghi lý do thẩm định/);
  assert.doesNotMatch(await noReason.textContent(), /\b(xp|sn)\./);
  // Said in the criterion's own row, under the reason's field, which points at it (M1).
  assert.equal(await editor.locator('textarea').first().getAttribute('aria-describedby'), await noReason.getAttribute('id'));
  assert.equal(await editor.locator('textarea').first().getAttribute('aria-invalid'), 'true');
  assert.ok(await noReason.evaluate((e) => e.closest('tr') === document.querySelector('section.appraisal tbody tr')));
  await editor.locator('textarea').first().fill('Minh chứng không khớp số liệu (thử nghiệm)');
  await editor.getByRole('button', { name: 'Lưu thẩm định' }).click();
  await editor.waitFor({ state: 'detached' });
  const appraised = await page.locator('#season tbody tr').filter({ hasText: first }).locator('[data-col=appraised]').textContent();
  assert.notEqual(appraised, '');
  const official = await page.locator('#season tbody tr').filter({ hasText: first }).locator('[data-col=total]').textContent();
  const num = (s) => Number(s.replace(',', '.'));
  assert.ok(num(appraised) < num(official), `${appraised} < ${official}`);
  // Ranked by the appraised total now: the unit moved down.
  const after = await ranked();
  assert.notDeepEqual(after[0][1], first);
  // The CSV carries the appraised total beside the unit's own.
  const [csv] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByRole('button', { name: 'Tải tệp CSV' }).click({ timeout: SLOW })]);
  const lines = readFileSync(await csv.path(), 'utf8').split('\r\n');
  const cells = (line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, ''));
  const head = cells(lines[0]);
  const line = cells(lines.find((l) => l.includes(`,"${first}",`)));
  // Decimals as a Vietnamese Excel reads them: "85,5" (quoted: the separator is a comma).
  const decimal = (c) => Number(c.replace(/^"|"$/g, '').replace(',', '.'));
  assert.equal(decimal(line[head.indexOf('"Điểm thẩm định"')]), num(appraised));
  assert.ok(Number(line[head.indexOf('"Thứ hạng sau thẩm định"')]) > 1);
  // Kept in this browser: a reload shows it again.
  await page.reload();
  await page.getByLabel('Các tệp báo cáo (.json, .zip)').waitFor();
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('#office.appraisals')));
  assert.equal(stored.length, 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the workbook and the CSV download; without a received date the page says timing was not checked; no serious accessibility violation', async () => {
  // The accessibility checker is injected: this context alone bypasses the page's CSP.
  const audited = await openBrowser({ bypassCSP: true });
  // Closed whatever happens: a browser left open keeps this file's runner alive for good. A new
  // context compiles the office's module again in the page and each worker, which took over
  // 30 s on a 2-core machine at load 11: the downloads get SLOW.
  try {
    // A few files are enough: the exports are the office crate's, tested there.
    const { page, problems } = await openSeason({ within: audited, received: '', only: ['DEMO-XA-010.json', 'DEMO-SN-010.json', 'loi-chu-ky.json'] });
    await page.getByTestId('timing-not-checked').waitFor();
    const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByRole('button', { name: 'Tải tệp Excel (.xlsx)' }).click({ timeout: SLOW })]);
    const xlsxBytes = readFileSync(await xlsx.path());
    assert.equal(xlsx.suggestedFilename(), 'tong-hop-2026.xlsx');
    assert.equal(xlsxBytes.subarray(0, 2).toString('latin1'), 'PK');
    const [csv] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByRole('button', { name: 'Tải tệp CSV' }).click({ timeout: SLOW })]);
    const csvBytes = readFileSync(await csv.path());
    assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(csvBytes.toString('utf8'), /loi-chu-ky\.json/);
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(serious, []);
    assert.deepEqual(problems, []);
  } finally {
    await audited.close();
  }
});
