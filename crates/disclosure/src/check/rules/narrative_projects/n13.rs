//! Rule N13: Project amounts cited in explanations = table 7

use super::*;

rules! {
    /// 五（三） and the other explanations: a project cited by name and amount has 表7's amount.
    /// Why: the reasons are where a reader learns what changed; a wrong amount there misleads.
    /// Example: "社区党建工作经费 95.00 万元" in 三 = 表7 "部门专项-社区党建工作经费" 95.00.
    N13 = "N13", "说明中引用的项目金额 = 表7", "Project amounts cited in explanations = table 7",
        reasons_cite_projects;
}
