//! Pareto/NBD (Schmittlein, Morrison and Colombo 1987) in closed form.
//!
//! While alive, a customer buys at Poisson rate λ ~ Gamma(r, α); the lifetime is exponential with
//! rate μ ~ Gamma(s, β), independent of λ. Dropout happens in continuous time, not at purchases.
//!
//! Every quantity below reduces to one integral, I(p, q; a, b) = ∫_a^b (α+τ)^(−p) (β+τ)^(−q) dτ,
//! whose antiderivative is a Gauss hypergeometric function (Euler's integral; the two branches are
//! the ones of Fader, Hardie and Lee 2005, "A note on implementing the Pareto/NBD model in MATLAB",
//! which keep the argument in [0, 1)), with k = p + q − 1:
//!
//! ∫_y^∞ (α+τ)^(−p) (β+τ)^(−q) dτ = (α+y)^(−k) ₂F₁(k, q; k+1; (α−β)/(α+y)) / k   if α ≥ β,
//!                                = (β+y)^(−k) ₂F₁(k, p; k+1; (β−α)/(β+y)) / k   if α < β.
//!
//! With p = r + x and q = s + 1 this is the note's A₀ = k·I(t_x, T). The difference of the two
//! tails loses precision when the limits are close (a bit per halving of 1 − their ratio), and the
//! series stops converging when its argument nears 1 or its terms overflow; there the integral is
//! taken by adaptive Gauss-Kronrod quadrature of the same (smooth, log-convex) integrand instead.

use super::special::{hyp2f1, integrate};

/// Above this ratio of the two tails, their difference is taken by quadrature (it would lose more
/// than three digits to cancellation).
const CANCELLATION: f64 = 0.999;

/// Above this argument the series needs hundreds to thousands of terms (its terms shrink like
/// z^n), and quadrature is cheaper; this happens when α and β are far apart.
const SERIES_MAX_ARGUMENT: f64 = 0.9;

/// Pareto/NBD parameters: λ ~ Gamma(r, alpha), μ ~ Gamma(s, beta).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Pareto {
    pub r: f64,
    pub alpha: f64,
    pub s: f64,
    pub beta: f64,
}

impl Pareto {
    /// ln ∫_y^∞ (α+τ)^(−p) (β+τ)^(−q) dτ by the hypergeometric closed form; `None` when its
    /// argument is too close to 1 or the series does not converge to a positive finite value.
    fn ln_tail(&self, p: f64, q: f64, y: f64) -> Option<f64> {
        let k = p + q - 1.0;
        let (base, b, z) = if self.alpha >= self.beta {
            let base = self.alpha + y;
            (base, q, (self.alpha - self.beta) / base)
        } else {
            let base = self.beta + y;
            (base, p, (self.beta - self.alpha) / base)
        };
        if z > SERIES_MAX_ARGUMENT {
            return None;
        }
        let f = hyp2f1(k, b, k + 1.0, z)?;
        let v = -k * base.ln() - k.ln() + f.ln();
        (f > 0.0 && v.is_finite()).then_some(v)
    }

    /// ln I(p, q; from, to) = ln ∫_from^to (α+τ)^(−p) (β+τ)^(−q) dτ, for p + q > 1 and
    /// 0 <= from; −∞ for an empty range. Closed form where it is accurate, quadrature elsewhere.
    pub fn ln_integral(&self, p: f64, q: f64, from: f64, to: f64) -> f64 {
        if to.partial_cmp(&from) != Some(std::cmp::Ordering::Greater) {
            return f64::NEG_INFINITY;
        }
        if let (Some(lo), Some(hi)) = (self.ln_tail(p, q, from), self.ln_tail(p, q, to)) {
            let ratio = (hi - lo).exp();
            if ratio < CANCELLATION {
                return lo + (-ratio).ln_1p();
            }
        }
        self.ln_integral_by_quadrature(p, q, from, to)
    }

