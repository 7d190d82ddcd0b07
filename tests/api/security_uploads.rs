//! Security claim 5, uploads: hostile files are refused, cleaned, or only
//! ever downloaded.

use crate::helpers::*;
use crate::security_helpers::evidence_of;

/// Claim: hostile uploads are refused, cleaned, or only ever downloaded.
#[tokio::test]
async fn claim_uploads_polyglot_traversal_oversized_svg_and_gps() {
    let app = spawn_app().await;
    // An SVG with a script: refused, nothing stored.
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    assert_eq!(
        app.submit_report(ReportForm::new("svg").file("x.svg", svg))
            .await
            .status(),
        422
    );
    // Oversized: 413, nothing stored.
    assert_eq!(
        app.submit_report(
            ReportForm::new("big").file("big.txt", &vec![b'a'; 10 * 1024 * 1024 + 1])
        )
        .await
        .status(),
        413
    );
    assert_eq!(app.count("cases"), 0);
    // A polyglot (a JPEG that is also an HTML page), a traversal name, and
    // a JPEG carrying GPS tags.
    let mut polyglot = haven_jpeg_with_gps();
    polyglot.splice(
        2..2,
        b"\xFF\xFE\x00\x2C<html><script>alert(document.cookie)</script>"
            .iter()
            .copied(),
    );
    let (reference, _) = app
        .file_report(
            ReportForm::new("uploads")
                .file("polyglot.jpg.html", &polyglot)
                .file("../../etc/passwd", b"root:x:0:0:not really\n")
                .file("photo.jpg", &haven_jpeg_with_gps()),
        )
        .await;
    let receipt_page = app.get_text("/report/receipt").await;
    assert!(
        receipt_page.contains("We removed location and camera data from 2 photos"),
        "the reporter is told"
    );
    app.login_as("caseworker").await;
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(
        page.contains(">passwd</a>") && !page.contains("../"),
        "the path is gone from the name"
    );
    for (_, res) in evidence_of(&app, &reference).await {
        let h = res.headers().clone();
        assert_eq!(h.get("content-type").unwrap(), "application/octet-stream");
        assert!(
            h.get("content-disposition")
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("attachment")
        );
        assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
        assert!(
            h.get("content-security-policy")
                .unwrap()
                .to_str()
                .unwrap()
                .contains("sandbox")
        );
        let body = res.bytes().await.unwrap();
        assert!(
            !body.windows(11).any(|w| w == b"GPSLatitude"),
            "no GPS in what is downloaded"
        );
        assert!(
            !body.windows(7).any(|w| w == b"<script"),
            "the polyglot's comment with HTML is gone too"
        );
    }
    assert!(!dump_reveals(&app.pg_dump(), "GPSLatitude"));
}

/// A minimal JPEG with an EXIF segment holding GPS tags.
fn haven_jpeg_with_gps() -> Vec<u8> {
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

/// Claim: evidence downloads cannot be framed, and cleaning a JPEG never
/// cuts it at bytes that only look like a marker inside a kept segment.
#[tokio::test]
async fn claim_evidence_downloads_are_unframeable_and_colour_profiles_survive() {
    let app = spawn_app().await;
    let mut icc = b"ICC_PROFILE\0\x01\x01".to_vec();
    icc.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x04, 0xAB, 0xFF, 0xD9, 0xFF, 0xE1, 0x33]);
    icc.extend_from_slice(b"profile data that continues after the look-alikes");
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE2];
    jpeg.extend_from_slice(&((icc.len() + 2) as u16).to_be_bytes());
    jpeg.extend_from_slice(&icc);
    jpeg.extend_from_slice(&[
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0xFF, 0x00, 0x56, 0xFF,
        0xD0, 0x78, 0xFF, 0xD9,
    ]);
    let (reference, _) = app
        .file_report(ReportForm::new("colour").file("photo.jpg", &jpeg))
        .await;
    app.login_as("caseworker").await;
    let downloads = evidence_of(&app, &reference).await;
    assert_eq!(downloads.len(), 1);
    for (_, res) in downloads {
        let csp = res
            .headers()
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(csp.contains("sandbox"), "{csp}");
        assert_eq!(
            res.bytes().await.unwrap().to_vec(),
            jpeg,
            "the photo is whole"
        );
    }
}
