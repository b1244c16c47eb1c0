//! Reading inputs: files or standard input, decoded to text (a PDF read by the PDF reader),
//! and analysed on a few threads.

use std::io::Read;
use std::sync::atomic::{AtomicUsize, Ordering};

use disclosure::analyze::compare::Lang;
use encoding_rs::{Encoding, GB18030};

/// How much of one input is read. The core refuses texts over `MAX_INPUT_BYTES` with a
/// `parse/too-large` finding; reading twice that still decodes to more than the limit in any
/// encoding, so the finding is kept, and a huge file never fills memory. A PDF is refused over
/// its own limit: one byte more than that is read, so that it is.
const READ_LIMIT: u64 = {
    let text = 2 * disclosure::parse::MAX_INPUT_BYTES as u64 + 1;
    let pdf = PDF_LIMITS.max_bytes as u64 + 1;
    if text > pdf {
        text
    } else {
        pdf
    }
};

/// The PDF reader's bounds (the page's too).
const PDF_LIMITS: disclosure_pdf::Limits = disclosure_pdf::Limits::DEFAULT;

/// One input as read: its text, and for a PDF, what the PDF reader noted.
pub struct Source {
    /// The text the checker reads (for a PDF, the text the PDF reader rebuilt: the findings'
    /// line numbers are its lines, which `disclosure text` prints).
    pub text: String,
    /// Set when the input was a PDF.
    pub pdf: Option<PdfSource>,
}

/// What reading a PDF gave besides its text.
pub struct PdfSource {
    /// How many pages it has.
    pub pages: usize,
    /// What the reader noted (scanned pages, a few unreadable characters).
    pub notes: Vec<disclosure_pdf::Note>,
}

/// Reads a file, or standard input for `-`: a PDF (by its first bytes, or a name ending in
/// .pdf) through the PDF reader, anything else decoded as text. An error is said in `lang`.
pub fn read(path: &str, lang: Lang) -> Result<Source, String> {
    let mut bytes = Vec::new();
    let res = if path == "-" {
        std::io::stdin()
            .lock()
            .take(READ_LIMIT)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(READ_LIMIT).read_to_end(&mut bytes))
    };
    if let Err(e) = res {
        return Err(reason(&e));
    }
    if !is_pdf(path, &bytes) {
        return Ok(Source {
            text: decode(bytes),
            pdf: None,
        });
    }
    match disclosure_pdf::extract_with(&bytes, &PDF_LIMITS) {
        Ok(x) => Ok(Source {
            text: x.text,
            pdf: Some(PdfSource {
                pages: x.pages.len(),
                notes: x.notes,
            }),
        }),
        Err(e) => Err(match lang {
            Lang::Zh => e.message_zh(),
            Lang::En => e.message_en(),
        }),
    }
}

/// Whether an input is a PDF: it begins like one (`%PDF-` in its first kilobyte, as PDF
/// readers allow), or its name says so (then, if it is not one, the PDF reader says that).
fn is_pdf(path: &str, bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
        || std::path::Path::new(path)
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("pdf"))
}

/// An I/O error without the "(os error 2)" tail.
fn reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// Bytes to text: a byte-order mark decides (UTF-8, UTF-16) and is dropped; otherwise valid
/// UTF-8 is taken as it is, and anything else is read as GB18030 (which covers GBK and GB2312,
/// the encodings of Chinese Windows).
pub fn decode(bytes: Vec<u8>) -> String {
    if let Some((enc, bom)) = Encoding::for_bom(&bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => GB18030
            .decode_without_bom_handling(e.as_bytes())
            .0
            .into_owned(),
    }
}

/// How many worker threads to use for `n` items: one per core (at most 8), or
/// `DISCLOSURE_THREADS` when set (for measuring).
fn workers(n: usize) -> usize {
    let cores = std::env::var("DISCLOSURE_THREADS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |c| c.get()));
    cores.clamp(1, 8).min(n.max(1))
}

/// Maps `f` over `items` on a few threads, keeping the order. Items are handed out one at a
/// time, so a slow document does not hold up a whole share of the others.
pub fn par_map<I: Sync, T: Send>(items: &[I], f: impl Fn(&I) -> T + Sync) -> Vec<T> {
    let n = workers(items.len());
    if n <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, T)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..n)
            .map(|_| {
                s.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        out.push((i, f(item)));
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, t)| t).collect()
}

/// The outcome of reading and analysing one input.
pub enum Outcome<T> {
    /// Read and analysed.
    Done(T),
    /// Could not be read: the reason.
    Unreadable(String),
    /// The analysis panicked (a bug in the core): the panic message.
    Crashed(String),
}

/// Reads and analyses every path on a few threads; `view` reduces each analysis (with its
/// source, for what a PDF's reader noted) to what the command prints, so that analyses are not
/// all held at once. Errors are said in `lang`.
pub fn analyse_all<T: Send>(
    paths: &[String],
    lang: Lang,
    view: impl Fn(&str, &disclosure::Analysis, &Source) -> T + Sync,
) -> Vec<Outcome<T>> {
    par_map(paths, |path| match read(path, lang) {
        Err(e) => Outcome::Unreadable(e),
        Ok(source) => {
            let run = std::panic::AssertUnwindSafe(|| {
                view(path, &disclosure::analyze(&source.text), &source)
            });
            match std::panic::catch_unwind(run) {
                Ok(t) => Outcome::Done(t),
                Err(p) => Outcome::Crashed(
                    p.downcast_ref::<&str>()
                        .map(|s| (*s).to_owned())
                        .or_else(|| p.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "panic".to_owned()),
                ),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_boms_and_gbk() {
        assert_eq!(decode("预算".as_bytes().to_vec()), "预算");
        assert_eq!(decode(b"\xEF\xBB\xBF\xE9\xA2\x84".to_vec()), "预");
        let (gbk, _, _) = GB18030.encode("部门预算 2,300.52 万元");
        assert_eq!(decode(gbk.into_owned()), "部门预算 2,300.52 万元");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("表1".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(utf16), "表1");
        assert_eq!(decode(Vec::new()), "");
        // Junk never fails.
        let junk: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        assert!(!decode(junk).is_empty());
    }

    #[test]
    fn par_map_keeps_order() {
        let items: Vec<usize> = (0..1000).collect();
        assert_eq!(
            par_map(&items, |i| i * 2),
            items.iter().map(|i| i * 2).collect::<Vec<_>>()
        );
        assert!(par_map(&Vec::<u8>::new(), |_| 0).is_empty());
    }
}
