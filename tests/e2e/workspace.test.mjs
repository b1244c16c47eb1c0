// Browser tests of the workspace, the compare and time views and the exports. Like app.test.mjs:
// each test gets a fresh page, every wait is for a condition. The browser profile is shared by
// all tests, so each test here starts and ends with an empty localStorage and no IndexedDB
// database.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { access, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { DB, deleteDb, keptParses, putMeta, seedDb } from "./workspace-db.mjs";

const SAMPLE = fileURLToPath(new URL("../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt", import.meta.url));
const SYNTHETIC = fileURLToPath(new URL("../../fixtures/synthetic-sample-renamed.txt", import.meta.url));
const GBK = fileURLToPath(new URL("./fixtures/sample-gbk.txt", import.meta.url));
const CHAOYANG = "库尔勒市朝阳街道办事处";
const SHILI = "库尔勒市示例街道办事处";
const KEY = "budget-lens.workspace";
const EXAMPLE_LINES = (await readFile(SAMPLE, "utf8")).replace(/\r\n?/g, "\n").split("\n");
const WANLI = "上海市普陀区人民政府万里街道办事处";
/** A workspace saved by the app before version 2 (see src/workspace.rs, SAVED_V1). */
const SAVED_V1 = fileURLToPath(new URL("../../fixtures/workspace-v1-saved.json", import.meta.url));

const byTestId = (id) => `[data-testid="${id}"]`;

/** A saved workspace (version 1) of these texts. */
const workspaceJson = (texts) =>
  JSON.stringify({
    schema: "budget-lens-workspace",
    version: 1,
    documents: texts.map(([name, text], i) => ({ id: `t${i}`, name, text, added: "2024-05-01T00:00:00.000Z" })),
  });

/**
 * Open the app on an empty localStorage and no database, optionally with `raw` under the
 * workspace's old localStorage key (the app moves it into IndexedDB when it starts).
 */
async function openClean(page, origin, raw) {
  await page.goto(`${origin}/`);
  await page.waitForSelector(byTestId("load-example"));
  // This page reads the saved workspace once its later module is in, and backs up and removes a
  // damaged one: let it do so before the value below is set, or it is this page, not the
  // reloaded one, that takes it.
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => localStorage.clear());
  await deleteDb(page);
  await page.evaluate(([key, value]) => {
    if (value !== null) localStorage.setItem(key, value);
  }, [KEY, raw ?? null]);
  await page.reload();
  await page.waitForSelector(byTestId("load-example"));
}

async function clearStorage(page) {
  await page.evaluate(() => localStorage.clear()).catch(() => {});
  await deleteDb(page).catch(() => {});
}

/**
 * What the database holds: the documents' records (parsed) in the order record's order, then any
 * it does not list; `raw` has every record's value as stored, by key.
 */
async function savedDocs(page) {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("documents")) {
            db.close();
            resolve({ docs: [], raw: {} });
            return;
          }
          const t = db.transaction(["documents", "meta"]);
          const keys = t.objectStore("documents").getAllKeys();
          const values = t.objectStore("documents").getAll();
          const order = t.objectStore("meta").get("order");
          t.oncomplete = () => {
            db.close();
            const raw = Object.fromEntries(keys.result.map((k, i) => [k, values.result[i]]));
            const ids = (order.result ?? []).filter((id) => id in raw);
            for (const k of keys.result) if (!ids.includes(k)) ids.push(k);
            const parse = (v) => {
              try {
                return JSON.parse(v);
              } catch {
                return { unreadable: v };
              }
            };
            resolve({ docs: ids.map((id) => ({ key: id, ...parse(raw[id]) })), raw });
          };
          t.onerror = () => reject(t.error);
        };
      }),
    DB,
  );
}

/** Waits until `check(docs)` holds for the database's documents (polled). */
async function waitForSaved(page, check, what) {
  const until = Date.now() + 15_000;
  let last;
  while (Date.now() < until) {
    last = (await savedDocs(page)).docs;
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`the database never held ${what}: ${JSON.stringify(last?.map((d) => d.name))}`);
}

const docCount = (page) => page.locator(byTestId("workspace-doc")).count();

async function waitForDocs(page, n) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="workspace-doc"]').length === n,
    n,
  );
}

/** The compare table's departments, in column order. */
async function columns(page) {
  await page.waitForSelector(byTestId("compare-table"));
  return page.$$eval(byTestId("compare-col"), (els) => els.map((e) => e.dataset.department));
}

/** The compare table's cell texts of one metric's row, by department. */
async function rowByDepartment(page, metric) {
  const depts = await columns(page);
  const cells = await page.$$eval(`${byTestId("compare-table")} tr[data-metric="${metric}"] td .value`, (els) =>
    els.map((e) => e.textContent.trim()),
  );
  return Object.fromEntries(depts.map((d, i) => [d, cells[i]]));
}

/** Click `selector` and return the downloaded file's bytes and name. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const path = await file.path();
  return { bytes: await readFile(path), name: file.suggestedFilename(), path };
}

function assertNoErrors(seen) {
  assert.deepEqual(seen.pageErrors, [], "the page threw uncaught errors");
  assert.deepEqual(seen.consoleErrors, [], "the page logged errors to the console");
}

/** The CLI's comparison of the two fixtures, as JSON (the debug build, else cargo run). */
async function cliCompare(root) {
  const run = promisify(execFile);
  const bin = join(root, "target", "debug", "disclosure");
  const args = ["compare", "--json", SAMPLE, SYNTHETIC];
  const exists = await access(bin).then(() => true, () => false);
  const { stdout } = exists
    ? await run(bin, args, { cwd: root, maxBuffer: 1 << 26 })
    : await run("cargo", ["run", "-q", "-p", "disclosure-cli", "--", ...args], { cwd: root, maxBuffer: 1 << 26 });
  return JSON.parse(stdout);
}

/**
 * Record the SVG markup of every chart image the page draws: the `data:` URL given to an
 * <img> (src/png.rs), decoded. Call before the page is opened.
 */
async function recordPngSvgs(page) {
  await page.addInitScript(() => {
    window.__pngSvgs = [];
    const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "src");
    Object.defineProperty(HTMLImageElement.prototype, "src", {
      get() {
        return src.get.call(this);
      },
      set(v) {
        const url = String(v);
        if (url.startsWith("data:image/svg+xml")) window.__pngSvgs.push(decodeURIComponent(url.slice(url.indexOf(",") + 1)));
        src.set.call(this, v);
      },
    });
  });
}

/**
 * Click a chart's download-png button and check the file: a PNG (its signature and IHDR), its
 * size in pixels, and, drawn back on a canvas, how many colours it has and whether it has the
 * page's bar colours and dark text. Returns the file's name, its size and the SVG drawn.
 */
