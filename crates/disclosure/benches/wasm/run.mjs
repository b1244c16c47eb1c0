// Times the core's analyze() in WebAssembly, in headless Chromium: builds this crate for
// wasm32-unknown-unknown with the app's release profile, runs wasm-bindgen and wasm-opt -Oz as
// Trunk does for the app, serves the page on a loopback port and calls analyze_ms(text, runs)
// (performance.now() around each run, inside the page). Not part of `make test`.
//
//   node crates/disclosure/benches/wasm/run.mjs [RUNS] [FILE]   (default 100 runs of the sample)
//
// Prints one human line and, last, one JSON line (read by scripts/bench-report.py):
//   {"file":…, "bytes":…, "runs":…, "batch_median_ms":…, "mean_ms":…, "median_ms":…, "min_ms":…,
//    "cold_ms":…, "second_ms":…, "third_ms":…, "wasm_bytes":…}
// batch_median_ms is the figure to quote (see below); median_ms is rounded to the page's clock.
// Environment: CHROMIUM (default /usr/bin/chromium), CARGO_TARGET_DIR (default <repo>/target).
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, median as medianOf } from "../../../../tests/e2e/browser.mjs";
import { serve } from "../../../../tests/e2e/server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..", "..");
const runs = Number(process.argv[2] ?? 100);
const file = process.argv[3] ?? join(root, "fixtures", "xinjiang-korla-chaoyang-2024-budget.txt");
const targetDir = join(process.env.CARGO_TARGET_DIR ?? join(root, "target"), "wasm-bench");
const site = join(targetDir, "site");
const pkg = join(site, "pkg");
const env = { ...process.env, PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH}` };
const run = (cmd, args, cwd = here) => execFileSync(cmd, args, { cwd, env, stdio: ["ignore", "ignore", "inherit"] });

// Build: cargo, wasm-bindgen (the installed CLI, same version as the crate's), wasm-opt -Oz.
run("cargo", ["build", "--quiet", "--release", "--target", "wasm32-unknown-unknown", "--target-dir", targetDir]);
await mkdir(pkg, { recursive: true });
const raw = join(targetDir, "wasm32-unknown-unknown", "release", "disclosure_wasm_bench.wasm");
run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", pkg, raw]);
const wasm = join(pkg, "disclosure_wasm_bench_bg.wasm");
run("wasm-opt", ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", wasm, "-o", wasm]);
await copyFile(join(here, "index.html"), join(site, "index.html"));


// Serve site/ on a loopback port.
const server = await serve(site);

const text = await readFile(file, "utf8");
const browser = await launch();
try {
  // Cold: the first analyze on a freshly loaded page, as a user's first paste is. V8 compiles
  // each wasm function on its first call with its baseline compiler and optimises hot ones
  // later, so the first run is slower than the warm ones below. Median of COLD_PAGES pages.
  const coldPages = Number(process.env.COLD_PAGES ?? 7);
  const cold = [];
  for (let i = 0; i < coldPages; i++) {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => typeof window.bench === "function");
    cold.push(await page.evaluate((t) => window.bench(t, 3), text));
    await page.close();
  }
  const page = await browser.newPage();
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => typeof window.bench === "function");
  // Warm up: V8 optimises the hot functions in the background over the first runs.
  await page.evaluate((t) => window.bench(t, 30), text);
  // The page's clock is coarse (100 µs without cross-origin isolation), and the machine may be
  // busy: the runs are timed in batches of BATCH as one span each (precise), and the median of
  // the batch means is reported, as criterion reports natively; the median of single runs is
  // rounded to the clock.
  const batch = 5;
  const { times, batches } = await page.evaluate(([t, n, size]) => {
    const times = [];
    const batches = [];
    for (let done = 0; done < n; done += size) {
      const start = performance.now();
      times.push(...window.bench(t, size));
      batches.push((performance.now() - start) / size);
    }
    return { times, batches };
  }, [text, runs, batch]);
  const sorted = [...times].sort((a, b) => a - b);
  const median = medianOf(times);
  const result = {
    file: file.replace(`${root}/`, ""),
    bytes: Buffer.byteLength(text),
    runs,
    median_ms: median,
    mean_ms: batches.reduce((a, b) => a + b, 0) / batches.length,
    batch_median_ms: medianOf(batches),
    min_ms: sorted[0],
    cold_ms: medianOf(cold.map((c) => c[0])),
    second_ms: medianOf(cold.map((c) => c[1])),
    third_ms: medianOf(cold.map((c) => c[2])),
    wasm_bytes: (await stat(wasm)).size,
    chromium: browser.version(),
  };
  console.log(`wasm analyze: ${result.file}, ${runs} runs in Chromium ${result.chromium}: median of batch means ${result.batch_median_ms.toFixed(3)} ms, mean ${result.mean_ms.toFixed(3)} ms, median run ${median.toFixed(1)} ms, min ${result.min_ms.toFixed(3)} ms; on a fresh page the first run ${result.cold_ms.toFixed(1)} ms, the second ${result.second_ms.toFixed(1)} ms, the third ${result.third_ms.toFixed(1)} ms (wasm ${(result.wasm_bytes / 1000).toFixed(0)} kB)`);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await server.close();
}
