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
//! cross-reference does not list them.
//!
//! An encrypted file's object streams are ciphertext in the file's bytes. Each is measured as
//! it stands (the engine's repair decodes them undecrypted first: a standard inflater's count
//! over the limit refuses it), then decrypted by the engine itself and measured, decoded and
//! scanned like an unencrypted file's ([`sealed`]), with the encryption dictionaries and /IDs
//! found by their values wherever they stand ([`encryption`]). These passes' work is linear in
//! the file (at most 8 times its size plus twice the limit, counted in [`State::work`] and
//! tested on made files of several MB). What the engine's lenient inflater makes of an object
//! stream's ciphertext as it stands (in a file whose cross-reference it repairs) is counted
//! exactly (crate::decoded) against the limit with the others as they stand.

use crate::decoded::{bound, decoded_size, measure, measure_decoding, params_of};
use hayro_interpret::hayro_syntax::object::dict::keys::{
    BITS_PER_COMPONENT, COLORS, COLUMNS, FIRST, PREDICTOR, TYPE,
};
use hayro_interpret::hayro_syntax::object::FromBytes;
use hayro_interpret::hayro_syntax::object::{
    Array, Dict, MaybeRef, Name, Object, ObjectIdentifier, Stream,
};
use hayro_interpret::hayro_syntax::{Filter, LoadPdfError, Pdf};
use std::collections::HashSet;

/// The longest dictionary read where a checked name was found (a predictor's parameters,
/// an object stream's or cross-reference stream's dictionary are a few hundred bytes).
const LONGEST_DICT: usize = 16 * 1024;

/// How many times the bytes scanned the dictionaries longer than [`LONGEST_DICT`] may take to
/// read whole, in all (a real file has none, or a few).
const MOST_LONG: u64 = 4;

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
    /// More dictionaries to check than [`MOST_DICTS`], more object streams to decrypt than
    /// the file holds (copies overlapping), or more encryption dictionaries that open than
    /// [`MOST_OPENED`].
    TooMany,
    /// An encrypted file's object stream that may decode past the limit and that cannot be
    /// decrypted here to be measured: no `N G obj` right before it (only white space and
    /// comments between), or an /Encrypt or /ID entry
    /// this scan cannot follow (see [`Encryption::incomplete`]) while no encryption
    /// dictionary it found opens (with none found, a stream that could decode past the limit
    /// and does not read as standard zlib or deflate data).
    Unreadable,
}

/// The scan of the file's bytes before the engine opens it (see the module's doc).
pub(crate) fn raw(bytes: &[u8], limit: u64) -> Result<(), Refused> {
    raw_counted(bytes, limit).0
}

/// [`raw`], and the work it did (see [`State::work`]).
pub(crate) fn raw_counted(bytes: &[u8], limit: u64) -> (Result<(), Refused>, u64) {
    let mut state = State::default();
    let result = raw_with(bytes, limit, &mut state);
    (result, state.work)
}

fn raw_with(bytes: &[u8], limit: u64, state: &mut State) -> Result<(), Refused> {
    // An encrypted file's object streams are ciphertext here: those whose size could decode
    // past the limit are set aside (`State::sealed`), then decrypted by the engine itself and
    // measured (`sealed`).
    let encryption = encryption(bytes, state);
    let encrypted = encryption.named;
    let mut checked = HashSet::new();
    scan(bytes, limit, Some(encrypted), &mut checked, state)?;
    everywhere(bytes, limit, encrypted, &mut checked, state)?;
    if !state.sealed.is_empty() {
        sealed(bytes, limit, &encryption, state)?;
    }
    Ok(())
}

