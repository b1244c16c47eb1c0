// A PDF's text as Firefox's viewer (pdf.js) gives it when a person selects a page and copies:
// the text layer's runs in content order, a line break where pdf.js marks the end of a line.
// Used to make the corpus's `pdfjs` copies (README "A reviewed corpus"); not part of the build.
//
//   npm install --prefix /tmp/pdfjs pdfjs-dist@4.10.38
//   NODE_PATH=/tmp/pdfjs/node_modules node scripts/corpus/pdfjs-copy.mjs FILE.pdf > pdfjs.txt
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(join(process.env.NODE_PATH ?? process.cwd(), "x.js"));
const root = dirname(require.resolve("pdfjs-dist/package.json"));
const pdfjs = await import(join(root, "legacy/build/pdf.mjs"));

const data = new Uint8Array(await readFile(process.argv[2]));
const doc = await pdfjs.getDocument({
  data,
  // Non-embedded Chinese fonts (GBK-EUC-H and the like) need the Adobe character maps.
  cMapUrl: join(root, "cmaps") + "/",
  cMapPacked: true,
  standardFontDataUrl: join(root, "standard_fonts") + "/",
  verbosity: 0,
}).promise;
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  pages.push(content.items.map((i) => i.str + (i.hasEOL ? "\n" : "")).join(""));
}
process.stdout.write(pages.join("\n").replace(/\n+$/, "") + "\n");
