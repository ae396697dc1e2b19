//! Score classes: showable products that score alike for every recipient (the same features,
//! static score and price) and pass the same fit checks (gender, size). Variants that differ
//! only in what no score reads, and catalogs that repeat a product under other ids, collapse
//! into one class, so per-recipient work grows with the distinct classes, not the products.

use crate::input::{Catalog, FnvMap};

/// A product's gender and size, interned so per-recipient eligibility compares numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(super) struct Fit {
    /// Interned gender, `NONE` when the product has none.
    gender: u32,
    /// Size system of the product's size (see [`SizeSystem`]).
    size_system: SizeSystem,
    /// Interned size (trimmed, ASCII upper-case), `NONE` when the product has none.
    size: u32,
}

const NONE: u32 = u32::MAX;

/// How a size label is written: numeric (`10`, `28`), letters (`XS`..`XXXL`), or neither
/// (`One Size`, `A/B Cup`), which never rules a product out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(super) enum SizeSystem {
    /// The product has no size.
    #[default]
    Unsized,
    Neither,
    Numeric,
    Letters,
}

impl SizeSystem {
    fn of(normalized: &str) -> Self {
        if !normalized.is_empty() && normalized.chars().all(|c| c.is_ascii_digit() || c == '.') {
            SizeSystem::Numeric
        } else if matches!(
            normalized,
            "XXS" | "XS" | "S" | "M" | "L" | "XL" | "XXL" | "XXXL" | "2XL" | "3XL" | "4XL"
        ) {
            SizeSystem::Letters
        } else {
            SizeSystem::Neither
        }
    }
}

/// A size as compared: trimmed, ASCII upper-case (so `m ` and `M` are one size).
fn normalized_size(size: &str) -> String {
    size.trim().to_ascii_uppercase()
}

/// The per-engine classes and the interned genders and sizes they are checked against.
#[derive(Debug, Clone, Default)]
pub struct ScoreClasses {
    /// Per product: its class, `NONE` when it cannot be shown.
    class_of: Vec<u32>,
    /// Per class: the static score of its products (finite).
    statics: Vec<f64>,
    /// Per class: the distinct item groups of its products and the position of each one's
    /// first product in the class, in that order.
    groups: Vec<Vec<(u32, u32)>>,
    /// Per class: its gender and size.
    fits: Vec<Fit>,
    /// Per feature id: the classes carrying it, ascending.
    postings: Vec<Vec<u32>>,
    genders: FnvMap<String, u32>,
    sizes: FnvMap<String, u32>,
}

impl ScoreClasses {
    /// Groups the showable products (`static_masked` finite) into classes.
    pub(super) fn build(catalog: &Catalog, static_masked: &[f64]) -> Self {
        let mut classes = ScoreClasses {
            postings: vec![Vec::new(); catalog.vocab().len()],
            ..ScoreClasses::default()
        };
        let mut by_key: FnvMap<(&[u32], u64, i64, Fit), u32> = FnvMap::default();
        for (i, p) in catalog.products().iter().enumerate() {
            let Some(&score) = static_masked.get(i).filter(|s| s.is_finite()) else {
                classes.class_of.push(NONE);
                continue;
            };
            let fit = classes.fit_of(p.gender.as_deref(), p.size.as_deref());
            let features = catalog.features(i);
            let key = (features, score.to_bits(), p.effective_price_minor(), fit);
            let next = classes.statics.len() as u32;
            let class = *by_key.entry(key).or_insert(next);
            if class == next {
                classes.statics.push(score);
                classes.groups.push(Vec::new());
                classes.fits.push(fit);
                for &id in features {
                    if let Some(list) = classes.postings.get_mut(id as usize) {
                        list.push(class);
                    }
                }
            }
            classes.class_of.push(class);
            let group = catalog.group(i);
            if let Some(groups) = classes.groups.get_mut(class as usize) {
                if !groups.iter().any(|&(g, _)| g == group) {
                    groups.push((group, i as u32));
                }
            }
        }
        classes
    }

    /// Interns a product's gender and size.
    fn fit_of(&mut self, gender: Option<&str>, size: Option<&str>) -> Fit {
        let intern = |table: &mut FnvMap<String, u32>, value: String| {
            let next = table.len() as u32;
            *table.entry(value).or_insert(next)
        };
        let (size_system, size) = match size {
            Some(size) => {
                let normalized = normalized_size(size);
                (
                    SizeSystem::of(&normalized),
                    intern(&mut self.sizes, normalized),
                )
            }
            None => (SizeSystem::Unsized, NONE),
        };
        Fit {
            gender: gender.map_or(NONE, |g| intern(&mut self.genders, g.to_string())),
            size_system,
            size,
        }
    }

    /// Number of classes.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.statics.len()
    }

    /// The class of the product at a position, if it can be shown.
    pub(super) fn class_of(&self, product: usize) -> Option<u32> {
        self.class_of.get(product).copied().filter(|&c| c != NONE)
    }

    /// Per class: its static score plus the weights of its features (`weights` by feature id),
    /// added in feature-id order (the order [`super::Scorer`]'s coarse scores always used).
    pub(super) fn coarse(&self, weights: &[f64]) -> Vec<f64> {
        let mut coarse = self.statics.clone();
        for (id, &w) in weights.iter().enumerate() {
            if w != 0.0 {
                for &c in self.postings(id as u32) {
                    if let Some(slot) = coarse.get_mut(c as usize) {
                        *slot += w;
                    }
                }
            }
        }
        coarse
    }

    /// Classes carrying a feature, ascending.
    pub(super) fn postings(&self, feature: u32) -> &[u32] {
        self.postings
            .get(feature as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// Item groups of a class with the position of each one's first product, in that order.
    pub(super) fn groups(&self, class: u32) -> &[(u32, u32)] {
        self.groups.get(class as usize).map_or(&[], Vec::as_slice)
    }

    /// The fit check for one recipient's gender and size (both optional), read once.
    pub(super) fn fit_check(&self, gender: Option<&str>, size: Option<&str>) -> FitCheck {
        let lookup = |table: &FnvMap<String, u32>, value: &str| table.get(value).copied();
        FitCheck {
            gender: gender.map(|g| {
                [
                    lookup(&self.genders, g).unwrap_or(NONE),
                    lookup(&self.genders, "unisex").unwrap_or(NONE),
                ]
            }),
            size: size.map(|s| {
                let normalized = normalized_size(s);
                (
                    SizeSystem::of(&normalized),
                    lookup(&self.sizes, &normalized).unwrap_or(NONE),
                )
            }),
        }
    }

    /// Does the class pass the recipient's fit check?
    pub(super) fn fits(&self, class: u32, check: &FitCheck) -> bool {
        self.fits
            .get(class as usize)
            .is_some_and(|fit| check.passes(fit))
    }
}

/// One recipient's gender and size as interned ids.
#[derive(Debug, Clone, Copy)]
pub(super) struct FitCheck {
    /// The wanted gender and `unisex` (either passes).
    gender: Option<[u32; 2]>,
    size: Option<(SizeSystem, u32)>,
}

impl FitCheck {
    /// A product fits unless it names another gender, or a size in the recipient's size
    /// system that is not theirs (a size in another system, or in none, says nothing).
    fn passes(&self, fit: &Fit) -> bool {
        let gender_ok = match self.gender {
            Some(ok) if fit.gender != NONE => ok.contains(&fit.gender),
            _ => true,
        };
        let size_ok = match self.size {
            Some((system, size)) if fit.size_system == system => {
                system == SizeSystem::Neither || fit.size == size
            }
            _ => true,
        };
        gender_ok && size_ok
    }
}
