//! The document's metadata: department, year, kind, scope, unit, family and date, from
//! whatever part of a disclosure the text holds (a cover, a section heading, a table's header,
//! a web page's 发布机构 line).

use super::segment::{self, compact};
use super::{numbers, tables};
use crate::model::*;
use crate::text::{self, Line};

/// The lines of a table's span that are its title and header (a number, the title, the
/// 编制部门 and 单位 line): a year there is the table's; one further down is a row's.
const HEADER_LINES: usize = 3;

/// Department, scope, year, kind, unit, family and date. The unit is the one most table headers
/// print; it is settled again once the tables are read (`settle_unit`). Each is read from
/// whatever the text holds: a whole document's cover and table headers, or a part's title, its
/// section headings, its tables' headers, a web page's 发布机构 line.
pub(super) fn read_meta(lines: &[Line], seg: &segment::Segments, doc: &mut Document) {
    let meta = &mut doc.meta;
    meta.scope = scope_of(lines, seg);
    meta.department = department_of(lines, seg, meta.scope).or_else(|| sentence_name(lines, seg));
    let (kind, stated) = kind_of(lines, seg);
    meta.year = titled_year(lines)
        .or_else(|| cover_year(lines))
        .or_else(|| {
            // A text with tables and no title with a year: the first year near its start, but
            // not one of a table's rows ("关于提前下达2023年…补助" in a 结转 table).
            let row = |i: usize| {
                seg.tables
                    .iter()
                    .any(|t| t.start + HEADER_LINES <= i && i < t.end)
            };
            (!seg.tables.is_empty())
                .then(|| {
                    lines
                        .iter()
                        .enumerate()
                        .take(40)
                        .filter(|&(i, _)| !row(i))
                        .find_map(|(_, l)| {
                            year_in(&l.text).map(|y| Located {
                                value: y,
                                line: l.no,
                            })
                        })
                })
                .flatten()
        })
        .or_else(|| year_beside_title(lines))
        .or_else(|| sentence_year(lines, seg, kind));
    meta.kind = kind;
    meta.coverage.kind_stated = stated;
    let headers: Vec<Unit> = seg
        .tables
        .iter()
        .filter_map(|span| tables::header_unit(lines, span))
        .collect();
    // A tie goes to the first table's (表1's) unit.
    let first = headers.first().copied().unwrap_or_default();
    meta.unit = majority(headers.into_iter(), first).unwrap_or_else(|| {
        // No table prints its unit where the header is read: any unit label of the text.
        majority(
            lines.iter().filter_map(|l| tables::unit_in(&l.text)),
            Unit::Wan,
        )
        .unwrap_or(Unit::Wan)
    });
    meta.family = family_of(&seg.tables);
    if seg.tables.is_empty()
        && lines
            .iter()
            .any(|l| segment::is_shanghai_heading(l.compact()))
    {
        // No table, but the Shanghai budget's own sections (部门预算编制说明, 其他相关情况说明…).
        meta.family = Family::Shanghai;
    }
    meta.date = lines.iter().rev().take(6).find_map(|l| {
        date_in(&l.text).map(|d| Located {
            value: d,
            line: l.no,
        })
    });
}

/// The unit most of `units` are, `tie` when as many are in each; `None` when there are none.
pub(super) fn majority(units: impl Iterator<Item = Unit>, tie: Unit) -> Option<Unit> {
    let (wan, yuan) = units.fold((0usize, 0usize), |(w, y), u| match u {
        Unit::Wan => (w + 1, y),
        Unit::Yuan => (w, y + 1),
    });
    match wan.cmp(&yuan) {
        _ if wan + yuan == 0 => None,
        std::cmp::Ordering::Greater => Some(Unit::Wan),
        std::cmp::Ordering::Less => Some(Unit::Yuan),
        std::cmp::Ordering::Equal => Some(tie),
    }
}

/// A department's document or one unit's: what most table titles say (部门… or 单位… / 预算单位…
/// in front of the title form), else the cover ("…单位预算", "…单位决算"); a department's when
/// nothing says.
fn scope_of(lines: &[Line], seg: &segment::Segments) -> Scope {
    let (department, unit) = seg.tables.iter().fold((0, 0), |(d, u), t| match t.scope {
        Some(Scope::Department) => (d + 1, u),
        Some(Scope::Unit) => (d, u + 1),
        None => (d, u),
    });
    if unit != department {
        return if unit > department {
            Scope::Unit
        } else {
            Scope::Department
        };
    }
    let head: String = lines.iter().take(10).map(|l| l.compact()).collect();
    if head.contains("单位预算") || head.contains("单位决算") {
        Scope::Unit
    } else {
        Scope::Department
    }
}

/// Labels before the name of the body whose document it is ("预算单位：X", a table header's
/// "编制部门：X" / "编制单位：X").
const BODY_LABELS: [&str; 5] = ["预算单位", "编制单位", "编制部门", "部门名称", "单位名称"];

/// The label before the name of the department a unit belongs to: in a department's own
/// budget it names the department itself.
const PARENT_LABELS: [&str; 1] = ["预算主管部门"];

/// A name as a label gives it: short, no sentence in it.
fn plausible_name(name: &str) -> bool {
    text::at_most_chars(name, 40)
        && !name.contains(['，', '。', '；', '、', ',', ';'])
        && !name.starts_with(|c: char| c.is_ascii_digit())
}

/// The body the document is of: the first name given after a label ("预算单位：", "编制部门：",
/// "预算主管部门：" …; in a unit's document the unit's own labels before its 主管部门's; a
/// 绩效目标表's fields print the label and the name side by side: "预算单位 X", "主管部门 X"),
/// else the cover ("X2024年度部门决算" on one line or two), else the first title or heading that
/// names a body ([`heading_name`]: "第三部分 X2024年度部门决算情况说明", "一、关于X2024年收支预算
/// 情况总体说明", "X主要职能"…), else the signature above the closing date, else a web page's
/// publisher ("发布机构：X").
fn department_of(lines: &[Line], seg: &segment::Segments, scope: Scope) -> Option<Located<String>> {
    let labelled = |labels: &[&str]| {
        lines.iter().enumerate().take(4000).find_map(|(i, l)| {
            let value = labels
                .iter()
                .find_map(|label| tables::named_after(&l.text, label))
                .filter(|n| plausible_name(n))?;
            let value = match lines.get(i + 1) {
                Some(next) => name_wrapped_on(value, &next.text),
                None => value,
            };
            Some(Located { value, line: l.no })
        })
    };
    // A 绩效目标表's field: the label, perhaps a remark in brackets ("部门名称（盖章）"), then
    // the name up to the next space.
    let fielded = |labels: &[&str]| {
        let performance = |i: usize| seg.performance.iter().any(|p| p.start <= i && i < p.end);
        lines.iter().enumerate().take(4000).find_map(|(i, l)| {
            if !performance(i) {
                return None;
            }
            let value = labels.iter().find_map(|label| {
                let rest = l.text.strip_prefix(label)?;
                let rest = match rest.strip_prefix(['（', '(']) {
                    Some(remark) => remark.split_once(['）', ')'])?.1,
                    None => rest,
                };
                let rest = rest.strip_prefix(' ')?.trim_start();
                body_name(rest.split(' ').next()?)
            })?;
            Some(Located { value, line: l.no })
        })
    };
    let all: Vec<&str> = BODY_LABELS.iter().chain(&PARENT_LABELS).copied().collect();
    let found = match scope {
        Scope::Unit => labelled(&BODY_LABELS).or_else(|| labelled(&PARENT_LABELS)),
        Scope::Department => labelled(&all),
    };
    let fields: Vec<&str> = match scope {
        Scope::Unit => FIELD_LABELS.to_vec(),
        Scope::Department => FIELD_LABELS.iter().chain(&["主管部门"]).copied().collect(),
    };
    found
        .or_else(|| cover_name(lines))
        .or_else(|| {
            lines.iter().take(4000).find_map(|l| {
                let value = heading_name(l.compact())?;
                Some(Located { value, line: l.no })
            })
        })
        .or_else(|| fielded(&fields))
        .or_else(|| signature(lines))
        .or_else(|| {
            // The publisher's name ends where the page's next field starts ("发布日期：…").
            lines.iter().take(4000).find_map(|l| {
                let named = PUBLISHER_LABELS
                    .iter()
                    .find_map(|label| tables::named_after(&l.text, label))?;
                let value = body_name(named.split(' ').next()?)?;
                Some(Located { value, line: l.no })
            })
        })
}

