// What is signed is what was shown: a unit fills a commune, switches to a department and signs.
// Every answer in the report belongs to the report's tier; the commune's answers stay in the
// draft (switching back finds them) but never enter the department's report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser, openApp, OUT } from './browser.mjs';
import { verifyAsOffice } from './office.mjs';

const CATALOG = JSON.parse(readFileSync('assets/catalogs/hp-175-kh-ubnd.json', 'utf8'));
const criteriaOf = (tier) => CATALOG.tiers.find((t) => t.id === tier).criteria.map((c) => c.id);

/// The first signing on this computer: accept the "open criteria" question, make the key, save
/// its backup, re-open it with its password; the report then downloads and is returned.
async function signAndRead(page, dir) {
  const password = 'mat-khau-12-ky-tu';
  page.on('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Ký và tải báo cáo (JSON)' }).click();
  await page.getByLabel('Mật khẩu (ít nhất 12 ký tự)').fill(password);
  await page.getByLabel('Nhập lại mật khẩu').fill(password);
  const [backup] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tạo khóa và tải tệp sao lưu' }).click(),
  ]);
  const backupPath = join(dir, 'backup.json');
  await backup.saveAs(backupPath);
  await page.getByLabel('Tệp sao lưu vừa tải').setInputFiles(backupPath);
  await page.getByLabel('Mật khẩu của tệp vừa tải').fill(password);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Mở tệp sao lưu và ký' }).click(),
  ]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { report: JSON.parse(readFileSync(path, 'utf8')), path };
}

test('a commune switched to a department signs only the department answers', async () => {
  const context = await openBrowser();
  const dir = join(OUT, 'files', 'scope');
  mkdirSync(dir, { recursive: true });
  try {
    const { page, problems } = await openApp(context);
    await page.getByLabel('Tên đơn vị').fill('Đơn vị Đổi Cấp');
    await page.getByLabel('Mã đơn vị').fill('DV-E2E-SCOPE');
    await page.getByLabel(/Cấp xã, phường, đặc khu/).check();
    await page.getByRole('button', { name: /Bắt đầu đánh giá|Tiếp tục đánh giá/ }).click();
    await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
    await page.getByLabel('Số hồ sơ xử lý trên môi trường mạng').fill('560');
    await page.getByLabel('Tổng số hồ sơ (trừ hồ sơ mật)').fill('1000');
    await page.getByLabel('Số hồ sơ nộp trực tuyến').fill('300');

    await page.getByRole('navigation', { name: 'Các bước' }).getByRole('button', { name: 'Đơn vị', exact: true }).click();
    await page.getByLabel(/Sở, ban, ngành/).check();
    await page.getByRole('button', { name: /Bắt đầu đánh giá|Tiếp tục đánh giá/ }).click();
    await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
    // The screen says that the commune's answers are kept but not counted.
    await page.getByText(/câu trả lời đã nhập cho cấp hoặc phân loại khác vẫn được giữ/).waitFor();

    const { report, path } = await signAndRead(page, dir);
    assert.match(verifyAsOffice(path), /ĐẠT \/ PASS/);
    const subject = report.credentialSubject;
    assert.equal(subject.unit.tier, 'so-nganh');
    const department = criteriaOf('so-nganh');
    for (const id of Object.keys(subject.answers)) {
      assert.ok(department.includes(id), `${id} is not a department criterion`);
    }
    assert.deepEqual(subject.results.errors, [], 'no error the screen did not show');

    // Switching back finds the commune's answers where they were.
    await page.getByRole('navigation', { name: 'Các bước' }).getByRole('button', { name: 'Đơn vị', exact: true }).click();
    await page.getByLabel(/Cấp xã, phường, đặc khu/).check();
    await page.getByRole('button', { name: /Bắt đầu đánh giá|Tiếp tục đánh giá/ }).click();
    assert.equal(await page.getByLabel('Số hồ sơ xử lý trên môi trường mạng').inputValue(), '560');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
