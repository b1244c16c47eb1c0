//! Reading the tables of 第二部分 into rows, and placing their numbers in columns.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::numbers::{split_trailing_numbers, AmountStyle, NumToken};
use super::schema::{
    self, class_code_by_name, compact_label, Label, LabelMatcher, FISCAL_INCOME, SUMMARY_INCOME,
    THREE_PUBLIC,
};
use super::segment::{compact, TableSpan};
use super::solve::{self, Hint, Note, Problem, SolveRow};
use crate::model::*;
use crate::text::Line;

/// The most rows read from one table: real tables have a few hundred at most, and the checks
/// compare rows pairwise.
pub const MAX_ROWS: usize = 2000;

/// Reads every table, in printed order; each may use facts from the ones before it.
pub fn read_all(
    lines: &[Line],
    spans: &[TableSpan],
    doc: &mut Document,
    diags: &mut Vec<Diagnostic>,
) {
    for span in spans {
        let table = read_table(lines, span, doc, diags);
        doc.tables.push(table);
    }
}

/// The header facts of a table.
struct Header {
    department: Option<Located<String>>,
    unit: Option<Unit>,
    /// Index of the first body line.
    body: usize,
    /// Whether the template prints a "※ 1 2 3" ruler under each header.
    ruled: bool,
}

fn read_header(lines: &[Line], span: &TableSpan) -> Header {
    let mut h = Header {
        department: None,
        unit: None,
        body: span.start + 1,
        ruled: false,
    };
    let limit = (span.start + 12).min(span.end);
    for (i, line) in lines.iter().enumerate().take(span.end).skip(span.start + 1) {
        let t = &line.text;
        if i < limit {
            if let Some(d) = department_in(t) {
                if h.department.is_none() {
                    h.department = Some(Located {
                        value: d,
                        line: line.no,
                    });
                }
            }
            if let Some(u) = unit_in(t) {
                h.unit.get_or_insert(u);
                h.body = h.body.max(i + 1);
            }
        }
        if is_ruler(t) {
            h.ruled = true;
            h.body = i + 1;
            break;
        }
    }
    h
}

/// "编制部门：X 单位：万元" → X.
pub fn department_in(t: &str) -> Option<String> {
    let rest = t
        .split_once("编制部门：")
        .or_else(|| t.split_once("编制部门:"))?
        .1;
    let end = rest.find("单位").unwrap_or(rest.len());
    let d = rest[..end].trim();
    (!d.is_empty()).then(|| d.to_owned())
}

/// "单位：万元" → 万元.
pub fn unit_in(t: &str) -> Option<Unit> {
    let rest = t
        .split_once("单位：")
        .or_else(|| t.split_once("单位:"))?
        .1
        .trim_start();
    if rest.starts_with("万元") {
        Some(Unit::Wan)
    } else if rest.starts_with('元') {
        Some(Unit::Yuan)
    } else {
        None
    }
}

/// "※ ※ ※ ※ 1 2 3 …": the column ruler under a header.
fn is_ruler(t: &str) -> bool {
    t.starts_with('※')
}

/// A line that starts a repeated header after a page break.
fn is_header_repeat(t: &str) -> bool {
    t.starts_with("编制部门") || (t.starts_with("单位：") && t.len() < 20)
}

/// A lone page number.
fn is_page_number(t: &str) -> bool {
    t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
}

/// A sentence rather than a row ("…没有使用政府性基金预算拨款安排的支出，…为空表。").
fn is_sentence(t: &str) -> bool {
    t.contains('，') || t.contains('。') || t.contains("没有") || t.contains("空表")
}

/// A row while it is being read.
#[derive(Debug, Default)]
struct RawRow {
    kind: Option<RowKind>,
    key: Option<RowKey>,
    code: Option<Code>,
    /// Name fragments, one per line they were printed on.
    parts: Vec<String>,
    /// 表7: the 项目名称 split off the name.
    project: Option<String>,
    nums: Vec<Option<Decimal>>,
    num_line: LineNo,
    lines: Vec<LineNo>,
    done: bool,
}

impl RawRow {
    fn name(&self) -> String {
        join_fragments(&self.parts)
    }
}

