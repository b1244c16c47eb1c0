//! A plain-text rendering of a parsed document, one fact per line with its source line:
//! what the snapshot tests record and what a reviewer checks against the original text.

use std::fmt::Write;

use crate::model::*;

fn q(q: &Quantity) -> String {
    let unit = match &q.unit {
        QUnit::Wan => "万元".to_owned(),
        QUnit::Yuan => "元".to_owned(),
        QUnit::Percent => "%".to_owned(),
        QUnit::Count(w) => w.clone(),
        QUnit::SquareMetre => "平方米".to_owned(),
    };
    format!("{}{} @{}", q.value, unit, q.line)
}

fn change(c: &Change) -> String {
    let dir = match c.direction {
        Direction::Up => "+",
        Direction::Down => "-",
        Direction::Flat => "=",
    };
    match &c.amount {
        Some(a) => format!("{dir}{}", q(a)),
        None => dir.to_owned(),
    }
}

fn section(s: &SectionRef) -> String {
    format!("{}.{}.{}.{}", s.part, s.chapter, s.sub, s.item)
}

/// Renders the whole document.
pub fn outline(doc: &Document) -> String {
    let mut o = String::new();
    let m = &doc.meta;
    let _ = writeln!(
        o,
        "meta: department={:?} year={:?} kind={:?} unit={} family={:?} date={:?} lines={}",
        m.department.as_ref().map(|d| (&d.value, d.line)),
        m.year.as_ref().map(|y| (y.value, y.line)),
        m.kind,
        m.unit.label(),
        m.family,
        m.date.as_ref().map(|d| (&d.value, d.line)),
        doc.line_count,
    );
    let ov = &doc.overview;
    for f in &ov.functions {
        let _ = writeln!(o, "function @{}: {}", f.line, f.value);
    }
    if let Some(s) = &ov.offices_stated {
        let _ = writeln!(o, "offices stated: {} @{}", s.value, s.line);
    }
    for f in &ov.offices {
        let _ = writeln!(o, "office @{}: {}", f.line, f.value);
    }
    for (label, h) in [
        ("编制数", &ov.establishment),
        ("实有人数", &ov.actual),
        ("在职", &ov.in_service),
        ("退休", &ov.retired),
        ("离休", &ov.lixiu),
    ] {
        if let Some(h) = h {
            let ch = h.change.as_ref().map(change).unwrap_or_default();
            let _ = writeln!(o, "staff {label}: {} @{} {ch}", h.count, h.line);
        }
    }
    for t in &doc.tables {
        let _ = writeln!(
            o,
            "\n表{} {:?} {} [{}] lines {}-{} dept={:?}",
            t.number,
            t.kind,
            t.title,
            t.unit.label(),
            t.span.0,
            t.span.1,
            t.department.as_ref().map(|d| &d.value)
        );
        if let Some(e) = &t.empty_statement {
            let _ = writeln!(o, "  empty @{}: {}", e.line, e.value);
        }
        for b in &t.blocks {
            let cols: Vec<String> = b.columns.iter().map(|c| c.title().into_owned()).collect();
            let _ = writeln!(o, "  [{:?}] {}", b.side, cols.join(" | "));
            for r in &b.rows {
                let cells: Vec<String> = b
                    .columns
                    .iter()
                    .zip(&r.cells)
                    .filter_map(|(c, v)| v.map(|v| format!("{}={}", c.title(), v.value)))
                    .collect();
                let lines: Vec<String> = r.lines.iter().map(u32::to_string).collect();
                let _ = writeln!(
                    o,
                    "  L{} {:?}{}{} {}{}: {}",
                    lines.join(","),
                    r.kind,
                    r.key.map(|k| format!(" {k:?}")).unwrap_or_default(),
                    r.code.as_ref().map(|c| format!(" {c}")).unwrap_or_default(),
                    r.name,
                    r.project
                        .as_ref()
                        .map(|p| format!(" / {p}"))
                        .unwrap_or_default(),
                    cells.join(" ")
                );
            }
        }
    }
    if !doc.headings.is_empty() {
        let _ = writeln!(o);
    }
    for h in &doc.headings {
        let _ = writeln!(
            o,
            "heading {} @{}: {}",
            section(&h.section),
            h.line,
            h.title
        );
    }
    for s in &doc.statements {
        let value = s.value.as_ref().map(q).unwrap_or_else(|| "-".to_owned());
        let mut line = format!("claim {} {}: {}", section(&s.section), s.subject, value);
        if let Some(sh) = &s.share {
            let _ = write!(line, " share={}", q(sh));
        }
        if let Some(c) = &s.change {
            let _ = write!(line, " change={}", change(c));
        }
        if let Some(g) = &s.growth {
            let _ = write!(line, " growth={}", change(g));
        }
        if s.in_reason {
            line.push_str(" (reason)");
        }
        let _ = writeln!(o, "{line}");
    }
    for t in &doc.trends {
        let _ = writeln!(
            o,
            "trend {} {} {:?} @{}: {}",
            section(&t.section),
            t.subject,
            t.direction,
            t.line,
            t.phrase
        );
    }
    for l in &doc.listings {
        let items: Vec<String> = l
            .items
            .iter()
            .map(|i| format!("{}@{}", i.value, i.line))
            .collect();
        let _ = writeln!(
            o,
            "listing {} {}: {}",
            section(&l.section),
            l.subject,
            items.join("、")
        );
    }
    for p in &doc.projects {
        let terms: Vec<String> = p
            .terms
            .iter()
            .map(|t| {
                let mut s = q(&t.amount);
                for m in &t.multipliers {
                    let _ = write!(s, " × {}", q(m));
                }
                s
            })
            .collect();
        let _ = writeln!(
            o,
            "project {} {}: amount={} allocation=[{}]",
            section(&p.section),
            p.name,
            p.amount.as_ref().map(q).unwrap_or_default(),
            terms.join(" + ")
        );
    }
    for e in &doc.empty_statements {
        let _ = writeln!(o, "empty-statement @{}: {}", e.line, e.value);
    }
    for p in &doc.performance {
        let _ = writeln!(
            o,
            "\nperformance {:?} {:?} lines {}-{}: total={} fiscal={} other={} superior={} local={}",
            p.scope,
            p.project.as_ref().map(|p| (&p.value, p.line)),
            p.span.0,
            p.span.1,
            p.total.as_ref().map(q).unwrap_or_default(),
            p.fiscal.as_ref().map(q).unwrap_or_default(),
            p.other.as_ref().map(q).unwrap_or_default(),
            p.superior.as_ref().map(q).unwrap_or_default(),
            p.local.as_ref().map(q).unwrap_or_default(),
        );
        for i in &p.indicators {
            let _ = writeln!(
                o,
                "  {} / {} / {}: {:?} {}{} weight={:?} @{:?}",
                i.level1, i.level2, i.name, i.op, i.value, i.unit, i.weight, i.lines
            );
        }
    }
    for g in &doc.glossary {
        let _ = writeln!(o, "term @{}: {}", g.line, g.value);
    }
    o
}
