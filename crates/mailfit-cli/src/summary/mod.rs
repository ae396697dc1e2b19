//! The campaign overview: counts per angle, hero product, product family, category, offer,
//! lifecycle stage and copy source (each also split by lifecycle stage, for the overview's
//! charts), warnings and errors with examples; as JSON, as a static HTML page and as text.
//!
//! Counted by the writer in line order, so everything but the timings is the same for the same
//! input, whatever the number of threads.

mod page;

pub use page::{esc, int};

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::outcome::{Failed, STAGES, Sent, Tally};

/// Examples kept per warning kind and error kind.
const EXAMPLES: usize = 3;
/// Hero products listed in `summary.json` (the most shown; the rest are one row).
const HERO_ROWS: usize = 200;

/// A count, and the same count split by lifecycle stage (in [`STAGES`] order).
#[derive(Default, Clone, Copy)]
struct Cell {
    count: u64,
    by: [u64; STAGES.len()],
}

impl Cell {
    fn add(&mut self, stage: usize) {
        self.count += 1;
        if let Some(n) = self.by.get_mut(stage) {
            *n += 1;
        }
    }
}

/// Counts as the run goes.
#[derive(Default)]
pub struct Tallies {
    decided: u64,
    failed: u64,
    holdout: u64,
    with_warnings: u64,
    angles: BTreeMap<String, Cell>,
    heroes: BTreeMap<String, (String, Cell)>,
    families: BTreeMap<String, Cell>,
    categories: BTreeMap<String, Cell>,
    offers: BTreeMap<String, Cell>,
    lifecycle: BTreeMap<String, Cell>,
    copy_sources: BTreeMap<String, Cell>,
    subjects: BTreeMap<String, String>,
    warnings: BTreeMap<String, Group>,
    errors: BTreeMap<(String, String), Group>,
}

#[derive(Default)]
struct Group {
    count: u64,
    examples: Vec<Example>,
}

/// One example of a warning or an error.
#[derive(Debug, Clone, Serialize)]
pub struct Example {
    /// Line number in the customer file.
    pub line: u64,
    /// Customer id, when known.
    pub id: Option<String>,
    /// The warning or the error message.
    pub text: String,
    /// The error's path (errors only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl Tallies {
    /// Counts one line's outcome.
    pub fn add(&mut self, tally: &Tally) {
        match tally {
            Tally::Sent(sent) => self.add_sent(sent),
            Tally::Failed(failed) => self.add_failed(failed),
        }
    }

    /// Customers decided so far.
    pub fn decided(&self) -> u64 {
        self.decided
    }

    /// Lines failed so far.
    pub fn failed(&self) -> u64 {
        self.failed
    }

    /// Whether any line failed with this error code.
    pub fn has_code(&self, code: &str) -> bool {
        self.errors.keys().any(|(c, _)| c == code)
    }

    fn add_sent(&mut self, sent: &Sent) {
        self.decided += 1;
        if sent.holdout {
            self.holdout += 1;
        }
        let stage = sent.stage;
        bump(&mut self.angles, &sent.angle, stage);
        bump(&mut self.families, &sent.family, stage);
        bump(&mut self.categories, &sent.category, stage);
        bump(&mut self.offers, &sent.offer, stage);
        bump(&mut self.lifecycle, sent.lifecycle, stage);
        bump(&mut self.copy_sources, sent.copy_source, stage);
        let (id, title) = sent
            .hero
            .as_ref()
            .map_or(("(no product)", "(no product)"), |(id, title)| {
                (id.as_str(), title.as_str())
            });
        if let Some((_, cell)) = self.heroes.get_mut(id) {
            cell.add(stage);
        } else {
            let mut cell = Cell::default();
            cell.add(stage);
            self.heroes
                .insert(id.to_string(), (title.to_string(), cell));
        }
        if !self.subjects.contains_key(&sent.angle) {
            self.subjects
                .insert(sent.angle.clone(), sent.subject.clone());
        }
        if !sent.warnings.is_empty() {
            self.with_warnings += 1;
        }
        for warning in &sent.warnings {
            let group = self.warnings.entry(warning_kind(warning)).or_default();
            group.count += 1;
            if group.examples.len() < EXAMPLES {
                group.examples.push(Example {
                    line: sent.line,
                    id: Some(sent.id.clone()),
                    text: warning.clone(),
                    path: None,
                });
            }
        }
    }

