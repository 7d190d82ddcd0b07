//! The report as one self-contained HTML file: its style in a `<style>`
//! element, no script, nothing loaded from anywhere (a Content Security
//! Policy forbids it too), every text escaped by askama.

use askama::Template;

use super::ReportDocument;
use super::text::{cleaned, language_tag, one_line};

struct FieldView {
    label: String,
    value: String,
}

struct SectionView {
    heading: String,
    fields: Vec<FieldView>,
}

#[derive(Template)]
#[template(path = "documents/report.html")]
struct ReportHtml {
    lang: String,
    dir: &'static str,
    title: String,
    intro: String,
    sections: Vec<SectionView>,
}

pub(crate) fn render(doc: &ReportDocument) -> String {
    let page = ReportHtml {
        lang: language_tag(&doc.lang),
        dir: if doc.rtl { "rtl" } else { "ltr" },
        title: one_line(&doc.title),
        intro: cleaned(&doc.intro),
        sections: doc
            .sections
            .iter()
            .map(|s| SectionView {
                heading: one_line(&s.heading),
                fields: s
                    .fields
                    .iter()
                    .map(|f| FieldView {
                        label: one_line(&f.label),
                        value: cleaned(&f.value),
                    })
                    .collect(),
            })
            .collect(),
    };
    // The template only writes strings into a String: it cannot fail.
    page.render()
        .expect("the report template renders into a String")
}
