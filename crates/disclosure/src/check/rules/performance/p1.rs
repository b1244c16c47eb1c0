//! Rule P.1: Project performance table: budget = appropriation + other

use super::*;

rules! {
    /// Each 项目支出绩效目标表: 年度预算总额 = 财政拨款 + 其他资金. Example: 0.84 = 0.84 + 0.00.
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
        let (Some(total), Some(fiscal)) = (amt(&p.total), amt(&p.fiscal)) else {
            continue;
        };
        let parts: Vec<Amt> = [Some(fiscal), amt(&p.other)]
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
