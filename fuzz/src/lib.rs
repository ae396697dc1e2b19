//! The fuzz targets' code: the shared harness (also replayed by `tests/fuzz_regressions.rs`)
//! and the Liquid grammar of the structure-aware target.

#[path = "../harness/mod.rs"]
pub mod harness;

pub mod grammar;
