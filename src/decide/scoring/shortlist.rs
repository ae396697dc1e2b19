//! The shortlist: the few dozen item groups worth a full score for one recipient, found
//! from score classes (products that score alike), their posting lists and a lazily
//! ordered heap, so the catalog's size, its variants and its ties cost next to nothing.

use std::collections::BinaryHeap;

use super::{Scored, Scorer};
use crate::decide::classes::{FitCheck, ScoreClasses};
use crate::input::FnvMap;

/// Item groups fully scored per recipient, beyond the recently viewed and most popular.
const SHORTLIST: usize = 32;
/// Most popular products always considered.
const POPULAR: usize = 8;
/// Item groups each leading angle adds to the shortlist from the products it prefers.
const PER_ANGLE: usize = 8;
/// Item groups added to the shortlist for exactness beyond the first `SHORTLIST`.
const EXTRA_GROUPS: usize = 256;
/// Item groups one class adds at one score: products that score alike under other item
/// groups (a catalog repeating a product) must not crowd out the rest; the second is a
/// spare for when the first was bought recently.
const PER_CLASS: usize = 2;

/// A coarse score with a total order: higher score first, then lower position.
#[derive(PartialEq, Clone, Copy)]
struct Ranked(f64, u32);

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    /// Higher score greater, then lower position greater (a max-heap pops the best first).
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0).then(other.1.cmp(&self.1))
    }
}

/// Who a recipient's strict candidates are: products that fit them (gender, size) from item
/// groups they did not buy recently.
pub struct Eligibility {
    pub(in crate::decide) fit: FitCheck,
    /// Item groups bought recently, ascending.
    pub(in crate::decide) bought: Vec<u32>,
}

/// Classes in order of coarse score, best first, one score level at a time; a heap built in
/// linear time and popped only as far as the shortlist reads.
struct Levels {
    heap: BinaryHeap<Ranked>,
}

impl Levels {
    fn new(coarse: &[f64]) -> Self {
        let ranked: Vec<Ranked> = coarse
            .iter()
            .enumerate()
            .filter(|&(_, &c)| c != f64::NEG_INFINITY)
            .map(|(class, &c)| Ranked(c, class as u32))
            .collect();
        Levels {
            heap: BinaryHeap::from(ranked),
        }
    }

    /// The classes of the next best score, ascending, and that score.
    fn next(&mut self) -> Option<(f64, Vec<u32>)> {
        let Ranked(score, first) = self.heap.pop()?;
        let mut level = vec![first];
        while self
            .heap
            .peek()
            .is_some_and(|r| r.0.total_cmp(&score).is_eq())
        {
            level.extend(self.heap.pop().map(|r| r.1));
        }
        Some((score, level))
    }
}

