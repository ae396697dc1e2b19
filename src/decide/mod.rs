//! Decide stage: Profile + Catalog + angle library -> [`Decision`].
//!
//! Product and angle are chosen jointly: each angle is worth its trigger score plus the best
//! `product score + angle preference` among eligible products, so many signals weigh at once
//! rather than "if bought X show Y". With bandit state, angles within a margin of the best
//! compete by Thompson sampling; a hashed holdout gets the campaign's default email.
//! Contract: deterministic in (profile, catalog, config, seed, bandit state); every decision
//! names its reasons with numbers; an empty or sold-out catalog yields a decision without a
//! product that says why (never an error, never a panic).

pub mod angles;
pub mod bandit;
mod candidates;
mod classes;
mod index;
mod offer;
mod sampling;
pub mod scoring;
pub mod seed;

pub use angles::{Angle, AngleCopy};
pub use bandit::{BanditChoice, BanditState, Outcome, record_outcome};
pub use offer::{OfferDecision, Positioning, choose_offer};
pub use scoring::DecideIndex;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::CampaignConfig;
use crate::input::Catalog;
use crate::profile::{Lifecycle, Profile, round3};
use candidates::{alternates, candidates};
use scoring::{Scored, Scorer};

/// How much the best product's own score adds to an angle's value. Behaviour decides the
/// angle; the product can tip a close call (and an angle with nothing to show loses), but an
/// angle that can show "anything they like" must not outvote one that shows what fits.
const PRODUCT_SHARE: f64 = 0.25;

/// Angles, by trigger score, whose preferred products join the shortlist.
const LEADING_ANGLES: usize = 3;

/// Named score contributions, largest first (shown as reasons).
pub type Parts = Vec<(String, f64)>;

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
    /// In the campaign's holdout group: gets the default email.
    pub holdout: bool,
    /// The bandit's draw, when bandit state was passed.
    pub bandit: Option<BanditChoice>,
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
    /// Every angle's value (trigger score + its best product), best first.
    #[cfg_attr(test, ts(type = "Array<[string, number]>"))]
    pub angles: Vec<(String, f64)>,
    /// The hero product's score parts (`tags`, `category`, `viewed`, `angle`...).
    #[cfg_attr(test, ts(type = "Array<[string, number]>"))]
    pub product: Vec<(String, f64)>,
    /// Eligible products fully scored.
    pub candidates: u32,
}

/// Everything `decide` reads besides the profile.
pub struct DecideContext<'a> {
    /// Indexed catalog.
    pub catalog: &'a Catalog,
    /// Per-engine decision index.
    pub index: &'a DecideIndex,
    /// Angle library (same order as the index was built with).
    pub angles: &'a [Angle],
    /// Campaign settings.
    pub config: &'a CampaignConfig,
    /// Customer gender (attribute, else observed), lower-cased.
    pub gender: Option<&'a str>,
    /// Customer size (attribute, else observed).
    pub size: Option<&'a str>,
    /// Seed from customer, campaign and send ids.
    pub seed: u64,
    /// The customer has a first name; otherwise variants that address them by name are skipped.
    pub has_name: bool,
    /// In the holdout group.
    pub holdout: bool,
    /// Bandit posteriors, when the host passes them.
    pub bandit: Option<&'a BanditState>,
}

/// The lifecycle stage as the bandit's arms name it.
pub fn stage_name(lifecycle: Lifecycle) -> &'static str {
    match lifecycle {
        Lifecycle::New => "new",
        Lifecycle::Active => "active",
        Lifecycle::AtRisk => "at_risk",
        Lifecycle::Lapsed => "lapsed",
        Lifecycle::Browser => "browser",
    }
}

/// The value of one angle: triggers plus its best product.
struct AngleValue {
    angle: usize,
    triggers: f64,
    parts: Parts,
    /// Position in the shortlist of the best product under this angle, and its preference.
    best: Option<(usize, f64)>,
    value: f64,
}

