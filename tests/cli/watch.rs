//! `qanun watch`: a live session on a temporary project — edit, break, fix, Ctrl-C — and a
//! save-to-PDF latency benchmark (ignored by default; run with `--ignored --nocapture`).

use crate::support::{Project, qanun, repo};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

const OFF: &str = "law/clauses/general/offence.md";

/// A running `qanun watch`, its stderr collected by a thread.
struct Watch {
    child: Child,
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Watch {
    fn start(root: &Path, args: &[&str]) -> Watch {
        let mut child = qanun()
            .arg("--root")
            .arg(root)
            .arg("--color")
            .arg("never")
            .arg("watch")
            .args(args)
            .current_dir(root)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start qanun watch");
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let mut pipe = child.stderr.take().expect("stderr");
        let sink = std::sync::Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .expect("lock")
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Watch { child, stderr }
    }

    fn stderr(&self) -> String {
        self.stderr.lock().expect("lock").clone()
    }

    /// Waits (at most 10 s) until stderr holds `n` status lines containing `what`.
    fn wait_status(&self, what: &str, n: usize) {
        let ok = wait_for(|| self.stderr().matches(what).count() >= n);
        assert!(ok, "no {n}× `{what}` within 10 s:\n{}", self.stderr());
    }

    /// Sends SIGINT and waits for the exit code.
    fn interrupt(mut self) -> (i32, String) {
        let status = Command::new("kill")
            .arg("-INT")
            .arg(self.child.id().to_string())
            .status()
            .expect("kill");
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(s) = self.child.try_wait().expect("wait") {
                sleep(Duration::from_millis(50));
                return (s.code().unwrap_or(-1), self.stderr());
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("watch did not stop on SIGINT:\n{}", self.stderr());
            }
            sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `f` every 10 ms for at most 10 s.
fn wait_for(mut f: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if f() {
            return true;
        }
        sleep(Duration::from_millis(10));
    }
    f()
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_default()
}

/// Files whose names look like temp files, anywhere under `dir`.
fn temp_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if p.is_dir() {
            found.extend(temp_files(&p));
        } else if name.ends_with(".tmp") || name.starts_with(".qanun-") {
            found.push(p);
        }
    }
    found
}

#[test]
fn rebuilds_on_edit_keeps_the_last_good_output_recovers_and_stops_on_ctrl_c() {
    let p = Project::from_fixtures(&["check/valid"]);
    let out = p.path().join("out.md");
    let w = Watch::start(
        p.path(),
        &["render", "jo", "--format", "md", "-o", "out.md"],
    );
    assert!(
        wait_for(|| out.exists()),
        "no first output:\n{}",
        w.stderr()
    );
    w.wait_status("] ok: render jo", 1);
    let first = read(&out);

    let original = p.read(OFF);
    p.write(
        OFF,
        original.replace("جريمة الاتجار بالبشر", "جريمة الاتجار بالأشخاص"),
    );
    assert!(
        wait_for(|| read(&out).contains("الاتجار بالأشخاص")),
        "no rebuild:\n{}",
        w.stderr()
    );
    w.wait_status("] ok: render jo", 2);
    let edited = read(&out);
    assert_ne!(first, edited);

    p.write(
        OFF,
        original.replace("status = \"mandatory\"", "status = mandatory"),
    );
    w.wait_status("] failed: render jo", 1);
    let stderr = w.stderr();
    assert!(stderr.contains("offence.md:3"), "no file:line:\n{stderr}");
    assert_eq!(read(&out), edited, "the last good output must be kept");

    p.write(OFF, &original);
    w.wait_status("] ok: render jo", 3);
    assert!(
        wait_for(|| read(&out) == first),
        "no recovery:\n{}",
        w.stderr()
    );

    let (code, stderr) = w.interrupt();
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        temp_files(p.path()).is_empty(),
        "{:?}",
        temp_files(p.path())
    );
}