/// Joins name fragments that were wrapped across lines: no space between CJK text, one space
/// between ASCII words.
pub fn join_fragments(parts: &[String]) -> String {
    let mut out = String::new();
    for p in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        let glue = out
            .chars()
            .last()
            .is_some_and(|a| a.is_ascii_alphanumeric())
            && p.chars().next().is_some_and(|b| b.is_ascii_alphabetic());
        if glue {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

/// A leading classification code: "201 03 01", "301 02" or "2010301".
fn leading_code(head: &str) -> Option<(Code, &str)> {
    let mut code = String::new();
    let mut rest = head;
    for (i, want) in [3usize, 2, 2].into_iter().enumerate() {
        let tok_end = rest.find(' ').unwrap_or(rest.len());
        let tok = &rest[..tok_end];
        let digits = tok.len() == want && tok.bytes().all(|b| b.is_ascii_digit());
        let compact_code =
            i == 0 && matches!(tok.len(), 5 | 7) && tok.bytes().all(|b| b.is_ascii_digit());
        if compact_code {
            code.push_str(tok);
            rest = rest[tok_end..].trim_start();
            break;
        }
        if !digits {
            break;
        }
        code.push_str(tok);
        rest = rest[tok_end..].trim_start();
    }
    let first = code.bytes().next()?;
    (code.len() >= 3 && (first == b'2' || first == b'3' || first == b'1'))
        .then_some((Code(code), rest))
}

fn style_of(unit: Unit) -> AmountStyle {
    match unit {
        Unit::Wan => AmountStyle::Decimals,
        Unit::Yuan => AmountStyle::Integers,
    }
}

fn numbers_of(nums: &[NumToken]) -> Vec<Option<Decimal>> {
    nums.iter()
        .map(|n| match n {
            NumToken::Amount(d) => Some(*d),
            NumToken::Dash => None,
        })
        .collect()
}

fn read_table(
    lines: &[Line],
    span: &TableSpan,
    doc: &Document,
    diags: &mut Vec<Diagnostic>,
) -> Table {
    let header = read_header(lines, span);
    let unit = header.unit.unwrap_or(doc.meta.unit);
    let number = span.number.unwrap_or_else(|| {
        schema::XINJIANG_ORDER
            .iter()
            .find(|(k, _)| *k == span.kind)
            .map_or(0, |&(_, n)| n)
    });
    let mut table = Table {
        kind: span.kind,
        number,
        title: compact(&span.title),
        unit,
        department: header.department.clone(),
        span: (
            lines[span.start].no,
            lines[span.end.saturating_sub(1).max(span.start)].no,
        ),
        blocks: Vec::new(),
        empty_statement: None,
    };
    let ctx = Ctx {
        lines,
        span,
        header: &header,
        style: style_of(unit),
        doc,
    };
    match span.kind {
        TableKind::Summary | TableKind::FiscalSummary => read_two_sided(&ctx, &mut table, diags),
        TableKind::ThreePublic => read_labelled(&ctx, &mut table, diags),
        TableKind::CarryOver => read_items(&ctx, &mut table, diags),
        _ => read_coded(&ctx, &mut table, diags),
    }
    if table.row_count() == 0 && table.empty_statement.is_none() {
        diags.push(Diagnostic {
            code: DiagCode::EmptyTable,
            lines: vec![table.span.0],
            message_zh: format!(
                "{}：找到标题，但没有读到任何行，也没有空表说明。",
                table.title
            ),
            message_en: format!(
                "{}: the title was found but no rows and no empty-table statement.",
                table.title
            ),
        });
    }
    table
}

struct Ctx<'a> {
    lines: &'a [Line],
    span: &'a TableSpan,
    header: &'a Header,
    style: AmountStyle,
    doc: &'a Document,
}

impl Ctx<'_> {
    /// The body lines, with repeated page headers and page numbers removed.
    fn body(&self) -> Vec<&Line> {
        let mut out = Vec::new();
        let mut skipping = false;
        for line in &self.lines[self.header.body.min(self.span.end)..self.span.end] {
            let t = line.text.as_str();
            if is_header_repeat(t) {
                skipping = true;
                continue;
            }
            if skipping {
                if is_ruler(t) {
                    skipping = false;
                    continue;
                }
                if self.header.ruled || !self.starts_row(t) {
                    continue;
                }
                skipping = false;
            }
            if is_ruler(t) || is_page_number(t) {
                continue;
            }
            out.push(line);
        }
        out
    }

    /// Whether a line can begin a row of a code table.
    fn starts_row(&self, t: &str) -> bool {
        let (head, _) = split_trailing_numbers(t, self.style);
        leading_code(head).is_some() || matches!(compact(head).as_str(), "总计" | "合计")
    }

    fn department(&self) -> Option<String> {
        self.header.department.as_ref().map(|d| compact(&d.value))
    }

    fn half_ulp(&self) -> Decimal {
        match self.style {
            AmountStyle::Decimals => Decimal::new(5, 3),
            AmountStyle::Integers => Decimal::new(5, 1),
        }
    }
}

