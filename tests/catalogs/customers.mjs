// Customer cohorts: 60 customers per persona with order, view, cart and email
// histories, and the Segment Ecommerce v2 event format (summit, nordlicht).
// The brand's own vocabulary (names, locales, campaigns, coupons, men's
// share) comes from B.customers; harbour's Klaviyo format is in brands/harbour.mjs.

import { Rng, NOW, MIN, DAY, num, isoSec, slug } from './shared.mjs';

const PERSONAS = ['studio', 'styling', 'casual', 'browser', 'deals'];
const MARKDOWN_AFTER = 90 * DAY;
const PER_PERSONA = 60;

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

export function buildCustomers(B, groups, fmt) {
  const R = new Rng(`${B.key}:customers`);
  const pools = personaPools(groups);
  const C = B.customers;
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
    if (!list.length) throw new Error(`${B.key}: empty pool for gender ${cg}`);
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

  const orderNo = { n: C.firstOrderNo };
  const customers = [];
  const plan = [];
  for (const p of PERSONAS) for (let i = 0; i < PER_PERSONA; i++) plan.push(p);
  const order = R.shuffle(plan);
  const usedIds = new Set();
  for (let ci = 0; ci < order.length; ci++) {
    const persona = order[ci];
    const cg = R.chance(C.menShare[persona]) ? 'M' : 'W';
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
        const coupon = R.chance(persona === 'deals' ? 0.82 : 0.07) ? R.pick(persona === 'deals' ? C.coupons.deals : C.coupons.other) : null;
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
      const e = { t: R.float(NOW - 180 * DAY, NOW - DAY), type: 'open', camp: R.pick(C.campaigns) };
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
    const attributes = { first_name: R.pick(C[cg]), locale: R.weighted(C.locales.map((x) => x[0]), C.locales.map((x) => x[1])) };
    if (R.chance(0.5)) attributes.gender = C.genderWords[cg];
    customers.push({ id, persona, gender: cg, attributes, events: ev.map((e) => fmt.event(e, R)) });
  }
  if (launchFallbacks > 3) throw new Error(`${B.key}: ${launchFallbacks} picks found nothing launched yet`);
  return customers;
}

// An order's subtotal and coupon discount in cents, for both event formats.
export function orderTotals(e) {
  const sub = e.lines.reduce((s, l) => s + l.paidC * l.qty, 0);
  return { sub, disc: Math.round((sub * e.pct) / 100) };
}

// Segment Ecommerce v2 events (summit, nordlicht): product_id is the feed's item id.
export function segmentFormat(B, idFn) {
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
          const { sub, disc } = orderTotals(e);
          const props = { order_id: `${B.customers.orderPrefix}${e.orderNo}`, total: num(sub - disc), currency: B.currency };
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
