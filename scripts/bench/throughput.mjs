// Throughput, in a process of its own so its peak RSS is this job's alone: the sample campaign
// (samples/catalog.json, customers.json, campaign.json) scaled to TOTAL recipients, split over
// WORKERS worker threads that each build their own engine. Timed from the moment every engine
// is built until every worker has rendered its share.
//
//   node scripts/bench/throughput.mjs TOTAL WORKERS
import { Worker } from "node:worker_threads";

const [total, workers] = [Number(process.argv[2]), Number(process.argv[3])];
const started = Array.from({ length: workers }, (_, index) => {
  const worker = new Worker(new URL("./throughput-worker.mjs", import.meta.url), { workerData: { index, workers, total } });
  const message = (type) =>
    new Promise((resolve, reject) => {
      const onMessage = (m) => m.type === type && (worker.off("message", onMessage), resolve(m));
      worker.on("message", onMessage);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`worker ${index} exited with ${code} before "${type}"`)));
    });
  return { worker, ready: message("ready"), done: message("done") };
});
const ready = await Promise.all(started.map((w) => w.ready));
const t0 = performance.now();
for (const { worker } of started) worker.postMessage("go");
const done = await Promise.all(started.map((w) => w.done));
const wallMs = performance.now() - t0;
await Promise.all(started.map(({ worker }) => worker.terminate()));
const rendered = done.reduce((sum, d) => sum + d.count, 0);
console.log(
  JSON.stringify({
    total: rendered,
    workers,
    wallMs,
    emailsPerSecond: rendered / (wallMs / 1000),
    buildMs: ready.map((r) => r.buildMs),
    workerMs: done.map((d) => d.ms),
    peakRss: process.resourceUsage().maxRSS * 1024,
  }),
);