/// The item groups of one score level not yet `taken`, at most `PER_CLASS` per class, ascending.
fn level_groups(classes: &ScoreClasses, level: &[u32], taken: &[bool]) -> Vec<u32> {
    let mut found: Vec<u32> = level
        .iter()
        .flat_map(|&c| {
            classes
                .groups(c)
                .iter()
                .map(|&(g, _)| g)
                .filter(|&g| !taken.get(g as usize).copied().unwrap_or(true))
                .take(PER_CLASS)
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

impl Scorer<'_> {
    /// The best `SHORTLIST` item groups by feature and static score, plus recently viewed and
    /// most popular products, that are `eligible` (everything when `None`), fully scored,
    /// best first, one product per item group (the variant that scores best: their colour,
    /// their size). Falls back to scanning the whole catalog when fewer than `want` eligible
    /// products remain.
    pub fn shortlist(
        &self,
        want: usize,
        eligible: Option<&Eligibility>,
        angles: &[usize],
    ) -> Vec<Scored> {
        let classes = &self.index.classes;
        let passes = |i: usize| self.passes(i, eligible);
        let coarse = classes.coarse(&self.feature_weight);
        let mut levels = Levels::new(&coarse);
        let group_count = self.catalog.group_count();
        // An item group counts once, at its best class: variants and copies that tie never
        // crowd out other products.
        let mut taken = vec![false; group_count];
        let mut groups: Vec<u32> = Vec::with_capacity(SHORTLIST + angles.len() * PER_ANGLE);
        let mut seen_levels: Vec<(f64, Vec<u32>)> = Vec::new();
        while groups.len() < SHORTLIST {
            let Some(level) = levels.next() else { break };
            for g in level_groups(classes, &level.1, &taken) {
                if groups.len() == SHORTLIST {
                    break;
                }
                if let Some(flag) = taken.get_mut(g as usize) {
                    *flag = true;
                }
                groups.push(g);
            }
            seen_levels.push(level);
        }
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
        // Products of one class score alike unless viewed: each class is scored once.
        let mut class_scores: FnvMap<u32, f64> = FnvMap::default();
        let mut score = |i: usize| match classes.class_of(i) {
            Some(c) if !self.viewed.contains(&i) => {
                *class_scores.entry(c).or_insert_with(|| self.score(i))
            }
            _ => self.score(i),
        };
        let mut scored: Vec<Scored> = picked
            .iter()
            .copied()
            .filter(|&i| self.index.showable(i) && passes(i))
            .map(|i| Scored {
                index: i,
                score: score(i),
            })
            .collect();
        // Exactness: outside the shortlist only the price fit (at most `weights.price`) can add
        // to the coarse score, so any group within that of the best full score is scored too
        // (at most EXTRA_GROUPS more, best first: ties must not widen the set without bound).
        if let Some(best) = scored.iter().map(|s| s.score).max_by(f64::total_cmp) {
            let bound = best - self.weights.price.max(0.0);
            for &g in &groups {
                if let Some(flag) = taken.get_mut(g as usize) {
                    *flag = true;
                }
            }
            let mut extra: Vec<u32> = Vec::new();
            // The levels already popped, then the rest of the heap.
            let mut seen = seen_levels.into_iter();
            while extra.len() < EXTRA_GROUPS {
                let Some(level) = seen.next().or_else(|| levels.next()) else {
                    break;
                };
                if level.0 < bound {
                    break;
                }
                for g in level_groups(classes, &level.1, &taken) {
                    if extra.len() == EXTRA_GROUPS {
                        break;
                    }
                    if let Some(flag) = taken.get_mut(g as usize) {
                        *flag = true;
                    }
                    extra.push(g);
                }
            }
            for g in extra {
                for &i in self.catalog.members(g) {
                    let i = i as usize;
                    if picked.binary_search(&i).is_err() && self.index.showable(i) && passes(i) {
                        scored.push(Scored {
                            index: i,
                            score: score(i),
                        });
                    }
                }
            }
        }
        if scored.len() < want && self.index.showable_count() > scored.len() {
            // Rare: the shortlist is mostly ineligible (bought, wrong gender). Score everything.
            scored = (0..self.catalog.len())
                .filter(|&i| self.index.showable(i) && passes(i))
                .map(|i| Scored {
                    index: i,
                    score: score(i),
                })
                .collect();
        }
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
        // One product per item group: its best-scoring variant.
        let mut seen = vec![false; group_count];
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

    /// Is the product at a position eligible (always, without a check)?
    fn passes(&self, product: usize, eligible: Option<&Eligibility>) -> bool {
        let Some(check) = eligible else { return true };
        let classes = &self.index.classes;
        classes
            .class_of(product)
            .is_some_and(|c| classes.fits(c, &check.fit))
            && check
                .bought
                .binary_search(&self.catalog.group(product))
                .is_err()
    }

    /// The `PER_ANGLE` best item groups by coarse score plus the angle's preference, among
    /// products carrying a feature the angle prefers, products of equal score by position.
    /// `boost` is a zeroed scratch buffer of one slot per class, left zeroed.
    fn angle_groups(&self, angle: usize, coarse: &[f64], boost: &mut [f64]) -> Vec<u32> {
        let classes = &self.index.classes;
        let prefs = self
            .index
            .angle_features
            .get(angle)
            .map_or(&[][..], Vec::as_slice);
        // The angle's preference per touched class, summed in the order of its features.
        let mut touched: Vec<u32> = Vec::new();
        for &(feature, weight) in prefs {
            for &c in classes.postings(feature) {
                if let Some(slot) = boost.get_mut(c as usize) {
                    if *slot == 0.0 {
                        touched.push(c);
                    }
                    *slot += weight;
                }
            }
        }
        let mut ranked: Vec<Ranked> = touched
            .iter()
            .filter_map(|&c| {
                let b = boost.get_mut(c as usize).map_or(0.0, std::mem::take);
                let score = coarse.get(c as usize).copied().filter(|s| s.is_finite())?;
                Some(Ranked(score + self.weights.angle_prefs * b, c))
            })
            .collect();
        // The best few dozen classes usually hold the best groups: only they are sorted (with
        // every class tied with the last of them), the rest only when they do not.
        let head = (PER_ANGLE * 4).min(ranked.len());
        let mut sorted = ranked.len();
        if head > 0 && head < ranked.len() {
            ranked.select_nth_unstable_by(head - 1, |a, b| b.cmp(a));
            let cut = ranked.get(head - 1).map_or(0.0, |r| r.0);
            let rest = ranked.get_mut(head..).unwrap_or_default();
            // Ties with the cut move into the head so a score level is never split.
            let mut end = 0;
            for i in 0..rest.len() {
                if rest.get(i).is_some_and(|r| r.0.total_cmp(&cut).is_eq()) {
                    rest.swap(i, end);
                    end += 1;
                }
            }
            sorted = head + end;
        }
        if let Some(top) = ranked.get_mut(..sorted) {
            top.sort_unstable_by(|a, b| b.cmp(a));
        }
        let mut groups: Vec<u32> = Vec::with_capacity(PER_ANGLE);
        let mut start = 0;
        while start < ranked.len() && groups.len() < PER_ANGLE {
            if start == sorted {
                if let Some(rest) = ranked.get_mut(sorted..) {
                    rest.sort_unstable_by(|a, b| b.cmp(a));
                }
                sorted = ranked.len();
            }
            // One score level: its classes' item groups by their first product's position, as
            // if the products were ranked one by one (a class adds at most `PER_ANGLE`).
            let score = ranked.get(start).map_or(0.0, |r| r.0);
            let end = ranked
                .iter()
                .skip(start)
                .take(sorted - start)
                .position(|r| r.0.total_cmp(&score).is_ne())
                .map_or(sorted, |n| start + n);
            let mut firsts: Vec<(u32, u32)> = ranked
                .get(start..end)
                .unwrap_or_default()
                .iter()
                .flat_map(|r| {
                    classes
                        .groups(r.1)
                        .iter()
                        .take(PER_ANGLE)
                        .map(|&(g, first)| (first, g))
                })
                .collect();
            firsts.sort_unstable();
            for (_, group) in firsts {
                if groups.len() == PER_ANGLE {
                    break;
                }
                if !groups.contains(&group) {
                    groups.push(group);
                }
            }
            start = end;
        }
        groups
    }
}
