//! Grouped bar charts (SVG) for the compare and time views. Every number a chart shows is a
//! string the table beside it shows too: the caller formats it once for both. Bars carry their
//! label as text, so no series is told apart by colour alone. [`png_button`] saves a chart as
//! a PNG.

use std::rc::Rc;

use disclosure::Decimal;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::format;
use crate::i18n::Lang;
use crate::png;

/// One bar: whose it is, the value as the table prints it, and the value for its length.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The column (department or year) it belongs to.
    pub label: String,
    /// The value as shown in the table ("72.36%", "12.17").
    pub text: String,
    /// The value, for the bar's length; `None` when not given.
    pub value: Option<Decimal>,
}

/// A group of bars: one metric (or one 类) across the columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// What the group is.
    pub label: String,
    /// Its bars.
    pub bars: Vec<Bar>,
}

/// How long a bar is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

#[derive(Properties, PartialEq)]
pub struct GroupedBarsProps {
    /// What the chart shows, for its accessible name.
    pub title: AttrValue,
    pub groups: Rc<Vec<Group>>,
    pub scale: Scale,
    pub lang: Lang,
}

/// The chart: each group's name, then one labelled bar per column.
#[component]
pub fn GroupedBars(props: &GroupedBarsProps) -> Html {
    let height: u32 = props
        .groups
        .iter()
        .map(|g| GROUP_HEAD + BAR * g.bars.len() as u32 + GAP)
        .sum::<u32>()
        + 4;
    let mut y = 0;
    let mut nodes = Vec::new();
    for g in props.groups.iter() {
        let largest = match props.scale {
            Scale::Percent => Decimal::ONE_HUNDRED,
            Scale::GroupLargest => g
                .bars
                .iter()
                .filter_map(|b| b.value)
                .max()
                .unwrap_or(Decimal::ZERO),
        };
        nodes.push(html! {
            <text x="0" y={(y + 16).to_string()} class="group-label">{ short(&g.label, 40) }</text>
        });
        y += GROUP_HEAD;
        for (i, b) in g.bars.iter().enumerate() {
            let width = b
                .value
                .map_or_else(|| "0%".to_owned(), |v| format::bar_width(v, largest));
            let text_y = (y + 11).to_string();
            let bar_y = (y + 15).to_string();
            nodes.push(html! {
                <g class="bar">
                    <title>{ format!("{} · {} · {}", g.label, b.label, b.text) }</title>
                    <text x="0" y={text_y.clone()} class="bar-label">{ short(&b.label, 22) }</text>
                    <text x="100%" y={text_y} text-anchor="end" class="bar-value">{ &b.text }</text>
                    <rect x="0" y={bar_y.clone()} width="100%" height="9" rx="2" class="bar-track"></rect>
                    <rect x="0" y={bar_y} {width} height="9" rx="2"
                        class={classes!("bar-fill", format!("series-{}", i % 6))}></rect>
                </g>
            });
            y += BAR;
        }
        y += GAP;
    }
    html! {
        <svg class="bars grouped" width="100%" height={height.to_string()} role="img"
            aria-label={props.lang.chart_label(&props.title)}>
            { for nodes }
        </svg>
    }
}

/// The button that saves the chart of its card (`.png-source`) as a PNG (`src/png.rs`); when
/// the chart has no figures to draw (`figures` false), disabled, with the reason beside it.
/// A plain function, not a component: a component type costs the page its own copy of yew's
/// mounting code, and this has no state.
pub fn png_button(caption: png::Caption, figures: bool, lang: Lang) -> Html {
    let s = lang.s();
    if !figures {
        return html! {
            <p class="png-row">
                <button type="button" class="secondary png-button" data-testid="download-png"
                    disabled=true title={s.png_empty}>{ s.download_png }</button>
                <span class="png-empty" data-testid="png-empty">{ s.png_empty }</span>
            </p>
        };
    }
    let file = caption.file.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        if let Some(button) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            crate::later::act(lang, crate::later::save_png(button, caption.clone()));
        }
    });
    html! {
        <p class="png-row">
            <button type="button" class="secondary png-button" data-testid="download-png"
                data-file={file} {onclick}>{ s.download_png }</button>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_labels_are_shortened() {
        assert_eq!(short("一般公共服务支出", 16), "一般公共服务支出");
        assert_eq!(short("一二三四五六七八九十", 5), "一二三四…");
    }
}
