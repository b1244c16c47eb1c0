//! Rule N32: An item said to be 基本支出 (or 项目支出) is mostly that in the tables

use super::*;

rules! {
    /// ## What it checks
    /// A sentence that says what an item's money is for ("一般行政管理事务（项）。主要用于：局财政业务指导与宣传等
    /// 基本支出") and calls it 基本支出 or 项目支出 (one of the two words, not both): when the item is named by
    /// its full 类/款/项 path ("A（类）B（款）C（项）", or "“A-B-C”科目") or by its 7-digit code, and the table
    /// that splits that 项 into 基本支出 and 项目支出 (表5 一般公共预算, else 表3) is read, the kind stated
    /// must hold the larger part of the 项. A warning otherwise (a reading of wording); an item named
    /// any other way, or split evenly, is not judged. The rule's own logic, `stated_kind`, is below; it
    /// uses the shared `PathIndex` and `path_names` (narrative.rs).
    ///
    /// ## Why it must hold
    /// 基本支出 keeps the unit running (staff and day-to-day costs) and 项目支出 pays for specific tasks; the
    /// tables book each 项 into one or the other. A sentence that calls project money basic spending (as
    /// a template's wording copied from the 行政运行 item does) misdescribes where the money went.
    /// Applies to every document whose explanations give an item's purpose and whose tables split
    /// 基本 and 项目 per 项.
    ///
    /// ## Example
    /// Shanghai 普陀区财政局 2024 决算, 五（三）2: "一般行政管理事务（项）。主要用于：局财政业务指导与宣传等基本支出", while 表5 puts
    /// all 10.00 of 201 06 02 under 项目支出 (a warning). Its item 1, 行政运行 "…等的基本支出", is 1,503.52 基本 against
    /// 8.37 项目 (holds).
    N32 = "N32", "说明所称基本支出/项目支出与表中该项的构成相符", "An item said to be basic (or project) spending is mostly that in the tables", stated_kind;
}

/// A 7-digit 功能分类 code printed in the item's text ("2010602"), when there is exactly one.
fn item_code(item: &str) -> Option<String> {
    let mut found = None;
    let bytes = item.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            let before = item[..i].chars().next_back();
            let after = item[i + run..].chars().next();
            let decimal = matches!(before, Some('.')) || matches!(after, Some('.' | ','));
            if run == 7 && !decimal {
                if found.is_some() {
                    return None;
                }
                found = Some(item[i..i + run].to_owned());
            }
            i += run;
        } else {
            i += 1;
        }
    }
    found
}

/// The table that splits each 项 into 基本支出 and 项目支出: 表5 (一般公共预算) when it prints both
/// columns, else 表3.
fn split_table(doc: &Document) -> Option<(&Table, &Block)> {
    [TableKind::GeneralExpense, TableKind::Expense]
        .into_iter()
        .filter_map(|k| doc.table(k))
        .find_map(|t| {
            let b = t.main()?;
            (b.col(Col::Basic).is_some() && b.col(Col::Project).is_some()).then_some((t, b))
        })
}

/// N32: every purpose that calls an identified 项 basic or project spending, against its split.
fn stated_kind(c: &mut Checker) {
    let doc = c.doc;
    let claims: Vec<(&Purpose, Col)> = doc
        .purposes
        .iter()
        .filter_map(|p| {
            let text = compact(&p.text);
            match (text.contains("基本支出"), text.contains("项目支出")) {
                (true, false) => Some((p, Col::Basic)),
                (false, true) => Some((p, Col::Project)),
                _ => None,
            }
        })
        .collect();
    if claims.is_empty() {
        return;
    }
    let Some((t, b)) = split_table(doc) else {
        return;
    };
    let index = PathIndex::new(b);
    for (p, kind) in claims {
        let row = match (item_path(&p.item), item_code(&p.item)) {
            (Some(names), _) => index.row(&names),
            (None, Some(code)) => b
                .rows
                .iter()
                .find(|r| r.kind == RowKind::Xiang && r.code_str() == Some(code.as_str())),
            (None, None) => None,
        };
        let Some(row) = row else { continue };
        let (basic, project) = (b.value(row, Col::Basic), b.value(row, Col::Project));
        let other = if kind == Col::Basic { project } else { basic };
        let own = if kind == Col::Basic { basic } else { project };
        if other <= own {
            continue;
        }
        let (said_zh, said_en, is_zh) = if kind == Col::Basic {
            ("基本支出", "basic spending", "项目支出")
        } else {
            ("项目支出", "project spending", "基本支出")
        };
        let what = crate::check::rules::row_label(t, row);
        let sec = section_label(p.section);
        let f = c.report(
            Severity::Warning,
            format!(
                "{}：说明称该项主要用于“{}”，而{}的基本支出为 {}、项目支出为 {}（{}）：其支出主要是{is_zh}，不是{said_zh}。",
                sec.zh,
                p.text,
                what.zh,
                amount(basic),
                amount(project),
                t.unit.label()
            ),
            format!(
                "{}: the item is said to be mainly for \"{}\", but {} has {} of basic and {} of project spending ({}): it is mostly not {said_en}.",
                sec.en,
                p.text,
                what.en,
                amount(basic),
                amount(project),
                t.unit.label()
            ),
        );
        f.lines = [p.lines.clone(), row.lines.clone()].concat();
        f.tables = vec![t.number];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_named_by_path_or_code() {
        assert_eq!(
            item_path("2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。"),
            Some(vec![
                "一般公共服务支出".to_owned(),
                "财政事务".to_owned(),
                "一般行政管理事务".to_owned()
            ])
        );
        assert_eq!(
            item_path(
                "1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元，"
            ),
            Some(vec![
                "一般公共服务支出".to_owned(),
                "政府办公厅（室）及相关机构事务".to_owned(),
                "行政运行".to_owned()
            ])
        );
        // Brackets mixed, full- and half-width (shangwu-unit-2025, pypdf line 130).
        assert_eq!(
            item_path("11. “卫生健康支出（类）行政事业单位医疗（款)行政单位医疗（项）”"),
            Some(vec![
                "卫生健康支出".to_owned(),
                "行政事业单位医疗".to_owned(),
                "行政单位医疗".to_owned()
            ])
        );
        // A class alone, or two items, name no single 项.
        assert_eq!(item_path("一般公共服务支出 1656.14 万元，"), None);
        assert_eq!(
            item_path("A（类）B（款）C（项）和A（类）B（款）D（项）"),
            None
        );
        assert_eq!(
            item_code("[2010602]一般行政管理事务 10.00 万元"),
            Some("2010602".to_owned())
        );
        assert_eq!(item_code("支出 1234567.89 元"), None);
    }
}
