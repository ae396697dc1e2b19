#!/usr/bin/env node
// Synthetic activewear catalogs and customer cohorts for end-to-end tests.
//
//   node tests/catalogs/generate.mjs          write tests/catalogs/<brand>/* files
//   node tests/catalogs/generate.mjs --check  exit 1 if the committed files differ
//
// Node 20+, no dependencies. Every random choice comes from a seeded PRNG
// (xmur3 + mulberry32), one stream per brand and purpose, and the only clock is
// the fixed NOW in shared.mjs, so the output is byte-for-byte reproducible.
//
// The product copy, product types, tags and labels are written the way real
// activewear stores write them (three invented brands: a US, a UK and a German
// one). They were deliberately NOT written against the engine's vocabulary.
// The ground truth (family, persona) comes from how each product was generated,
// never from matching its text. See README.md next to this file.
//
// Layout:
//   generate.mjs        this file: runs the brands, ground truth, output, --check
//   shared.mjs          clock, PRNG, helpers, the catalog model shared by all brands
//   customers.mjs       personas and event histories, Segment event format
//   brands/<brand>.mjs  one brand's vocabulary, numbers and feed format

import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOW_ISO, money, uniq } from './shared.mjs';
import { buildCustomers } from './customers.mjs';
import SUMMIT from './brands/summit.mjs';
import HARBOUR from './brands/harbour.mjs';
import NORDLICHT from './brands/nordlicht.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const BRANDS = [SUMMIT, HARBOUR, NORDLICHT];

// ==================================================================== TRUTH

const EXPECTED = (families) => ({
  studio: { families: ['leggings'], angle: 'comfort-movement' },
  styling: { families: ['set'], angle: 'versatility-looks' },
  casual: { families: ['layer'], angle: 'everyday-layering' },
  browser: { families, entry: true, angle: 'entry-value' },
  deals: { onSale: true },
});

const ENTRY_RULE =
  'entry = family is "accessory" OR the regular (non-sale) price is <= p25, where p25 is the 25th percentile of regular prices over ALL items of this feed ' +
  '(nearest rank: the ceil(0.25*N)-th smallest; harbour: over all variants, regular price = compare_at_price when the variant is on sale, else price).';

function buildTruth(B, groups, customers, format) {
  const items = groups.flatMap((g) => g.items);
  const prices = items.map((i) => i.priceC).sort((a, b) => a - b);
  const p25 = prices[Math.ceil(0.25 * prices.length) - 1];
  const entryOf = (g, priceC) => g.family === 'accessory' || priceC <= p25;
  const products = {};
  for (const it of items) {
    const g = it.group;
    const rec = { group: g.gid, family: g.family };
    if (g.families.length > 1) rec.families = g.families;
    rec.entry = entryOf(g, it.priceC);
    rec.onSale = !!it.saleC;
    rec.price = money(it.priceC);
    if (it.saleC) rec.salePrice = money(it.saleC);
    products[it.id] = rec;
  }
  const groupsOut = {};
  for (const g of groups) {
    const rec = { family: g.family };
    if (g.families.length > 1) rec.families = g.families;
    rec.kind = g.kind;
    rec.gender = g.gender;
    rec.name = g.title || g.n;
    rec.price = money(g.priceC);
    rec.entry = entryOf(g, g.priceC);
    rec.onSale = g.items.some((i) => i.saleC);
    rec.new = g.isNew;
    if (g.setName) rec.set = g.setName;
    if (g.contains) rec.contains = g.contains;
    groupsOut[g.gid] = rec;
  }
  const families = uniq(groups.map((g) => g.family)).sort();
  const count = (arr, key) => {
    const m = {};
    for (const x of arr) m[key(x)] = (m[key(x)] || 0) + 1;
    return Object.fromEntries(Object.entries(m).sort());
  };
  return {
    brand: B.brand,
    format,
    currency: B.currency,
    now: NOW_ISO,
    rules: {
      entry: ENTRY_RULE,
      p25Price: money(p25),
      onSale: format === 'shopify-products-json' ? 'variant compare_at_price > price' : 'item has a sale_price',
      family:
        'The generator\'s own classification of each style, assigned when the style was written (never derived from its text). ' +
        '"set" = a product sold as a set, or one piece of a collection whose copy presents the pieces as matching / co-ord / Zweiteiler; ' +
        'such pieces also list their garment family in "families" (e.g. ["set","leggings"]). "layer" = hoodies, sweatshirts, zip-ups, ' +
        'half-zips, jackets, shells, puffers, fleeces, vests/gilets, shackets, wraps. UK "vest" (a tank top) is "top".',
      products: format === 'shopify-products-json' ? 'keyed by Shopify variant id; "group" is the Shopify product id' : 'keyed by the feed item id (g:id / id); "group" is item_group_id',
    },
    counts: {
      items: items.length,
      groups: groups.length,
      itemsByFamily: count(items, (i) => i.group.family),
      groupsByFamily: count(groups, (g) => g.family),
      itemsOnSale: items.filter((i) => i.saleC).length,
      entryItems: items.filter((i) => entryOf(i.group, i.priceC)).length,
      customersByPersona: count(customers, (c) => c.persona),
    },
    expected: EXPECTED(families),
    customers: Object.fromEntries(customers.map((c) => [c.id, c.persona])),
    products,
    groups: groupsOut,
  };
}

// =================================================================== OUTPUT

// JSON with one record per line: compact, but diffs stay readable.
function jsonLines(obj, depthKeys) {
  const parts = [];
  for (const [k, v] of Object.entries(obj)) {
    if (depthKeys.includes(k) && v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = Object.entries(v).map(([k2, v2]) => `    ${JSON.stringify(k2)}: ${JSON.stringify(v2)}`);
      parts.push(`  ${JSON.stringify(k)}: {\n${inner.join(',\n')}\n  }`);
    } else {
      parts.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v, null, 2).replace(/\n/g, '\n  ')}`);
    }
  }
  return `{\n${parts.join(',\n')}\n}\n`;
}

function customersJson(customers) {
  return '[\n' + customers.map((c) => JSON.stringify({ id: c.id, attributes: c.attributes, events: c.events })).join(',\n') + '\n]\n';
}

// Each brand writes its feed, customers.json and truth.json. Every brand and
// purpose has its own PRNG stream, so the brands do not affect one another.
function generateAll() {
  const files = {};
  for (const B of BRANDS) {
    const groups = B.build();
    files[`${B.key}/${B.feed.file}`] = B.feed.render(groups);
    const customers = buildCustomers(B, groups, B.events());
    files[`${B.key}/customers.json`] = customersJson(customers);
    files[`${B.key}/truth.json`] = jsonLines(buildTruth(B, groups, customers, B.feed.format), ['customers', 'products', 'groups']);
  }
  return files;
}

function main() {
  const check = process.argv.includes('--check');
  const files = generateAll();
  let bad = 0;
  for (const [rel, content] of Object.entries(files)) {
    const path = join(HERE, rel);
    if (check) {
      const cur = existsSync(path) ? readFileSync(path, 'utf8') : null;
      if (cur !== content) {
        console.error(`differs: tests/catalogs/${rel}${cur === null ? ' (missing)' : ''}`);
        bad++;
      }
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      console.log(`wrote tests/catalogs/${rel} (${Buffer.byteLength(content)} bytes)`);
    }
  }
  if (check) {
    if (bad) {
      console.error(`${bad} file(s) differ; run: node tests/catalogs/generate.mjs`);
      process.exit(1);
    }
    console.log(`ok: ${Object.keys(files).length} files match`);
  }
}

main();

