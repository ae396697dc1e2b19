//! `mailfit generate`: realistic customer files of any size, seeded and deterministic.
//!
//! Behaviours as in the samples (studio, performance, sets and new arrivals, everyday basics,
//! deal seekers, browsers who never bought, in-store shoppers, lapsed and new customers), each
//! drawing products from the catalog by what the engine understood of them (`focus:studio`,
//! `role:set`, `offer:sale`, ...), popular products more often. Histories mix purchases online
//! and in store, views, carts, wishlists, email deliveries, opens and clicks, unsubscribes and
//! unknown events, in the three accepted shapes (Segment, Klaviyo, canonical) per customer.
//! Customer `i` depends only on the seed and `i`.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use mailfit::input::{Product, format_timestamp, parse_timestamp};
use serde_json::{Value, json};

use crate::catalog::{self, CatalogArgs};
use crate::fatal::{Fatal, Result};

const DAY: i64 = 86_400;

/// `mailfit generate` options.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    catalog: CatalogArgs,
    /// How many customers (lines) to write.
    #[arg(long, value_name = "N")]
    customers: u64,
    /// Seed: the same seed, catalog and count give the same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Histories end before this time (ISO 8601 or Unix seconds).
    #[arg(long, default_value = "2026-11-20T12:00:00Z", value_name = "TIME")]
    now: String,
    /// Campaign file, for the currency of feeds whose prices carry none.
    #[arg(long, value_name = "FILE.json")]
    campaign: Option<PathBuf>,
    /// Customer ids are this prefix and a number.
    #[arg(long, default_value = "G", value_name = "TEXT")]
    id_prefix: String,
}

/// SplitMix64: small, fast, good enough for test data, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Self {
        let mut rng = Rng(seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        rng.next();
        rng
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn float(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.float() < p
    }

    /// Uniform in lo..=hi.
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        let span = (hi - lo + 1).max(1) as u64;
        lo + (self.next() % span) as i64
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            return None;
        }
        items.get((self.next() % items.len() as u64) as usize)
    }

    /// An index by weight.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        let mut x = self.next() % total.max(1);
        for (i, &w) in weights.iter().enumerate() {
            if x < u64::from(w) {
                return i;
            }
            x -= u64::from(w);
        }
        0
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Persona {
    Studio,
    Performance,
    Styling,
    Casual,
    Deals,
    Browser,
    StoreOnly,
    Lapsed,
    New,
}

const PERSONAS: [(Persona, &str, u32); 9] = [
    (Persona::Studio, "studio", 18),
    (Persona::Performance, "performance", 10),
    (Persona::Styling, "styling", 12),
    (Persona::Casual, "casual", 14),
    (Persona::Deals, "deals", 10),
    (Persona::Browser, "browser", 14),
    (Persona::StoreOnly, "store_only", 8),
    (Persona::Lapsed, "lapsed", 9),
    (Persona::New, "new", 5),
];

/// Tastes: which products a behaviour draws from.
#[derive(Clone, Copy)]
enum Taste {
    Studio,
    Performance,
    Styling,
    Everyday,
    Sale,
    Any,
}

const TASTES: [Taste; 6] = [
    Taste::Studio,
    Taste::Performance,
    Taste::Styling,
    Taste::Everyday,
    Taste::Sale,
    Taste::Any,
];

impl Taste {
    fn fits(self, product: &Product) -> bool {
        let has = |id: &str| product.facets.iter().any(|f| f.id == id);
        match self {
            Taste::Studio => has("focus:studio"),
            Taste::Performance => has("focus:performance"),
            Taste::Styling => has("role:set") || has("collection:new"),
            Taste::Everyday => has("focus:everyday"),
            Taste::Sale => product.sale_price_minor.is_some(),
            Taste::Any => true,
        }
    }
}

/// Products by taste and customer gender (0 women, 1 men), as indexes into the catalog.
struct Pools {
    pools: Vec<[Vec<usize>; 2]>,
}

