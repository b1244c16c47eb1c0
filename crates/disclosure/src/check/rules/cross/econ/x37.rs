//! Rule X37: 30108 ≈ 2 × 30109

use super::*;

rules! {
    /// What: 表6 30108 养老保险缴费 ≈ 2 × 30109 职业年金缴费 (employer rates 16 % and 8 %); a
    /// note only when it does not hold.
    /// Why: both are computed on the same base. Example: 87.48 = 2 × 43.74 (holds).
    X37 = "X37", "30108 ≈ 2 × 30109", "30108 ≈ 2 × 30109", pension_ratio;
}
