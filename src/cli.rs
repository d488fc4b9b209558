//! Command-line types (clap derive) only; no logic. Commands convert these into domain types.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// qanun: draft, adapt and argue for the model anti-trafficking law.
#[derive(Debug, Parser)]
#[command(name = "qanun", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// The project folder (default: the nearest folder above holding law/law.toml).
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// When to use colour (NO_COLOR is honoured with `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Print only problems and results, no progress or summaries.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the law, the countries and their variants; report every problem found.
    Check(CheckArgs),
    /// Gap analysis: which provisions of the model law a country's legislation has, has in
    /// part, or lacks.
    Compare(CompareArgs),
    /// The regional picture: every country against every model provision, the instruments'
    /// articles, and the ratifications.
    Coverage(CoverageArgs),
    /// Render a country's version of the law (or the model law) as md, html, typ or pdf.
    Render(RenderArgs),
    /// Build the advocacy packet (PDF) of one or more countries for parliaments and ministries.
    Packet(PacketArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutFormat {
    Md,
    Html,
    Typ,
    Pdf,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// A country code (jo, eg, ma, …) or `model` for the unadapted model law.
    pub target: String,
    /// Language of the output (default: the country's first language).
    #[arg(long)]
    pub lang: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutFormat::Md)]
    pub format: OutFormat,
    /// Where to write (default: standard output; for pdf, out/<cc>/law-<lang>.pdf).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Another folder of fonts to use besides the embedded Amiri.
    #[arg(long, value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,
}

/// A PDF standard the packet must conform to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PdfStandardArg {
    /// PDF/UA-1: an accessible, tagged PDF.
    #[value(name = "ua-1")]
    Ua1,
    /// PDF/A-2b: for archiving.
    #[value(name = "a-2b")]
    A2b,
}

#[derive(Debug, Args)]
pub struct PacketArgs {
    /// Country codes (jo, eg, ma, …).
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub countries: Vec<String>,
    /// Every country of the project, built in parallel.
    #[arg(long)]
    pub all: bool,
    /// Language of the packets (default: each country's first language).
    #[arg(long)]
    pub lang: Option<String>,
    /// Output folder (default: out); packets go to <DIR>/<cc>/packet-<lang>.pdf.
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Another folder of fonts to use besides the embedded Amiri.
    #[arg(long, value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
    /// Make the PDF conform to a standard.
    #[arg(long, value_enum)]
    pub pdf_standard: Option<PdfStandardArg>,
}

/// A language of the law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Ar,
    En,
    Fr,
}

/// Output formats of `qanun compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Text,
    Md,
    Html,
    Json,
    Pdf,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The country code (a folder under countries/): jo, eg, ma, …
    pub country: String,
    /// The national law to compare (its id under countries/<cc>/legislation/); default: the
    /// first law in force listed in the profile.
    #[arg(long, value_name = "ID")]
    pub law: Option<String>,
    /// The language the report shows text in (default: the national law's language).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
    pub format: CompareFormat,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Output formats of `qanun coverage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CoverageFormat {
    Text,
    Md,
    Json,
    Html,
}

#[derive(Debug, Args)]
pub struct CoverageArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = CoverageFormat::Text)]
    pub format: CoverageFormat,
    /// The language of titles and labels.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}
