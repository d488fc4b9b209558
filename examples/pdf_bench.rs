//! Example for the pdf stage: compiles a generated ~20-page Arabic document and times a first
//! compile and a recompile in a `Session` after one paragraph is edited. Writes the PDF.
//!
//! ```sh
//! cargo run --release --example pdf_bench -- out.pdf          # timings + PDF
//! /usr/bin/time -v target/release/examples/pdf_bench --once out.pdf   # one-shot peak memory
//! ```

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use qanun::pdf::{Date, Engine, PdfOptions, PdfStandard, escape_typst};

/// Original filler sentences (test text, not law text).
const SENTENCES: [&str; 6] = [
    "تلتزم الجهات المختصة بتوفير الحماية اللازمة للضحايا منذ لحظة التعرّف عليهم، وتضمن حصولهم على المساعدة القانونية والرعاية الصحية والنفسية دون تمييز.",
    "لا يُعتدّ بموافقة الشخص المتضرّر متى ثبت استعمال أيّ وسيلة من وسائل الإكراه أو الخداع أو استغلال حالة الضعف.",
    "تُنشأ لجنة وطنية تتولّى التنسيق بين الوزارات والهيئات المعنية، وتُعدّ تقريراً سنوياً يُنشر على الموقع الرسمي.",
    "يُراعى في جميع الإجراءات مصلحة الطفل الفضلى، ويُستمع إلى رأيه بحسب سنّه ودرجة نضجه.",
    "مع مراعاة أحكام المادة السابقة، يحقّ للضحية الإقامة المؤقتة خلال مدة التعافي والتفكير، ولا تُتّخذ بحقّها أيّ إجراءات ترحيل.",
    "Article 3(a) of the Palermo Protocol (2000) defines the offence; see also CEDAW art. 6.",
];

fn paragraph(i: usize) -> String {
    let mut text = String::new();
    for k in 0..4 {
        let sentence = SENTENCES[(i + k) % SENTENCES.len()];
        if sentence.is_ascii() {
            text.push_str(&format!(
                "#text(lang: \"en\", dir: ltr)[{}] ",
                escape_typst(sentence)
            ));
        } else {
            text.push_str(&escape_typst(sentence));
            text.push(' ');
        }
    }
    text
}

/// A document of `articles` articles; `edit` may change the paragraph of each article.
fn document(articles: usize, edit: &dyn Fn(usize, String) -> String) -> String {
    let mut source = String::from(
        "#set page(paper: \"a4\", margin: 2cm, numbering: \"١ / ١\")\n\
         #set par(justify: true, leading: 0.9em)\n\
         #set heading(numbering: \"١.١\")\n\
         #title()\n#outline()\n\n",
    );
    for i in 0..articles {
        if i % 10 == 0 {
            source.push_str(&format!("= الفصل {}\n\n", i / 10 + 1));
        }
        source.push_str(&format!("== المادة {}\n\n{}", i + 1, edit(i, paragraph(i))));
        if i % 3 == 0 {
            source.push_str("#footnote[حاشية توضيحية لهذه المادة.]");
        }
        source.push_str("\n\n");
        if i == 5 {
            source.push_str(
                "#table(columns: 3, [البلد], [القانون], [التاريخ],\n\
                 [الأردن], [#text(dir: ltr)[9/2009]], [#text(dir: ltr)[2009-03-01]],\n\
                 [المغرب], [#text(dir: ltr)[27.14]], [#text(dir: ltr)[2016-08-25]])\n\n",
            );
        }
    }
    source
}

fn options() -> PdfOptions {
    PdfOptions {
        title: "وثيقة تجريبية لقياس الأداء".into(),
        author: "qanun".into(),
        lang: "ar".into(),
        date: Date {
            year: 2026,
            month: 11,
            day: 29,
        },
        ident: "qanun/pdf-bench".into(),
        standard: Some(PdfStandard::A2b),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let once = args.iter().any(|a| a == "--once");
    let out = args.iter().find(|a| !a.starts_with("--")).cloned();
    match run(once, out.as_deref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{err}");
            ExitCode::FAILURE
        }
    }
}

fn run(once: bool, out: Option<&str>) -> Result<(), Box<dyn std::error::Error>> {
    const ARTICLES: usize = 120;
    let files = BTreeMap::new();
    let engine = Engine::default();
    let source = document(ARTICLES, &|_, text| text);

    let clock = Clock::start();
    let pdf = engine.compile(&source, &files, &options())?;
    println!(
        "first compile+export: {} ({} KB)",
        clock.report(),
        pdf.bytes.len() / 1024
    );
    if let Some(out) = out {
        std::fs::write(out, &pdf.bytes)?;
    }
    if once {
        return Ok(());
    }

    let mut session = engine.session(&options())?;
    session.update(&source, &files)?;
    let clock = Clock::start();
    session.compile()?;
    println!("session, first compile: {}", clock.report());
    // Edits of the paragraph of article 41 (on page ~8), like typing in watch mode. Adding a
    // vowel mark changes the text but not the line breaks; adding a word may add a line, and
    // then every later page moves and the outline's page numbers may change.
    let marks = ["\u{64F}", "\u{64F}\u{651}"];
    for (k, mark) in marks.into_iter().enumerate() {
        let edit = |i: usize, text: String| {
            if i == 40 {
                text.replacen("تلتزم", &format!("تلتزم{mark}"), 1)
            } else {
                text
            }
        };
        session.update(&document(ARTICLES, &edit), &files)?;
        let clock = Clock::start();
        session.compile()?;
        println!(
            "session, vowel mark {} added in one paragraph: {}",
            k + 1,
            clock.report()
        );
    }
    for words in 1..=4 {
        let edit = |i: usize, text: String| {
            if i == 40 {
                format!("{text}{}", " تعديل".repeat(words))
            } else {
                text
            }
        };
        session.update(&document(ARTICLES, &edit), &files)?;
        let clock = Clock::start();
        session.compile()?;
        println!(
            "session, word {words} added to one paragraph: {}",
            clock.report()
        );
    }
    Ok(())
}

/// Wall time, and on Linux the CPU time of this thread (which stays meaningful when other
/// processes load the machine).
struct Clock {
    wall: Instant,
    cpu: Option<Duration>,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: thread_cpu(),
        }
    }

    fn report(&self) -> String {
        let wall = self.wall.elapsed();
        match (self.cpu, thread_cpu()) {
            (Some(start), Some(end)) => {
                format!("{wall:.2?} wall, {:.2?} CPU", end.saturating_sub(start))
            }
            _ => format!("{wall:.2?} wall"),
        }
    }
}

/// Time this thread has run on a CPU, from `/proc/thread-self/schedstat` (nanoseconds).
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}
