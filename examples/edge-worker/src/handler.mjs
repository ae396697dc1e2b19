// mailfit at the edge (the handler; worker.mjs is the Worker's entry): a Cloudflare Worker that personalizes one email per request, for an ESP's
// render-time fetch (Braze Connected Content, Klaviyo web feeds, Iterable data feeds) or any
// backend. The engine (catalog + campaign) is built once per isolate; each request only runs
// profile -> decide -> copy -> render, under a deadline.
//
//   GET  /v1/personalize?id=C1&send_id=S&first_name=Ada&locale=de-DE   attributes in the query
//   POST /v1/personalize?send_id=S   { "id": "C1", "attributes": {..}, "events": [..] }
//   GET  /v1/health                                                  build and engine facts
//
// Answers JSON: subject, preheader, html, text, the decision in brief and the copy source; with
// `fields=subject,html` only those. Errors are JSON { code, path, message } with 400 (bad input),
// 413 (too large), 404/405; never a 5xx for anything a request carries.

/** Largest request body read (a customer with a long history is well under this). */
const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Query attributes that are not customer attributes. */
const RESERVED = new Set(["id", "customer_id", "user_id", "send_id", "fields", "now"]);
/** Recently answered (send id, customer) pairs: an ESP renders HTML and text separately. */
const RECENT = 256;


const json = (body, status = 200, headers = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });
const problem = (status, code, message, path = "$") => json({ code, path, message }, status, { "cache-control": "no-store" });

/** The customer of a GET: id and attributes from the query string (what an ESP template can put in a URL). */
function customerFromQuery(params) {
  const id = params.get("id") ?? params.get("customer_id") ?? params.get("user_id");
  if (!id) return null;
  const attributes = {};
  for (const [key, value] of params) if (!RESERVED.has(key)) attributes[key] = value;
  return { id, attributes, events: [] };
}

/**
 * Bodies past the limit but under this are read and dropped before the 413: answering while the
 * client still sends makes the runtime close the connection, and the client then sees a reset
 * instead of the 413 (3 of 10,101 oversized requests in the 1,000,000-request soak). Larger
 * ones are refused without reading.
 */
const DRAIN_BYTES = 16 * 1024 * 1024;

/** Reads and drops the rest of a body, `size` bytes of it already read: its size in the end. */
async function dropRest(reader, size = 0) {
  while (size <= DRAIN_BYTES) {
    const next = await reader.read();
    if (next.done) return size;
    size += next.value.byteLength;
  }
  await reader.cancel();
  return size;
}

/** The request body as text, refused past the limit before it is read whole. */
async function bodyText(request) {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) {
    const reader = declared <= DRAIN_BYTES ? request.body?.getReader() : null;
    if (reader) await dropRest(reader);
    return { tooLarge: declared };
  }
  const reader = request.body?.getReader();
  if (!reader) return { text: "" };
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      // The rest is dropped as it comes (see DRAIN_BYTES), then the 413.
      chunks.length = 0;
      return { tooLarge: await dropRest(reader, size) };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { bytes };
}

/** The LLM option when the worker is configured for it: the key stays in the binding. */
function llmOption(env) {
  if (!env.LLM_URL || !env.LLM_MODEL) return undefined;
  return {
    url: env.LLM_URL,
    model: env.LLM_MODEL,
    api: env.LLM_API ?? "openai-chat",
    // Braze waits 2 s for Connected Content: leave room for the render and the network.
    timeoutMs: Number(env.LLM_TIMEOUT_MS ?? 1200),
    fetch: (url, init) =>
      fetch(url, { ...init, headers: { ...init.headers, ...(env.LLM_API_KEY ? { authorization: `Bearer ${env.LLM_API_KEY}` } : {}) } }),
  };
}

/** A short, stable tag of a string (FNV-1a), for keys and ETags. */
function tag(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

function pick(email, fields) {
  const full = {
    subject: email.subject,
    preheader: email.preheader,
    html: email.html,
    text: email.text,
    copySource: email.copySource,
    decision: {
      productId: email.decision.productId,
      angle: email.decision.angle,
      offer: email.decision.offer?.offer ?? null,
      reasons: email.decision.reasons,
    },
    warnings: email.warnings,
  };
  if (!fields) return full;
  return Object.fromEntries(fields.split(",").map((f) => f.trim()).filter((f) => f in full).map((f) => [f, full[f]]));
}

/**
 * The handler over one engine: `{ fetch(request, env) }`. `mailfit` is the package's exports
 * (`Personalizer`, `buildInfo`), passed in so the same handler runs in workerd, Node or a test.
 */
export function createHandler({ Personalizer, buildInfo }, { catalog, campaign }) {
  const engine = new Personalizer({ catalog, campaign });
  const recent = new Map();
  return {
    async fetch(request, env = {}) {
      const url = new URL(request.url);
      if (url.pathname === "/v1/health") return json({ ...buildInfo(), warnings: engine.warnings?.length ?? 0 });
      if (url.pathname !== "/v1/personalize") return problem(404, "NOT_FOUND", `no route ${url.pathname}`);
      const params = url.searchParams;
      let customer;
      if (request.method === "GET") {
        customer = customerFromQuery(params);
        if (!customer) return problem(400, "INVALID_INPUT", "a GET needs `id` (or `customer_id`, `user_id`) in the query", "$.id");
      } else if (request.method === "POST") {
        const body = await bodyText(request);
        if (body.tooLarge) return problem(413, "INPUT_TOO_LARGE", `the body is at least ${body.tooLarge} bytes; the limit is ${MAX_BODY_BYTES}`);
        customer = body.bytes; // JSON bytes: the module reads them directly, with paths in its errors.
      } else {
        return problem(405, "METHOD_NOT_ALLOWED", "use GET or POST");
      }
      const sendId = params.get("send_id") ?? request.headers.get("x-send-id") ?? "default";
      const key = `${sendId}:${tag(request.method === "GET" ? url.search : new TextDecoder().decode(customer))}:${params.get("fields") ?? ""}`;
      const cached = recent.get(key);
      if (cached) return new Response(cached.body, { headers: cached.headers });
      const options = { now: params.get("now") ?? env.CAMPAIGN_NOW ?? campaign.now, sendId, llm: llmOption(env) };
      try {
        const email = await engine.personalize(customer, options);
        const body = JSON.stringify(pick(email, params.get("fields")));
        // Same send, same customer: the same bytes (the module is deterministic), so the ESP may
        // cache the answer for the send; never shared between customers.
        const headers = { "content-type": "application/json; charset=utf-8", "cache-control": "private, max-age=600", etag: `"${tag(body)}"` };
        recent.set(key, { body, headers });
        if (recent.size > RECENT) recent.delete(recent.keys().next().value);
        return new Response(body, { headers });
      } catch (error) {
        if (error instanceof Error && typeof error.code === "string") {
          const status = error.code === "INPUT_TOO_LARGE" ? 413 : 400;
          return problem(status, error.code, error.message, error.path);
        }
        throw error; // a bug in the worker or the module: let the platform log it
      }
    },
  };
}
