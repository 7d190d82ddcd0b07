//! Evidence files: limits, and the allow-list of types, decided from the
//! bytes themselves (never from the file name or the declared type).

/// Largest single file.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// Largest total of files in one submission.
pub const MAX_TOTAL_BYTES: usize = 25 * 1024 * 1024;
/// Most files in one submission.
pub const MAX_FILES: usize = 10;
/// Most files one case holds, however many times the reporter comes back.
pub const MAX_CASE_FILES: i64 = 30;
/// Largest total size of one case's files.
pub const MAX_CASE_BYTES: i64 = 100 * 1024 * 1024;

/// Whether a case holding `held_files` files of `held_bytes` may take
/// `new_files` more of `new_bytes`: a reporter's link cannot be used to
/// fill the evidence store.
pub fn within_case_cap(held_files: i64, held_bytes: i64, new_files: i64, new_bytes: i64) -> bool {
    held_files + new_files <= MAX_CASE_FILES && held_bytes + new_bytes <= MAX_CASE_BYTES
}

/// A file as uploaded, checked, before sealing.
pub struct EvidenceUpload {
    pub name: String,
    pub media_type: &'static str,
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for EvidenceUpload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "EvidenceUpload({}, {} bytes)",
            self.media_type,
            self.bytes.len()
        )
    }
}

/// The allowed types: images, PDF, plain text, and common audio and video.
const ALLOWED: &[&str] = &[
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "image/heif",
    "image/heic",
    "application/pdf",
    "audio/mpeg",
    "audio/m4a",
    "audio/x-m4a",
    "audio/ogg",
    "audio/x-wav",
    "audio/aac",
    "audio/x-flac",
    "video/mp4",
    "video/quicktime",
    "video/webm",
    "video/x-matroska",
];

/// The type of `bytes` if it is on the allow-list.
pub fn detect_type(bytes: &[u8]) -> Option<&'static str> {
    if let Some(kind) = infer::get(bytes) {
        return ALLOWED.iter().copied().find(|a| *a == kind.mime_type());
    }
    // Plain text has no magic number: valid UTF-8 without control bytes,
    // and not markup (an SVG or HTML page is not plain text).
    let text = std::str::from_utf8(bytes).ok()?;
    let clean = text
        .chars()
        .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'));
    let head = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    let markup = head.starts_with('<')
        || ["<svg", "<html", "<script", "<!doctype", "<?xml", "<iframe"]
            .iter()
            .any(|m| head.contains(m));
    (!bytes.is_empty() && clean && !markup).then_some("text/plain")
}

/// Removes location, camera and other metadata from JPEG, PNG and WebP
/// images without re-encoding them. Returns the cleaned bytes and whether
/// anything was removed; `None` when an image cannot be read (and so is
/// refused rather than stored with its metadata). Other types are returned
/// unchanged: no maintained crate removes HEIC metadata, and the form says
/// so.
pub fn strip_metadata(media_type: &str, bytes: Vec<u8>) -> Option<(Vec<u8>, bool)> {
    use img_parts::Bytes;
    match media_type {
        "image/jpeg" => {
            let mut jpeg = img_parts::jpeg::Jpeg::from_bytes(Bytes::from(bytes)).ok()?;
            let before = jpeg.segments().len();
            // Keep JFIF (APP0), the colour profile (APP2) and Adobe's colour
            // transform (APP14); drop EXIF and XMP (APP1, where GPS lives),
            // IPTC (APP13), every other application segment and comments.
            // APP2 also carries the MPF index of embedded preview images.
            jpeg.segments_mut().retain(|s| {
                let m = s.marker();
                let app = (0xE0..=0xEF).contains(&m);
                let mpf = m == 0xE2 && s.contents().starts_with(b"MPF\0");
                !(app && !matches!(m, 0xE0 | 0xE2 | 0xEE) || m == 0xFE || mpf)
            });
            let removed = jpeg.segments().len() != before;
            let (bytes, trailing) = end_at_eoi(jpeg.encoder().bytes().to_vec())?;
            Some((bytes, removed || trailing))
        }
        "image/png" => {
            let mut png = img_parts::png::Png::from_bytes(Bytes::from(bytes)).ok()?;
            let before = png.chunks().len();
            for kind in [*b"eXIf", *b"tEXt", *b"zTXt", *b"iTXt", *b"tIME"] {
                png.remove_chunks_by_type(kind);
            }
            let removed = png.chunks().len() != before;
            Some((png.encoder().bytes().to_vec(), removed))
        }
        "image/webp" => {
            let mut webp = img_parts::webp::WebP::from_bytes(Bytes::from(bytes)).ok()?;
            let before = webp.chunks().len();
            webp.remove_chunks_by_id(img_parts::webp::CHUNK_EXIF);
            webp.remove_chunks_by_id(img_parts::webp::CHUNK_XMP);
            let removed = webp.chunks().len() != before;
            Some((webp.encoder().bytes().to_vec(), removed))
        }
        _ => Some((bytes, false)),
    }
}

