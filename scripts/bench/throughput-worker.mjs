// One throughput worker: builds its own engine for the sample campaign, says "ready", and on
// "go" renders recipients index, index + workers, ... of the scaled campaign.
import { parentPort, workerData } from "node:worker_threads";
import { Personalizer } from "mailfit";
import { readJson, sampleRecipient } from "./data.mjs";

const { index, workers, total } = workerData;
const [catalog, sampleCustomers, campaign] = ["catalog", "customers", "campaign"].map((name) => readJson(`samples/${name}.json`));
const t0 = performance.now();
const engine = new Personalizer({ catalog, campaign });
parentPort.postMessage({ type: "ready", buildMs: performance.now() - t0 });
parentPort.once("message", () => {
  const options = { now: campaign.now, sendId: "bench" };
  const start = performance.now();
  let count = 0;
  for (let i = index; i < total; i += workers, count++) engine.render(sampleRecipient(sampleCustomers, i), options);
  parentPort.postMessage({ type: "done", count, ms: performance.now() - start });
});
