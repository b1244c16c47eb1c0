//! What the reader sees: the headline figures, the shares by category, the previous year
//! reconstructed from the 比上年 claims, and the quality summary. Everything here is derived
//! from the parsed document and the findings; nothing is parsed again.

pub mod answer;
pub mod compare;
pub mod metrics;
pub mod ranking;
pub mod series;
pub mod shares;

use rust_decimal::Decimal;

use crate::check::{completeness::Completeness, main_statements, Finding, Severity};
use crate::model::*;
pub use crate::previous::{PreviousYear, PriorItem};
pub use answer::Answer;
pub use compare::{compare, Comparison};
pub use metrics::{metrics, Metric};
pub use shares::{Share, Shares};

/// A headline figure with where it was read, in the document's unit and in 万元.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Figure {
    /// As printed.
    pub value: Decimal,
    /// The unit it was printed in.
    pub unit: Unit,
    /// The same amount in 万元, exactly.
    pub wan: Decimal,
    /// The lines it was read from.
    pub lines: Vec<LineNo>,
    /// The printed number of the table it was read from, if any.
    pub table: Option<u8>,
}

impl Figure {
    fn new(value: Decimal, unit: Unit, lines: Vec<LineNo>, table: Option<u8>) -> Self {
        Figure {
            value,
            unit,
            wan: unit.to_wan(value),
            lines,
            table,
        }
    }
}

/// The headline figures of a document; `None` where the document does not give one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Summary {
    /// 收入总计 (表1).
    pub income_total: Option<Figure>,
    /// 支出总计 (表1).
    pub expense_total: Option<Figure>,
    /// 基本支出 (表3 总计).
    pub basic: Option<Figure>,
    /// 项目支出 (表3 总计).
    pub project: Option<Figure>,
    /// 人员经费 (表6 总计).
    pub personnel: Option<Figure>,
    /// 公用经费 (表6 总计).
    pub public: Option<Figure>,
    /// 财政拨款“三公”经费 (表10 合计).
    pub three_public: Option<Figure>,
    /// 机关运行经费 (十二（一）, or the 三公 table where it prints one).
    pub running_cost: Option<Figure>,
    /// 政府采购 (the budget, or in a 决算 the amount spent; 十二（二） or the layout's own section).
    pub procurement: Option<Figure>,
    /// 上年结转结余 (表1).
    pub carryover: Option<Figure>,
    /// 一般公共预算拨款 (表5 总计).
    pub general_budget: Option<Figure>,
    /// 国有资产: 房屋价值 + 车辆价值 + 家具 + 其他 as stated in 十二（三）, when all four are given.
    pub assets: Option<Figure>,
    /// 编制数.
    pub establishment: Option<Decimal>,
    /// 实有人数.
    pub staff_actual: Option<Decimal>,
    /// 在职.
    pub staff_in_service: Option<Decimal>,
}

impl Summary {
    /// The summary without the figures read from `tables`.
    fn without_tables(mut self, tables: &[u8]) -> Summary {
        for f in [
            &mut self.income_total,
            &mut self.expense_total,
            &mut self.basic,
            &mut self.project,
            &mut self.personnel,
            &mut self.public,
            &mut self.three_public,
            &mut self.running_cost,
            &mut self.procurement,
            &mut self.carryover,
            &mut self.general_budget,
            &mut self.assets,
        ] {
            if f.as_ref()
                .and_then(|f| f.table)
                .is_some_and(|t| tables.contains(&t))
            {
                *f = None;
            }
        }
        self
    }

    /// Fills the headline totals still missing (their table's rows not read, or not reliably)
    /// with those the parser confirmed ([`Document::confirmed`]): printed in the table, stated
    /// by the narrative, the table's sums holding with them.
    fn or_confirmed(mut self, doc: &Document) -> Summary {
        for (f, kind, side, col) in [
            (
                &mut self.income_total,
                TableKind::Summary,
                Side::Income,
                Col::Amount,
            ),
            (
                &mut self.expense_total,
                TableKind::Summary,
                Side::Expense,
                Col::Amount,
            ),
            (&mut self.basic, TableKind::Expense, Side::Whole, Col::Basic),
            (
                &mut self.project,
                TableKind::Expense,
                Side::Whole,
                Col::Project,
            ),
            (
                &mut self.personnel,
                TableKind::GeneralBasic,
                Side::Whole,
                Col::Personnel,
            ),
            (
                &mut self.public,
                TableKind::GeneralBasic,
                Side::Whole,
                Col::Public,
            ),
        ] {
            if f.is_none() {
                *f = confirmed(doc, kind, side, col);
            }
        }
        self
    }
}

