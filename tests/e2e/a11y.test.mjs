// Accessibility audit with axe-core (WCAG 2 A and AA rules) on each main screen. The checker is
// injected into the page, so this context alone bypasses the page's CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openBrowser, openApp } from './browser.mjs';

const AXE = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
let context;
before(async () => { context = await openBrowser({ bypassCSP: true }); });
after(async () => { await context?.close(); });

async function audit(page, name) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(report, [], `${name}: accessibility violations`);
}

test('start, assessment and printed copy have no serious accessibility violations', async () => {
  const { page, problems } = await openApp(context);
  await page.getByLabel(/Cấp xã, phường, đặc khu/).waitFor();
  await audit(page, 'start');
  await page.getByLabel('Chọn đơn vị mẫu').selectOption('xa-phuong');
  await page.getByRole('button', { name: 'Mở đơn vị mẫu' }).click();
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
  await audit(page, 'assessment');
  await page.getByRole('button', { name: 'Bản in', exact: true }).click();
  await page.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').waitFor();
  await audit(page, 'printed copy');
  assert.deepEqual(problems, []);
});

test('an assessment with a field in error has no serious accessibility violations', async () => {
  const { page, problems } = await openApp(context);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel(/Cấp xã, phường, đặc khu/).check();
  await page.getByRole('button', { name: /Bắt đầu đánh giá/ }).click();
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
  await page.getByLabel('Số hồ sơ xử lý trên môi trường mạng').fill('1200');
  await page.getByLabel('Tổng số hồ sơ (trừ hồ sơ mật)').fill('1000');
  await page.getByRole('region', { name: /Câu trả lời cần sửa/ }).waitFor();
  await page.getByRole('article').first().getByRole('button', { name: 'Thêm minh chứng' }).click();
  await audit(page, 'assessment with a field in error and an open evidence form');
  await page.setViewportSize({ width: 360, height: 740 });
  await audit(page, 'the same at 360 px');
  assert.deepEqual(problems, []);
});
