//! Fitting the churn model over a customer base: customers in the same shapes `Personalizer`
//! takes, parameters out for its `churnModel`. Run offline (nightly, per brand), not per send.

use serde::Deserialize;

use crate::error::Error;
use crate::input::{Customer, Timestamp, normalize_events, parse_timestamp};
use crate::profile::churn::{ChurnVariant, FitReport, fit, points_from_events};

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
    let now = match &options.now {
        Some(ts) => parse_timestamp(ts)
            .ok_or_else(|| crate::error::InputError::invalid("$.now", "unreadable timestamp"))?,
        None => host_now,
    };
    let max_events = options.max_events.filter(|m| *m > 0).unwrap_or(5_000);
    let points: Vec<_> = customers
        .into_iter()
        .filter_map(|c| points_from_events(&normalize_events(c.events, max_events).0, now))
        .collect();
    let mut report = fit(&points, options.variant.unwrap_or_default())?;
    report.model.source = "fitted".into();
    Ok(report)
}
