// The self-assessment as a person does it, driven through labels and roles as a screen-reader
// user would: fill a commune, compare with `tdg score`, sign and have `tdg verify` accept it,
// reload mid-way, import a broken draft, and screenshots of every main screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser, openApp, screenshot, BASE_URL, OUT, SLOW } from './browser.mjs';
import { verifyAsOffice } from './office.mjs';

const TDG = process.env.TDG_BIN ?? 'target/debug/tdg';
const CATALOG = 'assets/catalogs/hp-175-kh-ubnd.json';
let context;
before(async () => { context = await openBrowser(); mkdirSync(join(OUT, 'files'), { recursive: true }); });
after(async () => { await context?.close(); });

const card = (page, title) => page.getByRole('article', { name: title });


async function startCommune(page, { name = 'UBND xã Thử Nghiệm', code = 'XA-E2E-01' } = {}) {
  await page.getByLabel('Tên đơn vị').fill(name);
  await page.getByLabel('Mã đơn vị').fill(code);
  await page.getByLabel('Cụm, khối thi đua').fill('Cụm thi đua số 3');
  await page.getByLabel(/Cấp xã, phường, đặc khu/).check();
  await page.getByRole('button', { name: /Bắt đầu đánh giá|Tiếp tục đánh giá/ }).click();
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
}

async function addDocument(page, title, number) {
  const c = card(page, title);
  await c.getByRole('button', { name: 'Thêm minh chứng' }).click();
  await c.getByLabel('Số, ký hiệu văn bản').fill(number);
  await c.getByRole('button', { name: 'Thêm văn bản' }).click();
}

// The worked example of docs/scoring.md, typed in.
async function fillWorkedExample(page) {
  const files = 'Hồ sơ được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước)';
  await page.getByLabel('Số hồ sơ xử lý trên môi trường mạng').fill('560');
  await page.getByLabel('Tổng số hồ sơ (trừ hồ sơ mật)').fill('1000');
  await addDocument(page, files, '120/BC-UBND');
  await page.getByLabel('Số hồ sơ nộp trực tuyến').fill('300');
  await page.getByLabel('Tổng số hồ sơ tiếp nhận').fill('600');
  await addDocument(page, 'Hồ sơ thủ tục hành chính được tiếp nhận trực tuyến', '120/BC-UBND');
  await page.getByLabel(/Số hoạt động \(chỉ tiêu: 6 hoạt động\)/).fill('3');
  const aware = card(page, 'Hoạt động tuyên truyền, nâng cao nhận thức về chuyển đổi số trong năm');
  await aware.getByRole('button', { name: 'Thêm minh chứng' }).click();
  await aware.getByLabel('Loại minh chứng').selectOption('link');
  await aware.getByLabel('Đường dẫn', { exact: true }).fill('https://xa.haiphong.gov.vn/chuyen-doi-so');
  await aware.getByRole('button', { name: 'Thêm đường dẫn' }).click();
  await page.getByLabel('Số thôn, tổ dân phố có Tổ hoạt động').fill('8');
  await page.getByLabel('Tổng số thôn, tổ dân phố').fill('10');
  await addDocument(page, 'Thôn, tổ dân phố có Tổ công nghệ số cộng đồng hoạt động', '34/QĐ-UBND');
  await page.getByLabel('Số người đã được bồi dưỡng').fill('40');
  await page.getByLabel('Tổng số cán bộ, công chức').fill('50');
  await page.getByLabel(/Đã thực hiện một hoặc hai trong ba nội dung:/).check();
  await addDocument(page, 'Bảo đảm an toàn, an ninh mạng tại đơn vị', '21/PA-UBND');
  const launch = 'Ban hành kế hoạch cụ thể và phát động phong trào thi đua chuyển đổi số tại đơn vị';
  await card(page, launch).getByLabel('Đã thực hiện').check();
  await addDocument(page, launch, '15/KH-UBND');
  await card(page, 'Phát hiện, biểu dương và nhân rộng mô hình hay, cách làm mới, điển hình tiên tiến về chuyển đổi số')
    .getByLabel('Chưa thực hiện').check();
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test('(a) a commune filled in the browser totals exactly what tdg score gives', async () => {
  const { page, problems } = await openApp(context);
  await startCommune(page);
  await fillWorkedExample(page);
  const total = await page.getByTestId('total').textContent();
  // The same answers, scored by the command line for a report sent today.
  const answers = JSON.parse(readFileSync('assets/samples/vi-du-xa.json', 'utf8'));
  delete answers.submittedOn;
  const file = join(OUT, 'files', 'worked-example-answers.json');
  writeFileSync(file, JSON.stringify(answers));
  const cli = JSON.parse(execFileSync(TDG, ['score', '--json', '--catalog', CATALOG, '--submitted', today(), file], { encoding: 'utf8' }));
  const expected = (cli.assessment.total / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 3 });
  assert.equal(total, expected);
  assert.equal(total, '65'); // the worked example (catalog 2026.2), sent without the early bonus
  assert.match(await page.getByTestId('band').textContent(), /Hoàn thành nhiệm vụ/);
  const skills = card(page, 'Cán bộ, công chức được bồi dưỡng kỹ năng số trong năm');
  assert.match(await skills.textContent(), /Thiếu minh chứng \(chưa được tính 10 điểm\)/);
  assert.match(await skills.textContent(), /Vì sao có điểm này: 40\/50 = 80% so với chỉ tiêu 80%/);
  // Missing evidence is a part of "answered", said as one right under it (review 7, M6).
  const figures = await page.locator('.figures dt').allTextContents();
  assert.equal(figures[figures.indexOf('Đã trả lời') + 1], 'trong đó thiếu minh chứng');
  assert.ok(Number(await page.getByTestId('missing-evidence').textContent()) >= 1);
  await screenshot(page, 'assess-desktop');
  assert.deepEqual(problems, []);
});

