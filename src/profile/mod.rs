//! Profile stage: a customer's canonical events + the catalog -> [`Profile`].
//!
//! Contract: pure and deterministic in (events, catalog, config, model, now). Every score is
//! finite and in its documented range, and every number a reason quotes is in the profile.
//! Events after `now` are ignored and counted (clock skew, test data).

mod affinity;
pub mod churn;
mod orders;
mod reasons;
mod signals;

pub use affinity::{Affinity, Evidence};
pub use churn::{ChurnModel, ChurnScore, ChurnVariant, ModelError};

use serde::Serialize;

use crate::config::CampaignConfig;
use crate::input::{Catalog, Channel, Event, EventKind, EventStats};

/// Days in seconds.
const DAY: f64 = 86_400.0;
/// Default horizon of `churnRisk` and `expectedPurchases` (`campaign.churnHorizonDays`).
pub const HORIZON_DAYS: f64 = 90.0;

/// Where the customer is in their journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    /// First purchase recently.
    New,
    /// Bought within the at-risk threshold.
    Active,
    /// No purchase for longer than the at-risk threshold (the CRM's re-engagement segment).
    AtRisk,
    /// No purchase for longer than the lapsed threshold.
    Lapsed,
    /// Never purchased.
    Browser,
}

/// Recency, frequency, monetary value and channel split.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Rfm {
    /// Days since the last purchase (`null` when never purchased).
    pub days_since_last_purchase: Option<f64>,
    /// Days since the first purchase.
    pub days_since_first_purchase: Option<f64>,
    /// Days since the last site or app activity.
    pub days_since_last_visit: Option<f64>,
    /// Distinct orders, net of fully refunded ones.
    pub orders: u32,
    /// Net revenue in minor units.
    pub total_spent_minor: i64,
    /// Average order value in minor units.
    pub average_order_minor: i64,
    /// Orders placed online.
    pub online_orders: u32,
    /// Orders placed in a store.
    pub store_orders: u32,
}

/// How the customer shops; each score in 0..1.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StyleSignals {
    /// Share of interest in `new-collection` items.
    pub novelty: f64,
    /// Share of interest in `matching-set` items.
    pub set_buying: f64,
    /// Share of purchases on sale or with a coupon (views of sale items when never bought).
    pub discount_sensitivity: f64,
    /// Browses without buying.
    pub browse_without_buying: f64,
    /// Typical price paid (or viewed) relative to the catalog median (1.0 = median).
    pub price_ratio: Option<f64>,
    /// Typical unit price paid or viewed, in minor units.
    pub typical_price_minor: Option<i64>,
}

/// What purchases reveal about the customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Observed {
    /// Gender of the products bought most (unisex left out).
    pub gender: Option<String>,
    /// Size bought most (one-size left out).
    pub size: Option<String>,
}

/// Email engagement. Clicks weigh more than opens (Apple Mail Privacy Protection inflates opens).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Engagement {
    /// Emails received (`Received Email`, `Email Delivered`), when the host sends them.
    pub delivered: u32,
    /// Emails opened.
    pub opens: u32,
    /// Email clicks.
    pub clicks: u32,
    /// Days since the last open.
    pub days_since_last_open: Option<f64>,
    /// Days since the last click.
    pub days_since_last_click: Option<f64>,
    /// Opens per delivered email (`null` without deliveries).
    pub open_rate: Option<f64>,
    /// Clicks per delivered email (`null` without deliveries).
    pub click_rate: Option<f64>,
    /// 0..1: recent clicks count fully, opens a quarter (half-life as configured).
    pub score: f64,
    /// Unsubscribed at some point.
    pub unsubscribed: bool,
}

/// Churn scores over the campaign's horizon (`churnHorizonDays`, default [`HORIZON_DAYS`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Churn {
    /// Probability the customer is still active.
    pub p_alive: f64,
    /// Probability of no purchase within the horizon.
    pub churn_risk: f64,
    /// Expected purchases within the horizon.
    pub expected_purchases: f64,
    /// Horizon in days.
    pub horizon_days: f64,
    /// `prior` or `fitted`.
    pub model: String,
}

