//! Learning from outcomes: a Thompson-sampling bandit over angles per lifecycle stage.
//!
//! The state is plain JSON the host stores and passes back: one Beta posterior per
//! `<stage>/<angle>` arm. Rewards are clicks and conversions, never opens (Apple Mail Privacy
//! Protection makes opens noise). [`record_outcome`] is pure: state and outcome in, state out.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::sampling::Rng;
use crate::error::InputError;

/// Posteriors by arm (`at_risk/comfort-movement`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase", default)]
pub struct BanditState {
    /// Beta posteriors, by `<stage>/<angle>`.
    #[cfg_attr(test, ts(as = "Option<BTreeMap<String, Arm>>", optional))]
    pub arms: BTreeMap<String, Arm>,
}

/// One arm's posterior and totals.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase", default)]
pub struct Arm {
    /// 1 + rewarded sends.
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub alpha: f64,
    /// 1 + unrewarded sends.
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub beta: f64,
    /// Sends recorded.
    #[cfg_attr(test, ts(as = "Option<u32>", optional))]
    pub sends: u32,
    /// Revenue recorded, in major units.
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub revenue: f64,
}

impl Default for Arm {
    fn default() -> Self {
        Arm {
            alpha: 1.0,
            beta: 1.0,
            sends: 0,
            revenue: 0.0,
        }
    }
}

/// What happened to one email.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase", default)]
pub struct Outcome {
    /// The recipient (not stored; kept for the host's own logs).
    pub customer_id: Option<String>,
    /// The angle the email used (`decision.angle`).
    #[cfg_attr(test, ts(as = "String"))]
    pub angle: String,
    /// The lifecycle stage at send time (`decision.bandit.stage`); `any` when absent.
    pub stage: Option<String>,
    /// Opened (recorded nowhere: not a reward).
    #[cfg_attr(test, ts(as = "Option<bool>", optional))]
    pub opened: bool,
    /// Clicked.
    #[cfg_attr(test, ts(as = "Option<bool>", optional))]
    pub clicked: bool,
    /// Converted.
    #[cfg_attr(test, ts(as = "Option<bool>", optional))]
    pub converted: bool,
    /// Revenue attributed, major units.
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub revenue: f64,
}

/// The key of an arm.
pub fn arm_key(stage: &str, angle: &str) -> String {
    format!("{stage}/{angle}")
}

/// Checks a state passed in: every posterior parameter positive and finite.
pub fn validate(state: &BanditState, path: &str) -> Result<(), InputError> {
    for (key, arm) in &state.arms {
        for (value, field) in [(arm.alpha, "alpha"), (arm.beta, "beta")] {
            if !(value.is_finite() && value > 0.0) {
                return Err(InputError::invalid(
                    format!("{path}.arms[\"{key}\"].{field}"),
                    "must be a positive number",
                ));
            }
        }
    }
    Ok(())
}

/// Folds one outcome into the state: a click or a conversion is a success.
pub fn record_outcome(
    mut state: BanditState,
    outcome: &Outcome,
) -> Result<BanditState, InputError> {
    if outcome.angle.trim().is_empty() {
        return Err(InputError::invalid(
            "$.outcome.angle",
            "the angle is required",
        ));
    }
    let stage = outcome
        .stage
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or("any");
    let arm = state
        .arms
        .entry(arm_key(stage, &outcome.angle))
        .or_default();
    if outcome.clicked || outcome.converted {
        arm.alpha += 1.0;
    } else {
        arm.beta += 1.0;
    }
    arm.sends = arm.sends.saturating_add(1);
    if outcome.revenue.is_finite() && outcome.revenue > 0.0 {
        // NOTE: saturates, so the state stays JSON (an infinite sum would serialize as null and
        // the next call would reject the state it was given).
        arm.revenue = (arm.revenue + outcome.revenue).min(f64::MAX);
    }
    Ok(state)
}

/// The bandit's part of a decision, shown in the preview and sent back with outcomes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BanditChoice {
    /// Stage whose arms competed.
    pub stage: String,
    /// Draws per competing angle (the highest won).
    #[cfg_attr(test, ts(type = "Array<[string, number]>"))]
    pub draws: Vec<(String, f64)>,
}

/// Thompson sampling among `angles`: one Beta draw per arm, highest wins.
pub fn choose(
    state: &BanditState,
    stage: &str,
    angles: &[&str],
    seed: u64,
) -> Option<(usize, BanditChoice)> {
    let mut rng = Rng::new(seed ^ 0x5eed_ba9d_17c0_ffee);
    let draws: Vec<(String, f64)> = angles
        .iter()
        .map(|angle| {
            let arm = state
                .arms
                .get(&arm_key(stage, angle))
                .or_else(|| state.arms.get(&arm_key("any", angle)));
            let (a, b) = arm.map_or((1.0, 1.0), |arm| (arm.alpha, arm.beta));
            ((*angle).to_string(), rng.beta(a, b))
        })
        .collect();
    let best = draws
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.1.total_cmp(&b.1.1).then_with(|| b.0.cmp(&a.0)))?
        .0;
    Some((
        best,
        BanditChoice {
            stage: stage.to_string(),
            draws,
        },
    ))
}
