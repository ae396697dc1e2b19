//! Decision settings: score weights, the holdout group and the bandit's exploration window.

use serde::{Deserialize, Serialize};

/// Weights of the product score (all finite, |w| <= 10; absurd values fall back to these).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase", default)]
pub struct DecideWeights {
    /// Facet affinity match: the share of their interest in each facet the product has (what
    /// a product is, `product:*`/`role:*`, counts half; default 0.6). The name is historical.
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub tags: f64,
    /// Category affinity match (default 0.5).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub categories: f64,
    /// Colour and size affinity match (default 0.2).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub attributes: f64,
    /// Novelty seeking × `new-collection` (default 1.0).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub novelty: f64,
    /// Set buying × `matching-set` (default 1.0).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub sets: f64,
    /// Discount sensitivity × on sale (default 0.8).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub sale: f64,
    /// Price close to what they usually pay (default 0.5).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub price: f64,
    /// Viewed, carted or wishlisted recently (default 1.2, less for older views).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub viewed: f64,
    /// `entry` products for customers who never bought (default 2.0).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub entry: f64,
    /// Popularity across all customers, 0..1 (default 0.4).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub popularity: f64,
    /// Margin hint from `cost_of_goods_sold` (default 0.3).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub margin: f64,
    /// Penalty for nearly sold-out products (stock <= 5; default 0.3).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub low_stock: f64,
    /// Penalty for categories they already own plenty of (default 0.3).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub diversity: f64,
    /// Kinds of product the customer base buys with theirs, × ln(lift) (default 0.6; needs
    /// `associations`).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub complements: f64,
    /// Weight of an angle's product preferences in the joint choice (default 0.4).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub angle_prefs: f64,
}

impl Default for DecideWeights {
    fn default() -> Self {
        DecideWeights {
            tags: 0.6,
            categories: 0.5,
            attributes: 0.2,
            novelty: 1.0,
            sets: 1.0,
            sale: 0.8,
            price: 0.5,
            viewed: 1.2,
            entry: 2.0,
            popularity: 0.4,
            margin: 0.3,
            low_stock: 0.3,
            diversity: 0.3,
            angle_prefs: 0.4,
            complements: 0.6,
        }
    }
}

impl DecideWeights {
    /// Replaces non-finite or out-of-range weights with defaults; returns the names repaired.
    pub fn sanitize(&mut self) -> Vec<&'static str> {
        let d = DecideWeights::default();
        let mut repaired = Vec::new();
        for (value, default, name) in [
            (&mut self.tags, d.tags, "tags"),
            (&mut self.categories, d.categories, "categories"),
            (&mut self.attributes, d.attributes, "attributes"),
            (&mut self.novelty, d.novelty, "novelty"),
            (&mut self.sets, d.sets, "sets"),
            (&mut self.sale, d.sale, "sale"),
            (&mut self.price, d.price, "price"),
            (&mut self.viewed, d.viewed, "viewed"),
            (&mut self.entry, d.entry, "entry"),
            (&mut self.popularity, d.popularity, "popularity"),
            (&mut self.margin, d.margin, "margin"),
            (&mut self.low_stock, d.low_stock, "lowStock"),
            (&mut self.diversity, d.diversity, "diversity"),
            (&mut self.angle_prefs, d.angle_prefs, "anglePrefs"),
            (&mut self.complements, d.complements, "complements"),
        ] {
            if !value.is_finite() || value.abs() > 10.0 {
                *value = default;
                repaired.push(name);
            }
        }
        repaired
    }
}

/// A stable holdout: this share of customers gets the campaign's default email.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase", default)]
pub struct HoldoutConfig {
    /// Share of customers held out, 0..=0.5 (default 0: no holdout).
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub share: f64,
    /// Angle of the default email (default `win-back`), with the most popular eligible product
    /// and no offer.
    #[cfg_attr(test, ts(as = "Option<String>", optional))]
    pub angle: String,
}

impl Default for HoldoutConfig {
    fn default() -> Self {
        HoldoutConfig {
            share: 0.0,
            angle: "win-back".into(),
        }
    }
}

/// How far the bandit may stray from the rules.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase", default)]
pub struct BanditConfig {
    /// Angles whose score is within this margin of the best compete by Thompson sampling
    /// (default 0.5; 0 turns exploration off). Applies only when bandit state is passed.
    #[cfg_attr(test, ts(as = "Option<f64>", optional))]
    pub margin: f64,
}

impl Default for BanditConfig {
    fn default() -> Self {
        BanditConfig { margin: 0.5 }
    }
}
