//! Finding the document's parts (第一–第四部分, or the Shanghai budget's section headings), each
//! table's span and the 绩效目标表, and titles that look like tables but name none we know.

use super::schema::title_match;
use super::tables;
use crate::model::{Family, PerformanceScope, Scope, TableKind};
pub use crate::text::compact;
use crate::text::{at_most_chars, Line};

/// A table found by its title: lines `start..end` (indices into the line list), title first.
#[derive(Debug, Clone)]
pub struct TableSpan {
    /// What the title says the table is.
    pub kind: TableKind,
    /// The number printed before the title ("表 2"), if any.
    pub number: Option<u8>,
    /// The family whose title form the title matched.
    pub family: Family,
    /// Whose table the title says it is (部门 or 单位 / 预算单位 in front of the title form), when
    /// it says.
    pub scope: Option<Scope>,
    /// The title as printed.
    pub title: String,
    /// Index of the title line.
    pub start: usize,
    /// Index just past the table's last line.
    pub end: usize,
}

/// A 绩效目标表: lines `start..end`.
#[derive(Debug, Clone)]
pub struct PerfSpan {
    /// Department-wide or project.
    pub scope: PerformanceScope,
    /// Index of the title line.
    pub start: usize,
    /// Index just past its last line.
    pub end: usize,
}

/// The document's layout, as indices into the line list.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    /// `(part number, index of its heading line)`, in order.
    pub parts: Vec<(u8, usize)>,
    /// Tables in printed order.
    pub tables: Vec<TableSpan>,
    /// 绩效目标表 in printed order.
    pub performance: Vec<PerfSpan>,
    /// Per line: inside a table or a 绩效目标表.
    pub covered: Vec<bool>,
    /// Lines that look like table titles (a short line ending in 表, with a table header
    /// after it) but name no table any family defines: `(index, title)`.
    pub unknown_titles: Vec<(usize, String)>,
}

/// The most tables read from one text; a disclosure has about a dozen.
pub const MAX_TABLES: usize = 64;

impl Segments {
    /// The line range of part `n` (heading excluded), if the part exists.
    pub fn part(&self, n: u8, total: usize) -> Option<std::ops::Range<usize>> {
        let i = self.parts.iter().position(|&(p, _)| p == n)?;
        let start = self.parts[i].1 + 1;
        let end = self.parts.get(i + 1).map_or(total, |&(_, l)| l);
        Some(start..end.max(start))
    }

    /// True when line `i` lies inside a table or a 绩效目标表.
    pub fn in_table(&self, i: usize) -> bool {
        self.covered.get(i).copied().unwrap_or(false)
    }
}

/// "第一部分" … "第四部分" at the start of a line.
fn part_number(compact: &str) -> Option<u8> {
    let rest = compact.strip_prefix('第')?;
    let n = match rest.chars().next()? {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        _ => return None,
    };
    rest[3..].starts_with("部分").then_some(n)
}

/// The number printed on the heading of part `n` (numbered as the reader numbers parts) where it
/// is another: `Some(2)` for a "第二部分 …情况说明" read as the 说明's part.
pub fn printed_part(seg: &Segments, lines: &[Line], n: u8) -> Option<u8> {
    let &(_, i) = seg.parts.iter().find(|&&(p, _)| p == n)?;
    part_number(lines.get(i)?.compact()).filter(|&printed| printed != n)
}

/// What the findings call the 说明 when its heading prints no part number
/// ([`crate::model::Document::narrative_name`]): the heading's own words after its department and
/// year ("2025年部门预算编制说明" → 部门预算编制说明, "其他相关情况说明"), or 说明 for a text whose
/// 说明 has no heading or a long one. Empty when the heading prints a part number ("第三部分 …"):
/// that number names it.
pub fn narrative_name(seg: &Segments, lines: &[Line]) -> String {
    let heading = seg
        .parts
        .iter()
        .find(|&&(p, _)| p == 3)
        .and_then(|&(_, i)| lines.get(i))
        .map(|l| l.compact().trim_end_matches(['：', ':']));
    if heading.is_some_and(|h| part_number(h).is_some()) {
        return String::new();
    }
    let own = heading.map(|h| after_year(h).unwrap_or(h));
    match own {
        Some(own) if own.ends_with("说明") && at_most_chars(own, 16) && !at_most_chars(own, 3) => {
            own.to_owned()
        }
        _ => "说明".to_owned(),
    }
}

/// The words after a title's year: "上海市普陀区财政局2024年度部门决算情况说明" → 部门决算情况说明.
fn after_year(title: &str) -> Option<&str> {
    let b = title.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let year =
            b[i..i + 4].iter().all(u8::is_ascii_digit) && (i == 0 || !b[i - 1].is_ascii_digit());
        if !year {
            return None;
        }
        let rest = title.get(i + 4..)?.strip_prefix('年')?;
        Some(rest.strip_prefix('度').unwrap_or(rest))
    })
}

