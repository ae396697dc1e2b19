// Generated from the Rust types by `UPDATE_TYPES=1 cargo test typescript`. Do not edit.

/**
 * Everything a [`Personalizer`] is built from (camelCase in JSON).
 */
export type PersonalizerInit = { 
/**
 * Products in Merchant Center attribute names.
 */
catalog: Array<CatalogProduct>, 
/**
 * Custom templates (defaults from `templates/`).
 */
templates?: TemplateSet, 
/**
 * Campaign settings (all defaulted).
 */
campaign?: CampaignConfig, 
/**
 * Fitted churn model; priors when absent.
 */
churnModel?: ChurnModel, 
/**
 * A replacement angle library (default: `templates/angles.json`).
 */
angles?: Array<Angle>, 
/**
 * Popularity by product id (any non-negative scale), e.g. from `computePopularity`.
 */
popularity?: { [key in string]: number }, 
/**
 * Kinds of product bought together, from `computeAssociations` (none when absent).
 */
associations?: { [key in string]: { [key in string]: number } }, 
/**
 * Bandit posteriors for every call (a call's `options.bandit` overrides them).
 */
bandit?: BanditState, };

/**
 * Per-call options.
 */
export type CallOptions = { 
/**
 * The render time (ISO 8601 or Unix seconds/ms). Pass it for byte-identical re-renders;
 * when absent the host's clock is read.
 */
now?: Timestamp, 
/**
 * The ESP's send id: part of the seed, so one send re-renders identically.
 */
sendId?: string, 
/**
 * Bandit posteriors for this call (overrides the engine's).
 */
bandit?: BanditState, 
/**
 * `seeded` (default: reproducible) or `fresh` (new randomness for the bandit each call).
 */
explore?: Exploration, };

/**
 * Where the bandit's randomness comes from.
 */
export type Exploration = "seeded" | "fresh";

/**
 * Posteriors by arm (`at_risk/comfort-movement`).
 */
export type BanditState = { 
/**
 * Beta posteriors, by `<stage>/<angle>`.
 */
arms?: { [key in string]: Arm }, };

/**
 * One arm's posterior and totals.
 */
export type Arm = { 
/**
 * 1 + rewarded sends.
 */
alpha?: number, 
/**
 * 1 + unrewarded sends.
 */
beta?: number, 
/**
 * Sends recorded.
 */
sends?: number, 
/**
 * Revenue recorded, in major units.
 */
revenue?: number, };

/**
 * What happened to one email.
 */
export type Outcome = { 
/**
 * The recipient (not stored; kept for the host's own logs).
 */
customerId?: string, 
/**
 * The angle the email used (`decision.angle`).
 */
angle: string, 
/**
 * The lifecycle stage at send time (`decision.bandit.stage`); `any` when absent.
 */
stage?: string, 
/**
 * Opened (recorded nowhere: not a reward).
 */
opened?: boolean, 
/**
 * Clicked.
 */
clicked?: boolean, 
/**
 * Converted.
 */
converted?: boolean, 
/**
 * Revenue attributed, major units.
 */
revenue?: number, };

/**
 * The bandit's part of a decision, shown in the preview and sent back with outcomes.
 */
export type BanditChoice = { 
/**
 * Stage whose arms competed.
 */
stage: string, 
/**
 * Draws per competing angle (the highest won).
 */
draws: Array<[string, number]>, };

/**
 * Weights of the product score (all finite, |w| <= 10; absurd values fall back to these).
 */
export type DecideWeights = { 
/**
 * Facet affinity match: the share of their interest in each facet the product has (what
 * a product is, `product:*`/`role:*`, counts half; default 0.6). The name is historical.
 */
tags?: number, 
/**
 * Category affinity match (default 0.5).
 */
categories?: number, 
/**
 * Colour and size affinity match (default 0.2).
 */
attributes?: number, 
/**
 * Novelty seeking × `new-collection` (default 1.0).
 */
novelty?: number, 
/**
 * Set buying × `matching-set` (default 1.0).
 */
sets?: number, 
/**
 * Discount sensitivity × on sale (default 0.8).
 */
sale?: number, 
/**
 * Price close to what they usually pay (default 0.5).
 */
price?: number, 
/**
 * Viewed, carted or wishlisted recently (default 1.2, less for older views).
 */
viewed?: number, 
/**
 * `entry` products for customers who never bought (default 2.0).
 */
entry?: number, 
/**
 * Popularity across all customers, 0..1 (default 0.4).
 */
popularity?: number, 
/**
 * Margin hint from `cost_of_goods_sold` (default 0.3).
 */
margin?: number, 
/**
 * Penalty for nearly sold-out products (stock <= 5; default 0.3).
 */
lowStock?: number, 
/**
 * Penalty for categories they already own plenty of (default 0.3).
 */
diversity?: number, 
/**
 * Kinds of product the customer base buys with theirs, × ln(lift) (default 0.6; needs
 * `associations`).
 */
complements?: number, 
/**
 * Weight of an angle's product preferences in the joint choice (default 0.4).
 */
anglePrefs?: number, };

