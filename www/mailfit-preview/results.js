// Results mode of <mailfit-preview> (the `results` attribute): a run of the campaign CLI
// (crates/mailfit-cli) shown as it was written, never re-computed. The counts come from the run's
// summary.json (every customer of the run); the customers are the run's bounded sample
// (overview/customers.json: each one's decisions.jsonl line, name and persona), their profile and
// decision with reasons and scores from overview/details/<chunk>.json, and their email from the
// emails/<xx>/<id>.html and .txt files the CLI wrote. No wasm module is loaded.

const json = async (url) => {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${new URL(url).pathname}: HTTP ${r.status}${r.status === 404 ? " (is this a campaign CLI output folder?)" : ""}`);
  return r.json();
};
const text = async (url) => {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${new URL(url).pathname}: HTTP ${r.status}`);
  return r.text();
};

/** A price in minor units as the shop shows it (`$98.00`). */
export function money(minor, currency) {
  try {
    const f = new Intl.NumberFormat("en-US", { style: "currency", currency });
    return f.format(minor / 10 ** f.resolvedOptions().maximumFractionDigits);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** An offer as the charts and the table name it: its code, or "none". */
export const offerCode = (offer) => (offer ? offer.code ?? offer.type : "none");
/** The same from a summary.json `offers` key (`percentOff 15% COMEBACK15`, `none`). */
const offerKeyCode = (key) => (key === "none" ? "none" : key.split(" ").at(-1));

/** Loads a run from its output folder's URL (ending in `/`). */
export async function loadRun(base) {
  const [summary, sample] = await Promise.all([json(new URL("summary.json", base)), json(new URL("overview/customers.json", base))]);
  return new Run(base, summary, sample);
}

export class Run {
  #chunks = new Map();
  #emails = new Map();

  constructor(base, summary, sample) {
    this.base = base;
    this.summary = summary;
    this.sample = sample.sample;
    this.rows = sample.customers;
    this.byId = new Map(this.rows.map((r) => [String(r.decision.id), r]));
    const products = Object.entries(sample.products ?? {});
    this.titles = new Map(products.map(([id, p]) => [id, p.title]));
    this.prices = new Map(products.map(([id, p]) => [id, money(p.salePriceMinor ?? p.priceMinor, p.currency)]));
  }

  /** The campaign as the widget's header and inbox line read it. */
  get campaign() {
    const c = this.summary.campaign;
    return { id: c.id, now: c.now, sendId: c.sendId, currency: c.currency, brand: { name: c.brand } };
  }

  /** The sampled customers, as customer objects (id, and the name and persona the list shows). */
  get customers() {
    return this.rows.map((r) => ({ id: String(r.decision.id), attributes: { first_name: r.name ?? undefined, sample_persona: r.persona ?? undefined } }));
  }

  /** One sampled customer's variant, in the shape of the widget's overview table. */
  variant(row) {
    const d = row.decision;
    return {
      id: String(d.id),
      name: row.name ?? String(d.id),
      persona: row.persona ?? "",
      lifecycle: d.lifecycle,
      churnRisk: d.churnRisk,
      angle: d.angle,
      productId: d.product?.id ?? null,
      product: d.product?.title ?? "—",
      offer: offerCode(d.offer),
      offerType: d.offer?.type ?? "none",
      subject: d.subject,
      preheader: d.preheader,
      copySource: d.copySource,
      line: d.line,
    };
  }

  /** The email the CLI wrote for a customer: `{ path, html, text }`, or null with `--no-emails`. */
  async email(id) {
    const row = this.byId.get(id);
    const path = row?.decision.email;
    if (!path) return null;
    if (!this.#emails.has(path)) {
      const file = (ext) => text(new URL(`${path.split("/").map(encodeURIComponent).join("/")}.${ext}`, this.base));
      const p = Promise.all([file("html"), file("txt")]).then(([html, txt]) => ({
        path,
        html,
        // The .txt file starts with `Subject:` and `Preheader:` lines and a blank line.
        text: txt.replace(/^Subject: .*\nPreheader: .*\n\n/, ""),
      }));
      p.catch(() => this.#emails.delete(path));
      this.#emails.set(path, p);
      if (this.#emails.size > 24) this.#emails.delete(this.#emails.keys().next().value);
    }
    return this.#emails.get(path);
  }

  /** A customer's profile and decision as the engine returned them in the run. */
  async detail(id) {
    const row = this.byId.get(id);
    if (!row) throw new Error(`${id} is not in the sample`);
    const [chunk, index] = row.detail;
    if (!this.#chunks.has(chunk)) {
      const p = json(new URL(`overview/details/${String(chunk).padStart(4, "0")}.json`, this.base));
      p.catch(() => this.#chunks.delete(chunk));
      this.#chunks.set(chunk, p);
    }
    const detail = (await this.#chunks.get(chunk))[index];
    if (detail?.id !== id) throw new Error(`overview/details: ${id} not where its row says`);
    return detail;
  }

  /**
   * Everything the widget paints for one customer, in the shape of `engine.render`'s result:
   * subject and preheader from the decision line, HTML and text from the files, the profile and
   * decision from the details; `email` is null when the run wrote no emails.
   */
  async result(id) {
    const row = this.byId.get(id);
    const [email, detail] = await Promise.all([this.email(id), this.detail(id)]);
    return {
      subject: row.decision.subject,
      preheader: row.decision.preheader,
      html: email?.html ?? null,
      text: email?.text ?? null,
      email,
      line: row.decision.line,
      profile: detail.profile,
      decision: detail.decision,
      warnings: detail.warnings,
      copySource: detail.copySource,
    };
  }

  /**
   * The overview's charts from summary.json (the whole run): for each, the category label of a
   * summary row and of a sampled customer's variant (the same words, so a click on a segment
   * filters the sample), and `tallies`: label -> { stage: count }, rows with the same label added;
   * `rest`: labels that are already a remainder (the hero products summary.json folds together).
   */
  charts(angleLabel) {
    const s = this.summary;
    const specs = [
      ["angle", s.angles, (row) => angleLabel(row.key), (v) => angleLabel(v.angle)],
      ["product", s.heroProducts, (row) => (row.key === "(no product)" ? "—" : row.title ?? row.key), (v) => v.product],
      ["offer", s.offers, (row) => (row.key === "none" ? "no offer" : offerKeyCode(row.key)), (v) => (v.offer === "none" ? "no offer" : v.offer)],
      ["copySource", s.copySources, (row) => row.key, (v) => v.copySource],
    ];
    return specs.map(([key, rows, label, pick]) => {
      const tallies = new Map();
      for (const row of rows ?? []) {
        const t = tallies.get(label(row)) ?? {};
        for (const [stage, n] of Object.entries(row.byLifecycle ?? {})) t[stage] = (t[stage] ?? 0) + n;
        tallies.set(label(row), t);
      }
      const rest = (rows ?? []).filter((row) => /^\(\d+ other .+\)$/.test(row.key)).map(label);
      return { key, tallies, pick, rest };
    });
  }
}
