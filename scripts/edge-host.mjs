// Runs the example edge worker (examples/edge-worker) in Cloudflare's workerd from npm, on a
// loopback port, with the built package: shared by its test and the soak (scripts/soak.mjs).
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../tests/js/workerd-config.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));

const capnpText = (text) => JSON.stringify(String(text));

/** The capnp config: modules named as the worker's imports resolve (workerd resolves bare names
 * next to the importer too), `env` as text bindings. */
const config = (port, env) => `
using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker), (name = "internet", network = (allow = ["public", "private", "local"])) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [
    (name = "src/worker.mjs", esModule = embed "src/worker.mjs"),
    (name = "src/handler.mjs", esModule = embed "src/handler.mjs"),
    (name = "src/mailfit", esModule = embed "workerd.mjs"),
    (name = "src/mailfit.js", esModule = embed "mailfit.js"),
    (name = "src/mailfit_bg.wasm", wasm = embed "mailfit_bg.wasm"),
    (name = "data/catalog.json", json = embed "data/catalog.json"),
    (name = "data/campaign.json", json = embed "data/campaign.json"),
  ],
  bindings = [ ${Object.entries(env).map(([name, value]) => `(name = ${capnpText(name)}, text = ${capnpText(value)})`).join(", ")} ],
  globalOutbound = "internet",
  compatibilityDate = "2025-01-01",
);
`;

/** Starts the worker; resolves when it answers. `stop()` ends it. */
export async function startEdgeWorker({ env = {}, catalog = join(root, "samples/catalog.json"), campaign = join(root, "samples/campaign.json") } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "mailfit-edge-"));
  mkdirSync(join(dir, "src"));
  mkdirSync(join(dir, "data"));
  for (const f of ["worker.mjs", "handler.mjs"]) copyFileSync(join(root, "examples/edge-worker/src", f), join(dir, "src", f));
  for (const f of ["workerd.mjs", "mailfit.js", "mailfit_bg.wasm"]) copyFileSync(join(root, "pkg", f), join(dir, f));
  copyFileSync(catalog, join(dir, "data/catalog.json"));
  copyFileSync(campaign, join(dir, "data/campaign.json"));
  const port = await freePort();
  writeFileSync(join(dir, "config.capnp"), config(port, env));
  const proc = spawn(join(root, "node_modules/.bin/workerd"), ["serve", join(dir, "config.capnp")], { stdio: ["ignore", "pipe", "pipe"] });
  let logs = "";
  proc.stdout.on("data", (d) => (logs += d));
  proc.stderr.on("data", (d) => (logs = (logs + d).slice(-20_000)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/v1/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || proc.exitCode !== null) {
      proc.kill("SIGKILL");
      throw new Error(`workerd did not start:\n${logs}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    pid: proc.pid,
    logs: () => logs,
    stop() {
      proc.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resident memory of a process in bytes (Linux), or null. */
export async function residentBytes(pid) {
  try {
    const { readFileSync } = await import("node:fs");
    const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
    return line ? Number(line.split(/\s+/)[1]) * 1024 : null;
  } catch {
    return null;
  }
}
