//! Rule N7: Section 三: spending, basic, project, shares, changes = table 3

use super::*;

rules! {
    /// 三: 支出 total, 基本 and 项目 = 表3; shares over 表3's total; year-over-year claims.
    /// Example: 91.40 % is only reachable within rounding (2,102.56 / 2,300.52 = 91.39 %).
    N7 = "N7", "说明三：支出总额、基本与项目支出、占比及增减 = 表3", "Section 三: spending, basic, project, shares, changes = table 3",
        |c| spending(c, (3, 0), TableKind::Expense, &["支出预算", "支出总预算"]);
}
