//! Rule N7: Section 三: spending, basic, project, shares, changes = table 3

use super::*;

rules! {
    /// ## What it checks
    /// 三 (支出预算): the spending total, 基本支出 and 项目支出 restate 表3 (same quantity: a gap of one unit of the last printed digit is
    /// rounding, more is an error); each share over 表3's total is exact, within the rounding envelope (rounding), or an
    /// error; year-over-year claims as N5. In a budget the stated total must also be the stated
    /// 基本支出 + 项目支出 (text alone, tables or not: exact, within half a printed unit per part as
    /// rounding, else an error). Without 表3 (the 说明 alone) the shares are set against the stated
    /// total they are of ("支出预算 a 万元，其中：基本支出 b 万元，占 p%"), under the same tolerance, and the
    /// year-over-year claims are checked as ever. Runs the shared `spending`, `stated_split` and
    /// `shares_in_text` (narrative.rs) on chapter 三 and 表3.
    ///
    /// ## Why it must hold
    /// The section restates the spending table and its arithmetic. Applies to documents with a 支出
    /// chapter (Xinjiang budgets, Shanghai 决算). A budget's spending is 基本支出 and 项目支出 and nothing
    /// else (表3's two columns); a 决算's 本年支出合计 may also hold 上缴上级、经营 and 对附属单位补助支出,
    /// so its 三 is not held to the two.
    ///
    /// ## Example
    /// Xinjiang sample, 三: 2,300.52, 基本 2,102.56 and 项目 197.96 = 表3; "占 91.40%" is only reachable
    /// within rounding (2,102.56 / 2,300.52 = 91.39 %), and so is 8.60 % (197.96 / 2,300.52 = 8.61
    /// %); 60.81 / 2,041.75 = 2.98 % as printed.
    N7 = "N7", "说明三：支出总额、基本与项目支出、占比及增减 = 表3", "Section 三: spending, basic, project, shares, changes = table 3",
        |c| {
            let budget = c.doc.meta.kind == DocKind::Budget;
            spending(c, (3, 0), TableKind::Expense, &["支出预算", "支出总预算"], budget)
        };
}
