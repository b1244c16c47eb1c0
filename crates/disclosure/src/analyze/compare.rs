//! Documents side by side: one row per [`Metric`], one column per document, the highest and
//! lowest value of each row marked, and notes on what makes the columns hard to compare
//! (a document given twice, different years, budgets next to final accounts, units converted).
//!
//! [`compare`] works on analyses; [`compare_entries`] works on [`Entry`]s, which keep only the
//! metrics, so that a caller comparing thousands of documents need not hold every analysis.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use super::metrics::{metrics, Metric, MetricGroup, MetricUnit};
use super::Analysis;
use crate::model::*;

/// One compared document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Column {
    /// The caller's name for it (a file name, a tab title).
    pub label: String,
    /// 编制部门, when read.
    pub department: Option<String>,
    /// The budget year, when read.
    pub year: Option<u16>,
    /// Budget or final accounts.
    pub kind: DocKind,
    /// The unit most of its tables are printed in (every value is in 万元 all the same).
    pub unit_printed: Unit,
    /// How much of a disclosure the text holds: a value missing from a part's column may only
    /// be missing from the part. (Absent in data saved before it existed: a whole document.)
    #[cfg_attr(feature = "serde", serde(default))]
    pub extent: Extent,
    /// What a part holds, in Chinese and English ("部门预算的一部分：表1、表2"), from
    /// [`crate::parse::coverage::describe`]; `None` for a whole document.
    #[cfg_attr(feature = "serde", serde(default))]
    pub covers: Option<(String, String)>,
    /// For a previous year as a document of the following year states it ([`super::series`]),
    /// that document's year; `None` for a document's own figures.
    #[cfg_attr(feature = "serde", serde(default))]
    pub stated_in: Option<u16>,
}

impl Column {
    /// A short heading: "库尔勒市朝阳街道办事处 2024 预算", or the label when the department is
    /// unknown.
    pub fn heading(&self, lang: Lang) -> String {
        let Some(dept) = &self.department else {
            return self.label.clone();
        };
        let kind = match lang {
            Lang::Zh => self.kind.label(),
            Lang::En => self.kind.slug(),
        };
        match self.year {
            Some(y) => format!("{dept} {y} {kind}"),
            None => format!("{dept} {kind}"),
        }
    }
}

/// One metric across the documents.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Row {
    /// The metric's id.
    pub metric: String,
    /// The metric's section.
    pub group: MetricGroup,
    /// The id of the row this one is part of.
    pub parent: Option<String>,
    /// The metric's name in Chinese.
    pub label_zh: String,
    /// The metric's name in English.
    pub label_en: String,
    /// What the values count.
    pub unit: MetricUnit,
    /// One value per column (`None` where that document does not give it).
    pub values: Vec<Option<Decimal>>,
    /// The unrounded values.
    pub exact: Vec<Option<Decimal>>,
    /// The lines each value was derived from, per column.
    pub lines: Vec<Vec<LineNo>>,
    /// The column with the highest value (the first of equals); `None` when fewer than two
    /// documents give a value or all values are equal.
    pub highest: Option<usize>,
    /// The column with the lowest value, likewise.
    pub lowest: Option<usize>,
    /// How the values were derived, in Chinese (as the first document that has one says).
    pub derivation_zh: String,
    /// The same in English.
    pub derivation_en: String,
}

/// What a note is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum NoteKind {
    /// The same department, year and kind appear in more than one column; all are kept.
    Duplicate,
    /// The columns are of different years.
    DifferentYears,
    /// Budgets are compared with final accounts.
    DifferentKinds,
    /// Some columns were printed in 元 and converted to 万元.
    UnitsNormalised,
    /// Some columns hold only part of a disclosure: what they lack is not given, not zero.
    Parts,
    /// Some columns hold no disclosure at all: nothing in them is compared.
    NotADisclosure,
}

/// Something the reader of a comparison should know.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Note {
    /// What it is about.
    pub kind: NoteKind,
    /// The columns concerned (0-based).
    pub columns: Vec<usize>,
    /// The note in Chinese.
    pub message_zh: String,
    /// The note in English.
    pub message_en: String,
}

