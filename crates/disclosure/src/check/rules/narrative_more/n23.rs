//! Rule N23: Section 十二(二): procurement adds up

use super::*;

rules! {
    /// ## What it checks
    /// 十二（二）: 政府采购 = 货物 + 工程 + 服务 (within half a printed unit per part is rounding, more is an
    /// error); 中小企业预留 ≤ 政府采购 and 小微企业预留 ≤ 中小企业预留 (each in its unit; one unit of the
    /// last printed digit over is rounding, more an error); a share stated with 中小企业 ("占政府采购支出总额的
    /// p%") is over the total, as N4's shares are judged. Where no 十二 states it (a heading without a
    /// number, "政府采购决算公开情况说明"), the first statement naming procurement as a whole, anywhere,
    /// with the parts stated in its section. The rule's own logic,
    /// `procurement`, is below.
    ///
    /// ## Why it must hold
    /// The three kinds make up procurement, and the reservations are shares of it (政府采购促进中小企业发展
    /// 管理办法). Applies to documents with a procurement statement (Xinjiang 十二, Shanghai 其他相关情况说明).
    ///
    /// ## Example
    /// Xinjiang sample: 32.09 = 17.77 + 0 + 14.32; 预留 32.09 ≤ 32.09; 小微 32.09 ≤ 32.09. Shanghai
    /// 万里街道 2023 budget: 830.00 = 10.00 + 550.00 + 270.00; 中小 332.00; 小微 232.40.
    N23 = "N23", "说明十二（二）：政府采购构成", "Section 十二(二): procurement adds up", procurement;
}

/// N23: 政府采购 = 货物 + 工程 + 服务; 中小企业预留 ≤ 采购; 小微 ≤ 中小.
fn procurement(c: &mut Checker) {
    let doc = c.doc;
    let is_total = |s: &str| {
        s.contains("政府采购")
            && !s.contains("货物")
            && !s.contains("工程")
            && !s.contains("服务")
            && !s.contains("企业")
    };
    let money =
        |s: &&Statement| !s.in_reason && s.value.as_ref().is_some_and(|q| q.unit.money().is_some());
    // Under 十二, or where no heading numbers it ("政府采购决算公开情况说明" printed as a plain line):
    // the statement naming procurement as a whole, anywhere.
    let Some(total) = find(doc, 12, 0, is_total).or_else(|| {
        doc.statements
            .iter()
            .filter(money)
            .find(|s| is_total(&s.subject))
    }) else {
        return;
    };
    // The parts stated in the total's section.
    let find = |pred: &dyn Fn(&str) -> bool| {
        doc.statements
            .iter()
            .filter(money)
            .find(|s| s.section == total.section && pred(&s.subject))
    };
    let parts: Vec<Amt> = ["货物", "工程", "服务"]
        .iter()
        .filter_map(|w| find(&|s| s.contains("政府采购") && s.contains(w)))
        .filter_map(amt)
        .collect();
    if let (Some(t), 3) = (amt(total), parts.len()) {
        let ch = chapter_label(total.section);
        let what = Label::new(
            format!("{} 政府采购预算 = 货物 + 工程 + 服务", ch.zh),
            format!("{}: procurement = goods + works + services", ch.en),
        );
        c.sum(&what, &t, &parts, &[]);
    }
    let sme = find(&|s| s.contains("中小企业"));
    let micro = find(&|s| s.contains("小微企业"));
    // "授予中小企业合同金额 a 万元，占政府采购支出总额的 p%": a share of the total.
    if let (Some(s), Some(q)) = (sme, total.value.as_ref()) {
        let unit = q.unit.money().unwrap_or_default();
        share(
            c,
            s,
            (&statement_label(total), q.value, unit, &total.lines),
            &[],
            &[],
        );
    }
    for (small, big) in [(sme, Some(total)), (micro, sme)] {
        let (Some(small), Some(big)) = (small, big) else {
            continue;
        };
        let (Some(a), Some(b)) = (amt(small), amt(big)) else {
            continue;
        };
        let (sa, sb) = (statement_label(small), statement_label(big));
        c.at_most(
            (&sa, &a),
            (&sb, &b),
            (
                "其中数不能大于它所属的总数",
                "a part cannot exceed the whole it belongs to",
            ),
            &[],
        );
    }
}
