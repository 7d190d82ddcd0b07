//! Building the application: state, middleware, routes, the listener.
//! `Application::build` binds the socket itself, so tests can ask for port
//! 0 and read the port back.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};
use anyhow::Context;

use crate::auth::throttle::{HeldChecks, InFlight, Limiter, SourceLimiter};
use crate::config::Config;
use crate::crypto::{Keyring, KeyringHandle, SecretHasher};
use crate::db::{self, Db};
use crate::routes;
use crate::web::{
    AppError, AppState, access_log, head_as_get, render_error_pages, security_headers,
};

/// Largest urlencoded form (staff forms, follow-up).
const FORM_LIMIT_BYTES: usize = 256 * 1024;

pub struct Application {
    port: u16,
    server: Server,
    state: AppState,
}

/// Loads keys and builds the shared state (without touching the database).
pub fn build_state(config: Config) -> anyhow::Result<AppState> {
    let keyring = KeyringHandle::new(
        &config.master_key_file,
        Keyring::load(&config.master_key_file, config.dev)?,
    );
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    let db = Db::with_pooler(config.database_url.expose(), 16, config.database_pooled)?
        .with_audit_key(keyring.audit_key());
    let replica = match &config.database_replica_url {
        Some(url) => Some(Db::with_pooler(url.expose(), 4, config.database_pooled)?),
        None => None,
    };
    let passkeys = crate::auth::passkeys::relying_party(&config)?.map(Arc::new);
    Ok(AppState {
        passkeys,
        sources: Arc::new(SourceLimiter::default()),
        follow_up_sources: Arc::new(SourceLimiter::default()),
        known_devices: Arc::new(Limiter::default()),
        held_checks: Arc::new(HeldChecks::default()),
        in_flight: Arc::new(InFlight::default()),
        keyring: Arc::new(keyring),
        hasher: SecretHasher::new(cores),
        db,
        replica,
        config: Arc::new(config),
    })
}

/// Refuses to serve when the database holds anything sealed under a master
/// key this instance's key file lacks: on hosts that do not share the file,
/// an instance started with an old copy would fail every case it opens.
pub fn check_keys(state: &AppState) -> anyhow::Result<()> {
    let in_use = state.db.run_blocking(db::master_keys_in_use)?;
    let keyring = state.keyring.get();
    let missing: Vec<String> = in_use
        .into_iter()
        .filter(|id| !keyring.ids().any(|k| k == id))
        .collect();
    if !missing.is_empty() {
        anyhow::bail!(
            "the key file {} lacks master key(s) {} that data in the database is sealed under: \
             copy the key file from a host that has them (see \"Keys on several hosts\" in the README) and start again",
            state.config.master_key_file.display(),
            missing.join(", ")
        );
    }
    Ok(())
}

/// `haven serve`: waits for PostgreSQL and migrates, binds audit entries
/// written before the chain was keyed into it, then serves with the mail
/// worker beside it until SIGINT or SIGTERM.
pub fn serve(config: Config) -> anyhow::Result<()> {
    let state = build_state(config)?;
    let applied = migrate_when_ready(&state.db, Duration::from_secs(120))?;
    tracing::info!(applied, "migrations checked");
    check_keys(&state)?;
    if crate::audit::bind_unkeyed_entries(&state.db)? {
        tracing::info!("audit entries written before the chain was keyed are now bound into it");
    }
    move_to_people_keys(&state);
    let worker = crate::mail::worker::spawn(state.clone())?;
    let served = actix_web::rt::System::new().block_on(async move {
        let app = Application::build(state)?;
        tracing::info!(port = app.port(), "serving");
        app.run_until_stopped()
            .await
            .context("the server stopped with an error")
    });
    worker.stop();
    served
}

