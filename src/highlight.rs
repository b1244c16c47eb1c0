//! Finding the cited numbers inside an original line, so the source view can mark them.
//!
//! The line is the text as the user gave it, so numbers may carry thousands separators and
//! full-width digits ("２，３００．５２"); they are compared through an ASCII view of the line
//! that keeps every character's place, and a match counts only as a whole number (not the
//! "300.52" inside "2,300.52", nor the "1.7" inside "1.77").

use disclosure::Decimal;

use crate::format::printed_forms;

/// A run of a line: marked (a cited number) or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    /// The text, a slice of the original line.
    pub text: &'a str,
    /// Whether it is one of the cited numbers.
    pub hit: bool,
}

/// The printed forms of every value, longest first, without duplicates.
pub fn needles(values: &[Decimal]) -> Vec<String> {
    let mut out: Vec<String> = values.iter().flat_map(|&v| printed_forms(v)).collect();
    disclosure::sort::sort_by(&mut out, |a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    out.dedup();
    out
}

/// A character's ASCII stand-in for matching numbers: full-width digits and number
/// punctuation become their ASCII forms; everything else is itself.
fn ascii(c: char) -> char {
    match c {
        '\u{ff10}'..='\u{ff19}' => char::from(b'0' + (u32::from(c) - 0xff10) as u8),
        '\u{ff0e}' => '.',
        '\u{ff0c}' => ',',
        '\u{ff0d}' => '-',
        c => c,
    }
}

/// Splits `line` into pieces, marking every whole occurrence of a needle.
pub fn pieces<'a>(line: &'a str, needles: &[String]) -> Vec<Piece<'a>> {
    // (byte offset, ASCII stand-in) for every character, and the end of the line.
    let chars: Vec<(usize, char)> = line.char_indices().map(|(i, c)| (i, ascii(c))).collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let digit = |i: usize| at(i).is_some_and(|c| c.is_ascii_digit());
    let offset = |i: usize| chars.get(i).map_or(line.len(), |&(o, _)| o);

    let mut hits: Vec<(usize, usize)> = Vec::new(); // char ranges
    let mut i = 0;
    while i < chars.len() {
        let found = needles.iter().find_map(|n| {
            let len = n.chars().count();
            if len == 0 || i + len > chars.len() {
                return None;
            }
            let same = n.chars().enumerate().all(|(k, c)| at(i + k) == Some(c));
            if !same {
                return None;
            }
            let end = i + len;
            // Not the tail of a longer number: no digit, point or separated group before.
            let before_ok = i == 0
                || !(digit(i - 1)
                    || at(i - 1) == Some('.')
                    || (at(i - 1) == Some(',') && i >= 2 && digit(i - 2))
                    || (at(i - 1) == Some('-') && !n.starts_with('-') && i >= 2 && digit(i - 2)));
            // Not the head of a longer number: no digit, nor a point or separator with digits after.
            let after_ok =
                !(digit(end) || (matches!(at(end), Some('.') | Some(',')) && digit(end + 1)));
            (before_ok && after_ok).then_some(len)
        });
        match found {
            Some(len) => {
                hits.push((i, i + len));
                i += len;
            }
            None => i += 1,
        }
    }

    let mut out = Vec::with_capacity(hits.len() * 2 + 1);
    let mut pos = 0;
    for (from, to) in hits {
        let (a, b) = (offset(from), offset(to));
        if a > pos {
            out.push(Piece {
                text: &line[pos..a],
                hit: false,
            });
        }
        out.push(Piece {
            text: &line[a..b],
            hit: true,
        });
        pos = b;
    }
    if pos < line.len() || out.is_empty() {
        out.push(Piece {
            text: &line[pos..],
            hit: false,
        });
    }
    out
}

/// A character's width in halves of an em: two for a wide (CJK or full-width) character, one
/// for any other (digits and Latin letters are about half an em in these documents).
fn halves(c: char) -> usize {
    if (c as u32) >= 0x2e80 {
        2
    } else {
        1
    }
}

/// A place to mark on a PDF page's picture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageMark {
    /// x0, y0, x1, y1 in the picture's coordinates.
    pub rect: [f64; 4],
    /// A cited number (else a cell of a cited line without one).
    pub number: bool,
}

