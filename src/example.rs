//! The built-in example (the 2024 budget disclosure of 库尔勒市朝阳街道办事处), loaded rather
//! than built into the wasm: 13 kB gzipped less before the page can start. The page loads it
//! shortly after starting, to warm the core up ([`crate::analyzer::warm_up`]); 示例 then finds it
//! here.
//!
//! Served, it is the file `<meta name="budget-lens:example">` names (index.html; the service
//! worker keeps it for offline use). The single-file page has it inline, base64 in a
//! non-executable `<script type="text/plain" id="budget-lens-example">` block
//! (scripts/single-file.mjs), since a file:// page may fetch nothing.

use std::cell::RefCell;

use wasm_bindgen_futures::JsFuture;
use yew::AttrValue;

/// The example's file name, for a message if it cannot be loaded.
pub const NAME: &str = "xinjiang-korla-chaoyang-2024-budget.txt";

/// The built-in example, for tests: the 2024 budget disclosure of 库尔勒市朝阳街道办事处. The
/// page loads it when asked ([`load`]).
#[cfg(test)]
pub const EXAMPLE: &str = include_str!("../fixtures/xinjiang-korla-chaoyang-2024-budget.txt");

thread_local! {
    /// The example once loaded: a second click needs no second fetch.
    static TEXT: RefCell<Option<AttrValue>> = const { RefCell::new(None) };
}

/// Loads the example and hands it to `done` (`None` if it could not be had).
pub fn load(done: impl FnOnce(Option<AttrValue>) + 'static) {
    if let Some(text) = TEXT.with(|t| t.borrow().clone()) {
        done(Some(text));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let text = match inline() {
            Some(text) => Some(text),
            None => fetched().await,
        }
        .filter(|t| !t.trim().is_empty())
        .map(AttrValue::from);
        if let Some(text) = &text {
            TEXT.with(|t| *t.borrow_mut() = Some(text.clone()));
        }
        done(text);
    });
}

/// The single-file page's inline copy.
fn inline() -> Option<String> {
    String::from_utf8(crate::served::inline("budget-lens-example")?).ok()
}

/// The served copy.
async fn fetched() -> Option<String> {
    let response = crate::served::fetch_ok(&crate::served::meta("example")?).await?;
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
