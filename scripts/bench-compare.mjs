// Benchmark: a 100-document workspace, from navigation to the compare table rendered, in
// headless Chromium. Not part of `make test`.
//
//   node scripts/bench-compare.mjs [RUNS] [DOCUMENTS]   (after `make build`; default 5 runs, 100)
//
// Each run writes the workspace straight into localStorage (the two fixtures alternated, as a
// saved version-1 workspace), then navigates to /#compare and measures, on the page's own clock
// from the start of navigation, until the compare table has all its columns and the next frame
// has been laid out and painted. The app analyses each distinct text once, so two cases are timed:
//   - "alternated": the two fixtures alternated (2 distinct texts, 100 documents);
//   - "distinct": every document made different by a comment line at its end (100 analyses).
// Environment: DIST (default dist), CHROMIUM (default /usr/bin/chromium).
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { launch, median } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = process.env.DIST ?? join(root, "dist");
const runs = Number(process.argv[2] ?? 5);
const count = Number(process.argv[3] ?? 100);
const fixtures = await Promise.all(
  ["xinjiang-korla-chaoyang-2024-budget.txt", "synthetic-sample-renamed.txt"].map((f) =>
    readFile(join(root, "fixtures", f), "utf8"),
  ),
);

const workspace = (distinct) =>
  JSON.stringify({
    schema: "budget-lens-workspace",
    version: 1,
    documents: Array.from({ length: count }, (_, i) => ({
      id: `bench-${i}`,
      name: `doc-${i}.txt`,
      text: fixtures[i % 2] + (distinct ? `\n（基准测试副本 ${i}）\n` : ""),
      added: "2024-05-01T00:00:00.000Z",
    })),
  });

const server = await serve(dist);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
  console.log(`bench: ${count} documents -> compare table rendered, ${runs} runs each, headless Chromium (${browser.version()})`);
  for (const distinct of [false, true]) {
    const value = workspace(distinct);
    const times = [];
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await page.goto(`${server.origin}/`);
      await page.evaluate((v) => {
        localStorage.clear();
        localStorage.setItem("budget-lens.workspace", v);
      }, value);
      // Watch for the table from the first moment of the next document.
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
      }, count);
      // (A query, so that this is a new document and not a jump within the page.)
      await page.goto(`${server.origin}/?bench=${i}#compare`);
      // performance.now() counts from the start of the navigation.
      times.push(await page.evaluate(() => window.__compareRendered));
      await page.evaluate(() => localStorage.clear());
      await page.close();
    }
    const f = (x) => x.toFixed(0).padStart(5);
    console.log(
      `bench: ${(distinct ? "distinct" : "alternated").padEnd(10)} ${(value.length / 1e6).toFixed(1)} M chars  median ${f(median(times))} ms  min ${f(Math.min(...times))} ms  max ${f(Math.max(...times))} ms`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
