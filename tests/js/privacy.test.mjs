// Privacy: the whole sample campaign through the LLM path with a recording fetch, every
// customer given an email, a phone, a postal address and a last name (in attributes and inside
// event properties, where CRM exports put them too), and every request the module sends scanned
// for any of them. README ("Privacy: what leaves the module") says what is sent instead.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Personalizer } from "mailfit";
import { catalog, customers as samples, campaign, options, goodCopy, chat } from "./fixtures.mjs";

let customers = samples;

/** Personal data of customer `i`: unique strings a scan cannot confuse with catalog text. */
const pii = (customer, i) => {
  const n = String(i).padStart(4, "0");
  return {
    email: `kundin.${n}@privat-mail.example`,
    phone: `+49 30 5550 ${n}`,
    street: `Quellweg ${100 + i}`,
    city: `Wendlingen-${n}`,
    postalCode: `7${n}9`,
    firstName: `Vorname${n}q`,
    lastName: `Zunamexq${n}`,
    id: customer.id,
  };
};

/** The customer with its personal data where CRMs keep it: attributes and event properties. */
const withPii = (customer, p) => ({
  ...customer,
  attributes: {
    ...customer.attributes,
    first_name: p.firstName,
    last_name: p.lastName,
    email: p.email,
    phone: p.phone,
    mobile: p.phone.replace(/\D/g, ""),
    address: { street: p.street, city: p.city, postal_code: p.postalCode, country: "DE" },
  },
  events: [
    ...customer.events,
    // A Segment-shaped order with the shipping address and contact in its properties, and a
    // view of a product the catalog lacks, whose category is customer-controlled text.
    {
      type: "track",
      event: "Order Completed",
      timestamp: "2026-11-01T10:00:00Z",
      properties: {
        order_id: `ORD-${p.postalCode}`,
        email: p.email,
        phone: p.phone,
        shipping_address: { street: p.street, city: p.city, postal_code: p.postalCode },
        products: [{ product_id: "NB-LG-001", price: 80, quantity: 1, category: p.email }],
      },
    },
    {
      type: "track",
      event: "Product Viewed",
      timestamp: "2026-11-02T10:00:00Z",
      properties: { product_id: `gone-${p.postalCode}`, category: `${p.lastName} ${p.email}`, name: p.street },
    },
  ],
});

const needles = (p) => [p.email, p.phone, p.phone.replace(/\D/g, ""), p.street, p.city, p.postalCode, p.firstName, p.lastName, p.id, `ORD-${p.postalCode}`];

test("no request the module sends carries a customer's email, phone, address, name or ids", async (t) => {
  const sent = [];
  const fetch = async (url, init) => {
    sent.push(`${url}\n${JSON.stringify(init.headers)}\n${init.body}`);
    return chat(goodCopy(init));
  };
  const engine = new Personalizer({ catalog, campaign });
  // Plus customers who have nothing but what they typed themselves: events for products the
  // catalog lacks, whose categories are their own words.
  const loners = Array.from({ length: 5 }, (_, i) => ({ id: `L${i}`, attributes: {}, events: [] }));
  customers = [...customers, ...loners];
  const llm = { fetch, url: "https://llm.example/v1/chat/completions", model: "small", api: "openai-chat" };
  const people = customers.map((c, i) => pii(c, i));
  const sources = new Map();
  for (const [i, customer] of customers.entries()) {
    const email = await engine.personalize(withPii(customer, people[i]), { ...options, llm });
    sources.set(email.copySource, (sources.get(email.copySource) ?? 0) + 1);
  }
  // The scan must be able to find what it looks for: a customer record is full of hits.
  const record = JSON.stringify(withPii(customers[0], people[0]));
  assert.equal(needles(people[0]).filter((n) => record.includes(n)).length, needles(people[0]).length);
  // The LLM path really ran: requests went out and their copy was used.
  assert.ok(sent.length >= 20, `only ${sent.length} requests`);
  assert.ok((sources.get("llm") ?? 0) >= 20, JSON.stringify([...sources]));
  // Case-insensitive: the module lower-cases some keys (categories) before they go anywhere.
  const leaks = [];
  for (const body of sent.map((b) => b.toLowerCase())) {
    for (const p of people) {
      for (const needle of needles(p)) {
        const at = body.indexOf(needle.toLowerCase());
        if (at >= 0) leaks.push(`${needle}: ...${body.slice(Math.max(0, at - 80), at + 40)}...`);
      }
    }
  }
  t.diagnostic(`${sent.length} requests from ${customers.length} customers scanned for ${people.length * needles(people[0]).length} strings`);
  assert.deepEqual(leaks.slice(0, 5), [], `${leaks.length} leaks over ${sent.length} requests`);
});