/// A label's name whose end a narrow line put on the next line ("预算主管部门：上海市普陀区人民
/// 政府万里街" / "道办事处"): the name with that end, when the name alone does not end as a
/// body's name does and with the next line's first words (a few characters, no figure or
/// punctuation, before any unit label) it does; else the name as it stands.
fn name_wrapped_on(name: String, next: &str) -> String {
    if BODY_ENDS.iter().any(|e| name.ends_with(e)) {
        return name;
    }
    let next = next.trim();
    let head = next.find("单位").map_or(next, |i| next[..i].trim_end());
    let short = (1..=8).contains(&head.chars().count());
    let words = head.chars().all(|c| {
        !c.is_ascii_digit() && !c.is_whitespace() && !"，。；、：:,.（）()“”《》".contains(c)
    });
    if !(short && words) {
        return name;
    }
    let whole = format!("{name}{head}");
    if BODY_ENDS.iter().any(|e| whole.ends_with(e)) {
        whole
    } else {
        name
    }
}

/// The last words of a body's name: what a department or unit is called ("…财政局",
/// "…商务委员会", "…人民政府办公室", "…街道办事处", "…服务中心").
const BODY_ENDS: [&str; 17] = [
    "局",
    "政府",
    "委员会",
    "委",
    "办公室",
    "办事处",
    "中心",
    "院",
    "所",
    "站",
    "队",
    "馆",
    "厅",
    "处",
    "部",
    "会",
    "校",
];

/// The words a sentence about the budget goes on with after the body's name ("2025年，X收入
/// 预算…", "X2023年度收、支总计…", "X政府采购预算…").
const SUBJECT_WORDS: [&str; 14] = [
    "收入",
    "支出",
    "总收入",
    "总支出",
    "收、支",
    "收支",
    "预算",
    "决算",
    "政府采购",
    "面向",
    "财政拨款",
    "一般公共",
    "机关运行",
    "“三公”",
];

/// A sentence that opens with the year and names the body: "2025年，上海市普陀区财政局收入
/// 预算3,121.42万元，其中…" / "2024年度，本部门…" — `(year, name)`, the name when the sentence
/// gives one (not 本部门), ending as a body's name does and followed by what the budget is
/// about; one that opens with the name: "上海市普陀区财政局2023年度收、支总计…"; or one that
/// opens with the year and what the budget is about: "2024年收入预算…" (no name).
fn sentence_opening(c: &str) -> Option<(u16, Option<String>)> {
    let (before, after) = split_at_year(c)?;
    let year: u16 = year_in(c)?;
    let ends = |n: &str| BODY_ENDS.iter().any(|e| n.ends_with(e));
    let subject = |t: &str| SUBJECT_WORDS.iter().any(|w| t.starts_with(w));
    if before.is_empty() {
        let Some(rest) = after.strip_prefix(['，', ',']) else {
            // "2023年X（部门）下属…", "2025年X财政拨款的机关运行经费预算为…": the name right after
            // the year, without the comma.
            // "2024年收入预算…", "2023年度支出合计…": the year and what the budget is about,
            // no name.
            // "2018年度本部门“三公”经费支出…": the body as 本部门, then what the budget is about.
            if let Some(rest) = ["本部门", "本单位"]
                .iter()
                .find_map(|w| after.strip_prefix(w))
            {
                return subject(rest).then_some((year, None));
            }
            return subordinates(after)
                .or_else(|| subject_name(after))
                .map(|name| (year, Some(name)))
                .or_else(|| subject(after).then_some((year, None)));
        };
        if rest.starts_with("本部门") || rest.starts_with("本单位") {
            return Some((year, None));
        }
        return subject_name(rest).map(|name| (year, Some(name)));
    }
    // "本单位2021年度总收入…", "(一)本部门2016年度收入总计…": the body as 本部门, before the year.
    if matches!(
        crate::parse::schema::strip_ordinal(before),
        "本部门" | "本单位"
    ) {
        return subject(after).then_some((year, None));
    }
    let name = body_name(before).filter(|n| ends(n))?;
    subject(after).then_some((year, Some(name)))
}

/// The body's name a sentence opens with, up to the first word of what the budget is about
/// ([`SUBJECT_WORDS`]: "上海市普陀区财政局收入预算…"), when it ends as a body's name does.
fn subject_name(rest: &str) -> Option<String> {
    let (i, _) = SUBJECT_WORDS
        .iter()
        .filter_map(|w| rest.find(w).map(|i| (i, w)))
        .min_by_key(|&(i, _)| i)?;
    body_name(&rest[..i]).filter(|n| BODY_ENDS.iter().any(|e| n.ends_with(e)))
}

/// The body whose subordinate units a sentence counts, right after its year: "2023年X（部门）下属1
/// 家机关和1家参公事业单位财政拨款的机关运行经费预算为…" (a Shanghai 其他相关情况说明's 机关运行经费, in a
/// department's document and a unit's alike): X, the name right before 下属 (and its "（部门）" or
/// "（单位）"), when it is a body's name.
fn subordinates(after: &str) -> Option<String> {
    let (name, _) = after.split_once("下属")?;
    let name = ["（部门）", "（单位）", "(部门)", "(单位)"]
        .iter()
        .find_map(|w| name.strip_suffix(w))
        .unwrap_or(name);
    body_name(name).filter(|n| BODY_ENDS.iter().any(|e| n.ends_with(e)))
}

