// Screenshots of every view, at 1280×800 and 390×844, into docs/screenshots/ (PNG).
//
//   make build && node scripts/screenshots.mjs [OUTDIR]
//
// Serves dist/ on a loopback port and drives the system Chromium (CHROMIUM, default
// /usr/bin/chromium) with playwright-core, like the browser tests. Not part of `make test`.
import { mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { launch } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = process.argv[2] ?? join(root, "docs", "screenshots");
const dist = process.env.DIST ?? join(root, "dist");
const SIZES = [
  { name: "1280x800", width: 1280, height: 800 },
  { name: "390x844", width: 390, height: 844 },
  // A kiosk's upright screen: its shots only.
  { name: "1080x1920", width: 1080, height: 1920, only: new Set(["kiosk-start", "kiosk"]) },
];
const id = (testId) => `[data-testid="${testId}"]`;

/** Scrolls so that `selector` is at the top of the window. */
async function scrollTo(page, selector) {
  await page.evaluate((s) => {
    const el = document.querySelector(s);
    if (el) window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8);
  }, selector);
}

async function loadExample(page) {
  await page.click(id("load-example"));
  await page.waitForSelector(`${id("analysis-status")}[data-state="done"]`);
}

// The workspace shown in the workspace, compare and time shots: the sample, the synthetic
// document, and a demonstration copy of the sample with its year changed to 2023 (so that the
// time view has two years; its name says what it is).
const sample = await readFile(join(root, "fixtures", "xinjiang-korla-chaoyang-2024-budget.txt"), "utf8");
const synthetic = await readFile(join(root, "fixtures", "synthetic-sample-renamed.txt"), "utf8");
const WORKSPACE = JSON.stringify({
  schema: "budget-lens-workspace",
  version: 1,
  documents: [
    ["示例-2023（演示：由 2024 年文本改年份而成）.txt", sample.replaceAll("2024", "2023")],
    ["xinjiang-korla-chaoyang-2024-budget.txt", sample],
    ["synthetic-sample-renamed.txt", synthetic],
  ].map(([name, text], i) => ({ id: `s${i}`, name, text, added: "2024-05-01T00:00:00.000Z" })),
});

/** Opens a page of the app with the screenshot workspace saved. */
async function withWorkspace(page, hash, ready) {
  await page.evaluate((w) => localStorage.setItem("budget-lens.workspace", w), WORKSPACE);
  await page.goto(`${page.url().split("#")[0]}#${hash}`);
  await page.reload();
  await page.waitForSelector(ready);
}

/** Holds the page's wasm back until the returned function is called (the HTTP cache is off
 * while a page has routes, so the wasm is requested anew). */
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  return release;
}

// Shots whose page is opened by the shot itself (the others start on the app's start screen).
const EARLY = new Set(["first-paint"]);

