// The preview widget's Data dialog ("Data…", www/mailfit-preview.js #openData) in headless
// Chromium (Debian's, driven by playwright-core), as a marketer brings their own data: a catalog
// feed uploaded (the Summit Merchant Center XML feed of tests/catalogs/), customers pasted as JSON
// Lines and uploaded as a file, and then the widget shows those customers with heroes from that
// feed; a broken feed and a broken customer file give a clear error in the dialog and change
// nothing. Screenshots to target/screenshots/data-*.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const root = fileURLToPath(new URL("../../", import.meta.url));
const target = fileURLToPath(new URL(`${process.env.CARGO_TARGET_DIR ?? "target"}/`, new URL("../../", import.meta.url)));
const shots = `${target}screenshots/`;
const tmp = `${target}tmp/preview-data/`;
const feedPath = `${root}tests/catalogs/summit/feed.xml`;
const feed = readFileSync(feedPath, "utf8");
// The feed's products and titles, read here from the XML itself.
const items = [...feed.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]);
const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const titles = new Set(items.map((i) => unescape(/<title>([\s\S]*?)<\/title>/.exec(i)[1])));
const summit = JSON.parse(readFileSync(`${root}tests/catalogs/summit/customers.json`, "utf8"));
const pasted = summit.slice(0, 40);
const uploaded = summit.slice(40, 100);

const pageErrors = [];
let server, browser, page, base;
const shot = (name) => page.screenshot({ path: `${shots}data-${name}.png` });
const widget = (fn) => page.evaluate((src) => new Function("el", `return (${src})(el)`)(document.querySelector("mailfit-preview")), fn.toString());
const dialog = () => page.locator("dialog[open]");
const section = (i) => page.locator("dialog[open] section").nth(i);
const openData = async () => {
  await page.getByRole("button", { name: "Data…" }).click();
  await dialog().waitFor();
};
const closeData = () => page.locator("dialog[open] header button[title='Close']").click();
// The email's images are all loaded or drawn as placeholders (the feed's image host is fictional).
const imagesSettled = () => page.waitForFunction(() => {
  const doc = document.querySelector("mailfit-preview").shadowRoot.querySelector('iframe[title="Email preview"]').contentDocument;
  return doc?.readyState === "complete" && [...doc.images].every((i) => i.complete && (i.naturalWidth > 0 || i.dataset.placeholder));
}, null, { timeout: 15_000 });
const variants = (n) => page.waitForFunction((n) => document.querySelector("mailfit-preview").dataset.variants === String(n), n, { timeout: 60_000 });

