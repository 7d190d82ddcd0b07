//! Reading the intake form's multipart body into memory, within limits.
//! Nothing is written to disk: evidence goes from the socket to the cipher.

use actix_multipart::{Field, Multipart};
use futures_util::StreamExt;

use crate::cases::evidence::{
    EvidenceUpload, MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES, clean_file_name, detect_type,
    strip_metadata,
};
use crate::domain::RawIntake;
use crate::web::AppError;

/// Largest text field (the narrative: 20,000 characters of up to 4 bytes).
const MAX_TEXT_FIELD_BYTES: usize = 128 * 1024;
/// Most parts in one body, so a flood of tiny fields cannot exhaust memory.
const MAX_PARTS: usize = 100;

/// The form as received.
#[derive(Default)]
pub struct IntakeUpload {
    pub raw: RawIntake,
    pub files: Vec<EvidenceUpload>,
    pub csrf_token: String,
    /// A file was refused (type not allowed, or an unreadable image).
    pub refused_file: bool,
    /// Images whose location and camera metadata were removed.
    pub stripped: usize,
}

async fn read_field(field: &mut Field, limit: usize) -> Result<Vec<u8>, AppError> {
    let mut buf = Vec::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|_| AppError::BadRequest)?;
        if buf.len() + chunk.len() > limit {
            return Err(AppError::PayloadTooLarge);
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(buf)
}

fn text(bytes: Vec<u8>) -> Result<String, AppError> {
    String::from_utf8(bytes).map_err(|_| AppError::BadRequest)
}

/// How long a client may take to send the whole form: a slow sender must
/// not hold a worker forever.
const BODY_DEADLINE: std::time::Duration = std::time::Duration::from_secs(120);

pub async fn read_intake(body: Multipart) -> Result<IntakeUpload, AppError> {
    tokio::time::timeout(BODY_DEADLINE, read_all(body))
        .await
        .map_err(|_| AppError::Timeout)?
}

async fn read_all(mut body: Multipart) -> Result<IntakeUpload, AppError> {
    let mut out = IntakeUpload::default();
    let mut total_file_bytes = 0usize;
    let mut parts = 0usize;
    while let Some(field) = body.next().await {
        let mut field = field.map_err(|_| AppError::BadRequest)?;
        parts += 1;
        if parts > MAX_PARTS {
            return Err(AppError::PayloadTooLarge);
        }
        let name = field.name().unwrap_or_default().to_string();
        if name == "evidence" {
            let file_name = field
                .content_disposition()
                .and_then(|cd| cd.get_filename().map(str::to_string))
                .unwrap_or_default();
            let bytes = read_field(&mut field, MAX_FILE_BYTES).await?;
            if bytes.is_empty() && file_name.is_empty() {
                continue; // the browser's empty file input
            }
            total_file_bytes += bytes.len();
            if total_file_bytes > MAX_TOTAL_BYTES || out.files.len() >= MAX_FILES {
                return Err(AppError::PayloadTooLarge);
            }
            match detect_type(&bytes)
                .and_then(|t| strip_metadata(t, bytes).map(|(b, removed)| (t, b, removed)))
            {
                Some((media_type, bytes, removed)) => {
                    out.stripped += usize::from(removed);
                    out.files.push(EvidenceUpload {
                        name: clean_file_name(&file_name),
                        media_type,
                        bytes,
                    })
                }
                None => out.refused_file = true,
            }
            continue;
        }
        let value = text(read_field(&mut field, MAX_TEXT_FIELD_BYTES).await?)?;
        let raw = &mut out.raw;
        match name.as_str() {
            "narrative" => raw.narrative = value,
            "kinds" => raw.kinds.push(value),
            "reporter_role" => raw.reporter_role = value,
            "occurred_on" => raw.occurred_on = value,
            "city" => raw.city = value,
            "province" => raw.province = value,
            "community" => raw.community = value,
            "channels" => raw.channels.push(value),
            "state_link" => raw.state_link = value,
            "demands" => raw.demands.push(value),
            "involved" => raw.involved = value,
            "family_affected" => raw.family_affected = true,
            "prior_reports" => raw.prior_reports = value,
            "immediate_danger" => raw.immediate_danger = true,
            "support" => raw.support.push(value),
            "contact_method" => raw.contact_method = value,
            "contact_value" => raw.contact_value = value,
            "consent_referral" => raw.consent_referral = true,
            "consent_police" => raw.consent_police = true,
            "consent_stats" => raw.consent_stats = true,
            "lang" => raw.lang = value,
            "csrf_token" => out.csrf_token = value,
            _ => {} // unknown fields are ignored, not stored
        }
    }
    Ok(out)
}
