// Budget Lens service worker: keeps a copy of the app's own files (index.html and the files it
// names: .js/.wasm/.css, the analysis worker, the example) so that after a first visit the page
// opens and works with the server gone. Registered by src/boot.js; it caches nothing but this origin's GET
// requests and never sees the user's text, which stays in the page.
//
// Network first: while the server answers, every request goes to it and the copy is refreshed;
// when it does not, the copy answers. Files that index.html no longer names are dropped.
const CACHE = "budget-lens";
const INDEX = new URL("./", self.registration.scope).href;

/** The files the page given by `html` needs, as absolute URLs. */
function filesOf(html) {
  const files = new Set([INDEX]);
  // Attribute values with or without quotes (Trunk's release build minifies index.html).
  for (const [, , url] of html.matchAll(/(?:href|src|content)=("?)([^"\s>]+\.(?:js|wasm|css|txt))\1/g)) {
    const absolute = new URL(url, INDEX);
    if (absolute.origin === self.location.origin) files.add(absolute.href);
  }
  return files;
}

/** Stores index.html (from `response`) and every file it names; forgets the rest. */
async function store(response) {
  const html = await response.clone().text();
  const cache = await caches.open(CACHE);
  await cache.put(INDEX, response);
  const files = filesOf(html);
  for (const url of files) {
    if (url !== INDEX && !(await cache.match(url))) await cache.add(url);
  }
  for (const request of await cache.keys()) {
    if (!files.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    fetch(INDEX, { cache: "no-cache" })
      .then((response) => {
        if (!response.ok) throw new Error(`index.html: HTTP ${response.status}`);
        return store(response);
      })
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;

  if (request.mode === "navigate") {
    const isIndex = url.pathname === new URL(INDEX).pathname;
    event.respondWith(
      fetch(request).then(
        (response) => {
          if (isIndex && response.ok) event.waitUntil(store(response.clone()).catch(() => {}));
          return response;
        },
        async () => (await caches.match(isIndex ? INDEX : request)) ?? Response.error(),
      ),
    );
    return;
  }

  event.respondWith(
    fetch(request).then(
      (response) => {
        if (response.ok && response.type === "basic") {
          const copy = response.clone();
          event.waitUntil(
            caches.open(CACHE).then(async (cache) => {
              if (await cache.match(request, { ignoreSearch: true })) await cache.put(request, copy);
            }),
          );
        }
        return response;
      },
      async () => (await caches.match(request, { ignoreSearch: true })) ?? Response.error(),
    ),
  );
});
