//! A report written in steps. Between steps, what the reporter has answered
//! and the files they attached are held in the database, sealed under a key
//! derived from two secrets: the draft's token, which lives only in the
//! reporter's open form (a hidden field, never a URL), and the browser's
//! own, in a strict same-site cookie that lasts the browser session (and
//! that the quick exit clears). The row alone opens nothing; nor does the
//! token in another browser, so a draft cannot be planted in someone's form
//! to be read later. A draft lasts [`DRAFT_IDLE_SECS`] after its last step
//! and [`DRAFT_MAX_SECS`] in all, and is deleted as its report is filed.
//! In clear beside it: the hour after which it goes, and its files' sizes.

use chrono::{DurationRound, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::cases::evidence::{EvidenceUpload, MAX_FILES, MAX_TOTAL_BYTES, detect_type};
use crate::context::Ctx;
use crate::crypto::{Aad, Sealed, Seed, digest_token, new_token, random_bytes};
use crate::db;
use crate::domain::RawIntake;
use crate::error::ServiceError;

/// How long a draft is kept after its last step.
pub const DRAFT_IDLE_SECS: i64 = 3 * 3600;
/// How long a draft is kept at most, however often it is used.
pub const DRAFT_MAX_SECS: i64 = 6 * 3600;
/// Most drafts held at once. Past it, a new report is written on one page
/// (its answers travel in the page itself), so nothing more is stored.
pub const MAX_DRAFTS: i64 = 10_000;

/// A draft as the form sees it.
pub struct Draft {
    pub token: String,
    /// The browser's secret (from its cookie): half of the draft's key.
    browser: String,
    /// Whether the draft is stored (opened, or saved once).
    stored: bool,
    /// When it was first stored (Unix seconds); sealed.
    created_at: i64,
    /// The step the reporter is on (0: every question on one page).
    pub step: u8,
    pub answers: RawIntake,
    pub files: Vec<HeldFile>,
}

/// A file held with a draft, as listed in the form.
pub struct HeldFile {
    /// Random; what the form's remove button names.
    pub label: String,
    pub name: String,
    pub size_bytes: i64,
    sha256: Vec<u8>,
    /// Whether location and camera data were removed from it.
    pub stripped: bool,
}

/// What is sealed as a draft's answers.
#[derive(Serialize, Deserialize)]
struct SealedAnswers {
    created_at: i64,
    saved_at: i64,
    step: u8,
    answers: RawIntake,
}

/// What is sealed as a held file's description.
#[derive(Serialize, Deserialize)]
struct SealedMeta {
    name: String,
    sha256: Vec<u8>,
    stripped: bool,
}

impl Draft {
    /// A new, empty draft of the browser whose secret is `browser` (stored
    /// on its first save).
    pub fn new(step: u8, browser: &str) -> Self {
        Self {
            token: new_token(),
            browser: browser.to_string(),
            stored: false,
            created_at: Utc::now().timestamp(),
            step,
            answers: RawIntake::default(),
            files: Vec::new(),
        }
    }

    /// Whether the draft is stored.
    pub fn stored(&self) -> bool {
        self.stored
    }

    /// The digest the draft is stored under.
    pub fn digest(&self) -> Vec<u8> {
        digest_token(&self.token)
    }

    fn seed(&self) -> Seed {
        Seed::of_draft_token(&format!("{}.{}", self.token, self.browser))
    }

    /// Forgets the draft (its report was filed): the page shown next holds
    /// no token.
    pub fn forget(&mut self) {
        self.token.clear();
        self.stored = false;
        self.files.clear();
    }
}

/// Whether `token` has the shape of a token (256 bits, hex).
pub fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The draft of `token` written in the browser whose secret is `browser`,
/// if it exists and its time is not up.
pub async fn open(ctx: &Ctx, token: &str, browser: &str) -> Result<Option<Draft>, ServiceError> {
    if !well_formed(token) || !well_formed(browser) {
        return Ok(None);
    }
    let digest = digest_token(token);
    let d = digest.clone();
    let found = ctx
        .db
        .run(move |conn| {
            let Some(sealed) = db::report_drafts::find(conn, &d)? else {
                return Ok(None);
            };
            Ok(Some((sealed, db::report_drafts::files(conn, &d)?)))
        })
        .await?;
    let Some((sealed, file_rows)) = found else {
        return Ok(None);
    };
    let mut draft = Draft::new(0, browser);
    draft.token = token.to_string();
    let seed = draft.seed();
    let opened = seed
        .open(&Aad::report_draft(&digest), &Sealed::from_stored(sealed))
        .ok()
        .and_then(|plain| serde_json::from_slice::<SealedAnswers>(&plain).ok());
    let now = Utc::now().timestamp();
    // A draft that does not open here is another browser's, or damaged:
    // it is left alone (its own time will end it). One past its time goes.
    let Some(answers) = opened else {
        return Ok(None);
    };
    if !live(answers.created_at, answers.saved_at, now) {
        delete(ctx, token).await?;
        return Ok(None);
    }
    let mut files = Vec::with_capacity(file_rows.len());
    for (_, label, size_bytes, meta) in file_rows {
        let aad = Aad::report_draft_file(&digest, &label, "name");
        let Some(meta) = seed
            .open(&aad, &Sealed::from_stored(meta))
            .ok()
            .and_then(|plain| serde_json::from_slice::<SealedMeta>(&plain).ok())
        else {
            continue;
        };
        files.push(HeldFile {
            label,
            name: meta.name,
            size_bytes,
            sha256: meta.sha256,
            stripped: meta.stripped,
        });
    }
    draft.stored = true;
    draft.created_at = answers.created_at;
    draft.step = answers.step;
    draft.answers = answers.answers;
    draft.files = files;
    Ok(Some(draft))
}

/// Whether a draft first stored at `created_at` and last at `saved_at`
/// (Unix seconds) may still be opened at `now`.
fn live(created_at: i64, saved_at: i64, now: i64) -> bool {
    now - saved_at < DRAFT_IDLE_SECS && now - created_at < DRAFT_MAX_SECS
}

/// Stores the draft's answers and step, and starts its idle time again.
/// Returns whether it was stored: a stored draft that is no longer there
/// (its report filed meanwhile, or its time up) is not written again, and
/// a new one is not written when [`MAX_DRAFTS`] are held.
pub async fn save(ctx: &Ctx, draft: &mut Draft) -> Result<bool, ServiceError> {
    let digest = digest_token(&draft.token);
    let now = Utc::now();
    let plain = serde_json::to_vec(&SealedAnswers {
        created_at: draft.created_at,
        saved_at: now.timestamp(),
        step: draft.step,
        answers: draft.answers.clone(),
    })
    .map_err(ServiceError::internal)?;
    let plain = zeroize::Zeroizing::new(plain);
    let sealed = draft.seed().seal(&Aad::report_draft(&digest), &plain);
    // In clear only the hour after which the draft is gone in any case,
    // set when it is first stored (later steps do not move it).
    let created = chrono::DateTime::from_timestamp(draft.created_at, 0).unwrap_or(now);
    let expires = (created + TimeDelta::seconds(DRAFT_MAX_SECS))
        .duration_trunc(TimeDelta::hours(1))
        .map_err(ServiceError::internal)?
        + TimeDelta::hours(1);
    let bytes = sealed.as_bytes().to_vec();
    let existing = draft.stored;
    let saved = ctx
        .db
        .run(move |conn| {
            if existing {
                db::report_drafts::update(conn, &digest, &bytes)
            } else {
                db::report_drafts::insert(conn, &digest, expires, &bytes, MAX_DRAFTS)
            }
        })
        .await?;
    draft.stored = saved;
    Ok(saved)
}

/// Most bytes all drafts together may hold: drafts are made by anyone, so
/// what they hold is bounded whatever the number of visitors.
pub const MAX_HELD_BYTES: i64 = 2 * 1024 * 1024 * 1024;

/// What happened to files offered to a draft.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Added {
    pub added: usize,
    /// Files left out because the draft already holds as many as a report
    /// may carry (see `evidence::MAX_FILES` and `MAX_TOTAL_BYTES`).
    pub over_limit: usize,
    /// Files left out because the drafts together hold all they may.
    pub held_full: usize,
}

