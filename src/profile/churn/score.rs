//! Scoring a customer in closed form: P(alive), the chance of a purchase within the horizon and
//! the expected purchases. The BG/NBD and MBG/NBD formulas are here; Pareto/NBD's are in `pareto`
//! and dispatched to through [`Resolved`]. Separate from `model` because this is the maths, not
//! the contract.

use super::pareto::Pareto;
use super::special;
use super::{ChurnModel, ChurnVariant};

/// The parameters a variant scores with, after filling in what is missing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Resolved {
    /// BG/NBD or MBG/NBD: (variant, r, α, a, b).
    BetaGeometric(ChurnVariant, f64, f64, f64, f64),
    /// Pareto/NBD.
    Pareto(Pareto),
}

impl ChurnModel {
    /// The parameters to score with; a missing dropout parameter takes the variant's prior value
    /// (the engine rejects such models up front with [`validate`](Self::validate)).
    pub(super) fn resolved(&self) -> Resolved {
        let prior = || ChurnModel::prior_for(self.variant);
        let or_prior = |v: Option<f64>, p: fn(&ChurnModel) -> Option<f64>| {
            v.or_else(|| p(&prior())).unwrap_or(f64::NAN)
        };
        match self.variant {
            ChurnVariant::BgNbd | ChurnVariant::MbgNbd => Resolved::BetaGeometric(
                self.variant,
                self.r,
                self.alpha,
                or_prior(self.a, |m| m.a),
                or_prior(self.b, |m| m.b),
            ),
            ChurnVariant::ParetoNbd => Resolved::Pareto(Pareto {
                r: self.r,
                alpha: self.alpha,
                s: or_prior(self.s, |m| m.s),
                beta: or_prior(self.beta, |m| m.beta),
            }),
        }
    }

    /// P(alive | x repeat purchases, last at `recency`, observed for `age`).
    pub fn p_alive(&self, x: f64, recency: f64, age: f64) -> f64 {
        let (variant, r, alpha, a, b) = match self.resolved() {
            Resolved::BetaGeometric(variant, r, alpha, a, b) => (variant, r, alpha, a, b),
            Resolved::Pareto(m) => return m.p_alive(x, recency, age),
        };
        let log_ratio = (r + x) * ((alpha + age).ln() - (alpha + recency).ln());
        let odds_dead = match variant {
            ChurnVariant::BgNbd if x <= 0.0 => return 1.0,
            ChurnVariant::BgNbd => a / (b + x - 1.0) * log_ratio.exp(),
            _ => a / (b + x) * log_ratio.exp(),
        };
        if odds_dead.is_finite() && odds_dead >= 0.0 {
            1.0 / (1.0 + odds_dead)
        } else {
            0.0
        }
    }

    /// E[purchases in the next `horizon` | data], exact (Gauss hypergeometric form for the BG
    /// variants, elementary for Pareto/NBD).
    fn expected(&self, x: f64, age: f64, horizon: f64, p_alive: f64) -> f64 {
        let (variant, r, alpha, a, b) = match self.resolved() {
            Resolved::BetaGeometric(variant, r, alpha, a, b) => (variant, r, alpha, a, b),
            Resolved::Pareto(m) => return p_alive * m.expected_if_alive(x, age, horizon),
        };
        let z = horizon / (alpha + age + horizon);
        let decay = ((r + x) * ((alpha + age).ln() - (alpha + age + horizon).ln())).exp();
        let (lead, f) = match variant {
            ChurnVariant::BgNbd => (
                (a + b + x - 1.0) / (a - 1.0),
                special::hyp2f1(r + x, b + x, a + b + x - 1.0, z),
            ),
            _ => (
                (a + b + x) / (a - 1.0),
                special::hyp2f1(r + x, b + x + 1.0, a + b + x, z),
            ),
        };
        // P(alive) is 1 / (1 + odds); the numerator of the expectation shares that denominator.
        let exact = f.map(|f| lead * (1.0 - decay * f) * p_alive);
        match exact {
            Some(e) if e.is_finite() && e >= 0.0 && (a - 1.0).abs() > 1e-6 => e,
            // Near a = 1 the closed form is 0/0: ignore dropout inside the horizon instead.
            _ => p_alive * (r + x) / (alpha + age) * horizon,
        }
    }

    /// Scores one customer over the next `horizon_days` (the host's window: the engine's default
    /// is 90 days, a CRM may choose its own; nothing in this module assumes a value).
    ///
    /// `repeat` is the number of repeat purchases, `recency_days` the time from the first to the
    /// last purchase, `age_days` the time from the first purchase (or first sight) to now. A
    /// negative or non-finite horizon counts as 0 (no time to buy: `churn_risk` 1, no purchases).
    pub fn score(
        &self,
        repeat: f64,
        recency_days: f64,
        age_days: f64,
        horizon_days: f64,
    ) -> ChurnScore {
        let x = if repeat.is_finite() {
            repeat.max(0.0)
        } else {
            0.0
        };
        let age = if age_days.is_finite() {
            age_days.max(0.0)
        } else {
            0.0
        };
        let recency = if recency_days.is_finite() {
            recency_days.clamp(0.0, age)
        } else {
            0.0
        };
        let horizon = if horizon_days.is_finite() {
            horizon_days.max(0.0)
        } else {
            0.0
        };
        let p_alive = clamp01(self.p_alive(x, recency, age));
        let expected = self.expected(x, age, horizon, p_alive);
        ChurnScore {
            p_alive,
            churn_risk: clamp01(1.0 - p_alive * self.p_buy_if_alive(x, age, horizon)),
            expected_purchases: if expected.is_nan() {
                0.0
            } else {
                expected.clamp(0.0, f64::MAX)
            },
        }
    }

    /// P(at least one purchase in (T, T + horizon] | alive at T, x, T).
    ///
    /// BG variants: an alive customer drops out only right after a purchase, so no purchase in
    /// the window happens with probability E[e^{-λh}] under the posterior λ ~ Gamma(r + x, α + T),
    /// which is ((α+T)/(α+T+h))^(r+x). Hence, exactly (Fader and Hardie, "A step-by-step
    /// derivation of the BG/NBD model", eq. 34, and its MBG/NBD analogue):
    /// P(X(T, T+h) = 0 | x, t_x, T) = 1 − P(alive) · (1 − ((α+T)/(α+T+h))^(r+x)).
    /// Pareto/NBD: a customer alive at T may also die inside the window before buying; see
    /// `Pareto::p_buy_if_alive`. Under every variant the result equals
    /// L(x, t_x, T + h) / L(x, t_x, T) with L the fit's likelihood (tested).
    /// Computed with `ln_1p`/`expm1` so short horizons keep their precision.
    fn p_buy_if_alive(&self, x: f64, age: f64, horizon: f64) -> f64 {
        let (r, alpha) = match self.resolved() {
            Resolved::BetaGeometric(_, r, alpha, _, _) => (r, alpha),
            Resolved::Pareto(m) => return m.p_buy_if_alive(x, age, horizon),
        };
        let ln_none = -(r + x) * (horizon / (alpha + age)).ln_1p();
        let p = -ln_none.exp_m1();
        if p.is_finite() {
            p.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

fn clamp01(v: f64) -> f64 {
    if v.is_finite() {
        v.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// The closed-form scores for one customer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChurnScore {
    /// Probability the customer is still active.
    pub p_alive: f64,
    /// Probability of no purchase within the horizon.
    pub churn_risk: f64,
    /// Expected purchases within the horizon.
    pub expected_purchases: f64,
}
