//! Reports rendered in every language Haven takes, read back with
//! poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm) as a recipient's
//! tools would read them.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::fonts::{FaceId, Family, Weight};
use super::layout::{self, CONTENT_WIDTH, Item, Line, MARGIN};
use super::shape::Shapers;
use super::*;

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts::load().unwrap_or_else(|e| panic!("{e}")))
}

const POPPLER: &str =
    "install poppler-utils (apt-get install poppler-utils; scripts/test.sh installs it)";

/// Runs a poppler tool; a missing tool fails the test with what to do.
fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} could not run ({e}): {POPPLER}"));
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{tool} printed non-UTF-8: {e}"))
}

/// A file in the temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(extension: &str) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        TempFile(std::env::temp_dir().join(format!(
            "haven-documents-{}-{n}.{extension}",
            std::process::id()
        )))
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("temporary paths are UTF-8")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn pdf_file(doc: &ReportDocument) -> TempFile {
    let bytes = doc.to_pdf(fonts()).unwrap_or_else(|e| panic!("{e}"));
    let file = TempFile::new("pdf");
    std::fs::write(&file.0, bytes).expect("the PDF is written to the temporary directory");
    file
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The text pdftotext reads from `pdf`, page numbers left out. Poppler
/// gives right-to-left text in reading (logical) order, each run wrapped
/// in bidi embedding characters of its own; those are left out too.
fn extracted(pdf: &TempFile) -> String {
    poppler("pdftotext", &["-enc", "UTF-8", pdf.path(), "-"])
        .replace(is_bidi_control, "")
        .lines()
        .filter(|l| !is_page_number(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// "3 / 12", as the footer has it (pdftotext may drop its spaces).
fn is_page_number(line: &str) -> bool {
    let line: String = line
        .chars()
        .filter(|c| !c.is_whitespace() && !is_bidi_control(*c))
        .collect();
    let mut parts = line.split('/');
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(a), Some(b), None)
            if !a.is_empty() && !b.is_empty()
                && a.chars().all(|c| c.is_ascii_digit())
                && b.chars().all(|c| c.is_ascii_digit())
    )
}

/// `s` without any white space: lines are broken differently in the PDF,
/// and a break between two ideographs comes back as a line break.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The letters and digits of `s` (Tibetan vowel signs and subjoined
/// letters included), nothing else. Poppler rebuilds the reading order of
/// mixed-direction lines with its own rules, and puts punctuation between
/// runs of different directions on the wrong side ("2024-يىلى" comes back
/// as "-2024يىلى", "مەلۇمات — སྙན" as "— مەلۇمات སྙན"): the letters and
/// digits, in order, are what can be compared.
fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn pages(pdf: &TempFile) -> usize {
    poppler("pdfinfo", &[pdf.path()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the number of pages")
}

fn field(label: &str, value: &str) -> Field {
    Field {
        label: label.to_string(),
        value: value.to_string(),
    }
}

fn report(lang: &str, rtl: bool, title: &str, intro: &str, fields: Vec<Field>) -> ReportDocument {
    ReportDocument {
        lang: lang.to_string(),
        rtl,
        title: title.to_string(),
        intro: intro.to_string(),
        sections: vec![Section {
            heading: format!("{title} — 1"),
            fields,
        }],
    }
}

fn english() -> ReportDocument {
    report(
        "en",
        false,
        "Report HVN-2041",
        "Shared with consent of the reporter on 3 March 2025.",
        vec![
            field("Case reference", "HVN-2041"),
            field(
                "What happened",
                "Two men who said they worked for the consulate waited outside my office \
                 in Toronto.\n\nThey showed me a photo of my parents and told me to stop \
                 writing about the camps. My sister in Kashgar was questioned the next day.",
            ),
            field(
                "Email of the contact",
                "<script>alert(1)</script> a&b \"quoted\"",
            ),
        ],
    )
}

fn french() -> ReportDocument {
    report(
        "fr",
        false,
        "Signalement HVN-2042",
        "Transmis avec l’accord de la personne qui a signalé.",
        vec![
            field(
                "Ce qui s’est passé",
                "Des agents ont contacté ma famille à Ürümqi ; j’ai reçu des menaces répétées \
                 après la manifestation du 12 février à Montréal. « Arrête, ou ta mère en \
                 paiera le prix », disait le dernier message.",
            ),
            field("Ville", "Montréal (Québec)"),
        ],
    )
}

fn chinese() -> ReportDocument {
    report(
        "zh",
        false,
        "举报 HVN-2043",
        "经举报人同意后转交。",
        vec![
            field(
                "发生了什么",
                "我在多伦多参加悼念活动后，收到了多条威胁信息，他们要求我停止参加抗议活动，\
                 否则我在国内的家人会有麻烦。我的父母在上海被警察约谈了两次，警察让他们劝我回国。",
            ),
            field("城市", "多伦多"),
        ],
    )
}

fn uyghur() -> ReportDocument {
    report(
        "ug",
        true,
        "مەلۇمات HVN-2044",
        "مەلۇمات بەرگۈچىنىڭ رۇخسىتى بىلەن ھەمبەھىرلەندى.",
        vec![
            field(
                "نېمە ئىش يۈز بەردى",
                "ماڭا تېلېفون قىلىپ ئائىلەمنى تەھدىت قىلدى. ئۇلار مېنى نامايىشقا \
                 قاتناشماسلىققا بۇيرۇدى. بۇ ئىش 2024-يىلى Toronto شەھىرىدە يۈز بەردى.",
            ),
            field("شەھەر", "تورونتو"),
        ],
    )
}

fn tibetan() -> ReportDocument {
    report(
        "bo",
        false,
        "སྙན་ཞུ། HVN-2045",
        "སྙན་ཞུ་བ་པོའི་ཆོག་མཆན་ཐོག་བགོ་སྤྲོད་བྱས།",
        vec![
            field(
                "ཅི་ཞིག་བྱུང་ངམ།",
                "ང་ཚོའི་ཁྱིམ་མི་རྣམས་ལ་བསྒྲགས་བསྡིགས་བྱས་བྱུང་། ཁོ་ཚོས་ང་ལ་ཞི་བའི་ངོ་རྒོལ་\
                 ལས་འགུལ་མཚམས་འཇོག་དགོས་ཞེས་བཤད་བྱུང་། བོད་ཀྱི་སྐད་ཡིག་སློབ་སྦྱོང་བྱེད་མཁན་ཡིན།",
            ),
            field("གྲོང་ཁྱེར།", "ཊོ་རོན་ཊོ།"),
        ],
    )
}

fn mixed() -> ReportDocument {
    report(
        "en",
        false,
        "Report HVN-2046 — 举报 — مەلۇمات — སྙན་ཞུ།",
        "Shared with consent.",
        vec![
            field(
                "What happened",
                "The caller spoke Uyghur (ماڭا تېلېفون قىلدى) and then Chinese (你必须回国), \
                 and the letter was signed in Tibetan: བོད་ཀྱི་སྐད་ཡིག. Phone: +1 416 555 0199.",
            ),
            field("Привет", "Сообщение на русском языке."),
        ],
    )
}

fn all_samples() -> Vec<(&'static str, ReportDocument)> {
    vec![
        ("en", english()),
        ("fr", french()),
        ("zh", chinese()),
        ("ug", uyghur()),
        ("bo", tibetan()),
        ("mixed", mixed()),
    ]
}

/// Every text of `doc` as the reader should find it in the PDF.
fn texts(doc: &ReportDocument) -> Vec<String> {
    let mut out = vec![doc.title.clone(), doc.intro.clone()];
    for s in &doc.sections {
        out.push(s.heading.clone());
        for f in &s.fields {
            out.push(f.label.clone());
            out.push(f.value.clone());
        }
    }
    out
}

#[test]
fn every_field_of_every_language_comes_back_from_the_pdf() {
    for (name, doc) in all_samples() {
        let pdf = pdf_file(&doc);
        let text = letters(&extracted(&pdf));
        for expected in texts(&doc) {
            assert!(
                text.contains(&letters(&expected)),
                "{name}: {expected:?} is not in the text of the PDF:\n{text}"
            );
        }
    }
}

/// The words of `s`, as letters and digits, one space apart.
fn words(s: &str) -> String {
    s.split_whitespace()
        .map(letters)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn words_come_back_with_their_spaces_in_reading_order() {
    let text = words(&extracted(&pdf_file(&english())));
    assert!(
        text.contains("They showed me a photo of my parents"),
        "{text}"
    );
    let text = words(&extracted(&pdf_file(&uyghur())));
    assert!(
        text.contains("ماڭا تېلېفون قىلىپ ئائىلەمنى تەھدىت قىلدى ئۇلار مېنى"),
        "{text}"
    );
    let text = words(&extracted(&pdf_file(&french())));
    assert!(
        text.contains("Arrête ou ta mère en paiera le prix"),
        "{text}"
    );
}

#[test]
fn fonts_are_embedded_as_subsets_with_unicode_maps() {
    let pdf = pdf_file(&mixed());
    let listing = poppler("pdffonts", &[pdf.path()]);
    let rows: Vec<&str> = listing.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{listing}");
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert!(n >= 7, "{row}");
        assert_eq!(
            (cols[n - 5], cols[n - 4], cols[n - 3]),
            ("yes", "yes", "yes"),
            "embedded, subset and with a ToUnicode map: {row}"
        );
    }
    for font in [
        "NotoSans-",
        "NotoNaskhArabic-",
        "NotoSerifTibetan-",
        "NotoSansCJK",
    ] {
        assert!(listing.contains(font), "{font} is not embedded:\n{listing}");
    }
}

#[test]
fn a_long_narrative_flows_over_several_pages_with_page_numbers() {
    let sentence = "They followed me from the station to my home and took pictures of my door. \
                    他们跟踪我回家。 ";
    let mut narrative = String::new();
    while narrative.chars().count() < 50_000 {
        narrative.push_str(sentence);
        if narrative.len().is_multiple_of(7) {
            narrative.push('\n');
        }
    }
    narrative.push_str("This is where the narrative ends.");
    let doc = report(
        "en",
        false,
        "Long report",
        "",
        vec![field("Narrative", &narrative)],
    );
    let pdf = pdf_file(&doc);
    let count = pages(&pdf);
    assert!(count >= 5, "50,000 characters on {count} pages");
    let last = poppler(
        "pdftotext",
        &[
            "-f",
            &count.to_string(),
            "-l",
            &count.to_string(),
            pdf.path(),
            "-",
        ],
    );
    assert!(last.contains("where the narrative ends"), "{last}");
    assert!(last.contains(&format!("{count} / {count}")), "{last}");
    let first = poppler("pdftotext", &["-f", "1", "-l", "1", pdf.path(), "-"]);
    assert!(first.contains(&format!("1 / {count}")), "{first}");
}

/// The lines of the laid-out document (page numbers left out), with
/// where each starts.
fn laid_lines(doc: &ReportDocument) -> Vec<(f32, Line)> {
    let shapers = Shapers::new(fonts(), &doc.lang);
    let pages = layout::lay_out(doc, &shapers).unwrap_or_else(|e| panic!("{e}"));
    pages
        .into_iter()
        .flat_map(|p| p.items)
        .filter_map(|item| match item {
            Item::Line { line, x, .. } if !is_page_number(&line.text) => Some((x, line)),
            _ => None,
        })
        .collect()
}

/// The text a run of glyphs draws, and whether its glyphs run right to
/// left (clusters decreasing).
fn run_text(line: &Line, run: usize) -> (String, bool) {
    let glyphs = &line.runs[run].glyphs;
    let start = glyphs.iter().map(|g| g.text_range.start).min().unwrap_or(0);
    let end = glyphs.iter().map(|g| g.text_range.end).max().unwrap_or(0);
    let rtl = glyphs.len() > 1
        && glyphs.first().map(|g| g.text_range.start) > glyphs.last().map(|g| g.text_range.start);
    (line.text[start..end].to_string(), rtl)
}

fn find_run(line: &Line, needle: &str) -> (usize, bool) {
    (0..line.runs.len())
        .find_map(|i| {
            let (text, rtl) = run_text(line, i);
            text.contains(needle).then_some((i, rtl))
        })
        .unwrap_or_else(|| panic!("no run draws {needle:?}"))
}

#[test]
fn a_uyghur_document_is_right_aligned_and_keeps_latin_left_to_right() {
    let value = "ئۇ Toronto شەھىرىدە 2024-يىلى ياشايدۇ";
    let doc = report("ug", true, "مەلۇمات", "", vec![field("شەھەر", value)]);
    let lines = laid_lines(&doc);
    for (x, line) in &lines {
        let right = x + line.width;
        assert!(
            (right - (MARGIN + CONTENT_WIDTH)).abs() < 0.01,
            "{:?} ends at {right}, not at the right margin",
            &line.text
        );
    }
    let (_, line) = lines
        .iter()
        .find(|(_, l)| &*l.text == value)
        .expect("the value is one line");
    let (latin, latin_rtl) = find_run(line, "Toronto");
    assert!(!latin_rtl, "Toronto is drawn left to right");
    let (arabic, arabic_rtl) = find_run(line, "شەھىرىدە");
    assert!(arabic_rtl, "the Uyghur word is drawn right to left");
    let (first, _) = find_run(line, "ئۇ");
    // Logical order ئۇ, Toronto, شەھىرىدە reads from the right.
    assert!(line.runs[first].x > line.runs[latin].x);
    assert!(line.runs[latin].x > line.runs[arabic].x);
    let (_, number_rtl) = find_run(line, "2024");
    assert!(!number_rtl, "the number reads left to right");
}

#[test]
fn a_latin_document_shows_a_uyghur_phrase_right_to_left() {
    let value = "The word مەكتەپ means school";
    let doc = report("en", false, "Report", "", vec![field("Word", value)]);
    let lines = laid_lines(&doc);
    let (x, line) = lines
        .iter()
        .find(|(_, l)| &*l.text == value)
        .expect("the value is one line");
    assert!((x - MARGIN).abs() < 0.01, "left-aligned");
    let (before, _) = find_run(line, "The word");
    let (word, word_rtl) = find_run(line, "مەكتەپ");
    let (after, _) = find_run(line, "means school");
    assert!(word_rtl, "the Uyghur word runs right to left");
    assert!(line.runs[before].x < line.runs[word].x);
    assert!(line.runs[word].x < line.runs[after].x);
}

#[test]
fn no_glyph_of_any_sample_is_missing_from_its_font() {
    for (name, doc) in all_samples() {
        for (_, line) in laid_lines(&doc) {
            for run in &line.runs {
                for glyph in &run.glyphs {
                    assert_ne!(
                        glyph.glyph_id.to_u32(),
                        0,
                        "{name}: .notdef for {:?} in {:?}",
                        &line.text[glyph.text_range.clone()],
                        run.face
                    );
                }
            }
        }
    }
}

fn face(family: Family) -> FaceId {
    FaceId {
        family,
        weight: Weight::Regular,
    }
}

fn glyph_ids(shapers: &Shapers<'_>, family: Family, text: &str, rtl: bool) -> Vec<u32> {
    use unicode_script::UnicodeScript;
    let script = text
        .chars()
        .next()
        .map(|c| c.script())
        .unwrap_or(unicode_script::Script::Common);
    shapers
        .shape(face(family), text, 0..text.len(), rtl, script)
        .glyphs
        .iter()
        .map(|g| g.glyph_id.to_u32())
        .collect()
}

fn nominal_glyph(family: Family, c: char) -> u32 {
    use skrifa::MetadataProvider;
    fonts()
        .face(face(family))
        .font_ref()
        .charmap()
        .map(c)
        .map(|g| g.to_u32())
        .expect("the font has the character")
}

#[test]
fn uyghur_letters_join() {
    let shapers = Shapers::new(fonts(), "ug");
    let alone = glyph_ids(&shapers, Family::Arabic, "ې", true);
    let joined = glyph_ids(&shapers, Family::Arabic, "بېب", true);
    assert_eq!(alone, vec![nominal_glyph(Family::Arabic, 'ې')]);
    assert_eq!(joined.len(), 3);
    assert!(
        !joined.contains(&alone[0]),
        "the medial form of ې differs from the isolated one: {joined:?} vs {alone:?}"
    );
}

#[test]
fn tibetan_letters_stack() {
    let shapers = Shapers::new(fonts(), "bo");
    let stack = "སྒྲ";
    let shaped = glyph_ids(&shapers, Family::Tibetan, stack, false);
    let nominal: Vec<u32> = stack
        .chars()
        .map(|c| nominal_glyph(Family::Tibetan, c))
        .collect();
    assert_ne!(shaped, nominal, "the subjoined letters are substituted");
    assert!(!shaped.contains(&0));
}

#[test]
fn chinese_breaks_between_ideographs_and_tibetan_after_tsheg() {
    let chinese = "我的父母在上海被警察约谈了两次警察让他们劝我回国".repeat(8);
    let tibetan = "བོད་ཀྱི་སྐད་ཡིག་སློབ་སྦྱོང་བྱེད་མཁན་ཡིན་".repeat(10);
    for (lang, text) in [("zh", chinese), ("bo", tibetan)] {
        let doc = report(lang, false, "T", "", vec![field("F", &text)]);
        let lines: Vec<(f32, Line)> = laid_lines(&doc)
            .into_iter()
            .filter(|(_, l)| *l.text == *text)
            .collect();
        assert!(lines.len() > 2, "{lang}: {} lines", lines.len());
        let mut rebuilt = String::new();
        for (i, (_, line)) in lines.iter().enumerate() {
            assert!(
                line.width <= CONTENT_WIDTH + 0.01,
                "{lang}: {} wide",
                line.width
            );
            let start = line
                .runs
                .iter()
                .flat_map(|r| &r.glyphs)
                .map(|g| g.text_range.start)
                .min();
            let end = line
                .runs
                .iter()
                .flat_map(|r| &r.glyphs)
                .map(|g| g.text_range.end)
                .max();
            let piece = &text[start.unwrap_or(0)..end.unwrap_or(0)];
            if lang == "bo" && i + 1 < lines.len() {
                assert!(
                    piece.ends_with('་'),
                    "a Tibetan line ends after a tsheg: {piece}"
                );
            }
            if i + 1 < lines.len() {
                assert!(
                    line.width > CONTENT_WIDTH * 0.9,
                    "{lang}: line {i} is filled ({} of {CONTENT_WIDTH})",
                    line.width
                );
            }
            rebuilt.push_str(piece);
        }
        assert_eq!(rebuilt, text, "{lang}: every character is on a line, once");
    }
}

#[test]
fn a_word_longer_than_the_line_is_cut_at_the_margin() {
    let word = "x".repeat(5_000);
    let url = format!("https://example.org/{}", "a1".repeat(300));
    let doc = report(
        "en",
        false,
        "T",
        "",
        vec![field("Word", &word), field("URL", &url)],
    );
    for long in [&word, &url] {
        let lines: Vec<(f32, Line)> = laid_lines(&doc)
            .into_iter()
            .filter(|(_, l)| *l.text == **long)
            .collect();
        assert!(lines.len() > 1);
        for (_, line) in &lines {
            assert!(line.width <= CONTENT_WIDTH + 0.01, "{} wide", line.width);
        }
    }
    let text = squash(&extracted(&pdf_file(&doc)));
    assert!(text.contains(&word), "{text}");
    assert!(text.contains(&url));
}

/// Dark pixels of page 1 of `pdf` rendered in grey at 72 dpi, between the
/// title and the page number.
fn ink(pdf: &TempFile) -> usize {
    let out = TempFile::new("pgm");
    let stem = out.0.with_extension("");
    let stem = stem.to_str().expect("temporary paths are UTF-8");
    poppler(
        "pdftoppm",
        &[
            "-gray",
            "-r",
            "72",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            pdf.path(),
            stem,
        ],
    );
    let data = std::fs::read(&out.0).unwrap_or_else(|e| panic!("pdftoppm wrote no image: {e}"));
    // "P5\n<width> <height>\n255\n" then one byte a pixel.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while data[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !data[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..at]).to_string());
    }
    at += 1;
    assert_eq!(fields[0], "P5");
    let width: usize = fields[1].parse().expect("a width");
    let height: usize = fields[2].parse().expect("a height");
    let pixels = &data[at..at + width * height];
    // Below the title's rule (about 110 pt down) and above the footer.
    pixels[width * 110..width * (height - 60)]
        .iter()
        .filter(|p| **p < 128)
        .count()
}

#[test]
fn tibetan_and_uyghur_text_is_drawn_not_left_blank() {
    let blank = report("en", false, "T", "", vec![]);
    let none = ink(&pdf_file(&blank));
    for doc in [tibetan(), uyghur()] {
        let pixels = ink(&pdf_file(&doc));
        assert!(
            pixels > none + 500,
            "{}: {pixels} dark pixels below the title (an empty report has {none})",
            doc.lang
        );
    }
}

#[test]
fn the_pdf_is_the_same_every_time_and_says_nothing_of_the_machine() {
    let doc = mixed();
    let a = doc.to_pdf(fonts()).expect("a PDF");
    let b = doc.to_pdf(fonts()).expect("a PDF");
    assert!(a == b, "two renderings differ");
    let pdf = pdf_file(&doc);
    let info = poppler("pdfinfo", &[pdf.path()]);
    for key in ["CreationDate", "ModDate", "Producer", "Creator", "Author"] {
        assert!(
            !info.lines().any(|l| l.starts_with(key)),
            "pdfinfo shows {key}:\n{info}"
        );
    }
    if let Ok(host) = std::fs::read_to_string("/etc/hostname") {
        let host = host.trim();
        if host.len() >= 4 {
            assert!(!a.windows(host.len()).any(|w| w == host.as_bytes()));
        }
    }
}

#[test]
fn hostile_text_renders_without_panicking() {
    let marks = format!("a{}", "\u{301}".repeat(3_000));
    let subjoined = "\u{f92}".repeat(2_000);
    let values = [
        "nul\u{0} escape\u{1b}[31m bell\u{7} del\u{7f} c1\u{85}\u{9b}".to_string(),
        "\u{202e}evil\u{202c} \u{202d}\u{202b}nested\u{202c}\u{202c} overrides".to_string(),
        "\u{2067}unclosed isolate \u{2069}\u{2069}\u{2069} lone pops \u{2066}\u{2068}".to_string(),
        String::new(),
        " \n\n\t \r\n ".to_string(),
        "\n".repeat(10_000),
        marks,
        subjoined,
        "👩\u{200d}👩\u{200d}👧 emoji \u{fe0f}\u{fe0f} \u{feff} \u{fffe}\u{ffff} \u{e0041}"
            .to_string(),
        "עברית हिन्दी ไทย ᠮᠣᠩᠭᠣᠯ ꦗꦮ 𓀀".to_string(),
        "ab\u{200b}".repeat(2_000),
        "(".repeat(500) + &"\u{5d0}".repeat(500) + &")".repeat(500),
    ];
    for value in &values {
        let doc = report("en", false, value, value, vec![field(value, value)]);
        let pdf = doc.to_pdf(fonts()).unwrap_or_else(|e| panic!("{e}"));
        assert!(pdf.starts_with(b"%PDF-"));
        let rtl = report("ug", true, value, value, vec![field(value, value)]);
        rtl.to_pdf(fonts()).unwrap_or_else(|e| panic!("{e}"));
        let html = doc.to_html();
        assert!(!html.contains('\u{0}') && !html.contains('\u{202e}'));
    }
}

#[test]
fn overrides_are_dropped_so_text_reads_as_typed() {
    let doc = report(
        "en",
        false,
        "T",
        "",
        vec![field("F", "pay \u{202e}0001\u{202c} now")],
    );
    let text = extracted(&pdf_file(&doc));
    assert!(text.contains("pay 0001 now"), "{text}");
    assert!(doc.to_html().contains("pay 0001 now"));
}

#[test]
fn scrambled_text_never_panics() {
    const POOL: &[char] = &[
        'a', 'Z', ' ', ' ', '\n', '1', '.', '(', ')', 'é', '\u{301}', '中', '文', '。', 'ب', 'ې',
        'ئ', '\u{64b}', '\u{670}', 'ཀ', '\u{f92}', '\u{f7a}', '་', '།', '\u{200d}', '\u{200c}',
        '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}',
        '\u{202e}', '\u{0}', '\u{1b}', '\t', '\r', '\u{2028}', '\u{2029}', '\u{fffd}', '😀',
        '\u{fe0f}', 'א', '-', '/', '\u{a0}', '\u{3000}', '\u{ad}',
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..150 {
        let len = (next() % 400) as usize;
        let text: String = (0..len)
            .map(|_| POOL[(next() % POOL.len() as u64) as usize])
            .collect();
        let doc = report(
            if round % 2 == 0 { "ug" } else { "bo" },
            round % 2 == 0,
            &text,
            &text,
            vec![field(&text, &text)],
        );
        doc.to_pdf(fonts())
            .unwrap_or_else(|e| panic!("round {round}: {e} for {text:?}"));
        let _ = doc.to_html();
    }
}

#[test]
fn an_empty_report_is_one_page() {
    let pdf = pdf_file(&ReportDocument::default());
    assert_eq!(pages(&pdf), 1);
}

#[test]
fn text_past_the_limit_is_refused_with_what_to_do() {
    let doc = report(
        "en",
        false,
        "T",
        "",
        vec![field("F", &"a".repeat(MAX_PDF_CHARS + 1))],
    );
    let err = doc.to_pdf(fonts()).expect_err("too long");
    assert!(matches!(err, DocumentError::TooLong { .. }));
    assert!(err.to_string().contains("share the HTML version"), "{err}");
}

#[test]
fn missing_fonts_name_the_debian_package_to_install() {
    let empty = std::env::temp_dir().join(format!("haven-no-fonts-{}", std::process::id()));
    std::fs::create_dir_all(&empty).expect("a temporary directory");
    let err = Fonts::load_from(Path::new(&empty)).expect_err("no fonts there");
    let _ = std::fs::remove_dir_all(&empty);
    assert!(matches!(
        err,
        DocumentError::FontMissing {
            package: "fonts-noto-core",
            ..
        }
    ));
    assert!(
        err.to_string().contains("apt-get install fonts-noto-core"),
        "{err}"
    );
}

#[test]
fn fonts_can_be_shared_between_threads() {
    fn shared<T: Send + Sync + 'static>() {}
    shared::<Fonts>();
    let handles: Vec<_> = (0..2)
        .map(|_| std::thread::spawn(|| chinese().to_pdf(fonts()).map(|pdf| pdf.len())))
        .collect();
    for handle in handles {
        assert!(handle.join().expect("no panic").expect("a PDF") > 0);
    }
}

#[test]
fn html_is_self_contained_escaped_and_directed() {
    let html = english().to_html();
    assert!(
        html.contains("&#60;script&#62;alert(1)&#60;/script&#62;"),
        "{html}"
    );
    assert!(html.contains("a&#38;b &#34;quoted&#34;"));
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "no script element");
    for resource in [
        "src=", "href=", "url(", "@import", "<link", "<img", "<iframe", "<object",
    ] {
        assert!(
            !lower.contains(resource),
            "the HTML loads nothing ({resource})"
        );
    }
    assert!(!lower.contains("http:") && !lower.contains("https:"));
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(html.contains("<style>"));
    assert!(html.contains("default-src 'none'"));
    for family in [
        "Noto Sans",
        "Noto Naskh Arabic",
        "Noto Serif Tibetan",
        "Noto Sans CJK SC",
    ] {
        assert!(html.contains(family), "{family} is in the font stacks");
    }

    let ug = uyghur().to_html();
    assert!(ug.contains("<html lang=\"ug\" dir=\"rtl\">"));
    assert!(ug.contains("ماڭا تېلېفون قىلىپ"));

    let mut hostile = english();
    hostile.lang = "en\" onload=\"x".to_string();
    assert!(
        hostile
            .to_html()
            .contains("<html lang=\"und\" dir=\"ltr\">")
    );
}

#[test]
fn html_keeps_the_paragraphs_and_shows_every_text() {
    for (name, doc) in all_samples() {
        let html = doc.to_html();
        for text in texts(&doc) {
            // As askama escapes.
            let escaped = text
                .replace('&', "&#38;")
                .replace('<', "&#60;")
                .replace('>', "&#62;")
                .replace('"', "&#34;")
                .replace('\'', "&#39;");
            for paragraph in escaped.split("\n\n") {
                assert!(
                    html.contains(paragraph.trim()),
                    "{name}: {paragraph:?} missing"
                );
            }
        }
    }
}

#[test]
fn debug_shows_no_report_text() {
    let shown = format!("{:?}", english());
    assert!(
        !shown.contains("consulate") && !shown.contains("HVN-2041"),
        "{shown}"
    );
}

#[test]
fn headings_and_labels_are_never_left_at_the_foot_of_a_page() {
    let sections: Vec<Section> = (0..6)
        .map(|s| Section {
            heading: format!("Heading {s}"),
            fields: (0..9)
                .map(|f| {
                    field(
                        &format!("Label {s}.{f}"),
                        &"The same car waited outside again. ".repeat(4 + (s * 9 + f) % 11),
                    )
                })
                .collect(),
        })
        .collect();
    let doc = ReportDocument {
        lang: "en".to_string(),
        rtl: false,
        title: "Report".to_string(),
        intro: String::new(),
        sections,
    };
    let shapers = Shapers::new(fonts(), "en");
    let pages = layout::lay_out(&doc, &shapers).unwrap_or_else(|e| panic!("{e}"));
    assert!(pages.len() > 3, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        let last = page
            .items
            .iter()
            .rev()
            .find_map(|item| match item {
                Item::Line { line, .. } if !is_page_number(&line.text) => Some(&*line.text),
                _ => None,
            })
            .expect("every page has text");
        assert!(
            !last.starts_with("Heading") && !last.starts_with("Label"),
            "page {} ends with {last:?}",
            i + 1
        );
    }
}
