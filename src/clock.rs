//! The page's clock, for timing analyses: used by the analyzer and by the worker's answers
//! ([`crate::offload`]), so it sits below both.

/// Milliseconds since the page opened.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
