// <mailfit-preview>: the marketer's and the template author's preview of a mailfit campaign, as a
// custom element with shadow DOM that an email builder embeds. It runs the same wasm module as
// the ESP, in the browser: pick or search a customer and see their profile, the decision with its
// reasons and scores, and the email (desktop/mobile, light/dark, HTML/text); edit the templates or
// the campaign and see the email change; see every customer's variant in the overview. With a
// `results` attribute it shows a campaign CLI run instead (mailfit-preview/results.js): the run's
// counts, and the emails and decisions it wrote, with no engine loaded.
// See www/README.md for attributes, properties and events.
import { css } from "./mailfit-preview/styles.js";

const HERE = import.meta.url;
const DEFAULTS = {
  package: new URL("../pkg/mailfit.js", HERE).href,
  catalog: new URL("../samples/catalog.json", HERE).href,
  customers: new URL("../samples/customers.json", HERE).href,
  campaign: new URL("../samples/campaign.json", HERE).href,
  templates: new URL("../templates/", HERE).href,
};
const PARTIALS = ["section_hero", "section_reasons", "section_offer", "section_button", "section_alternates", "section_footer"];
const TEMPLATE_FILES = { html: "email.html.liquid", text: "email.txt.liquid", subject: "subject.liquid", preheader: "preheader.liquid" };
const STAGES = ["new", "active", "at_risk", "lapsed", "browser"];
const STAGE_LABEL = { new: "New", active: "Active", at_risk: "At risk", lapsed: "Lapsed", browser: "Browser" };
const STAGE_MEANING = {
  new: "First purchase within the campaign's new-customer window.",
  active: "Buying regularly; no purchase gap beyond the at-risk window.",
  at_risk: "No purchase for longer than the CRM's re-engagement window: worth winning back now.",
  lapsed: "No purchase for a long time: likely gone without a reason to return.",
  browser: "Has never purchased: browses, clicks or signed up only.",
};
const FEED_LABEL = { merchantXml: "Merchant Center XML", delimited: "CSV/TSV", contentApi: "Content API JSON", shopify: "Shopify products JSON", json: "catalog JSON" };
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
const ANGLE_LABEL = (id) => id.replace(/[-_]/g, " ").replace(/^\w/, (c) => c.toUpperCase());

// ---------- small helpers ----------
const h = (tag, attrs = {}, ...children) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v == null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "style") el.style.cssText = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) if (c != null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
};
const pct = (x) => `${Math.round((x ?? 0) * 100)}%`;
const round1 = (x) => (Math.round(x * 10) / 10).toLocaleString("en-US");
const hue = (s) => [...String(s)].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 360, 7);
const avatar = (name, key) => h("span", { class: "avatar", style: `background:hsl(${hue(key)} 38% 46%)`, "aria-hidden": "true" }, (name || "?").trim().charAt(0).toUpperCase());
const lcBadge = (stage) => stage ? h("span", { class: `lc lc-${stage}`, title: STAGE_MEANING[stage] ?? "" }, STAGE_LABEL[stage] ?? stage) : "";
const debounce = (fn, ms) => { let t; return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); }; };
const idle = () => new Promise((r) => (window.requestIdleCallback ? requestIdleCallback(() => r(), { timeout: 100 }) : setTimeout(r, 0)));

export function customerName(c) {
  const a = c?.attributes ?? {};
  const name = [a.first_name ?? a.firstName, a.last_name ?? a.lastName].filter(Boolean).join(" ");
  return name || a.name || a.email || c?.id || "customer";
}
export function customerPersona(c) {
  const a = c?.attributes ?? {};
  return a.sample_persona ?? a.persona ?? a.segment ?? "";
}

/** Customers as JSON (an array, or `{ customers: [...] }`) or JSON Lines. */
export function parseCustomers(text) {
  const trimmed = text.trim();
  if (!trimmed) return [];
  if (trimmed.startsWith("[") || (trimmed.startsWith("{") && !trimmed.includes("\n{"))) {
    try {
      const v = JSON.parse(trimmed);
      const list = Array.isArray(v) ? v : Array.isArray(v.customers) ? v.customers : [v];
      return list;
    } catch (e) {
      if (trimmed.startsWith("[")) throw e;
    }
  }
  return trimmed.split(/\r?\n/).map((line, i) => {
    if (!line.trim()) return null;
    try { return JSON.parse(line); } catch (e) { throw new Error(`JSON Lines, line ${i + 1}: ${e.message}`); }
  }).filter(Boolean);
}

/** `{ line, column }` from a mailfit template error message or a JSON.parse error. */
export function errorPosition(message, source) {
  const m = /line (\d+),? column (\d+)/i.exec(message ?? "");
  if (m) return { line: Number(m[1]), column: Number(m[2]) };
  const p = /position (\d+)/i.exec(message ?? "");
  if (p && source != null) {
    const before = source.slice(0, Number(p[1]));
    const lines = before.split("\n");
    return { line: lines.length, column: lines.at(-1).length + 1 };
  }
  return null;
}

/**
 * Images that could not load (the sample catalog's CDN is fictional; a builder offline) are
 * drawn as labelled placeholders of the same width, so the layout reads as the recipient sees
 * it. Only this preview copy changes. Returns how many were replaced.
 */
