//! Rule N36: An item's stated use and reason name its own 项, as the document's other items do

use super::*;

rules! {
    /// ## What it checks
    /// The explanations that go item by item, each naming its 类/款/项 path ("“A（类）B（款）C（项）”…
    /// 主要用于 C。…主要原因是：C经费增加。"). Where a document words its items so — at least five items
    /// with a path and a use (or a reason), and at least four in five of the others naming their own
    /// 项 in it — an item whose reason does not name its own 项 but names the 项 of another item of
    /// the list (not its own 类 or 款, and not a name that contains its own or is contained in it)
    /// is a warning: the reason of another line was carried over. A use is held to more: it must
    /// name another item's 款 and 项 together ("城乡社区管理事务一般行政管理事务"), since a use may describe
    /// an item by a broader neighbour ("专项普查活动…主要用于统计管理" is loose, not wrong). Uses and reasons
    /// are judged apart, each against its own list; the other item named is the one whose 款 the text
    /// also names, else the nearest. The rule's own logic, `own_words`, is below; it uses the shared
    /// `item_path` (narrative.rs).
    ///
    /// ## Why it must hold
    /// Each item explains one line of the budget: what that money is for and why it changed. A use
    /// or reason that belongs to another line tells the reader something false about this one, and
    /// hides the real reason. The premise is the document's own habit: where the others name their
    /// 项 in their wording, one that names another item's 项 instead is a slip, not a choice of words.
    /// Documents that word their items freely (no such habit) are not judged.
    ///
    /// ## Example
    /// Shanghai 万里街道 2023 budget: item 16, 机关事业单位职业年金缴费支出（项）, gives as its reason
    /// "事业单位离退休经费增加" — the reason of item 14, 事业单位离退休（项）— while the other items' reasons name
    /// their own 项 ("机关事业单位基本养老保险缴费支出经费增加"); item 27, 城管执法（项）, is said to be "主要用于城乡社区管
    /// 理事务一般行政管理事务", the 项 of item 26.
    N36 = "N36", "说明的用途与原因说的是本项", "An item's stated use and reason name its own 项", own_words;
}

/// At least this many items with a path and a phrase make a list worth judging.
const MIN_ITEMS: usize = 5;

/// One item's phrase, with its path (类, 款, 项 names, compacted).
struct Worded<'d> {
    phrase: &'d Purpose,
    path: Vec<String>,
    text: String,
}

impl Worded<'_> {
    fn names_own(&self) -> bool {
        self.text.contains(norm_name(&self.path[2]).as_str())
    }
}

/// N36: uses and reasons, each list on its own.
fn own_words(c: &mut Checker) {
    let doc = c.doc;
    for (phrases, zh, en, whole_path) in [
        (&doc.purposes, "主要用于", "is said to be mainly for", true),
        (&doc.reasons, "主要原因是", "gives as its reason", false),
    ] {
        let items: Vec<Worded> = phrases
            .iter()
            .filter_map(|p| {
                let path = item_path(&p.item)?;
                Some(Worded {
                    phrase: p,
                    text: norm_name(&p.text),
                    path,
                })
            })
            .collect();
        if items.len() < MIN_ITEMS {
            continue;
        }
        let own = items.iter().filter(|w| w.names_own()).count();
        for w in items.iter().filter(|w| !w.names_own()) {
            // The habit, among the other items: at least four in five name their own 项.
            if own * 5 < (items.len() - 1) * 4 {
                break;
            }
            let mine = norm_name(&w.path[2]);
            let (class, kuan) = (norm_name(&w.path[0]), norm_name(&w.path[1]));
            let other = items
                .iter()
                .filter_map(|o| {
                    let name = norm_name(&o.path[2]);
                    let foreign = name != mine
                        && name != class
                        && name != kuan
                        && !name.contains(mine.as_str())
                        && !mine.contains(name.as_str());
                    let with_kuan = format!("{}{name}", norm_name(&o.path[1]));
                    let kuan_named = w.text.contains(with_kuan.as_str());
                    let named = if whole_path {
                        kuan_named
                    } else {
                        w.text.contains(name.as_str())
                    };
                    (foreign && named).then_some((o, name, kuan_named))
                })
                .max_by_key(|(o, _, kuan_named)| {
                    let distance = o.phrase.section.item.abs_diff(w.phrase.section.item);
                    (*kuan_named, std::cmp::Reverse(distance))
                });
            let Some((o, name, _)) = other else { continue };
            let sec = item_label(w.phrase.section);
            let theirs = item_label(o.phrase.section);
            let f = c.report(
                Severity::Warning,
                format!(
                    "{}「{}（项）」：{zh}“{}”，说的是{}「{}（项）」，没有提到本项；本说明其他各项的这句话都写明本项名称，此处多半是从别的项照抄而来。",
                    sec.zh, w.path[2], w.phrase.text, theirs.zh, name
                ),
                format!(
                    "{} '{}' (项) {en} \"{}\", which names {} '{}' (项), not this item; the document's other items name their own 项 there, so this wording was most likely carried over from another item.",
                    sec.en, w.path[2], w.phrase.text, theirs.en, name
                ),
            );
            f.lines = w.phrase.lines.clone();
        }
    }
}

