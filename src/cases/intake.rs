//! Filing a report: a receipt is drawn and hashed, the case gets its own
//! data key, the report and its evidence are sealed with it, and everything
//! is stored in one transaction — or nothing is.

use crate::auth::throttle::Entered;
use crate::context::Ctx;
use crate::crypto::{Aad, DataKey, PublicKey, SecretKey, new_token};
use crate::custody::{self, cases::CaseKeys};
use crate::db::cases::NewCaseRow;
use crate::db::evidence::NewEvidenceRow;
use crate::db::{self, DbError};
use crate::domain::{
    CaseReference, Channel, Demand, EventKind, IncidentKind, IntakeSource, NewReport, Receipt,
    RiskLevel, Support,
};
use crate::error::ServiceError;

use super::evidence::EvidenceUpload;
use super::notify::Notifier;

/// What the reporter is shown, once.
#[derive(Debug)]
pub struct FiledReport {
    /// The case's id (for the audit entry of a phone intake).
    pub case_id: i64,
    pub reference: CaseReference,
    pub receipt: Receipt,
}

/// A report form token, as recorded once it has filed a report: its
/// digest, and the day after which it could no longer be accepted anyway.
#[derive(Clone, Debug)]
pub struct SpentForm {
    pub digest: Vec<u8>,
    pub expires_on: chrono::NaiveDate,
}

/// One-time records written in the report's own transaction.
#[derive(Debug, Default)]
pub struct OneTime {
    /// The public form's token: a token files one report.
    pub spent_form: Option<SpentForm>,
    /// The digest of the receipt page's record (see `receipt_views`).
    pub receipt_view: Option<Vec<u8>>,
    /// The staff member who took the report by phone: its `case.intake`
    /// audit entry commits with the report.
    pub taken_by: Option<i64>,
    /// The digest of the draft the report was written in (steps of the
    /// public form): deleted with the filing, so that a draft files once.
    pub draft: Option<Vec<u8>>,
}

/// The outcome of filing.
#[derive(Debug)]
pub enum Filing {
    Filed(FiledReport),
    /// The form's token had already filed a report: nothing was stored.
    FormAlreadyUsed,
}

/// A 40-bit reference collides rarely; when it does, draw another.
const REFERENCE_ATTEMPTS: usize = 8;

/// Whether the form token has already filed a report (a cheap check
/// before the Argon2 work; the transaction decides).
async fn form_already_used(state: &Ctx, once: &OneTime) -> Result<bool, ServiceError> {
    let Some(spent) = &once.spent_form else {
        return Ok(false);
    };
    let digest = spent.digest.clone();
    Ok(state
        .db
        .run(move |conn| db::spent_form_tokens::is_spent(conn, &digest))
        .await?)
}

/// Files a report that needs no one-time record (phone intake, tests).
pub async fn file_report(
    state: &Ctx,
    report: NewReport,
    files: Vec<EvidenceUpload>,
    source: IntakeSource,
) -> Result<FiledReport, ServiceError> {
    match file_with(state, report, files, source, OneTime::default()).await? {
        Filing::Filed(filed) => Ok(filed),
        Filing::FormAlreadyUsed => Err(ServiceError::internal(anyhow::anyhow!(
            "a report without a form token cannot reuse one"
        ))),
    }
}

/// Files a report a caseworker takes by phone for a caller, with its audit
/// entry in the same transaction.
pub async fn take_by_phone(
    state: &Ctx,
    report: NewReport,
    files: Vec<EvidenceUpload>,
    taken_by: i64,
) -> Result<FiledReport, ServiceError> {
    let once = OneTime {
        taken_by: Some(taken_by),
        ..OneTime::default()
    };
    match file_with(state, report, files, IntakeSource::Phone, once).await? {
        Filing::Filed(filed) => Ok(filed),
        Filing::FormAlreadyUsed => Err(ServiceError::internal(anyhow::anyhow!(
            "a report without a form token cannot reuse one"
        ))),
    }
}

