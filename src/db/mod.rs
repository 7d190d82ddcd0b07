//! The database: schema, rows and queries. Only this module builds queries;
//! every query is a small function taking a connection, so that several
//! compose inside one transaction.
//!
//! Access from async code goes through [`Db::run`], which takes a pooled
//! connection on the blocking thread pool: diesel is synchronous, and the
//! async workers must never wait on PostgreSQL.

pub mod access;
pub mod audit;
pub mod audit_names;
pub mod cases;
pub mod events;
pub mod evidence;
pub mod links;
pub mod messages;
pub mod migrate_keys;
pub mod notes;
pub mod organisations;
pub mod outbox;
pub mod packets;
pub mod passkeys;
pub mod password_links;
pub mod people_keys;
pub mod receipt_views;
pub mod recovery_codes;
pub mod referrals;
pub mod report_drafts;
pub mod reporter_sessions;
pub mod schema;
pub mod sessions;
pub mod sharing;
pub mod spent_form_tokens;
pub mod stats;
pub mod throttles;
mod types;

pub use types::Sealed;
pub mod users;

use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;

use diesel::PgConnection;
use diesel::r2d2::{ConnectionManager, Pool, PooledConnection};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::crypto::AuditKey;

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

pub type Conn = PgConnection;

/// Why a database step failed, as far as callers need to know.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// PostgreSQL cannot be reached now; the caller should say "try again".
    #[error("the database is unavailable")]
    Unavailable(#[source] anyhow::Error),
    /// A unique constraint refused the row.
    #[error("a unique value already exists")]
    Conflict,
    /// The row a change was meant for does not exist.
    #[error("no such row")]
    NotFound,
    /// A stored value is not one Haven knows (a status, a code).
    #[error("a stored value is not one Haven knows: {0}")]
    Unknown(&'static str),
    /// PostgreSQL refused a value it cannot store (a NUL byte in text).
    /// Inputs are parsed before they get here; this keeps a value that
    /// slipped through a "bad request", never a 500.
    #[error("a value cannot be stored as text")]
    InvalidText(#[source] DieselError),
    #[error("database query failed")]
    Query(#[source] DieselError),
}

impl From<DieselError> for DbError {
    fn from(e: DieselError) -> Self {
        match &e {
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => DbError::Conflict,
            DieselError::NotFound => DbError::NotFound,
            DieselError::DatabaseError(_, info)
                if info.message().contains("invalid byte sequence") =>
            {
                DbError::InvalidText(e)
            }
            DieselError::DatabaseError(DatabaseErrorKind::ClosedConnection, _)
            | DieselError::DatabaseError(DatabaseErrorKind::UnableToSendCommand, _)
            | DieselError::BrokenTransactionManager => DbError::Unavailable(e.into()),
            _ => DbError::Query(e),
        }
    }
}

/// The connection pool. Cloning is cheap; every instance of Haven has one.
/// Behind a connection pooler in transaction mode (PgBouncer), connections
/// keep no prepared statement by name: each statement is prepared unnamed
/// and used at once, which the pooler passes on correctly whichever server
/// connection the next transaction lands on. Haven keeps no other state in
/// a session either: its settings are `set_config(…, true)` and its
/// advisory locks `pg_advisory_xact_lock`, both ending with the
/// transaction. Straight to PostgreSQL, statements stay prepared by name:
/// planning every statement of every page again doubled the queue's p99.
#[derive(Debug)]
struct NoNamedStatements;

impl diesel::r2d2::CustomizeConnection<PgConnection, diesel::r2d2::Error> for NoNamedStatements {
    fn on_acquire(&self, conn: &mut PgConnection) -> Result<(), diesel::r2d2::Error> {
        use diesel::Connection;
        conn.set_prepared_statement_cache_size(diesel::connection::CacheSize::Disabled);
        Ok(())
    }
}

#[derive(Clone)]
pub struct Db {
    pool: Pool<ConnectionManager<PgConnection>>,
    audit: Option<Arc<AuditKey>>,
}

thread_local! {
    /// The audit key of the [`Db`] whose connection this thread is using:
    /// [`audit::record`] signs with it, so its callers (inside any
    /// transaction) need not carry the key.
    static AUDIT_KEY: RefCell<Option<Arc<AuditKey>>> = const { RefCell::new(None) };
}

/// Makes a key the thread's audit key until dropped, then restores the
/// previous one.
struct AuditScope(Option<Arc<AuditKey>>);

impl AuditScope {
    fn enter(key: Option<Arc<AuditKey>>) -> Self {
        Self(AUDIT_KEY.with(|k| k.replace(key)))
    }
}

impl Drop for AuditScope {
    fn drop(&mut self) {
        let previous = self.0.take();
        AUDIT_KEY.with(|k| *k.borrow_mut() = previous);
    }
}

/// The audit key of the connection in use on this thread, if any.
pub(crate) fn current_audit_key() -> Option<Arc<AuditKey>> {
    AUDIT_KEY.with(|k| k.borrow().clone())
}

impl Db {
    /// Builds the pool without connecting: the service starts (and answers
    /// "try again") even while PostgreSQL is down.
    pub fn new(url: &str, max_size: u32) -> anyhow::Result<Self> {
        Self::with_pooler(url, max_size, false)
    }

    /// A pool whose connections go through a pooler in transaction mode
    /// when `pooled` (see [`NoNamedStatements`]).
    pub fn with_pooler(url: &str, max_size: u32, pooled: bool) -> anyhow::Result<Self> {
        let mut builder = Pool::builder()
            .max_size(max_size)
            .min_idle(Some(0))
            .connection_timeout(Duration::from_secs(2))
            .test_on_check_out(true);
        if pooled {
            builder = builder.connection_customizer(Box::new(NoNamedStatements));
        }
        let pool = builder.build_unchecked(ConnectionManager::<PgConnection>::new(url));
        Ok(Self { pool, audit: None })
    }

    /// This pool, signing the audit entries written through it with `key`.
    /// A pool without one can read but not append to the audit log.
    pub fn with_audit_key(mut self, key: AuditKey) -> Self {
        self.audit = Some(Arc::new(key));
        self
    }

    pub fn audit_key(&self) -> Option<&AuditKey> {
        self.audit.as_deref()
    }

    fn get(&self) -> Result<PooledConnection<ConnectionManager<PgConnection>>, DbError> {
        self.pool.get().map_err(|e| DbError::Unavailable(e.into()))
    }

    /// Runs `f` with a pooled connection on the blocking pool.
    pub async fn run<T, F>(&self, f: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Conn) -> Result<T, DbError> + Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = db.get()?;
            let _audit = AuditScope::enter(db.audit.clone());
            f(&mut conn)
        })
        .await
        .map_err(|e| DbError::Unavailable(anyhow::anyhow!("database task failed: {e}")))?
    }

    /// Runs `f` with a pooled connection on the current thread (for the
    /// command line and background jobs that are already blocking).
    pub fn run_blocking<T>(
        &self,
        f: impl FnOnce(&mut Conn) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        let mut conn = self.get()?;
        let _audit = AuditScope::enter(self.audit.clone());
        f(&mut conn)
    }

    /// Whether PostgreSQL answers now (for `/readyz`).
    pub async fn ping(&self) -> bool {
        self.run(|conn| {
            use diesel::RunQueryDsl;
            diesel::sql_query("SELECT 1")
                .execute(conn)
                .map_err(DbError::from)?;
            Ok(())
        })
        .await
        .is_ok()
    }
}

