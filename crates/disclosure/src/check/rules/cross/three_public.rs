//! 表10 (财政拨款"三公"经费) against the tables it is part of (X27–X30).
//!
//! 三公 money is a subset of other tables' money, so these are inequalities: 表10 may be larger
//! than 表6's 基本支出 款 (projects can carry 三公 too), but never smaller; and never larger than
//! the budget it is drawn from.

use super::{combined, src, Src, Val};
use crate::check::rules::cross::at_most;
use crate::check::Checker;
use crate::model::{Col, RowKey, Side, TableKind};

/// The general-budget amount of a 表10 row (its 合计 when the template has no budget columns).
fn general_budget_amount<'a>(s10: &Src<'a>, key: RowKey) -> Option<Val<'a>> {
    let col = if s10.has(Col::GeneralBudget) {
        Col::GeneralBudget
    } else {
        Col::Total
    };
    s10.keyed(key, col)
}

/// X27 / X28: a 三公 item of 表10 (一般公共预算) ≥ the 表6 经济分类 款 that pays for it.
fn item_covers_basic(c: &mut Checker, key: RowKey, codes: &[&str]) {
    let s10 = src(c, TableKind::ThreePublic, Side::Whole);
    let s6 = src(c, TableKind::GeneralBasic, Side::Whole);
    let (Some(s10), Some(s6)) = (s10, s6) else {
        return;
    };
    let Some(item) = general_budget_amount(&s10, key) else {
        return;
    };
    let basic: Vec<Val> = codes
        .iter()
        .filter_map(|code| s6.row(code).map(|r| s6.val(r, Col::Total)))
        .collect();
    let Some(basic) = combined(&basic) else {
        return;
    };
    at_most(
        c,
        &basic,
        &item,
        (
            "基本支出中的三公经费不能超过三公经费总额（项目支出也可能含三公经费，所以“三公”经费可以更大，但不能更小）",
            "the 三公 spending inside basic expenditure cannot exceed all 三公 spending (projects may add more, so the 三公 figure can be larger, never smaller)",
        ),
    );
}

// The rules, each in its own file under `three_public/`.
mod x27;
mod x28;
mod x29;
mod x30;

pub use x27::X27;
pub use x28::X28;
pub use x29::X29;
pub use x30::X30;

#[cfg(test)]
mod tests {
    use crate::check::rules::cross::testing::*;
    use crate::check::Severity;

    #[test]
    fn hold_on_the_sample() {
        for rule in ["X27", "X28", "X29", "X30"] {
            assert_eq!(on_sample(rule), vec![], "{rule}");
        }
    }

    #[test]
    fn x27_fires_when_table6_exceeds_table10() {
        let f = on_edit("X27", 775, "9.60 9.60", "9.70 9.70");
        assert_eq!(one(&f, Severity::Error, &[775, 1057]).tables, vec![6, 10]);
    }

    #[test]
    fn x27_one_unit_over_is_rounding() {
        let f = on_edit("X27", 775, "9.60 9.60", "9.61 9.61");
        let f = one(&f, Severity::Rounding, &[775, 1057]);
        assert!(
            f.message_zh.contains("四舍五入造成的尾差"),
            "{}",
            f.message_zh
        );
        assert_eq!((f.actual, f.expected), (Some(d("9.61")), Some(d("9.60"))));
    }

    #[test]
    fn x28_fires_on_reception() {
        let f = on_edit("X28", 767, "302 13 维修（护）费", "302 17 公务接待费");
        assert_eq!(one(&f, Severity::Error, &[767, 1051]).tables, vec![6, 10]);
    }

    #[test]
    fn x29_fires_on_fund_money_in_table10() {
        let f = on_edit("X29", 1047, "合计 9.60 9.60", "合计 10.60 9.60 1.00");
        let f = one(&f, Severity::Error, &[1006, 1047]);
        assert_eq!(f.tables, vec![8, 10]);
    }

    #[test]
    fn x30_fires_when_three_public_exceeds_table4() {
        let f = on_edit("X30", 1047, "合计 9.60 9.60", "合计 2,300.00 2,300.00");
        assert_eq!(one(&f, Severity::Error, &[634, 1047]).tables, vec![4, 10]);
    }
}
