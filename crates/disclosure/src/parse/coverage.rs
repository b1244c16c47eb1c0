//! What part of a disclosure a text holds ([`Coverage`]): the whole document, a part with some
//! of its tables, its narrative without tables, or nothing of one. People paste one table, the
//! 说明 alone, a web page whose tables are attachments; what such a text lacks is not missing
//! from the document, and the checker only judges a whole document's completeness.

use super::segment::{self, Segments};
use crate::model::*;
use crate::text::{self, Line};

/// Words of the budget disclosures' own vocabulary: a text that states amounts about them is a
/// fragment of one even when it has no heading or table ("一般公共预算 2,283.56 万元，占 99.26%").
const VOCABULARY: [&str; 17] = [
    "收入",
    "支出",
    "因公出国",
    "公务接待",
    "公务用车",
    "预算",
    "决算",
    "财政拨款",
    "基本支出",
    "项目支出",
    "三公",
    "机关运行经费",
    "政府采购",
    "人员经费",
    "公用经费",
    "结转结余",
    "部门收支",
];

/// What the text holds. `contents` is the table of contents' line range, if it has one;
/// `whole_read` whether the whole text was read as narrative (it has no heading and no table).
pub(super) fn of(
    lines: &[Line],
    seg: &Segments,
    doc: &Document,
    contents: Option<std::ops::Range<usize>>,
    whole_read: bool,
) -> Coverage {
    let in_contents = |i: usize| contents.as_ref().is_some_and(|r| r.contains(&i));
    // A part heading or landmark counts where it opens its section, not as an entry of the
    // table of contents.
    let part = |n: u8| {
        seg.parts
            .iter()
            .any(|&(p, i)| p == n && !in_contents(i) && i + 1 < lines.len())
    };
    let no_of = |l: LineNo| usize::try_from(l).unwrap_or(usize::MAX).saturating_sub(1);
    let landmark = |words: &[&str]| {
        doc.landmarks
            .iter()
            .any(|l| !in_contents(no_of(l.line)) && words.iter().any(|w| l.value.contains(w)))
    };
    let ov = &doc.overview;
    let overview = part(1)
        || !ov.functions.is_empty()
        || ov.establishment.is_some()
        || ov.actual.is_some()
        || landmark(&["职能", "职责", "机构设置", "单位构成"]);
    // Without a table, nothing makes a text a disclosure's unless its words vary as a written
    // text's do: budget words and numbers at random ("预算 支出 合计 表1 12,345.67", with lines
    // short enough to pass for headings that name the kind, amounts read as statements) are no
    // part of one, however long.
    let varied = varied(lines);
    let fragment = fragment(doc) && varied;
    let narrative = part(3) || (whole_read && fragment);
    let glossary = part(4) || !doc.glossary.is_empty() || landmark(&["名词解释"]);
    let mut sections = Vec::new();
    for (present, section) in [
        (contents.is_some(), Section::Contents),
        (overview, Section::Overview),
        (!doc.tables.is_empty(), Section::Tables),
        (narrative, Section::Narrative),
        (glossary, Section::Glossary),
        (part(5), Section::ProjectNotes),
        (!doc.performance.is_empty(), Section::Performance),
    ] {
        if present {
            sections.push(section);
        }
    }
    let has = |s: Section| sections.contains(&s);
    // A text that ends inside a table, or begins with a table's rows, was cut there. A whole
    // document opens with its overview (第一部分, 职能, 机构设置): a text that begins later
    // (inside a table, at 第三部分) is a part of one, even with the 说明 and 名词解释 after.
    let cut = seg.tables.iter().any(|t| t.end >= lines.len()) || begins_with_rows(lines, seg);
    let extent = if has(Section::Tables) && has(Section::Narrative) && overview && !cut {
        Extent::Whole
    } else if has(Section::Tables) {
        Extent::Part
    } else if varied
        && (sections.iter().any(|&s| s != Section::Contents)
            || doc.meta.department.is_some()
            || doc.meta.coverage.kind_stated
            || fragment
            || !doc.empty_statements.is_empty()
            || rows(lines))
    {
        Extent::Narrative
    } else {
        Extent::NotADisclosure
    };
    Coverage {
        extent,
        sections,
        kind_stated: doc.meta.coverage.kind_stated,
    }
}

