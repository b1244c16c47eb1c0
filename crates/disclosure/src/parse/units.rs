//! Units that cannot be off by ten thousand: each table's unit checked against the narrative.
//!
//! A table's unit is read from its own header ("单位：元", "单位：万元", "单位: 万元"); a table
//! whose header unit is not where the reader looks (a copy that moves the line away, a label it
//! does not know) takes the unit most tables print. The narrative states the same totals in its
//! own unit ("收入预算9,101.68万元"): a table total that is exactly 10,000 times the stated one
//! (within the rounding of both) was read in the wrong unit. That is the reader's error, never
//! the document's: the unit is corrected, and one reading note says so.

use rust_decimal::Decimal;

use super::segment::compact;
use crate::format::amount;
use crate::model::*;

/// Tables whose unit the narrative shows to be the other one, and the note that says so.
pub struct Correction {
    /// The corrected unit of each table (by index; `None`: unchanged).
    pub units: Vec<Option<Unit>>,
    /// The reading note.
    pub note: Diagnostic,
}

/// How a table total compares with the narrative's statement of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// Equal in the unit read (within rounding).
    Agrees,
    /// Equal only in the other unit: exactly 10,000 times off.
    OtherUnit(Unit),
}

/// One comparison: a table's total and the statement that restates it.
struct Evidence<'a> {
    table: usize,
    what: (&'static str, &'static str),
    value: Decimal,
    line: LineNo,
    statement: &'a Statement,
    verdict: Verdict,
}

/// Words of a subject that name a part of the total (a source, a kind of spending), not the
/// total itself.
const PARTS: [&str; 18] = [
    "财政拨款",
    "一般公共",
    // "一般" left on the line before ("…支出预算中，一般" / "公共预算拨款支出预算…").
    "公共预算",
    "政府性基金",
    "国有资本",
    "事业",
    "经营",
    "其他",
    "上级",
    "结转",
    "结余",
    "转移支付",
    "基本",
    "项目",
    "三公",
    "本级",
    "单位资金",
    "财政专户",
];

/// The ends of a subject that states the income total.
const INCOME_TOTALS: [&str; 7] = [
    "收入预算",
    "收入总预算",
    "收支总预算",
    "收支预算",
    "收入支出总计",
    "收入支出总预算",
    "收入总计",
];

/// The ends of a subject that states the spending total.
const EXPENSE_TOTALS: [&str; 7] = [
    "支出预算",
    "支出总预算",
    "收支总预算",
    "收支预算",
    "收入支出总计",
    "收入支出总预算",
    "支出总计",
];

/// The parts of the 三公 total, which a statement of the total does not name.
const THREE_PUBLIC_PARTS: [&str; 5] = ["因公出国", "公务用车", "接待", "购置", "运行"];

/// The first statement (not a reason's figure) with an amount whose subject satisfies `pred`
/// (compact, the department's name taken out).
fn stated(doc: &Document, pred: impl Fn(&str) -> bool) -> Option<&Statement> {
    let department = doc.meta.department.as_ref().map(|d| compact(&d.value));
    doc.statements.iter().find(|s| {
        let money = s.value.as_ref().is_some_and(|q| q.unit.money().is_some());
        let mut subject = compact(&s.subject);
        if let Some(d) = department.as_deref().filter(|d| !d.is_empty()) {
            subject = subject.replace(d, "");
        }
        money && !s.in_reason && pred(&subject)
    })
}

fn is_total(subject: &str, ends: &[&str]) -> bool {
    ends.iter().any(|e| subject.ends_with(e)) && !PARTS.iter().any(|p| subject.contains(p))
}

/// Half a unit of an amount's last printed digit, in 万元.
fn half_digit(v: Decimal, unit: Unit) -> Decimal {
    unit.to_wan(Decimal::new(5, v.scale().min(26) + 1))
}

/// A table amount read in `unit` against a stated amount: equal within the rounding of both,
/// or equal only in the other unit.
fn compare(value: Decimal, unit: Unit, q: &Quantity) -> Option<Verdict> {
    let su = q.unit.money()?;
    let stated = su.to_wan(q.value);
    if stated.is_zero() || value.is_zero() {
        return None;
    }
    let close = |u: Unit| {
        let tolerance = half_digit(q.value, su) + half_digit(value, u);
        (u.to_wan(value) - stated).abs() <= tolerance
    };
    let other = match unit {
        Unit::Wan => Unit::Yuan,
        Unit::Yuan => Unit::Wan,
    };
    if close(unit) {
        Some(Verdict::Agrees)
    } else if close(other) {
        Some(Verdict::OtherUnit(other))
    } else {
        None
    }
}

