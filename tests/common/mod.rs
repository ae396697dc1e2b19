//! Shared helpers for integration tests: the embedded sample data.
#![allow(dead_code)]

pub mod llm_faults;
pub mod safety;

use std::collections::BTreeMap;

use mailfit::input::{Customer, Timestamp, parse_timestamp};
use mailfit::{Personalizer, PersonalizerInit};

pub const CATALOG: &str = include_str!("../../samples/catalog.json");
pub const CUSTOMERS: &str = include_str!("../../samples/customers.json");
pub const CAMPAIGN: &str = include_str!("../../samples/campaign.json");

pub fn campaign_json() -> serde_json::Value {
    serde_json::from_str(CAMPAIGN).unwrap()
}

pub fn sample_now() -> i64 {
    let now = campaign_json()["now"].as_str().unwrap().to_string();
    parse_timestamp(&Timestamp::Text(now)).unwrap()
}

pub fn engine() -> Personalizer {
    let init = serde_json::json!({
        "catalog": serde_json::from_str::<serde_json::Value>(CATALOG).unwrap(),
        "campaign": campaign_json(),
    });
    let init: PersonalizerInit = serde_json::from_value(init).unwrap();
    Personalizer::new(init).unwrap()
}

pub fn customers() -> Vec<Customer> {
    mailfit::error::from_json_str("$", CUSTOMERS).unwrap()
}

pub fn persona(c: &Customer) -> String {
    c.attributes
        .extra
        .get("sample_persona")
        .and_then(|v| v.as_str())
        .unwrap_or("?")
        .to_string()
}

/// Counts of `key` per persona.
pub fn tally(rows: &[(String, String)]) -> BTreeMap<String, BTreeMap<String, usize>> {
    let mut out: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for (persona, key) in rows {
        *out.entry(persona.clone())
            .or_default()
            .entry(key.clone())
            .or_default() += 1;
    }
    out
}
