// The first load on a slow network, as a person on it sees it: a report, never a test (it fails
// only when the page does not show its findings at all, never on a time).
//
//   make test                                 (3 runs, after the release build)
//   make bench                                (reuses make test's figures for the same build)
//   node scripts/bench-first-load.mjs [RUNS]  (after `make build`; default 5 runs)
//
// Each run opens the page in a fresh headless Chromium context (no cache, no service worker)
// over an emulated network of 1.6 Mbit/s down, 750 kbit/s up and 150 ms latency (a CDP
// session's Network.emulateNetworkConditions), from a server that sends dist/ gzipped
// (tests/e2e/server.mjs). It measures, on the page's clock (from navigation start):
//
// - FCP: the first contentful paint (the static shell of index.html);
// - findings: a paste of the sample made into the text box at that moment (the shell's, as the
//   paint is reported; on a page without a shell, the app's own, which is then its first
//   paint), until the findings are in the page and the next frame has been laid
//   out and painted (a task queued from that frame's requestAnimationFrame runs after its
//   paint), the same end as scripts/bench-page.mjs.
//
// Prints the medians (and range) beside the gzipped bytes the page received before the
// findings were shown, by file, and the targets of issue 20 (FCP <= 1.0 s, findings <= 3.5 s).
// The last line is the same as JSON, which is also written to target/first-load.json with the
// build's wasm file name and the date: scripts/bench-report.py (make bench, README
// "Performance") takes the figures from there when they are of the build in dist/.
// Environment: DIST (default dist), CHROMIUM (default /usr/bin/chromium), CARGO_TARGET_DIR
// (default target).
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { launch, median } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = process.env.DIST ?? join(root, "dist");
const runs = Number(process.argv[2] ?? 5);
const sample = await readFile(join(root, "fixtures", "xinjiang-korla-chaoyang-2024-budget.txt"), "utf8");

/** The network: kbit/s as 1000 bits, Chromium wants bytes per second. */
const NETWORK = { downKbit: 1600, upKbit: 750, latencyMs: 150 };
const TARGETS = { fcp: 1000, findings: 3500 };

/** Injected before the page's own scripts: on the first contentful paint, paste the text into
 * the text box there is (the shell's, or the app's if it were already up), then note when the
 * findings are drawn. */
function instrument(text) {
  const r = (window.__firstLoad = {});
  const shown = () =>
    document.querySelector('[data-testid="finding"]') &&
    document.querySelector('[data-testid="analysis-status"][data-state="done"]');
  const pasteNow = () => {
    const area = document.getElementById("shell-input") ?? document.querySelector('[data-testid="paste-input"]');
    r.into = area?.id ?? "nothing";
    r.pasted = performance.now();
    if (!area) return;
    area.focus();
    area.value = text;
    area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    const observer = new MutationObserver(() => {
      if (r.started === undefined && !document.getElementById("shell-input")) r.started = performance.now();
      if (!shown()) return;
      r.analysis = Number(document.querySelector('[data-testid="analysis-status"]').dataset.ms);
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          r.shown = performance.now();
          r.resources = performance
            .getEntriesByType("resource")
            .concat(performance.getEntriesByType("navigation"))
            .filter((e) => e.responseEnd <= r.shown)
            .map((e) => ({ name: e.name, bytes: e.encodedBodySize, end: e.responseEnd }));
        }),
      );
    });
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name !== "first-contentful-paint" || r.fcp !== undefined) continue;
      r.fcp = e.startTime;
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", pasteNow);
      else pasteNow();
    }
  }).observe({ type: "paint", buffered: true });
}

/** What a resource is, for the report. */
function kind(url) {
  const path = new URL(url).pathname;
  if (path === "/" || path.endsWith(".html")) return "html";
  if (path.endsWith(".wasm")) return "wasm";
  if (path.endsWith(".css")) return "css";
  if (/\/boot-[^/]*\.js$/.test(path)) return "boot.js";
  if (path.endsWith(".js")) return "glue js";
  return path.replace(/^.*\//, "");
}

const server = await serve(dist, { gzip: true });
const browser = await launch();
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: NETWORK.latencyMs,
      downloadThroughput: (NETWORK.downKbit * 1000) / 8,
      uploadThroughput: (NETWORK.upKbit * 1000) / 8,
    });
    await page.addInitScript(instrument, sample);
    await page.goto(`${server.origin}/`, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__firstLoad?.shown !== undefined, null, { timeout: 60_000, polling: 100 });
    const r = await page.evaluate(() => window.__firstLoad);
    if (r.into === "nothing") throw new Error("at the first contentful paint the page had no text box");
    results.push(r);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const fcp = results.map((r) => r.fcp);
const shown = results.map((r) => r.shown);
// When the last byte of the wasm arrived: the rest is compiling, starting and analysing.
const wasmEnd = results.map((r) => Math.max(...r.resources.filter((e) => e.name.endsWith(".wasm")).map((e) => e.end)));
const bytes = {};
for (const res of results.at(-1).resources) bytes[kind(res.name)] = (bytes[kind(res.name)] ?? 0) + res.bytes;
const total = Object.values(bytes).reduce((a, b) => a + b, 0);
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const ms = (x) => `${x.toFixed(0).padStart(5)} ms`;
const verdict = (value, limit) => (value <= limit ? `within ${limit} ms` : `OVER ${limit} ms`);

console.log(
  `bench: first load over ${NETWORK.downKbit / 1000} Mbit/s down, ${NETWORK.upKbit} kbit/s up, ${NETWORK.latencyMs} ms latency, gzip, no cache; ${runs} runs, headless Chromium`,
);
console.log(
  `bench: first contentful paint        median ${ms(median(fcp))}  min ${ms(Math.min(...fcp))}  max ${ms(Math.max(...fcp))}  (${verdict(median(fcp), TARGETS.fcp)})`,
);
console.log(
  `bench: paste at FCP -> findings shown median ${ms(median(shown))}  min ${ms(Math.min(...shown))}  max ${ms(Math.max(...shown))}  (${verdict(median(shown), TARGETS.findings)})`,
);
console.log(
  `bench: the wasm received at         median ${ms(median(wasmEnd))}; the app started at ${ms(median(results.map((r) => r.started)))}; analysis ${ms(median(results.map((r) => r.analysis)))}`,
);
console.log(
  `bench: received before the findings: ${kB(total)} gzipped (${Object.entries(bytes)
    .map(([k, n]) => `${k} ${kB(n)}`)
    .join(", ")})`,
);
const summary = {
  runs,
  fcp_ms: median(fcp),
  findings_ms: median(shown),
  fcp_range: [Math.min(...fcp), Math.max(...fcp)],
  findings_range: [Math.min(...shown), Math.max(...shown)],
  wasm_received_ms: median(wasmEnd),
  started_ms: median(results.map((r) => r.started)),
  analysis_ms: median(results.map((r) => r.analysis)),
  bytes,
  total_bytes: total,
};
console.log(`bench-json: ${JSON.stringify(summary)}`);

// For scripts/bench-report.py: the figures, and which build they are of.
const target = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const wasm = (await readdir(dist)).find((name) => name.endsWith(".wasm"));
await mkdir(target, { recursive: true });
await writeFile(
  join(target, "first-load.json"),
  `${JSON.stringify({ ...summary, wasm, date: new Date().toISOString() }, null, 1)}\n`,
);