/// Holds `files` with the draft (which must have been saved), leaving out
/// a file it already holds and any beyond a report's limits.
pub async fn add_files(
    ctx: &Ctx,
    draft: &mut Draft,
    files: Vec<(EvidenceUpload, bool)>,
) -> Result<Added, ServiceError> {
    let mut outcome = Added::default();
    let digest = digest_token(&draft.token);
    let seed = draft.seed();
    for (file, stripped) in files {
        let sha256 = Sha256::digest(&file.bytes).to_vec();
        if draft.files.iter().any(|f| f.sha256 == sha256) {
            continue; // the same file sent again (a page sent twice)
        }
        let size = file.bytes.len() as i64;
        let label = hex::encode(random_bytes::<12>());
        let meta = serde_json::to_vec(&SealedMeta {
            name: file.name.clone(),
            sha256: sha256.clone(),
            stripped,
        })
        .map_err(ServiceError::internal)?;
        let sealed_meta = seed.seal(&Aad::report_draft_file(&digest, &label, "name"), &meta);
        let sealed_bytes = seed.seal(
            &Aad::report_draft_file(&digest, &label, "bytes"),
            &file.bytes,
        );
        let (d, l) = (digest.clone(), label.clone());
        let limits = db::report_drafts::Limits {
            files: MAX_FILES as i64,
            bytes: MAX_TOTAL_BYTES as i64,
            all_bytes: MAX_HELD_BYTES,
        };
        let held = ctx
            .db
            .run(move |conn| {
                db::report_drafts::add_file(
                    conn,
                    &d,
                    &l,
                    size,
                    sealed_meta.as_bytes(),
                    sealed_bytes.as_bytes(),
                    limits,
                )
            })
            .await?;
        match held {
            db::report_drafts::Held::Added => {}
            db::report_drafts::Held::OverDraft => {
                outcome.over_limit += 1;
                continue;
            }
            db::report_drafts::Held::OverAll => {
                outcome.held_full += 1;
                continue;
            }
        }
        draft.files.push(HeldFile {
            label,
            name: file.name,
            size_bytes: size,
            sha256,
            stripped,
        });
        outcome.added += 1;
    }
    Ok(outcome)
}

