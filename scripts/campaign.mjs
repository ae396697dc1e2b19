// The main job: the sample re-engagement campaign. Personalizes every sample customer through
// the built npm package (the same wasm module an ESP runs), writes each email to out/campaign/,
// and prints a summary per behaviour: angles, heroes, offers and example subjects.
//
//   node scripts/campaign.mjs [--out DIR] [--fitted]
//
// The churn model is fitted and printed, but the campaign runs on the priors unless --fitted:
// the synthetic sample base has no simulated dropout, so its fit finds almost no churn.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Personalizer, buildInfo, computePopularity, fitChurnModel } from "mailfit";

const root = fileURLToPath(new URL("../", import.meta.url));
const outFlag = process.argv.indexOf("--out");
const outDir = outFlag > 0 ? process.argv[outFlag + 1] : join(root, "out/campaign");
const load = (name) => JSON.parse(readFileSync(join(root, "samples", name), "utf8"));
const [catalog, customers, campaign] = [load("catalog.json"), load("customers.json"), load("campaign.json")];

// Offline learning, as a host would run it nightly: popularity and the churn model's parameters.
const learnStart = performance.now();
const popularity = computePopularity(customers, { now: campaign.now });
const churn = fitChurnModel(customers, { now: campaign.now });
const learnMs = performance.now() - learnStart;
const started = performance.now();
const useFitted = process.argv.includes("--fitted");
const engine = new Personalizer({ catalog, campaign, popularity, ...(useFitted ? { churnModel: churn.model } : {}) });
const buildMs = performance.now() - started;
const titles = new Map(catalog.map((p) => [p.id, p.title]));
mkdirSync(outDir, { recursive: true });

const groups = new Map();
const renderStart = performance.now();
for (const customer of customers) {
  const out = engine.render(customer, { now: campaign.now, sendId: campaign.id });
  const base = join(outDir, customer.id);
  writeFileSync(`${base}.html`, out.html);
  writeFileSync(`${base}.txt`, `Subject: ${out.subject}\nPreheader: ${out.preheader}\n\n${out.text}`);
  writeFileSync(`${base}.json`, JSON.stringify({ subject: out.subject, preheader: out.preheader, decision: out.decision, profile: out.profile, warnings: out.warnings }, null, 2));
  const persona = customer.attributes?.sample_persona ?? "customer";
  const g = groups.get(persona) ?? { n: 0, angles: new Map(), heroes: new Map(), offers: 0, subjects: new Map() };
  g.n += 1;
  const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  bump(g.angles, out.decision.angle);
  bump(g.heroes, titles.get(out.decision.productId) ?? "(none)");
  bump(g.subjects, out.subject);
  if (out.decision.offer.offer) g.offers += 1;
  groups.set(persona, g);
}
const renderMs = performance.now() - renderStart;

const top = (map, n = 1) => [...map].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).slice(0, n);
const share = (count, total) => `${Math.round((100 * count) / total)}%`;
const info = buildInfo();
console.log(`\nmailfit ${info.version} (${info.gitSha}) - sample campaign "${campaign.id}", ${customers.length} customers, ${catalog.length} products, now=${campaign.now}\n`);
const rows = [["behaviour", "n", "top angle", "2nd angle", "top hero product", "distinct heroes", "offers", "example subject"]];
for (const [persona, g] of [...groups].sort()) {
  const [a1, a2] = top(g.angles, 2);
  const [h1] = top(g.heroes);
  const [s1] = top(g.subjects);
  rows.push([
    persona, String(g.n),
    `${a1[0]} ${share(a1[1], g.n)}`, a2 ? `${a2[0]} ${share(a2[1], g.n)}` : "-",
    `${h1[0]} (${h1[1]})`, String(g.heroes.size), share(g.offers, g.n), s1[0],
  ]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const [i, r] of rows.entries()) {
  console.log(r.map((cell, j) => cell.padEnd(widths[j])).join("  "));
  if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
}
const m = churn.model;
console.log(`\nlearned offline in ${learnMs.toFixed(0)} ms: popularity of ${Object.keys(popularity).length} products; churn model ${m.variant} r=${m.r.toFixed(3)} alpha=${m.alpha.toFixed(1)}d a=${m.a.toFixed(3)} b=${m.b.toFixed(3)} on ${churn.customers} buyers (${useFitted ? "used" : "not used: the campaign runs on the priors; --fitted uses it"})`);
for (const w of churn.warnings) console.log(`  fit warning: ${w}`);
console.log(`engine built in ${buildMs.toFixed(1)} ms; ${customers.length} emails rendered in ${renderMs.toFixed(0)} ms (${(renderMs / customers.length).toFixed(2)} ms each, JSON in and out included)`);
console.log(`emails written to ${outDir}/<customer>.{html,txt,json}`);
