// Writes a benchmark run into README (between the `bench:begin` and `bench:end` markers) and
// plots per-recipient time against catalog size and history length as an SVG (vega-lite,
// rendered headless by vega: no browser, no hand-drawn chart).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import * as vega from "vega";
import { compile } from "vega-lite";

const BEGIN = "<!-- bench:begin (written by scripts/dev bench) -->";
const END = "<!-- bench:end -->";

/** The points of the plot: render medians by catalog size (50 events) and by events (2,000 products). */
function points(rows) {
  const out = [];
  for (const r of rows) {
    const m = /^render\.(object|jsonText)\.(\d+)p\.(\d+)ev$/.exec(r.id ?? "");
    if (!m || typeof r.median !== "number") continue;
    const [, mode, products, events] = m;
    const input = mode === "object" ? "JS object in" : "JSON text in";
    if (events === "50") out.push({ panel: "by catalog size (50 events)", x: Number(products), us: r.median, input });
    if (products === "2000") out.push({ panel: "by events per customer (2,000 products)", x: Number(events), us: r.median, input });
  }
  return out;
}

async function plot(rows) {
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    data: { values: points(rows) },
    facet: { column: { field: "panel", type: "nominal", title: null } },
    spec: {
      width: 300,
      height: 200,
      mark: { type: "line", point: true },
      encoding: {
        x: { field: "x", type: "quantitative", scale: { type: "log" }, title: "products / events" },
        y: { field: "us", type: "quantitative", scale: { type: "log" }, title: "per recipient, median (µs)" },
        color: { field: "input", type: "nominal", title: null },
      },
    },
    resolve: { scale: { x: "independent" } },
    title: "mailfit in Node: render() per recipient",
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  return view.toSVG();
}

/** Replaces the README block with this run's header, table and plot. */
export async function writeReadme(readmePath, svgPath, { header, table, rows }) {
  const readme = readFileSync(readmePath, "utf8");
  const from = readme.indexOf(BEGIN);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README has no ${BEGIN} ... ${END} block`);
  mkdirSync(dirname(svgPath), { recursive: true });
  writeFileSync(svgPath, await plot(rows));
  const link = relative(dirname(readmePath), svgPath);
  const block = [BEGIN, ...header.slice(2), "", table, "", `![per-recipient time by catalog size and events](${link})`, END].join("\n");
  writeFileSync(readmePath, readme.slice(0, from) + block + readme.slice(to + END.length));
}
