//! Stage: load. Reads the law as committed at a git revision, from the real repository (the
//! `git` command), into a [`Files`] tree held in memory.
//!
//! It only reads: it never checks out, writes a copy, or changes the repository.

use super::files::Files;
use crate::diagnostics::Diagnostic;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// The law's files at a revision.
#[derive(Debug, Clone)]
pub struct GitTree {
    pub files: Files,
    /// The revision as the user wrote it (`HEAD~1`).
    pub rev: String,
    /// The full commit id it names.
    pub commit: String,
}

impl GitTree {
    /// `git:HEAD~1 (1a2b3c4)`, for headings and reports.
    pub fn label(&self) -> String {
        let short = self.commit.get(..7).unwrap_or(&self.commit);
        format!("git:{} ({short})", self.rev)
    }
}

/// One blob listed by `git ls-tree`.
struct Entry {
    oid: String,
    path: String,
}

/// Reads `law/` of the project at `root` as committed at `rev`. `root` may be a sub-folder of the
/// repository; its `law/` is read at the same place in the revision.
pub fn read_law(root: &Path, rev: &str) -> Result<GitTree, Box<Diagnostic>> {
    let fail = |msg: String, hint: &str| git_error(rev, msg, hint);
    if rev.is_empty() || rev.starts_with('-') {
        return Err(fail(
            format!("`{rev}` is not a revision"),
            "write git:REV with a commit, a branch, a tag or HEAD~N, e.g. git:HEAD~1",
        ));
    }
    // The repository's top folder and where `root` lies in it, from one git process (each
    // costs a few milliseconds of a `diff git:REV`).
    let place = git(root, &["rev-parse", "--show-toplevel", "--show-prefix"]).map_err(|e| {
        fail(
            format!("cannot read git history in {}: {e}", root.display()),
            "git:REV reads the repository holding the project; pass --root DIR inside a git repository",
        )
    })?;
    let place = String::from_utf8_lossy(&place);
    let mut lines = place.lines().map(str::trim);
    let toplevel = lines.next().unwrap_or("").to_string();
    let prefix = lines.next().unwrap_or("").to_string();
    let commit = git_line(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|_| {
        fail(
            format!("`{rev}` is not a revision of this repository"),
            "check the name with `git log --oneline`; examples: git:HEAD~1, git:v1.0, git:1a2b3c4",
        )
    })?;
    let top = Path::new(&toplevel);
    let law_dir = format!("{prefix}law");
    let entries = list_blobs(top, &commit, &law_dir).map_err(|e| {
        fail(
            format!("cannot list law/ at `{rev}`: {e}"),
            "check that git works here",
        )
    })?;
    if !entries
        .iter()
        .any(|e| e.path == format!("{law_dir}/law.toml"))
    {
        return Err(fail(
            format!("the revision `{rev}` has no {law_dir}/law.toml"),
            "choose a revision in which the law already existed",
        ));
    }
    let blobs = read_blobs(top, &entries).map_err(|e| {
        fail(
            format!("cannot read files at `{rev}`: {e}"),
            "check that git works here",
        )
    })?;
    let files: BTreeMap<String, Vec<u8>> = entries
        .iter()
        .zip(blobs)
        .filter_map(|(e, b)| Some((e.path.strip_prefix(&prefix)?.to_string(), b)))
        .collect();
    Ok(GitTree {
        files: Files::memory(files),
        rev: rev.to_string(),
        commit,
    })
}

/// A problem reading `git:REV`.
fn git_error(rev: &str, msg: String, hint: &str) -> Box<Diagnostic> {
    Box::new(Diagnostic::file_error("git", &format!("git:{rev}"), msg).with_hint(hint))
}

/// Runs git in `dir` and returns its output's first line.
fn git_line(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = git(dir, args)?;
    let s = String::from_utf8_lossy(&out);
    Ok(s.lines().next().unwrap_or("").trim().to_string())
}