/// Tables whose rows start with a classification code: 表2, 3, 5, 6, 7, 8, 9.
fn read_coded(ctx: &Ctx, table: &mut Table, diags: &mut Vec<Diagnostic>) {
    let dept = ctx.department();
    let mut rows: Vec<RawRow> = Vec::new();
    let mut sentence: Option<(String, LineNo)> = None;
    for line in ctx.body() {
        let t = line.text.as_str();
        if is_sentence(t) {
            match &mut sentence {
                Some((s, _)) => s.push_str(t),
                None => sentence = Some((t.to_owned(), line.no)),
            }
            continue;
        }
        let (head, nums) = split_trailing_numbers(t, ctx.style);
        let c = compact(head);
        let start = if c == "总计" || c == "合计" {
            Some(RawRow {
                kind: Some(RowKind::Total),
                parts: vec![c.clone()],
                ..Default::default()
            })
        } else if let Some((code, rest)) = leading_code(head) {
            let mut r = RawRow {
                kind: Some(code.row_kind()),
                code: Some(code),
                ..Default::default()
            };
            if !rest.is_empty() {
                r.parts.push(rest.to_owned());
            }
            Some(r)
        } else if dept.as_deref().is_some_and(|d| !c.is_empty() && c == d) {
            Some(RawRow {
                kind: Some(RowKind::Unit),
                parts: vec![head.to_owned()],
                ..Default::default()
            })
        } else {
            None
        };
        match (start, rows.last_mut()) {
            (Some(mut r), _) => {
                r.lines.push(line.no);
                if !nums.is_empty() {
                    r.nums = numbers_of(&nums);
                    r.num_line = line.no;
                    r.done = true;
                }
                rows.push(r);
            }
            (None, Some(r)) if !r.done => {
                r.lines.push(line.no);
                if !head.is_empty() {
                    r.parts.push(head.to_owned());
                }
                if !nums.is_empty() {
                    r.nums = numbers_of(&nums);
                    r.num_line = line.no;
                    r.done = true;
                }
            }
            (None, Some(r)) if nums.is_empty() && !head.is_empty() => {
                // A name wrapped after its numbers.
                r.lines.push(line.no);
                r.parts.push(head.to_owned());
            }
            _ => diags.push(unreadable(line, table)),
        }
    }
    if let Some((s, l)) = sentence {
        table.empty_statement = Some(Located { value: s, line: l });
    }
    if table.kind == TableKind::GeneralProjects {
        split_project_names(ctx.doc, &mut rows);
    }
    let columns = schema::columns(table.kind, Side::Whole);
    let parents = code_parents(&rows);
    let hints = total_hints(ctx.doc, table.kind, &columns);
    let block = solve_block(
        ctx,
        table,
        Side::Whole,
        columns,
        rows,
        parents,
        hints,
        diags,
    );
    table.blocks.push(block);
}

fn unreadable(line: &Line, table: &Table) -> Diagnostic {
    Diagnostic {
        code: DiagCode::UnreadableRow,
        lines: vec![line.no],
        message_zh: format!(
            "{}：第 {} 行不像表格的一行，已跳过：{}",
            table.title,
            line.no,
            clip(&line.text)
        ),
        message_en: format!(
            "{}: line {} does not read as a table row and was skipped: {}",
            table.title,
            line.no,
            clip(&line.text)
        ),
    }
}

/// The first 40 characters of a line, for messages.
pub fn clip(t: &str) -> String {
    let mut s: String = t.chars().take(40).collect();
    if t.chars().count() > 40 {
        s.push('…');
    }
    s
}

/// 表7: a 7-digit row's text is its 功能分类 name followed by its 项目名称. The name is known
/// from the tables read before (表2, 表3, 表5), so strip it; what is left is the project.
fn split_project_names(doc: &Document, rows: &mut [RawRow]) {
    let mut names: HashMap<&str, &str> = HashMap::new();
    for t in &doc.tables {
        for r in t.rows() {
            if let Some(c) = &r.code {
                names.entry(c.0.as_str()).or_insert(r.name.as_str());
            }
        }
    }
    for r in rows.iter_mut().filter(|r| r.kind == Some(RowKind::Xiang)) {
        let Some(code) = &r.code else { continue };
        let text = r.name();
        let split = match names.get(code.0.as_str()) {
            Some(known) => strip_prefix_ignoring_spaces(&text, known)
                .map(|p| ((*known).to_owned(), p.trim().to_owned())),
            // Unknown code: the first word of the first line is the function name.
            None => r
                .parts
                .first()
                .and_then(|f| f.split_once(' '))
                .map(|(a, _)| {
                    let rest = text[a.len()..].trim().to_owned();
                    (a.to_owned(), rest)
                }),
        };
        if let Some((name, project)) = split.filter(|(_, p)| !p.is_empty()) {
            r.parts = vec![name];
            r.project = Some(project);
            r.kind = Some(RowKind::Project);
        }
    }
}

/// `text` without a leading `prefix`, where spaces in either do not count.
fn strip_prefix_ignoring_spaces<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let mut want = prefix.chars().filter(|c| !c.is_whitespace()).peekable();
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if want.peek().is_none() {
            break;
        }
        end = i + c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if want.next() != Some(c) {
            return None;
        }
    }
    want.peek().is_none().then(|| &text[end..])
}

