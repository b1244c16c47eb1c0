//! Rule N20: Section 十: 三公 amounts and changes = table 10

use super::*;

rules! {
    /// 十: 三公 total and items = 表10; the items' changes add up; year-over-year claims.
    N20 = "N20", "说明十：“三公”经费及增减 = 表10", "Section 十: 三公 amounts and changes = table 10", three_public;
}
