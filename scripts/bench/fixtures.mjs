// Liquid parse + render against LiquidJS on golden-liquid's benchmark fixtures
// (crates/mailfit-liquid/tests/golden-liquid/benchmark_fixtures, MIT: each a folder with templates/index.liquid, the
// partials it includes or renders under the names it uses, data.json and the expected output)
// and on the bench's page.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./data.mjs";
import { createLiquid } from "./liquidjs.mjs";
import { NOT_IN_BUILD, describeError } from "./mailfit.mjs";
import { measureSideBySide } from "./measure.mjs";
import { fmt } from "./report.mjs";

export const FIXTURES = join(ROOT, "crates/mailfit-liquid/tests/golden-liquid/benchmark_fixtures");

/** Every fixture as `{ id, source, partials, data }`, sorted by id; none if the folder is absent. */
export function goldenFixtures() {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES)
    .sort()
    .filter((id) => existsSync(join(FIXTURES, id, "templates/index.liquid")))
    .map((id) => {
      const dir = join(FIXTURES, id, "templates");
      const templates = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
      const { "index.liquid": source, ...partials } = templates;
      const data = JSON.parse(readFileSync(join(FIXTURES, id, "data.json"), "utf8"));
      return { id, source, partials, data };
    });
}

/**
 * Item 14: per fixture both engines render alike, and for the page, four figures timed side by
 * side (in turns of 25 ms, measureSideBySide): our parse + render (compileTemplate, render, free: no
 * parse cache) against LiquidJS's parseAndRenderSync (which, without `cache`, parses each partial
 * per call too), and our compiled render against LiquidJS's renderSync of a parsed template
 * (partials cached). Reported as two rows per template with the ratios, and the worst ratio of
 * each kind against the floors (parse + render <= 1x LiquidJS's, compiled render <= 0.5x).
 */
export function liquidVsLiquidJS(report, mailfit, { timing, page }) {
  const WORST = "liquid.parseRender.worst";
  if (typeof mailfit.compileTemplate !== "function") {
    report.value(14, WORST, "Liquid parse + render vs LiquidJS", null, "", NOT_IN_BUILD);
    return;
  }
  const cases = goldenFixtures().map((f) => ({ ...f, label: `golden-liquid fixture ${f.id}` }));
  cases.push({ id: "page", label: "page", source: page.source, partials: {}, data: page.data });
  const sideTiming = { ...timing, warmupMs: Math.max(timing.warmupMs, 300) };
  const worst = { parseRender: null, render: null };
  for (const c of cases) {
    const options = { partials: c.partials };
    const liquid = createLiquid({ templates: c.partials, relativeReference: false });
    const cached = createLiquid({ templates: c.partials, relativeReference: false, cache: true });
    const parseRender = () => {
      const template = mailfit.compileTemplate(c.source, options);
      try {
        return template.render(c.data);
      } finally {
        template.free();
      }
    };
    const what = `${c.label} (${fmt(Buffer.byteLength(c.source) / 1024)} KB)`;
    const id = `liquid.${c.id}`;
    let mine, theirs;
    try {
      mine = parseRender();
      theirs = liquid.parseAndRenderSync(c.source, c.data);
    } catch (e) {
      report.value(14, `${id}.parseRender`, `${what}: parse + render`, null, "", `not usable by both engines: ${describeError(e)}`);
      continue;
    }
    if (mine !== theirs) {
      report.value(14, `${id}.parseRender`, `${what}: parse + render`, null, "", "not usable by both engines: their outputs differ");
      continue;
    }
    const compiled = mailfit.compileTemplate(c.source, options);
    const parsed = cached.parse(c.source);
    const [ours, js] = measureSideBySide([parseRender, () => liquid.parseAndRenderSync(c.source, c.data)], sideTiming);
    const [oursRender, jsRender] = measureSideBySide([() => compiled.render(c.data), () => cached.renderSync(parsed, c.data)], sideTiming);
    compiled.free();
    const ratio = ours.median / js.median;
    const renderRatio = oursRender.median / jsRender.median;
    report.timed(14, `${id}.parseRender`, `${what}: parse + render (compileTemplate, render, free)`, ours, `LiquidJS parseAndRenderSync ${fmt(js.median)} µs: ours / LiquidJS = ${fmt(ratio)}x`, { liquidjs: js });
    report.timed(14, `${id}.render`, `${what}: compiled render`, oursRender, `LiquidJS renderSync(parsed) ${fmt(jsRender.median)} µs: ours / LiquidJS = ${fmt(renderRatio)}x`, { liquidjs: jsRender });
    if (!worst.parseRender || ratio > worst.parseRender.ratio) worst.parseRender = { ratio, id: c.id };
    if (!worst.render || renderRatio > worst.render.ratio) worst.render = { ratio: renderRatio, id: c.id };
  }
  const summary = (w, floor) => (w ? `at ${w.id}; floor ${fmt(floor)}x: ${w.ratio <= floor ? "met" : "not met"}` : "no template usable by both engines");
  report.value(14, WORST, "Liquid parse + render / LiquidJS parse + render, worst of the above", worst.parseRender?.ratio ?? null, "x", summary(worst.parseRender, 1));
  report.value(14, "liquid.render.worst", "Liquid compiled render / LiquidJS render, worst of the above", worst.render?.ratio ?? null, "x", summary(worst.render, 0.5));
}
