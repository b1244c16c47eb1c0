//! Rule N30: A fact stated twice is stated the same way

use super::*;

rules! {
    /// The same fact stated twice agrees: the change in staff in post; the direction of 公用经费.
    N30 = "N30", "同一事实两处说法一致", "A fact stated twice is stated the same way", stated_twice;
}
