//! Rule N9: Section 五(一): general budget, basic, project = table 5

use super::*;

rules! {
    /// ## What it checks
    /// 五（一）: 一般公共预算拨款 total, 基本支出 and 项目支出 restate 表5 (same quantity: a gap of one unit of the last printed digit is rounding, more is an error);
    /// shares over 表5's total as N7; year-over-year claims as N5. The stated total must be the
    /// stated 基本支出 + 项目支出 (text alone, tables or not; exact, within half a printed unit per part
    /// as rounding, else an error). Without 表5 (the 说明 alone) the shares are set against the
    /// stated total, and the year-over-year claims are checked as ever. Where 五 has no （一） (a
    /// 说明 that states the total and lists its parts without sub-headings), the whole chapter is
    /// read so, and its year-over-year claims are all this rule's. Runs the shared `spending`,
    /// `stated_split` and `shares_in_text` (narrative.rs) on 五（一） (or 五) and 表5.
    ///
    /// ## Why it must hold
    /// The section restates the general-budget table. Applies to documents with a 一般公共预算 chapter
    /// (Xinjiang budgets, Shanghai 决算). 一般公共预算 money is spent as 基本支出 or 项目支出 and in no
    /// other way, in a budget and a 决算 alike, so the two make the total.
    ///
    /// ## Example
    /// Xinjiang sample, 五（一）: 基本支出 2,102.56 and 项目支出 185.30 = 表5; 项目 增加 183.30 from 2.00: 183.30 /
    /// 2.00 = 9,165.00 % as printed.
    N9 = "N9", "说明五（一）：一般公共预算拨款、基本与项目支出 = 表5", "Section 五(一): general budget, basic, project = table 5",
        |c| spending(c, (5, general_sub(c.doc)), TableKind::GeneralExpense, &["拨款合计", "拨款", "一般公共预算"], true);
}
