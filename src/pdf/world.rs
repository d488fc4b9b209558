//! Stage pdf: the Typst `World` — the generated main document and data files held in memory,
//! files from disk only inside the project root (symlinks that lead out are refused), no
//! packages, a fixed date. Must not know about laws, download anything or read outside the root.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use typst::diag::{FileError, FileResult, PackageError};
use typst::ecow::eco_format;
use typst::foundations::{Bytes, Datetime, Duration, OneOrMultiple};
use typst::model::DocumentElem;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontFamily, FontList, TextElem};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::files::{FileLoader, FileStore};
use typst_kit::fonts::FontStore;

use super::fonts::DEFAULT_FAMILY;
use super::options::PdfOptions;

/// The virtual path of the generated document.
pub(crate) const MAIN: &str = "/main.typ";

/// The file id of a virtual path such as `/data.json`, or a message saying why it is invalid.
pub(crate) fn file_id(path: &str) -> Result<FileId, String> {
    let vpath =
        VirtualPath::new(path).map_err(|err| format!("invalid file name `{path}`: {err}"))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// Serves file contents: in-memory files first, then disk files inside the root.
pub(crate) struct Loader {
    /// The canonical project root, or `None` for memory only.
    root: Option<PathBuf>,
    memory: HashMap<FileId, Bytes>,
}

impl Loader {
    fn load_from_disk(&self, id: FileId, root: &Path) -> FileResult<Bytes> {
        let vpath = id.vpath();
        let path = vpath.realize(root)?;
        let real = fs::canonicalize(&path).map_err(|err| FileError::from_io(err, &path))?;
        // `realize` keeps `..` from climbing out; canonicalising resolves symlinks, so a link
        // inside the root that points elsewhere (`/etclink -> /etc`) is caught here.
        if !real.starts_with(root) {
            return Err(FileError::Other(Some(eco_format!(
                "{} leads outside the project folder (through a symbolic link) and was refused",
                vpath.get_with_slash()
            ))));
        }
        let metadata = fs::metadata(&real).map_err(|err| FileError::from_io(err, &path))?;
        if metadata.is_dir() {
            return Err(FileError::IsDirectory);
        }
        fs::read(&real)
            .map(Bytes::new)
            .map_err(|err| FileError::from_io(err, &path))
    }
}

impl FileLoader for Loader {
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(FileError::Package(PackageError::Other(Some(eco_format!(
                "{spec} was not loaded: qanun does not use Typst packages; \
                 put what you need in the template instead"
            )))));
        }
        if let Some(bytes) = self.memory.get(&id) {
            return Ok(bytes.clone());
        }
        match &self.root {
            Some(root) => self.load_from_disk(id, root),
            None => Err(FileError::Other(Some(eco_format!(
                "{} is not one of the files given to this document, and reading from disk is off",
                id.vpath().get_with_slash()
            )))),
        }
    }
}

/// The Typst world of one document (or of a watch session).
pub(crate) struct QanunWorld {
    library: LazyHash<Library>,
    fonts: Arc<FontStore>,
    files: FileStore<Loader>,
    main: FileId,
    today: Datetime,
}

impl QanunWorld {
    /// A world with an empty main document. `root` must already be canonical.
    pub(crate) fn new(
        fonts: Arc<FontStore>,
        root: Option<PathBuf>,
        options: &PdfOptions,
    ) -> Result<QanunWorld, String> {
        let main = file_id(MAIN)?;
        let loader = Loader {
            root,
            memory: HashMap::new(),
        };
        let mut world = QanunWorld {
            library: LazyHash::new(Library::builder().build()),
            fonts,
            files: FileStore::new(loader),
            main,
            today: Datetime::from_ymd(1970, 1, 1).ok_or("invalid epoch date")?,
        };
        world.set_options(options)?;
        Ok(world)
    }

    /// Applies the document defaults (font, language, title, author) and the date.
    pub(crate) fn set_options(&mut self, options: &PdfOptions) -> Result<(), String> {
        self.today = options
            .date
            .to_datetime()
            .ok_or_else(|| format!("invalid document date {}", options.date))?;
        let lang = options.typst_lang()?;
        let mut library = Library::builder().build();
        let styles = &mut library.styles;
        styles.set(
            TextElem::font,
            FontList(vec![FontFamily::new(DEFAULT_FAMILY)]),
        );
        styles.set(TextElem::lang, lang);
        let title = options.title.trim();
        if !title.is_empty() {
            styles.set(DocumentElem::title, Some(TextElem::packed(title)));
        }
        let author = options.author.trim();
        if !author.is_empty() {
            styles.set(DocumentElem::author, OneOrMultiple(vec![author.into()]));
        }
        self.library = LazyHash::new(library);
        Ok(())
    }

    /// Replaces the main document and the in-memory files, and marks every cached file as
    /// stale so the next compile reloads it (edited in place, for fast incremental compiles).
    /// `source` wins over a file named `/main.typ`.
    pub(crate) fn set_sources(
        &mut self,
        source: &str,
        files: &BTreeMap<String, Vec<u8>>,
    ) -> Result<(), String> {
        let mut memory = HashMap::with_capacity(files.len() + 1);
        for (path, data) in files {
            memory.insert(file_id(path)?, Bytes::new(data.clone()));
        }
        memory.insert(self.main, Bytes::from_string(source.to_owned()));
        self.files.loader_mut().memory = memory;
        self.files.reset();
        Ok(())
    }

    /// Marks every cached file as stale (disk files are read again on next use).
    pub(crate) fn reset(&mut self) {
        self.files.reset();
    }

    /// The fonts of this world.
    pub(crate) fn font_store(&self) -> &FontStore {
        &self.fonts
    }
}

impl World for QanunWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.files.source(id)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.file(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
