// Compares the ready figure of two or more builds of the site, alternating them run after run
// in one browser so that the shared machine's slow and fast moments fall on each alike (a
// bench run of one build swings by as much as a change is worth). The probe is the bench's
// (browser.mjs): the department sample restored from storage, the HTTP cache disabled, a new
// page per run; ready is when a digit typed into the last criterion's input changes the total.
//
//   python3 -m http.server 8951 --directory /tmp/dist-before &
//   python3 -m http.server 8952 --directory dist &
//   TDG_AB_RATE=4 TDG_AB_RUNS=21 node tests/bench/ready-ab.mjs http://127.0.0.1:8951/ http://127.0.0.1:8952/
//
// TDG_AB_RATE: CPU throttling (default 1); TDG_AB_RUNS: runs per site (default 21);
// TDG_AB_LATENCY_MS: a round trip added to every request (default none).
//
// Prints each site's median, minimum and every run. Judges nothing.
import { closeBrowsers, openBrowser } from '../e2e/browser.mjs';

const SITES = process.argv.slice(2);
const RATE = Number(process.env.TDG_AB_RATE ?? 1);
const RUNS = Number(process.env.TDG_AB_RUNS ?? 21);
/// A round trip added to every request (DevTools' network emulation), as on a slow connection.
const LATENCY = Number(process.env.TDG_AB_LATENCY_MS ?? 0);
if (SITES.length < 2) {
  console.error('usage: node tests/bench/ready-ab.mjs URL URL [URL...]');
  process.exit(2);
}

/// Installed before the page's scripts: resolves `__ready` with the time the total changed
/// after a digit typed into the last criterion's number input, as soon as that input exists.
function probe() {
  const lastInput = () => {
    const cards = [...document.querySelectorAll('.criteria article.criterion')].filter((a) => a.querySelector('.inputs input[inputmode=numeric]'));
    return cards.length ? cards[cards.length - 1].querySelector('.inputs input[inputmode=numeric]') : null;
  };
  const totalText = () => document.querySelector('[data-testid=total]')?.textContent;
  globalThis.__ready = new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      const input = lastInput();
      const before = totalText();
      if (!input || before === undefined) return;
      watch.disconnect();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const changed = new MutationObserver(() => {
          if (totalText() === before) return;
          changed.disconnect();
          resolve(performance.now());
        });
        changed.observe(document.body, { subtree: true, childList: true, characterData: true });
        input.value = input.value === '1' ? '2' : '1';
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: input.value }));
      };
      channel.port2.postMessage(0);
    });
    watch.observe(document, { subtree: true, childList: true });
  });
}

// One context per site, each with the department sample opened once (so reloads restore it).
const contexts = [];
for (const site of SITES) {
  const context = await openBrowser();
  const page = await context.newPage();
  await page.goto(site);
  await page.getByLabel('Chọn đơn vị mẫu').selectOption('so-nganh');
  await page.getByRole('button', { name: 'Mở đơn vị mẫu' }).click();
  await page.getByTestId('total').waitFor();
  await page.close();
  contexts.push(context);
}
const results = SITES.map(() => []);
for (let i = 0; i < RUNS; i++) {
  for (let s = 0; s < SITES.length; s++) {
    const page = await contexts[s].newPage();
    const cdp = await contexts[s].newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.setBypassServiceWorker', { bypass: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    if (LATENCY > 0) {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY, downloadThroughput: -1, uploadThroughput: -1 });
    }
    await page.addInitScript(probe);
    await page.goto(SITES[s], { waitUntil: 'commit' });
    results[s].push(await page.evaluate(() => globalThis.__ready));
    await page.close();
  }
}
const median = (xs) => {
  const sorted = xs.slice().sort((a, b) => a - b);
  const m = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
};
SITES.forEach((site, s) => {
  const runs = results[s];
  console.log(`${site} ${RATE}×${LATENCY ? `, +${LATENCY} ms a request` : ''}: ready median ${median(runs).toFixed(0)} ms, min ${Math.min(...runs).toFixed(0)} ms; runs ${runs.map((x) => x.toFixed(0)).join(' ')}`);
});
for (const context of contexts) await context.close();
await closeBrowsers();
