// Benchmark: a PDF opened → its findings drawn, in headless Chromium, for each corpus PDF
// (fixtures/corpus/*/document.pdf), with the PDF engine already loaded (the page reads one small
// PDF first). Not part of `make test`; `make bench` runs it (scripts/bench-report.py).
//
//   node scripts/bench-pdf.mjs [RUNS]   (after `make build`; default 5 runs per PDF)
//
// Measured on the page's clock from the file input's change event (the moment the page is given
// the file) until the findings of that PDF are in the page and the next frame has been laid out
// and painted (as scripts/bench-page.mjs). Prints per PDF the median, minimum and maximum, and
// the median time until its text was in (the read in the PDF worker, with the file read and the
// messages; the rest is the analysis and rendering).
// Environment: DIST (default dist), CHROMIUM (default /usr/bin/chromium).
import { readFile, readdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { launch, median } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = process.env.DIST ?? join(root, "dist");
const runs = Number(process.argv[2] ?? 5);
const corpus = join(root, "fixtures", "corpus");
const pdfs = [];
for (const id of (await readdir(corpus)).sort()) {
  const path = join(corpus, id, "document.pdf");
  if (await stat(path).then(() => true, () => false)) pdfs.push([id, path]);
}

/** Start the clock when the page is given a file; resolve when findings are drawn. */
function arm(page) {
  return page.evaluate(() => {
    window.__pdf = new Promise((resolve) => {
      const input = document.querySelector('[data-testid="file-input"]');
      input.addEventListener(
        "change",
        () => {
          const started = performance.now();
          let read;
          const observer = new MutationObserver(() => {
            if (read === undefined && document.querySelector('[data-testid="notice"][data-kind="loaded"]')) {
              read = performance.now() - started;
            }
            const done =
              read !== undefined &&
              document.querySelector('[data-testid="finding"]') &&
              document.querySelector('[data-testid="analysis-status"][data-state="done"]');
            if (!done) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve({ total: performance.now() - started, read })));
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        },
        { once: true, capture: true },
      );
    });
  });
}

const server = await serve(dist);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('html[data-warm="done"]');
  // Load the engine: one small PDF first.
  await page.setInputFiles('[data-testid="file-input"]', join(root, "fixtures", "pdf", "gbk-euc-h.pdf"));
  await page.waitForSelector('[data-testid="notice"][data-kind="loaded"]');
  console.log(`bench: PDF opened -> findings rendered, engine loaded, ${runs} runs each, headless Chromium (${browser.version()})`);
  for (const [id, path] of pdfs) {
    const bytes = await readFile(path);
    const totals = [];
    const reads = [];
    for (let i = 0; i < runs; i++) {
      await page.click('[data-testid="clear"]');
      await page.waitForSelector('[data-testid="start"]');
      await arm(page);
      await page.setInputFiles('[data-testid="file-input"]', { name: `${id}.pdf`, mimeType: "application/pdf", buffer: bytes });
      const { total, read } = await page.evaluate(() => window.__pdf);
      totals.push(total);
      reads.push(read);
    }
    const kb = (bytes.length / 1000).toFixed(0);
    const f = (x) => x.toFixed(0).padStart(5);
    console.log(
      `bench: pdf ${id.padEnd(28)} ${kb.padStart(5)} kB  median ${f(median(totals))} ms  min ${f(Math.min(...totals))} ms  max ${f(Math.max(...totals))} ms  (text in median ${f(median(reads))} ms)`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
