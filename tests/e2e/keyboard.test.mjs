// Keyboard alone is enough: from a fresh start, choose a tier, open the form and answer a
// criterion without touching the mouse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openApp } from './browser.mjs';

let context;
before(async () => { context = await openBrowser(); });
after(async () => { await context?.close(); });

const focused = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || '');

async function tabTo(page, wanted, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)) === wanted) return;
  }
  assert.fail(`Tab never reached ${wanted}`);
}

test('a unit can be assessed with the keyboard alone', async () => {
  const { page, problems } = await openApp(context);
  await page.getByLabel(/Cấp xã, phường, đặc khu/).waitFor();
  await tabTo(page, 'unit-name');
  await page.keyboard.type('UBND phường Bàn Phím');
  await tabTo(page, 'tier-so-nganh');
  // Arrow keys move through the radio group and choose; the district tier (disabled for 2026)
  // is skipped.
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(page), 'tier-xa-phuong');
  assert.ok(await page.getByLabel(/Cấp xã, phường, đặc khu/).isChecked());
  await tabTo(page, 'Bắt đầu đánh giá →');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
  await tabTo(page, 'xp.tuyen-truyen-count');
  await page.keyboard.type('6');
  // The evidence form opens from its button (folded until then).
  await tabTo(page, 'Thêm minh chứng');
  await page.keyboard.press('Enter');
  await tabTo(page, 'xp.tuyen-truyen-ev-number');
  await page.keyboard.type('01/KH-UBND');
  await tabTo(page, 'Thêm văn bản');
  await page.keyboard.press('Enter');
  assert.equal(await page.getByTestId('total').textContent(), '10');
  assert.deepEqual(problems, []);
});
