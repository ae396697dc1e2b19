// Benchmarks the wasm module where it runs, in Node through the built package (pkg/), side by
// side with what an ESP would run instead: LiquidJS rendering the same email in the same process.
// Prints the machine and a Markdown table (median, p99, calls); writes every figure as JSON.
//
//   node scripts/bench.mjs [--quick] [--out FILE.json] [--readme]  (default target/bench/node.json)
//
// --readme writes the table between README's bench markers and the plot to docs/bench.svg
// (what `scripts/dev bench` runs, after criterion's native benches).
// --quick is the CI version (0.3 s per row, fewer sizes, under a minute in all). Either run
// exits non-zero when a figure is grossly off scripts/bench/limits.json (3x what was measured
// when it was written, so noise never trips it), when LiquidJS's output fails its sanity check,
// or when oversized input kills the instance or a child process.
// Needs `scripts/dev build` (pkg/) and `npm ci` (liquidjs). Modules in scripts/bench/: data
// (catalogs, customers), measure (timing, stats, child processes), liquidjs (the ESP side and
// our filters in JS), page (the page-sized template), mailfit (what this build offers), report,
// and the scripts run in child processes (cold, memory, bounded, throughput).
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import * as mailfit from "mailfit";
import { ROOT, campaign, customers, replicate, summitFeed } from "./bench/data.mjs";
import { LiquidEmail, createLiquid, escapeHtml } from "./bench/liquidjs.mjs";
import { NOT_IN_BUILD, describeError, inputModes, templateDataOf } from "./bench/mailfit.mjs";
import { measure, runNode } from "./bench/measure.mjs";
import { liquidVsLiquidJS } from "./bench/fixtures.mjs";
import { nativeRows } from "./bench/native.mjs";
import { pageData, pageTemplate } from "./bench/page.mjs";
import { writeReadme } from "./bench/readme.mjs";
import { workerdBench } from "./bench/workerd.mjs";
import { MB, Report, fmt, int } from "./bench/report.mjs";

const { values: flags } = parseArgs({ options: { quick: { type: "boolean", default: false }, out: { type: "string" }, readme: { type: "boolean", default: false } } });
const QUICK = flags.quick;
const PLAN = {
  budgetMs: QUICK ? 300 : 2000,
  warmupMs: QUICK ? 100 : 500,
  tierUpMs: QUICK ? 2000 : 3000,
  catalogSizes: QUICK ? [2000, 10000] : [2000, 10000, 50000],
  eventCounts: [10, 50, 200, 1000],
  pool: 16,
  coldRuns: QUICK ? 3 : 5,
  memoryRecipients: QUICK ? 10_000 : 100_000,
  throughputRecipients: QUICK ? 10_000 : 100_000,
  workers: 2,
  boundedEvents: 1_000_000,
  boundedDepth: 10_000,
  workerdSizes: QUICK ? [2000] : [2000, 50000],
  workerdRequests: QUICK ? 200 : 1000,
  workerdConcurrency: 4,
};
const OUT = resolve(flags.out ?? join(ROOT, "target/bench/node.json"));
const BENCH = fileURLToPath(new URL("./bench/", import.meta.url));
const startedAt = new Date();
const config = campaign();
const options = { now: config.now, sendId: "bench" };
const timing = { budgetMs: PLAN.budgetMs, warmupMs: PLAN.warmupMs };
const report = new Report();
const build = mailfit.buildInfo();
const child = (script, args, nodeArgs) => runNode(join(BENCH, script), args, nodeArgs);

/**
 * Failures, each an exit code 1: a child process that died, LiquidJS's output failing its
 * check, an instance that no longer renders after oversized input.
 */
const errors = [];
/** Runs one measurement; a failure becomes an n/a row and an error instead of ending the run. */
async function attempt(item, id, what, fn) {
  try {
    await fn();
  } catch (e) {
    errors.push(`${what}: ${describeError(e)}`);
    report.value(item, id, what, null, "", `FAILED: ${describeError(e)}`);
  }
}

