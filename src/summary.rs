//! A placeholder summary of the pasted text, shown until the `disclosure` core's parser is wired
//! in. Replace [`summarize`] (and [`Summary`]) wholesale when that API lands.

/// What the page says about the current text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Lines that contain something other than whitespace.
    pub non_blank_lines: usize,
    /// The department named after the first "编制部门：", up to the next whitespace.
    pub department: Option<String>,
}

/// Count the non-blank lines and find the department named after "编制部门：".
pub fn summarize(text: &str) -> Summary {
    const MARKER: &str = "编制部门：";
    let non_blank_lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    let department = text.split(MARKER).nth(1).and_then(|rest| {
        rest.trim_start_matches([' ', '\u{3000}', '\t'])
            .split(char::is_whitespace)
            .next()
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
    });
    Summary {
        non_blank_lines,
        department,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_has_nothing() {
        assert_eq!(summarize(""), Summary::default());
        assert_eq!(summarize("  \n\u{3000}\n\t"), Summary::default());
    }

    #[test]
    fn counts_only_non_blank_lines() {
        assert_eq!(summarize("a\n\n  \nb\r\nc").non_blank_lines, 3);
    }

    #[test]
    fn department_runs_to_the_next_space() {
        let s = summarize("表一\n编制部门：库尔勒市朝阳街道办事处 单位：万元\n");
        assert_eq!(s.department.as_deref(), Some("库尔勒市朝阳街道办事处"));
    }

    #[test]
    fn department_ends_at_ideographic_space_or_line_end() {
        let s = summarize("编制部门：  某某局\u{3000}单位：元");
        assert_eq!(s.department.as_deref(), Some("某某局"));
        let s = summarize("编制部门：某某局\n单位：元");
        assert_eq!(s.department.as_deref(), Some("某某局"));
    }

    #[test]
    fn marker_without_a_name_gives_none() {
        assert_eq!(summarize("编制部门：\n").department, None);
    }

    #[test]
    fn the_example_names_its_department() {
        let s = summarize(crate::state::EXAMPLE);
        assert_eq!(s.department.as_deref(), Some("库尔勒市朝阳街道办事处"));
        assert!(s.non_blank_lines > 1000);
    }
}
