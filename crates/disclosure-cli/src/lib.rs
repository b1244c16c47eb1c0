//! The library behind the `disclosure` command: what its tests use besides the binary.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod corpus;
pub mod table;
