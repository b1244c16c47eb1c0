//! 绩效目标表: the funding figures and the indicator rows of 部门整体 and 项目支出 tables.
//!
//! A PDF copy breaks every grid cell into short fragments and emits them in reading order:
//! the 一级/二级 words of merged cells, the 三级 name, the value ("＜" / "=100" / "元/人" /
//! "/月"), 指标值设置依据, 上年完成值, 分值权重, then 赋分规则 and 佐证资料. The grid is
//! therefore read as one token stream anchored on each value's operator: the text collected
//! before an operator is [levels +] name, the last number after it is the weight, and what
//! follows the weight is trailing columns until a line that is neither a scoring rule nor
//! evidence opens the next row.

use rust_decimal::Decimal;

use super::joined::Joined;
use super::numbers::decimal;
use super::segment::PerfSpan;
use super::tables::join_fragments;
use crate::model::*;
use crate::text::{Line, LineNo};

/// Reads one 绩效目标表. `lines` is the whole normalised line list; `span` indexes into it.
pub fn read(lines: &[Line], span: &PerfSpan) -> PerformanceTable {
    let end = span.end.min(lines.len());
    let body = &lines[span.start.min(end)..end];
    let grid_at = body
        .iter()
        .position(|l| l.compact().starts_with("一级"))
        .unwrap_or(body.len());
    let head = body.get(1..grid_at).unwrap_or_default();
    let funds = funding_text(head);
    let wan = |labels: &[&str]| amount_after(&funds, labels, QUnit::Wan);
    let department = span.scope == PerformanceScope::Department;
    let request = (!department && funds.text.contains("年度资金申请总额"))
        .then(|| request_funds(&funds, head))
        .flatten();
    let (total, fiscal, other) = match &request {
        Some(r) => (r.annual_total.clone(), None, r.annual_other.clone()),
        None => (
            wan(&["年度预算总额", "资金总额"]),
            wan(&["财政拨款", "财政资金"]),
            wan(&["其他资金", "其他"]),
        ),
    };
    PerformanceTable {
        scope: span.scope,
        project: if department { None } else { project_name(head) },
        total,
        fiscal,
        other,
        request,
        superior: if department {
            wan(&["上级安排"])
        } else {
            None
        },
        local: if department {
            wan(&["本级安排"])
        } else {
            None
        },
        indicators: indicators(body.get(grid_at..).unwrap_or_default()),
        span: match (body.first(), body.last()) {
            (Some(first), Some(last)) => (first.no, last.no),
            _ => (0, 0),
        },
    }
}

/// Lines that open the free-text goal; its paragraph may mention amounts that are not the
/// table's funding figures.
const GOAL_LABELS: [&str; 4] = ["年度绩效目标", "项目总体目标", "项目总目标", "总体目标"];
/// Lines that open (or continue) the funding block, ending a goal paragraph.
const FUND_LABELS: [&str; 6] = [
    "年度预算",
    "项目资金",
    "资金来源",
    "资金总额",
    "财政资金",
    "其他资金",
];
/// Header lines that hold names and contacts, never funding figures.
const INFO_LABELS: [&str; 5] = [
    "项目名称",
    "预算单位",
    "部门名称",
    "部门联系人",
    "项目负责人",
];

/// The header lines that may hold funding figures, joined so that a wrapped label
/// ("其中：财政拨" / "款" / "0.84 其他资金 0.00") reads as one.
fn funding_text(head: &[Line]) -> Joined {
    let mut j = Joined::default();
    let mut in_goal = false;
    for l in head {
        let c = &l.compact();
        if GOAL_LABELS.iter().any(|g| c.starts_with(g)) {
            in_goal = true;
        } else if FUND_LABELS.iter().any(|f| c.starts_with(f)) {
            in_goal = false;
        }
        if !in_goal && !INFO_LABELS.iter().any(|p| c.starts_with(p)) {
            j.push(l);
        }
    }
    j
}

/// The amount printed right after the first of `labels` that has one, in `unit`.
fn amount_after(j: &Joined, labels: &[&str], unit: QUnit) -> Option<Quantity> {
    labels.iter().find_map(|label| {
        let mut from = 0;
        while let Some(pos) = j.text.get(from..).and_then(|t| t.find(label)) {
            let at = from + pos + label.len();
            if let Some((value, offset)) = number_at(&j.text, at) {
                return Some(Quantity {
                    value,
                    unit: unit.clone(),
                    line: j.line_at(offset),
                });
            }
            from = at;
        }
        None
    })
}

/// The two funding columns of a Shanghai 财政项目支出绩效目标填报表 ("项目资金（元）": 项目资金总额 …
/// 年度资金申请总额 …). Each amount is the number printed right after its label; the two 其他资金
/// (one per column, printed side by side) are told apart by order only when both are followed by
/// a number, else neither is read.
fn request_funds(j: &Joined, head: &[Line]) -> Option<RequestFunds> {
    // The unit printed in the block's label ("项目资金（元）"), wherever the copy put it; without
    // it the amounts are not read.
    let printed = |u: &str| {
        head.iter().any(|l| {
            l.compact().contains(&format!("（{u}）")) || l.compact().contains(&format!("({u})"))
        })
    };
    let unit = match (printed("元"), printed("万元")) {
        (true, false) => QUnit::Yuan,
        (false, true) => QUnit::Wan,
        _ => return None,
    };
    let at = |labels: &[&str]| amount_after(j, labels, unit.clone());
    let others: Vec<Option<Quantity>> = j
        .text
        .match_indices("其他资金")
        .map(|(i, l)| {
            number_at(&j.text, i + l.len()).map(|(value, offset)| Quantity {
                value,
                unit: unit.clone(),
                line: j.line_at(offset),
            })
        })
        .collect();
    let (project_other, annual_other) = match others.as_slice() {
        [Some(a), Some(b)] => (Some(a.clone()), Some(b.clone())),
        _ => (None, None),
    };
    Some(RequestFunds {
        project_total: at(&["项目资金总额"]),
        project_fiscal: at(&["财政资金"]),
        project_other,
        annual_total: at(&["年度资金申请总额"]),
        appropriation: at(&["当年财政拨款"]),
        carried_over: at(&["上年结转资金"]),
        annual_other,
    })
}

