// Node entry: instantiates the module synchronously at import, so no `await init()` is needed
// (calling the default export anyway is a no-op).
import { readFileSync } from "node:fs";
import { initSync } from "./mailfit.js";

initSync({ module: readFileSync(new URL("./mailfit_bg.wasm", import.meta.url)) });

export * from "./mailfit.js";
export { default } from "./mailfit.js";
