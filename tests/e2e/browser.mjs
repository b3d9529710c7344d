// Shared set-up for the end-to-end tests: Debian's Chromium, headless, with a fresh profile.
import { after } from 'node:test';
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BASE_URL = process.env.TDG_BASE_URL ?? 'http://127.0.0.1:8080/';
export const OUT = process.env.TDG_OUT ?? 'target/e2e';
/// The longest a download may take. A key backup's download waits for Argon2 (64 MiB, 3
/// passes) and the office's workbook for its module: at load ~10 on 2 cores either went past
/// Playwright's 30 s default (the embed test's backup, the office's workbook).
export const SLOW = 90_000;

// The features Playwright 1.65.1 turns off in Chromium (its chromiumSwitches), less
// ThirdPartyStoragePartitioning: for `storagePartitioning`, the last --disable-features wins.
const PLAYWRIGHT_DISABLED_FEATURES_BUT_PARTITIONING = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
  'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin', 'OptimizationHints',
  'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch', 'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/// One Chromium per test file and interface language, started on first use: starting one
/// took 0.7–2.7 s of a loaded 2-core machine, and about 40 tests each started their own.
const shared = new Map();
function sharedBrowser(lang) {
  const key = lang ?? '';
  if (!shared.has(key)) {
    shared.set(key, chromium.launch({
      executablePath: process.env.TDG_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: [...ARGS, ...(lang ? [`--lang=${lang}`] : [])],
    }));
  }
  return shared.get(key);
}
/// Closes the shared browsers. An open browser keeps node's process from ending: a script that
/// is not a test file (the benches) calls this when it is done.
export async function closeBrowsers() {
  const browsers = await Promise.allSettled([...shared.values()]);
  shared.clear();
  await Promise.all(browsers.filter((b) => b.status === 'fulfilled').map((b) => b.value.close()));
}
// Registered on the file's root test: the shared browsers close after the file's last test.
// (Outside node's test runner the root test ends only when the process would exit, which an
// open browser prevents: hence `closeBrowsers`.)
after(closeBrowsers);

/// `bypassCSP` only for tests that inject a checker script (the accessibility audit); `lang`
/// starts Chromium in that interface language (e.g. 'en-US'); `blockThirdPartyCookies` sets
/// the profile's "third-party cookies" setting (true: blocked; false: allowed; unset: the
/// browser's default), for the embedding test. Service workers are blocked
/// (the app then runs online only, as where they are unavailable) unless `serviceWorkers` is
/// 'allow' (tests/e2e/offline.test.mjs): requests a worker answers from its cache never reach
/// `page.route`, which other tests use to make files fail.
///
/// Storage partitioning: Playwright turns Chromium's ThirdPartyStoragePartitioning off
/// (microsoft/playwright#32230), so by default a cross-site frame with third-party cookies
/// blocked has no storage at all, as in a browser whose policy turns partitioning off.
/// `storagePartitioning: true` keeps it on, as Chrome ships (since version 115): such a frame
/// then has storage of its own, partitioned by the top-level site. `profile` reopens a profile
/// a previous call made (`context.profileDir`); `storageAccessGrants` lists
/// `[embedded site, top-level site]` pairs written into it as the browser writes the user's
/// "Allow" on its storage-access prompt (a site-scoped content setting exception).
///
/// Without a profile setting (cookies, partitioning, grants, a profile to reopen) the context is
/// a new one in the file's shared browser: its storage, cache, service workers and downloads are
/// its own, as another computer's are, and nothing of it outlives `context.close()`. With one,
/// Chromium is started on a profile folder of its own (`context.profileDir`).
export async function openBrowser({ bypassCSP = false, lang, blockThirdPartyCookies, serviceWorkers = 'block', storagePartitioning = false, profile, storageAccessGrants = [] } = {}) {
  const profileSettings = blockThirdPartyCookies !== undefined || storagePartitioning || profile !== undefined || storageAccessGrants.length > 0;
  if (!profileSettings) {
    const browser = await sharedBrowser(lang);
    return browser.newContext({ bypassCSP, serviceWorkers, ...(lang ? { locale: lang } : {}) });
  }
  const dir = profile ?? mkdtempSync(join(tmpdir(), 'tdg-e2e-'));
  if (blockThirdPartyCookies !== undefined || storageAccessGrants.length > 0) {
    mkdirSync(join(dir, 'Default'), { recursive: true });
    const file = join(dir, 'Default', 'Preferences');
    const prefs = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    prefs.profile ??= {};
    if (blockThirdPartyCookies !== undefined) {
      // cookie_controls_mode: 1 blocks third-party cookies, 0 allows them (as the settings page writes).
      prefs.profile.cookie_controls_mode = blockThirdPartyCookies ? 1 : 0;
      prefs.profile.block_third_party_cookies = blockThirdPartyCookies;
    }
    for (const [embedded, top] of storageAccessGrants) {
      prefs.profile.content_settings ??= {};
      prefs.profile.content_settings.exceptions ??= {};
      prefs.profile.content_settings.exceptions.storage_access ??= {};
      prefs.profile.content_settings.exceptions.storage_access[`${embedded},${top}`] = {
        setting: 1, // allow
        last_modified: '13370000000000000',
        expiration: '0',
        model: 0,
      };
    }
    writeFileSync(file, JSON.stringify(prefs));
  }
  const context = await chromium.launchPersistentContext(dir, {
    bypassCSP,
    serviceWorkers,
    ...(lang ? { locale: lang } : {}),
    executablePath: process.env.TDG_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...ARGS,
      ...(lang ? [`--lang=${lang}`] : []),
      ...(storagePartitioning ? [`--disable-features=${PLAYWRIGHT_DISABLED_FEATURES_BUT_PARTITIONING.join(',')}`] : [])],
  });
  context.profileDir = dir;
  return context;
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