/// Amounts stated about the budget's own subjects, or any amounts in a text that names its
/// kind: a fragment of a 说明.
fn fragment(doc: &Document) -> bool {
    let money = |q: Option<&Quantity>| q.is_some_and(|q| q.unit.money().is_some());
    doc.statements.iter().any(|s| {
        (money(s.value.as_ref()) || money(s.change.as_ref().and_then(|c| c.amount.as_ref())))
            && (doc.meta.coverage.kind_stated || VOCABULARY.iter().any(|w| s.subject.contains(w)))
    })
}

/// Whether the text's words vary as a written text's do, rather than being a handful of words
/// repeated (random budget words and numbers: "预算 支出 合计 表1 12,345.67 …"): its distinct pairs
/// of adjacent Chinese characters are 400 or more, or at least one in twenty of all its pairs. A
/// sentence, a table's rows, a 说明 of any length pass (a line of a 说明 repeats few of its pairs;
/// a whole 说明 has thousands of distinct ones); a few words shuffled give a few dozen pairs however
/// long the text is. A text too short to tell passes.
fn varied(lines: &[Line]) -> bool {
    let mut seen = std::collections::HashSet::new();
    let mut total = 0usize;
    for l in lines {
        let mut prev: Option<char> = None;
        for ch in l.text.chars() {
            if ('\u{4e00}'..='\u{9fff}').contains(&ch) {
                if let Some(p) = prev {
                    seen.insert((p, ch));
                    total += 1;
                    if seen.len() >= 400 {
                        return true;
                    }
                }
                prev = Some(ch);
            } else if !ch.is_whitespace() {
                prev = None;
            }
        }
    }
    seen.len() * 20 >= total
}

/// The rows of a table without its title and header ("201 一般公共服务支出 1,664.74", "一、财政
/// 拨款收入 164,978,640", or a column header "因公出国(境)费 公务接待费" over a line of figures),
/// or sentences whose figures a copy lost ("年度收入支出总计 万元。"): words of the budget's
/// vocabulary, and figures or their unit.
fn rows(lines: &[Line]) -> bool {
    let figure = |t: &str| {
        t.contains("万元")
            || t.as_bytes()
                .windows(2)
                .any(|w| w[0].is_ascii_digit() && w[1].is_ascii_digit())
    };
    lines
        .iter()
        .any(|l| VOCABULARY.iter().any(|w| l.text.contains(w)))
        && lines.iter().any(|l| figure(&l.text))
}

/// Whether the text's first lines, before any table's title or part heading, are a table's rows
/// (or the end of one): figures with decimals and no sentence's punctuation ("1,664.74
/// 1,656.14", "2010301 行政运行 1,418.90"). A whole document begins with its title.
fn begins_with_rows(lines: &[Line], seg: &Segments) -> bool {
    // The lines before the first table's title, part heading or 绩效目标表 (five at most).
    let structure = seg
        .tables
        .iter()
        .map(|t| t.start)
        .chain(seg.parts.iter().map(|&(_, i)| i))
        .chain(seg.performance.iter().map(|p| p.start))
        .min()
        .unwrap_or(lines.len());
    lines[..structure.min(lines.len()).min(5)].iter().any(|l| {
        let c = l.compact();
        let b = c.as_bytes();
        let decimals = b
            .windows(3)
            .any(|w| w[0] == b'.' && w[1].is_ascii_digit() && w[2].is_ascii_digit());
        decimals && !c.contains(['，', '。', '；', '：'])
    })
}

