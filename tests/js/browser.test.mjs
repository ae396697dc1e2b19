// The package in headless Chromium (Debian's, driven by playwright-core): the web entry loads
// with `await init()`, and hostile data reaches the email only escaped. The preview widget has
// its own test, preview.test.mjs. Assertions are on the DOM, not on pixels.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
let server, browser, page, base;

before(async () => {
  assert.ok(existsSync(executablePath), `no Chromium at ${executablePath} (scripts/dev setup installs it)`);
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  page = await browser.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("the web entry loads in Chromium and renders", async () => {
  await page.goto(`${base}/www/blank.html`);
  const result = await page.evaluate(async () => {
    const mod = await import("/pkg/mailfit.js");
    await mod.default();
    let error;
    try { mod.renderTemplate("{% if %}", {}); } catch (e) { error = { isError: e instanceof Error, code: e.code }; }
    return { text: mod.renderTemplate("{{ a | plus: 2 }}", { a: 40 }), info: mod.buildInfo(), error };
  });
  assert.equal(result.text, "42");
  assert.equal(result.info.version, "0.1.0");
  assert.deepEqual(result.error, { isError: true, code: "TEMPLATE_PARSE" });
});

test("hostile customer data reaches the email only escaped", async () => {
  await page.goto(`${base}/www/blank.html`);
  const html = await page.evaluate(async () => {
    const mod = await import("/pkg/mailfit.js");
    await mod.default();
    const [catalog, campaign] = await Promise.all([fetch("/samples/catalog.json").then((r) => r.json()), fetch("/samples/campaign.json").then((r) => r.json())]);
    const engine = new mod.Personalizer({ catalog, campaign });
    const out = engine.render({ id: "x", attributes: { first_name: "<img src=x onerror=alert(1)>" } }, { now: campaign.now });
    return out.html;
  });
  await page.setContent(html);
  const injected = await page.evaluate(() => document.querySelectorAll("img[onerror], script").length);
  assert.equal(injected, 0);
  assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt;"));
});

test("an XSS corpus in every field that reaches HTML renders inert (wasm, Chromium DOM)", async () => {
  await page.goto(`${base}/www/blank.html`);
  const corpus = [
    `<script>window.__pwned = 1</script>`,
    `"><img src=x onerror="window.__pwned=1">`,
    `'><svg onload=window.__pwned=1>`,
    `javascript:window.__pwned=1`,
    `</title><script>window.__pwned=1</script>`,
    `<a href="javascript:window.__pwned=1">x</a>`,
    `\u003cscript\u003ewindow.__pwned=1\u003c/script\u003e`,
    `<iframe srcdoc="<script>parent.__pwned=1</script>">`,
    `" style="background:url(javascript:window.__pwned=1)`,
    `<!--<script>window.__pwned=1</script>-->`,
  ];
  const findings = await page.evaluate(async (corpus) => {
    const mod = await import("/pkg/mailfit.js");
    await mod.default();
    const results = [];
    for (const bad of corpus) {
      const catalog = [{ id: "x1", title: bad, description: bad, link: bad, image_link: bad, price: "10.00 USD", color: bad, tags: ["entry"] },
                       { id: "x2", title: `ok ${bad}`, link: "https://shop.example/x2", image_link: "https://cdn.example/x2.jpg", price: 12, tags: ["entry"] }];
      const engine = new mod.Personalizer({
        catalog,
        campaign: {
          brand: { name: bad, address: bad, website: bad, logoUrl: bad, unsubscribeUrl: bad, accentColor: bad },
          utm: { source: bad, medium: bad, campaign: bad },
          offerPolicy: { offers: [{ type: "percentOff", percent: 20, code: bad }], minChurnRisk: 0, minDiscountSensitivity: 0 },
        },
      });
      const customer = { id: bad, attributes: { first_name: bad, locale: bad, loyalty: bad }, events: [{ kind: "purchase", at: "2026-01-01T00:00:00Z", productId: "x2", orderId: bad, coupon: bad }] };
      const out = engine.render(customer, { now: "2026-11-20T12:00:00Z" });
      const doc = new DOMParser().parseFromString(out.html, "text/html");
      const handlers = [...doc.querySelectorAll("*")].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith("on")).map((a) => a.name));
      const badUrls = [...doc.querySelectorAll("[href],[src]")].map((el) => el.getAttribute("href") ?? el.getAttribute("src")).filter((u) => /^\s*(javascript|data|vbscript):/i.test(u));
      results.push({ bad, scripts: doc.querySelectorAll("script, iframe, svg").length, handlers, badUrls });
    }
    return results;
  }, corpus);
  for (const f of findings) {
    assert.deepEqual([f.scripts, f.handlers, f.badUrls], [0, [], []], `unescaped: ${JSON.stringify(f)}`);
  }
  // And nothing ran when the worst output is loaded as a page.
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});