    fn add_failed(&mut self, failed: &Failed) {
        self.failed += 1;
        let key = (failed.error.code.to_string(), path_kind(&failed.error.path));
        let group = self.errors.entry(key).or_default();
        group.count += 1;
        if group.examples.len() < EXAMPLES {
            group.examples.push(Example {
                line: failed.line,
                id: failed.id.clone(),
                text: failed.error.message.clone(),
                path: Some(failed.error.path.clone()),
            });
        }
    }

    /// The report, with the run's context around the counts.
    pub fn report(&self, context: Context) -> Report {
        let customers = self.decided + self.failed;
        Report {
            mailfit: mailfit::VERSION,
            campaign: context.campaign,
            catalog: context.catalog,
            input: context.input,
            counts: Counts {
                customers,
                decided: self.decided,
                errors: self.failed,
                emails_written: if context.run.no_emails {
                    0
                } else {
                    self.decided
                },
                holdout: self.holdout,
                with_warnings: self.with_warnings,
            },
            angles: table(&self.angles, self.decided),
            hero_products: hero_table(&self.heroes, self.decided),
            product_families: table(&self.families, self.decided),
            categories: table(&self.categories, self.decided),
            offers: table(&self.offers, self.decided),
            lifecycle: table(&self.lifecycle, self.decided)
                .into_iter()
                .map(|row| Row {
                    by_lifecycle: None,
                    ..row
                })
                .collect(),
            copy_sources: table(&self.copy_sources, self.decided),
            example_subjects: self.subjects.clone(),
            warnings: self
                .warnings
                .iter()
                .map(|(kind, g)| Kind {
                    kind: kind.clone(),
                    code: None,
                    count: g.count,
                    examples: g.examples.clone(),
                })
                .collect(),
            errors: self
                .errors
                .iter()
                .map(|((code, path), g)| Kind {
                    kind: path.clone(),
                    code: Some(code.clone()),
                    count: g.count,
                    examples: g.examples.clone(),
                })
                .collect(),
            overview: context.overview,
            run: context.run,
        }
    }
}

fn bump(map: &mut BTreeMap<String, Cell>, key: &str, stage: usize) {
    if let Some(cell) = map.get_mut(key) {
        cell.add(stage);
    } else {
        let mut cell = Cell::default();
        cell.add(stage);
        map.insert(key.to_string(), cell);
    }
}

/// A warning without its numbers and lists: `3 events ... ignored: A, B` -> `N events ... ignored`.
fn warning_kind(warning: &str) -> String {
    let head = warning.split(": ").next().unwrap_or(warning);
    let mut out = String::with_capacity(head.len());
    let mut in_number = false;
    for c in head.chars() {
        if c.is_ascii_digit() {
            if !in_number {
                out.push('N');
            }
            in_number = true;
        } else {
            in_number = false;
            out.push(c);
        }
    }
    out
}

