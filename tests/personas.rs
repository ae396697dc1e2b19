//! Decisions on catalogs in the shapes real brands export, with no hand-made tags.
//!
//! `tests/catalogs/` holds three generated brands (a US Merchant Center RSS feed, a UK Shopify
//! `products.json`, a German Merchant Center TSV), each with 300 customers in five cohorts and
//! a ground truth written by the generator from how it built each product (never from text
//! matching). The brief's mapping must hold on every catalog:
//! studio -> leggings + comfort-movement; styling -> a set + versatility-looks;
//! casual -> a layer + everyday-layering; never purchased -> an entry product + entry-value.
//! A fifth cohort buys on discount: only they should mostly get sale items.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use mailfit::input::{Customer, FeedOptions, parse_feed};
use mailfit::{CallOptions, Personalizer, PersonalizerInit};
use serde_json::Value;

const BRANDS: [(&str, &str, &str); 3] = [
    ("summit", "feed.xml", "USD"),
    ("harbour", "products.json", "GBP"),
    ("nordlicht", "feed.tsv", "EUR"),
];
const BRIEF: [&str; 4] = ["studio", "styling", "casual", "browser"];
/// The `now` the generator dated every history against.
const NOW: &str = "2026-11-20T12:00:00Z";

fn dir(brand: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/catalogs")
        .join(brand)
}

fn engine(brand: &str, feed: &str, currency: &str) -> Personalizer {
    let text = std::fs::read_to_string(dir(brand).join(feed)).unwrap();
    let load = parse_feed(
        &text,
        &FeedOptions {
            currency: Some(currency.into()),
            ..FeedOptions::default()
        },
    )
    .unwrap_or_else(|e| panic!("{brand}: {e}"));
    let mut init = PersonalizerInit {
        catalog: load.products,
        ..PersonalizerInit::default()
    };
    init.campaign.currency = currency.into();
    Personalizer::new(init).unwrap()
}

/// Per cohort: (customers, brief family and angle both right, family right, angle right,
/// hero on sale).
type Tally = BTreeMap<String, [usize; 5]>;

fn run(brand: &str, feed: &str, currency: &str) -> Tally {
    let engine = engine(brand, feed, currency);
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(dir(brand).join("truth.json")).unwrap())
            .unwrap();
    let customers: Vec<Customer> =
        serde_json::from_str(&std::fs::read_to_string(dir(brand).join("customers.json")).unwrap())
            .unwrap();
    let options = CallOptions {
        now: Some(mailfit::input::Timestamp::Text(NOW.into())),
        send_id: Some("personas".into()),
        ..CallOptions::default()
    };
    let mut tally = Tally::new();
    let mut misses: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in &customers {
        let cohort = truth["customers"][&c.id].as_str().unwrap().to_string();
        let expected = &truth["expected"][&cohort];
        let d = engine.decide(c, options_now(&options), &options).unwrap();
        let hero = d.decision.product_id.clone().unwrap_or_default();
        let facts = &truth["products"][&hero];
        let family_ok = match expected["families"].as_array() {
            _ if cohort == "browser" => facts["entry"].as_bool() == Some(true),
            // A co-ord legging is both a set piece and leggings: `families` lists each.
            Some(families) => families.iter().any(|f| {
                facts["families"]
                    .as_array()
                    .map_or(f == &facts["family"], |own| own.contains(f))
            }),
            None => true,
        };
        let angle_ok = expected["angle"]
            .as_str()
            .is_none_or(|a| a == d.decision.angle);
        if let Ok(path) = std::env::var("MAILFIT_PERSONA_DUMP") {
            // One JSON line per customer, for looking at the profiles behind the shares.
            let line = serde_json::json!({
                "brand": brand, "id": c.id, "cohort": cohort, "angle": d.decision.angle,
                "family": facts["family"], "families": facts["families"],
                "angles": d.decision.scores.angles, "style": d.profile.style,
                "facets": d.profile.facet_affinities.iter().map(|a| (a.key.clone(), a.score)).collect::<Vec<_>>(),
            });
            let mut text = std::fs::read_to_string(&path).unwrap_or_default();
            text.push_str(&line.to_string());
            text.push('\n');
            std::fs::write(&path, text).unwrap();
        }
        let row = tally.entry(cohort.clone()).or_default();
        row[0] += 1;
        row[1] += usize::from(family_ok && angle_ok);
        row[2] += usize::from(family_ok);
        row[3] += usize::from(angle_ok);
        row[4] += usize::from(facts["onSale"].as_bool() == Some(true));
        if !(family_ok && angle_ok) {
            let list = misses.entry(cohort).or_default();
            // MAILFIT_PERSONA_DEBUG=1 lists every miss with the profile behind it.
            let debug = std::env::var("MAILFIT_PERSONA_DEBUG").is_ok();
            if list.len() < 3 || debug {
                let facets: Vec<String> = d
                    .profile
                    .facet_affinities
                    .iter()
                    .take(if debug { 8 } else { 0 })
                    .map(|a| format!("{} {:.2}", a.key, a.score))
                    .collect();
                let angles: Vec<String> = d
                    .decision
                    .scores
                    .angles
                    .iter()
                    .take(if debug { 3 } else { 0 })
                    .map(|(a, v)| format!("{a} {v:.2}"))
                    .collect();
                list.push(format!(
                    "{}: {} `{}` {} ({}) {facets:?} {angles:?} {:?}",
                    c.id,
                    d.decision.angle,
                    facts["family"].as_str().unwrap_or("?"),
                    hero,
                    d.decision.reasons.first().cloned().unwrap_or_default(),
                    d.decision.scores.product,
                ));
            }
        }
    }
    for (cohort, list) in misses {
        for m in list {
            eprintln!("  {brand} {cohort} miss: {m}");
        }
    }
    tally
}

