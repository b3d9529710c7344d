// The ready figure's probe and set-up, shared by `browser.mjs` (`cargo xtask bench`) and
// `ready-ab.mjs` (two builds side by side), so that both time the same thing.

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
