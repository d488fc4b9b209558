//! `qanun diff OLD NEW`: load both drafts, compare them, render the result. Exit status as
//! diff(1): 0 no differences, 1 differences, 2 trouble.
//!
//! Thin: it wires `load::input`, `variant`, `diff` and `diff::display`; no comparing or
//! formatting happens here.

use super::Context;
use crate::cli::{DiffArgs, DiffFormat, LangArg};
use crate::diagnostics::{EXIT_FOUND, EXIT_OK, EXIT_TROUBLE, Report};
use crate::diff::display::{self, DisplayOptions, Format};
use crate::diff::{self, DiffOptions, Draft};
use crate::load::input::{Side, load_side, single_clause_law};
use crate::load::{Loaded, load_country};
use crate::model::{Country, Lang, Law};
use std::io::Write;
use std::path::Path;

/// Runs `qanun diff`; returns the exit status.
pub fn run(ctx: &Context, args: &DiffArgs) -> u8 {
    let format = format_of(args.format);
    // The two drafts are read at once: one side is often a git revision, whose reading
    // mostly waits on git.
    let (mut old, mut new) = rayon::join(
        || load_side(&args.old, &ctx.root),
        || load_side(&args.new, &ctx.root),
    );
    let ok_old = report_side(ctx, "OLD", &old);
    let ok_new = report_side(ctx, "NEW", &new);
    if !(ok_old && ok_new) {
        return EXIT_TROUBLE;
    }
    if let Err(code) = narrow_to_clause(&mut old, &mut new) {
        return code;
    }
    let (old_draft, new_draft) = match drafts(ctx, args, &old, &new) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let opts = DiffOptions {
        langs: langs_of(args.lang),
        ignore_diacritics: args.ignore_diacritics,
        rename_threshold: if old.single_clause && new.single_clause {
            0.0
        } else {
            DiffOptions::default().rename_threshold
        },
    };
    let mut result = diff::diff(&old_draft, &new_draft, &opts);
    result.comments = crate::review::load_comments(&ctx.root);
    let code = if result.has_changes() {
        EXIT_FOUND
    } else {
        EXIT_OK
    };
    if args.format == DiffFormat::Docx {
        return write_docx(ctx, args, &new.law, &result, (&old_draft, &new_draft), code);
    }
    let color = args.output.is_none() && format == Format::Text && ctx.use_color(false);
    let shown = DisplayOptions {
        color,
        context: args.context,
    };
    let text = display::render(&result, format, &shown);
    if args.format == DiffFormat::Pdf {
        return write_pdf(ctx, args, &new.law, &text, code);
    }
    match &args.output {
        Some(path) => write_file(ctx, path, &text, code),
        None => super::finish_io_or(write_stdout(&text, color).map(|()| code), code),
    }
}

fn format_of(f: DiffFormat) -> Format {
    match f {
        DiffFormat::Text => Format::Text,
        DiffFormat::Md => Format::Md,
        DiffFormat::Html => Format::Html,
        DiffFormat::Json => Format::Json,
        DiffFormat::Pdf | DiffFormat::Docx => Format::Typ,
    }
}

/// Compiles the Typst redline and writes it (default: out/diff.pdf); keeps the diff's status.
fn write_pdf(ctx: &Context, args: &DiffArgs, law: &Law, typ: &str, code: u8) -> u8 {
    let engine = match super::engine(ctx, &Default::default()) {
        Ok(e) => e,
        Err(c) => return c,
    };
    let options = super::pdf_options(law, "Redline", "diff", Lang::En, "diff");
    match engine.compile(typ, &Default::default(), &options) {
        Ok(pdf) => write_document(ctx, args, "diff.pdf", &pdf.bytes, code),
        Err(e) => {
            eprintln!("error: the PDF could not be made:\n{e}");
            EXIT_TROUBLE
        }
    }
}

/// The Word redline (default: out/diff.docx); keeps the diff's status.
fn write_docx(
    ctx: &Context,
    args: &DiffArgs,
    law: &Law,
    diff: &crate::diff::LawDiff,
    (old, new): (&Draft, &Draft),
    code: u8,
) -> u8 {
    let date = args.date.clone().unwrap_or_else(|| law.date.clone());
    if !valid_date(&date) {
        eprintln!(
            "error: `{date}` is not a date\nhint: write it as YYYY-MM-DD, e.g. --date 2026-12-06"
        );
        return EXIT_TROUBLE;
    }
    let author = args.author.clone().unwrap_or_else(git_user);
    let when = format!("{date}T00:00:00Z");
    let redline = crate::diff::redline::redline(diff, old, new, &author, &when);
    let lang = diff.primary();
    let title = crate::model::pick(&law.title, lang)
        .cloned()
        .unwrap_or_default();
    let base = crate::render::docx::DocxView::frame(
        &title,
        &author,
        &format!("{} → {}", diff.old, diff.new),
        lang,
        diff.country.as_deref(),
        &date,
    );
    let doc = crate::render::docx::RedlineDoc {
        base: &base,
        redline: &redline,
    };
    let bytes = match crate::render::Templates::load(&ctx.root, crate::render::Format::Xml, &[])
        .and_then(|t| crate::render::docx::render_redline(&t, &doc))
    {
        Ok(b) => b,
        Err(d) => {
            eprintln!("error: {}", d.message);
            return EXIT_TROUBLE;
        }
    };
    write_document(ctx, args, "diff.docx", &bytes, code)
}