    /// The same integral by quadrature, scaled by the integrand at `from` (its maximum: the
    /// integrand decreases). Panels start at the integrand's decay length there and double.
    fn ln_integral_by_quadrature(&self, p: f64, q: f64, from: f64, to: f64) -> f64 {
        let (alpha, beta) = (self.alpha, self.beta);
        let ln_f = |tau: f64| -p * (alpha + tau).ln() - q * (beta + tau).ln();
        let top = ln_f(from);
        let scale = 1.0 / (p / (alpha + from) + q / (beta + from));
        let mut breakpoints = vec![from];
        if scale.is_finite() && scale > 0.0 {
            let mut width = scale;
            let mut at = from + width;
            while at < to && breakpoints.len() < 128 {
                breakpoints.push(at);
                width *= 2.0;
                at += width;
            }
        }
        breakpoints.push(to);
        let v = integrate(&|tau| (ln_f(tau) - top).exp(), &breakpoints, 1e-13);
        if v > 0.0 && v.is_finite() {
            top + v.ln()
        } else {
            f64::NAN
        }
    }

    /// ln of the odds of having dropped out, given x repeat purchases, the last at `t_x`, by `t`:
    /// P(dead, data) / P(alive, data) = s (α+T)^(r+x) (β+T)^s I(r + x, s + 1; t_x, T), which is
    /// the note's (s/(r+s+x)) (α+T)^(r+x) (β+T)^s A₀.
    pub fn ln_odds_dead(&self, x: f64, t_x: f64, t: f64) -> f64 {
        let (r, alpha, s, beta) = (self.r, self.alpha, self.s, self.beta);
        s.ln()
            + (r + x) * (alpha + t).ln()
            + s * (beta + t).ln()
            + self.ln_integral(r + x, s + 1.0, t_x, t)
    }

    /// P(alive at T | x, t_x, T).
    pub fn p_alive(&self, x: f64, t_x: f64, t: f64) -> f64 {
        let ln_odds = self.ln_odds_dead(x, t_x, t);
        if ln_odds == f64::NEG_INFINITY {
            1.0
        } else {
            // 1 / (1 + e^ln_odds), without overflow.
            let v = 1.0 / (1.0 + ln_odds.exp());
            if v.is_finite() { v } else { 0.0 }
        }
    }

