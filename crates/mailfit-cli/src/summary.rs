//! The campaign overview: counts per angle, product family, category, offer, lifecycle stage and
//! copy source, warnings and errors with examples; as JSON, as a static HTML page and as text.
//!
//! Counted by the writer in line order, so everything but the timings is the same for the same
//! input, whatever the number of threads.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::outcome::{Failed, Sent, Tally};

/// Examples kept per warning kind and error kind.
const EXAMPLES: usize = 3;

/// Counts as the run goes.
#[derive(Default)]
pub struct Tallies {
    decided: u64,
    failed: u64,
    holdout: u64,
    with_warnings: u64,
    angles: BTreeMap<String, u64>,
    families: BTreeMap<String, u64>,
    categories: BTreeMap<String, u64>,
    offers: BTreeMap<String, u64>,
    lifecycle: BTreeMap<String, u64>,
    copy_sources: BTreeMap<String, u64>,
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
        bump(&mut self.angles, &sent.angle);
        bump(&mut self.families, &sent.family);
        bump(&mut self.categories, &sent.category);
        bump(&mut self.offers, &sent.offer);
        bump(&mut self.lifecycle, sent.lifecycle);
        bump(&mut self.copy_sources, sent.copy_source);
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
            product_families: table(&self.families, self.decided),
            categories: table(&self.categories, self.decided),
            offers: table(&self.offers, self.decided),
            lifecycle: table(&self.lifecycle, self.decided),
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
            run: context.run,
        }
    }
}

