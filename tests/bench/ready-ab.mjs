// Compares the ready figure of two or more builds of the site, alternating them run after run
// in one browser so that the shared machine's slow and fast moments fall on each alike (a
// bench run of one build swings by as much as a change is worth). The probe is the bench's
// (ready-probe.mjs): the department sample restored from storage, the HTTP cache disabled, a new
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
import { cdpFor, median, openDepartmentSample, probe } from './ready-probe.mjs';

const SITES = process.argv.slice(2);
const RATE = Number(process.env.TDG_AB_RATE ?? 1);
const RUNS = Number(process.env.TDG_AB_RUNS ?? 21);
/// A round trip added to every request (DevTools' network emulation), as on a slow connection.
const LATENCY = Number(process.env.TDG_AB_LATENCY_MS ?? 0);
if (SITES.length < 2) {
  console.error('usage: node tests/bench/ready-ab.mjs URL URL [URL...]');
  process.exit(2);
}

// One context per site, each with the department sample opened once (so reloads restore it).
const contexts = [];
for (const site of SITES) {
  const context = await openBrowser();
  await openDepartmentSample(context, site);
  contexts.push(context);
}
const results = SITES.map(() => []);
for (let i = 0; i < RUNS; i++) {
  for (let s = 0; s < SITES.length; s++) {
    const page = await contexts[s].newPage();
    const cdp = await cdpFor(contexts[s], page, RATE);
    if (LATENCY > 0) {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY, downloadThroughput: -1, uploadThroughput: -1 });
    }
    await page.addInitScript(probe);
    await page.goto(SITES[s], { waitUntil: 'commit' });
    results[s].push(await page.evaluate(() => globalThis.__tdgBench.ready.then((r) => r.updated)));
    await page.close();
  }
}
SITES.forEach((site, s) => {
  const runs = results[s];
  console.log(`${site} ${RATE}×${LATENCY ? `, +${LATENCY} ms a request` : ''}: ready median ${median(runs).toFixed(0)} ms, min ${Math.min(...runs).toFixed(0)} ms; runs ${runs.map((x) => x.toFixed(0)).join(' ')}`);
});
for (const context of contexts) await context.close();
await closeBrowsers();
