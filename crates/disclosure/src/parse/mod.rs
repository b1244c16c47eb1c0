//! Parsing: pasted text → [`Document`] + [`Diagnostic`]s. Never panics, never fails.

mod cells;
mod glossary;
pub mod joined;
mod narrative;
pub mod numbers;
mod overview;
pub mod performance;
pub mod schema;
pub mod segment;
pub mod solve;
mod tables;
pub mod units;

use crate::model::*;
use crate::text::{self, Line};
use crate::Parsed;
use segment::compact;

/// The largest input accepted, in bytes. Larger inputs get a [`DiagCode::TooLarge`] note
/// and an empty document: a disclosure is well under 1 MB.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// Parses the text of one disclosure.
pub fn parse(input: &str) -> Parsed {
    let mut diagnostics = Vec::new();
    if input.len() > MAX_INPUT_BYTES {
        // Tenths of a megabyte (MB here and in the limit means 2^20 bytes), rounded up so that a
        // text just over the limit does not read as at it; without floating point (its
        // formatting costs the page 4 kB).
        let tenths = (input.len() as u64 * 10).div_ceil(1_048_576);
        let size = format!("{}.{}", tenths / 10, tenths % 10);
        diagnostics.push(Diagnostic {
            code: DiagCode::TooLarge,
            lines: Vec::new(),
            message_zh: format!(
                "文本过大（{size} MB），超过 {} MB 的上限，未分析。一份部门预算通常不足 1 MB。",
                MAX_INPUT_BYTES / 1_048_576
            ),
            message_en: format!(
                "The text is too large ({size} MB; the limit is {} MB) and was not analysed. A department budget is usually under 1 MB.",
                MAX_INPUT_BYTES / 1_048_576
            ),
        });
        return Parsed {
            document: Document::default(),
            diagnostics,
        };
    }
    let (mut lines, line_count) = text::lines_counted(input);
    let mut doc = Document {
        line_count: u32::try_from(line_count).unwrap_or(u32::MAX),
        ..Document::default()
    };
    let seg = segment::segment(&lines);
    // Outside the tables, numbers a copy moved to the next line go back where they were
    // printed, and a line printed above the one it continues goes after it.
    let mut restored = narrative::restore_displaced_numbers(&lines, &seg);
    restored.apply(&mut lines);
    narrative::reorder_lines_printed_early(&mut lines, &seg);
    read_meta(&lines, &seg, &mut doc);
    if let Some(range) = seg.part(1, lines.len()) {
        doc.overview = overview::read(&lines[range]);
    }
    let mut table_diags = Vec::new();
    tables::read_all(&lines, &seg.tables, &[], &mut doc, &mut table_diags);
    let mut narrative_full = None;
    if let Some(range) = seg.part(3, lines.len()) {
        narrative::read(&lines, &restored.moved, &seg, range, &mut doc);
        restored.cite_sources(&mut doc.statements);
        if doc.statements.len() >= narrative::MAX_STATEMENTS {
            narrative_full = Some(Diagnostic {
                code: DiagCode::TooLarge,
                lines: doc
                    .statements
                    .last()
                    .map(|s| s.lines.clone())
                    .unwrap_or_default(),
                message_zh: format!(
                    "说明部分的数字超过 {} 处，之后的未读取。",
                    narrative::MAX_STATEMENTS
                ),
                message_en: format!(
                    "The narrative has more than {} numeric claims; the rest were not read.",
                    narrative::MAX_STATEMENTS
                ),
            });
        }
    }
    // A table total 10,000 times off the narrative's was read in the wrong unit: the tables
    // are read again in the right one (their numbers' form depends on it), with one note.
    let printed: Vec<bool> = seg
        .tables
        .iter()
        .map(|span| tables::header_unit(&lines, span).is_some())
        .collect();
    if let Some(fix) = units::cross_check(&doc, &printed) {
        doc.tables.clear();
        table_diags.clear();
        tables::read_all(&lines, &seg.tables, &fix.units, &mut doc, &mut table_diags);
        table_diags.push(fix.note);
    }
    settle_unit(&mut doc);
    diagnostics.append(&mut table_diags);
    diagnostics.extend(narrative_full);
    doc.performance = seg
        .performance
        .iter()
        .map(|p| performance::read(&lines, p))
        .collect();
    if let Some(part4) = seg.part(4, lines.len()).and_then(|r| lines.get(r)) {
        doc.glossary = glossary::read(part4);
    }
    doc.landmarks = landmarks(&lines, &seg);
    if seg.tables.len() >= segment::MAX_TABLES {
        diagnostics.push(Diagnostic {
            code: DiagCode::TooLarge,
            lines: vec![lines[seg.tables[segment::MAX_TABLES - 1].start].no],
            message_zh: format!("表格超过 {} 张，之后的未读取。", segment::MAX_TABLES),
            message_en: format!(
                "More than {} tables; the rest were not read.",
                segment::MAX_TABLES
            ),
        });
    }
    if !seg.unknown_titles.is_empty() {
        diagnostics.push(unknown_tables(&lines, &seg, &doc));
    }
    if doc.tables.is_empty() {
        diagnostics.push(Diagnostic {
            code: DiagCode::NotADisclosure,
            lines: Vec::new(),
            message_zh: "没有找到部门预算或决算的表格（如“部门收支总体情况表”）。请粘贴从预算公开 PDF 中复制的全部文字。"
                .to_owned(),
            message_en: "No budget or final-accounts tables were found (such as 部门收支总体情况表). Paste the whole text copied from the disclosure PDF."
                .to_owned(),
        });
    }
    Parsed {
        document: doc,
        diagnostics,
    }
}

