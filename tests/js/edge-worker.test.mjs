// The example edge worker (examples/edge-worker) in Cloudflare's workerd from npm, on loopback:
// its routes, typed errors, idempotence per send, the LLM through the worker's own fetch with the
// key from a binding, and a short soak of good, bad and hostile requests (scripts/soak.mjs; the
// long runs are in README).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { Personalizer } from "mailfit";
import { catalog, customers, campaign, goodCopy, chatBody } from "./fixtures.mjs";
import { startEdgeWorker } from "../../scripts/edge-host.mjs";
import { soak } from "../../scripts/soak.mjs";

let worker, llm, llmSeen = [];

before(async () => {
  // A model server on loopback that answers valid copy and records what it was sent.
  llm = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      llmSeen.push({ authorization: req.headers.authorization, body });
      res.setHeader("content-type", "application/json");
      res.end(chatBody(JSON.stringify(goodCopy({ body }))));
    });
  });
  await new Promise((resolve) => llm.listen(0, "127.0.0.1", resolve));
  worker = await startEdgeWorker();
});

after(() => {
  worker?.stop();
  llm?.close();
});

const post = (path, body) => fetch(worker.base + path, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) });

test("edge worker: health, and POSTed customers get the email Node renders, byte for byte", async () => {
  const health = await (await fetch(`${worker.base}/v1/health`)).json();
  assert.equal(health.version, "0.1.0");
  const local = new Personalizer({ catalog, campaign });
  for (const customer of customers.slice(0, 25)) {
    const res = await post("/v1/personalize?send_id=edge-1", customer);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("cache-control"), /private/);
    const edge = await res.json();
    const node = await local.personalize(customer, { now: campaign.now, sendId: "edge-1" });
    assert.equal(edge.html, node.html, customer.id);
    assert.equal(edge.subject, node.subject, customer.id);
    assert.equal(edge.decision.productId, node.decision.productId);
  }
});

test("edge worker: a GET with attributes in the query (Braze Connected Content), trimmed by fields", async () => {
  const res = await fetch(`${worker.base}/v1/personalize?id=U1&send_id=cc-1&first_name=Ada&locale=de-DE&fields=subject,preheader`);
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.deepEqual(Object.keys(body), ["subject", "preheader"]);
  assert.ok(body.subject.length > 0);
  const full = await (await fetch(`${worker.base}/v1/personalize?id=U1&send_id=cc-1&first_name=Ada&locale=de-DE`)).json();
  assert.ok(full.html.includes("Ada"), "the first name from the query reaches the email");
  assert.equal(full.html.includes('lang="de-DE"'), true);
});

test("edge worker: the same send and customer give the same bytes and ETag (HTML and text renders)", async () => {
  const customer = customers[3];
  const a = await post("/v1/personalize?send_id=twice", customer);
  const b = await post("/v1/personalize?send_id=twice", customer);
  assert.equal(a.headers.get("etag"), b.headers.get("etag"));
  assert.equal(await a.text(), await b.text());
});

test("edge worker: bad input is a typed 4xx, never a 5xx", async () => {
  const cases = [
    // Cut off inside the events array: the path says where the text ended.
    [() => post("/v1/personalize", '{"id": "c", "events": ['), 400, "INVALID_INPUT", "$.events[0]"],
    [() => post("/v1/personalize", { id: "c", events: [{ kind: "view", at: true }] }), 400, "INVALID_INPUT", "$.events[0].at"],
    [() => post("/v1/personalize", { id: 7 }), 400, "INVALID_INPUT", "$.id"],
    [() => post("/v1/personalize", `{"id": "c", "attributes": ${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}}`), 413, "INPUT_TOO_LARGE", null],
    [() => post("/v1/personalize", { id: "c", attributes: { note: "x".repeat(3_000_000) } }), 413, "INPUT_TOO_LARGE", "$"],
    [() => fetch(`${worker.base}/v1/personalize?first_name=Ada`), 400, "INVALID_INPUT", "$.id"],
    [() => fetch(`${worker.base}/v1/personalize`, { method: "DELETE" }), 405, "METHOD_NOT_ALLOWED", "$"],
    [() => fetch(`${worker.base}/admin`), 404, "NOT_FOUND", "$"],
  ];
  for (const [call, status, code, path] of cases) {
    const res = await call();
    const body = await res.json();
    assert.equal(res.status, status, JSON.stringify(body));
    assert.equal(body.code, code);
    if (path) assert.equal(body.path, path);
    assert.equal(typeof body.message, "string");
  }
});

test("edge worker: LLM copy through the worker's own fetch, the key from its binding", async () => {
  const port = llm.address().port;
  const withLlm = await startEdgeWorker({ env: { LLM_URL: `http://127.0.0.1:${port}/v1/chat/completions`, LLM_MODEL: "small", LLM_API_KEY: "sk-test-binding", LLM_TIMEOUT_MS: "1500" } });
  try {
    llmSeen = [];
    const res = await fetch(`${withLlm.base}/v1/personalize?send_id=llm-1`, { method: "POST", body: JSON.stringify(customers[0]) });
    const body = await res.json();
    assert.equal(res.status, 200);
    assert.equal(body.copySource, "llm", body.warnings.join("; "));
    assert.equal(body.subject, "Back on your mat this week");
    assert.equal(llmSeen.length, 1);
    assert.equal(llmSeen[0].authorization, "Bearer sk-test-binding");
    assert.equal(llmSeen[0].body.includes(customers[0].id), false, "no customer id in the prompt");
  } finally {
    withLlm.stop();
  }
});

test("edge worker: a short soak of good, bad and hostile requests at concurrency 64", async (t) => {
  const result = await soak({
    requests: 4_000,
    concurrency: 64,
    send: async ({ method, path, body }) => {
      const res = await fetch(worker.base + path, { method, body });
      return { status: res.status, text: await res.text() };
    },
    memory: async () => null,
  });
  t.diagnostic(`${result.perSecond} requests/s, p50 ${result.p50ms} ms, p99 ${result.p99ms} ms, statuses ${JSON.stringify(result.statuses)}`);
  assert.equal(result.fiveXx, 0);
  assert.deepEqual(result.failures, {});
  assert.ok(result.statuses["200"] > 3_000 && result.statuses["400"] > 100 && result.statuses["413"] > 50);
  assert.ok(result.p99ms < 2_000, `p99 ${result.p99ms} ms`);
});
