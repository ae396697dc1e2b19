// The CLI's campaign (`mailfit campaign`) through the npm package on Node worker threads, for a
// fair comparison: the same feed, the same JSON Lines file streamed (never loaded whole), one
// engine per worker thread, batches of 256 lines with at most 4 batches in flight per worker,
// decision lines written in input order, and the emails written as files unless --no-emails.
//
//   node scripts/campaign-threads.mjs --catalog FEED --customers FILE.jsonl --out DIR
//        [--campaign FILE.json] [--threads N] [--no-emails] [--limit N] [--pkg DIR]
//
// Prints one JSON line: customers, wall time, emails per second, peak RSS of the process.
// It imports the package from this checkout's pkg/ (built by `scripts/dev build`), or --pkg.
import { createReadStream, mkdirSync, readFileSync, writeFileSync, createWriteStream } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const BATCH = 256;
const WINDOW_PER_WORKER = 4;
const root = fileURLToPath(new URL("../", import.meta.url));

// A decision line like the CLI's (without the product's family: the package does not expose facets).
function decisionLine(line, out, products, emailPath) {
  const d = out.decision;
  const p = d.productId ? products.get(d.productId) : undefined;
  return {
    line, id: out.profile.customerId ?? null, subject: out.subject, preheader: out.preheader, angle: d.angle,
    product: p ? { id: p.id, title: p.title, category: p.product_type ?? null } : null,
    alternates: d.alternates, offer: d.offer.offer ?? null, positioning: d.offer.positioning,
    lifecycle: out.profile.lifecycle, churnRisk: Math.round(out.profile.churn.churnRisk * 10000) / 10000,
    copySource: out.copySource ?? "rules", holdout: d.holdout, warnings: out.warnings,
    ...(emailPath ? { email: emailPath } : {}),
  };
}

// FNV-1a over the id's UTF-8 bytes and 0xff (mailfit's seed::fnv1a), low byte as two hex digits: 256 directories, as the CLI.
function shard(id) {
  let h = 0xcbf29ce484222325n;
  for (const b of [...Buffer.from(id), 0xff]) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return (h & 0xffn).toString(16).padStart(2, "0");
}

if (!isMainThread) {
  const { pkg, products, campaign, now, sendId, out, emails } = workerData;
  const { Personalizer } = await import(pathToFileURL(join(pkg, "node.mjs")).href);
  const started = performance.now();
  const engine = new Personalizer({ catalog: products, campaign });
  const byId = new Map(products.map((p) => [p.id, p]));
  parentPort.postMessage({ type: "ready", buildMs: performance.now() - started });
  parentPort.on("message", ({ seq, lines }) => {
    const results = [];
    for (const [line, text] of lines) {
      try {
        const email = engine.render(text, { now, sendId });
        let rel = null;
        const id = email.profile.customerId;
        if (emails) {
          rel = `emails/${shard(id)}/${String(id).replace(/[^A-Za-z0-9@+_.-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)}`;
          writeFileSync(join(out, `${rel}.html`), email.html);
          writeFileSync(join(out, `${rel}.txt`), `Subject: ${email.subject}\nPreheader: ${email.preheader}\n\n${email.text}`);
        }
        results.push(JSON.stringify(decisionLine(line, email, byId, rel)));
      } catch (e) {
        let id = null;
        try { id = JSON.parse(text).id ?? null; } catch {}
        results.push(JSON.stringify({ line, id, error: { code: e.code ?? "INTERNAL", message: String(e.message), path: e.path ?? "$" } }));
      }
    }
    parentPort.postMessage({ type: "done", seq, results, errors: results.filter((r) => r.includes('"error":{')).length });
  });
} else {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const catalogPath = opt("--catalog");
  const customersPath = opt("--customers");
  const out = resolve(opt("--out", join(root, "out/campaign-threads")));
  const threads = Number(opt("--threads", availableParallelism()));
  const limit = Number(opt("--limit", Infinity));
  const emails = !args.includes("--no-emails");
  const pkg = resolve(opt("--pkg", join(root, "pkg")));
  if (!catalogPath || !customersPath) {
    console.error("usage: node scripts/campaign-threads.mjs --catalog FEED --customers FILE.jsonl --out DIR [--campaign FILE.json] [--threads N] [--no-emails] [--limit N]");
    process.exit(2);
  }
  const t0 = performance.now();
  const { parseCatalog } = await import(pathToFileURL(join(pkg, "node.mjs")).href);
  const campaign = opt("--campaign") ? JSON.parse(readFileSync(opt("--campaign"), "utf8")) : {};
  const now = opt("--now", campaign.now);
  const sendId = opt("--send-id", campaign.id ?? "re-engagement");
  const { products } = parseCatalog(readFileSync(catalogPath), { currency: campaign.currency });
  mkdirSync(out, { recursive: true });
  if (emails) for (let i = 0; i < 256; i++) mkdirSync(join(out, "emails", i.toString(16).padStart(2, "0")), { recursive: true });

  const workers = Array.from({ length: threads }, () => new Worker(new URL(import.meta.url), { workerData: { pkg, products, campaign, now, sendId, out, emails } }));
  const ready = await Promise.all(workers.map((w) => new Promise((ok, fail) => {
    w.once("error", fail);
    w.once("message", (m) => ok(m));
  })));
  const tStream = performance.now();

  const decisions = createWriteStream(join(out, "decisions.jsonl"));
  const waiting = new Map();
  const inFlight = new Array(threads).fill(0);
  let next = 0, written = 0, errors = 0;
  let wake = null;
  for (const [i, w] of workers.entries()) {
    w.on("message", (m) => {
      if (m.type !== "done") return;
      inFlight[i] -= 1;
      waiting.set(m.seq, m);
      while (waiting.has(next)) {
        const done = waiting.get(next);
        waiting.delete(next);
        decisions.write(done.results.join("\n") + "\n");
        written += done.results.length;
        errors += done.errors;
        next += 1;
      }
      if (wake) { const w = wake; wake = null; w(); }
    });
  }
  const free = () => inFlight.findIndex((n) => n < WINDOW_PER_WORKER);
  let seq = 0, number = 0, customers = 0, batch = [];
  const send = async (lines) => {
    let w;
    while ((w = free()) < 0) await new Promise((ok) => (wake = ok));
    inFlight[w] += 1;
    workers[w].postMessage({ seq: seq++, lines });
  };
  const rl = createInterface({ input: createReadStream(customersPath), crlfDelay: Infinity });
  for await (const line of rl) {
    number += 1;
    if (!line.trim()) continue;
    if (customers >= limit) break;
    customers += 1;
    batch.push([number, line]);
    if (batch.length >= BATCH) { await send(batch); batch = []; }
  }
  if (batch.length) await send(batch);
  while (written < customers) await new Promise((ok) => (wake = ok));
  await new Promise((ok) => decisions.end(ok));
  const streamMs = performance.now() - tStream;
  await Promise.all(workers.map((w) => w.terminate()));
  const result = {
    customers, errors, threads, emails,
    engineBuildMs: ready.map((r) => Math.round(r.buildMs)),
    wallSeconds: (performance.now() - t0) / 1000,
    streamSeconds: streamMs / 1000,
    emailsPerSecond: Math.round(customers / (streamMs / 1000)),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
  };
  console.log(JSON.stringify(result));
}