/// A path with its indexes generalised: `$.events[12].at` -> `$.events[N].at`.
fn path_kind(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[N");
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// Rows by count, largest first (then by key): every table's counts add up to `total`.
fn table(map: &BTreeMap<String, Cell>, total: u64) -> Vec<Row> {
    let mut rows: Vec<Row> = map
        .iter()
        .map(|(key, cell)| row(key.clone(), None, cell, total))
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    rows
}

/// The hero products, most shown first: the first [`HERO_ROWS`] by id with their titles, the
/// rest folded into one `(N other products)` row, so the table still adds up to `total`.
fn hero_table(map: &BTreeMap<String, (String, Cell)>, total: u64) -> Vec<Row> {
    let mut rows: Vec<Row> = map
        .iter()
        .map(|(key, (title, cell))| row(key.clone(), Some(title.clone()), cell, total))
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    if rows.len() > HERO_ROWS {
        let rest = rows.split_off(HERO_ROWS);
        let mut cell = Cell::default();
        for r in &rest {
            cell.count += r.count;
            let by = r.by_lifecycle.map(|b| b.0).unwrap_or_default();
            for (sum, n) in cell.by.iter_mut().zip(by) {
                *sum += n;
            }
        }
        rows.push(row(
            format!("({} other products)", rest.len()),
            None,
            &cell,
            total,
        ));
    }
    rows
}

fn row(key: String, title: Option<String>, cell: &Cell, total: u64) -> Row {
    Row {
        key,
        title,
        count: cell.count,
        share: if total == 0 {
            0.0
        } else {
            (cell.count as f64 / total as f64 * 10_000.0).round() / 10_000.0
        },
        by_lifecycle: Some(ByLifecycle(cell.by)),
    }
}

/// The run around the counts (filled by the campaign command).
pub struct Context {
    /// Campaign id, `now`, send id.
    pub campaign: CampaignInfo,
    /// The feed.
    pub catalog: CatalogInfo,
    /// The customer file.
    pub input: InputInfo,
    /// The interactive overview, when written.
    pub overview: Option<OverviewInfo>,
    /// Threads, timings, memory.
    pub run: RunInfo,
}

/// The whole overview (`summary.json`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    mailfit: &'static str,
    campaign: CampaignInfo,
    catalog: CatalogInfo,
    input: InputInfo,
    counts: Counts,
    angles: Vec<Row>,
    hero_products: Vec<Row>,
    product_families: Vec<Row>,
    categories: Vec<Row>,
    offers: Vec<Row>,
    lifecycle: Vec<Row>,
    copy_sources: Vec<Row>,
    example_subjects: BTreeMap<String, String>,
    warnings: Vec<Kind>,
    errors: Vec<Kind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    overview: Option<OverviewInfo>,
    run: RunInfo,
}

/// The interactive overview (`overview.html`): what it samples.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverviewInfo {
    /// The page, relative to the output directory.
    pub page: &'static str,
    /// Customers in its sample (with their decision, profile and email).
    pub sampled: usize,
    /// How they were picked.
    pub rule: String,
    /// Whether the widget's files were copied next to it (the page needs them).
    pub widget: bool,
}

/// Campaign settings of the run.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CampaignInfo {
    /// Campaign id.
    pub id: String,
    /// The render time, ISO 8601.
    pub now: String,
    /// The send id.
    pub send_id: String,
    /// The brand's name.
    pub brand: String,
    /// The campaign's currency.
    pub currency: String,
}

/// The feed read.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogInfo {
    /// Feed file.
    pub file: String,
    /// Format read.
    pub format: mailfit::input::FeedFormat,
    /// Products.
    pub products: usize,
    /// Feed and engine warnings.
    pub warnings: Vec<String>,
}

/// The customer file read.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputInfo {
    /// The file (`-` for stdin).
    pub file: String,
    /// Lines read, blank ones included.
    pub lines: u64,
    /// Blank lines (skipped: not customers).
    pub blank_lines: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Stopped at `--limit`.
    pub limited: bool,
}

/// Threads, timings and memory.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RunInfo {
    /// Worker threads.
    pub threads: usize,
    /// `--no-emails`.
    pub no_emails: bool,
    /// Reading the feed and building the engine.
    pub engine_build_ms: f64,
    /// From start to the last line written.
    pub wall_seconds: f64,
    /// Customers per second over the streaming part (after the engine was built).
    pub customers_per_second: f64,
    /// Peak resident memory of the process (Linux `VmHWM`), bytes.
    pub peak_rss_bytes: Option<u64>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Counts {
    customers: u64,
    decided: u64,
    errors: u64,
    emails_written: u64,
    holdout: u64,
    with_warnings: u64,
}

