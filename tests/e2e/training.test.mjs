// Training mode: a trainer turns it on; the unit's own draft stays apart; an exercise opens its
// sample and says when its goal is reached; the report is signed with the training key and
// marked as training, and `tdg verify` refuses it as a submission; the print carries the
// watermark; the reset clears training's drafts and key for the next participant, and leaving
// the mode brings the unit's draft back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser, openApp, OUT, screenshot, SLOW } from './browser.mjs';
import { verifyAsOffice } from './office.mjs';

const FILES = join(OUT, 'files', 'training');
const PASSWORD = 'tap-huan-12-ky-tu';

test('training mode: exercises, a training report refused by tdg verify, watermark, reset', async () => {
  mkdirSync(FILES, { recursive: true });
  const context = await openBrowser();
  try {
    const { page, problems } = await openApp(context);
    page.on('dialog', (d) => d.accept());
    // The unit's own draft, before the trainer switches the mode on.
    await page.getByLabel('Tên đơn vị', { exact: false }).first().fill('UBND xã Thật');
    await page.getByRole('button', { name: 'Chế độ tập huấn (dành cho giảng viên)' }).click();
    await page.getByRole('heading', { name: 'Chế độ tập huấn' }).waitFor();
    await page.getByRole('heading', { name: 'Bài tập tập huấn' }).waitFor();
    // The language chosen is the person's, not the mode's: English survives the switch both ways.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Leave training mode' }).click();
    await page.getByRole('button', { name: 'Training mode (for trainers)' }).click();
    await page.getByRole('heading', { name: 'Training exercises' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    assert.equal(await page.getByLabel('Tên đơn vị', { exact: false }).first().inputValue(), '',
      'training has its own drafts: the unit\'s draft is not shown here');

    // The first exercise: the commune earns 0 on a criterion on target (no evidence).
    const first = page.locator('.exercise-item').first();
    await first.getByRole('button', { name: 'Làm bài này' }).click();
    const status = page.locator('.exercise-status');
    await status.waitFor();
    assert.match(await status.textContent(), /Chưa đạt mục tiêu/);
    const card = page.locator('article', { hasText: 'Cán bộ, công chức được bồi dưỡng kỹ năng số trong năm' }).first();
    await card.getByRole('button', { name: 'Thêm minh chứng' }).click();
    await card.getByLabel('Số, ký hiệu văn bản').fill('45/BC-UBND');
    await card.getByRole('button', { name: 'Thêm văn bản' }).click();
    await page.locator('.exercise-status.met').waitFor();
    await screenshot(page, 'training-exercise-met');

    // Sign with the training key: the report says it is a training report.
    await page.getByRole('button', { name: 'Ký và tải báo cáo (JSON)' }).click();
    await page.getByLabel('Mật khẩu (ít nhất 12 ký tự)').fill(PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
    const [backup] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }),
      page.getByRole('button', { name: 'Tạo khóa và tải tệp sao lưu' }).click()]);
    // Files in Downloads never look like a unit's real ones.
    assert.match(backup.suggestedFilename(), /-khoa-sao-luu-TAP-HUAN\.json$/);
    const backupPath = join(FILES, 'backup.json');
    await backup.saveAs(backupPath);
    await page.getByLabel('Tệp sao lưu vừa tải').setInputFiles(backupPath);
    await page.getByLabel('Mật khẩu của tệp vừa tải').fill(PASSWORD);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }),
      page.getByRole('button', { name: 'Mở tệp sao lưu và ký' }).click()]);
    assert.match(download.suggestedFilename(), /-bao-cao-TAP-HUAN\.json$/);
    const reportPath = join(FILES, 'report.json');
    await download.saveAs(reportPath);
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    assert.equal(report.credentialSubject.training, true);
    assert.throws(() => verifyAsOffice(reportPath), (e) => {
      const out = String(e.stdout);
      assert.match(out, /✓ chữ ký hợp lệ/, out);
      assert.match(out, /chế độ tập huấn: không có giá trị nộp/, out);
      return e.status === 1;
    });
    const keyDatabases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    assert.ok(keyDatabases.some((n) => n.endsWith('.keys.training')), keyDatabases.join());

    // The print carries the watermark.
    await page.getByRole('button', { name: 'Bản in', exact: false }).first().click();
    const mark = page.locator('.a4 .watermark');
    assert.equal(await mark.textContent(), 'TẬP HUẤN — KHÔNG CÓ GIÁ TRỊ NỘP');
    await page.emulateMedia({ media: 'print' });
    assert.ok(await mark.isVisible(), 'the watermark prints');
    await page.emulateMedia({ media: 'screen' });
    await screenshot(page, 'training-print-watermark');

    // Reset for the next participant: training's drafts and key are gone.
    await page.getByRole('button', { name: 'Làm lại cho học viên tiếp theo' }).click();
    await page.getByRole('heading', { name: 'Bài tập tập huấn' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.exercise-status'));
    const left = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes('#training.')));
    assert.ok(left.every(([k, v]) => !v.includes('MAU-')), `no participant's draft left: ${JSON.stringify(left)}`);
    // The training key is gone: signing asks for a new one.
    await page.locator('.exercise-item').first().getByRole('button', { name: 'Làm bài này' }).click();
    await page.getByRole('button', { name: 'Ký và tải báo cáo (JSON)' }).click();
    await page.getByLabel('Mật khẩu (ít nhất 12 ký tự)').waitFor();

    // Leaving the mode brings the unit's own draft back.
    await page.getByRole('button', { name: 'Thoát chế độ tập huấn' }).click();
    await page.getByRole('button', { name: 'Chế độ tập huấn (dành cho giảng viên)' }).waitFor();
    assert.equal(await page.getByLabel('Tên đơn vị', { exact: false }).first().inputValue(), 'UBND xã Thật');

    // Outside training, the training key's backup never becomes the unit's key: the room knows
    // its password.
    await page.getByLabel('Chọn đơn vị mẫu').selectOption('xa-phuong');
    await page.getByRole('button', { name: 'Mở đơn vị mẫu' }).click();
    await page.getByText('Dùng khóa đã sao lưu (máy khác)').click();
    await page.getByLabel('Tệp sao lưu khóa', { exact: true }).setInputFiles(backupPath);
    await page.getByLabel('Mật khẩu của tệp sao lưu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Khôi phục khóa' }).click();
    await page.getByRole('alert').filter({ hasText: 'Đây là tệp sao lưu của khóa tập huấn: không dùng để ký báo cáo thật' }).waitFor();
    assert.equal(await page.getByTestId('fingerprint').count(), 0, 'no key was kept');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("a trainer's exercises file is read and checked (in the on-demand module) before it replaces the list", async () => {
  mkdirSync(FILES, { recursive: true });
  const context = await openBrowser();
  try {
    const { page, problems } = await openApp(context);
    page.on('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Chế độ tập huấn (dành cho giảng viên)' }).click();
    await page.getByRole('heading', { name: 'Bài tập tập huấn' }).waitFor();
    const shipped = JSON.parse(readFileSync(join('assets', 'training', 'exercises.json'), 'utf8'));
    const mine = { ...shipped, exercises: shipped.exercises.slice(0, 1).map((e) => ({ ...e, title: { vi: 'Bài của giảng viên', en: "The trainer's own" } })) };
    const good = join(FILES, 'bai-tap.json');
    writeFileSync(good, JSON.stringify(mine));
    const bad = join(FILES, 'hong.json');
    writeFileSync(bad, JSON.stringify({ ...mine, exercisesVersion: 99 }));
    const input = page.getByLabel('Nhập tệp bài tập của giảng viên (.json)');
    await input.setInputFiles(bad);
    await page.getByRole('alert').filter({ hasText: 'Không nhập được hong.json' }).waitFor();
    assert.equal(await page.locator('.exercise-item').count(), shipped.exercises.length, 'a refused file changes nothing');
    await input.setInputFiles(good);
    await page.getByText('Đã nhập 1 bài tập từ bai-tap.json.').waitFor();
    await page.getByRole('heading', { name: 'Bài của giảng viên' }).waitFor();
    assert.equal(await page.locator('.exercise-item').count(), 1);
    // Kept in training's area: a reload shows the trainer's list again.
    await page.reload();
    await page.getByRole('heading', { name: 'Bài của giảng viên' }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
