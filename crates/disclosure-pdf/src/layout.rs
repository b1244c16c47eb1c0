//! Geometry: a page's glyphs (and the rules of its tables) into lines and cells. Pure
//! arithmetic on positions, no PDF.
//!
//! 1. **Lines.** Glyphs whose baselines agree (within a fraction of their size) are a line,
//!    read left to right. Glyphs drawn twice at the same place (bold made by drawing the text
//!    twice, or filled and then stroked) are kept once.
//! 2. **Runs.** Between two glyphs of a line, the gap decides: none (the same word or number),
//!    a space (words), or a new run (a gap of an em or more, or a table rule between them).
//! 3. **Table cells.** A run enclosed by rules on all four sides is in a table cell. A table
//!    row is every cell under the same rule: its runs make one line, each cell's runs joined in
//!    reading order, so that a label wrapped over two lines, or amounts set higher or lower in
//!    their cells than the label in its own, still read as one row. A cell spanning several
//!    rows goes with the first.
//! 4. Everything else (narrative, titles, headers and footers, tables without rules) stays a
//!    line of its own, its runs as cells.

/// A glyph as the engine draws it, in page space (y down).
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    /// Its text (usually one character); `None` when the font gives no Unicode for it.
    pub text: Option<String>,
    /// Where its baseline starts.
    pub origin: (f64, f64),
    /// The unit vector of its writing direction.
    pub dir: (f64, f64),
    /// The font size on the page.
    pub size: f64,
    /// How far it advances along its direction.
    pub advance: f64,
}

/// A horizontal or vertical line drawn on a page, in page space: from (x0, y0) to (x1, y1)
/// with x0 <= x1 and y0 <= y1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rule {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

/// The text shown for a glyph that has none.
pub const REPLACEMENT: char = '\u{fffd}';

/// One line of a page: its cells, left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The baseline (page space, from the top, in points); for a table row, its first.
    pub y: f64,
    /// The line's cells: runs of text separated by a wide gap or a table rule.
    pub cells: Vec<Cell>,
}

/// A run of text on a line, with where it starts and ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Left edge (points from the page's left).
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Top edge (points from the page's top: the highest of its glyphs' ascents, taken as
    /// their size above the baseline less an eighth).
    pub y0: f64,
    /// Bottom edge (the lowest of its glyphs' descents, an eighth of their size below the
    /// baseline).
    pub y1: f64,
    /// The text; words inside it are separated by single spaces.
    pub text: String,
}

impl Line {
    /// The line as text: cells separated by a tab.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for (i, c) in self.cells.iter().enumerate() {
            if i > 0 {
                s.push('\t');
            }
            s.push_str(&c.text);
        }
        s
    }
}

/// What laying out a page left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Dropped {
    /// Glyphs written in another direction than the page's text (watermarks, rotated labels).
    pub other_direction: usize,
    /// Glyphs drawn twice at the same place.
    pub duplicates: usize,
}

/// Fraction of the font size two baselines may differ by and still be one line.
const SAME_LINE: f64 = 0.4;
/// Fraction of the font size two glyphs drawn at the same place may differ by (fake bold is
/// drawn a fraction of a point apart).
const SAME_PLACE: f64 = 0.2;
/// A gap wider than this fraction of the font size separates words.
const WORD_GAP: f64 = 0.15;
/// Between two Chinese characters, a gap wider than this separates words (justified Chinese
/// text spreads its characters a little).
const CJK_WORD_GAP: f64 = 0.5;
/// A gap wider than this fraction of the font size separates cells.
const CELL_GAP: f64 = 1.0;
/// Points two rules' positions may differ by and still be the same line of a table.
const RULE_SLACK: f64 = 1.0;

/// A glyph placed in the page's writing frame: `x` along the writing direction, `y` the
/// baseline across it (down the page).
#[derive(Debug, Clone)]
struct Placed {
    text: String,
    x: f64,
    y: f64,
    size: f64,
    advance: f64,
}

/// A run of a line: glyphs close together.
#[derive(Debug, Clone)]
struct Run {
    x0: f64,
    x1: f64,
    /// Baseline.
    y: f64,
    size: f64,
    text: String,
}

/// How far above its baseline a glyph reaches, and below it, as shares of its size.
const ASCENT: f64 = 0.875;
const DESCENT: f64 = 0.125;

impl Run {
    fn top(&self) -> f64 {
        self.y - ASCENT * self.size
    }

    fn bottom(&self) -> f64 {
        self.y + DESCENT * self.size
    }
}

/// A run in a table cell: the rules around it, the index of its line, the run.
type InCell = (Enclosure, usize, Run);

