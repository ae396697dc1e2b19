// Bounded input, in a process of its own so that a crash (a wasm trap, running out of memory)
// is reported rather than ending the benchmark: one render of an oversized customer (CASE
// `events`: SIZE events; `depth`: attributes nested SIZE levels deep), as a JS object or JSON
// text (MODE), after two seconds of ordinary renders (a warm instance), then one render of a
// normal customer to see whether the instance still works.
//
//   node scripts/bench/bounded.mjs CATALOG.json CASE SIZE MODE
import { readFileSync } from "node:fs";
import * as mailfit from "mailfit";
import { campaign, customer, customers, styles } from "./data.mjs";
import { describeError } from "./mailfit.mjs";
import { once } from "./measure.mjs";

const [catalogPath, kind, size, mode] = [process.argv[2], process.argv[3], Number(process.argv[4]), process.argv[5]];
const catalog = JSON.parse(readFileSync(catalogPath, "utf8"));
const config = campaign();
const options = { now: config.now, sendId: "bench" };
const engine = new mailfit.Personalizer({ catalog, campaign: config });
const [normal] = customers(catalog, { count: 1, events: 50, label: "bounded", now: config.now });

/** `{ a: { a: ... } }`, `depth` levels, built bottom-up without recursion. */
function nested(depth) {
  let value = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const oversized =
  kind === "events"
    ? customer(styles(catalog), { events: size, seed: "bench-bounded-events", now: config.now })
    : { ...normal, id: "bench-bounded-depth", attributes: { ...normal.attributes, deep: nested(size) } };

/**
 * The customer as JSON text. V8's JSON.stringify recurses and overflows its stack long before
 * 10,000 levels, so the deep value is spliced in as text, as a host holding it would send it.
 */
function jsonText() {
  if (kind === "events") return JSON.stringify(oversized);
  const shell = JSON.stringify({ ...oversized, attributes: { ...oversized.attributes, deep: "__deep__" } });
  return shell.replace('"__deep__"', `${'{"a":'.repeat(size)}{"leaf":true}${"}".repeat(size)}`);
}

const input = mode === "jsonText" ? jsonText() : oversized;
// Warm: V8 runs a fresh module's wasm as baseline code until it is hot, and an ESP's instance
// has rendered many recipients before a record this large arrives.
const warmCustomers = customers(catalog, { count: 16, events: 50, label: "bounded-warm", now: config.now });
const warmUntil = performance.now() + 2000;
for (let i = 0; performance.now() < warmUntil; i++) engine.render(warmCustomers[i % warmCustomers.length], options);
const result = once(() => engine.render(input, options));
const email = typeof result.value === "string" ? JSON.parse(result.value) : result.value;
const outcome = result.error
  ? { threw: true, error: describeError(result.error) }
  : { threw: false, truncated: email.profile?.dataQuality?.truncated ?? null, received: email.profile?.dataQuality?.received ?? null, warnings: email.warnings?.length ?? 0 };
const after = once(() => engine.render(normal, options));
const alive = !after.error && typeof after.value?.html === "string" && after.value.html.length > 0;
console.log(JSON.stringify({ kind, size, mode, us: result.us, ...outcome, alive, afterError: after.error ? describeError(after.error) : null }));
