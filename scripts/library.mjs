// The kiosk's library (README "Kiosk"): the documents an operator puts in library/ become
// files of the built app, with an index the page reads when it runs as a kiosk.
//
//   node scripts/library.mjs [SOURCE] [OUT]        (default: library/ into $TRUNK_STAGING_DIR or dist)
//
// Trunk runs it after every build (Trunk.toml, a post_build hook), so `trunk build` and
// `make build` carry the library; nothing of it is in the page's eager files. It writes
// OUT/library/index.tsv and a copy of each readable document beside it. The index (read by
// src/library.rs, which documents its form) holds, per file: its name, its size, and either
// the department and year the core reads in it (through the `disclosure` command, which reads
// PDFs with the page's own reader) or the problem that keeps it out: empty, binary, not a .txt
// or .pdf, unreadable (with the PDF reader's message) or not a disclosure (the core's
// judgement). A broken file never stops the build: its entry says what is wrong and the others
// are listed as usual.
//
// DISCLOSURE_BIN names a built `disclosure` binary to use instead of `cargo run`.
import { execFileSync } from "node:child_process";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = process.argv[2] ?? join(root, "library");
const outRoot = process.argv[3] ?? process.env.TRUNK_STAGING_DIR ?? join(root, "dist");
const out = join(outRoot, "library");

/** What is wrong with a file's bytes before any reading, judged as src/decode.rs does. */
function byteProblem(bytes, kind) {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const rest = bytes.subarray(start);
  if (rest.every((b) => b === 0x20 || (b >= 0x09 && b <= 0x0d))) return "empty";
  if (kind === "pdf") return null;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "binary";
  if (!utf16 && bytes.includes(0)) return "binary";
  return null;
}

/** `disclosure check --json` of `files` in `lang`: documents and unreadable ones, by path. */
function check(files, lang) {
  if (files.length === 0) return new Map();
  const args = ["check", "--json", "--lang", lang, ...files];
  const bin = process.env.DISCLOSURE_BIN;
  const [cmd, argv] = bin
    ? [bin, args]
    : ["cargo", ["run", "-q", "--manifest-path", join(root, "Cargo.toml"), "-p", "disclosure-cli", "--", ...args]];
  let stdout;
  try {
    stdout = execFileSync(cmd, argv, { encoding: "utf8", maxBuffer: 256 << 20, stdio: ["ignore", "pipe", "ignore"] });
  } catch (err) {
    // Exit status 2: some file could not be read; the others are in the output all the same.
    if (err.status !== 2 || !err.stdout) throw new Error(`library: ${cmd} failed: ${err.message}`);
    stdout = err.stdout;
  }
  const report = JSON.parse(stdout);
  const byFile = new Map();
  for (const d of report.documents) byFile.set(d.file, { doc: d });
  for (const u of report.unreadable) byFile.set(u.file, { error: u.error });
  return byFile;
}

const names = (await readdir(source).catch(() => []))
  .filter((n) => !n.startsWith(".") && n !== "README.md")
  .sort((a, b) => a.localeCompare(b, "zh-CN"));
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const entries = [];
for (const name of names) {
  const path = join(source, name);
  if (!(await stat(path)).isFile()) continue;
  const ext = extname(name).toLowerCase();
  const kind = ext === ".pdf" ? "pdf" : ext === ".txt" ? "txt" : null;
  const bytes = await readFile(path);
  const entry = { name, size: bytes.length, kind: kind ?? ext.replace(/^\./, "") };
  entry.problem = kind ? byteProblem(bytes, kind) : "unsupported";
  entries.push({ entry, path, bytes });
}

const toCheck = entries.filter((e) => !e.entry.problem).map((e) => e.path);
const zh = check(toCheck, "zh");
const unreadable = [...zh.values()].some((r) => r.error);
const en = unreadable ? check(toCheck, "en") : new Map();
for (const [i, { entry, path, bytes }] of entries.entries()) {
  if (entry.problem) continue;
  const read = zh.get(path);
  if (!read) {
    entry.problem = "unreadable";
    continue;
  }
  if (read.error) {
    entry.problem = "unreadable";
    entry.message_zh = read.error;
    entry.message_en = en.get(path)?.error ?? read.error;
    continue;
  }
  const d = read.doc;
  if (d.coverage.extent === "not-a-disclosure") {
    entry.problem = "not-a-disclosure";
    continue;
  }
  entry.department = d.department ?? null;
  entry.year = d.year ?? null;
  entry.file = `${i}.${entry.kind}`;
  await writeFile(join(out, entry.file), bytes);
}

// Tab-separated lines; a tab or line break in a name or message would break its line.
const clean = (v) => (v == null ? "" : String(v).replace(/[\t\r\n]+/g, " "));
const lines = entries.map(({ entry: e }) =>
  [e.name, e.size, e.department, e.year, e.file, e.problem, e.message_zh, e.message_en].map(clean).join("\t"),
);
await writeFile(join(out, "index.tsv"), ["budget-lens-library\t1", ...lines].map((l) => l + "\n").join(""));
const broken = entries.filter((e) => e.entry.problem).map((e) => `${e.entry.name} (${e.entry.problem})`);
console.log(
  `library: ${entries.length - broken.length} of ${entries.length} documents into ${out}` +
    (broken.length ? `; not readable: ${broken.join(", ")}` : ""),
);