#[test]
fn a_pdf_render_recompiles_in_its_session_and_survives_a_broken_clause() {
    let p = Project::from_fixtures(&["check/valid"]);
    let out = p.path().join("law.pdf");
    let w = Watch::start(
        p.path(),
        &["render", "jo", "--format", "pdf", "-o", "law.pdf"],
    );
    w.wait_status("] ok: render jo --format pdf", 1);
    let first = std::fs::read(&out).expect("first pdf");
    assert!(first.starts_with(b"%PDF"));
    let original = p.read(OFF);
    p.write(
        OFF,
        original.replace("status = \"mandatory\"", "status = mandatory"),
    );
    w.wait_status("] failed: render jo --format pdf", 1);
    assert_eq!(std::fs::read(&out).expect("kept pdf"), first);
    p.write(
        OFF,
        original.replace("جريمة الاتجار بالبشر", "جريمة الاتجار بالأشخاص"),
    );
    w.wait_status("] ok: render jo --format pdf", 2);
    assert_ne!(std::fs::read(&out).expect("new pdf"), first);
    let (code, stderr) = w.interrupt();
    assert_eq!(code, 0, "{stderr}");
    assert!(temp_files(p.path()).is_empty());
}

#[test]
fn a_packet_is_rebuilt_in_its_session_on_a_save_by_rename_and_survives_a_broken_clause() {
    let p = Project::from_fixtures(&["check/valid"]);
    let out = p.path().join("out/jo/packet-ar.pdf");
    let w = Watch::start(p.path(), &["packet", "jo", "--lang", "ar", "-o", "out"]);
    w.wait_status("] ok: packet jo", 1);
    let first = std::fs::read(&out).expect("first packet");
    assert!(first.starts_with(b"%PDF"));

    // An editor that writes a temp file and renames it over the clause.
    let original = p.read(OFF);
    let tmp = p.path().join(format!("{OFF}.tmp"));
    std::fs::write(
        &tmp,
        original.replace("جريمة الاتجار بالبشر", "جريمة الاتجار بالأشخاص"),
    )
    .expect("write temp");
    std::fs::rename(&tmp, p.path().join(OFF)).expect("rename");
    w.wait_status("] ok: packet jo", 2);
    let edited = std::fs::read(&out).expect("new packet");
    assert_ne!(edited, first);
    let status = w.stderr();
    assert!(
        status.contains("typst") && status.contains("1 file changed"),
        "{status}"
    );

    p.write(
        OFF,
        original.replace("status = \"mandatory\"", "status = mandatory"),
    );
    w.wait_status("] failed: packet jo", 1);
    assert!(w.stderr().contains("offence.md:3"), "{}", w.stderr());
    assert_eq!(std::fs::read(&out).expect("kept packet"), edited);

    p.write(OFF, &original);
    w.wait_status("] ok: packet jo", 3);
    assert!(
        wait_for(|| std::fs::read(&out).is_ok_and(|b| b == first)),
        "the packet of the original text must come back byte for byte:\n{}",
        w.stderr()
    );
    let (code, stderr) = w.interrupt();
    assert_eq!(code, 0, "{stderr}");
    assert!(
        temp_files(p.path()).is_empty(),
        "{:?}",
        temp_files(p.path())
    );
}

