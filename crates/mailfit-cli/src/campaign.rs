//! `mailfit campaign`: a customer file streamed through one engine on every core.
//!
//! ```text
//! reader thread --batches--> workers (one per core) --results--> writer (this thread)
//!      ^                                                              |
//!      +------------------------- tickets ---------------------------+
//! ```
//!
//! The reader cuts the file into batches (at most [`BATCH_LINES`] lines or [`BATCH_BYTES`]
//! bytes) and needs a ticket for each; the writer hands a ticket back once it has written a
//! batch. With [`WINDOW_PER_THREAD`] tickets per worker, no more than that many batches exist at
//! any time (queued, being worked on, or waiting to be written in order), so memory stays flat
//! whatever the file's size. The writer writes decision lines in input order: the decisions file
//! is byte-identical for any `--threads`.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use mailfit::CallOptions;
use mailfit::input::{format_timestamp, resolve_now};

use crate::catalog::{self, CatalogArgs};
use crate::fatal::{Fatal, Result};
use crate::lines::{Line, LineReader, MAX_LINE_BYTES};
use crate::outcome::{self, Job, Outcome, Tally};
use crate::overview::{self, Quota, Sampler, Wanted};
use crate::summary::{self, CampaignInfo, CatalogInfo, Context, InputInfo, RunInfo, Tallies};

/// Most lines per batch.
const BATCH_LINES: usize = 256;
/// Most bytes per batch (a batch always holds at least one line).
const BATCH_BYTES: usize = 1 << 20;
/// Batches in flight per worker thread.
const WINDOW_PER_THREAD: usize = 4;

/// `mailfit campaign` options.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    catalog: CatalogArgs,
    /// Customers, one JSON object per line (`-` reads stdin).
    #[arg(long, value_name = "FILE.jsonl")]
    customers: PathBuf,
    /// Campaign settings: the `campaign` object of `new Personalizer` (e.g. samples/campaign.json);
    /// its `now`, if any, is the default render time.
    #[arg(long, value_name = "FILE.json")]
    campaign: Option<PathBuf>,
    /// Output directory: decisions.jsonl, summary.json, index.html, overview.html (with
    /// overview/) and emails/.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Customers the interactive overview keeps with their decision, profile and email (the
    /// first of each lifecycle stage and angle); 0 writes no overview.html.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    overview_sample: usize,
    /// The preview widget's folder, copied next to overview.html [default: the www/ of the
    /// source tree the binary was built from, else ./www].
    #[arg(long, value_name = "DIR")]
    widget: Option<PathBuf>,
    /// Render time, ISO 8601 or Unix seconds [default: the campaign's `now`, else the clock].
    #[arg(long, value_name = "TIME")]
    now: Option<String>,
    /// The ESP's send id: seeds every choice, so a re-run is identical [default: the campaign id].
    #[arg(long, value_name = "ID")]
    send_id: Option<String>,
    /// Worker threads [default: every core].
    #[arg(long, value_name = "N")]
    threads: Option<NonZeroUsize>,
    /// Decisions only: no HTML or text rendered, no email files.
    #[arg(long)]
    no_emails: bool,
    /// Stop after N customers (blank lines are not customers).
    #[arg(long, value_name = "N")]
    limit: Option<u64>,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

/// A batch of lines, numbered in input order.
struct Batch {
    seq: u64,
    lines: Vec<Line>,
    /// Bytes of input consumed up to the end of this batch (for the progress bar).
    end: u64,
}

/// A batch's results.
struct Done {
    seq: u64,
    outcomes: Vec<Outcome>,
    end: u64,
}

/// What the reader saw.
#[derive(Default)]
struct ReadTotals {
    lines: u64,
    blank: u64,
    bytes: u64,
    limited: bool,
}

