//! Maximum-likelihood fit of the churn model over a customer base.
//!
//! Input is one (x, t_x, T) point per customer; identical points are pooled so the cost grows
//! with the number of distinct histories, not customers. The optimizer is Nelder-Mead on the
//! logs of (r, α, a, b), or (r, α, s, β) for Pareto/NBD, restarted from the best point until it
//! stops improving.
//!
//! The Nelder-Mead optimizer itself is in `nelder_mead` (it knows nothing of the model).

mod nelder_mead;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::Serialize;

use super::pareto::Pareto;
use super::special::ln_gamma;
use super::{ChurnModel, ChurnVariant};
use crate::input::{Event, EventKind};
use nelder_mead::nelder_mead;

/// One customer's purchase summary in the model's time unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RfmPoint {
    /// Repeat purchases (purchase days after the first).
    pub x: f64,
    /// Time from the first to the last purchase.
    pub t_x: f64,
    /// Time from the first purchase to the end of observation.
    pub t: f64,
}

/// Why a fit could not run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FitError {
    /// No customer with a purchase before `now`.
    #[error("no customer has a purchase to fit on")]
    NoPurchasers,
    /// The optimizer did not reach finite parameters.
    #[error("the fit did not converge")]
    NoConvergence,
}

/// A fitted model with its diagnostics.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FitReport {
    /// The parameters, ready for `churnModel`.
    pub model: ChurnModel,
    /// Customers with at least one purchase (the fit's sample).
    pub customers: u32,
    /// Mean log-likelihood per customer at the optimum.
    pub mean_log_likelihood: f64,
    /// Objective evaluations used.
    pub evaluations: u32,
    /// Signs of a degenerate fit, in plain words (empty when the fit looks sound).
    pub warnings: Vec<String>,
}

/// The (x, t_x, T) point of one customer's canonical events, in days, or `None` if they never
/// bought before `now`. Purchases on the same day count once (as in the BG/NBD papers).
pub fn points_from_events(events: &[Event], now: i64) -> Option<RfmPoint> {
    let mut days: Vec<i64> = events
        .iter()
        .filter(|e| e.kind == EventKind::Purchase && e.at <= now)
        .map(|e| e.at.div_euclid(86_400))
        .collect();
    days.sort_unstable();
    days.dedup();
    let first = *days.first()?;
    let last = *days.last()?;
    let now_day = now as f64 / 86_400.0;
    Some(RfmPoint {
        x: (days.len() - 1) as f64,
        t_x: (last - first) as f64,
        t: (now_day - first as f64).max(0.0),
    })
}

/// Pooled points: distinct (x, t_x, T) with their counts.
struct Pooled {
    points: Vec<(RfmPoint, f64)>,
    max_x: usize,
}

fn pool(points: &[RfmPoint]) -> Pooled {
    let mut map: BTreeMap<(u64, u64, u64), (RfmPoint, f64)> = BTreeMap::new();
    for p in points
        .iter()
        .filter(|p| p.x.is_finite() && p.t_x.is_finite() && p.t.is_finite() && p.x >= 0.0)
    {
        let key = (p.x.to_bits(), p.t_x.to_bits(), p.t.to_bits());
        map.entry(key).or_insert((*p, 0.0)).1 += 1.0;
    }
    let max_x = map.values().map(|(p, _)| p.x as usize).max().unwrap_or(0);
    Pooled {
        points: map.into_values().collect(),
        max_x,
    }
}

/// Mean negative log-likelihood at log-parameters `theta`: (r, α, a, b), or (r, α, s, β) for
/// Pareto/NBD.
fn objective(theta: &[f64; 4], data: &Pooled, variant: ChurnVariant, total: f64) -> f64 {
    let [r, alpha, a, b] = theta.map(f64::exp);
    if ![r, alpha, a, b]
        .iter()
        .all(|v| v.is_finite() && *v > 1e-8 && *v < 1e8)
    {
        return f64::INFINITY;
    }
    let shift = match variant {
        ChurnVariant::BgNbd => 0.0,
        ChurnVariant::MbgNbd => 1.0,
        ChurnVariant::ParetoNbd => {
            let model = Pareto {
                r,
                alpha,
                s: a,
                beta: b,
            };
            return pareto_objective(&model, data, total);
        }
    };
    let (ln_g_r, ln_g_ab, ln_g_b) = (ln_gamma(r), ln_gamma(a + b), ln_gamma(b));
    // Terms that depend on x only, computed once per distinct x.
    let per_x: Vec<(f64, f64)> = (0..=data.max_x)
        .map(|x| {
            let x = x as f64;
            let a1 = ln_gamma(r + x) - ln_g_r + r * alpha.ln();
            let a2 = ln_g_ab + ln_gamma(b + x + shift) - ln_g_b - ln_gamma(a + b + x + shift);
            (a1, a2)
        })
        .collect();
    let mut sum = 0.0;
    for (p, count) in &data.points {
        let Some(&(a1, a2)) = per_x.get(p.x as usize) else {
            return f64::INFINITY;
        };
        let a3 = -(r + p.x) * (alpha + p.t).ln();
        let a4 = match variant {
            ChurnVariant::BgNbd if p.x > 0.0 => {
                Some(a.ln() - (b + p.x - 1.0).ln() - (r + p.x) * (alpha + p.t_x).ln())
            }
            ChurnVariant::BgNbd => None,
            ChurnVariant::MbgNbd | ChurnVariant::ParetoNbd => {
                Some(a.ln() - (b + p.x).ln() - (r + p.x) * (alpha + p.t_x).ln())
            }
        };
        let tail = match a4 {
            Some(a4) => {
                let m = a3.max(a4);
                m + ((a3 - m).exp() + (a4 - m).exp()).ln()
            }
            None => a3,
        };
        sum += count * (a1 + a2 + tail);
    }
    finite_or_infinity(-sum / total)
}

