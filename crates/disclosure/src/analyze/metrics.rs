//! Figures for comparing departments.

use rust_decimal::Decimal;

use super::Figure;
use crate::model::*;

/// 国有资产: the stated values of 房屋, 车辆, 办公家具 and 其他资产 (十二（三）) added up, when
/// all four are stated.
pub fn assets(doc: &Document) -> Option<Figure> {
    let in_assets = |s: &&Statement| {
        s.section.part == 3
            && doc.headings.iter().any(|h| {
                h.section.chapter == s.section.chapter
                    && h.section.sub == s.section.sub
                    && h.section.sub > 0
                    && h.title.contains("国有资产")
            })
    };
    let find = |needles: &[&str]| {
        doc.statements
            .iter()
            .filter(in_assets)
            .filter(|s| {
                s.subject.ends_with("价值") && needles.iter().all(|n| s.subject.contains(n))
            })
            .find_map(|s| s.value.as_ref().filter(|q| q.unit == QUnit::Wan))
    };
    let parts = [
        find(&["房屋"]),
        find(&["车辆"]),
        find(&["家具"]),
        find(&["其他资产"]),
    ];
    let mut sum = Decimal::ZERO;
    let mut lines = Vec::new();
    for p in parts {
        let q = p?;
        sum += q.value;
        lines.push(q.line);
    }
    Some(Figure::new(sum, Unit::Wan, lines, None))
}
