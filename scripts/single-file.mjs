// Builds the single self-contained page: dist-single/budget-lens.html, with the wasm, the
// JavaScript and the stylesheet inlined, that opens from file:// and never touches the network.
//
//   node scripts/single-file.mjs [DIST] [OUT]     (`make single` builds dist first)
//
// - The wasm-bindgen glue, the split wasm's loader and the start-up code become one inline
//   module script; the later part of the wasm (scripts/split.mjs) is base64 in a block of its
//   own, which the loader reads when that part is first needed, as it would fetch it. The wasm is
//   base64 in a non-executable <script type="application/octet-stream"> block, decoded and
//   instantiated by that script (asynchronously: Chromium refuses synchronous compilation of a
//   module this size on the main thread).
// - The Content-Security-Policy allows exactly that script and that stylesheet by their SHA-256
//   hashes (no 'unsafe-inline'), 'wasm-unsafe-eval' to compile the wasm, and nothing from
//   anywhere: default-src 'none', connect-src 'none'.
// - The built-in example is base64 in another non-executable block, #budget-lens-example
//   (src/example.rs reads it; a file:// page may fetch nothing).
// - The kiosk's library (dist/library/, scripts/library.mjs) is inline too: its index in
//   #budget-lens-library and each document in #budget-lens-library-<file>, base64 like the
//   example (src/library.rs reads them). A build without a library gets none.
// - The body is index.html's: the static shell, painted before the wasm is decoded; the app
//   adopts its text when it starts (src/shell.rs).
// - There is no analysis worker here (a file:// page cannot start one): large texts are
//   analysed on the page, after the "analysing" status is shown. No service worker either.
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = process.argv[2] ?? join(root, "dist");
const out = process.argv[3] ?? join(root, "dist-single", "budget-lens.html");

const fail = (message) => {
  console.error(`single-file: ${message}`);
  process.exit(1);
};