/// Writes a redline document to `-o` or out/`name`; keeps the diff's status.
fn write_document(ctx: &Context, args: &DiffArgs, name: &str, bytes: &[u8], code: u8) -> u8 {
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| ctx.root.join("out").join(name));
    match crate::output::write_atomic(&path, bytes) {
        Ok(()) => {
            if !ctx.quiet {
                eprintln!("wrote {}", path.display());
            }
            code
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            EXIT_TROUBLE
        }
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
fn valid_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    matches!(parts.as_slice(), [y, m, d]
        if y.len() == 4 && m.len() == 2 && d.len() == 2
            && [y, m, d].iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
            && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
            && (1..=31).contains(&d.parse::<u32>().unwrap_or(0)))
}

/// `git config user.name`, or "qanun" when git does not answer.
fn git_user() -> String {
    std::process::Command::new("git")
        .args(["config", "user.name"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "qanun".to_string())
}

fn langs_of(l: LangArg) -> Vec<Lang> {
    match l {
        LangArg::Ar => vec![Lang::Ar],
        LangArg::En => vec![Lang::En],
        LangArg::Fr => vec![Lang::Fr],
        LangArg::All => Vec::new(),
    }
}

/// Prints a draft's load problems on stderr; false when it has errors.
fn report_side(ctx: &Context, which: &str, side: &Side) -> bool {
    let diags = &side.loaded.diags;
    let errors = side.has_errors();
    if diags.is_empty() || (ctx.quiet && !errors) {
        return true;
    }
    eprintln!("in {which} ({}):", side.label);
    let report = Report::new(diags.clone(), &side.loaded.sources);
    if let Err(e) = ctx.emit(&report, &side.loaded.sources, false) {
        eprintln!("error: {e}");
    }
    if errors {
        eprintln!("error: cannot compare: {which} has problems (see above)");
    }
    !errors
}

/// An article file compared with a whole draft: compare it with that draft's article of the same
/// id (`qanun diff old-copy.md .`).
fn narrow_to_clause(old: &mut Side, new: &mut Side) -> Result<(), u8> {
    let (single, whole) = match (old.single_clause, new.single_clause) {
        (true, false) => (&*old, &mut *new),
        (false, true) => (&*new, &mut *old),
        _ => return Ok(()),
    };
    let Some(id) = single.law.clauses.keys().next().cloned() else {
        return Ok(());
    };
    match whole.law.clauses.get(&id) {
        Some(c) => {
            whole.law = single_clause_law(c.as_ref().clone());
            whole.single_clause = true;
            Ok(())
        }
        None => {
            eprintln!(
                "error: {} has no article `{id}` to compare with {}\n\
                 hint: compare two article files, or two whole drafts",
                whole.label, single.label
            );
            Err(EXIT_TROUBLE)
        }
    }
}

/// The two drafts to compare: as written, or as rendered for `--country`.
fn drafts(ctx: &Context, args: &DiffArgs, old: &Side, new: &Side) -> Result<(Draft, Draft), u8> {
    let Some(code) = &args.country else {
        return Ok((
            Draft::from_law(&old.law, &old.label),
            Draft::from_law(&new.law, &new.label),
        ));
    };
    let root = new.project_root.as_deref().unwrap_or(&ctx.root);
    let country = country(ctx, root, code)?;
    // A country's version exists in the country's languages: Jordan's has no French.
    let langs: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|l| old.law.languages().any(|x| x == *l) || new.law.languages().any(|x| x == *l))
        .filter(|l| args.lang != LangArg::All || country.languages.contains(l))
        .collect();
    Ok((
        rendered(&old.law, &country, &langs, &old.label),
        rendered(&new.law, &country, &langs, &new.label),
    ))
}

fn rendered(law: &Law, country: &Country, langs: &[Lang], label: &str) -> Draft {
    let (variant, _problems) = crate::variant::build(law, Some(country), langs);
    Draft::from_variant(&variant, law.primary_lang(), label)
}

/// Loads `countries/<code>` under `root`; problems are printed and end the command.
fn country(ctx: &Context, root: &Path, code: &str) -> Result<Country, u8> {
    let valid = code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase());
    if !valid
        || !root
            .join("countries")
            .join(code)
            .join("country.toml")
            .is_file()
    {
        eprintln!(
            "error: no country `{code}` in {}\n\
             hint: --country takes a folder name of countries/ (jo, eg, ma); \
             it is read from NEW when NEW is a project folder, else from --root",
            root.join("countries").display()
        );
        return Err(EXIT_TROUBLE);
    }
    let mut loaded = Loaded::default();
    let country = load_country(root, code, &mut loaded);
    let side = Side {
        label: format!("countries/{code}"),
        loaded,
        ..Side::default()
    };
    let ok = report_side(ctx, "COUNTRY", &side);
    match country {
        Some(c) if ok => Ok(c),
        _ => Err(EXIT_TROUBLE),
    }
}

fn write_stdout(text: &str, color: bool) -> std::io::Result<()> {
    let choice = if color {
        anstream::ColorChoice::Always
    } else {
        anstream::ColorChoice::Never
    };
    let mut out = anstream::AutoStream::new(std::io::stdout().lock(), choice);
    out.write_all(text.as_bytes())?;
    out.flush()
}

fn write_file(ctx: &Context, path: &Path, text: &str, code: u8) -> u8 {
    match crate::output::write_atomic(path, text.as_bytes()) {
        Ok(()) => {
            if !ctx.quiet {
                eprintln!("wrote {}", path.display());
            }
            code
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            EXIT_TROUBLE
        }
    }
}
