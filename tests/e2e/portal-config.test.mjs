// What a portal's administrator sets without rebuilding (embed.json: theme, default language),
// what a broken file does (safe defaults and a visible notice), and deep links: checked in the
// browser, beside the native tests of crates/portal. embed.json is replaced per context with
// page routes (service workers are blocked in these tests, so every request reaches the route).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openApp, BASE_URL } from './browser.mjs';

/// A browser whose every page gets `body` as embed.json.
async function withEmbedJson(body, run) {
  const context = await openBrowser();
  try {
    await context.route('**/embed.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }));
    const { page, problems } = await openApp(context);
    await run(page);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

test('embed.json: the theme colours the page and the default language applies until the user picks one', () =>
  withEmbedJson(JSON.stringify({
    version: 1,
    allowedOrigins: [],
    defaultLanguage: 'en',
    theme: { '--brand': '#7a1f5c' },
    trainingMode: false,
  }), async (page) => {
    // The start screen in English, as the portal asked.
    await page.getByRole('button', { name: 'Tiếng Việt' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    const brand = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim());
    assert.equal(brand, '#7a1f5c');
    const heading = await page.locator('.site-header h1').evaluate((h) => getComputedStyle(h).color);
    assert.equal(heading, 'rgb(122, 31, 92)', 'the brand colour reaches the page');
    // The user's own choice wins over the portal's default, also after a reload.
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'English' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
  }));

test('a broken embed.json: safe defaults, and a notice that says where the problem is', () =>
  withEmbedJson('{ "version": 1, "allowedOrigins": ["https://*.haiphong.gov.vn"], "theme": { "--brand": "url(https://evil.vn/x.png)" } }',
    async (page) => {
      const notice = page.getByRole('alert').filter({ hasText: 'embed.json' });
      await notice.waitFor();
      const text = await notice.textContent();
      assert.match(text, /\/allowedOrigins\/0/, text);
      // The hostile theme value was not applied.
      const brand = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim());
      assert.doesNotMatch(brand, /url\(/);
      // The tool works as a plain deployment.
      await page.getByLabel('Tên đơn vị', { exact: false }).first().waitFor();
    }));

test('a deep link opens the commune form for 2026 in English; a bad parameter is listed, not guessed', async () => {
  const context = await openBrowser();
  try {
    const { page, problems } = await openApp(context);
    await page.goto(`${BASE_URL}?tier=xa-phuong&year=2026&lang=en&colour=red`);
    await page.getByRole('heading', { name: 'Self-assessed result' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.ok(await page.locator('article.criterion').count() >= 6, 'the commune criteria are shown');
    const notice = await page.getByRole('alert').first().textContent();
    assert.match(notice, /colour/, notice);
    // The query is gone from the address once applied: a reload keeps what the user did since.
    assert.equal(new URL(page.url()).search, '');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
