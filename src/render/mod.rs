//! Stage: render. A variant (or any other computed result) → Markdown, HTML or Typst text,
//! through Tera templates: built-in defaults embedded in the binary, which files of the same
//! name in the project's `templates/` replace.
//!
//! Templates receive view structs (see [`view`]), never the domain model, and every value is
//! escaped for the output language (HTML, Typst markup, Markdown): text written by users is
//! data, never markup or code. This stage reads template files; it writes nothing.

pub mod akn;
pub mod docx;
pub mod docx_packet;
pub mod escape;
pub mod packet;
pub mod report;
pub mod view;

use crate::diagnostics::Diagnostic;
use crate::model::Origin;
use std::path::Path;

/// An output format of `render` (and of the other commands' documents).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Html,
    Typ,
    /// XML (Akoma Ntoso): templates `*.xml.tera`.
    Xml,
}

impl Format {
    /// The template suffix, which selects the escaping: `.md.tera`, `.html.tera`, `.typ.tera`.
    pub fn suffix(self) -> &'static str {
        match self {
            Format::Md => ".md.tera",
            Format::Html => ".html.tera",
            Format::Typ => ".typ.tera",
            Format::Xml => ".xml.tera",
        }
    }

    fn escape_fn(self) -> tera::EscapeFn {
        match self {
            Format::Md => escape::markdown,
            Format::Html => escape::html,
            Format::Typ => escape::typst,
            Format::Xml => escape::xml,
        }
    }
}

/// The built-in templates: (name, text).
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    ("law.md.tera", include_str!("../../templates/law.md.tera")),
    (
        "law.html.tera",
        include_str!("../../templates/law.html.tera"),
    ),
    ("law.typ.tera", include_str!("../../templates/law.typ.tera")),
    (
        "partials/runs.md.tera",
        include_str!("../../templates/partials/runs.md.tera"),
    ),
    (
        "partials/runs.html.tera",
        include_str!("../../templates/partials/runs.html.tera"),
    ),
    (
        "partials/runs.typ.tera",
        include_str!("../../templates/partials/runs.typ.tera"),
    ),
    ("akn.xml.tera", include_str!("../../templates/akn.xml.tera")),
    (
        "docx/document.xml.tera",
        include_str!("../../templates/docx/document.xml.tera"),
    ),
    (
        "docx/paragraph.xml.tera",
        include_str!("../../templates/docx/paragraph.xml.tera"),
    ),
    (
        "docx/packet.xml.tera",
        include_str!("../../templates/docx/packet.xml.tera"),
    ),
    (
        "docx/redline.xml.tera",
        include_str!("../../templates/docx/redline.xml.tera"),
    ),
    (
        "docx/styles.xml.tera",
        include_str!("../../templates/docx/styles.xml.tera"),
    ),
    (
        "docx/header.xml.tera",
        include_str!("../../templates/docx/header.xml.tera"),
    ),
    (
        "docx/footer.xml.tera",
        include_str!("../../templates/docx/footer.xml.tera"),
    ),
    (
        "docx/core.xml.tera",
        include_str!("../../templates/docx/core.xml.tera"),
    ),
    (
        "partials/style.html.tera",
        include_str!("../../templates/partials/style.html.tera"),
    ),
    (
        "partials/setup.typ.tera",
        include_str!("../../templates/partials/setup.typ.tera"),
    ),
    (
        "partials/article.typ.tera",
        include_str!("../../templates/partials/article.typ.tera"),
    ),
];

/// Templates for one output format, with the project's overrides applied.
pub struct Templates {
    tera: tera::Tera,
    format: Format,
}

impl Templates {
    /// Loads the built-in templates of `format` and the project's `templates/` files of the same
    /// format (which replace built-ins of the same name, or add partials). `extra` adds built-in
    /// templates of other stages (packet, diff, compare).
    pub fn load(
        root: &Path,
        format: Format,
        extra: &[(&str, &str)],
    ) -> Result<Templates, Diagnostic> {
        let mut tera = tera::Tera::default();
        tera.set_escape_fn(format.escape_fn());
        // For text inside a Typst string literal (`title: "{{ x | typst_string }}"`), where the
        // markup escaping of `{{ }}` would leave backslashes in the text. Its output is final.
        tera.register_filter(
            "typst_string",
            |text: std::borrow::Cow<'_, str>, _: tera::Kwargs, _: &tera::State| {
                tera::Value::safe_string(&crate::pdf::escape_typst_string(&text))
            },
        );
        tera.autoescape_on([format.suffix()]);
        let mut all: Vec<(String, String)> = DEFAULT_TEMPLATES
            .iter()
            .chain(extra.iter())
            .filter(|(n, _)| n.ends_with(format.suffix()))
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        let dir = root.join("templates");
        for (name, path) in template_files(&dir) {
            if !name.ends_with(format.suffix()) {
                continue;
            }
            let rel = format!("templates/{name}");
            let text = crate::load::read::read_text(&path, &rel)?;
            all.retain(|(n, _)| *n != name);
            all.push((name, text));
        }
        tera.add_raw_templates(all)
            .map_err(|e| template_error(&e))?;
        Ok(Templates { tera, format })
    }

    /// Renders template `name` (without its suffix, e.g. `"law"`) with `view` as context.
    pub fn render<T: serde::Serialize>(&self, name: &str, view: &T) -> Result<String, Diagnostic> {
        let ctx = tera::Context::from_serialize(view).map_err(|e| template_error(&e))?;
        let full = format!("{name}{}", self.format.suffix());
        let text = self
            .tera
            .render(&full, &ctx)
            .map_err(|e| template_error(&e))?;
        Ok(match self.format {
            Format::Html => text,
            Format::Md | Format::Typ | Format::Xml => tidy_blank_lines(&text),
        })
    }
}

/// Trims line ends and collapses runs of blank lines left by template tags into one.
pub fn tidy_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.trim_start_matches('\n').lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The project's template files, as (name relative to `templates/`, path).
fn template_files(dir: &Path) -> Vec<(String, std::path::PathBuf)> {
    crate::load::files_under(dir, |name| name.ends_with(".tera"))
        .into_iter()
        .map(|p| (crate::load::rel_path(dir, &p), p))
        .collect()
}

/// A template problem, located in the template (Tera's own message names the line).
fn template_error(e: &tera::Error) -> Diagnostic {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(&format!("\n{s}"));
        source = s.source();
    }
    Diagnostic::error("template", &Origin::new("templates", 0), format!("a template could not be used: {msg}"))
        .with_hint("if you changed a file in templates/, compare it with the built-in template (docs/templates.md)")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The repository's `templates/` folder and the templates built into the binary are the
    /// same set: a template added to the folder but not to the lists would work in this
    /// repository and silently be missing everywhere else.
    #[test]
    fn every_file_in_templates_is_built_in_with_the_same_text() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let built_in: Vec<(&str, &str)> = DEFAULT_TEMPLATES
            .iter()
            .chain(crate::cmd::packet::PACKET_TEMPLATES)
            .chain(crate::cmd::report::REPORT_TEMPLATES)
            .copied()
            .collect();
        let on_disk = template_files(&dir);
        assert_eq!(on_disk.len(), built_in.len(), "{on_disk:?}");
        for (name, path) in on_disk {
            let text = std::fs::read_to_string(&path).unwrap();
            let found = built_in.iter().find(|(n, _)| *n == name);
            assert_eq!(found.map(|(_, t)| *t), Some(text.as_str()), "{name}");
        }
    }
}
