// Cloudflare workerd entry: the runtime hands a compiled WebAssembly.Module for the .wasm
// import (a `wasm` module in capnp config, or wrangler's default rules); instantiate it once
// at module scope.
import wasmModule from "./mailfit_bg.wasm";
import { initSync } from "./mailfit.js";

initSync({ module: wasmModule });

export * from "./mailfit.js";
export { default } from "./mailfit.js";
