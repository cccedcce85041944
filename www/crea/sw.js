// The builder's service worker (scope /crea/): the builder keeps working offline once loaded,
// reload included. Network first, so that an update is never hidden behind a stale copy; the
// cache only answers when the network does not. It caches the builder's own static files, the
// widget it previews, the WASM modules and the five template profiles: nothing the person
// writes (the profile stays in the page, or in localStorage if they choose).
const CACHE = 'banditore-crea-v1';
const FILES = [
  './', './index.html', './builder.js', './form.js', './fields.js', './traduzioni.js', './crea.css', './documento.css',
  '../demo.css', '../favicon.svg',
  '../pkg/banditore_builder/banditore_builder.js', '../pkg/banditore_builder/banditore_builder_bg.wasm',
  '../dist/banditore-iscrizione.js', '../dist/widget/widget.css', '../dist/pkg/banditore_widget/banditore_widget_bg.wasm',
  ...['concorezzo', 'seveso', 'leini', 'siracusa', 'sesto-calende'].map((id) => `/profiles/${id}.json`),
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    try {
      const res = await fetch(req);
      if (res.ok) {
        const copy = res.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(req, copy)));
      }
      return res;
    } catch (offline) {
      const cached = await caches.match(req, { ignoreSearch: true });
      if (cached) return cached;
      throw offline;
    }
  })());
});
