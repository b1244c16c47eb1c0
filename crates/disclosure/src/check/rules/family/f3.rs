//! Rule F3: Shanghai templates: income rows add up

use super::*;

rules! {
    /// Shanghai 表1: 收入总计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入 and 财政拨款收入
    /// = 一般公共预算 + 政府性基金 + 国有资本经营预算 (预算); 本年收入合计 = every source (决算,
    /// also 表4). Example: 164,978,640 = 164,978,640 + 0 + 0 + 0 (万里街道 2023).
    F3 = "F3", "上海模板：收入各项之和", "Shanghai templates: income rows add up", shanghai_income;
}
