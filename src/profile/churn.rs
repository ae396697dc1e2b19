//! Churn scoring from (frequency, recency, age) in closed form.
//!
//! A buy-till-you-die model of the BG/NBD family (Fader, Hardie and Lee 2005) in its MBG/NBD
//! variant (Batislam et al. 2007), which lets a customer drop out after any purchase including
//! the first, so a one-time buyer from long ago is not "certainly alive". Parameters are in
//! days; without a fitted model the [`ChurnModel::prior`] parameters apply and the profile says so.

use serde::{Deserialize, Serialize};

/// MBG/NBD parameters: purchase rate ~ Gamma(r, alpha), dropout probability ~ Beta(a, b).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ChurnModel {
    /// Gamma shape of the purchase rate.
    pub r: f64,
    /// Gamma scale of the purchase rate, in days.
    pub alpha: f64,
    /// Beta parameter of the dropout probability.
    pub a: f64,
    /// Beta parameter of the dropout probability.
    pub b: f64,
    /// Where the parameters came from (`prior` or `fitted`).
    #[serde(default = "fitted")]
    pub source: String,
}

fn fitted() -> String {
    "fitted".into()
}

impl ChurnModel {
    /// Priors for a specialty apparel brand: about two purchases a year among the active, and
    /// dropout after a purchase around one in four.
    pub fn prior() -> Self {
        ChurnModel {
            r: 0.5,
            alpha: 90.0,
            a: 0.8,
            b: 2.4,
            source: "prior".into(),
        }
    }

    /// True when every parameter is a positive finite number.
    pub fn is_valid(&self) -> bool {
        [self.r, self.alpha, self.a, self.b]
            .iter()
            .all(|p| p.is_finite() && *p > 0.0)
    }

    /// Scores one customer.
    ///
    /// `repeat` is the number of repeat purchases, `recency_days` the time from the first to the
    /// last purchase, `age_days` the time from the first purchase (or first sight) to now.
    pub fn score(
        &self,
        repeat: f64,
        recency_days: f64,
        age_days: f64,
        horizon_days: f64,
    ) -> ChurnScore {
        let (r, alpha, a, b) = (self.r, self.alpha, self.a, self.b);
        let x = repeat.max(0.0);
        let age = age_days.max(0.0);
        let recency = recency_days.clamp(0.0, age);
        // P(alive | x, t_x, T) for MBG/NBD, computed in logs to stay finite for large x.
        let log_ratio = (r + x) * ((alpha + age).ln() - (alpha + recency).ln());
        let odds_dead = (a / (b + x)) * log_ratio.exp();
        let p_alive = if odds_dead.is_finite() {
            1.0 / (1.0 + odds_dead)
        } else {
            0.0
        };
        // Posterior rate of an alive customer: Gamma(r + x, alpha + T).
        let rate = (r + x) / (alpha + age);
        let p_none_if_alive = ((alpha + age) / (alpha + age + horizon_days)).powf(r + x);
        let p_buy = p_alive * (1.0 - p_none_if_alive);
        ChurnScore {
            p_alive: clamp01(p_alive),
            churn_risk: clamp01(1.0 - p_buy),
            expected_purchases: (p_alive * rate * horizon_days).max(0.0),
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
    /// Expected purchases within the horizon (ignores dropout inside the horizon).
    pub expected_purchases: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_frequent_buyers_are_more_alive_than_lapsed_ones() {
        let m = ChurnModel::prior();
        let loyal = m.score(6.0, 350.0, 360.0, 90.0);
        let lapsed = m.score(6.0, 100.0, 360.0, 90.0);
        let one_timer_old = m.score(0.0, 0.0, 400.0, 90.0);
        assert!(loyal.p_alive > 0.9, "{loyal:?}");
        assert!(lapsed.p_alive < loyal.p_alive);
        assert!(one_timer_old.churn_risk > loyal.churn_risk);
        assert!(loyal.expected_purchases > lapsed.expected_purchases);
    }

    #[test]
    fn extreme_inputs_stay_finite_and_bounded() {
        let m = ChurnModel::prior();
        for s in [
            m.score(1e9, 1e9, 1e9, 90.0),
            m.score(-5.0, -1.0, -3.0, 90.0),
            m.score(f64::NAN, 1.0, 2.0, 90.0),
        ] {
            assert!((0.0..=1.0).contains(&s.churn_risk), "{s:?}");
            assert!((0.0..=1.0).contains(&s.p_alive), "{s:?}");
        }
    }
}
