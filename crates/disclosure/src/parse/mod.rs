//! Parsing: pasted text → [`Document`] + [`Diagnostic`]s. Never panics, never fails.

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
    tables::read_all(&lines, &seg.tables, &mut doc, &mut diagnostics);
    if let Some(range) = seg.part(3, lines.len()) {
        narrative::read(&lines, &restored.moved, &seg, range, &mut doc);
        if doc.statements.len() >= narrative::MAX_STATEMENTS {
            diagnostics.push(Diagnostic {
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

/// Department, year, kind, unit, family and date.
fn read_meta(lines: &[Line], seg: &segment::Segments, doc: &mut Document) {
    let meta = &mut doc.meta;
    meta.department = lines.iter().take(4000).find_map(|l| {
        let d = tables::department_in(&l.text).or_else(|| {
            let rest = l
                .text
                .split_once("预算主管部门：")
                .or_else(|| l.text.split_once("部门名称："))?
                .1;
            Some(rest.trim().to_owned()).filter(|s| !s.is_empty())
        })?;
        Some(Located {
            value: d,
            line: l.no,
        })
    });
    // A Shanghai 决算 names the department on the cover, above "2024年度部门决算".
    if meta.department.is_none() {
        meta.department = lines.windows(2).take(10).find_map(|w| {
            let next = &w[1].compact();
            let cover = next.ends_with("部门决算") || next.ends_with("部门预算");
            let name = w[0].text.trim();
            (cover
                && year_in(next).is_some()
                && year_in(name).is_none()
                && name.chars().count() <= 40)
                .then(|| Located {
                    value: name.to_owned(),
                    line: w[0].no,
                })
        });
    }
    meta.year = lines.iter().take(40).find_map(|l| {
        year_in(&l.text).map(|y| Located {
            value: y,
            line: l.no,
        })
    });
    let titles: String = seg.tables.iter().map(|t| t.title.as_str()).collect();
    let head: String = lines.iter().take(10).map(|l| l.compact()).collect();
    meta.kind = if titles.contains("决算") || (head.contains("决算") && !head.contains("预算公开"))
    {
        DocKind::Final
    } else {
        DocKind::Budget
    };
    let (wan, yuan) =
        lines
            .iter()
            .filter_map(|l| tables::unit_in(&l.text))
            .fold((0, 0), |(w, y), u| match u {
                Unit::Wan => (w + 1, y),
                Unit::Yuan => (w, y + 1),
            });
    meta.unit = if yuan > wan { Unit::Yuan } else { Unit::Wan };
    meta.family = family_of(&seg.tables);
    meta.date = lines.iter().rev().take(6).find_map(|l| {
        date_in(&l.text).map(|d| Located {
            value: d,
            line: l.no,
        })
    });
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
