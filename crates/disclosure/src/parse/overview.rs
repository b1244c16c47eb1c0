//! 第一部分: 主要职能, 机构设置 and the staff figures.

use rust_decimal::Decimal;

use super::joined::Joined;
use super::numbers::embedded;
use super::segment::chapter_number;
use crate::model::*;
use crate::text::Line;

/// Reads 第一部分 from its lines (heading excluded).
pub fn read(lines: &[Line]) -> Overview {
    let mut ov = Overview::default();
    // Chapters: 一、主要职能 (or 主要职责, 部门职责, as other provinces head it) and
    // 二、机构设置及人员情况.
    let duties = |t: &str| t.contains("职能") || t.contains("职责");
    let mut chapters: Vec<(u8, usize)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if let Some(n) = chapter_number(l.compact()) {
            if duties(&l.text) || l.text.contains("机构") || l.text.contains("人员") {
                chapters.push((n, i));
            }
        }
    }
    let range = |k: usize| {
        let start = chapters[k].1 + 1;
        let end = chapters.get(k + 1).map_or(lines.len(), |c| c.1);
        &lines[start..end.max(start)]
    };
    for k in 0..chapters.len() {
        let heading = &lines[chapters[k].1].text;
        if duties(heading) {
            ov.functions = functions(range(k));
        } else {
            staff_and_offices(&Joined::new(range(k)), &mut ov);
        }
    }
    ov
}

/// How 第一部分 says a department has no units under it.
const NO_SUBORDINATES: [&str; 14] = [
    "无下属",
    "没有下属",
    "无所属",
    "没有所属",
    "无二级",
    "没有二级",
    "无下级",
    "没有下级",
    "仅含本级",
    "只含本级",
    "仅有本级",
    "只有本级",
    "仅为本级",
    "仅本级",
];

/// Numbered items "1、…", each joined across its wrapped lines.
fn functions(lines: &[Line]) -> Vec<Located<String>> {
    let mut out: Vec<Located<String>> = Vec::new();
    for l in lines {
        let t = l.text.as_str();
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let numbered =
            digits > 0 && (t[digits..].starts_with('、') || t[digits..].starts_with('.'));
        if numbered {
            let body = t[digits..].trim_start_matches(['、', '.']).to_owned();
            out.push(Located {
                value: body,
                line: l.no,
            });
        } else if let Some(last) = out.last_mut() {
            last.value.push_str(t);
        }
    }
    out
}

/// The number right after `label` (within a few characters), with the byte offset past it.
fn number_after(text: &str, label: &str, from: usize) -> Option<(Decimal, usize, usize)> {
    let at = from + text.get(from..)?.find(label)? + label.len();
    let e = embedded(&text[at..]).into_iter().next()?;
    let gap = &text[at..at + e.start];
    (gap.chars().count() <= 3 && !gap.contains('，')).then_some((e.value, at + e.start, at + e.end))
}

/// "，减少 8人" right after a head count.
fn change_after(j: &Joined, from: usize) -> Option<Change> {
    let rest = j.text.get(from..)?;
    let rest_trim = rest.trim_start_matches(['人', ' ', '，', ',']);
    let skipped = rest.len() - rest_trim.len();
    let (direction, word) = [("增加", Direction::Up), ("减少", Direction::Down)]
        .into_iter()
        .find_map(|(w, d)| rest_trim.starts_with(w).then_some((d, w)))?;
    let after = from + skipped + word.len();
    let e = embedded(&j.text[after..]).into_iter().next()?;
    if e.start > 2 {
        return None;
    }
    let unit_at = after + e.end;
    let unit = j.text[unit_at..]
        .trim_start()
        .chars()
        .next()
        .filter(|c| *c == '人' || *c == '名')?;
    Some(Change {
        direction,
        names_budget: false,
        compared_year: None,
        amount: Some(Quantity {
            value: e.value,
            unit: QUnit::Count(unit.to_string()),
            line: j.line_at(after + e.start),
        }),
    })
}

fn headcount(j: &Joined, label: &str) -> Option<Headcount> {
    let (count, start, end) = number_after(&j.text, label, 0)?;
    Some(Headcount {
        count,
        change: change_after(j, end),
        line: j.line_at(start),
    })
}

fn staff_and_offices(j: &Joined, ov: &mut Overview) {
    if let Some((n, start, _)) = number_after(&j.text, "下设", 0) {
        ov.offices_stated = Some(Located {
            value: n,
            line: j.line_at(start),
        });
    }
    if let Some(at) = j.text.find("分别是：").map(|i| i + "分别是：".len()) {
        let end = j.text[at..].find('。').map_or(j.text.len(), |e| at + e);
        let mut pos = at;
        for name in j.text[at..end].split('、') {
            let trimmed = name.trim();
            if !trimmed.is_empty() {
                ov.offices.push(Located {
                    value: trimmed.to_owned(),
                    line: j.line_at(pos),
                });
            }
            pos += name.len() + '、'.len_utf8();
        }
    }
    ov.no_subordinates = NO_SUBORDINATES
        .iter()
        .find_map(|w| j.text.find(w))
        .or_else(|| {
            // "下属预算单位0个", "所属单位 0 家".
            j.text.match_indices("属").find_map(|(at, _)| {
                let after: String = j.text[at..]
                    .chars()
                    .take(10)
                    .filter(|c| *c != ' ')
                    .collect();
                (after.contains("单位0个") || after.contains("单位0家")).then_some(at)
            })
        })
        .map(|at| j.line_at(at));
    ov.establishment = headcount(j, "编制数");
    ov.actual = headcount(j, "实有人数");
    ov.in_service = headcount(j, "在职");
    ov.retired = headcount(j, "退休");
    ov.lixiu = headcount(j, "离休");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_figures_with_changes() {
        let lines = crate::text::lines(
            "二、 机构设置及人员情况\n某单位无下属预算单位，下设 6 个科室，分别是：党建\n办公室、综合协调办公室、综治中心（网格化服务中心）。\n\n某单位编制数 51，实有人数 189 人，其中：在职 187 人，\n\n减少 8人；退休 2 人，增加 1人；离休 0人，增加 0 人。",
        );
        let ov = read(&lines);
        assert_eq!(
            ov.offices_stated.as_ref().map(|o| o.value),
            Some(Decimal::from(6))
        );
        let names: Vec<_> = ov.offices.iter().map(|o| o.value.as_str()).collect();
        assert_eq!(
            names,
            ["党建办公室", "综合协调办公室", "综治中心（网格化服务中心）"]
        );
        assert_eq!(
            ov.establishment.as_ref().map(|h| h.count),
            Some(Decimal::from(51))
        );
        assert_eq!(
            ov.actual.as_ref().map(|h| h.count),
            Some(Decimal::from(189))
        );
        let inservice = ov.in_service.unwrap();
        assert_eq!(inservice.count, Decimal::from(187));
        assert_eq!(inservice.line, 5);
        let ch = inservice.change.unwrap();
        assert_eq!(ch.direction, Direction::Down);
        assert_eq!(
            ch.amount.as_ref().map(|a| (a.value, a.line)),
            Some((Decimal::from(8), 7))
        );
        assert_eq!(ov.retired.unwrap().change.unwrap().direction, Direction::Up);
        assert_eq!(ov.lixiu.unwrap().count, Decimal::ZERO);
    }
}
