//! Evidence accumulation for the profile: affinities and style signals.
//!
//! Products are looked up once per event; their categories, tags and attributes arrive as
//! interned feature ids (see [`crate::input::Vocab`]), so accumulation indexes an array.

use super::affinity::{Affinity, Evidence};
use super::round3;
use crate::input::{Catalog, Event, EventKind, FeatureKind};

/// Signal strength by event kind: a purchase says more than a view.
fn weight(kind: EventKind) -> f64 {
    match kind {
        EventKind::View => 1.0,
        EventKind::Cart | EventKind::Checkout => 3.0,
        EventKind::Wishlist => 2.5,
        EventKind::Purchase => 5.0,
        EventKind::EmailClick => 2.0,
        EventKind::Refund => -5.0,
        EventKind::Visit
        | EventKind::EmailDelivered
        | EventKind::EmailOpen
        | EventKind::Unsubscribe => 0.0,
    }
}

#[derive(Debug, Clone, Default)]
struct Acc {
    weight: f64,
    /// Listed in [`Accumulator::active`].
    seen: bool,
    /// Counts by [`evidence_slot`]: views, carts, wishlists, purchases, clicks.
    counts: [u32; 5],
}

/// Which evidence counter an event kind feeds (none for refunds and email without a product).
fn evidence_slot(kind: EventKind) -> Option<usize> {
    match kind {
        EventKind::View => Some(0),
        EventKind::Cart | EventKind::Checkout => Some(1),
        EventKind::Wishlist => Some(2),
        EventKind::Purchase => Some(3),
        EventKind::EmailClick => Some(4),
        _ => None,
    }
}

impl Acc {
    #[inline]
    fn add(&mut self, slot: Option<usize>, w: f64) {
        self.weight += w;
        if let Some(count) = slot.and_then(|s| self.counts.get_mut(s)) {
            *count += 1;
        }
    }

    #[inline]
    fn merge(&mut self, other: &Acc) {
        self.weight += other.weight;
        for (count, add) in self.counts.iter_mut().zip(&other.counts) {
            *count += add;
        }
    }

    fn evidence(&self) -> Evidence {
        let [views, carts, wishlists, purchases, clicks] = self.counts;
        Evidence {
            views,
            carts,
            wishlists,
            purchases,
            clicks,
        }
    }
}

/// Folds events into affinities and style evidence.
pub(super) struct Accumulator<'a> {
    catalog: &'a Catalog,
    /// ln 2 / half-life, so decay is one `exp`.
    decay_rate: f64,
    /// Per catalog feature id.
    features: Vec<Acc>,
    /// Ids of the features some event touched, in first-touch order: the affinities read
    /// these, so a profile costs what the customer did, not the size of the vocabulary.
    active: Vec<u32>,
    /// Categories named by events whose product is not in the catalog.
    other_categories: Vec<(String, Acc)>,
    total: f64,
    novelty: f64,
    sets: f64,
    sale_interest: f64,
    purchase_lines: u32,
    discounted_lines: u32,
    product_views: u32,
    paid_prices: Vec<i64>,
    viewed_prices: Vec<i64>,
    /// (days ago, product index) of views, cart adds and wishlist adds.
    recent: Vec<(f64, usize)>,
    /// (item group, days since the last purchase in it).
    bought_groups: Vec<(u32, f64)>,
    bought_products: Vec<usize>,
    genders: Vec<(&'a str, u32)>,
    sizes: Vec<(&'a str, u32)>,
    unknown_products: u32,
    /// (product index, evidence slot, weight) per product event, folded into the features
    /// once per distinct product by [`Accumulator::finish`].
    product_signals: Vec<(usize, Option<usize>, f64)>,
    /// Distinct products they showed interest in (index order), for facet evidence words.
    touched: Vec<usize>,
}

/// Distinct products whose words describe a customer's facets.
const MAX_TOUCHED: usize = 200;

fn count<'a>(tally: &mut Vec<(&'a str, u32)>, key: &'a str) {
    match tally.iter_mut().find(|(k, _)| *k == key) {
        Some((_, n)) => *n += 1,
        None => tally.push((key, 1)),
    }
}