/// What a part's title says the part holds ([`part_by_title`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum PartTitle {
    /// The part the reader numbers so (1 概况, 2 tables, 3 说明, 4 名词解释).
    Is(u8),
    /// Another 说明 ("其他重要事项的情况说明", "…资金安排情况说明").
    MoreExplanation,
}

/// Parts numbered as another template numbers them, renumbered as the reader numbers them
/// ([`part_by_title`]): only where the printed 第三部分 is not the 说明 (its title names 名词解释,
/// the tables, the 概况 or another 说明, or there is none) and a part's title names the 说明. A
/// document whose 第三部分 is its 说明, or whose titles say nothing, keeps its numbers. Another 说明
/// right after the 说明 (Beijing's 第三部分 "其他重要事项的情况说明" after 第二部分 "…决算说明")
/// continues it; elsewhere it is kept apart (part 5, which no rule reads).
fn renumber_parts(parts: &mut Vec<(u8, usize)>, lines: &[Line]) {
    let titled: Vec<Option<PartTitle>> = parts
        .iter()
        .map(|&(_, i)| part_by_title(lines, i))
        .collect();
    let third_is_other = parts
        .iter()
        .zip(&titled)
        .filter(|((n, _), _)| *n == 3)
        .all(|(_, t)| t.is_some_and(|t| t != PartTitle::Is(3)));
    if !third_is_other || !titled.contains(&Some(PartTitle::Is(3))) {
        return;
    }
    let mut previous = 0;
    for ((n, _), t) in parts.iter_mut().zip(titled) {
        *n = match t {
            Some(PartTitle::Is(t)) => t,
            Some(PartTitle::MoreExplanation) if previous == 3 => 3,
            Some(PartTitle::MoreExplanation) => 5,
            None => *n,
        };
        previous = *n;
    }
    // A continuing 说明 is no part of its own.
    parts.dedup_by_key(|p| p.0);
}

/// The part a "第N部分" heading opens by what its title says, where templates number their parts
/// differently: the Xinjiang and Shanghai ones print the 说明 as 第三部分, others (Sichuan's,
/// Beijing's) as 第二部分 with 名词解释 or other matters third and the tables first or last. The
/// title may stand on the line after a bare "第二部分". `None` when the title names none of them
/// (the printed number stands).
fn part_by_title(lines: &[Line], i: usize) -> Option<PartTitle> {
    let c = lines.get(i)?.compact();
    let own = c
        .get(c.char_indices().nth(4).map_or(c.len(), |(at, _)| at)..)
        .unwrap_or("")
        .trim_start_matches(['：', ':', '、', ' ']);
    let title = if own.is_empty() {
        let next = lines
            .iter()
            .skip(i + 1)
            .take(3)
            .find(|l| !l.compact().is_empty())?;
        next.compact()
    } else {
        own
    };
    if !is_title_like(title) || part_number(title).is_some() {
        return None;
    }
    let explains = title.contains("说明") && !title.contains('表');
    if title.contains("名词解释") {
        Some(PartTitle::Is(4))
    } else if explains && (title.contains("预算") || title.contains("决算")) {
        Some(PartTitle::Is(3))
    } else if explains {
        Some(PartTitle::MoreExplanation)
    } else if title.ends_with('表') || title.contains("公开表") {
        Some(PartTitle::Is(2))
    } else if title.ends_with("概况") {
        Some(PartTitle::Is(1))
    } else {
        None
    }
}

/// The kind of table a title line announces, the family whose title form it is, and the scope
/// its words name, when the line is a title.
fn title_kind(compact: &str) -> Option<(TableKind, Family, Option<Scope>)> {
    // Titles are short; a sentence that mentions a table name is not a title. (Matching
    // first: it rejects most lines at their last character.)
    title_match(compact)
        .filter(|_| is_title_like(compact))
        .map(|m| (m.title.kind, m.title.family, m.scope))
}

/// Short, no sentence punctuation: the shape of a title line.
fn is_title_like(compact: &str) -> bool {
    at_most_chars(compact, 40) && !compact.contains('，') && !compact.contains('。')
}

/// A title-shaped line ending in 表 that no family defines ("部门收支预算明细表").
fn unknown_title(compact: &str) -> bool {
    compact.ends_with('表')
        && is_title_like(compact)
        && !at_most_chars(compact, 3)
        && title_match(compact).is_none()
        && !compact.ends_with("绩效目标表")
        && !compact.contains("目录")
}

