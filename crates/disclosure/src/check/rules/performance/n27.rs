//! Rule N27: Published performance tables + transfer projects = table 7

use super::*;

rules! {
    /// 十二（五）: published project tables + unpublished transfer projects = 表7's projects.
    N27 = "N27", "公开的项目绩效表 + 转移支付项目 = 表7 项目", "Published performance tables + transfer projects = table 7", published;
}
