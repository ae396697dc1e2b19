//! The engine a command runs on: a catalog feed (any format the library reads) and a campaign.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::ValueEnum;
use mailfit::config::CampaignConfig;
use mailfit::input::{FeedFormat, FeedOptions, Timestamp, parse_feed_bytes};
use mailfit::{Personalizer, PersonalizerInit};

use crate::fatal::{Fatal, Result};

/// `--catalog-format`: the feed formats of `parseCatalog`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Sniffed from the content: `<` is XML, JSON by its keys, anything else delimited.
    #[default]
    Auto,
    /// Merchant Center XML (RSS 2.0 or Atom).
    #[value(alias = "xml")]
    MerchantXml,
    /// Tab-, comma- or semicolon-separated (Merchant Center's text upload, CSV exports).
    #[value(alias = "csv", alias = "tsv")]
    Delimited,
    /// Content API for Shopping (`products.list`) or Merchant API JSON.
    ContentApi,
    /// Shopify `products.json`.
    Shopify,
    /// The plain JSON array `new Personalizer({ catalog })` takes.
    Json,
}

impl From<FormatArg> for FeedFormat {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Auto => FeedFormat::Auto,
            FormatArg::MerchantXml => FeedFormat::MerchantXml,
            FormatArg::Delimited => FeedFormat::Delimited,
            FormatArg::ContentApi => FeedFormat::ContentApi,
            FormatArg::Shopify => FeedFormat::Shopify,
            FormatArg::Json => FeedFormat::Json,
        }
    }
}

/// The catalog options every command shares.
#[derive(Debug, clap::Args)]
pub struct CatalogArgs {
    /// Catalog feed: Merchant Center XML, CSV/TSV, Content API JSON, Shopify products.json or a
    /// JSON array of products (format sniffed from the content).
    #[arg(long, value_name = "FILE")]
    pub catalog: PathBuf,
    /// Read the feed as this format instead of sniffing it.
    #[arg(long, value_enum, default_value_t, value_name = "FORMAT")]
    pub catalog_format: FormatArg,
    /// Shopify feeds: the shop's base URL, for product links.
    #[arg(long, value_name = "URL")]
    pub shop_url: Option<String>,
    /// ISO 4217 code for feed prices that carry none (Shopify's never do); default: the
    /// campaign's `currency`.
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
}

/// An engine ready for recipients, and what building it said.
pub struct Loaded {
    /// The engine, shared by every worker.
    pub engine: Personalizer,
    /// The feed format read.
    pub format: FeedFormat,
    /// Products in the feed.
    pub products: usize,
    /// The feed's and the engine's warnings.
    pub warnings: Vec<String>,
    /// The campaign file's `now`, when it has one (the sample campaign does).
    pub campaign_now: Option<Timestamp>,
    /// Milliseconds to read the feed and build the engine.
    pub build_ms: f64,
}

/// Reads the campaign file (optional) and the feed, and builds the engine.
pub fn load(catalog: &CatalogArgs, campaign: Option<&Path>) -> Result<Loaded> {
    let started = Instant::now();
    let (config, campaign_now, campaign_currency) = match campaign {
        Some(path) => read_campaign(path)?,
        None => (CampaignConfig::default(), None, None),
    };
    let bytes = std::fs::read(&catalog.catalog)
        .map_err(|e| Fatal::at("cannot read", &catalog.catalog, e))?;
    let options = FeedOptions {
        format: catalog.catalog_format.into(),
        shop_url: catalog.shop_url.clone(),
        currency: catalog.currency.clone().or(campaign_currency),
    };
    let load = parse_feed_bytes(&bytes, &options).map_err(|e| {
        let info = mailfit::Error::from(e).info();
        Fatal::new(format!(
            "the catalog {} does not read: {} ({} at {})",
            catalog.catalog.display(),
            info.message,
            info.code,
            info.path
        ))
    })?;
    drop(bytes);
    let products = load.products.len();
    let engine = Personalizer::new(PersonalizerInit {
        catalog: load.products,
        campaign: config,
        ..PersonalizerInit::default()
    })
    .map_err(|e| Fatal::new(format!("the engine cannot be built: {}", Fatal::from(e))))?;
    let mut warnings = load.warnings;
    warnings.extend(engine.warnings().iter().cloned());
    Ok(Loaded {
        engine,
        format: load.format,
        products,
        warnings,
        campaign_now,
        build_ms: started.elapsed().as_secs_f64() * 1000.0,
    })
}

/// The campaign settings, its `now` and its currency (for feeds whose prices carry none).
fn read_campaign(path: &Path) -> Result<(CampaignConfig, Option<Timestamp>, Option<String>)> {
    let text = std::fs::read_to_string(path).map_err(|e| Fatal::at("cannot read", path, e))?;
    let value: serde_json::Value = mailfit::error::from_json_str("$.campaign", &text)
        .map_err(|e| Fatal::at("the campaign does not read:", path, Fatal::from(e)))?;
    if !value.is_object() {
        return Err(Fatal::at(
            "the campaign is not a JSON object:",
            path,
            "expected { \"id\": ..., \"brand\": ... }",
        ));
    }
    let now = match value.get("now") {
        Some(now) => Some(
            mailfit::error::deserialize_at::<Timestamp>("$.campaign.now", now)
                .map_err(|e| Fatal::at("the campaign does not read:", path, Fatal::from(e)))?,
        ),
        None => None,
    };
    let currency = value
        .get("currency")
        .and_then(serde_json::Value::as_str)
        .map(str::to_string);
    let config = mailfit::error::deserialize_at::<CampaignConfig>("$.campaign", &value)
        .map_err(|e| Fatal::at("the campaign does not read:", path, Fatal::from(e)))?;
    Ok((config, now, currency))
}

/// `--now` as the library reads timestamps: a number is Unix seconds (or milliseconds), anything
/// else ISO 8601.
pub fn parse_now(text: &str) -> Timestamp {
    match text.trim().parse::<f64>() {
        Ok(n) => Timestamp::Number(n),
        Err(_) => Timestamp::Text(text.trim().to_string()),
    }
}
