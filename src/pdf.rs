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
            pdf_doc: get(data, "doc").as_f64().map(|d| d as u32),
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

/// One page of a PDF as a picture, drawn by the PDF reader's worker (disclosure-pdf's
/// `page_image`): an SVG made of the page's paths and glyph outlines only, as a `data:` URL.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// The picture's `data:image/svg+xml` URL.
    pub url: String,
    /// The page's width and height in points: the picture's size.
    pub width: f64,
    pub height: f64,
    /// Where each cell of the page's lines stands on it.
    pub boxes: Vec<CellBox>,
}

/// A cell of a line of a PDF's page, and where it stands on the page's picture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellBox {
    /// The line's index on its page (0 for the page's first line).
    pub line: usize,
    /// The cell's index in its line (cells are separated by a tab in the text).
    pub cell: usize,
    /// x0, y0, x1, y1 in the picture's coordinates (points, y down).
    pub rect: [f64; 4],
}

/// The cells' boxes from the worker's flat list: six numbers a cell (line, cell, x0, y0, x1,
/// y1); a trailing incomplete group is dropped.
pub fn cell_boxes(flat: &[f64]) -> Vec<CellBox> {
    flat.chunks_exact(6)
        .map(|c| CellBox {
            line: c[0] as usize,
            cell: c[1] as usize,
            rect: [c[2], c[3], c[4], c[5]],
        })
        .collect()
}

/// Page `n` (1-based) of the PDF the reader kept as `doc`, as a picture; `None` when it cannot
/// be drawn (the PDF is no longer kept, the reader is not available, the page was refused).
pub async fn picture(doc: u32, n: usize) -> Option<Picture> {
    let draw = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"budgetLensPdfPage".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())?;
    let promise = draw
        .call2(
            &JsValue::NULL,
            &JsValue::from(doc),
            &JsValue::from(n as u32),
        )
        .ok()?;
    let data = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
        .await
        .ok()?;
    let url = get(&data, "url").as_string()?;
    let boxes = get(&data, "boxes")
        .dyn_ref::<js_sys::Float64Array>()
        .map(|b| cell_boxes(&b.to_vec()))
        .unwrap_or_default();
    Some(Picture {
        url,
        width: get(&data, "width").as_f64()?,
        height: get(&data, "height").as_f64()?,
        boxes,
    })
}

/// The page (1-based) that holds line `line`, given where each page begins (`starts`): the
/// last page beginning at or before it (pages without text begin where the next one does).
pub fn page_of(starts: &[u32], line: u32) -> Option<usize> {
    starts
        .iter()
        .rposition(|&first| first <= line)
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_boxes_come_in_sixes() {
        let flat = [
            0.0, 1.0, 10.0, 20.0, 30.0, 40.0, 2.0, 0.0, 1.0, 2.0, 3.0, 4.0, 9.0,
        ];
        assert_eq!(
            cell_boxes(&flat),
            vec![
                CellBox {
                    line: 0,
                    cell: 1,
                    rect: [10.0, 20.0, 30.0, 40.0]
                },
                CellBox {
                    line: 2,
                    cell: 0,
                    rect: [1.0, 2.0, 3.0, 4.0]
                }
            ]
        );
    }

    #[test]
    fn a_line_is_on_the_last_page_beginning_at_or_before_it() {
        // Page 1 holds lines 1-2; page 2 has no text and begins where page 3 does, at line 3.
        let starts = [1, 3, 3, 7];
        assert_eq!(page_of(&starts, 1), Some(1));
        assert_eq!(page_of(&starts, 2), Some(1));
        assert_eq!(page_of(&starts, 3), Some(3));
        assert_eq!(page_of(&starts, 6), Some(3));
        assert_eq!(page_of(&starts, 9), Some(4));
        assert_eq!(page_of(&[], 1), None);
    }
}