impl Row {
    /// What a person reads: the title where there is one, else the key.
    fn label(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.key)
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Row {
    key: String,
    /// The product's title (hero products only).
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    count: u64,
    share: f64,
    /// The count split by lifecycle stage (stages with none left out).
    #[serde(skip_serializing_if = "Option::is_none")]
    by_lifecycle: Option<ByLifecycle>,
}

/// Counts per lifecycle stage, as `{ "at_risk": 12, "lapsed": 3 }` in [`STAGES`] order.
#[derive(Clone, Copy)]
struct ByLifecycle([u64; STAGES.len()]);

impl Serialize for ByLifecycle {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        for (stage, n) in STAGES.iter().zip(self.0) {
            if n > 0 {
                map.serialize_entry(stage, &n)?;
            }
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Kind {
    kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    count: u64,
    examples: Vec<Example>,
}

impl Report {
    /// Whether the interactive overview was written.
    pub fn has_overview(&self) -> bool {
        self.overview.is_some()
    }

    /// A short text summary for the terminal.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let c = &self.counts;
        let _ = writeln!(
            out,
            "\nmailfit {}: campaign \"{}\" at {}, send {}; catalog {} ({:?}, {} products)",
            self.mailfit,
            self.campaign.id,
            self.campaign.now,
            self.campaign.send_id,
            self.catalog.file,
            self.catalog.format,
            self.catalog.products
        );
        let _ = writeln!(
            out,
            "{} customers: {} decided ({} emails written, {} in the holdout, {} with warnings), {} errors",
            c.customers, c.decided, c.emails_written, c.holdout, c.with_warnings, c.errors
        );
        for (title, rows) in [
            ("angle", &self.angles),
            ("hero product", &self.hero_products),
            ("product family", &self.product_families),
            ("category", &self.categories),
            ("offer", &self.offers),
            ("lifecycle", &self.lifecycle),
            ("copy source", &self.copy_sources),
        ] {
            let _ = writeln!(out, "\n{title}:");
            for row in rows.iter().take(8) {
                let _ = writeln!(
                    out,
                    "  {:>9}  {:>5.1}%  {}",
                    row.count,
                    row.share * 100.0,
                    row.label()
                );
            }
            if rows.len() > 8 {
                let _ = writeln!(out, "  ... {} more in summary.json", rows.len() - 8);
            }
        }
        for (title, kinds) in [("warnings", &self.warnings), ("errors", &self.errors)] {
            if kinds.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n{title}:");
            for kind in kinds {
                let code = kind
                    .code
                    .as_deref()
                    .map(|c| format!("{c} "))
                    .unwrap_or_default();
                let _ = writeln!(out, "  {:>9}  {code}{}", kind.count, kind.kind);
                if let Some(e) = kind.examples.first() {
                    let _ = writeln!(
                        out,
                        "             e.g. line {} ({}): {}",
                        e.line,
                        e.id.as_deref().unwrap_or("no id"),
                        e.text
                    );
                }
            }
        }
        let r = &self.run;
        let _ = writeln!(
            out,
            "\n{} threads; engine built in {:.0} ms; {:.1} s in all, {:.0} customers/s{}",
            r.threads,
            r.engine_build_ms,
            r.wall_seconds,
            r.customers_per_second,
            r.peak_rss_bytes
                .map(|b| format!("; peak RSS {:.1} MB", b as f64 / 1e6))
                .unwrap_or_default()
        );
        out
    }
}

/// Peak resident memory of this process (`VmHWM` in `/proc/self/status`), on Linux.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024)
}
