//! `qanun watch <command> ARGS...`: run a command once, then again whenever a file it depends
//! on changes under `law/`, `countries/` or `templates/`.
//!
//! The pieces, each small: [`Batcher`] groups notify's raw events into an editor's burst and
//! says when it is over; [`classify`] turns a batch of file events into a [`ChangeSet`] (both
//! pure, unit-tested); a [`Build`] re-runs one command (a PDF render or packet keeps its Typst
//! [`Session`] so that an edit recompiles incrementally); [`run`] wires the watcher, the Ctrl-C
//! flag and the status lines together. Outputs are written atomically, so a failed build
//! writes nothing and the last good output stays; the next good save recovers.

use crate::cli::{OutFormat, PacketArgs, PacketFormat, RenderArgs, WatchCommand};
use crate::cmd::render::Document;
use crate::cmd::{self, Context};
use crate::diagnostics::{EXIT_FOUND, EXIT_OK, EXIT_TROUBLE};
use crate::output::write_atomic;
use crate::pdf::{Engine, PdfOptions, Session};
use crate::render::Format;
use notify::Watcher;
use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind, RenameMode};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The project folders whose files the commands read.
pub const WATCHED_DIRS: [&str; 3] = ["law", "countries", "templates"];

/// How long a burst of events must be quiet before it is over, when nothing says the writes
/// are finished (an editor that keeps its file open, or a system without close events).
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// How long to wait for more events once every file written in the burst has been closed or
/// renamed into place: the writes are complete, so the full [`DEBOUNCE`] would only add delay
/// between the save and the rebuild. A few milliseconds still gather the rest of a save that
/// touches several files (`git checkout`, an editor saving all buffers).
pub const SETTLE: Duration = Duration::from_millis(15);

/// How often the loop looks at the Ctrl-C flag while no event arrives.
const POLL: Duration = Duration::from_millis(50);

/// The longest a batch is held back while more events keep arriving.
pub const BATCH_CAP: Duration = Duration::from_millis(500);

/// The relevant outcome of a batch of file events: project files that now exist with new
/// contents, and those that are gone. A path is in at most one of the two sets (the last event
/// on it wins, so a save-by-rename that first removes, then recreates a file is a change).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ChangeSet {
    /// Created, modified or renamed-to files, relative to the root.
    pub changed: BTreeSet<PathBuf>,
    /// Deleted or renamed-away files, relative to the root.
    pub removed: BTreeSet<PathBuf>,
}

impl ChangeSet {
    /// Whether nothing relevant happened.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.removed.is_empty()
    }

    /// Merges a later change set into this one (the later state of a path wins).
    pub fn merge(&mut self, later: ChangeSet) {
        for p in later.changed {
            self.mark(p, true);
        }
        for p in later.removed {
            self.mark(p, false);
        }
    }

    /// The number of paths touched.
    pub fn len(&self) -> usize {
        self.changed.len() + self.removed.len()
    }

    fn mark(&mut self, path: PathBuf, exists: bool) {
        if exists {
            self.removed.remove(&path);
            self.changed.insert(path);
        } else {
            self.changed.remove(&path);
            self.removed.insert(path);
        }
    }
}

/// Which paths matter: files under the watched folders of `root`, except editor temp files,
/// our own temp files, the `out/` folder and the command's own outputs.
#[derive(Debug, Clone)]
pub struct Scope {
    root: PathBuf,
    outputs: Vec<PathBuf>,
}

impl Scope {
    /// A scope for the project at `root` (compared as given: pass it canonical if the events'
    /// paths are) that ignores the files in `outputs`.
    pub fn new(root: PathBuf, outputs: Vec<PathBuf>) -> Scope {
        Scope { root, outputs }
    }

