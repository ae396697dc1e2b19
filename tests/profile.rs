//! Profiles: each sample behaviour reads as the brief describes it, and each kind of bad
//! history is handled as documented.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::*;
use mailfit::input::Customer;
use mailfit::profile::{Lifecycle, Profile};

fn profiles_of(persona_name: &str) -> Vec<Profile> {
    let engine = engine();
    let now = sample_now();
    customers()
        .iter()
        .filter(|c| persona(c) == persona_name)
        .map(|c| engine.profile(c, now).unwrap())
        .collect()
}

fn share(profiles: &[Profile], pred: impl Fn(&Profile) -> bool) -> f64 {
    profiles.iter().filter(|p| pred(p)).count() as f64 / profiles.len() as f64
}

fn top_tags(p: &Profile, n: usize) -> Vec<&str> {
    p.tag_affinities
        .iter()
        .take(n)
        .map(|a| a.key.as_str())
        .collect()
}

#[test]
fn studio_customers_show_studio_and_low_impact_affinity() {
    let ps = profiles_of("studio");
    let s = share(&ps, |p| {
        top_tags(p, 2)
            .iter()
            .any(|t| ["studio", "low-impact", "soft", "yoga"].contains(t))
    });
    assert!(
        s >= 0.9,
        "studio/low-impact among the top 2 tags for {s:.2}"
    );
    assert!(ps.iter().all(|p| p.rfm.orders > 0));
}

#[test]
fn trend_customers_buy_sets_and_new_collections_at_full_price() {
    let ps = profiles_of("trend");
    assert!(share(&ps, |p| p.style.set_buying >= 0.3) >= 0.9);
    assert!(share(&ps, |p| p.style.novelty >= 0.2) >= 0.8);
    assert!(share(&ps, |p| p.style.discount_sensitivity < 0.35) >= 0.9);
}

#[test]
fn discount_seekers_are_discount_sensitive() {
    let ps = profiles_of("discount");
    let s = share(&ps, |p| p.style.discount_sensitivity >= 0.5);
    assert!(s >= 0.9, "{s:.2}");
    let others = profiles_of("trend");
    let mean = |ps: &[Profile]| {
        ps.iter().map(|p| p.style.discount_sensitivity).sum::<f64>() / ps.len() as f64
    };
    assert!(mean(&ps) > mean(&others) + 0.4);
}

#[test]
fn browse_only_customers_are_browsers_with_no_purchases() {
    let ps = profiles_of("browser");
    assert!(ps.iter().all(|p| p.lifecycle == Lifecycle::Browser
        && p.rfm.orders == 0
        && p.rfm.days_since_last_purchase.is_none()));
    assert!(share(&ps, |p| p.style.browse_without_buying >= 0.6) >= 0.9);
}

#[test]
fn lapsed_high_value_customers_are_lapsed_valuable_and_likely_gone() {
    let ps = profiles_of("lapsed_vip");
    assert!(
        ps.iter().all(|p| p.lifecycle == Lifecycle::Lapsed),
        "{:?}",
        ps.iter().map(|p| p.lifecycle).collect::<Vec<_>>()
    );
    let median_spend = {
        let engine = engine();
        let mut all: Vec<i64> = customers()
            .iter()
            .map(|c| {
                engine
                    .profile(c, sample_now())
                    .unwrap()
                    .rfm
                    .total_spent_minor
            })
            .collect();
        all.sort_unstable();
        all[all.len() / 2]
    };
    assert!(share(&ps, |p| p.rfm.total_spent_minor > 2 * median_spend) >= 0.9);
    let studio = profiles_of("studio");
    let mean_alive =
        |ps: &[Profile]| ps.iter().map(|p| p.churn.p_alive).sum::<f64>() / ps.len() as f64;
    assert!(
        mean_alive(&ps) < mean_alive(&studio),
        "lapsed customers must look less alive"
    );
}

#[test]
fn in_store_customers_are_seen_as_in_store() {
    let ps = profiles_of("store_only");
    assert!(ps.iter().all(|p| p.rfm.orders > 0
        && p.rfm.store_orders == p.rfm.orders
        && p.rfm.online_orders == 0));
    assert!(
        ps.iter()
            .all(|p| p.reasons.iter().any(|r| r.contains("store only")))
    );
}

