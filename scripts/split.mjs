// Trunk post-build hook (Trunk.toml): splits the page's wasm in two, so the first load carries
// only what shows a paste's findings. Then it runs scripts/hash-later.mjs (Trunk runs the hooks
// of one stage at the same time, and both rewrite index.html).
//
// The code a paste does not use (src/later.rs: the workspace, compare, over the years, the
// kiosk's library) sits behind a `#[wasm_split]` point. From the wasm as cargo linked it (with
// its relocations: build.rs) crates/wasm-split writes the main module, the later module and a
// small loader (wasm_split_cli_support); wasm-bindgen then makes the glue from the main module,
// wasm-opt optimises each module with index.html's data-wasm-opt-params (Trunk's own wasm-opt is
// off for the page's wasm: data-wasm-opt="0"), and the results replace the files Trunk built
// under its names. The later module and the loader get content-hashed names, and:
//
// - the loader fetches the later module with its integrity hash (a module whose bytes differ is
//   refused: the page says that part could not be loaded, and the analyser keeps working);
// - index.html preloads the loader with its integrity hash (the glue imports it: the CSP stays
//   'self' only), and names the later module in <meta name="budget-lens:later">, so the service
//   worker keeps a copy of it (src/sw.js keeps every .js and .wasm index.html names);
// - the glue's and the main wasm's integrity hashes in index.html are made anew.
//
// The glue keeps Trunk's name: the loader imports it by name (to reach the running module's
// exports), and the glue imports the loader by name, so only one of the two can be named by
// its content. Trunk's name follows from the sources, so it still changes with every change.
//
//   node scripts/split.mjs [DIR]     (default: $TRUNK_STAGING_DIR, then dist)
// Environment: TRUNK_PROFILE (release: wasm-opt runs), TRUNK_SOURCE_DIR, CARGO_TARGET_DIR.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? "dist";
const release = (process.env.TRUNK_PROFILE ?? "release") === "release";
const target = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const source = process.env.TRUNK_SOURCE_DIR ?? root;

const fail = (why) => {
  console.error(`split: ${why}`);
  process.exit(1);
};
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] }).toString();
const sha384 = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const hash16 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