/// Parent of each row from its code: a 项 under the last 款 it falls within, a 款 under its
/// 类, a 类 under the department row (表7, 表11) or the total.
fn code_parents(rows: &[RawRow]) -> Vec<Option<usize>> {
    let total = rows.iter().position(|r| r.kind == Some(RowKind::Total));
    let unit = rows.iter().position(|r| r.kind == Some(RowKind::Unit));
    let top = unit.or(total);
    // The last row printed with each code: a row's parent is the nearest earlier row whose
    // code is a prefix of its own.
    let mut last: HashMap<&str, usize> = HashMap::new();
    let mut parents = Vec::with_capacity(rows.len());
    for (i, r) in rows.iter().enumerate() {
        let p = match (r.kind, &r.code) {
            (Some(RowKind::Total), _) => None,
            (Some(RowKind::Unit), _) => total.filter(|&t| t < i),
            (_, Some(code)) => [5usize, 3]
                .iter()
                .filter(|&&n| n < code.0.len())
                .filter_map(|&n| code.0.get(..n).and_then(|pre| last.get(pre).copied()))
                .max()
                .or(top.filter(|&t| t < i)),
            _ => top.filter(|&t| t < i),
        };
        if let (Some(code), false) = (&r.code, r.kind == Some(RowKind::Project)) {
            last.insert(code.0.as_str(), i);
        }
        parents.push(p);
    }
    parents
}

/// Facts from earlier tables about a table's 总计 row, column by column.
fn total_hints(doc: &Document, kind: TableKind, columns: &[Col]) -> Vec<Hint> {
    let mut hints = Vec::new();
    let col = |c: Col| columns.iter().position(|&x| x == c);
    let mut add = |cols: &[Col], v: Option<Decimal>| {
        let idx: Option<Vec<usize>> = cols.iter().map(|&c| col(c)).collect();
        if let (Some(idx), Some(v)) = (idx, v) {
            hints.push(Hint {
                cols: idx,
                expected: v,
            });
        }
    };
    let income = doc
        .table(TableKind::Summary)
        .and_then(|t| t.block(Side::Income));
    let key = |k: RowKey| income.and_then(|b| b.keyed(k).map(|r| b.value(r, Col::Amount)));
    let total_of = |k: TableKind, c: Col| {
        doc.table(k)
            .and_then(|t| t.main())
            .and_then(|b| b.total().map(|r| b.value(r, c)))
    };
    match kind {
        TableKind::Income => {
            add(&[Col::Total], key(RowKey::IncomeTotal));
            let fiscal = [RowKey::GeneralBudget, RowKey::GovFund, RowKey::StateCapital]
                .into_iter()
                .map(key)
                .try_fold(Decimal::ZERO, |a, v| v.map(|v| a + v));
            add(&[Col::FiscalSubtotal], fiscal);
            for (c, k) in [
                (Col::GeneralBudget, RowKey::GeneralFinance),
                (Col::GeneralTransfer, RowKey::GeneralTransfer),
                (Col::GovFund, RowKey::GovFundIncome),
                (Col::GovFundTransfer, RowKey::GovFundTransfer),
                (Col::StateCapital, RowKey::StateCapitalIncome),
                (Col::StateCapitalTransfer, RowKey::StateCapitalTransfer),
                (Col::SpecialAccount, RowKey::SpecialAccount),
                (Col::UnitFunds, RowKey::UnitFunds),
                (Col::FiscalCarryover, RowKey::FiscalCarryover),
                (Col::NonFiscalCarryover, RowKey::NonFiscalCarryover),
            ] {
                add(&[c], key(k));
            }
        }
        TableKind::GeneralBasic => add(
            &[Col::Total],
            total_of(TableKind::GeneralExpense, Col::Basic),
        ),
        TableKind::GeneralProjects => add(
            &[Col::Total],
            total_of(TableKind::GeneralExpense, Col::Project),
        ),
        TableKind::ThreePublic => {
            for c in [Col::GovFund, Col::StateCapital] {
                if let Some(v) = total_of(TableKind::FiscalSummary, c) {
                    if v.is_zero() {
                        add(&[c], Some(Decimal::ZERO));
                    }
                }
            }
        }
        TableKind::CarryOver => {
            add(&[Col::FiscalCarryTotal], key(RowKey::FiscalCarryover));
            add(&[Col::NonFiscalCarryTotal], key(RowKey::NonFiscalCarryover));
            // 表3 项目 = 表5 项目 + 表8 + 表9 + carried-over project money (rule X22).
            let carried = |c: Col| {
                let all = total_of(TableKind::Expense, c)?;
                let gpb = total_of(TableKind::GeneralExpense, c)?;
                let other = match c {
                    Col::Project => [TableKind::GovFund, TableKind::StateCapital]
                        .into_iter()
                        .map(|k| total_of(k, Col::Project).unwrap_or_default())
                        .sum(),
                    _ => Decimal::ZERO,
                };
                Some(all - gpb - other)
            };
            add(
                &[Col::FiscalCarryProject, Col::NonFiscalCarryProject],
                carried(Col::Project),
            );
            add(
                &[
                    Col::FiscalCarryPersonnel,
                    Col::FiscalCarryPublic,
                    Col::NonFiscalCarryPersonnel,
                    Col::NonFiscalCarryPublic,
                ],
                carried(Col::Basic),
            );
        }
        _ => {}
    }
    hints
}

