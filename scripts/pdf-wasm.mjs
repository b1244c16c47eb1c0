// The PDF reader as wasm in node: size, time per PDF, and a digest of the text, to compare with
// the native reader's (README "Reading a PDF").
//
//   cargo build --release --target wasm32-unknown-unknown -p disclosure-pdf --example wasm_abi
//   node scripts/pdf-wasm.mjs target/wasm32-unknown-unknown/release/examples/wasm_abi.wasm FILE.pdf...
//
// Prints, per PDF: milliseconds (best of 5 after one warm-up), the text's length and SHA-256.
// `cargo run --profile native -p disclosure-pdf --example pdftext -- --digest FILE.pdf...` prints the
// same natively.
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";

const [wasmPath, ...pdfs] = process.argv.slice(2);
if (!wasmPath || pdfs.length === 0) {
  console.error("usage: node scripts/pdf-wasm.mjs MODULE.wasm FILE.pdf...");
  process.exit(64);
}
const bytes = readFileSync(wasmPath);
console.log(`${wasmPath}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzipped`);
const { instance } = await WebAssembly.instantiate(bytes, {});
const { memory, input, extract, output } = instance.exports;

function run(pdf) {
  const at = input(pdf.length);
  new Uint8Array(memory.buffer, at, pdf.length).set(pdf);
  const len = extract();
  return Buffer.from(new Uint8Array(memory.buffer, output(), len)).toString("utf8");
}

for (const path of pdfs) {
  const pdf = readFileSync(path);
  let text = run(pdf);
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    text = run(pdf);
    best = Math.min(best, performance.now() - t0);
  }
  const digest = createHash("sha256").update(text).digest("hex");
  console.log(`${path}\t${best.toFixed(1)} ms\t${Buffer.byteLength(text)} bytes\t${digest}`);
}
