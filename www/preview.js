// The marketer's preview: pick a customer, see their profile, the decision and why, and the
// rendered email; plus an overview of the campaign's variants. Runs the same wasm module as
// the ESP, in the browser.
import init, { Personalizer, buildInfo } from "../pkg/mailfit.js";

const $ = (id) => document.getElementById(id);
const fetchJson = async (path) => (await fetch(path)).json();

function row(list, label, value) {
  const dt = document.createElement("dt");
  dt.textContent = label;
  const dd = document.createElement("dd");
  dd.textContent = value;
  list.append(dt, dd);
}

const pct = (x) => `${Math.round(x * 100)}%`;
const days = (x) => (x == null ? "never" : `${Math.round(x)} days ago`);

async function main() {
  await init();
  const [catalog, customers, campaign] = await Promise.all([
    fetchJson("../samples/catalog.json"),
    fetchJson("../samples/customers.json"),
    fetchJson("../samples/campaign.json"),
  ]);
  const info = buildInfo();
  $("build").textContent = `engine ${info.version} (${info.gitSha})`;
  const engine = new Personalizer({ catalog, campaign });
  const titles = new Map(catalog.map((p) => [p.id, p.title]));
  $("now").value = campaign.now;

  for (const c of customers) {
    const option = document.createElement("option");
    option.value = c.id;
    option.textContent = `${c.id} ${c.attributes?.first_name ?? ""} (${c.attributes?.sample_persona ?? "customer"})`;
    $("customer").append(option);
  }

  const overview = new Map();
  for (const c of customers) {
    const { decision } = engine.decide(c, { now: campaign.now });
    const entry = overview.get(decision.angle) ?? { n: 0, offers: 0 };
    entry.n += 1;
    entry.offers += decision.offer.offer ? 1 : 0;
    overview.set(decision.angle, entry);
  }
  for (const [angle, { n, offers }] of [...overview].sort((a, b) => b[1].n - a[1].n)) {
    const tr = document.createElement("tr");
    for (const text of [angle, n, offers]) {
      const td = document.createElement("td");
      td.textContent = String(text);
      tr.append(td);
    }
    $("overview").tBodies[0].append(tr);
  }

  function show() {
    const customer = customers.find((c) => c.id === $("customer").value);
    let out;
    try {
      out = engine.render(customer, { now: $("now").value });
      $("status").textContent = out.warnings.length ? `Warnings: ${out.warnings.join("; ")}` : "Rendered.";
    } catch (e) {
      $("status").textContent = `${e.code} at ${e.path}: ${e.message}`;
      return;
    }
    const { profile: p, decision: d } = out;
    $("profile").replaceChildren();
    row($("profile"), "Lifecycle", p.lifecycle);
    row($("profile"), "Last purchase", days(p.rfm.daysSinceLastPurchase));
    row($("profile"), "Orders", `${p.rfm.orders} (${p.rfm.storeOrders} in store)`);
    row($("profile"), "Top tags", p.tagAffinities.slice(0, 3).map((a) => `${a.key} ${pct(a.score)}`).join(", ") || "none");
    row($("profile"), "Novelty / sets / discount", [p.style.novelty, p.style.setBuying, p.style.discountSensitivity].map(pct).join(" / "));
    row($("profile"), "Churn risk", `${pct(p.churn.churnRisk)} (${p.churn.model})`);
    $("decision").replaceChildren();
    row($("decision"), "Angle", d.angle);
    row($("decision"), "Product", titles.get(d.productId) ?? "none");
    row($("decision"), "Alternates", d.alternates.map((id) => titles.get(id)).join(", "));
    row($("decision"), "Offer", d.offer.offer ? `${d.offer.offer.type} ${d.offer.offer.code}` : d.offer.positioning);
    $("reasons").replaceChildren(...[...p.reasons, ...d.reasons].map((r) => Object.assign(document.createElement("li"), { textContent: r })));
    $("subject").textContent = out.subject;
    $("preheader").textContent = out.preheader;
    $("text").textContent = out.text;
    // Marked rendered once the email frame has loaded, so automation reads a finished page.
    delete document.body.dataset.rendered;
    $("html").onload = () => { document.body.dataset.rendered = customer.id; };
    $("html").srcdoc = out.html;
  }
  $("customer").addEventListener("change", show);
  $("now").addEventListener("change", show);
  show();
}

main().catch((e) => { $("status").textContent = `Failed: ${e.message}`; });
