//! Debug dumps (not part of the API).
use crate::engine;
use crate::Limits;

/// Every line with its baseline and cells with their x.
pub fn dump(bytes: &[u8], page: usize) -> String {
    let drawn = engine::draw(bytes, &Limits::default()).unwrap();
    let d = &drawn[page];
    let (lines, _) = crate::layout::lines(&d.glyphs, &d.rules);
    let mut s = String::new();
    for l in lines {
        s.push_str(&format!("{:7.2} ", l.y));
        for c in &l.cells {
            s.push_str(&format!("[{:.1}-{:.1} {}] ", c.x0, c.x1, c.text));
        }
        s.push('\n');
    }
    for r in &d.rules {
        s.push_str(&format!(
            "rule {:.1},{:.1} - {:.1},{:.1}\n",
            r.x0, r.y0, r.x1, r.y1
        ));
    }
    s
}