impl Pools {
    fn build(products: &[Product]) -> Self {
        let showable: Vec<usize> = (0..products.len())
            .filter(|&i| products.get(i).is_some_and(Product::is_available))
            .collect();
        let base = if showable.is_empty() {
            (0..products.len()).collect()
        } else {
            showable
        };
        let fits_gender = |p: &Product, g: usize| match p.gender.as_deref() {
            Some("female") => g == 0,
            Some("male") => g == 1,
            _ => true,
        };
        let pools = TASTES
            .iter()
            .map(|&taste| {
                let of_taste: Vec<usize> = base
                    .iter()
                    .copied()
                    .filter(|&i| products.get(i).is_some_and(|p| taste.fits(p)))
                    .collect();
                let of_taste = if of_taste.is_empty() {
                    base.clone()
                } else {
                    of_taste
                };
                [0, 1].map(|g| {
                    let fit: Vec<usize> = of_taste
                        .iter()
                        .copied()
                        .filter(|&i| products.get(i).is_some_and(|p| fits_gender(p, g)))
                        .collect();
                    if fit.is_empty() {
                        of_taste.clone()
                    } else {
                        fit
                    }
                })
            })
            .collect();
        Pools { pools }
    }

    /// A product of this taste, popular ones (early in the feed's order) more often.
    fn draw(&self, rng: &mut Rng, taste: Taste, gender: usize) -> Option<usize> {
        let pool = self.pools.get(taste as usize)?.get(gender)?;
        let at = (pool.len() as f64 * rng.float().powf(1.8)) as usize;
        pool.get(at.min(pool.len().saturating_sub(1))).copied()
    }
}

const NAMES: [[&str; 12]; 2] = [
    [
        "Sofia", "Emma", "Olivia", "Mia", "Chloe", "Lena", "Amelia", "Zoe", "Hannah", "Léa",
        "Isabel", "Grace",
    ],
    [
        "Liam", "Noah", "Lucas", "Marco", "Jonas", "Ethan", "Hugo", "Leon", "Oliver", "Mateo",
        "Finn", "Samuel",
    ],
];

/// Locales by the catalog's currency.
fn locales(currency: &str) -> (&'static [&'static str], &'static [u32]) {
    match currency {
        "GBP" => (&["en-GB", "en-US", "pl-PL"], &[88, 6, 6]),
        "EUR" => (&["de-DE", "de-AT", "fr-FR", "en-GB"], &[62, 14, 14, 10]),
        _ => (&["en-US", "es-US", "en-CA"], &[86, 6, 8]),
    }
}

/// Writes the customer file to stdout.
pub fn run(args: Args) -> Result<ExitCode> {
    let loaded = catalog::load(&args.catalog, args.campaign.as_deref())?;
    let products = loaded.engine.catalog().products();
    if products.is_empty() {
        return Err(Fatal::new("the catalog has no products to draw from"));
    }
    let now = parse_timestamp(&catalog::parse_now(&args.now))
        .ok_or_else(|| Fatal::new(format!("--now `{}` is not a readable time", args.now)))?;
    let pools = Pools::build(products);
    let currency = products
        .first()
        .map_or_else(|| "USD".to_string(), |p| p.currency.clone());
    let generator = Generator {
        products,
        pools: &pools,
        now,
        seed: args.seed,
        prefix: &args.id_prefix,
        locales: locales(&currency),
    };
    let stdout = io::stdout().lock();
    let mut out = BufWriter::with_capacity(1 << 20, stdout);
    let width = args.customers.to_string().len().max(7);
    let mut line = Vec::with_capacity(8 << 10);
    for i in 0..args.customers {
        line.clear();
        let customer = generator.customer(i, width);
        serde_json::to_writer(&mut line, &customer)
            .map_err(|e| Fatal::new(format!("cannot write JSON: {e}")))?;
        line.push(b'\n');
        if let Err(e) = out.write_all(&line) {
            return quiet_pipe(e);
        }
    }
    if let Err(e) = out.flush() {
        return quiet_pipe(e);
    }
    Ok(ExitCode::SUCCESS)
}

