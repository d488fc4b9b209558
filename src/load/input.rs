//! Stage: load. One draft given on the command line (`qanun diff OLD NEW`): a project folder, a
//! folder that is itself `law/`, a single article file, or `git:REV`; loaded into a [`Law`].
//!
//! It reads only; problems go into the returned diagnostics, never to the terminal.

use super::files::Files;
use super::git;
use super::{Loaded, load_law_from, parse_clause, read};
use crate::diagnostics::Diagnostic;
use crate::model::{Clause, Lang, Law, Part};
use std::path::{Path, PathBuf};

/// A draft as written on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A folder holding `law/law.toml` (and perhaps `countries/`).
    Project(PathBuf),
    /// A folder holding `law.toml` itself.
    LawFolder(PathBuf),
    /// One article file.
    ClauseFile(PathBuf),
    /// `git:REV`: the law as committed at a revision of the repository holding the root.
    Git(String),
    /// A path that does not exist.
    Missing(PathBuf),
    /// A folder that holds no law: neither `law/law.toml` nor `law.toml`.
    NoLaw(PathBuf),
}

impl Input {
    /// Recognises what `spec` names; lenient about folders (a project or its `law/` folder).
    pub fn parse(spec: &str) -> Input {
        if let Some(rev) = spec.strip_prefix("git:") {
            return Input::Git(rev.to_string());
        }
        let path = PathBuf::from(spec);
        if path.is_file() {
            // `…/law.toml` names its law folder.
            if path.file_name().is_some_and(|n| n == "law.toml")
                && let Some(dir) = path.parent()
            {
                let dir = if dir.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    dir
                };
                return Input::parse(&dir.to_string_lossy());
            }
            return Input::ClauseFile(path);
        }
        if !path.is_dir() {
            return Input::Missing(path);
        }
        if path.join("law/law.toml").is_file() {
            return Input::Project(path);
        }
        if path.join("law.toml").is_file() {
            // `…/law` of a project: load the project, so its countries are at hand.
            if let Some(parent) = path.parent()
                && path.file_name().is_some_and(|n| n == "law")
                && parent.join("law/law.toml").is_file()
            {
                let parent = if parent.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    parent
                };
                return Input::Project(parent.to_path_buf());
            }
            return Input::LawFolder(path);
        }
        Input::NoLaw(path)
    }
}

/// One draft, loaded.
#[derive(Debug, Default)]
pub struct Side {
    /// How to name the draft in reports: the path as given, or `git:REV (commit)`.
    pub label: String,
    pub law: Law,
    pub loaded: Loaded,
    /// The project folder, when the draft is one (its `countries/` can be used).
    pub project_root: Option<PathBuf>,
    /// Whether the draft is a single article file.
    pub single_clause: bool,
}

impl Side {
    /// Whether loading found errors (the draft cannot be compared faithfully).
    pub fn has_errors(&self) -> bool {
        self.loaded.diags.iter().any(Diagnostic::is_error)
    }
}

/// Loads the draft `spec`; `root` is the project whose git history `git:REV` reads.
pub fn load_side(spec: &str, root: &Path) -> Side {
    match Input::parse(spec) {
        Input::Project(dir) => from_files(spec, &Files::disk(&dir), Some(dir.clone()), &dir),
        Input::LawFolder(dir) => from_files(spec, &Files::law_folder(&dir), None, &dir),
        Input::ClauseFile(path) => clause_side(spec, &path),
        Input::Git(rev) => git_side(&rev, root),
        Input::Missing(path) => not_a_draft(
            spec,
            format!("{} is neither a file nor a folder", path.display()),
        ),
        Input::NoLaw(path) => not_a_draft(
            spec,
            format!(
                "{} holds no law: neither law/law.toml nor law.toml is in it",
                path.display()
            ),
        ),
    }
}

/// A draft that cannot be loaded at all: `message` says why.
fn not_a_draft(spec: &str, message: String) -> Side {
    let mut side = Side {
        label: spec.to_string(),
        ..Side::default()
    };
    side.loaded.diags.push(
        Diagnostic::file_error("no-such-draft", spec, message).with_hint(
            "give a project folder, a law folder, an article file, or git:REV (git:HEAD~1)",
        ),
    );
    side
}

