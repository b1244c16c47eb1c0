//! Grouped bar charts (SVG) for the compare and time views. Every number a chart shows is a
//! string the table beside it shows too: the caller formats it once for both. Bars carry their
//! label as text, so no series is told apart by colour alone.

use disclosure::Decimal;

use crate::format;
use crate::i18n::Lang;
use crate::markup::Markup;

/// One bar: whose it is, the value as the table prints it, and the value for its length.
pub struct Bar {
    /// The column (department or year) it belongs to.
    pub label: String,
    /// The value as shown in the table ("72.36%", "12.17").
    pub text: String,
    /// The value, for the bar's length; `None` when not given.
    pub value: Option<Decimal>,
}

/// A group of bars: one metric (or one 类) across the columns.
pub struct Group {
    /// What the group is.
    pub label: String,
    /// Its bars.
    pub bars: Vec<Bar>,
}

/// How long a bar is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// The value is a percentage of the whole: the bar is that share of the width.
    Percent,
    /// Relative to the largest value in the group.
    GroupLargest,
}

/// A name shortened for a chart label (the table has it whole).
pub fn short(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_owned()
    } else {
        let mut s: String = name.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

const GROUP_HEAD: u32 = 24;
const BAR: u32 = 30;
const GAP: u32 = 10;

/// The chart: each group's name, then one labelled bar per column.
pub fn grouped_bars(m: &mut Markup, title: &str, groups: &[Group], scale: Scale, lang: Lang) {
    let height: u32 = groups
        .iter()
        .map(|g| GROUP_HEAD + BAR * g.bars.len() as u32 + GAP)
        .sum::<u32>()
        + 4;
    m.put(
        r#"<svg class="bars grouped" width="100%" height="{}" role="img" aria-label="{}">"#,
        &[&height.to_string(), &lang.chart_label(title)],
    );
    let mut y = 0;
    for g in groups {
        let largest = match scale {
            Scale::Percent => Decimal::ONE_HUNDRED,
            Scale::GroupLargest => g
                .bars
                .iter()
                .filter_map(|b| b.value)
                .max()
                .unwrap_or(Decimal::ZERO),
        };
        m.put(
            r#"<text x="0" y="{}" class="group-label">{}</text>"#,
            &[&(y + 16).to_string(), &short(&g.label, 40)],
        );
        y += GROUP_HEAD;
        for (i, b) in g.bars.iter().enumerate() {
            let width = b
                .value
                .map_or_else(|| "0%".to_owned(), |v| format::bar_width(v, largest));
            let text_y = (y + 11).to_string();
            let bar_y = (y + 15).to_string();
            m.put(
                r#"<g class="bar"><title>{} · {} · {}</title><text x="0" y="{}" class="bar-label">{}</text><text x="100%" y="{}" text-anchor="end" class="bar-value">{}</text><rect x="0" y="{}" width="100%" height="9" rx="2" class="bar-track"></rect><rect x="0" y="{}" width="{}" height="9" rx="2" class="bar-fill series-{}"></rect></g>"#,
                &[
                    &g.label,
                    &b.label,
                    &b.text,
                    &text_y,
                    &short(&b.label, 22),
                    &text_y,
                    &b.text,
                    &bar_y,
                    &bar_y,
                    &width,
                    &(i % 6).to_string(),
                ],
            );
            y += BAR;
        }
        y += GAP;
    }
    m.put("</svg>", &[]);
}
