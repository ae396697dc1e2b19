// A/B of two builds of the package in one process: the sample customers rendered by each in
// turn, twelve rounds, so both see the same machine state (these machines are noisy). B is
// also timed with JSON text in; pass an older build as A (it needs to take JS objects only).
//
//   node scripts/bench/ab.mjs DIR_A DIR_B     (each a built pkg/ with node.mjs)
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
const [a, b] = process.argv.slice(2);
const A = await import(resolve(a, "node.mjs")), B = await import(resolve(b, "node.mjs"));
const load = (n) => JSON.parse(readFileSync(new URL(`../../samples/${n}`, import.meta.url), "utf8"));
const [catalog, customers, campaign] = [load("catalog.json"), load("customers.json"), load("campaign.json")];
const ea = new A.Personalizer({ catalog, campaign }), eb = new B.Personalizer({ catalog, campaign });
const opts = { now: campaign.now, sendId: "mb" };
const texts = customers.map((c) => JSON.stringify(c));
const ta = [], tb = [], tc = [];
for (let round = 0; round < 12; round++) {
  for (const [engine, into, input] of [[ea, ta, customers], [eb, tb, customers], [eb, tc, texts]]) {
    for (let i = 0; i < customers.length; i++) { const t = performance.now(); engine.render(input[i], opts); into.push(performance.now() - t); }
  }
}
const stat = (t) => { t = t.slice(customers.length).sort((x, y) => x - y); return `median ${(t[t.length >> 1] * 1000).toFixed(0)} µs p90 ${(t[Math.floor(t.length * 0.9)] * 1000).toFixed(0)} µs`; };
console.log("A object:", stat(ta)); console.log("B object:", stat(tb)); console.log("B text:  ", stat(tc));
