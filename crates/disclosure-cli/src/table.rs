//! `disclosure compare` as an aligned text table, sized for a terminal with CJK text.

use disclosure::analyze::compare::{headings, Comparison, Lang};
use disclosure::analyze::metrics::{MetricGroup, MetricUnit};
use disclosure::format::amount;

/// Display width of a string in a terminal: wide (CJK, full-width) characters take two columns;
/// characters of ambiguous width (“ ” ▲) take one, as in most terminals.
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let c = u32::from(c);
            let wide = matches!(c,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

fn pad_right(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

fn pad_left(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

/// The comparison as text: a legend of the columns, one block per group with the highest value
/// of a row marked ▲ and the lowest ▼, then the notes.
pub fn render(c: &Comparison, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let heads = headings(c, lang);
    for (i, (h, col)) in heads.iter().zip(&c.columns).enumerate() {
        if *h == col.label {
            out.push_str(&format!("[{}] {h}\n", i + 1));
        } else {
            out.push_str(&format!("[{}] {h}  {}\n", i + 1, col.label));
        }
    }
    out.push_str(if zh {
        "金额单位：万元（以元印制的已换算，未四舍五入）；▲ 最高，▼ 最低。\n"
    } else {
        "Amounts in 万元 (documents printed in 元 converted, not rounded); ▲ highest, ▼ lowest.\n"
    });
    let cells: Vec<Vec<String>> = c
        .rows
        .iter()
        .map(|r| {
            r.values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let Some(v) = v else { return "—".to_owned() };
                    let mut s = match r.unit {
                        MetricUnit::Count => v.to_string(),
                        _ => amount(*v),
                    };
                    if r.highest == Some(i) {
                        s.push('▲');
                    } else if r.lowest == Some(i) {
                        s.push('▼');
                    } else if r.highest.is_some() {
                        s.push(' ');
                    }
                    s
                })
                .collect()
        })
        .collect();
    let parents: std::collections::HashMap<&str, &str> = c
        .rows
        .iter()
        .filter_map(|r| Some((r.metric.as_str(), r.parent.as_deref()?)))
        .collect();
    let depth = |id: &str| {
        let mut d = 0;
        let mut up = parents.get(id);
        while let Some(p) = up.filter(|_| d < 8) {
            d += 1;
            up = parents.get(p);
        }
        d
    };
    let label = |r: &disclosure::analyze::compare::Row| {
        let indent = "  ".repeat(depth(&r.metric));
        let name = if zh { &r.label_zh } else { &r.label_en };
        format!("{indent}{name}")
    };
    let unit = |u: MetricUnit| if zh { u.label_zh() } else { u.label_en() };
    let (metric_h, unit_h) = if zh {
        ("指标", "单位")
    } else {
        ("metric", "unit")
    };
    let w_label = c
        .rows
        .iter()
        .map(|r| width(&label(r)))
        .chain([width(metric_h)])
        .max()
        .unwrap_or(0);
    let w_unit = c
        .rows
        .iter()
        .map(|r| width(unit(r.unit)))
        .chain([width(unit_h)])
        .max()
        .unwrap_or(0);
    let col_heads: Vec<String> = (1..=c.columns.len()).map(|i| format!("[{i}]")).collect();
    let w_cols: Vec<usize> = col_heads
        .iter()
        .enumerate()
        .map(|(i, h)| {
            cells
                .iter()
                .map(|row| row.get(i).map_or(0, |s| width(s)))
                .chain([width(h)])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |first: &str, second: &str, rest: &mut dyn Iterator<Item = String>| {
        let mut s = format!(
            "{}  {}",
            pad_right(first, w_label),
            pad_right(second, w_unit)
        );
        for (cell, w) in rest.zip(&w_cols) {
            s.push_str("  ");
            s.push_str(&pad_left(&cell, *w));
        }
        s.truncate(s.trim_end().len());
        s.push('\n');
        s
    };
    out.push('\n');
    out.push_str(&line(metric_h, unit_h, &mut col_heads.iter().cloned()));
    let mut group: Option<MetricGroup> = None;
    for (r, row_cells) in c.rows.iter().zip(&cells) {
        if group != Some(r.group) {
            group = Some(r.group);
            out.push_str(&format!(
                "【{}】\n",
                if zh {
                    r.group.label_zh()
                } else {
                    r.group.label_en()
                }
            ));
        }
        out.push_str(&line(
            &label(r),
            unit(r.unit),
            &mut row_cells.iter().cloned(),
        ));
    }
    if !c.notes.is_empty() {
        out.push_str(if zh { "\n说明：\n" } else { "\nNotes:\n" });
        for n in &c.notes {
            out.push_str(&format!(
                "  • {}\n",
                if zh { &n.message_zh } else { &n.message_en }
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("收入总计"), 8);
        assert_eq!(width("“三公”经费"), 10);
        assert_eq!(width("（类）"), 6);
        assert_eq!(width("2,300.52▲"), 9);
    }
}
