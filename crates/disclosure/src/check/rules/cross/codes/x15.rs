//! Rule X15: Each code: Table 5 total = Table 2 general budget + transfers

use super::*;

rules! {
    /// ## What it checks
    /// For every 功能分类 code: 表5 合计 = 表2 一般公共预算 + 上级一般公共预算转移支付 (printed parts: exact passes, within
    /// half a printed unit per non-zero part is rounding, more is an error), and 表5 prints exactly
    /// the codes where that sum is not zero (money at a code 表5 omits is an error). Not checked
    /// when 表2 does not split out the general budget (the Shanghai 表2 prints 财政拨款收入 only). The
    /// rule's own logic, `general_by_code` with `gpb`, is below; it uses the shared `coded` and
    /// `missing_code` (cross/codes.rs).
    ///
    /// ## Why it must hold
    /// 表5 is the general budget's share of 表2 code by code; carry-over and other money stay out of
    /// it. Applies to templates whose 表2 splits the budgets (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: 2070199 表5 4.30 = 表2 一般公共预算 0 + 上级转移支付 4.30; 2010199 (1.00 of 结转 only) is
    /// rightly absent from 表5.
    X15 = "X15", "各科目：表5 合计 = 表2 一般公共预算 + 上级转移支付", "Each code: Table 5 total = Table 2 general budget + transfers", general_by_code;
}

/// X15: for every code, 表5 合计 = 表2 一般公共预算 + 上级一般公共预算转移支付; 表5 prints
/// exactly the codes where that sum is not zero.
fn general_by_code(c: &mut Checker) {
    let s2 = src(c, TableKind::Income, Side::Whole);
    let s5 = src(c, TableKind::GeneralExpense, Side::Whole);
    let (Some(s2), Some(s5)) = (s2, s5) else {
        return;
    };
    // Templates whose 表2 does not split out the general budget (Shanghai: 财政拨款收入 only)
    // give nothing to compare.
    if !s2.has(Col::GeneralBudget) && !s2.has(Col::GeneralTransfer) {
        return;
    }
    let with_gpb = coded(&s2, |r| !gpb(&s2, r).is_zero());
    for code in union([coded(&s5, |_| true), with_gpb]) {
        let parts = [
            s2.at(code, Col::GeneralBudget),
            s2.at(code, Col::GeneralTransfer),
        ];
        let total = s5.at(code, Col::Total);
        if s5.row(code).is_none() {
            missing_code(c, &parts, s5, ("一般公共预算", "general-budget"));
            continue;
        }
        let what = || {
            let total = total.what();
            Label::new(
                format!(
                    "{} = 表{} 一般公共预算 + 上级一般公共预算转移支付",
                    total.zh,
                    s2.n()
                ),
                format!(
                    "{} = Table {} general budget + general-budget transfers",
                    total.en,
                    s2.n()
                ),
            )
        };
        sum_of(c, &what, &total, &parts);
    }
}

/// 表2 一般公共预算 + 上级转移支付 of a row.
fn gpb(s: &Src, r: &Row) -> Decimal {
    s.b.value(r, Col::GeneralBudget) + s.b.value(r, Col::GeneralTransfer)
}
