//! Reading a PDF, the app's side. The reading itself happens in a web worker that runs the PDF
//! engine (crates/disclosure-pdf-worker: disclosure-pdf compiled to wasm, 1.1 MB gzipped,
//! twice the page); src/pdf-reader.js runs that worker, ends one that does not
//! load, dies or runs too long, and is itself loaded only when the first PDF is opened (src/boot.js
//! names it to the app as `budgetLensReadPdf`). None of it is part of the page's first load, and
//! the page's main thread never reads a PDF.
//!
//! The text the engine extracts becomes a [`Decoded`] file like a .txt file's, and is analysed
//! exactly like a pasted text. A PDF it cannot read comes back as disclosure-pdf's message in
//! both languages ([`Rejection::PdfUnread`]); a worker that failed, as [`Rejection::PdfFailed`].
//! The single-file page has no `budgetLensReadPdf`: a PDF there is [`Rejection::Pdf`].

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::decode::{decode, Decoded, PdfFailure, Rejection};

/// Whether `bytes` begin as a PDF does.
pub fn is_pdf(bytes: &js_sys::Uint8Array) -> bool {
    bytes.length() >= 5 && bytes.subarray(0, 5).to_vec() == b"%PDF-"
}

/// Reads the PDF in `bytes`: its text, or why it was not read.
pub async fn read(bytes: &js_sys::Uint8Array) -> Result<Decoded, Rejection> {
    let reader = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"budgetLensReadPdf".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(reader) = reader else {
        return Err(Rejection::Pdf);
    };
    let answer = match reader.call1(&JsValue::NULL, bytes) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await,
        Err(e) => Err(e),
    };
    // The reader's module itself did not load (offline before it was kept).
    let Ok(data) = answer else {
        return Err(Rejection::PdfFailed(PdfFailure::NotLoaded));
    };
    outcome(&data)
}

/// A field of the answer.
fn get(data: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(data, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The reader's answer about one PDF (src/pdf-reader.js).
fn outcome(data: &JsValue) -> Result<Decoded, Rejection> {
    let strings = |key: &str| -> Vec<String> {
        js_sys::Array::from(&get(data, key))
            .iter()
            .filter_map(|s| s.as_string())
            .collect()
    };
    if let Some(text) = get(data, "text").as_string() {
        let pages = get(data, "pages")
            .dyn_ref::<js_sys::Uint32Array>()
            .map(|p| p.to_vec())
            .unwrap_or_default();
        let notes = strings("notesZh")
            .into_iter()
            .zip(strings("notesEn"))
            .collect();
        return Ok(Decoded {
            text,
            encoding: "PDF",
            pages,
            notes,
        });
    }
    if let (Some(zh), Some(en)) = (get(data, "zh").as_string(), get(data, "en").as_string()) {
        return Err(Rejection::PdfUnread { zh, en });
    }
    Err(Rejection::PdfFailed(
        match get(data, "failed").as_string().as_deref() {
            Some("crashed") => PdfFailure::Crashed,
            Some("timed-out") => PdfFailure::TimedOut,
            _ => PdfFailure::NotLoaded,
        },
    ))
}

/// A file's bytes as text: a PDF's read by the PDF reader, any other decoded (the file picker's
/// and the kiosk library's one way in).
pub async fn decode_bytes(bytes: &js_sys::Uint8Array) -> Result<Decoded, Rejection> {
    if is_pdf(bytes) {
        read(bytes).await
    } else {
        decode(&bytes.to_vec())
    }
}
