//! Coded tables a copy prints one cell per line (pdftotext in reading order).
//!
//! Such a copy gives every cell of a table a line of its own, and not always in row order:
//! the names with their amounts mostly stay in row order, but a code's parts may come before or
//! after them ("统计信息事务 / 627600 / 627600 / 201 / 05 / 201 / 05 / 06 / 统计管理 …"), the 项
//! parts of several rows may be printed together further on ("201 / 29 / 201 / 29 / … / 02 /
//! 02"), a parent's name may come after its children's, the column headers of a page may land
//! between the rows. Read line by line, such a body is noise.
//!
//! Read as three streams it is not: the codes in printed order, the amounts in printed order,
//! the names in printed order. The reader pairs them, and keeps the result only when the
//! pairing is forced and confirmed:
//!
//! - **Codes.** The parts are read greedily (a 3-digit 类 starts a code, 2-digit parts follow);
//!   a 款 printed again is a 项 whose last part was printed further on, and parts printed on
//!   their own complete those rows in order. Every reading of an ambiguous run is kept; each
//!   must give codes in ascending order, each 项 under a 款 printed before it and each 款
//!   under its 类.
//! - **Amounts.** The amounts are cut into one group per row (the 合计 row first, last or
//!   absent) so that every group fits the table's columns with its identities holding (合计 =
//!   基本支出 + 项目支出 …, an empty cell counting 0), every parent's first amount is the sum of
//!   its children's and the 合计 the sum of the 类.
//! - **Names.** A name printed right before a group's amounts is that row's (an *anchor*); the
//!   names otherwise follow the rows in order, except a name printed out of place. Two readings
//!   are weighed: all names in order, and the anchors with the names between them in order
//!   (a name left over then goes to the row left over). Each costs the anchors it breaks or the
//!   names it moves; the cheaper wins; where they tie and differ, the rows stay open and take
//!   the name the document gives their code in another table read this way, if that name is
//!   one of theirs. A 类 row must bear its class's name where the copy prints it, and a code
//!   ending in 99 a name beginning with 其他 (the classifications name every 99 so).
//!
//! A copy may also print a small table column by column (pdftotext does when the rows stand close:
//! the 类 column, the 款 and 项 columns, the names, then each column of amounts holding the rows
//! that print one). The code columns are read back into codes (within one 类 the first row is
//! the 类's, among rows of one 款 the first is the 款's), the names follow the rows in order, the
//! 合计 column holds one amount per row, and the amounts of the other columns go to the rows
//! whose 合计 they complete, in order; again exactly one placement must hold.
//!
//! A copy may print a table in blocks (pdftotext when a table's columns flow apart): each row's
//! 合计 right after its name, but the other columns of a run of rows printed together before or
//! after them. Where no reading in row order holds, the rows are named in printed order, each
//! row's 合计 is the first amount after its name (these must add up), and the amounts left are
//! cut into runs that complete one row's 合计 each and placed in the columns so that every column
//! adds up (parent = Σ children, 合计 = Σ 类); the table is read only when every assignment and
//! placement that holds gives the same cells ([`by_anchored_totals`]). Across a page break the
//! copy may also print a row's name apart from its amounts (the first row of a page among the
//! repeated header, a parent's amounts before its name) and a row's other columns in two pieces:
//! then the rows' 合计 are found by their sums alone (one amount per row, in row order, every
//! parent the sum of its children), every choice tried, and the rows named out of order are
//! left open for another table of the document to name ([`by_sums`]).
//!
//! The tables read by label (the two-sided 收支总表, the Shanghai “三公” row) are rewritten as the
//! lines a copy that keeps its rows would print ([`rewrite_two_sided_traced`], [`rewrite_numbers`]) for
//! their own readers, and the rows read from them are pointed back at the lines printed. A
//! two-sided table printed in blocks (a row's 人员经费/公用经费/项目支出 printed apart from its
//! 合计, the 总计's last cells after the 收入总计) is rewritten only where one assignment of its
//! amounts to its labels holds: each amount after its row's label, a row's amounts in column
//! order and a column's in row order, every row's identities, the 类 adding up to the 支出
//! total in every column and the two 总计 equal ([`by_print_order`]); two that differ, none, or
//! a search past its bound leave the table to the line readers.
//!
//! Exactly one reading must pass everything, and every row must end with a name; else the table
//! is left to the line readers (whose rows the reliability gate then sets aside with one note:
//! a table read wrongly is much worse than a table not read).

use std::cell::Cell;
use std::collections::HashMap;

use rust_decimal::Decimal;

use super::schema;
use crate::model::{econ_class_name, Code, RowKind, Unit};
use crate::text::{Line, LineNo};

/// The fewest body lines a table must have to be read as one cell per line.
const MIN_LINES: usize = 12;
/// The most tokens read from one table; a longer body is not read this way.
const MAX_TOKENS: usize = 12_000;
/// The most amounts and rows cut into groups (the cutting keeps a table of rows × amounts).
const MAX_AMOUNTS: usize = 4_000;
const MAX_ROWS: usize = 800;
/// The most readings of a table's codes kept open at once.
const MAX_CODE_STATES: usize = 8;
/// The most cuttings of the amounts weighed for one reading of the codes.
const MAX_CUTS: usize = 16;
/// The most steps spent cutting the amounts into rows (rows × amounts × columns).
const MAX_CUT_WORK: usize = 6_000_000;
/// The most rows tried when placing the amounts of a table printed column by column.
const MAX_COLUMN_WORK: usize = 100_000;
/// The most placements of amounts in columns tried for one table.
const MAX_PLACEMENTS: usize = 2_000_000;
/// The most runs of code parts read from one table.
const MAX_SEGMENTS: usize = 1_000;
/// The most columns a group is placed in (placements are enumerated).
const MAX_COLS: usize = 14;
/// The most rows of an open group whose orders are tried.
const MAX_OPEN: usize = 6;
/// A name wrapped by the copy: its first line is at least this long (in characters) and the
/// rest at most [`WRAP_REST`] ([`Wrap::Short`]), or no longer than the line it continues
/// ([`Wrap::Filled`], tried when the first reading finds nothing).
const WRAP_FIRST: usize = 12;
const WRAP_REST: usize = 4;

/// Which lines of names are read as one wrapped name (a line continues the one above it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wrap {
    /// The line above is at least [`WRAP_FIRST`] characters, this one at most [`WRAP_REST`].
    Short,
    /// The line above is at least [`WRAP_FIRST`] characters (it filled the name's column), this
    /// one no longer than it (a wrapped cell's last line holds what the full ones left over).
    Filled,
}

/// What one table needs to be read: its body lines (after the title, 编制部门 and 单位 lines),
/// its columns with their identities, and its unit (for the rounding of 万元 sums).
pub struct Input<'a> {
    pub body: &'a [Line],
    /// The lines of the table's header before its body (after its title): a copy repeats their
    /// words between the rows after a page break, a word a line when it prints one cell per line.
    pub header: &'a [Line],
    pub ncols: usize,
    /// `(total column, part columns)` for every identity of the table's columns.
    pub identities: Vec<(usize, Vec<usize>)>,
    /// The titles of the table's columns (header words a copy prints between rows).
    pub titles: Vec<String>,
    pub unit: Unit,
}

/// One row rebuilt from its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellRow {
    pub kind: RowKind,
    pub code: Option<Code>,
    /// The row's name (合计 for the total).
    pub name: String,
    /// The lines the code, name and amounts came from, ascending.
    pub lines: Vec<LineNo>,
    /// The amounts in printed order (`None` for a printed dash), each with its line.
    pub amounts: Vec<(Option<Decimal>, LineNo)>,
}

/// A table rebuilt, with the rows whose names are still open.
#[derive(Debug, Clone)]
struct Rebuilt {
    rows: Vec<Draft>,
    open: Vec<Open>,
    /// The codes of rows named only by the order their names were printed in ([`by_sums`]):
    /// the table is kept only where another table of the document gives each of these codes
    /// the same name, and none another ([`rebuild_all_traced`]).
    by_order: Vec<String>,
}

#[derive(Debug, Clone)]
struct Draft {
    kind: RowKind,
    code: Option<Code>,
    name: Option<Name>,
    code_lines: Vec<LineNo>,
    amounts: Vec<(Option<Decimal>, LineNo)>,
}

impl Draft {
    /// A row begun from a code as read: its kind from the code, no name or amount yet.
    fn of_code(c: &CodeRead) -> Self {
        let code = Code(c.code.clone());
        Draft {
            kind: code.row_kind(),
            code: Some(code),
            name: None,
            code_lines: c.lines.clone(),
            amounts: Vec::new(),
        }
    }
}