/// Every master key id something in the database is sealed under.
pub fn master_keys_in_use(conn: &mut Conn) -> Result<Vec<String>, DbError> {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::Text)]
        id: String,
    }
    use diesel::RunQueryDsl;
    let ids: Vec<Id> = diesel::sql_query(
        "SELECT master_key_id AS id FROM cases \
         UNION SELECT master_key_id FROM case_keys \
         UNION SELECT master_key_id FROM link_keys \
         UNION SELECT master_key_id FROM referrals WHERE master_key_id IS NOT NULL \
         UNION SELECT secret_key_id FROM outbox WHERE secret_key_id IS NOT NULL \
         UNION SELECT escrow_key_id FROM shared_keys WHERE escrow_key_id IS NOT NULL \
         UNION SELECT totp_key_id FROM users WHERE totp_key_id IS NOT NULL",
    )
    .load(conn)?;
    Ok(ids.into_iter().map(|i| i.id).collect())
}

/// Applies pending migrations; returns how many ran.
pub fn run_migrations(conn: &mut Conn) -> anyhow::Result<usize> {
    let applied = conn
        .run_pending_migrations(MIGRATIONS)
        .map_err(|e| anyhow::anyhow!("migration failed: {e}"))?;
    Ok(applied.len())
}

/// Converts a text array read from PostgreSQL (whose elements may in
/// principle be NULL) into its non-null elements.
pub(crate) fn strings(values: Vec<Option<String>>) -> Vec<String> {
    values.into_iter().flatten().collect()
}

/// Runs `f` inside one transaction: all of it is stored, or none of it.
pub fn transaction<T>(
    conn: &mut Conn,
    f: impl FnOnce(&mut Conn) -> Result<T, DbError>,
) -> Result<T, DbError> {
    use diesel::Connection;
    conn.transaction(f)
}
