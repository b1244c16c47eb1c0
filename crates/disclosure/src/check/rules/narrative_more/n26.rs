//! Rule N26: Section 十二(四)(五): project counts and amounts = tables 7, 11

use super::*;

rules! {
    /// 十二（四）（五）: counts and amounts of projects = 表7, 表11, 表2 and 表1.
    N26 = "N26", "说明十二（四）（五）：项目个数与金额 = 表7、表11", "Section 十二(四)(五): project counts and amounts = tables 7, 11", performance_scope;
}