/// Rows that take the names in some order not yet known.
#[derive(Debug, Clone)]
struct Open {
    rows: Vec<usize>,
    names: Vec<Name>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Name {
    text: String,
    lines: Vec<LineNo>,
    /// Its place in the token stream.
    at: usize,
}

/// The rows of [`rebuild_all_traced`] alone.
#[cfg(test)]
fn rebuild_all(inputs: &[Option<Input>]) -> Vec<Option<Vec<CellRow>>> {
    rebuild_all_traced(inputs).0
}

/// Reads every table of `inputs` (`None` for a table not read by codes) and returns the rows of
/// those that read as one cell per line, in the same order. A row left open in one table takes
/// the name another table gives its code.
///
/// With the rows, for each table whether its amounts were left unplaced: the table is
/// printed one cell per line and its codes were read, but no placement of its amounts in its
/// rows was found with every sum holding (or none alone). A copy's order, or a figure of the
/// document that does not add up: the reader cannot tell which.
pub fn rebuild_all_traced(inputs: &[Option<Input>]) -> (Vec<Option<Vec<CellRow>>>, Vec<bool>) {
    let mut unplaced = vec![false; inputs.len()];
    let mut rebuilt: Vec<Option<Rebuilt>> = inputs
        .iter()
        .zip(unplaced.iter_mut())
        .map(|(i, u)| {
            let mut tried = false;
            let r = i.as_ref().and_then(|i| rebuild(i, &mut tried));
            *u = tried && r.is_none();
            r
        })
        .collect();
    // The names the tables read this way give their codes, where they agree.
    let mut known: HashMap<String, Option<String>> = HashMap::new();
    for r in rebuilt.iter().flatten() {
        for d in &r.rows {
            if let (Some(code), Some(name)) = (&d.code, &d.name) {
                let slot = known
                    .entry(code.0.clone())
                    .or_insert(Some(name.text.clone()));
                if slot.as_deref() != Some(name.text.as_str()) {
                    *slot = None;
                }
            }
        }
    }
    // A table whose rows were named by the order their names were printed in is kept only
    // where every such row's name is the one another table gives its code (and no table gives
    // another): a copy that prints a page's names out of order would otherwise swap two
    // rows' names, and a check by name would report the swap as the document's.
    let named: Vec<HashMap<String, String>> = rebuilt
        .iter()
        .map(|r| {
            r.iter()
                .flat_map(|r| &r.rows)
                .filter_map(|d| Some((d.code.as_ref()?.0.clone(), d.name.as_ref()?.text.clone())))
                .collect()
        })
        .collect();
    let confirmed: Vec<bool> = rebuilt
        .iter()
        .enumerate()
        .map(|(t, r)| {
            let Some(r) = r else { return true };
            r.by_order.iter().all(|code| {
                let mine = named[t].get(code);
                let others: Vec<&String> = named
                    .iter()
                    .enumerate()
                    .filter(|&(u, _)| u != t)
                    .filter_map(|(_, m)| m.get(code))
                    .collect();
                !others.is_empty() && others.iter().all(|&o| Some(o) == mine)
            })
        })
        .collect();
    for (r, ok) in rebuilt.iter_mut().zip(confirmed) {
        let settled = ok && r.as_mut().is_some_and(|r| settle(r, &known));
        if !settled {
            *r = None;
        }
    }
    let rows = rebuilt
        .into_iter()
        .map(|r| r.map(|r| r.rows.into_iter().map(finish).collect()))
        .collect();
    (rows, unplaced)
}

fn finish(d: Draft) -> CellRow {
    let mut lines: Vec<LineNo> = d.code_lines.clone();
    let name = match d.name {
        Some(n) => {
            lines.extend(&n.lines);
            n.text
        }
        None => String::new(),
    };
    lines.extend(d.amounts.iter().map(|(_, l)| *l));
    lines.sort_unstable();
    lines.dedup();
    CellRow {
        kind: d.kind,
        code: d.code,
        name,
        lines,
        amounts: d.amounts,
    }
}

/// Gives the open rows their names from the other tables; false when some stay open.
fn settle(r: &mut Rebuilt, known: &HashMap<String, Option<String>>) -> bool {
    for open in std::mem::take(&mut r.open) {
        let external = |row: usize| {
            r.rows
                .get(row)
                .and_then(|d| d.code.as_ref())
                .and_then(|c| known.get(&c.0))
                .and_then(Clone::clone)
        };
        let wanted: Vec<Option<String>> = open.rows.iter().map(|&i| external(i)).collect();
        let orders = orders_of(&r.rows, &open, |k, name| {
            wanted[k].as_deref().is_none_or(|w| w == name.text)
        });
        let [order] = orders.as_slice() else {
            return false;
        };
        for (k, &row) in open.rows.iter().enumerate() {
            let Some(d) = r.rows.get_mut(row) else {
                return false;
            };
            d.name = open.names.get(order[k]).cloned();
        }
    }
    r.rows
        .iter()
        .all(|d| d.kind == RowKind::Total || d.name.is_some())
}

/// The orders in which an open group's rows can take its names (row `k` takes name
/// `order[k]`): every name fits its row and `also` holds.
fn orders_of(rows: &[Draft], open: &Open, also: impl Fn(usize, &Name) -> bool) -> Vec<Vec<usize>> {
    let n = open.rows.len();
    if n != open.names.len() || n > MAX_OPEN {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut order: Vec<usize> = Vec::with_capacity(n);
    let mut used = vec![false; n];
    fn go(
        k: usize,
        rows: &[Draft],
        open: &Open,
        also: &dyn Fn(usize, &Name) -> bool,
        order: &mut Vec<usize>,
        used: &mut [bool],
        out: &mut Vec<Vec<usize>>,
    ) {
        if out.len() > 1 {
            return;
        }
        if k == open.rows.len() {
            out.push(order.clone());
            return;
        }
        for j in 0..open.names.len() {
            let name = &open.names[j];
            let fits = rows
                .get(open.rows[k])
                .is_some_and(|d| fits_name(d.code.as_ref(), &name.text));
            if used[j] || !fits || !also(k, name) {
                continue;
            }
            used[j] = true;
            order.push(j);
            go(k + 1, rows, open, also, order, used, out);
            order.pop();
            used[j] = false;
        }
    }
    go(0, rows, open, &also, &mut order, &mut used, &mut out);
    out
}

// ---------------------------------------------------------------------------------------------
// Tokens.

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// A code part: three digits (a 类) or two (a 款 or 项).
    Part(String),
    /// An amount; `None` for a printed dash.
    Amount(Option<Decimal>),
    /// 合计 / 总计.
    TotalLabel,
    Name(String),
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    lines: Vec<LineNo>,
}

/// Whether a body is printed one cell per line: most of its lines are one number or one short
/// word.
fn one_cell_per_line(body: &[Line]) -> bool {
    if body.len() < MIN_LINES {
        return false;
    }
    let lone_numbers = body
        .iter()
        .filter(|l| !l.text.contains(' ') && super::numbers::decimal(&l.text).is_some())
        .count();
    let single = body.iter().filter(|l| !l.text.contains(' ')).count();
    lone_numbers * 5 >= body.len() * 2 && single * 5 >= body.len() * 4
}

/// A sentence rather than a cell (an empty table's note).
fn sentence(t: &str) -> bool {
    t.contains('，') || t.contains('。') || t.contains("没有") || t.contains("空表")
}

fn number_tok(t: &str) -> Option<Tok> {
    if matches!(t, "-" | "—" | "–" | "－") {
        return Some(Tok::Amount(None));
    }
    let d = super::numbers::decimal(t)?;
    let digits = t.bytes().all(|b| b.is_ascii_digit());
    let class_like = t.len() == 3 && matches!(t.as_bytes()[0], b'1'..=b'3');
    Some(if digits && (class_like || t.len() == 2) {
        Tok::Part(t.to_owned())
    } else {
        Tok::Amount(Some(d))
    })
}

fn tokens(body: &[Line]) -> Option<Vec<Token>> {
    let mut out: Vec<Token> = Vec::new();
    for line in body {
        if sentence(&line.text) {
            continue;
        }
        let mut text = String::new();
        let flush = |text: &mut String, out: &mut Vec<Token>| {
            if !text.is_empty() {
                out.push(Token {
                    tok: Tok::Name(std::mem::take(text)),
                    lines: vec![line.no],
                });
            }
        };
        for w in line.text.split(' ').filter(|w| !w.is_empty()) {
            match number_tok(w) {
                Some(tok) => {
                    flush(&mut text, &mut out);
                    out.push(Token {
                        tok,
                        lines: vec![line.no],
                    });
                }
                None => {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(w);
                }
            }
        }
        flush(&mut text, &mut out);
        if out.len() > MAX_TOKENS {
            return None;
        }
    }
    Some(out)
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// The name a class code's row bears in the classifications.
fn class_name(code: &str) -> Option<&'static str> {
    if let Some((_, n)) = schema::FUNCTION_CLASSES.iter().find(|(c, _)| *c == code) {
        return Some(n);
    }
    let n: u16 = code.parse().ok()?;
    schema::ECON_CLASSES
        .contains(&n)
        .then(|| econ_class_name(n))
}

/// Whether `name` can be the name of the row with `code`: a 类 row bears its class's name (when
/// the classifications know it), a code ending in 99 a name beginning with 其他.
fn fits_name(code: Option<&Code>, name: &str) -> bool {
    let Some(code) = code else { return true };
    if code.0.len() > 3 && code.0.ends_with("99") && !name.starts_with("其他") {
        return false;
    }
    match (code.0.len(), class_name(&code.0)) {
        (3, Some(known)) => known == name,
        _ => true,
    }
}

/// Words of a column header: a copy prints them between the rows after a page break, or
/// scatters them through the body.
fn header_word(t: &str, titles: &[String], seen: &[String]) -> bool {
    const WORDS: [&str; 13] = [
        "项目",
        "科目",
        "类",
        "款",
        "项",
        "编码",
        "科目编码",
        "科目名称",
        "金额",
        "类款项",
        "类款",
        "款项",
        "小计",
    ];
    let c = t;
    WORDS.contains(&c)
        || c.contains("科目编码")
        || c.contains("科目名称")
        || c.contains("分类科目")
        || c.ends_with("功能分类")
        || c.ends_with("经济分类")
        || ["预算支出", "基本支出", "预算", "决算", "预算数", "决算数"]
            .iter()
            .any(|w| c.ends_with(w))
        || titles.iter().any(|title| {
            title == c || (chars(c) >= 2 && (title.starts_with(c) || title.ends_with(c)))
        })
        || seen.iter().any(|s| s == c)
}

/// The label of a table's total row as printed on `lines` (总计 in the Xinjiang template, 合计
/// in others); 合计 when none is.
fn total_label(input: &Input, lines: &[LineNo]) -> String {
    let printed = input
        .body
        .iter()
        .filter(|l| lines.contains(&l.no))
        .find_map(|l| l.text.split(' ').find(|w| matches!(*w, "合计" | "总计")));
    printed.unwrap_or("合计").to_owned()
}

/// The tokens without what a page's header repeats between the rows of a table: the 编制部门 /
/// 单位 line's words and the Xinjiang template's ruler under the column titles ("※ ※ ※ ※ 1 2
/// 3", the column numbers after the marks), which a copy printing one cell per line gives a line
/// each.
fn without_page_header(toks: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(toks.len());
    // The column number the ruler prints next, after its marks.
    let mut ruler: Option<u32> = None;
    for t in toks {
        let number = match &t.tok {
            Tok::Part(p) => p.parse::<u32>().ok(),
            Tok::Amount(Some(d)) if d.fract().is_zero() => d.to_string().parse::<u32>().ok(),
            _ => None,
        };
        if let Tok::Name(n) = &t.tok {
            if n.split(' ').all(|w| w.chars().all(|c| c == '※')) {
                ruler = Some(1);
                continue;
            }
            let page_header = n.contains("编制部门")
                || n.contains("编制单位")
                || n.starts_with("金额单位")
                || (n.starts_with(['单', '(', '（']) && super::tables::unit_in(n).is_some());
            if page_header {
                continue;
            }
        }
        match (ruler, number) {
            (Some(k), Some(v)) if v == k => {
                ruler = Some(k + 1);
                continue;
            }
            _ => ruler = None,
        }
        out.push(t);
    }
    out
}

/// The tokens with wrapped names joined (as `wrap` says), header words left out and class
/// names kept. The header's words are those of its lines before the body (`header`) and those
/// printed before the first code part or amount.
fn clean(toks: Vec<Token>, titles: &[String], header: &[Line], wrap: Wrap) -> Vec<Token> {
    let mut toks = without_page_header(toks);
    let is_class_name = |t: &str| {
        schema::FUNCTION_CLASSES.iter().any(|(_, n)| *n == t)
            || schema::ECON_CLASSES
                .iter()
                .any(|&c| econ_class_name(c) == t)
    };
    // The words printed before the first code part or amount are the header's (a class's name
    // aside).
    let first_amount = toks
        .iter()
        .position(|t| matches!(t.tok, Tok::Amount(_) | Tok::Part(_)))
        .unwrap_or(toks.len());
    let header_words = header
        .iter()
        .flat_map(|l| l.text.split(' '))
        .filter(|w| !w.is_empty() && number_tok(w).is_none());
    let seen: Vec<String> = toks[..first_amount]
        .iter()
        .filter_map(|t| match &t.tok {
            Tok::Name(n) => Some(n.split(' ')),
            _ => None,
        })
        .flatten()
        .chain(header_words)
        .filter(|w| !is_class_name(w))
        .map(str::to_owned)
        .take(400)
        .collect();
    // A line of several words: the header's when all are, else one name whose characters the
    // copy spaced out ("因 公 出 国 （ 境 ） 费").
    toks.retain_mut(|t| {
        let Tok::Name(n) = &mut t.tok else {
            return true;
        };
        if !n.contains(' ') {
            return true;
        }
        if n.split(' ').all(|w| header_word(w, titles, &seen)) {
            return false;
        }
        n.retain(|c| c != ' ');
        true
    });
    // Join a name's wrapped line to the line above it.
    let mut joined: Vec<Token> = Vec::with_capacity(toks.len());
    let mut last_part_chars = 0usize;
    for t in toks.drain(..) {
        if let (Tok::Name(rest), Some(prev)) = (&t.tok, joined.last_mut()) {
            let next_line = prev
                .lines
                .last()
                .is_some_and(|&l| t.lines.first() == Some(&(l + 1)));
            if let Tok::Name(first) = &mut prev.tok {
                let short_enough = match wrap {
                    Wrap::Short => chars(rest) <= WRAP_REST,
                    Wrap::Filled => chars(rest) <= last_part_chars,
                };
                let wraps = next_line
                    && last_part_chars >= WRAP_FIRST
                    && short_enough
                    && !matches!(rest.as_str(), "合计" | "总计")
                    && !is_class_name(rest)
                    && !header_word(rest, titles, &seen);
                if wraps {
                    first.push_str(rest);
                    prev.lines.extend(&t.lines);
                    last_part_chars = chars(rest);
                    continue;
                }
            }
        }
        last_part_chars = match &t.tok {
            Tok::Name(n) => chars(n),
            _ => 0,
        };
        joined.push(t);
    }
    joined
        .into_iter()
        .filter_map(|mut t| {
            if let Tok::Name(n) = &t.tok {
                if matches!(n.as_str(), "合计" | "总计") {
                    t.tok = Tok::TotalLabel;
                } else if !is_class_name(n) && header_word(n, titles, &seen) {
                    return None;
                }
            }
            Some(t)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Codes.

/// A row's code as read, with the lines of its parts; `pending` while its 项 part is awaited.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CodeRead {
    code: String,
    lines: Vec<LineNo>,
    pending: bool,
}

/// A run of code parts: a 3-digit part and the 2-digit parts printed right after it, or 2-digit
/// parts on their own (`class` empty).
#[derive(Debug, Clone)]
struct Segment {
    class: Option<(String, LineNo)>,
    parts: Vec<(String, LineNo)>,
}

fn segments(toks: &[Token]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut in_run = false;
    for t in toks {
        let line = t.lines.first().copied().unwrap_or(0);
        match &t.tok {
            Tok::Part(p) if p.len() == 3 => {
                out.push(Segment {
                    class: Some((p.clone(), line)),
                    parts: Vec::new(),
                });
                in_run = true;
            }
            Tok::Part(p) => {
                match out.last_mut() {
                    Some(s) if in_run => s.parts.push((p.clone(), line)),
                    _ => out.push(Segment {
                        class: None,
                        parts: vec![(p.clone(), line)],
                    }),
                }
                in_run = true;
            }
            _ => in_run = false,
        }
    }
    out
}

/// Every reading of the code parts into rows' codes, each with codes ascending, every 项 under
/// a 款 and every 款 under a 类 printed before it. `None` when the readings still open at some
/// run pass [`MAX_CODE_STATES`] (the runs are read one after another, the readings that end
/// alike merged).
fn code_readings(segs: &[Segment]) -> Option<Vec<Vec<CodeRead>>> {
    let mut states: Vec<Vec<CodeRead>> = vec![Vec::new()];
    for seg in segs {
        let mut next: Vec<Vec<CodeRead>> = Vec::new();
        for rows in &states {
            for option in read_segment(rows, seg) {
                if option.len() > MAX_ROWS {
                    return None;
                }
                if !next.contains(&option) {
                    next.push(option);
                }
                if next.len() > MAX_CODE_STATES {
                    return None;
                }
            }
        }
        states = next;
        if states.is_empty() {
            break;
        }
    }
    Some(
        states
            .into_iter()
            .filter(|rows| rows.iter().all(|r| !r.pending) && ordered(rows))
            .collect(),
    )
}

/// The rows after one more run of code parts, for each way of reading it.
fn read_segment(rows: &[CodeRead], seg: &Segment) -> Vec<Vec<CodeRead>> {
    let mut out = Vec::new();
    let Some((class, line)) = &seg.class else {
        // Parts printed on their own complete the rows awaiting them, in order.
        let mut rows = rows.to_vec();
        if fill(&mut rows, &seg.parts) {
            out.push(rows);
        }
        return out;
    };
    // The code takes none, one or two of the parts after it; the rest complete rows printed
    // before. Parts printed together are one column's: after a 款, two or more are all others'
    // 项 (the code's own among them when it is a 款 printed again).
    let most = match seg.parts.len() {
        0..=2 => seg.parts.len(),
        _ => 1,
    };
    for own in (0..=most).rev() {
        let mut code = class.clone();
        let mut lines = vec![*line];
        for (p, l) in &seg.parts[..own] {
            code.push_str(p);
            lines.push(*l);
        }
        // A 款 printed again is a 项 whose last part comes later.
        let pending = own == 1 && rows.iter().any(|r| r.code == code);
        // Codes ascend (a 项 awaiting its part from the 款 it repeats).
        let ascends = rows.last().is_none_or(|p| {
            if pending {
                code.as_str() >= p.code.get(..code.len()).unwrap_or(&p.code)
            } else {
                code > p.code
            }
        });
        if !ascends {
            continue;
        }
        let mut next = rows.to_vec();
        next.push(CodeRead {
            code,
            lines,
            pending,
        });
        let rest = &seg.parts[own..];
        if rest.is_empty() || fill(&mut next, rest) {
            out.push(next);
        }
    }
    out
}

/// Gives the rows awaiting their 项 part the parts, in order; false unless there are as many
/// parts as rows awaiting (parts printed together are the whole column's).
fn fill(rows: &mut [CodeRead], parts: &[(String, LineNo)]) -> bool {
    if rows.iter().filter(|r| r.pending).count() != parts.len() {
        return false;
    }
    for (r, (p, l)) in rows.iter_mut().filter(|r| r.pending).zip(parts) {
        r.code.push_str(p);
        r.lines.push(*l);
        r.pending = false;
    }
    true
}

/// Codes ascending, every 项 under a 款 and every 款 under a 类 printed before it.
fn ordered(rows: &[CodeRead]) -> bool {
    rows.windows(2).all(|w| w[0].code < w[1].code)
        && rows.iter().enumerate().all(|(i, r)| match r.code.len() {
            3 => true,
            5 | 7 => rows[..i]
                .iter()
                .any(|p| p.code.len() == r.code.len() - 2 && r.code.starts_with(&p.code)),
            _ => false,
        })
}

// ---------------------------------------------------------------------------------------------
// Amounts.

/// The largest rounding difference a sum of `n` amounts may show against their printed total.
fn tolerance(unit: Unit, n: usize) -> Decimal {
    match unit {
        Unit::Wan => Decimal::new(5, 3) * Decimal::from(n as u64 + 1),
        Unit::Yuan => Decimal::ZERO,
    }
}

/// Whether `values` can stand in the table's columns, in order, with every identity holding
/// (an empty cell counts 0).
fn fits_columns(values: &[Option<Decimal>], input: &Input) -> bool {
    let k = values.len();
    let n = input.ncols;
    if k == 0 || k > n || n > MAX_COLS {
        return false;
    }
    let mut cols: Vec<usize> = (0..k).collect();
    let mut cells = vec![Decimal::ZERO; n];
    loop {
        cells.iter_mut().for_each(|c| *c = Decimal::ZERO);
        for (v, &c) in values.iter().zip(&cols) {
            cells[c] = v.unwrap_or_default();
        }
        let holds = input.identities.iter().all(|(t, parts)| {
            let sum: Decimal = parts.iter().filter_map(|&p| cells.get(p)).sum();
            let total = cells.get(*t).copied().unwrap_or_default();
            (total - sum).abs() <= tolerance(input.unit, parts.len())
        });
        if holds {
            return true;
        }
        // The next increasing tuple of `k` columns out of `n`.
        let mut i = k;
        loop {
            if i == 0 {
                return false;
            }
            i -= 1;
            if cols[i] < n - k + i {
                break;
            }
        }
        cols[i] += 1;
        for j in i + 1..k {
            cols[j] = cols[j - 1] + 1;
        }
    }
}

/// Which runs of amounts fit the columns as one row: `fits[p][k - 1]` for amounts `p..p + k`.
/// `None` when the amounts are too many or the placements tried would pass [`MAX_PLACEMENTS`].
fn runs_that_fit(amounts: &[Option<Decimal>], input: &Input) -> Option<Vec<Vec<bool>>> {
    let n = amounts.len();
    let width = input.ncols.min(MAX_COLS);
    // Placements of up to `width` values in `width` columns: 2^width at most per start.
    let per_start = 1usize << width;
    if n > MAX_AMOUNTS || n.saturating_mul(per_start) > MAX_PLACEMENTS {
        return None;
    }
    Some(
        (0..n)
            .map(|p| {
                (1..=width)
                    .map(|k| p + k <= n && fits_columns(&amounts[p..p + k], input))
                    .collect()
            })
            .collect(),
    )
}

/// The ways to cut `n` amounts into `rows` groups that each fit the columns (`fits`, from
/// [`runs_that_fit`]): the start of every group, at most `MAX_CUTS + 1` of them.
fn cuts(fits: &[Vec<bool>], rows: usize, width: usize) -> Vec<Vec<usize>> {
    let n = fits.len();
    let work = rows.saturating_mul(n).saturating_mul(width);
    if rows > MAX_ROWS || rows == 0 || n < rows || n > rows * width || work > MAX_CUT_WORK {
        return Vec::new();
    }
    // ways[r][p]: whether rows r.. can take amounts p.. exactly.
    let mut ways = vec![vec![false; n + 1]; rows + 1];
    ways[rows][n] = true;
    for r in (0..rows).rev() {
        for p in (0..n).rev() {
            ways[r][p] = (1..=width).any(|k| {
                p + k <= n && fits[p].get(k - 1).copied().unwrap_or(false) && ways[r + 1][p + k]
            });
        }
    }
    let mut out = Vec::new();
    let mut starts = Vec::with_capacity(rows);
    walk_cuts(0, 0, fits, &ways, width, &mut starts, &mut out);
    out
}

fn walk_cuts(
    r: usize,
    p: usize,
    fits: &[Vec<bool>],
    ways: &[Vec<bool>],
    width: usize,
    starts: &mut Vec<usize>,
    out: &mut Vec<Vec<usize>>,
) {
    if out.len() > MAX_CUTS {
        return;
    }
    if r + 1 == ways.len() {
        if p + 1 == ways[r].len() {
            out.push(starts.clone());
        }
        return;
    }
    for k in 1..=width {
        let ok = fits
            .get(p)
            .and_then(|f| f.get(k - 1))
            .copied()
            .unwrap_or(false)
            && ways
                .get(r + 1)
                .and_then(|w| w.get(p + k))
                .copied()
                .unwrap_or(false);
        if ok {
            starts.push(p);
            walk_cuts(r + 1, p + k, fits, ways, width, starts, out);
            starts.pop();
        }
    }
}

/// Whether the first amounts add up: every parent's is the sum of its children's, the total's
/// the sum of the 类'.
fn sums_hold(rows: &[Draft], unit: Unit) -> bool {
    let first = |d: &Draft| d.amounts.first().and_then(|(v, _)| *v).unwrap_or_default();
    let mut children: HashMap<&str, (Decimal, usize)> = HashMap::new();
    let mut classes = (Decimal::ZERO, 0usize);
    for d in rows {
        match &d.code {
            Some(c) if c.0.len() > 3 => {
                let parent = &c.0[..c.0.len() - 2];
                let e = children.entry(parent).or_default();
                e.0 += first(d);
                e.1 += 1;
            }
            Some(_) => {
                classes.0 += first(d);
                classes.1 += 1;
            }
            None => {}
        }
    }
    let parents_hold = rows.iter().all(|d| match &d.code {
        Some(c) => children
            .get(c.0.as_str())
            .is_none_or(|&(sum, n)| (first(d) - sum).abs() <= tolerance(unit, n)),
        None => true,
    });
    let total_holds = rows
        .iter()
        .filter(|d| d.kind == RowKind::Total)
        .all(|d| (first(d) - classes.0).abs() <= tolerance(unit, classes.1));
    parents_hold && total_holds
}

// ---------------------------------------------------------------------------------------------
// Names.

/// The names' assignment to rows: `Some(name index)` for each row, or the rows left open.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Naming {
    of_row: Vec<Option<usize>>,
    open: Vec<(Vec<usize>, Vec<usize>)>,
    cost: usize,
}

/// Names the rows (`rows`, the total excluded from naming), given the stream position at
/// which each row's amounts begin. `None` when no reading fits.
fn name_rows(rows: &[Draft], starts: &[usize], names: &[Name], toks: &[Token]) -> Option<Naming> {
    let coded: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].code.is_some())
        .collect();
    if coded.len() != names.len() {
        return None;
    }
    // Pins: a 类 row takes its class's name where that name is printed once.
    let mut of_row: Vec<Option<usize>> = vec![None; rows.len()];
    let mut pinned_name = vec![false; names.len()];
    for &i in &coded {
        let Some(code) = rows[i].code.as_ref().filter(|c| c.0.len() == 3) else {
            continue;
        };
        let Some(known) = class_name(&code.0) else {
            continue;
        };
        let at: Vec<usize> = (0..names.len())
            .filter(|&j| names[j].text == known)
            .collect();
        if let [j] = at.as_slice() {
            of_row[i] = Some(*j);
            pinned_name[*j] = true;
        }
    }
    let free_rows: Vec<usize> = coded
        .iter()
        .copied()
        .filter(|&i| of_row[i].is_none())
        .collect();
    let free_names: Vec<usize> = (0..names.len()).filter(|&j| !pinned_name[j]).collect();
    // Anchors: the name printed right before a row's first amount (code parts and labels
    // between them aside), both free.
    let name_at: HashMap<usize, usize> = names.iter().enumerate().map(|(j, n)| (n.at, j)).collect();
    let mut anchors: Vec<(usize, usize)> = Vec::new(); // (free name index, free row index)
    for (fr, &i) in free_rows.iter().enumerate() {
        let Some(&start) = starts.get(i) else {
            continue;
        };
        let mut p = start;
        while p > 0 {
            p -= 1;
            match toks.get(p).map(|t| &t.tok) {
                Some(Tok::Part(_) | Tok::TotalLabel) => continue,
                Some(Tok::Name(_)) => {
                    if let Some(fj) = name_at
                        .get(&p)
                        .and_then(|j| free_names.iter().position(|x| x == j))
                    {
                        anchors.push((fj, fr));
                    }
                    break;
                }
                _ => break,
            }
        }
    }
    anchors.sort_unstable();
    let fits = |fr: usize, fj: usize| {
        fits_name(
            rows[free_rows[fr]].code.as_ref(),
            &names[free_names[fj]].text,
        )
    };
    let n = free_rows.len();
    // In order: free name k to free row k.
    let in_order = (0..n).all(|k| fits(k, k)).then(|| {
        let broken = anchors.iter().filter(|(fj, fr)| fj != fr).count();
        ((0..n).map(Some).collect::<Vec<_>>(), Vec::new(), broken)
    });
    // By anchors: the longest chain of anchors in order is kept; the names between two kept
    // anchors go in order to the rows between them when as many; the names left over go to the
    // rows left over (forced when one).
    let by_anchors = {
        let chain = longest_chain(&anchors);
        let dropped = anchors.len() - chain.len();
        let mut of_free: Vec<Option<usize>> = vec![None; n];
        for &(fj, fr) in &chain {
            of_free[fr] = Some(fj);
        }
        let mut left_names: Vec<usize> = Vec::new();
        let mut left_rows: Vec<usize> = Vec::new();
        let mut bounds: Vec<(usize, usize)> = vec![(0, 0)];
        bounds.extend(chain.iter().map(|&(fj, fr)| (fj + 1, fr + 1)));
        let ends: Vec<(usize, usize)> = chain
            .iter()
            .copied()
            .chain(std::iter::once((n, n)))
            .collect();
        for (&(nj, nr), &(ej, er)) in bounds.iter().zip(&ends) {
            let gap_names: Vec<usize> = (nj..ej.max(nj)).collect();
            let gap_rows: Vec<usize> = (nr..er.max(nr)).collect();
            if gap_names.len() == gap_rows.len() {
                for (&fj, &fr) in gap_names.iter().zip(&gap_rows) {
                    of_free[fr] = Some(fj);
                }
            } else {
                left_names.extend(gap_names);
                left_rows.extend(gap_rows);
            }
        }
        let moved = left_names.len();
        let mut open = Vec::new();
        if left_names.len() != left_rows.len() {
            None
        } else {
            if let ([fj], [fr]) = (left_names.as_slice(), left_rows.as_slice()) {
                of_free[*fr] = Some(*fj);
            } else if !left_names.is_empty() {
                open.push((left_rows, left_names));
            }
            let ok = of_free
                .iter()
                .enumerate()
                .all(|(fr, fj)| fj.is_none_or(|fj| fits(fr, fj)));
            ok.then_some((of_free, open, dropped + moved))
        }
    };
    let (of_free, open_free, cost) = match (in_order, by_anchors) {
        (None, None) => return None,
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (Some(a), Some(b)) if a.2 < b.2 => a,
        (Some(a), Some(b)) if b.2 < a.2 => b,
        (Some(a), Some(b)) => {
            // A tie: the rows where the two readings differ stay open.
            let mut of_free = a.0.clone();
            let mut rows_open: Vec<usize> = Vec::new();
            for (fr, (x, y)) in a.0.iter().zip(&b.0).enumerate() {
                if x != y {
                    of_free[fr] = None;
                    rows_open.push(fr);
                }
            }
            for (rs, _) in &b.1 {
                for &fr in rs {
                    if of_free[fr].is_some() {
                        of_free[fr] = None;
                        rows_open.push(fr);
                    }
                }
            }
            rows_open.sort_unstable();
            let names_open: Vec<usize> = rows_open.iter().filter_map(|&fr| a.0[fr]).collect();
            let open = if rows_open.is_empty() {
                Vec::new()
            } else {
                vec![(rows_open, names_open)]
            };
            (of_free, open, a.2)
        }
    };
    for (fr, fj) in of_free.iter().enumerate() {
        of_row[free_rows[fr]] = fj.map(|fj| free_names[fj]);
    }
    let open = open_free
        .into_iter()
        .map(|(rs, ns)| {
            (
                rs.into_iter().map(|fr| free_rows[fr]).collect(),
                ns.into_iter().map(|fj| free_names[fj]).collect(),
            )
        })
        .collect();
    Some(Naming { of_row, open, cost })
}