const SHOTS = [
  [
    "first-paint",
    async (page, origin) => {
      // The static shell of index.html, before the app has arrived, with a text pasted into it.
      const release = await holdWasm(page);
      await page.goto(`${origin}/`);
      await page.evaluate((t) => {
        const area = document.getElementById("shell-input");
        area.value = t;
        area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
      }, sample);
      await page.waitForFunction(() => document.getElementById("shell-note").textContent.includes("已收到"));
      return release;
    },
  ],
  ["start", async () => {}],
  [
    "kiosk-start",
    async (page) => {
      await page.goto(`${page.url().split("?")[0]}?kiosk=1`);
      await page.waitForSelector(id("kiosk-library"));
    },
  ],
  [
    "kiosk",
    async (page) => {
      await page.goto(`${page.url().split("?")[0]}?kiosk=1`);
      await page.waitForSelector(id("kiosk-banner"));
      await loadExample(page);
      await scrollTo(page, id("summary"));
    },
  ],
  [
    "summary",
    async (page) => {
      await loadExample(page);
      await scrollTo(page, id("summary"));
    },
  ],
  [
    "findings",
    async (page) => {
      await loadExample(page);
      await page.click(`${id("finding")}[data-rule="T2.5"]`);
      await page.waitForSelector('[data-line="329"][data-highlighted="true"]');
      await scrollTo(page, id("nav-findings"));
    },
  ],
  [
    "shares",
    async (page) => {
      await loadExample(page);
      await page.click(id("nav-shares"));
      await scrollTo(page, id("nav-shares"));
    },
  ],
  [
    "shares-drill",
    async (page) => {
      await loadExample(page);
      await page.click(id("nav-shares"));
      await page.click(`${id("shares-functional")} ${id("share-row")}[data-code="201"] button`);
      await scrollTo(page, id("shares-functional"));
    },
  ],
  [
    "tables",
    async (page) => {
      await loadExample(page);
      await page.click(id("nav-tables"));
      // 表6: its headers, the total and the 301 row with a recomputed value beside it.
      await scrollTo(page, '[data-testid="parsed-table"][data-table="6"]');
    },
  ],
  [
    "previous-year",
    async (page) => {
      await loadExample(page);
      await page.click(id("nav-previous-year"));
      await scrollTo(page, id("nav-previous-year"));
    },
  ],
  [
    "english",
    async (page) => {
      await loadExample(page);
      await page.click(id("lang-toggle"));
      await page.click(`${id("finding")}[data-rule="T2.5"]`);
      await scrollTo(page, id("summary"));
    },
  ],
  [
    "workspace",
    async (page) => {
      await withWorkspace(page, "workspace", `${id("workspace-doc")}:nth-child(3) ${id("ws-department")}:not(:empty)`);
      await page.waitForFunction(() => !document.querySelector('[data-testid="ws-progress"]'));
    },
  ],
  [
    "compare",
    async (page) => {
      await withWorkspace(page, "compare", id("compare-table"));
      await scrollTo(page, id("compare-view"));
    },
  ],
  [
    "compare-drill",
    async (page) => {
      await withWorkspace(page, "compare", id("compare-table"));
      await page.click(`tr[data-metric="share_func_201"] ${id("compare-expand")}`);
      await page.click(`tr[data-metric="per_staff_actual_three_public"] ${id("compare-sort")}`);
      await page.click(id("compare-derivations"));
      await page.waitForSelector(id("nested-warning"));
      // The table scrolled within its box to the opened 201; the page to the warning above it.
      await page.evaluate(() => {
        const box = document.querySelector(".compare-scroll");
        const row = document.querySelector('tr[data-metric="share_func_201"]');
        box.scrollTop = row.offsetTop - box.querySelector("thead").offsetHeight;
      });
      await scrollTo(page, id("nested-warning"));
    },
  ],
  [
    "compare-charts",
    async (page) => {
      await withWorkspace(page, "compare", id("compare-table"));
      await scrollTo(page, id("chart-functions"));
    },
  ],
  [
    "time",
    async (page) => {
      await withWorkspace(page, "time", id("time-series"));
      await scrollTo(page, id("time-view"));
    },
  ],
  [
    "not-a-disclosure",
    async (page) => {
      await page.fill(id("paste-input"), '<script>alert(1)</script>\n这不是预算公开文件。\n<img src=x onerror="alert(2)">');
      await page.waitForSelector(id("input-problem"));
    },
  ],
];

const server = await serve(dist);
const browser = await launch();
try {
  await mkdir(out, { recursive: true });
  for (const size of SIZES) {
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      deviceScaleFactor: 1,
      locale: "zh-CN",
      serviceWorkers: "block",
    });
    for (const [name, prepare] of SHOTS) {
      if (size.only && !size.only.has(name)) continue;
      const page = await context.newPage();
      if (!EARLY.has(name)) {
        await page.goto(`${server.origin}/`);
        await page.waitForSelector(id("load-example"));
      }
      const release = await prepare(page, server.origin);
      await page.waitForTimeout(150); // let the browser settle scroll and layout; not a test
      const path = join(out, `${name}-${size.name}.png`);
      await page.screenshot({ path });
      console.log(`screenshot: ${path}`);
      release?.();
      await page.unrouteAll({ behavior: "ignoreErrors" });
      await page.evaluate(() => localStorage.clear()).catch(() => {});
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
