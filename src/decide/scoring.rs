//! Product scoring with pruning.
//!
//! Once per engine, [`DecideIndex`] precomputes what does not depend on the recipient: which
//! products can be shown at all, a static score (popularity, margin, low stock), the popularity
//! order and each angle's product preferences as feature ids. Per recipient, every tag-based
//! term (affinities, novelty, sets, sale, entry, diversity) folds into one weight per catalog
//! feature; posting lists turn those into a score per product in one pass, and only a shortlist
//! (best by that score, recently viewed, most popular) gets the full score with price fit,
//! recency of views and eligibility checks.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use super::Parts;
use super::angles::Angle;
use crate::config::{CampaignConfig, DecideWeights};
use crate::input::{
    Catalog, ENTRY, FeatureKind, FnvMap, NEW_COLLECTION, ON_SALE, Product, SET_PIECE,
};
use crate::profile::{Lifecycle, Profile, round3};

/// Products fully scored per recipient, beyond the recently viewed and most popular.
const SHORTLIST: usize = 32;
/// Most popular products always considered.
const POPULAR: usize = 8;
/// Item groups each leading angle adds to the shortlist from the products it prefers.
const PER_ANGLE: usize = 8;
/// Item groups added to the shortlist for exactness beyond the first `SHORTLIST`.
const EXTRA_GROUPS: usize = 256;

