//! A bound on the work one page asks of the engine, counted before it draws anything.
//!
//! The engine interprets a page's content stream to its end and cannot be stopped from the
//! device it draws into. A hostile page can ask for unbounded work: millions of tiny
//! operators, strings of millions of glyphs, megabytes of white space, or form XObjects that each draw the next one
//! twice, fifty deep (2^50 drawings from a few hundred bytes; the engine's own bound is the
//! depth only). So the page's content is first counted, operator by operator, the way the
//! engine would walk it, a form XObject counted as all the work its own content asks for
//! (recursively, as deep as the engine goes), and when the count passes the budget, the engine
//! is given the content only up to the last operator within it: the page ends there, and the
//! reader notes that it was not read to its end.
//!
//! The count is itself bounded: it stops as soon as it passes the budget, so counting a page
//! costs at most about as much as the budget allows the engine.

use crate::decoded::decoded_size;
use hayro_interpret::hayro_syntax::content::{Instruction, UntypedIter};
use hayro_interpret::hayro_syntax::object::dict::keys::{BBOX, RESOURCES, SUBTYPE};
use hayro_interpret::hayro_syntax::object::{Array, Dict, Name, Object, ObjectIdentifier, Stream};
use hayro_interpret::hayro_syntax::page::Page;
use hayro_interpret::hayro_syntax::page::Resources;
use std::collections::{HashMap, HashSet};

/// How deep form XObjects are drawn inside each other: the engine's own limit
/// (hayro-interpret's `MAX_NESTED_INTERPRETATION_DEPTH`); counting deeper would only count
/// more than it draws.
const MOST_NESTED: u32 = 50;

/// The most dictionaries, arrays and streams visited for one object the content selects (a
/// shared one each time it is reached; numbers and names are not counted: a gradient of 60
/// stops holds hundreds of them), and how deep.
const MOST_HELD: usize = 4096;
const MOST_HELD_DEPTH: u32 = 12;

/// Content bytes that count as one unit of work: the engine decodes and parses every byte of
/// a page's content (operands, white space, comments, an inline image's data) and of a form's,
/// each time it draws the form. Natively a byte costs about a tenth of a unit's time: 16 of
/// them, less than a bare operator such as `q` (measured on pages of 50 MB of white space).
pub(crate) const BYTES_PER_UNIT: u64 = 16;
const BYTES_PER: usize = BYTES_PER_UNIT as usize;

/// The units each byte of a string a text operator shows costs (a byte is at most one glyph).
/// The engine's per-glyph work (the code's glyph, by name in a standard font, its transform,
/// its text) and this reader's device take about eight times a bare operator's time: a page
/// showing 900 000 glyphs of a standard font took 0.3 s natively, as much as eight million
/// `q Q` would (the fuzz target's slow input showed ten million glyphs in 1.5 s within the
/// budget that counted each as one unit).
const GLYPH_UNITS: u64 = 8;

/// The units each byte of a shown string costs once the page has set a text rendering mode
/// that clips (4 to 7, `Tr`): the engine then builds each glyph's outline into a clipping
/// path, about 25 times the work of a glyph otherwise (900 000 glyphs: 33 s against 1.3 s).
/// Counted from the first such `Tr` the page's count meets to the page's end, whatever
/// restores the mode in between (more than the engine's work, never less).
const CLIP_GLYPH_UNITS: u64 = 200;

/// The units each number of a `TJ` array costs (the engine moves the text position by each
/// in turn: about two thirds of a glyph's time, measured on arrays of 3.6 million numbers).
const ADJUST_UNITS: u64 = 6;

