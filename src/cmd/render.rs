//! `qanun render <cc|model>`: the law as adapted for a country, in Markdown, HTML, Typst or PDF.

use super::prepare::prepare;
use super::{Context, finish_io};
use crate::cli::{OutFormat, RenderArgs};
use crate::diagnostics::{EXIT_FOUND, EXIT_OK, EXIT_TROUBLE, Report};
use crate::output::write_atomic;
use crate::pdf::PdfOptions;
use crate::render::akn::akn_view;
use crate::render::view::law_view;
use crate::render::{Format, Templates};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A rendered law document: its text and, for a PDF, its options and default destination.
pub struct Document {
    pub text: String,
    pub options: PdfOptions,
    pub path: PathBuf,
}

/// Loads the project, builds the variant and renders the document of `args` in `format`
/// (`Typ` for a PDF). Problems are printed here; the error is the exit code.
pub fn document(ctx: &Context, args: &RenderArgs, format: Format) -> Result<Document, u8> {
    let prepared = prepare(ctx, &args.target, args.lang.as_deref())?;
    let law = &prepared.project.law;
    let sources = &prepared.project.loaded.sources;
    let rendered = match format {
        Format::Xml => {
            let akn = akn_view(
                law,
                prepared.country(),
                &prepared.variant,
                prepared.lang,
                prepared.fallback,
                !args.no_commentary,
            );
            Templates::load(&ctx.root, format, &[]).and_then(|t| t.render("akn", &akn))
        }
        _ => {
            let mut view = law_view(
                law,
                prepared.country(),
                &prepared.variant,
                prepared.lang,
                prepared.fallback,
            );
            if format == Format::Html {
                view.attach_comments(&crate::review::load_comments(&ctx.root));
            }
            Templates::load(&ctx.root, format, &[]).and_then(|t| t.render("law", &view))
        }
    };
    let text = rendered.map_err(|d| {
        let _ = ctx.emit(&Report::new(vec![d], sources), sources, false);
        EXIT_FOUND
    })?;
    let title = crate::model::pick(&law.title, prepared.lang)
        .cloned()
        .unwrap_or_default();
    let options = super::pdf_options(law, &title, &prepared.target, prepared.lang, "law");
    let path = args.output.clone().unwrap_or_else(|| {
        ctx.root
            .join("out")
            .join(&prepared.target)
            .join(format!("law-{}.pdf", prepared.lang))
    });
    Ok(Document {
        text,
        options,
        path,
    })
}

pub fn run(ctx: &Context, args: &RenderArgs) -> u8 {
    if args.format == OutFormat::Docx {
        return docx(ctx, args);
    }
    let format = match args.format {
        OutFormat::Md => Format::Md,
        OutFormat::Html => Format::Html,
        OutFormat::Typ | OutFormat::Pdf => Format::Typ,
        OutFormat::Akn | OutFormat::Docx => Format::Xml,
    };
    let doc = match document(ctx, args, format) {
        Ok(d) => d,
        Err(code) => return code,
    };
    if args.format != OutFormat::Pdf {
        return match &args.output {
            Some(path) => write_file(path, doc.text.as_bytes()),
            None => finish_io(
                std::io::stdout()
                    .lock()
                    .write_all(doc.text.as_bytes())
                    .map(|_| EXIT_OK),
            ),
        };
    }
    let engine = match super::engine(ctx, &args.fonts) {
        Ok(e) => e,
        Err(code) => return code,
    };
    match engine.compile(&doc.text, &Default::default(), &doc.options) {
        Ok(pdf) => {
            let code = write_file(&doc.path, &pdf.bytes);
            if code == EXIT_OK && !ctx.quiet {
                eprintln!("wrote {}", doc.path.display());
            }
            code
        }
        Err(e) => {
            eprintln!("error: the PDF could not be made:\n{e}");
            EXIT_FOUND
        }
    }
}

/// `render --format docx`: a Word document, to out/<target>/law-<lang>.docx unless `-o`.
fn docx(ctx: &Context, args: &RenderArgs) -> u8 {
    let prepared = match prepare(ctx, &args.target, args.lang.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let law = &prepared.project.law;
    let view = law_view(
        law,
        prepared.country(),
        &prepared.variant,
        prepared.lang,
        prepared.fallback,
    );
    let country = prepared.country().map(|c| c.code.as_str());
    let review = if args.review {
        format!("{} {} {}", prepared.target, prepared.lang, law.version)
    } else {
        String::new()
    };
    let docx = crate::render::docx::docx_view(&view, country, &law.date, &review);
    let sources = &prepared.project.loaded.sources;
    let bytes = match Templates::load(&ctx.root, Format::Xml, &[])
        .and_then(|t| crate::render::docx::render_docx(&t, &docx))
    {
        Ok(b) => b,
        Err(d) => {
            let _ = ctx.emit(&Report::new(vec![d], sources), sources, false);
            return EXIT_FOUND;
        }
    };
    let path = args.output.clone().unwrap_or_else(|| {
        ctx.root
            .join("out")
            .join(&prepared.target)
            .join(if args.review {
                format!("review-{}.docx", prepared.lang)
            } else {
                format!("law-{}.docx", prepared.lang)
            })
    });
    let code = write_file(&path, &bytes);
    if code == EXIT_OK && !ctx.quiet {
        eprintln!("wrote {}", path.display());
    }
    code
}

fn write_file(path: &Path, bytes: &[u8]) -> u8 {
    match write_atomic(path, bytes) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            EXIT_TROUBLE
        }
    }
}
