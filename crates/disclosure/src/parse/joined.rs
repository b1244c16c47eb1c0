//! Running text joined across wrapped lines, remembering which line each byte came from.
//!
//! A PDF copy breaks sentences anywhere ("增长" at the end of one line, "11.73%" on the
//! next). Narrative readers work on the joined paragraph and map every match back to lines.

use crate::text::{Line, LineNo};

/// Text joined from several lines.
#[derive(Debug, Clone, Default)]
pub struct Joined {
    /// The joined text (CJK joined without a space; a space kept between ASCII words).
    pub text: String,
    /// `(byte offset where a line's text starts, that line's number)`, ascending.
    starts: Vec<(usize, LineNo)>,
}

impl Joined {
    /// Joins `lines` in order.
    pub fn new<'a>(lines: impl IntoIterator<Item = &'a Line>) -> Self {
        let mut j = Joined::default();
        for line in lines {
            j.push(line);
        }
        j
    }

    /// Appends one line.
    pub fn push(&mut self, line: &Line) {
        self.push_text(line.no, &line.text);
    }

    /// Appends the text `t` of line `no`.
    pub fn push_text(&mut self, no: LineNo, t: &str) {
        let glue = self
            .text
            .chars()
            .last()
            .is_some_and(|a| a.is_ascii_alphanumeric() || a == '%')
            && t.chars().next().is_some_and(|b| b.is_ascii_alphanumeric());
        if glue {
            self.text.push(' ');
        }
        self.starts.push((self.text.len(), no));
        self.text.push_str(t);
    }

    /// The line a byte offset falls in.
    pub fn line_at(&self, offset: usize) -> LineNo {
        match self.starts.binary_search_by(|&(o, _)| o.cmp(&offset)) {
            Ok(i) => self.starts[i].1,
            Err(0) => self.starts.first().map_or(0, |s| s.1),
            Err(i) => self.starts[i - 1].1,
        }
    }

    /// Every line a byte range touches, ascending, without repeats.
    pub fn lines_of(&self, start: usize, end: usize) -> Vec<LineNo> {
        let first = self.line_at(start);
        let last = self.line_at(end.saturating_sub(1).max(start));
        self.starts
            .iter()
            .map(|&(_, l)| l)
            .filter(|&l| l >= first && l <= last)
            .collect()
    }

    /// True when nothing was joined.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_back_to_lines() {
        let lines = crate::text::lines(
            "一般公共预算 2,283.56 万元，比上年增加 239.81 万元，增长\n\n11.73%，主要原因是",
        );
        let j = Joined::new(&lines);
        assert_eq!(
            j.text,
            "一般公共预算 2283.56 万元，比上年增加 239.81 万元，增长11.73%，主要原因是"
        );
        let at = j.text.find("11.73").unwrap();
        assert_eq!(j.line_at(at), 3);
        assert_eq!(j.line_at(0), 1);
        assert_eq!(j.lines_of(0, j.text.len()), [1, 3]);
    }

    #[test]
    fn ascii_words_keep_a_space() {
        let lines = crate::text::lines("预算 2024\n年 合计 12\n34 元");
        let j = Joined::new(&lines);
        assert_eq!(j.text, "预算 2024年 合计 12 34 元");
    }
}
