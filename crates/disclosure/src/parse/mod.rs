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
        diagnostics.push(Diagnostic {
            code: DiagCode::TooLarge,
            lines: Vec::new(),
            message_zh: format!(
                "文本过大（{:.1} MB），超过 {} MB 的上限，未分析。一份部门预算通常不足 1 MB。",
                input.len() as f64 / 1_048_576.0,
                MAX_INPUT_BYTES / 1_048_576
            ),
            message_en: format!(
                "The text is too large ({:.1} MB; the limit is {} MB) and was not analysed. A department budget is usually under 1 MB.",
                input.len() as f64 / 1_048_576.0,
                MAX_INPUT_BYTES / 1_048_576
            ),
        });
        return Parsed {
            document: Document::default(),
            diagnostics,
        };
    }
    let lines = text::lines(input);
    let mut doc = Document {
        line_count: u32::try_from(text::split_lines(input).count()).unwrap_or(u32::MAX),
        ..Document::default()
    };
    let seg = segment::segment(&lines);
    read_meta(&lines, &seg, &mut doc);
    if let Some(range) = seg.part(1, lines.len()) {
        doc.overview = overview::read(&lines[range]);
    }
    tables::read_all(&lines, &seg.tables, &mut doc, &mut diagnostics);
    if let Some(range) = seg.part(3, lines.len()) {
        narrative::read(&lines, &seg, range, &mut doc);
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
    meta.year = lines.iter().take(40).find_map(|l| {
        year_in(&l.text).map(|y| Located {
            value: y,
            line: l.no,
        })
    });
    let titles: String = seg.tables.iter().map(|t| t.title.as_str()).collect();
    let head: String = lines.iter().take(10).map(|l| compact(&l.text)).collect();
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
    meta.family = if seg.tables.is_empty() {
        Family::Unknown
    } else if seg.tables.iter().any(|t| t.number.is_some()) {
        Family::Xinjiang
    } else {
        Family::Shanghai
    };
    meta.date = lines.iter().rev().take(6).find_map(|l| {
        date_in(&l.text).map(|d| Located {
            value: d,
            line: l.no,
        })
    });
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