/// A number starting at `at` once spaces, colons and one short bracketed unit ("（万元）")
/// are skipped, with its byte offset.
fn number_at(text: &str, at: usize) -> Option<(Decimal, usize)> {
    fn skip(s: &str) -> &str {
        s.trim_start_matches([' ', ':', '：'])
    }
    let mut rest = skip(text.get(at..)?);
    if let Some(inner) = rest.strip_prefix(['(', '（']) {
        // Only a short unit is skipped; looking further would make the scan quadratic.
        let (close, _) = inner
            .char_indices()
            .take(6)
            .find(|&(_, c)| c == ')' || c == '）')?;
        rest = skip(inner[close..].trim_start_matches([')', '）']));
    }
    // A dash alone (no figure after it) is an empty cell, as a table prints its zero
    // ("其他资金 - 其他资金 -").
    let dash = rest.strip_prefix(['-', '—', '–', '－']).filter(|after| {
        !after
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || c == '.')
    });
    if dash.is_some() {
        return Some((Decimal::ZERO, text.len() - rest.len()));
    }
    let len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let value = decimal(&rest[..len])?;
    Some((value, text.len() - rest.len()))
}

/// Labels that end a wrapped project name.
const NAME_STOPS: [&str; 8] = [
    "项目资金",
    "年度预算",
    "项目总体目标",
    "其中",
    "一级",
    "主管部门",
    "实施单位",
    "计划开始",
];

/// Labels that end a 项目名称 on its own line: 项目负责人 (Xinjiang), 项目性质 (Shanghai).
const NAME_ENDS: [&str; 2] = ["项目负责人", "项目性质"];

/// 项目名称: the text after the label up to "项目负责人", joined across at most two wrapped
/// lines when the label line does not reach "项目负责人".
fn project_name(head: &[Line]) -> Option<Located<String>> {
    let (i, rest) = head
        .iter()
        .enumerate()
        .find_map(|(i, l)| Some((i, l.text.split_once("项目名称")?.1)))?;
    let before_manager = |t: &str| match NAME_ENDS.iter().filter_map(|e| t.find(e)).min() {
        Some(at) => (t[..at].trim().to_owned(), true),
        None => (t.trim().to_owned(), false),
    };
    let (first, mut done) = before_manager(rest.trim_start_matches([' ', ':', '：']));
    let mut parts = vec![first];
    for l in head.iter().skip(i + 1).take(2) {
        let c = &l.compact();
        if done || NAME_STOPS.iter().any(|s| c.starts_with(s)) {
            break;
        }
        let (part, found) = before_manager(&l.text);
        parts.push(part);
        done = found;
    }
    let name = join_fragments(&parts);
    (!name.is_empty()).then(|| Located {
        value: name,
        line: head[i].no,
    })
}

/// Characters of the grid's column titles, in whatever fragments they wrap into
/// ("一级" / "指标" / "指标值设置依" / "据" / "分值" / "权重" / "佐证资料").
const HEADER_CHARS: &str = "一二三级指标值设置定依据上年完成分权重赋规则佐证资料备注名称内容";

/// The grid's lines without its column titles: a title block starts at "一级…" and runs
/// while lines consist of title characters only. A page break may repeat it mid-table.
fn without_headers(grid: &[Line]) -> Vec<&Line> {
    let mut out = Vec::new();
    let mut in_header = false;
    for l in grid {
        let c = &l.compact();
        if c.starts_with("一级") {
            in_header = true;
        } else if !(in_header && c.chars().all(|ch| HEADER_CHARS.contains(ch))) {
            in_header = false;
            out.push(l);
        }
    }
    out
}

/// One whitespace-separated piece of a grid line.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    text: &'a str,
    /// The line number it was printed on.
    no: LineNo,
    /// The index of its line among the grid lines.
    row: usize,
}

/// The grid's tokens in order. A name glued to its value ("覆盖率=100%") is split at the
/// operator.
fn tokens<'a>(lines: &[&'a Line]) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    for (row, l) in lines.iter().enumerate() {
        let mut push = |text| {
            out.push(Tok {
                text,
                no: l.no,
                row,
            })
        };
        for word in l.text.split_whitespace() {
            match word.char_indices().find(|&(i, c)| i > 0 && is_op_char(c)) {
                Some((i, _)) if !word[..i].contains(is_op_char) => {
                    push(&word[..i]);
                    push(&word[i..]);
                }
                _ => push(word),
            }
        }
    }
    out
}

/// A character of a value's comparison operator (full-width forms included, in case a
/// caller skipped normalisation).
fn is_op_char(c: char) -> bool {
    matches!(
        c,
        '=' | '>' | '<' | '≥' | '≤' | '≧' | '≦' | '＝' | '＞' | '＜'
    )
}