    /// The path relative to the root if it is a project file a command may read.
    pub fn relevant(&self, path: &Path) -> Option<PathBuf> {
        if self.outputs.iter().any(|o| o == path) {
            return None;
        }
        let rel = path.strip_prefix(&self.root).ok()?;
        let mut parts = rel.components();
        let first = match parts.next()? {
            Component::Normal(s) => s.to_str()?,
            _ => return None,
        };
        if !WATCHED_DIRS.contains(&first) || rel.components().any(|c| c.as_os_str() == "out") {
            return None;
        }
        let name = rel.file_name()?.to_str()?;
        (!is_ignored_name(name)).then(|| rel.to_path_buf())
    }
}

/// Whether a file name is an editor's temp, swap or backup file, or one of our temp files.
pub fn is_ignored_name(name: &str) -> bool {
    const SUFFIXES: [&str; 7] = [".swp", ".swo", ".swx", "~", ".tmp", ".bak", ".crswap"];
    name == "4913"
        || name == ".DS_Store"
        || name.starts_with(".#")
        || name.starts_with(".qanun-")
        || (name.starts_with('#') && name.ends_with('#'))
        || SUFFIXES.iter().any(|s| name.ends_with(s))
}

/// Classifies a batch of file events, in order, into the relevant changes.
pub fn classify<'a>(
    scope: &Scope,
    events: impl IntoIterator<Item = &'a notify::Event>,
) -> ChangeSet {
    let mut set = ChangeSet::default();
    for event in events {
        for (path, exists) in effects(event) {
            if let Some(rel) = scope.relevant(path) {
                set.mark(rel, exists);
            }
        }
    }
    set
}

/// What one event says about its paths: `(path, exists afterwards)`. Reads (`Access`) and
/// metadata-only changes say nothing.
fn effects(event: &notify::Event) -> Vec<(&Path, bool)> {
    let paths = event.paths.iter().map(PathBuf::as_path);
    match event.kind {
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_)) => Vec::new(),
        EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(RenameMode::From)) => {
            paths.map(|p| (p, false)).collect()
        }
        EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => paths
            .enumerate()
            .map(|(i, p)| (p, i + 1 == event.paths.len()))
            .collect(),
        _ => paths.map(|p| (p, true)).collect(),
    }
}

/// Groups raw file events into batches, one per editor burst.
///
/// A burst is over when it has been quiet for [`DEBOUNCE`], or for only [`SETTLE`] once every
/// project file written in it has been closed after writing or renamed into place (what
/// editors do at the end of a save), and in any case [`BATCH_CAP`] after its first event.
/// Events that say nothing (reads, metadata) and events outside the scope are dropped, so
/// qanun reading the files during a rebuild does not start a new batch. Pure: the caller
/// passes the time, so the tests need no clock.
///
/// Why not `notify-debouncer-full`: it always waits its whole timeout after the last event,
/// and a save is usually complete a millisecond after it starts; with 100 ms of waiting plus
/// its tick, the batching alone took most of the 150 ms the law PDF may take from save to
/// disk. Renames need no stitching here: [`classify`] reads both halves of a rename.
#[derive(Debug, Default)]
pub struct Batcher {
    events: Vec<notify::Event>,
    first: Option<Instant>,
    last: Option<Instant>,
    /// Relevant files written to and not yet closed or renamed into place.
    open: BTreeSet<PathBuf>,
    /// Whether some write in the batch was seen to finish.
    finished: bool,
}

impl Batcher {
    /// Adds an event received at `now`.
    pub fn push(&mut self, scope: &Scope, event: notify::Event, now: Instant) {
        let closes = closes_write(&event.kind);
        let paths: Vec<PathBuf> = if closes {
            event
                .paths
                .iter()
                .filter_map(|p| scope.relevant(p))
                .collect()
        } else {
            effects(&event)
                .into_iter()
                .filter_map(|(p, _)| scope.relevant(p))
                .collect()
        };
        // Nothing relevant; or a file closed without a write in this batch (nothing changed).
        if paths.is_empty() || (closes && self.first.is_none()) {
            return;
        }
        // A write is complete when its file is closed, renamed into place, or removed.
        let done = closes
            || matches!(
                event.kind,
                EventKind::Modify(ModifyKind::Name(_)) | EventKind::Remove(_)
            );
        for p in paths {
            if done {
                self.open.remove(&p);
                self.finished = true;
            } else {
                self.open.insert(p);
            }
        }
        self.first.get_or_insert(now);
        self.last = Some(now);
        self.events.push(event);
    }

