//! The link key: the key of the blind indexes of the identifiers cases
//! name (HMAC-SHA256 of "kind:value"). 32 random bytes, sealed to a
//! casework team key and under the master key's outer layer, in one row.
//! It opens only through a signed-in caseworker's or admin's grant of that
//! team key — so, once that key's escrow has ended, the database and the
//! key file alone cannot compute a digest. Made by the
//! first one who needs it; a report being filed has no one's key at hand
//! and only marks its case as waiting to be indexed.

use hmac::{KeyInit, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

use super::PersonKey;
use super::shared::{self, Scope};
use crate::crypto::{Aad, Keyring, SecretKey, random_bytes};
use crate::db::links::{self, LinkKeyRow};
use crate::db::{Conn, DbError, people_keys};
use crate::domain::Identifier;
use crate::error::ServiceError;

/// The link key in memory; zeroed on drop, never printed.
pub struct LinkKey(Zeroizing<[u8; 32]>);

impl LinkKey {
    /// The blind index of an identifier.
    pub fn digest(&self, identifier: &Identifier) -> Vec<u8> {
        let mut mac = <hmac::Hmac<Sha256> as KeyInit>::new_from_slice(&self.0[..])
            .expect("HMAC takes a key of any length");
        mac.update(identifier.digest_input().as_bytes());
        mac.finalize().into_bytes().to_vec()
    }

    fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let key: [u8; 32] = bytes.try_into().ok()?;
        Some(Self(Zeroizing::new(key)))
    }
}

impl std::fmt::Debug for LinkKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LinkKey(..)")
    }
}

/// Opens the link key for a signed-in caseworker or admin, making it
/// first if there is none (sealed to the team's current key).
pub fn open_for_staff(
    conn: &mut Conn,
    keyring: &Keyring,
    person: &PersonKey,
) -> Result<LinkKey, ServiceError> {
    let secret = person.secret()?;
    let row = get_or_make(conn, keyring)?;
    let team = shared::open(conn, secret, person.user_id, row.team_key_id)?;
    open_with(keyring, &row, &team)
}

/// Opens the link key with the team's key while it is still in escrow
/// under the master key (demonstration data seeded before anyone has an
/// account): `None` once someone holds the team's key, since then only
/// they can.
pub fn open_from_escrow(
    conn: &mut Conn,
    keyring: &Keyring,
) -> Result<Option<LinkKey>, ServiceError> {
    let row = get_or_make(conn, keyring)?;
    let Some(team) = people_keys::find(conn, row.team_key_id)? else {
        return Ok(None);
    };
    let (Some(key_id), Some(sealed)) = (team.escrow_key_id.as_deref(), team.escrow.as_ref()) else {
        return Ok(None);
    };
    let team = keyring
        .open_escrow(key_id, &Aad::shared_key_escrow(team.id), sealed)
        .map_err(|_| broken())?;
    open_with(keyring, &row, &team).map(Some)
}

/// The stored link key, made now if there is none. Two making it at once:
/// one row is stored, and both read it back.
fn get_or_make(conn: &mut Conn, keyring: &Keyring) -> Result<LinkKeyRow, DbError> {
    if let Some(row) = links::link_key(conn)? {
        return Ok(row);
    }
    let (team_key_id, team) = shared::current_public(conn, keyring, Scope::Team)?;
    let key = Zeroizing::new(random_bytes::<32>());
    let aad = Aad::link_key();
    let (master_key_id, sealed) = keyring.seal_outer(&aad, &team.seal(&aad, &key[..]));
    links::insert_link_key(
        conn,
        &LinkKeyRow {
            master_key_id,
            team_key_id,
            sealed,
        },
    )?;
    links::link_key(conn)?.ok_or(DbError::NotFound)
}

fn open_with(
    keyring: &Keyring,
    row: &LinkKeyRow,
    team: &SecretKey,
) -> Result<LinkKey, ServiceError> {
    let aad = Aad::link_key();
    let inner = keyring
        .open_outer(&row.master_key_id, &aad, &row.sealed)
        .map_err(|_| broken())?;
    // Whoever holds the team's key opens it: what does not open was
    // altered, not kept from them.
    let plain = team.open(&aad, &inner).map_err(|_| broken())?;
    LinkKey::from_bytes(&plain).ok_or_else(broken)
}

fn broken() -> ServiceError {
    ServiceError::internal(anyhow::anyhow!("the link key failed to open"))
}

/// Re-seals the master key's outer layer over the link key under the
/// current master key (`haven keys rotate`); whether there was one to move.
pub fn reseal_outer(conn: &mut Conn, keyring: &Keyring, current: &str) -> Result<bool, DbError> {
    let Some(row) = links::link_key(conn)? else {
        return Ok(false);
    };
    if row.master_key_id == current {
        return Ok(false);
    }
    let (key_id, sealed) = keyring
        .reseal_outer(&row.master_key_id, &Aad::link_key(), &row.sealed)
        .map_err(|_| DbError::Unknown("the link key does not open with any key in the file"))?;
    links::set_link_key_outer(conn, &key_id, &sealed)?;
    Ok(true)
}

/// Whether the link key is still under another master key than `current`
/// (`haven keys retire` waits for it).
pub fn under_other_key(conn: &mut Conn, current: &str) -> Result<bool, DbError> {
    Ok(links::link_key(conn)?.is_some_and(|row| row.master_key_id != current))
}
