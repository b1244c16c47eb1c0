//! Totals and labelled rows printed in two tables (X1, X3–X9, X11, X12, X16–X18, X24, X25).
//!
//! Most of these are the same quantity printed twice, so any difference is an error. Where one
//! side is the sum of amounts from other tables (X3, X12), the rounding envelope applies.

use super::{same, same_all, src, sum, Src, Val};
use crate::check::rules::Label;
use crate::check::Checker;
use crate::model::{Col, RowKey, Side, TableKind};

/// 表1 收入 half.
fn t1_income<'a>(c: &mut Checker<'a>) -> Option<Src<'a>> {
    src(c, TableKind::Summary, Side::Income)
}

/// 表2.
fn t2<'a>(c: &mut Checker<'a>) -> Option<Src<'a>> {
    src(c, TableKind::Income, Side::Whole)
}

/// 表2 总计 in `col` against 表1 row `key`: the same quantity.
fn income_column(c: &mut Checker, pairs: &[(Col, RowKey)]) {
    let (Some(s1), Some(s2)) = (t1_income(c), t2(c)) else {
        return;
    };
    for &(col, key) in pairs {
        if let (Some(a), Some(b)) = (s2.total(col), s1.keyed(key, Col::Amount)) {
            same(c, &a, &b);
        }
    }
}

/// X1: 表1 收入总计 = 表2 总计 = 表3 总计 (T1.11 compares the two halves of 表1; 支出总计
/// stands in for 收入总计 when the income half is missing).
fn grand_totals(c: &mut Checker) {
    let s1i = t1_income(c);
    let s1e = src(c, TableKind::Summary, Side::Expense);
    let s2 = t2(c);
    let s3 = src(c, TableKind::Expense, Side::Whole);
    let t2_total = s2.and_then(|s| s.total(Col::Total));
    let t3_total = s3.and_then(|s| s.total(Col::Total));
    // Final accounts total this year's income and spending separately from the balances
    // carried in and out: 表2 is this year's income, 表3 this year's spending.
    if c.doc.meta.kind == crate::model::DocKind::Final {
        let income = s1i.and_then(|s| s.keyed(RowKey::CurrentIncome, Col::Amount));
        let spending = s1e.and_then(|s| s.keyed(RowKey::CurrentExpense, Col::Amount));
        same_all(c, &[income, t2_total]);
        same_all(c, &[spending, t3_total]);
        return;
    }
    let t1 = s1i
        .and_then(|s| s.keyed(RowKey::IncomeTotal, Col::Amount))
        .or_else(|| s1e.and_then(|s| s.total(Col::Amount)));
    same_all(c, &[t1, t2_total, t3_total]);
}

/// X3: 表2 财政拨款小计 总计 = 表1 一般公共预算拨款 + 政府性基金预算拨款 + 国有资本经营预算拨款.
fn fiscal_subtotal(c: &mut Checker) {
    let (Some(s1), Some(s2)) = (t1_income(c), t2(c)) else {
        return;
    };
    let Some(total) = s2.total(Col::FiscalSubtotal) else {
        return;
    };
    let parts: Vec<Val> = [RowKey::GeneralBudget, RowKey::GovFund, RowKey::StateCapital]
        .iter()
        .filter_map(|&k| s1.keyed(k, Col::Amount))
        .collect();
    if parts.is_empty() {
        return;
    }
    let what = Label::new(
        format!(
            "表{} 财政拨款小计总计 = 表{} 一般公共预算拨款 + 政府性基金预算拨款 + 国有资本经营预算拨款",
            s2.n(),
            s1.n()
        ),
        format!(
            "Table {} appropriations subtotal = Table {} general budget + government funds + state capital",
            s2.n(),
            s1.n()
        ),
    );
    sum(c, &what, &total, &parts);
}

/// X11: each budget of 表4 收入 = the same budget's current-year appropriation in 表1.
fn fiscal_income(c: &mut Checker) {
    let s1 = t1_income(c);
    let s4 = src(c, TableKind::FiscalSummary, Side::Income);
    let (Some(s1), Some(s4)) = (s1, s4) else {
        return;
    };
    for key in [RowKey::GeneralBudget, RowKey::GovFund, RowKey::StateCapital] {
        if let (Some(a), Some(b)) = (s4.keyed(key, Col::Amount), s1.keyed(key, Col::Amount)) {
            same(c, &a, &b);
        }
    }
}