function placeholdImages(doc) {
  let n = 0;
  for (const img of doc.images) {
    if (!img.complete || img.naturalWidth > 0 || img.dataset.placeholder) continue;
    const w = Number(img.getAttribute("width")) || 160;
    const logo = w <= 160 && /logo/i.test(img.getAttribute("src") ?? "");
    const H = logo ? 40 : Math.round(w * (w >= 300 ? 0.62 : 1));
    const label = (img.getAttribute("alt") || "image").replace(/[<&>"]/g, "");
    // (long product names: smaller, so the whole name fits the width)
    const size = logo ? Math.min(18, Math.floor(w / (label.length * 0.56))) : Math.max(11, Math.min(22, Math.round(w / 22), Math.floor((w - 24) / (label.length * 0.56))));
    const svg = logo
      ? `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${H}" viewBox="0 0 ${w} ${H}"><text x="0" y="${H * 0.68}" font-family="Georgia,serif" font-weight="700" font-size="${size}" fill="#1f6f5c">${label}</text></svg>`
      : `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${H}" viewBox="0 0 ${w} ${H}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#eef1ec"/><stop offset="1" stop-color="#dfe5e0"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><g fill="none" stroke="#b4beb8" stroke-width="2"><rect x="${w / 2 - 18}" y="${H / 2 - 30}" width="36" height="28" rx="4"/><circle cx="${w / 2 - 6}" cy="${H / 2 - 20}" r="4"/><path d="M${w / 2 - 18} ${H / 2 - 8} l10 -8 l8 6 l6 -4 l12 8"/></g><text x="50%" y="${H / 2 + 18}" text-anchor="middle" font-family="Arial,sans-serif" font-size="${size}" fill="#6b7570">${label}</text></svg>`;
    img.dataset.placeholder = "1";
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    n++;
  }
  return n;
}

/** The email as the preview shows it: links open outside, and the chosen dark simulation. */
export function previewDocument(html, theme) {
  let doc = html;
  let style = "a{cursor:pointer}img{color:#6b747c;font-size:12px}";
  if (theme === "dark") {
    // Dark client emulation: the email's own `prefers-color-scheme: dark` rules apply, as in
    // Apple Mail / iOS Mail / Outlook.com, by rewriting the media query in this preview copy.
    doc = doc.replace(/prefers-color-scheme\s*:\s*dark/gi, "min-width: 0px").replace(/prefers-color-scheme\s*:\s*light/gi, "max-width: 0px");
    style += ":root{color-scheme:dark}";
  } else if (theme === "forced") {
    // Forced dark (Gmail and Outlook apps): colours inverted whatever the email asks, simulated
    // with a CSS filter; images are inverted back.
    style += "html{filter:invert(0.9) hue-rotate(180deg);background:#fff}img{filter:invert(1) hue-rotate(180deg)}";
  } else {
    style += ":root{color-scheme:light}";
  }
  const inject = `<base target="_blank"><style data-mailfit-preview>${style}</style>`;
  return /<\/head>/i.test(doc) ? doc.replace(/<\/head>/i, `${inject}</head>`) : inject + doc;
}

function churnWords(risk, horizon) {
  const p = Math.round(risk * 100);
  if (risk >= 0.6) return { level: "high", head: "High risk", text: `${p}% chance of no purchase in the next ${horizon} days: unlikely to come back without a reason.` };
  if (risk >= 0.3) return { level: "mid", head: "Moderate risk", text: `${p}% chance of no purchase in the next ${horizon} days: may drift away without a nudge.` };
  return { level: "low", head: "Low risk", text: `${p}% chance of no purchase in the next ${horizon} days: likely to buy again soon.` };
}

function offerText(decision) {
  const o = decision?.offer?.offer;
  if (!o) return null;
  return o.type === "percentOff" ? `${o.percent}% off · ${o.code}` : o.type === "freeShipping" ? `Free shipping · ${o.code}` : `${o.type} · ${o.code ?? ""}`;
}

// ---------- the element ----------
export class MailfitPreview extends HTMLElement {
  static observedAttributes = ["package", "catalog", "customers", "campaign", "templates", "customer", "now", "view", "results"];

  #root;
  #els = {};
  #mod = null;
  #data = { catalog: null, catalogInfo: null, customers: [], campaign: {}, templates: null, defaults: null };
  #provided = {};
  #engine = null;
  #goodEngine = null;
  #titles = new Map();
  #prices = new Map();
  #byId = new Map();
  #selected = null;
  #last = null;
  #lastMs = 0;
  #ui = { device: "desktop", theme: "light", format: "html", query: "", stage: null, tree: true };
  #results = new Map();
  #pass = 0;
  #overviewFor = -1;
  #charts = [];
  #table = { sort: "customer", dir: 1, filter: "", pick: null, checked: new Set() };
  #compare = [null, null];
  #editor = null;
  #editorPromise = null;
  #file = "html";
  #errors = new Map();
  #campaignText = "";
  #started = false;
  #sources = null;
  #loadGen = 0;
  #run = null;
  timings = {};

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    this.#root.adoptedStyleSheets = [sheet];
  }

  // ----- public API -----
  get engine() { return this.#engine; }
  get module() { return this.#mod; }
  get customerId() { return this.#selected; }
  set customerId(id) { this.select(id); }
  get view() { return this.getAttribute("view") ?? "preview"; }
  set view(v) { this.setAttribute("view", v); }
  get catalogData() { return this.#data.catalog; }
  set catalogData(v) { this.#provided.catalog = v; this.#reloadSoon(); }
  get customersData() { return this.#data.customers; }
  set customersData(v) { this.#provided.customers = v; this.#reloadSoon(); }
  get campaignData() { return this.#data.campaign; }
  set campaignData(v) { this.#provided.campaign = v; this.#reloadSoon(); }
  get templateSet() { return this.#data.templates ? structuredClone(this.#data.templates) : null; }
  set templateSet(v) { this.#provided.templates = v; this.#reloadSoon(); }
  get now() { return this.getAttribute("now") ?? this.#data.campaign?.now ?? new Date().toISOString(); }
  set now(v) { this.setAttribute("now", v); }
  /** The last render of the selected customer: `{ subject, preheader, html, text, decision, profile, ... }`. */
  get result() { return this.#last; }
  /** Every customer's variant, once the campaign pass has run: `[{ id, name, lifecycle, angle, ... }]`. */
  get variants() { return [...this.#results.values()]; }
  /** In results mode, the campaign CLI run shown: `{ summary, sample, rows, ... }` (results.js). */
  get run() { return this.#run; }

  connectedCallback() {
    if (!this.hasAttribute("view")) this.setAttribute("view", "preview");
    if (!this.#started) { this.#started = true; this.#skeleton(); this.#load(); }
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#started || old === value) return;
    if (name === "customer") { if (value && value !== this.#selected) this.select(value); }
    else if (name === "view") this.#showView(value ?? "preview");
    else if (name === "now") { this.#invalidate(); this.#render(); }
    else this.#reloadSoon();
  }

  /** Selects a customer by id and renders their email. */
  select(id) {
    id = String(id);
    if (!this.#byId.has(id) || id === this.#selected) return;
    const previous = this.#selected;
    this.#selected = id;
    if (this.getAttribute("customer") !== id) this.setAttribute("customer", id);
    this.#markList();
    this.#render();
    this.#emit("mailfit-select", { customerId: id, previous });
  }

  #emit(type, detail) { this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true })); }
  #reloadSoon = debounce(() => this.#load(), 0);
  #toast(text) {
    const t = this.#els.toast;
    t.textContent = text;
    t.hidden = false;
    clearTimeout(this._toastTimer);
    this._toastTimer = setTimeout(() => { t.hidden = true; }, 6000);
  }

  // ----- loading -----
  async #load() {
    const gen = ++this.#loadGen;
    const t0 = performance.now();
    this.#run = null;
    if (this.hasAttribute("results")) { this.#loadRun(gen, t0); return; }
    const attr = (n) => new URL(this.getAttribute(n) ?? DEFAULTS[n], document.baseURI).href;
    try {
      const pkgUrl = attr("package");
      const modPromise = import(pkgUrl).then(async (mod) => { await mod.default(); return mod; });
      const text = (url) => fetch(url).then((r) => { if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`); return r.text(); });
      const p = this.#provided;
      const [mod, catalogText, customers, campaign, templates] = await Promise.all([
        this.#mod ? Promise.resolve(this.#mod) : modPromise,
        p.catalog ? null : text(attr("catalog")),
        p.customers ? p.customers : text(attr("customers")).then(parseCustomers),
        p.campaign ? p.campaign : text(attr("campaign")).then(JSON.parse),
        // Custom templates are needed for the first render; the defaults are built into the
        // engine, so their sources (for the editor) load after it.
        p.templates ? p.templates : this.hasAttribute("templates") ? this.#fetchTemplates(attr("templates")) : null,
      ]);
      if (gen !== this.#loadGen) return;
      this.#mod = mod;
      this.timings.loaded = performance.now() - t0;
      let catalog = p.catalog;
      if (!catalog) catalog = this.#parseCatalog(catalogText, "sample");
      else if (!Array.isArray(catalog)) catalog = this.#parseCatalog(catalog, "provided");
      else this.#data.catalogInfo = { format: "json", products: catalog.length, warnings: [], source: "provided" };
      this.#setCatalog(catalog);
      this.#data.customers = customers;
      this.#data.campaign = campaign;
      this.#data.campaignOriginal = structuredClone(campaign);
      this.#editor?.reset();
      this.#results = new Map();
      this.#campaignText = JSON.stringify(campaign, null, 2);
      this.#data.templates = templates ? structuredClone(templates) : null;
      this.#data.defaults = templates ? structuredClone(templates) : null;
      this.#sources = templates ? Promise.resolve(templates) : null;
      this.#byId = new Map(customers.map((c) => [String(c.id), c]));
      const t1 = performance.now();
      this.#buildEngine();
      this.timings.engine = performance.now() - t1;
      this.#fillHeader();
      this.#fillList(40); // the rest once the first email is on screen
      const want = this.getAttribute("customer");
      this.#selected = this.#byId.has(want) ? want : customers[0]?.id ?? null;
      this.#markList();
      this.#render({ first: true, t0 });
      this.#showView(this.view);
      // Every customer's variant (list badges, overview) once the first email is on screen.
      this.addEventListener("mailfit-ready", () => { this.#fillList(); this.#markList(); this.#startPass(); }, { once: true });
    } catch (e) {
      if (gen !== this.#loadGen) return;
      console.error(e);
      this.#els.canvas.replaceChildren(h("div", { class: "stale" }, `Could not load the preview: ${e.message}`));
      this.#emit("mailfit-error", { code: e.code ?? "LOAD", message: e.message, path: e.path ?? null });
    }
  }

  /** Results mode: a campaign CLI run's output folder, shown as written (results.js). */
  async #loadRun(gen, t0) {
    try {
      const base = new URL(this.getAttribute("results") || ".", document.baseURI);
      if (!base.pathname.endsWith("/")) base.pathname += "/";
      const { loadRun } = await import("./mailfit-preview/results.js");
      const run = await loadRun(base.href);
      if (gen !== this.#loadGen) return;
      this.#run = run;
      this.timings.loaded = performance.now() - t0;
      const customers = run.customers;
      const s = run.summary;
      this.#data = { ...this.#data, catalog: null, customers, campaign: run.campaign, templates: null, defaults: null, catalogInfo: { format: s.catalog.format, products: s.catalog.products, warnings: s.catalog.warnings ?? [], source: "run" } };
      this.#titles = run.titles;
      this.#prices = run.prices;
      this.#byId = new Map(customers.map((c) => [String(c.id), c]));
      this.#results = new Map(run.rows.map((r) => [String(r.decision.id), run.variant(r)]));
      this.dataset.variants = String(this.#results.size);
      this.#pass++;
      this.#fillHeader();
      this.#fillList();
      const want = this.getAttribute("customer");
      this.#selected = this.#byId.has(want) ? want : customers[0]?.id ?? null;
      this.#markList();
      this.#showView(this.view, { first: true, t0 });
    } catch (e) {
      if (gen !== this.#loadGen) return;
      console.error(e);
      const msg = h("div", { class: "stale", style: "margin:24px auto" }, `Could not load the campaign run: ${e.message}`);
      this.#els.canvas.replaceChildren(msg.cloneNode(true));
      this.#els.overview.replaceChildren(msg);
      this.#emit("mailfit-error", { code: e.code ?? "LOAD", message: e.message, path: e.path ?? null });
    }
  }

  /** The first view is on screen: `performance.mark("mailfit:first-render")` and `mailfit-ready`. */
  #ready(t0, ms) {
    const firstRender = performance.now();
    performance.mark("mailfit:first-render");
    this.timings.firstRender = firstRender;
    this.timings.sinceConnect = firstRender - t0;
    this.timings.render = ms;
    this.dataset.firstRenderMs = String(Math.round(firstRender));
    this.#emit("mailfit-ready", { timings: { ...this.timings } });
  }

  async #fetchTemplates(base) {
    const get = (file) => fetch(new URL(file, base)).then((r) => (r.ok ? r.text() : null)).catch(() => null);
    const names = (this.getAttribute("partials") ?? PARTIALS.join(",")).split(",").map((s) => s.trim()).filter(Boolean);
    const [main, partials] = await Promise.all([
      Promise.all(Object.entries(TEMPLATE_FILES).map(async ([k, f]) => [k, await get(f)])),
      Promise.all(names.map(async (n) => [n, await get(`partials/${n}.liquid`)])),
    ]);
    if (main.some(([, v]) => v == null)) return null; // the engine's built-in templates apply
    return { ...Object.fromEntries(main), partials: Object.fromEntries(partials.filter(([, v]) => v != null)) };
  }

  #parseCatalog(feed, source, name) {
    const out = this.#mod.parseCatalog(feed);
    this.#data.catalogInfo = { format: out.format, products: out.products.length, warnings: out.warnings ?? [], source, name };
    return out.products;
  }

  #setCatalog(products) {
    this.#data.catalog = products;
    this.#titles = new Map(products.map((p) => [String(p.id), p.title ?? p.id]));
    this.#prices = new Map(products.map((p) => [String(p.id), p.price ?? p.sale_price ?? ""]));
  }

  /** A new Personalizer for the current catalog, campaign and templates; errors marked in the editor. */
  #buildEngine() {
    const { catalog, campaign, templates } = this.#data;
    const init = { catalog, campaign };
    if (templates) init.templates = templates;
    const t = performance.now();
    try {
      const engine = new this.#mod.Personalizer(init);
      const old = this.#engine;
      this.#engine = engine;
      this.#goodEngine = engine;
      old?.free?.();
      this.#setError(null);
      this.timings.build = performance.now() - t;
      return true;
    } catch (e) {
      this.#setError(e);
      return false;
    }
  }

  /** Records an engine/template error with the file it belongs to and its line and column. */
  #setError(e) {
    this.#errors.clear();
    if (e) {
      const path = String(e.path ?? "");
      let file = "campaign";
      const m = /^template:(?:partials[.:/])?(.+)$/.exec(path);
      if (m) file = TEMPLATE_FILES[m[1]] ? m[1] : `partial:${m[1]}`;
      else if (e.code === "TEMPLATE_PARSE" || e.code === "TEMPLATE_LIMIT" || e.code === "TEMPLATE_RENDER") file = this.#file;
      const source = this.#fileSource(file);
      const pos = errorPosition(e.message, source);
      this.#errors.set(file, { code: e.code ?? "ERROR", message: e.message, path: e.path ?? null, file, ...(pos ?? {}) });
      this.#emit("mailfit-error", this.#errors.get(file));
    }
    this.#updateEditorStatus();
  }

  // ----- rendering one customer -----
  #render({ first = false, t0 } = {}) {
    if (this.#run) { this.#renderRun({ first, t0 }); return; }
    const c = this.#byId.get(this.#selected);
    if (!c || !this.#engine) return;
    const t = performance.now();
    let out;
    try {
      out = this.#engine.render(c, { now: this.now });
    } catch (e) {
      this.#setError(e);
      this.#showStale(e.message);
      return;
    }
    this.#showStale(null);
    const ms = performance.now() - t;
    out.copySource = out.copySource ?? out.copy?.source ?? "rules";
    this.#last = out;
    this.#results.set(String(c.id), this.#summary(c, out));
    this.#lastMs = ms;
    this.#paintCurrent(c, out, ms);
    this.#paintInsight(c, out);
    if (this.view === "editor") this.#paintTree();
    if (first) {
      // First render: the email's document is parsed and laid out in the frame and painted
      // (images may still be loading; `timings.firstLoad` is the frame's load event).
      const frame = this.#els.frame;
      this.timings.connected = t0;
      this.timings.renderedAt = performance.now();
      const parsed = () => {
        const doc = frame.contentDocument;
        return doc && doc.URL === "about:srcdoc" && doc.readyState !== "loading" && doc.body?.childElementCount > 0;
      };
      const done = () => this.#ready(t0, ms);
      const poll = () => (parsed() ? requestAnimationFrame(done) : requestAnimationFrame(poll));
      requestAnimationFrame(poll);
      frame.addEventListener("load", () => { this.timings.firstLoad = performance.now(); }, { once: true });
    }
    this.#emit("mailfit-render", { customerId: c.id, subject: out.subject, ms });
  }

  /** Results mode: the selected customer's email as the run wrote it, with its decision. */
  async #renderRun({ first = false, t0 } = {}) {
    const id = this.#selected;
    const c = this.#byId.get(id);
    if (!c) return;
    const t = performance.now();
    let out;
    try {
      out = await this.#run.result(id);
    } catch (e) {
      if (id === this.#selected) this.#showStale(`Could not read this customer's files: ${e.message}`);
      return;
    }
    if (id !== this.#selected || !this.#run) return;
    this.#showStale(null);
    const ms = performance.now() - t;
    if (out.html == null) {
      out.html = `<!DOCTYPE html><html><body style="font:15px/1.5 system-ui,sans-serif;color:#444;padding:40px;text-align:center"><p><b>No email file for this customer.</b></p><p>The run wrote decisions only (<code>--no-emails</code>): subject and preheader are those decided.</p></body></html>`;
      out.text = "The run wrote decisions only (--no-emails).";
    }
    this.#last = out;
    this.#lastMs = ms;
    this.#paintCurrent(c, out, ms);
    this.#paintInsight(c, out);
    if (first) {
      const frame = this.#els.frame;
      const poll = () => (frame.contentDocument?.URL === "about:srcdoc" && frame.contentDocument.readyState !== "loading" ? requestAnimationFrame(() => this.#ready(t0, ms)) : requestAnimationFrame(poll));
      requestAnimationFrame(poll);
    }
    this.#emit("mailfit-render", { customerId: id, subject: out.subject, ms });
  }

  #summary(c, out) {
    const d = out.decision;
    return {
      id: String(c.id),
      name: customerName(c),
      persona: customerPersona(c),
      lifecycle: out.profile.lifecycle,
      churnRisk: out.profile.churn.churnRisk,
      angle: d.angle,
      productId: d.productId,
      product: d.productId ? this.#titles.get(d.productId) ?? d.productId : "—",
      offer: d.offer.offer ? d.offer.offer.code ?? d.offer.offer.type : "none",
      offerType: d.offer.offer ? d.offer.offer.type : "none",
      subject: out.subject,
      preheader: out.preheader,
      copySource: out.copySource ?? out.copy?.source ?? "rules",
    };
  }

  #showStale(message) {
    this.#els.stale.hidden = !message;
    this.#els.stale.textContent = message ? `Showing the last good render. ${message}` : "";
  }

  #paintCurrent(c, out, ms) {
    const name = customerName(c);
    const e = this.#els;
    e.curAvatar.replaceWith((e.curAvatar = avatar(name, c.id)));
    e.curName.textContent = name;
    e.curId.textContent = `${c.id}${customerPersona(c) ? ` · ${customerPersona(c)}` : ""}`;
    const brand = this.#data.campaign?.brand?.name ?? "Your brand";
    e.inboxAvatar.replaceWith((e.inboxAvatar = avatar(brand, brand)));
    e.sender.textContent = brand;
    const when = new Date(this.now);
    e.time.textContent = Number.isNaN(+when) ? "" : when.toLocaleString("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: "UTC" });
    e.subject.textContent = out.subject;
    e.snippet.textContent = out.preheader;
    e.text.textContent = out.text;
    const how = this.#run
      ? `As the campaign CLI wrote it${out.email ? `: ${out.email.path}.html` : ""} · decisions.jsonl line ${out.line}`
      : `Rendered in ${ms.toFixed(1)} ms`;
    e.renderinfo.textContent = `${how} · ${this.#ui.device === "mobile" ? "375 px" : "720 px"} · ${{ light: "light", dark: "dark: the email's prefers-color-scheme styles", forced: "forced dark: colours inverted (CSS filter)" }[this.#ui.theme]}`;
    this.dataset.rendered = c.id;
    this.#paintFrame(e.frame, out.html);
    e.frame.addEventListener("load", () => {
      const n = Number(e.frame.dataset.placeholders ?? 0);
      if (n) e.renderinfo.textContent += ` · ${n} images unavailable here, drawn as placeholders`;
    }, { once: true });
  }

  #paintFrame(frame, html) {
    frame.onload = () => {
      const doc = frame.contentDocument;
      if (!doc) return;
      const missing = placeholdImages(doc);
      frame.dataset.placeholders = String(missing);
      for (const img of doc.images) if (!img.complete) img.addEventListener("error", () => { frame.dataset.placeholders = String(Number(frame.dataset.placeholders) + placeholdImages(doc)); }, { once: true });
      const fit = () => { frame.style.height = `${Math.max(doc.documentElement.scrollHeight, 300)}px`; };
      fit();
      frame._ro?.disconnect();
      frame._ro = new ResizeObserver(fit);
      frame._ro.observe(doc.documentElement);
    };
    frame.srcdoc = previewDocument(html, this.#ui.theme);
  }

  // ----- the insight panel -----
  #paintInsight(c, out) {
    const p = out.profile;
    const d = out.decision;
    const currency = this.#data.campaign?.currency ?? "USD";
    const money = (minor) => (minor / 100).toLocaleString("en-US", { style: "currency", currency, maximumFractionDigits: 0 });
    const ago = (days) => (days == null ? "never" : days < 1 ? "today" : `${Math.round(days)} d ago`);
    const churn = churnWords(p.churn.churnRisk, p.churn.horizonDays);
    const profile = h("details", { class: "card", open: true, dataset: { panel: "profile" } },
      h("summary", {}, h("span", {}, "Profile"), lcBadge(p.lifecycle)),
      h("div", { class: "content" },
        h("div", { class: "explain" }, h("b", {}, `${STAGE_LABEL[p.lifecycle] ?? p.lifecycle}: `), STAGE_MEANING[p.lifecycle] ?? ""),
        h("div", { class: `risk ${churn.level}`, dataset: { churn: String(p.churn.churnRisk) } },
          h("div", { class: "head" }, h("span", { class: "kicker" }, "Churn risk"), h("span", { class: "level" }, churn.head)),
          h("div", { class: "head" }, h("span", { class: "value" }, pct(p.churn.churnRisk)), h("span", { class: "explain" }, `P(alive) ${pct(p.churn.pAlive)} · ${round1(p.churn.expectedPurchases)} purchases expected`)),
          h("div", { class: "meter" }, h("i", { style: `width:${pct(p.churn.churnRisk)}` })),
          h("div", { class: "explain" }, churn.text, p.churn.model === "prior" ? " Scored on the default priors (no fitted model)." : " Scored on a model fitted to this customer base.")),
        h("div", { class: "stats" },
          h("div", { class: "stat" }, h("b", {}, p.rfm.orders), h("span", {}, p.rfm.storeOrders ? `orders · ${p.rfm.storeOrders} in store` : "orders")),
          h("div", { class: "stat" }, h("b", {}, money(p.rfm.totalSpentMinor)), h("span", {}, "spent")),
          h("div", { class: "stat" }, h("b", {}, ago(p.rfm.daysSinceLastPurchase)), h("span", {}, "last purchase")),
        ),
        p.facetAffinities.length ? h("div", { class: "bars" }, h("div", { class: "kicker" }, "What they like"),
          p.facetAffinities.slice(0, 5).map((a) => h("div", { class: "bar", title: a.words?.length ? `described as ${a.words.join(" / ")}` : a.key },
            h("span", { class: "label" }, a.label ?? a.key, a.words?.length ? h("small", {}, ` · ${a.words.slice(0, 2).join(", ")}`) : ""),
            h("span", { class: "num" }, pct(a.score)),
            h("div", { class: "meter" }, h("i", { style: `width:${pct(a.score)}` }))))) : h("div", { class: "explain" }, "No product interest recorded yet."),
        h("div", {}, h("div", { class: "kicker", style: "margin-bottom:6px" }, "How they shop"),
          h("div", { class: "signals" },
            [["Novelty", p.style.novelty], ["Matching sets", p.style.setBuying], ["Discount-driven", p.style.discountSensitivity], ["Browses, no buy", p.style.browseWithoutBuying]].map(([label, v]) =>
              h("div", { class: "bar" }, h("span", { class: "label" }, label), h("span", { class: "num" }, pct(v)), h("div", { class: "meter" }, h("i", { style: `width:${pct(v)}` }))))),
          p.style.priceRatio != null ? h("div", { class: "explain", style: "margin-top:8px" }, `Typically pays ${round1(p.style.priceRatio)}× the catalog's median price.`) : ""),
        h("div", { class: "explain" }, `Email: ${p.engagement.opens} opens, ${p.engagement.clicks} clicks · engagement ${pct(p.engagement.score)}${p.engagement.unsubscribed ? " · unsubscribed" : ""}`),
        p.reasons.length ? h("ul", { class: "reasons" }, p.reasons.map((r) => h("li", {}, r))) : ""));

    const angles = d.scores?.angles ?? [];
    const maxAngle = Math.max(...angles.map(([, v]) => Math.abs(v)), 1e-9);
    const parts = d.scores?.product ?? [];
    const maxPart = Math.max(...parts.map(([, v]) => Math.abs(v)), 1e-9);
    const offer = offerText(d);
    const decision = h("details", { class: "card", open: true, dataset: { panel: "decision" } },
      h("summary", {}, "Decision", h("span", { class: "pill" }, ANGLE_LABEL(d.angle))),
      h("div", { class: "content" },
        h("div", { class: "hero" },
          h("span", { class: "kicker" }, "Hero product"),
          h("span", { class: "title" }, d.productId ? this.#titles.get(d.productId) ?? d.productId : "No product (nothing eligible)"),
          h("span", { class: "explain" }, d.productId ? `${d.productId} · ${this.#prices.get(d.productId) ?? ""}` : "", d.fallback ? ` · fallback: ${d.fallback}` : "")),
        h("dl", { class: "facts" },
          h("dt", {}, "Angle"), h("dd", {}, ANGLE_LABEL(d.angle)),
          h("dt", {}, "Offer"), h("dd", {}, offer ? h("span", { class: "pill offer" }, offer) : h("span", { class: "pill none" }, `No offer · ${d.offer.positioning.replace(/_/g, " ")}`)),
          h("dt", {}, "Copy"), h("dd", {}, out.copySource === "rules" ? "Rule-based copy" : out.copySource),
          d.holdout ? [h("dt", {}, "Holdout"), h("dd", {}, "In the holdout group: default email")] : ""),
        h("div", { class: "explain" }, d.offer.reason),
        d.reasons.length ? h("ul", { class: "reasons" }, d.reasons.map((r) => h("li", {}, r))) : ""));

    const alternates = d.alternates.length ? h("ul", { class: "alts" }, d.alternates.map((id) => h("li", {}, h("span", {}, this.#titles.get(id) ?? id), h("span", {}, this.#prices.get(id) ?? "")))) : h("div", { class: "explain" }, "No alternates.");
    const scores = h("details", { class: "card", open: true, dataset: { panel: "scores" } },
      h("summary", {}, "Alternatives and scores"),
      h("div", { class: "content" },
        h("div", {}, h("div", { class: "kicker", style: "margin-bottom:6px" }, "Also shown"), alternates),
        h("div", { class: "bars" }, h("div", { class: "kicker" }, "Angle values"),
          angles.slice(0, 6).map(([id, v]) => h("div", { class: `bar${id === d.angle ? " chosen" : ""}` },
            h("span", { class: "label" }, ANGLE_LABEL(id), id === d.angle ? h("small", {}, " · chosen") : ""),
            h("span", { class: "num" }, v.toFixed(2)),
            h("div", { class: "meter" }, h("i", { style: `width:${Math.max(0, (v / maxAngle) * 100)}%` }))))),
        parts.length ? h("div", { class: "bars" }, h("div", { class: "kicker" }, `Why this product · best of ${d.scores.candidates}`),
          parts.filter(([, v]) => Math.abs(v) > 0.005).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 7).map(([k, v]) => h("div", { class: `bar${v < 0 ? " neg" : ""}` },
            h("span", { class: "label" }, k.replace(/_/g, " ")),
            h("span", { class: "num" }, (v >= 0 ? "+" : "") + v.toFixed(2)),
            h("div", { class: "meter" }, h("i", { style: `width:${(Math.abs(v) / maxPart) * 100}%` }))))) : ""));

    const warnings = out.warnings?.length ? h("div", { class: "notice" }, out.warnings.join(" · ")) : "";
    this.#els.insight.replaceChildren(decision, profile, scores, warnings);
  }

  // ----- customer list -----
  #fillList(limit = Infinity) {
    const counts = Object.fromEntries(STAGES.map((s) => [s, 0]));
    for (const r of this.#results.values()) counts[r.lifecycle] = (counts[r.lifecycle] ?? 0) + 1;
    const known = this.#results.size > 0;
    this.#els.chips.replaceChildren(
      h("button", { class: "chip", "aria-pressed": String(!this.#ui.stage), onclick: () => { this.#ui.stage = null; this.#fillList(); } }, "All", h("small", {}, this.#data.customers.length)),
      ...STAGES.filter((s) => !known || counts[s]).map((s) => h("button", { class: "chip", "aria-pressed": String(this.#ui.stage === s), dataset: { stage: s }, onclick: () => { this.#ui.stage = this.#ui.stage === s ? null : s; this.#fillList(); } },
        STAGE_LABEL[s], known ? h("small", {}, counts[s]) : "")));
    const q = this.#ui.query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const items = [];
    let matched = 0;
    for (const c of this.#data.customers) {
      const id = String(c.id);
      const r = this.#results.get(id);
      if (this.#ui.stage && r?.lifecycle !== this.#ui.stage) continue;
      const hay = `${id} ${customerName(c)} ${customerPersona(c)} ${r ? `${r.lifecycle} ${STAGE_LABEL[r.lifecycle]} ${r.angle}` : ""}`.toLowerCase();
      if (!q.every((t) => hay.includes(t))) continue;
      if (++matched > limit) continue;
      items.push(h("li", { role: "option", dataset: { id }, "aria-selected": String(id === this.#selected) },
        avatar(customerName(c), id),
        h("span", { class: "who" },
          h("span", { class: "name" }, h("b", {}, customerName(c)), h("span", { class: "id" }, id)),
          h("span", { class: "meta" }, r ? lcBadge(r.lifecycle) : "", r ? " " : "", customerPersona(c), r ? ` · ${ANGLE_LABEL(r.angle)}` : ""))));
    }
    this.#els.people.replaceChildren(...items);
    const all = this.#data.customers.length;
    this.#els.count.textContent = this.#run
      ? `${matched === all ? "" : `${matched} of `}${all.toLocaleString("en-US")} sampled · ${this.#run.summary.counts.customers.toLocaleString("en-US")} in the run`
      : matched === all ? `${matched} customers` : `${matched} of ${all} customers`;
  }

  #markList() {
    for (const li of this.#els.people.children) li.setAttribute("aria-selected", String(li.dataset.id === this.#selected));
    const el = this.#els.people.querySelector('[aria-selected="true"]');
    el?.scrollIntoView({ block: "nearest" });
  }

  #step(delta) {
    const ids = [...this.#els.people.children].map((li) => li.dataset.id);
    const list = ids.length ? ids : this.#data.customers.map((c) => String(c.id));
    const i = list.indexOf(this.#selected);
    const next = list[(i + delta + list.length) % list.length];
    if (next) this.select(next);
  }

  // ----- campaign pass: every customer's variant -----
  #invalidate() { this.#pass++; this.#results.clear(); }

  async #startPass() {
    if (this.#run) return; // a run's variants are its own, loaded with it
    const pass = ++this.#pass;
    const engine = this.#engine;
    const customers = this.#data.customers;
    const results = new Map();
    const t = performance.now();
    const CHUNK = 12;
    for (let i = 0; i < customers.length; i += CHUNK) {
      await idle();
      if (pass !== this.#pass || engine !== this.#engine) return;
      for (const c of customers.slice(i, i + CHUNK)) {
        try {
          const out = engine.render(c, { now: this.now });
          out.copySource = out.copySource ?? out.copy?.source ?? "rules";
          results.set(String(c.id), this.#summary(c, out));
        } catch (e) {
          results.set(String(c.id), { id: String(c.id), name: customerName(c), persona: customerPersona(c), lifecycle: "error", angle: "error", product: e.message, offer: "", offerType: "", subject: "", copySource: "" });
        }
      }
      if (this.view === "overview") this.#els.progress && (this.#els.progress.textContent = `Personalizing ${Math.min(i + CHUNK, customers.length)} of ${customers.length} customers…`);
    }
    this.#results = results;
    this.timings.campaignPass = performance.now() - t;
    this.dataset.variants = String(results.size);
    this.#fillList();
    this.#markList();
    if (this.view === "overview") this.#paintOverview();
    if (this.view === "compare") this.#paintCompare();
    this.#emit("mailfit-variants", { count: results.size, ms: this.timings.campaignPass });
  }

  // ----- views -----
  #showView(view, first = null) {
    for (const b of this.#els.tabs.children) b.setAttribute("aria-selected", String(b.dataset.view === view));
    if (this.#run) {
      // A run: nothing to edit; the email is fetched when the preview is first shown.
      if (view === "editor") this.view = "preview";
      else if (view === "preview") {
        if (first || this.dataset.rendered !== this.#selected) this.#render(first ?? {});
      } else if (view === "overview") this.#paintOverview(first);
      else if (view === "compare") this.#paintCompare();
      return;
    }
    if (view === "editor") this.#openEditor();
    if (view === "overview") this.#paintOverview();
    if (view === "compare") this.#paintCompare();
  }

  // ----- the editor -----
  #fileSource(key) {
    const t = this.#data.templates;
    if (key === "campaign") return this.#campaignText;
    if (!t) return "";
    if (key.startsWith("partial:")) return t.partials?.[key.slice(8)] ?? "";
    return t[key] ?? "";
  }
  #defaultSource(key) {
    const t = this.#data.defaults;
    if (key === "campaign") return JSON.stringify(this.#data.campaignOriginal ?? this.#data.campaign, null, 2);
    if (!t) return "";
    if (key.startsWith("partial:")) return t.partials?.[key.slice(8)] ?? "";
    return t[key] ?? "";
  }

  #fileKeys() {
    const t = this.#data.templates;
    return ["html", "text", "subject", "preheader", ...Object.keys(t?.partials ?? {}).map((n) => `partial:${n}`), "campaign"];
  }
  #fileLabel(key) {
    if (key === "html") return "HTML";
    if (key === "campaign") return "Campaign";
    if (key.startsWith("partial:")) return key.slice(8).replace(/^section_/, "");
    return key.charAt(0).toUpperCase() + key.slice(1);
  }

  /** Template sources for the editor: the custom ones, or the defaults' sources fetched now. */
  #templateSources() {
    this.#sources ??= this.#fetchTemplates(new URL(this.getAttribute("templates") ?? DEFAULTS.templates, document.baseURI).href).then((t) => {
      if (t && !this.#data.templates) { this.#data.templates = structuredClone(t); this.#data.defaults = structuredClone(t); }
      return t;
    });
    return this.#sources;
  }

  async #openEditor() {
    await this.#templateSources();
    if (!this.#data.templates) {
      this.#els.files.replaceChildren(h("span", { class: "explain", style: "padding:8px" }, "Template sources were not found next to the component (the `templates` attribute); the engine's built-in templates are used."));
    }
    if (!this.#editorPromise) {
      this.#editorPromise = import("./mailfit-preview/editor.js").then(({ createEditor }) => {
        this.#editor = createEditor({
          parent: this.#els.cm,
          getData: () => this.#treeData(),
          onChange: (key, text) => this.#edited(key, text),
        });
        return this.#editor;
      });
    }
    await this.#editorPromise;
    this.#paintFiles();
    if (this.#editor.current !== this.#file) this.#editor.open(this.#file, this.#fileSource(this.#file), this.#file === "campaign" ? "json" : "liquid");
    this.#updateEditorStatus();
    this.#paintTree();
  }

  #paintFiles() {
    if (!this.#data.templates) return;
    const keys = this.#fileKeys();
    const btn = (key) => h("button", {
      role: "tab", dataset: { file: key }, "aria-selected": String(key === this.#file),
      class: [this.#errors.has(key) ? "error" : "", this.#fileSource(key) !== this.#defaultSource(key) && !this.#errors.has(key) ? "changed" : ""].join(" ").trim() || null,
      title: key.startsWith("partial:") ? `{% include '${key.slice(8)}' %}` : key === "campaign" ? "Campaign config (JSON)" : `${key} template`,
      onclick: () => { this.#file = key; this.#openEditor(); },
    }, this.#fileLabel(key));
    this.#els.files.replaceChildren(
      ...keys.slice(0, 4).map(btn), h("span", { class: "sep" }),
      ...keys.filter((k) => k.startsWith("partial:")).map(btn), h("span", { class: "sep" }),
      btn("campaign"));
  }

  #edited(key, text) {
    if (key === "campaign") this.#campaignText = text;
    else if (key.startsWith("partial:")) this.#data.templates.partials[key.slice(8)] = text;
    else this.#data.templates[key] = text;
    this.#els.status.className = "status";
    this.#els.statusText.textContent = "Editing…";
    this.#applyEdits(key);
  }

  #applyEdits = debounce((key) => {
    const t = performance.now();
    if (key === "campaign") {
      try {
        this.#data.campaign = JSON.parse(this.#campaignText);
      } catch (e) {
        const pos = errorPosition(e.message, this.#campaignText);
        this.#errors.clear();
        this.#errors.set("campaign", { code: "INVALID_JSON", message: e.message, file: "campaign", ...(pos ?? {}) });
        this.#updateEditorStatus();
        this.#paintFiles();
        return;
      }
    }
    const ok = this.#buildEngine();
    if (ok) {
      this.#invalidate();
      this.#render();
      this.timings.edit = performance.now() - t;
      this.#els.statusText.textContent = `Compiled and rendered in ${this.timings.edit.toFixed(1)} ms`;
      this.#startPass();
    } else {
      this.#showStale(this.#errors.values().next().value?.message ?? "");
    }
    this.#paintFiles();
    if (key === "campaign") this.#emit("mailfit-campaign-change", { campaign: this.#data.campaign, valid: ok });
    else this.#emit("mailfit-template-change", { name: key.replace(/^partial:/, ""), partial: key.startsWith("partial:"), source: this.#fileSource(key), valid: ok, templates: this.templateSet });
  }, 200);

  #updateEditorStatus() {
    const e = this.#els;
    if (!e.status) return;
    const err = [...this.#errors.values()][0];
    if (this.#editor) this.#editor.mark(err && err.file === this.#file ? err : null);
    if (!err) {
      e.status.className = "status ok";
      if (!/Compiled/.test(e.statusText.textContent)) e.statusText.textContent = "Templates compile";
      e.status.removeAttribute("data-error");
      return;
    }
    e.status.className = "status error";
    e.status.dataset.error = JSON.stringify({ file: err.file, line: err.line ?? null, column: err.column ?? null });
    const where = err.line ? `${this.#fileLabel(err.file)}, line ${err.line}, column ${err.column}` : this.#fileLabel(err.file);
    const link = h("span", { class: "where", onclick: () => { this.#file = err.file; this.#openEditor().then(() => err.line && this.#editor.goTo(err.line, err.column)); } }, where);
    const msg = err.message.replace(/^template `[^`]+` does not parse: line \d+, column \d+: /, "");
    e.statusText.replaceChildren(link, h("span", {}, `: ${msg}`));
  }

  #treeData() {
    const c = this.#byId.get(this.#selected);
    if (!c || !this.#goodEngine) return {};
    try { return this.#goodEngine.templateData(c, { now: this.now }); } catch { return {}; }
  }

  #paintTree() {
    if (!this.#els.nodes || this.view !== "editor") return;
    const data = this.#treeData();
    const open = new Set([...this.#els.nodes.querySelectorAll("details[open]")].map((d) => d.dataset.path));
    const first = open.size === 0;
    const node = (key, value, path) => {
      if (value && typeof value === "object") {
        const entries = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
        const d = h("details", { dataset: { path }, open: first ? !/[.[]/.test(path) : open.has(path) },
          h("summary", {}, h("span", { class: "k" }, key), h("span", { class: "t" }, Array.isArray(value) ? ` [${value.length}]` : ` {${entries.length}}`)));
        d.addEventListener("toggle", () => {
          if (d.open && d.childElementCount === 1) d.append(...entries.map(([k, v]) => node(k, v, Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`)));
        }, { once: false });
        if (d.open) d.append(...entries.map(([k, v]) => node(k, v, Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`)));
        return d;
      }
      const cls = typeof value === "string" ? "s" : typeof value === "number" ? "n" : typeof value === "boolean" ? "b" : "z";
      return h("div", { class: "leaf", title: `Insert {{ ${path} }}`, onclick: () => this.#editor?.insert(`{{ ${path} }}`) },
        h("span", { class: "k" }, key), ": ", h("span", { class: cls }, JSON.stringify(value)));
    };
    this.#els.nodes.replaceChildren(...Object.entries(data).map(([k, v]) => node(k, v, k)));
  }

  #resetFile() {
    if (!this.#editor) return;
    this.#editor.replace(this.#defaultSource(this.#file));
  }

  // ----- overview -----
  #paintOverview(first) {
    if (this.#run) { this.#paintRunOverview(first); return; }
    const e = this.#els;
    if (this.#results.size < this.#data.customers.length) {
      e.overview.replaceChildren((e.progress = h("div", { class: "progress" }, "Personalizing every customer…")));
      return;
    }
    if (this.#overviewFor === this.#pass && e.overview.querySelector(".tablewrap")) { this.#paintTable(); return; }
    this.#overviewFor = this.#pass;
    const rows = [...this.#results.values()];
    const offers = rows.filter((r) => r.offerType !== "none").length;
    const kpi = (value, label) => h("div", { class: "kpi" }, h("b", {}, value), h("span", {}, label));
    const charts = [
      ["angle", "Message angles", "Which story each stage hears", (r) => ANGLE_LABEL(r.angle)],
      ["product", "Hero products", "Top 8 products; the rest as other", (r) => r.product],
      ["offer", "Offers", "Codes given where churn risk and discount sensitivity justify the margin", (r) => (r.offer === "none" ? "no offer" : r.offer)],
      ["copySource", "Copy sources", "rules, llm or cache", (r) => r.copySource],
    ];
    this.#charts.forEach((c) => c.destroy());
    this.#charts = [];
    const chartEls = charts.map(([key, title, sub]) => h("div", { class: "chart", dataset: { chart: key } }, h("h3", {}, title, h("span", { class: "explain" }, " by lifecycle stage")), h("p", {}, sub), h("div", { class: "plot" }, h("canvas", { role: "img", "aria-label": `${title} by lifecycle stage` }))));
    e.overview.replaceChildren(
      h("div", { class: "ov-head" },
        h("div", {}, h("h2", {}, "Campaign overview"), h("p", {}, `${this.#data.campaign?.id ?? "campaign"} · rendered for every customer at ${this.now} · click a row to open that customer`)),
        h("button", { class: "btn", onclick: () => this.#exportCsv() }, "Download CSV")),
      h("div", { class: "kpis" },
        kpi(rows.length, "customers"),
        kpi(new Set(rows.map((r) => r.angle)).size, "angles used"),
        kpi(new Set(rows.map((r) => r.productId)).size, "distinct hero products"),
        kpi(pct(offers / Math.max(rows.length, 1)), "get an offer"),
        kpi(`${Math.round(this.timings.campaignPass ?? 0)} ms`, "to personalize all")),
      h("div", { class: "charts" }, chartEls),
      (e.tableWrap = h("div", { class: "tablewrap" })));
    import("./mailfit-preview/charts.js").then(({ stackedChart }) => {
      charts.forEach(([key, , , pick], i) => {
        this.#charts.push(stackedChart(chartEls[i].querySelector("canvas"), {
          rows: rows.map((r) => [r.lifecycle, pick(r)]),
          stages: STAGES, stageLabels: STAGE_LABEL, top: 8,
          onPick: (stage, category) => { this.#table.pick = { key, stage, category, pick }; this.#paintTable(); e.tableWrap.scrollIntoView({ behavior: "smooth", block: "start" }); },
        }));
      });
      e.overview.dataset.charts = String(this.#charts.length);
    });
    this.#paintTable();
  }

  /**
   * Results mode: the run's overview. Figures and charts count every customer of the run
   * (summary.json); the table lists its sample, each row opening the email the run wrote.
   */
  #paintRunOverview(first) {
    const e = this.#els;
    if (this.#overviewFor === this.#pass && e.overview.querySelector(".tablewrap")) { this.#paintTable(); return; }
    this.#overviewFor = this.#pass;
    const run = this.#run;
    const s = run.summary;
    const n = (x) => Number(x ?? 0).toLocaleString("en-US");
    const decided = s.counts.decided;
    const noOffer = s.offers.find((r) => r.key === "none")?.count ?? 0;
    // Distinct heroes: one per listed product, plus those folded into "(N other products)".
    const heroes = s.heroProducts.reduce((a, r) => a + (r.key === "(no product)" ? 0 : Number(/^\((\d+) other products\)$/.exec(r.key)?.[1] ?? 1)), 0);
    const kpi = (value, label, key) => h("div", { class: "kpi", dataset: { kpi: key } }, h("b", {}, value), h("span", {}, label));
    const stageLine = STAGES.map((st) => [st, s.lifecycle.find((r) => r.key === st)?.count ?? 0]).filter(([, c]) => c);
    const titles = {
      angle: ["Message angles", "Which story each stage hears"],
      product: ["Hero products", "Top 8 products; the rest as other"],
      offer: ["Offers", "Codes given where churn risk and discount sensitivity justify the margin"],
      copySource: ["Copy sources", "rules, llm or cache"],
    };
    const specs = run.charts(ANGLE_LABEL);
    this.#charts.forEach((c) => c.destroy());
    this.#charts = [];
    const chartEls = specs.map(({ key }) => h("div", { class: "chart", dataset: { chart: key } }, h("h3", {}, titles[key][0], h("span", { class: "explain" }, " by lifecycle stage")), h("p", {}, `${titles[key][1]} · all ${n(decided)} customers`), h("div", { class: "plot" }, h("canvas", { role: "img", "aria-label": `${titles[key][0]} by lifecycle stage` }))));
    const file = (href, label, title) => h("a", { class: "btn", href: new URL(href, run.base).href, target: "_blank", title }, label);
    // Errors by code and path (`$.events[N].at`), warnings by kind (numbers taken out, as `N`).
    const eg = (x) => (x ? h("small", {}, ` · e.g. line ${x.line}${x.id ? ` (${x.id})` : ""}: ${x.path && x.text.endsWith(` at ${x.path}`) ? x.text.slice(0, -x.path.length - 4) : x.text}`) : "");
    const issues = [
      ...s.errors.map((k) => h("li", { class: "error" }, h("b", {}, n(k.count)), ` ${k.count === 1 ? "line" : "lines"} `, h("code", {}, k.code), " at ", h("code", {}, k.kind), eg(k.examples[0]))),
      ...s.warnings.map((k) => h("li", {}, h("b", {}, n(k.count)), ` ${k.count === 1 ? "customer" : "customers"}: `, k.kind.replace(/^N /, "").replace(/\bN\b/g, "n"), eg(k.examples[0]))),
    ];
    const r = s.run;
    e.overview.replaceChildren(
      h("div", { class: "ov-head" },
        h("div", {}, h("h2", {}, "Campaign overview"),
          h("p", {}, `${s.campaign.id} · ${n(s.counts.customers)} customers personalized by the campaign CLI at ${s.campaign.now} · send ${s.campaign.sendId} · ${r.threads} threads, ${n(r.customersPerSecond)} customers/s`)),
        h("div", { class: "files-links" },
          file("decisions.jsonl", "decisions.jsonl", "Every customer's decision, one JSON line each"),
          file("summary.json", "summary.json", "The counts behind this page"),
          file("index.html", "Static summary", "The same counts as a page without scripts"))),
      h("div", { class: "kpis" },
        kpi(n(s.counts.customers), "customers in the run", "customers"),
        kpi(n(s.counts.emailsWritten), s.run.noEmails ? "emails written (decisions only)" : "emails written", "emails"),
        kpi(n(s.angles.length), "angles used", "angles"),
        kpi(n(heroes), "distinct hero products", "heroes"),
        kpi(pct((decided - noOffer) / Math.max(decided, 1)), "get an offer", "offers"),
        kpi(n(s.counts.errors), s.counts.errors === 1 ? "line with an error" : "lines with errors", "errors")),
      h("div", { class: "stagebar", "aria-label": "Customers by lifecycle stage" }, stageLine.map(([st, c]) =>
        h("span", { class: `lc-${st}`, style: `flex:${c}`, title: `${STAGE_LABEL[st]}: ${n(c)} (${pct(c / Math.max(decided, 1))})` }, h("b", {}, STAGE_LABEL[st]), ` ${n(c)} · ${pct(c / Math.max(decided, 1))}`))),
      h("div", { class: "charts" }, chartEls),
      issues.length ? h("details", { class: "card issues", open: s.counts.errors > 0 }, h("summary", {}, h("span", {}, "Warnings and errors ", h("small", { class: "explain" }, `${n(s.counts.withWarnings)} customers with warnings · ${n(s.counts.errors)} lines with errors (in decisions.jsonl, with their line)`)), ""), h("ul", {}, issues)) : "",
      h("div", { class: "sample-note" }, h("b", {}, `${n(run.rows.length)} sampled customers`), ` below: ${run.sample.rule}. Click one to see the email the run wrote for them and why; the figures and charts above count all ${n(s.counts.customers)}.`),
      (e.tableWrap = h("div", { class: "tablewrap" })));
    const t0 = first?.t0;
    import("./mailfit-preview/charts.js").then(({ stackedChart }) => {
      specs.forEach(({ key, tallies, rest, pick }, i) => {
        this.#charts.push(stackedChart(chartEls[i].querySelector("canvas"), {
          tallies, rest, stages: STAGES, stageLabels: STAGE_LABEL, top: 8,
          onPick: (stage, category) => { this.#table.pick = { key, stage, category, pick }; this.#paintTable(); e.tableWrap.scrollIntoView({ behavior: "smooth", block: "start" }); },
        }));
      });
      e.overview.dataset.charts = String(this.#charts.length);
      if (first) requestAnimationFrame(() => this.#ready(t0, 0));
    }).catch((err) => {
      for (const el of chartEls) el.querySelector(".plot").replaceChildren(h("div", { class: "explain" }, `Charts unavailable: ${err.message}`));
      if (first) this.#ready(t0, 0);
    });
    this.#paintTable();
  }

  #paintTable() {
    const e = this.#els;
    const tb = this.#table;
    const cols = [["customer", "Customer"], ["lifecycle", "Lifecycle"], ["angle", "Angle"], ["product", "Product"], ["offer", "Offer"], ["subject", "Subject"], ["copySource", "Copy source"]];
    const sortKey = (r) => (tb.sort === "customer" ? r.id : tb.sort === "lifecycle" ? STAGES.indexOf(r.lifecycle) : String(r[tb.sort] ?? ""));
    const q = tb.filter.trim().toLowerCase();
    let rows = [...this.#results.values()];
    if (tb.pick) rows = rows.filter((r) => r.lifecycle === tb.pick.stage && (tb.pick.category === "other" ? true : tb.pick.pick(r) === tb.pick.category));
    if (q) rows = rows.filter((r) => `${r.id} ${r.name} ${r.persona} ${r.lifecycle} ${r.angle} ${r.product} ${r.offer} ${r.subject}`.toLowerCase().includes(q));
    rows.sort((a, b) => { const x = sortKey(a), y = sortKey(b); return (x < y ? -1 : x > y ? 1 : 0) * tb.dir; });
    const head = h("tr", {}, h("th", { style: "width:28px" }, ""), cols.map(([k, label]) => h("th", { "aria-sort": tb.sort === k ? (tb.dir > 0 ? "ascending" : "descending") : null, onclick: () => { tb.dir = tb.sort === k ? -tb.dir : 1; tb.sort = k; this.#paintTable(); } }, label)));
    const body = rows.map((r) => h("tr", { dataset: { id: r.id }, onclick: (ev) => { if (ev.target.type !== "checkbox") { this.select(r.id); this.view = "preview"; } } },
      h("td", {}, h("input", { type: "checkbox", "aria-label": `Compare ${r.name}`, checked: tb.checked.has(r.id), onchange: (ev) => { ev.target.checked ? tb.checked.add(r.id) : tb.checked.delete(r.id); if (tb.checked.size > 2) { tb.checked.delete(tb.checked.values().next().value); this.#paintTable(); } this.#updateCompareButton(); } })),
      h("td", {}, h("b", {}, r.name), " ", h("small", {}, r.id)),
      h("td", {}, lcBadge(r.lifecycle)),
      h("td", {}, ANGLE_LABEL(r.angle)),
      h("td", { class: "product", title: r.product }, r.product),
      h("td", {}, r.offer === "none" ? h("span", { class: "pill none" }, "none") : h("span", { class: "pill offer" }, r.offer)),
      h("td", { class: "subject", title: `${r.subject} — ${r.preheader}` }, r.subject),
      h("td", {}, r.copySource)));
    e.compareBtn = h("button", { class: "btn primary small", onclick: () => { const [a, b] = [...tb.checked]; this.#compare = [a, b]; this.view = "compare"; } }, "Compare");
    e.tableWrap.replaceChildren(
      h("div", { class: "tablebar" },
        (e.tableFilter = h("input", { type: "search", placeholder: "Filter customers, angles, products, subjects", value: tb.filter, oninput: (ev) => { tb.filter = ev.target.value; this.#filterSoon(); } })),
        tb.pick ? h("span", { class: "filter" }, `${STAGE_LABEL[tb.pick.stage]} · ${tb.pick.category} `, h("button", { class: "btn small", onclick: () => { tb.pick = null; this.#paintTable(); } }, "Clear")) : "",
        h("span", { class: "spacer" }),
        h("span", { class: "explain" }, `${rows.length} of ${this.#results.size}${this.#run ? " sampled" : ""}`),
        e.compareBtn),
      h("table", { class: "variants" }, h("thead", {}, head), h("tbody", {}, body)));
    this.#updateCompareButton();
    const input = e.tableFilter;
    if (this.#root.activeElement === input) input.setSelectionRange(input.value.length, input.value.length);
  }

  #filterSoon = debounce(() => { this.#paintTable(); this.#els.tableFilter.focus(); }, 150);

  #updateCompareButton() {
    const n = this.#table.checked.size;
    this.#els.compareBtn.disabled = n !== 2;
    this.#els.compareBtn.textContent = n === 2 ? "Compare 2 customers" : `Tick 2 to compare (${n})`;
  }

  #exportCsv() {
    const cols = ["id", "name", "lifecycle", "angle", "product", "offer", "subject", "preheader", "copySource"];
    const q = (v) => `"${String(v ?? "").replace(/"/g, '""')}"`;
    const csv = [cols.join(","), ...[...this.#results.values()].map((r) => cols.map((c) => q(r[c])).join(","))].join("\n");
    const a = h("a", { href: URL.createObjectURL(new Blob([csv], { type: "text/csv" })), download: `${this.#data.campaign?.id ?? "campaign"}-variants.csv` });
    a.click();
  }

  // ----- compare -----
  async #paintCompare() {
    const e = this.#els;
    const ids = this.#data.customers.map((c) => String(c.id));
    if (!this.#compare[0]) this.#compare[0] = this.#selected ?? ids[0];
    if (!this.#compare[1]) this.#compare[1] = ids.find((id) => id !== this.#compare[0] && this.#results.get(id)?.angle !== this.#results.get(this.#compare[0])?.angle) ?? ids[1];
    const picker = (i) => h("select", { "aria-label": `Customer ${i + 1}`, onchange: (ev) => { this.#compare[i] = ev.target.value; this.#paintCompare(); } },
      this.#data.customers.map((c) => h("option", { value: String(c.id), selected: String(c.id) === this.#compare[i] }, `${customerName(c)} · ${c.id}${customerPersona(c) ? ` · ${customerPersona(c)}` : ""}`)));
    const outs = this.#run
      ? await Promise.all(this.#compare.map((id) => this.#run.result(id).catch((err) => ({ error: err }))))
      : this.#compare.map((id) => { try { return this.#engine.render(this.#byId.get(id), { now: this.now }); } catch (err) { return { error: err }; } });
    if (this.#run && this.view !== "compare") return;
    const facts = (out) => {
      if (out.error) return [["Error", out.error.message]];
      const p = out.profile, d = out.decision;
      return [
        ["Lifecycle", STAGE_LABEL[p.lifecycle] ?? p.lifecycle],
        ["Churn risk", pct(p.churn.churnRisk)],
        ["Likes", p.facetAffinities.slice(0, 2).map((a) => a.label ?? a.key).join(", ") || "—"],
        ["Angle", ANGLE_LABEL(d.angle)],
        ["Hero", d.productId ? this.#titles.get(d.productId) ?? d.productId : "—"],
        ["Offer", offerText(d) ?? "none"],
        ["Subject", out.subject],
      ];
    };
    const all = outs.map(facts);
    const brand = this.#data.campaign?.brand?.name ?? "Your brand";
    const cols = outs.map((out, i) => {
      const c = this.#byId.get(this.#compare[i]);
      const frame = h("iframe", { title: `Email for ${customerName(c)}`, sandbox: "allow-same-origin allow-popups allow-popups-to-escape-sandbox" });
      if (!out.error && out.html != null) this.#paintFrame(frame, out.html);
      return h("div", { class: "cmp-col", dataset: { id: this.#compare[i] } },
        h("div", { class: "card" }, h("header", {}, h("span", { style: "display:flex;gap:10px;align-items:center" }, avatar(customerName(c), c.id), h("span", {}, customerName(c), " ", h("small", { class: "explain" }, c.id))), h("button", { class: "btn small", onclick: () => { this.select(String(c.id)); this.view = "preview"; } }, "Open")),
          h("div", { class: "content" }, h("dl", { class: "facts" }, all[i].flatMap(([k, v], j) => [h("dt", {}, k), h("dd", { class: all[1 - i]?.[j]?.[1] !== v ? "diff" : null }, v)])))),
        out.error ? "" : h("div", { class: "device" },
          h("div", { class: "inbox" }, avatar(brand, brand), h("div", { class: "lines" }, h("div", { class: "row1" }, h("span", { class: "sender" }, brand)), h("div", { class: "msg" }, h("span", { class: "subject" }, out.subject), h("span", { class: "snippet" }, out.preheader))))),
        out.error || out.html == null ? "" : h("div", { class: "frame" }, frame));
    });
    e.compare.replaceChildren(
      h("div", { class: "cmp-head" }, h("h2", { style: "font-size:18px;margin-right:8px" }, "Compare"), picker(0),
        h("button", { class: "iconbtn", title: "Swap", onclick: () => { this.#compare.reverse(); this.#paintCompare(); } }, "⇄"), picker(1),
        h("span", { class: "explain" }, "Highlighted: where the two differ")),
      h("div", { class: "cmp-grid" }, cols));
  }

  // ----- header and data dialog -----
  #fillHeader() {
    if (this.#run) {
      const s = this.#run.summary;
      this.#els.campaignLine.replaceChildren(
        h("b", {}, s.campaign.brand ?? "Campaign"), ` · ${s.campaign.id}`, h("br"),
        `${s.counts.customers.toLocaleString("en-US")} customers · ${s.catalog.products.toLocaleString("en-US")} products · campaign CLI run · engine ${s.mailfit}`);
      return;
    }
    const info = this.#mod.buildInfo?.() ?? {};
    const camp = this.#data.campaign ?? {};
    const cat = this.#data.catalogInfo;
    this.#els.campaignLine.replaceChildren(
      h("b", {}, camp.brand?.name ?? "Campaign"), ` · ${camp.id ?? ""}`, h("br"),
      `${this.#data.customers.length} customers · ${cat?.products ?? this.#data.catalog?.length ?? 0} products · engine ${info.version ?? ""}`);
  }

  #openData() {
    const d = this.#els.dialog;
    const cat = this.#data.catalogInfo;
    const result = (el, ok, text) => { el.className = `result ${ok ? "ok" : "bad"}`; el.textContent = text; };
    const catResult = h("div", { class: "result" }, cat ? `Loaded: ${cat.products} products (${FEED_LABEL[cat.format] ?? cat.format} feed${cat.name ? `, ${cat.name}` : ""})${cat.warnings.length ? ` · ${plural(cat.warnings.length, "warning")}` : ""}` : "");
    const custResult = h("div", { class: "result" }, `Loaded: ${this.#data.customers.length} customers`);
    const applyCatalog = (feed, name) => {
      try {
        const products = this.#parseCatalog(feed, "loaded", name);
        const before = this.#data.catalog;
        this.#setCatalog(products);
        if (!this.#buildEngine()) { this.#setCatalog(before); this.#buildEngine(); throw new Error(this.#errors.values().next().value?.message ?? "catalog rejected"); }
        const info = this.#data.catalogInfo;
        result(catResult, true, `Loaded ${info.products} products (${FEED_LABEL[info.format] ?? info.format} feed${name ? `, ${name}` : ""})${info.warnings.length ? ` · ${plural(info.warnings.length, "warning")}: ${info.warnings.slice(0, 3).join("; ")}` : ""}`);
        this.#afterDataChange();
      } catch (e) {
        const where = e.path && !e.message.includes(e.path) ? ` (at ${e.path})` : "";
        result(catResult, false, `Could not read ${name ?? "the feed"}: ${e.message}${where}${e.code ? ` [${e.code}]` : ""}. The ${this.#data.catalog?.length ?? 0} products loaded before stay.`);
      }
    };
    const applyCustomers = (text, name) => {
      try {
        const list = parseCustomers(text);
        if (!list.length) throw new Error("no customers found");
        this.#data.customers = list;
        this.#byId = new Map(list.map((c) => [String(c.id), c]));
        this.#selected = String(list[0].id);
        result(custResult, true, `Loaded ${list.length} customers`);
        this.#afterDataChange();
      } catch (e) { result(custResult, false, `Could not read ${name ?? "the pasted customers"}: ${e.message}. The ${this.#data.customers.length} customers loaded before stay.`); }
    };
    const catUrl = h("input", { type: "url", placeholder: "https://…/feed.xml, .tsv, .csv or .json" });
    const paste = h("textarea", { placeholder: '[{"id":"C1","attributes":{"first_name":"Ada"},"events":[…]}]  or one JSON object per line' });
    const now = h("input", { type: "text", value: this.now, "aria-label": "Render time" });
    d.replaceChildren(
      h("header", {}, h("h2", {}, "Data"), h("button", { class: "iconbtn", title: "Close", onclick: () => d.close() }, "✕")),
      h("div", { class: "sections" },
        h("section", {}, h("h3", {}, "Catalog"),
          h("div", { class: "hint" }, "A Merchant Center XML, TSV or CSV feed, a Content API or Shopify products JSON, or a catalog JSON array."),
          h("div", { class: "row" }, h("input", { type: "file", accept: ".xml,.tsv,.txt,.csv,.json", onchange: async (ev) => { const f = ev.target.files[0]; if (f) applyCatalog(new Uint8Array(await f.arrayBuffer()), f.name); } })),
          h("div", { class: "row" }, catUrl, h("button", { class: "btn", onclick: async () => { try { const r = await fetch(catUrl.value); if (!r.ok) throw new Error(`HTTP ${r.status}`); applyCatalog(new Uint8Array(await r.arrayBuffer()), catUrl.value); } catch (e) { result(catResult, false, e.message); } } }, "Load URL")),
          catResult),
        h("section", {}, h("h3", {}, "Customers"),
          h("div", { class: "hint" }, "JSON (an array) or JSON Lines (one customer per line), in any event format the engine reads."),
          h("div", { class: "row" }, h("input", { type: "file", accept: ".json,.jsonl,.ndjson,.txt", onchange: async (ev) => { const f = ev.target.files[0]; if (f) applyCustomers(await f.text(), f.name); } })),
          paste,
          h("div", { class: "row" }, h("button", { class: "btn", onclick: () => applyCustomers(paste.value) }, "Use pasted customers"), h("button", { class: "btn", onclick: () => { this.#provided = {}; d.close(); this.#load(); } }, "Reset to sample data")),
          custResult),
        h("section", {}, h("h3", {}, "Render time"),
          h("div", { class: "hint" }, "The moment the email is sent: recency, lifecycle and churn are computed as of it."),
          h("div", { class: "row" }, now, h("button", { class: "btn", onclick: () => { this.now = now.value; } }, "Apply"))),
        h("section", {}, h("h3", {}, "Templates and campaign"),
          h("div", { class: "hint" }, "Edit them in the Editor tab; changes apply live."))));
    d.showModal();
  }

  #afterDataChange() {
    this.#invalidate();
    this.#fillHeader();
    this.#fillList();
    this.#markList();
    this.#render();
    this.#startPass();
  }

  // ----- skeleton -----
  #skeleton() {
    const e = this.#els;
    const seg = (name, options) => h("div", { class: "seg", role: "group", dataset: { control: name } }, options.map(([value, label, title]) =>
      h("button", { "aria-pressed": String(this.#ui[name] === value), dataset: { value }, title, onclick: (ev) => {
        this.#ui[name] = value;
        for (const b of ev.currentTarget.parentElement.children) b.setAttribute("aria-pressed", String(b.dataset.value === value));
        this.#applyStageMode();
      } }, label)));
    e.tabs = h("nav", { class: "tabs", role: "tablist" }, [["preview", "Preview"], ["editor", "Editor"], ["overview", "Overview"], ["compare", "Compare"]].map(([v, label]) =>
      h("button", { role: "tab", dataset: { view: v }, "aria-selected": String(this.view === v), onclick: () => { this.view = v; } }, label)));
    e.campaignLine = h("div", { class: "campaign" });
    // (an event's target is read at once: after dispatch it is null for nodes in a shadow tree)
    const search = debounce(() => this.#fillList(), 80);
    e.search = h("input", { type: "search", placeholder: "Search name, id, persona, lifecycle", "aria-label": "Search customers", oninput: (ev) => { this.#ui.query = ev.target.value; search(); } });
    e.chips = h("div", { class: "chips" });
    e.people = h("ul", { class: "people", role: "listbox", "aria-label": "Customers", tabindex: "0",
      onclick: (ev) => { const li = ev.target.closest("li"); if (li) this.select(li.dataset.id); },
      onkeydown: (ev) => { if (ev.key === "ArrowDown" || ev.key === "ArrowUp") { ev.preventDefault(); this.#step(ev.key === "ArrowDown" ? 1 : -1); } } });
    e.count = h("div", { class: "count" });
    e.curAvatar = avatar("", "");
    e.curName = h("b");
    e.curId = h("small");
    e.inboxAvatar = avatar("", "");
    e.sender = h("span", { class: "sender" });
    e.time = h("time");
    e.subject = h("span", { class: "subject" });
    e.snippet = h("span", { class: "snippet" });
    e.frame = h("iframe", { title: "Email preview", sandbox: "allow-same-origin allow-popups allow-popups-to-escape-sandbox" });
    e.text = h("pre", { hidden: true });
    e.stale = h("div", { class: "stale", hidden: true, role: "alert" });
    e.renderinfo = h("div", { class: "renderinfo" });
    e.device = h("div", { class: "device" },
      h("div", { class: "inbox", dataset: { part: "inbox" } }, e.inboxAvatar, h("div", { class: "lines" }, h("div", { class: "row1" }, e.sender, e.time), h("div", { class: "msg" }, e.subject, e.snippet))));
    e.frameBox = h("div", { class: "frame" }, e.frame, e.text);
    e.device.append(h("div", { style: "height:14px" }), e.frameBox);
    e.canvas = h("div", { class: "canvas" }, e.stale, e.device, e.renderinfo);
    e.insight = h("aside", { class: "insight area", "aria-label": "Profile and decision" });
    e.files = h("div", { class: "files", role: "tablist" });
    e.cm = h("div", { class: "cm-host" });
    e.statusText = h("span", {}, "Loading the editor…");
    e.status = h("div", { class: "status", role: "status" }, e.statusText, h("span", { class: "spacer" }),
      h("button", { class: "btn small", onclick: () => this.#resetFile(), title: "Restore this file's original text (undoable)" }, "Reset file"),
      h("button", { class: "btn small", onclick: () => { this.#ui.tree = !this.#ui.tree; e.workspace.classList.toggle("notree", !this.#ui.tree); } }, "Template data"));
    e.nodes = h("div", { class: "nodes" });
    e.workspace = h("div", { class: "workspace" },
      h("div", { class: "code" }, e.cm, e.status),
      h("div", { class: "tree", "aria-label": "Template data" }, h("header", {}, h("span", {}, "Template data ", h("small", {}, "click a value to insert it")), h("button", { class: "iconbtn", title: "Hide", onclick: () => { this.#ui.tree = false; e.workspace.classList.add("notree"); } }, "✕")), e.nodes));
    e.overview = h("section", { class: "overview area", "aria-label": "Campaign overview" });
    e.compare = h("section", { class: "compare area", "aria-label": "Compare customers" });
    e.dialog = h("dialog", { "aria-label": "Data" });
    e.toast = h("div", { class: "toast", hidden: true, role: "status" });
    this.#root.replaceChildren(h("div", { class: "app" },
      h("header", { class: "top" },
        h("div", { class: "logo" }, h("i", {}, "m"), "mailfit", h("span", {}, "preview")),
        e.tabs, e.campaignLine,
        h("button", { class: "btn data", onclick: () => this.#openData() }, "Data…")),
      h("div", { class: "body" },
        h("aside", { class: "list area", "aria-label": "Customers" }, h("div", { class: "search" }, e.search), e.chips, e.people, e.count),
        h("section", { class: "editor area", "aria-label": "Template editor" }, e.files, e.workspace),
        h("section", { class: "stage area", "aria-label": "Email preview" },
          h("div", { class: "toolbar" },
            h("div", { class: "current" }, h("button", { class: "iconbtn", title: "Previous customer", onclick: () => this.#step(-1) }, "‹"), e.curAvatar, h("span", {}, e.curName, " ", e.curId), h("button", { class: "iconbtn", title: "Next customer", onclick: () => this.#step(1) }, "›")),
            seg("device", [["desktop", "Desktop", "720 px wide"], ["mobile", "Mobile", "375 px wide"]]),
            seg("theme", [["light", "Light"], ["dark", "Dark", "The email's own dark styles (prefers-color-scheme: dark), as Apple Mail applies them"], ["forced", "Forced dark", "Colours inverted whatever the email asks, as the Gmail and Outlook apps do (CSS filter simulation)"]]),
            seg("format", [["html", "HTML"], ["text", "Text"]])),
          e.canvas),
        e.insight, e.overview, e.compare),
      e.dialog, e.toast));
    this.#applyStageMode(false);
  }

  #applyStageMode(rerender = true) {
    const e = this.#els;
    const { device, theme, format } = this.#ui;
    e.device.classList.toggle("mobile", device === "mobile");
    e.stale.style.width = device === "mobile" ? "395px" : "";
    e.canvas.classList.toggle("dark", theme !== "light");
    e.frame.hidden = format !== "html";
    e.text.hidden = format !== "text";
    this.dataset.device = device;
    this.dataset.theme = theme;
    this.dataset.format = format;
    if (rerender && this.#last) this.#paintCurrent(this.#byId.get(this.#selected), this.#last, this.#lastMs);
  }
}

if (!customElements.get("mailfit-preview")) customElements.define("mailfit-preview", MailfitPreview);
