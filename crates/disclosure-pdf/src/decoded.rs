//! How many bytes a stream decodes to, measured before the engine decodes it whole.
//!
//! The engine decodes a stream into memory in one piece, through every filter the stream
//! names. A few megabytes of PDF can decode to gigabytes (a "zip bomb"): Flate up to about
//! 1 000 times its size, LZW about 3 600 times, RunLength 64 times, and filters chain (an
//! ASCIIHex or ASCII85 layer in front of Flate hides it from a check of the first filter
//! only). So the size is measured first, through the whole chain, with every decoder
//! stopping one byte past the limit: the middle filters' output is kept (at most the limit),
//! the last one's only counted.
//!
//! A stream whose size times the most any of its filters can multiply it by is within the
//! limit is not decoded at all (ToUnicode maps and most fonts' programs are far below it).
//! The image filters (DCT, JPX, JBIG2, CCITT) are not followed: the reader's device does not
//! decode images. An undecodable stream counts what came out before the error, which is at
//! least what the engine gets (it gets nothing from a stream it cannot decode).
//!
//! Flate is measured as the engine decodes it where the engine uses a standard inflater: a
//! zlib stream read to its end, else raw deflate data read to its end. Where both fail, the
//! engine falls back to a lenient inflater of its own (it skips a back-reference to before
//! the start and goes on), which can read past the point where zlib stops. The engine's
//! filters are private to hayro-syntax (and `Stream::decoded_data` decodes whole, with no
//! cap), so its reading is followed here ([`Lenient`]): what it makes is counted exactly, and
//! its work, which its tables can make far more than its output, is bounded
//! ([`LENIENT_WORK`]: linear in its size): a stream over that bound counts as over the limit. Where zlib or
//! deflate passes the limit before failing, the stream counts as over it (the engine's
//! fallback reads the same data at least as far). A Flate stream is so measured whatever its
//! size (a bound on its size alone would not bound the lenient inflater's time).
//!
//! A /Predictor after Flate or LZW never lengthens the data (its parameters are checked before
//! the engine runs: crate::prescan); when another filter follows it, that filter decodes the
//! predicted bytes, which the measurement does not compute: the rest of the chain is bounded
//! instead by the most its filters can multiply the predictor's input by, and a stream whose
//! bound passes the limit counts as over it.

use hayro_interpret::hayro_syntax::object::{Array, Dict, Name, Stream};
use hayro_interpret::hayro_syntax::Filter;

/// The most bytes one input byte of each filter can become (an upper bound): a zlib stream
/// of maximal back-references gives about 1 032; an LZW code of 9 bits a table entry of up
/// to 4 096 bytes; a RunLength pair 128 bytes; an ASCII85 `z` four.
fn most_per_byte(filter: &Filter) -> Option<u64> {
    match filter {
        Filter::AsciiHexDecode => Some(1),
        Filter::Ascii85Decode => Some(4),
        Filter::RunLengthDecode => Some(64),
        Filter::LzwDecode => Some(4096 * 8 / 9 + 1),
        Filter::FlateDecode => Some(1033),
        _ => None,
    }
}

/// How many bytes `stream` decodes to through its filters, counted up to `limit` + 1 (any
/// value over `limit` means "too many"). A stream without filters is its own size. When the
/// filters cannot multiply its size past `limit`, that bound is returned without decoding.
pub(crate) fn decoded_size(stream: &Stream<'_>, limit: u64) -> u64 {
    measure(stream, limit).0
}

/// The most `stream`'s filters can make of its data, from its size alone (no decoding): its
/// size times the most each filter multiplies it by, up to the first image filter. Decrypting
/// never lengthens data, so this also bounds what an encrypted stream decodes to.
pub(crate) fn bound(stream: &Stream<'_>) -> u64 {
    let mut filters = stream.filters();
    if filters.first() == Some(&Filter::Crypt) {
        filters.remove(0);
    }
    let mut bound = stream.raw_data().len() as u64;
    for f in &filters {
        match most_per_byte(f) {
            Some(m) => bound = bound.saturating_mul(m),
            None => break,
        }
    }
    bound
}

/// [`decoded_size`], and whether its count is the engine's lenient inflater's, of a Flate
/// stream that no standard inflater reads (or a bound on what follows a predictor).
pub(crate) fn measure(stream: &Stream<'_>, limit: u64) -> (u64, bool) {
    measure_with(stream, limit, true)
}

