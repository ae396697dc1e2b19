//! Product scoring with pruning.
//!
//! Per recipient, every facet-based term (affinities, novelty, sets, sale, entry, complements,
//! diversity) folds into one weight per catalog feature over the engine's [`DecideIndex`];
//! posting lists turn those into a score per product in one pass, and only a shortlist
//! (`shortlist.rs`) gets the full score with price fit, recency of views and eligibility.

use std::collections::BTreeMap;

use super::Parts;
use crate::config::DecideWeights;
use crate::input::{Catalog, ENTRY, FeatureKind, NEW_COLLECTION, ON_SALE, Product, SET_PIECE};
use crate::profile::{Lifecycle, Profile, round3};

mod shortlist;
pub use shortlist::Eligibility;
#[cfg(test)]
mod tests;

pub use super::index::DecideIndex;

/// One scored product.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    /// Position in the catalog.
    pub index: usize,
    /// Full product score.
    pub score: f64,
}

/// Per-recipient scoring state.
pub struct Scorer<'a> {
    catalog: &'a Catalog,
    index: &'a DecideIndex,
    weights: &'a DecideWeights,
    profile: &'a Profile,
    /// Folded weight per catalog feature.
    feature_weight: Vec<f64>,
    /// Recently viewed product positions, most recent first.
    viewed: Vec<usize>,
}

/// How much a sale price draws this customer: nothing below a discount sensitivity of 1/3,
/// rising to 1 for those who buy only on discount.
fn sale_pull(discount_sensitivity: f64) -> f64 {
    ((discount_sensitivity - 1.0 / 3.0) * 1.5).clamp(0.0, 1.0)
}

/// Affinity score relative to the top one of its kind (the top reads 1).
fn relative(affinities: &[crate::profile::Affinity]) -> impl Iterator<Item = (&str, f64)> {
    let top = affinities.first().map_or(1.0, |a| a.score.max(1e-9));
    affinities
        .iter()
        .map(move |a| (a.key.as_str(), a.score / top))
}

impl<'a> Scorer<'a> {
    /// Folds the profile into per-feature weights.
    pub fn new(
        catalog: &'a Catalog,
        index: &'a DecideIndex,
        weights: &'a DecideWeights,
        profile: &'a Profile,
    ) -> Self {
        let vocab = catalog.vocab();
        let mut fw = vec![0.0; vocab.len()];
        let mut add = |kind: FeatureKind, key: &str, value: f64| {
            if let Some(slot) = vocab.get(kind, key).and_then(|id| fw.get_mut(id as usize)) {
                *slot += value;
            }
        };
        // Facets: the share of their interest, so what they engage with most reads near 1.
        // What a product is (`product:*`, `role:*`) counts half: what they like about what
        // they bought (studio, soft, everyday) should carry to the piece the angle wants to
        // show next (a layer over their tees), not only to more of the same.
        for a in &profile.facet_affinities {
            let kind = if a.key.starts_with("product:") || a.key.starts_with("role:") {
                0.5
            } else {
                1.0
            };
            add(FeatureKind::Facet, &a.key, weights.tags * kind * a.score);
        }
        for (key, v) in relative(&profile.category_affinities) {
            add(FeatureKind::Category, key, weights.categories * v);
        }
        for (key, v) in relative(&profile.attribute_affinities) {
            add(FeatureKind::Attribute, key, weights.attributes * v);
        }
        // Diversity: a category they already bought plenty of counts less.
        for a in &profile.category_affinities {
            let owned = (f64::from(a.evidence.purchases) / 3.0).min(1.0);
            add(FeatureKind::Category, &a.key, -weights.diversity * owned);
        }
        let s = &profile.style;
        add(
            FeatureKind::Facet,
            NEW_COLLECTION,
            weights.novelty * s.novelty,
        );
        add(FeatureKind::Facet, SET_PIECE, weights.sets * s.set_buying);
        // Sale items only for the discount-driven: below a third, a sale price is no pull.
        add(
            FeatureKind::Facet,
            ON_SALE,
            weights.sale * sale_pull(s.discount_sensitivity),
        );
        if profile.lifecycle == Lifecycle::Browser {
            add(FeatureKind::Facet, ENTRY, weights.entry);
        }
        // Complements: kinds of product the customer base buys with what they bought.
        for a in profile
            .facet_affinities
            .iter()
            .filter(|a| a.evidence.purchases > 0)
        {
            for &(id, strength) in index
                .associations
                .get(&a.key)
                .map_or(&[][..], Vec::as_slice)
            {
                if let Some(slot) = fw.get_mut(id as usize) {
                    *slot += weights.complements * strength * a.score;
                }
            }
        }
        let viewed = profile
            .recently_viewed
            .iter()
            .filter_map(|id| catalog.index_of(id))
            .collect();
        Scorer {
            catalog,
            index,
            weights,
            profile,
            feature_weight: fw,
            viewed,
        }
    }

