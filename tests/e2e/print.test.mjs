// The printed report as an administrative document (Decree 30/2020/NĐ-CP), driven by labels:
// the unit's details on the paper, the what-if send date moving the timing lines, the
// individual's report, A4 and 360 px widths, and the dd/mm/yyyy date field in an en-US browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowser, openApp, screenshot, SLOW } from './browser.mjs';

async function openSample(page, sample) {
  await page.getByLabel('Chọn đơn vị mẫu').selectOption(sample);
  await page.getByRole('button', { name: 'Mở đơn vị mẫu' }).click();
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
}

async function toPrint(page) {
  await page.getByRole('button', { name: 'Bản in' }).click();
  await page.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').waitFor();
}

const paper = (page) => page.locator('article.a4');

/// Runs `body` on the app in a fresh browser (own profile, so tests share no draft), and fails
/// on any console error, page error or request to another origin.
async function withApp(options, body) {
  const context = await openBrowser(options);
  try {
    const { page, problems } = await openApp(context);
    await body(page);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

/// Types a date the way a person does: digits only, the mask adds the slashes.
async function typeDate(field, digits) {
  await field.fill('');
  await field.pressSequentially(digits);
  await field.blur();
}

test('a unit\'s print carries its governing body, number, place and send date, signer, recipients, sections and contact', () => withApp({}, async (page) => {
  await openSample(page, 'xa-phuong');
  await toPrint(page);
  // Before anything is typed: blank number for the records office, and a commune's usual
  // signer, the People's Committee's chairperson on behalf of the committee (review M7).
  assert.doesNotMatch(await paper(page).textContent(), /Mã đơn vị/);
  assert.match(await page.getByTestId('doc-number').textContent(), /^Số: \s+\/BC-…$/);
  assert.match(await paper(page).textContent(), /TM\. ỦY BAN NHÂN DÂNCHỦ TỊCH/);
  assert.doesNotMatch(await paper(page).textContent(), /THỦ TRƯỞNG ĐƠN VỊ/);
  assert.equal(await page.getByLabel('Thẩm quyền ký').inputValue(), 'tm');
  // Emptied, the places to write by hand come back, as Decree 30's forms print them.
  await page.getByLabel('Thẩm quyền ký').selectOption('none');
  await page.getByLabel('Chức vụ người ký').fill('');
  assert.match(await paper(page).textContent(), /\(Chức vụ người ký\)\(Ký, ghi rõ họ tên, đóng dấu\)/);
  await page.getByLabel('Cơ quan, tổ chức chủ quản (cấp trên)').fill('UBND THÀNH PHỐ HẢI PHÒNG');
  await page.getByLabel(/^Số văn bản/).fill('125');
  await page.getByLabel(/^Chữ viết tắt tên cơ quan/).fill('UBND');
  await page.getByLabel('Địa danh').fill('Thủy Nguyên');
  await typeDate(page.getByLabel('Ngày dự kiến gửi'), '05032026');
  await page.getByLabel('Thẩm quyền ký').selectOption('kt');
  await page.getByLabel(/^Ký thay cho/).fill('Chủ tịch');
  await page.getByLabel('Chức vụ người ký').fill('Phó Chủ tịch');
  await page.getByLabel('Họ và tên người ký').fill('Nguyễn Văn An');
  await page.getByLabel(/^Nơi nhận/).fill('Sở Khoa học và Công nghệ;\nLưu: VT.');
  await page.getByLabel('Tồn tại, hạn chế').fill('Hạ tầng mạng ở thôn xa còn yếu.');
  await page.getByLabel('Đề xuất, kiến nghị').fill('Hỗ trợ kinh phí nâng cấp đường truyền.');
  await page.getByLabel('Người liên hệ').fill('Trần Thị Bình');
  await page.getByLabel('Số điện thoại liên hệ').fill('0225 3821 000');
  const text = await paper(page).textContent();
  for (const expected of [
    'UBND THÀNH PHỐ HẢI PHÒNG',
    'Số: 125/BC-UBND',
    'Thủy Nguyên, ngày 05 tháng 3 năm 2026',
    'KT. Chủ tịch', 'Phó Chủ tịch', 'Nguyễn Văn An',
    'Nơi nhận:', '- Sở Khoa học và Công nghệ;', '- Lưu: VT.',
    'II. TỒN TẠI, HẠN CHẾ', 'Hạ tầng mạng ở thôn xa còn yếu.',
    'III. ĐỀ XUẤT, KIẾN NGHỊ', 'Hỗ trợ kinh phí nâng cấp đường truyền.',
    'Người liên hệ: Trần Thị Bình; điện thoại: 0225 3821 000.',
    'Điểm thẩm định',
  ]) {
    assert.ok(text.includes(expected), `the print shows “${expected}”`);
  }
  assert.doesNotMatch(text, /Chức vụ người ký/, 'the named signer replaces the placeholder');
  // The band reads as the movement's, never as the official classification (review M2), and
  // the cluster has its own line, named as a cluster (review M6).
  assert.doesNotMatch(text, /Tự xếp loại/);
  assert.match(await page.getByTestId('doc-band').textContent(), /^(Mức đạt theo tiêu chí thi đua chuyên đề: .+ \(Mức tự chấm .*không thay thế đánh giá, xếp loại chất lượng\)\.|Chưa xếp mức: .+)$/);
  assert.equal(await page.getByTestId('doc-group').textContent(), 'Cụm thi đua: Cụm mẫu');
  assert.doesNotMatch(await page.getByTestId('doc-tier').textContent(), /Cụm/);
  // Months 1 and 2 take a leading zero, months 3–12 none (Decree 30, Appendix I).
  await typeDate(page.getByLabel('Ngày dự kiến gửi'), '09022026');
  assert.equal(await page.getByTestId('doc-date').textContent(), 'Thủy Nguyên, ngày 09 tháng 02 năm 2026');
  // The council's column is there and empty in every row.
  const councilCells = await page.locator('.doc-table td.council').allTextContents();
  assert.ok(councilCells.length > 6);
  assert.ok(councilCells.every((c) => c === ''));
  // The details are kept with the draft: a reload brings them back.
  await page.reload();
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
  await toPrint(page);
  assert.equal(await page.getByTestId('doc-number').textContent(), 'Số: 125/BC-UBND');
  assert.equal(await page.getByLabel('Ngày dự kiến gửi').inputValue(), '09/02/2026');
}));

test('the intended send date is a what-if that moves the timing lines on the print and in the summary', () => withApp({}, async (page) => {
  await openSample(page, 'xa-phuong');
  await toPrint(page);
  const date = page.getByLabel('Ngày dự kiến gửi');
  const today = new Date();
  const dd = String(today.getDate()).padStart(2, '0');
  const mm = String(today.getMonth() + 1).padStart(2, '0');
  // A sample carries the day it was sent (review M8); a unit's own draft starts at today.
  const own = JSON.parse(readFileSync('assets/samples/xa-phuong.json', 'utf8')).submittedOn.split('-').reverse().join('/');
  assert.equal(await date.inputValue(), own, 'the sample\'s own day by default');
  await typeDate(date, '15122026');
  await typeDate(date, '');
  assert.equal(await date.inputValue(), `${dd}/${mm}/${today.getFullYear()}`, 'emptied, it is today again');
  const timing = () => page.locator('.doc-table tr.timing').allTextContents();
  await typeDate(date, '15122026');
  assert.ok((await timing()).some((l) => l.includes('Điểm trừ: Gửi báo cáo muộn') && l.includes('−3')), `late: ${await timing()}`);
  const lateTotal = await page.getByTestId('print-total').textContent();
  await typeDate(date, '05112026');
  const early = await timing();
  assert.ok(early.some((l) => l.includes('Điểm thưởng: Gửi báo cáo sớm') && l.includes('+1')), `early: ${early}`);
  assert.ok(!early.some((l) => l.includes('Điểm trừ')), 'no penalty when early');
  assert.notEqual(await page.getByTestId('print-total').textContent(), lateTotal);
  // The assessment's summary follows the same date.
  await page.getByRole('button', { name: '← Quay lại đánh giá' }).click();
  const summary = page.locator('section.summary');
  await summary.waitFor();
  assert.match(await summary.textContent(), /Gửi báo cáo sớm[^]*\+1/);
  await toPrint(page);
  await typeDate(page.getByLabel('Ngày dự kiến gửi'), '15122026');
  await page.getByRole('button', { name: '← Quay lại đánh giá' }).click();
  assert.match(await summary.textContent(), /Gửi báo cáo muộn[^]*−3/);
}));

test('an individual prints “NGƯỜI BÁO CÁO” with the head of unit\'s confirmation', () => withApp({}, async (page) => {
  await openSample(page, 'ca-nhan-can-bo');
  await toPrint(page);
  assert.equal(await page.getByLabel(/^Số văn bản/).count(), 0, 'an individual has no document number');
  await page.getByLabel('Họ và tên người báo cáo').fill('Lê Văn Cường');
  await page.getByLabel('Chức vụ', { exact: true }).fill('Chuyên viên');
  await page.getByLabel('Đơn vị công tác').fill('Văn phòng HĐND và UBND xã');
  await page.getByLabel('Họ và tên thủ trưởng đơn vị xác nhận').fill('Phạm Văn Dũng');
  await page.getByLabel('Chức vụ của thủ trưởng đơn vị').fill('Chủ tịch UBND xã');
  const text = await paper(page).textContent();
  for (const expected of ['NGƯỜI BÁO CÁO', 'XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ', 'Họ và tên: Lê Văn Cường',
    'Chức vụ: Chuyên viên', 'Đơn vị công tác: Văn phòng HĐND và UBND xã', 'Phạm Văn Dũng', 'Chủ tịch UBND xã']) {
    assert.ok(text.includes(expected), `the print shows “${expected}”`);
  }
  assert.doesNotMatch(text, /Số: /, 'no unit document number');
  // A report of achievements: its own title; the top-left block is the person's workplace,
  // never the person (review H4, L5); the reporter is the contact, so only the phone is asked.
  assert.equal(await page.getByTestId('doc-title').textContent(), 'BÁO CÁO THÀNH TÍCH');
  assert.match(text, /Tham gia phong trào thi đua chuyển đổi số năm \d{4}/);
  assert.equal(await page.getByTestId('doc-issuer').textContent(), 'Văn phòng HĐND và UBND xã');
  assert.doesNotMatch(await page.locator('.doc-header .issuer').textContent(), /Cường|Mẫu/);
  assert.match(await page.getByTestId('doc-contact').textContent(), /^Điện thoại: /);
  assert.equal(await page.getByTestId('doc-group').count(), 0, 'a person is in no cluster');
  assert.doesNotMatch(text, /Tự xếp loại/);
  // The person signs as the reporter; only the head's confirmation carries the seal.
  const reporter = await page.locator('.doc-sign td').nth(1).textContent();
  assert.match(reporter, /NGƯỜI BÁO CÁO/);
  assert.doesNotMatch(reporter, /đóng dấu|THỦ TRƯỞNG/);
}));

test('the print fits A4 and a 360 px screen without a sideways scroll', () => withApp({}, async (page) => {
  await openSample(page, 'vi-du-xa');
  await toPrint(page);
  await page.getByLabel(/^Nơi nhận/).fill('Sở Khoa học và Công nghệ thành phố Hải Phòng;\nLưu: VT, VHXH.');
  // A4 as printed: 210 mm at 96 px/in is 794 px; the table stays inside the page's margins.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  const a4 = await page.evaluate(() => {
    const article = document.querySelector('article.a4').getBoundingClientRect();
    const style = getComputedStyle(document.querySelector('article.a4'));
    const table = document.querySelector('.doc-table').getBoundingClientRect();
    return { contentRight: article.right - parseFloat(style.paddingRight), tableRight: table.right,
      pageWidth: document.documentElement.scrollWidth };
  });
  assert.ok(a4.tableRight <= a4.contentRight + 0.5, `table ${a4.tableRight} px within ${a4.contentRight} px`);
  assert.ok(a4.pageWidth <= 794, `printed page ${a4.pageWidth} px wide`);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  // Every page of the PDF is A4 (595 × 842 points).
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
  assert.ok(boxes.length > 0);
  for (const [, w, h] of boxes) assert.ok(Math.abs(w - 595.92) < 1 && Math.abs(h - 842.88) < 1, `${w} × ${h}`);
  await page.emulateMedia({ media: 'screen' });
  // A phone: nothing wider than the screen, for the sample commune and for a signed-looking
  // page with a long hash-like text in the evidence.
  await page.setViewportSize({ width: 360, height: 740 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the print view is ${width} px wide at 360 px`);
  await screenshot(page, 'print-decree30-360');
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, 'print-decree30-desktop');
}));

test('dates are typed and shown as dd/mm/yyyy in a Chromium running in en-US', () => withApp({ lang: 'en-US' }, async (page) => {
  assert.equal(await page.evaluate(() => navigator.language), 'en-US');
  await openSample(page, 'xa-phuong');
  await toPrint(page);
  const field = page.getByLabel('Ngày dự kiến gửi');
  assert.equal(await field.getAttribute('type'), 'text', 'not a native date input, which would follow en-US');
  assert.equal(await field.getAttribute('placeholder'), null, 'the hint shows the format, in Vietnamese');
  await typeDate(field, '05032026');
  assert.equal(await field.inputValue(), '05/03/2026');
  assert.equal(await page.getByTestId('doc-date').textContent(), 'Hải Phòng, ngày 05 tháng 3 năm 2026');
  // Month first, the en-US habit, is refused with a reason, in the page's language.
  await typeDate(field, '03252026');
  assert.equal(await field.inputValue(), '03/25/2026');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  // Typed month first, as an en-US user would: the message says the month is wrong and how to type.
  await page.getByText('Không có ngày 03/25/2026: tháng phải từ 1 đến 12 (nhập ngày/tháng/năm, ví dụ 05/03/2026).').waitFor();
  assert.equal(await page.getByTestId('doc-date').textContent(), 'Hải Phòng, ngày 05 tháng 3 năm 2026', 'the last good date stays');
  await typeDate(field, '5/3/26');
  await page.getByText('Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/03/2026.').waitFor();
  // In English, the same field and the same order.
  await page.getByRole('button', { name: 'English' }).click();
  const en = page.getByLabel('Intended send date');
  await typeDate(en, '31022026');
  await page.getByText('There is no day 31/02/2026.').waitFor();
  await typeDate(en, '01122026');
  assert.equal(await en.inputValue(), '01/12/2026');
  assert.equal(await en.getAttribute('aria-invalid'), 'false');
  assert.equal(await page.getByTestId('doc-date').textContent(), 'Hải Phòng, ngày 01 tháng 12 năm 2026');
}));

test('once signed, the print is dated and scored on the signing day, not the what-if date', () => withApp({}, async (page) => {
  page.on('dialog', (dialog) => dialog.accept());
  await openSample(page, 'xa-phuong');
  await toPrint(page);
  await typeDate(page.getByLabel('Ngày dự kiến gửi'), '15122026');
  assert.ok((await page.locator('.doc-table tr.timing').allTextContents()).some((l) => l.includes('Điểm trừ')));
  await page.getByRole('button', { name: '← Quay lại đánh giá' }).click();
  await page.getByRole('button', { name: 'Ký và tải báo cáo (JSON)' }).click();
  await page.getByLabel('Mật khẩu (ít nhất 12 ký tự)').fill('mat-khau-in-thu');
  await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-in-thu');
  const dir = mkdtempSync(join(tmpdir(), 'tdg-print-'));
  const [backup] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByRole('button', { name: 'Tạo khóa và tải tệp sao lưu' }).click()]);
  await backup.saveAs(join(dir, 'backup.json'));
  await page.getByLabel('Tệp sao lưu vừa tải').setInputFiles(join(dir, 'backup.json'));
  await page.getByLabel('Mật khẩu của tệp vừa tải').fill('mat-khau-in-thu');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), page.getByRole('button', { name: 'Mở tệp sao lưu và ký' }).click()]);
  await download.saveAs(join(dir, 'report.json'));
  const subject = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).credentialSubject;
  await page.getByRole('button', { name: 'Xem bản in' }).click();
  await page.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').waitFor();
  // The day the report carries, in the decree's form, and nothing else.
  const [y, m, d] = subject.submittedOn.split('-').map(Number);
  const pad = (n) => String(n).padStart(2, '0');
  const line = `Hải Phòng, ngày ${pad(d)} tháng ${m <= 2 ? pad(m) : m} năm ${y}`;
  assert.equal(await page.getByTestId('doc-date').textContent(), line);
  await page.getByText(`Báo cáo đã ký ngày ${pad(d)}/${pad(m)}/${y}`).waitFor();
  assert.equal(await page.getByLabel('Ngày dự kiến gửi').count(), 0, 'no what-if once signed');
  // The paper's timing lines are the signed report's.
  const rows = await page.locator('.doc-table tr.timing').allTextContents();
  assert.equal(rows.filter((r) => r.startsWith('Điểm trừ')).length, subject.results.penalties.length);
  assert.equal(rows.filter((r) => r.startsWith('Điểm thưởng')).length, subject.results.bonus.length);
  assert.doesNotMatch(await paper(page).textContent(), /BẢN NHÁP/);
}));

test('an evidence document is dated dd/mm/yyyy in an en-US Chromium too', () => withApp({ lang: 'en-US' }, async (page) => {
  await openSample(page, 'xa-phuong');
  const card = page.getByRole('article').filter({ has: page.getByRole('button', { name: 'Thêm minh chứng' }) }).first();
  await card.getByRole('button', { name: 'Thêm minh chứng' }).click();
  await card.getByLabel('Số, ký hiệu văn bản').fill('12/BC-UBND');
  const date = card.getByLabel('Ngày ban hành');
  assert.equal(await date.getAttribute('type'), 'text', 'not a native date input, which would follow en-US');
  await typeDate(date, '05032026');
  assert.equal(await date.inputValue(), '05/03/2026');
  await card.getByRole('button', { name: 'Thêm văn bản' }).click();
  assert.match(await card.textContent(), /12\/BC-UBND ngày 05\/03\/2026/);
}));

test('“Kính gửi” names an office, never prints the catalog’s description of one', () => withApp({}, async (page) => {
  // A department reports to a named office: printed as is, nothing to type.
  await openSample(page, 'so-nganh');
  await toPrint(page);
  assert.match(await page.getByTestId('doc-addressee').textContent(), /^Kính gửi: Sở /);
  assert.equal(await page.getByLabel('Kính gửi').count(), 0);
  // An enterprise is put forward by a body the catalog can only describe: the line waits to be
  // filled in, and the unit can name it.
  await page.getByRole('button', { name: 'Đơn vị' }).click();
  await openSample(page, 'doanh-nghiep-cntt');
  await toPrint(page);
  assert.equal(await page.getByTestId('doc-addressee').textContent(), 'Kính gửi: …………………………………….');
  const field = page.getByLabel('Kính gửi');
  await field.fill('Ủy ban nhân dân huyện Thủy Nguyên');
  assert.equal(await page.getByTestId('doc-addressee').textContent(), 'Kính gửi: Ủy ban nhân dân huyện Thủy Nguyên.');
}));
