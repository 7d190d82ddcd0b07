//! The command line: `haven serve`, `haven migrate`, `haven user create`,
//! `haven org create`. Every value can be given as an option, so each
//! command runs in a script without a prompt.

use std::io::Read;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::crypto::hash_secret_blocking;
use crate::db::{self, Db};
use crate::domain::{Community, EmailAddress, GroupName, NewPassword, PasswordProblem, StaffRole};
use crate::startup::migrate_when_ready;

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
    /// Manage partner community groups.
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
    /// Master keys.
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
    },
    /// Remove master keys that nothing is wrapped under any more.
    Retire,
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
    /// Create a partner community group.
    Create {
        #[arg(long)]
        name: String,
        /// A notification address (repeat for several).
        #[arg(long = "email", required = true)]
        emails: Vec<String>,
        /// A community served (repeat for several): uyghur, tibetan, hong_kong, chinese, falun_gong, ...
        #[arg(long = "community")]
        communities: Vec<String>,
    },
}

pub fn run(cli: Cli, config: Config) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve => crate::startup::serve(config),
        Command::Migrate => {
            let db = Db::new(config.database_url.expose(), 1)?;
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
                },
        } => create_org(&config, &name, &emails, &communities),
        Command::Purge { wait } => purge(&config, wait),
        Command::Keys {
            command: KeysCommand::Rotate { wait },
        } => {
            let db = connect(&config)?;
            crate::keys::rotate(
                &db,
                &config.master_key_file,
                std::time::Duration::from_secs(wait),
                |line| println!("{line}"),
            )
        }
        Command::Keys {
            command: KeysCommand::Retire,
        } => {
            let db = connect(&config)?;
            crate::keys::retire(&db, &config.master_key_file, |line| println!("{line}"))
        }
        Command::Audit {
            command: AuditCommand::Verify { checkpoint },
        } => {
            let checkpoint = checkpoint
                .map(|text| {
                    crate::audit::Checkpoint::parse(&text).with_context(|| {
                        format!("--checkpoint {text:?} is not a checkpoint (ID:MAC, as `haven audit checkpoint` prints it)")
                    })
                })
                .transpose()?;
            let db = connect(&config)?;
            let verdict = crate::audit::verify_against(&db, checkpoint.as_ref(), |n| {
                println!("  checked {n} entries")
            })?;
            let rows = explain(verdict)?;
            println!("The audit log is intact: {rows} entries, each chained to the one before.");
            if checkpoint.is_some() {
                println!("It still holds the checkpoint's entry, unchanged.");
            }
            Ok(())
        }
        Command::Audit {
            command: AuditCommand::Checkpoint,
        } => {
            let db = connect(&config)?;
            let verdict = crate::audit::verify(&db, |_| {})?;
            let head = match &verdict {
                crate::audit::Verdict::Intact { head, .. } => head.to_string(),
                _ => String::new(),
            };
            explain(verdict)?;
            println!("{head}");
            Ok(())
        }
        Command::Demo { cases } => {
            let db = connect(&config)?;
            let keyring = crate::crypto::Keyring::load(&config.master_key_file, config.dev)?;
            println!("Seeding {cases} demonstration cases...");
            crate::demo::seed(&db, &keyring, cases)
        }
    }
}

/// The failure a verdict stands for, or the number of entries checked.
fn explain(verdict: crate::audit::Verdict) -> anyhow::Result<u64> {
    use crate::audit::Verdict;
    const COMPROMISED: &str = "treat this database as compromised";
    match verdict {
        Verdict::Intact { rows, .. } => Ok(rows),
        Verdict::Altered { id } => {
            bail!("audit entry {id} was altered after it was written: {COMPROMISED}")
        }
        Verdict::Missing { before_id } => {
            bail!("audit entries were removed just before entry {before_id}: {COMPROMISED}")
        }
        Verdict::Unkeyed { rows } => bail!(
            "none of the {rows} audit entries is signed with this key file's audit key: \
             the chain was stripped, or this is not the key file that signed it"
        ),
        Verdict::Truncated {
            checkpoint_id,
            last_id,
        } => bail!(
            "the audit log ends at entry {} but the checkpoint names entry {checkpoint_id}: \
             the newest entries were removed; {COMPROMISED}",
            last_id.unwrap_or(0)
        ),
        Verdict::Diverged { id } => bail!(
            "audit entry {id} differs from the checkpoint: entries up to it were removed or \
             rewritten (or the checkpoint belongs to another database); {COMPROMISED}"
        ),
    }
}