const html = await readFile(join(dist, "index.html"), "utf8").catch(() =>
  fail(`${dist}/index.html not found: build first (trunk build --release --offline)`),
);
const find = (re, what) => html.match(re)?.[1] ?? fail(`index.html names no ${what}`);
// Trunk's release build minifies index.html: attribute values may be unquoted and attributes
// come in any order. `tagAttr(tag, name)` reads one attribute of one tag's text.
const tags = html.match(/<(?:meta|link)\s[^>]*>/g) ?? [];
const tagAttr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|([^\\s"'>]+))`));
  return m ? (m[1] ?? m[2]) : undefined;
};
const meta = (name, what) =>
  tags.filter((t) => tagAttr(t, "name") === name).map((t) => tagAttr(t, "content"))[0] ??
  fail(`index.html names no ${what}`);
const local = (url) => join(dist, url.replace(/^.*\//, ""));
const jsUrl = meta("budget-lens:js", "JavaScript glue");
const wasmUrl = meta("budget-lens:wasm", "wasm");
const cssUrl =
  tags.filter((t) => tagAttr(t, "rel") === "stylesheet").map((t) => tagAttr(t, "href"))[0] ??
  fail("index.html names no stylesheet");
const exampleUrl = meta("budget-lens:example", "example");

const [glue, wasm, css, example] = await Promise.all([
  readFile(local(jsUrl), "utf8"),
  readFile(local(wasmUrl)),
  readFile(local(cssUrl), "utf8"),
  readFile(local(exampleUrl)),
]);

// The kiosk's library: its index and every document it lists, as base64 blocks.
const libraryDir = join(dist, "library");
const libraryIndex = await readFile(join(libraryDir, "index.tsv")).catch(() => null);
const libraryBlocks = [];
if (libraryIndex) {
  libraryBlocks.push(["budget-lens-library", libraryIndex]);
  // A line per document after the header; its fifth field is its copy's name, if it has one.
  for (const line of libraryIndex.toString("utf8").split("\n").slice(1)) {
    const file = line.split("\t")[4];
    if (file) libraryBlocks.push([`budget-lens-library-${file}`, await readFile(join(libraryDir, file))]);
  }
}
const library = libraryBlocks
  .map(([id, bytes]) => `    <script type="text/plain" id="${id}">\n${bytes.toString("base64")}\n    </script>\n`)
  .join("");

// The glue is an ES module; inline, its exports become plain declarations.
const exportFunctions = /^export function /gm;
const exportList = /^export \{[^}]*\};?\s*$/gm;
if (!glue.match(exportList)) fail("the glue's export list was not found (wasm-bindgen output changed?)");
let inlineGlue = glue.replace(exportFunctions, "function ").replace(exportList, "");
if (/^export /m.test(inlineGlue)) fail("the glue has an export this script does not know how to inline");

// The split wasm's loader (scripts/split.mjs), which the glue imports: inline too, in a function
// of its own, its exports the glue's import object; it takes each later module from a base64
// block of this page (#budget-lens-later-<name>) instead of fetching it.
const laterBlocks = [];
const loaderImport = /^import \* as (\w+) from "\.\/(split-[0-9a-f]+\.js)";?\s*$/m.exec(inlineGlue);
if (loaderImport) {
  const [line, binding, loaderFile] = loaderImport;
  let loader = await readFile(join(dist, loaderFile), "utf8");
  loader = loader.replace(/^import \{ initSync \} from "[^"]+";?\s*$/m, "");
  const exported = [...loader.matchAll(/^export const (\w+) =/gm)].map((m) => m[1]);
  if (exported.length === 0) fail(`${loaderFile} exports no loader (wasm_split_cli_support changed?)`);
  loader = loader.replace(/^export const /gm, "const ");
  loader = loader.replace(/fetch\(new URL\("\.\/(later-[\w-]+\.wasm)", import\.meta\.url\)(?:, \{[^}]*\})?\)/g, (_, name) => {
    laterBlocks.push(name);
    return `Promise.resolve(new Response(Uint8Array.from(atob(document.getElementById("budget-lens-later-${name}").textContent.trim()), (c) => c.charCodeAt(0)), { headers: { "Content-Type": "application/wasm" } }))`;
  });
  if (laterBlocks.length === 0 || /fetch\(/.test(loader)) fail(`${loaderFile} fetches what this script does not know how to inline`);
  if (/^(import|export) /m.test(loader)) fail(`${loaderFile} has an import or export this script does not know how to inline`);
  inlineGlue = inlineGlue.replace(line, `const ${binding} = (() => {\n${loader}\nreturn { ${exported.join(", ")} };\n})();\n`);
}
if (/^import /m.test(inlineGlue)) fail("the glue imports other files (snippets); they cannot be inlined");
const later = (
  await Promise.all(laterBlocks.map(async (name) => [name, await readFile(join(dist, name))]))
)
  .map(([name, bytes]) => `    <script type="application/octet-stream" id="budget-lens-later-${name}">\n${bytes.toString("base64")}\n    </script>\n`)
  .join("");

const script = `${inlineGlue}
// Budget Lens single-file start-up: the wasm is the base64 text of #budget-lens-wasm.
const base64 = document.getElementById("budget-lens-wasm").textContent.trim();
const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
`;
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(css)}`,
  "img-src data:",
  "connect-src 'none'",
  "font-src 'none'",
  "object-src 'none'",
  "media-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

// The page's body: the static shell the app replaces when it starts (index.html).
const body = find(/<body[^>]*>([\s\S]*?)(?:<\/body>|<\/html>|$)/, "body").trim();
const description = meta("description", "description");
const title = find(/<title>([^<]+)<\/title>/, "title");
const page = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <!-- Budget Lens as one file: built by scripts/single-file.mjs from ${dist.replace(root + "/", "")}/. It loads nothing
         and may connect nowhere (connect-src 'none'); the only script and stylesheet are the ones
         below, allowed by their hashes. -->
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <meta name="referrer" content="no-referrer" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="${description}" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
    <style>${css}</style>
    <script type="application/octet-stream" id="budget-lens-wasm">
${wasm.toString("base64")}
    </script>
    <script type="text/plain" id="budget-lens-example">
${example.toString("base64")}
    </script>
${later}${library}    <script type="module">${script}</script>
  </head>
  <body>
    ${body}
  </body>
</html>
`;
await mkdir(dirname(out), { recursive: true });
await writeFile(out, page);
console.log(`single-file: ${out} (${(page.length / 1e6).toFixed(2)} MB)`);
