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
    /// Compare two drafts clause by clause, with word-level changes in each language.
    ///
    /// Each draft is a project folder, a law folder, an article file, or git:REV (the law as
    /// committed at a revision: git:HEAD~1, git:v1.0, a commit). Exit status as diff(1):
    /// 0 no differences, 1 differences, 2 trouble.
    Diff(DiffArgs),
    /// Gap analysis: which provisions of the model law a country's legislation has, has in
    /// part, or lacks.
    Compare(CompareArgs),
    /// The regional picture: every country against every model provision, the instruments'
    /// articles, and the ratifications.
    Coverage(CoverageArgs),
    /// The regional report for conferences: summary, heat maps, charts, a page per country,
    /// findings and sources, as PDF or one self-contained HTML file.
    Report(ReportArgs),
    /// Render a country's version of the law (or the model law) as md, html, typ, pdf, Akoma
    /// Ntoso XML (akn) or Word (docx).
    Render(RenderArgs),
    /// Turn the pasted official text of a law into structured national legislation.
    Import(ImportArgs),
    /// Run a command, then again whenever a file under law/, countries/ or templates/ changes.
    Watch(WatchArgs),
    /// Build the advocacy packet (PDF or Word) of one or more countries for parliaments and ministries.
    Packet(PacketArgs),
    /// Start a new model-law project: the law, an example chapter and country, the templates.
    Init(InitArgs),
    /// Add an article, a country or a national law, with every file and list it needs.
    New(NewArgs),
    /// Bring a review made in Word back: comments and tracked changes, anchored to articles.
    Review(ReviewArgs),
    /// Print shell completions: qanun completions bash > ~/.local/share/bash-completion/completions/qanun
    Completions(CompletionsArgs),
    /// Print the manual page (or write one page per command with -o DIR).
    Man(ManArgs),
    /// Write a generated, seeded project for benchmarks (not a law).
    #[command(hide = true)]
    BenchCorpus(BenchCorpusArgs),
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create the project in (default: the current folder).
    pub dir: Option<PathBuf>,
    /// Write into a folder that is not empty (files of the same name are replaced).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    #[command(subcommand)]
    pub command: NewCommand,
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A new article: its file with a placeholder per language, and its place in law.toml.
    Article(NewArticleArgs),
    /// A new country: its profile with every term and instrument to fill in.
    Country(NewCountryArgs),
    /// A national law's file, with its front matter, ready for the text (or use `qanun import`).
    Law(NewLawArgs),
}

#[derive(Debug, Args)]
pub struct NewLawArgs {
    /// The country's two-letter code.
    pub country: String,
    /// The law's id, which names its file: law-9-2009.
    pub id: String,
    /// The language of the text you will paste.
    #[arg(long, value_parser = ["ar", "en", "fr"], default_value = "ar")]
    pub lang: String,
}

#[derive(Debug, Args)]
pub struct NewArticleArgs {
    /// The article's id: lowercase words joined by `-` (victim-compensation).
    pub id: String,
    /// The chapter (or annex) to list it in, by its id in law.toml.
    #[arg(long)]
    pub chapter: String,
    /// Place it after this article of the chapter (default: at the chapter's end).
    #[arg(long, value_name = "ID", conflicts_with = "before")]
    pub after: Option<String>,
    /// Place it before this article of the chapter.
    #[arg(long, value_name = "ID")]
    pub before: Option<String>,
    /// A mandatory article (the default).
    #[arg(long, conflicts_with = "optional")]
    pub mandatory: bool,
    /// An optional article.
    #[arg(long)]
    pub optional: bool,
}

#[derive(Debug, Args)]
pub struct NewCountryArgs {
    /// The country's two-letter ISO code (jo, eg, ma …).
    pub code: String,
    /// Its name in Arabic.
    #[arg(long)]
    pub name_ar: String,
    /// Its name in English.
    #[arg(long)]
    pub name_en: String,
    /// Arabic-Indic digits (١٢٣) in its Arabic text: `--digits arab`; default latn (123).
    #[arg(long, value_parser = ["arab", "latn"], default_value = "latn")]
    pub digits: String,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    #[command(subcommand)]
    pub command: ReviewCommand,
}

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Read a review copy (render --format docx --review) edited in Word into reviews/.
    Import(ReviewImportArgs),
    /// Turn a review's proposed edits into clause files: a copy of law/ to diff (default), or
    /// law/ itself with --in-place.
    Apply(ReviewApplyArgs),
}