const LIQUIDJS_VERSION = JSON.parse(readFileSync(join(ROOT, "node_modules/liquidjs/package.json"), "utf8")).version;
const cpus = os.cpus();
const machine = {
  cpu: cpus[0]?.model ?? "unknown",
  cores: cpus.length,
  node: process.version,
  os: `${os.platform()} ${os.release()} ${os.arch()}`,
  memory: os.totalmem(),
  load: os.loadavg()[0],
};
const header = [
  `## mailfit benchmark (${QUICK ? "--quick" : "normal"}), ${startedAt.toISOString()}`,
  "",
  `- machine: ${machine.cpu}, ${machine.cores} cores, ${fmt(machine.memory / MB / 1024)} GiB, ${machine.os}`,
  `- Node ${machine.node}; mailfit ${build.version} (${build.gitSha}), ${build.rustc}, wasm-bindgen ${build.wasmBindgen}; LiquidJS ${LIQUIDJS_VERSION}`,
  `- load average at start ${fmt(machine.load)}${machine.load > 0.5 ? " (other work was running: expect inflated, noisier times)" : ""}`,
  `- each timed row: ${PLAN.warmupMs} ms warm-up, then ${PLAN.budgetMs} ms of calls timed one by one; µs; recipients cycle through ${PLAN.pool} generated customers`,
];
process.stderr.write(header.join("\n") + "\n\n");

// 10. Module size.
const wasmPath = fileURLToPath(import.meta.resolve("mailfit/mailfit_bg.wasm"));
const wasmBytes = readFileSync(wasmPath);
/** The module's hash: child processes load pkg/ afresh, so a rebuild mid-run is flagged. */
const wasmHash = (bytes) => createHash("sha256").update(bytes).digest("hex");
const startHash = wasmHash(wasmBytes);
report.value(10, "module.raw", "wasm module size, raw", wasmBytes.length, "B");
report.value(10, "module.gzip", "wasm module size, gzip -9", gzipSync(wasmBytes, { level: 9 }).length, "B");

// 1. Catalogs from the Summit feed, replicated to each size.
const feed = summitFeed();
let feedLoad;
const parseStats = measure(() => (feedLoad = mailfit.parseCatalog(feed)), { ...timing, minRuns: 3 });
report.timed(1, "catalog.parse", `parseCatalog(Summit feed.xml: ${fmt(feed.length / 1024)} KB, ${int(feedLoad.products.length)} items)`, parseStats, feedLoad.format);
const catalogs = new Map(PLAN.catalogSizes.map((n) => [n, replicate(feedLoad.products, n)]));
const temp = mkdtempSync(join(os.tmpdir(), "mailfit-bench-"));
const catalogFile = join(temp, "catalog-2000.json");
writeFileSync(catalogFile, JSON.stringify(catalogs.get(2000)));
process.on("exit", () => rmSync(temp, { recursive: true, force: true }));

// 7. Engine build per 1,000 products; one engine per size is kept for the render rows.
const engines = new Map();
for (const [n, catalog] of catalogs) {
  const init = { catalog, campaign: config };
  const stats = measure(() => new mailfit.Personalizer(init), { ...timing, warmupMs: 0, minRuns: 3, after: (engine) => engine.free() });
  const perK = { ...stats, median: (stats.median * 1000) / n, p99: (stats.p99 * 1000) / n };
  report.timed(7, `build.per1k.${n}`, `new Personalizer per 1,000 products (${int(n)} products)`, perK, `whole build ${fmt(stats.median / 1000)} ms`);
  engines.set(n, new mailfit.Personalizer(init));
}

// 3. Per recipient, end to end, in every input form this build takes.
const pools = new Map();
const poolOf = (n, events) => {
  const key = `${n}/${events}`;
  if (!pools.has(key)) pools.set(key, customers(catalogs.get(n), { count: PLAN.pool, events, label: `${n}p`, now: config.now }));
  return pools.get(key);
};
const modes = inputModes(engines.get(2000), poolOf(2000, 10)[0], options);
// V8 compiles wasm in tiers: baseline code first, optimized code once a function is hot, in the
// background. A short row's own warm-up is not enough for that on two busy cores, so renders of
// every shape run first until the optimized code is in place.
{
  const shapes = PLAN.eventCounts.flatMap((events) => modes.filter((m) => !m.why).map((m) => [m, poolOf(2000, events).map(m.prepare)]));
  const until = performance.now() + PLAN.tierUpMs;
  for (let i = 0; performance.now() < until; i++) {
    const [mode, inputs] = shapes[i % shapes.length];
    mode.call(engines.get(2000), inputs[i % inputs.length], options);
  }
}
const combos = [...PLAN.eventCounts.map((events) => [2000, events]), ...PLAN.catalogSizes.filter((n) => n !== 2000).map((n) => [n, 50])];
for (const [n, events] of combos) {
  const engine = engines.get(n);
  const pool = poolOf(n, events);
  for (const mode of modes) {
    const id = `render.${mode.id}.${n}p.${events}ev`;
    const what = `${mode.label}, ${int(n)} products, ${int(events)} events`;
    if (mode.why) {
      report.value(3, id, what, null, "µs", mode.why, mode.detail && { detail: mode.detail });
      continue;
    }
    const inputs = pool.map(mode.prepare);
    report.timed(3, id, what, measure((i) => mode.call(engine, inputs[i % inputs.length], options), timing));
  }
}
for (const [n, engine] of engines) if (n !== 2000) engine.free();

