// The built npm package (pkg/) in Node, imported by its package name so the `exports` map
// and its `node` condition are what is tested.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import init, { Personalizer, renderTemplate, compileTemplate, buildInfo, fitChurnModel, computePopularity, recordOutcome } from "mailfit";
import { catalog, customers, campaign, options } from "./fixtures.mjs";
// Intl's options for each `local_date` style: what the table was written from.
import { STYLES as DATE_STYLES } from "../../scripts/date-table.mjs";

const engine = new Personalizer({ catalog, campaign });

/** Each call throws a real Error carrying the expected stable code and JSON path. */
function assertTypedErrors(cases) {
  for (const [call, code, path] of cases) {
    assert.throws(call, (e) => {
      assert.ok(e instanceof Error, "an Error object");
      assert.equal(e.code, code, e.message);
      assert.equal(e.path, path, e.message);
      return true;
    });
  }
}

test("loads without an explicit init and reports what runs", async () => {
  await init(); // a no-op after the node entry's initSync
  const info = buildInfo();
  assert.equal(info.version, "0.1.0");
  assert.match(info.wasmBindgen, /^0\.2\./);
});

test("renderTemplate renders Liquid with partials", () => {
  const out = renderTemplate("{% include 'hi' %}: {{ items | map: 'n' | join: ', ' }}", { who: "Ana", items: [{ n: 1 }, { n: 2 }] }, { partials: { hi: "Hi {{ who }}" } });
  assert.equal(out, "Hi Ana: 1, 2");
});

test("money writes every table locale and currency as ICU's Intl.NumberFormat does", (t) => {
  const table = JSON.parse(readFileSync(new URL("../../templates/money.json", import.meta.url), "utf8"));
  if (table.icu !== process.versions.icu) {
    t.skip(`templates/money.json is from ICU ${table.icu}, this Node has ${process.versions.icu}: run node scripts/money-table.mjs`);
    return;
  }
  const money = compileTemplate("{{ minor | money: currency, locale }}");
  let checked = 0;
  for (const locale of Object.keys(table.locales)) {
    for (const currency of Object.keys(table.digits)) {
      const intl = new Intl.NumberFormat(locale, { style: "currency", currency });
      for (const minor of [0, 5, 99, 123450, -123456789, 100000000000, -5]) {
        assert.equal(money.render({ minor, currency, locale }), intl.format(minor / 100), `${minor} ${currency} ${locale}`);
        checked++;
      }
    }
  }
  assert.equal(checked, 33 * 19 * 7);
  money.free();
});

/** The ICU version `src/render/dates_table.rs` was generated from (its first line says). */
const dateTableIcu = () => readFileSync(new URL("../../src/render/dates_table.rs", import.meta.url), "utf8").match(/from ICU ([\d.]+)/)?.[1];

test("local_date writes every table locale and style as ICU's Intl.DateTimeFormat does", (t) => {
  const icu = dateTableIcu();
  if (icu !== process.versions.icu) {
    t.skip(`src/render/dates_table.rs is from ICU ${icu}, this Node has ${process.versions.icu}: run node scripts/date-table.mjs`);
    return;
  }
  const source = readFileSync(new URL("../../src/render/dates_table.rs", import.meta.url), "utf8");
  assert.deepEqual(JSON.parse(source.match(/STYLES: \[&str; \d+\] = (\[.*\]);/)[1]), Object.keys(DATE_STYLES));
  const table = JSON.parse(readFileSync(new URL("../../templates/money.json", import.meta.url), "utf8"));
  const localDate = compileTemplate("{{ at | local_date: style, locale }}");
  // Every month and weekday, one- and two-digit days and months, a leap day, two-digit years 99 and 00.
  const dates = [
    ...Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, i, 1 + ((i * 3) % 28)))),
    ...Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2027, 2, 8 + i))),
    new Date(Date.UTC(2000, 1, 29)), new Date(Date.UTC(1999, 11, 31)), new Date(Date.UTC(2105, 6, 4)),
  ];
  let checked = 0;
  for (const locale of Object.keys(table.locales)) {
    for (const [style, options] of Object.entries(DATE_STYLES)) {
      const intl = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
      for (const date of dates) {
        const at = date.toISOString();
        assert.equal(localDate.render({ at, style, locale }), intl.format(date), `${at} ${style} ${locale}`);
        checked++;
      }
    }
  }
  assert.equal(checked, 33 * 6 * 22);
  localDate.free();
});

