// What is signed is what was shown: a unit fills a commune, switches to a department and signs.
// Every answer in the report belongs to the report's tier; the commune's answers stay in the
// draft (switching back finds them) but never enter the department's report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser, openApp, OUT, SLOW } from './browser.mjs';
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
    page.waitForEvent('download', { timeout: SLOW }),
    page.getByRole('button', { name: 'Tạo khóa và tải tệp sao lưu' }).click(),
  ]);
  const backupPath = join(dir, 'backup.json');
  await backup.saveAs(backupPath);
  await page.getByLabel('Tệp sao lưu vừa tải').setInputFiles(backupPath);
  await page.getByLabel('Mật khẩu của tệp vừa tải').fill(password);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: SLOW }),
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
    // The name and code typed for the commune stand under the department's labels: said.
    const carried = page.getByRole('note').filter({ hasText: 'Tên và mã dưới đây được giữ lại từ khi chọn “Cấp xã, phường, đặc khu”' });
    await carried.waitFor();
    await page.getByLabel(/^Tên cơ quan, đơn vị/).fill('Sở Đổi Cấp');
    assert.equal(await carried.count(), 0, 'gone once the name is changed');
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

test('in 2025 a commune is assessed on its phase-1 review in the place of its own plan', async () => {
  const context = await openBrowser();
  try {
    const { page, problems } = await openApp(context);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const PLAN = 'Ban hành kế hoạch cụ thể và phát động phong trào thi đua chuyển đổi số tại đơn vị';
    const REVIEW = /^Tổ chức tổng kết, đánh giá, rút kinh nghiệm giai đoạn 1/;
    const steps = page.getByRole('navigation', { name: 'Các bước' });
    // 2026: the unit's own plan is assessed, the review is not; answer the plan.
    await page.getByLabel(/Cấp xã, phường, đặc khu/).check();
    await page.getByRole('button', { name: /Bắt đầu đánh giá|Tiếp tục đánh giá/ }).click();
    await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
    const plan = page.getByRole('article', { name: PLAN });
    await plan.getByLabel('Đã thực hiện', { exact: true }).check();
    assert.equal(await page.getByRole('article', { name: REVIEW }).count(), 0);
    const n2026 = await page.getByRole('article').count();
    // 2025: the review takes the plan's place; the plan's answer is kept, not counted.
    await steps.getByRole('button', { name: 'Đơn vị', exact: true }).click();
    await page.getByLabel('Năm đánh giá').selectOption('2025');
    await page.getByRole('button', { name: /Bắt đầu đánh giá|Tiếp tục đánh giá/ }).click();
    await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
    const review = page.getByRole('article', { name: REVIEW });
    assert.match(await review.textContent(), /chỉ chấm năm 2025/);
    assert.equal(await page.getByRole('article', { name: PLAN }).count(), 0);
    assert.equal(await page.getByRole('article').count(), n2026, 'one criterion for the other');
    await page.getByText(`Năm 2025 không chấm “${PLAN}”: câu trả lời đã nhập vẫn được giữ trong bản nháp, nhưng không được chấm điểm và không đưa vào báo cáo.`).waitFor();
    assert.equal(await page.getByText(/câu trả lời đã nhập cho cấp hoặc phân loại khác/).count(), 0, 'nothing else set aside');
    // Back to 2026: the plan's answer is where it was.
    await steps.getByRole('button', { name: 'Đơn vị', exact: true }).click();
    await page.getByLabel('Năm đánh giá').selectOption('2026');
    await page.getByRole('button', { name: /Bắt đầu đánh giá|Tiếp tục đánh giá/ }).click();
    assert.ok(await page.getByRole('article', { name: PLAN }).getByLabel('Đã thực hiện', { exact: true }).isChecked());
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
