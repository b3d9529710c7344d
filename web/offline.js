// Registers the offline cache (sw.js, docs/offline.md) and tells the app when a new version
// is ready. Only over http(s): a page opened from file:// (the single file) has no service
// worker. Where service workers are missing or refused (an old browser, a cross-site iframe
// without storage, a private window), the app works as before, online only: every failure
// here is caught and only logged as a warning.
//
// The app reads `globalThis.tdgOffline`:
//   updateReady: true once a new version is installed and waiting,
//   applyUpdate(): activates the waiting version; the page then reloads on it,
//   unavailable: why there is no offline cache (absent while it is being set up or works),
//   embeddedOffline: true when the page is in a frame over http(s) and has no offline cache
//     (embedded cross-site, the browser refuses it): offline use needs the tool's own tab,
// and listens for the window events 'tdg-update-ready' and 'tdg-embedded-offline'.
const state = { updateReady: false, applyUpdate };
globalThis.tdgOffline = state;

let waiting = null;

function ready(worker) {
  waiting = worker;
  state.updateReady = true;
  window.dispatchEvent(new Event('tdg-update-ready'));
}

function applyUpdate() {
  if (waiting) waiting.postMessage('tdg-skip-waiting');
  else location.reload();
}

async function register() {
  const container = navigator.serviceWorker;
  // Was this page served by an earlier version? Then a change of controller means the user
  // asked for the new version: reload onto it, so no page runs two versions' files. On the
  // very first visit the worker takes over the page it was installed from (same version):
  // nothing to reload.
  const hadController = Boolean(container.controller);
  container.addEventListener('controllerchange', () => {
    if (hadController) location.reload();
  });
  const registration = await container.register(new URL('sw.js', import.meta.url), { updateViaCache: 'none' });
  const watch = (worker) => {
    if (!worker) return;
    const check = () => {
      if (worker.state === 'installed' && container.controller) ready(worker);
    };
    worker.addEventListener('statechange', check);
    check();
  };
  watch(registration.waiting);
  registration.addEventListener('updatefound', () => watch(registration.installing));
  // Look for a new deployment at each start (the browser also does on navigations).
  if (hadController) registration.update().catch(() => {});
}

function framed() {
  try {
    return window.top !== window.self;
  } catch {
    return true;
  }
}

const web = /^https?:$/.test(location.protocol);
const unavailable = (error) => {
  state.unavailable = String(error);
  console.warn('offline cache unavailable:', state.unavailable);
  if (web && framed()) {
    state.embeddedOffline = true;
    window.dispatchEvent(new Event('tdg-embedded-offline'));
  }
};
try {
  // navigator.serviceWorker itself throws in some sandboxed frames.
  if (!web) state.unavailable = 'no service worker on a file:// page';
  else if (navigator.serviceWorker) register().catch(unavailable);
  else unavailable('no service worker here');
} catch (error) {
  unavailable(error);
}