    /// When the current batch is due, or `None` when there is none.
    pub fn deadline(&self) -> Option<Instant> {
        let (first, last) = (self.first?, self.last?);
        let quiet = if self.finished && self.open.is_empty() {
            SETTLE
        } else {
            DEBOUNCE
        };
        Some((last + quiet).min(first + BATCH_CAP))
    }

    /// Whether the batch is due at `now`.
    pub fn due(&self, now: Instant) -> bool {
        self.deadline().is_some_and(|d| now >= d)
    }

    /// Ends the batch: its changes, and an empty batcher.
    pub fn take(&mut self, scope: &Scope) -> ChangeSet {
        let events = std::mem::take(&mut self.events);
        *self = Batcher::default();
        classify(scope, &events)
    }
}

/// Whether an event says a file opened for writing was closed (Linux's `IN_CLOSE_WRITE`).
fn closes_write(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
    )
}

/// One watched command, re-run on each batch of changes.
pub trait Build {
    /// A short description for the status line, e.g. `render jo --format pdf`.
    fn label(&self) -> String;
    /// The files this command writes (never treated as changes).
    fn outputs(&self) -> Vec<PathBuf>;
    /// Runs the command; returns its exit code (`EXIT_OK` when it succeeded).
    fn build(&mut self, ctx: &Context, changes: &ChangeSet) -> u8;
    /// Where the last build spent its time, e.g. `prepare 30 ms, typst 40 ms` (may be empty).
    fn phases(&self) -> String {
        String::new()
    }
}

/// The builder for a watched command. Adding a command (packet, diff, compare) is one arm.
pub fn builder(command: &WatchCommand) -> Box<dyn Build + '_> {
    match command {
        WatchCommand::Check(a) => Box::new(OneShot {
            label: "check".to_string(),
            output: None,
            run: Box::new(move |ctx| cmd::check::run(ctx, a)),
        }),
        WatchCommand::Render(a) if a.format == OutFormat::Pdf => Box::new(PdfRender::new(a)),
        WatchCommand::Render(a) => Box::new(OneShot {
            label: format!("render {}", a.target),
            output: a.output.clone(),
            run: Box::new(move |ctx| cmd::render::run(ctx, a)),
        }),
        WatchCommand::Packet(a) if !a.all && !a.typ && a.format == PacketFormat::Pdf => {
            Box::new(PacketPdf::new(a))
        }
        WatchCommand::Packet(a) if a.all => Box::new(PacketAll::new(a)),
        WatchCommand::Packet(a) => Box::new(OneShot {
            label: format!("packet {}", a.countries.join(" ")),
            output: a.output.clone(),
            run: Box::new(move |ctx| cmd::packet::run(ctx, a)),
        }),
        // For diff, exit 1 means "the drafts differ": a successful rebuild.
        WatchCommand::Diff(a) => Box::new(OneShot {
            label: format!("diff {} {}", a.old, a.new),
            output: a.output.clone(),
            run: Box::new(move |ctx| match cmd::diff::run(ctx, a) {
                EXIT_FOUND => EXIT_OK,
                code => code,
            }),
        }),
        WatchCommand::Compare(a) => Box::new(OneShot {
            label: format!("compare {}", a.country),
            output: a.output.clone(),
            run: Box::new(move |ctx| cmd::compare::run(ctx, a)),
        }),
        WatchCommand::Report(a) if a.format == crate::cli::RegionalFormat::Pdf => {
            Box::new(PdfRender::report(a))
        }
        WatchCommand::Report(a) => Box::new(OneShot {
            label: format!(
                "report --format {}",
                if a.format == crate::cli::RegionalFormat::Html {
                    "html"
                } else {
                    "typ"
                }
            ),
            output: a.output.clone(),
            run: Box::new(move |ctx| cmd::report::run(ctx, a)),
        }),
    }
}

