//! The churn model as the API sees it: which variant, its parameters (the JSON shape and the
//! TypeScript type), the priors, and validation. Kept apart from the closed forms in `score` so
//! the contract with hosts reads in one place.

use serde::{Deserialize, Serialize};

/// Which member of the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ChurnVariant {
    /// BG/NBD: dropout after a repeat purchase, p ~ Beta(a, b).
    BgNbd,
    /// MBG/NBD (default): dropout after any purchase, p ~ Beta(a, b).
    #[default]
    MbgNbd,
    /// Pareto/NBD: dropout at any time, at rate μ ~ Gamma(s, beta).
    ParetoNbd,
}

impl ChurnVariant {
    /// The name used in JSON (`bg_nbd`, `mbg_nbd`, `pareto_nbd`).
    pub fn name(self) -> &'static str {
        match self {
            ChurnVariant::BgNbd => "bg_nbd",
            ChurnVariant::MbgNbd => "mbg_nbd",
            ChurnVariant::ParetoNbd => "pareto_nbd",
        }
    }

    /// Names of the variant's two dropout parameters: (`a`, `b`) or (`s`, `beta`).
    pub fn dropout_parameters(self) -> (&'static str, &'static str) {
        match self {
            ChurnVariant::BgNbd | ChurnVariant::MbgNbd => ("a", "b"),
            ChurnVariant::ParetoNbd => ("s", "beta"),
        }
    }
}

impl std::fmt::Display for ChurnVariant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Model parameters: purchase rate ~ Gamma(r, alpha); dropout probability ~ Beta(a, b) for
/// `bg_nbd` and `mbg_nbd`, dropout rate ~ Gamma(s, beta) for `pareto_nbd`. Each variant needs its
/// own pair and ignores the other.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ChurnModel {
    /// `bg_nbd`, `mbg_nbd` (default) or `pareto_nbd`.
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<ChurnVariant>"))]
    pub variant: ChurnVariant,
    /// Gamma shape of the purchase rate.
    pub r: f64,
    /// Gamma scale of the purchase rate, in days.
    pub alpha: f64,
    /// Beta parameter of the dropout probability (`bg_nbd`, `mbg_nbd`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub a: Option<f64>,
    /// Beta parameter of the dropout probability (`bg_nbd`, `mbg_nbd`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub b: Option<f64>,
    /// Gamma shape of the dropout rate (`pareto_nbd`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub s: Option<f64>,
    /// Gamma scale of the dropout rate, in days (`pareto_nbd`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub beta: Option<f64>,
    /// Where the parameters came from (`prior` or `fitted`).
    #[serde(default = "fitted")]
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
    pub source: String,
}

fn fitted() -> String {
    "fitted".into()
}

/// Why a churn model cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    /// A parameter the variant needs is absent.
    #[error("`{parameter}` is required by the {variant} variant")]
    Missing {
        /// The absent parameter.
        parameter: &'static str,
        /// The model's variant.
        variant: ChurnVariant,
    },
    /// A parameter is zero, negative, or not finite.
    #[error("`{parameter}` must be a positive finite number")]
    NotPositive {
        /// The offending parameter.
        parameter: &'static str,
    },
}

impl ChurnModel {
    /// A model of `variant` with purchase-rate parameters (r, alpha) and the variant's two dropout
    /// parameters, (a, b) or (s, beta); `source` is `fitted`.
    pub fn new(variant: ChurnVariant, r: f64, alpha: f64, dropout: (f64, f64)) -> Self {
        let (first, second) = (Some(dropout.0), Some(dropout.1));
        let (a, b, s, beta) = match variant {
            ChurnVariant::BgNbd | ChurnVariant::MbgNbd => (first, second, None, None),
            ChurnVariant::ParetoNbd => (None, None, first, second),
        };
        ChurnModel {
            variant,
            r,
            alpha,
            a,
            b,
            s,
            beta,
            source: fitted(),
        }
    }

    /// Priors for a specialty apparel brand, as MBG/NBD: about two purchases a year among the
    /// active, and dropout after a purchase around one in four.
    pub fn prior() -> Self {
        ChurnModel::prior_for(ChurnVariant::MbgNbd)
    }

    /// The same priors for any variant. For Pareto/NBD the dropout rate averages one per two
    /// years (s = 0.5, β = 365 days), the lifetime implied by the BG priors (four purchases at
    /// two a year).
    pub fn prior_for(variant: ChurnVariant) -> Self {
        let dropout = match variant {
            ChurnVariant::BgNbd | ChurnVariant::MbgNbd => (0.8, 2.4),
            ChurnVariant::ParetoNbd => (0.5, 365.0),
        };
        ChurnModel {
            source: "prior".into(),
            ..ChurnModel::new(variant, 0.5, 90.0, dropout)
        }
    }

    /// The variant's dropout pair, (a, b) or (s, beta), when both are present.
    pub fn dropout(&self) -> Option<(f64, f64)> {
        match self.variant {
            ChurnVariant::BgNbd | ChurnVariant::MbgNbd => self.a.zip(self.b),
            ChurnVariant::ParetoNbd => self.s.zip(self.beta),
        }
    }

    /// Checks that the variant has each parameter it needs, positive and finite. Parameters of
    /// the other variants are ignored.
    pub fn validate(&self) -> Result<(), ModelError> {
        let (first, second) = self.variant.dropout_parameters();
        let (d1, d2) = match self.variant {
            ChurnVariant::BgNbd | ChurnVariant::MbgNbd => (self.a, self.b),
            ChurnVariant::ParetoNbd => (self.s, self.beta),
        };
        for (parameter, value) in [
            ("r", Some(self.r)),
            ("alpha", Some(self.alpha)),
            (first, d1),
            (second, d2),
        ] {
            match value {
                None => {
                    return Err(ModelError::Missing {
                        parameter,
                        variant: self.variant,
                    });
                }
                Some(v) if !(v.is_finite() && v > 0.0) => {
                    return Err(ModelError::NotPositive { parameter });
                }
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// True when [`validate`](Self::validate) passes.
    pub fn is_valid(&self) -> bool {
        self.validate().is_ok()
    }
}
