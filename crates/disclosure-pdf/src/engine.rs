//! The engine layer: hayro-interpret draws each page into a device that keeps, for every glyph,
//! its text and where it stands; nothing else here knows about PDF.

use hayro_interpret::font::GlyphRun;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::content::TypedIter;
use hayro_interpret::hayro_syntax::page::Page;
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro_interpret::kurbo::{Affine, BezPath, Point, Rect, Vec2};
use hayro_interpret::{
    interpret, interpret_page, BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image,
    ImageDrawProps, InterpreterCache, InterpreterSettings, RenderContent, SoftMask, TransformExt,
};

use std::sync::Arc;

use hayro_interpret::font::{FontQuery, StandardFont};

use crate::budget;
use crate::garble::is_garbage;
use crate::layout::{Glyph, Rule};
use crate::prescan;
use crate::{Limits, PdfError};

/// What was drawn on one page: its glyphs (in page space, y down, the page's rotation applied)
/// and how much of it images cover.
#[derive(Debug, Default)]
pub(crate) struct DrawnPage {
    pub glyphs: Vec<Glyph>,
    /// The page's width and height.
    pub size: (f64, f64),
    /// The largest share of the page one image covers (0 to 1).
    pub image_cover: f64,
    /// Glyphs the engine gave no text for.
    pub unmapped: usize,
    /// The straight lines drawn on the page (table rules), in page space.
    pub rules: Vec<Rule>,
    /// Whether the page's content was cut short at [`Limits::max_page_work`] (crate::budget).
    pub unfinished: bool,
}

/// Opens the PDF, within `limits`: the checks before the engine runs, then the engine's own
/// opening, and the page count.
pub(crate) fn open(bytes: &[u8], limits: &Limits) -> Result<Pdf, PdfError> {
    if bytes.len() > limits.max_bytes {
        return Err(PdfError::TooLarge {
            bytes: bytes.len(),
            max: limits.max_bytes,
        });
    }
    if !looks_like_pdf(bytes) {
        return Err(PdfError::NotPdf);
    }
    // What the engine decodes while it opens the file, and the predictor parameters of every
    // stream, are checked before it runs (crate::prescan): its predictor code trusts them.
    if prescan::raw(bytes, limits.max_inflated).is_err() {
        return Err(PdfError::Broken);
    }
    let pdf = match Pdf::new(bytes.to_vec()) {
        Ok(p) => p,
        Err(LoadPdfError::Decryption(_)) => return Err(PdfError::Encrypted),
        Err(LoadPdfError::Invalid) => return Err(PdfError::Broken),
    };
    if prescan::objects(&pdf, limits.max_inflated).is_err() {
        return Err(PdfError::Broken);
    }
    let pages = pdf.pages().len();
    if pages == 0 {
        return Err(PdfError::Broken);
    }
    if pages > limits.max_pages {
        return Err(PdfError::TooManyPages {
            pages,
            max: limits.max_pages,
        });
    }
    Ok(pdf)
}

/// Opens the PDF and draws every page, within `limits`.
pub(crate) fn draw(bytes: &[u8], limits: &Limits) -> Result<Vec<DrawnPage>, PdfError> {
    let pdf = open(bytes, limits)?;
    let pages = pdf.pages();
    let cache = InterpreterCache::new();
    let mut out = Vec::with_capacity(pages.len());
    let mut glyphs = 0usize;
    let mut work = 0u64;
    let mut measured = budget::Measured::default();
    for page in pages.iter() {
        let mut device = Collector::new(page, limits.max_glyphs.saturating_sub(glyphs));
        let left = limits.max_page_work.min(limits.max_work - work);
        let (cut, spent) = draw_page(page, &pdf, &cache, &mut device, left, limits, &mut measured)?;
        work += spent;
        device.page.unfinished = cut;
        if device.over {
            return Err(PdfError::TooManyGlyphs {
                max: limits.max_glyphs,
            });
        }
        glyphs += device.page.glyphs.len();
        out.push(device.page);
    }
    Ok(out)
}

