//! Churn scoring from (frequency, recency, age) in closed form, and fitting its parameters.
//!
//! Buy-till-you-die models: purchases arrive at a Poisson rate λ ~ Gamma(r, α) while the customer
//! is alive, and at some point the customer drops out for good. Three variants, differing in how:
//! - `bg_nbd` (Fader, Hardie and Lee 2005): after each repeat purchase, with probability
//!   p ~ Beta(a, b), so a one-time buyer is always "alive" (P(alive | x = 0) = 1);
//! - `mbg_nbd` (Batislam, Denizel and Filiztekin 2007): after any purchase, including the first,
//!   with p ~ Beta(a, b), which suits re-engagement of one-time buyers. The default;
//! - `pareto_nbd` (Schmittlein, Morrison and Colombo 1987): at any time, at an exponential rate
//!   μ ~ Gamma(s, β), so a silent customer's P(alive) falls with the silence itself, not only with
//!   the purchases it interrupts (see `pareto.rs` for the formulas and their sources).
//!
//! Parameters are in days when used by the engine. [`fit`] estimates them by maximum likelihood.
//!
//! Split by concern: `model` holds the public model type, its JSON shape, priors and
//! validation; `score` the closed forms (BG/NBD and MBG/NBD inline, Pareto/NBD in `pareto`);
//! `fit` the maximum-likelihood fit; `special` the special functions they share.

mod fit;
mod model;
mod pareto;
mod score;
mod special;
#[cfg(test)]
mod tests;

pub use fit::{FitError, FitReport, RfmPoint, fit, fit_with_prior, points_from_events};
pub use model::{ChurnModel, ChurnVariant, ModelError};
pub use score::ChurnScore;
