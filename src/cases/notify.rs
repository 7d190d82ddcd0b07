//! Telling staff that something is waiting, through the outbox, in the
//! transaction of the change that causes it. Every such message goes in a
//! slot ([`crate::mail::slots`]): urgent cases in the next urgent slot,
//! everything else in the daily digest; a recipient gets one message of a
//! kind per slot. No message names a case or links to one.
//!
//! With `HAVEN_MAIL_CONSTANT=1` every slot mails every active group and
//! every caseworker on duty the same "something may be waiting" message,
//! whether or not anything waits, and a change only makes sure its
//! recipient is in the next slot: the mail then shows nothing at all.

use chrono::{DateTime, Utc};

use crate::config::Config;
use crate::db::{self, Conn, DbError};
use crate::mail::message::Email;
use crate::mail::outbox;
use crate::mail::slots::{Cadence, Schedule};

/// Where the urgent-case email points: the queue filtered to urgent cases.
pub const URGENT_QUEUE_PATH: &str = "/staff/cases?risk=urgent&sort=risk";
/// Where a partner group's email points: its referrals.
pub const REFERRALS_PATH: &str = "/staff/referrals";
/// Where a caseworker's digest points: the queue.
pub const QUEUE_PATH: &str = "/staff/cases";
/// Where an official body's email points: Haven's front page, which says
/// what Haven is (such a recipient has no account).
pub const HOME_PATH: &str = "/";
/// Where a constant-mode email points: each role's own start page.
pub const START_PATH: &str = "/staff";

/// Queues notifications in their slots; cheap to clone into a database
/// closure.
#[derive(Clone, Debug)]
pub struct Notifier {
    host: String,
    schedule: Schedule,
    constant: bool,
}

impl Notifier {
    pub fn new(config: &Config) -> Self {
        Self {
            host: config.host().to_string(),
            schedule: Schedule::from_config(config),
            constant: config.mail_constant,
        }
    }

    pub fn schedule(&self) -> Schedule {
        self.schedule
    }

    fn queue(
        &self,
        conn: &mut Conn,
        recipient: &str,
        language: &str,
        cadence: Cadence,
        email: Email,
        path: &str,
    ) -> Result<bool, DbError> {
        let (email, path, cadence) = if self.constant {
            (Email::Waiting, START_PATH, Cadence::Urgent)
        } else {
            (email, path, cadence)
        };
        let slot = self.schedule.next(cadence, Utc::now());
        outbox::queue_in_slot(conn, &self.host, recipient, language, email, path, slot)
    }

    /// An urgent case is waiting: every caseworker on duty (or, when nobody
    /// is on duty, every caseworker and admin), in the next urgent slot;
    /// returns how many people will hear of it.
    pub fn urgent_case(&self, conn: &mut Conn) -> Result<usize, DbError> {
        let recipients = db::users::urgent_recipients(conn)?;
        for user in &recipients {
            self.queue(
                conn,
                &user.email,
                &user.language,
                Cadence::Urgent,
                Email::UrgentCase,
                URGENT_QUEUE_PATH,
            )?;
        }
        Ok(recipients.len())
    }

    /// A referral is waiting for `org` (its addresses, in the digest).
    pub fn referral_waiting(
        &self,
        conn: &mut Conn,
        org: &db::organisations::OrganisationRow,
    ) -> Result<(), DbError> {
        let email = Email::ReferralWaiting {
            group: org.name.clone(),
        };
        self.to_group(conn, org, email)
    }

    /// A referral to `org` not yet answered was withdrawn by its reporter
    /// (its addresses, in the digest): that it was, never which.
    pub fn referral_withdrawn(
        &self,
        conn: &mut Conn,
        org: &db::organisations::OrganisationRow,
    ) -> Result<(), DbError> {
        let email = Email::ReferralWithdrawn {
            group: org.name.clone(),
        };
        self.to_group(conn, org, email)
    }

    /// A recipient's age key was set, changed or removed: every active
    /// admin, at once, linking to the recipient's page.
    pub fn recipient_key_changed(
        &self,
        conn: &mut Conn,
        org_id: i64,
        name: &str,
    ) -> Result<(), DbError> {
        let email = Email::RecipientKeyChanged {
            group: name.to_string(),
        };
        self.to_admins(conn, email, &format!("/staff/admin/groups/{org_id}"), None)
    }

    /// An administrator was deactivated, or account `concerned` gained or
    /// lost the administrator role: every active admin and the account
    /// concerned, at once, linking to the accounts page.
    pub fn admin_access_changed(
        &self,
        conn: &mut Conn,
        concerned: &db::users::UserRow,
    ) -> Result<(), DbError> {
        let email = Email::AdminAccessChanged;
        self.to_admins(conn, email, "/staff/admin/users", Some(concerned))
    }

    /// The second factors of `user` changed: to them, at once, linking to
    /// their two-factor page.
    pub fn second_factor_changed(
        &self,
        conn: &mut Conn,
        user: &db::users::UserRow,
    ) -> Result<(), DbError> {
        outbox::queue(
            conn,
            &self.host,
            &user.email,
            &user.language,
            Email::SecondFactorChanged,
            "/staff/account/totp",
        )
    }