/// Counts by severity and the completeness score.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Quality {
    /// Findings of severity error.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Rounding differences (尾差).
    pub rounding: usize,
    /// Notes.
    pub info: usize,
    /// Checklist items present.
    pub complete: usize,
    /// Checklist items in all.
    pub required: usize,
}

/// Everything Budget Lens derives from one text.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Analysis {
    /// The parsed document.
    pub document: Document,
    /// Every finding: the checker's and the parser's, most serious first.
    pub findings: Vec<Finding>,
    /// Headline figures.
    pub summary: Summary,
    /// Shares by category.
    pub shares: Shares,
    /// The previous year, reconstructed.
    pub previous_year: PreviousYear,
    /// The completeness checklist.
    pub completeness: Completeness,
    /// Counts.
    pub quality: Quality,
    /// The short answer: total, what the money is mostly for, changes, 三公, the verdict.
    pub answer: Answer,
}

/// Parses, checks and analyses one text.
pub fn analyze(text: &str) -> Analysis {
    analyze_parsed(crate::parse::parse(text))
}

/// Checks and analyses a parse ([`crate::parse()`]'s result): `analyze(t)` is
/// `analyze_parsed(parse(t))`. Parsing is nearly all of the work, so a caller may parse elsewhere
/// (the page parses large texts in a web worker and sends the `Parsed` back) and finish here.
pub fn analyze_parsed(parsed: crate::Parsed) -> Analysis {
    let document = parsed.document;
    // The checker computes the checklist and the previous year for its rules; they are kept.
    let crate::check::Checked {
        mut findings,
        checklist: completeness,
        previous_year,
        rules_run,
    } = crate::check::check_all(&document);
    findings.extend(parsed.diagnostics.iter().map(crate::check::from_diagnostic));
    // No error or warning from a table that was not reliably read.
    // None from rows a table the text ends inside may have after the cut (first: such
    // failures are no sign of a table misread).
    // None whose two sides are ten thousand times apart through a table whose unit is a guess
    // (first: they are no sign of a table misread either).
    let findings = crate::check::unit_doubt::gate(&document, findings);
    let findings = crate::check::cut::gate(&document, findings);
    let mut findings = crate::check::reliability::gate(&document, findings);
    crate::sort::sort_by(&mut findings, |a, b| {
        a.severity
            .cmp(&b.severity)
            .then(a.lines.first().cmp(&b.lines.first()))
    });
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let quality = Quality {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        rounding: count(Severity::Rounding),
        info: count(Severity::Info),
        complete: completeness
            .items
            .iter()
            .filter(|i| i.required && i.present)
            .count(),
        required: completeness.items.iter().filter(|i| i.required).count(),
    };
    // The headline figures come only from tables read reliably: a figure from a table the gate
    // set aside is "not read", never a wrong number shown as the document's.
    let unreliable: Vec<u8> = findings
        .iter()
        .filter(|f| f.rule == crate::check::reliability::RULE)
        .flat_map(|f| f.tables.iter().copied())
        .collect();
    let summary = summary(&document)
        .without_tables(&unreliable)
        .or_confirmed(&document);
    let shares = shares::shares(&document);
    let answer = answer::answer(answer::Inputs {
        doc: &document,
        summary: &summary,
        shares: &shares,
        previous_year: &previous_year,
        findings: &findings,
        quality: &quality,
        unreliable: &unreliable,
        rules: rules_run,
    });
    Analysis {
        summary,
        shares,
        answer,
        previous_year,
        completeness,
        quality,
        findings,
        document,
    }
}

/// The value of a column in a table's total row.
fn total_cell(doc: &Document, kind: TableKind, side: Side, col: Col) -> Option<Figure> {
    let t = doc.table(kind)?;
    let b = t.block(side)?;
    let r = b.total()?;
    let c = b.cell(r, col)?;
    Some(Figure::new(c.value, t.unit, vec![c.line], Some(t.number)))
}

/// A total of a table whose rows could not be read, found by the parser where the table prints
/// it, the narrative states it and the table's sums hold with it ([`Document::confirmed`]).
fn confirmed(doc: &Document, kind: TableKind, side: Side, col: Col) -> Option<Figure> {
    let t = doc.table(kind)?;
    let c = doc
        .confirmed
        .iter()
        .find(|c| c.kind == kind && c.side == side && c.col == col)?;
    Some(Figure::new(
        c.value,
        t.unit,
        c.lines.clone(),
        Some(t.number),
    ))
}

