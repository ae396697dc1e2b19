//! Plain-language reasons for a profile, each quoting numbers the profile holds.

use super::{Lifecycle, Profile};
use crate::config::CampaignConfig;

/// Plain-language reasons, each quoting numbers that are in the profile.
pub(super) fn reasons(p: &Profile, config: &CampaignConfig) -> Vec<String> {
    let mut out = Vec::new();
    match (p.lifecycle, p.rfm.days_since_last_purchase) {
        (Lifecycle::Browser, _) => {
            let views: u32 = p.category_affinities.iter().map(|a| a.evidence.views).sum();
            out.push(format!("never purchased; {views} product views on record"));
        }
        (stage, Some(days)) => out.push(format!(
            "last purchase {days:.0} days ago ({} orders); {} after {:.0} days without one",
            p.rfm.orders,
            match stage {
                Lifecycle::Lapsed => "lapsed",
                Lifecycle::AtRisk => "at risk",
                _ => "still active until",
            },
            if stage == Lifecycle::Lapsed {
                config.lifecycle.lapsed_days
            } else {
                config.lifecycle.at_risk_days
            },
        )),
        _ => {}
    }
    // What they engage with, in the catalog's words: the strongest facet of what the products
    // are for (focus, activity) and of what they are (product, role).
    for prefixes in [&["focus:", "activity:"][..], &["product:", "role:"][..]] {
        if let Some(a) = prefixes
            .iter()
            .find_map(|x| p.facet_affinities.iter().find(|a| a.key.starts_with(x)))
        {
            out.push(format!("engages with {}", a.describe()));
        }
    }
    if let Some(tag) = p.tag_affinities.first() {
        let e = &tag.evidence;
        out.push(format!(
            "top interest `{}` ({:.0}% of interest: {} views, {} cart adds, {} purchases)",
            tag.key,
            tag.score * 100.0,
            e.views,
            e.carts,
            e.purchases
        ));
    }
    if let Some(cat) = p.category_affinities.first() {
        out.push(format!(
            "top category `{}` ({:.0}% of interest)",
            cat.key,
            cat.score * 100.0
        ));
    }
    let s = &p.style;
    for (value, label) in [
        (s.novelty, "new-collection items"),
        (s.set_buying, "matching sets"),
        (s.discount_sensitivity, "discounts (sale items or coupons)"),
    ] {
        if value >= 0.3 {
            out.push(format!(
                "{:.0}% of their interest or purchases go to {label}",
                value * 100.0
            ));
        }
    }
    if p.rfm.orders > 0 && p.rfm.online_orders == 0 {
        out.push(format!(
            "buys in store only ({} orders)",
            p.rfm.store_orders
        ));
    }
    out.push(format!(
        "churn risk {:.0}% over {:.0} days (p alive {:.2}, {} model)",
        p.churn.churn_risk * 100.0,
        p.churn.horizon_days,
        p.churn.p_alive,
        p.churn.model
    ));
    out
}