/// The part a Shanghai 部门预算 section heading opens, for documents that print no 第N部分:
/// 部门预算编制说明 (单位预算编制说明 in a unit's budget; with 其他相关情况说明 after the tables)
/// is 第三部分; 项目经费情况说明, which describes one project in free text, is kept apart as
/// part 5 so that no narrative rule reads its numbers. The heading may carry the year or the
/// department in front.
fn shanghai_section(compact: &str) -> Option<u8> {
    // Both headings end in 说明, perhaps with a colon after it.
    if !compact.ends_with(['明', '：', ':']) || !at_most_chars(compact, 40) {
        return None;
    }
    let bare = compact.trim_end_matches(['：', ':']);
    let explains_budget = bare
        .strip_suffix("预算编制说明")
        .is_some_and(|head| head.ends_with("部门") || head.ends_with("单位"));
    if explains_budget && !bare.contains('、') {
        Some(3)
    } else if bare == "项目经费情况说明" {
        Some(5)
    } else {
        None
    }
}

/// A numbered heading of an explanation ("二、2021年度…“三公”经费支出情况说明", "（一）…总体情况说明"):
/// it ends the table before it, as a part does. No row of a table is labelled so, while the
/// other numbered lines may be row labels ("一、本年收入") and end no table.
fn explains(compact: &str) -> bool {
    (is_chapter_heading(compact) || is_sub_heading(compact))
        && compact
            .trim_end_matches(['：', ':', '。'])
            .ends_with("说明")
}

/// "其他相关情况说明": a heading that ends the tables of a Shanghai budget and continues its
/// 第三部分.
fn is_shanghai_continuation(compact: &str) -> bool {
    compact == "其他相关情况说明"
}

/// The title of a 说明 of a budget or final accounts ("上海市普陀区财政局2024年度部门决算情况说明",
/// "2024年部门预算情况说明"): a title, not a numbered chapter of one ("一、…预算情况说明") nor an
/// entry of a table of contents (leader dots). Such a title names the department, the year and
/// what is explained, and runs longer than a table's title: "杜集区机关事务管理中心2021年度一般公共预算
/// 财政拨款“三公”经费支出决算情况说明" has 41 characters.
fn is_explanation_title(compact: &str) -> bool {
    let bare = compact.trim_end_matches(['：', ':']);
    bare.ends_with("说明")
        && (bare.contains("预算") || bare.contains("决算"))
        && (is_title_like(bare) || long_explanation_title(bare))
        && !bare.contains(['、', '…', '：', ':'])
        && !bare.contains("..")
        && !is_sub_heading(bare)
}

/// A title longer than a table's (41 to 64 characters) that names its year and what it
/// explains: "某区机关事务管理中心2021年度一般公共预算财政拨款“三公”经费支出决算情况说明". Not a
/// sentence that says what follows ("以下就本单位2021年度…有关情况作如下说明").
fn long_explanation_title(bare: &str) -> bool {
    at_most_chars(bare, 64)
        && !bare.contains(['，', '。', ',', '；'])
        && !["如下", "以下", "现将", "现就"]
            .iter()
            .any(|w| bare.contains(w))
        && bare.ends_with("情况说明")
        && crate::parse::numbers::embedded(bare).iter().any(|e| {
            e.value.scale() == 0
                && e.value >= 2000.into()
                && e.value < 2100.into()
                && bare[e.end..].starts_with('年')
        })
}

/// A heading of the Shanghai budget's own sections: 部门预算编制说明 (单位预算编制说明),
/// 项目经费情况说明, 其他相关情况说明. A text that has one follows the Shanghai template even
/// without a table.
pub fn is_shanghai_heading(compact: &str) -> bool {
    shanghai_section(compact).is_some() || is_shanghai_continuation(compact)
}

/// "表 2" / "表2" / "表二" on its own line.
fn table_number(compact: &str) -> Option<u8> {
    // "表 1" or "表 一" (some documents number their tables in Chinese).
    let rest = compact.strip_prefix('表')?;
    rest.parse().ok().or_else(|| chinese_number(rest))
}

/// Whether a table header ("编制部门：…", "单位：万元") follows within a few lines.
fn header_follows(lines: &[Line], i: usize) -> bool {
    // The column words of the lines read so far: a copy that lost the unit label (and prints
    // no 编制部门 line, as the 决算 tables do) still heads its table with them.
    let mut columns = String::new();
    for l in lines.iter().skip(i + 1).take(6) {
        let c = l.compact();
        if title_kind(c).is_some() || table_number(c).is_some() || unknown_title(c) {
            return false;
        }
        if c.contains("单位：")
            || c.contains("编制部门")
            || c.contains("单位:")
            || super::tables::unit_in(&l.text).is_some()
        {
            return true;
        }
        columns.push_str(c);
        if is_column_header(&columns) {
            return true;
        }
    }
    false
}

