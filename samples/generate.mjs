// Deterministic generator of the embedded sample data: a fictional activewear brand
// (Northbound Athletics), its catalog in Google Merchant Center attributes, and customers whose
// histories come from distinct behaviours, with events in Segment, Klaviyo and canonical shapes.
//
//   node samples/generate.mjs            # writes samples/{catalog,customers,campaign}.json
//   node samples/generate.mjs --check    # exits 1 if the committed files differ
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const SAMPLE_NOW = "2026-11-20T12:00:00Z";
const NOW = Date.parse(SAMPLE_NOW);
const DAY = 86_400_000;

// mulberry32: small, fast, and the same on every platform.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261120);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (list) => list[Math.floor(rand() * list.length)];
const chance = (p) => rand() < p;
const money = (v) => `${v.toFixed(2)} USD`;

// ---- catalog ----------------------------------------------------------------
const COLORS = ["Black", "Navy", "Sage", "Clay", "Heather Grey", "Lilac", "Ocean", "Sand", "Forest", "Berry"];
const FAMILIES = [
  // [code, department, category, google category, base price, names, tag sets, count]
  ["LG", "Women", "Leggings", "Apparel & Accessories > Clothing > Activewear > Leggings", 78,
    ["Flow", "Align", "Studio Rib", "Featherlight", "Sculpt", "Everyday", "High-Rise Run", "Cloudsoft"],
    [["studio", "low-impact", "soft", "yoga"], ["studio", "low-impact", "soft"], ["everyday", "soft"], ["training", "high-impact"]], 24],
  ["BR", "Women", "Sports Bras", "Apparel & Accessories > Clothing > Activewear > Sports Bras", 52,
    ["Flow", "Align", "Studio Strappy", "Support", "Everyday", "Run Max"],
    [["studio", "low-impact", "soft"], ["low-impact", "everyday"], ["training", "high-impact"]], 18],
  ["MS", "Women", "Matching Sets", "Apparel & Accessories > Clothing > Activewear", 118,
    ["Ribbed Duo", "Contour Set", "Sculpt Set", "Seamless Set", "Colour Block Set", "Studio Duo"],
    [["matching-set", "trend", "new-collection"], ["matching-set", "trend"], ["matching-set", "studio", "new-collection"]], 18],
  ["JK", "Women", "Jackets", "Apparel & Accessories > Clothing > Outerwear > Coats & Jackets", 128,
    ["Commuter", "Windbreaker", "Puffer Vest", "Rain Shell", "Define"],
    [["everyday", "layering", "outdoor"], ["everyday", "layering"], ["layering", "new-collection", "trend"]], 14],
  ["HD", "Women", "Hoodies", "Apparel & Accessories > Clothing > Activewear > Activewear Sweatshirts & Hoodies", 88,
    ["Scuba", "Weekend", "Cropped", "Oversized Fleece"],
    [["everyday", "layering", "lounge"], ["everyday", "lounge", "trend"]], 12],
  ["TE", "Women", "Tees", "Apparel & Accessories > Clothing > Shirts & Tops", 38,
    ["Swiftly", "Easy Crew", "Breeze Tank", "Muscle Tank", "Long Sleeve"],
    [["everyday", "entry"], ["training", "entry"], ["everyday", "layering"]], 14],
  ["SH", "Women", "Shorts", "Apparel & Accessories > Clothing > Activewear > Shorts", 48,
    ["Hotty Hot", "Track That", "Biker", "Pace"],
    [["training", "high-impact"], ["everyday", "trend"]], 8],
  ["MT", "Men", "Tees", "Apparel & Accessories > Clothing > Shirts & Tops", 42,
    ["Metal Vent", "Fundamental", "Everyday Crew", "Drysense"],
    [["training", "entry"], ["everyday", "entry"]], 10],
  ["MJ", "Men", "Jackets", "Apparel & Accessories > Clothing > Outerwear > Coats & Jackets", 148,
    ["Commuter", "Expedition", "Warp Light", "Softshell"],
    [["everyday", "layering", "outdoor"], ["layering", "new-collection"]], 8],
  ["MP", "Men", "Joggers", "Apparel & Accessories > Clothing > Pants", 98,
    ["ABC Jogger", "City Sweat", "Surge"], [["everyday", "lounge"], ["training", "everyday"]], 8],
  ["AC", "Unisex", "Accessories", "Sporting Goods > Exercise & Fitness > Yoga & Pilates > Yoga Mats", 28,
    ["Yoga Mat 5mm", "Water Bottle", "Crew Socks 3-Pack", "Gym Bag", "Headband", "Yoga Block", "Cap"],
    [["studio", "entry", "yoga"], ["entry", "everyday"], ["entry", "training"]], 14],
];