#[derive(Debug, Args)]
pub struct ReviewApplyArgs {
    /// The review file (reviews/<date>-<author>.toml).
    pub file: PathBuf,
    /// Edit the clause files in law/ themselves.
    #[arg(long, conflicts_with = "output")]
    pub in_place: bool,
    /// Where to write the proposed law (default: reviews/<review name>/).
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReviewImportArgs {
    /// The edited review copy (.docx).
    pub file: PathBuf,
    /// Where to write (default: reviews/<date>-<author>.toml).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Replace an existing review file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write qanun.1 and one page per command (qanun-render.1 …) into this folder.
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The text of the law (UTF-8), as pasted from a gazette, a web page or a PDF.
    pub file: PathBuf,
    /// The country whose law it is.
    #[arg(long)]
    pub country: String,
    /// The text's language (default: detected).
    #[arg(long)]
    pub lang: Option<String>,
    /// The law's id (default: from the file name), e.g. law-9-2009.
    #[arg(long)]
    pub id: Option<String>,
    /// Where to write (default: countries/<cc>/legislation/<id>.md).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Replace an existing file.
    #[arg(long)]
    pub force: bool,
    /// Repair PDF-extraction noise (page numbers, reversed lam-alef, glued markers); every
    /// repaired line is reported.
    #[arg(long)]
    pub repair: bool,
    /// What the text is: a law (an act, a code, a decree-law) or a regulation (a bylaw or
    /// instructions issued under a law). The model law's annex, the shelter regulations, is
    /// compared with regulations only.
    #[arg(long, value_enum, default_value_t = TextKind::Law)]
    pub kind: TextKind,
    /// Where the text comes from, written in the file's front matter (the official gazette
    /// and its issue, or the address of the page), e.g. "Official Gazette No. 5186 (2011)".
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,
    /// The law's title, in the text's language (default: the title the text gives itself:
    /// "This Act may be cited as …", "يسمى هذا القانون …", or a first line naming the law).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
}

/// The rank of a national text (`import --kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TextKind {
    Law,
    Regulation,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The command to re-run, with its own arguments (e.g. `render jo --format pdf`).
    #[command(subcommand)]
    pub command: WatchCommand,
}

/// The commands `watch` can re-run (each with the same arguments as on its own).
#[derive(Debug, Subcommand)]
pub enum WatchCommand {
    /// Re-check the law and the countries on every change.
    Check(CheckArgs),
    /// Re-render on every change (a PDF recompiles incrementally).
    Render(RenderArgs),
    /// Rebuild the advocacy packets on every change.
    Packet(PacketArgs),
    /// Re-compare two drafts on every change.
    Diff(DiffArgs),
    /// Redo a country's gap analysis on every change.
    Compare(CompareArgs),
    /// Rebuild the regional report on every change (a PDF recompiles incrementally).
    Report(ReportArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutFormat {
    Md,
    Html,
    Typ,
    Pdf,
    /// Akoma Ntoso 3.0 XML (OASIS LegalDocML), one language per document.
    Akn,
    /// A Word document (.docx).
    Docx,
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
    /// Where to write (default: standard output; for pdf and docx, out/<cc>/law-<lang>.pdf
    /// or .docx, and with --review out/<cc>/review-<lang>.docx).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Leave the drafters' commentary out (akn).
    #[arg(long)]
    pub no_commentary: bool,
    /// A review copy (docx): every paragraph anchored so that `qanun review import` can bring
    /// the comments and tracked changes made in Word back to their articles.
    #[arg(long)]
    pub review: bool,
    #[command(flatten)]
    pub fonts: FontArgs,
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

/// Output formats of `qanun diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Md,
    Html,
    Json,
    Pdf,
    /// A Word document whose tracked changes turn OLD into NEW (default: out/diff.docx).
    Docx,
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

#[derive(Debug, Clone, Args)]
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
    /// Output folder (default: out); packets go to <DIR>/<cc>/packet-<lang>.pdf (or .docx).
    /// For one packet, a file name ending in .pdf (or .docx) is written as it is.
    #[arg(short, long, value_name = "DIR|FILE")]
    pub output: Option<PathBuf>,
    /// The packet as a PDF for parliaments, or as a Word document for advocates who adapt
    /// the brief before sending it.
    #[arg(long, value_enum, default_value_t = PacketFormat::Pdf)]
    pub format: PacketFormat,
    #[command(flatten)]
    pub fonts: FontArgs,
    /// Make the PDF conform to a standard.
    #[arg(long, value_enum)]
    pub pdf_standard: Option<PdfStandardArg>,
    /// Write the packet's Typst source (<DIR>/<cc>/packet-<lang>.typ) instead of the PDF: to
    /// read the line a PDF error names, after changing a template, or to measure the typst
    /// compiler on the same document (scripts/bench)
    #[arg(long)]
    pub typ: bool,
}

/// The format of an advocacy packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PacketFormat {
    Pdf,
    /// A Word document (.docx) with the same chapters, in restylable styles.
    Docx,
}

impl PacketFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            PacketFormat::Pdf => "pdf",
            PacketFormat::Docx => "docx",
        }
    }
}