#[test]
fn watch_packet_all_rebuilds_only_the_country_whose_folder_changed() {
    let p = Project::from_fixtures(&["check/valid"]);
    // A second country: Jordan's profile under another code, with no legislation.
    let jo = p.read("countries/jo/country.toml");
    p.write(
        "countries/xx/country.toml",
        jo.replacen("code = \"jo\"", "code = \"xx\"", 1),
    );
    let check = p.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let (jo_pdf, xx_pdf) = (
        p.path().join("out/jo/packet-ar.pdf"),
        p.path().join("out/xx/packet-ar.pdf"),
    );
    let w = Watch::start(p.path(), &["packet", "--all", "--lang", "ar", "-o", "out"]);
    w.wait_status("] ok: packet --all", 1);
    let modified = |f: &Path| {
        std::fs::metadata(f)
            .and_then(|m| m.modified())
            .expect("mtime")
    };
    let (jo_first, xx_first) = (modified(&jo_pdf), modified(&xx_pdf));

    let toml = p.read("countries/xx/country.toml");
    p.write("countries/xx/country.toml", format!("{toml}\n# edited\n"));
    w.wait_status("] ok: packet --all: xx", 1);
    assert_ne!(modified(&xx_pdf), xx_first, "xx was not rebuilt");
    assert_eq!(
        modified(&jo_pdf),
        jo_first,
        "jo was rebuilt for a change in xx"
    );

    let original = p.read(OFF);
    p.write(
        OFF,
        original.replace("جريمة الاتجار بالبشر", "جريمة الاتجار بالأشخاص"),
    );
    w.wait_status("] ok: packet --all (", 2);
    assert_ne!(
        modified(&jo_pdf),
        jo_first,
        "a law change must rebuild every packet"
    );
    let (code, stderr) = w.interrupt();
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn watch_check_reports_and_recovers() {
    let p = Project::from_fixtures(&["check/valid"]);
    let w = Watch::start(p.path(), &["check"]);
    w.wait_status("] ok: check", 1);
    let original = p.read(OFF);
    p.write(
        OFF,
        original.replace("status = \"mandatory\"", "status = mandatory"),
    );
    w.wait_status("] failed: check", 1);
    p.write(OFF, &original);
    w.wait_status("] ok: check", 2);
    let (code, _) = w.interrupt();
    assert_eq!(code, 0);
}

/// Save → updated PDF on disk for the shipped law rendered for Jordan: median of 20 edits.
/// `cargo test --release --test cli watch_bench -- --ignored --nocapture`
#[test]
#[ignore = "benchmark; run explicitly"]
fn watch_bench_save_to_pdf() {
    let p = Project::from_fixtures(&[]);
    for dir in ["law", "countries", "templates"] {
        let src = repo().join(dir);
        if src.is_dir() {
            copy_dir(&src, &p.path().join(dir));
        }
    }
    let out = p.path().join("law.pdf");
    let w = Watch::start(
        p.path(),
        &["render", "jo", "--format", "pdf", "-o", "law.pdf"],
    );
    w.wait_status("] ok: render jo", 1);
    let clause = first_clause(&p.path().join("law/clauses")).expect("a clause");
    let original = std::fs::read_to_string(&clause).expect("clause");
    let mut times = Vec::new();
    for i in 0..20 {
        let before = std::fs::read(&out).expect("pdf");
        let edited = original.replacen("\n## ar\n\n", &format!("\n## ar\n\n{} ", i + 1), 1);
        let t = Instant::now();
        std::fs::write(&clause, edited).expect("write");
        assert!(
            wait_for(|| std::fs::read(&out).is_ok_and(|b| b != before)),
            "{}",
            w.stderr()
        );
        times.push(t.elapsed());
        sleep(Duration::from_millis(150));
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "save → PDF on disk, 20 edits: median {:.0} ms, min {:.0} ms, max {:.0} ms (the watcher's batching included)",
        ms(times[10]),
        ms(times[0]),
        ms(times[19])
    );
    let mut builds: Vec<f64> = w
        .stderr()
        .lines()
        .filter(|l| l.contains("] ok: render jo"))
        .skip(1)
        .filter_map(|l| l.split_once("pdf (")?.1.split_once(" ms")?.0.parse().ok())
        .collect();
    builds.sort_by(f64::total_cmp);
    if let Some(median) = builds.get(builds.len() / 2) {
        println!("in-process rebuild (load, render, compile, write): median {median:.0} ms");
    }
    if let Some(last) = w.stderr().lines().rev().find(|l| l.contains("] ok:")) {
        println!("{last}");
    }
}

fn first_clause(dir: &Path) -> Option<PathBuf> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    entries.iter().find_map(|p| {
        if p.is_dir() {
            first_clause(p)
        } else {
            (p.extension().is_some_and(|e| e == "md")
                && std::fs::read_to_string(p).is_ok_and(|s| s.contains("\n## ar\n\n")))
            .then(|| p.clone())
        }
    })
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir").flatten() {
        let dst = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &dst);
        } else {
            std::fs::copy(e.path(), dst).expect("copy");
        }
    }
}