// (Trunk minifies index.html in a release build: attributes in any order, values maybe unquoted.)
const attr = (tag, name) => {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|([^\\s"'>]+))`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
};
const indexPath = join(dir, "index.html");
let page = await readFile(indexPath, "utf8");
const meta = (name) =>
  (page.match(/<meta\s[^>]*>/g) ?? []).filter((t) => attr(t, "name") === name).map((t) => attr(t, "content"))[0] ??
  fail(`index.html has no ${name} meta tag (Trunk.toml's pattern_script)`);
const jsUrl = meta("budget-lens:js");
const wasmUrl = meta("budget-lens:wasm");
const base = jsUrl.slice(0, jsUrl.lastIndexOf("/") + 1);
const file = (url) => join(dir, url.slice(url.lastIndexOf("/") + 1));

// The wasm-opt parameters, from the source index.html's link to the page's crate.
const sourceHtml = await readFile(join(source, "index.html"), "utf8");
const rustLink = (sourceHtml.match(/<link\s[^>]*data-bin="budget-lens"[^>]*>/) ?? [])[0] ?? fail("index.html has no rust link with data-bin=\"budget-lens\"");
if (attr(rustLink, "data-wasm-opt") !== "0") fail("index.html's rust link must have data-wasm-opt=\"0\" (this hook runs wasm-opt)");
const optParams = (attr(rustLink, "data-wasm-opt-params") ?? fail("index.html's rust link has no data-wasm-opt-params")).split(/\s+/);

// The splitter: built by the Makefile before Trunk runs; built here if it is not (a bare `trunk build`).
const splitter = join(target, "release", "wasm-split");
if (!existsSync(splitter)) run("cargo", ["build", "-q", "--release", "-p", "wasm-split"]);
const linked = join(target, "wasm32-unknown-unknown", release ? "release" : "debug", "budget-lens.wasm");
if (!existsSync(linked)) fail(`${linked} is missing (Trunk's cargo build writes it)`);

const work = await mkdtemp(join(tmpdir(), "budget-lens-split-"));
try {
  const glueName = jsUrl.slice(jsUrl.lastIndexOf("/") + 1);
  const chunks = run(splitter, [linked, work, `./${glueName}`]).trim().split("\n").filter(Boolean);
  if (chunks.length === 0) fail("the wasm has no split points (src/later.rs)");
  run("wasm-bindgen", ["--target=web", "--no-typescript", "--keep-lld-exports", `--out-dir=${join(work, "bg")}`, "--out-name=budget-lens", join(work, "main.wasm")]);

  // wasm-opt, each module at the same time (as Trunk would: -Oz, then the page's parameters).
  const optimise = async (from, to) => {
    if (!release) return readFile(from);
    const { execFile } = await import("node:child_process");
    await new Promise((resolve, reject) =>
      execFile("wasm-opt", [`--output=${to}`, "-Oz", from, ...optParams], { cwd: root }, (err, _out, stderr) =>
        err ? reject(new Error(`wasm-opt ${from}: ${stderr || err}`)) : resolve(),
      ),
    );
    return readFile(to);
  };
  const [mainWasm, ...chunkWasm] = await Promise.all([
    optimise(join(work, "bg", "budget-lens_bg.wasm"), join(work, "main.opt.wasm")),
    ...chunks.map((c) => optimise(join(work, c), join(work, `${c}.opt`))),
  ]);

  // The later modules under hashed names, fetched by the loader with their integrity hashes.
  let loader = await readFile(join(work, "split.js"), "utf8");
  const later = [];
  for (const [i, chunk] of chunks.entries()) {
    const bytes = chunkWasm[i];
    // split_later.wasm (the module of `#[wasm_split(later)]`) → later-0123456789abcdef.wasm.
    const stem = chunk.replace(/^split_/, "").replace(/\.wasm$/, "");
    const name = `${stem === "later" ? "later" : `later-${stem}`}-${hash16(bytes)}.wasm`;
    const call = `fetch(new URL("./${chunk}", import.meta.url))`;
    if (!loader.includes(call)) fail(`the loader no longer fetches ${chunk} as this script expects (wasm_split_cli_support changed?)`);
    loader = loader.replace(call, `fetch(new URL("./${name}", import.meta.url), { credentials: "same-origin", integrity: "${sha384(bytes)}" })`);
    await writeFile(join(dir, name), bytes);
    later.push(name);
  }
  if (!loader.includes(`from "./${glueName}"`)) fail("the loader does not import the glue by its name");
  const loaderName = `split-${hash16(loader)}.js`;
  await writeFile(join(dir, loaderName), loader);

  // The glue, importing the loader by its hashed name, and the main module, under Trunk's names.
  let glue = await readFile(join(work, "bg", "budget-lens.js"), "utf8");
  if (!glue.includes(`from "./split.js"`)) fail("the glue does not import the loader (./split.js)");
  glue = glue.replaceAll(`from "./split.js"`, `from "./${loaderName}"`);
  await writeFile(file(jsUrl), glue);
  await writeFile(file(wasmUrl), mainWasm);

  // index.html: the glue's and the wasm's integrity made anew; the loader preloaded with its
  // hash; the later modules named for the service worker.
  let renewed = 0;
  page = page.replace(/<link\s[^>]*>/g, (tag) => {
    const href = attr(tag, "href");
    const bytes = href === jsUrl ? glue : href === wasmUrl ? mainWasm : null;
    if (bytes === null || attr(tag, "integrity") === undefined) return tag;
    renewed++;
    return tag.replace(/\sintegrity=(?:"[^"]*"|[^\s"'>]+)/, ` integrity="${sha384(bytes)}"`);
  });
  if (renewed !== 2) fail(`index.html's links to ${jsUrl} and ${wasmUrl} should carry integrity hashes (found ${renewed})`);
  const extra =
    `<link rel="modulepreload" crossorigin href="${base}${loaderName}" integrity="${sha384(loader)}">` +
    `<meta name="budget-lens:later" content="${later.map((n) => base + n).join(" ")}">`;
  if (!page.includes("</head>")) fail("index.html has no </head>");
  page = page.replace("</head>", `${extra}</head>`);
  await writeFile(indexPath, page);
  const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log(`split: ${wasmUrl} ${kB(mainWasm.length)}; later: ${later.map((n, i) => `${n} ${kB(chunkWasm[i].length)}`).join(", ")}; loader ${loaderName}`);
} finally {
  await rm(work, { recursive: true, force: true });
}

// The PDF reader's hashed names and the wasm's integrity hash moved for streaming (its own hook
// before; it must follow this one).
await import("./hash-later.mjs");
