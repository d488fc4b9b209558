//! Stage pdf: Typst source text plus in-memory data files → PDF bytes, in process. It knows
//! nothing of laws (templates and data come from `render`); it must not print, download, or
//! read files outside the project root.
//!
//! - [`Engine`] loads the fonts once and compiles one document per call; [`Session`] keeps
//!   one Typst world between compiles for watch mode (an edit recompiles in tens of ms).
//! - The document is `/main.typ`, held in memory; data files such as `/data.json` are served
//!   from memory too. Disk files are read only inside [`EngineOptions::root`], and a path that
//!   leads out of it through a symlink is refused. `#import "@preview/…"` is refused.
//! - Output is reproducible: fixed fonts, `datetime.today()` = [`PdfOptions::date`], creation
//!   date from that date (or `SOURCE_DATE_EPOCH`), creator `qanun`, fixed `/ID`.
//!
//! # Fonts
//! Amiri Regular and Bold are embedded (see `assets/fonts/README.md`) and are the default
//! family ([`DEFAULT_FAMILY`]), so an untemplated document is in Amiri, not in a missing
//! Libertinus. Extra folders and system fonts are opt-in ([`EngineOptions`]).
//!
//! Font problems are errors, never silent: a warning that mentions a font (Typst's
//! `unknown font family: …`, `current font is not designed for math`) fails the compile, and
//! so does any glyph drawn as "tofu" (no available font has the character): the error names
//! the character, its code point and the font it was missing from. Typst 0.15.1 itself gives
//! no warning for a missing glyph, so [`Engine::compile`] checks every glyph of the laid-out
//! document. Typst's fallback to *another available* font for characters the requested
//! families lack is left on (turning it off makes text disappear silently when no listed
//! family exists, e.g. in `raw` blocks); with the default fonts only Amiri exists, so this
//! cannot vary between machines. Other warnings are returned in [`Pdf::warnings`] (and, after
//! the errors, in a failed compile's [`PdfError`]).
//!
//! # Bidi: numbers with hyphens inside Arabic text
//! By the Unicode bidi rules, `2023-05-17` or `448-1` after Arabic words displays reversed
//! (`17-05-2023`). Templates must wrap such runs as `#text(dir: ltr)[2023-05-17]`, not with the
//! invisible isolates LRI/PDI (U+2066/U+2069): both render correctly, but the markup keeps
//! invisible control characters out of the source and of the PDF's extractable text, and the
//! project forbids bidi controls in text. Remember to [`escape_typst`] the wrapped text.
//!
//! # Measured
//! With `examples/pdf_bench.rs` (release build, 2-core machine busy with other builds, so CPU
//! time is quoted; wall time was 1.5–2× that). The document: 20 A4 pages of justified Arabic
//! with Latin runs, 120 numbered headings, an outline, a table and 40 footnotes, PDF/A-2b,
//! 476 KB.
//! - First compile and export in a fresh process: 0.54 s CPU; peak RSS 75 MB.
//! - [`Session`], recompile after editing one paragraph without changing its line count
//!   (a vowel mark, a word that fits the last line): 55–65 ms CPU, export included.
//! - The first edit that changes a paragraph's line count costs a full compile (≈ 0.54 s CPU),
//!   even for the last paragraph; further edits that keep that count, or return to a layout
//!   seen before, are fast again (25–65 ms). (Span numbers were checked to stay stable, so this
//!   is Typst's layout caching, not re-parsing.)
//! - A process that ran eight compiles in one session peaks at about 240 MB RSS.

mod diagnostic;
mod escape;
mod fonts;
mod options;
mod world;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use typst::diag::Warned;
use typst::foundations::Smart;
use typst::layout::{Frame, FrameItem};
use typst::text::TextItem;
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;
use typst_pdf::PdfStandards;

pub use diagnostic::{Diagnostic, PdfError, Severity};
pub use escape::{escape_typst, escape_typst_string};
pub use fonts::{DEFAULT_FAMILY, amiri_base64};
pub use options::{Date, EngineOptions, PdfOptions, PdfStandard};

use world::QanunWorld;

/// The PDF creator written in the metadata (instead of `Typst <version>`, so that upgrading
/// Typst alone does not change the bytes of the metadata).
const CREATOR: &str = "qanun";

