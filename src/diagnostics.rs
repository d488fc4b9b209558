//! Problems found in user content, and how they are shown.
//!
//! Every stage reports problems as [`Diagnostic`]s (it never prints); commands print them all at
//! the end, like a compiler: with the file, line and column, the line quoted, and a hint.

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config};
use serde::Serialize;
use std::collections::BTreeMap;
use std::process::ExitCode;

use crate::model::Origin;

/// Exit status when all went well.
pub const EXIT_OK: u8 = 0;
/// Exit status when problems or differences were found.
pub const EXIT_FOUND: u8 = 1;
/// Exit status for usage, I/O or internal trouble.
pub const EXIT_TROUBLE: u8 = 2;

/// Converts one of the exit constants into an [`ExitCode`].
pub fn exit(code: u8) -> ExitCode {
    ExitCode::from(code)
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in a file, with a stable code that tests and tools can match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    /// Path relative to the project root, with `/` separators.
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based, counted in characters; 0 when the problem concerns the whole file.
    pub column: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Byte range in the file, for quoting the line.
    #[serde(skip)]
    pub span: Option<(usize, usize)>,
}

impl Diagnostic {
    /// An error at a position resolved against the file's text.
    pub fn error(code: &'static str, at: &Origin, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, at, message)
    }

    /// A warning at a position.
    pub fn warning(code: &'static str, at: &Origin, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, at, message)
    }

    fn new(
        severity: Severity,
        code: &'static str,
        at: &Origin,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code,
            file: at.file.clone(),
            line: 0,
            column: 0,
            message: message.into(),
            hint: None,
            span: Some((at.offset, at.offset)),
        }
    }

    /// A problem about a whole file (it could not be read, for example).
    pub fn file_error(code: &'static str, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.to_string(),
            line: 0,
            column: 0,
            message: message.into(),
            hint: None,
            span: None,
        }
    }

    /// Adds a hint saying how to fix the problem.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Sets the length of the marked span, in bytes.
    pub fn with_len(mut self, len: usize) -> Self {
        if let Some((s, _)) = self.span {
            self.span = Some((s, s + len));
        }
        self
    }

    /// Sets an explicit line and column when no text is available to resolve the span.
    pub fn at_line(mut self, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The text of every file read, so diagnostics can be resolved to lines and quoted.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: BTreeMap<String, String>,
}

impl SourceMap {
    pub fn insert(&mut self, file: &str, text: String) {
        self.files.insert(file.to_string(), text);
    }

    /// Adds the files of another map (read by another thread).
    pub fn extend(&mut self, other: SourceMap) {
        self.files.extend(other.files);
    }

    pub fn get(&self, file: &str) -> Option<&str> {
        self.files.get(file).map(String::as_str)
    }

    /// Resolves a diagnostic's byte span into 1-based line and character column.
    pub fn resolve(&self, d: &mut Diagnostic) {
        let (Some((start, _)), Some(text)) = (d.span, self.get(&d.file)) else {
            return;
        };
        let (line, col) = line_col(text, start);
        d.line = line;
        d.column = col;
    }
}

/// 1-based line and column (in characters) of a byte offset; clamps to the text.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

/// All diagnostics of a run, resolved and sorted.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub errors: usize,
    pub warnings: usize,
}

impl Report {
    /// Resolves positions, sorts by file and position, removes exact duplicates and counts.
    pub fn new(mut diagnostics: Vec<Diagnostic>, sources: &SourceMap) -> Report {
        for d in &mut diagnostics {
            sources.resolve(d);
        }
        diagnostics.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.code, &a.message)
                .cmp(&(&b.file, b.line, b.column, b.code, &b.message))
        });
        diagnostics.dedup();
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = diagnostics.len() - errors;
        Report {
            diagnostics,
            errors,
            warnings,
        }
    }

    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// The report as JSON: `{"diagnostics":[…],"errors":N,"warnings":N}`.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string())
    }

    /// Writes every diagnostic like a compiler does, quoting the line with a marker.
    pub fn emit(
        &self,
        out: &mut dyn codespan_reporting::term::WriteStyle,
        sources: &SourceMap,
    ) -> std::io::Result<()> {
        let mut files = SimpleFiles::new();
        let mut ids = BTreeMap::new();
        let config = Config::default();
        for d in &self.diagnostics {
            let cs = match d.severity {
                Severity::Error => CsDiagnostic::error(),
                Severity::Warning => CsDiagnostic::warning(),
            }
            .with_code(d.code)
            .with_message(d.message.clone());
            let mut notes = Vec::new();
            if let Some(h) = &d.hint {
                notes.push(format!("hint: {h}"));
            }
            let cs = match (d.span, sources.get(&d.file)) {
                (Some((s, e)), Some(text)) => {
                    let id = *ids
                        .entry(d.file.clone())
                        .or_insert_with(|| files.add(d.file.clone(), text.to_string()));
                    let (s, e) = clamp_span(text, s, e);
                    cs.with_label(Label::primary(id, s..e))
                }
                _ => {
                    notes.insert(0, format!("in {}", location(d)));
                    cs
                }
            };
            let cs = cs.with_notes(notes);
            term::emit_to_write_style(out, &config, &files, &cs)
                .map_err(|e| std::io::Error::other(e.to_string()))?;
        }
        Ok(())
    }
}

/// `file:line:col`, or just `file` when the position is unknown.
pub fn location(d: &Diagnostic) -> String {
    if d.line == 0 {
        d.file.clone()
    } else {
        format!("{}:{}:{}", d.file, d.line, d.column)
    }
}

/// Keeps a span inside the text and on character boundaries; marks at least one character.
fn clamp_span(text: &str, s: usize, e: usize) -> (usize, usize) {
    let mut s = s.min(text.len());
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = e.max(s).min(text.len());
    if e == s {
        e = text[s..]
            .chars()
            .next()
            .filter(|c| *c != '\n')
            .map_or(s, |c| s + c.len_utf8());
    }
    while !text.is_char_boundary(e) {
        e += 1;
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "أ = 1\nالمادة x";
        assert_eq!(line_col(text, 0), (1, 1));
        let x = text.find('x').unwrap();
        assert_eq!(line_col(text, x), (2, 8));
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        assert_eq!(line_col("ab\ncd", 999), (2, 3));
        assert_eq!(line_col("", 5), (1, 1));
    }
}
