// Campaign overview charts of <mailfit-preview>: Chart.js 4 (vendored into ../vendor/), one
// stacked bar chart per dimension, a bar per lifecycle stage. Loaded on first use.
import { Chart, registerables } from "../vendor/chart.js.js";

Chart.register(...registerables);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
Chart.defaults.font.size = 12;
Chart.defaults.color = "#56605c";

export const PALETTE = ["#1f6f5c", "#e0a43a", "#4c78a8", "#d1603d", "#8a6fb0", "#57a58a", "#c85a86", "#7d8c3a", "#3f9bbf", "#a0826d", "#b7bdb9"];

/**
 * A horizontal stacked bar chart: one bar per stage, one segment per category.
 * `rows` are [stage, category] pairs, or `tallies` the counts already made (category ->
 * { stage: count }, e.g. a campaign run's summary); categories beyond `top`, and those in `rest`
 * (already a remainder, e.g. "(252 other products)"), fold into "other".
 * `onPick(stage, category)` fires on a click on a segment.
 */
export function stackedChart(canvas, { rows, tallies, rest = [], stages, stageLabels, top = 8, onPick }) {
  const table = new Map(); // category -> { stage: count }, in order of first appearance
  if (tallies) {
    for (const [cat, by] of tallies) {
      const t = table.get(cat) ?? {};
      for (const [stage, n] of Object.entries(by)) t[stage] = (t[stage] ?? 0) + n;
      table.set(cat, t);
    }
  } else {
    for (const [stage, cat] of rows) {
      const t = table.get(cat) ?? {};
      t[stage] = (t[stage] ?? 0) + 1;
      table.set(cat, t);
    }
  }
  const sum = (t) => Object.values(t).reduce((a, b) => a + b, 0);
  const folded = new Set(rest);
  const ranked = [...table].filter(([c]) => !folded.has(c)).map(([c, t]) => [c, sum(t)]).sort((a, b) => b[1] - a[1]).map(([c]) => c);
  const kept = new Set(ranked.slice(0, top));
  const categories = ranked.filter((c) => kept.has(c));
  if (ranked.length > top || [...folded].some((c) => table.has(c))) categories.push("other");
  const stageTotal = (s) => [...table.values()].reduce((a, t) => a + (t[s] ?? 0), 0);
  const present = stages.filter((s) => stageTotal(s) > 0);
  const count = (stage, cat) => (cat === "other"
    ? [...table].filter(([c]) => !kept.has(c)).reduce((a, [, t]) => a + (t[stage] ?? 0), 0)
    : table.get(cat)?.[stage] ?? 0);
  const datasets = categories.map((cat, i) => ({
    label: cat,
    data: present.map((s) => count(s, cat)),
    backgroundColor: cat === "other" || /^no /.test(cat) ? "#c9ceca" : PALETTE[i % PALETTE.length],
    borderColor: "#fff",
    borderWidth: 1,
    borderSkipped: false,
    barThickness: 22,
  }));
  const totals = present.map(stageTotal);
  return new Chart(canvas, {
    type: "bar",
    data: { labels: present.map((s) => stageLabels[s] ?? s), datasets },
    options: {
      indexAxis: "y",
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: true, grid: { color: "#eef0ee" }, ticks: { precision: 0 }, title: { display: true, text: "customers" } },
        y: { stacked: true, grid: { display: false } },
      },
      plugins: {
        // Long names (a feed's product titles) shortened in the legend; the tooltip has them whole.
        legend: { position: "bottom", labels: { boxWidth: 10, boxHeight: 10, padding: 10, usePointStyle: false, generateLabels: (chart) => Chart.defaults.plugins.legend.labels.generateLabels(chart).map((l) => ({ ...l, text: l.text.length > 32 ? `${l.text.slice(0, 31).trimEnd()}…` : l.text })) } },
        tooltip: { callbacks: { footer: (items) => `${items[0].raw.toLocaleString("en-US")} of ${totals[items[0].dataIndex].toLocaleString("en-US")} customers in this stage` } },
      },
      onClick: (_, elements) => {
        const el = elements[0];
        if (el && onPick) onPick(present[el.index], categories[el.datasetIndex]);
      },
      // (not the event's target: Chart.js reads events after dispatch, when a shadow tree's is null)
      onHover: (e, elements, chart) => { chart.canvas.style.cursor = elements.length ? "pointer" : "default"; },
    },
  });
}
