//! Laid-out pages written as a PDF (krilla): fonts embedded as subsets
//! with ToUnicode maps, so the text can be searched and copied; no date,
//! no producer, no machine name; the file identifier is a hash of the
//! content, so the same report gives the same bytes.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{Metadata, TextDirection};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::{Document, SerializeSettings};

use super::DocumentError;
use super::fonts::Fonts;
use super::layout::{Item, PAGE_HEIGHT, PAGE_WIDTH, Page};

/// What the PDF says about itself.
pub(crate) struct Info {
    pub(crate) title: String,
    pub(crate) lang: String,
    pub(crate) rtl: bool,
}

/// The longest title written into the document information.
const MAX_TITLE_CHARS: usize = 200;

pub(crate) fn write(pages: &[Page], fonts: &Fonts, info: Info) -> Result<Vec<u8>, DocumentError> {
    let settings = SerializeSettings {
        // Nothing beyond what is written here: no XMP packet.
        xmp_metadata: false,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let title: String = info.title.chars().take(MAX_TITLE_CHARS).collect();
    document.set_metadata(
        Metadata::new()
            .title(title)
            .language(info.lang)
            .text_direction(if info.rtl {
                TextDirection::RightToLeft
            } else {
                TextDirection::LeftToRight
            }),
    );
    let size = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| DocumentError::Pdf("the page size is invalid".to_string()))?;
    for page in pages {
        let mut pdf_page = document.start_page_with(size.clone());
        let mut surface = pdf_page.surface();
        for item in &page.items {
            draw(&mut surface, item, fonts);
        }
        surface.finish();
        pdf_page.finish();
    }
    document
        .finish()
        .map_err(|e| DocumentError::Pdf(e.to_string()))
}

fn fill(gray: u8) -> Fill {
    Fill {
        paint: rgb::Color::new(gray, gray, gray).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn draw(surface: &mut Surface<'_>, item: &Item, fonts: &Fonts) {
    match item {
        Item::Line { line, x, baseline } => {
            surface.set_fill(Some(fill(line.gray)));
            for run in &line.runs {
                surface.draw_glyphs(
                    Point::from_xy(x + run.x, *baseline),
                    run.glyphs.as_slice(),
                    fonts.face(run.face).pdf.clone(),
                    &line.text,
                    run.size,
                    false,
                );
            }
        }
        Item::Rule {
            x,
            y,
            width,
            thickness,
            gray,
        } => {
            let Some(rect) = Rect::from_xywh(*x, *y, *width, *thickness) else {
                return;
            };
            let mut path = PathBuilder::new();
            path.push_rect(rect);
            if let Some(path) = path.finish() {
                surface.set_fill(Some(fill(*gray)));
                surface.draw_path(&path);
            }
        }
    }
}
