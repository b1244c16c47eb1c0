//! The 绩效目标表 (rules.md §1 "Performance tables", P.1–P.3, N27, N28).

use rust_decimal::Decimal;

use super::{common_run, Amt, Label};
use crate::check::{Checker, Severity};
use crate::format::amount;
use crate::model::*;

fn table_name(p: &PerformanceTable) -> Label {
    match &p.project {
        Some(name) => Label::new(
            format!("项目支出绩效目标表「{}」", name.value),
            format!("performance table of '{}'", name.value),
        ),
        None => Label::new(
            "部门整体绩效目标表",
            "the department-wide performance table",
        ),
    }
}

/// A performance table's money figure in 万元 (the Shanghai tables print 元); `None` for a count.
fn in_wan(q: &Quantity) -> Option<Decimal> {
    Some(q.unit.money()?.to_wan(q.value))
}

/// A performance table's money figure as an amount in its unit (万元 unless it says 元) with
/// its line; `None` when not printed.
fn quantity_amount(q: &Option<Quantity>) -> Option<Amt> {
    q.as_ref()
        .map(|q| Amt::at(q.value, q.unit.money().unwrap_or_default(), q.line))
}

// The rules, each in its own file under `performance/`.
mod n27;
mod n28;
mod n35;
mod p1;
mod p2;
mod p3;
mod p4;

pub use n27::N27;
pub use n28::N28;
pub use n35::N35;
pub use p1::P1;
pub use p2::P2;
pub use p3::P3;
pub use p4::P4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_runs() {
        assert_eq!(
            common_run("中级社会工作者补助标准", "中级社会工作者补助人数"),
            9
        );
        assert_eq!(
            common_run("中级社会工作者补助标准", "初级社会工作者补助人数"),
            8
        );
        assert_eq!(common_run("", "abc"), 0);
    }
}
