// Shared by the three brands: the fixed clock, the seeded PRNG, text helpers
// and the catalog model (how a brand's table of lines becomes item groups and
// items). Everything brand-specific (vocabulary, numbers, formats) lives in
// brands/*.mjs and is passed in as the brand object `B`.

export const NOW_ISO = '2026-11-20T12:00:00Z';
export const NOW = Date.parse(NOW_ISO);
export const MIN = 60000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

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

export class Rng {
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

export const slug = (s) =>
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
export const money = (c) => (c / 100).toFixed(2);
export const num = (c) => Number((c / 100).toFixed(2));
export const isoSec = (ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
export const xmlEsc = (s) =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const fill = (tpl, vars) =>
  tpl.replace(/\{(\w+)\}/g, (_, k) => {
    if (vars[k] === undefined) throw new Error(`template variable {${k}} missing in: ${tpl}`);
    return vars[k];
  });
export const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
export const uniq = (arr) => [...new Set(arr)];

// A contiguous window of `n` sizes, centred around the middle of the run.
export function sizeWindow(R, list, n) {
  if (list.length <= n) return list.slice();
  const mid = Math.floor((list.length - n) / 2);
  const start = Math.max(0, Math.min(list.length - n, mid + R.int(-1, 1)));
  return list.slice(start, start + n);
}

// ------------------------------------------------------------ catalog model

// One catalog line ("style") as written in the brand tables (brands/*.mjs):
//   L(family, kind, gender, name, price, options)
// family/kind are the generator's own classification (the ground truth); they
// are never printed into the feeds.
export const L = (f, k, g, n, p, o = {}) => ({ f, k, g, n, p, ...o });

// Set collections: several pieces of one collection described as matching.
// Each piece is [kind, underlyingFamily, name, price, extraOptions].
export const SETC = (set, o, pieces) =>
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
// Prices are kept in cents; Math.round because Nordlicht's are like 79.95.
export function baseGroup(B, ln, name, R) {
  const famW = { leggings: 1.4, set: 1.1, layer: 1.1, accessory: 0.8, onepiece: 0.6 }[ln.f] || 1;
  const fab = ln.fab ? B.fabrics[ln.fab] : null;
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
    priceC: Math.round(ln.p * 100),
    fab,
    material: fab ? fab.mat : ln.mat,
  };
}

// Which of the brand's size runs a style uses: the line's own, one size for
// accessories, men's letters, else women's numeric sizes (B.numericSizes: on
// which families and how often; always when it names no families) or letters.
export function sizeKey(B, g, R) {
  if (g.sz) return g.sz;
  if (g.family === 'accessory') return 'os';
  if (g.gender === 'M') return 'ma';
  const w = B.numericSizes;
  return !w.families || (w.families.includes(g.family) && R.chance(w.p)) ? w.key : 'wa';
}

// n distinct colours; the brand's first (black) leads less often on new styles.
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

// Sale markdowns go by colourway, more likely on older seasons.
const SALE_P = { old: 0.45, recent: 0.18, core: 0.09, new: 0 };

// One item per colour x size. A colourway is marked down as a whole (half as
// often on accessories). The brand decides how its sale prices are rounded
// (B.salePrice), the SKU stem, its out-of-stock rate and any per-colour
// extras. The item id is the SKU; harbour replaces it with a variant id later.
export function addItems(B, g, R) {
  const p = SALE_P[g.s];
  g.items = [];
  for (const [cname, ccode] of g.colours) {
    const sale = R.chance(g.family === 'accessory' ? p * 0.5 : p);
    const saleC = sale ? B.salePrice(g.priceC, R) : null;
    const extra = B.perColour ? B.perColour(sale, R) : null;
    for (const size of g.sizes) {
      const scode = size === B.sizes.os[0] ? 'OS' : size.replace(/[^A-Za-z0-9]/g, '');
      const sku = `${B.skuStem(g)}-${ccode}-${scode}`;
      g.items.push({
        id: sku,
        sku,
        group: g,
        colour: cname,
        ccode,
        size,
        priceC: g.priceC,
        saleC: saleC && saleC < g.priceC ? saleC : null,
        ...extra,
        avail: !R.chance(B.outOfStock),
      });
    }
  }
}

// Summit and Nordlicht: one feed item group per style and per length/fit
// variant, in 1-3 colours and a window of 2-4 sizes. B.styles holds the
// brand's numbers; B.describe adds its labels and copy. (Harbour splits styles
// into one Shopify product per colour instead: see brands/harbour.mjs.)
export function buildStyles(B) {
  const S = B.styles;
  const R = new Rng(`${B.key}:catalog`);
  const groups = [];
  let styleNo = S.firstNo;
  for (const ln of B.lines) {
    for (const name of variantNames(ln)) {
      const g = baseGroup(B, ln, name, R);
      styleNo += R.int(...S.step);
      g.gid = S.gid(styleNo, g);
      const acc = g.family === 'accessory';
      const nCol = R.weighted([1, 2, 3], acc ? S.colourWeights.accessory : S.colourWeights.other);
      g.colours = pickColours(R, B.colours, nCol, g.isNew);
      const list = B.sizes[sizeKey(B, g, R)];
      g.sizes = acc ? list.slice() : sizeWindow(R, list, R.weighted([2, 3, 4], S.sizeCountWeights));
      B.describe(g, R);
      addItems(B, g, R);
      groups.push(g);
    }
  }
  return groups;
}

// Summit and Nordlicht date a style's launch inside the window of its season
// label (B.launchWindows); harbour uses created_at instead.
export function assignLaunch(B, groups) {
  const R = new Rng(`${B.key}:launch`);
  for (const g of groups) {
    const [a, b] = B.launchWindows[g.season];
    g.launchMs = Math.floor(R.float(Date.parse(`${a}T08:00:00Z`), Date.parse(`${b}T08:00:00Z`)) / 1000) * 1000;
  }
  return groups;
}

// The parts every brand's description is made of: an opening sentence, 1 to
// `maxBody` body sentences and, on co-ord pieces, a line naming a matching
// piece. Each brand then lays them out in its own markup. The PRNG calls
// (mate, intro, body count, body sample, set line) come in this order for all.
export function copyParts(B, g, R, maxBody) {
  const c = B.copy[g.kind];
  if (!c) throw new Error(`${B.key}: no copy for ${g.kind}`);
  const vars = {
    name: g.n,
    fabname: g.fab ? g.fab.name : '',
    fabfeel: g.fab ? g.fab.feel : '',
    pieces: g.pieces || '',
    set: g.setName || '',
    mate: g.mates ? R.pick(g.mates) : '',
  };
  const intro = fill(R.pick(c.i), vars);
  const body = R.sample(c.b, Math.min(c.b.length, R.int(1, maxBody))).map((s) => fill(s, vars));
  const setLine = g.setName ? fill(R.pick(B.setLine), vars) : null;
  return { c, vars, intro, body, setLine };
}