/**
 * A stable holdout: this share of customers gets the campaign's default email.
 */
export type HoldoutConfig = { 
/**
 * Share of customers held out, 0..=0.5 (default 0: no holdout).
 */
share?: number, 
/**
 * Angle of the default email (default `win-back`), with the most popular eligible product
 * and no offer.
 */
angle?: string, };

/**
 * How far the bandit may stray from the rules.
 */
export type BanditConfig = { 
/**
 * Angles whose score is within this margin of the best compete by Thompson sampling
 * (default 0.5; 0 turns exploration off). Applies only when bandit state is passed.
 */
margin?: number, };

/**
 * One recipient: an id, optional attributes, and the events the CRM holds for them.
 */
export type Customer = { 
/**
 * The host's customer id (never sent to an LLM).
 */
id: string, 
/**
 * Profile attributes; all optional.
 */
attributes?: Attributes, 
/**
 * Behavioural history in any accepted event shape.
 */
events?: Array<CustomerEvent>, };

/**
 * Customer attributes. Unknown keys are kept and reach templates as `customer.attributes.*`.
 */
export type Attributes = { 
/**
 * Given name for the greeting (`first_name` or `firstName`).
 */
first_name?: string, 
/**
 * BCP 47 locale, e.g. `en-GB`; the campaign's locale when absent.
 */
locale?: string, 
/**
 * `female`, `male` or `unisex`, as in Merchant Center; filters products when known.
 */
gender?: string, 
/**
 * Preferred size, e.g. `M`; a hint for the product choice.
 */
size?: string, } & { [key: string]: unknown };

/**
 * One event as a host sends it, in any of the three accepted shapes.
 */
export type CustomerEvent = { 
/**
 * Canonical shape: `view`, `cart`, `wishlist`, `checkout`, `purchase`, `refund`, `visit`,
 * `email_open`, `email_click`, `unsubscribe`.
 */
kind?: string, 
/**
 * Canonical shape: when it happened.
 */
at?: Timestamp, 
/**
 * Canonical shape: product id.
 */
productId?: IdValue, 
/**
 * Canonical shape: order id.
 */
orderId?: IdValue, 
/**
 * Canonical shape: unit price.
 */
price?: Money, 
/**
 * Canonical shape: quantity (default 1).
 */
quantity?: number, 
/**
 * Canonical shape: `online` or `store`.
 */
channel?: string, 
/**
 * Canonical shape: category, kept as evidence when the product is unknown.
 */
category?: OneOrMany, 
/**
 * Canonical shape: coupon code(s) used.
 */
coupon?: OneOrMany, 
/**
 * Segment (and legacy Klaviyo track): the event name.
 */
event?: string, 
/**
 * Segment: when it happened.
 */
timestamp?: Timestamp, 
/**
 * Segment and Klaviyo: event properties.
 */
properties?: RawProps, 
/**
 * Klaviyo: the metric name.
 */
metric?: MetricName, 
/**
 * Klaviyo: when it happened (`time` or `datetime`).
 */
time?: Timestamp, };

/**
 * Event properties under the names Segment and Klaviyo use; unknown keys are ignored.
 */
export type RawProps = { 
/**
 * Product id (`product_id`, `ProductID`, `AddedItemProductID`).
 */
product_id?: IdValue, 
/**
 * SKU, used when no product id matches (`sku`, `SKU`, `AddedItemSKU`).
 */
sku?: IdValue, 
/**
 * Order id (`order_id`, `OrderId`).
 */
order_id?: IdValue, 
/**
 * Klaviyo's `$event_id`, the order id of `Placed Order`.
 */
$event_id?: IdValue, 
/**
 * Unit price (`price`, `Price`, `ItemPrice`, `AddedItemPrice`).
 */
price?: Money, 
/**
 * Klaviyo's `$value` (line or order total), a fallback for the unit price.
 */
$value?: Money, 
/**
 * Quantity (`quantity`, `Quantity`, `AddedItemQuantity`).
 */
quantity?: number, 
/**
 * Category or categories (`category`, `Categories`, `AddedItemCategories`).
 */
category?: OneOrMany, 
/**
 * Coupon code(s) (`coupon`, `Discount Codes`).
 */
coupon?: OneOrMany, 
/**
 * Store vs online (`affiliation`, `channel`, `Source Name`): "store", "pos", "retail" mean in store.
 */
affiliation?: string, 
/**
 * Line items of an order (`products`, `Items`).
 */
products?: Array<RawProps>, } & { [key: string]: unknown };

/**
 * An identifier that may arrive as text or as a number.
 */