/// X12: 表4 支出总计 = 表2 财政拨款小计 总计, and = 表5 + 表8 + 表9 总计.
fn fiscal_expense(c: &mut Checker) {
    let s4 = src(c, TableKind::FiscalSummary, Side::Expense);
    let s2 = t2(c);
    let s5 = src(c, TableKind::GeneralExpense, Side::Whole);
    let s8 = src(c, TableKind::GovFund, Side::Whole);
    let s9 = src(c, TableKind::StateCapital, Side::Whole);
    let Some(s4) = s4 else { return };
    let Some(total) = s4.total(Col::Total) else {
        return;
    };
    if let Some(b) = s2.and_then(|s| s.total(Col::FiscalSubtotal)) {
        same(c, &total, &b);
    }
    let (Some(s5), Some(s8), Some(s9)) = (s5, s8, s9) else {
        return;
    };
    let parts: Vec<Val> = [s5, s8, s9]
        .iter()
        .filter_map(|s| s.total(Col::Total))
        .collect();
    let what = Label::new(
        format!(
            "表{} 支出总计 = 表{} + 表{} + 表{} 总计",
            s4.n(),
            s5.n(),
            s8.n(),
            s9.n()
        ),
        format!(
            "Table {} expense total = totals of tables {}, {} and {}",
            s4.n(),
            s5.n(),
            s8.n(),
            s9.n()
        ),
    );
    sum(c, &what, &total, &parts);
}

/// X16: 表5 总计 = 表1 一般公共预算拨款 = 表4 一般公共预算 支出总计.
fn general_budget(c: &mut Checker) {
    let b1 = t1_income(c).and_then(|s| s.keyed(RowKey::GeneralBudget, Col::Amount));
    let b5 = src(c, TableKind::GeneralExpense, Side::Whole).and_then(|s| s.total(Col::Total));
    let b4 =
        src(c, TableKind::FiscalSummary, Side::Expense).and_then(|s| s.total(Col::GeneralBudget));
    same_all(c, &[b1, b5, b4]);
}

/// `a`'s total in `a_col` = `b`'s total in `b_col`.
fn totals_equal(c: &mut Checker, a: (TableKind, Col), b: (TableKind, Col)) {
    let sa = src(c, a.0, Side::Whole);
    let sb = src(c, b.0, Side::Whole);
    let (Some(sa), Some(sb)) = (sa, sb) else {
        return;
    };
    if let (Some(x), Some(y)) = (sa.total(a.1), sb.total(b.1)) {
        same(c, &x, &y);
    }
}

/// X25: 表11 财政拨款 / 非财政拨款 合计 = 表1 财政拨款结转 / 非财政拨款结转结余 (or, without
/// those rows, 表2 财政拨款结转 / 非财政拨款结转结余 总计; X9 compares 表1 with 表2).
fn carry_split(c: &mut Checker) {
    let s11 = src(c, TableKind::CarryOver, Side::Whole);
    let s1 = t1_income(c);
    let s2 = t2(c);
    let Some(s11) = s11 else { return };
    for (col11, key1, col2) in [
        (
            Col::FiscalCarryTotal,
            RowKey::FiscalCarryover,
            Col::FiscalCarryover,
        ),
        (
            Col::NonFiscalCarryTotal,
            RowKey::NonFiscalCarryover,
            Col::NonFiscalCarryover,
        ),
    ] {
        let Some(v11) = s11.total(col11) else {
            continue;
        };
        let reference = s1
            .and_then(|s| s.keyed(key1, Col::Amount))
            .or_else(|| s2.and_then(|s| s.total(col2)));
        if let Some(r) = reference {
            same(c, &v11, &r);
        }
    }
}

// The rules, each in its own file under `totals/`.
mod x1;
mod x11;
mod x12;
mod x16;
mod x17;
mod x18;
mod x24;
mod x25;
mod x3;
mod x4;
mod x5;
mod x6;
mod x7;
mod x8;
mod x9;

pub use x1::X1;
pub use x11::X11;
pub use x12::X12;
pub use x16::X16;
pub use x17::X17;
pub use x18::X18;
pub use x24::X24;
pub use x25::X25;
pub use x3::X3;
pub use x4::X4;
pub use x5::X5;
pub use x6::X6;
pub use x7::X7;
pub use x8::X8;
pub use x9::X9;

#[cfg(test)]
mod tests {
    use crate::check::rules::cross::testing::*;
    use crate::check::Severity;

    #[test]
    fn hold_on_the_sample() {
        for rule in [
            "X1", "X3", "X4", "X5", "X6", "X7", "X8", "X9", "X11", "X12", "X16", "X17", "X18",
            "X24", "X25",
        ] {
            assert_eq!(on_sample(rule), vec![], "{rule}");
        }
    }