/// Data quality counters: what was read, ignored or could not be matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DataQuality {
    /// Normalization counters.
    #[serde(flatten)]
    pub events: EventStats,
    /// Events dated after `now` (ignored).
    pub future: u32,
    /// Product events whose product is not in the catalog (kept by category when given).
    pub unknown_products: u32,
}

/// The behavioural profile of one customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// The customer's id.
    pub customer_id: String,
    /// The `now` the profile was computed at (RFC 3339).
    pub as_of: String,
    /// Journey stage.
    pub lifecycle: Lifecycle,
    /// Recency, frequency, monetary.
    pub rfm: Rfm,
    /// Top categories by decayed, signal-weighted interest.
    pub category_affinities: Vec<Affinity>,
    /// Top facets (what the products they engage with are, are for and feel like), each as
    /// the share of all their product interest that went to products with it, with the words
    /// the catalog used.
    pub facet_affinities: Vec<Affinity>,
    /// Top store tags (the brand's own words) by decayed, signal-weighted interest.
    pub tag_affinities: Vec<Affinity>,
    /// Top product attributes (`color:black`, `size:m`) by the same measure.
    pub attribute_affinities: Vec<Affinity>,
    /// Gender and size of what they bought, when observed.
    pub observed: Observed,
    /// Shopping style.
    pub style: StyleSignals,
    /// Email engagement.
    pub engagement: Engagement,
    /// Churn scores.
    pub churn: Churn,
    /// Products viewed, carted or wishlisted in the last 30 days and not bought, most recent first.
    pub recently_viewed: Vec<String>,
    /// Item groups bought, with days since the last purchase of each.
    #[cfg_attr(test, ts(type = "Array<[string, number]>"))]
    pub bought_groups: Vec<(String, f64)>,
    /// Plain-language reasons with numbers, most telling first.
    pub reasons: Vec<String>,
    /// What was read and ignored.
    pub data_quality: DataQuality,
}

impl Profile {
    /// Share of interest in a facet (0 when absent).
    pub fn facet_score(&self, facet: &str) -> f64 {
        self.facet_affinities
            .iter()
            .find(|a| a.key == facet)
            .map_or(0.0, |a| a.score)
    }

    /// Affinity score of a tag (0 when absent).
    pub fn tag_score(&self, tag: &str) -> f64 {
        self.tag_affinities
            .iter()
            .find(|a| a.key == tag)
            .map_or(0.0, |a| a.score)
    }

    /// Affinity score of a category level (0 when absent).
    pub fn category_score(&self, category: &str) -> f64 {
        self.category_affinities
            .iter()
            .find(|a| a.key == category)
            .map_or(0.0, |a| a.score)
    }
}

