//! Decide stage: Profile + Catalog + angle library -> [`Decision`].
//!
//! Product and angle are chosen jointly: every (angle, candidate) pair gets
//! `angle score + product fit + angle/product affinity`, so many signals weigh at once rather
//! than "if bought X show Y". Contract: deterministic in (profile, catalog, config, seed); every
//! decision names its reasons with numbers; an empty or sold-out catalog yields a decision
//! without a product and says why (never an error, never a panic).

pub mod angles;
mod offer;
pub mod seed;

pub use angles::{Angle, AngleCopy};
pub use offer::{OfferDecision, Positioning, choose_offer};

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::CampaignConfig;
use crate::input::{Catalog, Product};
use crate::profile::{Lifecycle, Profile, round3};

/// Candidates kept after the product pre-score, before pairing with angles.
const SHORTLIST: usize = 40;
/// Weight of an angle's product preferences in the joint score: they steer which product an
/// angle shows more than which angle wins (the triggers already count the same evidence).
const ANGLE_PREF_WEIGHT: f64 = 0.4;

/// Named score contributions, largest first (shown as reasons).
type Parts = Vec<(String, f64)>;

/// The choice for one customer, with its reasons and scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    /// Hero product (`null` only when nothing in the catalog can be shown).
    pub product_id: Option<String>,
    /// Further products to show, best first, distinct item groups.
    pub alternates: Vec<String>,
    /// Chosen angle id.
    pub angle: String,
    /// Offer and price positioning.
    pub offer: OfferDecision,
    /// Copy variant keys chosen per slot, e.g. `comfort-movement/subject/1`.
    pub copy_keys: BTreeMap<String, String>,
    /// In the campaign's holdout group (always false until holdouts are configured).
    pub holdout: bool,
    /// Seed used for every choice, as hex (JSON-safe).
    pub seed: String,
    /// Plain-language reasons, most telling first.
    pub reasons: Vec<String>,
    /// Scores behind the choice.
    pub scores: Scores,
    /// Set when a fallback product was used, saying which rule was relaxed.
    pub fallback: Option<String>,
}

/// Scores shown in the preview.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Scores {
    /// Every angle's score from the profile alone, best first.
    #[cfg_attr(test, ts(type = "Array<[string, number]>"))]
    pub angles: Vec<(String, f64)>,
    /// The hero product's score parts (`tags`, `category`, `viewed`, `angle`...).
    #[cfg_attr(test, ts(type = "Array<[string, number]>"))]
    pub product: Vec<(String, f64)>,
    /// Eligible candidates.
    pub candidates: u32,
}

/// Everything `decide` reads besides the profile.
pub struct DecideContext<'a> {
    /// Indexed catalog.
    pub catalog: &'a Catalog,
    /// Angle library.
    pub angles: &'a [Angle],
    /// Campaign settings.
    pub config: &'a CampaignConfig,
    /// Customer gender from attributes, lower-cased.
    pub gender: Option<&'a str>,
    /// Seed from customer, campaign and send ids.
    pub seed: u64,
    /// The customer has a first name; otherwise variants that address them by name are skipped.
    pub has_name: bool,
}