/// Places the numbers of `rows` in `columns` and builds the block.
#[allow(clippy::too_many_arguments)]
fn solve_block(
    ctx: &Ctx,
    table: &Table,
    side: Side,
    columns: Vec<Col>,
    rows: Vec<RawRow>,
    parents: Vec<Option<usize>>,
    total_hints: Vec<Hint>,
    diags: &mut Vec<Diagnostic>,
) -> Block {
    let (mut rows, mut parents) = (rows, parents);
    if rows.len() > MAX_ROWS {
        let first = rows[MAX_ROWS].lines.first().copied().unwrap_or(0);
        diags.push(Diagnostic {
            code: DiagCode::TooLarge,
            lines: vec![first],
            message_zh: format!(
                "{}：超过 {MAX_ROWS} 行，之后的 {} 行未读取。",
                table.title,
                rows.len() - MAX_ROWS
            ),
            message_en: format!(
                "{}: more than {MAX_ROWS} rows; the {} rows after that were not read.",
                table.title,
                rows.len() - MAX_ROWS
            ),
        });
        rows.truncate(MAX_ROWS);
        parents.truncate(MAX_ROWS);
    }
    let problem = Problem {
        ncols: columns.len(),
        identities: schema::identities(table.kind)
            .iter()
            .filter_map(|id| {
                let t = columns.iter().position(|&c| c == id.total)?;
                let parts: Vec<usize> = id
                    .parts
                    .iter()
                    .filter_map(|p| columns.iter().position(|c| c == p))
                    .collect();
                (!parts.is_empty()).then_some((t, parts))
            })
            .collect(),
        prior: columns.iter().map(|&c| schema::prior(c)).collect(),
        half_ulp: ctx.half_ulp(),
        rows: rows
            .iter()
            .zip(&parents)
            .map(|(r, &parent)| SolveRow {
                numbers: r.nums.clone(),
                parent,
                hints: if r.kind == Some(RowKind::Total) {
                    total_hints.clone()
                } else {
                    Vec::new()
                },
            })
            .collect(),
    };
    let solution = solve::solve(&problem);
    for note in &solution.notes {
        diags.push(note_diagnostic(note, &rows, &columns, &solution, table));
    }
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let mut cells = vec![None; columns.len()];
            for (v, c) in r
                .nums
                .iter()
                .zip(solution.columns.get(i).into_iter().flatten())
            {
                if let (Some(v), Some(c)) = (v, c) {
                    cells[*c] = Some(Cell {
                        value: *v,
                        line: r.num_line,
                    });
                }
            }
            let name = r.name();
            Row {
                kind: r.kind.unwrap_or(RowKind::Item),
                key: r.key,
                code: r.code,
                name,
                project: r.project,
                cells,
                lines: r.lines,
            }
        })
        .collect();
    Block {
        side,
        columns,
        rows,
    }
}

fn note_diagnostic(
    note: &Note,
    rows: &[RawRow],
    columns: &[Col],
    sol: &solve::Solution,
    table: &Table,
) -> Diagnostic {
    let describe = |i: usize| {
        let r = &rows[i];
        let label = r
            .code
            .as_ref()
            .map(|c| c.spaced())
            .unwrap_or_else(|| join_fragments(&r.parts));
        (label, r.lines.clone())
    };
    match *note {
        Note::Ambiguous { row, alternatives } => {
            let (label, lines) = describe(row);
            let chosen: Vec<String> = sol.columns[row]
                .iter()
                .flatten()
                .map(|&c| columns[c].title().into_owned())
                .collect();
            Diagnostic {
                code: DiagCode::AmbiguousColumns,
                lines,
                message_zh: format!(
                    "{}「{}」行：表中其他数字无法确定各数所在的列（另有 {} 种同样吻合的排列），按最常见的列取为 {}。",
                    table.title,
                    label,
                    alternatives,
                    chosen.join("、")
                ),
                message_en: format!(
                    "{} row '{}': the table's other numbers cannot tell which columns its numbers belong to ({} other placements fit as well); took the most usual: {}.",
                    table.title,
                    label,
                    alternatives,
                    chosen.join(", ")
                ),
            }
        }
        Note::Capped { row } => {
            let (label, lines) = describe(row);
            Diagnostic {
                code: DiagCode::SearchCapped,
                lines,
                message_zh: format!("{}「{}」行：列的组合过多，已截断搜索，结果为找到的最佳排列。", table.title, label),
                message_en: format!(
                    "{} row '{}': too many column placements to try them all; the search was capped and the best found is kept.",
                    table.title, label
                ),
            }
        }
        Note::Overflow { row, dropped } => {
            let (label, lines) = describe(row);
            Diagnostic {
                code: DiagCode::TooManyNumbers,
                lines,
                message_zh: format!("{}「{}」行的数字比表的列多，前 {} 个数字未计入。", table.title, label, dropped),
                message_en: format!(
                    "{} row '{}' has more numbers than the table has columns; the first {} were left out.",
                    table.title, label, dropped
                ),
            }
        }
    }
}

