//! Finding the project root and the places of its folders.

use std::path::{Path, PathBuf};

/// The project root: `explicit` if given, else the nearest ancestor of `cwd` holding
/// `law/law.toml`, else `cwd`.
pub fn find_root(explicit: Option<&Path>, cwd: &Path) -> PathBuf {
    if let Some(p) = explicit {
        return p.to_path_buf();
    }
    cwd.ancestors()
        .find(|d| d.join("law/law.toml").is_file())
        .unwrap_or(cwd)
        .to_path_buf()
}

/// Whether `root` holds a law.
pub fn has_law(root: &Path) -> bool {
    root.join("law/law.toml").is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_the_nearest_ancestor_with_a_law() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("law")).unwrap();
        std::fs::write(d.path().join("law/law.toml"), "").unwrap();
        let deep = d.path().join("countries/jo");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(find_root(None, &deep), d.path());
        assert_eq!(find_root(Some(Path::new("/x")), &deep), Path::new("/x"));
        let other = tempfile::tempdir().unwrap();
        assert_eq!(find_root(None, other.path()), other.path());
    }
}