    /// `email` to every active admin (and to `also`, if not one of them),
    /// at once. An admin's action, not a reporter's: it waits for no slot
    /// and is never replaced by the constant message, so that each change
    /// is told as itself.
    fn to_admins(
        &self,
        conn: &mut Conn,
        email: Email,
        path: &str,
        also: Option<&db::users::UserRow>,
    ) -> Result<(), DbError> {
        let mut to = db::users::active_admins(conn)?;
        if let Some(user) = also.filter(|u| !to.iter().any(|a| a.id == u.id)) {
            to.push(user.clone());
        }
        for user in &to {
            outbox::queue(
                conn,
                &self.host,
                &user.email,
                &user.language,
                email.clone(),
                path,
            )?;
        }
        Ok(())
    }

    /// `email` to each of `org`'s addresses, in the digest, linking to its
    /// referrals.
    fn to_group(
        &self,
        conn: &mut Conn,
        org: &db::organisations::OrganisationRow,
        email: Email,
    ) -> Result<(), DbError> {
        for address in org.emails() {
            self.queue(
                conn,
                &address,
                &org.language,
                Cadence::Digest,
                email.clone(),
                REFERRALS_PATH,
            )?;
        }
        Ok(())
    }

    /// A packet waits for `org`: for a partner group, its liaisons find it
    /// on the referral; an official body hears only that it is ready (a
    /// caseworker delivers the file). In the next urgent slot: a packet's
    /// link lasts minutes for a caseworker and days for a group.
    pub fn packet_ready(
        &self,
        conn: &mut Conn,
        org: &db::organisations::OrganisationRow,
    ) -> Result<(), DbError> {
        // With constant mail, only partner groups are in every slot: an
        // official body mailed now would learn when a case was shared. The
        // caseworker who built it tells them.
        if self.constant && !org.is_partner() {
            return Ok(());
        }
        let path = if org.is_partner() {
            REFERRALS_PATH
        } else {
            HOME_PATH
        };
        for address in org.emails() {
            let email = Email::PacketReady {
                group: org.name.clone(),
            };
            self.queue(conn, &address, &org.language, Cadence::Urgent, email, path)?;
        }
        Ok(())
    }

    /// A case was shared with `org`, which has no key to receive content:
    /// the notice, in the digest.
    pub fn case_shared(
        &self,
        conn: &mut Conn,
        org: &db::organisations::OrganisationRow,
    ) -> Result<(), DbError> {
        // With constant mail, only partner groups are in every slot: an
        // official body mailed now would learn when a case was shared. The
        // caseworker who built it tells them.
        if self.constant && !org.is_partner() {
            return Ok(());
        }
        let path = if org.is_partner() {
            REFERRALS_PATH
        } else {
            HOME_PATH
        };
        for address in org.emails() {
            let email = Email::CaseShared {
                group: org.name.clone(),
            };
            self.queue(conn, &address, &org.language, Cadence::Digest, email, path)?;
        }
        Ok(())
    }

    /// `group` answered a referral made by `caseworker` (in the digest).
    pub fn referral_answered(
        &self,
        conn: &mut Conn,
        caseworker: &db::users::UserRow,
        group: &str,
    ) -> Result<(), DbError> {
        let email = Email::ReferralAnswered {
            group: group.to_string(),
        };
        self.queue(
            conn,
            &caseworker.email,
            &caseworker.language,
            Cadence::Digest,
            email,
            QUEUE_PATH,
        )?;
        Ok(())
    }

    /// A reporter wrote, added evidence, asked for deletion or changed a
    /// consent: the case's
    /// assignee hears that something waits, in the digest — or, when the
    /// case has no active assignee, the caseworkers on duty (everyone who
    /// works cases when nobody is). Never what, nor which case.
    pub fn reporter_activity(
        &self,
        conn: &mut Conn,
        assignee_id: Option<i64>,
    ) -> Result<(), DbError> {
        let assignee = assignee_id
            .map(|id| db::users::find(conn, id))
            .transpose()?
            .flatten()
            .filter(|u| u.active);
        let recipients = match assignee {
            Some(user) => vec![user],
            None => db::users::urgent_recipients(conn)?,
        };
        for user in &recipients {
            self.queue(
                conn,
                &user.email,
                &user.language,
                Cadence::Digest,
                Email::Waiting,
                QUEUE_PATH,
            )?;
        }
        Ok(())
    }

    /// Constant mode: the slot at `slot` mails every active group and every
    /// caseworker on duty (everyone who works cases when nobody is), whether
    /// or not anything waits. Idempotent, so every instance may call it;
    /// returns how many messages were added.
    pub fn fill_constant_slot(
        &self,
        conn: &mut Conn,
        slot: DateTime<Utc>,
    ) -> Result<usize, DbError> {
        if !self.constant {
            return Ok(0);
        }
        let mut added = 0;
        let mut add = |conn: &mut Conn, recipient: &str, language: &str| {
            outbox::queue_in_slot(
                conn,
                &self.host,
                recipient,
                language,
                Email::Waiting,
                START_PATH,
                slot,
            )
            .map(|new| added += usize::from(new))
        };
        db::transaction(conn, |conn| {
            for user in db::users::urgent_recipients(conn)? {
                add(conn, &user.email, &user.language)?;
            }
            for org in db::organisations::list(conn)?
                .into_iter()
                .filter(|o| o.active)
            {
                for address in org.emails() {
                    add(conn, &address, &org.language)?;
                }
            }
            Ok(())
        })?;
        Ok(added)
    }
}