export type IdValue = string | number;

/**
 * One value or a list of them (`category: "Leggings"` vs `Categories: ["Leggings"]`).
 */
export type OneOrMany = string | Array<string>;

/**
 * A Klaviyo metric name: plain text or the API's `{name}` object.
 */
export type MetricName = string | { 
/**
 * The metric's name.
 */
name: string, };

/**
 * A point in time as hosts send it: ISO 8601 text, or Unix seconds / milliseconds.
 */
export type Timestamp = number | string;

/**
 * A price as hosts send it: a number (`49.5`) or Merchant Center text (`"49.50 USD"`).
 */
export type Money = number | string;

/**
 * A product as the host sends it, in Merchant Center attribute names (camelCase accepted too).
 */
export type CatalogProduct = { 
/**
 * Unique product id (`id`).
 */
id: string | null, 
/**
 * Product name.
 */
title: string | null, 
/**
 * Long description.
 */
description?: string, 
/**
 * Product page URL.
 */
link?: string, 
/**
 * Main image URL (http or https; anything else is dropped).
 */
image_link?: string, 
/**
 * Regular price: `"68.00 USD"` or a number.
 */
price: Money | null, 
/**
 * Sale price, when on sale.
 */
sale_price?: Money, 
/**
 * `in_stock` (default), `out_of_stock`, `preorder`, `backorder`.
 */
availability?: string, 
/**
 * Units in stock (an extension; Merchant Center has none): 0 means unavailable.
 */
stock?: number, 
/**
 * The brand's own category path: `"Women > Leggings > High-rise"`.
 */
product_type?: string, 
/**
 * Google's taxonomy path or id.
 */
google_product_category?: string, 
/**
 * Variants of one product (sizes, colours) share it.
 */
item_group_id?: string, 
/**
 * Colour name.
 */
color?: string, 
/**
 * Size label.
 */
size?: string, 
/**
 * `female`, `male`, `unisex`.
 */
gender?: string, 
/**
 * ISO 4217 code when `price` is a plain number (default: the campaign currency).
 */
currency?: string, 
/**
 * Merchant Center's cost of goods sold: with the price it gives the margin hint.
 */
cost_of_goods_sold?: Money, 
/**
 * The store's own tags (Shopify `tags`, or any free words); one more facet source.
 */
tags?: Array<string>, 
/**
 * Shopify's standard product taxonomy category (a path or a `gid://shopify/TaxonomyCategory/..`).
 */
taxonomy_category?: string, 
/**
 * Merchant Center `custom_label_0` .. `custom_label_4`: the brand's own groupings.
 */
custom_label_0?: string, 
/**
 * `custom_label_1`.
 */
custom_label_1?: string, 
/**
 * `custom_label_2`.
 */
custom_label_2?: string, 
/**
 * `custom_label_3`.
 */
custom_label_3?: string, 
/**
 * `custom_label_4`.
 */
custom_label_4?: string, 
/**
 * Fabric (`"recycled nylon/elastane"`).
 */
material?: string, 
/**
 * Pattern (`"ribbed"`, `"camo"`).
 */
pattern?: string, 
/**
 * `newborn` .. `adult`.
 */
age_group?: string, 
/**
 * Merchant Center `product_highlight` lines.
 */
product_highlight?: Array<string>, 
/**
 * Merchant Center `product_detail` entries (section, attribute, value).
 */
product_detail?: Array<ProductDetail>, };

/**
 * One Merchant Center `product_detail`: `{ section_name, attribute_name, attribute_value }`.
 */
export type ProductDetail = { 
/**
 * Section heading (`"General"`).
 */
section_name?: string, 
/**
 * Attribute name (`"Fabric feel"`).
 */
attribute_name: string, 
/**
 * Attribute value (`"brushed, buttery-soft"`).
 */
attribute_value: string, };

/**
 * How to read a feed.
 */
export type FeedOptions = { 
/**
 * The format; detected when absent.
 */
format?: FeedFormat, 
/**
 * The shop's base URL (`https://shop.example` or `shop.example`), for Shopify product
 * links: `{shopUrl}/products/{handle}?variant={id}`.
 */
shopUrl?: string, 
/**
 * ISO 4217 code for prices that carry none (Shopify prices never do).
 */
currency?: string, };

/**
 * The format of a catalog feed.
 */
export type FeedFormat = "auto" | "merchantXml" | "delimited" | "contentApi" | "shopify" | "json";

/**
 * A feed read into catalog products.
 */
export type FeedLoad = { 
/**
 * The products, in feed order: `new Personalizer({ catalog: products })`.
 */
products: Array<CatalogProduct>, 
/**
 * The format read (the detected one when `Auto` was asked).
 */
format: FeedFormat, 
/**
 * What was not used or was repaired: each unknown column, element or field once.
 */
warnings: Array<string>, };

