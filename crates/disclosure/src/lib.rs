//! Budget Lens core: read the text of a Chinese government department budget disclosure
//! (部门预算公开 / 部门决算), check it, and analyse it.
//!
//! Pure Rust: no I/O, no WebAssembly bindings, exact decimal amounts. Parsing never fails: bad
//! input becomes [`Diagnostic`]s with line numbers.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod analyze;
pub mod check;
pub mod format;
pub mod model;
pub mod outline;
pub mod parse;
pub mod previous;
pub mod rounding;
pub mod sort;
pub mod text;

pub use analyze::{analyze, analyze_parsed, Analysis};
pub use model::*;
pub use parse::parse;
pub use rust_decimal::Decimal;

/// The result of parsing: the document and what the parser noticed on the way.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Parsed {
    /// Everything that could be read.
    pub document: Document,
    /// Notes on what could not be read, or was read with doubt.
    pub diagnostics: Vec<Diagnostic>,
}
