// The workerd set-up shared by the workerd test and the benchmark: a free loopback port, and
// the capnp config serving one worker with the package's modules and the catalog and campaign
// embedded as JSON (files expected next to the config).
import { createServer } from "node:net";

/** A free loopback port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** The capnp config for `worker.mjs` on `port`, with mailfit, catalog.json and campaign.json. */
export const workerdConfig = (port) => `
using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "worker.mjs"),
    (name = "mailfit", esModule = embed "workerd.mjs"),
    (name = "mailfit.js", esModule = embed "mailfit.js"),
    (name = "mailfit_bg.wasm", wasm = embed "mailfit_bg.wasm"),
    (name = "catalog.json", json = embed "catalog.json"),
    (name = "campaign.json", json = embed "campaign.json"),
  ],
  compatibilityDate = "2025-01-01",
);
`;