/// A compiled PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pdf {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Warnings that did not stop the compile (font warnings are errors instead).
    pub warnings: Vec<Diagnostic>,
}

/// Compiles Typst documents to PDF. Fonts are loaded once, when the engine is made, and shared
/// (cheaply cloned) by every document and session of this engine.
#[derive(Clone)]
pub struct Engine {
    fonts: Arc<FontStore>,
    root: Option<PathBuf>,
}

impl Engine {
    /// An engine with the embedded fonts plus those the options ask for. Fails if the root or
    /// a font folder does not exist.
    pub fn new(options: &EngineOptions) -> Result<Engine, PdfError> {
        let root = match &options.root {
            Some(root) => Some(root.canonicalize().map_err(|err| {
                PdfError::message(format!("project folder {}: {err}", root.display()))
            })?),
            None => None,
        };
        let fonts = fonts::store(options)?;
        Ok(Engine { fonts, root })
    }

    /// Compiles `source` (the main document, `/main.typ`) with `files` (virtual path →
    /// contents, e.g. `"/data.json"`) into a PDF.
    pub fn compile(
        &self,
        source: &str,
        files: &BTreeMap<String, Vec<u8>>,
        options: &PdfOptions,
    ) -> Result<Pdf, PdfError> {
        let mut session = self.session(options)?;
        session.update(source, files)?;
        session.compile_once()
    }

    /// A session for repeated compiles of a changing document (watch mode). Call
    /// [`Session::update`] before the first [`Session::compile`].
    pub fn session(&self, options: &PdfOptions) -> Result<Session, PdfError> {
        let world = QanunWorld::new(Arc::clone(&self.fonts), self.root.clone(), options)?;
        Ok(Session {
            world,
            options: options.clone(),
        })
    }

    /// The font families this engine knows, sorted (for `--list-fonts` or hints).
    pub fn families(&self) -> Vec<String> {
        fonts::families(&self.fonts)
    }
}

impl Default for Engine {
    /// The embedded fonts only, no disk access.
    fn default() -> Engine {
        Engine {
            fonts: fonts::store(&EngineOptions::default()).unwrap_or_default(),
            root: None,
        }
    }
}

impl fmt::Debug for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Engine")
            .field("families", &self.families())
            .field("root", &self.root)
            .finish()
    }
}

/// One Typst world kept between compiles, so that an edit recompiles incrementally.
pub struct Session {
    world: QanunWorld,
    options: PdfOptions,
}

impl Session {
    /// Replaces the main document and the in-memory files. Fails only on an invalid file name.
    pub fn update(
        &mut self,
        source: &str,
        files: &BTreeMap<String, Vec<u8>>,
    ) -> Result<(), PdfError> {
        Ok(self.world.set_sources(source, files)?)
    }

    /// Replaces the options (title, language, date, …).
    pub fn set_options(&mut self, options: &PdfOptions) -> Result<(), PdfError> {
        self.world.set_options(options)?;
        self.options = options.clone();
        Ok(())
    }

    /// Compiles the current document, then trims Typst's caches to what the last ten compiles
    /// used (`comemo::evict(10)`) so a long watch session does not grow without bound.
    /// Disk files are read again at every compile.
    pub fn compile(&mut self) -> Result<Pdf, PdfError> {
        let result = self.compile_once();
        typst::comemo::evict(10);
        result
    }

    fn compile_once(&mut self) -> Result<Pdf, PdfError> {
        self.world.reset();
        let (document, warnings) = compile_document(&self.world)?;
        let bytes = export(&self.world, &document, &self.options)?;
        Ok(Pdf { bytes, warnings })
    }

    /// Lays out the current document without exporting it (for tests).
    #[cfg(test)]
    fn document(&mut self) -> Result<PagedDocument, PdfError> {
        self.world.reset();
        compile_document(&self.world).map(|(document, _)| document)
    }
}

