//! Maximum-likelihood fit of the churn model over a customer base.
//!
//! Input is one (x, t_x, T) point per customer; identical points are pooled so the cost grows
//! with the number of distinct histories, not customers. The optimizer is Nelder-Mead on the
//! logs of (r, α, a, b), restarted from the best point until it stops improving.

use std::collections::BTreeMap;

use serde::Serialize;

use super::special::ln_gamma;
use super::{ChurnModel, ChurnVariant};
use crate::input::{Event, EventKind};

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

/// Mean negative log-likelihood at log-parameters `theta`.
fn objective(theta: &[f64; 4], data: &Pooled, variant: ChurnVariant, total: f64) -> f64 {
    let [r, alpha, a, b] = theta.map(f64::exp);
    if ![r, alpha, a, b]
        .iter()
        .all(|v| v.is_finite() && *v > 1e-8 && *v < 1e8)
    {
        return f64::INFINITY;
    }
    let (ln_g_r, ln_g_ab, ln_g_b) = (ln_gamma(r), ln_gamma(a + b), ln_gamma(b));
    // Terms that depend on x only, computed once per distinct x.
    let shift = match variant {
        ChurnVariant::BgNbd => 0.0,
        ChurnVariant::MbgNbd => 1.0,
    };
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
            ChurnVariant::MbgNbd => {
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
    let mean = -sum / total;
    if mean.is_finite() {
        mean
    } else {
        f64::INFINITY
    }
}

/// Nelder-Mead minimization; returns the best point, its value and evaluations used.
fn nelder_mead(
    f: &dyn Fn(&[f64; 4]) -> f64,
    start: [f64; 4],
    max_evals: u32,
) -> ([f64; 4], f64, u32) {
    let evals = std::cell::Cell::new(0u32);
    let eval = |x: &[f64; 4]| {
        evals.set(evals.get() + 1);
        f(x)
    };
    let mut simplex: Vec<([f64; 4], f64)> = Vec::with_capacity(5);
    simplex.push((start, eval(&start)));
    for i in 0..4 {
        let mut x = start;
        if let Some(v) = x.get_mut(i) {
            *v += 0.5;
        }
        simplex.push((x, eval(&x)));
    }
    while evals.get() < max_evals {
        simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
        let (Some(best), Some(worst)) = (simplex.first().copied(), simplex.last().copied()) else {
            break;
        };
        if (worst.1 - best.1).abs() < 1e-12 * (1.0 + best.1.abs()) {
            break;
        }
        let mut centroid = [0.0; 4];
        for (x, _) in simplex.iter().take(4) {
            for (c, v) in centroid.iter_mut().zip(x) {
                *c += v / 4.0;
            }
        }
        let along = |t: f64| -> [f64; 4] {
            let mut p = [0.0; 4];
            for ((p, c), w) in p.iter_mut().zip(&centroid).zip(&worst.0) {
                *p = c + t * (w - c);
            }
            p
        };
        let second_worst = simplex.get(3).map_or(worst.1, |s| s.1);
        let reflected = along(-1.0);
        let fr = eval(&reflected);
        let replacement = if fr < best.1 {
            let expanded = along(-2.0);
            let fe = eval(&expanded);
            if fe < fr {
                (expanded, fe)
            } else {
                (reflected, fr)
            }
        } else if fr < second_worst {
            (reflected, fr)
        } else {
            let contracted = if fr < worst.1 {
                along(-0.5)
            } else {
                along(0.5)
            };
            let fc = eval(&contracted);
            if fc < worst.1.min(fr) {
                (contracted, fc)
            } else {
                // Shrink toward the best point.
                for s in simplex.iter_mut().skip(1) {
                    for (v, bv) in s.0.iter_mut().zip(&best.0) {
                        *v = bv + 0.5 * (*v - bv);
                    }
                    s.1 = eval(&s.0);
                }
                continue;
            }
        };
        if let Some(last) = simplex.last_mut() {
            *last = replacement;
        }
    }
    simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
    let (x, fx) = simplex.first().copied().unwrap_or((start, f64::INFINITY));
    (x, fx, evals.get())
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
        (
            [m.r.ln(), m.alpha.ln(), m.a.ln(), m.b.ln()],
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
    let [r, alpha, a, b] = theta.map(f64::exp);
    let model = ChurnModel {
        variant,
        r,
        alpha,
        a,
        b,
        source: "fitted".into(),
    };
    if !value.is_finite() || !model.is_valid() {
        return Err(FitError::NoConvergence);
    }
    let mut warnings = Vec::new();
    if model.a < 1e-3 || model.b > 1e4 {
        warnings.push("the dropout probability fitted to about zero: the data shows almost no churn (too little history, or raise the penalizer)".to_string());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_parameters_from_simulated_bg_nbd_data() {
        // Simulate with a small deterministic generator: known (r, alpha, a, b) in, close out.
        let (r, alpha, a, b) = (0.8, 10.0, 0.6, 2.5);
        let mut state = 12345u64;
        let mut uniform = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 11) as f64 + 0.5) / (1u64 << 53) as f64
        };
        let gamma = |shape: f64, scale: f64, u: &mut dyn FnMut() -> f64| -> f64 {
            // Marsaglia-Tsang with the shape < 1 boost.
            let (boost, k) = if shape < 1.0 {
                (u().powf(1.0 / shape), shape + 1.0)
            } else {
                (1.0, shape)
            };
            let d = k - 1.0 / 3.0;
            let c = 1.0 / (9.0 * d).sqrt();
            loop {
                let (u1, u2) = (u(), u());
                let n = (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos();
                let v = (1.0 + c * n).powi(3);
                if v > 0.0 && u().ln() < 0.5 * n * n + d - d * v + d * v.ln() {
                    return d * v * boost * scale;
                }
            }
        };
        let mut points = Vec::new();
        for _ in 0..4000 {
            let lambda = gamma(r, 1.0 / alpha, &mut uniform);
            let ga = gamma(a, 1.0, &mut uniform);
            let gb = gamma(b, 1.0, &mut uniform);
            let p = ga / (ga + gb);
            let horizon = 52.0;
            let (mut t, mut x, mut last) = (0.0, 0.0, 0.0);
            loop {
                t += -uniform().ln() / lambda;
                if t > horizon {
                    break;
                }
                x += 1.0;
                last = t;
                if uniform() < p {
                    break;
                }
            }
            points.push(RfmPoint {
                x,
                t_x: last,
                t: horizon,
            });
        }
        let fitted = fit(&points, ChurnVariant::BgNbd).unwrap().model;
        for (got, want, name) in [
            (fitted.r, r, "r"),
            (fitted.alpha, alpha, "alpha"),
            (fitted.a, a, "a"),
            (fitted.b, b, "b"),
        ] {
            assert!(
                (got - want).abs() / want < 0.25,
                "{name}: fitted {got:.3}, true {want}"
            );
        }
    }

    #[test]
    fn no_purchasers_is_a_typed_error() {
        assert_eq!(
            fit(&[], ChurnVariant::MbgNbd).err(),
            Some(FitError::NoPurchasers)
        );
    }
}
