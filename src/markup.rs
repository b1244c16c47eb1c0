//! HTML written as text, for the large, regular parts of the compare and time views (a table of
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
    /// `<tag a="v" …>`; attributes with a `None` value are left out.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, Option<&str>)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            if let Some(v) = value {
                self.0.push(' ');
                self.0.push_str(name);
                self.0.push_str("=\"");
                escape(v, &mut self.0);
                self.0.push('"');
            }
        }
        self.0.push('>');
        self
    }

    /// Escaped text.
    pub fn text(&mut self, s: &str) -> &mut Self {
        escape(s, &mut self.0);
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// `<tag …>text</tag>`.
    pub fn el(&mut self, tag: &str, attrs: &[(&str, Option<&str>)], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
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
    fn text_and_attributes_are_escaped() {
        let mut m = Markup::default();
        m.open("td", &[("title", Some("a\"b<c>")), ("data-x", None)])
            .text("<img src=x onerror='y'> & co")
            .close("td");
        assert_eq!(
            m.0,
            "<td title=\"a&quot;b&lt;c&gt;\">&lt;img src=x onerror=&#39;y&#39;&gt; &amp; co</td>"
        );
        let mut m = Markup::default();
        m.el("b", &[], "x");
        assert_eq!(m.0, "<b>x</b>");
    }
}
