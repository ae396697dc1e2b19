// What the built package offers, found by trying it: JSON-text input to `render` and
// `templateData` are new and may be missing from an older build (to compare builds), in which
// case their rows say "n/a (not in this build)" instead of failing the benchmark.

export const NOT_IN_BUILD = "n/a (not in this build)";

/** A short, one-line description of a thrown error (the package's messages can echo input). */
export const describeError = (e) => `${e?.code ?? e?.name ?? "Error"}: ${String(e?.message ?? e).split("\n")[0].slice(0, 160)}`;

/** Does a render result look like an email? */
const isEmail = (email) => typeof email?.html === "string" && email.html.length > 0;

/**
 * The ways of calling the engine per recipient, each as `{ id, label, prepare(customer) -> input,
 * call(engine, input, options), why, detail }`: `why` is set when this build cannot, and `detail`
 * holds the error that told. `probe` is a small customer to try them on.
 */
export function inputModes(engine, probe, options) {
  const modes = [
    { id: "object", label: "render(JS object)", prepare: (c) => c, call: (e, input, o) => e.render(input, o) },
    { id: "jsonText", label: "render(JSON text)", prepare: (c) => JSON.stringify(c), call: (e, input, o) => e.render(input, o) },
  ];
  return modes.map((mode) => {
    try {
      if (!isEmail(mode.call(engine, mode.prepare(probe), options))) throw new Error("no email in the result");
      return mode;
    } catch (e) {
      return { ...mode, why: NOT_IN_BUILD, detail: describeError(e) };
    }
  });
}

/** `engine.templateData(customer, options)` as an object, or null when the build lacks it. */
export function templateDataOf(engine) {
  if (typeof engine.templateData !== "function") return null;
  return (customer, options) => {
    const data = engine.templateData(customer, options);
    return typeof data === "string" ? JSON.parse(data) : data;
  };
}

/**
 * The instance's linear memory size in bytes. The Node entry has already instantiated the
 * module, so wasm-bindgen's `initSync()` returns the existing exports, `memory` among them.
 */
export function wasmMemoryBytes(mailfit) {
  try {
    return mailfit.initSync().memory.buffer.byteLength;
  } catch {
    return null;
  }
}
