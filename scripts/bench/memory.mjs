// Memory over a long run, in a fresh process (run with --expose-gc) so nothing else has grown
// the wasm instance: the process's RSS and the instance's linear memory before rendering,
// after the first CHECKPOINT recipients and after TOTAL recipients, cycling through 200
// generated customers (10, 50 and 200 events). Linear memory never shrinks, so growth after
// the checkpoint means the allocator keeps needing more: a leak or fragmentation.
//
//   node --expose-gc scripts/bench/memory.mjs CATALOG.json TOTAL CHECKPOINT
import { readFileSync } from "node:fs";
import * as mailfit from "mailfit";
import { campaign, customers } from "./data.mjs";
import { wasmMemoryBytes } from "./mailfit.mjs";

const [catalogPath, total, checkpoint] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const catalog = JSON.parse(readFileSync(catalogPath, "utf8"));
const config = campaign();
const pool = [10, 50, 200].flatMap((events) => customers(catalog, { count: events === 200 ? 66 : 67, events, label: "memory", now: config.now }));
const engine = new mailfit.Personalizer({ catalog, campaign: config });
const options = { now: config.now, sendId: "bench" };

/** RSS after a full GC (when exposed), and the linear memory size, in bytes. */
const snapshot = () => {
  globalThis.gc?.();
  return { rss: process.memoryUsage().rss, wasm: wasmMemoryBytes(mailfit) };
};

const before = snapshot();
let atCheckpoint = null;
const t0 = performance.now();
for (let i = 0; i < total; i++) {
  engine.render(pool[i % pool.length], options);
  if (i + 1 === checkpoint) atCheckpoint = snapshot();
}
const renderMs = performance.now() - t0;
const after = snapshot();
console.log(JSON.stringify({ customers: pool.length, total, checkpoint, before, atCheckpoint, after, renderMs }));
