// The ESP's side of the comparison: LiquidJS rendering our templates with the data our engine
// renders them with. The email filters (`money`, `utm`, `image_url`, `asset_url`) and the
// encoding filters LiquidJS lacks or spells differently (`escape` writes `&quot;` where LiquidJS
// writes `&#34;`, `h`, URL-safe base64) are ported from src/render/{email_filters,money,links}.rs and
// crates/mailfit-liquid/src/encode_filters.rs, so both sides do the same work and give the same bytes.
import { join } from "node:path";
import { Liquid } from "liquidjs";

/** Currency symbol and decimal digits (src/render/money.rs); unknown codes print as `68.00 XYZ`. */
const CURRENCIES = {
  USD: ["$", 2], EUR: ["€", 2], GBP: ["£", 2], AUD: ["A$", 2], CAD: ["CA$", 2], NZD: ["NZ$", 2],
  CHF: ["CHF ", 2], SEK: ["kr ", 2], NOK: ["kr ", 2], DKK: ["kr ", 2], JPY: ["¥", 0], KRW: ["₩", 0],
};
/** Languages that write `1.234,56 €` rather than `€1,234.56`. */
const COMMA_DECIMAL = new Set(["de", "fr", "es", "it", "nl", "pt", "da", "sv", "nb", "fi", "pl", "cs", "tr"]);

/** `formatMoney(6800, "USD", "en-US") === "$68.00"`: minor units, as the engine writes them. */
export function formatMoney(minor, currency, locale) {
  const [symbol, digits] = CURRENCIES[currency] ?? [null, 2];
  const whole = digits === 0 ? Math.trunc((minor + 50) / 100) : Math.trunc(minor / 100);
  const frac = Math.abs(minor % 100);
  const comma = COMMA_DECIMAL.has(locale.split(/[-_]/)[0].toLowerCase());
  const [groupSep, decSep] = comma ? [".", ","] : [",", "."];
  const grouped = String(Math.abs(whole)).replace(/\B(?=(\d{3})+$)/g, groupSep);
  const number = digits === 0 ? grouped : `${grouped}${decSep}${String(frac).padStart(2, "0")}`;
  const sign = minor < 0 ? "-" : "";
  if (symbol === null) return `${sign}${number} ${currency}`;
  return comma ? `${sign}${number} ${symbol.trim()}` : `${sign}${symbol}${number}`;
}

const isHttpUrl = (text) => /^https?:\/\//i.test(text.trim());
const text = (v) => (v === null || v === undefined ? "" : String(v));

/** Percent-encodes a query value byte by byte (RFC 3986 unreserved characters pass). */
const encodeQuery = (value) =>
  Array.from(new TextEncoder().encode(value), (b) =>
    /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
  ).join("");