async function downloadPng(page, selector) {
  const before = await page.evaluate(() => window.__pngSvgs.length);
  const file = await download(page, selector);
  assert.match(file.name, /\.png$/);
  const b = file.bytes;
  assert.deepEqual([...b.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG signature");
  assert.equal(b.subarray(12, 16).toString("latin1"), "IHDR");
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  assert.equal(width, 1760, "880 CSS pixels drawn at twice their size");
  assert.ok(height > 400 && height < 8000, `a sensible height: ${height}`);
  assert.ok(b.length > 20_000, `a picture, not an empty canvas: ${b.length} bytes`);
  const pixels = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set();
    let dark = 0;
    let red = 0;
    for (let i = 0; i < data.length; i += 4) {
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      if (data[i] < 80 && data[i + 1] < 80 && data[i + 2] < 80) dark++;
      if (data[i] > 150 && data[i + 1] < 100 && data[i + 2] < 100) red++;
    }
    return { colours: colours.size, dark, red, white: data[0] === 255 && data[1] === 255 && data[2] === 255 };
  }, b.toString("base64"));
  assert.ok(pixels.white, "a white page");
  assert.ok(pixels.colours > 20, `not all one colour: ${pixels.colours} colours`);
  assert.ok(pixels.dark > 2000, `text drawn: ${pixels.dark} dark pixels`);
  assert.ok(pixels.red > 2000, `bars or the tool's name drawn: ${pixels.red} red pixels`);
  await page.waitForFunction((n) => window.__pngSvgs.length > n, before);
  const svg = await page.evaluate(() => window.__pngSvgs.at(-1));
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="880" height="\d+"/);
  assert.equal(Number(svg.match(/height="(\d+)"/)[1]) * 2, height, "the PNG is the SVG drawn at twice its size");
  return { name: file.name, height, svg };
}

