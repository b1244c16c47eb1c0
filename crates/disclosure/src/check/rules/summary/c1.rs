//! Rule C: The disclosure is complete (财预〔2016〕143号)

use super::*;

rules! {
    /// The items 财预〔2016〕143号 requires (rules.md §4): each absent one is a warning.
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
        c.report(
            crate::check::Severity::Warning,
            format!("缺少应公开的内容（{id}）：{title_zh}。"),
            format!("Missing from the disclosure ({id}): {title_en}."),
        );
    }
}
