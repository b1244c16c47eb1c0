//! Shares: what the money is for, as the core computes it. Each set names its denominator and
//! its total; a bar chart (SVG) and an accessible table show the same items, and the chart
//! shows no number the table does not. 功能分类 and 经济分类 drill down level by level.

use disclosure::analyze::shares::ShareSet;
use disclosure::analyze::Share;
use yew::prelude::*;

use super::use_dispatch;
use crate::format;
use crate::i18n::Lang;
use crate::markup::{action_of, refocus, Markup};
use crate::prepared::Prepared;
use crate::state::{Action, Drill, DrillSet};

#[derive(Properties, PartialEq)]
pub struct SharesProps {
    pub result: Prepared,
    pub lang: Lang,
    pub drill: Drill,
}

/// The items at the end of a drill path, with the path's valid part (codes that no longer
/// exist are ignored).
fn level<'a>(items: &'a [Share], path: &[String]) -> (&'a [Share], Vec<&'a Share>) {
    let mut current = items;
    let mut trail = Vec::new();
    for code in path {
        match current
            .iter()
            .find(|s| s.code.as_deref() == Some(code.as_str()) && !s.children.is_empty())
        {
            Some(s) => {
                trail.push(s);
                current = &s.children;
            }
            None => break,
        }
    }
    (current, trail)
}

