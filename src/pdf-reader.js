// Budget Lens PDF reader, the page's side: runs the PDF worker (src/pdf-worker.js, which runs the
// PDF engine, crates/disclosure-pdf-worker) and gives each PDF's answer back to the app
// (src/pdf.rs). Not part of the page's first load: src/boot.js imports this module when the
// first PDF is opened, and only then is the worker started and the engine (1.1 MB) fetched.
//
// read(bytes) resolves (never rejects) with the worker's answer: { text, pages, notesZh, notesEn,
// doc } or { code, zh, en } (see src/pdf-worker.js), or { failed } when the worker did not answer:
// "not-loaded" (its script or the engine did not load, or not within LOAD_MS), "crashed" (it
// died while reading: a panic aborts the engine), "timed-out" (a PDF took over READ_MS). The
// worker is then ended; the PDF it was reading gets `failed` (every PDF given to it, when the
// engine never loaded), and the others go to a new worker. The page never reads a PDF on its
// own thread, so it stays responsive throughout.
//
// A PDF read is kept here (its bytes, under `doc`, the last KEPT of them) so that the source view
// can ask for one of its pages as a picture: page(doc, n) resolves with { url, width, height,
// boxes } (url: the SVG as a data: URL), { code, ... } or { failed } as above ("gone" when the PDF is no longer kept).

// The longest one PDF may take once the engine has it. disclosure-pdf's limits (300 pages, a
// million glyphs) bound the work: the largest corpus PDF (3.7 MB, 25 pages) is read in under
// 0.2 s in Chromium (README "The PDF in the page"), so a file at the limits takes some seconds on
// a desktop; 30 s leaves a slow phone several times that. `?pdfms=` lowers it (tests).
const READ_MS = 30000;
// The longest the engine may take to arrive and start: 1.1 MB over the slow network of the
// first-load measurement (1.6 Mbit/s) takes about 6 s; 2 minutes allows a far worse connection
// and ends a download that has stalled.
const LOAD_MS = 120000;

const asked = Number(new URLSearchParams(location.search).get("pdfms"));
const readMs = asked > 0 ? Math.min(READ_MS, Math.max(100, asked)) : READ_MS;

// How many PDFs' bytes are kept for their pages' pictures (the newest).
const KEPT = 2;

let reader = null;
let lastId = 0;
const docs = new Map();

function start() {
  const worker = new Worker(new URL("pdf-worker.js", import.meta.url), { type: "module" });
  const r = { worker, ready: false, jobs: [], timer: 0 };
  worker.onmessage = ({ data }) => {
    if (reader !== r) return;
    if (data.ready) {
      r.ready = true;
    } else if ("failed" in data) {
      stop(r, "not-loaded");
    } else if (data.started) {
      arm(r, readMs, "timed-out");
    } else if ("crashed" in data) {
      stop(r, "crashed");
    } else if (r.jobs[0]?.id === data.id) {
      clearTimeout(r.timer);
      r.jobs.shift().resolve(data);
    }
  };
  worker.onerror = worker.onmessageerror = (event) => {
    event.preventDefault?.();
    stop(r, r.ready ? "crashed" : "not-loaded");
  };
  return r;
}

function arm(r, ms, why) {
  clearTimeout(r.timer);
  r.timer = setTimeout(() => stop(r, why), ms);
}

function stop(r, why) {
  if (reader !== r) return;
  reader = null;
  clearTimeout(r.timer);
  r.worker.terminate();
  const failed = why === "not-loaded" ? r.jobs.splice(0) : r.jobs.splice(0, 1);
  for (const job of failed) job.resolve({ failed: why });
  for (const job of r.jobs) send(job);
}

function send(job) {
  reader ??= start();
  if (!reader.ready && reader.jobs.length === 0) arm(reader, LOAD_MS, "not-loaded");
  reader.jobs.push(job);
  reader.worker.postMessage({ id: job.id, bytes: job.bytes, page: job.page });
}

/** Reads a PDF's bytes (a Uint8Array) in the worker. */
export function read(bytes) {
  const id = ++lastId;
  return new Promise((resolve) => send({ id, bytes, resolve })).then((answer) => {
    if (!("text" in answer)) return answer;
    docs.set(id, bytes);
    for (const old of docs.keys()) if (docs.size > KEPT) docs.delete(old);
    return { ...answer, doc: id };
  });
}

/** Draws page `n` (1-based) of the PDF read as `doc` in the worker. */
export function page(doc, n) {
  const bytes = docs.get(doc);
  if (!bytes) return Promise.resolve({ failed: "gone" });
  return new Promise((resolve) => send({ id: ++lastId, bytes, page: n, resolve })).then((answer) =>
    "svg" in answer
      ? {
          url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(answer.svg)}`,
          width: answer.width,
          height: answer.height,
          boxes: answer.boxes,
        }
      : answer,
  );
}