/// Files a report with its one-time records (the public form).
pub async fn file_with(
    state: &Ctx,
    report: NewReport,
    files: Vec<EvidenceUpload>,
    source: IntakeSource,
    once: OneTime,
) -> Result<Filing, ServiceError> {
    let Ok(_entered) = enter_form(state, &once) else {
        return Ok(Filing::FormAlreadyUsed);
    };
    if form_already_used(state, &once).await? {
        return Ok(Filing::FormAlreadyUsed);
    }
    let receipt = Receipt::generate();
    // One Argon2id run gives the receipt's verifier (stored) and the seed
    // of its key pair: the case key is sealed to its public key, and only
    // the receipt finds the private key again.
    let (receipt_hash, receipt_seed) = state
        .hasher
        .hash_receipt_split(zeroize::Zeroizing::new(receipt.expose().to_string()))
        .await?;
    let receipt_key = SecretKey::from_seed(&receipt_seed).public();
    drop(receipt_seed);
    let content = zeroize::Zeroizing::new(
        serde_json::to_vec(&report.content).map_err(ServiceError::internal)?,
    );
    for _ in 0..REFERENCE_ATTEMPTS {
        let reference = CaseReference::generate();
        let sealed = seal_case(&report, &reference, &receipt_hash, &content, &files, source);
        let stored = store(
            state,
            sealed,
            &reference,
            &receipt_key,
            report.immediate_danger,
            source,
            &once,
        );
        match stored.await {
            Ok(None) => return Ok(Filing::FormAlreadyUsed),
            Ok(Some(case_id)) => {
                // Nothing logged: a line's time would be the time of filing,
                // which Haven keeps only to the hour.
                return Ok(Filing::Filed(FiledReport {
                    case_id,
                    reference,
                    receipt,
                }));
            }
            Err(DbError::Conflict) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(ServiceError::internal(anyhow::anyhow!(
        "no free case reference after {REFERENCE_ATTEMPTS} attempts"
    )))
}

/// A form token being filed right now is taken: replays of one token sent
/// together are turned away here, before any of them is hashed, not only
/// by the database after (which still decides across instances). `Err`
/// when the token is being filed already.
fn enter_form<'a>(state: &'a Ctx, once: &OneTime) -> Result<Option<Entered<'a>>, ()> {
    let Some(spent) = &once.spent_form else {
        return Ok(None);
    };
    let mut key = b"form/".to_vec();
    key.extend_from_slice(&spent.digest);
    state.in_flight.enter(key, 1).map(Some).ok_or(())
}

/// A case sealed under fresh keys bound to `reference`, with its evidence
/// and the keys (sealed to the team and the receipt when stored, then
/// forgotten).
fn seal_case(
    report: &NewReport,
    reference: &CaseReference,
    receipt_hash: &str,
    content: &[u8],
    files: &[EvidenceUpload],
    source: IntakeSource,
) -> (NewCaseRow, Vec<NewEvidenceRow>, CaseKeys) {
    let keys = CaseKeys::generate();
    let sealed = keys
        .content
        .seal(&Aad::case_content(reference.as_str()), content);
    let row = case_row(report, reference, receipt_hash.to_string(), sealed, source);
    let files = seal_files(&keys.content, reference, files);
    (row, files, keys)
}

