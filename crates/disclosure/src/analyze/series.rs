//! One department over the years: its documents in year order, and beside them the previous
//! year each document states (its "比上年增加/减少" figures) when no document of that year is
//! given, with the change in amount and percent from each column to the next.
//!
//! Works on [`Entry`]s, as [`compare_entries`] does, so the page can keep the metrics of a
//! whole workspace without every analysis.

use rust_decimal::Decimal;

use super::compare::{compare_entries, Column, Comparison, Entry};
use super::metrics::{round2, Metric, MetricUnit};
use crate::model::DocKind;

/// A change from one column to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Change {
    /// This column's value minus the previous column's, in the row's unit.
    pub amount: Decimal,
    /// The change as a percentage of the previous value, rounded to two decimals; `None` when
    /// the previous value is zero.
    pub percent: Option<Decimal>,
    /// The change is the one the document states against the previous year it states (its
    /// "比上年增加/减少"), not a difference of the two columns: the document may state it on
    /// another basis than its table's figure (the sample's 一般公共预算 2,283.56 万元 in its
    /// 说明 against 2,287.86 万元 of 一般公共预算拨款 in 表1).
    pub stated: bool,
}

/// One department's documents over the years.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Series {
    /// The department (or unit), as its documents name it.
    pub department: String,
    /// For each column of [`Series::comparison`], the entry it shows (an index into the
    /// entries given), or, for a previous year a document states, `None`.
    pub docs: Vec<Option<usize>>,
    /// For a stated column, the entry that states it; `None` for a document's own column.
    pub stated_by: Vec<Option<usize>>,
    /// The columns compared, oldest first (years unknown last).
    pub comparison: Comparison,
    /// For each row of the comparison and each column, the change from the column before (in
    /// amounts only: 万元 rows; `None` in the first column and where either value is not given).
    pub changes: Vec<Vec<Option<Change>>>,
}

/// The metrics a document states for its previous year: `yoy_<id>_prior` gives `<id>`.
const PRIOR_PREFIX: &str = "yoy_";
const PRIOR_SUFFIX: &str = "_prior";

/// The previous year `e` states, as an entry of its own, when it states any figure for it.
fn stated_previous(e: &Entry) -> Option<Entry> {
    let year = e.column.year?.checked_sub(1)?;
    let metrics: Vec<Metric> = e
        .metrics
        .iter()
        .filter(|m| m.value.is_some())
        .filter_map(|m| {
            let id =
                m.id.strip_prefix(PRIOR_PREFIX)?
                    .strip_suffix(PRIOR_SUFFIX)?;
            let base = e.metrics.iter().find(|b| b.id == id)?;
            Some(Metric {
                id: id.to_owned(),
                group: base.group,
                parent: base.parent.clone(),
                label_zh: base.label_zh.clone(),
                label_en: base.label_en.clone(),
                value: m.value,
                exact: m.exact,
                unit: m.unit,
                derivation_zh: m.derivation_zh.clone(),
                derivation_en: m.derivation_en.clone(),
                lines: m.lines.clone(),
            })
        })
        .collect();
    if metrics.is_empty() {
        return None;
    }
    let this_year = e.column.year.unwrap_or_default();
    Some(Entry {
        column: Column {
            label: format!("{year}（{this_year} 年文件所述）"),
            department: e.column.department.clone(),
            year: Some(year),
            kind: e.column.kind,
            unit_printed: e.column.unit_printed,
            extent: e.column.extent,
            covers: None,
            stated_in: Some(this_year),
        },
        metrics,
    })
}

/// The documents of `entries` grouped by department (in the order each first appears), each
/// group in year order with the previous years its documents state where no document of that
/// year and kind is given. Documents without a department are left out.
pub fn over_years(entries: &[Entry]) -> Vec<Series> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let Some(dept) = &e.column.department else {
            continue;
        };
        match groups.iter_mut().find(|(d, _)| d == dept) {
            Some((_, v)) => v.push(i),
            None => groups.push((dept.clone(), vec![i])),
        }
    }
    groups
        .into_iter()
        .map(|(department, docs)| one(department, entries, &docs))
        .collect()
}

