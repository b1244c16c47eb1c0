//! 第三部分: the narrative. Every number in it becomes data: a [`Statement`] (amount, share,
//! change, growth), a [`ProjectNote`] with its allocation arithmetic, a [`Trend`] for
//! directions stated without numbers, and the empty-table sentences.
//!
//! Sentences wrap anywhere, so each section is joined into one paragraph ([`Joined`]) and
//! every match is mapped back to the lines it came from.

use rust_decimal::Decimal;

use super::joined::Joined;
use std::collections::{HashMap, HashSet};

use super::numbers::{decimal, embedded};
use super::segment::{chapter_number, compact, sub_number, Segments};
use crate::model::*;
use crate::text::Line;

/// A number with the unit printed after it.
#[derive(Debug, Clone)]
struct Mention {
    value: Decimal,
    unit: QUnit,
    /// The unit as printed, with any rate suffix ("万元/月/人").
    unit_text: String,
    /// Byte range of the number.
    start: usize,
    /// Byte offset past the unit.
    end: usize,
}

impl Mention {
    fn money(&self) -> bool {
        matches!(self.unit, QUnit::Wan | QUnit::Yuan)
    }

    fn quantity(&self, j: &Joined) -> Quantity {
        Quantity {
            value: self.value,
            unit: self.unit.clone(),
            line: j.line_at(self.start),
        }
    }
}

/// Measure words counted as [`QUnit::Count`], longest first.
const COUNT_WORDS: &[&str] = &[
    "万余人",
    "万人",
    "个月",
    "人次",
    "人",
    "名",
    "个",
    "辆",
    "台",
    "次",
    "场",
    "件",
    "套",
    "项",
    "所",
    "家",
    "户",
    "批",
    "处",
    "间",
];

/// Reads the unit right after a number ending at `end`.
fn unit_at(text: &str, end: usize) -> Option<(QUnit, String, usize)> {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches(' ');
    let skip = rest.len() - trimmed.len();
    let at = end + skip;
    let (unit, len) = if trimmed.starts_with("万元") {
        (QUnit::Wan, "万元".len())
    } else if trimmed.starts_with('元') {
        (QUnit::Yuan, '元'.len_utf8())
    } else if trimmed.starts_with('%') {
        (QUnit::Percent, 1)
    } else if trimmed.starts_with("平方米") {
        (QUnit::SquareMetre, "平方米".len())
    } else {
        let w = COUNT_WORDS.iter().find(|w| trimmed.starts_with(**w))?;
        (QUnit::Count((*w).to_owned()), w.len())
    };
    let mut stop = at + len;
    // A rate: "万元/月/人", "元/人/月", "万元/个".
    while text[stop..].starts_with('/') {
        let seg: usize = text[stop + 1..]
            .chars()
            .take_while(|c| "月人个年次名场".contains(*c))
            .map(char::len_utf8)
            .sum();
        if seg == 0 {
            break;
        }
        stop += 1 + seg;
    }
    Some((unit, text[at..stop].to_owned(), stop))
}

/// Every number-with-unit of a paragraph, skipping years, dates, document numbers and
/// thresholds ("50 万元以上").
fn mentions(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for e in embedded(text) {
        let before = text[..e.start].chars().next_back();
        if matches!(before, Some('〔' | '[' | '【' | '(' | '（' | '第')) {
            continue;
        }
        let Some((unit, unit_text, end)) = unit_at(text, e.end) else {
            continue;
        };
        let after = &text[end..];
        if ["以上", "以下", "以内"]
            .iter()
            .any(|w| after.starts_with(w))
        {
            continue;
        }
        out.push(Mention {
            value: e.value,
            unit,
            unit_text,
            start: e.start,
            end,
        });
    }
    out
}

const UP: &[&str] = &["增加", "增长", "上升", "提高", "上调", "增支"];
const DOWN: &[&str] = &["减少", "下降", "降低", "压减", "压缩", "减支"];

/// The direction word a text ends with ("…比上年预算增加" → Up), and the text before it.
fn ends_with_direction(pre: &str) -> Option<(Direction, &str)> {
    let t = pre.trim_end().trim_end_matches('了').trim_end();
    for (words, dir) in [(UP, Direction::Up), (DOWN, Direction::Down)] {
        for w in words {
            if let Some(rest) = t.strip_suffix(w) {
                return Some((dir, rest));
            }
        }
    }
    None
}

/// Removes a leading comparison ("比上年预算", "较上年", "比2022年预算执行数", "同比").
fn strip_comparative(s: &str) -> &str {
    let s = s.trim();
    // "与上年相比" / "和年初预算相比较": the base between 与 (和) and 相比.
    let paired = s.strip_prefix('与').or_else(|| s.strip_prefix('和'));
    let Some(rest) = s
        .strip_prefix('比')
        .or_else(|| s.strip_prefix('较'))
        .or_else(|| s.strip_prefix("同比"))
        .or(paired)
    else {
        return s;
    };
    let mut rest = rest.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 4 {
        rest = rest[digits..].trim_start();
        rest = rest.strip_prefix('年').unwrap_or(rest);
        rest = rest.strip_prefix('度').unwrap_or(rest);
    }
    for p in ["上年度", "上年", "去年"] {
        if let Some(r) = rest.strip_prefix(p) {
            rest = r;
            break;
        }
    }
    for p in [
        "当年预算执行数",
        "预算执行数",
        "执行数",
        "年初预算数",
        "年初预算",
        "预算数",
        "决算数",
        "预算",
        "决算",
        "同期",
    ] {
        if let Some(r) = rest.strip_prefix(p) {
            rest = r;
            break;
        }
    }
    if paired.is_some() {
        // Without its 相比 a "与…" is no comparison ("与上年持平" is read elsewhere).
        match rest
            .trim_start()
            .strip_prefix("相比较")
            .or_else(|| rest.trim_start().strip_prefix("相比"))
        {
            Some(r) => rest = r,
            None => return s,
        }
    }
    rest.trim()
}

/// Whether a comparison names a budget and not last year: "与年初预算相比", "比2021年度预算",
/// "较预算数" — not "比上年预算" ([`Change::names_budget`]).
fn names_budget(s: &str) -> bool {
    comparison(s).is_some_and(|t| {
        t.contains("预算")
            && !["上年", "去年", "上一年", "同期", "执行", "决算"]
                .iter()
                .any(|w| t.contains(w))
    })
}

/// The comparison a change is measured by, from its 比 / 较 / 与: "一般公共预算支出较2020年增加"
/// compares with 2020, whatever its subject says. Before the direction word, without the clause
/// break after it ("与…相比，增加").
fn comparison(s: &str) -> Option<&str> {
    let s = ends_with_direction(s).map_or(s, |(_, rest)| rest);
    let s = s.trim_end_matches([',', '，', ' ']);
    s.char_indices()
        .filter(|&(_, c)| matches!(c, '比' | '较' | '与' | '和'))
        .map(|(i, _)| &s[i..])
        .find(|t| strip_comparative(t).is_empty())
}

/// The year a comparison names ("与2021年度预算相比": 2021), if it names one.
fn compared_year(s: &str) -> Option<u16> {
    let t = comparison(s)?;
    let start = t.find(|c: char| c.is_ascii_digit())?;
    let digits: String = t[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

const LEADING_FILLERS: &[&str] = &[
    "其中：",
    "其中:",
    "其中",
    "主要原因是",
    "主要原因",
    "原因是",
    "主要用于",
    "用于",
    "包括：",
    "包括:",
    "包括",
    "同时将",
    "同时，",
    "同时",
    "因此",
    "以及",
    "并且",
    "另外",
    "和",
    "及",
    "、",
    "本年度",
    "本年",
    "以上",
    "截至",
    "共",
    "将",
];
const TRAILING_FILLERS: &[&str] = &[
    "为", "是", "共计", "共", "合计", "达到", "达", "约", "计", "：", ":", "、",
];

/// A subject as printed, without the department name, a leading year and filler words.
fn clean_subject(raw: &str, department: Option<&str>) -> String {
    // A closing quotation mark never begins a subject: it is the end of a quotation a copy
    // printed on a line of its own and put back before it ("”2024年度 三公 经费…").
    let mut s = raw
        .trim()
        .trim_start_matches(['，', '。', '；', ' ', '”', '’']);
    loop {
        let before = s.len();
        if item_number(s).is_some() {
            s = strip_item_number(s);
        }
        if let Some(d) = department {
            s = s.strip_prefix(d).unwrap_or(s).trim_start();
        }
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 4 {
            let r = s[digits..].trim_start();
            if let Some(r) = r.strip_prefix('年') {
                s = r
                    .strip_prefix('度')
                    .unwrap_or(r)
                    .trim_start_matches(['，', ' ']);
            }
        }
        // Each filler is stripped and the rest trimmed; after the first, `s` is trimmed, so a
        // filler that is not there leaves it as it is (and is not trimmed again).
        s = s.strip_prefix(LEADING_FILLERS[0]).unwrap_or(s).trim_start();
        for f in &LEADING_FILLERS[1..] {
            if let Some(rest) = s.strip_prefix(f) {
                s = rest.trim_start();
            }
        }
        s = s.strip_suffix(TRAILING_FILLERS[0]).unwrap_or(s).trim_end();
        for f in &TRAILING_FILLERS[1..] {
            // "计" is filler in "…计 12 万元" but part of the name in "收入支出总计".
            if *f == "计" && s.ends_with("总计") {
                continue;
            }
            if let Some(rest) = s.strip_suffix(f) {
                s = rest.trim_end();
            }
        }
        if s.len() == before {
            break;
        }
    }
    s.to_owned()
}

/// A subject that names nothing by itself ("预算数为"): the item heading stands in for it.
fn is_generic(subject: &str) -> bool {
    subject.is_empty()
        || ["预算数", "年预算数", "预算安排规模", "预算安排", "预算"]
            .iter()
            .any(|g| subject.starts_with(g))
}

/// "支出决算为", "决算数为": the outturn of whatever the sentence is about.
fn is_outturn(subject: &str) -> bool {
    matches!(subject, "支出决算" | "决算" | "决算数" | "支出决算数")
}

/// Subjects that extend the previous one ("房屋 … 价值 606.52 万元").
fn is_attribute(subject: &str) -> bool {
    matches!(
        subject,
        "价值" | "涉及金额" | "涉及预算金额" | "金额" | "面积"
    )
}

/// Byte offsets where clauses end (，；。：) in `text`.
fn is_clause_break(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '。' | '：' | ':')
}

fn is_sentence_break(c: char) -> bool {
    matches!(c, '；' | ';' | '。')
}

/// Whether the ASCII "." at `i` ends a sentence, as a copy typed with it for "。" prints it
/// ("…因此基本支出预算相应增加."): after a word or a closing mark, never inside a number ("2.98")
/// or after an item's number ("1.").
fn ascii_full_stop(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + 1..].chars().find(|c| !c.is_whitespace());
    before.is_some_and(|c| !c.is_ascii_alphanumeric() && !c.is_whitespace() && c != '.')
        && !after.is_some_and(|c| c.is_ascii_digit() || c == '.')
}