before(async () => {
  assert.ok(existsSync(executablePath), `no Chromium at ${executablePath} (scripts/dev setup installs it)`);
  mkdirSync(shots, { recursive: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(`${tmp}customers.jsonl`, uploaded.map((c) => JSON.stringify(c)).join("\n") + "\n");
  writeFileSync(`${tmp}broken-feed.xml`, feed.slice(0, 4000)); // cut inside an item
  writeFileSync(`${tmp}broken-customers.jsonl`, [JSON.stringify(summit[0]), JSON.stringify(summit[1]), '{"id":"C3","events":[{"event":"Order Completed"', JSON.stringify(summit[3])].join("\n"));
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on("pageerror", (e) => { pageErrors.push(e.message); console.error("page error:", e.message); });
  await page.goto(`${base}/www/`);
  await page.waitForSelector("mailfit-preview[data-first-render-ms]", { timeout: 30_000 });
  await variants(320);
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("a feed uploaded and customers pasted as JSON Lines: the widget shows them, with heroes from the feed", async () => {
  await openData();
  assert.match(await section(0).locator(".result").textContent(), /^Loaded: 148 products \(catalog JSON feed/);
  await section(0).locator("input[type=file]").setInputFiles(feedPath);
  await page.waitForSelector("dialog[open] section .result.ok");
  assert.equal(await section(0).locator(".result").textContent(), `Loaded ${items.length} products (Merchant Center XML feed, feed.xml) · 1 warning: ${await page.evaluate(async (url) => {
    const { default: init, parseCatalog } = await import(url);
    await init();
    return parseCatalog(await (await fetch("/tests/catalogs/summit/feed.xml")).text()).warnings.slice(0, 3).join("; ");
  }, `${base}/pkg/mailfit.js`)}`);

  await section(1).locator("textarea").fill(pasted.map((c) => JSON.stringify(c)).join("\n"));
  await section(1).getByRole("button", { name: "Use pasted customers" }).click();
  assert.equal(await section(1).locator(".result").textContent(), `Loaded ${pasted.length} customers`);
  assert.match(await section(1).locator(".result").getAttribute("class"), /\bok\b/);
  await page.waitForFunction((id) => document.querySelector("mailfit-preview").dataset.rendered === id, pasted[0].id);
  await imagesSettled();
  await shot("01-loaded");
  await closeData();

  await variants(pasted.length);
  assert.deepEqual(await page.locator(".people li").evaluateAll((lis) => lis.map((li) => li.dataset.id)), pasted.map((c) => c.id));
  assert.equal(await page.locator(".people li b").first().textContent(), pasted[0].attributes.first_name);
  assert.match(await page.locator(".top .campaign").textContent(), new RegExp(`${pasted.length} customers · ${items.length} products`));
  await page.waitForFunction((id) => document.querySelector("mailfit-preview").dataset.rendered === id, pasted[0].id);
  const hero = await page.locator('[data-panel="decision"] .hero .title').textContent();
  assert.ok(titles.has(hero), `hero ${hero} is a Summit product`);
  assert.ok((await page.locator(".inbox .subject").first().textContent()).length > 5);
  const every = await widget((el) => el.variants.map((v) => v.product));
  assert.equal(every.length, pasted.length);
  assert.ok(every.every((p) => titles.has(p)), "every customer's hero comes from the uploaded feed");
  await imagesSettled();
  await page.waitForTimeout(200);
  await shot("02-summit-preview");
});

test("customers uploaded as a JSON Lines file replace them", async () => {
  await openData();
  await section(1).locator("input[type=file]").setInputFiles(`${tmp}customers.jsonl`);
  await page.waitForFunction((n) => document.querySelector("mailfit-preview").shadowRoot.querySelector("dialog[open] section:nth-of-type(2) .result")?.textContent === `Loaded ${n} customers`, uploaded.length);
  await closeData();
  await variants(uploaded.length);
  assert.deepEqual(await page.locator(".people li").evaluateAll((lis) => lis.map((li) => li.dataset.id)), uploaded.map((c) => c.id));
  const pick = uploaded[17];
  await page.locator(`.people li[data-id="${pick.id}"]`).click();
  await page.waitForFunction((id) => document.querySelector("mailfit-preview").dataset.rendered === id, pick.id);
  assert.match(await page.locator(".current").textContent(), new RegExp(pick.attributes.first_name ?? pick.id));
  assert.ok(titles.has(await page.locator('[data-panel="decision"] .hero .title').textContent()));
});

test("a broken feed and a broken customer file: a clear error in the dialog, nothing replaced", async () => {
  await openData();
  await section(0).locator("input[type=file]").setInputFiles(`${tmp}broken-feed.xml`);
  await page.waitForSelector("dialog[open] section .result.bad");
  const feedError = await section(0).locator(".result").textContent();
  assert.match(feedError, /^Could not read broken-feed\.xml: malformed XML: the feed ends before its elements are closed at feed:item\[\d+\]:\d+:\d+ \[INVALID_INPUT\]\./, "what and where in the feed");
  assert.match(feedError, new RegExp(`The ${items.length} products loaded before stay\\.$`));

  await section(1).locator("input[type=file]").setInputFiles(`${tmp}broken-customers.jsonl`);
  await page.waitForFunction(() => document.querySelector("mailfit-preview").shadowRoot.querySelector("dialog[open] section:nth-of-type(2) .result.bad"));
  assert.match(await section(1).locator(".result").textContent(), new RegExp(`^Could not read broken-customers\\.jsonl: JSON Lines, line 3: .+\\. The ${uploaded.length} customers loaded before stay\\.$`));
  await imagesSettled();
  await page.waitForTimeout(600);
  await shot("03-errors");
  await closeData();

  assert.match(await page.locator(".top .campaign").textContent(), new RegExp(`${uploaded.length} customers · ${items.length} products`));
  assert.equal(await page.locator(".people li").count(), uploaded.length);
  assert.equal(await widget((el) => el.dataset.variants), String(uploaded.length));

  assert.deepEqual(pageErrors, [], "no script errors on the page");
});
