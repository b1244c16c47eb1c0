//! Rule P.4: Shanghai project performance table: each funding column adds up

use super::*;

rules! {
    /// ## What it checks
    /// Each Shanghai 财政项目支出绩效目标填报表 prints two funding columns side by side ("项目资金（元）"): the
    /// year's request, 年度资金申请总额 = 其中：当年财政拨款 + 上年结转资金 + 其他资金, and the project's whole
    /// funding, 项目资金总额 = 其中：财政资金 + 其他资金. Each sum is checked where all its amounts were
    /// read (the two 其他资金 told apart by their order on the line). Exact passes; within half a
    /// printed unit per non-zero part is rounding; more is an error. The rule's own logic,
    /// `request_columns`, is below; it uses the shared `quantity_amount` and `table_name`
    /// (performance.rs).
    ///
    /// ## Why it must hold
    /// The sources listed under a total are its parts; a part larger than its total (a 当年财政拨款
    /// above the year's whole request) is a copied or mistyped figure. Applies to documents whose
    /// project performance tables print these two columns (the Shanghai 部门预算 template; the Xinjiang
    /// tables are P.1's).
    ///
    /// ## Example
    /// Shanghai 万里街道 2023, 公共服务设施运行经费: 年度资金申请总额 10,903,043.00 but 当年财政拨款 11,419,043.00 + 上年结转资金
    /// 0.00 + 其他资金 0.00 = 11,419,043.00 (an error: 516,000 元 more than the total); 项目资金总额 10,903,043.00
    /// = 财政资金 10,903,043.00 + 其他资金 0.00 (holds).
    P4 = "P.4", "上海项目绩效表：年度资金申请总额 = 当年财政拨款 + 上年结转 + 其他资金；项目资金总额 = 财政资金 + 其他资金", "Shanghai project performance table: each funding column adds up", request_columns;
}

/// P.4: both funding columns of every Shanghai project table.
fn request_columns(c: &mut Checker) {
    let doc = c.doc;
    for p in &doc.performance {
        let Some(r) = &p.request else { continue };
        let name = table_name(p);
        if let (Some(total), Some(a), Some(b), Some(o)) = (
            quantity_amount(&r.annual_total),
            quantity_amount(&r.appropriation),
            quantity_amount(&r.carried_over),
            quantity_amount(&r.annual_other),
        ) {
            let what = Label::new(
                format!("{}：年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金", name.zh),
                format!("{}: the year's request = this year's appropriation + carried over + other funds", name.en),
            );
            c.sum(&what, &total, &[a, b, o], &[]);
        }
        if let (Some(total), Some(f), Some(o)) = (
            quantity_amount(&r.project_total),
            quantity_amount(&r.project_fiscal),
            quantity_amount(&r.project_other),
        ) {
            let what = Label::new(
                format!("{}：项目资金总额 = 财政资金 + 其他资金", name.zh),
                format!("{}: the project's funding = fiscal + other funds", name.en),
            );
            c.sum(&what, &total, &[f, o], &[]);
        }
    }
}
