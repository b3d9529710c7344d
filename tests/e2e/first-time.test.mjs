// A first-time user on a 360 px phone, driving the page by its labels: required unit fields,
// the step bar and the progress line always in view, evidence forms folded until asked for,
// an error said once by its field in the criterion's own words and linked from a summary at
// the top, counts that add up, signing one step away, and a total with a bonus said in points.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { openBrowser, openApp, screenshot } from './browser.mjs';

const TDG = process.env.TDG_BIN ?? 'target/debug/tdg';
const CATALOG = 'assets/catalogs/hp-175-kh-ubnd.json';

let context;
before(async () => { context = await openBrowser(); });
after(async () => { await context?.close(); });

const FILES = 'Hồ sơ được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước)';
const TOO_MANY = '“Số hồ sơ xử lý trên môi trường mạng” không được lớn hơn “Tổng số hồ sơ (trừ hồ sơ mật)”.';

async function noHorizontalScroll(page, name) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(scroll <= inner, `${name}: ${scroll} px wide on a ${inner} px screen`);
}

async function inView(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
}

test('a commune, first time, on a 360 px phone', async () => {
  const { page, problems } = await openApp(context, { width: 360, height: 740 });
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const name = page.getByLabel(/^Tên đơn vị.*\(bắt buộc\)$/);
  await name.waitFor();
  assert.equal(await name.getAttribute('aria-required'), 'true');
  assert.equal(await page.getByLabel(/^Mã đơn vị.*\(bắt buộc\)$/).getAttribute('aria-required'), 'true');
  const steps = page.getByRole('navigation', { name: 'Các bước' });
  assert.equal(await steps.getByRole('button', { name: 'Đơn vị', exact: true }).getAttribute('aria-current'), 'step');
  assert.ok(await steps.getByRole('button', { name: 'Tự chấm' }).isDisabled(), 'no assessment before a tier is chosen');
  await noHorizontalScroll(page, 'start');
  await screenshot(page, 'first-time-start-360');

  await page.getByLabel(/Cấp xã, phường, đặc khu/).check();
  await page.getByRole('button', { name: /Bắt đầu đánh giá/ }).click();
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
  assert.equal(await steps.getByRole('button', { name: 'Tự chấm' }).getAttribute('aria-current'), 'step');
  // Folded evidence forms; a criterion that needs evidence says so before it is answered.
  assert.equal(await page.getByLabel('Số, ký hiệu văn bản').count(), 0, 'no evidence form is open');
  const files = page.getByRole('article', { name: FILES });
  assert.match(await files.textContent(), /Minh chứng: bắt buộc để được tính điểm/);
  // As many criteria as the catalog gives the commune tier (read from the page, not assumed).
  const n = await page.getByRole('article').count();
  assert.ok(n >= 6, `${n} criteria`);
  assert.equal(await page.getByTestId('progress').textContent(), `Đã trả lời 0/${n} · chưa trả lời ${n}`);

  // 1,200 files processed out of 1,000.
  await page.getByLabel('Số hồ sơ xử lý trên môi trường mạng').fill('1200');
  await page.getByLabel('Tổng số hồ sơ (trừ hồ sơ mật)').fill('1000');
  await files.getByText(TOO_MANY).waitFor();
  assert.equal(await files.getByText(TOO_MANY).count(), 1, 'said once, by its field');
  const field = page.getByLabel('Số hồ sơ xử lý trên môi trường mạng');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator(`#${await field.getAttribute('aria-describedby').then((id) => id.replaceAll('.', '\\.'))}`).textContent(), TOO_MANY);
  const main = await page.locator('main').textContent();
  assert.ok(!main.includes('xp.ho-so-truc-tuyen'), 'no internal id on screen');
  const form = await page.locator('.criteria').textContent() + await page.locator('.error-summary').textContent();
  assert.ok(!form.includes('tử số') && !form.includes('«'), 'no generic field names, no « » in the form');
  // The counts add up: answered + not answered + to correct = all.
  assert.equal(await page.getByTestId('progress').textContent(), `Đã trả lời 0/${n} · chưa trả lời ${n - 1} · cần sửa 1`);
  assert.equal(await page.getByTestId('answered').textContent(), `0/${n}`);
  assert.equal(await page.getByTestId('to-correct').textContent(), '1');
  assert.ok((await page.locator('.provisional').textContent()).includes(`còn ${n - 1} tiêu chí chưa trả lời và 1 câu trả lời cần sửa`));

  // The summary at the top links to the field and moves the focus there.
  const summary = page.getByRole('region', { name: /Câu trả lời cần sửa/ });
  const link = summary.getByRole('link', { name: new RegExp(TOO_MANY.replace(/[().]/g, '\\$&')) });
  await page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
  await summary.scrollIntoViewIfNeeded();
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'xp.ho-so-truc-tuyen-num');
  assert.ok(await inView(field), 'the field is scrolled into view');
  await screenshot(page, 'first-time-error-360');

  // The steps stay in view at the bottom of the page, and signing is one step away.
  await page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
  assert.ok(await inView(steps), 'the step bar stays in view');
  assert.ok(await inView(page.getByTestId('progress')), 'the progress line stays in view');
  await page.evaluate(() => window.scrollTo(0, 0));
  await steps.getByRole('button', { name: 'Ký, tải' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'sign-title');
  assert.ok(await inView(page.getByRole('heading', { name: 'Ký và tải báo cáo' })), 'signing is in view');
  // The step bar follows: "Ký, tải" is the current step while signing is in view (review 7, L6).
  const current = () => steps.locator('[aria-current="step"]').textContent();
  await page.waitForFunction(() => document.querySelector('.step-bar [aria-current="step"]')?.textContent.includes('Ký, tải'));
  assert.match(await current(), /Ký, tải/);
  assert.equal(await page.getByText(/Ký và gửi|Sign and send/).count(), 0, 'nothing is sent');
  // What is still open is said beside the button, with the way to it (review 7, H2).
  const incomplete = page.getByTestId('sign-incomplete');
  assert.match(await incomplete.textContent(), /^Tạm tính: còn \d+ tiêu chí chưa trả lời và 1 câu trả lời cần sửa\./);
  await incomplete.getByRole('button', { name: 'Đến tiêu chí đầu tiên cần làm' }).click();
  assert.ok(await page.evaluate(() => document.activeElement?.matches('article.criterion.open, article.criterion.invalid')),
    'the focus is on a criterion to do');
  await page.waitForFunction(() => document.querySelector('.step-bar [aria-current="step"]')?.textContent.includes('Tự chấm'));
  assert.match(await current(), /Tự chấm/);
  await steps.getByRole('button', { name: 'Ký, tải' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'sign-title');
  // Signing without the unit's name: the message is in view where the user is, not at the top
  // of a long page (review 7, H1). The question about open criteria is answered "sign anyway".
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Ký và tải báo cáo (JSON)' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Cần nhập “Tên đơn vị” và “Mã đơn vị” (ở bước 1 “Đơn vị”) trước khi ký.' });
  await refusal.waitFor();
  assert.ok(await inView(refusal), 'the refusal is in view beside the button');
  await refusal.getByRole('button', { name: 'Đóng thông báo' }).click();

  // The evidence form opens on demand, and folds again once the evidence is added.
  const add = files.getByRole('button', { name: 'Thêm minh chứng' });
  assert.equal(await add.getAttribute('aria-expanded'), 'false');
  await add.click();
  assert.equal(await add.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'xp.ho-so-truc-tuyen-ev-kind', 'the focus goes into the form');
  // Added without its number: the message is said by the field, and typing clears it (M11).
  await files.getByRole('button', { name: 'Thêm văn bản' }).click();
  const number = files.getByLabel('Số, ký hiệu văn bản');
  assert.equal(await number.getAttribute('aria-invalid'), 'true');
  const describedBy = await number.getAttribute('aria-describedby');
  assert.equal(await page.locator(`[id="${describedBy}"]`).textContent(), 'Cần nhập số, ký hiệu văn bản.');
  await number.fill('120/BC-UBND');
  assert.equal(await files.getByText('Cần nhập số, ký hiệu văn bản.').count(), 0, 'no stale error');
  assert.equal(await number.getAttribute('aria-invalid'), 'false');
  // A date that does not exist is never dropped: nothing is added, the date field says why and
  // keeps what was typed, and the focus goes to it (review 7, H3).
  const date = files.getByLabel('Ngày ban hành');
  await date.pressSequentially('31022026');
  await files.getByLabel('Trích yếu').fill('Báo cáo kết quả');
  await files.getByRole('button', { name: 'Thêm văn bản' }).click();
  assert.equal(await number.count(), 1, 'the form stays open');
  assert.equal(await date.inputValue(), '31/02/2026');
  assert.equal(await date.getAttribute('aria-invalid'), 'true');
  assert.equal(await files.getByText('Không có ngày 31/02/2026.').count(), 1);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'xp.ho-so-truc-tuyen-ev-date');
  // A document dated after today cannot exist yet: refused the same way, with the year to check.
  await date.fill('');
  const nextYear = new Date().getFullYear() + 1;
  await date.pressSequentially(`0503${nextYear}`);
  await files.getByRole('button', { name: 'Thêm văn bản' }).click();
  assert.equal(await number.count(), 1, 'the form stays open');
  assert.equal(await date.getAttribute('aria-invalid'), 'true');
  assert.match(await files.locator('.date-field .field-error').textContent(), new RegExp(`^Ngày 05/03/${nextYear} ở sau hôm nay \\(\\d\\d/\\d\\d/\\d{4}\\): hãy kiểm tra lại năm\\.$`));
  await date.fill('');
  await date.pressSequentially('28022026');
  await noHorizontalScroll(page, 'assessment with an open evidence form');
  await files.getByRole('button', { name: 'Thêm văn bản' }).click();
  assert.equal(await files.getByLabel('Số, ký hiệu văn bản').count(), 0, 'folded again');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Thêm minh chứng', 'the focus is back on the button');
  assert.match(await files.textContent(), /Văn bản 120\/BC-UBND ngày 28\/02\/2026/);
  await noHorizontalScroll(page, 'assessment');
  assert.deepEqual(problems, []);
});