/// An operator character in ASCII: "≥" is ">=".
fn op_ascii(c: char) -> &'static str {
    match c {
        '>' | '＞' => ">",
        '<' | '＜' => "<",
        '≥' | '≧' => ">=",
        '≤' | '≦' => "<=",
        _ => "=",
    }
}

/// Characters a measure word after an indicator value may use ("万人", "元/人/月", "%").
const UNIT_CHARS: &str =
    "人次个套件元万亿千百户项天日月年时小分秒场家名台辆篇期份本张册所批座处条米平方公里亩吨斤克升间栋部趟周季度餐床棵株头只%‰/";

/// Whether a token is (part of) a measure word: short, and unit characters only. A lone
/// "/" is an empty cell, not a unit.
fn is_unit(s: &str) -> bool {
    !s.is_empty()
        && s != "/"
        && s.chars().count() <= 6
        && s.chars()
            .all(|c| c.is_ascii_alphabetic() || UNIT_CHARS.contains(c))
}

/// An indicator value read from the token stream.
#[derive(Debug)]
struct Value {
    op: Op,
    value: Decimal,
    unit: String,
    lines: Vec<LineNo>,
    /// The grid line of its last token.
    row: usize,
    /// The index of the first token after the value.
    next: usize,
}

/// The value starting at token `i`, if it is one: an operator, a number and its unit, each
/// possibly on its own line ("＜" / "=100" / "元/人" / "/月"; "＞=4" / "万人"; "=26 人").
fn value_at(toks: &[Tok], i: usize) -> Option<Value> {
    let first = toks.get(i)?;
    if !first.text.starts_with(is_op_char) {
        return None;
    }
    let mut ops = String::new();
    let mut lines = vec![first.no];
    let mut row = first.row;
    let mut j = i;
    let mut rest = first.text;
    loop {
        let n = rest.find(|c| !is_op_char(c)).unwrap_or(rest.len());
        rest[..n].chars().for_each(|c| ops.push_str(op_ascii(c)));
        rest = &rest[n..];
        if !rest.is_empty() || ops.len() > 2 {
            break;
        }
        j += 1;
        let next = toks.get(j)?;
        if !next
            .text
            .starts_with(|c: char| is_op_char(c) || c.is_ascii_digit())
        {
            return None;
        }
        rest = next.text;
        lines.push(next.no);
        row = next.row;
    }
    let op = match ops.as_str() {
        "=" | "==" => Op::Eq,
        ">=" | "=>" => Op::Ge,
        "<=" | "=<" => Op::Le,
        ">" => Op::Gt,
        "<" => Op::Lt,
        _ => return None,
    };
    let len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let value = decimal(&rest[..len])?;
    let mut unit = rest[len..].to_owned();
    j += 1;
    if unit.is_empty() {
        if let Some(t) = toks.get(j).filter(|t| is_unit(t.text)) {
            unit.push_str(t.text);
            lines.push(t.no);
            row = t.row;
            j += 1;
        }
    }
    // A compound unit wraps at its slashes: "元/人" / "/月", "万元/" / "个".
    while let Some(t) = toks.get(j) {
        let continues = (unit.ends_with('/') || t.text.starts_with('/')) && is_unit(t.text);
        if !continues || unit.len() > 40 {
            break;
        }
        unit.push_str(t.text);
        lines.push(t.no);
        row = t.row;
        j += 1;
    }
    lines.dedup();
    Some(Value {
        op,
        value,
        unit,
        lines,
        row,
        next: j,
    })
}

/// 一级指标 words. 满意度指标 and 成本指标 are also 二级 words (see [`split_levels`]).
const LEVEL1: [&str; 8] = [
    "产出指标",
    "成本指标",
    "效益指标",
    "满意度指标",
    "履职效能",
    "管理效率",
    "运行成本",
    "社会效应",
];
/// 二级指标 words.
const LEVEL2: [&str; 13] = [
    "数量指标",
    "质量指标",
    "时效指标",
    "成本指标",
    "经济成本指标",
    "社会成本指标",
    "生态环境成本指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
    "满意度指标",
];