/// One section's text with its place.
struct Block<'a> {
    section: SectionRef,
    lines: Vec<&'a Line>,
    /// For an item ("1、…（项）：…"), the text before its first colon.
    label: Option<String>,
    /// Its "key：value" fields, for the blocks that are read as fields (labelled ones, and the
    /// projects of 七), read once.
    fields: Vec<(String, Joined)>,
}

/// Reads 第三部分: `range` indexes `lines`; tables and 绩效目标表 inside it are skipped.
///
/// `moved` are the lines of numbers that [`restore_displaced_numbers`] put back into the line
/// before them: they are not read again.
pub fn read(
    lines: &[Line],
    moved: &HashSet<usize>,
    seg: &Segments,
    range: std::ops::Range<usize>,
    doc: &mut Document,
) {
    let department = doc.meta.department.as_ref().map(|d| compact(&d.value));
    let mut blocks = blocks(lines, moved, seg, range, doc);
    // A wrapped 项目名称 is only whole once the block's fields are read.
    for b in blocks.iter_mut() {
        if b.label.is_some() || (b.section.chapter == 7 && b.section.sub > 0) {
            b.fields = fields(&b.lines);
        }
        if b.label.is_some() {
            if let Some((_, name)) = b.fields.iter().find(|(k, _)| k == "项目名称") {
                b.label = Some(name.text.clone());
            }
        }
    }
    for b in &blocks {
        let j = Joined::new(b.lines.iter().copied());
        let breaks = Breaks::new(&j.text);
        statements(&j, &breaks, b, department.as_deref(), &mut doc.statements);
        trends(&j, &breaks, b.section, &mut doc.trends);
        listings(&j, b.section, department.as_deref(), &mut doc.listings);
        phrases(&j, &breaks, b.section, "主要用于", &mut doc.purposes);
        phrases(&j, &breaks, b.section, "主要原因", &mut doc.reasons);
        if let Some(e) = empty_statement(&j) {
            doc.empty_statements.push(e);
        }
    }
    projects(&blocks, doc);
}

/// Splits the narrative into blocks at every heading and numbered item, recording headings.
fn blocks<'a>(
    lines: &'a [Line],
    moved: &HashSet<usize>,
    seg: &Segments,
    range: std::ops::Range<usize>,
    doc: &mut Document,
) -> Vec<Block<'a>> {
    let mut out: Vec<Block> = Vec::new();
    let mut section = SectionRef {
        part: 3,
        ..SectionRef::default()
    };
    let mut skip_next = false;
    // Whether the last line read announced a list ("…，其中：") and whether the "（一）…" lines
    // that carried an amount after it go on: such lines are the items of the section they are
    // in, not sub-sections of it ("五、…支出 a 元，其中：" / "（一）文化…支出 b 元，…" / "（二）…").
    let (mut announced, mut listing) = (false, false);
    for i in range.clone() {
        if skip_next {
            skip_next = false;
            continue;
        }
        if seg.in_table(i) || moved.contains(&i) {
            continue;
        }
        let line = &lines[i];
        let t = line.text.as_str();
        if t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()) {
            continue; // page number
        }
        let c = line.compact();
        // A heading wrapped onto a short second line ("…当年拨款情况" / "说明"): only a tail that
        // completes the usual ending is joined, so a body line is never swallowed.
        let heading_tail = |i: usize, title: &str| {
            lines.get(i + 1).filter(|n| {
                let joined = format!("{title}{}", n.text);
                range.contains(&(i + 1))
                    && n.text.chars().count() <= 4
                    && (joined.ends_with("说明") || joined.ends_with("情况"))
                    && !n
                        .text
                        .contains(|c: char| c.is_ascii_digit() || "，。：:、".contains(c))
            })
        };
        if let Some(n) = chapter_number(c)
            .filter(|_| t.contains('、') && !t.starts_with(|ch: char| ch.is_ascii_digit()))
        {
            listing = false;
            section = SectionRef {
                part: 3,
                chapter: n,
                sub: 0,
                item: 0,
            };
            let mut title = t.split_once('、').map_or(t, |x| x.1).trim().to_owned();
            if let Some(tail) = heading_tail(i, &title) {
                title.push_str(&tail.text);
                skip_next = true;
            }
            doc.headings.push(Heading {
                section,
                title,
                line: line.no,
            });
            continue;
        }
        let was_announced = std::mem::replace(&mut announced, c.ends_with(['：', ':']));
        let sub = sub_number(c);
        if let Some(n) = sub {
            let item = t
                .split_once([')', '）'])
                .is_some_and(|(_, rest)| mentions(rest).iter().any(Mention::money));
            listing = item
                && section.sub == 0
                && if listing {
                    u16::from(n) == section.item + 1
                } else {
                    // Not where the section already numbers its items ("1.…", "2.…"): the list
                    // would take their numbers.
                    was_announced && n == 1 && section.item == 0
                };
        }
        if let Some(n) = sub.filter(|_| !listing) {
            section = SectionRef {
                sub: n,
                item: 0,
                ..section
            };
            let title = t
                .split_once([')', '）'])
                .map_or(t, |x| x.1)
                .trim()
                .to_owned();
            // "（一）项目名称：…" carries a field; "（一）、因公出国（境）费0万元，比2022年预算
            // 持平。" carries claims; a plain title carries none.
            let (lines, label) = match title.split_once(['：', ':']) {
                Some((_, value)) => (vec![line], Some(value.trim().to_owned())),
                None if mentions(&title).iter().any(Mention::money) => (vec![line], None),
                None => (Vec::new(), None),
            };
            doc.headings.push(Heading {
                section,
                title,
                line: line.no,
            });
            out.push(Block {
                section,
                lines,
                label,
                fields: Vec::new(),
            });
            continue;
        }
        let listed = sub.filter(|_| listing).map(u16::from);
        if let Some(n) = listed.or_else(|| item_number(t)) {
            section = SectionRef { item: n, ..section };
            out.push(Block {
                section,
                lines: vec![line],
                label: None,
                fields: Vec::new(),
            });
            continue;
        }
        match out.last_mut().filter(|b| b.section == section) {
            Some(b) => b.lines.push(line),
            None => out.push(Block {
                section,
                lines: vec![line],
                label: None,
                fields: Vec::new(),
            }),
        }
    }
    out
}

/// Lines with their numbers put back where a copy left a gap for them.
#[derive(Debug, Default)]
pub struct Restored {
    /// The lines whose gaps were filled, by index, with the filled text.
    lines: HashMap<usize, Line>,
    /// The lines of numbers that were moved back.
    pub moved: HashSet<usize>,
    /// Each filled line's number, with the number of the line its numbers were printed on.
    pub sources: HashMap<LineNo, LineNo>,
}

impl Restored {
    /// Adds to each statement read from a filled line the line its numbers were printed on, so
    /// that what a finding shows as printed is printed on one of its lines.
    pub fn cite_sources(&self, statements: &mut [Statement]) {
        if self.sources.is_empty() {
            return;
        }
        for s in statements {
            let extra: Vec<LineNo> = s
                .lines
                .iter()
                .filter_map(|l| self.sources.get(l).copied())
                .collect();
            if !extra.is_empty() {
                s.lines.extend(extra);
                s.lines.sort_unstable();
                s.lines.dedup();
            }
        }
    }

    /// Puts the filled lines in place of the lines they were made from.
    pub fn apply(&mut self, lines: &mut [Line]) {
        for (i, line) in self.lines.drain() {
            if let Some(l) = lines.get_mut(i) {
                *l = line;
            }
        }
    }
}

/// The numbers of a line of numbers only ("161.62 160.75", "2024 0.3 2023", "7"): the tokens,
/// each a number or a percentage. Stray quotation marks, whose words were printed apart, are
/// left out. `None` when the line holds anything else.
fn number_tokens(t: &str) -> Option<Vec<&str>> {
    // Most lines are ruled out by their first character.
    if !t.starts_with(|c: char| c.is_ascii_digit() || c == '“' || c == '"') {
        return None;
    }
    let toks: Vec<&str> = t
        .split(' ')
        .filter(|tok| !matches!(*tok, "“" | "”" | "\"" | "“”"))
        .collect();
    let number = |tok: &str| decimal(tok.strip_suffix('%').unwrap_or(tok)).is_some();
    (!toks.is_empty() && toks.iter().all(|tok| number(tok))).then_some(toks)
}

/// What a gap left for a number is followed by, which says what number it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// 万 / 元: an amount.
    Money,
    /// 年: a year.
    Year,
    /// 月 / 日, or a counted word (个, 辆, 分…): a count or a score.
    Count,
    /// A clause mark (。；，): a percentage ("占 ；", "下降 。").
    Clause,
    /// "、" at the start of a line: the number of a list item.
    Item,
}

/// What a number is, for the gaps it may fill.
fn fits(number: &str, gap: Gap) -> bool {
    let percent = number.ends_with('%');
    let point = number.contains('.');
    let year = number.len() == 4 && !point && !percent && number.starts_with(['1', '2']);
    match gap {
        Gap::Money => !percent,
        Gap::Year => year,
        Gap::Count => !percent && !year,
        Gap::Clause => percent,
        Gap::Item => !percent && !point && number.len() <= 2,
    }
}

