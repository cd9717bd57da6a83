const BUILD = '__LOUPE_BUILD__', PRECACHE = __LOUPE_PRECACHE__;
// Loupe's service worker: precaches one build (the list is written by the site builder: `loupe
// build`, or Trunk's post_build hook), serves it offline, and never mixes two builds. A new build
// waits until the page asks it to take over ("new version available — reload"). The first line
// is the build's data, which the builder writes; it minifies the rest.
const CACHE = `loupe-${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('loupe-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'loupe:skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  if (request.mode === 'navigate') {
    // Every navigation inside the scope gets this build's page shell.
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(new URL('index.html', scope).href)).then((hit) => hit || fetch(request)));
    return;
  }
  // Build outputs are hashed or versioned with the build: cache first, network as a fallback.
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })).then((hit) => hit || fetch(request)));
});
