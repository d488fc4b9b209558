//! Benchmark of `qanun diff`: two generated drafts of 2,000 clauses (ar and en), 5% of the
//! clauses changed in varied ways (words, translations only, added, removed, renamed, moved,
//! front matter, new paragraphs). Measures LawDiff computation plus JSON rendering, and
//! `git diff --no-index --word-diff` on the same two trees for comparison; the ratio is printed
//! after divan's table.
//!
//! The drafts are written as real project folders and loaded with the real loader (outside the
//! timing). The generator is seeded, so every run compares the same drafts.
//!
//! Run: `cargo bench --bench diff`.

use qanun::diff::display::{self, DisplayOptions, Format};
use qanun::diff::{DiffOptions, diff_laws};
use qanun::model::Law;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const CLAUSES: usize = 2_000;
const CHAPTERS: usize = 20;

fn main() {
    divan::main();
    let f = fixture();
    let ours = median(7, || {
        divan::black_box(diff_to_json(&f.old, &f.new));
    });
    let git = median(7, || git_word_diff(&f.dir));
    println!(
        "\nqanun diff (LawDiff + JSON): {:.1} ms; git diff --no-index --word-diff: {:.1} ms; \
         ratio qanun/git = {:.2}",
        ms(ours),
        ms(git),
        ours.as_secs_f64() / git.as_secs_f64().max(1e-9)
    );
    let json = diff_to_json(&f.old, &f.new);
    let s = diff_laws(&f.old, "old", &f.new, "new", &DiffOptions::default()).summary;
    println!(
        "JSON output: {} bytes; summary: {} added, {} removed, {} modified, {} renamed, \
         {} moved, {} renumbered, {} unchanged",
        json.len(),
        s.added,
        s.removed,
        s.modified,
        s.renamed,
        s.moved,
        s.renumbered,
        s.unchanged
    );
    let _ = std::fs::remove_dir_all(&f.dir);
}

/// LawDiff + JSON: what `qanun diff --format json` does after loading.
#[divan::bench(sample_count = 20)]
fn lawdiff_and_json(b: divan::Bencher) {
    let f = fixture();
    b.bench(|| diff_to_json(divan::black_box(&f.old), divan::black_box(&f.new)));
}

/// LawDiff alone.
#[divan::bench(sample_count = 20)]
fn lawdiff_only(b: divan::Bencher) {
    let f = fixture();
    b.bench(|| {
        diff_laws(
            divan::black_box(&f.old),
            "old",
            divan::black_box(&f.new),
            "new",
            &DiffOptions::default(),
        )
    });
}

/// `git diff --no-index --word-diff` on the same two trees.
#[divan::bench(sample_count = 10)]
fn git_word_diff_same_trees(b: divan::Bencher) {
    let f = fixture();
    b.bench(|| git_word_diff(&f.dir));
}

fn diff_to_json(old: &Law, new: &Law) -> String {
    let d = diff_laws(old, "old", new, "new", &DiffOptions::default());
    display::render(&d, Format::Json, &DisplayOptions::default())
}

fn git_word_diff(dir: &Path) {
    // Exit status 1 means "differences"; only the time matters here.
    let _ = std::process::Command::new("git")
        .current_dir(dir)
        .args([
            "diff",
            "--no-index",
            "--word-diff",
            "--no-color",
            "old/law",
            "new/law",
        ])
        .stdout(std::process::Stdio::null())
        .status();
}

fn median(n: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[n / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The two drafts, on disk and loaded.
struct Fixture {
    dir: PathBuf,
    old: Law,
    new: Law,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("qanun-bench-diff-{}", std::process::id()));
        let (old, new) = Corpus::generate(0x9e37_79b9_7f4a_7c15);
        old.write(&dir.join("old"));
        new.write(&dir.join("new"));
        let load = |side: &str| {
            let p = qanun::load::load_law_only(&dir.join(side));
            assert!(
                !p.loaded.diags.iter().any(|d| d.is_error()),
                "generated draft has errors: {:?}",
                p.loaded.diags.first()
            );
            p.law
        };
        Fixture {
            old: load("old"),
            new: load("new"),
            dir,
        }
    })
}