/// Titles that head a table (a 单位 or 编制部门 line follows) but name no table of any known
/// template: their rows are not read, and the reader is told which tables were recognised.
fn unknown_tables(lines: &[Line], seg: &segment::Segments, doc: &Document) -> Diagnostic {
    let known: Vec<String> = doc
        .tables
        .iter()
        .map(|t| format!("{}（{:?}）", t.title, t.kind))
        .collect();
    let unknown: Vec<String> = seg
        .unknown_titles
        .iter()
        .map(|(i, title)| format!("{}（第 {} 行）", compact(title), lines[*i].no))
        .collect();
    let family = match doc.meta.family {
        Family::Xinjiang => ("新疆", "Xinjiang"),
        Family::Shanghai => ("上海", "Shanghai"),
        Family::Unknown => ("未识别", "unrecognised"),
    };
    let none = |v: &[String], zh: bool| match (v.is_empty(), zh) {
        (true, true) => "无".to_owned(),
        (true, false) => "none".to_owned(),
        (false, true) => v.join("、"),
        (false, false) => v.join(", "),
    };
    Diagnostic {
        code: DiagCode::UnknownTable,
        lines: seg
            .unknown_titles
            .iter()
            .map(|(i, _)| lines[*i].no)
            .collect(),
        message_zh: format!(
            "有 {} 个标题像表格，但不是已知模板（新疆、上海）的表，未读取其数字：{}。已识别的表（{}模板）：{}。",
            unknown.len(),
            none(&unknown, true),
            family.0,
            none(&known, true)
        ),
        message_en: format!(
            "{} titles head tables that no known template (Xinjiang, Shanghai) defines; their numbers were not read: {}. Tables recognised ({} template): {}.",
            unknown.len(),
            none(&unknown, false),
            family.1,
            none(&known, false)
        ),
    }
}

/// Words that name a required part of a disclosure when they head a section.
const LANDMARK_WORDS: &[&str] = &[
    "职能",
    "机构设置",
    "单位构成",
    "三公",
    "机关运行经费",
    "政府采购",
    "国有资产",
    "绩效",
    "名词解释",
    "收支增减",
    "增减变化",
];

/// Short heading-like lines outside the tables that name a required part. Lines of a table of
/// contents (with leader dots) do not count.
fn landmarks(lines: &[Line], seg: &segment::Segments) -> Vec<Located<String>> {
    let heading_like = |t: &str| {
        let body = t.trim_end_matches(['：', ':']);
        text::at_most_chars(body, 32)
            && !body.contains(['，', '：', ':', '。', '…'])
            && !body.contains("...")
    };
    lines
        .iter()
        .enumerate()
        .filter(|&(i, l)| !seg.in_table(i) && heading_like(&l.text))
        .filter(|(_, l)| LANDMARK_WORDS.iter().any(|w| l.text.contains(w)))
        .take(200)
        .map(|(_, l)| Located {
            value: l.text.clone(),
            line: l.no,
        })
        .collect()
}

