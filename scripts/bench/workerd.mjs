// The package inside Cloudflare's workerd (npm `workerd`, loopback only): one worker with the
// catalog embedded and the engine built once per isolate, as an ESP's edge function would run
// it. Each request POSTs one customer as JSON text (the worker hands the text to the engine
// unparsed) and gets the email back as JSON.
//
// workerd freezes its clocks while JavaScript runs (a Spectre mitigation), so CPU per request
// cannot be read inside the worker; the client measures latency instead: sequential requests
// (one at a time: CPU plus loopback HTTP), the same for a request the engine refuses at once
// (the HTTP and JSON overhead alone), and a bounded concurrent load (requests/s, p99).
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./data.mjs";
import { freePort, workerdConfig } from "../../tests/js/workerd-config.mjs";

const WORKER = `
import { Personalizer } from "mailfit";
import catalog from "catalog.json";
import campaign from "campaign.json";

// Built once per isolate, reused by every request.
const engine = new Personalizer({ catalog, campaign });

export default {
  async fetch(request) {
    try {
      const out = engine.render(await request.text(), { now: campaign.now, sendId: "edge-bench" });
      return new Response(JSON.stringify({ subject: out.subject, preheader: out.preheader, html: out.html, text: out.text, productId: out.decision.productId }), { headers: { "content-type": "application/json" } });
    } catch (e) {
      return Response.json({ code: e.code, path: e.path, message: e.message }, { status: 400 });
    }
  },
};
`;


/** Starts workerd serving the package with `products` embedded; resolves to `{ base, stop }`. */
async function serve(products, campaign) {
  const dir = mkdtempSync(join(tmpdir(), "mailfit-bench-workerd-"));
  for (const f of ["workerd.mjs", "mailfit.js", "mailfit_bg.wasm"]) copyFileSync(join(ROOT, "pkg", f), join(dir, f));
  writeFileSync(join(dir, "catalog.json"), JSON.stringify(products));
  writeFileSync(join(dir, "campaign.json"), JSON.stringify(campaign));
  writeFileSync(join(dir, "worker.mjs"), WORKER);
  const port = await freePort();
  writeFileSync(join(dir, "config.capnp"), workerdConfig(port));
  const proc = spawn(join(ROOT, "node_modules/.bin/workerd"), ["serve", join(dir, "config.capnp")], { stdio: ["ignore", "pipe", "pipe"] });
  let logs = "";
  proc.stdout.on("data", (d) => (logs += d));
  proc.stderr.on("data", (d) => (logs += d));
  const stop = () => {
    proc.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      // The first request builds the engine (module scope runs on first load).
      if ((await fetch(base, { method: "POST", body: '{"id":"warm"}' })).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || proc.exitCode !== null) {
      stop();
      throw new Error(`workerd did not start:\n${logs.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, stop };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

/** Sends `bodies` in turn with `concurrency` requests in flight; latencies in µs, wall time in ms. */
async function load(base, bodies, { requests, concurrency }) {
  const latencies = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < requests) {
      const body = bodies[next++ % bodies.length];
      const t0 = performance.now();
      const res = await fetch(base, { method: "POST", body });
      await res.arrayBuffer();
      if (!res.ok) failures++;
      latencies.push((performance.now() - t0) * 1000);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const wallMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return { n: latencies.length, failures, median: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), rps: (latencies.length / wallMs) * 1000 };
}

/**
 * For each catalog size: sequential latency (one request at a time) and a bounded concurrent
 * load test. `catalogs` maps a size to its products; `customers` are JSON-ready objects.
 */
export async function workerdBench({ catalogs, customers, campaign, requests, concurrency }) {
  const bodies = customers.map((c) => JSON.stringify(c));
  const rows = [];
  for (const [size, products] of catalogs) {
    const t0 = performance.now();
    const server = await serve(products, campaign);
    const startMs = performance.now() - t0;
    try {
      // Warm-up: V8 tiers the wasm up (Liftoff, then TurboFan) over the first calls.
      await load(server.base, bodies, { requests: Math.max(100, requests / 4), concurrency: 1 });
      const baseline = await load(server.base, ["{}"], { requests: 200, concurrency: 1 });
      const sequential = await load(server.base, bodies, { requests: Math.max(50, requests / 4), concurrency: 1 });
      const concurrent = await load(server.base, bodies, { requests, concurrency });
      rows.push({ products: size, startMs, baseline, sequential, concurrent, concurrency });
    } finally {
      server.stop();
    }
  }
  return rows;
}