/// Where to end a page's content so that its work stays within `budget`: `Ok` with the work
/// when all of it does, else `Err` with the byte offset in `content` after the last operator
/// within the budget.
///
/// A unit of work is an operator, an operand (and each element of an array operand), 16 bytes
/// of the content (of the page's, counted up to each
/// operator's end, and of a form XObject's decoded content, each time it is drawn), or an entry
/// of the width tables the engine builds when it loads a font (once per font and page); each
/// byte of a string a text operator shows (at most one glyph) costs [`GLYPH_UNITS`] (or
/// [`CLIP_GLYPH_UNITS`] once the page has set a clipping text mode), each number of a `TJ`
/// array [`ADJUST_UNITS`]; drawing a form costs its own content's work.
/// Selecting a font, or drawing a form, whose streams decode past `max_inflated` bytes is
/// more work than any budget (`measured` keeps, for the whole document, which streams were
/// measured and whether they were over).
pub(crate) fn cut(
    content: &[u8],
    resources: &Resources<'_>,
    budget: u64,
    max_inflated: u64,
    measured: &mut Measured,
) -> Result<u64, usize> {
    let mut counter = Counter {
        fonts: HashSet::new(),
        resources: HashSet::new(),
        max_inflated,
        measured,
        clip: false,
    };
    // The parser's search for the end of inline images, before the parser runs.
    let mut spent = inline_image_search(content) / BYTES_PER_UNIT;
    if spent > budget {
        return Err(0);
    }
    let mut end = 0usize;
    let mut ops = UntypedIter::new(content);
    while let Some(op) = ops.next() {
        // The engine's parser gives the operator as a slice of `content` (unless its name has
        // `#` escapes, which no writer uses): the page can end right after it. An operator
        // that is not such a slice moves nothing, so the page ends earlier, never later.
        let after = end_of(content, &op.operator[..]);
        // The bytes parsed since the last operator's end (its operands and what lies between),
        // counted as the content's bytes up to here, 16 a unit.
        let bytes = after.map_or(0, |a| (a / BYTES_PER) - (end / BYTES_PER)) as u64;
        spent = spent.saturating_add(bytes);
        if spent <= budget {
            spent = spent.saturating_add(counter.cost(&op, resources, budget - spent, 0));
        }
        if spent > budget {
            return Err(end);
        }
        if let Some(e) = after {
            end = e;
        }
    }
    // What follows the last operator is parsed too.
    spent = spent.saturating_add(((content.len() / BYTES_PER) - (end / BYTES_PER)) as u64);
    if spent > budget {
        return Err(end);
    }
    Ok(spent)
}

/// Whether the page's content streams, together, decode to more than `limit` bytes (see
/// [`decoded_size`]): measured only up to `limit`, so that a page the document's budget can
/// no longer pay for (its bytes alone) costs next to nothing.
pub(crate) fn contents_inflate_past(page: &Page<'_>, limit: u64) -> bool {
    let raw = page.raw();
    let mut total = 0u64;
    if let Some(s) = raw.get::<Stream<'_>>(b"Contents") {
        total = decoded_size(&s, limit);
    } else if let Some(a) = raw.get::<Array<'_>>(b"Contents") {
        for s in a.iter::<Stream<'_>>() {
            total = total.saturating_add(decoded_size(&s, limit - total.min(limit)));
            if total > limit {
                break;
            }
        }
    }
    total > limit
}

/// The streams of a document whose decoded size was measured: whether each was over the
/// limit (a font's program is measured once, not on every page that uses it).
#[derive(Default)]
pub(crate) struct Measured(HashMap<ObjectIdentifier, bool>);

/// What a page's count has already paid for.
struct Counter<'m> {
    /// The fonts whose loading was counted (the engine loads each once), by where their
    /// bytes are.
    fonts: HashSet<usize>,
    /// The colour spaces, patterns, shadings and graphics states whose streams were measured
    /// (by the operator's first letter and where the object's bytes are).
    resources: HashSet<(u8, usize)>,
    /// The most bytes a stream the engine decodes may decode to
    /// ([`crate::Limits::max_inflated`]).
    max_inflated: u64,
    measured: &'m mut Measured,
    /// Whether a text rendering mode that clips (4 to 7) was set on the page.
    clip: bool,
}

