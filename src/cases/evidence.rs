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
    // Plain text has no magic number: valid UTF-8 without control bytes.
    let text = std::str::from_utf8(bytes).ok()?;
    let clean = text.chars().all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'));
    (!bytes.is_empty() && clean).then_some("text/plain")
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
    fn file_names_lose_paths_and_dangerous_characters() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("C:\\Users\\me\\photo.jpg"), "photo.jpg");
        assert_eq!(clean_file_name("a\"b\r\n.txt"), "ab.txt");
        assert_eq!(clean_file_name(".."), "evidence");
        assert_eq!(clean_file_name(""), "evidence");
    }
}
