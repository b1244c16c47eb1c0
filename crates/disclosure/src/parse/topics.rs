//! The topics of 第三部分 (the 说明) and the chapters each layout prints them as. Rules and the
//! reader name a topic by its chapter in the Xinjiang layout the rule book is written for (一
//! 总体, 二 收入, 三 支出, 四 财政拨款, 五 一般公共预算, 六 基本支出, 七 项目, 八 政府性基金, 九 国有资本
//! 经营, 十 三公, 十一 结转, 十二 其他); [`chapters`] gives the chapters a document prints a
//! topic as.

use crate::model::{DocKind, Document, Family, SectionRef, Statement};

/// The printed chapters of 第三部分 that hold a topic. The Shanghai 决算 follows the Xinjiang
/// order up to 六 and prints 三公 as 七 and 其他 as 十一; the Shanghai 预算 prints only
/// 其他相关情况说明 as chapters (一 三公, 二–五 机关运行经费, 政府采购, 绩效, 国有资产), its 编制说明
/// having no chapters. A topic a layout does not print has none.
pub(crate) fn chapters(doc: &Document, topic: u8) -> &'static [u8] {
    const SAME: [u8; 21] = [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
    ];
    let same = || {
        SAME.get(usize::from(topic))
            .map_or(&[][..], std::slice::from_ref)
    };
    match (doc.meta.family, doc.meta.kind) {
        (Family::Shanghai, DocKind::Final) => match topic {
            1..=6 | 8 | 9 => same(),
            10 => &[7],
            12 => &[11],
            _ => &[],
        },
        (Family::Shanghai, DocKind::Budget) => match topic {
            10 => &[1],
            12 => &[2, 3, 4, 5],
            _ => &[],
        },
        _ => same(),
    }
}

/// Whether a section lies in a topic's chapters (see [`chapters`]).
pub(crate) fn in_topic(doc: &Document, section: SectionRef, topic: u8) -> bool {
    section.part == 3 && chapters(doc, topic).contains(&section.chapter)
}

/// Whether a statement is one of a topic's main money statements: in its chapters, not in a
/// reason, an amount in 万元 or 元.
pub(crate) fn main_statement(doc: &Document, s: &Statement, topic: u8) -> bool {
    in_topic(doc, s.section, topic)
        && !s.in_reason
        && s.value.as_ref().is_some_and(|q| q.unit.money().is_some())
}
