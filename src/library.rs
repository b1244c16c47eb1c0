//! The kiosk's library: documents an operator bundled at build time (the folder `library/`,
//! written into the build with an index by scripts/library.mjs). Nothing of it is loaded with
//! the page: a kiosk page fetches the index when it starts, and a document when it is touched.
//! The service worker keeps them for offline use (src/sw.js).
//!
//! Served, the index is the file `<meta name="budget-lens:library">` names (index.html). The
//! single-file page carries the index and every document inline, base64 in non-executable
//! `<script type="text/plain">` blocks (`budget-lens-library` and `budget-lens-library-<file>`,
//! scripts/single-file.mjs), since a file:// page may fetch nothing.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;

use crate::decode::{Decoded, Rejection};

/// The index: the library's documents, in the folder's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    /// Every file of the folder, readable or not.
    pub entries: Vec<Entry>,
}

/// One file of the library folder.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entry {
    /// Its name in the folder.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// The department the core read in it.
    pub department: Option<String>,
    /// The year the core read in it.
    pub year: Option<u16>,
    /// Its copy's name in the build, beside the index (a readable document only).
    pub file: Option<String>,
    /// What keeps it out of the library, if anything.
    pub problem: Option<Problem>,
    /// The PDF reader's own words about the problem, in Chinese.
    pub message_zh: Option<String>,
    /// The same in English.
    pub message_en: Option<String>,
}

/// Why a file of the folder cannot be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// No bytes, or nothing but white space.
    Empty,
    /// Not text.
    Binary,
    /// Neither .txt nor .pdf.
    Unsupported,
    /// The PDF reader refused it.
    Unreadable,
    /// Read, but not a budget or final-accounts disclosure.
    NotADisclosure,
}

impl Problem {
    /// Its name in the index and in the page (`data-problem`).
    pub fn slug(self) -> &'static str {
        match self {
            Problem::Empty => "empty",
            Problem::Binary => "binary",
            Problem::Unsupported => "unsupported",
            Problem::Unreadable => "unreadable",
            Problem::NotADisclosure => "not-a-disclosure",
        }
    }
}

/// Why the library itself could not be had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// This build has no library (or the index could not be fetched).
    Missing,
    /// The index is not one this page reads.
    Damaged,
}

thread_local! {
    /// The index once loaded: the kiosk's start screen comes back after every idle reset.
    static INDEX: RefCell<Option<Rc<Library>>> = const { RefCell::new(None) };
}

/// The index's first line: its format and version.
const HEADER: &str = "budget-lens-library\t1";

/// Reads an index (scripts/library.mjs): after [`HEADER`], a line per file of tab-separated
/// fields: name, size, department, year, copy's name, problem, message in Chinese and in
/// English (an empty field: none). Plain lines rather than JSON: serde's derived reader for
/// these types would add kilobytes to every page's first load, for a file only a kiosk reads.
pub fn parse(text: &str) -> Result<Library, Unavailable> {
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some(HEADER) {
        return Err(Unavailable::Damaged);
    }
    let field = |f: Option<&str>| f.filter(|f| !f.is_empty()).map(str::to_owned);
    let mut entries = Vec::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let mut f = line.split('\t');
        let name = field(f.next()).ok_or(Unavailable::Damaged)?;
        let size = f
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or(Unavailable::Damaged)?;
        let department = field(f.next());
        let year = f.next().and_then(|y| y.parse().ok());
        let file = field(f.next());
        let problem = match f.next().unwrap_or("") {
            "" => None,
            slug => Some(
                [
                    Problem::Empty,
                    Problem::Binary,
                    Problem::Unsupported,
                    Problem::Unreadable,
                    Problem::NotADisclosure,
                ]
                .into_iter()
                .find(|p| p.slug() == slug)
                .ok_or(Unavailable::Damaged)?,
            ),
        };
        if problem.is_none() && file.is_none() {
            return Err(Unavailable::Damaged);
        }
        entries.push(Entry {
            name,
            size,
            department,
            year,
            file,
            problem,
            message_zh: field(f.next()),
            message_en: field(f.next()),
        });
    }
    Ok(Library { entries })
}

/// Loads the index and hands it to `done`.
pub fn load(done: impl FnOnce(Result<Rc<Library>, Unavailable>) + 'static) {
    if let Some(index) = INDEX.with(|i| i.borrow().clone()) {
        done(Ok(index));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let text = match crate::served::inline("budget-lens-library") {
            Some(bytes) => String::from_utf8(bytes).ok(),
            None => fetched(&crate::served::meta("library").unwrap_or_default())
                .await
                .and_then(|b| String::from_utf8(b).ok()),
        };
        let index = text
            .ok_or(Unavailable::Missing)
            .and_then(|t| parse(&t))
            .map(Rc::new);
        if let Ok(index) = &index {
            INDEX.with(|i| *i.borrow_mut() = Some(index.clone()));
        }
        done(index);
    });
}

/// Loads one document and reads it as an opened file would be (a PDF by the PDF reader).
pub fn open(entry: &Entry, done: impl FnOnce(Result<Decoded, Rejection>) + 'static) {
    let file = entry.file.clone().unwrap_or_default();
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = match crate::served::inline(&format!("budget-lens-library-{file}")) {
            Some(bytes) => Some(bytes),
            None => {
                let url = crate::served::meta("library").map(|index| match index.rfind('/') {
                    Some(i) => format!("{}{file}", &index[..=i]),
                    None => file.clone(),
                });
                match url {
                    Some(url) => fetched(&url).await,
                    None => None,
                }
            }
        };
        match bytes {
            Some(bytes) => done(crate::pdf::decode_bytes(&bytes[..].into()).await),
            None => done(Err(Rejection::Unreadable)),
        }
    });
}

/// A served file's bytes.
async fn fetched(url: &str) -> Option<Vec<u8>> {
    let response = crate::served::fetch_ok(url).await?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_index_with_broken_entries() {
        let index = "budget-lens-library\t1\n\
            xinjiang.txt\t58833\t库尔勒市朝阳街道办事处\t2024\t0.txt\t\t\t\n\
            empty.txt\t0\t\t\t\tempty\t\t\n\
            scan.pdf\t2048\t\t\t\tunreadable\t扫描件\tA scan\n";
        let lib = parse(index).unwrap();
        assert_eq!(lib.entries.len(), 3);
        let first = &lib.entries[0];
        assert_eq!(first.department.as_deref(), Some("库尔勒市朝阳街道办事处"));
        assert_eq!((first.year, first.size), (Some(2024), 58833));
        assert_eq!(
            (first.file.as_deref(), first.problem),
            (Some("0.txt"), None)
        );
        assert_eq!(lib.entries[1].problem, Some(Problem::Empty));
        assert_eq!(lib.entries[1].file, None);
        assert_eq!(lib.entries[2].problem, Some(Problem::Unreadable));
        assert_eq!(lib.entries[2].message_en.as_deref(), Some("A scan"));
        // An empty library is a library.
        assert_eq!(parse("budget-lens-library\t1\n").unwrap().entries, vec![]);
        // Anything else is damaged: no header, a size that is not one, an unknown problem, an
        // entry that neither opens nor says why.
        for bad in [
            "",
            "<html>",
            "budget-lens-library\t1\nx.txt\tbig\t\t\t0.txt\n",
            "budget-lens-library\t1\nx.txt\t3\t\t\t\tlost\n",
            "budget-lens-library\t1\nx.txt\t3\n",
        ] {
            assert_eq!(parse(bad), Err(Unavailable::Damaged), "{bad}");
        }
    }
}