/// `mailfit generate ... | head` is fine: a closed pipe ends the output quietly.
fn quiet_pipe(error: io::Error) -> Result<ExitCode> {
    if error.kind() == io::ErrorKind::BrokenPipe {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(Fatal::new(format!("cannot write to stdout: {error}")))
    }
}

struct Generator<'a> {
    products: &'a [Product],
    pools: &'a Pools,
    now: i64,
    seed: u64,
    prefix: &'a str,
    locales: (&'static [&'static str], &'static [u32]),
}

/// The event shapes a CRM sends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Segment,
    Klaviyo,
    Canonical,
}

/// One order line.
struct OrderLine {
    product: usize,
    quantity: i64,
    paid_minor: i64,
}

impl Generator<'_> {
    fn customer(&self, index: u64, width: usize) -> Value {
        let mut rng = Rng::new(self.seed, index);
        let (persona, persona_name) = PERSONAS
            .get(rng.weighted(&PERSONAS.map(|p| p.2)))
            .map_or((Persona::Browser, "browser"), |p| (p.0, p.1));
        let gender = usize::from(rng.chance(0.3));
        let taste = match persona {
            Persona::Studio => Taste::Studio,
            Persona::Performance => Taste::Performance,
            Persona::Styling => Taste::Styling,
            Persona::Casual => Taste::Everyday,
            Persona::Deals => Taste::Sale,
            _ => *rng
                .pick(&[
                    Taste::Studio,
                    Taste::Performance,
                    Taste::Styling,
                    Taste::Everyday,
                ])
                .unwrap_or(&Taste::Any),
        };
        let shape = match rng.weighted(&[45, 35, 20]) {
            0 => Shape::Segment,
            1 => Shape::Klaviyo,
            _ => Shape::Canonical,
        };
        let noise = 0.1 + 0.2 * rng.float();
        let draw = |rng: &mut Rng| {
            let t = if rng.chance(noise) { Taste::Any } else { taste };
            self.pools.draw(rng, t, gender)
        };
        let id = format!("{}{:0width$}", self.prefix, index + 1);
        let mut events: Vec<(i64, Value)> = Vec::new();

        // Orders.
        let order_times: Vec<i64> = match persona {
            Persona::Browser => Vec::new(),
            Persona::New => vec![self.now - rng.int(2 * 3600, 25 * DAY)],
            Persona::Lapsed => {
                let n = 1 + rng.weighted(&[50, 30, 15, 5]) as i64;
                let mut t = self.now - rng.int(130 * DAY, 700 * DAY);
                let mut times = vec![t];
                for _ in 1..n {
                    t -= rng.int(20 * DAY, 150 * DAY);
                    times.push(t);
                }
                times
            }
            _ => {
                let n = 1 + rng.weighted(&[30, 25, 18, 12, 9, 6]) as i64;
                // Recency skewed to the recent: active, at-risk and lapsed customers all occur.
                let mut t = self.now - DAY * (5 + (295.0 * rng.float().powf(1.6)) as i64);
                let mut times = vec![t];
                for _ in 1..n {
                    t -= rng.int(14 * DAY, 120 * DAY);
                    times.push(t);
                }
                times
            }
        };
        for (k, &at) in order_times.iter().enumerate() {
            let store = persona == Persona::StoreOnly || rng.chance(0.12);
            let coupon = rng.chance(if persona == Persona::Deals { 0.8 } else { 0.07 });
            let mut lines: Vec<OrderLine> = Vec::new();
            for _ in 0..1 + rng.weighted(&[55, 33, 12]) {
                let Some(p) = draw(&mut rng) else { continue };
                if lines.iter().any(|l| l.product == p) {
                    continue;
                }
                let Some(product) = self.products.get(p) else {
                    continue;
                };
                let on_sale = product.sale_price_minor.is_some()
                    && (persona == Persona::Deals || rng.chance(0.3));
                let paid_minor = if on_sale {
                    product.effective_price_minor()
                } else {
                    product.price_minor
                };
                let quantity = if rng.chance(0.92) { 1 } else { 2 };
                lines.push(OrderLine {
                    product: p,
                    quantity,
                    paid_minor,
                });
                // Most purchases were looked at first.
                if !store && rng.chance(0.6) {
                    let before = at - rng.int(600, 4 * DAY);
                    events.push((before, self.view(shape, p, before)));
                }
            }
            if lines.is_empty() {
                continue;
            }
            let order_id = format!("{id}-{}", k + 1);
            let code = coupon.then(|| {
                *rng.pick(&["WELCOME10", "SPRING20", "VIP15", "FLASH25"])
                    .unwrap_or(&"WELCOME10")
            });
            events.extend(self.order(shape, &order_id, at, &lines, store, code));
        }

        // Browsing.
        let views = match persona {
            Persona::Browser => rng.int(2, 15),
            Persona::StoreOnly => rng.int(0, 3),
            _ => 2 + (30.0 * rng.float().powi(3)) as i64,
        };
        let (from, to) = match persona {
            Persona::Lapsed => (self.now - 420 * DAY, self.now - 100 * DAY),
            _ => (self.now - 200 * DAY, self.now - DAY),
        };
        let mut viewed = Vec::new();
        for _ in 0..views {
            let Some(p) = draw(&mut rng) else { continue };
            let at = rng.int(from, to);
            events.push((at, self.view(shape, p, at)));
            viewed.push((p, at));
        }
        let carts = if persona == Persona::Browser {
            i64::from(rng.chance(0.5))
        } else {
            rng.int(0, 2)
        };
        for _ in 0..carts {
            if let Some(&(p, at)) = rng.pick(&viewed) {
                let at = at + rng.int(60, 1800);
                events.push((at, self.cart(shape, p, at)));
            }
        }
        if shape != Shape::Klaviyo && persona != Persona::StoreOnly && rng.chance(0.3) {
            if let Some(&(p, at)) = rng.pick(&viewed) {
                let at = at + rng.int(60, 3600);
                events.push((at, self.wishlist(shape, p, at)));
            }
        }

        // Email.
        let delivered = rng.int(0, 14);
        let engaged = 0.05 + 0.5 * rng.float();
        for _ in 0..delivered {
            let at = rng.int(self.now - 180 * DAY, self.now - DAY);
            events.push((at, self.email(shape, "delivered", None, at)));
            if rng.chance(engaged) {
                let opened = (at + rng.int(300, 2 * DAY)).min(self.now - 120);
                events.push((opened, self.email(shape, "open", None, opened)));
                if rng.chance(0.35) {
                    let clicked = (opened + rng.int(5, 1200)).min(self.now - 60);
                    let product = if rng.chance(0.5) {
                        draw(&mut rng)
                    } else {
                        None
                    };
                    events.push((clicked, self.email(shape, "click", product, clicked)));
                }
            }
        }
        if rng.chance(0.01) {
            let at = rng.int(self.now - 90 * DAY, self.now - DAY);
            events.push((at, self.email(shape, "unsubscribe", None, at)));
        }
        if shape != Shape::Canonical && rng.chance(0.04) {
            let at = rng.int(self.now - 60 * DAY, self.now - DAY);
            let event = match shape {
                Shape::Klaviyo => json!({ "metric": "Viewed Page", "time": at, "properties": {} }),
                _ => {
                    json!({ "type": "track", "event": "Store Locator Opened", "timestamp": format_timestamp(at), "properties": {} })
                }
            };
            events.push((at, event));
        }
        events.sort_by_key(|e| e.0);

        let mut attributes = serde_json::Map::new();
        let names: &[&str] = NAMES.get(gender).map_or(&[], |n| n.as_slice());
        if rng.chance(0.93) {
            attributes.insert(
                "first_name".into(),
                json!(rng.pick(names).copied().unwrap_or("Alex")),
            );
        }
        let (locales, weights) = self.locales;
        attributes.insert(
            "locale".into(),
            json!(
                locales
                    .get(rng.weighted(weights))
                    .copied()
                    .unwrap_or("en-US")
            ),
        );
        if rng.chance(0.5) {
            attributes.insert(
                "gender".into(),
                json!(if gender == 0 { "female" } else { "male" }),
            );
        }
        if rng.chance(0.2) {
            attributes.insert(
                "size".into(),
                json!(
                    rng.pick(&["XS", "S", "M", "L", "XL"])
                        .copied()
                        .unwrap_or("M")
                ),
            );
        }
        if rng.chance(0.25) {
            attributes.insert(
                "loyalty_tier".into(),
                json!(
                    rng.pick(&["bronze", "silver", "gold"])
                        .copied()
                        .unwrap_or("bronze")
                ),
            );
        }
        attributes.insert("sample_persona".into(), json!(persona_name));
        json!({
            "id": id,
            "attributes": attributes,
            "events": events.into_iter().map(|e| e.1).collect::<Vec<_>>(),
        })
    }

    fn product(&self, p: usize) -> (&str, f64, String) {
        match self.products.get(p) {
            Some(product) => (
                product.id.as_str(),
                minor_to_major(product.effective_price_minor()),
                product.categories.join(" > "),
            ),
            None => ("", 0.0, String::new()),
        }
    }

    fn view(&self, shape: Shape, p: usize, at: i64) -> Value {
        let (id, price, category) = self.product(p);
        match shape {
            Shape::Segment => json!({
                "type": "track", "event": "Product Viewed", "timestamp": format_timestamp(at),
                "properties": { "product_id": id, "price": price, "category": category },
            }),
            Shape::Klaviyo => json!({
                "metric": "Viewed Product", "time": at,
                "properties": { "ProductID": id, "Price": price, "Categories": [category] },
            }),
            Shape::Canonical => {
                json!({ "kind": "view", "at": format_timestamp(at), "productId": id })
            }
        }
    }

    fn cart(&self, shape: Shape, p: usize, at: i64) -> Value {
        let (id, price, _) = self.product(p);
        match shape {
            Shape::Segment => json!({
                "type": "track", "event": "Product Added", "timestamp": format_timestamp(at),
                "properties": { "product_id": id, "price": price, "quantity": 1 },
            }),
            Shape::Klaviyo => json!({
                "metric": "Added to Cart", "datetime": format_timestamp(at),
                "properties": { "AddedItemProductID": id, "AddedItemPrice": price, "AddedItemQuantity": 1 },
            }),
            Shape::Canonical => {
                json!({ "kind": "cart", "at": format_timestamp(at), "productId": id })
            }
        }
    }

    fn wishlist(&self, shape: Shape, p: usize, at: i64) -> Value {
        let (id, _, _) = self.product(p);
        match shape {
            Shape::Segment => json!({
                "type": "track", "event": "Product Added to Wishlist", "timestamp": format_timestamp(at),
                "properties": { "product_id": id },
            }),
            _ => json!({ "kind": "wishlist", "at": format_timestamp(at), "productId": id }),
        }
    }

    fn email(&self, shape: Shape, what: &str, product: Option<usize>, at: i64) -> Value {
        let product_id = product.map(|p| self.product(p).0.to_string());
        match shape {
            Shape::Segment => {
                let event = match what {
                    "delivered" => "Email Delivered",
                    "open" => "Email Opened",
                    "click" => "Email Link Clicked",
                    _ => "Unsubscribed",
                };
                let mut props = json!({ "campaign_name": "Weekly Newsletter" });
                if let (Some(id), Some(map)) = (product_id, props.as_object_mut()) {
                    map.insert("product_id".into(), json!(id));
                }
                json!({ "type": "track", "event": event, "timestamp": format_timestamp(at), "properties": props })
            }
            Shape::Klaviyo => {
                let metric = match what {
                    "delivered" => "Received Email",
                    "open" => "Opened Email",
                    "click" => "Clicked Email",
                    _ => "Unsubscribed from List",
                };
                let mut props = json!({ "Campaign Name": "Weekly Newsletter" });
                if let (Some(id), Some(map)) = (product_id, props.as_object_mut()) {
                    map.insert("ProductID".into(), json!(id));
                }
                json!({ "metric": { "name": metric }, "time": at, "properties": props })
            }
            Shape::Canonical => {
                let kind = match what {
                    "delivered" => "email_delivered",
                    "open" => "email_open",
                    "click" => "email_click",
                    _ => "unsubscribe",
                };
                let mut event = json!({ "kind": kind, "at": format_timestamp(at) });
                if let (Some(id), Some(map)) = (product_id, event.as_object_mut()) {
                    map.insert("productId".into(), json!(id));
                }
                event
            }
        }
    }

    fn order(
        &self,
        shape: Shape,
        order_id: &str,
        at: i64,
        lines: &[OrderLine],
        store: bool,
        coupon: Option<&str>,
    ) -> Vec<(i64, Value)> {
        let total: i64 = lines.iter().map(|l| l.paid_minor * l.quantity).sum();
        match shape {
            Shape::Segment => {
                let products: Vec<Value> = lines
                    .iter()
                    .map(|l| {
                        let (id, _, category) = self.product(l.product);
                        json!({ "product_id": id, "sku": id, "price": minor_to_major(l.paid_minor), "quantity": l.quantity, "category": category })
                    })
                    .collect();
                let mut props = json!({
                    "order_id": order_id,
                    "affiliation": if store { "Store - Downtown" } else { "Online Store" },
                    "total": minor_to_major(total),
                    "products": products,
                });
                if let (Some(code), Some(map)) = (coupon, props.as_object_mut()) {
                    map.insert("coupon".into(), json!(code));
                }
                vec![(
                    at,
                    json!({ "type": "track", "event": "Order Completed", "timestamp": format_timestamp(at), "properties": props }),
                )]
            }
            Shape::Klaviyo => {
                let items: Vec<Value> = lines
                    .iter()
                    .map(|l| {
                        let (id, _, category) = self.product(l.product);
                        json!({ "ProductID": id, "SKU": id, "ItemPrice": minor_to_major(l.paid_minor), "Quantity": l.quantity, "Categories": [category] })
                    })
                    .collect();
                let mut props = json!({
                    "$event_id": order_id,
                    "$value": minor_to_major(total),
                    "Source Name": if store { "pos" } else { "web" },
                    "Items": items,
                });
                if let (Some(code), Some(map)) = (coupon, props.as_object_mut()) {
                    map.insert("Discount Codes".into(), json!([code]));
                }
                vec![(
                    at,
                    json!({ "metric": "Placed Order", "time": at, "properties": props }),
                )]
            }
            Shape::Canonical => lines
                .iter()
                .map(|l| {
                    let (id, _, category) = self.product(l.product);
                    let mut event = json!({
                        "kind": "purchase", "at": format_timestamp(at), "productId": id,
                        "orderId": order_id, "price": minor_to_major(l.paid_minor),
                        "quantity": l.quantity, "channel": if store { "store" } else { "online" },
                        "category": category,
                    });
                    if let (Some(code), Some(map)) = (coupon, event.as_object_mut()) {
                        map.insert("coupon".into(), json!(code));
                    }
                    (at, event)
                })
                .collect(),
        }
    }
}

fn minor_to_major(minor: i64) -> f64 {
    minor as f64 / 100.0
}