/// Stores the case, its evidence, its event, the one-time records and an
/// urgent case's notice in one transaction; `None` when the form token
/// had already filed a report.
async fn store(
    state: &Ctx,
    (mut row, files, keys): (NewCaseRow, Vec<NewEvidenceRow>, CaseKeys),
    reference: &CaseReference,
    receipt_key: &PublicKey,
    urgent: bool,
    source: IntakeSource,
    once: &OneTime,
) -> Result<Option<i64>, DbError> {
    let notifier = Notifier::new(&state.config);
    let keyring = state.keyring.get();
    let reference = reference.as_str().to_string();
    let receipt_key = receipt_key.clone();
    let spent_form = once.spent_form.clone();
    let receipt_view = once.receipt_view.clone();
    let taken_by = once.taken_by;
    let draft = once.draft.clone();
    let (ack_days, response_days) = (state.config.ack_days, state.config.response_days);
    state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                if let Some(spent) = &spent_form
                    && !db::spent_form_tokens::spend(conn, &spent.digest, spent.expires_on)?
                {
                    return Ok(None);
                }
                if let Some(draft) = &draft
                    && !db::report_drafts::delete(conn, draft)?
                {
                    return Ok(None);
                }
                if let Some(digest) = &receipt_view {
                    db::receipt_views::insert(conn, digest)?;
                }
                let mut sealed_keys = custody::cases::seal_new(
                    conn,
                    &keyring,
                    &reference,
                    &keys,
                    Some(&receipt_key),
                )?;
                row.master_key_id = sealed_keys.master_key_id.clone();
                let case_id = db::cases::insert(conn, &row)?;
                db::cases::set_targets(conn, case_id, ack_days, response_days)?;
                sealed_keys.case_id = case_id;
                db::people_keys::insert_case_keys(conn, &sealed_keys)?;
                db::links::insert_pending(conn, case_id)?;
                for mut file in files {
                    file.case_id = case_id;
                    db::evidence::insert(conn, &file)?;
                }
                db::events::record(
                    conn,
                    case_id,
                    None,
                    EventKind::Filed.as_str(),
                    source.as_str(),
                )?;
                if urgent {
                    notifier.urgent_case(conn)?;
                }
                if let Some(actor) = taken_by {
                    db::audit::record(
                        conn,
                        Some(actor),
                        "case.intake",
                        "case",
                        &case_id.to_string(),
                        "",
                    )?;
                }
                Ok(Some(case_id))
            })
        })
        .await
}

pub(crate) fn case_row(
    report: &NewReport,
    reference: &CaseReference,
    receipt_hash: String,
    content: crate::crypto::Sealed,
    source: IntakeSource,
) -> NewCaseRow {
    fn codes<T: Copy>(values: &[T], code: fn(T) -> &'static str) -> Vec<String> {
        values.iter().map(|v| code(*v).to_string()).collect()
    }
    let risk = if report.immediate_danger {
        RiskLevel::Urgent
    } else {
        RiskLevel::Routine
    };
    NewCaseRow {
        reference: reference.as_str().to_string(),
        receipt_hash,
        // Set to the master key of its sealed keys' outer layer when stored.
        master_key_id: String::new(),
        wrapped_key: None,
        content,
        source: source.as_str(),
        risk: risk.as_str(),
        kinds: codes(&report.kinds, IncidentKind::as_str),
        reporter_role: report.reporter_role.map(|r| r.as_str()),
        occurred_month: report.occurred_on.and_then(|o| o.month_start()),
        province: report.province.map(|p| p.as_str()),
        community: report.community.map(|c| c.as_str()),
        channels: codes(&report.channels, Channel::as_str),
        state_link: report.state_link.map(|s| s.as_str()),
        demands: codes(&report.demands, Demand::as_str),
        family_affected: report.family_affected,
        immediate_danger: report.immediate_danger,
        support: codes(&report.support, Support::as_str),
        contact_method: report.contact_method.as_str(),
        consent_referral: report.consent_referral,
        consent_police: report.consent_police,
        consent_stats: report.consent_stats,
        language: report.language.as_str(),
        status: None,
        received_at: None,
    }
}

pub(crate) fn seal_files(
    data_key: &DataKey,
    reference: &CaseReference,
    files: &[EvidenceUpload],
) -> Vec<NewEvidenceRow> {
    files
        .iter()
        .map(|f| {
            let public_id = new_token()[..32].to_string();
            NewEvidenceRow {
                case_id: 0,
                name: data_key.seal(
                    &Aad::evidence_name(reference.as_str(), &public_id),
                    f.name.as_bytes(),
                ),
                content: data_key.seal(
                    &Aad::evidence_bytes(reference.as_str(), &public_id),
                    &f.bytes,
                ),
                media_type: f.media_type,
                size_bytes: i32::try_from(f.bytes.len()).unwrap_or(i32::MAX),
                added_by: "reporter",
                public_id,
            }
        })
        .collect()
}