fn from_files(spec: &str, files: &Files, project_root: Option<PathBuf>, dir: &Path) -> Side {
    let project = load_law_from(files, dir);
    Side {
        label: spec.to_string(),
        law: project.law,
        loaded: project.loaded,
        project_root,
        single_clause: false,
    }
}

fn git_side(rev: &str, root: &Path) -> Side {
    match git::read_law(root, rev) {
        Ok(tree) => {
            let project = load_law_from(&tree.files, root);
            Side {
                label: tree.label(),
                law: project.law,
                loaded: project.loaded,
                project_root: None,
                single_clause: false,
            }
        }
        Err(d) => {
            let mut side = Side {
                label: format!("git:{rev}"),
                ..Side::default()
            };
            side.loaded.diags.push(*d);
            side
        }
    }
}

fn clause_side(spec: &str, path: &Path) -> Side {
    let mut side = Side {
        label: spec.to_string(),
        single_clause: true,
        ..Side::default()
    };
    let rel = spec.replace('\\', "/");
    let text = match read::read_text(path, &rel) {
        Ok(t) => t,
        Err(d) => {
            side.loaded.diags.push(d);
            return side;
        }
    };
    read::check_chars(&text, &rel, &mut side.loaded.diags);
    side.loaded.sources.insert(&rel, text.clone());
    if let Some(clause) = parse_clause(&rel, &text, &mut side.loaded.diags) {
        side.law = single_clause_law(clause);
    }
    side
}

/// A law holding one article, so a single file compares like a whole draft.
pub fn single_clause_law(clause: Clause) -> Law {
    let langs: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|l| clause.body(*l).is_some() || clause.title.contains_key(l))
        .collect();
    let mut law = Law {
        required_langs: if langs.is_empty() {
            vec![Lang::Ar]
        } else {
            langs
        },
        ..Law::default()
    };
    law.chapters.push(Part {
        clauses: vec![clause.id.clone()],
        ..Part::default()
    });
    law.clauses
        .insert(clause.id.clone(), std::sync::Arc::new(clause));
    law
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_recognised_leniently() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("proj");
        std::fs::create_dir_all(p.join("law/clauses")).unwrap();
        std::fs::write(p.join("law/law.toml"), "").unwrap();
        std::fs::write(p.join("law/clauses/a.md"), "").unwrap();
        let bare = d.path().join("bare");
        std::fs::create_dir_all(&bare).unwrap();
        std::fs::write(bare.join("law.toml"), "").unwrap();
        let s = |p: &Path| p.to_string_lossy().into_owned();
        assert_eq!(Input::parse(&s(&p)), Input::Project(p.clone()));
        assert_eq!(Input::parse(&s(&p.join("law"))), Input::Project(p.clone()));
        assert_eq!(Input::parse(&s(&bare)), Input::LawFolder(bare.clone()));
        assert_eq!(
            Input::parse(&s(&p.join("law/law.toml"))),
            Input::Project(p.clone())
        );
        let f = p.join("law/clauses/a.md");
        assert_eq!(Input::parse(&s(&f)), Input::ClauseFile(f.clone()));
        assert_eq!(Input::parse("git:HEAD~1"), Input::Git("HEAD~1".into()));
        assert!(matches!(
            Input::parse(&s(&d.path().join("nope"))),
            Input::Missing(_)
        ));
        // A folder with no law in it is named as such, not read as a project.
        assert_eq!(
            Input::parse(&s(d.path())),
            Input::NoLaw(d.path().to_path_buf())
        );
        let side = load_side(&s(d.path()), Path::new("."));
        assert_eq!(side.loaded.diags.len(), 1, "{:?}", side.loaded.diags);
        assert!(
            side.loaded.diags[0].message.contains("holds no law"),
            "{:?}",
            side.loaded.diags
        );
    }

    #[test]
    fn a_missing_draft_is_an_error() {
        let side = load_side("/nonexistent/qanun/draft", Path::new("."));
        assert!(side.has_errors());
        assert_eq!(side.loaded.diags[0].code, "no-such-draft");
    }
}
