// Browser figures for `cargo xtask bench`: time to ready, and keystroke to updated total, in
// Debian's headless Chromium on the built site. Prints figures; judges nothing.
import { openBrowser } from '../e2e/browser.mjs';

const BASE_URL = process.env.TDG_BASE_URL;
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const context = await openBrowser();
const ready = [];
for (let i = 0; i < 5; i++) {
  const page = await context.newPage();
  await page.evaluate(() => localStorage.clear()).catch(() => {});
  const started = Date.now();
  await page.goto(BASE_URL);
  await page.locator('input[name=tier]').first().waitFor();
  ready.push(Date.now() - started);
  const nav = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0);
  if (i === 0) console.log(`browser: DOMContentLoaded ${nav.toFixed(0)} ms`);
  await page.close();
}
console.log(`browser: ready (tiers on screen) from navigation: median ${median(ready)} ms of ${ready.join(', ')} (target: 300 ms)`);

const page = await context.newPage();
await page.goto(BASE_URL);
await page.getByLabel('Chọn đơn vị mẫu').selectOption('xa-phuong');
await page.getByRole('button', { name: 'Mở đơn vị mẫu' }).click();
await page.getByTestId('total').waitFor();
const times = await page.evaluate(async () => {
  const input = document.getElementById('xp.ho-so-truc-tuyen-num');
  const total = document.querySelector('[data-testid=total]');
  const out = [];
  for (let i = 0; i < 30; i++) {
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
      observer.observe(total, { childList: true, characterData: true, subtree: true });
    });
    const t0 = performance.now();
    input.value = String(1000 + i * 37);
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await changed;
    out.push(performance.now() - t0);
  }
  return out;
});
console.log(`browser: keystroke to updated total (commune, 6 criteria): median ${median(times).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms over ${times.length} (target: 5 ms with 1,000 criteria)`);
await context.close();

// The same keystroke with 1,000 criteria on screen.
if (process.env.TDG_BIG_URL) {
  const big = await openBrowser();
  const page = await big.newPage();
  await page.goto(process.env.TDG_BIG_URL);
  await page.getByLabel(/Cấp xã, phường, đặc khu/).check();
  const t0 = Date.now();
  await page.getByRole('button', { name: /Bắt đầu đánh giá/ }).click();
  await page.getByTestId('total').waitFor();
  const opened = Date.now() - t0;
  const cards = await page.locator('article.criterion').count();
  const times = await page.evaluate(async () => {
    const input = document.getElementById('xp.ho-so-truc-tuyen-n0-num');
    const den = document.getElementById('xp.ho-so-truc-tuyen-n0-den');
    den.value = '1000';
    den.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 500));
    // Without evidence the total stays 0: watch the criterion's own "why" line, which every
    // keystroke changes, and which is rendered in the same pass as the total.
    const total = document.getElementById('c-xp.ho-so-truc-tuyen-n0').querySelector('.why');
    const out = [];
    for (let i = 0; i < 10; i++) {
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
        observer.observe(total, { childList: true, characterData: true, subtree: true });
      });
      const t0 = performance.now();
      input.value = String(1 + i);
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await Promise.race([changed, new Promise((r) => setTimeout(r, 5000))]);
      out.push(performance.now() - t0);
    }
    return out;
  });
  console.log(`browser: form with ${cards} criteria opened in ${opened} ms; keystroke to re-rendered result: median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${times.length} (target: 5 ms)`);
  await big.close();
}