#[test]
fn every_profile_is_bounded_and_explained() {
    let engine = engine();
    for c in customers() {
        let p = engine.profile(&c, sample_now()).unwrap();
        for v in [
            p.style.novelty,
            p.style.set_buying,
            p.style.discount_sensitivity,
            p.style.browse_without_buying,
            p.churn.p_alive,
            p.churn.churn_risk,
            p.engagement.score,
        ] {
            assert!((0.0..=1.0).contains(&v), "{}: {v}", c.id);
        }
        let share_sum: f64 = p.category_affinities.iter().map(|a| a.score).sum();
        assert!(
            share_sum <= 1.0 + 0.005,
            "shares are rounded to 3 decimals: {share_sum}"
        );
        assert!(p.reasons.len() >= 2, "{}: {:?}", c.id, p.reasons);
        assert_eq!(p.churn.model, "prior");
    }
}

// ---- bad input -------------------------------------------------------------------------

fn profile_json(events: &str) -> Profile {
    let customer: Customer =
        mailfit::error::from_json_str("$", &format!(r#"{{"id": "t", "events": {events}}}"#))
            .unwrap();
    engine().profile(&customer, sample_now()).unwrap()
}

const LEGGING: &str = "NB-LG-001";

#[test]
fn events_out_of_order_give_the_same_profile() {
    let a = r#"[{"kind":"view","at":"2026-11-01T00:00:00Z","productId":"NB-LG-001"},
                {"kind":"purchase","at":"2026-11-02T00:00:00Z","productId":"NB-LG-001","orderId":"o1","price":60}]"#;
    let b = r#"[{"kind":"purchase","at":"2026-11-02T00:00:00Z","productId":"NB-LG-001","orderId":"o1","price":60},
                {"kind":"view","at":"2026-11-01T00:00:00Z","productId":"NB-LG-001"}]"#;
    assert_eq!(profile_json(a), profile_json(b));
}

#[test]
fn duplicate_order_lines_count_once() {
    let line = r#"{"kind":"purchase","at":"2026-11-02T00:00:00Z","productId":"NB-LG-001","orderId":"o1","price":60}"#;
    let p = profile_json(&format!("[{line},{line},{line}]"));
    assert_eq!(p.rfm.orders, 1);
    assert_eq!(p.rfm.total_spent_minor, 6000);
    assert_eq!(p.data_quality.events.duplicates, 2);
}

#[test]
fn refunds_subtract_and_a_whole_order_refund_removes_it() {
    let p = profile_json(&format!(
        r#"[{{"kind":"purchase","at":"2026-10-02T00:00:00Z","productId":"{LEGGING}","orderId":"o1","price":60}},
            {{"kind":"purchase","at":"2026-10-02T00:00:00Z","productId":"NB-BR-001","orderId":"o1","price":40}},
            {{"kind":"refund","at":"2026-10-09T00:00:00Z","productId":"NB-BR-001","orderId":"o1","price":40}},
            {{"kind":"purchase","at":"2026-10-20T00:00:00Z","productId":"NB-TE-001","orderId":"o2","price":30}},
            {{"event":"Order Refunded","timestamp":"2026-10-25T00:00:00Z","properties":{{"order_id":"o2"}}}}]"#
    ));
    assert_eq!(p.rfm.orders, 1, "o2 was refunded whole");
    assert_eq!(
        p.rfm.total_spent_minor, 6000,
        "the refunded bra is subtracted from o1"
    );
}

#[test]
fn zero_and_negative_prices_never_add_revenue_or_panic() {
    let p = profile_json(&format!(
        r#"[{{"kind":"purchase","at":"2026-10-02T00:00:00Z","productId":"{LEGGING}","orderId":"o1","price":-25}},
            {{"kind":"purchase","at":"2026-10-03T00:00:00Z","productId":"{LEGGING}","orderId":"o2","price":0}}]"#
    ));
    assert_eq!(p.rfm.orders, 2);
    assert_eq!(p.rfm.total_spent_minor, 0);
    assert!(
        p.style.typical_price_minor.is_some(),
        "falls back to viewed or catalog prices, not negative ones"
    );
}

#[test]
fn unknown_products_keep_their_category_as_evidence_or_are_counted() {
    let p = profile_json(
        r#"[{"kind":"view","at":"2026-11-01T00:00:00Z","productId":"NOT-IN-CATALOG","category":"Yoga Mats"},
            {"kind":"view","at":"2026-11-02T00:00:00Z","productId":"ALSO-MISSING"}]"#,
    );
    assert_eq!(p.data_quality.unknown_products, 2);
    assert_eq!(
        p.category_affinities.first().map(|a| a.key.as_str()),
        Some("yoga mats")
    );
    assert_eq!(p.category_affinities.len(), 1);
}