/// 表10: labelled rows (合计, 因公出国（境）费 …) with four columns.
fn read_labelled(ctx: &Ctx, table: &mut Table, diags: &mut Vec<Diagnostic>) {
    let mut matcher = LabelMatcher::new(THREE_PUBLIC);
    let mut rows: Vec<RawRow> = Vec::new();
    for line in ctx.body() {
        let t = line.text.as_str();
        if is_sentence(t) {
            table.empty_statement.get_or_insert(Located {
                value: t.to_owned(),
                line: line.no,
            });
            continue;
        }
        let (head, nums) = split_trailing_numbers(t, ctx.style);
        let label = compact_label(head);
        let (kind, key) = if label == "合计" || label == "总计" {
            (Some(RowKind::Total), None)
        } else {
            match matcher.key(&label) {
                Some(k) => (Some(RowKind::Item), Some(k)),
                None => (None, None),
            }
        };
        if kind.is_some() {
            let mut r = RawRow {
                kind,
                key,
                parts: vec![head.to_owned()],
                lines: vec![line.no],
                ..Default::default()
            };
            if !nums.is_empty() {
                r.nums = numbers_of(&nums);
                r.num_line = line.no;
            }
            rows.push(r);
        } else if let Some(r) = rows.last_mut().filter(|r| r.nums.is_empty()) {
            r.lines.push(line.no);
            r.parts.push(head.to_owned());
            if !nums.is_empty() {
                r.nums = numbers_of(&nums);
                r.num_line = line.no;
            }
        } else {
            diags.push(unreadable(line, table));
        }
    }
    let total = rows.iter().position(|r| r.kind == Some(RowKind::Total));
    let vehicles = rows.iter().position(|r| r.key == Some(RowKey::Vehicles));
    let parents = rows
        .iter()
        .map(|r| match r.key {
            Some(RowKey::VehiclePurchase | RowKey::VehicleOperation) => vehicles.or(total),
            Some(RowKey::RunningCost) | None => None,
            Some(_) => total,
        })
        .collect();
    let columns = schema::columns(table.kind, Side::Whole);
    let hints = total_hints(ctx.doc, table.kind, &columns);
    let block = solve_block(
        ctx,
        table,
        Side::Whole,
        columns,
        rows,
        parents,
        hints,
        diags,
    );
    table.blocks.push(block);
}

/// 表11: items named by their fund documents, names wrapping, numbers last.
fn read_items(ctx: &Ctx, table: &mut Table, diags: &mut Vec<Diagnostic>) {
    let dept = ctx.department();
    let mut rows: Vec<RawRow> = Vec::new();
    for line in ctx.body() {
        let t = line.text.as_str();
        let (head, nums) = split_trailing_numbers(t, ctx.style);
        if is_sentence(head) && nums.is_empty() {
            table.empty_statement.get_or_insert(Located {
                value: t.to_owned(),
                line: line.no,
            });
            continue;
        }
        let c = compact(head);
        let pending = rows.last().is_some_and(|r| r.nums.is_empty());
        let kind = if c == "总计" || c == "合计" {
            RowKind::Total
        } else if dept.as_deref() == Some(c.as_str()) {
            RowKind::Unit
        } else {
            RowKind::Item
        };
        if kind == RowKind::Item && pending {
            let r = rows.last_mut().expect("pending row");
            r.lines.push(line.no);
            r.parts.push(head.to_owned());
            if !nums.is_empty() {
                r.nums = numbers_of(&nums);
                r.num_line = line.no;
            }
            continue;
        }
        if head.is_empty() {
            diags.push(unreadable(line, table));
            continue;
        }
        let mut r = RawRow {
            kind: Some(kind),
            parts: vec![head.to_owned()],
            lines: vec![line.no],
            ..Default::default()
        };
        if !nums.is_empty() {
            r.nums = numbers_of(&nums);
            r.num_line = line.no;
        }
        rows.push(r);
    }
    let parents = code_parents(&rows);
    let columns = schema::columns(table.kind, Side::Whole);
    let hints = total_hints(ctx.doc, table.kind, &columns);
    let block = solve_block(
        ctx,
        table,
        Side::Whole,
        columns,
        rows,
        parents,
        hints,
        diags,
    );
    table.blocks.push(block);
}

