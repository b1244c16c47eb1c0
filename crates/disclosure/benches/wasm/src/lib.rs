//! One export for the wasm benchmark: `analyze_ms(text, runs)` runs the core's `analyze` on
//! `text` `runs` times and returns each run's time in milliseconds, on the page's clock
//! (`performance.now()`, which Chromium coarsens to 5 µs for a page that is not cross-origin
//! isolated: fine for runs of a millisecond or more).
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
}

/// Milliseconds taken by each of `runs` analyses of `text`.
#[wasm_bindgen]
pub fn analyze_ms(text: &str, runs: u32) -> Vec<f64> {
    (0..runs)
        .map(|_| {
            let start = now();
            let analysis = std::hint::black_box(disclosure::analyze(std::hint::black_box(text)));
            let ms = now() - start;
            drop(analysis);
            ms
        })
        .collect()
}