// 4. LiquidJS rendering the same emails from the data our templates see.
const liquidWhat = "LiquidJS render only, same email (2,000 products, 50 events)";
await attempt(4, "liquidjs.email", liquidWhat, () => {
  const engine = engines.get(2000);
  const templateData = templateDataOf(engine);
  if (!templateData) {
    report.value(4, "liquidjs.email", liquidWhat, null, "µs", `${NOT_IN_BUILD}: engine.templateData is missing`);
    return;
  }
  const email = new LiquidEmail(join(ROOT, "templates"));
  const pool = poolOf(2000, 50);
  const data = pool.map((c) => templateData(c, options));
  let identical = 0;
  data.forEach((d, i) => {
    const theirs = email.render(d);
    const title = d.product?.title ?? d.copy?.headline ?? "";
    if (!theirs.html || !title || !theirs.html.includes(escapeHtml(title))) {
      throw new Error(`LiquidJS sanity check failed for ${pool[i].id}: its HTML (${theirs.html.length} chars) lacks "${title}"`);
    }
    const mine = engine.render(pool[i], options);
    if (["subject", "preheader", "html", "text"].every((k) => mine[k] === theirs[k])) identical += 1;
  });
  const stats = measure((i) => email.render(data[i % data.length]), timing);
  const ratio = report.get("render.object.2000p.50ev").median / stats.median;
  report.timed(4, "liquidjs.email", liquidWhat, stats, `ours end to end / LiquidJS = ${fmt(ratio)}x; output identical to ours for ${identical}/${data.length}`);
});

// 5. One page-sized template: our renderTemplate (its parse cached after the first call, as
// LiquidJS's `cache` option does) vs LiquidJS with the template parsed once, and with a parse
// per call.
await attempt(5, "page.renderTemplate", "renderTemplate(page) vs LiquidJS", () => {
  const source = pageTemplate();
  const data = pageData(catalogs.get(2000), config);
  const liquid = createLiquid();
  const parsed = liquid.parse(source);
  const mine = mailfit.renderTemplate(source, data);
  const theirs = liquid.renderSync(parsed, data);
  if (!theirs.includes(escapeHtml(data.product.title))) throw new Error("LiquidJS sanity check failed: the page lacks the hero's title");
  const size = `template ${fmt(Buffer.byteLength(source) / 1024)} KB, output ${fmt(Buffer.byteLength(mine) / 1024)} KB`;
  const same = mine === theirs ? "output identical to LiquidJS's" : "OUTPUT DIFFERS from LiquidJS's";
  const renderStats = measure(() => mailfit.renderTemplate(source, data), timing);
  const liquidStats = measure(() => liquid.renderSync(parsed, data), timing);
  const liquidParseStats = measure(() => liquid.parseAndRenderSync(source, data), timing);
  report.timed(5, "page.renderTemplate", "renderTemplate(page), parse cached", renderStats, `${size}; ${same}`);
  report.timed(5, "page.liquidjs", "LiquidJS page, parsed once, render", liquidStats, `renderTemplate / this = ${fmt(renderStats.median / liquidStats.median)}x`);
  report.timed(5, "page.liquidjs.parse", "LiquidJS page, parse + render", liquidParseStats, `renderTemplate / this = ${fmt(renderStats.median / liquidParseStats.median)}x`);
  if (typeof mailfit.compileTemplate !== "function") {
    report.value(5, "page.compiled", "compileTemplate(page).render", null, "", NOT_IN_BUILD);
    return;
  }
  const compiled = mailfit.compileTemplate(source);
  if (compiled.render(data) !== mine) throw new Error("compileTemplate renders the page differently from renderTemplate");
  const compiledStats = measure(() => compiled.render(data), timing);
  const parseStats = measure(() => mailfit.compileTemplate(source).free(), timing);
  const both = (a, b) => ({ median: a.median + b.median, p99: a.p99 + b.p99, n: Math.min(a.n, b.n) });
  report.timed(5, "page.compiled", "compileTemplate(page).render", compiledStats, `this / LiquidJS render = ${fmt(compiledStats.median / liquidStats.median)}x`);
  report.timed(5, "page.parse", "compileTemplate(page): parse alone", parseStats);
  report.timed(5, "page.parseRender", "parse + render (compileTemplate, then render)", both(parseStats, compiledStats), `this / LiquidJS parse + render = ${fmt((parseStats.median + compiledStats.median) / liquidParseStats.median)}x; medians summed`);
  compiled.free();
});
// 14. Liquid parse + render and compiled render against LiquidJS, side by side: golden-liquid's
// benchmark fixtures that both engines render alike, and the page.
await attempt(14, "liquid.parseRender.worst", "Liquid parse + render vs LiquidJS", () =>
  liquidVsLiquidJS(report, mailfit, { timing, page: { source: pageTemplate(), data: pageData(catalogs.get(2000), config) } }),
);

