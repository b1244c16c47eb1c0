//! Headline totals of tables whose rows could not be read.
//!
//! A copy may print a table column by column, or in blocks: pdftotext without `-layout` prints
//! the Shanghai 决算's 收入支出决算总表 as its labels in one run and its amounts in another, out
//! of row order ("本年收入合计 / 2,946.25 / … / 使用非财政拨款结余（含专用结余） / 年初结转和结余 /
//! 总计 / 结余分配 / 49.14 / 2,995.39"), and its 支出决算表 with a row's 合计 far from its 基本支出
//! and 项目支出. When the row readers cannot place such a table's amounts, the table is not
//! read, and rightly: no check is drawn from it. Its headline totals can still be known for
//! certain, without placing any other amount, when three things say the same:
//!
//! - the table prints the amount (and where a total's place can be told from its label, right
//!   after that label);
//! - the narrative (第三部分) states it, as the same quantity;
//! - the table's own sums hold with it: the 总计 is the table's largest amount, printed on both
//!   sides, and each side's 本年合计 (as the narrative states it and the table prints it) plus
//!   amounts the table prints makes it; 基本支出 + 项目支出 = 支出合计, printed together; 人员经费
//!   合计 + 公用经费合计 = 基本支出, which another table read row by row (or the table itself)
//!   prints.
//!
//! A total so found is kept beside the tables ([`Document::confirmed`]), for the document's
//! summary only: no check reads it (the table stays unread for them, and a figure confirmed by
//! the narrative cannot be checked against the narrative). An amount edited, deleted or moved
//! away from its label breaks one of the three and the total stays unread.
//!
//! Bounded: a body of more than [`MAX_AMOUNTS`] amounts is not weighed, and each test is one
//! pass over the amounts (the sums of two use a set: linear).

use std::collections::HashSet;

use rust_decimal::Decimal;

use super::numbers::{table_token, AmountStyle, NumToken};
use super::segment::TableSpan;
use super::topics::main_statement;
use crate::model::{
    Col, ConfirmedTotal, Document, LineNo, Quantity, Side, Statement, TableKind, Unit,
};
use crate::text::Line;

/// The most amounts of one table's body weighed (a real table prints a few hundred).
pub const MAX_AMOUNTS: usize = 4_000;

/// A word of a table's body, in printed order.
struct Word<'a> {
    text: &'a str,
    line: LineNo,
    amount: Option<Decimal>,
}

/// The words of a table's body (after its title line), amounts read in the table's style.
fn words<'a>(lines: &'a [Line], span: &TableSpan, unit: Unit) -> Vec<Word<'a>> {
    let style = match unit {
        Unit::Wan => AmountStyle::Decimals,
        Unit::Yuan => AmountStyle::Integers,
    };
    let from = (span.start + 1).min(span.end);
    lines[from..span.end.min(lines.len())]
        .iter()
        .flat_map(|l| {
            l.text.split_whitespace().map(move |w| Word {
                text: w,
                line: l.no,
                amount: match table_token(w, style) {
                    Some(NumToken::Amount(v)) => Some(v),
                    _ => None,
                },
            })
        })
        .collect()
}

/// The narrative's main money statements of a topic's chapters (not in a reason), with their
/// index.
fn stated(doc: &Document, topic: u8) -> impl Iterator<Item = (usize, &Statement)> {
    doc.statements
        .iter()
        .enumerate()
        .filter(move |(_, s)| main_statement(doc, s, topic))
}

/// A statement's amount in 万元.
fn wan(q: &Quantity) -> Option<Decimal> {
    Some(q.unit.money()?.to_wan(q.value))
}

/// Whether a table's amount (in `unit`) is the narrative's `q`: equal in 万元, or equal once
/// rounded to the narrative's printed digits (a 元 table, a narrative in 万元).
fn agrees(v: Decimal, unit: Unit, q: &Quantity) -> bool {
    let Some(n) = wan(q) else { return false };
    let t = unit.to_wan(v);
    t == n || t.round_dp(n.scale()) == n
}

/// The first main statement of a topic that is no part of another and whose subject passes
/// `pred`, with its index.
fn whole(doc: &Document, topic: u8, pred: impl Fn(&str) -> bool) -> Option<(usize, &Quantity)> {
    stated(doc, topic)
        .find(|(_, s)| s.whole.is_none() && pred(&s.subject))
        .and_then(|(i, s)| Some((i, s.value.as_ref()?)))
}