/// Moves cases and referrals sealed before keys were held by people (an
/// installation upgraded, or a case filed meanwhile by an instance still
/// running the version before): staff open cases only through people's
/// keys, so this runs before serving and again at each housekeeping round.
/// A case that does not open is left as it was, and said.
pub fn move_to_people_keys(state: &AppState) {
    // Only the two counts that say whether anything is left to move: the
    // full status (grants, escrows) is not needed every round.
    let left = state.db.run_blocking(|conn| {
        Ok(db::migrate_keys::count_legacy_cases(conn)?
            + db::migrate_keys::count_legacy_referrals(conn)?)
    });
    match left {
        Ok(0) => return,
        Ok(_) => {}
        Err(e) => {
            return tracing::warn!(error = %e, "could not count what is left to move to people's keys");
        }
    }
    let keyring = state.keyring.get();
    match crate::keys::migrate(
        &state.db,
        &keyring,
        |line| tracing::info!(%line, "moving to people's keys"),
    ) {
        Ok(moved) => tracing::info!(
            cases = moved.cases,
            referrals = moved.referrals,
            "moved to people's keys"
        ),
        Err(e) => tracing::warn!(
            error = format!("{e:#}"),
            "some cases could not be moved to people's keys"
        ),
    }
}

/// Waits for PostgreSQL (up to `patience`), then applies pending migrations.
pub fn migrate_when_ready(db: &Db, patience: Duration) -> anyhow::Result<usize> {
    let started = std::time::Instant::now();
    loop {
        match db.run_blocking(|conn| db::run_migrations(conn).map_err(db::DbError::Unavailable)) {
            Ok(n) => return Ok(n),
            Err(e) if started.elapsed() < patience => {
                tracing::warn!(error = %e, "waiting for the database");
                std::thread::sleep(Duration::from_secs(2));
            }
            Err(e) => return Err(e).context("the database did not become ready"),
        }
    }
}

impl Application {
    /// Binds `HAVEN_BIND` and builds the server.
    pub fn build(state: AppState) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(&state.config.bind)
            .with_context(|| format!("cannot listen on {}", state.config.bind))?;
        Self::build_with_listener(state, listener)
    }

    /// Builds the server on a socket bound by the caller (tests bind port 0
    /// first, to know the public URL before the state is made).
    pub fn build_with_listener(state: AppState, listener: TcpListener) -> anyhow::Result<Self> {
        let port = listener.local_addr()?.port();
        let data = web::Data::new(state.clone());
        let https = state.config.https();
        let metrics = web::Data::new(crate::web::Metrics::default());
        let onion = state.config.onion_url.clone();
        let server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .app_data(metrics.clone())
                .app_data(
                    web::QueryConfig::default().error_handler(|_, _| AppError::BadRequest.into()),
                )
                .app_data(
                    web::PathConfig::default().error_handler(|_, _| AppError::NotFound.into()),
                )
                .app_data(
                    web::FormConfig::default()
                        .limit(FORM_LIMIT_BYTES)
                        .error_handler(|e, _| match e {
                            actix_web::error::UrlencodedError::Overflow { .. } => {
                                AppError::PayloadTooLarge.into()
                            }
                            _ => AppError::BadRequest.into(),
                        }),
                )
                .wrap(from_fn(render_error_pages))
                .wrap(security_headers(https))
                .wrap(crate::web::onion_location(onion.clone()))
                .wrap(from_fn(access_log))
                .wrap(from_fn(head_as_get))
                .configure(routes::configure)
                .default_service(web::to(|| async {
                    Err::<actix_web::HttpResponse, _>(AppError::NotFound)
                }))
        })
        .listen(listener)?
        .client_request_timeout(Duration::from_secs(10))
        .client_disconnect_timeout(Duration::from_secs(5))
        .keep_alive(Duration::from_secs(30))
        .shutdown_timeout(20)
        .run();
        Ok(Self {
            port,
            server,
            state,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until SIGINT or SIGTERM, finishing requests in flight.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let cleanup = tokio::spawn(housekeeping(self.state.clone()));
        let keys = tokio::spawn(watch_key_file(self.state.clone()));
        let result = self.server.await;
        cleanup.abort();
        keys.abort();
        result
    }
}

