#!/usr/bin/env node
// Synthetic activewear catalogs and customer cohorts for end-to-end tests.
//
//   node tests/catalogs/generate.mjs          write tests/catalogs/<brand>/* files
//   node tests/catalogs/generate.mjs --check  exit 1 if the committed files differ
//
// Node 20+, no dependencies. Every random choice comes from a seeded PRNG
// (xmur3 + mulberry32), one stream per brand and purpose, and the only clock is
// the fixed NOW below, so the output is byte-for-byte reproducible.
//
// The product copy, product types, tags and labels are written the way real
// activewear stores write them (three invented brands: a US, a UK and a German
// one). They were deliberately NOT written against the engine's vocabulary.
// The ground truth (family, persona) comes from how each product was generated,
// never from matching its text. See README.md next to this file.

import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const NOW_ISO = '2026-11-20T12:00:00Z';
const NOW = Date.parse(NOW_ISO);
const MIN = 60000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------- PRNG -----

function hashSeed(str) {
  // xmur3
  let h = 1779033703 ^ str.length;
  for (let i = 0; i < str.length; i++) {
    h = Math.imul(h ^ str.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

class Rng {
  constructor(seed) {
    this.a = hashSeed(String(seed));
  }
  next() {
    // mulberry32
    let t = (this.a = (this.a + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(a, b) {
    return a + Math.floor(this.next() * (b - a + 1));
  }
  float(a, b) {
    return a + this.next() * (b - a);
  }
  chance(p) {
    return this.next() < p;
  }
  pick(arr) {
    if (!arr.length) throw new Error('pick from an empty list');
    return arr[Math.floor(this.next() * arr.length)];
  }
  weighted(arr, w) {
    if (!arr.length) throw new Error('weighted pick from an empty list');
    const ws = arr.map((x, i) => (typeof w === 'function' ? w(x, i) : w[i]));
    let total = 0;
    for (const x of ws) total += x;
    let r = this.next() * total;
    for (let i = 0; i < arr.length; i++) {
      r -= ws[i];
      if (r < 0) return arr[i];
    }
    return arr[arr.length - 1];
  }
  shuffle(arr) {
    const a = arr.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  sample(arr, n) {
    return this.shuffle(arr).slice(0, n);
  }
}

// ------------------------------------------------------------- helpers -----

const slug = (s) =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[éè]/g, 'e')
    .replace(/[™®]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
const money = (c) => (c / 100).toFixed(2);
const num = (c) => Number((c / 100).toFixed(2));
const isoSec = (ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const xmlEsc = (s) =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fill = (tpl, vars) =>
  tpl.replace(/\{(\w+)\}/g, (_, k) => {
    if (vars[k] === undefined) throw new Error(`template variable {${k}} missing in: ${tpl}`);
    return vars[k];
  });
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const uniq = (arr) => [...new Set(arr)];

// A contiguous window of `n` sizes, centred around the middle of the run.
function sizeWindow(R, list, n) {
  if (list.length <= n) return list.slice();
  const mid = Math.floor((list.length - n) / 2);
  const start = Math.max(0, Math.min(list.length - n, mid + R.int(-1, 1)));
  return list.slice(start, start + n);
}

// One catalog line ("style") as written in the brand tables below:
//   L(family, kind, gender, name, price, options)
// family/kind are the generator's own classification (the ground truth); they
// are never printed into the feeds.
const L = (f, k, g, n, p, o = {}) => ({ f, k, g, n, p, ...o });

// Set collections: several pieces of one collection described as matching.
// Each piece is [kind, underlyingFamily, name, price, extraOptions].
const SETC = (set, o, pieces) =>
  pieces.map(([k, uf, n, p, x]) => ({
    f: 'set',
    uf,
    k,
    g: o.g || 'W',
    n,
    p,
    set,
    mates: pieces.filter((q) => q[2] !== n).map((q) => q[2]),
    ...o,
    ...(x || {}),
  }));

const STUDIO_KINDS = new Set(['yoga-legging', 'flare-legging', 'bra-low', 'studio-tank', 'studio-ls']);

// =================================================================== SUMMIT
// A US brand. Google Merchant Center RSS 2.0 feed, USD, ~1,000 items.

const SUMMIT = {
  key: 'summit',
  brand: 'Summit Athletics',
  site: 'https://www.summit-athletics.example',
  currency: 'USD',
  colours: [
    ['Black', 'BLK'], ['True Navy', 'TNV'], ['Bone', 'BON'], ['Espresso', 'ESP'], ['Dark Olive', 'DOL'],
    ['Pink Clay', 'PCL'], ['Heathered Core Grey', 'HCG'], ['Rainforest Green', 'RFG'], ['Lunar Rock', 'LNR'],
    ['Cherry Mist', 'CHM'], ['White', 'WHT'], ['Slate Blue', 'SLB'], ['Wild Berry', 'WBR'], ['Night Sea', 'NSE'],
    ['Merlot', 'MRL'], ['Sandstone', 'SND'], ['Graphite Grey', 'GRG'],
  ],
  sizes: {
    wn: ['0', '2', '4', '6', '8', '10', '12', '14', '16', '18', '20'],
    wa: ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL'],
    ma: ['XS', 'S', 'M', 'L', 'XL', 'XXL', '3XL'],
    sock: ['S', 'M', 'L'],
    os: ['One Size'],
  },
  fabrics: {
    hush: { name: 'Hushweight\u2122', comp: '78% nylon, 22% Lycra\u00ae elastane', mat: 'Nylon/Elastane', feel: 'buttery-soft and weightless, with a naked sensation' },
    lumen: { name: 'Lumen', comp: '75% recycled polyester, 25% elastane', mat: 'Recycled Polyester/Elastane', feel: 'light, smooth and cool to the touch' },
    pace: { name: 'Pacefit\u2122', comp: '74% recycled nylon, 26% elastane', mat: 'Recycled Nylon/Elastane', feel: 'compressive, sweat-wicking and quick-drying' },
    thermal: { name: 'brushed Pacefit\u2122 Thermal', comp: '71% recycled nylon, 29% elastane, brushed interior', mat: 'Recycled Nylon/Elastane', feel: 'brushed inside to hold in heat on cold runs' },
    drive: { name: 'Drivetek', comp: '69% nylon, 31% elastane', mat: 'Nylon/Elastane', feel: 'sculpting, squat-proof and sweat-wicking' },
    seam: { name: 'seamless knit', comp: '92% nylon, 8% elastane', mat: 'Nylon', feel: 'knit in one piece for fewer seams and less chafe' },
    rib: { name: 'Cloud Rib', comp: '80% nylon, 20% elastane', mat: 'Nylon/Elastane', feel: 'ribbed, stretchy and soft' },
    cotton: { name: 'organic cotton jersey', comp: '100% organic cotton', mat: 'Organic Cotton', feel: 'soft, breathable and easy to wear' },
    pima: { name: 'pima cotton', comp: '95% pima cotton, 5% elastane', mat: 'Cotton/Elastane', feel: 'smooth, with a little stretch' },
    terry: { name: 'CloudTerry\u2122 French terry', comp: '82% cotton, 18% polyester', mat: 'Cotton/Polyester', feel: 'soft on the outside and looped on the inside' },
    fleece: { name: 'brushed fleece', comp: '60% cotton, 40% recycled polyester', mat: 'Cotton/Polyester', feel: 'brushed for warmth and plush comfort' },
    air: { name: 'Airweave\u2122 mesh', comp: '88% recycled polyester, 12% elastane', mat: 'Recycled Polyester', feel: 'breathable, with ventilation where you heat up' },
    wind: { name: 'Windline ripstop', comp: '100% recycled nylon with a water-repellent finish', mat: 'Nylon', feel: 'light, packable and wind-resistant' },
    down: { name: '600-fill-power responsibly sourced down', comp: 'Shell: 100% recycled nylon. Fill: 600-fill-power goose down', mat: 'Nylon/Down', feel: 'warm without the bulk' },
    sherpa: { name: 'sherpa fleece', comp: '100% recycled polyester', mat: 'Polyester', feel: 'fuzzy, lofty and cozy' },
    velour: { name: 'stretch velour', comp: '80% cotton, 20% polyester', mat: 'Cotton/Polyester', feel: 'plush with a soft sheen' },
    merino: { name: 'merino wool blend', comp: '52% merino wool, 48% nylon', mat: 'Merino Wool/Nylon', feel: 'naturally temperature-regulating' },
    woven: { name: 'stretch woven', comp: '86% nylon, 14% elastane', mat: 'Nylon/Elastane', feel: 'durable with four-way stretch' },
  },
};

SUMMIT.lines = [
  // --- leggings (women)
  L('leggings', 'yoga-legging', 'W', 'Hushweight High-Rise Legging', 98, { v: ['21"', '25"', '28"', '31"'], fab: 'hush', coll: 'Hushweight', best: 1, st: 1, s: 'core' }),
  L('leggings', 'yoga-legging', 'W', 'Hushweight High-Rise Pant 28"', 98, { fab: 'hush', coll: 'Hushweight', st: 1, s: 'core', pt: 'Women > Pants' }),
  L('leggings', 'flare-legging', 'W', 'Hushweight Flare Pant', 108, { v: ['', '*Tall'], fab: 'hush', coll: 'Hushweight', st: 1, s: 'recent' }),
  L('leggings', 'yoga-legging', 'W', 'Hushweight High-Rise Legging 25" *Shine', 108, { fab: 'hush', coll: 'Hushweight', st: 1, s: 'new', pat: 'Solid' }),
  L('leggings', 'yoga-legging', 'W', 'Hushweight High-Rise Legging 25" *Print', 108, { fab: 'hush', coll: 'Hushweight', st: 1, s: 'new', pat: 'Print' }),
  L('leggings', 'yoga-legging', 'W', 'Lumen Light High-Rise Tight', 88, { v: ['24"', '27"'], fab: 'lumen', coll: 'Lumen', st: 1, s: 'recent' }),
  L('leggings', 'flare-legging', 'W', 'Lumen Light Flare Pant', 98, { fab: 'lumen', coll: 'Lumen', st: 1, s: 'old' }),
  L('leggings', 'yoga-legging', 'W', 'Stillpoint Crossover Waist Legging 7/8', 108, { fab: 'hush', coll: 'Stillpoint', st: 1, s: 'old' }),
  L('leggings', 'yoga-legging', 'W', 'Centerline Barre Legging', 92, { v: ['23"', '26"'], fab: 'lumen', coll: 'Centerline', st: 1, s: 'core' }),
  L('leggings', 'run-tight', 'W', 'Pacefit Run Tight', 128, { v: ['25"', '28"'], fab: 'pace', coll: 'Pacefit', best: 1, s: 'core' }),
  L('leggings', 'run-tight', 'W', 'Pacefit Run Tight 25" *Reflective', 138, { fab: 'pace', coll: 'Pacefit', s: 'new' }),
  L('leggings', 'run-tight', 'W', 'Pacefit Pocket High-Rise Tight 25"', 138, { fab: 'pace', coll: 'Pacefit', s: 'recent' }),
  L('leggings', 'thermal-tight', 'W', 'Pacefit Thermal Run Tight 28"', 148, { fab: 'thermal', coll: 'Pacefit', s: 'new' }),
  L('leggings', 'run-tight', 'W', 'Swift Speed Tight 25"', 118, { fab: 'pace', coll: 'Swift', s: 'old' }),
  L('leggings', 'train-legging', 'W', 'Drivetek Train Legging', 98, { v: ['23"', '25"', '28"'], fab: 'drive', coll: 'Drivetek', best: 1, s: 'core' }),
  L('leggings', 'train-legging', 'W', 'Drivetek Train Legging 25" *Camo', 108, { fab: 'drive', coll: 'Drivetek', s: 'recent', pat: 'Camo' }),
  L('leggings', 'train-legging', 'W', 'Drivetek Pocket Legging 7/8', 108, { fab: 'drive', coll: 'Drivetek', s: 'core' }),
  L('leggings', 'train-legging', 'W', 'Everyday Seamless Legging', 78, { fab: 'seam', coll: 'Seamless', s: 'recent' }),
  L('leggings', 'train-legging', 'W', 'Everyday Seamless Legging *Marl', 78, { fab: 'seam', coll: 'Seamless', s: 'old', pat: 'Heathered' }),
  L('leggings', 'hike-legging', 'W', 'Trailhead Hike Legging', 118, { fab: 'woven', coll: 'Trail', s: 'recent' }),
  L('leggings', 'lounge-legging', 'W', 'Everyday Cotton Legging', 68, { fab: 'pima', coll: 'Essentials', s: 'core' }),
  // --- leggings (men)
  L('leggings', 'run-tight', 'M', "Men's Pacefit Run Tight", 128, { fab: 'pace', coll: 'Pacefit', s: 'core' }),
  L('leggings', 'thermal-tight', 'M', "Men's Merino Base Tight", 98, { fab: 'merino', coll: 'Trail', s: 'new' }),
  L('leggings', 'run-tight', 'M', "Men's Stride Half Tight 8\"", 68, { fab: 'pace', coll: 'Stride', s: 'recent' }),
  // --- bras
  L('bra', 'bra-low', 'W', 'Hushweight Bra Light Support', 58, { v: ['A/B Cup', 'C/D Cup'], fab: 'hush', coll: 'Hushweight', best: 1, st: 1, s: 'core' }),
  L('bra', 'bra-low', 'W', 'Hushweight Longline Bra Light Support', 68, { fab: 'hush', coll: 'Hushweight', st: 1, s: 'core' }),
  L('bra', 'bra-low', 'W', 'Hushweight Crossback Bra Light Support', 58, { fab: 'hush', coll: 'Hushweight', st: 1, s: 'new' }),
  L('bra', 'bra-low', 'W', 'Lumen Strappy Bra Light Support', 52, { fab: 'lumen', coll: 'Lumen', st: 1, s: 'recent' }),
  L('bra', 'bra-low', 'W', 'Stillpoint Wrap Bra Light Support', 58, { fab: 'hush', coll: 'Stillpoint', st: 1, s: 'old' }),
  L('bra', 'bra-medium', 'W', 'Drivetek Train Bra Medium Support', 64, { v: ['B/C Cup', 'D/DD Cup'], fab: 'drive', coll: 'Drivetek', s: 'core' }),
  L('bra', 'bra-medium', 'W', 'Everyday Seamless Bra Medium Support', 48, { fab: 'seam', coll: 'Seamless', s: 'recent' }),
  L('bra', 'bra-medium', 'W', 'Everyday Seamless Bra *Rib', 48, { fab: 'seam', coll: 'Seamless', s: 'old' }),
  L('bra', 'bra-high', 'W', 'Pacefit Run Bra High Support', 78, { fab: 'pace', coll: 'Pacefit', best: 1, s: 'core' }),
  L('bra', 'bra-high', 'W', 'Pacefit Zip-Front Bra High Support', 84, { fab: 'pace', coll: 'Pacefit', s: 'recent' }),
  L('bra', 'bra-high', 'W', 'Swift Racer Bra High Support', 74, { fab: 'pace', coll: 'Swift', s: 'new' }),
  // --- tops (women)
  L('top', 'studio-tank', 'W', 'Hushweight Cropped Tank', 58, { fab: 'hush', coll: 'Hushweight', st: 1, s: 'core' }),
  L('top', 'studio-tank', 'W', 'Lumen Racerback Tank', 48, { fab: 'lumen', coll: 'Lumen', st: 1, s: 'recent' }),
  L('top', 'studio-ls', 'W', 'Stillpoint Ribbed Long Sleeve', 68, { fab: 'rib', coll: 'Stillpoint', st: 1, s: 'old' }),
  L('top', 'studio-ls', 'W', 'Hushweight Long Sleeve Shirt', 78, { fab: 'hush', coll: 'Hushweight', st: 1, s: 'new' }),
  L('top', 'tee', 'W', 'Essential Everyday Tee', 38, { v: ['', '^Cropped'], fab: 'cotton', coll: 'Essentials', best: 1, s: 'core', sz: 'wa' }),
  L('top', 'tee', 'W', 'Boxy Cotton Tee', 42, { fab: 'cotton', coll: 'Essentials', s: 'core', sz: 'wa' }),
  L('top', 'tee', 'W', 'Softest Crew Tee', 48, { fab: 'pima', coll: 'Essentials', s: 'recent' }),
  L('top', 'tee', 'W', 'Organic Cotton Slim Tee', 38, { fab: 'cotton', coll: 'Essentials', s: 'old', sz: 'wa' }),
  L('top', 'tee', 'W', 'Trail Club Oversized Graphic Tee', 48, { fab: 'cotton', coll: 'Trail', s: 'new', sz: 'wa', pat: 'Graphic' }),
  L('top', 'tee', 'W', 'Ribbed Baby Tee', 38, { fab: 'rib', coll: 'Essentials', s: 'recent' }),
  L('top', 'run-tee', 'W', 'Swift Tech Short Sleeve', 68, { fab: 'air', coll: 'Swift', best: 1, s: 'core' }),
  L('top', 'run-tee', 'W', 'Swift Tech Long Sleeve', 78, { fab: 'air', coll: 'Swift', s: 'core' }),
  L('top', 'run-tee', 'W', 'Swift Tech Crop Tee', 64, { fab: 'air', coll: 'Swift', s: 'recent' }),
  L('top', 'tank', 'W', 'Swift Tech Tank', 58, { fab: 'air', coll: 'Swift', s: 'old' }),
  L('top', 'tank', 'W', 'Airweave Muscle Tank', 44, { fab: 'air', coll: 'Drivetek', s: 'recent', sz: 'wa' }),
  L('top', 'tank', 'W', 'Essential Tank', 34, { fab: 'cotton', coll: 'Essentials', s: 'core', sz: 'wa' }),
  L('top', 'long-sleeve', 'W', 'Waffle Knit Long Sleeve', 58, { fab: 'cotton', coll: 'Essentials', s: 'recent', sz: 'wa' }),
  // --- tops (men)
  L('top', 'run-tee', 'M', "Men's Airweave Tech Tee", 68, { fab: 'air', coll: 'Airweave', best: 1, s: 'core' }),
  L('top', 'run-tee', 'M', "Men's Airweave Tech Long Sleeve", 78, { fab: 'air', coll: 'Airweave', s: 'recent' }),
  L('top', 'run-tee', 'M', "Men's Swift Tech Long Sleeve", 78, { fab: 'air', coll: 'Swift', s: 'old' }),
  L('top', 'tee', 'M', "Men's Everyday Cotton Tee", 38, { fab: 'cotton', coll: 'Essentials', best: 1, s: 'core' }),
  L('top', 'tee', 'M', "Men's Cotton Pocket Tee", 42, { fab: 'cotton', coll: 'Essentials', s: 'recent' }),
  L('top', 'tee', 'M', "Men's Heavyweight Box Tee", 48, { fab: 'cotton', coll: 'Essentials', s: 'new' }),
  L('top', 'tank', 'M', "Men's Airweave Training Tank", 44, { fab: 'air', coll: 'Airweave', s: 'recent' }),
  L('top', 'long-sleeve', 'M', "Men's Waffle Henley Long Sleeve", 68, { fab: 'cotton', coll: 'Essentials', s: 'old' }),
  // --- bottoms (women)
  L('bottom', 'jogger', 'W', 'CloudTerry Jogger', 98, { v: ['', '^Cropped', '*Tall'], fab: 'terry', coll: 'CloudTerry', best: 1, s: 'core' }),
  L('bottom', 'sweatpant', 'W', 'CloudTerry Relaxed Sweatpant', 108, { fab: 'terry', coll: 'CloudTerry', s: 'core' }),
  L('bottom', 'jogger', 'W', 'Softstack Fleece Jogger', 118, { fab: 'fleece', coll: 'Softstack', s: 'new' }),
  L('bottom', 'sweatpant', 'W', 'Softstack Wide-Leg Sweatpant', 118, { fab: 'fleece', coll: 'Softstack', s: 'recent' }),
  L('bottom', 'jogger', 'W', 'Trail Cargo Jogger', 118, { fab: 'woven', coll: 'Trail', s: 'recent' }),
  L('bottom', 'wide-pant', 'W', 'Terry Wide-Leg Pant', 108, { fab: 'terry', coll: 'CloudTerry', s: 'old' }),
  L('bottom', 'run-short', 'W', 'Heatwave Low-Rise Short', 68, { v: ['2.5"', '4"', '6"'], fab: 'air', coll: 'Heatwave', best: 1, s: 'core' }),
  L('bottom', 'biker-short', 'W', 'Everyday Biker Short', 58, { v: ['4"', '6"'], fab: 'drive', coll: 'Drivetek', s: 'core' }),
  L('bottom', 'skirt', 'W', 'Pleated Court Skirt', 78, { fab: 'woven', coll: 'Court', s: 'old', sz: 'wa' }),
  L('bottom', 'lounge-short', 'W', 'Relaxed Sweat Short', 58, { fab: 'terry', coll: 'CloudTerry', s: 'recent' }),
  // --- bottoms (men)
  L('bottom', 'run-short', 'M', "Men's Stride Lined Short", 78, { v: ['5"', '7"'], fab: 'woven', coll: 'Stride', best: 1, s: 'core' }),
  L('bottom', 'run-short', 'M', "Men's Stride Linerless Short", 68, { v: ['7"', '9"'], fab: 'woven', coll: 'Stride', s: 'core' }),
  L('bottom', 'run-short', 'M', "Men's Airweave Training Short 7\"", 64, { fab: 'air', coll: 'Airweave', s: 'recent' }),
  L('bottom', 'jogger', 'M', "Men's Everyday Jogger", 108, { v: ['29"', '32"'], fab: 'terry', coll: 'CloudTerry', best: 1, s: 'core' }),
  L('bottom', 'jogger', 'M', "Men's Softstack Jogger", 118, { fab: 'fleece', coll: 'Softstack', s: 'new' }),
  L('bottom', 'sweatpant', 'M', "Men's Fleece Sweatpant", 98, { fab: 'fleece', coll: 'Softstack', s: 'recent' }),
  L('bottom', 'commute-pant', 'M', "Men's Commute Pant 32\"", 128, { fab: 'woven', coll: 'Commute', s: 'core' }),
  L('bottom', 'lounge-short', 'M', "Men's Terry Sweat Short 9\"", 68, { fab: 'terry', coll: 'CloudTerry', s: 'old' }),
  // --- layers (women)
  L('layer', 'hoodie', 'W', 'CloudTerry Half-Zip Hoodie', 118, { v: ['', '^Cropped'], fab: 'terry', coll: 'CloudTerry', best: 1, s: 'core', sz: 'wa' }),
  L('layer', 'hoodie', 'W', 'CloudTerry Oversized Hoodie', 118, { fab: 'terry', coll: 'CloudTerry', s: 'recent', sz: 'wa' }),
  L('layer', 'zip-hoodie', 'W', 'Softstack Cropped Full-Zip Hoodie', 128, { fab: 'fleece', coll: 'Softstack', s: 'new', sz: 'wa' }),
  L('layer', 'crew-sweat', 'W', 'CloudTerry Crew Sweatshirt', 98, { fab: 'terry', coll: 'CloudTerry', s: 'core', sz: 'wa' }),
  L('layer', 'fitted-jacket', 'W', 'Contour Fitted Jacket', 118, { v: ['', '^Cropped'], fab: 'lumen', coll: 'Contour', best: 1, s: 'core' }),
  L('layer', 'fitted-jacket', 'W', 'Contour Fitted Jacket *Shine', 128, { fab: 'lumen', coll: 'Contour', s: 'new' }),
  L('layer', 'run-jacket', 'W', 'Windline Packable Run Jacket', 148, { fab: 'wind', coll: 'Windline', s: 'core' }),
  L('layer', 'run-jacket', 'W', 'Windline Storm Run Shell', 178, { fab: 'wind', coll: 'Windline', s: 'new' }),
  L('layer', 'run-jacket', 'W', 'Windline Hooded Anorak', 158, { fab: 'wind', coll: 'Windline', s: 'old' }),
  L('layer', 'puffer', 'W', 'Alpine Down Puffer', 248, { fab: 'down', coll: 'Alpine', s: 'new', sz: 'wa' }),
  L('layer', 'puffer', 'W', 'Alpine Cropped Puffer', 228, { fab: 'down', coll: 'Alpine', s: 'recent', sz: 'wa' }),
  L('layer', 'puffer', 'W', 'Alpine Long Down Parka', 298, { fab: 'down', coll: 'Alpine', s: 'new', sz: 'wa' }),
  L('layer', 'gilet', 'W', 'Alpine Down Vest', 168, { fab: 'down', coll: 'Alpine', s: 'recent', sz: 'wa' }),
  L('layer', 'gilet', 'W', 'Sherpa Fleece Vest', 118, { fab: 'sherpa', coll: 'Sherpa', s: 'old', sz: 'wa' }),
  L('layer', 'fleece', 'W', 'Sherpa Fleece Zip Jacket', 148, { fab: 'sherpa', coll: 'Sherpa', s: 'recent', sz: 'wa' }),
  L('layer', 'half-zip', 'W', 'Grid Fleece Half-Zip', 118, { fab: 'fleece', coll: 'Trail', s: 'core' }),
  L('layer', 'half-zip', 'W', 'Thermal Trail Quarter-Zip', 108, { fab: 'merino', coll: 'Trail', s: 'old' }),
  L('layer', 'shacket', 'W', 'Quilted Shacket', 168, { fab: 'woven', coll: 'Alpine', s: 'recent', sz: 'wa' }),
  L('layer', 'wrap', 'W', 'Studio Wrap Cardigan', 128, { fab: 'rib', coll: 'Stillpoint', s: 'old', sz: 'wa' }),
  // --- layers (men)
  L('layer', 'hoodie', 'M', "Men's CloudTerry Pullover Hoodie", 118, { fab: 'terry', coll: 'CloudTerry', best: 1, s: 'core' }),
  L('layer', 'zip-hoodie', 'M', "Men's CloudTerry Full-Zip Hoodie", 128, { fab: 'terry', coll: 'CloudTerry', s: 'core' }),
  L('layer', 'crew-sweat', 'M', "Men's CloudTerry Crew", 98, { fab: 'terry', coll: 'CloudTerry', s: 'recent' }),
  L('layer', 'run-jacket', 'M', "Men's Windline Run Jacket", 158, { fab: 'wind', coll: 'Windline', s: 'core' }),
  L('layer', 'puffer', 'M', "Men's Alpine Down Puffer", 268, { fab: 'down', coll: 'Alpine', s: 'new' }),
  L('layer', 'half-zip', 'M', "Men's Grid Fleece Half-Zip", 128, { fab: 'fleece', coll: 'Trail', s: 'recent' }),
  L('layer', 'gilet', 'M', "Men's Insulated Trail Vest", 178, { fab: 'down', coll: 'Trail', s: 'old' }),
  L('layer', 'gilet', 'M', "Men's Windline Vest", 128, { fab: 'wind', coll: 'Windline', s: 'recent' }),
  L('layer', 'fleece', 'M', "Men's Sherpa Fleece Jacket", 158, { fab: 'sherpa', coll: 'Sherpa', s: 'new' }),
  L('layer', 'shacket', 'M', "Men's Coach Overshirt", 148, { fab: 'woven', coll: 'Commute', s: 'core' }),
  // --- sets
  L('set', 'set-bundle', 'W', 'Airlift Bra & Legging Set', 158, { fab: 'lumen', coll: 'Airlift', s: 'new', pieces: 'bra and 25" legging', contains: ['bra', 'leggings'] }),
  L('set', 'set-bundle', 'W', 'Studio Essentials Set', 148, { fab: 'hush', coll: 'Hushweight', s: 'core', pieces: 'Hushweight Bra and Hushweight 25" Legging', contains: ['bra', 'leggings'] }),
  L('set', 'set-bundle', 'W', 'Seamless Bra & Short Set', 98, { fab: 'seam', coll: 'Seamless', s: 'recent', pieces: 'seamless bra and 6" short', contains: ['bra', 'bottom'] }),
  L('set', 'set-lounge', 'W', 'Terry Club Lounge Set', 178, { fab: 'terry', coll: 'Terry Club', s: 'recent', sz: 'wa', pieces: 'crew sweatshirt and jogger', contains: ['layer', 'bottom'] }),
  L('set', 'set-court', 'W', 'Court Club Tank & Skirt Set', 128, { fab: 'woven', coll: 'Court', s: 'old', sz: 'wa', pieces: 'tank and pleated skirt', contains: ['top', 'bottom'] }),
  L('set', 'set-track', 'M', "Men's Terry Club Tracksuit Set", 198, { fab: 'terry', coll: 'Terry Club', s: 'core', pieces: 'full-zip and jogger', contains: ['layer', 'bottom'] }),
  ...SETC('Cloud Rib', { coll: 'Cloud Rib', s: 'new', fab: 'rib' }, [
    ['bra-low', 'bra', 'Cloud Rib Bra', 58],
    ['yoga-legging', 'leggings', 'Cloud Rib Legging 25"', 98],
    ['biker-short', 'bottom', 'Cloud Rib Biker Short 6"', 64],
    ['long-sleeve', 'top', 'Cloud Rib Long Sleeve', 78],
    ['tank', 'top', 'Cloud Rib Crop Tank', 54],
  ]),
  ...SETC('Seamless Sculpt', { coll: 'Seamless', s: 'recent', fab: 'seam' }, [
    ['bra-medium', 'bra', 'Seamless Sculpt Bra', 52],
    ['train-legging', 'leggings', 'Seamless Sculpt Legging', 82],
    ['biker-short', 'bottom', 'Seamless Sculpt Short 5"', 58],
  ]),
  ...SETC('Velour Lounge', { coll: 'Velour', s: 'new', fab: 'velour', sz: 'wa' }, [
    ['zip-hoodie', 'layer', 'Velour Zip Jacket', 138],
    ['wide-pant', 'bottom', 'Velour Flare Pant', 118],
  ]),
  ...SETC('Liquid Shine', { coll: 'Shine', s: 'new', fab: 'lumen' }, [
    ['bra-medium', 'bra', 'Liquid Shine Longline Bra', 68],
    ['yoga-legging', 'leggings', 'Liquid Shine High-Rise Legging 25"', 108],
  ]),
  ...SETC('Essentials Rib', { coll: 'Essentials', s: 'recent', fab: 'rib', sz: 'wa' }, [
    ['tank', 'top', 'Essentials Rib Tank', 48],
    ['wide-pant', 'bottom', 'Essentials Rib Wide-Leg Pant', 98],
  ]),
  // --- one-pieces
  L('onepiece', 'onepiece', 'W', 'Hushweight Studio Onesie', 118, { fab: 'hush', coll: 'Hushweight', s: 'recent' }),
  L('onepiece', 'onepiece', 'W', 'Seamless Unitard', 98, { fab: 'seam', coll: 'Seamless', s: 'new' }),
  L('onepiece', 'dress', 'W', 'Court Exercise Dress', 100, { fab: 'woven', coll: 'Court', s: 'old', sz: 'wa' }),
  // --- accessories
  L('accessory', 'socks', 'U', 'Daily Crew Sock 3-Pack', 28, { sz: 'sock', coll: 'Accessories', s: 'core', best: 1, mat: 'Cotton/Nylon' }),
  L('accessory', 'socks', 'U', 'No-Show Sock 3-Pack', 24, { sz: 'sock', coll: 'Accessories', s: 'core', mat: 'Cotton/Nylon' }),
  L('accessory', 'socks', 'U', 'Pacefit Run Sock', 18, { sz: 'sock', coll: 'Pacefit', s: 'recent', mat: 'Nylon/Elastane' }),
  L('accessory', 'socks', 'W', 'Studio Grip Sock', 16, { sz: 'sock', coll: 'Hushweight', s: 'recent', mat: 'Cotton/Silicone' }),
  L('accessory', 'headband', 'U', 'Fly Away Headband', 14, { coll: 'Accessories', s: 'core', best: 1, mat: 'Nylon/Elastane' }),
  L('accessory', 'headband', 'U', 'Cooling Headband 2-Pack', 18, { coll: 'Accessories', s: 'new', mat: 'Nylon/Elastane' }),
  L('accessory', 'scrunchie', 'W', 'Silk Scrunchie 3-Pack', 16, { coll: 'Accessories', s: 'core', mat: 'Silk' }),
  L('accessory', 'hairties', 'W', 'Glide Hair Ties 10-Pack', 10, { coll: 'Accessories', s: 'core', mat: 'Nylon' }),
  L('accessory', 'cap', 'U', 'Trail Run Cap', 35, { coll: 'Trail', s: 'recent', mat: 'Recycled Polyester' }),
  L('accessory', 'beanie', 'U', 'Ribbed Cuff Beanie', 35, { coll: 'Alpine', s: 'new', mat: 'Merino Wool' }),
  L('accessory', 'beanie', 'U', 'Knit Ear Warmer', 28, { coll: 'Alpine', s: 'old', mat: 'Acrylic/Wool' }),
  L('accessory', 'gloves', 'U', 'Thermal Run Gloves', 32, { coll: 'Pacefit', s: 'recent', mat: 'Polyester/Elastane' }),
  L('accessory', 'bottle', 'U', 'Insulated Bottle 24 oz', 32, { coll: 'Accessories', s: 'core', mat: 'Stainless Steel' }),
  L('accessory', 'bottle', 'U', 'Insulated Bottle 32 oz', 38, { coll: 'Accessories', s: 'recent', mat: 'Stainless Steel' }),
  L('accessory', 'beltbag', 'U', 'Everywhere Belt Bag', 38, { coll: 'Accessories', s: 'core', best: 1, mat: 'Recycled Nylon' }),
  L('accessory', 'beltbag', 'U', 'Everywhere Belt Bag Large', 48, { coll: 'Accessories', s: 'recent', mat: 'Recycled Nylon' }),
  L('accessory', 'beltbag', 'W', 'Mini Crossbody Bag', 48, { coll: 'Accessories', s: 'new', mat: 'Recycled Nylon' }),
  L('accessory', 'tote', 'W', 'Studio Tote', 48, { coll: 'Hushweight', s: 'old', mat: 'Cotton Canvas' }),
  L('accessory', 'duffel', 'U', 'Weekender Duffel 40L', 98, { coll: 'Accessories', s: 'core', mat: 'Recycled Polyester' }),
  L('accessory', 'mat', 'U', 'Grip Yoga Mat 5mm', 88, { coll: 'Yoga Gear', s: 'core', mat: 'Natural Rubber/Polyurethane' }),
  L('accessory', 'mat', 'U', 'Travel Yoga Mat 1.5mm', 58, { coll: 'Yoga Gear', s: 'recent', mat: 'Natural Rubber' }),
  L('accessory', 'block', 'U', 'Cork Yoga Block', 24, { coll: 'Yoga Gear', s: 'core', mat: 'Cork' }),
  L('accessory', 'strap', 'U', 'Yoga Strap', 18, { coll: 'Yoga Gear', s: 'core', mat: 'Cotton' }),
  L('accessory', 'towel', 'U', 'Quick-Dry Sweat Towel', 22, { coll: 'Accessories', s: 'old', mat: 'Microfiber' }),
];

SUMMIT.seasonLabel = { core: 'Core', new: ['FA26 Drop 3', 'HO26 Drop 1'], recent: ['FA26 Drop 1', 'SU26'], old: ['SP26 Drop 2', 'FA25'] };

// Copy: i = opening sentences, b = body sentences, h = product highlights.
SUMMIT.copy = {
  'yoga-legging': {
    i: [
      'Designed for yoga, the {name} is made with our {fabname} fabric so you can focus on your practice, not your waistband.',
      'Feel-nothing softness for flow, stretch and everything in between. The {name} moves with you from sun salutations to savasana.',
      'Made for mat days, reformer classes and slow mornings, with a high rise that stays put through every pose. The {fabname} fabric is {fabfeel}.',
      'Our studio favorite. Ultra-soft, four-way stretch and barely-there, for practice that goes deep and low-impact sessions that go long.',
    ],
    b: ['The wide waistband lies flat and won\u2019t dig in when you fold forward.', 'Hidden waistband pocket holds a key or card.', 'No front seam, so nothing gets in the way in pigeon or child\u2019s pose.', 'Intended for low-impact movement like yoga, pilates and barre.', 'Gusset designed for range of motion.'],
    h: ['Buttery-soft, weightless feel', 'Four-way stretch', 'High rise sits at your natural waist', 'Hidden waistband pocket', 'Designed for yoga and pilates', 'Sweat-wicking and breathable', 'Intended for low-impact workouts'],
  },
  'flare-legging': {
    i: [
      'The {name} is fitted through the hip and thigh with a flare from the knee. Our {fabname} fabric is {fabfeel}.',
      'A 70s silhouette made for the studio. Soft, stretchy and easy to move in, with a gentle flare at the hem.',
    ],
    b: ['Wear it to class, then straight to brunch.', 'High-rise waistband smooths and stays put in every pose.', 'Designed for yoga, pilates and everyday wear.'],
    h: ['Flared leg from the knee', 'Soft four-way stretch', 'High rise', 'Studio-to-street', 'Designed for low-impact movement'],
  },
  'train-legging': {
    i: [
      'Lift, squat, sweat, repeat. The {name} is {fabfeel}, made to hold you in through your hardest sets.',
      'Built for the gym floor: {fabname} fabric with a supportive, sculpting feel that stays opaque in a deep squat.',
      'Go all-in on HIIT and strength days in the {name}, a high-rise legging that keeps up when the intensity climbs.',
    ],
    b: ['Side drop-in pockets fit your phone.', 'Sweat-wicking and quick-drying.', 'Waistband designed to stay put through burpees and box jumps.', 'Squat-proof fabric passes our deep-squat test.'],
    h: ['Sculpting, supportive fit', 'Squat-proof', 'Sweat-wicking', 'Side drop-in pockets', 'Made for training and HIIT'],
  },
  'run-tight': {
    i: [
      'Built for high-impact miles. The {name} hugs with a compressive fit that won\u2019t slip mid-stride.',
      'Go fast, go far: a supportive running tight in {fabname} fabric, {fabfeel}, with reflective details for low-light runs.',
      'Our most secure tight for speed work, race day and long runs. Locked-in support, zero bounce, pockets for everything.',
    ],
    b: ['Side drop-in pockets hold your phone steady; a zippered back pocket stows a key or gel.', 'Continuous drawcord lets you dial in the fit.', 'Reflective details for visibility at dawn and dusk.', 'Designed for running and high-intensity training.'],
    h: ['Compressive, sculpting fit', 'Stays put on high-impact runs', 'Zippered back pocket', 'Reflective details', 'Sweat-wicking, quick-drying'],
  },
  'thermal-tight': {
    i: [
      'Cold-weather running, sorted. The {name} is {fabfeel}.',
      'When the temperature drops, the miles don\u2019t. A warm, compressive tight for winter training runs.',
    ],
    b: ['Zippered ankle openings for easy on and off.', 'Reflective details for dark mornings.', 'Wind-resistant panels at the front of the thigh.'],
    h: ['Brushed for warmth', 'Made for cold-weather runs', 'Reflective details', 'Secure zip pocket'],
  },
  'lounge-legging': {
    i: ['The {name} is your everyday staple in {fabname}: {fabfeel}, and it goes with everything.', 'A simple, soft legging in {fabname} for errands, travel and the couch.'],
    b: ['Mid-rise with an elastic waistband.', 'Breathable and easy to wash and wear.'],
    h: ['Everyday essential', 'Soft cotton stretch', 'Easy care'],
  },
  'hike-legging': {
    i: ['Trail-ready from the first climb. The {name} is {fabfeel}, with cargo pockets for your map, phone and snacks.', 'A durable legging built for hikes and long days outside.'],
    b: ['Abrasion-resistant panels at the knee.', 'Thigh cargo pockets with snap closure.', 'Water-repellent finish sheds light rain.'],
    h: ['Durable stretch fabric', 'Cargo pockets', 'Water-repellent finish', 'Designed for hiking'],
  },
  'bra-low': {
    i: [
      'Light support for yoga and low-impact workouts. The {name} is {fabfeel}, made to feel like nothing at all.',
      'Designed for your practice: soft, minimal coverage with light support for flow, stretch and pilates.',
      'A gentle hug for low-impact days. Removable cups and a wide band that won\u2019t dig in.',
    ],
    b: ['Removable cups for shape and coverage.', 'Best for A/B cups.', 'Crossback straps move with you.', 'Soft elastic band sits flat against the skin.'],
    h: ['Light support', 'Intended for low-impact activities', 'Removable cups', 'Buttery-soft feel', 'Designed for yoga'],
  },
  'bra-medium': {
    i: ['Medium support for training days. The {name} balances hold and comfort through lifts, circuits and spin.', 'A supportive bra for the gym: {fabname} fabric, {fabfeel}, with a wide underband.'],
    b: ['Racerback straps for freedom of movement.', 'Removable cups.', 'Best for B-D cups.'],
    h: ['Medium support', 'Made for training', 'Removable cups', 'Sweat-wicking'],
  },
  'bra-high': {
    i: [
      'Maximum support for maximum impact. The {name} locks you in for running, jumping and HIIT.',
      'Our most supportive run bra: encapsulated cups and an adjustable band minimize bounce mile after mile.',
    ],
    b: ['Adjustable straps and hook-and-eye closure.', 'Molded cups for shape and support.', 'Best for C-G cups.', 'Designed and tested for high-impact running.'],
    h: ['High support', 'Designed for high-impact running', 'Adjustable straps', 'Encapsulated molded cups', 'Bounce-minimizing'],
  },
  'studio-tank': {
    i: ['Layer it over your favorite bra for flow or wear it solo: the {name} is {fabfeel}.', 'A soft, fitted tank for yoga, pilates and barre, cut to move with you.'],
    b: ['Cropped to hit at the waistband of your high-rise leggings.', 'Built-in shelf bra for light support.', 'Lightweight and breathable.'],
    h: ['Soft, second-skin feel', 'Fitted for the studio', 'Cropped length', 'Light support shelf bra'],
  },
  'studio-ls': {
    i: ['The {name} is a fitted long sleeve made for warm-ups and cool-downs on the mat.', 'Soft, stretchy and close to the body, for studio sessions that start cold and end warm.'],
    b: ['Thumbholes keep sleeves in place.', 'Slightly cropped to pair with high-rise bottoms.'],
    h: ['Fitted, soft stretch', 'Thumbholes', 'Designed for yoga', 'Breathable'],
  },
  tee: {
    i: ['The {name} is the one you\u2019ll reach for every day. Made from {fabname}, it\u2019s {fabfeel}.', 'An everyday tee with a clean crew neck and a soft, lived-in feel.', 'Easy, breathable and made to be worn on repeat, the {name} goes with everything.'],
    b: ['Relaxed fit through the body.', 'Drop shoulder for an easy drape.', 'Pre-shrunk.', 'Tuck it, knot it or wear it loose.'],
    h: ['Everyday essential', 'Soft cotton', 'Relaxed fit', 'Pre-shrunk'],
  },
  tank: {
    i: ['A breezy tank for hot days and hard workouts. The {name} is {fabfeel}.', 'Open back, light fabric and a relaxed cut: the {name} keeps you cool through every set.'],
    b: ['Dropped armholes for airflow.', 'Quick-drying.'],
    h: ['Breathable', 'Relaxed fit', 'Quick-drying'],
  },
  'run-tee': {
    i: ['Made for the miles, the {name} is {fabfeel}.', 'Your go-to running top: seamless construction and ventilation zones where you heat up.'],
    b: ['Anti-stink treatment keeps it fresh between washes.', 'Seamless construction to reduce chafing.', 'Reflective logo.'],
    h: ['Sweat-wicking', 'Anti-stink', 'Seamless, low-chafe', 'Made for running'],
  },
  'long-sleeve': {
    i: ['The {name} is an easy long sleeve in {fabname}, perfect on its own or layered.', 'A textured long sleeve that works as well on a walk as it does on the sofa.'],
    b: ['Relaxed fit.', 'Ribbed cuffs.'],
    h: ['Textured knit', 'Relaxed fit', 'Everyday comfort'],
  },
  jogger: {
    i: ['Weekend mode: on. The {name} is {fabfeel}, with a tapered leg and cuffed hem.', 'Soft, relaxed and made for everyday, the {name} goes from coffee run to couch.', 'Our classic jogger in {fabname}, with pockets deep enough for your phone.'],
    b: ['Drawcord waistband.', 'Side pockets and a hidden card pocket.', 'Tapered leg with ribbed cuffs.'],
    h: ['Relaxed fit', 'Tapered leg', 'Soft French terry', 'Deep side pockets'],
  },
  sweatpant: {
    i: ['A relaxed sweatpant that feels as good as it looks. The {name} is {fabfeel}.', 'Straight-leg sweats made for lounging, travel and everything in between.'],
    b: ['Elastic waistband with drawcord.', 'Open hem.', 'Side pockets.'],
    h: ['Relaxed straight leg', 'Brushed for softness', 'Everyday comfort'],
  },
  'wide-pant': {
    i: ['Wide-leg and easy, the {name} drapes beautifully in {fabname}.', 'A relaxed wide-leg pant you can dress up or down.'],
    b: ['High rise.', 'Full-length wide leg.'],
    h: ['Wide leg', 'High rise', 'Soft drape'],
  },
  'run-short': {
    i: ['Lightweight, breathable and made to move fast. The {name} has a built-in liner and a zip pocket.', 'Our go-to running short, with split hems and a pocket for your key.'],
    b: ['Built-in liner.', 'Zippered back pocket.', 'Reflective details.', 'Quick-drying.'],
    h: ['Lightweight', 'Built-in liner', 'Zippered pocket', 'Made for running'],
  },
  'biker-short': {
    i: ['The {name} is a high-rise bike short in {fabname}, {fabfeel}.', 'Everyday biker shorts that stay put: no ride-up, no see-through.'],
    b: ['Side pocket.', 'High-rise waistband.'],
    h: ['High rise', 'No ride-up', 'Side pocket'],
  },
  'lounge-short': {
    i: ['Soft terry shorts for hot days and lazy weekends. The {name} is {fabfeel}.', 'An easy pull-on short made for downtime.'],
    b: ['Drawcord waist.', 'Side pockets.'],
    h: ['Soft terry', 'Relaxed fit', 'Side pockets'],
  },
  skirt: {
    i: ['Court-ready and café-ready. The {name} has built-in shorts and a pocket for a ball.', 'A pleated skirt with a swingy fit and a built-in short.'],
    b: ['Built-in liner short with ball pocket.', 'Sweat-wicking.'],
    h: ['Built-in short', 'Pleated', 'Sweat-wicking'],
  },
  'commute-pant': {
    i: ['Looks like a chino, moves like a track pant. The {name} is made of {fabname}, {fabfeel}.'],
    b: ['Hidden zip pocket.', 'Gusseted crotch.', 'Water-repellent finish.'],
    h: ['Four-way stretch', 'Water-repellent', 'Office-to-bike'],
  },
  hoodie: {
    i: ['The {name} is the layer you\u2019ll live in: {fabname} with an oversized, cozy fit.', 'Cozy season is here. A relaxed hoodie with a roomy hood and kangaroo pocket.', 'Pull it on before, after and in between. Soft, warm and easy to layer.'],
    b: ['Kangaroo pocket.', 'Thumbholes in the cuffs.', 'Lined hood.', 'Oversized fit, so size down for a closer fit.'],
    h: ['Oversized fit', 'Soft and cozy', 'Lined hood', 'Kangaroo pocket'],
  },
  'zip-hoodie': {
    i: ['An easy full-zip hoodie in {fabname}, {fabfeel}.', 'Zip it up on the way out, throw it on after class: the {name} is made for layering.'],
    b: ['Two-way zipper.', 'Zippered pockets.'],
    h: ['Full zip', 'Zippered pockets', 'Easy to layer'],
  },
  'crew-sweat': {
    i: ['A classic crew sweatshirt, {fabfeel}.', 'The sweatshirt that goes with everything, in our {fabname}.'],
    b: ['Ribbed cuffs and hem.', 'Relaxed fit.'],
    h: ['Relaxed fit', 'Soft terry', 'Classic crew neck'],
  },
  'fitted-jacket': {
    i: ['Zip it up after class: the {name} is a fitted jacket with a sculpting feel. The {fabname} fabric is {fabfeel}.', 'Our bestselling fitted jacket, cut close to the body with thumbholes and secure pockets.'],
    b: ['Thumbholes and cuffins keep your hands warm.', 'Zippered side pockets.', 'Slim fit hugs your body.'],
    h: ['Fitted, sculpting', 'Thumbholes', 'Zippered pockets', 'Layer over or under'],
  },
  'run-jacket': {
    i: ['A featherlight shell for wind, drizzle and dark miles. The {name} is {fabfeel}.', 'Packs into its own pocket, unfolds for the weather. A running jacket made for changing conditions.'],
    b: ['Water-repellent finish.', 'Reflective details front and back.', 'Vented back yoke.', 'Packs into its own chest pocket.'],
    h: ['Wind-resistant', 'Water-repellent', 'Packable', 'Reflective details'],
  },
  puffer: {
    i: ['Warmth that goes the distance. The {name} is filled with {fabname}, {fabfeel}.', 'Cold mornings meet their match: a down puffer with a high collar and a hood that fits over a beanie.'],
    b: ['Water-repellent shell.', 'Packs into its own pocket.', 'Fleece-lined hand pockets.', 'Adjustable hem.'],
    h: ['Responsibly sourced down', 'Water-repellent', 'Packable', 'Lightweight warmth'],
  },
  gilet: {
    i: ['Core warmth without the sleeves. The {name} layers over a long sleeve or under a shell.', 'A lightweight vest in {fabname}, {fabfeel}.'],
    b: ['Zippered hand pockets.', 'Packs down small.'],
    h: ['Core warmth', 'Zippered pockets', 'Easy to layer'],
  },
  fleece: {
    i: ['The {name} is {fabfeel}: the layer for cold-weather walks and cozy weekends.', 'A fuzzy zip jacket with a high collar and contrast pockets.'],
    b: ['Stand collar.', 'Zippered chest pocket.'],
    h: ['Lofty fleece', 'Full zip', 'Stand collar'],
  },
  'half-zip': {
    i: ['A warm half-zip for cool runs and weekend hikes. The {name} is {fabfeel}.', 'Throw it on over a tee: the {name} is a half-zip pullover with a stand collar.'],
    b: ['Thumbholes.', 'Zippered chest pocket.'],
    h: ['Half zip', 'Warm', 'Thumbholes'],
  },
  shacket: {
    i: ['Half shirt, half jacket. The {name} is a quilted overshirt for in-between weather.', 'A boxy shirt jacket in {fabname} with snap closures and chest pockets.'],
    b: ['Snap front.', 'Chest and side pockets.'],
    h: ['Shirt-jacket', 'Quilted warmth', 'Snap front'],
  },
  wrap: {
    i: ['Wrap up after class in the {name}, a soft ribbed cardigan with an open front.', 'A cozy wrap for cool studios and cooler commutes.'],
    b: ['Open front.', 'Long, relaxed sleeves.'],
    h: ['Soft rib', 'Open front', 'Cozy layer'],
  },
  onepiece: {
    i: ['One and done. The {name} is a one-piece you can flow, lift and lounge in.', 'A sleek unitard in {fabname}, {fabfeel}.'],
    b: ['Built-in shelf bra.', 'Low back.'],
    h: ['One-piece', 'Built-in support', 'Sculpting fit'],
  },
  dress: {
    i: ['The {name} is a dress with built-in shorts made for tennis, pickleball and running errands.'],
    b: ['Built-in shorts with pockets.', 'Sweat-wicking.'],
    h: ['Built-in shorts', 'Adjustable straps', 'Sweat-wicking'],
  },
  socks: { i: ['Cushioned where you need it, breathable where you don\u2019t. {name}.', 'Soft, supportive socks that stay up all day.'], b: ['Arch support.', 'Seamless toe.'], h: ['Arch support', 'Seamless toe', 'Breathable'] },
  headband: { i: ['Keeps flyaways in place through every rep. The {name} won\u2019t slip.'], b: ['Sweat-wicking.'], h: ['Non-slip', 'Sweat-wicking'] },
  scrunchie: { i: ['Gentle on hair and cute on your wrist: {name}.'], b: ['No creases or breakage.'], h: ['Gentle hold'] },
  hairties: { i: ['Hair ties that hold tight without the tug.'], b: ['Snag-free.'], h: ['Snag-free', 'Strong hold'] },
  cap: { i: ['A lightweight cap for sunny miles. The {name} dries fast.'], b: ['Adjustable back.', 'Sweatband.'], h: ['Lightweight', 'Quick-drying', 'Adjustable'] },
  beanie: { i: ['Warm ears, happy runs. The {name} is soft and warm.'], b: ['Ribbed knit.'], h: ['Warm', 'Soft knit'] },
  gloves: { i: ['Touchscreen-friendly gloves for cold miles.'], b: ['Reflective details.'], h: ['Touchscreen-compatible', 'Warm'] },
  bottle: { i: ['Cold for 24 hours, hot for 12. The {name} goes everywhere you go.'], b: ['Leakproof lid.', 'Fits most cup holders.'], h: ['Insulated', 'Leakproof', 'BPA-free'] },
  beltbag: { i: ['Hands-free and ready for anything. The {name} fits your phone, keys and cards.'], b: ['Adjustable strap.', 'Water-repellent fabric.'], h: ['Wear it crossbody or around the waist', 'Water-repellent'] },
  tote: { i: ['A roomy canvas tote for your mat, water bottle and change of clothes.'], b: ['Inner zip pocket.'], h: ['Roomy', 'Fits a yoga mat'] },
  duffel: { i: ['Gym, weekend, carry-on: the {name} does it all.'], b: ['Ventilated shoe compartment.', 'Padded shoulder strap.'], h: ['Shoe compartment', 'Water-repellent', '40L capacity'] },
  mat: { i: ['Grip that holds, cushion that supports. The {name} is made for hot and sweaty practice.'], b: ['Natural rubber base.', 'Alignment lines.'], h: ['Grippy top layer', 'Natural rubber', 'Cushioned'] },
  block: { i: ['A sturdy cork block to support your practice.'], b: ['Rounded edges.'], h: ['Sustainable cork', 'Non-slip'] },
  strap: { i: ['A cotton yoga strap to deepen your stretch.'], b: ['Metal D-ring buckle.'], h: ['Adjustable', 'Durable cotton'] },
  towel: { i: ['A quick-dry towel for sweaty sessions.'], b: ['Absorbent microfiber.'], h: ['Quick-drying', 'Absorbent'] },
  'set-bundle': {
    i: ['Two favorites, one easy outfit. The {name} pairs our {pieces} in one matching color, sold together as a set.', 'Your new uniform: the {name} includes a {pieces}, made to be worn together.'],
    b: ['Sold as a set; both pieces ship together.', 'Pieces are sized together, so order your usual size.'],
    h: ['Matching two-piece set', 'Sold together', 'Head-to-toe look'],
  },
  'set-lounge': {
    i: ['Matching sweats, elevated. The {name} includes a {pieces} in the same color.', 'Lounge set, done: {pieces}, made to wear together or apart.'],
    b: ['Sold as a set.', 'Relaxed fit.'],
    h: ['Matching set', 'Soft French terry', 'Wear together or apart'],
  },
  'set-court': { i: ['Game, set, match. The {name} pairs a {pieces} in one coordinated look.'], b: ['Sold as a set.'], h: ['Two-piece set', 'Built-in short'] },
  'set-track': { i: ['Head-to-toe comfort: the {name} includes a {pieces} in matching colors.'], b: ['Sold as a set.'], h: ['Matching tracksuit', 'Soft terry'] },
};

SUMMIT.setLine = [
  'Part of the {set} collection: pair it with the matching {mate} for a head-to-toe set.',
  'Made to match. Style it with the {mate} and wear it as a set.',
  'Mix and match with the rest of the {set} pieces, like the {mate}, for a coordinated look.',
];
SUMMIT.setHighlight = ['Shop the matching {set} set', 'Pairs with the {mate}', 'Part of a matching set'];

SUMMIT.ptype = (g, R) => {
  const who = g.g === 'M' ? 'Men' : g.g === 'W' ? 'Women' : 'Accessories';
  const m = {
    'yoga-legging': 'Bottoms > Leggings', 'flare-legging': 'Pants > Flare', 'train-legging': 'Bottoms > Leggings',
    'run-tight': g.g === 'M' ? 'Bottoms > Tights' : 'Bottoms > Tights', 'thermal-tight': 'Run > Tights', 'lounge-legging': 'Bottoms > Leggings',
    'hike-legging': 'Bottoms > Pants', 'bra-low': 'Sports Bras', 'bra-medium': 'Sports Bras', 'bra-high': 'Sports Bras',
    'studio-tank': 'Tops > Tank Tops', 'studio-ls': 'Tops > Long Sleeve Shirts', tee: 'Tops > T-Shirts', tank: 'Tops > Tank Tops',
    'run-tee': /Long Sleeve/.test(g.n) ? 'Tops > Long Sleeve Shirts' : 'Tops > Short Sleeve Shirts', 'long-sleeve': 'Tops > Long Sleeve Shirts',
    jogger: 'Bottoms > Joggers', sweatpant: 'Pants > Sweatpants', 'wide-pant': 'Pants', 'run-short': 'Bottoms > Shorts',
    'biker-short': 'Bottoms > Shorts', 'lounge-short': 'Bottoms > Shorts', skirt: 'Skirts & Dresses', 'commute-pant': 'Pants',
    hoodie: 'Hoodies & Sweatshirts', 'zip-hoodie': 'Hoodies & Sweatshirts', 'crew-sweat': 'Hoodies & Sweatshirts', 'half-zip': 'Hoodies & Sweatshirts',
    'fitted-jacket': 'Coats & Jackets', 'run-jacket': 'Coats & Jackets', puffer: 'Coats & Jackets', fleece: 'Coats & Jackets',
    gilet: 'Coats & Jackets > Vests', shacket: 'Coats & Jackets', wrap: 'Tops > Sweaters & Wraps', onepiece: 'Bodysuits & One-Pieces',
    dress: 'Skirts & Dresses', 'set-bundle': 'Sets', 'set-lounge': 'Sets', 'set-court': 'Sets', 'set-track': 'Sets',
    socks: 'Socks', headband: 'Hair Accessories', scrunchie: 'Hair Accessories', hairties: 'Hair Accessories', cap: 'Hats',
    beanie: 'Hats', gloves: 'Gloves & Mittens', bottle: 'Water Bottles', beltbag: 'Bags', tote: 'Bags', duffel: 'Bags',
    mat: 'Yoga Equipment', block: 'Yoga Equipment', strap: 'Yoga Equipment', towel: 'Yoga Equipment',
  };
  let rest = g.pt ? g.pt.replace(/^Women > /, '') : m[g.k];
  if (g.f === 'set' && g.set && R.chance(0.4)) rest = `Sets > ${g.set}`;
  let s = `${who} > ${rest}`;
  const r = R.next();
  if (r < 0.12) s = s.replace(/ > /g, '|');
  else if (r < 0.2) s = s.replace(/ > /g, ' / ');
  else if (r < 0.25) s = s.replace(/^Women > /, 'Womens/').replace(/ > /g, '/');
  return s;
};

SUMMIT.gpc = (g, R) => {
  const num = {
    leggings: '5322', bra: R.chance(0.5) ? '5322' : '214', top: g.k === 'tee' ? '212' : '5322', onepiece: g.k === 'dress' ? '2271' : '5322',
  };
  const byKind = {
    jogger: '204', sweatpant: '204', 'wide-pant': '204', 'commute-pant': '204', 'run-short': '207', 'biker-short': '207',
    'lounge-short': '207', skirt: '1581', gilet: '5514', socks: '209', cap: '173', beanie: '173',
  };
  const text = {
    leggings: 'Apparel & Accessories > Clothing > Activewear', bra: 'Apparel & Accessories > Clothing > Underwear & Socks > Bras',
    top: 'Apparel & Accessories > Clothing > Shirts & Tops', bottom: 'Apparel & Accessories > Clothing > Pants',
    layer: 'Apparel & Accessories > Clothing > Outerwear > Coats & Jackets', set: 'Apparel & Accessories > Clothing > Outfit Sets',
    onepiece: 'Apparel & Accessories > Clothing > One-Pieces', accessory: 'Apparel & Accessories > Clothing Accessories',
  };
  const textKind = {
    mat: 'Sporting Goods > Exercise & Fitness > Yoga & Pilates > Yoga & Pilates Mats',
    block: 'Sporting Goods > Exercise & Fitness > Yoga & Pilates > Yoga & Pilates Blocks',
    bottle: 'Home & Garden > Kitchen & Dining > Food & Beverage Carriers > Water Bottles',
    beltbag: 'Apparel & Accessories > Handbags, Wallets & Cases > Handbags', tote: 'Apparel & Accessories > Handbags, Wallets & Cases > Handbags',
    duffel: 'Luggage & Bags > Duffel Bags', hoodie: 'Apparel & Accessories > Clothing > Activewear > Activewear Sweatshirts & Hoodies',
    'run-short': 'Apparel & Accessories > Clothing > Shorts', 'biker-short': 'Apparel & Accessories > Clothing > Shorts',
  };
  if (textKind[g.k] && (R.chance(0.5) || !byKind[g.k])) return textKind[g.k];
  if (R.chance(0.6)) {
    if (byKind[g.k]) return byKind[g.k];
    if (g.f === 'layer') return g.k === 'hoodie' || g.k === 'zip-hoodie' || g.k === 'crew-sweat' || g.k === 'half-zip' ? '5322' : '5598';
    if (num[g.f]) return num[g.f];
    if (g.f === 'set') return '5322';
    return '166';
  }
  return text[g.f];
};

// ------------------------------------------------------ shared catalog model

// Expand a line's `v` list into style names:
//   ''        the base name          '25"'    base + ' 25"'
//   '*Tall'   base + ' *Tall'        '^Cropped'  inserted before the last word
//   'A/B Cup' base + ', A/B Cup'
function variantNames(ln) {
  if (!ln.v) return [ln.n];
  return ln.v.map((v) => {
    if (v === '') return ln.n;
    if (v.startsWith('^')) {
      const words = ln.n.split(' ');
      return [...words.slice(0, -1), v.slice(1), words[words.length - 1]].join(' ');
    }
    if (/Cup$/.test(v)) return `${ln.n}, ${v}`;
    return `${ln.n} ${v}`;
  });
}

function familiesOf(ln) {
  if (ln.f !== 'set') return [ln.f];
  return ln.uf ? ['set', ln.uf] : ['set'];
}

// Fields every brand's group carries (the generator's own view of a style).
function baseGroup(ln, name, R) {
  const famW = { leggings: 1.4, set: 1.1, layer: 1.1, accessory: 0.8, onepiece: 0.6 }[ln.f] || 1;
  return {
    ...ln,
    n: name,
    family: ln.f,
    families: familiesOf(ln),
    kind: ln.k,
    gender: ln.g,
    isNew: ln.s === 'new',
    best: !!ln.best,
    studio: !!ln.st && STUDIO_KINDS.has(ln.k) && ln.f !== 'set',
    setName: ln.set || null,
    pop: (ln.best ? 3 : 1) * famW * (0.5 + R.next()),
  };
}

function pickColours(R, palette, n, newSeason) {
  const out = [];
  if (R.chance(newSeason ? 0.35 : 0.6)) out.push(palette[0]);
  let guard = 0;
  while (out.length < n && guard++ < 100) {
    const c = R.pick(palette);
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

// Launch dates by season label (summit, nordlicht); harbour uses created_at.
const LAUNCH = {
  Core: ['2021-01-15', '2024-03-01'], FA25: ['2025-08-01', '2025-09-15'], 'SP26 Drop 2': ['2026-03-01', '2026-03-31'],
  SU26: ['2026-05-15', '2026-06-30'], 'FA26 Drop 1': ['2026-08-01', '2026-08-31'], 'FA26 Drop 3': ['2026-09-20', '2026-10-10'],
  'HO26 Drop 1': ['2026-10-15', '2026-10-31'], Basics: ['2021-01-15', '2024-03-01'], Bestseller: ['2021-01-15', '2024-03-01'],
  HW25: ['2025-08-15', '2025-10-15'], FS26: ['2026-02-15', '2026-05-31'], 'HW26 Neu': ['2026-08-20', '2026-10-20'],
};
function assignLaunch(groups, seed) {
  const R = new Rng(seed);
  for (const g of groups) {
    const [a, b] = LAUNCH[g.season];
    g.launchMs = Math.floor(R.float(Date.parse(`${a}T08:00:00Z`), Date.parse(`${b}T08:00:00Z`)) / 1000) * 1000;
  }
  return groups;
}

// Sale markdowns go by colourway, more likely on older seasons.
const SALE_P = { old: 0.45, recent: 0.18, core: 0.09, new: 0 };

// ------------------------------------------------------------ summit build

function buildSummit() {
  const B = SUMMIT;
  const R = new Rng('summit:catalog');
  const groups = [];
  let styleNo = 21000;
  for (const ln of B.lines) {
    for (const name of variantNames(ln)) {
      const g = baseGroup(ln, name, R);
      styleNo += R.int(3, 40);
      const pfx = { W: 'W', M: 'M', U: 'A' }[g.gender];
      g.gid = `SM${pfx}${styleNo}`;
      g.priceC = ln.p * 100;
      const fab = ln.fab ? B.fabrics[ln.fab] : null;
      g.fab = fab;
      g.material = fab ? fab.mat : ln.mat;
      // colours and sizes
      const acc = g.family === 'accessory';
      const nCol = acc ? R.weighted([1, 2, 3], [0.45, 0.35, 0.2]) : R.weighted([1, 2, 3], [0.25, 0.45, 0.3]);
      g.colours = pickColours(R, B.colours, nCol, g.isNew);
      const szKey = ln.sz || (acc ? 'os' : g.gender === 'M' ? 'ma' : 'wn');
      const list = B.sizes[szKey];
      g.sizes = acc ? list.slice() : sizeWindow(R, list, R.weighted([2, 3, 4], [0.25, 0.4, 0.35]));
      // labels and text
      g.season = ln.s === 'core' ? B.seasonLabel.core : R.pick(B.seasonLabel[ln.s]);
      g.ptype = B.ptype(g, R);
      g.gpc = B.gpc(g, R);
      g.pattern = ln.pat || (R.chance(0.25) ? R.pick(['Solid', 'Solid', 'Heathered', 'Rib Knit']) : null);
      if (ln.pat === 'Graphic') g.pattern = 'Graphic';
      summitText(g, R);
      g.category = g.ptype;
      // items
      g.items = [];
      for (const [cname, ccode] of g.colours) {
        const sale = R.chance((acc ? 0.5 : 1) * SALE_P[ln.s]);
        const saleC = sale ? Math.max(500, Math.round((g.priceC * R.float(0.55, 0.8)) / 1000) * 1000 - 100) : null;
        for (const size of g.sizes) {
          const scode = size === 'One Size' ? 'OS' : size.replace(/[^A-Za-z0-9]/g, '');
          const id = `${g.gid}-${ccode}-${scode}`;
          g.items.push({
            id,
            sku: id,
            group: g,
            colour: cname,
            ccode,
            size,
            priceC: g.priceC,
            saleC: saleC && saleC < g.priceC ? saleC : null,
            avail: !R.chance(0.07),
          });
        }
      }
      groups.push(g);
    }
  }
  return groups;
}

function summitText(g, R) {
  const B = SUMMIT;
  const c = B.copy[g.kind];
  if (!c) throw new Error(`summit: no copy for ${g.kind}`);
  const vars = {
    name: g.n,
    fabname: g.fab ? g.fab.name : '',
    fabfeel: g.fab ? g.fab.feel : '',
    pieces: g.pieces || '',
    set: g.setName || '',
    mate: g.mates ? R.pick(g.mates) : '',
  };
  const intro = fill(R.pick(c.i), vars);
  const body = R.sample(c.b, Math.min(c.b.length, R.int(1, 2))).map((s) => fill(s, vars));
  const setLine = g.setName ? fill(R.pick(B.setLine), vars) : null;
  const fabricLine = g.fab ? `Fabric: ${g.fab.name}, ${g.fab.comp}.` : g.material ? `Material: ${g.material.toLowerCase()}.` : null;
  let hl = R.sample(c.h, Math.min(c.h.length, R.int(2, 3))).map((s) => fill(s, vars));
  if (g.setName && hl.length < 4) hl.push(fill(R.pick(B.setHighlight), vars));
  if (g.isNew && hl.length < 4 && R.chance(0.5)) hl.push('New this season');
  g.highlights = hl;
  const mode = R.weighted(['plain', 'html', 'cdata'], [0.45, 0.3, 0.25]);
  g.descMode = mode;
  if (mode === 'plain') {
    g.desc = [intro, setLine, ...body, fabricLine].filter(Boolean).join(' ');
  } else {
    const lis = body.map((s) => `<li>${s.replace(/&/g, '&amp;')}</li>`).join('');
    g.desc =
      `<p>${intro.replace(/&/g, '&amp;')}</p>` +
      (setLine ? `<p>${setLine.replace(/&/g, '&amp;')}</p>` : '') +
      `<ul>${lis}</ul>` +
      (fabricLine ? `<p>${fabricLine}</p>` : '');
  }
  // Merchant Center product_detail on about half of the styles.
  g.details = [];
  if (R.chance(0.35)) {
    if (g.fab) g.details.push(['Fabric', 'Composition', g.fab.comp]);
    else if (g.material) g.details.push(['Materials', 'Material', g.material]);
    g.details.push(['Care', 'Washing', R.pick(['Machine wash cold', 'Machine wash cold, tumble dry low', 'Hand wash only', 'Wipe clean'])]);
    const fit = {
      leggings: 'Tight fit', bra: 'Fitted', top: R.pick(['Classic fit', 'Relaxed fit', 'Slim fit']), bottom: R.pick(['Relaxed fit', 'Classic fit']),
      layer: R.pick(['Relaxed fit', 'Oversized', 'Classic fit']), set: 'Fitted', onepiece: 'Fitted',
    }[g.family];
    if (fit) g.details.push(['Fit', 'Fit', fit]);
  }
}

function summitFeed(groups) {
  const B = SUMMIT;
  const R = new Rng('summit:feed');
  const out = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">');
  out.push('<channel>');
  out.push('<title>Summit Athletics - Google Shopping US</title>');
  out.push(`<link>${B.site}</link>`);
  out.push('<description>Summit Athletics product feed, en-US, USD</description>');
  const genderWord = { W: 'female', M: 'male', U: 'unisex' };
  for (const g of groups) {
    const descXml =
      g.descMode === 'cdata'
        ? `<![CDATA[${g.desc}]]>`
        : xmlEsc(g.desc).replace(/\u2019/g, '&#8217;').replace(/\u2122/g, R.chance(0.5) ? '&#8482;' : '\u2122');
    const path = slug(g.n);
    for (const it of g.items) {
      const multiColour = g.colours.length > 1 || g.family !== 'accessory';
      const title = multiColour ? `${g.n} - ${it.colour}` : g.n;
      const link = `${B.site}/p/${path}/${g.gid}?color=${it.ccode}&sz=${encodeURIComponent(it.size)}`;
      const img = `https://img.summit-athletics.example/summit/${g.gid}_${it.ccode}_1?$pdp$`;
      const L = [];
      L.push('<item>');
      L.push(`  <g:id>${xmlEsc(it.id)}</g:id>`);
      L.push(`  <title>${xmlEsc(title)}</title>`);
      L.push(`  <description>${descXml}</description>`);
      L.push(`  <link>${xmlEsc(link)}</link>`);
      L.push(`  <g:image_link>${xmlEsc(img)}</g:image_link>`);
      L.push(`  <g:brand>${B.brand}</g:brand>`);
      L.push(`  <g:availability>${it.avail ? 'in_stock' : 'out_of_stock'}</g:availability>`);
      L.push(`  <g:price>${money(it.priceC)} USD</g:price>`);
      if (it.saleC) L.push(`  <g:sale_price>${money(it.saleC)} USD</g:sale_price>`);
      L.push(`  <g:product_type>${xmlEsc(g.ptype)}</g:product_type>`);
      L.push(`  <g:google_product_category>${xmlEsc(g.gpc)}</g:google_product_category>`);
      L.push(`  <g:item_group_id>${g.gid}</g:item_group_id>`);
      L.push(`  <g:color>${xmlEsc(it.colour)}</g:color>`);
      L.push(`  <g:size>${xmlEsc(it.size)}</g:size>`);
      L.push(`  <g:gender>${genderWord[g.gender]}</g:gender>`);
      L.push('  <g:age_group>adult</g:age_group>');
      if (g.material) L.push(`  <g:material>${xmlEsc(g.material)}</g:material>`);
      if (g.pattern) L.push(`  <g:pattern>${xmlEsc(g.pattern)}</g:pattern>`);
      L.push(`  <g:custom_label_0>${xmlEsc(g.season)}</g:custom_label_0>`);
      L.push(`  <g:custom_label_1>${it.saleC ? 'Markdown' : g.best ? 'Bestseller' : 'Full Price'}</g:custom_label_1>`);
      L.push(`  <g:custom_label_2>${xmlEsc(g.coll || 'Other')}</g:custom_label_2>`);
      for (const h of g.highlights) L.push(`  <g:product_highlight>${xmlEsc(h)}</g:product_highlight>`);
      for (const [sec, name, val] of g.details) {
        L.push(
          `  <g:product_detail><g:section_name>${xmlEsc(sec)}</g:section_name><g:attribute_name>${xmlEsc(name)}</g:attribute_name><g:attribute_value>${xmlEsc(val)}</g:attribute_value></g:product_detail>`
        );
      }
      L.push('</item>');
      out.push(L.join('\n'));
    }
  }
  out.push('</channel>');
  out.push('</rss>');
  return out.join('\n') + '\n';
}

// ================================================================== HARBOUR
// A UK brand. Shopify products.json, GBP, ~200 products with 1-8 variants.
// Many styles are split into one product per colour, as UK Shopify stores do.

const HARBOUR = {
  key: 'harbour',
  brand: 'Harbour & Co',
  site: 'https://harbourandco.example',
  currency: 'GBP',
  colours: [
    ['Black', 'BLK'], ['Navy', 'NVY'], ['Oat Marl', 'OAT'], ['Sage Green', 'SAG'], ['Soft Pink', 'PNK'], ['Chalk', 'CHK'],
    ['Mocha', 'MOC'], ['Grey Marl', 'GRM'], ['Burgundy', 'BUR'], ['Cobalt Blue', 'COB'], ['Khaki', 'KHA'], ['Dusty Lilac', 'LIL'],
    ['Forest Green', 'FOR'], ['Stone', 'STN'],
  ],
  sizes: {
    wuk: ['4', '6', '8', '10', '12', '14', '16', '18'],
    wa: ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL'],
    ma: ['S', 'M', 'L', 'XL', 'XXL'],
    shoe: ['UK 3', 'UK 4', 'UK 5', 'UK 6', 'UK 7', 'UK 8'],
    sock: ['UK 3-5', 'UK 6-8', 'UK 9-12'],
    os: ['One Size'],
  },
  fabrics: {
    soft: { name: 'Softform', comp: '77% recycled nylon, 23% elastane', feel: 'brushed, buttery soft and second-skin' },
    feather: { name: 'Featherweight', comp: '80% polyamide, 20% elastane', feel: 'ultra-light with a barely-there feel' },
    rib: { name: 'rib jersey', comp: '72% polyamide, 28% elastane', feel: 'soft, stretchy and ribbed' },
    sculpt: { name: 'Sculpt', comp: '75% recycled polyamide, 25% elastane', feel: 'sculpting, squat-proof and supportive' },
    seam: { name: 'seamless knit', comp: '90% polyamide, 10% elastane', feel: 'contouring with a bum-lifting scrunch' },
    stride: { name: 'Stride', comp: '72% recycled polyester, 28% elastane', feel: 'compressive, sweat-wicking and quick-drying' },
    thermal: { name: 'brushed-back Stride', comp: '70% recycled polyester, 30% elastane', feel: 'brushed inside for warmth' },
    cotton: { name: 'organic cotton', comp: '100% organic cotton', feel: 'soft, breathable and washes beautifully' },
    breeze: { name: 'Breeze jersey', comp: '90% recycled polyester, 10% elastane', feel: 'light, breathable and quick-drying' },
    loop: { name: 'loopback cotton', comp: '100% organic cotton loopback jersey', feel: 'soft, heavyweight and cosy' },
    woven: { name: 'stretch woven', comp: '88% recycled polyester, 12% elastane', feel: 'light with a bit of stretch' },
    shell: { name: 'lightweight shell', comp: '100% recycled polyester with a water-repellent finish', feel: 'windproof and showerproof' },
    padded: { name: 'recycled padding', comp: 'Shell: 100% recycled nylon. Padding: 100% recycled polyester', feel: 'warm, light and packable' },
    borg: { name: 'borg fleece', comp: '100% recycled polyester', feel: 'teddy-soft and toasty' },
    velvet: { name: 'stretch velvet', comp: '92% polyester, 8% elastane', feel: 'plush with a soft sheen' },
  },
};

HARBOUR.lines = [
  // tights & leggings
  L('leggings', 'yoga-legging', 'W', 'Softform Yoga Leggings', 68, { split: 4, best: 1, st: 1, s: 'core', act: ['yoga'], fab: 'soft' }),
  L('leggings', 'yoga-legging', 'W', 'Softform 7/8 Yoga Leggings', 65, { split: 3, st: 1, s: 'core', act: ['yoga'], fab: 'soft' }),
  L('leggings', 'flare-legging', 'W', 'Softform Flare Yoga Pants', 72, { split: 2, st: 1, s: 'recent', act: ['yoga'], fab: 'soft' }),
  L('leggings', 'yoga-legging', 'W', 'Barely There Pilates Leggings', 60, { split: 3, st: 1, s: 'new', act: ['pilates', 'barre'], fab: 'feather' }),
  L('leggings', 'yoga-legging', 'W', 'Reformer Rib Leggings', 65, { split: 2, st: 1, s: 'recent', act: ['pilates'], fab: 'rib' }),
  L('leggings', 'train-legging', 'W', 'Sculpt Gym Leggings', 78, { split: 4, best: 1, s: 'core', act: ['gym'], fab: 'sculpt' }),
  L('leggings', 'train-legging', 'W', 'Sculpt 7/8 Gym Leggings', 75, { split: 2, s: 'core', act: ['gym'], fab: 'sculpt' }),
  L('leggings', 'train-legging', 'W', 'Sculpt Pocket Workout Leggings', 82, { split: 2, s: 'recent', act: ['gym', 'hiit'], fab: 'sculpt' }),
  L('leggings', 'train-legging', 'W', 'Seamless Scrunch Bum Leggings', 48, { split: 3, s: 'old', act: ['gym'], fab: 'seam' }),
  L('leggings', 'run-tight', 'W', 'Stride Running Tights', 85, { split: 2, best: 1, s: 'core', act: ['run'], fab: 'stride' }),
  L('leggings', 'thermal-tight', 'W', 'Stride Thermal Running Tights', 92, { s: 'new', act: ['run'], fab: 'thermal' }),
  L('leggings', 'run-tight', 'W', 'Zip Hem Running Tights', 88, { s: 'old', act: ['run'], fab: 'stride' }),
  L('leggings', 'lounge-legging', 'W', 'Everyday Cotton Leggings', 40, { split: 2, s: 'core', act: ['lounge'], fab: 'cotton' }),
  L('leggings', 'run-tight', 'M', "Men's Stride Running Tights", 70, { s: 'core', act: ['run'], fab: 'stride' }),
  // sports bras
  L('bra', 'bra-low', 'W', 'Softform Yoga Bra', 40, { split: 3, best: 1, st: 1, s: 'core', act: ['yoga'], fab: 'soft' }),
  L('bra', 'bra-low', 'W', 'Barely There Strappy Bra', 38, { split: 2, st: 1, s: 'new', act: ['pilates'], fab: 'feather' }),
  L('bra', 'bra-low', 'W', 'Reformer Rib Bralette', 40, { st: 1, s: 'recent', act: ['pilates'], fab: 'rib' }),
  L('bra', 'bra-medium', 'W', 'Sculpt Workout Bra', 48, { split: 2, s: 'core', act: ['gym'], fab: 'sculpt' }),
  L('bra', 'bra-medium', 'W', 'Seamless Scrunch Sports Bra', 35, { split: 2, s: 'old', act: ['gym'], fab: 'seam' }),
  L('bra', 'bra-medium', 'W', 'Balance Medium Support Bra', 45, { s: 'recent', act: ['gym'], fab: 'sculpt' }),
  L('bra', 'bra-high', 'W', 'Momentum High Impact Running Bra', 58, { split: 3, best: 1, s: 'core', act: ['run'], fab: 'stride' }),
  L('bra', 'bra-high', 'W', 'Momentum Zip Front Running Bra', 62, { s: 'recent', act: ['run'], fab: 'stride' }),
  // tops
  L('top', 'studio-tank', 'W', 'Easy Breeze Yoga Vest', 45, { split: 3, st: 1, s: 'core', act: ['yoga'], fab: 'breeze' }),
  L('top', 'studio-tank', 'W', 'Reformer Rib Crop Top', 42, { split: 2, st: 1, s: 'recent', act: ['pilates'], fab: 'rib' }),
  L('top', 'studio-ls', 'W', 'Softform Long Sleeve Top', 58, { st: 1, s: 'core', act: ['yoga'], fab: 'soft' }),
  L('top', 'studio-ls', 'W', 'Studio Wrap Long Sleeve Top', 60, { st: 1, s: 'new', act: ['pilates', 'barre'], fab: 'soft' }),
  L('top', 'tee', 'W', 'Boyfriend Tee', 35, { split: 4, best: 1, s: 'core', act: ['lounge'], fab: 'cotton' }),
  L('top', 'tee', 'W', 'Organic Cotton Crew Tee', 30, { split: 3, s: 'core', fab: 'cotton' }),
  L('top', 'tee', 'W', 'Cropped Boxy Tee', 32, { split: 2, s: 'recent', fab: 'cotton' }),
  L('top', 'tank', 'W', 'Athlete Seamless Gym Vest', 38, { split: 2, s: 'old', act: ['gym'], fab: 'seam' }),
  L('top', 'run-tee', 'W', 'Breeze Running T-Shirt', 45, { split: 2, s: 'core', act: ['run'], fab: 'breeze' }),
  L('top', 'run-tee', 'W', 'Breeze Long Sleeve Running Top', 52, { s: 'recent', act: ['run'], fab: 'breeze' }),
  L('top', 'long-sleeve', 'W', 'Waffle Long Sleeve Tee', 42, { split: 2, s: 'recent', act: ['lounge'], fab: 'cotton' }),
  L('top', 'run-tee', 'M', "Men's Training Tee", 38, { split: 3, s: 'core', act: ['gym'], fab: 'breeze' }),
  L('top', 'tee', 'M', "Men's Heavyweight Tee", 35, { split: 3, best: 1, s: 'core', fab: 'cotton' }),
  L('top', 'tank', 'M', "Men's Gym Vest", 30, { split: 2, s: 'recent', act: ['gym'], fab: 'breeze' }),
  L('top', 'long-sleeve', 'M', "Men's Long Sleeve Base Layer", 40, { s: 'old', act: ['run'], fab: 'breeze' }),
  // joggers, shorts, skorts
  L('bottom', 'jogger', 'W', 'Weekend Joggers', 65, { split: 4, best: 1, s: 'core', act: ['lounge'], fab: 'loop' }),
  L('bottom', 'jogger', 'W', 'Cuffed Sweat Joggers', 58, { split: 3, s: 'core', act: ['lounge'], fab: 'loop' }),
  L('bottom', 'wide-pant', 'W', 'Wide Leg Joggers', 68, { split: 2, s: 'recent', act: ['lounge'], fab: 'loop' }),
  L('bottom', 'sweatpant', 'W', 'Straight Leg Sweatpants', 62, { split: 2, s: 'old', act: ['lounge'], fab: 'loop' }),
  L('bottom', 'run-short', 'W', 'Stride 3" Running Shorts', 40, { split: 2, s: 'core', act: ['run'], fab: 'stride' }),
  L('bottom', 'biker-short', 'W', 'Power Cycling Shorts', 40, { split: 3, s: 'core', act: ['gym'], fab: 'sculpt' }),
  L('bottom', 'lounge-short', 'W', 'Sweat Shorts', 38, { split: 2, s: 'recent', act: ['lounge'], fab: 'loop' }),
  L('bottom', 'skirt', 'W', 'Pleated Tennis Skort', 55, { s: 'old', act: ['tennis'], fab: 'woven' }),
  L('bottom', 'jogger', 'M', "Men's Tapered Joggers", 60, { split: 3, best: 1, s: 'core', fab: 'loop' }),
  L('bottom', 'jogger', 'M', "Men's Training Joggers", 65, { s: 'recent', act: ['gym'], fab: 'woven' }),
  L('bottom', 'run-short', 'M', 'Men\'s 7" Training Shorts', 40, { split: 2, s: 'core', act: ['gym'], fab: 'woven' }),
  L('bottom', 'lounge-short', 'M', "Men's Sweat Shorts", 38, { split: 2, s: 'recent', fab: 'loop' }),
  // hoodies, sweats, outerwear
  L('layer', 'zip-hoodie', 'W', 'Zip-Through Hoodie', 75, { split: 3, best: 1, s: 'core', act: ['lounge'], fab: 'loop' }),
  L('layer', 'hoodie', 'W', 'Oversized Hoodie', 70, { split: 2, s: 'core', act: ['lounge'], fab: 'loop' }),
  L('layer', 'crew-sweat', 'W', 'Crew Neck Sweat', 60, { split: 3, s: 'core', act: ['lounge'], fab: 'loop' }),
  L('layer', 'half-zip', 'W', 'Half Zip Funnel Neck Sweat', 68, { split: 2, s: 'recent', fab: 'loop' }),
  L('layer', 'run-jacket', 'W', 'Fast Track Running Jacket', 110, { s: 'core', act: ['run'], fab: 'shell' }),
  L('layer', 'run-jacket', 'W', 'Packable Wind Jacket', 95, { split: 2, s: 'recent', act: ['run', 'walk'], fab: 'shell' }),
  L('layer', 'gilet', 'W', 'Padded Gilet', 95, { split: 2, s: 'recent', fab: 'padded' }),
  L('layer', 'puffer', 'W', 'Longline Puffer Coat', 195, { split: 2, s: 'new', fab: 'padded' }),
  L('layer', 'puffer', 'W', 'Cropped Puffer Jacket', 150, { s: 'old', fab: 'padded' }),
  L('layer', 'fleece', 'W', 'Borg Fleece Zip-Through', 85, { split: 2, s: 'new', fab: 'borg' }),
  L('layer', 'shacket', 'W', 'Quilted Overshirt', 90, { s: 'recent', fab: 'padded' }),
  L('layer', 'wrap', 'W', 'Studio Wrap Cardigan', 80, { s: 'old', act: ['yoga'], fab: 'rib' }),
  L('layer', 'fitted-jacket', 'W', 'Sculpt Fitted Zip Jacket', 85, { split: 2, s: 'core', act: ['gym'], fab: 'sculpt' }),
  L('layer', 'zip-hoodie', 'M', "Men's Zip-Through Hoodie", 70, { split: 2, s: 'core', fab: 'loop' }),
  L('layer', 'hoodie', 'M', "Men's Overhead Hoodie", 65, { split: 2, s: 'recent', fab: 'loop' }),
  L('layer', 'run-jacket', 'M', "Men's Running Jacket", 110, { s: 'core', act: ['run'], fab: 'shell' }),
  L('layer', 'gilet', 'M', "Men's Padded Gilet", 95, { s: 'new', fab: 'padded' }),
  L('layer', 'half-zip', 'M', "Men's Half Zip Fleece", 75, { s: 'recent', fab: 'borg' }),
  // co-ords and sets
  ...SETC('Shape Seamless', { s: 'recent', fab: 'seam', act: ['gym'], split: 3 }, [
    ['bra-medium', 'bra', 'Shape Seamless Crop Top', 40],
    ['train-legging', 'leggings', 'Shape Seamless Leggings', 55],
    ['biker-short', 'bottom', 'Shape Seamless Shorts', 38],
  ]),
  ...SETC('Cloud Rib', { s: 'core', fab: 'rib', act: ['lounge'], split: 2 }, [
    ['wrap', 'layer', 'Cloud Rib Cardigan', 65],
    ['wide-pant', 'bottom', 'Cloud Rib Wide Leg Trousers', 60],
    ['tank', 'top', 'Cloud Rib Vest', 35],
  ]),
  ...SETC('Velvet Shine', { s: 'new', fab: 'velvet' }, [
    ['wide-pant', 'bottom', 'Velvet Flare Trousers', 70],
    ['long-sleeve', 'top', 'Velvet Long Sleeve Crop', 50],
  ]),
  ...SETC('Studio Marl', { s: 'new', fab: 'soft', act: ['yoga'], split: 2 }, [
    ['bra-low', 'bra', 'Studio Marl Bra', 42],
    ['yoga-legging', 'leggings', 'Studio Marl Leggings', 70],
  ]),
  L('set', 'set-bundle', 'W', 'Studio Bra & Leggings Set', 95, { split: 2, s: 'recent', fab: 'soft', act: ['yoga'], pieces: 'Softform Yoga Bra and Softform Yoga Leggings', contains: ['bra', 'leggings'] }),
  L('set', 'set-court', 'W', 'Tennis Club Set', 85, { s: 'old', act: ['tennis'], fab: 'woven', pieces: 'racer vest and pleated skort', contains: ['top', 'bottom'] }),
  L('set', 'set-lounge', 'W', 'Sweat & Jogger Lounge Set', 110, { split: 2, s: 'core', fab: 'loop', act: ['lounge'], pieces: 'Crew Neck Sweat and Cuffed Sweat Joggers', contains: ['layer', 'bottom'] }),
  L('set', 'set-track', 'M', "Men's Heritage Tracksuit", 120, { s: 'core', fab: 'loop', pieces: 'zip-through track top and tapered joggers', contains: ['layer', 'bottom'] }),
  // one-pieces, footwear
  L('onepiece', 'onepiece', 'W', 'Sculpt Unitard', 70, { split: 2, s: 'recent', act: ['gym', 'pilates'], fab: 'sculpt' }),
  L('onepiece', 'onepiece', 'W', 'Rib Jumpsuit', 85, { s: 'new', act: ['lounge'], fab: 'rib' }),
  L('footwear', 'trainer', 'U', 'Court Trainers', 85, { split: 2, s: 'recent', sz: 'shoe', mat: 'Leather upper, rubber sole' }),
  L('footwear', 'slider', 'U', 'Recovery Sliders', 28, { s: 'core', sz: 'shoe', mat: 'EVA foam' }),
  // accessories
  L('accessory', 'socks', 'U', 'Trainer Socks 3 Pack', 14, { split: 2, s: 'core', best: 1, sz: 'sock', mat: 'Organic cotton blend' }),
  L('accessory', 'socks', 'U', 'Crew Socks 3 Pack', 16, { s: 'core', sz: 'sock', mat: 'Organic cotton blend' }),
  L('accessory', 'socks', 'W', 'Pilates Grip Socks', 12, { split: 2, s: 'recent', sz: 'sock', act: ['pilates', 'barre'], mat: 'Cotton with silicone grips' }),
  L('accessory', 'socks', 'U', 'Running Socks', 14, { s: 'core', sz: 'sock', act: ['run'], mat: 'Recycled polyester blend' }),
  L('accessory', 'headband', 'W', 'Headband 2 Pack', 12, { s: 'core', mat: 'Polyamide/elastane' }),
  L('accessory', 'scrunchie', 'W', 'Scrunchie 3 Pack', 10, { s: 'core', mat: 'Recycled polyester' }),
  L('accessory', 'cap', 'U', 'Sports Cap', 22, { split: 2, s: 'recent', mat: 'Recycled polyester' }),
  L('accessory', 'beanie', 'U', 'Ribbed Beanie', 25, { split: 2, s: 'new', mat: 'Wool blend' }),
  L('accessory', 'gloves', 'U', 'Running Gloves', 20, { s: 'old', act: ['run'], mat: 'Polyester/elastane' }),
  L('accessory', 'bottle', 'U', 'Steel Water Bottle 750ml', 25, { split: 2, s: 'core', mat: 'Stainless steel' }),
  L('accessory', 'duffel', 'U', 'Gym Holdall', 60, { s: 'core', act: ['gym'], mat: 'Recycled polyester' }),
  L('accessory', 'tote', 'W', 'Canvas Tote Bag', 30, { s: 'recent', mat: 'Organic cotton canvas' }),
  L('accessory', 'beltbag', 'U', 'Belt Bag', 28, { s: 'recent', mat: 'Recycled nylon' }),
  L('accessory', 'mat', 'U', 'Yoga Mat 4mm', 65, { s: 'core', act: ['yoga'], mat: 'Natural rubber' }),
  L('accessory', 'block', 'U', 'Cork Yoga Block', 18, { s: 'core', act: ['yoga'], mat: 'Cork' }),
  L('accessory', 'strap', 'U', 'Yoga Strap', 12, { s: 'old', act: ['yoga'], mat: 'Cotton' }),
  L('accessory', 'towel', 'U', 'Gym Towel', 15, { s: 'core', act: ['gym'], mat: 'Microfibre' }),
  L('accessory', 'hairties', 'W', 'Claw Clip 2 Pack', 8, { s: 'new', mat: 'Recycled acetate' }),
  L('accessory', 'band', 'U', 'Resistance Band Set', 20, { s: 'recent', act: ['gym', 'pilates'], mat: 'Fabric-covered latex' }),
];

HARBOUR.copy = {
  'yoga-legging': {
    i: [
      'Our softest leggings, made for yoga. The {name} are {fabfeel}, so you forget you\u2019ve got them on.',
      'Designed for the mat and the reformer: a high waist that stays put through every flow, in {fabname} fabric that\u2019s {fabfeel}.',
      'Low-impact favourites. Buttery, stretchy and made for slow flows, pilates and barre.',
    ],
    b: ['Super-high waistband with a hidden key pocket.', 'No front seam for comfort in every pose.', 'Best for low-impact workouts like yoga and pilates.', 'Non-see-through, always.'],
  },
  'flare-legging': {
    i: ['The {name} are fitted through the thigh and flare out below the knee. Yoga class to coffee, sorted.', 'Your favourite yoga leggings, with a flare. {fabname} fabric that\u2019s {fabfeel}.'],
    b: ['High waist.', 'Made for yoga, pilates and weekends.', 'Full length flare.'],
  },
  'train-legging': {
    i: [
      'Meet your new gym leggings. The {name} are {fabfeel}, with a waistband that doesn\u2019t roll down mid-squat.',
      'Built for lifting, HIIT and everything heavy. Bum-sculpting {fabname} fabric that\u2019s 100% squat-proof.',
      'Our bestselling workout leggings, made to hold you in through every rep.',
    ],
    b: ['Side pockets big enough for your phone.', 'Squat-proof and sweat-wicking.', 'Bum-sculpting seams.', 'Waistband stays put, rep after rep.'],
  },
  'run-tight': {
    i: [
      'Made for running. The {name} are {fabfeel}, with compression that supports your muscles mile after mile.',
      'High-intensity running tights that don\u2019t slip: tempo runs, intervals, parkrun PBs.',
      'Our most supportive running tights, with zip pockets and reflective details for winter runs.',
    ],
    b: ['Zip back pocket for keys.', 'Reflective details for low light.', 'Phone pockets on both thighs.', 'Drawcord waist.', 'Compressive fit for high-impact running.'],
  },
  'thermal-tight': {
    i: ['Winter running tights, {fabfeel}. The {name} keep you warm on cold, dark runs.', 'Cold-weather running sorted: brushed-back fabric and reflective trims.'],
    b: ['Brushed inner for warmth.', 'Zip ankles.', 'Reflective details.'],
  },
  'lounge-legging': {
    i: ['Simple, soft cotton leggings for every day. The {name} go with everything.'],
    b: ['Elasticated waist.', 'Mid rise.'],
  },
  'bra-low': {
    i: ['Light support for yoga, pilates and lounging. The {name} is {fabfeel}.', 'A soft, low-impact sports bra with removable pads and thin, strappy straps.'],
    b: ['Light support.', 'Removable pads.', 'Best for A-C cups and low-impact workouts.'],
  },
  'bra-medium': {
    i: ['Medium support for the gym. The {name} keeps you secure through weights, spin and circuits.', 'A supportive workout bra, {fabfeel}.'],
    b: ['Medium support.', 'Racer back.', 'Removable pads.'],
  },
  'bra-high': {
    i: ['Our most supportive sports bra, made for running and high-impact workouts. The {name} minimises bounce without digging in.', 'High impact? No problem. Adjustable straps and moulded cups lock you in.'],
    b: ['High support.', 'Adjustable straps and back fastening.', 'Moulded cups.', 'Tested for running and HIIT.'],
  },
  'studio-tank': {
    i: ['A lightweight yoga vest you\u2019ll want to flow in. The {name} is {fabfeel}.', 'Cropped, fitted and made for the studio: wear it over your favourite bra.'],
    b: ['Longline crop length.', 'Built-in shelf bra.', 'Sits at your high-waisted leggings.'],
  },
  'studio-ls': {
    i: ['A fitted long sleeve top for yoga and pilates, {fabfeel}.', 'Soft layers for the studio: the {name} has thumbholes and a slim fit.'],
    b: ['Thumbholes.', 'Slim fit.', 'Slightly cropped.'],
  },
  tee: {
    i: ['Your new everyday tee. The {name} is made from {fabname}, {fabfeel}.', 'A relaxed T-shirt that goes with joggers, jeans and everything in between.'],
    b: ['Relaxed fit.', 'Dropped shoulders.', 'Pre-washed for softness.'],
  },
  tank: {
    i: ['A lightweight vest for hot workouts. The {name} is {fabfeel}.', 'Open back, deep armholes, zero fuss: your new gym vest.'],
    b: ['Racer back.', 'Quick-drying.'],
  },
  'run-tee': {
    i: ['Breathable, quick-drying and made to run in. The {name} is {fabfeel}.', 'Your go-to running top for every distance.'],
    b: ['Anti-odour finish.', 'Reflective logo.', 'Flatlock seams to stop chafing.'],
  },
  'long-sleeve': {
    i: ['An easy long sleeve top, {fabfeel}.', 'Layer it or wear it on its own: the {name} is a wardrobe staple.'],
    b: ['Relaxed fit.', 'Ribbed cuffs.'],
  },
  jogger: {
    i: ['The joggers you\u2019ll live in. The {name} are {fabfeel}, with a relaxed leg and cuffed hem.', 'Sofa, school run, Sunday walk: our {name} do it all.'],
    b: ['Drawcord waist.', 'Side pockets and a back pocket.', 'Cuffed ankles.'],
  },
  sweatpant: {
    i: ['Straight-leg sweatpants in {fabname}, {fabfeel}.', 'Easy, relaxed sweatpants made for weekends.'],
    b: ['Elasticated waist with drawcord.', 'Straight leg.'],
  },
  'wide-pant': {
    i: ['Wide-leg and relaxed, the {name} are {fabfeel}.', 'Easy wide-leg bottoms that dress up or down.'],
    b: ['High waist.', 'Full-length wide leg.'],
  },
  'run-short': {
    i: ['Light running shorts with a built-in brief and zip pocket. The {name} are made to move.', 'Quick-drying shorts for races, runs and hot training sessions.'],
    b: ['Built-in brief.', 'Zip pocket.', 'Split hem.'],
  },
  'biker-short': {
    i: ['Cycling shorts that stay put, {fabfeel}.', 'High-waisted shorts for the gym, the bike and summer days.'],
    b: ['Side pocket.', 'No ride-up.'],
  },
  'lounge-short': {
    i: ['Soft sweat shorts for warm days and lazy weekends.', 'The {name}: comfy, relaxed and made for downtime.'],
    b: ['Drawcord waist.', 'Side pockets.'],
  },
  skirt: {
    i: ['A pleated skort with built-in shorts and a ball pocket. Tennis, padel or just because.'],
    b: ['Built-in shorts.', 'Ball pocket.'],
  },
  'zip-hoodie': {
    i: ['A zip-through hoodie you\u2019ll throw on every day. The {name} is {fabfeel}.', 'The zip-through: relaxed fit, deep pockets and a roomy hood.'],
    b: ['Two-way zip.', 'Zip pockets.', 'Relaxed fit.'],
  },
  hoodie: {
    i: ['An oversized hoodie for post-workout and beyond, {fabfeel}.', 'Cosy season: our {name} has a roomy hood and kangaroo pocket.'],
    b: ['Oversized fit.', 'Kangaroo pocket.', 'Ribbed cuffs.'],
  },
  'crew-sweat': {
    i: ['A classic crew neck sweat in {fabname}, {fabfeel}.', 'The everyday sweat: relaxed fit and soft inside.'],
    b: ['Ribbed hem and cuffs.', 'Relaxed fit.'],
  },
  'half-zip': {
    i: ['A half zip with a funnel neck, for cold mornings and colder walks. {fabname}, {fabfeel}.', 'Throw it on over your vest: the {name} is the layer you need.'],
    b: ['Funnel neck.', 'Half zip.'],
  },
  'run-jacket': {
    i: ['A lightweight running jacket that\u2019s {fabfeel}. Packs down into its own pocket.', 'Rain or shine, the {name} keeps you running.'],
    b: ['Showerproof.', 'Reflective details.', 'Packs into its pocket.', 'Back vent.'],
  },
  puffer: {
    i: ['Stay toasty all winter. The {name} is {fabfeel}, with a high neck and a generous hood.', 'A padded coat for the coldest days, made with recycled fill.'],
    b: ['Water-repellent.', 'Two-way zip.', 'Fleece-lined pockets.'],
  },
  gilet: {
    i: ['A padded gilet for layering over sweats, {fabfeel}.', 'Core warmth without the bulk: the {name} is made for walks and weekends.'],
    b: ['Zip pockets.', 'Packable.'],
  },
  fleece: {
    i: ['A teddy-soft zip-through in {fabname}, {fabfeel}.', 'The cosiest layer we make. Throw it on for dog walks and post-run.'],
    b: ['High neck.', 'Zip pockets.'],
  },
  shacket: {
    i: ['A quilted overshirt for in-between weather, {fabfeel}.', 'Half shirt, half jacket: the {name} layers over everything.'],
    b: ['Press-stud front.', 'Chest pockets.'],
  },
  wrap: {
    i: ['A soft rib cardigan to wrap up in after class.', 'Wrap it, tie it, layer it: the {name} is {fabfeel}.'],
    b: ['Tie waist.', 'Relaxed fit.'],
  },
  'fitted-jacket': {
    i: ['A fitted zip jacket for the gym, {fabfeel}.', 'Zip up before your warm-up: the {name} is slim fit with thumbholes.'],
    b: ['Thumbholes.', 'Slim fit.', 'Zip pockets.'],
  },
  onepiece: {
    i: ['One piece, zero effort. The {name} is {fabfeel}.', 'A sleek all-in-one for class and beyond.'],
    b: ['Scoop back.', 'Built-in support.'],
  },
  trainer: { i: ['Clean, classic court trainers with a cushioned footbed.'], b: ['Leather upper.', 'Rubber sole.'] },
  slider: { i: ['Cushioned sliders for post-workout recovery.'], b: ['Moulded footbed.'] },
  socks: { i: ['Cushioned, breathable and made to stay up. {name}.', 'Everyday sports socks with arch support.'], b: ['Arch support.', 'Cushioned sole.'] },
  headband: { i: ['Non-slip headbands that keep your hair back through every workout.'], b: ['Sweat-wicking.'] },
  scrunchie: { i: ['Soft scrunchies that are kind to your hair.'], b: ['No kinks.'] },
  cap: { i: ['A lightweight sports cap for sunny runs.'], b: ['Adjustable strap.'] },
  beanie: { i: ['A chunky rib beanie for cold days.'], b: ['Turn-up cuff.'] },
  gloves: { i: ['Touchscreen-friendly running gloves.'], b: ['Reflective print.'] },
  bottle: { i: ['Double-walled steel bottle: cold for 24 hours, hot for 12.'], b: ['Leakproof lid.'] },
  duffel: { i: ['A roomy gym holdall with a separate shoe compartment.'], b: ['Padded strap.', 'Wet pocket.'] },
  tote: { i: ['A sturdy canvas tote for your mat, bottle and spare kit.'], b: ['Inner pocket.'] },
  beltbag: { i: ['Hands-free belt bag for your phone, keys and cards.'], b: ['Adjustable strap.'] },
  mat: { i: ['A grippy 4mm yoga mat made from natural rubber.'], b: ['Non-slip.', 'Carry strap included.'] },
  block: { i: ['A sturdy cork block for support in every pose.'], b: ['Natural cork.'] },
  strap: { i: ['A cotton yoga strap to help you go deeper.'], b: ['Metal buckle.'] },
  towel: { i: ['A quick-dry gym towel that folds up small.'], b: ['Microfibre.'] },
  hairties: { i: ['Matte claw clips to keep your hair up mid-workout.'], b: ['Strong hold.'] },
  band: { i: ['Three fabric resistance bands for glutes, pilates and warm-ups.'], b: ['Light, medium and heavy.'] },
  'set-bundle': {
    i: ['Buy the set and save. The {name} includes our {pieces} in matching colours.', 'The matching set you\u2019ll wear on repeat: {pieces}, sold together.'],
    b: ['Sold as a set.', 'Choose one size for both pieces.'],
  },
  'set-court': { i: ['Match point. The {name} includes a {pieces}, made to be worn together.'], b: ['Sold as a set.'] },
  'set-lounge': { i: ['The lounge set, done for you: {pieces} in one colour.', 'Matching sweats, sold as a set: {pieces}.'], b: ['Sold as a set.', 'Relaxed fit.'] },
  'set-track': { i: ['A matching tracksuit: {pieces}, sold together.'], b: ['Sold as a set.'] },
};

HARBOUR.setLine = [
  'Part of our {set} co-ord. Wear it with the {mate} for the full look.',
  'Complete the co-ord with the matching {mate}.',
  'Shop the set: pair with the {mate}.',
  'One half of the {set} matching set.',
];

HARBOUR.ptype = (g) => {
  const M = g.g === 'M';
  if (g.f === 'set' && g.set) return 'Co-ord';
  const m = {
    'yoga-legging': 'Womens Tights', 'flare-legging': 'Yoga Pants', 'train-legging': 'Womens Tights', 'run-tight': M ? 'Mens Running' : 'Running Tights',
    'thermal-tight': 'Running Tights', 'lounge-legging': 'Leggings', 'bra-low': 'Sports Bras', 'bra-medium': 'Sports Bras', 'bra-high': 'Sports Bras',
    'studio-tank': 'Vests', tank: M ? 'Mens Tops' : 'Vests', tee: M ? 'Mens Tops' : 'Womens T-Shirts', 'studio-ls': 'Long Sleeve Tops',
    'long-sleeve': M ? 'Mens Tops' : 'Long Sleeve Tops', 'run-tee': M ? 'Mens Tops' : 'Running Tops', jogger: 'Joggers', sweatpant: 'Joggers',
    'wide-pant': 'Womens Trousers', 'run-short': 'Shorts', 'biker-short': 'Shorts', 'lounge-short': 'Shorts', skirt: 'Skorts',
    'zip-hoodie': 'Hoodies & Sweats', hoodie: 'Hoodies & Sweats', 'crew-sweat': 'Hoodies & Sweats', 'half-zip': M ? 'Mens Sweats' : 'Hoodies & Sweats',
    'run-jacket': 'Outerwear', puffer: 'Outerwear', gilet: 'Gilets', fleece: 'Outerwear', shacket: 'Shirts & Overshirts', wrap: 'Knitwear',
    'fitted-jacket': 'Jackets', onepiece: 'Unitards & Jumpsuits', trainer: 'Trainers', slider: 'Sliders', socks: 'Socks',
    'set-bundle': 'Sets', 'set-court': 'Sets', 'set-lounge': 'Sets', 'set-track': 'Tracksuits',
    bottle: 'Accessories', cap: 'Accessories', beanie: 'Accessories', gloves: 'Accessories', headband: 'Accessories', scrunchie: 'Accessories',
    hairties: 'Accessories', duffel: 'Bags', tote: 'Bags', beltbag: 'Bags', mat: 'Yoga Kit', block: 'Yoga Kit', strap: 'Yoga Kit', towel: 'Accessories',
    band: 'Equipment',
  };
  const pt = m[g.k];
  if (!pt) throw new Error(`harbour ptype ${g.k}`);
  return pt;
};

HARBOUR.navCollection = (g) =>
  ({
    leggings: 'Leggings & Tights', bra: 'Sports Bras', top: 'Tops & T-Shirts', bottom: 'Joggers & Shorts', layer: ['hoodie', 'zip-hoodie', 'crew-sweat', 'half-zip'].includes(g.k) ? 'Hoodies & Sweatshirts' : 'Jackets & Coats',
    set: 'Co-ords & Sets', onepiece: 'Unitards & Jumpsuits', footwear: 'Footwear', accessory: 'Accessories',
  })[g.family];

function londonOffset(ms) {
  const m = new Date(ms).getUTCMonth() + 1;
  return m >= 4 && m <= 10 ? 1 : 0;
}
function shopifyTime(ms) {
  const off = londonOffset(ms);
  const local = new Date(Math.floor(ms / 1000) * 1000 + off * HOUR).toISOString().replace('.000Z', '');
  return `${local}+0${off}:00`;
}

function buildHarbour() {
  const B = HARBOUR;
  const R = new Rng('harbour:catalog');
  const groups = [];
  const createdRange = {
    new: [NOW - 80 * DAY, NOW - 12 * DAY], recent: [Date.UTC(2026, 1, 1), Date.UTC(2026, 7, 31)],
    core: [Date.UTC(2021, 2, 1), Date.UTC(2024, 5, 30)], old: [Date.UTC(2024, 8, 1), Date.UTC(2025, 11, 15)],
  };
  let lineNo = 100;
  for (const ln of B.lines) {
    lineNo += R.int(1, 9);
    const acc = ln.f === 'accessory';
    const nProducts = ln.split || 1;
    const palette = R.shuffle(B.colours.slice(1));
    const lineColours = (R.chance(0.7) ? [B.colours[0]] : []).concat(palette);
    for (let pi = 0; pi < nProducts; pi++) {
      const g = baseGroup(ln, ln.n, R);
      g.lineNo = lineNo;
      g.priceC = ln.p * 100;
      g.fab = ln.fab ? B.fabrics[ln.fab] : null;
      const szKey = ln.sz || (acc ? 'os' : g.gender === 'M' ? 'ma' : ['leggings', 'bottom'].includes(g.family) && R.chance(0.6) ? 'wuk' : 'wa');
      const list = B.sizes[szKey];
      if (ln.split) {
        g.colours = [lineColours[pi]];
        g.sizes = list.length <= 3 ? list.slice() : sizeWindow(R, list, Math.min(8, R.int(4, list.length)));
      } else {
        const nCol = acc ? R.weighted([1, 2, 3], [0.5, 0.3, 0.2]) : R.weighted([1, 2], [0.45, 0.55]);
        g.colours = lineColours.slice(0, nCol);
        const maxSizes = Math.floor(8 / nCol);
        g.sizes = list.length <= 1 ? list.slice() : sizeWindow(R, list, Math.min(maxSizes, list.length, R.int(3, 5)));
      }
      const t0 = createdRange[ln.s];
      g.createdMs = Math.floor(R.float(t0[0], t0[1]) / 1000) * 1000;
      g.launchMs = g.createdMs;
      g.splitProduct = !!ln.split;
      g.title = ln.split && (R.chance(0.5) || nProducts > 1) ? `${ln.n} - ${g.colours[0][0]}` : ln.n;
      g.handle = ln.split ? `${slug(ln.n)}-${slug(g.colours[0][0])}` : slug(ln.n);
      g.ptype = B.ptype(g);
      harbourText(g, R);
      g.items = [];
      for (const [cname, ccode] of g.colours) {
        const sale = R.chance(acc ? SALE_P[ln.s] * 0.5 : SALE_P[ln.s]);
        const saleC = sale ? Math.round((g.priceC * R.float(0.5, 0.8)) / 100) * 100 : null;
        const fakeCompare = !sale && R.chance(0.06);
        for (const size of g.sizes) {
          const scode = size === 'One Size' ? 'OS' : size.replace(/[^A-Za-z0-9]/g, '');
          g.items.push({
            sku: `HB${g.lineNo}-${ccode}-${scode}`,
            group: g,
            colour: cname,
            ccode,
            size,
            priceC: g.priceC,
            saleC: saleC && saleC < g.priceC ? saleC : null,
            fakeCompare,
            avail: !R.chance(0.08),
          });
        }
      }
      groups.push(g);
    }
  }
  // Shopify ids grow with creation time.
  const byCreated = groups.slice().sort((a, b) => a.createdMs - b.createdMs || a.lineNo - b.lineNo);
  let pid = 7412000000000;
  let vid = 42100000000000;
  let imgId = 33800000000000;
  for (const g of byCreated) {
    pid += R.int(2000000, 900000000);
    g.gid = String(pid);
    g.pid = pid;
    for (const it of g.items) {
      vid += R.int(1, 60000);
      it.vid = vid;
      it.id = String(vid);
    }
    imgId += R.int(1000, 90000000);
    g.imgBase = imgId;
  }
  // Tags use the sale state, so they are built once items exist.
  for (const g of groups) g.tags = harbourTags(g, R);
  return byCreated.reverse();
}

function harbourText(g, R) {
  const B = HARBOUR;
  const c = B.copy[g.kind];
  if (!c) throw new Error(`harbour: no copy for ${g.kind}`);
  const vars = {
    name: g.n,
    fabname: g.fab ? g.fab.name : '',
    fabfeel: g.fab ? g.fab.feel : '',
    pieces: g.pieces || '',
    set: g.setName || '',
    mate: g.mates ? R.pick(g.mates) : '',
  };
  const enc = (s) => s.replace(/&/g, '&amp;');
  const intro = fill(R.pick(c.i), vars);
  const bullets = R.sample(c.b, Math.min(c.b.length, R.int(1, 4))).map((s) => fill(s, vars));
  const setLine = g.setName ? fill(R.pick(B.setLine), vars) : null;
  const style = R.weighted(['full', 'short', 'messy', 'empty'], [0.62, 0.2, 0.15, 0.03]);
  if (style === 'empty') {
    g.body = '';
    return;
  }
  const parts = [];
  if (style === 'messy') parts.push('<meta charset="utf-8">');
  const introHtml = style === 'messy' ? `<span data-mce-fragment="1">${enc(intro)}</span>` : enc(intro);
  parts.push(`<p>${introHtml}</p>`);
  if (setLine) parts.push(`<p><strong>${enc(setLine)}</strong></p>`);
  if (style === 'short') {
    g.body = parts.join('') + (bullets.length ? `<p>${enc(bullets.join(' '))}</p>` : '');
    return;
  }
  parts.push(`<ul>${bullets.map((b) => `<li>${enc(b)}</li>`).join('')}</ul>`);
  if (g.fab) parts.push(`<p><strong>Fabric &amp; Care</strong><br>${enc(g.fab.comp)}. Machine wash at 30\u00b0C.</p>`);
  else if (g.mat) parts.push(`<p><strong>Materials</strong><br>${enc(g.mat)}</p>`);
  if (!['accessory', 'footwear'].includes(g.family)) {
    const model = R.pick(["5'8\"", "5'9\"", "5'10\"", "5'7\""]);
    const ms = g.gender === 'M' ? 'M' : R.pick(['UK 8', 'S', 'UK 10', 'XS']);
    parts.push(`<p><strong>Fit</strong><br>${R.pick(['True to size.', 'Fits true to size.', 'Relaxed fit, size down for a closer fit.', 'Slim fit.'])} Model is ${enc(model).replace(/"/g, '&quot;')} and wears a ${ms}.</p>`);
  }
  g.body = parts.join('');
}

function harbourTags(g, R) {
  const t = [];
  const seasonTag = { new: 'AW26', recent: R.pick(['SS26', 'SS26']), core: R.pick(['core', 'Core', 'evergreen']), old: R.pick(['AW25', 'SS25']) }[g.s];
  t.push(seasonTag);
  if (g.isNew) t.push(R.pick(['new-in', 'new-in', 'NEW IN', 'new_in']));
  if (g.best) t.push(R.pick(['bestseller', 'Bestseller', 'best-seller']));
  t.push(g.gender === 'M' ? 'mens' : g.gender === 'W' ? R.pick(['womens', 'Womens', 'women']) : 'unisex');
  for (const [c] of g.colours) t.push(`colour_${slug(c).replace(/-/g, '_')}`);
  if (g.family !== 'accessory' && g.family !== 'footwear') {
    const fit = { leggings: 'slim', bra: 'fitted', top: R.pick(['relaxed', 'regular', 'slim']), bottom: R.pick(['relaxed', 'regular']), layer: R.pick(['relaxed', 'oversized', 'regular']), set: 'regular', onepiece: 'slim' }[g.family];
    t.push(`fit_${fit}`);
  }
  for (const a of g.act || []) t.push(R.chance(0.8) ? a : cap(a));
  if (g.setName) t.push(R.pick(['co-ord', 'coord', 'matching-set']), `coord_${slug(g.setName).replace(/-/g, '_')}`);
  if (g.f === 'set' && !g.setName) t.push('set', 'bundle');
  t.push(`YGroup_${slug(g.n).replace(/-/g, '_')}`);
  const onSale = g.items.some((it) => it.saleC);
  if (onSale) {
    const pct = Math.round((1 - g.items.find((it) => it.saleC).saleC / g.priceC) * 10) * 10;
    t.push('sale', `sale-${pct}`);
    if (R.chance(0.5)) t.push('final-sale');
  }
  if (['leggings'].includes(g.family)) t.push('size-guide-tights');
  if (g.family === 'bra') t.push('size-guide-bras');
  if (R.chance(0.15)) t.push('exclude-discount');
  if (R.chance(0.1)) t.push('gwp-eligible');
  return uniq(R.shuffle(t)).join(', ');
}

function harbourProductsJson(groups) {
  const B = HARBOUR;
  const R = new Rng('harbour:json');
  const lines = [];
  for (const g of groups) {
    const created = shopifyTime(g.createdMs);
    const updated = shopifyTime(Math.min(NOW - R.int(1, 6) * DAY - R.int(0, 80000) * 1000, g.createdMs + R.int(1, 200) * DAY + R.int(0, 80000) * 1000));
    const variants = g.items.map((it, i) => {
      const onSale = !!it.saleC;
      return {
        id: it.vid,
        product_id: g.pid,
        title: `${it.colour} / ${it.size}`,
        option1: it.colour,
        option2: it.size,
        option3: null,
        sku: it.sku,
        price: money(onSale ? it.saleC : it.priceC),
        compare_at_price: onSale ? money(it.priceC) : it.fakeCompare ? money(it.priceC) : null,
        available: it.avail,
        position: i + 1,
        grams: { accessory: 150, footwear: 900, layer: 650 }[g.family] || 250,
      };
    });
    const images = [];
    g.colours.forEach(([cname, ccode], ci) => {
      const n = R.chance(0.3) ? 2 : 1;
      for (let k = 0; k < n; k++) {
        images.push({
          id: g.imgBase + images.length,
          product_id: g.pid,
          position: images.length + 1,
          src: `https://cdn.shopify.example/s/files/1/0612/8841/2345/products/${g.handle.toUpperCase().replace(/-/g, '_')}_${ccode}_${k + 1}.jpg?v=${Math.floor(g.createdMs / 1000) + ci}`,
          variant_ids: k === 0 ? variants.filter((v) => v.option1 === cname).map((v) => v.id) : [],
        });
      }
    });
    const p = {
      id: g.pid,
      title: g.title,
      handle: g.handle,
      body_html: g.body,
      published_at: created,
      created_at: created,
      updated_at: updated,
      vendor: B.brand,
      product_type: g.ptype,
      tags: g.tags,
      options: [
        { name: 'Colour', position: 1, values: g.colours.map((c) => c[0]) },
        { name: 'Size', position: 2, values: g.sizes },
      ],
      variants,
      images,
    };
    lines.push(JSON.stringify(p));
  }
  return '{"products":[\n' + lines.join(',\n') + '\n]}\n';
}

// ================================================================ NORDLICHT
// A German brand. Google Merchant Center TSV, EUR, ~300 items, German copy.

const NORDLICHT = {
  key: 'nordlicht',
  brand: 'Nordlicht Sportswear',
  site: 'https://www.nordlicht-sport.example',
  currency: 'EUR',
  colours: [
    ['Schwarz', '001'], ['Marine', '410'], ['Anthrazit', '020'], ['Salbei', '530'], ['Sand', '210'], ['Altrosa', '350'],
    ['Weiß', '100'], ['Graumeliert', '030'], ['Bordeaux', '390'], ['Tannengrün', '560'], ['Ocker', '240'], ['Taupe', '220'],
    ['Himmelblau', '420'],
  ],
  sizes: {
    wn: ['34', '36', '38', '40', '42', '44'],
    wa: ['XS', 'S', 'M', 'L', 'XL'],
    ma: ['S', 'M', 'L', 'XL', 'XXL'],
    sock: ['35-38', '39-42', '43-46'],
    os: ['Einheitsgröße'],
  },
  fabrics: {
    soft: { name: 'SoftTouch-Jersey', comp: '78 % Polyamid (recycelt), 22 % Elasthan', mat: 'Polyamid/Elasthan', feel: 'federleicht und angenehm weich' },
    ripp: { name: 'Rippenjersey', comp: '80 % Polyamid, 20 % Elasthan', mat: 'Polyamid/Elasthan', feel: 'weich gerippt und elastisch' },
    kraft: { name: 'formgebendem Funktionsstoff', comp: '70 % Polyamid, 30 % Elasthan', mat: 'Polyamid/Elasthan', feel: 'formend, blickdicht und squat-proof' },
    seam: { name: 'nahtlosem Strick', comp: '92 % Polyamid, 8 % Elasthan', mat: 'Polyamid', feel: 'nahtlos mit Scrunch-Effekt am Po' },
    kompr: { name: 'Kompressionsgewebe', comp: '72 % Polyester (recycelt), 28 % Elasthan', mat: 'Polyester/Elasthan', feel: 'stützend, schnelltrocknend und atmungsaktiv' },
    thermo: { name: 'angerautem Thermo-Gewebe', comp: '70 % Polyester, 30 % Elasthan, innen angeraut', mat: 'Polyester/Elasthan', feel: 'innen angeraut und wärmend' },
    woven: { name: 'robustem Stretch-Webstoff', comp: '86 % Polyamid, 14 % Elasthan', mat: 'Polyamid/Elasthan', feel: 'strapazierfähig und wasserabweisend' },
    bio: { name: 'Bio-Baumwolle', comp: '100 % Baumwolle (kbA)', mat: 'Baumwolle', feel: 'weich und atmungsaktiv' },
    funktion: { name: 'Funktionsjersey', comp: '90 % Polyester (recycelt), 10 % Elasthan', mat: 'Polyester', feel: 'leicht, atmungsaktiv und schnelltrocknend' },
    sweat: { name: 'Bio-Sweat', comp: '80 % Baumwolle (kbA), 20 % Polyester (recycelt)', mat: 'Baumwolle/Polyester', feel: 'kuschelig weich und innen angeraut' },
    wind: { name: 'winddichtem Ripstop', comp: '100 % Polyamid (recycelt), PFC-frei imprägniert', mat: 'Polyamid', feel: 'winddicht, wasserabweisend und leicht' },
    stepp: { name: 'wattiertem Steppgewebe', comp: 'Obermaterial: 100 % Polyamid (recycelt). Wattierung: 100 % Polyester (recycelt)', mat: 'Polyamid/Polyester', feel: 'warm und trotzdem leicht' },
    daune: { name: 'Daunen', comp: 'Obermaterial: 100 % Polyamid. Füllung: 90 % Daunen, 10 % Federn (RDS-zertifiziert)', mat: 'Polyamid/Daune', feel: 'warm und federleicht' },
    teddy: { name: 'Teddyfleece', comp: '100 % Polyester (recycelt)', mat: 'Polyester', feel: 'flauschig und kuschelig warm' },
    samt: { name: 'Stretch-Samt', comp: '90 % Polyester, 10 % Elasthan', mat: 'Polyester/Elasthan', feel: 'samtig weich mit leichtem Glanz' },
  },
};

NORDLICHT.lines = [
  L('leggings', 'yoga-legging', 'W', 'Yoga Leggings Aura', 79.95, { st: 1, best: 1, s: 'core', fab: 'soft' }),
  L('leggings', 'yoga-legging', 'W', 'Yoga Leggings Aura 7/8', 79.95, { st: 1, s: 'core', fab: 'soft' }),
  L('leggings', 'yoga-legging', 'W', 'Pilates Leggings Balance', 74.95, { st: 1, s: 'new', fab: 'soft' }),
  L('leggings', 'flare-legging', 'W', 'Flared Leggings Lotus', 84.95, { st: 1, s: 'recent', fab: 'soft' }),
  L('leggings', 'train-legging', 'W', 'Trainingsleggings Kraft', 69.95, { best: 1, s: 'core', fab: 'kraft' }),
  L('leggings', 'train-legging', 'W', 'Scrunch Leggings Form', 59.95, { s: 'old', fab: 'seam' }),
  L('leggings', 'run-tight', 'W', 'Lauftights Tempo', 99.95, { best: 1, s: 'core', fab: 'kompr' }),
  L('leggings', 'run-tight', 'W', 'Lauftights Tempo 3/4', 89.95, { s: 'old', fab: 'kompr' }),
  L('leggings', 'thermal-tight', 'W', 'Thermo-Lauftights Frost', 109.95, { s: 'new', fab: 'thermo' }),
  L('leggings', 'hike-legging', 'W', 'Outdoor-Leggings Alpin', 94.95, { s: 'recent', fab: 'woven' }),
  L('leggings', 'lounge-legging', 'W', 'Baumwoll-Leggings Basic', 39.95, { s: 'core', fab: 'bio' }),
  L('leggings', 'run-tight', 'M', 'Herren Lauftights Tempo', 89.95, { s: 'core', fab: 'kompr' }),
  L('bra', 'bra-low', 'W', 'Sport-BH Aura \u2013 leichter Halt', 49.95, { st: 1, best: 1, s: 'core', fab: 'soft' }),
  L('bra', 'bra-low', 'W', 'Yoga-Bralette Lotus', 44.95, { st: 1, s: 'recent', fab: 'soft' }),
  L('bra', 'bra-medium', 'W', 'Sport-BH Kraft \u2013 mittlerer Halt', 54.95, { s: 'core', fab: 'kraft' }),
  L('bra', 'bra-high', 'W', 'Lauf-BH Tempo \u2013 starker Halt', 69.95, { best: 1, s: 'core', fab: 'kompr' }),
  L('bra', 'bra-high', 'W', 'Sport-BH Impuls mit Frontreißverschluss', 74.95, { s: 'new', fab: 'kompr' }),
  L('top', 'studio-tank', 'W', 'Yoga-Top Aura', 44.95, { st: 1, s: 'core', fab: 'soft' }),
  L('top', 'studio-ls', 'W', 'Rippshirt Langarm Lotus', 54.95, { st: 1, s: 'recent', fab: 'ripp' }),
  L('top', 'tee', 'W', 'T-Shirt Basic Bio-Baumwolle', 29.95, { best: 1, s: 'core', fab: 'bio' }),
  L('top', 'tee', 'W', 'Oversize T-Shirt', 34.95, { s: 'recent', fab: 'bio' }),
  L('top', 'tank', 'W', 'Tanktop Racerback', 29.95, { s: 'old', fab: 'funktion' }),
  L('top', 'run-tee', 'W', 'Laufshirt Tempo', 44.95, { s: 'core', fab: 'funktion' }),
  L('top', 'run-tee', 'W', 'Langarm-Laufshirt Tempo', 54.95, { s: 'recent', fab: 'funktion' }),
  L('top', 'long-sleeve', 'W', 'Waffel-Longsleeve', 44.95, { s: 'new', fab: 'bio' }),
  L('top', 'run-tee', 'M', 'Herren Funktionsshirt Tempo', 39.95, { s: 'core', fab: 'funktion' }),
  L('top', 'tee', 'M', 'Herren T-Shirt Bio-Baumwolle', 29.95, { best: 1, s: 'core', fab: 'bio' }),
  L('bottom', 'jogger', 'W', 'Jogginghose Wochenende', 69.95, { best: 1, s: 'core', fab: 'sweat' }),
  L('bottom', 'sweatpant', 'W', 'Sweatpants Relaxed', 64.95, { s: 'recent', fab: 'sweat' }),
  L('bottom', 'wide-pant', 'W', 'Weite Sweathose', 69.95, { s: 'old', fab: 'sweat' }),
  L('bottom', 'run-short', 'W', 'Laufshorts Tempo', 39.95, { s: 'core', fab: 'funktion' }),
  L('bottom', 'biker-short', 'W', 'Radlerhose Kraft', 44.95, { s: 'core', fab: 'kraft' }),
  L('bottom', 'lounge-short', 'W', 'Sweatshorts', 39.95, { s: 'recent', fab: 'sweat' }),
  L('bottom', 'jogger', 'M', 'Herren Jogginghose', 69.95, { s: 'core', fab: 'sweat' }),
  L('bottom', 'run-short', 'M', 'Herren Laufshorts 2-in-1', 49.95, { s: 'core', fab: 'funktion' }),
  L('bottom', 'lounge-short', 'M', 'Herren Sweatshorts', 44.95, { s: 'recent', fab: 'sweat' }),
  L('layer', 'hoodie', 'W', 'Hoodie Wochenende', 79.95, { best: 1, s: 'core', fab: 'sweat' }),
  L('layer', 'zip-hoodie', 'W', 'Sweatjacke mit Kapuze', 84.95, { s: 'recent', fab: 'sweat' }),
  L('layer', 'crew-sweat', 'W', 'Sweatshirt Basic', 64.95, { s: 'core', fab: 'sweat' }),
  L('layer', 'run-jacket', 'W', 'Laufjacke Tempo', 119.95, { s: 'core', fab: 'wind' }),
  L('layer', 'puffer', 'W', 'Steppjacke Frost', 179.95, { s: 'new', fab: 'stepp' }),
  L('layer', 'gilet', 'W', 'Daunenweste Frost', 139.95, { s: 'recent', fab: 'daune' }),
  L('layer', 'fleece', 'W', 'Teddyfleece-Jacke', 99.95, { s: 'new', fab: 'teddy' }),
  L('layer', 'half-zip', 'W', 'Troyer mit Halfzip', 79.95, { s: 'old', fab: 'sweat' }),
  L('layer', 'shacket', 'W', 'Gesteppte Hemdjacke', 109.95, { s: 'recent', fab: 'stepp' }),
  L('layer', 'wrap', 'W', 'Yoga-Wickeljacke Lotus', 89.95, { s: 'old', fab: 'ripp' }),
  L('layer', 'hoodie', 'M', 'Herren Hoodie', 79.95, { s: 'core', fab: 'sweat' }),
  L('layer', 'run-jacket', 'M', 'Herren Laufjacke Tempo', 119.95, { s: 'core', fab: 'wind' }),
  L('layer', 'gilet', 'M', 'Herren Steppweste', 119.95, { s: 'new', fab: 'stepp' }),
  L('set', 'set-bundle', 'W', 'Set Aura: Sport-BH + Leggings', 119.95, { s: 'core', fab: 'soft', pieces: 'Sport-BH Aura und Yoga Leggings Aura', contains: ['bra', 'leggings'] }),
  L('set', 'set-lounge', 'W', 'Lounge-Set Wochenende', 129.95, { s: 'recent', fab: 'sweat', pieces: 'Sweatshirt Basic und Jogginghose Wochenende', contains: ['layer', 'bottom'] }),
  L('set', 'set-court', 'W', 'Tennis-Set Court', 89.95, { s: 'old', fab: 'funktion', pieces: 'Tanktop und Faltenrock mit Innenhose', contains: ['top', 'bottom'] }),
  ...SETC('Welle', { s: 'new', fab: 'ripp' }, [
    ['bra-low', 'bra', 'Rippen-Bra Welle', 44.95],
    ['yoga-legging', 'leggings', 'Rippen-Leggings Welle', 74.95],
    ['biker-short', 'bottom', 'Rippen-Shorts Welle', 44.95],
  ]),
  ...SETC('Glanz', { s: 'new', fab: 'samt' }, [
    ['zip-hoodie', 'layer', 'Samtjacke Glanz', 89.95],
    ['wide-pant', 'bottom', 'Samt-Schlaghose Glanz', 79.95],
  ]),
  L('onepiece', 'onepiece', 'W', 'Jumpsuit Lotus', 89.95, { s: 'recent', fab: 'soft' }),
  L('accessory', 'socks', 'U', 'Sportsocken 3er-Pack', 14.95, { s: 'core', best: 1, sz: 'sock', mat: 'Baumwolle/Polyamid' }),
  L('accessory', 'socks', 'W', 'Yoga-Socken mit Noppen', 12.95, { s: 'recent', sz: 'sock', mat: 'Baumwolle/Silikon' }),
  L('accessory', 'headband', 'U', 'Stirnband', 14.95, { s: 'core', mat: 'Polyamid/Elasthan' }),
  L('accessory', 'hairties', 'W', 'Haargummis 3er-Set', 9.95, { s: 'core', mat: 'Polyester' }),
  L('accessory', 'cap', 'U', 'Laufkappe', 24.95, { s: 'recent', mat: 'Polyester' }),
  L('accessory', 'beanie', 'U', 'Rippstrickmütze', 24.95, { s: 'new', mat: 'Merinowolle' }),
  L('accessory', 'gloves', 'U', 'Laufhandschuhe', 19.95, { s: 'old', mat: 'Polyester/Elasthan' }),
  L('accessory', 'bottle', 'U', 'Trinkflasche Edelstahl 750 ml', 24.95, { s: 'core', mat: 'Edelstahl' }),
  L('accessory', 'mat', 'U', 'Yogamatte Naturkautschuk 4 mm', 79.95, { s: 'core', mat: 'Naturkautschuk' }),
  L('accessory', 'block', 'U', 'Yoga-Block Kork', 19.95, { s: 'core', mat: 'Kork' }),
  L('accessory', 'tote', 'U', 'Turnbeutel', 19.95, { s: 'recent', mat: 'Baumwolle' }),
  L('accessory', 'duffel', 'U', 'Sporttasche 35 l', 59.95, { s: 'core', mat: 'Polyester (recycelt)' }),
];

NORDLICHT.copy = {
  'yoga-legging': {
    i: [
      'Unsere weichste Leggings für Yoga und Pilates: Die {name} fühlt sich an wie eine zweite Haut und macht jede Bewegung mit.',
      'Sanft, dehnbar, blickdicht \u2013 die {name} ist für ruhige Einheiten auf der Matte gemacht, vom Sonnengruß bis zur Endentspannung.',
      'Für Flow, Pilates und Barre: Die {name} aus {fabname} ist {fabfeel} und gibt in jeder Position nach.',
    ],
    b: ['Der hohe, breite Bund sitzt bequem in der Taille und rollt nicht.', 'Ohne Vordernaht \u2013 nichts drückt in der Vorbeuge.', 'Kleine Tasche im Bund für Schlüssel oder Karte.', 'Ideal für Sportarten mit geringer Intensität.'],
  },
  'flare-legging': {
    i: ['Die {name} sitzt eng an Hüfte und Oberschenkel und fällt ab dem Knie weit aus. Vom Yogastudio direkt ins Café.', 'Leggings mit ausgestelltem Bein aus {fabname}, {fabfeel}.'],
    b: ['Hoher Bund.', 'Für Yoga, Pilates und den Alltag.'],
  },
  'train-legging': {
    i: ['Für schwere Sätze und schnelle Intervalle: Die {name} ist {fabfeel}.', 'Deine neue Gym-Leggings: Sie sitzt, formt und bleibt auch bei tiefen Kniebeugen blickdicht.'],
    b: ['Seitliche Tasche für das Smartphone.', 'Schweißableitend.', 'Der Bund bleibt auch bei Burpees an Ort und Stelle.'],
  },
  'run-tight': {
    i: [
      'Für intensive Läufe und Intervalle: Die {name} sitzt mit spürbarer Kompression fest am Körper und stützt die Muskulatur.',
      'Gemacht für hohe Intensität \u2013 Tempoläufe, HIIT, Wettkampf. Die {name} aus {fabname} rutscht nicht und trocknet schnell.',
    ],
    b: ['Reflektierende Details für mehr Sichtbarkeit in der Dämmerung.', 'Seitliche Taschen für das Smartphone, Reißverschlusstasche hinten.', 'Kordelzug im Bund für sicheren Halt.'],
  },
  'thermal-tight': {
    i: ['Wenn es draußen kalt wird: Die {name} ist {fabfeel} \u2013 für Winterläufe bei Wind und Minusgraden.'],
    b: ['Reißverschluss am Knöchel.', 'Reflektierende Details.', 'Winddichte Einsätze an den Oberschenkeln.'],
  },
  'hike-legging': {
    i: ['Die {name} ist {fabfeel} \u2013 gemacht für lange Wandertage und steile Pfade.'],
    b: ['Cargotaschen am Oberschenkel.', 'Verstärkte Knie.'],
  },
  'lounge-legging': {
    i: ['Die Basic-Leggings aus {fabname} für jeden Tag: {fabfeel} und unkompliziert.'],
    b: ['Elastischer Bund.', 'Mittlere Leibhöhe.'],
  },
  'bra-low': {
    i: ['Leichter Halt für Yoga, Pilates und ruhige Tage. Der {name} ist {fabfeel}.', 'Ein weiches Bralette für Einheiten mit geringer Intensität, mit herausnehmbaren Cups.'],
    b: ['Herausnehmbare Cups.', 'Schmale, gekreuzte Träger.', 'Empfohlen für Körbchengröße A\u2013C.'],
  },
  'bra-medium': {
    i: ['Mittlerer Halt für Training im Studio: Der {name} ist {fabfeel}.', 'Sicher durch Krafttraining, Spinning und Zirkeltraining.'],
    b: ['Ringerrücken.', 'Herausnehmbare Cups.'],
  },
  'bra-high': {
    i: ['Maximaler Halt für Laufen, Springen und HIIT. Der {name} reduziert Bewegung spürbar.', 'Unser stützendster Sport-BH für hohe Intensität, mit verstellbaren Trägern.'],
    b: ['Verstellbare Träger und Hakenverschluss.', 'Vorgeformte Cups.', 'Empfohlen für Körbchengröße C\u2013F.'],
  },
  'studio-tank': {
    i: ['Das {name} ist {fabfeel} \u2013 leicht, kurz geschnitten und perfekt für die Yogastunde.'],
    b: ['Integrierter Bra mit leichtem Halt.', 'Kurzer Schnitt, passend zu High-Waist-Leggings.'],
  },
  'studio-ls': {
    i: ['Eng anliegendes Langarmshirt aus {fabname} für Yoga und Pilates.'],
    b: ['Daumenlöcher.', 'Leicht verkürzt.'],
  },
  tee: {
    i: ['Das {name} aus {fabname} ist {fabfeel} \u2013 ein Basic für jeden Tag.', 'Lässig geschnitten, weich und unkompliziert: unser Lieblings-Shirt für den Alltag.'],
    b: ['Lockere Passform.', 'Überschnittene Schultern.'],
  },
  tank: {
    i: ['Luftiges Tanktop aus {fabname} für heiße Trainingstage.'],
    b: ['Ringerrücken.', 'Schnelltrocknend.'],
  },
  'run-tee': {
    i: ['Das {name} ist {fabfeel} \u2013 für jede Laufdistanz.', 'Atmungsaktives Laufshirt mit Belüftungszonen.'],
    b: ['Flachnähte gegen Scheuern.', 'Reflektierendes Logo.', 'Geruchshemmend ausgerüstet.'],
  },
  'long-sleeve': {
    i: ['Langarmshirt mit Waffelstruktur, {fabfeel}.'],
    b: ['Lockere Passform.', 'Rippbündchen.'],
  },
  jogger: {
    i: ['Die {name} ist {fabfeel} \u2013 für Sofa, Spaziergang und Wochenende.', 'Bequeme Jogginghose mit Bündchen und tiefen Taschen.'],
    b: ['Kordelzug.', 'Seitentaschen.', 'Rippbündchen am Saum.'],
  },
  sweatpant: {
    i: ['Entspannte Sweatpants mit geradem Bein, {fabfeel}.'],
    b: ['Elastischer Bund mit Kordelzug.', 'Gerades Bein.'],
  },
  'wide-pant': {
    i: ['Weit geschnittene Hose, {fabfeel}.', 'Lässig und weit: die {name}.'],
    b: ['Hoher Bund.', 'Weites Bein.'],
  },
  'run-short': {
    i: ['Leichte Laufshorts mit Innenslip und Reißverschlusstasche.', 'Die {name} sind {fabfeel} \u2013 für warme Läufe und Wettkämpfe.'],
    b: ['Innenslip.', 'Reißverschlusstasche.'],
  },
  'biker-short': {
    i: ['Eng anliegende Radlerhose, {fabfeel}.'],
    b: ['Hoher Bund.', 'Rutscht nicht hoch.'],
  },
  'lounge-short': {
    i: ['Weiche Sweatshorts für warme Tage.'],
    b: ['Kordelzug.', 'Seitentaschen.'],
  },
  hoodie: {
    i: ['Der {name} ist {fabfeel} \u2013 dein Lieblingsstück für kalte Tage.', 'Kuscheliger Kapuzenpullover mit Kängurutasche.'],
    b: ['Kängurutasche.', 'Gefütterte Kapuze.', 'Oversize-Passform.'],
  },
  'zip-hoodie': {
    i: ['Die {name} ist {fabfeel} und lässt sich perfekt kombinieren.', 'Sweatjacke mit durchgehendem Reißverschluss, {fabfeel}.'],
    b: ['Zwei-Wege-Reißverschluss.', 'Taschen mit Reißverschluss.'],
  },
  'crew-sweat': {
    i: ['Klassisches Sweatshirt aus {fabname}, {fabfeel}.'],
    b: ['Rippbündchen.', 'Lockere Passform.'],
  },
  'run-jacket': {
    i: ['Die {name} ist {fabfeel} \u2013 für Läufe bei Wind und Nieselregen.', 'Leichte Laufjacke, die sich in die eigene Tasche packen lässt.'],
    b: ['Reflektierende Details.', 'Belüftung am Rücken.', 'Verstaubar in der Brusttasche.'],
  },
  puffer: {
    i: ['Die {name} ist {fabfeel} \u2013 für die kältesten Tage des Jahres.', 'Gesteppte Jacke mit hohem Kragen und Kapuze.'],
    b: ['Wasserabweisend.', 'Zwei-Wege-Reißverschluss.'],
  },
  gilet: {
    i: ['Die {name} wärmt den Oberkörper, ohne einzuengen.', 'Leichte Weste aus {fabname}, {fabfeel}.'],
    b: ['Taschen mit Reißverschluss.', 'Klein verstaubar.'],
  },
  fleece: {
    i: ['Die {name} ist {fabfeel} \u2013 für Herbstspaziergänge und gemütliche Abende.'],
    b: ['Stehkragen.', 'Reißverschlusstaschen.'],
  },
  'half-zip': {
    i: ['Troyer mit kurzem Reißverschluss und Stehkragen, {fabfeel}.'],
    b: ['Stehkragen.', 'Rippbündchen.'],
  },
  shacket: {
    i: ['Halb Hemd, halb Jacke: die {name} ist {fabfeel}.'],
    b: ['Druckknopfleiste.', 'Brusttaschen.'],
  },
  wrap: {
    i: ['Weiche Wickeljacke für nach der Yogastunde, {fabfeel}.'],
    b: ['Bindeband.', 'Lockere Passform.'],
  },
  onepiece: {
    i: ['Ein Teil, fertig: Der {name} ist {fabfeel}.'],
    b: ['Tiefer Rückenausschnitt.', 'Integrierter Bra.'],
  },
  socks: { i: ['Gepolsterte, atmungsaktive Socken, die nicht rutschen.', 'Socken mit Noppen für sicheren Stand auf der Matte.'], b: ['Fußgewölbeunterstützung.'] },
  headband: { i: ['Rutschfestes Stirnband, das Haare und Schweiß aus dem Gesicht hält.'], b: ['Schweißableitend.'] },
  hairties: { i: ['Haargummis, die halten, ohne zu ziepen.'], b: ['Schonend zum Haar.'] },
  cap: { i: ['Leichte Laufkappe, schnelltrocknend.'], b: ['Verstellbar.'] },
  beanie: { i: ['Warme Rippstrickmütze aus Merinowolle.'], b: ['Umschlag.'] },
  gloves: { i: ['Dünne Laufhandschuhe, touchscreenfähig.'], b: ['Reflektierende Details.'] },
  bottle: { i: ['Doppelwandige Trinkflasche: 24 Stunden kalt, 12 Stunden warm.'], b: ['Auslaufsicher.'] },
  mat: { i: ['Rutschfeste Yogamatte aus Naturkautschuk, 4 mm stark.'], b: ['Mit Tragegurt.'] },
  block: { i: ['Stabiler Yoga-Block aus Naturkork.'], b: ['Abgerundete Kanten.'] },
  tote: { i: ['Turnbeutel aus Baumwolle für Matte, Flasche und Wechselkleidung.'], b: ['Innentasche.'] },
  duffel: { i: ['Geräumige Sporttasche mit separatem Schuhfach.'], b: ['Gepolsterter Schultergurt.'] },
  'set-bundle': {
    i: ['Zweiteiler zum Vorteilspreis: Das {name} besteht aus {pieces} in derselben Farbe.', 'Das perfekte Set: {pieces}, zusammen im Set erhältlich.'],
    b: ['Wird als Set geliefert.', 'Bitte eine Größe für beide Teile wählen.'],
  },
  'set-lounge': { i: ['Gemütlicher Zweiteiler fürs Wochenende: {pieces} im Set.'], b: ['Wird als Set geliefert.'] },
  'set-court': { i: ['Tennis-Set aus {pieces} \u2013 perfekt aufeinander abgestimmt.'], b: ['Wird als Set geliefert.'] },
};

NORDLICHT.setLine = [
  'Passend dazu: {mate} \u2013 zusammen ein echter Zweiteiler.',
  'Teil der Kollektion {set}. Kombiniere es mit {mate} zum Set.',
  'Perfekt abgestimmt auf {mate} aus derselben Kollektion \u2013 als Set tragen.',
];

NORDLICHT.ptypeSegs = (g) => {
  const M = g.g === 'M';
  const who = M ? 'Herren' : 'Damen';
  const m = {
    'yoga-legging': ['Hosen', 'Leggings'], 'flare-legging': ['Hosen', 'Yogahosen'], 'train-legging': ['Hosen', 'Leggings'],
    'run-tight': M ? ['Laufen', 'Tights'] : ['Hosen', 'Lauftights'], 'thermal-tight': ['Laufen', 'Tights'], 'hike-legging': ['Outdoor', 'Hosen'],
    'lounge-legging': ['Hosen', 'Leggings'], 'bra-low': ['Sport-BHs'], 'bra-medium': ['Sport-BHs'], 'bra-high': ['Sport-BHs'],
    'studio-tank': ['Oberteile', 'Tops'], tank: ['Oberteile', 'Tops'], tee: M ? ['Shirts'] : ['Oberteile', 'T-Shirts'],
    'studio-ls': ['Oberteile', 'Langarmshirts'], 'long-sleeve': ['Oberteile', 'Langarmshirts'], 'run-tee': M ? ['Shirts'] : ['Laufen', 'Shirts'],
    jogger: ['Hosen', 'Jogginghosen'], sweatpant: ['Hosen', 'Jogginghosen'], 'wide-pant': ['Hosen', 'Sweathosen'],
    'run-short': ['Hosen', 'Shorts'], 'biker-short': ['Hosen', 'Shorts'], 'lounge-short': ['Hosen', 'Shorts'],
    hoodie: ['Pullover & Sweatjacken'], 'zip-hoodie': ['Pullover & Sweatjacken'], 'crew-sweat': ['Pullover & Sweatjacken'],
    'half-zip': ['Pullover & Sweatjacken'], 'run-jacket': ['Jacken'], puffer: ['Jacken'], gilet: ['Jacken', 'Westen'], fleece: ['Jacken'],
    shacket: ['Jacken'], wrap: ['Oberteile', 'Strickjacken'], onepiece: ['Overalls'], 'set-bundle': ['Sets'], 'set-lounge': ['Sets'], 'set-court': ['Sets'],
  };
  const acc = {
    socks: ['Zubehör', 'Socken'], headband: ['Zubehör', 'Haar-Accessoires'], hairties: ['Zubehör', 'Haar-Accessoires'], cap: ['Zubehör', 'Kopfbedeckungen'],
    beanie: ['Zubehör', 'Kopfbedeckungen'], gloves: ['Zubehör', 'Handschuhe'], bottle: ['Zubehör', 'Trinkflaschen'], mat: ['Zubehör', 'Yoga'],
    block: ['Zubehör', 'Yoga'], tote: ['Zubehör', 'Taschen'], duffel: ['Zubehör', 'Taschen'],
  };
  if (acc[g.k]) return acc[g.k];
  if (g.f === 'set' && g.set) return [who, 'Kollektionen', g.set];
  return [who, ...m[g.k]];
};

NORDLICHT.gpc = (g, R) => {
  const text = {
    leggings: 'Bekleidung & Accessoires > Bekleidung > Sportbekleidung', bra: 'Bekleidung & Accessoires > Bekleidung > Sportbekleidung',
    top: 'Bekleidung & Accessoires > Bekleidung > Oberteile', bottom: 'Bekleidung & Accessoires > Bekleidung > Hosen',
    layer: 'Bekleidung & Accessoires > Bekleidung > Oberbekleidung > Mäntel & Jacken', set: 'Bekleidung & Accessoires > Bekleidung > Sportbekleidung',
    onepiece: 'Bekleidung & Accessoires > Bekleidung > Einteiler', accessory: 'Bekleidung & Accessoires > Bekleidungsaccessoires',
  };
  const textKind = {
    mat: 'Sportartikel > Fitness & Training > Yoga & Pilates > Yoga- & Pilatesmatten', bottle: 'Heim & Garten > Küche & Esszimmer > Behälter für Speisen & Getränke > Trinkflaschen',
    socks: 'Bekleidung & Accessoires > Bekleidung > Unterwäsche & Socken > Socken',
  };
  const numKind = { tee: '212', jogger: '204', sweatpant: '204', 'wide-pant': '204', 'run-short': '207', 'biker-short': '207', 'lounge-short': '207', gilet: '5514', socks: '209', cap: '173', beanie: '173' };
  if (textKind[g.k] && R.chance(0.6)) return textKind[g.k];
  if (R.chance(0.55)) {
    if (numKind[g.k]) return numKind[g.k];
    if (g.f === 'layer') return ['run-jacket', 'puffer', 'fleece', 'shacket'].includes(g.k) ? '5598' : '5322';
    if (g.f === 'accessory') return '167';
    return '5322';
  }
  return text[g.f];
};

function buildNordlicht() {
  const B = NORDLICHT;
  const R = new Rng('nordlicht:catalog');
  const groups = [];
  let style = 40100;
  for (const ln of B.lines) {
    const g = baseGroup(ln, ln.n, R);
    style += R.int(3, 27);
    g.gid = String(style);
    g.priceC = Math.round(ln.p * 100);
    g.fab = ln.fab ? B.fabrics[ln.fab] : null;
    g.material = g.fab ? g.fab.mat : ln.mat;
    const acc = g.family === 'accessory';
    const nCol = acc ? R.weighted([1, 2, 3], [0.4, 0.4, 0.2]) : R.weighted([1, 2, 3], [0.4, 0.45, 0.15]);
    g.colours = pickColours(R, B.colours, nCol, g.isNew);
    const szKey = ln.sz || (acc ? 'os' : g.gender === 'M' ? 'ma' : g.family === 'leggings' && R.chance(0.6) ? 'wn' : 'wa');
    const list = B.sizes[szKey];
    g.sizes = acc ? list.slice() : sizeWindow(R, list, R.weighted([2, 3, 4], [0.35, 0.4, 0.25]));
    const segs = B.ptypeSegs(g);
    const sepR = R.next();
    g.ptype = sepR < 0.5 ? segs.join(':') : sepR < 0.8 ? segs.map((s) => s.toLowerCase()).join('/') : segs.join(' > ');
    g.category = segs.join(' > ');
    g.gpc = B.gpc(g, R);
    g.season = { new: 'HW26 Neu', recent: 'FS26', core: g.best ? 'Bestseller' : 'Basics', old: 'HW25' }[ln.s];
    g.titlePrefix = g.isNew && R.chance(0.6) ? 'NEU: ' : g.gender === 'W' && !acc && R.chance(0.3) ? 'Damen ' : '';
    nordlichtText(g, R);
    g.items = [];
    for (const [cname, ccode] of g.colours) {
      const sale = R.chance(acc ? SALE_P[ln.s] * 0.5 : SALE_P[ln.s]);
      // Sale prices end in ,95 or ,99 like the list prices.
      const saleC = sale ? Math.floor((g.priceC * R.float(0.55, 0.8)) / 100) * 100 + (R.chance(0.7) ? 95 : 99) : null;
      for (const size of g.sizes) {
        const scode = size === 'Einheitsgröße' ? 'OS' : size.replace(/[^A-Za-z0-9]/g, '');
        const id = `${g.gid}-${ccode}-${scode}`;
        g.items.push({ id, sku: id, group: g, colour: cname, ccode, size, priceC: g.priceC, saleC: saleC && saleC < g.priceC ? saleC : null, avail: !R.chance(0.07) });
      }
    }
    groups.push(g);
  }
  return groups;
}

function nordlichtText(g, R) {
  const B = NORDLICHT;
  const c = B.copy[g.kind];
  if (!c) throw new Error(`nordlicht: no copy for ${g.kind}`);
  const vars = {
    name: g.n,
    fabname: g.fab ? g.fab.name : '',
    fabfeel: g.fab ? g.fab.feel : '',
    pieces: g.pieces || '',
    set: g.setName || '',
    mate: g.mates ? R.pick(g.mates) : '',
  };
  const intro = fill(R.pick(c.i), vars);
  const body = R.sample(c.b, Math.min(c.b.length, R.int(1, 3))).map((s) => fill(s, vars));
  const setLine = g.setName ? fill(R.pick(B.setLine), vars) : null;
  const mat = g.fab ? `Material: ${g.fab.comp}.` : g.material ? `Material: ${g.material}.` : '';
  const care = g.family === 'accessory' ? '' : R.pick(['Pflege: Maschinenwäsche bei 30 °C, nicht im Trockner trocknen.', 'Bei 30 °C waschen. Kein Weichspüler.', '']);
  const mode = R.weighted(['plain', 'bullets', 'br'], [0.5, 0.3, 0.2]);
  if (mode === 'plain') g.desc = [intro, setLine, ...body, mat, care].filter(Boolean).join(' ');
  else if (mode === 'bullets') g.desc = [intro, setLine].filter(Boolean).join(' ') + ' ' + body.map((b) => `\u2022 ${b}`).join(' ') + (mat ? ` ${mat}` : '') + (care ? ` ${care}` : '');
  else g.desc = [intro, setLine, body.join(' '), mat, care].filter(Boolean).join('<br>');
}

function nordlichtTsv(groups) {
  const B = NORDLICHT;
  const cols = ['id', 'title', 'description', 'link', 'image_link', 'price', 'sale_price', 'availability', 'product_type', 'google_product_category', 'item_group_id', 'color', 'size', 'gender', 'material', 'custom_label_0'];
  const rows = [cols.join('\t')];
  const gw = { W: 'female', M: 'male', U: 'unisex' };
  const clean = (s) => String(s).replace(/[\t\r\n]+/g, ' ');
  for (const g of groups) {
    for (const it of g.items) {
      const title = `${g.titlePrefix}${g.n}${g.colours.length > 1 || g.family !== 'accessory' ? ` \u2013 ${it.colour}` : ''}`;
      const row = {
        id: it.id,
        title,
        description: g.desc,
        link: `${B.site}/de/${slug(g.n)}-${g.gid}.html?farbe=${it.ccode}`,
        image_link: `${B.site}/media/catalog/product/${g.gid}/${g.gid}_${it.ccode}_01.jpg`,
        price: `${money(it.priceC)} EUR`,
        sale_price: it.saleC ? `${money(it.saleC)} EUR` : '',
        availability: it.avail ? 'in_stock' : 'out_of_stock',
        product_type: g.ptype,
        google_product_category: g.gpc,
        item_group_id: g.gid,
        color: it.colour,
        size: it.size,
        gender: gw[g.gender],
        material: g.material || '',
        custom_label_0: it.saleC ? 'Sale' : g.season,
      };
      rows.push(cols.map((c) => clean(row[c])).join('\t'));
    }
  }
  return rows.join('\n') + '\n';
}

// ================================================================ CUSTOMERS

const PERSONAS = ['studio', 'styling', 'casual', 'browser', 'deals'];
const MARKDOWN_AFTER = 90 * DAY;
const PER_PERSONA = 60;

const NAMES = {
  summit: {
    W: ['Emily', 'Olivia', 'Madison', 'Ashley', 'Sarah', 'Jessica', 'Hannah', 'Taylor', 'Megan', 'Lauren', 'Rachel', 'Samantha', 'Kayla', 'Brittany', 'Alexis', 'Jasmine', 'Sofia', 'Isabella', 'Chloe', 'Grace', 'Natalie', 'Victoria', 'Avery', 'Brooke', 'Danielle', 'Nicole', 'Amanda', 'Jennifer', 'Priya', 'Maya', 'Camila', 'Gabriela', 'Leah', 'Morgan', 'Paige', 'Kelsey', 'Alyssa', 'Zoe', 'Mia', 'Harper', 'Lucía', 'Valentina', 'Mei', 'Aaliyah'],
    M: ['Michael', 'Chris', 'Matt', 'Josh', 'Ryan', 'Tyler', 'Brandon', 'Kevin', 'Justin', 'Jason', 'Daniel', 'Andrew', 'Kyle', 'Eric', 'Marcus', 'Luis', 'Carlos', 'Nathan', 'Sam', 'Ben', 'Diego', 'Jordan'],
    locales: [['en-US', 0.88], ['en-CA', 0.07], ['es-US', 0.05]],
    genderWords: { W: 'female', M: 'male' },
  },
  harbour: {
    W: ['Amelia', 'Olivia', 'Isla', 'Ava', 'Emily', 'Sophie', 'Grace', 'Lucy', 'Ella', 'Charlotte', 'Hannah', 'Chloe', 'Megan', 'Holly', 'Jess', 'Katie', 'Lauren', 'Rebecca', 'Georgia', 'Abigail', 'Freya', 'Imogen', 'Poppy', 'Millie', 'Niamh', 'Aoife', 'Siobhan', 'Harriet', 'Eleanor', 'Beth', 'Zara', 'Aisha', 'Priya', 'Rosie', 'Phoebe', 'Esme'],
    M: ['Oliver', 'Harry', 'Jack', 'George', 'Charlie', 'James', 'Tom', 'Alfie', 'Josh', 'Callum', 'Liam', 'Connor', 'Ollie', 'Sam', 'Dan', 'Ciarán', 'Rhys', 'Arjun'],
    locales: [['en-GB', 0.92], ['en-IE', 0.08]],
    genderWords: { W: 'Female', M: 'Male' },
  },
  nordlicht: {
    W: ['Lena', 'Anna', 'Laura', 'Julia', 'Sophie', 'Marie', 'Lea', 'Hannah', 'Lisa', 'Sarah', 'Katharina', 'Johanna', 'Clara', 'Emma', 'Mia', 'Leonie', 'Franziska', 'Theresa', 'Nina', 'Jana', 'Carolin', 'Miriam', 'Svenja', 'Anja', 'Sabine', 'Jasmin', 'Elif', 'Selin', 'Magdalena', 'Valentina', 'Nadine', 'Corinne', 'Greta', 'Paula'],
    M: ['Lukas', 'Jonas', 'Leon', 'Felix', 'Maximilian', 'Paul', 'Tobias', 'Florian', 'Jan', 'Niklas', 'Moritz', 'Tim', 'Stefan', 'Daniel', 'Markus', 'Emre', 'Sebastian', 'Lorenz', 'Reto'],
    locales: [['de-DE', 0.75], ['de-AT', 0.15], ['de-CH', 0.1]],
    genderWords: { W: 'female', M: 'male' },
  },
};

const MEN_SHARE = {
  summit: { studio: 0, styling: 0.07, casual: 0.35, browser: 0.25, deals: 0.25 },
  harbour: { studio: 0, styling: 0.07, casual: 0.35, browser: 0.22, deals: 0.22 },
  nordlicht: { studio: 0, styling: 0, casual: 0.3, browser: 0.25, deals: 0.25 },
};

const CAMPAIGNS = {
  summit: [
    ['FA26 Drop 3 Launch', 'Just dropped: fresh colors for colder mornings', '/c/whats-new'],
    ['Holiday Gift Guide 2026', 'Gifts they\u2019ll actually wear', '/c/gift-guide'],
    ['Early Access: Holiday Event', 'You\u2019re in. Shop early access now', '/c/holiday-event'],
    ['Markdowns Added', 'New markdowns just landed', '/c/markdowns'],
    ['Run Club Newsletter Oct', 'Race-day checklist + new tights', '/c/run'],
    ['We Miss You', 'It\u2019s been a while, here\u2019s what\u2019s new', '/c/whats-new'],
    ['Cyber Week Preview', 'Mark your calendar', '/c/holiday-event'],
  ],
  harbour: [
    ['AW26 New In', 'New in: the AW26 edit is here', '/collections/new-in'],
    ['Black Friday Early Access', 'Psst. Early access starts now', '/collections/black-friday'],
    ['Sale: Extra 20% Off', 'Extra 20% off sale, today only', '/collections/sale'],
    ['Co-ord Edit', 'Match made: the co-ord edit', '/collections/co-ords-sets'],
    ['Layering Season', 'Cosy layers for colder days', '/collections/hoodies-sweatshirts'],
    ['Studio Edit', 'Your studio wardrobe, sorted', '/collections/yoga'],
    ['We Miss You', 'Still thinking about it?', '/collections/bestsellers'],
  ],
  nordlicht: [
    ['HW26 Neuheiten', 'Neu eingetroffen: die Herbst/Winter-Kollektion', '/de/neuheiten'],
    ['Black Week 2026', 'Black Week: bis zu 30 % Rabatt', '/de/black-week'],
    ['Sale Finale', 'Letzte Chance im Sale', '/de/sale'],
    ['Newsletter Oktober', 'Deine Lieblingsstücke für den Herbst', '/de/bestseller'],
    ['Wir vermissen dich', 'Lange nicht gesehen \u2013 schau mal, was neu ist', '/de/neuheiten'],
    ['Lauf-Special', 'Fit durch den Winter: unsere Laufkollektion', '/de/laufen'],
  ],
};

const COUPONS = {
  summit: { deals: ['EXTRA20', 'FRIENDS25', 'BFCM30', 'MARKDOWN10', 'HOLIDAY20'], other: ['WELCOME15', 'FRIENDS25'] },
  harbour: { deals: ['SALE20', 'BLACKFRIDAY', 'EXTRA15', 'STUDENT15', 'APP10'], other: ['HELLO10', 'STUDENT15'] },
  nordlicht: { deals: ['SALE20', 'BLACKWEEK25', 'EXTRA15', 'NEWSLETTER10'], other: ['HALLO10', 'NEWSLETTER10'] },
};

function personaPools(groups) {
  const P = (fn) => groups.filter(fn);
  return {
    all: groups,
    studioLeg: P((g) => g.studio && g.family === 'leggings'),
    studioBra: P((g) => g.studio && g.family === 'bra'),
    studioTop: P((g) => g.studio && g.family === 'top'),
    sets: P((g) => g.family === 'set'),
    fresh: P((g) => g.isNew),
    casualTee: P((g) => g.family !== 'set' && ['tee'].includes(g.kind)),
    casualPant: P((g) => g.family !== 'set' && ['jogger', 'sweatpant', 'wide-pant'].includes(g.kind)),
    casualShort: P((g) => g.family !== 'set' && ['lounge-short', 'run-short'].includes(g.kind)),
    layers: P((g) => g.family === 'layer'),
    sale: P((g) => g.items.some((it) => it.saleC)),
  };
}

function buildCustomers(brandKey, groups, fmt) {
  const R = new Rng(`${brandKey}:customers`);
  const pools = personaPools(groups);
  const N = NAMES[brandKey];
  const camps = CAMPAIGNS[brandKey];
  const coupons = COUPONS[brandKey];
  const ok = (cg) => (g) => g.gender === 'U' || g.gender === cg;
  const popPick = (list) => R.weighted(list, (g) => g.pop);
  const pickItem = (g, mode) => {
    let items = g.items;
    if (mode === 'sale') items = items.filter((i) => i.saleC);
    else if (mode === 'avoidSale') {
      const ns = items.filter((i) => !i.saleC);
      if (ns.length) items = ns;
    }
    return R.pick(items);
  };
  // Only products already launched (at least 5 days before the event) can be
  // viewed or bought at time t.
  let launchFallbacks = 0;
  const launched = (list, t) => {
    const l = list.filter((g) => g.launchMs <= t - 5 * DAY);
    if (l.length) return l;
    launchFallbacks++;
    return list;
  };
  const fromPool = (pool, cg, mode, t) => {
    let list = pool.filter(ok(cg));
    if (!list.length) throw new Error(`${brandKey}: empty pool for gender ${cg}`);
    list = launched(list, t);
    if (mode === 'avoidSale') {
      const full = list.filter((g) => g.items.some((i) => !i.saleC));
      if (full.length) list = full;
    }
    return pickItem(popPick(list), mode);
  };
  const noisePick = (cg, noLayers, t) => {
    let list = R.chance(0.85) ? pools.all.filter(ok(cg)) : pools.all;
    if (noLayers) list = list.filter((g) => g.family !== 'layer');
    return pickItem(popPick(launched(list, t)), 'any');
  };
  const personaPick = (persona, cg, purpose, t) => {
    const mode = R.chance(0.9) ? 'avoidSale' : 'any';
    switch (persona) {
      case 'studio': {
        const pool = R.weighted([pools.studioLeg, pools.studioBra, pools.studioTop], purpose === 'buy' ? [0.5, 0.25, 0.25] : [0.55, 0.2, 0.25]);
        return fromPool(pool, cg, mode, t);
      }
      case 'styling': {
        // set pieces, and whatever had just dropped at the time (launched in the 120 days before)
        const w = purpose === 'buy' ? [0.65, 0.35, 0] : [0.6, 0.25, 0.15];
        const which = R.weighted(['sets', 'fresh', 'all'], w);
        if (which === 'fresh') {
          const fresh = pools.all.filter(ok(cg)).filter((g) => g.launchMs <= t - 5 * DAY && g.launchMs > t - 120 * DAY);
          if (fresh.length) return pickItem(popPick(fresh), mode);
        }
        return fromPool(which === 'all' ? pools.all : pools.sets, cg, mode, t);
      }
      case 'casual': {
        const pool = R.weighted([pools.casualTee, pools.casualPant, pools.casualShort], [0.4, 0.35, 0.25]);
        return fromPool(pool, cg, mode, t);
      }
      case 'deals':
        if (R.chance(purpose === 'buy' ? 0.88 : 0.75)) {
          const sale = pools.sale.filter(ok(cg));
          const marked = sale.filter((g) => g.launchMs <= t - MARKDOWN_AFTER);
          return pickItem(popPick(marked.length ? marked : launched(sale, t)), 'sale');
        }
        return noisePick(cg, false, t);
      case 'browser':
        return noisePick(cg, false, t);
    }
    throw new Error(persona);
  };

  const orderNo = { n: { summit: 4100000, harbour: 58200, nordlicht: 30250000 }[brandKey] };
  const customers = [];
  const plan = [];
  for (const p of PERSONAS) for (let i = 0; i < PER_PERSONA; i++) plan.push(p);
  const order = R.shuffle(plan);
  const usedIds = new Set();
  for (let ci = 0; ci < order.length; ci++) {
    const persona = order[ci];
    const cg = R.chance(MEN_SHARE[brandKey][persona]) ? 'M' : 'W';
    const noise = R.float(0.1, 0.3);
    const ev = [];
    const pick = (purpose, t) => (R.chance(noise) ? noisePick(cg, persona === 'casual', t) : personaPick(persona, cg, purpose, t));
    if (persona !== 'browser') {
      const nOrders = R.weighted([1, 2, 3, 4, 5, 6], [30, 25, 18, 12, 9, 6]);
      const times = [NOW - R.float(35, 300) * DAY];
      while (times.length < nOrders) times.unshift(times[0] - R.float(14, 120) * DAY);
      let views = 5 + Math.floor(36 * R.next() * R.next() * R.next());
      let adds = R.int(0, 5);
      for (const t of times) {
        const nLines = R.weighted([1, 2, 3], [55, 33, 12]);
        const lines = [];
        for (let l = 0; l < nLines; l++) {
          let it = pick('buy', t);
          for (let tries = 0; tries < 5 && lines.some((x) => x.it.group === it.group); tries++) it = pick('buy', t);
          if (lines.some((x) => x.it === it)) continue;
          const qty = it.group.family === 'accessory' ? R.weighted([1, 2, 3], [70, 22, 8]) : R.weighted([1, 2], [92, 8]);
          // marked down only once the style had been out a while
          const paidC = it.saleC && t >= it.group.launchMs + MARKDOWN_AFTER ? it.saleC : it.priceC;
          lines.push({ it, qty, paidC });
          if (views > 0 && R.chance(0.6)) {
            ev.push({ t: t - R.float(0.02, 4) * DAY, type: 'view', it });
            views--;
          }
          if (adds > 0 && R.chance(0.5)) {
            ev.push({ t: t - R.float(2, 90) * MIN, type: 'add', it, qty });
            adds--;
          }
        }
        const coupon = R.chance(persona === 'deals' ? 0.82 : 0.07) ? R.pick(persona === 'deals' ? coupons.deals : coupons.other) : null;
        orderNo.n += R.int(3, 400);
        ev.push({ t, type: 'order', lines, coupon, orderNo: orderNo.n, pct: coupon ? R.pick([10, 15, 20, 25]) : 0 });
      }
      const from = times[0] - 60 * DAY;
      const freeViews = [];
      for (let v = 0; v < views; v++) {
        const vt = R.float(from, NOW - DAY);
        const e = { t: vt, type: 'view', it: pick('view', vt) };
        ev.push(e);
        freeViews.push(e);
      }
      for (let a = 0; a < adds; a++) {
        const base = freeViews.length ? R.pick(freeViews) : null;
        const at = base ? base.t : R.float(from, NOW - DAY);
        const it = base ? base.it : pick('view', at);
        ev.push({ t: at + R.float(1, 30) * MIN, type: 'add', it, qty: 1 });
      }
      if (persona === 'casual' && freeViews.length && R.chance(0.45)) {
        // at most one event on a layer for casual customers
        const v = R.pick(freeViews);
        v.it = fromPool(pools.layers, cg, 'any', v.t);
      }
    } else {
      const nViews = R.int(2, 15);
      for (let v = 0; v < nViews; v++) {
        const vt = R.float(NOW - 200 * DAY, NOW - 2 * DAY);
        ev.push({ t: vt, type: 'view', it: pick('view', vt) });
      }
    }
    const nOpen = R.int(0, 4);
    const nClick = R.int(0, Math.min(nOpen, 2));
    const opens = [];
    for (let o = 0; o < nOpen; o++) {
      const e = { t: R.float(NOW - 180 * DAY, NOW - DAY), type: 'open', camp: R.pick(camps) };
      ev.push(e);
      opens.push(e);
    }
    for (let c = 0; c < nClick; c++) {
      const o = opens[c];
      ev.push({ t: o.t + R.float(0.5, 20) * MIN, type: 'click', camp: o.camp });
    }
    ev.sort((a, b) => a.t - b.t);

    // identity
    let id;
    do {
      id = fmt.customerId(R);
    } while (usedIds.has(id));
    usedIds.add(id);
    const attributes = { first_name: R.pick(N[cg]), locale: R.weighted(N.locales.map((x) => x[0]), N.locales.map((x) => x[1])) };
    if (R.chance(0.5)) attributes.gender = N.genderWords[cg];
    customers.push({ id, persona, gender: cg, attributes, events: ev.map((e) => fmt.event(e, R)) });
  }
  if (launchFallbacks > 3) throw new Error(`${brandKey}: ${launchFallbacks} picks found nothing launched yet`);
  return customers;
}

// Segment Ecommerce v2 events (summit, nordlicht): product_id is the feed's item id.
function segmentFormat(B, idFn) {
  const prod = (it, paidC) => ({ product_id: it.id, sku: it.sku, name: it.group.n, price: num(paidC), category: it.group.category });
  return {
    customerId: idFn,
    event(e) {
      const timestamp = isoSec(e.t);
      switch (e.type) {
        case 'view': {
          const p = prod(e.it, e.it.saleC || e.it.priceC);
          return { event: 'Product Viewed', timestamp, properties: { product_id: p.product_id, name: p.name, price: p.price, category: p.category } };
        }
        case 'add': {
          const p = prod(e.it, e.it.saleC || e.it.priceC);
          return { event: 'Product Added', timestamp, properties: { product_id: p.product_id, name: p.name, price: p.price, quantity: e.qty, category: p.category } };
        }
        case 'order': {
          const sub = e.lines.reduce((s, l) => s + l.paidC * l.qty, 0);
          const disc = Math.round((sub * e.pct) / 100);
          const props = { order_id: `${B.orderPrefix}${e.orderNo}`, total: num(sub - disc), currency: B.currency };
          if (e.coupon) Object.assign(props, { coupon: e.coupon, discount: num(disc) });
          props.products = e.lines.map((l) => {
            const p = prod(l.it, l.paidC);
            return { product_id: p.product_id, sku: p.sku, name: p.name, price: p.price, quantity: l.qty, category: p.category };
          });
          return { event: 'Order Completed', timestamp, properties: props };
        }
        case 'open':
          return { event: 'Email Opened', timestamp, properties: { campaign_name: e.camp[0], email_subject: e.camp[1] } };
        case 'click':
          return { event: 'Email Link Clicked', timestamp, properties: { campaign_name: e.camp[0], link_url: `${B.site}${e.camp[2]}?utm_source=email&utm_campaign=${slug(e.camp[0])}` } };
      }
      throw new Error(e.type);
    },
  };
}

function harbourCollections(g) {
  const c = [g.gender === 'M' ? 'Mens' : g.gender === 'W' ? 'Womens' : 'All Products', HARBOUR.navCollection(g)];
  const act = { yoga: 'Yoga', pilates: 'Pilates', barre: 'Pilates', run: 'Running', gym: 'Gym & Training', hiit: 'Gym & Training', lounge: 'Loungewear', tennis: 'Tennis', walk: 'Walking' };
  for (const a of g.act || []) if (act[a]) c.push(act[a]);
  if (g.isNew) c.push('New In');
  if (g.best) c.push('Bestsellers');
  if (g.items.some((it) => it.saleC)) c.push('Sale');
  return uniq(c);
}

// Klaviyo metric events (harbour). ProductID is the Shopify product id on about
// half of the events and the variant id on the rest.
function klaviyoFormat() {
  const B = HARBOUR;
  const kTime = (ms) => isoSec(ms).replace('Z', '+00:00');
  return {
    customerId(R) {
      const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
      let s = '01J';
      for (let i = 0; i < 23; i++) s += alphabet[R.int(0, 31)];
      return s;
    },
    event(e, R) {
      const time = kTime(e.t);
      const pid = (it) => (R.chance(0.5) ? it.group.pid : it.vid);
      switch (e.type) {
        case 'view': {
          const it = e.it;
          const props = { ProductID: pid(it), ProductName: it.group.title, Price: num(it.saleC || it.priceC) };
          if (it.saleC) props.CompareAtPrice = num(it.priceC);
          props.Categories = harbourCollections(it.group);
          return { metric: 'Viewed Product', time, properties: props };
        }
        case 'add': {
          const it = e.it;
          const price = num(it.saleC || it.priceC);
          return { metric: 'Added to Cart', time, properties: { $value: Number((price * e.qty).toFixed(2)), AddedItemProductID: pid(it), AddedItemProductName: it.group.title, AddedItemSKU: it.sku, AddedItemPrice: price, AddedItemQuantity: e.qty, AddedItemCategories: harbourCollections(it.group) } };
        }
        case 'order': {
          const sub = e.lines.reduce((s, l) => s + l.paidC * l.qty, 0);
          const disc = Math.round((sub * e.pct) / 100);
          const items = e.lines.map((l) => ({ ProductID: pid(l.it), SKU: l.it.sku, ProductName: l.it.group.title, ItemPrice: num(l.paidC), Quantity: l.qty, Categories: harbourCollections(l.it.group) }));
          const props = { $event_id: String(5900000000000 + e.orderNo * 7919), $value: num(sub - disc), OrderId: `#H${e.orderNo}` };
          if (e.coupon) Object.assign(props, { DiscountCode: e.coupon, DiscountValue: num(disc) });
          props.Items = items;
          return { metric: 'Placed Order', time, properties: props };
        }
        case 'open':
          return { metric: 'Opened Email', time, properties: { 'Campaign Name': e.camp[0], Subject: e.camp[1] } };
        case 'click':
          return { metric: 'Clicked Email', time, properties: { 'Campaign Name': e.camp[0], URL: `${B.site}${e.camp[2]}?utm_source=klaviyo&utm_medium=email` } };
      }
      throw new Error(e.type);
    },
  };
}

SUMMIT.orderPrefix = 'SA';
NORDLICHT.orderPrefix = 'NL-';

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

function generateAll() {
  const files = {};
  // summit
  {
    const groups = assignLaunch(buildSummit(), 'summit:launch');
    files['summit/feed.xml'] = summitFeed(groups);
    const fmt = segmentFormat(SUMMIT, (R) => {
      const a = 'abcdefghijklmnopqrstuvwxyz0123456789';
      let s = 'usr_';
      for (let i = 0; i < 16; i++) s += a[R.int(0, 35)];
      return s;
    });
    const customers = buildCustomers('summit', groups, fmt);
    files['summit/customers.json'] = customersJson(customers);
    files['summit/truth.json'] = jsonLines(buildTruth(SUMMIT, groups, customers, 'merchant-center-rss'), ['customers', 'products', 'groups']);
  }
  // harbour
  {
    const groups = buildHarbour();
    files['harbour/products.json'] = harbourProductsJson(groups);
    const customers = buildCustomers('harbour', groups, klaviyoFormat());
    files['harbour/customers.json'] = customersJson(customers);
    files['harbour/truth.json'] = jsonLines(buildTruth(HARBOUR, groups, customers, 'shopify-products-json'), ['customers', 'products', 'groups']);
  }
  // nordlicht
  {
    const groups = assignLaunch(buildNordlicht(), 'nordlicht:launch');
    files['nordlicht/feed.tsv'] = nordlichtTsv(groups);
    const fmt = segmentFormat(NORDLICHT, (R) => `K${R.int(1000000, 9999999)}`);
    const customers = buildCustomers('nordlicht', groups, fmt);
    files['nordlicht/customers.json'] = customersJson(customers);
    files['nordlicht/truth.json'] = jsonLines(buildTruth(NORDLICHT, groups, customers, 'merchant-center-tsv'), ['customers', 'products', 'groups']);
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