function buildCatalog() {
  const products = [];
  for (const [code, dept, category, gcat, base, names, tagSets, count] of FAMILIES) {
    let n = 0;
    let group = 0;
    while (n < count) {
      group += 1;
      const name = names[(group - 1) % names.length] + (group > names.length ? ` ${["II", "III", "Pro"][Math.floor((group - 1) / names.length) - 1] ?? "Plus"}` : "");
      const tags = [...tagSets[(group - 1) % tagSets.length]];
      const price = Math.round(base * (0.8 + rand() * 0.5)) - 0.01 + 0.01 * 0; // x.99 below
      const variants = n + 2 <= count && chance(0.45) ? 2 : 1;
      const colors = [pick(COLORS)];
      if (variants === 2) colors.push(pick(COLORS.filter((c) => c !== colors[0])));
      const onSale = chance(0.22);
      if (onSale) tags.push("sale-event");
      if (code === "TE" || code === "AC" || code === "MT") if (chance(0.5)) tags.push("entry");
      if (chance(0.15)) tags.push("bestseller");
      const groupId = `NB-${code}-${String(group).padStart(3, "0")}`;
      colors.forEach((color, i) => {
        const id = variants === 2 ? `${groupId}-${color.slice(0, 3).toUpperCase()}` : groupId;
        const full = Math.floor(price) + 0.0;
        const out = chance(0.06);
        const gender = dept === "Men" ? "male" : dept === "Women" ? "female" : "unisex";
        const product = {
          id,
          item_group_id: groupId,
          title: `${name} ${category === "Accessories" ? "" : singular(category)}`.replace(/\s+/g, " ").trim() + (variants === 2 ? ` - ${color}` : ""),
          description: describe(category, tags),
          link: `https://shop.northbound.example/products/${slug(name + " " + category)}${variants === 2 ? `?color=${slug(color)}` : ""}`,
          image_link: `https://cdn.northbound.example/img/${id.toLowerCase()}.jpg`,
          price: money(full),
          availability: out ? "out_of_stock" : "in_stock",
          stock: out ? 0 : int(3, 240),
          product_type: `${dept} > ${category}`,
          google_product_category: gcat,
          color,
          gender,
          // Every 23rd product was restocked lately (by position: the random stream is untouched).
          tags: [...new Set([...tags.filter((t) => t !== "sale-event"), ...(products.length % 23 === 11 ? ["back-in-stock"] : [])])].sort(),
        };
        if (onSale) product.sale_price = money(Math.round(full * pick([0.7, 0.75, 0.8])) - 0.01);
        if (code === "AC") product.size = "One Size";
        products.push(product);
        n += 1;
      });
    }
  }
  return products;
}
const singular = (c) => ({ Leggings: "Legging", "Sports Bras": "Bra", "Matching Sets": "", Jackets: "Jacket", Hoodies: "Hoodie", Tees: "Tee", Shorts: "Short", Joggers: "" }[c] ?? c);
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
function describe(category, tags) {
  const bits = [];
  if (tags.includes("studio")) bits.push("made for studio sessions");
  if (tags.includes("soft")) bits.push("buttery-soft four-way stretch");
  if (tags.includes("matching-set")) bits.push("a coordinated top and bottom");
  if (tags.includes("layering")) bits.push("an easy layer for every day");
  if (tags.includes("high-impact")) bits.push("built for high-intensity training");
  if (tags.includes("new-collection")) bits.push("new this season");
  if (bits.length === 0) bits.push("an everyday essential");
  return `${category}: ${bits.join(", ")}.`;
}

// ---- customers ----------------------------------------------------------------
const FIRST = ["Ava", "Mia", "Noah", "Liam", "Zoe", "Chloe", "Maya", "Ella", "Lucas", "Aria", "Nora", "Ethan", "Leah", "Isla", "Jonas", "Sofia", "Hana", "Omar", "Priya", "Camille", "Theo", "Ines", "Kai", "Lena", "Marco", "Yuki", "Amara", "Freya", "Diego", "Sara"];
const LOCALES = ["en-US", "en-US", "en-US", "en-GB", "en-CA", "de-DE"];
const PERSONAS = [
  ["studio", 50], ["trend", 50], ["casual", 50], ["discount", 45], ["browser", 50], ["lapsed_vip", 35], ["store_only", 40],
];

function productsWhere(catalog, pred) {
  const list = catalog.filter(pred);
  return list.length ? list : catalog;
}

