//! Rule N23: Section 十二(二): procurement adds up

use super::*;

rules! {
    /// 十二（二）: 政府采购 = 货物 + 工程 + 服务; 中小企业预留 ≤ 采购; 小微 ≤ 中小.
    N23 = "N23", "说明十二（二）：政府采购构成", "Section 十二(二): procurement adds up", procurement;
}
