// Shared set-up for the end-to-end tests: Debian's Chromium, headless, with a fresh profile.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BASE_URL = process.env.TDG_BASE_URL ?? 'http://127.0.0.1:8080/';
export const OUT = process.env.TDG_OUT ?? 'target/e2e';

/// `bypassCSP` only for tests that inject a checker script (the accessibility audit); `lang`
/// starts Chromium in that interface language (e.g. 'en-US'); `blockThirdPartyCookies` sets
/// the profile's "third-party cookies" setting (true: blocked, which also blocks the storage of
/// a cross-site frame; false: allowed, the frame's storage then partitioned by the top-level
/// site; unset: the browser's default), for the embedding test. Service workers are blocked
/// (the app then runs online only, as where they are unavailable) unless `serviceWorkers` is
/// 'allow' (tests/e2e/offline.test.mjs): requests a worker answers from its cache never reach
/// `page.route`, which other tests use to make files fail.
export async function openBrowser({ bypassCSP = false, lang, blockThirdPartyCookies, serviceWorkers = 'block' } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'tdg-e2e-'));
  if (blockThirdPartyCookies !== undefined) {
    mkdirSync(join(profile, 'Default'), { recursive: true });
    // cookie_controls_mode: 1 blocks third-party cookies, 0 allows them (as the settings page writes).
    const block = blockThirdPartyCookies === true;
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: block ? 1 : 0, block_third_party_cookies: block } }));
  }
  return chromium.launchPersistentContext(profile, {
    bypassCSP,
    serviceWorkers,
    ...(lang ? { locale: lang } : {}),
    executablePath: process.env.TDG_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...(lang ? [`--lang=${lang}`] : [])],
  });
}

/// Opens the app at `path` and fails the test on any console error or page error.
export async function openApp(context, { width = 1280, height = 900 } = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  // Nothing may leave the device: every request must go to the server that served the page.
  const origin = new URL(BASE_URL).origin;
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) {
      problems.push(`request to another origin: ${r.url()}`);
    }
  });
  await page.goto(BASE_URL);
  return { page, problems };
}

export async function screenshot(page, name) {
  mkdirSync(join(OUT, 'screenshots'), { recursive: true });
  const path = join(OUT, 'screenshots', `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
