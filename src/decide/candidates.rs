//! Which products a decision chooses from: eligible candidates (relaxing "not bought
//! recently" and gender/size when nothing qualifies, sizes compared within one size system)
//! and the alternates shown under the hero (one per item group, never two of one style).

use super::DecideContext;
use super::scoring::{Eligibility, Scored, Scorer};
use crate::profile::Profile;

/// Eligible candidates, relaxing "not bought recently" and gender/size when nothing qualifies.
pub(super) fn candidates(
    profile: &Profile,
    ctx: &DecideContext,
    scorer: &Scorer,
    want: usize,
    angles: &[usize],
) -> (Vec<Scored>, Option<String>) {
    let catalog = ctx.catalog;
    let mut bought: Vec<u32> = profile
        .bought_groups
        .iter()
        .filter(|(_, days)| *days <= ctx.config.recently_bought_days)
        .filter_map(|(group, _)| catalog.group_index(group))
        .collect();
    bought.sort_unstable();
    let strict = Eligibility {
        // A size only rules out a variant sized in the same system: a customer who buys
        // trousers in 10 says nothing about which letter size of jacket fits.
        fit: ctx.index.classes.fit_check(ctx.gender, ctx.size),
        bought,
    };
    let list = scorer.shortlist(want, Some(&strict), angles);
    if !list.is_empty() {
        return (list, None);
    }
    let relaxed = scorer.shortlist(want, None, angles);
    let note = (!relaxed.is_empty())
        .then(|| "fallback: every eligible product was bought recently or does not fit; showing the best available".to_string());
    (relaxed, note)
}

/// Alternates under the chosen angle: best first, one per item group, none from the hero's group.
pub(super) fn alternates(
    shortlist: &[Scored],
    prefs: &[Vec<f64>],
    hero: Option<usize>,
    angle: usize,
    ctx: &DecideContext,
) -> Vec<String> {
    let weight = ctx.config.weights.angle_prefs;
    let mut ranked: Vec<(usize, f64)> = shortlist
        .iter()
        .zip(prefs)
        .map(|(s, p)| {
            (
                s.index,
                s.score + weight * p.get(angle).copied().unwrap_or(0.0),
            )
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut groups: Vec<u32> = hero.map(|h| ctx.catalog.group(h)).into_iter().collect();
    let look_of = |i: usize| ctx.index.looks.get(i).copied();
    let mut looks: Vec<u32> = hero.and_then(look_of).into_iter().collect();
    let mut out = Vec::new();
    for (i, _) in ranked {
        if out.len() >= ctx.config.alternates {
            break;
        }
        let group = ctx.catalog.group(i);
        let Some(p) = ctx.catalog.product(i) else {
            continue;
        };
        // Never two near-identical products: another item group of the same style (the same
        // title in another colour or length, sent without a shared item group) is skipped.
        if groups.contains(&group) {
            continue;
        }
        let key = look_of(i);
        if !key.is_some_and(|k| looks.contains(&k)) {
            groups.push(group);
            looks.extend(key);
            out.push(p.id.clone());
        }
    }
    out
}

/// A product's style for near-duplicate checks: its title without what follows a dash or a
/// digit (colour, length, inseam), lower-cased.
pub(super) fn look(p: &crate::input::Product) -> String {
    let title = p.title.split([' ', '\u{a0}']).take_while(|w| {
        !w.starts_with(['-', '–', '|', '(']) && !w.starts_with(|c: char| c.is_ascii_digit())
    });
    title.collect::<Vec<_>>().join(" ").to_lowercase()
}