fn bump(map: &mut BTreeMap<String, u64>, key: &str) {
    if let Some(n) = map.get_mut(key) {
        *n += 1;
    } else {
        map.insert(key.to_string(), 1);
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
fn table(map: &BTreeMap<String, u64>, total: u64) -> Vec<Row> {
    let mut rows: Vec<Row> = map
        .iter()
        .map(|(key, &count)| Row {
            key: key.clone(),
            count,
            share: if total == 0 {
                0.0
            } else {
                (count as f64 / total as f64 * 10_000.0).round() / 10_000.0
            },
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    rows
}

/// The run around the counts (filled by the campaign command).
pub struct Context {
    /// Campaign id, `now`, send id.
    pub campaign: CampaignInfo,
    /// The feed.
    pub catalog: CatalogInfo,
    /// The customer file.
    pub input: InputInfo,
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
    product_families: Vec<Row>,
    categories: Vec<Row>,
    offers: Vec<Row>,
    lifecycle: Vec<Row>,
    copy_sources: Vec<Row>,
    example_subjects: BTreeMap<String, String>,
    warnings: Vec<Kind>,
    errors: Vec<Kind>,
    run: RunInfo,
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

#[derive(Serialize)]
struct Row {
    key: String,
    count: u64,
    share: f64,
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
                    row.key
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

    /// A static, self-contained HTML page with the summary tables.
    pub fn html(&self) -> String {
        let mut out = String::new();
        let c = &self.counts;
        let _ = write!(
            out,
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>Campaign {id}: overview</title><style>{css}</style></head><body>\n\
             <h1>Campaign <code>{id}</code></h1>\n<p>At {now}, send <code>{send}</code>. \
             Catalog <code>{file}</code> ({format:?}, {products} products). \
             mailfit {version}.</p>\n",
            id = esc(&self.campaign.id),
            now = esc(&self.campaign.now),
            send = esc(&self.campaign.send_id),
            file = esc(&self.catalog.file),
            format = self.catalog.format,
            products = self.catalog.products,
            version = self.mailfit,
            css = CSS,
        );
        let _ = writeln!(
            out,
            "<table class=\"kpi\"><tr><th>customers</th><th>decided</th><th>emails written</th>\
             <th>holdout</th><th>with warnings</th><th>errors</th></tr><tr><td>{}</td><td>{}</td>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr></table>",
            int(c.customers),
            int(c.decided),
            int(c.emails_written),
            int(c.holdout),
            int(c.with_warnings),
            int(c.errors)
        );
        out.push_str("<div class=\"grid\">\n");
        for (title, rows) in [
            ("Angles", &self.angles),
            ("Product families", &self.product_families),
            ("Offers", &self.offers),
            ("Lifecycle stages", &self.lifecycle),
            ("Copy sources", &self.copy_sources),
            ("Categories", &self.categories),
        ] {
            let _ = write!(
                out,
                "<section><h2>{title}</h2><table><tr><th></th><th>customers</th><th>share</th></tr>"
            );
            for row in rows.iter().take(30) {
                let subject = self
                    .example_subjects
                    .get(&row.key)
                    .filter(|_| title == "Angles")
                    .map(|s| format!("<div class=\"ex\">e.g. “{}”</div>", esc(s)))
                    .unwrap_or_default();
                let _ = write!(
                    out,
                    "<tr><td>{}{subject}</td><td class=\"n\">{}</td><td class=\"bar\">\
                     <span style=\"width:{:.1}%\"></span>{:.1}%</td></tr>",
                    esc(&row.key),
                    int(row.count),
                    row.share * 100.0,
                    row.share * 100.0
                );
            }
            if rows.len() > 30 {
                let rest: u64 = rows.iter().skip(30).map(|r| r.count).sum();
                let _ = write!(
                    out,
                    "<tr><td>{} more</td><td class=\"n\">{}</td><td></td></tr>",
                    rows.len() - 30,
                    int(rest)
                );
            }
            out.push_str("</table></section>\n");
        }
        out.push_str("</div>\n");
        for (title, kinds) in [("Warnings", &self.warnings), ("Errors", &self.errors)] {
            let _ = write!(out, "<h2>{title}</h2>");
            if kinds.is_empty() {
                out.push_str("<p>None.</p>\n");
                continue;
            }
            out.push_str("<table><tr><th>kind</th><th>count</th><th>examples</th></tr>");
            for kind in kinds {
                let code = kind
                    .code
                    .as_deref()
                    .map(|c| format!("<code>{}</code> ", esc(c)))
                    .unwrap_or_default();
                let examples: Vec<String> = kind
                    .examples
                    .iter()
                    .map(|e| {
                        format!(
                            "line {} ({}): {}{}",
                            e.line,
                            esc(e.id.as_deref().unwrap_or("no id")),
                            esc(&e.text),
                            e.path
                                .as_deref()
                                .map(|p| format!(" at <code>{}</code>", esc(p)))
                                .unwrap_or_default()
                        )
                    })
                    .collect();
                let _ = write!(
                    out,
                    "<tr><td>{code}{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                    esc(&kind.kind),
                    int(kind.count),
                    examples.join("<br>")
                );
            }
            out.push_str("</table>\n");
        }
        if !self.catalog.warnings.is_empty() {
            out.push_str("<h2>Catalog warnings</h2><ul>");
            for w in &self.catalog.warnings {
                let _ = write!(out, "<li>{}</li>", esc(w));
            }
            out.push_str("</ul>\n");
        }
        let r = &self.run;
        let _ = write!(
            out,
            "<p class=\"run\">{} threads{}; engine built in {:.0} ms; {:.1} s in all; \
             {:.0} customers/s{}. Decisions: <code>decisions.jsonl</code>; \
             numbers: <code>summary.json</code>.</p>\n</body></html>\n",
            r.threads,
            if r.no_emails { ", decisions only" } else { "" },
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

const CSS: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;\
padding:0 1rem;color:#1d2430}h1{font-size:1.5rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;\
border-bottom:1px solid #e3e6eb;vertical-align:top}th{font-weight:600;color:#5b6472}\
td.n{text-align:right;font-variant-numeric:tabular-nums}.bar{position:relative;width:9rem}\
.bar span{position:absolute;left:0;top:.4rem;height:1rem;background:#cfe0f7;z-index:-1}\
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:0 2rem}\
.kpi td{font-size:1.3rem;font-variant-numeric:tabular-nums}.ex{color:#5b6472;font-size:12px}\
.run{color:#5b6472;margin-top:2rem}code{font-size:12px}";

/// `1234567` as `1,234,567`.
fn int(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// HTML-escapes text.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
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