test('(b) a signed report downloads and tdg verify accepts it; the print view carries its hash', async () => {
  const { page, problems } = await openApp(context);
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor(); // the draft of (a) is back
  // The first signing makes the key: its password-protected backup downloads at once, and
  // must be re-opened (proof that it was kept) before the key signs.
  await page.getByRole('button', { name: 'Ký và tải báo cáo (JSON)' }).click();
  await page.getByLabel('Mật khẩu (ít nhất 12 ký tự)').fill('mat-khau-thu');
  await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-thu');
  const [backup] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByRole('button', { name: 'Tạo khóa và tải tệp sao lưu' }).click()]);
  assert.equal(backup.suggestedFilename(), 'XA-E2E-01-khoa-sao-luu.json');
  const backupPath = join(OUT, 'files', backup.suggestedFilename());
  await backup.saveAs(backupPath);
  await page.getByLabel('Tệp sao lưu vừa tải').setInputFiles(backupPath);
  await page.getByLabel('Mật khẩu của tệp vừa tải').fill('mat-khau-thu');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: SLOW }),
    page.getByRole('button', { name: 'Mở tệp sao lưu và ký' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `XA-E2E-01-${new Date().getFullYear()}-bao-cao.json`);
  const report = join(OUT, 'files', download.suggestedFilename());
  await download.saveAs(report);
  const fingerprint = await page.getByTestId('fingerprint').textContent();
  assert.match(fingerprint, /^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
  const verified = verifyAsOffice(report);
  assert.match(verified, /ĐẠT \/ PASS/);
  assert.match(verified, /✓ chữ ký hợp lệ/);
  assert.match(verified, /✓ kết quả khớp khi chấm lại/);
  assert.ok(verified.includes(fingerprint), 'the fingerprint shown is the key that signed');
  const sha = (await page.getByTestId('signed').textContent()).match(/SHA-256: ([0-9a-f]{64})/)[1];
  assert.ok(verified.includes(sha), 'the hash shown is the file that downloaded');
  assert.equal(JSON.parse(readFileSync(backupPath, 'utf8')).fingerprint, fingerprint, 'the backup is of the key that signed');
  await page.getByRole('button', { name: 'Xem bản in' }).click();
  await page.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').waitFor();
  assert.ok((await page.locator('.a4').textContent()).includes(sha));
  assert.equal(await page.locator('.a4 svg.qr').count(), 1);
  await screenshot(page, 'print-desktop');
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'print-360');
  assert.deepEqual(problems, []);
});

