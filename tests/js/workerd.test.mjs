// The package in Cloudflare's workerd (from npm): the `workerd` entry instantiates the module
// from a `wasm` module, the engine is built once at module scope, and requests personalize.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { customers, pkgDir } from "./fixtures.mjs";
import { freePort, workerdConfig } from "./workerd-config.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const workerdBin = join(root, "node_modules/.bin/workerd");
let dir, proc, base, logs = "";

const WORKER = `
import { Personalizer, buildInfo } from "mailfit";
import catalog from "catalog.json";
import campaign from "campaign.json";

// Built once per isolate, reused by every request.
const engine = new Personalizer({ catalog, campaign });

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === "/info") return Response.json(buildInfo());
    try {
      const customer = await request.json();
      const out = await engine.personalize(customer, { now: campaign.now, sendId: "edge" });
      return Response.json(out);
    } catch (e) {
      return Response.json({ isError: e instanceof Error, code: e.code, path: e.path, message: e.message }, { status: 400 });
    }
  },
};
`;


before(async () => {
  dir = mkdtempSync(join(tmpdir(), "mailfit-workerd-"));
  for (const f of ["workerd.mjs", "mailfit.js", "mailfit_bg.wasm"]) copyFileSync(fileURLToPath(new URL(f, pkgDir)), join(dir, f));
  copyFileSync(join(root, "samples/catalog.json"), join(dir, "catalog.json"));
  copyFileSync(join(root, "samples/campaign.json"), join(dir, "campaign.json"));
  writeFileSync(join(dir, "worker.mjs"), WORKER);
  const port = await freePort();
  writeFileSync(join(dir, "config.capnp"), workerdConfig(port));
  proc = spawn(workerdBin, ["serve", join(dir, "config.capnp")], { stdio: ["ignore", "pipe", "pipe"] });
  proc.stdout.on("data", (d) => (logs += d));
  proc.stderr.on("data", (d) => (logs += d));
  base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try { if ((await fetch(`${base}/info`)).ok) break; } catch { /* not up yet */ }
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`workerd did not start:\n${logs}`);
    await new Promise((r) => setTimeout(r, 200));
  }
});

after(() => {
  proc?.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const post = (body) => fetch(base, { method: "POST", body: JSON.stringify(body) });

test("workerd serves buildInfo from the module", async () => {
  const info = await (await fetch(`${base}/info`)).json();
  assert.equal(info.version, "0.1.0");
});

test("workerd personalizes sample customers, matching Node byte for byte", async () => {
  const { Personalizer } = await import("mailfit");
  const { catalog, campaign } = await import("./fixtures.mjs");
  const local = new Personalizer({ catalog, campaign });
  for (const customer of customers.slice(0, 40)) {
    const res = await post(customer);
    assert.equal(res.status, 200, logs);
    const edge = await res.json();
    const node = local.render(customer, { now: campaign.now, sendId: "edge" });
    assert.equal(edge.html, node.html, customer.id);
    assert.equal(edge.subject, node.subject, customer.id);
  }
});

test("workerd returns typed errors for bad input", async () => {
  const res = await post({ id: "c", events: [{ kind: "view", at: true }] });
  assert.equal(res.status, 400);
  const err = await res.json();
  assert.deepEqual([err.isError, err.code, err.path], [true, "INVALID_INPUT", "$.events[0].at"]);
});
