// A tiny static file server for dist/, on a loopback port chosen by the OS. No dependencies.
// With { gzip: true } it sends files gzipped to clients that accept it, as a static host would:
// the copy NAME.gz beside a file when there is one (crates/precompress writes them with zopfli;
// nginx's gzip_static does the same), else the file gzipped here (gzip -9).
// scripts/bench-first-load.mjs measures the first load over a slow network so.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** Serve `root` on 127.0.0.1; resolves to { origin, close() }. */
export async function serve(root, { gzip = false } = {}) {
  const base = resolve(root);
  const zipped = new Map();
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { Allow: "GET, HEAD" }).end();
        return;
      }
      const urlPath = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
      let file = normalize(join(base, urlPath));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      let body = await readFile(file);
      const headers = {
        "Content-Type": MIME[extname(file)] ?? "application/octet-stream",
        "X-Content-Type-Options": "nosniff",
      };
      if (gzip && extname(file) !== ".png" && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        if (!zipped.has(file)) {
          // Only a copy made after the file (never a stale one from an earlier build).
          const [made, of] = await Promise.all([stat(`${file}.gz`).catch(() => null), stat(file)]);
          const copy = made && made.mtimeMs >= of.mtimeMs ? await readFile(`${file}.gz`) : null;
          zipped.set(file, copy ?? gzipSync(body, { level: 9 }));
        }
        body = zipped.get(file);
        headers["Content-Encoding"] = "gzip";
        headers["Vary"] = "Accept-Encoding";
      }
      headers["Content-Length"] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (err) {
      const missing = err.code === "ENOENT" || err.code === "EISDIR" || err instanceof URIError;
      res.writeHead(missing ? 404 : 500, { "Content-Type": "text/plain" }).end(missing ? "not found" : "error");
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", ok);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