/// Runs a campaign; exit 0 when every line was handled (bad lines included), 1 when email files
/// could not be written.
pub fn run(args: Args) -> Result<ExitCode> {
    let started = Instant::now();
    let loaded = catalog::load(&args.catalog, args.campaign.as_deref())?;
    let engine = &loaded.engine;
    let now_arg = args.now.as_deref().map(catalog::parse_now);
    let now_ts = now_arg.or(loaded.campaign_now.clone());
    if now_ts.is_none() {
        eprintln!(
            "mailfit: no --now and no `now` in the campaign: using the clock (a re-run will differ)"
        );
    }
    let clock = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    let now = resolve_now(now_ts.as_ref(), clock)
        .map_err(|e| Fatal::new(format!("--now does not read: {}", Fatal::from(e))))?;
    let send_id = args
        .send_id
        .clone()
        .unwrap_or_else(|| engine.campaign().id.clone());
    let threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        NonZeroUsize::get,
    );

    std::fs::create_dir_all(&args.out).map_err(|e| Fatal::at("cannot create", &args.out, e))?;
    let emails = if args.no_emails {
        None
    } else {
        let dir = args.out.join("emails");
        for shard in outcome::shard_dirs() {
            let path = dir.join(shard);
            std::fs::create_dir_all(&path).map_err(|e| Fatal::at("cannot create", &path, e))?;
        }
        Some(dir)
    };
    let decisions_path = args.out.join("decisions.jsonl");
    let decisions = File::create(&decisions_path)
        .map_err(|e| Fatal::at("cannot create", &decisions_path, e))?;

    let (input, size): (Box<dyn Read + Send>, Option<u64>) = if args.customers.as_os_str() == "-" {
        (Box::new(io::stdin()), None)
    } else {
        let file = File::open(&args.customers)
            .map_err(|e| Fatal::at("cannot open", &args.customers, e))?;
        let size = file.metadata().ok().map(|m| m.len());
        (Box::new(file), size)
    };
    let progress = progress_bar(size, args.quiet);
    let wanted = Wanted::new(args.overview_sample);
    let mut sampler = if args.overview_sample > 0 {
        Some(Sampler::new(
            engine,
            &wanted,
            &args.out,
            args.overview_sample,
        )?)
    } else {
        overview::remove(&args.out)?;
        None
    };

    let job = Job {
        engine,
        now,
        options: CallOptions::for_send(send_id.clone()),
        emails,
        wanted: sampler.is_some().then_some(&wanted),
    };
    let stream_started = Instant::now();
    let (totals, tallies) = stream(
        BufReader::with_capacity(1 << 20, input),
        args.limit,
        threads,
        &job,
        BufWriter::with_capacity(1 << 20, decisions),
        &progress,
        sampler.as_mut(),
    )
    .map_err(|e| match e {
        StreamError::Read(e) => Fatal::at("cannot read", &args.customers, e),
        StreamError::Write(e) => Fatal::at("cannot write", &decisions_path, e),
    })?;
    let stream_seconds = stream_started.elapsed().as_secs_f64();
    progress.finish_and_clear();

    let handled = tallies.decided() + tallies.failed();
    let overview = match sampler {
        Some(sampler) => {
            let widget = match overview::find_widget(args.widget.as_deref()) {
                Ok(dir) => Some(dir),
                Err(why) => {
                    eprintln!("mailfit: {why}: {} will not load", overview::PAGE);
                    None
                }
            };
            Some(sampler.finish(&args.out, widget.as_deref(), &engine.campaign().id)?)
        }
        None => None,
    };
    let campaign = engine.campaign();
    let context = Context {
        campaign: CampaignInfo {
            id: campaign.id.clone(),
            now: format_timestamp(now),
            send_id,
            brand: campaign.brand.name.clone(),
            currency: campaign.currency.clone(),
        },
        catalog: CatalogInfo {
            file: args.catalog.catalog.display().to_string(),
            format: loaded.format,
            products: loaded.products,
            warnings: loaded.warnings.clone(),
        },
        input: InputInfo {
            file: args.customers.display().to_string(),
            lines: totals.lines,
            blank_lines: totals.blank,
            bytes: totals.bytes,
            limited: totals.limited,
        },
        run: RunInfo {
            threads,
            no_emails: args.no_emails,
            engine_build_ms: (loaded.build_ms * 10.0).round() / 10.0,
            wall_seconds: (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
            customers_per_second: if stream_seconds > 0.0 {
                (handled as f64 / stream_seconds).round()
            } else {
                0.0
            },
            peak_rss_bytes: summary::peak_rss_bytes(),
        },
        overview,
    };
    let report = tallies.report(context);
    write_file(
        &args.out.join("summary.json"),
        serde_json::to_string_pretty(&report)
            .map_err(|e| Fatal::new(format!("summary: {e}")))?
            .as_bytes(),
    )?;
    write_file(&args.out.join("index.html"), report.html().as_bytes())?;
    let mut stdout = io::stdout().lock();
    let _ = stdout.write_all(report.text().as_bytes());
    let _ = writeln!(
        stdout,
        "wrote {}/decisions.jsonl, summary.json, index.html{}{}",
        args.out.display(),
        if report.has_overview() {
            ", overview.html (serve the folder with any static server and open it)"
        } else {
            ""
        },
        if args.no_emails {
            ""
        } else {
            ", emails/<xx>/<id>.{html,txt}"
        }
    );
    Ok(if report_has_write_errors(&tallies) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn report_has_write_errors(tallies: &Tallies) -> bool {
    tallies.has_code("OUTPUT_WRITE")
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|e| Fatal::at("cannot write", path, e))
}

fn progress_bar(size: Option<u64>, quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = match size {
        Some(bytes) => ProgressBar::with_draw_target(Some(bytes), ProgressDrawTarget::stderr())
            .with_style(
                ProgressStyle::with_template(
                    "{spinner} {elapsed_precise} [{wide_bar}] {percent:>3}% {binary_bytes}/{binary_total_bytes} eta {eta} {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            ),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{spinner} {elapsed_precise} {binary_bytes} read {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

enum StreamError {
    Read(io::Error),
    Write(io::Error),
}

/// The pipeline: returns what was read and the counts.
fn stream<R: BufRead + Send, W: Write>(
    input: R,
    limit: Option<u64>,
    threads: usize,
    job: &Job<'_>,
    mut out: W,
    progress: &ProgressBar,
    sampler: Option<&mut Sampler<'_>>,
) -> std::result::Result<(ReadTotals, Tallies), StreamError> {
    let window = threads.saturating_mul(WINDOW_PER_THREAD).max(2);
    let (batch_tx, batch_rx) = sync_channel::<Batch>(window);
    let batch_rx = Mutex::new(batch_rx);
    let (done_tx, done_rx) = sync_channel::<Done>(window);
    let (ticket_tx, ticket_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        // NOTE: the channel holds `window` tickets: these sends never block or fail.
        let _ = ticket_tx.send(());
    }
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || read_batches(input, limit, &ticket_rx, &batch_tx));
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let batch_rx = &batch_rx;
            scope.spawn(move || work(batch_rx, &done_tx, job));
        }
        drop(done_tx);
        let written = write_in_order(&done_rx, &ticket_tx, &mut out, progress, sampler);
        // On a write error, stop the others: dropping the receivers ends reader and workers.
        drop(done_rx);
        drop(ticket_tx);
        let totals = reader
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("reader panicked")));
        let tallies = written.map_err(StreamError::Write)?;
        out.flush().map_err(StreamError::Write)?;
        Ok((totals.map_err(StreamError::Read)?, tallies))
    })
}

