//! How sealed values travel to and from `BYTEA` columns.

use diesel::deserialize::{self, FromSql};
use diesel::pg::{Pg, PgValue};
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Bytea;

use crate::crypto::Sealed;

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