fn options_now(options: &CallOptions) -> i64 {
    options
        .now
        .as_ref()
        .and_then(mailfit::input::parse_timestamp)
        .unwrap()
}

fn pct(n: usize, of: usize) -> f64 {
    if of == 0 { 0.0 } else { n as f64 / of as f64 }
}

#[test]
fn the_brief_holds_on_catalogs_without_hand_made_tags() {
    let mut all_brief = [0usize; 2];
    let mut failures = Vec::new();
    eprintln!("brand      cohort   n    both   family angle  on sale");
    for (brand, feed, currency) in BRANDS {
        let tally = run(brand, feed, currency);
        for (cohort, [n, both, family, angle, sale]) in &tally {
            eprintln!(
                "{brand:<10} {cohort:<8} {n:<4} {:>5.1}% {:>5.1}% {:>5.1}% {:>5.1}%",
                100.0 * pct(*both, *n),
                100.0 * pct(*family, *n),
                100.0 * pct(*angle, *n),
                100.0 * pct(*sale, *n)
            );
            if BRIEF.contains(&cohort.as_str()) {
                all_brief[0] += n;
                all_brief[1] += both;
                if pct(*both, *n) < 0.8 {
                    failures.push(format!("{brand} {cohort}: {:.2}", pct(*both, *n)));
                }
            }
        }
        // Sale items only where behaviour is discount-driven.
        let deals = tally.get("deals").copied().unwrap_or_default();
        if pct(deals[4], deals[0]) < 0.6 {
            failures.push(format!(
                "{brand} deals: sale heroes {:.2}",
                pct(deals[4], deals[0])
            ));
        }
        let (others, others_sale) = tally
            .iter()
            .filter(|(c, _)| c.as_str() != "deals")
            .fold((0, 0), |(n, s), (_, row)| (n + row[0], s + row[4]));
        if pct(others_sale, others) > 0.25 {
            failures.push(format!(
                "{brand}: sale heroes for {:.2} of customers who do not buy on discount",
                pct(others_sale, others)
            ));
        }
    }
    let overall = pct(all_brief[1], all_brief[0]);
    eprintln!(
        "brief personas overall: {:.1}% of {}",
        100.0 * overall,
        all_brief[0]
    );
    assert!(overall >= 0.9, "overall {overall:.3}");
    assert!(failures.is_empty(), "{failures:#?}");
}