/// Lays out the world's document; font warnings and missing glyphs are errors.
fn compile_document(world: &QanunWorld) -> Result<(PagedDocument, Vec<Diagnostic>), PdfError> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
    let mut errors = Vec::new();
    let mut other_warnings = Vec::new();
    let mut font_errors = Vec::new();
    for warning in &warnings {
        if is_font_warning(&warning.message) {
            let mut diagnostic = Diagnostic::from_typst(world, warning, Severity::Error);
            diagnostic.hints.push(format!(
                "{}; qanun treats font warnings as errors so that text never falls back \
                 silently to another font",
                fonts::families_hint(world.font_store())
            ));
            font_errors.push(diagnostic);
        } else {
            other_warnings.push(Diagnostic::from_typst(world, warning, Severity::Warning));
        }
    }
    let document = match output {
        Ok(document) => Some(document),
        Err(diagnostics) => {
            errors.extend(
                diagnostics
                    .iter()
                    .map(|d| Diagnostic::from_typst(world, d, Severity::Error)),
            );
            None
        }
    };
    errors.append(&mut font_errors);
    if let Some(document) = &document {
        errors.extend(missing_glyphs(world, document));
    }
    match document {
        Some(document) if errors.is_empty() => Ok((document, other_warnings)),
        _ => {
            errors.append(&mut other_warnings);
            Err(PdfError {
                diagnostics: errors,
            })
        }
    }
}

/// Whether a Typst warning is about fonts or glyphs (and so must fail the compile).
fn is_font_warning(message: &str) -> bool {
    let message = message.to_lowercase();
    message.contains("font") || message.contains("glyph")
}

/// One error per distinct character that some glyph shows as "tofu" (glyph 0, `.notdef`):
/// no available font has it. Located at its first occurrence.
fn missing_glyphs(world: &QanunWorld, document: &PagedDocument) -> Vec<Diagnostic> {
    let mut seen = BTreeSet::new();
    let mut errors = Vec::new();
    let mut check = |item: &TextItem| {
        for glyph in item.glyphs.iter().filter(|glyph| glyph.id == 0) {
            let text = item.text.get(glyph.range()).unwrap_or_default();
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                if !seen.insert(c) {
                    continue;
                }
                let family = &item.font.font().info().family;
                let mut error = Diagnostic::error(format!(
                    "no font has the character '{c}' (U+{:04X}): it is not in {family} \
                     nor in any other available font",
                    u32::from(c)
                ));
                error.locate(world, glyph.span.0.into(), usize::from(glyph.span.1));
                error.hints.push(format!(
                    "{}; add a font that has it (--font-path) or remove the character",
                    fonts::families_hint(world.font_store())
                ));
                errors.push(error);
            }
        }
    };
    for page in document.pages() {
        visit_text(&page.frame, &mut check);
    }
    errors
}

/// Calls `f` on every text item of a frame, depth first, in frame order.
fn visit_text(frame: &Frame, f: &mut impl FnMut(&TextItem)) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => visit_text(&group.frame, f),
            FrameItem::Text(text) => f(text),
            _ => {}
        }
    }
}

/// Exports a laid-out document with the fixed metadata.
fn export(
    world: &QanunWorld,
    document: &PagedDocument,
    options: &PdfOptions,
) -> Result<Vec<u8>, PdfError> {
    let source_date_epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    let timestamp = options::timestamp(options.date, source_date_epoch.as_deref())?;
    let standards: Vec<_> = options.standard.iter().map(|s| s.to_typst()).collect();
    let standards = PdfStandards::new(&standards).map_err(|err| {
        let mut error = Diagnostic::error(err.message().to_string());
        error.hints = err.hints().iter().map(ToString::to_string).collect();
        PdfError {
            diagnostics: vec![error],
        }
    })?;
    let ident = options.ident.trim();
    let pdf_options = typst_pdf::PdfOptions {
        ident: if ident.is_empty() {
            Smart::Auto
        } else {
            Smart::Custom(ident.to_string())
        },
        creator: Smart::Custom(Some(CREATOR.to_string())),
        timestamp: Some(timestamp),
        standards,
        ..typst_pdf::PdfOptions::default()
    };
    typst_pdf::pdf(document, &pdf_options).map_err(|diagnostics| PdfError {
        diagnostics: diagnostics
            .iter()
            .map(|d| Diagnostic::from_typst(world, d, Severity::Error))
            .collect(),
    })
}

#[cfg(test)]
mod tests;
