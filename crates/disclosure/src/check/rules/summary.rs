//! Identities between the labelled rows of 表1, 表4 and 表10 (rules.md §2.1).

use super::structure::{nesting, Level};
use super::{Amt, Label};
use crate::check::Checker;
use crate::model::*;
use crate::parse::schema::{self, RowIdentity};

/// The amount of a labelled row in a block's amount column (empty counts as zero).
fn keyed(b: &Block, key: RowKey, col: Col) -> Option<Amt> {
    let r = b.keyed(key)?;
    Some(Amt {
        value: b.value(r, col),
        lines: r.lines.clone(),
    })
}

/// `total = Σ parts` over labelled rows of one column; rows that are absent are skipped, and
/// nothing is checked when the total row is absent or all rows are empty.
fn labelled_sum(c: &mut Checker, kind: TableKind, side: Side, col: Col, id: &RowIdentity) {
    let Some(t) = c.table(kind) else { return };
    let Some(b) = t.block(side) else { return };
    let Some(total) = keyed(b, id.total, col) else {
        return;
    };
    let parts: Vec<Amt> = id.parts.iter().filter_map(|&k| keyed(b, k, col)).collect();
    if parts.is_empty() || (total.value.is_zero() && parts.iter().all(|p| p.value.is_zero())) {
        return;
    }
    let names: Vec<String> = id
        .parts
        .iter()
        .filter_map(|&k| b.keyed(k).map(|r| schema::compact_label(&r.name)))
        .collect();
    let tname = b
        .keyed(id.total)
        .map(|r| schema::compact_label(&r.name))
        .unwrap_or_default();
    let what = Label::new(
        format!("表{} {} = {}", t.number, tname, names.join(" + ")),
        format!("Table {}: {} = {}", t.number, tname, names.join(" + ")),
    );
    c.sum(&what, &total, &parts, &[t.number]);
}

/// One of rules T1.1–T1.9 by id. They are the identities of the Xinjiang 表1 收入 rows; the
/// Shanghai tables group their income differently (本年收入合计 lists every source directly)
/// and have their own rule (F3).
fn summary_income(c: &mut Checker, id: &str) {
    if c.doc.meta.family == Family::Shanghai {
        return;
    }
    if let Some((_, ident)) = schema::SUMMARY_INCOME_IDENTITIES
        .iter()
        .find(|(i, _)| *i == id)
    {
        labelled_sum(c, TableKind::Summary, Side::Income, Col::Amount, ident);
    }
}

/// 收入总计 = 支出总计 of a two-sided table.
fn balanced(c: &mut Checker, kind: TableKind, expense_col: Col) {
    let Some(t) = c.table(kind) else { return };
    let (Some(inc), Some(exp)) = (t.block(Side::Income), t.block(Side::Expense)) else {
        return;
    };
    // 支出总计: the row keyed so (in a 决算 the block's total row is 本年支出合计).
    let (Some(a), Some(b)) = (
        keyed(inc, RowKey::IncomeTotal, Col::Amount),
        exp.keyed(RowKey::ExpenseTotal)
            .or_else(|| exp.total())
            .map(|r| Amt {
                value: exp.value(r, expense_col),
                lines: r.lines.clone(),
            }),
    ) else {
        return;
    };
    c.same(
        &Label::new(
            format!("表{} 收入总计", t.number),
            format!("Table {} income total", t.number),
        ),
        &a,
        &Label::new(
            format!("表{} 支出总计", t.number),
            format!("Table {} expense total", t.number),
        ),
        &b,
        &[t.number],
    );
}