/** Adds `utm_*` parameters, keeping query and fragment; existing ones win; non-http(s) is `#`. */
function withUtm(link, utm, campaignId, content) {
  link = link.trim();
  if (!isHttpUrl(link)) return "#";
  const hash = link.indexOf("#");
  const base = hash < 0 ? link : link.slice(0, hash);
  let url = base;
  const params = [["utm_source", utm.source], ["utm_medium", utm.medium], ["utm_campaign", utm.campaign ?? campaignId], ["utm_content", content]];
  for (const [key, value] of params) {
    if (!value || base.includes(`${key}=`)) continue;
    url += `${url.includes("?") ? "&" : "?"}${key}=${encodeQuery(value)}`;
  }
  return hash < 0 ? url : url + link.slice(hash);
}

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Liquid's `escape` as our engine writes it; nil stays nil. */
export const escapeHtml = (v) => (v === null || v === undefined ? v : String(v).replace(/[&<>"']/g, (c) => ESCAPES[c]));

const urlSafe = (b64) => b64.replace(/\+/g, "-").replace(/\//g, "_");
function urlSafeDecode(v) {
  const s = text(v);
  if (!/^[A-Za-z0-9\-_]*={0,2}$/.test(s) || s.length % 4 !== 0) throw new Error("invalid base64");
  return Buffer.from(s.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
}

/** A text value from the template data by path, or undefined when nil or empty. */
function lookup(context, path) {
  const v = context.getSync(path);
  const s = text(v);
  return v === null || v === undefined || s === "" ? undefined : s;
}

/** Minor units from a number or numeric text, as liquid's `to_integer`/`to_float` read them. */
function minorUnits(v) {
  const numeric = typeof v === "string" && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v);
  const f = typeof v === "number" ? v : numeric ? Number(v) : NaN;
  if (Number.isInteger(f)) return f;
  return Number.isFinite(f) && Math.abs(f) < 9e15 ? Math.sign(f) * Math.round(Math.abs(f)) : null;
}

/**
 * A LiquidJS instance with the engine's email and encoding filters; dates in UTC, as the
 * engine renders them.
 */
export function createLiquid(options = {}) {
  const liquid = new Liquid({ timezoneOffset: 0, ...options });
  liquid.registerFilter("money", function (input, currency, locale) {
    const minor = minorUnits(input);
    if (minor === null) return null;
    const code = (text(currency) || lookup(this.context, ["shop", "currency"]) || "USD").toUpperCase();
    return formatMoney(minor, code, text(locale) || lookup(this.context, ["shop", "locale"]) || "en-US");
  });
  liquid.registerFilter("utm", function (input, content) {
    const link = text(input);
    if (!isHttpUrl(link)) return link;
    const at = (key) => lookup(this.context, ["campaign", "utm", key]);
    const utm = { source: at("source") ?? "newsletter", medium: at("medium") ?? "email", campaign: at("campaign") };
    return withUtm(link, utm, lookup(this.context, ["campaign", "id"]) ?? "", text(content));
  });
  liquid.registerFilter("image_url", function (input, ...args) {
    const keys = ["image_url", "image_link", "featured_image", "image"];
    const isObject = input !== null && typeof input === "object" && !Array.isArray(input);
    let url = isObject ? text(keys.map((k) => input[k]).find((v) => v !== null && v !== undefined)) : text(input);
    if (!isHttpUrl(url)) return "";
    const size = Object.fromEntries(args.filter(Array.isArray));
    for (const key of ["width", "height"]) {
      const v = size[key];
      if (Number.isInteger(v) && v > 0 && v <= 10_000) url += `${url.includes("?") ? "&" : "?"}${key}=${v}`;
    }
    return url;
  });
  liquid.registerFilter("asset_url", function (input) {
    const file = text(input);
    const base = lookup(this.context, ["shop", "assets_url"]) ?? "";
    return base === "" || isHttpUrl(file) ? file : `${base.replace(/\/+$/, "")}/${file.replace(/^\/+/, "")}`;
  });
  liquid.registerFilter("escape", escapeHtml);
  liquid.registerFilter("h", escapeHtml);
  liquid.registerFilter("base64_url_safe_encode", (v) => urlSafe(Buffer.from(text(v), "utf8").toString("base64")));
  liquid.registerFilter("base64_url_safe_decode", urlSafeDecode);
  return liquid;
}

/** Collapses whitespace to single spaces: what the engine does to subject and preheader. */
const oneLine = (s) => s.split(/\s+/).filter(Boolean).join(" ");

/** Trims line ends and collapses blank-line runs: what the engine does to the text part. */
function tidyText(s) {
  const lines = s.split("\n");
  if (lines.at(-1) === "") lines.pop();
  let out = "";
  let blankRun = 0;
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line === "") {
      blankRun += 1;
      if (blankRun > 1 || out === "") continue;
    } else blankRun = 0;
    out += line + "\n";
  }
  return out;
}

/**
 * Our four email templates on LiquidJS, parsed once: `render(data)` gives subject, preheader,
 * HTML and text with the engine's post-processing of each part.
 */
export class LiquidEmail {
  constructor(templatesDir) {
    this.liquid = createLiquid({ root: [templatesDir], partials: [join(templatesDir, "partials")], extname: ".liquid", cache: true });
    const parse = (file) => this.liquid.parseFileSync(file);
    this.templates = { subject: parse("subject.liquid"), preheader: parse("preheader.liquid"), html: parse("email.html.liquid"), text: parse("email.txt.liquid") };
  }

  render(data) {
    const { liquid, templates: t } = this;
    return {
      subject: oneLine(liquid.renderSync(t.subject, data)),
      preheader: oneLine(liquid.renderSync(t.preheader, data)),
      html: liquid.renderSync(t.html, data),
      text: tidyText(liquid.renderSync(t.text, data)),
    };
  }
}
