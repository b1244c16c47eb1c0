//! Rule F5: Shanghai budget explanation: items = table 5, growth over last year's outturn

use super::*;

rules! {
    /// Shanghai 部门预算编制说明: each “类（款）（项）” amount = 表5's 项 (万元 against 元, compared at
    /// 0.01 万元), 预算安排 = that amount, and "比2022年预算执行数增加 g%" = (预算安排 −
    /// 预算执行数) / 预算执行数. Example: 2.63 万元 = 26,300 元; (2.63 − 1.48) / 1.48 = 77.70 %.
    F5 = "F5", "上海预算编制说明：各项金额 = 表5，较预算执行数的增幅", "Shanghai budget explanation: items = table 5, growth over last year's outturn", budget_explanation;
}