/// A small seeded generator (xorshift64*), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const AR: &[&str] = &[
    "يُعاقب",
    "كلُّ",
    "من",
    "ارتكب",
    "جريمة",
    "الاتجار",
    "بالبشر",
    "الضحية",
    "الجهة",
    "المختصة",
    "تلتزم",
    "الدولة",
    "بتوفير",
    "الحماية",
    "والمساعدة",
    "للضحايا",
    "وفقاً",
    "لأحكام",
    "هذا",
    "القانون",
    "لا",
    "يُعتدّ",
    "برضا",
    "المجني",
    "عليه",
    "متى",
    "استُعملت",
    "وسائل",
    "الإكراه",
    "أو",
    "الخداع",
    "في",
    "جميع",
    "مراحل",
    "الإجراءات",
    "القضائية",
    "والإدارية",
    "دون",
    "تمييز",
    "عمال",
    "المنازل",
    "والأطفال",
    "تزويج",
    "الطفلة",
    "الإيواء",
    "الآمن",
    "،",
    "؛",
];
const EN: &[&str] = &[
    "whoever",
    "commits",
    "the",
    "crime",
    "of",
    "trafficking",
    "in",
    "persons",
    "shall",
    "be",
    "punished",
    "victim",
    "competent",
    "authority",
    "State",
    "provide",
    "protection",
    "and",
    "assistance",
    "to",
    "victims",
    "under",
    "this",
    "law",
    "consent",
    "is",
    "irrelevant",
    "where",
    "any",
    "means",
    "coercion",
    "or",
    "deception",
    "used",
    "at",
    "all",
    "stages",
    "judicial",
    "administrative",
    "proceedings",
    "without",
    "discrimination",
    "domestic",
    "workers",
    "child",
    "marriage",
    "shelter",
    "safe",
];

/// One generated clause.
#[derive(Clone)]
struct GenClause {
    id: String,
    optional: bool,
    instruments: Vec<String>,
    title_ar: String,
    title_en: String,
    ar: Vec<String>,
    en: Vec<String>,
}

/// A generated draft: chapters of clause ids and the clauses.
#[derive(Clone)]
struct Corpus {
    chapters: Vec<Vec<String>>,
    clauses: Vec<GenClause>,
}

