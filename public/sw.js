// Cocrea's service worker: keeps the facilitators' capture screen (/t/<code>) usable without network.
// The page tells it which URLs make up the screen (the page and its /build assets); it caches them and
// answers from the cache when the network is gone. Captures themselves live in the page's outbox
// (localStorage), never here: POSTs and the API always go to the network.
const CACHE = "cocrea-capture-v1";
const NAVIGATION_TIMEOUT_MS = 4000;

const isCapturePage = (url) => /^\/t\/[^/]+\/?$/.test(url.pathname);
const isBuildAsset = (url) => url.pathname.startsWith("/build/");
const isStylesheet = (url) => url.pathname === "/styles.css";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("cocrea-") && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "cache-urls" || !Array.isArray(data.urls)) return;
  const reply = event.ports && event.ports[0];
  event.waitUntil(
    cacheUrls(data.urls).then(
      (count) => reply && reply.postMessage({ ok: true, count }),
      () => reply && reply.postMessage({ ok: false }),
    ),
  );
});

async function cacheUrls(urls) {
  const cache = await caches.open(CACHE);
  let count = 0;
  for (const raw of urls) {
    const url = new URL(raw, self.location.origin);
    if (url.origin !== self.location.origin) continue;
    try {
      if (isCapturePage(url)) {
        // Always refreshed: the cached page carries the table's latest list.
        const res = await fetch(url.pathname, { credentials: "same-origin" });
        if (res.ok && !res.redirected) await cache.put(url.pathname, res);
      } else if (isBuildAsset(url) || isStylesheet(url)) {
        if (!(await cache.match(url.href))) {
          const res = await fetch(url.href);
          if (res.ok) await cache.put(url.href, res);
        }
      } else {
        continue;
      }
      count++;
    } catch {
      // Offline while caching: the next visit completes it.
    }
  }
  return count;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && isCapturePage(url)) event.respondWith(pageNetworkFirst(request, url.pathname));
  else if (isBuildAsset(url)) event.respondWith(assetCacheFirst(request));
  else if (isStylesheet(url)) event.respondWith(staleWhileRevalidate(request));
});

/** The network's page when it answers in time (and it refreshes the cache); otherwise the cached one. */
async function pageNetworkFirst(request, key) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then((res) => {
    if (res.ok && !res.redirected) cache.put(key, res.clone());
    return res;
  });
  network.catch(() => {});
  const cached = await cache.match(key);
  if (!cached) return network;
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), NAVIGATION_TIMEOUT_MS));
  try {
    return (await Promise.race([network, timeout])) || cached;
  } catch {
    return cached;
  }
}

/** Build assets have content hashes in their names: a cached copy is always right. */
async function assetCacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request.url);
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) cache.put(request.url, res.clone());
  return res;
}

async function staleWhileRevalidate(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request.url);
  const network = fetch(request)
    .then((res) => {
      if (res.ok) cache.put(request.url, res.clone());
      return res;
    })
    .catch(() => cached);
  return cached || network;
}
