//! The fonts a PDF report is set in, read once from the files Debian
//! installs and shared by every rendering.
//!
//! Four families cover Haven's languages: Noto Sans (Latin, Cyrillic,
//! Greek — English, French, and the Latin words in any report), Noto
//! Naskh Arabic (Uyghur), Noto Serif Tibetan (Tibetan; Tibetan Machine Uni
//! when Noto's is absent) and Noto Sans CJK SC (Chinese), each in regular
//! and bold.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use harfrust::ShaperData;
use skrifa::instance::{LocationRef, Size};
use skrifa::string::StringId;
use skrifa::{FontRef, MetadataProvider};

use super::DocumentError;

/// Where Debian puts fonts.
const DEBIAN_FONTS: &str = "/usr/share/fonts";

/// A family of faces chosen by script.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    Sans,
    Arabic,
    Tibetan,
    Cjk,
}

impl Family {
    pub(crate) const ALL: [Family; 4] =
        [Family::Sans, Family::Arabic, Family::Tibetan, Family::Cjk];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// One face: a family in a weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct FaceId {
    pub(crate) family: Family,
    pub(crate) weight: Weight,
}

impl FaceId {
    fn slot(self) -> usize {
        let family = match self.family {
            Family::Sans => 0,
            Family::Arabic => 1,
            Family::Tibetan => 2,
            Family::Cjk => 3,
        };
        family * 2 + usize::from(self.weight == Weight::Bold)
    }
}

/// A file that may hold a face, and the Debian package that installs it.
struct Candidate {
    path: &'static str,
    package: &'static str,
    /// In a font collection, the family name of the face to take.
    collection_family: Option<&'static str>,
}

const fn file(path: &'static str, package: &'static str) -> Candidate {
    Candidate {
        path,
        package,
        collection_family: None,
    }
}

const fn cjk(path: &'static str) -> Candidate {
    Candidate {
        path,
        package: "fonts-noto-cjk",
        collection_family: Some("Noto Sans CJK SC"),
    }
}

/// The files to try for a face, best first, and the font's name for
/// messages.
fn candidates(face: FaceId) -> (&'static str, Vec<Candidate>) {
    const CORE: &str = "fonts-noto-core";
    const TIBETAN_MACHINE: &str = "truetype/tibetan-machine/TibetanMachineUni.ttf";
    let bold = face.weight == Weight::Bold;
    match face.family {
        Family::Sans => (
            "Noto Sans",
            vec![file(
                if bold {
                    "truetype/noto/NotoSans-Bold.ttf"
                } else {
                    "truetype/noto/NotoSans-Regular.ttf"
                },
                CORE,
            )],
        ),
        Family::Arabic => (
            "Noto Naskh Arabic",
            if bold {
                vec![
                    file("truetype/noto/NotoNaskhArabic-Bold.ttf", CORE),
                    file("truetype/noto/NotoSansArabic-Bold.ttf", CORE),
                ]
            } else {
                vec![
                    file("truetype/noto/NotoNaskhArabic-Regular.ttf", CORE),
                    file("truetype/noto/NotoSansArabic-Regular.ttf", CORE),
                ]
            },
        ),
        Family::Tibetan => (
            "Noto Serif Tibetan",
            if bold {
                vec![
                    file("truetype/noto/NotoSerifTibetan-Bold.ttf", CORE),
                    file(TIBETAN_MACHINE, "fonts-tibetan-machine"),
                ]
            } else {
                vec![
                    file("truetype/noto/NotoSerifTibetan-Regular.ttf", CORE),
                    file(TIBETAN_MACHINE, "fonts-tibetan-machine"),
                ]
            },
        ),
        Family::Cjk => (
            "Noto Sans CJK SC",
            vec![if bold {
                cjk("opentype/noto/NotoSansCJK-Bold.ttc")
            } else {
                cjk("opentype/noto/NotoSansCJK-Regular.ttc")
            }],
        ),
    }
}

