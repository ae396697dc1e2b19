// Shared fixtures for the JS tests: the embedded sample data.
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url);
export const read = (path) => readFileSync(new URL(path, root), "utf8");
export const catalog = JSON.parse(read("samples/catalog.json"));
export const customers = JSON.parse(read("samples/customers.json"));
export const campaign = JSON.parse(read("samples/campaign.json"));
export const options = { now: campaign.now, sendId: "js-test" };
export const pkgDir = new URL("pkg/", root);
