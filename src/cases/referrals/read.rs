//! Reading referrals: a referral opened for the case page, with its
//! summary, reason and updates unsealed.

use crate::cases::stamp;
use crate::context::Ctx;
use crate::crypto::{Aad, DataKey};
use crate::custody::PersonKey;
use crate::custody::referrals::{self as keys, Reader};
use crate::db::{self, DbError, referrals::ReferralWithCase};
use crate::domain::PublicId;
use crate::error::ServiceError;

/// A referral, opened for someone allowed to read it.
#[derive(Debug)]
pub struct OpenedReferral {
    pub public_id: String,
    /// The short form of the public id (`3f9a-c21e`), to name it by.
    pub short: String,
    /// The day it was made (UTC).
    pub received: chrono::NaiveDate,
    pub group: String,
    pub status: String,
    pub summary: String,
    pub decline_reason: Option<String>,
    pub created: String,
    pub updates: Vec<ReferralUpdate>,
}

#[derive(Debug)]
pub struct ReferralUpdate {
    pub when: String,
    pub author: String,
    pub body: String,
}

/// A referral, its updates and its key, as read from the database.
pub(super) type Loaded = (
    ReferralWithCase,
    Vec<(i64, db::referrals::UpdateRow)>,
    DataKey,
);

/// Loads a referral's updates and opens its key for `person` as `reader`.
pub(super) fn load(
    conn: &mut db::Conn,
    keyring: &crate::crypto::Keyring,
    person: &PersonKey,
    r: ReferralWithCase,
    reader: Reader,
) -> Result<Result<Loaded, ServiceError>, DbError> {
    let updates = db::referrals::updates(conn, r.referral.id)?;
    Ok(
        keys::open(conn, keyring, person, &r.referral, &r.reference, reader)
            .map(|key| (r, updates, key)),
    )
}

pub(super) fn open((r, updates, key): Loaded) -> Result<OpenedReferral, ServiceError> {
    let fail = || {
        ServiceError::internal(anyhow::anyhow!(
            "referral {} failed authentication",
            r.referral.id
        ))
    };
    let id = &r.referral.public_id;
    let summary = key
        .open(
            &Aad::referral_summary(&r.reference, id),
            &r.referral.summary,
        )
        .map_err(|_| fail())?;
    let decline_reason = match &r.referral.decline_reason {
        Some(s) => Some(
            String::from_utf8_lossy(
                &key.open(&Aad::referral_reason(&r.reference, id), s)
                    .map_err(|_| fail())?,
            )
            .into_owned(),
        ),
        None => None,
    };
    let updates = updates
        .into_iter()
        .map(|(update_id, u)| {
            let body = key
                .open(&Aad::referral_update(&r.reference, id, update_id), &u.body)
                .map_err(|_| fail())?;
            let author =
                db::users::author_label(u.author_email.as_deref(), u.author_name.as_deref())
                    .unwrap_or_default();
            Ok(ReferralUpdate {
                when: stamp(&u.created_at),
                author,
                body: String::from_utf8_lossy(&body).into_owned(),
            })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    Ok(OpenedReferral {
        public_id: r.referral.public_id.clone(),
        short: short(&r.referral.public_id),
        received: r.referral.created_at.date_naive(),
        group: r.organisation,
        status: r.referral.status,
        summary: String::from_utf8_lossy(&summary).into_owned(),
        decline_reason,
        created: stamp(&r.referral.created_at),
        updates,
    })
}

/// A referral its reporter withdrew before the group answered, as its
/// group sees it from then on: that it was withdrawn, and nothing of the
/// case — its key is not even opened.
pub(super) fn withdrawn(r: ReferralWithCase) -> OpenedReferral {
    OpenedReferral {
        short: short(&r.referral.public_id),
        received: r.referral.created_at.date_naive(),
        public_id: r.referral.public_id,
        group: r.organisation,
        status: r.referral.status,
        summary: String::new(),
        decline_reason: None,
        created: stamp(&r.referral.created_at),
        updates: Vec::new(),
    }
}

/// The short form of a referral's public id.
pub(super) fn short(public_id: &str) -> String {
    PublicId::parse(public_id)
        .map(|id| id.short())
        .unwrap_or_else(|| public_id.to_string())
}

/// Every referral of a case, opened through the team's key, for
/// caseworkers.
pub async fn for_case(
    state: &Ctx,
    person: &PersonKey,
    case_id: i64,
) -> Result<Vec<OpenedReferral>, ServiceError> {
    let keyring = state.keyring.get();
    let person = person.clone();
    let rows = state
        .db
        .run(move |conn| {
            let referrals = db::referrals::for_case(conn, case_id)?;
            referrals
                .into_iter()
                .map(|r| load(conn, &keyring, &person, r, Reader::Team))
                .collect::<Result<Vec<_>, DbError>>()
        })
        .await?;
    rows.into_iter().map(|loaded| open(loaded?)).collect()
}
