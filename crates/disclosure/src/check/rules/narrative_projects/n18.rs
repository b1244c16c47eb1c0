//! Rule N18: Counts in section 七 = the performance tables

use super::*;

rules! {
    /// 七 ⇔ 绩效目标表: the counts a project's description gives (people subsidised, grids
    /// built…) are its performance table's quantities. Example: 七（四）"初级社会工作者补助人数
    /// 26人" = "初级社会工作者补助人数 =26 人".
    N18 = "N18", "说明七的人数、个数 = 绩效目标表", "Counts in section 七 = the performance tables",
        project_counts;
}
