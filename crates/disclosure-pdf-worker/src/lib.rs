//! The page's PDF reader: [`read_pdf`] runs [`disclosure_pdf::extract`] on a PDF's bytes and
//! hands back what the page needs as a plain JavaScript object. It runs in a web worker
//! (src/pdf-worker.js in the app), so a long read never blocks the page, and it is a separate
//! download from the page's own wasm, fetched when the first PDF is opened.
//!
//! The answer, `{ text, pages, notesZh, notesEn }` for a PDF that was read (`pages` holds each
//! page's first line number in `text`, a `Uint32Array`), or `{ code, zh, en }` for one that
//! could not be: disclosure-pdf's error code and its message in both languages.
//!
//! [`render_page`] draws one page of a PDF as a picture, on demand (the source view asks for
//! the page of the line it shows): `{ svg, width, height, boxes }`, where `boxes` is a
//! `Float64Array` of six numbers per cell of each of the page's lines (the line's index on the
//! page, the cell's index in the line, then its box x0, y0, x1, y1 in the picture's
//! coordinates); `{ code, zh, en }` as above; or `{ code: "pdf/no-page" }`.
#![forbid(unsafe_code)]

use wasm_bindgen::prelude::*;

/// What the page is told about a PDF, before it becomes a JavaScript object (kept apart so that
/// it can be tested natively).
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The PDF was read.
    Read {
        /// The text, one printed line a line.
        text: String,
        /// Each page's first line number in `text` (1-based).
        pages: Vec<u32>,
        /// Notes about the reading, in Chinese and in English.
        notes: Vec<(String, String)>,
    },
    /// It could not be read.
    Refused {
        /// disclosure-pdf's error code ("pdf/scanned").
        code: &'static str,
        /// The message in Chinese.
        zh: String,
        /// The message in English.
        en: String,
    },
}

/// Reads a PDF with disclosure-pdf's default limits.
pub fn answer(bytes: &[u8]) -> Answer {
    match disclosure_pdf::extract(bytes) {
        Ok(x) => Answer::Read {
            pages: x
                .pages
                .iter()
                .map(|p| u32::try_from(p.first_line).unwrap_or(u32::MAX))
                .collect(),
            notes: x
                .notes
                .iter()
                .map(|n| (n.message_zh(), n.message_en()))
                .collect(),
            text: x.text,
        },
        Err(e) => Answer::Refused {
            code: e.code(),
            zh: e.message_zh(),
            en: e.message_en(),
        },
    }
}

/// Each cell's box as six numbers: the line's index on the page, the cell's in the line, then
/// x0, y0, x1, y1.
pub fn flat_boxes(boxes: &[Vec<[f64; 4]>]) -> Vec<f64> {
    boxes
        .iter()
        .enumerate()
        .flat_map(|(l, cells)| {
            cells
                .iter()
                .enumerate()
                .flat_map(move |(c, b)| [l as f64, c as f64].into_iter().chain(b.iter().copied()))
        })
        .collect()
}

/// Draws page `n` (1-based) of a PDF's bytes; the answer as a JavaScript object (see the
/// crate's documentation).
#[wasm_bindgen]
pub fn render_page(bytes: &[u8], n: u32) -> JsValue {
    let out = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&out, &key.into(), value);
    };
    match disclosure_pdf::page_image(bytes, n as usize) {
        Ok(Some(img)) => {
            set("svg", &JsValue::from_str(&img.svg));
            set("width", &JsValue::from_f64(img.size.0));
            set("height", &JsValue::from_f64(img.size.1));
            set(
                "boxes",
                &js_sys::Float64Array::from(&flat_boxes(&img.boxes)[..]).into(),
            );
        }
        Ok(None) => set("code", &JsValue::from_str("pdf/no-page")),
        Err(e) => {
            set("code", &JsValue::from_str(e.code()));
            set("zh", &JsValue::from_str(&e.message_zh()));
            set("en", &JsValue::from_str(&e.message_en()));
        }
    }
    out.into()
}

/// Reads a PDF's bytes; the answer as a JavaScript object (see the crate's documentation).
#[wasm_bindgen]
pub fn read_pdf(bytes: &[u8]) -> JsValue {
    let out = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&out, &key.into(), value);
    };
    let strings = |items: &mut dyn Iterator<Item = &String>| -> JsValue {
        items
            .map(|s| JsValue::from_str(s))
            .collect::<js_sys::Array>()
            .into()
    };
    match answer(bytes) {
        Answer::Read { text, pages, notes } => {
            set("text", &JsValue::from_str(&text));
            set("pages", &js_sys::Uint32Array::from(&pages[..]).into());
            set("notesZh", &strings(&mut notes.iter().map(|n| &n.0)));
            set("notesEn", &strings(&mut notes.iter().map(|n| &n.1)));
        }
        Answer::Refused { code, zh, en } => {
            set("code", &JsValue::from_str(code));
            set("zh", &JsValue::from_str(&zh));
            set("en", &JsValue::from_str(&en));
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/../../fixtures/pdf/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn a_pdf_read_gives_its_text_and_where_each_page_begins() {
        let Answer::Read { text, pages, notes } = answer(&fixture("gbk-euc-h.pdf")) else {
            panic!("gbk-euc-h.pdf is read");
        };
        assert_eq!(text.lines().next(), Some("预算收入合计\t1,234.50 万元"));
        assert_eq!(pages, vec![1]);
        assert!(notes.is_empty());
    }

    #[test]
    fn a_pdf_refused_gives_the_readers_code_and_both_messages() {
        let cases = [
            (
                "scanned.pdf",
                "pdf/scanned",
                "这份 PDF 是图片，本工具不做文字识别。",
            ),
            (
                "broken.pdf",
                "pdf/broken",
                "这份 PDF 已损坏，无法读取其结构。",
            ),
            (
                "too-many-pages.pdf",
                "pdf/too-many-pages",
                "这份 PDF 有 301 页，超过了 300 页的上限，未读取。",
            ),
        ];
        for (name, want_code, want_zh) in cases {
            let Answer::Refused { code, zh, en } = answer(&fixture(name)) else {
                panic!("{name} is refused");
            };
            assert_eq!((code, zh.as_str()), (want_code, want_zh), "{name}");
            assert!(en.contains("PDF"), "{name}: {en}");
        }
        assert!(matches!(
            answer(b"hello"),
            Answer::Refused {
                code: "pdf/not-pdf",
                ..
            }
        ));
    }
}
