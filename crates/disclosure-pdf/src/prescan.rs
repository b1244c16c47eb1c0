//! What the engine decodes while it loads a document, and the parameters it decodes with,
//! checked before it is asked to.
//!
//! Two things are out of reach of the page-by-page count (crate::budget):
//!
//! - **Predictor parameters.** After Flate or LZW the engine applies the /Predictor of the
//!   stream's /DecodeParms, and its code trusts them: `/Predictor 2 /Columns 0` divides by
//!   zero, /Colors 0 or /BitsPerComponent 0 too, /Colors × /BitsPerComponent over 255
//!   overflows (a panic in a build with overflow checks), and a huge /Columns allocates a row
//!   of that many bytes (an abort, even natively). Any stream can carry them, and the engine
//!   decodes some before any page is drawn: the cross-reference streams and object streams it
//!   reads while opening the file. A panic is an abort in the page's wasm, so catching it is no
//!   answer there.
//! - **Streams decoded while opening the file**: cross-reference streams and object streams,
//!   which the engine inflates whole like any other.
//!
//! So before the engine opens the file, [`raw`] scans its bytes for every dictionary with a
//! /Predictor entry (checking its values, which must be written as numbers: the engine reads
//! the cross-reference stream's without resolving references) and every /Type /ObjStm or
//! /Type /XRef stream (measuring what it decodes to, with the engine's decoders' bounds, and
//! requiring its /DecodeParms to be written in place). Then, once it is open, [`objects`] goes
//! through every object the engine's cross-reference lists, with the engine's own resolution
//! of references, and checks the predictor parameters of every stream that has one: streams
//! and parameter dictionaries kept inside object streams are seen there. A PDF that fails
//! either check is refused as broken; no real PDF writes such parameters.
//!
//! The engine's repair of a damaged cross-reference looks for dictionaries at any token of the
//! file, inside comments, strings and streams' data too, and decodes an object stream it finds
//! there; so [`raw`] also looks up each checked name wherever it stands (see `everywhere`). A
//! stream with /First is an object stream here, /Type or not (the engine opens one it is
//! pointed at by /N and /First alone), and all the streams the scan decodes count together
//! against the limit.
//!
//! Each object stream in the file is also decoded (its parameters checked and its size
//! measured first) and its data scanned the same way: the engine may reach its objects by
//! repairing a damaged cross-reference while drawing, after the second check, even when the
//! cross-reference does not list them. Not covered: an encrypted file's object streams (their
//! data is not decrypted here, so they are neither measured nor scanned; their parameters,
//! which are not encrypted, are checked).

use crate::decoded::{decoded_size, params_of};
use hayro_interpret::hayro_syntax::object::dict::keys::{
    BITS_PER_COMPONENT, COLORS, COLUMNS, FIRST, PREDICTOR, TYPE,
};
use hayro_interpret::hayro_syntax::object::FromBytes;
use hayro_interpret::hayro_syntax::object::{Dict, MaybeRef, Name, Object, Stream};
use hayro_interpret::hayro_syntax::{Filter, Pdf};
use std::collections::HashSet;

/// The longest dictionary read where a checked name was found (a predictor's parameters,
/// an object stream's or cross-reference stream's dictionary are a few hundred bytes).
const LONGEST_DICT: usize = 16 * 1024;

/// The most dictionaries the scan reads (each at most [`LONGEST_DICT`]): a file with more
/// predictor or object-stream dictionaries than this is not a document of the kind.
const MOST_DICTS: usize = 5_000;

/// Whether the engine may apply the predictor these parameters name: read as the engine reads
/// them (/Predictor, /Colors and /BitsPerComponent as bytes, /Columns as a size, each its
/// default when absent or out of range), a predictor other than 1 needs at least one colour,
/// a bit depth whose product with the colours fits in a byte and is not 0, at least one
/// column, and a row of at most `limit` bytes.
pub(crate) fn predictor_safe(params: &Dict<'_>, limit: u64) -> bool {
    let predictor = params.get::<u8>(PREDICTOR).unwrap_or(1);
    if predictor == 1 {
        return true;
    }
    let colors = params.get::<u8>(COLORS).unwrap_or(1);
    let bits = params.get::<u8>(BITS_PER_COMPONENT).unwrap_or(8);
    let columns = params.get::<usize>(COLUMNS).unwrap_or(1);
    let per_pixel = u16::from(colors) * u16::from(bits);
    if per_pixel == 0 || per_pixel > 255 || columns == 0 {
        return false;
    }
    columns
        .checked_mul(usize::from(per_pixel))
        .is_some_and(|row_bits| row_bits.div_ceil(8) as u64 <= limit)
}