rules! {
    /// 表1 本年收入 = 一般公共预算拨款 + 政府性基金预算拨款 + 国有资本经营预算拨款 + 财政专户核拨 + 单位资金.
    /// Why: the current-year income is defined by its five sources. Example: 2,287.86 = 2,287.86.
    T1_1 = "T1.1", "表1 本年收入 = 五项收入之和", "Table 1: current-year income = its five sources", |c| summary_income(c, "T1.1");
    /// 表1 一般公共预算拨款 = 一般财力 + 上级一般公共预算安排转移支付. Example: 2,283.56 + 4.30.
    T1_2 = "T1.2", "表1 一般公共预算拨款 = 一般财力 + 上级转移支付", "Table 1: general-budget appropriation = own funds + transfers", |c| summary_income(c, "T1.2");
    /// 表1 政府性基金预算拨款 = 政府性基金收入 + 上级政府性基金安排转移支付.
    T1_3 = "T1.3", "表1 政府性基金预算拨款 = 基金收入 + 上级转移支付", "Table 1: government-fund appropriation = fund income + transfers", |c| summary_income(c, "T1.3");
    /// 表1 国有资本经营预算拨款 = 国有资本经营收入 + 上级国有资本经营预算安排转移支付.
    T1_4 = "T1.4", "表1 国有资本经营预算拨款 = 经营收入 + 上级转移支付", "Table 1: state-capital appropriation = own income + transfers", |c| summary_income(c, "T1.4");
    /// 表1 单位资金 = 事业收入 + 上级补助收入 + 附属单位上缴收入 + 事业单位经营收入 + 其他收入.
    T1_5 = "T1.5", "表1 单位资金 = 五项单位收入之和", "Table 1: unit funds = its five kinds of income", |c| summary_income(c, "T1.5");
    /// 表1 上年结转结余 = 财政拨款结转 + 非财政拨款结转结余. Example: 12.66 = 12.66 + 0.
    T1_6 = "T1.6", "表1 上年结转结余 = 财政拨款结转 + 非财政拨款结转结余", "Table 1: carry-over = appropriation carry-over + other carry-over", |c| summary_income(c, "T1.6");
    /// 表1 财政拨款结转 = 其中 一般公共预算拨款 + 政府性基金预算拨款 + 国有资本经营预算拨款. Example: 10.60 + 2.06.
    T1_7 = "T1.7", "表1 财政拨款结转 = 三种预算的结转之和", "Table 1: appropriation carry-over = its three budgets", |c| summary_income(c, "T1.7");
    /// 表1 非财政拨款结转结余 = 其中 财政专户核拨 + 单位资金.
    T1_8 = "T1.8", "表1 非财政拨款结转结余 = 财政专户 + 单位资金", "Table 1: other carry-over = special account + unit funds", |c| summary_income(c, "T1.8");
    /// 表1 收入总计 = 本年收入 + 上年结转结余. Example: 2,287.86 + 12.66 = 2,300.52.
    T1_9 = "T1.9", "表1 收入总计 = 本年收入 + 上年结转结余", "Table 1: income total = current income + carry-over", |c| summary_income(c, "T1.9");
    /// 表1 支出总计 = Σ 功能分类 类. Example: the classes sum to 2,300.51 against 2,300.52
    /// (rounding, carried from 20805).
    T1_10 = "T1.10", "表1 支出总计 = 各类支出之和", "Table 1: expense total = sum of functional classes",
        |c| nesting(c, TableKind::Summary, Side::Expense, Level::Total);
    /// 表1 收入总计 = 支出总计: a budget balances.
    T1_11 = "T1.11", "表1 收入总计 = 支出总计", "Table 1: income total = expense total", |c| balanced(c, TableKind::Summary, Col::Amount);
    /// 表4 财政拨款（补助） = 一般公共预算 + 政府性基金预算 + 国有资本经营预算.
    T4_1 = "T4.1", "表4 财政拨款（补助）= 三种预算之和", "Table 4: appropriations = the three budgets",
        |c| labelled_sum(c, TableKind::FiscalSummary, Side::Income, Col::Amount, &RowIdentity {
            total: RowKey::FiscalAppropriation,
            parts: &[RowKey::GeneralBudget, RowKey::GovFund, RowKey::StateCapital],
        });
    /// 表4 收入总计 = 财政拨款（补助） (this template has no 上年结转 row).
    T4_2 = "T4.2", "表4 收入总计 = 财政拨款（补助）", "Table 4: income total = appropriations",
        |c| labelled_sum(c, TableKind::FiscalSummary, Side::Income, Col::Amount, &RowIdentity {
            total: RowKey::IncomeTotal,
            parts: &[RowKey::FiscalAppropriation],
        });
    /// 表4 收入总计 = 支出总计.
    T4_5 = "T4.5", "表4 收入总计 = 支出总计", "Table 4: income total = expense total", |c| balanced(c, TableKind::FiscalSummary, Col::Total);
    /// 表10 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费（小计）.
    T10_1 = "T10.1", "表10 合计 = 出国 + 接待 + 公务用车", "Table 10: total = travel abroad + reception + vehicles", three_public_total;
    /// 表10 公务用车购置及运行费（小计） = 购置费 + 运行费.
    T10_2 = "T10.2", "表10 公务用车小计 = 购置费 + 运行费", "Table 10: vehicles = purchase + operation",
        |c| {
            let Some(t) = c.table(TableKind::ThreePublic) else { return };
            let cols = t.main().map(|b| b.columns.clone()).unwrap_or_default();
            for (_, id) in schema::THREE_PUBLIC_IDENTITIES {
                for &col in &cols {
                    labelled_sum(c, TableKind::ThreePublic, Side::Whole, col, id);
                }
            }
        };
}

