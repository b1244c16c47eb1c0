// The wasm reader on PDFs it must refuse or cut short, each in a fresh instance: a panic is an
// abort there (a trap), so the check is that every PDF ends in the reader's own answer and none
// traps (README "Reading a PDF", the bounds on the engine's work).
//
//   cargo build --release --target wasm32-unknown-unknown -p disclosure-pdf --example wasm_abi
//   PDF_DUMP_DIR=/tmp/made cargo test -p disclosure-pdf --test mutations   # writes the made PDFs
//   node scripts/pdf-wasm-refuses.mjs target/wasm32-unknown-unknown/release/examples/wasm_abi.wasm /tmp/made/*.pdf
//
// Prints, per PDF, the reader's answer ("error pdf/broken", "error pdf/too-complex", or the
// text's first line); exits 1 when any PDF traps.
import { readFileSync } from "node:fs";

const [wasmPath, ...pdfs] = process.argv.slice(2);
if (!wasmPath || pdfs.length === 0) {
  console.error("usage: node scripts/pdf-wasm-refuses.mjs MODULE.wasm FILE.pdf...");
  process.exit(64);
}
const module = await WebAssembly.compile(readFileSync(wasmPath));
let traps = 0;
for (const path of pdfs) {
  const pdf = readFileSync(path);
  const instance = await WebAssembly.instantiate(module, {});
  const { memory, input, extract, output } = instance.exports;
  try {
    const at = input(pdf.length);
    new Uint8Array(memory.buffer, at, pdf.length).set(pdf);
    const len = extract();
    const text = Buffer.from(new Uint8Array(memory.buffer, output(), len)).toString("utf8");
    console.log(`${path}\t${text.split("\n")[0]}`);
  } catch (e) {
    traps += 1;
    console.log(`${path}\tTRAP: ${e.message}`);
  }
}
console.log(`${pdfs.length} PDFs, ${traps} traps`);
process.exit(traps === 0 ? 0 : 1);
