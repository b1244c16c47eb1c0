//! Rule P.3: Department performance table: sources add up

use super::*;

rules! {
    /// ## What it checks
    /// 部门整体绩效目标表: 资金总额 = 上级安排 + 本级安排 + 其他, when the total is printed. Exact passes; within half a
    /// printed unit per non-zero part is rounding; more is an error. The rule's own logic,
    /// `department_funds`, is below.
    ///
    /// ## Why it must hold
    /// The department's whole budget comes from these three sources; the table's total must be
    /// their sum. Applies to department performance tables with a printed 资金总额 (Xinjiang template).
    ///
    /// ## Example
    /// Xinjiang sample: 上级安排 16.96 + 本级安排 2,283.56 + 其他 0.00 = 2,300.52 (the 收支总计); the text copy
    /// prints no 资金总额 figure under its heading, so there is nothing to set the sum against (X34
    /// compares the sources with 表1).
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
        let Some(total) = quantity_amount(&p.total) else {
            continue;
        };
        let parts: Vec<Amt> = [
            quantity_amount(&p.superior),
            quantity_amount(&p.local),
            quantity_amount(&p.other),
        ]
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