/// 表10 合计 row against the three 三公 items, in every column.
fn three_public_total(c: &mut Checker) {
    let Some(t) = c.table(TableKind::ThreePublic) else {
        return;
    };
    let Some(b) = t.main() else { return };
    let Some(total) = b.total() else { return };
    for &col in &b.columns {
        let parts: Vec<Amt> = [RowKey::Abroad, RowKey::Reception, RowKey::Vehicles]
            .iter()
            .filter_map(|&k| keyed(b, k, col))
            .collect();
        let printed = Amt {
            value: b.value(total, col),
            lines: total.lines.clone(),
        };
        if parts.is_empty() || (printed.value.is_zero() && parts.iter().all(|p| p.value.is_zero()))
        {
            continue;
        }
        let what = Label::new(
            format!(
                "表{} {}：合计 = 出国 + 接待 + 公务用车",
                t.number,
                col.title()
            ),
            format!(
                "Table {} {}: total = abroad + reception + vehicles",
                t.number,
                col.title()
            ),
        );
        c.sum(&what, &printed, &parts, &[t.number]);
    }
}

/// Every table header names the same department as the document (编制部门).
fn department_headers(c: &mut Checker) {
    let doc = c.doc;
    let Some(dept) = &doc.meta.department else {
        return;
    };
    let want = crate::parse::segment::compact(&dept.value);
    for t in &doc.tables {
        let Some(d) = &t.department else { continue };
        if crate::parse::segment::compact(&d.value) != want {
            let f = c.report(
                crate::check::Severity::Error,
                format!(
                    "表{} 的编制部门为「{}」，与文件的部门「{}」不同。",
                    t.number, d.value, dept.value
                ),
                format!(
                    "Table {} is headed 编制部门 '{}', not the document's department '{}'.",
                    t.number, d.value, dept.value
                ),
            );
            f.lines = vec![d.line, dept.line];
            f.tables = vec![t.number];
        }
    }
}

/// The completeness checklist (rules.md §4): a required item that is absent is reported.
fn completeness(c: &mut Checker) {
    let doc = c.doc;
    if doc.tables.is_empty() {
        return;
    }
    let missing: Vec<(String, String, String)> = c
        .checklist()
        .items
        .iter()
        .filter(|i| i.required && !i.present)
        .map(|i| (i.id.clone(), i.title_zh.clone(), i.title_en.clone()))
        .collect();
    for (id, title_zh, title_en) in missing {
        c.report(
            crate::check::Severity::Warning,
            format!("缺少应公开的内容（{id}）：{title_zh}。"),
            format!("Missing from the disclosure ({id}): {title_en}."),
        );
    }
}

rules! {
    /// Every table's 编制部门 is the document's department. Why: a table copied from another
    /// department's disclosure is the worst error a reader can miss.
    D1 = "D1", "各表编制部门与文件部门一致", "Every table names the document's department", department_headers;
    /// The items 财预〔2016〕143号 requires (rules.md §4): each absent one is a warning.
    C1 = "C", "公开内容完整（财预〔2016〕143号）", "The disclosure is complete (财预〔2016〕143号)", completeness;
}
