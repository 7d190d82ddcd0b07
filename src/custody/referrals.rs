//! A referral's key: random per referral, sealing its summary, its decline
//! reason and the liaisons' updates; sealed to the team's current key and
//! to the partner group's, each under the master key's outer layer. So a
//! liaison opens the referrals of their group and nothing else of the case.

use crate::crypto::{Aad, DataKey, Keyring};
use crate::db::referrals::{ReferralKeys, ReferralRow};
use crate::db::{Conn, DbError};
use crate::error::ServiceError;

use super::PersonKey;
use super::shared::{self, Scope};

/// A new referral's key and its sealed copies.
pub fn seal_new(
    conn: &mut Conn,
    keyring: &Keyring,
    reference: &str,
    referral_id: &str,
    organisation_id: i64,
) -> Result<(DataKey, ReferralKeys), DbError> {
    let key = DataKey::generate();
    let keys = seal(conn, keyring, reference, referral_id, organisation_id, &key)?;
    Ok((key, keys))
}

/// Seals `key` to the team and to the group.
pub fn seal(
    conn: &mut Conn,
    keyring: &Keyring,
    reference: &str,
    referral_id: &str,
    organisation_id: i64,
    key: &DataKey,
) -> Result<ReferralKeys, DbError> {
    let (team_key_id, team) = shared::current_public(conn, keyring, Scope::Team)?;
    let (group_key_id, group) =
        shared::current_public(conn, keyring, Scope::Group(organisation_id))?;
    let team_aad = Aad::referral_key(reference, referral_id, "team");
    let group_aad = Aad::referral_key(reference, referral_id, "group");
    let (master_key_id, team_key) =
        keyring.seal_outer(&team_aad, &team.seal_keys(&team_aad, &[key]));
    let (_, group_key) = keyring.seal_outer(&group_aad, &group.seal_keys(&group_aad, &[key]));
    Ok(ReferralKeys {
        master_key_id,
        team_key_id,
        team_key,
        group_key_id: Some(group_key_id),
        group_key: Some(group_key),
    })
}

/// Whose copy of a referral's key to open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// A caseworker or admin, through the team's key.
    Team,
    /// A liaison (or admin) of the group, through the group's key.
    Group,
}

/// Opens a referral's key for `person`.
pub fn open(
    conn: &mut Conn,
    keyring: &Keyring,
    person: &PersonKey,
    referral: &ReferralRow,
    reference: &str,
    reader: Reader,
) -> Result<DataKey, ServiceError> {
    let (Some(master_key_id), Some(team_key_id), Some(team_key)) = (
        &referral.master_key_id,
        referral.team_key_id,
        &referral.team_key,
    ) else {
        return Err(not_moved(referral));
    };
    let (holder, shared_id, outer) = match reader {
        Reader::Team => ("team", team_key_id, team_key),
        Reader::Group => match (referral.group_key_id, &referral.group_key) {
            (Some(id), Some(key)) => ("group", id, key),
            // Withdrawn by its reporter: the group's copy was erased.
            _ => {
                return Err(ServiceError::internal(anyhow::anyhow!(
                    "referral {}: its group's copy of the key was erased",
                    referral.id
                )));
            }
        },
    };
    let aad = Aad::referral_key(reference, &referral.public_id, holder);
    let secret = person.secret()?;
    let shared_secret = shared::open(conn, secret, person.user_id, shared_id)?;
    let failed = || {
        ServiceError::internal(anyhow::anyhow!(
            "referral {}: its key failed to open",
            referral.id
        ))
    };
    let inner = keyring
        .open_outer(master_key_id, &aad, outer)
        .map_err(|_| failed())?;
    // The person holds the team's or group's key: a copy it does not open
    // was altered or moved from another referral, not kept from them.
    shared_secret
        .open_keys(&aad, &inner, 1)
        .map_err(|_| failed())?
        .pop()
        .ok_or_else(failed)
}

/// A referral made before keys were held by people is moved before anyone
/// is served (`haven serve` runs `haven keys migrate`): it never opens
/// through its case's key or the master key, which a database writer could
/// use to plant a key of their own.
fn not_moved(referral: &ReferralRow) -> ServiceError {
    ServiceError::internal(anyhow::anyhow!(
        "referral {} is not moved to people's keys yet",
        referral.id
    ))
}
