// Browser end-to-end tests: serve dist/ on a loopback port, drive the system Chromium with
// playwright-core (which never downloads a browser), run every test in ./app.test.mjs and
// ./workspace.test.mjs.
//
//   node tests/e2e/run.mjs            (after `trunk build --release --offline`)
//
// Environment: DIST (default dist), CHROMIUM (default /usr/bin/chromium), E2E_ONLY (run only
// the tests whose name contains this text).
import { mkdir, mkdtemp, rm, access } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { launchPersistent } from "./browser.mjs";
import { serve } from "./server.mjs";
import { tests as appTests } from "./app.test.mjs";
import { tests as workspaceTests } from "./workspace.test.mjs";

const tests = [...appTests, ...workspaceTests];

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const dist = process.env.DIST ?? join(root, "dist");
const artifacts = join(here, "artifacts");
const TEST_TIMEOUT_MS = 60_000;

async function main() {
  await access(join(dist, "index.html")).catch(() => {
    throw new Error(`${dist}/index.html not found: build first (trunk build --release --offline)`);
  });
  await mkdir(artifacts, { recursive: true });

  // Gzipped as a static host sends it (the zopfli copies where make build wrote them): the
  // tests then also cover the copies, and the PDF engine's integrity check on a gzipped response.
  const server = await serve(dist, { gzip: true });
  const profile = await mkdtemp(join(tmpdir(), "budget-lens-chromium-"));
  let context;
  const results = [];
  try {
    context = await launchPersistent(profile, {
      viewport: { width: 1280, height: 800 },
      locale: "zh-CN",
    });
    const only = process.env.E2E_ONLY;
    for (const { name, fn } of tests.filter((t) => !only || t.name.includes(only))) {
      results.push(await runOne(context, server.origin, name, fn));
    }
  } finally {
    await context?.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }

  const failed = results.filter((r) => !r.ok);
  const seconds = (results.reduce((t, r) => t + r.ms, 0) / 1000).toFixed(1);
  console.log(
    `e2e: ${results.length - failed.length} passed, ${failed.length} failed, ${results.length} total (${seconds}s)`,
  );
  return failed.length === 0;
}

/** Run one test on a fresh page; every request, console error and dialog is recorded for it. */
async function runOne(context, origin, name, fn) {
  // Tests get the page and its recorder, and for what they set up themselves (another server,
  // a file:// page) the browser context, the dist/ folder and the repository root.
  const page = await context.newPage();
  const seen = { requests: [], consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on("request", (r) => seen.requests.push(r.url()));
  page.on("console", (m) => m.type() === "error" && seen.consoleErrors.push(m.text()));
  page.on("pageerror", (e) => seen.pageErrors.push(String(e)));
  page.on("dialog", (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  // Record CSP violations from the first moment of every document (this script is injected by
  // the browser's debugging protocol, so the page's own CSP does not apply to it).
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
    );
  });
  page.setDefaultTimeout(15_000);

  const started = Date.now();
  let timer;
  try {
    await Promise.race([
      fn({ page, origin, seen, artifacts, context, dist, root }),
      new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error(`timed out after ${TEST_TIMEOUT_MS} ms`)), TEST_TIMEOUT_MS);
      }),
    ]);
    console.log(`  ok    ${name}`);
    return { name, ok: true, ms: Date.now() - started };
  } catch (err) {
    console.log(`  FAIL  ${name}\n        ${String(err?.message ?? err).split("\n").join("\n        ")}`);
    return { name, ok: false, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => {});
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err) => {
    console.error(`e2e: ${err?.message ?? err}`);
    process.exit(2);
  },
);
