// Benchmark inputs: catalogs grown from a real brand-shaped feed, and customers with Segment
// event histories of a chosen length. Everything is deterministic (seeded PRNG, the campaign's
// fixed `now`), so two runs, or a run and a child process, measure the same data.
//
// This module never imports the package itself, so a child process can time its own
// `import("mailfit")` without this module having loaded it first.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DAY_MS = 86_400_000;

/** Reads a JSON file of the repository. */
export const readJson = (path) => JSON.parse(readFileSync(ROOT + path, "utf8"));

/** The sample campaign config (brand, UTM, offers, and the fixed `now` every render uses). */
export const campaign = () => readJson("samples/campaign.json");

/** The Summit Athletics Merchant Center feed (RSS 2.0, 1,059 items): what a brand exports. */
export const summitFeed = () => readFileSync(ROOT + "tests/catalogs/summit/feed.xml", "utf8");

/** mulberry32: a tiny seeded PRNG (uniform in [0, 1)), seeded from a string by FNV-1a. */
function rng(seed) {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` products: the feed's items, then copies of them whose `id` and `item_group_id` carry a
 * suffix (`-r1`, `-r2`, ...), so a larger catalog keeps a real feed's shape and variant groups.
 * Copies share their text, so the engine's catalog understanding (cached by product text within
 * one build) costs less per product here than on a catalog of as many distinct products.
 */
export function replicate(products, n) {
  const out = [];
  for (let copy = 0; out.length < n; copy++) {
    for (const p of products) {
      if (out.length === n) break;
      if (copy === 0) out.push(p);
      else {
        const suffix = `-r${copy}`;
        out.push({ ...p, id: p.id + suffix, ...(p.item_group_id ? { item_group_id: p.item_group_id + suffix } : {}) });
      }
    }
  }
  return out;
}

const FIRST_NAMES = ["Ava", "Mia", "Sofia", "Chloe", "Emma", "Lena", "Noah", "Liam", "Jordan", "Priya", "Hana", "Lucas", "Zoe", "Maya", "Ella", "Omar"];
const LOCALES = ["en-US", "en-US", "en-US", "en-GB", "de-DE"];
const TIERS = ["none", "silver", "gold"];
const SOURCES = ["checkout", "popup", "store", "footer"];
const CAMPAIGNS = ["Autumn edit", "New arrivals", "Run club", "Holiday gift guide"];

const priceOf = (p) => Number.parseFloat(String(p.sale_price ?? p.price)) || 1;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Groups products by `item_group_id` (or id), so a customer's taste is a few styles. */
export function styles(products) {
  const groups = new Map();
  for (const p of products) {
    const key = p.item_group_id ?? p.id;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(p);
  }
  return [...groups.values()];
}

/**
 * One customer with `events` Segment Ecommerce v2 events (the shapes of
 * `tests/catalogs/customers.mjs`): product views, cart adds, orders with `products[]` and email
 * clicks, over the year before `now`, oldest first. Seven in ten product events come from three
 * to five favourite styles of the customer's gender, so the profile has real preferences; the
 * rest are anywhere in the catalog.
 */
export function customer(styleList, { events, seed, now }) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const gender = r() < 0.8 ? "female" : "male";
  const theirs = styleList.filter((group) => [gender, "unisex", undefined].includes(group[0].gender));
  const taste = Array.from({ length: 3 + Math.floor(r() * 3) }, () => pick(theirs.length ? theirs : styleList));
  const product = () => pick(r() < 0.7 ? pick(taste) : pick(styleList));
  const line = (p, quantity) => ({ product_id: p.id, sku: p.id, name: p.title, price: priceOf(p), quantity, category: p.product_type });
  const nowMs = Date.parse(now);
  const times = Array.from({ length: events }, () => nowMs - 3_600_000 - r() * 365 * DAY_MS).sort((a, b) => a - b);
  let orders = 0;
  const history = times.map((t) => {
    const timestamp = iso(t);
    const kind = r();
    if (kind < 0.6) {
      const { product_id, name, price, category } = line(product(), 1);
      return { event: "Product Viewed", timestamp, properties: { product_id, name, price, category } };
    }
    if (kind < 0.75) return { event: "Product Added", timestamp, properties: line(product(), 1) };
    if (kind < 0.85) {
      const products = Array.from({ length: 1 + Math.floor(r() * 3) }, () => line(product(), r() < 0.9 ? 1 : 2));
      const total = products.reduce((sum, l) => sum + l.price * l.quantity, 0);
      return { event: "Order Completed", timestamp, properties: { order_id: `${seed}-o${++orders}`, total, currency: "USD", products } };
    }
    const name = pick(CAMPAIGNS);
    return { event: "Email Link Clicked", timestamp, properties: { campaign_name: name, link_url: `https://www.summit-athletics.example/new?utm_campaign=${encodeURIComponent(name)}` } };
  });
  return {
    id: seed,
    attributes: {
      first_name: pick(FIRST_NAMES),
      locale: pick(LOCALES),
      gender,
      loyalty_tier: pick(TIERS),
      signup_source: pick(SOURCES),
    },
    events: history,
  };
}

/** `count` different customers of `events` events each, seeded by `label` and index. */
export function customers(products, { count, events, label, now }) {
  const styleList = styles(products);
  return Array.from({ length: count }, (_, i) => customer(styleList, { events, now, seed: `bench-${label}-${events}ev-${i}` }));
}

/**
 * The sample campaign's customers scaled to `n` recipients: the 320 histories reused in turn,
 * each recipient with an id of its own (ids seed the email's variant choices).
 */
export function sampleRecipient(sampleCustomers, i) {
  const base = sampleCustomers[i % sampleCustomers.length];
  return { ...base, id: `${base.id}-${i}` };
}
