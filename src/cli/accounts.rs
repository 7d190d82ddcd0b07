//! `haven user create` and `haven org create`: the options parsed into
//! domain values, then the same accounts service the admin pages call.

use anyhow::{Context, bail};

use super::context;
use crate::accounts::AccountError;
use crate::accounts::groups::{self, GroupValues};
use crate::accounts::users::{self, NewAccount};
use crate::config::Config;
use crate::domain::{
    AgeKeyError, AgeRecipient, Community, EmailAddress, GroupName, Language, NewPassword,
    PasswordProblem, RecipientKind, StaffRole,
};

pub(super) fn create_user(
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
    users::check_membership(role, org.is_some()).map_err(|e| refused(e, org))?;
    let password = match password.map(NewPassword::parse) {
        Some(Ok(p)) => Some(p),
        Some(Err(PasswordProblem::TooShort)) => {
            bail!("the password must have at least 15 characters")
        }
        Some(Err(PasswordProblem::TooLong)) => {
            bail!("the password must have at most 256 characters")
        }
        Some(Err(PasswordProblem::TooCommon)) => bail!(
            "this password is too common or too simple (on a list of breached passwords, or a repeated pattern): choose another"
        ),
        None => None,
    };
    // A name that cannot be a group's is no group's.
    let group = match org {
        Some(name) => {
            Some(GroupName::parse(name).ok_or_else(|| refused(AccountError::NoSuchGroup, org))?)
        }
        None => None,
    };
    let new = NewAccount {
        email: email.clone(),
        role,
        group,
        profile: None,
        password,
    };
    let (ctx, runtime) = context(config)?;
    let created = runtime
        .block_on(users::create(&ctx, None, new))
        .map_err(|e| refused(e, org))?;
    println!(
        "Created {} account {} for {}.",
        role.as_str(),
        created.id,
        email.as_str()
    );
    if created.link.is_none() {
        println!(
            "Its owner's keys and recovery key are made at their first sign-in, and shown to them only."
        );
    }
    if let Some(link) = created.link {
        println!(
            "It has no password yet. Its owner was emailed this single-use link (valid 48 hours):"
        );
        println!("  {link}");
    }
    Ok(())
}

/// What a refusal means on the command line.
fn refused(e: AccountError, org: Option<&str>) -> anyhow::Error {
    match e {
        AccountError::EmailTaken => {
            anyhow::anyhow!("an account with this email address already exists")
        }
        AccountError::GroupRequired => {
            anyhow::anyhow!("a liaison belongs to a partner group: give --org NAME")
        }
        AccountError::GroupNotAllowed => anyhow::anyhow!(
            "only liaisons belong to a partner group: drop --org, or use --role liaison"
        ),
        AccountError::NoSuchGroup => anyhow::anyhow!(
            "no partner group is named {:?}: create it first with `haven org create`",
            org.unwrap_or_default()
        ),
        AccountError::OfficialBody => anyhow::anyhow!(
            "{:?} is an official body, not a partner group: official bodies have no liaisons; give a partner group with --org",
            org.unwrap_or_default()
        ),
        e => e.into(),
    }
}

pub(super) fn create_org(
    config: &Config,
    name: &str,
    emails: &[String],
    communities: &[String],
    kind: &str,
    age_key: Option<&str>,
) -> anyhow::Result<()> {
    let kind = RecipientKind::parse(kind).with_context(|| {
        format!("--kind must be partner, police, national_security, legal or other, not {kind:?}")
    })?;
    if kind.is_official() && !communities.is_empty() {
        bail!("only partner groups serve communities: drop --community for an official body");
    }
    // The value is never repeated: it may be a secret key.
    let age_key = match age_key.map(AgeRecipient::parse) {
        None => None,
        Some(Ok(key)) => Some(key),
        Some(Err(AgeKeyError::SecretKey)) => bail!(
            "--age-key is an age SECRET key (AGE-SECRET-KEY-1…); nothing was stored. It must stay with the recipient: give their public key, which starts with age1 (if they sent you the secret key, ask them to make a new key pair)"
        ),
        Some(Err(AgeKeyError::Invalid)) => bail!(
            "--age-key is not an age public key: one starts with age1 and has 62 characters, as age-keygen prints after \"public key:\""
        ),
    };
    let name = GroupName::parse(name)
        .context("--name must have 1 to 200 characters, without control or invisible characters")?;
    let emails = emails
        .iter()
        .map(|e| EmailAddress::parse(e).with_context(|| format!("{e:?} is not an email address")))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let communities = communities
        .iter()
        .map(|c| {
            Community::parse(c).with_context(|| {
                let all: Vec<_> = Community::ALL.iter().map(|c| c.as_str()).collect();
                format!("{c:?} is not a community; use one of: {}", all.join(", "))
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let shown = name.as_str().to_string();
    let addresses = emails.len();
    let key = age_key.as_ref().map(AgeRecipient::short);
    let group = GroupValues {
        name,
        kind,
        emails,
        communities,
        language: Language::En,
        age_key,
    };
    let (ctx, runtime) = context(config)?;
    let id = match runtime.block_on(groups::create(&ctx, None, group)) {
        Err(AccountError::GroupNameTaken) => bail!(
            "a partner group or official body named {shown:?} (or a name that differs only in case or width) already exists"
        ),
        other => other?,
    };
    if kind.is_official() {
        println!(
            "Created official body {id} ({shown:?}, {}) with {addresses} contact address(es).",
            kind.as_str()
        );
    } else {
        println!(
            "Created partner group {id} ({shown:?}) with {addresses} notification address(es)."
        );
    }
    match key {
        Some(key) => println!("Its age public key: {key}."),
        None => println!(
            "It has no age public key: it will receive only the notice that a case was shared, never its content."
        ),
    }
    Ok(())
}