/// A table's column header, on one line or a few ("项目 预算数 项目 预算数", "经济分类" /
/// "科目名称 决算数", "项目" / "年初结转和" / "结余 本年收入"): two column words or more, no
/// sentence, no amount.
fn is_column_header(c: &str) -> bool {
    const WORDS: [&str; 15] = [
        "项目",
        "科目",
        "预算数",
        "决算数",
        "合计",
        "小计",
        "本年收入",
        "本年支出",
        "结转",
        "因公出国",
        "公务接待",
        "经济分类",
        "一般公共预算",
        "政府性基金",
        "国有资本经营",
    ];
    at_most_chars(c, 60)
        && !c.contains(['。', '，', '；', '：', ':', '.'])
        && WORDS.iter().filter(|w| c.contains(*w)).count() >= 2
}

/// The scope of a 绩效目标表 a line titles.
fn performance_title(c: &str) -> Option<PerformanceScope> {
    if !at_most_chars(c, 19) {
        None
    } else if c.ends_with("部门整体绩效目标表") {
        Some(PerformanceScope::Department)
    } else if c.ends_with("项目支出绩效目标表") || c.ends_with("项目支出绩效目标填报表")
    {
        Some(PerformanceScope::Project)
    } else {
        None
    }
}

/// A table's title a narrow title cell or a copy broke onto two lines ("2023年部" / "门财务收支
/// 预算总表", "…基本支出部门预算经济分类预算" / "表") is put back on one, where neither line is a
/// title of that table on its own, both are title-shaped (no sentence, no figures), the two read
/// as one title of a table we know, and a table header follows. The joined line keeps the first
/// line's number; so is a 绩效目标表's title. Returns how many titles were joined.
pub(crate) fn rejoin_split_titles(lines: &mut Vec<Line>) -> usize {
    let title_part = |c: &str| {
        is_title_like(c)
            && !c.contains(['：', ':', '；'])
            && !c.contains("编制部门")
            && !c.contains("编制单位")
            && chapter_number(c).is_none()
            && sub_number(c).is_none()
    };
    // No figure but a year or a table's number: "2023年部", "表1", not "合计 9.60".
    let no_figures = |t: &str| {
        t.split_whitespace().all(|w| {
            !w.starts_with(|c: char| c.is_ascii_digit())
                || w.trim_end_matches(|c: char| !c.is_ascii_digit())
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                    && w.bytes().take_while(u8::is_ascii_digit).count() <= 4
                    && !w.contains('.')
        })
    };
    // "2025年", "2025年预": a title's first words, its year (a row's label does not begin with
    // one), broken off by a narrow cell.
    let year_first = |c: &str| {
        let digits = c.bytes().take_while(u8::is_ascii_digit).count();
        digits == 4 && c[4..].starts_with('年')
    };
    let mut joined = 0;
    let mut i = 0;
    while i + 1 < lines.len() {
        let (a, b) = (&lines[i], &lines[i + 1]);
        let (ca, cb) = (a.compact(), b.compact());
        let both = format!("{ca}{cb}");
        let as_one = title_kind(&both);
        let better = |alone: Option<(TableKind, Family, Option<Scope>)>| {
            let longer = |x: &str| title_match(x).map_or(0, |m| m.title.text.len());
            alone.is_none()
                || year_first(ca)
                || alone.map(|k| (k.0, k.2)) != as_one.map(|k| (k.0, k.2))
                || longer(&both) > longer(cb)
        };
        // A 绩效目标表's title ("财政项" / "目支出绩效目标填报表"): its rows follow, no header.
        let performance = performance_title(&both).is_some()
            && performance_title(ca).is_none()
            && performance_title(cb).is_none()
            && title_part(ca)
            && no_figures(&a.text);
        let join = performance
            || as_one.is_some()
                && title_kind(ca).is_none()
                && better(title_kind(cb))
                && title_part(ca)
                && title_part(cb)
                && no_figures(&a.text)
                && no_figures(&b.text)
                && header_follows(lines, i + 1);
        if join {
            let text = format!("{}{}", a.text, b.text);
            lines[i] = Line::new(a.no, text);
            lines.remove(i + 1);
            joined += 1;
        }
        i += 1;
    }
    joined + restore_title_years(lines)
}

/// A unit label a narrow header cell or a copy broke across two lines is put back on one line,
/// so the table's unit is read from its own header: broken before its unit ("编制部门：X 单位:" /
/// "万元", "单位（" / "元）", "单位" / "万元", the line's end standing for a space) or anywhere
/// inside the label ("…办公室 单" / "位：元", "单位" / "：万元", "单位：万" / "元", "(单" /
/// "位:元)"). Only where the second line is the label's rest alone and the two make a unit label
/// (as [`tables::unit_labels`] reads one: not 编制单位, 预算单位, 填报单位 or 主管单位, which name
/// a body) that ends the line, but for its closing bracket. Returns how many were joined.
pub(crate) fn rejoin_split_units(lines: &mut Vec<Line>) -> usize {
    let mut joined = 0;
    let mut i = 0;
    while i + 1 < lines.len() {
        let a = lines[i].text.trim_end();
        let b = lines[i + 1].text.trim();
        // The label's 单 is on the first line: a character search rules out most lines.
        let text = (a.contains('单') && !b.is_empty())
            .then(|| {
                [format!("{a}{b}"), format!("{a} {b}")]
                    .into_iter()
                    .find(|t| unit_label_across(t, a.len()))
            })
            .flatten();
        if let Some(text) = text {
            lines[i] = Line::new(lines[i].no, text);
            lines.remove(i + 1);
            joined += 1;
        }
        i += 1;
    }
    joined
}

