//! Rule X14: Each class: Table 4 government funds = Table 8, state capital = Table 9

use super::*;

rules! {
    /// ## What it checks
    /// For each 类: 表4 支出 政府性基金 = 表8 合计, and 表4 国有资本经营 = 表9 合计, where 表4 prints the column (a 类 one
    /// table does not print counts as zero). Same quantity: a gap of one unit of the last printed digit is rounding, more is an error. Runs the
    /// shared `fiscal_by_class` (cross/codes.rs) twice.
    ///
    /// ## Why it must hold
    /// 表8 and 表9 detail those two columns of 表4 by function. Applies to every template.
    ///
    /// ## Example
    /// Xinjiang sample: 表4's two columns are blank in every 类 and 表8 and 表9 have no rows — all
    /// zero, nothing differs.
    X14 = "X14", "各类：表4 政府性基金 = 表8、国有资本经营 = 表9", "Each class: Table 4 government funds = Table 8, state capital = Table 9",
        |c| {
            fiscal_by_class(c, Col::GovFund, TableKind::GovFund);
            fiscal_by_class(c, Col::StateCapital, TableKind::StateCapital);
        };
}