/// Every comparison the document allows: 表1's 收入总计 and 支出总计 with the narrative's income
/// and spending totals, the 三公 table's 合计 with the narrative's 三公 total.
fn evidence(doc: &Document) -> Vec<Evidence<'_>> {
    let income = stated(doc, |s| is_total(s, &INCOME_TOTALS));
    let expense = stated(doc, |s| is_total(s, &EXPENSE_TOTALS));
    let three_public = stated(doc, |s| {
        s.contains("三公") && !THREE_PUBLIC_PARTS.iter().any(|p| s.contains(p))
    });
    let mut out = Vec::new();
    for (i, t) in doc.tables.iter().enumerate() {
        let cells: Vec<(_, Option<&Statement>, Option<Cell>)> = match t.kind {
            TableKind::Summary => {
                let cell = |side: Side, key: RowKey| {
                    let b = t.block(side)?;
                    b.cell(b.keyed(key)?, Col::Amount)
                };
                vec![
                    (
                        ("收入总计", "income total"),
                        income,
                        cell(Side::Income, RowKey::IncomeTotal),
                    ),
                    (
                        ("支出总计", "expense total"),
                        expense,
                        cell(Side::Expense, RowKey::ExpenseTotal),
                    ),
                ]
            }
            TableKind::ThreePublic => {
                let cell = t.main().and_then(|b| b.cell(b.total()?, Col::Total));
                vec![(("合计", "total"), three_public, cell)]
            }
            // 表2's and 表3's 合计 against the income and spending totals: they differ from them
            // where the totals hold a carry-over, and then tell nothing (only an amount equal
            // within rounding, in one unit or the other, is evidence).
            TableKind::Income | TableKind::Expense => {
                let cell = t.main().and_then(|b| b.cell(b.total()?, Col::Total));
                let statement = if t.kind == TableKind::Income {
                    income
                } else {
                    expense
                };
                vec![(("合计", "total"), statement, cell)]
            }
            _ => Vec::new(),
        };
        for (what, statement, cell) in cells {
            let (Some(s), Some(c)) = (statement, cell) else {
                continue;
            };
            let Some(q) = s.value.as_ref() else { continue };
            if let Some(verdict) = compare(c.value, t.unit, q) {
                out.push(Evidence {
                    table: i,
                    what,
                    value: c.value,
                    line: c.line,
                    statement: s,
                    verdict,
                });
            }
        }
    }
    out
}

/// The unit each table should have been read in, when the narrative shows a table's unit
/// wrong: a table whose own totals disagree by exactly 10,000 (and none agrees) takes the other
/// unit; so do the tables that printed no unit of their own and took 表1's wrong one.
/// `printed[i]`: table `i` printed its unit in its header.
pub fn cross_check(doc: &Document, printed: &[bool]) -> Option<Correction> {
    let evidence = evidence(doc);
    let verdict_of = |i: usize| -> Option<Verdict> {
        let mine: Vec<Verdict> = evidence
            .iter()
            .filter(|e| e.table == i)
            .map(|e| e.verdict)
            .collect();
        if mine.contains(&Verdict::Agrees) {
            Some(Verdict::Agrees)
        } else {
            mine.first().copied()
        }
    };
    // The unit a table that printed none took wrongly: shown by 表1 if it can be, else by
    // another table that printed no unit of its own either (表1 not read, its header's unit
    // not found), when no table that took it agrees with the narrative.
    let summary = doc.tables.iter().position(|t| t.kind == TableKind::Summary);
    let unprinted = |i: &usize| !printed.get(*i).copied().unwrap_or(false);
    let shown = |i: usize| match verdict_of(i) {
        Some(Verdict::OtherUnit(u)) => Some((doc.tables[i].unit, u)),
        _ => None,
    };
    let summary_fix = summary.and_then(shown).or_else(|| {
        let (wrong, right) = (0..doc.tables.len()).filter(unprinted).find_map(shown)?;
        let agrees = (0..doc.tables.len())
            .filter(unprinted)
            .any(|i| doc.tables[i].unit == wrong && verdict_of(i) == Some(Verdict::Agrees));
        (!agrees).then_some((wrong, right))
    });
    // No total shows it: the narrative's other amounts may, each found in a table that printed
    // no unit, ten thousand times off and never as it is.
    let vote = if summary_fix.is_none() && !evidence.iter().any(|e| unprinted(&e.table)) {
        vote(doc, printed)
    } else {
        None
    };
    let summary_fix = summary_fix.or(vote.as_ref().map(|v| (v.wrong, v.right)));
    let units: Vec<Option<Unit>> = doc
        .tables
        .iter()
        .enumerate()
        .map(|(i, t)| match verdict_of(i) {
            Some(Verdict::OtherUnit(u)) => Some(u),
            Some(Verdict::Agrees) => None,
            None => summary_fix
                .filter(|&(wrong, _)| !printed.get(i).copied().unwrap_or(false) && t.unit == wrong)
                .map(|(_, right)| right),
        })
        .collect();
    if units.iter().all(Option::is_none) {
        return None;
    }
    let note = match &vote {
        Some(v) => vote_note(doc, v, &units),
        None => note(doc, &evidence, &units, printed),
    };
    Some(Correction { note, units })
}

