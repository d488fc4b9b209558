//! Shared preparation for commands that work on one country's version of the law: load the
//! project, choose the country and language, build the variant, report the problems that
//! concern them (and only them: a broken profile of another country does not block this one).

use super::Context;
use crate::diagnostics::{Diagnostic, EXIT_FOUND, EXIT_TROUBLE, Report};
use crate::load::{Loaded, Project, country_codes, load_project_for};
use crate::model::{Country, Lang};
use crate::variant::{self, Variant};

/// A loaded project with one country's variant built.
pub struct Prepared {
    pub project: Project,
    /// The country code, or `model`.
    pub target: String,
    pub lang: Lang,
    /// The language shown for articles that lack `lang` (optional languages only).
    pub fallback: Option<Lang>,
    pub variant: Variant,
}

impl Prepared {
    pub fn country(&self) -> Option<&Country> {
        self.project.country(&self.target)
    }
}

/// Parses a language option.
pub fn parse_lang(s: &str) -> Result<Lang, u8> {
    Lang::from_code(s).ok_or_else(|| {
        eprintln!("error: unknown language `{s}`\nhint: use ar, en or fr");
        EXIT_TROUBLE
    })
}

/// Loads the project and builds the variant of `target` (`model` or a country code) in `lang`
/// (default: the country's first language, or the law's primary language).
pub fn prepare(ctx: &Context, target: &str, lang: Option<&str>) -> Result<Prepared, u8> {
    ctx.require_law()?;
    let project = load_project_for(&ctx.root, Some(target));
    prepare_loaded(ctx, project, target, lang)
}

/// As [`prepare`], on an already loaded project.
pub fn prepare_loaded(
    ctx: &Context,
    project: Project,
    target: &str,
    lang: Option<&str>,
) -> Result<Prepared, u8> {
    let country = if target == "model" {
        None
    } else {
        match project.country(target) {
            Some(c) => Some(c),
            None => {
                // The project may hold only the target: list the country folders.
                let known = country_codes(&project.root, &mut Loaded::default());
                let broken = project
                    .loaded
                    .diags
                    .iter()
                    .any(|d| d.file == format!("countries/{target}/country.toml"));
                if broken {
                    let report = Report::new(
                        project
                            .loaded
                            .diags
                            .iter()
                            .filter(|d| d.file.starts_with(&format!("countries/{target}/")))
                            .cloned()
                            .collect(),
                        &project.loaded.sources,
                    );
                    let _ = ctx.emit(&report, &project.loaded.sources, false);
                    eprintln!("error: the profile of `{target}` could not be read (see above)");
                    return Err(EXIT_FOUND);
                }
                eprintln!(
                    "error: unknown country `{target}`\nhint: use `model` or one of: {}",
                    known.join(", ")
                );
                return Err(EXIT_TROUBLE);
            }
        }
    };
    let lang = match lang {
        Some(l) => parse_lang(l)?,
        None => country.map_or_else(|| project.law.primary_lang(), Country::default_lang),
    };
    let allowed: Vec<Lang> = match country {
        Some(c) => c.languages.clone(),
        None => project.law.languages().collect(),
    };
    if !allowed.contains(&lang) {
        let who = country.map_or("the model law".to_string(), |c| {
            format!("countries/{}/country.toml", c.code)
        });
        eprintln!(
            "error: {who} has no `{}` among its languages ({})\nhint: choose one of them with --lang",
            lang.code(),
            allowed
                .iter()
                .map(|l| l.code())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return Err(EXIT_TROUBLE);
    }
    let fallback = (!project.law.required_langs.contains(&lang)).then(|| {
        project
            .law
            .required_langs
            .iter()
            .copied()
            .find(|l| *l != Lang::Ar)
            .unwrap_or(Lang::En)
    });
    let mut langs = vec![lang];
    langs.extend(fallback);
    let (variant, vdiags) = variant::build(&project.law, country, &langs);
    let mut diags: Vec<Diagnostic> =
        relevant(&project, target, project.loaded.diags.iter().cloned());
    diags.extend(relevant(
        &project,
        target,
        crate::validate::validate(&project).into_iter(),
    ));
    diags.extend(vdiags);
    let report = Report::new(diags, &project.loaded.sources);
    if report.has_errors() {
        let _ = ctx.emit(&report, &project.loaded.sources, false);
        eprintln!(
            "error: {} problem{} must be fixed first (run `qanun check` for the full list)",
            report.errors,
            if report.errors == 1 { "" } else { "s" }
        );
        return Err(EXIT_FOUND);
    }
    if !ctx.quiet && report.warnings > 0 {
        let _ = ctx.emit(&report, &project.loaded.sources, false);
    }
    Ok(Prepared {
        project,
        target: target.to_string(),
        lang,
        fallback,
        variant,
    })
}

/// Keeps the problems of the law, the templates and this country's folder.
fn relevant(
    _p: &Project,
    target: &str,
    diags: impl Iterator<Item = Diagnostic>,
) -> Vec<Diagnostic> {
    let own = format!("countries/{target}/");
    diags
        .filter(|d| !d.file.starts_with("countries/") || d.file.starts_with(&own))
        .collect()
}