/// A language, or all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Ar,
    En,
    Fr,
    All,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older draft: a project folder, a law folder, an article file, or git:REV.
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The newer draft: a project folder, a law folder, an article file, or git:REV.
    #[arg(value_name = "NEW")]
    pub new: String,
    /// Compare the drafts as rendered for this country (its two-letter code: jo, eg, ma).
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// The language to compare.
    #[arg(long, value_enum, default_value_t = LangArg::All)]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Write the output to this file (default: standard output; for pdf and docx,
    /// out/diff.pdf or out/diff.docx in the project folder).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Ignore Arabic harakat and tatweel when comparing.
    #[arg(long)]
    pub ignore_diacritics: bool,
    /// Unchanged words to keep on each side of a change (text output).
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub context: usize,
    /// The author of the tracked changes (docx; default: `git config user.name`, else qanun).
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
    /// The date of the tracked changes, YYYY-MM-DD (docx; default: the new draft's date in
    /// law.toml), so the same drafts give the same file.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

/// A language of the law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OneLang {
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

/// Arguments of `qanun compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The country code (a folder under countries/): jo, eg, ma, …
    pub country: String,
    /// Compare this national law alone (its id under countries/<cc>/legislation/); default: the
    /// country's body of legislation, every law in force that the profile lists and that has a
    /// file, compared as one text.
    #[arg(long, value_name = "ID")]
    pub law: Option<String>,
    /// The language the report shows text in (default: the national law's language).
    #[arg(long, value_enum)]
    pub lang: Option<OneLang>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
    pub format: CompareFormat,
    /// Write to this file, atomically (default: standard output; for pdf,
    /// out/<cc>/compare-<lang>.pdf).
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

/// Arguments of `qanun coverage`.
#[derive(Debug, Args)]
pub struct CoverageArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = CoverageFormat::Text)]
    pub format: CoverageFormat,
    /// The language of titles and labels.
    #[arg(long, value_enum, default_value_t = OneLang::En)]
    pub lang: OneLang,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Output formats of `qanun report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RegionalFormat {
    Pdf,
    /// One self-contained HTML file (fonts and charts inside; works offline).
    Html,
    /// The Typst source of the PDF: to read the line a PDF error names, after changing a
    /// template, or to measure the typst compiler on the same document.
    Typ,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The language of the report (Arabic by default, right to left).
    #[arg(long, value_enum, default_value_t = OneLang::Ar)]
    pub lang: OneLang,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RegionalFormat::Pdf)]
    pub format: RegionalFormat,
    /// Where to write it (default: out/report-<lang>.pdf or .html).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// `qanun bench-corpus`: the size and seed of a generated benchmark project.
#[derive(Debug, Args)]
pub struct BenchCorpusArgs {
    /// Articles of the model law (chapters and annex together).
    #[arg(long, default_value_t = 100)]
    pub articles: usize,
    /// Countries, each with a profile and a national law.
    #[arg(long, default_value_t = 3)]
    pub countries: usize,
    /// Articles of each country's national law.
    #[arg(long, default_value_t = 60)]
    pub national: usize,
    /// The seed: the same seed writes the same files.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Instead of countries, write a second draft of the law to OUT_DIR/new with this share
    /// of its articles changed (0.05 = 5%); the first draft goes to OUT_DIR/old.
    #[arg(long, value_name = "SHARE")]
    pub revise: Option<f64>,
    /// The folder to write (must not exist, or be empty).
    pub out_dir: PathBuf,
}

/// Fonts for PDFs besides the embedded Amiri. Off by default, so every machine renders the same.
#[derive(Debug, Args, Clone, Default)]
pub struct FontArgs {
    /// Another folder of fonts to use besides the embedded Amiri (repeatable).
    #[arg(long, value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
    /// Also use the fonts installed on this machine (output may then differ between machines).
    #[arg(long)]
    pub system_fonts: bool,
}
