// The preview widget <mailfit-preview> (www/) in headless Chromium (Debian's, driven by
// playwright-core), as a marketer and a template author use it: load, pick and search customers,
// mobile width and dark mode, edit a template and see the email change, a Liquid error shown at
// its line and column, the overview with click-through, and compare. Screenshots of each step go
// to target/screenshots/*.png; the first-render time (Performance API) is printed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";
import { customers } from "./fixtures.mjs";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// (CARGO_TARGET_DIR may be relative to the repository or absolute)
const shots = fileURLToPath(new URL(`${process.env.CARGO_TARGET_DIR ?? "target"}/screenshots/`, new URL("../../", import.meta.url)));
let server, browser, page, base;

const shot = (name) => page.screenshot({ path: `${shots}${name}.png` });
const widget = (fn, arg) => page.evaluate(([src, a]) => new Function("el", "arg", `return (${src})(el, arg)`)(document.querySelector("mailfit-preview"), a), [fn.toString(), arg]);
const rendered = (id) => page.waitForFunction((id) => document.querySelector("mailfit-preview")?.dataset.rendered === id, id, { timeout: 15_000 });
const emailFrame = async () => (await page.$('iframe[title="Email preview"]')).contentFrame();
const subject = () => page.locator(".inbox .subject").first().textContent();