    /// 表3 总计 raised by 0.10 in 合计 and 基本支出 (the row still adds up).
    fn table3_total_raised() -> crate::model::Document {
        edited(464, "总计 2,300.52 2,102.56", "总计 2,300.62 2,102.66")
    }

    #[test]
    fn x1_fires_when_table3_total_differs() {
        let f = findings_of(&table3_total_raised(), "X1");
        let f = one(&f, Severity::Error, &[125, 464]);
        assert_eq!(f.tables, vec![1, 3]);
        assert_eq!(
            (f.actual, f.expected),
            (Some(d("2300.62")), Some(d("2300.52")))
        );
    }

    #[test]
    fn x3_fires_when_table1_appropriation_differs() {
        let f = on_edit("X3", 67, "2,287.86", "2,287.96");
        assert_eq!(one(&f, Severity::Error, &[67, 204]).tables, vec![1, 2]);
    }

    #[test]
    fn x4_fires_on_own_general_funds() {
        let f = on_edit("X4", 69, "2,283.56", "2,283.66");
        assert_eq!(one(&f, Severity::Error, &[69, 204]).tables, vec![1, 2]);
    }

    #[test]
    fn x5_fires_on_general_transfers() {
        let f = on_edit("X5", 71, "4.30", "4.40");
        one(&f, Severity::Error, &[71, 204]);
    }

    #[test]
    fn x6_fires_on_government_fund_income() {
        let f = on_edit("X6", 75, "政府性基金收入", "政府性基金收入 1.00");
        let f = one(&f, Severity::Error, &[75, 204]);
        assert_eq!((f.actual, f.expected), (Some(d("0")), Some(d("1.00"))));
    }

    #[test]
    fn x7_fires_on_state_capital_income() {
        let f = on_edit("X7", 81, "国有资本经营收入", "国有资本经营收入 2.00");
        one(&f, Severity::Error, &[81, 204]);
    }

    #[test]
    fn x8_fires_on_special_account() {
        let f = on_edit("X8", 85, "4.财政专户核拨", "4.财政专户核拨 3.00");
        one(&f, Severity::Error, &[85, 204]);
    }

    #[test]
    fn x9_fires_on_appropriation_carry_over() {
        let f = on_edit("X9", 101, "12.66", "12.76");
        one(&f, Severity::Error, &[101, 204]);
    }

    #[test]
    fn x11_fires_on_table4_general_budget() {
        let f = on_edit("X11", 576, "2,287.86", "2,287.96");
        assert_eq!(one(&f, Severity::Error, &[67, 576]).tables, vec![1, 4]);
    }

    /// 表5 总计 raised by 0.10 in 合计 and 基本支出.
    fn table5_total_raised() -> crate::model::Document {
        edited(650, "总计 2,287.86 2,102.56", "总计 2,287.96 2,102.66")
    }

    #[test]
    fn x12_fires_when_tables_5_8_9_do_not_make_table4() {
        let f = findings_of(&table5_total_raised(), "X12");
        let f = one(&f, Severity::Error, &[634, 650]);
        assert_eq!(f.tables, vec![4, 5]);
    }

    #[test]
    fn x16_reports_the_odd_one_out() {
        let f = findings_of(&table5_total_raised(), "X16");
        assert_eq!(one(&f, Severity::Error, &[67, 650]).tables, vec![1, 5]);
    }

    #[test]
    fn x17_fires_on_table6_total() {
        let f = on_edit(
            "X17",
            729,
            "总计 2,102.56 2,041.95",
            "总计 2,102.66 2,042.05",
        );
        assert_eq!(one(&f, Severity::Error, &[650, 729]).tables, vec![5, 6]);
    }

    #[test]
    fn x18_fires_on_table7_total() {
        let f = on_edit("X18", 844, "总计 185.30 173.56", "总计 185.40 173.66");
        assert_eq!(one(&f, Severity::Error, &[650, 844]).tables, vec![5, 7]);
    }

    #[test]
    fn x24_fires_on_carry_over() {
        let f = on_edit("X24", 99, "12.66", "12.76");
        assert_eq!(one(&f, Severity::Error, &[99, 1084]).tables, vec![1, 11]);
    }

    #[test]
    fn x25_fires_on_appropriation_carry_over() {
        let f = on_edit("X25", 101, "12.66", "12.76");
        assert_eq!(one(&f, Severity::Error, &[101, 1084]).tables, vec![1, 11]);
    }
}