/// Per-engine precomputation for decisions.
#[derive(Debug, Clone, Default)]
pub struct DecideIndex {
    showable: Vec<bool>,
    /// Static score per product, negative infinity where the product cannot be shown: the
    /// starting point of every recipient's coarse scores.
    static_masked: Vec<f64>,
    popularity: Vec<f64>,
    by_popularity: Vec<u32>,
    /// Per feature id: (angle position, preference weight) of the angles that prefer it.
    feature_angles: Vec<Vec<(usize, f64)>>,
    /// Per angle: the feature ids that define its pick (at least half its strongest
    /// preference) and their weights.
    angle_features: Vec<Vec<(u32, f64)>>,
    /// Product facet name -> (facet id bought with it, ln lift capped at 1).
    associations: FnvMap<String, Vec<(u32, f64)>>,
    angle_count: usize,
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
        index.by_popularity = order;
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
        for (position, angle) in angles.iter().enumerate() {
            // Candidates come from what defines the angle's pick (at least half its strongest
            // preference: leggings for comfort, a set piece for looks), not every nice-to-have.
            let strongest = angle.product_prefs.values().fold(0.0f64, |m, w| m.max(*w));
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

/// One scored product.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    /// Position in the catalog.
    pub index: usize,
    /// Full product score.
    pub score: f64,
}

/// A coarse score with a total order, for the bounded heap.
#[derive(PartialEq)]
struct Ranked(f64, u32);

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    /// Higher score first, then lower position (so a min-heap of `Reverse` drops the worst).
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0).then(other.1.cmp(&self.1))
    }
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

    /// The best `SHORTLIST` item groups by feature and static score, plus recently viewed and
    /// most popular products, that pass `eligible`, fully scored, best first, one product per
    /// item group (the variant that scores best: their colour, their size). Falls back to
    /// scanning the whole catalog when fewer than `want` eligible products remain.
    pub fn shortlist(
        &self,
        want: usize,
        eligible: &dyn Fn(usize) -> bool,
        angles: &[usize],
    ) -> Vec<Scored> {
        let mut coarse = self.index.static_masked.clone();
        for (id, &w) in self.feature_weight.iter().enumerate() {
            if w != 0.0 {
                for &i in self.catalog.postings(id as u32) {
                    if let Some(slot) = coarse.get_mut(i as usize) {
                        *slot += w;
                    }
                }
            }
        }
        // Each item group counts once, at its best variant: variants that tie (same facets,
        // other sizes) never crowd out other products.
        let mut group_best = vec![f64::NEG_INFINITY; self.catalog.group_count()];
        for (i, &score) in coarse.iter().enumerate() {
            if let Some(best) = group_best.get_mut(self.catalog.group(i) as usize) {
                if score > *best {
                    *best = score;
                }
            }
        }
        // The best SHORTLIST groups by coarse score, in one pass with a bounded min-heap.
        let mut heap: BinaryHeap<Reverse<Ranked>> = BinaryHeap::with_capacity(SHORTLIST + 1);
        for (g, &score) in group_best.iter().enumerate() {
            if score == f64::NEG_INFINITY {
                continue;
            }
            let candidate = Ranked(score, g as u32);
            if heap.len() < SHORTLIST {
                heap.push(Reverse(candidate));
            } else if heap.peek().is_some_and(|Reverse(worst)| candidate > *worst) {
                heap.pop();
                heap.push(Reverse(candidate));
            }
        }
        let mut groups: Vec<u32> = heap.into_iter().map(|Reverse(r)| r.1).collect();
        // Each leading angle adds the best groups among the products it prefers, read from
        // the posting lists of its preferred features only.
        let mut boost = vec![0.0; coarse.len()];
        for &angle in angles {
            groups.extend(self.angle_groups(angle, &coarse, &mut boost));
        }
        groups.sort_unstable();
        groups.dedup();
        let mut picked: Vec<usize> = Vec::with_capacity(SHORTLIST * 4 + POPULAR);
        for &g in &groups {
            picked.extend(self.catalog.members(g).iter().map(|&i| i as usize));
        }
        // Recently viewed products join only if they can be shown (a viewed item may be sold out).
        picked.extend(
            self.viewed
                .iter()
                .copied()
                .filter(|&i| self.index.showable(i)),
        );
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
            .iter()
            .copied()
            .filter(|&i| self.index.showable(i) && eligible(i))
            .map(|i| Scored {
                index: i,
                score: self.score(i),
            })
            .collect();
        // Exactness: outside the shortlist only the price fit (at most `weights.price`) can add
        // to the coarse score, so any group within that of the best full score is scored too
        // (at most EXTRA_GROUPS more, best first: ties must not widen the set without bound).
        if let Some(best) = scored.iter().map(|s| s.score).max_by(f64::total_cmp) {
            let bound = best - self.weights.price.max(0.0);
            let mut extra: Vec<(f64, u32)> = group_best
                .iter()
                .enumerate()
                .filter(|&(g, &c)| c >= bound && groups.binary_search(&(g as u32)).is_err())
                .map(|(g, &c)| (c, g as u32))
                .collect();
            extra.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            for (_, g) in extra.into_iter().take(EXTRA_GROUPS) {
                for &i in self.catalog.members(g) {
                    let i = i as usize;
                    if picked.binary_search(&i).is_err() && self.index.showable(i) && eligible(i) {
                        scored.push(Scored {
                            index: i,
                            score: self.score(i),
                        });
                    }
                }
            }
        }
        let showable = || (0..self.catalog.len()).filter(|&i| self.index.showable(i));
        if scored.len() < want && showable().count() > scored.len() {
            // Rare: the shortlist is mostly ineligible (bought, wrong gender). Score everything.
            scored = showable()
                .filter(|&i| eligible(i))
                .map(|i| Scored {
                    index: i,
                    score: self.score(i),
                })
                .collect();
        }
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
        // One product per item group: its best-scoring variant.
        let mut seen = vec![false; self.catalog.group_count()];
        scored.retain(|s| {
            let g = self.catalog.group(s.index) as usize;
            match seen.get_mut(g) {
                Some(flag) if *flag => false,
                Some(flag) => {
                    *flag = true;
                    true
                }
                None => true,
            }
        });
        scored
    }

    /// The `PER_ANGLE` best item groups by coarse score plus the angle's preference, among
    /// products carrying a feature the angle prefers. `boost` is a zeroed scratch buffer of one
    /// slot per product, left zeroed.
    fn angle_groups(&self, angle: usize, coarse: &[f64], boost: &mut [f64]) -> Vec<u32> {
        let prefs = self
            .index
            .angle_features
            .get(angle)
            .map_or(&[][..], Vec::as_slice);
        let mut touched: Vec<u32> = Vec::new();
        for &(feature, weight) in prefs {
            for &i in self.catalog.postings(feature) {
                if let Some(slot) = boost.get_mut(i as usize) {
                    if *slot == 0.0 {
                        touched.push(i);
                    }
                    *slot += weight;
                }
            }
        }
        let mut ranked: Vec<Ranked> = touched
            .iter()
            .filter_map(|&i| {
                let b = boost.get_mut(i as usize).map_or(0.0, std::mem::take);
                let c = coarse.get(i as usize).copied().filter(|c| c.is_finite())?;
                Some(Ranked(c + self.weights.angle_prefs * b, i))
            })
            .collect();
        // Variants of one group rank together: the best few dozen usually hold the best
        // groups; the rest is sorted only when they do not.
        let head = (PER_ANGLE * 8).min(ranked.len());
        if head > 0 && head < ranked.len() {
            ranked.select_nth_unstable_by(head - 1, |a, b| b.cmp(a));
        }
        let (first, rest) = ranked.split_at_mut(head);
        first.sort_unstable_by(|a, b| b.cmp(a));
        let mut groups: Vec<u32> = Vec::with_capacity(PER_ANGLE);
        let take = |list: &[Ranked], groups: &mut Vec<u32>| {
            for r in list {
                let group = self.catalog.group(r.1 as usize);
                if groups.len() == PER_ANGLE {
                    return;
                }
                if !groups.contains(&group) {
                    groups.push(group);
                }
            }
        };
        take(first, &mut groups);
        if groups.len() < PER_ANGLE && !rest.is_empty() {
            rest.sort_unstable_by(|a, b| b.cmp(a));
            take(rest, &mut groups);
        }
        groups
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Personalizer, PersonalizerInit};

    #[test]
    fn the_pruned_shortlist_finds_the_same_best_product_as_a_full_scan() {
        let init = format!(
            r#"{{"catalog": {}, "campaign": {}}}"#,
            include_str!("../../samples/catalog.json"),
            include_str!("../../samples/campaign.json")
        );
        let engine =
            Personalizer::new(crate::error::from_json_str::<PersonalizerInit>("$", &init).unwrap())
                .unwrap();
        let customers: Vec<crate::input::Customer> =
            crate::error::from_json_str("$", include_str!("../../samples/customers.json")).unwrap();
        let now = 1_795_176_000;
        let (mut same, mut total) = (0, 0);
        for c in &customers {
            let profile = engine.profile(c, now).unwrap();
            let scorer = Scorer::new(
                engine.catalog(),
                &engine.index,
                &engine.campaign().weights,
                &profile,
            );
            let pruned = scorer.shortlist(1, &|_| true, &[]);
            let full = (0..engine.catalog().len())
                .filter(|&i| engine.index.showable(i))
                .map(|i| (i, scorer.score(i)))
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            total += 1;
            same += usize::from(pruned.first().map(|s| s.index) == full.map(|f| f.0));
            assert!(
                pruned.iter().all(|s| engine.index.showable(s.index)),
                "{}: an unshowable product was shortlisted",
                c.id
            );
        }
        assert_eq!(
            same, total,
            "pruned best = full-scan best for {same} of {total}"
        );
    }
}
