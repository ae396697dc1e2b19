#!/usr/bin/env python3
"""Writes seed inputs for every fuzz target into fuzz/corpus/<target>/ from the repo's samples
and test data (run once; `cargo fuzz cmin` then keeps what adds coverage)."""
import hashlib, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "fuzz", "corpus")

def load(rel):
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        return f.read()

def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)

def j(v):
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))

catalog = json.loads(load("samples/catalog.json"))
campaign = json.loads(load("samples/campaign.json"))
customers = json.loads(load("samples/customers.json"))
brands = {b: json.loads(load(f"tests/catalogs/{b}/customers.json")) for b in ("harbour", "nordlicht", "summit")}
# a spread of shapes: canonical/Klaviyo samples and each brand's Segment/Klaviyo histories
picked = customers[:6] + [c for b in brands.values() for c in b[:2]]
picked = [dict(c, events=c["events"][:12]) for c in picked]
canonical = {"id": "C1", "attributes": {"firstName": "Ada", "size": "M", "vip": True}, "events": [
    {"kind": "purchase", "at": 1790000000, "productId": "NB-LG-001", "orderId": "o1", "price": "96.00 USD", "quantity": 2, "channel": "store", "coupon": "X"},
    {"kind": "refund", "at": "2026-09-01", "orderId": "o1"},
    {"kind": "view", "at": "2026-11-01T10:00:00+02:00", "productId": 42, "category": ["A", "B"]}]}

# customer
for c in picked + [canonical]:
    put("customer", j(c))
put("customer", j(canonical["events"]))

# engine: flags, 4 bytes of `now` shift, customer JSON
for i, c in enumerate(picked[:8] + [canonical]):
    put("engine", bytes([i % 16, 0, 0, 0, 0]) + j(c).encode())

# engine_init
small = catalog[:6]
put("engine_init", j({"catalog": small, "campaign": campaign}))
put("engine_init", j({"catalog": small, "campaign": dict(campaign, holdout={"share": 0.5}, maxEvents=3),
    "templates": {"subject": "{{ copy.subject | upcase }} {{ customer.first_name | default: 'there' }}",
                  "partials": {"section_footer": "{% for p in alternates %}{{ p.title }}{% endfor %}"},
                  "limits": {"maxOutputBytes": 100000, "maxLoopIterations": 100, "maxValueBytes": 1000}},
    "popularity": {"NB-LG-001": 3.5}, "bandit": {"arms": {"any/comfort-movement": {"alpha": 2, "beta": 5, "sends": 5}}},
    "churnModel": None}))

# feed: flags byte, then the feed
def item_xml(n):
    xml = load("tests/catalogs/summit/feed.xml")
    items = re.findall(r"<item>.*?</item>", xml, re.S)[:n]
    return xml[: xml.index("<item>")] + "\n".join(items) + "\n</channel>\n</rss>\n"
put("feed", b"\x00" + item_xml(2).encode())
put("feed", b"\x01" + item_xml(1).encode())
put("feed", b"\x01" + b'<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0"><entry><g:id>A</g:id><title>Alpha</title><g:price>1.00 USD</g:price><g:link>https://a.example/a</g:link></entry></feed>')
tsv = load("tests/catalogs/nordlicht/feed.tsv").splitlines()
put("feed", b"\x02" + ("\n".join(tsv[:4]) + "\n").encode())
put("feed", b"\x00" + b'id,title,price,sale_price,availability,link\nA,"Alpha, the ""first""",10.00 USD,8 USD,in stock,https://a.example\n')
put("feed", b"\x05" + j(catalog[:3]).encode())
put("feed", b"\x00" + j(catalog[3:5]).encode())
feeds_rs = load("tests/feeds.rs")
m = re.search(r'const CONTENT_API: &str = r#"(.*?)"#;', feeds_rs, re.S)
if m:
    put("feed", b"\x03" + m.group(1).encode())
