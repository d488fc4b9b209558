//! Stage: load. Reads the project's files into the domain model, collecting every problem
//! (with its file and byte offset) instead of stopping at the first.
//!
//! Only this stage, `output`, `pdf` (fonts) and `cmd` touch the file system.

mod clause;
pub mod concepts;
mod country;
pub mod files;
pub mod git;
pub mod input;
mod law;
pub mod read;
mod toml_file;

pub use clause::{TAGS, inlines, is_var_name, parse_clause};
pub use country::{load_country, parse_legislation};
pub use files::Files;
pub use law::{files_under, listed_positions};
pub use toml_file::split_front_matter;

use crate::diagnostics::{Diagnostic, SourceMap};
use crate::model::{Country, Law};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What loading collects besides the model: problems, file texts, and unusable files.
#[derive(Debug, Default)]
pub struct Loaded {
    pub diags: Vec<Diagnostic>,
    pub sources: SourceMap,
    /// Stems of article files whose front matter could not be read (not reported twice).
    pub broken: BTreeSet<String>,
}

impl Loaded {
    /// Reads `root/rel`, recording its text and reporting unreadable, non-UTF-8 files and
    /// forbidden characters.
    pub fn read(&mut self, root: &Path, rel: &str) -> Option<String> {
        law::read_into(root, rel, self)
    }

    /// Adds what another load found (its problems after this one's).
    fn absorb(&mut self, other: Loaded) {
        self.diags.extend(other.diags);
        self.sources.extend(other.sources);
        self.broken.extend(other.broken);
    }
}

/// Everything under a project root, loaded.
#[derive(Debug, Default)]
pub struct Project {
    pub root: PathBuf,
    pub law: Law,
    pub countries: Vec<Country>,
    pub loaded: Loaded,
}

impl Project {
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }
}

/// Loads the law and every country under `root`.
pub fn load_project(root: &Path) -> Project {
    load_project_for(root, None)
}

/// Loads the law and one country (`Some(code)`), or every country (`None`). A command about
/// one country needs no other: each country is checked on its own, and their problems are
/// not reported for it. Loading the other ten is a third of the time qanun spends before
/// Typst on a packet.
pub fn load_project_for(root: &Path, only: Option<&str>) -> Project {
    // The law and the countries are read at the same time; problems are then reported in the
    // same order as if read one after the other (the law's, the folders', each country's).
    let mut found = Loaded::default();
    let codes: Vec<String> = country_codes(root, &mut found)
        .into_iter()
        .filter(|code| only.is_none_or(|o| o == code))
        .collect();
    let ((law, mut loaded), each) = rayon::join(
        || {
            let mut loaded = Loaded::default();
            (law::load_law(&Files::disk(root), &mut loaded), loaded)
        },
        || {
            codes
                .par_iter()
                .map(|code| {
                    let mut loaded = Loaded::default();
                    (load_country(root, code, &mut loaded), loaded)
                })
                .collect::<Vec<_>>()
        },
    );
    loaded.absorb(found);
    let mut countries = Vec::new();
    for (c, l) in each {
        loaded.absorb(l);
        countries.extend(c);
    }
    Project {
        root: root.to_path_buf(),
        law,
        countries,
        loaded,
    }
}

/// Loads only the law (for commands that do not need the countries).
pub fn load_law_only(root: &Path) -> Project {
    load_law_from(&Files::disk(root), root)
}

/// Loads only the law from a file tree (a folder, or a git revision held in memory); `root` is
/// recorded as the project's root.
pub fn load_law_from(files: &Files, root: &Path) -> Project {
    let mut loaded = Loaded::default();
    let law = law::load_law(files, &mut loaded);
    Project {
        root: root.to_path_buf(),
        law,
        countries: Vec::new(),
        loaded,
    }
}

/// The country folders under `root/countries`, sorted. A folder whose name is not a two-letter
/// lowercase code is reported.
pub fn country_codes(root: &Path, loaded: &mut Loaded) -> Vec<String> {
    let dir = root.join("countries");
    let mut codes = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return codes;
    };
    for e in entries.flatten() {
        if !e.path().is_dir() {
            continue;
        }
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if name.len() == 2 && name.chars().all(|c| c.is_ascii_lowercase()) {
            if e.path().join("country.toml").exists() {
                codes.push(name);
            } else {
                loaded.diags.push(
                    Diagnostic::file_error("missing-country-profile", &format!("countries/{name}"), "this country folder has no country.toml")
                        .with_hint("add countries/<cc>/country.toml (docs/format.md shows one), or remove the folder"),
                );
            }
        } else {
            loaded.diags.push(
                Diagnostic::file_error("bad-country-folder", &format!("countries/{name}"), format!("`{name}` is not a two-letter country code"))
                    .with_hint("name country folders by their ISO 3166-1 alpha-2 code in lower case: jo, eg, ma"),
            );
        }
    }
    codes.sort();
    codes
}

/// `path` relative to `root`, with `/` separators (as shown in diagnostics and JSON).
pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}