test('a total with a bonus is said in points, never over 100', async () => {
  // The sample's figures from `tdg score` for a report sent on the sample's own day (the app
  // scores a sample the same way).
  const sample = 'doanh-nghiep-cntt';
  const cli = JSON.parse(execFileSync(TDG, ['score', '--json', '--catalog', CATALOG, `assets/samples/${sample}.json`], { encoding: 'utf8' })).assessment;
  assert.ok(cli.bonusTotal > 0, `the ${sample} sample no longer earns a bonus: pick one that does`);
  const vi = (milli) => (milli / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 3 });
  const { page, problems } = await openApp(context, { width: 360, height: 740 });
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Chọn đơn vị mẫu').selectOption(sample);
  await page.getByRole('button', { name: 'Mở đơn vị mẫu' }).click();
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
  assert.equal(await page.getByTestId('total').textContent(), vi(cli.total));
  assert.equal(await page.getByTestId('total-note').textContent(), `(gồm ${vi(cli.bonusTotal)} điểm thưởng)`);
  const summary = await page.locator('.summary').textContent();
  assert.ok(!summary.includes(`${vi(cli.total)}/100`), summary);
  assert.ok((await page.locator('.progress-line').textContent()).includes(`${vi(cli.total)} điểm`));
  assert.match(await page.locator('.gap').textContent(), /không phải số liệu để điều chỉnh/);
  await noHorizontalScroll(page, 'enterprise sample');
  assert.deepEqual(problems, []);
});

