//! Text that comes out garbled: said, never passed on as if it were the document's.
//!
//! A glyph whose font gives no Unicode, or gives a private-use or control character, is shown
//! as U+FFFD (the engine layer maps them so). A few such glyphs away from numbers (a bullet
//! drawn from a symbol font) leave the text readable, with a note; many of them, or one inside
//! a number (where it would hide a digit and the number would read as another), make the text
//! unreliable. So does a "Chinese" text that comes out as accented Latin letters (a font whose
//! Unicode map is wrong: mojibake such as "Ô¤ËãÊÕÈë").

use crate::layout::REPLACEMENT;
use crate::{Note, Page, PdfError};

/// Whether a character from the engine is garbage rather than text: the replacement
/// character, private use, or a control character.
pub(crate) fn is_garbage(c: char) -> bool {
    let u = c as u32;
    c == REPLACEMENT
        || (0xe000..=0xf8ff).contains(&u)
        || u >= 0xf0000
        || (c.is_control() && !c.is_whitespace())
}

/// Accented Latin letters, the mark of GBK bytes read as Latin-1.
fn is_latin_extended(c: char) -> bool {
    matches!(c as u32, 0xc0..=0x24f)
}

/// The share of garbled characters above which the text is refused (one in a hundred).
const MOST_GARBLED_PER_100: usize = 1;
/// The share of accented Latin letters above which the text is taken for mojibake.
const MOST_LATIN_PER_100: usize = 10;

/// Counts the pages' garbled characters: an error when the text cannot be trusted, a note when
/// a few stand apart from any number.
pub(crate) fn check(pages: &[Page], notes: &mut Vec<Note>) -> Result<(), PdfError> {
    let (mut total, mut garbled, mut latin) = (0usize, 0usize, 0usize);
    let mut in_number = false;
    let mut sample: Option<String> = None;
    let mut latin_sample: Option<String> = None;
    let mut on_pages = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let mut here = false;
        for line in &page.lines {
            for cell in &line.cells {
                let chars: Vec<char> = cell.text.chars().collect();
                for (j, &c) in chars.iter().enumerate() {
                    if c.is_whitespace() {
                        continue;
                    }
                    total += 1;
                    if is_latin_extended(c) {
                        latin += 1;
                        latin_sample.get_or_insert_with(|| excerpt(&line.text()));
                    }
                    if c != REPLACEMENT {
                        continue;
                    }
                    garbled += 1;
                    here = true;
                    sample.get_or_insert_with(|| excerpt(&line.text()));
                    let numeric = |k: Option<&char>| k.is_some_and(|c| c.is_ascii_digit());
                    if numeric(j.checked_sub(1).and_then(|k| chars.get(k)))
                        || numeric(chars.get(j + 1))
                    {
                        in_number = true;
                        sample = Some(excerpt(&line.text()));
                    }
                }
            }
        }
        if here {
            on_pages.push(i + 1);
        }
    }
    if garbled > 0 && (in_number || garbled * 100 > total * MOST_GARBLED_PER_100) {
        return Err(PdfError::Garbled {
            garbled,
            total,
            sample: sample.unwrap_or_default(),
        });
    }
    if latin * 100 > total * MOST_LATIN_PER_100 {
        return Err(PdfError::Garbled {
            garbled: latin,
            total,
            sample: latin_sample.unwrap_or_default(),
        });
    }
    if garbled > 0 {
        notes.push(Note::Unreadable {
            glyphs: garbled,
            pages: on_pages,
        });
    }
    Ok(())
}

/// At most 40 characters of a line, tabs as spaces.
fn excerpt(s: &str) -> String {
    s.chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .take(40)
        .collect()
}