/// Draws one page into `device` within `left` units of work; whether it was cut short, and
/// the work spent.
pub(crate) fn draw_page<'a>(
    page: &Page<'a>,
    pdf: &'a Pdf,
    cache: &InterpreterCache<'a>,
    device: &mut impl Device<'a>,
    left: u64,
    limits: &Limits,
    measured: &mut budget::Measured,
) -> Result<(bool, u64), PdfError> {
    let (w, h) = page.render_dimensions();
    let initial = page.initial_transform(true).to_kurbo();
    let bbox = Rect::new(0.0, 0.0, f64::from(w), f64::from(h));
    let mut ctx = Context::new(initial, bbox, cache, pdf.xref(), settings());
    // A page that asks for more work than its budget (its own, or what is left of the
    // document's) is drawn only up to the last operator within it (crate::budget); any
    // other is drawn as the engine draws it. Content that would inflate past its limit, or
    // whose bytes alone cost more than the budget left (a content stream of 50 MB of white
    // space shared by 300 pages: the engine decodes and parses it for each), is not
    // inflated at all (nor drawn).
    let affordable = left
        .saturating_mul(budget::BYTES_PER_UNIT)
        .saturating_add(budget::BYTES_PER_UNIT - 1);
    let bomb = budget::contents_inflate_past(page, limits.max_inflated.min(affordable));
    let content = if bomb { None } else { page.page_stream() };
    let (cut, spent) = match content {
        Some(s) => match budget::cut(s, page.resources(), left, limits.max_inflated, measured) {
            Ok(spent) => (None, spent),
            Err(end) => (Some(&s[..end]), left),
        },
        None if bomb => (Some(&[][..]), left),
        None => (None, 0),
    };
    // The engine is not expected to panic, but a PDF is hostile input: a panic on one
    // page becomes a broken-file error, not a crash (where unwinding is available).
    let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match cut {
        None => interpret_page(page, &mut ctx, device),
        Some(part) => interpret(TypedIter::new(part), page.resources(), &mut ctx, device),
    }));
    if drawn.is_err() {
        return Err(PdfError::Broken);
    }
    Ok((cut.is_some(), spent))
}

/// The engine's settings, every one given here (not from `InterpreterSettings::default()`,
/// whose font resolver would link all fourteen stand-in fonts).
fn settings() -> InterpreterSettings {
    InterpreterSettings {
        // A font the PDF does not embed is drawn with a stand-in, and only its outlines come
        // from it: the text comes from the PDF's encoding, ToUnicode map or CMap, the widths
        // from the PDF or the standard metrics. One small stand-in serves for all (15 kB
        // rather than 260 kB in the wasm).
        font_resolver: Arc::new(|_: &FontQuery| Some(StandardFont::Helvetica.get_font_data())),
        // The predefined CMaps a PDF may name without embedding (GBK-EUC-H, UniGB-UCS2-H,
        // and Adobe-GB1-UCS2, which gives the Unicode of a CID font without ToUnicode).
        cmap_resolver: Arc::new(hayro_interpret::hayro_cmap::load_embedded),
        warning_sink: Arc::new(|_| {}),
        // Only the page's own content: annotations (stamps, form widgets, links) are not the
        // document's text.
        render_content: RenderContent::PAGE,
    }
}