/// The change `e` states for metric `id` from the previous year, with its growth.
fn stated_change(e: &Entry, id: &str) -> Option<Change> {
    let get = |suffix: &str| {
        let id = format!("{PRIOR_PREFIX}{id}{suffix}");
        e.metrics.iter().find(|m| m.id == id).and_then(|m| m.value)
    };
    // A change stated in words ("与上年持平") is a bare 0: shown to two decimals like the rest.
    let mut amount = get("_change")?;
    if amount.scale() < 2 {
        amount.rescale(2);
    }
    Some(Change {
        amount,
        percent: get("_growth"),
        stated: true,
    })
}

fn one(department: String, entries: &[Entry], docs: &[usize]) -> Series {
    let given = |year: u16, kind: DocKind| {
        docs.iter()
            .any(|&i| entries[i].column.year == Some(year) && entries[i].column.kind == kind)
    };
    // (entry, stated by) for every column.
    let mut columns: Vec<(Entry, Option<usize>, Option<usize>)> = Vec::new();
    for &i in docs {
        columns.push((entries[i].clone(), Some(i), None));
        if let Some(prev) = stated_previous(&entries[i]) {
            let year = prev.column.year.unwrap_or_default();
            let already = columns
                .iter()
                .any(|(e, _, _)| e.column.year == Some(year) && e.column.kind == prev.column.kind);
            if !given(year, prev.column.kind) && !already {
                columns.push((prev, None, Some(i)));
            }
        }
    }
    // Oldest first, unknown years last; a year's documents before what others state of it.
    let key = |(e, doc, by): &(Entry, Option<usize>, Option<usize>)| {
        (
            e.column.year.is_none(),
            e.column.year,
            doc.is_none(),
            doc.or(*by).unwrap_or_default(),
        )
    };
    crate::sort::sort_by(&mut columns, |a, b| key(a).cmp(&key(b)));
    let docs_out: Vec<Option<usize>> = columns.iter().map(|(_, d, _)| *d).collect();
    let stated_by: Vec<Option<usize>> = columns.iter().map(|(_, _, b)| *b).collect();
    let comparison = compare_entries(columns.into_iter().map(|(e, _, _)| e).collect());
    let changes = comparison
        .rows
        .iter()
        .map(|r| {
            (0..r.values.len())
                .map(|i| {
                    if i == 0 || r.unit != MetricUnit::Wan {
                        return None;
                    }
                    if let (Some(doc), Some(by)) = (docs_out[i], stated_by[i - 1]) {
                        if doc == by {
                            return stated_change(&entries[doc], &r.metric);
                        }
                    }
                    let (now, before) = (r.exact[i]?, r.exact[i - 1]?);
                    let amount = now - before;
                    let percent = (!before.is_zero())
                        .then(|| {
                            amount
                                .checked_mul(Decimal::ONE_HUNDRED)?
                                .checked_div(before.abs())
                        })
                        .flatten()
                        .map(round2);
                    Some(Change {
                        amount,
                        percent,
                        stated: false,
                    })
                })
                .collect()
        })
        .collect();
    Series {
        department,
        docs: docs_out,
        stated_by,
        comparison,
        changes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::compare::entry;

    const SAMPLE: &str =
        include_str!("../../../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt");

    fn row<'a>(s: &'a Series, id: &str) -> (usize, &'a super::super::compare::Row) {
        s.comparison
            .rows
            .iter()
            .enumerate()
            .find(|(_, r)| r.metric == id)
            .unwrap_or_else(|| panic!("no row {id}"))
    }

    #[test]
    fn a_budget_beside_the_previous_year_it_states() {
        let sample = entry("sample.txt", &crate::analyze(SAMPLE));
        let series = over_years(&[sample]);
        assert_eq!(series.len(), 1);
        let s = &series[0];
        assert_eq!(s.department, "库尔勒市朝阳街道办事处");
        // 2023 as the 2024 budget states it, then the 2024 budget itself.
        let years: Vec<Option<u16>> = s.comparison.columns.iter().map(|c| c.year).collect();
        assert_eq!(years, [Some(2023), Some(2024)]);
        assert_eq!(s.docs, [None, Some(0)]);
        assert_eq!(s.stated_by, [Some(0), None]);
        assert_eq!(s.comparison.columns[0].stated_in, Some(2024));
        assert_eq!(s.comparison.columns[0].label, "2023（2024 年文件所述）");
        // The sample's 一般公共预算拨款: 2,287.86 万元 in 表1; its 第三部分 says "一般公共预算
        // 2,283.56 万元…比上年预算增加 239.81 万元" (增长 11.73%): 2023's is 2,043.75.
        let (i, r) = row(s, "general_budget");
        let values: Vec<Option<String>> =
            r.values.iter().map(|v| v.map(|v| v.to_string())).collect();
        assert_eq!(values, [Some("2043.75".into()), Some("2287.86".into())]);
        assert_eq!(s.changes[i][0], None);
        // The change is the one the document states, on its 说明's basis (2,283.56 − 2,043.75),
        // not the difference of the two columns (244.11): a different basis.
        let change = s.changes[i][1].expect("a change");
        assert_eq!(change.amount.to_string(), "239.81");
        assert_eq!(
            change.percent.map(|p| p.to_string()).as_deref(),
            Some("11.73")
        );
        assert!(change.stated);
        // 三公 "与上年持平": a stated change of 0, shown as 0.00.
        let (i, _) = row(s, "three_public");
        assert_eq!(
            s.changes[i][1].map(|c| c.amount.to_string()).as_deref(),
            Some("0.00")
        );
        // A row the document states no previous year for has no change.
        let (i, r) = row(s, "personnel");
        assert!(r.values[0].is_none() && r.values[1].is_some());
        assert_eq!(s.changes[i][1], None);
    }

    #[test]
    fn a_stated_year_gives_way_to_a_document_of_that_year() {
        let a = crate::analyze(SAMPLE);
        let mut sample = entry("sample.txt", &a);
        let mut older = entry("older.txt", &a);
        older.column.year = Some(2023);
        sample.column.label = "s".into();
        let series = over_years(&[sample, older]);
        let s = &series[0];
        let years: Vec<Option<u16>> = s.comparison.columns.iter().map(|c| c.year).collect();
        // The 2023 document is given, so the 2024 budget's statement of 2023 is not shown; the
        // 2023 document's own statement of 2022 is.
        assert_eq!(years, [Some(2022), Some(2023), Some(2024)]);
        assert_eq!(s.docs, [None, Some(1), Some(0)]);
        assert_eq!(s.stated_by, [Some(1), None, None]);
        // Between two documents the change is their difference: here the same figures.
        let (i, _) = row(s, "general_budget");
        let change = s.changes[i][2].expect("a change");
        assert_eq!((change.amount, change.stated), (Decimal::ZERO, false));
        assert_eq!(
            change.percent.map(|p| p.to_string()).as_deref(),
            Some("0.00")
        );
    }

    #[test]
    fn no_year_no_statement_no_department() {
        let a = crate::analyze(SAMPLE);
        let mut unknown = entry("u.txt", &a);
        unknown.column.year = None;
        let mut nobody = entry("n.txt", &a);
        nobody.column.department = None;
        let series = over_years(&[unknown, nobody]);
        assert_eq!(
            series.len(),
            1,
            "the document without a department is left out"
        );
        assert_eq!(
            series[0].docs,
            [Some(0)],
            "no year: nothing stated beside it"
        );
        assert!(series[0]
            .changes
            .iter()
            .all(|r| r.iter().all(Option::is_none)));
    }
}
