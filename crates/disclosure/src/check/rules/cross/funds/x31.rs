//! Rule X31: State-capital / government-fund carry-over not shown in Table 9 / 8

use super::*;

rules! {
    /// What: carry-over of 国有资本经营预算拨款 (政府性基金预算拨款) is budgeted, but 表9 (表8)
    /// does not show it and no sentence says the table covers this year's appropriation only.
    /// Why: a reader of the empty table and of "没有使用…安排的支出" would conclude there is no
    /// such spending at all. This is a scope note, not an arithmetic error.
    /// Example: 2.06 国有资本经营预算拨款 结转 under 2230105 while 表9 is empty.
    X31 = "X31", "结转的国有资本/政府性基金支出未在表9/表8 反映", "State-capital / government-fund carry-over not shown in Table 9 / 8",
        |c| {
            carry_scope(c, &STATE_CAPITAL);
            carry_scope(c, &GOV_FUND);
        };
}