/// Whether the bytes begin like a PDF (`%PDF-` within the first kilobyte, as readers allow).
fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Where a glyph drawn with the transform `t` (glyph space to page space) stands on a page of
/// `size`: its origin, writing direction (not of unit length) and font size; `None` for a
/// degenerate glyph or one off the page (text hidden outside the crop box), which is not seen.
pub(crate) fn placed(t: Affine, (w, h): (f64, f64)) -> Option<(Point, Vec2, f64)> {
    // Glyph space has 1000 units to the em: its y axis gives the font size on the page, its x
    // axis the direction of writing (the x axis also carries horizontal scaling and the font's
    // own stretch, so the width is taken from the advance and the size).
    let origin = t * Point::ZERO;
    let up: Vec2 = t * Point::new(0.0, 1000.0) - origin;
    let along: Vec2 = t * Point::new(1000.0, 0.0) - origin;
    let size = up.hypot();
    if !(size.is_finite() && size > 0.0 && along.hypot() > 0.0) {
        return None;
    }
    if origin.x < -size || origin.y < -size || origin.x > w + size || origin.y > h + size {
        return None;
    }
    Some((origin, along, size))
}

/// The device: keeps glyphs and image coverage, draws nothing.
pub(crate) struct Collector {
    pub page: DrawnPage,
    /// How many more glyphs may be kept.
    budget: usize,
    /// Whether the page drew more glyphs than the budget.
    pub over: bool,
}

impl Collector {
    /// A collector for `page`, keeping at most `budget` glyphs.
    pub fn new(page: &Page<'_>, budget: usize) -> Self {
        let (w, h) = page.render_dimensions();
        Collector {
            page: DrawnPage {
                size: (f64::from(w), f64::from(h)),
                ..DrawnPage::default()
            },
            budget,
            over: false,
        }
    }

    pub fn glyphs(&mut self, run: &GlyphRun<'_, '_>, ctm: Affine) {
        for g in run.glyphs() {
            if self.page.glyphs.len() >= self.budget {
                self.over = true;
                return;
            }
            let t = ctm * g.transform();
            let Some((origin, along, size)) = placed(t, self.page.size) else {
                continue;
            };
            let advance = f64::from(g.advance_width_or_default()) / 1000.0 * size;
            // Private-use and control characters are no text: shown as U+FFFD, like a glyph
            // without any (crate::garble).
            let text = match g.as_unicode() {
                Some(BfString::Char(c)) if !is_garbage(c) => Text::Char(c),
                Some(BfString::String(s)) if !s.is_empty() && !s.chars().any(is_garbage) => {
                    Text::Str(s)
                }
                _ => Text::None,
            };
            if matches!(text, Text::None) {
                self.page.unmapped += 1;
            }
            let dir = along / along.hypot();
            self.page.glyphs.push(Glyph {
                text: text.into_string(),
                origin: (origin.x, origin.y),
                dir: (dir.x, dir.y),
                size,
                advance: advance.max(0.0),
            });
        }
    }
}

/// Thicker than this (points), a filled shape is an area, not a rule.
const RULE_WIDTH: f64 = 2.5;
/// The most rules kept on one page (a chart may draw thousands of segments).
const MOST_RULES: usize = 20_000;

impl Collector {
    /// Keeps the horizontal and vertical lines of a path: the segments of a stroked one, and
    /// each thin subpath of a filled one.
    pub fn rules(&mut self, path: &BezPath, t: Affine, mode: &DrawMode) {
        use hayro_interpret::kurbo::{PathEl, Shape};
        if self.page.rules.len() >= MOST_RULES {
            return;
        }
        let stroked = matches!(mode, DrawMode::Stroke(_) | DrawMode::FillAndStroke(..));
        let path = t * path.clone();
        if stroked {
            let (mut start, mut last) = (None::<Point>, None::<Point>);
            for el in path.elements() {
                match *el {
                    PathEl::MoveTo(p) => {
                        start = Some(p);
                        last = Some(p);
                    }
                    PathEl::LineTo(p) => {
                        if let Some(a) = last {
                            self.segment(a, p);
                        }
                        last = Some(p);
                    }
                    PathEl::ClosePath => {
                        if let (Some(a), Some(b)) = (last, start) {
                            self.segment(a, b);
                        }
                        last = start;
                    }
                    PathEl::QuadTo(_, p) | PathEl::CurveTo(_, _, p) => last = Some(p),
                }
            }
        }
        if matches!(mode, DrawMode::Fill(_) | DrawMode::FillAndStroke(..)) {
            let mut sub = BezPath::new();
            let flush = |sub: &mut BezPath, me: &mut Self| {
                if !sub.is_empty() {
                    let b = sub.bounding_box();
                    if b.width() <= RULE_WIDTH && b.height() > RULE_WIDTH {
                        let x = (b.x0 + b.x1) / 2.0;
                        me.segment(Point::new(x, b.y0), Point::new(x, b.y1));
                    } else if b.height() <= RULE_WIDTH && b.width() > RULE_WIDTH {
                        let y = (b.y0 + b.y1) / 2.0;
                        me.segment(Point::new(b.x0, y), Point::new(b.x1, y));
                    }
                    *sub = BezPath::new();
                }
            };
            for el in path.elements() {
                if matches!(el, PathEl::MoveTo(_)) {
                    flush(&mut sub, self);
                }
                sub.push(*el);
            }
            flush(&mut sub, self);
        }
    }

