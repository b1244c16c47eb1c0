//! HTML written as text (static templates with escaped arguments), for the large, regular parts of the compare and time views (a table of
//! a hundred columns by a hundred rows, its charts). Why: yew's `html!` expands every element
//! into its own code, and those views cost the page's 400 kB size budget more than it had; a
//! string builder costs one function. Every text and attribute value goes through [`escape`],
//! so a department name like `<img onerror=…>` stays text; the page's CSP forbids inline
//! script in any case. Buttons inside carry `data-action` and are handled by one listener on
//! their container (see [`action_of`]).

/// Text escaped for HTML content and for double-quoted attribute values.
pub fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// An HTML fragment being written.
#[derive(Debug, Default)]
pub struct Markup(pub String);

impl Markup {
    /// Appends `template`, HTML as written, with each `{}` replaced by the next argument,
    /// escaped. (One call and a static template per piece: far less code than building each
    /// element and attribute in turn.)
    pub fn put(&mut self, template: &str, args: &[&str]) -> &mut Self {
        let mut rest = template;
        let mut args = args.iter();
        while let Some(at) = rest.find("{}") {
            self.0.push_str(&rest[..at]);
            escape(args.next().copied().unwrap_or_default(), &mut self.0);
            rest = &rest[at + 2..];
        }
        self.0.push_str(rest);
        self
    }

    /// Appends ` attr` (a boolean attribute such as `disabled` or `selected`, inside the tag
    /// being written) when `on`.
    pub fn flag(&mut self, on: bool, attr: &'static str) -> &mut Self {
        if on {
            self.0.push(' ');
            self.0.push_str(attr);
        }
        self
    }

    /// The fragment as a yew node.
    pub fn html(self) -> yew::Html {
        yew::Html::from_html_unchecked(self.0.into())
    }
}

/// The `data-action` and `data-arg` of the button an event came from, if it came from one.
pub fn action_of(e: &yew::Event) -> Option<(String, String)> {
    use wasm_bindgen::JsCast;
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest("[data-action]").ok()??;
    Some((
        button.get_attribute("data-action")?,
        button.get_attribute("data-arg").unwrap_or_default(),
    ))
}

/// Puts the keyboard focus back on the button with this action and argument after the view
/// was written anew (the old button is gone).
pub fn refocus(action: String, arg: String) {
    refocus_within(action, arg, "");
}

/// Like [`refocus`], on the element matching `inner` inside it (the element itself when
/// `inner` is empty).
pub fn refocus_within(action: String, arg: String, inner: &'static str) {
    gloo_timers::callback::Timeout::new(0, move || {
        use wasm_bindgen::JsCast;
        let found = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                d.query_selector_all(&format!("[data-action=\"{action}\"]"))
                    .ok()
            })
            .and_then(|list| {
                (0..list.length())
                    .filter_map(|i| list.get(i))
                    .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
                    .find(|e| e.get_attribute("data-arg").as_deref() == Some(arg.as_str()))
            })
            .and_then(|e| {
                if inner.is_empty() {
                    Some(e)
                } else {
                    e.query_selector(inner)
                        .ok()??
                        .dyn_into::<web_sys::HtmlElement>()
                        .ok()
                }
            });
        if let Some(el) = found {
            let _ = el.focus();
        }
    })
    .forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_escape_their_arguments() {
        let mut m = Markup::default();
        m.put("<td title=\"{}\">{}</td>", &["\"x\"", "<b>"])
            .put("{}", &[]);
        assert_eq!(m.0, "<td title=\"&quot;x&quot;\">&lt;b&gt;</td>");
    }

    /// The templates given to [`Markup::put`] in a source file (its first argument, a raw or
    /// plain string literal).
    fn templates(src: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for (at, _) in src.match_indices(".put(") {
            let rest = src[at + 5..].trim_start();
            let body = if let Some(raw) = rest.strip_prefix("r#\"") {
                raw.find("\"#").map(|end| &raw[..end])
            } else if let Some(plain) = rest.strip_prefix('"') {
                plain.find('"').map(|end| &plain[..end])
            } else {
                None
            };
            out.extend(body);
        }
        out
    }

    /// Escaping keeps pasted text out of the markup, but not out of a URL, a style or an event
    /// handler: no template may put an argument there, nor in an unquoted attribute. Every
    /// `{}` of every view's templates is checked: inside a tag it must be in a double-quoted
    /// value of a harmless attribute (an `href` only after a `#`).
    #[test]
    fn no_template_puts_an_argument_where_escaping_is_not_enough() {
        let sources = [
            ("charts", include_str!("components/charts.rs")),
            ("compare", include_str!("components/compare.rs")),
            ("findings", include_str!("components/findings.rs")),
            ("mod", include_str!("components/mod.rs")),
            ("nav", include_str!("components/nav.rs")),
            ("previous", include_str!("components/previous.rs")),
            ("shares", include_str!("components/shares.rs")),
            ("source", include_str!("components/source.rs")),
            ("summary", include_str!("components/summary.rs")),
            ("tables", include_str!("components/tables.rs")),
            ("time", include_str!("components/time.rs")),
            ("workspace", include_str!("components/workspace.rs")),
        ];
        let mut checked = 0;
        for (file, src) in sources {
            for (at, template) in templates(src)
                .into_iter()
                .flat_map(|t| t.match_indices("{}").map(move |(at, _)| (at, t)))
            {
                let before = &template[..at];
                let (open, close) = (before.rfind('<'), before.rfind('>'));
                if open <= close {
                    continue; // not inside a tag: text, escaped
                }
                let tag = &before[open.unwrap_or(0)..];
                let name_end = tag.rfind("=\"").unwrap_or_else(|| {
                    panic!("{file}: an argument outside a quoted attribute: {tag}{{}}")
                });
                let value = &tag[name_end + 2..];
                assert!(!value.contains('"'), "{file}: unquoted argument: {tag}{{}}");
                let name = tag[..name_end]
                    .rsplit(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let harmful = name.starts_with("on")
                    || [
                        "style",
                        "src",
                        "srcdoc",
                        "action",
                        "formaction",
                        "xlink:href",
                    ]
                    .contains(&name.as_str())
                    || (name == "href" && !value.starts_with('#'));
                assert!(!harmful, "{file}: an argument in {name}=: {tag}{{}}");
                checked += 1;
            }
        }
        assert!(
            checked > 100,
            "the views' attributes were found ({checked})"
        );
    }

    #[test]
    fn text_is_escaped() {
        let mut out = String::new();
        escape("<img src=x onerror='y'> & \"co\"", &mut out);
        assert_eq!(
            out,
            "&lt;img src=x onerror=&#39;y&#39;&gt; &amp; &quot;co&quot;"
        );
    }
}