fn finite_or_infinity(v: f64) -> f64 {
    if v.is_finite() { v } else { f64::INFINITY }
}

/// The Pareto/NBD objective (Fader, Hardie and Lee 2005, "A note on implementing the Pareto/NBD
/// model in MATLAB"): ln L = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β +
/// ln[(α+T)^(−(r+x)) (β+T)^(−s) + (s/(r+s+x)) A₀], the last term from [`Pareto`].
fn pareto_objective(model: &Pareto, data: &Pooled, total: f64) -> f64 {
    let (r, alpha, s, beta) = (model.r, model.alpha, model.s, model.beta);
    let constant = -ln_gamma(r) + r * alpha.ln() + s * beta.ln();
    let per_x: Vec<f64> = (0..=data.max_x)
        .map(|x| ln_gamma(r + x as f64) + constant)
        .collect();
    let mut sum = 0.0;
    for (p, count) in &data.points {
        let Some(&shared) = per_x.get(p.x as usize) else {
            return f64::INFINITY;
        };
        sum += count * (shared + model.ln_likelihood_tail(p.x, p.t_x, p.t));
    }
    finite_or_infinity(-sum / total)
}

/// Log-likelihood of one customer's (x, t_x, T) under `model`, written out term by term (the
/// objective computes the same sum with per-x terms shared). Tests use it to check the closed forms:
/// the probability of no purchase in (T, T + h] is L(x, t_x, T + h) / L(x, t_x, T).
#[cfg(test)]
pub(super) fn point_ln_likelihood(model: &ChurnModel, p: &RfmPoint) -> f64 {
    let (r, alpha, x) = (model.r, model.alpha, p.x);
    let (a, b) = model.dropout().unwrap_or((f64::NAN, f64::NAN));
    if model.variant == ChurnVariant::ParetoNbd {
        return pareto_point_ln_likelihood(r, alpha, a, b, p);
    }
    let ln_beta = |u: f64, v: f64| ln_gamma(u) + ln_gamma(v) - ln_gamma(u + v);
    // Purchases x at rate λ ~ Gamma(r, α), observed alive until T or dead after the last purchase.
    let nbd = |until: f64| {
        ln_gamma(r + x) - ln_gamma(r) + r * alpha.ln() - (r + x) * (alpha + until).ln()
    };
    let (alive, dead) = match model.variant {
        ChurnVariant::BgNbd => (
            ln_beta(a, b + x) - ln_beta(a, b),
            (x > 0.0).then(|| ln_beta(a + 1.0, b + x - 1.0) - ln_beta(a, b)),
        ),
        ChurnVariant::MbgNbd | ChurnVariant::ParetoNbd => (
            ln_beta(a, b + x + 1.0) - ln_beta(a, b),
            Some(ln_beta(a + 1.0, b + x) - ln_beta(a, b)),
        ),
    };
    let alive = alive + nbd(p.t);
    match dead {
        Some(dead) => {
            let dead = dead + nbd(p.t_x);
            let m = alive.max(dead);
            m + ((alive - m).exp() + (dead - m).exp()).ln()
        }
        None => alive,
    }
}

