// Shared fixtures for the JS tests: the embedded sample data.
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url);
export const read = (path) => readFileSync(new URL(path, root), "utf8");
export const catalog = JSON.parse(read("samples/catalog.json"));
export const customers = JSON.parse(read("samples/customers.json"));
export const campaign = JSON.parse(read("samples/campaign.json"));
export const options = { now: campaign.now, sendId: "js-test" };
export const pkgDir = new URL("pkg/", root);

/** The JSON schema of an openai-chat request body. */
export const schemaOf = (body) => JSON.parse(body).response_format.json_schema.schema;
/** Copy that keeps every rule, for the request's first product and angle. */
export const goodCopy = (init) => {
  const schema = schemaOf(init.body);
  return {
    product: schema.properties.product.enum[0],
    angle: schema.properties.angle.enum[0],
    subject: "Back on your mat this week",
    preheader: "Soft, four-way stretch made for every session you have planned.",
    headline: "Made for the mat",
    body: "Ready when you are, with the same comfort you came back for.",
    cta: "Take a look",
  };
};
/** A Chat Completions body carrying `content` (the copy as JSON text, or null with a refusal). */
export const chatBody = (content, extra = {}) => JSON.stringify({ choices: [{ finish_reason: "stop", message: { content, ...extra } }] });
/** A successful Chat Completions response carrying `copy`. */
export const chat = (copy) => new Response(chatBody(JSON.stringify(copy)), { status: 200, headers: { "content-type": "application/json" } });