engines.get(2000).free();

// 6. Cold start in fresh processes.
await attempt(6, "cold.sum", "cold start", async () => {
  const runs = [];
  for (let i = 0; i < PLAN.coldRuns; i++) runs.push(await child("cold.mjs", [catalogFile]));
  const stat = (f) => {
    const us = runs.map((r) => f(r) * 1000).sort((a, b) => a - b);
    return { median: us[Math.floor(us.length / 2)], p99: us[us.length - 1], n: us.length };
  };
  report.timed(6, "cold.import", "cold: import mailfit (compile + instantiate)", stat((r) => r.importMs));
  report.timed(6, "cold.engine", "cold: new Personalizer (2,000 products)", stat((r) => r.engineMs));
  report.timed(6, "cold.sum", "cold: import + new Personalizer", stat((r) => r.importMs + r.engineMs), "median of the per-run sums");
  report.timed(6, "cold.firstRender", "cold: first render after that (50 events)", stat((r) => r.firstRenderMs), "", runs);
});

// 8. Memory over a long run.
await attempt(8, "memory.wasm.after", "memory over a long run", async () => {
  const checkpoint = Math.min(10_000, PLAN.memoryRecipients / 10);
  const m = await child("memory.mjs", [catalogFile, PLAN.memoryRecipients, checkpoint], ["--expose-gc"]);
  const mb = (x) => (x === null ? null : x / MB);
  const runNote = `${int(m.total)} renders of ${m.customers} customers, ${fmt((m.renderMs * 1000) / m.total)} µs each`;
  report.value(8, "memory.rss.before", "RSS before rendering (2,000-product engine built)", mb(m.before.rss), "MB");
  report.value(8, "memory.rss.after", `RSS after ${int(m.total)} renders`, mb(m.after.rss), "MB", runNote);
  if (m.before.wasm === null) {
    report.value(8, "memory.wasm.after", "wasm linear memory", null, "MB", "n/a: the instance's memory is not reachable from this build", m);
  } else {
    const grew = m.after.wasm > m.atCheckpoint.wasm;
    const growth = grew ? `yes, +${fmt(mb(m.after.wasm - m.atCheckpoint.wasm))} MB` : "no";
    report.value(8, "memory.wasm.before", "wasm linear memory before rendering", mb(m.before.wasm), "MB");
    report.value(8, "memory.wasm.after", `wasm linear memory after ${int(m.total)} renders`, mb(m.after.wasm), "MB", `${fmt(mb(m.atCheckpoint.wasm))} MB after the first ${int(m.checkpoint)}; grew after them: ${growth}`, m);
  }
});