/// Whether `joined`, two lines of which the first was `cut` bytes long, ends with a unit label
/// whose 单 is on the first line and its unit's last character on the second: "…单位：万元",
/// "…(单位:元)".
fn unit_label_across(joined: &str, cut: usize) -> bool {
    tables::unit_labels(joined).any(|l| {
        let rest = joined[l.end..].trim();
        l.start < cut && l.end > cut && matches!(rest, "" | ")" | "）")
    })
}

/// A table's title whose year a copy printed on the line after it, alone ("部门收入预算总表" /
/// "2023年", "年部门收入预算总表" / "2023", as pdfplumber prints a title whose year is set
/// apart): the year goes back into the title, before its bare 年 if it has one, else before it,
/// and its line is dropped. Only a title of a table we know, without a year of its own, and a
/// line of a year alone (19xx/20xx, with or without 年/年度), a year the titles agree on: one
/// that titles print themselves, or, where none does, the one two titles or more are followed
/// by. Returns how many titles took one.
fn restore_title_years(lines: &mut Vec<Line>) -> usize {
    let year_alone = |c: &str| -> Option<(String, bool)> {
        let digits: String = c.chars().take_while(char::is_ascii_digit).collect();
        let rest = &c[digits.len()..];
        let year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
        (year && matches!(rest, "" | "年" | "年度")).then_some((digits, !rest.is_empty()))
    };
    // The byte offset of a 年 no digit precedes; whether some 年 follows four digits.
    let bare_year_word = |t: &str| {
        t.char_indices()
            .find(|&(k, ch)| ch == '年' && !t[..k].ends_with(|c: char| c.is_ascii_digit()))
            .map(|(k, _)| k)
    };
    // The years the titles print themselves, and those the lines after titles without one
    // would give: a year line is a title's only when it is a year the titles agree on (a
    // header's "2023年" split off its cell after a title must not set the document's year).
    let year_of_title = |t: &str| -> Option<String> {
        let k = t.char_indices().find(|&(k, ch)| {
            ch == '年'
                && t[..k]
                    .chars()
                    .rev()
                    .take_while(char::is_ascii_digit)
                    .count()
                    >= 4
        })?;
        Some(t[k.0 - 4..k.0].to_owned())
    };
    let has_year = |t: &str| year_of_title(t).is_some();
    let printed: std::collections::BTreeSet<String> = lines
        .iter()
        .filter(|l| title_kind(l.compact()).is_some())
        .filter_map(|l| year_of_title(l.compact()))
        .collect();
    let offers: Vec<String> = lines
        .windows(2)
        .filter(|w| title_kind(w[0].compact()).is_some() && !has_year(w[0].compact()))
        .filter_map(|w| year_alone(w[1].compact()).map(|(d, _)| d))
        .collect();
    // Where no title prints a year, two titles or more must offer the same one, and no title
    // another (a copy that sets titles' years apart does so for every title).
    let agreed = |year: &str| {
        if printed.is_empty() {
            offers.len() >= 2 && offers.iter().all(|y| y == year)
        } else {
            printed.contains(year)
        }
    };
    let mut restored = 0;
    let mut i = 0;
    while i + 1 < lines.len() {
        let (a, b) = (&lines[i], &lines[i + 1]);
        let year = year_alone(b.compact()).filter(|(d, _)| agreed(d));
        let text = a.text.trim();
        let title = title_kind(a.compact()).is_some()
            && !has_year(a.compact())
            && !text.starts_with(|c: char| c.is_ascii_digit());
        if let (Some((digits, with_word)), true) = (year, title) {
            let joined = match bare_year_word(text) {
                Some(k) => format!("{}{digits}{}", &text[..k], &text[k..]),
                None if with_word => format!("{}{text}", b.text.trim()),
                None => format!("{digits}年{text}"),
            };
            lines[i] = Line::new(a.no, joined);
            lines.remove(i + 1);
            restored += 1;
        }
        i += 1;
    }
    restored
}

