//! Rule N6: The previous year implied by each section is the same

use super::*;

rules! {
    /// ## What it checks
    /// The previous year implied by the year-over-year claims (current − signed Δ, from the
    /// previous-year reconstruction) is one year: prior income (二) = prior 基本 + prior 项目 (三), and
    /// prior general budget (二) = prior 基本 + prior 项目 (五（一）). Exact passes; within half a printed
    /// unit per part is rounding; more is an error. The rule's own logic, `prior_consistency`, is
    /// below.
    ///
    /// ## Why it must hold
    /// Each section derives last year's figures from the same budget; if they disagree, one of the
    /// stated changes is wrong. Applies to documents whose 二, 三 and 五（一） give changes (Xinjiang
    /// budgets).
    ///
    /// ## Example
    /// Xinjiang sample: prior income 2,043.75 + 28.73 = 2,072.48 = prior 基本 2,041.75 + prior 项目
    /// 30.73; prior 一般公共预算 2,043.75 = 2,041.75 + 2.00 (exact).
    N6 = "N6", "各部分推算的上年数相互一致", "The previous year implied by each section is the same", prior_consistency;
}

/// N6: the reconstructed previous year must be consistent: prior income = prior 基本 + prior
/// 项目 (三), and prior general budget (二) = prior 基本 + prior 项目 (五（一）).
fn prior_consistency(c: &mut Checker) {
    let doc = c.doc;
    let prior = c.previous_year();
    let of =
        |chapter: u8, sub: u8, pred: &dyn Fn(&str) -> bool| -> Vec<&crate::previous::PriorItem> {
            prior
                .items
                .iter()
                .filter(|p| {
                    in_topic(doc, p.section, chapter)
                        && (sub == 0 || p.section.sub == sub)
                        && pred(&p.subject)
                })
                .collect()
        };
    let half = Decimal::new(5, 3);
    let compare = |c: &mut Checker,
                   left: Vec<&crate::previous::PriorItem>,
                   right: Vec<&crate::previous::PriorItem>,
                   zh: &str,
                   en: &str| {
        if left.is_empty() || right.len() < 2 {
            return;
        }
        let l: Decimal = left.iter().map(|p| p.prior).sum();
        let r: Decimal = right.iter().map(|p| p.prior).sum();
        let n = left.len() + right.len();
        let verdict = tolerance::sum(l, r, n, half);
        let env = amount((half * Decimal::from(n)).normalize());
        let (severity, tail_zh, tail_en) = match verdict {
            Verdict::Exact => return,
            Verdict::Rounding => (
                Severity::Rounding,
                format!("在 {n} 个数四舍五入的尾差范围内"),
                format!("within the rounding of {n} amounts"),
            ),
            Verdict::Wrong => (
                Severity::Error,
                format!("超出 {n} 个数四舍五入的尾差（至多 {env}）"),
                format!("more than the rounding of {n} amounts explains (at most {env})"),
            ),
        };
        let f = c.report(
            severity,
            format!("按“比上年”推算的上年数：{zh}，一边为 {}，另一边为 {}，{tail_zh}。", amount(l), amount(r)),
            format!("Previous year reconstructed from the 比上年 claims: {en}; one side gives {}, the other {}, {tail_en}.", amount(l), amount(r)),
        );
        // Both sides are reconstructed, not printed.
        f.expected = Some(r);
        f.lines = left
            .iter()
            .chain(&right)
            .flat_map(|p| p.lines.iter().copied())
            .collect();
    };
    let income = of(2, 0, &|_| true);
    let spend3 = of(3, 0, &|s| s.contains("基本支出") || s.contains("项目支出"));
    compare(
        c,
        income,
        spend3,
        "二 各项收入的上年数之和应等于 三 基本支出与项目支出的上年数之和",
        "the prior income sources (二) should add up to prior basic + project spending (三)",
    );
    let gpb = of(2, 0, &|s| s.contains("一般公共预算"));
    let spend5 = of(5, 1, &|s| s.contains("基本支出") || s.contains("项目支出"));
    compare(
        c,
        gpb,
        spend5,
        "二 一般公共预算（含上级转移支付）的上年数应等于 五（一）基本支出与项目支出的上年数之和",
        "the prior general budget incl. transfers (二) should equal prior basic + project (五(一))",
    );
}