// 9. Bounded input: oversized customers must not crash the host, and the instance must live on.
{
  const cases = [
    ["events", PLAN.boundedEvents, `customer with ${int(PLAN.boundedEvents)} events`],
    ["depth", PLAN.boundedDepth, `attributes nested ${int(PLAN.boundedDepth)} levels deep`],
  ];
  const forms = [["object", "JS object"], ...(modes.find((m) => m.id === "jsonText").why ? [] : [["jsonText", "JSON text"]])];
  for (const [kind, size, label] of cases) {
    for (const [mode, modeLabel] of forms) {
      const id = `bounded.${kind}.${mode}`;
      const what = `one render, ${label} (${modeLabel})`;
      try {
        const r = await child("bounded.mjs", [catalogFile, kind, size, mode]);
        const outcome = r.threw ? `threw ${r.error}` : `rendered; ${r.received === null ? "" : `${int(r.received)} events received, ${int(r.truncated ?? 0)} truncated, `}warnings: ${r.warnings}`;
        const life = r.alive ? "instance alive" : `instance dead (${r.afterError ?? "no email"})`;
        if (!r.alive) errors.push(`${what}: the instance no longer renders`);
        report.timed(9, id, what, { median: r.us, p99: r.us, n: 1 }, `${outcome}; ${life}`, r);
      } catch (e) {
        errors.push(`${what}: ${describeError(e)}`);
        report.value(9, id, what, null, "µs", `the process failed: ${describeError(e)}`);
      }
    }
  }
}

// 11. Throughput on worker threads.
await attempt(11, "throughput.emailsPerSecond", "throughput on worker threads", async () => {
  const t = await child("throughput.mjs", [PLAN.throughputRecipients, PLAN.workers]);
  const note = `${int(t.total)} sample recipients on ${t.workers} worker threads in ${fmt(t.wallMs / 1000)} s; engines built in ${t.buildMs.map((b) => int(b)).join(" / ")} ms`;
  report.value(11, "throughput.emailsPerSecond", `sample campaign, ${t.workers} worker threads`, t.emailsPerSecond, "emails/s", note);
  report.value(11, "throughput.peakRss", "peak RSS of that process", t.peakRss / MB, "MB", "", t);
});

// 12. The same in Cloudflare's workerd: one worker serving POSTed customers over loopback.
await attempt(12, "workerd", "workerd", async () => {
  const sized = new Map(PLAN.workerdSizes.map((n) => [n, catalogs.get(n) ?? replicate(feedLoad.products, n)]));
  const rows = await workerdBench({ catalogs: sized, customers: poolOf(2000, 50), campaign: config, requests: PLAN.workerdRequests, concurrency: PLAN.workerdConcurrency });
  for (const r of rows) {
    const at = `${int(r.products)} products, 50 events`;
    report.timed(12, `workerd.sequential.${r.products}`, `workerd: one request at a time, ${at}`, r.sequential, `a request the engine refuses at once: ${fmt(r.baseline.median)} µs (HTTP alone); workerd up with the engine built in ${int(r.startMs)} ms`, r);
    report.timed(12, `workerd.concurrent.${r.products}`, `workerd: ${r.concurrency} requests in flight, ${at}`, r.concurrent, `${fmt(r.concurrent.rps)} requests/s, ${r.concurrent.failures} failed`);
  }
});

// Native stages (criterion, `cargo bench --bench pipeline`), when a run left its estimates.
for (const row of nativeRows(join(ROOT, "target/criterion"))) report.timed(13, row.id, row.what, row.stats, "native, criterion");

const elapsedS = (Date.now() - startedAt.getTime()) / 1000;
const { checked, failures } = report.check(join(BENCH, "limits.json"));
const rebuilt = wasmHash(readFileSync(wasmPath)) !== startHash;
const footer = [
  `run took ${fmt(elapsedS)} s; raw figures in ${OUT}`,
  rebuilt ? "warning: pkg/mailfit_bg.wasm changed during the run: rows from child processes (6, 8, 9, 11) may be of another build" : "",
  ...errors.map((e) => `FAILED: ${e}`),
  failures.length ? `LIMITS EXCEEDED (${failures.length} of ${checked} checked):\n${failures.map((f) => `  - ${f}`).join("\n")}` : `limits: ${checked} figures checked against scripts/bench/limits.json, all within`,
].filter(Boolean);
console.log([...header, "", report.table(), "", ...footer].join("\n"));
report.write(OUT, { mode: QUICK ? "quick" : "normal", startedAt: startedAt.toISOString(), elapsedS, machine, build, liquidjs: LIQUIDJS_VERSION, plan: PLAN, errors, limits: { checked, failures } });
if (flags.readme) await writeReadme(join(ROOT, "README.md"), join(ROOT, "docs/bench.svg"), { header, table: report.table(), rows: report.rows, quick: QUICK });
process.exitCode = failures.length || errors.length ? 1 : 0;