before(async () => {
  assert.ok(existsSync(executablePath), `no Chromium at ${executablePath} (scripts/dev setup installs it)`);
  mkdirSync(shots, { recursive: true });
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on("pageerror", (e) => console.error("page error:", e.message));
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("loads fast and shows the first customer's email, profile and decision", async () => {
  await page.goto(`${base}/www/`);
  await page.waitForSelector("mailfit-preview[data-first-render-ms]", { timeout: 30_000 });
  const t = await page.evaluate(() => ({
    mark: performance.getEntriesByName("mailfit:first-render")[0]?.startTime,
    timings: document.querySelector("mailfit-preview").timings,
  }));
  console.log(`first render: ${Math.round(t.mark)} ms after navigation start (module and data ${Math.round(t.timings.loaded)} ms, engine ${Math.round(t.timings.engine)} ms, render ${Math.round(t.timings.render)} ms)`);
  assert.ok(t.mark > 0 && t.mark < 3000, `first render ${t.mark} ms`);
  await rendered(customers[0].id);
  await page.waitForFunction(() => document.querySelector("mailfit-preview").dataset.variants === "320", null, { timeout: 60_000 });
  assert.equal(await page.locator(".people li").count(), customers.length);
  const panels = await page.locator(".insight").textContent();
  assert.match(panels, /Churn risk/);
  assert.match(panels, /chance of no purchase in the next 90 days/);
  assert.match(panels, /Hero product/);
  assert.match(panels, /Angle values/);
  assert.match(await page.locator(".inbox .sender").textContent(), /Northbound Athletics/);
  assert.ok((await subject()).length > 5);
  await shot("01-preview");
});

test("picking a customer shows their decision, reasons and email", async () => {
  const studio = customers.filter((c) => c.attributes.sample_persona === "studio")[1];
  const browserOnly = customers.find((c) => c.attributes.sample_persona === "browser");
  await page.locator(`.people li[data-id="${studio.id}"]`).click();
  await rendered(studio.id);
  assert.match(await page.locator('[data-panel="decision"]').textContent(), /Comfort movement/);
  assert.ok(await page.locator(".insight ul.reasons li").count() >= 3);
  const a = await subject();
  await page.locator(".search input").fill(browserOnly.id);
  await page.locator(`.people li[data-id="${browserOnly.id}"]`).click();
  await rendered(browserOnly.id);
  assert.notEqual(await subject(), a);
  assert.match(await page.locator('[data-panel="profile"] summary').textContent(), /Browser/);

  // The email inside the sandboxed iframe (no allow-scripts): CTA with UTM, alt text, no scripts.
  assert.doesNotMatch(await page.locator('iframe[title="Email preview"]').getAttribute("sandbox"), /allow-scripts/);
  const email = await (await emailFrame()).evaluate(() => ({
    ctaHref: [...document.querySelectorAll("a")].find((a) => a.style.display === "inline-block")?.getAttribute("href"),
    images: [...document.querySelectorAll("img")].map((i) => i.getAttribute("alt")),
    scripts: document.querySelectorAll("script").length,
  }));
  assert.match(email.ctaHref ?? "", /utm_source=crm&utm_medium=email&utm_campaign=winter-reengagement-2026/);
  assert.ok(email.images.every((alt) => alt && alt.length > 0), "every image has alt text");
  assert.equal(email.scripts, 0);
});

test("search finds customers by name, persona and lifecycle", async () => {
  const search = page.locator(".search input");
  const named = customers[7];
  await search.fill(named.attributes.first_name.toLowerCase());
  await page.waitForTimeout(250);
  assert.ok(await page.locator(`.people li[data-id="${named.id}"]`).count() === 1);
  await search.fill("lapsed");
  await page.waitForTimeout(250);
  const lapsed = await page.locator(".people li").count();
  assert.ok(lapsed > 0);
  assert.equal(await page.locator(".people li .lc-lapsed").count(), lapsed);
  await search.fill("discount at risk");
  await page.waitForTimeout(250);
  const metas = await page.locator(".people li .meta").allTextContents();
  assert.ok(metas.length > 0 && metas.every((m) => /discount/.test(m) && /At risk/.test(m)), metas.slice(0, 3).join(" | "));
  await shot("02-search");
  await page.locator(".people li").first().click();
  await search.fill("");
});

test("mobile width and dark mode", async () => {
  await page.locator('[data-control="device"] [data-value="mobile"]').click();
  await page.locator('[data-control="theme"] [data-value="dark"]').click();
  await page.waitForFunction(() => {
    const el = document.querySelector("mailfit-preview");
    const doc = el.shadowRoot.querySelector('iframe[title="Email preview"]').contentDocument;
    return el.dataset.theme === "dark" && doc?.querySelector("style[data-mailfit-preview]")?.textContent.includes("color-scheme:dark");
  });
  await page.waitForTimeout(300);
  const dark = await (await emailFrame()).evaluate(() => ({
    width: window.innerWidth,
    body: getComputedStyle(document.querySelector(".mf-body")).backgroundColor,
    container: document.querySelector(".mf-container").getBoundingClientRect().width,
  }));
  assert.equal(dark.width, 375);
  assert.equal(dark.body, "rgb(17, 20, 24)", "the email's own dark styles apply");
  assert.ok(dark.container <= 375, `container ${dark.container}px at mobile width`);
  await shot("03-mobile-dark");

  await page.locator('[data-control="theme"] [data-value="forced"]').click();
  await page.waitForTimeout(400);
  assert.match(await (await emailFrame()).evaluate(() => getComputedStyle(document.documentElement).filter), /invert/);
  await page.locator('[data-control="format"] [data-value="text"]').click();
  assert.match(await page.locator(".frame pre").textContent(), /Unsubscribe: /);
  await shot("04-mobile-text");
  await page.locator('[data-control="format"] [data-value="html"]').click();
  await page.locator('[data-control="theme"] [data-value="light"]').click();
  await page.locator('[data-control="device"] [data-value="desktop"]').click();
  const light = await (await emailFrame()).evaluate(() => window.innerWidth);
  assert.ok(light >= 600, `desktop width ${light}`);
});

test("editing a template updates the email live; a Liquid error shows at its line and column", async () => {
  const id = await widget((el) => el.customerId);
  const name = customers.find((c) => c.id === id).attributes.first_name;
  await page.locator('.tabs [data-view="editor"]').click();
  await page.waitForSelector(".cm-editor .cm-content");
  await page.waitForSelector(".tree .nodes details");
  assert.match(await page.locator(".tree .nodes").textContent(), /customer.*product/s);

  // Subject: replace the template, see the inbox line change.
  await page.locator('.files [data-file="subject"]').click();
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText("{{ customer.first_name }}, winter is here");
  await page.waitForFunction((want) => document.querySelector("mailfit-preview").shadowRoot.querySelector(".inbox .subject").textContent === want, `${name}, winter is here`);

  // A partial: new markup appears in the email.
  await page.locator('.files [data-file="partial:section_hero"]').click();
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText('\n<tr><td class="mf-text" style="padding:0 32px;font-family:Arial;color:#b3261e">Edited live: {{ product.title | upcase }}</td></tr>');
  await page.waitForFunction(() => document.querySelector("mailfit-preview").shadowRoot.querySelector('iframe[title="Email preview"]').contentDocument?.body?.textContent.includes("Edited live:"));
  await shot("05-editor");

  // A Liquid error on line 3: gutter marker, underline, message with line and column.
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText('<tr><td>\n  <p>{{ product.title }}</p>\n  {% if %}broken{% endif %}\n</td></tr>');
  await page.waitForSelector(".status.error");
  const status = await page.locator(".status").textContent();
  assert.match(status, /hero, line 3, column \d+/);
  await page.waitForSelector(".cm-lintRange-error");
  const errorLine = await page.evaluate(() => {
    const root = document.querySelector("mailfit-preview").shadowRoot;
    const lines = [...root.querySelectorAll(".cm-line")];
    return lines.findIndex((l) => l.querySelector(".cm-lintRange-error")) + 1;
  });
  assert.equal(errorLine, 3);
  assert.ok(await page.locator(".cm-gutter-lint .cm-lint-marker-error").count() >= 1, "gutter marker");
  assert.equal(await page.locator('.files [data-file="partial:section_hero"].error').count(), 1);
  assert.match(await page.locator(".canvas .stale").textContent(), /last good render/);
  await page.locator(".cm-lintRange-error").first().hover();
  await page.waitForTimeout(500);
  await shot("06-liquid-error");

  // Reset the file: the error goes and the email renders again.
  await page.getByRole("button", { name: "Reset file" }).click();
  await page.waitForSelector(".status.ok");
  assert.equal(await page.locator(".canvas .stale").isVisible(), false);
  await page.locator('.files [data-file="subject"]').click();
  await page.getByRole("button", { name: "Reset file" }).click();
  await page.waitForFunction((was) => document.querySelector("mailfit-preview").shadowRoot.querySelector(".inbox .subject").textContent !== was, `${name}, winter is here`);
});

test("the overview shows every customer's variant and clicks through; compare two", async () => {
  await page.locator('.tabs [data-view="overview"]').click();
  await page.waitForSelector("table.variants tbody tr", { timeout: 60_000 }).catch(async (e) => {
    console.error(await widget((el) => ({ variants: el.dataset.variants, timings: el.timings, overview: el.shadowRoot.querySelector(".overview").textContent.slice(0, 300) })));
    throw e;
  });
  await page.waitForFunction(() => document.querySelector("mailfit-preview").shadowRoot.querySelector(".overview")?.dataset.charts === "4");
  assert.equal(await page.locator("table.variants tbody tr").count(), customers.length);
  const headers = await page.locator("table.variants th").allTextContents();
  for (const h of ["Customer", "Lifecycle", "Angle", "Product", "Offer", "Subject", "Copy source"]) assert.ok(headers.some((x) => x.includes(h)), h);
  assert.equal(await page.locator(".chart canvas").count(), 4);
  await page.waitForTimeout(300);
  await shot("07-overview");

  const target = customers[42].id;
  await page.locator(`table.variants tbody tr[data-id="${target}"] td:nth-child(2)`).click();
  await rendered(target);
  assert.equal(await widget((el) => el.view), "preview");

  await page.locator('.tabs [data-view="overview"]').click();
  await page.locator(`table.variants tbody tr[data-id="${customers[1].id}"] input`).check();
  await page.locator(`table.variants tbody tr[data-id="${customers[300].id}"] input`).check();
  await page.getByRole("button", { name: "Compare 2 customers" }).click();
  await page.waitForSelector(".cmp-col iframe");
  assert.deepEqual(await page.locator(".cmp-col").evaluateAll((cols) => cols.map((c) => c.dataset.id)), [customers[1].id, customers[300].id]);
  await page.waitForFunction(() => [...document.querySelector("mailfit-preview").shadowRoot.querySelectorAll(".cmp-col iframe")].every((f) => f.dataset.placeholders));
  await page.waitForTimeout(300);
  await shot("08-compare");
});
