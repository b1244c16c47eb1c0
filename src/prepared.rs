//! What the views need from one analysis, prepared once when it arrives (never in a render):
//! the analysis itself, the original lines for the source view, and the recomputed values of
//! the table cells that findings cite.

use std::collections::BTreeMap;
use std::rc::Rc;

use disclosure::check::Severity;
use disclosure::{Analysis, Decimal, LineNo};
use yew::AttrValue;

/// The original text split into lines exactly as the core numbers them
/// ([`disclosure::text::split_lines`]): line `n` is `line(n)`.
#[derive(Debug)]
pub struct SourceText {
    text: AttrValue,
    /// Byte range of each line, in order.
    ranges: Vec<(usize, usize)>,
}

impl SourceText {
    /// Indexes the lines of `text`.
    pub fn new(text: AttrValue) -> Self {
        let base = text.as_ptr() as usize;
        let ranges = disclosure::text::split_lines(&text)
            .map(|l| {
                let start = l.as_ptr() as usize - base;
                (start, start + l.len())
            })
            .collect();
        SourceText { text, ranges }
    }

    /// How many lines there are.
    pub fn count(&self) -> LineNo {
        LineNo::try_from(self.ranges.len()).unwrap_or(LineNo::MAX)
    }

    /// Line `n` (1-based), as written.
    pub fn line(&self, n: LineNo) -> Option<&str> {
        let i = usize::try_from(n).ok()?.checked_sub(1)?;
        let &(a, b) = self.ranges.get(i)?;
        self.text.get(a..b)
    }
}

/// A value the rest of the document implies for a printed cell, from a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recomputed {
    /// The value the other figures give (the finding's `expected`).
    pub expected: Decimal,
    /// The rule that found the difference.
    pub rule: String,
    /// How serious the difference is.
    pub severity: Severity,
}

/// Recomputed values by (line, printed value): a cell printed on a line a finding cites, with
/// the finding's `actual` value, has the finding's `expected` beside it.
pub type RecomputedCells = BTreeMap<(LineNo, Decimal), Recomputed>;

/// Builds the map of recomputed cells from the findings (the most serious finding first).
pub fn recomputed_cells(analysis: &Analysis) -> RecomputedCells {
    let mut out = RecomputedCells::new();
    for f in &analysis.findings {
        let (Some(expected), Some(actual)) = (f.expected, f.actual) else {
            continue;
        };
        if expected == actual {
            continue;
        }
        for &line in &f.lines {
            out.entry((line, actual)).or_insert_with(|| Recomputed {
                expected,
                rule: f.rule.clone(),
                severity: f.severity,
            });
        }
    }
    out
}

/// One analysis with everything the views read, shared by reference.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The text revision it belongs to.
    pub rev: u64,
    /// The core's analysis.
    pub analysis: Rc<Analysis>,
    /// The original lines.
    pub source: Rc<SourceText>,
    /// Recomputed values of cited cells.
    pub recomputed: Rc<RecomputedCells>,
    /// How long the analysis took, in milliseconds (for the status line).
    pub ms: u32,
    /// Whether the text was parsed in the web worker ([`crate::offload`]).
    pub in_worker: bool,
}

impl Prepared {
    /// Prepares an analysis of `text` (revision `rev`).
    pub fn new(rev: u64, text: AttrValue, analysis: Analysis, ms: u32) -> Self {
        Prepared {
            rev,
            recomputed: Rc::new(recomputed_cells(&analysis)),
            analysis: Rc::new(analysis),
            source: Rc::new(SourceText::new(text)),
            ms,
            in_worker: false,
        }
    }

    /// The same, marked as parsed in the web worker.
    pub fn in_worker(self) -> Self {
        Prepared {
            in_worker: true,
            ..self
        }
    }
}

impl PartialEq for Prepared {
    /// The same analysis: cheap, by pointer.
    fn eq(&self, other: &Self) -> bool {
        self.rev == other.rev && Rc::ptr_eq(&self.analysis, &other.analysis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::EXAMPLE;

    #[test]
    fn lines_are_numbered_like_the_core() {
        let s = SourceText::new(AttrValue::from("\u{feff}a\r\n\r\nb\rc\n"));
        assert_eq!(s.count(), 4);
        assert_eq!(s.line(1), Some("a"));
        assert_eq!(s.line(2), Some(""));
        assert_eq!(s.line(3), Some("b"));
        assert_eq!(s.line(4), Some("c"));
        assert_eq!(s.line(0), None);
        assert_eq!(s.line(5), None);
    }

    #[test]
    fn the_example_cites_lines_that_exist() {
        let analysis = disclosure::analyze(EXAMPLE);
        let p = Prepared::new(1, AttrValue::Static(EXAMPLE), analysis, 0);
        let line = p.source.line(329).unwrap();
        assert!(line.starts_with("208 05"), "{line}");
        for f in &p.analysis.findings {
            for &l in &f.lines {
                assert!(p.source.line(l).is_some(), "{} cites line {l}", f.rule);
            }
        }
    }

    #[test]
    fn cited_cells_get_the_expected_value() {
        let analysis = disclosure::analyze(EXAMPLE);
        let cells = recomputed_cells(&analysis);
        let printed: Decimal = "248.91".parse().unwrap();
        let r = cells.get(&(329, printed)).expect("表2 208 05 is cited");
        assert_eq!(r.expected, "248.92".parse::<Decimal>().unwrap());
        assert_eq!(r.rule, "T2.5");
        assert_eq!(r.severity, Severity::Rounding);
    }

    #[test]
    fn equality_is_by_pointer() {
        let a = Prepared::new(1, AttrValue::Static(""), Analysis::default(), 0);
        let b = Prepared::new(1, AttrValue::Static(""), Analysis::default(), 0);
        assert_eq!(a, a.clone());
        assert_ne!(a, b);
    }
}