/// Finds parts, tables and performance tables.
pub fn segment(lines: &[Line]) -> Segments {
    let mut seg = Segments::default();
    // Where a table ends (the next table, 绩效 table, part or Shanghai section), and where a
    // 绩效 table ends (also at a narrative heading such as "（五）其他需说明的事项").
    let mut hard: Vec<usize> = Vec::new();
    let mut soft: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let c = line.compact();
        if let Some(n) = part_number(c).or_else(|| shanghai_section(c)) {
            seg.parts.push((n, i));
            hard.push(i);
            continue;
        }
        if is_shanghai_continuation(c) {
            // Without the 编制说明 before it (the section pasted alone), it opens 第三部分.
            if !seg.parts.iter().any(|&(p, _)| p == 3) {
                seg.parts.push((3, i));
            }
            hard.push(i);
            continue;
        }
        if let Some(scope) = performance_title(c) {
            seg.performance.push(PerfSpan {
                scope,
                start: i,
                end: i + 1,
            });
            hard.push(i);
            continue;
        }
        if let Some((kind, family, scope)) = title_kind(c) {
            if header_follows(lines, i) && seg.tables.len() < MAX_TABLES {
                let number = i
                    .checked_sub(1)
                    .and_then(|p| table_number(lines[p].compact()));
                let start = if number.is_some() { i - 1 } else { i };
                seg.tables.push(TableSpan {
                    kind,
                    number,
                    family,
                    scope,
                    title: line.text.clone(),
                    start,
                    end: i + 1,
                });
                hard.push(start);
                continue;
            }
        } else if unknown_title(c) && header_follows(lines, i) {
            // Not a table we can read: it still ends the table before it, so its rows are not
            // taken for that table's.
            if seg.unknown_titles.len() < MAX_TABLES {
                seg.unknown_titles.push((i, line.text.clone()));
            }
            hard.push(i);
            continue;
        }
        if table_number(c).is_some() || explains(c) {
            hard.push(i);
        } else if is_chapter_heading(c) || is_sub_heading(c) {
            soft.push(i);
        }
    }
    renumber_parts(&mut seg.parts, lines);
    // A text without any part heading (a web page's 说明, pasted alone) may open its narrative
    // with a title of its own: "X2024年度部门决算情况说明".
    if seg.parts.is_empty() {
        if let Some(i) = lines.iter().position(|l| is_explanation_title(l.compact())) {
            seg.parts.push((3, i));
            hard.push(i);
        }
    }
    drop_contents_entries(&mut seg.parts);
    soft.extend_from_slice(&hard);
    for v in [&mut hard, &mut soft] {
        crate::sort::sort(v);
        v.dedup();
    }
    let next = |v: &[usize], i: usize| {
        v.get(v.partition_point(|&s| s <= i))
            .copied()
            .unwrap_or(lines.len())
    };
    for t in &mut seg.tables {
        // A heading-like line inside a table (a row label "一、本年收入") must not end it.
        t.end = next(&hard, t.start).max(t.start + 1);
    }
    for p in &mut seg.performance {
        p.end = next(&soft, p.start).max(p.start + 1);
    }
    seg.covered = vec![false; lines.len()];
    let spans = seg
        .tables
        .iter()
        .map(|t| t.start..t.end)
        .chain(seg.performance.iter().map(|p| p.start..p.end));
    for r in spans {
        for i in r.start.min(lines.len())..r.end.min(lines.len()) {
            seg.covered[i] = true;
        }
    }
    seg
}

/// A table of contents lists the part headings before the parts themselves ("第一部分 …概况"
/// … "第四部分 名词解释", then "第一部分 …" again): of a part printed more than once, only the
/// last heading opens it.
fn drop_contents_entries(parts: &mut Vec<(u8, usize)>) {
    let mut last = [0usize; 6];
    for &(n, i) in parts.iter() {
        if let Some(l) = last.get_mut(usize::from(n)) {
            *l = i;
        }
    }
    parts.retain(|&(n, i)| last.get(usize::from(n)).is_none_or(|&l| l == i));
}

/// "一、 关于…", "十二、 其他…": a chapter heading of the narrative.
pub fn is_chapter_heading(compact: &str) -> bool {
    chapter_number(compact).is_some()
}

/// The chapter number of "一、…" … "十九、…".
pub fn chapter_number(compact: &str) -> Option<u8> {
    // The number has at most three characters: a "、" further on cannot follow one.
    let (end, _) = compact.char_indices().take(4).find(|&(_, c)| c == '、')?;
    chinese_number(&compact[..end])
}

/// "(一)" / "（一）": a sub-section heading.
pub fn is_sub_heading(compact: &str) -> bool {
    sub_number(compact).is_some()
}

/// The number of "(一)…" / "（一）…".
pub fn sub_number(compact: &str) -> Option<u8> {
    let rest = compact
        .strip_prefix('(')
        .or_else(|| compact.strip_prefix('（'))?;
    // The number has at most three characters: a bracket further on cannot close one.
    let (end, _) = rest
        .char_indices()
        .take(4)
        .find(|&(_, c)| c == ')' || c == '）')?;
    chinese_number(&rest[..end])
}

