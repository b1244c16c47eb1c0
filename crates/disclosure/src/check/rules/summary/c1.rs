//! Rule C: The disclosure is complete (财预〔2016〕143号)

use super::*;

rules! {
    /// The items 财预〔2016〕143号 requires (rules.md §4): each absent one is a warning.
    C1 = "C", "公开内容完整（财预〔2016〕143号）", "The disclosure is complete (财预〔2016〕143号)", completeness;
}
