//! The command line: `haven serve`, `haven migrate`, `haven user create`,
//! `haven org create`, `haven purge`, `haven keys …`, `haven audit …`,
//! `haven demo`. Every value can be given as an option, so each
//! command runs in a script without a prompt.

mod accounts;
mod maintenance;

use std::io::Read;
use std::time::Duration;

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::context::Ctx;
use crate::db::Db;
use crate::startup::migrate_when_ready;
use accounts::{create_org, create_user};
use maintenance::{checkpoint, keys_migrate, keys_status, purge, verify};

#[derive(Parser)]
#[command(
    name = "haven",
    version,
    about = "Haven: confidential reporting and support"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Apply migrations, then serve HTTP until stopped (SIGINT or SIGTERM).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage recipients: partner community groups and official bodies.
    Org {
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// Apply the retention policy now: purge cases closed longer than
    /// HAVEN_RETENTION_DAYS and deletions reporters asked for that are due,
    /// then rotate the master key so that older backups cannot open them.
    Purge {
        /// Seconds to wait for running instances to load the rotated key file.
        #[arg(long, default_value_t = 40)]
        wait: u64,
    },
    /// Keys: the master key's rotation, and the move to keys held by people.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Seed demonstration data (encrypted like real reports), for trying Haven out.
    Demo {
        /// How many demonstration cases to add.
        #[arg(long, default_value_t = 40)]
        cases: usize,
    },
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create a staff account.
    Create {
        #[arg(long)]
        email: String,
        /// admin, caseworker or liaison
        #[arg(long)]
        role: String,
        /// The partner group of a liaison (by name).
        #[arg(long)]
        org: Option<String>,
        /// Read the password from standard input (at least 15 characters).
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
pub enum KeysCommand {
    /// Put a new master key in front and re-wrap every case key (and sealed
    /// secret) under it, while Haven keeps running.
    Rotate {
        /// Seconds to wait for running instances to load the new key file
        /// before re-wrapping (they re-read it every 30 seconds).
        #[arg(long, default_value_t = 40)]
        wait: u64,
        /// Make this key (added with `haven keys add` and copied to every
        /// host) current, rather than a new one.
        #[arg(long)]
        to: Option<String>,
    },
    /// Add a new master key at the end of the key file, not in use yet
    /// (rotation on hosts that do not share the file: add, copy the file
    /// everywhere, then `rotate --to` the new key).
    Add,
    /// Remove master keys that nothing is wrapped under any more.
    Retire,
    /// Move cases, notes and referrals sealed before keys were held by
    /// people to the team's and the groups' keys (in batches, resumable;
    /// a second run changes nothing), then say what stays interim.
    Migrate,
    /// Show what the master key alone still protects: cases not moved or
    /// waiting for their reporter, accounts without a key pair, pending
    /// grants, keys in escrow, and the team's current key. Read-only.
    Status,
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Check the audit log's keyed chain: exits non-zero if an entry was
    /// altered or removed.
    Verify {
        /// A checkpoint printed earlier by `haven audit checkpoint`: also
        /// detect that the newest entries up to it were removed.
        #[arg(long)]
        checkpoint: Option<String>,
    },
    /// Check the chain, then print its head (`ID:MAC`). Keep the line
    /// outside this server and its backups (e.g. daily, from cron): `haven
    /// audit verify --checkpoint` then shows whether entries were cut off.
    Checkpoint,
}

#[derive(Subcommand)]
pub enum OrgCommand {
    /// Create a recipient: a partner community group (the default) or an
    /// official body.
    Create {
        #[arg(long)]
        name: String,
        /// A notification address (repeat for several).
        #[arg(long = "email", required = true)]
        emails: Vec<String>,
        /// A community served (repeat for several; partner groups only): uyghur, tibetan, hong_kong, chinese, falun_gong, ...
        #[arg(long = "community")]
        communities: Vec<String>,
        /// partner (a partner group, with liaisons), or an official body: police, national_security, legal, other.
        #[arg(long, default_value = "partner")]
        kind: String,
        /// The recipient's age public key (age1…). Without one, it receives only the notice that a case was shared.
        #[arg(long = "age-key")]
        age_key: Option<String>,
    },
}

pub fn run(cli: Cli, config: Config) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve => crate::startup::serve(config),
        Command::Migrate => {
            let db = Db::with_pooler(config.database_url.expose(), 1, config.database_pooled)?;
            let n = migrate_when_ready(&db, Duration::from_secs(30))?;
            println!("Database up to date ({n} migration(s) applied).");
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Create {
                    email,
                    role,
                    org,
                    password_stdin,
                },
        } => {
            let password = if password_stdin {
                Some(read_password_stdin()?)
            } else {
                None
            };
            create_user(&config, &email, &role, org.as_deref(), password)
        }
        Command::Org {
            command:
                OrgCommand::Create {
                    name,
                    emails,
                    communities,
                    kind,
                    age_key,
                },
        } => create_org(
            &config,
            &name,
            &emails,
            &communities,
            &kind,
            age_key.as_deref(),
        ),
        Command::Purge { wait } => purge(&config, wait),
        Command::Keys {
            command: KeysCommand::Rotate { wait, to },
        } => {
            let db = connect(&config)?;
            crate::keys::rotate(
                &db,
                &config.master_key_file,
                std::time::Duration::from_secs(wait),
                to.as_deref(),
                |line| println!("{line}"),
            )
        }
        Command::Keys {
            command: KeysCommand::Add,
        } => crate::keys::add(&config.master_key_file, |line| println!("{line}")).map(|_| ()),
        Command::Keys {
            command: KeysCommand::Retire,
        } => {
            let db = connect(&config)?;
            crate::keys::retire(&db, &config.master_key_file, |line| println!("{line}"))
        }
        Command::Keys {
            command: KeysCommand::Migrate,
        } => keys_migrate(&config),
        Command::Keys {
            command: KeysCommand::Status,
        } => keys_status(&config),
        Command::Audit {
            command: AuditCommand::Verify { checkpoint },
        } => verify(&config, checkpoint),
        Command::Audit {
            command: AuditCommand::Checkpoint,
        } => checkpoint(&config),
        Command::Demo { cases } => {
            let db = connect(&config)?;
            let keyring = crate::crypto::Keyring::load(&config.master_key_file, config.dev)?;
            println!("Seeding {cases} demonstration cases...");
            crate::demo::seed(&db, &keyring, cases)
        }
    }
}

fn read_password_stdin() -> anyhow::Result<String> {
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .context("cannot read the password from standard input")?;
    let trimmed = input.strip_suffix('\n').unwrap_or(&input);
    Ok(trimmed.strip_suffix('\r').unwrap_or(trimmed).to_string())
}

/// A connection for a command, migrated, signing audit entries with the
/// key file's audit key.
fn connect(config: &Config) -> anyhow::Result<Db> {
    let keyring = crate::crypto::Keyring::load(&config.master_key_file, config.dev)?;
    let db = Db::with_pooler(config.database_url.expose(), 1, config.database_pooled)?
        .with_audit_key(keyring.audit_key());
    migrate_when_ready(&db, Duration::from_secs(10))?;
    Ok(db)
}

/// The services' context for a command, migrated, and a runtime to run
/// them on until the command is done.
fn context(config: &Config) -> anyhow::Result<(Ctx, tokio::runtime::Runtime)> {
    let ctx = crate::startup::build_state(config.clone())?;
    migrate_when_ready(&ctx.db, Duration::from_secs(10))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .context("cannot start a runtime for the command")?;
    Ok((ctx, runtime))
}