    fn feature_score(&self, index: usize) -> f64 {
        self.catalog
            .features(index)
            .iter()
            .filter_map(|&id| self.feature_weight.get(id as usize))
            .sum()
    }

    /// Price fit and view recency: the terms that need the product itself.
    fn dynamic_score(&self, index: usize, p: &Product) -> (f64, f64) {
        let price = match self.profile.style.typical_price_minor.filter(|t| *t > 0) {
            Some(typical) => {
                let log_ratio = (p.effective_price_minor() as f64 / typical as f64).ln();
                self.weights.price * (-(log_ratio * log_ratio) / 0.3).exp()
            }
            None => 0.0,
        };
        let viewed = self
            .viewed
            .iter()
            .position(|&v| v == index)
            .map_or(0.0, |rank| self.weights.viewed * 0.8f64.powi(rank as i32));
        (price, viewed)
    }

    /// Full score of one product.
    pub fn score(&self, index: usize) -> f64 {
        let Some(p) = self.catalog.product(index) else {
            return f64::NEG_INFINITY;
        };
        let (price, viewed) = self.dynamic_score(index, p);
        self.feature_score(index) + self.index.static_score(index) + price + viewed
    }

    /// The named parts of one product's score, for reasons (sums to [`Scorer::score`]).
    pub fn breakdown(&self, index: usize) -> Parts {
        let Some(p) = self.catalog.product(index) else {
            return Vec::new();
        };
        let vocab = self.catalog.vocab();
        let mut parts: BTreeMap<&str, f64> = BTreeMap::new();
        let special = self.catalog.special();
        let s = &self.profile.style;
        let w = self.weights;
        for &id in self.catalog.features(index) {
            let total = self.feature_weight.get(id as usize).copied().unwrap_or(0.0);
            // Attribute the folded weight back to its sources.
            let mut rest = total;
            let mut take = |name: &'static str, value: f64| {
                if value != 0.0 {
                    *parts.entry(name).or_default() += value;
                    rest -= value;
                }
            };
            if Some(id) == special.new_collection {
                take("novelty", w.novelty * s.novelty);
            } else if Some(id) == special.matching_set {
                take("sets", w.sets * s.set_buying);
            } else if Some(id) == special.sale {
                take("sale", w.sale * sale_pull(s.discount_sensitivity));
            } else if Some(id) == special.entry && self.profile.lifecycle == Lifecycle::Browser {
                take("entry", w.entry);
            }
            if vocab.kind(id) == Some(FeatureKind::Category) {
                let owned = self
                    .profile
                    .category_affinities
                    .iter()
                    .find(|a| a.key == vocab.name(id));
                if let Some(a) = owned {
                    take(
                        "diversity",
                        -w.diversity * (f64::from(a.evidence.purchases) / 3.0).min(1.0),
                    );
                }
            }
            let name = match vocab.kind(id) {
                Some(FeatureKind::Category) => "category",
                Some(FeatureKind::Attribute) => "attributes",
                Some(FeatureKind::Facet) => "facets",
                _ => "tags",
            };
            *parts.entry(name).or_default() += rest;
        }
        let (price, viewed) = self.dynamic_score(index, p);
        parts.insert("price", price);
        parts.insert("viewed", viewed);
        parts.insert("popularity", w.popularity * self.index.popularity(index));
        parts.insert("margin", w.margin * p.margin.unwrap_or(0.0));
        if matches!(p.stock, Some(s) if s <= 5) {
            parts.insert("low stock", -w.low_stock);
        }
        let mut out: Parts = parts
            .into_iter()
            .filter(|(_, v)| v.abs() > 1e-9)
            .map(|(k, v)| (k.to_string(), round3(v)))
            .collect();
        out.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then_with(|| a.0.cmp(&b.0)));
        out
    }
}
