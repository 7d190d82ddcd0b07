//! Aggregate counts for statistics, from reports whose reporters consented
//! to anonymous statistics only. Fixed SQL: no input reaches these queries.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::{Conn, DbError};

#[derive(QueryableByName, Debug, Clone, PartialEq, Eq)]
pub struct Count {
    #[diesel(sql_type = Text)]
    pub code: String,
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

const BY_KIND: &str = "SELECT k AS code, count(*) AS n FROM cases, unnest(kinds) AS k \
     WHERE consent_stats AND k IS NOT NULL GROUP BY k ORDER BY k";
const BY_COMMUNITY: &str = "SELECT coalesce(community, '') AS code, count(*) AS n FROM cases \
     WHERE consent_stats GROUP BY 1 ORDER BY 1";
const BY_PROVINCE: &str = "SELECT coalesce(province, '') AS code, count(*) AS n FROM cases \
     WHERE consent_stats GROUP BY 1 ORDER BY 1";
const BY_MONTH: &str = "SELECT to_char(date_trunc('month', received_at), 'YYYY-MM') AS code, count(*) AS n \
     FROM cases WHERE consent_stats AND received_at >= date_trunc('month', now()) - interval '23 months' \
     GROUP BY 1 ORDER BY 1";
const TOTAL: &str = "SELECT 'all' AS code, count(*) AS n FROM cases WHERE consent_stats";

fn run(conn: &mut Conn, sql: &'static str) -> Result<Vec<Count>, DbError> {
    Ok(diesel::sql_query(sql).load(conn)?)
}

pub fn by_kind(conn: &mut Conn) -> Result<Vec<Count>, DbError> {
    run(conn, BY_KIND)
}
pub fn by_community(conn: &mut Conn) -> Result<Vec<Count>, DbError> {
    run(conn, BY_COMMUNITY)
}
pub fn by_province(conn: &mut Conn) -> Result<Vec<Count>, DbError> {
    run(conn, BY_PROVINCE)
}
pub fn by_month(conn: &mut Conn) -> Result<Vec<Count>, DbError> {
    run(conn, BY_MONTH)
}
pub fn total(conn: &mut Conn) -> Result<i64, DbError> {
    Ok(run(conn, TOTAL)?.first().map(|c| c.n).unwrap_or(0))
}
