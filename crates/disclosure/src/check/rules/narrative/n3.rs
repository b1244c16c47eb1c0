//! Rule N3: Section 二: income total and sources = table 1

use super::*;

rules! {
    /// ## What it checks
    /// 二 (收入预算): the income total and each source it names restate 表1's income rows (收入总计, 一般公共预算 —
    /// read as 一般财力 when the transfers are listed separately — 上级转移支付, 政府性基金, 结转 …). Same quantity:
    /// a gap of one unit of the last printed digit is rounding, more is an error. The rule's own logic, `income_sources` with `income_key`, is
    /// below; it uses the shared `restates` (narrative.rs).
    ///
    /// ## Why it must hold
    /// The section restates the table's income in words. Applies to documents with an income
    /// chapter (Xinjiang budgets, Shanghai 决算).
    ///
    /// ## Example
    /// Xinjiang sample, 二: 收入预算 2,300.52 = 表1 收入总计; "一般公共预算 2,283.56 万元" = 表1 一般财力 2,283.56; 上级转移支付
    /// 4.30; 财政拨款结转 12.66.
    N3 = "N3", "说明二：收入总额及各来源 = 表1", "Section 二: income total and sources = table 1", income_sources;
}

/// Which row of 表1's income half a subject of 二 names. In this template "一般公共预算" is
/// 一般财力 when the transfers are stated separately.
fn income_key(doc: &Document, subject: &str) -> Option<RowKey> {
    let s = subject;
    let split = doc
        .table(TableKind::Summary)
        .and_then(|t| t.block(Side::Income))
        .is_some_and(|b| b.keyed(RowKey::GeneralFinance).is_some());
    Some(if s.contains("上级") && s.contains("一般公共预算") {
        RowKey::GeneralTransfer
    } else if s.contains("上级") && s.contains("政府性基金") {
        RowKey::GovFundTransfer
    } else if s.contains("上级") && s.contains("国有资本") {
        RowKey::StateCapitalTransfer
    } else if s.contains("非财政拨款结转") {
        RowKey::NonFiscalCarryover
    } else if s.contains("财政拨款结转") {
        RowKey::FiscalCarryover
    } else if s.contains("上年结转") {
        RowKey::CarryOver
    } else if s.contains("一般公共预算") {
        if split {
            RowKey::GeneralFinance
        } else {
            RowKey::GeneralBudget
        }
    } else if s.contains("政府性基金") {
        if split {
            RowKey::GovFundIncome
        } else {
            RowKey::GovFund
        }
    } else if s.contains("国有资本") {
        if split {
            RowKey::StateCapitalIncome
        } else {
            RowKey::StateCapital
        }
    } else if s.contains("财政专户") {
        RowKey::SpecialAccount
    } else if s.contains("单位资金") {
        RowKey::UnitFunds
    } else if s.contains("本年收入") || (s == "收入" && doc.meta.kind == DocKind::Final) {
        // A 决算's 二 is about the year's income: "本年收入合计 2946.25 万元" (the subject reads
        // "收入" once 本年 and 合计 are trimmed).
        RowKey::CurrentIncome
    } else if s.contains("财政拨款收入") {
        RowKey::FiscalAppropriation
    } else if s.contains("事业收入") {
        RowKey::BusinessIncome
    } else if s.contains("其他收入") {
        RowKey::OtherIncome
    } else if s.contains("收入") {
        RowKey::IncomeTotal
    } else {
        return None;
    })
}

/// N3: 二's income total and each source against 表1.
fn income_sources(c: &mut Checker) {
    let doc = c.doc;
    if c.table(TableKind::Summary).is_none() {
        return;
    }
    for s in stated(doc, 2, 0).collect::<Vec<_>>() {
        let Some(key) = income_key(doc, &s.subject) else {
            continue;
        };
        let Some((v, lines, unit, table)) = income_of(doc, TableKind::Summary, key) else {
            continue;
        };
        let row = doc
            .table(TableKind::Summary)
            .and_then(|t| t.block(Side::Income))
            .and_then(|b| b.keyed(key))
            .map(|r| crate::parse::schema::compact_label(&r.name))
            .unwrap_or_default();
        let what = || table_label(doc, TableKind::Summary, &row, &format!("'{row}'"));
        restates(c, s, &what, Some((v, lines)), unit, table);
    }
}
