//! Prints the render case (JSON, as kept in `fuzz/regressions/liquid/`) that a `liquid` target
//! input stands for: `cargo run --release --example liquid_case -- INPUT > case.json`.

use arbitrary::{Arbitrary, Unstructured};
use mailfit_fuzz::grammar::Input;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: liquid_case INPUT_FILE");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    match Input::arbitrary_take_rest(Unstructured::new(&bytes)) {
        Ok(input) => match serde_json::to_string_pretty(&input.to_case()) {
            Ok(json) => println!("{json}"),
            Err(e) => eprintln!("{e}"),
        },
        Err(e) => eprintln!("not an input: {e}"),
    }
}
