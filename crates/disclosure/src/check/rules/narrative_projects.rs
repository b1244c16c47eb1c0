//! The projects as the narrative describes them, against 表7 and the 绩效目标表 (rules.md N13,
//! N18).

use super::common_run;
use super::narrative::{section_label, statement_label};
use crate::check::{Checker, Severity};
use crate::format::amount;
use crate::model::*;
use crate::parse::segment::compact;

/// A name without spaces, the "部门专项-" prefix and the "新增"/"将" of a reason.
fn core_name(s: &str) -> String {
    let c = compact(s);
    let c = c.trim_start_matches("新增").trim_start_matches('将');
    c.strip_prefix("部门专项-").unwrap_or(c).to_owned()
}

// The rules, each in its own file under `narrative_projects/`.
mod n13;

pub use n13::N13;

mod n18;

pub use n18::N18;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_prefixes() {
        assert_eq!(core_name("部门专项-社区党建工作经费"), "社区党建工作经费");
        assert_eq!(core_name("将社区党建工作经费"), "社区党建工作经费");
        assert_eq!(
            common_run("初级社会工作者补助人数", "初级社会工作者补助人数"),
            11
        );
    }
}