/// [`measure`], decoding the stream even where its size alone bounds it within the limit.
pub(crate) fn measure_decoding(stream: &Stream<'_>, limit: u64) -> (u64, bool) {
    measure_with(stream, limit, false)
}

fn measure_with(stream: &Stream<'_>, limit: u64, by_size: bool) -> (u64, bool) {
    let mut filters = stream.filters();
    let mut params = params_of(stream.dict());
    // A Crypt filter in first place is passed over, as the engine does.
    if filters.first() == Some(&Filter::Crypt) {
        filters.remove(0);
        if !params.is_empty() {
            params.remove(0);
        }
    }
    let raw = stream.raw_data();
    let raw: &[u8] = &raw;
    let mut bound = raw.len() as u64;
    for f in &filters {
        match most_per_byte(f) {
            Some(m) => bound = bound.saturating_mul(m),
            // An image filter: what follows it is not decoded by the reader.
            None => break,
        }
    }
    // A Flate stream is read whatever its size: the engine's lenient inflater, where no
    // standard one reads it, may spend more than its size bounds (see [`LENIENT_WORK`]).
    let inflates = filters
        .iter()
        .take_while(|f| most_per_byte(f).is_some())
        .any(|f| *f == Filter::FlateDecode);
    if by_size && bound <= limit && !inflates {
        return (bound, false);
    }
    let mut data: std::borrow::Cow<'_, [u8]> = raw.into();
    let mut lenient = false;
    for (i, f) in filters.iter().enumerate() {
        let last = i + 1 == filters.len() || filters.get(i + 1).and_then(most_per_byte).is_none();
        let early_change = params
            .get(i)
            .and_then(|d| d.get::<i64>(b"EarlyChange"))
            .is_none_or(|e| e != 0);
        if most_per_byte(f).is_none() {
            return (data.len() as u64, lenient);
        }
        // A predictor after this filter, with another filter after it: the rest of the chain
        // is bounded, not decoded (see the module's doc).
        let predicted = matches!(f, Filter::FlateDecode | Filter::LzwDecode)
            && params
                .get(i)
                .and_then(|d| d.get::<u8>(b"Predictor"))
                .is_some_and(|p| p != 1);
        let mut out = Out::new(limit, !last && !predicted);
        match f {
            Filter::AsciiHexDecode => ascii_hex(&data, &mut out),
            Filter::Ascii85Decode => ascii_85(&data, &mut out),
            Filter::RunLengthDecode => run_length(&data, &mut out),
            Filter::LzwDecode => lzw(&data, early_change, &mut out),
            Filter::FlateDecode => flate(&data, &mut out),
            _ => {}
        }
        if last || out.over() {
            return (out.count, lenient || out.bounded || out.lenient);
        }
        if predicted || out.bounded {
            let mut bound = out.count;
            for g in &filters[i + 1..] {
                match most_per_byte(g) {
                    Some(m) => bound = bound.saturating_mul(m),
                    None => break,
                }
            }
            return (bound.min(limit + 1), lenient || out.bounded || out.lenient);
        }
        lenient |= out.lenient;
        data = out.bytes.into();
    }
    (data.len() as u64, lenient)
}

