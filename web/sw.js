// The offline cache (docs/offline.md). `cargo xtask dist` replaces the two placeholders below
// with the deployment's version (a hash of every shipped file's bytes) and the list of those
// files, so a new deployment is a new sw.js, which the browser notices by itself.
//
// - install: every file of this version goes into one cache named after the version; if one
//   file fails, the install fails and the old version stays in charge (cache.addAll is
//   all-or-nothing).
// - fetch: a listed file is answered from this version's cache only (never another version's,
//   so the files of two versions are never mixed), the network only if the cache lost it.
//   Files beside index.html that an administrator edits in place (*.json at the top, such as
//   a portal's configuration) are not listed: network first, the last copy when offline.
// - activate (after the user pressed "Tải lại" on the new-version notice, or once every tab
//   of the old version is closed): the other versions' caches are deleted. The new cache is
//   complete by then, because activation follows a successful install.
const VERSION = '__TDG_VERSION__';
const FILES = ['__TDG_FILES__'];
const CACHE = `tdg-${VERSION}`;
const EDITED = 'tdg-edited-in-place';

const scope = () => self.registration.scope;
const listed = new Set(FILES.map((f) => new URL(f, scope()).href));

// The portal's configuration, edited in place: kept too, so that the first start offline finds
// it (the page fetched it before this worker controlled it). Best effort: a deployment without
// one, or a failed fetch, does not fail the install.
const EDITED_AT_INSTALL = ['embed.json'];

self.addEventListener('install', (event) => {
  event.waitUntil(Promise.all([
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(new URL(f, scope()), { cache: 'reload' })))),
    caches.open(EDITED).then((cache) => Promise.all(EDITED_AT_INSTALL.map((f) =>
      cache.add(new Request(new URL(f, scope()), { cache: 'reload' })).catch(() => {})))),
  ]));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('tdg-') && name !== CACHE && name !== EDITED) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The page's "Tải lại / Reload" button on the new-version notice.
self.addEventListener('message', (event) => {
  if (event.data === 'tdg-skip-waiting') self.skipWaiting();
});

/// The listed URL a request stands for: query and fragment dropped (deep links such as
/// ?tier=…, the signing module's ?instance=N), and the scope itself is index.html.
function listedUrl(request) {
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (url.href === scope()) return new URL('index.html', scope()).href;
  return url.href;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope())) return;
  const url = listedUrl(request);
  if (listed.has(url)) {
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      return (await cache.match(url)) ?? fetch(request);
    })());
  } else if (/^[^/]+\.json$/.test(url.slice(scope().length))) {
    event.respondWith((async () => {
      const cache = await caches.open(EDITED);
      try {
        const response = await fetch(request);
        if (response.ok) await cache.put(url, response.clone());
        return response;
      } catch (error) {
        const kept = await cache.match(url);
        if (kept) return kept;
        throw error;
      }
    })());
  }
});