/// Why a file is refused before the engine opens it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Refused {
    /// Predictor parameters the engine cannot apply safely, or that it would read otherwise
    /// than the check (written as references, or in a dictionary the scan cannot read).
    Predictor,
    /// An object stream or cross-reference stream that decodes past the limit.
    Inflates,
    /// More dictionaries to check than [`MOST_DICTS`].
    TooMany,
}

/// The scan of the file's bytes before the engine opens it (see the module's doc).
pub(crate) fn raw(bytes: &[u8], limit: u64) -> Result<(), Refused> {
    let mut state = State::default();
    // An encrypted file's object streams are ciphertext here (the scan does not decrypt):
    // decoded, they would count as damaged deflate data, bounded past the limit.
    let encrypted = find(bytes, 0, b"/Encrypt").is_some();
    let mut checked = HashSet::new();
    scan(bytes, limit, Some(encrypted), &mut checked, &mut state)?;
    everywhere(bytes, limit, encrypted, &mut checked, &mut state)
}

/// What the scan has read so far, over the file and its object streams.
#[derive(Default)]
struct State {
    /// Dictionaries read (at most [`MOST_DICTS`]).
    dicts: usize,
    /// Places where a checked name was looked up outside the lexer's view (at most
    /// [`MOST_NAMES`]).
    names: usize,
    /// Bytes decoded from object streams and cross-reference streams (at most the limit).
    decoded: u64,
}

/// The most checked names [`everywhere`] looks up.
const MOST_NAMES: usize = 20_000;

/// The most `<<` before a checked name tried as the start of its dictionary.
const MOST_TRIES: usize = 8;

/// The scan of every checked name in the file's bytes, wherever it stands: the engine's
/// repair of a damaged cross-reference (hayro-syntax `xref::fallback`) looks for dictionaries
/// at any token in the file, inside comments, strings and streams' data too, and decodes an
/// object stream it finds there with its parameters. So no lexer context is trusted here:
/// each name is taken to be a key of the innermost dictionary that the engine's parser reads
/// from a `<<` before it and that reaches past it; where no such dictionary reads, the engine
/// cannot read one either, and the name is passed over.
fn everywhere(
    bytes: &[u8],
    limit: u64,
    encrypted: bool,
    checked: &mut HashSet<(usize, Key)>,
    state: &mut State,
) -> Result<(), Refused> {
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'/').map(|p| p + i) {
        let (name, end) = name_at(bytes, at + 1);
        i = end.max(at + 1);
        let Some(key) = key_of(&name) else {
            continue;
        };
        state.names += 1;
        if state.names > MOST_NAMES {
            return Err(Refused::TooMany);
        }
        let Some(start) = innermost(bytes, at, key) else {
            continue;
        };
        if checked.insert((start, key)) {
            state.dicts += 1;
            if state.dicts > MOST_DICTS {
                return Err(Refused::TooMany);
            }
            check_at(bytes, start, key, limit, Some(encrypted), state)?;
        }
    }
    Ok(())
}

/// The start of the innermost dictionary that reads from a `<<` before `at` and reaches past
/// it, when it has `key` among its keys (for /Predictor; a checked stream name is a value).
fn innermost(bytes: &[u8], at: usize, key: Key) -> Option<usize> {
    let floor = at.saturating_sub(LONGEST_DICT);
    let mut j = at;
    let mut tries = 0;
    while j > floor + 1 && tries < MOST_TRIES {
        j -= 1;
        if !(bytes[j - 1] == b'<' && bytes[j] == b'<') {
            continue;
        }
        let start = j - 1;
        tries += 1;
        let end = bytes.len().min(start + LONGEST_DICT);
        let Some(dict) = Dict::from_bytes(&bytes[start..end]) else {
            continue;
        };
        if start + dict.data().len() <= at {
            // A dictionary closed before the name: the name is not in it.
            continue;
        }
        return match key {
            Key::Predictor => dict.contains_key(PREDICTOR).then_some(start),
            Key::Stream => Some(start),
        };
    }
    None
}

