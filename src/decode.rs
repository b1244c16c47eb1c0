//! Turning the bytes of an opened or dropped file into text.
//!
//! A byte-order mark decides (UTF-8, UTF-16LE/BE); without one, valid UTF-8 is UTF-8 and
//! anything else is read as GB18030 (which covers GBK and GB2312, the encodings Chinese
//! Windows tools save text in). Files that are not text are refused with a reason: empty
//! files, files over the core's 20 MB limit, and binary data (NUL bytes, or mostly undecodable
//! or control characters). A PDF is not decoded here: its bytes go to the PDF reader
//! (src/pdf.rs), whose text comes back as a [`Decoded`] too.
//!
//! The GB18030 step itself is the WHATWG Encoding Standard's decoder: in the browser the
//! browser's own `TextDecoder("gb18030")`, natively (tests) `encoding_rs`, which implements the
//! same standard. encoding_rs in the WebAssembly build would cost 125 kB gzipped, because its
//! decoder dispatches over every encoding and so links all their tables (123 kB measured again
//! on 2026-11-27 for GB18030 alone, through either of its decoding APIs); that alone is a third
//! of the page's size budget. That the two agree is tested: a unit test below pins what
//! encoding_rs makes of every one- and two-byte sequence and 8,820 four-byte ones, and a
//! browser test checks Chromium's decoder against it. Everything else here (BOMs, UTF-8, UTF-16, the checks) is
//! this module's own code on both sides.

/// The largest file accepted: the core's own limit ([`disclosure::parse::MAX_INPUT_BYTES`]).
pub const MAX_FILE_BYTES: u64 = disclosure::parse::MAX_INPUT_BYTES as u64;

/// The largest PDF read: disclosure-pdf's limit (`Limits::DEFAULT.max_bytes`, 40 MB; the PDF
/// reader checks it again and says the same).
pub const MAX_PDF_BYTES: u64 = 40 * 1024 * 1024;

/// Why the PDF reader (src/pdf.rs) stopped before it answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfFailure {
    /// Its script or the PDF engine did not load (offline before a first visit saved them).
    NotLoaded,
    /// The engine stopped while reading.
    Crashed,
    /// Reading took longer than src/pdf-reader.js allows (30 s).
    TimedOut,
}

/// Why a file was not loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// Zero bytes, or nothing but a byte-order mark and white space.
    Empty,
    /// Over [`MAX_FILE_BYTES`].
    TooLarge {
        /// The file's size.
        bytes: u64,
    },
    /// A PDF, on a page that does not read PDFs (the single-file page).
    Pdf,
    /// A PDF over [`MAX_PDF_BYTES`].
    PdfTooLarge {
        /// The file's size.
        bytes: u64,
    },
    /// A PDF the reader refused (scanned, encrypted, broken, garbled…): its message.
    PdfUnread {
        /// In Chinese.
        zh: String,
        /// In English.
        en: String,
    },
    /// The PDF reader stopped.
    PdfFailed(PdfFailure),
    /// Not text.
    Binary,
    /// The browser could not read the file.
    Unreadable,
}

/// A decoded file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding's name ("UTF-8", "GB18030", "UTF-16LE"), or "PDF" for a PDF's text.
    pub encoding: &'static str,
    /// For a PDF, the number of each page's first line in `text` (1-based); empty for a text.
    pub pages: Vec<u32>,
    /// For a PDF, what the reader noted about it (scanned pages, a watermark left out…), in
    /// Chinese and English.
    pub notes: Vec<(String, String)>,
    /// For a PDF, the handle under which the PDF reader keeps its bytes, to draw its pages
    /// (src/pdf-reader.js); `None` for a text.
    pub pdf_doc: Option<u32>,
}

/// Checks a file's size before it is read (`pdf`: the file is named as a PDF).
pub fn check_size(bytes: u64, pdf: bool) -> Result<(), Rejection> {
    match bytes {
        0 => Err(Rejection::Empty),
        b if pdf && b > MAX_PDF_BYTES => Err(Rejection::PdfTooLarge { bytes: b }),
        b if !pdf && b > MAX_FILE_BYTES => Err(Rejection::TooLarge { bytes: b }),
        _ => Ok(()),
    }
}

/// Whether a file's name or type says it is a PDF.
pub fn named_pdf(name: &str, mime: &str) -> bool {
    mime == "application/pdf" || name.to_ascii_lowercase().ends_with(".pdf")
}

