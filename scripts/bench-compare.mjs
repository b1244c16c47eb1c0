// Benchmark: a workspace of 100 (or DOCUMENTS) documents, from navigation to the compare table
// rendered, in headless Chromium. A report, not a test; not part of `make test`.
//
//   node scripts/bench-compare.mjs [RUNS] [DOCUMENTS]   (after `make build`; default 5 runs, 100)
//
// Each run writes the workspace straight into the page's IndexedDB database (src/idb.rs: a
// record per document, the two fixtures alternated, and the order), then navigates to /#compare
// and measures, on the page's own clock from the start of navigation, until the compare table
// has its columns (all of them, or the first 100 it draws at first: src/components/compare.rs)
// and the next frame has been laid out and painted. The app analyses each distinct text once,
// so two cases are timed:
//   - "alternated": the two fixtures alternated (2 distinct texts);
//   - "distinct": every document made different by a comment line at its end (one analysis
//     per document).
// Then, the documents analysed, it goes to the workspace and back to the compare view and times
// that (from the click). With more than 100 documents it then clicks "show all" and times drawing
// every column. Last, once the page has kept every text's parse in the database (src/storage.rs),
// it loads the page at /#compare again and times that as the first: the workspace as it opens
// every time after its first (each text checked from its kept parse, not parsed).
// Environment: DIST (default dist), CHROMIUM (default /usr/bin/chromium).
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { launch, median } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/server.mjs";
import { deleteDb, keptParses, seedDb } from "../tests/e2e/workspace-db.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = process.env.DIST ?? join(root, "dist");
const runs = Number(process.argv[2] ?? 5);
const count = Number(process.argv[3] ?? 100);
const fixtures = await Promise.all(
  ["xinjiang-korla-chaoyang-2024-budget.txt", "synthetic-sample-renamed.txt"].map((f) =>
    readFile(join(root, "fixtures", f), "utf8"),
  ),
);

/** The columns the table draws at first (src/state.rs, COLUMN_STEP). */
const FIRST_COLUMNS = 100;

/** Writes the workspace into the page's database, anew: the two fixtures alternated, each made
 * distinct by a comment line at its end if `distinct`. */
async function seed(page, distinct) {
  await deleteDb(page);
  const ids = Array.from({ length: count }, (_, i) => `bench-${i}`);
  const records = ids.map((id, i) => {
    const text = fixtures[i % 2] + (distinct ? `\n（基准测试副本 ${i}）\n` : "");
    return [id, JSON.stringify({ id, name: `doc-${i}.txt`, text, added: "2024-05-01T00:00:00.000Z" })];
  });
  await seedDb(page, records, ids);
}

/** Clicks the element with this test id and times, from the click, until the compare table has
 * `n` columns and the next frame has been laid out and painted. */
function timeClick(page, testId, n) {
  return page.evaluate(
    ([testId, n]) =>
      new Promise((resolve) => {
        const start = performance.now();
        document.querySelector(`[data-testid="${testId}"]`).click();
        const check = () => {
          if (document.querySelectorAll('[data-testid="compare-col"]').length === n) {
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
          } else setTimeout(check, 5);
        };
        check();
      }),
    [testId, n],
  );
}

const server = await serve(dist);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
  console.log(`bench: ${count} documents -> compare table rendered, ${runs} runs each, headless Chromium (${browser.version()})`);
  const drawn = Math.min(count, FIRST_COLUMNS);
  for (const distinct of [false, true]) {
    const times = [];
    const all = [];
    const switched = [];
    const again = [];
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await page.goto(`${server.origin}/`);
      await page.evaluate(() => localStorage.clear());
      await seed(page, distinct);
      // Watch for the table from the first moment of every next document.
      await page.addInitScript((n) => {
        window.__compareRendered = new Promise((resolve) => {
          const check = () => {
            if (document.querySelectorAll('[data-testid="compare-col"]').length === n) {
              observer.disconnect();
              // After the next frame's layout and paint (see bench-page.mjs).
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
              return true;
            }
            return false;
          };
          const observer = new MutationObserver(check);
          document.addEventListener("DOMContentLoaded", () => {
            if (!check()) observer.observe(document.body, { subtree: true, childList: true });
          });
        });
      }, drawn);
      // (A query, so that this is a new document and not a jump within the page.)
      await page.goto(`${server.origin}/?bench=${i}#compare`);
      // performance.now() counts from the start of the navigation.
      times.push(await page.evaluate(() => window.__compareRendered));
      // Back to the workspace and to the compare view again, its documents analysed: from the
      // click to the frame after the table is drawn.
      await page.click('[data-testid="nav-workspace"]');
      await page.waitForFunction(() => !document.querySelector('[data-testid="compare-col"]'));
      switched.push(await timeClick(page, "nav-compare", drawn));
      if (count > drawn) {
        // Every column: from the click to the frame after the table has them all.
        all.push(await timeClick(page, "compare-all-columns", count));
      }
      // The page again, once every distinct text's parse is kept.
      const distinctTexts = distinct ? count : Math.min(count, 2);
      // (A build that keeps none, one before it, is loaded again after 5 s.)
      const started = Date.now();
      for (;;) {
        const n = Object.keys(await keptParses(page)).length;
        if (n >= distinctTexts || (n === 0 && Date.now() - started > 5_000) || Date.now() - started > 120_000) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await page.goto(`${server.origin}/?bench=${i}&again#compare`);
      again.push(await page.evaluate(() => window.__compareRendered));
      await deleteDb(page);
      await page.close();
    }
    const f = (x) => x.toFixed(0).padStart(5);
    const kind = (distinct ? "distinct" : "alternated").padEnd(10);
    console.log(
      `bench: ${kind} ${count} documents, ${drawn} columns drawn  median ${f(median(times))} ms  min ${f(Math.min(...times))} ms  max ${f(Math.max(...times))} ms`,
    );
    console.log(
      `bench: ${kind} the compare view opened again         median ${f(median(switched))} ms  min ${f(Math.min(...switched))} ms  max ${f(Math.max(...switched))} ms`,
    );
    console.log(
      `bench: ${kind} a page load again, parses kept     median ${f(median(again))} ms  min ${f(Math.min(...again))} ms  max ${f(Math.max(...again))} ms`,
    );
    if (all.length) {
      console.log(
        `bench: ${kind} then all ${count} columns            median ${f(median(all))} ms  min ${f(Math.min(...all))} ms  max ${f(Math.max(...all))} ms`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
