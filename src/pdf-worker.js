// Budget Lens PDF worker: reads PDFs away from the page's main thread with the PDF engine
// (crates/disclosure-pdf-worker, built by Trunk as a file of its own and fetched only when the
// page starts this worker, i.e. when the first PDF is opened). src/pdf-reader.js starts it.
//
// Messages in:  { id, bytes }          a PDF's bytes (a Uint8Array)
//               { id, bytes, page }    the same, to draw page `page` (1-based) as a picture
// Messages out: { ready: true }        the engine is loaded (once)
//               { failed: String }     the engine did not load (once)
//               { id, started: true }  reading this PDF begins (the page times it from here)
//               { id, text, pages, notesZh, notesEn }   read
//               { id, code, zh, en }   not read: disclosure-pdf's error code and message
//               { id, svg, width, height, boxes }   a page drawn (crates/disclosure-pdf-worker)
//               { id, crashed }        the engine stopped (a panic aborts the wasm); this
//                                      worker is then useless and the page ends it
import init, { read_pdf, render_page } from "./disclosure-pdf-worker.js";

// The engine's hash, written here by the build (scripts/hash-later.mjs; empty: not checked).
const ENGINE_INTEGRITY = "";
const engineUrl = new URL("./disclosure-pdf-worker_bg.wasm", import.meta.url);

const engine = init({ module_or_path: fetch(engineUrl, { credentials: "same-origin", integrity: ENGINE_INTEGRITY }) }).then(
  () => (self.postMessage({ ready: true }), true),
  (err) => (self.postMessage({ failed: String(err) }), false),
);

self.onmessage = async ({ data: { id, bytes, page } }) => {
  if (!(await engine)) return;
  self.postMessage({ id, started: true });
  try {
    self.postMessage({ id, ...(page ? render_page(bytes, page) : read_pdf(bytes)) });
  } catch (err) {
    self.postMessage({ id, crashed: String(err) });
  }
};