/// The level words at the start of a row's text: `(一级, 二级, byte offset of the name)`.
/// A word that is both (满意度指标) and stands alone is the 二级 of `current` when it repeats
/// it, else a new 一级.
fn split_levels(text: &str, current: &str) -> (Option<&'static str>, Option<&'static str>, usize) {
    let word = |s: &str, list: &[&'static str]| list.iter().copied().find(|w| s.starts_with(w));
    if let Some(w1) = word(text, &LEVEL1) {
        if let Some(w2) = word(&text[w1.len()..], &LEVEL2) {
            return (Some(w1), Some(w2), w1.len() + w2.len());
        }
        if LEVEL2.contains(&w1) && current == w1 {
            return (None, Some(w1), w1.len());
        }
        return (Some(w1), None, w1.len());
    }
    match word(text, &LEVEL2) {
        Some(w2) => (None, Some(w2), w2.len()),
        None => (None, None, 0),
    }
}

/// A scoring rule cell ("按照完成比例赋分", "满意度赋分").
fn is_rule(s: &str) -> bool {
    s.ends_with('分')
        && ["赋分", "计分", "得分", "扣分", "记分"]
            .iter()
            .any(|m| s.contains(m))
}

/// Endings of a 佐证资料 cell ("工作资料", "原始凭证").
const EVIDENCE_ENDS: [&str; 15] = [
    "资料",
    "凭证",
    "台账",
    "记录",
    "报表",
    "报告",
    "文件",
    "照片",
    "清单",
    "证明",
    "材料",
    "问卷",
    "调查表",
    "截图",
    "票据",
];

/// A 赋分规则 or 佐证资料 cell.
fn is_trailing(s: &str) -> bool {
    is_rule(s) || (s.chars().count() <= 20 && EVIDENCE_ENDS.iter().any(|e| s.ends_with(e)))
}

/// How many lines from grid line `k` on make one cell that `accept`s (a cell wraps over at
/// most three lines). A line holding an operator, a number or a dash belongs to a row's
/// value, basis or weight, never to such a cell.
fn cell_lines(lines: &[&Line], k: usize, accept: fn(&str) -> bool) -> Option<usize> {
    let mut joined = String::new();
    for (n, l) in lines.get(k..)?.iter().take(3).enumerate() {
        let numeric = l
            .text
            .split_whitespace()
            .any(|t| is_dash(t) || decimal(t).is_some());
        if numeric || l.text.contains(is_op_char) {
            return None;
        }
        joined.push_str(l.compact());
        if accept(&joined) {
            return Some(n + 1);
        }
    }
    None
}

/// A 分值权重: a plain number of at most 100.
fn weight(tok: &str) -> Option<Decimal> {
    decimal(tok).filter(|w| *w >= Decimal::ZERO && *w <= Decimal::ONE_HUNDRED)
}

/// The 分值权重 token `i` holds, unless a "%" printed apart follows it ("不少于 80 %": a value).
fn weight_at(toks: &[Tok], i: usize) -> Option<Decimal> {
    let percent = toks
        .get(i + 1)
        .is_some_and(|n| n.row == toks[i].row && matches!(n.text, "%" | "％"));
    weight(toks[i].text).filter(|_| !percent)
}

/// Whether a line holds only numbers and dashes (上年完成值 and 分值权重 on their own line).
fn numbers_only(line: &Line) -> bool {
    line.text
        .split_whitespace()
        .all(|t| weight(t).is_some() || is_dash(t))
}

/// A dash or slash printed for an empty cell (上年完成值).
fn is_dash(tok: &str) -> bool {
    matches!(tok, "-" | "—" | "–" | "/")
}

/// An indicator whose value has been read and whose weight may still follow.
struct OpenRow<'a> {
    level1: String,
    level2: String,
    name: String,
    name_lines: Vec<LineNo>,
    value: Value,
    /// 指标值设置依据 and 上年完成值 fragments.
    basis: Vec<Tok<'a>>,
    /// 分值权重 and the token it was read from.
    weight: Option<(Decimal, Tok<'a>)>,
}

impl<'a> OpenRow<'a> {
    /// Takes `tok` as the weight; a number read as the weight before it was 上年完成值.
    fn set_weight(&mut self, w: Decimal, tok: Tok<'a>) {
        if let Some((_, prior)) = self.weight.replace((w, tok)) {
            self.basis.push(prior);
        }
    }

    /// The finished indicator, with every line it was read from.
    fn finish(self) -> Indicator {
        let mut lines = self.name_lines;
        lines.extend(&self.value.lines);
        lines.extend(self.basis.iter().map(|t| t.no));
        lines.extend(self.weight.map(|w| w.1.no));
        crate::sort::sort(&mut lines);
        lines.dedup();
        Indicator {
            level1: self.level1,
            level2: self.level2,
            name: self.name,
            op: self.value.op,
            value: self.value.value,
            unit: self.value.unit,
            weight: self.weight.map(|w| w.0),
            lines,
        }
    }
}

/// Opens a row from the text collected before its value; the levels carry over from the
/// rows before unless the text starts with new ones.
fn open_row<'a>(levels: &mut (String, String), text: &[Tok], value: Value) -> OpenRow<'a> {
    let mut joined = String::new();
    let mut ends = Vec::with_capacity(text.len());
    for t in text {
        let glue = joined.ends_with(|c: char| c.is_ascii_alphanumeric())
            && t.text.starts_with(|c: char| c.is_ascii_alphanumeric());
        if glue {
            joined.push(' ');
        }
        joined.push_str(t.text);
        ends.push((joined.len(), t.no));
    }
    let (l1, l2, at) = split_levels(&joined, &levels.0);
    if let Some(l1) = l1 {
        levels.0 = l1.to_owned();
        levels.1 = l2.unwrap_or_default().to_owned();
    } else if let Some(l2) = l2 {
        levels.1 = l2.to_owned();
    }
    OpenRow {
        level1: levels.0.clone(),
        level2: levels.1.clone(),
        name: joined[at..].trim().to_owned(),
        name_lines: ends
            .iter()
            .filter(|&&(end, _)| end > at)
            .map(|&(_, no)| no)
            .collect(),
        value,
        basis: Vec::new(),
        weight: None,
    }
}

/// Where the reader is within the grid.
enum State<'a> {
    /// Collecting the next row's levels and name.
    Text,
    /// After a value: 指标值设置依据 and 上年完成值, until the weight.
    Basis(OpenRow<'a>),
    /// After the weight (or a rule): 赋分规则 and 佐证资料 until the next row's text. Holds
    /// the grid line of the weight, whose remaining tokens are trailing columns.
    Tail(OpenRow<'a>, Option<usize>),
}

/// The index of the first token of grid line `row`, searching from token `from`.
fn line_start(toks: &[Tok], from: usize, row: usize) -> usize {
    let mut i = from;
    while toks.get(i).is_some_and(|t| t.row < row) {
        i += 1;
    }
    i
}

/// Reads the indicator rows of a grid (its column titles included).
fn indicators(grid: &[Line]) -> Vec<Indicator> {
    let lines = without_headers(grid);
    let toks = tokens(&lines);
    let mut out = Vec::new();
    let mut levels = (String::new(), String::new());
    let mut pending: Vec<Tok> = Vec::new();
    let mut state = State::Text;
    let mut i = 0;
    while let Some(&t) = toks.get(i) {
        let first_on_line = i == 0 || toks[i - 1].row != t.row;
        if let Some(value) = value_at(&toks, i) {
            if let State::Basis(row) = &mut state {
                // A value among the basis is 上年完成值 ("=7人 计划标准 =7人 10"): a new
                // row starts on a fresh line, with its name before the value.
                let text_before = row.basis.last().is_some_and(|b| b.row == t.row);
                if t.row == row.value.row || !text_before {
                    row.basis.extend(&toks[i..value.next]);
                    i = value.next;
                    continue;
                }
            }
            match std::mem::replace(&mut state, State::Text) {
                State::Text => {}
                State::Basis(mut row) => {
                    // No weight was printed: the text on this operator's line belongs to
                    // the new row. (`pending` is empty: after a value, text goes to the
                    // open row until it closes.)
                    let keep = row
                        .basis
                        .iter()
                        .position(|b| b.row == t.row)
                        .unwrap_or(row.basis.len());
                    pending.extend(row.basis.drain(keep..));
                    out.push(row.finish());
                }
                State::Tail(row, _) => out.push(row.finish()),
            }
            i = value.next;
            state = State::Basis(open_row(&mut levels, &pending, value));
            pending.clear();
            continue;
        }
        let mut next = i + 1;
        if first_on_line && !matches!(state, State::Basis(_)) && numbers_only(lines[t.row]) {
            match &mut state {
                // 上年完成值 and 分值权重 on lines of their own ("8" / "10").
                State::Tail(_, Some(w)) if t.row == *w + 1 => *w = t.row,
                // Elsewhere a lone number is a page number.
                _ => {
                    i = line_start(&toks, i, t.row + 1);
                    continue;
                }
            }
        }
        state = match std::mem::replace(&mut state, State::Text) {
            State::Text => {
                pending.push(t);
                State::Text
            }
            State::Basis(mut row) => {
                let rule = first_on_line
                    .then(|| cell_lines(&lines, t.row, is_rule))
                    .flatten();
                if let Some(w) = weight_at(&toks, i) {
                    row.set_weight(w, t);
                    State::Tail(row, Some(t.row))
                } else if let Some(n) = rule {
                    // A rule before any weight: the weight cell is empty.
                    next = line_start(&toks, i, t.row + n);
                    State::Tail(row, None)
                } else {
                    row.basis.push(t);
                    State::Basis(row)
                }
            }
            State::Tail(mut row, weight_row) => {
                let trailing = first_on_line
                    .then(|| cell_lines(&lines, t.row, is_trailing))
                    .flatten();
                if weight_row == Some(t.row) {
                    // The weight's line: a later number is the weight (the one before it
                    // was 上年完成值); text is 赋分规则 / 佐证资料.
                    if let Some(w) = weight_at(&toks, i) {
                        row.set_weight(w, t);
                    }
                    State::Tail(row, weight_row)
                } else if let Some(n) = trailing {
                    next = line_start(&toks, i, t.row + n);
                    State::Tail(row, weight_row)
                } else {
                    out.push(row.finish());
                    pending.push(t);
                    State::Text
                }
            }
        };
        i = next;
    }
    match state {
        State::Basis(row) | State::Tail(row, _) => out.push(row.finish()),
        State::Text => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines;
    use std::str::FromStr;

    #[test]
    fn a_dash_alone_is_an_empty_cell_and_a_dash_before_a_figure_is_not() {
        let at = "其他资金".len();
        for (text, want) in [
            ("其他资金 - 其他资金 -", Some("0")),
            ("其他资金 -项目绩效", Some("0")),
            ("其他资金 —", Some("0")),
            ("其他资金 - 516000.00", None),
            ("其他资金 -516000.00", None),
            ("其他资金 516000.00", Some("516000.00")),
        ] {
            let got = number_at(text, at).map(|(v, _)| v.to_string());
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    const SAMPLE: &str =
        include_str!("../../../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt");

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// Reads `text` as one table of `scope` spanning all its lines.
    fn table(text: &str, scope: PerformanceScope) -> PerformanceTable {
        let lines = lines(text);
        let span = PerfSpan {
            scope,
            start: 0,
            end: lines.len(),
        };
        read(&lines, &span)
    }

    #[test]
    fn value_forms() {
        for (input, op, value, unit, lines_used) in [
            ("＞=4\n万人", Op::Ge, "4", "万人", vec![1, 2]),
            (
                "＜\n=100\n元/人\n/月",
                Op::Le,
                "100",
                "元/人/月",
                vec![1, 2, 3, 4],
            ),
            (
                "＜\n=400\n元/月\n/人",
                Op::Le,
                "400",
                "元/月/人",
                vec![1, 2, 3, 4],
            ),
            (
                "＜=0.50\n万元/\n个",
                Op::Le,
                "0.50",
                "万元/个",
                vec![1, 2, 3],
            ),
            ("=100%", Op::Eq, "100", "%", vec![1]),
            ("=26 人", Op::Eq, "26", "人", vec![1]),
            ("＞=12\n次", Op::Ge, "12", "次", vec![1, 2]),
            ("＞\n=95%", Op::Ge, "95", "%", vec![1, 2]),
            ("≤0.58 万元", Op::Le, "0.58", "万元", vec![1]),
            ("≥ 4 次", Op::Ge, "4", "次", vec![1]),
            ("＞3件", Op::Gt, "3", "件", vec![1]),
            ("<5", Op::Lt, "5", "", vec![1]),
            ("=7人 计划标准 - 10", Op::Eq, "7", "人", vec![1]),
        ] {
            let lines = lines(input);
            let refs: Vec<&Line> = lines.iter().collect();
            let toks = tokens(&refs);
            let v = value_at(&toks, 0).unwrap_or_else(|| panic!("{input:?}"));
            assert_eq!(
                (v.op, v.value.to_string(), v.unit.as_str(), v.lines),
                (op, value.to_owned(), unit, lines_used),
                "{input:?}"
            );
        }
        for input in [
            "<script>",
            "=",
            "＞=\n计划标准",
            "=1.",
            "=.5",
            "<<<<1",
            "≥=3",
            "指标",
        ] {
            let lines = lines(input);
            let refs: Vec<&Line> = lines.iter().collect();
            assert!(value_at(&tokens(&refs), 0).is_none(), "{input:?}");
        }
    }

    #[test]
    fn the_sample_tables() {
        let doc = crate::parse(SAMPLE).document;
        let perf = &doc.performance;
        assert_eq!(perf.len(), 8);

        let dept = &perf[0];
        assert_eq!(dept.scope, PerformanceScope::Department);
        assert_eq!(dept.span, (1717, 1794));
        assert_eq!(dept.project, None);
        let amount = |q: &Option<Quantity>| q.as_ref().map(|q| (q.value.to_string(), q.line));
        assert_eq!(amount(&dept.superior), Some(("16.96".to_owned(), 1746)));
        assert_eq!(amount(&dept.local), Some(("2283.56".to_owned(), 1748)));
        assert_eq!(amount(&dept.other), Some(("0.00".to_owned(), 1750)));
        assert_eq!(dept.total, None, "资金总额 is not printed as a number");
        assert_eq!(dept.fiscal, None);
        let rows: Vec<_> = dept
            .indicators
            .iter()
            .map(|i| {
                (
                    i.level1.as_str(),
                    i.level2.as_str(),
                    i.name.as_str(),
                    i.op,
                    i.value,
                    i.unit.as_str(),
                    i.weight,
                )
            })
            .collect();
        let ge = |n: &str, v: i64, u: &'static str, w: i64| {
            (
                "履职效能",
                "数量指标",
                n.to_owned(),
                Op::Ge,
                Decimal::from(v),
                u,
                Some(Decimal::from(w)),
            )
        };
        let want = [
            ge("信访事项化解件数", 3, "件", 20),
            ge("为民办实事件数", 7, "件", 25),
            ge("开展群众性文体活动次数", 8, "次", 20),
            ge("节日慰问人数", 30, "人", 25),
        ];
        assert_eq!(rows.len(), want.len());
        for (got, want) in rows.iter().zip(&want) {
            assert_eq!(
                (got.0, got.1, got.2, got.3, got.4, got.5, got.6),
                (
                    want.0,
                    want.1,
                    want.2.as_str(),
                    want.3,
                    want.4,
                    want.5,
                    want.6
                )
            );
        }
        assert_eq!(dept.indicators[0].lines, [1756, 1758, 1760, 1762, 1764]);

        let projects = [
            ("部门专项-居民身份网格党支部书记岗位补贴", "0.84", 1801, 7),
            ("部门专项-社区党建工作经费", "95.00", 1978, 8),
            (
                "部门专项-社区工作人员（助理）社会工作师补贴",
                "10.32",
                2151,
                8,
            ),
            ("部门专项-十一届市级人大代表活动经费", "1.54", 2325, 8),
            ("部门专项-网格工作经费", "23.00", 2506, 7),
            ("部门专项-为民办实事经费-社区", "50.00", 2671, 7),
            ("部门专项-综合文化站免费开放经费", "0.30", 2841, 8),
        ];
        for (t, (name, total, line, rows)) in perf[1..].iter().zip(projects) {
            assert_eq!(t.scope, PerformanceScope::Project);
            let p = t.project.as_ref().unwrap();
            assert_eq!((p.value.as_str(), p.line), (name, line));
            let total = total.to_owned();
            assert_eq!(amount(&t.total).map(|a| a.0), Some(total.clone()), "{name}");
            assert_eq!(amount(&t.fiscal).map(|a| a.0), Some(total), "{name}");
            assert_eq!(
                amount(&t.other).map(|a| a.0),
                Some("0.00".to_owned()),
                "{name}"
            );
            assert_eq!((t.superior.as_ref(), t.local.as_ref()), (None, None));
            assert_eq!(t.indicators.len(), rows, "{name}");
            let weights: Decimal = t.indicators.iter().filter_map(|i| i.weight).sum();
            assert_eq!(weights, Decimal::from(90), "{name}");
            assert!(t.indicators.iter().all(|i| i.weight.is_some()), "{name}");
            // 产出 40 + 成本 20 + 效益 20 + 满意度 10.
            for (level, w) in [
                ("产出指标", 40),
                ("成本指标", 20),
                ("效益指标", 20),
                ("满意度指标", 10),
            ] {
                let sum: Decimal = t
                    .indicators
                    .iter()
                    .filter(|i| i.level1 == level)
                    .filter_map(|i| i.weight)
                    .sum();
                assert_eq!(sum, Decimal::from(w), "{name} {level}");
            }
        }
        // The wrapped 项目负责人 (西仁古丽·尤 / 努斯) stays out of the name.
        assert_eq!(perf[7].span, (2835, 3020));
        assert_eq!(perf[1].fiscal.as_ref().map(|q| q.line), Some(1811));

        let find = |name: &str| {
            perf.iter()
                .flat_map(|t| &t.indicators)
                .find(|i| i.name == name)
                .unwrap_or_else(|| panic!("{name}"))
        };
        let cost = find("居民网格党支部书记岗位补助成本");
        assert_eq!(
            (
                cost.level1.as_str(),
                cost.level2.as_str(),
                cost.op,
                cost.value,
                cost.unit.as_str(),
                cost.weight
            ),
            (
                "成本指标",
                "经济成本指标",
                Op::Le,
                d("100"),
                "元/人/月",
                Some(d("20"))
            )
        );
        assert_eq!(cost.lines, [1916, 1918, 1920, 1922, 1924, 1926, 1928]);
        let check = |name: &str, op: Op, value: &str, unit: &str, weight: &str| {
            let i = find(name);
            assert_eq!(
                (i.op, i.value.to_string(), i.unit.as_str(), i.weight),
                (op, value.to_owned(), unit, Some(d(weight))),
                "{name}"
            );
        };
        check(
            "十一届人大代表生活补助费用成本",
            Op::Le,
            "0.58",
            "万元",
            "10",
        );
        check("中级社会工作者补助标准", Op::Le, "400", "元/月/人", "10");
        check("初级社会工作者补助标准", Op::Le, "300", "元/月/人", "10");
        check("网格管理受益居民人数", Op::Ge, "4", "万人", "20");
        check("受益社区数量", Op::Eq, "2", "个", "20");
        check("资金补助覆盖率", Op::Eq, "100", "%", "10");
        check("初级社会工作者补助人数", Op::Eq, "26", "人", "10");
        check("居民网格党支部书记补助次数", Op::Ge, "12", "次", "10");
        check(
            "打造社区每网格管理费用成本",
            Op::Le,
            "0.50",
            "万元/个",
            "20",
        );
        check("为民办实事社区正常运转率", Op::Eq, "100", "%", "10");
        check("制作宣传广告数量", Op::Ge, "1", "套", "10");
        let fee = find("十一届人大代表生活补助费用成本");
        assert_eq!(fee.lines, [2446, 2448, 2450, 2452, 2454, 2456]);
        let sat = find("网格居民满意度");
        assert_eq!(
            (sat.level1.as_str(), sat.level2.as_str()),
            ("满意度指标", "满意度指标")
        );
        assert_eq!(sat.lines, [1967, 1968, 1970, 1971]);
        // Neither the column titles nor 赋分规则 / 佐证资料 fragments become rows or names.
        for t in perf {
            for i in &t.indicators {
                for junk in ["指标值", "权重", "赋分", "工作资料", "原始凭证", "计划标准"]
                {
                    assert!(!i.name.contains(junk), "{:?}", i.name);
                }
                assert!(!i.name.is_empty());
            }
        }
    }

    #[test]
    fn project_name_wraps_until_the_manager() {
        let t = table(
            "项目支出绩效目标表\n项目名称：部门专项-很长的 项目\n名称续行 项目负责人 张三\n项目资金(万元) 年度预算总额 1.00",
            PerformanceScope::Project,
        );
        let p = t.project.unwrap();
        assert_eq!(
            (p.value.as_str(), p.line),
            ("部门专项-很长的 项目名称续行", 2)
        );
        assert_eq!(t.total.map(|q| q.value), Some(d("1.00")));
    }

    #[test]
    fn goal_text_is_not_funding() {
        let t = table(
            "部门整体绩效目标表\n年度绩效目标\n其他 5 个社区，上级安排 3 次\n年度预算(万元)\n资金总额（万元） 12.50\n上级安排 2.50 本级安排 10.00\n其他资金（万元） 其他 0.00",
            PerformanceScope::Department,
        );
        let v = |q: Option<Quantity>| q.map(|q| (q.value.to_string(), q.line));
        assert_eq!(v(t.total), Some(("12.50".to_owned(), 5)));
        assert_eq!(v(t.superior), Some(("2.50".to_owned(), 6)));
        assert_eq!(v(t.local), Some(("10.00".to_owned(), 6)));
        assert_eq!(v(t.other), Some(("0.00".to_owned(), 7)));
    }

    #[test]
    fn missing_weights_glued_values_and_repeated_titles() {
        // A project grid whose first weight cell is empty, a name glued to its value, and
        // the column titles repeated after a page break.
        let t = table(
            "项目支出绩效目标表\n一级\n指标\n二级\n指标\n三级指标\n指标值 指标值设置依据 上年完成值 指标分值权重 指标赋分规则 佐证资料\n产出\n指标\n数量\n指标\n补助人数\n=7人 计划标准 -\n按照完成比例赋\n分\n工作资料\n补助次数\n≥ 12\n次\n计划标准 - 10\n按照完成比例赋分 工作资料\n一级指标 二级指标 三级指标\n指标 值\n质量指标 覆盖率=100% 计划标准 8 10 满意度赋分 原始凭证",
            PerformanceScope::Project,
        );
        let rows: Vec<_> = t
            .indicators
            .iter()
            .map(|i| {
                (
                    i.level1.as_str(),
                    i.level2.as_str(),
                    i.name.as_str(),
                    i.weight,
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("产出指标", "数量指标", "补助人数", None),
                ("产出指标", "数量指标", "补助次数", Some(d("10"))),
                ("产出指标", "质量指标", "覆盖率", Some(d("10"))),
            ]
        );
        assert_eq!(t.indicators[0].lines, [12, 13]);
        // A department grid without weights: text on the next operator's line opens the row.
        let t = table(
            "部门整体绩效目标表\n一级指标 二级指标 三级指标 指标值 指标设定依据 分值权重\n履职效能\n数量指标 信访事项化解件数 ＞=3件\n2024年工作计划\n数量指标 为民办实事件数 ＞=7件\n2024年工作计划\n25",
            PerformanceScope::Department,
        );
        let rows: Vec<_> = t
            .indicators
            .iter()
            .map(|i| {
                (
                    i.level2.as_str(),
                    i.name.as_str(),
                    i.weight,
                    i.lines.clone(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("数量指标", "信访事项化解件数", None, vec![4, 5]),
                ("数量指标", "为民办实事件数", Some(d("25")), vec![6, 7, 8]),
            ]
        );
    }

    #[test]
    fn prior_values_split_weights_and_page_numbers() {
        // 上年完成值 printed with an operator (on the value's line, then on a line of its
        // own), a page number between rows, and 上年完成值 / 分值权重 on separate lines.
        let t = table(
            "项目支出绩效目标表\n一级指标\n产出指标 数量指标 补助人数 =7人 计划标准 =7人 10 按照完成比例赋分 工作资料\n补助次数\n=12次\n计划标准\n=12次\n10\n按照完成比例赋分\n工作资料\n23\n补助户数 =5户 计划标准\n8\n10\n工作资料",
            PerformanceScope::Project,
        );
        let rows: Vec<_> = t
            .indicators
            .iter()
            .map(|i| {
                (
                    i.name.as_str(),
                    i.value,
                    i.unit.as_str(),
                    i.weight,
                    i.lines.clone(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("补助人数", d("7"), "人", Some(d("10")), vec![3]),
                (
                    "补助次数",
                    d("12"),
                    "次",
                    Some(d("10")),
                    vec![4, 5, 6, 7, 8]
                ),
                ("补助户数", d("5"), "户", Some(d("10")), vec![12, 13, 14]),
            ]
        );
        assert!(t.indicators.iter().all(|i| i.level2 == "数量指标"));
    }

    /// The first 项目支出绩效目标表 of the sample, as given (lines 1795–1971).
    fn sample_table() -> String {
        SAMPLE
            .lines()
            .skip(1794)
            .take(1971 - 1794)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn truncated_and_garbled_input_never_panics() {
        let full = sample_table();
        assert_eq!(table(&full, PerformanceScope::Project).indicators.len(), 7);
        let cuts = full.char_indices().map(|(i, _)| i);
        for cut in cuts.chain([full.len()]) {
            for scope in [PerformanceScope::Project, PerformanceScope::Department] {
                let t = table(&full[..cut], scope);
                assert!(t.indicators.len() <= 7);
            }
        }
        let lines = lines(&full);
        for start in 0..=lines.len() + 2 {
            for end in [0, start / 2, start, start + 1, lines.len(), usize::MAX] {
                let span = PerfSpan {
                    scope: PerformanceScope::Project,
                    start,
                    end,
                };
                read(&lines, &span);
            }
        }
        for garbage in [
            "",
            "＜",
            "一级",
            "一级\n=",
            "一级\n<<<<<<<<<<<<<<<<",
            "一级\n= = = = 5 5 5",
            "一级\n=99999999999999999999999 人",
            "一级\n=1/////////////////////////////////////////////////////////////",
            "项目名称",
            "项目名称 项目负责人",
            "年度预算总额 （",
            "其他资金（万元",
            "其他（（（（（（ 1",
            "\u{0}\u{feff}≥≤≧≦＝",
            "一级\n产出指标满意度指标满意度指标=1\n-\n-\n100 100 100\n分\n分",
        ] {
            for scope in [PerformanceScope::Project, PerformanceScope::Department] {
                table(garbage, scope);
            }
        }
    }

    #[test]
    fn large_grids_read_in_linear_time() {
        let row =
            "产出\n指标\n数量\n指标\n补助人数\n=7人 计划标准 - 10\n按照完成比例赋\n分\n工作资料\n";
        let text = format!("项目支出绩效目标表\n一级指标\n{}", row.repeat(20_000));
        let t = table(&text, PerformanceScope::Project);
        assert_eq!(t.indicators.len(), 20_000);
        let text = format!(
            "项目支出绩效目标表\n项目名称 {}",
            "其他（万元 ".repeat(20_000)
        );
        assert_eq!(table(&text, PerformanceScope::Project).other, None);
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_grids_never_panic(text in "[一级指标产出数量满意度=<>≥≤＜＞0-9. %/万元人次个\n项目名称负责人其他资金（）:：-]{0,300}") {
            for scope in [PerformanceScope::Project, PerformanceScope::Department] {
                let t = table(&text, scope);
                for i in &t.indicators {
                    proptest::prop_assert!(!i.lines.is_empty());
                }
            }
        }
    }
}