/// The reader thread: batches of lines, each after a ticket.
fn read_batches<R: BufRead>(
    input: R,
    limit: Option<u64>,
    tickets: &Receiver<()>,
    batches: &SyncSender<Batch>,
) -> io::Result<ReadTotals> {
    let mut reader = LineReader::new(input, MAX_LINE_BYTES);
    let mut totals = ReadTotals::default();
    let mut customers: u64 = 0;
    let mut seq: u64 = 0;
    let mut lines = Vec::with_capacity(BATCH_LINES);
    let mut held = 0usize;
    let mut send = |lines: Vec<Line>, end: u64| -> bool {
        if tickets.recv().is_err() {
            return false;
        }
        let ok = batches.send(Batch { seq, lines, end }).is_ok();
        seq += 1;
        ok
    };
    loop {
        if limit.is_some_and(|n| customers >= n) {
            totals.limited = true;
            break;
        }
        let Some(line) = reader.next_line()? else {
            break;
        };
        totals.lines = line.number;
        if line.text.is_blank() {
            totals.blank += 1;
            continue;
        }
        customers += 1;
        held += line.text.held();
        lines.push(line);
        if lines.len() >= BATCH_LINES || held >= BATCH_BYTES {
            let full = std::mem::replace(&mut lines, Vec::with_capacity(BATCH_LINES));
            held = 0;
            if !send(full, reader.offset()) {
                break;
            }
        }
    }
    totals.bytes = reader.offset();
    if !lines.is_empty() {
        send(lines, reader.offset());
    }
    Ok(totals)
}

/// A worker: batches in, results out, until the reader is done.
fn work(batches: &Mutex<Receiver<Batch>>, done: &SyncSender<Done>, job: &Job<'_>) {
    loop {
        let next = match batches.lock() {
            Ok(rx) => rx.recv(),
            Err(poisoned) => poisoned.into_inner().recv(),
        };
        let Ok(batch) = next else {
            return;
        };
        let mut quota = Quota::new(job.wanted);
        let outcomes = batch
            .lines
            .into_iter()
            .map(|line| job.run(line, &mut quota))
            .collect();
        let result = Done {
            seq: batch.seq,
            outcomes,
            end: batch.end,
        };
        if done.send(result).is_err() {
            return;
        }
    }
}

/// The writer: results in input order, one line each, counted (and offered to the overview's
/// sample); a ticket back per batch.
fn write_in_order<W: Write>(
    done: &Receiver<Done>,
    tickets: &SyncSender<()>,
    out: &mut W,
    progress: &ProgressBar,
    mut sampler: Option<&mut Sampler<'_>>,
) -> io::Result<Tallies> {
    let mut tallies = Tallies::default();
    let mut waiting: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next: u64 = 0;
    let started = Instant::now();
    for result in done {
        waiting.insert(result.seq, result);
        while let Some(batch) = waiting.remove(&next) {
            for outcome in batch.outcomes {
                out.write_all(outcome.json.as_bytes())?;
                out.write_all(b"\n")?;
                tallies.add(&outcome.tally);
                if let (Some(sampler), Tally::Sent(sent)) = (sampler.as_deref_mut(), outcome.tally)
                {
                    sampler.offer(*sent, &outcome.json);
                }
            }
            next += 1;
            let _ = tickets.send(());
            progress.set_position(batch.end);
            let handled = tallies.decided() + tallies.failed();
            let rate = handled as f64 / started.elapsed().as_secs_f64().max(1e-3);
            progress.set_message(format!(
                "{handled} customers, {rate:.0}/s, {} errors",
                tallies.failed()
            ));
        }
    }
    Ok(tallies)
}
