//! Benchmark of the compare stage: 1,000 model articles against 3,000 national articles of
//! seeded synthetic Arabic text (a third of the national articles paraphrase a model article,
//! with PDF damage). Run with `cargo bench --bench compare`; the peak heap of one comparison is
//! printed first (a counting allocator wraps the system one).

use qanun::compare::{CompareOptions, compare};
use qanun::model::{
    Body, Clause, ClauseId, Inline, Lang, Law, LegItem, Legislation, LegislationArticle,
    LegislationMeta, Paragraph, Part,
};
use qanun::variant::{self, Variant};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts the bytes allocated now and at most.
struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged and only updates counters.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const MODEL_ARTICLES: usize = 1_000;
const NATIONAL_ARTICLES: usize = 3_000;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Roughly Zipf-distributed index below `n`: common words are common.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

const LETTERS: &[char] = &[
    'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
    'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي', 'ة', 'أ', 'إ', 'ى',
];

fn vocabulary(rng: &mut Rng, n: usize) -> Vec<String> {
    (0..n)
        .map(|_| {
            let len = 3 + rng.below(5);
            let mut w: String = (0..len)
                .map(|_| LETTERS[rng.below(LETTERS.len())])
                .collect();
            if rng.below(3) == 0 {
                w.insert_str(0, "ال");
            }
            w
        })
        .collect()
}

fn sentence(rng: &mut Rng, vocab: &[String], words: usize) -> String {
    (0..words)
        .map(|_| vocab[rng.zipf(vocab.len())].as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn text(s: String) -> Vec<Inline> {
    vec![Inline::Text { text: s }]
}

/// The synthetic model law and its paragraphs' texts (for paraphrasing).
fn model_law(rng: &mut Rng, vocab: &[String]) -> (Law, Vec<String>) {
    let mut law = Law {
        id: "bench".into(),
        ..Law::default()
    };
    let mut ids = Vec::new();
    let mut texts = Vec::new();
    for i in 0..MODEL_ARTICLES {
        let id = ClauseId(format!("article-{i}"));
        let paragraphs: Vec<Paragraph> = (0..4)
            .map(|_| Paragraph {
                text: text(sentence(rng, vocab, 25)),
                ..Paragraph::default()
            })
            .collect();
        texts.push(
            paragraphs
                .iter()
                .map(|p| qanun::model::inlines_source(&p.text))
                .collect::<Vec<_>>()
                .join(" "),
        );
        let clause = Clause {
            id: id.clone(),
            title: [(Lang::Ar, sentence(rng, vocab, 3))].into_iter().collect(),
            tags: vec!["protection".into()],
            text: [(
                Lang::Ar,
                Body {
                    paragraphs,
                    numbered: true,
                    ..Body::default()
                },
            )]
            .into_iter()
            .collect(),
            ..Clause::default()
        };
        law.clauses.insert(id.clone(), clause);
        ids.push(id);
    }
    law.chapters.push(Part {
        id: "all".into(),
        clauses: ids,
        ..Part::default()
    });
    (law, texts)
}

/// National articles: every third paraphrases a model article (with PDF damage), the rest
/// are unrelated text.
fn national_law(rng: &mut Rng, vocab: &[String], model_texts: &[String]) -> Legislation {
    let items = (0..NATIONAL_ARTICLES)
        .map(|i| {
            let body = if i % 3 == 0 {
                let src: Vec<&str> = model_texts[rng.below(model_texts.len())]
                    .split(' ')
                    .collect();
                let mut words: Vec<String> = src
                    .iter()
                    .filter(|_| rng.below(10) < 6)
                    .map(|w| w.replacen("الا", "اال", 1))
                    .collect();
                words.extend(sentence(rng, vocab, 20).split(' ').map(str::to_string));
                let mut lines: Vec<String> = words.chunks(9).map(|c| c.join(" ")).collect();
                lines.insert(lines.len() / 2, format!("- {} -", i / 40 + 1));
                lines.join("\n")
            } else {
                sentence(rng, vocab, 60)
            };
            LegItem::Article(LegislationArticle {
                number: (i + 1).to_string(),
                text: body,
                ..LegislationArticle::default()
            })
        })
        .collect();
    Legislation {
        country: "xx".into(),
        meta: LegislationMeta {
            id: "bench".into(),
            language: Some(Lang::Ar),
            official: true,
            ..LegislationMeta::default()
        },
        items,
        ..Legislation::default()
    }
}

fn inputs() -> (Variant, Legislation) {
    let mut rng = Rng(0x5EED_CAFE_F00D_1234);
    let vocab = vocabulary(&mut rng, 6_000);
    let (law, texts) = model_law(&mut rng, &vocab);
    let legislation = national_law(&mut rng, &vocab, &texts);
    let (variant, _) = variant::build(&law, None, &[Lang::Ar]);
    (variant, legislation)
}

/// User plus system CPU time of this process so far, from /proc (Linux; `None` elsewhere).
/// Assumes the usual 100 clock ticks per second.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

const OPTS: CompareOptions = CompareOptions {
    explicit: true,
    lang: Lang::Ar,
};

fn main() {
    let (variant, legislation) = inputs();
    let before = CURRENT.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let started = std::time::Instant::now();
    let cpu_before = cpu_seconds();
    let report = compare(&variant, &legislation, &OPTS);
    let took = started.elapsed();
    let cpu = cpu_seconds().zip(cpu_before).map(|(a, b)| a - b);
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
    let matched = report
        .provisions
        .iter()
        .filter(|p| !p.matches.is_empty())
        .count();
    println!(
        "compare: {MODEL_ARTICLES} model × {NATIONAL_ARTICLES} national articles: one run {:.0} ms \
         wall, {} CPU (all threads), peak heap {:.1} MiB above the inputs, {matched} provisions \
         matched",
        took.as_secs_f64() * 1000.0,
        cpu.map_or_else(
            || "unknown".to_string(),
            |c| format!("{:.0} ms", c * 1000.0)
        ),
        peak as f64 / (1024.0 * 1024.0)
    );
    drop(report);
    divan::main();
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn compare_1000_by_3000(bencher: divan::Bencher) {
    let (variant, legislation) = inputs();
    bencher.bench_local(|| {
        compare(
            divan::black_box(&variant),
            divan::black_box(&legislation),
            &OPTS,
        )
    });
}
