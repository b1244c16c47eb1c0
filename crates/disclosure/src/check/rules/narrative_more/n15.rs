//! Rule N15: Section 六: listed personnel and public items = table 6

use super::*;

rules! {
    /// 六: the items listed for 人员经费 and 公用经费 are the 款 of 表6 that carry money.
    N15 = "N15", "说明六：列举的人员经费、公用经费科目 = 表6", "Section 六: listed personnel and public items = table 6", listed_items;
}
