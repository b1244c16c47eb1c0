//! No import cycles among the top-level modules of the core (`crates/disclosure/src`) or of the
//! app (`src/`, its components one level down): a reader who follows a `use` never comes back to
//! where they started. The graph is read from the sources: every `crate::a::…` path (in `use`
//! trees and inline) is an edge from the file's module to `a`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The module of a source file: its path under `root` to `depth` components ("check" for
/// `check/rules/cross.rs` at depth 1; "components::summary" for `components/summary.rs` at 2).
fn module_of(root: &Path, file: &Path, depth: usize) -> String {
    let rel = file.strip_prefix(root).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts.truncate(depth);
    if parts.is_empty() {
        "crate".to_owned()
    } else {
        parts.join("::")
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The text without comments (line and block), so that prose naming a module is no edge.
fn code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.find('\n').map_or("", |i| &r[i..]);
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.find("*/").map_or("", |i| &r[i + 2..]);
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Every `crate::x` (or `crate::{x, y::…}`) a file names: the first segments after `crate::`.
fn targets(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let after = &code[i + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            // A use tree: its top-level names, up to the matching brace.
            let mut depth = 0;
            let mut name = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.insert(std::mem::take(&mut name));
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 && (c.is_alphanumeric() || c == '_') {
                    name.push(c);
                } else if depth == 0 && c == ':' {
                    // `a::b` inside the tree: only `a` counts.
                    name.push('\u{0}');
                }
            }
            out.insert(name);
        } else {
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.insert(name);
        }
    }
    out.into_iter()
        .map(|n| n.split('\u{0}').next().unwrap_or("").to_owned())
        .filter(|n| !n.is_empty() && n.chars().next().is_some_and(|c| c.is_lowercase()))
        .collect()
}

/// The graph of `root`'s modules at `depth` (components one level deeper when `deep` names a
/// folder whose files are each a module).
fn graph(root: &Path, deep: Option<&str>) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let depth = match deep {
            Some(d) if f.strip_prefix(root).unwrap().starts_with(d) => 2,
            _ => 1,
        };
        let from = module_of(root, &f, depth);
        let text = std::fs::read_to_string(&f).unwrap();
        let code = code(&text);
        let edges = g.entry(from.clone()).or_default();
        for t in targets(&code) {
            // `crate::components::x` is the component `x` when components are nodes of their own.
            let to = match deep {
                Some(d) if t == d => {
                    let prefix = format!("crate::{d}::");
                    for (i, _) in code.match_indices(&prefix) {
                        let name: String = code[i + prefix.len()..]
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        if !name.is_empty() && format!("{d}::{name}") != from {
                            edges.insert(format!("{d}::{name}"));
                        }
                    }
                    continue;
                }
                _ => t,
            };
            if to != from {
                edges.insert(to);
            }
        }
    }
    g
}

/// A cycle of the graph, if it has one (depth-first search).
fn cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_owned(), 1);
        stack.push(n.to_owned());
        for m in g.get(n).into_iter().flatten() {
            match state.get(m.as_str()).copied().unwrap_or(0) {
                0 if g.contains_key(m) => {
                    if let Some(c) = visit(m, g, state, stack) {
                        return Some(c);
                    }
                }
                1 => {
                    let at = stack.iter().position(|s| s == m).unwrap();
                    let mut c = stack[at..].to_vec();
                    c.push(m.clone());
                    return Some(c);
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(n.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in g.keys() {
        if state.get(n.as_str()).copied().unwrap_or(0) == 0 {
            if let Some(c) = visit(n, g, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

#[test]
fn the_core_has_no_import_cycle() {
    let g = graph(&root().join("src"), None);
    for m in ["check", "analyze", "parse", "model", "previous"] {
        assert!(
            g.contains_key(m),
            "{m} is a module of the core: {:?}",
            g.keys()
        );
    }
    assert!(
        g["analyze"].contains("check"),
        "the graph is read: {:?}",
        g["analyze"]
    );
    assert_eq!(cycle(&g), None, "{g:#?}");
}

#[test]
fn the_app_has_no_import_cycle() {
    let app = root().join("../../src");
    let g = graph(&app, Some("components"));
    for m in [
        "state",
        "i18n",
        "analyzer",
        "offload",
        "components::summary",
    ] {
        assert!(
            g.contains_key(m),
            "{m} is a module of the app: {:?}",
            g.keys()
        );
    }
    assert_eq!(cycle(&g), None, "{g:#?}");
}

#[test]
fn a_cycle_is_found() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("c".into());
    g.entry("c".into()).or_default().insert("a".into());
    assert_eq!(
        cycle(&g),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    let code = code("use crate::{check::{self, Finding}, model::*};\n// crate::analyze\nlet x = crate::sort::sort(&v);");
    assert_eq!(
        targets(&code),
        ["check", "model", "sort"].map(String::from).into()
    );
}
