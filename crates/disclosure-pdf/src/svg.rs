//! A page as a picture: the paths and glyph outlines the engine draws, written as SVG.
//!
//! The SVG is made of numbers only: path data, colours, transforms, and names of our own
//! (`g3`, `c1`). No text of the PDF goes into it (a glyph is its outline, never its character),
//! so nothing in a PDF can put markup or script into the picture. Each glyph's outline is
//! defined once per page (`<defs>`) and placed with `<use>` wherever it is drawn; images are
//! drawn as a light box where they stand (their pixels are never decoded).

use std::collections::HashMap;
use std::fmt::Write;

use hayro_interpret::font::{Glyph as EngineGlyph, GlyphRun};
use hayro_interpret::kurbo::{BezPath, PathEl, Point, Rect, Shape};
use hayro_interpret::{
    BlendMode, ClipPath, Device, DrawMode, DrawProps, FillRule, Image, ImageDrawProps, Paint,
    SoftMask,
};

use crate::engine::{placed, Collector};

/// The most bytes of SVG a page is drawn to: what is drawn after that is left out (a chart of
/// hundreds of thousands of segments), and the picture says so ([`Painter::full`]).
const MOST_BYTES: usize = 24 * 1024 * 1024;

/// The colour of an image's box, and of a fill whose paint is a pattern or shading.
const IMAGE_FILL: &str = "#e8e8e8";
const PATTERN_FILL: &str = "#c8c8c8";

/// The device that draws a page as SVG, and keeps what [`Collector`] keeps (the glyphs and
/// rules the page's lines are laid out from) from the same drawing.
pub(crate) struct Painter {
    pub collector: Collector,
    /// `<defs>`: glyph outlines and clipping paths.
    defs: String,
    /// What is drawn, in order.
    body: String,
    /// Each glyph outline's path data, and its number.
    outlines: HashMap<String, usize>,
    clips: usize,
    /// The groups opened by clips and transparency groups, to close them in order.
    open: Vec<Opened>,
    /// Paths, image boxes and glyphs drawn.
    pub paths: usize,
    pub images: usize,
    pub glyphs: usize,
    /// Whether the picture reached [`MOST_BYTES`] and later drawing was left out.
    pub full: bool,
    /// The paint attributes of the group of glyphs open at the end of the body, if one is:
    /// glyph runs painted alike one after another share it.
    glyph_group: Option<String>,
    /// How deep inside a Type 3 glyph's own drawing the engine is (its paths are the glyph's
    /// shape, not the page's rules).
    type3: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Opened {
    Clip,
    Group,
}

impl Painter {
    pub fn new(collector: Collector) -> Self {
        Painter {
            collector,
            defs: String::new(),
            body: String::new(),
            outlines: HashMap::new(),
            clips: 0,
            open: Vec::new(),
            paths: 0,
            images: 0,
            glyphs: 0,
            full: false,
            glyph_group: None,
            type3: 0,
        }
    }

