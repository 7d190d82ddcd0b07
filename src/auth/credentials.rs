//! Checking an email and password. Unknown accounts, deactivated accounts,
//! accounts without a password yet and wrong passwords all take one Argon2
//! verification and give the same answer.

use zeroize::Zeroizing;

use crate::db;
use crate::db::users::UserRow;
use crate::domain::EmailAddress;
use crate::web::{AppError, AppState};

/// The account whose password this is, if the sign-in is valid.
pub async fn verify(
    state: &AppState,
    email: &str,
    password: Zeroizing<String>,
) -> Result<Option<UserRow>, AppError> {
    let user = match EmailAddress::parse(email) {
        Some(email) => {
            let email = email.as_str().to_string();
            state
                .db
                .run(move |conn| db::users::find_by_email(conn, &email))
                .await?
        }
        None => None,
    };
    let hash = user
        .as_ref()
        .filter(|u| u.active)
        .and_then(|u| u.password_hash.clone());
    let ok = state
        .hasher
        .verify(password.to_string(), hash.clone())
        .await?;
    Ok(if ok && hash.is_some() { user } else { None })
}