/// The longest run of anchors increasing in both name and row (anchors sorted by name).
fn longest_chain(anchors: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let n = anchors.len();
    let mut best = vec![1usize; n];
    let mut prev: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        for j in 0..i {
            if anchors[j].0 < anchors[i].0 && anchors[j].1 < anchors[i].1 && best[j] + 1 > best[i] {
                best[i] = best[j] + 1;
                prev[i] = Some(j);
            }
        }
    }
    let Some(mut at) = (0..n).max_by_key(|&i| (best[i], std::cmp::Reverse(i))) else {
        return Vec::new();
    };
    let mut out = vec![anchors[at]];
    while let Some(p) = prev[at] {
        out.push(anchors[p]);
        at = p;
    }
    out.reverse();
    out
}

// ---------------------------------------------------------------------------------------------
// The whole table.

/// Where the 合计 row stands among the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TotalAt {
    First,
    Last,
    Absent,
}

/// An empty table printed one word per line (its header, 合计 and the note that it is empty):
/// its 合计 row alone, without amounts.
fn empty_table(input: &Input) -> Option<Rebuilt> {
    let cells: Vec<&Line> = input.body.iter().filter(|l| !sentence(&l.text)).collect();
    let one_word = cells
        .iter()
        .all(|l| !l.text.contains(' ') && number_tok(&l.text).is_none());
    let stated = cells.len() < input.body.len();
    let total = cells
        .iter()
        .rfind(|l| matches!(l.text.as_str(), "合计" | "总计"))?;
    (stated && one_word && cells.len() >= MIN_LINES / 2).then(|| Rebuilt {
        by_order: Vec::new(),
        rows: vec![Draft {
            kind: RowKind::Total,
            code: None,
            name: Some(Name {
                text: total.text.clone(),
                lines: vec![total.no],
                at: 0,
            }),
            code_lines: Vec::new(),
            amounts: Vec::new(),
        }],
        open: Vec::new(),
    })
}

/// Reads one table printed one cell per line; `None` when it is not printed so, or when no
/// single reading of it is confirmed. `tried` is set when the table is printed so, no reading
/// in row order holds, its codes were read as a table printed in blocks, and every placement of
/// its amounts was tried and none held ([`by_anchored_totals`]): the copy's order, or a figure
/// of the document that does not add up, the reader cannot tell which.
fn rebuild(input: &Input, tried: &mut bool) -> Option<Rebuilt> {
    if let Some(empty) = empty_table(input) {
        return Some(empty);
    }
    if !one_cell_per_line(input.body) || input.ncols == 0 || input.ncols > MAX_COLS {
        return None;
    }
    let raw = tokens(input.body)?;
    let short = clean(raw.clone(), &input.titles, input.header, Wrap::Short);
    let mut tried_short = false;
    if let Some(found) = rebuild_from(input, &short, &mut tried_short) {
        return Some(found);
    }
    // No reading with only short last lines joined: a name may wrap with a longer last line
    // ("其他政府办公厅（室）及相关机 / 构事务支出"). Read again with every line that fits under a
    // full one joined to it, when that joins more; the reading must pass everything again.
    let filled = clean(raw, &input.titles, input.header, Wrap::Filled);
    if filled.len() == short.len() {
        *tried = tried_short;
        return None;
    }
    // Said only when neither way of joining the names gives a placement that holds.
    let mut tried_filled = false;
    let read = rebuild_from(input, &filled, &mut tried_filled);
    *tried = read.is_none() && tried_short && tried_filled;
    read
}

/// Reads one table from its cleaned tokens ([`rebuild`]).
fn rebuild_from(input: &Input, toks: &[Token], tried: &mut bool) -> Option<Rebuilt> {
    let amounts: Vec<(Option<Decimal>, LineNo)> = toks
        .iter()
        .filter_map(|t| match t.tok {
            Tok::Amount(v) => Some((v, t.lines.first().copied().unwrap_or(0))),
            _ => None,
        })
        .collect();
    let amount_at: Vec<usize> = (0..toks.len())
        .filter(|&p| matches!(toks[p].tok, Tok::Amount(_)))
        .collect();
    let names: Vec<Name> = toks
        .iter()
        .enumerate()
        .filter_map(|(at, t)| match &t.tok {
            Tok::Name(n) => Some(Name {
                text: n.clone(),
                lines: t.lines.clone(),
                at,
            }),
            _ => None,
        })
        .collect();
    let labelled = toks.iter().any(|t| t.tok == Tok::TotalLabel);
    if let Some(classes) = class_column(toks) {
        return by_columns(input, toks, &classes, &names, &amounts, labelled);
    }
    // Past the bounds of the reading in row order, that reading decided nothing: the blocks'
    // reading may still read the table, but its failing says nothing of the figures.
    let in_order = in_row_order(input, toks, &names, &amounts, &amount_at, labelled);
    let bounded = in_order.is_some();
    let mut found = in_order.unwrap_or_default();
    match found.len() {
        0 => {
            let (read, none_holds) =
                by_anchored_totals(input, toks, &names, &amounts, &amount_at, labelled);
            *tried = bounded && read.is_none() && none_holds;
            read
        }
        1 => found.pop(),
        _ => None,
    }
}

/// The readings of a table whose rows print their amounts in row order (every row's amounts
/// one run of the amount stream); more than one when the table is ambiguous (the search then
/// stops at two).
fn in_row_order(
    input: &Input,
    toks: &[Token],
    names: &[Name],
    amounts: &[(Option<Decimal>, LineNo)],
    amount_at: &[usize],
    labelled: bool,
) -> Option<Vec<Rebuilt>> {
    let values: Vec<Option<Decimal>> = amounts.iter().map(|(v, _)| *v).collect();
    let segs = segments(toks);
    if segs.len() > MAX_SEGMENTS {
        return None;
    }
    let readings = code_readings(&segs)?;
    if readings.is_empty() {
        return None;
    }
    let fits = runs_that_fit(&values, input)?;
    let width = input.ncols.min(MAX_COLS);
    let mut found: Vec<Rebuilt> = Vec::new();
    let mut cut_cache: HashMap<usize, Vec<Vec<usize>>> = HashMap::new();
    for codes in &readings {
        if codes.len() != names.len() {
            continue;
        }
        for at in [TotalAt::First, TotalAt::Last, TotalAt::Absent] {
            if (at == TotalAt::Absent) == labelled {
                continue;
            }
            let mut drafts: Vec<Draft> = codes.iter().map(Draft::of_code).collect();
            let total = Draft {
                kind: RowKind::Total,
                code: None,
                name: Some(Name {
                    text: "合计".to_owned(),
                    lines: Vec::new(),
                    at: usize::MAX,
                }),
                code_lines: Vec::new(),
                amounts: Vec::new(),
            };
            match at {
                TotalAt::First => drafts.insert(0, total),
                TotalAt::Last => drafts.push(total),
                TotalAt::Absent => {}
            }
            let n_rows = drafts.len();
            let ways = cut_cache
                .entry(n_rows)
                .or_insert_with(|| cuts(&fits, n_rows, width));
            for cut in ways.iter() {
                let mut rows = drafts.clone();
                let mut starts: Vec<usize> = Vec::with_capacity(rows.len());
                for (r, d) in rows.iter_mut().enumerate() {
                    let from = cut[r];
                    let to = cut.get(r + 1).copied().unwrap_or(amounts.len());
                    d.amounts = amounts.get(from..to)?.to_vec();
                    starts.push(amount_at.get(from).copied().unwrap_or(0));
                }
                if !sums_hold(&rows, input.unit) {
                    continue;
                }
                let Some(naming) = name_rows(&rows, &starts, names, toks) else {
                    continue;
                };
                for (d, j) in rows.iter_mut().zip(&naming.of_row) {
                    if let Some(j) = j {
                        d.name = names.get(*j).cloned();
                    }
                }
                // The total cites the 合计 printed nearest its first amount.
                for (d, &start) in rows.iter_mut().zip(&starts) {
                    if d.kind == RowKind::Total {
                        let label = (0..toks.len())
                            .filter(|&p| toks[p].tok == Tok::TotalLabel)
                            .min_by_key(|&p| p.abs_diff(start));
                        if let (Some(p), Some(n)) = (label, d.name.as_mut()) {
                            n.lines.clone_from(&toks[p].lines);
                            n.text = total_label(input, &n.lines);
                        }
                    }
                }
                let open = naming
                    .open
                    .iter()
                    .map(|(rs, ns)| Open {
                        rows: rs.clone(),
                        names: ns.iter().filter_map(|&j| names.get(j).cloned()).collect(),
                    })
                    .collect();
                found.push(Rebuilt {
                    rows,
                    open,
                    by_order: Vec::new(),
                });
                if found.len() > 1 {
                    return Some(found);
                }
            }
        }
    }
    Some(found)
}

// ---------------------------------------------------------------------------------------------
// Tables printed in blocks.

/// The most steps spent assigning the other columns' runs to rows and placing them in columns
/// (a table of one cell per line printed in blocks).
const MAX_BLOCK_WORK: usize = 2_000_000;
/// The most assignments of runs to rows weighed for one table.
const MAX_BLOCK_ASSIGNMENTS: usize = 256;

/// A row's cells: `None` where the copy printed nothing, else the printed amount (`None` for a
/// dash) with its line.
type Cells = Vec<Option<(Option<Decimal>, LineNo)>>;

/// Reads a table whose copy printed its rows in blocks (pdftotext in reading order, when a
/// table's columns flow apart): each row's 合计 printed right after its name, but the amounts of
/// its other columns, for a run of rows, printed together before or after them ("行政运行 /
/// 12,029,501.84 / … / 208 / 46,140,000.00 / 3,767,295.58 / 40,000.00 / 20,120,000.00").
///
/// The rows are the one reading of the codes, named in printed order; a row's 合计 is the first
/// amount printed after its name, and these must add up (every parent the sum of its children);
/// the table's 合计 is an amount the 类 add up to. The amounts left, in printed order, are cut
/// into runs, each the other columns of one row whose 合计 it completes; then each run is placed
/// in the columns so that every column adds up too (every parent the sum of its children, the
/// 合计 the sum of the 类). Only a table whose cells come out the same from every assignment and
/// placement that holds is read; `None` otherwise.
///
/// Where that reading fails, a table printed across a page break may still be read by its sums
/// ([`by_sums`]). With the reading, whether none holds: the table's codes were read, and both
/// readings ran to their end without one placement that holds (not two that differ, not a
/// bound).
fn by_anchored_totals(
    input: &Input,
    toks: &[Token],
    names: &[Name],
    amounts: &[(Option<Decimal>, LineNo)],
    amount_at: &[usize],
    labelled: bool,
) -> (Option<Rebuilt>, bool) {
    let Some(codes) = block_codes(input, toks, names, amounts) else {
        return (None, false);
    };
    let undecided = Cell::new(false);
    let read = anchored(
        input, toks, &codes, names, amounts, amount_at, labelled, &undecided,
    )
    .or_else(|| {
        by_sums(
            input, toks, &codes, names, amounts, amount_at, labelled, &undecided,
        )
    });
    (read, !undecided.get())
}

/// The one reading of the codes of a table that may be printed in blocks (as many rows as
/// names), when its columns are a 合计 and its parts.
fn block_codes(
    input: &Input,
    toks: &[Token],
    names: &[Name],
    amounts: &[(Option<Decimal>, LineNo)],
) -> Option<Vec<CodeRead>> {
    let [(0, parts)] = input.identities.as_slice() else {
        return None;
    };
    if parts.is_empty() || parts.len() + 1 != input.ncols || amounts.len() > MAX_AMOUNTS {
        return None;
    }
    let segs = segments(toks);
    if segs.len() > MAX_SEGMENTS {
        return None;
    }
    let readings: Vec<Vec<CodeRead>> = code_readings(&segs)?
        .into_iter()
        .filter(|c| c.len() == names.len())
        .collect();
    let [codes] = readings.as_slice() else {
        return None;
    };
    if codes.is_empty() || codes.len() > MAX_ROWS {
        return None;
    }
    Some(codes.clone())
}

/// [`by_anchored_totals`]'s first reading: names in printed order, each row's 合计 the first
/// amount after its name.
#[allow(clippy::too_many_arguments)]
fn anchored(
    input: &Input,
    toks: &[Token],
    codes: &[CodeRead],
    names: &[Name],
    amounts: &[(Option<Decimal>, LineNo)],
    amount_at: &[usize],
    labelled: bool,
    undecided: &Cell<bool>,
) -> Option<Rebuilt> {
    // Every row's 合计: the first amount printed after its name, in row order.
    let mut anchors: Vec<usize> = Vec::with_capacity(codes.len());
    for n in names {
        let k = amount_at.iter().position(|&p| p > n.at)?;
        if amounts.get(k)?.0.is_none() || anchors.last().is_some_and(|&l| l >= k) {
            return None;
        }
        anchors.push(k);
    }
    let mut rows: Vec<Draft> = Vec::with_capacity(codes.len() + 1);
    for ((c, n), &k) in codes.iter().zip(names).zip(&anchors) {
        let row = Draft {
            name: Some(n.clone()),
            amounts: vec![amounts[k]],
            ..Draft::of_code(c)
        };
        if !fits_name(row.code.as_ref(), &n.text) {
            return None;
        }
        rows.push(row);
    }
    if !sums_hold(&rows, input.unit) {
        return None;
    }
    let totals = Totals {
        input,
        toks,
        amounts,
        amount_at,
        labelled,
        split: false,
        undecided,
    };
    totals.complete(rows, &[anchors], Vec::new())
}

/// A table printed in blocks across a page break, read by its sums: the copy may print a row's
/// name away from its amounts (the first row of a page with the header repeated there, a
/// parent's amounts before its name) and a row's other columns in two pieces apart.
///
/// The rows are the one reading of the codes. The 类 rows take their classes' names; between
/// two of them, the names printed there go in order to the rows there when as many, and the
/// rows and names of the stretches that do not match stay open (to be named by another table
/// of the document, [`settle`]). The rows' 合计 are one amount each, in row order in the amount
/// stream, every parent's the sum of its children's and the table's 合计 the 类' sum
/// ([`totals_by_sums`]); every such choice is tried, and the amounts left placed as
/// [`by_anchored_totals`] places them, a run allowed to be printed in two pieces. Only a table
/// whose cells come out the same from every choice, assignment and placement that holds is
/// read.
#[allow(clippy::too_many_arguments)]
fn by_sums(
    input: &Input,
    toks: &[Token],
    codes: &[CodeRead],
    names: &[Name],
    amounts: &[(Option<Decimal>, LineNo)],
    amount_at: &[usize],
    labelled: bool,
    undecided: &Cell<bool>,
) -> Option<Rebuilt> {
    let mut rows: Vec<Draft> = codes.iter().map(Draft::of_code).collect();
    let (of_row, open) = name_by_classes(&rows, names)?;
    for (d, j) in rows.iter_mut().zip(&of_row) {
        d.name = j.and_then(|j| names.get(j).cloned());
    }
    // A 类 row's name is its class's; every other row named here was named by print order.
    let by_order: Vec<String> = rows
        .iter()
        .filter(|d| d.name.is_some())
        .filter_map(|d| d.code.as_ref())
        .filter(|c| c.0.len() > 3)
        .map(|c| c.0.clone())
        .collect();
    let Some(choices) = totals_by_sums(&rows, amounts, input.unit) else {
        undecided.set(true);
        return None;
    };
    if choices.is_empty() {
        return None;
    }
    let totals = Totals {
        input,
        toks,
        amounts,
        amount_at,
        labelled,
        split: true,
        undecided,
    };
    let mut rebuilt = totals.complete(rows, &choices, open)?;
    rebuilt.by_order = by_order;
    Some(rebuilt)
}

/// Names the rows of [`by_sums`]: `Some(name)` for each row named, and the open groups.
fn name_by_classes(rows: &[Draft], names: &[Name]) -> Option<(Vec<Option<usize>>, Vec<Open>)> {
    let n = rows.len();
    if names.len() != n {
        return None;
    }
    // Pins: a 类 row and its class's name, printed once; in the same order as the rows.
    let mut pins: Vec<(usize, usize)> = Vec::new();
    for (i, d) in rows.iter().enumerate() {
        let Some(known) = d
            .code
            .as_ref()
            .filter(|c| c.0.len() == 3)
            .and_then(|c| class_name(&c.0))
        else {
            continue;
        };
        let at: Vec<usize> = (0..n).filter(|&j| names[j].text == known).collect();
        if let [j] = at.as_slice() {
            pins.push((i, *j));
        }
    }
    if pins.windows(2).any(|w| w[1].1 <= w[0].1) {
        return None;
    }
    let mut of_row: Vec<Option<usize>> = vec![None; n];
    let mut open_rows: Vec<usize> = Vec::new();
    let mut open_names: Vec<usize> = Vec::new();
    let mut from = (0usize, 0usize);
    for &(r, j) in pins.iter().chain(std::iter::once(&(n, n))) {
        let (rows_between, names_between) = (from.0..r, from.1..j);
        let in_order = rows_between.len() == names_between.len()
            && rows_between
                .clone()
                .zip(names_between.clone())
                .all(|(r, j)| fits_name(rows[r].code.as_ref(), &names[j].text));
        if in_order {
            for (r, j) in rows_between.zip(names_between) {
                of_row[r] = Some(j);
            }
        } else {
            open_rows.extend(rows_between);
            open_names.extend(names_between);
        }
        if r < n {
            of_row[r] = Some(j);
        }
        from = (r + 1, j + 1);
    }
    if open_rows.len() != open_names.len() || open_rows.len() > MAX_OPEN {
        return None;
    }
    let mut open = Vec::new();
    match (open_rows.as_slice(), open_names.as_slice()) {
        ([], []) => {}
        ([r], [j]) if fits_name(rows[*r].code.as_ref(), &names[*j].text) => of_row[*r] = Some(*j),
        ([_], [_]) => return None,
        _ => open.push(Open {
            rows: open_rows,
            names: open_names
                .iter()
                .filter_map(|&j| names.get(j).cloned())
                .collect(),
        }),
    }
    Some((of_row, open))
}

