// Cold start, run in a fresh process by bench.mjs: `import("mailfit")` (the Node entry reads,
// compiles and instantiates the wasm), then the first `new Personalizer` and the first render,
// before any code of the module has been warmed up.
//
//   node scripts/bench/cold.mjs CATALOG.json
import { readFileSync } from "node:fs";
import { campaign, customers } from "./data.mjs";

const t0 = performance.now();
const mailfit = await import("mailfit");
const t1 = performance.now();
const catalog = JSON.parse(readFileSync(process.argv[2], "utf8"));
const config = campaign();
const [recipient] = customers(catalog, { count: 1, events: 50, label: "cold", now: config.now });
const t2 = performance.now();
const engine = new mailfit.Personalizer({ catalog, campaign: config });
const t3 = performance.now();
engine.render(recipient, { now: config.now, sendId: "bench" });
const t4 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, engineMs: t3 - t2, firstRenderMs: t4 - t3 }));
