//! The topics of 第三部分 (the 说明) and the chapters each layout prints them as. Rules and the
//! reader name a topic by its chapter in the Xinjiang layout the rule book is written for (一
//! 总体, 二 收入, 三 支出, 四 财政拨款, 五 一般公共预算, 六 基本支出, 七 项目, 八 政府性基金, 九 国有资本
//! 经营, 十 三公, 十一 结转, 十二 其他); [`chapters`] gives the chapters a document prints a
//! topic as.

use crate::model::{DocKind, Document, Family, SectionRef, Statement};

/// The printed chapters of 第三部分 that hold a topic. The Shanghai 决算 follows the Xinjiang
/// order up to 六 and prints 三公 as 七 and 其他 as 十一; the Shanghai 预算 prints only
/// 其他相关情况说明 as chapters (一 三公, 二–五 机关运行经费, 政府采购, 绩效, 国有资产), its 编制说明
/// having no chapters. A topic a layout does not print has none. A document of no known layout
/// (a 说明 pasted alone, another province's template) has its chapters taken by what their
/// headings name ([`topic_named`]): "二、…“三公”经费支出情况说明" is 三公, not 收入.
pub(crate) fn chapters(doc: &Document, topic: u8) -> Vec<u8> {
    let same = || {
        if (1..=20).contains(&topic) {
            vec![topic]
        } else {
            Vec::new()
        }
    };
    match (doc.meta.family, doc.meta.kind) {
        (Family::Shanghai, DocKind::Final) => match topic {
            1..=6 | 8 | 9 => same(),
            10 => vec![7],
            12 => vec![11],
            _ => Vec::new(),
        },
        (Family::Shanghai, DocKind::Budget) => match topic {
            10 => vec![1],
            12 => vec![2, 3, 4, 5],
            _ => Vec::new(),
        },
        (Family::Unknown, _) => named_chapters(doc)
            .filter(|&(_, t)| t == Some(topic))
            .map(|(chapter, _)| chapter)
            .collect(),
        (Family::Xinjiang, _) => same(),
    }
}

/// Whether a section lies in a topic's chapters (see [`chapters`]).
pub(crate) fn in_topic(doc: &Document, section: SectionRef, topic: u8) -> bool {
    if section.part != 3 {
        return false;
    }
    match doc.meta.family {
        Family::Unknown => {
            named_chapters(doc).any(|(chapter, t)| chapter == section.chapter && t == Some(topic))
        }
        _ => chapters(doc, topic).contains(&section.chapter),
    }
}

/// The 说明's chapters with the topic each one is taken for. A heading that names one of the
/// narrower topics (基本支出 to 其他, 六–十二) decides it: "二、…“三公”经费支出情况说明" is 三公.
/// A general one (总体, 收入, 支出, 财政拨款, 一般公共预算) decides only a chapter numbered beyond
/// 五, as the first five chapters of every template hold these under varying words ("三、收支预算
/// 情况说明" with 收入 as its （一）); else, and without a heading that names any, the number does.
fn named_chapters(doc: &Document) -> impl Iterator<Item = (u8, Option<u8>)> + '_ {
    doc.headings
        .iter()
        .filter(|h| h.section.part == 3 && h.section.chapter > 0 && h.section.sub == 0)
        .map(|h| {
            let n = h.section.chapter;
            let topic = match topic_named(&h.title) {
                Some(t) if t >= 6 || n > 5 => t,
                _ => n,
            };
            (n, (1..=12).contains(&topic).then_some(topic))
        })
}

/// The topic a chapter's heading names, in the Xinjiang numbering the rules use, by its words:
/// the narrower first ("一般公共预算基本支出" is 基本支出, "财政拨款收支…总体" is 财政拨款).
/// `None` for a heading that names none (绩效, 名词, 部门基本情况).
pub fn topic_named(title: &str) -> Option<u8> {
    let has = |w: &str| title.contains(w);
    let other = [
        "机关运行",
        "政府采购",
        "国有资产",
        "其他重要事项",
        "其他相关",
    ]
    .iter()
    .any(|w| has(w));
    // "“三公”经费及机关运行经费情况" names two: its number decides.
    if has("三公") && other {
        return None;
    }
    let topic = if has("三公") {
        10
    } else if other {
        12
    } else if has("结转结余") || has("结转和结余") {
        11
    } else if has("政府性基金") {
        8
    } else if has("国有资本经营") {
        9
    } else if has("基本支出") {
        6
    } else if has("项目支出") {
        7
    } else if has("一般公共预算") {
        5
    } else if has("财政拨款") {
        4
    } else if has("总体") || has("收支") || has("收入支出") {
        1
    } else if has("收入") {
        2
    } else if has("支出") {
        3
    } else {
        return None;
    };
    Some(topic)
}

/// Whether a statement is one of a topic's main money statements: in its chapters, not in a
/// reason, an amount in 万元 or 元.
pub(crate) fn main_statement(doc: &Document, s: &Statement, topic: u8) -> bool {
    in_topic(doc, s.section, topic)
        && !s.in_reason
        && s.value.as_ref().is_some_and(|q| q.unit.money().is_some())
}
