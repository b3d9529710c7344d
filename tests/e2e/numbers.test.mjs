// A number too large to read the same in every JSON reader (beyond ±(2^53−1)) is refused where it
// is typed, with a message, and never reaches the draft or a report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openApp } from './browser.mjs';

test('a count beyond exact integers is refused where it is typed', async () => {
  const context = await openBrowser();
  try {
    const { page, problems } = await openApp(context);
    await page.getByLabel('Chọn đơn vị mẫu').selectOption('xa-phuong');
    await page.getByRole('button', { name: 'Mở đơn vị mẫu' }).click();
    await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
    const field = page.getByLabel('Tổng số hồ sơ (trừ hồ sơ mật)');
    const before = await page.getByTestId('total').textContent();
    await field.fill('9007199254740993');
    await page.getByText('Số quá lớn: tối đa 9.007.199.254.740.991.').waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('total').textContent(), before, 'the score did not take it');
    const stored = await page.evaluate(() => Object.entries(localStorage)
      .filter(([k]) => k.endsWith('#draft')).map(([, v]) => v).join(''));
    assert.ok(!stored.includes('9007199254740993'), 'the draft did not take it');
    await field.fill('9007199254740991');
    assert.equal(await field.getAttribute('aria-invalid'), 'false');
    // A decimal part is refused, not read as a bigger number; thousands may be grouped
    // (review 7, L3: "12,5" became 125 and "5.5" became 55).
    for (const typed of ['12,5', '5.5']) {
      await field.fill(typed);
      assert.equal(await field.getAttribute('aria-invalid'), 'true', typed);
      assert.equal(await page.getByText('Hãy nhập một số nguyên, không có phần thập phân (ví dụ 1250 hoặc 1.250).').count(), 1, typed);
    }
    await field.fill('1.200');
    assert.equal(await field.getAttribute('aria-invalid'), 'false');
    await field.press('Tab');
    assert.equal(await field.inputValue(), '1200', 'read as one thousand two hundred');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
