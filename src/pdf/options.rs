//! Stage pdf: the options of one PDF (metadata, date, standard) and of an [`Engine`](super::Engine)
//! (fonts, project root). Plain data and pure conversions; must not touch the file system.

use std::path::PathBuf;

use typst::foundations::Datetime;
use typst::text::Lang;

/// A calendar date (proleptic Gregorian), e.g. the law version's date.
///
/// It is Typst's `datetime.today()` inside the document and, at 00:00 UTC, the PDF's
/// creation date (unless `SOURCE_DATE_EPOCH` is set, see [`PdfOptions::date`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, e.g. 2026. PDF dates need a year of at least 0.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// A date, or `None` if it does not exist (`2026-02-30`) or its year is negative.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let date = Date { year, month, day };
        date.to_datetime().map(|_| date)
    }

    /// Parses `YYYY-MM-DD`, the format of `date = "…"` in `law.toml`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?;
        let month = parts.next()?;
        let day = parts.next()?;
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// The date as a Typst datetime (no time part), if valid.
    pub(crate) fn to_datetime(self) -> Option<Datetime> {
        if self.year < 0 {
            return None;
        }
        Datetime::from_ymd(self.year, self.month, self.day)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A PDF standard the output must conform to; Typst checks it while exporting and fails
/// with a diagnostic if the document breaks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PdfStandard {
    /// PDF/UA-1 (accessibility). Needs a non-empty [`PdfOptions::title`].
    Ua1,
    /// PDF/A-2b (long-term archiving, visual appearance).
    A2b,
}

impl PdfStandard {
    pub(crate) fn to_typst(self) -> typst_pdf::PdfStandard {
        match self {
            PdfStandard::Ua1 => typst_pdf::PdfStandard::Ua_1,
            PdfStandard::A2b => typst_pdf::PdfStandard::A_2b,
        }
    }
}

/// The options of one PDF. The metadata set here are the document's defaults: a template's
/// own `#set document(..)` or `#set text(lang: ..)` overrides them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PdfOptions {
    /// The document title (PDF `/Title`); empty for none. Required by PDF/UA-1.
    pub title: String,
    /// The author (PDF `/Author`); empty for none.
    pub author: String,
    /// The document language as an ISO 639 code, e.g. `"ar"`, `"en"` or `"fr"`: the PDF's
    /// `/Lang`, and the default text language (so `"ar"` also makes right-to-left the default
    /// direction, Arabic the hyphenation and smart-quote language).
    pub lang: String,
    /// The document date: `datetime.today()` in Typst, and the PDF creation date at 00:00 UTC.
    /// If the environment variable `SOURCE_DATE_EPOCH` is set (seconds since 1970 UTC), it
    /// wins for the PDF creation date, as the reproducible-builds convention asks.
    pub date: Date,
    /// The PDF document identifier (`/ID` and XMP `DocumentID`), fixed so that output is
    /// reproducible, e.g. `"qanun/arab-model-law-tip/1.0.0/jo/ar"`. Empty: derived by Typst
    /// from the title and author.
    pub ident: String,
    /// A standard to conform to, or `None`.
    pub standard: Option<PdfStandard>,
}

impl PdfOptions {
    /// The language as Typst's type, or an error message naming it.
    pub(crate) fn typst_lang(&self) -> Result<Lang, String> {
        self.lang.trim().parse::<Lang>().map_err(|err| {
            format!(
                "invalid document language `{}`: {err} (use an ISO 639 code such as `ar`, `en` or `fr`)",
                self.lang
            )
        })
    }
}

/// The options of an [`Engine`](super::Engine): which fonts exist and where files may be read.
/// Fonts are loaded once, when the engine is made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct EngineOptions {
    /// The folder documents may read files from (`#image("/logo.png")`, `#read(..)`), or
    /// `None` to serve only the in-memory files. Paths resolve inside it and a symlink that
    /// leads out of it is refused.
    pub root: Option<PathBuf>,
    /// Extra folders searched (recursively) for fonts, after the embedded Amiri (`--font-path`).
    pub font_paths: Vec<PathBuf>,
    /// Also use the fonts installed on this machine. Off by default so that every machine
    /// renders the same.
    pub system_fonts: bool,
}

