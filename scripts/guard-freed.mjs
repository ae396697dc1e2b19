// Rewrites wasm-bindgen's generated glue (pkg/mailfit.js) so a freed object fails like every
// other misuse: a method called after `free()` (or on an object that is not one of ours) throws
// an Error with `code: "INVALID_INPUT"`, `path: "$"` and a message that says what happened,
// instead of wasm-bindgen's "null pointer passed to rust"; and `free()` twice does nothing.
// The pointer check must happen here, in JS: the generated Rust shim rejects a null pointer
// before any of our code runs. Fails the build if the glue no longer has the expected shape.
//
//   node scripts/guard-freed.mjs pkg/mailfit.js
import { readFileSync, writeFileSync } from "node:fs";

const file = process.argv[2] ?? "pkg/mailfit.js";
let glue = readFileSync(file, "utf8");
if (glue.includes("function liveOrThrow(")) process.exit(0); // already done

const CLASSES = { personalizer: "Personalizer", liquidtemplate: "LiquidTemplate" };
let calls = 0;
glue = glue.replace(/wasm\.(personalizer|liquidtemplate)_(\w+)\(this\.__wbg_ptr/g, (_, cls, method) => {
  calls++;
  return `wasm.${cls}_${method}(liveOrThrow(this, "${CLASSES[cls]}")`;
});
let frees = 0;
glue = glue.replace(/(\n\s*)wasm\.__wbg_(personalizer|liquidtemplate)_free\(ptr, 0\);/g, (_, indent, cls) => {
  frees++;
  return `${indent}if (ptr !== 0) wasm.__wbg_${cls}_free(ptr, 0);`;
});
if (calls < 10 || frees !== 2) {
  console.error(`guard-freed: unexpected glue shape in ${file} (${calls} method calls, ${frees} frees); update scripts/guard-freed.mjs for this wasm-bindgen`);
  process.exit(1);
}
glue += `
/** The live object's pointer, or a typed error for a freed (or foreign) object. */
function liveOrThrow(object, name) {
    const ptr = object == null ? 0 : object.__wbg_ptr;
    if (typeof ptr === "number" && ptr !== 0) return ptr;
    const error = new Error(\`this \${name} was freed (free() was called on it) or is not a \${name}; make a new one\`);
    error.code = "INVALID_INPUT";
    error.path = "$";
    throw error;
}
`;
writeFileSync(file, glue);
console.error(`guard-freed: ${calls} methods checked, free() made idempotent on ${frees} classes`);
