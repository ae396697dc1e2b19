// The campaign CLI's overview page (overview.html: <mailfit-preview results=".">) over a real run,
// in headless Chromium (Debian's, driven by playwright-core): 3,000 generated customers (and two
// broken lines) through `mailfit campaign` with emails, the output folder served on its own (it
// must need nothing outside it), then: the figures and every chart segment are the run's counts
// from summary.json; no wasm is loaded; a click on a chart segment filters the sample; a click on
// a customer shows the email the CLI wrote (subject from decisions.jsonl, HTML and text from its
// files) with its decision and reasons; compare. Screenshots to target/screenshots/overview-*.png;
// the first-render time at this size is printed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

const CUSTOMERS = Number(process.env.MAILFIT_OVERVIEW_TEST_CUSTOMERS ?? 3000);
const root = fileURLToPath(new URL("../../", import.meta.url));
const target = fileURLToPath(new URL(`${process.env.CARGO_TARGET_DIR ?? "target"}/`, new URL("../../", import.meta.url)));
const shots = `${target}screenshots/`;
const work = `${target}overview-test/`;
const out = `${work}run/`;
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ANGLE_LABEL = (id) => id.replace(/[-_]/g, " ").replace(/^\w/, (c) => c.toUpperCase());
const STAGES = ["new", "active", "at_risk", "lapsed", "browser"];

const pageErrors = [];
let server, browser, page, base, summary, sample, decisions;
const requests = [];
const shot = (name) => page.screenshot({ path: `${shots}overview-${name}.png` });
const inRoot = (fn, arg) => page.evaluate(([src, a]) => new Function("root", "arg", `return (${src})(root, arg)`)(document.querySelector("mailfit-preview").shadowRoot, a), [fn.toString(), arg]);
const rendered = (id) => page.waitForFunction((id) => document.querySelector("mailfit-preview")?.dataset.rendered === id, id, { timeout: 15_000 });
// The email's images are all loaded or drawn as placeholders (the feed's image host is fictional).
const imagesSettled = () => page.waitForFunction(() => {
  const doc = document.querySelector("mailfit-preview").shadowRoot.querySelector('iframe[title="Email preview"]').contentDocument;
  return doc?.readyState === "complete" && [...doc.images].every((i) => i.complete && (i.naturalWidth > 0 || i.dataset.placeholder));
}, null, { timeout: 15_000 });
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 28, ...opts });
  assert.equal(r.status, 0, `${cmd} ${args.join(" ")}:\n${r.stdout?.slice?.(-2000)}\n${r.stderr?.slice?.(-2000)}`);
  return r;
};