fn purge(config: &Config, shred_wait: u64) -> anyhow::Result<()> {
    let db = connect(config)?;
    let now = chrono::Utc::now();
    println!(
        "Applying the retention policy: closed cases are kept {} days.",
        config.retention_days
    );
    let retained = db.run_blocking(|conn| {
        crate::cases::purge::purge_retention(conn, now, config.retention_days, |n| {
            println!("  purged {n} closed cases so far")
        })
    })?;
    let requested = db.run_blocking(|conn| crate::cases::purge::purge_due_deletions(conn, now))?;
    println!(
        "Purged {retained} case(s) closed more than {} days ago and {requested} case(s) whose reporters asked for deletion.",
        config.retention_days
    );
    let pruned = db.run_blocking(|conn| {
        crate::cases::purge::prune_outbox(conn, now, config.outbox_keep_days)
    })?;
    println!(
        "Removed {pruned} email(s) delivered more than {} days ago from the outbox.",
        config.outbox_keep_days
    );
    // A purged case's wrapped key is gone from the database, but a backup
    // taken before still holds it, and the master key opens it. Moving every
    // remaining case to a new master key and retiring the old one makes
    // those backups useless for the purged cases too.
    if db.run_blocking(db::audit::shred_pending)? {
        println!(
            "Rotating the master key so that backups taken before this purge cannot open the purged cases..."
        );
        crate::keys::rotate(
            &db,
            &config.master_key_file,
            std::time::Duration::from_secs(shred_wait),
            |line| println!("{line}"),
        )?;
        crate::keys::retire(&db, &config.master_key_file, |line| println!("{line}"))?;
    } else {
        println!("Nothing was purged since the last master-key rotation: no rotation needed.");
    }
    Ok(())
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
    let db = Db::new(config.database_url.expose(), 1)?.with_audit_key(keyring.audit_key());
    migrate_when_ready(&db, Duration::from_secs(10))?;
    Ok(db)
}

fn create_user(
    config: &Config,
    email: &str,
    role: &str,
    org: Option<&str>,
    password: Option<String>,
) -> anyhow::Result<()> {
    let email =
        EmailAddress::parse(email).with_context(|| format!("{email:?} is not an email address"))?;
    let role = StaffRole::parse(role)
        .with_context(|| format!("--role must be admin, caseworker or liaison, not {role:?}"))?;
    if role == StaffRole::Liaison && org.is_none() {
        bail!("a liaison belongs to a partner group: give --org NAME");
    }
    if role != StaffRole::Liaison && org.is_some() {
        bail!("only liaisons belong to a partner group: drop --org, or use --role liaison");
    }
    let hash = match password {
        Some(p) => match NewPassword::parse(p) {
            Ok(p) => Some(hash_secret_blocking(p.expose())),
            Err(PasswordProblem::TooShort) => {
                bail!("the password must have at least 15 characters")
            }
            Err(PasswordProblem::TooLong) => bail!("the password must have at most 256 characters"),
            Err(PasswordProblem::TooCommon) => {
                bail!(
                    "this password is too common or too simple (on a list of breached passwords, or a repeated pattern): choose another"
                )
            }
        },
        None => None,
    };
    let db = connect(config)?;
    let org_id = match org {
        Some(name) => Some(
            db.run_blocking(|conn| match GroupName::parse(name) {
                Some(n) => db::organisations::find_by_key(conn, &n.key()),
                None => Ok(None),
            })?
            .with_context(|| {
                format!(
                    "no partner group is named {name:?}: create it first with `haven org create`"
                )
            })?
            .id,
        ),
        None => None,
    };
    let row = db::users::NewUserRow {
        email: email.as_str(),
        password_hash: hash.as_deref(),
        role: role.as_str(),
        organisation_id: org_id,
    };
    // Without a password, the account gets a single-use link to set one,
    // emailed to its owner and printed here.
    let keyring = if hash.is_none() {
        Some(crate::crypto::Keyring::load(
            &config.master_key_file,
            config.dev,
        )?)
    } else {
        None
    };
    let created = db.run_blocking(|conn| {
        db::transaction(conn, |conn| {
            let user = db::users::insert(conn, &row)?;
            let link = match &keyring {
                Some(keyring) => Some(crate::auth::passwords::issue_link(
                    conn,
                    keyring,
                    config.host(),
                    &user,
                    crate::mail::message::Email::Welcome,
                )?),
                None => None,
            };
            Ok((user, link))
        })
    });
    let (user, link) = match created {
        Err(db::DbError::Conflict) => bail!("an account with this email address already exists"),
        other => other?,
    };
    println!(
        "Created {} account {} for {}.",
        role.as_str(),
        user.id,
        email.as_str()
    );
    if let Some(token) = link {
        println!(
            "It has no password yet. Its owner was emailed this single-use link (valid 48 hours):"
        );
        println!(
            "  {}{}{token}",
            config.base_url,
            crate::auth::passwords::LINK_PATH
        );
    }
    Ok(())
}

fn create_org(
    config: &Config,
    name: &str,
    emails: &[String],
    communities: &[String],
) -> anyhow::Result<()> {
    let name = GroupName::parse(name)
        .context("--name must have 1 to 200 characters, without control or invisible characters")?;
    let emails = emails
        .iter()
        .map(|e| {
            EmailAddress::parse(e)
                .map(|e| e.as_str().to_string())
                .with_context(|| format!("{e:?} is not an email address"))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let communities = communities
        .iter()
        .map(|c| {
            Community::parse(c)
                .map(|c| c.as_str().to_string())
                .with_context(|| {
                    let all: Vec<_> = Community::ALL.iter().map(|c| c.as_str()).collect();
                    format!("{c:?} is not a community; use one of: {}", all.join(", "))
                })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let db = connect(config)?;
    let org = match db
        .run_blocking(|conn| db::organisations::insert(conn, &name, &emails, &communities))
    {
        Err(db::DbError::Conflict) => bail!(
            "a partner group named {:?} (or a name that differs only in case or width) already exists",
            name.as_str()
        ),
        other => other?,
    };
    println!(
        "Created partner group {} ({:?}) with {} notification address(es).",
        org.id,
        org.name,
        emails.len()
    );
    Ok(())
}