/// Decodes a file's bytes, or says why they are not a text to analyse.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Rejection> {
    check_size(bytes.len() as u64, false)?;
    if bytes.starts_with(b"%PDF-") {
        return Err(Rejection::Pdf);
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        match std::str::from_utf8(rest) {
            Ok(text) => (text.to_owned(), "UTF-8"),
            // A UTF-8 BOM in front of something else: judge the rest on its own.
            Err(_) => return decode(rest),
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        (utf16(rest, u16::from_le_bytes), "UTF-16LE")
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        (utf16(rest, u16::from_be_bytes), "UTF-16BE")
    } else if bytes.contains(&0) {
        // No text encoding used in these documents has NUL bytes without a UTF-16 BOM.
        return Err(Rejection::Binary);
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), "UTF-8")
    } else {
        (gb18030(bytes).ok_or(Rejection::Unreadable)?, "GB18030")
    };
    if looks_binary(&text) {
        return Err(Rejection::Binary);
    }
    if text.trim().is_empty() {
        return Err(Rejection::Empty);
    }
    Ok(Decoded {
        text,
        encoding,
        pages: Vec::new(),
        notes: Vec::new(),
        pdf_doc: None,
    })
}

/// UTF-16 code units to text; unpaired surrogates and an odd last byte become U+FFFD.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks(2).map(|c| match *c {
        [a, b] => unit([a, b]),
        _ => 0xfffd,
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// GB18030 bytes to text, undecodable sequences as U+FFFD: the browser's decoder.
#[cfg(target_arch = "wasm32")]
fn gb18030(bytes: &[u8]) -> Option<String> {
    web_sys::TextDecoder::new_with_label("gb18030")
        .and_then(|d| d.decode_with_u8_array(bytes))
        .ok()
}

/// GB18030 bytes to text, undecodable sequences as U+FFFD: encoding_rs, natively.
#[cfg(not(target_arch = "wasm32"))]
fn gb18030(bytes: &[u8]) -> Option<String> {
    Some(
        encoding_rs::GB18030
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    )
}