/// The rules of a page in its writing frame, split by direction, each sorted by position.
struct Rules {
    /// Horizontal: (y, x0, x1), by y.
    h: Vec<(f64, f64, f64)>,
    /// Vertical: (x, y0, y1), by x.
    v: Vec<(f64, f64, f64)>,
}

/// The rule nearest to `at` on one side (before it: at most `at`; after: at least `at`), among
/// rules sorted by position, that `fits`.
fn nearest(
    rules: &[(f64, f64, f64)],
    at: f64,
    before: bool,
    fits: impl Fn(f64, f64) -> bool,
) -> Option<f64> {
    if before {
        let end = rules.partition_point(|r| r.0 <= at);
        rules[..end]
            .iter()
            .rev()
            .find(|r| fits(r.1, r.2))
            .map(|r| r.0)
    } else {
        let start = rules.partition_point(|r| r.0 < at);
        rules[start..].iter().find(|r| fits(r.1, r.2)).map(|r| r.0)
    }
}

/// The rules around a run: the one above, below and to its left (the one to its right is
/// only required).
#[derive(Debug, Clone, Copy)]
struct Enclosure {
    top: f64,
    bottom: f64,
    left: f64,
}

/// Lays out one page's glyphs, with its rules.
pub(crate) fn lines(glyphs: &[Glyph], rules: &[Rule]) -> (Vec<Line>, Dropped) {
    let mut dropped = Dropped::default();
    let Some(dir) = dominant_direction(glyphs) else {
        return (Vec::new(), dropped);
    };
    let frame = Frame(dir);
    let mut placed: Vec<Placed> = Vec::with_capacity(glyphs.len());
    for g in glyphs {
        if quadrant(g.dir) != Some(dir) {
            dropped.other_direction += 1;
            continue;
        }
        let text = match &g.text {
            Some(t) if t.chars().all(char::is_whitespace) => continue,
            Some(t) => t.clone(),
            None => REPLACEMENT.to_string(),
        };
        let (x, y) = frame.map(g.origin);
        placed.push(Placed {
            text,
            x,
            y,
            size: g.size,
            advance: g.advance,
        });
    }
    let rules = frame.rules(rules);
    placed.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));

    // 1 and 2: lines, and their runs.
    let mut runs_by_line: Vec<Vec<Run>> = Vec::new();
    let mut start = 0;
    while start < placed.len() {
        let first = &placed[start];
        let mut end = start + 1;
        while end < placed.len() {
            let g = &placed[end];
            if g.y - first.y > SAME_LINE * first.size.min(g.size) {
                break;
            }
            end += 1;
        }
        let mut line: Vec<Placed> = placed[start..end].to_vec();
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        dropped.duplicates += dedup(&mut line);
        runs_by_line.push(runs(&line, &rules));
        start = end;
    }

    // 3 and 4: table rows by their rules, the rest line by line. Each run keeps the index of
    // its line, to go back to it.
    let mut rows: Vec<(f64, Vec<InCell>)> = Vec::new();
    let mut free: Vec<Vec<Run>> = vec![Vec::new(); runs_by_line.len()];
    for (i, line_runs) in runs_by_line.into_iter().enumerate() {
        for run in line_runs {
            match enclosure(&run, &rules) {
                Some(e) => match rows
                    .iter_mut()
                    .find(|(top, _)| (top - e.top).abs() <= RULE_SLACK)
                {
                    Some((_, cells)) => cells.push((e, i, run)),
                    None => rows.push((e.top, vec![(e, i, run)])),
                },
                None => free[i].push(run),
            }
        }
    }
    let mut items: Vec<Line> = Vec::new();
    for (top, runs) in rows {
        // A row that no rule divides is a box around text (a framed paragraph, a title bar):
        // its lines stay lines, paragraphs and headings apart. A table row has rules between
        // its columns, whether or not the other cells hold text.
        let bottom = runs
            .iter()
            .map(|(e, _, _)| e.bottom)
            .fold(f64::INFINITY, f64::min);
        if columns_at(&rules, (top + bottom) / 2.0) <= 2 {
            for (_, i, run) in runs {
                free[i].push(run);
            }
            continue;
        }
        items.push(row(runs.into_iter().map(|(e, _, r)| (e, r)).collect()));
    }
    for mut line in free {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        if let Some(first) = line.first() {
            items.push(Line {
                y: first.y,
                cells: line
                    .into_iter()
                    .map(|r| Cell {
                        x0: r.x0,
                        x1: r.x1,
                        y0: r.top(),
                        y1: r.bottom(),
                        text: r.text,
                    })
                    .collect(),
            });
        }
    }
    items.sort_by(|a, b| a.y.total_cmp(&b.y));
    (items, dropped)
}

