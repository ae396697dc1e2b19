//! Offline learning over a customer base, in the same shapes `Personalizer` takes: the churn
//! model's parameters (`churnModel`), product popularity (`popularity`) and which kinds of
//! product are bought together (`associations`). Run nightly or per campaign, not per send;
//! the results are plain JSON the host passes to the engine.

use serde::Deserialize;

use crate::error::Error;
use std::collections::BTreeMap;

use crate::input::{Catalog, Customer, EventKind, FeatureKind, Timestamp, normalize_events};
use crate::profile::churn::{
    ChurnModel, ChurnVariant, FitReport, fit_with_prior, points_from_events,
};

/// Options of a fit (camelCase in JSON).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase", default)]
pub struct FitOptions {
    /// End of observation (ISO 8601 or Unix time); the host's clock when absent.
    pub now: Option<Timestamp>,
    /// `mbg_nbd` (default), `bg_nbd` or `pareto_nbd`.
    pub variant: Option<ChurnVariant>,
    /// Per-customer event limit, as in the campaign config (default 5,000).
    pub max_events: Option<usize>,
    /// Weight of the prior in the churn fit, in pseudo-observations per parameter (default 1:
    /// negligible for a large base, decisive for a tiny or churn-free one; 0 = pure maximum likelihood).
    pub penalizer: Option<f64>,
    /// Half-life in days of popularity evidence (default 30).
    pub half_life_days: Option<f64>,
    /// Least number of customers who bought both kinds of product for an association to count
    /// (default 5).
    pub min_support: Option<u32>,
}

impl FitOptions {
    fn resolve_now(&self, host_now: i64) -> Result<i64, Error> {
        Ok(crate::input::resolve_now(self.now.as_ref(), host_now)?)
    }

    fn max_events(&self) -> usize {
        self.max_events.filter(|m| *m > 0).unwrap_or(5_000)
    }
}

/// Fits MBG/NBD, BG/NBD or Pareto/NBD parameters (in days) on customers' purchase histories.
///
/// Customers who never bought before `now` carry no information for these models and are
/// left out; `FitReport::customers` says how many were used.
pub fn fit_churn_model(
    customers: Vec<Customer>,
    options: &FitOptions,
    host_now: i64,
) -> Result<FitReport, Error> {
    let now = options.resolve_now(host_now)?;
    let max_events = options.max_events();
    let points: Vec<_> = customers
        .into_iter()
        .filter_map(|c| points_from_events(&normalize_events(c.events, max_events).0, now))
        .collect();
    let variant = options.variant.unwrap_or_default();
    let strength = options
        .penalizer
        .filter(|p| p.is_finite() && *p >= 0.0)
        .unwrap_or(1.0);
    let prior = ChurnModel {
        variant,
        ..ChurnModel::prior()
    };
    let mut report = fit_with_prior(
        &points,
        variant,
        (strength > 0.0).then_some((&prior, strength)),
    )?;
    report.model.source = "fitted".into();
    Ok(report)
}

/// Popularity by product id: purchases 5, cart adds 3, wishlist adds 2.5, views 1, decayed by
/// age (half-life 30 days by default), summed over all customers and scaled so the top is 1.
pub fn compute_popularity(
    customers: Vec<Customer>,
    options: &FitOptions,
    host_now: i64,
) -> Result<BTreeMap<String, f64>, Error> {
    let now = options.resolve_now(host_now)?;
    let half_life = options
        .half_life_days
        .filter(|h| h.is_finite() && *h > 0.0)
        .unwrap_or(30.0);
    let rate = std::f64::consts::LN_2 / half_life;
    let mut scores: BTreeMap<String, f64> = BTreeMap::new();
    for customer in customers {
        for e in normalize_events(customer.events, options.max_events()).0 {
            let weight = match e.kind {
                EventKind::Purchase => 5.0,
                EventKind::Cart | EventKind::Checkout => 3.0,
                EventKind::Wishlist => 2.5,
                EventKind::View => 1.0,
                _ => continue,
            };
            let (Some(id), true) = (e.product_id, e.at <= now) else {
                continue;
            };
            let days = (now - e.at) as f64 / 86_400.0;
            *scores.entry(id).or_default() += weight * (-rate * days).exp();
        }
    }
    let top = scores.values().copied().fold(0.0f64, f64::max);
    if top > 0.0 {
        for v in scores.values_mut() {
            *v = (*v / top * 1000.0).round() / 1000.0;
        }
    }
    Ok(scores)
}

/// Kinds of product bought together more often than chance: for each product facet
/// (`product:tee`), the facets bought by the same customers with their lift
/// (P(both) / (P(a) P(b)), above 1 only), from `computeAssociations`.
pub type Associations = BTreeMap<String, BTreeMap<String, f64>>;

/// Co-purchase lift between the kinds of product (`product:*` facets) in `catalog`, over the
/// customers' whole purchase histories. Pairs bought together by fewer than `min_support`
/// customers are left out, so a small base yields few or none.
pub fn compute_associations(
    customers: Vec<Customer>,
    catalog: &Catalog,
    options: &FitOptions,
    host_now: i64,
) -> Result<Associations, Error> {
    let now = options.resolve_now(host_now)?;
    let min_support = options.min_support.filter(|m| *m > 0).unwrap_or(5);
    let vocab = catalog.vocab();
    // Per customer: the product facets they bought, as feature ids.
    let mut baskets: Vec<Vec<u32>> = Vec::new();
    for customer in customers {
        let mut kinds: Vec<u32> = normalize_events(customer.events, options.max_events())
            .0
            .iter()
            .filter(|e| e.kind == EventKind::Purchase && e.at <= now)
            .filter_map(|e| catalog.index_of(e.product_id.as_deref()?))
            .flat_map(|i| catalog.features(i).iter().copied())
            .filter(|&id| {
                vocab.kind(id) == Some(FeatureKind::Facet) && vocab.name(id).starts_with("product:")
            })
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        if !kinds.is_empty() {
            baskets.push(kinds);
        }
    }
    let buyers = baskets.len() as f64;
    let mut single: BTreeMap<u32, u32> = BTreeMap::new();
    let mut pairs: BTreeMap<(u32, u32), u32> = BTreeMap::new();
    for basket in &baskets {
        for (i, &a) in basket.iter().enumerate() {
            *single.entry(a).or_default() += 1;
            for &b in basket.iter().skip(i + 1) {
                *pairs.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut out = Associations::new();
    for (&(a, b), &both) in &pairs {
        let (Some(&na), Some(&nb)) = (single.get(&a), single.get(&b)) else {
            continue;
        };
        let lift = f64::from(both) * buyers / (f64::from(na) * f64::from(nb));
        if both < min_support || !lift.is_finite() || lift <= 1.0 {
            continue;
        }
        let lift = (lift * 1000.0).round() / 1000.0;
        for (from, to) in [(a, b), (b, a)] {
            out.entry(vocab.name(from).to_string())
                .or_default()
                .insert(vocab.name(to).to_string(), lift);
        }
    }
    Ok(out)
}
