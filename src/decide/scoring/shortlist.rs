//! The shortlist: the few dozen item groups worth a full score for one recipient, found
//! from posting lists and bounded heaps without scoring the whole catalog.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::{Scored, Scorer};

/// Products fully scored per recipient, beyond the recently viewed and most popular.
const SHORTLIST: usize = 32;
/// Most popular products always considered.
const POPULAR: usize = 8;
/// Item groups each leading angle adds to the shortlist from the products it prefers.
const PER_ANGLE: usize = 8;
/// Item groups added to the shortlist for exactness beyond the first `SHORTLIST`.
const EXTRA_GROUPS: usize = 256;

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

impl Scorer<'_> {
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
}
