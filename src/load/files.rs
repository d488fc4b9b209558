//! Stage: load. Where the loader's files come from: a folder on disk, or a set of files held in
//! memory (a git revision read by [`super::git`]). Paths are always relative to the project
//! root, with `/` separators (`law/clauses/x.md`), so diagnostics read the same either way.
//!
//! This module only reads; it never writes or caches anything on disk.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A tree of files the loader can read.
#[derive(Debug, Clone)]
pub enum Files {
    /// Files on disk: `law/…` under `law`, everything else under `root`.
    Disk { root: PathBuf, law: PathBuf },
    /// Files held in memory, keyed by their path relative to the root.
    Memory(BTreeMap<String, Vec<u8>>),
}

impl Files {
    /// A project folder on disk (holding `law/law.toml`).
    pub fn disk(root: &Path) -> Files {
        Files::Disk {
            root: root.to_path_buf(),
            law: root.join("law"),
        }
    }

    /// A folder on disk that is itself the `law/` folder (holding `law.toml` directly).
    pub fn law_folder(dir: &Path) -> Files {
        let root = dir.parent().unwrap_or(dir).to_path_buf();
        Files::Disk {
            root,
            law: dir.to_path_buf(),
        }
    }

    /// Files held in memory, keyed by their path relative to the root.
    pub fn memory(files: BTreeMap<String, Vec<u8>>) -> Files {
        Files::Memory(files)
    }

    /// The path on disk of `rel`, for a disk tree.
    fn disk_path(root: &Path, law: &Path, rel: &str) -> PathBuf {
        match rel.strip_prefix("law/") {
            Some(rest) => law.join(rest),
            None if rel == "law" => law.to_path_buf(),
            None => root.join(rel),
        }
    }

    /// Reads the bytes of `rel`.
    pub fn read(&self, rel: &str) -> std::io::Result<Vec<u8>> {
        match self {
            Files::Disk { root, law } => std::fs::read(Self::disk_path(root, law, rel)),
            Files::Memory(map) => map.get(rel).cloned().ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no such file at this revision",
                )
            }),
        }
    }

    /// Whether `rel` is a file of the tree.
    pub fn exists(&self, rel: &str) -> bool {
        match self {
            Files::Disk { root, law } => Self::disk_path(root, law, rel).is_file(),
            Files::Memory(map) => map.contains_key(rel),
        }
    }

    /// Every `.md` file under the folder `rel_dir`, as root-relative paths, sorted. Hidden files
    /// and folders (starting with `.`) are skipped, as on disk.
    pub fn markdown_files(&self, rel_dir: &str) -> Vec<String> {
        match self {
            Files::Disk { root, law } => {
                let dir = Self::disk_path(root, law, rel_dir);
                let mut out: Vec<String> = super::law::markdown_files(&dir)
                    .iter()
                    .filter_map(|p| p.strip_prefix(&dir).ok())
                    .map(|rest| join_rel(rel_dir, rest))
                    .collect();
                out.sort();
                out
            }
            Files::Memory(map) => {
                let prefix = format!("{}/", rel_dir.trim_end_matches('/'));
                map.keys()
                    .filter(|k| k.starts_with(&prefix) && k.ends_with(".md"))
                    .filter(|k| !k[prefix.len()..].split('/').any(|c| c.starts_with('.')))
                    .cloned()
                    .collect()
            }
        }
    }
}

/// `rel_dir` joined with a relative path, with `/` separators.
fn join_rel(rel_dir: &str, rest: &Path) -> String {
    let mut s = rel_dir.trim_end_matches('/').to_string();
    for c in rest.components() {
        s.push('/');
        s.push_str(&c.as_os_str().to_string_lossy());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_trees_list_markdown_files_under_a_folder() {
        let mut m = BTreeMap::new();
        for k in [
            "law/law.toml",
            "law/clauses/a.md",
            "law/clauses/ch/b.md",
            "law/clauses/.hidden/c.md",
            "law/clauses-x/d.md",
        ] {
            m.insert(k.to_string(), Vec::new());
        }
        let f = Files::memory(m);
        assert_eq!(
            f.markdown_files("law/clauses"),
            vec!["law/clauses/a.md", "law/clauses/ch/b.md"]
        );
        assert!(f.exists("law/law.toml"));
        assert!(!f.exists("law/variables.toml"));
        assert!(f.read("law/nope").is_err());
    }

    #[test]
    fn a_law_folder_maps_law_paths_into_itself() {
        let d = tempfile::tempdir().unwrap();
        let law = d.path().join("draft");
        std::fs::create_dir_all(law.join("clauses/ch")).unwrap();
        std::fs::write(law.join("law.toml"), "x").unwrap();
        std::fs::write(law.join("clauses/ch/a.md"), "y").unwrap();
        let f = Files::law_folder(&law);
        assert!(f.exists("law/law.toml"));
        assert_eq!(f.read("law/law.toml").unwrap(), b"x");
        assert_eq!(f.markdown_files("law/clauses"), vec!["law/clauses/ch/a.md"]);
    }
}