/// Where a line of text has a gap for a number, and what follows it: a space between two
/// characters that are not ASCII, before a unit, a counted word or a clause mark ("年初预算为
/// 万元", "占 ；", "财政局 年度"), or its start when it begins with what follows a number
/// ("万元，…", "元，…" unless the line before ends with 万, "年…" unless it ends with a digit,
/// "个…", "、…" after an item number, or a clause mark "，" "；" "。" that a line never begins
/// with). An ASCII ";" is a "；" (a copy that changed the marks).
/// A space before other words is no gap ("三公 经费", where quotation marks were).
fn gaps(t: &str, before: Option<&str>) -> Vec<(usize, Gap)> {
    let kind = |rest: &str| match rest.chars().next()? {
        '万' | '元' => Some(Gap::Money),
        '年' => Some(Gap::Year),
        '月' | '日' | '个' | '辆' | '台' | '人' | '项' | '分' | '次' | '名' | '家' | '户' => {
            Some(Gap::Count)
        }
        '。' | '；' | ';' | '，' | '、' | '）' => Some(Gap::Clause),
        _ => None,
    };
    let mut out = Vec::new();
    let start = if t.starts_with('、') {
        Some(Gap::Item)
    } else if t.starts_with("万元")
        || (t.starts_with('元') && !before.is_some_and(|b| b.ends_with('万')))
    {
        Some(Gap::Money)
    } else if t.starts_with('年')
        && !before.is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
    {
        Some(Gap::Year)
    } else if t.starts_with('个') {
        Some(Gap::Count)
    } else if t.starts_with(['，', '；', ';', '。']) {
        Some(Gap::Clause)
    } else {
        None
    };
    if let Some(g) = start {
        out.push((0, g));
    }
    let mut prev: Option<char> = None;
    for (i, c) in t.char_indices() {
        if c == ' ' && prev.is_some_and(|p| !p.is_ascii()) {
            if let Some(g) = kind(&t[i + 1..]) {
                out.push((i, g));
            }
        }
        prev = Some(c);
    }
    out
}

/// The one way to put `numbers`, in order, into gaps that fit them, leaving no gap for an
/// amount, a year or a count empty (a gap before a clause mark may be a space the text has);
/// `None` when there is no such way or more than one.
fn assignment(numbers: &[&str], gaps: &[(usize, Gap)]) -> Option<Vec<usize>> {
    fn search(
        numbers: &[&str],
        gaps: &[(usize, Gap)],
        from: usize,
        chosen: &mut Vec<usize>,
        found: &mut Vec<Vec<usize>>,
    ) {
        if found.len() > 1 {
            return;
        }
        let Some((first, rest)) = numbers.split_first() else {
            // Every gap not taken must be one that may stay empty.
            let taken = |g: usize| chosen.contains(&g);
            if (from..gaps.len()).all(|g| gaps[g].1 == Gap::Clause)
                && (0..from).all(|g| taken(g) || gaps[g].1 == Gap::Clause)
            {
                found.push(chosen.clone());
            }
            return;
        };
        for g in from..gaps.len() {
            if fits(first, gaps[g].1) {
                chosen.push(g);
                search(rest, gaps, g + 1, chosen, found);
                chosen.pop();
            }
        }
    }
    if numbers.len() > gaps.len() || gaps.len() > 24 {
        return None;
    }
    let mut found = Vec::new();
    search(numbers, gaps, 0, &mut Vec::new(), &mut found);
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// `t` with `numbers` put in `at` (byte offsets of gaps, one per number), each in place of its
/// gap's space, as the line prints them when its numbers are not moved.
fn fill(t: &str, at: &[usize], numbers: &[&str]) -> String {
    let mut out = String::with_capacity(t.len() + 8 * numbers.len());
    let mut from = 0;
    for (&i, n) in at.iter().zip(numbers) {
        out.push_str(&t[from..i]);
        out.push_str(n);
        // A gap at the start has no space of its own.
        from = if i == 0 { 0 } else { i + 1 };
    }
    out.push_str(&t[from..]);
    out
}

/// pdfplumber (and the tab-separated copy made with it) prints the numbers of a narrative line
/// on the line after it, in order, and leaves a gap where each stood:
///
/// ```text
/// 一般公共预算财政拨款支出 万元，占本年支出合计的 。与 年
/// 2940.05 100.00% 2023
/// ```
///
/// Read as they are, the numbers land in the wrong sentence, or away from their unit ("年初预算为
/// 万" / "80.81" / "元，…" reads 80.81 元). A line of numbers only goes back into the line
/// before it when there is exactly one way to put them, in order, into its gaps: an amount
/// before 万 or 元, a year before 年, a count before 个 or 月, a percentage before a clause mark,
/// an item number before a leading "、", no gap before a unit left empty. Otherwise both lines
/// stay as they are. A lone small integer other than 0 goes back only as an item number or a
/// count, so a page number is not taken for an amount. The filled line keeps its own line
/// number. Tables (and 绩效目标表) are left alone: their lines of numbers are rows.
pub fn restore_displaced_numbers(lines: &[Line], seg: &Segments) -> Restored {
    let mut r = Restored::default();
    let range = 0..lines.len();
    for i in range.clone().skip(1) {
        let j = i - 1;
        if seg.in_table(i) || seg.in_table(j) {
            continue;
        }
        let Some(numbers) = number_tokens(&lines[i].text) else {
            continue;
        };
        if r.moved.contains(&j) || number_tokens(&lines[j].text).is_some() {
            continue;
        }
        let text = r
            .lines
            .get(&j)
            .map_or(lines[j].text.as_str(), |l| l.text.as_str());
        // The line of text before (a line of numbers moved back is not text).
        let before = (range.start..j)
            .rev()
            .find(|b| !r.moved.contains(b))
            .map(|b| {
                r.lines
                    .get(&b)
                    .map_or(lines[b].text.as_str(), |l| l.text.as_str())
            });
        let all = gaps(text, before);
        let Some(chosen) = assignment(&numbers, &all) else {
            continue;
        };
        // A lone small integer could be a page number (never 0).
        let lone = numbers.len() == 1
            && numbers[0] != "0"
            && !numbers[0].contains(['.', '%'])
            && numbers[0].len() <= 3;
        if lone && !matches!(all[chosen[0]].1, Gap::Item | Gap::Count) {
            continue;
        }
        let at: Vec<usize> = chosen.iter().map(|&g| all[g].0).collect();
        let filled = fill(text, &at, &numbers);
        r.lines.insert(j, Line::new(lines[j].no, filled));
        r.sources.insert(lines[j].no, lines[i].no);
        r.moved.insert(i);
    }
    r
}

/// Words a sentence puts right before an amount ("支出决算为", "涉及预算金额", "占").
const BEFORE_AMOUNT: &[&str] = &[
    "为", "占", "金额", "计", "达", "共", "约", "支出", "收入", "经费", "增加", "减少", "增长",
    "下降",
];

/// Whether a line ends a clause (，。；：) or is a heading: what follows starts anew.
fn ends_clause(t: &str) -> bool {
    let c = compact(t);
    c.ends_with(['，', '。', '；', '：', ':', ';', ','])
        || chapter_number(&c).is_some()
        || sub_number(&c).is_some()
}

/// Whether a line begins with an amount and its unit ("603.14万元，占20.51%；", "15.16%；").
fn starts_with_amount(t: &str) -> bool {
    // Most lines are ruled out by their first character.
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let rest = &t[digits..];
    let frac = rest
        .strip_prefix('.')
        .map_or(0, |f| 1 + f.bytes().take_while(u8::is_ascii_digit).count());
    let after = t[digits + frac..].trim_start_matches(' ');
    after.starts_with(['万', '元', '%'])
        && unit_at(t, digits + frac)
            .is_some_and(|(u, _, _)| matches!(u, QUnit::Wan | QUnit::Yuan | QUnit::Percent))
}

/// Whether a line is an amount whose unit a wrap cut off, alone or with its first character
/// ("232.40万" / "元。", "232.40" / "万元。"): the amount of the line before it, where the wrap
/// put it, as much as one [`starts_with_amount`] finds.
fn amount_cut_off(t: &str) -> bool {
    let t = t.trim();
    let figure = t
        .bytes()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b','))
        .count();
    figure > 0 && t.as_bytes()[0].is_ascii_digit() && matches!(t[figure..].trim(), "" | "万")
}

/// Whether a line begins with a count and its measure word ("0个）。", "4项"): like an amount,
/// set a little higher by pdftotext -layout. A list item's number ("1、") is not one.
fn starts_with_count(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && item_number(t).is_none()
        && t[digits..].starts_with(['个', '项', '人', '辆', '次', '家', '台', '套', '名'])
}

/// Whether a line is a heading ("十一、其他重要事项的情况说明", "（一）…").
fn is_heading(t: &str) -> bool {
    let c = compact(t);
    chapter_number(&c).is_some() || sub_number(&c).is_some()
}