    /// P(at least one purchase in (T, T + h] | alive at T, x, T).
    ///
    /// Given λ and μ, an alive customer buys before dropping out and before T + h with probability
    /// ∫_0^h λ e^(−(λ+μ)u) du = λ/(λ+μ) (1 − e^(−(λ+μ)h)): the first purchase must come before
    /// both the horizon's end and death (which may come first, so this is not 1 − e^(−(λ+μ)h)).
    /// Given alive at T, λ ~ Gamma(r + x, α + T) and μ ~ Gamma(s, β + T), independent, so
    /// E[λ e^(−(λ+μ)u)] = (r+x)/(α+T) ((α+T)/(α+T+u))^(r+x+1) ((β+T)/(β+T+u))^s, and
    /// P = (r + x) (α+T)^(r+x) (β+T)^s I(r + x + 1, s; T, T + h).
    pub fn p_buy_if_alive(&self, x: f64, t: f64, h: f64) -> f64 {
        let (r, alpha, s, beta) = (self.r, self.alpha, self.s, self.beta);
        let ln_p = (r + x).ln()
            + (r + x) * (alpha + t).ln()
            + s * (beta + t).ln()
            + self.ln_integral(r + x + 1.0, s, t, t + h);
        let p = ln_p.exp();
        if p.is_finite() {
            p.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// E[purchases in (T, T + h] | alive at T, x, T] (Schmittlein, Morrison and Colombo 1987; the
    /// conditional expectation without its P(alive) factor): E[λ/μ (1 − e^(−μh))] under the
    /// posterior, which is
    /// (r+x)(β+T) / ((α+T)(s−1)) · (1 − ((β+T)/(β+T+h))^(s−1)), written as
    /// (r+x)(β+T)/(α+T) · L · (1 − e^(−(s−1)L)) / ((s−1)L) with L = ln(1 + h/(β+T)), which is
    /// exact at s = 1 too (the limit (r+x)(β+T)/(α+T) · L).
    pub fn expected_if_alive(&self, x: f64, t: f64, h: f64) -> f64 {
        let (r, alpha, s, beta) = (self.r, self.alpha, self.s, self.beta);
        let l = (h / (beta + t)).ln_1p();
        let y = (s - 1.0) * l;
        let ramp = if y == 0.0 { 1.0 } else { -(-y).exp_m1() / y };
        let e = (r + x) / (alpha + t) * (beta + t) * l * ramp;
        if e.is_nan() {
            0.0
        } else {
            e.clamp(0.0, f64::MAX)
        }
    }

    /// ln L(x, t_x, T) less the terms that depend on x alone (ln Γ(r+x) − ln Γ(r) + r ln α +
    /// s ln β): the alive and dead branches, ln[(α+T)^(−(r+x)) (β+T)^(−s) + s I(r+x, s+1; t_x, T)]
    /// (the note's likelihood, with A₀ = (r+s+x) I).
    pub fn ln_likelihood_tail(&self, x: f64, t_x: f64, t: f64) -> f64 {
        let (r, alpha, s, beta) = (self.r, self.alpha, self.s, self.beta);
        let alive = -(r + x) * (alpha + t).ln() - s * (beta + t).ln();
        let dead = s.ln() + self.ln_integral(r + x, s + 1.0, t_x, t);
        if dead == f64::NEG_INFINITY {
            return alive;
        }
        let m = alive.max(dead);
        m + ((alive - m).exp() + (dead - m).exp()).ln()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn models() -> [Pareto; 4] {
        [
            // CDNOW sample, weeks (Fader, Hardie and Lee 2005): α < β.
            Pareto {
                r: 0.55,
                alpha: 10.58,
                s: 0.61,
                beta: 11.67,
            },
            // α > β, in days.
            Pareto {
                r: 0.6,
                alpha: 80.0,
                s: 0.4,
                beta: 20.0,
            },
            // α = β, s = 1 (removable singularity of the expectation).
            Pareto {
                r: 1.3,
                alpha: 50.0,
                s: 1.0,
                beta: 50.0,
            },
            // Far apart: the series' argument near 1 at small τ.
            Pareto {
                r: 0.3,
                alpha: 5000.0,
                s: 2.5,
                beta: 0.5,
            },
        ]
    }

    /// Composite Simpson on [a, b] with n (even) panels.
    fn simpson(f: &dyn Fn(f64) -> f64, a: f64, b: f64, n: u32) -> f64 {
        let h = (b - a) / f64::from(n);
        let mut sum = f(a) + f(b);
        for i in 1..n {
            sum += f(a + f64::from(i) * h) * if i % 2 == 1 { 4.0 } else { 2.0 };
        }
        sum * h / 3.0
    }

    #[test]
    fn closed_form_integral_matches_quadrature_and_simpson() {
        for m in models() {
            for (p, q) in [(0.55, 1.61), (3.55, 1.61), (40.3, 0.4), (1.3, 1.0)] {
                for (a, b) in [(0.0, 10.0), (2.0, 2.5), (5.0, 300.0), (0.0, 1e-7)] {
                    let closed = m.ln_integral(p, q, a, b);
                    let quad = m.ln_integral_by_quadrature(p, q, a, b);
                    let f = |t: f64| (m.alpha + t).powf(-p) * (m.beta + t).powf(-q);
                    // Simpson in a log-stretched variable (u = ln(1 + (τ − a)/ε)) resolves the peak.
                    let eps = (b - a).min(1.0) * 1e-3;
                    let g = |u: f64| {
                        let t = a + eps * u.exp_m1();
                        f(t) * eps * u.exp()
                    };
                    let simple = simpson(&g, 0.0, ((b - a) / eps).ln_1p(), 200_000).ln();
                    for (name, v) in [("quadrature", quad), ("simpson", simple)] {
                        assert!(
                            (closed - v).abs() < 1e-9,
                            "{m:?} p {p} q {q} [{a}, {b}]: closed {closed}, {name} {v}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn p_alive_and_likelihood_agree_with_each_other() {
        // P(alive) = alive branch / (alive + dead branches) of the likelihood.
        for m in models() {
            for (x, t_x, t) in [(0.0, 0.0, 30.0), (2.0, 10.0, 38.0), (9.0, 5.0, 300.0)] {
                let alive = -(m.r + x) * (m.alpha + t).ln() - m.s * (m.beta + t).ln();
                let want = (alive - m.ln_likelihood_tail(x, t_x, t)).exp();
                let got = m.p_alive(x, t_x, t);
                assert!((got - want).abs() < 1e-12, "{m:?}: {got} vs {want}");
            }
        }
    }
}