/// Builds the profile. `now` is Unix seconds; `model` the fitted churn model or the prior.
pub fn profile(
    customer_id: &str,
    events: &[Event],
    stats: EventStats,
    catalog: &Catalog,
    config: &CampaignConfig,
    model: &ChurnModel,
    now: i64,
) -> Profile {
    let future = events.iter().filter(|e| e.at > now).count() as u32;
    let mut past: Vec<&Event> = Vec::with_capacity(events.len());
    past.extend(events.iter().filter(|e| e.at <= now));
    let days_ago = |at: i64| ((now - at) as f64 / DAY).max(0.0);

    let mut acc = signals::Accumulator::new(catalog, config.half_life_days, past.len());
    for event in &past {
        acc.add(event, days_ago(event.at));
    }
    acc.finish();
    let orders = orders::orders(&past);

    let purchase_times: Vec<i64> = orders.iter().map(|o| o.at).collect();
    let last_purchase = purchase_times.iter().max().copied();
    let first_purchase = purchase_times.iter().min().copied();
    let last_visit = past
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::View
                    | EventKind::Cart
                    | EventKind::Wishlist
                    | EventKind::Checkout
                    | EventKind::Visit
            )
        })
        .map(|e| e.at)
        .max();

    let order_count = orders.len() as u32;
    let total_spent_minor: i64 = orders.iter().map(|o| o.value_minor).sum();
    let rfm = Rfm {
        days_since_last_purchase: last_purchase.map(days_ago),
        days_since_first_purchase: first_purchase.map(days_ago),
        days_since_last_visit: last_visit.map(days_ago),
        orders: order_count,
        total_spent_minor,
        average_order_minor: if order_count > 0 {
            total_spent_minor / i64::from(order_count)
        } else {
            0
        },
        online_orders: orders
            .iter()
            .filter(|o| o.channel == Channel::Online)
            .count() as u32,
        store_orders: orders
            .iter()
            .filter(|o| o.channel == Channel::Store)
            .count() as u32,
    };

    let lifecycle = lifecycle_of(&rfm, config);
    let style = acc.style(catalog.median_price_minor(), order_count);
    let engagement = engagement(&past, now, config.half_life_days);

    // The same (x, t_x, T) summary the fit uses: purchase days, in days. A customer who never
    // bought is scored from first sight, with no repeat purchases.
    let first_seen = past.first().map(|e| e.at).unwrap_or(now);
    let point = churn::points_from_events(events, now).unwrap_or(churn::RfmPoint {
        x: 0.0,
        t_x: 0.0,
        t: days_ago(first_seen),
    });
    let score = model.score(point.x, point.t_x, point.t, config.churn_horizon_days);
    let churn = Churn {
        p_alive: round3(score.p_alive),
        churn_risk: round3(score.churn_risk),
        expected_purchases: round3(score.expected_purchases),
        horizon_days: config.churn_horizon_days,
        model: model.source.clone(),
    };

    let [category_affinities, tag_affinities, attribute_affinities] = acc.top_affinities(6);
    let (gender, size) = acc.observed();
    let recently_viewed = acc.recently_viewed(30.0);
    let bought_groups = acc.bought_groups();
    let mut profile = Profile {
        customer_id: customer_id.to_string(),
        as_of: crate::input::format_timestamp(now),
        lifecycle,
        rfm,
        category_affinities,
        facet_affinities: acc.top_facets(16),
        tag_affinities,
        attribute_affinities,
        observed: Observed { gender, size },
        style,
        engagement,
        churn,
        recently_viewed,
        bought_groups,
        reasons: Vec::new(),
        data_quality: DataQuality {
            events: stats,
            future,
            unknown_products: acc.unknown_products(),
        },
    };
    profile.reasons = reasons::reasons(&profile, config);
    profile
}

fn engagement(past: &[&Event], now: i64, half_life_days: f64) -> Engagement {
    let days_ago = |at: i64| ((now - at) as f64 / DAY).max(0.0);
    let count = |kind: EventKind| past.iter().filter(|e| e.kind == kind).count() as u32;
    let last = |kind: EventKind| {
        past.iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.at)
            .max()
            .map(days_ago)
    };
    let (delivered, opens, clicks) = (
        count(EventKind::EmailDelivered),
        count(EventKind::EmailOpen),
        count(EventKind::EmailClick),
    );
    let rate =
        |n: u32| (delivered > 0).then(|| round3((f64::from(n) / f64::from(delivered)).min(1.0)));
    let evidence: f64 = past
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::EmailClick => Some((1.0, e.at)),
            EventKind::EmailOpen => Some((0.25, e.at)),
            _ => None,
        })
        .map(|(w, at)| w * (-std::f64::consts::LN_2 * days_ago(at) / half_life_days).exp())
        .sum();
    Engagement {
        delivered,
        opens,
        clicks,
        days_since_last_open: last(EventKind::EmailOpen),
        days_since_last_click: last(EventKind::EmailClick),
        open_rate: rate(opens),
        click_rate: rate(clicks),
        score: round3(1.0 - (-evidence).exp()),
        unsubscribed: count(EventKind::Unsubscribe) > 0,
    }
}

fn lifecycle_of(rfm: &Rfm, config: &CampaignConfig) -> Lifecycle {
    let t = &config.lifecycle;
    match (rfm.days_since_last_purchase, rfm.days_since_first_purchase) {
        (None, _) | (_, None) => Lifecycle::Browser,
        (Some(last), _) if last > t.lapsed_days => Lifecycle::Lapsed,
        (Some(last), _) if last > t.at_risk_days => Lifecycle::AtRisk,
        (_, Some(first)) if first <= t.new_days => Lifecycle::New,
        _ => Lifecycle::Active,
    }
}

/// Rounds to 3 decimals so profiles stay readable and byte-stable in JSON.
pub(crate) fn round3(v: f64) -> f64 {
    if v.is_finite() {
        (v * 1000.0).round() / 1000.0
    } else {
        0.0
    }
}