impl<'a> Accumulator<'a> {
    /// `events` sizes the buffers: one growth each instead of a dozen.
    pub fn new(catalog: &'a Catalog, half_life_days: f64, events: usize) -> Self {
        Accumulator {
            catalog,
            decay_rate: std::f64::consts::LN_2 / half_life_days,
            features: vec![Acc::default(); catalog.vocab().len()],
            active: Vec::with_capacity(64),
            other_categories: Vec::new(),
            total: 0.0,
            novelty: 0.0,
            sets: 0.0,
            sale_interest: 0.0,
            purchase_lines: 0,
            discounted_lines: 0,
            product_views: 0,
            paid_prices: Vec::new(),
            viewed_prices: Vec::with_capacity(events),
            recent: Vec::with_capacity(events),
            bought_groups: Vec::new(),
            bought_products: Vec::new(),
            genders: Vec::new(),
            sizes: Vec::new(),
            unknown_products: 0,
            product_signals: Vec::with_capacity(events),
            touched: Vec::with_capacity(events.min(MAX_TOUCHED)),
        }
    }

    pub fn add(&mut self, event: &Event, days_ago: f64) {
        let base = weight(event.kind);
        if base == 0.0 || (event.product_id.is_none() && event.categories.is_empty()) {
            return;
        }
        // Half-life decay, 0.5^(days / half-life), as one exp.
        let w = base * (-self.decay_rate * days_ago).exp();
        let slot = evidence_slot(event.kind);
        let index = event
            .product_id
            .as_deref()
            .and_then(|id| self.catalog.index_of(id));
        self.total += w;
        let Some((index, p)) = index.and_then(|i| self.catalog.product(i).map(|p| (i, p))) else {
            if event.product_id.is_some() {
                self.unknown_products += 1;
            }
            self.add_named_categories(event, w);
            return;
        };
        self.product_signals.push((index, slot, w));
        let flags = self.catalog.flags(index);
        if flags.new_collection {
            self.novelty += w;
        }
        if flags.matching_set {
            self.sets += w;
        }
        if flags.on_sale {
            self.sale_interest += w.abs();
        }
        match event.kind {
            EventKind::View => {
                self.product_views += 1;
                self.viewed_prices.push(p.effective_price_minor());
            }
            EventKind::Purchase => {
                self.purchase_lines += 1;
                // A missing, zero or negative price paid is bad data: the catalog price stands in.
                let paid = event
                    .unit_price_minor
                    .filter(|paid| *paid > 0)
                    .unwrap_or_else(|| p.effective_price_minor());
                if event.coupon || paid < p.price_minor {
                    self.discounted_lines += 1;
                }
                self.paid_prices.push(paid);
                let group = self.catalog.group(index);
                match self.bought_groups.iter_mut().find(|(g, _)| *g == group) {
                    Some((_, days)) => *days = days.min(days_ago),
                    None => self.bought_groups.push((group, days_ago)),
                }
                self.bought_products.push(index);
                if let Some(gender) = p.gender.as_deref().filter(|g| *g != "unisex") {
                    count(&mut self.genders, gender);
                }
                if let Some(size) = p
                    .size
                    .as_deref()
                    .filter(|s| !s.eq_ignore_ascii_case("one size"))
                {
                    count(&mut self.sizes, size);
                }
            }
            _ => {}
        }
        if matches!(
            event.kind,
            EventKind::View | EventKind::Cart | EventKind::Wishlist
        ) {
            self.recent.push((days_ago, index));
        }
    }