/// 一 … 九十九 as a number.
pub fn chinese_number(s: &str) -> Option<u8> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| (i / 3 + 1) as u8);
    // At most three characters; read without collecting them (this runs on every line).
    let mut chars = s.chars();
    let first_three = [chars.next(), chars.next(), chars.next()];
    if chars.next().is_some() {
        return None;
    }
    match first_three {
        [Some('十'), None, None] => Some(10),
        [Some(c), None, None] => digit(c),
        [Some('十'), Some(u), None] => Some(10 + digit(u)?),
        [Some(t), Some('十'), None] => Some(digit(t)? * 10),
        [Some(t), Some('十'), Some(u)] => Some(digit(t)? * 10 + digit(u)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        for (s, n) in [
            ("一", 1),
            ("九", 9),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("二十六", 26),
        ] {
            assert_eq!(chinese_number(s), Some(n), "{s}");
        }
        assert_eq!(chinese_number("百"), None);
        assert_eq!(chinese_number(""), None);
        assert_eq!(chapter_number("十二、其他重要事项的情况说明"), Some(12));
        assert_eq!(sub_number("(三)国有资产占用使用情况"), Some(3));
        assert_eq!(
            sub_number("（三）一般公共预算当年拨款具体使用情况"),
            Some(3)
        );
    }

    #[test]
    fn a_title_whose_year_is_printed_after_it_takes_it_back() {
        let read = |text: &str| {
            let mut lines = crate::text::lines(text);
            let n = rejoin_split_titles(&mut lines);
            let out: Vec<(u32, String)> = lines.into_iter().map(|l| (l.no, l.text)).collect();
            (n, out)
        };
        let header = "编制单位：上海市普陀区人民政府办公室 单位：元";
        // The year with its 年 after the title, or its digits after the title's bare 年
        // (zhengfu-bangongshi-unit-2025's 表1 title, its year set apart), where the titles
        // agree on it: here a second title set apart the same way.
        let second = "预算单位收入预算总表";
        for (first, year) in [
            ("预算单位财务收支预算总表", "2025年"),
            ("年预算单位财务收支预算总表", "2025"),
        ] {
            let text = format!("{first}\n{year}\n{header}\n{second}\n2025年\n{header}\n");
            let (n, lines) = read(&text);
            assert_eq!(n, 2, "{text}");
            assert_eq!(lines[0], (1, "2025年预算单位财务收支预算总表".to_owned()));
            assert_eq!(lines[1], (3, header.to_owned()));
            assert_eq!(lines[2], (4, format!("2025年{second}")));
            // Where another title prints its own year, the same.
            let text = format!("{first}\n{year}\n{header}\n2025年{second}\n{header}\n");
            let (n, lines) = read(&text);
            assert_eq!(n, 1, "{text}");
            assert_eq!(lines[0], (1, "2025年预算单位财务收支预算总表".to_owned()));
        }
        // One title alone with a year line after it, and no title printing a year: the year
        // line may be a header's cell split off; left as printed. So is a year the titles
        // print otherwise.
        for text in [
            format!("预算单位财务收支预算总表\n2025年\n{header}\n"),
            format!("预算单位财务收支预算总表\n2024年\n{header}\n2025年{second}\n{header}\n"),
        ] {
            let (n, lines) = read(&text);
            assert_eq!((n, lines.len()), (0, text.lines().count()), "{text}");
        }
        // A title with its year, a line that is no table's title, a number that is no year:
        // left as printed.
        for text in [
            format!("2025年预算单位财务收支预算总表\n2025\n{header}\n"),
            "本单位无政府性基金预算\n2025年\n".to_owned(),
            format!("预算单位财务收支预算总表\n2125\n{header}\n"),
        ] {
            let (n, lines) = read(&text);
            assert_eq!((n, lines.len()), (0, text.lines().count()), "{text}");
        }
    }

    #[test]
    fn a_title_broken_onto_two_lines_is_one_title() {
        let joined = |text: &str| {
            let mut lines = crate::text::lines(text);
            let n = rejoin_split_titles(&mut lines);
            (n, lines.into_iter().map(|l| l.text).collect::<Vec<_>>())
        };
        // Broken after its year's first words, or before its last: one title, on the first
        // line's number (the unit budget's own title and header, zhengfu-bangongshi-unit-2025).
        for (a, b) in [
            ("2025年预", "算单位财务收支预算总表"),
            ("2025年", "预算单位财务收支预算总表"),
            ("2025年预算单位财务收支预算", "总表"),
        ] {
            let text = format!("{a}\n{b}\n编制单位：上海市普陀区人民政府办公室 单位：元\n");
            let (n, lines) = joined(&text);
            assert_eq!(n, 1, "{a} / {b}");
            assert_eq!(lines[0], "2025年预算单位财务收支预算总表");
        }
        let mut lines = crate::text::lines("2023年部\n门财务收支预算总表\n单位：元\n");
        rejoin_split_titles(&mut lines);
        assert_eq!(lines[0].no, 1);
        assert_eq!(segment(&lines).tables.len(), 1);
        // Not joined: a row's label before a title (PDFium's caizhengju-2024-final), figures, a
        // table of contents' entry (no header after it), a sentence.
        for text in [
            "十、节能环保支出\n收入决算表\n单位：万元\n",
            "合计 2,995.39\n收入决算表\n单位：万元\n",
            "1. 2025年预算单位财务收支预算\n总表\n2. 2025年预算单位收入预算总表\n",
            "本表为空表，\n2025年部门收入预算总表\n单位：元\n",
        ] {
            assert_eq!(joined(text).0, 0, "{text}");
        }
    }

    #[test]
    fn a_unit_label_broken_across_two_lines_is_one_label() {
        let header = "编制单位：上海市普陀区人民政府办公室";
        let joined = |a: &str, b: &str| {
            let mut lines = crate::text::lines(&format!("{header} {a}\n{b}\n项目 合计\n"));
            let n = rejoin_split_units(&mut lines);
            (n, lines[0].text.clone())
        };
        // Each form, broken after its 单 and before its unit's last character; a label set
        // apart by a space keeps it where the line broke.
        for (a, b, line) in [
            ("单", "位：元", "单位：元"),
            ("单位:", "万元", "单位:万元"),
            ("单位：人民币万", "元", "单位：人民币万元"),
            ("单位（", "元）", "单位（元）"),
            ("单位", "(万元)", "单位(万元)"),
            ("(单", "位:元)", "(单位:元)"),
            ("单位", "元", "单位 元"),
            ("单位 万", "元", "单位 万元"),
        ] {
            // As a line reads it (brackets made full-width).
            let want = crate::text::lines(&format!("{header} {line}"))[0]
                .text
                .clone();
            assert_eq!(joined(a, b), (1, want.clone()), "{a} / {b}");
            assert_eq!(tables::unit_in(&want), tables::unit_in(line), "{line}");
            assert!(tables::unit_in(line).is_some(), "{line}");
        }
        // Not joined: a body's label, a second line that is more than the label's rest, a
        // label whole on the first line, a unit not standing alone.
        for (a, b) in [
            ("预算单", "位：某中心"),
            ("单位：", "万元 合计"),
            ("单位：元", "）"),
            ("单位", "元旦"),
            ("事业单位：", "人"),
        ] {
            assert_eq!(joined(a, b).0, 0, "{a} / {b}");
        }
        let mut lines = crate::text::lines("编制\n单位：元\n");
        assert_eq!(rejoin_split_units(&mut lines), 0);
    }

    #[test]
    fn an_explanation_title_may_run_long_but_is_no_sentence() {
        assert!(is_explanation_title(
            "某区机关事务服务中心2021年度一般公共预算财政拨款“三公”经费支出决算情况说明"
        ));
        // A sentence that says what follows, as long, is no title (an independent review).
        assert!(!is_explanation_title(
            "以下就本单位2021年度一般公共预算财政拨款收入支出决算和“三公”经费支出决算有关情况作如下说明"
        ));
        // A numbered heading ending in 说明 ends a table; a row label does not.
        assert!(explains("二、2021年度“三公”经费支出决算情况说明"));
        assert!(!explains("一、本年收入"));
    }

    #[test]
    fn titles_need_a_header_after_them() {
        let lines = crate::text::lines(
            "目录\n部门收支总体情况表\n表 1\n部门收支总体情况表\n编制部门：某单位 单位：万元\n",
        );
        let seg = segment(&lines);
        assert_eq!(seg.tables.len(), 1);
        assert_eq!(seg.tables[0].number, Some(1));
        assert_eq!(seg.tables[0].start, 2);
    }

    #[test]
    fn the_explanation_is_named_as_its_heading_prints_it() {
        let name = |text: &str| {
            let lines = crate::text::lines(text);
            narrative_name(&segment(&lines), &lines)
        };
        // Numbered: the number names it.
        assert_eq!(
            name("第三部分 2024年部门预算情况说明\n一、收支总体情况\n"),
            ""
        );
        assert_eq!(name("第二部分\n某局2021年度部门决算情况说明\n"), "");
        // A Shanghai heading without a number: its words after the year.
        assert_eq!(
            name("2025年部门预算编制说明\n一、收支预算\n"),
            "部门预算编制说明"
        );
        assert_eq!(name("单位预算编制说明\n"), "单位预算编制说明");
        // A title of its own, the department and year before what it explains.
        assert_eq!(
            name("上海市某区某局2024年度部门决算情况说明\n一、收入支出决算总体情况说明\n"),
            "部门决算情况说明"
        );
        // No heading at all (a 说明 pasted from its first chapter).
        assert_eq!(name("一、收支预算总体情况\n收入总计100万元。\n"), "说明");
    }
}