put("feed", b"\x00" + b'{ "products": [{ "name": "accounts/1/products/en~US~A", "offerId": "A", "productAttributes": { "title": "Alpha", "price": { "amountMicros": "68500000", "currencyCode": "EUR" }, "availability": "IN_STOCK" } }] }')
shop = json.loads(load("tests/catalogs/harbour/products.json"))
shop["products"] = shop["products"][:1]
put("feed", bytes([4 | 8 | 16]) + j(shop).encode())
put("feed", b"\x00" + "\ufeffid\ttitle\tprice\nA\tÄlpha\t10,50 EUR\n".encode("utf-16"))

# llm: flags (API), then the body
copy = {"product": "NB-LG-001", "angle": "comfort-movement", "subject": "Your Flow Legging is waiting",
        "preheader": "Buttery-soft leggings for your next studio session, back in your size",
        "headline": "Made for movement", "body": "Four-way stretch that moves with you.", "cta": "Shop now"}
put("llm", b"\x00" + j({"choices": [{"index": 0, "finish_reason": "stop", "message": {"content": j(copy)}}]}).encode())
put("llm", b"\x01" + j({"status": "completed", "output": [{"type": "message", "content": [{"type": "output_text", "text": j(copy)}]}]}).encode())
put("llm", b"\x02" + j({"stop_reason": "tool_use", "content": [{"type": "tool_use", "name": "email_copy", "input": copy}]}).encode())
put("llm", b"\x03" + j({"choices": [{"finish_reason": "stop", "message": {"content": None, "refusal": "no"}}]}).encode())

# cache
put("cache", j({"version": "copy-v1", "entries": {"k1": copy, "k2": dict(copy, product="NB-BR-002-BER")}}))
put("cache", j({"version": "old", "entries": {"k": copy}}))

# bandit: state line, outcome
put("bandit", j({"arms": {"any/comfort-movement": {"alpha": 2, "beta": 3, "sends": 3, "revenue": 10.5}}}) + "\n" + j({"customerId": "C1", "angle": "comfort-movement", "stage": "at_risk", "clicked": True, "revenue": 12}))
put("bandit", "{}\n" + j({"angle": "new-arrivals", "converted": False}))

# learn: options line, customers
put("learn", "\n" + j(picked[:3]))
put("learn", j({"now": "2026-11-20T12:00:00Z", "variant": "pareto_nbd", "penalizer": 0.5, "halfLifeDays": 7, "minSupport": 1, "maxEvents": 50}) + "\n" + j(picked[3:6]))
put("learn", j({"variant": "bg_nbd"}) + "\n" + j([canonical]))

# liquid_raw: flags, then the template
for flags, rel in [(8, "templates/subject.liquid"), (10, "templates/email.html.liquid"), (8, "templates/email.txt.liquid"),
                   (24, "templates/preheader.liquid")] + [(8, "templates/partials/" + p) for p in sorted(os.listdir(os.path.join(ROOT, "templates/partials")))]:
    put("liquid_raw", bytes([flags]) + load(rel).encode())
for flags, t in [(0, "{% for i in items limit: 2 offset: 1 reversed %}{{ forloop.index }}{% cycle 'a', 'b' %}{% else %}none{% endfor %}"),
                 (5, "{% tablerow p in products cols: 2 %}{{ p.title | upcase | truncate: 5 }}{% endtablerow %}"),
                 (2, "{%- capture c -%}{{ a }}{%- endcapture -%}{{ c | raw }}{% assign d = words | sort | join: ',' %}{{ d }}"),
                 (4, "{% case b %}{% when 1, 3 %}x{% else %}y{% endcase %}{% unless t %}n{% endunless %}{% increment i %}{% decrement i %}"),
                 (8, "{{ 1234 | money }} {{ products[0].url | utm }} {{ 'x.png' | image_url: width: 100 }} {{ 'a.css' | asset_url }}"),
                 (0, "{% liquid\nassign x = 1 | plus: 2\nif x > 2\necho x\nendif\n%}{% include 'loop' %}{% render 'simple', x: 3 %}{% raw %}{{ a }}{% endraw %}{% comment %}c{% endcomment %}{% # note %}"),
                 (1, "{{ now | date: '%Y-%m-%d' }} {{ (1..5) | join }} {{ x | divided_by: 0 }} {{ deep.a.b.c.d[0][1] | json }}")]:
    put("liquid_raw", bytes([flags]) + t.encode())