    /// Folds the product events into the features: each distinct product's events are summed
    /// first (in event order), then added to each of its features once, so a customer who
    /// viewed one legging twenty times costs one pass over its features, not twenty.
    pub fn finish(&mut self) {
        let mut signals = std::mem::take(&mut self.product_signals);
        // Stable: a product's events keep their order, so its sum is the same in every run.
        signals.sort_by_key(|&(index, _, _)| index);
        let mut rest = signals.as_slice();
        while let Some(&(index, _, _)) = rest.first() {
            let run = rest.iter().take_while(|s| s.0 == index).count();
            let (events, tail) = rest.split_at(run);
            rest = tail;
            let mut product = Acc::default();
            for &(_, slot, w) in events {
                product.add(slot, w);
            }
            if events.iter().any(|&(_, _, w)| w > 0.0) {
                self.touched.push(index);
            }
            for &id in self.catalog.features(index) {
                if let Some(acc) = self.features.get_mut(id as usize) {
                    if !acc.seen {
                        acc.seen = true;
                        self.active.push(id);
                    }
                    acc.merge(&product);
                }
            }
        }
    }

    /// Categories sent with an event whose product the catalog lacks: kept as evidence.
    fn add_named_categories(&mut self, event: &Event, w: f64) {
        let slot = evidence_slot(event.kind);
        for category in &event.categories {
            let key = category.trim().to_lowercase();
            if let Some(id) = self.catalog.vocab().get(FeatureKind::Category, &key) {
                if let Some(acc) = self.features.get_mut(id as usize) {
                    if !acc.seen {
                        acc.seen = true;
                        self.active.push(id);
                    }
                    acc.add(slot, w);
                }
                continue;
            }
            match self.other_categories.iter_mut().find(|(k, _)| *k == key) {
                Some((_, acc)) => acc.add(slot, w),
                None => {
                    let mut acc = Acc::default();
                    acc.add(slot, w);
                    self.other_categories.push((key, acc));
                }
            }
        }
    }

    pub fn style(&self, catalog_median: i64, orders: u32) -> super::StyleSignals {
        let share = |v: f64| {
            if self.total > 1e-9 {
                round3((v / self.total).clamp(0.0, 1.0))
            } else {
                0.0
            }
        };
        let discount = if self.purchase_lines > 0 {
            (f64::from(self.discounted_lines) + 0.3) / (f64::from(self.purchase_lines) + 1.0)
        } else {
            share(self.sale_interest) * 0.8
        };
        let views = f64::from(self.product_views);
        let browse = if orders == 0 {
            1.0 - (-views / 5.0).exp()
        } else {
            views / (views + 6.0 * f64::from(orders))
        };
        let typical = median(if self.paid_prices.is_empty() {
            &self.viewed_prices
        } else {
            &self.paid_prices
        });
        super::StyleSignals {
            novelty: share(self.novelty),
            set_buying: share(self.sets),
            discount_sensitivity: round3(discount.clamp(0.0, 1.0)),
            browse_without_buying: round3(browse.clamp(0.0, 1.0)),
            price_ratio: typical
                .filter(|_| catalog_median > 0)
                .map(|t| round3(t as f64 / catalog_median as f64)),
            typical_price_minor: typical,
        }
    }

    /// Top facets by their share of all product interest (a facet of every product they
    /// touched reads 1), with the words that gave them. Price states (`offer:*`, `tier:*`)
    /// are not interests.
    pub fn top_facets(&self, n: usize) -> Vec<Affinity> {
        let vocab = self.catalog.vocab();
        let mut facets: Vec<(u32, &Acc)> = self
            .of_kind(&self.active, FeatureKind::Facet)
            .filter(|&(id, acc)| {
                acc.weight > 1e-9
                    && !vocab.name(id).starts_with("offer:")
                    && !vocab.name(id).starts_with("tier:")
            })
            .collect();
        facets.sort_by(|a, b| {
            b.1.weight
                .total_cmp(&a.1.weight)
                .then_with(|| vocab.name(a.0).cmp(vocab.name(b.0)))
        });
        facets.truncate(n);
        let mut words = self.facet_words(&facets);
        facets
            .iter()
            .enumerate()
            .map(|(slot, &(id, acc))| {
                let name = vocab.name(id);
                Affinity {
                    key: name.to_string(),
                    score: if self.total > 1e-9 {
                        round3((acc.weight / self.total).clamp(0.0, 1.0))
                    } else {
                        0.0
                    },
                    evidence: acc.evidence(),
                    words: words.get_mut(slot).map(std::mem::take).unwrap_or_default(),
                    label: self.catalog.facet_label(name).to_string(),
                }
            })
            .collect()
    }