/// The two statements the text gives as parts of statement `of`, the one naming `a` (and not
/// `b`) and the one naming `b` (and not `a`): 基本支出 and 项目支出 of 支出合计.
fn parts<'d>(
    doc: &'d Document,
    topic: u8,
    of: usize,
    (a, b): (&str, &str),
) -> Option<(&'d Quantity, &'d Quantity)> {
    let part = |this: &str, other: &str| {
        stated(doc, topic)
            .find(|(_, s)| {
                s.whole == Some(of) && s.subject.contains(this) && !s.subject.contains(other)
            })
            .and_then(|(_, s)| s.value.as_ref())
    };
    Some((part(a, b)?, part(b, a)?))
}

/// The totals of the tables of `spans` found as the module describes (whether or not their rows
/// were read: the summary takes them only where the rows give no such cell, or were not read
/// reliably).
pub fn confirm(lines: &[Line], spans: &[TableSpan], doc: &Document) -> Vec<ConfirmedTotal> {
    let mut out = Vec::new();
    for span in spans {
        let Some(title) = lines.get(span.start) else {
            continue;
        };
        let Some(table) = doc
            .tables
            .iter()
            .find(|t| t.kind == span.kind && t.span.0 == title.no)
        else {
            continue;
        };
        let unit = table.unit;
        let words = || words(lines, span, unit);
        let found = match span.kind {
            TableKind::Summary => summary(&words(), unit, doc),
            TableKind::Expense => expense(&words(), unit, doc),
            TableKind::GeneralBasic => general_basic(&words(), unit, doc),
            _ => None,
        };
        out.extend(
            found
                .unwrap_or_default()
                .into_iter()
                .map(|(side, col, value, lines)| ConfirmedTotal {
                    kind: span.kind,
                    side,
                    col,
                    value,
                    lines,
                }),
        );
    }
    out
}

type Found = Vec<(Side, Col, Decimal, Vec<LineNo>)>;

/// The amounts of a body, when it is small enough to weigh.
fn amounts(words: &[Word]) -> Option<Vec<(Decimal, LineNo, usize)>> {
    let a: Vec<(Decimal, LineNo, usize)> = words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| Some((w.amount?, w.line, i)))
        .collect();
    (!a.is_empty() && a.len() <= MAX_AMOUNTS).then_some(a)
}

/// Whether `d` is zero, one printed amount, or two printed amounts added (a side's rows between
/// its 本年合计 and its 总计: 使用非财政拨款结余 and 年初结转和结余, 结余分配 and 年末结转和结余).
fn zero_one_or_two(d: Decimal, amounts: &[(Decimal, LineNo, usize)]) -> bool {
    if d.is_zero() {
        return true;
    }
    let set: HashSet<Decimal> = amounts.iter().map(|a| a.0.normalize()).collect();
    set.contains(&d.normalize()) || amounts.iter().any(|a| set.contains(&(d - a.0).normalize()))
}

/// 收入支出决算总表: 收入总计 and 支出总计. The narrative's 收入支出总计 is the body's largest amount,
/// printed at least twice (once on each side) after a 总计 label; and each side's 本年合计 the
/// narrative states is printed right after its label, the rest of its side (zero, one or two
/// printed amounts) making up the 总计.
fn summary(words: &[Word], unit: Unit, doc: &Document) -> Option<Found> {
    let amts = amounts(words)?;
    let (_, q) = whole(doc, 1, |s| s.contains("总计") && !s.contains("财政拨款"))?;
    let at: Vec<&(Decimal, LineNo, usize)> = amts.iter().filter(|a| agrees(a.0, unit, q)).collect();
    let (first, last) = (at.first()?, at.last()?);
    let x = first.0;
    let labels = words.iter().filter(|w| w.text == "总计").count();
    if at.len() < 2 || labels < 2 || amts.iter().any(|a| a.0 > x) {
        return None;
    }
    let first_total_label = words.iter().position(|w| w.text == "总计");
    if first_total_label.is_none_or(|p| p > first.2) {
        return None;
    }
    // Each side's 本年合计, stated and printed right after its label.
    for (label, topic, subject) in [("本年收入合计", 2, "收入"), ("本年支出合计", 3, "支出")]
    {
        let (_, q) = whole(doc, topic, |t| {
            t.contains(subject) && !t.contains("财政拨款")
        })?;
        let printed = words
            .windows(2)
            .find(|w| w[0].text == label && w[1].amount.is_some_and(|v| agrees(v, unit, q)));
        let v = printed.and_then(|w| w[1].amount)?;
        if v > x || !zero_one_or_two(x - v, &amts) {
            return None;
        }
    }
    Some(vec![
        (Side::Income, Col::Amount, x, vec![first.1]),
        (Side::Expense, Col::Amount, last.0, vec![last.1]),
    ])
}