/// What the scan has read so far, over the file and its object streams.
#[derive(Default)]
struct State {
    /// Dictionaries read (at most [`MOST_DICTS`]).
    dicts: usize,
    /// The bytes of the dictionaries longer than [`LONGEST_DICT`] read whole (to the end of
    /// the bytes scanned for one that does not read: at most [`MOST_LONG`] times them).
    long: u64,
    /// Places where a checked name was looked up outside the lexer's view (at most
    /// [`MOST_NAMES`]).
    names: usize,
    /// Bytes decoded from object streams and cross-reference streams (at most the limit).
    decoded: u64,
    /// Bytes an encrypted file's object streams decode to as they stand, ciphertext measured
    /// for the engine's repair (at most the limit; counted apart from `decoded`: a file that
    /// names /Encrypt but has no encryption dictionary has its streams counted once in each).
    as_they_stand: u64,
    /// Where the dictionaries of an encrypted file's object streams begin (decrypted,
    /// measured and scanned by `sealed`).
    sealed: Vec<usize>,
    /// The bytes the encryption's passes (`encryption`, `sealed`) read, copied, decrypted or
    /// decoded: at most a few times the file's size plus the limit (see `sealed`), counted
    /// for the test of that bound.
    work: u64,
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
    // A dictionary longer than [`LONGEST_DICT`] (a long string or array among its entries) is
    // read whole: the engine reads it whole. What such readings take, in all, is counted
    // against [`MOST_LONG`] times the bytes scanned.
    let mut long = || {
        let dict = Dict::from_bytes(&bytes[start..]);
        // Read to its end, or (unreadable) as far as the bytes go at most.
        state.long += dict
            .as_ref()
            .map_or(bytes.len() - start, |d| d.data().len()) as u64;
        if state.long > MOST_LONG * bytes.len() as u64 {
            return Err(Refused::TooMany);
        }
        Ok(dict)
    };
    let read = match Dict::from_bytes(&bytes[start..end]) {
        Some(d) => Some(d),
        None if end < bytes.len() => long()?,
        None => None,
    };
    let Some(dict) = read else {
        // Unreadable as a dictionary: the engine might read it otherwise.
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
            // An encrypted file's object stream is ciphertext here (a cross-reference stream
            // is never encrypted). The engine's repair of a damaged cross-reference decodes it
            // as it stands first: its count over the limit refuses it (the lenient inflater's
            // too, which reads ciphertext only as far as its codes happen to be valid). It is
            // set aside to be decrypted, measured and scanned
            // (`sealed`). Its parameters, which are not encrypted, are checked below.
            let ciphertext = object_stream && file == Some(true);
            if ciphertext {
                // Only what it decoded counts with the others: a size bound under the limit
                // (nothing decoded) does not.
                let (n, _) = measure(&stream, limit);
                if bound(&stream) > limit {
                    state.as_they_stand += n.min(limit + 1);
                    if n > limit || state.as_they_stand > limit {
                        return Err(Refused::Inflates);
                    }
                }
                state.sealed.push(start);
            } else if decoded_size(&stream, limit) > limit {
                return Err(Refused::Inflates);
            }
            // Its parameters are checked (they are written in place) and its size is
            // measured: the engine's decoding is safe. (An encrypted file's object streams
            // are decoded and scanned once decrypted, by `sealed`, where their size could
            // pass the limit; their objects are checked once the file is open, as far as its
            // cross-reference lists them.)
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

/// What the file's bytes say of its encryption, found in one pass over its names.
#[derive(Default)]
struct Encryption {
    /// Whether the name /Encrypt stands anywhere in the file's bytes (escaped or not).
    named: bool,
    /// Every distinct encryption dictionary an /Encrypt entry names: written in place, or each
    /// `N G obj` of the object it refers to (an encryption dictionary is never kept in an
    /// object stream). At most [`MOST_KEYS`].
    dicts: Vec<Vec<u8>>,
    /// Every distinct first string of an /ID array (the engine derives the key from the
    /// trailer's /ID's first string, or from none). At most [`MOST_KEYS`].
    ids: Vec<Vec<u8>>,
    /// Whether the engine may decrypt with a dictionary or an /ID not among `dicts` and
    /// `ids`: an /Encrypt or /ID whose value is not read here (a comment the window does not
    /// pass, a reference written otherwise than `N G R`), a reference to an object with no
    /// `N G obj` in the file (or, for an /ID, to no array with a string), or more distinct
    /// dictionaries or /IDs than kept.
    incomplete: bool,
    /// Every object's `N G obj` in the file: where its number begins, the number, the
    /// generation and where `obj` ends; in the file's order.
    headers: Vec<(usize, u32, i32, usize)>,
}

/// The most object streams of one number decrypted (a file updated incrementally may write an
/// object again under its number).
const MOST_ROUNDS: usize = 8;

/// The most distinct encryption dictionaries, and the most distinct /ID strings, kept.
const MOST_KEYS: usize = 4;

/// The most (dictionary, /ID) pairs tried, and the most dictionaries that may open the file.
const MOST_TRIED: usize = 8;
const MOST_OPENED: usize = 4;

/// The longest encryption dictionary or /ID array read (a real one is a few hundred bytes).
const LONGEST_KEY: usize = 4 * 1024;

/// The most /ID arrays and /Encrypt dictionaries written in place that are read.
const MOST_READS: usize = 1024;

/// The most `N G obj` of one object an /Encrypt reference is followed to.
const MOST_COPIES: usize = 8;

/// The file's encryption as its bytes say it (see [`Encryption`]). One pass over the file's
/// names (each `/` is read once, as in `everywhere`), and one over its `obj` keywords (each
/// `N G obj` is read backwards from its `obj`, over digits and white space that no other
/// header reads); each /Encrypt or /ID value is read where it stands, within [`LONGEST_KEY`]
/// bytes, and a reference is followed through the index of headers. Distinct references are
/// followed once, at most [`MOST_KEYS`] of them, each to at most [`MOST_COPIES`] headers, and
/// at most [`MOST_READS`] arrays or dictionaries in place are read: the work is linear in the
/// file (the bytes before each name's value are white space no other name reads; a reference
/// is read over at most 10 digits and white space) plus at most
/// (MOST_KEYS × MOST_COPIES + MOST_READS) × LONGEST_KEY (4.3 MB) for the values.
fn encryption(bytes: &[u8], state: &mut State) -> Encryption {
    let mut e = Encryption {
        headers: headers(bytes),
        ..Encryption::default()
    };
    state.work += 2 * bytes.len() as u64;
    let mut refs: HashSet<(u32, i32)> = HashSet::new();
    let mut id_refs: HashSet<(u32, i32)> = HashSet::new();
    let mut reads = 0;
    for at in memchr::memchr_iter(b'/', bytes) {
        // Only /Encrypt and /ID (or an escape that may spell them) are read.
        if !matches!(bytes.get(at + 1), Some(b'E' | b'I' | b'#')) {
            continue;
        }
        let (name, end) = name_at(bytes, at + 1);
        let is_id = match &name[..] {
            b"Encrypt" => false,
            b"ID" => true,
            _ => continue,
        };
        let mut v = end + bytes[end..].iter().take_while(|&&b| is_white(b)).count();
        // Each /ID array or /Encrypt dictionary read, and each run of comments skipped before
        // a value (the engine's parser skips them), costs a window at most: at most
        // [`MOST_READS`] of them are read (a real file writes one or two of each).
        let mut read = |state: &mut State| {
            if reads == MOST_READS {
                return false;
            }
            reads += 1;
            state.work += LONGEST_KEY as u64;
            true
        };
        if bytes.get(v) == Some(&b'%') {
            if !read(state) {
                e.incomplete = true;
                continue;
            }
            v = after_comments(bytes, v, bytes.len().min(v + LONGEST_KEY));
        }
        let window = &bytes[v..bytes.len().min(v + LONGEST_KEY)];
        if is_id {
            // The engine takes the trailer's /ID as an array, written in place or referred
            // to: one written so that it is not read here (a comment the window does not
            // pass, a reference to no `N G obj`, an array with no string) may be the key's.
            let arrays: Vec<&[u8]> = match window.first() {
                Some(b'[') if read(state) => vec![window],
                Some(b'0'..=b'9') => match reference(window) {
                    Some(r) if id_refs.contains(&r) => continue,
                    Some(_) if id_refs.len() == MOST_KEYS => {
                        e.incomplete = true;
                        continue;
                    }
                    Some(r) => {
                        id_refs.insert(r);
                        copies_of(&e.headers, r)
                            .into_iter()
                            .map(|at| {
                                state.work += LONGEST_KEY as u64;
                                let body = &bytes[at..bytes.len().min(at + LONGEST_KEY)];
                                &body[body.iter().take_while(|&&b| is_white(b)).count()..]
                            })
                            .collect()
                    }
                    None => {
                        e.incomplete |= window.iter().take(32).any(|&b| b == b'%');
                        continue;
                    }
                },
                Some(b'[' | b'%') => {
                    e.incomplete = true;
                    continue;
                }
                _ => continue,
            };
            let mut found = false;
            for w in arrays {
                let first = Array::from_bytes(w).and_then(|a| {
                    a.iter::<hayro_interpret::hayro_syntax::object::String<'_>>()
                        .next()
                        .map(|s| s.as_bytes().to_vec())
                });
                let Some(id) = first else { continue };
                found = true;
                if !e.ids.contains(&id) {
                    if e.ids.len() == MOST_KEYS {
                        e.incomplete = true;
                    } else {
                        state.work += id.len() as u64;
                        e.ids.push(id);
                    }
                }
            }
            e.incomplete |= !found;
            continue;
        }
        e.named = true;
        match window.first() {
            Some(b'<') if window.get(1) == Some(&b'<') => {
                match read(state).then(|| Dict::from_bytes(window)).flatten() {
                    Some(d) => keep(&mut e, d.data().to_vec(), state),
                    None => e.incomplete = true,
                }
            }
            Some(b'0'..=b'9') => match reference(window) {
                Some(r) if refs.contains(&r) => {}
                Some(_) if refs.len() == MOST_KEYS => e.incomplete = true,
                Some(r) => {
                    refs.insert(r);
                    let mut found = false;
                    for at in copies_of(&e.headers, r) {
                        let body = &bytes[at..bytes.len().min(at + LONGEST_KEY)];
                        let skip = body.iter().take_while(|&&b| is_white(b)).count();
                        state.work += LONGEST_KEY as u64;
                        if let Some(d) = Dict::from_bytes(&body[skip..]) {
                            found = true;
                            keep(&mut e, d.data().to_vec(), state);
                        }
                    }
                    if !found {
                        e.incomplete = true;
                    }
                }
                // A number that is not a reference is no dictionary, unless a comment
                // splits a reference.
                None => e.incomplete |= window.iter().take(32).any(|&b| b == b'%'),
            },
            // The value is a comment's: not followed here.
            Some(b'%') => e.incomplete = true,
            // Another kind of value (or none): the engine reads no dictionary there.
            _ => {}
        }
    }
    // Sorted by place again, for `sealed`'s look-up of the header before a stream.
    e.headers.sort_by_key(|h| h.0);
    e
}

/// Where the bodies of the first [`MOST_COPIES`] `N G obj` of object `r` begin (`headers`
/// sorted by object).
fn copies_of(headers: &[(usize, u32, i32, usize)], r: (u32, i32)) -> Vec<usize> {
    let from = headers.partition_point(|h| (h.1, h.2) < r);
    headers[from..]
        .iter()
        .take_while(|h| (h.1, h.2) == r)
        .take(MOST_COPIES)
        .map(|h| h.3)
        .collect()
}

/// Where the white space and comments from `at` end (at most at `end`).
fn after_comments(bytes: &[u8], mut at: usize, end: usize) -> usize {
    while at < end {
        match bytes[at] {
            b'%' => {
                at += bytes[at..end]
                    .iter()
                    .take_while(|&&b| b != b'\r' && b != b'\n')
                    .count();
            }
            b if is_white(b) => at += 1,
            _ => break,
        }
    }
    at
}

/// Keeps a distinct encryption dictionary (the first [`MOST_KEYS`]).
fn keep(e: &mut Encryption, dict: Vec<u8>, state: &mut State) {
    if e.dicts.contains(&dict) {
        return;
    }
    if e.dicts.len() == MOST_KEYS {
        e.incomplete = true;
    } else {
        state.work += dict.len() as u64;
        e.dicts.push(dict);
    }
}

/// The `N G R` at the start of `window` (white space between, none before).
fn reference(window: &[u8]) -> Option<(u32, i32)> {
    let mut fields = [0i64; 2];
    let mut j = 0;
    for f in &mut fields {
        let digits = window[j..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 || digits > 10 {
            return None;
        }
        *f = std::str::from_utf8(&window[j..j + digits])
            .ok()?
            .parse()
            .ok()?;
        j += digits;
        let white = window[j..].iter().take_while(|&&b| is_white(b)).count();
        if white == 0 {
            return None;
        }
        j += white;
    }
    (window.get(j) == Some(&b'R')
        && window
            .get(j + 1)
            .is_none_or(|&b| is_white(b) || is_delimiter(b)))
    .then_some((
        u32::try_from(fields[0]).ok()?,
        i32::try_from(fields[1]).ok()?,
    ))
}

/// Every `N G obj` in the file (see [`Encryption::headers`]), sorted by object and generation
/// (then by place). The number, white space, the generation, white space or none, `obj`
/// followed by a delimiter, white space or the end, as the engine reads an object's header
/// (the engine also allows comments between them: no real file writes one there). Each is
/// read backwards from its `obj`, over digits and white space only, which end at the previous
/// `obj`: every byte is read at most twice.
fn headers(bytes: &[u8]) -> Vec<(usize, u32, i32, usize)> {
    let mut out = Vec::new();
    for k in memchr::memmem::find_iter(bytes, b"obj") {
        if bytes
            .get(k + 3)
            .is_some_and(|&b| !is_white(b) && !is_delimiter(b))
        {
            continue;
        }
        let mut j = k;
        let mut fields = [0i64; 2];
        let mut ok = true;
        for (n, f) in fields.iter_mut().rev().enumerate() {
            let white = bytes[..j]
                .iter()
                .rev()
                .take_while(|&&b| is_white(b))
                .count();
            let digits = bytes[..j - white]
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_digit())
                .count();
            // White space between the two numbers; none needed before `obj`.
            if (n == 1 && white == 0) || digits == 0 || digits > 10 {
                ok = false;
                break;
            }
            let from = j - white - digits;
            match std::str::from_utf8(&bytes[from..j - white])
                .ok()
                .and_then(|d| d.parse().ok())
            {
                Some(v) => *f = v,
                None => ok = false,
            }
            j = from;
        }
        let number = u32::try_from(fields[0]).ok();
        let generation = i32::try_from(fields[1]).ok();
        if let (true, Some(n), Some(g)) = (ok, number, generation) {
            out.push((j, n, g, k + 3));
        }
    }
    out.sort_by_key(|h| (h.1, h.2, h.0));
    out
}

/// How far into the file the object streams copied for decryption may reach, in all, in
/// times the file's size: more than once is only possible for streams inside each other's
/// data, which no real file writes.
const MOST_COPIED: u64 = 2;

/// The object streams of an encrypted file, set aside by the scan, decrypted by the engine
/// itself and measured, decoded and scanned like an unencrypted file's.
///
/// The engine decrypts a stream with a key made from the file's encryption dictionary, the
/// first string of its /ID, and the stream's object number and generation: those of the
/// `N G obj` before it, the last before it (in a cross-reference it is the object at that
/// header; the engine's repair numbers what it finds by the last header it read), or another
/// whose `obj` reaches the dictionary over white space and comments (`6 0 obj % 9 0 obj`, the
/// cross-reference pointing at either): it is decrypted under each ([`reaching`]). Its only
/// public way to decrypt without decoding is `Stream::raw_data` on a stream of an opened file,
/// and the file itself cannot be opened yet (opening it decodes the object streams that hold
/// its catalog and pages). So each (encryption dictionary, /ID) pair found is first tried on a
/// file of our own with no object stream (a catalog, a page and a trailer with that pair): one
/// the engine cannot open without a password, or at all, is passed over, and each dictionary
/// is tried with the /IDs found, then none, up to the first that opens. For each pair that
/// opens, the set-aside streams are copied, as their bytes stand, under their numbers into
/// such a file (one file per round of distinct numbers), which the engine opens without
/// decoding them, and each is decrypted, measured, decoded and scanned.
///
/// When no pair opens: if the engine might decrypt with one not found
/// ([`Encryption::incomplete`]), the file is refused ([`Refused::Unreadable`]); else the
/// engine either refuses the file (a password) or reads it unencrypted (no encryption
/// dictionary at all), and the streams are measured as they stand.
///
/// Work: the pairs tried are at most [`MOST_TRIED`] small files; the copies of each opening
/// pair (at most [`MOST_OPENED`]) at most [`MOST_COPIED`] times the file, decrypted once; what
/// is decoded at most the limit in all (`State::decoded`), the measurement of each stream at
/// most the limit plus one byte. So at most 2 × 4 × 2 = 16 times the file's size in copying and
/// decryption, plus twice the limit.
fn sealed(bytes: &[u8], limit: u64, e: &Encryption, state: &mut State) -> Result<(), Refused> {
    let mut copies: Vec<(ObjectIdentifier, Stream<'_>)> = Vec::new();
    let mut copied = 0u64;
    for start in std::mem::take(&mut state.sealed) {
        // The last `N G obj` that ends before the dictionary: the engine's repair decrypts
        // the stream under it. It must reach the dictionary over white space and comments
        // only, as the engine's parser reads an object after its header.
        let before = e.headers.partition_point(|h| h.3 <= start);
        let Some(b) = before.checked_sub(1) else {
            return Err(Refused::Unreadable);
        };
        let numbers = reaching(bytes, &e.headers[..before], start, state);
        if !numbers.contains(&b) {
            return Err(Refused::Unreadable);
        }
        let Some(stream) = Stream::from_bytes(&bytes[start..]) else {
            continue;
        };
        // Decrypted under each header that may be its own: the cross-reference may point at
        // any of them (`7 0 obj % 9 0 obj`: at 7, or at the 9 in the comment).
        let mut under = HashSet::new();
        for h in numbers {
            let oid = ObjectIdentifier::new(e.headers[h].1, e.headers[h].2);
            if under.insert(oid) {
                copied += stream.raw_data().len() as u64;
                copies.push((oid, stream.clone()));
            }
        }
    }
    if copied > (bytes.len() as u64).saturating_mul(MOST_COPIED) {
        return Err(Refused::TooMany);
    }
    let mut opened = Vec::new();
    let mut tried = 0;
    let empty = Vec::new();
    let ids: Vec<&Vec<u8>> = e.ids.iter().chain(std::iter::once(&empty)).collect();
    let mut incomplete = e.incomplete;
    'pairs: for dict in &e.dicts {
        for &id in &ids {
            if tried == MOST_TRIED {
                incomplete = true;
                break 'pairs;
            }
            tried += 1;
            let file = probe(&[], dict, id).ok_or(Refused::Unreadable)?;
            state.work += file.len() as u64;
            match Pdf::new(file) {
                // The first /ID it opens with: under revisions 2 to 4 only the file's own
                // passes the password's check; revisions 5 and 6 do not use the /ID, and every
                // one decrypts alike.
                Ok(_) => {
                    opened.push((dict, id));
                    continue 'pairs;
                }
                // Not this pair, or a password: the engine cannot open it either.
                Err(LoadPdfError::Decryption(_)) => {}
                // A dictionary the engine cannot read here (one that refers to other
                // objects): it may read it in the file.
                Err(LoadPdfError::Invalid) => incomplete = true,
            }
        }
    }
    if opened.len() > MOST_OPENED {
        return Err(Refused::TooMany);
    }
    if opened.is_empty() {
        if e.dicts.is_empty() {
            // No encryption dictionary found: the engine reads the streams as they stand (an
            // unencrypted file whose text names /Encrypt). Where an /Encrypt entry was not
            // followed (`incomplete`), the streams might still be ciphertext the engine
            // decrypts with a dictionary not found: one whose size could decode past the
            // limit must then read as a standard zlib or deflate stream to its end as it
            // stands, which ciphertext does not (its check sums fail).
            for (_, stream) in &copies {
                state.work += limit.min(bound(stream));
                if incomplete && bound(stream) > limit {
                    let (n, lenient) = measure_decoding(stream, limit);
                    let flate = stream.filters().first() == Some(&Filter::FlateDecode);
                    if n > limit {
                        return Err(Refused::Inflates);
                    }
                    if lenient || !flate {
                        return Err(Refused::Unreadable);
                    }
                } else if decoded_size(stream, limit) > limit {
                    return Err(Refused::Inflates);
                }
                decode_and_scan(stream, limit, state)?;
            }
            return Ok(());
        }
        if incomplete {
            return Err(Refused::Unreadable);
        }
        return Ok(());
    }
    // Rounds in which no object number comes twice: the k-th stream of a number goes into
    // the k-th round. At most [`MOST_ROUNDS`] (each round is a file the engine opens, which
    // costs a key's derivation, long under AES-256).
    let mut rounds: Vec<Vec<(ObjectIdentifier, Stream<'_>)>> = Vec::new();
    let mut seen: std::collections::HashMap<ObjectIdentifier, usize> = Default::default();
    for c in copies {
        let k = seen.entry(c.0).or_default();
        if *k == MOST_ROUNDS {
            return Err(Refused::TooMany);
        }
        if *k == rounds.len() {
            rounds.push(Vec::new());
        }
        rounds[*k].push(c);
        *k += 1;
    }
    for (dict, id) in opened {
        for round in &rounds {
            let file = probe(round, dict, id).ok_or(Refused::Unreadable)?;
            state.work += file.len() as u64;
            let pdf = Pdf::new(file).map_err(|e| match e {
                LoadPdfError::Decryption(_) | LoadPdfError::Invalid => Refused::Unreadable,
            })?;
            for (oid, _) in round {
                let stream = pdf
                    .xref()
                    .get::<Stream<'_>>(*oid)
                    .ok_or(Refused::Unreadable)?;
                // Decrypted once to measure it (at most the copy's size), measured within
                // the limit plus one byte.
                let (n, _) = measure(&stream, limit);
                state.work += stream.raw_data().len() as u64 + n.min(limit + 1);
                if n > limit {
                    return Err(Refused::Inflates);
                }
                // Its predictor parameters were checked with the file's.
                decode_and_scan(&stream, limit, state)?;
            }
        }
    }
    Ok(())
}

/// The headers (indices into `headers`, all before `start`) from whose `obj` only white space
/// and comments stand before `start`: those the engine may read the dictionary at `start` as
/// the object of. Either the last one, with white space only between it and `start` on
/// `start`'s line, or, where `start`'s line holds only white space before it, those on the
/// lines above whose line ends after them in white space and a comment or nothing, up through
/// the lines that are white space and a comment or nothing. The walk up from one dictionary
/// stops at the line of the one above it (its `<<` is no comment), so each line is read for
/// at most two of them (and the white space before each dictionary is its own).
fn reaching(
    bytes: &[u8],
    headers: &[(usize, u32, i32, usize)],
    start: usize,
    state: &mut State,
) -> Vec<usize> {
    let line_start = |at: usize| memchr::memrchr2(b'\r', b'\n', &bytes[..at]).map_or(0, |k| k + 1);
    let white = |s: &[u8]| s.iter().all(|&b| is_white(b));
    // White space, then a comment or nothing.
    let blank = |s: &[u8]| white(&s[..memchr::memchr(b'%', s).unwrap_or(s.len())]);
    // The white space right before `start` (each dictionary's its own: read once).
    let run = bytes[..start]
        .iter()
        .rev()
        .take_while(|&&b| is_white(b))
        .count();
    let w = start - run;
    state.work += run as u64;
    let Some(k) = memchr::memrchr2(b'\r', b'\n', &bytes[w..start]) else {
        // Something else before it on its line: only a header right before it reaches it.
        let last = headers.len().checked_sub(1);
        return last.filter(|&b| headers[b].3 == w).into_iter().collect();
    };
    let from = w + k + 1;
    let mut found = Vec::new();
    let mut end = from;
    while end > 0 {
        // The line before `end`, its line break left out.
        let stop = end - 1 - usize::from(end >= 2 && &bytes[end - 2..end] == b"\r\n");
        let begin = line_start(stop);
        let line = &bytes[begin..stop];
        state.work += line.len() as u64;
        let first = headers.partition_point(|h| h.0 < begin);
        let last = headers.partition_point(|h| h.3 <= stop);
        found.extend((first..last.max(first)).filter(|&i| blank(&bytes[headers[i].3..stop])));
        if !blank(line) {
            break;
        }
        end = begin;
    }
    found
}

/// Decodes a measured object stream, counts what it decodes to with the others' against the
/// limit, and scans its data (the engine's repair may reach its objects).
fn decode_and_scan(stream: &Stream<'_>, limit: u64, state: &mut State) -> Result<(), Refused> {
    if let Ok(data) = stream.decoded_data() {
        state.decoded += data.len() as u64;
        state.work += data.len() as u64;
        if state.decoded > limit {
            return Err(Refused::Inflates);
        }
        scan(&data, limit, None, &mut HashSet::new(), state)?;
    }
    Ok(())
}

/// The file [`sealed`] has the engine open: the object streams of `round` as they stand in
/// the file (their filters and parameters written out, their /Length their data's), a catalog,
/// a page tree of one empty page, the cross-reference table and a trailer with the encryption
/// dictionary `encrypt` and the /ID `id`. None where an object number leaves no room after it
/// or a generation is out of range.
fn probe(round: &[(ObjectIdentifier, Stream<'_>)], encrypt: &[u8], id: &[u8]) -> Option<Vec<u8>> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets: Vec<(u32, i32, usize)> = Vec::new();
    for (oid, stream) in round {
        let (n, g) = (oid.obj_number, oid.gen_number);
        if !(0..=65_535).contains(&g) {
            return None;
        }
        let data = stream.raw_data();
        let mut names = String::new();
        let mut params = String::new();
        for (f, p) in stream.filters().into_iter().zip(
            params_of(stream.dict())
                .into_iter()
                .chain(std::iter::repeat_with(Dict::default)),
        ) {
            names.push_str(filter_name(f));
            names.push(' ');
            let written = p.data();
            if written.is_empty() {
                params.push_str("null ");
            } else {
                params.push_str(&String::from_utf8_lossy(written));
                params.push(' ');
            }
        }
        offsets.push((n, g, out.len()));
        out.extend_from_slice(
            format!(
                "{n} {g} obj\n<< /Length {} /Filter [{names}] /DecodeParms [{params}] >>\nstream\n",
                data.len()
            )
            .as_bytes(),
        );
        out.extend_from_slice(&data);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }
    let top = round
        .iter()
        .map(|(oid, _)| oid.obj_number)
        .max()
        .unwrap_or(0);
    let (catalog, pages, page) = (
        top.checked_add(1)?,
        top.checked_add(2)?,
        top.checked_add(3)?,
    );
    for (n, body) in [
        (catalog, format!("<< /Type /Catalog /Pages {pages} 0 R >>")),
        (
            pages,
            format!("<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>"),
        ),
        (
            page,
            format!("<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 1 1] >>"),
        ),
    ] {
        offsets.push((n, 0, out.len()));
        out.extend_from_slice(format!("{n} 0 obj\n{body}\nendobj\n").as_bytes());
    }
    offsets.sort_by_key(|o| o.0);
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 1\n0000000000 65535 f\r\n");
    for (n, g, at) in &offsets {
        out.extend_from_slice(format!("{n} 1\n{at:010} {g:05} n\r\n").as_bytes());
    }
    let hex: String = id.iter().map(|b| format!("{b:02X}")).collect();
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root {catalog} 0 R /ID [<{hex}> <{hex}>] /Encrypt ",
            page + 1
        )
        .as_bytes(),
    );
    out.extend_from_slice(encrypt);
    out.extend_from_slice(format!(" >>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    Some(out)
}

/// A filter's name, as a file writes it.
fn filter_name(f: Filter) -> &'static str {
    match f {
        Filter::AsciiHexDecode => "/ASCIIHexDecode",
        Filter::Ascii85Decode => "/ASCII85Decode",
        Filter::LzwDecode => "/LZWDecode",
        Filter::FlateDecode => "/FlateDecode",
        Filter::RunLengthDecode => "/RunLengthDecode",
        Filter::CcittFaxDecode => "/CCITTFaxDecode",
        Filter::Jbig2Decode => "/JBIG2Decode",
        Filter::DctDecode => "/DCTDecode",
        Filter::JpxDecode => "/JPXDecode",
        Filter::Crypt => "/Crypt",
    }
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

    #[test]
    fn object_headers_and_references_are_read_as_the_engine_reads_them() {
        let file = b"1 0 obj << >> endobj 67 0\nobj << /A 1 >> endobj 12\r\n3obj x 4 5 obj\n\
                     endobj 9 9 objx 7 0 obj";
        let found: Vec<(u32, i32)> = headers(file).iter().map(|h| (h.1, h.2)).collect();
        // Sorted by number: `12\r\n3obj` is object 12, generation 3; `objx` is no keyword;
        // `endobj` is none.
        assert_eq!(found, [(1, 0), (4, 5), (7, 0), (12, 3), (67, 0)]);
        assert_eq!(reference(b"67 0 R /ID"), Some((67, 0)));
        assert_eq!(reference(b"67\n0\nR>>"), Some((67, 0)));
        assert_eq!(reference(b"67 0 RG"), None);
        assert_eq!(reference(b"67 0 obj"), None);
        assert_eq!(reference(b"67 R"), None);
    }

    #[test]
    fn an_encryption_entry_is_followed_wherever_it_stands() {
        let mut state = State::default();
        let file = b"7 0\nobj << /Filter /Standard /V 1 >> endobj\n\
            trailer << /A << >> /B << >> /C << >> /D << >> /E << >> /F << >> /G << >> /H << >> \
            /I << >> /Encr#79pt 7 0 R /ID [<0A0B> <0C0D>] >>";
        let e = encryption(file, &mut state);
        assert!(e.named && !e.incomplete);
        assert_eq!(e.dicts, [b"<< /Filter /Standard /V 1 >>".to_vec()]);
        assert_eq!(e.ids, [vec![10u8, 11]]);
        // A comment before the value, or a reference to no object: not followed, said so.
        for bad in [
            &b"trailer << /Encrypt % here\n 7 0 R >>"[..],
            b"trailer << /Encrypt 8 0 R >>",
        ] {
            let e = encryption(bad, &mut state);
            assert!(e.named && e.incomplete && e.dicts.is_empty());
        }
        // A name in a string, no value after it: the engine reads no encryption there.
        let e = encryption(b"(/Encrypt) Tj", &mut state);
        assert!(e.named && !e.incomplete && e.dicts.is_empty());
    }
}
