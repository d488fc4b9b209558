//! A temporary project built from fixture trees, and a runner for the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The fixtures folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The repository root (the shipped law and countries).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A project copied into a temporary folder.
pub struct Project {
    pub dir: tempfile::TempDir,
}

impl Project {
    /// Copies one fixture tree (relative to tests/fixtures), then overlays others on top.
    pub fn from_fixtures(layers: &[&str]) -> Project {
        let dir = tempfile::tempdir().expect("temp dir");
        for l in layers {
            copy_tree(&fixtures().join(l), dir.path());
        }
        Project { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file in the project (creating folders).
    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, content).expect("write");
    }

    /// Reads a file of the project.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(rel)).expect("read")
    }

    /// Rewrites the fixture's `non-punishment` (check/valid) to offer two wordings of
    /// paragraph 1, then a paragraph 2, in Arabic and English: "1. [option a] … 1. [option b] …
    /// 2. …". For tests of alternative wordings.
    pub fn offer_alternatives(&self) {
        let path = "law/clauses/protection/non-punishment.md";
        let clause = self
            .read(path)
            .replace(
                "## ar\n\nلا تُلاحق الضحية عن أي فعل أُكرهت على ارتكابه نتيجة مباشرة لكونها ضحية وفق [[definitions]].\n",
                "## ar\n\n1. [option a] لا تُلاحق الضحية.\n1. [option b] لا تُعاقب الضحية.\n2. ولا تُحتجز.\n",
            )
            .replace(
                "## en\n\nA victim shall not be prosecuted for any act they were compelled to commit as a direct result of being a victim within the meaning of [[definitions]].\n",
                "## en\n\n1. [option a] A victim shall not be prosecuted.\n1. [option b] A victim shall not be punished.\n2. Nor shall a victim be detained.\n",
            );
        assert!(
            clause.contains("[option b] A victim") && clause.contains("[option b] لا"),
            "fixture changed: {clause}"
        );
        self.write(path, clause);
    }

    /// Runs qanun in the project with `--root` and no colour.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.path(), args)
    }
}

/// Runs qanun with `--root dir --color never` plus `args`.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = qanun()
        .arg("--root")
        .arg(dir)
        .arg("--color")
        .arg("never")
        .args(args)
        .output()
        .expect("run qanun");
    Run::from(out)
}

/// A command for the real binary, with a clean environment for colour.
pub fn qanun() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_qanun"));
    c.env_remove("NO_COLOR").env("SOURCE_DATE_EPOCH", "");
    c.env_remove("SOURCE_DATE_EPOCH");
    c
}

/// The result of a run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Self {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

impl Run {
    /// Parses stdout as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", self.stdout, self.stderr))
    }

    /// Asserts no panic message reached the user.
    pub fn assert_no_panic(&self) {
        assert!(!self.stderr.contains("panicked"), "panic: {}", self.stderr);
        assert!(
            !self.stderr.contains("internal error"),
            "internal error: {}",
            self.stderr
        );
    }
}

/// A copy of the shipped project (its law, countries and templates).
pub fn shipped_project() -> Project {
    let p = Project::from_fixtures(&[]);
    for dir in ["law", "templates", "countries"] {
        copy_dir(&repo().join(dir), &p.path().join(dir));
    }
    p
}

/// Copies a folder's contents into another (created as needed).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    copy_tree(from, to);
}

fn copy_tree(from: &Path, to: &Path) {
    let Ok(entries) = std::fs::read_dir(from) else {
        panic!("no fixture {}", from.display())
    };
    for e in entries.flatten() {
        let src = e.path();
        let dst = to.join(e.file_name());
        let ft = e.file_type().expect("file type");
        if ft.is_symlink() {
            let target = std::fs::read_link(&src).expect("readlink");
            let _ = std::fs::remove_file(&dst);
            std::os::unix::fs::symlink(target, &dst).expect("symlink");
        } else if ft.is_dir() {
            std::fs::create_dir_all(&dst).expect("mkdir");
            copy_tree(&src, &dst);
        } else {
            std::fs::copy(&src, &dst).expect("copy");
        }
    }
}

/// Two drafts of the shipped law with real edits between them, for redlines: the law at
/// commit 11f3dcf and today's when the repository's history is there (a full clone), else a
/// copy of today's law with edits made here (a shallow clone has no history): words changed
/// in several articles and languages, an article removed and two swapped. Returns the folder
/// to run in, OLD and NEW, and the temporary project that must live as long as they are used.
pub fn shipped_drafts() -> (PathBuf, String, String, Option<Project>) {
    let has_history = std::env::var_os("QANUN_TEST_NO_HISTORY").is_none()
        && Command::new("git")
            .arg("-C")
            .arg(repo())
            .args(["cat-file", "-e", "11f3dcf^{commit}"])
            .output()
            .is_ok_and(|o| o.status.success());
    if has_history {
        return (repo(), "git:11f3dcf".to_string(), ".".to_string(), None);
    }
    let p = shipped_project();
    let old = p.path().join("old");
    copy_dir(&p.path().join("law"), &old.join("law"));
    let edit = |rel: &str, from: &str, to: &str| {
        let path = old.join(rel);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains(from), "{rel}: {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    };
    edit(
        "law/clauses/general-provisions/short-title.md",
        "## en\n\n",
        "## en\n\nIn short, ",
    );
    edit(
        "law/clauses/general-provisions/definitions.md",
        "## ar\n\n",
        "## ar\n\nتمهيد. ",
    );
    edit("law/law.toml", "  \"guiding-principles\",\n", "");
    edit(
        "law/law.toml",
        "  \"objectives\",\n  \"definitions\",\n",
        "  \"definitions\",\n  \"objectives\",\n",
    );
    let new = p.path().to_string_lossy().into_owned();
    (
        p.path().to_path_buf(),
        old.to_string_lossy().into_owned(),
        new,
        Some(p),
    )
}

/// A call Typst does not know, which [`break_typst_template`] appends to a template.
pub const NOT_TYPST: &str = "#not_a_typst_function()";

/// Appends [`NOT_TYPST`] to the project's template `name` (under `templates/`).
pub fn break_typst_template(p: &Project, name: &str) {
    let tpl = p.path().join("templates").join(name);
    let text = std::fs::read_to_string(&tpl).expect("template");
    std::fs::write(&tpl, format!("{text}\n{NOT_TYPST}\n")).expect("write");
}

/// Checks a Typst error in `stderr` caused by [`break_typst_template`]: it names the call, and
/// the line of `main.typ` it names holds the call in `source`, the Typst source the command
/// writes when asked.
pub fn assert_typst_error_at(stderr: &str, source: &str) {
    assert!(
        stderr.contains("unknown variable: not_a_typst_function"),
        "{stderr}"
    );
    let line: usize = stderr
        .split("main.typ:")
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no line number in {stderr}"));
    assert_eq!(
        source.lines().nth(line - 1).map(str::trim),
        Some(NOT_TYPST),
        "line {line}"
    );
}