/// The Pareto/NBD likelihood transcribed from Fader, Hardie and Lee's note (2005), with its two A₀
/// branches, independently of [`Pareto`]'s integral (which tests compare it with).
#[cfg(test)]
fn pareto_point_ln_likelihood(r: f64, alpha: f64, s: f64, beta: f64, p: &RfmPoint) -> f64 {
    use super::special::hyp2f1;
    let (x, t_x, t) = (p.x, p.t_x, p.t);
    let k = r + s + x;
    // A₀ = F(t_x) − F(T) in logs.
    let ln_f = |y: f64| {
        let f = if alpha >= beta {
            hyp2f1(k, s + 1.0, k + 1.0, (alpha - beta) / (alpha + y)).map(|f| (f, alpha + y))
        } else {
            hyp2f1(k, r + x, k + 1.0, (beta - alpha) / (beta + y)).map(|f| (f, beta + y))
        };
        f.map_or(f64::NAN, |(f, base)| f.ln() - k * base.ln())
    };
    let (l1, l2) = (ln_f(t_x), ln_f(t));
    let ln_a0 = l1 + (-(l2 - l1).exp()).ln_1p();
    let alive = -(r + x) * (alpha + t).ln() - s * (beta + t).ln();
    let dead = (s / k).ln() + ln_a0;
    let m = alive.max(dead);
    let tail = if dead == f64::NEG_INFINITY {
        alive
    } else {
        m + ((alive - m).exp() + (dead - m).exp()).ln()
    };
    ln_gamma(r + x) - ln_gamma(r) + r * alpha.ln() + s * beta.ln() + tail
}

/// Fits a model by maximum likelihood. Times are in whatever unit the points use.
pub fn fit(points: &[RfmPoint], variant: ChurnVariant) -> Result<FitReport, FitError> {
    fit_with_prior(points, variant, None)
}

/// Like [`fit`], with an optional weak prior: a normal penalty on the log-parameters around
/// `prior`'s, of total weight `strength` (as `strength` pseudo-observations of each parameter).
/// It keeps small or churn-free bases from running to degenerate boundary fits.
pub fn fit_with_prior(
    points: &[RfmPoint],
    variant: ChurnVariant,
    prior: Option<(&ChurnModel, f64)>,
) -> Result<FitReport, FitError> {
    let data = pool(points);
    let total: f64 = data.points.iter().map(|(_, c)| c).sum();
    if total < 1.0 {
        return Err(FitError::NoPurchasers);
    }
    let center = prior.map(|(m, strength)| {
        // The prior's parameters for this variant; what it lacks comes from the default prior.
        let own = ChurnModel {
            variant,
            ..m.clone()
        };
        let (d1, d2) = own
            .dropout()
            .or_else(|| ChurnModel::prior_for(variant).dropout())
            .unwrap_or((1.0, 1.0));
        (
            [m.r.ln(), m.alpha.ln(), d1.ln(), d2.ln()],
            strength.max(0.0),
        )
    });
    let f = |theta: &[f64; 4]| {
        let penalty = center.map_or(0.0, |(c, strength)| {
            strength
                * theta
                    .iter()
                    .zip(&c)
                    .map(|(t, c)| (t - c) * (t - c))
                    .sum::<f64>()
                / (2.0 * total)
        });
        objective(theta, &data, variant, total) + penalty
    };
    let start = center.map_or([0.0; 4], |(c, _)| c);
    let (mut theta, mut value, mut evaluations) = nelder_mead(&f, start, 4_000);
    // Restart from the best point until a restart no longer improves it (escapes a collapsed simplex).
    for _ in 0..6 {
        let (t, v, e) = nelder_mead(&f, theta, 4_000);
        evaluations += e;
        let improved = v < value - 1e-10;
        (theta, value) = (t, v);
        if !improved {
            break;
        }
    }
    let [r, alpha, d1, d2] = theta.map(f64::exp);
    let model = ChurnModel::new(variant, r, alpha, (d1, d2));
    if !value.is_finite() || !model.is_valid() {
        return Err(FitError::NoConvergence);
    }
    let mut warnings = Vec::new();
    // (a, b): mean dropout probability a/(a+b); (s, β): mean dropout rate s/β.
    let no_dropout = match variant {
        ChurnVariant::BgNbd | ChurnVariant::MbgNbd => d1 < 1e-3 || d2 > 1e4,
        ChurnVariant::ParetoNbd => d1 < 1e-3 || d2 > 1e6,
    };
    if no_dropout {
        let what = match variant {
            ChurnVariant::ParetoNbd => "rate",
            _ => "probability",
        };
        warnings.push(format!("the dropout {what} fitted to about zero: the data shows almost no churn (too little history, or raise the penalizer)"));
    }
    if model.r > 1e3 || model.alpha > 1e6 {
        warnings.push("purchase rates fitted as almost identical across customers (a boundary fit; raise the penalizer)".to_string());
    }
    Ok(FitReport {
        model,
        customers: total as u32,
        // The likelihood alone, without the prior's penalty.
        mean_log_likelihood: -objective(&theta, &data, variant, total),
        evaluations,
        warnings,
    })
}
