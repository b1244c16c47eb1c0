//! Rule N12: Section 五(三) changes add up to 五(一)

use super::*;

rules! {
    /// Σ Δ(项) of 五（三） = Δ基本 + Δ项目 of 五（一）. Example: 244.12 against 244.11 (rounding).
    N12 = "N12", "五（三）各项变动之和 = 五（一）变动", "Section 五(三) changes add up to 五(一)", item_changes;
}