fn sentence(rng: &mut Rng, words: &[&str], n: usize) -> String {
    (0..n)
        .map(|_| words[rng.below(words.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

/// A paragraph of 20 to 39 words.
fn paragraph(rng: &mut Rng, words: &[&str]) -> String {
    let n = 20 + rng.below(20);
    sentence(rng, words, n)
}

impl Corpus {
    /// The old draft, and the new one with 5% of its clauses changed in varied ways.
    fn generate(seed: u64) -> (Corpus, Corpus) {
        let mut rng = Rng(seed);
        let clauses: Vec<GenClause> = (0..CLAUSES).map(|i| gen_clause(&mut rng, i)).collect();
        let per = CLAUSES / CHAPTERS;
        let chapters = (0..CHAPTERS)
            .map(|c| {
                clauses[c * per..(c + 1) * per]
                    .iter()
                    .map(|x| x.id.clone())
                    .collect()
            })
            .collect();
        let old = Corpus { chapters, clauses };
        let mut new = old.clone();
        new.change(&mut rng, CLAUSES / 20);
        (old, new)
    }

    /// Changes `n` distinct clauses, cycling through the kinds of change.
    fn change(&mut self, rng: &mut Rng, n: usize) {
        let mut picked = std::collections::BTreeSet::new();
        while picked.len() < n {
            picked.insert(rng.below(self.clauses.len()));
        }
        for (k, &i) in picked.iter().enumerate() {
            let id = self.clauses[i].id.clone();
            match k % 8 {
                0 => edit_words(rng, &mut self.clauses[i].ar, AR),
                1 => edit_words(rng, &mut self.clauses[i].en, EN),
                2 => {
                    let mut c = gen_clause(rng, CLAUSES + k);
                    c.id = format!("new-{k}");
                    self.insert_after(&id, c);
                }
                3 => self.remove(&id),
                4 => self.rename(&id, &format!("renamed-{k}")),
                5 => self.move_elsewhere(rng, &id),
                6 => {
                    let c = &mut self.clauses[i];
                    c.optional = !c.optional;
                    c.instruments.push("untoc:5".to_string());
                    c.title_en.push_str(" revised");
                }
                _ => {
                    let extra = sentence(rng, AR, 12);
                    self.clauses[i].ar.push(extra);
                    let extra = sentence(rng, EN, 12);
                    self.clauses[i].en.push(extra);
                }
            }
        }
    }

    fn insert_after(&mut self, id: &str, c: GenClause) {
        for ch in &mut self.chapters {
            if let Some(p) = ch.iter().position(|x| x == id) {
                ch.insert(p + 1, c.id.clone());
            }
        }
        self.clauses.push(c);
    }

    fn remove(&mut self, id: &str) {
        for ch in &mut self.chapters {
            ch.retain(|x| x != id);
        }
        self.clauses.retain(|c| c.id != id);
    }

    fn rename(&mut self, id: &str, to: &str) {
        for x in self.chapters.iter_mut().flatten() {
            if x == id {
                *x = to.to_string();
            }
        }
        for c in &mut self.clauses {
            if c.id == id {
                c.id = to.to_string();
            }
        }
    }

    fn move_elsewhere(&mut self, rng: &mut Rng, id: &str) {
        for ch in &mut self.chapters {
            ch.retain(|x| x != id);
        }
        let ch = rng.below(self.chapters.len());
        let pos = rng.below(self.chapters[ch].len() + 1);
        self.chapters[ch].insert(pos, id.to_string());
    }

    /// Writes the draft as a project folder (law/law.toml and one file per clause).
    fn write(&self, root: &Path) {
        let clauses = root.join("law/clauses");
        std::fs::create_dir_all(&clauses).expect("create the bench folder");
        let mut toml = String::from(
            "id = \"bench\"\nversion = \"1.0.0\"\ndate = \"2026-01-01\"\n\n[title]\nar = \"قانون\"\nen = \"Law\"\n\n[languages]\nrequired = [\"ar\", \"en\"]\n",
        );
        for (i, ch) in self.chapters.iter().enumerate() {
            let list: Vec<String> = ch.iter().map(|x| format!("\"{x}\"")).collect();
            let _ = write!(
                toml,
                "\n[[chapters]]\nid = \"chapter-{i}\"\ntitle.ar = \"الفصل\"\ntitle.en = \"Chapter\"\nclauses = [{}]\n",
                list.join(", ")
            );
        }
        std::fs::write(root.join("law/law.toml"), toml).expect("write law.toml");
        for c in &self.clauses {
            std::fs::write(clauses.join(format!("{}.md", c.id)), c.file_text())
                .expect("write a clause");
        }
    }
}

fn gen_clause(rng: &mut Rng, i: usize) -> GenClause {
    let paras = 1 + rng.below(4);
    GenClause {
        id: format!("clause-{i}"),
        optional: rng.below(4) == 0,
        instruments: vec![format!("palermo:{}", 1 + rng.below(20))],
        title_ar: sentence(rng, AR, 3),
        title_en: sentence(rng, EN, 3),
        ar: (0..paras).map(|_| paragraph(rng, AR)).collect(),
        en: (0..paras).map(|_| paragraph(rng, EN)).collect(),
    }
}

/// Replaces, inserts and deletes a few words in one paragraph.
fn edit_words(rng: &mut Rng, paras: &mut [String], words: &[&str]) {
    let Some(p) = paras.first_mut() else {
        return;
    };
    let mut w: Vec<String> = p.split(' ').map(String::from).collect();
    for _ in 0..3 {
        let at = rng.below(w.len());
        match rng.below(3) {
            0 => w[at] = words[rng.below(words.len())].to_string(),
            1 => w.insert(at, words[rng.below(words.len())].to_string()),
            _ if w.len() > 1 => {
                w.remove(at);
            }
            _ => {}
        }
    }
    *p = w.join(" ");
}

impl GenClause {
    fn file_text(&self) -> String {
        let list = |v: &[String]| -> String {
            v.iter()
                .map(|x| format!("\"{x}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let numbered = |v: &[String]| -> String {
            v.iter()
                .enumerate()
                .map(|(i, p)| format!("{}. {p}", i + 1))
                .collect::<Vec<_>>()
                .join("\n")
        };
        format!(
            "+++\nid = \"{}\"\nstatus = \"{}\"\ninstruments = [{}]\n\n[title]\nar = \"{}\"\nen = \"{}\"\n+++\n\n## ar\n\n{}\n\n## en\n\n{}\n",
            self.id,
            if self.optional {
                "optional"
            } else {
                "mandatory"
            },
            list(&self.instruments),
            self.title_ar,
            self.title_en,
            numbered(&self.ar),
            numbered(&self.en),
        )
    }
}