/// Every choice of the rows' 合计 in a table printed in blocks: one amount each (not a dash),
/// in row order in the amount stream, every parent's the sum of its children's. Of two equal
/// amounts printed one after the other, only the first is taken where both could be (the other
/// choice leaves the same amounts, in the same order). `None` past [`MAX_BLOCK_WORK`] steps or
/// [`MAX_BLOCK_ASSIGNMENTS`] choices.
fn totals_by_sums(
    rows: &[Draft],
    amounts: &[(Option<Decimal>, LineNo)],
    unit: Unit,
) -> Option<Vec<Vec<usize>>> {
    let n = rows.len();
    let code = |i: usize| rows[i].code.as_ref().map(|c| c.0.as_str()).unwrap_or("");
    let parent: Vec<Option<usize>> = (0..n)
        .map(|i| {
            let c = code(i);
            (c.len() > 3).then(|| (0..i).rfind(|&p| code(p) == &c[..c.len() - 2]))?
        })
        .collect();
    let children: Vec<usize> = (0..n)
        .map(|p| parent.iter().filter(|&&q| q == Some(p)).count())
        .collect();
    let last_child: Vec<bool> = (0..n)
        .map(|i| parent[i].is_some_and(|p| (i + 1..n).all(|j| parent[j] != Some(p))))
        .collect();
    let nonnegative = amounts
        .iter()
        .all(|(v, _)| v.is_none_or(|v| !v.is_sign_negative()));
    struct Search<'a> {
        amounts: &'a [(Option<Decimal>, LineNo)],
        parent: &'a [Option<usize>],
        children: &'a [usize],
        last_child: &'a [bool],
        nonnegative: bool,
        unit: Unit,
        chosen: Vec<usize>,
        sums: Vec<Decimal>,
        out: Vec<Vec<usize>>,
        work: usize,
    }
    impl Search<'_> {
        fn value(&self, k: usize) -> Decimal {
            self.amounts
                .get(k)
                .and_then(|(v, _)| *v)
                .unwrap_or_default()
        }
        fn go(&mut self, r: usize, from: usize) -> bool {
            self.work += 1;
            if self.work > MAX_BLOCK_WORK || self.out.len() > MAX_BLOCK_ASSIGNMENTS {
                return false;
            }
            if r == self.parent.len() {
                self.out.push(self.chosen.clone());
                return true;
            }
            for k in from..self.amounts.len() {
                self.work += 1;
                let Some(v) = self.amounts[k].0 else { continue };
                if k > from && self.amounts[k - 1].0 == Some(v) {
                    continue;
                }
                if let Some(p) = self.parent[r] {
                    let rest = self.value(self.chosen[p]) - self.sums[p];
                    let tol = tolerance(self.unit, self.children[p]);
                    let fits = if self.last_child[r] {
                        (rest - v).abs() <= tol
                    } else {
                        !self.nonnegative || v <= rest + tol
                    };
                    if !fits {
                        continue;
                    }
                    self.sums[p] += v;
                }
                self.chosen.push(k);
                let ok = self.go(r + 1, k + 1);
                self.chosen.pop();
                if let Some(p) = self.parent[r] {
                    self.sums[p] -= v;
                }
                if !ok {
                    return false;
                }
            }
            true
        }
    }
    let mut search = Search {
        amounts,
        parent: &parent,
        children: &children,
        last_child: &last_child,
        nonnegative,
        unit,
        chosen: Vec::with_capacity(n),
        sums: vec![Decimal::ZERO; n],
        out: Vec::new(),
        work: 0,
    };
    search.go(0, 0).then_some(search.out)
}

/// What [`Totals::complete`] needs of a table printed in blocks.
struct Totals<'a> {
    input: &'a Input<'a>,
    toks: &'a [Token],
    amounts: &'a [(Option<Decimal>, LineNo)],
    amount_at: &'a [usize],
    labelled: bool,
    /// Whether a row's other columns may be printed in two pieces ([`Blocks::split`]).
    split: bool,
    /// Set when [`Totals::complete`] gives up undecided: two placements that differ, or past
    /// its bounds (not when none holds).
    undecided: &'a Cell<bool>,
}

impl Totals<'_> {
    /// The table, given its rows (codes and names) and the choices of each row's 合计 (an index
    /// in `amounts` per row): the table's 合计 an amount left that the 类 add up to, the amounts
    /// left cut into runs and placed ([`Blocks`]); `None` unless exactly one set of cells holds.
    fn complete(
        &self,
        mut rows: Vec<Draft>,
        choices: &[Vec<usize>],
        open: Vec<Open>,
    ) -> Option<Rebuilt> {
        let (input, amounts) = (self.input, self.amounts);
        let [(0, parts)] = input.identities.as_slice() else {
            return None;
        };
        let ncols = input.ncols;
        // Families: (parent, children), the table's 合计 (row `n`, when labelled) over the 类.
        let n = rows.len();
        let mut families: Vec<(usize, Vec<usize>)> = Vec::new();
        for (i, d) in rows.iter().enumerate() {
            let Some(code) = &d.code else { continue };
            let children: Vec<usize> = (0..n)
                .filter(|&j| {
                    rows[j].code.as_ref().is_some_and(|c| {
                        c.0.len() == code.0.len() + 2 && c.0.starts_with(code.0.as_str())
                    })
                })
                .collect();
            if !children.is_empty() {
                families.push((i, children));
            }
        }
        let classes: Vec<usize> = (0..n).filter(|&i| rows[i].kind == RowKind::Class).collect();
        if self.labelled {
            families.push((n, classes.clone()));
        }
        let rows_all = n + usize::from(self.labelled);
        // The families to check once row `r` is placed: those whose last row is `r`.
        let mut check_at: Vec<Vec<usize>> = vec![Vec::new(); rows_all];
        for (f, (p, ch)) in families.iter().enumerate() {
            let last = ch.iter().copied().chain([*p]).max().unwrap_or(0);
            if let Some(c) = check_at.get_mut(last) {
                c.push(f);
            }
        }
        let mut work = 0usize;
        let mut found: Option<(Vec<Cells>, Option<usize>, usize)> = None;
        for (ci, anchors) in choices.iter().enumerate() {
            if anchors.len() != n || anchors.iter().any(|&k| k >= amounts.len()) {
                return None;
            }
            let mut taken = vec![false; amounts.len()];
            for &k in anchors {
                taken[k] = true;
            }
            let value = |k: usize| amounts[k].0.unwrap_or_default();
            let class_sum: Decimal = classes.iter().map(|&i| value(anchors[i])).sum();
            let total_at: Vec<Option<usize>> = if self.labelled {
                let tol = tolerance(input.unit, classes.len());
                (0..amounts.len())
                    .filter(|&k| {
                        !taken[k] && amounts[k].0.is_some_and(|v| (v - class_sum).abs() <= tol)
                    })
                    .map(Some)
                    .collect()
            } else {
                vec![None]
            };
            for t in total_at {
                let mut totals: Vec<(Option<Decimal>, LineNo)> =
                    anchors.iter().map(|&k| amounts[k]).collect();
                if let Some(k) = t {
                    totals.push(amounts[k]);
                }
                let left: Vec<(Option<Decimal>, LineNo)> = (0..amounts.len())
                    .filter(|&k| !taken[k] && Some(k) != t)
                    .map(|k| amounts[k])
                    .collect();
                if left.len() > totals.len() * parts.len() {
                    continue;
                }
                let blocks = Blocks {
                    totals: &totals,
                    left: &left,
                    ncols,
                    families: &families,
                    check_at: &check_at,
                    unit: input.unit,
                    split: self.split,
                };
                let Some(all_runs) = blocks.runs(&mut work) else {
                    self.undecided.set(true);
                    return None;
                };
                for runs in all_runs {
                    let Some(placed) = blocks.placements(&runs, &mut work) else {
                        self.undecided.set(true);
                        return None;
                    };
                    for cells in placed {
                        match &found {
                            Some((seen, _, _)) if !same_values(seen, &cells) => {
                                self.undecided.set(true);
                                return None;
                            }
                            Some(_) => {}
                            None => found = Some((cells, t, ci)),
                        }
                    }
                }
            }
        }
        let (cells, t, ci) = found?;
        let anchors = choices.get(ci)?;
        for (d, row) in rows.iter_mut().zip(&cells) {
            d.amounts = row.iter().flatten().copied().collect();
        }
        if let (Some(k), Some(row)) = (t, cells.get(n)) {
            // The total cites the 合计 printed nearest its amount.
            let at = self.amount_at.get(k).copied().unwrap_or(0);
            let toks = self.toks;
            let label = (0..toks.len())
                .filter(|&p| toks[p].tok == Tok::TotalLabel)
                .min_by_key(|&p| p.abs_diff(at));
            let total = Draft {
                kind: RowKind::Total,
                code: None,
                name: Some(Name {
                    text: label
                        .map_or_else(|| "合计".to_owned(), |p| total_label(input, &toks[p].lines)),
                    lines: label.map(|p| toks[p].lines.clone()).unwrap_or_default(),
                    at: usize::MAX,
                }),
                code_lines: Vec::new(),
                amounts: row.iter().flatten().copied().collect(),
            };
            if anchors.first().is_some_and(|&a| k < a) {
                rows.insert(0, total);
            } else {
                rows.push(total);
            }
        }
        Some(Rebuilt {
            rows,
            open,
            by_order: Vec::new(),
        })
    }
}

fn same_values(a: &[Cells], b: &[Cells]) -> bool {
    let values = |c: &[Cells]| -> Vec<Vec<Option<Option<Decimal>>>> {
        c.iter()
            .map(|r| r.iter().map(|x| x.map(|(v, _)| v)).collect())
            .collect()
    };
    values(a) == values(b)
}

/// A table printed in blocks: its rows' 合计 (`totals`, the table's 合计 last when it has one),
/// the other amounts in printed order (`left`), and the families that must add up.
struct Blocks<'a> {
    totals: &'a [(Option<Decimal>, LineNo)],
    left: &'a [(Option<Decimal>, LineNo)],
    ncols: usize,
    families: &'a [(usize, Vec<usize>)],
    /// The families to check once a row is placed (those whose last row it is).
    check_at: &'a [Vec<usize>],
    unit: Unit,
    /// Whether a row's other columns may be printed in two pieces, apart: a run begun in one
    /// block and ended in a later one, other runs between them.
    split: bool,
}

/// Runs of `left` given to the rows of one 合计: the indices of each run's amounts, in printed
/// order.
type Pool = Vec<Vec<usize>>;

impl Blocks<'_> {
    fn total(&self, r: usize) -> Decimal {
        self.totals.get(r).and_then(|(v, _)| *v).unwrap_or_default()
    }

    /// The rows grouped by their 合计 (rows whose 合计 are equal take each other's runs alike).
    fn groups(&self) -> Vec<(Decimal, Vec<usize>)> {
        let mut out: Vec<(Decimal, Vec<usize>)> = Vec::new();
        for r in 0..self.totals.len() {
            let t = self.total(r);
            match out.iter_mut().find(|(v, _)| *v == t) {
                Some((_, rows)) => rows.push(r),
                None => out.push((t, vec![r])),
            }
        }
        out
    }

    /// The ways to cut `left` into runs of at most `ncols - 1` amounts, each the other columns
    /// of a row whose 合计 it adds up to, every row with a 合计 other than 0 taking one: for each
    /// group of rows of one 合计 ([`Blocks::groups`]), its runs. `None` past the bounds.
    fn runs(&self, work: &mut usize) -> Option<Vec<Vec<Pool>>> {
        let groups = self.groups();
        let mut pools: Vec<Pool> = vec![Vec::new(); groups.len()];
        let mut out = Vec::new();
        self.cut(0, &groups, &mut pools, None, &mut out, work)
            .then_some(out)
    }

    /// Cuts `left[p..]`; `pending` is the first piece of a run split in two (with
    /// [`Blocks::split`]), awaiting its second.
    fn cut(
        &self,
        p: usize,
        groups: &[(Decimal, Vec<usize>)],
        pools: &mut Vec<Pool>,
        pending: Option<&[usize]>,
        out: &mut Vec<Vec<Pool>>,
        work: &mut usize,
    ) -> bool {
        *work += 1 + groups.len();
        if *work > MAX_BLOCK_WORK || out.len() > MAX_BLOCK_ASSIGNMENTS {
            return false;
        }
        if p == self.left.len() {
            let complete = pending.is_none()
                && groups
                    .iter()
                    .zip(pools.iter())
                    .all(|((t, rows), pool)| pool.len() == rows.len() || t.is_zero());
            if complete {
                out.push(pools.clone());
            }
            return true;
        }
        let width = self.ncols - 1;
        let most = width.min(self.left.len() - p);
        let value = |i: usize| self.left.get(i).and_then(|(v, _)| *v).unwrap_or_default();
        for k in 1..=most {
            let chunk: Vec<usize> = (p..p + k).collect();
            let sum: Decimal = chunk.iter().map(|&i| value(i)).sum();
            // The chunk alone is a run, or it ends the pending piece's run.
            let mut runs: Vec<(Vec<usize>, Decimal)> = vec![(chunk.clone(), sum)];
            if let Some(first) = pending {
                if first.len() + k <= width {
                    let both: Vec<usize> = first.iter().chain(&chunk).copied().collect();
                    let s = both.iter().map(|&i| value(i)).sum();
                    runs.push((both, s));
                }
            }
            for (n, (run, sum)) in runs.iter().enumerate() {
                // The pending piece stays pending past a run of its own; ended, it is not.
                let still = if n == 0 { pending } else { None };
                for (g, (t, rows)) in groups.iter().enumerate() {
                    let fits = (*t - *sum).abs() <= tolerance(self.unit, run.len());
                    if pools[g].len() >= rows.len() || !fits {
                        continue;
                    }
                    pools[g].push(run.clone());
                    let ok = self.cut(p + k, groups, pools, still, out, work);
                    pools[g].pop();
                    if !ok {
                        return false;
                    }
                }
            }
            // The chunk begins a run whose rest is printed further on.
            let room = groups
                .iter()
                .zip(pools.iter())
                .any(|((_, rows), pool)| pool.len() < rows.len());
            if self.split && pending.is_none() && k < width && room {
                let ok = self.cut(p + k, groups, pools, Some(&chunk), out, work);
                if !ok {
                    return false;
                }
            }
        }
        true
    }

    /// The cells of every row for each way to give the rows of each 合计 their group's runs and
    /// place each run in the columns after the 合计 (its amounts in column order) with every
    /// family adding up in every column; at most two. `None` past the bounds.
    fn placements(&self, pools: &[Pool], work: &mut usize) -> Option<Vec<Vec<Cells>>> {
        let groups = self.groups();
        let mut group_of = vec![0usize; self.totals.len()];
        for (g, (_, rows)) in groups.iter().enumerate() {
            for &r in rows {
                group_of[r] = g;
            }
        }
        let mut grid: Vec<Cells> = self
            .totals
            .iter()
            .map(|&t| {
                let mut row = vec![None; self.ncols];
                row[0] = Some(t);
                row
            })
            .collect();
        let mut used: Vec<Vec<bool>> = pools.iter().map(|p| vec![false; p.len()]).collect();
        let mut out = Vec::new();
        let ok = self.place(0, pools, &group_of, &mut used, &mut grid, &mut out, work);
        ok.then_some(out)
    }

    #[allow(clippy::too_many_arguments)]
    fn place(
        &self,
        r: usize,
        pools: &[Pool],
        group_of: &[usize],
        used: &mut [Vec<bool>],
        grid: &mut [Cells],
        out: &mut Vec<Vec<Cells>>,
        work: &mut usize,
    ) -> bool {
        *work += 1;
        if *work > MAX_BLOCK_WORK {
            return false;
        }
        if out.len() > 1 {
            return true;
        }
        if r == grid.len() {
            if used.iter().flatten().all(|&u| u) {
                out.push(grid.to_vec());
            }
            return true;
        }
        let g = group_of[r];
        let pool = &pools[g];
        // The runs this row may take: each unused run of its group, one of runs alike; or none
        // when its 合计 is 0.
        let mut options: Vec<Option<usize>> = Vec::new();
        let at = |run: &[usize]| -> Vec<Option<(Option<Decimal>, LineNo)>> {
            run.iter().map(|&i| self.left.get(i).copied()).collect()
        };
        for (i, run) in pool.iter().enumerate() {
            let alike = |other: &Vec<usize>| at(other) == at(run);
            let earlier_alike = (0..i).any(|j| !used[g][j] && alike(&pool[j]));
            if !used[g][i] && !earlier_alike {
                options.push(Some(i));
            }
        }
        if self.total(r).is_zero() {
            options.push(None);
        }
        for option in options {
            let run = option.and_then(|i| pool.get(i));
            let k = run.map_or(0, Vec::len);
            if let Some(i) = option {
                used[g][i] = true;
            }
            for cols in choices(k, self.ncols - 1) {
                for c in grid[r].iter_mut().skip(1) {
                    *c = None;
                }
                if let Some(run) = run {
                    for (&i, &c) in run.iter().zip(&cols) {
                        grid[r][c] = self.left.get(i).copied();
                    }
                }
                let holds = self
                    .check_at
                    .get(r)
                    .is_none_or(|fs| fs.iter().all(|&f| self.holds(grid, f)));
                if holds && !self.place(r + 1, pools, group_of, used, grid, out, work) {
                    return false;
                }
            }
            if let Some(i) = option {
                used[g][i] = false;
            }
        }
        true
    }

    /// Whether family `f` adds up in every column.
    fn holds(&self, grid: &[Cells], f: usize) -> bool {
        let value =
            |c: &Option<(Option<Decimal>, LineNo)>| c.and_then(|(v, _)| v).unwrap_or_default();
        let Some((p, ch)) = self.families.get(f) else {
            return true;
        };
        (0..self.ncols).all(|c| {
            let sum: Decimal = ch.iter().map(|&i| value(&grid[i][c])).sum();
            (value(&grid[*p][c]) - sum).abs() <= tolerance(self.unit, ch.len())
        })
    }
}