/**
 * One campaign's settings, camelCase in JSON.
 */
export type CampaignConfig = { 
/**
 * Campaign id: part of the seed and the default `utm_campaign` (default `re-engagement`).
 */
id?: string, 
/**
 * Brand shown in copy and footer.
 */
brand?: Brand, 
/**
 * Default locale for money and copy when the customer has none (default `en-US`).
 */
locale?: string, 
/**
 * Currency for catalog prices given as plain numbers (default `USD`).
 */
currency?: string, 
/**
 * UTM parameters added to every product and CTA link.
 */
utm?: Utm, 
/**
 * Which offers the campaign allows, and when to use them.
 */
offerPolicy?: OfferPolicy, 
/**
 * Lifecycle thresholds in days.
 */
lifecycle?: LifecycleThresholds, 
/**
 * Half-life in days of behavioural evidence (default 90: a re-engagement audience has
 * been away for months, and a shorter one lets last week's views outweigh what they bought).
 */
halfLifeDays?: number, 
/**
 * Horizon of `churnRisk` and `expectedPurchases` in days: the CRM's window (default 90).
 */
churnHorizonDays?: number, 
/**
 * A brand's lexicon: facets and words that extend (or with `replace`, replace) the
 * default apparel lexicon in `templates/lexicon.json`.
 */
lexicon?: LexiconSpec, 
/**
 * Products from the same item group bought within this many days are not shown (default 90).
 */
recentlyBoughtDays?: number, 
/**
 * Products with any of these tags are never shown.
 */
excludeTags?: Array<string>, 
/**
 * These product ids are never shown.
 */
excludeProductIds?: Array<string>, 
/**
 * How many alternates to show below the hero product (default 3).
 */
alternates?: number, 
/**
 * Per-customer limit on events read (the most recent are kept; default 5,000).
 */
maxEvents?: number, 
/**
 * Weights of the product score.
 */
weights?: DecideWeights, 
/**
 * The holdout group.
 */
holdout?: HoldoutConfig, 
/**
 * Bandit exploration.
 */
bandit?: BanditConfig, };

/**
 * A lexicon as JSON: facet id -> definition.
 */
export type LexiconSpec = { 
/**
 * Free text about the lexicon.
 */
about: string, 
/**
 * Facet id (`dimension:value`) -> definition.
 */
facets: { [key in string]: FacetDef }, 
/**
 * With `true`, this lexicon replaces the default instead of extending it.
 */
replace: boolean, };

/**
 * One facet's definition.
 */
export type FacetDef = { 
/**
 * Words a marketer reads (`"leggings"`, `"soft"`).
 */
label: string, 
/**
 * Shopify taxonomy category ids (`aa-1-1-1-2`) whose names, in every language, mean it.
 */
taxonomy: Array<string>, 
/**
 * Facets that follow from this one (`product:leggings` -> `role:bottom`).
 */
implies: Array<string>, 
/**
 * Terms per language matched in name-like fields only (category paths, title, tags, labels).
 */
names: { [key in string]: Array<string> }, 
/**
 * Terms per language matched anywhere, descriptions and highlights included.
 */
words: { [key in string]: Array<string> }, 
/**
 * Names that say what a product is only when no field says it more specifically
 * (`pant`: often a legging; UK `vest`: a tank top).
 */
weak: { [key in string]: Array<string> }, };

/**
 * The brand behind the email.
 */
export type Brand = { 
/**
 * Brand name (default `Northbound Athletics`, the sample brand).
 */
name?: string, 
/**
 * Voice of the rule-based copy: `warm` (default), `energetic` or `minimal`.
 */
voice?: string, 
/**
 * Storefront URL.
 */
website?: string, 
/**
 * Logo image URL.
 */
logoUrl?: string, 
/**
 * Accent colour for buttons, `#rrggbb`.
 */
accentColor?: string, 
/**
 * Postal address for the footer (required by CAN-SPAM).
 */
address?: string, 
/**
 * Unsubscribe link or the ESP's merge tag, inserted verbatim into the footer.
 */
unsubscribeUrl?: string, 
/**
 * Base URL of the templates' own assets, for `asset_url` (default: website + `/assets`).
 */
assetsUrl?: string, 
/**
 * Words LLM copy must never use (case-insensitive); an answer using one falls back to rules.
 */
bannedWords?: Array<string>, };

/**
 * UTM parameters appended to links (empty values are left out).
 */
export type Utm = { 
/**
 * `utm_source` (default `newsletter`).
 */
source?: string, 
/**
 * `utm_medium` (default `email`).
 */
medium?: string, 
/**
 * `utm_campaign` (default: the campaign id).
 */
campaign?: string, };

/**
 * An offer the campaign may give. Nothing outside this list is ever offered.
 */