/// Runs git in `dir`, returning its standard output or its error message.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(spawn_error)?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        Err(err
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("git failed")
            .trim()
            .to_string())
    }
}

fn spawn_error(e: std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::NotFound {
        "the `git` command was not found; install git".to_string()
    } else {
        format!("cannot run git: {e}")
    }
}

/// The regular files (blobs) under `dir` at `commit`, paths relative to the repository's top.
fn list_blobs(top: &Path, commit: &str, dir: &str) -> Result<Vec<Entry>, String> {
    let out = git(top, &["ls-tree", "-r", "-z", commit, "--", dir])?;
    let want = format!("{dir}/");
    let mut entries = Vec::new();
    for rec in out.split(|b| *b == 0).filter(|r| !r.is_empty()) {
        let rec = String::from_utf8_lossy(rec);
        let Some((meta, path)) = rec.split_once('\t') else {
            continue;
        };
        let mut parts = meta.split(' ');
        let (Some(mode), Some(kind), Some(oid)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        // Regular files only: symbolic links (120000) and submodules are not part of a law.
        if kind == "blob" && mode.starts_with("100") && path.starts_with(&want) {
            entries.push(Entry {
                oid: oid.to_string(),
                path: path.to_string(),
            });
        }
    }
    Ok(entries)
}

/// Reads the blobs' contents with one `git cat-file --batch`, in the entries' order.
fn read_blobs(top: &Path, entries: &[Entry]) -> Result<Vec<Vec<u8>>, String> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(top)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(spawn_error)?;
    let mut stdin = child.stdin.take().ok_or("cannot write to git")?;
    let request: String = entries.iter().map(|e| format!("{}\n", e.oid)).collect();
    // Write from a thread: git answers while we ask, and both pipes can fill up.
    let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
    let mut out = Vec::new();
    let read = child
        .stdout
        .take()
        .ok_or("cannot read from git")?
        .read_to_end(&mut out);
    let written = writer
        .join()
        .map_err(|_| "cannot write to git".to_string())?;
    let status = child.wait().map_err(|e| e.to_string())?;
    read.map_err(|e| e.to_string())?;
    written.map_err(|e| e.to_string())?;
    if !status.success() {
        return Err("git cat-file failed".to_string());
    }
    parse_batch(&out, entries.len())
}

/// Parses `git cat-file --batch` output: `<oid> <type> <size>\n<content>\n`, repeated.
fn parse_batch(mut out: &[u8], count: usize) -> Result<Vec<Vec<u8>>, String> {
    let mut blobs = Vec::with_capacity(count);
    for _ in 0..count {
        let nl = out
            .iter()
            .position(|b| *b == b'\n')
            .ok_or("truncated answer from git")?;
        let header = String::from_utf8_lossy(&out[..nl]).into_owned();
        let size: usize = header
            .rsplit(' ')
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("unexpected answer from git: {header}"))?;
        let body = out
            .get(nl + 1..nl + 1 + size)
            .ok_or("truncated answer from git")?;
        blobs.push(body.to_vec());
        out = out.get(nl + 2 + size..).unwrap_or(&[]);
    }
    Ok(blobs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_output_is_split_into_blobs() {
        let out = b"aaa blob 3\nabc\nbbb blob 0\n\nccc blob 2\n\xd8\xa7\n";
        let blobs = parse_batch(out, 3).unwrap();
        assert_eq!(
            blobs,
            vec![b"abc".to_vec(), Vec::new(), "ا".as_bytes().to_vec()]
        );
        assert!(parse_batch(b"aaa blob 9\nabc\n", 1).is_err());
        assert!(parse_batch(b"aaa missing\n", 1).is_err());
    }

    #[test]
    fn revisions_that_look_like_options_are_refused() {
        let d = read_law(Path::new("."), "--output=/tmp/x").unwrap_err();
        assert_eq!(d.code, "git");
        assert!(read_law(Path::new("."), "").is_err());
    }
}
