//! Rule P.1: Project performance table: budget = appropriation + other

use super::*;

rules! {
    /// ## What it checks
    /// Each 项目支出绩效目标表: 年度预算总额 = 其中 财政拨款 + 其他资金. Exact passes; within half a printed unit per
    /// non-zero part is rounding; more is an error. The rule's own logic, `funds`, is below; it
    /// uses the shared `quantity_amount` and `table_name` (performance.rs).
    ///
    /// ## Why it must hold
    /// A project's money is appropriated or other; the two funding lines make up its budget.
    /// Applies to every document whose project performance tables are read (the Xinjiang template
    /// prints one per published project).
    ///
    /// ## Example
    /// Xinjiang sample, 绩效表 of 部门专项-居民身份网格党支部书记岗位补贴: 年度预算总额 0.84 = 财政拨款 0.84 + 其他资金 0.00 (exact).
    P1 = "P.1", "项目绩效表：年度预算总额 = 财政拨款 + 其他资金", "Project performance table: budget = appropriation + other", funds;
}

/// P.1: 年度预算总额 = 财政拨款 + 其他资金, in every project table.
fn funds(c: &mut Checker) {
    let doc = c.doc;
    for p in doc
        .performance
        .iter()
        .filter(|p| p.scope == PerformanceScope::Project)
    {
        let (Some(total), Some(fiscal)) = (quantity_amount(&p.total), quantity_amount(&p.fiscal))
        else {
            continue;
        };
        let parts: Vec<Amt> = [Some(fiscal), quantity_amount(&p.other)]
            .into_iter()
            .flatten()
            .collect();
        let name = table_name(p);
        let what = Label::new(
            format!("{}：年度预算总额 = 财政拨款 + 其他资金", name.zh),
            format!("{}: annual budget = appropriation + other funds", name.en),
        );
        c.sum(&what, &total, &parts, &[]);
    }
}
