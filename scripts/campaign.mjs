// The main job: the sample re-engagement campaign. Personalizes every sample customer through
// the built npm package (the same wasm module an ESP runs), writes each email to out/campaign/,
// and prints a summary per behaviour: angles, heroes, offers and example subjects.
//
//   node scripts/campaign.mjs [--out DIR]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Personalizer, buildInfo } from "mailfit";

const root = fileURLToPath(new URL("../", import.meta.url));
const outFlag = process.argv.indexOf("--out");
const outDir = outFlag > 0 ? process.argv[outFlag + 1] : join(root, "out/campaign");
const load = (name) => JSON.parse(readFileSync(join(root, "samples", name), "utf8"));
const [catalog, customers, campaign] = [load("catalog.json"), load("customers.json"), load("campaign.json")];

const started = performance.now();
const engine = new Personalizer({ catalog, campaign });
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
console.log(`\nengine built in ${buildMs.toFixed(1)} ms; ${customers.length} emails rendered in ${renderMs.toFixed(0)} ms (${(renderMs / customers.length).toFixed(2)} ms each, JSON in and out included)`);
console.log(`emails written to ${outDir}/<customer>.{html,txt,json}`);
