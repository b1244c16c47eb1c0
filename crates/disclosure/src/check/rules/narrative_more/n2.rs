//! Rule N2: Section 一: listed sources and classes = those with money in table 1

use super::*;

rules! {
    /// ## What it checks
    /// 一 (总体说明): the 支出 类 it lists ("支出预算包括：…") are exactly the 类 with money in 表1, by name
    /// (compared without spaces); a 类 listed without money, or with money but not listed, is a
    /// warning. The income sources listed ("收入预算包括：…") are not compared yet. The rule's own logic,
    /// `listed_groups`, is below.
    ///
    /// ## Why it must hold
    /// The overview tells the reader where the money comes from and goes; a listed source with no
    /// money, or a 类 left out, misdescribes the budget. Applies to documents with a 总体 chapter that
    /// lists them (Xinjiang budgets).
    ///
    /// ## Example
    /// Xinjiang sample, 一: the seven 类 listed (一般公共服务支出, 教育支出, 文化旅游体育与传媒支出, 社会保障和就业支出, 卫生健康支出,
    /// 住房保障支出, 国有资本经营预算支出) are exactly those with money in 表1.
    N2 = "N2", "说明一：列出的收入来源和支出类 = 表1 有金额的项", "Section 一: listed sources and classes = those with money in table 1", listed_groups;
}

/// N2: the sources and 类 listed in 一 are those with money in 表1.
fn listed_groups(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = c.table(TableKind::Summary) else {
        return;
    };
    let Some(exp) = t.block(Side::Expense) else {
        return;
    };
    for l in doc.listings.iter().filter(|l| in_topic(doc, l.section, 1)) {
        if l.subject.contains("支出") {
            let listed: Vec<String> = l.items.iter().map(|i| compact(&i.value)).collect();
            for r in exp.rows.iter().filter(|r| r.kind == RowKind::Class) {
                let has_money = !exp.value(r, Col::Amount).is_zero();
                let named = listed.contains(&compact(&r.name));
                if has_money != named {
                    let label = row_label(t, r);
                    let (zh, en) = if has_money {
                        (
                            format!(
                                "第三部分 一列出的支出没有{}，但表{}中有金额。",
                                label.zh, t.number
                            ),
                            format!(
                                "Part 3, 一 does not list {}, which has money in table {}.",
                                label.en, t.number
                            ),
                        )
                    } else {
                        (
                            format!(
                                "第三部分 一列出了{}，但表{}中没有金额。",
                                label.zh, t.number
                            ),
                            format!(
                                "Part 3, 一 lists {}, which has no money in table {}.",
                                label.en, t.number
                            ),
                        )
                    };
                    let mut lines = r.lines.clone();
                    lines.extend(l.items.iter().map(|i| i.line));
                    let f = c.report(Severity::Warning, zh, en);
                    f.lines = lines;
                    f.tables = vec![t.number];
                }
            }
        }
    }
}
