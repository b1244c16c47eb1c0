//! Rule X8: Table 2 special account and unit funds = Table 1 rows

use super::*;

rules! {
    /// ## What it checks
    /// 表2 财政专户管理资金 总计 = 表1 4.财政专户核拨, and 表2 单位资金 总计 = 表1 5.单位资金. Same quantity: a gap of one unit of the last printed digit is
    /// rounding, more is an error; a pair not printed on both sides is skipped. Runs the shared `income_column`
    /// (cross/totals.rs).
    ///
    /// ## Why it must hold
    /// The same non-appropriated income is printed twice. Applies to templates that print both
    /// (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: both are blank in 表1 and 表2 (a 街道办事处 has no income of its own).
    X8 = "X8", "表2 财政专户、单位资金 = 表1 同项", "Table 2 special account and unit funds = Table 1 rows",
        |c| income_column(c, &[
            (Col::SpecialAccount, RowKey::SpecialAccount),
            (Col::UnitFunds, RowKey::UnitFunds),
        ]);
}
