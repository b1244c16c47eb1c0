//! Rule C: The disclosure is complete (财预〔2016〕143号)

use super::*;

rules! {
    /// ## What it checks
    /// The items 财预〔2016〕143号 (地方预决算公开操作规程) and 预算法实施条例 §6 require (rules.md §4, the checklist of
    /// check/completeness.rs): each required item that is absent is a warning naming its id (C2
    /// 部门职责 … C18). Optional items (C6 国有资本经营预算支出表; C14 国有资产 outside budgets) never warn; a
    /// document without any table is not checked. An item judged from a table's rows (C7 the 项
    /// rows of the 一般公共预算支出 table, C8 the 款 rows of the 基本支出 table, C9 the 基本支出 and
    /// 项目支出 columns) names that table when the document prints it, so that a table the reader
    /// could not read reliably (check/reliability.rs) does not make the item absent: the warning is
    /// set aside with the table's note. The rule's own logic, `completeness`, is below.
    ///
    /// ## Why it must hold
    /// 预算法 §14 and the 操作规程 fix what a department must publish: the tables, the explanations of
    /// changes, 三公, 机关运行经费, 政府采购, the glossary, and empty tables shown as such. Applies to every
    /// budget and final-accounts document.
    ///
    /// ## Example
    /// Xinjiang sample: every required item is found — 部门职责 in 第一部分 (12 items), the eleven tables,
    /// the 名词解释 of 第四部分 (8 terms), and 表8 and 表9 shown empty with their statements — so nothing is
    /// reported.
    C1 = "C", "公开内容完整（财预〔2016〕143号）", "The disclosure is complete (财预〔2016〕143号)", completeness;
}

/// The completeness checklist (rules.md §4): a required item that is absent is reported.
fn completeness(c: &mut Checker) {
    let doc = c.doc;
    if doc.tables.is_empty() {
        return;
    }
    let missing: Vec<(String, String, String)> = c
        .checklist()
        .items
        .iter()
        .filter(|i| i.required && !i.present)
        .map(|i| (i.id.clone(), i.title_zh.clone(), i.title_en.clone()))
        .collect();
    for (id, title_zh, title_en) in missing {
        let judged_from = judged_from(doc, &id);
        let f = c.report(
            crate::check::Severity::Warning,
            format!("缺少应公开的内容（{id}）：{title_zh}。"),
            format!("Missing from the disclosure ({id}): {title_en}."),
        );
        if let Some(t) = judged_from {
            f.tables = vec![t.number];
            f.lines = vec![t.span.0];
        }
    }
}

/// The printed table an item is judged from by its rows or columns, if the document prints it.
fn judged_from<'d>(doc: &'d Document, id: &str) -> Option<&'d Table> {
    use TableKind::*;
    match id {
        "C7" => doc.table(GeneralExpense),
        "C8" => doc.table(GeneralBasic),
        "C9" => doc.table(Expense).or(doc.table(GeneralExpense)),
        _ => None,
    }
}