/// Where a line's 支出 half starts: a 类 code ("201 一般公共服务支出"), an ordinal with a 类
/// name ("一、一般公共服务支出"), or the 支出总计 label. Returns a byte offset.
fn expense_start(t: &str) -> Option<usize> {
    let mut offset = 0;
    let toks: Vec<(usize, &str)> = t
        .split(' ')
        .map(|tok| {
            let o = offset;
            offset += tok.len() + 1;
            (o, tok)
        })
        .collect();
    for (i, &(o, tok)) in toks.iter().enumerate() {
        let next = toks.get(i + 1).map(|&(_, n)| n);
        let is_code =
            tok.len() == 3 && tok.starts_with('2') && tok.bytes().all(|b| b.is_ascii_digit());
        if is_code && next.is_some_and(|n| !n.bytes().all(|b| b.is_ascii_digit() || b == b'.')) {
            return Some(o);
        }
        let stripped = schema::strip_ordinal(tok);
        if stripped.len() < tok.len() && class_code_by_name(stripped).is_some() {
            return Some(o);
        }
        let rest: String = t[o..]
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(6)
            .collect();
        if ["支出总计", "本年支出合计", "支出合计"]
            .iter()
            .any(|k| rest.starts_with(k))
            && i > 0
        {
            return Some(o);
        }
    }
    None
}

/// 表1 and 表4: 收入 on the left, 支出 on the right of each line.
fn read_two_sided(ctx: &Ctx, table: &mut Table, diags: &mut Vec<Diagnostic>) {
    let labels: &'static [Label] = if table.kind == TableKind::Summary {
        SUMMARY_INCOME
    } else {
        FISCAL_INCOME
    };
    let mut matcher = LabelMatcher::new(labels);
    let mut income: Vec<RawRow> = Vec::new();
    let mut expense: Vec<RawRow> = Vec::new();
    let mut started = false;
    for line in ctx.body() {
        let t = line.text.as_str();
        let split = expense_start(t).unwrap_or(t.len());
        let (left, right) = (t[..split].trim(), t[split..].trim());
        let (lhead, lnums) = split_trailing_numbers(left, ctx.style);
        // Header lines ("收入 支出", "项目 预算数 …", column titles broken over lines) come
        // before the first line with a 支出 half or an amount.
        if !started && right.is_empty() && lnums.is_empty() {
            continue;
        }
        started = true;
        let label = compact_label(lhead);
        let key = if lhead.is_empty() {
            None
        } else {
            matcher.key(&label)
        };
        let total_label = label == "收入总计" || (label == "总计" && !right.is_empty());
        if key.is_some() || total_label {
            let kind = if key == Some(RowKey::IncomeTotal) || total_label {
                RowKind::Total
            } else {
                RowKind::Item
            };
            income.push(RawRow {
                kind: Some(kind),
                key: key.or(Some(RowKey::IncomeTotal)),
                parts: vec![lhead.to_owned()],
                nums: numbers_of(&lnums),
                num_line: line.no,
                lines: vec![line.no],
                ..Default::default()
            });
        } else if !lhead.is_empty() || !lnums.is_empty() {
            // Not a label we know: a wrapped 支出 name ("支出 200,000 200,000"), or noise.
            match expense.last_mut().filter(|r| r.nums.is_empty()) {
                Some(r) if right.is_empty() => {
                    r.parts.push(lhead.to_owned());
                    r.lines.push(line.no);
                    r.nums = numbers_of(&lnums);
                    r.num_line = line.no;
                    continue;
                }
                _ => diags.push(unreadable(line, table)),
            }
        }
        if right.is_empty() {
            continue;
        }
        let (rhead, rnums) = split_trailing_numbers(right, ctx.style);
        let rlabel = compact_label(rhead);
        let (kind, key, code, name) =
            if rlabel.ends_with("支出总计") || rlabel.ends_with("支出合计") || rlabel == "总计"
            {
                (
                    RowKind::Total,
                    Some(RowKey::ExpenseTotal),
                    None,
                    rhead.to_owned(),
                )
            } else if let Some((code, rest)) = leading_code(rhead) {
                (RowKind::Class, None, Some(code), rest.to_owned())
            } else {
                let code = class_code_by_name(&rlabel).map(|c| Code(c.to_owned()));
                (RowKind::Class, None, code, rlabel.clone())
            };
        expense.push(RawRow {
            kind: Some(kind),
            key,
            code,
            parts: vec![name],
            nums: numbers_of(&rnums),
            num_line: line.no,
            lines: vec![line.no],
            ..Default::default()
        });
    }
    // Income: one amount column, no placement needed beyond dropping extras.
    let income_cols = schema::columns(table.kind, Side::Income);
    let inc_parents = vec![None; income.len()];
    let block = solve_block(
        ctx,
        table,
        Side::Income,
        income_cols,
        income,
        inc_parents,
        Vec::new(),
        diags,
    );
    let income_block = block;
    // Expense: 表1 has one column, 表4 four; the total is the parent of every 类.
    let exp_cols = schema::columns(table.kind, Side::Expense);
    let total = expense.iter().position(|r| r.kind == Some(RowKind::Total));
    let exp_parents: Vec<Option<usize>> = expense
        .iter()
        .enumerate()
        .map(|(i, _)| if Some(i) == total { None } else { total })
        .collect();
    // The solver wants parents before children: move the total first.
    let (expense, exp_parents) = total_first(expense, exp_parents, total);
    let hints = if table.kind == TableKind::FiscalSummary {
        let v = |k: RowKey| {
            income_block
                .keyed(k)
                .map(|r| income_block.value(r, Col::Amount))
        };
        let col = |c: Col| exp_cols.iter().position(|&x| x == c);
        [
            (Col::GeneralBudget, RowKey::GeneralBudget),
            (Col::GovFund, RowKey::GovFund),
            (Col::StateCapital, RowKey::StateCapital),
        ]
        .into_iter()
        .filter_map(|(c, k)| {
            Some(Hint {
                cols: vec![col(c)?],
                expected: v(k)?,
            })
        })
        .chain(v(RowKey::IncomeTotal).and_then(|e| {
            Some(Hint {
                cols: vec![col(Col::Total)?],
                expected: e,
            })
        }))
        .collect()
    } else {
        Vec::new()
    };
    let expense_block = solve_block(
        ctx,
        table,
        Side::Expense,
        exp_cols,
        expense,
        exp_parents,
        hints,
        diags,
    );
    table.blocks.push(income_block);
    table.blocks.push(expense_block);
}

