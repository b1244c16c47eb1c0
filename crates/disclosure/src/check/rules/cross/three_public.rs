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
fn general<'a>(s10: &Src<'a>, key: RowKey) -> Option<Val<'a>> {
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
    let Some(item) = general(&s10, key) else {
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
            "基本支出中的三公经费不能超过三公经费总额（项目支出也可能含三公经费，所以表10 可以更大，但不能更小）",
            "the 三公 spending inside basic expenditure cannot exceed all 三公 spending (projects may add more, so Table 10 can be larger, never smaller)",
        ),
    );
}

/// X29: 表10 合计 in a fund column ≤ that fund's table total.
fn fund_column(c: &mut Checker, col: Col, kind: TableKind) {
    let s10 = src(c, TableKind::ThreePublic, Side::Whole);
    let sx = src(c, kind, Side::Whole);
    let (Some(s10), Some(sx)) = (s10, sx) else {
        return;
    };
    let (Some(item), Some(total)) = (s10.total(col), sx.total(Col::Total)) else {
        return;
    };
    at_most(
        c,
        &item,
        &total,
        (
            "三公经费是该预算支出的一部分",
            "三公 spending is part of that budget's spending",
        ),
    );
}

rules! {
    /// What: 表10 公务用车运行费 (一般公共预算) ≥ 表6 30231 公务用车运行维护费; equal unless
    /// projects carry 30231 too.
    /// Why: the 款 is the basic-expenditure part of the same cost.
    /// Example: 9.60 ≥ 9.60.
    X27 = "X27", "表10 公务用车运行费 ≥ 表6 30231", "Table 10 vehicle operation ≥ Table 6 30231",
        |c| item_covers_basic(c, RowKey::VehicleOperation, &["30231"]);
    /// What: 表10 因公出国（境）费 ≥ 表6 30212; 公务接待费 ≥ 表6 30217; 公务用车购置费 ≥ 表6
    /// 31013 + 30913 (一般公共预算 column).
    /// Why: as X27. Example: all zero in the sample.
    X28 = "X28", "表10 出国、接待、购车 ≥ 表6 对应款", "Table 10 travel, reception, vehicle purchase ≥ Table 6 items",
        |c| {
            item_covers_basic(c, RowKey::Abroad, &["30212"]);
            item_covers_basic(c, RowKey::Reception, &["30217"]);
            item_covers_basic(c, RowKey::VehiclePurchase, &["31013", "30913"]);
        };
    /// What: 表10 合计 政府性基金 ≤ 表8 总计; 国有资本经营预算 ≤ 表9 总计.
    /// Why: 三公 paid from a fund is part of that fund's spending.
    /// Example: 0 ≤ 0 (表8 and 表9 are empty).
    X29 = "X29", "表10 基金/国资列 ≤ 表8/表9 总计", "Table 10 fund columns ≤ Tables 8/9 totals",
        |c| {
            fund_column(c, Col::GovFund, TableKind::GovFund);
            fund_column(c, Col::StateCapital, TableKind::StateCapital);
        };
    /// What: 表10 合计 ≤ 表4 支出总计.
    /// Why: 三公 is a subset of the appropriations 表4 totals. Example: 9.60 ≤ 2,287.86.
    X30 = "X30", "表10 合计 ≤ 表4 支出总计", "Table 10 total ≤ Table 4 expense total",
        |c| {
            let s10 = src(c, TableKind::ThreePublic, Side::Whole);
            let s4 = src(c, TableKind::FiscalSummary, Side::Expense);
            let (Some(s10), Some(s4)) = (s10, s4) else { return };
            if let (Some(item), Some(total)) = (s10.total(Col::Total), s4.total(Col::Total)) {
                at_most(c, &item, &total, ("三公经费是财政拨款支出的一部分", "三公 spending is part of the appropriations"));
            }
        };
}

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