test("a bare language means its likely locale in money and local_date, as in Intl", (t) => {
  const table = JSON.parse(readFileSync(new URL("../../templates/money.json", import.meta.url), "utf8"));
  if (table.icu !== process.versions.icu || dateTableIcu() !== process.versions.icu) {
    t.skip(`the locale tables are from ICU ${table.icu}, this Node has ${process.versions.icu}`);
    return;
  }
  const money = compileTemplate("{{ 123450 | money: 'USD', locale }}");
  const localDate = compileTemplate("{{ '2026-12-05' | local_date: 'short', locale }}");
  for (const language of Object.keys(table.likely)) {
    const locale = language;
    assert.equal(money.render({ locale }), new Intl.NumberFormat(language, { style: "currency", currency: "USD" }).format(1234.5), language);
    assert.equal(localDate.render({ locale }), new Intl.DateTimeFormat(language, { dateStyle: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2026, 11, 5))), language);
  }
  assert.equal(Object.keys(table.likely).length, 17);
  money.free();
  localDate.free();
});

test("compileTemplate parses once and renders per call, with the options it was given", () => {
  const template = compileTemplate("{% include 'hi' %} {{ tag }} {{ n | times: 2 }}", { partials: { hi: "Hi {{ who }}" }, escape: "html" });
  assert.equal(template.render({ who: "Ana", tag: "<b>", n: 1 }), "Hi Ana &lt;b&gt; 2");
  assert.equal(template.render(JSON.stringify({ who: "Bo", tag: "<i>", n: 2.5 })), "Hi Bo &lt;i&gt; 5.0");
  // The same as the one-shot form, for every sample customer's template data.
  const email = compileTemplate("{{ customer.first_name | default: 'there' }}|{{ product.title }}|{{ copy.subject }}");
  for (const customer of customers.slice(0, 20)) {
    const data = engine.templateData(customer, options);
    assert.equal(email.render(data), renderTemplate("{{ customer.first_name | default: 'there' }}|{{ product.title }}|{{ copy.subject }}", data));
  }
  const strict = compileTemplate("{{ nope }}", { strict: true });
  assert.throws(() => strict.render({}), (e) => e.code === "TEMPLATE_RENDER");
  assert.equal(strict.render({ nope: "still usable" }), "still usable");
  assert.throws(() => compileTemplate("{% if %}"), (e) => e.code === "TEMPLATE_PARSE");
  assert.throws(() => email.render([1]), (e) => e.code === "INVALID_INPUT" && e.path === "$.data");
  email.free();
  strict.free();
});

test("long strings reach the module intact, whichever way the binding copies them in", () => {
  // From 256 UTF-16 units the binding encodes into the module's memory in one call, with room
  // for an eighth more bytes than units; past that room it falls back to wasm-bindgen's copy.
  const fits = "a".repeat(500) + "é€" + "b".repeat(500);
  const overflows = "漢字".repeat(300);
  const pairs = "😀".repeat(200);
  for (const text of [fits, overflows, pairs, "x".repeat(3000)]) {
    assert.equal(renderTemplate("{{ a }}", { a: text }), text);
    assert.equal(renderTemplate("{{ a }}", JSON.stringify({ a: text })), text);
    assert.equal(renderTemplate(`${text}{{ a }}`, { a: 1 }), `${text}1`);
  }
  // A raw lone surrogate in long JSON text reads as U+FFFD, as it did in short text.
  assert.equal(renderTemplate("{{ a }}", `{"a":"${"x".repeat(400)}\ud800"}`), `${"x".repeat(400)}\ufffd`);
});

test("every sample customer gets a complete email with camelCase fields", () => {
  for (const customer of customers) {
    const out = engine.render(customer, options);
    assert.ok(out.subject.length > 0 && out.preheader.length > 0, customer.id);
    assert.ok(out.html.startsWith("<!DOCTYPE html>"), customer.id);
    assert.ok(out.text.includes(out.copy.cta), customer.id);
    assert.equal(typeof out.decision.productId, "string");
    assert.equal(typeof out.profile.churn.churnRisk, "number");
  }
});

