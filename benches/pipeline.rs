//! Per-recipient costs, natively (criterion): `cargo bench --bench pipeline`.
//!
//! - profile: 200 canonical events -> Profile (the issue's budget: well under 20 µs);
//! - normalize+profile: the same from raw Segment-shaped events;
//! - decide: a sample customer's decision over a 2,072-product catalog (the sample catalog
//!   repeated 14 times as distinct products; the issue's budget: well under 30 µs);
//! - render_only: template data -> the default email (the issue's budget: well under 20 µs);
//! - render: a sample customer through the whole pipeline (profile, decide, copy, render);
//! - feed: a brand's Merchant Center feed (tests/catalogs/summit, 1,059 items, no tags): the
//!   engine build with catalog understanding, and a studio customer's decision on it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use mailfit::input::{Customer, RawEvent, normalize_events};
use mailfit::profile::{ChurnModel, profile};
use mailfit::{Personalizer, PersonalizerInit};

const CATALOG: &str = include_str!("../samples/catalog.json");
const CUSTOMERS: &str = include_str!("../samples/customers.json");
const CAMPAIGN: &str = include_str!("../samples/campaign.json");
const NOW: i64 = 1_795_176_000; // 2026-11-20T12:00:00Z

fn engine() -> Personalizer {
    let init = format!(r#"{{"catalog": {CATALOG}, "campaign": {CAMPAIGN}}}"#);
    Personalizer::new(mailfit::error::from_json_str::<PersonalizerInit>("$", &init).unwrap())
        .unwrap()
}

/// The sample catalog repeated 14 times (2,072 products, 1,470 item groups' worth of variety).
fn large_engine() -> Personalizer {
    let base: Vec<serde_json::Value> = serde_json::from_str(CATALOG).unwrap();
    let mut products = Vec::new();
    for copy in 0..14 {
        for p in &base {
            let mut p = p.clone();
            if copy > 0 {
                for key in ["id", "item_group_id"] {
                    let v = format!("{}-{copy}", p[key].as_str().unwrap());
                    p[key] = serde_json::Value::String(v);
                }
            }
            products.push(p);
        }
    }
    let init = serde_json::json!({"catalog": products, "campaign": serde_json::from_str::<serde_json::Value>(CAMPAIGN).unwrap()});
    Personalizer::new(serde_json::from_value::<PersonalizerInit>(init).unwrap()).unwrap()
}

/// 200 Segment events over a year: views, cart adds and orders across the catalog.
fn history(engine: &Personalizer) -> Vec<RawEvent> {
    let ids: Vec<&str> = engine
        .catalog()
        .products()
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    let json: Vec<String> = (0..200)
        .map(|i| {
            let id = ids[(i * 7) % ids.len()];
            let day = 1 + (i * 11) % 360;
            let at = NOW - day as i64 * 86_400;
            match i % 10 {
                0 => format!(r#"{{"event":"Order Completed","timestamp":{at},"properties":{{"order_id":"o{i}","products":[{{"product_id":"{id}","price":58,"quantity":1}}]}}}}"#),
                1 | 2 => format!(r#"{{"event":"Product Added","timestamp":{at},"properties":{{"product_id":"{id}"}}}}"#),
                3 => format!(r#"{{"event":"Email Link Clicked","timestamp":{at},"properties":{{"product_id":"{id}"}}}}"#),
                _ => format!(r#"{{"event":"Product Viewed","timestamp":{at},"properties":{{"product_id":"{id}"}}}}"#),
            }
        })
        .collect();
    mailfit::error::from_json_str("$", &format!("[{}]", json.join(","))).unwrap()
}

fn benches(c: &mut Criterion) {
    let engine = engine();
    let raw = history(&engine);
    let (events, stats) = normalize_events(raw.clone(), 5_000);
    assert_eq!(events.len(), 200);
    let model = ChurnModel::prior();
    c.bench_function("profile/200_events", |b| {
        b.iter(|| {
            profile(
                black_box("c1"),
                black_box(&events),
                stats.clone(),
                engine.catalog(),
                engine.campaign(),
                &model,
                NOW,
            )
        })
    });
    c.bench_function("normalize+profile/200_events", |b| {
        b.iter(|| {
            let (events, stats) = normalize_events(black_box(raw.clone()), 5_000);
            profile(
                "c1",
                &events,
                stats,
                engine.catalog(),
                engine.campaign(),
                &model,
                NOW,
            )
        })
    });
    let customers: Vec<Customer> = mailfit::error::from_json_str("$", CUSTOMERS).unwrap();
    let large = large_engine();
    assert!(large.catalog().len() >= 2_000);
    for (name, customer) in [
        ("decide/2k_products/studio", &customers[0]),
        ("decide/2k_products/browser", &customers[200]),
    ] {
        let profile = large.profile(customer, NOW).unwrap();
        let options = mailfit::CallOptions::for_send("bench");
        c.bench_function(name, |b| {
            b.iter(|| {
                large
                    .decide_with_profile(black_box(customer), &profile, &options)
                    .unwrap()
            })
        });
    }
    let studio = &customers[0];
    // Render only: template data -> subject, preheader, HTML and text with the default templates.
    let renderer =
        mailfit::render::Renderer::new(&mailfit::render::TemplateSet::default()).unwrap();
    let out = engine
        .render(studio, NOW, &mailfit::CallOptions::for_send("bench"))
        .unwrap();
    let model = mailfit::render::email_model(
        studio,
        &out.decision,
        &out.copy,
        engine.catalog(),
        engine.campaign(),
        "2026-11-20T12:00:00Z",
    );
    c.bench_function("render_only/default_email", |b| {
        b.iter(|| renderer.render(black_box(&model)).unwrap())
    });
    c.bench_function("render/sample_customer", |b| {
        b.iter(|| {
            engine
                .render(
                    black_box(studio),
                    NOW,
                    &mailfit::CallOptions::for_send("bench"),
                )
                .unwrap()
        })
    });
}

/// The generated US brand's feed and its first studio customer.
fn feed_benches(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/catalogs/summit");
    let feed = std::fs::read_to_string(format!("{dir}/feed.xml")).unwrap();
    let products = mailfit::input::parse_feed(&feed, &Default::default())
        .unwrap()
        .products;
    let build = || {
        Personalizer::new(PersonalizerInit {
            catalog: products.clone(),
            ..PersonalizerInit::default()
        })
        .unwrap()
    };
    c.bench_function("feed/engine_build_1059_items", |b| b.iter(build));
    let engine = build();
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/truth.json")).unwrap())
            .unwrap();
    let customers: Vec<Customer> =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/customers.json")).unwrap())
            .unwrap();
    let studio = customers
        .iter()
        .find(|c| truth["customers"][&c.id] == "studio")
        .unwrap();
    let profile = engine.profile(studio, NOW).unwrap();
    let options = mailfit::CallOptions::for_send("bench");
    c.bench_function("feed/decide_studio", |b| {
        b.iter(|| {
            engine
                .decide_with_profile(black_box(studio), &profile, &options)
                .unwrap()
        })
    });
    c.bench_function("feed/profile_and_decide_studio", |b| {
        b.iter(|| engine.decide(black_box(studio), NOW, &options).unwrap())
    });
}

criterion_group!(pipeline, benches, feed_benches);
criterion_main!(pipeline);
