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
    m.open(
        "svg",
        &[
            ("class", Some("bars grouped")),
            ("width", Some("100%")),
            ("height", Some(&height.to_string())),
            ("role", Some("img")),
            ("aria-label", Some(&lang.chart_label(title))),
        ],
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
        m.el(
            "text",
            &[
                ("x", Some("0")),
                ("y", Some(&(y + 16).to_string())),
                ("class", Some("group-label")),
            ],
            &short(&g.label, 40),
        );
        y += GROUP_HEAD;
        for (i, b) in g.bars.iter().enumerate() {
            let width = b
                .value
                .map_or_else(|| "0%".to_owned(), |v| format::bar_width(v, largest));
            let text_y = (y + 11).to_string();
            let bar_y = (y + 15).to_string();
            m.open("g", &[("class", Some("bar"))])
                .el(
                    "title",
                    &[],
                    &format!("{} · {} · {}", g.label, b.label, b.text),
                )
                .el(
                    "text",
                    &[
                        ("x", Some("0")),
                        ("y", Some(&text_y)),
                        ("class", Some("bar-label")),
                    ],
                    &short(&b.label, 22),
                )
                .el(
                    "text",
                    &[
                        ("x", Some("100%")),
                        ("y", Some(&text_y)),
                        ("text-anchor", Some("end")),
                        ("class", Some("bar-value")),
                    ],
                    &b.text,
                );
            for (w, class) in [
                ("100%", "bar-track".to_owned()),
                (width.as_str(), format!("bar-fill series-{}", i % 6)),
            ] {
                m.open(
                    "rect",
                    &[
                        ("x", Some("0")),
                        ("y", Some(&bar_y)),
                        ("width", Some(w)),
                        ("height", Some("9")),
                        ("rx", Some("2")),
                        ("class", Some(&class)),
                    ],
                )
                .close("rect");
            }
            m.close("g");
            y += BAR;
        }
        y += GAP;
    }
    m.close("svg");
}