/// A name shortened for a chart label (the table beside it has it whole).
fn short(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_owned()
    } else {
        let mut s: String = name.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

const ROW: u32 = 38;

/// The bar chart of some items: name and percentage above each bar.
fn chart(m: &mut Markup, items: &[Share], lang: Lang, title: &str) {
    let height = ROW * items.len() as u32 + 4;
    m.put(
        r#"<svg class="bars" width="100%" height="{}" role="img" aria-label="{}">"#,
        &[&height.to_string(), &lang.chart_label(title)],
    );
    for (i, item) in items.iter().enumerate() {
        let y = ROW * i as u32;
        let percent = item
            .percent
            .map(format::percent)
            .unwrap_or_else(|| "—".to_owned());
        // The bar's length is the core's percentage itself, as an SVG length.
        let width = item
            .percent
            .map(|p| format!("{}%", p.clamp(0.into(), 100.into())))
            .unwrap_or_else(|| "0".to_owned());
        let text_y = (y + 14).to_string();
        let bar_y = (y + 21).to_string();
        m.put(
            r#"<g class="bar"><title>{} {}</title><text x="0" y="{}" class="bar-label">{}</text><text x="100%" y="{}" text-anchor="end" class="bar-value">{}</text><rect x="0" y="{}" width="100%" height="10" rx="2" class="bar-track"></rect><rect x="0" y="{}" width="{}" height="10" rx="2" class="bar-fill"></rect></g>"#,
            &[
                &item.name,
                &percent,
                &text_y,
                &short(&item.name, 16),
                &text_y,
                &percent,
                &bar_y,
                &bar_y,
                &width,
            ],
        );
    }
    m.put("</svg>", &[]);
}

/// What one share section shows.
struct Section<'a> {
    /// For `data-testid="shares-{id}"`.
    id: &'a str,
    title: &'a str,
    set: &'a ShareSet,
    /// The items at the level shown.
    items: &'a [Share],
    /// Show each item's `detail` (what a project is for).
    detail: bool,
    /// For a drill-down: its set and the path to the level shown (its items' buttons open
    /// their level; see [`drill_arg`]).
    drill: Option<(DrillSet, &'a [String])>,
}

/// The `data-arg` of a drill button: the set and the path, "functional:201/20103".
fn drill_arg(set: DrillSet, path: &[String]) -> String {
    let name = match set {
        DrillSet::Functional => "functional",
        DrillSet::Economic => "economic",
    };
    format!("{name}:{}", path.join("/"))
}

/// The drill-down a button's `data-arg` names.
fn parse_drill_arg(arg: &str) -> Option<(DrillSet, Vec<String>)> {
    let (set, path) = arg.split_once(':')?;
    let set = match set {
        "functional" => DrillSet::Functional,
        "economic" => DrillSet::Economic,
        _ => return None,
    };
    Some((
        set,
        path.split('/')
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect(),
    ))
}

/// One set: heading, denominator, breadcrumb (for a drill-down), chart and table.
fn share_set(m: &mut Markup, section: Section<'_>, trail: &[&Share], lang: Lang) {
    let Section {
        id,
        title,
        set,
        items,
        detail,
        drill,
    } = section;
    let s = lang.s();
    let codes = items.iter().any(|i| i.code.is_some());
    let denominator = lang.denominator(
        &set.denominator_zh,
        &set.denominator_en,
        &format::amount(set.total),
        set.unit,
    );
    m.put(
        r#"<section class="share-set card" data-testid="shares-{}" aria-labelledby="shares-{}-h"><h3 id="shares-{}-h">{}</h3><p class="denominator" data-testid="denominator">{}</p>"#,
        &[id, id, id, title, &denominator],
    );
    if let Some((which, _)) = drill {
        m.put(r#"<nav class="crumbs" aria-label="{}"><ol><li>"#, &[title]);
        if trail.is_empty() {
            m.put(r#"<span aria-current="true">{}</span>"#, &[s.drill_all]);
        } else {
            m.put(
                r#"<button type="button" class="link" data-action="drill" data-arg="{}">{}</button>"#,
                &[&drill_arg(which, &[]), s.drill_all],
            );
        }
        m.put("</li>", &[]);
        for (i, share) in trail.iter().enumerate() {
            let path: Vec<String> = trail[..=i].iter().filter_map(|t| t.code.clone()).collect();
            let label = format!("{} {}", share.code.clone().unwrap_or_default(), share.name);
            if i + 1 == trail.len() {
                m.put(r#"<li><span aria-current="true">{}</span></li>"#, &[&label]);
            } else {
                m.put(
                    r#"<li><button type="button" class="link" data-action="drill" data-arg="{}">{}</button></li>"#,
                    &[&drill_arg(which, &path), &label],
                );
            }
        }
        m.put("</ol></nav>", &[]);
    }
    if items.is_empty() {
        m.put(r#"<p class="empty">—</p></section>"#, &[]);
        return;
    }
    m.put(r#"<div class="share-body">"#, &[]);
    chart(m, items, lang, title);
    m.put(
        r#"<div class="table-scroll"><table class="share-table"><caption class="visually-hidden">{}</caption><thead><tr>"#,
        &[title],
    );
    if codes {
        m.put(r#"<th scope="col">{}</th>"#, &[s.col_code]);
    }
    m.put(
        r#"<th scope="col">{}</th><th scope="col" class="num">{}</th><th scope="col" class="num">{}</th>"#,
        &[s.col_name, &lang.amount_in(set.unit), s.col_percent],
    );
    if detail {
        m.put(r#"<th scope="col">{}</th>"#, &[s.col_detail]);
    }
    m.put("</tr></thead><tbody>", &[]);
    for item in items {
        let code = item.code.as_deref().unwrap_or_default();
        // (No data-code attribute at all when the item has no code, as before.)
        if item.code.is_some() {
            m.put(r#"<tr data-testid="share-row" data-code="{}">"#, &[code]);
        } else {
            m.put(r#"<tr data-testid="share-row">"#, &[]);
        }
        if codes {
            m.put(r#"<td class="code">{}</td>"#, &[code]);
        }
        m.put(r#"<th scope="row">"#, &[]);
        match drill {
            Some((which, base)) if !item.children.is_empty() => {
                let mut path = base.to_vec();
                path.extend(item.code.clone());
                m.put(
                    r#"<button type="button" class="link drill" data-action="drill" data-arg="{}" aria-label="{} {}">{}<span aria-hidden="true"> ›</span></button>"#,
                    &[&drill_arg(which, &path), s.drill_in, &item.name, &item.name],
                );
            }
            _ => {
                m.put("{}", &[&item.name]);
            }
        }
        m.put(
            r#"</th><td class="num">{}</td><td class="num" data-testid="share-percent">{}</td>"#,
            &[
                &format::amount(item.amount),
                &item
                    .percent
                    .map(format::percent)
                    .unwrap_or_else(|| "—".to_owned()),
            ],
        );
        if detail {
            m.put(
                r#"<td class="detail">{}</td>"#,
                &[item.detail.as_deref().unwrap_or_default()],
            );
        }
        m.put("</tr>", &[]);
    }
    m.put("</tbody></table></div></div></section>", &[]);
}

/// A hierarchical set with a breadcrumb: 功能分类 (类 → 款 → 项) or 经济分类 (类 → 款).
fn drill_shares(m: &mut Markup, props: &SharesProps, which: DrillSet) {
    let s = props.lang.s();
    let shares = &props.result.analysis.shares;
    let (set, id, title) = match which {
        DrillSet::Functional => (shares.functional.as_ref(), "functional", s.functional),
        DrillSet::Economic => (shares.economic.as_ref(), "economic", s.economic),
    };
    let Some(set) = set else {
        return;
    };
    let (items, trail) = level(&set.items, props.drill.path(which));
    let base: Vec<String> = trail.iter().filter_map(|t| t.code.clone()).collect();
    share_set(
        m,
        Section {
            id,
            title,
            set,
            items,
            detail: false,
            drill: Some((which, &base)),
        },
        &trail,
        props.lang,
    );
}

/// The shares view (`nav-shares`), written as text from templates (see [`crate::markup`]); the
/// drill-down buttons share one listener.
#[component]
pub fn SharesView(props: &SharesProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let s = lang.s();
    let shares = &props.result.analysis.shares;
    let mut m = Markup::default();
    let flat = |m: &mut Markup, id: &str, title: &str, set: Option<&ShareSet>, detail: bool| {
        if let Some(set) = set {
            let section = Section {
                id,
                title,
                set,
                items: &set.items,
                detail,
                drill: None,
            };
            share_set(m, section, &[], lang);
        }
    };
    let nothing = shares.functional.is_none()
        && shares.economic.is_none()
        && shares.basic_project.is_none()
        && shares.personnel_public.is_none()
        && shares.three_public.is_none()
        && shares.projects.is_none();
    m.put(
        r#"<div class="shares" data-testid="shares-view"><h2 class="visually-hidden">{}</h2>"#,
        &[s.shares_heading],
    );
    if nothing {
        m.put(r#"<p class="empty card">{}</p>"#, &[s.no_shares]);
    }
    drill_shares(&mut m, props, DrillSet::Functional);
    m.put(r#"<div class="share-pair">"#, &[]);
    flat(
        &mut m,
        "basic-project",
        s.basic_project,
        shares.basic_project.as_ref(),
        false,
    );
    flat(
        &mut m,
        "personnel-public",
        s.personnel_public,
        shares.personnel_public.as_ref(),
        false,
    );
    m.put("</div>", &[]);
    drill_shares(&mut m, props, DrillSet::Economic);
    flat(
        &mut m,
        "three-public",
        s.three_public_parts,
        shares.three_public.as_ref(),
        false,
    );
    flat(
        &mut m,
        "projects",
        s.projects,
        shares.projects.as_ref(),
        true,
    );
    m.put("</div>", &[]);
    let onclick = Callback::from(move |e: MouseEvent| {
        if let Some((action, arg)) = action_of(&e).filter(|(a, _)| a == "drill") {
            if let Some((set, path)) = parse_drill_arg(&arg) {
                dispatch.dispatch(Action::Drill(set, path));
                refocus(action, arg);
            }
        }
    });
    html! { <div {onclick}>{ m.html() }</div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drill_levels_follow_codes_and_ignore_stale_ones() {
        let a = disclosure::analyze(crate::example::EXAMPLE);
        let items = &a.shares.functional.as_ref().unwrap().items;
        let (top, trail) = level(items, &[]);
        assert!(top.iter().any(|s| s.code.as_deref() == Some("201")));
        assert!(trail.is_empty());
        let (kuan, trail) = level(items, &["201".into()]);
        assert!(kuan.iter().any(|s| s.code.as_deref() == Some("20103")));
        assert_eq!(trail.len(), 1);
        let (xiang, trail) = level(items, &["201".into(), "20103".into(), "999".into()]);
        assert_eq!(trail.len(), 2);
        assert!(xiang
            .iter()
            .all(|s| s.code.as_deref().is_some_and(|c| c.starts_with("20103"))));
    }

    #[test]
    fn drill_buttons_name_their_set_and_path() {
        let path = vec!["201".to_owned(), "20103".to_owned()];
        let arg = drill_arg(DrillSet::Economic, &path);
        assert_eq!(arg, "economic:201/20103");
        assert_eq!(parse_drill_arg(&arg), Some((DrillSet::Economic, path)));
        assert_eq!(
            parse_drill_arg("functional:"),
            Some((DrillSet::Functional, vec![]))
        );
        assert_eq!(parse_drill_arg("other:1"), None);
    }

    #[test]
    fn chart_labels_are_shortened() {
        assert_eq!(short("一般公共服务支出", 16), "一般公共服务支出");
        assert_eq!(short("一二三四五六七八九十", 5), "一二三四…");
    }
}
