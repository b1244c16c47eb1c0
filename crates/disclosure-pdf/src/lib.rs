//! Budget Lens's PDF reader: a PDF's bytes in, the document's text out, as the lines the text
//! reader (`disclosure::parse`) takes, rebuilt from where each glyph stands.
//!
//! Pure Rust: no I/O, no threads, no clock, so that the same code runs in the CLI and, compiled
//! to WebAssembly on its own, in the page's worker. The engine is `hayro-interpret`; this crate
//! keeps what it draws (each glyph's text, position, size and advance) and lays it out
//! ([`layout`]): glyphs into lines by baseline, pages in order, words and cells by the gaps
//! between glyphs. Headers, footers and page numbers stay where they are printed.
//!
//! Bad input is an [`PdfError`] with a message in Chinese and English, never a panic and never
//! garbage passed on: a scanned PDF without a text layer, an encrypted or broken file, one too
//! large to read in reasonable time, text that comes out garbled.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod budget;
mod decoded;
mod engine;
pub mod layout;
mod prescan;
mod svg;

pub use layout::{Cell, Line};

/// Bounds on what is read, so that a huge or hostile file ends with a message rather than
/// hours of work or all the memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file read, in bytes.
    pub max_bytes: usize,
    /// The most pages read.
    pub max_pages: usize,
    /// The most glyphs read, over all pages.
    pub max_glyphs: usize,
    /// The most work the engine is given for one page: its operators, its content's bytes, the
    /// glyphs its text operators show (each eight units, or 200 in a text mode that clips) and
    /// the numbers of their `TJ` arrays, and the work of the form XObjects it draws, counted as
    /// deep as they nest (crate::budget). A page over it is read up to the last operator within
    /// it, with a note ([`Note::Unfinished`]); a page whose content's bytes alone cost more is
    /// not decoded.
    pub max_page_work: u64,
    /// The most work the engine is given for the whole document, counted the same way: the
    /// pages after it runs out are read only as far as what is left allows (nothing), with
    /// the same note.
    pub max_work: u64,
    /// The most bytes a stream the engine decodes may decode to, through all its filters: a
    /// page's content, a form XObject's, a font's program, ToUnicode map, embedded CMap or
    /// CIDToGIDMap, the streams of a colour space, pattern, shading or graphics state the
    /// content selects or an image's colour space (ICC profiles, lookup tables, functions,
    /// shading data, a soft mask's group). One over it is not decoded, and the page ends before
    /// it, with the same note. An object stream or cross-reference stream over it (decoded
    /// while the file is opened) makes the file `pdf/broken`, as do predictor parameters that
    /// ask for a row longer than it (crate::prescan).
    pub max_inflated: u64,
}

impl Limits {
    /// 40 MB, 300 pages, a million glyphs, a million units of work a page and ten million a
    /// document: a budget disclosure of a large department runs to a hundred pages and
    /// 300 000 glyphs, and the corpus's documents read within a tenth of these budgets (its
    /// busiest page is 62 795 units of work, 2 671 glyphs at most on a page; its busiest
    /// document 572 296, with 23 645 glyphs over 35 pages; tests/mutations.rs); a file over
    /// these is not one document of the kind, and reading it would keep a page (or a phone)
    /// busy for too long. Spending the document's budget on glyphs, operators, numbers or white
    /// space took 0.2 to 0.35 s of CPU natively (on thin filled rectangles, 0.5 s) on a loaded
    /// machine (README "Reading a PDF").
    pub const DEFAULT: Limits = Limits {
        max_bytes: 40 * 1024 * 1024,
        max_pages: 300,
        max_glyphs: 1_000_000,
        max_page_work: 1_000_000,
        max_work: 10_000_000,
        max_inflated: 64 * 1024 * 1024,
    };
}

impl Default for Limits {
    /// [`Limits::DEFAULT`].
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// The text of a PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    /// The document's text: one line per printed line, pages in order, cells separated by a
    /// tab. This is what `disclosure::parse` reads.
    pub text: String,
    /// The pages, with their lines and where each stands.
    pub pages: Vec<Page>,
    /// What the reader should know about the extraction (nothing, for a clean PDF).
    pub notes: Vec<Note>,
}

/// One page of a PDF as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The page's width and height in points (its rotation applied).
    pub size: (f64, f64),
    /// The 1-based number, in [`Extracted::text`], of the page's first line (of the line after
    /// the previous page's last when the page has no text).
    pub first_line: usize,
    /// The page's lines, top to bottom.
    pub lines: Vec<Line>,
    /// Whether an image covers most of the page.
    pub image: bool,
}

