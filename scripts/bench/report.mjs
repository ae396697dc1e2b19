// The benchmark's output: rows collected as they are measured, the Markdown table, the JSON
// file with every figure, and the regression check against limits.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export class Report {
  rows = [];

  /**
   * A timed row: stats in µs from measure() (or { median, p99, n } of single runs); `raw` is
   * what a child process reported, kept for the JSON file.
   */
  timed(item, id, what, stats, note = "", raw = undefined) {
    this.#add({ item, id, what, unit: "µs", median: stats.median, p99: stats.p99, n: stats.n, note, stats, raw });
  }

  /** A row with one value (bytes, MB, emails/s) or none (`value` null: see the note). */
  value(item, id, what, value, unit, note = "", raw = undefined) {
    this.#add({ item, id, what, unit, median: value, p99: null, n: null, note, raw });
  }

  /** The row with this id, if measured. */
  get(id) {
    return this.rows.find((r) => r.id === id);
  }

  #add(row) {
    this.rows.push(row);
    const shown = row.median === null ? row.note : `${fmt(row.median)} ${row.unit}${row.note ? `  (${row.note})` : ""}`;
    process.stderr.write(`  [${row.item}] ${row.what}: ${shown}\n`);
  }

  table() {
    const head = ["#", "measurement", "median", "p99", "n", "unit", "note"];
    const lines = [head, head.map(() => "---")];
    for (const r of this.rows) {
      const cells = [r.item, r.what, r.median === null ? "n/a" : fmt(r.median), r.p99 === null ? "" : fmt(r.p99), r.n === null ? "" : int(r.n), r.median === null ? "" : r.unit, r.note];
      lines.push(cells.map((c) => String(c).replace(/\|/g, "\\|")));
    }
    return lines.map((cells) => `| ${cells.join(" | ")} |`).join("\n");
  }

  /** Rows outside limits.json's bounds (`max` for times and sizes, `min` for rates). */
  check(limitsPath) {
    const limits = JSON.parse(readFileSync(limitsPath, "utf8"));
    const failures = [];
    let checked = 0;
    for (const [bound, ids] of [["max", limits.max ?? {}], ["min", limits.min ?? {}]]) {
      for (const [id, limit] of Object.entries(ids)) {
        const row = this.get(id);
        if (!row || typeof row.median !== "number") continue;
        checked += 1;
        const bad = bound === "max" ? row.median > limit : row.median < limit;
        if (bad) failures.push(`${row.what}: ${fmt(row.median)} ${row.unit}, limit ${bound} ${fmt(limit)}`);
      }
    }
    return { checked, failures };
  }

  write(path, header) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ ...header, rows: this.rows }, null, 2) + "\n");
  }
}

/** Numbers for people: 2 decimals under 10, 1 under 1,000, then whole with separators. */
export function fmt(x) {
  if (typeof x !== "number") return String(x);
  const digits = Math.abs(x) < 10 ? 2 : Math.abs(x) < 1000 ? 1 : 0;
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Counts: whole, with separators. */
export const int = (x) => Math.round(x).toLocaleString("en-US");

export const MB = 1024 * 1024;
