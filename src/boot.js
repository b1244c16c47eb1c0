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

// Fetch the .wasm with the integrity hash Trunk put on its preload link, so the module is checked
// like the scripts are (and the preloaded response is reused rather than fetched twice).
const preload = document.querySelector(`link[rel="preload"][href="${wasm}"]`);
const response = fetch(wasm, {
  credentials: "same-origin",
  integrity: preload?.integrity ?? "",
});

// src/pdf-reader.js reads PDFs, imported when the app opens the first one (src/pdf.rs).
const pdfReader = document.querySelector('meta[name="budget-lens:pdf"]')?.dataset.later?.trim().split(/\s+/)[0];
if (pdfReader) {
  self.budgetLensReadPdf = (bytes) => import(new URL(pdfReader, document.baseURI)).then((m) => m.read(bytes));
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
  await init({ module_or_path: response });
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
