//! Stage pdf: Typst's diagnostics turned into plain messages with a file, a 1-based line and
//! column in the generated `.typ`, and the offending line. Must not print or exit.

use std::fmt;

use typst::World;
use typst::WorldExt;
use typst::diag::SourceDiagnostic;
use typst::syntax::{DiagSpan, FileId, Lines};

use super::world::QanunWorld;

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The PDF was not produced.
    Error,
    /// The PDF was produced, but something may be off.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem reported while compiling a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, e.g. `unknown font family: noto naskh`.
    pub message: String,
    /// How to fix it, and where the problem was reached from (`while calling …`).
    pub hints: Vec<String>,
    /// The file, as a path in the document's virtual root without the leading slash
    /// (`main.typ` for the generated document, `data.json`, …); `None` if unknown.
    pub file: Option<String>,
    /// The 1-based line in `file`.
    pub line: Option<usize>,
    /// The 1-based column in `file`, counted in characters.
    pub column: Option<usize>,
    /// The offending source line (only for `.typ` files, never for data files).
    pub snippet: Option<String>,
}

impl Diagnostic {
    /// An error that belongs to no file (bad options, unreadable font folder, …).
    pub(crate) fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            hints: Vec::new(),
            file: None,
            line: None,
            column: None,
            snippet: None,
        }
    }

    /// Converts a Typst diagnostic, locating its span in `world`.
    pub(crate) fn from_typst(
        world: &QanunWorld,
        diag: &SourceDiagnostic,
        severity: Severity,
    ) -> Diagnostic {
        let mut out = Diagnostic::error(diag.message.to_string());
        out.severity = severity;
        out.locate(world, diag.span, 0);
        out.hints = diag.hints.iter().map(|hint| hint.v.to_string()).collect();
        for point in &diag.trace {
            let mut place = Diagnostic::error(String::new());
            place.locate(world, point.span.into(), 0);
            out.hints.push(match place.position() {
                Some(position) => format!("{} ({position})", point.v),
                None => point.v.to_string(),
            });
        }
        out
    }

    /// Fills in file, line, column and snippet from a span (plus `offset` bytes).
    pub(crate) fn locate(&mut self, world: &QanunWorld, span: DiagSpan, offset: usize) {
        let Some(id) = span.id() else { return };
        self.file = Some(id.vpath().get_without_slash().to_string());
        let Some(range) = world.range(span) else {
            return;
        };
        let byte = range.start.saturating_add(offset);
        let Some(lines) = lines_of(world, id) else {
            return;
        };
        let Some((line, column)) = lines.byte_to_line_column(byte) else {
            return;
        };
        self.line = Some(line + 1);
        self.column = Some(column + 1);
        if id.vpath().extension() == Some("typ") {
            self.snippet = lines
                .line_to_range(line)
                .and_then(|r| lines.text().get(r))
                .map(|text| text.trim_end_matches(['\n', '\r']).to_string());
        }
    }

    /// `file:line:column`, `file`, or `None`.
    fn position(&self) -> Option<String> {
        let file = self.file.as_deref()?;
        Some(match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{file}:{line}:{column}"),
            _ => file.to_string(),
        })
    }
}

/// The lines of a file: its parsed source if it is Typst, else its bytes as UTF-8.
fn lines_of(world: &QanunWorld, id: FileId) -> Option<Lines<String>> {
    if let Ok(source) = world.source(id) {
        return Some(source.lines().clone());
    }
    let bytes = world.file(id).ok()?;
    let text = std::str::from_utf8(bytes.as_slice()).ok()?;
    Some(Lines::new(text.to_string()))
}

impl fmt::Display for Diagnostic {
    /// Compiler style: `main.typ:4:9: error: message`, the quoted line, then `hint:` lines.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(position) = self.position() {
            write!(f, "{position}: ")?;
        }
        write!(f, "{}: {}", self.severity, self.message)?;
        if let (Some(line), Some(snippet)) = (self.line, &self.snippet) {
            write!(f, "\n{line:>5} | {snippet}")?;
        }
        for hint in &self.hints {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// The error of a failed compile: every problem found, errors first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfError {
    /// The problems, at least one of them an error.
    pub diagnostics: Vec<Diagnostic>,
}

impl PdfError {
    /// An error with a single message that belongs to no file.
    pub(crate) fn message(message: impl Into<String>) -> PdfError {
        PdfError {
            diagnostics: vec![Diagnostic::error(message)],
        }
    }
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.diagnostics.is_empty() {
            return f.write_str("PDF compilation failed");
        }
        for (i, diagnostic) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PdfError {}

impl From<String> for PdfError {
    fn from(message: String) -> PdfError {
        PdfError::message(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_compiler_style() {
        let diagnostic = Diagnostic {
            severity: Severity::Error,
            message: "unknown font family: foo".into(),
            hints: vec!["available font families: Amiri".into()],
            file: Some("main.typ".into()),
            line: Some(4),
            column: Some(11),
            snippet: Some("#set text(font: \"foo\")".into()),
        };
        assert_eq!(
            diagnostic.to_string(),
            "main.typ:4:11: error: unknown font family: foo\n    4 | #set text(font: \"foo\")\n  hint: available font families: Amiri"
        );
        let error = PdfError {
            diagnostics: vec![diagnostic.clone(), Diagnostic::error("second")],
        };
        assert!(error.to_string().ends_with("\nerror: second"));
    }
}