/// Moves the total row to the front (it is printed last in 表1 / 表4) and fixes parent indices.
fn total_first(
    rows: Vec<RawRow>,
    parents: Vec<Option<usize>>,
    total: Option<usize>,
) -> (Vec<RawRow>, Vec<Option<usize>>) {
    let Some(t) = total else {
        return (rows, parents);
    };
    let n = rows.len();
    let order: Vec<usize> = std::iter::once(t)
        .chain((0..n).filter(|&i| i != t))
        .collect();
    let mut pos = vec![0; n];
    for (new, &old) in order.iter().enumerate() {
        pos[old] = new;
    }
    let mut slots: Vec<Option<RawRow>> = rows.into_iter().map(Some).collect();
    let rows = order
        .iter()
        .map(|&i| slots[i].take().expect("each row once"))
        .collect();
    let parents = order.iter().map(|&i| parents[i].map(|p| pos[p])).collect();
    (rows, parents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_in_all_their_forms() {
        let c = |s: &str| leading_code(s).map(|(c, rest)| (c.0, rest.to_owned()));
        assert_eq!(
            c("201 03 01 行政运行"),
            Some(("2010301".into(), "行政运行".into()))
        );
        assert_eq!(c("201 03"), Some(("20103".into(), "".into())));
        assert_eq!(
            c("301 02 津贴补贴"),
            Some(("30102".into(), "津贴补贴".into()))
        );
        assert_eq!(
            c("2010301 行政运行"),
            Some(("2010301".into(), "行政运行".into()))
        );
        assert_eq!(c("20 一般"), None);
        assert_eq!(c("库尔勒市"), None);
    }

    #[test]
    fn two_sided_split_points() {
        fn at(t: &str) -> Option<&str> {
            expense_start(t).map(|o| &t[o..])
        }
        assert_eq!(
            at("一、本年收入 2287.86 201 一般公共服务支出 1664.74"),
            Some("201 一般公共服务支出 1664.74")
        );
        assert_eq!(at("230 转移性支出"), Some("230 转移性支出"));
        assert_eq!(
            at("收 入 总 计 2300.52 支 出 总 计 2300.52"),
            Some("支 出 总 计 2300.52")
        );
        assert_eq!(
            at("一、财政拨款收入 164978640 一、一般公共服务支出 2976800"),
            Some("一、一般公共服务支出 2976800")
        );
        assert_eq!(at("5.单位资金"), None);
    }

    #[test]
    fn prefixes_match_across_spaces() {
        assert_eq!(
            strip_prefix_ignoring_spaces("代表工作部门专项-活动经费", "代表工作"),
            Some("部门专项-活动经费")
        );
        assert_eq!(
            strip_prefix_ignoring_spaces("其他 组织事务支出 部门专项", "其他组织事务支出"),
            Some(" 部门专项")
        );
        assert_eq!(strip_prefix_ignoring_spaces("其他", "其他组织"), None);
        assert_eq!(strip_prefix_ignoring_spaces("行政运行", "代表"), None);
    }

    #[test]
    fn fragments_join_without_spaces_between_cjk() {
        let parts = vec![
            "其他政府办公厅（室）及相".to_owned(),
            "关机构事务支出".to_owned(),
        ];
        assert_eq!(
            join_fragments(&parts),
            "其他政府办公厅（室）及相关机构事务支出"
        );
    }
}
