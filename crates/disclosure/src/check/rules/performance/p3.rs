//! Rule P.3: Department performance table: sources add up

use super::*;

rules! {
    /// 部门整体绩效目标表: 上级安排 + 本级安排 + 其他 = 资金总额 (when printed).
    P3 = "P.3", "部门整体绩效表：资金来源之和 = 资金总额", "Department performance table: sources add up", department_funds;
}

/// P.3: 部门整体: 上级安排 + 本级安排 + 其他 = 资金总额, when the total is printed.
fn department_funds(c: &mut Checker) {
    let doc = c.doc;
    for p in doc
        .performance
        .iter()
        .filter(|p| p.scope == PerformanceScope::Department)
    {
        let Some(total) = amt(&p.total) else { continue };
        let parts: Vec<Amt> = [amt(&p.superior), amt(&p.local), amt(&p.other)]
            .into_iter()
            .flatten()
            .collect();
        if parts.is_empty() {
            continue;
        }
        let what = Label::new(
            "部门整体绩效目标表：上级安排 + 本级安排 + 其他 = 资金总额",
            "Department performance table: superior + own + other = total funds",
        );
        c.sum(&what, &total, &parts, &[]);
    }
}
