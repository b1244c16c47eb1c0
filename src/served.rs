//! The files served beside the page: their addresses as index.html names them
//! (`<meta name="budget-lens:…" content="…">`), a fetch that answers only with a successful
//! response, and the single-file page's inline copies (base64 blocks).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The address index.html gives under `budget-lens:{name}`.
pub fn meta(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name=\"budget-lens:{name}\"]"))
        .ok()??
        .get_attribute("content")
}

/// `url` fetched, when the server answers it with success.
pub async fn fetch_ok(url: &str) -> Option<web_sys::Response> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    response.ok().then_some(response)
}

/// A single-file page's inline block `id`, decoded from base64.
pub fn inline(id: &str) -> Option<Vec<u8>> {
    let window = web_sys::window()?;
    let block = window.document()?.get_element_by_id(id)?.text_content()?;
    let binary = window.atob(block.trim()).ok()?;
    // atob gives one character per byte.
    Some(binary.chars().map(|c| c as u32 as u8).collect())
}
