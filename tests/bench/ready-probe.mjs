// The ready figure's probe and set-up, shared by `browser.mjs` (`cargo xtask bench`) and
// `ready-ab.mjs` (two builds side by side), so that both time the same thing the same way.

/// Installed before the page's own scripts: times WebAssembly's compile and instantiation, and
/// as soon as the last criterion with a number input is on screen, types a digit into it (as
/// a key press arrives: in a task of its own) and notes when the total changes.
export function probe() {
  const bench = (globalThis.__tdgBench = { wasm: [] });
  for (const name of ['instantiateStreaming', 'instantiate', 'compileStreaming', 'compile']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (...args) {
      const record = { name, start: performance.now() };
      bench.wasm.push(record);
      return original.apply(this, args).then((result) => { record.end = performance.now(); return result; });
    };
  }
  const lastInput = () => {
    const cards = [...document.querySelectorAll('.criteria article.criterion')].filter((a) => a.querySelector('.inputs input[inputmode=numeric]'));
    return cards.length ? cards[cards.length - 1].querySelector('.inputs input[inputmode=numeric]') : null;
  };
  const totalText = () => document.querySelector('[data-testid=total]')?.textContent;
  bench.ready = new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      const input = lastInput();
      const before = totalText();
      if (!input || before === undefined) return;
      watch.disconnect();
      const shown = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const changed = new MutationObserver(() => {
          if (totalText() === before) return;
          changed.disconnect();
          resolve({ shown, typed, updated: performance.now() });
        });
        changed.observe(document.body, { subtree: true, childList: true, characterData: true });
        const typed = performance.now();
        input.value = input.value === '1' ? '2' : '1';
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: input.value }));
      };
      channel.port2.postMessage(0);
    });
    watch.observe(document, { subtree: true, childList: true });
  });
}

/// Opens the department sample once at `site`, so the form is restored from storage on every
/// reload.
export async function openDepartmentSample(context, site) {
  const page = await context.newPage();
  await page.goto(site);
  await page.getByLabel('Chọn đơn vị mẫu').selectOption('so-nganh');
  await page.getByRole('button', { name: 'Mở đơn vị mẫu' }).click();
  await page.getByTestId('total').waitFor();
  await page.close();
}

/// A DevTools session on `page` with nothing cached or pre-rendered counting (every byte comes
/// from the server on every run) and the CPU throttled `rate` times.
export async function cdpFor(context, page, rate) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

/// The median of `xs` (NaN when there are none).
export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