/// A command simply run again from scratch (fast enough: no Typst).
struct OneShot<'a> {
    label: String,
    output: Option<PathBuf>,
    run: Box<dyn FnMut(&Context) -> u8 + 'a>,
}

impl Build for OneShot<'_> {
    fn label(&self) -> String {
        self.label.clone()
    }

    fn outputs(&self) -> Vec<PathBuf> {
        self.output.iter().map(|p| absolute(p)).collect()
    }

    fn build(&mut self, ctx: &Context, _changes: &ChangeSet) -> u8 {
        (self.run)(ctx)
    }
}

/// How a watched PDF command makes its document (see [`PdfRender`]).
type DocumentFn<'a> = Box<dyn Fn(&Context) -> Result<Document, u8> + 'a>;

/// A PDF rebuilt in one kept Typst session (fonts, parsed sources, caches), so that an edit
/// recompiles incrementally: `render … --format pdf` and `report`. The document (Typst source,
/// options, destination) comes from the command's own function.
struct PdfRender<'a> {
    label: String,
    output: Option<PathBuf>,
    fonts: &'a crate::cli::FontArgs,
    document: DocumentFn<'a>,
    session: Option<Session>,
    phases: Phases,
}

impl<'a> PdfRender<'a> {
    fn new(args: &'a RenderArgs) -> PdfRender<'a> {
        PdfRender {
            label: format!("render {} --format pdf", args.target),
            output: args.output.clone(),
            fonts: &args.fonts,
            document: Box::new(move |ctx| cmd::render::document(ctx, args, Format::Typ)),
            session: None,
            phases: Phases::default(),
        }
    }

    fn report(args: &'a crate::cli::ReportArgs) -> PdfRender<'a> {
        PdfRender {
            label: "report".to_string(),
            output: args.output.clone(),
            fonts: &args.fonts,
            document: Box::new(move |ctx| cmd::report::document(ctx, args)),
            session: None,
            phases: Phases::default(),
        }
    }

    /// The kept session with the new options, or a new one on the first build.
    fn session(&mut self, ctx: &Context, options: &PdfOptions) -> Result<&mut Session, u8> {
        let fail = |e: crate::pdf::PdfError| {
            eprintln!("error: the PDF engine could not start: {e}");
            EXIT_TROUBLE
        };
        let session = match self.session.take() {
            Some(mut s) => {
                s.set_options(options).map_err(fail)?;
                s
            }
            None => cmd::engine(ctx, self.fonts)?
                .session(options)
                .map_err(fail)?,
        };
        Ok(self.session.insert(session))
    }
}

impl Build for PdfRender<'_> {
    fn label(&self) -> String {
        self.label.clone()
    }

    fn outputs(&self) -> Vec<PathBuf> {
        self.output.iter().map(|p| absolute(p)).collect()
    }

    fn phases(&self) -> String {
        self.phases.to_string()
    }

    fn build(&mut self, ctx: &Context, _changes: &ChangeSet) -> u8 {
        let mut lap = Lap::start();
        self.phases = Phases::default();
        let doc = (self.document)(ctx);
        self.phases.prepare = lap.next();
        let doc = match doc {
            Ok(d) => d,
            Err(code) => return code,
        };
        let session = match self.session(ctx, &doc.options) {
            Ok(s) => s,
            Err(code) => return code,
        };
        let compiled = session
            .update(&doc.text, &BTreeMap::new())
            .and_then(|()| session.compile());
        self.phases.typst = lap.next();
        match compiled {
            Ok(pdf) => match write_atomic(&doc.path, &pdf.bytes) {
                Ok(()) => {
                    self.phases.write = lap.next();
                    EXIT_OK
                }
                Err(e) => {
                    eprintln!("error: cannot write {}: {e}", doc.path.display());
                    EXIT_TROUBLE
                }
            },
            Err(e) => {
                eprintln!("error: the PDF could not be made:\n{e}");
                EXIT_FOUND
            }
        }
    }
}

/// `packet <cc>...`, keeping one Typst session per country between rebuilds, as
/// [`PdfRender`] does for the law. (`packet --all` is rebuilt from scratch: eleven sessions'
/// caches would hold about a gigabyte.)
struct PacketPdf<'a> {
    args: &'a PacketArgs,
    engine: Option<Engine>,
    sessions: BTreeMap<String, Session>,
    phases: Phases,
}

