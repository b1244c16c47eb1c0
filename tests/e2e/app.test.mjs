// The browser tests. Each is a small async function given a fresh page; see run.mjs.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

const EXAMPLE = (
  await readFile(new URL("../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt", import.meta.url), "utf8")
).replace(/\r\n?/g, "\n");
const DEPARTMENT = "库尔勒市朝阳街道办事处";

const byTestId = (id) => `[data-testid="${id}"]`;

/** Open the app and wait until yew has rendered it. */
async function openApp(page, origin) {
  await page.goto(`${origin}/`);
  await page.waitForSelector(byTestId("load-example"));
}

/** Wait until the element's trimmed text is exactly `expected`, then return it. */
async function waitForText(page, testId, expected) {
  const sel = byTestId(testId);
  await page
    .waitForFunction(([s, e]) => document.querySelector(s)?.textContent.trim() === e, [sel, expected])
    .catch(async () => {
      const actual = await page.textContent(sel).catch(() => "(element missing)");
      assert.fail(`${sel} should read ${JSON.stringify(expected)}, but reads ${JSON.stringify(actual?.trim())}`);
    });
}

function assertNoErrors(seen) {
  assert.deepEqual(seen.pageErrors, [], "the page threw uncaught errors");
  assert.deepEqual(seen.consoleErrors, [], "the page logged errors to the console");
}

export const tests = [
  {
    name: "load example fills the text area and the summary names the department",
    async fn({ page, origin, seen, artifacts }) {
      await openApp(page, origin);
      assert.equal(await page.inputValue(byTestId("paste-input")), "", "the text area should start empty");

      await page.click(byTestId("load-example"));
      await waitForText(page, "department", DEPARTMENT);

      const value = await page.inputValue(byTestId("paste-input"));
      assert.ok(value.includes(DEPARTMENT), `the text area should contain ${DEPARTMENT}`);
      assert.equal(value, EXAMPLE, "the text area should hold the built-in example exactly");
      const nonBlank = EXAMPLE.split("\n").filter((line) => line.trim() !== "").length;
      await waitForText(page, "line-count", String(nonBlank));
      assert.match(await page.textContent("h1"), /预算透视 Budget Lens/, "heading");

      assertNoErrors(seen);
      await page.screenshot({ path: join(artifacts, "example-1280x800.png") });
    },
  },

  {
    name: "no request leaves the page's origin, and the CSP blocks fetches to other hosts",
    async fn({ page, origin, seen }) {
      await openApp(page, origin);
      await page.click(byTestId("load-example"));
      await waitForText(page, "department", DEPARTMENT);

      const outcome = await page.evaluate(() =>
        fetch("http://example.com/x").then(
          () => "resolved",
          (err) => `rejected: ${err}`,
        ),
      );
      assert.match(outcome, /^rejected/, "fetch('http://example.com/x') must be refused");

      await page
        .waitForFunction(() =>
          window.__cspViolations.some(
            (v) => v.directive === "connect-src" && v.blocked.startsWith("http://example.com"),
          ),
        )
        .catch(async () => {
          const got = await page.evaluate(() => window.__cspViolations);
          assert.fail(`expected a connect-src securitypolicyviolation for example.com, got ${JSON.stringify(got)}`);
        });

      const foreign = seen.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:"));
      assert.deepEqual(foreign, [], `every request must go to ${origin}`);
      assert.ok(
        seen.requests.some((url) => url.endsWith(".wasm")),
        "the recorder should have seen the app's own .wasm request",
      );
      assert.deepEqual(seen.pageErrors, [], "the page threw uncaught errors");
    },
  },

  {
    name: "pasted HTML and script are shown as text and never run",
    async fn({ page, origin, seen }) {
      await openApp(page, origin);
      const payload = [
        `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">`,
        `编制部门：<img/src=x/onerror=window.__pwned=3> 单位：万元`,
        `<script>alert("pwned")</script><svg/onload=alert(4)>`,
      ].join("\n");

      await page.fill(byTestId("paste-input"), payload);
      // The department cell echoes pasted text back into the page: it must stay plain text.
      await waitForText(page, "department", "<img/src=x/onerror=window.__pwned=3>");
      await waitForText(page, "line-count", "3");

      assert.equal(await page.inputValue(byTestId("paste-input")), payload, "the text area keeps the text as is");
      assert.equal(await page.evaluate(() => window.__pwned), undefined, "window.__pwned must stay undefined");
      assert.deepEqual(seen.dialogs, [], "no dialog may open");
      assert.equal(
        await page.evaluate(() => document.querySelectorAll("main img, main script, main svg").length),
        0,
        "the pasted markup must not become elements",
      );
      assert.deepEqual(
        await page.evaluate(() => window.__cspViolations),
        [],
        "nothing should even have tried to run (no CSP violations)",
      );
      assertNoErrors(seen);
    },
  },
];
