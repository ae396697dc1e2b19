// The LLM fault matrix in real time, through the built package's async `personalize` in Node:
// each fault a real host or model server can produce, on a real clock. Every case must end in a
// delivered email, with its copy source and the reason recorded as a warning, no later than the
// deadline + 10 ms. (tests/common/llm_faults.rs runs the same judgements natively and in
// wasm-bindgen-test with a scripted clock; this one runs the binding's own timers and aborts.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { Personalizer } from "mailfit";
import { catalog, customers, campaign, options, goodCopy, chatBody } from "./fixtures.mjs";

const DEADLINE = 400;
const SLACK = 10;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const json = (body, status = 200, headers = {}) => new Response(body, { status, headers: { "content-type": "application/json", ...headers } });
const withCopy = (change) => async (url, init) => {
  const copy = goodCopy(init);
  change(copy);
  return json(chatBody(JSON.stringify(copy)));
};
/** Headers at once, then the body a few bytes every `every` ms: a server that drips. */
const drip = (every) => async (url, init) => {
  const text = chatBody(JSON.stringify(goodCopy(init)));
  let at = 0;
  const stream = new ReadableStream({
    async pull(controller) {
      await sleep(every);
      if (init.signal?.aborted) return controller.error(init.signal.reason);
      controller.enqueue(new TextEncoder().encode(text.slice(at, at + 8)));
      at += 8;
      if (at >= text.length) controller.close();
    },
  });
  return new Response(stream, { status: 200, headers: { "content-type": "application/json" } });
};
const reset = () => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });

// [name, fetch, copy source, warning fragment, requests]
const cases = [
  ["answer", async (u, init) => json(chatBody(JSON.stringify(goodCopy(init)))), "llm", null, 1],
  ["answer after 250 ms", async (u, init) => { await sleep(250); return json(chatBody(JSON.stringify(goodCopy(init)))); }, "llm", null, 1],
  ["no answer at all", () => new Promise(() => {}), "rules", `within ${DEADLINE} ms`, 1],
  ["connection reset at once", async () => { throw reset(); }, "rules", "fetch failed", 1],
  ["connection reset after 150 ms", async () => { await sleep(150); throw reset(); }, "rules", "fetch failed", 1],
  ["fetch throws synchronously", () => { throw new Error("no network in this isolate"); }, "rules", "no network", 1],
  ["fetch resolves to something that is not a Response", async () => 42, "rules", "", 1],
  ["429 with retry-after 0.1, then an answer", (() => { let n = 0; return async (u, init) => (++n === 1 ? json("slow down", 429, { "retry-after": "0.1" }) : json(chatBody(JSON.stringify(goodCopy(init))))); })(), "llm", null, 2],
  // Without retry-after the wait is 250 ms, and a retry needs 200 ms left after it: not here.
  ["429 without retry-after", async () => json("slow down", 429), "rules", "HTTP 429", 1],
  ["429 with retry-after past the deadline", async () => json("slow down", 429, { "retry-after": "30" }), "rules", "HTTP 429", 1],
  ["429 with an HTTP-date retry-after", async () => json("slow down", 429, { "retry-after": "Wed, 21 Oct 2026 07:28:00 GMT" }), "rules", "HTTP 429", 1],
  ["500", async () => json("Internal Server Error", 500), "rules", "HTTP 500", 1],
  ["502 with an HTML page", async () => new Response("<html><body>502 Bad Gateway</body></html>", { status: 502 }), "rules", "HTTP 502", 1],
  ["503 with retry-after 0.05, retried once", async () => json("unavailable", 503, { "retry-after": "0.05" }), "rules", "HTTP 503", 2],
  ["529 overloaded, retried once", async () => json('{"type":"overloaded_error"}', 529, { "retry-after": "0" }), "rules", "HTTP 529", 2],
  ["a body that drips past the deadline", drip(60), "rules", `within ${DEADLINE} ms`, 1],
  ["headers late, past the deadline", async (u, init) => { await sleep(DEADLINE + 200); return json(chatBody(JSON.stringify(goodCopy(init)))); }, "rules", `within ${DEADLINE} ms`, 1],
  ["truncated JSON", async (u, init) => { const t = JSON.stringify(goodCopy(init)); return json(chatBody(t.slice(0, t.length / 2))); }, "rules", "cut off", 1],
  ["a body cut mid-object", async () => json('{"choices": [{"finish_reason": "stop", "mess'), "rules", "not JSON", 1],
  ["an empty 200", async () => json(""), "rules", "not JSON", 1],
  // Cut to 256 KB while still a JS string, then not JSON any more.
  ["a 4 MB answer", async () => json(`{"choices": [{"message": {"content": "${"x".repeat(4_000_000)}"}}]}`), "rules", "not JSON", 1],
  ["refusal", async () => json(chatBody(null, { refusal: "I can't help with that." })), "rules", "refused", 1],
  ["wrong schema: a field missing", withCopy((c) => delete c.cta), "rules", "", 1],
  ["wrong schema: a number for the subject", withCopy((c) => (c.subject = 42)), "rules", "", 1],
  ["wrong schema: an array instead of the object", async () => json(chatBody("[1, 2, 3]")), "rules", "", 1],
  ["hallucinated product id", withCopy((c) => (c.product = "NB-XX-999")), "rules", "shortlist", 1],
  ["hallucinated angle", withCopy((c) => (c.angle = "free-money")), "rules", "", 1],
  ["an offer the campaign did not grant", withCopy((c) => (c.body = "Take 40% off everything this weekend only.")), "rules", "", 1],
  ["a discount code", withCopy((c) => (c.cta = "Use code FREE50")), "rules", "", 1],
  ["a URL in plain text", withCopy((c) => (c.body = "Visit https://evil.example/deal for your gift.")), "rules", "", 1],
  ["HTML", withCopy((c) => (c.headline = "<img src=x onerror=alert(1)>")), "rules", "HTML", 1],
  ["Liquid in the copy", withCopy((c) => (c.headline = "{{ customer.email }}")), "rules", "", 1],
];

