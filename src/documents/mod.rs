//! A report rendered for people outside Haven: a self-contained HTML file
//! and an A4 PDF, both right for Latin, Chinese, Uyghur (Arabic script,
//! right to left) and Tibetan text.
//!
//! The PDF is typeset here: text is cleaned ([`text`]), split into runs by
//! bidi level and script with a font for each ([`itemize`]), shaped
//! ([`shape`]), broken into lines ([`linebreak`]), laid out on pages
//! ([`layout`]) and written with its fonts embedded ([`pdf`]). The fonts
//! are read once ([`Fonts::load`]) and shared.

mod fonts;
mod html;
mod itemize;
mod layout;
pub(crate) mod linebreak;
mod pdf;
mod shape;
mod text;

#[cfg(test)]
mod tests;

use std::panic::{AssertUnwindSafe, catch_unwind};

pub use fonts::Fonts;

/// A report to render. Every text is shown as given, cleaned of control
/// and bidi override characters; values may be long and hold several
/// paragraphs and scripts. `Debug` shows the shape, never the text.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ReportDocument {
    /// BCP-47 language of the document ("en", "ug", …).
    pub lang: String,
    /// Whether the document reads right to left (Uyghur).
    pub rtl: bool,
    pub title: String,
    pub intro: String,
    pub sections: Vec<Section>,
}

#[derive(Clone, Default, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub fields: Vec<Field>,
}

#[derive(Clone, Default, PartialEq, Eq)]
pub struct Field {
    pub label: String,
    pub value: String,
}

// What a report says stays out of logs.
impl std::fmt::Debug for ReportDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReportDocument")
            .field("lang", &self.lang)
            .field("rtl", &self.rtl)
            .field("sections", &self.sections)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Section")
            .field("fields", &self.fields.len())
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Field")
            .field("value_chars", &self.value.chars().count())
            .finish_non_exhaustive()
    }
}

/// The most text a PDF is made of (characters, all fields together).
pub const MAX_PDF_CHARS: usize = 1_000_000;

/// Why a report could not be rendered; each says what to do next. None
/// carries report text, so they can be logged.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error(
        "the font {font} is not installed (no {path}): install the Debian package {package} \
         (apt-get install {package}; scripts/run.sh installs it), then start Haven again"
    )]
    FontMissing {
        font: &'static str,
        package: &'static str,
        path: String,
    },
    #[error(
        "the font file {path} cannot be used ({reason}): reinstall the Debian package {package} \
         (apt-get install --reinstall {package}), then start Haven again"
    )]
    FontUnreadable {
        path: String,
        package: &'static str,
        reason: String,
    },
    #[error(
        "the report is too long for a PDF ({limit}): share the HTML version, or split the text \
         into several reports"
    )]
    TooLong { limit: String },
    #[error(
        "the PDF could not be written ({0}): share the HTML version, and report this as a bug \
         in Haven"
    )]
    Pdf(String),
}

impl ReportDocument {
    /// The report as one HTML file: style inline, no script, no outside
    /// resource, every text escaped.
    pub fn to_html(&self) -> String {
        html::render(self)
    }

    /// The report as an A4 PDF set in `fonts`.
    pub fn to_pdf(&self, fonts: &Fonts) -> Result<Vec<u8>, DocumentError> {
        let chars = [&self.title, &self.intro]
            .into_iter()
            .chain(self.sections.iter().flat_map(|s| {
                std::iter::once(&s.heading)
                    .chain(s.fields.iter().flat_map(|f| [&f.label, &f.value]))
            }))
            .map(|t| t.chars().count())
            .sum::<usize>();
        if chars > MAX_PDF_CHARS {
            return Err(DocumentError::TooLong {
                limit: format!("more than {MAX_PDF_CHARS} characters"),
            });
        }
        // The shaper, the bidi algorithm and the PDF writer are other
        // people's code fed untrusted text: should one of them panic, the
        // caller gets an error, not a dead worker.
        catch_unwind(AssertUnwindSafe(|| self.typeset(fonts))).unwrap_or_else(|_| {
            Err(DocumentError::Pdf(
                "the typesetter stopped on this text".to_string(),
            ))
        })
    }

    fn typeset(&self, fonts: &Fonts) -> Result<Vec<u8>, DocumentError> {
        let lang = text::language_tag(&self.lang);
        let shapers = shape::Shapers::new(fonts, &lang);
        let pages = layout::lay_out(self, &shapers)?;
        pdf::write(
            &pages,
            fonts,
            pdf::Info {
                title: text::one_line(&self.title),
                lang,
                rtl: self.rtl,
            },
        )
    }
}
