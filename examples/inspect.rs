//! Prints one sample customer's profile and decision: `cargo run --example inspect -- C0250`.
#[path = "../tests/common/mod.rs"]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod common;

fn main() {
    let id = std::env::args().nth(1).unwrap_or_else(|| "C0001".into());
    let engine = common::engine();
    let Some(customer) = common::customers().into_iter().find(|c| c.id == id) else {
        eprintln!("no sample customer {id}");
        std::process::exit(2);
    };
    match engine.render(
        &customer,
        common::sample_now(),
        &mailfit::CallOptions::default(),
    ) {
        Ok(out) => {
            let view = serde_json::json!({
                "subject": out.subject, "preheader": out.preheader,
                "decision": out.decision, "profile": out.profile, "warnings": out.warnings,
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&view).unwrap_or_default()
            );
        }
        Err(e) => eprintln!("{e}"),
    }
}