/// "第三部分 第16项" for a numbered item outside the chapters (section_label names an item only
/// inside a chapter), else the section's label.
fn item_label(s: SectionRef) -> Label {
    let sec = section_label(s);
    if s.chapter == 0 && s.item > 0 {
        Label::new(
            format!("{} 第{}项", sec.zh, s.item),
            format!("{}, item {}", sec.en, s.item),
        )
    } else {
        sec
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(n: u16, path: &str, text: &str) -> Purpose {
        Purpose {
            section: SectionRef {
                part: 3,
                item: n,
                ..Default::default()
            },
            item: format!("{n}. “{path}”1.00万元，"),
            text: text.to_owned(),
            lines: vec![LineNo::from(n)],
        }
    }

    fn run(purposes: Vec<Purpose>) -> Vec<Finding> {
        let doc = Document {
            purposes,
            ..Default::default()
        };
        let mut c = Checker::new(&doc);
        own_words(&mut c);
        c.findings
    }

    /// The Wanli budget's items 24–28 (uses), item 27's as printed.
    fn wanli_uses(item27: &str) -> Vec<Purpose> {
        vec![
            item(
                24,
                "卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）",
                "行政单位医疗",
            ),
            item(
                25,
                "城乡社区支出（类）城乡社区管理事务（款）行政运行（项）",
                "城乡社区管理事务行政运行",
            ),
            item(
                26,
                "城乡社区支出（类）城乡社区管理事务（款）一般行政管理事务（项）",
                "城乡社区管理事务一般行政管理事务",
            ),
            item(
                27,
                "城乡社区支出（类）城乡社区管理事务（款）城管执法（项）",
                item27,
            ),
            item(
                28,
                "城乡社区支出（类）城乡社区管理事务（款）其他城乡社区管理事务支出（项）",
                "其他城乡社区管理事务支出",
            ),
            item(
                29,
                "住房保障支出（类）住房改革支出（款）住房公积金（项）",
                "住房公积金",
            ),
        ]
    }

    #[test]
    fn a_use_naming_another_items_xiang_is_reported() {
        let found = run(wanli_uses("城乡社区管理事务一般行政管理事务"));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].lines, [27]);
        assert!(
            found[0].message_zh.contains("城管执法（项）"),
            "{}",
            found[0].message_zh
        );
        assert!(
            found[0].message_zh.contains("第26项"),
            "{}",
            found[0].message_zh
        );
    }

    #[test]
    fn a_use_naming_its_own_xiang_or_none_holds() {
        assert!(run(wanli_uses("城乡社区管理事务城管执法")).is_empty());
        // Naming no 项 at all is free wording, not another item's.
        assert!(run(wanli_uses("城市管理综合执法工作")).is_empty());
        // Its own 款 is no other item's 项.
        assert!(run(wanli_uses("城乡社区管理事务")).is_empty());
        // Another item's 项 alone may be a broader neighbour ("专项普查活动…主要用于统计管理").
        assert!(run(wanli_uses("一般行政管理事务")).is_empty());
    }

    #[test]
    fn a_reason_naming_another_items_xiang_is_reported() {
        // The Wanli budget's items 14–18 (reasons), item 16's as printed.
        let reasons = vec![
            item(14, "社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）", "事业单位离退休经费增加"),
            item(15, "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）", "机关事业单位基本养老保险缴费支出经费增加"),
            item(16, "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）", "事业单位离退休经费增加"),
            item(17, "社会保障和就业支出（类）行政事业单位养老支出（款）其他行政事业单位养老支出（项）", "2023年新增其他行政事业单位养老支出经费"),
            item(18, "社会保障和就业支出（类）就业补助（款）公益性岗位补贴（项）", "公益性岗位补贴经费减少"),
        ];
        let doc = Document {
            reasons,
            ..Default::default()
        };
        let mut c = Checker::new(&doc);
        own_words(&mut c);
        assert_eq!(c.findings.len(), 1, "{:#?}", c.findings);
        assert_eq!(c.findings[0].lines, [16]);
        assert!(c.findings[0]
            .message_zh
            .contains("第14项「事业单位离退休（项）」"));
    }

    #[test]
    fn free_wording_is_not_judged() {
        // Most items do not name their own 项: no habit to break.
        let mut uses = wanli_uses("城乡社区管理事务一般行政管理事务");
        for u in uses.iter_mut().filter(|u| u.section.item != 27).take(2) {
            u.text = "保障机构正常运转".to_owned();
        }
        assert!(run(uses).is_empty());
        // Too few items to see a habit.
        let few: Vec<Purpose> = wanli_uses("城乡社区管理事务一般行政管理事务")
            .into_iter()
            .skip(2)
            .collect();
        assert!(run(few).is_empty());
    }
}