const customer = customers[0];
const llm = (fetch) => ({ ...options, llm: { fetch, url: "https://llm.example/v1/chat/completions", model: "small", api: "openai-chat", timeoutMs: DEADLINE } });

for (const [name, fetch, source, warning, requests] of cases) {
  test(`LLM fault: ${name}`, async (t) => {
    // Timing under a shared CI machine: the best of three runs must be within the slack.
    let best = Infinity;
    for (let run = 0; run < 3 && best > DEADLINE + SLACK; run++) {
      let calls = 0;
      const counted = (url, init) => { calls++; return fetch(url, init); };
      // A fresh engine each run: a cached answer would skip the fetch.
      const engine = new Personalizer({ catalog, campaign });
      const started = performance.now();
      const email = await engine.personalize(customer, { ...llm(counted), sendId: `fault-${name}-${run}-${Math.random()}` });
      const took = performance.now() - started;
      best = Math.min(best, took);
      assert.equal(email.copySource, source, `${name}: ${email.warnings.join("; ")}`);
      assert.ok(email.html.length > 1000 && email.subject.length > 0, "a complete email");
      if (source === "rules") {
        const note = email.warnings.find((w) => w.startsWith("llm copy not used"));
        assert.ok(note, `${name}: no reason recorded: ${email.warnings.join("; ")}`);
        if (warning) assert.ok(note.includes(warning), `${name}: ${note}`);
        assert.equal(email.subject.includes("Back on your mat"), false);
      } else {
        assert.equal(email.subject, "Back on your mat this week");
      }
      assert.equal(calls, requests, `${name}: requests`);
      engine.free();
    }
    t.diagnostic(`${name}: ${best.toFixed(1)} ms`);
    assert.ok(best <= DEADLINE + SLACK, `${name}: ${best.toFixed(1)} ms, deadline ${DEADLINE} + ${SLACK}`);
  });
}

test("after every fault, the instance renders as before", () => {
  const engine = new Personalizer({ catalog, campaign });
  assert.equal(engine.render(customer, options).html, baseline);
});

const baseline = new Personalizer({ catalog, campaign }).render(customer, options).html;