/// The key a checked name stands for.
fn key_of(name: &[u8]) -> Option<Key> {
    match name {
        b"Predictor" => Some(Key::Predictor),
        b"ObjStm" | b"XRef" | b"First" => Some(Key::Stream),
        _ => None,
    }
}

/// The scan of `bytes`: a file's (`file`: whether it is encrypted), or (`file` None) an object
/// stream's decoded data, whose
/// objects the engine may also reach by repairing a damaged cross-reference while drawing.
/// `checked` holds the dictionaries already read in these bytes.
fn scan(
    bytes: &[u8],
    limit: u64,
    file: Option<bool>,
    seen: &mut HashSet<(usize, Key)>,
    state: &mut State,
) -> Result<(), Refused> {
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                while i < bytes.len() && !matches!(bytes[i], b'\r' | b'\n') {
                    i += 1;
                }
            }
            b'(' => i = after_string(bytes, i),
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                open.push(i);
                i += 2;
            }
            b'<' => {
                while i < bytes.len() && bytes[i] != b'>' {
                    i += 1;
                }
                i += 1;
            }
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                open.pop();
                i += 2;
            }
            b'/' => {
                let (name, end) = name_at(bytes, i + 1);
                if let Some(key) = key_of(&name) {
                    // A name outside any dictionary is nothing the engine reads as a key.
                    if let Some(&start) = open.last() {
                        if seen.insert((start, key)) {
                            state.dicts += 1;
                            if state.dicts > MOST_DICTS {
                                return Err(Refused::TooMany);
                            }
                            check_at(bytes, start, key, limit, file, state)?;
                        }
                    }
                }
                i = end;
            }
            b's' if keyword(bytes, i, b"stream") => {
                // A stream's data is not PDF syntax: skip to its end.
                i = find(bytes, i + 6, b"endstream").map_or(bytes.len(), |e| e + 9);
                open.clear();
            }
            b'o' if keyword(bytes, i, b"obj") => {
                open.clear();
                i += 3;
            }
            _ => i += 1,
        }
    }
    Ok(())
}

/// What a checked name asks for.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    /// A /Predictor entry: the dictionary's parameters are checked.
    Predictor,
    /// /ObjStm, /XRef or /First: when the dictionary is such a stream's (an object stream is
    /// any stream with /First: the engine opens one by /N and /First alone), it is measured.
    Stream,
}