impl<'a> PacketPdf<'a> {
    fn new(args: &'a PacketArgs) -> PacketPdf<'a> {
        PacketPdf {
            args,
            engine: None,
            sessions: BTreeMap::new(),
            phases: Phases::default(),
        }
    }

    /// Builds one country's packet in its session; the error is printed by the caller.
    fn build_one(&mut self, ctx: &Context, cc: &str) -> Result<(), (u8, String)> {
        let mut lap = Lap::start();
        let source = cmd::packet::packet_source(ctx, self.args, cc).map_err(|e| (EXIT_FOUND, e))?;
        self.phases.prepare += lap.next();
        let engine = match &self.engine {
            Some(e) => e,
            None => {
                let e = cmd::engine(ctx, &self.args.fonts).map_err(|c| (c, String::new()))?;
                self.engine.insert(e)
            }
        };
        let fail =
            |e: crate::pdf::PdfError| (EXIT_FOUND, format!("the PDF could not be made:\n{e}"));
        let session = match self.sessions.entry(cc.to_string()) {
            std::collections::btree_map::Entry::Occupied(o) => {
                let s = o.into_mut();
                s.set_options(&source.options).map_err(fail)?;
                s
            }
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(engine.session(&source.options).map_err(fail)?)
            }
        };
        let pdf = session
            .update(&source.text, &BTreeMap::new())
            .and_then(|()| session.compile())
            .map_err(fail)?;
        self.phases.typst += lap.next();
        write_atomic(&source.pdf_path, &pdf.bytes).map_err(|e| {
            (
                EXIT_TROUBLE,
                format!("cannot write {}: {e}", source.pdf_path.display()),
            )
        })?;
        self.phases.write += lap.next();
        Ok(())
    }
}

impl Build for PacketPdf<'_> {
    fn label(&self) -> String {
        format!("packet {}", self.args.countries.join(" "))
    }

    fn outputs(&self) -> Vec<PathBuf> {
        self.args.output.iter().map(|p| absolute(p)).collect()
    }

    fn phases(&self) -> String {
        self.phases.to_string()
    }

    fn build(&mut self, ctx: &Context, _changes: &ChangeSet) -> u8 {
        self.phases = Phases::default();
        let mut code = EXIT_OK;
        for cc in self.args.countries.clone() {
            if let Err((c, message)) = self.build_one(ctx, &cc) {
                if !message.is_empty() {
                    eprintln!("error: {cc}: {message}");
                }
                code = code.max(c);
            }
        }
        code
    }
}

/// The countries a batch of changes concerns: `None` when it may be all of them (a change to
/// the law or the templates, or the first build), else the codes of the `countries/<cc>/`
/// folders it touched.
pub fn affected_countries(changes: &ChangeSet) -> Option<BTreeSet<String>> {
    if changes.is_empty() {
        return None;
    }
    let mut codes = BTreeSet::new();
    for path in changes.changed.iter().chain(&changes.removed) {
        let mut parts = path.components().map(|c| c.as_os_str().to_str());
        match (parts.next(), parts.next(), parts.next()) {
            (Some(Some("countries")), Some(Some(cc)), Some(_)) => {
                codes.insert(cc.to_string());
            }
            _ => return None,
        }
    }
    Some(codes)
}