/// More than 2 % of the characters are replacement characters (undecodable bytes), NULs
/// or control characters other than tab, line feed, carriage return and form feed.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\u{fffd}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) {
            bad += 1;
        }
    }
    total > 0 && bad * 50 > total
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::GB18030;

    const SAMPLE: &str =
        "部门收支总体情况表\n编制部门：库尔勒市朝阳街道办事处 单位：万元\n收入总计 2,300.52\n";

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode(SAMPLE.as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "UTF-8"));
        let mut bom = vec![0xef, 0xbb, 0xbf];
        bom.extend_from_slice(SAMPLE.as_bytes());
        let d = decode(&bom).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "UTF-8"));
    }

    #[test]
    fn gbk_and_gb18030() {
        let (bytes, _, errors) = GB18030.encode(SAMPLE);
        assert!(!errors);
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "the test needs non-UTF-8 bytes"
        );
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "GB18030"));
        // A character outside GBK (four-byte GB18030) survives too.
        let (bytes, _, _) = GB18030.encode("预算 € 𠀀 2,300.52");
        assert_eq!(decode(&bytes).unwrap().text, "预算 € 𠀀 2,300.52");
    }

    #[test]
    fn utf16_needs_its_bom() {
        let mut le = vec![0xff, 0xfe];
        le.extend(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "UTF-16LE"));
        let mut be = vec![0xfe, 0xff];
        be.extend(SAMPLE.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap().text, SAMPLE);
        // A lone surrogate and an odd byte are replaced, not fatal.
        let mut odd = vec![0xff, 0xfe];
        odd.extend(
            SAMPLE
                .repeat(3)
                .encode_utf16()
                .chain([0xd800, 0x7b97])
                .flat_map(u16::to_le_bytes),
        );
        odd.push(0x41);
        assert_eq!(
            decode(&odd).unwrap().text,
            format!("{}\u{fffd}算\u{fffd}", SAMPLE.repeat(3))
        );
        // Without a BOM, UTF-16 is full of NUL bytes: refused as binary.
        let bare: Vec<u8> = "abc".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&bare), Err(Rejection::Binary));
    }

    #[test]
    fn binary_files_are_refused() {
        assert_eq!(decode(b"ab\0cd"), Err(Rejection::Binary));
        assert_eq!(
            decode(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
            Err(Rejection::Pdf)
        );
        // Every byte value but NUL: control characters and undecodable sequences.
        let junk: Vec<u8> = (0u8..=255)
            .cycle()
            .skip(1)
            .take(4096)
            .filter(|&b| b != 0)
            .collect();
        assert_eq!(decode(&junk), Err(Rejection::Binary));
        let controls = "\u{1}\u{2}\u{3}\u{4}".repeat(10) + "text";
        assert_eq!(decode(controls.as_bytes()), Err(Rejection::Binary));
    }

    #[test]
    fn a_few_stray_bytes_do_not_make_text_binary() {
        let mut bytes = GB18030.encode(&SAMPLE.repeat(20)).0.into_owned();
        bytes.push(0xff);
        let d = decode(&bytes).unwrap();
        assert!(d.text.starts_with("部门收支总体情况表"));
    }

    #[test]
    fn empty_and_too_large() {
        assert_eq!(decode(b""), Err(Rejection::Empty));
        assert_eq!(decode(b"\xef\xbb\xbf"), Err(Rejection::Empty));
        assert_eq!(decode(b" \n\r\n\t"), Err(Rejection::Empty));
        assert_eq!(check_size(0, false), Err(Rejection::Empty));
        assert_eq!(check_size(MAX_FILE_BYTES, false), Ok(()));
        assert_eq!(
            check_size(MAX_FILE_BYTES + 1, false),
            Err(Rejection::TooLarge {
                bytes: MAX_FILE_BYTES + 1
            })
        );
        // A PDF may be larger than a text: up to the PDF reader's own limit.
        assert_eq!(check_size(MAX_FILE_BYTES + 1, true), Ok(()));
        assert_eq!(
            check_size(MAX_PDF_BYTES + 1, true),
            Err(Rejection::PdfTooLarge {
                bytes: MAX_PDF_BYTES + 1
            })
        );
        assert!(named_pdf("预算.PDF", ""));
        assert!(named_pdf("x", "application/pdf"));
        assert!(!named_pdf("预算.txt", "text/plain"));
    }

    /// The byte sequences the decoders are compared on, in groups: every single byte, then for
    /// each lead byte 0x81–0xFE every second byte, the four-byte forms over a spread of third
    /// bytes, and sequences cut short — each sequence followed by a line feed. The browser test
    /// "the browser's GB18030 decoder agrees with encoding_rs" builds the same groups
    /// (tests/e2e/app.test.mjs).
    fn gb18030_cases() -> Vec<(String, Vec<u8>)> {
        let single = (0..=0xffu8).flat_map(|b| [b, b'\n']).collect();
        let mut groups = vec![("single".to_owned(), single)];
        for lead in 0x81..=0xfeu8 {
            let mut bytes = Vec::new();
            for second in 0..=0xffu8 {
                bytes.extend([lead, second, b'\n']);
            }
            for second in 0x30..=0x39u8 {
                bytes.extend([lead, second, b'\n']);
                for third in [0x81u8, 0x82, 0x90, 0x9a, 0xa0, 0xc0, 0xfe] {
                    bytes.extend([lead, second, third, b'\n']);
                    for fourth in 0x30..=0x39u8 {
                        bytes.extend([lead, second, third, fourth, b'\n']);
                    }
                }
            }
            groups.push((format!("{lead:02x}"), bytes));
        }
        groups
    }

    /// 32-bit FNV-1a of the text's UTF-8 bytes (the browser test computes the same).
    fn fnv1a(text: &str) -> u32 {
        text.bytes().fold(0x811c_9dc5, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        })
    }

    /// The page decodes GB18030 with the browser's `TextDecoder`, the CLI and these tests with
    /// encoding_rs. What encoding_rs makes of every case is pinned here as a hash per group;
    /// the browser test checks that Chromium's decoder gives the same hashes. Set
    /// `BLESS_GB18030=1` to write the file anew (after an encoding_rs update, say).
    #[test]
    fn encoding_rs_decodes_the_cases_the_browser_is_checked_against() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/e2e/fixtures/gb18030-hashes.txt"
        );
        let cases = gb18030_cases();
        let decoded: Vec<String> = cases.iter().map(|(_, b)| gb18030(b).unwrap()).collect();
        let ours: String = cases
            .iter()
            .zip(&decoded)
            .map(|((name, _), text)| format!("{name} {:08x}\n", fnv1a(text)))
            .collect();
        if std::env::var_os("BLESS_GB18030").is_some() {
            std::fs::write(path, &ours).unwrap();
        }
        let pinned = std::fs::read_to_string(path).unwrap();
        assert_eq!(
            ours, pinned,
            "encoding_rs no longer decodes the cases as pinned in {path}"
        );
        // The cases reach the decoder's corners: undecodable bytes, the one-byte euro, GBK,
        // four-byte characters up to the last code point.
        let all = decoded.concat();
        for c in ['\u{fffd}', '€', '中', '\u{10000}', '\u{10ffff}'] {
            assert!(all.contains(c), "{c:?} is among the decoded cases");
        }
    }
}
