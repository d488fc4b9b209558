//! Benchmarks of the core pipeline on generated corpora: load and check; render of one country
//! (Markdown, and PDF through the Typst engine); and how load + check + variant + Markdown
//! render grows with the law (100, 1,000, 10,000 articles).

mod common;

use divan::Bencher;
use qanun::render::Format;

fn main() {
    divan::main();
}

/// A corpus the size of the real project: 100 articles, the eleven countries, 60 national
/// articles each.
fn standard() -> std::path::PathBuf {
    common::project(100, 11, 60)
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn load_and_check(bencher: Bencher) {
    let root = standard();
    common::assert_clean(&common::load_and_check(&root).1);
    bencher.bench(|| common::load_and_check(&root));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn render_md_one_country(bencher: Bencher) {
    let (project, _) = common::load_and_check(&standard());
    bencher.bench(|| common::render(&project, "jo", Format::Md));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn render_pdf_one_country(bencher: Bencher) {
    let (project, _) = common::load_and_check(&standard());
    let typ = common::render(&project, "jo", Format::Typ);
    let (engine, options) = common::engine(&project, "jo");
    // Cold: Typst's memoisation cache emptied before each compile, as in a fresh process.
    bencher.with_inputs(|| comemo::evict(0)).bench_values(|()| {
        engine
            .compile(&typ, &Default::default(), &options)
            .expect("the law compiles")
    });
}

/// The same compile with Typst's memoisation warm (a recompile in a long-lived process).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn render_pdf_one_country_warm(bencher: Bencher) {
    let (project, _) = common::load_and_check(&standard());
    let typ = common::render(&project, "jo", Format::Typ);
    let (engine, options) = common::engine(&project, "jo");
    bencher.bench(|| {
        engine
            .compile(&typ, &Default::default(), &options)
            .expect("the law compiles")
    });
}

/// Load + check + variant + Markdown render of one country, as the law grows.
#[divan::bench(args = [100, 1_000, 10_000], sample_count = 3, sample_size = 1)]
fn scaling(bencher: Bencher, articles: usize) {
    let root = common::project(articles, 1, 50);
    common::assert_clean(&common::load_and_check(&root).1);
    bencher.bench(|| {
        let (project, _) = common::load_and_check(&root);
        common::render(&project, "jo", Format::Md)
    });
}
