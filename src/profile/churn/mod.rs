//! Churn scoring from (frequency, recency, age) in closed form, and fitting its parameters.
//!
//! Buy-till-you-die models of the BG/NBD family: purchases arrive at a Poisson rate
//! λ ~ Gamma(r, α) while the customer is alive; after each purchase they drop out with
//! probability p ~ Beta(a, b). Two variants:
//! - `bg_nbd` (Fader, Hardie and Lee 2005): dropout only after a repeat purchase, so a
//!   one-time buyer is always "alive" (P(alive | x = 0) = 1);
//! - `mbg_nbd` (Batislam, Denizel and Filiztekin 2007): dropout may follow any purchase,
//!   including the first, which suits re-engagement of one-time buyers. The default.
//!
//! Parameters are in days when used by the engine. [`fit`] estimates them by maximum likelihood.

mod fit;
mod special;

pub use fit::{FitError, FitReport, RfmPoint, fit, fit_with_prior, points_from_events};

use serde::{Deserialize, Serialize};

/// Which member of the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ChurnVariant {
    /// BG/NBD.
    BgNbd,
    /// MBG/NBD (default).
    #[default]
    MbgNbd,
}

/// Model parameters: purchase rate ~ Gamma(r, alpha), dropout probability ~ Beta(a, b).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ChurnModel {
    /// BG/NBD or MBG/NBD (default MBG/NBD).
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<ChurnVariant>"))]
    pub variant: ChurnVariant,
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
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
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
            variant: ChurnVariant::MbgNbd,
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

    /// P(alive | x repeat purchases, last at `recency`, observed for `age`).
    pub fn p_alive(&self, x: f64, recency: f64, age: f64) -> f64 {
        let (r, alpha, a, b) = (self.r, self.alpha, self.a, self.b);
        let log_ratio = (r + x) * ((alpha + age).ln() - (alpha + recency).ln());
        let odds_dead = match self.variant {
            ChurnVariant::BgNbd if x <= 0.0 => return 1.0,
            ChurnVariant::BgNbd => a / (b + x - 1.0) * log_ratio.exp(),
            ChurnVariant::MbgNbd => a / (b + x) * log_ratio.exp(),
        };
        if odds_dead.is_finite() && odds_dead >= 0.0 {
            1.0 / (1.0 + odds_dead)
        } else {
            0.0
        }
    }

    /// E[purchases in the next `horizon` | data], exact (Gauss hypergeometric form).
    fn expected(&self, x: f64, age: f64, horizon: f64, p_alive: f64) -> f64 {
        let (r, alpha, a, b) = (self.r, self.alpha, self.a, self.b);
        let z = horizon / (alpha + age + horizon);
        let decay = ((r + x) * ((alpha + age).ln() - (alpha + age + horizon).ln())).exp();
        let (lead, f) = match self.variant {
            ChurnVariant::BgNbd => (
                (a + b + x - 1.0) / (a - 1.0),
                special::hyp2f1(r + x, b + x, a + b + x - 1.0, z),
            ),
            ChurnVariant::MbgNbd => (
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
        let p_alive = clamp01(self.p_alive(x, recency, age));
        // Alive customers make no purchase in the horizon with probability E[e^{-λh}] under the
        // posterior λ ~ Gamma(r + x, α + T); dropout happens only at purchases.
        let p_none_if_alive = ((self.r + x)
            * ((self.alpha + age).ln() - (self.alpha + age + horizon_days).ln()))
        .exp();
        ChurnScore {
            p_alive,
            churn_risk: clamp01(1.0 - p_alive * (1.0 - p_none_if_alive)),
            expected_purchases: self.expected(x, age, horizon_days, p_alive).max(0.0),
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
            assert!(s.expected_purchases.is_finite(), "{s:?}");
        }
    }

    #[test]
    fn bg_nbd_conditional_expectation_matches_the_paper() {
        // Fader, Hardie and Lee (2005), CDNOW, weeks: a customer with x = 2, t_x = 30.43,
        // T = 38.86 is expected to make 1.226 purchases in the next 39 weeks.
        let m = ChurnModel {
            variant: ChurnVariant::BgNbd,
            r: 0.243,
            alpha: 4.414,
            a: 0.793,
            b: 2.426,
            source: "paper".into(),
        };
        let s = m.score(2.0, 30.43, 38.86, 39.0);
        assert!((s.expected_purchases - 1.226).abs() < 0.01, "{s:?}");
        // A one-time buyer is alive for sure under BG/NBD, not under MBG/NBD.
        assert_eq!(m.score(0.0, 0.0, 38.0, 39.0).p_alive, 1.0);
        let mbg = ChurnModel {
            variant: ChurnVariant::MbgNbd,
            ..m
        };
        assert!(mbg.score(0.0, 0.0, 38.0, 39.0).p_alive < 1.0);
    }
}