/// pdftotext -layout sometimes prints a line that begins with an amount, a count or an opening
/// quotation mark above the line it continues (those glyphs sit a little higher):
///
/// ```text
///   三、支出决算情况说明
/// 603.14万元，占20.51%；
///     本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%； 项目支出
/// ```
///
/// Such a line `a` trades places with the line `b` after it when `b` does not end a clause (it
/// runs on into `a`) and
///
/// - `a` begins with an amount, and the line before `a` could not run on into it: it ends a
///   clause or is a heading, or `b` ends with a word that introduces an amount ("为", "占",
///   "金额") and it neither introduces one nor ends a quoted or bracketed name ("…（项）”",
///   which its amount follows), `b` begins no item or heading, and the line after `b` begins
///   with no amount (`b`'s own, where a wrap put it: "…比上年增加" / "25.41%。");
/// - `a` begins with a quotation mark, `b` ends with a word that introduces what is quoted
///   ("绩效评级为" / "“优”的项目4个"), and the line before `a` neither ends a clause nor
///   introduces anything;
/// - `a` begins with an amount or a count and ends a sentence, the line before it neither ends
///   a clause nor introduces an amount (a page copied to its last line: "…占" / "100.00%;…。" /
///   "3.支出情况…减少710.50万元,下"), and `b` is the last line before a heading or the end: a paragraph does not end
///   in the middle of a clause ("…正在整改的" / "十一、…"), so `a` ("0个）。") was its end.
///
/// Lines keep their numbers; tables are left alone.
pub fn reorder_lines_printed_early(lines: &mut [Line], seg: &Segments) {
    let mut i = 1;
    while i + 1 < lines.len() {
        let (p, a, b) = (&lines[i - 1], &lines[i], &lines[i + 1]);
        let outside = !(seg.in_table(i - 1) || seg.in_table(i) || seg.in_table(i + 1));
        let introduces = |t: &str| BEFORE_AMOUNT.iter().any(|w| t.ends_with(w));
        let runs_on = !ends_clause(&b.text);
        // `p` may run on into an amount: it introduces one, or it ends a quoted or bracketed
        // name ("“…（项）”" / "100.20万元", the form of every listed subject and its amount).
        let may_precede_amount =
            |t: &str| introduces(t) || compact(t).ends_with(['”', '’', '）', ')', '」', '》']);
        // `b` wants the amount only when nothing else gives it one: not a new item or heading
        // (which begins anew, the line before ends the item before), and not a line followed by
        // an amount of its own (a wrap: "…比上年增加" / "25.41%。").
        let wants_amount = introduces(&b.text)
            && item_number(&b.text).is_none()
            && !is_heading(&b.text)
            && lines
                .get(i + 2)
                .is_none_or(|c| !starts_with_amount(&c.text) && !amount_cut_off(&c.text));
        let amount = starts_with_amount(&a.text)
            && !starts_with_amount(&b.text)
            && (ends_clause(&p.text) || (wants_amount && !may_precede_amount(&p.text)));
        // A quotation goes after the word that introduces it ("…绩效评级为" / "“优”的项目"): one
        // that says what follows, not any word an amount may follow ("…勘测设计" ends with 计).
        let introduces_quote = |t: &str| ["为", "是", "称"].iter().any(|w| t.ends_with(w));
        let quote = a.text.starts_with(['“', '‘'])
            && introduces_quote(&b.text)
            && !introduces(&p.text)
            && !ends_clause(&p.text);
        let last = lines.get(i + 2).is_none_or(|n| is_heading(&n.text));
        // Words on both sides: not what is left of a line whose numbers a copy moved ("“ ” 0 0").
        let words = |t: &str| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let paragraph_end = (starts_with_amount(&a.text) || starts_with_count(&a.text))
            && compact(&a.text).ends_with('。')
            && !ends_clause(&p.text)
            // "…占" / "100.00%;…。": the amount the line before asks for, in its place.
            && !introduces(&p.text)
            && words(&p.text)
            && words(&b.text)
            && last;
        let early = outside && runs_on && (amount || quote || paragraph_end);

        if early {
            lines.swap(i, i + 1);
            i += 2;
        } else {
            i += 1;
        }
    }
}

/// "1、…" / "12、…" / "1.房屋…" (not "4.60 万元"): the number of a list item.
fn item_number(t: &str) -> Option<u16> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &t[digits..];
    let after = rest.get(1..).unwrap_or("");
    let ok = rest.starts_with('、')
        || (rest.starts_with('.') && !after.starts_with(|c: char| c.is_ascii_digit() || c == ' '))
        // "1. “一般公共服务支出（类）…”": a space, then text.
        || (rest.starts_with(". ")
            && after
                .trim_start()
                .starts_with(|c: char| !c.is_ascii_digit() && !c.is_ascii_whitespace()));
    ok.then(|| t[..digits].parse().ok()).flatten()
}

fn strip_item_number(t: &str) -> &str {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    t[digits..].trim_start_matches(['、', '.']).trim()
}

/// The offset just past the last character before `at` that satisfies `pred` (0 if none),
/// looking back at most `LOOKBACK` bytes so that a pathological line stays linear.
fn after_last(text: &str, at: usize, pred: impl Fn(char) -> bool) -> usize {
    let mut from = at.saturating_sub(LOOKBACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| pred(c))
        .map_or(from, |(i, c)| from + i + c.len_utf8())
}

/// How far back a clause or subject is looked for; real clauses are a few dozen characters.
const LOOKBACK: usize = 600;

/// The most statements kept from one document (a disclosure has a few hundred).
pub const MAX_STATEMENTS: usize = 5000;

/// Where clauses and sentences start, and where explanations begin, for one paragraph.
struct Breaks {
    /// Offsets just past each clause break (，；。：).
    clause: Vec<usize>,
    /// Offsets just past each sentence break (；。).
    sentence: Vec<usize>,
    /// Offsets of "主要原因", "原因是" and "用于".
    reason: Vec<usize>,
}

impl Breaks {
    fn new(text: &str) -> Self {
        let mut b = Breaks {
            clause: Vec::new(),
            sentence: Vec::new(),
            reason: Vec::new(),
        };
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            let full_stop = c == '.' && ascii_full_stop(text, i);
            if is_clause_break(c) || full_stop {
                b.clause.push(end);
            }
            if is_sentence_break(c) || full_stop {
                b.sentence.push(end);
            }
            // The first character decides which word can start here (one comparison per
            // character instead of three).
            let rest = &text[i..];
            let reason = match c {
                '主' => rest.starts_with("主要原因"),
                '原' => rest.starts_with("原因是"),
                '用' => rest.starts_with("用于"),
                _ => false,
            };
            if reason {
                b.reason.push(i);
            }
        }
        b
    }

    fn last_before(v: &[usize], at: usize) -> usize {
        v[..v.partition_point(|&x| x <= at)]
            .last()
            .copied()
            .unwrap_or(0)
    }

    fn clause_start(&self, at: usize) -> usize {
        Self::last_before(&self.clause, at)
    }

    fn sentence_start(&self, at: usize) -> usize {
        Self::last_before(&self.sentence, at)
    }

    /// Whether an explanation begins in `from..to`.
    fn reason_in(&self, from: usize, to: usize) -> bool {
        let i = self.reason.partition_point(|&x| x < from);
        self.reason.get(i).is_some_and(|&x| x < to)
    }
}

/// The statements of one block.
fn statements(
    j: &Joined,
    breaks: &Breaks,
    b: &Block,
    department: Option<&str>,
    out: &mut Vec<Statement>,
) {
    let text = j.text.as_str();
    let first = out.len();
    // An item's heading: the text before its first colon ("1、一般公共服务支出（类）…（项）").
    let item_label = (b.section.item > 0)
        .then(|| {
            text.split_once(['：', ':'])
                .map(|(a, _)| strip_item_number(a).to_owned())
        })
        .flatten()
        .filter(|l| l.chars().count() <= 80);
    let label = b.label.clone().or(item_label);
    // The statement later shares, changes and growth rates attach to, and its sentence.
    let mut current: Option<(usize, usize)> = None;
    let mut prev_end = 0usize;
    let flats = flat_words(text);
    let mut next_flat = 0;
    // The statement the amounts that follow are parts of, and where its list ends.
    let mut parts_of: Option<(usize, usize)> = None;
    let ctx = FlatContext {
        text,
        j,
        breaks,
        section: b.section,
        label: label.as_deref(),
        department,
    };
    for m in &mentions(text) {
        if out.len() >= MAX_STATEMENTS {
            break;
        }
        while let Some(&at) = flats.get(next_flat).filter(|&&at| at < m.start) {
            next_flat += 1;
            flat(&ctx, at, out, &mut current, &mut prev_end);
        }
        if let Some(p) = parts_marker(text, prev_end.min(m.start), m.start, &out[first..]) {
            parts_of = Some((first + p.0, p.1));
        }
        // The clause before the number: from the last break, or the previous number.
        let from = breaks.clause_start(m.start).max(prev_end);
        let pre = text[from..m.start]
            .trim_start_matches(['、', '和', '及', ' '])
            .trim_end();
        let sentence = breaks.sentence_start(m.start);
        // "主要用于以下方面：A 1 万元，…" lists what the money is, rather than explaining it.
        let mut near = m.start.saturating_sub(LOOKBACK).max(sentence);
        while !text.is_char_boundary(near) {
            near += 1;
        }
        let listed = text[near..m.start]
            .rfind("以下方面")
            .map_or(sentence, |i| near + i);
        let in_reason = breaks.reason_in(listed, m.start);
        let lines = j.lines_of(from, m.end);
        let q = m.quantity(j);
        // Since the previous number in the sentence, the comparison a change is measured by,
        // in a clause of its own too ("2.14万元，与2021年度预算相比，增加1.14万元").
        let since = &text[prev_end.max(sentence).min(m.start)..m.start];
        prev_end = m.end;
        let open = current.filter(|&(_, s)| s == sentence).map(|(i, _)| i);
        // "占一般公共预算支出的 19.62%" names its whole: a share only when an amount stated
        // before it in the chapter is that whole, which it is then a part of.
        let named = pre
            .strip_prefix('占')
            .map(|w| compact(w.trim_end_matches('的')))
            .filter(|w| !w.is_empty() && !w.starts_with('比') && !w.contains(char::is_numeric))
            .map(|w| {
                // "项目支出预算" names "项目支出".
                fn bare(x: &str) -> &str {
                    x.trim_end_matches("预算").trim_end_matches("决算")
                }
                let w = bare(&w);
                // The whole by its own name ("基本支出" in "2024年基本支出" too), never a shorter
                // name it ends with: "占财政拨款收入的" is not a share of "收入预算".
                (w.chars().count() >= 4)
                    .then(|| {
                        (0..out.len()).rev().find(|&k| {
                            let s = bare(&out[k].subject);
                            out[k].section.chapter == b.section.chapter
                                && out[k].whole.is_none()
                                && !out[k].in_reason
                                && !s.starts_with('占')
                                && (s.ends_with(&w)
                                    // "占“三公”经费的" names "…“三公”经费支出决算".
                                    || w.contains("三公")
                                        && s.trim_end_matches("支出").ends_with(&w))
                        })
                    })
                    .flatten()
            })
            .filter(|k| *k != open);
        if m.unit == QUnit::Percent
            && (pre.ends_with('占')
                || pre.ends_with("占比")
                || pre.ends_with("占比为")
                || named.is_some_and(|k| k.is_some()))
        {
            if let Some(i) = open.filter(|&i| out[i].share.is_none()) {
                if let Some(Some(k)) = named {
                    out[i].whole = out[i].whole.or(Some(k));
                }
                out[i].share = Some(q);
                out[i].lines.extend(lines);
                continue;
            }
        }
        if let Some((direction, rest)) = ends_with_direction(pre) {
            let growth = m.unit == QUnit::Percent;
            let change = Change {
                direction,
                amount: Some(q),
                names_budget: names_budget(since),
                compared_year: compared_year(since),
            };
            let target = open.filter(|&i| {
                let free = if growth {
                    out[i].growth.is_none()
                } else {
                    out[i].change.is_none()
                };
                free && strip_comparative(rest).is_empty()
            });
            match target {
                Some(i) => {
                    if growth {
                        out[i].growth = Some(change);
                    } else {
                        out[i].change = Some(change);
                    }
                    out[i].lines.extend(lines);
                }
                None => {
                    let mut subject = clean_subject(strip_comparative_suffix(rest), department);
                    if is_generic(&subject) {
                        subject = label.clone().unwrap_or(subject);
                    }
                    let (change, growth) = if growth {
                        (None, Some(change))
                    } else {
                        (Some(change), None)
                    };
                    out.push(Statement {
                        section: b.section,
                        subject,
                        value: None,
                        share: None,
                        change,
                        growth,
                        in_reason,
                        whole: None,
                        lines,
                    });
                    current = Some((out.len() - 1, sentence));
                }
            }
            continue;
        }
        // A percentage in the sentence of an amount that is neither its share of a whole the
        // chapter states ("占支出总预算 10.73 %") nor a change ("完成预算100%"): no claim of its
        // own, and the amount's change after it is still the amount's ("…,同比增加 Δ,增长 g%").
        if m.unit == QUnit::Percent && open.is_some() {
            let p = compact(pre);
            let completion = p.starts_with("完成") && p.contains("预算");
            if p.starts_with('占') || completion {
                continue;
            }
        }
        // "幼儿园为 3,364.22 元，比上年的 2,961.34 元增加 402.88 元": the amount after the
        // comparison is last year's, the base the change is measured from, not a claim of its
        // own; the change after it is the open statement's.
        if m.unit != QUnit::Percent && open.is_some() && names_prior_amount(pre) {
            continue;
        }
        let mut subject = clean_subject(pre, department);
        // A 决算 states "X 年初预算为 a 万元，支出决算为 b 万元": b is X's amount, a only the
        // budget it is measured against.
        let basis = subject.ends_with("年初预算");
        if is_outturn(&subject) {
            let stem = open
                .map(|i| &out[i])
                .filter(|o| o.subject.ends_with("年初预算"))
                .map(|o| o.subject.trim_end_matches("年初预算").to_owned());
            if let Some(st) = stem.filter(|st| !st.is_empty()).or_else(|| label.clone()) {
                subject = st;
            }
        } else if is_generic(&subject) {
            if let Some(l) = &label {
                subject = l.clone();
            }
        } else if is_attribute(&subject) {
            if let Some(i) = current.map(|(i, _)| i).filter(|&i| i >= first) {
                subject = format!("{}{}", out[i].subject, subject);
            }
        }
        out.push(Statement {
            section: b.section,
            subject,
            value: Some(q),
            share: None,
            change: None,
            growth: None,
            in_reason: in_reason || basis,
            whole: parts_of
                .filter(|&(w, end)| m.start < end && w < out.len())
                .map(|(w, _)| w),
            lines,
        });
        current = Some((out.len() - 1, sentence));
    }
    for &at in &flats[next_flat..] {
        if out.len() >= MAX_STATEMENTS {
            break;
        }
        flat(&ctx, at, out, &mut current, &mut prev_end);
    }
    for s in &mut out[first..] {
        crate::sort::sort(&mut s.lines);
        s.lines.dedup();
    }
}

