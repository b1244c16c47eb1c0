// Starts the WebAssembly app without any inline script (see the CSP note in index.html).
// Trunk writes the hashed file names into <meta name="budget-lens:js|wasm"> (Trunk.toml,
// `pattern_script`); this module, itself hashed and integrity-checked, loads them. Then it
// registers the service worker that lets the page open offline (src/sw.js).
const path = (name) => document.querySelector(`meta[name="budget-lens:${name}"]`)?.content;

const js = path("js");
const wasm = path("wasm");
if (!js || !wasm) {
  throw new Error("Budget Lens: the page does not name its .js/.wasm files (check Trunk.toml)");
}

// The .wasm, compiled as it arrives and run only if it has the integrity hash Trunk made for it
// (scripts/hash-later.mjs moves it from the preload link to data-integrity: a fetch that carries
// the hash gets the wasm only once all of it is in, too late to compile it on the way). The
// preloaded response is reused, not fetched twice. Where the page has no WebCrypto (plain http
// on another host than this one), the browser checks the hash on the fetch instead.
const preload = document.querySelector(`link[rel="preload"][href="${wasm}"]`);
const integrity = preload?.dataset.integrity ?? preload?.integrity ?? "";

/** The module of `url`, compiled while it downloads, or an error if its bytes are not the ones
 * `integrity` ("sha384-<base64>") names. */
async function checkedModule(url, integrity) {
  const [, algorithm, want] = /^sha(256|384|512)-(\S+)$/.exec(integrity) ?? [];
  if (!want || !self.crypto?.subtle || !WebAssembly.compileStreaming) {
    return fetch(url, { credentials: "same-origin", integrity });
  }
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const [toCompile, toHash] = response.body.tee();
  const compiled = WebAssembly.compileStreaming(new Response(toCompile, { headers: { "Content-Type": "application/wasm" } }));
  const digest = await crypto.subtle.digest(`SHA-${algorithm}`, await new Response(toHash).arrayBuffer());
  const got = btoa(String.fromCharCode(...new Uint8Array(digest)));
  if (got !== want) {
    compiled.catch(() => {});
    throw new Error(`${url}: its content does not match its integrity hash; not run`);
  }
  return compiled;
}
const module = checkedModule(wasm, integrity);
// Its failure is reported once, where the app's start awaits it (below): without this, a hash
// that fails before the glue's import is in was also an unhandled rejection, a second error.
module.catch(() => {});

// src/pdf-reader.js reads PDFs, imported when the app opens the first one (src/pdf.rs).
const pdfReader = document.querySelector('meta[name="budget-lens:pdf"]')?.dataset.later?.trim().split(/\s+/)[0];
if (pdfReader) {
  const reader = () => import(new URL(pdfReader, document.baseURI));
  self.budgetLensReadPdf = (bytes) => reader().then((m) => m.read(bytes));
  // A page of a PDF read, as a picture for the source view.
  self.budgetLensPdfPage = (doc, n) => reader().then((m) => m.page(doc, n));
}

// Until the app starts, the note under the shell's text box (index.html) says whether a text
// is waiting for it. (The app adopts the text itself: src/shell.rs.)
const shellInput = document.getElementById("shell-input");
const shellNote = document.getElementById("shell-note");
const noteWaiting = () => {
  if (shellInput?.value.trim() && shellNote) {
    shellNote.textContent = "已收到文本，核对程序载入后立即核对。";
  }
};
shellInput?.addEventListener("input", noteWaiting);
noteWaiting();

try {
  const { default: init } = await import(js);
  await init({ module_or_path: module });
} catch (err) {
  if (shellNote) {
    shellNote.textContent = "核对程序未能载入，请刷新页面重试。";
    shellNote.parentElement?.querySelector("progress")?.remove();
  }
  throw err;
}

// Offline support: only over http(s), where service workers exist. The PDF reader's files are
// kept only when asked, 10 s after the service worker is ready, when idle (src/sw.js).
const sw = path("sw");
if (sw && "serviceWorker" in navigator && location.protocol.startsWith("http")) {
  navigator.serviceWorker
    .register(new URL(sw, document.baseURI), { scope: "./" })
    .then(() => navigator.serviceWorker.ready)
    .then((r) => setTimeout(() => (self.requestIdleCallback ?? setTimeout)(() => r.active?.postMessage("precache-pdf")), 10000))
    .catch((err) => {
      console.warn(`Budget Lens: offline copy unavailable (${err})`);
    });
}
