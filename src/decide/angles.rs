//! The angle library: message angles as data, each with triggers, product preferences and copy.
//!
//! An angle self-describes (id, name, triggers) so the preview can show why it fired. The
//! default library ships in `templates/angles.json`; a campaign may replace it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::InputError;
use crate::input::Catalog;
use crate::profile::{Lifecycle, Profile};

/// One message angle.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Angle {
    /// Stable id, e.g. `comfort-movement`.
    pub id: String,
    /// Name shown in the preview.
    pub name: String,
    /// Score before any trigger.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub bias: f64,
    /// Weights over profile features (see [`features`]), e.g. `{"tag:studio": 1.5}`.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<BTreeMap<String, f64>>", optional))]
    pub triggers: BTreeMap<String, f64>,
    /// Bonus for products carrying these tags or category levels when this angle is chosen.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<BTreeMap<String, f64>>", optional))]
    pub product_prefs: BTreeMap<String, f64>,
    /// Copy variants (Liquid, rendered as plain text).
    pub copy: AngleCopy,
}

/// Copy variants of an angle; one variant per slot is chosen by the seed.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AngleCopy {
    /// Subject line variants.
    pub subject: Vec<String>,
    /// Preheader variants.
    pub preheader: Vec<String>,
    /// Headline variants.
    pub headline: Vec<String>,
    /// Body paragraph variants (each a full paragraph).
    pub body: Vec<String>,
    /// Call-to-action label variants.
    pub cta: Vec<String>,
    /// Reasons to buy, all shown.
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<Vec<String>>", optional))]
    pub reasons_to_buy: Vec<String>,
}