    /// Keeps a segment if it is horizontal or vertical.
    fn segment(&mut self, a: Point, b: Point) {
        let (dx, dy) = ((b.x - a.x).abs(), (b.y - a.y).abs());
        let ok = a.x.is_finite() && a.y.is_finite() && b.x.is_finite() && b.y.is_finite();
        if !ok
            || (dx < 1.0 && dy < 1.0)
            || (dx > 0.5 && dy > 0.5)
            || self.page.rules.len() >= MOST_RULES
        {
            return;
        }
        self.page.rules.push(Rule {
            x0: a.x.min(b.x),
            y0: a.y.min(b.y),
            x1: a.x.max(b.x),
            y1: a.y.max(b.y),
        });
    }
}

/// A glyph's text as the engine gives it.
enum Text {
    Char(char),
    Str(String),
    None,
}

impl Text {
    fn into_string(self) -> Option<String> {
        match self {
            Text::Char(c) => Some(c.to_string()),
            Text::Str(s) => Some(s),
            Text::None => None,
        }
    }
}

/// The advance of a glyph in glyph space (1000 units to the em).
trait Advance {
    fn advance_width_or_default(&self) -> f32;
}

impl Advance for hayro_interpret::font::PositionedGlyph<'_> {
    fn advance_width_or_default(&self) -> f32 {
        let w = match &**self {
            hayro_interpret::font::Glyph::Outline(o) => o.advance_width(),
            hayro_interpret::font::Glyph::Type3(t) => t.advance_width(),
        };
        w.filter(|w| w.is_finite()).unwrap_or(500.0)
    }
}

impl<'a> Device<'a> for Collector {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, mode: &DrawMode) {
        self.rules(path, props.transform, mode);
    }
    fn draw_rect(&mut self, rect: &Rect, props: DrawProps<'a>, mode: &DrawMode) {
        self.rules(
            &hayro_interpret::kurbo::Shape::to_path(rect, 0.1),
            props.transform,
            mode,
        );
    }
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, _: &DrawMode) {
        self.glyphs(run, props.transform);
    }
    fn draw_image(&mut self, image: Image<'a, '_>, props: ImageDrawProps<'a>) {
        self.image(&image, &props);
    }
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}

impl Collector {
    /// Keeps how much of the page an image covers.
    pub fn image(&mut self, image: &Image<'_, '_>, props: &ImageDrawProps<'_>) {
        // The transform maps the image's pixels onto the page: only the area they cover is
        // wanted (a scan covers the page), never the pixels themselves. (`width` and `height`
        // are the engine's, hidden from its docs in favour of the decoded data's.)
        let (w, h) = self.page.size;
        let pixels = f64::from(image.width()) * f64::from(image.height());
        let area = props.transform.determinant().abs() * pixels;
        if w > 0.0 && h > 0.0 && area.is_finite() {
            self.page.image_cover = self.page.image_cover.max((area / (w * h)).min(1.0));
        }
    }
}
