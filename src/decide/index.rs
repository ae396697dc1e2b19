//! The per-engine decision index: which products can be shown at all, a static score
//! (popularity, margin, low stock), the popularity order, each angle's product preferences
//! as feature ids and the co-purchase complements, built once so per-recipient work only
//! reads arrays.

use std::collections::BTreeMap;

use super::angles::Angle;
use crate::config::CampaignConfig;
use crate::input::{Catalog, FeatureKind, FnvMap};

/// Per-engine precomputation for decisions.
#[derive(Debug, Clone, Default)]
pub struct DecideIndex {
    pub(super) showable: Vec<bool>,
    /// Static score per product, negative infinity where the product cannot be shown: the
    /// starting point of every recipient's coarse scores.
    pub(super) static_masked: Vec<f64>,
    pub(super) popularity: Vec<f64>,
    pub(super) by_popularity: Vec<u32>,
    /// Per feature id: (angle position, preference weight) of the angles that prefer it.
    pub(super) feature_angles: Vec<Vec<(usize, f64)>>,
    /// Per angle: the feature ids that define its pick (at least half its strongest
    /// preference) and their weights.
    pub(super) angle_features: Vec<Vec<(u32, f64)>>,
    /// Per angle: its strongest product preference (0 when it has none above 0).
    strongest: Vec<f64>,
    /// Product facet name -> (facet id bought with it, ln lift capped at 1).
    pub(super) associations: FnvMap<String, Vec<(u32, f64)>>,
    pub(super) angle_count: usize,
    /// Per product: its style (see [`super::candidates::look`]) interned, so alternates
    /// compare numbers instead of re-reading titles per recipient.
    pub(super) looks: Vec<u32>,
    /// Showable products that score alike, for the shortlist.
    pub(super) classes: super::classes::ScoreClasses,
    showable_count: usize,
}

impl DecideIndex {
    /// Builds the index; `popularity` maps product ids to any non-negative score (normalized here).
    pub fn build(
        catalog: &Catalog,
        config: &CampaignConfig,
        angles: &[Angle],
        popularity: &BTreeMap<String, f64>,
        associations: &crate::learn::Associations,
    ) -> Self {
        let top = popularity
            .values()
            .copied()
            .filter(|v| v.is_finite())
            .fold(0.0f64, f64::max);
        let w = &config.weights;
        let mut index = DecideIndex::default();
        let mut looks: FnvMap<String, u32> = FnvMap::default();
        for p in catalog.products() {
            let next = looks.len() as u32;
            index
                .looks
                .push(*looks.entry(super::candidates::look(p)).or_insert(next));
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
            let score = w.popularity * pop + w.margin * p.margin.unwrap_or(0.0)
                - if low_stock { w.low_stock } else { 0.0 };
            index
                .static_masked
                .push(if showable { score } else { f64::NEG_INFINITY });
        }
        let mut order: Vec<u32> = (0..catalog.len() as u32)
            .filter(|&i| index.showable.get(i as usize) == Some(&true))
            .collect();
        order.sort_by(|a, b| {
            let pa = index.popularity.get(*a as usize).copied().unwrap_or(0.0);
            let pb = index.popularity.get(*b as usize).copied().unwrap_or(0.0);
            pb.total_cmp(&pa).then(a.cmp(b))
        });
        index.showable_count = order.len();
        index.by_popularity = order;
        index.classes = super::classes::ScoreClasses::build(catalog, &index.static_masked);
        let vocab = catalog.vocab();
        index.feature_angles = vec![Vec::new(); vocab.len()];
        index.angle_count = angles.len();
        for (from, to) in associations {
            let list: Vec<(u32, f64)> = to
                .iter()
                .filter(|(_, lift)| lift.is_finite() && **lift > 1.0)
                .filter_map(|(name, lift)| {
                    Some((vocab.get(FeatureKind::Facet, name)?, lift.ln().min(1.0)))
                })
                .collect();
            if !list.is_empty() {
                index.associations.insert(from.clone(), list);
            }
        }
        index.angle_features = vec![Vec::new(); angles.len()];
        index.strongest = angles
            .iter()
            .map(|a| a.product_prefs.values().fold(0.0f64, |m, w| m.max(*w)))
            .collect();
        for (position, angle) in angles.iter().enumerate() {
            // Candidates come from what defines the angle's pick (at least half its strongest
            // preference: leggings for comfort, a set piece for looks), not every nice-to-have.
            let strongest = index.strongest.get(position).copied().unwrap_or(0.0);
            for (key, weight) in &angle.product_prefs {
                for kind in [FeatureKind::Facet, FeatureKind::Tag, FeatureKind::Category] {
                    let Some(id) = vocab.get(kind, key) else {
                        continue;
                    };
                    if let Some(list) = index.feature_angles.get_mut(id as usize) {
                        list.push((position, *weight));
                    }
                    if let Some(list) = index
                        .angle_features
                        .get_mut(position)
                        .filter(|_| *weight > 0.0 && *weight >= strongest / 2.0)
                    {
                        list.push((id, *weight));
                    }
                }
            }
        }
        index
    }

    /// The strongest product preference of the angle at a position: what a product's fit to
    /// the angle is measured against.
    pub fn strongest_pref(&self, angle: usize) -> f64 {
        self.strongest.get(angle).copied().unwrap_or(0.0)
    }

    /// Popularity of the product at a position, 0..1.
    pub fn popularity(&self, index: usize) -> f64 {
        self.popularity.get(index).copied().unwrap_or(0.0)
    }

    /// Showable products, most popular first.
    pub fn by_popularity(&self) -> &[u32] {
        &self.by_popularity
    }

    /// Every angle's preference for the product with `features`, indexed by angle position.
    pub fn angle_prefs(&self, features: &[u32]) -> Vec<f64> {
        let mut prefs = vec![0.0; self.angle_count];
        for &id in features {
            for &(angle, weight) in self
                .feature_angles
                .get(id as usize)
                .map_or(&[][..], Vec::as_slice)
            {
                if let Some(p) = prefs.get_mut(angle) {
                    *p += weight;
                }
            }
        }
        prefs
    }

    /// Number of products that can be shown.
    pub fn showable_count(&self) -> usize {
        self.showable_count
    }

    /// Can be shown to anyone (in stock, with an image, not excluded).
    pub fn showable(&self, index: usize) -> bool {
        self.showable.get(index).copied().unwrap_or(false)
    }

    /// The recipient-independent part of a product's score.
    pub fn static_score(&self, index: usize) -> f64 {
        self.static_masked
            .get(index)
            .copied()
            .filter(|s| s.is_finite())
            .unwrap_or(0.0)
    }
}