function buildCustomers(catalog) {
  const has = (p, t) => p.tags.includes(t);
  const women = (p) => p.gender !== "male";
  const pools = {
    studio: productsWhere(catalog, (p) => (has(p, "studio") || has(p, "low-impact")) && women(p)),
    trend: productsWhere(catalog, (p) => (has(p, "matching-set") || has(p, "new-collection")) && women(p)),
    casual: productsWhere(catalog, (p) => has(p, "everyday") || has(p, "layering")),
    discount: productsWhere(catalog, (p) => p.sale_price),
    browser: productsWhere(catalog, (p) => p.availability === "in_stock"),
    lapsed_vip: productsWhere(catalog, (p) => parseFloat(p.price) >= 80),
    store_only: productsWhere(catalog, (p) => has(p, "everyday") || has(p, "training")),
  };
  const customers = [];
  let n = 0;
  for (const [persona, count] of PERSONAS) {
    for (let i = 0; i < count; i++) {
      n += 1;
      const shape = persona === "store_only" ? pick(["canonical", "segment"]) : ["segment", "klaviyo", "canonical"][n % 3];
      const male = persona === "casual" || persona === "store_only" || persona === "browser" ? chance(0.3) : chance(0.05);
      const pool = male ? pools[persona].filter((p) => p.gender !== "female") : pools[persona].filter((p) => p.gender !== "male");
      const attributes = { sample_persona: persona };
      if (chance(0.9)) attributes.first_name = pick(FIRST);
      attributes.locale = pick(LOCALES);
      if (chance(0.6)) attributes.gender = male ? "male" : "female";
      customers.push({ id: `C${String(n).padStart(4, "0")}`, attributes, events: history(persona, pool.length ? pool : pools[persona], shape, catalog) });
    }
  }
  return customers;
}