export const tests = [
  {
    name: "workspace: two files side by side, kept after a reload, the comparison as CSV",
    async fn({ page, origin, seen }) {
      await openClean(page, origin);
      await page.click(byTestId("nav-workspace"));
      await page.setInputFiles(byTestId("workspace-files"), [SAMPLE, SYNTHETIC]);
      await waitForDocs(page, 2);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="ws-department"]')].every((d) => d.textContent !== "—"),
      );
      const listed = await page.$$eval(byTestId("ws-department"), (els) => els.map((e) => e.textContent).sort());
      assert.deepEqual(listed, [CHAOYANG, SHILI]);
      assert.match(await page.textContent(byTestId("workspace-doc")), /完整性 \d+\/\d+/, "a quality badge");

      await page.click(byTestId("nav-compare"));
      assert.deepEqual((await columns(page)).sort(), [CHAOYANG, SHILI]);

      await page.reload();
      await page.waitForSelector(byTestId("load-example"));
      await page.click(byTestId("nav-compare"));
      assert.deepEqual((await columns(page)).sort(), [CHAOYANG, SHILI], "both are back after a reload");

      const csv = await download(page, byTestId("export-compare-csv"));
      assert.match(csv.name, /\.csv$/);
      assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 with a BOM");
      const lines = csv.bytes.toString("utf8").slice(1).split("\r\n");
      const header = lines[0].split(",");
      assert.equal(header[0], "指标");
      const col = (dept) => header.findIndex((h) => h.startsWith(dept));
      assert.ok(col(CHAOYANG) > 1 && col(SHILI) > 1, `both departments head a column: ${lines[0]}`);
      const row = (label) => lines.find((l) => l.startsWith(`${label},`))?.split(",");
      assert.equal(row("收入总计")[col(CHAOYANG)], "2300.52");
      assert.equal(row("实有人数")[col(SHILI)], "160", "the synthetic document's staff");
      assert.equal(row("人均“三公”经费（按实有人数）")[col(SHILI)], "0.06");
      // The page shows the same, formatted.
      const income = await rowByDepartment(page, "income_total");
      assert.equal(income[CHAOYANG], "2,300.52");
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "compare: highest and lowest marked in words, sorting, 类 opened to 款 with a warning, derivations",
    async fn({ page, origin, seen }) {
      await openClean(page, origin, workspaceJson([["a", await readFile(SAMPLE, "utf8")], ["b", await readFile(SYNTHETIC, "utf8")]]));
      await page.click(byTestId("nav-compare"));
      await columns(page);
      const row = page.locator(`tr[data-metric="per_staff_actual_three_public"]`);
      assert.match(await row.locator('td[data-mark="highest"]').textContent(), /0\.06\s*▲\s*最高/);
      assert.match(await row.locator('td[data-mark="lowest"]').textContent(), /0\.05\s*▼\s*最低/);
      assert.match(await row.getAttribute("title"), /表10/, "the derivation is the row's tooltip");
      assert.equal(await row.locator("td[title]").count(), 0, "its cells take the row's");

      await row.locator(byTestId("compare-sort")).click();
      await page.waitForSelector(byTestId("sorted-by"));
      assert.deepEqual(await columns(page), [SHILI, CHAOYANG], "highest first");
      await row.locator(byTestId("compare-sort")).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="sorted-by"]')?.textContent.includes("低到高"));
      assert.deepEqual(await columns(page), [CHAOYANG, SHILI], "lowest first");

      assert.equal(await page.locator('tr[data-metric="share_func_20103"]').count(), 0, "款 hidden at first");
      assert.equal(await page.locator(byTestId("nested-warning")).count(), 0);
      await page.locator(`tr[data-metric="share_func_201"] ${byTestId("compare-expand")}`).press("Enter");
      await page.waitForSelector('tr[data-metric="share_func_20103"]');
      assert.match(await page.textContent(byTestId("nested-warning")), /20103|201 03/);

      // The derivations, by keyboard.
      await page.focus(byTestId("compare-derivations"));
      await page.keyboard.press("Enter");
      await page.waitForSelector(byTestId("derivation"));
      assert.match(
        await page.textContent(`tr[data-metric="share_basic"] ${byTestId("derivation")}`),
        /表3 基本支出 ÷ 表3 合计 × 100/,
      );
      // Charts: the function shares and the figures per person, with the table's numbers.
      const chart = await page.textContent(`${byTestId("chart-per-staff")} svg`);
      assert.ok(chart.includes("0.06") && chart.includes("0.05"));
      assert.ok(await page.isVisible(byTestId("chart-functions")));

      await page.click(byTestId("nav-time"));
      await page.waitForSelector(`${byTestId("time-series")}[data-department="${CHAOYANG}"]`);
      assert.equal(await page.locator(byTestId("time-series")).count(), 2);
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "a document printed in 元 is compared in 万元 and labelled; years of one department make a series",
    async fn({ page, origin, seen, root }) {
      const sample = await readFile(SAMPLE, "utf8");
      // The Wanli street office prints its tables in 元 (收入总计 164,978,640).
      const yuan = await readFile(join(root, "fixtures", "corpus", "wanli-2023", "pypdf.txt"), "utf8");
      const older = sample.replaceAll("2024", "2023");
      await openClean(page, origin, workspaceJson([["wan", sample], ["yuan", yuan], ["older", older]]));
      await page.click(byTestId("nav-compare"));
      await columns(page);
      assert.match(await page.textContent('[data-testid="compare-notes"] [data-kind="units-normalised"]'), /已换算为万元/);
      assert.match(await page.textContent('[data-testid="compare-col"][data-label="yuan"]'), /原以元印制/);
      const income = await page.$$eval('tr[data-metric="income_total"] td .value', (els) => els.map((e) => e.textContent));
      assert.deepEqual(income, ["2,300.52", "16,497.864", "2,300.52"], "元 divided by 10,000, exactly");
      assert.match(await page.textContent('tr[data-metric="income_total"] th'), /万元/);
      assert.match(await page.textContent('[data-testid="compare-notes"] [data-kind="different-years"]'), /2023、2024/);

      await page.click(byTestId("nav-time"));
      const series = page.locator(`${byTestId("time-series")}[data-department="${CHAOYANG}"]`);
      await series.waitFor();
      const years = await series.locator(byTestId("time-col")).allTextContents();
      // Oldest first, headed by year and kind (never a file name): the 2023 document's own
      // statement of 2022 (its "比上年预算增加 239.81 万元"), then the two documents.
      assert.deepEqual(years, ["2022 预算（2023 年文件所述）", "2023 预算", "2024 预算"]);
      const changes = await series
        .locator(`tr[data-metric="general_budget"] ${byTestId("time-change")}`)
        .allTextContents();
      assert.deepEqual(changes, ["+239.81 · +11.73%", "0.00 · 0.00%"]);
      assert.ok(await series.locator("svg.bars").count(), "a chart of the main figures");
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "compare: a part of a disclosure beside the whole is marked, and what it lacks is not given",
    async fn({ page, origin, seen }) {
      const sample = await readFile(SAMPLE, "utf8");
      // The sample's 表1 alone (its lines 55–125).
      const table1 = sample.split("\n").slice(54, 125).join("\n");
      assert.match(table1, /^表 1/);
      await openClean(page, origin, workspaceJson([["whole", sample], ["table1", table1]]));
      await page.click(byTestId("nav-compare"));
      assert.deepEqual(await columns(page), [CHAOYANG, CHAOYANG]);
      // Only the part's column carries the mark, with what it holds as its title.
      const mark = page.locator(`[data-testid="compare-col"][data-label="table1"] ${byTestId("compare-part")}`);
      assert.equal(await mark.textContent(), "部分");
      assert.equal(await mark.getAttribute("title"), "部门预算的一部分：表1");
      assert.equal(await page.locator(`[data-label="whole"] ${byTestId("compare-part")}`).count(), 0);
      assert.match(
        await page.textContent('[data-testid="compare-notes"] [data-kind="parts"]'),
        /第2列为部门预算的一部分：表1。.*不是零/,
      );
      // 表1 gives the income total; 表3's basic share it does not, and says why.
      assert.deepEqual(await page.$$eval('tr[data-metric="income_total"] td .value', (els) => els.map((e) => e.textContent)), [
        "2,300.52",
        "2,300.52",
      ]);
      const basic = page.locator('tr[data-metric="share_basic"] td');
      assert.equal(await basic.nth(1).textContent(), "—");
      assert.equal(await basic.nth(1).getAttribute("title"), "粘贴的这部分没有给出此数的表");
      // Only the whole document is scored for completeness.
      const complete = page.locator('tr[data-metric="completeness_complete"] td');
      assert.equal(await complete.nth(0).textContent(), "16");
      assert.equal(await complete.nth(1).textContent(), "—");
      await page.screenshot({ path: "tests/e2e/artifacts/compare-part.png", fullPage: false });
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "the Wanli street office (Shanghai, in 元) beside the Korla sample, in one unit",
    async fn({ page, origin, seen, root }) {
      const wanli = await readFile(join(root, "fixtures", "corpus", "wanli-2023", "pypdf.txt"), "utf8");
      await openClean(page, origin, workspaceJson([["万里", wanli], ["朝阳", await readFile(SAMPLE, "utf8")]]));
      await page.click(byTestId("nav-compare"));
      const depts = await columns(page);
      assert.deepEqual(depts, ["上海市普陀区人民政府万里街道办事处", CHAOYANG]);
      assert.match(await page.textContent('[data-testid="compare-notes"] [data-kind="units-normalised"]'), /已换算为万元/);
      assert.match(await page.textContent('[data-testid="compare-col"][data-label="万里"]'), /原以元印制/);
      // 164,978,640 元 = 16,497.864 万元, beside 2,300.52 万元; the row says its unit.
      assert.deepEqual(await rowByDepartment(page, "income_total"), {
        "上海市普陀区人民政府万里街道办事处": "16,497.864",
        [CHAOYANG]: "2,300.52",
      });
      assert.match(await page.textContent('tr[data-metric="income_total"] th'), /万元/);
      assert.deepEqual(await rowByDepartment(page, "share_func_201"), {
        "上海市普陀区人民政府万里街道办事处": "1.80%",
        [CHAOYANG]: "72.36%",
      });
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "the CLI's compare gives the numbers the page shows",
    async fn({ page, origin, seen, root }) {
      const cli = await cliCompare(root);
      await openClean(page, origin, workspaceJson([["a", await readFile(SAMPLE, "utf8")], ["b", await readFile(SYNTHETIC, "utf8")]]));
      await page.click(byTestId("nav-compare"));
      const depts = cli.columns.map((c) => c.department);
      assert.deepEqual(depts, [CHAOYANG, SHILI]);
      for (const metric of ["income_total", "share_basic", "staff_actual", "per_staff_actual_expense_total", "per_staff_actual_three_public", "procurement"]) {
        const shown = await rowByDepartment(page, metric);
        const values = cli.rows.find((r) => r.metric === metric).values;
        depts.forEach((d, i) =>
          assert.equal(shown[d].replace(/[,%]/g, ""), values[i], `${metric} of ${d}: page ${shown[d]}, CLI ${values[i]}`),
        );
      }
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "workspace export and import: the documents return into a cleared storage; a non-JSON file changes nothing",
    async fn({ page, origin, seen, artifacts }) {
      await openClean(page, origin, workspaceJson([["a", await readFile(SAMPLE, "utf8")], ["b", await readFile(SYNTHETIC, "utf8")]]));
      await page.click(byTestId("nav-workspace"));
      await waitForDocs(page, 2);
      const exported = await download(page, byTestId("workspace-export"));
      const json = JSON.parse(exported.bytes.toString("utf8"));
      assert.equal(json.schema, "budget-lens-workspace");
      assert.equal(json.version, 2);
      assert.deepEqual(Object.keys(json.documents[0]).sort(), ["added", "id", "name", "text"], "no count entered, none saved");

      await clearStorage(page);
      await page.reload();
      await page.click(byTestId("nav-workspace"));
      await page.waitForSelector(byTestId("ws-empty"));
      await page.setInputFiles(byTestId("workspace-import"), exported.path);
      await waitForDocs(page, 2);
      await page.click(byTestId("nav-compare"));
      assert.deepEqual((await columns(page)).sort(), [CHAOYANG, SHILI]);
      await waitForSaved(page, (docs) => docs.length === 2, "the two imported documents");

      await page.click(byTestId("nav-workspace"));
      const notJson = join(artifacts, "not-a-workspace.json");
      await writeFile(notJson, "这不是 JSON {");
      await page.setInputFiles(byTestId("workspace-import"), notJson);
      await page.waitForFunction(() => document.querySelector('[data-testid="ws-message"][data-kind="error"]'));
      assert.match(await page.textContent('[data-testid="ws-message"][data-kind="error"]'), /不是 JSON.*工作区没有改变/);
      const other = join(artifacts, "other-schema.json");
      await writeFile(other, JSON.stringify({ schema: "something-else", version: 1, documents: [] }));
      await page.setInputFiles(byTestId("workspace-import"), other);
      await page.waitForFunction(() => document.body.textContent.includes("something-else"));
      assert.equal(await docCount(page), 2, "the workspace is unchanged");
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "storage full: a clear message, the new document kept on the page, the saved ones intact",
    async fn({ page, origin, seen }) {
      await openClean(page, origin, workspaceJson([["a", await readFile(SAMPLE, "utf8")], ["b", await readFile(SYNTHETIC, "utf8")]]));
      await page.click(byTestId("nav-workspace"));
      await waitForDocs(page, 2);
      await waitForSaved(page, (docs) => docs.length === 2, "the two documents moved in");
      // The disk is full: every write is refused as a browser refuses it.
      await page.evaluate(() => {
        window.__realPut = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function () {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        };
      });
      await page.setInputFiles(byTestId("workspace-files"), GBK);
      await waitForDocs(page, 3);
      await page.waitForFunction(() => document.querySelector('[data-testid="ws-message"][data-kind="error"]'));
      assert.match(await page.textContent('[data-testid="ws-message"][data-kind="error"]'), /存储空间已满/);
      assert.equal(await page.locator(byTestId("ws-unsaved")).count(), 1, "only the new document is marked unsaved");
      // A removal in the same refused write is not made either: the saved ones stay.
      await page.locator(byTestId("ws-remove")).first().click();
      await waitForDocs(page, 2);
      const saved = (await savedDocs(page)).docs.map((d) => d.name);
      assert.deepEqual(saved, ["a", "b"], "the saved documents are intact");
      await page.evaluate(() => {
        IDBObjectStore.prototype.put = window.__realPut;
      });
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "storage full of kept parses: they are dropped and the document is saved",
    async fn({ page, origin, seen }) {
      await openClean(page, origin);
      const record = JSON.stringify({ id: "a", name: "a", text: await readFile(SAMPLE, "utf8"), added: "" });
      await seedDb(page, [["a", record]], ["a"]);
      await page.goto(`${origin}/?full=${Math.random()}#compare`);
      await page.waitForSelector(byTestId("compare-col"));
      const until = Date.now() + 15_000;
      while (Object.keys(await keptParses(page)).length !== 1) {
        assert.ok(Date.now() < until, "the sample's parse was never kept");
        await new Promise((r) => setTimeout(r, 100));
      }
      // The disk is full until something is deleted by a key range (the kept parses).
      await page.evaluate(() => {
        const put = IDBObjectStore.prototype.put;
        const del = IDBObjectStore.prototype.delete;
        window.__freed = false;
        IDBObjectStore.prototype.delete = function (key) {
          if (key instanceof IDBKeyRange) window.__freed = true;
          return del.call(this, key);
        };
        IDBObjectStore.prototype.put = function (...args) {
          if (!window.__freed) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
          return put.apply(this, args);
        };
      });
      await page.click(byTestId("nav-workspace"));
      await page.setInputFiles(byTestId("workspace-files"), GBK);
      await waitForDocs(page, 2);
      await waitForSaved(page, (docs) => docs.length === 2, "the new document saved once the parses were dropped");
      assert.deepEqual(await keptParses(page), {}, "the kept parses are gone");
      assert.equal(await page.locator('[data-testid="ws-message"][data-kind="error"]').count(), 0, "no storage-full message");
      assert.equal(await page.locator(byTestId("ws-unsaved")).count(), 0);
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "workspace: several PDFs added at once are read and compared; a bad one is refused with the reader's message",
    async fn({ page, origin, seen }) {
      const pdf = (doc) => fileURLToPath(new URL(`../../fixtures/corpus/${doc}/document.pdf`, import.meta.url));
      const files = [
        { name: "shangwu.pdf", mimeType: "application/pdf", buffer: await readFile(pdf("shangwu-unit-2025")) },
        { name: "bangongshi.pdf", mimeType: "application/pdf", buffer: await readFile(pdf("zhengfu-bangongshi-unit-2025")) },
        { name: "scanned.pdf", mimeType: "application/pdf", buffer: await readFile(new URL("../../fixtures/pdf/scanned.pdf", import.meta.url)) },
      ];
      await openClean(page, origin);
      await page.click(byTestId("nav-workspace"));
      await page.setInputFiles(byTestId("workspace-files"), files);
      await waitForDocs(page, 2);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="ws-department"]')].every((d) => d.textContent !== "—"),
      );
      const listed = await page.$$eval(byTestId("ws-department"), (els) => els.map((e) => e.textContent).sort());
      assert.deepEqual(listed, ["上海市普陀区人民政府办公室", "上海市普陀区商务委员会"]);
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="ws-messages"]')?.textContent.includes("这份 PDF 是图片，本工具不做文字识别。"),
      );
      assert.match(await page.textContent(byTestId("ws-messages")), /scanned\.pdf/);
      await page.click(byTestId("nav-compare"));
      assert.deepEqual((await columns(page)).sort(), ["上海市普陀区人民政府办公室", "上海市普陀区商务委员会"]);
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "damaged storage: a message, the raw value backed up, what can be read recovered",
    async fn({ page, origin, seen }) {
      await openClean(page, origin, "{not json at all");
      await page.click(byTestId("nav-workspace"));
      await page.waitForSelector('[data-testid="ws-message"][data-kind="error"]');
      assert.match(await page.textContent(byTestId("ws-messages")), /已损坏.*已备份/);
      const backups = await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith("budget-lens.workspace.backup.")).map((k) => localStorage.getItem(k)),
      );
      assert.deepEqual(backups, ["{not json at all"], "the raw value is kept under a backup key");

      // Partly damaged: the readable document is recovered, the rest counted, the raw kept.
      const partly = JSON.stringify({
        schema: "budget-lens-workspace",
        version: 1,
        documents: [{ id: "x", name: "good", text: await readFile(SAMPLE, "utf8"), added: "" }, 42],
      });
      await openClean(page, origin, partly);
      await page.click(byTestId("nav-workspace"));
      await waitForDocs(page, 1);
      assert.match(await page.textContent(byTestId("ws-messages")), /恢复了 1 份文件，1 项无法读取/);
      await waitForSaved(page, (docs) => docs.length === 1 && docs[0].name === "good", "the recovered document");
      await page.waitForFunction((key) => localStorage.getItem(key) === null, KEY);
      const kept = await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith("budget-lens.workspace.backup.")).map((k) => localStorage.getItem(k)),
      );
      assert.deepEqual(kept, [partly]);

      // Version 0, a plain list of texts, is migrated (and written back in the current version).
      await openClean(page, origin, JSON.stringify([await readFile(SYNTHETIC, "utf8")]));
      await page.click(byTestId("nav-workspace"));
      await waitForDocs(page, 1);
      await waitForSaved(page, (docs) => docs.length === 1 && docs[0].name === "#1", "the version-0 text");
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "the same department and year twice: both kept, with a note; the current text joins the workspace",
    async fn({ page, origin, seen }) {
      await openClean(page, origin);
      await page.click(byTestId("load-example"));
      await page.waitForSelector(`${byTestId("analysis-status")}[data-state="done"]`);
      await page.click(byTestId("workspace-add-current"));
      await page.click(byTestId("workspace-add-current"));
      await page.click(byTestId("nav-workspace"));
      await waitForDocs(page, 2);
      await page.waitForSelector(byTestId("duplicate-note"));
      assert.match(await page.textContent(byTestId("duplicate-note")), /出现 2 次.*均已保留/);
      assert.equal(await page.locator(byTestId("ws-duplicate")).count(), 2);
      assert.equal(await page.inputValue(byTestId("ws-name")), `${CHAOYANG} 2024`);

      // Rename, open in the analyzer, remove.
      await page.locator(byTestId("ws-name")).first().fill("第一份");
      await page.locator(byTestId("ws-name")).first().press("Enter");
      await page.click(byTestId("nav-compare"));
      await page.waitForSelector('[data-testid="compare-col"][data-label="第一份"]');
      await page.waitForSelector('[data-testid="compare-notes"] [data-kind="duplicate"]');
      await page.click(byTestId("nav-workspace"));
      await page.locator(byTestId("ws-open")).first().click();
      await page.waitForSelector(`${byTestId("analysis-status")}[data-state="done"]`);
      assert.equal(await page.textContent(byTestId("department")), CHAOYANG);
      await page.click(byTestId("nav-workspace"));
      await page.locator(byTestId("ws-remove")).first().click();
      await waitForDocs(page, 1);
      await waitForSaved(page, (docs) => docs.length === 1, "one document left");
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "kiosk mode keeps the workspace in memory only",
    async fn({ page, origin, seen }) {
      await openClean(page, origin);
      await page.goto(`${origin}/?kiosk=1`);
      await page.waitForSelector(byTestId("kiosk-banner"));
      await page.click(byTestId("nav-workspace"));
      await page.setInputFiles(byTestId("workspace-files"), [SAMPLE, SYNTHETIC]);
      await waitForDocs(page, 2);
      // A kiosk neither imports a workspace nor exports one; it still adds files.
      assert.equal(await page.locator(byTestId("workspace-import")).count(), 0, "no import");
      assert.equal(await page.locator(byTestId("workspace-export")).count(), 0, "no export");
      await page.click(byTestId("nav-compare"));
      assert.equal((await columns(page)).length, 2);
      assert.equal(await page.evaluate(() => localStorage.length), 0, "nothing is written");
      assert.deepEqual((await savedDocs(page)).docs, [], "nothing is written to the database either");
      await page.reload();
      await page.click(byTestId("nav-workspace"));
      await page.waitForSelector(byTestId("ws-empty"));
      assertNoErrors(seen);
    },
  },

  {
    name: "a parsed table downloads as CSV and the parse as JSON; a many-file drop joins the workspace",
    async fn({ page, origin, seen }) {
      await openClean(page, origin);
      await page.click(byTestId("load-example"));
      await page.waitForSelector(`${byTestId("analysis-status")}[data-state="done"]`);
      await page.click(byTestId("nav-tables"));
      const csv = await download(page, `${byTestId("parsed-table")}[data-table="3"] ${byTestId("export-table-csv")}`);
      assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = csv.bytes.toString("utf8");
      assert.match(text.split("\r\n")[0], /^\uFEFF编码,科目名称,/);
      assert.match(text, /,2300\.52,/);

      // The whole parse as JSON: exact amounts as strings, every cell with its lines.
      const json = await download(page, byTestId("export-json"));
      assert.equal(json.name, "budget-lens-库尔勒市朝阳街道办事处-2024-budget.json");
      const parse = JSON.parse(json.bytes.toString("utf8"));
      assert.equal(parse.document.meta.department.value, "库尔勒市朝阳街道办事处");
      assert.equal(parse.document.tables.length, 11);
      const cells = parse.document.tables.flatMap((t) => t.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells.filter(Boolean))));
      assert.ok(cells.some((c) => c.value === "2300.52" && c.line > 0), "2300.52 with its lines");
      assert.ok(parse.findings.some((f) => f.rule === "T5.2"), "the findings are there too");
      assert.ok(!parse.findings.some((f) => f.severity === "error"), "and none is an error");

      const [a, b] = await Promise.all([readFile(SAMPLE), readFile(SYNTHETIC)]);
      await page.evaluate(([a, b]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(a)], "a.txt", { type: "text/plain" }));
        transfer.items.add(new File([new Uint8Array(b)], "b.txt", { type: "text/plain" }));
        const target = document.querySelector(".footer");
        target.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
        target.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }, [[...a], [...b]]);
      await waitForDocs(page, 2);
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "PNG: the shares view's charts save as PNGs carrying department, year, table, lines and the tool's name, in both languages",
    async fn({ page, origin, seen }) {
      await recordPngSvgs(page);
      await openClean(page, origin);
      await page.click(byTestId("load-example"));
      await page.waitForSelector(`${byTestId("analysis-status")}[data-state="done"]`);
      await page.click(byTestId("nav-shares"));
      // (The view is the later module's: it may say it is loading for a moment.)
      await page.waitForSelector(byTestId("shares-view"));
      const buttons = await page.locator(`${byTestId("shares-view")} ${byTestId("download-png")}:not([disabled])`).count();
      assert.equal(buttons, 6, "every share set of the sample has a chart to save");
      const png = await downloadPng(page, `${byTestId("shares-functional")} ${byTestId("download-png")}`);
      assert.equal(png.name, `budget-lens-${CHAOYANG}-2024-functional.png`);
      for (const label of [
        `编制部门：${CHAOYANG}`,
        "年度：2024",
        "部门预算",
        "来源：表3，第 ",
        "占比的分母：支出总计（表3），2,300.52 万元",
        "预算透视 Budget Lens",
        ">按功能分类（类 → 款 → 项）<",
        ">72.36%<",
      ]) {
        assert.ok(png.svg.includes(label), `the image says ${label}: ${png.svg.slice(0, 1500)}`);
      }
      // The lines cited are the 类 rows of 表3 the bars show, 201 (1,664.74) among them.
      const cited = png.svg.match(/来源：表3，第 ([^<]*) 行/)[1];
      const table3 = EXAMPLE_LINES.findIndex((l) => l.trim() === "表 3");
      const line201 = EXAMPLE_LINES.findIndex((l, i) => i > table3 && l.startsWith("201 一般公共服务支出 1,664.74")) + 1;
      const inRanges = (text, n) =>
        text.split(", ").some((part) => {
          const [a, b] = part.split("–").map(Number);
          return b ? a <= n && n <= b : a === n;
        });
      assert.ok(line201 > 0 && inRanges(cited, line201), `line ${line201} (201 in 表3) is among ${cited}`);

      // Drilled down to 201: the title says where, the bars are its 款.
      await page.click(`${byTestId("shares-functional")} button.drill >> nth=0`);
      const drilled = await downloadPng(page, `${byTestId("shares-functional")} ${byTestId("download-png")}`);
      assert.ok(drilled.svg.includes("按功能分类（类 → 款 → 项） › 201 一般公共服务支出"), "the drill-down is in the title");
      assert.equal(drilled.name, `budget-lens-${CHAOYANG}-2024-functional-201.png`);

      // In English.
      await page.click(byTestId("lang-toggle"));
      const en = await downloadPng(page, `${byTestId("shares-three-public")} ${byTestId("download-png")}`);
      for (const label of [`Department: ${CHAOYANG}`, "year 2024", "Source: Table 10, lines", "预算透视 Budget Lens"]) {
        assert.ok(en.svg.includes(label), `the English image says ${label}`);
      }
      assert.equal(en.name, `budget-lens-${CHAOYANG}-2024-three-public.png`);
      const violations = await page.evaluate(() => window.__cspViolations);
      assert.deepEqual(violations, [], "drawing the image breaks no CSP rule");
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "PNG: the compare view's charts save as PNGs naming each document, its lines and the tables",
    async fn({ page, origin, seen }) {
      await recordPngSvgs(page);
      await openClean(page, origin);
      await page.click(byTestId("nav-workspace"));
      await page.setInputFiles(byTestId("workspace-files"), [SAMPLE, SYNTHETIC]);
      await waitForDocs(page, 2);
      await page.click(byTestId("nav-compare"));
      await columns(page);
      const functions = await downloadPng(page, `${byTestId("chart-functions")} ${byTestId("download-png")}`);
      assert.match(functions.name, new RegExp(`^budget-lens-(${CHAOYANG}|${SHILI})-2024-(${CHAOYANG}|${SHILI})-2024-functions\\.png$`));
      for (const label of [`${CHAOYANG} 2024`, `${SHILI} 2024`, "：第 ", "表3", "功能分类（类）占支出的比例", "预算透视 Budget Lens"]) {
        assert.ok(functions.svg.includes(label), `the image says ${label}`);
      }
      const perStaff = await downloadPng(page, `${byTestId("chart-per-staff")} ${byTestId("download-png")}`);
      assert.ok(perStaff.svg.includes("表10"), "the per-person chart's derivations name 表10");
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "ranking: by any metric, the missing listed apart; per entered headcount; a refused count says why; one document",
    async fn({ page, origin, seen, root }) {
      const wanli = await readFile(join(root, "fixtures", "corpus", "wanli-2023", "pypdf.txt"), "utf8");
      await openClean(page, origin, workspaceJson([["sample", await readFile(SAMPLE, "utf8")], ["wanli", wanli]]));
      await page.click(byTestId("nav-workspace"));
      await waitForDocs(page, 2);
      const people = page.locator(byTestId("ws-people")).first();
      const error = page.locator(byTestId("ws-people-error"));
      for (const [text, why] of [["0", /不能为 0/], ["-3", /不能是负数/], ["十二", /请填写数字/], ["12.5", /整数/]]) {
        await people.fill(text);
        await people.press("Enter");
        await error.waitFor();
        assert.match(await error.textContent(), why, text);
        assert.equal(await people.getAttribute("aria-invalid"), "true");
      }
      await people.fill("189");
      await people.press("Enter");
      await error.waitFor({ state: "detached" });
      const docs = await waitForSaved(page, (docs) => docs.some((d) => d.people), "the count");
      assert.deepEqual(docs.map((d) => d.people), [{ basis: "staff", count: 189 }, undefined], "only what was accepted");

      await page.reload();
      await page.click(byTestId("nav-workspace"));
      await waitForDocs(page, 2);
      assert.equal(await page.locator(byTestId("ws-people")).first().inputValue(), "189", "kept after a reload");

      await page.click(byTestId("nav-compare"));
      await page.waitForSelector(byTestId("rank-list"));
      // 支出总计 by default: both ranked, Wanli's 16,497.864 万元 first.
      const ranked = () => page.$$eval(`${byTestId("rank-item")} .rank-name`, (els) => els.map((e) => e.textContent));
      assert.deepEqual((await ranked()).map((h) => h.split(" ")[0]), [WANLI, CHAOYANG]);
      // 实有人数: Wanli prints none, so it is listed apart, not ranked as 0.
      await page.selectOption(byTestId("rank-metric"), "staff_actual");
      await page.waitForSelector(byTestId("rank-not-stated"));
      assert.deepEqual((await ranked()).map((h) => h.split(" ")[0]), [CHAOYANG]);
      const apart = await page.textContent(byTestId("rank-not-stated"));
      assert.ok(apart.includes("没有此项") && apart.includes(WANLI), apart);
      assert.match(await page.textContent(byTestId("rank-value")), /^189/);
      // Per entered headcount: 2,300.52 万元 ÷ 189 = 12.17 万元/人; Wanli has no count.
      await page.selectOption(byTestId("rank-metric"), "expense_total");
      await page.selectOption(byTestId("rank-mode"), "staff");
      await page.waitForSelector(byTestId("rank-no-count"));
      assert.match(await page.textContent(byTestId("rank-value")), /12\.17\s*万元\/人/);
      assert.match(await page.textContent(byTestId("rank-per")), /2,300\.52 ÷ 189 人\s*（填写）/);
      assert.match(await page.textContent(byTestId("rank-no-count")), new RegExp(WANLI));
      // A share cannot be divided per person: said, nothing ranked.
      await page.selectOption(byTestId("rank-metric"), "share_basic");
      await page.waitForSelector(byTestId("rank-not-amount"));
      assert.equal(await page.locator(byTestId("rank-item")).count(), 0);

      // One document: a ranking of one, said plainly.
      await page.click(byTestId("nav-workspace"));
      await page.locator(byTestId("ws-remove")).nth(1).click();
      await waitForDocs(page, 1);
      await page.click(byTestId("nav-compare"));
      await page.selectOption(byTestId("rank-mode"), "stated");
      await page.selectOption(byTestId("rank-metric"), "expense_total");
      await page.waitForSelector(byTestId("rank-one"));
      assert.match(await page.textContent(byTestId("rank-one")), /只有一份文件/);
      assert.equal(await page.locator(byTestId("rank-item")).count(), 1);
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "phone 390×844: a paste brings the results into view; the tabs keep to one row; no view scrolls sideways, in Chinese and English",
    async fn({ page, origin, seen }) {
      await page.setViewportSize({ width: 390, height: 844 });
      await openClean(page, origin);
      const text = await readFile(SAMPLE, "utf8");
      await page.evaluate((t) => {
        const area = document.querySelector('[data-testid="paste-input"]');
        area.focus();
        area.value = t;
        area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
      }, text);
      await page.waitForSelector(`${byTestId("analysis-status")}[data-state="done"]`);
      await page.waitForFunction(() => {
        const top = document.querySelector('[data-testid="plain-summary"]')?.getBoundingClientRect().top;
        return top !== undefined && top >= 0 && top < innerHeight / 3;
      }).catch(async () => {
        const top = await page.evaluate(() => document.querySelector('[data-testid="plain-summary"]')?.getBoundingClientRect().top);
        assert.fail(`the results should start in the top third of the screen after a paste, but start at ${top}px`);
      });
      await page.click(byTestId("nav-workspace"));
      await page.setInputFiles(byTestId("workspace-files"), [SAMPLE, SYNTHETIC]);
      await waitForDocs(page, 2);
      /** How many rows the elements take (distinct tops). */
      const rows = (sel) => page.$$eval(sel, (els) => new Set(els.map((e) => Math.round(e.getBoundingClientRect().top))).size);
      const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      for (const lang of ["zh", "en"]) {
        await page.click(byTestId("nav-analyzer"));
        for (const view of ["findings", "shares", "tables", "previous-year"]) {
          await page.click(byTestId(`nav-${view}`));
          await page.waitForSelector(`${byTestId(`nav-${view}`)}[aria-selected="true"]`);
          assert.equal(await rows(".tabs [role=tab]"), 1, `${lang}: the view tabs in one row`);
          assert.equal(await rows(".pages .page-link"), 1, `${lang}: the page links in one row`);
          assert.ok((await sideways()) <= 0, `${lang} ${view}: the page scrolls sideways by ${await sideways()}px`);
        }
        for (const [area, ready] of [["workspace", "workspace-view"], ["compare", "compare-table"], ["time", "time-view"]]) {
          await page.click(byTestId(`nav-${area}`));
          await page.waitForSelector(byTestId(ready));
          assert.equal(await rows(".pages .page-link"), 1, `${lang} ${area}: the page links in one row`);
          assert.ok((await sideways()) <= 0, `${lang} ${area}: the page scrolls sideways by ${await sideways()}px`);
        }
        if (lang === "zh") await page.click(byTestId("lang-toggle"));
      }
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "a workspace saved by the version-1 app opens with nothing lost and is saved again as version 2",
    async fn({ page, origin, seen }) {
      const raw = await readFile(SAVED_V1, "utf8");
      const v1 = JSON.parse(raw);
      assert.equal(v1.version, 1);
      await openClean(page, origin, raw);
      await page.click(byTestId("nav-workspace"));
      await waitForDocs(page, 3);
      assert.match(await page.textContent('[data-testid="ws-message"][data-kind="ok"]'), /恢复.*3 份文件.*从第 1 版格式升级/);
      const names = await page.$$eval(byTestId("ws-name"), (els) => els.map((e) => e.value));
      assert.deepEqual(names, v1.documents.map((d) => d.name));
      await page.waitForFunction(
        () => [...document.querySelectorAll('[data-testid="ws-department"]')].every((d) => d.textContent !== "—"),
      );
      const depts = await page.$$eval(byTestId("ws-department"), (els) => els.map((e) => e.textContent));
      assert.deepEqual(depts, [CHAOYANG, SHILI, WANLI]);
      // Moved into IndexedDB at once: the same ids, names, texts and times; then gone from
      // localStorage.
      assert.match(await page.textContent(byTestId("ws-messages")), /3 份文件已移入 IndexedDB/);
      const moved = await waitForSaved(page, (docs) => docs.length === 3, "the three documents");
      assert.deepEqual(moved.map(({ key, ...d }) => d), v1.documents);
      assert.deepEqual(moved.map((d) => d.key), v1.documents.map((d) => d.id), "each under its id");
      await page.waitForFunction((key) => localStorage.getItem(key) === null, KEY);
      await page.reload();
      await page.click(byTestId("nav-workspace"));
      await waitForDocs(page, 3);
      assert.deepEqual(await page.$$eval(byTestId("ws-name"), (els) => els.map((e) => e.value)), v1.documents.map((d) => d.name));
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },
  {
    name: "a city: 250 documents added at once are all there after a reload, with their entered headcounts",
    async fn({ page, origin, seen }) {
      const sample = await readFile(SAMPLE, "utf8");
      // Variants of the sample, each another department (its name changed throughout).
      const dept = (i) => `库尔勒市第${i + 1}号街道办事处`;
      const files = Array.from({ length: 250 }, (_, i) => ({
        name: `street-${i + 1}.txt`,
        mimeType: "text/plain",
        buffer: Buffer.from(sample.replaceAll(CHAOYANG, dept(i))),
      }));
      await openClean(page, origin);
      await page.click(byTestId("nav-workspace"));
      await page.setInputFiles(byTestId("workspace-files"), files);
      await waitForDocs(page, 250);
      // (Once every document is analysed: the list is drawn anew as each batch is.)
      await page.waitForFunction(() => !document.querySelector('[data-testid="ws-progress"]'), null, { timeout: 40_000 });
      // Headcounts entered for the first, the 125th and the last.
      const counts = { 0: "189", 124: "57", 249: "1200" };
      for (const [i, n] of Object.entries(counts)) {
        const field = page.locator(byTestId("ws-people")).nth(Number(i));
        await field.fill(n);
        await field.press("Enter");
      }
      await waitForSaved(
        page,
        (docs) => docs.length === 250 && docs.filter((d) => d.people).length === 3,
        "250 documents and 3 counts",
      );
      await page.reload();
      await page.click(byTestId("nav-workspace"));
      await waitForDocs(page, 250);
      await page.waitForFunction(
        () => [...document.querySelectorAll('[data-testid="ws-department"]')].every((d) => d.textContent !== "—"),
        null,
        { timeout: 40_000 },
      );
      const depts = await page.$$eval(byTestId("ws-department"), (els) => els.map((e) => e.textContent));
      assert.deepEqual(new Set(depts), new Set(files.map((_, i) => dept(i))), "every department, each once");
      const entered = await page.$$eval(byTestId("ws-people"), (els) => els.map((e) => e.value));
      for (const [i, n] of Object.entries(counts)) assert.equal(entered[Number(i)], n, `the count of document ${Number(i) + 1}`);
      assert.equal(entered.filter(Boolean).length, 3, "no other count");
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), null, "nothing in localStorage");
      // The compare view draws the first 100 columns, the rest on request; the ranking has all.
      await page.click(byTestId("nav-compare"));
      await page.waitForSelector(byTestId("compare-more"));
      assert.equal(await page.locator(byTestId("compare-col")).count(), 100);
      assert.match(await page.textContent(byTestId("compare-more")), /前 100 份文件（共 250 份/);
      await page.locator(byTestId("compare-more-columns")).first().click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="compare-col"]').length === 200);
      await page.locator(byTestId("compare-all-columns")).first().click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="compare-col"]').length === 250);
      assert.equal(await page.locator(byTestId("compare-more")).count(), 0);
      assert.equal(await page.locator(byTestId("rank-item")).count(), 250);
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "a workspace kept in localStorage in version 2 moves into IndexedDB and is then gone from localStorage",
    async fn({ page, origin, seen }) {
      const v2 = {
        schema: "budget-lens-workspace",
        version: 2,
        documents: [
          { id: "a", name: "朝阳", text: await readFile(SAMPLE, "utf8"), added: "2024-05-01T00:00:00.000Z", people: { basis: "staff", count: 189 } },
          { id: "b", name: "示例", text: await readFile(SYNTHETIC, "utf8"), added: "2024-05-02T00:00:00.000Z" },
        ],
      };
      await openClean(page, origin, JSON.stringify(v2));
      await page.click(byTestId("nav-workspace"));
      await waitForDocs(page, 2);
      assert.match(await page.textContent(byTestId("ws-messages")), /恢复.*2 份文件.*2 份文件已移入 IndexedDB/);
      const moved = await waitForSaved(page, (docs) => docs.length === 2, "the two documents");
      assert.deepEqual(moved.map(({ key, ...d }) => d), v2.documents, "each as it was, its count too");
      await page.waitForFunction((key) => localStorage.getItem(key) === null, KEY);
      await page.reload();
      await page.click(byTestId("nav-workspace"));
      await waitForDocs(page, 2);
      assert.equal(await page.locator(byTestId("ws-people")).first().inputValue(), "189");
      const again = await page.textContent(byTestId("ws-messages"));
      assert.match(again, /已恢复上次保存的工作区（2 份文件）/);
      assert.doesNotMatch(again, /移入|升级/, "read from IndexedDB, nothing more to move");
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "a damaged record in IndexedDB is named, the others open, and it is left as it was",
    async fn({ page, origin, seen }) {
      await openClean(page, origin);
      const rec = (id, name, text) => JSON.stringify({ id, name, text, added: "" });
      await seedDb(
        page,
        [
          ["a", rec("a", "朝阳", await readFile(SAMPLE, "utf8"))],
          ["b", '{"id":"b","name":"坏的记录.txt","text":5}'],
          ["c", rec("c", "示例", await readFile(SYNTHETIC, "utf8"))],
          ["d", 42],
        ],
        ["a", "b", "c", "d"],
      );
      await page.reload();
      await page.click(byTestId("nav-workspace"));
      await waitForDocs(page, 2);
      const message = await page.textContent('[data-testid="ws-message"][data-kind="error"]');
      assert.match(message, /2 份文件的记录已损坏.*“坏的记录\.txt”.*“d”/);
      assert.deepEqual(await page.$$eval(byTestId("ws-name"), (els) => els.map((e) => e.value)), ["朝阳", "示例"]);
      // A change is saved; the damaged records are not touched.
      await page.locator(byTestId("ws-remove")).first().click();
      await waitForDocs(page, 1);
      await waitForSaved(page, (docs) => !docs.some((d) => d.key === "a"), "the removal");
      const { raw } = await savedDocs(page);
      assert.equal(raw.b, '{"id":"b","name":"坏的记录.txt","text":5}');
      assert.equal(raw.d, 42);
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "kept parses: a workspace opened again is checked from them; another build's or a damaged one is parsed anew",
    async fn({ page, origin, seen }) {
      await openClean(page, origin);
      const rec = (id, name, text) => JSON.stringify({ id, name, text, added: "" });
      const [sample, synthetic] = [await readFile(SAMPLE, "utf8"), await readFile(SYNTHETIC, "utf8")];
      await seedDb(page, [["a", rec("a", "朝阳", sample)], ["b", rec("b", "示例", synthetic)]], ["a", "b"]);
      // The build: the wasm's integrity hash, as the page reads it (src/offload.rs).
      const build = await page.evaluate(() => document.querySelector('link[rel="preload"][data-integrity]').dataset.integrity);
      assert.match(build, /^sha384-/);
      const figures = async () => ({
        columns: await columns(page),
        income: await rowByDepartment(page, "income_total"),
        basic: await rowByDepartment(page, "share_basic"),
        threePublic: await rowByDepartment(page, "three_public"),
      });
      const kept = () => page.evaluate(() => document.documentElement.dataset.keptParses ?? "0");
      const open = async () => {
        await page.goto(`${origin}/?again=${Math.random()}#compare`);
        await page.waitForSelector(byTestId("compare-col"));
        return figures();
      };
      // Nothing kept yet: both texts are parsed, and their parses kept, under their builds.
      const parsed = await open();
      assert.deepEqual(parsed.columns, [CHAOYANG, SHILI]);
      assert.equal(parsed.income[CHAOYANG], "2,300.52");
      assert.equal(await kept(), "0");
      const waitKept = async (check, what) => {
        const until = Date.now() + 15_000;
        let last;
        while (Date.now() < until) {
          last = await keptParses(page);
          if (check(last)) return last;
          await new Promise((r) => setTimeout(r, 100));
        }
        assert.fail(`the database never held ${what}: ${JSON.stringify(Object.keys(last ?? {}))}`);
      };
      const first = await waitKept((k) => Object.keys(k).length === 2, "two kept parses");
      // Each is kept under its text's hash and length in bytes.
      const keyOf = (text) => Object.keys(first).find((k) => k.endsWith(`-${Buffer.byteLength(text)}`));
      const [keyA, keyB] = [keyOf(sample), keyOf(synthetic)];
      assert.ok(keyA && keyB && keyA !== keyB, Object.keys(first).join(" "));
      for (const [made, seal, bytes] of Object.values(first)) {
        assert.equal(made, build);
        assert.match(seal, /^[0-9a-f]{16}$/);
        assert.ok(bytes.length > 1000, `a parse of ${bytes.length} bytes`);
      }
      // Opened again: both checked from their kept parses, the same figures.
      assert.deepEqual(await open(), parsed);
      assert.equal(await kept(), "2");
      // The core's warm-up (src/analyzer.rs), put off while they were checked, follows.
      await page.waitForSelector('html[data-warm="done"]', { state: "attached" });
      // Another build's parse, a parse of the other text under this one's key, and a parse no
      // document uses: none is trusted, both texts are parsed anew with their own figures, the
      // parses rewritten and the unused one deleted.
      await putMeta(page, [
        [keyA, ["sha384-another-build", first[keyA][1], first[keyA][2]]],
        [keyB, first[keyA]],
        ["parse:0123456789abcdef-5", first[keyA]],
      ]);
      assert.deepEqual(await open(), parsed);
      assert.equal(await kept(), "0");
      const rewritten = await waitKept(
        (k) => Object.keys(k).length === 2 && k[keyA][0] === build && k[keyB][1] !== first[keyA][1],
        "the parses rewritten",
      );
      assert.deepEqual(rewritten[keyA], first[keyA]);
      assert.deepEqual(rewritten[keyB], first[keyB]);
      // A damaged parse (its bytes cut short) is parsed anew too.
      await putMeta(page, [[keyB, [build, first[keyB][1], first[keyB][2].slice(0, 100)]]]);
      assert.deepEqual(await open(), parsed);
      assert.equal(await kept(), "1");
      await waitKept((k) => k[keyB][2].length === first[keyB][2].length, "the damaged parse rewritten");
      assert.deepEqual(await open(), parsed);
      assert.equal(await kept(), "2");
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "IndexedDB unavailable: the workspace is kept in localStorage, and the page says so",
    async fn({ page, origin, seen }) {
      await openClean(page, origin);
      await page.addInitScript(() => {
        IDBFactory.prototype.open = function () {
          throw new DOMException("The user denied permission to access the database.", "SecurityError");
        };
      });
      await page.reload();
      await page.click(byTestId("nav-workspace"));
      await page.waitForSelector('[data-testid="ws-message"][data-kind="error"]');
      assert.match(await page.textContent(byTestId("ws-messages")), /不能使用 IndexedDB（SecurityError.*改存于 localStorage/);
      assert.match(await page.textContent(".ws-where"), /localStorage/);
      await page.setInputFiles(byTestId("workspace-files"), [SAMPLE, SYNTHETIC]);
      await waitForDocs(page, 2);
      await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? "{}").documents?.length === 2, KEY);
      await page.reload();
      await page.click(byTestId("nav-workspace"));
      await waitForDocs(page, 2);
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "two tabs: what each adds is kept; another tab's newer database version loses nothing here",
    async fn({ page, context, origin, seen }) {
      await openClean(page, origin);
      const other = await context.newPage();
      try {
        await other.goto(`${origin}/#workspace`);
        await other.waitForSelector(byTestId("workspace-view"));
        await page.click(byTestId("nav-workspace"));
        await page.setInputFiles(byTestId("workspace-files"), SAMPLE);
        await waitForDocs(page, 1);
        await other.setInputFiles(byTestId("workspace-files"), SYNTHETIC);
        await waitForDocs(other, 1);
        // The first tab removes nothing of the other's when it writes again.
        await page.locator(byTestId("ws-name")).first().fill("朝阳");
        await page.locator(byTestId("ws-name")).first().press("Enter");
        await waitForSaved(page, (docs) => docs.length === 2 && docs.some((d) => d.name === "朝阳"), "both tabs' documents");
        await page.reload();
        await page.click(byTestId("nav-workspace"));
        await waitForDocs(page, 2);

        // Another tab (a newer app) opens the database at version 2: this page lets go of it, and
        // its next write fails with a message; the document stays on the page, marked unsaved.
        await other.evaluate(
          (name) =>
            new Promise((resolve, reject) => {
              const r = indexedDB.open(name, 2);
              r.onsuccess = () => {
                r.result.close();
                resolve();
              };
              r.onerror = () => reject(r.error);
            }),
          DB,
        );
        await page.setInputFiles(byTestId("workspace-files"), GBK);
        await waitForDocs(page, 3);
        await page.waitForSelector(byTestId("ws-unsaved"));
        assert.match(await page.textContent('[data-testid="ws-message"][data-kind="error"]'), /另一个标签页打开了更新版本/);
        assert.equal((await savedDocs(page)).docs.length, 2, "what was saved is still there");
      } finally {
        await other.close();
      }
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },

  {
    name: "a PDF opened into the workspace has its page marks in the source view, as on the main page",
    async fn({ page, origin, seen }) {
      // The PDF whose first finding the main page's PDF test opens at a page mark.
      const pdf = fileURLToPath(new URL("../../fixtures/corpus/caizhengju-2024-final/document.pdf", import.meta.url));
      await openClean(page, origin);
      await page.click(byTestId("nav-workspace"));
      await page.setInputFiles(byTestId("workspace-files"), pdf);
      await waitForDocs(page, 1);
      await waitForSaved(page, (docs) => docs.length === 1 && docs[0].pages?.length > 1, "the PDF with its page marks");
      await page.reload();
      await page.click(byTestId("nav-workspace"));
      await waitForDocs(page, 1);
      await page.locator(byTestId("ws-open")).first().click();
      await page.waitForSelector(`${byTestId("analysis-status")}[data-state="done"]`);
      await page.click(`${byTestId("finding")} >> nth=0`);
      await page.waitForSelector(`${byTestId("source-view")} [data-page]`);
      assert.match(await page.$eval(`${byTestId("source-view")} [data-page]`, (el) => el.textContent.trim()), /^第 \d+ 页$/);
      assertNoErrors(seen);
      await clearStorage(page);
    },
  },
];
