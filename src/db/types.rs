//! The column type of every secret: sealed values, and how they travel to
//! and from `BYTEA` columns. Only `crypto` makes them (by sealing) and
//! opens them; here they are bytes the database keeps.

use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::pg::{Pg, PgValue};
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Bytea;

/// Authenticated ciphertext, the only form in which secret columns are
/// written to the database.
#[derive(Clone, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = Bytea)]
pub struct Sealed(Vec<u8>);

impl Sealed {
    pub fn from_stored(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for Sealed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Sealed({} bytes)", self.0.len())
    }
}

impl ToSql<Bytea, Pg> for Sealed {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        <[u8] as ToSql<Bytea, Pg>>::to_sql(self.as_bytes(), out)
    }
}

impl FromSql<Bytea, Pg> for Sealed {
    fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
        Ok(Sealed::from_stored(
            <Vec<u8> as FromSql<Bytea, Pg>>::from_sql(bytes)?,
        ))
    }
}
