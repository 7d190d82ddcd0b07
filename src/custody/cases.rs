//! A case's keys: the case key (report content, messages, evidence), which
//! the team and the reporter's receipt open, and the staff key (notes),
//! which only the team opens. Both are random per case, sealed to the
//! team's current public key and (the case key alone) to the receipt's,
//! each under the master key's outer layer, and deleted with the case.

use crate::crypto::{Aad, DataKey, Keyring, PublicKey, SecretKey, WrappedKey};
use crate::db::cases::CaseRow;
use crate::db::people_keys::{self, CaseKeysRow};
use crate::db::{Conn, DbError};
use crate::error::ServiceError;

use super::PersonKey;
use super::shared::{self, Scope};

/// A case's keys in memory.
pub struct CaseKeys {
    /// Seals what the reporter may read: the report, messages, evidence.
    pub content: DataKey,
    /// Seals what only staff read (notes). `None` for a case filed before
    /// keys were held by people and not moved yet, whose notes are sealed
    /// with its case key.
    staff: Option<DataKey>,
}

impl CaseKeys {
    /// Fresh keys for a case being filed.
    pub fn generate() -> Self {
        Self {
            content: DataKey::generate(),
            staff: Some(DataKey::generate()),
        }
    }

    /// Keys of a case whose staff key is its case key (filed before).
    pub fn legacy(content: DataKey) -> Self {
        Self {
            content,
            staff: None,
        }
    }

    /// The key that seals notes.
    pub fn staff(&self) -> &DataKey {
        self.staff.as_ref().unwrap_or(&self.content)
    }

    /// A new staff key (moving a case filed before: its notes are re-sealed).
    pub fn with_new_staff_key(self) -> Self {
        Self {
            content: self.content,
            staff: Some(DataKey::generate()),
        }
    }
}

/// Seals a new case's keys to the team's current key and to the receipt's
/// public key; the row to store once the case has its id (`case_id` 0).
pub fn seal_new(
    conn: &mut Conn,
    keyring: &Keyring,
    reference: &str,
    keys: &CaseKeys,
    receipt: Option<&PublicKey>,
) -> Result<CaseKeysRow, DbError> {
    let (team_key_id, team) = shared::current_public(conn, keyring, Scope::Team)?;
    Ok(seal_to(
        keyring,
        (team_key_id, &team),
        reference,
        keys,
        receipt,
    ))
}

/// Seals a new case's keys to the given team key and to the receipt's
/// public key (no database work: for seeding many at once).
pub fn seal_to(
    keyring: &Keyring,
    (team_key_id, team): (i64, &PublicKey),
    reference: &str,
    keys: &CaseKeys,
    receipt: Option<&PublicKey>,
) -> CaseKeysRow {
    let aad = Aad::case_team_keys(reference);
    let (master_key_id, team_keys) =
        keyring.seal_outer(&aad, &team.seal_keys(&aad, &[&keys.content, keys.staff()]));
    let receipt_key = receipt.map(|public| {
        let aad = Aad::case_receipt_key(reference);
        // The same master key as the team's copy: one id per row.
        let (_, sealed) = keyring.seal_outer(&aad, &public.seal_keys(&aad, &[&keys.content]));
        sealed
    });
    CaseKeysRow {
        case_id: 0,
        master_key_id,
        team_key_id,
        team_keys,
        receipt_key,
    }
}

/// Opens a case's keys for a signed-in caseworker or admin, through the
/// team key granted to them.
pub fn open_for_staff(
    conn: &mut Conn,
    keyring: &Keyring,
    person: &PersonKey,
    case: &CaseRow,
) -> Result<CaseKeys, ServiceError> {
    match people_keys::case_keys(conn, case.id)? {
        Some(row) => {
            let secret = person.secret()?;
            let team = shared::open(conn, secret, person.user_id, row.team_key_id)?;
            let aad = Aad::case_team_keys(&case.reference);
            let inner = keyring
                .open_outer(&row.master_key_id, &aad, &row.team_keys)
                .map_err(|_| internal(case.id))?;
            // The person holds the team's key: what it does not open was
            // altered or moved from another case, not kept from them.
            let mut keys = team
                .open_keys(&aad, &inner, 2)
                .map_err(|_| internal(case.id))?;
            let staff = keys.pop();
            let content = keys.pop().ok_or_else(|| internal(case.id))?;
            Ok(CaseKeys { content, staff })
        }
        // A case filed before keys were held by people is moved before
        // anyone is served (`haven serve` runs `haven keys migrate`): staff
        // never open one through the master key, which a database writer
        // could use to plant a key of their own.
        None => Err(internal(case.id)),
    }
}

/// The case key of a case filed before keys were held by people, under the
/// master key alone.
pub fn legacy_key(keyring: &Keyring, case: &CaseRow) -> Result<DataKey, ServiceError> {
    let sealed = case.wrapped_key.clone().ok_or_else(unattributed)?;
    keyring
        .unwrap(
            &WrappedKey {
                master_key_id: case.master_key_id.clone(),
                sealed,
            },
            &case.reference,
        )
        .map_err(|_| unattributed())
}

/// A fault on a path a reporter can take: logged without the case's id,
/// since the log line's time would date the reporter's action.
fn unattributed() -> ServiceError {
    ServiceError::internal(anyhow::anyhow!("a case's keys failed to open"))
}

fn internal(case_id: i64) -> ServiceError {
    ServiceError::internal(anyhow::anyhow!("case {case_id}: its keys failed to open"))
}

/// Opens a case's key with its receipt's private key (derived from the
/// receipt by the Argon2id run that checked it). `None` when the case has
/// no copy for its receipt yet (filed before, not visited since).
pub fn open_for_receipt(
    conn: &mut Conn,
    keyring: &Keyring,
    case: &CaseRow,
    receipt: &SecretKey,
) -> Result<Option<DataKey>, ServiceError> {
    let Some(row) = people_keys::case_keys(conn, case.id)? else {
        return Ok(None);
    };
    let Some(outer) = &row.receipt_key else {
        return Ok(None);
    };
    let aad = Aad::case_receipt_key(&case.reference);
    let inner = keyring
        .open_outer(&row.master_key_id, &aad, outer)
        .map_err(|_| unattributed())?;
    // The receipt was checked against the case's hash: a copy it does not
    // open was altered or moved from another case.
    let mut keys = receipt
        .open_keys(&aad, &inner, 1)
        .map_err(|_| unattributed())?;
    Ok(keys.pop())
}

/// Gives a case filed before a copy of its key for its receipt (at the
/// reporter's first visit since), and ends its copy under the master key
/// alone.
pub fn add_receipt_copy(
    conn: &mut Conn,
    keyring: &Keyring,
    case: &CaseRow,
    content: &DataKey,
    receipt: &PublicKey,
) -> Result<(), DbError> {
    let aad = Aad::case_receipt_key(&case.reference);
    if let Some(mut row) = people_keys::case_keys(conn, case.id)? {
        let (master_key_id, team_keys) = keyring
            .reseal_outer(
                &row.master_key_id,
                &Aad::case_team_keys(&case.reference),
                &row.team_keys,
            )
            .map_err(|_| DbError::Unknown("a case's team keys failed to open"))?;
        let (_, receipt_key) = keyring.seal_outer(&aad, &receipt.seal_keys(&aad, &[content]));
        row.master_key_id = master_key_id;
        row.team_keys = team_keys;
        row.receipt_key = Some(receipt_key);
        people_keys::update_case_keys(conn, &row)?;
        crate::db::cases::clear_wrapped_key(conn, case.id)?;
    }
    Ok(())
}
