// Native per-stage figures from criterion's output (`cargo bench --bench pipeline` writes
// target/criterion/<bench>/new/estimates.json, times in ns), so one table shows the module in
// Node next to the same stages compiled natively.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** What each criterion bench measures, in the table's words. */
const NAMES = {
  "profile_200_events": "native: profile from 200 canonical events",
  "normalize+profile_200_events": "native: normalize 200 raw Segment events + profile",
  "decide_2k_products_studio": "native: decision over 2,072 products (studio customer)",
  "decide_2k_products_browser": "native: decision over 2,072 products (never purchased)",
  "render_only_default_email": "native: render only (template data -> subject, preheader, HTML, text)",
  "render_sample_customer": "native: whole pipeline, a sample customer",
  "feed_engine_build_1059_items": "native: engine build from a 1,059-item feed",
  "feed_profile_and_decide_studio": "native: profile + decision on that feed (studio customer)",
};

/** Rows `{ id, what, stats }` (µs) for every criterion bench that has estimates. */
export function nativeRows(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => NAMES[name] && existsSync(join(dir, name, "new/estimates.json")))
    .map((name) => {
      const e = JSON.parse(readFileSync(join(dir, name, "new/estimates.json"), "utf8"));
      const median = e.median.point_estimate / 1000;
      return { id: `native.${name}`, what: NAMES[name], stats: { median, p99: null, n: null } };
    });
}
