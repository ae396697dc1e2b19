//! Product scoring with pruning.
//!
//! Once per engine, [`DecideIndex`] precomputes what does not depend on the recipient: which
//! products can be shown at all, a static score (popularity, margin, low stock), the popularity
//! order and each angle's product preferences as feature ids. Per recipient, every tag-based
//! term (affinities, novelty, sets, sale, entry, diversity) folds into one weight per catalog
//! feature; posting lists turn those into a score per product in one pass, and only a shortlist
//! (best by that score, recently viewed, most popular) gets the full score with price fit,
//! recency of views and eligibility checks.

use std::collections::BTreeMap;

use super::Parts;
use super::angles::Angle;
use crate::config::{CampaignConfig, DecideWeights};
use crate::input::{Catalog, FeatureKind, Product};
use crate::profile::{Lifecycle, Profile, round3};

/// Products fully scored per recipient, beyond the recently viewed and most popular.
const SHORTLIST: usize = 48;
/// Most popular products always considered.
const POPULAR: usize = 16;

/// Per-engine precomputation for decisions.
#[derive(Debug, Clone, Default)]
pub struct DecideIndex {
    showable: Vec<bool>,
    static_score: Vec<f64>,
    popularity: Vec<f64>,
    by_popularity: Vec<u32>,
    angle_prefs: Vec<Vec<(u32, f64)>>,
}

impl DecideIndex {
    /// Builds the index; `popularity` maps product ids to any non-negative score (normalized here).
    pub fn build(
        catalog: &Catalog,
        config: &CampaignConfig,
        angles: &[Angle],
        popularity: &BTreeMap<String, f64>,
    ) -> Self {
        let top = popularity
            .values()
            .copied()
            .filter(|v| v.is_finite())
            .fold(0.0f64, f64::max);
        let w = &config.weights;
        let mut index = DecideIndex::default();
        for p in catalog.products() {
            let showable = p.is_available()
                && p.image_link.is_some()
                && !config.exclude_product_ids.contains(&p.id)
                && !p.tags.iter().any(|t| config.exclude_tags.contains(t));
            let pop = popularity
                .get(&p.id)
                .copied()
                .filter(|v| v.is_finite() && *v > 0.0 && top > 0.0)
                .map_or(0.0, |v| v / top);
            let low_stock = matches!(p.stock, Some(s) if s <= 5);
            index.showable.push(showable);
            index.popularity.push(pop);
            index.static_score.push(
                w.popularity * pop + w.margin * p.margin.unwrap_or(0.0)
                    - if low_stock { w.low_stock } else { 0.0 },
            );
        }
        let mut order: Vec<u32> = (0..catalog.len() as u32)
            .filter(|&i| index.showable.get(i as usize) == Some(&true))
            .collect();
        order.sort_by(|a, b| {
            let pa = index.popularity.get(*a as usize).copied().unwrap_or(0.0);
            let pb = index.popularity.get(*b as usize).copied().unwrap_or(0.0);
            pb.total_cmp(&pa).then(a.cmp(b))
        });
        index.by_popularity = order;
        let vocab = catalog.vocab();
        index.angle_prefs = angles
            .iter()
            .map(|a| {
                let mut prefs: Vec<(u32, f64)> = a
                    .product_prefs
                    .iter()
                    .flat_map(|(key, weight)| {
                        [FeatureKind::Tag, FeatureKind::Category]
                            .into_iter()
                            .filter_map(move |k| vocab.get(k, key).map(|id| (id, *weight)))
                    })
                    .collect();
                prefs.sort_by_key(|(id, _)| *id);
                prefs
            })
            .collect();
        index
    }

    /// Popularity of the product at a position, 0..1.
    pub fn popularity(&self, index: usize) -> f64 {
        self.popularity.get(index).copied().unwrap_or(0.0)
    }

    /// Showable products, most popular first.
    pub fn by_popularity(&self) -> &[u32] {
        &self.by_popularity
    }

    /// Preference of angle `angle` for the product with `features` (sorted ids).
    pub fn angle_pref(&self, angle: usize, features: &[u32]) -> f64 {
        let Some(prefs) = self.angle_prefs.get(angle) else {
            return 0.0;
        };
        prefs
            .iter()
            .filter(|(id, _)| features.binary_search(id).is_ok())
            .map(|(_, w)| w)
            .sum()
    }

    /// Can be shown to anyone (in stock, with an image, not excluded).
    pub fn showable(&self, index: usize) -> bool {
        self.showable.get(index).copied().unwrap_or(false)
    }

    /// The recipient-independent part of a product's score.
    pub fn static_score(&self, index: usize) -> f64 {
        self.static_score.get(index).copied().unwrap_or(0.0)
    }
}

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
        for (key, v) in relative(&profile.tag_affinities) {
            add(FeatureKind::Tag, key, weights.tags * v);
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
            FeatureKind::Tag,
            "new-collection",
            weights.novelty * s.novelty,
        );
        add(
            FeatureKind::Tag,
            "matching-set",
            weights.sets * s.set_buying,
        );
        add(
            FeatureKind::Tag,
            "sale",
            weights.sale * s.discount_sensitivity,
        );
        if profile.lifecycle == Lifecycle::Browser {
            add(FeatureKind::Tag, "entry", weights.entry);
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

    /// The best `SHORTLIST` by feature and static score, plus recently viewed and most popular,
    /// that pass `eligible`, fully scored, best first. Falls back to scanning the whole catalog
    /// when the shortlist holds fewer than `want` eligible products.
    pub fn shortlist(&self, want: usize, eligible: &dyn Fn(usize) -> bool) -> Vec<Scored> {
        let n = self.catalog.len();
        let mut coarse = vec![0.0f64; n];
        for (id, &w) in self.feature_weight.iter().enumerate() {
            if w != 0.0 {
                for &i in self.catalog.postings(id as u32) {
                    if let Some(slot) = coarse.get_mut(i as usize) {
                        *slot += w;
                    }
                }
            }
        }
        let mut order: Vec<u32> = (0..n as u32)
            .filter(|&i| self.index.showable(i as usize))
            .collect();
        let key = |i: u32| {
            coarse.get(i as usize).copied().unwrap_or(0.0) + self.index.static_score(i as usize)
        };
        let by_coarse = |a: &u32, b: &u32| key(*b).total_cmp(&key(*a)).then(a.cmp(b));
        let mut picked: Vec<usize> = Vec::with_capacity(SHORTLIST + POPULAR + self.viewed.len());
        if order.len() > SHORTLIST {
            order.select_nth_unstable_by(SHORTLIST, by_coarse);
            picked.extend(order.iter().take(SHORTLIST).map(|&i| i as usize));
        } else {
            picked.extend(order.iter().map(|&i| i as usize));
        }
        picked.extend(self.viewed.iter().copied());
        picked.extend(
            self.index
                .by_popularity()
                .iter()
                .take(POPULAR)
                .map(|&i| i as usize),
        );
        picked.sort_unstable();
        picked.dedup();
        let mut scored: Vec<Scored> = picked
            .into_iter()
            .filter(|&i| eligible(i))
            .map(|i| Scored {
                index: i,
                score: self.score(i),
            })
            .collect();
        if scored.len() < want && order.len() > scored.len() {
            // Rare: the shortlist is mostly ineligible (bought, wrong gender). Score everything.
            scored = order
                .iter()
                .map(|&i| i as usize)
                .filter(|&i| eligible(i))
                .map(|i| Scored {
                    index: i,
                    score: self.score(i),
                })
                .collect();
        }
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
        scored
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
                take("sale", w.sale * s.discount_sensitivity);
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
