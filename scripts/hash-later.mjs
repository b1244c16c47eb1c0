// Trunk post-build hook (Trunk.toml): gives the PDF reader's files content-hashed names, as
// Trunk gives the page's own files, and the engine's wasm an integrity hash; and moves the page's
// own wasm's integrity hash from its preload link to data-integrity (see the end).
//
// The PDF reader (index.html's data-later: src/pdf-reader.js, src/pdf-worker.js and the engine
// crates/disclosure-pdf-worker, built by Trunk as a worker's files, which keep their names) is
// kept by the service worker for offline use. Under fixed names a new build's page could meet the
// old build's engine in that copy; with a name per content, index.html names exactly the files of
// its build, and the service worker drops the others (src/sw.js).
//
// Each file's references are rewritten before it is hashed, from the engine up: the engine, its
// glue (which names the engine), the worker (which names both and checks the engine's integrity:
// ENGINE_INTEGRITY), the reader (which names the worker), then index.html's list.
//
//   node scripts/hash-later.mjs [DIR]     (default: $TRUNK_STAGING_DIR, then dist)
import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? "dist";

const ENGINE = "disclosure-pdf-worker_bg.wasm";
const CHAIN = [ENGINE, "disclosure-pdf-worker.js", "pdf-worker.js", "pdf-reader.js"];

/** "pdf-worker.js" + hash → "pdf-worker-0123456789abcdef.js". */
const hashed = (name, hash) => name.replace(/(\.[a-z]+)$/, `-${hash}$1`);

/** The references each file must hold (a reference the rewrite no longer finds would leave a
 * file pointing at a name that is gone: the build fails instead). */
const MUST = {
  "disclosure-pdf-worker.js": [ENGINE],
  "pdf-worker.js": ["disclosure-pdf-worker.js", ENGINE],
  "pdf-reader.js": ["pdf-worker.js"],
};

/** `text` (the file `name`) with every quoted or path-ended reference to a renamed file put to
 * its new name. */
function rewrite(name, text, names) {
  for (const [from, to] of names) {
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    let found = 0;
    text = text.replace(new RegExp(`(["'/])${escaped}(["'])`, "g"), (_, a, b) => (found++, `${a}${to}${b}`));
    if (found === 0 && MUST[name]?.includes(from)) fail(`${name} no longer names ${from} as a quoted string`);
  }
  return text;
}

const fail = (why) => {
  console.error(`hash-later: ${why}`);
  process.exit(1);
};

const names = new Map();
let integrity = "";
for (const name of CHAIN) {
  const path = join(dir, name);
  let bytes = await readFile(path).catch(() => fail(`${path} is missing (is it still built by index.html?)`));
  if (name.endsWith(".js")) {
    let text = rewrite(name, bytes.toString("utf8"), names);
    if (name === "pdf-worker.js") {
      if (!text.includes('const ENGINE_INTEGRITY = "";')) fail("src/pdf-worker.js no longer has its ENGINE_INTEGRITY line");
      text = text.replace('const ENGINE_INTEGRITY = "";', `const ENGINE_INTEGRITY = "${integrity}";`);
    }
    bytes = Buffer.from(text, "utf8");
    await writeFile(path, bytes);
  }
  if (name === ENGINE) integrity = `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
  const to = hashed(name, createHash("sha256").update(bytes).digest("hex").slice(0, 16));
  await rename(path, join(dir, to));
  names.set(name, to);
}

const index = join(dir, "index.html");
const html = await readFile(index, "utf8");
const list = /data-later=("?)([^">]+)\1/.exec(html);
if (!list) fail("index.html has no data-later list");
const renamed = list[2]
  .trim()
  .split(/\s+/)
  .map((n) => names.get(n) ?? fail(`index.html's data-later names ${n}, which this script does not hash`));
let page = html.replace(list[0], `data-later="${renamed.join(" ")}"`);

// The page's own wasm: Trunk puts its integrity hash on the preload link, and a preload (or a
// fetch) with an integrity hash hands the wasm over only once all of it is in and hashed, so the
// browser cannot compile it as it arrives. The hash moves to data-integrity: the preload streams,
// and src/boot.js compiles the wasm as it arrives and checks the same hash itself before the
// module is run (src/offload.rs gives it to the analysis worker's fetch).
// (Trunk minifies index.html in a release build: attributes in any order, values maybe unquoted.)
const attr = (tag, name) => {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|([^\\s"'>]+))`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
};
const wasmName = (page.match(/<meta\s[^>]*>/g) ?? [])
  .filter((tag) => attr(tag, "name") === "budget-lens:wasm")
  .map((tag) => attr(tag, "content"))[0];
if (!wasmName) fail("index.html has no budget-lens:wasm meta tag (Trunk.toml's pattern_script)");
let moved = 0;
page = page.replace(/<link\s[^>]*>/g, (tag) => {
  if (attr(tag, "href") !== wasmName || attr(tag, "rel") !== "preload") return tag;
  const out = tag.replace(/\sintegrity=/, " data-integrity=");
  if (out !== tag) moved++;
  return out;
});
if (moved !== 1) fail(`index.html's preload link of ${wasmName} has no integrity hash to move`);
await writeFile(index, page);
console.log(`hash-later: ${renamed.join(" ")}; ${wasmName}'s integrity hash checked by src/boot.js`);