/// Decides product, alternates, angle and offer for one profile.
pub fn decide(profile: &Profile, ctx: &DecideContext) -> Decision {
    let features = angles::features(profile, ctx.catalog);
    let mut angle_scores: Vec<(&Angle, f64, Parts)> = ctx
        .angles
        .iter()
        .map(|a| {
            let (score, parts) = angles::score_angle(a, &features);
            (a, score, parts)
        })
        .collect();
    angle_scores.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));

    let (candidates, fallback) = candidates(profile, ctx);
    let mut shortlist: Vec<(&Product, f64, Parts)> = candidates
        .iter()
        .map(|p| {
            let (fit, parts) = product_fit(p, profile, &features);
            (*p, fit, parts)
        })
        .collect();
    shortlist.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));
    shortlist.truncate(SHORTLIST);

    // Joint choice over (angle, product) pairs.
    let mut best: Option<(usize, usize, f64, f64)> = None; // (angle idx, product idx, total, pref)
    for (ai, (angle, a_score, _)) in angle_scores.iter().enumerate() {
        for (pi, (product, fit, _)) in shortlist.iter().enumerate() {
            let pref = angle_pref(angle, product);
            let total = a_score + fit + pref;
            if best.is_none_or(|(_, _, t, _)| total > t + 1e-12) {
                best = Some((ai, pi, total, pref));
            }
        }
    }
    let (angle_idx, hero) = match best {
        Some((ai, pi, _, pref)) => (
            ai,
            shortlist
                .get(pi)
                .map(|(p, _, parts)| (*p, parts.clone(), pref)),
        ),
        None => (0, None),
    };
    let Some((angle, angle_score, angle_parts)) = angle_scores.get(angle_idx) else {
        // NOTE: unreachable in practice: the library is validated non-empty at build time.
        return empty_decision(ctx.seed);
    };

    let mut alternates: Vec<(&Product, f64)> = shortlist
        .iter()
        .map(|(p, fit, _)| (*p, fit + angle_pref(angle, p)))
        .collect();
    alternates.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));
    let mut groups: Vec<&str> = hero
        .iter()
        .map(|(p, _, _)| p.item_group_id.as_str())
        .collect();
    let mut alternate_ids = Vec::new();
    for (p, _) in alternates {
        if alternate_ids.len() >= ctx.config.alternates {
            break;
        }
        if !groups.contains(&p.item_group_id.as_str()) {
            groups.push(&p.item_group_id);
            alternate_ids.push(p.id.clone());
        }
    }

    let offer = choose_offer(profile, &ctx.config.offer_policy);
    let mut reasons = vec![format!(
        "angle `{}` scored {:.2}{}",
        angle.id,
        angle_score,
        describe_parts(angle_parts)
    )];
    let mut product_parts = Vec::new();
    if let Some((p, parts, pref)) = &hero {
        product_parts = parts.iter().map(|(k, v)| (k.clone(), round3(*v))).collect();
        product_parts.push(("angle".into(), round3(*pref)));
        reasons.push(format!(
            "product `{}` fits{}",
            p.title,
            describe_parts(&product_parts)
        ));
    } else {
        reasons.push(
            "no product can be shown: nothing in the catalog is in stock with an image".into(),
        );
    }
    reasons.push(offer.reason.clone());
    if let Some(fallback) = &fallback {
        reasons.push(fallback.clone());
    }

    let c = &angle.copy;
    let copy_keys = c
        .slots()
        .into_iter()
        .map(|(slot, variants)| {
            // Without a first name, prefer variants that do not address the reader by name.
            let usable: Vec<usize> = (0..variants.len())
                .filter(|i| {
                    ctx.has_name || !variants.get(*i).is_some_and(|v| v.contains("name }}"))
                })
                .collect();
            let index = if usable.is_empty() {
                seed::pick(ctx.seed, slot, variants.len())
            } else {
                usable
                    .get(seed::pick(ctx.seed, slot, usable.len()))
                    .copied()
                    .unwrap_or(0)
            };
            (slot.to_string(), format!("{}/{slot}/{index}", angle.id))
        })
        .collect();

    Decision {
        product_id: hero.map(|(p, _, _)| p.id.clone()),
        alternates: alternate_ids,
        angle: angle.id.clone(),
        offer,
        copy_keys,
        holdout: false,
        seed: format!("{:016x}", ctx.seed),
        reasons,
        scores: Scores {
            angles: angle_scores
                .iter()
                .map(|(a, s, _)| (a.id.clone(), round3(*s)))
                .collect(),
            product: product_parts,
            candidates: candidates.len() as u32,
        },
        fallback,
    }
}

fn empty_decision(seed: u64) -> Decision {
    Decision {
        product_id: None,
        alternates: Vec::new(),
        angle: String::new(),
        offer: OfferDecision {
            positioning: Positioning::FullPrice,
            offer: None,
            reason: String::new(),
        },
        copy_keys: BTreeMap::new(),
        holdout: false,
        seed: format!("{seed:016x}"),
        reasons: Vec::new(),
        scores: Scores {
            angles: Vec::new(),
            product: Vec::new(),
            candidates: 0,
        },
        fallback: Some("empty angle library".into()),
    }
}

