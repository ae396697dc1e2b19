use super::*;
use crate::{Personalizer, PersonalizerInit};

#[test]
fn the_pruned_shortlist_finds_the_same_best_product_as_a_full_scan() {
    let init = format!(
        r#"{{"catalog": {}, "campaign": {}}}"#,
        include_str!("../../../samples/catalog.json"),
        include_str!("../../../samples/campaign.json")
    );
    let engine =
        Personalizer::new(crate::error::from_json_str::<PersonalizerInit>("$", &init).unwrap())
            .unwrap();
    let customers: Vec<crate::input::Customer> =
        crate::error::from_json_str("$", include_str!("../../../samples/customers.json")).unwrap();
    let now = 1_795_176_000;
    let (mut same, mut total) = (0, 0);
    for c in &customers {
        let profile = engine.profile(c, now).unwrap();
        let scorer = Scorer::new(
            engine.catalog(),
            &engine.index,
            &engine.campaign().weights,
            &profile,
        );
        let pruned = scorer.shortlist(1, &|_| true, &[]);
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