/// Invisible formatting characters (bidi overrides, zero-width marks) that
/// can make `report\u{202e}fdp.js` look like `reportsj.pdf`.
fn is_format_char(c: char) -> bool {
    matches!(c as u32, 0x061C | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB)
}

/// The extension a download of `media_type` gets, whatever its name said.
pub fn extension_for(media_type: &str) -> &'static str {
    match media_type {
        "image/jpeg" => "jpg",
        "image/png" => "png",
        "image/gif" => "gif",
        "image/webp" => "webp",
        "image/heif" | "image/heic" => "heic",
        "application/pdf" => "pdf",
        "audio/mpeg" => "mp3",
        "audio/m4a" | "audio/x-m4a" => "m4a",
        "audio/ogg" => "ogg",
        "audio/x-wav" => "wav",
        "audio/aac" => "aac",
        "audio/x-flac" => "flac",
        "video/mp4" => "mp4",
        "video/quicktime" => "mov",
        "video/webm" => "webm",
        "video/x-matroska" => "mkv",
        _ => "txt",
    }
}

/// The name a file is downloaded under: its cleaned name, ending in the
/// extension of the type found in its bytes (so `statement.js` holding
/// text is downloaded as `statement.js.txt` and never runs on a click).
pub fn download_name(name: &str, media_type: &str) -> String {
    let ext = extension_for(media_type);
    let lower = name.to_lowercase();
    if lower.ends_with(&format!(".{ext}")) || (ext == "jpg" && lower.ends_with(".jpeg")) {
        name.to_string()
    } else {
        format!("{name}.{ext}")
    }
}

/// A file name safe to show and to offer for download: no path, no control
/// or invisible formatting characters, no quotes; at most 100 characters.
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| {
            !c.is_control()
                && !is_format_char(*c)
                && !matches!(c, '"' | '\'' | ';' | '<' | '>' | '*' | '?' | '|' | ':')
        })
        .take(100)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_string();
    if cleaned.is_empty() {
        "evidence".to_string()
    } else {
        cleaned
    }
}

/// The parser keeps everything after the first scan as it is: cut the file
/// at its end-of-image marker (dropping appended images and data, such as
/// a camera's embedded previews with their own location data), and refuse
/// a file with metadata segments between scans, which cannot be removed
/// without decoding. Returns the bytes and whether anything was cut.
///
/// The file is walked segment by segment, each skipped by its declared
/// length, and scans by the JPEG rules for entropy-coded data (stuffed
/// `FF 00`, restart markers): bytes that only look like markers inside a
/// kept segment (an ICC profile, a thumbnail) are never taken for one.
fn end_at_eoi(mut bytes: Vec<u8>) -> Option<(Vec<u8>, bool)> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut i = 2;
    let mut scanned = false;
    loop {
        if *bytes.get(i)? != 0xFF {
            return None;
        }
        while *bytes.get(i + 1)? == 0xFF {
            i += 1; // fill bytes before a marker
        }
        let marker = bytes[i + 1];
        i += 2;
        match marker {
            0xD9 => {
                let cut = i < bytes.len();
                bytes.truncate(i);
                return Some((bytes, cut));
            }
            0xD0..=0xD7 | 0x01 => continue, // markers without a length
            0xE0..=0xEF | 0xFE if scanned => return None,
            _ => {}
        }
        let length = usize::from(u16::from_be_bytes([*bytes.get(i)?, *bytes.get(i + 1)?]));
        if length < 2 {
            return None;
        }
        i += length;
        if marker == 0xDA {
            scanned = true;
            i = end_of_scan(&bytes, i)?;
        }
    }
}

