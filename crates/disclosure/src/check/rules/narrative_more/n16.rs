//! Rule N16: Section 七: number of projects = table 7

use super::*;

rules! {
    /// 七: as many projects described as 表7 lists.
    N16 = "N16", "说明七：项目个数 = 表7", "Section 七: number of projects = table 7", project_count;
}
