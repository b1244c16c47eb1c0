// Budget Lens analysis worker (a module worker, started by src/analyzer.rs for large texts).
//
// It runs the app's own WebAssembly: the page sends the URL of the wasm-bindgen glue and the
// already compiled WebAssembly.Module, so nothing is downloaded or compiled a second time. Each
// job is { rev, text }; the answer is { rev, json } (the core's Analysis as JSON) or
// { rev, error }. In the worker the module's `main` finds no window and renders nothing.
let app = null;

self.onmessage = async ({ data }) => {
  if (data.init) {
    app = import(data.js).then(async (glue) => {
      await glue.default({ module_or_path: data.module });
      return glue;
    });
    return;
  }
  try {
    if (!app) throw new Error("the worker was not initialised");
    const glue = await app;
    const json = glue.analyze_json(data.text);
    self.postMessage({ rev: data.rev, json });
  } catch (err) {
    self.postMessage({ rev: data.rev, error: String(err?.message ?? err) });
  }
};
