// The hostile-input corpus (tests/hostile/cases.mjs) against the built package: one test per
// group, every case's expected outcome asserted, and after every case the instance checked
// alive: a canary render byte-identical to the one taken before the corpus, and a fresh
// renderTemplate. tests/hostile/README.md lists the groups and what each asserts.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import * as m from "mailfit";
import { catalog, customers, campaign, options, read } from "./fixtures.mjs";
import { corpus } from "../hostile/cases.mjs";

const xss = JSON.parse(read("tests/fixtures/xss.json")).payloads;
// The canary engine is never handed to a case.
const canary = new m.Personalizer({ catalog, campaign });
const baseline = JSON.stringify(canary.render(customers[0], options));
const { groups } = corpus({ m, catalog, customers, campaign, options, xss });

function alive(label) {
  const now = JSON.stringify(canary.render(customers[0], options));
  assert.ok(now === baseline, `${label}: the canary render changed`);
  assert.equal(m.renderTemplate("{{ a | plus: 1 }} {{ s }}", { a: 41, s: "<b>" }, { escape: "html" }), "42 &lt;b&gt;", `${label}: renderTemplate canary`);
}

/** Runs one case; returns what is wrong with its outcome (null when it is as expected). */
async function check(c) {
  const started = performance.now();
  let result, thrown, threw = false;
  try {
    result = c.run();
    if (result instanceof Promise) result = await result;
  } catch (e) {
    threw = true;
    thrown = e;
  }
  const ms = performance.now() - started;
  const { expect } = c;
  if (expect.maxMs !== undefined && ms > expect.maxMs) return `took ${ms.toFixed(0)} ms (bound ${expect.maxMs} ms)`;
  const describe = (e) => `${e?.constructor?.name} ${e?.code ?? ""} ${e?.path ?? ""}: ${String(e?.message).slice(0, 200)}`;
  if (expect.code) {
    if (!threw) return `returned instead of throwing ${expect.code}`;
    if (!(thrown instanceof Error) || thrown.name !== "MailfitError") return `threw ${describe(thrown)}, not a MailfitError`;
    if (thrown.code !== expect.code) return `code ${describe(thrown)}, expected ${expect.code}`;
    const pathOk = expect.path instanceof RegExp ? expect.path.test(thrown.path) : thrown.path === expect.path;
    if (!pathOk) return `path ${JSON.stringify(thrown.path)}, expected ${expect.path} (${describe(thrown)})`;
    return null;
  }
  if (expect.error) {
    if (!threw) return "returned instead of throwing";
    try { expect.error(thrown); } catch (e) { return `threw ${describe(thrown)}: ${e.message}`; }
    return null;
  }
  if (threw) return `threw ${describe(thrown)}`;
  try { expect.ok(result); } catch (e) { return `unexpected output: ${String(e.message).slice(0, 400)}`; }
  return null;
}

let total = 0;
for (const group of groups) {
  test(`hostile: ${group.name} (${group.cases.filter((c) => !c.known).length} cases)`, async (t) => {
    const failures = [];
    const started = performance.now();
    const known = group.cases.filter((c) => c.known);
    for (const c of group.cases.filter((c) => !c.known)) {
      const started = performance.now();
      const wrong = await check(c);
      const ms = performance.now() - started;
      if (ms > 1_000) t.diagnostic(`slow: ${c.name}: ${(ms / 1000).toFixed(1)} s`);
      if (wrong) failures.push(`${c.name}: ${wrong}`);
      try { alive(c.name); } catch (e) { failures.push(`instance after "${c.name}": ${e.message}`); }
    }
    for (const c of known) t.diagnostic(`known bug, not run: ${c.name}: ${c.known}`);
    total += group.cases.length - known.length;
    t.diagnostic(`${group.cases.length} cases, ${failures.length} failed, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    assert.deepEqual(failures, []);
  });
}

after(() => {
  console.log(`# hostile corpus: ${groups.length} groups, ${total} cases`);
});