    /// Per top facet: the three most frequent evidence words over the distinct products they
    /// engaged with (ties by spelling). Linear in the words read: the products' interned
    /// (facet, word) pairs are bucketed by facet and counted in one word-indexed array.
    fn facet_words(&self, facets: &[(u32, &Acc)]) -> Vec<Vec<String>> {
        let touched = &self.touched;
        // Feature id -> 1 + its slot among the top facets (0: not a top facet).
        let vocab_len = self.catalog.vocab().len();
        let mut slot_of = vec![0u8; vocab_len];
        for (slot, (id, _)) in facets.iter().enumerate() {
            if let Some(s) = slot_of.get_mut(*id as usize) {
                *s = u8::try_from(slot + 1).unwrap_or(0);
            }
        }
        // The top facets' words, grouped by facet with a counting sort (one buffer).
        let mut pairs: Vec<(usize, u32)> = Vec::with_capacity(touched.len() * 4);
        for &index in touched.iter().take(MAX_TOUCHED) {
            for &(feature, word) in self.catalog.facet_words(index) {
                if let Some(&s) = slot_of.get(feature as usize) {
                    if s > 0 {
                        pairs.push((usize::from(s) - 1, word));
                    }
                }
            }
        }
        let mut starts = vec![0usize; facets.len() + 1];
        for &(slot, _) in &pairs {
            if let Some(n) = starts.get_mut(slot + 1) {
                *n += 1;
            }
        }
        for i in 1..starts.len() {
            let before = starts.get(i - 1).copied().unwrap_or(0);
            if let Some(n) = starts.get_mut(i) {
                *n += before;
            }
        }
        let mut grouped = vec![0u32; starts.last().copied().unwrap_or(0)];
        let mut next = starts.clone();
        for &(slot, word) in &pairs {
            if let Some(at) = next.get_mut(slot) {
                if let Some(cell) = grouped.get_mut(*at) {
                    *cell = word;
                }
                *at += 1;
            }
        }
        let buckets = starts.windows(2).map(|w| match *w {
            [from, to] => grouped.get(from..to).unwrap_or(&[]),
            _ => &[],
        });
        let words = self.catalog.words();
        let mut counts = vec![0u32; words.len()];
        let mut distinct: Vec<u32> = Vec::new();
        buckets
            .map(|bucket| {
                distinct.clear();
                for &word in bucket {
                    if let Some(n) = counts.get_mut(word as usize) {
                        if *n == 0 {
                            distinct.push(word);
                        }
                        *n += 1;
                    }
                }
                let count = |w: u32| counts.get(w as usize).copied().unwrap_or(0);
                let spelling = |w: u32| words.get(w as usize);
                distinct.sort_unstable_by(|&a, &b| {
                    count(b)
                        .cmp(&count(a))
                        .then_with(|| spelling(a).cmp(&spelling(b)))
                });
                let top: Vec<String> = distinct
                    .iter()
                    .take(3)
                    .filter_map(|&w| spelling(w).cloned())
                    .collect();
                for &w in &distinct {
                    if let Some(n) = counts.get_mut(w as usize) {
                        *n = 0;
                    }
                }
                top
            })
            .collect()
    }

