//! Offer positioning: spend margin only where it changes the outcome.
//!
//! Rules: a discount or free shipping only for customers with high churn risk AND discount
//! sensitivity, chosen from what the campaign allows (nothing is invented); novelty seekers get
//! full-price new-collection positioning; customers who never bought get value positioning.

use serde::Serialize;

use crate::config::{Offer, OfferPolicy};
use crate::profile::{Lifecycle, Profile};

/// How the email positions price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Positioning {
    /// Full price; no price talk.
    FullPrice,
    /// Full price, framed as new and fresh.
    NewCollection,
    /// Value and ease of a first purchase.
    Value,
    /// An incentive from the campaign's offers.
    Incentive,
}

/// The offer decision with its reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OfferDecision {
    /// Price positioning.
    pub positioning: Positioning,
    /// The campaign offer used, if any.
    pub offer: Option<Offer>,
    /// Why, in plain words with numbers.
    pub reason: String,
}

/// Chooses the offer for a profile under a policy.
pub fn choose_offer(profile: &Profile, policy: &OfferPolicy) -> OfferDecision {
    let risk = profile.churn.churn_risk;
    let sensitivity = profile.style.discount_sensitivity;
    let incentive_ok =
        risk >= policy.min_churn_risk && sensitivity >= policy.min_discount_sensitivity;
    if incentive_ok && !profile.engagement.unsubscribed {
        // Very sensitive customers get the percentage; the rest the cheaper free shipping.
        let wants_percent = sensitivity >= (policy.min_discount_sensitivity + 1.0) / 2.0;
        let pick = policy
            .offers
            .iter()
            .find(|o| matches!(o, Offer::PercentOff { .. }) == wants_percent)
            .or_else(|| policy.offers.first());
        if let Some(offer) = pick {
            return OfferDecision {
                positioning: Positioning::Incentive,
                offer: Some(offer.clone()),
                reason: format!(
                    "churn risk {:.0}% >= {:.0}% and discount sensitivity {:.0}% >= {:.0}%",
                    risk * 100.0,
                    policy.min_churn_risk * 100.0,
                    sensitivity * 100.0,
                    policy.min_discount_sensitivity * 100.0
                ),
            };
        }
    }
    let why_not = if incentive_ok {
        "the campaign allows no offer".to_string()
    } else {
        format!(
            "no offer: churn risk {:.0}% (min {:.0}%), discount sensitivity {:.0}% (min {:.0}%)",
            risk * 100.0,
            policy.min_churn_risk * 100.0,
            sensitivity * 100.0,
            policy.min_discount_sensitivity * 100.0
        )
    };
    let positioning = if profile.style.novelty >= 0.3 {
        Positioning::NewCollection
    } else if profile.lifecycle == Lifecycle::Browser {
        Positioning::Value
    } else {
        Positioning::FullPrice
    };
    OfferDecision {
        positioning,
        offer: None,
        reason: why_not,
    }
}