/// A face ready for shaping, measuring and embedding.
pub(crate) struct Face {
    data: Arc<Vec<u8>>,
    index: u32,
    shaper_data: ShaperData,
    pub(crate) pdf: krilla::text::Font,
    /// Above and below the baseline, in ems (both positive).
    pub(crate) ascent: f32,
    pub(crate) descent: f32,
}

impl Face {
    pub(crate) fn font_ref(&self) -> FontRef<'_> {
        // Checked when the face was loaded; the bytes never change.
        FontRef::from_index(&self.data, self.index).expect("a loaded font parses again")
    }

    pub(crate) fn shaper_data(&self) -> &ShaperData {
        &self.shaper_data
    }
}

/// The fonts of the PDF reports. Load them once at start-up with
/// [`Fonts::load`] and share them: they are read-only.
pub struct Fonts {
    faces: Vec<Face>,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts")
            .field("faces", &self.faces.len())
            .finish()
    }
}

impl Fonts {
    /// Reads the fonts from where Debian installs them (`/usr/share/fonts`).
    /// The error names the package to install when one is missing.
    pub fn load() -> Result<Fonts, DocumentError> {
        Self::load_from(Path::new(DEBIAN_FONTS))
    }

    /// Reads the fonts from `root`, laid out as Debian lays out
    /// `/usr/share/fonts`.
    pub(crate) fn load_from(root: &Path) -> Result<Fonts, DocumentError> {
        let mut faces = Vec::with_capacity(8);
        for family in Family::ALL {
            for weight in [Weight::Regular, Weight::Bold] {
                let id = FaceId { family, weight };
                debug_assert_eq!(faces.len(), id.slot());
                faces.push(load_face(root, id)?);
            }
        }
        Ok(Fonts { faces })
    }

    pub(crate) fn face(&self, id: FaceId) -> &Face {
        &self.faces[id.slot()]
    }
}

fn load_face(root: &Path, id: FaceId) -> Result<Face, DocumentError> {
    let (name, candidates) = candidates(id);
    let first = &candidates[0];
    let Some(candidate) = candidates.iter().find(|c| root.join(c.path).is_file()) else {
        return Err(DocumentError::FontMissing {
            font: name,
            package: first.package,
            path: root.join(first.path).display().to_string(),
        });
    };
    let path: PathBuf = root.join(candidate.path);
    let unreadable = |reason: String| DocumentError::FontUnreadable {
        path: path.display().to_string(),
        package: candidate.package,
        reason,
    };
    let data = std::fs::read(&path).map_err(|e| unreadable(e.to_string()))?;
    let index = match candidate.collection_family {
        None => 0,
        Some(family) => collection_index(&data, family)
            .ok_or_else(|| unreadable(format!("it holds no face named {family}")))?,
    };
    let font = FontRef::from_index(&data, index).map_err(|e| unreadable(e.to_string()))?;
    let metrics = font.metrics(Size::unscaled(), LocationRef::default());
    let upem = f32::from(metrics.units_per_em.max(1));
    let shaper_data = ShaperData::new(&font);
    let ascent = metrics.ascent.abs() / upem;
    let descent = metrics.descent.abs() / upem;
    let data = Arc::new(data);
    let pdf = krilla::text::Font::new(krilla::Data::from(data.clone()), index)
        .ok_or_else(|| unreadable("it cannot be embedded in a PDF".to_string()))?;
    Ok(Face {
        data,
        index,
        shaper_data,
        pdf,
        ascent,
        descent,
    })
}

/// The index, in a font collection, of the face whose family is `family`.
fn collection_index(data: &[u8], family: &str) -> Option<u32> {
    (0..64u32)
        .map_while(|i| FontRef::from_index(data, i).ok().map(|f| (i, f)))
        .find(|(_, font)| {
            [StringId::TYPOGRAPHIC_FAMILY_NAME, StringId::FAMILY_NAME]
                .into_iter()
                .any(|id| {
                    font.localized_strings(id)
                        .english_or_first()
                        .is_some_and(|s| s.to_string() == family)
                })
        })
        .map(|(i, _)| i)
}
