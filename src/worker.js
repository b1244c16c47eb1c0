// Budget Lens analysis worker: parses large texts away from the page's main thread, so the page
// stays responsive while it works. It runs the page's own wasm (no second build), loaded from the
// URLs the page sends first; src/offload.rs is the page's side.
//
// Messages in:  { init: { js, wasm, integrity } }   once, before any text
//               { id, text }                        a text to parse
// Messages out: { id, bytes }   the core's parse, postcard-encoded (the buffer is transferred)
//               { id, error }   the worker could not parse; the page then parses on its own
let parse = null;

async function start({ js, wasm, integrity }) {
  const glue = await import(js);
  await glue.default({
    module_or_path: fetch(wasm, { credentials: "same-origin", integrity: integrity ?? "" }),
  });
  return glue.worker_parse;
}

self.onmessage = (event) => {
  const message = event.data;
  if (message.init) {
    parse = start(message.init);
    return;
  }
  const { id, text } = message;
  (parse ?? Promise.reject(new Error("not started")))
    .then((run) => {
      const bytes = run(text);
      if (bytes.length === 0) throw new Error("the parse could not be encoded");
      self.postMessage({ id, bytes }, [bytes.buffer]);
    })
    .catch((err) => self.postMessage({ id, error: String(err) }));
};
