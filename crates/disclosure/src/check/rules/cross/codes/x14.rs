//! Rule X14: Each class: Table 4 government funds = Table 8, state capital = Table 9

use super::*;

rules! {
    /// What: for each 类, 表4 政府性基金 = 表8 合计, and 表4 国有资本经营 = 表9 合计.
    /// Why: 表8 and 表9 detail those columns of 表4. Example: all zero in the sample.
    X14 = "X14", "各类：表4 政府性基金 = 表8、国有资本经营 = 表9", "Each class: Table 4 government funds = Table 8, state capital = Table 9",
        |c| {
            fiscal_by_class(c, Col::GovFund, TableKind::GovFund);
            fiscal_by_class(c, Col::StateCapital, TableKind::StateCapital);
        };
}