/// Documents side by side.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Comparison {
    /// The documents, in the order given.
    pub columns: Vec<Column>,
    /// The metrics, grouped, in display order.
    pub rows: Vec<Row>,
    /// What to keep in mind.
    pub notes: Vec<Note>,
}

/// The language of labels in exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Lang {
    /// 中文.
    #[default]
    Zh,
    /// English.
    En,
}

/// One document reduced to what a comparison needs.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entry {
    /// Its column.
    pub column: Column,
    /// Its metrics.
    pub metrics: Vec<Metric>,
}

/// Reduces an analysis to its column and metrics.
pub fn entry(label: impl Into<String>, a: &Analysis) -> Entry {
    let meta = &a.document.meta;
    Entry {
        column: Column {
            label: label.into(),
            department: meta.department.as_ref().map(|d| d.value.clone()),
            year: meta.year.as_ref().map(|y| y.value),
            kind: meta.kind,
            unit_printed: meta.unit,
            extent: meta.coverage.extent,
            covers: matches!(meta.coverage.extent, Extent::Part | Extent::Narrative).then(|| {
                let held: Vec<u8> = a.document.tables.iter().map(|t| t.number).collect();
                crate::parse::coverage::describe(meta, &held)
            }),
            stated_in: None,
        },
        metrics: metrics(a),
    }
}

/// Compares analysed documents, each with its label, in the order given.
pub fn compare(items: &[(String, &Analysis)]) -> Comparison {
    compare_entries(items.iter().map(|(l, a)| entry(l.clone(), a)).collect())
}

/// Compares documents already reduced to [`Entry`]s.
pub fn compare_entries(entries: Vec<Entry>) -> Comparison {
    let n = entries.len();
    let mut rows: Vec<Row> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    // Where a row sorts: its group, then its place in the fixed list (or its code, for the
    // 功能分类 shares, which differ between documents).
    let mut order: Vec<(MetricGroup, usize)> = Vec::new();
    let mut columns = Vec::with_capacity(n);
    for (col, e) in entries.into_iter().enumerate() {
        columns.push(e.column);
        for (place, m) in e.metrics.into_iter().enumerate() {
            let i = *index.entry(m.id.clone()).or_insert_with(|| {
                rows.push(Row {
                    metric: m.id.clone(),
                    group: m.group,
                    parent: m.parent.clone(),
                    label_zh: m.label_zh.clone(),
                    label_en: m.label_en.clone(),
                    unit: m.unit,
                    values: vec![None; n],
                    exact: vec![None; n],
                    lines: vec![Vec::new(); n],
                    highest: None,
                    lowest: None,
                    derivation_zh: m.derivation_zh.clone(),
                    derivation_en: m.derivation_en.clone(),
                });
                let place = if m.group == MetricGroup::Function {
                    0
                } else {
                    place
                };
                order.push((m.group, place));
                rows.len() - 1
            });
            let row = &mut rows[i];
            if m.value.is_some() && row.values.iter().all(Option::is_none) {
                row.derivation_zh = m.derivation_zh;
                row.derivation_en = m.derivation_en;
            }
            row.values[col] = m.value;
            row.exact[col] = m.exact;
            row.lines[col] = m.lines;
        }
    }
    let mut keyed: Vec<((MetricGroup, usize), Row)> = order.into_iter().zip(rows).collect();
    crate::sort::sort_by(&mut keyed, |(ka, ra), (kb, rb)| {
        ka.cmp(kb).then_with(|| {
            if ra.group == MetricGroup::Function {
                ra.metric.cmp(&rb.metric)
            } else {
                std::cmp::Ordering::Equal
            }
        })
    });
    let mut rows: Vec<Row> = keyed.into_iter().map(|(_, r)| r).collect();
    for row in &mut rows {
        (row.highest, row.lowest) = extremes(&row.values);
    }
    let notes = notes(&columns);
    Comparison {
        columns,
        rows,
        notes,
    }
}