export type Offer = { "type": "percentOff", 
/**
 * Percent, 1..=90.
 */
percent: number, 
/**
 * Code to enter at checkout.
 */
code: string, } | { "type": "freeShipping", 
/**
 * Code to enter at checkout.
 */
code: string, };

/**
 * When to spend margin on an offer.
 */
export type OfferPolicy = { 
/**
 * Offers allowed, most generous last (default: free shipping, then 15% off).
 */
offers?: Array<Offer>, 
/**
 * Minimum churn risk before any offer (default 0.6).
 */
minChurnRisk?: number, 
/**
 * Minimum discount sensitivity for a percentage offer (default 0.35).
 */
minDiscountSensitivity?: number, };

/**
 * Lifecycle thresholds in days since the last purchase (the CRM's "30 days" rule by default).
 */
export type LifecycleThresholds = { 
/**
 * A first purchase within this many days makes a customer `new` (default 30).
 */
newDays?: number, 
/**
 * No purchase for this many days makes a customer `at_risk` (default 30).
 */
atRiskDays?: number, 
/**
 * No purchase for this many days makes a customer `lapsed` (default 120).
 */
lapsedDays?: number, };

/**
 * Model parameters: purchase rate ~ Gamma(r, alpha); dropout probability ~ Beta(a, b) for
 * `bg_nbd` and `mbg_nbd`, dropout rate ~ Gamma(s, beta) for `pareto_nbd`. Each variant needs its
 * own pair and ignores the other.
 */
export type ChurnModel = { 
/**
 * `bg_nbd`, `mbg_nbd` (default) or `pareto_nbd`.
 */
variant?: ChurnVariant, 
/**
 * Gamma shape of the purchase rate.
 */
r: number, 
/**
 * Gamma scale of the purchase rate, in days.
 */
alpha: number, 
/**
 * Beta parameter of the dropout probability (`bg_nbd`, `mbg_nbd`).
 */
a?: number, 
/**
 * Beta parameter of the dropout probability (`bg_nbd`, `mbg_nbd`).
 */
b?: number, 
/**
 * Gamma shape of the dropout rate (`pareto_nbd`).
 */
s?: number, 
/**
 * Gamma scale of the dropout rate, in days (`pareto_nbd`).
 */
beta?: number, 
/**
 * Where the parameters came from (`prior` or `fitted`).
 */
source?: string, };

/**
 * Which member of the family.
 */
export type ChurnVariant = "bg_nbd" | "mbg_nbd" | "pareto_nbd";

/**
 * Options of a fit (camelCase in JSON).
 */
export type FitOptions = { 
/**
 * End of observation (ISO 8601 or Unix time); the host's clock when absent.
 */
now?: Timestamp, 
/**
 * `mbg_nbd` (default), `bg_nbd` or `pareto_nbd`.
 */
variant?: ChurnVariant, 
/**
 * Per-customer event limit, as in the campaign config (default 5,000).
 */
maxEvents?: number, 
/**
 * Weight of the prior in the churn fit, in pseudo-observations per parameter (default 1:
 * negligible for a large base, decisive for a tiny or churn-free one; 0 = pure maximum likelihood).
 */
penalizer?: number, 
/**
 * Half-life in days of popularity evidence (default 30).
 */
halfLifeDays?: number, 
/**
 * Least number of customers who bought both kinds of product for an association to count
 * (default 5).
 */
minSupport?: number, };

/**
 * A fitted model with its diagnostics.
 */
export type FitReport = { 
/**
 * The parameters, ready for `churnModel`.
 */
model: ChurnModel, 
/**
 * Customers with at least one purchase (the fit's sample).
 */
customers: number, 
/**
 * Mean log-likelihood per customer at the optimum.
 */
meanLogLikelihood: number, 
/**
 * Objective evaluations used.
 */
evaluations: number, 
/**
 * Signs of a degenerate fit, in plain words (empty when the fit looks sound).
 */
warnings: Array<string>, };

/**
 * One message angle.
 */
export type Angle = { 
/**
 * Stable id, e.g. `comfort-movement`.
 */
id: string, 
/**
 * Name shown in the preview.
 */
name: string, 
/**
 * Score before any trigger.
 */
bias?: number, 
/**
 * Weights over profile features (see [`features`]), e.g. `{"tag:studio": 1.5}`.
 */
triggers?: { [key in string]: number }, 
/**
 * Bonus for products carrying these tags or category levels when this angle is chosen.
 */
productPrefs?: { [key in string]: number }, 
/**
 * Copy variants (Liquid, rendered as plain text).
 */
copy: AngleCopy, };

/**
 * Copy variants of an angle; one variant per slot is chosen by the seed.
 */