#[test]
fn watch_compare_redoes_the_gap_analysis_when_national_text_changes() {
    let p = Project::from_fixtures(&["check/valid"]);
    let out = p.path().join("gaps.json");
    let w = Watch::start(
        p.path(),
        &[
            "compare",
            "jo",
            "--format",
            "json",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    w.wait_status("] ok: compare jo", 1);
    let first = std::fs::read_to_string(&out).expect("first report");
    assert!(
        first.contains("\"country\": \"jo\"") || first.contains("\"country\":\"jo\""),
        "{first}"
    );
    // A new national article that covers non-punishment.
    let leg = "countries/jo/legislation/law-9-2009.md";
    let text = p.read(leg);
    p.write(
        leg,
        format!(
            "{text}\n## 14\nmodel: non-punishment\n\nلا تُلاحق الضحية عن أي فعل أُكرهت على ارتكابه.\n"
        ),
    );
    w.wait_status("] ok: compare jo", 2);
    assert!(
        wait_for(|| std::fs::read_to_string(&out).is_ok_and(|s| s != first)),
        "report updated"
    );
    let (code, _) = w.interrupt();
    assert_eq!(code, 0);
}

#[test]
fn watch_report_rebuilds_the_pdf_and_the_html_when_a_national_text_changes() {
    for format in ["pdf", "html"] {
        let p = Project::from_fixtures(&["check/valid"]);
        let out = p.path().join(format!("report.{format}"));
        let w = Watch::start(
            p.path(),
            &[
                "report",
                "--lang",
                "en",
                "--format",
                format,
                "-o",
                out.to_str().unwrap(),
            ],
        );
        w.wait_status("] ok: report", 1);
        let first = std::fs::read(&out).expect("first report");
        // A new national article that covers non-punishment changes the figures.
        let leg = "countries/jo/legislation/law-9-2009.md";
        let text = p.read(leg);
        p.write(
            leg,
            format!(
                "{text}\n## 14\nmodel: non-punishment\n\nلا تُلاحق الضحية عن أي فعل أُكرهت على ارتكابه.\n"
            ),
        );
        w.wait_status("] ok: report", 2);
        assert!(
            wait_for(|| std::fs::read(&out).is_ok_and(|s| s != first)),
            "{format} report updated"
        );
        let (code, _) = w.interrupt();
        assert_eq!(code, 0);
        assert!(
            temp_files(p.path()).is_empty(),
            "{:?}",
            temp_files(p.path())
        );
    }
}

#[test]
fn watch_packet_refuses_one_pdf_file_for_several_packets_before_watching() {
    let p = Project::from_fixtures(&["check/valid"]);
    // A second country, for the request to name two the project has.
    p.write(
        "countries/eg/country.toml",
        p.read("countries/jo/country.toml"),
    );
    let file = p.path().join("both.pdf");
    let mut child = qanun()
        .arg("--root")
        .arg(p.path())
        .args(["--color", "never", "watch", "packet", "jo", "eg", "-o"])
        .arg(&file)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start qanun watch");
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break Some(s);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            break None;
        }
        sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut stderr);
    }
    let status = status.unwrap_or_else(|| panic!("watch kept running: {stderr}"));
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("names one PDF file"), "{stderr}");
    assert!(!file.exists());
}