/// The first column of the highest and of the lowest value, unless fewer than two values are
/// given or all are equal.
fn extremes(values: &[Option<Decimal>]) -> (Option<usize>, Option<usize>) {
    let given: Vec<(usize, Decimal)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .collect();
    let Some(&(first_i, first)) = given.first() else {
        return (None, None);
    };
    if given.len() < 2 || given.iter().all(|&(_, v)| v == first) {
        return (None, None);
    }
    let (mut hi, mut lo) = ((first_i, first), (first_i, first));
    for &(i, v) in &given[1..] {
        if v > hi.1 {
            hi = (i, v);
        }
        if v < lo.1 {
            lo = (i, v);
        }
    }
    (Some(hi.0), Some(lo.0))
}

/// "第1、3列" / "columns 1, 3" (1-based for readers).
fn column_list(cols: &[usize]) -> (String, String) {
    let nums: Vec<String> = cols.iter().map(|c| (c + 1).to_string()).collect();
    (
        format!("第{}列", nums.join("、")),
        format!(
            "column{} {}",
            if nums.len() > 1 { "s" } else { "" },
            nums.join(", ")
        ),
    )
}

/// A note on the columns `which` picks, worded by `words` from their list ("第1、3列",
/// "columns 1, 3"); none when it picks none.
fn note_on(
    columns: &[Column],
    kind: NoteKind,
    which: impl Fn(&Column) -> bool,
    words: impl Fn(&str, &str) -> (String, String),
) -> Option<Note> {
    let picked: Vec<usize> = (0..columns.len()).filter(|&i| which(&columns[i])).collect();
    if picked.is_empty() {
        return None;
    }
    let (zh, en) = column_list(&picked);
    let (message_zh, message_en) = words(&zh, &en);
    Some(Note {
        kind,
        columns: picked,
        message_zh,
        message_en,
    })
}

fn notes(columns: &[Column]) -> Vec<Note> {
    let mut notes = Vec::new();
    let mut same: BTreeMap<(&str, Option<u16>, &str), Vec<usize>> = BTreeMap::new();
    for (i, c) in columns.iter().enumerate() {
        if let Some(d) = &c.department {
            same.entry((d.as_str(), c.year, c.kind.slug()))
                .or_default()
                .push(i);
        }
    }
    let mut dups: Vec<Vec<usize>> = same.into_values().filter(|v| v.len() > 1).collect();
    crate::sort::sort(&mut dups);
    for cols in dups {
        let c = &columns[cols[0]];
        let (zh_cols, en_cols) = column_list(&cols);
        let year = c.year.map(|y| y.to_string()).unwrap_or_default();
        notes.push(Note {
            kind: NoteKind::Duplicate,
            message_zh: format!(
                "{}出现 {} 次（{zh_cols}）：都是{} {year} 年{}，均已保留，请确认是否重复提供了同一文件。",
                c.department.as_deref().unwrap_or_default(),
                cols.len(),
                c.department.as_deref().unwrap_or_default(),
                c.kind.label()
            ),
            message_en: format!(
                "{} {year} ({}) appears {} times ({en_cols}); all are kept. Check whether the same document was given twice.",
                c.department.as_deref().unwrap_or_default(),
                c.kind.slug(),
                cols.len()
            ),
            columns: cols,
        });
    }
    let mut years: Vec<u16> = columns.iter().filter_map(|c| c.year).collect();
    crate::sort::sort(&mut years);
    years.dedup();
    if years.len() > 1 {
        let list: Vec<String> = years.iter().map(u16::to_string).collect();
        notes.push(Note {
            kind: NoteKind::DifferentYears,
            columns: (0..columns.len()).collect(),
            message_zh: format!(
                "所比较的文件属于不同年度（{}），金额未按物价或口径调整。",
                list.join("、")
            ),
            message_en: format!(
                "The documents are of different years ({}); amounts are not adjusted for prices or scope.",
                list.join(", ")
            ),
        });
    }
    let finals: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i].kind == DocKind::Final)
        .collect();
    if !finals.is_empty() && finals.len() < columns.len() {
        let (zh, en) = column_list(&finals);
        notes.push(Note {
            kind: NoteKind::DifferentKinds,
            message_zh: format!("{zh}是决算，其余是预算：决算数是实际执行数，与预算数不可直接比较。"),
            message_en: format!("{en} are final accounts and the others budgets: actual spending is not directly comparable with planned spending."),
            columns: finals,
        });
    }
    notes.extend(note_on(
        columns,
        NoteKind::UnitsNormalised,
        |c| c.unit_printed == Unit::Yuan,
        |zh, en| {
            (
                format!("{zh}原以元为单位印制，已换算为万元（除以 10000，未四舍五入）。"),
                format!("{en} printed amounts in yuan; they were converted to 万元 (divided by 10,000, not rounded)."),
            )
        },
    ));
    let parts: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i].covers.is_some())
        .collect();
    if !parts.is_empty() {
        let each = |pick: fn(&(String, String)) -> &String, col: &dyn Fn(usize) -> String, sep| {
            parts
                .iter()
                .filter_map(|&i| Some(format!("{}{}", col(i), pick(columns[i].covers.as_ref()?))))
                .collect::<Vec<_>>()
                .join(sep)
        };
        notes.push(Note {
            kind: NoteKind::Parts,
            message_zh: format!(
                "{}。这样的列里，它没有的表所给出的数显示为「—」：不是零，也不表示文件没有公开。",
                each(|c| &c.0, &|i| format!("第{}列为", i + 1), "；")
            ),
            message_en: format!(
                "{}. In such a column a figure from a table the part lacks shows as \"—\": it is not zero, nor a sign that the document left it out.",
                each(|c| &c.1, &|i| format!("Column {} is ", i + 1), "; ")
            ),
            columns: parts,
        });
    }
    notes.extend(note_on(
        columns,
        NoteKind::NotADisclosure,
        |c| c.extent == Extent::NotADisclosure,
        |zh, en| {
            (
                format!("{zh}不是部门预算或决算公开文件的文字，没有可比较的数。"),
                format!("{en} hold no text of a budget or final-accounts disclosure: nothing in them is compared."),
            )
        },
    ));
    notes
}