/// The parameters of each of a stream's filters, as the engine pairs them (hayro-syntax's
/// `filters_and_params`): one known filter's name (/F, else /Filter) takes a dictionary (/DP
/// if it is one, else /DecodeParms); an array of names (/F, else /Filter) takes an array (/DP
/// if it is one, else /DecodeParms), entry by entry, names the engine does not know skipping
/// theirs. Empty where none; references are resolved as the engine resolves them.
pub(crate) fn params_of<'a>(dict: &Dict<'a>) -> Vec<Dict<'a>> {
    let one = dict
        .get::<Name<'_>>(b"F")
        .or_else(|| dict.get::<Name<'_>>(b"Filter"));
    if one.is_some_and(|n| known(&n)) {
        return vec![dict
            .get::<Dict<'a>>(b"DP")
            .or_else(|| dict.get::<Dict<'a>>(b"DecodeParms"))
            .unwrap_or_default()];
    }
    let Some(names) = dict
        .get::<Array<'a>>(b"F")
        .or_else(|| dict.get::<Array<'a>>(b"Filter"))
    else {
        return Vec::new();
    };
    let mut each = dict
        .get::<Array<'a>>(b"DP")
        .or_else(|| dict.get::<Array<'a>>(b"DecodeParms"))
        .map(|a| a.iter::<Object<'a>>());
    let mut out = Vec::new();
    for name in names.iter::<Name<'_>>() {
        let p = each
            .as_mut()
            .and_then(|p| p.next())
            .and_then(|p| p.into_dict())
            .unwrap_or_default();
        if known(&name) {
            out.push(p);
        }
    }
    out
}

/// Whether the engine knows a filter of this name (hayro-syntax's names and abbreviations).
fn known(name: &[u8]) -> bool {
    matches!(
        name,
        b"ASCIIHexDecode"
            | b"AHx"
            | b"ASCII85Decode"
            | b"A85"
            | b"LZWDecode"
            | b"LZW"
            | b"FlateDecode"
            | b"Fl"
            | b"RunLengthDecode"
            | b"RL"
            | b"CCITTFaxDecode"
            | b"CCF"
            | b"JBIG2Decode"
            | b"DCTDecode"
            | b"DCT"
            | b"JPXDecode"
            | b"Crypt"
    )
}

type Object<'a> = hayro_interpret::hayro_syntax::object::Object<'a>;

/// Where a decoder writes: counted, and kept when another filter follows, up to one byte
/// past the limit.
struct Out {
    limit: u64,
    count: u64,
    keep: bool,
    bytes: Vec<u8>,
    /// `count` is a bound on what the engine decodes, not a count; `bytes` are not kept.
    bounded: bool,
    /// `count` is what the engine's lenient inflater makes (no standard inflater reads the
    /// data to its end).
    lenient: bool,
}

impl Out {
    fn new(limit: u64, keep: bool) -> Self {
        Out {
            limit,
            count: 0,
            keep,
            bytes: Vec::new(),
            bounded: false,
            lenient: false,
        }
    }

    fn over(&self) -> bool {
        self.count > self.limit
    }

    /// Takes `b`; false once past the limit (the decoder stops).
    fn put(&mut self, b: &[u8]) -> bool {
        let room = (self.limit + 1 - self.count.min(self.limit + 1)) as usize;
        let take = b.len().min(room);
        if self.keep {
            self.bytes.extend_from_slice(&b[..take]);
        }
        self.count += take as u64;
        !self.over()
    }

    /// Copies `length` bytes from `distance` back, as the engine's lenient inflater does:
    /// nothing when that is before the start.
    fn copy_back(&mut self, distance: usize, length: usize) -> bool {
        if distance as u64 > self.count {
            return true;
        }
        if !self.keep {
            let room = self.limit + 1 - self.count.min(self.limit + 1);
            self.count += (length as u64).min(room);
            return !self.over();
        }
        for _ in 0..length {
            let b = self.bytes[self.bytes.len() - distance];
            if !self.put(&[b]) {
                return false;
            }
        }
        true
    }

    /// Takes `n` copies of `byte`.
    fn repeat(&mut self, byte: u8, n: usize) -> bool {
        let chunk = [byte; 256];
        let mut left = n;
        while left > 0 {
            let k = left.min(chunk.len());
            if !self.put(&chunk[..k]) {
                return false;
            }
            left -= k;
        }
        true
    }
}

fn ascii_hex(data: &[u8], out: &mut Out) {
    let mut high: Option<u8> = None;
    for &c in data {
        if c == b'>' {
            break;
        }
        let Some(v) = (c as char).to_digit(16) else {
            continue;
        };
        match high.take() {
            Some(h) => {
                if !out.put(&[h << 4 | v as u8]) {
                    return;
                }
            }
            None => high = Some(v as u8),
        }
    }
    if let Some(h) = high {
        out.put(&[h << 4]);
    }
}

fn ascii_85(data: &[u8], out: &mut Out) {
    let mut group = [0u8; 5];
    let mut n = 0;
    let mut room = true;
    for &c in data {
        if !room {
            return;
        }
        match c {
            b'~' => break,
            // The engine ends a group begun before a `z` (as at the end) and then writes the
            // four zeros.
            b'z' => {
                if n > 1 {
                    let mut padded = [84u8; 5];
                    padded[..n].copy_from_slice(&group[..n]);
                    out.put(&base85(&padded)[..n - 1]);
                }
                n = 0;
                room = out.put(&[0; 4]);
            }
            b'!'..=b'u' => {
                group[n] = c - b'!';
                n += 1;
                if n == 5 {
                    room = out.put(&base85(&group));
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        let mut padded = [84u8; 5];
        padded[..n].copy_from_slice(&group[..n]);
        out.put(&base85(&padded)[..n - 1]);
    }
}

fn base85(g: &[u8; 5]) -> [u8; 4] {
    let v = g.iter().fold(0u64, |v, &d| v * 85 + u64::from(d));
    (v as u32).to_be_bytes()
}

fn run_length(data: &[u8], out: &mut Out) {
    let mut i = 0;
    while let Some(&len) = data.get(i) {
        i += 1;
        match len {
            128 => return,
            0..=127 => {
                let end = (i + len as usize + 1).min(data.len());
                if !out.put(&data[i..end]) {
                    return;
                }
                i = end;
            }
            _ => {
                let Some(&b) = data.get(i) else { return };
                i += 1;
                if !out.repeat(b, 257 - len as usize) {
                    return;
                }
            }
        }
    }
}

/// LZW as the engine reads it: codes of 9 to 12 bits, most significant bit first, 256 clears
/// the table, 257 ends; the width grows one entry early unless /EarlyChange is 0; a full
/// table (4 096 entries) stays as it is.
fn lzw(data: &[u8], early_change: bool, out: &mut Out) {
    const CLEAR: usize = 256;
    const END: usize = 257;
    // Each entry: the entry it extends (or none), its last byte, its length.
    let mut table: Vec<(Option<u16>, u8, u32)> = Vec::with_capacity(4096);
    let reset = |t: &mut Vec<(Option<u16>, u8, u32)>| {
        t.clear();
        t.extend((0..=255u8).map(|b| (None, b, 1)));
        t.push((None, 0, 0));
        t.push((None, 0, 0));
    };
    reset(&mut table);
    let width = |size: usize| {
        let adjusted = size + usize::from(early_change);
        match adjusted {
            2048.. => 12,
            1024.. => 11,
            512.. => 10,
            _ => 9,
        }
    };
    let mut bits = Bits { data, pos: 0 };
    let mut prev: Option<usize> = None;
    let mut scratch: Vec<u8> = Vec::new();
    while let Some(code) = bits.read(width(table.len())) {
        let code = code as usize;
        match code {
            CLEAR => {
                reset(&mut table);
                prev = None;
            }
            END => return,
            _ if code < table.len() && table[code].2 > 0 => {
                let first = spell(&table, code, &mut scratch);
                if !out.put(&scratch) {
                    return;
                }
                if let Some(p) = prev {
                    if table.len() < 4096 {
                        table.push((Some(p as u16), first, table[p].2 + 1));
                    }
                }
                prev = Some(code);
            }
            _ if code == table.len() && prev.is_some() => {
                let p = prev.unwrap_or_default();
                let first = spell(&table, p, &mut scratch);
                scratch.push(first);
                if table.len() < 4096 {
                    table.push((Some(p as u16), first, table[p].2 + 1));
                }
                if !out.put(&scratch) {
                    return;
                }
                prev = Some(code);
            }
            _ => return,
        }
    }
}

/// Writes entry `code`'s bytes into `scratch`; returns its first byte.
fn spell(table: &[(Option<u16>, u8, u32)], code: usize, scratch: &mut Vec<u8>) -> u8 {
    scratch.clear();
    let mut at = Some(code);
    while let Some(c) = at {
        let (prefix, byte, _) = table[c];
        scratch.push(byte);
        at = prefix.map(usize::from);
    }
    scratch.reverse();
    scratch.first().copied().unwrap_or_default()
}

struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Bits<'_> {
    /// The next `n` bits, most significant first; none when fewer are left.
    fn read(&mut self, n: usize) -> Option<u32> {
        if self.pos + n > self.data.len() * 8 {
            return None;
        }
        let mut v = 0u32;
        for _ in 0..n {
            let byte = self.data[self.pos / 8];
            v = v << 1 | u32::from(byte >> (7 - self.pos % 8) & 1);
            self.pos += 1;
        }
        Some(v)
    }
}

/// Flate as the engine decodes it: a zlib stream if it reads to its end, else raw deflate
/// data if it reads to its end; else the engine's lenient inflater reads it, and what it makes
/// is counted (`out.lenient`). A zlib or deflate reading that passes the limit before it
/// fails counts as over it.
fn flate(data: &[u8], out: &mut Out) {
    use flate2::read::{DeflateDecoder, ZlibDecoder};
    let limit = out.limit;
    let (zlib, whole) = inflated(ZlibDecoder::new(data), limit, None);
    if whole || zlib > limit {
        if out.keep && whole {
            inflated(ZlibDecoder::new(data), limit, Some(out));
        } else {
            out.count = zlib;
        }
        return;
    }
    let (raw, whole) = inflated(DeflateDecoder::new(data), limit, None);
    if whole || raw > limit {
        if out.keep && whole {
            inflated(DeflateDecoder::new(data), limit, Some(out));
        } else {
            out.count = raw;
        }
        return;
    }
    // The engine falls back to its lenient inflater, which skips what it cannot read (a
    // back-reference to before the start copies nothing) and goes on: its reading is
    // followed here, its output counted (and kept where another filter follows) and its work
    // bounded (see [`Lenient`]).
    out.bytes.clear();
    out.count = 0;
    out.lenient = true;
    if !Lenient::new(data).run(out) {
        out.bytes.clear();
        out.count = out.limit + 1;
    }
}

/// The most table entries the engine's lenient inflater may fill for one stream: [`LENIENT_WORK`]
/// and [`LENIENT_PER_BYTE`] for each byte of its data. It builds each dynamic block's Huffman
/// tables entry by entry without checking that the code lengths make a code, so 34 bytes of a
/// block's header can ask for 4.2 million entries (a table of 2^15, 256 codes of one bit
/// filling half of it each), and a few kB of such blocks for seconds. A block whose lengths
/// make a code fills at most 2^15 entries and 15 passes over 320 lengths (37 000), and holds
/// hundreds of bytes or more; any one block fills at most 288 × 2^14 (4.7 million: random
/// bytes, an encrypted stream as it stands, may ask for that once). So the work stays linear
/// in the stream's size (its codes and bytes are bounded by the data and the limit).
const LENIENT_WORK: u64 = 1 << 23;
const LENIENT_PER_BYTE: u64 = 64;

/// The engine's lenient inflater (hayro-syntax's Flate fallback, itself after pdf.js), read
/// the way it reads: a zlib header is skipped where it is one; blocks are read until the
/// last, or until anything fails (a code with no entry, data that ends, a block type 3), and
/// what came out before is kept; a stored block's length is not checked against its
/// complement and takes what data there is; a back-reference reaching before the start
/// copies nothing; code lengths are taken as they are, each length's codes in turn filling
/// every entry of the table their bits end (a later code overwriting an earlier one).
struct Lenient<'a> {
    data: &'a [u8],
    pos: usize,
    bits: u32,
    held: u8,
    /// Table entries filled so far (see [`LENIENT_WORK`]).
    work: u64,
    /// The most that may be filled.
    most: u64,
    /// The fixed codes' tables, once built.
    fixed: Option<(Table, Table)>,
}

/// A Huffman table as the engine builds it: for each `max` bits read least significant
/// first, the code's length (0: no code) and value.
struct Table {
    entries: Vec<(u8, u16)>,
    max: u8,
}

impl<'a> Lenient<'a> {
    fn new(data: &'a [u8]) -> Self {
        let zlib = data.len() >= 2
            && data[0] & 0x0f == 8
            && (u16::from(data[0]) << 8 | u16::from(data[1])) % 31 == 0
            && data[1] & 0x20 == 0;
        Lenient {
            data: if zlib { &data[2..] } else { data },
            pos: 0,
            bits: 0,
            held: 0,
            work: 0,
            most: LENIENT_WORK.saturating_add(LENIENT_PER_BYTE.saturating_mul(data.len() as u64)),
            fixed: None,
        }
    }

    /// Reads to the end as the engine does, writing to `out` until it passes its limit; false
    /// when its tables pass the most it may fill first (see [`LENIENT_WORK`]).
    fn run(&mut self, out: &mut Out) -> bool {
        let mut last = false;
        while !last && self.pos < self.data.len() && !out.over() {
            let Some(header) = self.take(3) else { break };
            last = header & 1 == 1;
            let read = match header >> 1 {
                0 => self.stored(out),
                1 => {
                    // The engine copies its fixed tables (544 entries) for each such block.
                    let (lit, dist) = self.fixed.take().unwrap_or_else(|| {
                        (
                            self.table(&fixed_lengths(true)),
                            self.table(&fixed_lengths(false)),
                        )
                    });
                    self.work += 544;
                    let read = self.codes(&lit, &dist, out);
                    self.fixed = Some((lit, dist));
                    read
                }
                2 => match self.dynamic() {
                    Some((lit, dist)) => self.codes(&lit, &dist, out),
                    None => false,
                },
                _ => false,
            };
            if self.work > self.most {
                return false;
            }
            if !read {
                break;
            }
        }
        true
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.data.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    /// The next `n` bits, least significant first (none when the data ends first: the bytes
    /// read so far stay read).
    fn take(&mut self, n: u8) -> Option<u32> {
        while self.held < n {
            let b = self.byte()?;
            self.bits |= u32::from(b) << self.held;
            self.held += 8;
        }
        let v = self.bits & ((1u32 << n) - 1);
        self.bits >>= n;
        self.held -= n;
        Some(v)
    }

    /// The next code of `table`: its entry for the next `max` bits (fewer where the data
    /// ends), none when that entry has no code or more bits than are left.
    fn code(&mut self, table: &Table) -> Option<u16> {
        while self.held < table.max {
            let Some(b) = self.byte() else { break };
            self.bits |= u32::from(b) << self.held;
            self.held += 8;
        }
        let index = (self.bits & ((1u32 << table.max) - 1)) as usize;
        let &(len, value) = table.entries.get(index)?;
        if len == 0 || self.held < len {
            return None;
        }
        self.bits >>= len;
        self.held -= len;
        Some(value)
    }

    /// A stored block; whether the next block is read.
    fn stored(&mut self, out: &mut Out) -> bool {
        self.bits = 0;
        self.held = 0;
        let mut four = [0u8; 4];
        for b in &mut four {
            match self.byte() {
                Some(v) => *b = v,
                None => return false,
            }
        }
        let len = usize::from(u16::from_le_bytes([four[0], four[1]]));
        if len == 0 {
            return self.pos < self.data.len();
        }
        let end = (self.pos + len).min(self.data.len());
        let whole = end - self.pos == len;
        out.put(&self.data[self.pos..end]);
        self.pos = end;
        whole
    }

    /// A block's codes to its end; whether the next block is read.
    fn codes(&mut self, lit: &Table, dist: &Table, out: &mut Out) -> bool {
        loop {
            if self.work > self.most || out.over() {
                return false;
            }
            let Some(code) = self.code(lit) else {
                return false;
            };
            match code {
                0..=255 => {
                    out.put(&[code as u8]);
                }
                256 => return true,
                _ => {
                    let (extra, base) = LENGTHS
                        .get(usize::from(code - 257))
                        .copied()
                        .unwrap_or((0, 0));
                    let Some(more) = self.take(extra) else {
                        return false;
                    };
                    let Some(d) = self.code(dist) else {
                        return false;
                    };
                    let Some(&(extra, base_distance)) = DISTANCES.get(usize::from(d)) else {
                        return false;
                    };
                    let Some(far) = self.take(extra) else {
                        return false;
                    };
                    let length = base as usize + more as usize;
                    out.copy_back(base_distance as usize + far as usize, length);
                }
            }
        }
    }

    /// A dynamic block's tables, read as the engine reads them.
    fn dynamic(&mut self) -> Option<(Table, Table)> {
        const ORDER: [usize; 19] = [
            16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
        ];
        let lits = self.take(5)? as usize + 257;
        let dists = self.take(5)? as usize + 1;
        let lens = self.take(4)? as usize + 4;
        let mut code_lengths = [0u8; 19];
        for &at in &ORDER[..lens] {
            code_lengths[at] = self.take(3)? as u8;
        }
        let lengths_table = self.table(&code_lengths);
        let total = lits + dists;
        let mut lengths = vec![0u8; total];
        let mut i = 0;
        while i < total {
            let (value, repeat) = match self.code(&lengths_table)? {
                c @ 0..=15 => (c as u8, 1),
                16 => (
                    i.checked_sub(1).map_or(0, |p| lengths[p]),
                    self.take(2)? as usize + 3,
                ),
                17 => (0, self.take(3)? as usize + 3),
                18 => (0, self.take(7)? as usize + 11),
                _ => return None,
            };
            let end = (i + repeat).min(total);
            lengths[i..end].fill(value);
            i = end;
        }
        Some((self.table(&lengths[..lits]), self.table(&lengths[lits..])))
    }

    /// The table the engine builds from these code lengths, its work counted first (and not
    /// built when that passes the most it may fill: an empty table, which ends the reading).
    fn table(&mut self, lengths: &[u8]) -> Table {
        let max = lengths.iter().copied().max().unwrap_or(0);
        if max == 0 {
            return Table {
                entries: vec![(0, 0)],
                max: 1,
            };
        }
        let size = 1usize << max;
        // The entries it zeroes, its pass over the lengths for each length, and the entries
        // each code fills (every 2^len-th from its reversed bits on).
        let mut fills = size as u64 + u64::from(max) * lengths.len() as u64;
        let mut next = 0u32;
        for len in 1..=max {
            for &l in lengths {
                if l == len {
                    let first = reversed(next, len) as u64;
                    fills += (size as u64 - first).div_ceil(1 << len);
                    next += 1;
                }
            }
            next <<= 1;
        }
        self.work = self.work.saturating_add(fills);
        if self.work > self.most {
            return Table {
                entries: Vec::new(),
                max: 1,
            };
        }
        let mut entries = vec![(0u8, 0u16); size];
        let mut next = 0u32;
        for len in 1..=max {
            for (value, &l) in lengths.iter().enumerate() {
                if l == len {
                    let first = reversed(next, len) as usize;
                    for e in entries.iter_mut().skip(first).step_by(1 << len) {
                        *e = (len, value as u16);
                    }
                    next += 1;
                }
            }
            next <<= 1;
        }
        Table { entries, max }
    }
}

/// The low `len` bits of `code`, in reverse order.
fn reversed(code: u32, len: u8) -> u32 {
    code.reverse_bits() >> (32 - u32::from(len))
}

/// The code lengths of the fixed literal/length code (288 codes) or distance code (30).
fn fixed_lengths(literal: bool) -> Vec<u8> {
    if literal {
        [(144, 8), (112, 9), (24, 7), (8, 8)]
            .iter()
            .flat_map(|&(n, l)| std::iter::repeat_n(l, n))
            .collect()
    } else {
        vec![5; 30]
    }
}

/// Length codes 257 to 285: extra bits and base length.
const LENGTHS: [(u8, u16); 29] = [
    (0, 3),
    (0, 4),
    (0, 5),
    (0, 6),
    (0, 7),
    (0, 8),
    (0, 9),
    (0, 10),
    (1, 11),
    (1, 13),
    (1, 15),
    (1, 17),
    (2, 19),
    (2, 23),
    (2, 27),
    (2, 31),
    (3, 35),
    (3, 43),
    (3, 51),
    (3, 59),
    (4, 67),
    (4, 83),
    (4, 99),
    (4, 115),
    (5, 131),
    (5, 163),
    (5, 195),
    (5, 227),
    (0, 258),
];

/// Distance codes 0 to 29: extra bits and base distance.
const DISTANCES: [(u8, u16); 30] = [
    (0, 1),
    (0, 2),
    (0, 3),
    (0, 4),
    (1, 5),
    (1, 7),
    (2, 9),
    (2, 13),
    (3, 17),
    (3, 25),
    (4, 33),
    (4, 49),
    (5, 65),
    (5, 97),
    (6, 129),
    (6, 193),
    (7, 257),
    (7, 385),
    (8, 513),
    (8, 769),
    (9, 1025),
    (9, 1537),
    (10, 2049),
    (10, 3073),
    (11, 4097),
    (11, 6145),
    (12, 8193),
    (12, 12289),
    (13, 16385),
    (13, 24577),
];

/// How many bytes `r` gives, counted up to `limit` + 1 (and written to `out` if given), and
/// whether it reached its end without an error.
fn inflated(r: impl std::io::Read, limit: u64, mut out: Option<&mut Out>) -> (u64, bool) {
    use std::io::Read;
    let mut r = r.take(limit.saturating_add(1));
    let mut buf = [0u8; 16 * 1024];
    let mut n = 0u64;
    loop {
        match r.read(&mut buf) {
            Ok(0) => return (n, n <= limit),
            Ok(k) => {
                n += k as u64;
                if let Some(o) = out.as_deref_mut() {
                    o.put(&buf[..k]);
                }
            }
            Err(_) => return (n, false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn run(f: fn(&[u8], &mut Out), data: &[u8]) -> Vec<u8> {
        let mut out = Out::new(1 << 20, true);
        f(data, &mut out);
        assert_eq!(out.count, out.bytes.len() as u64);
        out.bytes
    }

    #[test]
    fn ascii_filters_decode() {
        assert_eq!(run(ascii_hex, b"48 65 6c6C 6f>"), b"Hello");
        assert_eq!(run(ascii_hex, b"414>"), b"A@");
        assert_eq!(run(ascii_85, b"87cURD]i,\"Ebo80~>"), b"Hello World!");
        assert_eq!(run(ascii_85, b"z!!~>"), [0, 0, 0, 0, 0]);
    }

    #[test]
    fn run_length_decodes() {
        assert_eq!(
            run(run_length, &[4, 10, 11, 12, 13, 14, 253, 3, 128]),
            [10, 11, 12, 13, 14, 3, 3, 3, 3]
        );
    }

    #[test]
    fn lzw_decodes_the_specification_example() {
        // PDF 32000-1:2008, 7.4.4.2: "-----A---B" with EarlyChange 1.
        let codes = [0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01];
        let mut out = Out::new(1000, true);
        lzw(&codes, true, &mut out);
        assert_eq!(out.bytes, b"-----A---B");
    }

    #[test]
    fn decoders_stop_one_byte_past_the_limit() {
        let mut out = Out::new(100, false);
        run_length(&[129, b'x'].repeat(1000), &mut out);
        assert_eq!(out.count, 101);
        assert!(out.bytes.is_empty());
    }

    /// The measurement of a Flate stream is what the engine inflates, byte for byte, where zlib
    /// or a raw deflate reader reads it to its end; for damaged ones (bytes changed, cut short)
    /// that both reject, it is what the engine's lenient inflater makes, byte for byte.
    #[test]
    fn flate_counts_what_the_engine_inflates() {
        use hayro_interpret::hayro_syntax::object::FromBytes;
        use std::io::Write;
        let mut sources: Vec<Vec<u8>> = Vec::new();
        let text: Vec<u8> = (0..4000u32)
            .flat_map(|i| format!("{} 0 0 RG {} Tj ", i % 7, i * 31 % 1000).into_bytes())
            .collect();
        for level in [0, 1, 6, 9] {
            let mut z =
                flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
            z.write_all(&text).unwrap();
            sources.push(z.finish().unwrap());
        }
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut lenient_only = 0;
        for src in &sources {
            for round in 0..150 {
                let mut data = src.clone();
                match round % 3 {
                    0 => {
                        let at = next(data.len());
                        data[at] ^= 1 << next(8);
                    }
                    1 => {
                        let at = 2 + next(data.len() - 2);
                        data[at] = next(256) as u8;
                        let at = 2 + next(data.len() - 2);
                        data[at] = next(256) as u8;
                    }
                    _ => data.truncate(1 + next(data.len())),
                }
                let mut pdf = format!(
                    "<< /Filter /FlateDecode /Length {} >>\nstream\n",
                    data.len()
                )
                .into_bytes();
                pdf.extend_from_slice(&data);
                pdf.extend_from_slice(b"\nendstream");
                let stream = Stream::from_bytes(&pdf).unwrap();
                let engine = stream.decoded_data().map_or(0, |d| d.len() as u64);
                let limit = 1 << 20;
                assert!(engine <= limit);
                let mut z = Vec::new();
                let zlib_ok = flate2::read::ZlibDecoder::new(&data[..])
                    .read_to_end(&mut z)
                    .is_ok();
                if !zlib_ok && engine > z.len() as u64 {
                    lenient_only += 1;
                }
                // The measurement itself, not the bound that spares it for small streams.
                let mut out = Out::new(limit, false);
                flate(&data, &mut out);
                assert_eq!(out.count, engine, "round {round}");
            }
        }
        // The damaged streams include some that only the lenient inflater reads further.
        assert!(lenient_only > 10, "{lenient_only}");
    }
}
