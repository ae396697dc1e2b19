// Soak: a mix of good, bad and hostile requests against the example edge worker in workerd (or
// the same bodies through the package in Node), bounded in count, with latency percentiles,
// status classes and memory sampled. Every answer is checked against what its kind expects:
// 200 with an email, or a typed 4xx ({ code, path, message }); a 5xx is always a failure.
//
//   node scripts/soak.mjs [--host workerd|node] [--requests 1000000] [--concurrency 64] [--only kind,kind] [--out file.json]
//
// Needs `scripts/dev build` (pkg/) and `npm ci` (workerd). The test (tests/js/edge-worker.test.mjs)
// runs a short one; README reports the long ones.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { residentBytes, startEdgeWorker } from "./edge-host.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const customers = JSON.parse(readFileSync(`${root}samples/customers.json`, "utf8"));
const campaign = JSON.parse(readFileSync(`${root}samples/campaign.json`, "utf8"));

/** JSON text nested `depth` objects deep (too deep for JSON.stringify's own stack). */
const nested = (depth) => `${'{"a":'.repeat(depth)}{}${"}".repeat(depth)}`;
const enc = new TextEncoder();

/** The request kinds, by weight: each makes a request from its index and says what it expects. */
const KINDS = [
  { name: "good", weight: 50, make: (i) => ({ method: "POST", path: `/v1/personalize?send_id=s${i}`, body: JSON.stringify(customers[i % customers.length]) }), expect: [200] },
  // An ESP renders HTML and text separately: the same send and customer again.
  { name: "good-repeat", weight: 10, make: (i) => ({ method: "POST", path: `/v1/personalize?send_id=r${i % 50}&fields=subject,html`, body: JSON.stringify(customers[i % 50]) }), expect: [200] },
  { name: "good-get", weight: 10, make: (i) => ({ method: "GET", path: `/v1/personalize?id=G${i}&send_id=g${i}&first_name=Ada&locale=${["en-US", "de-DE", "fr-FR"][i % 3]}&gender=female` }), expect: [200] },
  { name: "malformed-json", weight: 3, make: (i) => ({ method: "POST", path: "/v1/personalize", body: `{"id": "c${i}", "events": [` }), expect: [400], code: "INVALID_INPUT" },
  { name: "wrong-types", weight: 3, make: (i) => ({ method: "POST", path: "/v1/personalize", body: JSON.stringify({ id: i, events: [{ kind: "view", at: true }] }) }), expect: [400], code: "INVALID_INPUT" },
  { name: "bad-timestamp", weight: 2, make: (i) => ({ method: "POST", path: "/v1/personalize", body: JSON.stringify({ id: `c${i}`, events: [{ kind: "purchase", at: "yesterday-ish", productId: "x", price: "NaN" }] }) }), expect: [200, 400] },
  { name: "get-without-id", weight: 1, make: () => ({ method: "GET", path: "/v1/personalize?first_name=Ada" }), expect: [400], code: "INVALID_INPUT" },
  { name: "wrong-method", weight: 1, make: () => ({ method: "PUT", path: "/v1/personalize", body: "{}" }), expect: [405] },
  { name: "unknown-path", weight: 1, make: () => ({ method: "GET", path: "/wp-admin.php" }), expect: [404] },
  { name: "deep-nesting", weight: 3, make: (i) => ({ method: "POST", path: "/v1/personalize", body: `{"id": "d${i}", "attributes": ${nested(10_000 + (i % 3) * 45_000)}}` }), expect: [413], code: "INPUT_TOO_LARGE" },
  { name: "oversized-body", weight: 1, make: (i) => ({ method: "POST", path: "/v1/personalize", body: JSON.stringify({ id: `o${i}`, attributes: { note: "x".repeat(3_000_000) } }) }), expect: [413], code: "INPUT_TOO_LARGE" },
  { name: "xss-and-unicode", weight: 10, make: (i) => ({ method: "POST", path: `/v1/personalize?send_id=x${i}`, body: JSON.stringify({ id: `x${i}`, attributes: { first_name: `<img src=x onerror=alert(${i})>\u202e\u200d\u0301😀`, locale: "en-US" }, events: customers[i % customers.length].events }) }), expect: [200], noMarkup: true },
  { name: "long-history", weight: 4, make: (i) => ({ method: "POST", path: `/v1/personalize?send_id=h${i}`, body: JSON.stringify({ id: `h${i}`, events: Array.from({ length: 6_000 }, (_, k) => ({ kind: "view", at: new Date(Date.parse("2026-01-01") + k * 3_600_000).toISOString(), productId: "NB-LG-001" })) }) }), expect: [200] },
];
/** `--only a,b`: just these kinds (e.g. to soak one kind of hostile request). */
let ACTIVE = KINDS;
let TOTAL_WEIGHT = KINDS.reduce((s, k) => s + k.weight, 0);
export function onlyKinds(names) {
  ACTIVE = KINDS.filter((k) => names.includes(k.name));
  if (ACTIVE.length === 0) throw new Error(`no request kind named ${names.join(", ")}`);
  TOTAL_WEIGHT = ACTIVE.reduce((s, k) => s + k.weight, 0);
}
const kindOf = (i) => {
  let slot = (i * 7919) % TOTAL_WEIGHT; // spread kinds evenly over the run
  for (const k of ACTIVE) {
    if (slot < k.weight) return k;
    slot -= k.weight;
  }
  return ACTIVE[0];
};

