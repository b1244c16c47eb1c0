//! Grouped bar charts (SVG) for the compare and time views. Every number a chart shows is a
//! string the table beside it shows too: the caller formats it once for both. Bars carry their
//! label as text, so no series is told apart by colour alone.

use disclosure::Decimal;
use yew::prelude::*;

use crate::format;
use crate::i18n::Lang;

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
pub fn grouped_bars(title: &str, groups: &[Group], scale: Scale, lang: Lang) -> Html {
    let height: u32 = groups
        .iter()
        .map(|g| GROUP_HEAD + BAR * g.bars.len() as u32 + GAP)
        .sum::<u32>()
        + 4;
    let mut y = 0;
    let body: Html = groups
        .iter()
        .map(|g| {
            let top = y;
            y += GROUP_HEAD + BAR * g.bars.len() as u32 + GAP;
            let largest = match scale {
                Scale::Percent => Decimal::ONE_HUNDRED,
                Scale::GroupLargest => g
                    .bars
                    .iter()
                    .filter_map(|b| b.value)
                    .max()
                    .unwrap_or(Decimal::ZERO),
            };
            html! {
                <g class="bar-group">
                    <text x="0" y={(top + 16).to_string()} class="group-label">{ short(&g.label, 40) }</text>
                    { for g.bars.iter().enumerate().map(|(i, b)| {
                        let by = top + GROUP_HEAD + BAR * i as u32;
                        let width = b
                            .value
                            .map_or_else(|| "0%".to_owned(), |v| format::bar_width(v, largest));
                        html! {
                            <g class="bar">
                                <title>{ format!("{} · {} · {}", g.label, b.label, b.text) }</title>
                                <text x="0" y={(by + 11).to_string()} class="bar-label">{ short(&b.label, 22) }</text>
                                <text x="100%" y={(by + 11).to_string()} text-anchor="end" class="bar-value">{ &b.text }</text>
                                <rect x="0" y={(by + 15).to_string()} width="100%" height="9" rx="2" class="bar-track" />
                                <rect x="0" y={(by + 15).to_string()} width={width} height="9" rx="2"
                                    class={classes!("bar-fill", format!("series-{}", i % 6))} />
                            </g>
                        }
                    }) }
                </g>
            }
        })
        .collect();
    html! {
        <svg class="bars grouped" width="100%" height={height.to_string()} role="img"
            aria-label={lang.chart_label(title)}>
            { body }
        </svg>
    }
}
