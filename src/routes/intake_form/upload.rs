//! Reading the intake form's multipart body into memory, within limits.
//! Nothing is written to disk: evidence goes from the socket to the cipher.

use actix_multipart::{Field, Multipart};
use futures_util::StreamExt;

use crate::cases::evidence::{
    EvidenceUpload, MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES, clean_file_name, detect_type,
    strip_metadata,
};
use crate::domain::text::SingleLine;
use crate::domain::{FieldError, IntakeErrors, NewReport, RawIntake};
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
    /// For each of `files`: whether location and camera data were removed.
    pub stripped_flags: Vec<bool>,
    pub csrf_token: String,
    /// The public form's steps: the draft's token, the step sent, what the
    /// reporter asked for (`next`, `back`, `send`, `all`), a language to
    /// switch to, and a held file to remove.
    pub draft: String,
    pub step: Option<String>,
    pub go: String,
    pub switch_lang: String,
    pub remove_file: String,
    /// A file was refused (type not allowed, or an unreadable image).
    pub refused_file: bool,
    /// Images whose location and camera metadata were removed.
    pub stripped: usize,
    /// A file name held a control character.
    pub bad_file_name: bool,
    /// The single-value fields received so far.
    seen: Vec<&'static str>,
}

/// The fields that take one value; a second one is refused, not kept.
const SINGLE_VALUE_FIELDS: &[&str] = &[
    "narrative",
    "reporter_role",
    "occurred_on",
    "occurred_unsure",
    "city",
    "province",
    "community",
    "state_link",
    "involved",
    "identifiers",
    "family_affected",
    "prior_reports",
    "immediate_danger",
    "contact_method",
    "contact_value",
    "consent_referral",
    "consent_police",
    "consent_stats",
    "lang",
    "csrf_token",
    "draft",
    "step",
    "go",
    "switch_lang",
    "remove_file",
];

impl IntakeUpload {
    /// The report, or every problem with the form (fields and files).
    pub fn parse(&self, today: chrono::NaiveDate) -> Result<NewReport, IntakeErrors> {
        let parsed = NewReport::parse(&self.raw, today);
        if !self.refused_file && !self.bad_file_name {
            return parsed;
        }
        let mut errors = parsed.err().unwrap_or_default();
        errors.0.push(FieldError {
            field: "evidence",
            message: if self.bad_file_name {
                "error-evidence-name"
            } else {
                "error-evidence-type"
            },
        });
        Err(errors)
    }

    /// The files received, each with whether its metadata was removed.
    pub fn take_files(&mut self) -> Vec<(EvidenceUpload, bool)> {
        let flags = std::mem::take(&mut self.stripped_flags);
        std::mem::take(&mut self.files)
            .into_iter()
            .zip(flags)
            .collect()
    }

    /// Whether any file was dropped from the form (it must be chosen again).
    pub fn files_dropped(&self) -> bool {
        !self.files.is_empty() || self.refused_file || self.bad_file_name
    }

    /// Files one text field of the form where it belongs.
    fn set(&mut self, name: &str, value: String) {
        if let Some(field) = SINGLE_VALUE_FIELDS.iter().find(|f| **f == name) {
            if self.seen.contains(field) {
                if !self.raw.repeated.contains(field) {
                    self.raw.repeated.push(field);
                }
                return;
            }
            self.seen.push(field);
        }
        let raw = &mut self.raw;
        match name {
            "narrative" => raw.narrative = value,
            "kinds" => raw.kinds.push(value),
            "reporter_role" => raw.reporter_role = value,
            "occurred_on" => raw.occurred_on = value,
            "occurred_unsure" => raw.set_checkbox("occurred_unsure", &value),
            "city" => raw.city = value,
            "province" => raw.province = value,
            "community" => raw.community = value,
            "channels" => raw.channels.push(value),
            "state_link" => raw.state_link = value,
            "demands" => raw.demands.push(value),
            "involved" => raw.involved = value,
            "identifiers" => raw.identifiers = value,
            "family_affected" => raw.set_checkbox("family_affected", &value),
            "prior_reports" => raw.prior_reports = value,
            "immediate_danger" => raw.set_checkbox("immediate_danger", &value),
            "support" => raw.support.push(value),
            "contact_method" => raw.contact_method = value,
            "contact_value" => raw.contact_value = value,
            "consent_referral" => raw.set_checkbox("consent_referral", &value),
            "consent_police" => raw.set_checkbox("consent_police", &value),
            "consent_stats" => raw.set_checkbox("consent_stats", &value),
            "lang" => raw.lang = value,
            "csrf_token" => self.csrf_token = value,
            "draft" => self.draft = value,
            "step" => self.step = Some(value),
            "go" => self.go = value,
            "switch_lang" => self.switch_lang = value,
            "remove_file" => self.remove_file = value,
            _ => {} // unknown fields are ignored, not stored
        }
    }
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
            if SingleLine::parse(&file_name).is_err() {
                out.bad_file_name = true;
                continue;
            }
            match detect_type(&bytes)
                .and_then(|t| strip_metadata(t, bytes).map(|(b, removed)| (t, b, removed)))
            {
                Some((media_type, bytes, removed)) => {
                    out.stripped += usize::from(removed);
                    out.stripped_flags.push(removed);
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
        out.set(&name, value);
    }
    Ok(out)
}