export type AngleCopy = { 
/**
 * Subject line variants.
 */
subject: Array<string>, 
/**
 * Preheader variants.
 */
preheader: Array<string>, 
/**
 * Headline variants.
 */
headline: Array<string>, 
/**
 * Body paragraph variants (each a full paragraph).
 */
body: Array<string>, 
/**
 * Call-to-action label variants.
 */
cta: Array<string>, 
/**
 * Reasons to buy, all shown.
 */
reasonsToBuy?: Array<string>, };

/**
 * The templates of a campaign; absent ones use the shipped defaults in `templates/`.
 */
export type TemplateSet = { 
/**
 * HTML body template.
 */
html?: string, 
/**
 * Plain-text body template.
 */
text?: string, 
/**
 * Subject line template.
 */
subject?: string, 
/**
 * Preheader template.
 */
preheader?: string, 
/**
 * Partials by name, for `{% include 'name' %}`; merged over the default partials.
 */
partials?: { [key in string]: string }, 
/**
 * Bounds on each render (output size, loop iterations, value size); safe defaults.
 */
limits?: RenderLimits, };

/**
 * Bounds on one render; every field has a safe default.
 */
export type RenderLimits = { 
/**
 * Largest output in bytes; rendering stops with a limit error as soon as it is passed.
 */
maxOutputBytes: number, 
/**
 * Loop iterations (`for`, `tablerow`) and partial renders (`include`, `render`) over the
 * whole render, nested ones included.
 */
maxLoopIterations: number, 
/**
 * Largest value a filter or `capture` may produce (string bytes; 16 bytes per array item).
 */
maxValueBytes: number, 
/**
 * Bytes of values that filters make or read (their input and the arguments they take
 * from the data), `assign` copies, reads of assigned variables copy and `contains`/`==`
 * scan, plus 32 for each template element rendered and each filter call (and 4 more per
 * level of blocks and partials around it, whose scopes a variable read walks), over the
 * whole render (Ruby Liquid's `assign_score_limit` and `render_score_limit` in one). Bounds
 * the time a template can spend on data the other limits let through:
 * `{% assign a = products %}` in a loop of 100,000 copied 3,000 products each time (61 s
 * natively); the golden-liquid benchmark pages process under 12 KB, a sample email 7 KB.
 */
maxProcessedBytes: number, };

/**
 * How `{{ }}` output is escaped.
 */
export type OutputEscape = "none" | "html";

/**
 * Profile and decision together (what `.decide()` returns).
 */
export type Decided = { 
/**
 * The profile the decision used.
 */
profile: Profile, 
/**
 * The decision.
 */
decision: Decision, 
/**
 * Degraded paths taken (fallbacks, repaired config, ignored events).
 */
warnings: Array<string>, };

/**
 * A personalized, rendered email with everything that led to it.
 */
export type Personalized = { 
/**
 * Subject line.
 */
subject: string, 
/**
 * Preheader.
 */
preheader: string, 
/**
 * HTML body.
 */
html: string, 
/**
 * Plain-text body.
 */
text: string, 
/**
 * Where the words came from: `rules`, `llm` or `cache`.
 */
copySource: CopySource, 
/**
 * The words before templating.
 */
copy: Copy, 
/**
 * The decision.
 */
decision: Decision, 
/**
 * The profile.
 */
profile: Profile, 
/**
 * Degraded paths taken (fallbacks, repaired config, ignored events).
 */
warnings: Array<string>, };

/**
 * The behavioural profile of one customer.
 */
export type Profile = { 
/**
 * The customer's id.
 */
customerId: string, 
/**
 * The `now` the profile was computed at (RFC 3339).
 */
asOf: string, 
/**
 * Journey stage.
 */
lifecycle: Lifecycle, 
/**
 * Recency, frequency, monetary.
 */
rfm: Rfm, 
/**
 * Top categories by decayed, signal-weighted interest.
 */
categoryAffinities: Array<Affinity>, 
/**
 * Top facets (what the products they engage with are, are for and feel like), each as
 * the share of all their product interest that went to products with it, with the words
 * the catalog used.
 */
facetAffinities: Array<Affinity>, 
/**
 * Top store tags (the brand's own words) by decayed, signal-weighted interest.
 */
tagAffinities: Array<Affinity>, 
/**
 * Top product attributes (`color:black`, `size:m`) by the same measure.
 */
attributeAffinities: Array<Affinity>, 
/**
 * Gender and size of what they bought, when observed.
 */
observed: Observed, 
/**
 * Shopping style.
 */
style: StyleSignals, 
/**
 * Email engagement.
 */
engagement: Engagement, 
/**
 * Churn scores.
 */
churn: Churn, 
/**
 * Products viewed, carted or wishlisted in the last 30 days and not bought, most recent first.
 */
recentlyViewed: Array<string>, 
/**
 * Item groups bought, with days since the last purchase of each.
 */
boughtGroups: Array<[string, number]>, 
/**
 * Plain-language reasons with numbers, most telling first.
 */
reasons: Array<string>, 
/**
 * What was read and ignored.
 */
dataQuality: DataQuality, };

