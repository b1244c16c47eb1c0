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
            && t.chars().next().is_some_and(|b| b.is_ascii_alphanumeric())
            && !(t.starts_with(|b: char| b.is_ascii_digit()) && self.ends_in_cut_figure());
        if glue {
            self.text.push(' ');
        }
        self.starts.push((self.text.len(), no));
        self.text.push_str(t);
    }

    /// Whether the last line ends in a figure written onto a word ("上年结转183", "占1"): in
    /// running Chinese text a figure stands after a word without a space and is followed by
    /// its unit or a punctuation mark, so digits that end the line there and digits that begin
    /// the next are one figure the wrap cut ("上年结转183" / "7600元"). A figure after a space
    /// ("合计 12" / "34") or a line of figures alone may be one of several and stays apart.
    fn ends_in_cut_figure(&self) -> bool {
        let line_start = self.starts.last().map_or(0, |s| s.0);
        let line = &self.text[line_start..];
        let figure = line
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
            .len();
        figure < line.len()
            && line[..figure].ends_with(|c: char| !c.is_ascii() && !c.is_whitespace())
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

    #[test]
    fn a_figure_the_wrap_cut_is_joined() {
        // A real 单位预算's sentence (1,837,600 元 is 16.15% of 11,376,591.44 元), wrapped at
        // 30 characters inside the figure; and a share cut after its first digit.
        let lines = crate::text::lines(
            "2024年收入预算11376591.44元,其中:本年财政拨\n款收入9538991.44元,占83.85%;上年结转183\n7600元,占1\n6.15%。",
        );
        let j = Joined::new(&lines);
        assert_eq!(
            j.text,
            "2024年收入预算11376591.44元,其中:本年财政拨款收入9538991.44元,占83.85%;上年结转1837600元,占16.15%。"
        );
        // A figure alone on its line, or after a space, may be one of several: kept apart.
        let lines = crate::text::lines("12\n2024年收入预算\n人数 3\n12 人");
        assert_eq!(Joined::new(&lines).text, "12 2024年收入预算人数 3 12 人");
    }
}
