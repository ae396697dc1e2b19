// Writes templates/money.json: how each supported locale writes each supported currency, read
// from the ICU that Node ships (its CLDR data) through Intl.NumberFormat. The `money` filter
// formats from this table; tests/js/node.test.mjs checks every pair against Intl again.
// ICU4X compiled into the module would do the same at run time, but its number formatting alone
// costs about 28 KB gzipped (measured), more than the module's room under 600 KB.
//
//   node scripts/money-table.mjs   (run again when a locale or currency is added, or Node's ICU changes)
import { writeFileSync } from "node:fs";

/** Locales an ESP sends in: English, European and the larger American and Asian markets. */
export const LOCALES = [
  "en-US", "en-GB", "en-CA", "en-AU", "en-NZ", "en-IE", "en-IN", "fr-FR", "fr-CA", "fr-CH", "fr-BE",
  "de-DE", "de-AT", "de-CH", "it-IT", "it-CH", "es-ES", "es-MX", "es-US", "pt-BR", "pt-PT",
  "nl-NL", "nl-BE", "sv-SE", "da-DK", "nb-NO", "fi-FI", "pl-PL", "cs-CZ", "tr-TR", "ja-JP",
  "ko-KR", "zh-CN",
];

/**
 * The locale a bare language tag means (`de` -> `de-DE`, `pt` -> `pt-BR`): CLDR's likely
 * region when the table has it, else the language's first locale above.
 */
export function likelyLocales() {
  const likely = {};
  for (const locale of LOCALES) {
    const language = locale.split("-")[0];
    if (likely[language]) continue;
    const tag = `${language}-${new Intl.Locale(language).maximize().region}`;
    likely[language] = LOCALES.includes(tag) ? tag : locale;
  }
  return likely;
}

/** Currencies the table knows; others print as the amount and the code. */
export const CURRENCIES = [
  "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "TRY", "JPY",
  "KRW", "CNY", "INR", "BRL", "MXN",
];

/** The text before and after the number in a formatted amount (minus sign included). */
function affixes(parts) {
  const number = new Set(["integer", "group", "decimal", "fraction"]);
  const first = parts.findIndex((p) => number.has(p.type));
  let last = first;
  parts.forEach((p, i) => { if (number.has(p.type)) last = i; });
  const text = (list) => list.map((p) => p.value).join("");
  return [text(parts.slice(0, first)), text(parts.slice(last + 1))];
}

/** Grouping sizes: [primary, secondary] (Indian: [3, 2]) and the minimum grouping digits. */
function grouping(locale) {
  // The default grouping ("auto") is CLDR's, minimum grouping digits included.
  const format = (n) => new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).formatToParts(n);
  const sizes = format(123456789).filter((p) => p.type === "integer").map((p) => p.value.length);
  const primary = sizes[sizes.length - 1];
  const secondary = sizes.length > 2 ? sizes[sizes.length - 2] : primary;
  const minGroup = format(1234).some((p) => p.type === "group") ? 1 : 2;
  return { primary, secondary, minGroup };
}

/** Separators of amounts of money, which differ from plain numbers' in some locales (fr-CH). */
function symbols(locale) {
  const parts = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).formatToParts(12345678.5);
  return {
    group: parts.find((p) => p.type === "group")?.value ?? ",",
    decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
  };
}

export function table() {
  const locales = {};
  for (const locale of LOCALES) {
    const currencies = {};
    for (const currency of CURRENCIES) {
      const format = new Intl.NumberFormat(locale, { style: "currency", currency });
      const [positivePrefix, positiveSuffix] = affixes(format.formatToParts(1234.5));
      const [negativePrefix, negativeSuffix] = affixes(format.formatToParts(-1234.5));
      currencies[currency] = [positivePrefix, positiveSuffix, negativePrefix, negativeSuffix];
    }
    locales[locale] = { ...symbols(locale), ...grouping(locale), currencies };
  }
  const digits = Object.fromEntries(
    CURRENCIES.map((c) => [c, new Intl.NumberFormat("en-US", { style: "currency", currency: c }).resolvedOptions().maximumFractionDigits]),
  );
  return { icu: process.versions.icu, cldr: process.versions.cldr, digits, likely: likelyLocales(), locales };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = new URL("../templates/money.json", import.meta.url);
  writeFileSync(out, `${JSON.stringify(table())}\n`);
  console.log(`wrote ${out.pathname}: ${LOCALES.length} locales x ${CURRENCIES.length} currencies (ICU ${process.versions.icu}, CLDR ${process.versions.cldr})`);
}