/**
 * Where the customer is in their journey.
 */
export type Lifecycle = "new" | "active" | "at_risk" | "lapsed" | "browser";

/**
 * Recency, frequency, monetary value and channel split.
 */
export type Rfm = { 
/**
 * Days since the last purchase (`null` when never purchased).
 */
daysSinceLastPurchase: number | null, 
/**
 * Days since the first purchase.
 */
daysSinceFirstPurchase: number | null, 
/**
 * Days since the last site or app activity.
 */
daysSinceLastVisit: number | null, 
/**
 * Distinct orders, net of fully refunded ones.
 */
orders: number, 
/**
 * Net revenue in minor units.
 */
totalSpentMinor: number, 
/**
 * Average order value in minor units.
 */
averageOrderMinor: number, 
/**
 * Orders placed online.
 */
onlineOrders: number, 
/**
 * Orders placed in a store.
 */
storeOrders: number, };

/**
 * How the customer shops; each score in 0..1.
 */
export type StyleSignals = { 
/**
 * Share of interest in `new-collection` items.
 */
novelty: number, 
/**
 * Share of interest in `matching-set` items.
 */
setBuying: number, 
/**
 * Share of purchases on sale or with a coupon (views of sale items when never bought).
 */
discountSensitivity: number, 
/**
 * Browses without buying.
 */
browseWithoutBuying: number, 
/**
 * Typical price paid (or viewed) relative to the catalog median (1.0 = median).
 */
priceRatio: number | null, 
/**
 * Typical unit price paid or viewed, in minor units.
 */
typicalPriceMinor: number | null, };

/**
 * Email engagement. Clicks weigh more than opens (Apple Mail Privacy Protection inflates opens).
 */
export type Engagement = { 
/**
 * Emails received (`Received Email`, `Email Delivered`), when the host sends them.
 */
delivered: number, 
/**
 * Emails opened.
 */
opens: number, 
/**
 * Email clicks.
 */
clicks: number, 
/**
 * Days since the last open.
 */
daysSinceLastOpen: number | null, 
/**
 * Days since the last click.
 */
daysSinceLastClick: number | null, 
/**
 * Opens per delivered email (`null` without deliveries).
 */
openRate: number | null, 
/**
 * Clicks per delivered email (`null` without deliveries).
 */
clickRate: number | null, 
/**
 * 0..1: recent clicks count fully, opens a quarter (half-life as configured).
 */
score: number, 
/**
 * Unsubscribed at some point.
 */
unsubscribed: boolean, };

/**
 * What purchases reveal about the customer.
 */
export type Observed = { 
/**
 * Gender of the products bought most (unisex left out).
 */
gender: string | null, 
/**
 * Size bought most (one-size left out).
 */
size: string | null, };

/**
 * Churn scores over the campaign's horizon (`churnHorizonDays`, default [`HORIZON_DAYS`]).
 */
export type Churn = { 
/**
 * Probability the customer is still active.
 */
pAlive: number, 
/**
 * Probability of no purchase within the horizon.
 */
churnRisk: number, 
/**
 * Expected purchases within the horizon.
 */
expectedPurchases: number, 
/**
 * Horizon in days.
 */
horizonDays: number, 
/**
 * `prior` or `fitted`.
 */
model: string, };

/**
 * Data quality counters: what was read, ignored or could not be matched.
 */
export type DataQuality = { 
/**
 * Events dated after `now` (ignored).
 */
future: number, 
/**
 * Product events whose product is not in the catalog (kept by category when given).
 */
unknownProducts: number, 
/**
 * Events received.
 */
received: number, 
/**
 * Canonical events produced (order lines count one each).
 */
accepted: number, 
/**
 * Events whose name no adapter knows (ignored).
 */
unknown: number, 
/**
 * Up to ten of those unknown names, for debugging integrations.
 */
unknownNames: Array<string>, 
/**
 * Events without a readable timestamp (ignored).
 */
undated: number, 
/**
 * Purchase or refund lines repeated for the same order and product (ignored).
 */
duplicates: number, 
/**
 * Events beyond the per-customer limit (the oldest are dropped).
 */
truncated: number, };

/**
 * What normalization kept and dropped, so nothing is lost silently.
 */
export type EventStats = { 
/**
 * Events received.
 */
received: number, 
/**
 * Canonical events produced (order lines count one each).
 */
accepted: number, 
/**
 * Events whose name no adapter knows (ignored).
 */
unknown: number, 
/**
 * Up to ten of those unknown names, for debugging integrations.
 */
unknownNames: Array<string>, 
/**
 * Events without a readable timestamp (ignored).
 */
undated: number, 
/**
 * Purchase or refund lines repeated for the same order and product (ignored).
 */
duplicates: number, 
/**
 * Events beyond the per-customer limit (the oldest are dropped).
 */
truncated: number, };