/// The table of contents: from a line "目录" over the entries after it, up to the first line
/// that is no entry — a sentence, a line without the leader dots the entries have, or a heading
/// that repeats an entry (the body's own heading, "某局主要职能" after "一、部门主要职能").
pub(super) fn contents(lines: &[Line]) -> Option<std::ops::Range<usize>> {
    let start = lines.iter().take(200).position(|l| l.compact() == "目录")?;
    let dotted = |c: &str| c.contains('…') || c.contains("...") || c.contains("．．");
    let mut entries: Vec<String> = Vec::new();
    let mut leaders = None;
    let mut end = start + 1;
    for l in &lines[start + 1..] {
        let c = l.compact();
        if c.is_empty() {
            end += 1;
            continue;
        }
        let entry = entry_text(c);
        let is_dotted = dotted(c);
        let short = text::at_most_chars(entry, 40) && !entry.contains(['，', '。', '；']);
        // A numbered line is another entry unless it is one already; an unnumbered one that
        // ends with an entry is the body's heading.
        let numbered = c.starts_with(|ch: char| ch.is_ascii_digit() || "第（(".contains(ch))
            || segment::chapter_number(c).is_some();
        let repeats = entries
            .iter()
            .any(|e| *e == entry || (!numbered && entry.ends_with(e.as_str())));
        if !(short || is_dotted) || repeats || leaders.is_some_and(|d| d != is_dotted) {
            break;
        }
        leaders.get_or_insert(is_dotted);
        entries.push(entry.to_owned());
        end += 1;
    }
    Some(start..end)
}

/// An entry's words without its number, its leader dots and the 部门 or 单位 before them
/// ("一、部门主要职能……3" → "主要职能", which the body's heading "某局主要职能" ends with).
fn entry_text(c: &str) -> &str {
    let c = c
        .split(['…', '．'])
        .next()
        .unwrap_or(c)
        .split("...")
        .next()
        .unwrap_or(c);
    let c = c.trim_end_matches(|ch: char| ch.is_ascii_digit());
    let c = match c.char_indices().take(5).find(|&(_, ch)| ch == '、') {
        Some((i, _)) if segment::chinese_number(&c[..i]).is_some() => &c[i + '、'.len_utf8()..],
        _ => c,
    };
    c.strip_prefix("部门")
        .or_else(|| c.strip_prefix("单位"))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(c)
}

/// How the text is described to the reader, given the printed numbers of the tables it holds:
/// "部门预算的一部分：表1、表2、情况说明" / "part of a department budget: tables 1, 2, the
/// narrative (情况说明)".
pub fn describe(meta: &Meta, tables: &[u8]) -> (String, String) {
    let c = &meta.coverage;
    let kind = if c.kind_stated {
        format!("{}{}", meta.scope.label(), meta.kind.label())
    } else {
        format!("{}预算或决算", meta.scope.label())
    };
    let tables_zh = if c.kind_stated {
        format!("{}表", meta.kind.label())
    } else {
        "收支表".to_owned()
    };
    let tables_en = match (c.kind_stated, meta.kind) {
        (true, DocKind::Budget) => "the budget tables",
        (true, DocKind::Final) => "the accounts tables",
        (false, _) => "its tables",
    };
    let kind_en = match (c.kind_stated, meta.scope, meta.kind) {
        (false, Scope::Department, _) => "a department budget or final accounts",
        (false, Scope::Unit, _) => "a unit budget or final accounts",
        (true, Scope::Department, DocKind::Budget) => "a department budget",
        (true, Scope::Department, DocKind::Final) => "a department's final accounts",
        (true, Scope::Unit, DocKind::Budget) => "a unit budget",
        (true, Scope::Unit, DocKind::Final) => "a unit's final accounts",
    };
    let sections_zh: Vec<String> = c
        .sections
        .iter()
        .map(|&s| match s {
            Section::Tables if !tables.is_empty() => runs(tables)
                .iter()
                .map(|&(a, b)| match b - a {
                    0 => format!("表{a}"),
                    1 => format!("表{a}、表{b}"),
                    _ => format!("表{a}至表{b}"),
                })
                .collect::<Vec<_>>()
                .join("、"),
            s => s.label_zh().to_owned(),
        })
        .collect();
    let sections_en: Vec<String> = c
        .sections
        .iter()
        .map(|&s| match s {
            Section::Tables if !tables.is_empty() => {
                let n: Vec<String> = runs(tables)
                    .iter()
                    .map(|&(a, b)| match b - a {
                        0 => a.to_string(),
                        1 => format!("{a}, {b}"),
                        _ => format!("{a}–{b}"),
                    })
                    .collect();
                format!(
                    "table{} {}",
                    if tables.len() > 1 { "s" } else { "" },
                    n.join(", ")
                )
            }
            s => s.label_en().to_owned(),
        })
        .collect();
    let list_zh = sections_zh.join("、");
    let list_en = sections_en.join(", ");
    match c.extent {
        Extent::Whole => (
            format!("整份{kind}（{list_zh}）"),
            format!("the whole of {kind_en} ({list_en})"),
        ),
        Extent::Part => (
            format!("{kind}的一部分：{list_zh}"),
            format!("part of {kind_en}: {list_en}"),
        ),
        Extent::Narrative => (
            format!(
                "{kind}的一部分，不含{tables_zh}{}",
                if list_zh.is_empty() {
                    String::new()
                } else {
                    format!("：{list_zh}")
                }
            ),
            format!(
                "part of {kind_en}, without {tables_en}{}",
                if list_en.is_empty() {
                    String::new()
                } else {
                    format!(": {list_en}")
                }
            ),
        ),
        Extent::NotADisclosure => (
            "不像部门预算或决算".to_owned(),
            "not a budget or final-accounts disclosure".to_owned(),
        ),
    }
}