    /// The SVG document: the page's size in points is its size in pixels, on white.
    pub fn finish(mut self) -> (String, Collector, Counts) {
        self.end_glyphs();
        for _ in self.open.drain(..) {
            self.body.push_str("</g>");
        }
        let (w, h) = self.collector.page.size;
        let mut svg = String::with_capacity(self.defs.len() + self.body.len() + 256);
        svg.push_str(r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 "#);
        num(&mut svg, w, 100.0);
        svg.push(' ');
        num(&mut svg, h, 100.0);
        svg.push_str(r#"" width=""#);
        num(&mut svg, w, 100.0);
        svg.push_str(r#"" height=""#);
        num(&mut svg, h, 100.0);
        svg.push_str(r##""><rect width="100%" height="100%" fill="#fff"/><defs>"##);
        svg.push_str(&self.defs);
        svg.push_str("</defs>");
        svg.push_str(&self.body);
        svg.push_str("</svg>");
        let counts = Counts {
            paths: self.paths,
            images: self.images,
            glyphs: self.glyphs,
            full: self.full,
        };
        (svg, self.collector, counts)
    }

    /// Closes the group of glyphs open at the end of the body, if one is.
    fn end_glyphs(&mut self) {
        if self.glyph_group.take().is_some() {
            self.body.push_str("</g>");
        }
    }

    fn room(&mut self) -> bool {
        if self.body.len() + self.defs.len() > MOST_BYTES {
            self.full = true;
        }
        !self.full
    }

    /// A filled or stroked path, `path` already in page space; `scale` turns the stroke's
    /// width into page space.
    fn shape(&mut self, path: &BezPath, paint: &Paint<'_>, mode: &DrawMode, scale: f64) {
        if matches!(mode, DrawMode::Invisible) || path.is_empty() || !self.room() {
            return;
        }
        self.end_glyphs();
        let b = &mut self.body;
        b.push_str("<path d=\"");
        path_data(b, path, 100.0);
        b.push('"');
        paint_attributes(b, paint, mode, scale);
        b.push_str("/>");
        self.paths += 1;
    }

    fn glyph_run(&mut self, run: &GlyphRun<'_, '_>, props: &DrawProps<'_>, mode: &DrawMode) {
        if matches!(mode, DrawMode::Invisible) || !self.room() {
            return;
        }
        let ctm = props.transform;
        let size = self.collector.page.size;
        for g in run.glyphs() {
            let t = ctm * g.transform();
            if placed(t, size).is_none() {
                continue;
            }
            let outline = match &**g {
                EngineGlyph::Outline(o) => o.outline(),
                EngineGlyph::Type3(_) => continue,
            };
            if outline.is_empty() {
                continue;
            }
            let mut d = String::new();
            path_data(&mut d, &outline, 1.0);
            let id = match self.outlines.get(&d) {
                Some(&id) => id,
                None => {
                    let id = self.outlines.len();
                    let _ = write!(self.defs, r#"<path id="g{id}" d="{d}"/>"#);
                    self.outlines.insert(d, id);
                    id
                }
            };
            // A stroke's width is in text space: in glyph space it is that over the glyph's
            // own scale (the font size over 1000).
            let det = g.transform().determinant().abs().sqrt();
            let scale = if det > 0.0 { 1.0 / det } else { 1.0 };
            let mut attributes = String::new();
            paint_attributes(&mut attributes, &props.paint, mode, scale);
            if self.glyph_group.as_ref() != Some(&attributes) {
                self.end_glyphs();
                let _ = write!(self.body, "<g{attributes}>");
                self.glyph_group = Some(attributes);
            }
            let _ = write!(
                self.body,
                r##"<use xlink:href="#g{id}" transform="matrix("##
            );
            let [a, b, c, d, e, f] = t.as_coeffs();
            for (i, (v, s)) in [
                (a, 1e6),
                (b, 1e6),
                (c, 1e6),
                (d, 1e6),
                (e, 100.0),
                (f, 100.0),
            ]
            .into_iter()
            .enumerate()
            {
                if i > 0 {
                    self.body.push(' ');
                }
                num(&mut self.body, v, s);
            }
            self.body.push_str(")\"/>");
            self.glyphs += 1;
        }
    }
}

/// What a page's picture holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    pub paths: usize,
    pub images: usize,
    pub glyphs: usize,
    pub full: bool,
}

/// Writes `v` rounded to 1/`scale` (no exponent, no negative zero; 0 for a value that is not
/// finite).
fn num(out: &mut String, v: f64, scale: f64) {
    let r = (v * scale).round() / scale;
    let r = if r.is_finite() { r + 0.0 } else { 0.0 };
    let _ = write!(out, "{r}");
}

/// A path's data, its coordinates rounded to 1/`scale`.
fn path_data(out: &mut String, path: &BezPath, scale: f64) {
    let point = |out: &mut String, p: Point| {
        num(out, p.x, scale);
        out.push(' ');
        num(out, p.y, scale);
    };
    for el in path.elements() {
        match *el {
            PathEl::MoveTo(p) => {
                out.push('M');
                point(out, p);
            }
            PathEl::LineTo(p) => {
                out.push('L');
                point(out, p);
            }
            PathEl::QuadTo(a, p) => {
                out.push('Q');
                point(out, a);
                out.push(' ');
                point(out, p);
            }
            PathEl::CurveTo(a, b, p) => {
                out.push('C');
                point(out, a);
                out.push(' ');
                point(out, b);
                out.push(' ');
                point(out, p);
            }
            PathEl::ClosePath => out.push('Z'),
        }
    }
}

/// A paint as `#rrggbb` and its opacity (1 for a pattern, drawn grey).
fn colour(paint: &Paint<'_>) -> (String, f64) {
    match paint {
        Paint::Color(c) => {
            let [r, g, b, a] = c.to_rgba().to_rgba8();
            (format!("#{r:02x}{g:02x}{b:02x}"), f64::from(a) / 255.0)
        }
        Paint::Pattern(_) => (PATTERN_FILL.to_string(), 1.0),
    }
}

/// The fill and stroke attributes of a drawing mode; `scale` turns a stroke's width into the
/// drawing's coordinates.
fn paint_attributes(out: &mut String, paint: &Paint<'_>, mode: &DrawMode, scale: f64) {
    let (c, alpha) = colour(paint);
    let fill = |out: &mut String, rule: &FillRule| {
        let _ = write!(out, r#" fill="{c}""#);
        if matches!(rule, FillRule::EvenOdd) {
            out.push_str(r#" fill-rule="evenodd""#);
        }
        if alpha < 1.0 {
            out.push_str(r#" fill-opacity=""#);
            num(out, alpha, 100.0);
            out.push('"');
        }
    };
    let stroke = |out: &mut String, width: f32| {
        // A width of 0 is the thinnest line the device can draw.
        let w = (f64::from(width) * scale).max(0.25 * scale.min(1.0));
        let _ = write!(out, r#" stroke="{c}" stroke-width=""#);
        num(out, w, 1000.0);
        out.push('"');
        if alpha < 1.0 {
            out.push_str(r#" stroke-opacity=""#);
            num(out, alpha, 100.0);
            out.push('"');
        }
    };
    match mode {
        DrawMode::Fill(rule) => fill(out, rule),
        DrawMode::Stroke(p) => {
            out.push_str(r#" fill="none""#);
            stroke(out, p.line_width);
        }
        DrawMode::FillAndStroke(rule, p) => {
            fill(out, rule);
            stroke(out, p.line_width);
        }
        DrawMode::Invisible => out.push_str(r#" fill="none""#),
    }
}

impl<'a> Device<'a> for Painter {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, mode: &DrawMode) {
        if self.type3 == 0 {
            self.collector.rules(path, props.transform, mode);
        }
        let scale = props.transform.determinant().abs().sqrt();
        self.shape(&(props.transform * path.clone()), &props.paint, mode, scale);
    }
    fn draw_rect(&mut self, rect: &Rect, props: DrawProps<'a>, mode: &DrawMode) {
        self.draw_path(&rect.to_path(0.1), props, mode);
    }
    fn push_clip_path(&mut self, clip: &ClipPath) {
        self.end_glyphs();
        self.clips += 1;
        let n = self.clips;
        let _ = write!(self.defs, r#"<clipPath id="c{n}"><path d=""#);
        path_data(&mut self.defs, &clip.path, 100.0);
        self.defs.push('"');
        if matches!(clip.fill, FillRule::EvenOdd) {
            self.defs.push_str(r#" clip-rule="evenodd""#);
        }
        self.defs.push_str("/></clipPath>");
        let _ = write!(self.body, r#"<g clip-path="url(#c{n})">"#);
        self.open.push(Opened::Clip);
    }
    fn push_transparency_group(&mut self, opacity: f32, _: Option<SoftMask<'a>>, _: BlendMode) {
        self.end_glyphs();
        self.body.push_str("<g");
        if opacity < 1.0 {
            self.body.push_str(r#" opacity=""#);
            num(&mut self.body, f64::from(opacity.max(0.0)), 100.0);
            self.body.push('"');
        }
        self.body.push('>');
        self.open.push(Opened::Group);
    }
    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, mode: &DrawMode) {
        if self.type3 == 0 {
            self.collector.glyphs(run, props.transform);
        }
        self.glyph_run(run, &props, mode);
        // A Type 3 glyph is drawn by its own content, into this device.
        for g in run.glyphs() {
            if let EngineGlyph::Type3(t) = &**g {
                if placed(props.transform * g.transform(), self.collector.page.size).is_some() {
                    self.type3 += 1;
                    t.interpret(self, props.transform, g.transform(), &props.paint);
                    self.type3 -= 1;
                }
            }
        }
    }
    fn draw_image(&mut self, image: Image<'a, '_>, props: ImageDrawProps<'a>) {
        if self.type3 == 0 {
            self.collector.image(&image, &props);
        }
        if !self.room() {
            return;
        }
        self.end_glyphs();
        let area = Rect::new(
            0.0,
            0.0,
            f64::from(image.width()),
            f64::from(image.height()),
        );
        let path = props.transform * area.to_path(0.1);
        self.body.push_str("<path d=\"");
        path_data(&mut self.body, &path, 100.0);
        let _ = write!(self.body, r#"" fill="{IMAGE_FILL}"/>"#);
        self.images += 1;
    }
    fn pop_clip(&mut self) {
        self.close(Opened::Clip);
    }
    fn pop_transparency_group(&mut self) {
        self.close(Opened::Group);
    }
}

impl Painter {
    /// Closes the innermost group of this kind (and any opened inside it that the engine did
    /// not close).
    fn close(&mut self, kind: Opened) {
        self.end_glyphs();
        if let Some(at) = self.open.iter().rposition(|&o| o == kind) {
            for _ in at..self.open.len() {
                self.body.push_str("</g>");
            }
            self.open.truncate(at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_rounded_without_exponent_or_negative_zero() {
        let mut s = String::new();
        for (v, scale) in [
            (12.344, 100.0),
            (-0.001, 100.0),
            (1e-9, 1e6),
            (f64::NAN, 100.0),
            (595.0, 100.0),
        ] {
            num(&mut s, v, scale);
            s.push(',');
        }
        assert_eq!(s, "12.34,0,0,0,595,");
    }
}
