//! What an audit entry is about, in the words admins use: cases by their
//! reference, referrals by their short id and case, accounts by name and
//! email, groups by name — resolved for a page of entries at once.

use std::collections::HashMap;

use crate::db::{self, Conn, DbError, audit::AuditRow};
use crate::domain::PublicId;

/// A case an entry names: by reference, or by its number once purged (its
/// reference went with it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseName {
    Reference(String),
    Purged(String),
}

/// An account an entry names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Person {
    Known { name: String, email: String },
    Unknown(String),
}

/// A group an entry names: by name, or by number if it is unknown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Group {
    Named(String),
    Unknown(String),
}

/// What an entry is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    None,
    Case(CaseName),
    /// A referral: its short id, and its case while the case is held.
    Referral {
        short: String,
        case: Option<String>,
    },
    /// An evidence file, by its case while the case is held.
    Evidence(Option<String>),
    Account(Person),
    Group(Group),
    /// Anything else (keys, the outbox, the log itself), as recorded.
    Other {
        kind: String,
        id: String,
    },
}

/// An entry's detail: codes as recorded, or the case, account or group its
/// id stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detail {
    Text(String),
    Case(CaseName),
    Cases(Vec<CaseName>),
    Account(Person),
    Unassigned,
    Group(Group),
}

/// The names of everything a page of entries refers to.
#[derive(Default)]
pub struct Names {
    cases: HashMap<i64, String>,
    /// By referral id and by public id: (public id, case reference).
    referrals: HashMap<String, (String, String)>,
    evidence: HashMap<String, String>,
    accounts: HashMap<i64, (String, String)>,
    groups: HashMap<i64, String>,
}

/// The ids a page of entries names, by table.
#[derive(Default)]
struct Wanted {
    cases: Vec<i64>,
    referral_ids: Vec<i64>,
    referral_public_ids: Vec<String>,
    evidence: Vec<String>,
    accounts: Vec<i64>,
    groups: Vec<i64>,
}

/// The names `rows` refer to, in one query per table.
pub fn resolve(conn: &mut Conn, rows: &[AuditRow]) -> Result<Names, DbError> {
    let wanted = wanted(rows);
    let mut referrals = HashMap::new();
    for (id, public_id, reference) in
        db::audit_names::referral_cases(conn, &wanted.referral_ids, &wanted.referral_public_ids)?
    {
        let entry = (public_id.clone(), reference);
        referrals.insert(id.to_string(), entry.clone());
        referrals.insert(public_id, entry);
    }
    Ok(Names {
        cases: db::audit_names::case_references(conn, &wanted.cases)?
            .into_iter()
            .collect(),
        referrals,
        evidence: db::audit_names::evidence_cases(conn, &wanted.evidence)?
            .into_iter()
            .collect(),
        accounts: db::audit_names::accounts(conn, &wanted.accounts)?
            .into_iter()
            .map(|(id, email, name)| (id, (name, email)))
            .collect(),
        groups: db::audit_names::groups(conn, &wanted.groups)?
            .into_iter()
            .collect(),
    })
}

fn wanted(rows: &[AuditRow]) -> Wanted {
    let mut w = Wanted::default();
    let number = |s: &str| s.parse::<i64>().ok();
    for r in rows {
        w.accounts.extend(r.actor_id);
        let id = r.target_id.as_str();
        match r.target_type.as_str() {
            "case" => w.cases.extend(number(id)),
            "referral" => match number(id) {
                Some(n) => w.referral_ids.push(n),
                None => w.referral_public_ids.push(id.to_string()),
            },
            "evidence" => w.evidence.push(id.to_string()),
            "user" => w.accounts.extend(number(id)),
            "group" => w.groups.extend(number(id)),
            _ => {}
        }
        match detail_kind(r) {
            DetailKind::Case => w.cases.extend(number(&r.detail)),
            DetailKind::Cases => w.cases.extend(r.detail.split(',').filter_map(number)),
            DetailKind::Account => w.accounts.extend(number(&r.detail)),
            DetailKind::Group => w.groups.extend(number(&r.detail)),
            DetailKind::Packet => w
                .groups
                .extend(packet_recipient(&r.detail).and_then(number)),
            DetailKind::Text => {}
        }
    }
    for ids in [
        &mut w.cases,
        &mut w.referral_ids,
        &mut w.accounts,
        &mut w.groups,
    ] {
        ids.sort_unstable();
        ids.dedup();
    }
    w
}

/// What an entry's detail holds, by its action.
enum DetailKind {
    Text,
    Case,
    Cases,
    Account,
    Group,
    Packet,
}

fn detail_kind(r: &AuditRow) -> DetailKind {
    match r.action.as_str() {
        "case.link_confirmed" | "case.link_dismissed" => DetailKind::Case,
        "links.view" => DetailKind::Cases,
        "case.assign" => DetailKind::Account,
        "case.refer" => DetailKind::Group,
        a if a.starts_with("packet.") => DetailKind::Packet,
        _ => DetailKind::Text,
    }
}

/// The group id in a packet entry's `recipient=<id>`.
fn packet_recipient(detail: &str) -> Option<&str> {
    detail
        .split(' ')
        .find_map(|pair| pair.strip_prefix("recipient="))
}

impl Names {
    /// The account that acted, if any.
    pub fn actor(&self, r: &AuditRow) -> Option<Person> {
        r.actor_id.map(|id| self.person(&id.to_string()))
    }

