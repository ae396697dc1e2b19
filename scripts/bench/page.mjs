// One page-sized template (about 10 KB) for `renderTemplate` vs LiquidJS: the shipped HTML email
// with its partials inlined, plus the sections a brand's newsletter adds (navigation, a product
// grid, social links; page-sections.liquid) that use the email filters and standard ones
// (`utm`, `image_url`, `money`, `asset_url`, `truncatewords`, `modulo`, `date`). Its data is
// shaped like the engine's template data, built from catalog products.
import { readFileSync } from "node:fs";
import { ROOT, styles } from "./data.mjs";
import { formatMoney } from "./liquidjs.mjs";

/** The composed template source. */
export function pageTemplate() {
  const read = (path) => readFileSync(ROOT + path, "utf8");
  const extra = readFileSync(new URL("./page-sections.liquid", import.meta.url), "utf8");
  return read("templates/email.html.liquid")
    .replace("{% include 'section_footer' %}", `${extra}{% include 'section_footer' %}`)
    .replace(/\{% include '(\w+)' %\}/g, (_, name) => read(`templates/partials/${name}.liquid`));
}

const minor = (price) => Math.round(Number.parseFloat(String(price)) * 100);

/** A product as templates see it (the engine's ProductView), plus the feed's raw `link`. */
function view(p, locale) {
  const priceMinor = minor(p.sale_price ?? p.price);
  const regularMinor = minor(p.price);
  return {
    id: p.id,
    title: p.title,
    summary: p.description.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim(),
    link: p.link,
    url: p.link,
    image_url: p.image_link ?? "",
    price: formatMoney(priceMinor, "USD", locale),
    regular_price: formatMoney(regularMinor, "USD", locale),
    on_sale: p.sale_price !== undefined,
    price_minor: priceMinor,
    regular_minor: regularMinor,
    currency: "USD",
  };
}

/** Template data for the page: one hero, three alternates and a grid of nine styles. */
export function pageData(products, campaign) {
  const locale = "en-US";
  const site = "https://www.summit-athletics.example";
  const [hero, ...rest] = styles(products).map((group) => view(group[0], locale));
  return {
    customer: { id: "bench-page", first_name: "Sofia", locale, attributes: { loyalty_tier: "gold" } },
    brand: { name: "Summit Athletics", website: site, logo_url: `${site}/assets/logo.png`, accent_color: "#1f6f5c", address: "Summit Athletics, 1 Ridge Rd, Boulder, CO 80302, USA" },
    copy: {
      subject: "Sofia, your next favourite layer is here",
      preheader: "Soft, warm and made to move: picked for how you train.",
      headline: "Made for your practice",
      body: "You keep coming back to studio styles that move with you. This one has the buttery-soft feel you like, in the colours of the new season.",
      cta: "Shop the style",
      reasons_to_buy: ["Buttery-soft four-way stretch", "Hidden waistband pocket", "Squat-proof and sweat-wicking"],
      offer_line: "Free shipping with code SHIPFREE",
    },
    product: hero,
    alternates: rest.slice(0, 3),
    more: rest.slice(3, 12),
    offer: { type: "free_shipping", code: "SHIPFREE", line: "Free shipping with code SHIPFREE", positioning: "incentive" },
    decision: { angle: "comfort-movement", reasons: ["studio and low-impact, 72% of their interest"] },
    links: { cta: hero.url, shop: site, unsubscribe: "{{unsubscribe_url}}" },
    nav: ["Women", "Men", "New", "Sale", "Stores"].map((label) => ({ label, url: `${site}/${label.toLowerCase()}` })),
    social: ["instagram", "tiktok", "youtube"].map((label) => ({ label, icon: `icons/${label}.png`, url: `https://${label}.example/summit` })),
    campaign: { id: campaign.id, utm: campaign.utm },
    shop: { currency: "USD", locale, assets_url: `${site}/assets` },
    now: campaign.now,
  };
}
