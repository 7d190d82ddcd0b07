//! How a service says it could not do what was asked, without knowing how
//! that will be shown: the web edge turns each of these into a status and
//! a page (`web::AppError`), the command line into a message.

use crate::db::DbError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// What was asked for does not exist (or is not this person's to see).
    #[error("not found")]
    NotFound,
    /// What was given cannot be used as it is.
    #[error("bad input")]
    BadInput,
    /// A dependency (PostgreSQL, the hashing queue) cannot answer now: try
    /// again.
    #[error("a dependency is unavailable")]
    Unavailable(#[source] anyhow::Error),
    /// The signed-in person's keys could not be opened (a password set by
    /// someone else, a reset without the recovery key, a grant not made
    /// yet): they may be signed in, but what is sealed stays sealed.
    #[error("this account's keys could not be opened")]
    KeysUnavailable,
    /// Anything else: a fault, logged with its causes, never shown.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl ServiceError {
    pub fn internal(e: impl Into<anyhow::Error>) -> Self {
        ServiceError::Internal(e.into())
    }
}

impl From<DbError> for ServiceError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Unavailable(e) => ServiceError::Unavailable(e),
            DbError::NotFound => ServiceError::NotFound,
            DbError::InvalidText(_) => ServiceError::BadInput,
            other => ServiceError::Internal(other.into()),
        }
    }
}

impl From<crate::crypto::Busy> for ServiceError {
    fn from(e: crate::crypto::Busy) -> Self {
        ServiceError::Unavailable(e.into())
    }
}