/// A list of parts announced in `text[from..to]` (the text between two amounts): "其中" after
/// a statement (its parts follow), or "X中，" naming an earlier statement X of the block ("财政拨款
/// 支出预算中，…"). Returns the whole's index in `block` and where its list ends (the sentence's
/// "。").
fn parts_marker(text: &str, from: usize, to: usize, block: &[Statement]) -> Option<(usize, usize)> {
    let gap = text.get(from..to)?;
    let end_after = |at: usize| text[at..].find('。').map_or(text.len(), |i| at + i);
    if let Some(i) = gap.rfind("其中") {
        let whole = block
            .iter()
            .rposition(|s| s.value.is_some() && !s.in_reason)?;
        return Some((whole, end_after(from + i)));
    }
    let i = ["中，", "中,", "中："]
        .iter()
        .filter_map(|w| gap.rfind(w))
        .max()?;
    let start = after_last(gap, i, |c| is_clause_break(c) || c == '、');
    let named = compact(gap[start..i].trim());
    if named.is_empty() {
        return None;
    }
    let whole = block
        .iter()
        .rposition(|s| s.value.is_some() && !s.in_reason && compact(&s.subject) == named)?;
    Some((whole, end_after(from + i)))
}

/// Where "持平" is printed, unless qualified ("基本持平", "大体持平": roughly, not a claim of no
/// change).
fn flat_words(text: &str) -> Vec<usize> {
    text.match_indices("持平")
        .map(|(at, _)| at)
        .filter(|&at| {
            let before = &text[..at];
            !["基本", "大体", "大致", "基本上", "总体"]
                .iter()
                .any(|q| before.ends_with(q))
        })
        .collect()
}

/// Whether a text compares with another year: "比2022年预算", "与2023年度相比", "较上年",
/// "同比". (A 决算's "决算数与预算数" compares within the year and is not one.)
fn compares_years(s: &str) -> bool {
    if ["上年", "去年", "上一年", "同比", "同期"]
        .iter()
        .any(|w| s.contains(w))
    {
        return true;
    }
    s.char_indices()
        .filter(|&(_, c)| matches!(c, '比' | '较' | '与'))
        .any(|(i, c)| {
            let rest = s[i + c.len_utf8()..].trim_start();
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            digits == 4 && rest[digits..].trim_start().starts_with('年')
        })
}

/// "比2022年预算", "与2023年度", "与2024年预算相比": a comparison with another year and nothing
/// else.
fn is_year_comparison(s: &str) -> bool {
    let s = s.trim();
    let s = s
        .strip_suffix("相比较")
        .or_else(|| s.strip_suffix("相比"))
        .unwrap_or(s)
        .trim_end();
    let Some(rest) = s.strip_prefix('与') else {
        return !s.is_empty() && strip_comparative(s).is_empty() && s != strip_comparative(s);
    };
    let rest = rest.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let yearly = (digits == 4 && rest[digits..].trim_start().starts_with('年'))
        || ["上年", "去年", "上一年"]
            .iter()
            .any(|w| rest.starts_with(w));
    yearly && strip_comparative(&format!("比{rest}")).is_empty()
}

/// Whether a clause ends in a comparison with last year's amount, which the number after it is:
/// "比上年的", "较上年度的", "比上年同期的".
fn names_prior_amount(pre: &str) -> bool {
    compact(pre).strip_suffix('的').is_some_and(|c| {
        [
            "比上年",
            "较上年",
            "与上年",
            "比上年度",
            "较上年度",
            "比上年同期",
            "较上年同期",
        ]
        .iter()
        .any(|w| c.ends_with(w))
    })
}

/// A clause before "持平" without the comparison it ends with ("“三公”经费支出决算数与2023年度"
/// → "“三公”经费支出决算数"); empty when the clause is only the comparison.
fn without_year_comparison(pre: &str) -> &str {
    if is_year_comparison(pre) {
        return "";
    }
    for (i, c) in pre.char_indices().rev() {
        if matches!(c, '比' | '较' | '与') && is_year_comparison(&pre[i..]) {
            return pre[..i].trim_end();
        }
    }
    pre
}

/// What the "持平" of a block reads with.
struct FlatContext<'a> {
    text: &'a str,
    j: &'a Joined,
    breaks: &'a Breaks,
    section: SectionRef,
    label: Option<&'a str>,
    department: Option<&'a str>,
}

/// "X 0万元，比2022年预算持平" (the statement just made is unchanged) or "与2023年度相比，X持平"
/// (X, stated earlier, is unchanged): a change with no amount, [`Direction::Flat`]. Only a
/// comparison with another year is read.
fn flat(
    ctx: &FlatContext,
    at: usize,
    out: &mut Vec<Statement>,
    current: &mut Option<(usize, usize)>,
    prev_end: &mut usize,
) {
    let text = ctx.text;
    let sentence = ctx.breaks.sentence_start(at);
    if !compares_years(&text[sentence..at]) {
        return;
    }
    let from = ctx.breaks.clause_start(at).max(*prev_end).min(at);
    let end = at + "持平".len();
    let pre = text[from..at]
        .trim_start_matches(['、', '和', '及', ' '])
        .trim_end();
    let lines = ctx.j.lines_of(from, end);
    let in_reason = ctx.breaks.reason_in(sentence, at);
    *prev_end = end;
    let change = Change {
        direction: Direction::Flat,
        amount: None,
        names_budget: names_budget(pre),
        compared_year: compared_year(pre),
    };
    let subject = without_year_comparison(pre);
    if subject.is_empty() {
        let open = current
            .filter(|&(i, s)| s == sentence && out[i].change.is_none())
            .map(|(i, _)| i);
        if let Some(i) = open {
            out[i].change = Some(change);
            out[i].lines.extend(lines);
        }
        return;
    }
    let mut subject = clean_subject(subject, ctx.department);
    if is_generic(&subject) {
        if let Some(l) = ctx.label {
            subject = l.to_owned();
        }
    }
    if subject.is_empty() {
        return;
    }
    out.push(Statement {
        section: ctx.section,
        subject,
        value: None,
        share: None,
        change: Some(change),
        growth: None,
        in_reason,
        whole: None,
        lines,
    });
    *current = Some((out.len() - 1, sentence));
}

/// "较上年剩余资金" → "剩余资金": a bare change's subject without the comparison.
fn strip_comparative_suffix(s: &str) -> &str {
    let t = s.trim();
    for p in ["较上年", "比上年预算", "比上年", "同比"] {
        if let Some(i) = t.find(p) {
            if i == 0 {
                return strip_comparative(t);
            }
            return &t[..i];
        }
    }
    t
}

/// Subjects whose direction the checker compares across sections.
const TREND_SUBJECTS: &[&str] = &["公用经费", "机关运行经费"];