/// Each line's cells as boxes in page space (x0, y0, x1, y1, y down), for lines that
/// [`lines`] made of the same `glyphs`: a cell's box in the page's writing frame turned back.
pub(crate) fn page_boxes(glyphs: &[Glyph], lines: &[Line]) -> Vec<Vec<[f64; 4]>> {
    let frame = Frame(dominant_direction(glyphs).unwrap_or(AXES[0]));
    lines
        .iter()
        .map(|l| {
            l.cells
                .iter()
                .map(|c| {
                    let (ax, ay) = frame.unmap((c.x0, c.y0));
                    let (bx, by) = frame.unmap((c.x1, c.y1));
                    [ax.min(bx), ay.min(by), ax.max(bx), ay.max(by)]
                })
                .collect()
        })
        .collect()
}

/// The page's writing frame: page space turned so that the text runs along +x.
#[derive(Debug, Clone, Copy)]
struct Frame((f64, f64));

impl Frame {
    fn map(self, (x, y): (f64, f64)) -> (f64, f64) {
        let (dx, dy) = self.0;
        (x * dx + y * dy, -x * dy + y * dx)
    }

    /// From the writing frame back to page space.
    fn unmap(self, (u, v): (f64, f64)) -> (f64, f64) {
        let (dx, dy) = self.0;
        (u * dx - v * dy, u * dy + v * dx)
    }

    fn rules(self, rules: &[Rule]) -> Rules {
        let mut out = Rules {
            h: Vec::new(),
            v: Vec::new(),
        };
        for r in rules {
            let (ax, ay) = self.map((r.x0, r.y0));
            let (bx, by) = self.map((r.x1, r.y1));
            let (x0, x1) = (ax.min(bx), ax.max(bx));
            let (y0, y1) = (ay.min(by), ay.max(by));
            if y1 - y0 <= x1 - x0 {
                out.h.push(((y0 + y1) / 2.0, x0, x1));
            } else {
                out.v.push(((x0 + x1) / 2.0, y0, y1));
            }
        }
        // Sorted by position, for the searches below.
        out.h.sort_by(|a, b| a.0.total_cmp(&b.0));
        out.v.sort_by(|a, b| a.0.total_cmp(&b.0));
        out
    }
}

/// The writing direction most of the page's glyphs share, snapped to an axis.
fn dominant_direction(glyphs: &[Glyph]) -> Option<(f64, f64)> {
    let mut counts = [0usize; 4];
    for g in glyphs {
        if let Some(q) = quadrant(g.dir) {
            counts[AXES.iter().position(|a| *a == q).unwrap_or(0)] += 1;
        }
    }
    let (best, n) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, n)| (*n, usize::MAX - i))?;
    (*n > 0).then_some(AXES[best])
}

const AXES: [(f64, f64); 4] = [(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0)];

/// A direction snapped to the nearest axis, if within about three degrees of it.
fn quadrant((x, y): (f64, f64)) -> Option<(f64, f64)> {
    const COS: f64 = 0.9986;
    AXES.iter().copied().find(|(ax, ay)| ax * x + ay * y >= COS)
}

/// Drops glyphs drawn again at (nearly) the same place with the same text; returns how many.
fn dedup(line: &mut Vec<Placed>) -> usize {
    let before = line.len();
    let mut kept: Vec<Placed> = Vec::with_capacity(line.len());
    for g in line.drain(..) {
        let tol = SAME_PLACE * g.size;
        let twin = kept
            .iter()
            .rev()
            .take(4)
            .any(|k| k.text == g.text && (k.x - g.x).abs() <= tol && (k.y - g.y).abs() <= tol);
        if !twin {
            kept.push(g);
        }
    }
    *line = kept;
    before - line.len()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2e80..=0x2fdf | 0x3000..=0x303f | 0x3040..=0x30ff | 0x3100..=0x312f
        | 0x31c0..=0x31ef | 0x3200..=0x9fff | 0xf900..=0xfaff | 0xfe30..=0xfe4f
        | 0xff00..=0xffef | 0x20000..=0x3ffff)
}

/// Whether a vertical rule stands between `x0` and `x1` at the height of a glyph on baseline
/// `y` of size `size`.
fn rule_between(rules: &Rules, x0: f64, x1: f64, y: f64, size: f64) -> bool {
    let mid = y - 0.35 * size;
    let start = rules.v.partition_point(|r| r.0 <= x0);
    rules.v[start..]
        .iter()
        .take_while(|r| r.0 < x1)
        .any(|&(_, y0, y1)| y0 <= mid && mid <= y1)
}