/// The PDF creation timestamp: `date` at 00:00 UTC, or `SOURCE_DATE_EPOCH` if given (an
/// integer number of seconds since 1970-01-01 UTC; an empty value counts as unset).
pub(crate) fn timestamp(
    date: Date,
    source_date_epoch: Option<&str>,
) -> Result<typst_pdf::Timestamp, String> {
    let datetime = match source_date_epoch.map(str::trim).filter(|s| !s.is_empty()) {
        None => date
            .to_datetime()
            .and_then(|d| Datetime::from_ymd_hms(d.year()?, d.month()?, d.day()?, 0, 0, 0))
            .ok_or_else(|| format!("invalid document date {date}"))?,
        Some(text) => {
            let invalid = || {
                format!(
                    "SOURCE_DATE_EPOCH=`{text}` is not a number of seconds since 1970 between years 0 and 9999"
                )
            };
            let seconds: i64 = text.parse().map_err(|_| invalid())?;
            datetime_from_unix(seconds).ok_or_else(invalid)?
        }
    };
    Ok(typst_pdf::Timestamp::new_utc(datetime))
}

/// Converts seconds since the Unix epoch to a UTC datetime (years 0–9999 only).
fn datetime_from_unix(seconds: i64) -> Option<Datetime> {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    if !(0..=9999).contains(&year) {
        return None;
    }
    Datetime::from_ymd_hms(
        i32::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
        u8::try_from(secs / 3600).ok()?,
        u8::try_from(secs % 3600 / 60).ok()?,
        u8::try_from(secs % 60).ok()?,
    )
}

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's `civil_from_days`.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_validates() {
        assert!(Date::new(2026, 11, 29).is_some());
        assert!(Date::new(2026, 2, 30).is_none());
        assert!(Date::new(2026, 13, 1).is_none());
        assert!(Date::new(-1, 1, 1).is_none());
        assert_eq!(Date::parse("2026-11-29"), Date::new(2026, 11, 29));
        assert_eq!(Date::parse("2026-1-29"), None);
        assert_eq!(Date::parse("29-11-2026"), None);
        assert_eq!(
            Date::parse("2026-11-29").map(|d| d.to_string()).as_deref(),
            Some("2026-11-29")
        );
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
    }

    #[test]
    fn timestamp_uses_date_or_source_date_epoch() {
        let date = Date {
            year: 2026,
            month: 11,
            day: 29,
        };
        let debug = |t: typst_pdf::Timestamp| format!("{t:?}");
        let from_date = timestamp(date, None).map(debug);
        assert!(
            from_date
                .as_deref()
                .is_ok_and(|s| s.contains("2026") && s.contains("UTC")),
            "{from_date:?}"
        );
        assert_eq!(timestamp(date, Some("")).map(debug), from_date);
        // 2023-11-14 22:13:20 UTC
        let epoch = timestamp(date, Some("1700000000")).map(debug);
        assert!(
            epoch
                .as_deref()
                .is_ok_and(|s| s.contains("2023") && s.contains("22")),
            "{epoch:?}"
        );
        assert!(timestamp(date, Some("yesterday")).is_err());
        assert!(timestamp(date, Some("99999999999999")).is_err());
        assert!(
            timestamp(
                Date {
                    year: 2026,
                    month: 2,
                    day: 30
                },
                None
            )
            .is_err()
        );
    }

    #[test]
    fn unix_conversion() {
        let dt = datetime_from_unix(1_700_000_000);
        assert_eq!(dt.and_then(|d| d.year()), Some(2023));
        assert_eq!(dt.and_then(|d| d.month()), Some(11));
        assert_eq!(dt.and_then(|d| d.day()), Some(14));
        assert_eq!(dt.and_then(|d| d.hour()), Some(22));
        assert_eq!(dt.and_then(|d| d.minute()), Some(13));
        assert_eq!(dt.and_then(|d| d.second()), Some(20));
    }
}
