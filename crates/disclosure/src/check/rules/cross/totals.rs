//! Totals and labelled rows printed in two tables (X1, X3–X9, X11, X12, X16–X18, X24, X25).
//!
//! Most of these are the same quantity printed twice, so a gap of one unit of the last printed
//! digit is rounding, more is an error. Where one side is the sum of amounts from other tables
//! (X3, X12), the rounding envelope applies.

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
        // 表2's cell is empty: the printed value is 表1's, and the empty cell implies zero.
        assert_eq!((f.actual, f.expected), (Some(d("1.00")), Some(d("0"))));
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
        assert_eq!(f.tables, vec![4, 5, 8, 9]);
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
