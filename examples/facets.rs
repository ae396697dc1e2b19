//! Prints what catalog understanding made of a feed: one JSON line per product with its
//! facets and their evidence. `cargo run --example facets -- tests/catalogs/summit/feed.xml`
use mailfit::input::{Catalog, FeedOptions, parse_feed};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: facets <feed file> [currency]");
        std::process::exit(2);
    };
    let currency = std::env::args().nth(2).unwrap_or_else(|| "USD".into());
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let options = FeedOptions {
        currency: Some(currency.clone()),
        ..FeedOptions::default()
    };
    let catalog =
        parse_feed(&text, &options).and_then(|load| Catalog::build(load.products, &currency));
    match catalog {
        Ok(catalog) => {
            for p in catalog.products() {
                let line = serde_json::json!({ "id": p.id, "title": p.title, "facets": p.facets });
                println!("{line}");
            }
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
