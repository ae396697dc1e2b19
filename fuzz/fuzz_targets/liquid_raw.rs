#![no_main]
//! See `harness::liquid_raw`.

use libfuzzer_sys::fuzz_target;
use mailfit_fuzz::harness;

fuzz_target!(|data: &[u8]| harness::on_small_stack(|| harness::liquid_raw(data)));
