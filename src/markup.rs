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

    /// The templates given to [`Markup::put`] in a source file, in order: the first argument
    /// of each call, a raw (`r#"…"#`, any number of `#`) or plain string literal (escapes
    /// decoded). A call whose first argument is not a literal is an error: it could not be
    /// checked.
    fn templates(file: &str, src: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (at, _) in src.match_indices(".put(") {
            let rest = src[at + 5..].trim_start();
            if let Some(raw) = rest.strip_prefix('r') {
                let hashes = raw.len() - raw.trim_start_matches('#').len();
                let body = &raw[hashes..];
                let body = body.strip_prefix('"').expect("a raw string");
                let end = body
                    .find(&format!("\"{}", "#".repeat(hashes)))
                    .expect("a closed raw string");
                out.push(body[..end].to_owned());
            } else if let Some(plain) = rest.strip_prefix('"') {
                let mut text = String::new();
                let mut chars = plain.chars();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some('n') => text.push('\n'),
                            Some(other) => text.push(other),
                            None => break,
                        },
                        c => text.push(c),
                    }
                }
                out.push(text);
            } else {
                panic!(
                    "{file}: a template that is not a literal: .put({})",
                    &rest[..rest.len().min(40)]
                );
            }
        }
        out
    }

    /// Where each `{}` of a file's templates lands, reading the templates in order as one
    /// stream (a tag may be opened in one and closed in the next): `None` in text, else the
    /// attribute and its value so far, `Some(("", ""))` for a place outside a quoted value.
    fn argument_places(templates: &[String]) -> Vec<Option<(String, String)>> {
        #[derive(PartialEq)]
        enum At {
            Text,
            Tag,
            Name(String),
            Value(String, String),
        }
        let mut at = At::Text;
        let mut places = Vec::new();
        for t in templates {
            let mut rest = t.as_str();
            while let Some(c) = rest.chars().next() {
                if rest.starts_with("{}") {
                    places.push(match &at {
                        At::Text => None,
                        At::Value(name, value) => Some((name.clone(), value.clone())),
                        At::Tag | At::Name(_) => Some((String::new(), String::new())),
                    });
                    if let At::Value(_, value) = &mut at {
                        value.push_str("{}");
                    }
                    rest = &rest[2..];
                    continue;
                }
                at = match at {
                    At::Text if c == '<' => At::Tag,
                    At::Text => At::Text,
                    At::Tag | At::Name(_) if c == '>' => At::Text,
                    At::Tag if c.is_whitespace() || c == '/' => At::Tag,
                    At::Tag => At::Name(c.to_string()),
                    At::Name(name) if c == '=' => {
                        At::Value(name.to_ascii_lowercase(), String::new())
                    }
                    At::Name(_) if c.is_whitespace() => At::Tag,
                    At::Name(mut name) => {
                        name.push(c);
                        At::Name(name)
                    }
                    At::Value(name, value) if value.is_empty() && c == '"' => {
                        At::Value(name, "\"".to_owned())
                    }
                    At::Value(_, value) if value.starts_with('"') && c == '"' => At::Tag,
                    At::Value(_, value) if !value.starts_with('"') && c == '>' => At::Text,
                    At::Value(_, value) if !value.starts_with('"') && c.is_whitespace() => At::Tag,
                    At::Value(name, mut value) => {
                        value.push(c);
                        At::Value(name, value)
                    }
                };
                rest = &rest[c.len_utf8()..];
            }
        }
        places
    }

    /// Escaping keeps pasted text out of the markup, but not out of a URL, a style or an event
    /// handler. Every `{}` of every template under `src/` that lands inside a tag must be in a
    /// double-quoted value of an attribute on the list below (an `href` only after a `#`).
    #[test]
    fn no_template_puts_an_argument_where_escaping_is_not_enough() {
        const ALLOWED: &[&str] = &[
            "class",
            "id",
            "title",
            "value",
            "for",
            "role",
            "lang",
            "colspan",
            "rowspan",
            "scope",
            "width",
            "height",
            "x",
            "y",
            "x1",
            "x2",
            "y1",
            "y2",
            "viewbox",
            "points",
            "text-anchor",
        ];
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut files = Vec::new();
        for dir in [root.to_owned(), format!("{root}/components")] {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        let mut checked = 0;
        for path in files {
            let file = path.display().to_string();
            let src = std::fs::read_to_string(&path).unwrap();
            // This file's own tests hold templates made to be refused.
            let src = src.split("#[cfg(test)]").next().unwrap_or_default();
            for place in argument_places(&templates(&file, src)) {
                let Some((name, value)) = place else { continue };
                let quoted = value.starts_with('"');
                let harmless = ALLOWED.contains(&name.as_str())
                    || name.starts_with("data-")
                    || name.starts_with("aria-")
                    || (name == "href" && value.starts_with("\"#"));
                let allowed = quoted && harmless;
                assert!(
                    allowed,
                    "{file}: an argument in attribute {name:?} (value so far {value:?})"
                );
                checked += 1;
            }
        }
        assert!(
            checked > 100,
            "the views' attributes were found ({checked})"
        );
    }

    #[test]
    fn the_argument_check_catches_what_it_should() {
        let t = |s: &[&str]| argument_places(&s.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(t(&["<b>{}</b>"]), [None]);
        assert_eq!(
            t(&[r#"<a href="{}">"#]),
            [Some(("href".into(), "\"".into()))]
        );
        // A tag opened in one template and continued in the next.
        assert_eq!(
            t(&["<img ", r#"onerror="{}">"#]),
            [Some(("onerror".into(), "\"".into()))]
        );
        assert_eq!(
            t(&["<option value=\"\"", "{}>"]),
            [Some((String::new(), String::new()))]
        );
        assert_eq!(
            t(&["<td class=x {}>"]),
            [Some((String::new(), String::new()))]
        );
        assert_eq!(
            t(&["<td class={}>"]),
            [Some(("class".into(), String::new()))]
        );
        assert_eq!(
            t(&[r##"<a href="#t-{}">{}</a>"##]),
            [Some(("href".into(), "\"#t-".into())), None]
        );
        let src = "m.put(r##\"<a href=\"#x\">{}\"##, &[]).put(\"<i title=\\\"{}\\\">\", &[]);";
        assert_eq!(
            templates("t", src),
            [r##"<a href="#x">{}"##, r#"<i title="{}">"#]
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
