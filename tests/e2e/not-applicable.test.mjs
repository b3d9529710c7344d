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
  const today = new Date().toISOString().slice(0, 10);
  const cli = JSON.parse(execFileSync(TDG, ['score', '--json', '--catalog', CATALOG, '--submitted', today, SAMPLE], { encoding: 'utf8' })).assessment;
  assert.ok(cli.rescaled, 'the sample rescales');
  const { page, problems } = await openApp(context);
  await page.getByLabel('Chọn đơn vị mẫu').selectOption('so-nganh-khong-ap-dung');
  await page.getByRole('button', { name: 'Mở đơn vị mẫu' }).click();
  await page.getByRole('heading', { name: 'Kết quả tự chấm' }).waitFor();
  assert.equal(await page.getByTestId('total').textContent(), vi(cli.total));
  const rescaled = page.getByTestId('rescaled');
  assert.match(await rescaled.textContent(), new RegExp(`Quy đổi trên ${vi(cli.rescaled.applicableMax)}/100 điểm áp dụng \\(2 tiêu chí không áp dụng\\)`));
  assert.match(await page.getByTestId('band-caveat').textContent(), /không thay thế đánh giá, xếp loại chất lượng/);

  // The choice is a labelled checkbox; chosen, the figures give way to the reason.
  const card = page.locator('[id="c-sn.dinh-danh"]');
  const choice = card.getByLabel(/Tiêu chí này không áp dụng với đơn vị/);
  assert.ok(await choice.isChecked());
  const reason = card.getByLabel(/^Lý do không áp dụng/);
  assert.equal(await reason.inputValue(), 'Ban không tiếp nhận hồ sơ dịch vụ công trực tuyến');
  // Withdrawn: the criterion counts again, and the rescaling names one criterion.
  await choice.uncheck();
  assert.equal(await reason.count(), 0);
  await rescaled.filter({ hasText: '1 tiêu chí không áp dụng' }).waitFor();
  // Chosen again without a reason: the reason field says what is missing, once.
  await choice.check();
  await card.getByText('Đã chọn “không áp dụng”: hãy ghi lý do.').waitFor();
  assert.equal(await card.getByLabel(/^Lý do không áp dụng/).getAttribute('aria-invalid'), 'true');
  await card.getByLabel(/^Lý do không áp dụng/).fill('Ban không tiếp nhận hồ sơ dịch vụ công trực tuyến');
  await rescaled.filter({ hasText: '2 tiêu chí không áp dụng' }).waitFor();
  assert.equal(await page.getByTestId('total').textContent(), vi(cli.total), 'back to the same total');

  // The print says it too.
  await page.getByRole('button', { name: 'Bản in' }).click();
  assert.match(await page.getByTestId('doc-rescaled').textContent(), /Quy đổi trên/);
  assert.deepEqual(problems, []);
});