/// The 三公 table's total: its 合计 column (a budget), or in a 决算's 预算数/决算数 table the
/// 决算数 of its 合计 row, blank read as zero when the whole 决算数 column is blank (the templates leave zeros blank; the Shanghai
/// 决算 prints the row with its 决算数 blank and says "支出决算为0.00万元").
fn three_public(doc: &Document) -> Option<Figure> {
    total_cell(doc, TableKind::ThreePublic, Side::Whole, Col::Total).or_else(|| {
        let t = doc.table(TableKind::ThreePublic)?;
        let b = t.block(Side::Whole)?;
        if !b.columns.contains(&Col::Actual) {
            return None;
        }
        let r = b.total()?;
        Some(match b.cell(r, Col::Actual) {
            Some(c) => Figure::new(c.value, t.unit, vec![c.line], Some(t.number)),
            // A blank total is zero only when every item is blank too; otherwise the total is
            // simply not printed (T10.1 says so) and the summary does not make one up.
            None if b.rows.iter().all(|row| b.cell(row, Col::Actual).is_none()) => {
                Figure::new(Decimal::new(0, 2), t.unit, r.lines.clone(), Some(t.number))
            }
            None => return None,
        })
    })
}

/// 表1's 支出总计: the row keyed so (a 决算's 总计, which adds 年末结转和结余 to the 本年支出合计
/// its 类 add up to).
fn expense_total(doc: &Document) -> Option<Figure> {
    let t = doc.table(TableKind::Summary)?;
    let b = t.block(Side::Expense)?;
    let r = b.keyed(RowKey::ExpenseTotal)?;
    let c = b.cell(r, Col::Amount)?;
    Some(Figure::new(c.value, t.unit, vec![c.line], Some(t.number)))
}

/// The value of a labelled row of 表1's income half.
fn income_row(doc: &Document, key: RowKey) -> Option<Figure> {
    let t = doc.table(TableKind::Summary)?;
    let b = t.block(Side::Income)?;
    let r = b.keyed(key)?;
    let c = b.cell(r, Col::Amount)?;
    Some(Figure::new(c.value, t.unit, vec![c.line], Some(t.number)))
}

/// The first main statement of a topic of 第三部分 whose subject satisfies `pred`, from its
/// sub-section `sub` when the layout numbers one (the Xinjiang layout's 十二（一）, the Shanghai
/// 决算's 十一（一）), else from anywhere in the topic (the Shanghai 预算 gives each its own
/// chapter). Topics and main statements as the rules have them
/// ([`crate::check::main_statements`]: amounts, not in a reason).
fn stated(doc: &Document, topic: u8, sub: u8, pred: impl Fn(&str) -> bool) -> Option<Figure> {
    let s = main_statements(doc, topic, sub)
        .find(|s| pred(&s.subject))
        .or_else(|| main_statements(doc, topic, 0).find(|s| pred(&s.subject)))?;
    let v = s.value.as_ref()?;
    let unit = v.unit.money()?;
    Some(Figure::new(v.value, unit, vec![v.line], None))
}

fn summary(doc: &Document) -> Summary {
    let ov = &doc.overview;
    let running_cost = doc
        .table(TableKind::ThreePublic)
        .and_then(|t| {
            let b = t.main()?;
            let r = b.keyed(RowKey::RunningCost)?;
            let c = b.cell(r, Col::Total)?;
            Some(Figure::new(c.value, t.unit, vec![c.line], Some(t.number)))
        })
        .or_else(|| stated(doc, 12, 1, |s| s.contains("机关运行经费")));
    Summary {
        income_total: income_row(doc, RowKey::IncomeTotal),
        expense_total: expense_total(doc)
            .or_else(|| total_cell(doc, TableKind::Summary, Side::Expense, Col::Amount)),
        basic: total_cell(doc, TableKind::Expense, Side::Whole, Col::Basic),
        project: total_cell(doc, TableKind::Expense, Side::Whole, Col::Project),
        personnel: total_cell(doc, TableKind::GeneralBasic, Side::Whole, Col::Personnel),
        public: total_cell(doc, TableKind::GeneralBasic, Side::Whole, Col::Public),
        three_public: three_public(doc),
        running_cost,
        procurement: stated(doc, 12, 2, |s| {
            // The total, not its goods/works/services or the share reserved for small firms.
            s.contains("政府采购")
                && !["货物", "工程", "服务", "企业"]
                    .iter()
                    .any(|w| s.contains(w))
        }),
        // 上年结转结余 in a budget; a 决算's 收入支出决算总表 calls it 年初结转和结余.
        carryover: income_row(doc, RowKey::CarryOver)
            .or_else(|| income_row(doc, RowKey::OpeningBalance)),
        general_budget: total_cell(doc, TableKind::GeneralExpense, Side::Whole, Col::Total),
        assets: metrics::assets(doc),
        establishment: ov.establishment.as_ref().map(|h| h.count),
        staff_actual: ov.actual.as_ref().map(|h| h.count),
        staff_in_service: ov.in_service.as_ref().map(|h| h.count),
    }
}