    pub fn target(&self, r: &AuditRow) -> Target {
        let id = r.target_id.as_str();
        match r.target_type.as_str() {
            "" => Target::None,
            "case" => Target::Case(self.case(id)),
            "referral" => self.referral(id),
            "evidence" => Target::Evidence(self.evidence.get(id).cloned()),
            "user" => Target::Account(self.person(id)),
            "group" => Target::Group(self.group(id)),
            kind => Target::Other {
                kind: kind.to_string(),
                id: id.to_string(),
            },
        }
    }

    pub fn detail(&self, r: &AuditRow) -> Detail {
        let detail = r.detail.as_str();
        match detail_kind(r) {
            DetailKind::Case => Detail::Case(self.case(detail)),
            DetailKind::Cases if !detail.is_empty() => {
                Detail::Cases(detail.split(',').map(|id| self.case(id)).collect())
            }
            DetailKind::Account if detail.is_empty() => Detail::Unassigned,
            DetailKind::Account => Detail::Account(self.person(detail)),
            DetailKind::Group => Detail::Group(self.group(detail)),
            DetailKind::Packet => Detail::Text(self.packet_detail(detail)),
            DetailKind::Cases | DetailKind::Text => Detail::Text(detail.to_string()),
        }
    }

    fn case(&self, id: &str) -> CaseName {
        match id.parse::<i64>().ok().and_then(|n| self.cases.get(&n)) {
            Some(reference) => CaseName::Reference(reference.clone()),
            None => CaseName::Purged(id.to_string()),
        }
    }

    fn referral(&self, id: &str) -> Target {
        match self.referrals.get(id) {
            Some((public_id, reference)) => Target::Referral {
                short: short(public_id),
                case: Some(reference.clone()),
            },
            // Gone with its purged case: a public id still has its short
            // form; an old numeric id is all there is.
            None => Target::Referral {
                short: if PublicId::parse(id).is_some() {
                    short(id)
                } else {
                    id.to_string()
                },
                case: None,
            },
        }
    }

    fn person(&self, id: &str) -> Person {
        match id.parse::<i64>().ok().and_then(|n| self.accounts.get(&n)) {
            Some((name, email)) => Person::Known {
                name: name.clone(),
                email: email.clone(),
            },
            None => Person::Unknown(id.to_string()),
        }
    }

    fn group(&self, id: &str) -> Group {
        match id.parse::<i64>().ok().and_then(|n| self.groups.get(&n)) {
            Some(name) => Group::Named(name.clone()),
            None => Group::Unknown(id.to_string()),
        }
    }

    /// A packet entry's detail with the recipient named.
    fn packet_detail(&self, detail: &str) -> String {
        detail
            .split(' ')
            .map(|pair| match pair.strip_prefix("recipient=") {
                Some(id) => match self.group(id) {
                    Group::Named(name) => format!("recipient={name}"),
                    Group::Unknown(_) => pair.to_string(),
                },
                None => pair.to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn short(public_id: &str) -> String {
    PublicId::parse(public_id)
        .map(|p| p.short())
        .unwrap_or_else(|| public_id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(action: &str, target_type: &str, target_id: &str, detail: &str) -> AuditRow {
        AuditRow {
            id: 1,
            at: chrono::Utc::now(),
            actor_id: Some(7),
            action: action.into(),
            target_type: target_type.into(),
            target_id: target_id.into(),
            detail: detail.into(),
            prev_hash: Vec::new(),
            hash: Vec::new(),
            chain: 2,
        }
    }

    fn names() -> Names {
        let mut n = Names::default();
        n.cases.insert(12, "K7M3-Q9PX".into());
        n.accounts
            .insert(7, ("Ana".into(), "ana@example.org".into()));
        n.groups.insert(3, "Group A".into());
        n
    }

    #[test]
    fn cases_are_named_by_reference_and_purged_ones_by_number() {
        let n = names();
        assert_eq!(
            n.target(&row("case.view", "case", "12", "")),
            Target::Case(CaseName::Reference("K7M3-Q9PX".into()))
        );
        assert_eq!(
            n.target(&row("case.purge", "case", "13", "retention")),
            Target::Case(CaseName::Purged("13".into()))
        );
        assert_eq!(
            n.detail(&row("case.link_confirmed", "case", "13", "12")),
            Detail::Case(CaseName::Reference("K7M3-Q9PX".into()))
        );
    }

    #[test]
    fn ids_in_details_are_named() {
        let n = names();
        assert_eq!(
            n.detail(&row("case.assign", "case", "12", "7")),
            Detail::Account(Person::Known {
                name: "Ana".into(),
                email: "ana@example.org".into()
            })
        );
        assert_eq!(
            n.detail(&row("case.assign", "case", "12", "")),
            Detail::Unassigned
        );
        assert_eq!(
            n.detail(&row("case.refer", "case", "12", "3")),
            Detail::Group(Group::Named("Group A".into()))
        );
        assert_eq!(
            n.detail(&row("packet.notice", "case", "12", "packet=ab recipient=3")),
            Detail::Text("packet=ab recipient=Group A".into())
        );
        assert_eq!(
            n.detail(&row("case.status", "case", "12", "new->triaged")),
            Detail::Text("new->triaged".into())
        );
    }

    #[test]
    fn the_ids_wanted_are_those_the_entries_name() {
        let rows = [
            row("case.refer", "case", "12", "3"),
            row(
                "referral.view",
                "referral",
                "0123456789abcdef0123456789abcdef",
                "",
            ),
            row("referral.accepted", "referral", "5", ""),
            row("links.view", "links", "", "12,13"),
        ];
        let w = wanted(&rows);
        assert_eq!(w.cases, [12, 13]);
        assert_eq!(w.groups, [3]);
        assert_eq!(w.referral_ids, [5]);
        assert_eq!(w.referral_public_ids.len(), 1);
        assert_eq!(w.accounts, [7]);
    }
}