impl AngleCopy {
    /// The single-choice slots with their variants, in a fixed order.
    pub fn slots(&self) -> [(&'static str, &[String]); 5] {
        [
            ("subject", &self.subject),
            ("preheader", &self.preheader),
            ("headline", &self.headline),
            ("body", &self.body),
            ("cta", &self.cta),
        ]
    }
}

/// The default library, shipped as data.
pub const DEFAULT_ANGLES: &str = include_str!("../../templates/angles.json");

/// Parses and checks an angle library: ids unique, every copy slot non-empty.
pub fn parse_library(json: &str, path: &str) -> Result<Vec<Angle>, InputError> {
    let angles: Vec<Angle> = crate::error::from_json_str(path, json)?;
    validate_library(&angles, path)?;
    Ok(angles)
}

/// Checks a library given as data.
pub fn validate_library(angles: &[Angle], path: &str) -> Result<(), InputError> {
    if angles.is_empty() {
        return Err(InputError::invalid(path, "the angle library is empty"));
    }
    for (i, angle) in angles.iter().enumerate() {
        let at = format!("{path}[{i}]");
        if angles.iter().filter(|a| a.id == angle.id).count() > 1 {
            return Err(InputError::invalid(
                format!("{at}.id"),
                format!("duplicate angle id `{}`", angle.id),
            ));
        }
        let c = &angle.copy;
        for (slot, variants) in c.slots() {
            if variants.is_empty() {
                return Err(InputError::invalid(
                    format!("{at}.copy.{slot}"),
                    "needs at least one variant",
                ));
            }
        }
        if let Some((key, _)) = angle
            .triggers
            .iter()
            .chain(&angle.product_prefs)
            .find(|(_, w)| !w.is_finite())
        {
            return Err(InputError::invalid(
                format!("{at}.triggers.{key}"),
                "weight must be a finite number",
            ));
        }
    }
    Ok(())
}

/// Least share of interest in a facet that counts as no preference (noise in short histories).
const FACET_BASELINE: f64 = 0.1;

/// Profile features the angle triggers refer to, each roughly in 0..1.
///
/// Names: `tag:<tag>`, `cat:<category>`, `style:novelty|sets|discount|browse`,
/// `stage:new|active|at_risk|lapsed|browser`, `churn:risk`, `value:high`, `orders:many`,
/// `viewed:recent`, `viewed:price_drop`, `viewed:back_in_stock`, `channel:store`, `email:clicker`.
pub fn features(profile: &Profile, catalog: &Catalog) -> BTreeMap<String, f64> {
    let mut f = BTreeMap::new();
    // Shares are relative; scale so the top interest reads near 1.
    let top_tag = profile
        .tag_affinities
        .first()
        .map_or(1.0, |a| a.score.max(1e-9));
    for a in &profile.tag_affinities {
        f.insert(format!("tag:{}", a.key), a.score / top_tag);
    }
    // Facets as shares of all product interest: `focus:studio`, `role:set`, ... A facet is a
    // signal only where it stands out from this catalog: its share of their interest beyond
    // what browsing at random would give (its share of the catalog's item groups, at least
    // `FACET_BASELINE`), scaled so a history all of one facet reads 1. Sets are rare in a
    // catalog and everyday basics common, so half of someone's interest in sets says more
    // than half in basics.
    for a in &profile.facet_affinities {
        let base = catalog.base_rate(&a.key).clamp(FACET_BASELINE, 0.9);
        let clear = ((a.score - base) / (1.0 - base)).clamp(0.0, 1.0);
        if clear > 0.0 {
            f.insert(a.key.clone(), clear);
        }
    }
    let top_cat = profile
        .category_affinities
        .first()
        .map_or(1.0, |a| a.score.max(1e-9));
    for a in &profile.category_affinities {
        f.insert(format!("cat:{}", a.key), a.score / top_cat);
    }
    let s = &profile.style;
    f.insert("style:novelty".into(), s.novelty);
    f.insert("style:sets".into(), s.set_buying);
    f.insert("style:discount".into(), s.discount_sensitivity);
    f.insert("style:browse".into(), s.browse_without_buying);
    let stage = match profile.lifecycle {
        Lifecycle::New => "new",
        Lifecycle::Active => "active",
        Lifecycle::AtRisk => "at_risk",
        Lifecycle::Lapsed => "lapsed",
        Lifecycle::Browser => "browser",
    };
    f.insert(format!("stage:{stage}"), 1.0);
    f.insert("churn:risk".into(), profile.churn.churn_risk);
    let median = catalog.median_price_minor().max(1) as f64;
    f.insert(
        "value:high".into(),
        (profile.rfm.total_spent_minor as f64 / (6.0 * median)).clamp(0.0, 1.0),
    );
    f.insert(
        "orders:many".into(),
        1.0 - (-f64::from(profile.rfm.orders) / 3.0).exp(),
    );
    if !profile.recently_viewed.is_empty() {
        f.insert("viewed:recent".into(), 1.0);
    }
    let price_drop = profile
        .recently_viewed
        .iter()
        .filter_map(|id| catalog.get(id))
        .any(|p| p.sale_price_minor.is_some() && p.is_available());
    if price_drop {
        f.insert("viewed:price_drop".into(), 1.0);
    }
    let restocked = profile
        .recently_viewed
        .iter()
        .filter_map(|id| catalog.get(id))
        .any(|p| p.is_available() && p.tags.iter().any(|t| t == "back-in-stock"));
    if restocked {
        f.insert("viewed:back_in_stock".into(), 1.0);
    }
    if profile.rfm.orders > 0 {
        f.insert(
            "channel:store".into(),
            f64::from(profile.rfm.store_orders) / f64::from(profile.rfm.orders),
        );
    }
    if profile.engagement.clicks > 0 {
        f.insert(
            "email:clicker".into(),
            1.0 - (-f64::from(profile.engagement.clicks) / 3.0).exp(),
        );
    }
    f
}

/// Score of an angle for a feature set, with the contributing features (largest first).
pub fn score_angle(angle: &Angle, features: &BTreeMap<String, f64>) -> (f64, Vec<(String, f64)>) {
    let mut parts: Vec<(String, f64)> = angle
        .triggers
        .iter()
        .filter_map(|(name, w)| features.get(name).map(|v| (name.clone(), w * v)))
        .filter(|(_, c)| c.abs() > 1e-9)
        .collect();
    parts.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then_with(|| a.0.cmp(&b.0)));
    (
        angle.bias + parts.iter().map(|(_, c)| c).sum::<f64>(),
        parts,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_library_parses_and_covers_the_brief() {
        let angles = parse_library(DEFAULT_ANGLES, "$.angles");
        let ids: Vec<String> = angles
            .unwrap_or_default()
            .into_iter()
            .map(|a| a.id)
            .collect();
        for id in [
            "comfort-movement",
            "versatility-looks",
            "everyday-layering",
            "entry-value",
            "new-arrivals",
            "price-drop",
            "back-in-stock",
            "win-back",
            "loyalty-thanks",
        ] {
            assert!(ids.iter().any(|i| i == id), "missing angle {id}");
        }
    }

    #[test]
    fn empty_slots_and_duplicate_ids_are_rejected() {
        let err = parse_library(
            r#"[{"id":"a","name":"A","copy":{"subject":[],"preheader":["p"],"headline":["h"],"body":["b"],"cta":["c"]}}]"#,
            "$.angles",
        );
        assert_eq!(
            err.err(),
            Some(InputError::invalid(
                "$.angles[0].copy.subject",
                "needs at least one variant"
            ))
        );
    }
}