/// Directions stated without numbers for [`TREND_SUBJECTS`].
fn trends(j: &Joined, breaks: &Breaks, section: SectionRef, out: &mut Vec<Trend>) {
    let text = j.text.as_str();
    for subject in TREND_SUBJECTS {
        let mut from = 0;
        while let Some(at) = text[from..].find(subject).map(|i| i + from) {
            from = at + subject.len();
            let start = breaks.clause_start(at);
            let end = breaks
                .clause
                .get(breaks.clause.partition_point(|&x| x <= from))
                .map_or(text.len(), |&e| {
                    let mut s = e - 1;
                    while !text.is_char_boundary(s) {
                        s -= 1;
                    }
                    s
                });
            let clause = &text[start..end.max(start)];
            if clause.len() > LOOKBACK
                || !mentions(clause).is_empty()
                || out.len() >= MAX_STATEMENTS
            {
                continue;
            }
            let found = [(UP, Direction::Up), (DOWN, Direction::Down)]
                .into_iter()
                .find(|(words, _)| words.iter().any(|w| clause.contains(w)));
            if let Some((_, direction)) = found {
                out.push(Trend {
                    section,
                    subject: (*subject).to_owned(),
                    direction,
                    line: j.line_at(at),
                    phrase: clause.to_owned(),
                });
            }
        }
    }
}

/// The most purposes (and the most reasons) kept from one document.
const MAX_PURPOSES: usize = 2000;

/// "X…主要用于 Y。" (`word` = 主要用于) or "X…主要原因是：Y。" (主要原因): each phrase with the
/// text before it that names its item (from the block's start, or from the end of the
/// previous phrase).
fn phrases(j: &Joined, breaks: &Breaks, section: SectionRef, word: &str, out: &mut Vec<Purpose>) {
    let text = j.text.as_str();
    let mut from = 0;
    for (at, word) in text.match_indices(word) {
        if at < from || out.len() >= MAX_PURPOSES {
            continue;
        }
        let start = at + word.len();
        let body = text[start..].trim_start_matches(['是', '：', ':', ' ']);
        let body_start = text.len() - body.len();
        let end = breaks
            .sentence
            .get(breaks.sentence.partition_point(|&x| x <= body_start))
            .map_or(text.len(), |&e| e);
        let end = end.min(body_start + LOOKBACK).max(body_start);
        let mut stop = end;
        while !text.is_char_boundary(stop) {
            stop -= 1;
        }
        let item_from = from.max(at.saturating_sub(LOOKBACK));
        let mut item_from = item_from;
        while !text.is_char_boundary(item_from) {
            item_from += 1;
        }
        let phrase = text[body_start..stop].trim_end_matches(['。', '；', ';']);
        out.push(Purpose {
            section,
            item: text[item_from..at].trim().to_owned(),
            text: phrase.trim().to_owned(),
            lines: j.lines_of(item_from, stop.max(item_from + 1)),
        });
        from = stop;
    }
}

/// The most breakdowns kept from one document.
const MAX_BREAKDOWNS: usize = 2000;

/// What opens a breakdown right after its whole's unit.
const BREAKDOWN_OPENERS: &[&str] = &[
    "，其中：",
    "，其中:",
    "，其中",
    ",其中",
    "（其中：",
    "（其中:",
    "（其中",
    "(其中：",
    "(其中",
];

