// Benchmark: paste → findings rendered, in headless Chromium, for the built-in sample, a
// Shanghai document (the corpus's Wanli budget), and a 1.2 MB text made of 20 copies of the
// sample. Not part of `make test`.
//
//   make bench                          (builds dist/, then runs this)
//   node scripts/bench-page.mjs [RUNS]  (after `make build`; default 7 runs)
//
// Each run opens a fresh page, waits until it has settled (the app warms the core up by analysing
// its example, about 0.3 s after loading: `<html data-warm="done">`; a person takes longer than
// that to paste), puts the text into the text area the way a paste does (an
// `input` event with inputType "insertFromPaste", which the app analyses at once, without the
// typing debounce), and measures on the page's own clock until the findings are in the DOM
// and the next frame has been laid out and painted (a task queued from that frame's
// requestAnimationFrame callback runs after its paint; until 2026-11-27 the clock stopped in the
// callback itself, before the frame's layout, and the figures were ~20 ms lower). Prints the median, minimum and maximum in milliseconds, and
// the median of the analysis alone (the core's `analyze` in wasm, as the status line reports
// it; for the 1.2 MB text, parsed in the page's worker, from sending the text to the finished
// analysis); the rest is rendering. The 1.2 MB text is pasted as a clipboard event, which the
// page takes without putting the text in the text area (it would take the browser seconds to lay
// out); the sample goes into the text area like a paste.
// Environment: DIST (default dist), CHROMIUM (default /usr/bin/chromium).
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { launch, median } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = process.env.DIST ?? join(root, "dist");
const runs = Number(process.argv[2] ?? 7);
const sample = await readFile(join(root, "fixtures", "xinjiang-korla-chaoyang-2024-budget.txt"), "utf8");
const texts = [
  ["sample", sample],
  ["sample x20", Array(20).fill(sample).join("\n")],
];
// The page warms up on the sample itself; a document from another template shows what a paste of
// something else costs (the reviewed corpus's pypdf copy of the Wanli budget).
const other = join(root, "fixtures", "corpus", "wanli-2023", "pypdf.txt");
texts.splice(1, 0, ["wanli 2023", await readFile(other, "utf8")]);

/** Milliseconds from the paste to the first drawn frame with findings in it, and of that the
 * analysis alone. */
async function pasteToFindings(page, text) {
  return page.evaluate(
    (t) =>
      new Promise((resolve) => {
        const area = document.querySelector('[data-testid="paste-input"]');
        const rendered = () =>
          document.querySelector('[data-testid="finding"]') &&
          document.querySelector('[data-testid="analysis-status"][data-state="done"]');
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!rendered()) return;
          observer.disconnect();
          const analysis = Number(document.querySelector('[data-testid="analysis-status"]').dataset.ms);
          // A task queued from the next animation frame runs once that frame's style, layout
          // and paint are done on the main thread (the compositor then puts it on screen).
          requestAnimationFrame(() => setTimeout(() => resolve({ total: performance.now() - started, analysis })));
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        if (new TextEncoder().encode(t).length >= 1024 * 1024) {
          // From 1 MB the page takes the paste from the clipboard event itself (the text never
          // goes into the text area) and parses it in its worker.
          const data = new DataTransfer();
          data.setData("text/plain", t);
          area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
        } else {
          area.value = t;
          area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
        }
      }),
    text,
  );
}

const server = await serve(dist);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
  console.log(`bench: paste -> findings rendered, ${runs} runs each, headless Chromium (${browser.version()})`);
  for (const [name, text] of texts) {
    const times = [];
    const analyses = [];
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await page.goto(`${server.origin}/`);
      await page.waitForSelector('[data-testid="load-example"]');
      await page.waitForSelector('html[data-warm="done"]');
      const { total, analysis } = await pasteToFindings(page, text);
      times.push(total);
      analyses.push(analysis);
      await page.close();
    }
    const kb = (Buffer.byteLength(text) / 1000).toFixed(0);
    const f = (x) => x.toFixed(0).padStart(5);
    console.log(
      `bench: ${name.padEnd(11)} ${kb.padStart(5)} kB  median ${f(median(times))} ms  min ${f(Math.min(...times))} ms  max ${f(Math.max(...times))} ms  (analysis median ${f(median(analyses))} ms)`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
