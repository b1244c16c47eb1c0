// Budget Lens service worker: keeps a copy of the app's own files (index.html and the files it
// names: .js/.wasm/.css, the analysis worker, the example) so that after a first visit the page
// opens and works with the server gone. Registered by src/boot.js; it caches nothing but this origin's GET
// requests and never sees the user's text, which stays in the page.
//
// Network first: while the server answers, every request goes to it and the copy is refreshed;
// when it does not, the copy answers. Files that index.html no longer names are dropped.
//
// The PDF reader's files (index.html's data-later: src/pdf-reader.js, the PDF worker and its
// 1.1 MB engine) are not stored at install, which follows the app's start (src/boot.js) while
// a text pasted at first paint may still be analysed on a slow connection: boot.js asks for them
// ("precache-pdf") 10 s after this worker is ready, when the browser is idle, by when such a
// paste has long had its findings (3.5 s on the first-load measurement's 1.6 Mbit/s), so the
// engine does not compete with the page's own first load. From then on they are kept like the
// others. So are the kiosk's library (its index, data-later too, and the documents it lists).
const CACHE = "budget-lens";
const INDEX = new URL("./", self.registration.scope).href;

/** This origin's URL of `url`, absolute, or nothing. */
function ours(url) {
  const absolute = new URL(url, INDEX);
  return absolute.origin === self.location.origin ? absolute.href : null;
}

/** The files the page given by `html` needs at once (`now`) and those kept for later (`later`:
 * the PDF reader's), as absolute URLs. */
function filesOf(html) {
  const now = new Set([INDEX]);
  const later = new Set();
  // Attribute values with or without quotes (Trunk's release build minifies index.html).
  for (const [, , url] of html.matchAll(/(?:href|src|content)=("?)([^"\s>]+\.(?:js|wasm|css|txt))\1/g)) {
    if (ours(url)) now.add(ours(url));
  }
  // (Unquoted, a value ends at the first space: the minifier writes a one-file list so.)
  for (const [, quoted, bare] of html.matchAll(/data-later=(?:"([^"]*)"|([^\s">]+))/g)) {
    for (const url of (quoted ?? bare).trim().split(/\s+/)) if (ours(url)) later.add(ours(url));
  }
  return { now, later };
}

/** The documents a library index (`url`, scripts/library.mjs) lists, as absolute URLs: read from
 * the copy kept, or fetched when `fetchIt`. None when there is no index. */
async function libraryFiles(url, cache, fetchIt) {
  try {
    const response = (await cache.match(url)) ?? (fetchIt ? await fetch(url) : null);
    if (!response?.ok) return [];
    // A line per document after the header; its fifth field is its copy's name, if it has one.
    const lines = (await response.text()).split("\n").slice(1);
    return lines.map((l) => l.split("\t")[4]).filter(Boolean).map((f) => ours(new URL(f, url).href)).filter(Boolean);
  } catch {
    return [];
  }
}

/** Stores index.html (from `response`) and every file it names for now (and those for later
 * when `withLater`, or when a copy of them is kept already); forgets the rest. */
async function store(response, withLater = false) {
  const html = await response.clone().text();
  const cache = await caches.open(CACHE);
  await cache.put(INDEX, response);
  const { now, later } = filesOf(html);
  // A later file that is a library's index brings the documents it lists.
  for (const url of [...later]) {
    if (!url.endsWith("/library/index.tsv")) continue;
    for (const file of await libraryFiles(url, cache, withLater)) later.add(file);
  }
  for (const url of now) {
    if (url !== INDEX && !(await cache.match(url))) await cache.add(url);
  }
  if (withLater) {
    for (const url of later) if (!(await cache.match(url))) await cache.add(url);
  }
  for (const request of await cache.keys()) {
    if (!now.has(request.url) && !later.has(request.url)) await cache.delete(request);
  }
}

// The page has settled (src/boot.js): keep a copy of the PDF reader too.
self.addEventListener("message", (event) => {
  if (event.data !== "precache-pdf") return;
  event.waitUntil(
    caches
      .match(INDEX)
      .then((copy) => copy && store(copy, true))
      .catch((err) => console.warn(`Budget Lens: the PDF reader was not kept offline (${err})`)),
  );
});

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
