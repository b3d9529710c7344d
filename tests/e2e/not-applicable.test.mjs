// "Không áp dụng": where the catalog allows it, a department marks a criterion as not applying,
// with its reason; the total is rescaled over the applicable maximum, and the summary and the
// print say so. The figures are `tdg score`'s for the same answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { openBrowser, openApp } from './browser.mjs';

const TDG = process.env.TDG_BIN ?? 'target/debug/tdg';
const CATALOG = 'assets/catalogs/hp-175-kh-ubnd.json';
const SAMPLE = 'assets/samples/so-nganh-khong-ap-dung.json';

let context;
before(async () => { context = await openBrowser(); });
after(async () => { await context?.close(); });

const vi = (milli) => (milli / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 3 });

test('a criterion that does not apply is marked with its reason and the total is rescaled', async () => {
  // A sample is scored as sent on its own day, in the app as by `tdg score`.
  const cli = JSON.parse(execFileSync(TDG, ['score', '--json', '--catalog', CATALOG, SAMPLE], { encoding: 'utf8' })).assessment;
  assert.ok(cli.rescaled, 'the sample rescales');
  const { page, problems } = await openApp(context);
  await page.getByLabel('Chọn đơn vị mẫu').selectOption('so-nganh-khong-ap-dung');
  await page.getByRole('button', { name: 'Mở đơn vị mẫu' }).click();
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
  assert.equal(await page.getByTestId('total').textContent(), vi(cli.total));
  const rescaled = page.getByTestId('rescaled');
  assert.match(await rescaled.textContent(), new RegExp(`Quy đổi về thang 100 điểm vì 2 tiêu chí không áp dụng \\(điểm tối đa còn ${vi(cli.rescaled.applicableMax)}\\)`));
  assert.match(await page.getByTestId('band-caveat').textContent(), /không thay thế đánh giá, xếp loại chất lượng/);

  // The choice is a labelled checkbox; chosen, the figures give way to the reason.
  const card = page.locator('[id="c-sn.dinh-danh"]');
  // On the card too: “—” and what is left out, and evidence only for the reason.
  assert.match(await card.locator('.points').textContent(), /^—Không áp dụng \(không tính \d+ điểm\)$/);
  assert.match(await card.textContent(), /Minh chứng cho lý do không áp dụng \(nếu có\)/);
  const choice = card.getByLabel(/Tiêu chí này không áp dụng đối với đơn vị/);
  assert.ok(await choice.isChecked());
  const reason = card.getByLabel(/^Lý do không áp dụng/);
  assert.equal(await reason.inputValue(), 'Ban không tiếp nhận hồ sơ dịch vụ công trực tuyến');
  // Withdrawn: the criterion counts again, and the rescaling names one criterion.
  await choice.uncheck();
  // The field goes with the next render: wait for it rather than race it.
  await reason.waitFor({ state: 'detached' });
  assert.equal(await reason.count(), 0);
  await rescaled.filter({ hasText: '1 tiêu chí không áp dụng' }).waitFor();
  // Chosen again without a reason: the reason field says what is missing, once.
  await choice.check();
  await card.getByText('Đã chọn “không áp dụng”: hãy ghi lý do.').waitFor();
  assert.equal(await card.getByLabel(/^Lý do không áp dụng/).getAttribute('aria-invalid'), 'true');
  // Before the reason is written, the evidence is already for the reason (review 7, L7).
  assert.match(await card.textContent(), /Minh chứng cho lý do không áp dụng \(nếu có\)/);
  assert.doesNotMatch(await card.textContent(), /bắt buộc để được tính điểm/);
  await card.getByLabel(/^Lý do không áp dụng/).fill('Ban không tiếp nhận hồ sơ dịch vụ công trực tuyến');
  await rescaled.filter({ hasText: '2 tiêu chí không áp dụng' }).waitFor();
  assert.equal(await page.getByTestId('total').textContent(), vi(cli.total), 'back to the same total');

  // The print says it too.
  await page.getByRole('button', { name: 'Bản in' }).click();
  assert.match(await page.getByTestId('doc-rescaled').textContent(), /Quy đổi về thang 100 điểm/);
  // Not applicable is not zero: the maximum in brackets, “không tính”, no points (review M3).
  const row = page.locator('.doc-table tr.not-applicable').first();
  const cells = await row.locator('td').allTextContents();
  assert.match(cells[4], /^\(\d+\)không tính$/);
  assert.equal(cells[5], '—');
  assert.deepEqual(problems, []);
});