test("distinct behaviours get distinct angles, products and subjects", () => {
  const byPersona = new Map();
  for (const customer of customers) {
    const persona = customer.attributes.sample_persona;
    const { decision, subject } = engine.render(customer, options);
    const row = byPersona.get(persona) ?? { angles: new Map(), products: new Set(), subjects: new Set() };
    row.angles.set(decision.angle, (row.angles.get(decision.angle) ?? 0) + 1);
    row.products.add(decision.productId);
    row.subjects.add(subject);
    byPersona.set(persona, row);
  }
  const dominant = (p) => [...byPersona.get(p).angles].sort((a, b) => b[1] - a[1])[0][0];
  assert.equal(dominant("studio"), "comfort-movement");
  assert.equal(dominant("trend"), "versatility-looks");
  assert.equal(dominant("casual"), "everyday-layering");
  assert.equal(dominant("browser"), "entry-value");
  // Lapsed big spenders with a clear pattern get their behaviour's angle; without product
  // evidence (orders naming products the catalog no longer has) they get win-back.
  const retired = customers
    .filter((c) => c.attributes?.sample_persona === "lapsed_vip")
    .map((c) => JSON.parse(JSON.stringify(c).replaceAll('"NB-', '"RETIRED-')));
  const winBack = retired.filter((c) => engine.decide(c, options).decision.angle === "win-back").length;
  assert.ok(winBack / retired.length >= 0.8, `win-back for ${winBack} of ${retired.length}`);
  const studio = byPersona.get("studio").products;
  const trend = byPersona.get("trend").products;
  const overlap = [...studio].filter((p) => trend.has(p)).length;
  assert.ok(overlap / Math.min(studio.size, trend.size) < 0.2, `studio and trend heroes overlap: ${overlap}`);
});

test("same input, same seed: byte-identical email", () => {
  const a = engine.render(customers[7], options);
  const b = engine.render(customers[7], options);
  assert.equal(JSON.stringify(a), JSON.stringify(b));
});

test("personalize returns a Promise with the same email", async () => {
  const viaPromise = await engine.personalize(customers[3], options);
  assert.equal(viaPromise.html, engine.render(customers[3], options).html);
  await assert.rejects(engine.personalize({ id: "" }, options), (e) => e.code === "INVALID_INPUT" && e.path === "$.id");
});

test("bad input throws Error objects with a stable code and JSON path", () => {
  const cases = [
    [() => new Personalizer({ catalog: [{ id: "p", title: "T" }] }), "INVALID_INPUT", "$.catalog[0].price"],
    [() => new Personalizer({ catalog: "nope" }), "INVALID_INPUT", "$.catalog"],
    [() => new Personalizer({ catalog, campaign: { alternates: "three" } }), "INVALID_INPUT", "$.campaign.alternates"],
    [() => engine.render({ id: "c", events: [{ kind: "view", at: [] }] }, options), "INVALID_INPUT", "$.events[0].at"],
    [() => engine.render({ id: "c", events: "x" }, options), "INVALID_INPUT", "$.events"],
    [() => engine.render({ id: "c" }, { now: "not a date" }), "INVALID_INPUT", "$.now"],
    [() => engine.render(42, options), "INVALID_INPUT", "$"],
    [() => renderTemplate("{{ x | nope }}", {}, { strict: true }), "TEMPLATE_PARSE", "template:template"],
    [() => renderTemplate("hi", [1, 2]), "INVALID_INPUT", "$.data"],
  ];
  assertTypedErrors(cases);
});

test("empty history, unknown events and future timestamps are defaults, not errors", () => {
  const empty = engine.render({ id: "new-1" }, options);
  assert.equal(empty.profile.lifecycle, "browser");
  assert.ok(empty.decision.productId);
  const odd = engine.profile({ id: "c", events: [
    { event: "Coupon Sparkled", timestamp: "2026-11-01T00:00:00Z" },
    { kind: "view", at: "2030-01-01T00:00:00Z", productId: catalog[0].id },
    { kind: "view", productId: catalog[0].id },
  ] }, options);
  assert.equal(odd.dataQuality.unknown, 1);
  assert.equal(odd.dataQuality.future, 1);
  assert.equal(odd.dataQuality.undated, 1);
});

