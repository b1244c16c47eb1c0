//! Rule X29: Table 10 fund columns ≤ Tables 8/9 totals

use super::*;

rules! {
    /// ## What it checks
    /// 表10 合计 row: 政府性基金 ≤ 表8 总计, and 国有资本经营预算 ≤ 表9 总计 (an empty fund table counts as 0); an error
    /// when the 三公 amount is larger by more than one unit of the last printed digit (one unit
    /// is rounding). The rule's own logic, `fund_column`, is below; it uses the
    /// shared `at_most` (cross.rs).
    ///
    /// ## Why it must hold
    /// 三公 paid from a fund is part of that fund's spending. Applies to templates whose 三公 table has
    /// funding-source columns (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: 表10's 政府性基金 and 国有资本 columns are blank and 表8 / 表9 are empty: 0 ≤ 0.
    X29 = "X29", "表10 基金/国资列 ≤ 表8/表9 总计", "Table 10 fund columns ≤ Tables 8/9 totals",
        |c| {
            fund_column(c, Col::GovFund, TableKind::GovFund);
            fund_column(c, Col::StateCapital, TableKind::StateCapital);
        };
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