/// Re-reads the master key file every 30 seconds if it changed, so that a
/// rotation reaches every running instance without a restart.
async fn watch_key_file(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(30));
    loop {
        tick.tick().await;
        match state.keyring.reload_if_changed() {
            Ok(true) => tracing::info!(
                current = state.keyring.get().current().id(),
                "master key file reloaded"
            ),
            Ok(false) => {}
            Err(e) => tracing::error!(
                error = format!("{e:#}"),
                "master key file could not be reloaded; keeping the keys in memory"
            ),
        }
    }
}

/// Periodic chores of a running instance: expired sessions and spent
/// throttles are deleted, due deletion requests carried out, the key file
/// re-read after a rotation, and once a day the retention policy applied.
async fn housekeeping(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(600));
    let mut last_retention: Option<std::time::Instant> = None;
    loop {
        tick.tick().await;
        let moving = state.clone();
        let _ = tokio::task::spawn_blocking(move || move_to_people_keys(&moving)).await;
        if last_retention.is_none_or(|t| t.elapsed() >= Duration::from_secs(24 * 3600)) {
            last_retention = Some(std::time::Instant::now());
            let days = state.config.retention_days;
            let keep = state.config.outbox_keep_days;
            match state
                .db
                .run(move |conn| {
                    let now = chrono::Utc::now();
                    let cases = crate::cases::purge::purge_retention(conn, now, days, |_| {})?;
                    let mails = crate::cases::purge::prune_outbox(conn, now, keep)?;
                    Ok((cases, mails))
                })
                .await
            {
                Ok((0, 0)) => {}
                Ok((cases, mails)) => tracing::info!(
                    cases,
                    retention_days = days,
                    delivered_emails = mails,
                    "closed cases and delivered emails purged"
                ),
                Err(e) => tracing::warn!(error = %e, "retention purge skipped"),
            }
        }
        let removed = state
            .db
            .run(|conn| {
                let now = chrono::Utc::now();
                let sessions = db::sessions::delete_expired(
                    conn,
                    now - chrono::Duration::seconds(crate::auth::SESSION_IDLE_SECS),
                    now - chrono::Duration::seconds(crate::auth::SESSION_ABSOLUTE_SECS),
                )?;
                let throttles = db::throttles::delete_stale(
                    conn,
                    now - chrono::Duration::seconds(crate::auth::throttle::WINDOW_SECS),
                )?;
                // Rows keep only the hour they were opened in: an hour more
                // than the absolute limit covers every visit of that hour.
                let visits = db::reporter_sessions::delete_expired(
                    conn,
                    now - chrono::Duration::seconds(crate::cases::follow_up::VISIT_ABSOLUTE_SECS)
                        - chrono::Duration::hours(1),
                )?;
                let deleted = crate::cases::purge::purge_due_deletions(conn, now)?;
                // Reports abandoned between steps, with their files (not
                // counted in the log line: its hour would date a visit).
                db::report_drafts::delete_expired(conn, now)?;
                let steps = db::passkeys::delete_expired_steps(conn, now)?;
                let spent_forms = db::spent_form_tokens::delete_expired(conn, now.date_naive())?;
                let receipt_views =
                    db::receipt_views::delete_before(conn, now - chrono::Duration::hours(2))?;
                // A packet's encrypted file is gone once its time is up.
                let packets = crate::cases::packets::expire(conn)?;
                Ok((
                    sessions + visits,
                    throttles + deleted + spent_forms + receipt_views + packets + steps,
                ))
            })
            .await;
        match removed {
            Ok((0, 0)) => {}
            Ok((sessions, other)) => tracing::info!(sessions, other, "expired records removed"),
            Err(e) => tracing::warn!(error = %e, "clean-up skipped"),
        }
    }
}