/// The pairs `(part, whole)` among `selected` metric ids where one is nested under the other
/// (a 款 share with its 类, a 三公 part with the total): adding them up would count twice.
pub fn nested_selection(c: &Comparison, selected: &[&str]) -> Vec<(String, String)> {
    let parent: HashMap<&str, &str> = c
        .rows
        .iter()
        .filter_map(|r| Some((r.metric.as_str(), r.parent.as_deref()?)))
        .collect();
    let mut out = Vec::new();
    for &id in selected {
        let mut up = parent.get(id).copied();
        let mut steps = 0;
        while let Some(p) = up {
            if selected.contains(&p) {
                out.push((id.to_owned(), p.to_owned()));
            }
            steps += 1;
            if steps > 16 {
                break;
            }
            up = parent.get(p).copied();
        }
    }
    out
}

/// A text cell: quoted when it holds a comma, quote or line break; neutralised with a leading
/// apostrophe when a spreadsheet would read it as a formula (= + - @, tab, CR).
pub fn csv_text(s: &str) -> String {
    let mut v = String::with_capacity(s.len() + 2);
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.push('\'');
    }
    v.push_str(s);
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// The comparison as CSV: UTF-8 with a BOM (so spreadsheet programs read the Chinese), CRLF line
/// ends, a header (metric, unit, one column per document), one line per metric. Values are
/// written as plain decimal numbers (negative ones too: they are numbers, not formulas); every
/// text cell goes through [`csv_text`].
pub fn to_csv(c: &Comparison, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let headings = headings(c, lang);
    let (metric, unit) = match lang {
        Lang::Zh => ("指标", "单位"),
        Lang::En => ("metric", "unit"),
    };
    let header: Vec<String> = [metric.to_owned(), unit.to_owned()]
        .into_iter()
        .chain(headings)
        .map(|h| csv_text(&h))
        .collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for r in &c.rows {
        let (label, unit) = match lang {
            Lang::Zh => (r.label_zh.as_str(), r.unit.label_zh()),
            Lang::En => (r.label_en.as_str(), r.unit.label_en()),
        };
        out.push_str(&csv_text(label));
        out.push(',');
        out.push_str(&csv_text(unit));
        for v in &r.values {
            out.push(',');
            if let Some(v) = v {
                out.push_str(&v.to_string());
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// Column headings, with the label added where two would otherwise read the same.
pub fn headings(c: &Comparison, lang: Lang) -> Vec<String> {
    let plain: Vec<String> = c.columns.iter().map(|col| col.heading(lang)).collect();
    plain
        .iter()
        .zip(&c.columns)
        .map(|(h, col)| {
            if plain.iter().filter(|o| *o == h).count() > 1 && *h != col.label {
                format!("{h} ({})", col.label)
            } else {
                h.clone()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Analysis {
        crate::analyze(include_str!(
            "../../../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt"
        ))
    }

    fn synthetic() -> Analysis {
        crate::analyze(include_str!(
            "../../../../fixtures/synthetic-sample-renamed.txt"
        ))
    }

    fn row<'c>(c: &'c Comparison, id: &str) -> &'c Row {
        c.rows
            .iter()
            .find(|r| r.metric == id)
            .unwrap_or_else(|| panic!("no row {id}"))
    }

    fn values(r: &Row) -> Vec<Option<String>> {
        r.values.iter().map(|v| v.map(|v| v.to_string())).collect()
    }

    #[test]
    fn sample_against_synthetic() {
        let (a, b) = (sample(), synthetic());
        let c = compare(&[("a.txt".into(), &a), ("b.txt".into(), &b)]);
        assert_eq!(c.columns.len(), 2);
        assert_eq!(
            c.columns[0].department.as_deref(),
            Some("库尔勒市朝阳街道办事处")
        );
        assert_eq!(
            c.columns[1].department.as_deref(),
            Some("库尔勒市示例街道办事处")
        );
        assert!(c.notes.is_empty(), "{:?}", c.notes);

        let r = row(&c, "per_staff_actual_three_public");
        assert_eq!(values(r), [Some("0.05".into()), Some("0.06".into())]);
        assert_eq!((r.highest, r.lowest), (Some(1), Some(0)));
        let r = row(&c, "procurement");
        assert_eq!(values(r), [Some("32.09".into()), Some("28.50".into())]);
        assert_eq!((r.highest, r.lowest), (Some(0), Some(1)));
        let r = row(&c, "yoy_three_public_growth");
        assert_eq!(values(r), [Some("0.00".into()), Some("14.29".into())]);
        assert_eq!((r.highest, r.lowest), (Some(1), Some(0)));
        // Equal values: no marker.
        let r = row(&c, "income_total");
        assert_eq!(values(r), [Some("2300.52".into()), Some("2300.52".into())]);
        assert_eq!((r.highest, r.lowest), (None, None));
        // Neither gives it.
        let r = row(&c, "yoy_income_total_change");
        assert_eq!(values(r), [None, None]);
        assert_eq!((r.highest, r.lowest), (None, None));
        assert_eq!(
            row(&c, "share_basic").derivation_zh,
            "表3 基本支出 ÷ 表3 合计 × 100"
        );
    }

    /// Lines `from..to` (1-based, `to` excluded) of the sample.
    fn sample_lines(from: usize, to: usize) -> String {
        let text = include_str!("../../../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt");
        text.lines()
            .skip(from - 1)
            .take(to - from)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn parts_are_marked_with_what_they_hold() {
        let whole = sample();
        // The sample's 表1 alone (lines 55–125) and its 第三部分 alone (lines 1111–3028).
        let table1 = crate::analyze(&sample_lines(55, 126));
        let narrative = crate::analyze(&sample_lines(1111, 3029));
        let noise = crate::analyze("今天天气很好。\n我们去公园散步。");
        let c = compare(&[
            ("whole.txt".into(), &whole),
            ("t1.txt".into(), &table1),
            ("n.txt".into(), &narrative),
            ("x.txt".into(), &noise),
        ]);
        let extents: Vec<Extent> = c.columns.iter().map(|c| c.extent).collect();
        assert_eq!(
            extents,
            [
                Extent::Whole,
                Extent::Part,
                Extent::Narrative,
                Extent::NotADisclosure
            ]
        );
        assert_eq!(c.columns[0].covers, None);
        assert_eq!(c.columns[3].covers, None);
        let covers: Vec<&str> = c.columns[1..3]
            .iter()
            .map(|c| c.covers.as_ref().map_or("", |c| c.0.as_str()))
            .collect();
        assert!(covers[0].ends_with("表1"), "{covers:?}");
        assert!(covers[1].contains("情况说明"), "{covers:?}");

        let parts = c.notes.iter().find(|n| n.kind == NoteKind::Parts);
        let parts = parts.expect("a note on the parts");
        assert_eq!(parts.columns, [1, 2]);
        assert!(
            parts
                .message_zh
                .starts_with(&format!("第2列为{}；第3列为", covers[0])),
            "{}",
            parts.message_zh
        );
        assert!(
            parts.message_en.starts_with("Column 2 is part of"),
            "{}",
            parts.message_en
        );
        let none = c.notes.iter().find(|n| n.kind == NoteKind::NotADisclosure);
        assert_eq!(none.map(|n| n.columns.clone()), Some(vec![3]));

        // 表1 gives the income total; the basic-spending share needs 表3, which it lacks.
        let r = row(&c, "income_total");
        assert_eq!(
            values(r)[..2],
            [Some("2300.52".into()), Some("2300.52".into())]
        );
        let r = row(&c, "share_basic");
        assert!(r.values[0].is_some() && r.values[1].is_none());
        // Only the whole document has a completeness score.
        let r = row(&c, "completeness_complete");
        assert_eq!(values(r), [Some("16".into()), None, None, None]);
        assert_eq!((r.highest, r.lowest), (None, None));
    }

    #[test]
    fn rows_are_grouped_and_function_shares_ordered_by_code() {
        let a = sample();
        let empty = crate::analyze("");
        let c = compare(&[("empty".into(), &empty), ("a".into(), &a)]);
        let groups: Vec<MetricGroup> = c.rows.iter().map(|r| r.group).collect();
        let mut sorted = groups.clone();
        sorted.sort();
        assert_eq!(groups, sorted);
        let func: Vec<&str> = c
            .rows
            .iter()
            .filter(|r| r.group == MetricGroup::Function)
            .map(|r| r.metric.as_str())
            .collect();
        assert_eq!(
            &func[..3],
            ["share_func_201", "share_func_20101", "share_func_20103"]
        );
        // The derivation comes from the column that has a value.
        assert!(row(&c, "share_func_201").derivation_zh.starts_with("表3"));
        assert_eq!(row(&c, "income_total").values[0], None);
        assert_eq!(row(&c, "income_total").highest, None);
    }

    #[test]
    fn notes_for_duplicates_years_kinds_and_units() {
        let a = sample();
        let c = compare(&[("x".into(), &a), ("y".into(), &a)]);
        assert_eq!(c.notes.len(), 1);
        assert_eq!(c.notes[0].kind, NoteKind::Duplicate);
        assert_eq!(c.notes[0].columns, [0, 1]);
        assert!(c.notes[0].message_zh.contains("均已保留"));
        assert_eq!(
            headings(&c, Lang::Zh),
            [
                "库尔勒市朝阳街道办事处 2024 预算 (x)",
                "库尔勒市朝阳街道办事处 2024 预算 (y)"
            ]
        );

        let mut e1 = entry("one", &a);
        let mut e2 = entry("two", &a);
        e1.column.department = Some("甲".into());
        e2.column.year = Some(2023);
        e2.column.kind = DocKind::Final;
        e2.column.unit_printed = Unit::Yuan;
        let c = compare_entries(vec![e1, e2]);
        let kinds: Vec<NoteKind> = c.notes.iter().map(|n| n.kind).collect();
        assert_eq!(
            kinds,
            [
                NoteKind::DifferentYears,
                NoteKind::DifferentKinds,
                NoteKind::UnitsNormalised
            ]
        );
        assert!(c.notes[0].message_zh.contains("2023、2024"));
        assert_eq!(c.notes[2].columns, [1]);
    }

    #[test]
    fn nested_selections_are_found() {
        let a = sample();
        let c = compare(&[("a".into(), &a)]);
        let pairs = nested_selection(
            &c,
            &[
                "share_func_201",
                "share_func_20103",
                "share_func_208",
                "three_public",
                "three_public_vehicle_operation",
            ],
        );
        assert_eq!(
            pairs,
            [
                ("share_func_20103".to_owned(), "share_func_201".to_owned()),
                (
                    "three_public_vehicle_operation".to_owned(),
                    "three_public".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn a_document_printed_in_yuan_is_converted_exactly() {
        // The Wanli street office's budget prints its tables in 元 (收入总计 164,978,640).
        let text = include_str!("../../../../fixtures/corpus/wanli-2023/pypdf.txt");
        let yuan = crate::analyze(text);
        let a = sample();
        let c = compare(&[("wan".into(), &a), ("yuan".into(), &yuan)]);
        assert_eq!(c.columns[1].unit_printed, Unit::Yuan);
        let r = row(&c, "income_total");
        assert_eq!(
            values(r),
            [Some("2300.52".into()), Some("16497.864".into())]
        );
        assert_eq!((r.highest, r.lowest), (Some(1), Some(0)));
        // Shares do not depend on the unit: 99,406,297 / 164,978,640 = 60.254… %.
        assert_eq!(
            values(row(&c, "share_basic")),
            [Some("91.39".into()), Some("60.25".into())]
        );
        let note = c.notes.iter().find(|n| n.kind == NoteKind::UnitsNormalised);
        assert_eq!(note.map(|n| n.columns.clone()), Some(vec![1]));
    }

    #[test]
    fn damaged_documents_never_break_the_comparison() {
        let text = include_str!("../../../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt");
        let mut variants: Vec<String> = (1..12)
            .map(|i| {
                let mut cut = text.len() * i / 12;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                text[..cut].to_owned()
            })
            .collect();
        variants.push(text.replace('0', "9"));
        variants.push(text.replace(".", ""));
        variants.push(text.lines().rev().collect::<Vec<_>>().join("\n"));
        variants.push("总计 99999999999999999999999999 1 2\n表 1\n部门收支总体情况表\n".repeat(3));
        let analyses: Vec<Analysis> = variants.iter().map(|t| crate::analyze(t)).collect();
        let items: Vec<(String, &Analysis)> = analyses
            .iter()
            .enumerate()
            .map(|(i, a)| (format!("v{i}"), a))
            .collect();
        let c = compare(&items);
        assert_eq!(c.columns.len(), variants.len());
        assert!(c.rows.iter().all(|r| r.values.len() == variants.len()));
        let csv = to_csv(&c, Lang::En);
        assert_eq!(csv.matches("\r\n").count(), c.rows.len() + 1);
    }

    #[test]
    fn csv_cells() {
        for (input, want) in [
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@cmd", "'@cmd"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("=a,b", "\"'=a,b\""),
            ("收入总计", "收入总计"),
        ] {
            assert_eq!(csv_text(input), want, "{input:?}");
        }
    }

    #[test]
    fn csv_export() {
        let (a, b) = (sample(), synthetic());
        let c = compare(&[("a".into(), &a), ("b".into(), &b)]);
        let csv = to_csv(&c, Lang::Zh);
        assert!(csv.starts_with('\u{feff}'));
        let mut lines = csv.trim_start_matches('\u{feff}').split("\r\n");
        assert_eq!(
            lines.next(),
            Some("指标,单位,库尔勒市朝阳街道办事处 2024 预算,库尔勒市示例街道办事处 2024 预算")
        );
        assert_eq!(lines.next(), Some("收入总计,万元,2300.52,2300.52"));
        assert!(csv.contains("\r\n机关运行经费比上年增减,万元,-17.95,-17.95\r\n"));
        assert!(csv.contains("\r\n人均“三公”经费（按实有人数）,万元/人,0.05,0.06\r\n"));
        assert!(csv.ends_with("\r\n"));
        assert_eq!(csv.matches("\r\n").count(), c.rows.len() + 1);
        let en = to_csv(&c, Lang::En);
        assert!(en.contains("\r\nTotal income,10k yuan,2300.52,2300.52\r\n"));
        assert!(en.contains("2024 budget"));
    }
}
