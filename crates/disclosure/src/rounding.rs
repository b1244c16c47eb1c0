//! Rounding as finance offices do: half away from zero.
//!
//! Printing ([`crate::format`]) and the tolerance model ([`crate::check::tolerance`], which
//! re-exports [`round`]) both round this way; it sits below both so that neither depends on the
//! other for it.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds half away from zero, as finance offices do.
pub fn round(v: Decimal, dp: u32) -> Decimal {
    v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}