/// Every choice of `k` columns (ascending) out of the columns `1..=m`.
fn choices(k: usize, m: usize) -> Vec<Vec<usize>> {
    fn go(from: usize, k: usize, m: usize, cur: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if cur.len() == k {
            out.push(cur.clone());
            return;
        }
        for c in from..=m {
            cur.push(c);
            go(c + 1, k, m, cur, out);
            cur.pop();
        }
    }
    let mut out = Vec::new();
    if k <= m {
        go(1, k, m, &mut Vec::with_capacity(k), &mut out);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Tables read by label: the two-sided 收支总表 and the Shanghai “三公” table.

/// What a word of a two-sided table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// A label of the 收入 half; `grand` for its 总计.
    Income { grand: bool },
    /// A label of the 支出 half: a 类, the total the 类 add up to, its 总计 (the same row in a
    /// budget), or another row.
    Expense {
        class: bool,
        total: bool,
        grand: bool,
    },
}

/// The columns of one half of a two-sided table.
pub struct Half {
    pub ncols: usize,
    pub identities: Vec<(usize, Vec<usize>)>,
    /// The titles of its columns: a word printed as one, without an ordinal, is the header's.
    pub titles: Vec<String>,
}

/// A label and the amounts printed after it.
#[derive(Debug, Clone)]
struct Group {
    /// The class code printed before the label ("201" before "一般公共服务支出").
    code: Option<String>,
    label: String,
    lines: Vec<LineNo>,
    amounts: Vec<(Option<Decimal>, LineNo)>,
}

/// A table body rewritten as a copy that keeps its rows would print it, for the line readers;
/// [`Rewritten::restore`] then gives the rows and cells read from it the lines their words came
/// from.
#[derive(Debug, Clone)]
pub struct Rewritten {
    pub lines: Vec<Line>,
    /// The labels and amounts each rewritten line holds, by the line's number.
    groups: HashMap<LineNo, Vec<Group>>,
}

impl Rewritten {
    /// Points the rows and cells of `table`, read from the rewritten lines, at the lines their
    /// labels and amounts were printed on.
    pub fn restore(&self, table: &mut crate::model::Table) {
        let mut used: HashMap<LineNo, Vec<bool>> = HashMap::new();
        for block in &mut table.blocks {
            for row in &mut block.rows {
                for cell in row.cells.iter_mut().flatten() {
                    let Some(groups) = self.groups.get(&cell.line) else {
                        continue;
                    };
                    let all: Vec<&(Option<Decimal>, LineNo)> =
                        groups.iter().flat_map(|g| &g.amounts).collect();
                    let taken = used
                        .entry(cell.line)
                        .or_insert_with(|| vec![false; all.len()]);
                    if let Some(k) = (0..all.len()).find(|&k| {
                        !taken.get(k).copied().unwrap_or(true) && all[k].0 == Some(cell.value)
                    }) {
                        taken[k] = true;
                        cell.line = all[k].1;
                    }
                }
                let mut lines: Vec<LineNo> = Vec::with_capacity(row.lines.len());
                let own = compact_text(&row.name);
                for &l in &row.lines {
                    let Some(groups) = self.groups.get(&l) else {
                        lines.push(l);
                        continue;
                    };
                    let mine: Vec<&Group> = groups
                        .iter()
                        .filter(|g| !own.is_empty() && own.contains(&compact_text(&g.label)))
                        .collect();
                    let from: Vec<&Group> = if mine.is_empty() {
                        groups.iter().collect()
                    } else {
                        mine
                    };
                    for g in from {
                        lines.extend(&g.lines);
                        lines.extend(g.amounts.iter().map(|(_, l)| *l));
                    }
                }
                lines.sort_unstable();
                lines.dedup();
                row.lines = lines;
            }
        }
    }
}

fn compact_text(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn amount_text(v: Option<Decimal>) -> String {
    v.map_or_else(|| "-".to_owned(), |d| d.to_string())
}

/// The words and numbers of a body, one token each, with whether a word continues the word
/// before it on the same line.
fn words(body: &[Line]) -> Option<Vec<(Token, bool)>> {
    let mut out: Vec<(Token, bool)> = Vec::new();
    for line in body {
        let mut after_word = false;
        for w in line.text.split(' ').filter(|w| !w.is_empty()) {
            match number_tok(w) {
                Some(tok) => {
                    // A 3-digit part may be a class's code printed before its name.
                    let tok = match tok {
                        Tok::Part(p) if p.len() != 3 => Tok::Amount(super::numbers::decimal(&p)),
                        t => t,
                    };
                    out.push((
                        Token {
                            tok,
                            lines: vec![line.no],
                        },
                        false,
                    ));
                    after_word = false;
                }
                None => {
                    out.push((
                        Token {
                            tok: Tok::Name(w.to_owned()),
                            lines: vec![line.no],
                        },
                        after_word,
                    ));
                    after_word = true;
                }
            }
        }
        if out.len() > MAX_TOKENS {
            return None;
        }
    }
    Some(out)
}

/// [`rewrite_two_sided_traced`] without its `tried`.
#[cfg(test)]
fn rewrite_two_sided(
    body: &[Line],
    label: &dyn Fn(&str) -> Option<Label>,
    income: &Half,
    expense: &Half,
    unit: Unit,
) -> Option<Rewritten> {
    rewrite_two_sided_traced(body, label, income, expense, unit, &mut false)
}

/// Rewrites the body of a two-sided table (收支总表) printed one cell per line as lines of
/// "收入 label, its amounts, 支出 label, its amounts": each label takes the amounts printed
/// after it, a label cut by a line break is joined when the whole is a label, and words that are
/// no label (the column header's) go to one header line before the rows. `None` unless every
/// label's amounts fit its half's columns and the 类 add up to the 支出 total.
///
/// `tried` is set when the table is printed in blocks, its labels were read, and every
/// assignment of its amounts to them was tried and none held with every identity
/// ([`by_print_order`]): the copy's order, or a figure of the document that does not add up,
/// the reader cannot tell which.
pub fn rewrite_two_sided_traced(
    body: &[Line],
    label: &dyn Fn(&str) -> Option<Label>,
    income: &Half,
    expense: &Half,
    unit: Unit,
    tried: &mut bool,
) -> Option<Rewritten> {
    // Most lines hold one number at most, and several a number alone.
    let numbers = |l: &Line| {
        l.text
            .split(' ')
            .filter(|w| number_tok(w).is_some())
            .count()
    };
    let lone = body
        .iter()
        .filter(|l| !l.text.contains(' ') && numbers(l) == 1)
        .count();
    let crowded = body.iter().filter(|l| numbers(l) > 1).count();
    if body.len() < MIN_LINES || lone < 4 || crowded * 5 > body.len() {
        return None;
    }
    let toks = words(body)?;
    // Words of one line joined; a line that completes the label above it joined to it.
    let mut texts: Vec<Token> = Vec::new();
    for (t, continues) in toks {
        if let (
            Tok::Name(w),
            true,
            Some(Token {
                tok: Tok::Name(prev),
                lines,
            }),
        ) = (&t.tok, continues, texts.last_mut())
        {
            prev.push(' ');
            prev.push_str(w);
            lines.extend(&t.lines);
            continue;
        }
        if let (
            Tok::Name(w),
            Some(Token {
                tok: Tok::Name(prev),
                lines,
            }),
        ) = (&t.tok, texts.last_mut())
        {
            let whole = format!("{prev}{w}");
            if label(prev).is_none() && label(&whole).is_some() {
                *prev = whole;
                lines.extend(&t.lines);
                continue;
            }
        }
        texts.push(t);
    }
    // A label printed with spaces between its characters, a word a line ("收 / 入 / 总 / 计",
    // the last two joined above as "总计"): its fragments joined where none but the last is a
    // label and the whole is.
    let mut joined: Vec<Token> = Vec::with_capacity(texts.len());
    let mut i = 0;
    while i < texts.len() {
        let name = |j: usize| match texts.get(j).map(|t| &t.tok) {
            Some(Tok::Name(w)) => Some((w.as_str(), label(w).is_some())),
            _ => None,
        };
        let mut whole = String::new();
        let mut end = None;
        for j in i..texts.len().min(i + MAX_FRAGMENTS) {
            let Some((w, labelled)) = name(j) else { break };
            if labelled && j == i {
                break;
            }
            whole.push_str(w);
            if j > i && label(&whole).is_some() {
                end = Some(j);
                break;
            }
            if labelled {
                break;
            }
        }
        match end {
            Some(j) => {
                let lines = texts[i..=j].iter().flat_map(|t| t.lines.clone()).collect();
                joined.push(Token {
                    tok: Tok::Name(whole),
                    lines,
                });
                i = j + 1;
            }
            None => {
                joined.push(texts[i].clone());
                i += 1;
            }
        }
    }
    // A class's code printed on its own before the class's name is the name's; any other
    // 3-digit number is an amount.
    let mut coded: Vec<(Token, Option<(String, LineNo)>)> = Vec::with_capacity(joined.len());
    let mut code: Option<(String, LineNo)> = None;
    for (k, t) in joined.iter().enumerate() {
        if let Tok::Part(p) = &t.tok {
            let names_it = matches!(
                joined.get(k + 1).map(|t| &t.tok),
                Some(Tok::Name(w)) if class_name(p) == Some(schema::compact_label(w).as_str())
            );
            if names_it {
                code = Some((p.clone(), t.lines.first().copied().unwrap_or(0)));
            } else {
                let tok = Tok::Amount(super::numbers::decimal(p));
                coded.push((
                    Token {
                        tok,
                        lines: t.lines.clone(),
                    },
                    None,
                ));
            }
            continue;
        }
        coded.push((t.clone(), code.take()));
    }
    let column_title = |w: &str| {
        schema::strip_ordinal(w) == w && income.titles.iter().chain(&expense.titles).any(|t| t == w)
    };
    let mut header: Vec<(String, LineNo)> = Vec::new();
    let mut groups: Vec<(Group, Label)> = Vec::new();
    // The labels and amounts in printed order, for a table printed in blocks.
    let mut pieces: Vec<Piece> = Vec::new();
    // Whether every amount follows a label (each label taking the amounts printed after it).
    let mut in_rows = true;
    for (t, code) in coded {
        let line = t.lines.first().copied().unwrap_or(0);
        match t.tok {
            Tok::Name(w) => match label(&w).filter(|_| !column_title(&w)) {
                Some(kind) => {
                    pieces.push(Piece::Label);
                    let mut lines = t.lines;
                    lines.extend(code.as_ref().map(|(_, l)| *l));
                    lines.sort_unstable();
                    groups.push((
                        Group {
                            code: code.map(|(c, _)| c),
                            label: w,
                            lines,
                            amounts: Vec::new(),
                        },
                        kind,
                    ));
                }
                None => header.push((w, line)),
            },
            Tok::Amount(v) => {
                pieces.push(Piece::Amount(v, line));
                match groups.last_mut() {
                    Some((g, _)) => g.amounts.push((v, line)),
                    // An amount before any label.
                    None => in_rows = false,
                }
            }
            _ => return None,
        }
    }
    let groups = if in_rows && confirmed(&groups, income, expense, unit) {
        groups
    } else {
        // Printed in blocks: the one assignment of the amounts to the rows that the table's
        // identities allow, the rows then paired as a copy that keeps its rows prints them.
        // Of two labels of one total, one printed before any amount is the header's words
        // ("基本支出 / 合计" over the columns, joined as one label).
        let total_label = |k: &Label| {
            matches!(
                k,
                Label::Income { grand: true }
                    | Label::Expense { total: true, .. }
                    | Label::Expense { grand: true, .. }
            )
        };
        let before_amounts = pieces
            .iter()
            .take_while(|p| matches!(p, Piece::Label))
            .count();
        let header_words: Vec<bool> = (0..groups.len())
            .map(|i| {
                i < before_amounts
                    && total_label(&groups[i].1)
                    && groups[i + 1..].iter().any(|(_, k)| *k == groups[i].1)
            })
            .collect();
        let mut labels: Vec<(Group, Label)> = Vec::with_capacity(groups.len());
        let mut kept: Vec<Piece> = Vec::with_capacity(pieces.len());
        let mut at = 0usize;
        for p in &pieces {
            if let Piece::Label = p {
                let (mut g, k) = groups[at].clone();
                if header_words[at] {
                    header.push((g.label.clone(), g.lines.first().copied().unwrap_or(0)));
                } else {
                    g.amounts.clear();
                    labels.push((g, k));
                    kept.push(*p);
                }
                at += 1;
            } else {
                kept.push(*p);
            }
        }
        let assigned = by_print_order(&labels, &kept, income, expense, unit, tried)?;
        if !confirmed(&assigned, income, expense, unit) {
            return None;
        }
        paired(assigned)?
    };
    // One line per label, a 收入 label's line taking the 支出 label printed after it.
    let mut out = Rewritten {
        lines: Vec::new(),
        groups: HashMap::new(),
    };
    let taken: Vec<LineNo> = groups.iter().flat_map(|(g, _)| g.lines.clone()).collect();
    if let Some(&(_, no)) = header.iter().find(|(_, l)| !taken.contains(l)) {
        let text = header
            .iter()
            .map(|(w, _)| w.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        out.lines.push(Line::new(no, text));
    }
    let income_at = |i: usize| {
        groups
            .get(i)
            .is_some_and(|(_, k)| matches!(k, Label::Income { .. }))
    };
    let expense_at = |i: usize| {
        groups
            .get(i)
            .is_some_and(|(_, k)| matches!(k, Label::Expense { .. }))
    };
    let mut i = 0;
    while i < groups.len() {
        // A 收入 label with the 支出 label after it; a 支出 label left alone with a 收入 label
        // after it that is left alone too ("支出总计 … 收入总计 …").
        let line_groups: Vec<Group> = if income_at(i) && expense_at(i + 1) {
            i += 2;
            vec![groups[i - 2].0.clone(), groups[i - 1].0.clone()]
        } else if expense_at(i) && income_at(i + 1) && !expense_at(i + 2) {
            i += 2;
            vec![groups[i - 1].0.clone(), groups[i - 2].0.clone()]
        } else {
            i += 1;
            vec![groups[i - 1].0.clone()]
        };
        let Some(g) = line_groups.first() else { break };
        let no = g.lines.first().copied().unwrap_or(0);
        let text = line_groups
            .iter()
            .map(|g| {
                g.code
                    .iter()
                    .cloned()
                    .chain(std::iter::once(g.label.clone()))
                    .chain(g.amounts.iter().map(|(v, _)| amount_text(*v)))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join(" ");
        if out.groups.insert(no, line_groups).is_some() || out.lines.iter().any(|l| l.no == no) {
            return None;
        }
        out.lines.push(Line::new(no, text));
    }
    Some(out)
}

/// A label or an amount, in printed order.
#[derive(Debug, Clone, Copy)]
enum Piece {
    Label,
    Amount(Option<Decimal>, LineNo),
}

/// Whether the amounts given to a two-sided table's labels hold: every label's amounts fit its
/// half's columns, the 类 add up to the 支出 total, and the two halves' 总计 agree.
fn confirmed(groups: &[(Group, Label)], income: &Half, expense: &Half, unit: Unit) -> bool {
    // Every label's amounts fit its half.
    let fits = |g: &Group, kind: Label| {
        let half = match kind {
            Label::Income { .. } => income,
            Label::Expense { .. } => expense,
        };
        let values: Vec<Option<Decimal>> = g.amounts.iter().map(|(v, _)| *v).collect();
        values.is_empty()
            || fits_columns(
                &values,
                &Input {
                    body: &[],
                    header: &[],
                    ncols: half.ncols,
                    identities: half.identities.clone(),
                    titles: Vec::new(),
                    unit,
                },
            )
    };
    if groups.is_empty() || !groups.iter().all(|(g, k)| fits(g, *k)) {
        return false;
    }
    // The 类 add up to the 支出 total.
    let first = |g: &Group| g.amounts.first().and_then(|(v, _)| *v).unwrap_or_default();
    let classes: Vec<&Group> = groups
        .iter()
        .filter(|(_, k)| matches!(k, Label::Expense { class: true, .. }))
        .map(|(g, _)| g)
        .collect();
    let sum: Decimal = classes.iter().map(|g| first(g)).sum();
    let totals: Vec<&Group> = groups
        .iter()
        .filter(|(_, k)| matches!(k, Label::Expense { total: true, .. }))
        .map(|(g, _)| g)
        .collect();
    let [total] = totals.as_slice() else {
        return false;
    };
    if (first(total) - sum).abs() > tolerance(unit, classes.len()) {
        return false;
    }
    // The two halves' 总计 agree (the table balances): an amount taken by the wrong label on
    // the 收入 half would show here.
    let grand = |income: bool| {
        groups
            .iter()
            .find(|(_, k)| match k {
                Label::Income { grand } => income && *grand,
                Label::Expense { grand, .. } => !income && *grand,
            })
            .map(|(g, _)| first(g))
    };
    matches!((grand(true), grand(false)), (Some(a), Some(b)) if (a - b).abs() <= tolerance(unit, 0))
}

/// The most labels and amounts of a two-sided table assigned by [`by_print_order`].
const MAX_ORDER_LABELS: usize = 80;
const MAX_ORDER_AMOUNTS: usize = 240;
/// The most words a label printed a fragment a line is joined from.
const MAX_FRAGMENTS: usize = 8;
/// The most steps spent assigning them.
const MAX_ORDER_WORK: usize = 100_000;

/// Reads a two-sided table (收支总表) that a copy printed in blocks (pdftotext in reading order:
/// "一、财政拨款收入 / 1、一般公共预算资金 / 371,514,655.00 一、一般公共服务支出 / …", a row's
/// 公用经费 printed after the next row's amounts, the 总计 row's last cells after the 收入总计).
///
/// Each label is a row of its half, the rows of a half in printed order. Every amount goes to one
/// cell so that: its row's label is printed before it; a row's amounts are printed in the order
/// of its columns, and a column's amounts in the order of its rows (a copy reads a row left to
/// right and a column top to bottom, however it interleaves them); every row's identities hold
/// (合计 = 人员经费 + 公用经费 + 项目支出, an empty cell counting 0); every column of the 类
/// adds up to the 支出 total's; and the 收入总计 equals the 支出总计. The labels are returned with
/// their amounts only when every assignment that holds gives each row the same amounts; `None`
/// when none does (`none_holds` is then set: every assignment was tried), when two differ, or
/// past the bounds.
fn by_print_order(
    labels: &[(Group, Label)],
    pieces: &[Piece],
    income: &Half,
    expense: &Half,
    unit: Unit,
    none_holds: &mut bool,
) -> Option<Vec<(Group, Label)>> {
    let amounts: Vec<(Option<Decimal>, LineNo, usize)> = {
        let mut seen = 0usize;
        let mut out = Vec::new();
        for p in pieces {
            match *p {
                Piece::Label => seen += 1,
                Piece::Amount(v, l) => out.push((v, l, seen)),
            }
        }
        out
    };
    if labels.is_empty()
        || labels.len() > MAX_ORDER_LABELS
        || amounts.is_empty()
        || amounts.len() > MAX_ORDER_AMOUNTS
        || income.ncols == 0
        || expense.ncols == 0
        || income.ncols.max(expense.ncols) > MAX_COLS
    {
        return None;
    }
    let half_of: Vec<usize> = labels
        .iter()
        .map(|(_, k)| usize::from(matches!(k, Label::Expense { .. })))
        .collect();
    let mut index_in_half = vec![0usize; labels.len()];
    let mut rows_of_half: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    for (r, &h) in half_of.iter().enumerate() {
        index_in_half[r] = rows_of_half[h].len();
        rows_of_half[h].push(r);
    }
    let find = |f: &dyn Fn(&Label) -> bool| -> Vec<usize> {
        (0..labels.len()).filter(|&r| f(&labels[r].1)).collect()
    };
    let classes = find(&|k| matches!(k, Label::Expense { class: true, .. }));
    let [total] = find(&|k| matches!(k, Label::Expense { total: true, .. }))[..] else {
        return None;
    };
    let [grand_in] = find(&|k| matches!(k, Label::Income { grand: true }))[..] else {
        return None;
    };
    let [grand_out] = find(&|k| matches!(k, Label::Expense { grand: true, .. }))[..] else {
        return None;
    };
    let order = Order {
        half_of,
        index_in_half,
        rows_of_half,
        ncols: [income.ncols, expense.ncols],
        identities: [&income.identities, &expense.identities],
        values: amounts
            .iter()
            .map(|(v, _, _)| v.unwrap_or_default())
            .collect(),
        after: amounts.iter().map(|&(_, _, seen)| seen).collect(),
        classes,
        total,
        grands: (grand_in, grand_out),
        unit,
        signed: amounts
            .iter()
            .any(|(v, _, _)| v.is_some_and(|v| v.is_sign_negative())),
        left: (0..=amounts.len())
            .map(|k| {
                let mut v: Vec<Decimal> = amounts[k..]
                    .iter()
                    .map(|(v, _, _)| v.unwrap_or_default())
                    .collect();
                v.sort_unstable_by(super::numbers::descending);
                v
            })
            .collect(),
    };
    let mut state = OrderState {
        cells: labels
            .iter()
            .enumerate()
            .map(|(r, _)| vec![None; order.ncols[order.half_of[r]]])
            .collect(),
        last_col: vec![None; labels.len()],
        last_row: [vec![None; income.ncols], vec![None; expense.ncols]],
    };
    let mut found: Vec<Vec<Vec<usize>>> = Vec::new();
    let mut work = 0usize;
    if !order.assign(0, &mut state, &mut found, &mut work) {
        return None;
    }
    *none_holds = found.is_empty();
    let [one] = <[Vec<Vec<usize>>; 1]>::try_from(found).ok()?;
    Some(
        labels
            .iter()
            .zip(one)
            .map(|((g, k), taken)| {
                let mut g = g.clone();
                g.amounts = taken
                    .iter()
                    .filter_map(|&a| amounts.get(a).map(|&(v, l, _)| (v, l)))
                    .collect();
                (g, *k)
            })
            .collect(),
    )
}

/// A two-sided table's rows and amounts as [`by_print_order`] assigns them.
struct Order<'a> {
    /// Each row's half: 0 收入, 1 支出.
    half_of: Vec<usize>,
    /// Each row's place among its half's rows.
    index_in_half: Vec<usize>,
    rows_of_half: [Vec<usize>; 2],
    ncols: [usize; 2],
    identities: [&'a [(usize, Vec<usize>)]; 2],
    /// Each amount's value (a dash 0) and how many labels are printed before it.
    values: Vec<Decimal>,
    after: Vec<usize>,
    /// The 类 rows, the 支出 total they add up to, and the two 总计.
    classes: Vec<usize>,
    total: usize,
    grands: (usize, usize),
    unit: Unit,
    /// Whether some amount is negative (else a total that its parts already pass is refused
    /// before its row is closed).
    signed: bool,
    /// The values of amounts `k..`, largest first, for each `k`: what is left to fill the cells
    /// still open once amounts `..k` are placed.
    left: Vec<Vec<Decimal>>,
}

/// The cells filled so far (amount indices), each row's last filled column and each column's
/// last filled row (its place in its half).
struct OrderState {
    cells: Vec<Vec<Option<usize>>>,
    last_col: Vec<Option<usize>>,
    last_row: [Vec<Option<usize>>; 2],
}

impl Order<'_> {
    /// Whether row `r`'s cell in column `c` can take no more amount (`done`: none is left).
    fn closed(&self, st: &OrderState, r: usize, c: usize, done: bool) -> bool {
        let h = self.half_of[r];
        done || st.last_col[r].is_some_and(|l| c <= l)
            || st.last_row[h]
                .get(c)
                .copied()
                .flatten()
                .is_some_and(|x| x > self.index_in_half[r])
    }

    fn value(&self, st: &OrderState, r: usize, c: usize) -> Decimal {
        st.cells[r]
            .get(c)
            .copied()
            .flatten()
            .map_or(Decimal::ZERO, |a| self.values[a])
    }

    /// Whether row `r`'s identities hold, as far as its cells are closed.
    fn row_holds(&self, st: &OrderState, r: usize, done: bool) -> bool {
        let h = self.half_of[r];
        self.identities[h].iter().all(|(t, parts)| {
            let sum: Decimal = parts.iter().map(|&p| self.value(st, r, p)).sum();
            let all_closed = std::iter::once(t)
                .chain(parts)
                .all(|&c| self.closed(st, r, c, done));
            let tol = tolerance(self.unit, parts.len());
            if all_closed {
                (self.value(st, r, *t) - sum).abs() <= tol
            } else if !self.signed && self.closed(st, r, *t, done) {
                sum - self.value(st, r, *t) <= tol
            } else {
                true
            }
        })
    }

    /// Whether every column of the 类 adds up to the 支出 total's, as far as closed, and the
    /// two 总计 agree once both are.
    fn sums_hold(&self, st: &OrderState, done: bool) -> bool {
        let columns = (0..self.ncols[1]).all(|c| {
            let all_closed = self
                .classes
                .iter()
                .chain([&self.total])
                .all(|&r| self.closed(st, r, c, done));
            !all_closed || {
                let sum: Decimal = self.classes.iter().map(|&r| self.value(st, r, c)).sum();
                (self.value(st, self.total, c) - sum).abs()
                    <= tolerance(self.unit, self.classes.len())
            }
        });
        let (i, o) = self.grands;
        let grand = !(self.closed(st, i, 0, done) && self.closed(st, o, 0, done))
            || (st.cells[i][0].is_some()
                && st.cells[o][0].is_some()
                && (self.value(st, i, 0) - self.value(st, o, 0)).abs() <= tolerance(self.unit, 0));
        columns && grand
    }

    /// Whether the cells still open can complete every sum begun, with the amounts `from..`
    /// (each goes to one cell): a row whose 合计 is placed needs the amounts its open columns
    /// take to make up what its parts placed lack, and so does a column of the 类 whose total
    /// is placed; a column of the 类 whose total is still to come needs an amount left as large
    /// as its 类 have so far (when no amount is negative). A wrong placement early in the table
    /// thus fails at once instead of when its row and column are closed, rows later.
    fn can_complete(&self, st: &OrderState, from: usize, work: &mut usize) -> bool {
        let left = self.left.get(from).map_or(&[][..], Vec::as_slice);
        let open = |r: usize, c: usize| st.cells[r][c].is_none() && !self.closed(st, r, c, false);
        for (r, cells) in st.cells.iter().enumerate() {
            let h = self.half_of[r];
            for (t, parts) in self.identities[h] {
                if cells.get(*t).copied().flatten().is_none() {
                    continue;
                }
                let lack = self.value(st, r, *t)
                    - parts.iter().map(|&p| self.value(st, r, p)).sum::<Decimal>();
                let tol = tolerance(self.unit, parts.len());
                let m = parts.iter().filter(|&&p| open(r, p)).count();
                if lack.abs() > tol && m > 0 && !self.reach(left, lack, m, tol, work) {
                    return false;
                }
            }
        }
        let tol = tolerance(self.unit, self.classes.len());
        for c in 0..self.ncols[1] {
            let sum: Decimal = self.classes.iter().map(|&r| self.value(st, r, c)).sum();
            let m = self.classes.iter().filter(|&&r| open(r, c)).count();
            let lack = if st.cells[self.total][c].is_some() || !open(self.total, c) {
                self.value(st, self.total, c) - sum
            } else if sum.abs() <= tol || self.signed {
                continue;
            } else if m == 0 {
                // The total is an amount still to come, equal to the 类's sum.
                if left.iter().any(|v| (*v - sum).abs() <= tol) {
                    continue;
                }
                return false;
            } else {
                // The total is an amount still to come, the 类 still open making up the rest.
                let holds = (0..left.len()).any(|i| {
                    let v = left[i];
                    if (i > 0 && left[i - 1] == v) || v < sum - tol {
                        return false;
                    }
                    let mut rest = left.to_vec();
                    rest.remove(i);
                    self.reach(&rest, v - sum, m, tol, work)
                });
                if holds {
                    continue;
                }
                return false;
            };
            if lack.abs() > tol && m > 0 && !self.reach(left, lack, m, tol, work) {
                return false;
            }
        }
        // The two 总计 agree: one placed, the other is still to come.
        let (i, o) = self.grands;
        for (a, b) in [(i, o), (o, i)] {
            if st.cells[a][0].is_some() && st.cells[b][0].is_none() && open(b, 0) {
                let v = self.value(st, a, 0);
                if !left
                    .iter()
                    .any(|x| (*x - v).abs() <= tolerance(self.unit, 0))
                {
                    return false;
                }
            }
        }
        true
    }

    /// Whether at most `m` of the amounts `left` (largest first, each used once) add up to
    /// `target`; true past the bounds (nothing is then ruled out).
    fn reach(
        &self,
        left: &[Decimal],
        target: Decimal,
        m: usize,
        tol: Decimal,
        work: &mut usize,
    ) -> bool {
        *work += 1;
        if target.abs() <= tol {
            return true;
        }
        if m == 0 || *work > MAX_ORDER_WORK {
            return m > 0;
        }
        if !self.signed {
            if target < Decimal::ZERO {
                return false;
            }
            let most: Decimal = left.iter().take(m).sum();
            if most < target - tol {
                return false;
            }
        }
        for (i, &v) in left.iter().enumerate() {
            if i > 0 && left[i - 1] == v {
                continue;
            }
            if !self.signed && v > target + tol {
                continue;
            }
            if !self.signed && v * Decimal::from(m as u64) < target - tol {
                // Every amount from here is at most `v`: `m` of them fall short.
                return false;
            }
            if self.reach(&left[i + 1..], target - v, m - 1, tol, work) {
                return true;
            }
        }
        false
    }

    /// Assigns amount `k` and those after it; false past the bounds. Each assignment that
    /// holds adds the amounts of every row (in column order) to `found` unless the same values
    /// are there already; the search stops at two.
    fn assign(
        &self,
        k: usize,
        st: &mut OrderState,
        found: &mut Vec<Vec<Vec<usize>>>,
        work: &mut usize,
    ) -> bool {
        *work += 1;
        if *work > MAX_ORDER_WORK {
            return false;
        }
        if found.len() > 1 {
            return true;
        }
        if k == self.values.len() {
            let holds = (0..st.cells.len()).all(|r| self.row_holds(st, r, true))
                && self.sums_hold(st, true);
            if holds {
                let rows: Vec<Vec<usize>> = st
                    .cells
                    .iter()
                    .map(|row| row.iter().flatten().copied().collect())
                    .collect();
                let values = |rows: &[Vec<usize>]| -> Vec<Vec<Decimal>> {
                    rows.iter()
                        .map(|r| r.iter().map(|&a| self.values[a]).collect())
                        .collect()
                };
                if found.iter().all(|f| values(f) != values(&rows)) {
                    found.push(rows);
                }
            }
            return true;
        }
        for r in 0..self.after[k].min(st.cells.len()) {
            let h = self.half_of[r];
            let i = self.index_in_half[r];
            // A row's first amount is its first column's (合计).
            let cols = match st.last_col[r] {
                None => 0..1,
                Some(c) => c + 1..self.ncols[h],
            };
            for c in cols {
                if st.last_row[h][c].is_some_and(|x| x >= i) {
                    continue;
                }
                let (col_before, row_before) = (st.last_col[r], st.last_row[h][c]);
                st.cells[r][c] = Some(k);
                st.last_col[r] = Some(c);
                st.last_row[h][c] = Some(i);
                let holds = self.rows_of_half[h]
                    .iter()
                    .all(|&q| self.row_holds(st, q, false))
                    && self.sums_hold(st, false)
                    && self.can_complete(st, k + 1, work);
                let within = !holds || self.assign(k + 1, st, found, work);
                st.cells[r][c] = None;
                st.last_col[r] = col_before;
                st.last_row[h][c] = row_before;
                if !within {
                    return false;
                }
            }
        }
        true
    }
}

/// The labels of a two-sided table reordered as a copy that keeps its rows prints them: the
/// n-th 收入 row beside the n-th 支出 row, the rows left over alone, the two 总计 together last
/// (`None` unless each is its half's last row).
fn paired(groups: Vec<(Group, Label)>) -> Option<Vec<(Group, Label)>> {
    let grand = |k: &Label| {
        matches!(
            k,
            Label::Income { grand: true } | Label::Expense { grand: true, .. }
        )
    };
    let (income, expense): (Vec<_>, Vec<_>) = groups
        .into_iter()
        .partition(|(_, k)| matches!(k, Label::Income { .. }));
    let (Some(gi), Some(go)) = (income.last(), expense.last()) else {
        return None;
    };
    if !grand(&gi.1) || !grand(&go.1) {
        return None;
    }
    let (ni, no) = (income.len() - 1, expense.len() - 1);
    let mut income = income.into_iter();
    let mut expense = expense.into_iter();
    let mut out = Vec::with_capacity(ni + no + 2);
    for _ in 0..ni.min(no) {
        out.extend(income.next());
        out.extend(expense.next());
    }
    for _ in ni.min(no)..ni {
        out.extend(income.next());
    }
    for _ in ni.min(no)..no {
        out.extend(expense.next());
    }
    out.extend(income);
    out.extend(expense);
    Some(out)
}

/// Rewrites a table whose amounts form one row (the Shanghai “三公” table) printed one number
/// per line: the numbers, in printed order, on one line where the first was printed; the words
/// stay where they are.
pub fn rewrite_numbers(body: &[Line]) -> Option<Rewritten> {
    let lone = |l: &Line| !l.text.contains(' ') && number_tok(&l.text).is_some();
    let numbers: Vec<&Line> = body.iter().filter(|l| lone(l)).collect();
    let with_numbers = body
        .iter()
        .filter(|l| l.text.split(' ').any(|w| number_tok(w).is_some()))
        .count();
    // Every number alone on its line, and more than one of them.
    if numbers.len() < 2 || with_numbers != numbers.len() || numbers.len() > MAX_TOKENS {
        return None;
    }
    let first = numbers.first()?.no;
    let amounts: Vec<(Option<Decimal>, LineNo)> = numbers
        .iter()
        .filter_map(|l| match number_tok(&l.text)? {
            Tok::Amount(v) => Some((v, l.no)),
            Tok::Part(p) => Some((super::numbers::decimal(&p), l.no)),
            _ => None,
        })
        .collect();
    let text = amounts
        .iter()
        .map(|(v, _)| amount_text(*v))
        .collect::<Vec<_>>()
        .join(" ");
    let mut lines = Vec::with_capacity(body.len());
    for l in body {
        if l.no == first {
            lines.push(Line::new(first, text.clone()));
        } else if !lone(l) {
            lines.push(l.clone());
        }
    }
    let mut groups = HashMap::new();
    groups.insert(
        first,
        vec![Group {
            code: None,
            label: String::new(),
            lines: Vec::new(),
            amounts,
        }],
    );
    Some(Rewritten { lines, groups })
}

/// Rewrites a table whose rows are printed label first, then each of its numbers on a line of
/// its own ("合 计" / "246" / "167.37" / "因公出国(境)费" / "0" / "0": a “三公” table with an item a
/// row, as a copy printing one cell per line gives it): each label with the numbers printed
/// after it on one line, at the label's line. `known` says whether a line's words are a row's
/// label. `None` unless at least two known labels are each followed by numbers and every number
/// printed alone follows a label or another such number (so a table whose numbers stand apart
/// from its labels is left to the other readers), but for the header's column numbers ("1" /
/// "2" / "3" … before the first label), which are dropped.
pub fn rewrite_label_runs(body: &[Line], known: &dyn Fn(&str) -> bool) -> Option<Rewritten> {
    let lone = |l: &Line| !l.text.contains(' ') && number_tok(&l.text).is_some();
    let value = |l: &Line| match number_tok(&l.text)? {
        Tok::Amount(v) => Some(v),
        Tok::Part(p) => Some(super::numbers::decimal(&p)),
        Tok::TotalLabel | Tok::Name(_) => None,
    };
    let mut lines = Vec::with_capacity(body.len());
    let mut groups = HashMap::new();
    // The label line being filled: its index in `lines`, and its group.
    let mut open: Option<(usize, Group)> = None;
    let mut runs = 0;
    // Whether the first row prints its amounts with decimals only ("合计 9.60 9.60"): a bare
    // integer after such rows is no amount but a page's number ("20") or a note's.
    let mut decimals: Option<bool> = None;
    let mut stray = false;
    let close = |open: &mut Option<(usize, Group)>,
                 lines: &mut Vec<Line>,
                 groups: &mut HashMap<LineNo, Vec<Group>>,
                 runs: &mut usize,
                 decimals: &mut Option<bool>| {
        if let Some((at, g)) = open.take() {
            if !g.amounts.is_empty() {
                *runs += 1;
                decimals.get_or_insert_with(|| {
                    g.amounts
                        .iter()
                        .all(|(v, _)| v.is_none_or(|v| v.is_zero() || v.scale() > 0))
                });
                let nums: Vec<String> = g.amounts.iter().map(|(v, _)| amount_text(*v)).collect();
                let no = lines[at].no;
                lines[at] = Line::new(no, format!("{} {}", g.label, nums.join(" ")));
                groups.insert(no, vec![g]);
            }
        }
    };
    // The header's column numbers ("※" / "1" / "2" / "3" / "4") before the first label.
    let mut column = 0u32;
    for l in body {
        if lone(l) {
            if runs == 0 && open.is_none() && l.text == (column + 1).to_string() {
                column += 1;
                continue;
            }
            let v = value(l)?;
            if decimals == Some(true) && v.is_some_and(|v| !v.is_zero() && v.scale() == 0) {
                // Dropped when nothing follows it but words; a row after it is left to the
                // other readers (`stray`).
                close(&mut open, &mut lines, &mut groups, &mut runs, &mut decimals);
                stray = true;
                continue;
            }
            let (_, g) = open.as_mut()?;
            if stray {
                return None;
            }
            g.amounts.push((v, l.no));
            continue;
        }
        close(&mut open, &mut lines, &mut groups, &mut runs, &mut decimals);
        // After the first known label, any line of words opens a row: a label the reader does
        // not know keeps its numbers (its row is then reported unread) rather than letting
        // them join another row's.
        let has_number = l.text.split(' ').any(|w| number_tok(w).is_some());
        if !has_number && (runs > 0 || known(l.compact())) {
            open = Some((
                lines.len(),
                Group {
                    code: None,
                    label: l.text.clone(),
                    lines: vec![l.no],
                    amounts: Vec::new(),
                },
            ));
        }
        lines.push(l.clone());
    }
    close(&mut open, &mut lines, &mut groups, &mut runs, &mut decimals);
    (runs >= 2).then_some(Rewritten { lines, groups })
}

// ---------------------------------------------------------------------------------------------
// A table printed column by column.

/// The 类 parts of a table printed column by column: every 3-digit part printed in one run, at
/// least three of them ("201 / 201 / 201 / 208 / …", caizhengju's 一般公共预算财政拨款支出决算表).
fn class_column(toks: &[Token]) -> Option<Vec<(String, LineNo)>> {
    let at: Vec<usize> = (0..toks.len())
        .filter(|&p| matches!(&toks[p].tok, Tok::Part(x) if x.len() == 3))
        .collect();
    let (first, last) = (*at.first()?, *at.last()?);
    (at.len() >= 3 && last - first + 1 == at.len()).then(|| {
        at.iter()
            .filter_map(|&p| match &toks[p].tok {
                Tok::Part(x) => Some((x.clone(), toks[p].lines.first().copied().unwrap_or(0))),
                _ => None,
            })
            .collect()
    })
}

/// Code parts with their lines.
type Parts = Vec<(String, LineNo)>;

/// A row's amounts with their lines.
type Amounts = Vec<(Option<Decimal>, LineNo)>;

/// The codes of a table printed column by column, from its 类 column and its 2-digit parts:
/// within each run of one 类, the first row is the 类's and the others have a 款 part; among
/// rows with the same 款 the first is the 款's and the others have a 项 part. The 款 and 项
/// columns may be printed 类 by 类 (each 类's 款 parts, then its 项 parts) or whole (every 款
/// part, then every 项 part): every reading that holds is returned.
fn column_codes(classes: &[(String, LineNo)], parts: &[(String, LineNo)]) -> Vec<Vec<CodeRead>> {
    // Runs of one 类: (class, index of its first row, rows).
    let mut runs: Vec<(&str, usize, usize)> = Vec::new();
    for (i, (c, _)) in classes.iter().enumerate() {
        match runs.last_mut() {
            Some((last, _, n)) if *last == c.as_str() => *n += 1,
            _ => runs.push((c.as_str(), i, 1)),
        }
    }
    let mut out: Vec<Vec<CodeRead>> = Vec::new();
    for whole in [false, true] {
        let Some(split) = split_columns(&runs, parts, whole) else {
            continue;
        };
        if let Some(rows) = codes_of(classes, &runs, &split) {
            if !out.contains(&rows) {
                out.push(rows);
            }
        }
    }
    out
}

/// How many 项 parts a run of 款 parts calls for: its rows after the first of each 款.
fn xiang_count(kuan: &[(String, LineNo)]) -> usize {
    kuan.windows(2).filter(|w| w[0].0 == w[1].0).count()
}

/// The 款 and 项 parts of each run of one 类, the columns printed 类 by 类 or `whole`; `None`
/// unless the parts are used up exactly.
fn split_columns(
    runs: &[(&str, usize, usize)],
    parts: &[(String, LineNo)],
    whole: bool,
) -> Option<Vec<(Parts, Parts)>> {
    let kuan_total: usize = runs.iter().map(|&(_, _, n)| n - 1).sum();
    let (mut k_at, mut x_at) = (0usize, if whole { kuan_total } else { 0 });
    let mut out = Vec::with_capacity(runs.len());
    for &(_, _, n) in runs {
        let kuan: Parts = parts.get(k_at..k_at + n - 1)?.to_vec();
        k_at += n - 1;
        let x = xiang_count(&kuan);
        let from = if whole { x_at } else { k_at };
        let xiang: Parts = parts.get(from..from + x)?.to_vec();
        if whole {
            x_at += x;
        } else {
            k_at += x;
        }
        out.push((kuan, xiang));
    }
    let used = if whole { x_at } else { k_at };
    (used == parts.len()).then_some(out)
}

/// The rows' codes from the 类 column and each run's 款 and 项 parts; `None` unless they
/// ascend with every 项 under its 款.
fn codes_of(
    classes: &[(String, LineNo)],
    runs: &[(&str, usize, usize)],
    split: &[(Parts, Parts)],
) -> Option<Vec<CodeRead>> {
    let mut rows: Vec<CodeRead> = Vec::with_capacity(classes.len());
    for (&(class, first, _), (kuan, xiang)) in runs.iter().zip(split) {
        rows.push(CodeRead {
            code: class.to_owned(),
            lines: vec![classes.get(first)?.1],
            pending: false,
        });
        let mut xiang = xiang.iter();
        for (i, (k, kl)) in kuan.iter().enumerate() {
            let mut code = format!("{class}{k}");
            let mut lines = vec![classes.get(first + 1 + i)?.1, *kl];
            if i > 0 && kuan[i - 1].0 == *k {
                let (x, xl) = xiang.next()?;
                code.push_str(x);
                lines.push(*xl);
            }
            rows.push(CodeRead {
                code,
                lines,
                pending: false,
            });
        }
    }
    ordered(&rows).then_some(rows)
}

/// Reads a coded table printed column by column: its codes from the code columns, its names in
/// order, its 合计 column first (one amount per row) and then the other columns, each a run of
/// the rows that print an amount in it, in row order; each row's amounts must add up (合计 = the
/// sum of the others: tables of one identity whose total is their first column, with at most two
/// other columns printed). `None` unless exactly one reading holds.
fn by_columns(
    input: &Input,
    toks: &[Token],
    classes: &[(String, LineNo)],
    names: &[Name],
    amounts: &[(Option<Decimal>, LineNo)],
    labelled: bool,
) -> Option<Rebuilt> {
    let [(0, parts)] = input.identities.as_slice() else {
        return None;
    };
    if parts.len() + 1 != input.ncols || amounts.len() > MAX_AMOUNTS || classes.len() > MAX_ROWS {
        return None;
    }
    let two_digit: Vec<(String, LineNo)> = toks
        .iter()
        .filter_map(|t| match &t.tok {
            Tok::Part(p) if p.len() == 2 => {
                Some((p.clone(), t.lines.first().copied().unwrap_or(0)))
            }
            _ => None,
        })
        .collect();
    let mut found: Vec<Rebuilt> = Vec::new();
    for codes in column_codes(classes, &two_digit) {
        if codes.len() != names.len() {
            continue;
        }
        for at in [TotalAt::First, TotalAt::Last, TotalAt::Absent] {
            if (at == TotalAt::Absent) == labelled {
                continue;
            }
            let mut rows: Vec<Draft> = codes.iter().map(Draft::of_code).collect();
            let label = |first: bool| {
                let mut at = toks.iter().filter(|t| t.tok == Tok::TotalLabel);
                let t = if first { at.next() } else { at.next_back() };
                t.map(|t| t.lines.clone()).unwrap_or_default()
            };
            let total = |first: bool| Draft {
                kind: RowKind::Total,
                code: None,
                name: Some(Name {
                    text: total_label(input, &label(first)),
                    lines: label(first),
                    at: usize::MAX,
                }),
                code_lines: Vec::new(),
                amounts: Vec::new(),
            };
            match at {
                TotalAt::First => rows.insert(0, total(true)),
                TotalAt::Last => rows.push(total(false)),
                TotalAt::Absent => {}
            }
            let n = rows.len();
            let (Some(firsts), Some(rest)) = (amounts.get(..n), amounts.get(n..)) else {
                continue;
            };
            if firsts.iter().any(|(v, _)| v.is_none()) {
                continue;
            }
            for (d, a) in rows.iter_mut().zip(firsts) {
                d.amounts.push(*a);
            }
            if !sums_hold(&rows, input.unit) {
                continue;
            }
            let totals: Vec<Decimal> = firsts.iter().map(|(v, _)| v.unwrap_or_default()).collect();
            let Some(placed) = other_columns(&totals, rest, parts.len(), input.unit) else {
                continue;
            };
            for (d, extra) in rows.iter_mut().zip(placed) {
                d.amounts.extend(extra);
            }
            let starts = vec![0; rows.len()];
            let Some(naming) = name_rows(&rows, &starts, names, toks) else {
                continue;
            };
            if !naming.open.is_empty() {
                continue;
            }
            for (d, j) in rows.iter_mut().zip(&naming.of_row) {
                if let Some(j) = j {
                    d.name = names.get(*j).cloned();
                }
            }
            found.push(Rebuilt {
                rows,
                open: Vec::new(),
                by_order: Vec::new(),
            });
            if found.len() > 1 {
                return None;
            }
        }
    }
    let [one] = <[Rebuilt; 1]>::try_from(found).ok()?;
    Some(one)
}

/// The amounts of the columns after the 合计, printed one column after another, each the run of
/// the rows that print an amount in it: for each row, its amounts in column order, so that they
/// add up to its 合计 (`totals`). At most two columns are printed besides the 合计 (of `parts`
/// the table has); `None` unless exactly one placement holds.
fn other_columns(
    totals: &[Decimal],
    rest: &[(Option<Decimal>, LineNo)],
    parts: usize,
    unit: Unit,
) -> Option<Vec<Amounts>> {
    let n = totals.len();
    let mut found: Option<Vec<Amounts>> = None;
    let close = |a: Decimal, b: Decimal| (a - b).abs() <= tolerance(unit, 1);
    // Where the first column ends and the second begins.
    let splits: Vec<usize> = if parts >= 2 {
        (0..=rest.len()).collect()
    } else {
        vec![rest.len()]
    };
    let mut work = 0usize;
    for s in splits {
        let (one, two) = rest.split_at(s);
        // Depth-first over the rows: whether row r takes the first column's next amount; the
        // second column's then follows from its 合计.
        let mut stack: Vec<(usize, usize, usize, Vec<Amounts>)> =
            vec![(0, 0, 0, Vec::with_capacity(n))];
        while let Some((r, p, q, placed)) = stack.pop() {
            work += 1;
            if work > MAX_COLUMN_WORK {
                return None;
            }
            if r == n {
                if p == one.len() && q == two.len() {
                    if found.is_some() {
                        return None;
                    }
                    found = Some(placed);
                }
                continue;
            }
            let total = totals[r];
            for take in [false, true] {
                let mut mine: Vec<(Option<Decimal>, LineNo)> = Vec::new();
                let mut left = total;
                let mut p2 = p;
                if take {
                    let Some(&(v, l)) = one.get(p) else { continue };
                    left -= v.unwrap_or_default();
                    mine.push((v, l));
                    p2 += 1;
                }
                let mut q2 = q;
                if !close(left, Decimal::ZERO) {
                    match two.get(q) {
                        Some(&(v, l)) if close(v.unwrap_or_default(), left) => {
                            mine.push((v, l));
                            q2 += 1;
                        }
                        _ => continue,
                    }
                }
                let mut next = placed.clone();
                next.push(mine);
                stack.push((r + 1, p2, q2, next));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Col, DocKind, Family, Scope, TableKind};
    use crate::text;

    const WANLI: &str = include_str!("../../../../fixtures/corpus/wanli-2023/pdftotext.txt");
    const ZHENGFU: &str =
        include_str!("../../../../fixtures/corpus/zhengfu-bangongshi-unit-2025/pdftotext.txt");

    /// Lines `from..=to` of a copy (numbered as in the file).
    fn excerpt(text: &str, from: LineNo, to: LineNo) -> Vec<Line> {
        text::lines(text)
            .into_iter()
            .filter(|l| (from..=to).contains(&l.no))
            .collect()
    }

    /// A Shanghai budget's table of `kind`, as `read_all` describes it.
    fn input(body: &[Line], kind: TableKind, unit: Unit) -> Input<'_> {
        let layout = schema::Layout {
            family: Family::Shanghai,
            doc: DocKind::Budget,
            scope: Scope::Department,
        };
        let columns = schema::columns(layout, kind, crate::model::Side::Whole);
        let identities = crate::parse::tables::identities_of(kind, &columns);
        Input {
            body,
            header: &[],
            ncols: columns.len(),
            identities,
            titles: columns
                .iter()
                .map(|c: &Col| c.title().into_owned())
                .collect(),
            unit,
        }
    }

    fn row<'r>(rows: &'r [CellRow], code: &str) -> &'r CellRow {
        rows.iter()
            .find(|r| r.code.as_ref().is_some_and(|c| c.0 == code))
            .unwrap_or_else(|| panic!("no row {code}"))
    }

    fn amounts(r: &CellRow) -> Vec<String> {
        r.amounts
            .iter()
            .map(|(v, _)| v.map(|v| v.to_string()).unwrap_or_default())
            .collect()
    }

    #[test]
    fn a_body_printed_one_cell_per_line_is_read_as_rows() {
        // zhengfu-bangongshi-unit-2025, pdftotext: 2025年预算单位收入预算总表, its body after
        // "单位：元" (a wrapped name, the 208 class's amounts printed after the next name).
        let body = excerpt(ZHENGFU, 194, 402);
        let rows = rebuild_all(&[Some(input(&body, TableKind::Income, Unit::Yuan))])
            .pop()
            .flatten()
            .expect("read");
        assert_eq!(rows.len(), 21);
        let r = row(&rows, "2010399");
        assert_eq!(r.name, "其他政府办公厅（室）及相关机构事务支出");
        assert_eq!(amounts(r), ["20120000.00", "20120000.00"]);
        // Its code, name (two lines) and amounts.
        assert_eq!(
            r.lines,
            [253, 255, 257, 259, 260, 263, 263]
                .into_iter()
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
        );
        let r = row(&rows, "208");
        assert_eq!(r.name, "社会保障和就业支出");
        assert_eq!(amounts(r), ["4213779.28", "4213779.28"]);
        let r = row(&rows, "20805");
        assert_eq!(r.name, "行政事业单位养老支出");
        let total = rows.last().expect("rows");
        assert_eq!(total.kind, RowKind::Total);
        assert_eq!(amounts(total), ["91016775.35", "91016775.35"]);
        assert_eq!(total.lines, [400, 402]);
    }

    #[test]
    fn parts_printed_apart_and_names_printed_late_find_their_rows() {
        // wanli-2023, pdftotext: 2023年部门收入预算总表. "204 / 06 / 204 / 06 / 204 / 99 / 204 /
        // 99 / 07 / 99": the 项 parts of 2040607 and 2049999 printed together; the names of 208
        // and 20805 printed after their children's.
        let body = excerpt(WANLI, 238, 975);
        let rows = rebuild_all(&[Some(input(&body, TableKind::Income, Unit::Yuan))])
            .pop()
            .flatten()
            .expect("read");
        assert_eq!(rows.len(), 67);
        assert_eq!(row(&rows, "2040607").name, "公共法律服务");
        assert_eq!(row(&rows, "2049999").name, "其他公共安全支出");
        assert_eq!(row(&rows, "2012902").name, "一般行政管理事务");
        let r = row(&rows, "208");
        assert_eq!(
            (r.name.as_str(), amounts(r)[0].as_str()),
            ("社会保障和就业支出", "27073236")
        );
        let r = row(&rows, "20805");
        assert_eq!(
            (r.name.as_str(), amounts(r)[0].as_str()),
            ("行政事业单位养老支出", "6851259")
        );
        let r = row(&rows, "2080505");
        assert_eq!(r.name, "机关事业单位基本养老保险缴费支出");
        assert_eq!(amounts(r), ["4412547", "4412547"]);
        assert_eq!(row(&rows, "2210399").name, "其他城乡社区住宅支出");
    }

    #[test]
    fn amounts_printed_in_blocks_are_placed_by_the_identities() {
        // zhengfu-bangongshi-unit-2025, pdftotext: 2025年预算单位支出预算总表, whose 基本支出 and
        // 项目支出 cells of 2010301–2010399 are printed apart from their rows ("11,919,501.84 /
        // 110,000.00" before 行政运行, "46,140,000.00 / 3,767,295.58 / 40,000.00 /
        // 20,120,000.00" after 208): each row's 合计 follows its name, and the runs left go to
        // the rows they complete, placed where every column adds up (20103's 基本支出
        // 15,686,797.42 = 11,919,501.84 + 3,767,295.58, its 项目支出 66,410,000.00 = 110,000.00 +
        // 46,140,000.00 + 40,000.00 + 20,120,000.00). The rows read as the pypdf copy prints them.
        let body = excerpt(ZHENGFU, 409, 653);
        let rows = rebuild_all(&[Some(input(&body, TableKind::Expense, Unit::Yuan))])
            .pop()
            .flatten()
            .expect("read");
        assert_eq!(rows.len(), 21);
        let r = row(&rows, "2010301");
        assert_eq!(r.name, "行政运行");
        assert_eq!(amounts(r), ["12029501.84", "11919501.84", "110000.00"]);
        assert!(
            r.lines.contains(&444) && r.lines.contains(&460),
            "{:?}",
            r.lines
        );
        let r = row(&rows, "2010302");
        assert_eq!(r.name, "一般行政管理事务");
        assert_eq!(amounts(r), ["46140000.00", "46140000.00"]);
        assert_eq!(
            amounts(row(&rows, "2010350")),
            ["3807295.58", "3767295.58", "40000.00"]
        );
        assert_eq!(
            amounts(row(&rows, "2010399")),
            ["20120000.00", "20120000.00"]
        );
        assert_eq!(amounts(row(&rows, "20805")), ["4213779.28", "4213779.28"]);
        let total = rows.last().expect("rows");
        assert_eq!(total.kind, RowKind::Total);
        assert_eq!(
            amounts(total),
            ["91016775.35", "24606775.35", "66410000.00"]
        );
    }

    #[test]
    fn a_table_printed_in_blocks_across_a_page_break_is_read_by_its_sums() {
        // zhengfu-bangongshi-unit-2025, pdftotext: 2025年预算单位一般公共预算支出功能分类预算表.
        // The last row of its first page prints its amounts before its name ("1,097,073.43 /
        // 1,097,073.43 / 210 / 卫生健康支出"), 2010350's 项目支出 after it ("40,000.00", its
        // 基本支出 3,767,295.58 printed in a block after 208), the first row of the second
        // page its name among the repeated header, after its page's rows ("住房改革支出 / … /
        // 项 / 行政事业单位医疗"). The rows' 合计 add up in one way only; the amounts left
        // complete the rows in one way only; the rows the copy named out of order take the
        // names the 支出预算总表 (read alike) gives their codes.
        let general = excerpt(ZHENGFU, 716, 983);
        let expense = excerpt(ZHENGFU, 409, 653);
        let read = rebuild_all(&[
            Some(input(&general, TableKind::GeneralExpense, Unit::Yuan)),
            Some(input(&expense, TableKind::Expense, Unit::Yuan)),
        ]);
        let rows = read[0].as_ref().expect("read");
        assert_eq!(rows.len(), 21);
        let r = row(rows, "210");
        assert_eq!(r.name, "卫生健康支出");
        assert_eq!(amounts(r), ["1097073.43", "1097073.43"]);
        let r = row(rows, "21011");
        assert_eq!(r.name, "行政事业单位医疗");
        assert_eq!(amounts(r), ["1097073.43", "1097073.43"]);
        assert_eq!(row(rows, "2101101").name, "行政单位医疗");
        assert_eq!(row(rows, "2101102").name, "事业单位医疗");
        assert_eq!(row(rows, "22102").name, "住房改革支出");
        let r = row(rows, "2010350");
        assert_eq!(amounts(r), ["3807295.58", "3767295.58", "40000.00"]);
        assert_eq!(
            amounts(row(rows, "2010301")),
            ["12029501.84", "11919501.84", "110000.00"]
        );
        let total = rows.last().expect("rows");
        assert_eq!(total.kind, RowKind::Total);
        assert_eq!(
            amounts(total),
            ["91016775.35", "24606775.35", "66410000.00"]
        );
        // Alone, the rows named out of order stay open: the table is not read.
        assert_eq!(
            rebuild_all(&[Some(input(&general, TableKind::GeneralExpense, Unit::Yuan))]),
            [None]
        );
    }

    /// A small edit of a real body printed in blocks (the zhengfu copy's 表3 above, in 万元):
    /// the 基本支出 and 项目支出 of 2010301 and 2010302 printed together after the 合计 row.
    const BLOCKS: &str = "项目\n合计\n基本支出\n项目支出\n201\n一般公共服务支出\n30.00\n\
        12.00\n18.00\n201\n03\n政府办公厅（室）及相关机构事务\n30.00\n12.00\n18.00\n201\n\
        03\n01\n行政运行\n10.00\n201\n03\n02\n一般行政管理事务\n20.00\n合计\n30.00\n12.00\n\
        18.00\n10.00\n2.00\n18.00\n";

    /// The same, with 2010301 and 2010302 each 15.00 printed alone.
    const TWINS: &str = "项目\n合计\n基本支出\n项目支出\n201\n一般公共服务支出\n30.00\n\
        15.00\n15.00\n201\n03\n政府办公厅（室）及相关机构事务\n30.00\n15.00\n15.00\n201\n\
        03\n01\n行政运行\n15.00\n201\n03\n02\n一般行政管理事务\n15.00\n合计\n30.00\n15.00\n\
        15.00\n15.00\n15.00\n";

    #[test]
    fn blocks_are_read_only_where_one_placement_holds() {
        // 10.00 can stand in 2010301's 基本支出 or 项目支出 alone; 20103's 基本支出 (12.00 =
        // 10.00 + 2.00) says which.
        let lines = text::lines(BLOCKS);
        let rows = rebuild_all(&[Some(input(&lines, TableKind::Expense, Unit::Wan))])
            .pop()
            .flatten()
            .expect("read");
        assert_eq!(amounts(row(&rows, "2010301")), ["10.00", "10.00"]);
        assert_eq!(amounts(row(&rows, "2010302")), ["20.00", "2.00", "18.00"]);
        assert_eq!(
            amounts(rows.last().expect("rows")),
            ["30.00", "12.00", "18.00"]
        );
        // 15.00 in 行政运行's 基本支出 and in 一般行政管理事务's 项目支出, or the other way round:
        // both add up, so the table is not read.
        let lines = text::lines(TWINS);
        assert_eq!(
            rebuild_all(&[Some(input(&lines, TableKind::Expense, Unit::Wan))]),
            [None]
        );
        // Both placements hold every sum: the copy's order leaves it open, and the table is not
        // said to be unplaced (nothing fails).
        assert_eq!(
            rebuild_all_traced(&[Some(input(&lines, TableKind::Expense, Unit::Wan))]).1,
            [false]
        );
        // A run that completes no row's 合计 leaves the table unread: every placement was tried
        // and none holds, which a figure of the document that does not add up (18.00 printed
        // 19.00) does as well as a copy's order, so the table is said to be unplaced.
        let stray = BLOCKS.replace("2.00\n18.00\n", "2.00\n19.00\n");
        let lines = text::lines(&stray);
        assert_eq!(
            rebuild_all_traced(&[Some(input(&lines, TableKind::Expense, Unit::Wan))]),
            (vec![None], vec![true])
        );
        // Read, it is not.
        let lines = text::lines(BLOCKS);
        let (rows, unplaced) =
            rebuild_all_traced(&[Some(input(&lines, TableKind::Expense, Unit::Wan))]);
        assert!(rows[0].is_some());
        assert_eq!(unplaced, [false]);
    }

    /// A small edit of a real body: 行政运行 and 一般行政管理事务 both printed before their
    /// amounts, so that the order of the names and the name printed before each row's amounts
    /// disagree.
    const LAGGING: &str = "项目\n合计\n基本支出\n项目支出\n201\n一般公共服务支出\n30.00\n\
        30.00\n201\n03\n政府办公厅（室）及相关机构事务\n30.00\n30.00\n201\n03\n01\n行政运行\n201\n\
        03\n02\n一般行政管理事务\n10.00\n10.00\n20.00\n20.00\n合计\n30.00\n30.00\n";

    /// The same rows, each name before its amounts.
    const IN_ORDER: &str = "项目\n合计\n基本支出\n项目支出\n201\n一般公共服务支出\n30.00\n\
        30.00\n201\n03\n政府办公厅（室）及相关机构事务\n30.00\n30.00\n201\n03\n01\n行政运行\n\
        10.00\n10.00\n201\n03\n02\n一般行政管理事务\n20.00\n20.00\n合计\n30.00\n30.00\n";

    #[test]
    fn names_that_two_readings_place_differently_are_not_guessed() {
        let lagging = text::lines(LAGGING);
        let one = input(&lagging, TableKind::GeneralExpense, Unit::Wan);
        assert_eq!(rebuild_all(&[Some(one)]), [None]);
        // Another table of the document that names the codes settles them.
        let in_order = text::lines(IN_ORDER);
        let both = rebuild_all(&[
            Some(input(&lagging, TableKind::GeneralExpense, Unit::Wan)),
            Some(input(&in_order, TableKind::Expense, Unit::Wan)),
        ]);
        let rows = both[0].as_ref().expect("settled by the other table");
        assert_eq!(row(rows, "2010301").name, "行政运行");
        assert_eq!(amounts(row(rows, "2010301")), ["10.00", "10.00"]);
        assert_eq!(row(rows, "2010302").name, "一般行政管理事务");
    }

    #[test]
    fn sums_and_names_must_hold() {
        // A parent that is not the sum of its children.
        let wrong_sum = IN_ORDER.replace("30.00\n201\n03\n01", "31.00\n201\n03\n01");
        let lines = text::lines(&wrong_sum);
        assert_eq!(
            rebuild_all(&[Some(input(&lines, TableKind::Expense, Unit::Wan))]),
            [None]
        );
        // A class that does not bear its class's name, a 99 whose name is not 其他….
        let wrong_class = IN_ORDER.replace("一般公共服务支出", "公共安全支出");
        let lines = text::lines(&wrong_class);
        assert_eq!(
            rebuild_all(&[Some(input(&lines, TableKind::Expense, Unit::Wan))]),
            [None]
        );
        let ninety_nine = IN_ORDER.replace("201\n03\n02\n", "201\n03\n99\n");
        let lines = text::lines(&ninety_nine);
        assert_eq!(
            rebuild_all(&[Some(input(&lines, TableKind::Expense, Unit::Wan))]),
            [None]
        );
        let lines = text::lines(IN_ORDER);
        assert!(rebuild_all(&[Some(input(&lines, TableKind::Expense, Unit::Wan))])[0].is_some());
    }

    #[test]
    fn a_copy_that_keeps_its_rows_is_left_to_the_line_readers() {
        let pypdf = include_str!("../../../../fixtures/corpus/wanli-2023/pypdf.txt");
        let body = excerpt(pypdf, 169, 240);
        assert_eq!(
            rebuild_all(&[Some(input(&body, TableKind::Income, Unit::Yuan))]),
            [None]
        );
        assert!(rewrite_numbers(&excerpt(pypdf, 465, 469)).is_none());
    }

    /// How the labels of a Shanghai budget's 财务收支预算总表 read (as `tables::rewrite` tells).
    fn summary_label(w: &str) -> Option<Label> {
        let c = schema::compact_label(w);
        if schema::SHANGHAI_SUMMARY_INCOME
            .iter()
            .any(|l| l.texts.contains(&c.as_str()))
        {
            return Some(Label::Income {
                grand: c == "收入总计",
            });
        }
        if c == "支出总计" {
            return Some(Label::Expense {
                class: false,
                total: true,
                grand: true,
            });
        }
        schema::class_code_by_name(&c).map(|_| Label::Expense {
            class: true,
            total: false,
            grand: false,
        })
    }

    fn one_column(title: &str) -> Half {
        Half {
            ncols: 1,
            identities: Vec::new(),
            titles: vec![title.to_owned()],
        }
    }

    #[test]
    fn a_two_sided_table_is_rewritten_as_its_rows() {
        // wanli-2023, pdftotext: 2023年部门财务收支预算总表 after "单位：元".
        let body = excerpt(WANLI, 169, 232);
        let rw = rewrite_two_sided(
            &body,
            &summary_label,
            &one_column("预算数"),
            &one_column("预算数"),
            Unit::Yuan,
        )
        .expect("rewritten");
        let texts: Vec<(LineNo, &str)> = rw.lines.iter().map(|l| (l.no, l.text.as_str())).collect();
        assert_eq!(texts[0], (169, "本年收入 项目 本年支出 预算数 项目 预算数"));
        assert_eq!(
            texts[1],
            (
                179,
                "一、财政拨款收入 164978640 一、一般公共服务支出 2976800"
            )
        );
        assert_eq!(texts[3], (191, "2. 政府性基金 三、科学技术支出 100000"));
        assert_eq!(
            texts.last().copied(),
            Some((225, "收入总计 164978640 支出总计 164978640"))
        );
        // The 类 do not add up to the total: not rewritten.
        let edited: Vec<Line> = body
            .iter()
            .map(|l| match l.text.as_str() {
                "100000" => Line::new(l.no, "100001".to_owned()),
                _ => l.clone(),
            })
            .collect();
        let two = |b: &[Line]| {
            rewrite_two_sided(
                b,
                &summary_label,
                &one_column("预算数"),
                &one_column("预算数"),
                Unit::Yuan,
            )
        };
        assert!(two(&edited).is_none());
        // The 收入 总计 does not balance the 支出 总计 (an amount taken by the wrong label would
        // show so): not rewritten.
        let edited: Vec<Line> = body
            .iter()
            .map(|l| match l.no {
                227 => Line::new(l.no, "164978641".to_owned()),
                _ => l.clone(),
            })
            .collect();
        assert!(two(&edited).is_none());
        // zhengfu-bangongshi-unit-2025, pdftotext: a unit's 财务收支预算总表 printed in blocks (the
        // 人员经费, 公用经费 and 项目支出 cells of some rows printed after the 支出总计, the 总计
        // row's last two after the 收入总计): one assignment alone holds, and the rows read as
        // the pypdf copy prints them.
        let body = excerpt(ZHENGFU, 119, 187);
        let rw = four_sided(&body).expect("rewritten");
        let texts: Vec<&str> = rw.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts[1..],
            [
                "一、财政拨款收入 91016775.35 一、一般公共服务支出 82096797.42 13819399.88 1867397.54 66410000.00",
                "1、一般公共预算资金 91016775.35 二、社会保障和就业支出 4213779.28 3948399.28 265380.00",
                "2、政府性基金 三、卫生健康支出 1097073.43 1097073.43",
                "3、国有资本经营预算 四、住房保障支出 3609125.22 3609125.22",
                "二、事业收入",
                "三、事业单位经营收入",
                "四、其他收入",
                "收入总计 91016775.35 支出总计 91016775.35 22473997.81 2132777.54 66410000.00",
            ]
        );
        // One amount changed so that no assignment holds (a 公用经费 that no column adds up
        // with): not rewritten.
        let edited: Vec<Line> = body
            .iter()
            .map(|l| match l.text.as_str() {
                t if t.starts_with("265") => Line::new(l.no, "265381.00".to_owned()),
                _ => l.clone(),
            })
            .collect();
        assert!(four_sided(&edited).is_none());
        // The 一般公共预算资金's amount printed after the 国有资本经营预算 instead: it fits any of
        // the three 收入 rows printed before it, and nothing tells which. Not rewritten.
        let mut moved: Vec<Line> = Vec::new();
        for l in &body {
            match l.text.as_str() {
                t if t.ends_with("二、社会保障和就业支出") => {
                    moved.push(Line::new(l.no, "二、社会保障和就业支出".to_owned()));
                }
                t if t.ends_with("国有资本经营预算") => {
                    moved.push(l.clone());
                    moved.push(Line::new(l.no, "91016775.35".to_owned()));
                }
                _ => moved.push(l.clone()),
            }
        }
        assert_eq!(moved.len(), body.len() + 1);
        assert!(four_sided(&moved).is_none());
    }

    /// A unit's 财务收支预算总表 rewritten: 收入 in one column, 支出 in four (预算数 = 人员经费 +
    /// 公用经费 + 项目支出), amounts in 元.
    fn four_sided(b: &[Line]) -> Option<Rewritten> {
        let four = Half {
            ncols: 4,
            identities: vec![(0, vec![1, 2, 3])],
            titles: ["预算数", "人员经费", "公用经费", "项目支出"]
                .map(str::to_owned)
                .to_vec(),
        };
        rewrite_two_sided(b, &summary_label, &one_column("预算数"), &four, Unit::Yuan)
    }

    #[test]
    fn a_two_sided_table_in_blocks_settles_by_what_its_open_cells_can_still_take() {
        // shangwu-unit-2025, pdftotext: a unit's 财务收支预算总表 printed in blocks (社会保障's
        // 公用经费 after 卫生健康's amounts, 住房保障's 人员经费 after the 支出总计 label, the
        // 总计 row's cells after the 收入总计). Placed amount by amount, a wrong early placement
        // used to show only when its row and column closed, rows later, and the search passed its
        // bound; a row's 合计 whose open columns no amount left can make up, or a column of 类
        // whose total no amount left can be, now fails at once, and the one assignment is found.
        const SHANGWU: &str =
            include_str!("../../../../fixtures/corpus/shangwu-unit-2025/pdftotext.txt");
        let body = excerpt(SHANGWU, 133, 217);
        let rw = four_sided(&body).expect("rewritten");
        let texts: Vec<&str> = rw.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts[1..],
            [
                "一、财政拨款收入 371514655.00 一、一般公共服务支出 21601733.00 10823891.00 1467842.00 9310000.00",
                "1、一般公共预算资金 371514655.00 二、科学技术支出 17200000.00 17200000.00",
                "2、政府性基金 三、社会保障和就业支出 3808085.00 3565865.00 242220.00",
                "3、国有资本经营预算 四、卫生健康支出 881803.00 881803.00",
                "二、事业收入 五、资源勘探工业信息等支出 293810000.00 293810000.00",
                "三、事业单位经营收入 六、商业服务业等支出 31364000.00 31364000.00",
                "四、其他收入 七、住房保障支出 2849034.00 2849034.00",
                "收入总计 371514655.00 支出总计 371514655.00 18120593.00 1710062.00 351684000.00",
            ]
        );
        // 社会保障's 公用经费 one yuan more: its row cannot add up whatever takes it. Not
        // rewritten.
        let edited: Vec<Line> = body
            .iter()
            .map(|l| match l.text.as_str() {
                "242220.00" => Line::new(l.no, "242221.00".to_owned()),
                _ => l.clone(),
            })
            .collect();
        assert_ne!(edited, body);
        assert!(four_sided(&edited).is_none());
        // 卫生健康's two amounts printed before its label (as this copy prints them in 表4):
        // no assignment has each amount after its row's label. Not rewritten.
        let mut moved: Vec<Line> = Vec::new();
        for l in &body {
            match l.text.as_str() {
                "四、卫生健康支出" => {}
                "二、事业收入" => {
                    moved.push(Line::new(l.no, "四、卫生健康支出".to_owned()));
                    moved.push(l.clone());
                }
                _ => moved.push(l.clone()),
            }
        }
        assert_eq!(moved.len(), body.len());
        assert!(four_sided(&moved).is_none());
    }

    #[test]
    fn rows_read_from_rewritten_lines_cite_the_lines_printed() {
        let doc = crate::parse(WANLI).document;
        let t = doc.table(TableKind::Summary).expect("表1");
        assert_eq!(t.span, (164, 231));
        let income = t.block(crate::model::Side::Income).expect("收入");
        let r = income
            .rows
            .iter()
            .find(|r| r.name == "一、财政拨款收入")
            .expect("财政拨款收入");
        // The label on 179, its amount on 181 (with the next 支出 label).
        assert_eq!(r.lines, [179, 181]);
        let cells: Vec<(String, LineNo)> = r
            .cells
            .iter()
            .flatten()
            .map(|c| (c.value.to_string(), c.line))
            .collect();
        assert_eq!(cells, [("164978640".to_owned(), 181)]);
        let expense = t.block(crate::model::Side::Expense).expect("支出");
        let r = expense
            .rows
            .iter()
            .find(|r| r.name == "支出总计")
            .expect("支出总计");
        assert_eq!(r.lines, [229, 231]);
        // A coded table's cells cite each its own line.
        let t = doc.table(TableKind::Expense).expect("表3");
        let r = t
            .rows()
            .find(|r| r.code.as_ref().is_some_and(|c| c.0 == "20805"))
            .expect("20805");
        let cells: Vec<LineNo> = r.cells.iter().flatten().map(|c| c.line).collect();
        assert_eq!(cells, [1335, 1337, 1339]);
    }

    #[test]
    fn a_row_of_numbers_printed_one_per_line_is_one_line() {
        // wanli-2023, pdftotext: the “三公” table's numbers.
        let body = excerpt(WANLI, 3234, 3262);
        let rw = rewrite_numbers(&body).expect("rewritten");
        let data: Vec<&Line> = rw.lines.iter().filter(|l| l.no == 3246).collect();
        assert_eq!(data.len(), 1);
        assert_eq!(data[0].text, "22.91 0 1.35 21.56 0 21.56 786.09");
        assert!(rw.lines.iter().any(|l| l.text == "购置费"));
    }

    #[test]
    fn a_table_printed_column_by_column_is_read_as_rows() {
        // caizhengju-2024-final, pdftotext: 一般公共预算财政拨款支出决算表 printed column by
        // column: the 类 column, the 款 and 项 columns 类 by 类, the names, then the 合计 column,
        // the 基本支出 column and the 项目支出 column, each holding the rows that print an amount.
        let text = include_str!("../../../../fixtures/corpus/caizhengju-2024-final/pdftotext.txt");
        let body = excerpt(text, 697, 832);
        let layout = schema::Layout {
            family: Family::Shanghai,
            doc: DocKind::Final,
            scope: Scope::Department,
        };
        let columns = schema::columns(layout, TableKind::GeneralExpense, crate::model::Side::Whole);
        let input = Input {
            body: &body,
            header: &[],
            ncols: columns.len(),
            identities: vec![(0, vec![1, 2])],
            titles: columns.iter().map(|c| c.title().into_owned()).collect(),
            unit: Unit::Wan,
        };
        let rows = rebuild_all(&[Some(input)]).pop().flatten().expect("read");
        assert_eq!(rows.len(), 20);
        let r = row(&rows, "2010601");
        assert_eq!(r.name, "行政运行");
        assert_eq!(amounts(r), ["1511.89", "1503.52", "8.37"]);
        let cells: Vec<LineNo> = r.amounts.iter().map(|(_, l)| *l).collect();
        assert_eq!(cells, [787, 808, 827]);
        assert_eq!(amounts(row(&rows, "2010602")), ["10.00", "10.00"]);
        assert_eq!(row(&rows, "2210203").name, "购房补贴");
        let total = rows.last().expect("rows");
        assert_eq!(amounts(total), ["2940.05", "2336.91", "603.14"]);
        // 行政运行's 基本支出 printed 1,503.62: its amounts no longer add up, and no other
        // placement does; the table is not read.
        let edited: Vec<Line> = body
            .iter()
            .map(|l| match l.no {
                808 => Line::new(l.no, "1503.62".to_owned()),
                _ => l.clone(),
            })
            .collect();
        let input = Input {
            body: &edited,
            header: &[],
            ncols: 3,
            identities: vec![(0, vec![1, 2])],
            titles: columns.iter().map(|c| c.title().into_owned()).collect(),
            unit: Unit::Wan,
        };
        assert_eq!(rebuild_all(&[Some(input)]), [None]);
    }

    #[test]
    fn garbage_neither_panics_nor_reads() {
        let inputs = [
            "201\n".repeat(5000),
            "05\n".repeat(5000),
            "201\n05\n".repeat(3000),
            "1.00\n".repeat(6000),
            "201\n05\n06\n一\n1.00\n".repeat(2000),
            "合计\n注：本表为空表。\n".repeat(20),
        ];
        for text in &inputs {
            let lines = text::lines(text);
            let out = rebuild_all(&[Some(input(&lines, TableKind::Expense, Unit::Wan))]);
            assert!(
                out[0].as_ref().is_none_or(|r| r.len() <= 1),
                "{}",
                &text[..20]
            );
        }
    }
}