/// The narrative's amounts found in the tables that printed no unit: only in the other unit.
struct Vote {
    wrong: Unit,
    right: Unit,
    /// The statements so found, with the table and cell that hold each.
    found: Vec<(&'static str, Decimal, LineNo, LineNo)>,
}

/// Amounts of the narrative (with their own unit) that a table printing no unit holds ten
/// thousand times off: two or more such, and not one that it holds as it is, show the unit that
/// table took from the others wrong. A coincidence of one amount can happen; of two to the
/// digit, ten thousand times apart and none equal, it does not.
fn vote(doc: &Document, printed: &[bool]) -> Option<Vote> {
    let guessed: Vec<&Table> = doc
        .tables
        .iter()
        .enumerate()
        .filter(|(i, _)| !printed.get(*i).copied().unwrap_or(false))
        .map(|(_, t)| t)
        .collect();
    let wrong = guessed.first()?.unit;
    let cells: Vec<Cell> = guessed
        .iter()
        .filter(|t| t.unit == wrong)
        .flat_map(|t| t.blocks.iter().flat_map(|b| &b.rows))
        .flat_map(|r| r.cells.iter().flatten())
        .filter(|c| !c.value.is_zero())
        .copied()
        .collect();
    let (mut agree, mut found) = (0usize, Vec::new());
    let mut right = None;
    for s in &doc.statements {
        // An amount printed coarsely ("3万元": anything from 2.5 to 3.5) matches too much to
        // tell: only one whose rounding is within 5% of it counts.
        let Some(q) = s.value.as_ref().filter(|q| {
            q.unit.money().is_some_and(|u| {
                half_digit(q.value, u) * Decimal::from(20) <= u.to_wan(q.value).abs()
            })
        }) else {
            continue;
        };
        let verdicts: Vec<(Verdict, &Cell)> = cells
            .iter()
            .filter_map(|c| Some((compare(c.value, wrong, q)?, c)))
            .collect();
        if verdicts.iter().any(|(v, _)| *v == Verdict::Agrees) {
            agree += 1;
        } else if let Some((Verdict::OtherUnit(u), c)) = verdicts.first() {
            right = Some(*u);
            found.push((
                q.unit.money().map_or("", Unit::label),
                q.value,
                q.line,
                c.line,
            ));
        }
    }
    // Two amounts, not one restated.
    let two = found
        .first()
        .is_some_and(|a| found.iter().any(|b| b.1 != a.1));
    (two && agree == 0).then_some(Vote {
        wrong,
        right: right?,
        found,
    })
}

/// The reading note of a unit shown by the narrative's amounts.
fn vote_note(doc: &Document, vote: &Vote, units: &[Option<Unit>]) -> Diagnostic {
    let tables: Vec<&Table> = doc
        .tables
        .iter()
        .zip(units)
        .filter(|(_, u)| u.is_some())
        .map(|(t, _)| t)
        .collect();
    let names = |zh: bool| -> String {
        let names: Vec<String> = tables
            .iter()
            .map(|t| {
                if zh {
                    format!("表{}（{}）", t.number, t.title)
                } else {
                    format!("table {} ({})", t.number, t.title)
                }
            })
            .collect();
        names.join(if zh { "、" } else { ", " })
    };
    let examples: Vec<String> = vote
        .found
        .iter()
        .take(3)
        .map(|(unit, value, line, _)| format!("{} {unit}（{line}）", amount(*value)))
        .collect();
    let mut lines: Vec<LineNo> = vote.found.iter().flat_map(|f| [f.2, f.3]).collect();
    lines.sort_unstable();
    lines.dedup();
    Diagnostic {
        code: DiagCode::UnitCorrected,
        lines,
        message_zh: format!(
            "表格单位读取有误：{} 未印单位，按{}（文件多数表格的单位）读时，说明中的 {} 个金额（如 {}）在这些表中都正好是一万倍，没有一个相等。已改为按{}读取。这是读取文本时的问题，不是文件的错误。",
            names(true),
            vote.wrong.label(),
            vote.found.len(),
            examples.join("、"),
            vote.right.label()
        ),
        message_en: format!(
 "A table's unit was read wrongly: {} print no unit; read in {} (the unit of most tables), {} amounts of the narrative (such as {}) are each 10,000 times off in them, and none is equal. Read instead in {}. This is a problem of reading the text, not an error of the document.",
            names(false),
            vote.wrong.label(),
            vote.found.len(),
            examples.join(", "),
            vote.right.label()
        ),
    }
}

/// The reading note: which tables were read in the wrong unit, and the statement that shows it.
fn note(
    doc: &Document,
    evidence: &[Evidence],
    units: &[Option<Unit>],
    printed: &[bool],
) -> Diagnostic {
    let shown: Vec<&Evidence> = evidence
        .iter()
        .filter(|e| matches!(e.verdict, Verdict::OtherUnit(_)))
        .collect();
    let tables = |zh: bool| -> String {
        let names: Vec<String> = doc
            .tables
            .iter()
            .zip(units)
            .filter_map(|(t, u)| {
                let u = (*u)?;
                Some(if zh {
                    format!("表{}（{}）按{}", t.number, t.title, u.label())
                } else {
                    format!("table {} ({}) in {}", t.number, t.title, u.label())
                })
            })
            .collect();
        names.join(if zh { "、" } else { ", " })
    };
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    let mut lines = Vec::new();
    for e in &shown {
        let t = &doc.tables[e.table];
        let Some(q) = e.statement.value.as_ref() else {
            continue;
        };
        let su = q.unit.money().map_or("", Unit::label);
        // Where the header itself prints the unit, say so: the label and the narrative
        // disagree, and the reader should see both.
        let label = printed.get(e.table).copied().unwrap_or(false);
        let (from_zh, from_en) = if label {
            ("表头印的单位", "the unit its header prints")
        } else {
            (
                "未印单位，取文件多数表格的单位",
                "no unit printed; the unit of most tables",
            )
        };
        // Read in 万元 where 元 was meant, the total is 10,000 times the narrative's.
        let times = if t.unit == Unit::Wan {
            "一万倍"
        } else {
            "万分之一"
        };
        zh.push(format!(
            "表{}{} {} 按{}（{from_zh}）读，是说明中“{}”{} {}的{times}",
            t.number,
            e.what.0,
            amount(e.value),
            t.unit.label(),
            e.statement.subject,
            amount(q.value),
            su
        ));
        en.push(format!(
            "table {}'s {} {} read in {} ({from_en}) is 10,000 times off the narrative's '{}' {} {}",
            t.number,
            e.what.1,
            amount(e.value),
            t.unit.label(),
            e.statement.subject,
            amount(q.value),
            su
        ));
        lines.push(e.line);
        lines.extend(e.statement.lines.iter().copied());
    }
    crate::sort::sort(&mut lines);
    lines.dedup();
    Diagnostic {
        code: DiagCode::UnitCorrected,
        lines,
        message_zh: format!(
            "表格单位读取有误：{}。已改为{}读取。这是读取文本时的问题，不是文件的错误。",
            zh.join("；"),
            tables(true)
        ),
        message_en: format!(
            "A table's unit was read wrongly: {}. Read instead {}. This is a problem of reading the text, not an error of the document.",
            en.join("; "),
            tables(false)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn q(v: &str, unit: QUnit) -> Quantity {
        Quantity {
            value: Decimal::from_str(v).unwrap(),
            unit,
            line: 1,
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn ten_thousand_times_off_is_the_other_unit() {
        let stated = q("9101.68", QUnit::Wan);
        // 91,016,775.35 元 read as 万元: 10,000 times the statement.
        assert_eq!(
            compare(d("91016775.35"), Unit::Wan, &stated),
            Some(Verdict::OtherUnit(Unit::Yuan))
        );
        assert_eq!(
            compare(d("91016775.35"), Unit::Yuan, &stated),
            Some(Verdict::Agrees)
        );
        // 2,300.52 万元 read as 元: a ten-thousandth of the statement.
        let stated = q("2300.52", QUnit::Wan);
        assert_eq!(
            compare(d("2300.52"), Unit::Yuan, &stated),
            Some(Verdict::OtherUnit(Unit::Wan))
        );
        // Another amount altogether, or nothing to compare: no verdict.
        assert_eq!(compare(d("66410000"), Unit::Wan, &stated), None);
        assert_eq!(compare(d("0"), Unit::Wan, &q("0", QUnit::Wan)), None);
        assert_eq!(compare(d("12"), Unit::Wan, &q("12", QUnit::Percent)), None);
    }

    #[test]
    fn totals_are_told_from_their_parts() {
        assert!(is_total("收入预算", &INCOME_TOTALS));
        assert!(is_total("部门收入预算", &INCOME_TOTALS));
        assert!(is_total("收支总预算", &EXPENSE_TOTALS));
        assert!(!is_total("财政拨款收入预算", &INCOME_TOTALS));
        assert!(!is_total("一般公共预算拨款支出预算", &EXPENSE_TOTALS));
        assert!(!is_total("基本支出", &EXPENSE_TOTALS));
    }
}
