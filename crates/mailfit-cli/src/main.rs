//! `mailfit`: a whole campaign from real exports, on every core.
//!
//! `mailfit campaign` streams a JSON Lines customer file through one shared engine (built once
//! from a catalog feed) on worker threads and writes a decision line per customer, the emails,
//! and a summary. `mailfit generate` writes realistic customer files to test it with.

#![forbid(unsafe_code)]

mod campaign;
mod catalog;
mod fatal;
mod generate;
mod lines;
mod outcome;
mod overview;
mod summary;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Personalized marketing emails for a whole campaign, from a catalog feed and a customer file.
#[derive(Parser)]
#[command(name = "mailfit", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Personalize every customer of a JSON Lines file: decisions, emails and a summary.
    #[command(alias = "run")]
    Campaign(campaign::Args),
    /// Write a realistic, seeded customer file (JSON Lines) for a catalog to stdout.
    Generate(generate::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Campaign(args) => campaign::run(args),
        Command::Generate(args) => generate::run(args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("mailfit: {error}");
            ExitCode::from(2)
        }
    }
}