/**
 * Interest in one category, tag or attribute: its share of all decayed, signal-weighted
 * interest of that kind.
 */
export type Affinity = { 
/**
 * Category level, tag or attribute (`color:black`), lower-cased.
 */
key: string, 
/**
 * Share in 0..1.
 */
score: number, 
/**
 * Supporting events.
 */
evidence: Evidence, 
/**
 * For facets: the words in the products they engaged with that gave the facet, most
 * frequent first (`["yoga", "buttery-soft"]`).
 */
words?: Array<string>, 
/**
 * For facets: what it means in words (`"studio and low-impact"`).
 */
label?: string, };

/**
 * How many events of each kind support an affinity.
 */
export type Evidence = { 
/**
 * Product views.
 */
views: number, 
/**
 * Cart adds and checkouts.
 */
carts: number, 
/**
 * Wishlist adds.
 */
wishlists: number, 
/**
 * Purchased lines.
 */
purchases: number, 
/**
 * Email clicks on a product.
 */
clicks: number, };

/**
 * The choice for one customer, with its reasons and scores.
 */
export type Decision = { 
/**
 * Hero product (`null` only when nothing in the catalog can be shown).
 */
productId: string | null, 
/**
 * Further products to show, best first, distinct item groups.
 */
alternates: Array<string>, 
/**
 * Chosen angle id.
 */
angle: string, 
/**
 * Offer and price positioning.
 */
offer: OfferDecision, 
/**
 * Copy variant keys chosen per slot, e.g. `comfort-movement/subject/1`.
 */
copyKeys: { [key in string]: string }, 
/**
 * In the campaign's holdout group: gets the default email.
 */
holdout: boolean, 
/**
 * The bandit's draw, when bandit state was passed.
 */
bandit: BanditChoice | null, 
/**
 * Seed used for every choice, as hex (JSON-safe).
 */
seed: string, 
/**
 * Plain-language reasons, most telling first.
 */
reasons: Array<string>, 
/**
 * Scores behind the choice.
 */
scores: Scores, 
/**
 * Set when a fallback product was used, saying which rule was relaxed.
 */
fallback: string | null, };

/**
 * Scores shown in the preview.
 */
export type Scores = { 
/**
 * Every angle's value (trigger score + its best product), best first.
 */
angles: Array<[string, number]>, 
/**
 * The hero product's score parts (`tags`, `category`, `viewed`, `angle`...).
 */
product: Array<[string, number]>, 
/**
 * Eligible products fully scored.
 */
candidates: number, };

/**
 * The offer decision with its reason.
 */
export type OfferDecision = { 
/**
 * Price positioning.
 */
positioning: Positioning, 
/**
 * The campaign offer used, if any.
 */
offer: Offer | null, 
/**
 * Why, in plain words with numbers.
 */
reason: string, };

/**
 * How the email positions price.
 */
export type Positioning = "full_price" | "new_collection" | "value" | "incentive";

/**
 * The words of one email.
 */
export type Copy = { 
/**
 * Subject line.
 */
subject: string, 
/**
 * Preheader (inbox preview text).
 */
preheader: string, 
/**
 * Headline above the hero product.
 */
headline: string, 
/**
 * Body paragraph.
 */
body: string, 
/**
 * Call-to-action label.
 */
cta: string, 
/**
 * Reasons to buy, as bullet points.
 */
reasonsToBuy: Array<string>, 
/**
 * The offer in words (`null` without an offer).
 */
offerLine: string | null, 
/**
 * Where the copy came from.
 */
source: CopySource, };

/**
 * Where the copy came from.
 */
export type CopySource = "rules" | "llm" | "cache";

/**
 * The `llm` option of `personalize` (without `fetch`, which stays on the JS side).
 */
export type LlmSettings = { 
/**
 * Endpoint URL, e.g. `https://api.openai.com/v1/chat/completions`.
 */
url: string, 
/**
 * Model name sent in the request.
 */
model: string, 
/**
 * Request shape (default `openai-chat`).
 */
api: Api, 
/**
 * Deadline for the whole exchange, retries included (default 2000 ms).
 */
timeoutMs: number, 
/**
 * JSON mode of an `openai-compatible` endpoint (default `json-object`).
 */
structuredOutput: StructuredOutput, 
/**
 * Output token cap (default 400).
 */
maxTokens: number, 
/**
 * Extra request headers (e.g. `anthropic-version`); credentials belong in the host's fetch.
 */
headers?: { [key in string]: string }, };

/**
 * The request shape of an endpoint.
 */
export type Api = "openai-chat" | "openai-responses" | "anthropic" | "openai-compatible";

/**
 * How an OpenAI-compatible server is asked for JSON: servers differ.
 */
export type StructuredOutput = "json-object" | "json-schema";

