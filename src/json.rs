//! Just enough JSON for the workspace file: a value type, the browser's own parser
//! (`JSON.parse`) in the page, and a writer.
//!
//! Why not serde_json: in the WebAssembly build its parser and writer cost 28 kB of the page's
//! 400 kB gzipped budget, for a file of a few strings. The browser already has a JSON parser;
//! natively (unit tests) serde_json plays its part. Writing a few strings needs only the
//! escaping below.

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, its members in order.
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The number as a whole non-negative number, if it is one.
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Json::Num(n) if n >= 0.0 && n.fract() == 0.0 && n < 9.0e15 => Some(n as u64),
            _ => None,
        }
    }
}

/// Parses JSON text; `None` when it is not JSON.
#[cfg(target_arch = "wasm32")]
pub fn parse(text: &str) -> Option<Json> {
    js_sys::JSON::parse(text).ok().map(|v| from_js(&v, 0))
}

/// Converts a parsed JavaScript value (nested at most 64 deep; deeper parts become null).
#[cfg(target_arch = "wasm32")]
fn from_js(v: &wasm_bindgen::JsValue, depth: u32) -> Json {
    if let Some(s) = v.as_string() {
        Json::Str(s)
    } else if let Some(n) = v.as_f64() {
        Json::Num(n)
    } else if let Some(b) = v.as_bool() {
        Json::Bool(b)
    } else if depth > 64 || v.is_null() || v.is_undefined() {
        Json::Null
    } else if js_sys::Array::is_array(v) {
        let a = js_sys::Array::from(v);
        Json::Arr(a.iter().map(|x| from_js(&x, depth + 1)).collect())
    } else if let Some(o) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Object>(v) {
        let members = js_sys::Object::entries(o)
            .iter()
            .map(|pair| {
                let pair = js_sys::Array::from(&pair);
                (
                    pair.get(0).as_string().unwrap_or_default(),
                    from_js(&pair.get(1), depth + 1),
                )
            })
            .collect();
        Json::Obj(members)
    } else {
        Json::Null
    }
}

/// Parses JSON text; `None` when it is not JSON (natively: serde_json).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Option<Json> {
    fn conv(v: serde_json::Value) -> Json {
        use serde_json::Value as V;
        match v {
            V::Null => Json::Null,
            V::Bool(b) => Json::Bool(b),
            V::Number(n) => Json::Num(n.as_f64().unwrap_or(f64::NAN)),
            V::String(s) => Json::Str(s),
            V::Array(a) => Json::Arr(a.into_iter().map(conv).collect()),
            V::Object(o) => Json::Obj(o.into_iter().map(|(k, v)| (k, conv(v))).collect()),
        }
    }
    serde_json::from_str(text).ok().map(conv)
}

/// Appends `s` as a JSON string literal.
pub fn write_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Other control characters, and the two separators JavaScript once treated as line
            // ends, escaped.
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_through_a_real_parser() {
        for s in [
            "",
            "plain",
            "引号\"和\\反斜杠",
            "行\n行\r\n\t制表",
            "\u{0}\u{1f}\u{7f}",
            "\u{2028}\u{2029}😀",
        ] {
            let mut out = String::new();
            write_str(&mut out, s);
            assert_eq!(parse(&out), Some(Json::Str(s.to_owned())), "{out}");
        }
    }

    #[test]
    fn values() {
        let v = parse(r#"{"a":[1,true,null],"b":"x","n":2}"#).unwrap();
        assert_eq!(v.get("b").and_then(Json::as_str), Some("x"));
        assert_eq!(v.get("n").and_then(Json::as_u64), Some(2));
        assert_eq!(Json::Num(1.5).as_u64(), None);
        assert_eq!(Json::Num(-1.0).as_u64(), None);
        assert_eq!(
            v.get("a"),
            Some(&Json::Arr(vec![
                Json::Num(1.0),
                Json::Bool(true),
                Json::Null
            ]))
        );
        assert_eq!(parse("{"), None);
    }
}