/// Lets go of one of the draft's files.
pub async fn remove_file(ctx: &Ctx, draft: &mut Draft, label: &str) -> Result<(), ServiceError> {
    let Some(at) = draft.files.iter().position(|f| f.label == label) else {
        return Ok(());
    };
    let digest = digest_token(&draft.token);
    let l = label.to_string();
    ctx.db
        .run(move |conn| db::report_drafts::remove_file(conn, &digest, &l))
        .await?;
    draft.files.remove(at);
    Ok(())
}

/// The draft's files, opened, to be filed with the report (each with
/// whether its metadata was removed).
pub async fn file_contents(
    ctx: &Ctx,
    draft: &Draft,
) -> Result<Vec<(EvidenceUpload, bool)>, ServiceError> {
    let digest = digest_token(&draft.token);
    let d = digest.clone();
    let rows = ctx
        .db
        .run(move |conn| db::report_drafts::file_contents(conn, &d))
        .await?;
    let seed = draft.seed();
    // Every file the form listed is filed, or nothing is.
    let missing = || ServiceError::internal(anyhow::anyhow!("a held file is gone"));
    if rows.len() != draft.files.len() {
        return Err(missing());
    }
    let mut out = Vec::with_capacity(rows.len());
    for (label, sealed) in rows {
        let held = draft
            .files
            .iter()
            .find(|f| f.label == label)
            .ok_or_else(missing)?;
        let bytes = seed
            .open(
                &Aad::report_draft_file(&digest, &label, "bytes"),
                &Sealed::from_stored(sealed),
            )
            .map_err(|_| ServiceError::internal(anyhow::anyhow!("a held file does not open")))?;
        let media_type = detect_type(&bytes).ok_or_else(missing)?;
        let file = EvidenceUpload {
            name: held.name.clone(),
            media_type,
            bytes: bytes.to_vec(),
        };
        out.push((file, held.stripped));
    }
    Ok(out)
}

/// Deletes the draft and its files (the report was sent, or its time is up).
pub async fn delete(ctx: &Ctx, token: &str) -> Result<(), ServiceError> {
    let digest = digest_token(token);
    ctx.db
        .run(move |conn| db::report_drafts::delete(conn, &digest))
        .await?;
    Ok(())
}

/// Whether a post holds nothing worth keeping between steps (the first
/// steps sent blank make no draft).
pub fn is_blank(answers: &RawIntake) -> bool {
    answers.narrative.trim().is_empty()
        && answers.kinds.is_empty()
        && answers.reporter_role.is_empty()
        && answers.occurred_on.trim().is_empty()
        && !answers.occurred_unsure
        && answers.city.trim().is_empty()
        && answers.province.is_empty()
        && answers.community.is_empty()
        && answers.channels.is_empty()
        && answers.state_link.is_empty()
        && answers.demands.is_empty()
        && answers.involved.trim().is_empty()
        && answers.identifiers.trim().is_empty()
        && !answers.family_affected
        && answers.prior_reports.trim().is_empty()
        && !answers.immediate_danger
        && answers.support.is_empty()
        && matches!(answers.contact_method.as_str(), "" | "none")
        && answers.contact_value.trim().is_empty()
        && !answers.consent_referral
        && !answers.consent_police
        && !answers.consent_stats
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_lasts_three_hours_after_its_last_step_and_six_at_most() {
        let hour = 3600;
        assert!(live(0, 0, 3 * hour - 1));
        assert!(!live(0, 0, 3 * hour), "three hours idle");
        assert!(live(0, 4 * hour, 5 * hour), "used within the hours");
        assert!(!live(0, 5 * hour, 6 * hour), "six hours at most");
    }
}