/// The label printed before a number that starts at `at`: the words back to the previous clause
/// mark or bracket, without a leading 其中 and a trailing 为 / 约为 / 约 / 共 / 达.
fn label_before(text: &str, at: usize) -> String {
    let head = &text[..at];
    let from = head
        .char_indices()
        .rev()
        .find(|&(_, c)| "，,。；;：:（()）、".contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let mut label = head[from..].trim();
    label = label.strip_prefix("其中").unwrap_or(label);
    for w in ["约为", "为", "约", "共", "达", "合计"] {
        if let Some(l) = label.strip_suffix(w) {
            label = l;
            break;
        }
    }
    compact(label)
}

/// The breakdowns of the whole text outside the tables (a quantity split into parts may stand in
/// any part: the 编制说明, an asset paragraph, a project's description after the tables), read
/// from each run of lines between tables. Their section is the default: the lines say where.
pub fn read_breakdowns(lines: &[Line], seg: &Segments, doc: &mut Document) {
    let mut i = 0;
    while i < lines.len() {
        if seg.in_table(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !seg.in_table(i) {
            i += 1;
        }
        let j = Joined::new(&lines[start..i]);
        breakdowns(&j, SectionRef::default(), &mut doc.breakdowns);
    }
}

/// "A n 单位，其中 B n1 单位（…），C n2 单位" and "A n 单位（其中：B n1 单位，C n2 单位）": each quantity
/// followed by 其中 with the quantities of its unit at its level that follow, up to the end of
/// the sentence (or of its brackets). Parts printed inside a part's own brackets are left to
/// that part's breakdown. At least two parts make a breakdown.
fn breakdowns(j: &Joined, section: SectionRef, out: &mut Vec<Breakdown>) {
    let text = j.text.as_str();
    if !text.contains("其中") {
        return;
    }
    let ms = mentions(text);
    for (i, whole) in ms.iter().enumerate() {
        if out.len() >= MAX_BREAKDOWNS {
            return;
        }
        let after = &text[whole.end..];
        let Some(opener) = BREAKDOWN_OPENERS.iter().find(|o| after.starts_with(**o)) else {
            continue;
        };
        let mut cursor = whole.end + opener.len();
        let mut depth = 0usize;
        let mut parts: Vec<(String, Quantity)> = Vec::new();
        let mut last = cursor;
        'parts: for m in &ms[i + 1..] {
            if m.start < cursor {
                continue;
            }
            // A sentence's parts are a few dozen characters away, not pages (and a text with no
            // sentence end is not scanned to its end for every number).
            if m.start - whole.end > LOOKBACK {
                break;
            }
            for c in text[cursor..m.start].chars() {
                match c {
                    '（' | '(' => depth += 1,
                    '）' | ')' if depth == 0 => break 'parts,
                    '）' | ')' => depth -= 1,
                    '。' | '；' | ';' => break 'parts,
                    _ => {}
                }
            }
            if depth == 0 && m.unit == whole.unit && m.unit_text == whole.unit_text {
                parts.push((label_before(text, m.start), m.quantity(j)));
                last = m.end;
            }
            cursor = m.end;
        }
        if parts.len() >= 2 {
            let head = &text[..whole.start];
            let approximate = head.ends_with('约') || head.ends_with("约为");
            out.push(Breakdown {
                section,
                label: label_before(text, whole.start),
                approximate,
                whole: whole.quantity(j),
                parts,
                lines: j.lines_of(whole.start, last),
            });
        }
    }
}

/// "…包括：a、b、c。" lists without numbers.
fn listings(j: &Joined, section: SectionRef, department: Option<&str>, out: &mut Vec<Listing>) {
    let text = j.text.as_str();
    let mut from = 0;
    let mut found = 0;
    while let Some(at) = text[from..].find("包括").map(|i| i + from) {
        from = at + "包括".len();
        let Some(rest) = text[from..].strip_prefix(['：', ':']) else {
            continue;
        };
        found += 1;
        if found > 100 {
            break;
        }
        let start = from + (text[from..].len() - rest.len());
        let Some(end) = rest
            .char_indices()
            .take(LOOKBACK)
            .find(|&(_, c)| matches!(c, '。' | '；' | ';'))
            .map(|(i, _)| start + i)
        else {
            continue;
        };
        let body = &text[start..end];
        if !mentions(body).is_empty() || !body.contains('、') {
            continue;
        }
        let subject_start = after_last(text, at, |c| is_sentence_break(c) || c == '，');
        let mut subject =
            clean_subject(text[subject_start..at].trim_end_matches("主要"), department);
        // "人员经费2152.26万元，主要包括：…": what is listed is the clause before the comma, up to
        // its amount (a check must not tell two lists apart by their lines alone: a copy may
        // print a whole paragraph on one).
        if subject.is_empty() {
            if let Some(clause_end) = text[..subject_start].strip_suffix('，').map(str::len) {
                let clause_start = after_last(text, clause_end, is_clause_break);
                let clause = &text[clause_start..clause_end];
                let named = clause
                    .find(|c: char| c.is_ascii_digit())
                    .map_or(clause, |i| &clause[..i]);
                subject = clean_subject(named, department);
            }
        }
        let mut items = Vec::new();
        let mut pos = start;
        for item in body.split(['、', '，']) {
            let trimmed = item.trim();
            if !trimmed.is_empty() {
                items.push(Located {
                    value: trimmed.to_owned(),
                    line: j.line_at(pos),
                });
            }
            pos += item.len() + '、'.len_utf8();
        }
        out.push(Listing {
            section,
            subject,
            items,
        });
    }
}

/// The first sentence that says a table is empty: "…为空表。", "故本表无数据。", or the
/// 决算's "本部门2024年度无政府性基金预算财政拨款收入和支出。".
fn empty_statement(j: &Joined) -> Option<Located<String>> {
    let none_of = j.text.find("财政拨款收入和支出").filter(|&at| {
        let start = after_last(&j.text, at, |c| c == '。');
        j.text[start..at].contains('无') || j.text[start..at].contains("没有")
    });
    let at = [j.text.find("空表"), j.text.find("无数据"), none_of]
        .into_iter()
        .flatten()
        .min()?;
    let start = after_last(&j.text, at, |c| c == '。');
    let end = j.text[at..].find('。').map_or(j.text.len(), |i| at + i + 3);
    let sentence = j.text[start..end].trim();
    Some(Located {
        value: sentence.to_owned(),
        line: j.line_at(start + (j.text[start..].len() - j.text[start..].trim_start().len())),
    })
}

/// 七: one [`ProjectNote`] per "（n）项目名称：…" block.
fn projects(blocks: &[Block], doc: &mut Document) {
    for b in blocks
        .iter()
        .filter(|b| b.section.chapter == 7 && b.section.sub > 0)
    {
        let fields = &b.fields;
        let Some((_, name)) = fields.iter().find(|(k, _)| k == "项目名称") else {
            continue;
        };
        let name = name.text.clone();
        let amount = fields
            .iter()
            .find(|(k, _)| k == "预算安排规模")
            .and_then(|(_, j)| {
                mentions(&j.text)
                    .into_iter()
                    .find(Mention::money)
                    .map(|m| m.quantity(j))
            });
        let months = fields
            .iter()
            .find(|(k, _)| k == "资金执行时间")
            .and_then(|(_, j)| months_in(j));
        let allocation = fields.iter().find(|(k, _)| k == "资金分配情况");
        let terms = allocation
            .map(|(_, j)| allocation_terms(j, months.clone()))
            .unwrap_or_default();
        doc.projects.push(ProjectNote {
            section: b.section,
            name,
            amount,
            allocation: allocation.map(|(_, j)| Located {
                value: j.text.clone(),
                line: j.line_at(0),
            }),
            terms,
            lines: b.lines.iter().map(|l| l.no).collect(),
        });
    }
}

/// "key：value" fields, values joined across wrapped lines.
fn fields(lines: &[&Line]) -> Vec<(String, Joined)> {
    let mut out: Vec<(String, Joined)> = Vec::new();
    for line in lines {
        let t = line.text.trim_start_matches(|c: char| {
            c == '(' || c == '（' || "一二三四五六七八九十".contains(c)
        });
        let t = t.trim_start_matches([')', '）']);
        let key = t.split_once(['：', ':']).map(|(k, _)| k).filter(|k| {
            let n = k.chars().count();
            (2..=12).contains(&n)
                && !k.contains(['，', '。', '、'])
                && !k.bytes().any(|b| b.is_ascii_digit())
        });
        match key {
            Some(k) => {
                let value = &t[k.len()..];
                let value = value.trim_start_matches(['：', ':']).trim();
                let mut j = Joined::default();
                j.push_text(line.no, value);
                out.push((k.to_owned(), j));
            }
            None => {
                if let Some((_, j)) = out.last_mut() {
                    j.push(line);
                }
            }
        }
    }
    out
}

/// The months a funding period spans, printed on its line: "2024 年 1月 1 日-2024 年 12 月 31 日",
/// "2024.1.1-2024.12.31" and "二〇二四年1月1日-二〇二四年12月31日" (start and end dates), "2024 年
/// 1-12 月" (months of one year), "全年" and "2024 年度" (a whole year) are 12 个月; `None` for any
/// other wording.
fn months_in(j: &Joined) -> Option<Quantity> {
    // A year written in Chinese numerals ("二〇二四") read as digits.
    let digits: String = j
        .text
        .chars()
        .map(|c| match c {
            // Only 〇 for nought here; the lines' years in ○ or 零 are digits already (text.rs).
            '○' | '零' => c,
            _ => crate::text::chinese_digit(c).unwrap_or(c),
        })
        .collect();
    let nums: Vec<i64> = digits
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .map(|n| n.parse().ok())
        .collect::<Option<_>>()?;
    let year = |y: i64| (1900..=2200).contains(&y);
    let month = |m: i64| (1..=12).contains(&m);
    let months = match nums.as_slice() {
        [y1, m1, _, y2, m2, _] if year(*y1) && year(*y2) && month(*m1) && month(*m2) => {
            (y2 - y1) * 12 + (m2 - m1) + 1
        }
        [y, m1, m2] if year(*y) && month(*m1) && month(*m2) && digits.contains('月') => {
            m2 - m1 + 1
        }
        [] if digits.contains("全年") => 12,
        [y] if year(*y) && digits.contains("年度") => 12,
        _ => return None,
    };
    (1..=120).contains(&months).then(|| Quantity {
        value: Decimal::from(months),
        unit: QUnit::Count("个月".into()),
        line: j.line_at(0),
    })
}

/// The arithmetic of 资金分配情况: each amount, times the counts it is "每" of.
fn allocation_terms(j: &Joined, months: Option<Quantity>) -> Vec<AllocationTerm> {
    let text = j.text.as_str();
    // An allocation is a sentence or two; a longer text is not arithmetic to read.
    if text.len() > 4 * LOOKBACK {
        return Vec::new();
    }
    let ms = mentions(text);
    // Clause index of every byte offset.
    let clause_of = |at: usize| {
        text[..at]
            .chars()
            .filter(|&c| is_clause_break(c) || c == '、')
            .count()
    };
    let counts: Vec<(usize, &Mention)> = ms
        .iter()
        .filter(|m| matches!(&m.unit, QUnit::Count(w) if w != "个月"))
        .map(|m| (clause_of(m.start), m))
        .collect();
    let mut terms = Vec::new();
    for m in ms.iter().filter(|m| m.money()) {
        let c = clause_of(m.start);
        let clause_start = after_last(text, m.start, |ch| is_clause_break(ch) || ch == '、');
        let per_unit = text[clause_start..m.start].contains('每') || m.unit_text.contains('/');
        let mut multipliers = Vec::new();
        if per_unit {
            // The count it is "每" of: earlier in the clause, else in the clause before, else a
            // "共 N 名" right after.
            let same = counts
                .iter()
                .rev()
                .find(|(cc, cm)| *cc == c && cm.start < m.start);
            let prev = counts.iter().rev().find(|(cc, _)| *cc + 1 == c);
            let next = counts.iter().find(|(cc, cm)| {
                let s = after_last(text, cm.start, |ch| is_clause_break(ch) || ch == '、');
                *cc == c + 1 && text[s..cm.start].trim_start().starts_with('共')
            });
            if let Some((_, cm)) = same.or(prev).or(next) {
                multipliers.push(cm.quantity(j));
            }
            if m.unit_text.contains("/月") {
                // A monthly standard over a period not read: no arithmetic to judge.
                let Some(months) = &months else {
                    return Vec::new();
                };
                multipliers.push(months.clone());
            }
        }
        terms.push(AllocationTerm {
            amount: m.quantity(j),
            multipliers,
        });
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(s: &str) -> Joined {
        Joined::new(&crate::text::lines(s))
    }

    fn terms(s: &str) -> Vec<(String, Vec<String>)> {
        let months = Some(Quantity {
            value: Decimal::from(12),
            unit: QUnit::Count("个月".into()),
            line: 1,
        });
        allocation_terms(&joined(s), months)
            .into_iter()
            .map(|t| {
                (
                    t.amount.value.to_string(),
                    t.multipliers.iter().map(|m| m.value.to_string()).collect(),
                )
            })
            .collect()
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| (*x).to_owned()).collect()
    }

    #[test]
    fn allocation_arithmetic_forms() {
        assert_eq!(
            terms("管辖 5个社区，每个社区 10万元"),
            [("10".into(), s(&["5"]))]
        );
        assert_eq!(
            terms("0.15 万元用于文化场所打造成本、0.15 万元用于广告宣传制作成本"),
            [("0.15".into(), s(&[])), ("0.15".into(), s(&[]))]
        );
        assert_eq!(
            terms("每名网格党支部书记每年 0.12 万元，共 7 名网格党支部书记"),
            [("0.12".into(), s(&["7"]))]
        );
        assert_eq!(
            terms("初级社会工作者补助人数 26人，发放标准 0.03 万元/月/人；中级社会工作者补助人数 2 人，发放标准 0.04 万元/月/人"),
            [("0.03".into(), s(&["26", "12"])), ("0.04".into(), s(&["2", "12"]))]
        );
        assert_eq!(
            terms("开展文化传承宣传活动 2 场，每场 0.35 万元"),
            [("0.35".into(), s(&["2"]))]
        );
        assert_eq!(
            terms("4 个大社区每个社区 20.00 万元，1 个中社区 15.00 万元"),
            [("20.00".into(), s(&["4"])), ("15.00".into(), s(&[]))]
        );
        assert_eq!(
            terms("打造社区网格数量 46个，每个网格打造费用 0.50 万元"),
            [("0.50".into(), s(&["46"]))]
        );
        assert_eq!(
            terms("12名人大代表履职补助共 0.58 元，人大代表调研活动费 0.96 万元"),
            [("0.58".into(), s(&[])), ("0.96".into(), s(&[]))]
        );
    }

    #[test]
    fn mentions_skip_years_dates_and_document_numbers() {
        let ms = mentions("巴财教〔2023〕51 号自治区 2024 年美术馆 0.70 万元，2024 年 1月 1 日，单位价值 50 万元以上大型设备 0 台");
        let got: Vec<String> = ms
            .iter()
            .map(|m| format!("{}{}", m.value, m.unit_text))
            .collect();
        assert_eq!(got, ["0.70万元", "0台"]);
    }

    #[test]
    fn a_comparison_with_yu_and_xiangbi_is_a_comparison_only() {
        for c in [
            "与上年相比",
            "与年初预算相比",
            "与2021年度预算相比较",
            "比年初预算数",
        ] {
            assert_eq!(strip_comparative(c), "", "{c}");
        }
        // Without its 相比, "与" is no comparison; a subject stays.
        assert_eq!(strip_comparative("与上年"), "与上年");
        assert_eq!(strip_comparative("与上年相比支出"), "支出");
    }

    #[test]
    fn a_change_names_a_budget_only_in_its_comparison() {
        assert!(names_budget("，与2021年度预算相比，增加"));
        assert!(names_budget("，与年初预算相比增加"));
        assert!(names_budget("公务接待费支出比预算减少"));
        // Last year's budget, last year, or a subject that says 预算: not a budget's base.
        assert!(!names_budget("，比上年预算增加"));
        assert!(!names_budget("，与上年相比增加"));
        assert!(!names_budget("一般公共预算支出较2020年增加"));
        assert!(!names_budget("增加"));
        // Last year's outturn ("预算执行数"), a 决算: not the year's budget.
        assert!(!names_budget("，较2020年预算执行数减少"));
        assert!(!names_budget("，比2020年决算数减少"));
        // The year a comparison names, for a budget of another year than the document's.
        assert_eq!(compared_year("，与2021年度预算相比，增加"), Some(2021));
        assert_eq!(compared_year("，与年初预算相比增加"), None);
    }

    #[test]
    fn flat_is_a_comparison_with_another_year() {
        assert!(compares_years(
            "国有资本经营预算拨款支出预算0万元，比2022年预算"
        ));
        assert!(compares_years("与2023年度相比，财政拨款收入支出总计"));
        assert!(compares_years("“三公”经费预算数为0.95万元，与上年预算"));
        // 决算数 against 预算数 compares within the year.
        assert!(!compares_years("决算数与预算数"));
        assert_eq!(without_year_comparison("比2022年预算"), "");
        assert_eq!(without_year_comparison("与2024年预算"), "");
        assert_eq!(
            without_year_comparison("2024年度“三公”经费财政拨款支出决算数与2023年度"),
            "2024年度“三公”经费财政拨款支出决算数"
        );
        assert_eq!(
            without_year_comparison("财政拨款收入支出总计"),
            "财政拨款收入支出总计"
        );
        assert_eq!(flat_words("决算数与预算数基本持平。三公持平"), [42]);
    }

    #[test]
    fn comparisons_are_stripped() {
        assert_eq!(strip_comparative("比上年预算"), "");
        assert_eq!(strip_comparative("比2022年预算执行数"), "");
        assert_eq!(strip_comparative("较上年剩余资金"), "剩余资金");
        assert_eq!(
            clean_subject(
                "库尔勒市朝阳街道办事处 2024 年支出预算",
                Some("库尔勒市朝阳街道办事处")
            ),
            "支出预算"
        );
        assert_eq!(
            clean_subject("其中：因公出国（境）费", None),
            "因公出国（境）费"
        );
        assert_eq!(clean_subject("2024 年预算数为", None), "预算数");
        // "总计" is a name (the Shanghai 决算's "收入支出总计2995.39万元"); a bare "计" or
        // "共计" before the amount is filler.
        assert_eq!(
            clean_subject(
                "上海市普陀区财政局2024年度收入支出总计",
                Some("上海市普陀区财政局")
            ),
            "收入支出总计"
        );
        assert_eq!(clean_subject("项目支出共计", None), "项目支出");
        assert_eq!(clean_subject("办公设备计", None), "办公设备");
    }

    /// The text of each line after [`restore_displaced_numbers`], the lines moved back left out.
    fn restored(text: &str) -> Vec<String> {
        let mut lines = crate::text::lines(text);
        let seg = super::super::segment::segment(&lines);
        let mut r = restore_displaced_numbers(&lines, &seg);
        r.apply(&mut lines);
        lines
            .iter()
            .enumerate()
            .filter(|(i, _)| !r.moved.contains(i))
            .map(|(_, l)| l.text.clone())
            .collect()
    }

    #[test]
    fn numbers_moved_to_the_next_line_go_back_into_their_gaps() {
        // pdfplumber's copy of caizhengju-2024-final (lines 506–507, 514–519, 559–565).
        assert_eq!(
            restored("一般公共预算财政拨款支出 万元，占本年支出合计的 。与 年\n2940.05 100.00% 2023\n度相比"),
            ["一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%。与2023年", "度相比"]
        );
        assert_eq!(
            restored("卫生健康支出（类） 万元，占 ；住房保障支出（类） 万元，占\n60.99 2.07% 445.69\n；\n15.16%"),
            ["卫生健康支出（类）60.99万元，占2.07%；住房保障支出（类）445.69万元，占", "15.16%；"]
        );
        assert_eq!(
            restored("、社会保障和就业支出（类）机关事业单位职业年金\n7\n缴费支出（项）。年初预算为 万\n80.81\n元，支出决算为 万元。决算数小于预算数，实\n80.38\n际执行"),
            [
                "7、社会保障和就业支出（类）机关事业单位职业年金",
                "缴费支出（项）。年初预算为80.81万",
                "元，支出决算为80.38万元。决算数小于预算数，实",
                "际执行"
            ]
        );
        // Each number into a gap that fits it: a percentage before a clause mark, a year before
        // 年; no gap before other words ("三公 经费", where quotation marks were).
        assert_eq!(
            restored("预算的 。 年度 三公 经费支出决算数小于预算数\n0% 2024"),
            ["预算的0%。2024年度 三公 经费支出决算数小于预算数"]
        );
        assert_eq!(
            restored("为 不合格 的项目 个。共发现问题 个，已经完成整改的 个，正在整改的\n0 0 0\n个）。\n0"),
            ["为 不合格 的项目0个。共发现问题0个，已经完成整改的0个，正在整改的", "0个）。"]
        );
        assert_eq!(
            restored("“ ”\n三公 经费财政拨款支出年初预算为 万元，支出决算为 万元，完成预算的\n“ ” 0.95 0.00"),
            ["“ ”", "三公 经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的"]
        );
    }

    /// The text of each line after [`reorder_lines_printed_early`].
    fn reordered(text: &str) -> Vec<String> {
        let mut lines = crate::text::lines(text);
        let seg = super::super::segment::segment(&lines);
        reorder_lines_printed_early(&mut lines, &seg);
        lines.into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn a_line_printed_above_the_one_it_continues_goes_after_it() {
        // pdftotext -layout's copy of caizhengju-2024-final (lines 540–542, 565–567, 667–670).
        assert_eq!(
            reordered("三、支出决算情况说明\n603.14万元，占20.51%；\n本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%； 项目支出"),
            [
                "三、支出决算情况说明",
                "本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%； 项目支出",
                "603.14万元，占20.51%；"
            ]
        );
        assert_eq!(
            reordered("区财政局预算绩效管理实施办法，建立了工作机制；实行\n598.42万元；绩效跟踪评价的2024年度项目4个\n全过程绩效管理实施情况跟踪：编报绩效目标的2024年度项目4个，涉及预算金额"),
            [
                "区财政局预算绩效管理实施办法，建立了工作机制；实行",
                "全过程绩效管理实施情况跟踪：编报绩效目标的2024年度项目4个，涉及预算金额",
                "598.42万元；绩效跟踪评价的2024年度项目4个"
            ]
        );
        // A line that begins with an amount after the words that introduce it stays.
        for text in [
            "一般公共预算财政拨款支出决算为\n603.14万元，占20.51%；\n主要用于",
            "（二）项目支出\n603.14万元，占20.51%。\n其中：",
            // Re-wrapped narratives (wanli-2023 and the sample at 33 characters a line): an
            // amount after a quoted subject, an item's end before the next item, and a line
            // whose own amount follows it, stay.
            "5. “一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）”\n100.20万元，主要用于宣传事务一般行政管理事务。2022年当年预算执行数\n为79.90万元，2023年预算安排100.20万元，比2022年预算执行数增加\n25.41%。主要原因是：宣传事务一般行政管理事务经费增加。",
            "3．巴财行〔2022〕33 号关于提前下达 2023 年基层人大补助经费的通知\n1.00 万元，主要用于新建丰源社区“睦邻汇”人大联络站打造支出。\n4．巴财行〔2023〕37 号关于下达自治州“五个好”党支部示范点补助经费\n的通知 6.00 万元，主要用于保障 2个“五个好党支部”正常运转。",
        ] {
            let want: Vec<String> = crate::text::lines(text)
                .into_iter()
                .map(|l| l.text)
                .collect();
            assert_eq!(reordered(text), want, "{text}");
        }
    }

    #[test]
    fn a_quotation_or_a_paragraph_end_printed_early_goes_after_its_line() {
        // pdftotext -layout's copy of caizhengju-2024-final (lines 666–675): "“优”…" sits
        // above the line that introduces it ("…绩效评级为"), and "0个）。", the paragraph's end,
        // above the line it ends (a heading follows, and "…正在整改的" ends no clause).
        assert_eq!(
            reordered("598.42万元；绩效自评\n“优”的项目4个；绩效评级为“良”的项目0个；绩效评级\n的2024年度项目4个，平均得分99.43分（其中，绩效评级为\n0个）。\n为“不合格”的项目0个。已经完成整改的0个，正在整改的\n十一、其他重要事项的情况说明"),
            [
                "598.42万元；绩效自评",
                "的2024年度项目4个，平均得分99.43分（其中，绩效评级为",
                "“优”的项目4个；绩效评级为“良”的项目0个；绩效评级",
                "为“不合格”的项目0个。已经完成整改的0个，正在整改的",
                "0个）。",
                "十一、其他重要事项的情况说明",
            ]
        );
        // A paragraph that begins with a quotation, a list item's number, or what is left of a
        // line whose numbers a copy moved (caizhengju tsv 478–482) stay where they are.
        for text in [
            "（一）机关运行经费支出情况\n“三公”经费财政拨款支出年初预算为0.95万元，支出决算\n为0.00万元。",
            "1、一般公共服务支出。\n2个项目，主要用于\n办公。\n二、其他",
            "“ ” 0 0 0\n0个）。\n0\n十一、其他重要事项的情况说明",
            // A wrap before a quotation in running text (the sample, line 1653 wrapped before
            // “五个好党支部”): the next line ends with 设计, not a word that introduces a quotation.
            "费的通知 6.00 万元，主要用于保障 2个\n“五个好党支部”正常运转，其中丰\n源社区第四网格党支部活动费用成本 3.00 万元，新疆鸿润源水利电勘测设计\n院有限公司党支部活动费用成本 3.00 万元。",
        ] {
            let want: Vec<String> = crate::text::lines(text)
                .into_iter()
                .map(|l| l.text)
                .collect();
            assert_eq!(reordered(text), want, "{text}");
        }
    }

    #[test]
    fn a_subject_does_not_begin_with_a_closing_quotation_mark() {
        // pdfplumber's copy of caizhengju-2024-final puts the "”" of "“三公”" (printed on a
        // line of its own) back before the next sentence.
        assert_eq!(
            clean_subject("”2024年度 三公 经费财政拨款支出决算数", None),
            "三公 经费财政拨款支出决算数"
        );
        assert_eq!(clean_subject("“三公”经费", None), "“三公”经费");
    }

    #[test]
    fn lines_of_numbers_without_gaps_for_them_stay() {
        for text in [
            // One way to put the numbers back, or nothing moves: a gap before 万元 left empty,
            // a number that fits no gap, two ways.
            "年初预算为 万元，支出决算为 万元。\n161.62",
            "占本年支出合计的 。\n2940.05",
            "增长 ，下降 。\n1.00%",
            // A page number is no item number or count.
            "支出决算为 万元，详见下表。\n3",
            // A number that is not moved: the line before has no gap.
            "本年支出合计 2940.05 万元。\n2940.05",
        ] {
            let want: Vec<String> = crate::text::lines(text)
                .into_iter()
                .map(|l| l.text)
                .collect();
            assert_eq!(restored(text), want, "{text}");
        }
    }
}
