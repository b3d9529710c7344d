// Clusters and blocks: where the catalog lists them for the tier and year, the unit picks one
// from the list and the draft (then the report) carries its id; where no list exists, the unit
// types its own. The shipped catalog lists none yet (no source does), so this test serves a
// catalog with a list, as an office that publishes one would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, BASE_URL } from './browser.mjs';

let context;
before(async () => { context = await openBrowser(); });
after(async () => { await context?.close(); });

const GROUP = (id, vi, tier) => ({
  id, kind: 'cluster', name: { vi, en: vi }, tiers: [tier], periods: { from: 2025 },
  provenance: { source: 'defaultModel', reason: { vi: 'Dữ liệu thử.', en: 'Test data.' } },
});

test('a listed cluster is picked from the list and kept as its id; without a list it is typed', async () => {
  const page = await context.newPage();
  await page.route('**/hp-175-kh-ubnd.json', async (route) => {
    const catalog = await (await route.fetch()).json();
    catalog.emulationGroups = [GROUP('cum-thu-1', 'Cụm thử 1', 'xa-phuong'), GROUP('cum-thu-2', 'Cụm thử 2', 'xa-phuong')];
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(catalog) });
  });
  await page.goto(BASE_URL);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  // The field is named after the tier and year (review H4, M6): the generic name before a
  // tier is chosen, "Cụm thi đua" for a commune and "Khối thi đua" for a department from 2025.
  const group = page.locator('#unit-group');
  await page.getByLabel('Cụm, khối thi đua').waitFor();
  // No tier yet: nothing to list, the field is typed.
  assert.equal(await group.evaluate((el) => el.tagName), 'INPUT');
  await page.getByLabel(/Cấp xã, phường, đặc khu/).check();
  assert.equal(await page.getByLabel('Cụm thi đua', { exact: true }).evaluate((el) => el.tagName), 'SELECT');
  await group.selectOption({ label: 'Cụm thử 2' });
  const stored = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.endsWith('#draft'))[1]);
  assert.equal(JSON.parse(stored).draft.unit.group, 'cum-thu-2');
  // A department has no list in this catalog: typed again.
  await page.getByLabel(/^Sở, ban, ngành/).check();
  assert.equal(await page.getByLabel('Khối thi đua', { exact: true }).evaluate((el) => el.tagName), 'INPUT');
  await page.close();
});
