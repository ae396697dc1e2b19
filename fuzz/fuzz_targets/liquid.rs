#![no_main]
//! Structure-aware Liquid: templates from the grammar (`src/grammar.rs`), see `harness::liquid`.

use libfuzzer_sys::fuzz_target;
use mailfit_fuzz::{grammar::Input, harness};

fuzz_target!(|input: Input| {
    let case = input.to_case();
    harness::on_small_stack(|| harness::liquid(&case));
});