function history(persona, pool, shape, catalog) {
  const raw = [];
  const at = (daysAgo) => new Date(NOW - daysAgo * DAY - int(0, 86_399) * 1000).toISOString().replace(".000Z", "Z");
  const view = (p, d) => raw.push({ kind: "view", p, d });
  const spec = {
    studio: { views: [4, 14], orders: [1, 3], last: [32, 90], span: [60, 300] },
    trend: { views: [5, 16], orders: [2, 4], last: [31, 75], span: [80, 300] },
    casual: { views: [2, 8], orders: [1, 3], last: [35, 110], span: [40, 300] },
    discount: { views: [4, 12], orders: [2, 4], last: [40, 120], span: [90, 330] },
    browser: { views: [5, 14], orders: [0, 0], last: [0, 0], span: [10, 200] },
    lapsed_vip: { views: [0, 3], orders: [5, 9], last: [130, 260], span: [300, 700] },
    store_only: { views: [0, 1], orders: [1, 4], last: [33, 150], span: [60, 360] },
  }[persona];
  const orders = int(...spec.orders);
  const last = int(...spec.last);
  const span = int(...spec.span);
  for (let o = 0; o < orders; o++) {
    const d = o === 0 ? last : last + int(10, Math.max(11, span));
    const lines = persona === "trend" && chance(0.5) ? 2 : int(1, persona === "lapsed_vip" ? 3 : 2);
    const items = Array.from({ length: lines }, () => pick(pool));
    const coupon = persona === "discount" ? chance(0.6) : chance(0.05);
    raw.push({ kind: "order", d, items, coupon, store: persona === "store_only", id: `${int(100000, 999999)}` });
  }
  const views = int(...spec.views);
  for (let v = 0; v < views; v++) view(pick(pool), int(1, persona === "browser" ? spec.span[1] : 60));
  if (persona === "browser" && chance(0.5)) raw.push({ kind: "cart", p: pick(pool), d: int(2, 40) });
  if (persona !== "store_only" && chance(0.3)) raw.push({ kind: "wishlist", p: pick(pool), d: int(3, 60) });
  const opens = int(0, 5);
  for (let e = 0; e < opens; e++) raw.push({ kind: "open", d: int(1, 120) });
  const clicks = persona === "lapsed_vip" ? int(0, 1) : int(0, 3);
  for (let e = 0; e < clicks; e++) raw.push({ kind: "click", p: pick(pool), d: int(1, 90) });
  if (n_unknown() && shape !== "canonical") raw.push({ kind: "unknown", d: int(1, 30) });
  raw.sort((a, b) => b.d - a.d);
  return raw.map((e) => encode(e, shape));
  function encode(e, shape) {
    const time = at(e.d);
    const price = (p) => parseFloat(e.coupon || persona === "discount" ? p.sale_price ?? p.price : p.price);
    if (shape === "segment") {
      const seg = (event, properties) => ({ type: "track", event, timestamp: time, properties });
      switch (e.kind) {
        case "view": return seg("Product Viewed", { product_id: e.p.id, category: e.p.product_type.split(" > ")[1], price: parseFloat(e.p.price) });
        case "cart": return seg("Product Added", { product_id: e.p.id, quantity: 1, price: parseFloat(e.p.price) });
        case "wishlist": return seg("Product Added to Wishlist", { product_id: e.p.id });
        case "order": return seg("Order Completed", {
          order_id: e.id, affiliation: e.store ? "Store - Portland Pearl" : "Online Store", ...(e.coupon ? { coupon: "WELCOME10" } : {}),
          products: e.items.map((p) => ({ product_id: p.id, price: price(p), quantity: 1 })),
        });
        case "open": return seg("Email Opened", { email_subject: "New season, new favourites" });
        case "click": return seg("Email Link Clicked", { product_id: e.p.id });
        case "unknown": return seg("Store Locator Opened", {});
      }
    }
    if (shape === "klaviyo") {
      const kl = (metric, properties) => ({ metric, time, properties });
      switch (e.kind) {
        case "view": return kl("Viewed Product", { ProductID: e.p.id, ProductName: e.p.title, Categories: [e.p.product_type.split(" > ")[1]], Price: parseFloat(e.p.price) });
        case "cart": return kl("Added to Cart", { AddedItemProductID: e.p.id, AddedItemPrice: parseFloat(e.p.price), AddedItemQuantity: 1 });
        case "wishlist": return { kind: "wishlist", at: time, productId: e.p.id };
        case "order": return kl("Placed Order", {
          $event_id: e.id, $value: e.items.reduce((s, p) => s + price(p), 0), ...(e.coupon ? { "Discount Codes": ["WELCOME10"] } : {}),
          Items: e.items.map((p) => ({ ProductID: p.id, ItemPrice: price(p), Quantity: 1 })),
        });
        case "open": return kl("Opened Email", { "Campaign Name": "Autumn edit" });
        case "click": return kl("Clicked Email", { "Campaign Name": "Autumn edit", ProductID: e.p.id });
        case "unknown": return kl("Viewed Page", {});
      }
    }
    switch (e.kind) {
      case "view": return { kind: "view", at: time, productId: e.p.id };
      case "cart": return { kind: "cart", at: time, productId: e.p.id };
      case "wishlist": return { kind: "wishlist", at: time, productId: e.p.id };
      case "order": return e.items.length === 1
        ? { kind: "purchase", at: time, orderId: e.id, productId: e.items[0].id, price: price(e.items[0]), channel: e.store ? "store" : "online", ...(e.coupon ? { coupon: "WELCOME10" } : {}) }
        : { kind: "purchase", at: time, orderId: e.id, channel: e.store ? "store" : "online", productId: e.items[0].id, price: price(e.items[0]) };
      case "open": return { kind: "email_open", at: time };
      case "click": return { kind: "email_click", at: time, productId: e.p.id };
      default: return { kind: "unknown", at: time };
    }
  }
}
function n_unknown() { return chance(0.15); }

const campaign = {
  id: "winter-re-engagement",
  brand: { name: "Northbound Athletics", voice: "warm" },
  locale: "en-US",
  currency: "USD",
  utm: { source: "crm", medium: "email", campaign: "winter-reengagement-2026" },
  offerPolicy: {
    offers: [{ type: "freeShipping", code: "SHIPFREE" }, { type: "percentOff", percent: 15, code: "COMEBACK15" }],
    minChurnRisk: 0.6,
    minDiscountSensitivity: 0.35,
  },
};

const catalog = buildCatalog();
const customers = buildCustomers(catalog);
const files = {
  "catalog.json": "[\n" + catalog.map((p) => JSON.stringify(p)).join(",\n") + "\n]\n",
  "customers.json": "[\n" + customers.map((c) => JSON.stringify(c)).join(",\n") + "\n]\n",
  "campaign.json": JSON.stringify({ now: SAMPLE_NOW, ...campaign }, null, 2) + "\n",
};
if (process.argv.includes("--check")) {
  const stale = Object.entries(files).filter(([name, text]) => {
    try { return readFileSync(join(here, name), "utf8") !== text; } catch { return true; }
  });
  if (stale.length) { console.error(`stale sample files: ${stale.map(([n]) => n).join(", ")}; run node samples/generate.mjs`); process.exit(1); }
  console.log("sample files are up to date");
} else {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(here, name), text);
  console.log(`wrote ${catalog.length} products, ${customers.length} customers`);
}
