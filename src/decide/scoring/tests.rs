use super::*;
use crate::profile::Profile;
use crate::{Personalizer, PersonalizerInit};

/// Time of the sample data.
const NOW: i64 = 1_795_176_000;

/// An engine over a catalog (JSON) with the sample campaign.
fn engine(catalog: &str) -> Personalizer {
    let init = format!(
        r#"{{"catalog": {catalog}, "campaign": {}}}"#,
        include_str!("../../../samples/campaign.json")
    );
    Personalizer::new(crate::error::from_json_str::<PersonalizerInit>("$", &init).unwrap()).unwrap()
}

fn sample_customers() -> Vec<crate::input::Customer> {
    crate::error::from_json_str("$", include_str!("../../../samples/customers.json")).unwrap()
}

fn scorer<'a>(engine: &'a Personalizer, profile: &'a Profile) -> Scorer<'a> {
    Scorer::new(
        engine.catalog(),
        &engine.index,
        &engine.campaign().weights,
        profile,
    )
}

#[test]
fn the_pruned_shortlist_finds_the_same_best_product_as_a_full_scan() {
    let engine = engine(include_str!("../../../samples/catalog.json"));
    let customers = sample_customers();
    let (mut same, mut total) = (0, 0);
    for c in &customers {
        let profile = engine.profile(c, NOW).unwrap();
        let scorer = scorer(&engine, &profile);
        let pruned = scorer.shortlist(1, None, &[]);
        let full = (0..engine.catalog().len())
            .filter(|&i| engine.index.showable(i))
            .map(|i| (i, scorer.score(i)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        total += 1;
        same += usize::from(pruned.first().map(|s| s.index) == full.map(|f| f.0));
        assert!(
            pruned.iter().all(|s| engine.index.showable(s.index)),
            "{}: an unshowable product was shortlisted",
            c.id
        );
    }
    assert_eq!(
        same, total,
        "pruned best = full-scan best for {same} of {total}"
    );
}

#[test]
fn copies_of_a_catalog_do_not_widen_the_shortlist() {
    let sample: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("../../../samples/catalog.json")).unwrap();
    // The catalog and 19 copies of it under other ids and item groups: every copy ties.
    let mut catalog = sample.clone();
    for copy in 1..20 {
        for p in &sample {
            let mut p = p.clone();
            for key in ["id", "item_group_id"] {
                if let Some(serde_json::Value::String(s)) = p.get_mut(key) {
                    s.push_str(&format!("-c{copy}"));
                }
            }
            catalog.push(p);
        }
    }
    let small = engine(&serde_json::to_string(&sample).unwrap());
    let large = engine(&serde_json::to_string(&catalog).unwrap());
    assert!(
        large.index.classes.len() <= small.index.classes.len(),
        "{} classes for 20 copies of a catalog of {} classes",
        large.index.classes.len(),
        small.index.classes.len()
    );
    let (mut widest_small, mut widest_large) = (0, 0);
    for c in sample_customers().iter().take(80) {
        let mut best = Vec::new();
        for (engine, widest) in [(&small, &mut widest_small), (&large, &mut widest_large)] {
            let profile = engine.profile(c, NOW).unwrap();
            let list = scorer(engine, &profile).shortlist(4, None, &[0, 1, 2]);
            *widest = (*widest).max(list.len());
            best.push(list.first().map(|s| s.score));
        }
        assert_eq!(
            best[0], best[1],
            "{}: the copies changed the best score",
            c.id
        );
    }
    assert!(
        widest_large <= widest_small * 3 / 2,
        "shortlists of up to {widest_large} products for 20 copies, {widest_small} for one"
    );
}