/// Where the entropy-coded data that starts at `i` ends: at the first
/// marker that is neither a stuffed zero, a restart marker nor a fill byte.
fn end_of_scan(bytes: &[u8], mut i: usize) -> Option<usize> {
    loop {
        if *bytes.get(i)? == 0xFF {
            match *bytes.get(i + 1)? {
                0x00 | 0xD0..=0xD7 => i += 2,
                0xFF => i += 1,
                _ => return Some(i),
            }
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_bytes() {
        assert_eq!(
            detect_type(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some("image/png")
        );
        assert_eq!(detect_type(b"%PDF-1.7\n"), Some("application/pdf"));
        assert_eq!(
            detect_type("plain words, 中文, ئۇيغۇر\n".as_bytes()),
            Some("text/plain")
        );
        assert_eq!(
            detect_type(b"MZ\x90\0\x03\0\0\0"),
            None,
            "a Windows executable is refused"
        );
        assert_eq!(detect_type(b"\x7fELF\x02\x01\x01"), None);
        assert_eq!(detect_type(b"bin\0ary"), None);
    }

    #[test]
    fn markup_is_not_plain_text() {
        assert_eq!(
            detect_type(b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
            None
        );
        assert_eq!(detect_type(b"  <html><body>x</body></html>"), None);
        assert_eq!(detect_type(b"notes\n<script>alert(1)</script>"), None);
        assert_eq!(detect_type(b"a < b and c > d"), Some("text/plain"));
    }

    /// A minimal JPEG with an EXIF segment holding GPS-like data.
    pub(crate) fn jpeg_with_exif() -> Vec<u8> {
        let mut v = vec![0xFF, 0xD8];
        let exif = b"Exif\0\0GPSLatitude 43.6532 N GPSLongitude 79.3832 W";
        v.extend_from_slice(&[0xFF, 0xE1]);
        v.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
        v.extend_from_slice(exif);
        v.extend_from_slice(&[
            0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
        ]);
        v.extend_from_slice(&[
            0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0x34, 0x56,
        ]);
        v.extend_from_slice(&[0xFF, 0xD9]);
        v
    }

    #[test]
    fn gps_data_is_removed_from_jpeg() {
        let jpeg = jpeg_with_exif();
        assert_eq!(detect_type(&jpeg), Some("image/jpeg"));
        let (clean, removed) = strip_metadata("image/jpeg", jpeg).unwrap();
        assert!(removed);
        assert!(!clean.windows(11).any(|w| w == b"GPSLatitude"));
        assert!(
            clean.windows(4).any(|w| w == b"JFIF"),
            "the image itself is kept"
        );
        assert_eq!(detect_type(&clean), Some("image/jpeg"));
    }

    #[test]
    fn data_after_the_end_of_the_image_is_cut() {
        let mut jpeg = jpeg_with_exif();
        jpeg.extend_from_slice(b"\xFF\xD8\xFF\xE1\x00\x10Exif\0\0GPSLatitude");
        let (clean, removed) = strip_metadata("image/jpeg", jpeg).unwrap();
        assert!(removed);
        assert!(clean.ends_with(&[0xFF, 0xD9]));
        assert!(!clean.windows(11).any(|w| w == b"GPSLatitude"));
    }

    /// A JPEG whose kept colour profile holds bytes that look like the
    /// start-of-scan and end-of-image markers.
    pub(crate) fn jpeg_with_marker_like_icc() -> Vec<u8> {
        let mut v = vec![0xFF, 0xD8];
        let mut icc = b"ICC_PROFILE\0\x01\x01".to_vec();
        icc.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x04, 0xAB, 0xFF, 0xD9, 0xFF, 0xE1, 0x33]);
        icc.extend_from_slice(b"profile data that continues after the look-alikes");
        v.extend_from_slice(&[0xFF, 0xE2]);
        v.extend_from_slice(&((icc.len() + 2) as u16).to_be_bytes());
        v.extend_from_slice(&icc);
        v.extend_from_slice(&[
            0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0xFF, 0x00, 0x56,
            0xFF, 0xD0, 0x78,
        ]);
        v.extend_from_slice(&[0xFF, 0xD9]);
        v
    }

    #[test]
    fn bytes_that_only_look_like_markers_inside_a_kept_segment_are_kept() {
        let jpeg = jpeg_with_marker_like_icc();
        let (clean, removed) = strip_metadata("image/jpeg", jpeg.clone()).unwrap();
        assert!(!removed, "nothing to remove");
        assert_eq!(clean, jpeg, "the file is kept whole");
        let mut trailing = jpeg.clone();
        trailing.extend_from_slice(b"appended");
        let (clean, removed) = strip_metadata("image/jpeg", trailing).unwrap();
        assert!(removed);
        assert_eq!(clean, jpeg);
    }

    #[test]
    fn an_unreadable_image_is_refused_not_stored_with_its_metadata() {
        assert!(strip_metadata("image/jpeg", vec![0xFF, 0xD8, 0xFF, 0xE1, 0xFF]).is_none());
        assert!(
            !strip_metadata("application/pdf", b"%PDF-1.7".to_vec())
                .unwrap()
                .1
        );
    }

    #[test]
    fn downloads_end_in_the_extension_of_their_real_type() {
        assert_eq!(
            download_name("statement.js", "text/plain"),
            "statement.js.txt"
        );
        assert_eq!(download_name("photo.JPEG", "image/jpeg"), "photo.JPEG");
        assert_eq!(download_name("scan.pdf", "application/pdf"), "scan.pdf");
        assert_eq!(clean_file_name("report\u{202e}fdp.js"), "reportfdp.js");
    }

    #[test]
    fn file_names_lose_paths_and_dangerous_characters() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("C:\\Users\\me\\photo.jpg"), "photo.jpg");
        assert_eq!(clean_file_name("a\"b\r\n.txt"), "ab.txt");
        assert_eq!(clean_file_name(".."), "evidence");
        assert_eq!(clean_file_name(""), "evidence");
    }

    #[test]
    fn a_case_takes_evidence_up_to_its_cap() {
        assert!(within_case_cap(0, 0, MAX_CASE_FILES, MAX_CASE_BYTES));
        assert!(within_case_cap(20, 1_000, 10, 1_000));
        assert!(!within_case_cap(30, 1_000, 1, 10));
        assert!(!within_case_cap(5, MAX_CASE_BYTES - 10, 1, 11));
    }
}