test('the unit fields follow the tier; a blank page has no band; 0 of 0 is an error by its field', async () => {
  const { page, problems } = await openApp(context);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const group = page.locator('#unit-group');
  // A person gives a name, not a unit's; neither a person nor an enterprise is in a cluster.
  await page.getByRole('radio', { name: /^Cá nhân/ }).check();
  await page.getByLabel(/^Họ và tên \(bắt buộc\)$/).waitFor();
  assert.equal(await page.getByLabel(/^Mã số người báo cáo \(bắt buộc\)$/).count(), 1);
  assert.equal(await group.count(), 0, 'no cluster or block for a person');
  // The one who reports is named as the tier names it, in the heading and the first step
  // (review 7, M3): a person is not a "đơn vị".
  const steps = page.getByRole('navigation', { name: 'Các bước' });
  assert.equal(await page.locator('#unit-title').textContent(), 'Người báo cáo');
  assert.equal(await steps.getByRole('button', { name: 'Người báo cáo', exact: true }).count(), 1);
  // A person is asked for position and workplace with the name, not only when printing (M4).
  await page.locator('.start-unit').getByLabel('Chức vụ', { exact: true }).fill('Chuyên viên');
  await page.locator('.start-unit').getByLabel('Đơn vị công tác').fill('Văn phòng UBND xã');
  await page.getByRole('radio', { name: /^Doanh nghiệp/ }).check();
  await page.getByLabel(/^Tên doanh nghiệp \(bắt buộc\)$/).waitFor();
  assert.match(await page.locator('#unit-code-hint').textContent(), /mã số thuế/);
  assert.equal(await group.count(), 0, 'no cluster or block for an enterprise');
  assert.equal(await page.locator('#unit-title').textContent(), 'Doanh nghiệp');
  assert.equal(await steps.getByRole('button', { name: 'Doanh nghiệp', exact: true }).count(), 1);
  assert.equal(await page.locator('.start-unit').getByLabel('Đơn vị công tác').count(), 0, 'an enterprise has no workplace');
  await page.getByRole('radio', { name: /^Sở, ban, ngành, đơn vị thuộc thành phố/ }).check();
  assert.equal(await page.getByLabel('Khối thi đua', { exact: true }).count(), 1, 'a department is in a block from 2025');
  await page.getByRole('radio', { name: /Cấp xã, phường, đặc khu/ }).check();
  assert.equal(await page.getByLabel('Cụm thi đua', { exact: true }).count(), 1, 'a commune is in a cluster');
  assert.equal(await page.locator('#unit-title').textContent(), 'Đơn vị');
  // Which code: the one the standing office gives in its register (review 7, M5).
  assert.match(await page.locator('#unit-code-hint').textContent(), /^Mã cơ quan thường trực ghi cho đơn vị trong danh sách đăng ký khóa ký/);
  // "(bắt buộc)" once, no asterisk beside it.
  assert.equal(await page.locator('.start-unit .required').count(), 0);
  await page.getByRole('button', { name: /Bắt đầu đánh giá/ }).click();
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();

  // Nothing answered: no band, no "next year" list of things to answer.
  const n = await page.getByRole('article').count();
  assert.equal(await page.getByTestId('band').textContent(), `Chưa xếp mức: còn ${n} tiêu chí chưa trả lời`);
  const gap = await page.getByTestId('gap-plan').textContent();
  assert.match(gap, /hiện ra khi mọi tiêu chí đã được trả lời/);
  assert.doesNotMatch(gap, /Trả lời tiêu chí/);
  assert.equal(await page.getByTestId('band-caveat').count(), 0);
  // The timing lines say which deadline (with its year) and which sending date they assume.
  assert.match(await page.getByTestId('deadline').textContent(),
    /^Hạn gửi báo cáo: trước ngày 01\/12\/2026; ngày gửi dự kiến: \d\d\/\d\d\/\d{4}\. \(đổi ngày gửi dự kiến ở bước “Bản in”\)$/);

  // 0 of 0 on the commune's main criterion: an error next to the total, no points.
  const files = page.getByRole('article', { name: FILES });
  await page.getByLabel('Số hồ sơ xử lý trên môi trường mạng').fill('0');
  await page.getByLabel('Tổng số hồ sơ (trừ hồ sơ mật)').fill('0');
  const zero = '“Tổng số hồ sơ (trừ hồ sơ mật)” phải lớn hơn 0.';
  await files.getByText(zero, { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Tổng số hồ sơ (trừ hồ sơ mật)').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByTestId('total').textContent(), '0', 'not 40 points for nothing');
  assert.doesNotMatch(await files.textContent(), /không áp dụng/, 'the commune cannot choose it here');
  await screenshot(page, 'first-time-zero-over-zero-1280');
  assert.deepEqual(problems, []);
});
