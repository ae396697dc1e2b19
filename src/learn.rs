//! Offline learning over a customer base, in the same shapes `Personalizer` takes: the churn
//! model's parameters (`churnModel`) and product popularity (`popularity`). Run nightly or per
//! campaign, not per send; the results are plain JSON the host passes to the engine.

use serde::Deserialize;

use crate::error::Error;
use std::collections::BTreeMap;

use crate::input::{Customer, EventKind, Timestamp, normalize_events};
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
    /// `mbg_nbd` (default) or `bg_nbd`.
    pub variant: Option<ChurnVariant>,
    /// Per-customer event limit, as in the campaign config (default 5,000).
    pub max_events: Option<usize>,
    /// Weight of the prior in the churn fit, in pseudo-observations per parameter (default 1:
    /// negligible for a large base, decisive for a tiny or churn-free one; 0 = pure maximum likelihood).
    pub penalizer: Option<f64>,
    /// Half-life in days of popularity evidence (default 30).
    pub half_life_days: Option<f64>,
}

impl FitOptions {
    fn resolve_now(&self, host_now: i64) -> Result<i64, Error> {
        Ok(crate::input::resolve_now(self.now.as_ref(), host_now)?)
    }

    fn max_events(&self) -> usize {
        self.max_events.filter(|m| *m > 0).unwrap_or(5_000)
    }
}

/// Fits MBG/NBD or BG/NBD parameters (in days) on customers' purchase histories.
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