test('(c) a reload in the middle of editing brings every answer back', async () => {
  const { page, problems } = await openApp(context);
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
  await page.getByLabel('Số người đã được bồi dưỡng').fill('45');
  const before = await page.getByTestId('total').textContent();
  await page.reload();
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
  assert.equal(await page.getByLabel('Số người đã được bồi dưỡng').inputValue(), '45');
  assert.equal(await page.getByLabel('Số hồ sơ xử lý trên môi trường mạng').inputValue(), '560');
  assert.equal(await page.getByTestId('total').textContent(), before);
  await page.setViewportSize({ width: 360, height: 740 });
  // Measured once the resize has been drawn (two frames): once, under load, a measure taken
  // at once found 440 px too many (the desktop column's width), not reproduced since. Should
  // it come back, the message names the widest elements.
  const { overflow, widest } = await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const widest = [...document.querySelectorAll('body *')]
      .map((e) => [Math.round(e.getBoundingClientRect().right), `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className}`])
      .sort((a, b) => b[0] - a[0])
      .slice(0, 3);
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, widest };
  });
  await screenshot(page, 'assess-360');
  assert.ok(overflow <= 0, `the assessment is ${overflow} px wider than a 360 px screen; widest: ${JSON.stringify(widest)}`);
  assert.deepEqual(problems, []);
});

test('(d) a malformed draft is refused with a clear message and the current draft stays', async () => {
  const { page, problems } = await openApp(context);
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
  const total = await page.getByTestId('total').textContent();
  await page.getByRole('navigation', { name: 'Các bước' }).getByRole('button', { name: 'Đơn vị', exact: true }).click();
  const broken = join(OUT, 'files', 'broken-draft.json');
  writeFileSync(broken, '{"kind": "tdg-draft", "version": 1, "draft": {');
  await page.getByLabel('Nhập bản nháp từ tệp').setInputFiles(broken);
  const alert = page.getByRole('alert').filter({ hasText: 'Chưa nhập bản nháp' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /Bản nháp hiện tại được giữ nguyên/);
  await screenshot(page, 'start-import-error');
  await page.getByRole('button', { name: /Tiếp tục đánh giá/ }).click();
  assert.equal(await page.getByTestId('total').textContent(), total);
  // A valid draft (exported from the tool) replaces it, and the old one can be restored.
  const [exported] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }),
    page.getByRole('navigation', { name: 'Các bước' }).getByRole('button', { name: 'Đơn vị', exact: true }).click().then(() => page.getByRole('button', { name: 'Xuất bản nháp' }).click())]);
  const draftFile = join(OUT, 'files', 'exported-draft.json');
  await exported.saveAs(draftFile);
  const draft = JSON.parse(readFileSync(draftFile, 'utf8'));
  assert.equal(draft.kind, 'tdg-draft');
  assert.equal(draft.draft.sheet.answers['xp.ky-nang-so'].numerator, 45);
  assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
});

test('(e) the start screen, a sample unit and English, at desktop and 360 px', async () => {
  const { page, problems } = await openApp(context);
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
  await page.getByRole('navigation', { name: 'Các bước' }).getByRole('button', { name: 'Đơn vị', exact: true }).click();
  await screenshot(page, 'start-with-draft-desktop');
  await page.getByLabel('Chọn đơn vị mẫu').selectOption('doanh-nghiep-cntt');
  await page.getByRole('button', { name: 'Mở đơn vị mẫu' }).click();
  await page.getByRole('status').filter({ hasText: 'Đã mở đơn vị mẫu' }).waitFor();
  assert.match(await page.locator('.assess-top').textContent(), /Doanh nghiệp công nghệ thông tin/);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Self-assessed result' }).waitFor();
  await screenshot(page, 'assess-sample-english-desktop');
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'assess-sample-english-360');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  // The enterprise's first step is named after it (review 7, M3).
  await page.getByRole('navigation', { name: 'Các bước' }).getByRole('button', { name: 'Doanh nghiệp', exact: true }).click();
  await page.getByRole('button', { name: 'Khôi phục bản nháp trước' }).click();
  await page.getByRole('button', { name: /Tiếp tục đánh giá/ }).click();
  assert.equal(await page.getByLabel('Số người đã được bồi dưỡng').inputValue(), '45', 'the commune draft is back');
  await screenshot(page, 'assess-restored-360');
  assert.deepEqual(problems, []);
});