/// Something about an extraction that did not stop it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// These pages (1-based) have no text but an image covering them: scanned pages, whose
    /// content is not read.
    ImagePages(Vec<usize>),
    /// Characters written in another direction than the page's text (a diagonal watermark,
    /// vertical labels) were left out.
    Sideways {
        /// How many characters.
        glyphs: usize,
        /// The pages they are on (1-based).
        pages: Vec<usize>,
    },
    /// These pages (1-based) asked for more work than [`Limits::max_page_work`]: each was read
    /// only up to the point where its budget ran out, and what it draws after that is missing.
    Unfinished(Vec<usize>),
    /// A few glyphs had no readable text (U+FFFD in the text): on these pages (1-based), none
    /// of them inside a number.
    Unreadable {
        /// How many glyphs.
        glyphs: usize,
        /// The pages they are on.
        pages: Vec<usize>,
    },
}

impl Note {
    /// The note in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            Note::ImagePages(p) => format!(
                "第 {} 页是图片，没有文字，未读取（本工具不做文字识别）。",
                pages(p)
            ),
            Note::Unfinished(p) => format!("第 {} 页内容过于复杂，未读完。", pages(p)),
            Note::Sideways { glyphs, pages: p } => format!(
                "第 {} 页有 {glyphs} 个字符与正文方向不同（如水印、竖排文字），未读取。",
                pages(p)
            ),
            Note::Unreadable { glyphs, pages: p } => format!(
                "第 {} 页有 {glyphs} 个字符无法识别（显示为 �），均不在数字中。",
                pages(p)
            ),
        }
    }

    /// The note in English.
    pub fn message_en(&self) -> String {
        match self {
            Note::ImagePages(p) => format!(
                "Page(s) {} are images without text and were not read (this tool does no OCR).",
                pages(p)
            ),
            Note::Unfinished(p) => format!(
                "Page(s) {} are too complex to read to the end; what they hold after the point where reading stopped is missing.",
                pages(p)
            ),
            Note::Sideways { glyphs, pages: p } => format!(
                "{glyphs} character(s) on page(s) {} run in another direction than the text (a watermark, vertical labels) and were not read.",
                pages(p)
            ),
            Note::Unreadable { glyphs, pages: p } => format!(
                "{glyphs} character(s) on page(s) {} could not be read (shown as �); none is inside a number.",
                pages(p)
            ),
        }
    }
}

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// The bytes are not a PDF.
    NotPdf,
    /// The PDF is encrypted with a password.
    Encrypted,
    /// The file is damaged: its structure cannot be read.
    Broken,
    /// The file is larger than [`Limits::max_bytes`].
    TooLarge {
        /// Its size.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// The file has more pages than [`Limits::max_pages`].
    TooManyPages {
        /// Its pages.
        pages: usize,
        /// The limit.
        max: usize,
    },
    /// The file draws more glyphs than [`Limits::max_glyphs`].
    TooManyGlyphs {
        /// The limit.
        max: usize,
    },
    /// Pages were cut short at [`Limits::max_page_work`] (or the document at
    /// [`Limits::max_work`]): the file asks for more work than any document of the kind.
    TooComplex {
        /// The pages cut short (1-based).
        pages: Vec<usize>,
    },
    /// No page has text, and images cover them: a scan.
    Scanned,
    /// No page has text (and no page is an image).
    NoText,
    /// The text comes out garbled: characters without Unicode or in the private-use area, or
    /// letters where a Chinese document has characters.
    Garbled {
        /// How many of the text's characters are garbled.
        garbled: usize,
        /// How many characters the text has.
        total: usize,
        /// A line where it shows (at most 40 characters).
        sample: String,
    },
}