/// `packet --all`: every packet on the first build and after a change to the law or the
/// templates; after a change in one country's folder, that country's packet only (eleven
/// packets take seconds, one a fraction of that). Built from scratch each time, as by
/// `qanun packet`: sessions for every country would hold their caches all at once.
struct PacketAll<'a> {
    args: &'a PacketArgs,
    /// What the last build did, for the status line.
    label: String,
}

impl<'a> PacketAll<'a> {
    fn new(args: &'a PacketArgs) -> PacketAll<'a> {
        PacketAll {
            args,
            label: "packet --all".to_string(),
        }
    }
}

impl Build for PacketAll<'_> {
    fn label(&self) -> String {
        self.label.clone()
    }

    fn outputs(&self) -> Vec<PathBuf> {
        self.args.output.iter().map(|p| absolute(p)).collect()
    }

    fn build(&mut self, ctx: &Context, changes: &ChangeSet) -> u8 {
        let Some(codes) = affected_countries(changes) else {
            self.label = "packet --all".to_string();
            return cmd::packet::run(ctx, self.args);
        };
        // A country whose folder was deleted has no packet to build.
        let codes: Vec<String> = codes
            .into_iter()
            .filter(|cc| {
                ctx.root
                    .join("countries")
                    .join(cc)
                    .join("country.toml")
                    .is_file()
            })
            .collect();
        self.label = format!("packet --all: {}", codes.join(" "));
        if codes.is_empty() {
            return EXIT_OK;
        }
        let args = PacketArgs {
            countries: codes,
            all: false,
            ..self.args.clone()
        };
        cmd::packet::run(ctx, &args)
    }
}

/// Milliseconds the last PDF build spent preparing the Typst source, compiling, and writing.
#[derive(Debug, Default, Clone, Copy)]
struct Phases {
    prepare: f64,
    typst: f64,
    write: f64,
}

impl std::fmt::Display for Phases {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "prepare {:.0} ms, typst {:.0} ms, write {:.0} ms",
            self.prepare, self.typst, self.write
        )
    }
}

/// A stopwatch for the phases of a build.
struct Lap(Instant);

impl Lap {
    fn start() -> Lap {
        Lap(Instant::now())
    }

    /// Milliseconds since the start or the previous lap.
    fn next(&mut self) -> f64 {
        let now = Instant::now();
        let ms = now.duration_since(self.0).as_secs_f64() * 1000.0;
        self.0 = now;
        ms
    }
}

/// A path made absolute against the current folder (as notify reports paths).
fn absolute(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    match (abs.parent(), abs.file_name()) {
        (Some(dir), Some(name)) => dir
            .canonicalize()
            .map(|d| d.join(name))
            .unwrap_or(abs.clone()),
        _ => abs,
    }
}

