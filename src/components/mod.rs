//! One component per area of the page. Components read the state they are given as small
//! props (the prepared analysis is shared by pointer), change it only by dispatching
//! [`Action`](crate::state::Action)s through the [`Dispatch`] context, and compute no amounts:
//! every number shown comes from the core, formatted by [`crate::format`].

pub mod charts;
pub mod compare;
pub mod findings;
pub mod input;
pub mod nav;
pub mod previous;
pub mod shares;
pub mod source;
pub mod status;
pub mod summary;
pub mod tables;
pub mod time;
pub mod workspace;

use disclosure::check::Severity;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::markup::Markup;
use crate::state::Dispatch;

/// The state's dispatcher, from the context the app provides.
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("the app provides the dispatcher")
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

/// The quality counts: findings by severity (icon, word and number) and the completeness score,
/// written as text (see [`crate::markup`]); `class` is added to the list's.
pub fn quality_counts(m: &mut Markup, q: &disclosure::analyze::Quality, lang: Lang, class: &str) {
    m.put(
        r#"<ul class="counts{}" aria-label="{}">"#,
        &[class, lang.s().quality],
    );
    for (sev, n) in SEVERITIES
        .iter()
        .zip([q.errors, q.warnings, q.rounding, q.info])
    {
        m.put(
            r#"<li class="count sev-{}" data-count="{}" title="{}"><span class="sev-icon" aria-hidden="true">{}</span>{} <b>{}</b></li>"#,
            &[
                sev.slug(),
                sev.slug(),
                lang.severity_help(*sev),
                severity_icon(*sev),
                lang.severity(*sev),
                &n.to_string(),
            ],
        );
    }
    m.put(
        r#"<li class="count completeness" data-count="completeness"><span aria-hidden="true">☑ </span>{}</li></ul>"#,
        &[&lang.completeness(q.complete, q.required)],
    );
}
