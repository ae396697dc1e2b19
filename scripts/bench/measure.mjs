// Timing and statistics. Every row is timed call by call with process.hrtime.bigint() for a
// fixed time budget after a warm-up (so V8's and the wasm tiers' compilation is not measured),
// and reported as median and p99 in microseconds with the number of calls.
import { spawn } from "node:child_process";
import { basename } from "node:path";

/**
 * Times `fn(i)` call by call: warm-up for `warmupMs` (and at least `warmupRuns` calls), then
 * calls for `budgetMs` (and at least `minRuns`). `after(result)`, untimed, disposes of what a
 * call made (an engine to free). Returns the stats in µs.
 */
export function measure(fn, { budgetMs, warmupMs, warmupRuns = 1, minRuns = 1, after = () => {} }) {
  let i = 0;
  const warmEnd = performance.now() + warmupMs;
  for (let w = 0; w < warmupRuns || performance.now() < warmEnd; w++) after(fn(i++));
  const samples = [];
  const end = process.hrtime.bigint() + BigInt(Math.round(budgetMs * 1e6));
  for (let t1 = 0n; t1 < end || samples.length < minRuns; ) {
    const t0 = process.hrtime.bigint();
    const result = fn(i++);
    t1 = process.hrtime.bigint();
    samples.push(Number(t1 - t0) / 1e3);
    after(result);
  }
  return summarize(samples);
}

/**
 * Times several functions side by side: in turns of `sliceMs` each (calls timed one by one), so
 * all see the same machine state (other builds on the cores, wasm tier-up) instead of one after
 * the other. Turns rather than single alternate calls: alternating call by call let one side's
 * garbage be collected, and its code evict the other's from the caches, in the other's timed
 * calls. Warm-up and budget (per function) as in measure(); returns one stats object per
 * function.
 */
export function measureSideBySide(fns, { budgetMs, warmupMs, minRuns = 1, sliceMs = 25 }) {
  const warmEnd = performance.now() + warmupMs;
  do for (const fn of fns) fn();
  while (performance.now() < warmEnd);
  const samples = fns.map(() => []);
  const end = process.hrtime.bigint() + BigInt(Math.round(budgetMs * fns.length * 1e6));
  const slice = BigInt(Math.round(sliceMs * 1e6));
  while (process.hrtime.bigint() < end || samples.some((s) => s.length < minRuns)) {
    fns.forEach((fn, k) => {
      const turnEnd = process.hrtime.bigint() + slice;
      do {
        const t0 = process.hrtime.bigint();
        fn();
        samples[k].push(Number(process.hrtime.bigint() - t0) / 1e3);
      } while (process.hrtime.bigint() < turnEnd);
    });
  }
  return samples.map(summarize);
}

/** Times one call of `fn` in µs; returns its value or the error it threw. */
export function once(fn) {
  const t0 = process.hrtime.bigint();
  try {
    const value = fn();
    return { us: Number(process.hrtime.bigint() - t0) / 1e3, value };
  } catch (error) {
    return { us: Number(process.hrtime.bigint() - t0) / 1e3, error };
  }
}

/** Nearest-rank quantile of sorted samples. */
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

/** median, p90, p99, min, max, mean and count of samples (µs). */
function summarize(samples) {
  const sorted = Float64Array.from(samples).sort();
  const total = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    mean: total / sorted.length,
  };
}

/**
 * Runs `node [nodeArgs] script args` and returns the JSON object its last stdout line holds.
 * Rejects with the child's stderr when it exits non-zero or prints no JSON, so a crash in a
 * child (wasm trap, out of memory) is reported by the caller instead of ending the benchmark.
 */
export function runNode(script, args = [], nodeArgs = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const last = out.trim().split("\n").pop() ?? "";
      if (code === 0 && last.startsWith("{")) return resolve(JSON.parse(last));
      const why = signal ? `signal ${signal}` : `exit code ${code}`;
      // Node prints the source line and a caret first; the thrown error's own line says why.
      const lines = err.trim().split("\n");
      const cause = lines.find((l) => /^(\w*Error|\w+Exception)\b|^Fatal|^FATAL/.test(l)) ?? lines.at(-1) ?? "";
      reject(new Error(`${basename(script)} ended with ${why}${cause ? `: ${cause.slice(0, 240)}` : ""}`));
    });
  });
}