impl Counter<'_> {
    /// The work of a content stream (a form XObject's), counted only until it passes `limit`.
    fn work(&mut self, content: &[u8], resources: &Resources<'_>, limit: u64, depth: u32) -> u64 {
        let mut spent = 0u64;
        let mut ops = UntypedIter::new(content);
        while let Some(op) = ops.next() {
            spent = spent.saturating_add(self.cost(&op, resources, limit - spent, depth));
            if spent > limit {
                break;
            }
        }
        spent
    }

    /// The work of one operator: 1, plus that of the strings it shows (counted until it passes
    /// `left`), plus the work of the form XObject it draws (counted until it passes `left`),
    /// plus that of loading the font it selects.
    fn cost(
        &mut self,
        op: &Instruction<'_, '_>,
        resources: &Resources<'_>,
        left: u64,
        depth: u32,
    ) -> u64 {
        operands(op).saturating_add(self.operator(op, resources, left, depth))
    }

    /// [`Self::cost`] without the operands.
    fn operator(
        &mut self,
        op: &Instruction<'_, '_>,
        resources: &Resources<'_>,
        left: u64,
        depth: u32,
    ) -> u64 {
        let name: &[u8] = &op.operator[..];
        match name {
            b"Tj" | b"TJ" | b"'" | b"\"" => {
                let glyph = if self.clip {
                    CLIP_GLYPH_UNITS
                } else {
                    GLYPH_UNITS
                };
                op.operands()
                    .map(|o| shown(o, glyph, left))
                    .fold(1, u64::saturating_add)
            }
            b"Tr" => {
                if let Some(Object::Number(n)) = op.operands().next() {
                    // Read as the engine reads it (an integer; any other is fill).
                    self.clip |= (4..=7).contains(&n.as_i64());
                }
                1
            }
            b"Tf" => match op.operands().next() {
                Some(Object::Name(f)) => self.font(f, resources).saturating_add(1),
                _ => 1,
            },
            b"Do" => {
                let Some(Object::Name(x)) = op.operands().last() else {
                    return 1;
                };
                self.form(x, resources, left.saturating_sub(1), depth + 1)
                    .saturating_add(1)
            }
            // An inline image: its data is not decoded, but a colour space it names from the
            // resources is built.
            b"BI" => match op.operands().next() {
                Some(Object::Stream(image)) => self
                    .named_colour_space(image.dict(), resources)
                    .saturating_add(1),
                _ => 1,
            },
            // Selecting a colour space, a pattern, a shading or a graphics state makes the
            // engine build it, decoding the streams it holds.
            b"cs" | b"CS" | b"scn" | b"SCN" | b"sh" | b"gs" => {
                let Some(Object::Name(n)) = op.operands().last() else {
                    return 1;
                };
                let kind = name[0];
                let held = match name {
                    b"cs" | b"CS" => resources.get_color_space(n),
                    b"scn" | b"SCN" => resources.get_pattern(n),
                    b"sh" => resources.get_shading(n),
                    _ => resources.get_ext_g_state(n).map(Object::Dict),
                };
                // Each object once per page: known by where its bytes are.
                let at = |o: &Object<'_>| match o {
                    Object::Dict(d) => Some(d.data().as_ptr() as usize),
                    Object::Stream(s) => Some(s.dict().data().as_ptr() as usize),
                    Object::Array(a) => Some(a.data().as_ptr() as usize),
                    _ => None,
                };
                match held {
                    Some(o) if at(&o).is_some_and(|p| self.resources.insert((kind, p))) => {
                        self.held(o).saturating_add(1)
                    }
                    _ => 1,
                }
            }
            _ => 1,
        }
    }

    /// The work of drawing the XObject named `x`: nothing for an image (the device only
    /// measures it), the content's work for a form, as the engine would draw it (a form
    /// without a /BBox is not drawn).
    fn form(&mut self, x: &Name<'_>, resources: &Resources<'_>, limit: u64, depth: u32) -> u64 {
        let Some(stream) = resources.get_x_object(x) else {
            return 0;
        };
        let dict = stream.dict();
        let is_form = dict
            .get::<Name<'_>>(SUBTYPE)
            .is_some_and(|s| &s[..] == b"Form");
        if !is_form {
            // An image: its data is not decoded (the device takes its size only), but the
            // engine builds its colour space (once per image and page here).
            let at = dict.data().as_ptr() as usize;
            return if self.resources.insert((b'D', at)) {
                self.held(Object::Stream(stream.clone()))
                    .saturating_add(self.named_colour_space(dict, resources))
            } else {
                0
            };
        }
        // A form whose content decodes past the limit is more work than any budget. The
        // engine decodes a form's content before it looks at its /BBox or its depth, so this
        // holds for one it then does not draw, too.
        if self.over(&stream) {
            return u64::MAX;
        }
        if depth > MOST_NESTED || dict.get::<[f32; 4]>(BBOX).is_none() {
            return 0;
        }
        let Ok(data) = stream.decoded_data() else {
            return 0;
        };
        let own = dict.get::<Dict<'_>>(RESOURCES).map(Resources::new);
        let decode =
            (data.len() as u64).saturating_add(inline_image_search(&data)) / BYTES_PER_UNIT;
        if decode > limit {
            return decode;
        }
        let inner = own.as_ref().unwrap_or(resources);
        decode.saturating_add(self.work(&data, inner, limit - decode, depth))
    }

    /// The work of loading the font named `f`, the first time on the page: the entries of the
    /// width tables the engine fills from its dictionary. A simple font's widths are a list
    /// from /FirstChar, which the engine fills from 0 (so /FirstChar counts); a CID font's
    /// /W and /W2 give ranges `first last width`, which it fills entry by entry (a range
    /// from 0 to 4 294 967 295 is 30 bytes of PDF and more memory than any machine has).
    ///
    /// Loading it also decodes its streams (its program, ToUnicode map, embedded CMap): a font
    /// with one over the limit is more work than any budget. (A Type3 font's glyph procedures
    /// are not run: the reader's device takes the glyph's code and position only.)
    fn font(&mut self, f: &Name<'_>, resources: &Resources<'_>) -> u64 {
        let Some(dict) = resources.get_font(f) else {
            return 0;
        };
        // Known by where its bytes are: a dictionary's object number is that of the object
        // it is written in, which two fonts written in the same resources share.
        if !self.fonts.insert(dict.data().as_ptr() as usize) {
            return 0;
        }
        let mut work = simple_widths(&dict);
        let descendant = dict
            .get::<Array<'_>>(b"DescendantFonts")
            .and_then(|a| a.iter::<Dict<'_>>().next());
        let mut streams: Vec<Stream<'_>> = [b"ToUnicode".as_slice(), b"Encoding"]
            .iter()
            .filter_map(|k| dict.get::<Stream<'_>>(*k))
            .collect();
        // A CID font's glyph map, which the engine decodes when it loads the font.
        if let Some(map) = descendant
            .as_ref()
            .and_then(|d| d.get::<Stream<'_>>(b"CIDToGIDMap"))
        {
            streams.push(map);
        }
        for d in std::iter::once(&dict).chain(descendant.as_ref()) {
            if let Some(desc) = d.get::<Dict<'_>>(b"FontDescriptor") {
                streams.extend(
                    [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                        .iter()
                        .filter_map(|k| desc.get::<Stream<'_>>(*k)),
                );
            }
        }
        if streams.iter().any(|s| self.over(s)) {
            return u64::MAX;
        }
        if let Some(cid) = descendant {
            work = work
                .saturating_add(cid.get::<Array<'_>>(b"W").map_or(0, |w| ranges(&w, false)))
                .saturating_add(cid.get::<Array<'_>>(b"W2").map_or(0, |w| ranges(&w, true)));
        }
        work
    }

    /// The work of building an object the content selects (a colour space, a pattern, a
    /// shading, a graphics state, an image's dictionary): more than any budget when a stream
    /// it holds decodes past the limit (an ICC profile, an Indexed lookup table, a sampled or
    /// PostScript function, a shading's data, a soft mask's group content), else nothing.
    /// Every stream reachable from it is measured, except an image's own data, an entry's
    /// /Metadata, and what its /Resources or /Parent lead to (the engine decodes none of these
    /// when it builds the object); a graph deeper than [`MOST_HELD_DEPTH`] or larger than
    /// [`MOST_HELD`] containers counts as over.
    fn held(&mut self, object: Object<'_>) -> u64 {
        let mut seen = 0usize;
        if self.held_over(object, 0, &mut seen) {
            u64::MAX
        } else {
            0
        }
    }

    /// The work of building the colour space an image names from the resources (/ColorSpace,
    /// or /CS in an inline image), as [`Counter::held`].
    fn named_colour_space(&mut self, image: &Dict<'_>, resources: &Resources<'_>) -> u64 {
        let named = image
            .get::<Name<'_>>(b"ColorSpace")
            .or_else(|| image.get::<Name<'_>>(b"CS"));
        match named.and_then(|n| resources.get_color_space(&n)) {
            Some(cs) => self.held(cs),
            None => 0,
        }
    }

    fn held_over(&mut self, object: Object<'_>, depth: u32, seen: &mut usize) -> bool {
        if !matches!(
            object,
            Object::Stream(_) | Object::Dict(_) | Object::Array(_)
        ) {
            return false;
        }
        *seen += 1;
        if *seen > MOST_HELD || depth > MOST_HELD_DEPTH {
            return true;
        }
        let dict = match object {
            Object::Stream(s) => {
                let image = s
                    .dict()
                    .get::<Name<'_>>(SUBTYPE)
                    .is_some_and(|t| &t[..] == b"Image");
                if !image && self.over(&s) {
                    return true;
                }
                s.dict().clone()
            }
            Object::Dict(d) => d,
            Object::Array(a) => {
                return a
                    .iter::<Object<'_>>()
                    .any(|o| self.held_over(o, depth + 1, seen));
            }
            _ => return false,
        };
        dict.keys()
            .filter(|k| !matches!(&k[..], b"Parent" | b"Resources" | b"Metadata"))
            .filter_map(|k| dict.get::<Object<'_>>(&*k))
            .collect::<Vec<_>>()
            .into_iter()
            .any(|o| self.held_over(o, depth + 1, seen))
    }

    /// Whether `stream` decodes past the limit (measured once per document).
    fn over(&mut self, stream: &Stream<'_>) -> bool {
        let limit = self.max_inflated;
        *self
            .measured
            .0
            .entry(stream.obj_id())
            .or_insert_with(|| decoded_size(stream, limit) > limit)
    }
}

/// The entries a simple font's /Widths make: /FirstChar empty ones, then the widths.
fn simple_widths(dict: &Dict<'_>) -> u64 {
    let first = dict.get::<usize>(b"FirstChar");
    let last = dict.get::<usize>(b"LastChar");
    match (first, last, dict.get::<Array<'_>>(b"Widths")) {
        (Some(first), Some(last), Some(_)) if last >= first => first as u64,
        _ => 0,
    }
}

/// The entries a CID font's /W (or, `vertical`, /W2) makes: read as the engine reads it, a
/// start and an array of widths, or a range `first last` and one width (three numbers for
/// /W2), until neither follows.
fn ranges(arr: &Array<'_>, vertical: bool) -> u64 {
    let mut iter = arr.flex_iter();
    let mut entries = 0u64;
    loop {
        if let Some((_, list)) = iter.next::<(u32, Array<'_>)>() {
            let n = list.iter::<Object<'_>>().count() as u64;
            entries = entries.saturating_add(if vertical { n / 3 } else { n });
        } else if let Some((first, last)) = if vertical {
            iter.next::<(u32, u32, f32, f32, f32)>()
                .map(|(a, b, ..)| (a, b))
        } else {
            iter.next::<(u32, u32, f32)>().map(|(a, b, _)| (a, b))
        } {
            let n = u64::from(last.saturating_sub(first)) + 1;
            entries = entries.saturating_add(if last >= first { n } else { 0 });
        } else {
            break;
        }
    }
    entries
}

/// The work of a text operator's operand: `glyph` units for each byte it shows (a string's,
/// or those of the strings in an array, `TJ`), and [`ADJUST_UNITS`] for each other element
/// of such an array; an array is read only until its work passes `left`.
fn shown(o: &Object<'_>, glyph: u64, left: u64) -> u64 {
    let string = |s: &hayro_interpret::hayro_syntax::object::String<'_>| {
        (s.as_bytes().len() as u64).saturating_mul(glyph)
    };
    match o {
        Object::String(s) => string(s),
        Object::Array(a) => {
            let mut work = 0u64;
            for o in a.iter::<Object<'_>>() {
                work = work.saturating_add(match o {
                    Object::String(s) => string(&s),
                    _ => ADJUST_UNITS,
                });
                if work > left {
                    break;
                }
            }
            work
        }
        _ => 0,
    }
}

/// A unit for each operand, and for each element of an operand that is an array: the engine
/// parses each number (a `cm` of six numbers took five times a `q`'s time).
fn operands(op: &Instruction<'_, '_>) -> u64 {
    op.operands()
        .map(|o| match o {
            Object::Array(a) => 1 + a.iter::<Object<'_>>().count() as u64,
            _ => 1,
        })
        .fold(0, u64::saturating_add)
}

/// The most bytes the engine's content parser may read to find where the inline images of
/// `content` end. It takes an image's data to end at an `EI` followed by white space, and,
/// to be sure, reads on from there through every later `EI` (up to an inline image after it,
/// or the end); when it then finds one with binary bytes before it, it takes the next `EI`
/// and reads on again. Its time grows with the square of the `EI`s: a 649-byte PDF whose
/// content is an inline image of 10 000 `EI ` took 1.5 s natively (0.4 s for 5 000), and
/// 100 000 would take minutes. Counted here as the rest of the content after every `EI`
/// followed by white space (or the end) that follows the first `ID`: more than the parser
/// reads where several inline images follow each other, never less.
fn inline_image_search(content: &[u8]) -> u64 {
    let Some(id) = content.windows(2).position(|w| w == b"ID") else {
        return 0;
    };
    let mut total = 0u64;
    let mut at = id + 2;
    while let Some(k) = content[at..].windows(2).position(|w| w == b"EI") {
        let p = at + k;
        let white = |b: &u8| matches!(b, 0 | b'\t' | b'\n' | 0x0c | b'\r' | b' ');
        if content.get(p + 2).is_none_or(white) {
            total = total.saturating_add((content.len() - p) as u64);
        }
        at = p + 2;
    }
    total
}

/// The offset in `content` just after `op`, when `op` is a slice of it.
fn end_of(content: &[u8], op: &[u8]) -> Option<usize> {
    let start = (op.as_ptr() as usize).checked_sub(content.as_ptr() as usize)?;
    let end = start.checked_add(op.len())?;
    (end <= content.len()).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(content: &[u8], resources: &Resources<'_>, budget: u64, max: u64) -> Result<u64, usize> {
        super::cut(content, resources, budget, max, &mut Measured::default())
    }
    use hayro_interpret::hayro_syntax::object::Dict;

    fn empty() -> Resources<'static> {
        Resources::new(Dict::default())
    }

    #[test]
    fn content_within_the_budget_is_not_cut() {
        let content = b"BT /F1 12 Tf 72 700 Td (Total) Tj ET";
        // BT; Tf and its 2 operands; Td and 2; Tj, 1 and its 5 glyphs at 8 each; ET: 50 units,
        // and 2 for the 37 bytes.
        assert_eq!(cut(content, &empty(), 52, u64::MAX), Ok(52));
        assert_eq!(cut(content, &empty(), 51, u64::MAX), Err(33));
        assert_eq!(cut(b"", &empty(), 0, u64::MAX), Ok(0));
    }

    #[test]
    fn content_over_the_budget_ends_after_the_last_operator_within_it() {
        let content = b"0 0 m 10 0 l S 0 5 m 10 5 l S";
        // m and l, 3 units each with their operands, S 1; the second m's end is past 16 bytes.
        assert_eq!(cut(content, &empty(), 7, u64::MAX), Err(14));
        assert_eq!(&content[..14], b"0 0 m 10 0 l S");
        assert_eq!(cut(content, &empty(), 5, u64::MAX), Err(5));
        assert_eq!(cut(content, &empty(), 0, u64::MAX), Err(0));
        // The glyphs a string shows count, 8 units each: (Total) is 40 more than the operator
        // and its operand; the 16 bytes are one more.
        let text = b"BT (Total) Tj ET";
        assert_eq!(cut(text, &empty(), 42, u64::MAX), Err(2));
        assert_eq!(cut(text, &empty(), 44, u64::MAX), Err(13));
        assert_eq!(cut(text, &empty(), 45, u64::MAX), Ok(45));
        // So do those of the strings in a TJ array, and its numbers 6 each (with the operator,
        // the array and its 3 elements, and its 19 bytes: 44).
        assert_eq!(cut(b"[(ab) -250 (cd)] TJ", &empty(), 43, u64::MAX), Err(0));
        assert_eq!(cut(b"[(ab) -250 (cd)] TJ", &empty(), 44, u64::MAX), Ok(44));
    }

    #[test]
    fn glyphs_in_a_clipping_text_mode_cost_more_from_the_mode_on() {
        // Before `7 Tr`, 8 units a glyph; after it, 200, to the page's end, through Q and ET.
        let text = b"BT (a) Tj 7 Tr (a) Tj ET q BT (a) Tj ET Q";
        // With each operand and the 41 bytes (2).
        let units = 1 + 10 + 2 + 202 + 1 + 1 + 1 + 202 + 1 + 1 + 2;
        assert_eq!(cut(text, &empty(), units, u64::MAX), Ok(units));
        assert_eq!(
            cut(b"BT 3 Tr (a) Tj 8 Tr (a) Tj ET", &empty(), 100, u64::MAX),
            Ok(27)
        );
    }

    #[test]
    fn the_search_for_an_inline_images_end_counts() {
        // Each `EI` and white space after `ID` costs the rest of the content.
        let content = b"q BI /W 1 /H 1 /BPC 8 /CS /G ID EI EI \x80 EI Q";
        assert_eq!(inline_image_search(content), 12 + 9 + 4);
        // Without `ID`, or an `EI` followed by other bytes, nothing.
        assert_eq!(inline_image_search(b"BT (EI ) Tj ET"), 0);
        assert_eq!(inline_image_search(b"ID EIx"), 0);
        let mut image = b"q BI /W 1 /H 1 /BPC 8 /CS /G ID ".to_vec();
        image.extend(b"EI ".repeat(2000));
        image.extend(b"\x80 EI Q");
        // 2 000 of them: over 10 000 units, and the page ends before it begins.
        assert_eq!(cut(&image, &empty(), 10_000, u64::MAX), Err(0));
    }

    #[test]
    fn the_contents_bytes_count() {
        // 16 bytes a unit: the spaces before Q, and those after the last operator.
        let spaces = [b' '; 40];
        let content = [&b"q"[..], &spaces, b"Q"].concat();
        assert_eq!(cut(&content, &empty(), 4, u64::MAX), Ok(4));
        assert_eq!(cut(&content, &empty(), 3, u64::MAX), Err(1));
        let content = [&b"q Q"[..], &spaces].concat();
        assert_eq!(cut(&content, &empty(), 4, u64::MAX), Ok(4));
        assert_eq!(cut(&content, &empty(), 3, u64::MAX), Err(3));
    }

    #[test]
    fn an_operator_with_an_escaped_name_ends_the_page_before_it() {
        // `S#20` is not a slice of the content: the cut stays before it.
        let content = b"0 0 m S#20 10 0 l S";
        assert_eq!(cut(content, &empty(), 3, u64::MAX), Err(5));
        assert_eq!(cut(content, &empty(), 4, u64::MAX), Err(5));
        assert_eq!(cut(content, &empty(), 8, u64::MAX), Err(17));
    }
}
