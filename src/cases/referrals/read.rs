//! Reading referrals: a referral opened for the case page, with its
//! summary, reason and updates unsealed.

use crate::cases::{stamp, unwrap_key};
use crate::context::Ctx;
use crate::crypto::Aad;
use crate::db::{self, DbError, referrals::ReferralWithCase};
use crate::error::ServiceError;

/// A referral, opened for someone allowed to read it.
#[derive(Debug)]
pub struct OpenedReferral {
    pub public_id: String,
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

pub(super) fn open(
    state: &Ctx,
    r: ReferralWithCase,
    updates: Vec<(i64, db::referrals::UpdateRow)>,
) -> Result<OpenedReferral, ServiceError> {
    let key = unwrap_key(state, &r.master_key_id, &r.wrapped_key, &r.reference)?;
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
        group: r.organisation,
        status: r.referral.status,
        summary: String::from_utf8_lossy(&summary).into_owned(),
        decline_reason,
        created: stamp(&r.referral.created_at),
        updates,
    })
}

/// Every referral of a case, opened, for caseworkers.
pub async fn for_case(state: &Ctx, case_id: i64) -> Result<Vec<OpenedReferral>, ServiceError> {
    let rows = state
        .db
        .run(move |conn| {
            let referrals = db::referrals::for_case(conn, case_id)?;
            referrals
                .into_iter()
                .map(|r| {
                    let updates = db::referrals::updates(conn, r.referral.id)?;
                    Ok((r, updates))
                })
                .collect::<Result<Vec<_>, DbError>>()
        })
        .await?;
    rows.into_iter().map(|(r, u)| open(state, r, u)).collect()
}