/// 支出决算表: 基本支出 and 项目支出 of its 合计 row. The narrative's 支出合计 is the body's
/// largest amount, printed right after the 合计 label; its 基本支出 and 项目支出 add up to it and
/// are printed one right after the other.
fn expense(words: &[Word], unit: Unit, doc: &Document) -> Option<Found> {
    let amts = amounts(words)?;
    let (i, t) = whole(doc, 3, |s| s.contains("支出") && !s.contains("财政拨款"))?;
    let (b, p) = parts(doc, 3, i, ("基本支出", "项目支出"))?;
    // The 合计 label, its amount right after it, the largest of the body.
    let tv = words
        .windows(2)
        .find(|w| w[0].text == "合计" && w[1].amount.is_some_and(|v| agrees(v, unit, t)))
        .and_then(|w| w[1].amount)?;
    if amts.iter().any(|a| a.0 > tv) {
        return None;
    }
    // 基本支出 then 项目支出, printed together, adding up to the 合计.
    let pairs: Vec<(Decimal, Decimal, LineNo, LineNo)> = words
        .windows(2)
        .filter_map(|w| Some((w[0].amount?, w[1].amount?, w[0].line, w[1].line)))
        .filter(|&(bv, pv, _, _)| agrees(bv, unit, b) && agrees(pv, unit, p) && bv + pv == tv)
        .collect();
    let [(bv, pv, bl, pl)] = pairs.as_slice() else {
        return None;
    };
    Some(vec![
        (Side::Whole, Col::Basic, *bv, vec![*bl]),
        (Side::Whole, Col::Project, *pv, vec![*pl]),
    ])
}

/// 一般公共预算财政拨款基本支出决算表: 人员经费合计 and 公用经费合计, each printed right after its
/// label, stated by the narrative as the parts of its 基本支出, adding up to it; and that
/// 基本支出 printed by this table or by another read row by row (its 基本支出 合计).
fn general_basic(words: &[Word], unit: Unit, doc: &Document) -> Option<Found> {
    let amts = amounts(words)?;
    let (i, bq) = whole(doc, 6, |s| s.contains("基本支出"))?;
    let (pq, uq) = parts(doc, 6, i, ("人员经费", "公用经费"))?;
    let after_label = |word: &str, q: &Quantity| -> Vec<(Decimal, LineNo)> {
        words
            .windows(2)
            .filter(|w| w[0].amount.is_none() && w[0].text.contains(word))
            .filter_map(|w| Some((w[1].amount?, w[1].line)))
            .filter(|&(v, _)| agrees(v, unit, q))
            .collect()
    };
    let (pv, uv) = (after_label("人员经费", pq), after_label("公用经费", uq));
    let ([(pv, pl)], [(uv, ul)]) = (pv.as_slice(), uv.as_slice()) else {
        return None;
    };
    let sum = *pv + *uv;
    if !agrees(sum, unit, bq) || amts.iter().any(|a| a.0 > sum) {
        return None;
    }
    // The 基本支出 printed: by this table, or as the 基本支出 合计 of another table read.
    let elsewhere = [TableKind::Expense, TableKind::GeneralExpense]
        .iter()
        .filter_map(|&k| {
            let t = doc.table(k)?;
            let b = t.block(Side::Whole)?;
            let c = b.cell(b.total()?, Col::Basic)?;
            Some(t.unit.to_wan(c.value))
        })
        .any(|v| v == unit.to_wan(sum));
    if !elsewhere && !amts.iter().any(|a| a.0 == sum) {
        return None;
    }
    Some(vec![
        (Side::Whole, Col::Personnel, *pv, vec![*pl]),
        (Side::Whole, Col::Public, *uv, vec![*ul]),
    ])
}
