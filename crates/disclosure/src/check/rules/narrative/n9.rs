//! Rule N9: Section 五(一): general budget, basic, project = table 5

use super::*;

rules! {
    /// 五（一）: 一般公共预算拨款 total, 基本 and 项目 = 表5; year-over-year claims.
    N9 = "N9", "说明五（一）：一般公共预算拨款、基本与项目支出 = 表5", "Section 五(一): general budget, basic, project = table 5",
        |c| spending(c, (5, 1), TableKind::GeneralExpense, &["拨款合计", "拨款", "一般公共预算"]);
}