before(async () => {
  assert.ok(existsSync(executablePath), `no Chromium at ${executablePath} (scripts/dev setup installs it)`);
  assert.ok(existsSync(`${root}www/vendor/chart.js.js`), "www/vendor/ is missing: run scripts/dev build");
  mkdirSync(shots, { recursive: true });
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  // A real run: the CLI built as `scripts/dev campaign-cli` builds it, seeded customers, two bad lines.
  run("cargo", ["build", "--profile", "native", "-p", "mailfit-cli", "--quiet"], { stdio: ["ignore", "ignore", "pipe"] });
  const bin = `${target}native/mailfit`;
  const feed = `${root}tests/catalogs/summit/feed.xml`;
  const generated = run(bin, ["generate", "--seed", "11", "--customers", String(CUSTOMERS), "--catalog", feed]).stdout.trimEnd().split("\n");
  generated.splice(100, 0, "not json at all");
  generated.splice(2000, 0, '{"id":"B-events","events":"yesterday"}');
  writeFileSync(`${work}customers.jsonl`, `${generated.join("\n")}\n`);
  const t = Date.now();
  run(bin, ["campaign", "--catalog", feed, "--campaign", `${root}samples/campaign.json`, "--customers", `${work}customers.jsonl`, "--out", out, "--quiet"]);
  console.log(`campaign CLI: ${generated.length} lines with emails in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  summary = JSON.parse(readFileSync(`${out}summary.json`, "utf8"));
  sample = JSON.parse(readFileSync(`${out}overview/customers.json`, "utf8"));
  decisions = new Map(readFileSync(`${out}decisions.jsonl`, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l)).filter((d) => !d.error).map((d) => [d.id, d]));
  assert.equal(summary.counts.customers, CUSTOMERS + 2);
  assert.equal(summary.counts.errors, 2);

  // The run's folder alone, as a colleague would serve it: nothing outside it is reachable.
  server = await serve(0, out);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on("pageerror", (e) => { pageErrors.push(e.message); console.error("page error:", e.message); });
  page.on("request", (r) => requests.push(r.url()));
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("the overview page loads the run: figures and charts are summary.json's counts", async () => {
  await page.goto(`${base}/overview.html`);
  await page.waitForSelector("mailfit-preview[data-first-render-ms]", { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector("mailfit-preview").shadowRoot.querySelector(".overview")?.dataset.charts === "4");
  const t = await page.evaluate(() => ({ mark: performance.getEntriesByName("mailfit:first-render")[0]?.startTime, timings: document.querySelector("mailfit-preview").timings }));
  console.log(`overview first render at ${summary.counts.customers} customers (${sample.customers.length} sampled): ${Math.round(t.mark)} ms after navigation start (run files ${Math.round(t.timings.loaded)} ms)`);
  assert.ok(t.mark > 0 && t.mark < 3000, `first render ${t.mark} ms`);
  assert.equal(await page.locator(".tabs [data-view='overview']").getAttribute("aria-selected"), "true");
  assert.equal(await page.locator(".tabs [data-view='editor']").isVisible(), false, "nothing to edit in a run");
  assert.equal(await page.locator(".top .data").isVisible(), false);

  const kpi = async (key) => (await page.locator(`.kpi[data-kpi="${key}"] b`).textContent()).replace(/,/g, "");
  assert.equal(await kpi("customers"), String(summary.counts.customers));
  assert.equal(await kpi("emails"), String(summary.counts.emailsWritten));
  assert.equal(await kpi("errors"), "2");
  assert.equal(await kpi("angles"), String(summary.angles.length));
  const offered = summary.counts.decided - summary.offers.find((r) => r.key === "none").count;
  assert.equal(await kpi("offers"), `${Math.round((offered / summary.counts.decided) * 100)}%`);
  assert.match(await page.locator(".issues").textContent(), /INVALID_INPUT/);

  // Every chart, read back from Chart.js: each segment is a count of the whole run.
  const charts = await page.evaluate(async (url) => {
    const { Chart } = await import(url);
    const root = document.querySelector("mailfit-preview").shadowRoot;
    return Object.fromEntries([...root.querySelectorAll(".chart")].map((el) => {
      const chart = Chart.getChart(el.querySelector("canvas"));
      return [el.dataset.chart, { labels: chart.data.labels, sets: chart.data.datasets.map((d) => [d.label, d.data]) }];
    }));
  }, `${base}/overview/widget/vendor/chart.js.js`);
  const STAGE_LABEL = { new: "New", active: "Active", at_risk: "At risk", lapsed: "Lapsed", browser: "Browser" };
  const stages = STAGES.filter((s) => summary.lifecycle.some((r) => r.key === s));
  for (const [key, table, label] of [
    ["angle", summary.angles, (r) => ANGLE_LABEL(r.key)],
    ["offer", summary.offers, (r) => (r.key === "none" ? "no offer" : r.key.split(" ").at(-1))],
    ["copySource", summary.copySources, (r) => r.key],
    ["product", summary.heroProducts, (r) => (/^\(\d+ other products\)$/.test(r.key) ? "other" : r.title ?? r.key)],
  ]) {
    const chart = charts[key];
    assert.deepEqual(chart.labels, stages.map((s) => STAGE_LABEL[s]), key);
    // What summary.json says, by the chart's labels (same-titled products together; the rest as other).
    const want = new Map();
    for (const row of table) {
      const l = label(row);
      const by = want.get(l) ?? Object.fromEntries(stages.map((s) => [s, 0]));
      for (const [s, n] of Object.entries(row.byLifecycle)) by[s] += n;
      want.set(l, by);
    }
    const shown = new Set(chart.sets.map(([l]) => l));
    const other = Object.fromEntries(stages.map((s) => [s, 0]));
    for (const [l, by] of want) if (!shown.has(l) || l === "other") for (const s of stages) other[s] += by[s];
    for (const [l, data] of chart.sets) {
      const by = l === "other" ? other : want.get(l);
      assert.ok(by, `${key}: ${l} is not in summary.json`);
      assert.deepEqual(data, stages.map((s) => by[s]), `${key}: ${l}`);
    }
    const total = chart.sets.reduce((a, [, d]) => a + d.reduce((x, y) => x + y, 0), 0);
    assert.equal(total, summary.counts.decided, `${key}: every decided customer`);
  }
  assert.ok(charts.angle.sets.length >= 5 && charts.product.sets.at(-1)[0] === "other");

  // The sample: each row is the run's decision line.
  assert.equal(await page.locator("table.variants tbody tr").count(), sample.customers.length);
  assert.match(await page.locator(".sample-note").textContent(), new RegExp(`${sample.customers.length} sampled customers`));
  assert.ok(!requests.some((u) => /\.wasm$|\/pkg\//.test(u)), "no engine: the page shows what the run wrote");
  await page.waitForTimeout(200);
  await shot("01-charts");
  await page.locator(".sample-note").scrollIntoViewIfNeeded();
  await shot("02-sample");
});

test("a click on a chart segment filters the sample to that stage and angle", async () => {
  await page.locator(".chart[data-chart='angle'] canvas").scrollIntoViewIfNeeded();
  const point = await page.evaluate(async (url) => {
    const { Chart } = await import(url);
    const canvas = document.querySelector("mailfit-preview").shadowRoot.querySelector(".chart[data-chart='angle'] canvas");
    const chart = Chart.getChart(canvas);
    const bar = chart.getDatasetMeta(0).data.at(-2); // the first angle, second-to-last stage
    const box = canvas.getBoundingClientRect();
    return { x: box.left + bar.x - 4, y: box.top + bar.y, label: chart.data.datasets[0].label, stage: chart.data.labels.at(-2) };
  }, `${base}/overview/widget/vendor/chart.js.js`);
  await page.mouse.click(point.x, point.y);
  await page.waitForSelector(".tablebar .filter");
  assert.match(await page.locator(".tablebar .filter").textContent(), new RegExp(`${point.stage} · ${point.label}`));
  const rows = await page.locator("table.variants tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.children[2].textContent, tr.children[3].textContent]));
  assert.ok(rows.length > 0);
  assert.ok(rows.every(([stage, angle]) => stage === point.stage && angle === point.label), JSON.stringify(rows.slice(0, 3)));
  await page.getByRole("button", { name: "Clear" }).click();
});

test("a click on a customer shows the email the CLI wrote, with its decision and reasons", async () => {
  const row = sample.customers.find((r) => r.decision.offer && r.decision.email && r.name);
  const id = row.decision.id;
  const line = decisions.get(id);
  await page.locator(`table.variants tbody tr[data-id="${id}"] td:nth-child(2)`).click();
  await rendered(id);
  assert.equal(await page.locator(".tabs [data-view='preview']").getAttribute("aria-selected"), "true");
  assert.equal(await page.locator(".inbox .subject").first().textContent(), line.subject);
  assert.equal(await page.locator(".inbox .snippet").first().textContent(), line.preheader);

  // The iframe holds the file's HTML, byte for byte, plus the preview's <base> and <style>.
  const html = readFileSync(`${out}${line.email}.html`, "utf8");
  const srcdoc = await page.locator('iframe[title="Email preview"]').getAttribute("srcdoc");
  assert.equal(srcdoc.replace(/<base target="_blank"><style data-mailfit-preview>[^<]*<\/style>/, ""), html);
  const frame = await (await page.$('iframe[title="Email preview"]')).contentFrame();
  await frame.waitForLoadState();
  assert.ok((await frame.locator("body").textContent()).includes(line.product.title.replace(/"/g, '"')));
  assert.match(await page.locator(".renderinfo").textContent(), new RegExp(`${line.email}\\.html · decisions\\.jsonl line ${line.line}`));

  // The decision with its reasons, as the run made it.
  const detail = JSON.parse(readFileSync(`${out}overview/details/${String(row.detail[0]).padStart(4, "0")}.json`, "utf8"))[row.detail[1]];
  const panel = await page.locator('[data-panel="decision"]').textContent();
  assert.ok(panel.includes(ANGLE_LABEL(line.angle)));
  assert.ok(panel.includes(line.product.title), panel);
  assert.ok(panel.includes(line.offer.code), "the offer given");
  for (const reason of detail.decision.reasons) assert.ok(panel.includes(reason), reason);
  assert.match(await page.locator('[data-panel="profile"]').textContent(), new RegExp(`${Math.round(line.churnRisk * 100)}%`));
  await imagesSettled();
  await page.waitForTimeout(200);
  await shot("03-email");

  // The text part is the .txt file's, under its Subject and Preheader lines.
  await page.locator('[data-control="format"] [data-value="text"]').click();
  const txt = readFileSync(`${out}${line.email}.txt`, "utf8");
  assert.equal(`Subject: ${line.subject}\nPreheader: ${line.preheader}\n\n${await page.locator(".frame pre").textContent()}`, txt);
  await page.locator('[data-control="format"] [data-value="html"]').click();

  // Another sampled customer from the list: their own email.
  const other = sample.customers.find((r) => r.decision.lifecycle === "browser");
  await page.locator(`.people li[data-id="${other.decision.id}"]`).click();
  await rendered(other.decision.id);
  assert.equal(await page.locator(".inbox .subject").first().textContent(), decisions.get(other.decision.id).subject);
  assert.match(await page.locator('[data-panel="profile"] summary').textContent(), /Browser/);
});

test("compare two sampled customers side by side, from their files", async () => {
  await page.locator('.tabs [data-view="overview"]').click();
  const a = sample.customers[0].decision.id;
  const b = sample.customers.find((r) => r.decision.angle !== sample.customers[0].decision.angle).decision.id;
  await page.locator(`table.variants tbody tr[data-id="${a}"] input`).check();
  await page.locator(`table.variants tbody tr[data-id="${b}"] input`).check();
  await page.getByRole("button", { name: "Compare 2 customers" }).click();
  await page.waitForSelector(".cmp-col iframe");
  assert.deepEqual(await page.locator(".cmp-col").evaluateAll((cols) => cols.map((c) => c.dataset.id)), [a, b]);
  const subjects = await page.locator(".cmp-col .inbox .subject").allTextContents();
  assert.deepEqual(subjects, [decisions.get(a).subject, decisions.get(b).subject]);
  await page.waitForFunction(() => [...document.querySelector("mailfit-preview").shadowRoot.querySelectorAll(".cmp-col iframe")].every((f) => f.dataset.placeholders));
  await page.waitForTimeout(200);
  await shot("04-compare");

  assert.deepEqual(pageErrors, [], "no script errors on the page");
});