/// Checks the dictionary that begins at `start`; an object stream's (in the file) is
/// measured, then decoded and its data scanned.
fn check_at(
    bytes: &[u8],
    start: usize,
    key: Key,
    limit: u64,
    file: Option<bool>,
    state: &mut State,
) -> Result<(), Refused> {
    let end = bytes.len().min(start + LONGEST_DICT);
    let Some(dict) = Dict::from_bytes(&bytes[start..end]) else {
        // Unreadable as a dictionary within the bound: the engine might read it otherwise.
        return match key {
            Key::Predictor => Err(Refused::Predictor),
            Key::Stream => Ok(()),
        };
    };
    match key {
        Key::Predictor => {
            let written = [PREDICTOR, COLORS, BITS_PER_COMPONENT, COLUMNS]
                .iter()
                .all(|k| !matches!(dict.get_raw::<Object<'_>>(k), Some(MaybeRef::Ref(_))));
            if !written || !dict.contains_key(PREDICTOR) || !predictor_safe(&dict, limit) {
                return Err(Refused::Predictor);
            }
        }
        Key::Stream => {
            let kind = dict.get::<Name<'_>>(TYPE);
            let xref = kind.as_ref().is_some_and(|t| &t[..] == b"XRef");
            let object_stream =
                kind.is_some_and(|t| &t[..] == b"ObjStm") || dict.contains_key(FIRST);
            if !xref && !object_stream {
                return Ok(());
            }
            let Some(stream) = Stream::from_bytes(&bytes[start..]) else {
                return Ok(());
            };
            // Its parameters written in place (the engine resolves an object stream's
            // references, possibly into another object stream, before the second check).
            for k in [b"DecodeParms".as_slice(), b"DP"] {
                match dict.get_raw::<Object<'_>>(k) {
                    Some(MaybeRef::Ref(_)) => return Err(Refused::Predictor),
                    Some(MaybeRef::NotRef(Object::Array(a)))
                        if a.raw_iter().any(|o| matches!(o, MaybeRef::Ref(_))) =>
                    {
                        return Err(Refused::Predictor);
                    }
                    _ => {}
                }
            }
            // An encrypted file's object stream is not measured or decoded here: its bytes
            // are ciphertext (a cross-reference stream is never encrypted). Its parameters,
            // which are not encrypted, are still checked below.
            let ciphertext = object_stream && file == Some(true);
            if !ciphertext && decoded_size(&stream, limit) > limit {
                return Err(Refused::Inflates);
            }
            // Its parameters are checked (they are written in place) and its size is
            // measured: the engine's decoding is safe. (An encrypted file's object streams
            // do not decode here: their objects are still checked once the file is open,
            // as far as its cross-reference lists them.)
            // Its predictor parameters may come later in the file than this name.
            let safe = stream
                .filters()
                .into_iter()
                .zip(params_of(stream.dict()))
                .all(|(f, p)| {
                    !matches!(f, Filter::FlateDecode | Filter::LzwDecode)
                        || predictor_safe(&p, limit)
                });
            if !safe {
                return Err(Refused::Predictor);
            }
            if !ciphertext {
                if let Ok(data) = stream.decoded_data() {
                    // All the streams the scan decodes, together, within the limit.
                    state.decoded += data.len() as u64;
                    if state.decoded > limit {
                        return Err(Refused::Inflates);
                    }
                    if file == Some(false) && object_stream {
                        scan(&data, limit, None, &mut HashSet::new(), state)?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// The check of every stream the opened document lists (see the module's doc): whether each
/// Flate or LZW filter's predictor parameters, resolved as the engine resolves them, are
/// safe to apply.
pub(crate) fn objects(pdf: &Pdf, limit: u64) -> Result<(), Refused> {
    for object in pdf.objects() {
        let Object::Stream(stream) = object else {
            continue;
        };
        // A Crypt filter in first place is passed over with its parameters, as the engine
        // does; it is not Flate or LZW either way.
        for (filter, params) in stream.filters().into_iter().zip(params_of(stream.dict())) {
            let predicts = matches!(filter, Filter::FlateDecode | Filter::LzwDecode);
            if predicts && !predictor_safe(&params, limit) {
                return Err(Refused::Predictor);
            }
        }
    }
    Ok(())
}

/// A PDF name's bytes from `at` (after its `/`), `#xx` escapes decoded, and where it ends.
fn name_at(bytes: &[u8], at: usize) -> (Vec<u8>, usize) {
    let mut name = Vec::new();
    let mut i = at;
    while let Some(&b) = bytes.get(i) {
        if is_white(b) || is_delimiter(b) {
            break;
        }
        if b == b'#' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(v) = hex {
                name.push(v);
                i += 3;
                continue;
            }
        }
        name.push(b);
        i += 1;
        // No name the scan looks for is longer: stop collecting (but not skipping) past it.
        if name.len() > 16 {
            while bytes
                .get(i)
                .is_some_and(|&b| !is_white(b) && !is_delimiter(b))
            {
                i += 1;
            }
            break;
        }
    }
    (name, i)
}

/// The offset after the literal string that begins at `at` (balanced parentheses, `\`
/// escaping the next byte).
fn after_string(bytes: &[u8], at: usize) -> usize {
    let mut depth = 0usize;
    let mut i = at;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// Whether `word` stands at `at` as a keyword: not part of a longer token.
fn keyword(bytes: &[u8], at: usize, word: &[u8]) -> bool {
    let before = at.checked_sub(1).map(|p| bytes[p]);
    let after = bytes.get(at + word.len()).copied();
    bytes[at..].starts_with(word)
        && before.is_none_or(|b| is_white(b) || is_delimiter(b))
        && after.is_none_or(|b| is_white(b) || is_delimiter(b))
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let mut i = from;
    while i + needle.len() <= hay.len() {
        let at = hay[i..].iter().position(|&b| b == first)? + i;
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

fn is_white(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict(s: &str) -> Dict<'_> {
        Dict::from_bytes(s.as_bytes()).unwrap()
    }

    #[test]
    fn predictor_parameters_the_engine_can_apply() {
        let limit = 1 << 20;
        for ok in [
            "<< >>",
            "<< /Predictor 1 /Columns 0 >>",
            "<< /Predictor 12 /Columns 5 >>",
            "<< /Predictor 2 /Colors 3 /BitsPerComponent 8 /Columns 100 >>",
            "<< /Predictor 15 /Colors 15 /BitsPerComponent 16 /Columns 4 >>",
            // Out of a byte's range: the engine reads the default.
            "<< /Predictor 2 /Colors 300 >>",
        ] {
            assert!(predictor_safe(&dict(ok), limit), "{ok}");
        }
        for bad in [
            "<< /Predictor 2 /Columns 0 >>",
            "<< /Predictor 12 /Columns 0 >>",
            "<< /Predictor 2 /Colors 0 >>",
            "<< /Predictor 2 /BitsPerComponent 0 >>",
            "<< /Predictor 2 /Colors 16 /BitsPerComponent 16 >>",
            "<< /Predictor 12 /Columns 9000000000 >>",
            "<< /Predictor 12 /Colors 255 /BitsPerComponent 255 >>",
        ] {
            assert!(!predictor_safe(&dict(bad), limit), "{bad}");
        }
    }

    #[test]
    fn the_scan_finds_predictor_dictionaries_where_the_engine_reads_them() {
        let limit = 1 << 20;
        let scan = |s: &str| raw(s.as_bytes(), limit);
        assert_eq!(
            scan("1 0 obj << /DecodeParms << /Predictor 12 /Columns 4 >> >> endobj"),
            Ok(())
        );
        let bad = "1 0 obj << /DecodeParms << /Predictor 2 /Columns 0 >> >> endobj";
        assert_eq!(scan(bad), Err(Refused::Predictor));
        // Escaped names are the same names.
        let escaped = "1 0 obj << /DP << /Pre#64ictor 2 /Col#75mns 0 >> >> endobj";
        assert_eq!(scan(escaped), Err(Refused::Predictor));
        // Parameters by reference are not what the engine reads for a cross-reference stream.
        let by_ref = "1 0 obj << /DecodeParms << /Predictor 12 /Columns 5 0 R >> >> endobj";
        assert_eq!(scan(by_ref), Err(Refused::Predictor));
        // Inside a string, a comment or a stream's data it is checked too: the engine's repair
        // of a damaged cross-reference reads dictionaries there.
        assert_eq!(
            scan("1 0 obj << /T (<< /Predictor 2 /Columns 0 >>) >> endobj"),
            Err(Refused::Predictor)
        );
        assert_eq!(
            scan("% << /Predictor 2 /Columns 0 >>\n"),
            Err(Refused::Predictor)
        );
        let data =
            "1 0 obj << /Length 33 >>\nstream\n<< /Predictor 2 /Columns 0 >>\nendstream endobj";
        assert_eq!(scan(data), Err(Refused::Predictor));
        // Where no dictionary reads around the name, the engine reads none either.
        assert_eq!(scan("% /Predictor 2 /Columns 0 >>\n"), Ok(()));
        // An object stream whose parameters are a reference.
        let objstm = "1 0 obj << /Type /ObjStm /N 1 /First 4 /DecodeParms 2 0 R /Length 0 >>\nstream\n\nendstream endobj";
        assert_eq!(scan(objstm), Err(Refused::Predictor));
        // Parameters kept in a compressed object stream: its data is scanned too.
        let packed = |member: &str| {
            use std::io::Write;
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
            z.write_all(format!("9 0 {member}").as_bytes()).unwrap();
            let data = z.finish().unwrap();
            let mut pdf = format!(
                "1 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {} >>\nstream\n",
                data.len()
            )
            .into_bytes();
            pdf.extend_from_slice(&data);
            pdf.extend_from_slice(b"\nendstream endobj");
            pdf
        };
        let good = packed("<< /Predictor 12 /Columns 5 >>");
        assert_eq!(raw(&good, limit), Ok(()));
        let bad = packed("<< /Predictor 2 /Columns 0 >>");
        assert_eq!(raw(&bad, limit), Err(Refused::Predictor));
        // The object stream's own parameters, after its /Type: checked before it is decoded.
        let at = good.windows(4).position(|w| w == b"/Len").unwrap();
        let own = [
            &good[..at],
            b"/DecodeParms << /Predictor 2 /Columns 0 >> ",
            &good[at..],
        ]
        .concat();
        assert_eq!(raw(&own, limit), Err(Refused::Predictor));
    }
}