#[test]
fn future_and_missing_timestamps_are_ignored_and_counted() {
    let p = profile_json(&format!(
        r#"[{{"kind":"purchase","at":"2030-01-01T00:00:00Z","productId":"{LEGGING}","orderId":"f"}},
            {{"kind":"view","productId":"{LEGGING}"}},
            {{"kind":"view","at":"not a date","productId":"{LEGGING}"}},
            {{"kind":"view","at":"2026-11-10T00:00:00Z","productId":"{LEGGING}"}}]"#
    ));
    assert_eq!(p.data_quality.future, 1);
    assert_eq!(p.data_quality.events.undated, 2);
    assert_eq!(p.rfm.orders, 0, "a future order is not an order yet");
    assert_eq!(p.lifecycle, Lifecycle::Browser);
}

#[test]
fn a_single_event_makes_a_complete_profile() {
    let p = profile_json(&format!(
        r#"[{{"kind":"view","at":"2026-11-19T00:00:00Z","productId":"{LEGGING}"}}]"#
    ));
    assert_eq!(p.lifecycle, Lifecycle::Browser);
    assert!(!p.tag_affinities.is_empty());
    assert!(p.churn.churn_risk > 0.0 && p.churn.churn_risk < 1.0);
}

#[test]
fn engagement_rates_weigh_clicks_over_opens() {
    let sends: String = (1..=10)
        .map(|d| format!(r#"{{"metric":"Received Email","time":"2026-11-{d:02}T08:00:00Z"}},"#))
        .collect();
    let opener = profile_json(&format!(
        r#"[{sends}{{"metric":"Opened Email","time":"2026-11-10T09:00:00Z"}},{{"metric":"Opened Email","time":"2026-11-11T09:00:00Z"}}]"#
    ));
    let clicker = profile_json(&format!(
        r#"[{sends}{{"metric":"Clicked Email","time":"2026-11-10T09:00:00Z"}},{{"metric":"Clicked Email","time":"2026-11-11T09:00:00Z"}}]"#
    ));
    assert_eq!(opener.engagement.delivered, 10);
    assert_eq!(opener.engagement.open_rate, Some(0.2));
    assert_eq!(clicker.engagement.click_rate, Some(0.2));
    assert!(
        clicker.engagement.score > opener.engagement.score + 0.3,
        "{} vs {}",
        clicker.engagement.score,
        opener.engagement.score
    );
}

#[test]
fn observed_gender_and_size_come_from_purchases() {
    let engine = engine();
    let mens = engine
        .catalog()
        .products()
        .iter()
        .find(|p| p.gender.as_deref() == Some("male"))
        .unwrap()
        .id
        .clone();
    let p = profile_json(&format!(
        r#"[{{"kind":"purchase","at":"2026-10-02T00:00:00Z","productId":"{mens}","orderId":"o1"}},
            {{"kind":"purchase","at":"2026-10-12T00:00:00Z","productId":"{mens}","orderId":"o2"}}]"#
    ));
    assert_eq!(p.observed.gender.as_deref(), Some("male"));
}

#[test]
fn the_penalizer_keeps_a_churn_free_base_from_a_boundary_fit() {
    let now = serde_json::json!({"now": campaign_json()["now"]});
    let pure: mailfit::FitOptions =
        serde_json::from_value(serde_json::json!({"now": now["now"], "penalizer": 0})).unwrap();
    let default: mailfit::FitOptions = serde_json::from_value(now).unwrap();
    let mle = mailfit::fit_churn_model(customers(), &pure, 0).unwrap();
    let map = mailfit::fit_churn_model(customers(), &default, 0).unwrap();
    eprintln!(
        "pure MLE {:?} {:?}\npenalized {:?}",
        mle.model, mle.warnings, map.model
    );
    assert!(
        !mle.warnings.is_empty(),
        "the synthetic base has no dropout: pure MLE runs to a boundary"
    );
    assert!(map.warnings.is_empty());
    assert!(map.model.r < 100.0 && map.model.a.is_some_and(|a| a > 0.01));
    assert!(
        map.mean_log_likelihood <= mle.mean_log_likelihood + 1e-9,
        "the prior can only cost likelihood"
    );
}