/// Decides product, alternates, angle and offer for one profile.
pub fn decide(profile: &Profile, ctx: &DecideContext) -> Decision {
    let config = ctx.config;
    let weights = &config.weights;
    let scorer = Scorer::new(ctx.catalog, ctx.index, weights, profile);
    let want = config.alternates + 1;
    let features = angles::features(profile, ctx.catalog);
    // The angles behaviour favours most bring their own candidates (a layer for someone who
    // buys tees), so the shortlist is not only more of what they already like.
    let triggered: Vec<(f64, Parts)> = ctx
        .angles
        .iter()
        .map(|a| angles::score_angle(a, &features))
        .collect();
    let mut by_trigger: Vec<(usize, f64)> = triggered
        .iter()
        .enumerate()
        .map(|(i, (t, _))| (i, *t))
        .collect();
    by_trigger.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let leading: Vec<usize> = by_trigger
        .iter()
        .take(LEADING_ANGLES)
        .map(|(i, _)| *i)
        .collect();
    let (shortlist, fallback) = candidates(profile, ctx, &scorer, want, &leading);

    // Every angle's preference for every candidate, computed once.
    let prefs: Vec<Vec<f64>> = shortlist
        .iter()
        .map(|s| ctx.index.angle_prefs(ctx.catalog.features(s.index)))
        .collect();
    let mut values: Vec<AngleValue> = triggered
        .into_iter()
        .enumerate()
        .map(|(i, (triggers, parts))| {
            let best = shortlist
                .iter()
                .zip(&prefs)
                .enumerate()
                .map(|(pos, (s, p))| {
                    (
                        pos,
                        weights.angle_prefs * p.get(i).copied().unwrap_or(0.0),
                        s.score,
                    )
                })
                .max_by(|a, b| (a.2 + a.1).total_cmp(&(b.2 + b.1)).then(b.0.cmp(&a.0)));
            // The angle is worth what behaviour says for it plus how good a product it can
            // show: the product's own score and its fit to the angle as a share of the
            // angle's strongest preference, so an angle with strong preferences is not worth
            // more for having them.
            let strongest = ctx.index.strongest_pref(i) * weights.angle_prefs;
            let value = triggers
                + best.map_or(0.0, |(_, pref, score)| {
                    let fit = if strongest > 0.0 {
                        (pref / strongest).clamp(-1.0, 1.0)
                    } else {
                        0.0
                    };
                    PRODUCT_SHARE * score + weights.angle_prefs * fit
                });
            AngleValue {
                angle: i,
                triggers,
                parts,
                best: best.map(|(pos, pref, _)| (pos, pref)),
                value,
            }
        })
        .collect();
    values.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.angle.cmp(&b.angle)));

    let (chosen, bandit_choice) = choose_angle(&values, profile, ctx);
    let Some(chosen) = chosen else {
        return empty_decision(ctx.seed);
    };
    let Some(angle) = ctx.angles.get(chosen.angle) else {
        return empty_decision(ctx.seed);
    };

    // The hero: the angle's best product, or for the holdout the most popular eligible one.
    let hero: Option<(Scored, f64)> = if ctx.holdout {
        let popular = ctx
            .index
            .by_popularity()
            .iter()
            .map(|&i| i as usize)
            .find(|&i| shortlist.iter().any(|s| s.index == i));
        popular
            .and_then(|i| shortlist.iter().find(|s| s.index == i).copied())
            .or_else(|| shortlist.first().copied())
            .map(|s| (s, 0.0))
    } else {
        chosen
            .best
            .and_then(|(pos, pref)| shortlist.get(pos).map(|s| (*s, pref)))
    };

    let alternates = alternates(
        &shortlist,
        &prefs,
        hero.map(|h| h.0.index),
        chosen.angle,
        ctx,
    );
    let offer = if ctx.holdout {
        OfferDecision {
            positioning: Positioning::FullPrice,
            offer: None,
            reason: "holdout: the campaign's default email, no offer".into(),
        }
    } else {
        choose_offer(profile, &config.offer_policy)
    };

    let mut reasons = Vec::new();
    if ctx.holdout {
        reasons.push(format!(
            "holdout group ({:.0}% of customers get the default email)",
            config.holdout.share * 100.0
        ));
    }
    reasons.push(format!(
        "angle `{}` scored {:.2}{}",
        angle.id,
        chosen.triggers,
        describe_parts(&chosen.parts)
    ));
    // The behaviour behind it, in the catalog's words: "studio and low-impact (72% of their
    // interest: 6 views, 2 purchases; described as yoga / buttery-soft)".
    if let Some(a) = chosen.parts.iter().find_map(|(name, v)| {
        (*v > 0.0)
            .then(|| profile.facet_affinities.iter().find(|a| &a.key == name))
            .flatten()
    }) {
        reasons.push(format!("because they engage with {}", a.describe()));
    }
    if let Some(choice) = &bandit_choice {
        let draws: Vec<String> = choice
            .draws
            .iter()
            .map(|(a, d)| format!("{a} {d:.2}"))
            .collect();
        reasons.push(format!(
            "bandit ({} stage) drew {}",
            choice.stage,
            draws.join(", ")
        ));
    }
    let mut product_parts = Vec::new();
    if let Some((s, pref)) = &hero {
        product_parts = scorer.breakdown(s.index);
        if *pref != 0.0 {
            product_parts.push(("angle".into(), round3(*pref)));
        }
        let title = ctx
            .catalog
            .product(s.index)
            .map_or("", |p| p.title.as_str());
        reasons.push(format!(
            "product `{title}` fits{}",
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

    Decision {
        product_id: hero
            .and_then(|(s, _)| ctx.catalog.product(s.index))
            .map(|p| p.id.clone()),
        alternates,
        angle: angle.id.clone(),
        offer,
        copy_keys: copy_keys(angle, ctx),
        holdout: ctx.holdout,
        bandit: bandit_choice,
        seed: format!("{:016x}", ctx.seed),
        reasons,
        scores: Scores {
            angles: values
                .iter()
                .filter_map(|v| {
                    ctx.angles
                        .get(v.angle)
                        .map(|a| (a.id.clone(), round3(v.value)))
                })
                .collect(),
            product: product_parts,
            candidates: shortlist.len() as u32,
        },
        fallback,
    }
}

/// Picks the angle: the holdout's default, a Thompson draw among near-best angles when bandit
/// state is passed, or the best value.
fn choose_angle<'v>(
    values: &'v [AngleValue],
    profile: &Profile,
    ctx: &DecideContext,
) -> (Option<&'v AngleValue>, Option<BanditChoice>) {
    if ctx.holdout {
        let default = values.iter().find(|v| {
            ctx.angles
                .get(v.angle)
                .is_some_and(|a| a.id == ctx.config.holdout.angle)
        });
        return (default.or(values.first()), None);
    }
    let Some(best) = values.first() else {
        return (None, None);
    };
    let margin = ctx.config.bandit.margin;
    let Some(state) = ctx.bandit.filter(|_| margin > 0.0) else {
        return (Some(best), None);
    };
    let near: Vec<&AngleValue> = values
        .iter()
        .filter(|v| v.value >= best.value - margin)
        .collect();
    let ids: Vec<&str> = near
        .iter()
        .filter_map(|v| ctx.angles.get(v.angle).map(|a| a.id.as_str()))
        .collect();
    match bandit::choose(state, stage_name(profile.lifecycle), &ids, ctx.seed) {
        Some((i, choice)) => (near.get(i).copied().or(Some(best)), Some(choice)),
        None => (Some(best), None),
    }
}

/// Copy variant per slot, chosen by the seed; without a first name, variants that address the
/// reader by name are skipped.
fn copy_keys(angle: &Angle, ctx: &DecideContext) -> BTreeMap<String, String> {
    angle
        .copy
        .slots()
        .into_iter()
        .map(|(slot, variants)| {
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
        .collect()
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
        bandit: None,
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