test("templates that would trap wasm are typed errors, and the instance keeps working", () => {
  const year = String(new Date().getUTCFullYear());
  assert.equal(renderTemplate("{{ 'now' | date: '%Y' }}", {}), year);
  assert.equal(renderTemplate("{{ 'now' | date: '%Y-%m-%d' }}", { now: "2026-11-20T12:00:00Z" }), "2026-11-20");
  const bombs = [
    ["{% include 'a' %}", { a: "x{% include 'a' %}" }, "TEMPLATE_RENDER"],
    ["{% render 'a' %}", { a: "{% render 'b' %}", b: "{% render 'a' %}" }, "TEMPLATE_RENDER"],
    ["{% if true %}".repeat(10000), {}, "TEMPLATE_LIMIT"],
    ["{% for i in (1..1000000000) %}x{% endfor %}", {}, "TEMPLATE_LIMIT"],
    ["{% comment %}{% if ... %}{% endcomment", {}, "TEMPLATE_PARSE"],
  ];
  for (const [source, partials, code] of bombs) {
    assert.throws(() => renderTemplate(source, {}, { partials }), (e) => e.code === code);
  }
  assert.equal(renderTemplate("still {{ ok }}", { ok: "alive" }), "still alive");
  assert.ok(engine.render(customers[0], options).html.length > 1000);
});

test("fitChurnModel fits on customers and the engine scores with the fitted model", () => {
  const report = fitChurnModel(customers, { now: campaign.now });
  assert.equal(report.model.source, "fitted");
  assert.equal(report.model.variant, "mbg_nbd");
  assert.equal(report.customers, customers.filter((c) => c.attributes.sample_persona !== "browser").length);
  for (const key of ["r", "alpha", "a", "b"]) assert.ok(report.model[key] > 0 && Number.isFinite(report.model[key]), key);
  const fitted = new Personalizer({ catalog, campaign, churnModel: report.model });
  const profile = fitted.profile(customers[0], options);
  assert.equal(profile.churn.model, "fitted");
  assert.throws(() => fitChurnModel([{ id: "b", events: [] }], { now: campaign.now }), (e) => e.code === "FIT_NO_PURCHASERS");
  assert.throws(() => new Personalizer({ catalog, churnModel: { r: -1, alpha: 1, a: 1, b: 1 } }), (e) => e.path === "$.churnModel");
});

test("popularity, holdout and the bandit through the package", () => {
  const popularity = computePopularity(customers, { now: campaign.now });
  const top = Object.entries(popularity).sort((a, b) => b[1] - a[1])[0];
  assert.equal(top[1], 1);
  const engine = new Personalizer({ catalog, campaign: { ...campaign, holdout: { share: 0.25 } }, popularity });
  const held = customers.filter((c) => engine.decide(c, options).decision.holdout);
  assert.ok(held.length > 40 && held.length < 125, `held out: ${held.length}`);
  assert.ok(held.every((c) => engine.decide(c, options).decision.offer.offer === null));

  let state = recordOutcome(undefined, { customerId: "C0001", angle: "win-back", stage: "lapsed", clicked: true });
  state = recordOutcome(state, { angle: "win-back", stage: "lapsed", opened: true });
  assert.deepEqual(state.arms["lapsed/win-back"], { alpha: 2, beta: 2, sends: 2, revenue: 0 });
  const decided = engine.decide(customers[0], { ...options, bandit: state });
  assert.equal(typeof decided.decision.bandit.stage, "string");
  assert.throws(() => recordOutcome({ arms: { x: { alpha: -1, beta: 1 } } }, { angle: "a" }), (e) => e.code === "INVALID_INPUT" && e.path.startsWith("$.state.arms"));
  assert.throws(() => engine.decide(customers[0], { bandit: { arms: { x: { alpha: "many" } } } }), (e) => e.path === '$.options.bandit.arms.x.alpha');
});

test("undefined variables render empty as in Shopify, or fail in strict mode", () => {
  assert.equal(renderTemplate("Hi {{ customer.first_name | default: 'there' }}!", { customer: {} }), "Hi there!");
  assert.equal(renderTemplate("[{{ nope }}][{{ nope.deeper[3] }}]", {}), "[][]");
  // Ruby's lax mode: an unknown filter hands its input on; strict mode makes it an error.
  assert.equal(renderTemplate("{{ 'Ana' | upcasee }}", {}), "Ana");
  assert.throws(() => renderTemplate("{{ nope }}", {}, { strict: true }), (e) => e.code === "TEMPLATE_RENDER");
  // A brand template reading an attribute the customer lacks still renders.
  const engine = new Personalizer({ catalog, campaign, templates: { subject: "{{ customer.attributes.loyalty_tier | default: 'Member' }}: {{ copy.subject }}" } });
  assert.match(engine.render(customers[0], options).subject, /^Member: /);
});

import { parseCatalog } from "mailfit";