/// Table numbers as runs of consecutive numbers, `(first, last)`, ascending.
fn runs(numbers: &[u8]) -> Vec<(u8, u8)> {
    // Each number present, ascending (a sort of `u8` would be the page's only one: its own
    // copy of the standard library's sort in the first load).
    let present = (0..=u8::MAX).filter(|n| numbers.contains(n));
    let mut out: Vec<(u8, u8)> = Vec::new();
    for n in present {
        match out.last_mut() {
            Some((_, last)) if last.checked_add(1) == Some(n) => *last = n,
            _ => out.push((n, n)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contents_end_where_the_body_starts() {
        let lines = text::lines(
            "某区2023年区级部门预算\n目  录\n一、部门主要职能\n二、部门机构设置\n三、名词解释\n部门主要职能\n    某街道办事处是区政府的派出机关，依法履行职能。\n",
        );
        assert_eq!(contents(&lines), Some(1..5));
        // Entries with leader dots end at the first line without.
        let lines = text::lines(
            "目  录\n一、部门主要职能  ……………\n二、部门机构设置  ……………\n某局主要职能\n某局是区政府组成部门。\n",
        );
        assert_eq!(contents(&lines), Some(0..3));
        assert_eq!(
            contents(&text::lines("第一部分 概况\n一、主要职能\n")),
            None
        );
    }

    #[test]
    fn a_part_is_described_with_its_tables_and_sections() {
        let mut meta = Meta {
            kind: DocKind::Final,
            ..Meta::default()
        };
        meta.coverage = Coverage {
            extent: Extent::Part,
            sections: vec![Section::Tables, Section::Narrative],
            kind_stated: true,
        };
        let (zh, en) = describe(&meta, &[1, 2, 3, 4, 6, 7, 9]);
        assert_eq!(zh, "部门决算的一部分：表1至表4、表6、表7、表9、情况说明");
        assert_eq!(
            en,
            "part of a department's final accounts: tables 1–4, 6, 7, 9, the narrative (情况说明)"
        );
        meta.coverage = Coverage {
            extent: Extent::Narrative,
            sections: vec![Section::Overview],
            kind_stated: false,
        };
        let (zh, en) = describe(&meta, &[]);
        assert_eq!(
            zh,
            "部门预算或决算的一部分，不含收支表：概况（职能、机构、人员）"
        );
        assert_eq!(
            en,
            "part of a department budget or final accounts, without its tables: the overview (functions, bodies, staff)"
        );
    }
}
