// The steps the offline and single-file tests share: open the sample commune, make a key and
// sign for the first time (the backup downloaded, re-opened with its password, then the
// report downloads).
import { join } from 'node:path';
import { SLOW } from './browser.mjs';

export const PASSWORD = 'mat-khau-12-ky-tu';

export async function openCommuneSample(page) {
  await page.getByLabel('Chọn đơn vị mẫu').selectOption('xa-phuong');
  await page.getByRole('button', { name: 'Mở đơn vị mẫu' }).click();
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
}

/// Makes the key (its backup saved in `dir`) and signs: returns the report's path.
export async function signFirstTime(page, dir, name) {
  await page.getByRole('button', { name: 'Ký và tải báo cáo (JSON)' }).click();
  await page.getByLabel('Mật khẩu (ít nhất 12 ký tự)').fill(PASSWORD);
  await page.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
  const [backup] = await Promise.all([
    page.waitForEvent('download', { timeout: SLOW }),
    page.getByRole('button', { name: 'Tạo khóa và tải tệp sao lưu' }).click(),
  ]);
  const backupPath = join(dir, `${name}-backup.json`);
  await backup.saveAs(backupPath);
  await page.getByLabel('Tệp sao lưu vừa tải').setInputFiles(backupPath);
  await page.getByLabel('Mật khẩu của tệp vừa tải').fill(PASSWORD);
  const [report] = await Promise.all([
    page.waitForEvent('download', { timeout: SLOW }),
    page.getByRole('button', { name: 'Mở tệp sao lưu và ký' }).click(),
  ]);
  const path = join(dir, `${name}-report.json`);
  await report.saveAs(path);
  return path;
}

/// The printable copy, as Decree 30 lays it out.
export async function toPrint(page) {
  await page.getByRole('button', { name: 'Bản in', exact: true }).click();
  await page.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').waitFor();
}