test("parseCatalog reads feeds (text or bytes) into a catalog the engine takes", () => {
  // The sample catalog as a Merchant Center TSV (BOM, CRLF, quoted fields).
  const columns = ["id", "item group id", "title", "description", "link", "image link", "price", "sale price", "availability", "stock", "product type", "google product category", "color", "size", "gender", "tags"];
  const cell = (value) => (value === undefined ? "" : `"${String(Array.isArray(value) ? value.join(", ") : value).replaceAll('"', '""')}"`);
  const rows = catalog.map((p) => columns.map((c) => cell(p[c.replaceAll(" ", "_")])).join("\t"));
  const tsv = "\ufeff" + [columns.join("\t"), ...rows].join("\r\n") + "\r\n";

  const fromText = parseCatalog(tsv);
  assert.equal(fromText.format, "delimited");
  assert.equal(fromText.products.length, catalog.length);
  assert.deepEqual(fromText.warnings, []);
  assert.equal(fromText.products[0].sale_price, undefined, "absent fields are left out");
  assert.deepEqual(parseCatalog(new TextEncoder().encode(tsv)), fromText);

  // Built from the feed, the engine writes the same emails as from the JSON catalog.
  const fromFeed = new Personalizer({ catalog: fromText.products, campaign });
  for (const customer of customers.slice(0, 5)) {
    assert.equal(fromFeed.render(customer, options).html, engine.render(customer, options).html, customer.id);
  }

  const shopify = parseCatalog(JSON.stringify({ products: [{
    id: 7001, title: "Flow Legging", handle: "flow-legging", body_html: "<p>Soft.</p>", tags: "studio, yoga",
    options: [{ name: "Farbe", values: ["Schwarz"] }, { name: "Größe", values: ["S"] }],
    variants: [{ id: 41, option1: "Schwarz", option2: "S", price: "49.00", compare_at_price: "68.00", available: true }],
    images: [{ id: 1, src: "https://cdn.shopify.example/flow.jpg", variant_ids: [41] }],
  }] }), { shopUrl: "shop.example", currency: "EUR" });
  assert.equal(shopify.format, "shopify");
  assert.deepEqual(shopify.products[0], {
    id: "41", title: "Flow Legging", description: "<p>Soft.</p>",
    link: "https://shop.example/products/flow-legging?variant=41", image_link: "https://cdn.shopify.example/flow.jpg",
    price: "68.00 EUR", sale_price: "49.00 EUR", availability: "in_stock", item_group_id: "7001",
    color: "Schwarz", size: "S", tags: ["studio", "yoga"],
  });
  assert.ok(new Personalizer({ catalog: shopify.products }).warnings);

  const cases = [
    [() => parseCatalog("id\ttitle\tprice\nA\tAlpha\t1 USD\nB\tBeta\tcheap\n"), "INVALID_INPUT", "feed:3:price"],
    [() => parseCatalog("<rss><channel><item><g:id>A</g:id></channel></rss>"), "INVALID_INPUT", "feed:item[0]:1:35"],
    [() => parseCatalog('{ "products": [{ "id": 1, "title": "A", "variants": [{ "id": 2, "price": "x" }] }] }'), "INVALID_INPUT", "$.products[0].variants[0].price"],
    [() => parseCatalog("id,title,price\nA,Alpha,1\n", { format: "bogus" }), "INVALID_INPUT", "$.options.format"],
    [() => parseCatalog(42), "INVALID_INPUT", "$.feed"],
  ];
  assertTypedErrors(cases);
});

test("computeAssociations learns kinds of product bought together, and the engine takes them", () => {
  const associations = engine.computeAssociations(customers, { now: options.now });
  const pairs = Object.entries(associations).flatMap(([a, to]) => Object.entries(to).map(([b, lift]) => [a, b, lift]));
  assert.ok(pairs.length > 0, "the sample base has co-purchases");
  assert.ok(pairs.every(([a, b, lift]) => a.startsWith("product:") && b.startsWith("product:") && lift > 1));
  const withThem = new Personalizer({ catalog, campaign, associations });
  assert.equal(typeof withThem.decide(customers[0], options).decision.angle, "string");
  assert.throws(() => engine.computeAssociations("nope"), (e) => e.code === "INVALID_INPUT" && e.path === "$.customers");
});

