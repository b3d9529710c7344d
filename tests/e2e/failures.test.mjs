// Bad conditions a person can meet: the catalog missing or broken on the server, and a browser
// whose storage is full. Each gets a clear message; nothing typed is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, BASE_URL } from './browser.mjs';

let context;
before(async () => { context = await openBrowser(); });
after(async () => { await context?.close(); });

test('a missing catalog file gets a clear message in both languages', async () => {
  const page = await context.newPage();
  await page.route('**/hp-175-kh-ubnd.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(BASE_URL);
  const alert = page.getByRole('alert').filter({ hasText: 'Không tải được danh mục tiêu chí' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /HTTP 404/);
  await page.close();
});

test('the catalog is asked for once, and a request the network refuses is said clearly', async () => {
  // index.html preloads the catalog and the app asks for it at start-up, before its first
  // render: both must be one request.
  let page = await context.newPage();
  const asked = [];
  page.on('request', (request) => { if (request.url().endsWith('/hp-175-kh-ubnd.json')) asked.push(request.url()); });
  await page.goto(BASE_URL);
  await page.getByLabel('Tên đơn vị').waitFor();
  assert.deepEqual(asked, [new URL('assets/catalogs/hp-175-kh-ubnd.json', BASE_URL).href]);
  await page.close();
  // The start-up request fails: the app says so with the browser's reason, and nothing is
  // thrown on the page.
  page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/hp-175-kh-ubnd.json', (route) => route.abort('failed'));
  await page.goto(BASE_URL);
  const alert = page.getByRole('alert').filter({ hasText: 'Không tải được danh mục tiêu chí' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /Failed to fetch|TypeError/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a broken catalog file is refused with every problem located', async () => {
  const page = await context.newPage();
  await page.route('**/hp-175-kh-ubnd.json', async (route) => {
    const original = await (await route.fetch()).json();
    original.tiers[2].criteria[0].maxPoints = 45000;
    original.tiers[2].criteria[1].measure.target = 20000;
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(original) });
  });
  await page.goto(BASE_URL);
  const alert = page.getByRole('alert').filter({ hasText: 'Không tải được danh mục tiêu chí' });
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /tiers\[2\]\.criteria: tổng điểm tối đa là 105 thay vì 100/);
  assert.match(text, /tiers\[2\]\.criteria\[1\]\.measure\.target: 20000 nằm ngoài khoảng cho phép/);
  assert.match(text, /maximum points add up to 105 instead of 100/);
  await page.close();
});

test('a catalog field of the wrong kind is located and said in each language', async () => {
  const page = await context.newPage();
  await page.route('**/hp-175-kh-ubnd.json', async (route) => {
    const original = await (await route.fetch()).json();
    original.tiers[2].criteria[0].maxPoints = '5';
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(original) });
  });
  await page.goto(BASE_URL);
  const alert = page.getByRole('alert').filter({ hasText: 'Không tải được danh mục tiêu chí' });
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /Tệp danh mục không đúng định dạng ở tiers\[2\]\.criteria\[0\]\.maxPoints: phải là số nguyên, viết không có dấu ngoặc kép\./);
  assert.match(text, /not in the catalog format at tiers\[2\]\.criteria\[0\]\.maxPoints: must be a whole number, written without quotes\./);
  // No reader's English inside the Vietnamese line (serde's "invalid type: string").
  assert.doesNotMatch(text, /invalid type/);
  await page.close();
});

test('a full storage quota is announced and what was typed stays on screen', async () => {
  const page = await context.newPage();
  await page.goto(BASE_URL);
  await page.getByLabel('Tên đơn vị').waitFor();
  // From now on the browser refuses to store anything, as a full quota does.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  await page.getByLabel('Tên đơn vị').fill('UBND xã Đầy Bộ Nhớ');
  const alert = page.getByRole('alert').filter({ hasText: 'Không lưu được bản nháp trên máy này' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /Xuất bản nháp/);
  assert.equal(await page.getByLabel('Tên đơn vị').inputValue(), 'UBND xã Đầy Bộ Nhớ');
  await page.close();
});