fn describe_parts(parts: &[(String, f64)]) -> String {
    let shown: Vec<String> = parts
        .iter()
        .filter(|(_, v)| v.abs() >= 0.005)
        .take(4)
        .map(|(k, v)| format!("{k} {v:+.2}"))
        .collect();
    if shown.is_empty() {
        String::new()
    } else {
        format!(" ({})", shown.join(", "))
    }
}

/// Bonus of a product under an angle: the angle's preferences over its tags and categories.
fn angle_pref(angle: &Angle, product: &Product) -> f64 {
    ANGLE_PREF_WEIGHT
        * product
            .tags
            .iter()
            .chain(product.categories.iter())
            .filter_map(|k| angle.product_prefs.get(k))
            .sum::<f64>()
}

/// Eligible products, relaxing rules step by step when nothing qualifies.
fn candidates<'a>(
    profile: &Profile,
    ctx: &DecideContext<'a>,
) -> (Vec<&'a Product>, Option<String>) {
    let config = ctx.config;
    let showable = |p: &&Product| {
        p.is_available()
            && p.image_link.is_some()
            && !config.exclude_product_ids.contains(&p.id)
            && !p.tags.iter().any(|t| config.exclude_tags.contains(t))
    };
    let fresh = |p: &&Product| {
        !profile
            .bought_groups
            .iter()
            .any(|(group, days)| *group == p.item_group_id && *days <= config.recently_bought_days)
    };
    let fits_gender = |p: &&Product| match (ctx.gender, p.gender.as_deref()) {
        (Some(want), Some(have)) => have == want || have == "unisex",
        _ => true,
    };
    let all = ctx.catalog.products();
    let strict: Vec<&Product> = all
        .iter()
        .filter(showable)
        .filter(fresh)
        .filter(fits_gender)
        .collect();
    if !strict.is_empty() {
        return (strict, None);
    }
    let relaxed: Vec<&Product> = all.iter().filter(showable).collect();
    let note = (!relaxed.is_empty())
        .then(|| "fallback: every eligible product was bought recently or does not fit; showing the best available".to_string());
    (relaxed, note)
}

/// Fit of a product to a profile, with named parts.
fn product_fit(
    p: &Product,
    profile: &Profile,
    features: &BTreeMap<String, f64>,
) -> (f64, Vec<(String, f64)>) {
    let feature = |name: String| features.get(&name).copied().unwrap_or(0.0);
    let has = |tag: &str| p.tags.iter().any(|t| t == tag);
    let s = &profile.style;
    let mut parts: Vec<(String, f64)> = Vec::with_capacity(8);
    let tags: f64 = p
        .tags
        .iter()
        .map(|t| feature(format!("tag:{t}")))
        .sum::<f64>()
        * 0.6;
    parts.push(("tags".into(), tags));
    let cats: f64 = p
        .categories
        .iter()
        .map(|c| feature(format!("cat:{c}")))
        .sum::<f64>()
        * 0.5;
    parts.push(("category".into(), cats));
    if has("new-collection") {
        parts.push(("novelty".into(), s.novelty));
    }
    if has("matching-set") {
        parts.push(("sets".into(), s.set_buying));
    }
    if p.sale_price_minor.is_some() {
        parts.push(("sale".into(), s.discount_sensitivity * 0.8));
    }
    if let Some(typical) = s.typical_price_minor.filter(|t| *t > 0) {
        let log_ratio = (p.effective_price_minor() as f64 / typical as f64).ln();
        parts.push(("price".into(), 0.5 * (-(log_ratio * log_ratio) / 0.3).exp()));
    }
    if let Some(rank) = profile.recently_viewed.iter().position(|id| *id == p.id) {
        parts.push(("viewed".into(), 1.2 * 0.8f64.powi(rank as i32)));
    }
    if profile.lifecycle == Lifecycle::Browser && has("entry") {
        parts.push(("entry".into(), 1.2));
    }
    parts.retain(|(_, v)| v.abs() > 1e-9);
    parts.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then_with(|| a.0.cmp(&b.0)));
    (parts.iter().map(|(_, v)| v).sum(), parts)
}