/// The sentences of the text outside its tables that open with the year or the body's name
/// (see [`sentence_opening`]), the body's name and what it does ([`profiled_name`]), or
/// "本部门（X）".
fn openings<'a>(
    lines: &'a [Line],
    seg: &'a segment::Segments,
) -> impl Iterator<Item = (&'a Line, Option<u16>, Option<String>)> + 'a {
    lines
        .iter()
        .enumerate()
        .take(4000)
        .filter(move |&(i, _)| !seg.in_table(i))
        .filter_map(|(_, l)| {
            let c = l.compact();
            if let Some((y, name)) = sentences(c).find_map(sentence_opening) {
                return Some((l, Some(y), name));
            }
            if let Some(name) = profiled_name(c) {
                return Some((l, None, Some(name)));
            }
            let rest = ["本部门（", "本单位（", "本部门(", "本单位("]
                .iter()
                .find_map(|p| c.find(p).map(|i| &c[i + p.len()..]))?;
            let name = rest.split(['）', ')']).next()?;
            let name = body_name(name).filter(|n| BODY_ENDS.iter().any(|e| n.ends_with(e)))?;
            Some((l, None, Some(name)))
        })
}

/// Where a line's sentences may open: its start, after each "。" ("1.总体情况。2023年度收入总计…"),
/// and after a short lead-in and its comma ("经汇总,2018年度“三公”经费支出…").
fn sentences(c: &str) -> impl Iterator<Item = &str> {
    let after_stops = c.match_indices('。').map(move |(i, w)| &c[i + w.len()..]);
    let lead_in = c
        .char_indices()
        .take(7)
        .find(|&(_, ch)| ch == '，' || ch == ',')
        .filter(|&(i, _)| !c[..i].contains(|ch: char| ch.is_ascii_digit()))
        .map(|(i, ch)| &c[i + ch.len_utf8()..]);
    std::iter::once(c)
        .chain(lead_in)
        .chain(after_stops)
        .filter(|s| !s.is_empty())
}

/// What a 部门概况 says of the body right after its name: "X基本职能：…", "X属行政单位，…",
/// "X内设10个办公室…".
const PROFILE_WORDS: [&str; 8] = [
    "基本职能",
    "主要职能",
    "职能职责",
    "属行政",
    "属事业",
    "属参照",
    "内设",
    "下设",
];

/// The body a sentence of the 部门概况 opens with ([`PROFILE_WORDS`]): "大竹县永胜镇人民政府属行政
/// 单位，下属事业单位4个。" — when the words before end as a body's name does.
fn profiled_name(c: &str) -> Option<String> {
    let i = PROFILE_WORDS.iter().filter_map(|w| c.find(w)).min()?;
    // Not a sentence about another body's decision: "按照县委县政府下设机构调整要求…".
    let clause = [
        "按", "根据", "依", "经", "由", "为", "对", "在", "从", "将", "关于", "结合",
    ];
    let name = &c[..i];
    if clause.iter().any(|w| name.starts_with(w)) {
        return None;
    }
    body_name(name).filter(|n| BODY_ENDS.iter().any(|e| n.ends_with(e)))
}

/// The body a sentence names when no label, title or heading does: the first of
/// [`openings`] that gives a name.
fn sentence_name(lines: &[Line], seg: &segment::Segments) -> Option<Located<String>> {
    openings(lines, seg).find_map(|(l, _, name)| {
        Some(Located {
            value: name?,
            line: l.no,
        })
    })
}

/// The year sentences give when no title does: the one every sentence that opens with a year
/// and names the body (or 本部门) gives; none when they differ. Not a sentence about the other
/// kind's figures, another year's: a budget's "2023年收入决算…", a 决算's "2024年收入预算安排…".
fn sentence_year(lines: &[Line], seg: &segment::Segments, kind: DocKind) -> Option<Located<u16>> {
    let own = |l: &Line| {
        let c = l.compact();
        let after = split_at_year(c).map_or(c, |(_, a)| a);
        let head = &after[..after
            .find(|ch: char| ch.is_ascii_digit())
            .unwrap_or(after.len())];
        match kind {
            DocKind::Budget => !head.contains("决算"),
            DocKind::Final => head.contains("决算") || !head.contains("预算"),
        }
    };
    let years: Vec<(u16, LineNo)> = openings(lines, seg)
        .filter(|(l, _, _)| own(l))
        .filter_map(|(l, y, _)| Some((y?, l.no)))
        .collect();
    let &(first, line) = years.first()?;
    years
        .iter()
        .all(|&(y, _)| y == first)
        .then_some(Located { value: first, line })
}

/// The labels of a 绩效目标表's fields that name the body whose table it is ("主管部门", the
/// department above the unit that carries out a project, names a department's own document).
const FIELD_LABELS: [&str; 3] = ["预算单位", "部门名称", "单位名称"];

/// The signature above the closing date ("库尔勒市朝阳街道办事处", then "2024 年 02 月 23 日").
fn signature(lines: &[Line]) -> Option<Located<String>> {
    let n = lines.len();
    let date = (n.saturating_sub(6)..n)
        .rev()
        .find(|&i| date_in(&lines[i].text).is_some())?;
    let above = &lines[date.checked_sub(1)?];
    let value = body_name(above.compact())?;
    Some(Located {
        value,
        line: above.no,
    })
}

/// The label of a web page's publisher ("发布机构：X"): the department itself on its own site,
/// but on a finance bureau's portal the bureau, so it is the last source of a name.
const PUBLISHER_LABELS: [&str; 1] = ["发布机构"];

/// A title or a heading: short, without the punctuation of a sentence (a colon may end it).
fn title_like(c: &str) -> bool {
    let body = c.trim_end_matches(['：', ':']);
    !body.is_empty()
        && text::at_most_chars(body, 48)
        && !body.contains(['，', '。', '；', '：', ':', ',', ';', '？', '！'])
}

/// A heading's text without its number ("第三部分", "一、", "（一）", "1."), and without the
/// "关于" of "一、关于X2024年收入预算情况说明".
fn heading_text(c: &str) -> &str {
    let mut body = c.trim_end_matches(['：', ':']);
    if let Some(rest) = body.strip_prefix('第') {
        if let Some(i) = rest.find("部分") {
            if i <= 9 {
                body = &rest[i + "部分".len()..];
            }
        }
    }
    if let Some((i, _)) = body
        .char_indices()
        .take(5)
        .find(|&(_, ch)| matches!(ch, '、' | '）' | ')' | '.' | '．'))
    {
        let number = &body[..i];
        let number = number.trim_start_matches(['（', '(']);
        if !number.is_empty()
            && number
                .chars()
                .all(|ch| ch.is_ascii_digit() || "一二三四五六七八九十".contains(ch))
        {
            body = &body[i + body[i..].chars().next().map_or(0, char::len_utf8)..];
        }
    }
    body.strip_prefix("关于").unwrap_or(body)
}

/// `(before, after)` around the first "20xx年" (or "20xx年度") of a compact line.
fn split_at_year(c: &str) -> Option<(&str, &str)> {
    numbers::embedded(c).into_iter().find_map(|e| {
        let y = u16::try_from(e.value.mantissa())
            .ok()
            .filter(|_| e.value.scale() == 0)?;
        let after = c[e.end..].strip_prefix('年')?;
        (2000..=2099)
            .contains(&y)
            .then(|| (&c[..e.start], after.strip_prefix('度').unwrap_or(after)))
    })
}

/// Words that make a title name a document or one of its sections.
const DOCUMENT_WORDS: [&str; 4] = ["预算", "决算", "概况", "说明"];

/// The kind of a document as its titles say it, before which the body's name stands in the
/// "<year>年<name>部门预算" order.
const KIND_WORDS: [&str; 6] = [
    "部门预算",
    "部门决算",
    "单位预算",
    "单位决算",
    "部门概况",
    "单位概况",
];

/// The body a title or heading names, in the word orders documents use:
/// - "<name><year>年(度)<…>": "上海市普陀区财政局2025年部门预算", "第三部分 上海市普陀区财政局
///   2024年度部门决算情况说明", "一、关于库尔勒市朝阳街道办事处2024年收支预算情况总体说明" — but
///   not a region's collection title, "上海市普陀区2023年区级部门预算", whose tail starts with a
///   level (区级);
/// - "<year>年(度)<name>部门预算" (or 部门决算, 部门概况…): "第一部分 2024年库尔勒市朝阳街道办事处
///   部门概况", "2024年度上海市普陀区财政局部门决算";
/// - "<name>概况", "<name>主要职能", "<name>机构设置": "第一部分 上海市普陀区财政局概况".
///
/// The tail after the year names a document or a section (预算, 决算, 概况, 说明) and holds no
/// figure (a sentence's "…预算数为9.60万" is no title).
pub(super) fn heading_name(c: &str) -> Option<String> {
    if !title_like(c) {
        return None;
    }
    let body = heading_text(c);
    if let Some((before, after)) = split_at_year(body) {
        if after.contains(|ch: char| ch.is_ascii_digit()) {
            return None;
        }
        if !before.is_empty() {
            let level = after.chars().nth(1) == Some('级');
            let names = DOCUMENT_WORDS.iter().any(|w| after.contains(w));
            return (names && !level).then(|| body_name(before)).flatten();
        }
        let (name, _) = KIND_WORDS
            .iter()
            .filter_map(|k| after.find(k).map(|i| (&after[..i], i)))
            .min_by_key(|&(_, i)| i)
            .or_else(|| after.strip_suffix("概况").map(|n| (n, 0)))?;
        return body_name(name);
    }
    ["主要职能", "机构设置", "概况"]
        .iter()
        .find_map(|s| body.strip_suffix(s))
        .and_then(body_name)
}

/// A body's name as a title gives it: "库尔勒市朝阳街道办事处" of "…办事处部门概况" (部门 and 单位
/// before the title's word dropped); not a level ("区级"), a pronoun ("本部门"), a figure or a
/// sentence.
fn body_name(s: &str) -> Option<String> {
    let s = s.trim_end_matches('的');
    // A sentence's lead-in: "现将X2024年部门预算公开如下", "纳入X2023年部门预算编制范围的…".
    let s = ["现将", "现就", "现对", "兹将", "特将", "纳入"]
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .unwrap_or(s);
    let s = s
        .strip_suffix("部门")
        .or_else(|| s.strip_suffix("单位"))
        .unwrap_or(s);
    let short = text::at_most_chars(s, 2);
    // A pronoun, or a section's own words ("一、部门基本概况" names no body).
    let generic = s.starts_with(['本', '我', '该', '各'])
        || s.starts_with("部门")
        || s.starts_with("单位")
        || s.ends_with("基本");
    let figure = s.contains(|ch: char| ch.is_ascii_digit());
    let document = ["预算", "决算", "年", "表", "：", ":"]
        .iter()
        .any(|w| s.contains(w));
    // A level ("区级") is no body; the body's own budget without its units ("X本级") is.
    let level = s.ends_with('级') && !s.ends_with("本级");
    (!short && !generic && !figure && !document && !level && plausible_name(s))
        .then(|| s.to_owned())
}

/// The year of the first title that names a document, a section or a table with its year
/// ("上海市普陀区2025年区级部门预算", "第三部分 2024 年部门预算情况说明", "2023年部门收入预算总表");
/// a year in a sentence ("拟从2020年起") is not the document's.
fn titled_year(lines: &[Line]) -> Option<Located<u16>> {
    lines.iter().find_map(|l| {
        let c = l.compact();
        if !title_like(c) {
            return None;
        }
        let (_, after) = split_at_year(heading_text(c))?;
        let names = DOCUMENT_WORDS.iter().any(|w| after.contains(w)) || after.ends_with('表');
        if !names || after.contains(|ch: char| ch.is_ascii_digit()) {
            return None;
        }
        Some(Located {
            value: year_in(c)?,
            line: l.no,
        })
    })
}

/// Budget or final accounts, and whether the text says which. A text with tables: 决算 when a
/// table's title says so, or the cover does (the first ten lines, unless they are a 预算公开's).
/// Without tables, the first title or heading that names the kind — one with a year before any
/// other ("第三部分 X2024年度部门决算情况说明", "二、部门决算单位构成", "2025年部门预算编制说明").
/// 决算 names a final; a budget is named by the forms of [`BUDGET_WORDS`], not by a fund or a
/// practice that both kinds print ("一般公共预算", "预算绩效管理"), nor by a word in a sentence
/// ("竣工决算审计"). When no title says, the body's words decide by a clear majority (see
/// below); a budget when nothing says.
fn kind_of(lines: &[Line], seg: &segment::Segments) -> (DocKind, bool) {
    let titles: String = seg.tables.iter().map(|t| t.title.as_str()).collect();
    let head: String = lines.iter().take(10).map(|l| l.compact()).collect();
    let headings = || lines.iter().map(|l| l.compact()).filter(|c| title_like(c));
    let kind = |c: &str| {
        if c.contains("决算") {
            Some(DocKind::Final)
        } else if BUDGET_WORDS.iter().any(|w| c.contains(w)) {
            Some(DocKind::Budget)
        } else {
            None
        }
    };
    let titled = headings()
        .filter(|c| split_at_year(c).is_some())
        .find_map(kind)
        .or_else(|| headings().find_map(kind));
    if !seg.tables.is_empty() {
        let fin = titles.contains("决算") || (head.contains("决算") && !head.contains("预算公开"));
        let stated = titles.contains("预算")
            || titles.contains("决算")
            || kind(&head).is_some()
            || titled.is_some();
        let kind = if fin { DocKind::Final } else { DocKind::Budget };
        return (kind, stated);
    }
    titled.map(|k| (k, true)).unwrap_or_else(|| {
        // Nothing titled: the body's own words ("支出决算为…", "比上年决算数…"), when they say 决算
        // of the figures thrice or more and over three times as often as a budget's forms. Not
        // any 决算: a finance bureau's budget names 竣工财务决算 and 预决算公开 among its work.
        let body: String = lines.iter().map(|l| l.compact()).collect();
        // Not a comparison with another year's ("比2023年支出决算增加…" in a budget).
        let compared = |at: usize| {
            body[..at]
                .chars()
                .rev()
                .take(8)
                .any(|ch| matches!(ch, '比' | '较' | '与' | '同'))
        };
        let fin: usize = FINAL_FORMS
            .iter()
            .map(|w| {
                body.match_indices(w)
                    .filter(|&(at, _)| !compared(at))
                    .count()
            })
            .sum();
        let budget: usize = BUDGET_WORDS.iter().map(|w| body.matches(w).count()).sum();
        if fin >= 3 && fin > 3 * budget {
            (DocKind::Final, true)
        } else if fin >= 1 && budget == 0 {
            // A short text that speaks of its figures as 决算 once or twice and never as a
            // budget's ("2018年度“三公”经费支出决算2.05万元。"): a 决算, not stated.
            (DocKind::Final, false)
        } else {
            (DocKind::Budget, false)
        }
    })
}

/// The forms in which a 决算's sentences speak of its figures ("支出决算为…", "收入决算…"). Not
/// "决算数": a budget compares with last year's ("比2023年决算数增加…") as often as a 决算 does.
const FINAL_FORMS: [&str; 6] = [
    "支出决算",
    "收入决算",
    "经费决算",
    "收支决算",
    "决算为",
    "决算总额",
];

/// The forms in which a title names a budget: 部门预算 and 单位预算, a 预算 table, 说明 or
/// figure ("收支预算", "预算情况说明", "预算编制说明", "预算数").
const BUDGET_WORDS: [&str; 10] = [
    "部门预算",
    "单位预算",
    "预算表",
    "收支预算",
    "收入预算",
    "支出预算",
    "预算情况",
    "预算编制",
    "预算数",
    "预算公开",
];

/// The name on the cover: "X2025年部门预算" on one line, or X above "2024年度部门决算" (or
/// above "年度部门决算" when the year has a line of its own), or "X2024年" above "部门预算…";
/// a name a narrow cover wrapped is whole again ("库尔勒市朝阳街道" / "办事处2024年部门预算");
/// the region's collection title ("上海市普陀区2025年区级单位预算") names no body.
fn cover_name(lines: &[Line]) -> Option<Located<String>> {
    const KINDS: [&str; 4] = ["部门预算", "部门决算", "单位预算", "单位决算"];
    let after_year = |c: &str| {
        let head = KINDS.iter().find_map(|k| c.strip_suffix(k))?;
        let head = head.strip_suffix('度').unwrap_or(head);
        let before = head.strip_suffix('年')?;
        let digits = before
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count();
        (digits == 4).then(|| before[..before.len() - 4].to_owned())
    };
    // The kind's line may leave its year to a line of its own ("年度部门决算", then "2024").
    let kind_only = |c: &str| {
        KINDS
            .iter()
            .find_map(|k| c.strip_suffix(k))
            .is_some_and(|head| matches!(head, "" | "年" | "年度"))
    };
    let named = |name: &str| {
        (!name.is_empty() && year_in(name).is_none() && plausible_name(name))
            .then(|| name.to_owned())
    };
    // The first of the ten lines that names the body, on its own line or above the kind's: a
    // contents line further down ("第二部分 X2024年度部门决算" / "表", its last word wrapped) is no
    // cover, and its part number is no part of the name.
    // A line that can only be the start of a name a narrow cover wrapped ("库尔勒市朝阳街道" /
    // "办事处2024年部门预算"): a few words, no figure, punctuation or space, not a body's whole
    // name, not a document's or section's title.
    let fragment = |c: &str| {
        (2..=30).contains(&c.chars().count())
            && named(c).is_some()
            && !c
                .contains(|ch: char| ch.is_whitespace() || "，。；、：:,.（）()“”《》".contains(ch))
            && !BODY_ENDS.iter().any(|e| c.ends_with(e))
            && !DOCUMENT_WORDS.iter().any(|w| c.contains(w))
            && c != "目录"
    };
    (0..lines.len().min(10)).find_map(|i| {
        let l = &lines[i];
        let c = l.compact();
        if let Some(value) = after_year(heading_text(c)).and_then(|n| named(&n)) {
            // Only the name's end: its start is the line above.
            let short = text::at_most_chars(&value, 4);
            let above = i.checked_sub(1).map(|k| lines[k].compact());
            let value = match above.filter(|a| short && fragment(a)) {
                Some(a) => named(&format!("{a}{value}")).unwrap_or(value),
                None => value,
            };
            return Some(Located { value, line: l.no });
        }
        let next = lines.get(i + 1)?.compact();
        // The year ends this line and the kind opens the next ("X2024年" / "部门预算公开").
        if let Some(value) = KINDS
            .iter()
            .find(|k| next.starts_with(**k))
            .and_then(|k| after_year(&format!("{}{k}", heading_text(c))))
            .and_then(|n| named(&n))
        {
            return Some(Located { value, line: l.no });
        }
        let cover = after_year(next).is_some_and(|n| n.is_empty()) || kind_only(next);
        // A body's whole name above a title that opens with the year ("重庆市某区财政局" /
        // "2023年度决算公开说明").
        let titled = || {
            title_like(next)
                && split_at_year(next).is_some_and(|(before, after)| {
                    before.is_empty()
                        && (after.contains("预算") || after.contains("决算"))
                        && !after.contains(|ch: char| ch.is_ascii_digit())
                })
                && BODY_ENDS.iter().any(|e| c.ends_with(e))
        };
        let value = (cover || titled())
            .then(|| named(l.text.trim()))
            .flatten()?;
        Some(Located { value, line: l.no })
    })
}

/// The family whose title forms most of the tables use; a numbered title ("表 2") is a
/// Xinjiang one. Unknown without tables; a tie goes to Xinjiang, the reference template.
fn family_of(tables: &[segment::TableSpan]) -> Family {
    let (xinjiang, shanghai) =
        tables
            .iter()
            .fold((0, 0), |(x, s), t| match (t.number.is_some(), t.family) {
                (true, _) | (false, Family::Xinjiang) => (x + 1, s),
                (false, Family::Shanghai) => (x, s + 1),
                (false, Family::Unknown) => (x, s),
            });
    if xinjiang == 0 && shanghai == 0 {
        Family::Unknown
    } else if shanghai > xinjiang {
        Family::Shanghai
    } else {
        Family::Xinjiang
    }
}

/// The year a cover prints on a line of its own, beside the line that names the kind
/// ("年度部门决算" then "2024").
fn cover_year(lines: &[Line]) -> Option<Located<u16>> {
    let head = &lines[..lines.len().min(10)];
    head.iter().enumerate().find_map(|(i, l)| {
        let y: u16 = l
            .compact()
            .parse()
            .ok()
            .filter(|y| (2000..=2099).contains(y))?;
        let beside = |j: Option<usize>| {
            j.and_then(|j| head.get(j)).is_some_and(|n| {
                let c = n.compact();
                c.ends_with("预算") || c.ends_with("决算")
            })
        };
        (beside(i.checked_sub(1)) || beside(Some(i + 1))).then_some(Located {
            value: y,
            line: l.no,
        })
    })
}

/// A year printed on a line of its own under a table's title ("项目支出绩效目标表", then
/// "（2024 年）"), anywhere in the text.
fn year_beside_title(lines: &[Line]) -> Option<Located<u16>> {
    lines.windows(2).find_map(|w| {
        let c = w[1].compact();
        let c = c
            .strip_prefix(['（', '('])
            .and_then(|c| c.strip_suffix(['）', ')']))
            .unwrap_or(c);
        let c = c.strip_suffix('度').unwrap_or(c);
        let c = c.strip_suffix('年').unwrap_or(c);
        let y: u16 = c.parse().ok().filter(|y| (2000..=2099).contains(y))?;
        let title = w[0].compact();
        (title_like(title) && title.ends_with('表')).then_some(Located {
            value: y,
            line: w[1].no,
        })
    })
}

/// The first "20xx 年" of a line.
fn year_in(t: &str) -> Option<u16> {
    let c = compact(t);
    numbers::embedded(&c).into_iter().find_map(|e| {
        let y = u16::try_from(e.value.mantissa())
            .ok()
            .filter(|_| e.value.scale() == 0)?;
        ((2000..=2099).contains(&y) && c[e.end..].starts_with('年')).then_some(y)
    })
}

/// "2024 年 02 月 23 日" → "2024-02-23".
fn date_in(t: &str) -> Option<String> {
    let c = compact(t);
    let nums = numbers::embedded(&c);
    let [y, m, d] = nums.as_slice() else {
        return None;
    };
    let ok = c[y.end..].starts_with('年')
        && c[m.end..].starts_with('月')
        && c[d.end..].starts_with('日');
    let (y, m, d) = (y.value.mantissa(), m.value.mantissa(), d.value.mantissa());
    (ok && (2000..=2099).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_years() {
        assert_eq!(
            date_in("2024 年 02 月 23 日").as_deref(),
            Some("2024-02-23")
        );
        assert_eq!(date_in("2024 年 1月 1 日-2024 年 12 月 31 日"), None);
        assert_eq!(
            year_in("第一部分 2024 年库尔勒市朝阳街道办事处部门概况"),
            Some(2024)
        );
        assert_eq!(year_in("上海市普陀区2023年区级部门预算"), Some(2023));
        assert_eq!(year_in("编制数 51"), None);
    }

    #[test]
    fn the_body_is_named_by_label_or_cover() {
        let dept = |t: &str, scope: Scope| {
            let lines = text::lines(t);
            department_of(&lines, &segment::segment(&lines), scope).map(|d| (d.value, d.line))
        };
        // A unit's own label before its 主管部门's, wherever they stand.
        let unit = "上海市普陀区2025年区级单位预算\n预算主管部门：某区某委\n预算单位：某区某中心\n";
        assert_eq!(dept(unit, Scope::Unit), Some(("某区某中心".into(), 3)));
        assert_eq!(dept(unit, Scope::Department), Some(("某区某委".into(), 2)));
        // The region's collection title names no body; a body's own title does.
        assert_eq!(
            dept("上海市普陀区2025年区级单位预算\n目录\n", Scope::Unit),
            None
        );
        assert_eq!(
            dept(
                "上海市普陀区财政局2025年部门预算\n目录\n",
                Scope::Department
            ),
            Some(("上海市普陀区财政局".into(), 1))
        );
        assert_eq!(
            dept("上海市普陀区财政局\n2024年度部门决算\n", Scope::Department),
            Some(("上海市普陀区财政局".into(), 1))
        );
        // The year on a line of its own (pdfplumber's copy of the 财政局 2024 决算 cover).
        let cover = "上海市普陀区财政局\n年度部门决算\n2024\n目 录\n";
        assert_eq!(
            dept(cover, Scope::Department),
            Some(("上海市普陀区财政局".into(), 1))
        );
        assert_eq!(cover_year(&text::lines(cover)).map(|y| y.value), Some(2024));
        assert_eq!(cover_year(&text::lines("目 录\n2024\n第一部分\n")), None);
        // Covers of unseen texts (a probe of real 说明 pasted without their tables): a name a
        // narrow cover wrapped, the year ending the name's line, the body's own budget (本级), a
        // sentence's lead-in. Each was named by its fragment ("办事处", "事处"), not at all, or
        // with the lead-in ("现将…").
        let name = "库尔勒市朝阳街道办事处";
        for (cover, expected) in [
            ("库尔勒市朝阳街道\n办事处2024年部门预算\n", name),
            ("库尔勒市朝阳街道办\n事处2024年部门预算\n", name),
            ("库尔勒市朝阳街道办事处2024年\n部门预算公开\n", name),
            (
                "2024年库尔勒市朝阳街道办事处本级部门预算\n",
                "库尔勒市朝阳街道办事处本级",
            ),
            ("现将库尔勒市朝阳街道办事处2024年部门预算公开如下\n", name),
            // A second probe: the lead-in 纳入, and a name above a title that opens with the
            // year (named 纳入某镇人民政府, and not at all).
            (
                "纳入某镇人民政府2023年部门预算编制范围的预算单位包括:\n",
                "某镇人民政府",
            ),
            ("某区财政局\n2023年度决算公开说明\n", "某区财政局"),
            // A whole name on its line, and a title above a cover's name, stay as they were.
            (
                "上海市普陀区财政局\n2024年度部门决算\n",
                "上海市普陀区财政局",
            ),
            ("部门预算公开\n某县财政局2024年部门预算\n", "某县财政局"),
        ] {
            let found = dept(cover, Scope::Department).map(|(n, _)| n);
            assert_eq!(found.as_deref(), Some(expected), "{cover}");
        }
        // A level is still no body.
        assert_eq!(dept("2024年区级部门预算\n", Scope::Department), None);
        // A label in a sentence is no name.
        assert_eq!(
            dept(
                "基本支出预算：是区级预算主管部门及所属预算单位为保障其机构正常运转\n",
                Scope::Unit
            ),
            None
        );
    }

    #[test]
    fn scope_from_titles_or_cover() {
        let scope = |t: &str| {
            let lines = text::lines(t);
            scope_of(&lines, &segment::segment(&lines))
        };
        assert_eq!(
            scope("2025年预算单位收入预算总表\n编制单位：某中心 单位：元\n"),
            Scope::Unit
        );
        assert_eq!(
            scope("2023年部门收入预算总表\n编制部门：某局 单位：元\n"),
            Scope::Department
        );
        assert_eq!(scope("某区2025年区级单位预算\n"), Scope::Unit);
        assert_eq!(scope("收入支出决算总表\n单位：万元\n"), Scope::Department);
    }

    /// Titles and headings in each word order, as the documents print them (the sample's
    /// line 1 and 1113, the Shanghai 决算's 30, 82 and 17, the Shanghai budgets' section
    /// headings), and the orders the issue lists that no document here prints on one line.
    #[test]
    fn a_heading_names_its_body_in_any_word_order() {
        let name = |t: &str| heading_name(&compact(t));
        for (line, body) in [
            // <year>年<name>部门概况
            (
                "第一部分 2024 年库尔勒市朝阳街道办事处部门概况",
                "库尔勒市朝阳街道办事处",
            ),
            // 关于<name><year>年…说明
            (
                "一、 关于库尔勒市朝阳街道办事处 2024 年收支预算情况总体说明",
                "库尔勒市朝阳街道办事处",
            ),
            // <name>概况, <name><year>年度部门决算表, <name><year>年度部门决算情况说明
            ("第一部分 上海市普陀区财政局概况", "上海市普陀区财政局"),
            (
                "第二部分 上海市普陀区财政局2024年度部门决算表",
                "上海市普陀区财政局",
            ),
            (
                "第三部分上海市普陀区财政局2024年度部门决算情况说明",
                "上海市普陀区财政局",
            ),
            // <name>主要职能, <name>机构设置
            ("上海市普陀区财政局主要职能", "上海市普陀区财政局"),
            (
                "上海市普陀区人民政府办公室机构设置",
                "上海市普陀区人民政府办公室",
            ),
            // <year>年度<name>部门决算, <name><year>年部门预算情况说明, <name><year>年部门预算
            ("2024年度上海市普陀区财政局部门决算", "上海市普陀区财政局"),
            (
                "库尔勒市朝阳街道办事处2024年部门预算情况说明",
                "库尔勒市朝阳街道办事处",
            ),
            ("上海市普陀区财政局2025年部门预算", "上海市普陀区财政局"),
        ] {
            assert_eq!(name(line).as_deref(), Some(body), "{line}");
        }
        for line in [
            // A region's collection of budgets names no body.
            "上海市普陀区2023年区级部门预算",
            // Titles without a body.
            "第二部分 2024 年部门预算公开表",
            "2023年部门财务收支预算总表",
            "1. 2023年部门财务收支预算总表",
            "部门主要职能",
            "一、部门基本概况",
            "单位基本概况",
            "一、2023年“三公”经费预算情况说明",
            // Sentences.
            "库尔勒市朝阳街道办事处2024年财政拨款“三公”经费预算数为9.60万",
            "上海市普陀区财政局2024年度预算绩效管理工作开展情况如下：本部门制定了普陀",
            "2023年，上海市普陀区人民政府万里街道办事处收入预算16497.86万元，其中：",
        ] {
            assert_eq!(name(line), None, "{line}");
        }
    }

    /// The department of a part without a label or a title: a 绩效目标表's field, the
    /// signature above the date (the sample's last lines), a web page's 发布机构.
    #[test]
    fn the_body_from_a_field_a_signature_or_the_publisher() {
        let dept = |t: &str| {
            let lines = text::lines(t);
            department_of(&lines, &segment::segment(&lines), Scope::Department).map(|d| d.value)
        };
        let perf = " 项目支出绩效目标表\n\n（2024 年）\n\n预算单位 库尔勒市朝阳街道办事处\n\n项目名称 部门专项-居民身份网格党支部书记岗位补贴 项目负责人 李阳\n";
        assert_eq!(dept(perf).as_deref(), Some("库尔勒市朝阳街道办事处"));
        let shanghai = "财政项目支出绩效目标填报表\n（2023年度）\n项目名称 新建万里街道社区公共服务中心 项目性质 阶段性项目\n主管部门 上海市普陀区人民政府万里街道办事处 实施单位 上海市普陀区人民政府万里街道办事处\n";
        assert_eq!(
            dept(shanghai).as_deref(),
            Some("上海市普陀区人民政府万里街道办事处")
        );
        let signed = "八、机关运行经费:指行政单位的公用经费。\n 库尔勒市朝阳街道办事处\n\n2024 年 02 月 23 日\n";
        assert_eq!(dept(signed).as_deref(), Some("库尔勒市朝阳街道办事处"));
        let page = "首页 > 信息公开 > 预决算公开\n发布机构：库尔勒市朝阳街道办事处 发布日期：2024-02-23\n一、主要职能\n";
        assert_eq!(dept(page).as_deref(), Some("库尔勒市朝阳街道办事处"));
        // A field outside a 绩效目标表 is a table's column header, not a name.
        assert_eq!(dept("单位名称 合计 基本支出 项目支出\n"), None);
    }

    /// A text without title or heading: the body and year from the sentences that open with
    /// them (the Shanghai budgets' "2025年，X收入预算…", the sample's "2024 年，X政府采购预算…",
    /// a 决算's "X2023年度收、支总计…", "本部门（X）"), never from a sentence about something
    /// else; the year only when all such sentences agree.
    #[test]
    fn the_body_and_year_from_sentences() {
        let meta = |t: &str| {
            let mut doc = Document::default();
            let lines = text::lines(t);
            read_meta(&lines, &segment::segment(&lines), &mut doc);
            (
                doc.meta.department.map(|d| d.value),
                doc.meta.year.map(|y| y.value),
            )
        };
        assert_eq!(
            meta(
                "    2025年，上海市普陀区财政局收入预算3,121.42万元，其中：财政拨款收入3,121.42万元
"
            ),
            (Some("上海市普陀区财政局".into()), Some(2025))
        );
        assert_eq!(
            meta(
                "2024 年，库尔勒市朝阳街道办事处政府采购预算 32.09 万元，其中：政府
2024 年，本部门预算绩效管理整体预算绩效目标 1 个
"
            ),
            (Some("库尔勒市朝阳街道办事处".into()), Some(2024))
        );
        assert_eq!(
            meta(
                "某区某局2023年度收、支总计1,234.56万元。
"
            ),
            (Some("某区某局".into()), Some(2023))
        );
        // A lead-in and its ASCII comma are no part of the name (a news item: "比如,财政部…").
        assert_eq!(
            meta("比如,财政部2019年度政府采购支出总额33509.75万元。\n"),
            (Some("财政部".into()), Some(2019))
        );
        assert_eq!(
            meta(
                "本部门（某区某局）无政府性基金预算。
"
            ),
            (Some("某区某局".into()), None)
        );
        // The 部门概况's sentences that open with the body's name and what it does (a town's
        // and a street office's 说明 without their titles), not a sentence that merely names it
        // or a name that does not end as a body's does.
        assert_eq!(
            meta(
                "按照综合预算的原则，某县某镇人民政府所有收入和支出均纳入部门预算管理。
某县某镇人民政府属行政单位，下属事业单位4个。
"
            ),
            (Some("某县某镇人民政府".into()), None)
        );
        assert_eq!(
            meta(
                "某某街道办事处内设 10 个办公室：党政办公室、财政办公室。
"
            ),
            (Some("某某街道办事处".into()), None)
        );
        // A sentence about a higher body's decision is not the body's profile (an independent
        // review put such a line first and got "按照县委县政府").
        assert_eq!(
            meta(
                "按照县委县政府下设机构调整要求，本镇设置6个办公室。
根据县委县政府内设机构改革方案，调整职能。
某县某镇人民政府属行政单位，下属事业单位4个。
"
            ),
            (Some("某县某镇人民政府".into()), None)
        );
        // Not the year of the other kind's figures: a budget's sentence on last year's 决算, a
        // 决算's on next year's budget (the kind read from its title).
        assert_eq!(
            meta(
                "本年收入预算1137.66万元。
2023年收入决算1020.00万元。
"
            ),
            (None, None)
        );
        assert_eq!(
            meta(
                "某局2023年度部门决算
2024年收入预算安排1200.00万元。
"
            )
            .1,
            Some(2023)
        );
        assert_eq!(
            meta(
                "主要职能：贯彻执行国家政策。
全年内设机构调整完毕。
"
            ),
            (None, None)
        );
        // Years that disagree give none; a sentence about other things gives no body.
        assert_eq!(
            meta(
                "2024 年，本部门收入预算 5 万元。
2023 年，本部门完成了目标。
"
            ),
            (None, None)
        );
        assert_eq!(
            meta(
                "2020年，拟从基本建设项目中安排资金。
"
            ),
            (None, None)
        );
        assert_eq!(
            meta(
                "2024年，全区经济平稳增长。
"
            ),
            (None, None)
        );
        // The body whose units a sentence counts (a unit's 其他相关情况说明, wanli-2023 pypdf line
        // 478, zhengfu-bangongshi-unit-2025 line 287); not a pronoun, nor a sentence whose
        // subject is no body.
        assert_eq!(
            meta(
                "2023年上海市普陀区人民政府万里街道办事处（部门）下属1家机关和1家参公事业单位财政拨款的机关运行经费预算为786.09万元。
"
            ),
            (Some("上海市普陀区人民政府万里街道办事处".into()), Some(2023))
        );
        assert_eq!(
            meta(
                "2025年上海市普陀区人民政府办公室下属1家机关和1家事业单位财政拨款的机关运行经费预算为213.28万元。
"
            ),
            (Some("上海市普陀区人民政府办公室".into()), Some(2025))
        );
        // The name right after the year, without a comma (shangwu-unit-2025, pypdf line 349);
        // not a level, a fund or a figure there.
        assert_eq!(
            meta(
                "2025年上海市普陀区商务委员会财政拨款的机关运行经费预算为171.01万元。
"
            ),
            (Some("上海市普陀区商务委员会".into()), Some(2025))
        );
        assert_eq!(
            meta(
                "2025年区级单位预算收入10万元。
2025年一般公共预算财政拨款支出1万元。
2023年当年预算执行数为15.00万元。
"
            ),
            (None, Some(2025))
        );
        // A sentence that opens with the year and what the budget is about gives the year (a
        // town's 预算 说明 without its title: "2024年收入预算…", "2024年支出预算…"; a 决算's
        // "2023年度收入合计…"), not one about other things ("2024年政府工作…"), and none when
        // two such sentences disagree.
        assert_eq!(
            meta(
                "2024年政府工作的总体要求是稳中求进。
2024年收入预算1137.66万元，其中：财政拨款收入953.90万元。
2024年支出预算1137.66万元。
"
            ),
            (None, Some(2024))
        );
        assert_eq!(
            meta(
                "一、收入支出决算总体情况说明
2023年度收入合计656.71万元，较上年决算数减少71.05万元。
"
            ),
            (None, Some(2023))
        );
        assert_eq!(
            meta(
                "2024年收入预算1137.66万元。
2023年支出预算1020.00万元。
"
            ),
            (None, None)
        );
        assert_eq!(
            meta(
                "2025年本单位下属1家机关的机关运行经费预算为2万元。
2025年全区下属单位平稳运行。
"
            ),
            (None, None)
        );
    }

    /// The year of a part: its title's, or the line under a table's title, never a row's or
    /// a sentence's; the kind from the titles that name it.
    #[test]
    fn the_year_and_kind_of_a_part() {
        let meta = |t: &str| {
            let mut doc = Document::default();
            let lines = text::lines(t);
            read_meta(&lines, &segment::segment(&lines), &mut doc);
            let m = doc.meta;
            (m.year.map(|y| y.value), m.kind, m.coverage.kind_stated)
        };
        assert_eq!(
            meta(" 第三部分 2024 年部门预算情况说明\n\n一、 关于库尔勒市朝阳街道办事处 2024 年收支预算情况总体说明\n"),
            (Some(2024), DocKind::Budget, true)
        );
        assert_eq!(
            meta("第三部分上海市普陀区财政局2024年度部门决算情况\n说明\n一、收入支出决算总体情况说明\n"),
            (Some(2024), DocKind::Final, true)
        );
        // The Shanghai budget's project notes: a year and 决算 in sentences only.
        assert_eq!(
            meta("项目经费情况说明\n一、项目概述\n    项目前期评审：根据《政府投资条例》的要求，拟从2020年起，由我局申请400.00万元以上基本建设项目\n竣工决算审计：根据《基本建设财务规则》的要求\n"),
            (None, DocKind::Budget, false)
        );
        // A 决算's 预算绩效管理 section: 预算 there names a practice, not the kind.
        assert_eq!(
            meta("十、预算绩效管理情况\n本部门制定了普陀区财政局预算绩效管理办法。\n"),
            (None, DocKind::Budget, false)
        );
        assert_eq!(
            meta("二、部门决算单位构成\n从预算单位构成看，某局部门决算包括：本级决算。\n"),
            (None, DocKind::Final, true)
        );
        // Sentences of unseen 三公 texts (a probe of real ones): the year after a lead-in, a
        // sentence stop or before 本部门, and a short text speaking of its figures as 决算 only
        // (the kind not stated). Each was read without a year, and as a budget.
        assert_eq!(
            meta("经汇总,2018年度“三公”经费支出决算2.05万元。\n"),
            (Some(2018), DocKind::Final, false)
        );
        assert_eq!(
            meta("2018年度本部门“三公”经费支出2.05万元。\n"),
            (Some(2018), DocKind::Budget, false)
        );
        assert_eq!(
            meta("1.总体情况。2023年度收入总计6567.06万元,支出总计6567.06万元。\n"),
            (Some(2023), DocKind::Budget, false)
        );
        // The body as 本部门 (本单位) before the year, after the section's number (a second
        // probe of unseen real texts; figures ours).
        assert_eq!(
            meta("(一)本单位2021年度总收入500.00万元,其中本年收入300.00万元。\n").0,
            Some(2021)
        );
        assert_eq!(
            meta("本部门2016年度收入总计600.00万元,支出总计590.00万元。\n").0,
            Some(2016)
        );
        // A budget that names last year's 决算 stays a budget.
        assert_eq!(
            meta("2024年“三公”经费支出预算10.00万元，比2023年支出决算增加1.00万元。\n").1,
            DocKind::Budget
        );
        // A 绩效目标表's year under its title.
        assert_eq!(meta(" 项目支出绩效目标表\n\n（2024 年）\n").0, Some(2024));
        // A 结转 table's rows name other years; the table names none.
        let carry = "表 11\n上年结转结余情况明细表\n编制部门：某街道办事处 单位：万元\n项目 合计\n巴财企（2022）31 号关于提前下达 2023 年国有企业退休\n人员社会化管理补助资金的通知\n2.06 2.06 2.06\n";
        assert_eq!(meta(carry).0, None);
    }
}