/// Where to mark the cited numbers on a PDF page's picture. `lines` are the page's cited
/// lines, each as its index on the page and its text (cells separated by tabs, as the PDF
/// reader writes them); `boxes` where each cell of the page's lines stands. A cited number's
/// box is its share of its cell's box, by the widths of the characters before, in and after
/// it. A cited line with no cited number in it is marked whole, cell by cell.
pub fn page_marks(
    boxes: &[crate::pdf::CellBox],
    lines: &[(usize, &str)],
    needles: &[String],
) -> Vec<PageMark> {
    let mut out = Vec::new();
    for &(index, text) in lines {
        let cells: Vec<&str> = text.split('\t').collect();
        let mut found = false;
        let on_line = boxes.iter().filter(|b| b.line == index);
        for b in on_line.clone() {
            let Some(cell) = cells.get(b.cell) else {
                continue;
            };
            let total: usize = cell.chars().map(halves).sum();
            let [x0, y0, x1, y1] = b.rect;
            let mut before = 0;
            for p in pieces(cell, needles) {
                let w: usize = p.text.chars().map(halves).sum();
                if p.hit && total > 0 {
                    let at = |n: usize| x0 + (x1 - x0) * n as f64 / total as f64;
                    out.push(PageMark {
                        rect: [at(before), y0, at(before + w), y1],
                        number: true,
                    });
                    found = true;
                }
                before += w;
            }
        }
        if !found {
            out.extend(on_line.map(|b| PageMark {
                rect: b.rect,
                number: false,
            }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::CellBox;
    use std::str::FromStr;

    #[test]
    fn a_cited_number_is_marked_where_it_stands_in_its_cell() {
        // A table row of two cells, and a sentence: "支出 12.5 万元" is 4 + 1 + 4 + 1 + 4 = 14
        // half-ems (a Chinese character two), the number from 5 to 9 of them: 140 points wide,
        // the number from 50 to 90 points after its start.
        let cell = |line, cell, rect| CellBox { line, cell, rect };
        let boxes = [
            cell(0, 0, [10.0, 100.0, 50.0, 112.0]),
            cell(0, 1, [200.0, 100.0, 240.0, 112.0]),
            cell(1, 0, [10.0, 120.0, 150.0, 132.0]),
            cell(2, 0, [10.0, 140.0, 60.0, 152.0]),
        ];
        let lines = [(0, "合计\t12.50"), (1, "支出 12.5 万元"), (2, "说明")];
        let marks = page_marks(&boxes, &lines, &needles(&[d("12.50")]));
        let mark = |rect, number| PageMark { rect, number };
        assert_eq!(
            marks,
            [
                mark([200.0, 100.0, 240.0, 112.0], true),
                mark([60.0, 120.0, 100.0, 132.0], true),
                mark([10.0, 140.0, 60.0, 152.0], false),
            ]
        );
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// The line with hits in brackets.
    fn marked(line: &str, values: &[&str]) -> String {
        let values: Vec<Decimal> = values.iter().map(|v| d(v)).collect();
        pieces(line, &needles(&values))
            .into_iter()
            .map(|p| {
                if p.hit {
                    format!("[{}]", p.text)
                } else {
                    p.text.to_owned()
                }
            })
            .collect()
    }

    #[test]
    fn marks_every_whole_occurrence() {
        assert_eq!(
            marked(
                "208 05 行政事业单位养老支出 248.91 248.91 248.91",
                &["248.92", "248.91"]
            ),
            "208 05 行政事业单位养老支出 [248.91] [248.91] [248.91]"
        );
    }

    #[test]
    fn with_and_without_thousands_separators() {
        assert_eq!(
            marked("收入总计 2,300.52 支出总计 2300.52", &["2300.52"]),
            "收入总计 [2,300.52] 支出总计 [2300.52]"
        );
    }

    #[test]
    fn only_whole_numbers() {
        assert_eq!(
            marked("12,300.52 300.521 1.77", &["300.52", "1.7"]),
            "12,300.52 300.521 1.77"
        );
        assert_eq!(marked("a2300.52b", &["2300.52"]), "a[2300.52]b");
        assert_eq!(marked("合计 1.77。", &["1.77"]), "合计 [1.77]。");
        assert_eq!(marked("1.77、2.00", &["2.00"]), "1.77、[2.00]");
    }

    #[test]
    fn full_width_digits_keep_their_original_form() {
        assert_eq!(
            marked("总计 ２，３００．５２ 万元", &["2300.52"]),
            "总计 [２，３００．５２] 万元"
        );
    }

    #[test]
    fn signs_and_trailing_zeros() {
        assert_eq!(
            marked("比上年减少 204.10 万元", &["-204.10"]),
            "比上年减少 [204.10] 万元"
        );
        assert_eq!(marked("运行费 9.6 万元", &["9.60"]), "运行费 [9.6] 万元");
    }

    #[test]
    fn no_needles_or_no_hits_give_the_line_whole() {
        assert_eq!(
            pieces("abc", &[]),
            [Piece {
                text: "abc",
                hit: false
            }]
        );
        assert_eq!(
            pieces("", &needles(&[d("1")])),
            [Piece {
                text: "",
                hit: false
            }]
        );
        assert_eq!(marked("一二三 ４５", &["45"]), "一二三 [４５]");
    }
}