/// One line's glyphs (sorted left to right) as runs.
fn runs(glyphs: &[Placed], rules: &Rules) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut end = f64::NEG_INFINITY;
    let mut prev: Option<&Placed> = None;
    for g in glyphs {
        let gap = g.x - end;
        let size = prev.map_or(g.size, |p| p.size.max(g.size));
        let cjk_pair = prev.is_some_and(|p| {
            p.text.chars().last().is_some_and(is_cjk) && g.text.chars().next().is_some_and(is_cjk)
        });
        let word_gap = if cjk_pair { CJK_WORD_GAP } else { WORD_GAP };
        let split = gap > CELL_GAP * size
            || (prev.is_some() && rule_between(rules, end.min(g.x) - 0.5, g.x + 0.5, g.y, size));
        match out.last_mut() {
            Some(run) if !split => {
                if gap > word_gap * size {
                    run.text.push(' ');
                }
                run.text.push_str(&g.text);
                run.x1 = run.x1.max(g.x + g.advance);
                run.size = run.size.max(g.size);
            }
            _ => out.push(Run {
                x0: g.x,
                x1: g.x + g.advance,
                y: g.y,
                size: g.size,
                text: g.text.clone(),
            }),
        }
        end = end.max(g.x + g.advance);
        prev = Some(g);
    }
    out
}

/// The rules around a run, if it is inside a table cell: the nearest horizontal rule above
/// and below its middle, and the nearest vertical rule to its left and right at its height.
fn enclosure(run: &Run, rules: &Rules) -> Option<Enclosure> {
    let xm = (run.x0 + run.x1) / 2.0;
    let mid = run.y - 0.35 * run.size;
    let spans_x = |x0: f64, x1: f64| x0 - RULE_SLACK <= xm && xm <= x1 + RULE_SLACK;
    let spans_y = |y0: f64, y1: f64| y0 - RULE_SLACK <= mid && mid <= y1 + RULE_SLACK;
    let top = nearest(&rules.h, run.y - 0.6 * run.size, true, spans_x)?;
    let bottom = nearest(&rules.h, run.y, false, spans_x)?;
    let left = nearest(&rules.v, run.x0 + RULE_SLACK, true, spans_y)?;
    nearest(&rules.v, run.x1 - RULE_SLACK, false, spans_y)?;
    Some(Enclosure { top, bottom, left })
}

/// How many vertical rules (at distinct places) cross the height `y`.
fn columns_at(rules: &Rules, y: f64) -> usize {
    let mut xs: Vec<f64> = rules
        .v
        .iter()
        .filter(|&&(_, y0, y1)| y0 <= y && y <= y1)
        .map(|r| r.0)
        .collect();
    xs.sort_by(f64::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() <= RULE_SLACK);
    xs.len()
}

/// A table row: its runs, each cell's joined in reading order, cells left to right.
fn row(mut runs: Vec<(Enclosure, Run)>) -> Line {
    runs.sort_by(|(a, ra), (b, rb)| {
        a.left
            .total_cmp(&b.left)
            .then(ra.y.total_cmp(&rb.y))
            .then(ra.x0.total_cmp(&rb.x0))
    });
    let y = runs.iter().map(|(_, r)| r.y).fold(f64::INFINITY, f64::min);
    let mut cells: Vec<(f64, f64, Cell)> = Vec::new();
    for (e, r) in runs {
        match cells.last_mut() {
            Some((left, last_y, cell)) if (*left - e.left).abs() <= RULE_SLACK => {
                // On the same line, runs are words apart; a line below continues the cell's
                // text (a wrapped label), with a space only between two letters or digits.
                let same_line = (r.y - *last_y).abs() <= SAME_LINE * r.size;
                let words = cell
                    .text
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
                    && r.text
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphanumeric());
                if same_line || words {
                    cell.text.push(' ');
                }
                *last_y = r.y;
                cell.text.push_str(&r.text);
                cell.x0 = cell.x0.min(r.x0);
                cell.x1 = cell.x1.max(r.x1);
                cell.y0 = cell.y0.min(r.top());
                cell.y1 = cell.y1.max(r.bottom());
            }
            _ => cells.push((
                e.left,
                r.y,
                Cell {
                    x0: r.x0,
                    x1: r.x1,
                    y0: r.top(),
                    y1: r.bottom(),
                    text: r.text,
                },
            )),
        }
    }
    Line {
        y,
        cells: cells.into_iter().map(|(_, _, c)| c).collect(),
    }
}
