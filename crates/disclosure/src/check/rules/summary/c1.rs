//! Rule C: The disclosure is complete (财预〔2016〕143号)

use super::*;

rules! {
    /// ## What it checks
    /// The items 财预〔2016〕143号 (地方预决算公开操作规程) and 预算法实施条例 §6 require (rules.md §4, the checklist of
    /// check/completeness.rs): each required item that is absent is a warning naming its id (C2
    /// 部门职责 … C18). Optional items (C6 国有资本经营预算支出表; C14 国有资产 outside budgets) never warn; only a
    /// whole document is checked (its tables, its 说明, and its 概况 or 名词解释: parse/coverage.rs), never a
    /// text that holds part of one — one table, the 说明 alone, a web page whose tables are attachments —
    /// whose absent parts are not missing from the document. An item about what a table holds (C7 项-level
    /// rows, C8 款-level rows, C9 基本/项目 columns) cites that table when it is there, so that a
    /// table the reader could not read reliably sets the item aside with it (check/reliability.rs)
    /// instead of reporting as missing what was only misread. The rule's own logic,
    /// `completeness`, is below.
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
    // What a part of a document does not hold is not missing from the document.
    if doc.meta.coverage.extent != Extent::Whole || doc.tables.is_empty() {
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
        let table = match id.as_str() {
            // The table found without rows and without a statement that it is empty: were its
            // rows only unread, the reliability gate sets this aside with the table.
            "C17" => crate::check::completeness::unexplained_empty_table(doc),
            _ => table_of_item(&id).and_then(|kinds| kinds.iter().find_map(|&k| doc.table(k))),
        };
        let f = c.report(
            crate::check::Severity::Warning,
            format!("缺少应公开的内容（{id}）：{title_zh}。"),
            format!("Missing from the disclosure ({id}): {title_en}."),
        );
        if let Some(t) = table {
            f.tables = vec![t.number];
            f.lines = vec![t.span.0];
        }
    }
}

/// The tables whose rows or columns an item of the checklist is about, first found first.
fn table_of_item(id: &str) -> Option<&'static [TableKind]> {
    use TableKind::*;
    match id {
        "C7" => Some(&[GeneralExpense]),
        "C8" => Some(&[GeneralBasic]),
        "C9" => Some(&[Expense, GeneralExpense]),
        _ => None,
    }
}