impl PdfError {
    /// A stable code for the error ("pdf/scanned").
    pub fn code(&self) -> &'static str {
        match self {
            PdfError::NotPdf => "pdf/not-pdf",
            PdfError::Encrypted => "pdf/encrypted",
            PdfError::Broken => "pdf/broken",
            PdfError::TooLarge { .. } => "pdf/too-large",
            PdfError::TooManyPages { .. } => "pdf/too-many-pages",
            PdfError::TooManyGlyphs { .. } => "pdf/too-many-glyphs",
            PdfError::TooComplex { .. } => "pdf/too-complex",
            PdfError::Scanned => "pdf/scanned",
            PdfError::NoText => "pdf/no-text",
            PdfError::Garbled { .. } => "pdf/garbled",
        }
    }

    /// The message in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            PdfError::NotPdf => "这个文件不是 PDF。".into(),
            PdfError::Encrypted => {
                "这份 PDF 有密码保护，无法读取。请用原软件去除密码后再试。".into()
            }
            PdfError::Broken => "这份 PDF 已损坏，无法读取其结构。".into(),
            PdfError::TooLarge { bytes, max } => format!(
                "这份 PDF 有 {} MB，超过了 {} MB 的上限，未读取。",
                mb(*bytes),
                mb(*max)
            ),
            PdfError::TooManyPages { pages, max } => {
                format!("这份 PDF 有 {pages} 页，超过了 {max} 页的上限，未读取。")
            }
            PdfError::TooManyGlyphs { max } => {
                format!("这份 PDF 的文字超过 {max} 个字符的上限，未读取。")
            }
            PdfError::TooComplex { pages: p } => format!(
                "这份 PDF 第 {} 页内容过于复杂，未能读完。只读到一部分的表格可能把缺的数当成错，所以这份文件不读取、不核对。",
                pages(p)
            ),
            PdfError::Scanned => "这份 PDF 是图片，本工具不做文字识别。".into(),
            PdfError::NoText => "这份 PDF 没有文字。".into(),
            PdfError::Garbled {
                garbled,
                total,
                sample,
            } => format!(
                "这份 PDF 的文字提取出来是乱码（{total} 个字符中 {garbled} 个无法识别，如「{sample}」），无法可靠读取；请改用文字版本。"
            ),
        }
    }

    /// The message in English.
    pub fn message_en(&self) -> String {
        match self {
            PdfError::NotPdf => "This file is not a PDF.".into(),
            PdfError::Encrypted => {
                "This PDF is password-protected and cannot be read. Remove the password in the software that made it and try again.".into()
            }
            PdfError::Broken => "This PDF is damaged: its structure cannot be read.".into(),
            PdfError::TooLarge { bytes, max } => format!(
                "This PDF is {} MB, over the limit of {} MB; it was not read.",
                mb(*bytes),
                mb(*max)
            ),
            PdfError::TooManyPages { pages, max } => format!(
                "This PDF has {pages} pages, over the limit of {max}; it was not read."
            ),
            PdfError::TooManyGlyphs { max } => format!(
                "This PDF has more than {max} characters of text, over the limit; it was not read."
            ),
            PdfError::TooComplex { pages: p } => format!(
                "Page(s) {} of this PDF are too complex to read to the end. A table read only in part could make missing figures look like errors, so the file is neither read nor checked.",
                pages(p)
            ),
            PdfError::Scanned => {
                "This PDF is a scanned image; this tool does no OCR (text recognition).".into()
            }
            PdfError::NoText => "This PDF has no text.".into(),
            PdfError::Garbled {
                garbled,
                total,
                sample,
            } => format!(
                "The text of this PDF comes out garbled ({garbled} of {total} characters cannot be read, as in \"{sample}\"), so it cannot be read reliably; use a text version instead."
            ),
        }
    }
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for PdfError {}

fn mb(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10).div_ceil(1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}

fn pages(p: &[usize]) -> String {
    let shown: Vec<String> = p.iter().take(10).map(usize::to_string).collect();
    let more = if p.len() > 10 { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}

/// Reads a PDF's text with the default [`Limits`].
///
/// ```
/// let e = disclosure_pdf::extract(b"not a PDF").unwrap_err();
/// assert_eq!(e.code(), "pdf/not-pdf");
/// assert_eq!(e.message_zh(), "这个文件不是 PDF。");
/// ```
pub fn extract(bytes: &[u8]) -> Result<Extracted, PdfError> {
    extract_with(bytes, &Limits::default())
}

/// A page is an image when one image covers at least this share of it.
const IMAGE_PAGE: f64 = 0.5;

/// Reads a PDF's text within `limits`. A PDF with a page cut short at its work budget is
/// refused ([`PdfError::TooComplex`]): a table read without its page's end could look like a
/// document's error (a sum without its last rows), so nothing of it is checked.
pub fn extract_with(bytes: &[u8], limits: &Limits) -> Result<Extracted, PdfError> {
    let x = extract_partial(bytes, limits)?;
    for n in &x.notes {
        if let Note::Unfinished(p) = n {
            return Err(PdfError::TooComplex { pages: p.clone() });
        }
    }
    Ok(x)
}

/// [`extract_with`], keeping the text of pages cut short at their work budget, each up to the
/// point where its budget ran out, with [`Note::Unfinished`]: what the bounds let through, for
/// tests and tools, never for checking.
pub fn extract_partial(bytes: &[u8], limits: &Limits) -> Result<Extracted, PdfError> {
    let drawn = engine::draw(bytes, limits)?;
    let mut pages = Vec::with_capacity(drawn.len());
    let mut text = String::new();
    let mut line_no = 1;
    let (mut sideways, mut sideways_pages) = (0, Vec::new());
    let mut unfinished = Vec::new();
    for (i, d) in drawn.iter().enumerate() {
        if d.unfinished {
            unfinished.push(i + 1);
        }
        let (lines, dropped) = layout::lines(&d.glyphs, &d.rules);
        if dropped.other_direction > 0 {
            sideways += dropped.other_direction;
            sideways_pages.push(i + 1);
        }
        let first_line = line_no;
        for l in &lines {
            text.push_str(&l.text());
            text.push('\n');
            line_no += 1;
        }
        pages.push(Page {
            size: d.size,
            first_line,
            lines,
            image: d.image_cover >= IMAGE_PAGE,
        });
    }
    let has_text = pages.iter().any(|p| !p.lines.is_empty());
    if !has_text {
        return Err(if !unfinished.is_empty() {
            PdfError::TooComplex { pages: unfinished }
        } else if pages.iter().any(|p| p.image) {
            PdfError::Scanned
        } else {
            PdfError::NoText
        });
    }
    let mut notes = Vec::new();
    let image_pages: Vec<usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.lines.is_empty() && p.image)
        .map(|(i, _)| i + 1)
        .collect();
    if !image_pages.is_empty() {
        notes.push(Note::ImagePages(image_pages));
    }
    if !unfinished.is_empty() {
        notes.push(Note::Unfinished(unfinished));
    }
    if sideways > 0 {
        notes.push(Note::Sideways {
            glyphs: sideways,
            pages: sideways_pages,
        });
    }
    garble::check(&pages, &mut notes)?;
    Ok(Extracted { text, pages, notes })
}