test('(f) the key backup restores the same key on another computer, and a wrong password is refused', async () => {
  const other = await openBrowser(); // a fresh profile: another computer
  try {
    const { page, problems } = await openApp(other);
    await page.getByLabel('Chọn đơn vị mẫu').selectOption('xa-phuong');
    await page.getByRole('button', { name: 'Mở đơn vị mẫu' }).click();
    await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
    const backup = join(OUT, 'files', 'XA-E2E-01-khoa-sao-luu.json');
    const expected = JSON.parse(readFileSync(backup, 'utf8')).fingerprint;
    await page.getByText('Dùng khóa đã sao lưu (máy khác)').click();
    await page.getByLabel('Tệp sao lưu khóa', { exact: true }).setInputFiles(backup);
    await page.getByLabel('Mật khẩu của tệp sao lưu').fill('mat-khau-sai');
    await page.getByRole('button', { name: 'Khôi phục khóa' }).click();
    await page.getByRole('alert').filter({ hasText: 'Không mở được tệp sao lưu: mật khẩu không đúng hoặc tệp bị hỏng' }).waitFor();
    assert.equal(await page.getByTestId('fingerprint').count(), 0, 'no key after a wrong password');
    await page.getByLabel('Mật khẩu của tệp sao lưu').fill('mat-khau-thu');
    await page.getByRole('button', { name: 'Khôi phục khóa' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã khôi phục khóa' }).waitFor();
    assert.equal(await page.getByTestId('fingerprint').textContent(), expected);
    assert.deepEqual(problems, []);
  } finally {
    await other.close();
  }
});

test('(g) signing a report with open criteria asks first, and nothing is signed when declined', async () => {
  const other = await openBrowser();
  try {
    const { page, problems } = await openApp(other);
    await startCommune(page, { name: 'UBND xã Chưa Xong', code: 'XA-E2E-02' });
    let message = '';
    page.once('dialog', (dialog) => { message = dialog.message(); dialog.dismiss(); });
    await page.getByRole('button', { name: 'Ký và tải báo cáo (JSON)' }).click();
    await page.waitForTimeout(200);
    assert.match(message, /còn 8 tiêu chí chưa trả lời/);
    assert.equal(await page.getByTestId('signed').count(), 0);
    assert.equal(await page.getByTestId('fingerprint').count(), 0, 'no key is made for a declined signing');
    assert.deepEqual(problems, []);
  } finally {
    await other.close();
  }
});

test('(h) a criterion with a target of its own for the year shows that target, the one it is scored on', async () => {
  // The shipped catalog gives no year its own target; an office may publish one that does
  // (`targets`). The department sample is for 2026: its first criterion (100 % by default)
  // gets 90 % for 2026. A context of its own: no draft of the tests before.
  const fresh = await openBrowser();
  const page = await fresh.newPage();
  await page.route('**/hp-175-kh-ubnd.json', async (route) => {
    const catalog = await (await route.fetch()).json();
    const tier = catalog.tiers.find((t) => t.id === 'so-nganh');
    const criterion = tier.criteria.find((c) => c.id === 'sn.nhiem-vu');
    assert.equal(criterion.measure.target, 10000);
    criterion.targets = [{ periods: { from: 2026, to: 2026 }, target: 9000 }];
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(catalog) });
  });
  await page.goto(BASE_URL);
  await page.getByLabel('Chọn đơn vị mẫu').selectOption('so-nganh');
  await page.getByRole('button', { name: 'Mở đơn vị mẫu' }).click();
  const share = page.locator('[id="c-sn.nhiem-vu"] .share');
  // 14 of 15 tasks on time: 93,33 %, above the year's 90 %.
  assert.equal(await share.textContent(), 'Tỷ lệ: 93,33% (chỉ tiêu 90%)');
  await fresh.close();
});