/// Department, scope, year, kind, unit, family and date. The unit is the one most table headers
/// print; it is settled again once the tables are read ([`settle_unit`]).
fn read_meta(lines: &[Line], seg: &segment::Segments, doc: &mut Document) {
    let meta = &mut doc.meta;
    meta.scope = scope_of(lines, seg);
    meta.department = department_of(lines, meta.scope);
    meta.year = lines
        .iter()
        .take(40)
        .find_map(|l| {
            year_in(&l.text).map(|y| Located {
                value: y,
                line: l.no,
            })
        })
        .or_else(|| cover_year(lines));
    let titles: String = seg.tables.iter().map(|t| t.title.as_str()).collect();
    let head: String = lines.iter().take(10).map(|l| l.compact()).collect();
    meta.kind = if titles.contains("决算") || (head.contains("决算") && !head.contains("预算公开"))
    {
        DocKind::Final
    } else {
        DocKind::Budget
    };
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
    meta.date = lines.iter().rev().take(6).find_map(|l| {
        date_in(&l.text).map(|d| Located {
            value: d,
            line: l.no,
        })
    });
}

/// The unit most of `units` are, `tie` when as many are in each; `None` when there are none.
fn majority(units: impl Iterator<Item = Unit>, tie: Unit) -> Option<Unit> {
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

/// The document's unit once its tables are read: what most of them are in (a tie goes to 表1's),
/// never a default while tables say otherwise.
fn settle_unit(doc: &mut Document) {
    let summary = doc
        .table(TableKind::Summary)
        .map_or(doc.meta.unit, |t| t.unit);
    if let Some(u) = majority(doc.tables.iter().map(|t| t.unit), summary) {
        doc.meta.unit = u;
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
        && !name.contains(['，', '。', '；', '、'])
        && !name.starts_with(|c: char| c.is_ascii_digit())
}

/// The body the document is of: the first name given after a label ("预算单位：", "编制部门：",
/// "预算主管部门：" …; in a unit's document the unit's own labels before its 主管部门's), else
/// the cover ("X2024年度部门决算" on one line or two).
fn department_of(lines: &[Line], scope: Scope) -> Option<Located<String>> {
    let labelled = |labels: &[&str]| {
        lines.iter().take(4000).find_map(|l| {
            let value = labels
                .iter()
                .find_map(|label| tables::named_after(&l.text, label))
                .filter(|n| plausible_name(n))?;
            Some(Located { value, line: l.no })
        })
    };
    let all: Vec<&str> = BODY_LABELS.iter().chain(&PARENT_LABELS).copied().collect();
    let found = match scope {
        Scope::Unit => labelled(&BODY_LABELS).or_else(|| labelled(&PARENT_LABELS)),
        Scope::Department => labelled(&all),
    };
    found.or_else(|| cover_name(lines))
}

/// The name on the cover: "X2025年部门预算" on one line, or X above "2024年度部门决算" (or
/// above "年度部门决算" when the year has a line of its own); the
/// region's collection title ("上海市普陀区2025年区级单位预算") names no body.
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
    lines
        .iter()
        .take(10)
        .find_map(|l| {
            let value = named(&after_year(l.compact())?)?;
            Some(Located { value, line: l.no })
        })
        .or_else(|| {
            lines.windows(2).take(10).find_map(|w| {
                let next = w[1].compact();
                let cover = after_year(next).is_some_and(|n| n.is_empty()) || kind_only(next);
                let name = cover.then(|| named(w[0].text.trim())).flatten()?;
                Some(Located {
                    value: name,
                    line: w[0].no,
                })
            })
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
    fn a_text_over_the_limit_is_refused_with_its_size() {
        let text = "1".repeat(MAX_INPUT_BYTES + 1);
        let parsed = parse(&text);
        assert!(parsed.document.tables.is_empty());
        let [d] = parsed.diagnostics.as_slice() else {
            panic!("{:?}", parsed.diagnostics)
        };
        assert_eq!(d.code, DiagCode::TooLarge);
        assert!(
            d.message_en.contains("(20.1 MB; the limit is 20 MB)"),
            "{}",
            d.message_en
        );
        assert!(
            d.message_zh.contains("文本过大（20.1 MB）"),
            "{}",
            d.message_zh
        );
    }

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
            department_of(&text::lines(t), scope).map(|d| (d.value, d.line))
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

    #[test]
    fn nothing_in_nothing_out() {
        for input in ["", "\n\n", "hello", "<script>alert(1)</script>"] {
            let p = parse(input);
            assert!(p.document.tables.is_empty());
            assert!(
                p.diagnostics
                    .iter()
                    .any(|d| d.code == DiagCode::NotADisclosure),
                "{input:?}"
            );
        }
    }
}
