//! Staff accounts and recipients (partner groups and official bodies):
//! creating and changing them, their two-factor sign-in, password links,
//! duty and profile. The admin pages and the command line both call these,
//! so each rule lives here once.
//! Every change commits with its audit entry (and its emails) or not at all.

pub mod groups;
pub mod passkeys;
pub mod password;
pub mod two_factor;
pub mod users;

use crate::db::DbError;
use crate::error::ServiceError;

/// Why an account or group change was refused, or the fault that stopped it.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// Another account has this email address.
    #[error("an account with this email address already exists")]
    EmailTaken,
    /// A liaison belongs to a partner group, and none was given.
    #[error("a liaison belongs to a partner group")]
    GroupRequired,
    /// Only liaisons belong to a partner group.
    #[error("only liaisons belong to a partner group")]
    GroupNotAllowed,
    /// No partner group has that name.
    #[error("no partner group has this name")]
    NoSuchGroup,
    /// Another recipient has this name (or one differing only in case or
    /// width).
    #[error("a partner group or official body with this name already exists")]
    GroupNameTaken,
    /// The group named for a liaison is an official body, which has no
    /// liaisons.
    #[error("an official body has no liaisons")]
    OfficialBody,
    /// Only partner groups serve communities.
    #[error("only partner groups serve communities")]
    CommunitiesForGroupsOnly,
    /// A partner group stays a partner group, and an official body an
    /// official body.
    #[error("a partner group cannot become an official body, nor the reverse")]
    KindChange,
    /// No account has that id.
    #[error("no such account")]
    NoSuchAccount,
    /// An admin may not lock themself out (deactivate or demote their own
    /// account).
    #[error("an admin cannot do this to their own account")]
    OwnAccount,
    /// The one-time code did not match.
    #[error("wrong code")]
    WrongCode,
    /// The current password given is not the account's.
    #[error("wrong password")]
    WrongPassword,
    /// Too many wrong passwords for this account lately: try again after
    /// this many seconds.
    #[error("too many wrong passwords")]
    Throttled { wait_secs: u64 },
    /// Two-factor sign-in is required of this role and stays on.
    #[error("two-factor sign-in is required")]
    SecondFactorRequired,
    /// A passkey is required of this role: its last one stays.
    #[error("a passkey is required")]
    PasskeyRequired,
    /// A passkey's name is missing or unusable (the message key says why).
    #[error("unusable passkey name")]
    PasskeyName(&'static str),
    /// No such passkey on this account.
    #[error("no such passkey")]
    NoSuchPasskey,
    /// The passkey step went wrong (expired, refused, already registered,
    /// or passkeys cannot work at this address).
    #[error(transparent)]
    Passkey(crate::auth::passkeys::PasskeyError),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<DbError> for AccountError {
    fn from(e: DbError) -> Self {
        AccountError::Service(e.into())
    }
}

impl From<crate::crypto::Busy> for AccountError {
    fn from(e: crate::crypto::Busy) -> Self {
        AccountError::Service(e.into())
    }
}
