//! The languages Haven speaks.

use super::code_enum;

code_enum!(
    /// A language of the public pages; staff pages use English or French.
    Language {
        En = "en",
        Fr = "fr",
        ZhHans = "zh-Hans",
        ZhHant = "zh-Hant",
        Ug = "ug",
        Bo = "bo",
    }
);

impl Language {
    /// Uyghur is written right to left in Arabic script.
    pub fn is_rtl(self) -> bool {
        matches!(self, Language::Ug)
    }

    /// The language's own name, for the language picker.
    pub fn endonym(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Fr => "Français",
            Language::ZhHans => "简体中文",
            Language::ZhHant => "繁體中文",
            Language::Ug => "ئۇيغۇرچە",
            Language::Bo => "བོད་ཡིག",
        }
    }

    /// Whether staff pages are translated into this language: every one,
    /// since caseworkers and partner groups' liaisons work in the
    /// languages of the communities they serve (right-to-left Uyghur too).
    pub fn has_staff_pages(self) -> bool {
        Language::ALL.contains(&self)
    }

    /// Picks the best language from an `Accept-Language` header.
    pub fn negotiate(header: &str) -> Option<Self> {
        let mut best: Option<(f32, Self)> = None;
        for item in header.split(',') {
            let mut parts = item.trim().split(';');
            let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = parts
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|v| v.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            let Some(lang) = Self::from_tag(&tag) else {
                continue;
            };
            if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l)
    }

    fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split('-').next().unwrap_or("");
        Some(match primary {
            "en" => Language::En,
            "fr" => Language::Fr,
            "ug" => Language::Ug,
            "bo" => Language::Bo,
            "zh" => {
                let traditional = ["hant", "tw", "hk", "mo"]
                    .iter()
                    .any(|t| tag.split('-').skip(1).any(|p| p == *t));
                if traditional {
                    Language::ZhHant
                } else {
                    Language::ZhHans
                }
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_by_quality_and_script() {
        assert_eq!(
            Language::negotiate("fr-CA,fr;q=0.9,en;q=0.8"),
            Some(Language::Fr)
        );
        assert_eq!(
            Language::negotiate("de, zh-TW;q=0.5"),
            Some(Language::ZhHant)
        );
        assert_eq!(Language::negotiate("zh-CN"), Some(Language::ZhHans));
        assert_eq!(Language::negotiate("zh-Hant-HK"), Some(Language::ZhHant));
        assert_eq!(Language::negotiate("en;q=0.2, ug"), Some(Language::Ug));
        assert_eq!(Language::negotiate("de, es"), None);
    }
}