    /// Features of one kind among `ids`, with their evidence.
    fn of_kind<'s>(
        &'s self,
        ids: &'s [u32],
        kind: FeatureKind,
    ) -> impl Iterator<Item = (u32, &'s Acc)> {
        let vocab = self.catalog.vocab();
        ids.iter().filter_map(move |&id| {
            let acc = self.features.get(id as usize)?;
            (vocab.kind(id) == Some(kind)).then_some((id, acc))
        })
    }

    /// Top categories, tags and attributes (`color:*`, `size:*`).
    pub fn top_affinities(&self, n: usize) -> [Vec<Affinity>; 3] {
        let vocab = self.catalog.vocab();
        // In id order, so each kind's total sums in the same order whatever the events' order.
        let mut ids = self.active.clone();
        ids.sort_unstable();
        let of_kind = |kind: FeatureKind| {
            self.of_kind(&ids, kind)
                .map(|(id, acc)| (vocab.name(id), acc))
        };
        let others = self
            .other_categories
            .iter()
            .map(|(k, acc)| (k.as_str(), acc));
        [
            top(of_kind(FeatureKind::Category).chain(others), n),
            top(of_kind(FeatureKind::Tag), n),
            top(of_kind(FeatureKind::Attribute), n),
        ]
    }

    /// Gender and size of the products bought most often (unisex and one-size left out).
    pub fn observed(&self) -> (Option<String>, Option<String>) {
        let most = |tally: &[(&str, u32)]| {
            tally
                .iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(k, _)| (*k).to_string())
        };
        (most(&self.genders), most(&self.sizes))
    }

    pub fn recently_viewed(&self, within_days: f64) -> Vec<String> {
        let mut recent: Vec<&(f64, usize)> = self
            .recent
            .iter()
            .filter(|(d, _)| *d <= within_days)
            .collect();
        recent.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut out: Vec<usize> = Vec::new();
        for &&(_, index) in &recent {
            if !out.contains(&index) && !self.bought_products.contains(&index) {
                out.push(index);
            }
            if out.len() == 10 {
                break;
            }
        }
        out.into_iter()
            .filter_map(|i| self.catalog.product(i))
            .map(|p| p.id.clone())
            .collect()
    }

    /// Item groups bought (by name), with days since the last purchase in each.
    pub fn bought_groups(&self) -> Vec<(String, f64)> {
        let mut groups: Vec<(String, f64)> = self
            .bought_products
            .iter()
            .filter_map(|&i| {
                let group = self.catalog.group(i);
                let days = self
                    .bought_groups
                    .iter()
                    .find(|(g, _)| *g == group)
                    .map(|(_, d)| *d)?;
                Some((self.catalog.product(i)?.item_group_id.clone(), round3(days)))
            })
            .collect();
        groups.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        groups.dedup_by(|a, b| a.0 == b.0);
        groups
    }

    pub fn unknown_products(&self) -> u32 {
        self.unknown_products
    }
}

fn top<'k>(items: impl Iterator<Item = (&'k str, &'k Acc)>, n: usize) -> Vec<Affinity> {
    let items: Vec<(&str, &Acc)> = items.collect();
    let total: f64 = items.iter().map(|(_, a)| a.weight.max(0.0)).sum();
    let mut positive: Vec<(&str, &Acc)> =
        items.into_iter().filter(|(_, a)| a.weight > 1e-9).collect();
    positive.sort_by(|a, b| b.1.weight.total_cmp(&a.1.weight).then_with(|| a.0.cmp(b.0)));
    positive
        .into_iter()
        .take(n)
        .map(|(key, acc)| Affinity {
            key: key.to_string(),
            score: if total > 0.0 {
                round3(acc.weight / total)
            } else {
                0.0
            },
            evidence: acc.evidence(),
            words: Vec::new(),
            label: String::new(),
        })
        .collect()
}

fn median(values: &[i64]) -> Option<i64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    sorted.get(sorted.len() / 2).copied()
}