/// Runs `command` once, then on every relevant change until Ctrl-C. Returns the exit code.
pub fn run(ctx: &Context, command: &WatchCommand) -> u8 {
    if let Err(code) = ctx.require_law() {
        return code;
    }
    let stop = match stop_flag() {
        Ok(s) => s,
        Err(e) => return trouble(&format!("cannot catch Ctrl-C: {e}")),
    };
    let root = ctx.root.canonicalize().unwrap_or_else(|_| ctx.root.clone());
    let ctx = Context {
        root: root.clone(),
        ..ctx.clone()
    };
    if let WatchCommand::Packet(a) = command
        && let Some(e) = cmd::packet::refusal(&ctx, a)
    {
        eprintln!("{e}");
        return EXIT_TROUBLE;
    }
    let mut build = builder(command);
    let scope = Scope::new(root.clone(), build.outputs());
    let (tx, rx) = channel();
    let mut watcher = match notify::recommended_watcher(tx) {
        Ok(w) => w,
        Err(e) => return trouble(&format!("cannot watch files: {e}")),
    };
    let mut watched = BTreeSet::new();
    if let Err(e) = watcher.watch(&root, notify::RecursiveMode::NonRecursive) {
        return trouble(&format!("cannot watch {}: {e}", root.display()));
    }
    watch_new_dirs(&mut watcher, &root, &mut watched);
    if !ctx.quiet {
        eprintln!("watching {} (Ctrl-C to stop)", root.display());
    }
    rebuild(&ctx, build.as_mut(), &ChangeSet::default());
    let mut batcher = Batcher::default();
    while !stop.load(Ordering::SeqCst) {
        let wait = batcher
            .deadline()
            .map_or(POLL, |d| d.saturating_duration_since(Instant::now()))
            .min(POLL);
        match rx.recv_timeout(wait) {
            Ok(Ok(event)) => batcher.push(&scope, event, Instant::now()),
            Ok(Err(e)) => eprintln!("warning: file watcher: {e}"),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        if !batcher.due(Instant::now()) {
            continue;
        }
        let changes = batcher.take(&scope);
        watch_new_dirs(&mut watcher, &root, &mut watched);
        if !changes.is_empty() && !stop.load(Ordering::SeqCst) {
            rebuild(&ctx, build.as_mut(), &changes);
        }
    }
    drop(watcher);
    if !ctx.quiet {
        eprintln!("stopped watching");
    }
    EXIT_OK
}

/// Watches (recursively) every watched folder that exists and is not yet watched, so that a
/// `templates/` folder created while watching is picked up.
fn watch_new_dirs(
    watcher: &mut impl notify::Watcher,
    root: &Path,
    watched: &mut BTreeSet<PathBuf>,
) {
    for dir in WATCHED_DIRS.iter().map(|d| root.join(d)) {
        if dir.is_dir() && !watched.contains(&dir) {
            match watcher.watch(&dir, notify::RecursiveMode::Recursive) {
                Ok(()) => {
                    watched.insert(dir);
                }
                Err(e) => eprintln!("warning: cannot watch {}: {e}", dir.display()),
            }
        }
    }
}

/// Runs one build and prints its timestamped status line.
fn rebuild(ctx: &Context, build: &mut dyn Build, changes: &ChangeSet) {
    let start = Instant::now();
    let code = build.build(ctx, changes);
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let what = build.label();
    let phases = build.phases();
    let phases = if phases.is_empty() || ctx.quiet {
        String::new()
    } else {
        format!(": {phases}")
    };
    let trigger = match changes.len() {
        0 => String::new(),
        1 => ", 1 file changed".to_string(),
        n => format!(", {n} files changed"),
    };
    if code == EXIT_OK {
        eprintln!(
            "[{}] ok: {what} ({ms:.0} ms{phases}{trigger})",
            clock(SystemTime::now())
        );
    } else {
        eprintln!(
            "[{}] failed: {what} ({ms:.0} ms{trigger}); the last good output is kept",
            clock(SystemTime::now())
        );
    }
}

/// `HH:MM:SS` (UTC) of a time.
pub fn clock(t: SystemTime) -> String {
    let secs = t
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
        % 86_400;
    format!("{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
}

/// A flag set by Ctrl-C (SIGINT); the loop stops at the next check, never in the
/// middle of writing an output.
fn stop_flag() -> Result<Arc<AtomicBool>, ctrlc::Error> {
    let flag = Arc::new(AtomicBool::new(false));
    let set = Arc::clone(&flag);
    ctrlc::set_handler(move || set.store(true, Ordering::SeqCst))?;
    Ok(flag)
}

fn trouble(message: &str) -> u8 {
    eprintln!("error: {message}");
    EXIT_TROUBLE
}

#[cfg(test)]
mod tests;
