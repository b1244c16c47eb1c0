//! One component per area of the page. Components read the state they are given as small
//! props (the prepared analysis is shared by pointer), change it only by dispatching
//! [`Action`](crate::state::Action)s through the [`Dispatch`] context, and compute no amounts:
//! every number shown comes from the core, formatted by [`crate::format`].

pub mod answer;
pub mod charts;
pub mod compare;
pub mod findings;
pub mod glossary;
pub mod input;
pub mod kiosk;
pub mod nav;
pub mod page_picture;
pub mod previous;
pub mod ranking;
#[cfg(test)]
mod render_tests;
pub mod shares;
pub mod source;
pub mod status;
pub mod summary;
pub mod tables;
pub mod time;
pub mod workspace;

use std::ops::Deref;
use std::rc::Rc;

use disclosure::analyze::Quality;
use disclosure::check::Severity;
use disclosure::Extent;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::Dispatch;

/// The state's dispatcher, from the context the app provides.
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("the app provides the dispatcher")
}

/// Large data in props, shared by pointer: two are equal when they are the same allocation, so
/// comparing props never walks the data.
#[derive(Debug, Default)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}

/// The four severities, most serious first.
pub const SEVERITIES: [Severity; 4] = [
    Severity::Error,
    Severity::Warning,
    Severity::Rounding,
    Severity::Info,
];

/// A severity's icon: a shape as well as a colour, so it never rests on colour alone.
pub fn severity_icon(s: Severity) -> &'static str {
    match s {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Rounding => "≈",
        Severity::Info => "ℹ",
    }
}

/// `aria-pressed`, `aria-expanded` and the like.
pub fn aria_bool(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

#[derive(Properties, PartialEq)]
pub struct QualityCountsProps {
    pub quality: Quality,
    pub lang: Lang,
    /// How much of a disclosure the text holds: only a whole one has a completeness score.
    #[prop_or_default]
    pub extent: Extent,
    /// Added to the list's class.
    #[prop_or_default]
    pub class: Classes,
}

/// The quality counts: findings by severity (icon, word and number) and the completeness score.
#[component]
pub fn QualityCounts(props: &QualityCountsProps) -> Html {
    let QualityCountsProps {
        quality: q,
        lang,
        extent,
        class,
    } = props;
    let counts = [q.errors, q.warnings, q.rounding, q.info];
    html! {
        <ul class={classes!("counts", class.clone())} aria-label={lang.s().quality}>
            { for SEVERITIES.iter().zip(counts).map(|(&sev, n)| html! {
                <li class={classes!("count", format!("sev-{}", sev.slug()))} data-count={sev.slug()}
                    title={lang.severity_help(sev)}>
                    <span class="sev-icon" aria-hidden="true">{ severity_icon(sev) }</span>
                    { lang.severity(sev) }{ " " }<b>{ n }</b>
                </li>
            }) }
            if *extent == Extent::Whole {
                <li class="count completeness" data-count="completeness">
                    <span aria-hidden="true">{ "☑ " }</span>{ lang.completeness(q.complete, q.required) }
                </li>
            }
        </ul>
    }
}