/// One page of a PDF as a picture ([`page_image`]).
#[derive(Debug, Clone, PartialEq)]
pub struct PageImage {
    /// The page as an SVG document, its size in points its size in pixels: made of numbers
    /// only (paths, glyph outlines, colours), with no text of the PDF in it. Images are light
    /// boxes where they stand.
    pub svg: String,
    /// The page's width and height in points (its rotation applied), as [`Page::size`].
    pub size: (f64, f64),
    /// Paths drawn (fills and strokes, clips not counted).
    pub paths: usize,
    /// Images drawn as boxes.
    pub images: usize,
    /// Glyphs drawn (each a `<use>` of its outline; a glyph without an outline, such as a
    /// space, is not drawn).
    pub glyphs: usize,
    /// Whether the picture reached its size limit (24 MB of SVG) and what the page draws after
    /// that is missing from it.
    pub truncated: bool,
    /// Where each of the page's lines ([`Page::lines`], in order) stands: each cell's box, in
    /// the picture's coordinates (x0, y0, x1, y1; y down).
    pub boxes: Vec<Vec<[f64; 4]>>,
}

/// Page `n` (1-based) of a PDF as a picture, with where its lines stand, within the default
/// [`Limits`]; `None` when the PDF has no such page.
pub fn page_image(bytes: &[u8], n: usize) -> Result<Option<PageImage>, PdfError> {
    page_image_with(bytes, n, &Limits::default())
}

/// [`page_image`] within `limits`: the file's as for reading it, the page's work within
/// [`Limits::max_page_work`] (a page cut short is [`PdfError::TooComplex`]) and its glyphs
/// within [`Limits::max_glyphs`].
pub fn page_image_with(
    bytes: &[u8],
    n: usize,
    limits: &Limits,
) -> Result<Option<PageImage>, PdfError> {
    let pdf = engine::open(bytes, limits)?;
    let pages = pdf.pages();
    let Some(page) = n.checked_sub(1).and_then(|i| pages.get(i)) else {
        return Ok(None);
    };
    let cache = hayro_interpret::InterpreterCache::new();
    let mut painter = svg::Painter::new(engine::Collector::new(page, limits.max_glyphs));
    let left = limits.max_page_work.min(limits.max_work);
    let mut measured = budget::Measured::default();
    let (cut, _) = engine::draw_page(
        page,
        &pdf,
        &cache,
        &mut painter,
        left,
        limits,
        &mut measured,
    )?;
    let (svg, collector, counts) = painter.finish();
    if collector.over {
        return Err(PdfError::TooManyGlyphs {
            max: limits.max_glyphs,
        });
    }
    if cut {
        return Err(PdfError::TooComplex { pages: vec![n] });
    }
    let drawn = collector.page;
    let (lines, _) = layout::lines(&drawn.glyphs, &drawn.rules);
    Ok(Some(PageImage {
        svg,
        size: drawn.size,
        paths: counts.paths,
        images: counts.images,
        glyphs: counts.glyphs,
        truncated: counts.full,
        boxes: layout::page_boxes(&drawn.glyphs, &lines),
    }))
}

/// The work of the scan before opening on a file's encryption and an encrypted file's object
/// streams (bytes read, copied, decrypted or decoded: see `prescan::State::work`), and whether
/// the scan refused the file: for the test of that work's bound, not for reading.
#[doc(hidden)]
pub fn prescan_work(bytes: &[u8], limit: u64) -> (u64, bool) {
    let (result, work) = prescan::raw_counted(bytes, limit);
    (work, result.is_err())
}

mod garble;
