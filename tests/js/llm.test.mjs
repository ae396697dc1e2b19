// LLM copy through the built package's async `personalize` in Node, with scripted WHATWG
// fetches: the binding's own deadline (AbortSignal + timer), thrown exceptions, retry and cache.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Personalizer } from "mailfit";
import { catalog, customers, campaign, options, goodCopy, chat } from "./fixtures.mjs";

const llm = (fetch, extra = {}) => ({ ...options, llm: { fetch, url: "https://llm.example/v1/chat/completions", model: "small", api: "openai-chat", ...extra } });
const customer = customers[0];

test("a validated answer becomes the email's copy; the same features then come from the cache", async () => {
  const engine = new Personalizer({ catalog, campaign });
  let calls = 0;
  const fetch = async (url, init) => { calls++; assert.equal(init.method, "POST"); assert.ok(init.signal); return chat(goodCopy(init)); };
  const first = await engine.personalize(customer, llm(fetch));
  assert.equal(first.copySource, "llm");
  assert.equal(first.subject, "Back on your mat this week");
  assert.ok(first.html.includes("Made for the mat"));
  const second = await engine.personalize(customer, llm(fetch));
  assert.equal(second.copySource, "cache");
  assert.equal(calls, 1);
  const exported = engine.exportCache();
  const fresh = new Personalizer({ catalog, campaign });
  assert.equal(fresh.importCache(JSON.parse(JSON.stringify(exported))), 0);
  assert.equal((await fresh.personalize(customer, llm(fetch))).copySource, "cache");
});

test("a fetch that never answers is cut at the deadline and aborted", async () => {
  const engine = new Personalizer({ catalog, campaign });
  let signal;
  const hang = (url, init) => { signal = init.signal; return new Promise(() => {}); };
  const started = Date.now();
  const email = await engine.personalize(customer, llm(hang, { timeoutMs: 300 }));
  const took = Date.now() - started;
  assert.equal(email.copySource, "rules");
  assert.ok(email.warnings.some((w) => w.includes("within 300 ms")), email.warnings.join("; "));
  assert.ok(took < 1500, `took ${took} ms`);
  assert.equal(signal.aborted, true);
  assert.ok(email.html.length > 1000);
});

test("a fetch that throws gives the rules email with the host's exception", async () => {
  const engine = new Personalizer({ catalog, campaign });
  const boom = async () => { throw new TypeError("network down"); };
  const email = await engine.personalize(customer, llm(boom));
  assert.equal(email.copySource, "rules");
  assert.ok(email.llmError instanceof TypeError);
  assert.ok(email.warnings.some((w) => w.includes("network down")));
});

test("429 with retry-after is retried once within the deadline", async () => {
  const engine = new Personalizer({ catalog, campaign });
  let calls = 0;
  const fetch = async (url, init) => (++calls === 1 ? new Response("slow down", { status: 429, headers: { "retry-after": "0.1" } }) : chat(goodCopy(init)));
  const email = await engine.personalize(customer, llm(fetch));
  assert.equal(calls, 2);
  assert.equal(email.copySource, "llm");
});

test("invalid answers and server errors fall back to rules, never a broken email", async () => {
  const engine = new Personalizer({ catalog, campaign });
  const cases = [
    async () => new Response("<html>oops</html>", { status: 200 }),
    async () => new Response("Internal Server Error", { status: 500 }),
    async (url, init) => chat({ ...goodCopy(init), body: "<script>alert(1)</script> only $5" }),
    async (url, init) => chat({ ...goodCopy(init), product: "NOT-A-PRODUCT" }),
  ];
  for (const fetch of cases) {
    const email = await engine.personalize(customer, llm(fetch));
    assert.equal(email.copySource, "rules");
    assert.ok(email.warnings.some((w) => w.startsWith("llm copy not used")), email.warnings.join("; "));
    assert.ok(!email.html.includes("<script>"));
  }
});

test("without llm, personalize resolves to the rules email", async () => {
  const engine = new Personalizer({ catalog, campaign });
  const email = await engine.personalize(customer, options);
  assert.equal(email.copySource, "rules");
  assert.deepEqual(email, engine.render(customer, options));
});