/** `{ a: { a: ... } }`, `depth` levels deep, built without recursion. */
function nested(depth) {
  let value = { leaf: true };
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

test("customers arrive as objects, JSON text or UTF-8 bytes, with the same email", () => {
  const customer = customers[0];
  const fromObject = engine.render(customer, options);
  const text = JSON.stringify(customer);
  assert.deepEqual(engine.render(text, options), fromObject);
  assert.deepEqual(engine.render(new TextEncoder().encode(text), options), fromObject);
  assert.deepEqual(engine.decide(text, JSON.stringify(options)).decision, fromObject.decision);
  // Errors in JSON text point at the field and keep serde_json's position; objects get the path only.
  assertTypedErrors([
    [() => engine.render('{"id": "c", "events": [{"kind": "view", "at": []}]}', options), "INVALID_INPUT", "$.events[0].at"],
    [() => engine.render("{not json", options), "INVALID_INPUT", "$"],
    [() => engine.render(new Uint8Array([0x7b, 0xff, 0x7d]), options), "INVALID_INPUT", "$"],
  ]);
  assert.throws(() => engine.render({ id: "c", events: [{ kind: "view", at: [] }] }, options), (e) => !/ at line \d+/.test(e.message));
});

test("templateData is exactly what the templates see", () => {
  const data = engine.templateData(customers[0], options);
  const email = engine.render(customers[0], options);
  assert.equal(data.copy.subject, email.subject);
  assert.equal(data.product.title.length > 0, true);
  assert.equal(renderTemplate("{{ copy.subject }}", data), email.subject);
});

test("no nesting depth, cycle or huge history takes the instance down", () => {
  const cyclic = { id: "c" };
  cyclic.attributes = { self: cyclic };
  for (const depth of [10_000, 100_000]) {
    const deep = nested(depth);
    // Every argument of every export that takes host data.
    const calls = [
      () => engine.render({ id: "c", attributes: deep }, options),
      () => engine.render({ id: "c" }, { ...options, bandit: deep }),
      () => engine.profile(deep, options),
      () => engine.templateData({ id: "c", events: [deep] }, options),
      () => new Personalizer({ catalog, campaign: deep }),
      () => new Personalizer({ catalog: [deep] }),
      () => renderTemplate("{{ a }}", deep),
      () => renderTemplate("{{ a }}", {}, { partials: deep }),
      () => compileTemplate("{{ a }}", { partials: deep }),
      () => compileTemplate("{{ a }}").render(deep),
      () => fitChurnModel([{ id: "c", attributes: deep }]),
      () => computePopularity([deep]),
      () => recordOutcome(deep, deep),
      () => engine.importCache(deep),
      () => engine.computeAssociations([deep]),
    ];
    for (const call of calls) {
      assert.throws(call, (e) => {
        assert.ok(["INPUT_TOO_LARGE", "INVALID_INPUT"].includes(e.code), `${depth}: ${e.code} ${e.message}`);
        return true;
      });
    }
    assert.throws(() => engine.render({ id: "c", attributes: deep }, options), (e) => e.code === "INPUT_TOO_LARGE");
  }
  assertTypedErrors([
    [() => engine.render(cyclic, options), "INVALID_INPUT", "$"],
    [() => engine.render({ id: "c", attributes: { n: 10n } }, options), "INVALID_INPUT", "$"],
  ]);
  // A million events: only the newest end is read (the rest counted), in bounded time.
  const product = catalog[0].id;
  const start = Date.parse("2020-01-01T00:00:00Z");
  const events = Array.from({ length: 1_000_000 }, (_, i) => ({ kind: "view", at: new Date(start + i * 60_000).toISOString(), productId: product }));
  const t0 = performance.now();
  const long = engine.profile({ id: "c", events }, options);
  const ms = performance.now() - t0;
  assert.equal(long.dataQuality.received, 1_000_000);
  assert.equal(long.dataQuality.truncated, 1_000_000 - 5_000);
  assert.equal(long.dataQuality.accepted, 5_000);
  const newest = start + 999_999 * 60_000;
  assert.ok(Math.abs(long.rfm.daysSinceLastVisit - (Date.parse(options.now) - newest) / 86_400_000) < 0.01);
  assert.ok(ms < 2_000, `${ms} ms`);
  // Newest first is read from the other end.
  const reversed = engine.profile({ id: "c", events: events.slice().reverse() }, options);
  assert.equal(reversed.rfm.daysSinceLastVisit, long.rfm.daysSinceLastVisit);
  assert.ok(engine.render(customers[0], options).html.length > 1000, "the instance still works");
});