/** Checks one answer against its kind: null when right, else why not. */
function judge(kind, status, text) {
  if (status >= 500) return `5xx ${status}: ${text.slice(0, 200)}`;
  if (!kind.expect.includes(status)) return `status ${status}, want ${kind.expect}: ${text.slice(0, 200)}`;
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return `not JSON: ${text.slice(0, 100)}`;
  }
  if (status === 200) {
    if (kind.name !== "good-repeat" && !(body.html?.length > 1000 && body.subject)) return "200 without an email";
    // Escaped text (`&lt;img ... onerror=...`) is inert; a raw tag from the data is not.
    if (kind.noMarkup && /<img src=x/i.test(body.html)) return "markup from data reached the HTML";
  } else {
    if (typeof body.code !== "string" || typeof body.path !== "string" || typeof body.message !== "string") return `untyped ${status}: ${text.slice(0, 200)}`;
    if (kind.code && body.code !== kind.code) return `code ${body.code}, want ${kind.code}`;
  }
  return null;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Sends `requests` requests, `concurrency` at a time, through `send(request) -> { status, text }`;
 * samples memory with `memory()` every `sampleMs` and every hundredth of the run. Bodies are made once per kind and index class
 * so the generator is not what is measured.
 */
export async function soak({ send, memory, linearMemory = () => null, requests, concurrency, sampleMs = 2_000, progress = () => {} }) {
  const made = new Map();
  const requestFor = (i) => {
    const kind = kindOf(i);
    // Hostile bodies are large: build a few and reuse them.
    const heavy = ["deep-nesting", "oversized-body", "long-history"].includes(kind.name);
    const slot = heavy ? `${kind.name}:${i % 3}` : null;
    if (slot && made.has(slot)) return { kind, request: made.get(slot) };
    const request = kind.make(i);
    if (slot) made.set(slot, request);
    return { kind, request };
  };
  const latencies = new Float64Array(requests);
  const statuses = {};
  const failures = {};
  const perKind = {};
  const samples = [];
  let next = 0;
  let done = 0;
  const sampleEvery = Math.max(1_000, Math.floor(requests / 100));
  const started = performance.now();
  const sampler = setInterval(async () => samples.push({ at: done, bytes: await memory(), linear: linearMemory() }), sampleMs);
  samples.push({ at: 0, bytes: await memory(), linear: linearMemory() });
  async function worker() {
    for (;;) {
      const i = next++;
      if (i >= requests) return;
      const { kind, request } = requestFor(i);
      const t0 = performance.now();
      let status, text;
      try {
        ({ status, text } = await send(request));
      } catch (error) {
        status = 599;
        text = String(error?.message ?? error);
      }
      latencies[i] = performance.now() - t0;
      statuses[status] = (statuses[status] ?? 0) + 1;
      perKind[kind.name] = (perKind[kind.name] ?? 0) + 1;
      const why = judge(kind, status, text);
      if (why) (failures[kind.name] ??= []).length < 3 ? failures[kind.name].push(why) : failures[kind.name].push(null);
      done++;
      // By count too: a host that answers without yielding to the event loop (the package in
      // Node) starves the timer, which then sampled only the start and the end.
      if (done % sampleEvery === 0) samples.push({ at: done, bytes: await memory(), linear: linearMemory() });
      if (done % 10_000 === 0) progress(done);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  clearInterval(sampler);
  samples.push({ at: done, bytes: await memory(), linear: linearMemory() });
  const seconds = (performance.now() - started) / 1000;
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  // Growth after warm-up: the first tenth of the run is warm-up; compare the highest sample
  // after it with the first sample past it.
  const warm = samples.find((s) => s.at >= requests / 10) ?? samples[0];
  const later = samples.filter((s) => s.at >= warm.at);
  const peak = Math.max(...later.map((s) => s.bytes ?? 0));
  const failed = Object.values(failures).reduce((s, list) => s + list.length, 0);
  return {
    requests,
    concurrency,
    seconds: Number(seconds.toFixed(1)),
    perSecond: Math.round(requests / seconds),
    p50ms: Number(percentile(sorted, 50).toFixed(2)),
    p99ms: Number(percentile(sorted, 99).toFixed(2)),
    maxMs: Number(sorted[sorted.length - 1].toFixed(1)),
    statuses,
    fiveXx: Object.entries(statuses).filter(([s]) => Number(s) >= 500).reduce((s, [, n]) => s + n, 0),
    failed,
    failures: Object.fromEntries(Object.entries(failures).map(([k, list]) => [k, { count: list.length, examples: list.filter(Boolean) }])),
    perKind,
    memory: {
      afterWarmUpMB: Number(((warm.bytes ?? 0) / 1e6).toFixed(1)),
      peakAfterWarmUpMB: Number((peak / 1e6).toFixed(1)),
      endMB: Number(((samples[samples.length - 1].bytes ?? 0) / 1e6).toFixed(1)),
      growth: warm.bytes ? Number(((peak - warm.bytes) / warm.bytes).toFixed(4)) : null,
      samples: samples.length,
      // The module's own linear memory (Node host): it only grows, so its end is its peak.
      ...(samples[0].linear != null && {
        linearAfterWarmUpMB: Number((warm.linear / 1e6).toFixed(1)),
        linearEndMB: Number((samples[samples.length - 1].linear / 1e6).toFixed(1)),
      }),
    },
  };
}

/** The worker over loopback HTTP. */
export async function soakWorkerd(options) {
  const worker = await startEdgeWorker();
  try {
    const send = async ({ method, path, body }) => {
      const res = await fetch(worker.base + path, { method, body });
      return { status: res.status, text: await res.text() };
    };
    return { host: "workerd", ...(await soak({ ...options, send, memory: () => residentBytes(worker.pid) })) };
  } finally {
    worker.stop();
  }
}

/** The same requests through the package in this Node process (the worker's logic, no HTTP). */
export async function soakNode(options) {
  const mailfit = await import("mailfit");
  const { createHandler } = await import("../examples/edge-worker/src/handler.mjs");
  const worker = createHandler(mailfit, { catalog: JSON.parse(readFileSync(`${root}samples/catalog.json`, "utf8")), campaign });
  const send = async ({ method, path, body }) => {
    const res = await worker.fetch(new Request(`http://local${path}`, { method, body }), {});
    return { status: res.status, text: await res.text() };
  };
  const linearMemory = () => mailfit.initSync().memory.buffer.byteLength;
  return { host: "node", ...(await soak({ ...options, send, memory: async () => process.memoryUsage().rss, linearMemory })) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { host: { type: "string", default: "workerd" }, requests: { type: "string", default: "1000000" }, concurrency: { type: "string", default: "64" }, out: { type: "string" }, only: { type: "string" } } });
  if (values.only) onlyKinds(values.only.split(","));
  const options = { requests: Number(values.requests), concurrency: Number(values.concurrency), progress: (n) => process.stderr.write(`\r${n.toLocaleString("en-US")} requests`) };
  const result = values.host === "node" ? await soakNode(options) : await soakWorkerd(options);
  process.stderr.write("\n");
  const text = JSON.stringify({ ...result, campaignNow: campaign.now, date: new Date().toISOString() }, null, 2);
  if (values.out) writeFileSync(values.out, text);
  console.log(text);
  process.exit(result.fiveXx === 0 && result.failed === 0 ? 0 : 1);
}
