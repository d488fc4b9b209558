//! Shared set-up for the benchmarks: generated corpora (from `qanun::bench_corpus`), written
//! once per process to temporary folders, and the pipeline stages the benchmarks time.

#![allow(dead_code)] // each bench uses a part of this module

use qanun::bench_corpus::{Corpus, Spec, generate, revise};
use qanun::diagnostics::{Diagnostic, Severity};
use qanun::load::{Project, load_project};
use qanun::model::Lang;
use qanun::render::view::law_view;
use qanun::render::{Format, Templates};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// The seed every benchmark corpus uses.
pub const SEED: u64 = 20261129;

static DIRS: OnceLock<Mutex<BTreeMap<String, &'static tempfile::TempDir>>> = OnceLock::new();

fn cached(key: String, make: impl FnOnce(&Path)) -> PathBuf {
    let dirs = DIRS.get_or_init(Default::default);
    let mut dirs = dirs.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(d) = dirs.get(&key) {
        return d.path().to_path_buf();
    }
    let dir: &'static tempfile::TempDir =
        Box::leak(Box::new(tempfile::tempdir().expect("a temporary folder")));
    make(dir.path());
    dirs.insert(key, dir);
    dir.path().to_path_buf()
}

fn write(corpus: &Corpus, dir: &Path) {
    corpus.write_to(dir).expect("the corpus is written");
}

/// The folder of a generated project of `articles` model articles, `countries` countries and
/// `national` articles of national law each (generated once per process).
pub fn project(articles: usize, countries: usize, national: usize) -> PathBuf {
    let spec = Spec {
        articles,
        countries,
        national,
        seed: SEED,
    };
    cached(format!("p-{articles}-{countries}-{national}"), |dir| {
        write(&generate(&spec).expect("a valid spec"), dir)
    })
}

/// Two drafts of a law of `articles` articles with `share` of them changed: (old, new) folders.
pub fn drafts(articles: usize, share: f64) -> (PathBuf, PathBuf) {
    let spec = Spec {
        articles,
        countries: 0,
        national: 0,
        seed: SEED,
    };
    let root = cached(format!("d-{articles}-{share}"), |dir| {
        let (old, new) = revise(&spec, share).expect("a valid spec");
        write(&old, &dir.join("old"));
        write(&new, &dir.join("new"));
    });
    (root.join("old"), root.join("new"))
}

/// Loads and checks a project as `qanun check` does; returns the problems found.
pub fn load_and_check(root: &Path) -> (Project, Vec<Diagnostic>) {
    let project = load_project(root);
    let mut diags = project.loaded.diags.clone();
    diags.extend(qanun::validate::validate(&project));
    diags.extend(qanun::variant::check_all(&project));
    (project, diags)
}

/// Panics when the generated project has errors (a broken generator would make the figures
/// meaningless).
pub fn assert_clean(diags: &[Diagnostic]) {
    let errors: Vec<&str> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.message.as_str())
        .collect();
    assert!(errors.is_empty(), "generated corpus has errors: {errors:?}");
}

/// The text of `country`'s version of the law in Arabic, in `format` (md or typ).
pub fn render(project: &Project, country: &str, format: Format) -> String {
    let country = project.country(country).expect("a generated country");
    let (variant, _) = qanun::variant::build(&project.law, Some(country), &[Lang::Ar]);
    let view = law_view(&project.law, Some(country), &variant, Lang::Ar, None);
    Templates::load(&project.root, format, &[])
        .and_then(|t| t.render("law", &view))
        .expect("the built-in templates render")
}

/// The Typst engine (embedded fonts only) and the PDF options `qanun render` uses for `country`.
pub fn engine(project: &Project, country: &str) -> (qanun::pdf::Engine, qanun::pdf::PdfOptions) {
    let engine = qanun::pdf::Engine::new(&qanun::pdf::EngineOptions {
        root: Some(project.root.clone()),
        font_paths: Vec::new(),
        system_fonts: false,
    })
    .expect("the engine starts");
    let options = qanun::cmd::pdf_options(&project.law, "bench", country, Lang::Ar, "law");
    (engine, options)
}
