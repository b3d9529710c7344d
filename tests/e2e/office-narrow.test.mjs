// The office view on a phone (360 px): each report is a card (rank, unit name and code, tier and
// group, verdict, band, totals, the appraisal button), read whole with no sideways scroll; at
// 1280 px the same rows are a table again. And `office.html?lang=en` opens in English, as the
// unit's app does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser, openApp, BASE_URL, OUT } from './browser.mjs';
import { demoSeason } from './office.mjs';

const AXE = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

let context;
let season;
before(async () => {
  season = demoSeason('office-narrow');
  // bypassCSP: the accessibility audit injects axe (the CSP is tested by the other files).
  context = await openBrowser({ bypassCSP: true });
});
after(async () => { await context?.close(); });

test('at 360 px every report is a card read whole, its button in view, and the page never scrolls sideways', async () => {
  const { page, problems } = await openApp(context, { width: 360, height: 800 });
  await page.goto(new URL('office.html', BASE_URL).href);
  await page.getByTestId('catalog-line').filter({ hasText: 'hp-175-kh-ubnd.json' }).waitFor();
  const dir = join(season, 'bao-cao');
  const names = readdirSync(dir).filter((f) => /^DEMO-XA-0[0-2]/.test(f) || f.startsWith('loi-'));
  await page.getByLabel('Các tệp báo cáo (.json, .zip)').setInputFiles(names.map((f) => join(dir, f)));
  await page.getByLabel('Danh sách khóa tin cậy (trust.json)').setInputFiles(join(season, 'trust.json'));
  await page.getByLabel('Ngày nhận (do cơ quan nhập)').fill('27/11/2026');
  await page.getByRole('button', { name: 'Kiểm tra và tổng hợp' }).click();
  await page.getByTestId('season-summary').waitFor();
  const row = page.locator('#season tbody tr[data-file]').first();
  await row.scrollIntoViewIfNeeded();
  const look = () => page.locator('#season tbody tr[data-file]').evaluateAll((rows) => rows.slice(0, 8).map((r) => {
    const box = r.getBoundingClientRect();
    const cut = (e) => !e || e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
    const inside = (e) => { const b = e.getBoundingClientRect(); return b.left >= box.left - 0.5 && b.right <= box.right + 0.5 && b.top >= box.top - 0.5 && b.bottom <= box.bottom + 0.5; };
    const name = r.querySelector('.unit-name');
    const code = r.querySelector('.unit-code');
    const button = r.querySelector('[data-col=action] button');
    return {
      file: r.dataset.file,
      name: name?.textContent ?? null,
      nameCut: name ? cut(name) || !inside(name) : false,
      codeCut: code ? cut(code) || !inside(code) : false,
      button: button ? inside(button) && button.getBoundingClientRect().right <= innerWidth && button.getBoundingClientRect().left >= 0 : null,
      total: r.querySelector('[data-col=total]').textContent,
      display: getComputedStyle(r).display,
      // The verdict stays inside its card (two lines at most; "i" gives it whole).
      verdict: inside(r.querySelector('[data-col=checks]')),
    };
  }));
  const cards = await look();
  assert.ok(cards.length >= 5, JSON.stringify(cards));
  for (const c of cards) {
    assert.equal(c.display, 'grid', c.file);
    assert.equal(c.nameCut, false, `${c.file}: the unit's name is cut`);
    assert.equal(c.codeCut, false, `${c.file}: the unit's code is cut`);
    assert.notEqual(c.button, false, `${c.file}: the button is not wholly in view`);
  }
  assert.ok(cards.some((c) => c.button === true), 'some card has its button');
  assert.ok(cards.some((c) => c.name && c.name.length > 5), JSON.stringify(cards.map((c) => c.name)));
  // The failed files too: no rank, no button, a long verdict, or no unit at all.
  await page.getByLabel('Tìm trong bảng (tên tệp, mã hoặc tên đơn vị)').fill('loi-');
  await page.waitForFunction(() => [...document.querySelectorAll('#season tbody tr[data-file]')].every((r) => r.dataset.file.startsWith('loi-')));
  const failed = await look();
  assert.ok(failed.length >= 5, JSON.stringify(failed));
  for (const c of [...cards, ...failed]) {
    assert.equal(c.display, 'grid', c.file);
    assert.equal(c.nameCut, false, `${c.file}: the unit's name is cut`);
    assert.equal(c.verdict, true, `${c.file}: the verdict runs out of its card`);
  }
  mkdirSync(join(OUT, 'screenshots'), { recursive: true });
  await page.locator('.table-view').screenshot({ path: join(OUT, 'screenshots', 'office-view-360-failed.png') });
  await page.getByLabel('Tìm trong bảng (tên tệp, mã hoặc tên đơn vị)').fill('');
  // Down to the printable summary, its nine columns laid out once in view (the sections below
  // the table are skipped by the browser until then).
  const sideways = async (lang) => {
    await page.locator('.print-summary').scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const [pageWidth, inner] = await page.evaluate(() => [document.scrollingElement.scrollWidth, innerWidth]);
    assert.ok(pageWidth <= inner, `${lang}: the page is ${pageWidth} px wide at ${inner} px`);
  };
  await sideways('vi');
  // English words are longer in places (the summary's headings).
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Receiving office: check and compile reports' }).waitFor();
  await sideways('en');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByRole('heading', { name: /Cơ quan tiếp nhận/ }).waitFor();
  // The cards keep the table's semantics for a screen reader: axe at 360 px, as at 1600 px.
  await page.addScriptTag({ content: AXE });
  const axe = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(serious, []);
  // What a screen reader is given: still a table with its rows and cells (a grid display can
  // make Chromium drop them).
  const client = await page.context().newCDPSession(page);
  const { root } = await client.send('DOM.getDocument', { depth: 0 });
  const roleOf = async (selector) => {
    const { nodeId } = await client.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { nodes } = await client.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    return nodes[0]?.role?.value;
  };
  assert.equal(await roleOf('table#season'), 'table');
  assert.equal(await roleOf('#season tbody tr[data-file]'), 'row');
  assert.equal(await roleOf('#season tbody tr[data-file] td'), 'cell');
  mkdirSync(join(OUT, 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(OUT, 'screenshots', 'office-view-360.png') });
  // The button still works on a card.
  await page.locator('#season tbody tr[data-file] [data-col=action] button').first().click();
  await page.waitForFunction(() => document.activeElement?.id === 'appraisal-title');
  // Wider, a table again: the rows are 34 px high and the header is shown.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('#season tbody tr[data-file]')).display === 'table-row');
  assert.equal(Math.round((await page.locator('#season tbody tr[data-file]').first().boundingBox()).height), 34);
  assert.deepEqual(problems, []);
  await page.close();
});

test('office.html?lang=en opens in English', async () => {
  const { page, problems } = await openApp(context, { width: 1280, height: 800 });
  await page.goto(new URL('office.html?lang=en', BASE_URL).href);
  await page.getByRole('heading', { name: 'Receiving office: check and compile reports' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual(problems, []);
  await page.close();
});
