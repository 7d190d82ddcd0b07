//! Evidence files: limits, and the allow-list of types, decided from the
//! bytes themselves (never from the file name or the declared type).

/// Largest single file.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// Largest total of files in one submission.
pub const MAX_TOTAL_BYTES: usize = 25 * 1024 * 1024;
/// Most files in one submission.
pub const MAX_FILES: usize = 10;

/// A file as uploaded, checked, before sealing.
pub struct EvidenceUpload {
    pub name: String,
    pub media_type: &'static str,
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for EvidenceUpload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EvidenceUpload({}, {} bytes)", self.media_type, self.bytes.len())
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
    let clean = text.chars().all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'));
    let head = text.trim_start_matches('\u{feff}').trim_start().to_ascii_lowercase();
    let markup = head.starts_with('<')
        || ["<svg", "<html", "<script", "<!doctype", "<?xml", "<iframe"].iter().any(|m| head.contains(m));
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
            jpeg.segments_mut().retain(|s| {
                let m = s.marker();
                let app = (0xE0..=0xEF).contains(&m);
                !(app && !matches!(m, 0xE0 | 0xE2 | 0xEE) || m == 0xFE)
            });
            let removed = jpeg.segments().len() != before;
            Some((jpeg.encoder().bytes().to_vec(), removed))
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

/// A file name safe to show and to offer for download: no path, no control
/// characters, no quotes; at most 100 characters.
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '\'' | ';' | '<' | '>' | '*' | '?' | '|' | ':'))
        .take(100)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_string();
    if cleaned.is_empty() { "evidence".to_string() } else { cleaned }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_bytes() {
        assert_eq!(detect_type(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some("image/png"));
        assert_eq!(detect_type(b"%PDF-1.7\n"), Some("application/pdf"));
        assert_eq!(detect_type("plain words, 中文, ئۇيغۇر\n".as_bytes()), Some("text/plain"));
        assert_eq!(detect_type(b"MZ\x90\0\x03\0\0\0"), None, "a Windows executable is refused");
        assert_eq!(detect_type(b"\x7fELF\x02\x01\x01"), None);
        assert_eq!(detect_type(b"bin\0ary"), None);
    }

    #[test]
    fn markup_is_not_plain_text() {
        assert_eq!(detect_type(b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"), None);
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
        v.extend_from_slice(&[0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        v.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0x34, 0x56]);
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
        assert!(clean.windows(4).any(|w| w == b"JFIF"), "the image itself is kept");
        assert_eq!(detect_type(&clean), Some("image/jpeg"));
    }

    #[test]
    fn an_unreadable_image_is_refused_not_stored_with_its_metadata() {
        assert!(strip_metadata("image/jpeg", vec![0xFF, 0xD8, 0xFF, 0xE1, 0xFF]).is_none());
        assert_eq!(strip_metadata("application/pdf", b"%PDF-1.7".to_vec()).unwrap().1, false);
    }

    #[test]
    fn file_names_lose_paths_and_dangerous_characters() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("C:\\Users\\me\\photo.jpg"), "photo.jpg");
        assert_eq!(clean_file_name("a\"b\r\n.txt"), "ab.txt");
        assert_eq!(clean_file_name(".."), "evidence");
        assert_eq!(clean_file_name(""), "evidence");
    }
}
